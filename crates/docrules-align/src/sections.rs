//! Section alignment between two versions of an article (any two locales), by evidence,
//! strongest first: the same anchor; shared error IDs and literals, weighted by rarity; and for
//! what is left, anchor and title similarity between already-aligned neighbours.
//!
//! Candidates come from an inverted index of each section's tokens, never from all pairs, and
//! the positional search is bounded by a window: alignment is roughly linear in the sections.

use serde::Serialize;
use std::collections::HashMap;

use docrules_model::document::Document;
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
}

impl std::fmt::Display for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Evidence::Anchor => "anchor",
            Evidence::ErrorIds => "error IDs",
            Evidence::Facts => "shared facts",
            Evidence::Position => "position and title",
        })
    }
}

/// One section matched to one (or, for a split or merge, several) sections of the other version.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SectionMatch {
    pub old: Vec<SectionId>,
    pub new: Vec<SectionId>,
    pub evidence: Evidence,
    /// 1.0 for the same anchor; otherwise the score that made the match (0–1).
    pub confidence: f32,
}

impl SectionMatch {
    pub fn is_split(&self) -> bool {
        self.old.len() == 1 && self.new.len() > 1
    }

    pub fn is_merge(&self) -> bool {
        self.old.len() > 1 && self.new.len() == 1
    }
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct SectionAlignment {
    pub matches: Vec<SectionMatch>,
    /// For each old section, the index of its match.
    #[serde(skip)]
    pub old_match: Vec<Option<usize>>,
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
    for section in &mut out {
        section.sort();
        section.dedup();
    }
    out
}

fn token_weight(kind: TokenKind, df: usize, sections: usize) -> f32 {
    let idf = (1.0 + sections as f32 / df.max(1) as f32).ln();
    let kind_weight = match kind {
        TokenKind::ErrorId => 3.0,
        TokenKind::Literal => 2.0,
        TokenKind::Value => 0.5,
    };
    kind_weight * idf
}

/// Aligns the sections of `old` and `new`.
pub fn align(old: &Document, new: &Document) -> SectionAlignment {
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
    let old_tokens = tokens(old);
    let new_tokens = tokens(new);
    let mut df: HashMap<&Token, usize> = HashMap::new();
    for token in old_tokens.iter().chain(&new_tokens).flatten() {
        *df.entry(token).or_insert(0) += 1;
    }
    let total = old.sections.len() + new.sections.len();
    let weight = |t: &Token| token_weight(t.0, df.get(t).copied().unwrap_or(1), total);
    // Error IDs first, on their own: a section's identity is its errors, however many hosts or
    // paths one version adds. Then literals and values for the sections still unmatched.
    for kinds in [
        &[TokenKind::ErrorId][..],
        &[TokenKind::Literal, TokenKind::Value][..],
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
    splits(&mut state, &old_tokens, &new_tokens, false);
    splits(&mut state, &new_tokens, &old_tokens, true);

    // 3. What is left: similar anchors or titles between aligned neighbours.
    positional(&mut state, old, new);
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
        let mut shared: HashMap<usize, f32> = HashMap::new();
        for token in tokens {
            for &n in index.get(token).map(Vec::as_slice).unwrap_or_default() {
                *shared.entry(n).or_insert(0.0) += weight(token);
            }
        }
        let old_total: f32 = tokens.iter().map(weight).sum();
        for (n, common) in shared {
            let new_total: f32 = new_tokens[n].iter().map(weight).sum();
            let score = common / (old_total + new_total - common).max(f32::EPSILON);
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

/// Bigram Dice similarity of two strings, ignoring `-` and case.
pub fn similarity(a: &str, b: &str) -> f32 {
    let grams = |s: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = s
            .chars()
            .filter(|c| *c != '-' && !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        let mut g: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        g.sort_unstable();
        g
    };
    let (a, b) = (grams(a), grams(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    2.0 * common as f32 / (a.len() + b.len()) as f32
}

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
        let mut best: Option<(f32, usize)> = None;
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
        }));
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
            })
            .collect();
        matches.sort_by_key(|m| (m.old.first().copied(), m.new.first().copied()));
        let mut old_match = vec![None; self.old_match.len()];
        let mut new_match = vec![None; self.new_match.len()];
        for (i, m) in matches.iter().enumerate() {
            m.old.iter().for_each(|&o| old_match[o.index()] = Some(i));
            m.new.iter().for_each(|&n| new_match[n.index()] = Some(i));
        }
        SectionAlignment {
            matches,
            old_match,
            new_match,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::similarity;

    #[test]
    fn anchor_similarity() {
        assert!(similarity("pre-requisites", "prerequisites") > 0.99);
        assert!(
            similarity(
                "backups-dont-run-according-to-the-schedule",
                "backups-dont-run-according-to-schedule"
            ) > 0.9
        );
        assert!(
            similarity(
                "troubleshoot-restore-issues",
                "troubleshoot-restore-problems"
            ) > 0.55
        );
        assert!(similarity("next-steps", "common-issues") < 0.3);
        assert_eq!(similarity("", "x"), 0.0);
    }
}
