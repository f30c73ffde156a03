//! Types a waiter's JMESPath expression against the operation's output shape: each member
//! must exist, each projection must be over a list, each comparison must be of values that
//! can be equal (a string with a value its enum lists).

use super::typed::{Comparison, Source, Ty, Typed};
use crate::ir::{Service, ShapeId, ShapeKind, Step};
use crate::jmespath::{Comparator, Node, ProjectionKind};

/// What `@` and bare member names refer to.
#[derive(Clone)]
pub struct Scope {
    pub value: Typed,
    pub ty: Ty,
}

/// Types `node` in `scope`, or says what is wrong, in words naming the model's shapes.
pub fn check(service: &Service, node: &Node, scope: &Scope) -> Result<(Typed, Ty), String> {
    Checker { service, depth: 0 }.check(node, scope)
}

/// Types `left == right` (or another comparison), as a path matcher compares the expression's
/// value with `expected`.
pub fn compare(
    service: &Service,
    left: (Typed, Ty),
    right: (Typed, Ty),
    comparator: Comparator,
) -> Result<Typed, String> {
    Checker { service, depth: 0 }.compare(comparator, left, right)
}

/// Nesting past this is refused (the parser bounds it too; this keeps the walk's stack small).
const MAX_DEPTH: usize = 64;

struct Checker<'s> {
    service: &'s Service,
    depth: usize,
}

impl Checker<'_> {
    fn check(&mut self, node: &Node, scope: &Scope) -> Result<(Typed, Ty), String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(format!("nests deeper than {MAX_DEPTH} levels"));
        }
        let checked = self.check_node(node, scope);
        self.depth -= 1;
        checked
    }

    fn check_node(&mut self, node: &Node, scope: &Scope) -> Result<(Typed, Ty), String> {
        match node {
            Node::Current => Ok((scope.value.clone(), scope.ty.clone())),
            Node::Field(name) => self.member(scope, name),
            Node::Subexpr(left, right) => {
                let (value, ty) = self.check(left, scope)?;
                self.check(right, &Scope { value, ty })
            }
            Node::Pipe(left, right) => {
                let (value, ty) = self.check(left, scope)?;
                self.check(right, &Scope { value, ty })
            }
            Node::Index(of, index) => {
                let (of, ty) = self.check(of, scope)?;
                let Ty::Shape(list) = ty else {
                    return Err(format!(
                        "`[{index}]` indexes {}, not a list shape",
                        self.describe(&ty)
                    ));
                };
                let ShapeKind::List { member } = &self.service.shape(list).kind else {
                    return Err(format!("`[{index}]` indexes {}, not a list", self.describe(&ty)));
                };
                if member.json_value {
                    return Err("`[…]` indexes a list of `jsonvalue` strings".to_owned());
                }
                Ok((Typed::Index { of: Box::new(of), index: *index }, Ty::Shape(member.target)))
            }
            Node::Projection { kind, source, rhs } => self.projection(kind, source, rhs, scope),
            Node::Compare(comparator, left, right) => {
                let left = self.check(left, scope)?;
                let right = self.check(right, scope)?;
                Ok((self.compare(*comparator, left, right)?, Ty::Bool))
            }
            Node::And(left, right) | Node::Or(left, right) => {
                let left = self.truthy(left, scope)?;
                let right = self.truthy(right, scope)?;
                let (left, right) = (Box::new(left), Box::new(right));
                let typed = if matches!(node, Node::And(..)) {
                    Typed::And(left, right)
                } else {
                    Typed::Or(left, right)
                };
                Ok((typed, Ty::Bool))
            }
            Node::Not(of) => Ok((Typed::Not(Box::new(self.truthy(of, scope)?)), Ty::Bool)),
            Node::Literal(value) => Ok((Typed::Literal(value.clone()), Ty::Literal(value.clone()))),
            Node::Function(name, arguments) => self.function(name, arguments, scope),
            Node::Slice { .. } => Err("slices (`[a:b]`) are not supported".to_owned()),
            Node::MultiList(_) => Err("multi-select lists (`[a, b]`) are not supported".to_owned()),
            Node::MultiHash(_) => {
                Err("multi-select hashes (`{a: b}`) are not supported".to_owned())
            }
            Node::ExpressionRef(_) => {
                Err("expression references (`&a`) are not supported".to_owned())
            }
        }
    }

    fn member(&mut self, scope: &Scope, name: &str) -> Result<(Typed, Ty), String> {
        let Ty::Shape(shape) = &scope.ty else {
            return Err(format!(
                "`{name}` is asked of {}, which has no members",
                self.describe(&scope.ty)
            ));
        };
        let here = self.service.shape(*shape);
        let ShapeKind::Structure(structure) = &here.kind else {
            return Err(format!(
                "`{name}` is asked of `{}`, which is no structure",
                here.wire_name
            ));
        };
        let Some(member) = structure.members.iter().find(|member| member.model_name == name) else {
            let names: Vec<String> =
                structure.members.iter().map(|member| format!("`{}`", member.model_name)).collect();
            return Err(format!(
                "`{}` has no member `{name}` (its members: {})",
                here.wire_name,
                if names.is_empty() { "none".to_owned() } else { names.join(", ") }
            ));
        };
        if member.json_value {
            return Err(format!("`{name}` is a `jsonvalue` member, JSON held parsed"));
        }
        let step = Step {
            model_name: member.model_name.clone(),
            rust_name: member.rust_name.clone(),
            target: member.target,
            required: member.required,
            boxed: member.boxed,
        };
        Ok((Typed::Member { of: Box::new(scope.value.clone()), step }, Ty::Shape(member.target)))
    }

    fn projection(
        &mut self,
        kind: &ProjectionKind,
        source: &Node,
        rhs: &Node,
        scope: &Scope,
    ) -> Result<(Typed, Ty), String> {
        let (source, source_ty) = self.check(source, scope)?;
        let list_item = |id: ShapeId| match &self.service.shape(id).kind {
            ShapeKind::List { member } if !member.json_value => Some(member.target),
            _ => None,
        };
        let (how, element) = match (kind, &source_ty) {
            (ProjectionKind::Values, Ty::Shape(id)) => match &self.service.shape(*id).kind {
                ShapeKind::Map { value, .. } if !value.json_value => {
                    (Source::MapValues, value.target)
                }
                _ => {
                    return Err(format!(
                        "`*` projects the values of {}, not a map",
                        self.describe(&source_ty)
                    ));
                }
            },
            (ProjectionKind::Values, _) => {
                return Err(format!(
                    "`*` projects the values of {}, not a map",
                    self.describe(&source_ty)
                ));
            }
            (ProjectionKind::Flatten, Ty::Shape(id)) => match list_item(*id) {
                Some(item) => match list_item(item) {
                    Some(inner) => (Source::NestedListItems, inner),
                    None => (Source::ListItems, item),
                },
                None => return Err(self.not_a_list("[]", &source_ty)),
            },
            (ProjectionKind::Flatten, Ty::Many(element)) => match list_item(*element) {
                Some(inner) => (Source::ProjectedLists, inner),
                None => (Source::Projected, *element),
            },
            (ProjectionKind::List | ProjectionKind::Filter(_), Ty::Shape(id)) => {
                match list_item(*id) {
                    Some(item) => (Source::ListItems, item),
                    None => return Err(self.not_a_list(projection_text(kind), &source_ty)),
                }
            }
            (ProjectionKind::List | ProjectionKind::Filter(_), Ty::Many(element)) => {
                (Source::Projected, *element)
            }
            (_, other) => return Err(self.not_a_list(projection_text(kind), other)),
        };
        let element_scope = Scope { value: Typed::Element(element), ty: Ty::Shape(element) };
        let filter = match kind {
            ProjectionKind::Filter(condition) => {
                Some(Box::new(self.truthy(condition, &element_scope)?))
            }
            _ => None,
        };
        let (each, each_ty) = self.check(rhs, &element_scope)?;
        let Ty::Shape(each_shape) = each_ty else {
            return Err(format!(
                "each element of the projection gives {}; only values of the model's shapes \
                 can be projected",
                self.describe(&each_ty)
            ));
        };
        let typed = Typed::Project {
            source: Box::new(source),
            source_ty,
            how,
            element,
            filter,
            each: Box::new(each),
            each_ty: Ty::Shape(each_shape),
        };
        Ok((typed, Ty::Many(each_shape)))
    }

    fn not_a_list(&self, operator: &str, ty: &Ty) -> String {
        format!("`{operator}` projects {}, which is not a list", self.describe(ty))
    }

    /// `node` as a boolean: a boolean as it is, anything else by JMESPath's truthiness.
    fn truthy(&mut self, node: &Node, scope: &Scope) -> Result<Typed, String> {
        let (typed, ty) = self.check(node, scope)?;
        Ok(match ty {
            Ty::Bool => typed,
            ty => Typed::Truthy { of: Box::new(typed), ty },
        })
    }

    fn function(
        &mut self,
        name: &str,
        arguments: &[Node],
        scope: &Scope,
    ) -> Result<(Typed, Ty), String> {
        match (name, arguments) {
            ("length", [argument]) => {
                let (of, ty) = self.check(argument, scope)?;
                let measurable = match &ty {
                    Ty::Many(_) => true,
                    Ty::Shape(id) => matches!(
                        self.service.shape(*id).kind,
                        ShapeKind::List { .. } | ShapeKind::Map { .. } | ShapeKind::String
                    ),
                    _ => false,
                };
                if !measurable {
                    return Err(format!(
                        "`length` of {}: only lists, maps and strings have one",
                        self.describe(&ty)
                    ));
                }
                Ok((Typed::Length { of: Box::new(of), ty }, Ty::Number))
            }
            ("length", _) => Err(format!("`length` takes 1 argument, not {}", arguments.len())),
            ("contains", [subject, search]) => {
                let (subject, subject_ty) = self.check(subject, scope)?;
                let search = self.check(search, scope)?;
                self.contains(subject, subject_ty, search)
            }
            ("contains", _) => {
                Err(format!("`contains` takes 2 arguments, not {}", arguments.len()))
            }
            _ => Err(format!(
                "function `{name}` is not supported (botocore's waiters use `length` and `contains`)"
            )),
        }
    }

    /// `contains(list, value)` as "any element equals value"; `contains(string, text)` is
    /// refused, no waiter needing it.
    fn contains(
        &mut self,
        subject: Typed,
        subject_ty: Ty,
        search: (Typed, Ty),
    ) -> Result<(Typed, Ty), String> {
        let element = match &subject_ty {
            Ty::Many(element) => *element,
            Ty::Shape(id) => match &self.service.shape(*id).kind {
                ShapeKind::List { member } if !member.json_value => member.target,
                _ => {
                    return Err(format!(
                        "`contains` searches {}; only lists are supported",
                        self.describe(&subject_ty)
                    ));
                }
            },
            _ => {
                return Err(format!(
                    "`contains` searches {}; only lists are supported",
                    self.describe(&subject_ty)
                ));
            }
        };
        let test =
            self.compare(Comparator::Eq, (Typed::Element(element), Ty::Shape(element)), search)?;
        let typed = Typed::Project {
            source: Box::new(subject),
            how: if matches!(subject_ty, Ty::Many(_)) {
                Source::Projected
            } else {
                Source::ListItems
            },
            source_ty: subject_ty,
            element,
            filter: Some(Box::new(test)),
            each: Box::new(Typed::Element(element)),
            each_ty: Ty::Shape(element),
        };
        let found = Typed::Truthy { of: Box::new(typed), ty: Ty::Many(element) };
        Ok((found, Ty::Bool))
    }

    fn compare(
        &mut self,
        comparator: Comparator,
        left: (Typed, Ty),
        right: (Typed, Ty),
    ) -> Result<Typed, String> {
        let ordered = !matches!(comparator, Comparator::Eq | Comparator::Ne);
        // `x == null`: whether it is missing.
        let null = |ty: &Ty| matches!(ty, Ty::Literal(serde_json::Value::Null));
        let (left, right) =
            if null(&left.1) && !null(&right.1) { (right, left) } else { (left, right) };
        if null(&right.1) {
            if ordered {
                return Err("orders a value against `null`".to_owned());
            }
            if !matches!(left.1, Ty::Shape(_)) {
                return Err(format!(
                    "compares {} with `null`, which it never is",
                    self.describe(&left.1)
                ));
            }
            let how = Comparison::IsNull;
            return Ok(Typed::Compare {
                op: comparator,
                left: Box::new(left.0),
                right: Box::new(right.0),
                how,
            });
        }
        let (left_kind, right_kind) = (self.kind(&left.1)?, self.kind(&right.1)?);
        if left_kind != right_kind {
            return Err(format!(
                "compares {} with {}, which are never equal",
                self.describe(&left.1),
                self.describe(&right.1)
            ));
        }
        if ordered && left_kind != Comparison::Number {
            return Err(format!("orders {}: only numbers have an order", self.describe(&left.1)));
        }
        self.enum_value(&left.1, &right.1)?;
        self.enum_value(&right.1, &left.1)?;
        let how = left_kind;
        Ok(Typed::Compare { op: comparator, left: Box::new(left.0), right: Box::new(right.0), how })
    }

    /// A string compared with an enum must be one of the values the enum lists
    /// (botocore#2059: `ACTIVE` for a `FleetState` that never is).
    fn enum_value(&self, ty: &Ty, other: &Ty) -> Result<(), String> {
        let (Ty::Shape(id), Ty::Literal(serde_json::Value::String(text))) = (ty, other) else {
            return Ok(());
        };
        let shape = self.service.shape(*id);
        let ShapeKind::Enum(values) = &shape.kind else {
            return Ok(());
        };
        if values.iter().any(|value| value.wire_value == *text) {
            return Ok(());
        }
        let listed: Vec<String> =
            values.iter().map(|value| format!("`{}`", value.wire_value)).collect();
        Err(format!(
            "compares `{}` with `{text}`, which it never is: it is one of {}",
            shape.wire_name,
            listed.join(", ")
        ))
    }

    /// How a value of `ty` is compared, or why it cannot be.
    fn kind(&self, ty: &Ty) -> Result<Comparison, String> {
        let kind = match ty {
            Ty::Bool => Some(Comparison::Boolean),
            Ty::Number => Some(Comparison::Number),
            Ty::Literal(serde_json::Value::String(_)) => Some(Comparison::Text),
            Ty::Literal(serde_json::Value::Number(_)) => Some(Comparison::Number),
            Ty::Literal(serde_json::Value::Bool(_)) => Some(Comparison::Boolean),
            Ty::Shape(id) => match self.service.shape(*id).kind {
                ShapeKind::String | ShapeKind::Enum(_) => Some(Comparison::Text),
                ShapeKind::Integer
                | ShapeKind::Long
                | ShapeKind::Float
                | ShapeKind::Double
                | ShapeKind::IntEnum(_) => Some(Comparison::Number),
                ShapeKind::Boolean => Some(Comparison::Boolean),
                _ => None,
            },
            _ => None,
        };
        kind.ok_or_else(|| {
            format!("compares {}, which is no string, number or boolean", self.describe(ty))
        })
    }

    /// `` `FleetState` `` or `a list of `Fleet``, for messages.
    fn describe(&self, ty: &Ty) -> String {
        match ty {
            Ty::Shape(id) => format!("`{}`", self.service.shape(*id).wire_name),
            Ty::Many(id) => format!("a projection of `{}`", self.service.shape(*id).wire_name),
            Ty::Bool => "a boolean".to_owned(),
            Ty::Number => "a number".to_owned(),
            Ty::Literal(value) => format!("`{value}`"),
        }
    }
}

fn projection_text(kind: &ProjectionKind) -> &'static str {
    match kind {
        ProjectionKind::List => "[*]",
        ProjectionKind::Flatten => "[]",
        ProjectionKind::Filter(_) => "[?…]",
        ProjectionKind::Values => "*",
    }
}
