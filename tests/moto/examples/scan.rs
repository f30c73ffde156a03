//! Every item of a DynamoDB table, page by page: `scan TABLE`, with the region, credentials and
//! (for a local server) endpoint URL from the environment, as the AWS CLI reads them; FIPS and
//! dual-stack endpoints with `AWS_USE_FIPS_ENDPOINT=true` and `AWS_USE_DUALSTACK_ENDPOINT=true`.

use aws_credential_types::Credentials;
use awsjson_runtime::{EndpointConfig, items};
use moto_tests::client::{BoxError, Client};
use moto_tests::dynamodb::{Scan, ScanInput};

fn main() -> Result<(), BoxError> {
    let var = |name: &str| std::env::var(name).map_err(|_| format!("{name} is not set"));
    let flag = |name: &str| var(name).is_ok_and(|value| value == "true");
    let mut endpoints = EndpointConfig::new(var("AWS_REGION")?)
        .fips(flag("AWS_USE_FIPS_ENDPOINT"))
        .dual_stack(flag("AWS_USE_DUALSTACK_ENDPOINT"));
    if let Ok(url) = var("AWS_ENDPOINT_URL") {
        endpoints = endpoints.url(url);
    }
    let session_token = var("AWS_SESSION_TOKEN").ok();
    let credentials = Credentials::new(
        var("AWS_ACCESS_KEY_ID")?,
        var("AWS_SECRET_ACCESS_KEY")?,
        session_token,
        None,
        "environment",
    );
    let client = Client::new(endpoints, credentials);
    let table = std::env::args().nth(1).ok_or("usage: scan TABLE")?;
    let send = |input: &ScanInput| Ok::<_, BoxError>(client.call::<Scan>(input)??);
    for item in items::<Scan, _, _>(ScanInput::new(table), send) {
        println!("{:?}", item?);
    }
    Ok(())
}
