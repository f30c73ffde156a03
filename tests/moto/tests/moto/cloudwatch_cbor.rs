//! CloudWatch over Smithy RPC v2 CBOR through the README's client: its model offers CBOR beside
//! awsJson 1.0, JSON stays the default, and each call here asks for CBOR. moto (5.2.6 on) answers
//! CloudWatch in CBOR.

use super::{Outcome, same, text};
use awsjson_runtime::{DateTime, Operation, Protocol, RequestOptions, ResponseError, items, pages};
use moto_tests::client::{BoxError, Client};
use moto_tests::cloudwatch::{
    Datapoint, Dimension, GetDashboard, GetDashboardError, GetDashboardInput, GetMetricData,
    GetMetricDataInput, GetMetricStatistics, GetMetricStatisticsInput, ListMetrics,
    ListMetricsInput, Metric, MetricDataQuery, MetricDataResult, MetricDatum, MetricStat,
    PutMetricData, PutMetricDataInput, SetAlarmState, SetAlarmStateError, SetAlarmStateInput,
    StandardUnit, StateValue, Statistic, StatisticSet, StatusCode,
};

/// A scenario against moto through the client.
pub type Scenario = (&'static str, fn(&Client) -> Outcome);

pub const SCENARIOS: &[Scenario] = &[
    ("cloudwatch cbor: metric data goes in as CBOR", put_metric_data),
    ("cloudwatch cbor: ListMetrics walked page by page gives every metric", list_metrics),
    ("cloudwatch cbor: GetMetricData gives the sums per minute", get_metric_data),
    ("cloudwatch cbor: GetMetricStatistics gives a statistic set", get_metric_statistics),
    ("cloudwatch cbor: a missing alarm is a typed error", missing_alarm),
    ("cloudwatch cbor: a missing dashboard is the error moto names", missing_dashboard),
];

const NAMESPACE: &str = "awsjson/cbor";
/// More metrics than moto's page of ListMetrics holds (500).
const SHARDS: usize = 501;

fn cbor() -> RequestOptions {
    RequestOptions::default().protocol(Protocol::RpcV2Cbor)
}

/// `client.call_with::<O>(input)` over CBOR, its service error as text.
fn call<O: Operation>(client: &Client, input: &O::Input) -> Result<O::Output, String>
where
    O::Error: std::fmt::Debug,
{
    client.call_with::<O>(input, &cbor()).map_err(text)?.map_err(|error| format!("{error:?}"))
}

/// A whole minute ten minutes ago, so every datum is recent and falls in its own minute.
fn minute() -> Result<i64, String> {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    let now = i64::try_from(now.map_err(text)?.as_secs()).map_err(text)?;
    Ok(now - now % 60 - 600)
}

fn at(seconds: i64, millis: u32) -> Result<DateTime, String> {
    DateTime::from_secs_and_nanos(seconds, millis * 1_000_000).map_err(text)
}

fn api() -> Vec<Dimension> {
    vec![Dimension::new("Service", "api")]
}

/// One datum only: moto 5.2.6 lists a metric of two or more dimensions once per datum (its
/// `are_dimensions_same` compares every pair), where CloudWatch lists it once.
fn two_dimensions() -> Vec<Dimension> {
    vec![Dimension::new("Service", "api"), Dimension::new("Stage", "prod")]
}

fn latency() -> Metric {
    Metric::new().with_namespace(NAMESPACE).with_metric_name("Latency").with_dimensions(api())
}

/// The minute the datums were put in, kept for the scenarios after it.
static MINUTE: std::sync::OnceLock<i64> = std::sync::OnceLock::new();

fn put_minute() -> Result<i64, String> {
    MINUTE.get().copied().ok_or_else(|| "PutMetricData did not run".to_owned())
}

fn put_metric_data(client: &Client) -> Outcome {
    let t0 = minute()?;
    let mut data = vec![
        MetricDatum::new("Latency")
            .with_dimensions(api())
            .with_timestamp(at(t0, 0)?)
            .with_value(12.5)
            .with_unit(StandardUnit::Milliseconds),
        MetricDatum::new("Latency")
            .with_dimensions(api())
            .with_timestamp(at(t0 + 60, 0)?)
            .with_value(7.25)
            .with_unit(StandardUnit::Milliseconds),
        MetricDatum::new("Errors")
            .with_dimensions(two_dimensions())
            .with_timestamp(at(t0, 0)?)
            .with_value(1.0)
            .with_unit(StandardUnit::Count),
        // A fraction of a second: a double under tag 1.
        MetricDatum::new("Requests")
            .with_dimensions(api())
            .with_timestamp(at(t0, 250)?)
            .with_statistic_values(StatisticSet::new(4.0, 10.0, 1.0, 4.0))
            .with_unit(StandardUnit::Count),
    ];
    data.extend((0..SHARDS).map(|shard| {
        MetricDatum::new("Shard")
            .with_dimensions(vec![Dimension::new("Shard", shard.to_string())])
            .with_value(shard as f64)
    }));
    let input = PutMetricDataInput::new(NAMESPACE).with_metric_data(data);
    let request = PutMetricData::request_with(&input, &cbor()).map_err(text)?;
    same("protocol", request.protocol, Protocol::RpcV2Cbor)?;
    same("path", &*request.path, "/service/GraniteServiceVersion20100801/operation/PutMetricData")?;
    same("Smithy-Protocol", request.header("smithy-protocol"), Some("rpc-v2-cbor"))?;
    same("Content-Type", request.header("content-type"), Some("application/cbor"))?;
    same("Accept", request.header("accept"), Some("application/cbor"))?;
    // Without the option, the model's default: awsJson 1.0.
    let json = PutMetricData::request(&input).map_err(text)?;
    same("default protocol", json.protocol, Protocol::AwsJson1_0)?;
    call::<PutMetricData>(client, &input)?;
    MINUTE.set(t0).map_err(|_| "PutMetricData ran twice".to_owned())
}

fn list_metrics(client: &Client) -> Outcome {
    let input = ListMetricsInput::new().with_namespace(NAMESPACE);
    let send = |input: &ListMetricsInput| {
        client.call_with::<ListMetrics>(input, &cbor())?.map_err(BoxError::from)
    };
    let walked: Vec<_> =
        pages::<ListMetrics, _, _>(input.clone(), send).collect::<Result<_, _>>().map_err(text)?;
    same("pages", walked.len(), 2)?;
    let mut metrics: Vec<Metric> =
        items::<ListMetrics, _, _>(input, send).collect::<Result<_, _>>().map_err(text)?;
    same("metrics", metrics.len(), SHARDS + 3)?;
    metrics.retain(|metric| metric.metric_name.as_deref() != Some("Shard"));
    metrics.sort_by(|a, b| a.metric_name.cmp(&b.metric_name));
    let metric = |name: &str, dimensions| {
        Metric::new().with_namespace(NAMESPACE).with_metric_name(name).with_dimensions(dimensions)
    };
    let expected = vec![metric("Errors", two_dimensions()), latency(), metric("Requests", api())];
    same("metrics but the shards", metrics, expected)
}

fn get_metric_data(client: &Client) -> Outcome {
    let t0 = put_minute()?;
    let query =
        MetricDataQuery::new("latency").with_metric_stat(MetricStat::new(latency(), 60, "Sum"));
    let input = GetMetricDataInput::new(vec![query], at(t0, 0)?, at(t0 + 120, 0)?);
    let output = call::<GetMetricData>(client, &input)?;
    // Newest first, as ScanBy's default says.
    let expected = MetricDataResult::new()
        .with_id("latency")
        .with_label("Latency Sum")
        .with_timestamps(vec![at(t0 + 60, 0)?, at(t0, 0)?])
        .with_values(vec![7.25, 12.5])
        .with_status_code(StatusCode::Complete);
    same("MetricDataResults", output.metric_data_results, Some(vec![expected]))
}

fn get_metric_statistics(client: &Client) -> Outcome {
    let t0 = put_minute()?;
    let input =
        GetMetricStatisticsInput::new(NAMESPACE, "Requests", at(t0, 0)?, at(t0 + 60, 0)?, 60)
            .with_dimensions(api())
            .with_statistics(vec![
                Statistic::SampleCount,
                Statistic::Sum,
                Statistic::Minimum,
                Statistic::Maximum,
            ]);
    let output = call::<GetMetricStatistics>(client, &input)?;
    same("Label", output.label.as_deref(), Some("Requests"))?;
    // The datum's own time, to the millisecond: moto gives it where CloudWatch gives the
    // period's start.
    let expected = Datapoint::new()
        .with_timestamp(at(t0, 250)?)
        .with_sample_count(4.0)
        .with_sum(10.0)
        .with_minimum(1.0)
        .with_maximum(4.0)
        .with_unit(StandardUnit::Count);
    same("Datapoints", output.datapoints, Some(vec![expected]))
}

fn missing_alarm(client: &Client) -> Outcome {
    let input = SetAlarmStateInput::new("no-such-alarm", StateValue::Ok, "testing");
    match client.call_with::<SetAlarmState>(&input, &cbor()).map_err(text)? {
        Err(ResponseError::Service {
            error: SetAlarmStateError::ResourceNotFound(error),
            meta,
            ..
        }) => {
            same("status", meta.status, 404)?;
            same("has a request id", meta.request_id.is_some(), true)?;
            let query_error = meta.query_error.map(|query| (query.code, query.fault));
            same("query error", query_error, Some(("ResourceNotFound".into(), "Sender".into())))?;
            same("message", error.message.as_deref(), Some("An unspecified service error occurred"))
        }
        other => Err(format!("expected ResourceNotFound, got {other:?}")),
    }
}

/// The model gives GetDashboard `DashboardNotFoundError` (query code `ResourceNotFound`); moto
/// names the error `…#ResourceNotFound` instead, the model's other shape with that query code,
/// which GetDashboard does not list: the answer is kept as an unmodeled error with its code.
fn missing_dashboard(client: &Client) -> Outcome {
    let input = GetDashboardInput::new("no-such-dashboard");
    match client.call_with::<GetDashboard>(&input, &cbor()).map_err(text)? {
        Err(ResponseError::Service {
            error: GetDashboardError::Unmodeled(error), meta, ..
        }) => {
            same("status", error.status, 404)?;
            same("code", error.code.as_deref(), Some("ResourceNotFound"))?;
            same("message", error.message.as_deref(), Some("Dashboard does not exist"))?;
            let query_error = meta.query_error.map(|query| query.code);
            same("query error", query_error.as_deref(), Some("ResourceNotFound"))
        }
        other => Err(format!("expected moto's ResourceNotFound, got {other:?}")),
    }
}
