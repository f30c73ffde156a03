//! Today's whole AppStream API (cargo feature `latest`), from botocore's current model
//! `model/appstream-2016-12-01.latest.json`.
//!
//! Its types share the crate's [`runtime`](crate::runtime): a
//! [`DateTime`](crate::runtime::DateTime) read here goes into the crate root's types as it is,
//! and a function generic over [`Operation`](crate::runtime::Operation) takes the operations of
//! both.
//!
#![doc = include_str!(concat!(env!("OUT_DIR"), "/latest.md"))]

include!(concat!(env!("OUT_DIR"), "/latest.rs"));
