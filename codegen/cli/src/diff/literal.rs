//! The notation of botocore's changelog: Python literals, written as Python's `repr` would.
//!
//! A delta is a nested literal of what a model change added; a new member is shown as the
//! literal of its type, with the placeholder values botocore's documentation uses (`'string'`,
//! `123`, `True|False`, `datetime(2015, 1, 1)`).

use awsjson_codegen::model::Shape;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::{self, Write};

/// A Python literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Literal {
    /// Written as it is: `123`, `True|False`, `{...}`.
    Bare(String),
    /// A string, written quoted.
    Text(String),
    List(Vec<Literal>),
    /// Keys are written in sorted order, as the changelog does.
    Dict(BTreeMap<String, Literal>),
}

impl Literal {
    fn bare(text: &str) -> Self {
        Literal::Bare(text.to_owned())
    }
}

impl fmt::Display for Literal {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Bare(text) => out.write_str(text),
            Literal::Text(text) => write_quoted(text, out),
            Literal::List(items) => {
                out.write_char('[')?;
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.write_str(", ")?;
                    }
                    write!(out, "{item}")?;
                }
                out.write_char(']')
            }
            Literal::Dict(entries) => {
                out.write_char('{')?;
                for (index, (key, value)) in entries.iter().enumerate() {
                    if index > 0 {
                        out.write_str(", ")?;
                    }
                    write_quoted(key, out)?;
                    write!(out, ": {value}")?;
                }
                out.write_char('}')
            }
        }
    }
}

/// Writes `text` as Python's `repr` writes a string, always in single quotes: the changelog
/// never switches to double quotes. Python also escapes rarer non-printable code points (other
/// format and separator characters); these are the ones that can plausibly occur in a model.
fn write_quoted(text: &str, out: &mut impl Write) -> fmt::Result {
    out.write_char('\'')?;
    for character in text.chars() {
        match character {
            '\\' => out.write_str("\\\\")?,
            '\'' => out.write_str("\\'")?,
            '\n' => out.write_str("\\n")?,
            '\r' => out.write_str("\\r")?,
            '\t' => out.write_str("\\t")?,
            '\0'..='\x1f' | '\x7f'..='\u{a0}' | '\u{ad}' => {
                write!(out, "\\x{:02x}", u32::from(character))?;
            }
            '\u{2028}' | '\u{2029}' | '\u{feff}' => write!(out, "\\u{:04x}", u32::from(character))?,
            _ => out.write_char(character)?,
        }
    }
    out.write_char('\'')
}

/// One enum value as it appears in a literal: a string quoted, an integer bare.
pub(super) fn enum_value(value: &Value) -> Literal {
    match value {
        Value::String(text) => Literal::Text(text.clone()),
        other => Literal::Bare(other.to_string()),
    }
}

/// The literal of the type of shape `name`, whole: what a new member shows.
pub(super) fn type_literal(shapes: &BTreeMap<String, Shape>, name: &str) -> Literal {
    TypeLiteral { shapes, structures_inside: Vec::new() }.of(name)
}

struct TypeLiteral<'m> {
    shapes: &'m BTreeMap<String, Shape>,
    /// The structures whose literal is being written, outermost first: meeting one again is
    /// recursion, written `{...}` as Python writes a dict that contains itself.
    structures_inside: Vec<&'m str>,
}

impl<'m> TypeLiteral<'m> {
    fn of(&mut self, name: &'m str) -> Literal {
        // `...` (Python's Ellipsis) stands for what the model does not say: a dangling
        // reference, an unknown type. `ir` reports those; a changelog shows what it can.
        let Some(shape) = self.shapes.get(name) else { return Literal::bare("...") };
        match shape.shape_type.as_deref() {
            Some("structure") if shape.document == Some(true) => Literal::bare("{...}"),
            Some("structure") => self.structure(name, shape),
            Some("list") => Literal::List(vec![self.reference(shape.member.as_ref())]),
            Some("map") => {
                let value = self.reference(shape.value.as_ref());
                Literal::Dict(BTreeMap::from([("string".to_owned(), value)]))
            }
            Some("string") => match &shape.enum_values {
                Some(values) => {
                    let values: Vec<String> = values.iter().map(enum_value_text).collect();
                    Literal::Text(values.join(" | "))
                }
                None => Literal::Text("string".to_owned()),
            },
            Some("integer" | "long" | "short" | "byte" | "bigInteger") => Literal::bare("123"),
            Some("float" | "double" | "bigDecimal") => Literal::bare("123.0"),
            Some("boolean") => Literal::bare("True|False"),
            Some("timestamp") => Literal::bare("datetime(2015, 1, 1)"),
            Some("blob") => Literal::bare("b'bytes'"),
            _ => Literal::bare("..."),
        }
    }

    fn structure(&mut self, name: &'m str, shape: &'m Shape) -> Literal {
        if self.structures_inside.contains(&name) {
            return Literal::bare("{...}");
        }
        self.structures_inside.push(name);
        let members = shape.members.iter().flatten();
        let members =
            members.map(|(member, reference)| (member.clone(), self.of(&reference.shape)));
        let literal = Literal::Dict(members.collect());
        self.structures_inside.pop();
        literal
    }

    fn reference(&mut self, reference: Option<&'m awsjson_codegen::model::ShapeRef>) -> Literal {
        match reference {
            Some(reference) => self.of(&reference.shape),
            None => Literal::bare("..."),
        }
    }
}

/// An enum value as it is written inside a joined enum string: `STARTING | RUNNING`.
fn enum_value_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn dict(entries: &[(&str, Literal)]) -> Literal {
        Literal::Dict(
            entries.iter().map(|(key, value)| ((*key).to_owned(), value.clone())).collect(),
        )
    }

    fn text(value: &str) -> Literal {
        Literal::Text(value.to_owned())
    }

    #[test]
    fn rendering() {
        let cases = [
            (text("string"), "'string'"),
            (text("it's"), r"'it\'s'"),
            (text(r"a\b"), r"'a\\b'"),
            (text("a\nb\tc\r"), r"'a\nb\tc\r'"),
            (text("\u{1}\u{7f}\u{a0}"), r"'\x01\x7f\xa0'"),
            (text("\u{2028}é€"), "'\\u2028é€'"),
            (text("say \"hi\""), "'say \"hi\"'"),
            (text(""), "''"),
            (Literal::bare("123"), "123"),
            (Literal::List(vec![text("string")]), "['string']"),
            (Literal::List(vec![]), "[]"),
            (dict(&[]), "{}"),
            (
                dict(&[(
                    "VpcConfig",
                    dict(&[("SecurityGroupIds", Literal::List(vec![text("string")]))]),
                )]),
                "{'VpcConfig': {'SecurityGroupIds': ['string']}}",
            ),
            (
                dict(&[
                    ("b", Literal::bare("1")),
                    ("B", Literal::bare("2")),
                    ("a'", Literal::bare("3")),
                ]),
                r"{'B': 2, 'a\'': 3, 'b': 1}",
            ),
        ];
        for (literal, expected) in cases {
            assert_eq!(literal.to_string(), expected, "for {literal:?}");
        }
    }

    #[test]
    fn type_literals() {
        let shapes: BTreeMap<String, Shape> = serde_json::from_value(json!({
            "String": {"type": "string"},
            "State": {"type": "string", "enum": ["STARTING", "RUNNING"]},
            "Int": {"type": "integer"}, "Long": {"type": "long"},
            "Float": {"type": "float"}, "Double": {"type": "double"},
            "Bool": {"type": "boolean"}, "Time": {"type": "timestamp"}, "Blob": {"type": "blob"},
            "Doc": {"type": "structure", "document": true},
            "Strings": {"type": "list", "member": {"shape": "String"}},
            "States": {"type": "list", "member": {"shape": "State"}},
            "Tags": {"type": "map", "key": {"shape": "String"}, "value": {"shape": "Int"}},
            "Pair": {"type": "structure", "members": {"B": {"shape": "Int"}, "A": {"shape": "String"}}},
            "Pairs": {"type": "list", "member": {"shape": "Pair"}},
            "Empty": {"type": "structure", "members": {}},
            "Tree": {"type": "structure", "members": {
                "Children": {"shape": "Trees"}, "Self": {"shape": "Tree"}, "Pair": {"shape": "Pair"}}},
            "Trees": {"type": "list", "member": {"shape": "Tree"}},
            "Dangling": {"type": "list", "member": {"shape": "Nowhere"}},
            "Odd": {"type": "mystery"},
        }))
        .unwrap();
        let cases = [
            ("String", "'string'"),
            ("State", "'STARTING | RUNNING'"),
            ("Int", "123"),
            ("Long", "123"),
            ("Float", "123.0"),
            ("Double", "123.0"),
            ("Bool", "True|False"),
            ("Time", "datetime(2015, 1, 1)"),
            ("Blob", "b'bytes'"),
            ("Doc", "{...}"),
            ("Strings", "['string']"),
            ("States", "['STARTING | RUNNING']"),
            ("Tags", "{'string': 123}"),
            ("Pair", "{'A': 'string', 'B': 123}"),
            ("Pairs", "[{'A': 'string', 'B': 123}]"),
            ("Empty", "{}"),
            ("Tree", "{'Children': [{...}], 'Pair': {'A': 'string', 'B': 123}, 'Self': {...}}"),
            ("Trees", "[{'Children': [{...}], 'Pair': {'A': 'string', 'B': 123}, 'Self': {...}}]"),
            ("Dangling", "[...]"),
            ("Odd", "..."),
            ("Nowhere", "..."),
        ];
        for (name, expected) in cases {
            assert_eq!(type_literal(&shapes, name).to_string(), expected, "for {name}");
        }
    }

    #[test]
    fn enum_values_keep_their_type() {
        assert_eq!(enum_value(&json!("USERPOOL")).to_string(), "'USERPOOL'");
        assert_eq!(enum_value(&json!(-1)).to_string(), "-1");
    }
}
