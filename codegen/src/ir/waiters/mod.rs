//! Waiters onto the service: each acceptor's expression parsed and typed against its
//! operation's output, each `expected` checked against the value it is compared with, so the
//! emitter writes plain Rust that judges an answer.

mod check;
pub mod typed;

use self::check::{Scope, check, compare};
use self::typed::{Ty, Typed};
use super::Service;
use crate::error::{Location, Problem};
use crate::jmespath::{self, Comparator};
use crate::model::{self, AcceptorState, Matcher};
use crate::warning::Warning;

/// A waiter, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiter {
    /// The name in the waiters file, like `FleetStarted`; also the unit struct's name.
    pub name: String,
    /// The index of the operation it polls in [`Service::operations`].
    pub operation: usize,
    /// Seconds between polls (Smithy's `minDelay`).
    pub delay: u32,
    pub max_attempts: u32,
    pub description: Option<String>,
    pub acceptors: Vec<Acceptor>,
}

/// An acceptor, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Acceptor {
    pub state: AcceptorState,
    pub test: Test,
    pub matcher: Matcher,
    /// The expression, for the `path` matchers.
    pub argument: Option<String>,
    pub expected: serde_json::Value,
}

impl Acceptor {
    /// What it matches, in words, each piece of the model's text written by `code`:
    /// ``every `Fleets[].State` is `"RUNNING"` (and there is one)``.
    pub fn text(&self, code: impl Fn(&str) -> String) -> String {
        let argument = code(self.argument.as_deref().unwrap_or_default());
        let expected = code(&self.expected.to_string());
        match (self.matcher, &self.expected) {
            (Matcher::Path, _) => format!("{argument} is {expected}"),
            (Matcher::PathAll, _) => format!("every {argument} is {expected} (and there is one)"),
            (Matcher::PathAny, _) => format!("any {argument} is {expected}"),
            (Matcher::Status, _) => format!("the HTTP status is {}", self.expected),
            (Matcher::Error, serde_json::Value::Bool(true)) => "the answer is an error".to_owned(),
            (Matcher::Error, serde_json::Value::Bool(false)) => "the answer is no error".to_owned(),
            (Matcher::Error, serde_json::Value::String(code_text)) => {
                format!("the error is {}", code(code_text))
            }
            (Matcher::Error, _) => format!("the error is {expected}"),
        }
    }
}

/// What an acceptor asks of an answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// A boolean of the output (the `path` matchers).
    Output(Typed),
    /// The HTTP status.
    Status(u16),
    /// The error's code.
    ErrorCode(String),
    /// Whether the answer is an error (`true`) or not.
    IsError(bool),
}

/// Sets [`Service::waiters`] from `waiters`, or reports every acceptor that does not fit the
/// model. A waiter of an operation the selection left out (one of `model_operations`) is left
/// out with a warning; any other operation name is a problem.
pub fn attach(
    service: &mut Service,
    waiters: &model::Waiters,
    model_operations: &[&str],
) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    let mut checked = Vec::new();
    for (name, waiter) in &waiters.waiters {
        let Some(operation) = (service.operations.iter())
            .position(|operation| operation.wire_name == waiter.operation)
        else {
            let location = Location::Waiter(name.clone());
            if model_operations.contains(&waiter.operation.as_str()) {
                let message = format!(
                    "left out: it polls `{}`, which the selection leaves out",
                    waiter.operation
                );
                service.warnings.push(Warning::new(location, message));
            } else {
                let message = format!("the model has no operation `{}`", waiter.operation);
                problems.push(Problem::new(location, message));
            }
            continue;
        };
        if waiter.delay == 0 {
            let message = "`delay` is 0: polls must be apart".to_owned();
            problems.push(Problem::new(Location::Waiter(name.clone()), message));
        }
        let mut acceptors = Vec::new();
        for (index, acceptor) in waiter.acceptors.iter().enumerate() {
            let location = || Location::Acceptor { waiter: name.clone(), index };
            match acceptor_test(service, operation, acceptor) {
                Ok((test, warning)) => {
                    if let Some(message) = warning {
                        service.warnings.push(Warning::new(location(), message));
                    }
                    acceptors.push(Acceptor {
                        state: acceptor.state,
                        test,
                        matcher: acceptor.matcher,
                        argument: acceptor.argument.clone(),
                        expected: acceptor.expected.clone(),
                    });
                }
                Err(message) => problems.push(Problem::new(location(), message)),
            }
        }
        checked.push(Waiter {
            name: name.clone(),
            operation,
            delay: waiter.delay,
            max_attempts: waiter.max_attempts,
            description: waiter.description.clone(),
            acceptors,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    service.waiters = checked;
    Ok(())
}

/// The test of one acceptor, and a warning if it is suspect but usable.
fn acceptor_test(
    service: &Service,
    operation: usize,
    acceptor: &model::Acceptor,
) -> Result<(Test, Option<String>), String> {
    let expected = &acceptor.expected;
    match acceptor.matcher {
        Matcher::Status => {
            let status = expected.as_u64().and_then(|status| u16::try_from(status).ok());
            let status = status.filter(|status| (100..=599).contains(status));
            let status = status
                .ok_or_else(|| format!("`status` expects an HTTP status, not `{expected}`"))?;
            Ok((Test::Status(status), None))
        }
        Matcher::Error => match expected {
            serde_json::Value::Bool(flag) => Ok((Test::IsError(*flag), None)),
            serde_json::Value::String(code) => {
                let op = &service.operations[operation];
                let modeled =
                    op.errors.iter().any(|error| service.shape(error.shape).wire_name == *code);
                // A warning, not an error: services answer with codes their models do not list
                // (a `ValidationException`), and a code matches whatever the model says.
                let warning = (!modeled).then(|| {
                    format!(
                        "`error` expects `{code}`, which is none of `{}`'s modeled errors: it \
                         matches only if the service answers with that code all the same",
                        op.wire_name
                    )
                });
                Ok((Test::ErrorCode(code.clone()), warning))
            }
            other => Err(format!("`error` expects an error code or a boolean, not `{other}`")),
        },
        Matcher::Path | Matcher::PathAll | Matcher::PathAny => {
            let source = acceptor.argument.as_deref().ok_or_else(|| {
                format!(
                    "`{}` needs an `argument`, the expression to compare",
                    acceptor.matcher.as_str()
                )
            })?;
            let parsed = jmespath::parse(source).map_err(|error| format!("`{source}`: {error}"))?;
            let Some(output) = service.operations[operation].output else {
                return Err(format!("`{source}`: the operation has no output to look at"));
            };
            let scope = Scope { value: Typed::Output, ty: Ty::Shape(output) };
            let in_expression = |why: String| format!("`{source}`: {why}");
            let (value, ty) = check(service, &parsed.root, &scope).map_err(in_expression)?;
            let literal = (Typed::Literal(expected.clone()), Ty::Literal(expected.clone()));
            let typed = match acceptor.matcher {
                Matcher::Path => {
                    if matches!(ty, Ty::Many(_)) {
                        return Err(in_expression(
                            "`path` compares a whole projection with `expected`; use `pathAll` \
                             or `pathAny` to compare its elements"
                                .to_owned(),
                        ));
                    }
                    compare(service, (value, ty), literal, Comparator::Eq).map_err(in_expression)?
                }
                matcher => {
                    let each = elements(service, value, ty).map_err(in_expression)?;
                    let element = match &each {
                        Typed::Project { each_ty, .. } => each_ty.clone(),
                        _ => Ty::Literal(serde_json::Value::Null),
                    };
                    let Ty::Shape(element_shape) = element else {
                        return Err(in_expression("is not a list".to_owned()));
                    };
                    let test = compare(
                        service,
                        (Typed::Element(element_shape), Ty::Shape(element_shape)),
                        literal,
                        Comparator::Eq,
                    )
                    .map_err(in_expression)?;
                    let all = matcher == Matcher::PathAll;
                    Typed::Quantified { all, list: Box::new(each), test: Box::new(test) }
                }
            };
            Ok((Test::Output(typed), None))
        }
    }
}

/// The list a `pathAll`/`pathAny` looks through: a projection, or a list shape as one.
fn elements(service: &Service, value: Typed, ty: Ty) -> Result<Typed, String> {
    match ty {
        Ty::Many(element) => Ok(Typed::Project {
            source: Box::new(value),
            source_ty: Ty::Many(element),
            how: typed::Source::Projected,
            element,
            filter: None,
            each: Box::new(Typed::Element(element)),
            each_ty: Ty::Shape(element),
        }),
        Ty::Shape(id) => match &service.shape(id).kind {
            super::ShapeKind::List { member } if !member.json_value => Ok(Typed::Project {
                source: Box::new(value),
                source_ty: Ty::Shape(id),
                how: typed::Source::ListItems,
                element: member.target,
                filter: None,
                each: Box::new(Typed::Element(member.target)),
                each_ty: Ty::Shape(member.target),
            }),
            _ => Err(format!(
                "`{}` is not a list: `pathAll` and `pathAny` need one",
                service.shape(id).wire_name
            )),
        },
        Ty::Bool | Ty::Number | Ty::Literal(_) => {
            Err("gives a single value, not a list: `pathAll` and `pathAny` need one".to_owned())
        }
    }
}
