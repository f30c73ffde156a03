//! Host prefixes: operations whose endpoint puts input members into the host name.

use super::error::EncodeError;

/// Checks that `value` of member `member` can be a label of a host name: 1 to 63 ASCII
/// letters, digits and hyphens, not starting with a hyphen.
pub fn label<'a>(member: &'static str, value: &'a str) -> Result<&'a str, EncodeError> {
    label_problem(value).map(|()| value).map_err(|why| EncodeError::host_label(member, why))
}

/// Why `value` cannot be a label of a host name, if it cannot.
pub(crate) fn label_problem(value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err("it is empty".to_owned());
    }
    if value.len() > 63 {
        return Err("it is longer than 63 characters".to_owned());
    }
    if value.starts_with('-') {
        return Err("it starts with `-`".to_owned());
    }
    match value.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-')) {
        Some(bad) => Err(format!("{bad:?} is not a letter, digit or `-`")),
        None => Ok(()),
    }
}

/// A host label member the caller left out.
pub fn missing(member: &'static str) -> EncodeError {
    EncodeError::host_label(member, "it is not set")
}

#[cfg(test)]
mod tests {
    use super::label;

    #[test]
    fn valid_and_invalid_labels() {
        assert_eq!(label("Name", "my-bucket-01").unwrap(), "my-bucket-01");
        assert_eq!(label("Name", &"a".repeat(63)).unwrap().len(), 63);
        let error = |value: &str| label("Name", value).unwrap_err().to_string();
        let prefix = "cannot put member `Name` in the host name: ";
        assert_eq!(error(""), format!("{prefix}it is empty"));
        assert_eq!(error(&"a".repeat(64)), format!("{prefix}it is longer than 63 characters"));
        assert_eq!(error("-a"), format!("{prefix}it starts with `-`"));
        assert_eq!(error("a.b"), format!("{prefix}'.' is not a letter, digit or `-`"));
        assert_eq!(error("a/b"), format!("{prefix}'/' is not a letter, digit or `-`"));
    }
}
