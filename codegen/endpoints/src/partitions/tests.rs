use std::borrow::Cow;

use serde_json::{Value, json};

use super::{Partition, Partitions};

fn read(text: &str) -> Partitions {
    Partitions::from_json(text).unwrap_or_else(|error| panic!("{error}"))
}

fn error(text: &str) -> String {
    match Partitions::from_json(text) {
        Ok(table) => panic!("read: {table:?}"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn embedded_table_reads() {
    let table = read(super::AWS_PARTITIONS);
    assert_eq!(table.version(), Some("1.1"));
    let names: Vec<&str> = table.iter().map(|partition| partition.name.as_str()).collect();
    assert_eq!(names.first(), Some(&"aws"));
    assert!(names.contains(&"aws-iso-b"), "{names:?}");
    assert!(
        table.regions().any(|(region, partition)| region == "us-east-1" && partition.name == "aws")
    );
    assert_eq!(Partitions::aws().iter().count(), table.iter().count());
}

#[test]
fn aws_partitions() {
    // (region, partition, DNS suffix, dual-stack suffix, implicit global region)
    let cases = [
        ("us-east-1", "aws", "amazonaws.com", "api.aws", "us-east-1"),
        ("aws-global", "aws", "amazonaws.com", "api.aws", "us-east-1"),
        (
            "cn-north-1",
            "aws-cn",
            "amazonaws.com.cn",
            "api.amazonwebservices.com.cn",
            "cn-northwest-1",
        ),
        (
            "eusc-de-east-1",
            "aws-eusc",
            "amazonaws.eu",
            "api.amazonwebservices.eu",
            "eusc-de-east-1",
        ),
        ("us-iso-east-1", "aws-iso", "c2s.ic.gov", "api.aws.ic.gov", "us-iso-east-1"),
        ("us-isob-east-1", "aws-iso-b", "sc2s.sgov.gov", "api.aws.scloud", "us-isob-east-1"),
        ("us-gov-west-1", "aws-us-gov", "amazonaws.com", "api.aws", "us-gov-west-1"),
        // By regionRegex.
        ("us-west-9", "aws", "amazonaws.com", "api.aws", "us-east-1"),
        (
            "cn-north-5",
            "aws-cn",
            "amazonaws.com.cn",
            "api.amazonwebservices.com.cn",
            "cn-northwest-1",
        ),
        ("us-gov-central-7", "aws-us-gov", "amazonaws.com", "api.aws", "us-gov-west-1"),
        (
            "eu-isoe-north-3",
            "aws-iso-e",
            "cloud.adc-e.uk",
            "api.cloud-aws.adc-e.uk",
            "eu-isoe-west-1",
        ),
        // Neither: the `aws` partition.
        ("mars-west-1", "aws", "amazonaws.com", "api.aws", "us-east-1"),
        ("mars-global", "aws", "amazonaws.com", "api.aws", "us-east-1"),
        ("", "aws", "amazonaws.com", "api.aws", "us-east-1"),
        // Whole names only.
        ("us-east-1-extra", "aws", "amazonaws.com", "api.aws", "us-east-1"),
        ("xcn-north-1", "aws", "amazonaws.com", "api.aws", "us-east-1"),
    ];
    for (region, name, dns_suffix, dual_stack, global) in cases {
        let partition = Partitions::aws().partition(region);
        assert_eq!(partition.name, name, "{region}");
        assert_eq!(partition.dns_suffix, dns_suffix, "{region}");
        assert_eq!(partition.dual_stack_dns_suffix, dual_stack, "{region}");
        assert_eq!(partition.implicit_global_region, global, "{region}");
        assert!(partition.supports_fips && partition.supports_dual_stack, "{region}");
    }
}

const USER_TABLE: &str = r#"{
  "version": "9",
  "partitions": [
    {
      "id": "first",
      "regionRegex": "^first\\-\\d+$",
      "regions": {
        "first-1": { "description": "plain" },
        "local": { "description": "override", "dnsSuffix": "localhost", "supportsFIPS": false },
        "other-7": {}
      },
      "outputs": {
        "name": "ignored", "dnsSuffix": "first.example", "dualStackDnsSuffix": "dual.first.example",
        "supportsFIPS": true, "supportsDualStack": false, "implicitGlobalRegion": "first-1"
      },
      "unknown": [1, 2]
    },
    {
      "id": "aws",
      "regionRegex": "^(other|first)\\-\\d+$",
      "outputs": {
        "dnsSuffix": "aws.example", "dualStackDnsSuffix": "dual.aws.example",
        "supportsFIPS": false, "supportsDualStack": true, "implicitGlobalRegion": "aws-1"
      }
    }
  ]
}"#;

fn partition(
    name: &str,
    dns: &str,
    dual: &str,
    fips: bool,
    dual_stack: bool,
    global: &str,
) -> Partition {
    Partition {
        name: name.to_owned(),
        dns_suffix: dns.to_owned(),
        dual_stack_dns_suffix: dual.to_owned(),
        supports_fips: fips,
        supports_dual_stack: dual_stack,
        implicit_global_region: global.to_owned(),
    }
}

#[test]
fn user_table() {
    let table = read(USER_TABLE);
    assert_eq!(table.version(), Some("9"));
    let first = partition("first", "first.example", "dual.first.example", true, false, "first-1");
    let aws = partition("aws", "aws.example", "dual.aws.example", false, true, "aws-1");
    let local = partition("first", "localhost", "dual.first.example", false, false, "first-1");
    assert_eq!(table.iter().cloned().collect::<Vec<_>>(), [first.clone(), aws.clone()]);
    // A listed region wins over an earlier regex match elsewhere, and a region's overrides apply.
    let cases = [
        ("first-1", &first),
        ("first-2", &first),
        ("local", &local),
        ("other-7", &first),
        ("other-8", &aws),
        ("nowhere", &aws),
    ];
    for (region, expected) in cases {
        let found = table.partition(region);
        assert!(matches!(found, Cow::Borrowed(_)), "{region}");
        assert_eq!(&*found, expected, "{region}");
    }
    let regions: Vec<(&str, &str)> = table
        .regions()
        .map(|(region, partition)| (region, partition.dns_suffix.as_str()))
        .collect();
    assert_eq!(
        regions,
        [("first-1", "first.example"), ("local", "localhost"), ("other-7", "first.example")]
    );
}

#[test]
fn without_aws_partition_the_first_answers() {
    let table = read(&USER_TABLE.replace(r#""id": "aws""#, r#""id": "second""#));
    assert_eq!(table.partition("nowhere").name, "first");
    assert_eq!(table.partition("other-8").name, "second");
    assert_eq!(table.version(), Some("9"));
    let bare = read(
        r#"{"partitions": [{"id": "p", "regionRegex": "^p$", "outputs": {"dnsSuffix": "d",
        "dualStackDnsSuffix": "e", "supportsFIPS": false, "supportsDualStack": false,
        "implicitGlobalRegion": "g"}}]}"#,
    );
    assert_eq!(bare.version(), None);
    assert_eq!(bare.regions().count(), 0);
    assert_eq!(*bare.partition("x"), partition("p", "d", "e", false, false, "g"));
}

fn good_partition(id: &str) -> Value {
    json!({"id": id, "regionRegex": format!("^{id}$"), "outputs": {
        "dnsSuffix": "d", "dualStackDnsSuffix": "e", "supportsFIPS": false,
        "supportsDualStack": false, "implicitGlobalRegion": "g"
    }})
}

/// A table of three good partitions, the third as `change` leaves it.
fn third_changed(change: impl FnOnce(&mut Value)) -> String {
    let mut third = good_partition("p");
    change(&mut third);
    json!({"partitions": [good_partition("a"), good_partition("b"), third]}).to_string()
}

fn remove(value: &mut Value, key: &str) {
    value.as_object_mut().map(|object| object.remove(key));
}

#[test]
fn errors_name_the_path() {
    let mut listing_r = good_partition("q");
    listing_r["regions"] = json!({"r": {}});
    let twice = json!({"partitions": [good_partition("a"), listing_r.clone(), listing_r]});
    let cases = [
        (
            third_changed(|p| p["regionRegex"] = json!("(")),
            "partitions[2].regionRegex: `(` is not a regular expression regress compiles",
        ),
        (third_changed(|p| p["regionRegex"] = json!("a)(b")), "partitions[2].regionRegex: `a)(b`"),
        (third_changed(|p| remove(p, "id")), "partitions[2].id: missing"),
        (
            third_changed(|p| p["id"] = json!(7)),
            "partitions[2].id: expected a string, found a number",
        ),
        (third_changed(|p| remove(p, "outputs")), "partitions[2].outputs: missing"),
        (
            third_changed(|p| p["outputs"] = json!([])),
            "partitions[2].outputs: expected an object, found an array",
        ),
        (
            third_changed(|p| p["outputs"]["supportsFIPS"] = json!("no")),
            "partitions[2].outputs.supportsFIPS: expected a boolean, found a string",
        ),
        (
            third_changed(|p| remove(&mut p["outputs"], "dualStackDnsSuffix")),
            "partitions[2].outputs.dualStackDnsSuffix: missing",
        ),
        (
            third_changed(|p| p["regions"] = json!([])),
            "partitions[2].regions: expected an object, found an array",
        ),
        (
            third_changed(|p| p["regions"] = json!({"r-1": null})),
            r#"partitions[2].regions["r-1"]: expected an object, found null"#,
        ),
        (
            third_changed(|p| p["regions"] = json!({"r-1": {"dnsSuffix": true}})),
            r#"partitions[2].regions["r-1"].dnsSuffix: expected a string, found a boolean"#,
        ),
        (twice.to_string(), r#"partitions[2].regions["r"]: already listed by partition `q`"#),
        (third_changed(|p| *p = json!(3)), "partitions[2]: expected an object, found a number"),
        (r#"{"partitions": []}"#.to_owned(), "partitions: empty"),
        (r#"{"partitions": {}}"#.to_owned(), "partitions: expected an array, found an object"),
        (r#"{"version": "1"}"#.to_owned(), "partitions: missing"),
        (
            json!({"version": 1.1, "partitions": [good_partition("a")]}).to_string(),
            "version: expected a string, found a number",
        ),
        ("[]".to_owned(), "expected an object, found an array"),
        ("{".to_owned(), "not JSON: EOF while parsing an object at line 1 column 1"),
    ];
    for (text, message) in cases {
        let error = error(&text);
        assert!(error.starts_with(message), "{error}\n  should start with\n{message}");
    }
}

#[test]
fn an_empty_table_answers_aws() {
    let empty = Partitions { version: None, partitions: Vec::new(), listed: Default::default() };
    let found = empty.partition("us-east-1");
    assert!(matches!(found, Cow::Owned(_)));
    assert_eq!(found.name, "aws");
    assert_eq!(found.dns_suffix, "amazonaws.com");
}

#[test]
fn error_path_accessor() {
    let error = Partitions::from_json(r#"{"partitions": 1}"#).err();
    assert_eq!(error.as_ref().map(super::PartitionsError::path), Some("partitions"));
    let error = Partitions::from_json("nope").err();
    assert_eq!(error.as_ref().map(super::PartitionsError::path), Some(""));
}
