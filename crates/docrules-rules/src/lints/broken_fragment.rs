//! A `#fragment` link to an anchor the file does not define, or a link to another article of
//! the corpus naming a fragment that article does not define.
//!
//! ## Why it matters
//!
//! Anchors get renamed between versions (`pre-requisites` became `prerequisites`); links that
//! still use the old name land at the top of the page. Links to other articles are checked
//! against the anchors of that article's newest version in the same locale (or its canonical
//! version); links outside the corpus are not checked.
//!
//! ## Example
//!
//! `[ストレージの問題を確認します](#pre-requisites)` in a file whose section is now
//! `#prerequisites`: did you mean `#prerequisites`?
//!
//! ## Fix
//!
//! Point the link at the anchor that exists (the finding suggests the closest one).
//!
//! ## Anchors
//!
//! A heading's anchor is the one its renderer makes (`[anchors] renderer = "github" | "docfx"`
//! in docrules.toml; without it DocFX for files whose front matter has `ms.*` keys, else
//! GitHub): github-slugger's slugs on GitHub, where an `<a name>` in a heading is an anchor
//! beside the slug; markdig's on DocFX and Microsoft Learn, where it replaces the slug. `#top`
//! and DocFX tab links (`#tab/linux`) are always valid.

use super::Target;
use crate::finding::Finding;
use crate::registry::Meta;
use crate::registry::RuleId;
use docrules_align::sections::similarity;
use docrules_model::diagnostic::Level;

/// `%E3%83%86` and friends, decoded for comparison.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).and_then(|b| hex(*b)),
            bytes.get(i + 2).and_then(|b| hex(*b)),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

/// The article a link target names: `other-article.md` or `../folder/other-article.md`.
fn article_of(target: &str) -> Option<&str> {
    if target.contains("://") || target.starts_with("mailto:") {
        return None;
    }
    let file = target.rsplit('/').next()?;
    file.strip_suffix(".md")
        .or_else(|| file.strip_suffix(".markdown"))
}

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "broken-fragment",
    level: Level::Warning,
    summary: "a `#fragment` link to an anchor that does not exist",
};

pub(crate) fn run(target: &Target<'_>) -> Vec<Finding> {
    let lint = RuleId::BrokenFragment;
    let own: Vec<&str> = target.doc.anchors.iter().map(|a| a.name.as_str()).collect();
    let mut out = Vec::new();
    for link in &target.doc.links {
        let Some(fragment) = link.fragment.as_deref().filter(|f| !f.is_empty()) else {
            continue;
        };
        let fragment = percent_decode(fragment);
        // `#top` is the top of any page (HTML); `#tab/linux` selects a DocFX tab, no anchor.
        if fragment.eq_ignore_ascii_case("top") || fragment.starts_with("tab/") {
            continue;
        }
        let (anchors, place): (Vec<&str>, String) = if link.target.is_empty() {
            (own.clone(), "this file".to_owned())
        } else {
            let Some(name) = article_of(&link.target) else {
                continue;
            };
            let Some(reference) = target.reference else {
                continue;
            };
            let Some(other) = reference.articles.iter().find(|a| a.name == name) else {
                continue;
            };
            let locale = target.locale.map(|l| l.to_string());
            (
                other
                    .anchors_for(locale.as_deref())
                    .iter()
                    .map(String::as_str)
                    .collect(),
                format!("article {name}"),
            )
        };
        if anchors.contains(&fragment.as_str()) {
            continue;
        }
        let suggestion = anchors
            .iter()
            .map(|a| (similarity(a, &fragment), *a))
            .filter(|(s, _)| *s >= 0.5)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let mut finding = target.finding(
            lint,
            link.span,
            format!("#{fragment} is not an anchor of {place}"),
            format!("link to #{fragment}, which {place} does not define"),
        );
        finding.help = Some(match suggestion {
            Some((_, anchor)) => format!("did you mean #{anchor}?"),
            None => "link to an anchor that exists, or remove the fragment".to_owned(),
        });
        out.push(finding);
    }
    out
}
