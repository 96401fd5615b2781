//! `docrules.toml` at the corpus root: what the corpus compiles to and which locale is the source.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::locale::Locale;
use crate::span::LineIndex;

/// The manifest's file name, at the corpus root.
pub const FILE_NAME: &str = "docrules.toml";

/// A parsed `docrules.toml`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// `[crate]`: the generated rules crate.
    #[serde(rename = "crate", default)]
    pub krate: CrateConfig,
    /// `[corpus]`: how the corpus is read.
    #[serde(default)]
    pub corpus: CorpusConfig,
    /// `[[source]]`: where the files of each locale are, when no preset `layout` says it.
    #[serde(rename = "source", default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<SourceConfig>")]
    pub sources: Vec<toml::Spanned<SourceConfig>>,
    /// `[versions]`: what a version is.
    #[serde(default, skip_serializing_if = "VersionsConfig::is_default")]
    pub versions: VersionsConfig,
    /// Names for fact keys: `vault_credential_validity = "<section>/<kind>/<subject>"`. A named
    /// fact becomes a constant of the generated crate.
    #[serde(default)]
    pub facts: std::collections::BTreeMap<String, String>,
    /// `[anchors]`: how heading anchors are derived.
    #[serde(default)]
    pub anchors: AnchorsConfig,
    /// Levels for `docrules lint`, by lint name or code: `error`, `warning`, `info` or `off`.
    #[serde(default)]
    pub lint: std::collections::BTreeMap<String, String>,
    /// Findings of `docrules check` not to report, each with its reason.
    #[serde(default)]
    #[schemars(with = "Vec<Suppression>")]
    pub suppress: Vec<toml::Spanned<Suppression>>,
    /// The manifest's text, for pointing at its lines.
    #[serde(skip)]
    pub text: String,
}

/// `[[suppress]]`: a check (by code or name) on a fact key or a file, and why.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Suppression {
    /// The check to silence, by code or name.
    pub code: String,
    /// The fact key the finding must be about (`<section>/<kind>/<subject>`).
    #[serde(default)]
    pub key: Option<String>,
    /// The file the finding must be in, relative to the corpus root, `/`-separated.
    #[serde(default)]
    pub path: Option<String>,
    /// Why the finding is accepted; must not be empty.
    pub reason: String,
}

/// `[crate]`: the generated rules crate.
#[derive(Clone, Debug, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CrateConfig {
    /// Package name of the generated rules crate.
    pub name: String,
    /// Where the generated crate finds `docrules-types`, relative to the generated crate (a
    /// path dependency); without it, the dependency is by version from the registry.
    #[serde(default)]
    pub types_path: Option<String>,
}

impl Default for CrateConfig {
    fn default() -> Self {
        CrateConfig {
            name: "docrules-generated".into(),
            types_path: None,
        }
    }
}

/// `[corpus]`: how the corpus is read.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CorpusConfig {
    /// The locale translations are made from. Its newest version is canonical; when the corpus
    /// holds no version in it, the newest version of any locale is.
    pub source_locale: Option<String>,
    /// A built-in layout (`docusaurus`, `hugo`, …); without it (and without `[[source]]`),
    /// the layout is detected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
}

/// The built-in layouts, named by `[corpus] layout`.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// `<article>/<locale>/<YYYY-MM-DD>.md`: one file per version (the bundled corpus).
    Files,
    /// `docs/<locale>/<article>.md`.
    LocaleFolders,
    /// `docs/<article>.md` (the source locale) and
    /// `i18n/<locale>/docusaurus-plugin-content-docs/current/<article>.md`.
    Docusaurus,
    /// `content/<locale>/<article>.md`.
    Hugo,
    /// `docs/<article>.<locale>.md`, and `docs/<article>.md` in the source locale
    /// (mkdocs-static-i18n's suffix structure).
    MkdocsI18n,
    /// One repository per locale: `articles/<article>.md` here (the source locale) and in
    /// `../<this folder's name>.<locale>/` (Microsoft Learn's `azure-docs`, `azure-docs.ja-jp`).
    LearnRepos,
    /// The `[[source]]` tables of `docrules.toml` (not a name to write: the tables say it).
    #[serde(skip_deserializing)]
    Sources,
}

impl Layout {
    /// The name written in `docrules.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Files => "files",
            Layout::LocaleFolders => "locale-folders",
            Layout::Docusaurus => "docusaurus",
            Layout::Hugo => "hugo",
            Layout::MkdocsI18n => "mkdocs-i18n",
            Layout::LearnRepos => "learn-repos",
            Layout::Sources => "sources",
        }
    }
}

impl std::fmt::Display for Layout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `[[source]]`: one tree of markdown files.
///
/// ```toml
/// [[source]]
/// locale = "en-us"                 # or a {locale} placeholder in root or include
/// root = "../azure-docs"           # relative to docrules.toml
/// include = ["articles/**/*.md"]
/// exclude = ["**/includes/**"]
/// ```
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceConfig {
    /// The locale of every file of this source; without it, the `{locale}` placeholder of
    /// `root` or `include` tells each file's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// The tree's folder, relative to `docrules.toml` (`.` by default); may hold `{locale}`
    /// in one path segment (`../azure-docs.{locale}`).
    #[serde(default = "SourceConfig::default_root")]
    pub root: String,
    /// Globs of the files to read, relative to `root` (`**`, `*`, `?`, `{a,b}`, `{locale}`);
    /// `**/*.md` by default. An article is named by its path below the glob's fixed folders.
    #[serde(default = "SourceConfig::default_include")]
    pub include: Vec<String>,
    /// Globs of files not to read, relative to `root`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<String>,
}

impl SourceConfig {
    fn default_root() -> String {
        ".".into()
    }

    fn default_include() -> Vec<String> {
        vec!["**/*.md".into()]
    }
}

/// `[versions]`: what makes a version of an article.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VersionsConfig {
    /// `files` (one file per version, dated by its name: the `files` layout) or `worktree`
    /// (each file as it is now is the one version of its article in its locale: every other
    /// layout) or `git` (every committed revision of each file, and the working tree). The
    /// default follows the layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<VersionsFrom>,
    /// `git` only: read no commit older than this date (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// `git` only: at most this many versions of each file, the newest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_per_file: Option<usize>,
}

impl VersionsConfig {
    fn is_default(&self) -> bool {
        *self == VersionsConfig::default()
    }

    /// `since` as a date (checked by [`Manifest::parse`]).
    pub fn since_date(&self) -> Option<crate::date::Date> {
        self.since.as_deref().and_then(crate::date::Date::parse)
    }

    fn check(&self) -> Result<(), Diagnostic> {
        let problem = |m: &str| Err(Diagnostic::error("manifest", FILE_NAME, m));
        if let Some(since) = &self.since {
            if crate::date::Date::parse(since).is_none() || !since.contains('-') {
                return problem(&format!(
                    "`[versions] since = \"{since}\"` is not a date such as `2019-01-01`"
                ));
            }
        }
        if self.max_per_file == Some(0) {
            return problem("`[versions] max_per_file = 0` keeps no version; give 1 or more");
        }
        let git = self.from == Some(VersionsFrom::Git);
        if !git && (self.since.is_some() || self.max_per_file.is_some()) {
            return problem(
                "`since` and `max_per_file` bound git history: they need `[versions] from = \"git\"`",
            );
        }
        Ok(())
    }
}

/// `[versions] from`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum VersionsFrom {
    /// Each file is one version, dated by `ms.date`, else by its file name.
    Files,
    /// Each file is the one version of its article in its locale, dated by `ms.date` when it
    /// has one.
    Worktree,
    /// Every committed revision of each file that changed it (first parents from HEAD), and
    /// the working tree when it differs from HEAD.
    Git,
}

/// `[anchors]`: how heading anchors are derived from heading text.
#[derive(Clone, Debug, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnchorsConfig {
    /// The renderer whose anchors `#fragment` links must match. Without it, each file says:
    /// `docfx` when its front matter has `ms.*` keys (Microsoft Learn), else `github`.
    pub renderer: Option<AnchorRenderer>,
}

/// A site that turns markdown headings into anchors, each in its own way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum AnchorRenderer {
    /// GitHub (github-slugger): Unicode general categories; `echo`, `echo`, `echo 1` gives
    /// `echo`, `echo-1`, `echo-1-1`; an `<a name>` in a heading adds an anchor.
    Github,
    /// DocFX and Microsoft Learn (markdig's GFM auto-identifiers): letters and digits per UTF-16
    /// unit, `-` and `_`; an `<a name>` or `<a id>` before the heading text becomes its id.
    Docfx,
}

impl Manifest {
    /// Parses the text of a `docrules.toml`; an error names the line at fault.
    pub fn parse(text: &str) -> Result<Manifest, Diagnostic> {
        let mut manifest: Manifest = toml::from_str(text).map_err(|err| {
            let mut diagnostic = Diagnostic::error(
                "manifest",
                FILE_NAME,
                format!("invalid manifest: {}", err.message()),
            );
            if let Some(range) = err.span() {
                diagnostic = diagnostic.at(LineIndex::new(text).span(text, range));
            }
            diagnostic
        })?;
        if let Some(tag) = &manifest.corpus.source_locale {
            if Locale::parse(tag).is_none() {
                return Err(Diagnostic::error(
                    "manifest",
                    FILE_NAME,
                    format!("corpus.source_locale `{tag}` is not a locale tag such as `en-US`"),
                ));
            }
        }
        manifest.text = text.to_owned();
        manifest.check_sources()?;
        for entry in &manifest.suppress {
            let problem = if entry.get_ref().reason.trim().is_empty() {
                Some("a suppression needs a `reason`")
            } else if entry.get_ref().key.is_none() && entry.get_ref().path.is_none() {
                Some("a suppression needs a fact `key` or a file `path`")
            } else {
                None
            };
            if let Some(problem) = problem {
                let lines = LineIndex::new(text);
                return Err(Diagnostic::error("manifest", FILE_NAME, problem)
                    .at(lines.span(text, entry.span())));
            }
        }
        for (lint, level) in &manifest.lint {
            if !matches!(level.as_str(), "error" | "warning" | "info" | "off") {
                return Err(Diagnostic::error(
                    "manifest",
                    FILE_NAME,
                    format!(
                        "lint.{lint} = `{level}`: the level must be error, warning, info or off{}",
                        ["error", "warning", "info", "off"]
                            .into_iter()
                            .find(|l| level.len() + 1 >= l.len() && l.starts_with(level.as_str()))
                            .map(|l| format!(" (did you mean `{l}`?)"))
                            .unwrap_or_default()
                    ),
                ));
            }
        }
        for (name, key) in &manifest.facts {
            let valid_name = name.starts_with(|c: char| c.is_ascii_lowercase())
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !valid_name {
                return Err(Diagnostic::error(
                    "manifest",
                    FILE_NAME,
                    format!(
                        "fact name `{name}` must be snake_case (a-z, 0-9, _), starting with a letter"
                    ),
                ));
            }
            if key.split('/').count() < 3 {
                return Err(Diagnostic::error(
                    "manifest",
                    FILE_NAME,
                    format!(
                        "fact `{name}`: key `{key}` is not <section>/<kind>/<subject> (see `docrules facts`)"
                    ),
                ));
            }
        }
        Ok(manifest)
    }

    /// Refuses what the layout keys cannot mean: a preset and `[[source]]` tables at once, a
    /// source locale that is no tag, versions that do not fit the layout.
    fn check_sources(&self) -> Result<(), Diagnostic> {
        let text = &self.text;
        let at = |range: std::ops::Range<usize>, message: String| {
            Diagnostic::error("manifest", FILE_NAME, message)
                .at(LineIndex::new(text).span(text, range))
        };
        if let (Some(layout), Some(first)) = (self.corpus.layout, self.sources.first()) {
            return Err(at(
                first.span(),
                format!(
                    "`[[source]]` tables and `layout = \"{layout}\"` both say where the files are; keep one"
                ),
            ));
        }
        for source in &self.sources {
            let config = source.get_ref();
            if let Some(tag) = &config.locale {
                if Locale::parse(tag).is_none() {
                    return Err(at(
                        source.span(),
                        format!("source locale `{tag}` is not a locale tag such as `ja-jp`"),
                    ));
                }
            } else if !config.root.contains("{locale}")
                && !config.include.iter().any(|i| i.contains("{locale}"))
            {
                return Err(at(
                    source.span(),
                    "a `[[source]]` needs a `locale`, or `{locale}` in its `root` or `include`"
                        .to_owned(),
                ));
            }
            if config.include.is_empty() {
                return Err(at(
                    source.span(),
                    "a `[[source]]` with `include = []` reads nothing".to_owned(),
                ));
            }
        }
        let files = self.layout() == Some(Layout::Files);
        self.versions.check()?;
        match self.versions.from {
            Some(VersionsFrom::Git) if files => Err(Diagnostic::error(
                "manifest",
                FILE_NAME,
                "the `files` layout has one file per version: `[versions] from = \"git\"` needs another layout",
            )),
            Some(VersionsFrom::Files) if self.layout().is_some() && !files => {
                Err(Diagnostic::error(
                    "manifest",
                    FILE_NAME,
                    "`[versions] from = \"files\"` needs the `files` layout (<article>/<locale>/<YYYY-MM-DD>.md)",
                ))
            }
            Some(VersionsFrom::Worktree) if files => Err(Diagnostic::error(
                "manifest",
                FILE_NAME,
                "the `files` layout has one file per version: `[versions] from` must be `files` there",
            )),
            _ => Ok(()),
        }
    }

    /// The layout the manifest names: its preset, `Sources` for `[[source]]` tables, `None`
    /// when it names none (the layout is then detected).
    pub fn layout(&self) -> Option<Layout> {
        match (self.corpus.layout, self.sources.is_empty()) {
            (Some(layout), _) => Some(layout),
            (None, false) => Some(Layout::Sources),
            (None, true) => None,
        }
    }

    /// (name, key) pairs of the named facts.
    pub fn fact_names(&self) -> Vec<(String, String)> {
        self.facts
            .iter()
            .map(|(n, k)| (n.clone(), k.clone()))
            .collect()
    }

    /// `corpus.source_locale` as a locale; `None` when unset.
    pub fn source_locale(&self) -> Option<Locale> {
        self.corpus.source_locale.as_deref().and_then(Locale::parse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_manifest_parses() {
        let text = include_str!("../../../corpus/docrules.toml");
        let manifest = Manifest::parse(text).unwrap();
        assert_eq!(manifest.krate.name, "azure-backup-rules");
        assert_eq!(manifest.source_locale().unwrap().as_str(), "en-US");
    }

    #[test]
    fn unknown_keys_name_their_line() {
        let err = Manifest::parse("[crate]\nname = \"x\"\n\n[corpus]\nsource_locle = \"en\"\n")
            .unwrap_err();
        assert_eq!(err.span.unwrap().line, 5);
        assert!(err.message.contains("source_locle"), "{}", err.message);
    }

    #[test]
    fn suppressions_need_a_reason_and_a_target() {
        let ok = "[[suppress]]\ncode = \"stale-fact\"\npath = \"a.md\"\nreason = \"pending\"\n";
        assert_eq!(Manifest::parse(ok).unwrap().suppress.len(), 1);
        let err = Manifest::parse(
            "[[suppress]]\ncode = \"stale-fact\"\npath = \"a.md\"\nreason = \"\"\n",
        )
        .unwrap_err();
        assert!(err.message.contains("reason"), "{err}");
        assert!(Manifest::parse("[[suppress]]\ncode = \"x\"\nreason = \"r\"\n").is_err());
        assert!(
            Manifest::parse("[[suppress]]\ncode = \"x\"\npath = \"a\"\n").is_err(),
            "reason is required"
        );
    }

    #[test]
    fn layouts_and_sources() {
        let preset = Manifest::parse("[corpus]\nlayout = \"docusaurus\"\n").unwrap();
        assert_eq!(preset.layout(), Some(Layout::Docusaurus));
        let sources = Manifest::parse(
            "[[source]]\nlocale = \"en-us\"\ninclude = [\"articles/**/*.md\"]\n\n[[source]]\nroot = \"../docs.{locale}\"\n",
        )
        .unwrap();
        assert_eq!(sources.layout(), Some(Layout::Sources));
        assert_eq!(sources.sources[1].get_ref().include, ["**/*.md"]);
        assert_eq!(Manifest::default().layout(), None);

        let both = "[corpus]\nlayout = \"hugo\"\n\n[[source]]\nlocale = \"en\"\n";
        let err = Manifest::parse(both).unwrap_err();
        assert_eq!(err.span.unwrap().line, 4, "{err}");
        let no_locale = Manifest::parse("[[source]]\nroot = \"docs\"\n").unwrap_err();
        assert!(no_locale.message.contains("{locale}"), "{no_locale}");
        let typo = Manifest::parse("[corpus]\nlayout = \"docusaurs\"\n").unwrap_err();
        assert_eq!(typo.span.unwrap().line, 2, "{typo}");
        let git = Manifest::parse(
            "[versions]\nfrom = \"git\"\nsince = \"2019-01-01\"\nmax_per_file = 3\n",
        )
        .unwrap();
        assert_eq!(git.versions.since_date().unwrap().to_string(), "2019-01-01");
        assert_eq!(git.versions.max_per_file, Some(3));
        assert!(Manifest::parse("[versions]\nfrom = \"git\"\nsince = \"1/1/2019\"\n").is_err());
        assert!(Manifest::parse("[versions]\nfrom = \"git\"\nmax_per_file = 0\n").is_err());
        assert!(Manifest::parse("[versions]\nsince = \"2019-01-01\"\n").is_err());
        let git_files = "[corpus]\nlayout = \"files\"\n[versions]\nfrom = \"git\"\n";
        assert!(Manifest::parse(git_files).is_err());
        let worktree_files = "[corpus]\nlayout = \"files\"\n[versions]\nfrom = \"worktree\"\n";
        assert!(Manifest::parse(worktree_files).is_err());
    }

    #[test]
    fn bad_locale_is_refused() {
        assert!(Manifest::parse("[corpus]\nsource_locale = \"english\"\n").is_err());
    }
}
