//! The renderer: a stack of open blocks and the Markdown of the paragraph being built.

use super::escape::{encode_url, escape_into, escape_line_start, find_url};
use super::text::{code_lines, code_span, collapse_whitespace, longest_run, wrap};
use super::tokens::Token;
use std::mem::take;

/// Nesting beyond this (far past any real document) is flattened, keeping the work linear.
const MAX_DEPTH: usize = 64;

#[derive(PartialEq)]
enum Kind {
    Plain,
    /// `<dt>`, `<h1>`…: the whole paragraph in bold.
    Bold,
    /// `<note>`, `<important>`: the text that starts its first paragraph.
    Lead(&'static str),
    /// `loose` once an item holds two blocks; then items are separated by blank lines too.
    List {
        ordered: bool,
        count: usize,
        loose: bool,
    },
    /// An item's marker column and its content's indentation.
    Item {
        marker_at: usize,
        indent: usize,
    },
}

struct Block {
    tag: String,
    kind: Kind,
}

enum Inline {
    Bold,
    Italic,
    /// An `<a>`; the URL only when absolute http(s) and not inside another link.
    Link(Option<String>),
}

#[derive(Default)]
pub(super) struct Renderer {
    out: Vec<String>,
    blocks: Vec<Block>,
    /// The paragraph being built, as Markdown; `\n` marks a `<br>`.
    para: String,
    /// Open inline elements and where their content starts in `para`.
    inlines: Vec<(Inline, usize)>,
    /// List markers (column, marker) waiting for their item's first line.
    markers: Vec<(usize, String)>,
    /// `**Note:**`-style text waiting for the next paragraph.
    lead: Option<&'static str>,
    /// A blank line is due before the next block.
    blank: bool,
    /// Text of an open `<code>` (false) or `<pre>` (true), kept verbatim.
    raw: Option<(bool, String)>,
}

impl Renderer {
    pub(super) fn token(&mut self, token: Token) {
        match token {
            Token::Text(text) => match &mut self.raw {
                Some((_, raw)) => raw.push_str(&text),
                None => self.text(&text),
            },
            Token::Open { name, href, closed } => {
                self.open(&name, href);
                if closed && name != "br" {
                    self.close(&name);
                }
            }
            Token::Close(name) => self.close(&name),
        }
    }

    fn open(&mut self, name: &str, href: Option<String>) {
        if let Some((_, raw)) = &mut self.raw {
            if name == "br" {
                raw.push('\n');
            }
            return; // other tags inside code are dropped
        }
        let kind = match name {
            "br" => return self.para.push('\n'),
            "code" | "pre" => return self.raw = Some((name == "pre", String::new())),
            "b" | "strong" => return self.open_inline(Inline::Bold),
            "i" | "em" => return self.open_inline(Inline::Italic),
            "a" => return self.open_link(href),
            "li" => return self.open_item(),
            "p" | "dl" | "dd" => Kind::Plain,
            "dt" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Bold,
            "note" => Kind::Lead("**Note:** "),
            "important" => Kind::Lead("**Important:** "),
            "ul" | "ol" => Kind::List { ordered: name == "ol", count: 0, loose: false },
            _ => return, // unknown tags are dropped, their text kept
        };
        if self.blocks.len() >= MAX_DEPTH {
            return self.flush();
        }
        // Siblings that HTML lets one leave unclosed.
        let top = self.blocks.last().map(|b| b.tag.clone()).unwrap_or_default();
        if matches!((top.as_str(), name), ("p", "p") | ("dt" | "dd", "dt" | "dd")) {
            self.close(&top);
        }
        self.flush();
        match kind {
            Kind::Lead(lead) => self.lead = Some(lead),
            Kind::List { .. } => {
                self.flush_lead();
                // A nested list follows its item's text directly, keeping the list tight.
                if self.indent() > 0 || !self.markers.is_empty() {
                    self.blank = false;
                }
            }
            _ => {}
        }
        self.blocks.push(Block { tag: name.to_string(), kind });
    }

    fn open_link(&mut self, href: Option<String>) {
        let absolute = |url: &String| {
            let url = url.to_ascii_lowercase();
            ["http://", "https://"].iter().any(|s| url.len() > s.len() && url.starts_with(s))
        };
        let in_link = self.in_link();
        let href = href.map(|url| url.trim().to_string()).filter(|url| !in_link && absolute(url));
        self.open_inline(Inline::Link(href));
    }

    fn open_inline(&mut self, inline: Inline) {
        if self.inlines.len() < MAX_DEPTH {
            self.inlines.push((inline, self.para.len()));
        }
    }

    fn in_link(&self) -> bool {
        self.inlines.iter().any(|(inline, _)| matches!(inline, Inline::Link(Some(_))))
    }

    /// Where the innermost open item (`item`) or list (`!item`) sits in `blocks`.
    fn innermost(&self, item: bool) -> Option<usize> {
        self.blocks.iter().rposition(|b| match b.kind {
            Kind::Item { .. } => item,
            Kind::List { .. } => !item,
            _ => false,
        })
    }

    fn open_item(&mut self) {
        if self.blocks.len() >= MAX_DEPTH {
            return self.flush();
        }
        let list = self.innermost(false);
        // An `<li>` left open closes at the next one.
        if let Some(open) = self.innermost(true).filter(|&open| list.is_none_or(|list| open > list))
        {
            self.close_from(open);
        }
        self.flush();
        let marker = match list.and_then(|at| self.blocks.get_mut(at)).map(|b| &mut b.kind) {
            Some(Kind::List { ordered, count, loose }) => {
                *count += 1;
                if *count > 1 && !*loose {
                    self.blank = false; // a tight list
                }
                if *ordered { format!("{count}. ") } else { "- ".to_string() }
            }
            _ => "- ".to_string(),
        };
        let marker_at = self.indent();
        let indent = marker_at + marker.len();
        self.markers.push((marker_at, marker));
        self.blocks.push(Block { tag: "li".to_string(), kind: Kind::Item { marker_at, indent } });
    }

    fn close(&mut self, name: &str) {
        if let Some((pre, raw)) = self.raw.take() {
            if name == if pre { "pre" } else { "code" } {
                self.finish_raw(pre, &raw);
            } else {
                self.raw = Some((pre, raw));
            }
            return;
        }
        let inline = |i: &Inline| match i {
            Inline::Bold => matches!(name, "b" | "strong"),
            Inline::Italic => matches!(name, "i" | "em"),
            Inline::Link(_) => name == "a",
        };
        if let Some(at) = self.inlines.iter().rposition(|(i, _)| inline(i)) {
            while self.inlines.len() > at {
                self.close_inline();
            }
        } else if let Some(at) = self.blocks.iter().rposition(|b| b.tag == name) {
            self.close_from(at);
        }
    }

    fn close_from(&mut self, at: usize) {
        while self.blocks.len() > at {
            self.flush();
            match self.blocks.pop().map(|b| b.kind) {
                Some(Kind::Lead(_)) => self.lead = None,
                Some(Kind::List { .. }) => self.blank = true,
                // An empty item: drop its marker.
                Some(Kind::Item { marker_at, .. })
                    if self.markers.last().is_some_and(|m| m.0 == marker_at) =>
                {
                    self.markers.pop();
                }
                _ => {}
            }
        }
    }

    fn close_inline(&mut self) {
        let Some((inline, start)) = self.inlines.pop() else {
            return;
        };
        let content = self.para.split_off(start.min(self.para.len()));
        let wrapped = match inline {
            Inline::Bold => wrap(&content, "**", "**"),
            Inline::Italic => wrap(&content, "*", "*"),
            Inline::Link(Some(url)) if content.trim().is_empty() => {
                format!("{content}<{}>", encode_url(&url))
            }
            // On one line, so that no line holds half a link.
            Inline::Link(Some(url)) => {
                wrap(&content.replace('\n', " "), "[", &format!("]({})", encode_url(&url)))
            }
            Inline::Link(None) => content,
        };
        self.para.push_str(&wrapped);
    }

    fn text(&mut self, text: &str) {
        let text =
            collapse_whitespace(text, self.para.is_empty() || self.para.ends_with([' ', '\n']));
        let in_link = self.in_link();
        let mut rest = text.as_str();
        // Bare URLs become autolinks (rustdoc warns about bare ones), except in link text.
        while let Some((start, end)) = find_url(rest).filter(|_| !in_link) {
            escape_into(&mut self.para, &rest[..start]);
            self.para.push_str(&format!("<{}>", &rest[start..end]));
            rest = &rest[end..];
        }
        escape_into(&mut self.para, rest);
        // `!` before a link would make it an image.
        if rest.ends_with('!') {
            self.para.pop();
            self.para.push_str("\\!");
        }
    }

    fn finish_raw(&mut self, pre: bool, raw: &str) {
        if pre || raw.contains('\n') {
            return self.code_block(raw);
        }
        let code = collapse_whitespace(raw, true);
        let code = code.trim_end();
        match code_span(code) {
            Some(span) => self.para.push_str(&span),
            None => escape_into(&mut self.para, code),
        }
    }

    /// A fenced block marked `text`, so that rustdoc never runs it as a doctest.
    fn code_block(&mut self, raw: &str) {
        let lines = code_lines(raw);
        if lines.is_empty() {
            return;
        }
        self.flush();
        self.flush_lead();
        let fence = "`".repeat(lines.iter().map(|l| longest_run(l, '`') + 1).fold(3, usize::max));
        let block = [format!("{fence}text")].into_iter().chain(lines).chain([fence]);
        self.emit(block.collect());
    }

    /// Ends the current paragraph, emitting it as lines.
    fn flush(&mut self) {
        while !self.inlines.is_empty() {
            self.close_inline();
        }
        let para = take(&mut self.para);
        let lines = para.split('\n').map(str::trim).filter(|line| !line.is_empty());
        let mut lines: Vec<String> = lines.map(escape_line_start).collect();
        let Some(last) = lines.len().checked_sub(1) else {
            return;
        };
        for line in &mut lines[..last] {
            line.push('\\'); // a hard line break, for `<br>`
        }
        if self.blocks.iter().any(|b| b.kind == Kind::Bold) {
            lines[0].insert_str(0, "**");
            lines[last].push_str("**");
        }
        if let Some(lead) = self.lead.take() {
            lines[0].insert_str(0, lead);
        }
        self.emit(lines);
    }

    /// A note's lead on its own, before a block that cannot start with it.
    fn flush_lead(&mut self) {
        if let Some(lead) = self.lead.take() {
            self.emit(vec![lead.trim_end().to_string()]);
        }
    }

    fn indent(&self) -> usize {
        match self.innermost(true).map(|at| &self.blocks[at].kind) {
            Some(Kind::Item { indent, .. }) => *indent,
            _ => 0,
        }
    }

    fn emit(&mut self, lines: Vec<String>) {
        if self.blank && !self.out.is_empty() {
            self.mark_loose();
            self.out.push(String::new());
        }
        let indent = self.indent();
        for line in lines {
            let mut prefix = String::new();
            for (at, marker) in self.markers.drain(..) {
                prefix.push_str(&" ".repeat(at.saturating_sub(prefix.len())));
                prefix.push_str(&marker);
            }
            prefix.push_str(&" ".repeat(indent.saturating_sub(prefix.len())));
            self.out.push((prefix + &line).trim_end().to_string());
        }
        self.blank = true;
    }

    /// A blank line inside an item (after its marker's line) makes its list loose.
    fn mark_loose(&mut self) {
        let Some(item) = self.innermost(true) else {
            return;
        };
        let Kind::Item { marker_at, .. } = self.blocks[item].kind else {
            return;
        };
        if self.markers.iter().any(|m| m.0 == marker_at) {
            return;
        }
        for block in self.blocks[..item].iter_mut().rev() {
            if let Kind::List { loose, .. } = &mut block.kind {
                *loose = true;
                return;
            }
        }
    }

    pub(super) fn finish(mut self) -> Vec<String> {
        if let Some((pre, raw)) = self.raw.take() {
            self.finish_raw(pre, &raw);
        }
        self.close_from(0);
        self.flush();
        let mut lines: Vec<String> = Vec::new();
        for line in self.out {
            if !line.is_empty() || lines.last().is_some_and(|last| !last.is_empty()) {
                lines.push(line);
            }
        }
        if lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        lines
    }
}
