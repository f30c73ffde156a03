//! Warnings: what the generator cannot honour in a model that it still generates (a
//! constraint `validate()` leaves unchecked), and what a [`Builder`](crate::Builder) does with
//! each.

use crate::error::Location;
use std::fmt;
use std::sync::Arc;

/// Something in a model the generator cannot honour, but that does not stop it: a constraint
/// left unchecked (the generated docs say so, and `validate()` checks everything else). It
/// names where it sits as a [`Problem`](crate::Problem) does:
/// ``shape `AccountId`: `pattern` `a(b` is left unchecked: …``.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    pub location: Location,
    /// What is left unchecked and why, on one line.
    pub message: String,
}

impl Warning {
    pub fn new(location: Location, message: impl Into<String>) -> Self {
        Warning { location, message: message.into() }
    }
}

/// On one line, whatever the model's names hold.
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&one_line(&format!("{}: {}", self.location, self.message)))
    }
}

/// The hook a [`Builder`](crate::Builder) gives each warning: `Err(why)` makes it an error.
pub(crate) type HookFn = dyn Fn(&Warning) -> Result<(), String> + Send + Sync;

/// A shared hook, so that the builder stays `Clone`; its `Debug` cannot show a closure.
#[derive(Clone)]
pub(crate) struct Hook(pub(crate) Arc<HookFn>);

impl fmt::Debug for Hook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Builder::on_warning(…)")
    }
}

/// What a builder without a hook does with a warning of the model `model` (its file name):
/// shows it where the person building reads. In a build script that is a `cargo:warning=`
/// line, which cargo prints under the package's name (it hides the rest of a build script's
/// output unless the build fails); anywhere else, a `warning:` line on standard error, which
/// keeps standard output for what the program writes.
pub(crate) fn report_by_default(model: &str, warning: &Warning) {
    match default_line(model, warning, in_build_script()) {
        Line::Stdout(line) => println!("{line}"),
        Line::Stderr(line) => eprintln!("{line}"),
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Line {
    Stdout(String),
    Stderr(String),
}

fn default_line(model: &str, warning: &Warning, in_build_script: bool) -> Line {
    // cargo reads one directive per line: the text must not end it.
    let text = format!("{}: {warning}", one_line(model));
    if in_build_script {
        Line::Stdout(format!("cargo:warning={text}"))
    } else {
        Line::Stderr(format!("warning: {text}"))
    }
}

/// Cargo gives build scripts `OUT_DIR` and `TARGET`; programs it runs otherwise (tests, `cargo
/// run`) get neither at run time.
fn in_build_script() -> bool {
    std::env::var_os("OUT_DIR").is_some() && std::env::var_os("TARGET").is_some()
}

/// `text` with its control characters escaped (`\n`), so it stays one line.
pub(crate) fn one_line(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    text.chars()
        .flat_map(|c| if c.is_control() { c.escape_default().collect() } else { vec![c] })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warning() -> Warning {
        let location = Location::Shape("AccountId".to_owned());
        Warning::new(location, "`pattern` `a(b` is left unchecked: it is not a regular expression")
    }

    #[test]
    fn a_warning_names_where_it_sits() {
        assert_eq!(
            warning().to_string(),
            "shape `AccountId`: `pattern` `a(b` is left unchecked: it is not a regular expression"
        );
    }

    #[test]
    fn by_default_a_build_script_prints_it_for_cargo_and_any_other_program_to_stderr() {
        assert_eq!(
            default_line("m.json", &warning(), true),
            Line::Stdout(
                "cargo:warning=m.json: shape `AccountId`: `pattern` `a(b` is left unchecked: it \
                 is not a regular expression"
                    .to_owned()
            )
        );
        assert_eq!(
            default_line("m.json", &warning(), false),
            Line::Stderr(
                "warning: m.json: shape `AccountId`: `pattern` `a(b` is left unchecked: it is \
                 not a regular expression"
                    .to_owned()
            )
        );
    }

    #[test]
    fn a_line_break_in_model_text_cannot_end_the_line() {
        let warning = Warning::new(Location::Shape("A".to_owned()), "`pattern` `a\nb`");
        assert_eq!(
            default_line("m.json", &warning, true),
            Line::Stdout("cargo:warning=m.json: shape `A`: `pattern` `a\\nb`".to_owned())
        );
    }
}
