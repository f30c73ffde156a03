//! A model with one string member per construct of `codegen/tests/java/constructs.json`, each
//! with the construct's pattern, and `accepts(index, value)`, which sets that member and asks
//! the generated `validate()`: `tests/java_patterns.rs` checks it says what Java says.

use std::path::Path;

pub const CONSTRUCTS: &str = "../codegen/tests/java/constructs.json";

/// Writes the model to `out_dir` and returns its path, and writes `java_patterns_accepts.rs`.
pub fn write(out_dir: &Path) -> Result<std::path::PathBuf, String> {
    let text = std::fs::read_to_string(CONSTRUCTS).map_err(|e| format!("{CONSTRUCTS}: {e}"))?;
    let entries: Vec<serde_json::Value> =
        serde_json::from_str(&text).map_err(|e| format!("{CONSTRUCTS}: {e}"))?;
    let mut members = serde_json::Map::new();
    let mut shapes = serde_json::Map::new();
    let mut arms = String::new();
    for (index, entry) in entries.iter().enumerate() {
        let pattern = entry["pattern"].as_str().ok_or(format!("entry {index} has no pattern"))?;
        members.insert(
            format!("C{index:02}"),
            serde_json::json!({"shape": format!("Pattern{index:02}")}),
        );
        shapes.insert(
            format!("Pattern{index:02}"),
            serde_json::json!({"type": "string", "pattern": pattern}),
        );
        arms.push_str(&format!("        {index} => Constructs::new().with_c{index:02}(value),\n"));
    }
    shapes.insert(
        "Constructs".to_owned(),
        serde_json::json!({"type": "structure", "members": members}),
    );
    let model = serde_json::json!({
        "version": "2.0",
        "metadata": {
            "apiVersion": "2025-01-01",
            "endpointPrefix": "patterns",
            "jsonVersion": "1.1",
            "protocol": "json",
            "serviceFullName": "Java patterns",
            "serviceId": "Patterns",
            "signatureVersion": "v4",
            "targetPrefix": "Patterns",
            "uid": "patterns-2025-01-01"
        },
        "operations": {
            "Check": {"name": "Check", "http": {"method": "POST", "requestUri": "/"}, "input": {"shape": "Constructs"}}
        },
        "shapes": shapes
    });
    let path = out_dir.join("java_patterns.json");
    std::fs::write(&path, model.to_string()).map_err(|e| e.to_string())?;
    let accepts = format!(
        "/// Whether `validate()` accepts `value` as the member of construct `index`.\n\
         pub fn accepts(index: usize, value: &str) -> bool {{\n    let input = match index {{\n{arms}        \
         _ => panic!(\"no construct {{index}}\"),\n    }};\n    \
         ::awsjson_runtime::Validate::validate(&input).is_ok()\n}}\n"
    );
    std::fs::write(out_dir.join("java_patterns_accepts.rs"), accepts).map_err(|e| e.to_string())?;
    Ok(path)
}
