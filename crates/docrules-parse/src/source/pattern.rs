//! Include and exclude globs with a `{locale}` placeholder.
//!
//! A glob is matched against a `/`-separated path relative to its source's root. It is compiled
//! to one anchored regular expression (linear time, no backtracking) rather than with a glob
//! crate, because a glob crate tells whether a path matches but not what `{locale}` matched,
//! nor where the fixed folders end (the article is named by the path below them).

use docrules_model::locale::Locale;
use regex::Regex;

/// A compiled glob: `**` (any folders), `*` (within one name), `?`, `{a,b}` (alternatives),
/// `{locale}` (a locale tag), everything else literal.
#[derive(Clone, Debug)]
pub struct Pattern {
    glob: String,
    regex: Regex,
    /// How many leading folders of the glob hold no wildcard (`{locale}` aside): the path
    /// below them names the article.
    fixed: usize,
    /// Whether `{locale}` is in the glob.
    has_locale: bool,
}

/// A path a pattern matched.
#[derive(Debug, PartialEq, Eq)]
pub struct Matched {
    /// The article: the path below the glob's fixed folders, without its extension and
    /// without the locale part (`guide/intro` of `docs/guide/intro.fr.md`).
    pub article: String,
    /// What `{locale}` matched, if the glob has it.
    pub locale: Option<Locale>,
}

impl Pattern {
    /// Compiles `glob`; an error says what is wrong with it.
    pub fn new(glob: &str) -> Result<Pattern, String> {
        let glob = glob.trim_start_matches("./");
        if glob.is_empty() {
            return Err("an empty glob matches nothing".into());
        }
        if glob.starts_with('/') {
            return Err(format!(
                "`{glob}` is absolute; globs are relative to the source root"
            ));
        }
        let segments: Vec<&str> = glob.split('/').collect();
        let is_wild = |s: &str| s.contains(['*', '?', '[', '{']);
        // The folders before the first wildcard, `{locale}` counted as fixed: the article is
        // what lies below them (`content/{locale}/` of Hugo, `docs/` of MkDocs).
        let mut fixed = 0;
        for segment in &segments[..segments.len() - 1] {
            let without_locale = segment.replace("{locale}", "");
            if is_wild(&without_locale) {
                break;
            }
            fixed += 1;
        }
        let mut regex = String::from("^");
        let mut has_locale = false;
        let mut rest = glob;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix("**/") {
                regex.push_str("(?:[^/]+/)*");
                rest = after;
            } else if let Some(after) = rest.strip_prefix("**") {
                regex.push_str(".*");
                rest = after;
            } else if let Some(after) = rest.strip_prefix("{locale}") {
                if has_locale {
                    return Err(format!("`{glob}` has `{{locale}}` twice"));
                }
                has_locale = true;
                regex.push_str("(?P<locale>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)");
                rest = after;
            } else if let Some(after) = rest.strip_prefix('{') {
                let Some(end) = after.find('}') else {
                    return Err(format!("`{glob}` has a `{{` without its `}}`"));
                };
                let alternatives: Vec<String> = after[..end]
                    .split(',')
                    .map(literal_or_wild)
                    .collect::<Result<_, _>>()?;
                regex.push_str(&format!("(?:{})", alternatives.join("|")));
                rest = &after[end + 1..];
            } else {
                let c = rest.chars().next().unwrap_or_default();
                regex.push_str(&literal_or_wild(&c.to_string())?);
                rest = &rest[c.len_utf8()..];
            }
        }
        regex.push('$');
        let regex = Regex::new(&regex).map_err(|e| format!("`{glob}`: {e}"))?;
        Ok(Pattern {
            glob: glob.to_owned(),
            regex,
            fixed,
            has_locale,
        })
    }

    /// The glob as written.
    pub fn glob(&self) -> &str {
        &self.glob
    }

    /// Whether a folder (`/`-separated, relative to the source root) can hold a matching file:
    /// its names agree with the glob's fixed folders, so the walk skips `node_modules/` when
    /// the glob is `docs/**/*.md`.
    pub fn may_enter(&self, folder: &str) -> bool {
        let mut fixed = self.glob.split('/').take(self.fixed);
        for name in folder.split('/').filter(|n| !n.is_empty()) {
            match fixed.next() {
                None => return true,
                Some(segment) if segment.contains("{locale}") => {
                    let (before, after) = segment.split_once("{locale}").unwrap_or((segment, ""));
                    let middle = name
                        .strip_prefix(before)
                        .and_then(|n| n.strip_suffix(after));
                    if middle.and_then(locale_tag).is_none() {
                        return false;
                    }
                }
                Some(segment) if segment != name => return false,
                Some(_) => {}
            }
        }
        true
    }

    /// Whether `path` matches (for excludes).
    pub fn is_match(&self, path: &str) -> bool {
        self.regex.is_match(path)
    }

    /// The article and locale of `path`, when it matches (and `{locale}` matched a locale).
    pub fn matched(&self, path: &str) -> Option<Matched> {
        let captures = self.regex.captures(path)?;
        let locale_match = captures.name("locale");
        let locale = match locale_match {
            Some(m) => Some(locale_tag(m.as_str())?),
            None => None,
        };
        // The path below the fixed folders.
        let below_start = match self.fixed.checked_sub(1) {
            None => 0,
            Some(last) => path.match_indices('/').nth(last).map(|(i, _)| i + 1)?,
        };
        let mut article = String::with_capacity(path.len() - below_start);
        let mut cursor = below_start;
        if let Some(m) = locale_match.filter(|m| m.start() >= below_start) {
            // `x.fr.md`: drop the locale and the dot before it; `fr/x.md`: the locale folder.
            let mut start = m.start();
            let mut end = m.end();
            if path[..start].ends_with(['.', '_', '-']) {
                start -= 1;
            } else if path[end..].starts_with('/') {
                end += 1;
            }
            article.push_str(&path[cursor..start]);
            cursor = end;
        }
        article.push_str(&path[cursor..]);
        let name_start = article.rfind('/').map_or(0, |i| i + 1);
        if let Some(dot) = article[name_start..].rfind('.').filter(|d| *d > 0) {
            article.truncate(name_start + dot);
        }
        Some(Matched { article, locale })
    }

    /// Whether the glob has `{locale}`.
    pub fn has_locale(&self) -> bool {
        self.has_locale
    }
}

/// `text` as a regex: `*` and `?` as wildcards within one name, the rest literal.
fn literal_or_wild(text: &str) -> Result<String, String> {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '*' => out.push_str("[^/]*"),
            '?' => out.push_str("[^/]"),
            '[' | ']' => {
                return Err("character classes (`[…]`) are not supported in globs".to_owned());
            }
            c => out.push_str(&regex::escape(&c.to_string())),
        }
    }
    Ok(out)
}

/// A locale tag as a layout names one. Bare three-letter names (`api`, `faq`, `img`) are far
/// more often folders than ISO 639-2 languages, so only two-letter languages or tags with a
/// region or script count; a `[[source]]` with `locale = "fil"` reads the others.
pub fn locale_tag(text: &str) -> Option<Locale> {
    let locale = Locale::parse(text)?;
    (locale.language().len() == 2 || locale.as_str().contains('-')).then_some(locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(glob: &str, path: &str) -> Option<(String, Option<String>)> {
        let m = Pattern::new(glob).unwrap().matched(path)?;
        Some((m.article, m.locale.map(|l| l.to_string())))
    }

    #[test]
    fn articles_are_named_below_the_fixed_folders() {
        let pair = |a: &str, l: Option<&str>| Some((a.to_owned(), l.map(str::to_owned)));
        assert_eq!(
            article("docs/**/*.md", "docs/guide/intro.md"),
            pair("guide/intro", None)
        );
        assert_eq!(
            article("docs/**/*.md", "docs/intro.md"),
            pair("intro", None)
        );
        assert_eq!(article("docs/**/*.md", "blog/intro.md"), None);
        assert_eq!(
            article("content/{locale}/**/*.md", "content/fr/guide/x.md"),
            pair("guide/x", Some("fr"))
        );
        assert_eq!(
            article("docs/**/*.{locale}.md", "docs/a/x.zh-tw.md"),
            pair("a/x", Some("zh-TW"))
        );
        assert_eq!(article("docs/**/*.{locale}.md", "docs/a/x.v1.md"), None);
        assert_eq!(article("docs/**/*.{locale}.md", "docs/x.md"), None);
        assert_eq!(
            article("**/{locale}/*.md", "a/ja-jp/x.md"),
            pair("a/x", Some("ja-JP"))
        );
        assert_eq!(
            article("articles/**/*.{md,markdown}", "articles/b/x.markdown"),
            pair("b/x", None)
        );
        assert_eq!(article("*.md", "x.md"), pair("x", None));
        assert_eq!(article("*.md", "a/x.md"), None);
    }

    #[test]
    fn folders_off_the_fixed_prefix_are_not_entered() {
        let p = Pattern::new("i18n/{locale}/plugin/current/**/*.md").unwrap();
        assert!(p.may_enter(""));
        assert!(p.may_enter("i18n"));
        assert!(p.may_enter("i18n/fr/plugin"));
        assert!(p.may_enter("i18n/fr/plugin/current/deep/er"));
        assert!(!p.may_enter("node_modules"));
        assert!(!p.may_enter("i18n/assets"));
        assert!(!p.may_enter("i18n/fr/other"));
    }

    #[test]
    fn bad_globs_are_refused() {
        assert!(Pattern::new("").is_err());
        assert!(Pattern::new("/abs/*.md").is_err());
        assert!(Pattern::new("{locale}/{locale}.md").is_err());
        assert!(Pattern::new("docs/{a,b.md").is_err());
        assert!(Pattern::new("docs/[ab].md").is_err());
    }
}
