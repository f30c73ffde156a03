// The crate root from the four 2017-06-05 operations; with `latest`, also the `latest` module
// from today's whole model. Each comes with its overview, the docs of the module it goes into.
fn main() {
    let out_dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let mut builds = vec![("appstream", "model/appstream-2016-12-01.json")];
    if std::env::var_os("CARGO_FEATURE_LATEST").is_some() {
        builds.push(("latest", "model/appstream-2016-12-01.latest.json"));
    }
    for (name, model) in builds {
        println!("cargo:rerun-if-changed={model}");
        let written = awsjson_codegen::Builder::new(model)
            .out_file(out_dir.join(format!("{name}.rs")))
            .overview_file(out_dir.join(format!("{name}.md")))
            .write();
        if let Err(error) = written {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}
