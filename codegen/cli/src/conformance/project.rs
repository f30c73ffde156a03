//! The scratch cargo project the harness is built in. It lives in a cache directory and is
//! rewritten file by file only where the content changed, so a second run on the same suites
//! rebuilds nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The harness's manifest; `{runtime}` is where awsjson-runtime comes from, with the features
/// the suites need. It asks for serde_json without features: the runtime enables what the wire
/// needs itself.
const MANIFEST: &str = r#"[package]
name = "conformance-harness"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
awsjson-runtime = {runtime}
serde = "1"
serde_json = "1"

[profile.dev]
debug = false

# Its own workspace, wherever the cache directory is.
[workspace]
"#;

/// In a checkout of the generator: its source directory, where the runtime and the lock file
/// are found. An installed generator has neither there.
const SOURCE_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// The runtime the harness builds against: the one beside this source in a checkout, so that
/// unreleased changes are what is tested, else the release of this generator's version.
/// CBOR suites need its `cbor` feature; JSON suites alone build it as a JSON-only user does.
fn runtime_dependency(cbor: bool) -> String {
    let features = if cbor { r#", features = ["cbor"]"# } else { "" };
    let checkout = Path::new(SOURCE_DIR).join("../runtime");
    if checkout.join("Cargo.toml").is_file() {
        let path = checkout.to_string_lossy().replace('\\', "\\\\").replace('"', "\\\"");
        format!("{{ path = \"{path}\"{features} }}")
    } else {
        format!("{{ version = \"={}\"{features} }}", env!("CARGO_PKG_VERSION"))
    }
}

/// The checkout's lock file: the harness then builds with the dependency versions the generator
/// was tested with, already downloaded, and cargo drops what it does not use.
fn checkout_lock() -> Option<String> {
    std::fs::read_to_string(Path::new(SOURCE_DIR).join("../../Cargo.lock")).ok()
}

const BINARY: &str = "conformance-harness";

pub struct Project {
    dir: PathBuf,
}

/// Why the harness did not build: compiler errors by the `src/` module they are in, and the
/// whole output.
pub struct BuildFailure {
    pub by_module: BTreeMap<String, String>,
    pub output: String,
}

impl Project {
    pub fn new(dir: &Path) -> Self {
        Project { dir: dir.to_owned() }
    }

    /// Writes the manifest (with the runtime's `cbor` feature if asked) and `src/` files, and
    /// removes `src/` files from earlier runs.
    pub fn write(&self, sources: &BTreeMap<String, String>, cbor: bool) -> Result<(), String> {
        let src = self.dir.join("src");
        std::fs::create_dir_all(&src).map_err(|error| cannot("create", &src, &error))?;
        let manifest = MANIFEST.replace("{runtime}", &runtime_dependency(cbor));
        write_if_changed(&self.dir.join("Cargo.toml"), &manifest)?;
        let lock = self.dir.join("Cargo.lock");
        if let Some(checkout_lock) = checkout_lock().filter(|_| !lock.exists()) {
            write_if_changed(&lock, &checkout_lock)?;
        }
        for (name, text) in sources {
            write_if_changed(&src.join(name), text)?;
        }
        let entries = std::fs::read_dir(&src).map_err(|error| cannot("read", &src, &error))?;
        let stale: BTreeSet<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|entry| !sources.contains_key(&*entry.file_name().to_string_lossy()))
            .map(|entry| entry.path())
            .collect();
        for path in stale {
            std::fs::remove_file(&path).map_err(|error| cannot("remove", &path, &error))?;
        }
        Ok(())
    }

    /// `cargo build` of the harness.
    pub fn build(&self) -> Result<(), BuildFailure> {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let output = Command::new(cargo)
            .arg("build")
            .arg("--quiet")
            .arg("--message-format=short")
            .arg("--manifest-path")
            .arg(self.dir.join("Cargo.toml"))
            .arg("--target-dir")
            .arg(self.dir.join("target"))
            .env_remove("CARGO_TARGET_DIR")
            .env_remove("RUSTFLAGS")
            .output();
        let output = match output {
            Ok(output) => output,
            Err(error) => {
                let output = format!("cannot run cargo: {error}");
                return Err(BuildFailure { by_module: BTreeMap::new(), output });
            }
        };
        if output.status.success() {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&output.stderr).into_owned();
        Err(BuildFailure { by_module: errors_by_module(&text), output: text })
    }

    /// Runs the built harness; its standard output.
    pub fn run(&self) -> Result<String, String> {
        let binary = self.dir.join("target").join("debug").join(BINARY);
        let output =
            Command::new(&binary).output().map_err(|error| cannot("run", &binary, &error))?;
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            return Err(format!("the harness failed ({}): {}", output.status, stderr.trim()));
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    }
}

/// `src/suite_1_0.rs:3:5: error…` → module `suite_1_0` (errors in its generated types file
/// `suite_1_0_types.rs` count for it too), first error line of each.
fn errors_by_module(stderr: &str) -> BTreeMap<String, String> {
    let mut by_module = BTreeMap::new();
    for line in stderr.lines().filter(|line| line.contains(": error")) {
        let Some(rest) = line.trim_start().strip_prefix("src/") else {
            continue;
        };
        let Some(file) = rest.split(':').next() else {
            continue;
        };
        let module = file.trim_end_matches(".rs").trim_end_matches("_types");
        if module.starts_with("suite_") {
            by_module.entry(module.to_owned()).or_insert_with(|| line.trim().to_owned());
        }
    }
    by_module
}

fn write_if_changed(path: &Path, text: &str) -> Result<(), String> {
    if std::fs::read(path).is_ok_and(|existing| existing == text.as_bytes()) {
        return Ok(());
    }
    std::fs::write(path, text).map_err(|error| cannot("write", path, &error))
}

fn cannot(what: &str, path: &Path, error: &std::io::Error) -> String {
    format!("cannot {what} `{}`: {error}", path.display())
}

#[cfg(test)]
mod tests {
    #[test]
    fn compiler_errors_are_attributed_to_modules() {
        let stderr = "src/suite_1_0_types.rs:3:5: error[E0412]: cannot find type `X`\n\
                      src/suite_1_0.rs:9:1: error: second\n\
                      src/main.rs:1:1: error: elsewhere\n\
                      src/suite_2_1.rs:4:2: warning: unused\n";
        let by_module = super::errors_by_module(stderr);
        assert_eq!(by_module.len(), 1);
        assert_eq!(
            by_module["suite_1_0"],
            "src/suite_1_0_types.rs:3:5: error[E0412]: cannot find type `X`"
        );
    }
}
