//! Response headers as any HTTP client holds them.

/// Response headers, looked up by name in any ASCII case: pairs of strings as borrowed or owned
/// text, or (with the `http` feature) an `http::HeaderMap`, so no client's headers need copying.
pub trait Headers {
    /// The first value of header `name`, if it is there and is text.
    fn header(&self, name: &str) -> Option<&str>;
}

impl Headers for [(&str, &str)] {
    fn header(&self, name: &str) -> Option<&str> {
        find(self.iter().map(|&(candidate, value)| (candidate, value)), name)
    }
}

// Arrays of borrowed pairs only: with owned ones too, `&[]` would not say which it is.
impl<const LEN: usize> Headers for [(&str, &str); LEN] {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

impl Headers for Vec<(&str, &str)> {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

impl Headers for [(String, String)] {
    fn header(&self, name: &str) -> Option<&str> {
        find(self.iter().map(|(candidate, value)| (candidate.as_str(), value.as_str())), name)
    }
}

impl Headers for Vec<(String, String)> {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

fn find<'a>(mut pairs: impl Iterator<Item = (&'a str, &'a str)>, name: &str) -> Option<&'a str> {
    pairs.find(|(candidate, _)| candidate.eq_ignore_ascii_case(name)).map(|(_, value)| value)
}

#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl Headers for ::http::HeaderMap {
    fn header(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(|value| value.to_str().ok())
    }
}

/// The request id AWS support asks for: `x-amzn-RequestId`, else `x-amz-request-id`.
pub(crate) fn request_id<H: Headers + ?Sized>(headers: &H) -> Option<String> {
    (headers.header("x-amzn-requestid"))
        .or_else(|| headers.header("x-amz-request-id"))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::{Headers, request_id};

    #[test]
    fn names_match_in_any_case_and_values_come_as_given() {
        let borrowed = [("X-Amzn-RequestId", "abc"), ("x-amzn-errortype", "Boom")];
        assert_eq!(borrowed.header("x-amzn-requestid"), Some("abc"));
        assert_eq!(borrowed.header("X-AMZN-ERRORTYPE"), Some("Boom"));
        assert_eq!(borrowed.header("content-type"), None);
        let owned = vec![("x-amz-request-id".to_owned(), "def".to_owned())];
        assert_eq!(request_id(&owned), Some("def".to_owned()));
        assert_eq!(request_id(&borrowed), Some("abc".to_owned()));
        let none: [(&str, &str); 0] = [];
        assert_eq!(request_id(&none), None);
    }
}
