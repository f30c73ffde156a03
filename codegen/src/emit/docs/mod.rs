//! Model documentation (botocore HTML) to Markdown lines for rustdoc.
//!
//! A small tokenizer splits the HTML into tags and entity-decoded text; a renderer keeps a
//! stack of open blocks (lists, items, notes…) and the Markdown of the paragraph being built.
//! Text is escaped so that rustdoc shows it literally and has nothing to warn about.

mod escape;
mod render;
mod text;
mod tokens;

#[cfg(test)]
mod tests;

use self::render::Renderer;
use self::tokens::tokenize;

/// Model text (a wire name, an enum value, a pattern) as Markdown that shows it exactly: a code
/// span, or escaped text where it holds a run of three backticks.
pub(crate) fn code(text: &str) -> String {
    text::code_span(text).unwrap_or_else(|| plain(text))
}

/// Model text (a service's name) as Markdown prose that shows every character as it is, at
/// the start of a line too.
pub(crate) fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape::escape_into(&mut out, text);
    escape::escape_line_start(&out)
}

/// A model's deprecation message as a `#[deprecated]` note. rustc prints a note as it is and
/// rustdoc renders it as Markdown, so only what rustdoc would take for a link (`[doc]`, which
/// it fails to resolve, under `-D warnings` an error) or an HTML tag gets a backslash, the
/// escape that reads best as plain text.
pub(crate) fn deprecation_note(note: &str) -> String {
    let mut out = String::with_capacity(note.len());
    for (at, c) in note.char_indices() {
        let rest = &note[at + c.len_utf8()..];
        let escape = match c {
            // `list[]` stays as it is; `[](path)` is a link.
            '[' => !rest.starts_with(']') || rest[1..].starts_with(['(', '[']),
            '<' => {
                rest.starts_with(|next: char| next.is_ascii_alphabetic() || "/!?".contains(next))
            }
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Renders botocore HTML documentation as Markdown lines for rustdoc.
pub fn html_to_markdown(html: &str) -> Vec<String> {
    let mut renderer = Renderer::default();
    for token in tokenize(html) {
        renderer.token(token);
    }
    renderer.finish()
}
