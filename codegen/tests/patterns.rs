//! Every `pattern` of the AppStream models compiles as the ECMAScript the runtime checks with,
//! and means what it says: for each, a realistic value it should accept is accepted and one it
//! should reject is rejected.

use std::collections::BTreeSet;
use std::path::Path;

use awsjson_runtime::validate::Pattern;

const MODELS: &[&str] = &["appstream-2016-12-01.json", "appstream-2016-12-01.latest.json"];

/// Each distinct pattern, exactly as the models write it, with a value it accepts and one it
/// rejects. Patterns without `^…$` are searches, so their rejected value holds no match at all.
/// `None` marks a pattern that rejects nothing: unanchored, it matches the empty string anywhere.
const SAMPLES: &[(&str, &str, Option<&str>)] = &[
    // The 2016 model's `Arn`: only the `aws` partition.
    (
        r"^arn:aws:[A-Za-z0-9][A-Za-z0-9_/.-]{0,62}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,1023}$",
        "arn:aws:appstream:us-east-1:123456789012:fleet/my-fleet",
        Some("arn:aws-cn:appstream:cn-north-1:123456789012:fleet/my-fleet"),
    ),
    // `Name` (both models) and `FilterName`.
    (r"^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$", "my-fleet_01.prod", Some("-my-fleet")),
    // `AmiName`
    (
        r"^[a-zA-Z0-9().\-/_]{3,128}$",
        "AppStream-WinServer2019-06-17-2024(v2.1)/base",
        Some("AppStream WinServer2019"),
    ),
    // `AppDisplayName`
    (r"^[a-zA-Z0-9][a-zA-Z0-9_. -]{0,99}$", "Microsoft Word 2019", Some("Word & Excel")),
    // `AppName`
    (r"^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,99}$", "notepad-plus_8.6", Some("notepad++")),
    // The latest `Arn`: Java's `\-` outside a class, and a partition the list lacks.
    (
        r"^arn:aws(?:\-cn|\-iso\-b|\-iso|\-us\-gov)?:[A-Za-z0-9][A-Za-z0-9_/.-]{0,62}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9][A-Za-z0-9:_/+=,@.\\-]{0,1023}$",
        "arn:aws-us-gov:appstream:us-gov-west-1:123456789012:stack/my-stack",
        Some("arn:aws-iso-f:appstream:us-isof-south-1:123456789012:fleet/my-fleet"),
    ),
    // `AwsAccountId`
    (r"^\d+$", "123456789012", Some("1234-5678-9012")),
    // `EmbedHostDomain`, a search: a single label holds no dotted name.
    (
        r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9][a-z0-9-]{0,61}[a-z0-9]",
        "portal.example.com",
        Some("localhost"),
    ),
    // `FilterValue`
    (r"^[a-zA-Z0-9][a-zA-Z0-9_:/.-]{0,200}$", "tag:Project/prod-1", Some("prod*")),
    // `ImageImportDescription`, `ImageImportDisplayName`
    (r"^[a-zA-Z0-9_.() -]+$", "Imported base image (v1.2)", Some("Base image, v2")),
    // `InstanceType`
    (
        r"^[a-zA-Z0-9-]+(\.[a-z0-9-]+)+\.(small|medium|large|xlarge|\d+xlarge|metal)$",
        "stream.graphics.g4dn.12xlarge",
        Some("stream.standard.huge"),
    ),
    // `KmsKeyArn`: a key, not an alias.
    (
        r"^arn:aws(?:\-cn|\-iso\-b|\-iso|\-us\-gov)?:kms:[a-z0-9\-]+:\d{12}:key/[A-Za-z0-9\-]+$",
        "arn:aws-iso-b:kms:us-isob-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        Some("arn:aws:kms:us-east-1:123456789012:alias/my-key"),
    ),
    // `LaunchParameters`
    (r"^[^\x00]+$", r#"--profile "Work" C:\data"#, Some("--profile\0Work")),
    // `NvidiaGridDriverVersion`
    (r"^[0-9]+(\.[0-9]+){1,2}$", "535.183.01", Some("535")),
    // `PhotonAmiId`
    (r"^ami-[a-z0-9]{8,17}$", "ami-0123456789abcdef0", Some("ami-1234")),
    // `ProcessImageName`: a Unicode name, and the look-behind refusing a doubled `.exe`.
    (
        r"^[\p{L}0-9_](?:[\p{L}0-9._ ()+-]*[\p{L}0-9._()+-])?(?<!\.[eE][xX][eE])\.[eE][xX][eE]$",
        "Éditeur (x86).EXE",
        Some("setup.exe.exe"),
    ),
    // `S3Bucket`: the look-behind refuses a trailing dot.
    (r"^[0-9a-z\.\-]*(?<!\.)$", "my-domain.example", Some("trailing.")),
    // `S3BucketArn`: a bucket, not an object in it.
    (
        r"^arn:aws(?:\-cn|\-iso\-b|\-iso|\-us\-gov)?:s3:::[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9]$",
        "arn:aws-cn:s3:::appstream2-36fb080bb8-cn-north-1-123456789012",
        Some("arn:aws:s3:::my-bucket/photo.jpg"),
    ),
    // `StreamingUrlUserId`: unanchored with `*`, so `user name` (or anything) matches too.
    (r"[\w+=,.@-]*", "jane.doe+appstream@example.com", None),
    // `TagKey`: Unicode, and the look-ahead refusing the reserved `aws:` prefix.
    (r"^(^(?!aws:).[\p{L}\p{Z}\p{N}_.:/=+\-@]*)$", "Équipe 1", Some("aws:reserved")),
    // `TagValue`
    (r"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$", "Zürich / 東京", Some("R&D")),
    // `ThemeFooterLinkDisplayName`, `ThemeTitleText`
    (r"^[-@./#&+\w\s]*$", "Help & Support #1", Some("Support (24/7)")),
    // `UUID`: lower case only.
    (
        r"^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$",
        "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
        Some("0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0"),
    ),
    // `UrlPattern`: the schemes it lists.
    (
        r"^((https?|ftp|sftp)://|mailto:)[^\s,;<>]+$",
        "https://portal.example.com/*",
        Some("file:///C:/Windows/System32"),
    ),
    // `UsbDeviceFilterString`: Java's `\,`; eight fields, the last two 0 or 1.
    (
        r"^((\w*)\s*(\w*)\s*\,\s*(\w*)\s*\,\s*\*?(\w*)\s*\,\s*\*?(\w*)\s*\,\s*\*?\d*\s*\,\s*\*?\d*\s*\,\s*[0-1]\s*\,\s*[0-1]\s*)$",
        "Wacom Tablet, 056a, *, *, 3, 1, 1, 0",
        Some("Wacom Tablet, 056a, *, *, 3, 1, yes, no"),
    ),
    // `UserAttributeValue`
    (r"^[A-Za-z0-9_\-\s]+$", "Jane Doe", Some("O'Brien")),
    // `Username`, a search: it needs one letter, mark, symbol, digit or punctuation.
    (r"[\p{L}\p{M}\p{S}\p{N}\p{P}]+", "zoë.müller@example.com", Some(" \t\u{3000} ")),
    // `WorkspaceImageId`: a WorkSpaces image, not an AMI.
    (r"^wsi-[0-9a-z]{8,63}$", "wsi-0123abcd9", Some("ami-0123abcd9")),
];

/// The distinct patterns of every model, each with the ECMAScript it is checked with.
fn model_patterns() -> Vec<(String, awsjson_codegen::ir::Pattern)> {
    let mut patterns = Vec::new();
    for name in MODELS {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../model").join(name);
        let model = awsjson_codegen::load_model(&path)
            .unwrap_or_else(|error| panic!("{name} does not load: {error}"));
        let service = awsjson_codegen::ir::build(&model).unwrap_or_else(|problems| {
            let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
            panic!("{name} does not build: {}", problems.join("\n"))
        });
        patterns.extend(service.patterns.into_iter().map(|pattern| (name.to_string(), pattern)));
    }
    patterns
}

#[test]
fn every_pattern_has_exactly_one_row() {
    let patterns = model_patterns();
    let mut problems = Vec::new();
    for (model, pattern) in &patterns {
        let rows = SAMPLES.iter().filter(|(source, ..)| *source == pattern.source).count();
        if rows != 1 {
            problems.push(format!("{model}: `{}` has {rows} rows in SAMPLES", pattern.source));
        }
    }
    let known: BTreeSet<&str> =
        patterns.iter().map(|(_, pattern)| pattern.source.as_str()).collect();
    for (source, ..) in SAMPLES {
        if !known.contains(source) {
            problems.push(format!("`{source}` is in SAMPLES but in no model"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Both models' patterns, one shared.
    assert_eq!(known.len(), 28, "distinct patterns of {MODELS:?}");
}

#[test]
fn every_pattern_accepts_and_rejects_its_samples() {
    // Checked as generated code checks: with the ECMAScript the generator translated.
    let patterns = model_patterns();
    let mut failures = Vec::new();
    for (source, accepted, rejected) in SAMPLES {
        let Some((_, found)) = patterns.iter().find(|(_, pattern)| pattern.source == *source)
        else {
            failures.push(format!("`{source}`: in no model"));
            continue;
        };
        let pattern = Pattern::owned(found.source.clone(), found.ecmascript.clone());
        if let Err(why) = pattern.compile() {
            failures.push(format!("`{source}` (`{}`) does not compile: {why}", found.ecmascript));
            continue;
        }
        // An unanchored pattern that matches the empty string matches every string.
        let checks = match rejected {
            Some(rejected) => [(*accepted, true), (*rejected, false)],
            None => [(*accepted, true), ("", true)],
        };
        for (sample, expected) in checks {
            match pattern.is_match(sample) {
                Ok(matched) if matched == expected => {}
                Ok(matched) => failures.push(format!(
                    "`{source}` (`{}`) {} {sample:?}",
                    found.ecmascript,
                    if matched {
                        "accepts, but should reject,"
                    } else {
                        "rejects, but should accept,"
                    }
                )),
                Err(why) => failures.push(format!("`{source}` does not compile: {why}")),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every pattern of every model we test with, and the constraints fixture.
fn all_patterns() -> Vec<awsjson_codegen::ir::Pattern> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let models = [
        "../model/appstream-2016-12-01.json",
        "../model/appstream-2016-12-01.latest.json",
        "../tests/models/dynamodb-2012-08-10.json",
        "../tests/models/secretsmanager-2017-10-17.json",
        "tests/fixtures/constraints.json",
    ];
    let mut patterns: Vec<awsjson_codegen::ir::Pattern> = Vec::new();
    for name in models {
        let model = awsjson_codegen::load_model(&root.join(name))
            .unwrap_or_else(|error| panic!("{name} does not load: {error}"));
        let service = awsjson_codegen::ir::build(&model)
            .unwrap_or_else(|problems| panic!("{name} does not build: {problems:?}"));
        for pattern in service.patterns {
            if !patterns.contains(&pattern) {
                patterns.push(pattern);
            }
        }
    }
    patterns
}

/// Strings near a pattern's matches: its samples and its own characters, mutated at random,
/// with characters whose meaning differs between regex dialects (line terminators, Unicode
/// spaces, non-ASCII letters and digits).
fn near_strings(pattern: &str, seeds: &[&str], count: usize) -> Vec<String> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D ^ pattern.len() as u64;
    let mut next = move |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below.max(1) as u64) as usize
    };
    let mut alphabet: Vec<char> = pattern.chars().filter(|c| !c.is_control()).collect();
    alphabet.extend("aZ09_-.:/ \t\n\r\u{a0}\u{2028}\u{3000}é日٣\u{301}😀@,*".chars());
    alphabet.extend(seeds.iter().flat_map(|seed| seed.chars()));
    let mut strings: Vec<String> = seeds.iter().map(|seed| (*seed).to_owned()).collect();
    strings.push(String::new());
    while strings.len() < count {
        let mut chars: Vec<char> = match next(3) {
            0 => (0..next(24)).map(|_| alphabet[next(alphabet.len())]).collect(),
            _ => strings[next(strings.len())].chars().collect(),
        };
        for _ in 0..=next(3) {
            let at = next(chars.len() + 1);
            match next(3) {
                0 if at < chars.len() => {
                    chars.remove(at);
                }
                1 if at < chars.len() => chars[at] = alphabet[next(alphabet.len())],
                _ => chars.insert(at, alphabet[next(alphabet.len())]),
            }
        }
        strings.push(chars.into_iter().collect());
    }
    strings
}

/// The runtime checks most patterns with the regex crate, translated; this is the proof that
/// the translation means what regress, the ECMAScript engine, says, on 3,000 strings per
/// pattern around its samples.
#[test]
fn the_fast_engine_agrees_with_ecmascript_on_every_pattern() {
    let mut disagreements = Vec::new();
    let mut engines = std::collections::BTreeMap::new();
    for found in all_patterns() {
        let reference = regress::Regex::with_flags(&found.ecmascript, "u")
            .unwrap_or_else(|error| panic!("`{}` does not compile: {error}", found.ecmascript));
        let pattern = Pattern::owned(found.source.clone(), found.ecmascript.clone());
        let engine = pattern.engine().unwrap_or("none");
        *engines.entry(engine).or_insert(0) += 1;
        let seeds: Vec<&str> = (SAMPLES.iter())
            .filter(|(source, ..)| *source == found.source)
            .flat_map(|(_, accepted, rejected)| [Some(*accepted), *rejected])
            .flatten()
            .collect();
        for text in near_strings(&found.ecmascript, &seeds, 3_000) {
            let expected = reference.find(&text).is_some();
            if pattern.is_match(&text) != Ok(expected) {
                disagreements.push(format!(
                    "`{}` on {text:?}: ECMAScript says {expected}",
                    found.ecmascript
                ));
            }
        }
    }
    assert!(
        disagreements.is_empty(),
        "{}",
        disagreements[..disagreements.len().min(20)].join("\n")
    );
    // Only look-around keeps a pattern on regress: four of them, in the latest AppStream model
    // and the fixture.
    let expected = std::collections::BTreeMap::from([("regex", 44), ("regress", 4)]);
    assert_eq!(engines, expected);
}
