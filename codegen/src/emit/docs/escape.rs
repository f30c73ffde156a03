//! Markdown escaping: text shown literally, line starts, bare URLs and link destinations.

/// Byte range of the first bare `http(s)://` URL in `text`.
pub(super) fn find_url(text: &str) -> Option<(usize, usize)> {
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
pub(super) fn escape_into(out: &mut String, text: &str) {
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

/// Whether `&` followed by `after_amp` would read as an entity or character reference.
fn looks_like_entity(after_amp: &str) -> bool {
    let name = after_amp.find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'));
    name.is_some_and(|len| len > 0 && after_amp[len..].starts_with(';'))
}

/// Escapes what would start a list, a heading underline or a thematic break.
pub(super) fn escape_line_start(line: &str) -> String {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    match line.as_bytes().get(digits) {
        Some(b'-' | b'+' | b'=') if digits == 0 => format!("\\{line}"),
        Some(b'.' | b')') if digits > 0 => format!("{}\\{}", &line[..digits], &line[digits..]),
        _ => line.to_string(),
    }
}

/// A link destination: characters Markdown would end or unescape at are percent-encoded.
pub(super) fn encode_url(url: &str) -> String {
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
