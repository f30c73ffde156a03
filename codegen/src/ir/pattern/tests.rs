use super::translate;

/// What each Java construct becomes. What it matches is checked against Java's own engine by
/// `tests/java_patterns.rs`; this pins the form, which decides the engine that runs it.
#[test]
fn java_constructs_become_ecmascript() {
    let cases = [
        // Kept as written where both dialects read it alike (`$` aside).
        (r"[a-zA-Z0-9_.-]+", r"[a-zA-Z0-9_.-]+"),
        (r"\d{1,3}(\.\d{1,3}){3}", r"\d{1,3}(\.\d{1,3}){3}"),
        (r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*", r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*"),
        // Java's escapes of characters ECMAScript does not let one escape.
        (r"arn:aws(?:\-cn)?\,\!", r"arn:aws(?:-cn)?,!"),
        // `$` takes a final line terminator, as Java's does; `\A` and `\z` are ECMAScript's.
        (r"^[a-z]+$", r"^[a-z]+(?:\r\n|[\n\r\x85\u2028\u2029])?$"),
        (r"\A[a-z]+\z", r"^[a-z]+$"),
        // …but never the `\n` of a `\r\n` whose `\r` the pattern took.
        (r"^[a-z\r]{4}$", r"^[a-z\r]{4}(?:\r\n|[\r\x85\u2028\u2029]|(?<!\r)\n)?$"),
        (r"^[\s\S]*$", r"^[^]*(?:\r\n|[\n\r\x85\u2028\u2029])?$"),
        (r"^a\Z", r"^a(?:\r\n|[\n\r\x85\u2028\u2029])?$"),
        (r"a$b", r"a(?:$|(?=(?:\r\n|[\r\x85\u2028\u2029])$)|(?<!\r)(?=\n$))b"),
        (r"$|^x", r"$|^x"),
        // (What comes before a match may be a `\r`.)
        (r"([a-z]*)${1,128}", r"([a-z]*)(?:\r\n|[\r\x85\u2028\u2029]|(?<!\r)\n)?$"),
        (r"a${0}", r"a"),
        // Flags.
        (r"(?i)all|[0-9]{12}", r"[Aa][Ll][Ll]|[0-9]{12}"),
        (r"(?i)[^a-c]", r"[^A-Ca-c]"),
        (r"(?s).{0,255}", r"[^]{0,255}"),
        (r".", r"[^\n\r\x85\u2028\u2029]"),
        (r"(?d).", r"[^\n]"),
        (r"(?x) a b # c", r"ab"),
        (r"(?i:a)b", r"(?:[Aa])b"),
        // Possessive quantifiers: dropped where nothing could be given back, else atomic.
        (r"[0-9A-Z]{2}+", r"[0-9A-Z]{2}"),
        (r"\d{12}+", r"\d{12}"),
        (r"a*+b", r"(?:(?=(a*))\1)b"),
        (r"(?>a|ab)c", r"(?:(?=(a|ab))\1)c"),
        (r"(a)(?>b|c)+(d)\2", r"(a)(?:(?=(b|c))\2)+(d)(?:\3)"),
        (r"(a)(?:b|c)++(d)\2", r"(a)(?:(?=((?:b|c)+))\2)(d)(?:\3)"),
        // Classes: POSIX, intersections, octal escapes, hyphens after a class.
        (r"\p{Print}+", r"[ -~]+"),
        (r"\p{Punct}", r"[!-/:-@\[-`{-~]"),
        (r"\p{LD}", r"[\p{L}\p{Nd}]"),
        (r"[\p{Print}&&[^|:/]]+", r"[ -.0-9;-{}~]+"),
        (r"[^/:|\000-\037]+", r"[^\x00-\x1F/:|]+"),
        (r"[\w-_]", r"[\-0-9A-Z_a-z]"),
        (r"[\p{L}\p{N}\p{Z}-_]", r"[\-_\p{L}\p{N}\p{Z}]"),
        (r"[\w-\/.@+=,]", r"[+-9=@-Z_a-z]"),
        (r"[a-z&&[^aeiou]]", r"[b-df-hj-np-tv-z]"),
        (r"[\p{L}&&[^a-z]]", r"(?:(?=[\p{L}])[^a-z])"),
        // Escapes Java has and ECMAScript does not, or reads otherwise.
        (r"\s\S", r"[\t-\r ][^\t-\r ]"),
        (r"\h\v", r"[\t \xA0\u1680\u180E\u2000-\u200A\u202F\u205F\u3000][\n-\r\x85\u2028\u2029]"),
        (r"\R", r"\r\n|[\n-\r\x85\u2028\u2029]"),
        (r"\Qa.b\E+", r"a\.b+"),
        (r"\x{1F600}\uD83D\uDE00\cA\e\a\0101", r"\u{1F600}\u{1F600}\x01\x1B\x07A"),
        (r"\G\w", r"^\w"),
        (r"(?<n>a)\k<n>", r"(?<n>a)(?:\1)"),
        // A back-reference to a group that may not have matched: only the ways where it has.
        (r"(a)?b\1", r"(a)b(?:\1)"),
        (r"^(a|(b))c\2", r"^((b))c(?:\2)"),
        // Java goes back into a lone `\R`, never into one under a quantifier.
        (r"\R\n", r"(?:\r\n|[\n-\r\x85\u2028\u2029])\n"),
        (r"\R?\n", r"(?:(?=(\r\n|[\n-\r\x85\u2028\u2029]))\1)?\n"),
    ];
    for (java, ecmascript) in cases {
        assert_eq!(translate(java).as_deref(), Ok(ecmascript), "{java}");
    }
}

/// What cannot be checked says why, as the member's docs and `codegen check` show it.
#[test]
fn what_cannot_be_translated_says_why() {
    let cases = [
        (r"a(b", "Java's `Pattern` rejects it (an unclosed group)"),
        (r"[a-", "Java's `Pattern` rejects it (an unclosed class)"),
        (
            r"x{2,1}",
            "Java's `Pattern` rejects it (the repetition `{2,1}`, whose maximum is below its minimum)",
        ),
        (r"*a", "Java's `Pattern` rejects it (a dangling `*`)"),
        (r"a{", "Java's `Pattern` rejects it (a `{` that starts no repetition)"),
        (r"\y", "Java's `Pattern` rejects it (`\\y`, an escape Java does not know)"),
        (
            r"\p{Foo}",
            "Java's `Pattern` rejects it (`\\p{Foo}` names no character property Java knows)",
        ),
        (
            r"[b-a]",
            "Java's `Pattern` rejects it (a class range whose end comes before its start, or is no character)",
        ),
        (
            r"\X",
            "no ECMAScript regular expression means exactly the same (`\\X`, a grapheme cluster)",
        ),
        (
            r"\p{InGreek}",
            "no ECMAScript regular expression means exactly the same (the Unicode block `Greek`)",
        ),
        (
            r"(?iu)é",
            "no ECMAScript regular expression means exactly the same (`(?iu)`, which folds case as Java's `Character.toUpperCase` and `toLowerCase` do)",
        ),
        (
            r"(?U)\w",
            "no ECMAScript regular expression means exactly the same (`(?U)`, Unicode character classes)",
        ),
        (
            r"(?:(a)|b\1)+",
            "no ECMAScript regular expression means exactly the same (the back-reference `\\1` to a group that may not have matched, which Java fails and ECMAScript matches as empty)",
        ),
        (
            r"(?>(|x)+)y",
            "no ECMAScript regular expression means exactly the same (an atomic group or possessive quantifier over a repetition of what can match nothing, whose first match Java finds otherwise (it stops a loop at an empty iteration))",
        ),
        (
            r"(?<=a+)b",
            "no ECMAScript regular expression means exactly the same (a look-behind of no obvious maximum length, which Java refuses or bounds by rules of its own)",
        ),
    ];
    for (java, why) in cases {
        assert_eq!(
            translate(java).map_err(|refusal| refusal.to_string()),
            Err(why.to_owned()),
            "{java}"
        );
    }
    let nested = format!("{}a{}", "(".repeat(100), ")".repeat(100));
    assert!(translate(&nested).is_ok());
    for deep in [format!("{}a{}", "(".repeat(101), ")".repeat(101)), "[".repeat(100_000)] {
        assert_eq!(
            translate(&deep).map_err(|refusal| refusal.to_string()),
            Err("no ECMAScript regular expression means exactly the same (groups and classes \
                 nested more than 100 deep, which are not read)"
                .to_owned())
        );
    }
}

#[test]
#[ignore = "a tool for tests/java/verdicts.py: writes samples for the patterns in $PATTERNS_JSON to $SAMPLES_OUT"]
fn write_samples() {
    let (Ok(input), Ok(output)) = (std::env::var("PATTERNS_JSON"), std::env::var("SAMPLES_OUT"))
    else {
        panic!("set PATTERNS_JSON (a JSON array of patterns) and SAMPLES_OUT");
    };
    let read = std::fs::read(&input).unwrap_or_else(|error| panic!("{input}: {error}"));
    let patterns: Vec<String> =
        serde_json::from_slice(&read).unwrap_or_else(|error| panic!("{input}: {error}"));
    let mut lines = String::new();
    for (index, pattern) in patterns.iter().enumerate() {
        let mut random = super::samples::Random::new(index as u64 + 1);
        let texts = match super::parse::parse(pattern) {
            Ok(node) => super::samples::samples(&node, pattern, &mut random),
            Err(_) => vec![String::new(), "a".to_owned()],
        };
        let row: Vec<&str> =
            std::iter::once(pattern.as_str()).chain(texts.iter().map(String::as_str)).collect();
        lines.push_str(&serde_json::Value::from(row).to_string());
        lines.push('\n');
    }
    std::fs::write(&output, lines).unwrap_or_else(|error| panic!("{output}: {error}"));
}

#[test]
#[ignore = "a tool: compares the translation with Java's verdicts in $CORPUS (JSON lines of pattern, matches, rejects or java)"]
fn compare_with_java() {
    let corpus = std::env::var("CORPUS").unwrap_or_default();
    let text = std::fs::read_to_string(&corpus).unwrap_or_default();
    let (mut wrong, mut unchecked) = (0, 0);
    for line in text.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
        let pattern = row["pattern"].as_str().unwrap_or_default();
        let translated = translate(pattern);
        if row["java"].is_string() {
            if translated.is_ok() {
                wrong += 1;
                println!(
                    "{pattern:?}: Java rejects it ({}), translated as {translated:?}",
                    row["java"]
                );
            }
            continue;
        }
        let Ok(ecmascript) = translated else {
            unchecked += 1;
            println!("{pattern:?}: unchecked: {}", translated.unwrap_err());
            continue;
        };
        let checked =
            awsjson_runtime::validate::Pattern::owned(pattern.to_owned(), ecmascript.clone());
        for (key, expected) in
            [("match", true), ("matches", true), ("no_match", false), ("rejects", false)]
        {
            for sample in row[key].as_array().into_iter().flatten() {
                let sample = sample.as_str().unwrap_or_default();
                if checked.is_match(sample) != Ok(expected) {
                    wrong += 1;
                    println!(
                        "{pattern:?} => {ecmascript:?}: {sample:?} should {}match",
                        if expected { "" } else { "not " }
                    );
                }
            }
        }
    }
    println!("{wrong} wrong, {unchecked} unchecked");
}
