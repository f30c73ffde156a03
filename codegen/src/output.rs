//! Writing generated files so that nothing is lost: never over an input, never half a file, and
//! never reading what should not be read.

use crate::error::Error;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Writes `text` to `path`, unless the file already holds exactly it (so nothing downstream
/// rebuilds for nothing).
///
/// - `path` must not be one of `inputs` (the model, its paginators), by any name or link:
///   writing there would destroy what the output was made from.
/// - A regular file (or a new one) is written to a temporary file beside it and renamed into
///   place, so an interrupted run leaves the old file or the new one, never half of one. A link
///   to a file is written through: the file it names is replaced.
/// - Anything else that is there (`/dev/stdout`, a FIFO) is written to as it is, and never read:
///   comparing would read a device that may never end.
pub fn write_file(path: &Path, text: &str, inputs: &[&Path]) -> Result<(), Error> {
    if let Some(input) = inputs.iter().find(|input| same_file(path, input)) {
        return Err(Error::Overwrite { path: path.to_owned(), input: input.to_path_buf() });
    }
    let failed = |source: std::io::Error| Error::Write { path: path.to_owned(), source };
    let target = match fs::metadata(path) {
        Ok(metadata) if !metadata.is_file() => return fs::write(path, text).map_err(failed),
        Ok(metadata) => {
            // Only a file of the new text's length can hold it: others are not read at all.
            let same = metadata.len() == text.len() as u64
                && fs::read(path).is_ok_and(|existing| existing == text.as_bytes());
            if same {
                return Ok(());
            }
            fs::canonicalize(path).map_err(failed)?
        }
        Err(_) => path.to_owned(),
    };
    let temporary = temporary_beside(&target);
    let written = write_new(&temporary, text).and_then(|()| fs::rename(&temporary, &target));
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written.map_err(failed)
}

/// Whether `a` and `b` name the same existing file, through any path, link or hard link.
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(first), Ok(second)) = (fs::metadata(a), fs::metadata(b)) else {
        return false;
    };
    match (identity(&first), identity(&second)) {
        (Some(first), Some(second)) => first == second,
        _ => matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(a), Ok(b)) if a == b),
    }
}

#[cfg(unix)]
fn identity(metadata: &fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt as _;
    Some((metadata.dev(), metadata.ino()))
}

#[cfg(not(unix))]
fn identity(_: &fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// A name in `path`'s directory no other writer uses: hidden, with this process's id.
fn temporary_beside(path: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let unique = COUNT.fetch_add(1, Ordering::Relaxed);
    path.with_file_name(format!(".{name}.{}-{unique}.tmp", std::process::id()))
}

/// Creates `path` (it must not exist) holding `text`, flushed to disk.
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    let mut file = fs::OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}
