//! Choosing the wire protocol from a model's metadata.

use super::Protocol;
use crate::error::{Location, Problem};
use crate::model::Metadata;

/// `protocols` (newer models list several) wins over `protocol`; json is preferred.
pub fn choose(metadata: &Metadata) -> Result<Protocol, Problem> {
    let offered: Vec<&str> = match (&metadata.protocols, &metadata.protocol) {
        (Some(protocols), _) => protocols.iter().map(String::as_str).collect(),
        (None, Some(protocol)) => vec![protocol.as_str()],
        (None, None) => {
            return Err(Problem::new(Location::Metadata, "no `protocol` or `protocols`"));
        }
    };
    if !offered.contains(&"json") {
        let offered = offered.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>();
        let message = format!(
            "no supported protocol: the model offers {}, the generator supports `json`",
            if offered.is_empty() { "none".to_owned() } else { offered.join(", ") }
        );
        return Err(Problem::new(Location::Metadata, message));
    }
    // botocore's own default when a json model leaves the version out.
    match metadata.json_version.as_deref().unwrap_or("1.0") {
        "1.0" => Ok(Protocol::AwsJson1_0),
        "1.1" => Ok(Protocol::AwsJson1_1),
        other => Err(Problem::new(
            Location::Metadata,
            format!("unsupported `jsonVersion` `{other}` (expected `1.0` or `1.1`)"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metadata(
        protocol: Option<&str>,
        protocols: Option<&[&str]>,
        version: Option<&str>,
    ) -> Metadata {
        Metadata {
            protocol: protocol.map(str::to_owned),
            protocols: protocols.map(|all| all.iter().map(|p| (*p).to_owned()).collect()),
            json_version: version.map(str::to_owned),
            ..Metadata::default()
        }
    }

    #[test]
    fn json_1_1() {
        let chosen = choose(&metadata(Some("json"), None, Some("1.1")));
        assert_eq!(chosen, Ok(Protocol::AwsJson1_1));
    }

    #[test]
    fn protocols_list_wins_and_json_is_preferred() {
        let offered: &[&str] = &["smithy-rpc-v2-cbor", "json"];
        let chosen = choose(&metadata(Some("smithy-rpc-v2-cbor"), Some(offered), Some("1.1")));
        assert_eq!(chosen, Ok(Protocol::AwsJson1_1));
    }

    #[test]
    fn missing_version_is_1_0() {
        assert_eq!(choose(&metadata(Some("json"), None, None)), Ok(Protocol::AwsJson1_0));
    }

    #[test]
    fn unsupported_protocols_are_listed() {
        let offered: &[&str] = &["smithy-rpc-v2-cbor", "rest-json"];
        let problem = choose(&metadata(Some("rest-json"), Some(offered), None));
        assert_eq!(
            problem.map_err(|p| p.to_string()),
            Err("metadata: no supported protocol: the model offers `smithy-rpc-v2-cbor`, \
                 `rest-json`, the generator supports `json`"
                .to_owned())
        );
    }

    #[test]
    fn bad_json_version() {
        let problem = choose(&metadata(Some("json"), None, Some("2.0")));
        assert_eq!(
            problem.map_err(|p| p.to_string()),
            Err("metadata: unsupported `jsonVersion` `2.0` (expected `1.0` or `1.1`)".to_owned())
        );
    }
}
