//! The whole answer of `codegen diff`: the changelog, the Rust impact and the verdict, as text
//! for people and JSON for CI pipelines.

use super::changelog::{Changelog, changelog};
use super::impact::rust_impact;
use super::verdict::{Change, Overall};
use awsjson_codegen::error::{Error, Problem};
use awsjson_codegen::model::Model;
use awsjson_codegen::{StructStyle, ir, load_model};
use serde::Serialize;
use std::fmt::Write;
use std::path::Path;

/// What changed between two models and what it does to the generated code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub changelog: Changelog,
    /// Every change to a generated item, judged for code and for the wire.
    pub rust: Vec<Change>,
    pub verdict: Overall,
    /// The struct style the releases were judged for.
    #[serde(serialize_with = "style_name")]
    pub struct_style: StructStyle,
}

fn style_name<S: serde::Serializer>(style: &StructStyle, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(style_text(*style))
}

fn style_text(style: StructStyle) -> &'static str {
    match style {
        StructStyle::NonExhaustive => "non-exhaustive",
        StructStyle::Literal => "literal",
    }
}

/// Which of the two models an error is about.
#[derive(Debug)]
pub struct ModelError {
    pub which: &'static str,
    pub error: Error,
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the {} model: {}", self.which, self.error.on_command_line())
    }
}

/// Compares the models at `old` and `new`, for a crate generated with the default struct
/// style; both must be valid models.
pub fn diff(old: &Path, new: &Path) -> Result<Report, ModelError> {
    diff_with(old, new, StructStyle::default())
}

/// [`diff`] for a crate generated with `style`, with botocore's `waiters-2.json` beside each
/// model where there is one.
pub fn diff_with(old: &Path, new: &Path, style: StructStyle) -> Result<Report, ModelError> {
    diff_with_waiters(old, new, &Waiters::default(), style)
}

/// The waiters files of the two models; `None`: botocore's `waiters-2.json` beside the model,
/// if there is one.
#[derive(Debug, Clone, Default)]
pub struct Waiters {
    pub old: Option<std::path::PathBuf>,
    pub new: Option<std::path::PathBuf>,
}

/// [`diff_with`] with the waiters files `waiters` names.
pub fn diff_with_waiters(
    old: &Path,
    new: &Path,
    waiters: &Waiters,
    style: StructStyle,
) -> Result<Report, ModelError> {
    let load = |which, path: &Path| load_model(path).map_err(|error| ModelError { which, error });
    let (old_model, new_model) = (load("old", old)?, load("new", new)?);
    let mut report = compare(&old_model, &new_model, style).map_err(|(which, problems)| {
        let path = if which == "old" { old } else { new };
        ModelError { which, error: Error::Invalid { path: path.to_owned(), problems } }
    })?;
    let service = |which, model: &Path, file: &Option<std::path::PathBuf>| {
        let mut builder = awsjson_codegen::Builder::new(model);
        builder.on_warning(|_| Ok(()));
        if let Some(file) = file {
            builder.waiters(file);
        }
        builder.service().map_err(|error| ModelError { which, error })
    };
    let (old_service, new_service) =
        (service("old", old, &waiters.old)?, service("new", new, &waiters.new)?);
    super::waiters::waiters(&old_service, &new_service, &mut report.rust);
    report.verdict = Overall::of(&report.rust);
    Ok(report)
}

/// Compares two parsed models; a model the generator refuses is an error saying which one
/// (`"old"` or `"new"`) and why.
pub fn compare(
    old: &Model,
    new: &Model,
    struct_style: StructStyle,
) -> Result<Report, (&'static str, Vec<Problem>)> {
    let old_service = ir::build(old).map_err(|problems| ("old", problems))?;
    let new_service = ir::build(new).map_err(|problems| ("new", problems))?;
    let rust = rust_impact(&old_service, &new_service, struct_style);
    let verdict = Overall::of(&rust);
    Ok(Report { changelog: changelog(old, new), rust, verdict, struct_style })
}

impl Report {
    /// The changelog in the source document's form, then the Rust impact and the verdict.
    pub fn text(&self, with_documentation: bool) -> String {
        let mut out = self.changelog.text(with_documentation).trim_end().to_owned();
        out.push_str("\n\nRust impact\n");
        if self.rust.is_empty() {
            out.push_str("  none\n");
        }
        let mut item = "";
        for change in &self.rust {
            if change.item != item {
                item = &change.item;
                let _ = writeln!(out, "  {item}");
            }
            let _ = writeln!(out, "    {}", change.change);
            let _ = writeln!(out, "      code: {} ({})", change.code.verdict, change.code.reason);
            let _ = writeln!(out, "      wire: {} ({})", change.wire.verdict, change.wire.reason);
        }
        let Overall { release, wire, breaking: _ } = self.verdict;
        let style = style_text(self.struct_style);
        let _ = writeln!(
            out,
            "\nVerdict: a {release} release (code: {release}, with {style} structs; wire: {wire})"
        );
        out
    }

    /// The same content as JSON; documentation-only changes only with `with_documentation`.
    pub fn json(&self, with_documentation: bool) -> Result<String, Error> {
        let mut report = self.clone();
        if !with_documentation {
            report.changelog.documentation_only.clear();
        }
        let mut json = serde_json::to_string_pretty(&report).map_err(|error| {
            Error::Internal(format!("cannot write the report as JSON: {error}"))
        })?;
        json.push('\n');
        Ok(json)
    }
}
