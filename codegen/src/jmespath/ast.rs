//! The syntax tree.

/// A node of the syntax tree; `Display` writes it back as JMESPath.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `@`: the value itself.
    Current,
    /// `foo`, `"quoted"`: an object's member.
    Field(String),
    /// `a.b`: the right side evaluated on the left side's value.
    Subexpr(Box<Node>, Box<Node>),
    /// `a[0]`, `a[-1]` (from the end).
    Index(Box<Node>, i64),
    /// `a[start:stop:step]`: the parser wraps it in a list projection, as slices project.
    Slice { of: Box<Node>, start: Option<i64>, stop: Option<i64>, step: Option<i64> },
    /// A projection: `source` gives a list (or, for `Values`, an object's values); `rhs` is
    /// evaluated on each element and null results are dropped; `rhs` is `Current` when nothing
    /// follows.
    Projection { kind: ProjectionKind, source: Box<Node>, rhs: Box<Node> },
    /// `a == b` and the other comparisons.
    Compare(Comparator, Box<Node>, Box<Node>),
    /// `a && b`.
    And(Box<Node>, Box<Node>),
    /// `a || b`.
    Or(Box<Node>, Box<Node>),
    /// `!a`.
    Not(Box<Node>),
    /// `` `json` `` literals and `'raw strings'`.
    Literal(serde_json::Value),
    /// `name(arguments…)`: any name; arity and types are the checker's.
    Function(String, Vec<Node>),
    /// `a | b`: the right side evaluated on the left side's value, ending projections.
    Pipe(Box<Node>, Box<Node>),
    /// `[a, b]`.
    MultiList(Vec<Node>),
    /// `{key: a, other: b}`.
    MultiHash(Vec<(String, Node)>),
    /// `&expr`: an expression passed unevaluated to a function.
    ExpressionRef(Box<Node>),
}

/// What a projection projects over.
#[derive(Debug, Clone, PartialEq)]
pub enum ProjectionKind {
    /// `[*]`: the source list's elements.
    List,
    /// `[]`: the source is flattened one level first.
    Flatten,
    /// `[?condition]`: the source list's elements for which the condition is truthy.
    Filter(Box<Node>),
    /// `*`: the source object's values.
    Values,
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Comparator {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Eq => "==",
            Comparator::Ne => "!=",
            Comparator::Lt => "<",
            Comparator::Le => "<=",
            Comparator::Gt => ">",
            Comparator::Ge => ">=",
        }
    }
}

impl Node {
    /// The nesting depth: 1 for a leaf. Recursive, so called on trees the parser has bounded.
    pub(super) fn depth(&self) -> usize {
        let children = match self {
            Node::Current | Node::Field(_) | Node::Literal(_) => return 1,
            Node::Index(of, _) | Node::Slice { of, .. } | Node::Not(of) => vec![of.as_ref()],
            Node::ExpressionRef(of) => vec![of.as_ref()],
            Node::Subexpr(left, right)
            | Node::Compare(_, left, right)
            | Node::And(left, right)
            | Node::Or(left, right)
            | Node::Pipe(left, right) => vec![left.as_ref(), right.as_ref()],
            Node::Projection { kind, source, rhs } => match kind {
                ProjectionKind::Filter(condition) => {
                    vec![source.as_ref(), rhs.as_ref(), condition.as_ref()]
                }
                _ => vec![source.as_ref(), rhs.as_ref()],
            },
            Node::Function(_, items) | Node::MultiList(items) => items.iter().collect(),
            Node::MultiHash(pairs) => pairs.iter().map(|(_, value)| value).collect(),
        };
        1 + children.into_iter().map(Node::depth).max().unwrap_or(0)
    }
}
