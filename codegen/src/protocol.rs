//! The protocol generated calls use by default, chosen among those the model offers.

use crate::error::Error;
use crate::ir;

/// Which of the protocols a model offers generated calls use by default
/// ([`Builder::protocol`](crate::Builder::protocol));
/// the others stay a per-call choice (the runtime's `RequestOptions::protocol`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Protocol {
    /// awsJson, in the version the model's `jsonVersion` says (`json` in `protocols`).
    Json,
    /// Smithy RPC v2 CBOR (`smithy-rpc-v2-cbor`): the generated code then requires the
    /// runtime's `cbor` feature.
    RpcV2Cbor,
}

impl Protocol {
    /// Whether `offered`, one of the model's protocols, is this one.
    fn is(self, offered: ir::Protocol) -> bool {
        match self {
            Protocol::Json => offered.is_json(),
            Protocol::RpcV2Cbor => offered == ir::Protocol::RpcV2Cbor,
        }
    }
}

/// Makes `wanted` the service's default protocol, if the model offers it.
pub(crate) fn make_default(wanted: Protocol, service: &mut ir::Service) -> Result<(), Error> {
    if let Some(offered) = service.protocols.iter().find(|offered| wanted.is(**offered)) {
        service.protocol = *offered;
        return Ok(());
    }
    let offered: Vec<&str> = service.protocols.iter().map(|p| p.name()).collect();
    let wanted = match wanted {
        Protocol::Json => "awsJson (`json`)",
        Protocol::RpcV2Cbor => "Smithy RPC v2 CBOR (`smithy-rpc-v2-cbor`)",
    };
    let message = format!("the model does not offer {wanted}: it offers {}", offered.join(" and "));
    Err(Error::Setting { setting: "Builder::protocol", message })
}
