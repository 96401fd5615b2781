//! The typed document model: what one markdown article holds, every element with its span.

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::fact::Fact;
use crate::front_matter::FrontMatter;
use crate::index::{RowId, SectionId, TableId};
use crate::source::Source;
use crate::span::Span;

/// One parsed markdown file.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Document {
    /// The decoded file every span points into.
    #[serde(skip)]
    pub source: Source,
    /// The front matter's fields; empty when the file has none.
    pub front_matter: FrontMatter,
    /// Sections in document order, indexed by [`SectionId`]; the first is the level-0 preamble
    /// when content comes before the first heading.
    pub sections: Vec<Section>,
    /// Tables in document order, indexed by [`TableId`].
    pub tables: Vec<Table>,
    /// One rule per table body row with content, in document order, indexed by [`RowId`].
    pub rules: Vec<Rule>,
    /// Every anchor the document defines: headings and `<a name|id="…">` anywhere.
    pub anchors: Vec<Anchor>,
    /// Markdown links and `<a href="…">` tags.
    pub links: Vec<Link>,
    /// Malformed inline HTML, recorded for the linter; the content around it is kept.
    pub html_issues: Vec<HtmlIssue>,
    /// Typed facts found in headings, prose and table cells, in document order.
    pub facts: Vec<Fact>,
    /// Parse problems (rows that did not become rules, …).
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// The file's name in messages ([`Source::path`]).
    pub fn path(&self) -> &str {
        &self.source.path
    }

    /// The source text under a span.
    pub fn text_at(&self, span: Span) -> &str {
        self.source.text.get(span.range()).unwrap_or("")
    }

    /// The rules of the tables in `section`, in document order.
    pub fn section_rules(&self, section: SectionId) -> impl Iterator<Item = &Rule> {
        self.rules.iter().filter(move |r| r.section == section)
    }
}

/// Where an anchor's name comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AnchorSource {
    /// `<a name="…">` or `<a id="…">` (in a heading or elsewhere), or `id="…"` on any element.
    Html,
    /// A `{#id}` heading attribute.
    Attribute,
    /// Derived from the heading text, as the publishing site does.
    Slug,
}

/// A target for `#fragment` links that the document defines.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Anchor {
    /// The anchor's name, without `#`.
    pub name: String,
    /// Where the name comes from.
    pub source: AnchorSource,
    /// The heading, or the HTML tag, that defines it.
    pub span: Span,
    /// The section the anchor is in (for a heading anchor: its own section).
    pub section: SectionId,
}

/// A heading and everything up to the next heading. Content before the first heading forms a
/// level-0 section with an empty anchor.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Section {
    /// Heading level, 1–6; 0 for the content before the first heading.
    pub level: u8,
    /// Heading text without markup.
    pub title: String,
    /// The heading's inline content (the title with its structure and spans).
    pub inlines: Vec<Inline>,
    /// The section's anchor: from HTML in the heading, a `{#id}` attribute, or the title's slug
    /// (made unique in the document); empty for the level-0 section.
    pub anchor: String,
    /// Where `anchor` comes from.
    pub anchor_source: AnchorSource,
    /// The heading line (for level 0: the first block).
    pub span: Span,
    /// The enclosing section of lower level.
    pub parent: Option<SectionId>,
    /// The content up to the next heading, in order (subsections are sections of their own).
    pub blocks: Vec<Block>,
}

/// A block of a section's content.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Block {
    /// A paragraph, including the text of a list item or a block quote.
    Paragraph(Paragraph),
    /// A table, held in [`Document::tables`].
    Table {
        /// Index into [`Document::tables`].
        table: TableId,
    },
    /// A fenced or indented code block.
    Code {
        /// The code's text, without fences.
        text: String,
        /// The whole block, fences included.
        span: Span,
    },
    /// An HTML block; its anchors and links are recorded, its text is not read.
    Html {
        /// The whole block.
        span: Span,
    },
}

/// What a paragraph is part of: its innermost enclosing list or block quote, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TextContext {
    /// Not in a list or block quote.
    Prose,
    /// In a markdown list item.
    ListItem,
    /// In a block quote.
    Quote,
}

/// A paragraph of inline content.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Paragraph {
    /// What the paragraph is part of.
    pub context: TextContext,
    /// Its content.
    pub inlines: Vec<Inline>,
    /// From its start to the end of its last inline.
    pub span: Span,
}

/// Inline content with its structure: what a cell or paragraph says, not a flattened string.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Inline {
    /// Text after markdown unescaping (so it can differ from the source under `span`).
    Text {
        /// The text, unescaped.
        text: String,
        /// The text in the source, escapes included.
        span: Span,
    },
    /// A code span (`` `code` ``).
    Code {
        /// The code, without its backticks.
        text: String,
        /// The code span, backticks included.
        span: Span,
    },
    /// `<br>`, `<br/>`, `</br>` or a markdown hard break.
    Break {
        /// The tag or the hard break.
        span: Span,
    },
    /// A line ending inside a paragraph, read as a space.
    SoftBreak {
        /// The line ending.
        span: Span,
    },
    /// Strong emphasis (`**text**`).
    Strong {
        /// The emphasized content.
        children: Vec<Inline>,
        /// The element, delimiters included.
        span: Span,
    },
    /// Emphasis (`*text*`).
    Emphasis {
        /// The emphasized content.
        children: Vec<Inline>,
        /// The element, delimiters included.
        span: Span,
    },
    /// Struck-through text (`~~text~~`).
    Strikethrough {
        /// The struck-through content.
        children: Vec<Inline>,
        /// The element, delimiters included.
        span: Span,
    },
    /// A markdown link (`[text](href)`).
    Link {
        /// The link text.
        children: Vec<Inline>,
        /// The destination URL.
        href: String,
        /// The whole link.
        span: Span,
    },
    /// A markdown image (`![alt](src)`).
    Image {
        /// Plain text of the image description.
        alt: String,
        /// The image URL.
        src: String,
        /// The whole image.
        span: Span,
    },
    /// An HTML list (`<ul>`/`<ol>`) rebuilt from its tags; `closed` is false when the cell ended
    /// before its closing tag.
    List {
        /// `<ol>` rather than `<ul>`.
        ordered: bool,
        /// The items, in order.
        items: Vec<ListItem>,
        /// Whether the list was closed by its closing tag.
        closed: bool,
        /// From the opening tag to the closing tag, or to where the content ended.
        span: Span,
    },
    /// Any other inline HTML tag or comment, verbatim.
    Html {
        /// The tag or comment as written.
        raw: String,
        /// The tag or comment.
        span: Span,
    },
}

/// One item of an [`Inline::List`]: an `<li>`, or text directly inside the list.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ListItem {
    /// The item's content.
    pub children: Vec<Inline>,
    /// From the item's start to its `</li>`, or to where it ended.
    pub span: Span,
}

impl Inline {
    /// Where the element is in the source.
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

/// A pipe table.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Table {
    /// The section the table is in.
    pub section: SectionId,
    /// The whole table.
    pub span: Span,
    /// The header cells, one per column.
    pub header: Vec<HeaderCell>,
    /// The body rows in order, those that became no rule included.
    pub rows: Vec<Row>,
}

/// A header cell and the column role read from it.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct HeaderCell {
    /// Plain text of the header.
    pub text: String,
    /// What the column holds.
    pub role: ColumnRole,
    /// The lexicon language that recognized the header (`en` for an untranslated `Error`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_language: Option<&'static str>,
    /// The header's content.
    pub inlines: Vec<Inline>,
    /// From the cell's start to the end of its content.
    pub span: Span,
}

/// A body row as written: its raw line (for counting cells as the author wrote them) and what it
/// became.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Row {
    /// The whole source line of the row.
    pub span: Span,
    /// Index into [`Document::rules`], or `None` when the row became a diagnostic instead.
    pub rule: Option<RowId>,
}

/// One cell of a rule.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Cell {
    /// 0-based column.
    pub column: usize,
    /// The role of the column's header ([`ColumnRole::Other`] for a column with no header).
    pub role: ColumnRole,
    /// The cell's content.
    pub inlines: Vec<Inline>,
    /// Empty span at the row end for a cell the author left out (the parser pads short rows).
    pub span: Span,
}

impl Cell {
    /// Plain text of the cell (see [`plain_text`]).
    pub fn text(&self) -> String {
        plain_text(&self.inlines)
    }
}

/// One table row as a typed rule: what goes wrong, why, and what to do.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Rule {
    /// The section of the rule's table.
    pub section: SectionId,
    /// The table the rule is a row of.
    pub table: TableId,
    /// Index of the row among the table's body rows.
    pub row: usize,
    /// The row's source line, without its line ending.
    pub span: Span,
    /// The error IDs the row states outside its action cells, each value once. In a table
    /// without an error or error-code column, a row that states none gets those the section's
    /// prose states before the table.
    pub error_ids: Vec<ErrorId>,
    /// One cell per header column, in column order.
    pub cells: Vec<Cell>,
}

impl Rule {
    /// The cells of the columns with `role`.
    pub fn cells_with(&self, role: ColumnRole) -> impl Iterator<Item = &Cell> {
        self.cells.iter().filter(move |c| c.role == role)
    }

    /// The first operation cell.
    pub fn operation(&self) -> Option<&Cell> {
        self.cells_with(ColumnRole::Operation).next()
    }

    /// The first error cell: the message or details the user sees.
    pub fn message(&self) -> Option<&Cell> {
        self.cells_with(ColumnRole::Error).next()
    }

    /// The first cause cell.
    pub fn causes(&self) -> Option<&Cell> {
        self.cells_with(ColumnRole::Cause).next()
    }

    /// The first recommended-action cell.
    pub fn actions(&self) -> Option<&Cell> {
        self.cells_with(ColumnRole::Action).next()
    }
}

/// An error identifier as written in a row, with its normalized value: decimal digits, lower-case
/// `0x…` hex, or a symbolic name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ErrorId {
    /// The normalized value, equal for the same error in every language.
    pub value: String,
    /// The identifier as written (`0x1FC07`, `34513`).
    pub text: String,
    /// Where it is written.
    pub span: Span,
}

/// A link: a markdown link or an `<a href="…">` tag.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Link {
    /// The destination URL (`other.md#anchor`).
    pub href: String,
    /// The part before `#` (empty for a same-document link).
    pub target: String,
    /// The part after `#`, if any.
    pub fragment: Option<String>,
    /// Plain text of the link; empty for an `<a href>` tag.
    pub text: String,
    /// The markdown link, or the `<a>` tag.
    pub span: Span,
    /// The section the link is in.
    pub section: SectionId,
}

impl Link {
    /// A link to `href`, its target and fragment split at the first `#`.
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

/// What is wrong with a piece of inline HTML.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum HtmlIssueKind {
    /// A tag whose name is no HTML element (`<ui>`).
    UnknownElement {
        /// The tag's name, lower-cased.
        name: String,
        /// Whether the tag opens, closes or self-closes.
        tag: TagKind,
    },
    /// A list opened and never closed before the cell or paragraph ended.
    UnclosedList {
        /// `ul` or `ol`.
        name: String,
    },
    /// A closing tag with no matching open element (`</ul></ul>`).
    StrayClose {
        /// `ul`, `ol` or `li`.
        name: String,
    },
    /// `<li>` outside any list.
    ItemOutsideList,
}

/// A piece of malformed inline HTML.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct HtmlIssue {
    /// What is wrong.
    #[serde(flatten)]
    pub kind: HtmlIssueKind,
    /// The tag at fault (for an unclosed list: its opening tag).
    pub span: Span,
    /// Whether it is in a table cell.
    pub in_table: bool,
}

/// The form of an HTML tag: `<ul>`, `</ul>` or `<br/>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TagKind {
    /// An opening tag: `<ul>`.
    Open,
    /// A closing tag: `</ul>`.
    Close,
    /// A self-closing tag: `<br/>`.
    SelfClosing,
}

/// What a table column holds, decided from its header text.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ColumnRole {
    /// The error as the user sees it: its message or details.
    Error,
    /// Why the error occurs.
    Cause,
    /// The recommended action.
    Action,
    /// The operation during which the error occurs (backup, restore, …).
    Operation,
    /// The error's code or ID.
    ErrorCode,
    /// A column no lexicon recognizes.
    Other,
}

impl ColumnRole {
    /// The kebab-case name, as in lexicon files and JSON (`error-code`).
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
