//! The deepest models the generator accepts (`tests/build/deepest.rs`) build, and leave room
//! for the user's code: their types are `Send`, `Sync` and unwind-safe inside the user's own
//! wrappers and futures, and a body as deep as the types is read, written back the same and
//! kept whole in an error. A bound raised past what rustc can prove fails this file's build.

use awsjson_runtime::{Operation, ResponseError};
use std::panic::{RefUnwindSafe, UnwindSafe};
use wire_tests::deepest::{self, lengths};

/// What a program using the types asks of them: threads, `catch_unwind`, `'static` tasks.
fn usable<T: Send + Sync + UnwindSafe + RefUnwindSafe + Unpin + 'static>() {}

/// A future that must be `Send`, as `tokio::spawn` asks.
fn spawnable<F: std::future::Future + Send + 'static>(_: F) {}

/// `levels` times `open`, then `leaf`, then `levels` times `close`.
fn nested(open: &str, leaf: &str, close: &str, levels: usize) -> String {
    format!("{}{leaf}{}", open.repeat(levels), close.repeat(levels))
}

macro_rules! deepest_chain {
    ($module:ident, $body:expr) => {
        mod $module {
            use super::*;
            use deepest::$module::{Go, GoError, S0};

            /// The user's own types around the deepest one, and a task holding them.
            #[test]
            fn leaves_room_for_the_users_types() {
                type Held = Vec<Result<Option<S0>, ResponseError<GoError>>>;
                usable::<Held>();
                async fn task(held: Held) -> usize {
                    std::future::ready(()).await;
                    held.len()
                }
                spawnable(task(Vec::new()));
            }

            #[test]
            fn a_body_as_deep_as_the_types_is_read_and_written_back() {
                let body: String = $body;
                let output = Go::parse_response(200, &[], body.as_bytes())
                    .unwrap_or_else(|error| panic!("{error}"));
                let request = Go::request(&output).unwrap_or_else(|error| panic!("{error}"));
                assert_eq!(String::from_utf8_lossy(&request.body), body);
            }

            #[test]
            fn an_error_holding_the_deepest_type_keeps_it() {
                let body = format!(r#"{{"__type":"Oops","message":"deep","Detail":{}}}"#, $body);
                let error = match Go::parse_response(400, &[], body.as_bytes()) {
                    Err(ResponseError::Service { error: GoError::Oops(oops), .. }) => oops,
                    other => panic!("not the modeled error: {other:?}"),
                };
                let detail = error.detail.as_ref().map(Go::request);
                let body = detail.map(|request| request.map(|request| request.body).ok());
                assert_eq!(body, Some(Some($body.into_bytes())));
                let boxed: Box<dyn std::error::Error + Send + Sync> =
                    Box::new(GoError::Oops(error));
                assert_eq!(boxed.to_string(), "Oops: deep");
            }
        }
    };
}

const LEAF: &str = r#"{"Name":"x"}"#;

deepest_chain!(optional, nested(r#"{"Next":"#, LEAF, "}", lengths::OPTIONAL - 1));
deepest_chain!(required, nested(r#"{"Next":"#, LEAF, "}", lengths::REQUIRED - 1));
deepest_chain!(lists, nested(r#"{"Next":["#, LEAF, "]}", lengths::LISTS - 1));
deepest_chain!(maps_of_lists, nested(r#"{"Next":{"k":["#, LEAF, "]}}", lengths::MAPS_OF_LISTS - 1));
deepest_chain!(
    cycle,
    nested(r#"{"Next":"#, r#"{"Name":"x","Back":{"Next":{}}}"#, "}", lengths::CYCLE - 1)
);
deepest_chain!(
    document,
    nested(r#"{"Next":"#, r#"{"Any":{"a":[1,{"b":null}]}}"#, "}", lengths::DOCUMENT - 1)
);
// `S0` holds `U0`, which holds `U1`, … to the last union's `Name`.
deepest_chain!(unions, nested(r#"{"Next":"#, LEAF, "}", lengths::UNIONS));

#[test]
fn the_chains_are_as_long_as_the_bound_allows() {
    // What the bound, 96 levels, takes: 45 optional structures are two levels each, the last
    // one's optional `Name` five more (an `Option` and a `String`) and the error that holds the
    // first two more (its own and the `Option`). A change to the bound or to what a shape is
    // counted shows here first.
    let lengths = [
        lengths::OPTIONAL,
        lengths::REQUIRED,
        lengths::LISTS,
        lengths::MAPS_OF_LISTS,
        lengths::CYCLE,
        lengths::DOCUMENT,
        lengths::UNIONS,
    ];
    assert_eq!(lengths, [45, 89, 18, 6, 42, 37, 71]);
}
