//! The checker: every name defined before it is used, every function given arguments of its
//! types, every rule reachable. It resolves each name to the slot evaluation reads it from.

use crate::ast::{
    Call, Expr, Function, Parameter, Part, Property, Ref, Rule, RuleKind, Step, Template,
};
use crate::error::Problem;
use crate::params::ParameterType;
use crate::value::{RecordKind, Type};

/// Checks `rules` against `parameters`, filling in every name's slot; returns how many slots
/// evaluation needs.
pub(crate) fn check(
    parameters: &[Parameter],
    rules: &mut [Rule],
    problems: &mut Vec<Problem>,
) -> usize {
    let mut scope: Vec<Entry> = parameters
        .iter()
        .enumerate()
        .map(|(slot, parameter)| {
            let ty = match parameter.ty {
                ParameterType::String => Type::String,
                ParameterType::Boolean => Type::Bool,
                ParameterType::StringArray => Type::StringArray,
            };
            let set = parameter.required || parameter.default.is_some();
            Entry { name: parameter.name.clone(), slot, ty: if set { ty } else { ty.optional() } }
        })
        .collect();
    let mut checker = Checker { problems, slots: parameters.len() };
    checker.rules(rules, &mut scope);
    checker.slots
}

struct Entry {
    name: String,
    slot: usize,
    ty: Type,
}

struct Checker<'p> {
    problems: &'p mut Vec<Problem>,
    slots: usize,
}

/// A condition may pass an optional parameter (or name) straight to a function that takes a
/// set value: the condition fails when it is unset, and it is set for the rest of the rule.
/// Rule sets written before `isSet` checks were the custom (`aws.partition(Region)`) rely on
/// it, as AWS's SDKs do. Returns whether any argument was narrowed so.
fn narrow_arguments(call: &Call, scope: &mut Vec<Entry>) -> bool {
    if matches!(call.function, Function::IsSet | Function::Coalesce | Function::Ite) {
        return false;
    }
    let mut narrowed = false;
    for arg in &call.args {
        let Expr::Ref(reference) = arg else { continue };
        let Some(entry) = lookup(scope, &reference.name) else { continue };
        if let Type::Optional(inner) = &entry.ty {
            let entry = Entry { name: entry.name.clone(), slot: entry.slot, ty: (**inner).clone() };
            scope.push(entry);
            narrowed = true;
        }
    }
    narrowed
}

fn lookup<'s>(scope: &'s [Entry], name: &str) -> Option<&'s Entry> {
    scope.iter().rev().find(|entry| entry.name == name)
}

impl Checker<'_> {
    fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem { path: path.to_owned(), message: message.into() });
    }

    fn rules(&mut self, rules: &mut [Rule], scope: &mut Vec<Entry>) {
        let mut always_matched: Option<String> = None;
        for rule in rules.iter_mut() {
            if let Some(before) = &always_matched {
                let message = format!(
                    "unreachable: `{before}` before it has no conditions, so it always matches"
                );
                self.problem(&rule.path, message);
            }
            if rule.conditions.is_empty() && always_matched.is_none() {
                always_matched = Some(rule.path.clone());
            }
            let mark = scope.len();
            self.rule(rule, scope);
            scope.truncate(mark);
        }
    }

    fn rule(&mut self, rule: &mut Rule, scope: &mut Vec<Entry>) {
        for (index, condition) in rule.conditions.iter_mut().enumerate() {
            let path = format!("{}.conditions[{index}]", rule.path);
            let lenient = narrow_arguments(&condition.call, scope);
            let ty = self.call(&path, &mut condition.call, scope);
            let ty = if lenient { ty.map(Type::optional) } else { ty };
            if let Some(ty) = &ty {
                let truthy = matches!(ty, Type::Bool | Type::Optional(_));
                if !truthy && condition.assign.is_none() {
                    let message =
                        format!("a condition is a boolean or a value that may be unset, not {ty}");
                    self.problem(&path, message);
                }
            }
            // `isSet(X)` makes X set for the rest of the rule.
            if let (Function::IsSet, Some(Expr::Ref(reference))) =
                (&condition.call.function, condition.call.args.first())
            {
                if let Some(entry) = lookup(scope, &reference.name) {
                    let narrowed = Entry {
                        name: entry.name.clone(),
                        slot: entry.slot,
                        ty: entry.ty.inner().clone(),
                    };
                    scope.push(narrowed);
                }
            }
            if let Some(assign) = &mut condition.assign {
                if lookup(scope, &assign.name).is_some() {
                    let message = format!(
                        "`{}` is already a parameter or assigned: a condition cannot assign it again",
                        assign.name
                    );
                    self.problem(&format!("{path}.assign"), message);
                }
                assign.slot = self.slots;
                self.slots += 1;
                let ty = ty.map(|ty| ty.inner().clone()).unwrap_or(Type::Bool);
                scope.push(Entry { name: assign.name.clone(), slot: assign.slot, ty });
            }
        }
        match &mut rule.kind {
            RuleKind::Endpoint(endpoint) => {
                let path = format!("{}.endpoint", rule.path);
                self.expect_expr(&format!("{path}.url"), &mut endpoint.url, &Type::String, scope);
                for (name, values) in &mut endpoint.headers {
                    for (index, value) in values.iter_mut().enumerate() {
                        let value_path = format!("{path}.headers.{name}[{index}]");
                        self.expect_expr(&value_path, value, &Type::String, scope);
                    }
                }
                for (name, property) in &mut endpoint.properties {
                    self.property(&format!("{path}.properties.{name}"), property, scope);
                }
            }
            RuleKind::Error(message) => {
                self.expect_expr(&format!("{}.error", rule.path), message, &Type::String, scope);
            }
            RuleKind::Tree(rules) => self.rules(rules, scope),
        }
    }

    fn property(&mut self, path: &str, property: &mut Property, scope: &[Entry]) {
        match property {
            Property::String(template) => self.template(path, template, scope),
            Property::Array(items) => {
                for (index, item) in items.iter_mut().enumerate() {
                    self.property(&format!("{path}[{index}]"), item, scope);
                }
            }
            Property::Object(fields) => {
                for (name, item) in fields {
                    self.property(&format!("{path}.{name}"), item, scope);
                }
            }
            Property::Null | Property::Bool(_) | Property::Number(_) => {}
        }
    }

    fn reference(&mut self, path: &str, reference: &mut Ref, scope: &[Entry]) -> Option<Type> {
        match lookup(scope, &reference.name) {
            Some(entry) => {
                reference.slot = entry.slot;
                Some(entry.ty.clone())
            }
            None => {
                let message = format!(
                    "`{}` is not a parameter, nor assigned by an earlier condition of this rule or of the rules it is in",
                    reference.name
                );
                self.problem(path, message);
                None
            }
        }
    }

    fn template(&mut self, path: &str, template: &mut Template, scope: &[Entry]) {
        for part in &mut template.parts {
            let Part::Ref(reference, steps) = part else { continue };
            let Some(ty) = self.reference(path, reference, scope) else { continue };
            let name = reference.name.clone();
            let Some(ty) = self.steps(path, ty, steps) else { continue };
            if ty != Type::String {
                let message = format!("the template's `{{{name}}}` is {ty}, not a string");
                self.problem(path, message);
            }
        }
    }

    /// The type `steps` of `getAttr` lead to from `ty`.
    fn steps(&mut self, path: &str, ty: Type, steps: &[Step]) -> Option<Type> {
        if let Type::Optional(_) = ty {
            self.problem(
                path,
                format!(
                    "getAttr reads {ty}: check it with `isSet` or assign it in a condition first"
                ),
            );
            return None;
        }
        let mut ty = ty;
        let mut optional = false;
        for step in steps {
            ty = match (step, &ty) {
                (Step::Field(name), Type::Record(kind)) => {
                    match kind.fields().iter().find(|(field, _)| field == name) {
                        Some((_, field)) => field.clone(),
                        None => {
                            let fields: Vec<&str> =
                                kind.fields().iter().map(|(field, _)| *field).collect();
                            self.problem(
                                path,
                                format!("{ty} has no `{name}`: it has {}", fields.join(", ")),
                            );
                            return None;
                        }
                    }
                }
                (Step::Index(_), Type::StringArray) => {
                    optional = true;
                    Type::String
                }
                (Step::Field(name), other) => {
                    self.problem(path, format!("getAttr `{name}` of {other}, which has no fields"));
                    return None;
                }
                (Step::Index(index), other) => {
                    self.problem(
                        path,
                        format!("getAttr `[{index}]` of {other}, which is not an array"),
                    );
                    return None;
                }
            };
        }
        Some(if optional { ty.optional() } else { ty })
    }

    fn expr(&mut self, path: &str, expr: &mut Expr, scope: &[Entry]) -> Option<Type> {
        match expr {
            Expr::String(template) => {
                self.template(path, template, scope);
                Some(Type::String)
            }
            Expr::Bool(_) => Some(Type::Bool),
            Expr::Int(_) => Some(Type::Int),
            Expr::Array(items) => {
                for (index, item) in items.iter_mut().enumerate() {
                    self.expect_expr(&format!("{path}[{index}]"), item, &Type::String, scope);
                }
                Some(Type::StringArray)
            }
            Expr::Ref(reference) => self.reference(path, reference, scope),
            Expr::Call(call) => self.call(path, call, scope),
        }
    }

    fn expect_expr(
        &mut self,
        path: &str,
        expr: &mut Expr,
        expected: &Type,
        scope: &[Entry],
    ) -> bool {
        match self.expr(path, expr, scope) {
            Some(actual) => self.expect(path, &actual, expected),
            None => false,
        }
    }

    fn expect(&mut self, path: &str, actual: &Type, expected: &Type) -> bool {
        if actual == expected {
            return true;
        }
        let message = if actual.inner() == expected {
            format!(
                "expected {expected}, found {actual}: check it with `isSet` or assign it in a condition first"
            )
        } else {
            format!("expected {expected}, found {actual}")
        };
        self.problem(path, message);
        false
    }

    fn call(&mut self, path: &str, call: &mut Call, scope: &[Entry]) -> Option<Type> {
        let mut types = Vec::with_capacity(call.args.len());
        for (index, arg) in call.args.iter_mut().enumerate() {
            types.push(self.expr(&format!("{path}.argv[{index}]"), arg, scope));
        }
        // An argument that did not check has been reported; its call's type is unknown.
        let types: Vec<Type> = types.into_iter().collect::<Option<_>>()?;
        let expect = |checker: &mut Self, signature: &[Type]| {
            let mut fine = true;
            for (index, (actual, expected)) in types.iter().zip(signature).enumerate() {
                fine &= checker.expect(&format!("{path}.argv[{index}]"), actual, expected);
            }
            fine
        };
        use Type::{Bool, Int, String as Str};
        let ty = match &call.function {
            Function::IsSet => Bool,
            Function::Not => {
                expect(self, &[Bool]);
                Bool
            }
            Function::BooleanEquals => {
                expect(self, &[Bool, Bool]);
                Bool
            }
            Function::StringEquals => {
                expect(self, &[Str, Str]);
                Bool
            }
            Function::GetAttr(steps) => {
                let steps = steps.clone();
                return self.steps(&format!("{path}.argv[0]"), types[0].clone(), &steps);
            }
            Function::Substring => {
                expect(self, &[Str, Int, Int, Bool]);
                Str.optional()
            }
            Function::UriEncode => {
                expect(self, &[Str]);
                Str
            }
            Function::ParseUrl => {
                expect(self, &[Str]);
                Type::Record(RecordKind::Url).optional()
            }
            Function::IsValidHostLabel | Function::AwsIsVirtualHostableS3Bucket => {
                expect(self, &[Str, Bool]);
                Bool
            }
            Function::Split => {
                expect(self, &[Str, Str, Int]);
                Type::StringArray
            }
            Function::AwsPartition => {
                expect(self, &[Str]);
                Type::Record(RecordKind::Partition).optional()
            }
            Function::AwsParseArn => {
                expect(self, &[Str]);
                Type::Record(RecordKind::Arn).optional()
            }
            Function::Coalesce => {
                let inner = types[0].inner().clone();
                for (index, ty) in types.iter().enumerate().skip(1) {
                    if ty.inner() != &inner {
                        let message =
                            format!("coalesce's arguments are of one type: {inner}, then {ty}");
                        self.problem(&format!("{path}.argv[{index}]"), message);
                    }
                }
                let all_optional = types.iter().all(|ty| matches!(ty, Type::Optional(_)));
                if all_optional { inner.optional() } else { inner }
            }
            Function::Ite => {
                self.expect(&format!("{path}.argv[0]"), &types[0], &Bool);
                let (then, otherwise) = (&types[1], &types[2]);
                if then.inner() != otherwise.inner() {
                    let message =
                        format!("ite's branches are of one type: {then}, then {otherwise}");
                    self.problem(&format!("{path}.argv[2]"), message);
                }
                let optional =
                    matches!(then, Type::Optional(_)) || matches!(otherwise, Type::Optional(_));
                let inner = then.inner().clone();
                if optional { inner.optional() } else { inner }
            }
        };
        Some(ty)
    }
}
