use aws_credential_types::Credentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4::SigningParams;
use awsjson_runtime::{EndpointConfig, Operation, ResponseError};
use std::time::SystemTime;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Calls any generated operation: in a region (with FIPS, dual stack or a custom endpoint URL
/// if asked), with credentials.
pub struct Client {
    pub endpoints: EndpointConfig,
    pub credentials: Credentials,
    pub agent: ureq::Agent,
}

impl Client {
    pub fn new(endpoints: EndpointConfig, credentials: Credentials) -> Self {
        // Error statuses are answers to parse, not transport failures.
        let agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
        Client { endpoints, credentials, agent }
    }

    /// `Err` if the request could not be built, signed or sent; else the service's answer.
    pub fn call<O: Operation>(
        &self,
        input: &O::Input,
    ) -> Result<Result<O::Output, ResponseError<O::Error>>, BoxError> {
        let request = self.signed_request::<O>(input)?;
        let (parts, mut body) = self.agent.run(request)?.into_parts();
        let response = http::Response::from_parts(parts, body.read_to_vec()?);
        Ok(O::parse_http_response(&response))
    }

    /// The request for `input`, to the endpoint its service's rule set resolves for it, signed
    /// as that endpoint says (else as the service's model says, for the client's region).
    pub fn signed_request<O: Operation>(
        &self,
        input: &O::Input,
    ) -> Result<http::Request<Vec<u8>>, BoxError> {
        let endpoint = O::endpoint(input, &self.endpoints)?;
        let name = endpoint.signing_name().or(O::SERVICE.signing_name).unwrap_or_default();
        let region = endpoint.signing_region().or(self.endpoints.region()).unwrap_or_default();
        let mut request = O::http_request(input, &endpoint)?;
        self.sign(&mut request, name, region)?;
        Ok(request)
    }

    /// Adds SigV4's `authorization` and `x-amz-date` (and the session token, if any).
    fn sign(
        &self,
        request: &mut http::Request<Vec<u8>>,
        service: &str,
        region: &str,
    ) -> Result<(), BoxError> {
        let identity = self.credentials.clone().into();
        let params = SigningParams::builder()
            .identity(&identity)
            .region(region)
            .name(service)
            .time(SystemTime::now())
            .settings(SigningSettings::default())
            .build()?
            .into();
        let headers: Result<Vec<(&str, &str)>, _> = request
            .headers()
            .iter()
            .map(|(name, value)| Ok::<_, BoxError>((name.as_str(), value.to_str()?)))
            .collect();
        let uri = request.uri().to_string();
        let signable = SignableRequest::new(
            request.method().as_str(),
            uri,
            headers?.into_iter(),
            SignableBody::Bytes(request.body()),
        )?;
        let (instructions, _signature) = sign(signable, &params)?.into_parts();
        instructions.apply_to_request_http1x(request);
        Ok(())
    }
}
