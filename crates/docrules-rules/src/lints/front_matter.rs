//! The front matter lacks `ms.date` or has one that is not a date, or its `ms.contentlocale`
//! disagrees with the locale folder the file lies in.
//!
//! ## Why it matters
//!
//! `ms.date` orders the versions of an article: without it docrules falls back to the file
//! name, and a wrong one makes an old version canonical. A locale mismatch puts a translation
//! in the wrong language's history.
//!
//! ## Example
//!
//! `ms.date: 13/45/2019`, or `ms.contentlocale: fr-FR` in a file under `de-de/`.
//!
//! ## Fix
//!
//! Write `ms.date` as `MM/DD/YYYY`, and move the file or correct `ms.contentlocale`.

use super::Target;
use crate::finding::Finding;
use crate::registry::Meta;
use crate::registry::RuleId;
use docrules_model::date::Date;
use docrules_model::diagnostic::Level;
use docrules_model::locale::Locale;

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "front-matter",
    level: Level::Warning,
    summary: "missing or unparsable ms.date, or a locale mismatch",
};

pub(crate) fn run(target: &Target<'_>) -> Vec<Finding> {
    let lint = RuleId::FrontMatter;
    let front = &target.doc.front_matter;
    let start = target.doc.source.lines.span(&target.doc.source.text, 0..0);
    let mut out = Vec::new();
    match front.get("ms.date") {
        None => {
            let mut finding = target.finding(
                lint,
                front.span_of("ms.date").unwrap_or(start),
                "no ms.date".into(),
                "the front matter has no `ms.date`".into(),
            );
            finding.help = Some("add `ms.date: MM/DD/YYYY`".into());
            out.push(finding);
        }
        Some(date) if Date::parse(date).is_none() => {
            let mut finding = target.finding(
                lint,
                front.span_of("ms.date").unwrap_or(start),
                "not a date".into(),
                format!("`ms.date: {date}` is not a date"),
            );
            finding.help = Some("write it as MM/DD/YYYY".into());
            out.push(finding);
        }
        Some(_) => {}
    }
    if let (Some(declared), Some(folder)) = (front.get("ms.contentlocale"), target.folder_locale) {
        if Locale::parse(declared).as_ref() != Some(folder) {
            let mut finding = target.finding(
                lint,
                front.span_of("ms.contentlocale").unwrap_or(start),
                format!("says {declared}"),
                format!(
                    "`ms.contentlocale: {declared}` disagrees with the locale folder `{folder}`"
                ),
            );
            finding.help = Some("move the file or correct the front matter".into());
            out.push(finding);
        }
    }
    out
}
