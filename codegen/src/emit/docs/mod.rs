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

/// Renders botocore HTML documentation as Markdown lines for rustdoc.
pub fn html_to_markdown(html: &str) -> Vec<String> {
    let mut renderer = Renderer::default();
    for token in tokenize(html) {
        renderer.token(token);
    }
    renderer.finish()
}
