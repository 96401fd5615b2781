//! Why a section has no counterpart: the evidence `missing-section` and `extra-section` rest on.
//!
//! Through the lineage, an unmatched section is traced to the step where it lost its match: a
//! canonical section added to the source after the translation's source version, a section of
//! the translation its source later removed, or one the translation has and its source never
//! had. Within one language, that step is checked against the text: a section whose words were
//! already there (or are still there) was reworded, merged or split, not added or removed, and
//! the verdict is uncertain. Only certain verdicts become findings.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use crate::AlignedArticle;
use crate::sections::Evidence;
use crate::words::Word;
use docrules_model::document::{Block, Document, plain_text};
use docrules_model::index::{SectionId, VersionId};

/// Why a canonical section has no counterpart in a version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Absence {
    /// The source gained it after the version the translation descends from: `in_version` is
    /// the first source version that has it. `certain` unless its words were already in the
    /// version the translation descends from (content reworded or moved, not added).
    Added {
        /// The first version with the section.
        in_version: VersionId,
        /// Whether the text confirms the section is new.
        certain: bool,
    },
    /// The translation's source version has it, the translation does not.
    Dropped,
    /// No lineage to tell (the version is aligned with the canonical one directly).
    Unknown,
}

/// Why a section of a version has no counterpart in the canonical version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Removal {
    /// The source removed it after `in_version`, the last source version that has it.
    /// `certain` unless its words are still in the canonical version (reworded or moved).
    Removed {
        /// The last version with the section.
        in_version: VersionId,
        /// Whether the text confirms the removal.
        certain: bool,
    },
    /// The version's source version has no such section: certain when the version was made
    /// from exactly that source version, or the source version is newer.
    NotInSource {
        /// Whether the parent is the exact source version.
        certain: bool,
    },
    /// No lineage to tell.
    Unknown,
}

/// How much of a version's structure the canonical version still has: its sections (the title
/// aside) and how many of them have a counterpart there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rewrite {
    /// Sections of the version with a counterpart in the canonical version.
    pub kept: usize,
    /// Sections of the version, the title aside.
    pub sections: usize,
    /// When the source's own history shows the rewrite: the source version the translation
    /// descends from, and how many of its sections (of how many) the canonical version keeps
    /// by anchor, error IDs or the same text.
    pub source: Option<(VersionId, usize, usize)>,
}

/// Below this share of a version's sections with a counterpart in the canonical version, the
/// source was rewritten since the version was made: section-by-section verdicts (this one
/// missing, that one extra) would be guesses about a different article.
const REWRITTEN: f32 = 0.5;

/// How much of a section's vocabulary must be elsewhere for its content to count as present.
const PRESENT: f32 = 0.6;
/// A section with fewer distinct words than this cannot be judged by its words.
const MIN_WORDS: usize = 8;

/// Each section's own words of at least four letters (its title, paragraphs, code and table
/// cells; not its subsections'), as sets: what absence verdicts compare, computed once per
/// version (see [`AlignedArticle::section_words`]).
pub(crate) fn own_words(doc: &Document) -> Vec<Vec<Word>> {
    doc.sections
        .iter()
        .map(|section| {
            let mut out = Vec::new();
            let mut push = |text: &str| crate::words::push_words(text, 4, &mut out);
            push(&section.title);
            for block in &section.blocks {
                match block {
                    Block::Paragraph(p) => push(&plain_text(&p.inlines)),
                    Block::Code { text, .. } => push(text),
                    Block::Table { table } => {
                        if let Some(table) = doc.tables.get(table.index()) {
                            for row in &table.rows {
                                if let Some(rule) = row.rule.and_then(|r| doc.rules.get(r.index()))
                                {
                                    for cell in &rule.cells {
                                        push(&cell.text());
                                    }
                                }
                            }
                        }
                    }
                    Block::Html { .. } => {}
                }
            }
            crate::words::into_set(out)
        })
        .collect()
}

/// The words of section `s` and of those of its subsections `keep` keeps.
fn section_words(
    doc: &Document,
    own: &[Vec<Word>],
    s: SectionId,
    keep: &dyn Fn(SectionId) -> bool,
) -> HashSet<Word> {
    let mut out = HashSet::new();
    let level = doc.sections[s].level;
    for (i, section) in doc.sections.iter().enumerate().skip(s.index()) {
        if i > s.index() && section.level <= level {
            break;
        }
        if keep(SectionId::new(i)) {
            out.extend(own[i].iter().copied());
        }
    }
    out
}

/// A document with its sections' own words.
#[derive(Clone, Copy)]
struct Worded<'a> {
    doc: &'a Document,
    own: &'a [Vec<Word>],
}

/// Whether most of what section `s` of `doc` (with its subsections) says is said by one
/// section of `other` with its subsections, in one language, counting only the sections
/// `free` allows (those whose content did not go elsewhere). Words most sections of `other`
/// use (the article's own subject: `gateway`, `function`) count for nothing.
fn present_in(
    doc: Worded<'_>,
    s: SectionId,
    other: Worded<'_>,
    free: &dyn Fn(SectionId) -> bool,
) -> bool {
    let sections: Vec<HashSet<Word>> = SectionId::all(other.doc.sections.len())
        .map(|o| section_words(other.doc, other.own, o, free))
        .collect();
    let mut df: HashMap<Word, usize> = HashMap::new();
    for words in &sections {
        for &w in words {
            *df.entry(w).or_insert(0) += 1;
        }
    }
    let common = (sections.len() / 2).max(2);
    let own: Vec<Word> = section_words(doc.doc, doc.own, s, &|_| true)
        .into_iter()
        .filter(|w| df.get(w).copied().unwrap_or(0) <= common)
        .collect();
    if own.len() < MIN_WORDS {
        return true;
    }
    sections.iter().any(|words| {
        let found = own.iter().filter(|w| words.contains(*w)).count();
        found as f32 / own.len() as f32 >= PRESENT
    })
}

/// Whether section `a` of `doc` is `b` or one of its ancestors.
fn is_ancestor(doc: &Document, a: SectionId, b: SectionId) -> bool {
    let mut at = Some(b);
    while let Some(s) = at {
        if s == a {
            return true;
        }
        at = doc.sections.get(s.index()).and_then(|x| x.parent);
    }
    false
}

impl AlignedArticle<'_> {
    /// Whether the source was rewritten since version `v` was made: fewer than half of `v`'s
    /// sections (the title aside, at least two) have a counterpart in the canonical version,
    /// or, for a translation made from a source version of the corpus (or older than all of
    /// them), fewer than half of that version's sections are still in the canonical version
    /// under evidence that survives a rewrite
    /// (the same anchor, error IDs or text). Matches by shared values or position between two
    /// source versions that share little else pair sections that only look alike, and the
    /// translation's sections inherit them.
    pub fn rewritten(&self, v: VersionId) -> Option<Rewrite> {
        if v == self.canonical {
            return None;
        }
        let (kept, sections) = self.kept(v, |_| true);
        // Only a source history known to come after the translation counts: the version it
        // was made from (same date), or any when it is older than every source version. From an
        // older source version, the rewrite may predate the translation, which then has it.
        let source = self.parents[v.index()]
            .filter(|p| !p.same_locale && p.version != self.canonical && (p.exact || p.newer))
            .map(|p| {
                let (kept, sections) = self.kept(p.version, |e| {
                    matches!(e, Evidence::Anchor | Evidence::ErrorIds | Evidence::Body)
                });
                (p.version, kept, sections)
            })
            .filter(|&(_, kept, sections)| {
                sections >= 2 && (kept as f32) < REWRITTEN * sections as f32
            });
        let own = sections >= 2 && (kept as f32) < REWRITTEN * sections as f32;
        (own || source.is_some()).then_some(Rewrite {
            kept,
            sections,
            source,
        })
    }

    /// Version `v`'s sections (the title aside) with a counterpart in the canonical version made
    /// on evidence `strong` accepts, and all of them.
    fn kept(&self, v: VersionId, strong: impl Fn(Evidence) -> bool) -> (usize, usize) {
        let doc = &self.article.versions[v].document;
        let alignment = &self.alignments[v.index()];
        let body = SectionId::all(doc.sections.len()).filter(|&s| doc.sections[s].level > 1);
        body.fold((0, 0), |(kept, all), s| {
            let found = alignment.of_old(s).is_some_and(|m| strong(m.evidence));
            (kept + usize::from(found), all + 1)
        })
    }

    fn worded(&self, v: VersionId) -> Worded<'_> {
        let doc = &self.article.versions[v].document;
        let own = self.section_words[v.index()].get_or_init(|| own_words(doc));
        Worded { doc, own }
    }

    /// The source versions from `v`'s parent to the canonical version, oldest first.
    fn source_chain(&self, v: VersionId) -> Vec<VersionId> {
        let mut out = Vec::new();
        let mut at = self.parents[v.index()].map(|p| p.version);
        while let Some(version) = at {
            out.push(version);
            if version == self.canonical || out.len() > self.article.versions.len() {
                break;
            }
            at = self.parents[version.index()].map(|p| p.version);
        }
        out
    }

    fn same_language(&self, a: VersionId, b: VersionId) -> bool {
        let versions = &self.article.versions;
        versions[a].locale.language() == versions[b].locale.language()
    }

    /// Why canonical section `n` has no counterpart in version `v`.
    pub fn absence(&self, v: VersionId, n: SectionId) -> Absence {
        let chain = self.source_chain(v);
        let Some(&parent) = chain.first() else {
            return Absence::Unknown;
        };
        if self.alignments[parent.index()].of_new(n).is_some() {
            return Absence::Dropped;
        }
        // The oldest source version that has the section. Its content is new to the
        // translation unless the version the translation descends from already said it (under
        // other headings: the section was split out, reworded, moved).
        let versions = &self.article.versions;
        let mut first = self.canonical;
        for pair in chain.windows(2).rev() {
            if self.alignments[pair[0].index()].of_new(n).is_none() {
                first = pair[1];
                break;
            }
            first = pair[0];
        }
        // A section of the source version "says it already" only if its own counterpart in
        // the canonical version does not already say it (it is unmatched, or became `n`'s
        // parent: content split out into a new subsection).
        let canonical_doc = &versions[self.canonical].document;
        let to_canonical = &self.alignments[parent.index()];
        let free = |y: SectionId| {
            to_canonical
                .of_old(y)
                .is_none_or(|m| m.new.iter().any(|&c| is_ancestor(canonical_doc, c, n)))
        };
        let certain = !self.same_language(parent, self.canonical)
            || !present_in(self.worded(self.canonical), n, self.worded(parent), &free);
        Absence::Added {
            in_version: first,
            certain,
        }
    }

    /// Why section `s` of version `v` has no counterpart in the canonical version.
    pub fn removal(&self, v: VersionId, s: SectionId) -> Removal {
        let Some(parent) = self.parents[v.index()] else {
            return Removal::Unknown;
        };
        let Some(step) = self.steps[v.index()].as_ref() else {
            return Removal::Unknown;
        };
        let Some(&in_parent) = step.of_old(s).and_then(|m| m.new.first()) else {
            return Removal::NotInSource {
                certain: parent.exact || parent.newer,
            };
        };
        // Follow the section up the source chain to the last version that has it.
        let versions = &self.article.versions;
        let (mut version, mut section) = (parent.version, in_parent);
        loop {
            let Some(next) = self.parents[version.index()] else {
                return Removal::Unknown;
            };
            let Some(step) = self.steps[version.index()].as_ref() else {
                return Removal::Unknown;
            };
            match step.of_old(section).and_then(|m| m.new.first()) {
                Some(&later) => {
                    (version, section) = (next.version, later);
                    if version == self.canonical {
                        return Removal::Unknown;
                    }
                }
                None => {
                    // Removed, unless the canonical version still says it elsewhere.
                    let from = &self.alignments[version.index()];
                    let free = |c: SectionId| {
                        from.of_new(c).is_none_or(|m| {
                            m.old
                                .iter()
                                .any(|&o| is_ancestor(&versions[version].document, o, section))
                        })
                    };
                    let certain = !self.same_language(version, self.canonical)
                        || !present_in(
                            self.worded(version),
                            section,
                            self.worded(self.canonical),
                            &free,
                        );
                    return Removal::Removed {
                        in_version: version,
                        certain,
                    };
                }
            }
        }
    }
}

/// The files section `s` takes content from: DocFX includes (`[!INCLUDE [name](path)]`, the way
/// Microsoft Learn shares tables between articles) in its own blocks, by file name (lower-cased;
/// the folders differ between repositories). What such a section says is not in the file.
pub fn included_files(doc: &Document, s: SectionId) -> Vec<String> {
    let Some(section) = doc.sections.get(s.index()) else {
        return Vec::new();
    };
    let text = doc.source.text.as_str();
    section
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Paragraph(p) => text.get(p.span.range()),
            _ => None,
        })
        .filter_map(include_target)
        .collect()
}

/// The file name an include directive paragraph names.
fn include_target(paragraph: &str) -> Option<String> {
    let t = paragraph.trim_start();
    let head = t.get(..9)?;
    if !head.eq_ignore_ascii_case("[!include") {
        return None;
    }
    let path = &t[t.find("](")? + 2..];
    let path = &path[..path.find(')')?];
    let name = path.rsplit(['/', '\\']).next()?.trim();
    (!name.is_empty()).then(|| name.to_lowercase())
}

/// Every file the document includes, by file name.
pub fn all_included_files(doc: &Document) -> Vec<String> {
    SectionId::all(doc.sections.len())
        .flat_map(|s| included_files(doc, s))
        .collect()
}

/// Whether section `s` regroups sections the other version has, rather than adding or
/// removing content: it has subsections and most of them (at least half, and two) are
/// `matched` — a heading put over existing sections, or taken away from above them — or all of
/// them are and it says next to nothing itself (no table, under 200 characters of text).
pub fn is_wrapper(doc: &Document, s: SectionId, matched: &dyn Fn(SectionId) -> bool) -> bool {
    let section = &doc.sections[s];
    let level = section.level;
    let children: Vec<SectionId> = SectionId::all(doc.sections.len())
        .skip(s.index() + 1)
        .take_while(|&c| doc.sections[c].level > level)
        .collect();
    let kept = children.iter().filter(|&&c| matched(c)).count();
    if kept >= 2 && kept * 2 >= children.len() {
        return true;
    }
    if children.is_empty() || kept < children.len() {
        return false;
    }
    let mut own = 0;
    for block in &section.blocks {
        match block {
            Block::Table { .. } => return false,
            Block::Paragraph(p) => own += plain_text(&p.inlines).chars().count(),
            Block::Code { text, .. } => own += text.chars().count(),
            Block::Html { .. } => {}
        }
    }
    own < 200
}
