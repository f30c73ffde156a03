//! `codegen endpoints`: botocore's endpoint tests (`endpoint-tests-1.json`) run against a rule
//! set through the resolver generated code uses (`awsjson_runtime::Service`), each case's
//! `params` resolved, and with a model its `operationInputs` too: the built-ins and client
//! parameters as an SDK sets them, the input bound as the model says.

mod case;

pub use self::case::{Outcome, TestCase};

use awsjson_codegen::ir::{BindingSource, EndpointBinding};
use awsjson_runtime::endpoints::{ContextPath, ParamValue, Params, RuleSet};
use std::collections::BTreeMap;

/// A rule set and, optionally, the bindings of each operation of its model.
pub struct Runner {
    rule_set: RuleSet,
    operations: Option<BTreeMap<String, Vec<EndpointBinding>>>,
}

/// What a run of one file came to.
#[derive(Debug, Default)]
pub struct Report {
    pub passed: usize,
    /// One line per failing case (or operation input).
    pub failures: Vec<String>,
}

impl Runner {
    /// A runner for `rule_set`; `operations` (from the model, by operation name) lets it run
    /// `operationInputs`.
    pub fn new(
        rule_set: RuleSet,
        operations: Option<BTreeMap<String, Vec<EndpointBinding>>>,
    ) -> Self {
        Runner { rule_set, operations }
    }

    /// Every case of a tests file (its JSON text); `file` names it in failures.
    pub fn run(&self, file: &str, tests: &str) -> Result<Report, String> {
        let cases = case::read(tests).map_err(|why| format!("{file}: {why}"))?;
        let mut report = Report::default();
        for (index, case) in cases.iter().enumerate() {
            let name = match &case.documentation {
                Some(doc) => format!("{file} case {index} ({doc})"),
                None => format!("{file} case {index}"),
            };
            if let Some(params) = &case.params {
                self.judge(&name, params, case, &mut report);
            }
            let Some(inputs) = &case.operation_inputs else { continue };
            let Some(operations) = &self.operations else { continue };
            for (input_index, input) in inputs.iter().enumerate() {
                let name =
                    format!("{name}, operationInputs[{input_index}] `{}`", input.operation_name);
                let Some(bindings) = operations.get(&input.operation_name) else {
                    report.failures.push(format!(
                        "{name}: the model has no operation `{}`",
                        input.operation_name
                    ));
                    continue;
                };
                match self.operation_params(input, bindings) {
                    Ok(params) => self.judge(&name, &params, case, &mut report),
                    Err(why) => report.failures.push(format!("{name}: {why}")),
                }
            }
        }
        Ok(report)
    }

    fn judge(&self, name: &str, params: &Params, case: &TestCase, report: &mut Report) {
        let outcome = Outcome::of(self.rule_set.resolve(params));
        match case.expect.differs_from(&outcome) {
            None => report.passed += 1,
            Some(difference) => report.failures.push(format!("{name}: {difference}")),
        }
    }

    /// The parameters an SDK would resolve with for `input`: built-ins by their names, client
    /// parameters by theirs, then what the operation binds from its input.
    fn operation_params(
        &self,
        input: &case::OperationInput,
        bindings: &[EndpointBinding],
    ) -> Result<Params, String> {
        let mut params = Params::new();
        for (built_in, value) in &input.built_in_params {
            let Some(parameter) = self.rule_set.built_in(built_in) else { continue };
            params.set(parameter.name(), json_param(value, built_in)?);
        }
        for (name, value) in &input.client_params {
            params.set(name.clone(), json_param(value, name)?);
        }
        let operation_params = &input.operation_params;
        for binding in EndpointBinding::in_precedence(bindings) {
            let value = match &binding.source {
                BindingSource::Static(value) => Some(value.clone()),
                BindingSource::Member { model_name, .. } => {
                    operation_params.get(model_name).and_then(ParamValue::from_json)
                }
                BindingSource::Path(path) => {
                    let path = ContextPath::parse(path).map_err(|error| error.to_string())?;
                    let input = serde_json::Value::Object(operation_params.clone());
                    ParamValue::from_json(&path.evaluate(&input))
                }
            };
            if let Some(value) = value {
                params.set(binding.param.clone(), value);
            }
        }
        Ok(params)
    }
}

fn json_param(value: &serde_json::Value, name: &str) -> Result<ParamValue, String> {
    ParamValue::from_json(value)
        .ok_or_else(|| format!("`{name}`: {value} is not a string, boolean or array of strings"))
}

/// `codegen endpoints RULES TESTS… [--model MODEL [--exclude-operations A,B]]`: every tests
/// file run against the rule set at `rules`; with a model (and the operations to leave out of
/// it), its operations' bindings (the model as the generator reads it, with this rule set) run
/// the cases' `operationInputs`. `Err` when a file cannot be used.
pub fn run_files(
    rules: &std::path::Path,
    tests: &[std::path::PathBuf],
    model: Option<(&std::path::Path, &[String])>,
) -> Result<Report, String> {
    let read = |path: &std::path::Path| {
        std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))
    };
    let rule_set = RuleSet::from_json(&read(rules)?)
        .map_err(|error| format!("{}: {error}", rules.display()))?;
    let operations = match model {
        None => None,
        Some((model, excluded)) => {
            let mut builder = awsjson_codegen::Builder::new(model);
            builder.endpoint_rules(rules).on_warning(|_| Ok(()));
            builder.exclude_operations(excluded.iter().cloned());
            let service = builder.service().map_err(|error| error.on_command_line().to_string())?;
            let bindings =
                service.operations.into_iter().map(|op| (op.wire_name, op.endpoint_params));
            Some(bindings.collect())
        }
    };
    let runner = Runner::new(rule_set, operations);
    let mut report = Report::default();
    for path in tests {
        let file = runner.run(&path.display().to_string(), &read(path)?)?;
        report.passed += file.passed;
        report.failures.extend(file.failures);
    }
    Ok(report)
}
