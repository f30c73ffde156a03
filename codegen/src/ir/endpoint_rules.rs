//! The endpoint rule set beside a model: checked, its parameters named for Rust, and the
//! parameters each operation binds from its input (`contextParam`, `staticContextParams`,
//! `operationContextParams`) resolved to members.

use super::naming;
use super::{Service, ShapeKind, Structure};
use crate::error::{Location, Problem};
use crate::model;
use crate::warning::Warning;
use awsjson_endpoints::{ContextPath, ParamValue, ParameterType, RuleSet};

/// A service's endpoint rule set, for generated code to carry and resolve with.
#[derive(Debug, Clone, PartialEq)]
pub struct EndpointRules {
    /// The rule set's JSON without its insignificant whitespace.
    pub json: String,
    pub parameters: Vec<EndpointParameter>,
}

/// One parameter of the rule set, as the typed parameters struct holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct EndpointParameter {
    pub name: String,
    pub rust_name: String,
    pub ty: ParameterType,
    pub built_in: Option<String>,
    pub required: bool,
    pub default: Option<ParamValue>,
    pub docs: Option<String>,
    pub deprecated: Option<String>,
}

/// A rule set parameter an operation sets from its input or to a fixed value.
#[derive(Debug, Clone, PartialEq)]
pub struct EndpointBinding {
    /// The parameter's name in the rule set.
    pub param: String,
    pub source: BindingSource,
}

impl EndpointBinding {
    /// `bindings` in the order to set them: paths, then members, then static values, so that
    /// the more specific one wins when two set a parameter, as Smithy orders them.
    pub fn in_precedence(bindings: &[EndpointBinding]) -> Vec<&EndpointBinding> {
        let rank = |binding: &&EndpointBinding| match binding.source {
            BindingSource::Path(_) => 0,
            BindingSource::Member { .. } => 1,
            BindingSource::Static(_) => 2,
        };
        let mut ordered: Vec<&EndpointBinding> = bindings.iter().collect();
        ordered.sort_by_key(rank);
        ordered
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum BindingSource {
    /// `staticContextParams`.
    Static(ParamValue),
    /// A top-level input member with `contextParam`.
    Member { model_name: String, rust_name: String, required: bool, value: MemberValue },
    /// `operationContextParams`: a JMESPath expression over the input.
    Path(String),
}

/// What a bound member holds, and so how its value becomes the parameter's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberValue {
    String,
    Enum,
    Boolean,
    StringList,
}

/// Reads and checks the rule set `json`; every problem names its place in the file.
pub fn read_rules(json: &str) -> Result<(RuleSet, EndpointRules), Vec<Problem>> {
    let rule_set = RuleSet::from_json(json).map_err(|error| {
        let problems = error.problems().iter();
        let problem = |p: &awsjson_endpoints::Problem| {
            Problem::new(Location::EndpointRule(p.path.clone()), p.message.clone())
        };
        problems.map(problem).collect::<Vec<_>>()
    })?;
    // The parameters struct's own methods keep their names.
    let mut taken: Vec<String> =
        ["new", "to_params", "resolve", "resolve_with"].map(String::from).to_vec();
    let parameters: Vec<EndpointParameter> = (rule_set.parameters().iter())
        .map(|parameter| {
            let mut rust_name = naming::field_name(parameter.name());
            while taken.contains(&rust_name) {
                rust_name.push('_');
            }
            taken.push(rust_name.clone());
            EndpointParameter {
                name: parameter.name().to_owned(),
                rust_name,
                ty: parameter.ty(),
                built_in: parameter.built_in().map(str::to_owned),
                required: parameter.required(),
                default: parameter.default().cloned(),
                docs: parameter.documentation().map(str::to_owned),
                deprecated: parameter.deprecated().map(str::to_owned),
            }
        })
        .collect();
    Ok((rule_set, EndpointRules { json: minify(json), parameters }))
}

/// Puts `rules` on `service` and binds each operation's context parameters. A binding the
/// generator cannot make (a parameter the rule set lacks, a member of another type, a path it
/// cannot read) is left out with a warning: requests still resolve with everything else.
pub fn bind(service: &mut Service, model: &model::Model, rule_set: &RuleSet, rules: EndpointRules) {
    let mut warnings = Vec::new();
    for index in 0..service.operations.len() {
        let operation = &service.operations[index];
        let Some(model_operation) = model.operations.get(&operation.wire_name) else { continue };
        let mut left_out = Vec::new();
        let mut bindings = static_bindings(model_operation, rule_set, &mut left_out);
        bindings.extend(member_bindings(service, operation, model, rule_set, &mut left_out));
        bindings.extend(path_bindings(model_operation, rule_set, &mut left_out));
        let location = Location::Operation(operation.wire_name.clone());
        warnings.extend(left_out.into_iter().map(|why| Warning::new(location.clone(), why)));
        service.operations[index].endpoint_params = bindings;
    }
    service.warnings.extend(warnings);
    service.endpoint_rules = Some(rules);
}

/// `staticContextParams`: fixed values.
fn static_bindings(
    operation: &model::Operation,
    rule_set: &RuleSet,
    left_out: &mut Vec<String>,
) -> Vec<EndpointBinding> {
    let mut bindings = Vec::new();
    for (param, value) in operation.static_context_params.iter().flatten() {
        match (rule_set.parameter(param), ParamValue::from_json(&value.value)) {
            (Some(declared), Some(value)) if declared.ty() == value.ty() => {
                let source = BindingSource::Static(value);
                bindings.push(EndpointBinding { param: param.clone(), source });
            }
            (None, _) => left_out.push(format!(
                "`staticContextParams` sets `{param}`, which the endpoint rule set does not declare; left out"
            )),
            (Some(declared), _) => left_out.push(format!(
                "`staticContextParams` sets `{param}` to a value that is not a {}; left out",
                declared.ty()
            )),
        }
    }
    bindings
}

/// Top-level input members with `contextParam`.
fn member_bindings(
    service: &Service,
    operation: &super::Operation,
    model: &model::Model,
    rule_set: &RuleSet,
    left_out: &mut Vec<String>,
) -> Vec<EndpointBinding> {
    let members = match operation.input.map(|input| &service.shape(input).kind) {
        Some(ShapeKind::Structure(Structure { members, .. })) => members.as_slice(),
        _ => &[],
    };
    let model_input = (model.operations.get(&operation.wire_name))
        .and_then(|op| op.input.as_ref())
        .and_then(|input| model.shapes.get(&input.shape))
        .and_then(|shape| shape.members.as_ref());
    let mut bindings = Vec::new();
    for member in members {
        let context = model_input
            .and_then(|members| members.get(&member.model_name))
            .and_then(|reference| reference.context_param.as_ref());
        let Some(param) = context.map(|context| &context.name) else { continue };
        match (rule_set.parameter(param), member_value(service, member)) {
            (Some(declared), Some((value, ty))) if declared.ty() == ty => {
                let source = BindingSource::Member {
                    model_name: member.model_name.clone(),
                    rust_name: member.rust_name.clone(),
                    required: member.required,
                    value,
                };
                bindings.push(EndpointBinding { param: param.clone(), source });
            }
            (None, _) => left_out.push(format!(
                "input member `{}` sets `{param}` (`contextParam`), which the endpoint rule set does not declare; left out",
                member.model_name
            )),
            (Some(declared), _) => left_out.push(format!(
                "input member `{}` sets the {} parameter `{param}` (`contextParam`) but holds another type; left out",
                member.model_name,
                declared.ty()
            )),
        }
    }
    bindings
}

/// What a member holds as a rule set parameter, if it can be one.
fn member_value(service: &Service, member: &super::Member) -> Option<(MemberValue, ParameterType)> {
    Some(match &service.shape(member.target).kind {
        ShapeKind::String => (MemberValue::String, ParameterType::String),
        ShapeKind::Enum(_) => (MemberValue::Enum, ParameterType::String),
        ShapeKind::Boolean => (MemberValue::Boolean, ParameterType::Boolean),
        ShapeKind::List { member: element }
            if matches!(service.shape(element.target).kind, ShapeKind::String) =>
        {
            (MemberValue::StringList, ParameterType::StringArray)
        }
        _ => return None,
    })
}

/// `operationContextParams`: JMESPath paths through the input.
fn path_bindings(
    operation: &model::Operation,
    rule_set: &RuleSet,
    left_out: &mut Vec<String>,
) -> Vec<EndpointBinding> {
    let mut bindings = Vec::new();
    for (param, path) in operation.operation_context_params.iter().flatten() {
        match (rule_set.parameter(param), ContextPath::parse(&path.path)) {
            (Some(_), Ok(_)) => {
                let source = BindingSource::Path(path.path.clone());
                bindings.push(EndpointBinding { param: param.clone(), source });
            }
            (None, _) => left_out.push(format!(
                "`operationContextParams` sets `{param}`, which the endpoint rule set does not declare; left out"
            )),
            (Some(_), Err(error)) => left_out.push(format!(
                "`operationContextParams` reads `{param}` from `{}`, which cannot be read: {error}; left out",
                path.path
            )),
        }
    }
    bindings
}

/// `json` without whitespace outside its strings.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !c.is_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn minifying_keeps_strings_whole() {
        assert_eq!(minify("{ \"a b\" : [1, \"c\\\" d\"]\n}"), "{\"a b\":[1,\"c\\\" d\"]}");
    }
}
