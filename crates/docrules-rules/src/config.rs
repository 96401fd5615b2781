//! What `docrules.toml` says about rules, checked against the registry: a `[lint]` level or a
//! suppression for a rule that does not exist would silently do nothing.

use docrules_model::diagnostic::Diagnostic;
use docrules_model::manifest::{FILE_NAME, Manifest};
use docrules_model::span::LineIndex;

use crate::registry::RuleId;

/// The closest rule code or name to `text`, if one is close (a typo).
pub fn did_you_mean(text: &str) -> Option<&'static str> {
    RuleId::ALL
        .iter()
        .flat_map(|r| [r.code(), r.name()])
        .map(|candidate| {
            (
                strsim::levenshtein(&text.to_ascii_lowercase(), &candidate.to_ascii_lowercase()),
                candidate,
            )
        })
        .filter(|&(distance, candidate)| distance <= 2.max(candidate.len() / 5))
        .min()
        .map(|(_, candidate)| candidate)
}

/// A diagnostic for every `[lint]` key of `manifest` that names no rule, at its line.
pub fn validate(manifest: &Manifest) -> Vec<Diagnostic> {
    let text = &manifest.text;
    let lines = LineIndex::new(text);
    manifest
        .lint
        .keys()
        .filter(|key| RuleId::find(key).is_none())
        .map(|key| {
            let hint = did_you_mean(key)
                .map(|m| format!("; did you mean `{m}`?"))
                .unwrap_or_default();
            let mut diagnostic = Diagnostic::error(
                "unknown-rule",
                FILE_NAME,
                format!("[lint] `{key}` is no check or lint{hint}"),
            )
            .with_help("`docrules explain` lists every code and name");
            if let Some(at) = text.find(key.as_str()) {
                diagnostic = diagnostic.at(lines.span(text, at..at + key.len()));
            }
            diagnostic
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_are_named_with_a_suggestion() {
        let manifest =
            Manifest::parse("[lint]\nunbalanced-lists = \"off\"\nDL003 = \"error\"\n").unwrap();
        let found = validate(&manifest);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("did you mean `unbalanced-list`?"),
            "{}",
            found[0].message
        );
        assert_eq!(found[0].span.unwrap().line, 2);
        assert_eq!(did_you_mean("stale-facts"), Some("stale-fact"));
        assert_eq!(did_you_mean("completely-different"), None);
        let err = Manifest::parse("[lint]\nDL004 = \"of\"\n").unwrap_err();
        assert!(
            err.message.contains("did you mean `off`?"),
            "{}",
            err.message
        );
    }
}
