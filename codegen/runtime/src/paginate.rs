//! Walking the pages of a paginated operation, with any HTTP client, blocking or not.

use super::operation::Operation;
use ::std::fmt;

/// An operation the model's paginators describe: where its token goes in the input, where the
/// next one comes in the output, and which member holds a page's results.
///
/// [`pages`] and [`items`] walk the pages with a closure that sends one request; code with an
/// async client writes the same loop with [`Paginated::next_token`] and
/// [`Paginated::set_token`].
pub trait Paginated: Operation {
    /// The token: the type of the input and output token members (a tuple of options when the
    /// paginator has several).
    type Token: Clone + PartialEq + fmt::Debug;
    /// A page's results: the type of the paginator's (first) result key.
    type Items: IntoIterator + Default;

    /// The token for the next page; `None` on the last page (no token, or an empty one, as
    /// botocore reads it).
    fn next_token(output: &Self::Output) -> Option<Self::Token>;

    /// Puts `token` into the input; `None` asks for the first page.
    fn set_token(input: &mut Self::Input, token: Option<Self::Token>);

    /// The page's results, taken out of the output (empty when the member is absent).
    fn items(output: Self::Output) -> Self::Items;
}

/// Why walking pages stopped early.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageError<E> {
    /// Sending a page's request failed: `send`'s own error.
    Send(E),
    /// The service gave the same token twice in a row, after page `page` (counting from 1):
    /// walking on would never end. botocore stops the same way.
    TokenRepeated { page: usize, token: String },
}

impl<E: fmt::Display> fmt::Display for PageError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageError::Send(error) => error.fmt(f),
            PageError::TokenRepeated { page, token } => {
                write!(f, "the service gave the same next token twice, after page {page}: {token}")
            }
        }
    }
}

/// For any `send` error that displays, `Box<dyn Error + Send + Sync>` included (which is not an
/// `Error` itself); `Display` already shows it, so there is no `source`.
impl<E: fmt::Debug + fmt::Display> ::std::error::Error for PageError<E> {}

/// Every page of `O` from `input` (its token is set for each page), each got by `send`, which
/// sends one request and reads its answer: build, sign, send, parse, with any client.
///
/// Stops after the page without a next token, after the first error, or when a token repeats.
pub fn pages<O, E, F>(input: O::Input, send: F) -> Pages<O, F>
where
    O: Paginated,
    F: FnMut(&O::Input) -> Result<O::Output, E>,
{
    Pages { input, send, state: State::First, page: 0 }
}

/// Every result of every page of `O`: [`pages`] with each page's [`Paginated::items`].
pub fn items<O, E, F>(
    input: O::Input,
    send: F,
) -> impl Iterator<Item = Result<<O::Items as IntoIterator>::Item, PageError<E>>>
where
    O: Paginated,
    F: FnMut(&O::Input) -> Result<O::Output, E>,
{
    pages::<O, E, F>(input, send).flat_map(|page| {
        let (items, error) = match page {
            Ok(output) => (O::items(output), None),
            Err(error) => (O::Items::default(), Some(Err(error))),
        };
        items.into_iter().map(Ok).chain(error)
    })
}

/// The iterator [`pages`] gives.
pub struct Pages<O: Paginated, F> {
    input: O::Input,
    send: F,
    state: State<O::Token>,
    page: usize,
}

enum State<T> {
    First,
    Next(T),
    Repeated(T),
    Done,
}

impl<O, E, F> Iterator for Pages<O, F>
where
    O: Paginated,
    F: FnMut(&O::Input) -> Result<O::Output, E>,
{
    type Item = Result<O::Output, PageError<E>>;

    fn next(&mut self) -> Option<Self::Item> {
        let previous = match ::std::mem::replace(&mut self.state, State::Done) {
            State::Done => return None,
            State::Repeated(token) => {
                let page = self.page;
                return Some(Err(PageError::TokenRepeated { page, token: format!("{token:?}") }));
            }
            State::First => None,
            State::Next(token) => Some(token),
        };
        O::set_token(&mut self.input, previous.clone());
        let output = match (self.send)(&self.input) {
            Ok(output) => output,
            Err(error) => return Some(Err(PageError::Send(error))),
        };
        self.page += 1;
        self.state = match O::next_token(&output) {
            None => State::Done,
            Some(token) if previous.as_ref() == Some(&token) => State::Repeated(token),
            Some(token) => State::Next(token),
        };
        Some(Ok(output))
    }
}

#[cfg(test)]
mod tests {
    use super::{PageError, Paginated, items, pages};
    use crate::{Operation, Protocol, Service};

    #[derive(Debug, Default, Clone, PartialEq, serde::Serialize)]
    struct Input {
        token: Option<String>,
    }

    impl crate::fast::Encode for Input {
        fn encode(&self, out: &mut Vec<u8>) -> crate::fast::Written {
            crate::fast::serde(out, self)
        }
    }

    impl crate::Validate for Input {
        fn validate_into<'a>(&'a self, _: &mut crate::validate::Validator<'a>) {}
    }

    #[derive(Debug, Default, PartialEq, serde::Deserialize)]
    struct Output {
        names: Option<Vec<String>>,
        next: Option<String>,
    }

    impl crate::fast::Decode for Output {
        fn decode<'a, R: crate::fast::Read<'a>>(reader: &mut R) -> crate::fast::Fast<Self> {
            reader.serde()
        }
    }

    struct List;

    impl Operation for List {
        const NAME: &'static str = "List";
        const TARGET: &'static str = "Test_20240101.List";
        const CONTENT_TYPE: &'static str = "application/x-amz-json-1.0";
        const SERVICE: Service = Service::new("Test_20240101", Protocol::AwsJson1_0);
        type Input = Input;
        type Output = Output;
        type Error = crate::UnmodeledError;
    }

    impl Paginated for List {
        type Token = String;
        type Items = Vec<String>;
        fn next_token(output: &Output) -> Option<String> {
            output.next.clone().filter(|token| !token.is_empty())
        }
        fn set_token(input: &mut Input, token: Option<String>) {
            input.token = token;
        }
        fn items(output: Output) -> Vec<String> {
            output.names.unwrap_or_default()
        }
    }

    /// A service with three pages; `last` is the token the last page gives.
    fn service(last: &'static str) -> impl FnMut(&Input) -> Result<Output, String> {
        move |input| {
            let page = |names: &[&str], next: &str| Output {
                names: Some(names.iter().map(|name| (*name).to_owned()).collect()),
                next: Some(next.to_owned()),
            };
            match input.token.as_deref() {
                None => Ok(page(&["a", "b"], "t1")),
                Some("t1") => Ok(page(&[], "t2")),
                Some("t2") => Ok(page(&["c"], last)),
                Some(other) => Err(format!("bad token {other}")),
            }
        }
    }

    #[test]
    fn every_page_is_sent_with_the_token_of_the_one_before() {
        let mut sent = Vec::new();
        let mut send = service("");
        let all: Vec<_> = pages::<List, _, _>(Input { token: Some("stale".into()) }, |input| {
            sent.push(input.token.clone());
            send(input)
        })
        .collect();
        assert_eq!(all.len(), 3);
        assert_eq!(sent, [None, Some("t1".to_owned()), Some("t2".to_owned())]);
        let names: Result<Vec<String>, _> =
            items::<List, _, _>(Input::default(), service("")).collect();
        assert_eq!(names, Ok(vec!["a".to_owned(), "b".to_owned(), "c".to_owned()]));
    }

    #[test]
    fn an_error_ends_the_walk_after_the_items_before_it() {
        let walked: Vec<_> = items::<List, _, _>(Input::default(), service("t9")).collect();
        assert_eq!(
            walked,
            [
                Ok("a".to_owned()),
                Ok("b".to_owned()),
                Ok("c".to_owned()),
                Err(PageError::Send("bad token t9".to_owned()))
            ]
        );
    }

    #[test]
    fn a_repeated_token_ends_the_walk_with_an_error() {
        let walked: Vec<_> = pages::<List, _, _>(Input::default(), service("t2")).collect();
        assert_eq!(walked.len(), 4);
        assert_eq!(
            walked[3].as_ref().err().map(ToString::to_string),
            Some(r#"the service gave the same next token twice, after page 3: "t2""#.to_owned())
        );
    }
}
