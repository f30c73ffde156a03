// Generates the feature fixture so that tests/features.rs proves it compiles and behaves.
fn main() {
    let model = "../codegen/tests/fixtures/features.json";
    println!("cargo:rerun-if-changed={model}");
    let out_dir = std::env::var_os("OUT_DIR").unwrap_or_default();
    let out_file = std::path::Path::new(&out_dir).join("features.rs");
    if let Err(error) = codegen::Builder::new(model).out_file(out_file).write() {
        eprintln!("error: {error}");
        std::process::exit(1);
    }
}
