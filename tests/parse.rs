//! Fixture tests of the parser: cell structure, HTML problems, anchors, table shapes, encodings.

mod common;

use docrules_model::document::ColumnRole;
use docrules_model::document::{AnchorSource, HtmlIssueKind, Inline, plain_text};

fn kinds(inlines: &[Inline]) -> Vec<&'static str> {
    inlines
        .iter()
        .filter(|i| !matches!(i, Inline::Text { text, .. } if text.trim().is_empty()))
        .map(|i| match i {
            Inline::Text { .. } => "text",
            Inline::Code { .. } => "code",
            Inline::Break { .. } => "break",
            Inline::SoftBreak { .. } => "soft-break",
            Inline::Strong { .. } => "strong",
            Inline::Emphasis { .. } => "emphasis",
            Inline::Strikethrough { .. } => "strike",
            Inline::Link { .. } => "link",
            Inline::Image { .. } => "image",
            Inline::List { .. } => "list",
            Inline::Html { .. } => "html",
        })
        .collect()
}

#[test]
fn cells_keep_their_structure() {
    let doc = common::parse_fixture("parse/cells.md", "en-US");
    assert_eq!(doc.rules.len(), 2);
    let first = &doc.rules[0];
    assert_eq!(
        first
            .error_ids
            .iter()
            .map(|i| i.value.as_str())
            .collect::<Vec<_>>(),
        ["34513"]
    );
    assert_eq!(first.error_ids[0].text, "34513");
    assert_eq!(doc.text_at(first.error_ids[0].span), "34513");

    let message = first.message().unwrap();
    assert_eq!(kinds(&message.inlines), ["strong", "break", "emphasis"]);

    // `<br>`, `<br/>` and `</br>` are all line breaks.
    let cause = first.causes().unwrap();
    assert_eq!(
        kinds(&cause.inlines),
        ["text", "break", "text", "break", "text"]
    );
    assert_eq!(cause.text(), "Line one\nline two\nline three");

    // A list with links (fragment split out) and a nested list holding inline code.
    let action = first.actions().unwrap();
    let [
        Inline::List {
            ordered: false,
            items,
            closed: true,
            ..
        },
    ] = action.inlines.as_slice()
    else {
        panic!("one closed list: {:?}", action.inlines);
    };
    assert_eq!(items.len(), 2);
    assert_eq!(
        kinds(&items[1].children),
        ["text", "link", "text", "link", "text", "list"]
    );
    let Inline::List { items: nested, .. } = items[1].children.last().unwrap() else {
        unreachable!()
    };
    assert_eq!(kinds(&nested[0].children), ["text", "code", "text"]);
    assert!(doc.html_issues.is_empty(), "{:?}", doc.html_issues);

    let fragments: Vec<(&str, Option<&str>)> = doc
        .links
        .iter()
        .map(|l| (l.target.as_str(), l.fragment.as_deref()))
        .collect();
    assert_eq!(
        fragments,
        [
            ("", Some("proxy-settings")),
            ("other.md", Some("install")),
            ("https://example.com/page?id=3", Some("frag"))
        ]
    );
    assert_eq!(
        doc.text_at(doc.links[0].span),
        "[the proxy section](#proxy-settings)"
    );

    // Escaped pipes and pipes in code spans do not split cells.
    let second = &doc.rules[1];
    assert_eq!(second.cells.len(), 3);
    assert_eq!(second.cells[0].text(), "Code a|b and escaped | pipe");
    let [
        Inline::List {
            ordered: true,
            items,
            closed: true,
            ..
        },
    ] = second.causes().unwrap().inlines.as_slice()
    else {
        panic!("ordered list");
    };
    assert_eq!(
        items
            .iter()
            .map(|i| plain_text(&i.children))
            .collect::<Vec<_>>(),
        ["first", "second"]
    );
}

#[test]
fn malformed_cell_html_is_recorded_and_content_kept() {
    let doc = common::parse_fixture("parse/html-issues.md", "en-US");
    let issues: Vec<(u32, String)> = doc
        .html_issues
        .iter()
        .map(|i| {
            let what = match &i.kind {
                HtmlIssueKind::UnknownElement { name, .. } => format!("unknown {name}"),
                HtmlIssueKind::UnclosedList { name } => format!("unclosed {name}"),
                HtmlIssueKind::StrayClose { name } => format!("stray /{name}"),
                HtmlIssueKind::ItemOutsideList => "li outside list".to_owned(),
            };
            assert!(i.in_table);
            (i.span.line, what)
        })
        .collect();
    assert_eq!(
        issues,
        [
            (8, "unknown ui".to_owned()),
            (8, "li outside list".to_owned()),
            (9, "stray /ul".to_owned()),
            (10, "unclosed ol".to_owned()),
            (11, "unknown servername".to_owned()),
        ]
    );
    let ui = &doc.html_issues[0];
    assert_eq!(doc.text_at(ui.span), "<ui>");
    // The typo'd list still yields its items.
    assert_eq!(
        doc.rules[0].actions().unwrap().text(),
        "Exclude:\nCBengine.exe\nCSC.exe"
    );
    assert_eq!(doc.rules[2].actions().unwrap().text(), "one\ntwo");
    // An escaped `\<ServerName>` is text; the bare one is a tag and still visible in the cell.
    assert!(
        doc.rules[3]
            .actions()
            .unwrap()
            .text()
            .contains("<ServerName>")
    );
}

#[test]
fn anchors_from_html_attributes_and_slugs() {
    let doc = common::parse_fixture("parse/anchors.md", "ja-JP");
    let sections: Vec<(u8, &str, AnchorSource)> = doc
        .sections
        .iter()
        .map(|s| (s.level, s.anchor.as_str(), s.anchor_source))
        .collect();
    assert_eq!(
        sections,
        [
            (1, "html-anchor", AnchorSource::Html),
            (2, "custom-id", AnchorSource::Attribute),
            (2, "基本的なトラブルシューティング", AnchorSource::Slug),
            (2, "duplicate", AnchorSource::Slug),
            (2, "duplicate-1", AnchorSource::Slug),
            (3, "nested-level-three", AnchorSource::Slug),
        ]
    );
    assert_eq!(doc.sections[0].title, "Heading with an HTML anchor");
    assert_eq!(doc.sections[1].title, "Heading with an attribute");
    assert_eq!(doc.sections[5].parent.map(|p| p.index()), Some(4));
    assert_eq!(doc.sections[1].parent.map(|p| p.index()), Some(0));
    let names: Vec<&str> = doc.anchors.iter().map(|a| a.name.as_str()).collect();
    for expected in [
        "html-anchor",
        "custom-id",
        "duplicate-1",
        "inline-anchor",
        "block-anchor",
    ] {
        assert!(names.contains(&expected), "{expected} in {names:?}");
    }
    let fragments: Vec<&str> = doc
        .links
        .iter()
        .filter_map(|l| l.fragment.as_deref())
        .collect();
    assert_eq!(fragments, ["duplicate-1", "html-anchor"]);
}

#[test]
fn table_shapes_and_column_roles() {
    let doc = common::parse_fixture("parse/tables.md", "ja-JP");
    assert_eq!(doc.tables.len(), 3);
    let roles = |t: usize| {
        doc.tables[t]
            .header
            .iter()
            .map(|h| h.role)
            .collect::<Vec<_>>()
    };
    assert_eq!(roles(0), [ColumnRole::Error, ColumnRole::Action]);
    assert_eq!(
        roles(1),
        [ColumnRole::Operation, ColumnRole::Error, ColumnRole::Action]
    );
    assert_eq!(roles(2), [ColumnRole::Other, ColumnRole::Other]);
    assert_eq!(doc.tables[1].header[0].role_language, Some("en"));

    // No leading pipe, trailing pipe only in the header.
    assert_eq!(doc.tables[0].rows.len(), 1);
    assert_eq!(doc.rules[0].cells[0].text(), "No leading pipe");

    // Short rows are padded, long rows keep their raw line for the linter, the empty row is a
    // diagnostic, and every row is accounted for.
    let table = &doc.tables[1];
    assert_eq!(table.rows.len(), 4);
    let short = &doc.rules[table.rows[0].rule.unwrap()];
    assert_eq!(short.cells.len(), 3);
    assert_eq!(short.cells[2].text(), "");
    let long = &doc.rules[table.rows[1].rule.unwrap()];
    assert_eq!(long.cells.len(), 3);
    assert!(doc.text_at(long.span).ends_with("| an extra cell |"));
    assert!(table.rows[2].rule.is_none());
    let empty = doc
        .diagnostics
        .iter()
        .find(|d| d.code == "empty-row")
        .unwrap();
    assert_eq!(empty.span.unwrap().line, table.rows[2].span.line);
    // ... and the rows whose cell count differs from the header are reported from the raw line,
    // the long one pointing at the cell the parser dropped.
    let counts: Vec<(u32, &str)> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == "column-count")
        .map(|d| (d.span.unwrap().line, d.message.as_str()))
        .collect();
    assert_eq!(counts.len(), 2, "{counts:?}");
    assert_eq!(counts[0].0, short.span.line);
    assert!(
        counts[0]
            .1
            .starts_with("row has 2 cells but the header has 3"),
        "{}",
        counts[0].1
    );
    assert_eq!(counts[1].0, long.span.line);
    assert!(counts[1].1.ends_with("`an extra cell`"), "{}", counts[1].1);
    let dropped = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == "column-count")
        .nth(1)
        .unwrap();
    assert_eq!(doc.text_at(dropped.span.unwrap()), " an extra cell ");
    let last = &doc.rules[table.rows[3].rule.unwrap()];
    assert_eq!(last.operation().unwrap().text(), "バックアップ");
    assert_eq!(last.error_ids[0].value, "2013");
}

#[test]
fn bom_and_crlf_keep_spans_on_original_bytes() {
    let text = "\u{feff}---\r\nms.date: 1/2/2020\r\n---\r\n# <a name=\"t\"></a>Title\r\n\r\n| エラー | 原因 |\r\n| --- | --- |\r\n| 失敗 (ID: 42424) | 48 時間 |\r\n";
    let doc = common::parse_bytes("crlf.md", text.as_bytes().to_vec(), "ja-JP");
    assert_eq!(doc.front_matter.get("ms.date"), Some("1/2/2020"));
    let section = &doc.sections[0];
    assert_eq!(
        (
            section.anchor.as_str(),
            section.span.line,
            section.span.column
        ),
        ("t", 4, 1)
    );
    let rule = &doc.rules[0];
    assert_eq!(rule.span.line, 8);
    assert_eq!(doc.text_at(rule.span), "| 失敗 (ID: 42424) | 48 時間 |");
    let id = &rule.error_ids[0];
    assert_eq!(doc.text_at(id.span), "42424");
    // Columns count characters: `| 失敗 (ID: ` is 10 characters.
    assert_eq!((id.span.line, id.span.column), (8, 11));
    assert_eq!(rule.causes().unwrap().text(), "48 時間");
}

#[test]
fn deeply_nested_and_huge_input_does_not_crash() {
    let mut text = String::from("# Deep\n\n| Error | Action |\n| --- | --- |\n| x | ");
    text.push_str(&"<ul><li>".repeat(5_000));
    text.push_str(" |\n\n");
    text.push_str(&"> ".repeat(2_000));
    text.push_str("quote\n\n");
    text.push_str(&"*a **b ".repeat(2_000));
    let doc = common::parse_bytes("deep.md", text.into_bytes(), "en");
    assert_eq!(doc.rules.len(), 1);
    // Each `<ul><li>` level takes two frames of the inline builder, under the root frame; the
    // lists past the depth limit are raw HTML, and one diagnostic says so.
    let max = docrules_parse::markdown::MAX_INLINE_DEPTH;
    assert_eq!(
        doc.html_issues
            .iter()
            .filter(|i| matches!(i.kind, HtmlIssueKind::UnclosedList { .. }))
            .count(),
        (max - 1) / 2
    );
    let deep: Vec<_> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == "nesting-too-deep")
        .collect();
    assert_eq!(deep.len(), 1, "{:?}", doc.diagnostics);
    assert_eq!(deep[0].span.map(|s| s.line), Some(5));
    assert!(
        deep[0].message.contains(&max.to_string()),
        "{}",
        deep[0].message
    );
}

/// A table in a block quote (or a nested one) or a list item is counted without the quote
/// markers and indentation: `> | 1 | 2 |` has two cells, and a real extra cell is still found.
#[test]
fn tables_in_quotes_and_list_items_count_their_own_cells() {
    let text = "# T\n\n> | a | b |\n> | --- | --- |\n> | 1 | 2 |\n\n> > | a | b |\n> > | --- | --- |\n\
                > > | 1 | 2 |\n\n- item\n\n  | a | b |\n  | --- | --- |\n  | 1 | 2 |\n\n\
                > | a | b |\n> | --- | --- |\n> | 1 | 2 | 3 |\n";
    let doc = common::parse_bytes("quoted.md", text.as_bytes().to_vec(), "en-us");
    let counts: Vec<(u32, &str)> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == "column-count")
        .map(|d| (d.span.unwrap().line, doc.text_at(d.span.unwrap())))
        .collect();
    assert_eq!(counts, [(19, " 3 ")], "{:?}", doc.diagnostics);
}
