//! What a `Builder` does with warnings: its hook gets each one and may make it an error, and
//! without a hook a build script shows them to cargo, any other program on standard error.

use awsjson_codegen::{Builder, Location, Warning};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/warnings").join(name)
}

/// The two warnings of the fixture whose pattern is shared by two shapes.
const SHARED: [&str; 2] = [
    "shape `Id`: `pattern` `a(b` is left unchecked: Java's `Pattern` rejects it (an unclosed \
     group)",
    "shape `OtherId`: `pattern` `a(b` is left unchecked: Java's `Pattern` rejects it (an \
     unclosed group)",
];

#[test]
fn check_lists_the_warnings_in_its_summary() {
    let mut builder = Builder::new(fixture("pattern-shared-by-shapes.json"));
    let summary = builder.on_warning(|_| Ok(())).check().unwrap_or_else(|e| panic!("{e}"));
    let warnings: Vec<String> = summary.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings, SHARED);
    assert_eq!(
        summary.warnings[0],
        Warning {
            location: Location::Shape("Id".to_owned()),
            message: "`pattern` `a(b` is left unchecked: Java's `Pattern` rejects it (an \
                      unclosed group)"
                .to_owned(),
        }
    );
    assert_eq!(
        summary.to_string(),
        "ok: 1 operations, 4 shapes (1 list, 2 string, 1 structure), with 2 warnings"
    );
}

#[test]
fn a_hook_makes_the_warnings_it_refuses_errors_and_nothing_is_written() {
    let path = fixture("pattern-shared-by-shapes.json");
    let out = std::env::temp_dir().join(format!("awsjson-warnings-{}.rs", std::process::id()));
    let mut builder = Builder::new(&path);
    builder.out_file(&out).on_warning(|warning| match &warning.location {
        Location::Shape(name) if name == "Id" => Ok(()),
        _ => Err("only `Id` may go unchecked in this crate".to_owned()),
    });
    let expected = format!(
        "`{}` has a problem: {}; made an error by `Builder::on_warning`: only `Id` may go \
         unchecked in this crate",
        path.display(),
        SHARED[1]
    );
    for (what, result) in [
        ("check", builder.check().map(drop)),
        ("generate", builder.generate().map(drop)),
        ("write", builder.write()),
    ] {
        assert_eq!(result.map_err(|error| error.to_string()), Err(expected.clone()), "{what}");
    }
    assert!(!out.exists(), "write wrote {} for a refused model", out.display());
}

#[test]
fn a_builder_with_a_hook_stays_debug_clone_send_and_sync() {
    fn send_sync<T: Send + Sync + Clone + std::fmt::Debug>(_: &T) {}
    let mut builder = Builder::new("m.json");
    builder.on_warning(|_| Ok(()));
    send_sync(&builder);
    let debug = format!("{:?}", builder.clone());
    assert!(debug.contains("on_warning: Some(Builder::on_warning(…))"), "{debug}");
}

/// Run by [`without_a_hook_warnings_go_where_the_build_reads`], in a process of its own with
/// the environment it chooses: generates the shared-pattern fixture with the default hook.
#[test]
#[ignore = "run as a child process by without_a_hook_warnings_go_where_the_build_reads"]
fn child_generates_with_the_default_hook() {
    let generated = Builder::new(fixture("pattern-shared-by-shapes.json")).generate();
    assert!(generated.is_ok(), "{generated:?}");
}

/// `(stdout, stderr)` lines of the child that start with `prefix`, run as a build script is
/// (`OUT_DIR` and `TARGET` set) or not.
fn child_lines(as_build_script: bool, prefix: &str) -> (Vec<String>, Vec<String>) {
    let exe = std::env::current_exe().unwrap_or_else(|error| panic!("{error}"));
    let mut command = Command::new(exe);
    command.args(["--exact", "child_generates_with_the_default_hook", "--ignored", "--nocapture"]);
    if as_build_script {
        command.env("OUT_DIR", std::env::temp_dir()).env("TARGET", "x86_64-unknown-linux-gnu");
    } else {
        command.env_remove("OUT_DIR").env_remove("TARGET");
    }
    let output = command.output().unwrap_or_else(|error| panic!("{error}"));
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let lines = |bytes: &[u8]| -> Vec<String> {
        (String::from_utf8_lossy(bytes).lines())
            .filter(|line| line.starts_with(prefix))
            .map(str::to_owned)
            .collect()
    };
    (lines(&output.stdout), lines(&output.stderr))
}

#[test]
fn without_a_hook_warnings_go_where_the_build_reads() {
    let model = "pattern-shared-by-shapes.json";
    let for_cargo: Vec<String> =
        SHARED.iter().map(|warning| format!("cargo:warning={model}: {warning}")).collect();
    assert_eq!(child_lines(true, "cargo:warning="), (for_cargo, vec![]));
    let on_stderr: Vec<String> =
        SHARED.iter().map(|warning| format!("warning: {model}: {warning}")).collect();
    assert_eq!(child_lines(false, "cargo:warning="), (vec![], vec![]));
    assert_eq!(child_lines(false, "warning: "), (vec![], on_stderr));
}
