//! Doc lines that say what `validate()` leaves unchecked, and why: the constraints the
//! generator cannot honour ([`Constraints::unchecked`](crate::ir::Constraints::unchecked)).

use super::docs;
use crate::ir::{Member, Service, Shape, ShapeId, ShapeKind, Unchecked};

/// A member's lines: for the constraints left unchecked on its value's shape, and on the items,
/// keys and values of the list or map it is (a structure's own members say theirs).
pub fn member_lines(service: &Service, member: &Member) -> Vec<String> {
    let mut lines = Vec::new();
    // A `jsonvalue` member holds parsed JSON: no constraint of its string shape is checked.
    if !member.json_value {
        collect(service, member.target, &mut Vec::new(), &mut lines);
    }
    lines
}

/// The lines of an item's own docs (a structure, union or integer enum).
pub fn shape_lines(shape: &Shape) -> Vec<String> {
    shape.constraints.unchecked.iter().map(|unchecked| line(unchecked, &[])).collect()
}

/// The lines of shape `id`, reached through `inside` (`items`, `keys`, `values`) from the
/// member, outermost first.
fn collect(
    service: &Service,
    id: ShapeId,
    inside: &mut Vec<&'static str>,
    lines: &mut Vec<String>,
) {
    let shape = service.shape(id);
    lines.extend(shape.constraints.unchecked.iter().map(|unchecked| line(unchecked, inside)));
    // Lists and maps hold no cycle without a structure between (the IR refuses one).
    let mut enter = |part: &'static str, id: ShapeId, lines: &mut Vec<String>| {
        inside.push(part);
        collect(service, id, inside, lines);
        inside.pop();
    };
    match &shape.kind {
        ShapeKind::List { member } => enter("items", member.target, lines),
        ShapeKind::Map { key, value } => {
            enter("keys", *key, lines);
            enter("values", value.target, lines);
        }
        _ => {}
    }
}

/// ``"`validate()` leaves `pattern` `a(b` of the items unchecked: it is … (Unbalanced parenthesis)."``
fn line(unchecked: &Unchecked, inside: &[&str]) -> String {
    let of: String = inside.iter().rev().map(|part| format!(" of the {part}")).collect();
    format!(
        "`validate()` leaves {}{of} unchecked: {}.",
        unchecked.settings_text(docs::code),
        unchecked.reason_text(docs::plain)
    )
}

#[cfg(test)]
mod tests {
    use super::line;
    use crate::ir::Unchecked;

    #[test]
    fn a_line_quotes_the_model_and_says_where_and_why() {
        let unchecked = Unchecked {
            settings: vec![("pattern".to_owned(), "a(b`".to_owned())],
            reason: "it is not a regular expression the generator can check".to_owned(),
            detail: Some("Unbalanced [parenthesis]".to_owned()),
        };
        assert_eq!(
            line(&unchecked, &["values", "items"]),
            "`validate()` leaves `pattern` `` a(b` `` of the items of the values unchecked: it is \
             not a regular expression the generator can check (Unbalanced \\[parenthesis\\])."
        );
        let bounds = Unchecked {
            settings: vec![("min".to_owned(), "10".to_owned()), ("max".to_owned(), "5".to_owned())],
            reason: "`min` is more than `max`, so no value would be valid".to_owned(),
            detail: None,
        };
        assert_eq!(
            line(&bounds, &[]),
            "`validate()` leaves `min` `10` and `max` `5` unchecked: `min` is more than `max`, so \
             no value would be valid."
        );
    }
}
