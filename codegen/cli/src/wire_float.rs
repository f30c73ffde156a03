//! Floats as the wire writes them, for the commands that read JSON against a model.

use serde_json::Value;

/// A float as the wire writes it: a number, or one of the strings `NaN`, `Infinity` and
/// `-Infinity`.
pub(crate) fn float(value: &Value) -> Option<f64> {
    match value {
        Value::Number(number) => number.as_f64(),
        Value::String(text) => match text.as_str() {
            "NaN" => Some(f64::NAN),
            "Infinity" => Some(f64::INFINITY),
            "-Infinity" => Some(f64::NEG_INFINITY),
            _ => None,
        },
        _ => None,
    }
}
