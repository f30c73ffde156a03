//! Realistic response bodies for benchmarks. AppStream's: every member populated, two subnets,
//! two security groups, one fleet error, epoch timestamps with milliseconds, and members the
//! 2017 model does not know, since the real service sends them. AWS Pricing's: products as
//! botocore's example of GetProducts gives one, each a JSON document of about 1 KB.

use std::fmt::Write;

/// One fleet as DescribeFleets returns it today (about 1.1 KB).
pub fn fleet(i: usize) -> String {
    let created = 1_496_170_845_734_u64 + i as u64 * 1_017;
    format!(
        r#"{{"Arn":"arn:aws:appstream:us-east-1:123456789012:fleet/fleet-{i:05}","Name":"fleet-{i:05}","DisplayName":"Fleet number {i}","Description":"Production fleet {i} for engineering","ImageName":"AppStream-WinServer2019-07-12-2023","InstanceType":"stream.standard.medium","FleetType":"ON_DEMAND","ComputeCapacityStatus":{{"Desired":5,"Running":5,"InUse":2,"Available":3}},"MaxUserDurationInSeconds":57600,"DisconnectTimeoutInSeconds":900,"State":"RUNNING","VpcConfig":{{"SubnetIds":["subnet-0a1b2c3d{i:05}","subnet-4e5f6a7b{i:05}"],"SecurityGroupIds":["sg-0123abcd{i:05}","sg-4567efab{i:05}"]}},"CreatedTime":{}.{:03},"FleetErrors":[{{"ErrorCode":"SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES","ErrorMessage":"Subnet subnet-4e5f6a7b{i:05} has no free IP addresses"}}],"EnableDefaultInternetAccess":false,"IdleDisconnectTimeoutInSeconds":600,"IamRoleArn":"arn:aws:iam::123456789012:role/appstream-fleet","StreamView":"APP","Platform":"WINDOWS_SERVER_2019","MaxConcurrentSessions":1,"UsbDeviceFilterStrings":["Keyboard,,*,*,*,*,0,0"],"SessionScriptS3Location":{{"S3Bucket":"appstream-scripts","S3Key":"session/{i}.json"}},"MaxSessionsPerInstance":1}}"#,
        created / 1000,
        created % 1000
    )
}

/// One session as DescribeSessions returns it today.
pub fn session(i: usize) -> String {
    let start = 1_496_170_845_734_u64 + i as u64 * 7_001;
    format!(
        r#"{{"Id":"5e0f3b5c-1c4d-4e4f-9c89-{i:012}","UserId":"user{i}@example.com","StackName":"stack-engineering","FleetName":"fleet-00042","State":"ACTIVE","ConnectionState":"CONNECTED","StartTime":{}.{:03},"MaxExpirationTime":{}.{:03},"AuthenticationType":"USERPOOL","NetworkAccessConfiguration":{{"EniPrivateIpAddress":"10.0.{}.{}","EniId":"eni-0a1b2c3d{i:08}","EniIpv6Addresses":[]}},"InstanceId":"i-0123456789abcdef{i:x}"}}"#,
        start / 1000,
        start % 1000,
        (start + 57_600_000) / 1000,
        (start + 57_600_000) % 1000,
        i / 250,
        i % 250
    )
}

/// A DescribeFleets response body with `count` fleets (1,000 make about 1.1 MB).
pub fn describe_fleets(count: usize) -> Vec<u8> {
    page("Fleets", count, fleet)
}

/// A DescribeSessions response body with `count` sessions.
pub fn describe_sessions(count: usize) -> Vec<u8> {
    page("Sessions", count, session)
}

/// One product of a price list, as JSON text: botocore's example, with its own SKU. Keys come
/// in the service's order, not sorted.
pub fn product(i: usize) -> String {
    let sku = format!("WQGC{i:08}PB2AWS");
    format!(
        r#"{{"product":{{"productFamily":"Storage","attributes":{{"storageMedia":"SSD-backed","maxThroughputvolume":"320 MB/sec","volumeType":"Provisioned IOPS","maxIopsvolume":"20000","servicecode":"AmazonEC2","usagetype":"CAN1-EBS:VolumeUsage.piops","locationType":"AWS Region","location":"Canada (Central)","servicename":"Amazon Elastic Compute Cloud","maxVolumeSize":"16 TiB","operation":""}},"sku":"{sku}"}},"serviceCode":"AmazonEC2","terms":{{"OnDemand":{{"{sku}.JRTCKXETXF":{{"priceDimensions":{{"{sku}.JRTCKXETXF.6YS6EN2CT7":{{"unit":"GB-Mo","endRange":"Inf","description":"$0.138 per GB-month of Provisioned IOPS SSD (io1)  provisioned storage - Canada (Central)","appliesTo":[],"rateCode":"{sku}.JRTCKXETXF.6YS6EN2CT7","beginRange":"0","pricePerUnit":{{"USD":"0.1380000000"}}}}}},"sku":"{sku}","effectiveDate":"2017-08-01T00:00:00Z","offerTermCode":"JRTCKXETXF","termAttributes":{{}}}}}}}},"version":"20170901182201","publicationDate":"2017-09-01T18:22:01Z"}}"#
    )
}

/// A GetProducts response body with `count` products, each JSON text in a string (a
/// `jsonvalue` list), as the service sends them (100 make about 110 KB).
pub fn get_products(count: usize) -> Vec<u8> {
    let quoted = |i| serde_json::to_string(&product(i)).unwrap_or_default();
    page("PriceList", count, quoted)
}

/// A JSON array of `count` products, as documents.
pub fn products(count: usize) -> String {
    let products: Vec<String> = (0..count).map(product).collect();
    format!("[{}]", products.join(","))
}

fn page(member: &str, count: usize, item: impl Fn(usize) -> String) -> Vec<u8> {
    let mut body = format!(r#"{{"{member}":["#);
    for i in 0..count {
        if i > 0 {
            body.push(',');
        }
        body.push_str(&item(i));
    }
    let _ = write!(body, r#"],"NextToken":"eyJwYWdlIjoyLCJzaXplIjoxMDAwfQ=="}}"#);
    body.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_json_of_the_promised_size() {
        let fleets: serde_json::Value = serde_json::from_slice(&describe_fleets(1000)).unwrap();
        assert_eq!(fleets["Fleets"].as_array().map(Vec::len), Some(1000));
        assert_eq!(fleets["Fleets"][7]["CreatedTime"].to_string(), "1496170852.853");
        let size = describe_fleets(1000).len();
        assert!((1_000_000..1_300_000).contains(&size), "{size} bytes");
        let sessions: serde_json::Value = serde_json::from_slice(&describe_sessions(3)).unwrap();
        assert_eq!(sessions["Sessions"][2]["StartTime"].to_string(), "1496170859.736");
        let page: serde_json::Value = serde_json::from_slice(&get_products(100)).unwrap();
        let text = page["PriceList"][7].as_str().unwrap_or_default();
        let product: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(product["product"]["sku"], "WQGC00000007PB2AWS");
        let size = get_products(100).len();
        assert!((100_000..130_000).contains(&size), "{size} bytes");
        let products: serde_json::Value = serde_json::from_str(&products(3)).unwrap();
        assert_eq!(
            products[2]["terms"]["OnDemand"]["WQGC00000002PB2AWS.JRTCKXETXF"]["sku"],
            "WQGC00000002PB2AWS"
        );
    }
}
