//! Reading a partition table from JSON, naming the path of whatever is wrong.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::{Entry, Partition, Partitions, PartitionsError};

type Object = Map<String, Value>;

pub(super) fn partitions(text: &str) -> Result<Partitions, PartitionsError> {
    let root: Value = serde_json::from_str(text)
        .map_err(|error| PartitionsError::new("", format!("not JSON: {error}")))?;
    let root = object(&root, "")?;
    let version = root.get("version").map(|value| string(value, "version")).transpose()?;
    let list = match root.get("partitions") {
        Some(Value::Array(list)) => list,
        Some(other) => return Err(PartitionsError::new("partitions", expected("an array", other))),
        None => return Err(PartitionsError::new("partitions", "missing")),
    };
    if list.is_empty() {
        return Err(PartitionsError::new("partitions", "empty: `aws.partition` needs a partition"));
    }
    let mut listed = HashMap::new();
    let partitions = list
        .iter()
        .enumerate()
        .map(|(index, value)| entry(value, &format!("partitions[{index}]"), &mut listed))
        .collect::<Result<_, _>>()?;
    Ok(Partitions { version: version.map(str::to_owned), partitions, listed })
}

/// One partition; its regions go into `listed`, which must not list them yet.
fn entry(
    value: &Value,
    path: &str,
    listed: &mut HashMap<String, Partition>,
) -> Result<Entry, PartitionsError> {
    let partition = object(value, path)?;
    let name = required(partition, path, "id", string)?.to_owned();
    let region_regex = compile(required(partition, path, "regionRegex", string)?, path)?;
    let outputs_path = format!("{path}.outputs");
    let outputs = outputs(required(partition, path, "outputs", object)?, &outputs_path, name)?;
    let mut regions = Vec::new();
    if let Some(value) = partition.get("regions") {
        let regions_path = format!("{path}.regions");
        for (region, value) in object(value, &regions_path)? {
            let region_path = format!("{regions_path}[{region:?}]");
            if let Some(other) = listed.get(region) {
                let message = format!("already listed by partition `{}`", other.name);
                return Err(PartitionsError::new(region_path, message));
            }
            let overridden = with_overrides(&outputs, object(value, &region_path)?, &region_path)?;
            listed.insert(region.clone(), overridden);
            regions.push(region.clone());
        }
    }
    Ok(Entry { outputs, region_regex, regions })
}

/// `regionRegex`, which must compile as written, made to match whole names.
fn compile(source: &str, path: &str) -> Result<regress::Regex, PartitionsError> {
    let refuse = |error: regress::Error| {
        let message = format!("`{source}` is not a regular expression regress compiles: {error}");
        PartitionsError::new(format!("{path}.regionRegex"), message)
    };
    // Alone first: wrapping could balance a stray parenthesis.
    regress::Regex::new(source).map_err(refuse)?;
    // Smithy matches whole names (Java's `matches`); botocore's `re.match` anchors only the start.
    regress::Regex::new(&format!("^(?:{source})$")).map_err(refuse)
}

fn outputs(outputs: &Object, path: &str, name: String) -> Result<Partition, PartitionsError> {
    Ok(Partition {
        name,
        dns_suffix: required(outputs, path, "dnsSuffix", string)?.to_owned(),
        dual_stack_dns_suffix: required(outputs, path, "dualStackDnsSuffix", string)?.to_owned(),
        supports_fips: required(outputs, path, "supportsFIPS", boolean)?,
        supports_dual_stack: required(outputs, path, "supportsDualStack", boolean)?,
        implicit_global_region: required(outputs, path, "implicitGlobalRegion", string)?.to_owned(),
    })
}

/// `base` with the output keys a region entry has (besides its `description`).
// The name stays the partition id, as in Smithy and botocore.
fn with_overrides(
    base: &Partition,
    region: &Object,
    path: &str,
) -> Result<Partition, PartitionsError> {
    let mut partition = base.clone();
    if let Some(value) = optional(region, path, "dnsSuffix", string)? {
        value.clone_into(&mut partition.dns_suffix);
    }
    if let Some(value) = optional(region, path, "dualStackDnsSuffix", string)? {
        value.clone_into(&mut partition.dual_stack_dns_suffix);
    }
    if let Some(value) = optional(region, path, "supportsFIPS", boolean)? {
        partition.supports_fips = value;
    }
    if let Some(value) = optional(region, path, "supportsDualStack", boolean)? {
        partition.supports_dual_stack = value;
    }
    if let Some(value) = optional(region, path, "implicitGlobalRegion", string)? {
        value.clone_into(&mut partition.implicit_global_region);
    }
    Ok(partition)
}

fn required<'a, T>(
    object: &'a Object,
    path: &str,
    key: &str,
    read: fn(&'a Value, &str) -> Result<T, PartitionsError>,
) -> Result<T, PartitionsError> {
    optional(object, path, key, read)?
        .ok_or_else(|| PartitionsError::new(format!("{path}.{key}"), "missing"))
}

fn optional<'a, T>(
    object: &'a Object,
    path: &str,
    key: &str,
    read: fn(&'a Value, &str) -> Result<T, PartitionsError>,
) -> Result<Option<T>, PartitionsError> {
    object.get(key).map(|value| read(value, &format!("{path}.{key}"))).transpose()
}

fn object<'a>(value: &'a Value, path: &str) -> Result<&'a Object, PartitionsError> {
    value.as_object().ok_or_else(|| PartitionsError::new(path, expected("an object", value)))
}

fn string<'a>(value: &'a Value, path: &str) -> Result<&'a str, PartitionsError> {
    value.as_str().ok_or_else(|| PartitionsError::new(path, expected("a string", value)))
}

fn boolean(value: &Value, path: &str) -> Result<bool, PartitionsError> {
    value.as_bool().ok_or_else(|| PartitionsError::new(path, expected("a boolean", value)))
}

fn expected(what: &str, found: &Value) -> String {
    let kind = match found {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    format!("expected {what}, found {kind}")
}
