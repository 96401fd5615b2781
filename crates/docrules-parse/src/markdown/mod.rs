//! Markdown to [`Document`]: one pass over pulldown-cmark's events with source offsets.

mod anchor;
mod inline;
mod table;

pub use inline::MAX_INLINE_DEPTH;

pub use anchor::{Slugger, infer_renderer, slug, slug_as};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::html::{self, TagKind};
use docrules_model::diagnostic::Diagnostic;
use docrules_model::document::{
    Anchor, AnchorSource, Block, Document, Link, Paragraph, Section, TextContext, plain_text,
};
use docrules_model::front_matter::FrontMatter;
use docrules_model::index::{SectionId, TableId};
use docrules_model::locale::Locale;
use docrules_model::manifest::AnchorRenderer;
use docrules_model::source::Source;
use docrules_model::span::Span;
use inline::{Ctx, InlineBuilder, Markup};
use table::TableBuilder;

/// Parses the markdown body of `source` (from byte `body_start`, after the front matter), with
/// heading anchors as the renderer its front matter suggests ([`infer_renderer`]) makes them.
pub fn parse(
    source: Source,
    front_matter: FrontMatter,
    body_start: usize,
    locale: Option<&Locale>,
) -> Document {
    parse_as(source, front_matter, body_start, locale, None)
}

/// [`parse`], with heading anchors as `renderer` makes them (`None`: inferred from the front
/// matter).
pub fn parse_as(
    source: Source,
    front_matter: FrontMatter,
    body_start: usize,
    locale: Option<&Locale>,
    renderer: Option<AnchorRenderer>,
) -> Document {
    let renderer = renderer.unwrap_or_else(|| infer_renderer(&front_matter));
    let parts = {
        // pulldown-cmark ends lines at `\n` only; a file with classic Mac line endings is parsed
        // from a copy with `\r` read as `\n`. Both are one byte, so every offset is the same.
        let lf_text;
        let text = if source.lines.terminator() == b'\r' {
            lf_text = source.text.replace('\r', "\n");
            &lf_text
        } else {
            &source.text
        };
        let ctx = Ctx {
            text,
            lines: &source.lines,
        };
        let mut builder = Builder::new(ctx, &source.path, locale, renderer);
        let body = &text[body_start..];
        for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
            let range = range.start + body_start..range.end + body_start;
            builder.event(event, range);
        }
        builder.finish()
    };
    Document {
        source,
        front_matter,
        sections: parts.sections,
        tables: parts.tables,
        rules: parts.rules,
        anchors: parts.anchors,
        links: parts.links,
        html_issues: parts.html_issues,
        facts: Vec::new(),
        diagnostics: parts.diagnostics,
    }
}

/// The pulldown-cmark extensions documents are parsed with (benchmarks compare with them).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_GFM
}

/// What an open inline container will become when it closes.
#[derive(Debug)]
enum Container {
    Paragraph(TextContext),
    Heading { level: u8, id: Option<String> },
    TableCell,
}

#[derive(Debug, Default)]
struct Parts {
    sections: Vec<Section>,
    tables: Vec<docrules_model::document::Table>,
    rules: Vec<docrules_model::document::Rule>,
    anchors: Vec<Anchor>,
    links: Vec<Link>,
    html_issues: Vec<docrules_model::document::HtmlIssue>,
    diagnostics: Vec<Diagnostic>,
}

#[derive(Debug)]
struct Builder<'a> {
    ctx: Ctx<'a>,
    path: &'a str,
    locale: Option<&'a Locale>,
    parts: Parts,
    open: Option<(Container, usize, InlineBuilder<'a>)>,
    /// Enclosing list items and block quotes, innermost last.
    contexts: Vec<TextContext>,
    table: Option<TableBuilder>,
    code: Option<(String, usize)>,
    html_block: Option<usize>,
    slugs: Slugger,
    /// The chain of sections a new heading may nest in, levels increasing: the nearest earlier
    /// section of a lower level is on it, so finding a parent never scans all sections.
    ancestors: Vec<SectionId>,
}

impl<'a> Builder<'a> {
    fn new(
        ctx: Ctx<'a>,
        path: &'a str,
        locale: Option<&'a Locale>,
        renderer: AnchorRenderer,
    ) -> Self {
        Builder {
            ctx,
            path,
            locale,
            parts: Parts::default(),
            open: None,
            contexts: Vec::new(),
            table: None,
            code: None,
            html_block: None,
            slugs: Slugger::new(renderer),
            ancestors: Vec::new(),
        }
    }

    fn event(&mut self, event: Event<'_>, range: std::ops::Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(text) => {
                if let Some((code, _)) = &mut self.code {
                    code.push_str(&text);
                } else {
                    self.inline(range.start).text(&text, range);
                }
            }
            Event::Code(text) => self.inline(range.start).code(&text, range),
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.inline(range.start).code(&text, range)
            }
            Event::InlineHtml(raw) => self.inline(range.start).html(&raw, range),
            Event::Html(raw) => {
                if self.html_block.is_some() {
                    self.html_tags(&raw, range.start);
                } else {
                    self.inline(range.start).html(&raw, range);
                }
            }
            Event::SoftBreak => self.inline(range.start).soft_break(range),
            Event::HardBreak => self.inline(range.start).hard_break(range),
            Event::FootnoteReference(label) => {
                let text = format!("[^{label}]");
                self.inline(range.start).text(&text, range)
            }
            Event::Rule | Event::TaskListMarker(_) => self.close_inline(range.start),
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: std::ops::Range<usize>) {
        let markup = match &tag {
            Tag::Emphasis => Some(Markup::Emphasis),
            Tag::Strong => Some(Markup::Strong),
            Tag::Strikethrough => Some(Markup::Strikethrough),
            Tag::Link { .. } => Some(Markup::Link),
            Tag::Image { .. } => Some(Markup::Image),
            _ => None,
        };
        if let Some(markup) = markup {
            let href = match &tag {
                Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => dest_url.as_ref(),
                _ => "",
            };
            self.inline(range.start).start(markup, href, range);
            return;
        }
        // Every block start ends a lazily opened container (tight list item text).
        if !matches!(tag, Tag::TableCell) {
            self.close_inline(range.start);
        }
        match tag {
            Tag::Paragraph => {
                let context = self.context();
                self.open_inline(Container::Paragraph(context), range.start, false);
            }
            Tag::Heading { level, id, .. } => {
                let container = Container::Heading {
                    level: level as u8,
                    id: id.map(|id| id.to_string()),
                };
                self.open_inline(container, range.start, false);
            }
            Tag::BlockQuote(_) => self.contexts.push(TextContext::Quote),
            Tag::List(_) => self.contexts.push(TextContext::ListItem),
            Tag::CodeBlock(_) => self.code = Some((String::new(), range.start)),
            Tag::HtmlBlock => self.html_block = Some(range.start),
            Tag::Table(_) => {
                let section = self.current_section(range.start);
                self.table = Some(TableBuilder::new(section, range.start));
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(table) = &mut self.table {
                    table.start_row(range);
                }
            }
            Tag::TableCell => self.open_inline(Container::TableCell, range.start, true),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: std::ops::Range<usize>) {
        let markup = match tag {
            TagEnd::Emphasis => Some(Markup::Emphasis),
            TagEnd::Strong => Some(Markup::Strong),
            TagEnd::Strikethrough => Some(Markup::Strikethrough),
            TagEnd::Link => Some(Markup::Link),
            TagEnd::Image => Some(Markup::Image),
            _ => None,
        };
        if let Some(markup) = markup {
            if let Some((_, _, builder)) = &mut self.open {
                builder.end(markup, range);
            }
            return;
        }
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell => {
                self.close_inline(range.end)
            }
            TagEnd::BlockQuote(_) | TagEnd::List(_) => {
                self.close_inline(range.end);
                self.contexts.pop();
            }
            TagEnd::Item => self.close_inline(range.end),
            TagEnd::CodeBlock => {
                if let Some((text, start)) = self.code.take() {
                    let span = self.ctx.span(start..range.end);
                    self.push_block(Block::Code { text, span }, start);
                }
            }
            TagEnd::HtmlBlock => {
                if let Some(start) = self.html_block.take() {
                    let span = self.ctx.span(start..range.end);
                    self.push_block(Block::Html { span }, start);
                }
            }
            TagEnd::TableHead => {
                if let Some(table) = &mut self.table {
                    table.end_head();
                }
            }
            TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    table.end_row();
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    let start = table.start();
                    let index = TableId::new(self.parts.tables.len());
                    let section = self.current_section(start);
                    let stated = table::prose_error_ids(self.ctx, &self.parts.sections[section]);
                    table.finish(
                        self.ctx,
                        self.path,
                        self.locale,
                        range.end,
                        index,
                        &stated,
                        &mut self.parts.tables,
                        &mut self.parts.rules,
                        &mut self.parts.diagnostics,
                    );
                    self.push_block(Block::Table { table: index }, start);
                }
            }
            _ => {}
        }
    }

    fn context(&self) -> TextContext {
        self.contexts.last().copied().unwrap_or(TextContext::Prose)
    }

    fn open_inline(&mut self, container: Container, start: usize, in_table: bool) {
        self.open = Some((
            container,
            start,
            InlineBuilder::new(self.ctx, start, in_table),
        ));
    }

    /// The open inline container, opening a paragraph for text that arrives outside one (the
    /// text of a tight list item).
    fn inline(&mut self, start: usize) -> &mut InlineBuilder<'a> {
        if self.open.is_none() {
            let context = self.context();
            self.open_inline(Container::Paragraph(context), start, false);
        }
        match &mut self.open {
            Some((_, _, builder)) => builder,
            None => unreachable!("an inline container was opened just above"),
        }
    }

    fn close_inline(&mut self, end: usize) {
        let Some((container, start, builder)) = self.open.take() else {
            return;
        };
        let inline::Built {
            inlines,
            issues,
            links,
            tags,
            too_deep,
        } = builder.finish();
        if let Some(at) = too_deep {
            self.parts.diagnostics.push(
                Diagnostic::warning(
                    "nesting-too-deep",
                    self.path,
                    format!(
                        "HTML lists and emphasis nest more than {} levels deep at line {}; \
                         the deeper tags are kept as raw HTML",
                        inline::MAX_INLINE_DEPTH,
                        at.line
                    ),
                )
                .at(at)
                .with_help("flatten the nesting; no reader follows lists this deep"),
            );
        }
        // A cell's or a paragraph's span ends at its last content, not at trailing pipes or
        // line breaks; a heading's covers its line.
        let end = match container {
            // The heading line without its line ending.
            Container::Heading { .. } => start.max(self.ctx.text[..end].trim_end().len()),
            _ => inlines
                .last()
                .map_or(start, |i| i.span().end as usize)
                .max(start),
        };
        let span = self.ctx.span(start.min(end)..end);
        self.parts.html_issues.extend(issues);
        // A DocFX tab marker (`# [Portal](#tab/portal)`) starts a tab, not a section: its line
        // stays content of the section it is in.
        let container = match container {
            Container::Heading { .. } if is_tab_marker(&inlines) => {
                Container::Paragraph(TextContext::Prose)
            }
            other => other,
        };
        let section = match container {
            Container::Heading { level, id } => {
                self.push_section(level, id, &inlines, &tags, span);
                SectionId::new(self.parts.sections.len() - 1)
            }
            Container::Paragraph(context) => {
                let section = self.current_section(start);
                if !inlines.is_empty() {
                    self.parts.sections[section]
                        .blocks
                        .push(Block::Paragraph(Paragraph {
                            context,
                            inlines,
                            span,
                        }));
                }
                self.record_tags(&tags, section);
                section
            }
            Container::TableCell => {
                let section = self.current_section(start);
                self.record_tags(&tags, section);
                if let Some(table) = &mut self.table {
                    table.push_cell(inlines, span);
                }
                section
            }
        };
        for link in links {
            self.parts
                .links
                .push(Link::new(&link.href, link.text, link.span, section));
        }
    }

    fn push_section(
        &mut self,
        level: u8,
        attr_id: Option<String>,
        inlines: &[docrules_model::document::Inline],
        tags: &[(html::Tag, Span)],
        span: Span,
    ) {
        let index = SectionId::new(self.parts.sections.len());
        let title = plain_text(inlines);
        let html_anchor = tags
            .iter()
            .position(|(t, _)| t.kind != TagKind::Close && anchor_name(t).is_some());
        // GitHub has no `{#id}` heading attributes: the braces stay in the heading's text, and
        // the slug is made from it.
        let github = self.slugs.renderer() == AnchorRenderer::Github;
        let (title_for_slug, attr_id) = match attr_id {
            Some(id) if github => (format!("{title} {{#{id}}}"), None),
            other => (title.clone(), other),
        };
        let (anchor, anchor_source) = match (html_anchor, attr_id) {
            (Some(i), _) => (
                anchor_name(&tags[i].0).unwrap_or_default().to_owned(),
                AnchorSource::Html,
            ),
            (None, Some(id)) => (id, AnchorSource::Attribute),
            (None, None) => {
                // A heading with nothing to slug (only symbols) still needs a unique anchor
                // to align sections by; GitHub gives it an empty id, DocFX `section`.
                let slug = Some(anchor::slug_as(self.slugs.renderer(), &title_for_slug))
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| "section".to_owned());
                (self.slugs.unique(slug), AnchorSource::Slug)
            }
        };
        // GitHub keeps an `<a name>` in a heading as its own anchor, and still gives the
        // heading its slug (DocFX makes the name the heading's id instead).
        let github_slug = (anchor_source != AnchorSource::Slug && github)
            .then(|| self.slugs.slug(&title_for_slug));
        while let Some(&top) = self.ancestors.last() {
            if self.parts.sections[top].level < level {
                break;
            }
            self.ancestors.pop();
        }
        let parent = self.ancestors.last().copied();
        self.ancestors.push(index);
        self.parts.sections.push(Section {
            level,
            title,
            inlines: inlines.to_vec(),
            anchor: anchor.clone(),
            anchor_source,
            span,
            parent,
            blocks: Vec::new(),
        });
        if !anchor.is_empty() {
            self.parts.anchors.push(Anchor {
                name: anchor,
                source: anchor_source,
                span,
                section: index,
            });
        }
        // The heading's `<a id="x" name="y">` defines `x` too.
        let more_names = html_anchor
            .into_iter()
            .flat_map(|i| anchor_names(&tags[i].0).skip(1));
        for name in more_names {
            self.parts.anchors.push(Anchor {
                name: name.to_owned(),
                source: AnchorSource::Html,
                span,
                section: index,
            });
        }
        if let Some(name) = github_slug.filter(|s| !s.is_empty()) {
            self.parts.anchors.push(Anchor {
                name,
                source: AnchorSource::Slug,
                span,
                section: index,
            });
        }
        let others: Vec<_> = tags
            .iter()
            .enumerate()
            .filter(|&(i, _)| Some(i) != html_anchor)
            .map(|(_, t)| t.clone())
            .collect();
        self.record_tags(&others, index);
    }

    /// Anchors (`<a name>`, `id=`) and HTML links (`<a href>`) among raw tags.
    fn record_tags(&mut self, tags: &[(html::Tag, Span)], section: SectionId) {
        for (tag, span) in tags {
            if tag.kind == TagKind::Close {
                continue;
            }
            for name in anchor_names(tag) {
                self.parts.anchors.push(Anchor {
                    name: name.to_owned(),
                    source: AnchorSource::Html,
                    span: *span,
                    section,
                });
            }
            if let (Some(href), "a") = (tag.attr("href"), tag.name.as_str()) {
                self.parts
                    .links
                    .push(Link::new(href, String::new(), *span, section));
            }
        }
    }

    fn html_tags(&mut self, raw: &str, offset: usize) {
        let section = self.current_section(offset);
        let tags: Vec<_> = html::scan_tags(raw)
            .map(|(range, tag)| (tag, self.ctx.span(offset + range.start..offset + range.end)))
            .collect();
        self.record_tags(&tags, section);
    }

    fn push_block(&mut self, block: Block, start: usize) {
        let section = self.current_section(start);
        self.parts.sections[section].blocks.push(block);
    }

    /// The section content at `offset` belongs to, creating the level-0 preamble if no heading
    /// came yet.
    fn current_section(&mut self, offset: usize) -> SectionId {
        if self.parts.sections.is_empty() {
            self.parts.sections.push(Section {
                level: 0,
                title: String::new(),
                inlines: Vec::new(),
                anchor: String::new(),
                anchor_source: AnchorSource::Slug,
                span: self.ctx.span(offset..offset),
                parent: None,
                blocks: Vec::new(),
            });
            self.ancestors.push(SectionId::new(0));
        }
        SectionId::new(self.parts.sections.len() - 1)
    }

    fn finish(mut self) -> Parts {
        let end = self.ctx.text.len();
        self.close_inline(end);
        self.parts.html_issues.sort_by_key(|issue| issue.span.start);
        self.parts
    }
}

/// The anchor an HTML tag defines: `name` on `<a>`, `id` on any element.
fn anchor_name(tag: &html::Tag) -> Option<&str> {
    anchor_names(tag).next()
}

/// Every anchor a tag defines: an `<a>`'s `name` and its `id` (`<a id="x" name="y">` defines
/// both), any other element's `id`.
fn anchor_names(tag: &html::Tag) -> impl Iterator<Item = &str> {
    let name = (tag.name == "a").then(|| tag.attr("name")).flatten();
    let id = tag.attr("id").filter(|id| Some(*id) != name);
    name.into_iter().chain(id).filter(|n| !n.is_empty())
}

/// Whether a heading's content is only a link to a DocFX tab (`#tab/…`).
fn is_tab_marker(inlines: &[docrules_model::document::Inline]) -> bool {
    use docrules_model::document::Inline;
    let mut links = 0;
    for inline in inlines {
        match inline {
            Inline::Link { href, .. } if href.starts_with("#tab/") => links += 1,
            Inline::Text { text, .. } if text.trim().is_empty() => {}
            _ => return false,
        }
    }
    links == 1
}
