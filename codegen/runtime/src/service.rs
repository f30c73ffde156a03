//! What a model's metadata says about its service: how requests are signed, where they go, and
//! which protocol they speak.

use super::endpoint::{Endpoint, EndpointError};

/// The awsJson protocol version a service speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Protocol {
    /// awsJson 1.0: `Content-Type: application/x-amz-json-1.0`.
    AwsJson1_0,
    /// awsJson 1.1: `Content-Type: application/x-amz-json-1.1`.
    AwsJson1_1,
}

impl Protocol {
    /// The `Content-Type` of its requests.
    pub const fn content_type(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => "application/x-amz-json-1.0",
            Protocol::AwsJson1_1 => "application/x-amz-json-1.1",
        }
    }
}

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
    pub protocol: Protocol,
    /// `serviceId`, like `AppStream`.
    pub service_id: Option<&'static str>,
    /// `apiVersion`, like `2016-12-01`.
    pub api_version: Option<&'static str>,
    /// The name requests are signed for (SigV4's service name): `signingName`, else the
    /// endpoint prefix, as botocore does.
    pub signing_name: Option<&'static str>,
    /// The first label of the service's standard host name, like `appstream2`.
    pub endpoint_prefix: Option<&'static str>,
}

impl Service {
    /// A service with only the facts every awsJson model has; the `with_…` methods add the
    /// others. Generated code builds its `SERVICE` this way, so a later runtime can add facts.
    pub const fn new(target_prefix: &'static str, protocol: Protocol) -> Self {
        Service {
            target_prefix,
            protocol,
            service_id: None,
            api_version: None,
            signing_name: None,
            endpoint_prefix: None,
        }
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

    /// The service's standard endpoint in `region`, in the `aws`, `aws-cn` or `aws-us-gov`
    /// partition: `https://appstream2.us-east-1.amazonaws.com`,
    /// `https://appstream2.cn-north-1.amazonaws.com.cn`. Any other endpoint (a local server,
    /// a VPC endpoint, another partition) is [`Endpoint::parse`]d from its URL.
    pub fn endpoint(&self, region: &str) -> Result<Endpoint, EndpointError> {
        let prefix = self.endpoint_prefix.ok_or_else(|| {
            EndpointError::new(format!(
                "the model of `{}` gives no endpoint prefix: pass the endpoint URL",
                self.target_prefix
            ))
        })?;
        Endpoint::standard(prefix, region)
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
