//! Tables: header roles from the lexicons, and one rule per body row (or a diagnostic saying why
//! not, so that no row is ever dropped silently).

use crate::extract::{error_id, text_runs};
use docrules_lexicon::Lexicons;
use docrules_model::diagnostic::Diagnostic;
use docrules_model::document::ColumnRole;
use docrules_model::document::{
    Block, Cell, ErrorId, HeaderCell, Inline, Row, Rule, Section, Table, TextContext, plain_text,
};
use docrules_model::index::{RowId, SectionId, TableId};
use docrules_model::locale::Locale;
use docrules_model::span::Span;

use super::inline::Ctx;

type RawCell = (Vec<Inline>, Span);

#[derive(Debug)]
pub(crate) struct TableBuilder {
    section: SectionId,
    start: usize,
    header: Vec<RawCell>,
    rows: Vec<(std::ops::Range<usize>, Vec<RawCell>)>,
    current: Vec<RawCell>,
    row_range: std::ops::Range<usize>,
}

impl TableBuilder {
    pub fn new(section: SectionId, start: usize) -> Self {
        TableBuilder {
            section,
            start,
            header: Vec::new(),
            rows: Vec::new(),
            current: Vec::new(),
            row_range: start..start,
        }
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn start_row(&mut self, range: std::ops::Range<usize>) {
        self.current.clear();
        self.row_range = range;
    }

    pub fn push_cell(&mut self, inlines: Vec<Inline>, span: Span) {
        self.current.push((inlines, span));
    }

    pub fn end_head(&mut self) {
        self.header = std::mem::take(&mut self.current);
    }

    pub fn end_row(&mut self) {
        let cells = std::mem::take(&mut self.current);
        self.rows.push((self.row_range.clone(), cells));
    }

    /// Builds the table and its rules; `index` is the table's index in `tables`. `stated` are
    /// the error IDs the section's prose gave before the table (`**Error message**: … (ID: 34513)`):
    /// rows of a table without an error column are about that error.
    #[allow(clippy::too_many_arguments)]
    pub fn finish(
        self,
        ctx: Ctx<'_>,
        path: &str,
        locale: Option<&Locale>,
        end: usize,
        index: TableId,
        stated: &[ErrorId],
        tables: &mut Vec<Table>,
        rules: &mut Vec<Rule>,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let lexicons = Lexicons::get();
        let header: Vec<HeaderCell> = self
            .header
            .into_iter()
            .map(|(inlines, span)| {
                let text = plain_text(&inlines);
                let found = lexicons.column_role(&text, locale);
                HeaderCell {
                    text,
                    role: found.role,
                    role_language: found.language,
                    inlines,
                    span,
                }
            })
            .collect();
        let has_error_column = header
            .iter()
            .any(|h| matches!(h.role, ColumnRole::Error | ColumnRole::ErrorCode));
        let mut rows = Vec::with_capacity(self.rows.len());
        for (row_index, (range, raw_cells)) in self.rows.into_iter().enumerate() {
            let span = line_span(ctx, range);
            let cells: Vec<Cell> = raw_cells
                .into_iter()
                .enumerate()
                .map(|(column, (inlines, cell_span))| Cell {
                    column,
                    role: header.get(column).map_or(ColumnRole::Other, |h| h.role),
                    inlines,
                    // A cell the parser padded has no text of its own: an empty span at the
                    // row's end.
                    span: if cell_span.start >= span.end && cell_span.end > span.end {
                        ctx.span(span.end as usize..span.end as usize)
                    } else {
                        cell_span
                    },
                })
                .collect();
            if let Some(d) = column_count(ctx, path, span, header.len()) {
                diagnostics.push(d);
            }
            if cells.iter().all(|c| c.text().is_empty()) {
                diagnostics.push(
                    Diagnostic::warning(
                        "empty-row",
                        path,
                        "table row has no content; it yields no rule",
                    )
                    .at(span),
                );
                rows.push(Row { span, rule: None });
                continue;
            }
            let mut error_ids = row_error_ids(ctx, cells.iter());
            if error_ids.is_empty() && !has_error_column {
                error_ids = stated.to_vec();
            }
            rows.push(Row {
                span,
                rule: Some(RowId::new(rules.len())),
            });
            rules.push(Rule {
                section: self.section,
                table: index,
                row: row_index,
                span,
                error_ids,
                cells,
            });
        }
        tables.push(Table {
            section: self.section,
            span: ctx.span(self.start..end),
            header,
            rows,
        });
    }
}

/// Byte ranges (relative to `line`) of the cells of a table row as the author wrote them, by
/// GFM's rule: cells are split at every `|` not escaped with `\`, even inside a code span; a
/// leading and a trailing pipe delimit the row and do not make empty cells.
pub fn raw_cells(line: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = line.as_bytes();
    let mut start = line.len() - line.trim_start().len();
    let end = line.trim_end().len();
    if bytes.get(start) == Some(&b'|') {
        start += 1;
    }
    let mut cells = Vec::new();
    let mut cell_start = start;
    let mut i = start;
    while i < end {
        match bytes[i] {
            b'\\' => i += 2,
            b'|' => {
                cells.push(cell_start..i);
                i += 1;
                cell_start = i;
            }
            _ => i += 1,
        }
    }
    if cell_start < end || cells.is_empty() {
        cells.push(cell_start..end.max(cell_start));
    }
    cells
}

/// The length of the block-quote markers (`> `, `> > `) a row line starts with. A table row
/// cannot itself start with `>` (that starts a block quote), so these are the markers of the
/// quote the table sits in, not cell text.
fn quote_prefix(line: &str) -> usize {
    let mut at = 0;
    loop {
        let rest = &line[at..];
        let trimmed = rest.trim_start_matches([' ', '\t']);
        match trimmed.strip_prefix('>') {
            Some(after) => at = line.len() - after.len(),
            None => return at,
        }
    }
}

/// A row whose raw cell count differs from its header's: pulldown-cmark pads short rows and drops
/// extra cells without a word, so the count is taken from the source line.
fn column_count(ctx: Ctx<'_>, path: &str, row: Span, columns: usize) -> Option<Diagnostic> {
    let line = &ctx.text[row.range()];
    let prefix = quote_prefix(line);
    let line = &line[prefix..];
    let cells = raw_cells(line);
    if cells.len() == columns || columns == 0 {
        return None;
    }
    let diagnostic = if cells.len() > columns {
        let dropped: Vec<&str> = cells[columns..]
            .iter()
            .map(|r| line[r.clone()].trim())
            .collect();
        Diagnostic::warning(
            "column-count",
            path,
            format!(
                "row has {} cells but the header has {columns}; the text past column {columns} belongs to no column: `{}`",
                cells.len(),
                dropped.join(" | ")
            ),
        )
        .with_help("merge the extra cells into the last column, or escape literal pipes as `\\|`")
    } else {
        Diagnostic::warning(
            "column-count",
            path,
            format!(
                "row has {} cells but the header has {columns}; the missing cells are read as empty",
                cells.len()
            ),
        )
    };
    let first_extra = cells.get(columns).map_or(row, |r| {
        let start = row.start as usize + prefix;
        ctx.span(start + r.start..start + r.end)
    });
    Some(diagnostic.at(if cells.len() > columns {
        first_extra
    } else {
        row
    }))
}

/// The whole source line(s) of a row, without the line ending.
fn line_span(ctx: Ctx<'_>, range: std::ops::Range<usize>) -> Span {
    let text = ctx.text;
    let start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let end = range.end.max(range.start).min(text.len());
    let end = text[..end].trim_end_matches(['\n', '\r']).len().max(start);
    ctx.span(start..end)
}

/// Error IDs of a row: from every cell but the recommended action (which may cite other errors),
/// first occurrence of each value.
fn row_error_ids<'c>(ctx: Ctx<'_>, cells: impl Iterator<Item = &'c Cell>) -> Vec<ErrorId> {
    let cells: Vec<&Cell> = cells.filter(|c| c.role != ColumnRole::Action).collect();
    let mut ids = error_ids_in(ctx, cells.iter().map(|c| c.inlines.as_slice()));
    // An error-code column names its IDs without a label (`| 40501 | 20 | … |`).
    for cell in cells.iter().filter(|c| c.role == ColumnRole::ErrorCode) {
        let runs = text_runs(&cell.inlines);
        let [run] = runs.as_slice() else {
            continue;
        };
        if let Some(found) = error_id::whole(&ctx.text[run.clone()]) {
            push_new(ctx, &mut ids, run.start, found);
        }
    }
    ids
}

/// Adds `found` (found in the text run starting at `run_start`) unless its value is there.
fn push_new(ctx: Ctx<'_>, ids: &mut Vec<ErrorId>, run_start: usize, found: error_id::Found) {
    if ids.iter().any(|id| id.value == found.value) {
        return;
    }
    let range = run_start + found.range.start..run_start + found.range.end;
    ids.push(ErrorId {
        value: found.value,
        text: ctx.text[range.clone()].to_owned(),
        span: ctx.span(range),
    });
}

/// Error IDs stated in the prose paragraphs of a section (so far).
pub(crate) fn prose_error_ids(ctx: Ctx<'_>, section: &Section) -> Vec<ErrorId> {
    let paragraphs = section.blocks.iter().filter_map(|b| match b {
        Block::Paragraph(p) if p.context == TextContext::Prose => Some(p.inlines.as_slice()),
        _ => None,
    });
    error_ids_in(ctx, paragraphs)
}

fn error_ids_in<'i>(ctx: Ctx<'_>, contents: impl Iterator<Item = &'i [Inline]>) -> Vec<ErrorId> {
    let mut ids: Vec<ErrorId> = Vec::new();
    for inlines in contents {
        for run in text_runs(inlines) {
            let text = &ctx.text[run.clone()];
            for found in error_id::find(text) {
                push_new(ctx, &mut ids, run.start, found);
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::raw_cells;

    fn cells(line: &str) -> Vec<&str> {
        raw_cells(line)
            .into_iter()
            .map(|r| line[r].trim())
            .collect()
    }

    #[test]
    fn splits_like_gfm() {
        assert_eq!(cells("| a | b |"), ["a", "b"]);
        assert_eq!(cells("a | b"), ["a", "b"]);
        assert_eq!(
            cells("エラー メッセージ | 推奨される操作 |"),
            ["エラー メッセージ", "推奨される操作"]
        );
        assert_eq!(cells(r"| x \| y | z |"), [r"x \| y", "z"]);
        assert_eq!(cells("| `a|b` | c |"), ["`a", "b`", "c"]);
        assert_eq!(cells("| a | b | c | d |"), ["a", "b", "c", "d"]);
        assert_eq!(cells("|  |  |"), ["", ""]);
        assert_eq!(cells("| only |"), ["only"]);
        assert_eq!(cells("| a | b | "), ["a", "b"]);
        assert_eq!(cells(r"| ends with \"), [r"ends with \"]);
    }
}
