//! Text shaping: whitespace collapsing, inline wrapping, backtick runs and code block lines.

/// `content` between `open` and `close`, its outer whitespace kept outside; empty ones unwrapped.
pub(super) fn wrap(content: &str, open: &str, close: &str) -> String {
    let core = content.trim();
    if core.is_empty() {
        return content.to_string();
    }
    let before = &content[..content.len() - content.trim_start().len()];
    let after = &content[content.trim_end().len()..];
    format!("{before}{open}{core}{close}{after}")
}

/// Whitespace runs as one space (dropped at the start if `at_space`), control characters dropped.
pub(super) fn collapse_whitespace(text: &str, mut at_space: bool) -> String {
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

/// `code` as an inline code span that shows it exactly, or `None` where it is empty or holds a
/// run of three backticks (a doc line starting with them would open a fenced block).
pub(super) fn code_span(code: &str) -> Option<String> {
    let ticks = longest_run(code, '`') + 1;
    if ticks >= 3 || code.is_empty() {
        return None;
    }
    let fence = "`".repeat(ticks);
    // A backtick next to the fence would lengthen it, and a span that starts and ends with a
    // space loses one of each: a space of padding keeps both.
    let spaced = code.starts_with(' ') && code.ends_with(' ') && !code.trim().is_empty();
    let pad = if code.starts_with('`') || code.ends_with('`') || spaced { " " } else { "" };
    Some(format!("{fence}{pad}{code}{pad}{fence}"))
}

/// The length of the longest run of `of` in `text`.
pub(super) fn longest_run(text: &str, of: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        run = if c == of { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// A code block's lines: outer blank lines and common indentation removed, blank runs merged.
pub(super) fn code_lines(raw: &str) -> Vec<String> {
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
