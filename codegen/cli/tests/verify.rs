//! `codegen verify`: bodies with seeded defects, each found once with its JSON path and
//! nothing else; conforming bodies, requests, errors; and what stops a run (exit status 2).

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A scratch file of this test's own holding `text`.
fn file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("codegen-verify-{}", std::process::id()));
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        std::fs::write(dir.join(name), text)?;
        Ok(dir.join(name))
    });
    written.unwrap_or_else(|error| panic!("cannot write {name}: {error}"))
}

fn verify(args: &[&str], files: &[&Path]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .arg("verify")
        .args(args)
        .args(files)
        .current_dir(workspace())
        .output();
    output.unwrap_or_else(|error| panic!("cannot run codegen: {error}"))
}

const LATEST: &str = "model/appstream-2016-12-01.latest.json";

/// A DescribeFleets answer that conforms to today's model.
fn fleets() -> Value {
    json!({
        "Fleets": [
            {
                "Arn": "arn:aws:appstream:us-east-1:123456789012:fleet/f-1",
                "Name": "f-1",
                "InstanceType": "stream.standard.medium",
                "FleetType": "ON_DEMAND",
                "ComputeCapacityStatus": {"Desired": 2, "Running": 2},
                "State": "RUNNING",
                "VpcConfig": {"SubnetIds": ["subnet-1"], "SecurityGroupIds": ["sg-1"]},
                "CreatedTime": 1496170845.734,
                "IamRoleArn": "arn:aws:iam::123456789012:role/fleet",
                "SessionScriptS3Location": {"S3Bucket": "scripts", "S3Key": "session.json"},
                "UsbDeviceFilterStrings": ["Keyboard,,*,*,*,*,0,0"],
                "EnableDefaultInternetAccess": false
            },
            {
                "Arn": "arn:aws-cn:appstream:cn-north-1:123456789012:fleet/f-2",
                "Name": "f-2",
                "InstanceType": "stream.standard.small",
                "ComputeCapacityStatus": {"Desired": 0},
                "State": "STOPPED"
            }
        ],
        "NextToken": "token-2"
    })
}

/// One defect, seeded into a conforming body, and the one line that must report it.
struct Defect {
    seed: fn(&mut Value),
    finding: &'static str,
}

const ARN: &str = r"^arn:aws(?:\-cn|\-iso\-b|\-iso|\-us\-gov)?:[A-Za-z0-9][A-Za-z0-9_/.-]{0,62}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9][A-Za-z0-9:_/+=,@.\\-]{0,1023}$";

fn defects() -> Vec<Defect> {
    vec![
        Defect {
            seed: |body| body["Fleets"][0]["Colour"] = json!("blue"),
            finding: "Fleets[0].Colour: structure `Fleet` has no such member",
        },
        Defect {
            seed: |body| body["Fleets"][1]["State"] = json!("PAUSED"),
            finding: r#"Fleets[1].State: "PAUSED" is not a value the model lists (STARTING, RUNNING, STOPPING, STOPPED)"#,
        },
        Defect {
            seed: |body| body["Fleets"][0]["Name"] = json!(""),
            finding: r#"Fleets[0].Name: "" has 0 characters, fewer than the minimum of 1"#,
        },
        Defect {
            seed: |body| {
                body["Fleets"][0]["VpcConfig"]["SecurityGroupIds"] =
                    json!(["sg-1", "sg-2", "sg-3", "sg-4", "sg-5", "sg-6"]);
            },
            finding: "Fleets[0].VpcConfig.SecurityGroupIds: the list has 6 items, more than the maximum of 5",
        },
        Defect {
            seed: |body| {
                body["Fleets"][0]["SessionScriptS3Location"]["S3Bucket"] = json!("scripts.");
            },
            finding: r#"Fleets[0].SessionScriptS3Location.S3Bucket: "scripts." does not match the pattern ^[0-9a-z\.\-]*(?<!\.)$"#,
        },
        Defect {
            seed: |body| body["Fleets"][0]["ComputeCapacityStatus"]["Desired"] = json!("2"),
            finding: r#"Fleets[0].ComputeCapacityStatus.Desired: expected an integer (32-bit), found "2""#,
        },
        Defect {
            seed: |body| {
                body["Fleets"][0]["ComputeCapacityStatus"]["Desired"] = json!(3_000_000_000_u64)
            },
            finding: "Fleets[0].ComputeCapacityStatus.Desired: expected an integer (32-bit), found 3000000000",
        },
        Defect {
            seed: |body| {
                let fleet = body["Fleets"][1].as_object_mut();
                fleet.map(|fleet| fleet.remove("Arn"));
            },
            finding: "Fleets[1].Arn: the model requires this member, and it is missing",
        },
        Defect {
            seed: |body| body["Fleets"][0]["CreatedTime"] = json!("2017-05-30T19:00:45Z"),
            finding: r#"Fleets[0].CreatedTime: expected epoch seconds (a number), found "2017-05-30T19:00:45Z""#,
        },
        Defect {
            seed: |body| body["Fleets"][0]["EnableDefaultInternetAccess"] = json!("false"),
            finding: r#"Fleets[0].EnableDefaultInternetAccess: expected a boolean, found "false""#,
        },
        Defect {
            seed: |body| body["Fleets"] = json!({}),
            finding: "Fleets: expected a list (an array), found an object with 0 members",
        },
    ]
}

#[test]
fn seeded_defects_are_found_with_their_paths_and_nothing_else() {
    let clean = fleets().to_string();
    let mut lines = vec![clean.clone()];
    let mut expected = Vec::new();
    for defect in defects() {
        let mut body = fleets();
        (defect.seed)(&mut body);
        lines.push(body.to_string());
        expected.push(format!("{{file}}:{}: {}", lines.len(), defect.finding));
        lines.push(clean.clone());
    }
    // The IAM role's ARN breaks the pattern of the model's `Arn`, with Java's `\-` in it.
    let mut body = fleets();
    body["Fleets"][0]["IamRoleArn"] = json!("role/fleet");
    lines.push(body.to_string());
    expected.push(format!(
        r#"{{file}}:{}: Fleets[0].IamRoleArn: "role/fleet" does not match the pattern {ARN}"#,
        lines.len()
    ));
    lines.push(r#"{"Fleets": ["#.to_owned());
    expected.push(format!(
        "{{file}}:{}: not JSON: EOF while parsing a list at line 1 column 12",
        lines.len()
    ));
    let path = file("seeded.jsonl", &(lines.join("\n") + "\n"));
    let output = verify(&[LATEST, "--operation", "DescribeFleets", "--response"], &[&path]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let shown = path.display().to_string();
    let mut expected: Vec<String> =
        expected.iter().map(|line| line.replace("{file}", &shown)).collect();
    let defective = defects().len() + 2;
    expected.push(format!(
        "{} bodies: {} conform, {defective} do not ({defective} findings)",
        lines.len(),
        lines.len() - defective
    ));
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected);
    assert_eq!(
        (output.status.code(), String::from_utf8_lossy(&output.stderr).as_ref()),
        (Some(1), "")
    );
}

#[test]
fn a_conforming_body_over_many_lines_is_one_body() {
    let pretty = serde_json::to_string_pretty(&fleets()).unwrap_or_default();
    let path = file("pretty.json", &pretty);
    let output = verify(&[LATEST, "--operation", "DescribeFleets", "--response"], &[&path]);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "1 body: 1 conform, 0 do not (0 findings)\n"
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn requests_of_the_2017_model() {
    let bodies = [
        json!({"Name": "fleet-1", "ImageName": "base", "InstanceType": "stream.standard.medium",
               "ComputeCapacity": {"DesiredInstances": 2}}),
        json!({"Name": "fleet 1", "ImageName": "base", "ComputeCapacity": {"DesiredInstances": 2},
               "MaxUserDurationInSeconds": 600, "Tags": {"a": "b"}}),
        json!({"Name": "fleet-1", "ImageName": "base", "InstanceType": "x",
               "ComputeCapacity": {}, "VpcConfig": {"SubnetIds": "subnet-1"}}),
    ];
    let text: Vec<String> = bodies.iter().map(Value::to_string).collect();
    let path = file("requests.jsonl", &text.join("\n"));
    let output = verify(
        &["model/appstream-2016-12-01.json", "--operation", "CreateFleet", "--request"],
        &[&path],
    );
    let shown = path.display();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!(
            "{shown}:2: Name: \"fleet 1\" does not match the pattern ^[a-zA-Z0-9][a-zA-Z0-9_.-]{{0,100}}$\n\
             {shown}:2: Tags: structure `CreateFleetRequest` has no such member\n\
             {shown}:2: InstanceType: the model requires this member, and it is missing\n\
             {shown}:3: ComputeCapacity.DesiredInstances: the model requires this member, and it is missing\n\
             {shown}:3: VpcConfig.SubnetIds: expected a list (an array), found \"subnet-1\"\n\
             3 bodies: 1 conform, 2 do not (5 findings)\n"
        )
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn error_bodies_are_read_as_the_shape_their_code_names() {
    let bodies = [
        // `message` in either case, and `__type` with its namespace, as AWS sends them.
        r#"{"__type":"com.amazonaws.appstream#ResourceNotFoundException","message":"no fleet"}"#,
        r#"{"__type":"ResourceNotFoundException","Message":"no fleet"}"#,
        r#"{"__type":"ThrottlingException","message":"slow down"}"#,
        r#"{"message":"which error?"}"#,
        r#"{"__type":"InvalidRoleException","Message":"x","Reason":"y"}"#,
    ];
    let path = file("errors.jsonl", &bodies.join("\n"));
    let output = verify(&[LATEST, "--operation", "DescribeFleets", "--error"], &[&path]);
    let shown = path.display();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!(
            "{shown}:3: __type: \"ThrottlingException\" is not a value the model lists (ResourceNotFoundException)\n\
             {shown}:4: __type: the model requires this member, and it is missing\n\
             {shown}:5: __type: \"InvalidRoleException\" is not a value the model lists (ResourceNotFoundException)\n\
             5 bodies: 2 conform, 3 do not (3 findings)\n"
        )
    );
}

#[test]
fn what_stops_a_run_exits_2_and_says_why() {
    let path = file("one.json", "{}");
    let missing = Path::new("no-such-file.jsonl");
    let cases: [(&[&str], &[&Path], &str); 3] = [
        (
            &[LATEST, "--operation", "DescribeFleet", "--response"],
            &[&path],
            "error: --operation: the model has no operation `DescribeFleet` (did you mean `DescribeFleets`?)\n",
        ),
        (
            &[LATEST, "--operation", "DescribeFleets", "--response"],
            &[missing],
            "error: cannot read `no-such-file.jsonl`: No such file or directory",
        ),
        (
            &[LATEST, "--operation", "DescribeFleets"],
            &[&path],
            "error: the following required arguments were not provided:\n  <--request|--response|--error>",
        ),
    ];
    for (args, files, stderr) in cases {
        let output = verify(args, files);
        let shown = String::from_utf8_lossy(&output.stderr);
        assert!(shown.starts_with(stderr), "{args:?}: {shown}");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&output.stdout), "", "{args:?}");
    }
}

/// The README's example is what the command prints, on `tests/fixtures/traffic.jsonl`.
#[test]
fn the_readme_example_is_what_the_command_prints() {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap_or_default();
    let start = readme.find("$ codegen verify ").unwrap_or_else(|| panic!("no example in README"));
    let example = &readme[start..];
    let example = &example[..example.find("```").unwrap_or(example.len())];
    let (command, printed) = example.split_once('\n').unwrap_or_default();
    let args: Vec<String> = command
        .split_whitespace()
        .skip(2)
        .map(|arg| match arg.strip_prefix("model/") {
            Some(model) => workspace().join("model").join(model).display().to_string(),
            None => arg.to_owned(),
        })
        .collect();
    let output = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .args(&args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"))
        .output()
        .unwrap_or_else(|error| panic!("cannot run codegen: {error}"));
    assert_eq!(String::from_utf8_lossy(&output.stdout), printed);
    assert_eq!(output.status.code(), Some(1));
}

/// What `codegen verify` prints for `bodies` (one a line) against `model`'s `operation`,
/// with the file named `{file}`; its exit status must be 1.
fn findings(model: &str, operation: &str, side: &str, bodies: &[&str]) -> String {
    let path = file(&format!("{operation}{side}.jsonl"), &bodies.join("\n"));
    let output = verify(&[model, "--operation", operation, side], &[&path]);
    assert_eq!(output.status.code(), Some(1));
    String::from_utf8_lossy(&output.stdout).replace(&path.display().to_string(), "{file}")
}

/// `jsonvalue` list elements and map values must be strings of JSON text, each named by its
/// path; the string shape's own constraints do not apply to the JSON they hold (as in
/// `validate()`), the list's do.
#[test]
fn jsonvalue_elements_and_values_are_json_text() {
    let pricing = [
        r#"{"FormatVersion":"aws_v1","PriceList":["{\"product\":{\"sku\":\"A1\"}}","[1,2]","null"],"NextToken":"t"}"#,
        r#"{"PriceList":["{\"sku\":\"A1\"}","{\"sku\":",3,{"sku":"A1"}]}"#,
    ];
    assert_eq!(
        findings("tests/models/pricing-2017-10-15.json", "GetProducts", "--response", &pricing),
        "{file}:2: PriceList[1]: expected a string of JSON text (`jsonvalue`), found \"{\\\"sku\\\":\"\n\
         {file}:2: PriceList[2]: expected a string of JSON text (`jsonvalue`), found 3\n\
         {file}:2: PriceList[3]: expected a string of JSON text (`jsonvalue`), found an object with 1 member\n\
         2 bodies: 1 conform, 1 do not (3 findings)\n"
    );
    // The feature fixture's `JsonText` (at most 2 characters, lower-case letters) is held as
    // JSON in `JsonList` (at most 3 items) and `JsonMap`.
    let requests = [
        r#"{"Region":"r","JsonList":["{\"long\":\"JSON TEXT\"}","\"x\""],"JsonMap":{"k":"[true]"}}"#,
        r#"{"Region":"r","JsonList":["1","2","3","4x"],"JsonMap":{"good":"{}","bad":"nope"}}"#,
    ];
    assert_eq!(
        findings("codegen/tests/fixtures/features.json", "Measure", "--request", &requests),
        "{file}:2: JsonList: the list has 4 items, more than the maximum of 3\n\
         {file}:2: JsonList[3]: expected a string of JSON text (`jsonvalue`), found \"4x\"\n\
         {file}:2: JsonMap[\"bad\"]: expected a string of JSON text (`jsonvalue`), found \"nope\"\n\
         2 bodies: 1 conform, 1 do not (3 findings)\n"
    );
}
