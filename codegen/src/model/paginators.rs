//! A botocore `paginators-1.json`: which operations return their results a page at a time, and
//! through which members the token goes.

use super::Extra;
use super::parse::named_entries;
use crate::error::{Location, Problem};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// The whole file: one paginator per operation name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(expecting = r#"an object like `{"pagination": {…}}`"#)]
pub struct Paginators {
    pub pagination: IndexMap<String, Paginator>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// How one operation pages. Tokens and keys are member names, or dotted paths of them through
/// nested structures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(expecting = "an object with `input_token` and `output_token`")]
pub struct Paginator {
    pub input_token: OneOrMany,
    pub output_token: OneOrMany,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_key: Option<OneOrMany>,
    /// A boolean member that says whether more pages follow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub more_results: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_aggregate_keys: Option<Vec<String>>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A key given as one string or a list of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged, expecting = "is not a member name or a list of them")]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn names(&self) -> &[String] {
        match self {
            OneOrMany::One(name) => std::slice::from_ref(name),
            OneOrMany::Many(names) => names,
        }
    }
}

/// Parses a paginators file, or reports every paginator that is not one (each named).
pub fn parse_paginators(json: &[u8]) -> Result<Paginators, Vec<Problem>> {
    named_entries::<Paginators, Paginator>(json, "pagination", Location::Paginator)
}

#[cfg(test)]
mod tests {
    use super::{OneOrMany, parse_paginators};

    #[test]
    fn tokens_and_keys_come_as_one_name_or_several() {
        let json = br#"{"pagination": {
            "Scan": {"input_token": "ExclusiveStartKey", "output_token": "LastEvaluatedKey",
                     "limit_key": "Limit", "result_key": ["Items", "Count"],
                     "non_aggregate_keys": ["ConsumedCapacity"]},
            "List": {"input_token": ["A", "B"], "output_token": ["C", "D"], "more_results": "More"}
        }}"#;
        let paginators = parse_paginators(json).unwrap_or_else(|problems| panic!("{problems:?}"));
        let scan = &paginators.pagination["Scan"];
        assert_eq!(scan.input_token, OneOrMany::One("ExclusiveStartKey".to_owned()));
        assert_eq!(scan.result_key.as_ref().map(OneOrMany::names).map(<[String]>::len), Some(2));
        assert_eq!(paginators.pagination["List"].output_token.names(), ["C", "D"]);
    }

    #[test]
    fn every_broken_paginator_is_named() {
        let json = br#"{"pagination": {
            "A": {"input_token": 1, "output_token": "T"},
            "B": {"output_token": "T"},
            "C": {"input_token": "T", "output_token": "T"}
        }}"#;
        let problems: Vec<String> = match parse_paginators(json) {
            Ok(_) => panic!("the paginators are broken"),
            Err(problems) => problems.iter().map(ToString::to_string).collect(),
        };
        assert_eq!(
            problems,
            [
                "paginator `A`: `input_token` is not a member name or a list of them",
                "paginator `B`: has no `input_token`",
            ]
        );
        let not_json = parse_paginators(b"{").err().unwrap_or_default();
        assert_eq!(not_json.len(), 1);
        assert!(not_json[0].to_string().starts_with("model: invalid JSON: EOF"), "{:?}", not_json);
    }
}
