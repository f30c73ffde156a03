//! Evaluation: the first rule whose conditions hold gives the endpoint or the error.

use crate::ast::{
    Call, Condition, EndpointTemplate, Expr, Function, Part, Property, Rule, RuleKind, Step,
    Template,
};
use crate::error::ResolveError;
use crate::partitions::Partitions;
use crate::resolved::ResolvedEndpoint;
use crate::stdlib::{self, Arn, Url};
use crate::value::{RecordKind, Value};

pub(crate) struct Evaluator<'p> {
    /// Every parameter's value, then every `assign`'s; the checker proved that a rule reads
    /// only slots written by the conditions on its way.
    pub(crate) slots: Vec<Value>,
    pub(crate) partitions: &'p Partitions,
}

/// What a rule list came to.
enum Matched<'r> {
    Endpoint(&'r EndpointTemplate),
    Error(&'r Expr),
}

impl Evaluator<'_> {
    pub(crate) fn resolve(&mut self, rules: &[Rule]) -> Result<ResolvedEndpoint, ResolveError> {
        match self.first(rules)? {
            Some(Matched::Endpoint(endpoint)) => self.endpoint(endpoint),
            Some(Matched::Error(message)) => match self.expr(message)? {
                Value::String(message) => Err(ResolveError::Rule(message)),
                other => Err(ResolveError::Invalid(format!(
                    "an error rule's message is not a string: {other:?}"
                ))),
            },
            None => Err(ResolveError::NoRuleMatched(
                "no rule of the endpoint rule set matched these parameters".to_owned(),
            )),
        }
    }

    fn first<'r>(&mut self, rules: &'r [Rule]) -> Result<Option<Matched<'r>>, ResolveError> {
        for rule in rules {
            if !self.conditions(&rule.conditions)? {
                continue;
            }
            return match &rule.kind {
                RuleKind::Endpoint(endpoint) => Ok(Some(Matched::Endpoint(endpoint))),
                RuleKind::Error(message) => Ok(Some(Matched::Error(message))),
                // A tree whose conditions hold is final, as Smithy's rules engine says.
                RuleKind::Tree(rules) => match self.first(rules)? {
                    Some(matched) => Ok(Some(matched)),
                    None => Err(ResolveError::NoRuleMatched(format!(
                        "the conditions of `{}` held but none of its rules matched",
                        rule.path
                    ))),
                },
            };
        }
        Ok(None)
    }

    fn conditions(&mut self, conditions: &[Condition]) -> Result<bool, ResolveError> {
        for condition in conditions {
            let value = self.call(&condition.call)?;
            if matches!(value, Value::Unset | Value::Bool(false)) {
                return Ok(false);
            }
            if let Some(assign) = &condition.assign {
                if let Some(slot) = self.slots.get_mut(assign.slot) {
                    *slot = value;
                }
            }
        }
        Ok(true)
    }

    fn endpoint(&mut self, endpoint: &EndpointTemplate) -> Result<ResolvedEndpoint, ResolveError> {
        let url = match self.expr(&endpoint.url)? {
            Value::String(url) => url,
            other => {
                return Err(ResolveError::Invalid(format!(
                    "the endpoint's URL is not a string: {other:?}"
                )));
            }
        };
        let mut headers = Vec::with_capacity(endpoint.headers.len());
        for (name, values) in &endpoint.headers {
            let mut filled = Vec::with_capacity(values.len());
            for value in values {
                match self.expr(value)? {
                    Value::String(value) => filled.push(value),
                    other => {
                        return Err(ResolveError::Invalid(format!(
                            "header `{name}` is not a string: {other:?}"
                        )));
                    }
                }
            }
            headers.push((name.clone(), filled));
        }
        let mut properties = serde_json::Map::new();
        for (name, property) in &endpoint.properties {
            properties.insert(name.clone(), self.property(property)?);
        }
        Ok(ResolvedEndpoint { url, headers, properties })
    }

    fn property(&self, property: &Property) -> Result<serde_json::Value, ResolveError> {
        use serde_json::Value as Json;
        Ok(match property {
            Property::Null => Json::Null,
            Property::Bool(flag) => Json::Bool(*flag),
            Property::Number(number) => Json::Number(number.clone()),
            Property::String(template) => Json::String(self.template(template)?),
            Property::Array(items) => {
                Json::Array(items.iter().map(|item| self.property(item)).collect::<Result<_, _>>()?)
            }
            Property::Object(fields) => {
                let mut object = serde_json::Map::new();
                for (name, item) in fields {
                    object.insert(name.clone(), self.property(item)?);
                }
                Json::Object(object)
            }
        })
    }

    fn template(&self, template: &Template) -> Result<String, ResolveError> {
        let mut filled = String::new();
        for part in &template.parts {
            match part {
                Part::Literal(text) => filled.push_str(text),
                Part::Ref(reference, steps) => {
                    let value = self.slots.get(reference.slot).unwrap_or(&Value::Unset);
                    match attr(value, steps) {
                        Some(Value::String(text)) => filled.push_str(text),
                        _ => {
                            return Err(ResolveError::Invalid(format!(
                                "the template's `{{{}}}` is not a string when resolving",
                                reference.name
                            )));
                        }
                    }
                }
            }
        }
        Ok(filled)
    }

    fn expr(&self, expr: &Expr) -> Result<Value, ResolveError> {
        Ok(match expr {
            Expr::String(template) => Value::String(self.template(template)?),
            Expr::Bool(flag) => Value::Bool(*flag),
            Expr::Int(int) => Value::Int(*int),
            Expr::Array(items) => {
                Value::Array(items.iter().map(|item| self.expr(item)).collect::<Result<_, _>>()?)
            }
            Expr::Ref(reference) => self.slots.get(reference.slot).cloned().unwrap_or(Value::Unset),
            Expr::Call(call) => self.call(call)?,
        })
    }

    fn call(&self, call: &Call) -> Result<Value, ResolveError> {
        let args = call.args.iter().map(|arg| self.expr(arg)).collect::<Result<Vec<_>, _>>()?;
        Ok(apply(&call.function, args, self.partitions))
    }
}

/// `getAttr`: fields of records by name, items of arrays by index (unset past the end).
fn attr<'v>(value: &'v Value, steps: &[Step]) -> Option<&'v Value> {
    let mut value = value;
    for step in steps {
        value = match (step, value) {
            (Step::Field(name), Value::Record(fields)) => {
                &fields.iter().find(|(field, _)| field == name)?.1
            }
            (Step::Index(index), Value::Array(items)) => items.get(*index)?,
            _ => return None,
        };
    }
    Some(value)
}

/// A function of the library on evaluated arguments. The checker proved their types; an
/// argument of another type (which it cannot be) gives an unset result.
fn apply(function: &Function, args: Vec<Value>, partitions: &Partitions) -> Value {
    use Value::{Bool, Int, String as Str};
    if let Function::Coalesce = function {
        return args.into_iter().find(Value::is_set).unwrap_or(Value::Unset);
    }
    let mut args = args.into_iter();
    let mut next = || args.next().unwrap_or(Value::Unset);
    match function {
        Function::IsSet => Bool(next().is_set()),
        Function::Not => match next() {
            Bool(flag) => Bool(!flag),
            _ => Value::Unset,
        },
        Function::BooleanEquals => match (next(), next()) {
            (Bool(a), Bool(b)) => Bool(a == b),
            _ => Value::Unset,
        },
        Function::StringEquals => match (next(), next()) {
            (Str(a), Str(b)) => Bool(a == b),
            _ => Value::Unset,
        },
        Function::GetAttr(steps) => attr(&next(), steps).cloned().unwrap_or(Value::Unset),
        Function::Substring => match (next(), next(), next(), next()) {
            (Str(text), Int(start), Int(stop), Bool(reverse)) => {
                match (usize::try_from(start), usize::try_from(stop)) {
                    (Ok(start), Ok(stop)) => {
                        stdlib::substring(&text, start, stop, reverse).map_or(Value::Unset, Str)
                    }
                    _ => Value::Unset,
                }
            }
            _ => Value::Unset,
        },
        Function::UriEncode => match next() {
            Str(text) => Str(stdlib::uri_encode(&text)),
            _ => Value::Unset,
        },
        Function::ParseUrl => match next() {
            Str(text) => stdlib::parse_url(&text).map_or(Value::Unset, |url| {
                let Url { scheme, authority, path, normalized_path, is_ip } = url;
                let values =
                    [Str(scheme), Str(authority), Str(path), Str(normalized_path), Bool(is_ip)];
                Value::record(RecordKind::Url, values)
            }),
            _ => Value::Unset,
        },
        Function::IsValidHostLabel => match (next(), next()) {
            (Str(text), Bool(subdomains)) => Bool(stdlib::is_valid_host_label(&text, subdomains)),
            _ => Value::Unset,
        },
        Function::AwsIsVirtualHostableS3Bucket => match (next(), next()) {
            (Str(text), Bool(subdomains)) => {
                Bool(stdlib::is_virtual_hostable_s3_bucket(&text, subdomains))
            }
            _ => Value::Unset,
        },
        Function::Split => match (next(), next(), next()) {
            (Str(text), Str(delimiter), Int(limit)) => {
                let limit = usize::try_from(limit).unwrap_or(0);
                Value::Array(stdlib::split(&text, &delimiter, limit).into_iter().map(Str).collect())
            }
            _ => Value::Unset,
        },
        // Taken above, before its arguments are split up.
        Function::Coalesce => Value::Unset,
        Function::Ite => match (next(), next(), next()) {
            (Bool(true), then, _) => then,
            (Bool(false), _, otherwise) => otherwise,
            _ => Value::Unset,
        },
        Function::AwsPartition => match next() {
            Str(region) => {
                let partition = partitions.partition(&region);
                let values = [
                    Str(partition.name.clone()),
                    Str(partition.dns_suffix.clone()),
                    Str(partition.dual_stack_dns_suffix.clone()),
                    Bool(partition.supports_fips),
                    Bool(partition.supports_dual_stack),
                    Str(partition.implicit_global_region.clone()),
                ];
                Value::record(RecordKind::Partition, values)
            }
            _ => Value::Unset,
        },
        Function::AwsParseArn => match next() {
            Str(text) => stdlib::parse_arn(&text).map_or(Value::Unset, |arn| {
                let Arn { partition, service, region, account_id, resource_id } = arn;
                let resource_id = Value::Array(resource_id.into_iter().map(Str).collect());
                let values =
                    [Str(partition), Str(service), Str(region), Str(account_id), resource_id];
                Value::record(RecordKind::Arn, values)
            }),
            _ => Value::Unset,
        },
    }
}
