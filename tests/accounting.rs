//! No table row is ever dropped: for every seed, the rows counted in the source text equal the
//! rules plus the rows reported as diagnostics. The source count here is independent of the
//! parser: it reads the lines.

mod common;

/// Counts GFM table body rows by reading lines: a delimiter row (`| --- | --- |` or `-- | --`)
/// follows a header line, and body rows are the non-blank lines after it (a row ends at a blank
/// line or at a line that starts another block: a heading, a quote or a fenced block).
fn count_rows(text: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let mut rows = 0;
    let mut i = 1;
    while i < lines.len() {
        if is_delimiter(lines[i]) && lines[i - 1].contains('|') {
            i += 1;
            while i < lines.len() && !ends_table(lines[i]) {
                rows += 1;
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    rows
}

fn is_delimiter(line: &str) -> bool {
    let line = line.trim();
    line.contains('-')
        && line.contains('|') | line.starts_with('-')
        && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

fn ends_table(line: &str) -> bool {
    let t = line.trim_start();
    t.is_empty() || t.starts_with('#') || t.starts_with('>') || t.starts_with("```")
}

#[test]
fn every_row_is_a_rule_or_a_diagnostic() {
    let corpus = common::load_corpus();
    for version in corpus.versions() {
        let doc = &version.document;
        let source_rows = count_rows(&doc.source.text);
        let row_diagnostics = doc
            .tables
            .iter()
            .flat_map(|t| &t.rows)
            .filter(|r| r.rule.is_none())
            .count();
        let reported = doc
            .diagnostics
            .iter()
            .filter(|d| d.code == "empty-row")
            .count();
        assert_eq!(
            row_diagnostics, reported,
            "{}: every skipped row has its diagnostic",
            version.path
        );
        assert_eq!(
            source_rows,
            doc.rules.len() + row_diagnostics,
            "{}: {source_rows} rows in the source, {} rules, {row_diagnostics} row diagnostics",
            version.path,
            doc.rules.len()
        );
        assert!(source_rows > 0, "{}: seeds have tables", version.path);
    }
}

#[test]
fn every_rule_has_one_cell_per_column_and_points_at_its_row() {
    let corpus = common::load_corpus();
    for version in corpus.versions() {
        let doc = &version.document;
        for rule in &doc.rules {
            let table = &doc.tables[rule.table];
            assert_eq!(
                rule.cells.len(),
                table.header.len(),
                "{} L{}",
                version.path,
                rule.span.line
            );
            assert_eq!(table.rows[rule.row].span, rule.span);
            let line = doc.text_at(rule.span);
            assert!(
                line.contains('|'),
                "{} L{}: {line}",
                version.path,
                rule.span.line
            );
            assert!(!line.ends_with('\n') && !line.ends_with('\r'));
            for cell in &rule.cells {
                // A cell's span lies on its row's line.
                assert!(cell.span.start >= rule.span.start && cell.span.end <= rule.span.end);
            }
        }
    }
}

#[test]
fn every_heading_is_a_section() {
    let corpus = common::load_corpus();
    for version in corpus.versions() {
        let doc = &version.document;
        let headings = doc
            .source
            .text
            .lines()
            .filter(|l| l.starts_with('#'))
            .count();
        let sections = doc.sections.iter().filter(|s| s.level > 0).count();
        assert_eq!(headings, sections, "{}", version.path);
        for section in doc.sections.iter().filter(|s| s.level > 0) {
            assert!(
                doc.text_at(section.span).starts_with('#'),
                "{}: {}",
                version.path,
                section.anchor
            );
            assert!(!section.anchor.is_empty());
        }
    }
}

#[test]
fn the_row_counter_itself_counts() {
    let text = "a | b\n-- | --\n1 | 2\n3 | 4\n\n| x |\n|---|\n| y |\n# h\n| not | a table |\n";
    assert_eq!(count_rows(text), 3);
}
