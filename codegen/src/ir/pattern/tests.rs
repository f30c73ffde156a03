use super::translate;

#[test]
#[ignore = "a tool: translates the patterns listed in $PATTERNS_JSON into $PATTERNS_OUT"]
fn translate_a_list() {
    let (Ok(input), Ok(output)) = (std::env::var("PATTERNS_JSON"), std::env::var("PATTERNS_OUT"))
    else {
        return;
    };
    let patterns: Vec<String> = serde_json::from_slice(&std::fs::read(input).unwrap()).unwrap();
    let rows: Vec<serde_json::Value> = patterns
        .iter()
        .map(|pattern| match translate(pattern) {
            Ok(ecmascript) => {
                let checked =
                    awsjson_runtime::validate::Pattern::owned(pattern.clone(), ecmascript.clone());
                serde_json::json!([pattern, ecmascript, checked.engine()])
            }
            Err(why) => serde_json::json!([pattern, null, why]),
        })
        .collect();
    std::fs::write(output, serde_json::to_string_pretty(&rows).unwrap()).unwrap();
}

#[test]
#[ignore = "a tool: writes samples for the patterns in $PATTERNS_JSON to $SAMPLES_OUT (JSON lines)"]
fn write_samples() {
    let (Ok(input), Ok(output)) = (std::env::var("PATTERNS_JSON"), std::env::var("SAMPLES_OUT"))
    else {
        return;
    };
    let patterns: Vec<String> = serde_json::from_slice(&std::fs::read(input).unwrap()).unwrap();
    let mut lines = String::new();
    for (index, pattern) in patterns.iter().enumerate() {
        let mut random = super::samples::Random::new(index as u64 + 1);
        let texts = match super::parse::parse(pattern) {
            Ok(node) => super::samples::samples(&node, pattern, &mut random),
            Err(_) => vec![String::new(), "a".to_owned()],
        };
        let row: Vec<&str> =
            std::iter::once(pattern.as_str()).chain(texts.iter().map(String::as_str)).collect();
        lines.push_str(&serde_json::to_string(&row).unwrap());
        lines.push('\n');
    }
    std::fs::write(output, lines).unwrap();
}

#[test]
#[ignore = "a tool: compares the translation with Java's verdicts in $CORPUS (JSON lines)"]
fn compare_with_java() {
    let Ok(corpus) = std::env::var("CORPUS") else { return };
    let text = std::fs::read_to_string(corpus).unwrap();
    let mut wrong = 0;
    for line in text.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let pattern = row["pattern"].as_str().unwrap();
        let translated = translate(pattern);
        if let Some(java) = row["java"].as_str() {
            if translated.is_ok() {
                wrong += 1;
                println!("{pattern:?}: Java rejects it ({java}), translated as {translated:?}");
            }
            continue;
        }
        let ecmascript = match translated {
            Ok(ecmascript) => ecmascript,
            Err(why) => {
                println!("{pattern:?}: unchecked: {why}");
                continue;
            }
        };
        let checked =
            awsjson_runtime::validate::Pattern::owned(pattern.to_owned(), ecmascript.clone());
        for (key, expected) in [("match", true), ("no_match", false)] {
            for sample in row[key].as_array().into_iter().flatten() {
                let sample = sample.as_str().unwrap();
                if checked.is_match(sample) != Ok(expected) {
                    wrong += 1;
                    println!(
                        "{pattern:?} => {ecmascript:?} [{}]: {sample:?} should {}match",
                        checked.engine().unwrap_or("-"),
                        if expected { "" } else { "not " }
                    );
                }
            }
        }
    }
    println!("{wrong} wrong");
}
