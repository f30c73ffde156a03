//! appstream-types carries its models in its package, and they are the workspace's `model/`:
//! `appstream-types/model` is a link to it, so there is one copy to edit (CI's `.ci/packages`
//! compares the packaged files with `model/` byte for byte).

use std::path::Path;

fn workspace() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

#[test]
fn the_crates_model_directory_is_a_link_to_the_workspaces() {
    let link = workspace().join("appstream-types/model");
    let target = std::fs::read_link(&link);
    assert_eq!(
        target.ok().as_deref(),
        Some(Path::new("../model")),
        "appstream-types/model must be a link to ../model, not a copy that can drift"
    );
}

#[test]
fn the_package_includes_every_model_the_build_reads() {
    let read = |path: &str| {
        std::fs::read_to_string(workspace().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let (build, manifest) = (read("appstream-types/build.rs"), read("appstream-types/Cargo.toml"));
    let models: Vec<&str> = build
        .split('"')
        .filter(|text| text.starts_with("model/") && text.ends_with(".json"))
        .collect();
    assert_eq!(
        models,
        [
            "model/appstream-2016-12-01.json",
            "model/appstream-2016-12-01.latest.paginators.json",
            "model/appstream-2016-12-01.latest.json",
            "model/appstream-2016-12-01.endpoint-rule-set.json",
            "model/appstream-2016-12-01.waiters.json",
        ]
    );
    for model in models {
        assert!(manifest.contains(&format!("\"{model}\"")), "{model} is not in the package");
        assert!(workspace().join("appstream-types").join(model).is_file(), "{model} is missing");
    }
}
