// Generates the fixture models, three operations of the latest AppStream model, two services
// side by side (AppStream and DynamoDB), a few operations of DynamoDB, SQS and CloudWatch for
// retries, AWS Pricing and the deepest models the generator accepts, so that the tests in
// tests/ prove their code compiles and behaves.

#[path = "build/deepest.rs"]
mod deepest;
#[path = "build/java_patterns.rs"]
mod java_patterns;

/// One generated file: its stem, the model, the operations to slice it to (`None`: all), the
/// path it names the runtime by (`None`: the default, `::awsjson_runtime`), the model's
/// paginators, and whether the model has constraints the generator leaves unchecked.
struct Build {
    out: &'static str,
    model: &'static str,
    operations: Option<&'static [&'static str]>,
    runtime_path: Option<&'static str>,
    paginators: Option<&'static str>,
    /// Its warnings (unchecked constraints, operations CBOR cannot carry) are expected
    /// (codegen's `tests/every_model.rs` pins their text); any other model's stop the build.
    unchecked: bool,
}

const fn whole(out: &'static str, model: &'static str) -> Build {
    Build { out, model, operations: None, runtime_path: None, paginators: None, unchecked: false }
}

const BUILDS: &[Build] = &[
    whole("features", "../codegen/tests/fixtures/features.json"),
    whole("lints", "../codegen/tests/fixtures/lints.json"),
    whole("constraints", "../codegen/tests/fixtures/constraints.json"),
    Build { unchecked: true, ..whole("unchecked", "../codegen/tests/fixtures/unchecked.json") },
    whole("names_keywords", "../codegen/tests/fixtures/names/keywords.json"),
    whole("names_std", "../codegen/tests/fixtures/names/std.json"),
    whole("names_clashes", "../codegen/tests/fixtures/names/clashes.json"),
    whole("names_enum_values", "../codegen/tests/fixtures/names/enum-values.json"),
    Build {
        out: "latest_app_blocks",
        model: "../model/appstream-2016-12-01.latest.json",
        operations: Some(&["CreateAppBlock", "DescribeAppBlocks", "DeleteAppBlock"]),
        runtime_path: None,
        paginators: None,
        unchecked: false,
    },
    whole("two_services_appstream", "../model/appstream-2016-12-01.json"),
    Build {
        operations: Some(&["ListBackups"]),
        ..whole("two_services_dynamodb", "models/dynamodb-2012-08-10.json")
    },
    Build {
        out: "reexported_runtime",
        model: "../codegen/tests/fixtures/features.json",
        operations: None,
        runtime_path: Some("crate::reexported::rt"),
        paginators: None,
        unchecked: false,
    },
    Build {
        paginators: Some("../codegen/tests/fixtures/paging.paginators.json"),
        ..whole("paging", "../codegen/tests/fixtures/paging.json")
    },
    // What retries need (tests/retries.rs): idempotency tokens, `retryable` errors and their
    // codes, query compatibility, in the fixture and in the operations of real models that
    // show each.
    whole("retries", "../codegen/tests/fixtures/retries.json"),
    Build {
        operations: Some(&["TransactWriteItems", "PutItem"]),
        ..whole("retries_dynamodb", "models/dynamodb-2012-08-10.json")
    },
    Build {
        operations: Some(&["GetQueueUrl"]),
        ..whole("retries_sqs", "models/sqs-2012-11-05.json")
    },
    Build {
        operations: Some(&["GetDashboard"]),
        ..whole("retries_cloudwatch", "models/cloudwatch-2010-08-01.json")
    },
    // Smithy RPC v2 CBOR: a model offering it alone, and operations it cannot carry (their
    // documents; each is a warning).
    whole("cbor_only", "../codegen/tests/fixtures/cbor-only.json"),
    Build {
        unchecked: true,
        ..whole("cbor_documents", "../codegen/tests/fixtures/cbor-documents.json")
    },
    // AWS Pricing: its price lists are lists of `jsonvalue` strings.
    Build {
        paginators: Some("models/pricing-2017-10-15.paginators.json"),
        ..whole("pricing", "models/pricing-2017-10-15.json")
    },
];

/// For the round-trip property test: every operation's input and output type of a model, as
/// `(wire shape name, check::<Type>)` entries, the types named under `module`.
fn round_trip_registry(model: &str, module: &str) -> Result<String, String> {
    let model =
        awsjson_codegen::load_model(std::path::Path::new(model)).map_err(|e| e.to_string())?;
    let service = awsjson_codegen::ir::build(&model).map_err(|problems| format!("{problems:?}"))?;
    let mut entries = String::new();
    for operation in &service.operations {
        for shape in [operation.input, operation.output].into_iter().flatten() {
            let shape = service.shape(shape);
            let (wire, rust) = (&shape.wire_name, shape.rust_name.trim_start_matches("r#"));
            entries.push_str(&format!("    ({wire:?}, check::<{module}::{rust}>),\n"));
        }
    }
    Ok(format!("&[\n{entries}]\n"))
}

fn main() {
    let out_dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let registries = [
        ("round_trip_root", "../model/appstream-2016-12-01.json", "appstream_types"),
        (
            "round_trip_latest",
            "../model/appstream-2016-12-01.latest.json",
            "appstream_types::latest",
        ),
        ("round_trip_features", "../codegen/tests/fixtures/features.json", "features"),
        ("round_trip_pricing", "models/pricing-2017-10-15.json", "wire_tests::pricing"),
    ];
    for (out, model, module) in registries {
        let written = round_trip_registry(model, module).and_then(|registry| {
            std::fs::write(out_dir.join(format!("{out}.rs")), registry).map_err(|e| e.to_string())
        });
        if let Err(error) = written {
            eprintln!("error: {out}: {error}");
            std::process::exit(1);
        }
    }
    if let Err(error) = deepest::write(&out_dir) {
        eprintln!("error: the deepest models: {error}");
        std::process::exit(1);
    }
    println!("cargo:rerun-if-changed={}", java_patterns::CONSTRUCTS);
    let java = java_patterns::write(&out_dir).and_then(|model| {
        let out_file = out_dir.join("java_patterns.rs");
        let mut builder = awsjson_codegen::Builder::new(model);
        // Every construct it lists is checked.
        builder.on_warning(|_| Err("the Java patterns are all expected to be checked".to_owned()));
        builder.out_file(out_file).write().map_err(|e| e.to_string())
    });
    if let Err(error) = java {
        eprintln!("error: the Java patterns model: {error}");
        std::process::exit(1);
    }
    for Build { out, model, operations, runtime_path, paginators, unchecked } in BUILDS {
        println!("cargo:rerun-if-changed={model}");
        let mut builder = awsjson_codegen::Builder::new(model);
        if *unchecked {
            builder.on_warning(|_| Ok(()));
        } else {
            builder.on_warning(|_| Err("this model is expected to have none".to_owned()));
        }
        if let Some(operations) = operations {
            builder.operations(operations.iter().copied());
        }
        if let Some(runtime_path) = runtime_path {
            builder.runtime_path(*runtime_path);
        }
        if let Some(paginators) = paginators {
            println!("cargo:rerun-if-changed={paginators}");
            builder.paginators(paginators);
        }
        if let Err(error) = builder.out_file(out_dir.join(format!("{out}.rs"))).write() {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}
