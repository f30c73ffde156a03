//! The entry points: [`Builder`] for build scripts, [`check`] and [`load_model`] for tools.

use crate::emit::{Decoding, Options, RuntimePath, StructStyle};
use crate::error::{Error, Problem};
use crate::protocol::{self, Protocol};
use crate::warning::{self, Hook, Warning};
use crate::{emit, ir, model, output, selection};
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Generates Rust from a model, for build scripts and the CLI.
///
/// ```no_run
/// awsjson_codegen::Builder::new("model/service.json")
///     .operations(["CreateFleet", "DescribeFleets"])
///     .out_file("src/generated.rs")
///     .write()?;
/// # Ok::<(), awsjson_codegen::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Builder {
    model: PathBuf,
    out_file: Option<PathBuf>,
    operations: Option<Vec<String>>,
    excluded: Vec<String>,
    runtime_path: Option<String>,
    overview_file: Option<PathBuf>,
    paginators: Option<PathBuf>,
    endpoint_rules: Option<PathBuf>,
    waiters: Option<PathBuf>,
    decoding: Decoding,
    struct_style: StructStyle,
    protocol: Option<Protocol>,
    on_warning: Option<Hook>,
}

impl Builder {
    /// A builder for the model at `model` (a botocore `service-2.json`).
    pub fn new(model: impl Into<PathBuf>) -> Self {
        Builder {
            model: model.into(),
            out_file: None,
            operations: None,
            excluded: Vec::new(),
            runtime_path: None,
            overview_file: None,
            paginators: None,
            endpoint_rules: None,
            waiters: None,
            decoding: Decoding::default(),
            struct_style: StructStyle::default(),
            protocol: None,
            on_warning: None,
        }
    }

    /// What becomes of each warning: a constraint of the model the generator cannot honour (a
    /// pattern that does not compile, a bound that is no usable number…), which `validate()`
    /// leaves unchecked while it checks everything else, and which the generated docs name.
    /// Every call that reads the model gives `hook` each warning. `Err(why)` makes it an error:
    /// the call fails with [`Error::Invalid`], listing every warning refused with its `why`.
    ///
    /// Without a hook, warnings are shown where the person building reads them, and stop
    /// nothing: in a build script as `cargo:warning=` lines, which cargo prints under the
    /// package's name (``warning: my-crate@0.1.0: ssm.json: shape `AccountId`: …``), anywhere
    /// else as `warning:` lines on standard error. [`Builder::check`] also returns them.
    ///
    /// ```no_run
    /// use awsjson_codegen::{Builder, Location};
    ///
    /// // build.rs: the one check known to be lost is shown; any other stops the build.
    /// Builder::new("model/ssm-2014-11-06.json")
    ///     .on_warning(|warning| match &warning.location {
    ///         Location::Shape(shape) if shape == "AccountId" => {
    ///             println!("cargo:warning={warning}");
    ///             Ok(())
    ///         }
    ///         _ => Err("this crate checks every other constraint".to_owned()),
    ///     })
    ///     .out_file("src/generated.rs")
    ///     .write()?;
    /// # Ok::<(), awsjson_codegen::Error>(())
    /// ```
    pub fn on_warning<F>(&mut self, hook: F) -> &mut Self
    where
        F: Fn(&Warning) -> Result<(), String> + Send + Sync + 'static,
    {
        self.on_warning = Some(Hook(std::sync::Arc::new(hook)));
        self
    }

    /// How code outside the crate builds the generated structs: [`StructStyle::NonExhaustive`]
    /// (the default: a new optional member in a model update is then a minor release) or
    /// [`StructStyle::Literal`] (struct literals, and every such update a major release).
    /// `codegen diff --struct-style` judges updates for the style chosen here.
    pub fn struct_style(&mut self, style: StructStyle) -> &mut Self {
        self.struct_style = style;
        self
    }

    /// The protocol generated calls use by default (`SERVICE.protocol`), of those the model
    /// offers: without this, awsJson where the model offers it (as botocore chooses), else Smithy
    /// RPC v2 CBOR. A protocol the model does not offer is an error naming those it does.
    ///
    /// ```no_run
    /// use awsjson_codegen::{Builder, Protocol};
    ///
    /// // AppStream offers both; its calls then speak CBOR unless told otherwise.
    /// Builder::new("model/appstream-2016-12-01.json")
    ///     .protocol(Protocol::RpcV2Cbor)
    ///     .out_file("src/generated.rs")
    ///     .write()?;
    /// # Ok::<(), awsjson_codegen::Error>(())
    /// ```
    pub fn protocol(&mut self, protocol: Protocol) -> &mut Self {
        self.protocol = Some(protocol);
        self
    }

    /// How the generated operations' `parse_response` reads a body that leaves out a member
    /// the model requires: [`Decoding::Correcting`] (the default, as Smithy asks of clients)
    /// or [`Decoding::Strict`], for a crate that checks traffic. Callers may still choose per
    /// call with `parse_response_with`.
    pub fn decoding(&mut self, decoding: Decoding) -> &mut Self {
        self.decoding = decoding;
        self
    }

    /// The model's paginators (botocore's `paginators-1.json`, shipped beside each model):
    /// every paginated operation then implements the runtime's `Paginated`, which walks its
    /// pages. A paginator that does not fit the model is an error naming it.
    pub fn paginators(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.paginators = Some(path.into());
        self
    }

    /// The model's endpoint rule set (botocore's `endpoint-rule-set-1.json`, shipped beside
    /// each model; taken from there when this is not called): the generated `SERVICE` then
    /// resolves endpoints by it, `EndpointParams` types its parameters, and operations bind
    /// the parameters their input sets. It is checked as the model is: an unknown function, an
    /// undefined name, a type error or an unreachable rule is an error naming its place in
    /// the file.
    pub fn endpoint_rules(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.endpoint_rules = Some(path.into());
        self
    }

    /// The rule set file: the one given, else botocore's beside the model, if it is there.
    fn endpoint_rules_file(&self) -> Option<PathBuf> {
        self.endpoint_rules.clone().or_else(|| self.beside_model("endpoint-rule-set-1.json"))
    }

    /// The model's waiters (botocore's `waiters-2.json`, shipped beside each model; taken from
    /// there when this is not called): a module `waiters` then holds a type per waiter, whose
    /// acceptors judge the operation's answers in plain Rust. Each acceptor's expression is
    /// typed against the operation's output: a member that does not exist, a projection of
    /// what is no list, a value an enum does not list, an `expected` of the wrong type is an
    /// error naming the waiter, the acceptor and the expression.
    pub fn waiters(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.waiters = Some(path.into());
        self
    }

    /// The waiters file: the one given, else botocore's beside the model, if it is there.
    fn waiters_file(&self) -> Option<PathBuf> {
        self.waiters.clone().or_else(|| self.beside_model("waiters-2.json"))
    }

    /// `name` in the model's directory, if there is such a file.
    fn beside_model(&self, name: &str) -> Option<PathBuf> {
        let beside = self.model.parent()?.join(name);
        beside.is_file().then_some(beside)
    }

    /// Where [`Builder::write`] also puts [`Builder::overview`], for the docs of the module that
    /// includes the code: `#[doc = include_str!(concat!(env!("OUT_DIR"), "/service.md"))]`.
    pub fn overview_file(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.overview_file = Some(path.into());
        self
    }

    /// The path generated code names the runtime by (default `::awsjson_runtime`): for a
    /// crate that re-exports the runtime, e.g. `crate::rt` after `pub use awsjson_runtime as
    /// rt;`, so that its users need no dependency on the runtime of their own.
    pub fn runtime_path(&mut self, path: impl Into<String>) -> &mut Self {
        self.runtime_path = Some(path.into());
        self
    }

    /// Where [`Builder::write`] puts the generated file.
    pub fn out_file(&mut self, path: impl Into<PathBuf>) -> &mut Self {
        self.out_file = Some(path.into());
        self
    }

    /// Generate only these operations and the shapes they reach (default: all).
    pub fn operations<I, S>(&mut self, operations: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.operations = Some(operations.into_iter().map(Into::into).collect());
        self
    }

    /// Leave these operations out, with every shape only they reach: e.g. the operations with
    /// event streams, which the generator refuses.
    pub fn exclude_operations<I, S>(&mut self, operations: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.excluded = operations.into_iter().map(Into::into).collect();
        self
    }

    /// The generated, formatted Rust source.
    pub fn generate(&self) -> Result<String, Error> {
        let options = self.options()?;
        emit::emit(&self.service()?, &source_name(&self.model), &options)
    }

    /// Markdown that says what the generated code holds, with a table of every operation
    /// linking its unit struct, input, output and error enum: the docs for the module that
    /// includes the code, where hundreds of types would otherwise be one alphabetical list.
    pub fn overview(&self) -> Result<String, Error> {
        Ok(emit::overview(&self.service()?, &source_name(&self.model)))
    }

    /// The model read, cut to the chosen operations, and resolved, with its paginators: the
    /// IR that generating reads, for tools that walk the model (`codegen verify` does).
    pub fn service(&self) -> Result<ir::Service, Error> {
        self.prepare().map(|(_, service)| service)
    }

    /// The model cut to the chosen operations, and its IR.
    fn prepare(&self) -> Result<(model::Model, ir::Service), Error> {
        let model = load_model(&self.model)?;
        let every_operation: Vec<String> = model.operations.keys().cloned().collect();
        let selected: Option<Vec<String>> = (self.selected_operations(&model)?)
            .map(|operations| operations.into_iter().map(str::to_owned).collect());
        let model = match selected {
            Some(operations) => {
                let operations: Vec<&str> = operations.iter().map(String::as_str).collect();
                model::subset(&model, &operations)
                    .map_err(|problems| invalid(&self.model, problems))?
            }
            None => model,
        };
        let mut service = ir::build(&model).map_err(|problems| invalid(&self.model, problems))?;
        if let Some(protocol) = self.protocol {
            protocol::make_default(protocol, &mut service)?;
        }
        if let Some(path) = &self.paginators {
            let json = std::fs::read(path)
                .map_err(|source| Error::Read { path: path.to_owned(), source })?;
            let paginators =
                model::parse_paginators(&json).map_err(|problems| invalid(path, problems))?;
            let every_operation: Vec<&str> = every_operation.iter().map(String::as_str).collect();
            ir::paginate(&mut service, &paginators, &every_operation)
                .map_err(|problems| invalid(path, problems))?;
        }
        if let Some(path) = self.endpoint_rules_file() {
            let json = std::fs::read_to_string(&path)
                .map_err(|source| Error::Read { path: path.clone(), source })?;
            let (rule_set, rules) = ir::endpoint_rules::read_rules(&json)
                .map_err(|problems| invalid(&path, problems))?;
            ir::endpoint_rules::bind(&mut service, &model, &rule_set, rules);
        }
        if let Some(path) = self.waiters_file() {
            let json = std::fs::read(&path)
                .map_err(|source| Error::Read { path: path.clone(), source })?;
            let waiters =
                model::parse_waiters(&json).map_err(|problems| invalid(&path, problems))?;
            let every_operation: Vec<&str> = every_operation.iter().map(String::as_str).collect();
            ir::waiters::attach(&mut service, &waiters, &every_operation)
                .map_err(|problems| invalid(&path, problems))?;
        }
        self.report(&service.warnings)?;
        Ok((model, service))
    }

    /// Gives each warning to the hook, or shows it without one; the warnings the hook refuses
    /// are the error.
    fn report(&self, warnings: &[Warning]) -> Result<(), Error> {
        let refused: Vec<Problem> = (warnings.iter())
            .filter_map(|warning| {
                let outcome = match &self.on_warning {
                    Some(Hook(hook)) => hook(warning),
                    None => {
                        warning::report_by_default(&source_name(&self.model), warning);
                        Ok(())
                    }
                };
                let refused = |why: String| {
                    let message = format!(
                        "{}; made an error by `Builder::on_warning`: {why}",
                        warning.message
                    );
                    Problem::new(warning.location.clone(), message)
                };
                outcome.err().map(refused)
            })
            .collect();
        if refused.is_empty() { Ok(()) } else { Err(invalid(&self.model, refused)) }
    }

    fn options(&self) -> Result<Options, Error> {
        let runtime = match &self.runtime_path {
            None => RuntimePath::default(),
            Some(path) => RuntimePath::new(path)
                .map_err(|message| Error::Setting { setting: "Builder::runtime_path", message })?,
        };
        Ok(Options { runtime, decoding: self.decoding, struct_style: self.struct_style })
    }

    /// Validates the model, or the operations chosen of it, reporting every problem; the
    /// summary lists the warnings, which went to [`Builder::on_warning`]'s hook too.
    pub fn check(&self) -> Result<Summary, Error> {
        let (model, service) = self.prepare()?;
        let mut shapes_by_type = BTreeMap::new();
        for shape in model.shapes.values() {
            let kind = shape.shape_type.clone().unwrap_or_default();
            *shapes_by_type.entry(kind).or_insert(0) += 1;
        }
        Ok(Summary {
            operations: model.operations.len(),
            shapes_by_type,
            warnings: service.warnings,
        })
    }

    /// The chosen operations without the excluded ones; `None` when the whole model is meant.
    fn selected_operations<'m>(
        &'m self,
        model: &'m model::Model,
    ) -> Result<Option<Vec<&'m str>>, Error> {
        selection::select(model, self.operations.as_deref(), &self.excluded)
            .map_err(|problems| invalid(&self.model, problems))
    }

    /// Writes the generated source to the out file, and the overview to the overview file if
    /// one is set, leaving a file untouched when its content is already the same (so nothing
    /// downstream rebuilds for nothing). Never over the model or the paginators, and never
    /// half a file: see [`write_file`](crate::write_file).
    pub fn write(&self) -> Result<(), Error> {
        let out_file = self.out_file.as_ref().ok_or_else(|| {
            Error::Internal("Builder::write needs an out file: call Builder::out_file".to_owned())
        })?;
        let options = self.options()?;
        let service = self.service()?;
        let source = source_name(&self.model);
        let (rules, waiters) = (self.endpoint_rules_file(), self.waiters_file());
        let inputs: Vec<&Path> = std::iter::once(self.model.as_path())
            .chain(self.paginators.as_deref())
            .chain(rules.as_deref())
            .chain(waiters.as_deref())
            .collect();
        output::write_file(out_file, &emit::emit(&service, &source, &options)?, &inputs)?;
        match &self.overview_file {
            Some(overview_file) => {
                let inputs: Vec<&Path> =
                    inputs.iter().copied().chain([out_file.as_path()]).collect();
                output::write_file(overview_file, &emit::overview(&service, &source), &inputs)
            }
            None => Ok(()),
        }
    }
}

/// Generates the source for `model` (read from `path`), or for just `operations` of it, naming
/// the runtime `::awsjson_runtime`. Warnings are not reported (the generated docs still name
/// what is left unchecked): [`Builder`] reports them.
pub fn generate(
    model: &model::Model,
    path: &Path,
    operations: Option<&[&str]>,
) -> Result<String, Error> {
    let service = build_service(model, path, operations)?;
    emit::emit(&service, &source_name(path), &Options::default())
}

fn build_service(
    model: &model::Model,
    path: &Path,
    operations: Option<&[&str]>,
) -> Result<ir::Service, Error> {
    let sliced;
    let model = match operations {
        Some(operations) => {
            sliced =
                model::subset(model, operations).map_err(|problems| invalid(path, problems))?;
            &sliced
        }
        None => model,
    };
    ir::build(model).map_err(|problems| invalid(path, problems))
}

/// Reads and parses a model file.
pub fn load_model(path: &Path) -> Result<model::Model, Error> {
    let json =
        std::fs::read(path).map_err(|source| Error::Read { path: path.to_owned(), source })?;
    model::parse(&json).map_err(|problems| invalid(path, problems))
}

/// What `check` found in a valid model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub operations: usize,
    /// Number of shapes of each `type`.
    pub shapes_by_type: BTreeMap<String, usize>,
    /// What the model asks that the generated code leaves unchecked, with why.
    pub warnings: Vec<Warning>,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shapes: usize = self.shapes_by_type.values().sum();
        let by_type: Vec<String> =
            self.shapes_by_type.iter().map(|(kind, count)| format!("{count} {kind}")).collect();
        write!(f, "ok: {} operations, {shapes} shapes ({})", self.operations, by_type.join(", "))?;
        match self.warnings.len() {
            0 => Ok(()),
            1 => f.write_str(", with 1 warning"),
            count => write!(f, ", with {count} warnings"),
        }
    }
}

/// Validates the whole model at `path`, reporting every problem it has.
pub fn check(path: &Path) -> Result<Summary, Error> {
    Builder::new(path).check()
}

fn invalid(path: &Path, problems: Vec<Problem>) -> Error {
    Error::Invalid { path: path.to_owned(), problems }
}

/// The model's file name, for the generated header: no directories, so output does not
/// depend on where the model sits.
fn source_name(path: &Path) -> String {
    path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The model at `path` cut down to `operations` (see [`model::subset`]), as pretty JSON with
/// a final newline. The result is validated, so a subset that would not generate is an error.
pub fn subset_json(path: &Path, operations: &[&str]) -> Result<String, Error> {
    let model = load_model(path)?;
    let sliced = model::subset(&model, operations).map_err(|problems| invalid(path, problems))?;
    ir::build(&sliced).map_err(|problems| invalid(path, problems))?;
    let json = serde_json::to_string_pretty(&sliced)
        .map_err(|error| Error::Internal(format!("cannot write the model as JSON: {error}")))?;
    Ok(json + "\n")
}
