//! Computes the changes between two documents: sections through their alignment, rules by
//! their error IDs, facts through their aligned keys (literals as sets per section).

use foldhash::{HashMap, HashMapExt};
use std::collections::{BTreeMap, BTreeSet};

use crate::sections::{self, Evidence, SectionAlignment};
use docrules_model::document::Document;
use docrules_model::document::truncate;
use docrules_model::fact::{Fact, FactKind, Value};
use docrules_model::index::SectionId;

use super::{Change, ChangeKind, Direction, Place};

/// Changes from `old` to `new` (two versions in any two locales), ordered by section (in the
/// new version's order) and line.
pub fn diff(old: &Document, new: &Document) -> Vec<Change> {
    diff_in(old, new, false)
}

/// [`diff`], knowing whether both versions are written in one language: then section bodies
/// are compared as text, so a section renamed, split or merged with its text is recognized.
pub fn diff_in(old: &Document, new: &Document, same_language: bool) -> Vec<Change> {
    diff_features(
        &sections::Features::new(old),
        &sections::Features::new(new),
        same_language,
    )
}

/// [`diff_in`] on documents whose alignment [`Features`](sections::Features) are kept for
/// other diffs (a version diffed with the one before it and with the one after it).
pub fn diff_features(
    old: &sections::Features<'_>,
    new: &sections::Features<'_>,
    same_language: bool,
) -> Vec<Change> {
    let alignment = sections::align_features(old, new, same_language);
    diff_aligned(old.doc(), new.doc(), &alignment, same_language)
}

/// [`diff_in`] with the sections' alignment already made (old as old, new as new).
pub fn diff_aligned(
    old: &Document,
    new: &Document,
    alignment: &SectionAlignment,
    same_language: bool,
) -> Vec<Change> {
    let ctx = Ctx {
        old,
        new,
        alignment,
        same_language,
    };
    let mut changes = Vec::new();
    ctx.sections(&mut changes);
    ctx.rules(&mut changes);
    ctx.facts(&mut changes);
    changes.sort_by(|a, b| a.order.cmp(&b.order).then(a.kind.cmp(&b.kind)));
    super::assign_ids(&mut changes);
    changes
}

struct Ctx<'a> {
    old: &'a Document,
    new: &'a Document,
    alignment: &'a SectionAlignment,
    same_language: bool,
}

impl Ctx<'_> {
    /// The identity of an old section in the new version: the anchor it aligned with.
    fn old_section_id(&self, s: SectionId) -> String {
        match self.alignment.of_old(s).and_then(|m| m.new.first()) {
            Some(&n) => self.new.sections[n].anchor.clone(),
            None => self.old.sections[s].anchor.clone(),
        }
    }

    /// The identity of the section an old fact belongs to in the new version: after a split,
    /// the part that states the same value (or holds the fact's row error IDs).
    fn old_fact_section(&self, fact: &Fact) -> String {
        let s = fact.context.section;
        let Some(m) = self.alignment.of_old(s).filter(|m| m.is_split()) else {
            return self.old_section_id(s);
        };
        let row_ids: Vec<&str> = fact
            .context
            .rule
            .and_then(|r| self.old.rules.get(r.index()))
            .map(|r| r.error_ids.iter().map(|i| i.value.as_str()).collect())
            .unwrap_or_default();
        let holds_value = |n: SectionId| {
            self.new.facts.iter().any(|f| {
                f.context.section == n && f.kind == fact.kind && f.value.same_as(&fact.value)
            })
        };
        let holds_ids = |n: SectionId| {
            self.new.rules.iter().any(|r| {
                r.section == n
                    && r.error_ids
                        .iter()
                        .any(|i| row_ids.contains(&i.value.as_str()))
            })
        };
        let part = m
            .new
            .iter()
            .copied()
            .find(|&n| holds_value(n))
            .or_else(|| m.new.iter().copied().find(|&n| holds_ids(n)));
        match part {
            Some(n) => self.new.sections[n].anchor.clone(),
            None => self.old_section_id(s),
        }
    }

    /// Sort position of an old section: after the new section its nearest aligned predecessor
    /// became.
    fn old_order(&self, s: SectionId) -> usize {
        if let Some(&n) = self.alignment.of_old(s).and_then(|m| m.new.first()) {
            return n.index();
        }
        SectionId::all(s.index())
            .rev()
            .find_map(|p| {
                self.alignment
                    .of_old(p)
                    .and_then(|m| m.new.iter().max().map(|n| n.index()))
            })
            .unwrap_or(0)
    }

    fn place(&self, doc: &Document, span: docrules_model::span::Span, text: &str) -> Place {
        Place {
            path: doc.path().to_owned(),
            span,
            text: truncate(text.trim(), 80),
        }
    }

    fn change(
        &self,
        kind: ChangeKind,
        section: String,
        message: String,
        order: (usize, usize, u32),
    ) -> Change {
        Change {
            kind,
            id: String::new(),
            level: kind.level(),
            section,
            message,
            old: None,
            new: None,
            old_value: None,
            new_value: None,
            old_anchor: None,
            new_anchor: None,
            direction: None,
            key: None,
            fact_kind: None,
            order,
        }
    }

    fn sections(&self, out: &mut Vec<Change>) {
        let (old, new) = (self.old, self.new);
        for m in &self.alignment.matches {
            let first_new = m.new[0];
            let order = (first_new.index(), 0, 0);
            let anchors = |doc: &Document, ix: &[SectionId]| -> Vec<String> {
                ix.iter()
                    .map(|&i| format!("#{}", doc.sections[i].anchor))
                    .collect()
            };
            if m.is_split() || m.is_merge() {
                let kind = if m.is_split() {
                    ChangeKind::SectionSplit
                } else {
                    ChangeKind::SectionMerged
                };
                let message = format!(
                    "{} {} into {} (matched by {})",
                    anchors(old, &m.old).join(" + "),
                    if m.is_split() { "split" } else { "merged" },
                    anchors(new, &m.new).join(" + "),
                    if m.moved.is_empty() {
                        m.evidence
                    } else {
                        Evidence::Contained
                    },
                );
                let mut change =
                    self.change(kind, new.sections[first_new].anchor.clone(), message, order);
                change.old = Some(self.place(
                    old,
                    old.sections[m.old[0]].span,
                    &old.sections[m.old[0]].title,
                ));
                change.new = Some(self.place(
                    new,
                    new.sections[first_new].span,
                    &new.sections[first_new].title,
                ));
                out.push(change);
                // A section that goes on under another anchor, with content that moved in from
                // elsewhere (not one shared out by its error IDs), is also renamed: to the part
                // most like it by anchor and title.
                if !m.is_split() || m.moved.is_empty() {
                    continue;
                }
            }
            let o = &old.sections[m.old[0]];
            let main = if m.is_split() {
                m.new
                    .iter()
                    .copied()
                    .filter(|s| !m.moved.contains(s))
                    .max_by(|&a, &b| {
                        let score = |s: SectionId| {
                            let n = &new.sections[s];
                            sections::similarity(&o.anchor, &n.anchor)
                                .max(sections::similarity(&o.title, &n.title))
                        };
                        score(a).total_cmp(&score(b)).then(b.cmp(&a))
                    })
                    .unwrap_or(first_new)
            } else {
                first_new
            };
            let n = &new.sections[main];
            let renamed = o.anchor != n.anchor
                && o.level > 0
                && !(m.is_split() && m.new.iter().any(|&s| new.sections[s].anchor == o.anchor));
            if renamed {
                let message = format!(
                    "anchor #{} renamed to #{} (matched by {})",
                    o.anchor, n.anchor, m.evidence
                );
                let mut change =
                    self.change(ChangeKind::SectionRenamed, n.anchor.clone(), message, order);
                change.old = Some(self.place(old, o.span, &o.title));
                change.new = Some(self.place(new, n.span, &n.title));
                change.old_anchor = Some(o.anchor.clone());
                change.new_anchor = Some(n.anchor.clone());
                out.push(change);
            }
        }
        for (s, section) in old.sections.iter().enumerate() {
            let s = SectionId::new(s);
            if self.alignment.of_old(s).is_none() && section.level > 0 {
                let mut change = self.change(
                    ChangeKind::SectionRemoved,
                    section.anchor.clone(),
                    format!("section #{} removed", section.anchor),
                    (self.old_order(s), 1, section.span.start),
                );
                change.old = Some(self.place(old, section.span, &section.title));
                out.push(change);
            }
        }
        for (s, section) in new.sections.iter().enumerate() {
            let s = SectionId::new(s);
            if self.alignment.of_new(s).is_none() && section.level > 0 {
                let mut change = self.change(
                    ChangeKind::SectionAdded,
                    section.anchor.clone(),
                    format!("section #{} added", section.anchor),
                    (s.index(), 0, section.span.start),
                );
                change.new = Some(self.place(new, section.span, &section.title));
                out.push(change);
            }
        }
    }

    fn rules(&self, out: &mut Vec<Change>) {
        // Rows are identified within an aligned section by their error IDs and their rank among
        // rows with the same IDs. Rows of added or removed sections are covered by those changes.
        let identity = |doc: &Document, section_id: &dyn Fn(SectionId) -> String| {
            let mut counts: HashMap<(String, String), usize> = HashMap::new();
            let mut rows: BTreeMap<(String, String, usize), usize> = BTreeMap::new();
            for (r, rule) in doc.rules.iter().enumerate() {
                let mut ids: Vec<&str> = rule.error_ids.iter().map(|i| i.value.as_str()).collect();
                ids.sort_unstable();
                let ids = ids.join("+");
                let section = section_id(rule.section);
                let n = counts.entry((section.clone(), ids.clone())).or_insert(0);
                *n += 1;
                rows.insert((section, ids, *n), r);
            }
            rows
        };
        let old_rows = identity(self.old, &|s| self.old_section_id(s));
        let new_rows = identity(self.new, &|s| self.new.sections[s].anchor.clone());
        // A row on one side only, in a section both sides have: added or removed.
        for added in [false, true] {
            let (rows, other, doc) = if added {
                (&new_rows, &old_rows, self.new)
            } else {
                (&old_rows, &new_rows, self.old)
            };
            for (key, &r) in rows {
                let rule = &doc.rules[r];
                let aligned = if added {
                    self.alignment.of_new(rule.section)
                } else {
                    self.alignment.of_old(rule.section)
                };
                if other.contains_key(key) || aligned.is_none() {
                    continue;
                }
                let ids = if key.1.is_empty() {
                    String::new()
                } else {
                    format!(" (error {})", key.1)
                };
                let (kind, verb, order) = if added {
                    (ChangeKind::RuleAdded, "added", rule.section.index())
                } else {
                    (
                        ChangeKind::RuleRemoved,
                        "removed",
                        self.old_order(rule.section),
                    )
                };
                let mut change = self.change(
                    kind,
                    key.0.clone(),
                    format!("table row {verb}{ids}"),
                    (order, 2, rule.span.start),
                );
                let place = Some(self.place(doc, rule.span, doc.text_at(rule.span)));
                if added {
                    change.new = place;
                } else {
                    change.old = place;
                }
                out.push(change);
            }
        }
    }

    fn facts(&self, out: &mut Vec<Change>) {
        let old_keyed: Vec<(String, &Fact)> = self
            .old
            .facts
            .iter()
            .map(|f| {
                (
                    format!("{}/{}/{}", self.old_fact_section(f), f.kind, f.key.subject),
                    f,
                )
            })
            .collect();
        let new_keyed: Vec<(String, &Fact)> = self
            .new
            .facts
            .iter()
            .map(|f| (f.key.to_string(), f))
            .collect();

        // Quantities: paired by evidence (see `pairing`), never by position alone.
        let pairs = crate::pairing::pair(
            self.old,
            self.new,
            self.alignment,
            crate::pairing::Relation {
                same_language: self.same_language,
                same_rows: false,
            },
        );
        let mut paired_new = vec![false; self.new.facts.len()];
        let mut old_left: Vec<(&str, &Fact)> = Vec::new();
        for (i, (key, o)) in old_keyed.iter().enumerate() {
            if !o.kind.is_quantity() {
                continue;
            }
            match pairs[i] {
                Some(n) => {
                    paired_new[n.index()] = true;
                    let n = &self.new.facts[n.index()];
                    if !o.value.same_as(&n.value) {
                        out.push(self.value_change(&n.key.to_string(), o, n));
                    }
                }
                None => old_left.push((key.as_str(), *o)),
            }
        }
        let mut new_left: Vec<(&str, &Fact)> = new_keyed
            .iter()
            .enumerate()
            .filter(|(j, (_, f))| f.kind.is_quantity() && !paired_new[*j])
            .map(|(_, (k, f))| (k.as_str(), *f))
            .collect();

        // A product's version that moved to another place is still that product's version.
        let product = |f: &Fact| f.context.noun.as_deref().map(str::to_lowercase);
        let mut paired = Vec::new();
        for (i, (_, o)) in old_left.iter().enumerate() {
            if o.kind != FactKind::Version || product(o).is_none() {
                continue;
            }
            let same = |f: &&Fact| f.kind == FactKind::Version && product(f) == product(o);
            let olds = old_left.iter().filter(|(_, f)| same(f)).count();
            let news: Vec<usize> = new_left
                .iter()
                .enumerate()
                .filter(|(_, (_, f))| same(f))
                .map(|(j, _)| j)
                .collect();
            if olds == 1 && news.len() == 1 {
                paired.push((i, news[0]));
            }
        }
        for &(i, j) in &paired {
            let (key, o) = old_left[i];
            let n = new_left[j].1;
            if !o.value.same_as(&n.value) {
                out.push(self.value_change(key, o, n));
            }
        }
        let (paired_old, paired_new): (BTreeSet<usize>, BTreeSet<usize>) =
            paired.iter().copied().unzip();
        old_left = old_left
            .into_iter()
            .enumerate()
            .filter(|(i, _)| !paired_old.contains(i))
            .map(|(_, x)| x)
            .collect();
        new_left = new_left
            .into_iter()
            .enumerate()
            .filter(|(j, _)| !paired_new.contains(j))
            .map(|(_, x)| x)
            .collect();
        // The same value, in the same section, under another key (its row was renumbered or
        // split): the statement moved, nothing changed.
        let section_of = |key: &str| key.split('/').next().unwrap_or_default().to_owned();
        let mut unmoved_new = vec![true; new_left.len()];
        old_left.retain(|(okey, o)| {
            let found = new_left.iter().enumerate().position(|(j, (nkey, n))| {
                unmoved_new[j]
                    && n.kind == o.kind
                    && n.value.same_as(&o.value)
                    && section_of(nkey) == section_of(okey)
            });
            if let Some(j) = found {
                unmoved_new[j] = false;
            }
            found.is_none()
        });
        let mut keep = unmoved_new.into_iter();
        new_left.retain(|_| keep.next().unwrap_or(true));
        for (key, o) in old_left {
            let kind = if o.kind == FactKind::Port {
                ChangeKind::PortRemoved
            } else {
                ChangeKind::FactRemoved
            };
            out.push(self.presence(kind, key, Some(o), None));
        }
        for (key, n) in new_left {
            let kind = if n.kind == FactKind::Port {
                ChangeKind::PortAdded
            } else {
                ChangeKind::FactAdded
            };
            out.push(self.presence(kind, key, None, Some(n)));
        }

        // Literals: as sets per aligned section and kind.
        let literal_sets = |keyed: &[(String, &Fact)], section_of: &dyn Fn(&Fact) -> String| {
            let mut sets: BTreeMap<(String, FactKind, String), usize> = BTreeMap::new();
            for (i, (_, f)) in keyed.iter().enumerate() {
                if !f.kind.is_quantity() {
                    sets.entry((section_of(f), f.kind, f.value.to_string()))
                        .or_insert(i);
                }
            }
            sets
        };
        let old_lit = literal_sets(&old_keyed, &|f| self.old_fact_section(f));
        let new_lit = literal_sets(&new_keyed, &|f| {
            self.new.sections[f.context.section].anchor.clone()
        });
        let removed_sections: BTreeSet<String> = SectionId::all(self.old.sections.len())
            .filter(|&s| self.alignment.of_old(s).is_none())
            .map(|s| self.old.sections[s].anchor.clone())
            .collect();
        let added_sections: BTreeSet<String> = SectionId::all(self.new.sections.len())
            .filter(|&s| self.alignment.of_new(s).is_none())
            .map(|s| self.new.sections[s].anchor.clone())
            .collect();
        for (key, &i) in &old_lit {
            if !new_lit.contains_key(key) && !removed_sections.contains(&key.0) {
                let f = old_keyed[i].1;
                out.push(self.presence(
                    literal_change(f.kind, false),
                    &old_keyed[i].0,
                    Some(f),
                    None,
                ));
            }
        }
        for (key, &i) in &new_lit {
            if !old_lit.contains_key(key) && !added_sections.contains(&key.0) {
                let f = new_keyed[i].1;
                out.push(self.presence(
                    literal_change(f.kind, true),
                    &new_keyed[i].0,
                    None,
                    Some(f),
                ));
            }
        }
        // Facts of added or removed sections are part of those changes.
        out.retain(|c| {
            !matches!(c.kind, ChangeKind::FactAdded | ChangeKind::PortAdded)
                || !added_sections.contains(&c.section)
        });
        out.retain(|c| {
            !matches!(c.kind, ChangeKind::FactRemoved | ChangeKind::PortRemoved)
                || !removed_sections.contains(&c.section)
        });
    }

    fn value_change(&self, key: &str, o: &Fact, n: &Fact) -> Change {
        let (kind, direction) = match (&o.value, &n.value) {
            (Value::Version { components: a, .. }, Value::Version { components: b, .. }) => {
                if b < a {
                    (ChangeKind::MinimumVersionLowered, Direction::Decreased)
                } else {
                    (ChangeKind::MinimumVersionRaised, Direction::Increased)
                }
            }
            (a, b) => (ChangeKind::FactValueChanged, direction(a, b)),
        };
        let what = match kind {
            ChangeKind::MinimumVersionLowered => "minimum version lowered",
            ChangeKind::MinimumVersionRaised => "minimum version raised",
            _ => match direction {
                Direction::Increased => "increased",
                Direction::Decreased => "decreased",
                Direction::Widened => "widened",
                Direction::Narrowed => "narrowed",
                Direction::Shifted => "shifted",
                Direction::Changed => "changed",
            },
        };
        let product = n
            .context
            .noun
            .as_deref()
            .map(|p| format!("{p} "))
            .unwrap_or_default();
        let message = match kind {
            ChangeKind::FactValueChanged => {
                format!("{} {what}: {product}{} → {}", n.kind, o.value, n.value)
            }
            _ => format!("{what}: {product}{} → {}", o.value, n.value),
        };
        let section = n.key.section.clone();
        let mut change = self.change(
            kind,
            section,
            message,
            (n.context.section.index(), 3, n.span.start),
        );
        change.old = Some(self.place(self.old, o.span, &o.text));
        change.new = Some(self.place(self.new, n.span, &n.text));
        change.old_value = Some(o.value.clone());
        change.new_value = Some(n.value.clone());
        change.direction = Some(direction);
        change.key = Some(key.to_owned());
        change.fact_kind = Some(n.kind);
        change
    }

    fn presence(
        &self,
        kind: ChangeKind,
        key: &str,
        old: Option<&Fact>,
        new: Option<&Fact>,
    ) -> Change {
        let (fact, added) = match (old, new) {
            (_, Some(n)) => (n, true),
            (Some(o), None) => (o, false),
            (None, None) => unreachable!("a presence change has a side"),
        };
        let (section, order) = if added {
            (
                self.new.sections[fact.context.section].anchor.clone(),
                (fact.context.section.index(), 4, fact.span.start),
            )
        } else {
            (
                self.old_section_id(fact.context.section),
                (self.old_order(fact.context.section), 4, fact.span.start),
            )
        };
        let verb = if added { "added" } else { "removed" };
        let message = format!("{} {verb}: {}", fact.kind, fact.value);
        let mut change = self.change(kind, section, message, order);
        if let Some(o) = old {
            change.old = Some(self.place(self.old, o.span, &o.text));
            change.old_value = Some(o.value.clone());
        }
        if let Some(n) = new {
            change.new = Some(self.place(self.new, n.span, &n.text));
            change.new_value = Some(n.value.clone());
        }
        change.key = Some(key.to_owned());
        change.fact_kind = Some(fact.kind);
        change
    }
}

fn literal_change(kind: FactKind, added: bool) -> ChangeKind {
    match (kind, added) {
        (FactKind::ErrorId, true) => ChangeKind::ErrorIdAdded,
        (FactKind::ErrorId, false) => ChangeKind::ErrorIdRemoved,
        (FactKind::Host, true) => ChangeKind::HostAdded,
        (FactKind::Host, false) => ChangeKind::HostRemoved,
        (FactKind::Ipv4, true) => ChangeKind::IpRangeAdded,
        (FactKind::Ipv4, false) => ChangeKind::IpRangeRemoved,
        (_, true) => ChangeKind::FactAdded,
        (_, false) => ChangeKind::FactRemoved,
    }
}

/// Which way a quantity moved: durations, counts and ports go up or down; ranges widen, narrow
/// or shift.
fn direction(old: &Value, new: &Value) -> Direction {
    use std::cmp::Ordering::*;
    let ordering = match (old, new) {
        (Value::Duration { millis: a, .. }, Value::Duration { millis: b, .. }) => a.cmp(b),
        (Value::Count { values: a }, Value::Count { values: b }) => {
            a.iter().max().cmp(&b.iter().max())
        }
        (Value::Port { port: a }, Value::Port { port: b }) => a.cmp(b),
        (Value::Percent { low: a0, high: a1 }, Value::Percent { low: b0, high: b1 }) => {
            return range_direction((a0, a1), (b0, b1));
        }
        // A duration or count range against a range or one value of its kind: `4–30 min` →
        // `4–100 min` widened, as one change.
        (
            Value::DurationRange { .. } | Value::CountRange { .. },
            Value::Duration { .. }
            | Value::DurationRange { .. }
            | Value::Count { .. }
            | Value::CountRange { .. },
        )
        | (
            Value::Duration { .. } | Value::Count { .. },
            Value::DurationRange { .. } | Value::CountRange { .. },
        ) if old.kind() == new.kind() => {
            return match (old.bounds(), new.bounds()) {
                (Some((a0, a1)), Some((b0, b1))) => range_direction((&a0, &a1), (&b0, &b1)),
                _ => Direction::Changed,
            };
        }
        _ => return Direction::Changed,
    };
    match ordering {
        Less => Direction::Increased,
        Greater => Direction::Decreased,
        Equal => Direction::Changed,
    }
}

/// How the range `new` lies against `old`: holding it (widened), inside it (narrowed), or
/// neither (shifted).
fn range_direction<T: PartialOrd>(old: (&T, &T), new: (&T, &T)) -> Direction {
    let wider = new.0 <= old.0 && new.1 >= old.1;
    let narrower = new.0 >= old.0 && new.1 <= old.1;
    match (wider, narrower) {
        (true, false) => Direction::Widened,
        (false, true) => Direction::Narrowed,
        _ => Direction::Shifted,
    }
}
