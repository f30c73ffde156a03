//! Reading a rule set's JSON into its syntax tree; names are resolved by the checker.

use crate::ast::{
    Call, Condition, EndpointTemplate, Expr, Function, Parameter, Property, Ref, Rule, RuleKind,
    Template,
};
use crate::error::Problem;
use crate::params::{ParamValue, ParameterType};
use crate::template::{attr_path, is_identifier, template};
use serde_json::{Map, Value};

/// A rule set as written: its parameters and rules.
pub(crate) struct Parsed {
    pub(crate) version: String,
    pub(crate) parameters: Vec<Parameter>,
    pub(crate) rules: Vec<Rule>,
}

/// Reads `text`; every problem found goes to `problems`.
pub(crate) fn parse(text: &str, problems: &mut Vec<Problem>) -> Option<Parsed> {
    let json: Value = match serde_json::from_str(text) {
        Ok(json) => json,
        Err(error) => {
            problems.push(problem("", format!("not JSON: {error}")));
            return None;
        }
    };
    let Some(root) = json.as_object() else {
        problems
            .push(problem("", "expected a JSON object with `version`, `parameters` and `rules`"));
        return None;
    };
    let mut reader = Reader { problems };
    let version = match root.get("version") {
        Some(Value::String(version)) => version.clone(),
        Some(_) => {
            reader.problem("version", "expected a string, like \"1.0\"");
            String::new()
        }
        None => {
            reader.problem("", "there is no `version`");
            String::new()
        }
    };
    let parameters = match root.get("parameters") {
        Some(Value::Object(parameters)) => reader.parameters(parameters),
        Some(_) => {
            reader.problem("parameters", "expected an object of parameters by name");
            Vec::new()
        }
        None => Vec::new(),
    };
    let rules = match root.get("rules") {
        Some(Value::Array(rules)) => reader.rules("rules", rules),
        Some(_) => {
            reader.problem("rules", "expected an array of rules");
            Vec::new()
        }
        None => {
            reader.problem("", "there is no `rules` array");
            Vec::new()
        }
    };
    Some(Parsed { version, parameters, rules })
}

fn problem(path: &str, message: impl Into<String>) -> Problem {
    Problem { path: path.to_owned(), message: message.into() }
}

struct Reader<'p> {
    problems: &'p mut Vec<Problem>,
}

impl Reader<'_> {
    fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(problem(path, message));
    }

    fn parameters(&mut self, parameters: &Map<String, Value>) -> Vec<Parameter> {
        let mut read = Vec::new();
        for (name, spec) in parameters {
            let path = format!("parameters.{name}");
            if !is_identifier(name) {
                self.problem(
                    &path,
                    "a parameter's name is letters, digits and `_`, starting with a letter",
                );
            }
            let Some(spec) = spec.as_object() else {
                self.problem(&path, "expected an object with the parameter's `type`");
                continue;
            };
            let ty = match spec.get("type").and_then(Value::as_str) {
                Some(ty) if ty.eq_ignore_ascii_case("string") => ParameterType::String,
                Some(ty) if ty.eq_ignore_ascii_case("boolean") => ParameterType::Boolean,
                Some(ty) if ty.eq_ignore_ascii_case("stringArray") => ParameterType::StringArray,
                Some(other) => {
                    let message =
                        format!("unknown type `{other}`: expected string, boolean or stringArray");
                    self.problem(&format!("{path}.type"), message);
                    continue;
                }
                None => {
                    self.problem(&path, "there is no `type` (string, boolean or stringArray)");
                    continue;
                }
            };
            let default = match spec.get("default") {
                None | Some(Value::Null) => None,
                Some(value) => match ParamValue::from_json(value) {
                    Some(value) if value.ty() == ty => Some(value),
                    _ => {
                        let message = format!("the default must be a {ty}, like the parameter");
                        self.problem(&format!("{path}.default"), message);
                        None
                    }
                },
            };
            let required = match spec.get("required") {
                None | Some(Value::Null) => false,
                Some(Value::Bool(required)) => *required,
                Some(_) => {
                    self.problem(&format!("{path}.required"), "expected true or false");
                    false
                }
            };
            let text = |key: &str| spec.get(key).and_then(Value::as_str).map(str::to_owned);
            let deprecated = spec.get("deprecated").map(|deprecated| {
                let part = |key: &str| deprecated.get(key).and_then(Value::as_str);
                match (part("message"), part("since")) {
                    (Some(message), Some(since)) => format!("{message} (since {since})"),
                    (Some(message), None) => message.to_owned(),
                    (None, Some(since)) => format!("deprecated since {since}"),
                    (None, None) => "deprecated".to_owned(),
                }
            });
            read.push(Parameter {
                name: name.clone(),
                ty,
                built_in: text("builtIn"),
                required,
                default,
                documentation: text("documentation"),
                deprecated,
            });
        }
        read
    }

    fn rules(&mut self, path: &str, rules: &[Value]) -> Vec<Rule> {
        let rules = rules.iter().enumerate();
        rules.filter_map(|(index, rule)| self.rule(format!("{path}[{index}]"), rule)).collect()
    }

    fn rule(&mut self, path: String, rule: &Value) -> Option<Rule> {
        let Some(rule) = rule.as_object() else {
            self.problem(&path, "expected a rule: an object with `type` and `conditions`");
            return None;
        };
        // A rule with a condition that cannot be read is left out whole: checking it without
        // that condition would call it unconditional and its followers unreachable.
        let mut unreadable = false;
        let conditions = match rule.get("conditions") {
            None => Vec::new(),
            Some(Value::Array(conditions)) => {
                let mut read = Vec::with_capacity(conditions.len());
                for (index, condition) in conditions.iter().enumerate() {
                    match self.condition(&format!("{path}.conditions[{index}]"), condition) {
                        Some(condition) => read.push(condition),
                        None => unreadable = true,
                    }
                }
                read
            }
            Some(_) => {
                self.problem(&format!("{path}.conditions"), "expected an array of conditions");
                unreadable = true;
                Vec::new()
            }
        };
        let kind = match rule.get("type").and_then(Value::as_str) {
            Some("endpoint") => match rule.get("endpoint") {
                Some(endpoint) => {
                    RuleKind::Endpoint(self.endpoint(&format!("{path}.endpoint"), endpoint)?)
                }
                None => {
                    self.problem(&path, "an endpoint rule without `endpoint`");
                    return None;
                }
            },
            Some("error") => match rule.get("error") {
                Some(error) => RuleKind::Error(self.expr(&format!("{path}.error"), error)?),
                None => {
                    self.problem(&path, "an error rule without `error`");
                    return None;
                }
            },
            Some("tree") => match rule.get("rules") {
                Some(Value::Array(rules)) if !rules.is_empty() => {
                    RuleKind::Tree(self.rules(&format!("{path}.rules"), rules))
                }
                Some(Value::Array(_)) => {
                    self.problem(&format!("{path}.rules"), "a tree rule with no rules");
                    return None;
                }
                _ => {
                    self.problem(&path, "a tree rule without a `rules` array");
                    return None;
                }
            },
            Some(other) => {
                let message =
                    format!("unknown rule type `{other}`: expected endpoint, error or tree");
                self.problem(&format!("{path}.type"), message);
                return None;
            }
            None => {
                self.problem(&path, "a rule without `type` (endpoint, error or tree)");
                return None;
            }
        };
        if unreadable {
            return None;
        }
        Some(Rule { path, conditions, kind })
    }

    fn condition(&mut self, path: &str, condition: &Value) -> Option<Condition> {
        let call = match condition.as_object() {
            Some(object) if object.contains_key("fn") => self.call(path, object)?,
            _ => {
                self.problem(
                    path,
                    "expected a condition: a function call `{\"fn\": …, \"argv\": […]}`",
                );
                return None;
            }
        };
        let assign = match condition.get("assign") {
            None => None,
            Some(Value::String(name)) if is_identifier(name) => {
                Some(Ref { name: name.clone(), slot: usize::MAX })
            }
            Some(_) => {
                self.problem(&format!("{path}.assign"), "expected a name: letters, digits and `_`");
                return None;
            }
        };
        Some(Condition { call, assign })
    }

    fn call(&mut self, path: &str, object: &Map<String, Value>) -> Option<Call> {
        let name = object.get("fn").and_then(Value::as_str);
        let Some((function, arity)) = name.and_then(Function::named) else {
            let message = match name {
                Some(name) => {
                    format!("unknown function `{name}`: the functions are {}", Function::NAMES)
                }
                None => "`fn` must be a function's name".to_owned(),
            };
            self.problem(&format!("{path}.fn"), message);
            return None;
        };
        let Some(Value::Array(argv)) = object.get("argv") else {
            self.problem(path, "a function call without an `argv` array");
            return None;
        };
        let count = argv.len();
        let name = name.unwrap_or_default();
        match arity {
            Some(arity) if arity != count => {
                let message = format!("`{name}` takes {arity} argument(s), not {count}");
                self.problem(&format!("{path}.argv"), message);
                return None;
            }
            None if count < 2 => {
                let message = format!("`{name}` takes two arguments or more, not {count}");
                self.problem(&format!("{path}.argv"), message);
                return None;
            }
            _ => {}
        }
        let mut args = Vec::with_capacity(count);
        for (index, arg) in argv.iter().enumerate() {
            args.push(self.expr(&format!("{path}.argv[{index}]"), arg)?);
        }
        let function = match function {
            Function::GetAttr(_) => {
                let steps = match argv.get(1) {
                    Some(Value::String(text)) => attr_path(text),
                    _ => Err("the second argument of `getAttr` is a path string, like `dnsSuffix` or `resourceId[0]`".to_owned()),
                };
                match steps {
                    Ok(steps) => Function::GetAttr(steps),
                    Err(why) => {
                        self.problem(&format!("{path}.argv[1]"), why);
                        return None;
                    }
                }
            }
            other => other,
        };
        Some(Call { function, args })
    }

    fn expr(&mut self, path: &str, value: &Value) -> Option<Expr> {
        Some(match value {
            Value::String(text) => Expr::String(self.template(path, text)?),
            Value::Bool(flag) => Expr::Bool(*flag),
            Value::Number(number) => match number.as_i64() {
                Some(int) => Expr::Int(int),
                None => {
                    self.problem(path, "numbers in rules are integers");
                    return None;
                }
            },
            Value::Array(items) => {
                let mut exprs = Vec::with_capacity(items.len());
                for (index, item) in items.iter().enumerate() {
                    exprs.push(self.expr(&format!("{path}[{index}]"), item)?);
                }
                Expr::Array(exprs)
            }
            Value::Object(object) if object.contains_key("fn") => {
                Expr::Call(Box::new(self.call(path, object)?))
            }
            Value::Object(object) => match object.get("ref") {
                Some(Value::String(name)) => {
                    Expr::Ref(Ref { name: name.clone(), slot: usize::MAX })
                }
                _ => {
                    self.problem(
                        path,
                        "expected a value, `{\"ref\": name}` or `{\"fn\": …, \"argv\": […]}`",
                    );
                    return None;
                }
            },
            Value::Null => {
                self.problem(path, "null is not a value in rules");
                return None;
            }
        })
    }

    fn template(&mut self, path: &str, text: &str) -> Option<Template> {
        match template(text) {
            Ok(template) => Some(template),
            Err(why) => {
                self.problem(path, format!("the template {text:?} {why}"));
                None
            }
        }
    }

    fn endpoint(&mut self, path: &str, endpoint: &Value) -> Option<EndpointTemplate> {
        let Some(endpoint) = endpoint.as_object() else {
            self.problem(path, "expected an object with the endpoint's `url`");
            return None;
        };
        let Some(url) = endpoint.get("url") else {
            self.problem(path, "an endpoint without `url`");
            return None;
        };
        let url = self.expr(&format!("{path}.url"), url)?;
        let mut headers = Vec::new();
        match endpoint.get("headers") {
            None | Some(Value::Null) => {}
            Some(Value::Object(map)) => {
                for (name, values) in map {
                    let header_path = format!("{path}.headers.{name}");
                    let Some(values) = values.as_array() else {
                        self.problem(&header_path, "expected an array of the header's values");
                        continue;
                    };
                    let mut exprs = Vec::new();
                    for (index, value) in values.iter().enumerate() {
                        exprs.extend(self.expr(&format!("{header_path}[{index}]"), value));
                    }
                    headers.push((name.clone(), exprs));
                }
            }
            Some(_) => self
                .problem(&format!("{path}.headers"), "expected an object of header values by name"),
        }
        let properties = match endpoint.get("properties") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Object(map)) => map
                .iter()
                .filter_map(|(name, value)| {
                    let property = self.property(&format!("{path}.properties.{name}"), value)?;
                    Some((name.clone(), property))
                })
                .collect(),
            Some(_) => {
                self.problem(
                    &format!("{path}.properties"),
                    "expected an object of properties by name",
                );
                Vec::new()
            }
        };
        Some(EndpointTemplate { url, headers, properties })
    }

    fn property(&mut self, path: &str, value: &Value) -> Option<Property> {
        Some(match value {
            Value::Null => Property::Null,
            Value::Bool(flag) => Property::Bool(*flag),
            Value::Number(number) => Property::Number(number.clone()),
            Value::String(text) => Property::String(self.template(path, text)?),
            Value::Array(items) => Property::Array(
                (items.iter().enumerate())
                    .filter_map(|(index, item)| self.property(&format!("{path}[{index}]"), item))
                    .collect(),
            ),
            Value::Object(map) => Property::Object(
                map.iter()
                    .filter_map(|(name, item)| {
                        Some((name.clone(), self.property(&format!("{path}.{name}"), item)?))
                    })
                    .collect(),
            ),
        })
    }
}
