//! Enums compare, hash and sort by their wire value, not by variant: a value a later model
//! lists (AppStream's `AWS_AD`, unknown to the 2017 model) sorts, compares and hashes the same
//! before and after, so adding a value to a model changes no order a user relies on.

use appstream_types::AuthenticationType;
use appstream_types::runtime::{UnknownInteger, UnknownValue};
use std::collections::HashSet;
use wire_tests::unchecked::Level;

fn sorted_wire_values<T: Ord + AsRef<str>>(mut values: Vec<T>) -> Vec<String> {
    values.sort();
    values.iter().map(|value| value.as_ref().to_owned()).collect()
}

const MIXED: [&str; 6] = ["ZZZ", "USERPOOL", "AWS_AD", "SAML", "API", "AAA"];

#[test]
fn values_sort_by_their_wire_value_known_or_not() {
    let values: Vec<AuthenticationType> =
        MIXED.iter().map(|&v| AuthenticationType::from(v)).collect();
    assert!(values[2].is_unknown(), "the 2017 model does not list AWS_AD");
    assert_eq!(sorted_wire_values(values), ["AAA", "API", "AWS_AD", "SAML", "USERPOOL", "ZZZ"]);
}

#[cfg(feature = "latest")]
#[test]
fn a_value_a_later_model_lists_sorts_as_it_did_while_unknown() {
    use appstream_types::latest::AuthenticationType as Latest;
    let old: Vec<AuthenticationType> = MIXED.iter().map(|&v| AuthenticationType::from(v)).collect();
    let new: Vec<Latest> = MIXED.iter().map(|&v| Latest::from(v)).collect();
    assert!(!new[2].is_unknown(), "today's model lists AWS_AD");
    assert_eq!(sorted_wire_values(old), sorted_wire_values(new));
}

#[test]
fn an_unknown_value_equal_to_a_listed_one_is_that_value() {
    let spelled = AuthenticationType::Unknown(UnknownValue::new("SAML".to_owned()));
    assert_eq!(spelled, AuthenticationType::Saml);
    let set: HashSet<AuthenticationType> =
        [spelled, AuthenticationType::Saml].into_iter().collect();
    assert_eq!(set.len(), 1, "equal values hash alike");
    assert_ne!(AuthenticationType::Api, AuthenticationType::Saml);
}

#[test]
fn integer_enums_sort_and_compare_by_value() {
    let mut levels = [
        Level::Unknown(UnknownInteger::new(7)),
        Level::V2,
        Level::Unknown(UnknownInteger::new(0)),
        Level::V1,
    ];
    levels.sort();
    let values: Vec<i32> = levels.iter().map(Level::value).collect();
    assert_eq!(values, [0, 1, 2, 7]);
    assert_eq!(Level::Unknown(UnknownInteger::new(2)), Level::V2);
}
