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

pub(crate) use self::escape::deprecation_note;
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

/// Renders botocore HTML documentation as Markdown lines for rustdoc.
pub fn html_to_markdown(html: &str) -> Vec<String> {
    let mut renderer = Renderer::default();
    for token in tokenize(html) {
        renderer.token(token);
    }
    renderer.finish()
}
