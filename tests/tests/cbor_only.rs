//! A model offering Smithy RPC v2 CBOR alone (`codegen/tests/fixtures/cbor-only.json`): its
//! calls speak CBOR, exactly as the protocol asks, and read CBOR answers and errors; and a
//! model offering both whose operations reaching a `document` refuse CBOR, saying why.

pub mod things {
    include!(concat!(env!("OUT_DIR"), "/cbor_only.rs"));
}

pub mod documents {
    include!(concat!(env!("OUT_DIR"), "/cbor_documents.rs"));
}

use awsjson_runtime::{
    Blob, DateTime, Decoding, Operation, Protocol, RequestOptions, ResponseError,
};
use things::{
    GetThing, GetThingError, GetThingInput, GetThingOutput, NotFound, Ping, State, Thing,
};
use wire_tests::cbor::{bytes, double, epoch_seconds, map, map_indefinite, text, uint};

const CBOR_HEADERS: [(&str, &str); 1] = [("Smithy-Protocol", "rpc-v2-cbor")];

#[test]
fn a_cbor_only_service_speaks_cbor_by_default() {
    assert_eq!(things::SERVICE.protocol, Protocol::RpcV2Cbor);
    assert_eq!(things::SERVICE.protocols(), [Protocol::RpcV2Cbor]);
    let input = GetThingInput::new("t1").with_since(DateTime::from_secs(1_700_000_000));
    let request = GetThing::request(&input).unwrap_or_else(|e| panic!("{e}"));
    let body = map(&[("Name", text("t1")), ("Since", epoch_seconds(double(1_700_000_000.0)))]);
    assert_eq!(request.body, body);
    assert_eq!(
        (request.method, &*request.path),
        ("POST", "/service/CborThingsFrontend/operation/GetThing")
    );
    assert_eq!(
        request.headers,
        [
            ("Smithy-Protocol", "rpc-v2-cbor".to_owned()),
            ("Accept", "application/cbor".to_owned()),
            ("Content-Type", "application/cbor".to_owned()),
            ("Content-Length", body.len().to_string()),
        ]
    );
    // It offers no awsJson to fall back on.
    let json = RequestOptions::default().protocol(Protocol::AwsJson1_0);
    let refused = GetThing::request_with(&input, &json).err().map(|e| e.to_string());
    assert!(refused.is_some_and(|text| text.contains("does not speak awsJson 1.0")));
}

#[test]
fn an_operation_without_input_sends_no_body() {
    let request = Ping::request(&awsjson_runtime::Empty {}).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&*request.path, "/service/CborThingsFrontend/operation/Ping");
    assert!(request.body.is_empty());
    assert_eq!(
        request.headers,
        [("Smithy-Protocol", "rpc-v2-cbor".to_owned()), ("Accept", "application/cbor".to_owned())]
    );
}

/// Tag 1 around an integer, a byte string, a half-precision float, an indefinite-length map
/// and an unknown nested member.
#[test]
fn a_cbor_answer_reads_into_the_typed_output() {
    let thing = map(&[
        ("Name", text("t1")),
        ("CreatedAt", epoch_seconds(uint(1_700_000_000))),
        ("Payload", bytes(&[0, 1, 0xff])),
        ("Weight", vec![0xf9, 0x3e, 0x00]),
        ("Count", uint(7)),
        ("Tags", map_indefinite(&[("team", text("blue"))])),
        ("State", text("RETIRED")),
        ("Extra", map(&[("Nested", map(&[("Deeper", uint(1))]))])),
    ]);
    let body = map(&[("Thing", thing)]);
    let read = GetThing::parse_response_for(
        Protocol::RpcV2Cbor,
        200,
        &CBOR_HEADERS,
        &body,
        Decoding::Strict,
    )
    .unwrap_or_else(|e| panic!("{e}"))
    .value;
    let expected = GetThingOutput::new(
        Thing::new("t1", DateTime::from_secs(1_700_000_000))
            .with_payload(Blob::new(vec![0, 1, 0xff]))
            .with_weight(1.5)
            .with_count(7)
            .with_tags(
                [("team".to_owned(), "blue".to_owned())]
                    .into_iter()
                    .collect::<std::collections::BTreeMap<_, _>>(),
            )
            .with_state(State::Retired),
    );
    assert_eq!(read, expected);
    // The default protocol reads it too.
    let default =
        GetThing::parse_response(200, &CBOR_HEADERS, &body).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(default, expected);
}

#[test]
fn a_cbor_error_is_named_by_its_type_without_the_namespace() {
    let body = map(&[
        ("__type", text("com.example#NotFound")),
        ("message", text("no t1")),
        ("Name", text("t1")),
    ]);
    match GetThing::parse_response(404, &CBOR_HEADERS, &body) {
        Err(ResponseError::Service { error, .. }) => {
            let expected =
                GetThingError::NotFound(NotFound::new().with_message("no t1").with_name("t1"));
            assert_eq!(error, expected);
        }
        other => panic!("expected the modeled error, got {other:?}"),
    }
}

#[test]
fn operations_reaching_a_document_refuse_cbor_and_say_why() {
    use documents::{Count, PokeRequest, PutThing, PutThingRequest};
    let cbor = RequestOptions::default().protocol(Protocol::RpcV2Cbor);
    let refused =
        PutThing::request_with(&PutThingRequest::new(), &cbor).err().map(|e| e.to_string());
    let why = "PutThing cannot go over Smithy RPC v2 CBOR: its input reaches document shape \
               `Attributes` (member `PutThingRequest.Details.Attributes`), which the protocol \
               cannot carry";
    assert!(refused.as_deref().is_some_and(|text| text.contains(why)), "{refused:?}");
    assert_eq!(PutThing::CBOR_UNSUPPORTED, Some(why));
    // Over awsJson, the default, it goes; an operation without a document goes over both.
    assert!(PutThing::request(&PutThingRequest::new()).is_ok());
    assert_eq!(Count::CBOR_UNSUPPORTED, None);
    let request = Count::request_with(&PokeRequest::new(), &cbor).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(&*request.path, "/service/CborDocuments_20250101/operation/Count");
}
