//! The table of every operation of both builds of appstream-types, each with the checks that
//! are generic over it.

use crate::{cbor, response, round_trip};
use appstream_types::runtime::Operation;
use serde_json::value::Value;
use std::fmt::Debug;

/// `parse_response`'s checks for one operation: status, headers, body.
pub type ResponseCheck = fn(u16, &[(&str, &str)], &[u8]);

/// One operation: its build (`root` or `latest`), wire name and checks.
pub struct Op {
    pub build: &'static str,
    pub name: &'static str,
    /// `Operation::NAME` of the type, to check the table against the code.
    pub type_name: &'static str,
    pub parse_response: ResponseCheck,
    pub round_trip: fn(&[u8]),
    /// A body of the output with every required member, for seeds.
    pub example: fn() -> Option<Value>,
    /// `cbor_response`'s checks: status, headers, body.
    pub cbor_response: ResponseCheck,
    pub cbor_round_trip: fn(&[u8]),
    /// A JSON body of a status as CBOR, for seeds.
    pub cbor_of_json: fn(u16, &[u8]) -> Option<Vec<u8>>,
}

impl Op {
    pub const fn of<O>(build: &'static str, name: &'static str) -> Op
    where
        O: Operation,
        O::Output: serde::Serialize + Debug + appstream_types::runtime::fast::Encode,
    {
        Op {
            build,
            name,
            type_name: O::NAME,
            parse_response: response::check::<O>,
            round_trip: round_trip::check::<O>,
            example: round_trip::example::<O>,
            cbor_response: cbor::check_response::<O>,
            cbor_round_trip: cbor::check_round_trip::<O>,
            cbor_of_json: cbor::cbor_of_json::<O>,
        }
    }
}

/// The crate root's four operations (the 2017-06-05 model), written out: `root_table_is_the_model`
/// fails if the model has others.
pub static ROOT: &[Op] = &[
    Op::of::<appstream_types::CreateFleet>("root", "CreateFleet"),
    Op::of::<appstream_types::DescribeFleets>("root", "DescribeFleets"),
    Op::of::<appstream_types::DescribeSessions>("root", "DescribeSessions"),
    Op::of::<appstream_types::UpdateFleet>("root", "UpdateFleet"),
];

include!(concat!(env!("OUT_DIR"), "/latest_operations.rs"));

/// The operation the byte `index` names: the root's, then `latest`'s, wrapping around.
pub fn by_index(index: usize) -> &'static Op {
    let all = ROOT.len() + LATEST.len();
    let index = index % all;
    ROOT.get(index).unwrap_or_else(|| &LATEST[index - ROOT.len()])
}

/// Every operation, root first.
pub fn all() -> impl Iterator<Item = &'static Op> {
    ROOT.iter().chain(LATEST)
}

#[cfg(test)]
mod tests {
    use super::{LATEST, ROOT, all};
    use std::collections::BTreeSet;

    fn model_operations(file: &str) -> BTreeSet<String> {
        let path = format!("{}/../../model/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
        let model: serde_json::Value = serde_json::from_slice(&text).unwrap_or_default();
        model["operations"].as_object().map(|ops| ops.keys().cloned().collect()).unwrap_or_default()
    }

    #[test]
    fn root_table_is_the_model() {
        let table: BTreeSet<String> = ROOT.iter().map(|op| op.name.to_owned()).collect();
        assert_eq!(table, model_operations("appstream-2016-12-01.json"));
    }

    #[test]
    fn latest_table_is_the_model() {
        let table: BTreeSet<String> = LATEST.iter().map(|op| op.name.to_owned()).collect();
        assert_eq!(table, model_operations("appstream-2016-12-01.latest.json"));
        assert_eq!(LATEST.len(), 90);
    }

    #[test]
    fn every_entry_is_its_operation() {
        for op in all() {
            assert_eq!(op.name, op.type_name, "{} of {}", op.name, op.build);
        }
    }
}
