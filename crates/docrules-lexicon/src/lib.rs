//! Per-language word lists, held as data and compiled into the binary: the hand-written
//! `crates/docrules-lexicon/data/*.toml` (comparators, range words, alternatives, labels,
//! column roles: what CLDR lacks) over the generated `data/cldr/*.cldr.toml` (unit words,
//! number symbols, percent words, from CLDR by `cargo xtask lexicon`).
//!
//! Adding a language or a synonym is a data change: add a file (and list it in `SOURCES` in
//! `src/lib.rs`) or a word, never an `if` in the code. A locale CLDR knows and no hand-written
//! file covers still reads units and numbers ([`Lexicons::cldr_only`]).
#![warn(missing_docs)]

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

use docrules_model::document::ColumnRole;
use docrules_model::fact::{Comparator, TimeUnit};
use docrules_model::locale::Locale;

mod cldr;

/// A lexicon file (hand-written or generated) read as `T`, which must declare `tag` as its
/// language.
fn parse_file<T: serde::de::DeserializeOwned>(
    tag: &'static str,
    text: &str,
    language: impl Fn(&T) -> &String,
) -> Result<T, LexiconError> {
    let file: T = toml::from_str(text).map_err(|e| LexiconError::Invalid {
        tag,
        reason: e.to_string(),
    })?;
    let declared = language(&file);
    if declared != tag {
        return Err(LexiconError::Language {
            tag,
            declared: declared.clone(),
        });
    }
    Ok(file)
}
mod facts;
mod words;

pub use cldr::NumberFormat;
use facts::FactWords;
pub use facts::{FactLexicon, RangeFrame};
pub use words::Words;

/// The lexicon files, by language tag. Tags are languages, or `zh-Hans` / `zh-Hant`.
const SOURCES: &[(&str, &str)] = &[
    ("universal", include_str!("../data/universal.toml")),
    ("de", include_str!("../data/de.toml")),
    ("en", include_str!("../data/en.toml")),
    ("es", include_str!("../data/es.toml")),
    ("fr", include_str!("../data/fr.toml")),
    ("it", include_str!("../data/it.toml")),
    ("ja", include_str!("../data/ja.toml")),
    ("ko", include_str!("../data/ko.toml")),
    ("pt", include_str!("../data/pt.toml")),
    ("ru", include_str!("../data/ru.toml")),
    ("zh-Hans", include_str!("../data/zh-Hans.toml")),
    ("zh-Hant", include_str!("../data/zh-Hant.toml")),
    ("nl", include_str!("../data/nl.toml")),
    ("tr", include_str!("../data/tr.toml")),
    ("pl", include_str!("../data/pl.toml")),
    ("sv", include_str!("../data/sv.toml")),
    ("cs", include_str!("../data/cs.toml")),
    ("hu", include_str!("../data/hu.toml")),
    ("da", include_str!("../data/da.toml")),
    ("nb", include_str!("../data/nb.toml")),
    ("fi", include_str!("../data/fi.toml")),
    ("id", include_str!("../data/id.toml")),
    ("zh-HK", include_str!("../data/zh-HK.toml")),
];

/// A lexicon that extends another: its words first, then its parent's (Hong Kong Chinese reads
/// the Traditional Chinese words too).
const PARENTS: &[(&str, &str)] = &[("zh-HK", "zh-Hant")];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    language: String,
    #[serde(default)]
    column_roles: HashMap<ColumnRole, Vec<String>>,
    #[serde(default)]
    duration_units: HashMap<TimeUnit, Vec<String>>,
    /// Forms read and never written back (cases CLDR lacks).
    #[serde(default)]
    duration_forms: HashMap<TimeUnit, Vec<String>>,
    #[serde(default)]
    comparators: HashMap<Comparator, facts::ComparatorWords>,
    #[serde(default)]
    numbers: facts::NumberWords,
    #[serde(default)]
    periods: HashMap<TimeUnit, Vec<String>>,
    /// "Per unit" words CLDR lacks (`秒あたり`), after the number.
    #[serde(default)]
    per_units: HashMap<TimeUnit, Vec<String>>,
    /// And before it (`毎秒`).
    #[serde(default)]
    per_units_before: HashMap<TimeUnit, Vec<String>>,
}

/// A lexicon file that does not load: a defect of the data compiled into the program.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The file is not valid TOML of the lexicon's shape.
    #[error("lexicon/{tag}.toml: {reason}")]
    Invalid {
        /// The file's language tag.
        tag: &'static str,
        /// What the TOML parser said.
        reason: String,
    },
    /// The file declares another language than its name.
    #[error("lexicon/{tag}.toml declares language {declared:?}")]
    Language {
        /// The file's language tag.
        tag: &'static str,
        /// What it declares.
        declared: String,
    },
    /// English or the universal marks are missing.
    #[error("lexicon/en.toml and lexicon/universal.toml are required")]
    Missing,
    /// A generated file the loader cannot read as its generator meant it.
    #[error("lexicon/cldr/{tag}.cldr.toml: {reason}")]
    Unsupported {
        /// The file's language tag.
        tag: &'static str,
        /// What is not supported.
        reason: &'static str,
    },
}

/// All lexicons, indexed for lookup.
#[derive(Debug)]
pub struct Lexicons {
    /// Folded header text → (role, language tag) for every language that lists it.
    column_roles: HashMap<String, Vec<(ColumnRole, &'static str)>>,
    /// Per language tag: its words merged with English and the universal marks.
    facts: HashMap<&'static str, FactLexicon>,
    /// For a locale no lexicon knows: English and the universal marks.
    fallback: FactLexicon,
    /// Tags with a generated file and no hand-written one (theirs or a parent's).
    cldr_only: Vec<&'static str>,
    /// The words of numeric error IDs in every language.
    error_ids: ErrorIdWords,
}

/// The words around numeric error IDs, of every language at once: rows are matched across
/// translations by their IDs, so a label is read wherever it occurs (an untranslated
/// `Error 40615` in a Korean article, `Fehler 40615` in a German one).
#[derive(Debug, Default)]
pub struct ErrorIdWords {
    /// Labels before an ID (`Error`, `Fehler`, `Ошибка`, `Id.`), longest first.
    pub before: Vec<String>,
    /// Labels after an ID (`오류`, `hataları`), longest first.
    pub after: Vec<String>,
    /// Words between two IDs of a list (`or`, `ou`, `and`, `및`, `ve`), longest first.
    pub between: Vec<String>,
}

/// A header's role and the language whose lexicon recognized it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleMatch {
    /// What the column holds.
    pub role: ColumnRole,
    /// `None` when no lexicon knows the header (role [`ColumnRole::Other`]).
    pub language: Option<&'static str>,
}

impl Lexicons {
    /// The lexicons compiled into the binary, parsed once.
    pub fn get() -> &'static Lexicons {
        static LEXICONS: OnceLock<Lexicons> = OnceLock::new();
        LEXICONS.get_or_init(|| match Lexicons::parse(SOURCES, cldr::SOURCES) {
            Ok(lexicons) => lexicons,
            // The data is part of the program and a unit test parses it: this is a build defect.
            Err(err) => panic!("built-in lexicon is invalid: {err}"),
        })
    }

    fn parse(
        sources: &[(&'static str, &str)],
        generated: &[(&'static str, &str)],
    ) -> Result<Lexicons, LexiconError> {
        let mut column_roles: HashMap<String, Vec<(ColumnRole, &'static str)>> = HashMap::new();
        let mut hand: HashMap<&'static str, FactWords> = HashMap::new();
        let mut error_ids = ErrorIdWords::default();
        for &(tag, text) in sources {
            let file: LexiconFile = parse_file(tag, text, |f: &LexiconFile| &f.language)?;
            let [before, after, conjunctions] = file.numbers.error_id_words();
            error_ids.before.extend_from_slice(before);
            error_ids.after.extend_from_slice(after);
            error_ids.between.extend_from_slice(conjunctions);
            error_ids
                .between
                .extend_from_slice(file.numbers.alternative_words());
            hand.insert(
                tag,
                FactWords {
                    duration_units: file.duration_units,
                    duration_forms: file.duration_forms,
                    comparators: file.comparators,
                    numbers: file.numbers,
                    periods: file.periods,
                    per_units: file.per_units,
                    per_units_before: file.per_units_before,
                    writes_units: true,
                    ..FactWords::default()
                },
            );
            for (role, words) in file.column_roles {
                for word in words {
                    column_roles
                        .entry(fold(&word))
                        .or_default()
                        .push((role, tag));
                }
            }
        }
        for entries in column_roles.values_mut() {
            entries.sort();
        }
        for words in [
            &mut error_ids.before,
            &mut error_ids.after,
            &mut error_ids.between,
        ] {
            words.retain(|w| !w.trim().is_empty());
            words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
            words.dedup();
        }
        let mut cldr: HashMap<&'static str, FactWords> = HashMap::new();
        for &(tag, text) in generated {
            cldr.insert(tag, cldr::read(tag, text)?);
        }
        let (Some(english), Some(universal)) = (hand.get("en"), hand.get("universal")) else {
            return Err(LexiconError::Missing);
        };
        let english_cldr = cldr.get("en");
        let mut tags: Vec<&'static str> = hand
            .keys()
            .chain(cldr.keys())
            .copied()
            .filter(|t| *t != "universal")
            .collect();
        tags.sort_unstable();
        tags.dedup();
        let mut facts = HashMap::new();
        let mut cldr_only = Vec::new();
        for &tag in &tags {
            let mut files: Vec<&FactWords> = Vec::new();
            for t in lineage(tag) {
                files.extend(hand.get(t));
                files.extend(cldr.get(t));
            }
            if !lineage(tag).any(|t| hand.contains_key(t)) {
                cldr_only.push(tag);
            }
            if tag != "en" {
                files.push(english);
                files.extend(english_cldr);
            }
            files.push(universal);
            facts.insert(tag, FactLexicon::merge(files));
        }
        let fallback =
            FactLexicon::merge([english].into_iter().chain(english_cldr).chain([universal]));
        Ok(Lexicons {
            column_roles,
            facts,
            fallback,
            cldr_only,
            error_ids,
        })
    }

    /// The language tags whose lexicon is CLDR's alone: units, numbers and percent words, and no
    /// hand-written comparators, range words or column roles (`vi`, `ar`, …).
    pub fn cldr_only(&self) -> &[&'static str] {
        &self.cldr_only
    }

    /// The words around numeric error IDs, of all languages.
    pub fn error_ids(&self) -> &ErrorIdWords {
        &self.error_ids
    }

    /// The words for reading numbers in a locale's text.
    pub fn facts(&self, locale: Option<&Locale>) -> &FactLexicon {
        locale
            .map(lexicon_tag)
            .and_then(|tag| self.facts.get(tag))
            .unwrap_or(&self.fallback)
    }

    /// The role of a column from its header text. The document's own language wins when several
    /// languages list the header, then English; a header in another language (an untranslated
    /// `Error`) still counts.
    ///
    /// Headers are compared after [`fold`]ing, so case, full-width forms, spaces, markup
    /// characters and trailing colons do not matter.
    ///
    /// ```
    /// use docrules_lexicon::Lexicons;
    /// use docrules_model::document::ColumnRole;
    /// use docrules_model::locale::Locale;
    ///
    /// let ja = Locale::parse("ja-JP");
    /// let found = Lexicons::get().column_role("推奨される操作", ja.as_ref());
    /// assert_eq!((found.role, found.language), (ColumnRole::Action, Some("ja")));
    ///
    /// // An untranslated English header in a Japanese table.
    /// let found = Lexicons::get().column_role("**Error code:**", ja.as_ref());
    /// assert_eq!((found.role, found.language), (ColumnRole::ErrorCode, Some("en")));
    ///
    /// let found = Lexicons::get().column_role("備考", ja.as_ref());
    /// assert_eq!((found.role, found.language), (ColumnRole::Other, None));
    /// ```
    pub fn column_role(&self, header: &str, locale: Option<&Locale>) -> RoleMatch {
        let own = locale.map(lexicon_tag).unwrap_or("");
        let Some(entries) = self.column_roles.get(&fold(header)) else {
            return RoleMatch {
                role: ColumnRole::Other,
                language: None,
            };
        };
        let &(role, language) = entries
            .iter()
            .find(|(_, lang)| lineage(own).any(|t| t == *lang))
            // Untranslated text is most often the English source.
            .or_else(|| entries.iter().find(|(_, lang)| *lang == "en"))
            .or_else(|| entries.first())
            .unwrap_or(&(ColumnRole::Other, ""));
        RoleMatch {
            role,
            language: Some(language).filter(|l| !l.is_empty()),
        }
    }
}

/// The lexicon a locale reads: Chinese by script (explicit, or implied by the region), Hong
/// Kong Chinese its own (over Traditional), any other language by its language subtag; `""`
/// for a language no lexicon knows.
pub fn lexicon_tag(locale: &Locale) -> &'static str {
    let language = locale.language();
    if language == "zh" {
        if locale.region() == Some("HK") && locale.script() != Some("Hans") {
            return "zh-HK";
        }
        let traditional = match locale.script() {
            Some(script) => script == "Hant",
            None => matches!(locale.region(), Some("TW" | "MO")),
        };
        return if traditional { "zh-Hant" } else { "zh-Hans" };
    }
    SOURCES
        .iter()
        .chain(cldr::SOURCES)
        .map(|&(tag, _)| tag)
        .find(|&tag| tag == language && tag != "universal")
        .unwrap_or("")
}

/// A tag and the tags it extends, nearest first.
fn lineage(tag: &'static str) -> impl Iterator<Item = &'static str> {
    std::iter::successors(Some(tag), |t| {
        PARENTS
            .iter()
            .find(|(child, _)| child == t)
            .map(|(_, parent)| *parent)
    })
}

/// Case, width and whitespace folding for comparing short labels: `エラー メッセージ`,
/// `エラーメッセージ` and `ｴﾗｰ` differ only in ways a header match should ignore; trailing
/// colons and surrounding markup characters are dropped.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(fold_width)
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '_' | '`'))
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .trim_end_matches([':', '：', '.', '。'])
        .to_owned()
}

/// Full-width ASCII forms (U+FF01–U+FF5E) to ASCII, the ideographic space to a space.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(header: &str, locale: &str) -> ColumnRole {
        Lexicons::get()
            .column_role(header, Locale::parse(locale).as_ref())
            .role
    }

    #[test]
    fn built_in_lexicons_parse() {
        Lexicons::parse(SOURCES, cldr::SOURCES).unwrap();
    }

    #[test]
    fn every_generated_file_is_listed() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/cldr");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|n| n.strip_suffix(".cldr.toml").map(str::to_owned))
            .collect();
        on_disk.sort();
        let listed: Vec<&str> = cldr::SOURCES.iter().map(|(t, _)| *t).collect();
        assert_eq!(on_disk, listed);
    }

    #[test]
    fn locales_on_cldr_alone() {
        let only = Lexicons::get().cldr_only();
        for tag in ["vi", "ar", "he", "sk", "uk"] {
            assert!(only.contains(&tag), "{tag}");
        }
        // A hand-written file of its own, or of its parent (zh-HK reads zh-Hant).
        for tag in ["en", "ja", "de", "zh-HK", "zh-Hant"] {
            assert!(!only.contains(&tag), "{tag}");
        }
    }

    #[test]
    fn number_symbols_from_cldr() {
        let format = |l: &str| Lexicons::get().facts(Locale::parse(l).as_ref()).format;
        assert_eq!(
            format("de-DE"),
            NumberFormat {
                decimal: ',',
                group: '.'
            }
        );
        assert_eq!(format("fr-FR").group, '\u{202f}');
        assert_eq!(format("pl-PL").group, '\u{a0}');
        assert_eq!(format("ja-JP"), NumberFormat::default());
        assert_eq!(format("xx-YY"), NumberFormat::default());
        let vi = Lexicons::get().facts(Locale::parse("vi-VN").as_ref());
        assert!(vi.decimal_comma);
    }

    #[test]
    fn seed_headers() {
        use ColumnRole::*;
        let cases = [
            ("原因", "ja-JP", Cause),
            ("考えられる原因", "ja-JP", Cause),
            ("可能的原因", "zh-TW", Cause),
            ("推奨アクション", "ja-JP", Action),
            ("推奨される操作", "ja-JP", Action),
            ("建議動作", "zh-TW", Action),
            ("建議的動作", "zh-TW", Action),
            ("対処法", "ja-JP", Action),
            ("エラー", "ja-JP", Error),
            ("Error", "ja-JP", Error),
            ("錯誤詳細資料", "zh-TW", Error),
            ("Operation", "ja-JP", Operation),
            ("エラー メッセージ", "ja-JP", Error),
            ("エラーの詳細", "ja-JP", Error),
            ("**Possible causes**", "en-US", Cause),
            ("Ursache", "de-DE", Cause),
            ("Action recommandée", "fr-FR", Action),
            ("권장 작업", "ko-KR", Action),
            ("可能的原因", "zh-CN", Cause),
            ("建议的操作", "zh-CN", Action),
            ("错误代码", "zh-CN", ErrorCode),
            ("Error code:", "en", ErrorCode),
            ("Ｅｒｒｏｒ", "ja-JP", Error),
        ];
        for (header, locale, expected) in cases {
            assert_eq!(role(header, locale), expected, "{header} ({locale})");
        }
    }

    #[test]
    fn unknown_headers_are_other() {
        for header in ["", "Notes", "備考", "\u{202e}", "|||"] {
            assert_eq!(role(header, "ja-JP"), ColumnRole::Other, "{header}");
        }
    }

    #[test]
    fn own_language_wins_and_foreign_match_is_named() {
        let ja = Lexicons::get().column_role("Error", Locale::parse("ja-JP").as_ref());
        assert_eq!(ja.language, Some("en"));
        // `操作` is an operation in Chinese; in Japanese the same word is listed as operation too,
        // and the document's language is the one reported.
        let zh = Lexicons::get().column_role("操作", Locale::parse("zh-CN").as_ref());
        assert_eq!(
            (zh.role, zh.language),
            (ColumnRole::Operation, Some("zh-Hans"))
        );
    }

    #[test]
    fn chinese_lexicon_by_script_or_region() {
        let tag = |l: &str| lexicon_tag(&Locale::parse(l).unwrap());
        assert_eq!(tag("zh-TW"), "zh-Hant");
        assert_eq!(tag("zh-Hant"), "zh-Hant");
        assert_eq!(tag("zh-CN"), "zh-Hans");
        assert_eq!(tag("zh"), "zh-Hans");
        assert_eq!(tag("ja-JP"), "ja");
        assert_eq!(tag("zh-HK"), "zh-HK");
        assert_eq!(tag("zh-Hans-HK"), "zh-Hans");
        assert_eq!(tag("vi-VN"), "vi");
        assert_eq!(tag("xx-YY"), "");
    }
}
