//! A Pratt parser with jmespath.py's binding powers, which decide how projections nest.

use super::ast::{Node, ProjectionKind};
use super::lexer::{self, Spanned, Token};
use super::{MAX_DEPTH, ParseError};

use super::power::{
    AND, BRACE, BRACKET, COMPARE, DOT, FILTER, FLATTEN, NOT, OR, PAREN, PIPE, PROJECTION_STOP, STAR,
};

/// How strongly a token binds to the expression before it.
fn binding_power(token: &Token) -> u8 {
    match token {
        Token::Pipe => PIPE,
        Token::Or => OR,
        Token::And => AND,
        Token::Compare(_) => COMPARE,
        Token::Flatten => FLATTEN,
        Token::Star => STAR,
        Token::Filter => FILTER,
        Token::Dot => DOT,
        Token::Not => NOT,
        Token::LBrace => BRACE,
        Token::LBracket => BRACKET,
        Token::LParen => PAREN,
        _ => 0,
    }
}

pub(super) fn parse(source: &str) -> Result<Node, ParseError> {
    let tokens = lexer::tokens(source)?;
    let mut parser = Parser { source, tokens, next: 0, depth: 0 };
    let root = parser.expression(0)?;
    match parser.peek() {
        Token::Eof => Ok(root),
        _ => Err(parser.expected("the end of the expression")),
    }
}

struct Parser<'a> {
    source: &'a str,
    /// Ends with `Eof`.
    tokens: Vec<Spanned>,
    next: usize,
    /// Nested calls of `expression`.
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> &Token {
        self.peek_at(0)
    }

    fn peek_at(&self, ahead: usize) -> &Token {
        self.tokens.get(self.next + ahead).map_or(&Token::Eof, |spanned| &spanned.token)
    }

    /// The next token, consumed; `Eof` stays.
    fn advance(&mut self) -> Token {
        let token = self.peek().clone();
        if token != Token::Eof {
            self.next += 1;
        }
        token
    }

    /// The byte offset of the next token.
    fn at(&self) -> usize {
        self.tokens.get(self.next).map_or(self.source.len(), |spanned| spanned.start)
    }

    fn error(&self, message: impl Into<String>) -> ParseError {
        ParseError::new(self.source, self.at(), message)
    }

    /// "expected {what}, found {the next token}".
    fn expected(&self, what: &str) -> ParseError {
        self.error(format!("expected {what}, found {}", self.found()))
    }

    /// How messages name the next token: its text.
    fn found(&self) -> String {
        match self.tokens.get(self.next) {
            Some(Spanned { token: Token::Eof, .. }) | None => "the end of the expression".into(),
            Some(spanned) => {
                let text = self.source.get(spanned.start..spanned.end).unwrap_or_default();
                format!("`{text}`")
            }
        }
    }

    fn expect(&mut self, token: &Token, shown: &str) -> Result<(), ParseError> {
        if self.peek() == token {
            self.advance();
            Ok(())
        } else {
            Err(self.expected(shown))
        }
    }

    /// An expression whose operators bind more than `right_binding`.
    fn expression(&mut self, right_binding: u8) -> Result<Node, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        let mut left = self.prefix()?;
        self.check_depth(&left)?;
        while right_binding < binding_power(self.peek()) {
            left = self.infix(left)?;
            self.check_depth(&left)?;
        }
        self.depth -= 1;
        Ok(left)
    }

    fn check_depth(&self, node: &Node) -> Result<(), ParseError> {
        if node.depth() > MAX_DEPTH { Err(self.too_deep()) } else { Ok(()) }
    }

    fn too_deep(&self) -> ParseError {
        self.error(format!("the expression nests deeper than {MAX_DEPTH} levels"))
    }

    /// What an expression starts with (Pratt's "nud").
    fn prefix(&mut self) -> Result<Node, ParseError> {
        if matches!(self.peek(), Token::Eof) {
            return Err(self.expected("an expression"));
        }
        let start = self.at();
        let found = self.found();
        match self.advance() {
            Token::Literal(value) => Ok(Node::Literal(value)),
            Token::Identifier(name) => Ok(Node::Field(name)),
            Token::Quoted(name) => {
                if self.peek() == &Token::LParen {
                    return Err(self.error("a quoted identifier cannot name a function"));
                }
                Ok(Node::Field(name))
            }
            Token::At => Ok(Node::Current),
            Token::Star => {
                let rhs = self.projection_rhs(STAR)?;
                Ok(projection(ProjectionKind::Values, Node::Current, rhs))
            }
            Token::Flatten => {
                let rhs = self.projection_rhs(FLATTEN)?;
                Ok(projection(ProjectionKind::Flatten, Node::Current, rhs))
            }
            Token::Filter => self.filter(Node::Current),
            Token::LBracket => match (self.peek(), self.peek_at(1)) {
                (Token::Number(_) | Token::Colon, _) => self.index_or_slice(Node::Current),
                (Token::Star, Token::RBracket) => {
                    self.next += 2;
                    let rhs = self.projection_rhs(STAR)?;
                    Ok(projection(ProjectionKind::List, Node::Current, rhs))
                }
                _ => self.multi_list(),
            },
            Token::LBrace => self.multi_hash(),
            Token::LParen => {
                let inner = self.expression(0)?;
                self.expect(&Token::RParen, "`)`")?;
                Ok(inner)
            }
            Token::Not => Ok(Node::Not(Box::new(self.expression(NOT)?))),
            Token::Ampersand => Ok(Node::ExpressionRef(Box::new(self.expression(0)?))),
            _ => Err(ParseError::new(
                self.source,
                start,
                format!("expected an expression, found {found}"),
            )),
        }
    }

    /// What continues `left` (Pratt's "led"), at a token binding more than 0.
    fn infix(&mut self, left: Node) -> Result<Node, ParseError> {
        let start = self.at();
        let found = self.found();
        match self.advance() {
            Token::Dot => {
                if self.peek() == &Token::Star {
                    self.advance();
                    let rhs = self.projection_rhs(DOT)?;
                    return Ok(projection(ProjectionKind::Values, left, rhs));
                }
                let right = self.dot_rhs(DOT)?;
                Ok(Node::Subexpr(Box::new(left), Box::new(right)))
            }
            Token::Pipe => Ok(Node::Pipe(Box::new(left), Box::new(self.expression(PIPE)?))),
            Token::Or => Ok(Node::Or(Box::new(left), Box::new(self.expression(OR)?))),
            Token::And => Ok(Node::And(Box::new(left), Box::new(self.expression(AND)?))),
            Token::Compare(comparator) => {
                let right = self.expression(COMPARE)?;
                Ok(Node::Compare(comparator, Box::new(left), Box::new(right)))
            }
            Token::Flatten => {
                let rhs = self.projection_rhs(FLATTEN)?;
                Ok(projection(ProjectionKind::Flatten, left, rhs))
            }
            Token::Filter => self.filter(left),
            Token::LBracket => match (self.peek(), self.peek_at(1)) {
                (Token::Number(_) | Token::Colon, _) => self.index_or_slice(left),
                (Token::Star, Token::RBracket) => {
                    self.next += 2;
                    let rhs = self.projection_rhs(STAR)?;
                    Ok(projection(ProjectionKind::List, left, rhs))
                }
                (Token::Star, _) => {
                    self.advance();
                    Err(self.expected("`]`"))
                }
                _ => Err(self.expected("an index, a slice or `*` after `[`")),
            },
            Token::LParen => self.function(left, start),
            _ => Err(ParseError::new(
                self.source,
                start,
                format!("unexpected {found} after an expression"),
            )),
        }
    }

    /// After `[?`: `condition]` and what the filter projects.
    fn filter(&mut self, left: Node) -> Result<Node, ParseError> {
        let condition = self.expression(0)?;
        self.expect(&Token::RBracket, "`]`")?;
        let rhs = self.projection_rhs(FILTER)?;
        Ok(projection(ProjectionKind::Filter(Box::new(condition)), left, rhs))
    }

    /// After `[`, at a number or `:`: `n]`, or a slice, which projects.
    fn index_or_slice(&mut self, left: Node) -> Result<Node, ParseError> {
        if let (&Token::Number(index), false) = (self.peek(), self.peek_at(1) == &Token::Colon) {
            self.advance();
            self.expect(&Token::RBracket, "`]`")?;
            return Ok(Node::Index(Box::new(left), index));
        }
        let mut parts = [None; 3];
        let mut part = 0;
        let mut step_at = self.at();
        loop {
            match self.peek() {
                Token::RBracket => break,
                Token::Colon if part < 2 => {
                    part += 1;
                    self.advance();
                    step_at = self.at();
                }
                &Token::Number(number) if parts.get(part) == Some(&None) => {
                    if let Some(slot) = parts.get_mut(part) {
                        *slot = Some(number);
                    }
                    self.advance();
                }
                Token::Number(_) => return Err(self.expected("`:` or `]`")),
                _ if part < 2 => return Err(self.expected("a number, `:` or `]` in a slice")),
                _ => return Err(self.expected("a number or `]` in a slice")),
            }
        }
        self.advance();
        let [start, stop, step] = parts;
        if step == Some(0) {
            return Err(ParseError::new(self.source, step_at, "a slice's step cannot be 0"));
        }
        let slice = Node::Slice { of: Box::new(left), start, stop, step };
        let rhs = self.projection_rhs(STAR)?;
        Ok(projection(ProjectionKind::List, slice, rhs))
    }

    /// What a projection evaluates on each element: nothing when the next token ends it, else
    /// `[…]`, `[?…]` or `.…`, parsed binding more than `power`.
    fn projection_rhs(&mut self, power: u8) -> Result<Node, ParseError> {
        match self.peek() {
            token if binding_power(token) < PROJECTION_STOP => Ok(Node::Current),
            Token::LBracket | Token::Filter => self.expression(power),
            Token::Dot => {
                self.advance();
                self.dot_rhs(power)
            }
            _ => Err(self.expected("`.`, `[` or `[?` after a projection")),
        }
    }

    /// After `.`: an identifier or `*` starting an expression binding more than `power`, or a
    /// multi-select, which ends there.
    fn dot_rhs(&mut self, power: u8) -> Result<Node, ParseError> {
        match self.peek() {
            Token::Identifier(_) | Token::Quoted(_) | Token::Star => self.expression(power),
            Token::LBracket => {
                self.advance();
                self.multi_list()
            }
            Token::LBrace => {
                self.advance();
                self.multi_hash()
            }
            _ => Err(self.expected("an identifier, `*`, `[` or `{` after `.`")),
        }
    }

    /// After `[`: `a, b]`.
    fn multi_list(&mut self) -> Result<Node, ParseError> {
        let mut items = Vec::new();
        loop {
            items.push(self.expression(0)?);
            match self.peek() {
                Token::Comma => self.next += 1,
                Token::RBracket => {
                    self.next += 1;
                    return Ok(Node::MultiList(items));
                }
                _ => return Err(self.expected("`,` or `]`")),
            }
        }
    }

    /// After `{`: `key: a, other: b}`.
    fn multi_hash(&mut self) -> Result<Node, ParseError> {
        let mut pairs = Vec::new();
        loop {
            let key = match self.peek() {
                Token::Identifier(key) | Token::Quoted(key) => key.clone(),
                _ => return Err(self.expected("a key (an identifier) in `{…}`")),
            };
            self.advance();
            self.expect(&Token::Colon, "`:`")?;
            pairs.push((key, self.expression(0)?));
            match self.peek() {
                Token::Comma => self.next += 1,
                Token::RBrace => {
                    self.next += 1;
                    return Ok(Node::MultiHash(pairs));
                }
                _ => return Err(self.expected("`,` or `}`")),
            }
        }
    }

    /// After `name(`, where `(` is at `open`: the arguments and `)`.
    fn function(&mut self, left: Node, open: usize) -> Result<Node, ParseError> {
        // The name is the token just before `(`, unquoted: not `"name"(` nor `(name)(`.
        let named = self.next.checked_sub(2).and_then(|name| self.tokens.get(name));
        let name = match (left, named) {
            (Node::Field(name), Some(Spanned { token: Token::Identifier(_), .. })) => name,
            _ => return Err(ParseError::new(self.source, open, "only a name can call a function")),
        };
        let mut arguments = Vec::new();
        if self.peek() == &Token::RParen {
            self.advance();
            return Ok(Node::Function(name, arguments));
        }
        loop {
            arguments.push(self.expression(0)?);
            match self.peek() {
                Token::Comma => self.next += 1,
                Token::RParen => {
                    self.next += 1;
                    return Ok(Node::Function(name, arguments));
                }
                _ => return Err(self.expected("`,` or `)`")),
            }
        }
    }
}

fn projection(kind: ProjectionKind, source: Node, rhs: Node) -> Node {
    Node::Projection { kind, source: Box::new(source), rhs: Box::new(rhs) }
}
