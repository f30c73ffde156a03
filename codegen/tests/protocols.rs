//! The protocols a model offers: which one calls use by default, and the operations that
//! cannot go over Smithy RPC v2 CBOR (it carries no `document`).

use awsjson_codegen::{Builder, Location, Protocol};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn generate(name: &str, protocol: Option<Protocol>) -> Result<String, String> {
    let mut builder = Builder::new(fixture(name));
    builder.on_warning(|_| Ok(()));
    if let Some(protocol) = protocol {
        builder.protocol(protocol);
    }
    builder.generate().map_err(|error| error.to_string())
}

/// `SERVICE`'s declaration, on one line.
fn service(source: &str) -> String {
    let start = source.find("pub const SERVICE").unwrap_or_else(|| panic!("no SERVICE"));
    let end = start + source[start..].find(';').unwrap_or_else(|| panic!("no end of SERVICE"));
    source[start..end].split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_builder_makes_an_offered_protocol_the_default() {
    let rt = "::awsjson_runtime";
    let json = generate("cbor-documents.json", None).unwrap_or_else(|e| panic!("{e}"));
    let offered =
        format!(".with_protocols( &[ {rt}::Protocol::RpcV2Cbor, {rt}::Protocol::AwsJson1_1, ], )");
    let default = |protocol: &str| {
        format!("Service::new( \"CborDocuments_20250101\", {rt}::Protocol::{protocol}, ) {offered}")
    };
    assert!(service(&json).contains(&default("AwsJson1_1")), "{}", service(&json));
    assert!(!json.contains("require_cbor!"));
    let cbor = generate("cbor-documents.json", Some(Protocol::RpcV2Cbor))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(service(&cbor).contains(&default("RpcV2Cbor")), "{}", service(&cbor));
    assert!(cbor.contains(&format!("{rt}::require_cbor!();")));
    assert!(cbor.contains("const CONTENT_TYPE: &'static str = \"application/cbor\";"));
    let again = generate("cbor-documents.json", Some(Protocol::Json));
    assert_eq!(again, Ok(json));
}

#[test]
fn a_protocol_the_model_does_not_offer_is_an_error_naming_those_it_does() {
    assert_eq!(
        generate("cbor-only.json", Some(Protocol::Json)),
        Err("Builder::protocol: the model does not offer awsJson (`json`): it offers Smithy RPC \
             v2 CBOR"
            .to_owned())
    );
    assert_eq!(
        generate("features.json", Some(Protocol::RpcV2Cbor)),
        Err("Builder::protocol: the model does not offer Smithy RPC v2 CBOR \
             (`smithy-rpc-v2-cbor`): it offers awsJson 1.0"
            .to_owned())
    );
}

#[test]
fn an_operation_reaching_a_document_cannot_go_over_cbor_and_check_warns_of_it() {
    let summary = Builder::new(fixture("cbor-documents.json"))
        .on_warning(|_| Ok(()))
        .check()
        .unwrap_or_else(|e| panic!("{e}"));
    let warnings: Vec<(Location, &str)> = (summary.warnings.iter())
        .map(|warning| (warning.location.clone(), warning.message.as_str()))
        .collect();
    let operation = |name: &str| Location::Operation(name.to_owned());
    assert_eq!(
        warnings,
        [
            (
                operation("ListThings"),
                "cannot go over Smithy RPC v2 CBOR: its output reaches document shape \
                 `Attributes` (member `ListThingsResponse.Things[]{}`), which the protocol \
                 cannot carry; it goes over awsJson 1.1 only"
            ),
            (
                operation("Poke"),
                "cannot go over Smithy RPC v2 CBOR: its error `Rejected` reaches document \
                 shape `Attributes` (member `Rejected.Reason.Data`), which the protocol cannot \
                 carry; it goes over awsJson 1.1 only"
            ),
            (
                operation("PutThing"),
                "cannot go over Smithy RPC v2 CBOR: its input reaches document shape \
                 `Attributes` (member `PutThingRequest.Details.Attributes`), which the \
                 protocol cannot carry; it goes over awsJson 1.1 only"
            ),
        ]
    );
    // A model that does not offer CBOR has nothing to say of its documents.
    let features = Builder::new(fixture("features.json")).check();
    assert_eq!(features.map(|summary| summary.warnings.len()).ok(), Some(0));
}
