//! Model documentation (botocore HTML) to Markdown lines for rustdoc.
//!
//! A small tokenizer splits the HTML into tags and entity-decoded text; a renderer keeps a
//! stack of open blocks (lists, items, notes…) and the Markdown of the paragraph being built.
//! Text is escaped so that rustdoc shows it literally and has nothing to warn about.

use std::mem::take;

/// Nesting beyond this (far past any real document) is flattened, keeping the work linear.
const MAX_DEPTH: usize = 64;

/// Renders botocore HTML documentation as Markdown lines for rustdoc.
pub fn html_to_markdown(html: &str) -> Vec<String> {
    let mut renderer = Renderer::default();
    for token in tokenize(html) {
        renderer.token(token);
    }
    renderer.finish()
}

enum Token {
    Open { name: String, href: Option<String>, closed: bool },
    Close(String),
    Text(String),
}

fn tokenize(html: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let (mut text_start, mut at) = (0, 0);
    let push_text = |tokens: &mut Vec<Token>, raw: &str| {
        if !raw.is_empty() {
            tokens.push(Token::Text(decode_entities(raw)));
        }
    };
    while let Some(offset) = html.get(at..).and_then(|rest| rest.find('<')) {
        at += offset;
        // A `<` that does not start a well-formed tag is text.
        let Some((token, len)) = html.get(at..).and_then(parse_tag) else {
            at += 1;
            continue;
        };
        push_text(&mut tokens, html.get(text_start..at).unwrap_or_default());
        tokens.extend(token);
        at += len;
        text_start = at;
    }
    push_text(&mut tokens, html.get(text_start..).unwrap_or_default());
    tokens
}

/// The tag at the start of `s` (`None` inside for a comment) and its length in bytes.
fn parse_tag(s: &str) -> Option<(Option<Token>, usize)> {
    let body = s.strip_prefix('<')?;
    let end = |rest: &str, skip: usize| Some(s.len() - rest.len() + skip);
    if let Some(comment) = body.strip_prefix("!--") {
        return Some((None, end(comment, comment.find("-->")? + 3)?));
    }
    if body.starts_with(['!', '?']) {
        return Some((None, end(body, body.find('>')? + 1)?));
    }
    let (closing, body) = body.strip_prefix('/').map_or((false, body), |b| (true, b));
    if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name_len = body.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | ':')));
    let (name, attrs) = body.split_at(name_len.unwrap_or(body.len()));
    let name = name.to_ascii_lowercase();
    if closing {
        return Some((Some(Token::Close(name)), end(attrs, attrs.find('>')? + 1)?));
    }
    let (href, closed, rest) = parse_attrs(attrs)?;
    Some((Some(Token::Open { name, href, closed }), end(rest, 0)?))
}

/// Attributes up to the closing `>`: the `href` value, whether the tag self-closes, the rest.
fn parse_attrs(mut s: &str) -> Option<(Option<String>, bool, &str)> {
    let mut href = None;
    loop {
        s = s.trim_start();
        if let Some(rest) = s.strip_prefix('>') {
            return Some((href, false, rest));
        }
        if let Some(rest) = s.strip_prefix("/>") {
            return Some((href, true, rest));
        }
        let name_len = s.find(|c: char| c.is_whitespace() || matches!(c, '=' | '>' | '/'));
        // Always consume a character, so a stray `=` or `/` cannot stall the loop.
        let (name, rest) =
            s.split_at(name_len.unwrap_or(s.len()).max(s.chars().next()?.len_utf8()));
        s = rest.trim_start();
        let Some(value) = s.strip_prefix('=').map(str::trim_start) else {
            continue;
        };
        let (value, rest) = match value.chars().next() {
            Some(quote @ ('"' | '\'')) => value[1..].split_once(quote)?,
            _ => value.split_at(
                value.find(|c: char| c.is_whitespace() || c == '>').unwrap_or(value.len()),
            ),
        };
        if name.eq_ignore_ascii_case("href") {
            href = Some(decode_entities(value));
        }
        s = rest;
    }
}

fn decode_entities(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        // Unknown entities stay as text.
        match rest.split_once(';').and_then(|(name, after)| Some((entity(name)?, after))) {
            Some((c, after)) => {
                out.push(c);
                rest = after;
            }
            None => out.push('&'),
        }
    }
    out + rest
}

fn entity(name: &str) -> Option<char> {
    let code =
        |digits: &str, radix| u32::from_str_radix(digits, radix).ok().and_then(char::from_u32);
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        _ if name.len() > 9 => return None,
        _ => match name.strip_prefix('#')? {
            hex if hex.starts_with(['x', 'X']) => code(&hex[1..], 16)?,
            dec => code(dec, 10)?,
        },
    };
    (c.is_whitespace() || !c.is_control()).then_some(c)
}

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
struct Renderer {
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
    fn token(&mut self, token: Token) {
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
        let ticks = longest_run(code, '`') + 1;
        if ticks >= 3 {
            // Three backticks at a line start would open a fence: show them as text.
            escape_into(&mut self.para, code);
        } else if !code.is_empty() {
            let fence = "`".repeat(ticks);
            let pad = if code.starts_with('`') || code.ends_with('`') { " " } else { "" };
            self.para.push_str(&format!("{fence}{pad}{code}{pad}{fence}"));
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

    fn finish(mut self) -> Vec<String> {
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

/// `content` between `open` and `close`, its outer whitespace kept outside; empty ones unwrapped.
fn wrap(content: &str, open: &str, close: &str) -> String {
    let core = content.trim();
    if core.is_empty() {
        return content.to_string();
    }
    let before = &content[..content.len() - content.trim_start().len()];
    let after = &content[content.trim_end().len()..];
    format!("{before}{open}{core}{close}{after}")
}

fn collapse_whitespace(text: &str, mut at_space: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() {
            if !at_space {
                out.push(' ');
            }
            at_space = true;
        } else if !c.is_control() {
            out.push(c);
            at_space = false;
        }
    }
    out
}

/// Byte range of the first bare `http(s)://` URL in `text`.
fn find_url(text: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(offset) = text.get(from..)?.find("http") {
        let start = from + offset;
        from = start + 4;
        let rest = &text[start..];
        let scheme = ["https://", "http://"].into_iter().find(|s| rest.starts_with(s));
        if scheme.is_none() || text[..start].ends_with(char::is_alphanumeric) {
            continue;
        }
        let len = rest.find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'));
        let url =
            rest[..len.unwrap_or(rest.len())].trim_end_matches(|c| ".,:;!?'\")]}*".contains(c));
        if url.len() > scheme.map_or(0, str::len) {
            return Some((start, start + url.len()));
        }
    }
    None
}

/// Appends `text` escaped so that Markdown shows every character literally.
fn escape_into(out: &mut String, text: &str) {
    for (at, c) in text.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => out.extend(['\\', c]),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' if looks_like_entity(&text[at + 1..]) => out.push_str("&amp;"),
            // rustdoc's smart punctuation would turn `--` into a dash.
            '-' if text[at + 1..].starts_with('-') => out.push_str("\\-"),
            _ => out.push(c),
        }
    }
}

fn looks_like_entity(after_amp: &str) -> bool {
    let name = after_amp.find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'));
    name.is_some_and(|len| len > 0 && after_amp[len..].starts_with(';'))
}

/// Escapes what would start a list, a heading underline or a thematic break.
fn escape_line_start(line: &str) -> String {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    match line.as_bytes().get(digits) {
        Some(b'-' | b'+' | b'=') if digits == 0 => format!("\\{line}"),
        Some(b'.' | b')') if digits > 0 => format!("{}\\{}", &line[..digits], &line[digits..]),
        _ => line.to_string(),
    }
}

/// A link destination: characters Markdown would end or unescape at are percent-encoded.
fn encode_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for (at, c) in url.char_indices() {
        match c {
            '&' if looks_like_entity(&url[at + 1..]) => out.push_str("&amp;"),
            '(' | ')' | '<' | '>' | '\\' | '`' | '[' | ']' | '"' => {
                out.push_str(&format!("%{:02X}", c as u32))
            }
            c if c.is_whitespace() || c.is_control() => {
                c.encode_utf8(&mut [0; 4]).bytes().for_each(|b| out.push_str(&format!("%{b:02X}")));
            }
            c => out.push(c),
        }
    }
    out
}

fn longest_run(text: &str, of: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        run = if c == of { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// A code block's lines: outer blank lines and common indentation removed, blank runs merged.
fn code_lines(raw: &str) -> Vec<String> {
    let raw = raw.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = raw.split('\n').map(str::trim_end).collect();
    let margin = |l: &&str| l.len() - l.trim_start_matches([' ', '\t']).len();
    let cut = lines.iter().filter(|l| !l.is_empty()).map(margin).min().unwrap_or(0);
    let mut out: Vec<String> = Vec::new();
    for line in lines {
        let line = line.get(cut..).unwrap_or_default();
        if !line.is_empty() || out.last().is_some_and(|l| !l.is_empty()) {
            out.push(line.to_string());
        }
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::html_to_markdown as md;

    #[track_caller]
    fn check(html: &str, expected: &[&str]) {
        assert_eq!(md(html), expected, "for {html:?}");
    }

    #[test]
    fn paragraphs() {
        check("<p>Creates a new fleet.</p>", &["Creates a new fleet."]);
        check("<p>A</p><p>B</p>", &["A", "", "B"]);
        check(" <p> a\n  b </p>\n <p></p> ", &["a b"]);
        check("", &[]);
        check(" \n\t ", &[]);
    }

    #[test]
    fn lists() {
        check(
            "<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>",
            &["- a", "  - b", "  - c", "- d"],
        );
        check("<ol><li>a</li><li>b<ol><li>c</li></ol></li></ol>", &["1. a", "2. b", "   1. c"]);
        check(
            "<p>Pick:</p><ul><li><p>a</p></li> <li><p>b</p></li></ul><p>End</p>",
            &["Pick:", "", "- a", "- b", "", "End"],
        );
        check("<ul><li><p>a</p><p>b</p></li><li>c</li></ul>", &["- a", "", "  b", "", "- c"]);
        check("<ul><li>a<li>b</ul>", &["- a", "- b"]);
        check("<ul><li><ul><li>x</li></ul></li><li></li></ul>", &["- - x"]);
    }

    #[test]
    fn emphasis() {
        check(
            "<p><b>x</b> <i>y</i> <strong>z</strong><em> </em> <b></b>w</p>",
            &["**x** *y* **z** w"],
        );
        check("<p>a<b> b </b>c</p>", &["a **b** c"]);
    }

    #[test]
    fn inline_code() {
        check("<p>Use <code>Fleet_1</code> now</p>", &["Use `Fleet_1` now"]);
        check("<code>a`b</code>", &["``a`b``"]);
        check("<code>`a</code>", &["`` `a ``"]);
        check("<code> </code>x", &["x"]);
    }

    #[test]
    fn code_blocks() {
        check(
            "<p>Run:</p><pre>\n  fn main() {\n      x\n\n\n  }\n</pre>",
            &["Run:", "", "```text", "fn main() {", "    x", "", "}", "```"],
        );
        check("<ul><li><code>a\nb</code></li></ul>", &["- ```text", "  a", "  b", "  ```"]);
    }

    #[test]
    fn links() {
        check(
            "<a href=\"https://x.com/a\">The <i>guide</i></a>",
            &["[The *guide*](https://x.com/a)"],
        );
        check("<a href=\"http://x.com/a (b)\">[x]</a>", &["[\\[x\\]](http://x.com/a%20%28b%29)"]);
        check("use <a>ListFleets</a> or <a href=\"../rel\">here</a>", &["use ListFleets or here"]);
        check("<a href='https://x.com'></a>", &["<https://x.com>"]);
        check("Wow!<a href=\"https://x.com\">y</a>", &["Wow\\![y](https://x.com)"]);
    }

    #[test]
    fn bare_urls() {
        check(
            "See https://x.com/a_b. Or http://, no.",
            &["See <https://x.com/a_b>. Or http://, no."],
        );
        check("(http://y.org/p)", &["(<http://y.org/p>)"]);
    }

    #[test]
    fn notes() {
        check("<p>A</p><note><p>B</p><p>C</p></note>", &["A", "", "**Note:** B", "", "C"]);
        check("<important>Careful</important>", &["**Important:** Careful"]);
        check("<note><ul><li>x</li></ul></note><note></note>", &["**Note:**", "", "- x"]);
    }

    #[test]
    fn definition_lists() {
        check(
            "<dl><dt>ON_DEMAND</dt><dd><p>Slow.</p></dd><dt>B</dt><dd>Fast</dd></dl>",
            &["**ON\\_DEMAND**", "", "Slow.", "", "**B**", "", "Fast"],
        );
    }

    #[test]
    fn breaks_headings_unknown_tags() {
        check("<p>a<br>b<br/>-c<br /></p>", &["a\\", "b\\", "\\-c"]);
        check("<h2>Title</h2><p>x</p>", &["**Title**", "", "x"]);
        check(
            "<fullname>Amazon AppStream</fullname> <div>a <span>b</span></div>",
            &["Amazon AppStream a b"],
        );
    }

    #[test]
    fn entities() {
        check(
            "a &amp; b &lt;p&gt; &quot;&apos;&#39;&nbsp;&#65;&#x42; &bogus; &#0; & ;",
            &["a & b &lt;p&gt; \"'' AB &amp;bogus; &amp;\\#0; & ;"],
        );
    }

    #[test]
    fn escapes() {
        check(
            "specify [LATEST] a_b*c #1 x|y ~z tt--com \\",
            &["specify \\[LATEST\\] a\\_b\\*c \\#1 x\\|y \\~z tt\\--com \\\\"],
        );
        check(
            "<p>- a</p><p>+ b</p><p>1. c</p><p>12) d</p><p>=</p>",
            &["\\- a", "", "\\+ b", "", "1\\. c", "", "12\\) d", "", "\\="],
        );
        check("<code>a_*[</code>", &["`a_*[`"]);
    }

    /// Output rules every input must keep; code spans, autolinks and code blocks are skipped.
    #[track_caller]
    fn assert_clean(html: &str) {
        let lines = md(html);
        let blank = |i: usize| lines.get(i).is_some_and(String::is_empty);
        assert!(!blank(0) && !blank(lines.len().wrapping_sub(1)), "{html:?} → {lines:?}");
        let mut fenced = false;
        for (i, line) in lines.iter().enumerate() {
            assert!(!line.contains('\n') && line.trim_end() == line, "{html:?} → {line:?}");
            assert!(!(blank(i) && blank(i + 1)), "{html:?} → {lines:?}");
            if without_markers(line).starts_with("```") {
                fenced = !fenced;
            } else if !fenced {
                assert_markdown_text(line);
            }
        }
    }

    fn without_markers(mut line: &str) -> &str {
        loop {
            line = line.trim_start();
            let digits = line.find(|c: char| !c.is_ascii_digit()).unwrap_or(line.len());
            match line
                .strip_prefix("- ")
                .or_else(|| line[digits..].strip_prefix(". ").filter(|_| digits > 0))
            {
                Some(rest) => line = rest,
                None => return line,
            }
        }
    }

    /// No raw HTML tag, and `[`/`]` only escaped or as `[text](http…)`.
    fn assert_markdown_text(line: &str) {
        let (mut rest, mut open) = (line, 0);
        while let Some(c) = rest.chars().next() {
            let mut skip = c.len_utf8();
            match c {
                '\\' => skip += rest[1..].chars().next().map_or(0, char::len_utf8),
                '`' => {
                    let run = rest.len() - rest.trim_start_matches('`').len();
                    let end = rest[run..].find(&rest[..run]);
                    skip = 2 * run + end.unwrap_or_else(|| panic!("open code span: {line}"));
                }
                '<' if rest.starts_with("<http") => skip = rest.find('>').map_or(1, |e| e + 1),
                '<' => assert!(
                    !rest[1..].starts_with(|c: char| c.is_alphabetic() || c == '/'),
                    "tag: {line}"
                ),
                '[' => open += 1,
                ']' => {
                    assert!(open > 0 && rest.starts_with("](http"), "bracket: {line}");
                    open -= 1;
                }
                _ => {}
            }
            rest = &rest[skip..];
        }
        assert_eq!(open, 0, "bracket: {line}");
    }

    #[test]
    fn malformed_input_never_panics() {
        for html in [
            "<",
            ">",
            "&",
            "</",
            "<p",
            "<p>",
            "</p>",
            "<a href=\"x",
            "<a href='https://a.b'>x",
            "<!-- x",
            "<!---->",
            "<![CDATA[x]]>",
            "<?xml?>",
            "&#xFFFFFFFF;",
            "&#55296;",
            "&#;",
            "&#x;",
            "&amp",
            "é<é>&é;",
            "<é>",
            "<p é>",
            "<code>",
            "<pre><code>x</pre>",
            "</code></pre></li></ul></a></b>",
            "<li>x",
            "<ol><li><li></ol>",
            "<a =x/>",
            "<a href>x</a>",
            "<br/><br/>",
            "<dt><p>x</p></dt>",
            "<b><p>x</p></b>",
            "日本語<b>語</b>",
            "<code>```</code>",
            "<a href=\"https://x\"><a href=\"https://y\">z</a></a>",
            "x\u{0}y\u{2028}z",
        ] {
            assert_clean(html);
        }
        for deep in
            ["<ul><li>x", "<ol><li><p>x", "<b>x", "<dl><dt>x", "<note>", "<a href='https://x.y'>x"]
        {
            assert_clean(&deep.repeat(20_000));
        }
    }

    #[test]
    fn fuzz() {
        const PIECES: &[&str] = &[
            "<p>",
            "</p>",
            "<ul>",
            "<ol>",
            "</ul>",
            "<li>",
            "</li>",
            "<code>",
            "</code>",
            "<pre>",
            "</pre>",
            "<b>",
            "</b>",
            "<i>",
            "</i>",
            "<note>",
            "</note>",
            "<dl>",
            "<dt>",
            "<dd>",
            "<br/>",
            "<a href=\"https://e.com/(x) y\">",
            "<a>",
            "</a>",
            "&amp;",
            "&#x41;",
            "&#99999999;",
            "&bogus;",
            "http://e.com/a",
            "é",
            "日",
            "\n",
            " ",
            "`",
            "[",
            "]",
            "*",
            "_",
            "\\",
            "-",
            "1.",
            "!",
            "<",
            ">",
            "/",
            "&",
            ";",
            "\"",
            "=",
            "#",
            "a",
            "p",
            "b",
            "c",
            "o",
            "d",
            "e",
            "l",
            "i",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % n
        };
        for _ in 0..4000 {
            let html: String = (0..next(40)).map(|_| PIECES[next(PIECES.len())]).collect();
            assert_clean(&html);
        }
    }

    #[test]
    fn real_models_render_cleanly() {
        fn walk(value: &serde_json::Value, docs: &mut Vec<String>) {
            match value {
                serde_json::Value::Object(map) => {
                    map.iter().for_each(|(key, value)| match (key.as_str(), value) {
                        ("documentation", serde_json::Value::String(doc)) => docs.push(doc.clone()),
                        _ => walk(value, docs),
                    })
                }
                serde_json::Value::Array(values) => {
                    values.iter().for_each(|value| walk(value, docs))
                }
                _ => {}
            }
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/models/");
        let mut docs = Vec::new();
        for file in ["appstream-2016-12-01.2017-06-05.json", "appstream-2016-12-01.latest.json"] {
            let text = std::fs::read_to_string(format!("{dir}{file}")).expect("model file");
            walk(&serde_json::from_str(&text).expect("model JSON"), &mut docs);
        }
        assert!(docs.len() > 1000, "found only {} docs", docs.len());
        docs.iter().for_each(|doc| assert_clean(doc));
    }
}
