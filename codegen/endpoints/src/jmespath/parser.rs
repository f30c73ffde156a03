//! A Pratt parser, as JMESPath's reference implementation (jmespath.py) parses, over the
//! subset's tokens.

use super::lexer::{self, Token};
use super::{ContextPathError, Node};

/// Tokens binding at most this weakly end a projection's right-hand side.
const PROJECTION_STOP: u8 = 10;

fn binding_power(token: Option<&Token>) -> u8 {
    match token {
        Some(Token::Flatten) => 9,
        Some(Token::Star) => 20,
        Some(Token::Dot) => 40,
        Some(Token::LBracket) => 55,
        Some(Token::LParen) => 60,
        _ => 0,
    }
}

/// Far more than models use; it bounds the parser's and evaluator's recursion.
const MAX_TOKENS: usize = 256;

pub(super) fn parse(expression: &str) -> Result<Node, ContextPathError> {
    let tokens = lexer::tokens(expression)?;
    if let Some((_, at)) = tokens.get(MAX_TOKENS) {
        let message = format!("context paths are limited to {MAX_TOKENS} tokens");
        return Err(ContextPathError::new(expression, *at, message));
    }
    let mut parser = Parser { expression, tokens, next: 0 };
    let root = parser.expression(0)?;
    match parser.peek() {
        None => Ok(root),
        found => Err(parser.error(format!(
            "expected the end of the expression, found {}",
            Token::describe(found)
        ))),
    }
}

struct Parser<'a> {
    expression: &'a str,
    tokens: Vec<(Token, usize)>,
    next: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next).map(|(token, _)| token)
    }

    fn peek_second(&self) -> Option<&Token> {
        self.tokens.get(self.next + 1).map(|(token, _)| token)
    }

    /// The byte offset of the next token, or of the end.
    fn at(&self) -> usize {
        self.tokens.get(self.next).map_or(self.expression.len(), |(_, at)| *at)
    }

    /// An error at the next token.
    fn error(&self, message: impl Into<String>) -> ContextPathError {
        ContextPathError::new(self.expression, self.at(), message)
    }

    fn expect(&mut self, expected: &Token, what: &str) -> Result<(), ContextPathError> {
        if self.peek() == Some(expected) {
            self.next += 1;
            Ok(())
        } else {
            Err(self.error(format!("expected {what}, found {}", Token::describe(self.peek()))))
        }
    }

    fn expression(&mut self, right_binding: u8) -> Result<Node, ContextPathError> {
        let mut left = self.prefix()?;
        while right_binding < binding_power(self.peek()) {
            left = self.infix(left)?;
        }
        Ok(left)
    }

    /// What an expression starts with.
    fn prefix(&mut self) -> Result<Node, ContextPathError> {
        let at = self.at();
        match self.peek().cloned() {
            Some(Token::Identifier(name)) => {
                self.next += 1;
                if self.peek() == Some(&Token::LParen) {
                    self.function(&name, at)
                } else {
                    Ok(Node::Field(name))
                }
            }
            Some(Token::Quoted(name)) => {
                self.next += 1;
                if self.peek() == Some(&Token::LParen) {
                    return Err(self.error("a quoted identifier cannot name a function"));
                }
                Ok(Node::Field(name))
            }
            Some(Token::At) => {
                self.next += 1;
                Ok(Node::Current)
            }
            Some(Token::Star) => {
                self.next += 1;
                let right = self.projection_rhs(binding_power(Some(&Token::Star)))?;
                Ok(Node::ObjectProjection(Box::new(Node::Current), Box::new(right)))
            }
            Some(Token::Flatten) => {
                self.next += 1;
                let right = self.projection_rhs(binding_power(Some(&Token::Flatten)))?;
                Ok(Node::ListProjection(
                    Box::new(Node::Flatten(Box::new(Node::Current))),
                    Box::new(right),
                ))
            }
            Some(Token::LBracket) => {
                self.next += 1;
                let index_or_star = matches!(self.peek(), Some(Token::Number(_)))
                    || (self.peek() == Some(&Token::Star)
                        && self.peek_second() == Some(&Token::RBracket));
                if index_or_star { self.bracket(Node::Current) } else { self.multi_select_list() }
            }
            found => Err(self.error(format!(
                "expected an expression (an identifier, `@`, `*`, `[` or `keys(…)`), found {}",
                Token::describe(found.as_ref())
            ))),
        }
    }

    /// What continues `left`.
    fn infix(&mut self, left: Node) -> Result<Node, ContextPathError> {
        let found = self.peek().cloned();
        match found {
            Some(Token::Dot) => {
                self.next += 1;
                let power = binding_power(Some(&Token::Dot));
                if self.peek() == Some(&Token::Star) {
                    self.next += 1;
                    let right = self.projection_rhs(power)?;
                    return Ok(Node::ObjectProjection(Box::new(left), Box::new(right)));
                }
                let right = self.dot_rhs(power)?;
                Ok(Node::Subexpression(Box::new(left), Box::new(right)))
            }
            Some(Token::Flatten) => {
                self.next += 1;
                let right = self.projection_rhs(binding_power(Some(&Token::Flatten)))?;
                Ok(Node::ListProjection(Box::new(Node::Flatten(Box::new(left))), Box::new(right)))
            }
            Some(Token::LBracket) => {
                self.next += 1;
                self.bracket(left)
            }
            Some(Token::LParen) => Err(self.error("only an identifier can name a function")),
            found => Err(self.error(format!(
                "expected `.`, `[`, `[]` or the end, found {}",
                Token::describe(found.as_ref())
            ))),
        }
    }

    /// After `left[`: an index or `*]`.
    fn bracket(&mut self, left: Node) -> Result<Node, ContextPathError> {
        match self.peek() {
            Some(&Token::Number(index)) => {
                self.next += 1;
                self.expect(&Token::RBracket, "`]`")?;
                Ok(Node::Index(Box::new(left), index))
            }
            Some(Token::Star) => {
                self.next += 1;
                self.expect(&Token::RBracket, "`]`")?;
                let right = self.projection_rhs(binding_power(Some(&Token::Star)))?;
                Ok(Node::ListProjection(Box::new(left), Box::new(right)))
            }
            found => Err(self.error(format!(
                "expected an index or `*` after `[`, found {}",
                Token::describe(found)
            ))),
        }
    }

    /// What a projection applies to each element: nothing, or a chain of `.…` and `[…]`.
    fn projection_rhs(&mut self, power: u8) -> Result<Node, ContextPathError> {
        match self.peek() {
            token if binding_power(token) < PROJECTION_STOP => Ok(Node::Current),
            Some(Token::LBracket) => self.expression(power),
            Some(Token::Dot) => {
                self.next += 1;
                self.dot_rhs(power)
            }
            found => Err(self.error(format!(
                "expected `.`, `[`, `[]` or the end after a projection, found {}",
                Token::describe(found)
            ))),
        }
    }

    /// After `.`: an identifier (or `keys(…)`), or a multi-select list.
    fn dot_rhs(&mut self, power: u8) -> Result<Node, ContextPathError> {
        match self.peek() {
            Some(Token::Identifier(_) | Token::Quoted(_)) => self.expression(power),
            Some(Token::LBracket) => {
                self.next += 1;
                self.multi_select_list()
            }
            found => Err(self.error(format!(
                "expected an identifier, `*` or `[` after `.`, found {}",
                Token::describe(found)
            ))),
        }
    }

    /// After `[`: `a, b]`.
    fn multi_select_list(&mut self) -> Result<Node, ContextPathError> {
        let mut items = Vec::new();
        loop {
            items.push(self.expression(0)?);
            match self.peek() {
                Some(Token::Comma) => self.next += 1,
                Some(Token::RBracket) => {
                    self.next += 1;
                    return Ok(Node::MultiSelectList(items));
                }
                found => {
                    return Err(self
                        .error(format!("expected `,` or `]`, found {}", Token::describe(found))));
                }
            }
        }
    }

    /// `name(…)`, at `(`; `name` starts at byte `at`.
    fn function(&mut self, name: &str, at: usize) -> Result<Node, ContextPathError> {
        if name != "keys" {
            let message = format!(
                "the JMESPath function `{name}` is not supported in context paths (only `keys` is)"
            );
            return Err(ContextPathError::new(self.expression, at, message));
        }
        self.next += 1;
        let mut arguments = Vec::new();
        if self.peek() == Some(&Token::RParen) {
            self.next += 1;
        } else {
            loop {
                arguments.push(self.expression(0)?);
                match self.peek() {
                    Some(Token::Comma) => self.next += 1,
                    Some(Token::RParen) => {
                        self.next += 1;
                        break;
                    }
                    found => {
                        return Err(self.error(format!(
                            "expected `,` or `)`, found {}",
                            Token::describe(found)
                        )));
                    }
                }
            }
        }
        match <[Node; 1]>::try_from(arguments) {
            Ok([argument]) => Ok(Node::Keys(Box::new(argument))),
            Err(arguments) => Err(ContextPathError::new(
                self.expression,
                at,
                format!("`keys` takes one argument, not {}", arguments.len()),
            )),
        }
    }
}
