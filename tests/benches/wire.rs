//! `cargo bench -p wire-tests --bench wire`: decoding and encoding the AppStream wire with the
//! generated types, each against serde_json's own floor measured in the same rounds:
//! `IgnoredAny` (parse and throw away) for decoding, `serde_json::Value` for both.

// The crate root's types: the four 2017 operations.
fn main() {
    bench::main();
}

mod bench {
    use appstream_types::runtime::{self, Operation, Validate as _};
    use appstream_types::*;
    use serde::de::IgnoredAny;
    use serde_json::Value;
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use wire_tests::bench::{Subject, Timings, decode, line, ratio, run};
    use wire_tests::bodies;

    /// Counts heap allocations, to check the decoder allocates only what the output holds.
    struct Counting;

    static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

    // SAFETY: every call is forwarded unchanged to the system allocator; only a counter is added.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            unsafe { System.dealloc(ptr, layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    #[global_allocator]
    static GLOBAL: Counting = Counting;

    const ROUNDS: usize = 30;
    const PAGE: usize = 1000;

    pub fn main() {
        let fleets_body = bodies::describe_fleets(PAGE);
        let sessions_body = bodies::describe_sessions(PAGE);
        let fleets = decode::<DescribeFleets>(&fleets_body);
        let fleets_value: Value = parse_json(&fleets_body);
        let sessions_value: Value = parse_json(&sessions_body);
        let create = create_fleet();
        let update = update_fleet();
        let create_value = body_value::<CreateFleet>(&create);
        let fips = runtime::EndpointConfig::new("us-gov-west-1").fips(true);
        let update_value = body_value::<UpdateFleet>(&update);

        let fleets_cbor = runtime::cbor::to_vec(&fleets).unwrap_or_else(|error| panic!("{error}"));
        let cbor_headers = [("Smithy-Protocol", "rpc-v2-cbor")];

        #[cfg(feature = "latest")]
        let latest_fleets = decode::<latest::DescribeFleets>(&fleets_body);
        let mut subjects = vec![
            Subject::new("IgnoredAny", || serde_json::from_slice::<IgnoredAny>(&fleets_body)),
            Subject::new("typed DescribeFleets output", || decode::<DescribeFleets>(&fleets_body)),
            Subject::new("serde_json::Value", || serde_json::from_slice::<Value>(&fleets_body)),
            Subject::new("serde_json::from_slice into the output", || {
                serde_json::from_slice::<DescribeFleetsResult>(&fleets_body)
            }),
            Subject::new("IgnoredAny", || serde_json::from_slice::<IgnoredAny>(&sessions_body)),
            Subject::new("typed DescribeSessions output", || {
                decode::<DescribeSessions>(&sessions_body)
            }),
            Subject::new("serde_json::Value", || serde_json::from_slice::<Value>(&sessions_body)),
            Subject::new("serde_json::Value", || serde_json::to_vec(&create_value)),
            Subject::new("typed CreateFleet request", || CreateFleet::request(&create)),
            Subject::new("serde_json::Value", || serde_json::to_vec(&update_value)),
            Subject::new("typed UpdateFleet request", || UpdateFleet::request(&update)),
            Subject::new("serde_json::Value", || serde_json::to_vec(&fleets_value)),
            Subject::new("typed DescribeFleets output", || runtime::to_vec(&fleets)),
            Subject::new("serde_json::Value", || serde_json::to_vec(&sessions_value)),
            Subject::new("validate() of the decoded output", || fleets.validate()),
            Subject::new("serde_json::to_vec of the output", || serde_json::to_vec(&fleets)),
            Subject::new("SERVICE.endpoint(\"us-east-1\")", || SERVICE.endpoint("us-east-1")),
            Subject::new("CreateFleet::endpoint, FIPS in us-gov-west-1", || {
                CreateFleet::endpoint(&create, &fips)
            }),
            Subject::new("typed DescribeFleets output from CBOR", || {
                let (cbor, decoding) =
                    (runtime::Protocol::RpcV2Cbor, runtime::Decoding::Correcting);
                DescribeFleets::parse_response_for(cbor, 200, &cbor_headers, &fleets_cbor, decoding)
            }),
            Subject::new("typed DescribeFleets output to CBOR", || runtime::cbor::to_vec(&fleets)),
        ];
        #[cfg(feature = "latest")]
        subjects.extend([
            Subject::new("typed latest DescribeFleets output", || {
                decode::<latest::DescribeFleets>(&fleets_body)
            }),
            Subject::new("validate() of the decoded latest output", || latest_fleets.validate()),
        ]);
        let t = run(&mut subjects, ROUNDS);
        println!("medians of {ROUNDS} interleaved rounds; ratio = time / baseline time\n");
        println!("decode DescribeFleets, {PAGE} fleets, {} bytes", fleets_body.len());
        report(&t[1], &t[0], Some(2.0));
        report(&t[2], &t[0], None);
        report(&t[3], &t[0], None);
        println!(
            "decode DescribeFleets from CBOR, {} bytes, against the JSON page",
            fleets_cbor.len()
        );
        report(&t[18], &t[1], Some(1.0));
        println!("decode DescribeSessions, {PAGE} sessions, {} bytes", sessions_body.len());
        report(&t[5], &t[4], Some(1.8));
        report(&t[6], &t[4], None);
        println!("encode");
        report(&t[8], &t[7], None);
        report(&t[10], &t[9], None);
        report(&t[12], &t[11], Some(0.5));
        report(&t[15], &t[11], None);
        report(&t[19], &t[12], None);
        println!(
            "  (Value encode of the sessions page, for scale: {})",
            wire_tests::bench::show(t[13].median())
        );
        println!("validate {PAGE} fleets, against decoding them");
        report(&t[14], &t[1], Some(0.3));
        #[cfg(feature = "latest")]
        report(&t[21], &t[20], Some(0.3));
        println!("resolve the endpoint by the rule set, against building the CreateFleet request");
        report(&t[16], &t[8], None);
        report(&t[17], &t[8], None);
        println!("\nallocations per decoded item (budget: one per string member, one per list)");
        allocations("fleet", &fleets_body, PAGE, fleet_budget(&fleets), decode::<DescribeFleets>);
        let sessions = decode::<DescribeSessions>(&sessions_body);
        allocations(
            "session",
            &sessions_body,
            PAGE,
            session_budget(&sessions),
            decode::<DescribeSessions>,
        );
    }

    fn report(subject: &Timings, baseline: &Timings, target: Option<f64>) {
        let verdict = target.map(|target| {
            let (median, _, _) = ratio(subject, baseline);
            let met = if median <= target { "meets" } else { "MISSES" };
            format!("  {met} target ≤ {target}x")
        });
        println!("  {}{}", line(subject, baseline), verdict.unwrap_or_default());
    }

    fn allocations<T>(
        what: &str,
        body: &[u8],
        count: usize,
        budget: usize,
        decode: fn(&[u8]) -> T,
    ) {
        let before = ALLOCATIONS.load(Ordering::Relaxed);
        let output = decode(body);
        let made = ALLOCATIONS.load(Ordering::Relaxed) - before;
        drop(output);
        let per_item = made as f64 / count as f64;
        let met =
            if per_item <= (budget as f64 / count as f64) + 0.05 { "meets" } else { "MISSES" };
        println!(
            "  {what}: {per_item:.2} allocations (budget {:.2}: {} strings and lists in {count})  {met} budget",
            budget as f64 / count as f64,
            budget
        );
    }

    fn parse_json(body: &[u8]) -> Value {
        serde_json::from_slice(body).unwrap_or_else(|error| panic!("{error}"))
    }

    fn body_value<O: Operation>(input: &O::Input) -> Value {
        let request = O::request(input).unwrap_or_else(|error| panic!("{error}"));
        parse_json(&request.body)
    }

    fn vpc_config() -> VpcConfig {
        VpcConfig::new()
            .with_subnet_ids(vec!["subnet-0a1b2c3d".into(), "subnet-4e5f6a7b".into()])
            .with_security_group_ids(vec!["sg-0123abcd".into(), "sg-4567efab".into()])
    }

    fn create_fleet() -> CreateFleetRequest {
        CreateFleetRequest::new(
            "fleet-engineering",
            "AppStream-WinServer2019-07-12-2023",
            "stream.standard.medium",
            ComputeCapacity::new(5),
        )
        .with_vpc_config(vpc_config())
        .with_max_user_duration_in_seconds(57600)
        .with_disconnect_timeout_in_seconds(900)
        .with_description("Production fleet for the engineering department")
        .with_display_name("Engineering")
        .with_enable_default_internet_access(false)
    }

    #[allow(deprecated)]
    fn update_fleet() -> UpdateFleetRequest {
        UpdateFleetRequest::new("fleet-engineering")
            .with_image_name("AppStream-WinServer2019-07-12-2023")
            .with_instance_type("stream.standard.large")
            .with_compute_capacity(ComputeCapacity::new(10))
            .with_vpc_config(vpc_config())
            .with_max_user_duration_in_seconds(36000)
            .with_disconnect_timeout_in_seconds(600)
            .with_delete_vpc_config(false)
            .with_description("Production fleet, resized")
            .with_display_name("Engineering")
            .with_enable_default_internet_access(true)
            .with_attributes_to_delete(vec![FleetAttribute::VpcConfigurationSecurityGroupIds])
    }

    /// The allocations a page of fleets needs at least: each string and each list it holds.
    fn fleet_budget(output: &DescribeFleetsResult) -> usize {
        let fleets = output.fleets.as_deref().unwrap_or_default();
        let per_fleet: usize = fleets
            .iter()
            .map(|fleet| {
                let optional = [&fleet.display_name, &fleet.description]
                    .iter()
                    .filter(|s| s.is_some())
                    .count();
                let vpc = fleet.vpc_config.as_ref().map_or(0, |vpc| {
                    let list =
                        |ids: &Option<Vec<String>>| ids.as_ref().map_or(0, |ids| 1 + ids.len());
                    list(&vpc.subnet_ids) + list(&vpc.security_group_ids)
                });
                let errors = fleet.fleet_errors.as_ref().map_or(0, |errors| {
                    1 + errors.iter().filter(|error| error.error_message.is_some()).count()
                });
                4 + optional + vpc + errors
            })
            .sum();
        // The page's own list and next token.
        per_fleet + 1 + usize::from(output.next_token.is_some())
    }

    fn session_budget(output: &DescribeSessionsResult) -> usize {
        let sessions = output.sessions.as_deref().unwrap_or_default();
        4 * sessions.len() + 1 + usize::from(output.next_token.is_some())
    }
}
