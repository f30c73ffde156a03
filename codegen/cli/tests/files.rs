//! The `codegen` command where it touches files, pipes and deep models: nothing it reads is
//! overwritten, nothing hangs, nothing is half written, a closed pipe ends it quietly, and
//! every command takes or refuses a deep model alike.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn model() -> PathBuf {
    workspace().join("model/appstream-2016-12-01.json")
}

/// A scratch directory of this test's own.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("codegen-files-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let created = std::fs::create_dir_all(&dir);
    assert!(created.is_ok(), "{created:?}");
    dir
}

/// Runs `codegen` with `args`; a run that takes longer than a minute is killed and fails.
fn codegen(args: &[&str]) -> Output {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let child = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(args)
        .current_dir(workspace())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let child = child.unwrap_or_else(|error| panic!("cannot run codegen: {error}"));
    let (pid, done, timed_out) =
        (child.id(), Arc::new(AtomicBool::new(false)), Arc::new(AtomicBool::new(false)));
    let watchdog = std::thread::spawn({
        let (done, timed_out) = (Arc::clone(&done), Arc::clone(&timed_out));
        move || {
            let started = Instant::now();
            while !done.load(Ordering::Relaxed) {
                if started.elapsed() > Duration::from_secs(60) {
                    timed_out.store(true, Ordering::Relaxed);
                    let _ = Command::new("kill").arg(pid.to_string()).status();
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    });
    // Reading both pipes while it runs, so that a full pipe cannot stall it.
    let output = child.wait_with_output().unwrap_or_else(|error| panic!("{error}"));
    done.store(true, Ordering::Relaxed);
    let _ = watchdog.join();
    assert!(!timed_out.load(Ordering::Relaxed), "codegen {args:?} hangs");
    output
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

#[test]
fn the_model_is_never_written_over() {
    let dir = scratch("inputs");
    let copy = dir.join("m.json");
    let written = std::fs::copy(model(), &copy);
    assert!(written.is_ok(), "{written:?}");
    let before = text(&copy);
    let link = dir.join("link.json");
    #[cfg(unix)]
    let _ = std::os::unix::fs::symlink(&copy, &link);
    let m = copy.to_string_lossy().into_owned();
    let l = link.to_string_lossy().into_owned();
    let cases: Vec<Vec<&str>> = vec![
        vec!["generate", &m, "--out", &m],
        vec!["generate", &m, "--out", &l],
        vec!["generate", &l, "--out", &m],
        vec!["subset", &m, "--operations", "CreateFleet", "--out", &m],
    ];
    for args in cases {
        let output = codegen(&args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&output).starts_with("error: refusing to write `"),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(stderr(&output).ends_with("`, which this run reads\n"), "{}", stderr(&output));
        assert_eq!(text(&copy), before, "{args:?} changed the model");
    }
}

#[test]
fn special_files_are_written_not_read() {
    let m = model().to_string_lossy().into_owned();
    let to_stdout = codegen(&["generate", &m, "--out", "/dev/stdout"]);
    assert!(to_stdout.status.success(), "{}", stderr(&to_stdout));
    assert!(String::from_utf8_lossy(&to_stdout.stdout).contains("pub struct CreateFleet;"));
    let to_zero = codegen(&["generate", &m, "--out", "/dev/zero"]);
    assert!(to_zero.status.success(), "{}", stderr(&to_zero));
    #[cfg(unix)]
    {
        let fifo = scratch("fifo").join("out");
        let made = Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|status| status.success()), "mkfifo");
        let reader = std::thread::spawn({
            let fifo = fifo.clone();
            move || std::fs::read_to_string(fifo).unwrap_or_default()
        });
        let output = codegen(&["generate", &m, "--out", &fifo.to_string_lossy()]);
        assert!(output.status.success(), "{}", stderr(&output));
        let read = reader.join().unwrap_or_default();
        assert!(read.contains("pub struct CreateFleet;"));
    }
}

#[test]
fn a_file_is_replaced_whole_or_left_alone() {
    let dir = scratch("atomic");
    let out = dir.join("out.rs");
    let m = model().to_string_lossy().into_owned();
    let o = out.to_string_lossy().into_owned();
    let written = std::fs::write(&out, "old");
    assert!(written.is_ok());
    #[cfg(unix)]
    let before = std::os::unix::fs::MetadataExt::ino(
        &std::fs::metadata(&out).unwrap_or_else(|e| panic!("{e}")),
    );
    let output = codegen(&["generate", &m, "--out", &o]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(text(&out).starts_with("// @generated"));
    // A new file renamed into place, not the old one rewritten in place, and nothing left.
    #[cfg(unix)]
    {
        let after = std::os::unix::fs::MetadataExt::ino(
            &std::fs::metadata(&out).unwrap_or_else(|e| panic!("{e}")),
        );
        assert_ne!(before, after, "the file was rewritten in place");
    }
    let entries: Vec<String> = (std::fs::read_dir(&dir).into_iter().flatten())
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(entries, ["out.rs"]);
    // A directory in the way: an error, and no temporary file left behind.
    let blocked = dir.join("blocked");
    let _ = std::fs::create_dir(&blocked);
    let output = codegen(&["generate", &m, "--out", &blocked.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("error: cannot write `"), "{}", stderr(&output));
    assert_eq!(std::fs::read_dir(&dir).map(Iterator::count).ok(), Some(2));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let latest = workspace().join("model/appstream-2016-12-01.latest.json");
    let child = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(["generate", &latest.to_string_lossy()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = child.unwrap_or_else(|error| panic!("{error}"));
    let mut stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let mut first = [0_u8; 16];
    let read = stdout.read_exact(&mut first);
    assert!(read.is_ok());
    drop(stdout);
    let output = child.wait_with_output().unwrap_or_else(|error| panic!("{error}"));
    assert_eq!((output.status.code(), stderr(&output)), (Some(0), String::new()));
}

/// A model whose operation's input is a chain of `length` nested structures.
fn chain(length: usize) -> String {
    let shapes: Vec<String> = (0..length)
        .map(|i| {
            let members = if i + 1 < length {
                format!(r#"{{"Next":{{"shape":"S{}"}}}}"#, i + 1)
            } else {
                "{}".to_owned()
            };
            format!(r#""S{i}":{{"type":"structure","members":{members}}}"#)
        })
        .collect();
    format!(
        r#"{{"metadata":{{"protocol":"json","jsonVersion":"1.1","targetPrefix":"T"}},"operations":{{"Go":{{"name":"Go","input":{{"shape":"S0"}}}}}},"shapes":{{{}}}}}"#,
        shapes.join(",")
    )
}

#[test]
fn every_command_takes_or_refuses_a_deep_model_alike() {
    let dir = scratch("deep");
    let (deep, ok) = (dir.join("deep.json"), dir.join("ok.json"));
    assert!(std::fs::write(&deep, chain(2_500)).is_ok());
    // The deepest chain taken: 47 structures of two levels each (the type and its `Option`).
    assert!(std::fs::write(&ok, chain(48)).is_ok());
    let (deep, ok) = (deep.to_string_lossy().into_owned(), ok.to_string_lossy().into_owned());
    let why = "has a problem: shape `S0`: its values nest 4999 levels of Rust types deep (S0.Next \
               → S1.Next → S2.Next → S3.Next → … 2494 more … → S2498.Next), more than the 96 the \
               generator takes: rustc proves a type `Send` or `Sync` through 128 levels (its \
               default `recursion_limit`), and code using the types needs some of them (each map \
               takes about 10, a list 3, a structure 1 and an optional member 1)\n";
    for args in [vec!["check", &deep], vec!["generate", &deep], vec!["diff", &ok, &deep]] {
        let output = codegen(&args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(stderr(&output).ends_with(why), "{args:?}: {}", stderr(&output));
    }
    for args in [vec!["check", &ok], vec!["diff", &ok, &ok]] {
        let output = codegen(&args);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
    }
}

#[test]
fn a_selection_that_leaves_nothing_is_an_error_said_once() {
    let m = model().to_string_lossy().into_owned();
    let nothing = codegen(&[
        "check",
        &m,
        "--operations",
        "CreateFleet",
        "--exclude-operations",
        "CreateFleet",
    ]);
    assert_eq!(nothing.status.code(), Some(1));
    assert!(
        stderr(&nothing).ends_with("has a problem: model: the selection leaves no operation: every operation chosen is excluded\n"),
        "{}",
        stderr(&nothing)
    );
    let empty = codegen(&["generate", &m, "--operations", ","]);
    assert_eq!(empty.status.code(), Some(1));
    assert!(
        stderr(&empty).ends_with(
            "has a problem: model: an empty operation name among the operations chosen\n"
        ),
        "{}",
        stderr(&empty)
    );
}

#[test]
fn a_cache_dir_that_cannot_be_is_said_once() {
    let file = scratch("cache").join("a-file");
    assert!(std::fs::write(&file, "").is_ok());
    let suites = workspace().join("tests/conformance/scalars.json");
    let output = codegen(&[
        "conformance",
        &suites.to_string_lossy(),
        "--cache-dir",
        &file.to_string_lossy(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let lines: Vec<String> = stderr(&output).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].starts_with("error: the cache directory: cannot write `"), "{lines:?}");
    assert!(output.stdout.is_empty());
}
