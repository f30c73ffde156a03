//! What a model's metadata says about its service: how requests are signed, where they go, and
//! which protocol they speak.

use super::endpoint::{Endpoint, EndpointError};
use super::endpoint_rules::{EndpointConfig, EndpointRules};
use super::endpoints::Params;
use super::protocol::Protocol;

/// A service's facts from its model's `metadata`: every generated service has one as `SERVICE`,
/// and every operation as [`Operation::SERVICE`](super::Operation::SERVICE).
///
/// The signing name and the endpoint prefix differ for some services (AppStream signs as
/// `appstream` and lives at `appstream2.<region>.amazonaws.com`), which is why both are here.
/// Models written for tests may leave the optional facts out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Service {
    /// The part of `X-Amz-Target` before the operation name, like `PhotonAdminProxyService`.
    pub target_prefix: &'static str,
    /// The protocol calls use unless [`RequestOptions::protocol`](crate::RequestOptions::protocol)
    /// picks another: awsJson where the model offers it, as botocore chooses, unless the
    /// generator was told otherwise.
    pub protocol: Protocol,
    /// Every protocol the model lists that the runtime speaks, in the model's order (most
    /// preferred first); empty means [`Service::protocol`] alone ([`Service::protocols`]).
    pub protocols: &'static [Protocol],
    /// `serviceId`, like `AppStream`.
    pub service_id: Option<&'static str>,
    /// `apiVersion`, like `2016-12-01`.
    pub api_version: Option<&'static str>,
    /// The name requests are signed for (SigV4's service name): `signingName`, else the
    /// endpoint prefix, as botocore does.
    pub signing_name: Option<&'static str>,
    /// The first label of the service's standard host name, like `appstream2`.
    pub endpoint_prefix: Option<&'static str>,
    /// The service's endpoint rule set (botocore's `endpoint-rule-set-1.json`), where the
    /// generator was given it: endpoints are resolved by it.
    pub endpoint_rules: Option<EndpointRules>,
    /// The model's `awsQueryCompatible`: a service that spoke the query protocol once (SQS).
    /// Requests tell it `x-amzn-query-mode: true`; its errors carry their old code in
    /// `x-amzn-query-error` ([`ResponseMeta::query_error`](crate::ResponseMeta::query_error)).
    pub query_compatible: bool,
}

impl Service {
    /// A service with only the facts every awsJson model has; the `with_…` methods add the
    /// others. Generated code builds its `SERVICE` this way, so a later runtime can add facts.
    pub const fn new(target_prefix: &'static str, protocol: Protocol) -> Self {
        Service {
            target_prefix,
            protocol,
            protocols: &[],
            service_id: None,
            api_version: None,
            signing_name: None,
            endpoint_prefix: None,
            endpoint_rules: None,
            query_compatible: false,
        }
    }

    /// With every protocol the model lists that the runtime speaks, in the model's order.
    pub const fn with_protocols(mut self, protocols: &'static [Protocol]) -> Self {
        self.protocols = protocols;
        self
    }

    /// The protocols the service speaks, most preferred first.
    pub fn protocols(&self) -> &[Protocol] {
        if self.protocols.is_empty() {
            ::std::slice::from_ref(&self.protocol)
        } else {
            self.protocols
        }
    }

    /// Whether the service speaks `protocol`.
    pub fn offers(&self, protocol: Protocol) -> bool {
        self.protocols().contains(&protocol)
    }

    /// As the model's `awsQueryCompatible` says.
    pub const fn with_query_compatible(mut self) -> Self {
        self.query_compatible = true;
        self
    }

    /// With `serviceId`.
    pub const fn with_service_id(mut self, service_id: &'static str) -> Self {
        self.service_id = Some(service_id);
        self
    }

    /// With `apiVersion`.
    pub const fn with_api_version(mut self, api_version: &'static str) -> Self {
        self.api_version = Some(api_version);
        self
    }

    /// With the signing name.
    pub const fn with_signing_name(mut self, signing_name: &'static str) -> Self {
        self.signing_name = Some(signing_name);
        self
    }

    /// With `endpointPrefix`.
    pub const fn with_endpoint_prefix(mut self, endpoint_prefix: &'static str) -> Self {
        self.endpoint_prefix = Some(endpoint_prefix);
        self
    }

    /// With its endpoint rule set.
    pub const fn with_endpoint_rules(mut self, rules: EndpointRules) -> Self {
        self.endpoint_rules = Some(rules);
        self
    }

    /// The service's endpoint in `region`: what its rule set resolves for the region alone
    /// (`https://appstream2.us-east-1.amazonaws.com`, `https://appstream2.eusc-de-east-1.amazonaws.eu`,
    /// DynamoDB's `local` at `http://localhost:8000`). [`Service::resolve_endpoint`] adds the
    /// FIPS, dual-stack and custom-URL switches.
    ///
    /// A service generated without its rule set gives `https://{endpointPrefix}.{region}.{suffix}`
    /// in the `aws`, `aws-cn` and `aws-us-gov` partitions only, and refuses other regions.
    pub fn endpoint(&self, region: &str) -> Result<Endpoint, EndpointError> {
        self.resolve_endpoint(&EndpointConfig::new(region))
    }

    /// The endpoint for `config`, by the service's rule set (see [`Service::endpoint`] for a
    /// service without one). A region that is not a host label is refused before any rule
    /// reads it; the rule set's own errors come back word for word (`Invalid Configuration:
    /// FIPS and custom endpoint are not supported`).
    pub fn resolve_endpoint(&self, config: &EndpointConfig) -> Result<Endpoint, EndpointError> {
        self.resolve_endpoint_with(config, &Params::new())
    }

    /// [`Service::resolve_endpoint`] with the parameters an operation's input binds
    /// (`contextParam`, `staticContextParams`, `operationContextParams`), which win over
    /// `config`'s: [`Operation::endpoint`](super::Operation::endpoint) passes them.
    pub fn resolve_endpoint_with(
        &self,
        config: &EndpointConfig,
        context: &Params,
    ) -> Result<Endpoint, EndpointError> {
        match &self.endpoint_rules {
            Some(rules) => config.resolve(rules.rule_set()?, context),
            None => config.fallback(self.endpoint_prefix, self.target_prefix),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Protocol, Service};

    const APPSTREAM: Service = Service::new("PhotonAdminProxyService", Protocol::AwsJson1_1)
        .with_service_id("AppStream")
        .with_api_version("2016-12-01")
        .with_signing_name("appstream")
        .with_endpoint_prefix("appstream2");

    #[test]
    fn the_standard_endpoint_uses_the_endpoint_prefix_not_the_signing_name() {
        let endpoint = APPSTREAM.endpoint("eu-west-1").map(|e| e.to_string());
        assert_eq!(endpoint.as_deref(), Ok("https://appstream2.eu-west-1.amazonaws.com"));
        assert_eq!(APPSTREAM.signing_name, Some("appstream"));
        assert_eq!(APPSTREAM.protocol.content_type(), "application/x-amz-json-1.1");
    }

    #[test]
    fn a_service_without_an_endpoint_prefix_asks_for_the_url() {
        let test_service = Service::new("Test_20240101", Protocol::AwsJson1_0);
        let error = test_service.endpoint("us-east-1").map_err(|e| e.to_string());
        assert_eq!(
            error,
            Err("the model of `Test_20240101` gives no endpoint prefix: pass the endpoint URL"
                .to_owned())
        );
    }
}
