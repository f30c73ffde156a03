//! The functions endpoint rules call, as Smithy specifies them: the rules engine's standard
//! library (`parseURL`, `isValidHostLabel`, `uriEncode`, `substring`, `split`) and AWS's
//! (`aws.parseArn`, `aws.isVirtualHostableS3Bucket`; `aws.partition` is [`crate::Partitions`]).
//!
//! Where botocore's `endpoint_provider.py` behaves differently, these follow Smithy's
//! specification and reference implementation; each difference is noted where it is decided.
//! Over all of botocore's endpoint tests, both give the same results.

mod arn;
mod host;
mod text;
mod url;

pub(crate) use self::arn::{Arn, parse_arn};
pub(crate) use self::host::{is_valid_host_label, is_virtual_hostable_s3_bucket};
pub(crate) use self::text::{split, substring, uri_encode};
pub(crate) use self::url::{Url, parse_url};
