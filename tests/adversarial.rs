//! Hostile and merely large documents (issue 16): each gives a bounded result and a clear
//! diagnostic, and none panics, aborts or hangs. Inputs are generated here, never committed.
//!
//! Sizes are ones a debug build handles in seconds when the code is linear (a quadratic
//! regression shows as a test suite that suddenly takes minutes). Time is never asserted:
//! `cargo xtask bench` measures it.

mod common;

use docrules_model::diagnostic::Diagnostic;
use docrules_model::document::Document;
use docrules_model::locale::Locale;

const FRONT: &str = "---\nms.date: 07/15/2019\nms.contentlocale: ja-JP\n---\n";
const HEADER: &str = "| エラー | 原因 | 推奨される操作 |\n| --- | --- | --- |\n";

fn read(text: impl Into<Vec<u8>>) -> Result<Document, Diagnostic> {
    let locale = Locale::parse("ja-JP");
    docrules_parse::corpus::read_document("a.md", text.into(), locale.as_ref(), &Default::default())
}

fn codes(doc: &Document) -> Vec<&str> {
    doc.diagnostics.iter().map(|d| d.code).collect()
}

// 1. Front matter.

/// 9 levels of 9 aliases: a tree loader expands them to 9⁹ nodes.
fn alias_bomb() -> String {
    let mut yaml = String::from("---\nms.date: 07/15/2019\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for level in 1..10 {
        let refs = vec![format!("*a{}", level - 1); 9].join(", ");
        yaml.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
    }
    yaml + "---\n# T\n"
}

/// The same with merge keys (`<<: *b`).
fn merge_bomb() -> String {
    let mut yaml = String::from("---\nms.date: 07/15/2019\nb0: &b0 {k0: x, k1: x, k2: x}\n");
    for level in 1..10 {
        yaml.push_str(&format!("b{level}: &b{level}\n"));
        for key in 0..9 {
            yaml.push_str(&format!("  m{key}: {{<<: *b{}}}\n", level - 1));
        }
    }
    yaml + "---\n# T\n"
}

#[test]
fn yaml_alias_bombs_are_read_without_expanding() {
    for (what, text) in [("alias bomb", alias_bomb()), ("merge bomb", merge_bomb())] {
        let doc = read(text).unwrap_or_else(|d| panic!("{what}: {d}"));
        let front = &doc.front_matter;
        assert_eq!(front.get("ms.date"), Some("07/15/2019"), "{what}");
        // The nested values are lists and maps: kept as keys with empty values.
        assert!(
            front.fields.contains_key("a9") || front.fields.contains_key("b9"),
            "{what}"
        );
    }
}

#[test]
fn aliases_of_a_long_scalar_are_bounded() {
    let value = "v".repeat(30_000);
    let text = format!("---\nlong: &l {value}\nc1: *l\nc2: *l\nc3: *l\n---\n# T\n");
    let err = read(text).unwrap_err();
    assert_eq!(err.code, "front-matter-yaml");
    assert_eq!(err.span.map(|s| s.line), Some(5), "{err}");
    assert!(err.message.contains("aliases expand"), "{err}");
}

#[test]
fn front_matter_over_64_kib_is_an_error_naming_file_and_line() {
    let text = format!("---\ntitle: {}\n---\n# T\n", "x".repeat(1 << 20));
    let err = read(text).unwrap_err();
    assert_eq!(err.code, "front-matter-too-large");
    assert_eq!(err.path, "a.md");
    assert_eq!(err.span.map(|s| s.line), Some(1));
    assert!(
        err.message
            .contains(&docrules_parse::front_matter::MAX_FRONT_MATTER_BYTES.to_string())
    );
}

#[test]
fn many_front_matter_keys_are_read_in_linear_time() {
    // As many short keys as fit the 64 KiB bound; finding each key's line by scanning the
    // block made 20,000 keys take 40 s in release.
    let keys = 5_000;
    let mut text = String::from("---\n");
    for i in 0..keys {
        text.push_str(&format!("k{i}: {i}\n"));
    }
    text.push_str("---\n# T\n");
    let doc = read(text).unwrap();
    let front = doc.front_matter;
    assert_eq!(front.fields.len(), keys);
    assert_eq!(
        front.span_of(&format!("k{}", keys - 1)).map(|s| s.line),
        Some(keys as u32 + 1)
    );
}

// 2. Nesting depth.

fn cell_with(inner: &str) -> String {
    format!(
        "{FRONT}## S\n\n{HEADER}| e (ID: 1) | {inner} | a |\n\n## After\n\nstill read: 48 時間\n"
    )
}

fn assert_too_deep(what: &str, doc: &Document) {
    let deep: Vec<_> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == "nesting-too-deep")
        .collect();
    assert_eq!(deep.len(), 1, "{what}: {:?}", codes(doc));
    assert_eq!(deep[0].span.map(|s| s.line), Some(9), "{what}");
    assert_eq!(doc.rules.len(), 1, "{what}");
    assert!(
        doc.sections.iter().any(|s| s.title == "After"),
        "{what}: the rest is read"
    );
}

#[test]
fn deeply_nested_html_in_a_cell_is_cut_at_the_depth_limit() {
    for (what, inner) in [
        (
            "10,000 closed <ul>",
            "<ul><li>".repeat(10_000) + "x" + &"</li></ul>".repeat(10_000),
        ),
        ("100,000 unclosed <ul>", "<ul><li>".repeat(100_000) + "x"),
        (
            "10,000 <ol><strong>",
            "<ol><li><strong>".repeat(10_000) + "x",
        ),
        ("10,000 markdown emphasis", "**a *b ".repeat(10_000) + "x"),
        (
            "stray closes after deep opens",
            "<ul>".repeat(5_000) + &"</ol>".repeat(5_000),
        ),
    ] {
        let doc = read(cell_with(&inner)).unwrap();
        if what.contains("emphasis") {
            // pulldown-cmark pairs these delimiters itself; bounded either way.
            assert_eq!(doc.rules.len(), 1, "{what}");
            continue;
        }
        assert_too_deep(what, &doc);
    }
}

#[test]
fn deep_markdown_blocks_are_read() {
    for (what, body) in [
        ("10,000 block quotes", "> ".repeat(10_000) + "48 時間\n"),
        ("100,000 block quotes", "> ".repeat(100_000) + "48 時間\n"),
        (
            "10,000 nested list items",
            "- ".repeat(10_000) + "48 時間\n",
        ),
        (
            "10,000 indented list levels",
            (0..2_000)
                .map(|i| format!("{}- x\n", "  ".repeat(i)))
                .collect(),
        ),
    ] {
        let doc = read(format!("{FRONT}## S\n\n{body}\n## After\n")).unwrap();
        assert!(doc.sections.iter().any(|s| s.title == "After"), "{what}");
    }
}

// 4. Line endings and bytes.

#[test]
fn cr_only_line_endings_are_lines() {
    let lf = format!("{FRONT}## S\n\n{HEADER}| e (ID: 34513) | 48 時間 | a |\n");
    let doc = read(lf.replace('\n', "\r")).unwrap();
    assert_eq!(doc.front_matter.get("ms.date"), Some("07/15/2019"));
    assert_eq!(doc.rules.len(), 1);
    assert_eq!(doc.rules[0].span.line, 9);
    // Every fact is where it is in the same file with `\n` line endings.
    let lf_doc = read(lf).unwrap();
    let at = |d: &Document| {
        d.facts
            .iter()
            .map(|f| (f.text.clone(), f.span))
            .collect::<Vec<_>>()
    };
    assert_eq!(at(&doc), at(&lf_doc));
    assert!(
        doc.facts
            .iter()
            .any(|f| f.text == "48 時間" && f.span.line == 9)
    );
}

#[test]
fn lone_crs_do_not_shift_line_numbers() {
    let text = format!("{FRONT}## S\rstill line 5\n\n{HEADER}| e (ID: 34513) | 48 時間 | a |\n");
    let doc = read(text).unwrap();
    let fact = doc
        .facts
        .iter()
        .find(|f| f.text == "48 時間")
        .expect("the duration");
    assert_eq!(fact.span.line, 9);
}

#[test]
fn mixed_line_endings_keep_lines() {
    let text = "---\r\nms.date: 07/15/2019\n---\r\n## S\n\n| エラー | 原因 |\r\n| --- | --- |\n| e (ID: 34513) | 48 時間 |\r\n";
    let doc = read(text).unwrap();
    assert_eq!(doc.rules.len(), 1);
    assert_eq!(doc.rules[0].span.line, 8);
}

#[test]
fn nul_anywhere_makes_a_binary_file() {
    let mut text = format!("{FRONT}## S\n\n{}\n", "x".repeat(100_000)).into_bytes();
    text.push(0);
    let err = read(text).unwrap_err();
    assert_eq!(err.code, "binary-file");
    assert!(err.message.contains("line 8"), "{err}");
}

#[test]
fn utf16_is_named_and_a_utf8_bom_is_read() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(FRONT.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let err = read(utf16).unwrap_err();
    assert_eq!(err.code, "unsupported-encoding");
    assert!(err.message.contains("UTF-16"), "{err}");
    let doc = read(format!("\u{feff}{FRONT}# T\n")).unwrap();
    assert_eq!(doc.front_matter.get("ms.date"), Some("07/15/2019"));
}

#[test]
fn invalid_utf8_inside_a_cell_names_its_line() {
    let mut text = format!("{FRONT}## S\n\n{HEADER}| e | ").into_bytes();
    text.extend_from_slice(b"\xff\xfe | a |\n");
    let err = read(text).unwrap_err();
    assert_eq!(err.code, "invalid-utf8");
    assert_eq!(err.span.map(|s| s.line), Some(9));
}

// 5. Numbers.

fn facts_of(body: &str) -> Vec<(String, String)> {
    let doc = read(format!("{FRONT}## S\n\n{body}\n")).unwrap();
    doc.facts
        .iter()
        .filter(|f| !matches!(f.value, docrules_model::fact::Value::ErrorId { .. }))
        .map(|f| (f.text.clone(), format!("{:?}", f.value)))
        .collect()
}

#[test]
fn negative_amounts_are_no_facts() {
    assert_eq!(facts_of("-5 時間以上"), vec![]);
    assert_eq!(facts_of("値は −5 時間"), vec![]);
    // A minus between two numbers is a range, still read.
    assert!(!facts_of("5-10 時間").is_empty());
}

#[test]
fn numbers_past_u64_are_no_facts_and_their_tails_neither() {
    for body in [
        "99,999,999,999,999,999,999 時間",
        "1,000,000,000,000,000,000,000 years",
        "123456789012345678901234567890 日",
        "123456789012345678901234567890 hours",
    ] {
        assert_eq!(facts_of(body), vec![], "{body}");
    }
    // Lists of small numbers are still numbers.
    assert!(!facts_of("1,2,3 日").is_empty());
}

#[test]
fn runs_of_kanji_that_are_no_numeral_are_no_facts() {
    assert_eq!(facts_of(&("十".repeat(10_000) + "時間")), vec![]);
    assert_eq!(facts_of("十十時間"), vec![]);
    assert!(!facts_of("二十四時間").is_empty());
}

#[test]
fn an_exponent_is_not_cut_off_into_a_range() {
    let facts = facts_of("5%から1e400%");
    assert!(
        facts.iter().all(|(text, _)| !text.contains('1')),
        "{facts:?}"
    );
}

// 3. Size.

#[test]
fn many_equal_headings_get_distinct_anchors_in_linear_time() {
    let n = 20_000;
    let mut text = String::from(FRONT);
    for i in 0..n {
        text.push_str(&format!(
            "## Same\n\n{HEADER}| e (ID: {i}) | 48 時間 | a |\n"
        ));
    }
    let doc = read(text).unwrap();
    let anchors: std::collections::HashSet<_> = doc.sections.iter().map(|s| &s.anchor).collect();
    assert_eq!(anchors.len(), doc.sections.len());
    assert_eq!(doc.rules.len(), n);
    // No heading of a lower level: no section has a parent.
    assert!(doc.sections.iter().all(|s| s.parent.is_none()));
}
