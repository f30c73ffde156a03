//! Every item of a DynamoDB table, page by page: `scan TABLE`, with the region, credentials and
//! (for a local server) endpoint URL from the environment, as the AWS CLI reads them.

use aws_credential_types::Credentials;
use awsjson_runtime::{Endpoint, items};
use moto_tests::client::{BoxError, Client};
use moto_tests::dynamodb::{SERVICE, Scan, ScanInput};

fn main() -> Result<(), BoxError> {
    let var = |name: &str| std::env::var(name).map_err(|_| format!("{name} is not set"));
    let region = var("AWS_REGION")?;
    let endpoint = match var("AWS_ENDPOINT_URL") {
        Ok(url) => Endpoint::parse(&url)?,
        Err(_) => SERVICE.endpoint(&region)?,
    };
    let session_token = var("AWS_SESSION_TOKEN").ok();
    let credentials = Credentials::new(
        var("AWS_ACCESS_KEY_ID")?,
        var("AWS_SECRET_ACCESS_KEY")?,
        session_token,
        None,
        "environment",
    );
    let client = Client::new(endpoint, &region, credentials);
    let table = std::env::args().nth(1).ok_or("usage: scan TABLE")?;
    let send = |input: &ScanInput| Ok::<_, BoxError>(client.call::<Scan>(input)??);
    for item in items::<Scan, _, _>(ScanInput::new(table), send) {
        println!("{:?}", item?);
    }
    Ok(())
}
