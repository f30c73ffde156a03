//! What generated `Deserialize` impls call for each member: read it (tracking the path when the
//! decode does), and settle a required one that was not there.

use super::state::{self, Segment};
use crate::wire::{DeserializeAs, WireForm};
use ::serde::de::{Error as _, MapAccess};
use ::std::collections::BTreeMap;

/// Reads the value of member `name`, in wire form `F`, into `slot`; `null` leaves it `None`.
/// A member given twice is an error.
pub fn member<'de, A, F, T>(
    map: &mut A,
    name: &'static str,
    slot: &mut Option<T>,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    F: WireForm<T>,
{
    if slot.is_some() {
        return Err(A::Error::custom(format_args!("member `{name}` is given twice")));
    }
    *slot = union_member::<A, F, T>(map, name)?;
    Ok(())
}

/// Reads the value of union member `name` in wire form `F`; `None` for `null`.
pub fn union_member<'de, A, F, T>(map: &mut A, name: &'static str) -> Result<Option<T>, A::Error>
where
    A: MapAccess<'de>,
    F: WireForm<T>,
{
    if !state::tracking() {
        return Ok(map.next_value::<Option<DeserializeAs<F, T>>>()?.map(DeserializeAs::into_inner));
    }
    state::push(Segment::Member(name));
    let value = map.next_value::<Option<DeserializeAs<F, T>>>()?;
    state::pop();
    Ok(value.map(DeserializeAs::into_inner))
}

/// The value of required member `name`: `slot` if the body had it. Otherwise an error, unless
/// the decode corrects: then its zero value, and the member's path is recorded.
pub fn required<T: Zero, E: ::serde::de::Error>(
    slot: Option<T>,
    name: &'static str,
) -> Result<T, E> {
    match slot {
        Some(value) => Ok(value),
        None if state::tracking() && state::correct(name) => Ok(T::zero()),
        None => Err(E::custom(format_args!("missing required member `{name}`"))),
    }
}

/// The value a member the model requires gets when a body leaves it out and the decode
/// corrects it (Smithy's client error correction).
pub trait Zero {
    fn zero() -> Self;
}

macro_rules! zero_by_default {
    ($($type:ty),*) => {
        $(impl Zero for $type {
            fn zero() -> Self {
                Self::default()
            }
        })*
    };
}

zero_by_default!(String, bool, i32, i64, f32, f64, crate::Blob, crate::Document);

impl Zero for crate::DateTime {
    fn zero() -> Self {
        crate::DateTime::UNIX_EPOCH
    }
}

impl<T> Zero for Vec<T> {
    fn zero() -> Self {
        Vec::new()
    }
}

impl<K, V> Zero for BTreeMap<K, V> {
    fn zero() -> Self {
        BTreeMap::new()
    }
}

impl<T: Zero> Zero for Box<T> {
    fn zero() -> Self {
        Box::new(T::zero())
    }
}

impl Zero for crate::UnknownValue {
    fn zero() -> Self {
        crate::UnknownValue::new(String::new())
    }
}

impl Zero for crate::UnknownMember {
    fn zero() -> Self {
        crate::UnknownMember::new("", crate::Document::Null)
    }
}
