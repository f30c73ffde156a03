//! The generator's reading of `pattern`s in Java's dialect (`ir::pattern::translate`) on any
//! text: never a panic; a refusal says why in words; what it translates compiles, and both
//! engines the runtime checks values with (the regex crate's automata where the translation
//! has their form, regress otherwise) say of any string what regress, the reference, says.
//!
//! The input: the pattern up to the first NUL byte, then up to 8 strings to try, each ended by
//! a NUL (invalid UTF-8 is replaced).

use awsjson_codegen::ir::pattern::translate;
use awsjson_runtime::validate::Pattern;

pub fn fuzz(data: &[u8]) {
    let mut parts = data.split(|byte| *byte == 0);
    let pattern = String::from_utf8_lossy(parts.next().unwrap_or_default()).into_owned();
    let texts: Vec<String> =
        parts.take(8).map(|text| String::from_utf8_lossy(text).into_owned()).collect();
    let ecmascript = match translate(&pattern) {
        Ok(ecmascript) => ecmascript,
        Err(refusal) => {
            let said = refusal.to_string();
            assert!(said.starts_with(refusal.reason()), "{pattern:?}: {said}");
            assert!(!refusal.detail().is_empty(), "{pattern:?}: a refusal without a detail");
            return;
        }
    };
    let reference = regress::Regex::with_flags(&ecmascript, "u");
    assert!(reference.is_ok(), "{pattern:?} became `{ecmascript}`, which does not compile");
    let Ok(reference) = reference else { return };
    let checked = Pattern::owned(pattern.clone(), ecmascript.clone());
    for text in &texts {
        let expected = reference.find(text).is_some();
        assert_eq!(
            checked.is_match(text),
            Ok(expected),
            "{pattern:?} as `{ecmascript}` ({:?}) on {text:?}",
            checked.engine()
        );
    }
}
