//! AWS endpoint rule sets: botocore's `endpoint-rule-set-1.json` (Smithy's rules engine) read,
//! type-checked and evaluated, with the partition table (`partitions.json`).
//!
//! [`RuleSet::from_json`] reads a rule set and checks it as a compiler would: every function
//! known and given arguments of its types, every name a parameter or assigned before it is
//! used (an optional parameter checked with `isSet` before it is read), every rule reachable.
//! Each problem names its place in the file. [`RuleSet::resolve`] then evaluates it on
//! [`Params`], giving a [`ResolvedEndpoint`] (URL, headers, properties such as `authSchemes`)
//! or the error message of the rule that matched, word for word.
//!
//! `aws.partition` reads [`Partitions::aws`], botocore's partition table as of this release,
//! unless [`RuleSet::resolve_in`] is given a newer one ([`Partitions::from_json`]).

mod ast;
mod check;
mod error;
mod eval;
mod jmespath;
mod params;
mod parse;
mod partitions;
mod resolved;
mod stdlib;
mod template;
mod value;

pub use self::ast::Parameter;
pub use self::error::{Problem, ResolveError, RuleSetError};
pub use self::jmespath::{ContextPath, ContextPathError};
pub use self::params::{ParamValue, ParameterType, Params};
pub use self::partitions::{Partition, Partitions, PartitionsError};
pub use self::resolved::{AuthScheme, ResolvedEndpoint};

use self::value::Value;

/// A checked endpoint rule set, ready to resolve endpoints.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSet {
    version: String,
    parameters: Vec<Parameter>,
    rules: Vec<ast::Rule>,
    /// How many values evaluation holds: the parameters', then every `assign`'s.
    slots: usize,
}

impl RuleSet {
    /// Reads and checks a rule set; every problem is reported with its place in the file.
    pub fn from_json(text: &str) -> Result<RuleSet, RuleSetError> {
        let mut problems = Vec::new();
        let Some(parsed) = parse::parse(text, &mut problems) else {
            return Err(RuleSetError::new(problems));
        };
        let parse::Parsed { version, parameters, mut rules } = parsed;
        let slots = check::check(&parameters, &mut rules, &mut problems);
        if !problems.is_empty() {
            return Err(RuleSetError::new(problems));
        }
        Ok(RuleSet { version, parameters, rules, slots })
    }

    /// The rule set's `version`, like `1.0`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Every parameter, in the order of the file.
    pub fn parameters(&self) -> &[Parameter] {
        &self.parameters
    }

    /// The parameter named `name`.
    pub fn parameter(&self, name: &str) -> Option<&Parameter> {
        self.parameters.iter().find(|parameter| parameter.name == name)
    }

    /// The parameter bound to the SDK setting `built_in`, like `AWS::Region`.
    pub fn built_in(&self, built_in: &str) -> Option<&Parameter> {
        self.parameters.iter().find(|parameter| parameter.built_in.as_deref() == Some(built_in))
    }

    /// The endpoint for `params`, with the partition table this crate carries.
    pub fn resolve(&self, params: &Params) -> Result<ResolvedEndpoint, ResolveError> {
        self.resolve_in(params, Partitions::aws())
    }

    /// The endpoint for `params`, with `partitions` for `aws.partition`.
    pub fn resolve_in(
        &self,
        params: &Params,
        partitions: &Partitions,
    ) -> Result<ResolvedEndpoint, ResolveError> {
        let mut slots = vec![Value::Unset; self.slots];
        for (name, value) in params.iter() {
            let Some(index) = self.parameters.iter().position(|p| p.name == name) else {
                let names: Vec<&str> = self.parameters.iter().map(|p| p.name.as_str()).collect();
                return Err(ResolveError::Param(format!(
                    "`{name}` is not a parameter of this rule set; its parameters are {}",
                    names.join(", ")
                )));
            };
            let parameter = &self.parameters[index];
            if value.ty() != parameter.ty {
                return Err(ResolveError::Param(format!(
                    "`{name}` is a {} parameter, given {value}",
                    parameter.ty
                )));
            }
            slots[index] = Value::from(value);
        }
        for (slot, parameter) in slots.iter_mut().zip(&self.parameters) {
            if slot.is_set() {
                continue;
            }
            match &parameter.default {
                Some(default) => *slot = Value::from(default),
                None if parameter.required => {
                    return Err(ResolveError::Param(format!(
                        "the required parameter `{}` has no value and no default",
                        parameter.name
                    )));
                }
                None => {}
            }
        }
        eval::Evaluator { slots, partitions }.resolve(&self.rules)
    }
}

impl From<&ParamValue> for Value {
    fn from(value: &ParamValue) -> Self {
        match value {
            ParamValue::String(text) => Value::String(text.clone()),
            ParamValue::Boolean(flag) => Value::Bool(*flag),
            ParamValue::StringArray(items) => {
                Value::Array(items.iter().cloned().map(Value::String).collect())
            }
        }
    }
}
