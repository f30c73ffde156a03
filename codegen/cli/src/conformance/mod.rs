//! `codegen conformance`: runs protocol test suites in the AWS compliance format against code
//! the generator makes from each suite's shapes.
//!
//! Every suite becomes a model (its metadata and shapes, an operation per distinct `given`),
//! then Rust, compiled with a function per case into one harness binary in a cached scratch
//! project. The harness builds each case's value from literals and prints what it produced;
//! this module compares that with what the case expects.

mod cbor_body;
mod compare;
mod harness;
mod literal;
mod project;
mod suite;

use self::project::Project;
use self::suite::{CaseBody, CaseKind, SuiteBody};
use awsjson_codegen::{emit, ir, model};
use proc_macro2::{Ident, Span, TokenStream};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The outcome of one case (or of a suite or file that has no cases to run).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseResult {
    pub suite: String,
    /// `None` when the whole suite or file failed before its cases could be read.
    pub case: Option<String>,
    /// Why it failed; `None` when it passed.
    pub failure: Option<String>,
}

impl fmt::Display for CaseResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = if self.failure.is_some() { "FAIL" } else { "ok" };
        write!(f, "{status} {}", self.suite)?;
        if let Some(case) = &self.case {
            write!(f, " / {case}")?;
        }
        match &self.failure {
            Some(failure) => write!(f, ": {failure}"),
            None => Ok(()),
        }
    }
}

/// Runs every suite of every file, building the harness in `cache_dir`.
pub fn run(files: &[PathBuf], cache_dir: &Path) -> Vec<CaseResult> {
    let mut plan = Plan::default();
    for path in files {
        match suite::read_file(path) {
            Ok(suites) => {
                for suite in suites {
                    plan.add_suite(suite);
                }
            }
            Err(why) => plan.results.push(CaseResult {
                suite: path.display().to_string(),
                case: None,
                failure: Some(why),
            }),
        }
    }
    plan.execute(&Project::new(cache_dir));
    plan.results
}

/// A case waiting for the harness: where its result goes and what it expects.
struct Pending {
    result: usize,
    kind: CaseKind,
    endpoint_host: Option<String>,
    cbor: bool,
}

/// What the layers of one suite share.
#[derive(Clone, Copy)]
struct SuiteFacts<'s> {
    metadata: &'s Value,
    shapes: &'s Value,
    cbor: bool,
}

/// One generated module of the harness.
struct Module {
    types: String,
    cases: Vec<(Ident, TokenStream)>,
}

#[derive(Default)]
struct Plan {
    results: Vec<CaseResult>,
    modules: BTreeMap<String, Module>,
    pending: BTreeMap<String, Pending>,
    suites: usize,
    /// Whether a suite speaks CBOR: the harness then needs the runtime's `cbor` feature.
    cbor: bool,
}

impl Plan {
    fn add_suite(&mut self, suite: suite::Suite) {
        let label = suite.label;
        let body = match suite.body {
            Ok(body) => body,
            Err(why) => {
                self.results.push(CaseResult { suite: label, case: None, failure: Some(why) });
                return;
            }
        };
        let SuiteBody { metadata, shapes, endpoint_host, cbor, cases } = body;
        let suite_index = self.suites;
        self.suites += 1;
        // Cases that give different operations under one name go to different layers.
        let mut givens: BTreeMap<String, Vec<model::Operation>> = BTreeMap::new();
        let mut layers: BTreeMap<usize, Vec<(usize, CaseBody)>> = BTreeMap::new();
        for case in cases {
            let result = self.results.len();
            self.results.push(CaseResult {
                suite: label.clone(),
                case: Some(case.label),
                failure: None,
            });
            match case.body {
                Err(why) => self.results[result].failure = Some(why),
                Ok(body) => {
                    let seen = givens.entry(body.given.name.clone()).or_default();
                    let layer = match seen.iter().position(|given| *given == body.given) {
                        Some(layer) => layer,
                        None => {
                            seen.push(body.given.clone());
                            seen.len() - 1
                        }
                    };
                    layers.entry(layer).or_default().push((result, body));
                }
            }
        }
        for (layer, cases) in layers {
            let name = format!("suite_{suite_index}_{layer}");
            let suite = SuiteFacts { metadata: &metadata, shapes: &shapes, cbor };
            self.add_layer(&name, &suite, endpoint_host.as_deref(), cases);
        }
    }

    fn add_layer(
        &mut self,
        name: &str,
        suite: &SuiteFacts<'_>,
        endpoint_host: Option<&str>,
        cases: Vec<(usize, CaseBody)>,
    ) {
        let SuiteFacts { metadata, shapes, cbor } = *suite;
        let operations: BTreeMap<&str, &model::Operation> =
            cases.iter().map(|(_, case)| (case.given.name.as_str(), &case.given)).collect();
        let service = serde_json::to_vec(&serde_json::json!({
            "metadata": metadata,
            "shapes": shapes,
            "operations": operations,
        }))
        .map_err(|error| error.to_string())
        .and_then(|json| model::parse(&json).map_err(|problems| join_problems(&problems)))
        .and_then(|model| ir::build(&model).map_err(|problems| join_problems(&problems)))
        .and_then(|service| {
            // Conformance is strict: a body that leaves out a required member does not conform.
            let options =
                emit::Options { decoding: awsjson_codegen::Decoding::Strict, ..Default::default() };
            let types = emit::emit_items(&service, &options).map_err(|e| e.to_string())?;
            Ok((service, types))
        });
        let (service, types) = match service {
            Ok(built) => built,
            Err(why) => {
                let failure = format!("the generator cannot handle the suite: {why}");
                for (result, _) in cases {
                    self.results[result].failure = Some(failure.clone());
                }
                return;
            }
        };
        let mut module = Module { types, cases: Vec::new() };
        for (index, (result, case)) in cases.into_iter().enumerate() {
            let function = Ident::new(&format!("case_{index}"), Span::call_site());
            match harness::case_fn(&service, &case, &function, cbor) {
                Ok(tokens) => {
                    let key = harness::case_key(name, &function);
                    module.cases.push((function, tokens));
                    let endpoint_host = endpoint_host.map(str::to_owned);
                    let pending = Pending { result, kind: case.kind, endpoint_host, cbor };
                    self.pending.insert(key, pending);
                    self.cbor |= cbor;
                }
                Err(why) => self.results[result].failure = Some(why),
            }
        }
        self.modules.insert(name.to_owned(), module);
    }

    /// Builds the harness (leaving out modules that do not compile), runs it and compares.
    fn execute(&mut self, project: &Project) {
        if self.pending.is_empty() {
            return;
        }
        let output = loop {
            let sources = match self.sources() {
                Ok(sources) => sources,
                Err(why) => break Err(why),
            };
            if let Err(why) = project.write(&sources, self.cbor) {
                break Err(why);
            }
            match project.build() {
                Ok(()) => break project.run(),
                Err(failure) if failure.by_module.is_empty() => {
                    break Err(format!("the harness does not compile:\n{}", failure.output.trim()));
                }
                Err(failure) => {
                    for (name, error) in failure.by_module {
                        self.drop_module(
                            &name,
                            &format!("the generated code does not compile: {error}"),
                        );
                    }
                }
            }
        };
        let outcomes = match output {
            Ok(stdout) => parse_outcomes(&stdout),
            Err(why) => {
                let keys: Vec<String> = self.pending.keys().cloned().collect();
                for key in keys {
                    self.fail_pending(&key, &why);
                }
                return;
            }
        };
        for (key, pending) in std::mem::take(&mut self.pending) {
            let verdict = match outcomes.get(&key) {
                None => Err("the harness printed nothing for this case".to_owned()),
                Some(Err(why)) => Err(why.clone()),
                Some(Ok(outcome)) => match &pending.kind {
                    CaseKind::Input(input) => compare::request(
                        &input.serialized,
                        outcome,
                        pending.endpoint_host.as_deref(),
                        pending.cbor,
                    ),
                    CaseKind::Output(output) => compare::response(output, outcome),
                },
            };
            self.results[pending.result].failure = verdict.err();
        }
    }

    fn drop_module(&mut self, name: &str, why: &str) {
        if let Some(module) = self.modules.remove(name) {
            for (function, _) in &module.cases {
                self.fail_pending(&harness::case_key(name, function), why);
            }
        }
    }

    fn fail_pending(&mut self, key: &str, why: &str) {
        if let Some(pending) = self.pending.remove(key) {
            self.results[pending.result].failure = Some(why.to_owned());
        }
    }

    /// Every `src/` file of the harness.
    fn sources(&self) -> Result<BTreeMap<String, String>, String> {
        let mut sources = BTreeMap::new();
        sources.insert("support.rs".to_owned(), harness::SUPPORT.to_owned());
        for (name, module) in &self.modules {
            let types_file = format!("{name}_types.rs");
            sources.insert(
                format!("{name}.rs"),
                harness::module_source(name, &types_file, &module.cases)?,
            );
            sources.insert(types_file, module.types.clone());
        }
        let names: Vec<String> = self.modules.keys().cloned().collect();
        sources.insert("main.rs".to_owned(), harness::main_source(&names)?);
        Ok(sources)
    }
}

/// The harness's lines: `{"case": key, "outcome": …}` or `{"case": key, "failure": "…"}`.
fn parse_outcomes(stdout: &str) -> BTreeMap<String, Result<Value, String>> {
    let mut outcomes = BTreeMap::new();
    for line in stdout.lines() {
        let Ok(Value::Object(mut line)) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let Some(Value::String(key)) = line.remove("case") else {
            continue;
        };
        let outcome = match (line.remove("outcome"), line.remove("failure")) {
            (Some(outcome), _) => Ok(outcome),
            (None, Some(Value::String(why))) => Err(why),
            _ => Err("the harness printed a line without an outcome".to_owned()),
        };
        outcomes.insert(key, outcome);
    }
    outcomes
}

fn join_problems(problems: &[awsjson_codegen::Problem]) -> String {
    problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}
