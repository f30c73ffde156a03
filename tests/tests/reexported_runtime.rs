//! Code generated with `Builder::runtime_path("crate::reexported::rt")` names the runtime only
//! through that path: a crate that re-exports the runtime gives its users one dependency.

pub mod reexported {
    pub use awsjson_runtime as rt;
}

pub mod features {
    include!(concat!(env!("OUT_DIR"), "/reexported_runtime.rs"));
}

use features::*;
use reexported::rt::Operation;

#[test]
fn the_generated_code_names_the_runtime_by_the_path_given() {
    let source = include_str!(concat!(env!("OUT_DIR"), "/reexported_runtime.rs"));
    assert!(source.contains("crate::reexported::rt::require_runtime!("));
    assert!(source.contains(r#"#[serde(crate = "crate::reexported::rt::__private::serde")]"#));
    assert!(!source.contains("awsjson_runtime"), "the default path is used somewhere");
}

#[test]
fn and_it_works() {
    let request = Ping::request(&reexported::rt::Empty);
    assert_eq!(request.map(|request| request.body).ok(), Some(b"{}".to_vec()));
    let output = Measure::parse_response(200, &[], br#"{"Region":"us-west-2a","Ratio":"NaN"}"#);
    assert!(output.is_ok_and(|output| output.ratio.is_some_and(f64::is_nan)));
}
