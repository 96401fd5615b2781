//! `docrules lint`: what is wrong in one article, against the compiled rules of its corpus and
//! against the markdown itself. One file per lint; each opens with the documentation that
//! `docrules explain` prints and registers itself in the registry ([`crate::registry::RuleId`]).

pub(crate) mod broken_fragment;
pub(crate) mod front_matter;
pub(crate) mod inconsistent_literal;
pub(crate) mod stale_value;
pub(crate) mod table_column_count;
pub(crate) mod unbalanced_list;
pub(crate) mod unknown_html_element;
pub(crate) mod untranslated_text;

use crate::finding::{Finding, Location};
use crate::lint::reference::{Reference, ReferenceArticle};
use crate::registry::{Kind, RuleId, Runner};
use crate::suppress;
use docrules_model::diagnostic::Level;
use docrules_model::document::Document;
use docrules_model::locale::Locale;
use docrules_model::manifest::Manifest;
use docrules_model::span::Span;

/// One file to lint and what it is linted against.
#[derive(Debug)]
pub struct Target<'a> {
    /// The path shown in findings.
    pub path: &'a str,
    /// The parsed file.
    pub doc: &'a Document,
    /// The file's locale, if known.
    pub locale: Option<&'a Locale>,
    /// The locale its folder names, when it lies in a corpus layout.
    pub folder_locale: Option<&'a Locale>,
    /// The article it was placed in, if any.
    pub article: Option<&'a ReferenceArticle>,
    /// That article's canonical version, parsed.
    pub canonical: Option<&'a Document>,
    /// The compiled corpus it is linted against, if any.
    pub reference: Option<&'a Reference>,
}

impl Target<'_> {
    /// A finding of `rule` in this file.
    pub fn finding(&self, rule: RuleId, span: Span, label: String, message: String) -> Finding {
        let location = Location {
            commit: None,
            path: self.path.to_owned(),
            span,
            label,
        };
        let article = self.article.map(|a| a.name.as_str()).unwrap_or_default();
        let locale = self.locale.map(|l| l.to_string()).unwrap_or_default();
        Finding::new(rule, article, &locale, message, location)
    }
}

/// Runs every lint on one target, applies the configuration's levels and suppressions and the
/// file's inline comments; findings sorted by position. Returns them with the count suppressed.
pub fn run(target: &Target<'_>, config: &Manifest) -> (Vec<Finding>, usize) {
    let mut findings: Vec<Finding> = Vec::new();
    for lint in RuleId::of_kind(Kind::Lint) {
        let Runner::Lint(run) = lint.runner() else {
            continue;
        };
        let level = config
            .lint
            .iter()
            .find(|(k, _)| RuleId::find(k) == Some(lint))
            .map(|(_, v)| v.as_str());
        let level = match level {
            Some("off") => continue,
            Some("error") => Level::Error,
            Some("warning") => Level::Warning,
            Some("info") => Level::Info,
            _ => lint.level(),
        };
        findings.extend(run(target).into_iter().map(|mut f| {
            f.level = level;
            f
        }));
    }
    let before = findings.len();
    findings.retain(|f| {
        !config.suppress.iter().any(|s| {
            let s = s.get_ref();
            RuleId::find(&s.code) == Some(f.rule)
                && s.path
                    .as_ref()
                    .is_none_or(|p| target.path.ends_with(p.as_str()))
                && s.key
                    .as_ref()
                    .is_none_or(|k| f.fact.as_ref().is_some_and(|x| x.key == *k))
        })
    });
    let mut suppressed = before - findings.len();
    let is_code = |code: &str, f: &Finding| RuleId::find(code) == Some(f.rule);
    suppressed += suppress::apply_inline_in(
        target.path,
        &target.doc.source.text,
        &mut findings,
        &is_code,
    );
    findings.sort_by_key(|f| (f.primary.span.start, f.code));
    (findings, suppressed)
}
