//! What the tests share.

use crate::jmespath::{Node, ProjectionKind};

/// A compact, unambiguous form of a tree, for comparing shapes.
pub(super) fn sexpr(node: &Node) -> String {
    let list = |items: &[Node]| items.iter().map(sexpr).collect::<Vec<_>>().join(" ");
    match node {
        Node::Current => "@".to_owned(),
        Node::Field(name) => format!("{name:?}"),
        Node::Subexpr(left, right) => format!("(. {} {})", sexpr(left), sexpr(right)),
        Node::Index(of, index) => format!("(index {} {index})", sexpr(of)),
        Node::Slice { of, start, stop, step } => {
            let part = |part: &Option<i64>| part.map_or("_".to_owned(), |part| part.to_string());
            format!("(slice {} {} {} {})", sexpr(of), part(start), part(stop), part(step))
        }
        Node::Projection { kind, source, rhs } => {
            let kind = match kind {
                ProjectionKind::List => "list".to_owned(),
                ProjectionKind::Flatten => "flatten".to_owned(),
                ProjectionKind::Values => "values".to_owned(),
                ProjectionKind::Filter(condition) => format!("filter {}", sexpr(condition)),
            };
            format!("({kind} {} {})", sexpr(source), sexpr(rhs))
        }
        Node::Compare(comparator, left, right) => {
            format!("({} {} {})", comparator.symbol(), sexpr(left), sexpr(right))
        }
        Node::And(left, right) => format!("(&& {} {})", sexpr(left), sexpr(right)),
        Node::Or(left, right) => format!("(|| {} {})", sexpr(left), sexpr(right)),
        Node::Not(operand) => format!("(! {})", sexpr(operand)),
        Node::Literal(value) => format!("`{value}`"),
        Node::Function(name, arguments) => format!("(call {name} {})", list(arguments)),
        Node::Pipe(left, right) => format!("(| {} {})", sexpr(left), sexpr(right)),
        Node::MultiList(items) => format!("[{}]", list(items)),
        Node::MultiHash(pairs) => {
            let pairs: Vec<String> =
                pairs.iter().map(|(key, value)| format!("{key:?}: {}", sexpr(value))).collect();
            format!("{{{}}}", pairs.join(", "))
        }
        Node::ExpressionRef(operand) => format!("(& {})", sexpr(operand)),
    }
}
