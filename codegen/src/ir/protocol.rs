//! Choosing the wire protocol from a model's metadata.

use super::Protocol;
use crate::error::{Location, Problem};
use crate::model::Metadata;

/// The protocols a model offers that the generator speaks, and the one calls use by default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Protocols {
    /// awsJson where the model offers it (botocore's choice), else Smithy RPC v2 CBOR.
    pub default: Protocol,
    /// Every protocol spoken, in the model's order (most preferred first).
    pub offered: Vec<Protocol>,
}

/// `protocols` (newer models list several) wins over `protocol`; json is preferred, as botocore
/// prefers it; a model offering Smithy RPC v2 CBOR alone speaks it.
pub fn choose(metadata: &Metadata) -> Result<Protocols, Problem> {
    let listed: Vec<&str> = match (&metadata.protocols, &metadata.protocol) {
        (Some(protocols), _) => protocols.iter().map(String::as_str).collect(),
        (None, Some(protocol)) => vec![protocol.as_str()],
        (None, None) => {
            return Err(Problem::new(Location::Metadata, "no `protocol` or `protocols`"));
        }
    };
    let mut offered = Vec::new();
    for name in &listed {
        match *name {
            "json" => offered.push(json_version(metadata)?),
            "smithy-rpc-v2-cbor" => offered.push(Protocol::RpcV2Cbor),
            _ => {}
        }
    }
    let default = match offered.iter().find(|protocol| protocol.is_json()) {
        Some(json) => *json,
        None => match offered.first() {
            Some(first) => *first,
            None => {
                let listed = listed.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>();
                let message = format!(
                    "no supported protocol: the model offers {}, the generator supports `json` \
                     and `smithy-rpc-v2-cbor`",
                    if listed.is_empty() { "none".to_owned() } else { listed.join(", ") }
                );
                return Err(Problem::new(Location::Metadata, message));
            }
        },
    };
    Ok(Protocols { default, offered })
}

fn json_version(metadata: &Metadata) -> Result<Protocol, Problem> {
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
        let chosen = choose(&metadata(Some("json"), None, Some("1.1"))).map(|p| p.default);
        assert_eq!(chosen, Ok(Protocol::AwsJson1_1));
    }

    #[test]
    fn protocols_list_wins_and_json_is_preferred() {
        let offered: &[&str] = &["smithy-rpc-v2-cbor", "json"];
        let chosen = choose(&metadata(Some("smithy-rpc-v2-cbor"), Some(offered), Some("1.1")));
        let expected = Protocols {
            default: Protocol::AwsJson1_1,
            offered: vec![Protocol::RpcV2Cbor, Protocol::AwsJson1_1],
        };
        assert_eq!(chosen, Ok(expected));
    }

    #[test]
    fn a_cbor_only_model_speaks_cbor() {
        let offered: &[&str] = &["smithy-rpc-v2-cbor"];
        let chosen = choose(&metadata(Some("smithy-rpc-v2-cbor"), Some(offered), None));
        let expected =
            Protocols { default: Protocol::RpcV2Cbor, offered: vec![Protocol::RpcV2Cbor] };
        assert_eq!(chosen, Ok(expected));
    }

    #[test]
    fn missing_version_is_1_0() {
        let chosen = choose(&metadata(Some("json"), None, None)).map(|p| p.default);
        assert_eq!(chosen, Ok(Protocol::AwsJson1_0));
    }

    #[test]
    fn unsupported_protocols_are_listed() {
        let offered: &[&str] = &["rest-xml", "rest-json"];
        let problem = choose(&metadata(Some("rest-json"), Some(offered), None));
        assert_eq!(
            problem.map_err(|p| p.to_string()),
            Err("metadata: no supported protocol: the model offers `rest-xml`, `rest-json`, the \
                 generator supports `json` and `smithy-rpc-v2-cbor`"
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
