//! The partition table (botocore's `partitions.json`) and `aws.partition`, which maps a region
//! to the partition it is in.

mod read;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// What `aws.partition` returns: a partition's `outputs`, with a listed region's overrides.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Partition {
    /// The partition's `id` (`aws`, `aws-cn`…).
    pub name: String,
    /// `outputs.dnsSuffix`.
    pub dns_suffix: String,
    /// `outputs.dualStackDnsSuffix`.
    pub dual_stack_dns_suffix: String,
    /// `outputs.supportsFIPS`.
    pub supports_fips: bool,
    /// `outputs.supportsDualStack`.
    pub supports_dual_stack: bool,
    /// `outputs.implicitGlobalRegion`: the region that global services sign for.
    pub implicit_global_region: String,
}

impl Partition {
    /// The `aws` partition's outputs, for a table with no partition.
    fn fallback() -> Partition {
        Partition {
            name: "aws".to_owned(),
            dns_suffix: "amazonaws.com".to_owned(),
            dual_stack_dns_suffix: "api.aws".to_owned(),
            supports_fips: true,
            supports_dual_stack: true,
            implicit_global_region: "us-east-1".to_owned(),
        }
    }
}

/// A partition table, read from JSON in the layout of botocore's `partitions.json`.
#[derive(Debug, Clone)]
pub struct Partitions {
    version: Option<String>,
    partitions: Vec<Entry>,
    /// Every listed region's partition, with its overrides applied.
    listed: HashMap<String, Partition>,
}

/// One partition of the table.
#[derive(Debug, Clone)]
struct Entry {
    outputs: Partition,
    /// `regionRegex`, compiled to match whole region names.
    region_regex: regress::Regex,
    /// The regions it lists.
    regions: Vec<String>,
}

/// The embedded table: botocore's `partitions.json`.
const AWS_PARTITIONS: &str = include_str!("../../data/partitions.json");

impl Partitions {
    /// Reads a partition table: `{"version": …, "partitions": [{"id", "regionRegex",
    /// "regions", "outputs"}…]}`. Unknown keys are ignored.
    ///
    /// # Errors
    ///
    /// When the text is not JSON, a required key is missing or has the wrong type, a
    /// `regionRegex` does not compile, a region is listed twice, or there is no partition; the
    /// error names the JSON path, such as `partitions[2].regionRegex`.
    pub fn from_json(text: &str) -> Result<Partitions, PartitionsError> {
        read::partitions(text)
    }

    /// The table embedded in this crate (botocore's `partitions.json`), read once.
    pub fn aws() -> &'static Partitions {
        static AWS: OnceLock<Partitions> = OnceLock::new();
        // A test proves the embedded table reads; an empty table still answers `aws`.
        AWS.get_or_init(|| {
            Partitions::from_json(AWS_PARTITIONS).unwrap_or_else(|_| Partitions {
                version: None,
                partitions: Vec::new(),
                listed: HashMap::new(),
            })
        })
    }

    /// `aws.partition`: the partition that lists `region` (with that region's overrides), else
    /// the first whose `regionRegex` matches it, else the one with id `aws`, else the first.
    pub fn partition(&self, region: &str) -> Cow<'_, Partition> {
        // Smithy's order; botocore tries each partition's list then regex in turn, ignores
        // region overrides, and falls back to the first partition.
        if let Some(listed) = self.listed.get(region) {
            return Cow::Borrowed(listed);
        }
        let matching =
            self.partitions.iter().find(|entry| entry.region_regex.find(region).is_some());
        matching
            .or_else(|| self.partitions.iter().find(|entry| entry.outputs.name == "aws"))
            .or_else(|| self.partitions.first())
            .map_or_else(
                || Cow::Owned(Partition::fallback()),
                |entry| Cow::Borrowed(&entry.outputs),
            )
    }

    /// The table's `version`, if it has one.
    pub fn version(&self) -> Option<&str> {
        self.version.as_deref()
    }

    /// The partitions' outputs, in the table's order, without any region's overrides.
    pub fn iter(&self) -> impl Iterator<Item = &Partition> {
        self.partitions.iter().map(|entry| &entry.outputs)
    }

    /// Every listed region, partition by partition, with what [`Partitions::partition`] returns
    /// for it.
    pub fn regions(&self) -> impl Iterator<Item = (&str, &Partition)> {
        self.partitions.iter().flat_map(move |entry| {
            entry.regions.iter().map(move |region| {
                (region.as_str(), self.listed.get(region).unwrap_or(&entry.outputs))
            })
        })
    }
}

/// Why a partition table could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartitionsError {
    path: String,
    message: String,
}

impl PartitionsError {
    fn new(path: impl Into<String>, message: impl Into<String>) -> PartitionsError {
        PartitionsError { path: path.into(), message: message.into() }
    }

    /// Where in the JSON, such as `partitions[2].regionRegex`; empty for the whole text.
    pub fn path(&self) -> &str {
        &self.path
    }
}

impl fmt::Display for PartitionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for PartitionsError {}
