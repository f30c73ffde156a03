fn main() {
    // `latest`: today's whole AppStream API instead of the four 2017-06-05 operations.
    let latest = std::env::var_os("CARGO_FEATURE_LATEST").is_some();
    let model = if latest {
        "../model/appstream-2016-12-01.latest.json"
    } else {
        "../model/appstream-2016-12-01.json"
    };
    println!("cargo:rerun-if-changed={model}");
    let out_file =
        std::path::Path::new(&std::env::var_os("OUT_DIR").unwrap_or_default()).join("appstream.rs");
    if let Err(error) = codegen::Builder::new(model).out_file(out_file).write() {
        eprintln!("error: {error}");
        std::process::exit(1);
    }
}
