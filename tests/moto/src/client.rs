use aws_credential_types::Credentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4::SigningParams;
use awsjson_runtime::retry::{AttemptError, RetryStrategy, TransportError, TransportErrorKind};
use awsjson_runtime::{
    Endpoint, EndpointConfig, Operation, Request, RequestOptions, ResponseError,
};
use std::time::SystemTime;

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Calls any generated operation: in a region (with FIPS, dual stack or a custom endpoint URL
/// if asked), with credentials, retried as botocore's standard mode retries.
pub struct Client {
    pub endpoints: EndpointConfig,
    pub credentials: Credentials,
    pub agent: ureq::Agent,
    /// Shared by every call of this client, as its retry quota is.
    pub retries: RetryStrategy,
}

impl Client {
    pub fn new(endpoints: EndpointConfig, credentials: Credentials) -> Self {
        // Error statuses are answers to parse, not transport failures.
        let agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
        Client { endpoints, credentials, agent, retries: RetryStrategy::standard() }
    }

    /// The service's answer, after the retries the strategy allows; `Err` if the request could
    /// not be built or signed, or got no answer.
    pub fn call<O: Operation>(
        &self,
        input: &O::Input,
    ) -> Result<Result<O::Output, ResponseError<O::Error>>, BoxError> {
        self.call_with::<O>(input, &RequestOptions::default())
    }

    /// [`Client::call`] with a choice of options: another protocol the service speaks…
    pub fn call_with<O: Operation>(
        &self,
        input: &O::Input,
        options: &RequestOptions,
    ) -> Result<Result<O::Output, ResponseError<O::Error>>, BoxError> {
        // Built once, so every attempt sends the same body, idempotency token included.
        let request = O::request_with(input, options)?;
        let endpoint = O::endpoint(input, &self.endpoints)?;
        let invocation_id = awsjson_runtime::idempotency::uuid_v4()?;
        let mut call = self.retries.start();
        loop {
            let attempt = [
                ("amz-sdk-invocation-id", invocation_id.clone()),
                ("amz-sdk-request", call.sdk_request_header()),
            ];
            let error = match self.attempt::<O>(&request, &endpoint, attempt) {
                Ok(output) => return Ok(Ok(call.succeeded(output))),
                Err(error) => error,
            };
            match call.retry_delay(&error) {
                Ok(delay) => std::thread::sleep(delay),
                Err(_gave_up) => {
                    return match error {
                        AttemptError::Response(error) => Ok(Err(error)),
                        AttemptError::Transport(error) => Err(error.into()),
                    };
                }
            }
        }
    }

    /// Signs and sends one attempt of `request`, and reads the answer.
    fn attempt<O: Operation>(
        &self,
        request: &Request,
        endpoint: &Endpoint,
        headers: [(&'static str, String); 2],
    ) -> Result<O::Output, AttemptError<O::Error>> {
        let unsendable =
            |error: BoxError| TransportError::new(TransportErrorKind::Other, error.to_string());
        let mut http = request.clone().into_http(endpoint).map_err(|e| unsendable(e.into()))?;
        for (name, value) in headers {
            let value = value
                .parse()
                .map_err(|e: http::header::InvalidHeaderValue| unsendable(e.into()))?;
            http.headers_mut().insert(name, value);
        }
        let (name, region) = self.signing::<O>(endpoint);
        self.sign(&mut http, name, region).map_err(unsendable)?;
        let response = self.agent.run(http).map_err(|error| transport_error(&error))?;
        let (parts, mut body) = response.into_parts();
        let body = body.read_to_vec().map_err(|error| transport_error(&error))?;
        // Read as the protocol the request went in.
        let status = parts.status.as_u16();
        let parsed =
            O::parse_response_for(request.protocol, status, &parts.headers, &body, O::DECODING);
        Ok(parsed?.value)
    }

    /// The name and region to sign for: the endpoint's, else the model's and the client's.
    fn signing<'a, O: Operation>(&'a self, endpoint: &'a Endpoint) -> (&'a str, &'a str) {
        let name = endpoint.signing_name().or(O::SERVICE.signing_name).unwrap_or_default();
        let region = endpoint.signing_region().or(self.endpoints.region()).unwrap_or_default();
        (name, region)
    }

    /// The request for `input`, to the endpoint its service's rule set resolves for it, signed
    /// as that endpoint says (else as the service's model says, for the client's region).
    pub fn signed_request<O: Operation>(
        &self,
        input: &O::Input,
    ) -> Result<http::Request<Vec<u8>>, BoxError> {
        let endpoint = O::endpoint(input, &self.endpoints)?;
        let (name, region) = self.signing::<O>(&endpoint);
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

/// What ureq's failure says about retrying: no connection, a connection closed early, no answer
/// in time, or something that would fail again.
fn transport_error(error: &ureq::Error) -> TransportError {
    let kind = match error {
        ureq::Error::Io(io) => return TransportError::from_io(io),
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => TransportErrorKind::Connect,
        ureq::Error::Timeout(_) | ureq::Error::BodyStalled => TransportErrorKind::Timeout,
        ureq::Error::Protocol(_) => TransportErrorKind::Reset,
        _ => TransportErrorKind::Other,
    };
    TransportError::new(kind, error.to_string())
}
