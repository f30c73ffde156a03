//! End-to-end tests: HTML in, Markdown lines out, and output rules every input must keep
//! (malformed, fuzzed and the real models' documentation).

use super::html_to_markdown as md;

#[track_caller]
fn check(html: &str, expected: &[&str]) {
    assert_eq!(md(html), expected, "for {html:?}");
}

#[test]
fn paragraphs() {
    check("<p>Creates a new fleet.</p>", &["Creates a new fleet."]);
    check("<p>A</p><p>B</p>", &["A", "", "B"]);
    check(" <p> a\n  b </p>\n <p></p> ", &["a b"]);
    check("", &[]);
    check(" \n\t ", &[]);
}

#[test]
fn lists() {
    check(
        "<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>",
        &["- a", "  - b", "  - c", "- d"],
    );
    check("<ol><li>a</li><li>b<ol><li>c</li></ol></li></ol>", &["1. a", "2. b", "   1. c"]);
    check(
        "<p>Pick:</p><ul><li><p>a</p></li> <li><p>b</p></li></ul><p>End</p>",
        &["Pick:", "", "- a", "- b", "", "End"],
    );
    check("<ul><li><p>a</p><p>b</p></li><li>c</li></ul>", &["- a", "", "  b", "", "- c"]);
    check("<ul><li>a<li>b</ul>", &["- a", "- b"]);
    check("<ul><li><ul><li>x</li></ul></li><li></li></ul>", &["- - x"]);
}

#[test]
fn emphasis() {
    check("<p><b>x</b> <i>y</i> <strong>z</strong><em> </em> <b></b>w</p>", &["**x** *y* **z** w"]);
    check("<p>a<b> b </b>c</p>", &["a **b** c"]);
}

#[test]
fn inline_code() {
    check("<p>Use <code>Fleet_1</code> now</p>", &["Use `Fleet_1` now"]);
    check("<code>a`b</code>", &["``a`b``"]);
    check("<code>`a</code>", &["`` `a ``"]);
    check("<code> </code>x", &["x"]);
}

#[test]
fn code_blocks() {
    check(
        "<p>Run:</p><pre>\n  fn main() {\n      x\n\n\n  }\n</pre>",
        &["Run:", "", "```text", "fn main() {", "    x", "", "}", "```"],
    );
    check("<ul><li><code>a\nb</code></li></ul>", &["- ```text", "  a", "  b", "  ```"]);
}

#[test]
fn links() {
    check("<a href=\"https://x.com/a\">The <i>guide</i></a>", &["[The *guide*](https://x.com/a)"]);
    check("<a href=\"http://x.com/a (b)\">[x]</a>", &["[\\[x\\]](http://x.com/a%20%28b%29)"]);
    check("use <a>ListFleets</a> or <a href=\"../rel\">here</a>", &["use ListFleets or here"]);
    check("<a href='https://x.com'></a>", &["<https://x.com>"]);
    check("Wow!<a href=\"https://x.com\">y</a>", &["Wow\\![y](https://x.com)"]);
}

#[test]
fn bare_urls() {
    check("See https://x.com/a_b. Or http://, no.", &["See <https://x.com/a_b>. Or http://, no."]);
    check("(http://y.org/p)", &["(<http://y.org/p>)"]);
}

#[test]
fn notes() {
    check("<p>A</p><note><p>B</p><p>C</p></note>", &["A", "", "**Note:** B", "", "C"]);
    check("<important>Careful</important>", &["**Important:** Careful"]);
    check("<note><ul><li>x</li></ul></note><note></note>", &["**Note:**", "", "- x"]);
}

#[test]
fn definition_lists() {
    check(
        "<dl><dt>ON_DEMAND</dt><dd><p>Slow.</p></dd><dt>B</dt><dd>Fast</dd></dl>",
        &["**ON\\_DEMAND**", "", "Slow.", "", "**B**", "", "Fast"],
    );
}

#[test]
fn breaks_headings_unknown_tags() {
    check("<p>a<br>b<br/>-c<br /></p>", &["a\\", "b\\", "\\-c"]);
    check("<h2>Title</h2><p>x</p>", &["**Title**", "", "x"]);
    check(
        "<fullname>Amazon AppStream</fullname> <div>a <span>b</span></div>",
        &["Amazon AppStream a b"],
    );
}

#[test]
fn entities() {
    check(
        "a &amp; b &lt;p&gt; &quot;&apos;&#39;&nbsp;&#65;&#x42; &bogus; &#0; & ;",
        &["a & b &lt;p&gt; \"'' AB &amp;bogus; &amp;\\#0; & ;"],
    );
}

#[test]
fn escapes() {
    check(
        "specify [LATEST] a_b*c #1 x|y ~z tt--com \\",
        &["specify \\[LATEST\\] a\\_b\\*c \\#1 x\\|y \\~z tt\\--com \\\\"],
    );
    check(
        "<p>- a</p><p>+ b</p><p>1. c</p><p>12) d</p><p>=</p>",
        &["\\- a", "", "\\+ b", "", "1\\. c", "", "12\\) d", "", "\\="],
    );
    check("<code>a_*[</code>", &["`a_*[`"]);
}

/// Output rules every input must keep; code spans, autolinks and code blocks are skipped.
#[track_caller]
fn assert_clean(html: &str) {
    let lines = md(html);
    let blank = |i: usize| lines.get(i).is_some_and(String::is_empty);
    assert!(!blank(0) && !blank(lines.len().wrapping_sub(1)), "{html:?} → {lines:?}");
    let mut fenced = false;
    for (i, line) in lines.iter().enumerate() {
        assert!(!line.contains('\n') && line.trim_end() == line, "{html:?} → {line:?}");
        assert!(!(blank(i) && blank(i + 1)), "{html:?} → {lines:?}");
        if without_markers(line).starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            assert_markdown_text(line);
        }
    }
}

fn without_markers(mut line: &str) -> &str {
    loop {
        line = line.trim_start();
        let digits = line.find(|c: char| !c.is_ascii_digit()).unwrap_or(line.len());
        match line
            .strip_prefix("- ")
            .or_else(|| line[digits..].strip_prefix(". ").filter(|_| digits > 0))
        {
            Some(rest) => line = rest,
            None => return line,
        }
    }
}

/// No raw HTML tag, and `[`/`]` only escaped or as `[text](http…)`.
fn assert_markdown_text(line: &str) {
    let (mut rest, mut open) = (line, 0);
    while let Some(c) = rest.chars().next() {
        let mut skip = c.len_utf8();
        match c {
            '\\' => skip += rest[1..].chars().next().map_or(0, char::len_utf8),
            '`' => {
                let run = rest.len() - rest.trim_start_matches('`').len();
                let end = rest[run..].find(&rest[..run]);
                skip = 2 * run + end.unwrap_or_else(|| panic!("open code span: {line}"));
            }
            '<' if rest.starts_with("<http") => skip = rest.find('>').map_or(1, |e| e + 1),
            '<' => assert!(
                !rest[1..].starts_with(|c: char| c.is_alphabetic() || c == '/'),
                "tag: {line}"
            ),
            '[' => open += 1,
            ']' => {
                assert!(open > 0 && rest.starts_with("](http"), "bracket: {line}");
                open -= 1;
            }
            _ => {}
        }
        rest = &rest[skip..];
    }
    assert_eq!(open, 0, "bracket: {line}");
}

#[test]
fn malformed_input_never_panics() {
    for html in [
        "<",
        ">",
        "&",
        "</",
        "<p",
        "<p>",
        "</p>",
        "<a href=\"x",
        "<a href='https://a.b'>x",
        "<!-- x",
        "<!---->",
        "<![CDATA[x]]>",
        "<?xml?>",
        "&#xFFFFFFFF;",
        "&#55296;",
        "&#;",
        "&#x;",
        "&amp",
        "é<é>&é;",
        "<é>",
        "<p é>",
        "<code>",
        "<pre><code>x</pre>",
        "</code></pre></li></ul></a></b>",
        "<li>x",
        "<ol><li><li></ol>",
        "<a =x/>",
        "<a href>x</a>",
        "<br/><br/>",
        "<dt><p>x</p></dt>",
        "<b><p>x</p></b>",
        "日本語<b>語</b>",
        "<code>```</code>",
        "<a href=\"https://x\"><a href=\"https://y\">z</a></a>",
        "x\u{0}y\u{2028}z",
    ] {
        assert_clean(html);
    }
    for deep in
        ["<ul><li>x", "<ol><li><p>x", "<b>x", "<dl><dt>x", "<note>", "<a href='https://x.y'>x"]
    {
        assert_clean(&deep.repeat(20_000));
    }
}

#[test]
fn fuzz() {
    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<ul>",
        "<ol>",
        "</ul>",
        "<li>",
        "</li>",
        "<code>",
        "</code>",
        "<pre>",
        "</pre>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<note>",
        "</note>",
        "<dl>",
        "<dt>",
        "<dd>",
        "<br/>",
        "<a href=\"https://e.com/(x) y\">",
        "<a>",
        "</a>",
        "&amp;",
        "&#x41;",
        "&#99999999;",
        "&bogus;",
        "http://e.com/a",
        "é",
        "日",
        "\n",
        " ",
        "`",
        "[",
        "]",
        "*",
        "_",
        "\\",
        "-",
        "1.",
        "!",
        "<",
        ">",
        "/",
        "&",
        ";",
        "\"",
        "=",
        "#",
        "a",
        "p",
        "b",
        "c",
        "o",
        "d",
        "e",
        "l",
        "i",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % n
    };
    for _ in 0..4000 {
        let html: String = (0..next(40)).map(|_| PIECES[next(PIECES.len())]).collect();
        assert_clean(&html);
    }
}

#[test]
fn real_models_render_cleanly() {
    fn walk(value: &serde_json::Value, docs: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                map.iter().for_each(|(key, value)| match (key.as_str(), value) {
                    ("documentation", serde_json::Value::String(doc)) => docs.push(doc.clone()),
                    _ => walk(value, docs),
                })
            }
            serde_json::Value::Array(values) => values.iter().for_each(|value| walk(value, docs)),
            _ => {}
        }
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../model/");
    let mut docs = Vec::new();
    for file in ["appstream-2016-12-01.2017-06-05.json", "appstream-2016-12-01.latest.json"] {
        let text = std::fs::read_to_string(format!("{dir}{file}")).expect("model file");
        walk(&serde_json::from_str(&text).expect("model JSON"), &mut docs);
    }
    assert!(docs.len() > 1000, "found only {} docs", docs.len());
    docs.iter().for_each(|doc| assert_clean(doc));
    // Every element the models use has an exact-output test above; a model update that brings
    // a new one fails here first.
    let tested = ["a", "b", "code", "dd", "dl", "dt", "fullname", "i", "li", "note", "p", "ul"];
    let mut used: Vec<String> = docs.iter().flat_map(|doc| element_names(doc)).collect();
    used.sort();
    used.dedup();
    assert_eq!(used, tested, "elements found in the real models");
}

/// The names of the elements opened or closed in `html`, lower-cased.
fn element_names(html: &str) -> Vec<String> {
    html.split('<')
        .skip(1)
        .map(|tag| tag.trim_start_matches('/'))
        .map(|tag| tag.chars().take_while(char::is_ascii_alphanumeric).collect::<String>())
        .filter(|name| !name.is_empty())
        .map(|name| name.to_ascii_lowercase())
        .collect()
}

#[test]
fn model_text_quoted_in_generated_docs_shows_as_it_is() {
    use super::{code, plain};
    assert_eq!(code("FooBar"), "`FooBar`");
    assert_eq!(code("`<i>`"), "`` `<i>` ``");
    assert_eq!(code("^[^`<>]*$"), "``^[^`<>]*$``");
    assert_eq!(code("  padded  "), "`   padded   `");
    // Three backticks would open a fenced block at the start of a line: escaped text instead.
    assert_eq!(code("a```b"), "a\\`\\`\\`b");
    assert_eq!(code("a``b"), "a\\`\\`b");
    assert_eq!(plain("Lints <T> & `x`"), "Lints &lt;T&gt; & \\`x\\`");
    assert_eq!(plain("- a list item"), "\\- a list item");
}

#[test]
fn deprecation_notes_escape_only_what_rustdoc_would_misread() {
    use super::deprecation_note as note;
    assert_eq!(
        note("Use ec2Configuration[].imageIdOverride instead."),
        "Use ec2Configuration[].imageIdOverride instead."
    );
    assert_eq!(note("see page(https://example.com/a)"), "see page(https://example.com/a)");
    assert_eq!(
        note("#[doc] and [see here](y) and [](z)"),
        "#\\[doc] and \\[see here](y) and \\[](z)"
    );
    assert_eq!(note("a <T> b, 1 < 2, </p>"), "a \\<T> b, 1 < 2, \\</p>");
}
