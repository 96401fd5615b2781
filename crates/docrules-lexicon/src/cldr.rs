//! The generated part of the lexicons: `data/cldr/<tag>.cldr.toml`, written by `cargo xtask
//! lexicon` from CLDR (Unicode License v3, `data/cldr/LICENSE-CLDR.txt`). A file holds what
//! CLDR knows of a locale: its duration unit words, its number symbols and its percent words.

use serde::Deserialize;
use std::collections::HashMap;

use docrules_model::fact::TimeUnit;

use crate::LexiconError;
use crate::facts::FactWords;

/// The generated files, by language tag (as `xtask/src/lexicon/mod.rs` lists them).
pub(crate) const SOURCES: &[(&str, &str)] = &[
    ("ar", include_str!("../data/cldr/ar.cldr.toml")),
    ("bg", include_str!("../data/cldr/bg.cldr.toml")),
    ("ca", include_str!("../data/cldr/ca.cldr.toml")),
    ("cs", include_str!("../data/cldr/cs.cldr.toml")),
    ("da", include_str!("../data/cldr/da.cldr.toml")),
    ("de", include_str!("../data/cldr/de.cldr.toml")),
    ("el", include_str!("../data/cldr/el.cldr.toml")),
    ("en", include_str!("../data/cldr/en.cldr.toml")),
    ("es", include_str!("../data/cldr/es.cldr.toml")),
    ("et", include_str!("../data/cldr/et.cldr.toml")),
    ("fi", include_str!("../data/cldr/fi.cldr.toml")),
    ("fr", include_str!("../data/cldr/fr.cldr.toml")),
    ("he", include_str!("../data/cldr/he.cldr.toml")),
    ("hi", include_str!("../data/cldr/hi.cldr.toml")),
    ("hr", include_str!("../data/cldr/hr.cldr.toml")),
    ("hu", include_str!("../data/cldr/hu.cldr.toml")),
    ("id", include_str!("../data/cldr/id.cldr.toml")),
    ("it", include_str!("../data/cldr/it.cldr.toml")),
    ("ja", include_str!("../data/cldr/ja.cldr.toml")),
    ("ko", include_str!("../data/cldr/ko.cldr.toml")),
    ("lt", include_str!("../data/cldr/lt.cldr.toml")),
    ("lv", include_str!("../data/cldr/lv.cldr.toml")),
    ("ms", include_str!("../data/cldr/ms.cldr.toml")),
    ("nb", include_str!("../data/cldr/nb.cldr.toml")),
    ("nl", include_str!("../data/cldr/nl.cldr.toml")),
    ("pl", include_str!("../data/cldr/pl.cldr.toml")),
    ("pt", include_str!("../data/cldr/pt.cldr.toml")),
    ("ro", include_str!("../data/cldr/ro.cldr.toml")),
    ("ru", include_str!("../data/cldr/ru.cldr.toml")),
    ("sk", include_str!("../data/cldr/sk.cldr.toml")),
    ("sl", include_str!("../data/cldr/sl.cldr.toml")),
    ("sr", include_str!("../data/cldr/sr.cldr.toml")),
    ("sv", include_str!("../data/cldr/sv.cldr.toml")),
    ("th", include_str!("../data/cldr/th.cldr.toml")),
    ("tr", include_str!("../data/cldr/tr.cldr.toml")),
    ("uk", include_str!("../data/cldr/uk.cldr.toml")),
    ("vi", include_str!("../data/cldr/vi.cldr.toml")),
    ("zh-HK", include_str!("../data/cldr/zh-HK.cldr.toml")),
    ("zh-Hans", include_str!("../data/cldr/zh-Hans.cldr.toml")),
    ("zh-Hant", include_str!("../data/cldr/zh-Hant.cldr.toml")),
];

/// The words of one generated file.
pub(crate) fn read(tag: &'static str, text: &str) -> Result<FactWords, LexiconError> {
    let file: CldrFile = crate::parse_file(tag, text, |f: &CldrFile| &f.language)?;
    if !file.unit_after_number {
        return Err(LexiconError::Unsupported {
            tag,
            reason: "unit words before the number are not read",
        });
    }
    let n = file.numbers;
    let Some(format) = NumberFormat::from_symbols(&n.decimal, &n.group) else {
        return Err(LexiconError::Unsupported {
            tag,
            reason: "decimal and group symbols must be one character each",
        });
    };
    let mut percent_before = n.percent_words_before;
    if n.percent_before {
        // The signs `universal.toml` reads after the number, here before it too (`%5`).
        percent_before.extend(["%".to_owned(), "％".to_owned()]);
    }
    let mut fused: Vec<(String, TimeUnit, u8)> = file
        .fused_durations
        .into_iter()
        .map(|(word, f)| (word, f.unit, f.amount))
        .collect();
    fused.sort();
    Ok(FactWords {
        duration_units: file.duration_units,
        narrow_units: file.duration_units_narrow,
        fused,
        percent_before,
        percent_after: n.percent,
        per_units: file.per_units,
        per_units_before: file.per_units_before,
        format: Some(format),
        ..FactWords::default()
    })
}

/// One generated file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CldrFile {
    pub language: String,
    /// Every unit word of the listed locales follows the number; a file where one does not
    /// would need a reader for units before the number, so it does not load.
    pub unit_after_number: bool,
    #[serde(default)]
    pub duration_units: HashMap<TimeUnit, Vec<String>>,
    /// One-letter forms (`u`, `a`, `η`), which are also words of their own.
    #[serde(default)]
    pub duration_units_narrow: HashMap<TimeUnit, Vec<String>>,
    /// Words that carry their count (`ساعتان`, two hours).
    #[serde(default)]
    pub fused_durations: HashMap<String, Fused>,
    /// "Per unit" words after the number (`per second`, `/秒`): CLDR's `perUnitPattern`.
    #[serde(default)]
    pub per_units: HashMap<TimeUnit, Vec<String>>,
    /// And before it (`초당`, `每秒`).
    #[serde(default)]
    pub per_units_before: HashMap<TimeUnit, Vec<String>>,
    pub numbers: CldrNumbers,
}

/// A fused form's unit and count.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Fused {
    pub unit: TimeUnit,
    pub amount: u8,
}

/// The `[numbers]` section of a generated file. The patterns and numbering systems are kept
/// for the reader of the file; only the symbols and the percent words are read.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub(crate) struct CldrNumbers {
    pub numbering_system: String,
    pub decimal: String,
    pub group: String,
    pub minimum_grouping_digits: u32,
    pub decimal_pattern: String,
    pub percent_pattern: String,
    /// The sign comes before the number (`%5`, Turkish).
    pub percent_before: bool,
    /// Percent words after the number (`procent`).
    #[serde(default)]
    pub percent: Vec<String>,
    /// Percent words before the number (`yüzde`).
    #[serde(default)]
    pub percent_words_before: Vec<String>,
    #[serde(default)]
    pub native_numbering_system: Option<String>,
    #[serde(default)]
    pub native_digits: Option<String>,
    #[serde(default)]
    pub native_decimal: Option<String>,
    #[serde(default)]
    pub native_group: Option<String>,
}

/// How a locale writes the digits of a number: its decimal and group symbols (CLDR
/// `symbols-numberSystem-latn`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberFormat {
    /// `.` or `,` (or `٫`).
    pub decimal: char,
    /// `,`, `.`, U+00A0, U+202F, `’`, …
    pub group: char,
}

impl Default for NumberFormat {
    /// English: `1,234.5`.
    fn default() -> Self {
        NumberFormat {
            decimal: '.',
            group: ',',
        }
    }
}

impl NumberFormat {
    /// From the generated symbols, each one character.
    pub(crate) fn from_symbols(decimal: &str, group: &str) -> Option<NumberFormat> {
        let one = |s: &str| {
            let mut chars = s.chars();
            chars.next().filter(|_| chars.next().is_none())
        };
        Some(NumberFormat {
            decimal: one(decimal)?,
            group: one(group)?,
        })
    }

    /// Whether `,` is the decimal mark.
    pub fn decimal_comma(&self) -> bool {
        self.decimal == ','
    }

    /// Whether `c` is the decimal mark (or its full-width form).
    pub fn is_decimal(&self, c: char) -> bool {
        c == self.decimal || Some(c) == full_width(self.decimal)
    }

    /// Whether `c` groups thousands. Besides the locale's own symbol (and its full-width form),
    /// a decimal-comma locale is read with `.` and every space as groups too: documents type
    /// `60.000`, `60 000`, `60 000` and `60 000` interchangeably, and a space between digits
    /// there is not a list separator.
    pub fn is_group(&self, c: char) -> bool {
        if c == self.decimal {
            return false;
        }
        c == self.group
            || Some(c) == full_width(self.group)
            || (self.decimal_comma() && matches!(c, '.' | ' ' | '\u{a0}' | '\u{202f}'))
    }
}

fn full_width(c: char) -> Option<char> {
    match c {
        ',' => Some('，'),
        '.' => Some('．'),
        _ => None,
    }
}
