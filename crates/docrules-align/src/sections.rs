//! Section alignment between two versions of an article (any two locales), by evidence,
//! strongest first: the same anchor; shared error IDs and literals, weighted by rarity; and for
//! what is left, anchor and title similarity between already-aligned neighbours.
//!
//! Candidates come from an inverted index of each section's tokens, never from all pairs, and
//! the positional search is bounded by a window: alignment is roughly linear in the sections.

use crate::similarity::anchor_words_shared;
pub use crate::similarity::similarity;
use crate::words::Word;
use foldhash::{HashMap, HashMapExt};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use docrules_model::document::{Block, Document, plain_text};
use docrules_model::fact::{FactKind, Value};
use docrules_model::index::SectionId;

/// How a match was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    /// The same anchor.
    Anchor,
    /// Shared error IDs (and literals).
    ErrorIds,
    /// Shared literal facts (hosts, IP ranges, paths) and values.
    Facts,
    /// Anchor and title similarity between aligned neighbours.
    Position,
    /// The same body text (within one language).
    Body,
    /// Content that moved into another section (a row that became a section, a subsection
    /// folded into its parent).
    Contained,
}

impl std::fmt::Display for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Evidence::Anchor => "anchor",
            Evidence::ErrorIds => "error IDs",
            Evidence::Facts => "shared facts",
            Evidence::Position => "position and title",
            Evidence::Body => "the same text",
            Evidence::Contained => "content moved",
        })
    }
}

/// One section matched to one (or, for a split or merge, several) sections of the other version.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SectionMatch {
    /// The sections of the old version.
    pub old: Vec<SectionId>,
    /// The sections of the new version.
    pub new: Vec<SectionId>,
    /// What made the match (for sections that only joined it, see `moved`).
    pub evidence: Evidence,
    /// 1.0 for the same anchor; otherwise the score that made the match (0–1).
    pub confidence: f32,
    /// Sections (of either side) that joined the match because their content is in it: a
    /// table row that became a section, a subsection folded into its parent.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub moved: Vec<SectionId>,
}

impl SectionMatch {
    /// One old section, several new ones.
    pub fn is_split(&self) -> bool {
        self.old.len() == 1 && self.new.len() > 1
    }

    /// Several old sections, one new one.
    pub fn is_merge(&self) -> bool {
        self.old.len() > 1 && self.new.len() == 1
    }
}

/// How the sections of two versions line up: matches, and for each section the match it is in.
#[derive(Clone, Debug, Default, Serialize)]
pub struct SectionAlignment {
    /// Every match, by old then new position.
    pub matches: Vec<SectionMatch>,
    /// For each old section, the index of its match.
    #[serde(skip)]
    pub old_match: Vec<Option<usize>>,
    /// For each new section, the index of its match.
    #[serde(skip)]
    pub new_match: Vec<Option<usize>>,
}

impl SectionAlignment {
    /// The match holding old section `index`.
    pub fn of_old(&self, index: SectionId) -> Option<&SectionMatch> {
        self.old_match
            .get(index.index())
            .copied()
            .flatten()
            .and_then(|m| self.matches.get(m))
    }

    /// The match holding new section `index`.
    pub fn of_new(&self, index: SectionId) -> Option<&SectionMatch> {
        self.new_match
            .get(index.index())
            .copied()
            .flatten()
            .and_then(|m| self.matches.get(m))
    }
}

/// Below this weighted overlap, shared literals are coincidence.
const MIN_OVERLAP: f32 = 0.25;
/// Below this similarity, neighbours are not the same section.
const MIN_SIMILARITY: f32 = 0.66;
/// How far from the expected position a positional match is searched.
const WINDOW: usize = 6;
/// Tokens found in more sections than this say nothing about identity and are not indexed.
const MAX_DF: usize = 24;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum TokenKind {
    ErrorId,
    Literal,
    /// An identifier in code (code blocks, inline code) or a link target: never translated.
    Code,
    Value,
}

type Token = (TokenKind, String);

/// What identifies a section whatever its language: its error IDs, literals and values.
fn tokens(doc: &Document) -> Vec<Vec<Token>> {
    let mut out: Vec<Vec<Token>> = vec![Vec::new(); doc.sections.len()];
    for rule in &doc.rules {
        for id in &rule.error_ids {
            out[rule.section.index()].push((TokenKind::ErrorId, id.value.clone()));
        }
    }
    for fact in &doc.facts {
        let token = match (&fact.value, fact.kind) {
            (Value::ErrorId { id }, _) => (TokenKind::ErrorId, id.to_ascii_lowercase()),
            (
                _,
                FactKind::Host
                | FactKind::Ipv4
                | FactKind::Path
                | FactKind::RegistryKey
                | FactKind::Url,
            ) => (TokenKind::Literal, format!("{}:{}", fact.kind, fact.value)),
            (value, kind) => (TokenKind::Value, format!("{kind}:{value}")),
        };
        if let Some(section) = out.get_mut(fact.context.section.index()) {
            section.push(token);
        }
    }
    // Code and link targets: what translation leaves as it is.
    for (s, section) in doc.sections.iter().enumerate() {
        let mut codes = Vec::new();
        for block in &section.blocks {
            match block {
                Block::Code { text, .. } => codes.push(text.clone()),
                Block::Paragraph(p) => code_spans(&p.inlines, &mut codes),
                Block::Table { table } => {
                    if let Some(table) = doc.tables.get(table.index()) {
                        // Header words a translation leaves as they are (`Windows`, `SKU`).
                        for cell in &table.header {
                            for word in cell.text.split(|c: char| !c.is_alphanumeric()) {
                                if word.len() >= 3 && word.chars().all(|c| c.is_ascii_alphabetic())
                                {
                                    codes.push(word.to_owned());
                                }
                            }
                        }
                        for row in &table.rows {
                            if let Some(rule) = row.rule.and_then(|r| doc.rules.get(r.index())) {
                                for cell in &rule.cells {
                                    code_spans(&cell.inlines, &mut codes);
                                }
                            }
                        }
                    }
                }
                Block::Html { .. } => {}
            }
        }
        for code in &codes {
            for word in code.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')) {
                let word = word.trim_matches('-');
                if word.len() >= 4 && word.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    out[s].push((
                        TokenKind::Code,
                        format!("code:{}", word.to_ascii_lowercase()),
                    ));
                }
            }
        }
    }
    for link in &doc.links {
        let target = link_target(&link.href);
        if !target.is_empty() {
            if let Some(section) = out.get_mut(link.section.index()) {
                section.push((TokenKind::Code, format!("link:{target}")));
            }
        }
    }
    for section in &mut out {
        section.sort();
        section.dedup();
    }
    out
}

/// The text of every inline code span, recursively.
fn code_spans(inlines: &[docrules_model::document::Inline], out: &mut Vec<String>) {
    use docrules_model::document::Inline;
    for inline in inlines {
        match inline {
            Inline::Code { text, .. } => out.push(text.clone()),
            Inline::Strong { children, .. }
            | Inline::Emphasis { children, .. }
            | Inline::Strikethrough { children, .. }
            | Inline::Link { children, .. } => code_spans(children, out),
            Inline::List { items, .. } => {
                for item in items {
                    code_spans(&item.children, out);
                }
            }
            _ => {}
        }
    }
}

/// A link target as every locale writes it: lower case, without a locale path segment
/// (`/en-us/`, `/ja-jp/`), query or trailing slash; empty for a same-page fragment.
fn link_target(href: &str) -> String {
    let href = href
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    href.split('/')
        .filter(|part| {
            !(part.len() == 5
                && part.as_bytes().get(2) == Some(&b'-')
                && part.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-'))
        })
        .collect::<Vec<_>>()
        .join("/")
        .trim_end_matches('/')
        .to_owned()
}

fn token_weight(kind: TokenKind, df: usize, sections: usize) -> f32 {
    let idf = (1.0 + sections as f32 / df.max(1) as f32).ln();
    let kind_weight = match kind {
        TokenKind::ErrorId => 3.0,
        TokenKind::Literal => 2.0,
        TokenKind::Code => 1.0,
        TokenKind::Value => 0.5,
    };
    kind_weight * idf
}

/// Aligns the sections of `old` and `new` (any two locales: structure and literals only).
pub fn align(old: &Document, new: &Document) -> SectionAlignment {
    align_with(old, new, false)
}

/// Aligns the sections of `old` and `new`; with `same_language`, section bodies are also
/// compared as text, which recognizes a renamed section by what it says.
pub fn align_with(old: &Document, new: &Document, same_language: bool) -> SectionAlignment {
    align_features(&Features::new(old), &Features::new(new), same_language)
}

/// What alignment reads of a document, computed once however many versions it is aligned
/// with: the tokens of each section and, for comparisons within one language, its words.
#[derive(Debug)]
pub struct Features<'d> {
    doc: &'d Document,
    tokens: OnceLock<Vec<Vec<Token>>>,
    words: OnceLock<Vec<Vec<Word>>>,
}

impl<'d> Features<'d> {
    /// Nothing is computed until an alignment asks for it.
    pub fn new(doc: &'d Document) -> Self {
        Features {
            doc,
            tokens: OnceLock::new(),
            words: OnceLock::new(),
        }
    }

    /// The document.
    pub fn doc(&self) -> &'d Document {
        self.doc
    }

    fn tokens(&self) -> &[Vec<Token>] {
        self.tokens.get_or_init(|| tokens(self.doc))
    }

    fn words(&self) -> &[Vec<Word>] {
        self.words.get_or_init(|| body_words(self.doc))
    }
}

/// [`align_with`] on documents whose [`Features`] are kept for other alignments.
pub fn align_features(
    old: &Features<'_>,
    new: &Features<'_>,
    same_language: bool,
) -> SectionAlignment {
    let (old_features, new_features) = (old, new);
    let (old, new) = (old_features.doc, new_features.doc);
    let mut state = State::new(old.sections.len(), new.sections.len());

    // 1. The same anchor. An anchor a document repeats matches occurrence by occurrence.
    let mut new_by_anchor: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, section) in new.sections.iter().enumerate() {
        if !section.anchor.is_empty() || section.level == 0 {
            new_by_anchor
                .entry(section.anchor.as_str())
                .or_default()
                .push(n);
        }
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (o, section) in old.sections.iter().enumerate() {
        let occurrence = seen.entry(section.anchor.as_str()).or_insert(0);
        let candidate = new_by_anchor
            .get(section.anchor.as_str())
            .and_then(|list| list.get(*occurrence))
            .copied();
        *occurrence += 1;
        if let Some(n) = candidate {
            if state.new_match[n].is_none() && (section.level == 0) == (new.sections[n].level == 0)
            {
                state.push(vec![o], vec![n], Evidence::Anchor, 1.0);
            }
        }
    }

    // 2. Shared error IDs and literals, weighted by rarity; splits and merges.
    let old_tokens = old_features.tokens();
    let new_tokens = new_features.tokens();
    let mut df: HashMap<&Token, usize> = HashMap::new();
    for token in old_tokens.iter().chain(new_tokens).flatten() {
        *df.entry(token).or_insert(0) += 1;
    }
    let total = old.sections.len() + new.sections.len();
    let weight = |t: &Token| token_weight(t.0, df.get(t).copied().unwrap_or(1), total);
    // Error IDs first, on their own: a section's identity is its errors, however many hosts or
    // paths one version adds. Then literals and values for the sections still unmatched.
    for kinds in [
        &[TokenKind::ErrorId][..],
        &[TokenKind::Literal, TokenKind::Value][..],
        &[TokenKind::Code][..],
    ] {
        let evidence = if kinds.contains(&TokenKind::ErrorId) {
            Evidence::ErrorIds
        } else {
            Evidence::Facts
        };
        let pick = |tokens: &[Token]| -> Vec<Token> {
            tokens
                .iter()
                .filter(|t| kinds.contains(&t.0))
                .cloned()
                .collect()
        };
        let old_picked: Vec<Vec<Token>> = old_tokens.iter().map(|t| pick(t)).collect();
        let new_picked: Vec<Vec<Token>> = new_tokens.iter().map(|t| pick(t)).collect();
        overlap_pass(&mut state, &old_picked, &new_picked, &weight, evidence);
    }
    let (old_words, new_words): (&[Vec<Word>], &[Vec<Word>]) = if same_language {
        (old_features.words(), new_features.words())
    } else {
        (&[], &[])
    };
    if same_language {
        body_pass(&mut state, old, new, old_words, new_words);
    }
    splits(&mut state, old_tokens, new_tokens, false);
    splits(&mut state, new_tokens, old_tokens, true);

    // 3. What is left: similar anchors or titles between aligned neighbours.
    positional(&mut state, old, new);

    // 4. A section left over whose content another, aligned section holds: a table row that
    // became a section, a subsection folded into its parent, a paragraph moved into a cell.
    let strong = |tokens: &[Token]| -> Vec<Token> {
        tokens
            .iter()
            .filter(|t| t.0 != TokenKind::Value)
            .cloned()
            .collect()
    };
    let old_strong: Vec<Vec<Token>> = old_tokens.iter().map(|t| strong(t)).collect();
    let new_strong: Vec<Vec<Token>> = new_tokens.iter().map(|t| strong(t)).collect();
    fold(
        &mut state,
        &new_strong,
        &old_strong,
        new_words,
        old_words,
        new,
        false,
        &weight,
    );
    fold(
        &mut state,
        &old_strong,
        &new_strong,
        old_words,
        new_words,
        old,
        true,
        &weight,
    );
    state.finish()
}

/// Pairs unmatched sections greedily by weighted overlap of their tokens, best first. Candidates
/// come from an inverted index of the new sections' tokens.
fn overlap_pass(
    state: &mut State,
    old_tokens: &[Vec<Token>],
    new_tokens: &[Vec<Token>],
    weight: &dyn Fn(&Token) -> f32,
    evidence: Evidence,
) {
    let mut df: HashMap<&Token, usize> = HashMap::new();
    for token in old_tokens.iter().chain(new_tokens).flatten() {
        *df.entry(token).or_insert(0) += 1;
    }
    let mut index: HashMap<&Token, Vec<usize>> = HashMap::new();
    for (n, tokens) in new_tokens.iter().enumerate() {
        if state.new_match[n].is_some() {
            continue;
        }
        for token in tokens
            .iter()
            .filter(|t| df.get(t).copied().unwrap_or(0) <= MAX_DF)
        {
            index.entry(token).or_default().push(n);
        }
    }
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    for (o, tokens) in old_tokens.iter().enumerate() {
        if state.old_match[o].is_some() || tokens.is_empty() {
            continue;
        }
        let mut shared: HashMap<usize, (f32, usize)> = HashMap::new();
        for token in tokens {
            for &n in index.get(token).map(Vec::as_slice).unwrap_or_default() {
                let entry = shared.entry(n).or_insert((0.0, 0));
                entry.0 += weight(token);
                entry.1 += 1;
            }
        }
        let old_total: f32 = tokens.iter().map(weight).sum();
        for (n, (common, count)) in shared {
            let new_total: f32 = new_tokens[n].iter().map(weight).sum();
            let overlap = common / (old_total + new_total - common).max(f32::EPSILON);
            // A section that says a part of what a longer one says (one tab of three, the
            // same commands) still matches, more weakly.
            let containment = if count >= 2 {
                0.5 * common / old_total.min(new_total).max(f32::EPSILON)
            } else {
                0.0
            };
            let score = overlap.max(containment);
            if score >= MIN_OVERLAP {
                candidates.push((score, o, n));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (score, o, n) in candidates {
        if state.old_match[o].is_none() && state.new_match[n].is_none() {
            state.push(vec![o], vec![n], evidence, score);
        }
    }
}

/// A section whose error IDs are shared out among several sections of the other version, each
/// holding only IDs of it, was split (or, read the other way, several were merged).
fn splits(state: &mut State, from: &[Vec<Token>], to: &[Vec<Token>], merge: bool) {
    let ids = |tokens: &[Token]| -> Vec<String> {
        tokens
            .iter()
            .filter(|t| t.0 == TokenKind::ErrorId)
            .map(|t| t.1.clone())
            .collect()
    };
    let mut owner: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, tokens) in to.iter().enumerate() {
        for id in ids(tokens) {
            owner.entry(id).or_default().push(i);
        }
    }
    // A match by anchor is the strongest evidence: a split never undoes one.
    let by_anchor = |state: &State, section: usize, old: bool| {
        let slot = if old {
            state.old_match[section]
        } else {
            state.new_match[section]
        };
        slot.and_then(|m| state.matches[m].as_ref())
            .is_some_and(|m| m.evidence == Evidence::Anchor)
    };
    for (f, tokens) in from.iter().enumerate() {
        let own = ids(tokens);
        if own.len() < 2 || by_anchor(state, f, !merge) {
            continue;
        }
        let mut parts: Vec<usize> = own
            .iter()
            .flat_map(|id| owner.get(id).cloned().unwrap_or_default())
            .filter(|&t| {
                let theirs = ids(&to[t]);
                !theirs.is_empty()
                    && theirs.iter().all(|id| own.contains(id))
                    && !by_anchor(state, t, merge)
            })
            .collect();
        parts.sort_unstable();
        parts.dedup();
        if parts.len() < 2 {
            continue;
        }
        // Undo 1:1 matches these sections took part in; they belong to the split.
        let from_is_old = !merge;
        state.unmatch(f, from_is_old);
        for &p in &parts {
            state.unmatch(p, !from_is_old);
        }
        if merge {
            state.push(parts, vec![f], Evidence::ErrorIds, 1.0);
        } else {
            state.push(vec![f], parts, Evidence::ErrorIds, 1.0);
        }
    }
}

/// Each section's own words (paragraphs and table cells, not its subsections'), lower-cased,
/// with its link targets: what a section says, for comparing versions of one language.
fn body_words(doc: &Document) -> Vec<Vec<Word>> {
    let words = |text: &str| crate::words::words(text, 3);
    let mut links: Vec<Vec<Word>> = vec![Vec::new(); doc.sections.len()];
    for link in &doc.links {
        if let Some(list) = links.get_mut(link.section.index()) {
            list.push(crate::words::hash_lowercase(&link.href));
        }
    }
    doc.sections
        .iter()
        .zip(links)
        .map(|(section, links)| {
            let mut out = links;
            for block in &section.blocks {
                match block {
                    Block::Paragraph(p) => out.extend(words(&plain_text(&p.inlines))),
                    Block::Table { table } => {
                        if let Some(table) = doc.tables.get(table.index()) {
                            for row in &table.rows {
                                let Some(rule) = row.rule.and_then(|r| doc.rules.get(r.index()))
                                else {
                                    continue;
                                };
                                for cell in &rule.cells {
                                    out.extend(words(&cell.text()));
                                }
                            }
                        }
                    }
                    Block::Code { text, .. } => out.extend(words(text)),
                    Block::Html { .. } => {}
                }
            }
            out.sort_unstable();
            out.dedup();
            out
        })
        .collect()
}

/// Below this word overlap, two section bodies of one language say different things.
const MIN_BODY_SIMILARITY: f32 = 0.45;
/// A section with fewer distinct words than this is too short to be recognized by its body.
const MIN_BODY_WORDS: usize = 6;

/// Pairs unmatched sections of one language whose bodies say the same thing, best first: one
/// section with one section, or one section with a whole subtree of the other version (a
/// section that became a section with subsections, its text shared out among them; read the
/// other way, subsections folded into one section), whichever reads most alike.
fn body_pass(
    state: &mut State,
    old: &Document,
    new: &Document,
    old_words: &[Vec<Word>],
    new_words: &[Vec<Word>],
) {
    let open_only = |words: &[Vec<Word>], open: &dyn Fn(usize) -> bool| -> Vec<Vec<Word>> {
        words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if open(i) && w.len() >= MIN_BODY_WORDS {
                    w.clone()
                } else {
                    Vec::new()
                }
            })
            .collect()
    };
    let old_open = |i: usize| state.old_match[i].is_none();
    let new_open = |i: usize| state.new_match[i].is_none();
    let old_own = open_only(old_words, &old_open);
    let new_own = open_only(new_words, &new_open);
    let old_tree = open_only(&subtree_words(old, old_words), &old_open);
    let new_tree = open_only(&subtree_words(new, new_words), &new_open);
    // (score, old, new, shape): 0 one to one, 1 a split (old into new's subtree), 2 a merge.
    let mut candidates: Vec<(f32, usize, usize, u8)> = Vec::new();
    for (shape, a, b) in [
        (0u8, &old_own, &new_own),
        (1, &old_own, &new_tree),
        (2, &old_tree, &new_own),
    ] {
        for (score, o, n) in crate::pairing::similar_pairs(a, b, MIN_BODY_SIMILARITY) {
            candidates.push((score, o, n, shape));
        }
    }
    candidates.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    for (score, o, n, shape) in candidates {
        if state.old_match[o].is_some() || state.new_match[n].is_some() {
            continue;
        }
        match shape {
            0 => state.push(vec![o], vec![n], Evidence::Body, score),
            1 => {
                let parts: Vec<usize> = std::iter::once(n)
                    .chain(descendants(new, n).filter(|&d| state.new_match[d].is_none()))
                    .collect();
                state.push(vec![o], parts, Evidence::Body, score);
            }
            _ => {
                let parts: Vec<usize> = std::iter::once(o)
                    .chain(descendants(old, o).filter(|&d| state.old_match[d].is_none()))
                    .collect();
                state.push(parts, vec![n], Evidence::Body, score);
            }
        }
    }
}

/// The sections below `s` (deeper headings up to the next heading of its level or higher).
fn descendants(doc: &Document, s: usize) -> std::ops::Range<usize> {
    let level = doc.sections[s].level;
    let end = doc.sections[s + 1..]
        .iter()
        .position(|x| x.level <= level)
        .map_or(doc.sections.len(), |i| s + 1 + i);
    s + 1..end
}

/// Own words of every section with its descendants' (empty for a section without any).
fn subtree_words(doc: &Document, words: &[Vec<Word>]) -> Vec<Vec<Word>> {
    (0..doc.sections.len())
        .map(|s| {
            let below = descendants(doc, s);
            if below.is_empty() {
                return Vec::new();
            }
            let mut all: Vec<Word> = words[s].clone();
            for d in below {
                all.extend_from_slice(&words[d]);
            }
            all.sort_unstable();
            all.dedup();
            all
        })
        .collect()
}

/// Of `from`'s sections left unmatched (level > 0), the ones whose content an aligned section
/// of the other version holds join that section's match: most of their strong tokens (error
/// IDs, literals), or, in one language, most of their words, are in it. `from_is_old` tells
/// which side `from` is.
#[allow(clippy::too_many_arguments)]
fn fold(
    state: &mut State,
    from_tokens: &[Vec<Token>],
    to_tokens: &[Vec<Token>],
    from_words: &[Vec<Word>],
    to_words: &[Vec<Word>],
    from_doc: &Document,
    from_is_old: bool,
    weight: &dyn Fn(&Token) -> f32,
) {
    let matched_from = |state: &State, i: usize| {
        if from_is_old {
            state.old_match[i].is_some()
        } else {
            state.new_match[i].is_some()
        }
    };
    let matched_to = |state: &State, i: usize| {
        if from_is_old {
            state.new_match[i]
        } else {
            state.old_match[i]
        }
    };
    let mut token_index: HashMap<&Token, Vec<usize>> = HashMap::new();
    for (t, tokens) in to_tokens.iter().enumerate() {
        for token in tokens {
            token_index.entry(token).or_default().push(t);
        }
    }
    let mut word_index: HashMap<Word, Vec<usize>> = HashMap::new();
    for (t, words) in to_words.iter().enumerate() {
        for &word in words {
            word_index.entry(word).or_default().push(t);
        }
    }
    for (f, tokens) in from_tokens.iter().enumerate() {
        if matched_from(state, f) || from_doc.sections[f].level == 0 {
            continue;
        }
        let mut best: Option<(f32, usize)> = None;
        // Strong tokens: an error ID, or two literals, mostly held by one aligned section.
        let ids = tokens.iter().filter(|t| t.0 == TokenKind::ErrorId).count();
        if ids >= 1 || tokens.len() >= 2 {
            let total: f32 = tokens.iter().map(weight).sum();
            let mut shared: HashMap<usize, f32> = HashMap::new();
            for token in tokens {
                for &t in token_index
                    .get(token)
                    .map(Vec::as_slice)
                    .unwrap_or_default()
                {
                    *shared.entry(t).or_insert(0.0) += weight(token);
                }
            }
            for (t, common) in shared {
                let cover = common / total.max(f32::EPSILON);
                if cover >= MIN_FOLD_COVER
                    && matched_to(state, t).is_some()
                    && best.is_none_or(|(s, b)| cover > s || (cover == s && t < b))
                {
                    best = Some((cover, t));
                }
            }
        }
        // Words, in one language.
        let words = from_words.get(f).map(Vec::as_slice).unwrap_or_default();
        if best.is_none() && words.len() >= MIN_BODY_WORDS {
            let mut shared: HashMap<usize, usize> = HashMap::new();
            for word in words {
                for &t in word_index.get(word).map(Vec::as_slice).unwrap_or_default() {
                    *shared.entry(t).or_insert(0) += 1;
                }
            }
            for (t, common) in shared {
                let cover = common as f32 / words.len() as f32;
                if cover >= MIN_FOLD_COVER
                    && matched_to(state, t).is_some()
                    && best.is_none_or(|(s, b)| cover > s || (cover == s && t < b))
                {
                    best = Some((cover, t));
                }
            }
        }
        if let Some((_, t)) = best {
            if let Some(index) = matched_to(state, t) {
                state.attach(index, f, from_is_old);
            }
        }
    }
}

/// How much of a leftover section's evidence an aligned section must hold to absorb it.
const MIN_FOLD_COVER: f32 = 0.7;

fn positional(state: &mut State, old: &Document, new: &Document) {
    // The article title: the one level-1 heading of each version, whatever it became.
    let titles = |doc: &Document| -> Vec<usize> {
        doc.sections
            .iter()
            .enumerate()
            .filter(|(_, s)| s.level == 1)
            .map(|(i, _)| i)
            .collect()
    };
    if let ([o], [n]) = (titles(old).as_slice(), titles(new).as_slice()) {
        if state.old_match[*o].is_none() && state.new_match[*n].is_none() {
            state.push(vec![*o], vec![*n], Evidence::Position, 0.5);
        }
    }
    // Nearest aligned neighbours, computed in one pass each way (not searched per section): the
    // next one from a suffix scan, the previous one carried along as sections are placed.
    let mut next_new: Vec<Option<usize>> = vec![None; old.sections.len() + 1];
    for o in (0..old.sections.len()).rev() {
        next_new[o] = state.old_to_new_first(o).or(next_new[o + 1]);
    }
    let mut last_new: Option<usize> = None;
    for o in 0..old.sections.len() {
        if state.old_match[o].is_some() {
            last_new = last_new.max(state.old_to_new_last(o));
            continue;
        }
        if old.sections[o].level == 0 {
            continue;
        }
        let before = last_new;
        let after = next_new[o + 1];
        let lo = before.map_or(0, |b| b + 1);
        let hi = after.unwrap_or(new.sections.len()).min(lo + 2 * WINDOW);
        let section = &old.sections[o];
        // Best by spelling; failing that, the one neighbour whose anchor has all the words of
        // its anchor, or whose words its anchor has (`regions`, `region-max-scale-out`).
        let mut best: Option<(f32, usize)> = None;
        let mut by_words: Vec<(f32, usize)> = Vec::new();
        for n in lo..hi.max(lo) {
            if state.new_match[n].is_some() || new.sections[n].level == 0 {
                continue;
            }
            let other = &new.sections[n];
            let anchor = similarity(&section.anchor, &other.anchor);
            let title = similarity(&section.title, &other.title);
            let level = if section.level == other.level {
                0.05
            } else {
                -0.1
            };
            let score = anchor.max(title) + level;
            if score >= MIN_SIMILARITY && best.is_none_or(|(s, _)| score > s) {
                best = Some((score, n));
            }
            if anchor_words_shared(&section.anchor, &other.anchor) == 1.0 {
                by_words.push((MIN_SIMILARITY, n));
            }
        }
        if let (None, [only]) = (best, by_words.as_slice()) {
            best = Some(*only);
        }
        if let Some((score, n)) = best {
            state.push(vec![o], vec![n], Evidence::Position, score.min(1.0));
            last_new = last_new.max(Some(n));
        }
    }
}

/// A match while aligning, by plain positions.
struct Pair {
    old: Vec<usize>,
    new: Vec<usize>,
    evidence: Evidence,
    confidence: f32,
    moved: Vec<usize>,
}

struct State {
    matches: Vec<Option<Pair>>,
    old_match: Vec<Option<usize>>,
    new_match: Vec<Option<usize>>,
}

impl State {
    fn new(old: usize, new: usize) -> Self {
        State {
            matches: Vec::new(),
            old_match: vec![None; old],
            new_match: vec![None; new],
        }
    }

    fn push(&mut self, old: Vec<usize>, new: Vec<usize>, evidence: Evidence, confidence: f32) {
        let index = self.matches.len();
        old.iter().for_each(|&o| self.old_match[o] = Some(index));
        new.iter().for_each(|&n| self.new_match[n] = Some(index));
        self.matches.push(Some(Pair {
            old,
            new,
            evidence,
            confidence,
            moved: Vec::new(),
        }));
    }

    /// Adds section `section` (old when `old`) to match `index`: content that moved into it.
    fn attach(&mut self, index: usize, section: usize, old: bool) {
        let Some(m) = self.matches.get_mut(index).and_then(Option::as_mut) else {
            return;
        };
        if old {
            m.old.push(section);
            m.old.sort_unstable();
            self.old_match[section] = Some(index);
        } else {
            m.new.push(section);
            m.new.sort_unstable();
            self.new_match[section] = Some(index);
        }
        m.moved.push(section);
    }

    /// Removes the match a section is in (a later, stronger reading replaces it).
    fn unmatch(&mut self, section: usize, old: bool) {
        let slot = if old {
            self.old_match[section]
        } else {
            self.new_match[section]
        };
        let Some(index) = slot else { return };
        if let Some(m) = self.matches[index].take() {
            m.old.iter().for_each(|&o| self.old_match[o] = None);
            m.new.iter().for_each(|&n| self.new_match[n] = None);
        }
    }

    fn old_to_new_last(&self, o: usize) -> Option<usize> {
        let m = self.matches[self.old_match[o]?].as_ref()?;
        m.new.iter().max().copied()
    }

    fn old_to_new_first(&self, o: usize) -> Option<usize> {
        let m = self.matches[self.old_match[o]?].as_ref()?;
        m.new.iter().min().copied()
    }

    fn finish(self) -> SectionAlignment {
        let mut matches: Vec<SectionMatch> = self
            .matches
            .into_iter()
            .flatten()
            .map(|p| SectionMatch {
                old: p.old.into_iter().map(SectionId::new).collect(),
                new: p.new.into_iter().map(SectionId::new).collect(),
                evidence: p.evidence,
                confidence: p.confidence,
                moved: p.moved.into_iter().map(SectionId::new).collect(),
            })
            .collect();
        matches.sort_by_key(|m| (m.old.first().copied(), m.new.first().copied()));
        SectionAlignment::from_matches(matches, self.old_match.len(), self.new_match.len())
    }
}

impl SectionAlignment {
    /// An alignment of `old_len` old and `new_len` new sections made of `matches`.
    pub fn from_matches(matches: Vec<SectionMatch>, old_len: usize, new_len: usize) -> Self {
        let mut old_match = vec![None; old_len];
        let mut new_match = vec![None; new_len];
        for (i, m) in matches.iter().enumerate() {
            for o in &m.old {
                if let Some(slot) = old_match.get_mut(o.index()) {
                    *slot = Some(i);
                }
            }
            for n in &m.new {
                if let Some(slot) = new_match.get_mut(n.index()) {
                    *slot = Some(i);
                }
            }
        }
        SectionAlignment {
            matches,
            old_match,
            new_match,
        }
    }

    /// The alignment of old with new sections through a middle version: `self` aligns old with
    /// middle, `next` middle with new. Sections connected through the middle form one match
    /// (a split, a merge, or one to one), with the weaker evidence and confidence of the two
    /// steps.
    pub fn then(&self, next: &SectionAlignment, new_len: usize) -> SectionAlignment {
        let old_len = self.old_match.len();
        // Union–find over old sections (0..old_len) and new sections (old_len..).
        let mut parent: Vec<usize> = (0..old_len + new_len).collect();
        fn root(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        let mut quality: HashMap<(usize, usize), (Evidence, f32)> = HashMap::new();
        let mut linked = vec![false; old_len + new_len];
        for m in &self.matches {
            for &mid in &m.new {
                let Some(second) = next.of_old(mid) else {
                    continue;
                };
                let evidence = m.evidence.max(second.evidence);
                let confidence = m.confidence.min(second.confidence);
                for &o in &m.old {
                    for &n in &second.new {
                        let (a, b) = (o.index(), old_len + n.index());
                        if b >= parent.len() {
                            continue;
                        }
                        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                        parent[ra] = rb;
                        linked[a] = true;
                        linked[b] = true;
                        let q = quality
                            .entry((o.index(), n.index()))
                            .or_insert((evidence, confidence));
                        if confidence > q.1 {
                            *q = (evidence, confidence);
                        }
                    }
                }
            }
        }
        let mut groups: BTreeMap<usize, (Vec<SectionId>, Vec<SectionId>)> = BTreeMap::new();
        for (x, _) in linked.iter().enumerate().filter(|(_, l)| **l) {
            let r = root(&mut parent, x);
            let group = groups.entry(r).or_default();
            if x < old_len {
                group.0.push(SectionId::new(x));
            } else {
                group.1.push(SectionId::new(x - old_len));
            }
        }
        let mut matches: Vec<SectionMatch> = groups
            .into_values()
            .map(|(old, new)| {
                let (evidence, confidence) = old
                    .iter()
                    .flat_map(|o| {
                        new.iter()
                            .filter_map(|n| quality.get(&(o.index(), n.index())))
                    })
                    .fold((Evidence::Anchor, 1.0f32), |(e, c), &(e2, c2)| {
                        (e.max(e2), c.min(c2))
                    });
                SectionMatch {
                    old,
                    new,
                    evidence,
                    confidence,
                    moved: Vec::new(),
                }
            })
            .collect();
        matches.sort_by_key(|m| (m.old.first().copied(), m.new.first().copied()));
        SectionAlignment::from_matches(matches, old_len, new_len)
    }

    /// Adds the matches of `other` whose sections are all unmatched here: what a direct
    /// alignment finds for what the lineage left over.
    pub fn fill_from(&mut self, other: &SectionAlignment) {
        let mut matches = std::mem::take(&mut self.matches);
        for m in &other.matches {
            let free = m
                .old
                .iter()
                .all(|o| self.old_match.get(o.index()).copied().flatten().is_none())
                && m.new
                    .iter()
                    .all(|n| self.new_match.get(n.index()).copied().flatten().is_none());
            if free {
                matches.push(m.clone());
            }
        }
        matches.sort_by_key(|m| (m.old.first().copied(), m.new.first().copied()));
        *self = SectionAlignment::from_matches(matches, self.old_match.len(), self.new_match.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        docrules_parse::corpus::read_document("t.md", text.into(), None, &Default::default())
            .expect("parses")
    }

    fn anchors(alignment: &SectionAlignment, old: &Document, new: &Document) -> Vec<String> {
        alignment
            .matches
            .iter()
            .map(|m| {
                format!(
                    "{} -> {}",
                    old.sections[m.old[0]].anchor, new.sections[m.new[0]].anchor
                )
            })
            .collect()
    }

    #[test]
    fn a_translated_heading_keeps_its_place_by_the_words_of_its_anchor() {
        // A translation (source anchors, translated titles and text) against a newer source
        // that renamed two sections: nothing but the anchors' words tell which is which.
        let old = doc(concat!(
            "# T\n\n## <a name=\"skus\"></a>SKU\n\nテキスト。\n\n",
            "## <a name=\"regions\"></a>リージョン\n\n東日本、西日本。\n\n",
            "## <a name=\"known-issues\"></a>既知の問題\n\nなし。\n\n",
            "## <a name=\"next-steps\"></a>次のステップ\n\n参照。\n",
        ));
        let new = doc(concat!(
            "# T\n\n## SKUs\n\nText.\n\n## Memory usage considerations\n\nMemory.\n\n",
            "## Region max scale-out\n\nJapan East, Japan West.\n\n## Next steps\n\nSee.\n",
        ));
        let alignment = align_with(&old, &new, false);
        let found = anchors(&alignment, &old, &new);
        assert!(
            found.contains(&"regions -> region-max-scale-out".to_owned()),
            "{found:?}"
        );
        assert!(
            !found.iter().any(|m| m.starts_with("known-issues")),
            "no anchor words, no match: {found:?}"
        );
    }
}
