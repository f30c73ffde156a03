// The crate root from the four 2017-06-05 operations; with `latest`, also the `latest` module
// from today's whole model. Each comes with its overview, the docs of the module it goes into.
fn main() {
    let out_dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    // Module, model, and its paginators: botocore ships today's, none for the 2017 model.
    let mut builds = vec![("appstream", "model/appstream-2016-12-01.json", None)];
    if std::env::var_os("CARGO_FEATURE_LATEST").is_some() {
        let paginators = "model/appstream-2016-12-01.latest.paginators.json";
        builds.push(("latest", "model/appstream-2016-12-01.latest.json", Some(paginators)));
    }
    // AppStream's endpoint rule set, the same for both: it names no operation or shape.
    let rules = "model/appstream-2016-12-01.endpoint-rule-set.json";
    // Today's waiters (FleetStarted, FleetStopped on DescribeFleets), which type-check against
    // the 2017 model too: `FleetState` has listed RUNNING, STOPPED… since the first model.
    let waiters = "model/appstream-2016-12-01.waiters.json";
    for (name, model, paginators) in builds {
        let mut builder = awsjson_codegen::Builder::new(model);
        builder.endpoint_rules(rules).waiters(waiters);
        for input in [model, rules, waiters].into_iter().chain(paginators) {
            println!("cargo:rerun-if-changed={input}");
        }
        if let Some(paginators) = paginators {
            builder.paginators(paginators);
        }
        let written = builder
            .out_file(out_dir.join(format!("{name}.rs")))
            .overview_file(out_dir.join(format!("{name}.md")))
            .write();
        if let Err(error) = written {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}
