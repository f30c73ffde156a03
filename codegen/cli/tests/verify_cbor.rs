//! `codegen verify` over Smithy RPC v2 CBOR bodies: conforming ones, a missing required
//! member, wrong types, a truncated body, several bodies in one file, errors by `__type`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const LATEST: &str = "model/appstream-2016-12-01.latest.json";

/// A scratch file of this test's own holding `bytes`.
fn file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("codegen-verify-cbor-{}", std::process::id()));
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        std::fs::write(dir.join(name), bytes)?;
        Ok(dir.join(name))
    });
    written.unwrap_or_else(|error| panic!("cannot write {name}: {error}"))
}

fn verify(args: &[&str], file: &Path) -> Output {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let output = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(["verify", LATEST, "--operation", "DescribeFleets"])
        .args(args)
        .arg(file)
        .current_dir(workspace)
        .output();
    output.unwrap_or_else(|error| panic!("cannot run codegen: {error}"))
}

/// Standard output with the file's path as `{file}`, and the exit status.
fn run(args: &[&str], file: &Path) -> (String, Option<i32>) {
    let output = verify(args, file);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    let stdout = String::from_utf8_lossy(&output.stdout);
    (stdout.replace(&file.display().to_string(), "{file}"), output.status.code())
}

// A few CBOR encoders, enough for these bodies.
fn head(major: u8, n: u64) -> Vec<u8> {
    let major = major << 5;
    match n {
        0..=23 => vec![major | n as u8],
        24..=0xff => vec![major | 24, n as u8],
        0x100..=0xffff => [vec![major | 25], (n as u16).to_be_bytes().to_vec()].concat(),
        _ => [vec![major | 26], (n as u32).to_be_bytes().to_vec()].concat(),
    }
}

fn text(text: &str) -> Vec<u8> {
    [head(3, text.len() as u64), text.as_bytes().to_vec()].concat()
}

fn int(n: u64) -> Vec<u8> {
    head(0, n)
}

fn array(items: &[Vec<u8>]) -> Vec<u8> {
    [head(4, items.len() as u64), items.concat()].concat()
}

fn map(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let entries: Vec<Vec<u8>> =
        entries.iter().map(|(k, v)| [text(k), v.clone()].concat()).collect();
    [head(5, entries.len() as u64), entries.concat()].concat()
}

fn epoch(seconds: f64) -> Vec<u8> {
    [vec![0xc1, 0xfb], seconds.to_be_bytes().to_vec()].concat()
}

/// A DescribeFleets answer; `fleet` changes its fleet's members.
fn fleets(fleet: impl FnOnce(&mut Vec<(&'static str, Vec<u8>)>)) -> Vec<u8> {
    let mut members = vec![
        ("Arn", text("arn:aws:appstream:us-east-1:123456789012:fleet/f-1")),
        ("Name", text("f-1")),
        ("InstanceType", text("stream.standard.medium")),
        ("ComputeCapacityStatus", map(&[("Desired", int(2))])),
        ("State", text("RUNNING")),
        ("CreatedTime", epoch(1_496_170_845.734)),
    ];
    fleet(&mut members);
    map(&[("Fleets", array(&[map(&members)])), ("NextToken", text("t"))])
}

#[test]
fn a_conforming_body_is_told_cbor_by_its_first_byte_or_the_flag() {
    let path = file("valid.cbor", &fleets(|_| {}));
    let summary = "1 body: 1 conform, 0 do not (0 findings)\n".to_owned();
    assert_eq!(run(&["--response"], &path), (summary.clone(), Some(0)));
    assert_eq!(run(&["--response", "--protocol", "cbor"], &path), (summary, Some(0)));
}

#[test]
fn a_missing_required_member_and_wrong_types_are_found_with_their_paths() {
    let body = fleets(|fleet| {
        fleet.remove(0);
        fleet[2].1 = map(&[("Desired", text("2"))]);
        fleet[4].1 = int(1_496_170_845);
        fleet.push((
            "DisconnectTimeoutInSeconds",
            [vec![0xfa], 1.5f32.to_be_bytes().to_vec()].concat(),
        ));
    });
    let path = file("defects.cbor", &body);
    assert_eq!(
        run(&["--response"], &path),
        (
            "{file}: Fleets[0].ComputeCapacityStatus.Desired: expected an integer (32-bit), found \"2\"\n\
             {file}: Fleets[0].CreatedTime: expected epoch seconds under tag 1, found 1496170845\n\
             {file}: Fleets[0].DisconnectTimeoutInSeconds: expected an integer (32-bit), found 1.5\n\
             {file}: Fleets[0].Arn: the model requires this member, and it is missing\n\
             1 body: 0 conform, 1 do not (4 findings)\n"
                .to_owned(),
            Some(1)
        )
    );
}

#[test]
fn several_bodies_are_named_by_offset_and_a_truncated_one_says_where() {
    let first = fleets(|_| {});
    let whole = [first.clone(), first.clone()].concat();
    let truncated = &whole[..whole.len() - 3];
    let path = file("sequence.cbor", truncated);
    let second = first.len();
    // The cut falls in the text `NextToken`, whose head is the 9th byte from the end.
    let key = truncated.len() - 9;
    assert_eq!(
        run(&["--response", "--protocol", "cbor"], &path),
        (
            format!(
                "{{file}}@{second}: not CBOR: a length of 9 is more than the 8 bytes left at byte \
                 {key}\n2 bodies: 1 conform, 1 do not (1 finding)\n"
            ),
            Some(1)
        )
    );
}

#[test]
fn errors_are_named_by_their_type() {
    let known = map(&[
        ("__type", text("com.amazonaws.appstream#ResourceNotFoundException:http://x/#y")),
        ("Message", text("no such fleet")),
    ]);
    let path = file("error.cbor", &known);
    assert_eq!(
        run(&["--error"], &path),
        ("1 body: 1 conform, 0 do not (0 findings)\n".to_owned(), Some(0))
    );
    let unknown = map(&[("__type", text("aws#Throttled")), ("message", int(5))]);
    let path = file("unknown.cbor", &unknown);
    let (stdout, code) = run(&["--error"], &path);
    assert_eq!(
        (stdout.lines().next(), code),
        (
            Some(
                "{file}: __type: \"Throttled\" is not a value the model lists (ResourceNotFoundException)"
            ),
            Some(1)
        )
    );
}
