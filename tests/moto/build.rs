// DynamoDB, SQS and Secrets Manager, the operations the moto tests call, with their paginators.
const SERVICES: &[(&str, &str, &[&str])] = &[
    ("dynamodb", "dynamodb-2012-08-10", &["CreateTable", "PutItem", "GetItem", "Query", "Scan"]),
    ("sqs", "sqs-2012-11-05", &["CreateQueue", "SendMessage", "ReceiveMessage"]),
    ("secretsmanager", "secretsmanager-2017-10-17", &["CreateSecret", "GetSecretValue"]),
];

fn main() {
    let out_dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    for (module, model, operations) in SERVICES {
        let (json, paginators) =
            (format!("../models/{model}.json"), format!("../models/{model}.paginators.json"));
        println!("cargo:rerun-if-changed={json}");
        println!("cargo:rerun-if-changed={paginators}");
        let written = awsjson_codegen::Builder::new(&json)
            .operations(operations.iter().copied())
            .paginators(&paginators)
            .out_file(out_dir.join(format!("{module}.rs")))
            .write();
        if let Err(error) = written {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}
