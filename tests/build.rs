// Generates the fixture models so that the tests in tests/ prove their code compiles and behaves.
fn main() {
    let out_dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    for name in ["features", "names/keywords", "names/std", "names/clashes", "names/enum-values"] {
        let model = format!("../codegen/tests/fixtures/{name}.json");
        println!("cargo:rerun-if-changed={model}");
        let out_file = out_dir.join(format!("{}.rs", name.replace(['/', '-'], "_")));
        if let Err(error) = codegen::Builder::new(model).out_file(out_file).write() {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}
