//! `codegen`: generate Rust from a botocore model, check or slice one, diff two, or run protocol
//! test suites.

use awsjson_codegen::Error;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    version,
    about = "Generates serde types that are the awsJson wire format from botocore models"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate formatted Rust for a model.
    Generate {
        /// The botocore service-2.json model.
        model: PathBuf,
        /// Write here instead of to standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// The path the generated code names the runtime by, for a crate that re-exports it.
        #[arg(long, value_name = "PATH", default_value = "::awsjson_runtime", value_parser = runtime_path)]
        runtime_path: String,
        /// How code outside the crate builds the structs: `non-exhaustive` (`new` and setters;
        /// a new optional member is a minor release) or `literal` (struct literals; it is major).
        #[arg(long, value_enum, default_value_t = Style::NonExhaustive)]
        struct_style: Style,
        /// The protocol calls use by default, of those the model offers: `json` (awsJson) or
        /// `cbor` (Smithy RPC v2 CBOR) [default: json where offered, else cbor].
        #[arg(long, value_enum)]
        protocol: Option<WireProtocol>,
        #[command(flatten)]
        selection: Selection,
    },
    /// Validate a model and print a one-line summary; every problem is reported. What the
    /// generated code will leave unchecked (a pattern that does not compile…) is a warning on
    /// standard error, and the exit status stays 0.
    Check {
        /// The botocore service-2.json model.
        model: PathBuf,
        #[command(flatten)]
        selection: Selection,
    },
    /// Write a model holding only some operations and every shape they reach.
    Subset {
        /// The botocore service-2.json model.
        model: PathBuf,
        /// The operations to keep.
        #[arg(long, value_name = "A,B,…", value_delimiter = ',', required = true)]
        operations: Vec<String>,
        /// Write here instead of to standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Run protocol test suites (AWS compliance format) against generated code; one line per
    /// case, then `N passed, M failed`; exit status 1 if any failed.
    Conformance {
        /// Suite files: JSON arrays of suites.
        #[arg(required = true, value_name = "SUITE.json")]
        suites: Vec<PathBuf>,
        /// Where the scratch cargo project is kept between runs [default: the system
        /// temporary directory's `codegen-conformance`].
        #[arg(long, value_name = "DIR")]
        cache_dir: Option<PathBuf>,
    },
    /// Run endpoint tests (botocore's endpoint-tests-1.json) against an endpoint rule set: one
    /// line per failing case, then `N passed, M failed`; exit status 1 if any failed, 2 if a
    /// file cannot be used.
    Endpoints {
        /// The endpoint rule set (botocore's endpoint-rule-set-1.json).
        rules: PathBuf,
        /// Endpoint test files.
        #[arg(required = true, value_name = "TESTS.json")]
        tests: Vec<PathBuf>,
        /// The service's model: the cases' `operationInputs` are then run too, each input bound
        /// to the rule set's parameters as the model says.
        #[arg(long, value_name = "MODEL")]
        model: Option<PathBuf>,
        /// Operations of the model to leave out (event streams, which the generator refuses).
        #[arg(long, value_name = "A,B,…", value_delimiter = ',', requires = "model")]
        exclude_operations: Vec<String>,
    },
    /// Check bodies captured from real traffic against the model: one line per finding, with
    /// its JSON path, then a summary. Exit status 0: every body conforms, 1: one does not,
    /// 2: the command could not run. A file is one JSON body, or one body per line.
    Verify {
        /// The botocore service-2.json model.
        model: PathBuf,
        /// The operation whose bodies the files hold.
        #[arg(long, value_name = "NAME")]
        operation: String,
        #[command(flatten)]
        direction: DirectionFlags,
        /// The bodies' wire [default: CBOR for a file that starts with a CBOR map, else JSON].
        #[arg(long, value_enum, value_name = "PROTOCOL")]
        protocol: Option<WireProtocol>,
        /// Files of bodies (`-`: standard input).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// What changed between two models, what it does to the generated Rust, and whether it
    /// breaks code or the wire. Exit status 0: a patch or minor release that keeps the wire,
    /// 2: a major release or a change that breaks the wire, 1: error.
    Diff {
        /// The model before.
        old: PathBuf,
        /// The model after.
        new: PathBuf,
        /// `text`: the changelog in botocore's form, then the Rust impact; `json`: the same.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Also list operations and shapes whose documentation alone changed.
        #[arg(long)]
        documentation: bool,
        /// The struct style the crate is generated with, which decides what release a new
        /// optional member needs (see `generate --struct-style`).
        #[arg(long, value_enum, default_value_t = Style::NonExhaustive)]
        struct_style: Style,
        /// The old model's waiters [default: botocore's waiters-2.json beside it, if there].
        #[arg(long, value_name = "FILE")]
        old_waiters: Option<PathBuf>,
        /// The new model's waiters [default: botocore's waiters-2.json beside it, if there].
        #[arg(long, value_name = "FILE")]
        new_waiters: Option<PathBuf>,
    },
}

/// `--struct-style`: the generator's `StructStyle`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum Style {
    NonExhaustive,
    Literal,
}

impl From<Style> for awsjson_codegen::StructStyle {
    fn from(style: Style) -> Self {
        match style {
            Style::NonExhaustive => awsjson_codegen::StructStyle::NonExhaustive,
            Style::Literal => awsjson_codegen::StructStyle::Literal,
        }
    }
}

/// `--protocol` of `generate` (the default protocol of calls) and of `verify` (the bodies').
#[derive(Clone, Copy, clap::ValueEnum)]
enum WireProtocol {
    /// awsJson; for `verify`, JSON text: one body, or one per line.
    Json,
    /// Smithy RPC v2 CBOR; for `verify`, one body, or several one after another.
    Cbor,
}

impl WireProtocol {
    fn protocol(self) -> awsjson_cli::verify::Protocol {
        match self {
            WireProtocol::Json => awsjson_cli::verify::Protocol::Json,
            WireProtocol::Cbor => awsjson_cli::verify::Protocol::Cbor,
        }
    }
}

impl From<WireProtocol> for awsjson_codegen::Protocol {
    fn from(protocol: WireProtocol) -> Self {
        match protocol {
            WireProtocol::Json => awsjson_codegen::Protocol::Json,
            WireProtocol::Cbor => awsjson_codegen::Protocol::RpcV2Cbor,
        }
    }
}

/// Which body of the operation the files hold: exactly one of the three.
#[derive(clap::Args)]
#[group(required = true, multiple = false)]
struct DirectionFlags {
    /// Request bodies (the operation's input).
    #[arg(long)]
    request: bool,
    /// Successful response bodies (its output).
    #[arg(long)]
    response: bool,
    /// Error response bodies (the error shape each body's `__type` names).
    #[arg(long)]
    error: bool,
}

impl DirectionFlags {
    fn direction(&self) -> awsjson_cli::verify::Direction {
        use awsjson_cli::verify::Direction;
        match (self.request, self.response) {
            (true, _) => Direction::Request,
            (_, true) => Direction::Response,
            _ => Direction::Error,
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

/// `diff` exits 2 for a breaking change, so its usage errors must not.
const DIFF_BREAKING: u8 = 2;

/// `--runtime-path`, checked as the Builder will check it, so that a bad one is a usage error.
fn runtime_path(path: &str) -> Result<String, String> {
    awsjson_codegen::emit::RuntimePath::new(path).map(|_| path.to_owned())
}

/// Which operations to take (by default all), and their paginators.
#[derive(clap::Args)]
struct Selection {
    /// Only these operations and the shapes they reach.
    #[arg(long, value_name = "A,B,…", value_delimiter = ',')]
    operations: Option<Vec<String>>,
    /// Leave these operations out, with every shape only they reach.
    #[arg(long, value_name = "A,B,…", value_delimiter = ',')]
    exclude_operations: Vec<String>,
    /// The model's paginators (botocore's paginators-1.json): paginated operations then
    /// implement `Paginated`.
    #[arg(long, value_name = "FILE")]
    paginators: Option<PathBuf>,
    /// The model's endpoint rule set [default: botocore's endpoint-rule-set-1.json beside the
    /// model, if there]: `SERVICE` then resolves endpoints by it.
    #[arg(long, value_name = "FILE")]
    endpoint_rules: Option<PathBuf>,
    /// The model's waiters [default: botocore's waiters-2.json beside the model, if there]:
    /// each acceptor is typed against its operation's output, and a module `waiters` holds a
    /// type per waiter.
    #[arg(long, value_name = "FILE")]
    waiters: Option<PathBuf>,
}

impl Selection {
    /// A builder for `model` with this selection; its warnings go to standard error, one
    /// `warning:` line each, and never change the exit status.
    fn builder(self, model: PathBuf) -> awsjson_codegen::Builder {
        let mut builder = awsjson_codegen::Builder::new(model);
        builder.on_warning(|warning| {
            eprintln!("warning: {warning}");
            Ok(())
        });
        if let Some(operations) = self.operations {
            builder.operations(operations);
        }
        builder.exclude_operations(self.exclude_operations);
        if let Some(paginators) = self.paginators {
            builder.paginators(paginators);
        }
        if let Some(rules) = self.endpoint_rules {
            builder.endpoint_rules(rules);
        }
        if let Some(waiters) = self.waiters {
            builder.waiters(waiters);
        }
        builder
    }
}

fn main() -> ExitCode {
    let command = match Cli::try_parse() {
        Ok(cli) => cli.command,
        // `diff` keeps exit status 2 for "breaking"; its bad command lines are errors (1).
        Err(error) if error.use_stderr() && std::env::args().nth(1).as_deref() == Some("diff") => {
            let _ = error.print();
            return ExitCode::FAILURE;
        }
        Err(error) => error.exit(),
    };
    if let Command::Diff {
        old,
        new,
        format,
        documentation,
        struct_style,
        old_waiters,
        new_waiters,
    } = command
    {
        let waiters = awsjson_cli::diff::Waiters { old: old_waiters, new: new_waiters };
        return diff(&old, &new, &waiters, format, documentation, struct_style.into());
    }
    if let Command::Verify { model, operation, direction, protocol, files } = command {
        let protocol = protocol.map(WireProtocol::protocol);
        return verify(&model, &operation, direction.direction(), protocol, &files);
    }
    if let Command::Endpoints { rules, tests, model, exclude_operations } = command {
        let model = model.map(|model| (model, exclude_operations));
        return endpoints(&rules, &tests, model.as_ref());
    }
    if let Command::Conformance { suites, cache_dir } = command {
        let cache_dir =
            cache_dir.unwrap_or_else(|| std::env::temp_dir().join("codegen-conformance"));
        return conformance(&suites, &cache_dir);
    }
    finish(run(command))
}

/// The exit status of a command that printed nothing else on failure: the error on standard
/// error; a reader of standard output that went away (`| head`) ends it quietly, as Unix tools
/// end.
fn finish(result: Result<(), Error>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Write { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {}", error.on_command_line());
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<(), Error> {
    match command {
        Command::Generate { model, out, runtime_path, struct_style, protocol, selection } => {
            let mut builder = selection.builder(model);
            builder.runtime_path(runtime_path).struct_style(struct_style.into());
            if let Some(protocol) = protocol {
                builder.protocol(protocol.into());
            }
            match out {
                Some(out) => builder.out_file(out).write(),
                None => print(&builder.generate()?),
            }
        }
        Command::Check { model, selection } => {
            print(&format!("{}\n", selection.builder(model).check()?))
        }
        Command::Conformance { .. }
        | Command::Diff { .. }
        | Command::Verify { .. }
        | Command::Endpoints { .. } => Err(Error::Internal(
            "conformance, diff, verify and endpoints run before other commands".into(),
        )),
        Command::Subset { model: path, operations, out } => {
            let operations: Vec<&str> = operations.iter().map(String::as_str).collect();
            let json = awsjson_codegen::subset_json(&path, &operations)?;
            match out {
                Some(out) => awsjson_codegen::write_file(&out, &json, &[&path]),
                None => print(&json),
            }
        }
    }
}

/// `verify` exits 1 for a body that does not conform, so what stops it exits 2.
const VERIFY_ERROR: u8 = 2;

fn verify(
    model: &Path,
    operation: &str,
    direction: awsjson_cli::verify::Direction,
    protocol: Option<awsjson_cli::verify::Protocol>,
    files: &[PathBuf],
) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match awsjson_cli::verify::run(model, operation, direction, protocol, files, &mut stdout) {
        Ok(summary) if summary.conforms() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        // Quiet, as for the other commands; but the bodies not read may not conform.
        Err(Error::Write { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("error: {}", error.on_command_line());
            ExitCode::from(VERIFY_ERROR)
        }
    }
}

/// `endpoints` exits 1 for a failing case, so what stops it exits 2.
const ENDPOINTS_ERROR: u8 = 2;

fn endpoints(rules: &Path, tests: &[PathBuf], model: Option<&(PathBuf, Vec<String>)>) -> ExitCode {
    let model = model.map(|(path, excluded)| (path.as_path(), excluded.as_slice()));
    let report = match awsjson_cli::endpoints::run_files(rules, tests, model) {
        Ok(report) => report,
        Err(why) => {
            eprintln!("error: {why}");
            return ExitCode::from(ENDPOINTS_ERROR);
        }
    };
    let mut text: String = report.failures.iter().map(|line| format!("FAIL {line}\n")).collect();
    text.push_str(&format!("{} passed, {} failed\n", report.passed, report.failures.len()));
    match finish(print(&text)) {
        status if status != ExitCode::SUCCESS => status,
        _ if report.failures.is_empty() => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    }
}

fn conformance(suites: &[PathBuf], cache_dir: &Path) -> ExitCode {
    // One message for a cache directory that cannot be, not one per case.
    if let Err(source) = std::fs::create_dir_all(cache_dir) {
        let error = Error::Write { path: cache_dir.to_owned(), source };
        eprintln!("error: the cache directory: {}", error.on_command_line());
        return ExitCode::FAILURE;
    }
    let results = awsjson_cli::conformance::run(suites, cache_dir);
    let failed = results.iter().filter(|result| result.failure.is_some()).count();
    let mut text: String = results.iter().map(|result| format!("{result}\n")).collect();
    text.push_str(&format!("{} passed, {failed} failed\n", results.len() - failed));
    match finish(print(&text)) {
        status if status != ExitCode::SUCCESS => status,
        _ if failed == 0 => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    }
}

fn diff(
    old: &Path,
    new: &Path,
    waiters: &awsjson_cli::diff::Waiters,
    format: Format,
    documentation: bool,
    style: awsjson_codegen::StructStyle,
) -> ExitCode {
    let report = match awsjson_cli::diff::diff_with_waiters(old, new, waiters, style) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    let text = match format {
        Format::Text => Ok(report.text(documentation)),
        Format::Json => report.json(documentation),
    };
    match finish(text.and_then(|text| print(&text))) {
        status if status != ExitCode::SUCCESS => status,
        _ if report.verdict.is_breaking() => ExitCode::from(DIFF_BREAKING),
        _ => ExitCode::SUCCESS,
    }
}

fn print(text: &str) -> Result<(), Error> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .map_err(|source| Error::Write { path: PathBuf::from("<stdout>"), source })
}
