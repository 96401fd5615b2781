//! Per-language word lists, held as data in `crates/docrules-lexicon/data/*.toml` and compiled
//! into the binary.
//!
//! Adding a language or a synonym is a data change: add a file (and list it in `SOURCES` in
//! `src/lib.rs`) or a word, never an `if` in the code.
#![warn(missing_docs)]

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

use docrules_model::document::ColumnRole;
use docrules_model::fact::{Comparator, TimeUnit};
use docrules_model::locale::Locale;

mod facts;

use facts::FactWords;
pub use facts::{FactLexicon, Words};

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
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    language: String,
    #[serde(default)]
    column_roles: HashMap<ColumnRole, Vec<String>>,
    #[serde(default)]
    duration_units: HashMap<TimeUnit, Vec<String>>,
    #[serde(default)]
    comparators: HashMap<Comparator, facts::ComparatorWords>,
    #[serde(default)]
    numbers: facts::NumberWords,
    #[serde(default)]
    periods: HashMap<TimeUnit, Vec<String>>,
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
        LEXICONS.get_or_init(|| match Lexicons::parse(SOURCES) {
            Ok(lexicons) => lexicons,
            // The data is part of the program and a unit test parses it: this is a build defect.
            Err(err) => panic!("built-in lexicon is invalid: {err}"),
        })
    }

    fn parse(sources: &[(&'static str, &str)]) -> Result<Lexicons, LexiconError> {
        let mut column_roles: HashMap<String, Vec<(ColumnRole, &'static str)>> = HashMap::new();
        let mut fact_words: Vec<(&'static str, FactWords)> = Vec::new();
        for &(tag, text) in sources {
            let file: LexiconFile = toml::from_str(text).map_err(|e| LexiconError::Invalid {
                tag,
                reason: e.to_string(),
            })?;
            fact_words.push((
                tag,
                FactWords {
                    duration_units: file.duration_units,
                    comparators: file.comparators,
                    numbers: file.numbers,
                    periods: file.periods,
                },
            ));
            if file.language != tag {
                return Err(LexiconError::Language {
                    tag,
                    declared: file.language,
                });
            }
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
        let find = |tag: &str| fact_words.iter().find(|(t, _)| *t == tag).map(|(_, w)| w);
        let (Some(english), Some(universal)) = (find("en"), find("universal")) else {
            return Err(LexiconError::Missing);
        };
        let facts = fact_words
            .iter()
            .filter(|(tag, _)| *tag != "universal")
            .map(|(tag, words)| {
                let merged = if *tag == "en" {
                    FactLexicon::merge([words, universal])
                } else {
                    FactLexicon::merge([words, english, universal])
                };
                (*tag, merged)
            })
            .collect();
        let fallback = FactLexicon::merge([english, universal]);
        Ok(Lexicons {
            column_roles,
            facts,
            fallback,
        })
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
        let own = locale.map(lexicon_tag);
        let Some(entries) = self.column_roles.get(&fold(header)) else {
            return RoleMatch {
                role: ColumnRole::Other,
                language: None,
            };
        };
        let &(role, language) = entries
            .iter()
            .find(|(_, lang)| Some(*lang) == own)
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

/// The lexicon a locale reads: Chinese by script (explicit, or implied by the region), any other
/// language by its language subtag.
pub fn lexicon_tag(locale: &Locale) -> &'static str {
    let language = locale.language();
    if language == "zh" {
        let traditional = match locale.script() {
            Some(script) => script == "Hant",
            None => matches!(locale.region(), Some("TW" | "HK" | "MO")),
        };
        return if traditional { "zh-Hant" } else { "zh-Hans" };
    }
    SOURCES
        .iter()
        .map(|&(tag, _)| tag)
        .find(|&tag| tag == language && tag != "universal")
        .unwrap_or("")
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
        Lexicons::parse(SOURCES).unwrap();
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
        assert_eq!(tag("xx-YY"), "");
    }
}
