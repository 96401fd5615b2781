//! Typed facts from a parsed document: every text run of headings, prose and table cells is
//! scanned ([`scan`]), and each value found becomes a [`Fact`] with its span, context and key.

pub mod error_id;
pub mod key;
pub mod literal;
pub mod number;
mod rate;
mod reader;
pub mod scan;
mod symbol;
mod version;

use docrules_lexicon::{FactLexicon, Lexicons};
use docrules_model::document::ColumnRole;
use docrules_model::document::{Block, Document, Inline};
use docrules_model::fact::{Fact, FactContext, FactKey, Value};
use docrules_model::index::SectionId;
use docrules_model::locale::Locale;

/// Whether `locale` is read with CLDR's units and numbers alone, with no hand-written lexicon.
pub fn cldr_only(locale: &Locale) -> bool {
    let tag = docrules_lexicon::lexicon_tag(locale);
    Lexicons::get().cldr_only().contains(&tag)
}

/// Byte ranges of the source covered by the text of `inlines`, adjacent pieces merged.
///
/// pulldown-cmark splits text at characters that might have been markup (`[0x1FC07]` arrives as
/// `[`, `0x1FC07`, `]`), so patterns must be matched on merged runs of the source, not on
/// single text events. Code spans, links and emphasis are descended into; breaks, lists and
/// HTML tags end a run.
pub fn text_runs(inlines: &[Inline]) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    collect_runs(inlines, &mut runs);
    runs
}

fn collect_runs(inlines: &[Inline], runs: &mut Vec<std::ops::Range<usize>>) {
    for inline in inlines {
        match inline {
            Inline::Text { span, .. } | Inline::Code { span, .. } => {
                let range = span.range();
                match runs.last_mut() {
                    Some(last) if last.end == range.start => last.end = range.end,
                    _ => runs.push(range),
                }
            }
            Inline::Strong { children, .. }
            | Inline::Emphasis { children, .. }
            | Inline::Strikethrough { children, .. }
            | Inline::Link { children, .. } => collect_runs(children, runs),
            Inline::List { items, .. } => {
                for item in items {
                    collect_runs(&item.children, runs);
                }
            }
            Inline::Break { .. }
            | Inline::SoftBreak { .. }
            | Inline::Image { .. }
            | Inline::Html { .. } => {}
        }
    }
}

/// File extensions named in text (`.tmp`, `拡張子が .tmp`), lower-cased: a dot after a
/// non-letter, then a short word.
fn extensions(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('.') {
        let before = text[..i].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.') {
            continue;
        }
        let word: String = text[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let after = text[i + 1 + word.len()..].chars().next();
        let is_word = (2..=4).contains(&word.len())
            && word.starts_with(|c: char| c.is_ascii_alphabetic())
            // `.NET` is a product, not an extension.
            && word.chars().any(|c| c.is_ascii_lowercase())
            && after.is_none_or(|c| !c.is_ascii_alphanumeric() && c != '.');
        if is_word {
            out.push(format!(".{}", word.to_ascii_lowercase()));
        }
    }
    out
}

/// A fact before its key is known.
struct Pending {
    value: Value,
    comparator: Option<docrules_model::fact::Comparator>,
    range: std::ops::Range<usize>,
    context: FactContext,
}

/// Extracts the facts of `doc`, read as `locale`; `names` maps keys to the names the manifest
/// gives them.
pub fn extract(doc: &Document, locale: Option<&Locale>, names: &[(String, String)]) -> Vec<Fact> {
    let lex = Lexicons::get().facts(locale);
    let text = doc.source.text.as_str();
    let mut pending = Vec::new();
    let scan_inlines = |inlines: &[Inline], context: FactContext, pending: &mut Vec<Pending>| {
        let first = pending.len();
        let runs = text_runs(inlines);
        for (i, run) in runs.iter().enumerate() {
            let run_text = &text[run.clone()];
            let previous = i.checked_sub(1).map(|p| &text[runs[p].clone()]);
            for (range, value) in symbol::after_label(run_text, previous, lex) {
                let range = run.start + range.start..run.start + range.end;
                pending.push(Pending {
                    value,
                    comparator: None,
                    range,
                    context: context.clone(),
                });
            }
            for found in scan::scan(run_text, lex) {
                let mut context = context.clone();
                context.noun = found.noun;
                let range = run.start + found.range.start..run.start + found.range.end;
                pending.push(Pending {
                    value: found.value,
                    comparator: found.comparator,
                    range,
                    context,
                });
            }
        }
        // Quantities of this container learn the literals stated beside them.
        let mut literals: Vec<String> = pending[first..]
            .iter()
            .filter(|p| {
                matches!(
                    p.value,
                    Value::Path { .. } | Value::RegistryKey { .. } | Value::Host { .. }
                )
            })
            .map(|p| p.value.to_string())
            .collect();
        literals.extend(runs.iter().flat_map(|run| extensions(&text[run.clone()])));
        literals.dedup();
        if !literals.is_empty() {
            for p in &mut pending[first..] {
                if p.value.kind().is_quantity() {
                    p.context.literals = literals.clone();
                }
            }
        }
    };
    for (index, section) in doc.sections.iter().enumerate() {
        let index = SectionId::new(index);
        let context = FactContext {
            section: index,
            rule: None,
            column: None,
            noun: None,
            literals: Vec::new(),
        };
        // A heading that is one symbolic code (`SalLowDiskSpace`) names the error.
        if let Some((range, value)) = symbol::whole(&section.inlines, text) {
            pending.push(Pending {
                value,
                comparator: None,
                range,
                context: context.clone(),
            });
        } else {
            scan_inlines(&section.inlines, context.clone(), &mut pending);
        }
        for block in &section.blocks {
            match block {
                Block::Paragraph(p) => scan_inlines(&p.inlines, context.clone(), &mut pending),
                Block::Table { table } => {
                    let Some(table) = doc.tables.get(table.index()) else {
                        continue;
                    };
                    let numeric = numeric_columns(doc, table, text, lex);
                    for rule_index in table.rows.iter().filter_map(|r| r.rule) {
                        let Some(rule) = doc.rules.get(rule_index.index()) else {
                            continue;
                        };
                        for cell in &rule.cells {
                            // A bare number in a column of numbers is a count of what the
                            // column header names (`| Australia East | 100 | 40 |`).
                            if numeric.get(cell.column).copied().unwrap_or(false) {
                                let first = first_line(&cell.inlines);
                                if let Some((range, value)) = bare_number(&first, text, lex) {
                                    pending.push(Pending {
                                        value,
                                        comparator: None,
                                        range,
                                        context: FactContext {
                                            section: index,
                                            rule: Some(rule_index),
                                            column: Some(cell.role),
                                            noun: table
                                                .header
                                                .get(cell.column)
                                                .map(|h| h.text.clone()),
                                            literals: Vec::new(),
                                        },
                                    });
                                    // Lines after it (`<br/>100 (ASE)`) are read as text.
                                    if first.len() == cell.inlines.len() {
                                        continue;
                                    }
                                }
                            }
                            let context = FactContext {
                                section: index,
                                rule: Some(rule_index),
                                column: Some(cell.role),
                                noun: None,
                                literals: Vec::new(),
                            };
                            // An error-code cell that is one code: symbolic or 3–10 digits.
                            let symbolic = (cell.role == ColumnRole::ErrorCode)
                                .then(|| {
                                    symbol::whole(&cell.inlines, text)
                                        .or_else(|| numeric_code(&cell.inlines, text))
                                })
                                .flatten();
                            match symbolic {
                                Some((range, value)) => pending.push(Pending {
                                    value,
                                    comparator: None,
                                    range,
                                    context,
                                }),
                                None => scan_inlines(&cell.inlines, context, &mut pending),
                            }
                        }
                    }
                }
                Block::Code { .. } | Block::Html { .. } => {}
            }
        }
    }
    pending.sort_by_key(|p| (p.range.start, p.range.end));
    pending.dedup_by(|a, b| a.range == b.range && a.value == b.value);

    let keys = key::assign(
        doc,
        &pending
            .iter()
            .map(|p| (&p.value, &p.context))
            .collect::<Vec<_>>(),
    );
    pending
        .into_iter()
        .zip(keys)
        .map(|(p, key): (Pending, FactKey)| {
            let name = names
                .iter()
                .find(|(_, k)| *k == key.to_string())
                .map(|(n, _)| n.clone());
            Fact {
                kind: p.value.kind(),
                value: p.value,
                comparator: p.comparator,
                text: text[p.range.clone()].to_owned(),
                span: doc.source.lines.span(text, p.range),
                context: p.context,
                key,
                name,
            }
        })
        .collect()
}

/// The whole text of a cell when it is one numeric error ID, with its byte range.
fn numeric_code(inlines: &[Inline], text: &str) -> Option<(std::ops::Range<usize>, Value)> {
    let runs = text_runs(inlines);
    let [run] = runs.as_slice() else {
        return None;
    };
    let found = error_id::whole(&text[run.clone()])?;
    let range = run.start + found.range.start..run.start + found.range.end;
    Some((range, Value::ErrorId { id: found.value }))
}

/// The whole text of a cell when it is one integer (`100`, `1,000`) or a range of two (`10 -
/// 20`, joined by one of the language's range marks), with its byte range.
fn bare_number(
    inlines: &[Inline],
    text: &str,
    lex: &FactLexicon,
) -> Option<(std::ops::Range<usize>, Value)> {
    let runs = text_runs(inlines);
    let [run] = runs.as_slice() else {
        return None;
    };
    let raw = &text[run.clone()];
    let trimmed = raw.trim();
    let start = run.start + (raw.len() - raw.trim_start().len());
    let range = start..start + trimmed.len();
    if let Some(n) = integer(trimmed) {
        return Some((range, Value::Count { values: vec![n] }));
    }
    // The low end is the digits and group commas before the first space or mark.
    let low_len = trimmed
        .find(|c: char| !(c.is_ascii_digit() || c == ','))
        .unwrap_or(trimmed.len());
    let low = integer(&trimmed[..low_len])?;
    let rest = trimmed[low_len..].trim_start();
    let ((), mark) = lex.range_marks.prefix_of(rest)?;
    let high = integer(rest[mark..].trim_start())?;
    (low < high).then_some((range, Value::CountRange { low, high }))
}

/// The first line of a cell (up to a `<br>`), without footnote marks (`<sup>3</sup>`, `<sup>2,
/// 6</sup>`): what a cell of a column of numbers states for its row (`10-30<sup>3</sup><br/>100
/// (ASE)`). A superscript of other text is kept.
pub fn first_line(inlines: &[Inline]) -> std::borrow::Cow<'_, [Inline]> {
    let line = inlines
        .iter()
        .position(|i| matches!(i, Inline::Break { .. }))
        .map_or(inlines, |end| &inlines[..end]);
    // Most cells have no footnote: borrowed, not copied (every cell of every table is read).
    if !line.iter().any(|i| matches!(i, Inline::Html { .. })) {
        return std::borrow::Cow::Borrowed(line);
    }
    let is_tag = |i: &Inline, tag: &str| matches!(i, Inline::Html { raw, .. } if raw.trim().eq_ignore_ascii_case(tag));
    let is_mark = |i: &Inline| match i {
        Inline::Text { text, .. } => text
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == ' '),
        _ => false,
    };
    let mut out = Vec::with_capacity(line.len());
    let mut i = 0;
    while i < line.len() {
        let footnote = is_tag(&line[i], "<sup>")
            && line.get(i + 1).is_some_and(is_mark)
            && line.get(i + 2).is_some_and(|c| is_tag(c, "</sup>"));
        if footnote {
            i += 3;
            continue;
        }
        out.push(line[i].clone());
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

/// `text` when it is exactly one integer: digits, or digits grouped by commas (`65,000`).
fn integer(text: &str) -> Option<u64> {
    let grouped = text.split(',').collect::<Vec<_>>();
    let well_formed = match grouped.as_slice() {
        [one] => !one.is_empty() && one.len() <= 9 && one.bytes().all(|b| b.is_ascii_digit()),
        [first, rest @ ..] => {
            (1..=3).contains(&first.len())
                && first.bytes().all(|b| b.is_ascii_digit())
                && rest
                    .iter()
                    .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
        }
        [] => false,
    };
    if !well_formed {
        return None;
    }
    text.replace(',', "").parse().ok()
}

/// For each column of a table: whether it is a column of numbers (most of its non-empty body
/// cells are one integer or a range of two, and the column is not the table's first, which names the rows).
fn numeric_columns(
    doc: &Document,
    table: &docrules_model::document::Table,
    text: &str,
    lex: &FactLexicon,
) -> Vec<bool> {
    let columns = table.header.len();
    let mut numbers = vec![0usize; columns];
    let mut filled = vec![0usize; columns];
    for rule in table
        .rows
        .iter()
        .filter_map(|r| r.rule)
        .filter_map(|r| doc.rules.get(r.index()))
    {
        for cell in &rule.cells {
            if cell.column >= columns || cell.text().trim().is_empty() {
                continue;
            }
            filled[cell.column] += 1;
            if bare_number(&first_line(&cell.inlines), text, lex).is_some() {
                numbers[cell.column] += 1;
            }
        }
    }
    (0..columns)
        .map(|c| {
            c > 0
                && table.header[c].role == ColumnRole::Other
                && filled[c] >= 2
                && numbers[c] * 2 > filled[c]
        })
        .collect()
}
