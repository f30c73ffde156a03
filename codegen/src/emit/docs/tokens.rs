//! The HTML tokenizer: tags (name, `href`, self-closing) and entity-decoded text.

pub(super) enum Token {
    Open { name: String, href: Option<String>, closed: bool },
    Close(String),
    Text(String),
}

pub(super) fn tokenize(html: &str) -> Vec<Token> {
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
