// DynamoDB, SQS, Secrets Manager and CloudWatch, the operations the moto tests call, with their
// paginators, endpoint rule sets and (DynamoDB's) waiters.
const SERVICES: &[(&str, &str, &[&str])] = &[
    // BatchGetItem binds its endpoint parameters by a path through its input.
    (
        "dynamodb",
        "dynamodb-2012-08-10",
        // TransactWriteItems has an idempotency token, which retries must keep; DescribeTable
        // and DeleteTable are the waiters' scenario, and the Describe… operations the rest of
        // its waiters poll (KinesisStreamingDestinationActive's filter, `length`, `&&`, `||`).
        &[
            "CreateTable",
            "PutItem",
            "GetItem",
            "Query",
            "Scan",
            "BatchGetItem",
            "TransactWriteItems",
            "DescribeTable",
            "DeleteTable",
            "DescribeBulkOperation",
            "DescribeContributorInsights",
            "DescribeExport",
            "DescribeImport",
            "DescribeKinesisStreamingDestination",
        ],
    ),
    ("sqs", "sqs-2012-11-05", &["CreateQueue", "SendMessage", "ReceiveMessage"]),
    ("secretsmanager", "secretsmanager-2017-10-17", &["CreateSecret", "GetSecretValue"]),
    // Offers Smithy RPC v2 CBOR beside awsJson 1.0: the tests call it over CBOR.
    (
        "cloudwatch",
        "cloudwatch-2010-08-01",
        &[
            "PutMetricData",
            "ListMetrics",
            "GetMetricData",
            "GetMetricStatistics",
            "GetDashboard",
            "SetAlarmState",
        ],
    ),
];

fn main() {
    let out_dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    for (module, model, operations) in SERVICES {
        let (json, paginators) =
            (format!("../models/{model}.json"), format!("../models/{model}.paginators.json"));
        let rules = format!("../models/{model}.endpoint-rule-set.json");
        let waiters = format!("../models/{model}.waiters.json");
        for input in [&json, &paginators, &rules, &waiters] {
            println!("cargo:rerun-if-changed={input}");
        }
        let mut builder = awsjson_codegen::Builder::new(&json);
        if std::path::Path::new(&waiters).is_file() {
            builder.waiters(&waiters);
        }
        let written = builder
            .operations(operations.iter().copied())
            .paginators(&paginators)
            .endpoint_rules(&rules)
            .out_file(out_dir.join(format!("{module}.rs")))
            .write();
        if let Err(error) = written {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}
