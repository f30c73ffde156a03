// Generates the fixture models, and three operations of the latest AppStream model, so that
// the tests in tests/ prove their code compiles and behaves.

/// Output file stem, model, and the operations to slice it to (`None`: all).
const BUILDS: &[(&str, &str, Option<&[&str]>)] = &[
    ("features", "../codegen/tests/fixtures/features.json", None),
    ("lints", "../codegen/tests/fixtures/lints.json", None),
    ("names_keywords", "../codegen/tests/fixtures/names/keywords.json", None),
    ("names_std", "../codegen/tests/fixtures/names/std.json", None),
    ("names_clashes", "../codegen/tests/fixtures/names/clashes.json", None),
    ("names_enum_values", "../codegen/tests/fixtures/names/enum-values.json", None),
    (
        "latest_app_blocks",
        "../model/appstream-2016-12-01.latest.json",
        Some(&["CreateAppBlock", "DescribeAppBlocks", "DeleteAppBlock"]),
    ),
];

fn main() {
    let out_dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    for (out, model, operations) in BUILDS {
        println!("cargo:rerun-if-changed={model}");
        let mut builder = awsjson_codegen::Builder::new(model);
        if let Some(operations) = operations {
            builder.operations(operations.iter().copied());
        }
        if let Err(error) = builder.out_file(out_dir.join(format!("{out}.rs"))).write() {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}
