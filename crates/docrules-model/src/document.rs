//! The typed document model: what one markdown article holds, every element with its span.

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::fact::Fact;
use crate::front_matter::FrontMatter;
use crate::index::{RowId, SectionId, TableId};
use crate::source::Source;
use crate::span::Span;

/// One parsed markdown file.
#[derive(Debug, Serialize)]
pub struct Document {
    #[serde(skip)]
    pub source: Source,
    pub front_matter: FrontMatter,
    pub sections: Vec<Section>,
    pub tables: Vec<Table>,
    pub rules: Vec<Rule>,
    /// Every anchor the document defines: headings and `<a name|id="…">` anywhere.
    pub anchors: Vec<Anchor>,
    pub links: Vec<Link>,
    /// Malformed inline HTML, recorded for the linter; the content around it is kept.
    pub html_issues: Vec<HtmlIssue>,
    /// Typed facts found in headings, prose and table cells, in document order.
    pub facts: Vec<Fact>,
    /// Parse problems (rows that did not become rules, …).
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    pub fn path(&self) -> &str {
        &self.source.path
    }

    /// The source text under a span.
    pub fn text_at(&self, span: Span) -> &str {
        self.source.text.get(span.range()).unwrap_or("")
    }

    pub fn section_rules(&self, section: SectionId) -> impl Iterator<Item = &Rule> {
        self.rules.iter().filter(move |r| r.section == section)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnchorSource {
    /// `<a name="…">` or `<a id="…">` (in a heading or elsewhere), or `id="…"` on any element.
    Html,
    /// A `{#id}` heading attribute.
    Attribute,
    /// Derived from the heading text, as the publishing site does.
    Slug,
}

#[derive(Clone, Debug, Serialize)]
pub struct Anchor {
    pub name: String,
    pub source: AnchorSource,
    pub span: Span,
    /// The section the anchor is in (for a heading anchor: its own section).
    pub section: SectionId,
}

/// A heading and everything up to the next heading. Content before the first heading forms a
/// level-0 section with an empty anchor.
#[derive(Clone, Debug, Serialize)]
pub struct Section {
    pub level: u8,
    /// Heading text without markup.
    pub title: String,
    /// The heading's inline content (the title with its structure and spans).
    pub inlines: Vec<Inline>,
    pub anchor: String,
    pub anchor_source: AnchorSource,
    /// The heading line (for level 0: the first block).
    pub span: Span,
    /// The enclosing section of lower level.
    pub parent: Option<SectionId>,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Block {
    Paragraph(Paragraph),
    /// Index into [`Document::tables`].
    Table {
        table: TableId,
    },
    Code {
        text: String,
        span: Span,
    },
    Html {
        span: Span,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextContext {
    Prose,
    ListItem,
    Quote,
}

#[derive(Clone, Debug, Serialize)]
pub struct Paragraph {
    pub context: TextContext,
    pub inlines: Vec<Inline>,
    pub span: Span,
}

/// Inline content with its structure: what a cell or paragraph says, not a flattened string.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Inline {
    /// Text after markdown unescaping (so it can differ from the source under `span`).
    Text {
        text: String,
        span: Span,
    },
    Code {
        text: String,
        span: Span,
    },
    /// `<br>`, `<br/>`, `</br>` or a markdown hard break.
    Break {
        span: Span,
    },
    SoftBreak {
        span: Span,
    },
    Strong {
        children: Vec<Inline>,
        span: Span,
    },
    Emphasis {
        children: Vec<Inline>,
        span: Span,
    },
    Strikethrough {
        children: Vec<Inline>,
        span: Span,
    },
    Link {
        children: Vec<Inline>,
        href: String,
        span: Span,
    },
    Image {
        alt: String,
        src: String,
        span: Span,
    },
    /// An HTML list (`<ul>`/`<ol>`) rebuilt from its tags; `closed` is false when the cell ended
    /// before its closing tag.
    List {
        ordered: bool,
        items: Vec<ListItem>,
        closed: bool,
        span: Span,
    },
    /// Any other inline HTML tag or comment, verbatim.
    Html {
        raw: String,
        span: Span,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListItem {
    pub children: Vec<Inline>,
    pub span: Span,
}

impl Inline {
    pub fn span(&self) -> Span {
        match self {
            Inline::Text { span, .. }
            | Inline::Code { span, .. }
            | Inline::Break { span }
            | Inline::SoftBreak { span }
            | Inline::Strong { span, .. }
            | Inline::Emphasis { span, .. }
            | Inline::Strikethrough { span, .. }
            | Inline::Link { span, .. }
            | Inline::Image { span, .. }
            | Inline::List { span, .. }
            | Inline::Html { span, .. } => *span,
        }
    }
}

/// Plain text of inline content: breaks and list items become line breaks (blank lines and
/// spaces around them dropped), HTML tags vanish.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    write_plain(inlines, &mut out);
    let lines: Vec<&str> = out
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// At most `max` characters, with `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

fn write_plain(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text, .. } | Inline::Code { text, .. } => out.push_str(text),
            Inline::Break { .. } => out.push('\n'),
            Inline::SoftBreak { .. } => out.push(' '),
            Inline::Strong { children, .. }
            | Inline::Emphasis { children, .. }
            | Inline::Strikethrough { children, .. }
            | Inline::Link { children, .. } => write_plain(children, out),
            Inline::Image { alt, .. } => out.push_str(alt),
            Inline::List { items, .. } => {
                for item in items {
                    out.push('\n');
                    write_plain(&item.children, out);
                }
                out.push('\n');
            }
            Inline::Html { .. } => {}
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Table {
    pub section: SectionId,
    pub span: Span,
    pub header: Vec<HeaderCell>,
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, Serialize)]
pub struct HeaderCell {
    pub text: String,
    pub role: ColumnRole,
    /// The lexicon language that recognized the header (`en` for an untranslated `Error`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_language: Option<&'static str>,
    pub inlines: Vec<Inline>,
    pub span: Span,
}

/// A body row as written: its raw line (for counting cells as the author wrote them) and what it
/// became.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// The whole source line of the row.
    pub span: Span,
    /// Index into [`Document::rules`], or `None` when the row became a diagnostic instead.
    pub rule: Option<RowId>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Cell {
    pub column: usize,
    pub role: ColumnRole,
    pub inlines: Vec<Inline>,
    /// Empty span at the row end for a cell the author left out (the parser pads short rows).
    pub span: Span,
}

impl Cell {
    pub fn text(&self) -> String {
        plain_text(&self.inlines)
    }
}

/// One table row as a typed rule: what goes wrong, why, and what to do.
#[derive(Clone, Debug, Serialize)]
pub struct Rule {
    pub section: SectionId,
    pub table: TableId,
    /// Index of the row among the table's body rows.
    pub row: usize,
    pub span: Span,
    pub error_ids: Vec<ErrorId>,
    /// One cell per header column, in column order.
    pub cells: Vec<Cell>,
}

impl Rule {
    pub fn cells_with(&self, role: ColumnRole) -> impl Iterator<Item = &Cell> {
        self.cells.iter().filter(move |c| c.role == role)
    }

    pub fn operation(&self) -> Option<&Cell> {
        self.cells_with(ColumnRole::Operation).next()
    }

    pub fn message(&self) -> Option<&Cell> {
        self.cells_with(ColumnRole::Error).next()
    }

    pub fn causes(&self) -> Option<&Cell> {
        self.cells_with(ColumnRole::Cause).next()
    }

    pub fn actions(&self) -> Option<&Cell> {
        self.cells_with(ColumnRole::Action).next()
    }
}

/// An error identifier as written in a row, with its normalized value: decimal digits, lower-case
/// `0x…` hex, or a symbolic name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ErrorId {
    pub value: String,
    pub text: String,
    pub span: Span,
}

#[derive(Clone, Debug, Serialize)]
pub struct Link {
    pub href: String,
    /// The part before `#` (empty for a same-document link).
    pub target: String,
    pub fragment: Option<String>,
    pub text: String,
    pub span: Span,
    pub section: SectionId,
}

impl Link {
    pub fn new(href: &str, text: String, span: Span, section: SectionId) -> Link {
        let (target, fragment) = match href.split_once('#') {
            Some((target, fragment)) => (target, Some(fragment.to_owned())),
            None => (href, None),
        };
        Link {
            href: href.to_owned(),
            target: target.to_owned(),
            fragment,
            text,
            span,
            section,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum HtmlIssueKind {
    /// A tag whose name is no HTML element (`<ui>`).
    UnknownElement { name: String, tag: TagKind },
    /// A list opened and never closed before the cell or paragraph ended.
    UnclosedList { name: String },
    /// A closing tag with no matching open element (`</ul></ul>`).
    StrayClose { name: String },
    /// `<li>` outside any list.
    ItemOutsideList,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HtmlIssue {
    #[serde(flatten)]
    pub kind: HtmlIssueKind,
    pub span: Span,
    pub in_table: bool,
}

/// The form of an HTML tag: `<ul>`, `</ul>` or `<br/>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TagKind {
    Open,
    Close,
    SelfClosing,
}

/// What a table column holds, decided from its header text.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum ColumnRole {
    /// The error as the user sees it: its message or details.
    Error,
    Cause,
    /// The recommended action.
    Action,
    /// The operation during which the error occurs (backup, restore, …).
    Operation,
    ErrorCode,
    Other,
}

impl ColumnRole {
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnRole::Error => "error",
            ColumnRole::Cause => "cause",
            ColumnRole::Action => "action",
            ColumnRole::Operation => "operation",
            ColumnRole::ErrorCode => "error-code",
            ColumnRole::Other => "other",
        }
    }
}
