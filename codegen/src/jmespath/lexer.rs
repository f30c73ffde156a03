//! Tokens, with their byte spans.

use super::ParseError;
use super::ast::Comparator;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token {
    Identifier(String),
    Quoted(String),
    Number(i64),
    /// A `` `json` `` literal or a `'raw string'`.
    Literal(serde_json::Value),
    Dot,
    Star,
    At,
    Comma,
    Colon,
    LBracket,
    RBracket,
    /// `[]`.
    Flatten,
    /// `[?`.
    Filter,
    LBrace,
    RBrace,
    LParen,
    RParen,
    Pipe,
    Or,
    And,
    /// `&`: an expression reference.
    Ampersand,
    Not,
    Compare(Comparator),
    Eof,
}

/// A token and where it is: `source[start..end]`.
#[derive(Debug, Clone)]
pub(super) struct Spanned {
    pub token: Token,
    pub start: usize,
    pub end: usize,
}

/// The tokens of `source`, ending with `Eof`.
pub(super) fn tokens(source: &str) -> Result<Vec<Spanned>, ParseError> {
    let bytes = source.as_bytes();
    let mut tokens = Vec::new();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let next = bytes.get(at + 1).copied();
        let (token, length) = match (byte, next) {
            (b' ' | b'\t' | b'\n' | b'\r', _) => {
                at += 1;
                continue;
            }
            (b'.', _) => (Token::Dot, 1),
            (b'*', _) => (Token::Star, 1),
            (b'@', _) => (Token::At, 1),
            (b',', _) => (Token::Comma, 1),
            (b':', _) => (Token::Colon, 1),
            (b']', _) => (Token::RBracket, 1),
            (b'{', _) => (Token::LBrace, 1),
            (b'}', _) => (Token::RBrace, 1),
            (b'(', _) => (Token::LParen, 1),
            (b')', _) => (Token::RParen, 1),
            (b'[', Some(b']')) => (Token::Flatten, 2),
            (b'[', Some(b'?')) => (Token::Filter, 2),
            (b'[', _) => (Token::LBracket, 1),
            (b'|', Some(b'|')) => (Token::Or, 2),
            (b'|', _) => (Token::Pipe, 1),
            (b'&', Some(b'&')) => (Token::And, 2),
            (b'&', _) => (Token::Ampersand, 1),
            (b'!', Some(b'=')) => (Token::Compare(Comparator::Ne), 2),
            (b'!', _) => (Token::Not, 1),
            (b'=', Some(b'=')) => (Token::Compare(Comparator::Eq), 2),
            (b'=', _) => return Err(ParseError::new(source, at, "expected `==`, found `=`")),
            (b'<', Some(b'=')) => (Token::Compare(Comparator::Le), 2),
            (b'<', _) => (Token::Compare(Comparator::Lt), 1),
            (b'>', Some(b'=')) => (Token::Compare(Comparator::Ge), 2),
            (b'>', _) => (Token::Compare(Comparator::Gt), 1),
            (b'a'..=b'z' | b'A'..=b'Z' | b'_', _) => {
                let length = bytes
                    .get(at..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|byte| byte.is_ascii_alphanumeric() || **byte == b'_')
                    .count();
                let name = source.get(at..at + length).unwrap_or_default();
                (Token::Identifier(name.to_owned()), length)
            }
            (b'-' | b'0'..=b'9', _) => number(source, at)?,
            (b'"', _) => quoted(source, at)?,
            (b'`', _) => json_literal(source, at)?,
            (b'\'', _) => raw_string(source, at)?,
            _ => {
                let character = source.get(at..).and_then(|rest| rest.chars().next());
                let shown = character.map_or_else(|| format!("{byte:#04x}"), |c| format!("{c:?}"));
                return Err(ParseError::new(source, at, format!("unexpected character {shown}")));
            }
        };
        tokens.push(Spanned { token, start: at, end: at + length });
        at += length;
    }
    tokens.push(Spanned { token: Token::Eof, start: source.len(), end: source.len() });
    Ok(tokens)
}

/// `-?[0-9]+`.
fn number(source: &str, at: usize) -> Result<(Token, usize), ParseError> {
    let rest = source.as_bytes().get(at..).unwrap_or_default();
    let sign = usize::from(rest.first() == Some(&b'-'));
    let digits = rest.iter().skip(sign).take_while(|byte| byte.is_ascii_digit()).count();
    if digits == 0 {
        return Err(ParseError::new(source, at, "expected a digit after `-`"));
    }
    let text = source.get(at..at + sign + digits).unwrap_or_default();
    let number = text
        .parse()
        .map_err(|_| ParseError::new(source, at, format!("the number `{text}` is out of range")))?;
    Ok((Token::Number(number), sign + digits))
}

/// The text between `delimiter` at `at` and the next one not after a backslash, and the
/// length with both delimiters. A backslash keeps the character after it in the text.
fn delimited<'a>(
    source: &'a str,
    at: usize,
    delimiter: u8,
    what: &str,
) -> Result<(&'a str, usize), ParseError> {
    let bytes = source.as_bytes();
    let mut end = at + 1;
    loop {
        match bytes.get(end) {
            None => return Err(ParseError::new(source, at, format!("unterminated {what}"))),
            Some(b'\\') => end += 2,
            Some(&byte) if byte == delimiter => break,
            Some(_) => end += 1,
        }
    }
    // The delimiters are ASCII, so both ends are on character boundaries.
    Ok((source.get(at + 1..end).unwrap_or_default(), end + 1 - at))
}

/// `"name"`: a JSON string.
fn quoted(source: &str, at: usize) -> Result<(Token, usize), ParseError> {
    let (text, length) = delimited(source, at, b'"', "quoted identifier")?;
    let name = serde_json::from_str(&format!("\"{text}\"")).map_err(|error| {
        let message = format!("invalid quoted identifier: {}", without_position(&error));
        ParseError::new(source, at, message)
    })?;
    Ok((Token::Quoted(name), length))
}

/// `` `json` ``, where `` \` `` stands for a backtick.
fn json_literal(source: &str, at: usize) -> Result<(Token, usize), ParseError> {
    let (text, length) = delimited(source, at, b'`', "JSON literal")?;
    let value = serde_json::from_str(&unescape(text, '`')).map_err(|error| {
        let message = format!("invalid JSON literal: {}", without_position(&error));
        ParseError::new(source, at, message)
    })?;
    Ok((Token::Literal(value), length))
}

/// `'text'`, where `\'` stands for a quote and any other backslash is itself.
fn raw_string(source: &str, at: usize) -> Result<(Token, usize), ParseError> {
    let (text, length) = delimited(source, at, b'\'', "raw string literal")?;
    Ok((Token::Literal(serde_json::Value::String(unescape(text, '\''))), length))
}

/// `text` with `\delimiter` replaced by `delimiter`; other backslash pairs stay as they are.
fn unescape(text: &str, delimiter: char) -> String {
    let mut unescaped = String::with_capacity(text.len());
    let mut characters = text.chars();
    while let Some(character) = characters.next() {
        if character != '\\' {
            unescaped.push(character);
            continue;
        }
        match characters.next() {
            Some(next) if next == delimiter => unescaped.push(next),
            Some(next) => {
                unescaped.push('\\');
                unescaped.push(next);
            }
            None => unescaped.push('\\'),
        }
    }
    unescaped
}

/// serde_json's message without its "at line 1 column 5": the error has its own offset.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rsplit_once(" at line ") {
        Some((message, _)) => message.to_owned(),
        None => message,
    }
}
