//! Amazon AppStream 2.0 (API 2016-12-01) types whose serde form is the awsJson 1.1 wire body.
//!
//! Generated at build time by [awsjson-codegen](https://docs.rs/awsjson-codegen); what all
//! generated services share ([`DateTime`](runtime::DateTime), [`Operation`](runtime::Operation),
//! the error types) is [awsjson-runtime](https://docs.rs/awsjson-runtime), re-exported as
//! [`runtime`].
//!
//! What the build holds:
//! - **The crate root**, always: the operations CreateFleet, DescribeFleets, DescribeSessions
//!   and UpdateFleet as they stood after the 2017-06-05 API change (`model/appstream-2016-12-01.json`),
//!   with every shape they reach. The overview below lists them.
// The module `latest` is linked only where it is built: a link to it would not resolve
// without the feature.
#![cfg_attr(
    feature = "latest",
    doc = "- **[`latest`]**, with the cargo feature `latest`: today's whole AppStream API (90
  operations, `model/appstream-2016-12-01.latest.json`), in a module of its own. The feature
  only adds it; the crate root stays the same."
)]
#![cfg_attr(
    not(feature = "latest"),
    doc = "- **`latest`**, with the cargo feature `latest` (not enabled in this build): today's
  whole AppStream API (90 operations, `model/appstream-2016-12-01.latest.json`), in a module of
  its own. The feature only adds it; the crate root stays the same."
)]
#![cfg_attr(
    feature = "cbor",
    doc = "- **Smithy RPC v2 CBOR**, with the cargo feature `cbor`: AppStream offers it beside
  awsJson 1.1 (both models list `[\"smithy-rpc-v2-cbor\", \"json\"]`), and a call picks it with
  [`RequestOptions::protocol`](runtime::RequestOptions::protocol)
  (`POST /service/PhotonAdminProxyService/operation/<Operation>`, a CBOR body), reading the
  answer with [`Operation::parse_response_for`](runtime::Operation::parse_response_for).
  awsJson stays the default; the feature only adds."
)]
#![cfg_attr(
    not(feature = "cbor"),
    doc = "- **Smithy RPC v2 CBOR**, with the cargo feature `cbor` (not enabled in this build):
  AppStream offers it beside awsJson 1.1, and a call may then pick it with
  `RequestOptions::protocol`. awsJson stays the default; the feature only adds."
)]
//!
//! The types:
//! - One struct per structure shape: required members are plain fields, optional ones
//!   `Option`s that are left out of the JSON when `None`; unknown members are ignored and
//!   `null` reads as absent.
//! - One enum per string enum, with an `Unknown` variant that keeps any value AWS adds later
//!   and writes it back unchanged.
//! - Per operation, a unit struct implementing [`runtime::Operation`]: it turns an input into
//!   the request (`POST /`, `X-Amz-Target`, `Content-Type`, body) and a response into the
//!   output or the operation's error enum.
//! - [`waiters`]: `FleetStarted` and `FleetStopped` from botocore's `waiters-2.json` (today's
//!   file, which type-checks against the 2017 model too: `FleetState` listed `RUNNING` and
//!   `STOPPED` from the start), polling DescribeFleets until every fleet runs or has stopped;
//!   `latest::waiters` has the same two for today's model. Run one with
//!   [`runtime::waiter::wait`].
//!
//! ```
//! use appstream_types::runtime::Operation;
//! use appstream_types::{DescribeFleets, DescribeFleetsRequest, FleetState};
//!
//! let input = DescribeFleetsRequest::new().with_names(vec!["fleet-1".into()]);
//! let request = DescribeFleets::request(&input)?;
//! assert_eq!(request.body, br#"{"Names":["fleet-1"]}"#);
//!
//! let body = br#"{"Fleets":[{"Arn":"arn:1","Name":"fleet-1","InstanceType":"stream.standard.small",
//!     "ImageName":"image-1","ComputeCapacityStatus":{"Desired":1},"State":"RUNNING","CreatedTime":1496170845.734}]}"#;
//! let output = DescribeFleets::parse_response(200, &[], body)?;
//! assert_eq!(output.fleets.unwrap_or_default()[0].state, FleetState::Running);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # The crate root
//!
#![doc = include_str!(concat!(env!("OUT_DIR"), "/appstream.md"))]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub use awsjson_runtime as runtime;

include!(concat!(env!("OUT_DIR"), "/appstream.rs"));

#[cfg(feature = "latest")]
#[cfg_attr(docsrs, doc(cfg(feature = "latest")))]
pub mod latest;

/// The README's example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
