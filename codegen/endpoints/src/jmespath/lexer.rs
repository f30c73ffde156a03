//! Tokens of the supported JMESPath subset; what JMESPath has but the subset lacks is refused
//! here, by name.

use super::ContextPathError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token {
    Identifier(String),
    Quoted(String),
    Number(i64),
    Dot,
    Star,
    At,
    Comma,
    LBracket,
    RBracket,
    /// `[]`.
    Flatten,
    LParen,
    RParen,
}

impl Token {
    /// How an error message names it.
    pub(super) fn describe(token: Option<&Token>) -> String {
        let symbol = match token {
            None => return "the end of the expression".to_owned(),
            Some(Token::Identifier(name)) => return format!("identifier `{name}`"),
            Some(Token::Quoted(name)) => return format!("quoted identifier `{name:?}`"),
            Some(Token::Number(number)) => return format!("number `{number}`"),
            Some(Token::Dot) => ".",
            Some(Token::Star) => "*",
            Some(Token::At) => "@",
            Some(Token::Comma) => ",",
            Some(Token::LBracket) => "[",
            Some(Token::RBracket) => "]",
            Some(Token::Flatten) => "[]",
            Some(Token::LParen) => "(",
            Some(Token::RParen) => ")",
        };
        format!("`{symbol}`")
    }
}

/// The tokens with their byte offsets.
pub(super) fn tokens(expression: &str) -> Result<Vec<(Token, usize)>, ContextPathError> {
    let bytes = expression.as_bytes();
    let mut tokens = Vec::new();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        let next = bytes.get(at + 1).copied();
        let (token, length) = match byte {
            b' ' | b'\t' | b'\n' | b'\r' => {
                at += 1;
                continue;
            }
            b'.' => (Token::Dot, 1),
            b'*' => (Token::Star, 1),
            b'@' => (Token::At, 1),
            b',' => (Token::Comma, 1),
            b']' => (Token::RBracket, 1),
            b'(' => (Token::LParen, 1),
            b')' => (Token::RParen, 1),
            b'[' if next == Some(b']') => (Token::Flatten, 2),
            b'[' if next == Some(b'?') => {
                return Err(unsupported(expression, at, "filter expressions (`[?…]`)"));
            }
            b'[' => (Token::LBracket, 1),
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let length = identifier_length(bytes.get(at..).unwrap_or_default());
                let name = expression.get(at..at + length).unwrap_or_default();
                (Token::Identifier(name.to_owned()), length)
            }
            b'"' => quoted(expression, at)?,
            b'-' | b'0'..=b'9' => number(expression, at)?,
            _ => return Err(refused(expression, at, byte, next)),
        };
        tokens.push((token, at));
        at += length;
    }
    Ok(tokens)
}

/// `[A-Za-z0-9_]*` from the start.
fn identifier_length(rest: &[u8]) -> usize {
    rest.iter().take_while(|byte| byte.is_ascii_alphanumeric() || **byte == b'_').count()
}

/// A `"quoted identifier"`: a JSON string.
fn quoted(expression: &str, at: usize) -> Result<(Token, usize), ContextPathError> {
    let bytes = expression.as_bytes();
    let mut end = at + 1;
    loop {
        match bytes.get(end) {
            None => {
                return Err(ContextPathError::new(
                    expression,
                    at,
                    "unterminated quoted identifier",
                ));
            }
            Some(b'\\') => end += 2,
            Some(b'"') => break,
            Some(_) => end += 1,
        }
    }
    let text = expression.get(at..=end).unwrap_or_default();
    let name: String = serde_json::from_str(text).map_err(|error| {
        ContextPathError::new(expression, at, format!("invalid quoted identifier: {error}"))
    })?;
    Ok((Token::Quoted(name), end + 1 - at))
}

/// `-?[0-9]+`.
fn number(expression: &str, at: usize) -> Result<(Token, usize), ContextPathError> {
    let rest = expression.as_bytes().get(at..).unwrap_or_default();
    let sign = usize::from(rest.first() == Some(&b'-'));
    let digits = rest.iter().skip(sign).take_while(|byte| byte.is_ascii_digit()).count();
    if digits == 0 {
        return Err(ContextPathError::new(expression, at, "expected a digit after `-`"));
    }
    let text = expression.get(at..at + sign + digits).unwrap_or_default();
    let number = text.parse().map_err(|_| {
        ContextPathError::new(expression, at, format!("the number `{text}` is out of range"))
    })?;
    Ok((Token::Number(number), sign + digits))
}

/// Why the character at `at` starts no token of the subset.
fn refused(expression: &str, at: usize, byte: u8, next: Option<u8>) -> ContextPathError {
    let construct = match (byte, next) {
        (b'|', Some(b'|')) => "or-expressions (`||`)",
        (b'|', _) => "pipe expressions (`|`)",
        (b'&', Some(b'&')) => "and-expressions (`&&`)",
        (b'&', _) => "expression references (`&`)",
        (b'!', Some(b'=')) | (b'=', Some(b'=')) | (b'<' | b'>', _) => "comparisons",
        (b'!', _) => "not-expressions (`!`)",
        (b'`', _) => "JSON literals (`` `…` ``)",
        (b'\'', _) => "raw string literals (`'…'`)",
        (b'{' | b'}', _) => "multi-select hashes (`{…}`)",
        (b':', _) => "slices (`[start:stop:step]`)",
        _ => {
            let character = expression.get(at..).and_then(|rest| rest.chars().next());
            let shown = character.map_or_else(|| format!("{byte:#04x}"), |c| format!("{c:?}"));
            return ContextPathError::new(expression, at, format!("unexpected character {shown}"));
        }
    };
    unsupported(expression, at, construct)
}

fn unsupported(expression: &str, at: usize, construct: &str) -> ContextPathError {
    ContextPathError::new(
        expression,
        at,
        format!("JMESPath {construct} are not supported in context paths"),
    )
}
