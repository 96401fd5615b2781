//! Rebuilds inline structure from pulldown-cmark events plus the raw HTML tags authors put in
//! table cells (`<br/>`, `<ul><li>`, nested `<ol>`), tolerating the broken ones.

use crate::html::{self, TagKind};
use docrules_model::document::{HtmlIssue, HtmlIssueKind, Inline, ListItem, plain_text};
use docrules_model::span::{LineIndex, Span};

/// Where spans are resolved: the file text and its line index.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub lines: &'a LineIndex,
}

impl Ctx<'_> {
    pub fn span(&self, range: std::ops::Range<usize>) -> Span {
        self.lines.span(self.text, range)
    }
}

/// How deep HTML lists and markdown emphasis may nest in one cell, paragraph or heading. Real
/// cells nest lists three or four levels; the bound keeps every walk over the inline tree (text,
/// facts, JSON, dropping it) shallow, and each search for an open element short, whatever the
/// input: 10,000 nested `<ul>` took all memory before. Deeper tags are kept as raw HTML.
pub const MAX_INLINE_DEPTH: usize = 100;

/// Markdown-level inline containers, which pulldown-cmark always nests properly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Markup {
    Strong,
    Emphasis,
    Strikethrough,
    Link,
    Image,
}

#[derive(Debug)]
enum FrameKind {
    Root,
    Markup {
        markup: Markup,
        href: String,
    },
    List {
        ordered: bool,
        implicit: bool,
        tag: Span,
        items: Vec<ListItem>,
    },
    Item,
}

#[derive(Debug)]
struct Frame {
    kind: FrameKind,
    start: usize,
    children: Vec<Inline>,
}

/// A link found while building, for the document's link list.
#[derive(Debug)]
pub(crate) struct FoundLink {
    pub href: String,
    pub text: String,
    pub span: Span,
}

/// The content of a closed container and what was found in it.
#[derive(Debug)]
pub(crate) struct Built {
    pub inlines: Vec<Inline>,
    pub issues: Vec<HtmlIssue>,
    pub links: Vec<FoundLink>,
    /// Tags seen, with their spans, for anchors (`<a name>`) and HTML links (`<a href>`).
    pub tags: Vec<(html::Tag, Span)>,
    /// The first tag that would have nested deeper than [`MAX_INLINE_DEPTH`].
    pub too_deep: Option<Span>,
}

/// Builds the inline content of one container (paragraph, heading or table cell).
#[derive(Debug)]
pub(crate) struct InlineBuilder<'a> {
    ctx: Ctx<'a>,
    frames: Vec<Frame>,
    in_table: bool,
    issues: Vec<HtmlIssue>,
    links: Vec<FoundLink>,
    tags: Vec<(html::Tag, Span)>,
    /// End of the last event seen, where unclosed elements are taken to end.
    last_end: usize,
    /// For each markup start not yet ended: whether it opened a frame (false: too deep).
    /// pulldown-cmark nests markup properly, so each end pops its own start.
    markup_opened: Vec<bool>,
    /// HTML list and item tags opened too deep, kept as raw HTML; the next closing list or
    /// item tags are theirs.
    skipped_html: usize,
    too_deep: Option<Span>,
}

impl<'a> InlineBuilder<'a> {
    pub fn new(ctx: Ctx<'a>, start: usize, in_table: bool) -> Self {
        InlineBuilder {
            ctx,
            frames: vec![Frame {
                kind: FrameKind::Root,
                start,
                children: Vec::new(),
            }],
            in_table,
            issues: Vec::new(),
            links: Vec::new(),
            tags: Vec::new(),
            last_end: start,
            markup_opened: Vec::new(),
            skipped_html: 0,
            too_deep: None,
        }
    }

    /// Whether `frames` more frames would nest too deep; if so, notes where.
    fn too_deep(&mut self, frames: usize, range: std::ops::Range<usize>) -> bool {
        let deep = self.frames.len() + frames > MAX_INLINE_DEPTH;
        if deep && self.too_deep.is_none() {
            self.too_deep = Some(self.ctx.span(range));
        }
        deep
    }

    pub fn text(&mut self, text: &str, range: std::ops::Range<usize>) {
        self.last_end = range.end;
        let span = self.ctx.span(range);
        self.push(Inline::Text {
            text: text.to_owned(),
            span,
        });
    }

    pub fn code(&mut self, text: &str, range: std::ops::Range<usize>) {
        self.last_end = range.end;
        let span = self.ctx.span(range);
        self.push(Inline::Code {
            text: text.to_owned(),
            span,
        });
    }

    pub fn soft_break(&mut self, range: std::ops::Range<usize>) {
        self.last_end = range.end;
        let span = self.ctx.span(range);
        self.push(Inline::SoftBreak { span });
    }

    pub fn hard_break(&mut self, range: std::ops::Range<usize>) {
        self.last_end = range.end;
        let span = self.ctx.span(range);
        self.push(Inline::Break { span });
    }

    pub fn start(&mut self, markup: Markup, href: &str, range: std::ops::Range<usize>) {
        self.last_end = range.start;
        let open = !self.too_deep(1, range.clone());
        self.markup_opened.push(open);
        if !open {
            return;
        }
        self.frames.push(Frame {
            kind: FrameKind::Markup {
                markup,
                href: href.to_owned(),
            },
            start: range.start,
            children: Vec::new(),
        });
    }

    pub fn end(&mut self, markup: Markup, range: std::ops::Range<usize>) {
        self.last_end = range.end;
        if self.markup_opened.pop() == Some(false) {
            return;
        }
        let found = self
            .frames
            .iter()
            .rposition(|f| matches!(&f.kind, FrameKind::Markup { markup: m, .. } if *m == markup));
        if let Some(index) = found {
            self.close_down_to(index, range.end, true);
        }
    }

    /// One raw inline HTML fragment (pulldown-cmark yields one per tag or comment).
    pub fn html(&mut self, raw: &str, range: std::ops::Range<usize>) {
        self.last_end = range.end;
        let span = self.ctx.span(range.clone());
        let Some(tag) = html::parse_tag(raw) else {
            self.push(Inline::Html {
                raw: raw.to_owned(),
                span,
            });
            return;
        };
        self.tags.push((tag.clone(), span));
        let list_or_item = matches!(tag.name.as_str(), "ul" | "ol" | "li");
        if list_or_item && tag.kind == TagKind::Open && self.too_deep(2, range.clone()) {
            self.skipped_html += 1;
            self.push(Inline::Html {
                raw: raw.to_owned(),
                span,
            });
            return;
        }
        if list_or_item && tag.kind == TagKind::Close && self.skipped_html > 0 {
            self.skipped_html -= 1;
            self.push(Inline::Html {
                raw: raw.to_owned(),
                span,
            });
            return;
        }
        match (tag.name.as_str(), tag.kind) {
            ("br", _) => self.push(Inline::Break { span }),
            ("ul" | "ol", TagKind::Open) => self.frames.push(Frame {
                kind: FrameKind::List {
                    ordered: tag.name == "ol",
                    implicit: false,
                    tag: span,
                    items: Vec::new(),
                },
                start: range.start,
                children: Vec::new(),
            }),
            ("ul" | "ol", TagKind::Close) => {
                let ordered = tag.name == "ol";
                let found = self.frames.iter().rposition(|f| {
                    matches!(f.kind, FrameKind::List { ordered: o, implicit: false, .. } if o == ordered)
                });
                match found {
                    Some(index) => self.close_down_to(index, range.end, true),
                    None => self.issue(HtmlIssueKind::StrayClose { name: tag.name }, span),
                }
            }
            ("li", TagKind::Open) => {
                let list = match self.nearest_list() {
                    Some(index) => index,
                    None => {
                        self.issue(HtmlIssueKind::ItemOutsideList, span);
                        self.frames.push(Frame {
                            kind: FrameKind::List {
                                ordered: false,
                                implicit: true,
                                tag: span,
                                items: Vec::new(),
                            },
                            start: range.start,
                            children: Vec::new(),
                        });
                        self.frames.len() - 1
                    }
                };
                if list + 1 < self.frames.len() {
                    self.close_down_to(list + 1, range.start, false);
                }
                self.frames.push(Frame {
                    kind: FrameKind::Item,
                    start: range.start,
                    children: Vec::new(),
                });
            }
            ("li", TagKind::Close) => {
                match self
                    .frames
                    .iter()
                    .rposition(|f| matches!(f.kind, FrameKind::Item))
                {
                    Some(index) => self.close_down_to(index, range.end, true),
                    None => self.issue(HtmlIssueKind::StrayClose { name: tag.name }, span),
                }
            }
            (name, kind) => {
                if !html::is_known_element(name) {
                    self.issue(
                        HtmlIssueKind::UnknownElement {
                            name: name.to_owned(),
                            tag: kind,
                        },
                        span,
                    );
                }
                self.push(Inline::Html {
                    raw: raw.to_owned(),
                    span,
                });
            }
        }
    }

    /// Closes whatever is still open and returns the content.
    pub fn finish(mut self) -> Built {
        if self.frames.len() > 1 {
            self.close_down_to(1, self.last_end, false);
        }
        Built {
            inlines: self.frames.pop().map(|f| f.children).unwrap_or_default(),
            issues: self.issues,
            links: self.links,
            tags: self.tags,
            too_deep: self.too_deep,
        }
    }

    fn nearest_list(&self) -> Option<usize> {
        self.frames
            .iter()
            .rposition(|f| matches!(f.kind, FrameKind::List { .. }))
    }

    fn issue(&mut self, kind: HtmlIssueKind, span: Span) {
        self.issues.push(HtmlIssue {
            kind,
            span,
            in_table: self.in_table,
        });
    }

    /// Adds content to the innermost frame; text directly inside a list gets an implicit item.
    fn push(&mut self, inline: Inline) {
        let top_is_list = matches!(
            self.frames.last().map(|f| &f.kind),
            Some(FrameKind::List { .. })
        );
        if top_is_list {
            if matches!(&inline, Inline::Text { text, .. } if text.trim().is_empty())
                || matches!(inline, Inline::SoftBreak { .. })
            {
                return;
            }
            let start = inline.span().start as usize;
            self.frames.push(Frame {
                kind: FrameKind::Item,
                start,
                children: Vec::new(),
            });
        }
        if let Some(top) = self.frames.last_mut() {
            top.children.push(inline);
        }
    }

    /// Pops frames until `frames.len() == index`, folding each into its parent. `own_tag` says
    /// whether the frame at `index` is being closed by its own closing tag; every frame above it
    /// is popped on the way, so a list among them was never closed.
    fn close_down_to(&mut self, index: usize, end: usize, own_tag: bool) {
        let index = index.max(1);
        while self.frames.len() > index {
            let closed_by_tag = own_tag && self.frames.len() == index + 1;
            let Some(frame) = self.frames.pop() else {
                return;
            };
            let span = self.ctx.span(frame.start..end.max(frame.start));
            match frame.kind {
                FrameKind::Root => {}
                FrameKind::Item => {
                    if let Some(FrameKind::List { items, .. }) =
                        self.frames.last_mut().map(|f| &mut f.kind)
                    {
                        items.push(ListItem {
                            children: frame.children,
                            span,
                        });
                    }
                }
                FrameKind::List {
                    ordered,
                    implicit,
                    tag,
                    items,
                } => {
                    if !closed_by_tag && !implicit {
                        let name = if ordered { "ol" } else { "ul" }.to_owned();
                        self.issue(HtmlIssueKind::UnclosedList { name }, tag);
                    }
                    let closed = closed_by_tag || implicit;
                    self.push(Inline::List {
                        ordered,
                        items,
                        closed,
                        span,
                    });
                }
                FrameKind::Markup { markup, href } => {
                    let children = frame.children;
                    let inline = match markup {
                        Markup::Strong => Inline::Strong { children, span },
                        Markup::Emphasis => Inline::Emphasis { children, span },
                        Markup::Strikethrough => Inline::Strikethrough { children, span },
                        Markup::Image => Inline::Image {
                            alt: plain_text(&children),
                            src: href,
                            span,
                        },
                        Markup::Link => {
                            self.links.push(FoundLink {
                                href: href.clone(),
                                text: plain_text(&children),
                                span,
                            });
                            Inline::Link {
                                children,
                                href,
                                span,
                            }
                        }
                    };
                    self.push(inline);
                }
            }
        }
    }
}
