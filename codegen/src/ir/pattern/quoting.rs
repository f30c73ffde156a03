//! `\Q…\E`: Java rewrites quoted text into escaped characters before it parses a pattern
//! (`Pattern.RemoveQEQuoting`), inside classes as well; so does this.

/// The pattern's characters with every `\Q…\E` (or `\Q` to the end) written as escapes.
pub(super) fn remove_quoting(pattern: &str) -> Vec<char> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut index = 0;
    while index < chars.len() {
        match (chars[index], chars.get(index + 1)) {
            ('\\', Some('Q')) => index = quote(&chars, index + 2, &mut out),
            ('\\', Some(&escaped)) => {
                out.extend(['\\', escaped]);
                index += 2;
            }
            (c, _) => {
                out.push(c);
                index += 1;
            }
        }
    }
    out
}

/// The quoted text from `start`, escaped into `out`; where the text after `\E` starts.
fn quote(chars: &[char], start: usize, out: &mut Vec<char>) -> usize {
    let mut index = start;
    while index < chars.len() {
        let c = chars[index];
        index += 1;
        match c {
            '\\' if chars.get(index) == Some(&'E') => return index + 1,
            // A digit right after `\Q` could join an escape before it (`\0\Q1`), so Java writes
            // it as a hex escape.
            '0'..='9' if index == start + 1 => out.extend(['\\', 'x', '3', c]),
            c if !c.is_ascii() || c.is_ascii_alphanumeric() => out.push(c),
            c => out.extend(['\\', c]),
        }
    }
    index
}
