//! The changelog on the real AppStream models: the whole 2017 model against today's.

use awsjson_cli::diff::changelog;
use awsjson_codegen::model::Model;
use std::path::Path;

fn load(name: &str) -> Model {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../model").join(name);
    let json = std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    awsjson_codegen::model::parse(&json).unwrap()
}

#[test]
fn a_model_against_itself_changes_nothing() {
    let latest = load("appstream-2016-12-01.latest.json");
    assert_eq!(changelog(&latest, &latest).text(true), "no api changes\n");
}

#[test]
fn from_2017_to_today() {
    let old = load("appstream-2016-12-01.2017-06-05.json");
    let new = load("appstream-2016-12-01.latest.json");
    let log = changelog(&old, &new);
    assert_eq!((log.updated.len(), log.new_operations.len()), (15, 72));
    assert!(log.removed_operations.is_empty());
    let text = log.text(false);
    assert!(text.starts_with("15 updated api methods\n72 new api methods\n\n"), "{text}");
    let sessions = log.updated.iter().find(|delta| delta.operation == "DescribeSessions");
    let request = sessions.and_then(|delta| delta.request.as_deref());
    assert_eq!(request, Some("{'AuthenticationType': ['AWS_AD'], 'InstanceId': 'string'}"));
    let documentation: Vec<&String> =
        log.documentation_only.iter().filter(|entry| entry.starts_with("operation")).collect();
    let expected = ["ExpireSession", "ListAssociatedFleets", "ListAssociatedStacks"];
    assert_eq!(documentation, expected.map(|name| format!("operation `{name}`")).each_ref());
    assert_eq!(changelog(&old, &new), log, "the same models give the same changelog");

    let back = changelog(&new, &old);
    assert_eq!((back.updated.len(), back.removed_operations.len()), (15, 72));
    assert!(back.updated.iter().all(|delta| delta.request.is_none() && delta.response.is_none()));
}

/// Broken models are `ir`'s to report; a changelog of one still ends, and says nothing changed
/// between the model and itself.
#[test]
fn broken_models_do_not_panic() {
    let shipped = load("appstream-2016-12-01.json");
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/bad");
    let mut compared = 0;
    for entry in std::fs::read_dir(&directory).unwrap() {
        let path = entry.unwrap().path();
        let Ok(broken) = awsjson_codegen::model::parse(&std::fs::read(&path).unwrap()) else {
            continue;
        };
        let outcome = std::panic::catch_unwind(|| {
            let itself = changelog(&broken, &broken);
            assert!(itself.updated.is_empty() && itself.documentation_only.is_empty());
            changelog(&broken, &shipped).text(true);
            changelog(&shipped, &broken).text(true);
        });
        assert!(outcome.is_ok(), "{}", path.display());
        compared += 1;
    }
    assert!(compared >= 30, "only {compared} broken models parse");
}
