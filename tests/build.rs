// Generates the fixture models, and three operations of the latest AppStream model, so that
// the tests in tests/ prove their code compiles and behaves.
fn main() {
    let out_dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let fixtures =
        ["features", "names/keywords", "names/std", "names/clashes", "names/enum-values"];
    let mut builds: Vec<(String, String, &[&str])> = (fixtures.iter())
        .map(|name| {
            (
                name.replace(['/', '-'], "_"),
                format!("../codegen/tests/fixtures/{name}.json"),
                &[][..],
            )
        })
        .collect();
    let app_blocks: &[&str] = &["CreateAppBlock", "DescribeAppBlocks", "DeleteAppBlock"];
    builds.push((
        "latest_app_blocks".into(),
        "../model/appstream-2016-12-01.latest.json".into(),
        app_blocks,
    ));
    for (out, model, operations) in builds {
        println!("cargo:rerun-if-changed={model}");
        let mut builder = codegen::Builder::new(model);
        if !operations.is_empty() {
            builder.operations(operations.iter().copied());
        }
        if let Err(error) = builder.out_file(out_dir.join(format!("{out}.rs"))).write() {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}
