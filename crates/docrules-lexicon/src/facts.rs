//! The words around numbers, per language: units, comparators, range marks, alternatives,
//! counters, counted nouns, port and version words. Merged per language with English (often left
//! untranslated) and the universal marks (`%`, `～`).

use serde::Deserialize;
use std::collections::HashMap;

use docrules_model::fact::{Comparator, TimeUnit};

use crate::cldr::NumberFormat;
use crate::words::Words;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparatorWords {
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
}

/// Words around a range whose middle word also means "and" (`between 5 and 10`, `5 és 10
/// között`): the middle joins a range only with the opening word before the first number or,
/// when the frame has none, the closing word after the second.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameWords {
    #[serde(default)]
    open: Vec<String>,
    middle: Vec<String>,
    #[serde(default)]
    close: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberWords {
    #[serde(default)]
    alternatives: Vec<String>,
    #[serde(default)]
    range_frames: Vec<FrameWords>,
    #[serde(default)]
    range_marks: Vec<String>,
    #[serde(default)]
    range_ends: Vec<String>,
    #[serde(default)]
    percent: Vec<String>,
    #[serde(default)]
    counters: Vec<String>,
    #[serde(default)]
    count_nouns: Vec<String>,
    #[serde(default)]
    noun_links: Vec<String>,
    #[serde(default)]
    port_before: Vec<String>,
    #[serde(default)]
    port_after: Vec<String>,
    #[serde(default)]
    port_protocols: Vec<String>,
    #[serde(default)]
    minimum_before: Vec<String>,
    #[serde(default)]
    minimum_after: Vec<String>,
    #[serde(default)]
    words: HashMap<String, u64>,
    #[serde(default)]
    kanji: bool,
    #[serde(default)]
    not_numbers: Vec<String>,
    #[serde(default)]
    error_code_labels: Vec<String>,
    /// Labels before a numeric error ID (`Fehler`, `Ошибка`, `Id.`), case as written.
    #[serde(default)]
    error_id_before: Vec<String>,
    /// Labels after one (`40615 오류`, `40615 hataları`).
    #[serde(default)]
    error_id_after: Vec<String>,
    /// Words joining the items of a list ("and"): `40914 ve 40615`.
    #[serde(default)]
    conjunctions: Vec<String>,
}

impl NumberWords {
    /// Labels before and after a numeric error ID, and conjunctions.
    pub(crate) fn error_id_words(&self) -> [&[String]; 3] {
        [
            &self.error_id_before,
            &self.error_id_after,
            &self.conjunctions,
        ]
    }

    /// Words between alternatives (`or`).
    pub(crate) fn alternative_words(&self) -> &[String] {
        &self.alternatives
    }
}

/// The fact-related sections of one lexicon file, hand-written or generated.
#[derive(Debug, Default)]
pub struct FactWords {
    /// Unit words; in a hand-written file the first of a unit is how it is written back.
    pub duration_units: HashMap<TimeUnit, Vec<String>>,
    /// Unit forms only read, never written back (`saatten`, `órán`: cases CLDR lacks).
    pub duration_forms: HashMap<TimeUnit, Vec<String>>,
    /// One-letter unit forms (`u`, `t`), read only when written onto the digits (`48u`).
    pub narrow_units: HashMap<TimeUnit, Vec<String>>,
    /// Words that carry their count: (word, unit, count).
    pub fused: Vec<(String, TimeUnit, u8)>,
    pub comparators: HashMap<Comparator, ComparatorWords>,
    pub numbers: NumberWords,
    /// Percent signs and words written before the number (`%`, `yüzde` in Turkish).
    pub percent_before: Vec<String>,
    /// Extra percent words after the number (CLDR's `procent`).
    pub percent_after: Vec<String>,
    pub periods: HashMap<TimeUnit, Vec<String>>,
    /// "Per unit" words after a number (`per second`, `/秒`) and before it (`초당`).
    pub per_units: HashMap<TimeUnit, Vec<String>>,
    pub per_units_before: HashMap<TimeUnit, Vec<String>>,
    /// The decimal and group symbols, when the file knows them (CLDR does).
    pub format: Option<NumberFormat>,
    /// Hand-written: its unit words are the ones a duration is written back with.
    pub writes_units: bool,
}

/// A range frame of one language (see [`FrameWords`]): `open` before the first number, `middle`
/// between the two, `close` after the second.
#[derive(Clone, Debug, Default)]
pub struct RangeFrame {
    /// Words before the first number (`between`, `entre un`); empty when `close` decides.
    pub open: Words<()>,
    /// Words between the numbers (`and`, `y un`).
    pub middle: Words<()>,
    /// Words after the second number (`között`, `之間`).
    pub close: Words<()>,
}

/// Everything the extractor needs to read numbers in one language.
#[derive(Clone, Debug, Default)]
pub struct FactLexicon {
    /// Duration units written after a number, and the unit each names (`hours`, `時間`).
    pub units: Words<TimeUnit>,
    /// One-letter units (`u`, `t`, `p`), read only written onto the digits (`48u`): apart
    /// they are words of their own (Spanish `de 1 a 5`, Danish `u` for "un-").
    pub narrow_units: Words<TimeUnit>,
    /// Words that carry their count (`ساعتان`, two hours), with unit and count. Only counts of
    /// two and more: a count of one is the indefinite article (`unei ore`, of an hour).
    pub fused_durations: Words<(TimeUnit, u8)>,
    /// Percent signs and words written before a number (`%5`, `yüzde 5`).
    pub percent_before: Words<()>,
    /// Recurrences (`毎週`, `weekly`) and the period they name.
    pub periods: Words<TimeUnit>,
    /// Words after a number that make it a rate, and the unit it is per (`per second`, `/秒`).
    pub per_after: Words<TimeUnit>,
    /// Words before a number that make it a rate (`초당`, `每秒`).
    pub per_before: Words<TimeUnit>,
    /// Comparators written before a number (`more than`, `最低`).
    pub comparators_before: Words<Comparator>,
    /// Comparators written after a number (`or more`, `以上`).
    pub comparators_after: Words<Comparator>,
    /// Words between alternative numbers (`or`, `または`).
    pub alternatives: Words<()>,
    /// Words joining the items of a list (`and`, `및`).
    pub conjunctions: Words<()>,
    /// Marks between the two ends of a range (`to`, `から`, `-`, `～`).
    pub range_marks: Words<()>,
    /// Words that close a range after its second number (`まで`).
    pub range_ends: Words<()>,
    /// Ranges framed by words that alone mean something else (`between … and`), own language
    /// first.
    pub range_frames: Vec<RangeFrame>,
    /// Percent signs and words written after a number (`%`, `percent`).
    pub percent: Words<()>,
    /// Counter words after a number that make it a count (`個`, `台`).
    pub counters: Words<()>,
    /// Nouns that make the number before them a count (`files`, `マシン`).
    pub count_nouns: Words<()>,
    /// Words between a count and its noun (`の` of `60,000 個のファイル`).
    pub noun_links: Words<()>,
    /// Words before a port number (`port`, `ポート`).
    pub port_before: Words<()>,
    /// Words after a port number (`番ポート`).
    pub port_after: Words<()>,
    /// Protocols whose port is written in parentheses after them (`HTTPS (443)`).
    pub port_protocols: Words<()>,
    /// Words before a version that make it a minimum (`at least`).
    pub minimum_before: Words<()>,
    /// Words after a version that make it a minimum (`or later`, `以降`).
    pub minimum_after: Words<()>,
    /// Spelled-out numbers and their values (`three`, `zwei`).
    pub number_words: Words<u64>,
    /// Words that hold a kanji numeral but are no number (`十分`, `一時`).
    pub not_numbers: Words<()>,
    /// Labels before a symbolic error code (`error code`, `エラー コード`).
    pub error_code_labels: Words<()>,
    /// The own language's unit words in the lexicon's order (the first is the preferred one),
    /// for writing a duration back in the file's language.
    pub own_units: Vec<(TimeUnit, Vec<String>)>,
    /// Read kanji numerals (`二十四時間`).
    pub kanji: bool,
    /// `,` is the decimal mark and `.` groups thousands (German, French, …).
    pub decimal_comma: bool,
    /// The decimal and group symbols (CLDR).
    pub format: NumberFormat,
}

impl FactLexicon {
    /// How this language writes `amount` of `unit`: `10 天`, `10 日間`, `10 days`, `1 day`.
    /// A plural (a longer word starting with the first) is used for amounts other than one.
    pub fn write_duration(&self, amount: f64, unit: TimeUnit, spaced: bool) -> Option<String> {
        let words = &self.own_units.iter().find(|(u, _)| *u == unit)?.1;
        let first = words.first()?;
        let word = if amount == 1.0 {
            first
        } else {
            words
                .iter()
                .find(|w| w.len() > first.len() && w.starts_with(first.as_str()))
                .unwrap_or(first)
        };
        let number = if amount.fract() == 0.0 {
            format!("{amount:.0}")
        } else {
            amount.to_string()
        };
        Some(if spaced {
            format!("{number} {word}")
        } else {
            format!("{number}{word}")
        })
    }

    /// Merges word lists, the first file's words first. The first file decides whether kanji
    /// are read and how durations are written back; the first that knows them, the number
    /// symbols.
    pub(super) fn merge<'a>(files: impl IntoIterator<Item = &'a FactWords>) -> FactLexicon {
        let mut lex = FactLexicon::default();
        let mut format = None;
        for (index, file) in files.into_iter().enumerate() {
            for (unit, words) in file.duration_units.iter().chain(&file.duration_forms) {
                words.iter().for_each(|w| lex.units.push(w, *unit));
            }
            for (unit, words) in &file.narrow_units {
                words.iter().for_each(|w| lex.narrow_units.push(w, *unit));
            }
            for (word, unit, amount) in &file.fused {
                if *amount >= 2 {
                    lex.fused_durations.push(word, (*unit, *amount));
                }
            }
            file.percent_before
                .iter()
                .for_each(|w| lex.percent_before.push(w, ()));
            file.percent_after
                .iter()
                .for_each(|w| lex.percent.push(w, ()));
            format = format.or(file.format);
            for (unit, words) in &file.periods {
                words.iter().for_each(|w| lex.periods.push(w, *unit));
            }
            for (unit, words) in &file.per_units {
                words.iter().for_each(|w| lex.per_after.push(w, *unit));
            }
            for (unit, words) in &file.per_units_before {
                words.iter().for_each(|w| lex.per_before.push(w, *unit));
            }
            for (comparator, words) in &file.comparators {
                words
                    .before
                    .iter()
                    .for_each(|w| lex.comparators_before.push(w, *comparator));
                words
                    .after
                    .iter()
                    .for_each(|w| lex.comparators_after.push(w, *comparator));
            }
            let n = &file.numbers;
            let lists: [(&mut Words<()>, &Vec<String>); 15] = [
                (&mut lex.alternatives, &n.alternatives),
                (&mut lex.conjunctions, &n.conjunctions),
                (&mut lex.range_marks, &n.range_marks),
                (&mut lex.range_ends, &n.range_ends),
                (&mut lex.percent, &n.percent),
                (&mut lex.counters, &n.counters),
                (&mut lex.count_nouns, &n.count_nouns),
                (&mut lex.noun_links, &n.noun_links),
                (&mut lex.port_before, &n.port_before),
                (&mut lex.port_after, &n.port_after),
                (&mut lex.port_protocols, &n.port_protocols),
                (&mut lex.minimum_before, &n.minimum_before),
                (&mut lex.minimum_after, &n.minimum_after),
                (&mut lex.not_numbers, &n.not_numbers),
                (&mut lex.error_code_labels, &n.error_code_labels),
            ];
            for (target, words) in lists {
                words.iter().for_each(|w| target.push(w, ()));
            }
            for (word, value) in &n.words {
                lex.number_words.push(word, *value);
            }
            for frame in &n.range_frames {
                let mut words = RangeFrame::default();
                let parts = [
                    (&mut words.open, &frame.open),
                    (&mut words.middle, &frame.middle),
                    (&mut words.close, &frame.close),
                ];
                for (target, list) in parts {
                    list.iter().for_each(|w| target.push(w, ()));
                    target.finish();
                }
                // A frame with neither end would join any two numbers said with "and".
                let has_end = !words.open.is_empty() || !words.close.is_empty();
                if !words.middle.is_empty() && has_end {
                    lex.range_frames.push(words);
                }
            }
            if index == 0 && file.writes_units {
                let mut own: Vec<(TimeUnit, Vec<String>)> = file
                    .duration_units
                    .iter()
                    .map(|(u, w)| (*u, w.clone()))
                    .collect();
                own.sort_by_key(|(u, _)| *u);
                lex.own_units = own;
            }
            if index == 0 {
                lex.kanji = n.kanji;
            }
        }
        lex.format = format.unwrap_or_default();
        lex.decimal_comma = lex.format.decimal_comma();
        lex.finish();
        lex
    }

    fn finish(&mut self) {
        self.units.finish();
        self.narrow_units.finish();
        self.fused_durations.finish();
        self.percent_before.finish();
        self.periods.finish();
        self.per_after.finish();
        self.per_before.finish();
        self.comparators_before.finish();
        self.comparators_after.finish();
        for words in [
            &mut self.alternatives,
            &mut self.conjunctions,
            &mut self.range_marks,
            &mut self.range_ends,
            &mut self.percent,
            &mut self.counters,
            &mut self.count_nouns,
            &mut self.noun_links,
            &mut self.port_before,
            &mut self.port_after,
            &mut self.port_protocols,
            &mut self.minimum_before,
            &mut self.minimum_after,
            &mut self.not_numbers,
            &mut self.error_code_labels,
        ] {
            words.finish();
        }
        self.number_words.finish();
    }
}
