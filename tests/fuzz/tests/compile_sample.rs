//! Whatever `check` accepts, `generate` turns into code that compiles without a warning: a
//! sample of mutated models that `check` accepted (every program in `corpus/model_mutations/`,
//! then programs drawn from fixed seeds), each generated into a module of one scratch crate
//! that depends on awsjson-runtime by path, built with `RUSTFLAGS=-D warnings`, then linted with
//! `cargo clippy -- -D warnings` and documented with `RUSTDOCFLAGS=-D warnings cargo doc`.
//!
//! Ignored by default (it builds a crate: minutes, not seconds). Run it with
//!
//! ```sh
//! cargo test -p fuzz-targets --test compile_sample -- --ignored --nocapture
//! ```
//!
//! `FUZZ_SAMPLE_MODELS=N` (default 60) is how many distinct generated files to compile;
//! `FUZZ_SAMPLE_DIR` where the scratch crate goes (default: the system temporary directory).
//! Each model that fails is cut down to the fewest mutations that still fail the same way
//! (one mutation left out at a time), and reported with the compiler's message; the program's
//! bytes go to `<dir>/findings/` to keep in the corpus.

use fuzz_targets::model::{Outcome, agree};
use fuzz_targets::mutate::{Program, RECORD};
use fuzz_targets::mutator::Rng;
use std::collections::{BTreeMap, BTreeSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A program whose model `check` accepted, and the code generated from it.
struct Sample {
    name: String,
    program: Program,
    applied: Vec<String>,
    operations: Option<Vec<String>>,
    code: String,
}

/// The generated code of `program`, if `check` and `generate` both accept its model.
fn generated(program: &Program) -> Option<(String, Vec<String>, Option<Vec<String>>)> {
    let mutant = program.apply()?;
    let operations: Option<Vec<&str>> =
        mutant.operations.as_ref().map(|ops| ops.iter().map(String::as_str).collect());
    let outcome =
        catch_unwind(AssertUnwindSafe(|| agree(&mutant.json, operations.as_deref(), false)));
    match outcome {
        Ok(Outcome::Generated(code)) => Some((code, mutant.applied, mutant.operations)),
        _ => None,
    }
}

fn random_program(rng: &mut Rng) -> Program {
    let records = 1 + rng.below(6);
    let mut data: Vec<u8> = (0..2 + 3 + records * RECORD).map(|_| rng.byte()).collect();
    // Mostly the small models, and some operations of the large ones.
    data[0] = [0, 0, 1, 1, 2, 3, 4, 5][rng.below(8)];
    Program::decode(&data)
}

fn samples(count: usize) -> Vec<Sample> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/model_mutations");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .collect();
    files.sort();
    let mut candidates: Vec<(String, Program)> = files
        .iter()
        .filter_map(|path| {
            let data = std::fs::read(path).ok()?;
            let name = path.file_name()?.to_string_lossy().into_owned();
            Some((name, Program::decode(&data)))
        })
        .collect();
    let mut rng = Rng::new(2024);
    let mut seen = BTreeSet::new();
    let mut samples = Vec::new();
    let mut drawn = 0;
    while samples.len() < count && drawn < count * 40 {
        let (name, program) = match candidates.pop() {
            Some(candidate) => candidate,
            None => {
                drawn += 1;
                (format!("seed-{drawn}"), random_program(&mut rng))
            }
        };
        if let Some((code, applied, operations)) = generated(&program) {
            if seen.insert(code.clone()) {
                samples.push(Sample { name, program, applied, operations, code });
            }
        }
    }
    samples
}

/// A scratch crate at `dir` holding `modules` (module name → code).
fn write_crate(dir: &Path, modules: &BTreeMap<String, String>) {
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../codegen/runtime");
    let runtime = runtime.canonicalize().unwrap_or(runtime);
    let manifest = format!(
        "[package]\nname = \"fuzz-compile-sample\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\
         publish = false\n\n[dependencies]\nawsjson-runtime = {{ path = {:?} }}\n\n[workspace]\n",
        runtime.display().to_string()
    );
    let src = dir.join("src");
    let _ = std::fs::remove_dir_all(&src);
    std::fs::create_dir_all(&src).unwrap_or_else(|error| panic!("{}: {error}", src.display()));
    let _ = std::fs::write(dir.join("Cargo.toml"), manifest);
    let mut lib = String::from("//! Generated code of mutated models, one module each.\n\n");
    for (module, code) in modules {
        lib.push_str(&format!("pub mod {module};\n"));
        let _ = std::fs::write(src.join(format!("{module}.rs")), code);
    }
    let _ = std::fs::write(src.join("lib.rs"), lib);
}

/// Diagnostics (warnings and errors) of a build, clippy and doc run, by module file.
fn diagnostics(dir: &Path) -> BTreeMap<String, Vec<String>> {
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let runs: [(&str, &[&str], (&str, &str)); 3] = [
        ("build", &["build", "--message-format=json"], ("RUSTFLAGS", "-D warnings")),
        ("clippy", &["clippy", "--message-format=json", "--", "-D", "warnings"], ("RUSTFLAGS", "")),
        ("doc", &["doc", "--no-deps", "--message-format=json"], ("RUSTDOCFLAGS", "-D warnings")),
    ];
    for (what, args, (variable, value)) in runs {
        let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
            .args(args)
            .current_dir(dir)
            .env(variable, value)
            .env("CARGO_TARGET_DIR", dir.join("target"))
            .output()
            .unwrap_or_else(|error| panic!("cargo {what}: {error}"));
        let stdout = String::from_utf8_lossy(&output.stdout);
        let mut any = false;
        for line in stdout.lines() {
            let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            if message["reason"] != "compiler-message" {
                continue;
            }
            let diagnostic = &message["message"];
            let level = diagnostic["level"].as_str().unwrap_or_default();
            if level != "error" && level != "warning" {
                continue;
            }
            let rendered = diagnostic["rendered"].as_str().unwrap_or_default();
            let spans = diagnostic["spans"].as_array().cloned().unwrap_or_default();
            let file = spans
                .iter()
                .find(|span| span["is_primary"] == true)
                .or(spans.first())
                .and_then(|span| span["file_name"].as_str())
                .unwrap_or("(crate)")
                .to_owned();
            // A diagnostic of the crate (rustdoc's, say) that names a module's items.
            let file = if file.starts_with("src/m") {
                file
            } else {
                named_module(rendered).unwrap_or(file)
            };
            if rendered.contains("aborting due to") || rendered.starts_with("error: could not") {
                continue;
            }
            any = true;
            found.entry(file).or_default().push(format!("[{what}] {rendered}"));
        }
        if !output.status.success() && !any {
            let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
            found.entry("(crate)".to_owned()).or_default().push(format!("[{what}] {stderr}"));
        }
        if !found.is_empty() {
            // Later runs would only repeat these.
            break;
        }
    }
    found
}

/// The file of the first module `text` names (`m015::Type` or `src/m015.rs`).
fn named_module(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(5)).find_map(|at| {
        let digits = bytes.get(at + 1..at + 4)?;
        let named = bytes[at] == b'm'
            && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
            && digits.iter().all(u8::is_ascii_digit)
            && (bytes.get(at + 4..at + 6) == Some(b"::")
                || bytes.get(at + 4..at + 7) == Some(b".rs"));
        named.then(|| format!("src/m{}.rs", String::from_utf8_lossy(digits)))
    })
}

/// The module's file name in diagnostics.
fn module_file(module: &str) -> String {
    format!("src/{module}.rs")
}

/// The first line of each diagnostic: what must still fail while minimizing.
fn signature(diagnostics: &[String]) -> BTreeSet<String> {
    diagnostics.iter().map(|d| d.lines().next().unwrap_or_default().to_owned()).collect()
}

/// Each mutation alone, else leaves out one mutation at a time, while the code still fails
/// with one of the same messages.
fn minimize(dir: &Path, sample: &Sample, wanted: &BTreeSet<String>) -> (Program, Vec<String>) {
    let mut program = sample.program.clone();
    let mut last = diagnostics_of(dir, &sample.code);
    let fails = |candidate: &Program| -> Option<Vec<String>> {
        let found = diagnostics_of(dir, &generated(candidate)?.0);
        (!signature(&found).is_disjoint(wanted)).then_some(found)
    };
    // One mutation alone first: later mutations aim by index, so leaving out an early one
    // can turn a later one into another mutation.
    if program.mutations.len() > 1 {
        for record in &sample.program.mutations {
            let alone = Program { mutations: vec![*record], ..sample.program.clone() };
            if let Some(found) = fails(&alone) {
                return (alone, found);
            }
        }
    }
    let mut index = 0;
    while index < program.mutations.len() {
        let mut candidate = program.clone();
        candidate.mutations.remove(index);
        match fails(&candidate) {
            Some(found) => {
                program = candidate;
                last = found;
            }
            _ => index += 1,
        }
    }
    (program, last)
}

fn diagnostics_of(dir: &Path, code: &str) -> Vec<String> {
    let modules = BTreeMap::from([("m".to_owned(), code.to_owned())]);
    write_crate(dir, &modules);
    diagnostics(dir).into_values().flatten().collect()
}

#[test]
#[ignore = "builds a scratch crate of generated code: minutes; run with --ignored"]
fn generated_code_compiles_without_warnings() {
    let count = std::env::var("FUZZ_SAMPLE_MODELS").ok().and_then(|n| n.parse().ok()).unwrap_or(60);
    let root = std::env::var_os("FUZZ_SAMPLE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("fuzz-compile-sample"));
    let samples = samples(count);
    println!("{} distinct generated files from models that check accepted", samples.len());
    let mut remaining: BTreeMap<String, usize> =
        (0..samples.len()).map(|index| (format!("m{index:03}"), index)).collect();
    let mut failing: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let all = root.join("all");
    for _round in 0..8 {
        let modules: BTreeMap<String, String> = (remaining.iter())
            .map(|(module, index)| (module.clone(), samples[*index].code.clone()))
            .collect();
        write_crate(&all, &modules);
        let found = diagnostics(&all);
        if found.is_empty() {
            break;
        }
        let mut attributed = false;
        for (file, messages) in found {
            let module = remaining.keys().find(|module| module_file(module) == file).cloned();
            match module {
                Some(module) => {
                    let index = remaining.remove(&module).unwrap_or_default();
                    failing.entry(index).or_default().extend(messages);
                    attributed = true;
                }
                None => println!("not attributed to a module: {file}: {}", messages.join("\n")),
            }
        }
        if !attributed {
            break;
        }
    }
    let findings_dir = root.join("findings");
    let _ = std::fs::create_dir_all(&findings_dir);
    let mut report = Vec::new();
    for (index, messages) in &failing {
        let sample = &samples[*index];
        let (minimal, last) = minimize(&root.join("one"), sample, &signature(messages));
        let applied = minimal.apply().map(|mutant| mutant.applied).unwrap_or_default();
        let _ = std::fs::write(findings_dir.join(&sample.name), minimal.encode());
        report.push(format!(
            "== {} (base {}, operations {:?})\n   mutations: {:?}\n   minimal: {:?}\n   bytes: {:?}\n{}",
            sample.name,
            fuzz_targets::mutate::BASES[minimal.base],
            sample.operations,
            sample.applied,
            applied,
            minimal.encode(),
            last.join("\n")
        ));
    }
    let report = report.join("\n\n");
    let _ = std::fs::write(root.join("report.txt"), &report);
    println!("{report}");
    println!(
        "{} of {} generated files compile without a warning (scratch crate: {})",
        samples.len() - failing.len(),
        samples.len(),
        all.display()
    );
    assert!(failing.is_empty(), "{} generated files fail to build cleanly", failing.len());
}
