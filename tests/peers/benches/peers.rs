//! `cargo bench --manifest-path tests/peers/Cargo.toml`: our typed decode of the wire bench's
//! pages against its peers, rusoto_appstream 0.48 and aws-sdk-appstream 1.138, and against
//! simd-json, all in one interleaved run, so each ratio is of the same conditions.

use peer_bench::page::{Fleets, Page, Sessions};
use peer_bench::prepared::{Prepared, names::*};
use std::process::ExitCode;
use std::time::Duration;
use wire_tests::bench::{Timings, line, ratio, run, show};

const ROUNDS: usize = 30;
const PAGE: usize = 1000;
/// simd-json earns a row of its own only if it takes this much of parse_response's time or less
/// (25 % faster than what we ship).
const SIMD_TARGET: f64 = 0.75;

fn main() -> ExitCode {
    match bench() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

fn bench() -> Result<(), String> {
    let fleets = Prepared::<Fleets>::new(PAGE)?;
    let sessions = Prepared::<Sessions>::new(PAGE)?;
    let mut subjects = fleets.subjects();
    let fleet_subjects = subjects.len();
    subjects.extend(sessions.subjects());
    let timings = run(&mut subjects, ROUNDS);
    let (fleet_timings, session_timings) = timings.split_at(fleet_subjects);
    println!("medians of {ROUNDS} interleaved rounds; ratio = time / the named subject's time\n");
    report(&fleets, fleet_timings)?;
    report(&sessions, session_timings)
}

fn report<P: Page>(page: &Prepared<P>, timings: &[Timings]) -> Result<(), String> {
    let find = |name: &str| {
        timings.iter().find(|timing| timing.name == name).ok_or(format!("no timing {name}"))
    };
    let baseline = find(IGNORED_ANY)?;
    println!("decode {}, {} items, {} bytes", P::OPERATION, page.items, page.body.len());
    for timing in timings[1..]
        .iter()
        .filter(|timing| ![OURS_CBOR, SDK_CBOR_DESERIALIZER].contains(&timing.name.as_str()))
    {
        println!("  {}", line(timing, baseline));
    }
    if let Err(why) = &page.simd_typed {
        println!("  {SIMD_TYPED:<44} not timed: simd-json does not give our output: {why}");
    }

    let ours = find(PARSE_RESPONSE)?;
    println!("ours against the peers");
    for peer in [OURS_FROM_SLICE, RUSOTO, SDK_DESERIALIZER, SDK_SEND] {
        println!("  {}", line(ours, find(peer)?));
    }
    println!("Smithy RPC v2 CBOR, the same page in {} bytes", page.cbor_body.len());
    let ours_cbor = find(OURS_CBOR)?;
    let verdict = |subject: &Timings, baseline: &Timings, target: f64| {
        let (median, _, _) = ratio(subject, baseline);
        let met = if median <= target { "meets" } else { "MISSES" };
        format!("  {met} target ≤ {target}x")
    };
    let (sdk_cbor, ours_json) = (find(SDK_CBOR_DESERIALIZER)?, find(PARSE_RESPONSE)?);
    println!("  {}{}", line(ours_cbor, ours_json), verdict(ours_cbor, ours_json, 1.0));
    println!("  {}{}", line(ours_cbor, sdk_cbor), verdict(ours_cbor, sdk_cbor, 0.5));
    println!("  {}", line(sdk_cbor, find(SDK_DESERIALIZER)?));
    let sdk_decoding = less(find(SDK_SEND)?, find(SDK_SEND_EMPTY)?);
    println!(
        "  aws-sdk send() less its empty-page send(): {} (medians), ours is {:.2}x that",
        show(sdk_decoding),
        ours.median().as_secs_f64() / sdk_decoding.as_secs_f64()
    );
    if page.simd_typed.is_ok() {
        // Through our Deserialize impls, as from_slice is: against it only the parser differs.
        let (simd, serde_path) = (find(SIMD_TYPED)?, find(OURS_FROM_SLICE)?);
        let without_copy = less(simd, find(COPY)?);
        let share = |of: &Timings| without_copy.as_secs_f64() / of.median().as_secs_f64();
        let verdict = if share(ours) <= SIMD_TARGET { "meets" } else { "MISSES" };
        println!("simd-json into our types, against parse_response and our serde path");
        println!("  {}", line(simd, ours));
        println!("  {}", line(simd, serde_path));
        println!(
            "  less the copy: {} (medians) = {:.2}x {PARSE_RESPONSE}, {:.2}x {OURS_FROM_SLICE}",
            show(without_copy),
            share(ours),
            share(serde_path)
        );
        println!("  {verdict} target ≤ {SIMD_TARGET}x {PARSE_RESPONSE}, less the copy");
    }
    println!();
    Ok(())
}

/// The difference of two medians.
fn less(subject: &Timings, part: &Timings) -> Duration {
    subject.median().saturating_sub(part.median())
}
