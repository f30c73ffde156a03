//! The wire bench's pages decoded by our types and by their peers (rusoto_appstream,
//! aws-sdk-appstream, simd-json), each checked to give the page's content before it is timed.

pub mod page;
pub mod prepared;
pub mod sdk;
pub mod simd;
