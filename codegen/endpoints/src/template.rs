//! Template strings (`https://x.{Region}.{PartitionResult#dnsSuffix}`) and `getAttr` paths.

use crate::ast::{Part, Ref, Step, Template};

/// Letters, digits and `_`, starting with a letter or `_`.
pub(crate) fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `{Name}` and `{Name#path}` in a string; `{{` and `}}` stand for `{` and `}`.
pub(crate) fn template(text: &str) -> Result<Template, String> {
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '{' if chars.peek().is_some_and(|&(_, next)| next == '{') => {
                chars.next();
                literal.push('{');
            }
            '}' if chars.peek().is_some_and(|&(_, next)| next == '}') => {
                chars.next();
                literal.push('}');
            }
            '{' => {
                let rest = &text[at + 1..];
                let close =
                    rest.find('}').ok_or_else(|| format!("has a `{{` at {at} without a `}}`"))?;
                let inside = &rest[..close];
                let (name, path) = match inside.split_once('#') {
                    Some((name, path)) => (name, attr_path(path)?),
                    None => (inside, Vec::new()),
                };
                if !is_identifier(name) {
                    return Err(format!(
                        "names `{{{inside}}}`, which is not a name (`{{{{` writes a `{{`)"
                    ));
                }
                if !literal.is_empty() {
                    parts.push(Part::Literal(::std::mem::take(&mut literal)));
                }
                parts.push(Part::Ref(Ref { name: name.to_owned(), slot: usize::MAX }, path));
                for _ in 0..inside.chars().count() + 1 {
                    chars.next();
                }
            }
            '}' => return Err(format!("has a `}}` at {at} without a `{{` (`}}}}` writes a `}}`)")),
            other => literal.push(other),
        }
    }
    if !literal.is_empty() || parts.is_empty() {
        parts.push(Part::Literal(literal));
    }
    Ok(Template { parts })
}

/// A `getAttr` path: `name`, `name[0]`, `a.b[1]`.
pub(crate) fn attr_path(text: &str) -> Result<Vec<Step>, String> {
    let bad = || format!("`{text}` is not a getAttr path, like `dnsSuffix` or `resourceId[0]`");
    let mut steps = Vec::new();
    for segment in text.split('.') {
        let (name, mut rest) = match segment.find('[') {
            Some(open) => segment.split_at(open),
            None => (segment, ""),
        };
        if !name.is_empty() {
            if !is_identifier(name) {
                return Err(bad());
            }
            steps.push(Step::Field(name.to_owned()));
        } else if rest.is_empty() {
            return Err(bad());
        }
        while let Some(index) = rest.strip_prefix('[') {
            let close = index.find(']').ok_or_else(bad)?;
            let number = index[..close].parse::<usize>().map_err(|_| bad())?;
            steps.push(Step::Index(number));
            rest = &index[close + 1..];
        }
        if !rest.is_empty() {
            return Err(bad());
        }
    }
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::{Part, Step, attr_path, template};

    #[test]
    fn templates_fill_names_and_attributes_and_escape_braces() {
        let read =
            template("https://x.{Region}.{PartitionResult#dnsSuffix}/{{a}}").map(|t| t.parts);
        let Ok(parts) = read else { panic!("{read:?}") };
        assert_eq!(parts.len(), 5);
        assert_eq!(parts[0], Part::Literal("https://x.".to_owned()));
        assert!(
            matches!(&parts[3], Part::Ref(r, steps) if r.name == "PartitionResult" && steps == &[Step::Field("dnsSuffix".to_owned())])
        );
        assert_eq!(parts[4], Part::Literal("/{a}".to_owned()));
        assert_eq!(template("a{b").err().as_deref(), Some("has a `{` at 1 without a `}`"));
        assert_eq!(
            template("a}b").err().as_deref(),
            Some("has a `}` at 1 without a `{` (`}}` writes a `}`)")
        );
        assert_eq!(
            template("{a b}").err().as_deref(),
            Some("names `{a b}`, which is not a name (`{{` writes a `{`)")
        );
    }

    #[test]
    fn attribute_paths_have_names_and_indexes() {
        assert_eq!(
            attr_path("resourceId[2]"),
            Ok(vec![Step::Field("resourceId".to_owned()), Step::Index(2)])
        );
        assert_eq!(
            attr_path("a.b[0][1]"),
            Ok(vec![
                Step::Field("a".to_owned()),
                Step::Field("b".to_owned()),
                Step::Index(0),
                Step::Index(1)
            ])
        );
        assert_eq!(attr_path("[3]"), Ok(vec![Step::Index(3)]));
        for bad in ["", "a.", "a[x]", "a[1", "a b", "a[-1]"] {
            assert!(attr_path(bad).is_err(), "{bad}");
        }
    }
}
