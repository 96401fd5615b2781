//! Fact pairing between two versions whose sections are aligned: which fact of the old version
//! states what which fact of the new one states.
//!
//! Identity is never positional across a whole section: word order differs between languages
//! (Japanese states the second value of an English sentence first), and a section gains and
//! loses sentences between versions. Facts pair inside units that survive translation (a table
//! cell: the aligned row, by its error IDs, and the column; a prose block: aligned by its text
//! within one language, by order when a translation kept the section's block structure), and
//! within a unit by evidence: the same value first, then, for what is left, only when a single
//! fact of that kind remains on each side (or, within one language, when the words just before
//! the number are the same). A fact that cannot be paired that way is left unpaired: a finding
//! that rests on a guess costs more than a finding that is missing.

use foldhash::{HashMap, HashMapExt};

use crate::sections::SectionAlignment;
use crate::subject;
use crate::words::Word;
use docrules_model::document::{Block, ColumnRole, Document};
use docrules_model::fact::{Fact, FactKind};
use docrules_model::index::{FactId, RowId, SectionId};

/// Where a fact is stated, in terms that survive translation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Unit {
    /// A table cell: the row (the new version's, for an old fact), the column's role and its
    /// position among the row's cells.
    Cell(RowId, Option<ColumnRole>, usize),
    /// Sentence `s` of prose block `b` of the section (paragraph, list item, quote), as
    /// `(b, s)`, or the heading (`None`).
    Prose(Option<(usize, usize)>),
}

/// The prose block (index among the section's paragraphs) and the sentence within it that
/// hold a fact, or `None` for its heading (or a place no block holds).
fn prose_of(doc: &Document, fact: &Fact) -> Option<(usize, usize)> {
    let section = doc.sections.get(fact.context.section.index())?;
    let (block, span) = section
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.span),
            _ => None,
        })
        .enumerate()
        .find(|(_, span)| {
            span.start <= fact.span.start && fact.span.start < span.end.max(span.start + 1)
        })?;
    let before = doc
        .source
        .text
        .get(span.start as usize..fact.span.start as usize)
        .unwrap_or_default();
    Some((block, sentence_ends(before)))
}

/// How many sentences end in `text`: at `。．！？` and at `.!?` before a space or line end (not
/// in `4.5.2`).
fn sentence_ends(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .filter(|&i| match chars[i] {
            '。' | '．' | '！' | '？' => true,
            '.' | '!' | '?' => chars.get(i + 1).is_none_or(|c| c.is_whitespace()),
            _ => false,
        })
        .count()
}

/// What a stated value is, for comparing sentences across languages.
/// The values a fact contributes to its sentence's signature: its value, and for a range each
/// end too, so that a stale range (`4–30 min` against `4–100 min`) still shares its unchanged
/// end with its source, as the two numbers did before they were read as one range.
fn value_keys(fact: &Fact) -> impl Iterator<Item = String> + '_ {
    let ends = fact.value.range_ends().into_iter().flatten();
    std::iter::once(fact.value.clone())
        .chain(ends)
        .map(move |v| format!("{}:{v}", fact.kind))
}

/// The values each sentence of each prose block of a document states, by (section, block,
/// sentence).
type SentenceValues = HashMap<(SectionId, usize, usize), Vec<String>>;

fn sentence_values(doc: &Document) -> SentenceValues {
    let mut out: SentenceValues = HashMap::new();
    for fact in doc.facts.iter().filter(|f| f.context.rule.is_none()) {
        if let Some((b, s)) = prose_of(doc, fact) {
            out.entry((fact.context.section, b, s))
                .or_default()
                .extend(value_keys(fact));
        }
    }
    out
}

/// Most this many cells are compared when two sequences are aligned by their values.
const MAX_ALIGN_CELLS: usize = 40_000;

/// Aligns two sequences in order, maximizing the number of values the paired items share
/// (items sharing none do not pair): the alignment of blocks or sentences whose wording differs
/// (another language) but whose numbers and literals are the same.
fn align_by_values(a: &[Vec<String>], b: &[Vec<String>]) -> Vec<(usize, usize)> {
    let (m, n) = (a.len(), b.len());
    if m == 0 || n == 0 || m * n > MAX_ALIGN_CELLS {
        return Vec::new();
    }
    let shared = |i: usize, j: usize| a[i].iter().filter(|v| b[j].contains(v)).count();
    let mut score = vec![vec![0usize; n + 1]; m + 1];
    for i in (0..m).rev() {
        for j in (0..n).rev() {
            let here = shared(i, j);
            let take = if here > 0 {
                here + score[i + 1][j + 1]
            } else {
                0
            };
            score[i][j] = take.max(score[i + 1][j]).max(score[i][j + 1]);
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < m && j < n {
        let here = shared(i, j);
        if here > 0 && score[i][j] == here + score[i + 1][j + 1] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if score[i][j] == score[i + 1][j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The values of each prose block of a section, in order.
fn block_values(values: &SentenceValues, section: SectionId, count: usize) -> Vec<Vec<String>> {
    let mut out = vec![Vec::new(); count];
    for ((s, b, _), v) in values {
        if *s == section && *b < count {
            out[*b].extend(v.iter().cloned());
        }
    }
    for v in &mut out {
        v.sort();
    }
    out
}

/// Pairs the sentences of two paired prose blocks: by the values they share, in order; when
/// none share a value and both blocks have as many sentences, by order.
fn sentence_pairs(
    old_values: &SentenceValues,
    new_values: &SentenceValues,
    old_block: (SectionId, usize),
    new_block: (SectionId, usize),
) -> HashMap<usize, usize> {
    let collect = |values: &SentenceValues, (s, b): (SectionId, usize)| -> Vec<Vec<String>> {
        let count = values
            .keys()
            .filter(|(s2, b2, _)| *s2 == s && *b2 == b)
            .map(|(_, _, k)| k + 1)
            .max()
            .unwrap_or(0);
        (0..count)
            .map(|k| values.get(&(s, b, k)).cloned().unwrap_or_default())
            .collect()
    };
    let (a, b) = (
        collect(old_values, old_block),
        collect(new_values, new_block),
    );
    let pairs = align_by_values(&a, &b);
    if pairs.is_empty() && a.len() == b.len() {
        return (0..a.len()).map(|i| (i, i)).collect();
    }
    pairs.into_iter().collect()
}

fn paragraphs(doc: &Document, section: SectionId) -> Vec<String> {
    doc.sections
        .get(section.index())
        .map(|s| {
            s.blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Paragraph(p) => Some(docrules_model::document::plain_text(&p.inlines)),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Lower-cased words of at least two letters, for comparing texts of one language.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect()
}

/// Words in more texts than this say nothing about which text is which and are not indexed.
const MAX_WORD_DF: usize = 16;

/// Pairs `(score, i, j)` of texts of `a` and `b` (as word lists) whose word overlap reaches
/// `min`, found through an inverted index of `b`'s rarer words rather than by comparing all
/// pairs.
pub(crate) fn similar_pairs(
    a: &[Vec<Word>],
    b: &[Vec<Word>],
    min: f32,
) -> Vec<(f32, usize, usize)> {
    // Each text as a set once (sorted, no repeats), not once per comparison.
    let set = |text: &Vec<Word>| crate::words::into_set(text.clone());
    let b_sets: Vec<Vec<Word>> = b.iter().map(set).collect();
    let mut index: HashMap<Word, Vec<usize>> = HashMap::new();
    for (j, words) in b_sets.iter().enumerate() {
        for &w in words {
            index.entry(w).or_default().push(j);
        }
    }
    let mut out = Vec::new();
    let mut seen = vec![false; b.len()];
    let mut candidates: Vec<usize> = Vec::new();
    for (i, text) in a.iter().enumerate() {
        let own = set(text);
        for w in &own {
            if let Some(list) = index.get(w).filter(|l| l.len() <= MAX_WORD_DF) {
                for &j in list {
                    if !seen[j] {
                        seen[j] = true;
                        candidates.push(j);
                    }
                }
            }
        }
        for j in candidates.drain(..) {
            seen[j] = false;
            let score = crate::words::jaccard(&own, &b_sets[j]);
            if score >= min {
                out.push((score, i, j));
            }
        }
    }
    out
}

/// Below this word overlap, two paragraphs of one language are different paragraphs.
const MIN_BLOCK_SIMILARITY: f32 = 0.3;

/// Pairs the prose blocks of an aligned section pair: by text within one language, by order
/// when a translation kept the number of blocks; otherwise none pair.
fn block_pairs(
    old: &Document,
    new: &Document,
    old_section: SectionId,
    new_section: SectionId,
    same_language: bool,
    (old_values, new_values): (&SentenceValues, &SentenceValues),
) -> HashMap<usize, usize> {
    let (a, b) = (paragraphs(old, old_section), paragraphs(new, new_section));
    let mut out = HashMap::new();
    if same_language {
        let (wa, wb): (Vec<Vec<Word>>, Vec<Vec<Word>>) = (
            a.iter().map(|t| crate::words::words(t, 2)).collect(),
            b.iter().map(|t| crate::words::words(t, 2)).collect(),
        );
        let candidates = similar_pairs(&wa, &wb, MIN_BLOCK_SIMILARITY);
        let mut candidates = candidates;
        candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        let mut taken_new = vec![false; b.len()];
        for (_, i, j) in candidates {
            if !out.contains_key(&i) && !taken_new[j] {
                out.insert(i, j);
                taken_new[j] = true;
            }
        }
    } else if a.len() == b.len() {
        out.extend((0..a.len()).map(|i| (i, i)));
    } else {
        // Another structure: blocks pair by the values they share, in order.
        let (sa, sb) = (
            block_values(old_values, old_section, a.len()),
            block_values(new_values, new_section, b.len()),
        );
        out.extend(align_by_values(&sa, &sb));
    }
    out
}

/// The three words before a fact in its text, lower-cased: within one language, what a
/// sentence says the number is (`limited to _ minutes`).
fn lead(doc: &Document, fact: &Fact) -> Vec<String> {
    let start = fact.span.start as usize;
    let line_start = doc.source.text[..start.min(doc.source.text.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let before = doc.source.text.get(line_start..start).unwrap_or_default();
    let w = words(before);
    w[w.len().saturating_sub(3)..].to_vec()
}

/// How two versions relate, for pairing their facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Relation {
    /// Both are written in one language: texts compare as text.
    pub same_language: bool,
    /// One is a translation of exactly the other: it keeps its tables' rows, in order.
    pub same_rows: bool,
}

/// For every fact of `old`, the fact of `new` that states the same thing, if evidence says so.
/// `alignment` aligns `old`'s sections (as old) with `new`'s (as new).
pub fn pair(
    old: &Document,
    new: &Document,
    alignment: &SectionAlignment,
    relation: Relation,
) -> Vec<Option<FactId>> {
    let same_language = relation.same_language;
    let unit = |doc: &Document, fact: &Fact| match fact.context.rule {
        Some(rule) => Unit::Cell(rule, fact.context.column, cell_of(doc, rule, fact)),
        None => Unit::Prose(prose_of(doc, fact)),
    };
    // New facts by (section, kind, unit).
    let mut new_units: HashMap<(SectionId, FactKind, Unit), Vec<usize>> = HashMap::new();
    for (i, fact) in new.facts.iter().enumerate() {
        new_units
            .entry((fact.context.section, fact.kind, unit(new, fact)))
            .or_default()
            .push(i);
    }
    let rows = row_pairs(old, new, alignment, relation);
    let moved = crate::moved::moved_tables(old, new, &rows);
    let mut out = vec![None; old.facts.len()];
    let mut taken = vec![false; new.facts.len()];
    // Within one language, the ranges stated in prose, with the words of their sentences: a
    // range pairs first with the one whose sentence names the same subject (`4 minutes to 30
    // minutes for Load Balancer rules` became `4 minutes to 100 minutes for Load Balancer
    // rules`), before another range takes it by its value (`4 minutes to 100 minutes for
    // Outbound Rules`, now 120).
    let range_words = |doc: &Document| -> HashMap<usize, Vec<String>> {
        if !same_language {
            return HashMap::new();
        }
        doc.facts
            .iter()
            .enumerate()
            .filter(|(_, f)| f.context.rule.is_none() && f.value.range_ends().is_some())
            .map(|(i, f)| (i, subject::sentence_words(&doc.source.text, f)))
            .collect()
    };
    let (old_words, new_words) = (range_words(old), range_words(new));
    let by_subject = |o: usize, candidates: &[usize], taken: &[bool]| -> Option<usize> {
        let words = old_words.get(&o)?;
        let same: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&n| !taken[n] && new.facts[n].kind == old.facts[o].kind)
            .filter(|n| {
                new_words
                    .get(n)
                    .is_some_and(|w| subject::same_subject(words, w))
            })
            .collect();
        match same.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    };
    // Old facts grouped the same way, with their unit translated into the new version.
    let mut groups: Vec<((SectionId, FactKind, Unit), Vec<usize>)> = Vec::new();
    let mut blocks_cache: HashMap<(SectionId, SectionId), HashMap<usize, usize>> = HashMap::new();
    let mut sentences_cache: HashMap<(SectionId, usize, SectionId, usize), HashMap<usize, usize>> =
        HashMap::new();
    let (old_values, new_values) = (sentence_values(old), sentence_values(new));
    let unit = |doc: &Document, fact: &Fact| match fact.context.rule {
        Some(rule) => Unit::Cell(rule, fact.context.column, cell_of(doc, rule, fact)),
        None => Unit::Prose(prose_of(doc, fact)),
    };
    let mut add = |key: (SectionId, FactKind, Unit), i: usize| {
        if !new_units.contains_key(&key) {
            return false;
        }
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(i),
            None => groups.push((key, vec![i])),
        }
        true
    };
    for (i, fact) in old.facts.iter().enumerate() {
        // A row of a table that moved to another section pairs there.
        if let Some((row, &new_row)) = fact.context.rule.and_then(|r| Some((r, moved.get(&r)?))) {
            let section = new.rules[new_row.index()].section;
            let unit = Unit::Cell(new_row, fact.context.column, cell_of(old, row, fact));
            add((section, fact.kind, unit), i);
            continue;
        }
        let Some(m) = alignment.of_old(fact.context.section) else {
            continue;
        };
        // The new section of a split that holds the fact's row (or the first part).
        for &new_section in &m.new {
            let translated = match unit(old, fact) {
                Unit::Cell(row, column, position) => match rows.get(&row) {
                    Some(&new_row) => Unit::Cell(new_row, column, position),
                    None => continue,
                },
                Unit::Prose(None) => Unit::Prose(None),
                Unit::Prose(Some((b, k))) => {
                    let section = fact.context.section;
                    let blocks = blocks_cache
                        .entry((section, new_section))
                        .or_insert_with(|| {
                            block_pairs(
                                old,
                                new,
                                section,
                                new_section,
                                same_language,
                                (&old_values, &new_values),
                            )
                        });
                    let Some(&nb) = blocks.get(&b) else {
                        continue;
                    };
                    let sentences = sentences_cache
                        .entry((section, b, new_section, nb))
                        .or_insert_with(|| {
                            sentence_pairs(
                                &old_values,
                                &new_values,
                                (section, b),
                                (new_section, nb),
                            )
                        });
                    match sentences.get(&k) {
                        Some(&nk) => Unit::Prose(Some((nb, nk))),
                        None => continue,
                    }
                }
            };
            if add((new_section, fact.kind, translated), i) {
                break;
            }
        }
    }
    for (key, olds) in groups {
        let Some(news) = new_units.get(&key) else {
            continue;
        };
        for &o in &olds {
            if let Some(n) = by_subject(o, news, &taken) {
                out[o] = Some(FactId::new(n));
                taken[n] = true;
            }
        }
        // The same value pairs first, in order.
        for &o in &olds {
            if out[o].is_some() {
                continue;
            }
            if let Some(&n) = news
                .iter()
                .find(|&&n| !taken[n] && old.facts[o].value.same_as(&new.facts[n].value))
            {
                out[o] = Some(FactId::new(n));
                taken[n] = true;
            }
        }
        let left_old: Vec<usize> = olds.iter().copied().filter(|&o| out[o].is_none()).collect();
        let left_new: Vec<usize> = news.iter().copied().filter(|&n| !taken[n]).collect();
        // A range and one value are two statements (`4–100 min` and the default `4 min`),
        // not one whose value changed.
        let same_shape = |o: usize, n: usize| {
            old.facts[o].value.range_ends().is_some() == new.facts[n].value.range_ends().is_some()
        };
        if let ([o], [n]) = (left_old.as_slice(), left_new.as_slice()) {
            if same_shape(*o, *n) {
                out[*o] = Some(FactId::new(*n));
                taken[*n] = true;
            }
        } else if same_language && left_old.len() == left_new.len() {
            for (&o, &n) in left_old.iter().zip(&left_new) {
                let (a, b) = (lead(old, &old.facts[o]), lead(new, &new.facts[n]));
                if !a.is_empty() && a == b && same_shape(o, n) {
                    out[o] = Some(FactId::new(n));
                    taken[n] = true;
                }
            }
        }
    }
    // Then, per aligned section pair, what states the same value anywhere in it: a fact the
    // units could not place (blocks of a translation that does not keep the structure) is
    // still the same fact when the value is the same.
    let mut new_by_section: HashMap<(SectionId, FactKind), Vec<usize>> = HashMap::new();
    for (i, fact) in new.facts.iter().enumerate() {
        if fact.context.rule.is_none() || !fact.kind.is_quantity() {
            new_by_section
                .entry((fact.context.section, fact.kind))
                .or_default()
                .push(i);
        }
    }
    for (o, fact) in old.facts.iter().enumerate() {
        // A quantity in a cell pairs through its row only: the same number in another row of
        // a table is another fact (a literal is itself wherever it is).
        if out[o].is_some() || (fact.context.rule.is_some() && fact.kind.is_quantity()) {
            continue;
        }
        let Some(m) = alignment.of_old(fact.context.section) else {
            continue;
        };
        let in_sections: Vec<usize> = m
            .new
            .iter()
            .filter_map(|&section| new_by_section.get(&(section, fact.kind)))
            .flatten()
            .copied()
            .collect();
        if let Some(n) = by_subject(o, &in_sections, &taken) {
            out[o] = Some(FactId::new(n));
            taken[n] = true;
            continue;
        }
        let found = m.new.iter().find_map(|&section| {
            new_by_section
                .get(&(section, fact.kind))?
                .iter()
                .copied()
                .find(|&n| !taken[n] && fact.value.same_as(&new.facts[n].value))
        });
        if let Some(n) = found {
            out[o] = Some(FactId::new(n));
            taken[n] = true;
        }
    }
    out
}

/// The position of the cell of row `rule` that holds `fact`, for columns told apart by their
/// position only (those of no known role: `| Region | Windows | Linux |`); 0 for the others,
/// which their role names.
fn cell_of(doc: &Document, rule: RowId, fact: &Fact) -> usize {
    if fact.context.column != Some(ColumnRole::Other) {
        return 0;
    }
    doc.rules
        .get(rule.index())
        .and_then(|r| {
            r.cells.iter().position(|c| {
                c.span.start <= fact.span.start && fact.span.end <= c.span.end.max(c.span.start)
            })
        })
        .unwrap_or(usize::MAX)
}

/// Which row of `new` each row of `old` is: rows with error IDs by their IDs (and rank among
/// rows with the same IDs); rows without, within one language by the text of their first
/// cell, and between a translation and its exact source by order when both have as many such
/// rows.
fn row_pairs(
    old: &Document,
    new: &Document,
    alignment: &SectionAlignment,
    relation: Relation,
) -> HashMap<RowId, RowId> {
    let same_language = relation.same_language;
    // A row's error IDs identify it, with its rank among the rows of its section with the same
    // IDs (stated in the row, or by the section for a table without an error column).
    let identities = |doc: &Document| {
        let mut rank: HashMap<String, usize> = HashMap::new();
        let mut out: HashMap<RowId, String> = HashMap::new();
        for (r, rule) in doc.rules.iter().enumerate() {
            if rule.error_ids.is_empty() {
                continue;
            }
            let ids = sorted_ids(rule);
            let k = rank
                .entry(format!("{}\u{0}{ids}", rule.section))
                .or_insert(0);
            *k += 1;
            out.insert(RowId::new(r), format!("{ids}.{k}"));
        }
        out
    };
    let old_ids = identities(old);
    let new_ids = identities(new);
    let mut out = HashMap::new();
    let mut new_by_identity: HashMap<&str, Vec<RowId>> = HashMap::new();
    let mut new_plain: HashMap<SectionId, Vec<RowId>> = HashMap::new();
    for (r, rule) in new.rules.iter().enumerate() {
        let r = RowId::new(r);
        match new_ids.get(&r) {
            Some(identity) => new_by_identity
                .entry(identity.as_str())
                .or_default()
                .push(r),
            None => new_plain.entry(rule.section).or_default().push(r),
        }
    }
    let mut old_plain: HashMap<SectionId, Vec<RowId>> = HashMap::new();
    for (r, rule) in old.rules.iter().enumerate() {
        let r = RowId::new(r);
        match old_ids.get(&r) {
            Some(identity) => {
                // Among the rows of the sections this row's section aligned with.
                let aligned = alignment
                    .of_old(rule.section)
                    .map(|m| m.new.clone())
                    .unwrap_or_default();
                let candidates: Vec<RowId> = new_by_identity
                    .get(identity.as_str())
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|n| aligned.contains(&new.rules[*n].section))
                    .collect();
                if let [one] = candidates.as_slice() {
                    out.insert(r, *one);
                }
            }
            None => old_plain.entry(rule.section).or_default().push(r),
        }
    }
    // A row's name: its first cell's first line, lower-cased, without footnote marks or
    // punctuation (`**[Dedicated plan](dedicated-plan.md)**<sup>1</sup>` and `**[Dedicated
    // plan]**` name the same row).
    let first_cell = |doc: &Document, r: RowId| -> String {
        let Some(cell) = doc.rules[r].cells.first() else {
            return String::new();
        };
        let line = docrules_model::document::plain_text(&docrules_parse::extract::first_line(
            &cell.inlines,
        ))
        .to_lowercase();
        let kept: String = line
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect();
        kept.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    // Rows without IDs. Only rows inside aligned sections are ever looked up, so a row paired
    // here with a row of an unrelated section pairs no fact.
    if same_language {
        let mut new_by_text: HashMap<String, Vec<RowId>> = HashMap::new();
        for rows in new_plain.values() {
            for &r in rows {
                new_by_text.entry(first_cell(new, r)).or_default().push(r);
            }
        }
        for (section, rows) in &old_plain {
            // The same name in several tables (a row per plan in each): the one in a section
            // this row's section aligned with.
            let aligned = alignment
                .of_old(*section)
                .map(|m| m.new.clone())
                .unwrap_or_default();
            for &r in rows {
                let text = first_cell(old, r);
                if text.is_empty() {
                    continue;
                }
                let Some(named) = new_by_text.get(&text) else {
                    continue;
                };
                let near: Vec<RowId> = named
                    .iter()
                    .copied()
                    .filter(|n| aligned.contains(&new.rules[*n].section))
                    .collect();
                match (named.as_slice(), near.as_slice()) {
                    ([one], _) | (_, [one]) => {
                        out.insert(r, *one);
                    }
                    _ => {}
                }
            }
        }
    }
    // Across languages, rows without IDs pair as a diff pairs lines: rows whose numbers are the
    // same and occur once in each table anchor the alignment; between two anchors, rows pair in
    // order when both sides have as many (a changed value inside an unchanged stretch), and not
    // at all when one side gained or lost rows there.
    if !same_language {
        for (section, rows) in &old_plain {
            let Some(m) = alignment.of_old(*section) else {
                continue;
            };
            let Some(theirs) = m.new.iter().find_map(|s| new_plain.get(s)) else {
                continue;
            };
            for (o, n) in anchored_rows(old, rows, new, theirs) {
                out.entry(o).or_insert(n);
            }
        }
    }
    // By order, when one is a translation of exactly the other and exactly one section of the
    // new version has as many such rows. (A translation of another source version may have
    // as many rows and not the same ones.)
    if !relation.same_rows {
        return out;
    }
    for rows in old_plain.values() {
        let candidates: Vec<&Vec<RowId>> = new_plain
            .values()
            .filter(|n| n.len() == rows.len())
            .collect();
        if let [only] = candidates.as_slice() {
            for (&o, &n) in rows.iter().zip(only.iter()) {
                out.entry(o).or_insert(n);
            }
        }
    }
    out
}

/// A row's error IDs, sorted and joined.
fn sorted_ids(rule: &docrules_model::document::Rule) -> String {
    let mut ids: Vec<&str> = rule.error_ids.iter().map(|i| i.value.as_str()).collect();
    ids.sort_unstable();
    ids.join("+")
}

/// The numbers of a row's cells after the first (`None` for a cell that is not one integer):
/// what a translated table row keeps.
fn row_numbers(doc: &Document, r: RowId) -> Vec<Option<String>> {
    doc.rules[r]
        .cells
        .iter()
        .skip(1)
        .map(|c| {
            let text = c.text();
            let text = text.trim();
            (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit() || b == b','))
                .then(|| text.replace(',', ""))
        })
        .collect()
}

/// Pairs two tables' rows (in order) by anchors and equal gaps: see [`row_pairs`].
fn anchored_rows(old: &Document, a: &[RowId], new: &Document, b: &[RowId]) -> Vec<(RowId, RowId)> {
    let (sa, sb): (Vec<_>, Vec<_>) = (
        a.iter().map(|&r| row_numbers(old, r)).collect(),
        b.iter().map(|&r| row_numbers(new, r)).collect(),
    );
    let informative = |s: &Vec<Option<String>>| s.iter().any(Option::is_some);
    let mut count: HashMap<(&Vec<Option<String>>, bool), usize> = HashMap::new();
    for s in &sa {
        *count.entry((s, false)).or_insert(0) += 1;
    }
    for s in &sb {
        *count.entry((s, true)).or_insert(0) += 1;
    }
    // Anchors: signatures that occur once on each side, kept in increasing order on both.
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    for (i, s) in sa.iter().enumerate() {
        if !informative(s)
            || count.get(&(s, false)) != Some(&1)
            || count.get(&(s, true)) != Some(&1)
        {
            continue;
        }
        if let Some(j) = sb.iter().position(|t| t == s) {
            if anchors.last().is_none_or(|&(_, pj)| j > pj) {
                anchors.push((i, j));
            }
        }
    }
    let mut out: Vec<(RowId, RowId)> = anchors.iter().map(|&(i, j)| (a[i], b[j])).collect();
    // Gaps between anchors (and before the first, after the last) of equal length pair in order.
    let mut bounds = vec![(0usize, 0usize)];
    bounds.extend(anchors.iter().map(|&(i, j)| (i + 1, j + 1)));
    let mut ends: Vec<(usize, usize)> = anchors.clone();
    ends.push((a.len(), b.len()));
    for (&(ai, bj), &(ae, be)) in bounds.iter().zip(&ends) {
        if ae >= ai && be >= bj && ae - ai == be - bj && !anchors.is_empty() {
            out.extend((0..ae - ai).map(|k| (a[ai + k], b[bj + k])));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(rows: &str) -> Document {
        let text = format!(
            "# T\n\n## Limits\n\n| Region | Windows | Linux |\n| --- | --- | --- |\n{rows}"
        );
        docrules_parse::corpus::read_document("t.md", text.into_bytes(), None, &Default::default())
            .expect("parses")
    }

    #[test]
    fn translated_rows_pair_between_anchors_of_the_same_numbers() {
        // Row names translated; B's Windows value changed; the new version appends a row.
        let old = doc("| A-ja | 10 | 20 |\n| B-ja | 30 | 40 |\n| C-ja | 50 | 60 |\n");
        let new = doc("| A | 10 | 20 |\n| B | 35 | 40 |\n| C | 50 | 60 |\n| D | 70 | 80 |\n");
        let rows = |d: &Document| -> Vec<RowId> { RowId::all(d.rules.len()).collect() };
        let pairs = anchored_rows(&old, &rows(&old), &new, &rows(&new));
        let mut pairs: Vec<(usize, usize)> =
            pairs.iter().map(|(o, n)| (o.index(), n.index())).collect();
        pairs.sort_unstable();
        assert_eq!(pairs, [(0, 0), (1, 1), (2, 2)]);
        // A row inserted between anchors leaves that stretch unpaired.
        let new = doc("| A | 10 | 20 |\n| X | 1 | 2 |\n| B | 35 | 40 |\n| C | 50 | 60 |\n");
        let pairs = anchored_rows(&old, &rows(&old), &new, &rows(&new));
        let mut pairs: Vec<(usize, usize)> =
            pairs.iter().map(|(o, n)| (o.index(), n.index())).collect();
        pairs.sort_unstable();
        assert_eq!(pairs, [(0, 0), (2, 3)]);
    }

    #[test]
    fn sentences_end_at_full_stops_not_in_numbers() {
        assert_eq!(sentence_ends("Version 4.5.2 or later. Then restart"), 1);
        assert_eq!(sentence_ends("既定では 4 分です。最大 30 分"), 1);
        assert_eq!(sentence_ends("No end"), 0);
    }
}
