//! Which corpus article a linted file belongs to: by its path when it lies inside the corpus,
//! by `--article`, or by matching its anchors, error IDs and title against the articles.

use std::collections::BTreeSet;

use super::reference::Reference;
use docrules_model::document::Document;
use docrules_model::locale::Locale;

/// Which reference article a linted file belongs to, if any, and how that was decided.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// Index into the reference's articles.
    pub article: Option<usize>,
    /// The locale the corpus layout gives the file, if it lies in one.
    pub folder_locale: Option<Locale>,
    /// How the article was chosen, for the user.
    pub how: String,
}

/// Places `doc` among the reference's articles. `corpus_path` is the file's path relative to the
/// corpus root (`/`-separated) when it lies inside the corpus; `folder_locale` the locale its
/// folder names.
pub fn place(
    corpus_path: Option<&str>,
    folder_locale: Option<Locale>,
    doc: &Document,
    reference: &Reference,
    article: Option<&str>,
) -> Placement {
    if let Some(rel) = corpus_path {
        let parts: Vec<&str> = rel.split('/').collect();
        if let [name, _, _] = parts.as_slice() {
            if let Some(i) = reference.articles.iter().position(|a| a.name == *name) {
                return Placement {
                    article: Some(i),
                    folder_locale,
                    how: "by its path in the corpus".into(),
                };
            }
            return Placement {
                article: None,
                folder_locale,
                how: format!("no article `{name}` in the compiled corpus"),
            };
        }
    }
    if let Some(name) = article {
        let found = reference.articles.iter().position(|a| a.name == name);
        let how = if found.is_some() {
            "by --article".to_owned()
        } else {
            format!("--article `{name}` is not in the corpus")
        };
        return Placement {
            article: found,
            folder_locale: None,
            how,
        };
    }
    // Evidence that survives translation: anchors and error IDs; and the title, when the file
    // is a version of an article in a locale the corpus has.
    let anchors: BTreeSet<&str> = doc.anchors.iter().map(|a| a.name.as_str()).collect();
    let ids: BTreeSet<String> = doc
        .rules
        .iter()
        .flat_map(|r| r.error_ids.iter().map(|i| i.value.clone()))
        .collect();
    let title = doc
        .sections
        .iter()
        .find(|s| s.level == 1)
        .map(|s| s.title.trim())
        .filter(|t| !t.is_empty());
    let best = reference
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let their: BTreeSet<&str> = a.anchors.values().flatten().map(String::as_str).collect();
            let shared_anchors = anchors.intersection(&their).count();
            let shared_ids = ids.iter().filter(|id| a.error_ids.contains(id)).count();
            let same_title = title.is_some_and(|t| a.titles.iter().any(|x| x.trim() == t));
            let score = shared_anchors + 3 * shared_ids + 3 * usize::from(same_title);
            (score, shared_anchors, shared_ids, same_title, i)
        })
        .max_by_key(|&(score, _, _, _, i)| (score, std::cmp::Reverse(i)));
    match best {
        // Real evidence only: the article's title, several of its anchors, or error IDs with an
        // anchor (two shared error IDs alone are two rows any troubleshooting page may cite).
        Some((_, anchors, ids, same_title, i))
            if same_title || anchors >= 3 || (ids >= 2 && anchors >= 1) || ids >= 4 =>
        {
            Placement {
                article: Some(i),
                folder_locale: None,
                how: format!(
                    "matched by {anchors} anchors and {ids} error IDs{}",
                    if same_title { ", and its title" } else { "" }
                ),
            }
        }
        _ => Placement {
            article: None,
            folder_locale: None,
            how: "no corpus article matches its anchors, error IDs or title".into(),
        },
    }
}
