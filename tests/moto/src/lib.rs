//! Types generated from botocore's DynamoDB, SQS, Secrets Manager and CloudWatch models, and the client of
//! the README, which calls them on any endpoint: build, sign, send, parse.

pub mod client;
pub mod fault_proxy;

pub mod dynamodb {
    include!(concat!(env!("OUT_DIR"), "/dynamodb.rs"));
}

pub mod sqs {
    include!(concat!(env!("OUT_DIR"), "/sqs.rs"));
}

pub mod secretsmanager {
    include!(concat!(env!("OUT_DIR"), "/secretsmanager.rs"));
}

pub mod cloudwatch {
    include!(concat!(env!("OUT_DIR"), "/cloudwatch.rs"));
}

#[cfg(test)]
mod tests {
    /// What the README shows is the code that is compiled and run against moto.
    #[test]
    fn the_readme_shows_the_client_and_the_example_as_they_are() {
        let readme = include_str!("../../../README.md");
        for (path, code) in [
            ("tests/moto/src/client.rs", include_str!("client.rs")),
            ("tests/moto/examples/scan.rs", include_str!("../examples/scan.rs")),
        ] {
            // `ignore`: the README's doctests have no aws-sigv4; this crate builds it.
            let block = format!("```rust,ignore\n{code}```\n");
            assert!(
                readme.contains(&block),
                "README.md does not show {path} as it is: copy it over"
            );
        }
    }
}
