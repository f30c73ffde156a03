//! `cargo bench -p wire-tests --bench generate`: the generator on today's whole AppStream model
//! (90 operations, 421 shapes), against reading and parsing the same file as `serde_json::Value`
//! in the same run.

use std::path::Path;
use wire_tests::bench::{Subject, line, run, show};

const ROUNDS: usize = 30;

fn main() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../model/appstream-2016-12-01.latest.json");
    let model = match awsjson_codegen::load_model(&path) {
        Ok(model) => model,
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    };
    let slice = ["CreateAppBlock", "DescribeAppBlocks", "DeleteAppBlock"];
    let mut subjects = [
        Subject::new("baseline: read + parse as serde_json::Value", || {
            std::fs::read(&path).map(|json| serde_json::from_slice::<serde_json::Value>(&json))
        }),
        Subject::new("generate: read, parse, check, emit, format", || {
            awsjson_codegen::Builder::new(&path).generate()
        }),
        Subject::new("  of which read + parse the model", || awsjson_codegen::load_model(&path)),
        Subject::new("  of which check, emit, format", || {
            awsjson_codegen::generate(&model, &path, None)
        }),
        Subject::new("generate --operations (3 of 90)", || {
            awsjson_codegen::Builder::new(&path).operations(slice).generate()
        }),
    ];
    let timings = run(&mut subjects, ROUNDS);
    let baseline = &timings[0];
    println!("median of {ROUNDS} interleaved rounds; baseline {}", show(baseline.median()));
    for timing in &timings[1..] {
        println!("{}", line(timing, baseline));
    }
}
