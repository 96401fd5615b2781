//! Which versions `docrules diff` compares: loose files, or versions of a corpus picked by
//! article, locale and `[LOCALE@]DATE`.

use std::path::Path;

use crate::diff::{self, Changelog, Side};
use docrules_model::corpus::{Article, Corpus, Version};
use docrules_model::date::Date;
use docrules_model::diagnostic::Diagnostic;
use docrules_model::locale::Locale;
use docrules_parse::corpus;

/// Which versions of a corpus to diff: the `--article`, `--locale`, `--from` and `--to`
/// options.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Only this article (its folder name); `None` for every article.
    pub article: Option<String>,
    /// Only this locale; also the locale of a `--from` or `--to` that names none.
    pub locale: Option<Locale>,
    /// The old version, `DATE` or `LOCALE@DATE`; `None` for the version before `to` in its
    /// locale.
    pub from: Option<String>,
    /// The new version, `DATE` or `LOCALE@DATE`; `None` for the newest version in `from`'s
    /// locale.
    pub to: Option<String>,
}

/// Why no versions could be chosen.
#[derive(Debug, thiserror::Error)]
pub enum SelectError {
    /// A loose file cannot be read or parsed.
    #[error("{0}")]
    Unreadable(Box<Diagnostic>),
    /// `--article` names no article of the corpus.
    #[error("no article `{name}`; articles are: {}", known.join(", "))]
    UnknownArticle {
        /// The name asked for.
        name: String,
        /// The corpus's articles.
        known: Vec<String>,
    },
    /// `--to` names the oldest version of its locale.
    #[error("{article}: no version before {path} in {locale}")]
    NothingBefore {
        /// The article.
        article: String,
        /// The version asked for.
        path: String,
        /// Its locale.
        locale: Locale,
    },
    /// The `LOCALE@` part is not a locale.
    #[error("`{0}` is not a locale")]
    BadLocale(String),
    /// The date part is not a date.
    #[error("`{0}` is not a date (YYYY-MM-DD)")]
    BadDate(String),
    /// No version has that date (in that locale).
    #[error("{article}: no version `{spec}`; versions are: {}", known.join(", "))]
    NoSuchVersion {
        /// The article.
        article: String,
        /// What was asked for.
        spec: String,
        /// `locale@date` of every version.
        known: Vec<String>,
    },
    /// Versions of several locales have that date.
    #[error("{article}: `{spec}` matches versions in several locales; write LOCALE@{date}")]
    Ambiguous {
        /// The article.
        article: String,
        /// What was asked for.
        spec: String,
        /// The date it names.
        date: Date,
    },
}

/// Two files outside any corpus.
pub fn loose(old: &Path, new: &Path) -> Result<Changelog, SelectError> {
    let read =
        |path: &Path| corpus::read_loose(path).map_err(|d| SelectError::Unreadable(Box::new(d)));
    let (old_doc, old_locale, old_date) = read(old)?;
    let (new_doc, new_locale, new_date) = read(new)?;
    let same_language =
        old_locale.as_ref().map(|l| l.language()) == new_locale.as_ref().map(|l| l.language());
    let article = title(&new_doc).unwrap_or_else(|| {
        new.file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
    });
    Ok(Changelog {
        article,
        old: Side {
            path: old_doc.path().to_owned(),
            locale: old_locale,
            date: old_date,
            commit: None,
        },
        new: Side {
            path: new_doc.path().to_owned(),
            locale: new_locale,
            date: new_date,
            commit: None,
        },
        changes: diff::diff_in(&old_doc, &new_doc, same_language),
    })
}

/// A loose file's title: its front matter `title`, else its first level-1 heading.
fn title(doc: &docrules_model::document::Document) -> Option<String> {
    let front = doc.front_matter.get("title").map(str::trim);
    let heading = || {
        doc.sections
            .iter()
            .find(|s| s.level == 1)
            .map(|s| s.title.trim())
    };
    front
        .filter(|t| !t.is_empty())
        .or_else(heading)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// Diffs in a corpus: `--from`/`--to` when given, else the two newest versions of each article in
/// each locale.
pub fn in_corpus(corpus: &Corpus, selection: &Selection) -> Result<Vec<Changelog>, SelectError> {
    if let Some(name) = &selection.article {
        if !corpus.articles.iter().any(|a| a.name == *name) {
            return Err(SelectError::UnknownArticle {
                name: name.clone(),
                known: corpus.articles.iter().map(|a| a.name.clone()).collect(),
            });
        }
    }
    let mut logs = Vec::new();
    for article in &corpus.articles {
        if selection
            .article
            .as_ref()
            .is_some_and(|a| *a != article.name)
        {
            continue;
        }
        for (old, new) in pairs(article, selection)? {
            logs.push(Changelog {
                article: article.name.clone(),
                old: Side::of(old),
                new: Side::of(new),
                changes: diff::diff_in(
                    &old.document,
                    &new.document,
                    old.locale.language() == new.locale.language(),
                ),
            });
        }
    }
    Ok(logs)
}

fn pairs<'a>(
    article: &'a Article,
    selection: &Selection,
) -> Result<Vec<(&'a Version, &'a Version)>, SelectError> {
    let in_locale = |l: &Locale| -> Vec<&'a Version> {
        article.versions.iter().filter(|v| v.locale == *l).collect()
    };
    match (&selection.from, &selection.to) {
        (None, None) => {
            let mut locales: Vec<&Locale> = article.versions.iter().map(|v| &v.locale).collect();
            locales.sort();
            locales.dedup();
            Ok(locales
                .into_iter()
                .filter(|l| selection.locale.as_ref().is_none_or(|s| s == *l))
                .filter_map(|l| {
                    let versions = in_locale(l);
                    match versions.as_slice() {
                        [.., old, new] => Some((*old, *new)),
                        _ => None,
                    }
                })
                .collect())
        }
        (from, to) => {
            let old = from
                .as_deref()
                .map(|spec| resolve(article, spec, selection.locale.as_ref()))
                .transpose()?;
            let new = to
                .as_deref()
                .map(|spec| resolve(article, spec, selection.locale.as_ref()))
                .transpose()?;
            let (old, new) = match (old, new) {
                (Some(old), Some(new)) => (old, new),
                // Only `--from`: up to the newest version of its locale.
                (Some(old), None) => match in_locale(&old.locale).last() {
                    Some(new) => (old, *new),
                    None => return Ok(Vec::new()),
                },
                // Only `--to`: from the version before it in its locale.
                (None, Some(new)) => {
                    let before: Vec<&Version> = in_locale(&new.locale)
                        .into_iter()
                        .take_while(|v| !std::ptr::eq(*v, new))
                        .collect();
                    match before.last() {
                        Some(old) => (*old, new),
                        None => {
                            return Err(SelectError::NothingBefore {
                                article: article.name.clone(),
                                path: new.path.clone(),
                                locale: new.locale.clone(),
                            });
                        }
                    }
                }
                (None, None) => unreachable!("handled above"),
            };
            Ok(vec![(old, new)])
        }
    }
}

/// `2019-07-15`, `zh-tw@2019-05-21`, `en@4836bb2` (a commit) or `zh-tw` (its newest version)
/// to the one version it names.
fn resolve<'a>(
    article: &'a Article,
    spec: &str,
    locale: Option<&Locale>,
) -> Result<&'a Version, SelectError> {
    // A locale alone (`fr`, `ja-jp`) names its newest version: in a layout where each file is
    // the one version of its article in its locale (docusaurus, hugo, …), the only one.
    if !spec.contains('@') && Date::parse(spec).is_none() {
        if let Some(alone) = Locale::parse(spec) {
            if let Some(newest) = article.versions.iter().rev().find(|v| v.locale == alone) {
                return Ok(newest);
            }
        }
    }
    // `en@4836bb2`: a revision from git history by its commit (a prefix of at least 4).
    let (written, rest) = spec.split_once('@').unwrap_or(("", spec));
    if rest.len() >= 4 && rest.bytes().all(|b| b.is_ascii_hexdigit()) {
        let wanted = if written.is_empty() {
            locale.cloned()
        } else {
            Locale::parse(written)
        };
        let prefix = rest.to_ascii_lowercase();
        let found: Vec<&Version> = article
            .versions
            .iter()
            .filter(|v| v.commit.as_deref().is_some_and(|c| c.starts_with(&prefix)))
            .filter(|v| wanted.as_ref().is_none_or(|l| *l == v.locale))
            .collect();
        if let [one] = found.as_slice() {
            return Ok(one);
        }
    }
    let (spec_locale, date) = match spec.split_once('@') {
        Some((l, d)) => (
            Some(Locale::parse(l).ok_or_else(|| SelectError::BadLocale(l.to_owned()))?),
            d,
        ),
        None => (None, spec),
    };
    let date = Date::parse(date).ok_or_else(|| SelectError::BadDate(date.to_owned()))?;
    let locale = spec_locale.as_ref().or(locale);
    let found: Vec<&Version> = article
        .versions
        .iter()
        .filter(|v| v.date == Some(date) && locale.is_none_or(|l| *l == v.locale))
        .collect();
    match found.as_slice() {
        [one] => Ok(one),
        [] => {
            let known: Vec<String> = article
                .versions
                .iter()
                .map(|v| {
                    let locale = v.locale.as_str().to_lowercase();
                    match v.date {
                        Some(date) => format!("{locale}@{date}"),
                        None => locale,
                    }
                })
                .collect();
            Err(SelectError::NoSuchVersion {
                article: article.name.clone(),
                spec: spec.to_owned(),
                known,
            })
        }
        _ => Err(SelectError::Ambiguous {
            article: article.name.clone(),
            spec: spec.to_owned(),
            date,
        }),
    }
}
