//! A back-reference to a group that may not have matched there: Java fails it, where
//! ECMAScript matches the empty string. Such a pattern is rewritten so that each way through it
//! knows whether the group has matched: where it has, the back-reference stays (and names the
//! group's copy on that way); where it has not, the way is dropped, as Java fails it. A group
//! or back-reference inside a loop, a look-around or an atomic group is not rewritten.

use super::syntax::Node;

/// Whether the group has matched on a way, so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Unset,
    Set,
}

/// The most ways a pattern is split into: the pattern grows with each.
const MAX_WAYS: usize = 64;

/// `node` with its ways split by whether group `index` has matched; `None` where that cannot be
/// done.
pub(super) fn split(node: &Node, index: u32) -> Option<Node> {
    let ways = Splitter { index }.ways(node, State::Unset)?;
    Some(alternation(ways.into_iter().map(|(way, _)| way).collect()))
}

struct Splitter {
    index: u32,
}

impl Splitter {
    fn mentions(&self, node: &Node) -> bool {
        node.contains(&|node| match node {
            Node::BackReference(index) => *index == self.index,
            Node::Group { capture: Some(capture), .. } => capture.index == self.index,
            _ => false,
        })
    }

    /// The ways through `node`, entered in `state`, each with the state after it. Ways where the
    /// group has not matched are merged (no copy of the group is on them); ways where it has
    /// are kept apart, so a back-reference names the copy on its own way.
    fn ways(&self, node: &Node, state: State) -> Option<Vec<(Node, State)>> {
        if !self.mentions(node) {
            return Some(vec![(node.clone(), state)]);
        }
        let ways = match node {
            Node::BackReference(_) => match state {
                State::Set => vec![(node.clone(), State::Set)],
                State::Unset => Vec::new(),
            },
            Node::Group { capture: Some(capture), body } if capture.index == self.index => {
                // A back-reference inside the group it names refers to an earlier match of it.
                if self.mentions(body) {
                    return None;
                }
                vec![(node.clone(), State::Set)]
            }
            Node::Group { capture, body } => (self.ways(body, state)?.into_iter())
                .map(|(way, after)| {
                    (Node::Group { capture: capture.clone(), body: Box::new(way) }, after)
                })
                .collect(),
            Node::Concat(nodes) => {
                let mut ways = vec![(Vec::new(), state)];
                for node in nodes {
                    let mut longer = Vec::new();
                    for (prefix, before) in ways {
                        for (way, after) in self.ways(node, before)? {
                            let mut sequence: Vec<Node> = prefix.clone();
                            sequence.push(way);
                            longer.push((sequence, after));
                        }
                    }
                    ways = self
                        .merged(longer.into_iter().map(|(nodes, after)| (concat(nodes), after)))
                        .into_iter()
                        .map(|(node, after)| (vec![node], after))
                        .collect();
                    if ways.len() > MAX_WAYS {
                        return None;
                    }
                }
                ways.into_iter().map(|(nodes, after)| (concat(nodes), after)).collect()
            }
            Node::Alternation(branches) => {
                let mut ways = Vec::new();
                for branch in branches {
                    ways.extend(self.ways(branch, state)?);
                }
                self.merged(ways)
            }
            // Once or not at all: two ways.
            Node::Repeat { body, min, max: Some(1), .. } => {
                let mut ways = if *min == 0 { vec![(Node::Empty, state)] } else { Vec::new() };
                ways.extend(self.ways(body, state)?);
                self.merged(ways)
            }
            // A loop that only refers to the group leaves the state as it is.
            Node::Repeat { body, min, max, lazy } if !self.mentions_group(body) => {
                let ways: Vec<Node> =
                    (self.ways(body, state)?.into_iter()).map(|(way, _)| way).collect();
                match (ways.is_empty(), min) {
                    (false, _) => {
                        let body = Box::new(alternation(ways));
                        vec![(Node::Repeat { body, min: *min, max: *max, lazy: *lazy }, state)]
                    }
                    (true, 0) => vec![(Node::Empty, state)],
                    (true, _) => Vec::new(),
                }
            }
            _ => return None,
        };
        (ways.len() <= MAX_WAYS).then_some(ways)
    }

    /// `ways` with those of a state joined into one, but for those that hold a copy of the
    /// group: a back-reference after them must name their own copy.
    fn merged(&self, ways: impl IntoIterator<Item = (Node, State)>) -> Vec<(Node, State)> {
        let mut apart = Vec::new();
        let mut joined: [Vec<Node>; 2] = [Vec::new(), Vec::new()];
        for (way, state) in ways {
            if self.mentions_group(&way) {
                apart.push((way, state));
            } else {
                joined[state as usize].push(way);
            }
        }
        let [unset, set] = joined;
        let joined = [(unset, State::Unset), (set, State::Set)].into_iter();
        let joined = joined.filter(|(ways, _)| !ways.is_empty());
        joined.map(|(ways, state)| (alternation(ways), state)).chain(apart).collect()
    }

    fn mentions_group(&self, node: &Node) -> bool {
        node.contains(&|node| {
            matches!(node, Node::Group { capture: Some(capture), .. } if capture.index == self.index)
        })
    }
}

fn concat(mut nodes: Vec<Node>) -> Node {
    nodes.retain(|node| *node != Node::Empty);
    match <[Node; 1]>::try_from(nodes) {
        Ok([only]) => only,
        Err(nodes) if nodes.is_empty() => Node::Empty,
        Err(nodes) => Node::Concat(nodes),
    }
}

fn alternation(nodes: Vec<Node>) -> Node {
    match <[Node; 1]>::try_from(nodes) {
        Ok([only]) => only,
        // No way through at all: a look-ahead that always fails.
        Err(nodes) if nodes.is_empty() => {
            Node::Look { behind: false, negated: true, body: Box::new(Node::Empty) }
        }
        Err(nodes) => Node::Alternation(nodes),
    }
}
