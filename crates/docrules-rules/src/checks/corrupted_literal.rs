//! A translation writes an identifier of its source (an error code, path, registry key, host,
//! URL or address) with its characters changed: spaces inserted, letters re-cased by the
//! translation's locale, full-width forms.
//!
//! ## Why it matters
//!
//! Identifiers are not translated: readers paste them into a search box, a registry editor or a
//! firewall rule. Machine translation and locale-aware tools still change them. `0x80070005`
//! becomes `0 x 80070005`, which no search finds; `HKLM\…\Config` lower-cased under Turkish rules
//! becomes `hklm\…\confıg` with a dotless `ı`, a key that does not exist. The value the
//! extractor reads is then no longer the source's, so the fact checks cannot see it.
//!
//! The identifier is looked for in the translation's section aligned with the source section
//! that states it (through the lineage: the source version the translation was made from),
//! allowing inserted spaces, any case, dotted and dotless `i` alike, and full-width forms. An
//! occurrence that is found only that way is reported; the identifier as written, in any ASCII
//! case (paths, hosts and hex codes are case-insensitive), is fine.
//!
//! ## Example
//!
//! The source says `HRESULT: 0x80070057`; the French translation made from it says `HRESULT :
//! 0 x 80070057`.
//!
//! ## Fix
//!
//! Write the identifier exactly as the source does.

use super::{Finding, Location, Related, current_translations, version_name};
use crate::registry::{Meta, RuleId};
use docrules_align::Compiled;
use docrules_model::corpus::Version;
use docrules_model::diagnostic::Level;
use docrules_model::document::{Block, Document, Inline};
use docrules_model::fact::{Fact, FactKind};
use docrules_model::index::SectionId;
use docrules_parse::extract::text_runs;
use std::ops::Range;

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "corrupted-literal",
    level: Level::Warning,
    summary: "a translation changed the characters of an identifier of its source",
};

/// Shorter identifiers are left alone: with spaces allowed anywhere, `0x1F` or `a.io` would be
/// found across words.
const MIN_CHARS: usize = 6;

/// At most this many spaces between two characters of an identifier.
const MAX_GAP: usize = 2;

pub(crate) fn run(compiled: &Compiled<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (article, v, version) in current_translations(compiled) {
        let (Some(parent), Some(step)) = (article.parents[v.index()], &article.steps[v.index()])
        else {
            continue;
        };
        if parent.same_locale {
            continue;
        }
        let source = &article.article.versions[parent.version];
        let text = version.document.source.text.as_str();
        // The source's identifiers by section, once: a match looks up its own sections.
        let mut by_section: Vec<Vec<&Fact>> = vec![Vec::new(); source.document.sections.len()];
        for fact in &source.document.facts {
            if is_identifier(fact.kind) && fact.text.chars().count() >= MIN_CHARS {
                if let Some(list) = by_section.get_mut(fact.context.section.index()) {
                    list.push(fact);
                }
            }
        }
        for m in &step.matches {
            let literals: Vec<&Fact> = m
                .new
                .iter()
                .filter_map(|s| by_section.get(s.index()))
                .flatten()
                .copied()
                .collect();
            if literals.is_empty() {
                continue;
            }
            // Each run's characters once, for every literal of the section.
            let runs: Vec<(usize, Vec<(usize, char)>)> = section_runs(&version.document, &m.old)
                .into_iter()
                .map(|run| (run.start, text[run].char_indices().collect()))
                .collect();
            let mut reported: Vec<Range<usize>> = Vec::new();
            for fact in literals {
                for (start, chars) in &runs {
                    for found in corrupted(chars, &fact.text) {
                        let range = start + found.start..start + found.end;
                        if reported
                            .iter()
                            .any(|r| r.start < range.end && range.start < r.end)
                        {
                            continue;
                        }
                        reported.push(range.clone());
                        out.push(finding(&article.article.name, version, source, range, fact));
                    }
                }
            }
        }
    }
    out
}

fn finding(
    article: &str,
    version: &Version,
    source: &Version,
    range: Range<usize>,
    fact: &Fact,
) -> Finding {
    let text = version.document.source.text.as_str();
    let written = &text[range.clone()];
    let how = what_changed(written, &fact.text);
    let span = version.document.source.lines.span(text, range);
    let mut finding = Finding::new(
        RuleId::CorruptedLiteral,
        article,
        version.locale.as_str(),
        format!(
            "`{written}` is `{}` in {}, which this was translated from ({how})",
            fact.text,
            version_name(source)
        ),
        Location {
            commit: None,
            path: version.path.clone(),
            span,
            label: how.to_owned(),
        },
    );
    finding.related.push(Related {
        role: "source",
        location: Location {
            commit: None,
            path: source.path.clone(),
            span: fact.span,
            label: format!("`{}`", fact.text),
        },
    });
    finding.help = Some(format!(
        "write `{}` as the source does: identifiers are not translated",
        fact.text
    ));
    finding
}

fn is_identifier(kind: FactKind) -> bool {
    matches!(
        kind,
        FactKind::ErrorId
            | FactKind::Host
            | FactKind::Path
            | FactKind::RegistryKey
            | FactKind::Url
            | FactKind::Ipv4
    )
}

/// The text runs of the translation's sections `sections`: headings, paragraphs and cells.
fn section_runs(doc: &Document, sections: &[SectionId]) -> Vec<Range<usize>> {
    let mut containers: Vec<&[Inline]> = Vec::new();
    for &s in sections {
        let Some(section) = doc.sections.get(s.index()) else {
            continue;
        };
        containers.push(&section.inlines);
        for block in &section.blocks {
            match block {
                Block::Paragraph(p) => containers.push(&p.inlines),
                Block::Table { table } => {
                    let rows = doc.tables.get(table.index()).map(|t| &t.rows);
                    for rule in rows.into_iter().flatten().filter_map(|r| r.rule) {
                        if let Some(rule) = doc.rules.get(rule.index()) {
                            containers.extend(rule.cells.iter().map(|c| c.inlines.as_slice()));
                        }
                    }
                }
                Block::Code { .. } | Block::Html { .. } => {}
            }
        }
    }
    containers.into_iter().flat_map(text_runs).collect()
}

/// One character as identifiers compare: full-width forms as ASCII, any case, dotted and
/// dotless `i` alike.
fn fold(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    match c {
        'ı' | 'İ' => 'i',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

fn is_gap(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Byte ranges of a run of text (its characters with their offsets) that are `literal` with
/// its characters changed (spaces inserted, re-cased, full-width), and not `literal` itself in
/// some ASCII case.
fn corrupted(chars: &[(usize, char)], literal: &str) -> Vec<Range<usize>> {
    let want: Vec<char> = literal.chars().map(fold).collect();
    let Some(&first) = want.first() else {
        return Vec::new();
    };
    let end_of = |i: usize| {
        chars.get(i).map_or_else(
            || chars.last().map_or(0, |&(b, c)| b + c.len_utf8()),
            |&(b, _)| b,
        )
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let starts_word = i == 0 || !is_word(chars[i - 1].1) || !is_word(c);
        if fold(c) != first || !starts_word {
            i += 1;
            continue;
        }
        match match_at(chars, i, &want) {
            Some(end) => {
                let ends_word =
                    end == chars.len() || !is_word(chars[end].1) || !is_word(chars[end - 1].1);
                let same = end - i == want.len()
                    && chars[i..end]
                        .iter()
                        .zip(literal.chars())
                        .all(|(&(_, c), l)| c.eq_ignore_ascii_case(&l));
                if ends_word && !same {
                    out.push(start..end_of(end));
                }
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The index after the match of `want` starting at `chars[i]`, with up to [`MAX_GAP`] spaces
/// between two characters that have none in the literal.
fn match_at(chars: &[(usize, char)], mut i: usize, want: &[char]) -> Option<usize> {
    for (k, &w) in want.iter().enumerate() {
        if k > 0 && !is_gap(w) {
            let mut gap = 0;
            while gap < MAX_GAP && chars.get(i).is_some_and(|&(_, c)| is_gap(c)) {
                i += 1;
                gap += 1;
            }
        }
        if fold(chars.get(i)?.1) != w {
            return None;
        }
        i += 1;
    }
    Some(i)
}

/// What made the occurrence `written` differ from `literal`, for the label.
fn what_changed(written: &str, literal: &str) -> &'static str {
    let gaps = |text: &str| text.chars().filter(|&c| is_gap(c)).count();
    if gaps(written) > gaps(literal) {
        "spaces inserted"
    } else if written.contains(['ı', 'İ']) {
        "dotted and dotless i confused"
    } else if written
        .chars()
        .any(|c| ('\u{ff01}'..='\u{ff5e}').contains(&c))
    {
        "full-width characters"
    } else {
        "characters re-cased"
    }
}

#[cfg(test)]
mod tests {
    use super::{corrupted, what_changed};

    #[test]
    fn says_what_changed() {
        assert_eq!(
            what_changed("0 x 80070057", "0x80070057"),
            "spaces inserted"
        );
        assert_eq!(
            what_changed(
                r"windows azure backup\confıg",
                r"Windows Azure Backup\Config"
            ),
            "dotted and dotless i confused"
        );
        assert_eq!(
            what_changed("ｗｗｗ.a.com", "www.a.com"),
            "full-width characters"
        );
    }

    fn found<'a>(text: &'a str, literal: &str) -> Vec<&'a str> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        corrupted(&chars, literal)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn finds_identifiers_with_changed_characters() {
        for (text, literal, expected) in [
            // Real text, from a German Microsoft SDK article as the search store holds it.
            (
                "Fehlercode: 0 x 80070057\". Wenn",
                "0x80070057",
                "0 x 80070057",
            ),
            (
                r"HKLM\Software\Microsoft\Windows Azure Backup\Confıg",
                r"HKLM\Software\Microsoft\Windows Azure Backup\Config",
                r"HKLM\Software\Microsoft\Windows Azure Backup\Confıg",
            ),
            (
                "ｗｗｗ.msftncsi.com",
                "www.msftncsi.com",
                "ｗｗｗ.msftncsi.com",
            ),
            ("HRESULT : 0x 80004003.", "0x80004003", "0x 80004003"),
        ] {
            assert_eq!(found(text, literal), [expected], "{text}");
        }
    }

    #[test]
    fn leaves_the_identifier_as_written_and_other_words_alone() {
        for (text, literal) in [
            // ASCII case is not a change: Windows paths and hex codes ignore it.
            (r"c:\windows\temp", r"C:\Windows\Temp"),
            ("0X80070057", "0x80070057"),
            ("Erreur 0x80070057 :", "0x80070057"),
            // Inside a longer word or number: not this identifier.
            ("10x80070057", "0x80070057"),
            ("0x800700571", "0x80070057"),
            ("domain.community", "domain.com"),
            // Too many spaces between two characters: unrelated words.
            ("0    x80070057", "0x80070057"),
        ] {
            assert!(found(text, literal).is_empty(), "{text}");
        }
    }
}
