//! `aws.parseArn`.

/// An ARN that `aws.parseArn` accepted: Smithy's `ARN` structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Arn {
    pub partition: String,
    pub service: String,
    /// Empty for resources that are not regional.
    pub region: String,
    /// Empty for resources that no account owns.
    pub account_id: String,
    /// The resource, split on every `:` and `/`.
    pub resource_id: Vec<String>,
}

/// `arn:partition:service:region:account-id:resource`, or `None` unless it starts with `arn:`
/// and partition, service and resource are not empty.
pub(crate) fn parse_arn(value: &str) -> Option<Arn> {
    // The resource is everything after the fifth `:`, and may hold more.
    let mut parts = value.splitn(6, ':');
    let (
        Some("arn"),
        Some(partition),
        Some(service),
        Some(region),
        Some(account_id),
        Some(resource),
    ) = (parts.next(), parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    if partition.is_empty() || service.is_empty() || resource.is_empty() {
        return None;
    }
    Some(Arn {
        partition: partition.to_owned(),
        service: service.to_owned(),
        region: region.to_owned(),
        account_id: account_id.to_owned(),
        resource_id: resource.split([':', '/']).map(str::to_owned).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::{Arn, parse_arn};

    fn arn(partition: &str, service: &str, region: &str, account: &str, resource: &[&str]) -> Arn {
        Arn {
            partition: partition.to_owned(),
            service: service.to_owned(),
            region: region.to_owned(),
            account_id: account.to_owned(),
            resource_id: resource.iter().map(|part| (*part).to_owned()).collect(),
        }
    }

    #[test]
    fn valid_arns() {
        let cases = [
            // Smithy's examples.
            (
                "arn:aws:sns:us-west-2:012345678910:example-sns-topic-name",
                arn("aws", "sns", "us-west-2", "012345678910", &["example-sns-topic-name"]),
            ),
            (
                "arn:aws:ec2:us-east-1:012345678910:vpc/vpc-0e9801d129EXAMPLE",
                arn("aws", "ec2", "us-east-1", "012345678910", &["vpc", "vpc-0e9801d129EXAMPLE"]),
            ),
            (
                "arn:aws:iam::012345678910:user/johndoe",
                arn("aws", "iam", "", "012345678910", &["user", "johndoe"]),
            ),
            ("arn:aws:s3:::bucket_name", arn("aws", "s3", "", "", &["bucket_name"])),
            // `:` and `/` both split the resource, and empty parts stay.
            (
                "arn:aws:s3:us-east-2:012345678:outpost:op-1234/accesspoint:ap",
                arn(
                    "aws",
                    "s3",
                    "us-east-2",
                    "012345678",
                    &["outpost", "op-1234", "accesspoint", "ap"],
                ),
            ),
            (
                "arn:aws:s3:::my_corporate_bucket/Development/*",
                arn("aws", "s3", "", "", &["my_corporate_bucket", "Development", "*"]),
            ),
            ("arn:aws:s3:::a//b:", arn("aws", "s3", "", "", &["a", "", "b", ""])),
            ("arn:aws:s3:::/", arn("aws", "s3", "", "", &["", ""])),
            (
                "arn:aws-cn:dynamodb:cn-north-1:123:table/t",
                arn("aws-cn", "dynamodb", "cn-north-1", "123", &["table", "t"]),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_arn(input), Some(expected), "{input}");
        }
    }

    #[test]
    fn invalid_arns() {
        for input in [
            "11111111-2222-3333-4444-555555555555",
            "",
            "arn",
            "arn:",
            "arn:aws:s3:us-east-1:123",
            "arn:aws:s3:us-east-1:123:",
            "arn::s3:us-east-1:123:bucket",
            "arn:aws::us-east-1:123:bucket",
            "ARN:aws:s3:::bucket",
            "urn:aws:s3:::bucket",
            " arn:aws:s3:::bucket",
        ] {
            assert_eq!(parse_arn(input), None, "{input}");
        }
    }
}
