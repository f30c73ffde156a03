//! Paginators that do not fit their model are refused, each problem naming the paginator and
//! saying what is wrong, all of them at once, in the file's order.

use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// What generating the paging fixture with `paginators` (the file's JSON) says.
fn refusal(paginators: &str) -> String {
    let path = std::env::temp_dir().join(format!("paginators-{}.json", std::process::id()));
    let written = std::fs::write(&path, paginators);
    assert!(written.is_ok(), "{written:?}");
    let result = awsjson_codegen::Builder::new(fixture("paging.json")).paginators(&path).generate();
    let _ = std::fs::remove_file(&path);
    match result {
        Ok(_) => panic!("generated with broken paginators: {paginators}"),
        Err(error) => error.to_string().replace(&path.display().to_string(), "paginators.json"),
    }
}

#[test]
fn every_problem_names_its_paginator() {
    let paginators = r#"{"pagination": {
        "ListThings": {"input_token": "Token", "output_token": "NextToken", "result_key": "Things"},
        "ScanItems": {"input_token": "ExclusiveStartKey", "output_token": "Page.Items",
                      "result_key": "Page.Count", "more_results": "Page.Items",
                      "limit_key": "ExclusiveStartKey"},
        "ListPairs": {"input_token": ["Marker", "Offset"], "output_token": "NextMarker"},
        "Describe": {"input_token": "Token", "output_token": "NextMarker || Token"},
        "Upload": {"input_token": "Data", "output_token": "Data"},
        "Nowhere": {"input_token": "A", "output_token": "A"}
    }}"#;
    assert_eq!(
        refusal(paginators),
        "`paginators.json` has 9 problems:
  paginator `ListThings`: input token `Token`: `ListThingsInput` has no member `Token`
  paginator `ScanItems`: input token `ExclusiveStartKey` (`Key`) and its output token (`ItemList`) are of different types
  paginator `ScanItems`: more results `Page.Items` is `ItemList`, expected a boolean
  paginator `ScanItems`: result key `Page.Count` is `Integer`, expected a list or a map
  paginator `ScanItems`: limit key `ExclusiveStartKey` is `Key`, expected a number
  paginator `ListPairs`: 2 input tokens but 1 output token: each input token takes the output token in its place
  paginator `Describe`: output token `NextMarker || Token`: only member names and dotted paths of them are supported, not JMESPath expressions
  paginator `Upload`: the operation needs both an input and an output to page
  paginator `Nowhere`: the model has no operation of this name"
    );
}

#[test]
fn a_paginator_that_is_not_one_is_named_with_the_key_at_fault() {
    let paginators = r#"{"pagination": {"ListThings": {"input_token": "NextToken", "output_token": ["NextToken", 5]}}}"#;
    assert_eq!(
        refusal(paginators),
        "`paginators.json` has a problem: paginator `ListThings`: `output_token` is not a member name or a list of them"
    );
}

#[test]
fn a_jsonvalue_member_is_no_token() {
    let directory = std::env::temp_dir().join(format!("jsonvalue-token-{}", std::process::id()));
    let created = std::fs::create_dir_all(&directory);
    assert!(created.is_ok(), "{created:?}");
    let model = serde_json::json!({
        "version": "2.0",
        "metadata": {"apiVersion": "2020-01-01", "endpointPrefix": "things", "jsonVersion": "1.1",
                     "protocol": "json", "serviceId": "Things", "targetPrefix": "Things",
                     "uid": "things-2020-01-01"},
        "operations": {"ListThings": {"name": "ListThings", "http": {"method": "POST", "requestUri": "/"},
                                      "input": {"shape": "ListThingsInput"},
                                      "output": {"shape": "ListThingsOutput"}}},
        "shapes": {
            "ListThingsInput": {"type": "structure", "members": {"Token": {"shape": "Text", "jsonvalue": true}}},
            "ListThingsOutput": {"type": "structure", "members": {"Next": {"shape": "Text", "jsonvalue": true}}},
            "Text": {"type": "string"}
        }
    });
    let paginators =
        r#"{"pagination": {"ListThings": {"input_token": "Token", "output_token": "Next"}}}"#;
    let (model_path, paginators_path) = (directory.join("m.json"), directory.join("p.json"));
    let written = std::fs::write(&model_path, model.to_string())
        .and_then(|()| std::fs::write(&paginators_path, paginators));
    assert!(written.is_ok(), "{written:?}");
    let result = awsjson_codegen::Builder::new(&model_path).paginators(&paginators_path).generate();
    let _ = std::fs::remove_dir_all(&directory);
    let error = result.map(|_| ()).unwrap_err().on_command_line().to_string();
    assert_eq!(
        error.replace(&paginators_path.display().to_string(), "p.json"),
        "`p.json` has 2 problems:
  paginator `ListThings`: input token `Token`: `Token` is a `jsonvalue` member, JSON held parsed
  paginator `ListThings`: output token `Next`: `Next` is a `jsonvalue` member, JSON held parsed"
    );
}

#[test]
fn paginators_of_operations_left_out_are_skipped() {
    let generated = awsjson_codegen::Builder::new(fixture("paging.json"))
        .operations(["ListThings"])
        .paginators(fixture("paging.paginators.json"))
        .generate()
        .unwrap_or_else(|error| panic!("{error}"));
    assert!(generated.contains("impl ::awsjson_runtime::Paginated for ListThings {"));
    assert!(!generated.contains("Paginated for ScanItems"));
}

#[test]
fn a_missing_paginators_file_is_named() {
    let missing = fixture("no-such.paginators.json");
    let error =
        awsjson_codegen::Builder::new(fixture("paging.json")).paginators(&missing).generate();
    let message = error.err().map(|error| error.to_string()).unwrap_or_default();
    assert!(message.starts_with(&format!("cannot read `{}`: ", missing.display())), "{message}");
}

#[test]
fn botocores_paginators_fit_their_models() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let models = [
        ("model", "appstream-2016-12-01.latest", 10),
        ("tests/models", "dynamodb-2012-08-10", 6),
        ("tests/models", "sqs-2012-11-05", 2),
        ("tests/models", "secretsmanager-2017-10-17", 2),
        // GetProducts pages through a list of `jsonvalue` strings.
        ("tests/models", "pricing-2017-10-15", 4),
    ];
    for (directory, model, paginated) in models {
        let directory = workspace.join(directory);
        let generated = awsjson_codegen::Builder::new(directory.join(format!("{model}.json")))
            .paginators(directory.join(format!("{model}.paginators.json")))
            .generate()
            .unwrap_or_else(|error| panic!("{model}: {error}"));
        let impls = generated.matches("impl ::awsjson_runtime::Paginated for ").count();
        assert_eq!(impls, paginated, "{model}");
    }
}
