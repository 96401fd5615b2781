//! One locale's words, read from its (trimmed) CLDR units and numbers: the unit words on each
//! side of the number, fused forms, and the number symbols; words that would misread are taken
//! out and recorded.

use anyhow::{Context, Result, bail};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

use super::extract::{NumberingSystems, at, str_at};
use super::patterns::{
    Pattern, category_amount, lower, pattern_category, percent_before, split_pattern, word_key,
};
use super::{UNITS, WIDTHS};

/// Percent signs every lexicon already has (`universal.toml`).
const UNIVERSAL_PERCENT: &[&str] = &["%", "％"];

/// What one locale's file holds.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct LocaleData {
    /// Unit → words written after the number.
    pub units_after: BTreeMap<&'static str, BTreeSet<String>>,
    /// Unit → words written before the number.
    pub units_before: BTreeMap<&'static str, BTreeSet<String>>,
    /// Words CLDR gives to more than one unit, and those units; left out of both lists.
    pub ambiguous: BTreeMap<String, BTreeSet<&'static str>>,
    /// Words English (`en`) gives another unit, and (this locale's unit, English's unit); left
    /// out.
    pub english_conflicts: BTreeMap<String, (&'static str, &'static str)>,
    /// Word with no number → (unit, the count it stands for).
    pub fused: BTreeMap<String, (&'static str, u8)>,
    /// Patterns with text on both sides of the number, skipped: (unit, key, pattern).
    pub skipped: Vec<(String, String, String)>,
    /// Unit → "per unit" words written after the number (`per second`, `/秒`), from CLDR's
    /// `perUnitPattern`.
    pub per_after: BTreeMap<&'static str, BTreeSet<String>>,
    /// Unit → "per unit" words written before the number (`초당`, `每秒`).
    pub per_before: BTreeMap<&'static str, BTreeSet<String>>,
    pub numbers: NumberData,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct NumberData {
    pub numbering_system: String,
    pub decimal: String,
    pub group: String,
    pub decimal_pattern: String,
    pub percent_pattern: String,
    pub percent_before: bool,
    pub minimum_grouping_digits: u32,
    /// The native numbering system when it is not the default one: (id, digits, decimal, group).
    pub native: Option<(String, String, Option<String>, Option<String>)>,
    pub percent_after_words: BTreeSet<String>,
    pub percent_before_words: BTreeSet<String>,
}

/// Reads one locale from its `units` and `numbers` objects (as in `main/<id>/units.json` and
/// `numbers.json`, or their trimmed copies in the extract).
pub fn read_locale(
    units: &Value,
    numbers: &Value,
    numbering: &NumberingSystems,
    id: &str,
) -> Result<LocaleData> {
    let mut data = LocaleData::default();
    let language = id.split('-').next().unwrap_or(id);
    for &unit in UNITS {
        for &width in WIDTHS {
            for key in [
                format!("duration-{unit}"),
                format!("duration-{unit}-person"),
            ] {
                let Some(entry) = at(units, &[width, &key]).and_then(Value::as_object) else {
                    continue;
                };
                for (field, pattern) in entry {
                    let Some(category) = pattern_category(field) else {
                        continue;
                    };
                    let Some(pattern) = pattern.as_str() else {
                        bail!("{width}.{key}.{field} is not a string");
                    };
                    match split_pattern(pattern) {
                        Pattern::After(word) => {
                            data.units_after
                                .entry(unit)
                                .or_default()
                                .insert(lower(&word, language));
                        }
                        Pattern::Before(word) => {
                            data.units_before
                                .entry(unit)
                                .or_default()
                                .insert(lower(&word, language));
                        }
                        Pattern::Fused(word) => {
                            if let Some(amount) = category_amount(category) {
                                data.fused.insert(lower(&word, language), (unit, amount));
                            } else {
                                data.skipped.push((
                                    unit.to_owned(),
                                    format!("{width}.{key}.{field}"),
                                    pattern.to_owned(),
                                ));
                            }
                        }
                        Pattern::Both(..) | Pattern::Empty => data.skipped.push((
                            unit.to_owned(),
                            format!("{width}.{key}.{field}"),
                            pattern.to_owned(),
                        )),
                    }
                }
            }
        }
        read_per_unit(units, unit, language, &mut data);
        if !data.units_after.contains_key(unit) && !data.units_before.contains_key(unit) {
            bail!("no pattern for duration-{unit}");
        }
    }
    remove_ambiguous(&mut data);
    remove_fused_unit_words(&mut data);
    // serde_json's map follows the file's order under its `preserve_order` feature.
    data.skipped.sort();

    // Percent words: the concentr-percent unit.
    for &width in WIDTHS {
        let Some(entry) = at(units, &[width, "concentr-percent"]).and_then(Value::as_object) else {
            continue;
        };
        for (field, pattern) in entry {
            if pattern_category(field).is_none() {
                continue;
            }
            let Some(pattern) = pattern.as_str() else {
                continue;
            };
            let (target, word) = match split_pattern(pattern) {
                Pattern::After(w) => (&mut data.numbers.percent_after_words, w),
                Pattern::Before(w) => (&mut data.numbers.percent_before_words, w),
                _ => continue,
            };
            if !UNIVERSAL_PERCENT.contains(&word.as_str()) {
                target.insert(lower(&word, language));
            }
        }
    }

    read_numbers(numbers, numbering, &mut data.numbers)?;
    Ok(data)
}

/// The "per unit" words of `unit` in every width: `{0} per second`, `{0}/s`, `초당 {0}`.
fn read_per_unit(units: &Value, unit: &'static str, language: &str, data: &mut LocaleData) {
    for &width in WIDTHS {
        let key = format!("duration-{unit}");
        let Some(pattern) = str_at(units, &[width, &key, "perUnitPattern"]) else {
            continue;
        };
        let (target, word) = match split_pattern(pattern) {
            Pattern::After(word) => (&mut data.per_after, word),
            Pattern::Before(word) => (&mut data.per_before, word),
            _ => continue,
        };
        target
            .entry(unit)
            .or_default()
            .insert(lower(&word, language));
    }
}

fn read_numbers(numbers: &Value, numbering: &NumberingSystems, out: &mut NumberData) -> Result<()> {
    let default = str_at(numbers, &["defaultNumberingSystem"])
        .context("no defaultNumberingSystem")?
        .to_owned();
    let symbols =
        at(numbers, &["symbols-numberSystem-latn"]).context("no symbols-numberSystem-latn")?;
    out.decimal = str_at(symbols, &["decimal"])
        .context("no latn decimal symbol")?
        .to_owned();
    out.group = str_at(symbols, &["group"])
        .context("no latn group symbol")?
        .to_owned();
    if out.decimal == out.group {
        bail!("decimal and group symbols are both {:?}", out.decimal);
    }
    out.decimal_pattern = str_at(numbers, &["decimalFormats-numberSystem-latn", "standard"])
        .context("no latn standard decimal format")?
        .to_owned();
    out.percent_pattern = str_at(numbers, &["percentFormats-numberSystem-latn", "standard"])
        .context("no latn standard percent format")?
        .to_owned();
    out.percent_before = percent_before(&out.percent_pattern).with_context(|| {
        format!(
            "percent pattern {:?} has no % or no digit",
            out.percent_pattern
        )
    })?;
    out.minimum_grouping_digits = match numbers.get("minimumGroupingDigits") {
        Some(Value::String(s)) => s.parse().context("minimumGroupingDigits")?,
        Some(Value::Number(n)) => n
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .context("minimumGroupingDigits")?,
        _ => 1,
    };
    let native = str_at(numbers, &["otherNumberingSystems", "native"]).unwrap_or(&default);
    if native != default {
        // Only numeric systems have digits (`hanidec` does; `hant` is algorithmic).
        if let Some(digits) = numbering.digits.get(native) {
            let sym = at(numbers, &[&format!("symbols-numberSystem-{native}")]);
            let sym_str = |k: &str| sym.and_then(|s| str_at(s, &[k])).map(str::to_owned);
            out.native = Some((
                native.to_owned(),
                digits.clone(),
                sym_str("decimal"),
                sym_str("group"),
            ));
        }
    }
    out.numbering_system = default;
    Ok(())
}

/// A word given to two units (English narrow `{0}m`, minute and month) would read one as the
/// other: it is taken out of every unit and recorded.
fn remove_ambiguous(data: &mut LocaleData) {
    for lists in [
        &mut data.units_after,
        &mut data.units_before,
        &mut data.per_after,
        &mut data.per_before,
    ] {
        let mut owners: BTreeMap<String, BTreeSet<&'static str>> = BTreeMap::new();
        for (unit, words) in lists.iter() {
            for word in words {
                owners
                    .entry(word_key(word).to_owned())
                    .or_default()
                    .insert(unit);
            }
        }
        for words in lists.values_mut() {
            let dropped: Vec<String> = words
                .iter()
                .filter(|w| owners.get(word_key(w)).is_some_and(|u| u.len() > 1))
                .cloned()
                .collect();
            for word in dropped {
                let units = owners[word_key(&word)].clone();
                words.remove(&word);
                data.ambiguous.entry(word).or_default().extend(units);
            }
        }
    }
    data.units_after.retain(|_, w| !w.is_empty());
    data.units_before.retain(|_, w| !w.is_empty());
    data.per_after.retain(|_, w| !w.is_empty());
    data.per_before.retain(|_, w| !w.is_empty());
}

/// Word (without final period) → unit, over a locale's words on either side of the number.
pub fn unit_of_word(data: &LocaleData) -> BTreeMap<String, &'static str> {
    let mut map = BTreeMap::new();
    for lists in [&data.units_after, &data.units_before] {
        for (unit, words) in lists {
            for word in words {
                map.insert(word_key(word).to_owned(), *unit);
            }
        }
    }
    map
}

/// Takes out the words English reads as another unit (Turkish narrow `s`, an hour, is a second
/// in English; Indonesian `hr`, a day, is an hour).
pub fn remove_english_conflicts(data: &mut LocaleData, english: &BTreeMap<String, &'static str>) {
    for lists in [&mut data.units_after, &mut data.units_before] {
        for (unit, words) in lists.iter_mut() {
            let dropped: Vec<(String, &'static str)> = words
                .iter()
                .filter_map(|w| {
                    let other = *english.get(word_key(w))?;
                    (other != *unit).then(|| (w.clone(), other))
                })
                .collect();
            for (word, other) in dropped {
                words.remove(&word);
                data.english_conflicts.insert(word, (unit, other));
            }
        }
        lists.retain(|_, w| !w.is_empty());
    }
}

/// A word with no number that is also a unit word (Arabic `ساعة`, dual-less "one hour") would
/// read every bare mention as a count of one: only the words that carry a count of their own
/// (`ساعتان`, two hours) are kept.
fn remove_fused_unit_words(data: &mut LocaleData) {
    let words = unit_of_word(data);
    data.fused
        .retain(|word, _| !words.contains_key(word_key(word)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguous_words_are_left_out() {
        let mut data = LocaleData::default();
        data.units_after
            .entry("minute")
            .or_default()
            .extend(["m".to_owned(), "min".to_owned()]);
        data.units_after
            .entry("month")
            .or_default()
            .extend(["m".to_owned(), "mth".to_owned()]);
        remove_ambiguous(&mut data);
        assert_eq!(
            data.units_after["minute"].iter().collect::<Vec<_>>(),
            ["min"]
        );
        assert_eq!(
            data.units_after["month"].iter().collect::<Vec<_>>(),
            ["mth"]
        );
        assert_eq!(
            data.ambiguous["m"].iter().copied().collect::<Vec<_>>(),
            ["minute", "month"]
        );
    }

    #[test]
    fn final_period_does_not_tell_units_apart() {
        let mut data = LocaleData::default();
        data.units_after
            .entry("minute")
            .or_default()
            .extend(["m".to_owned(), "min.".to_owned()]);
        data.units_after
            .entry("month")
            .or_default()
            .extend(["m.".to_owned(), "měs.".to_owned()]);
        remove_ambiguous(&mut data);
        assert_eq!(
            data.units_after["minute"].iter().collect::<Vec<_>>(),
            ["min."]
        );
        assert_eq!(
            data.units_after["month"].iter().collect::<Vec<_>>(),
            ["měs."]
        );
        assert_eq!(data.ambiguous.keys().collect::<Vec<_>>(), ["m", "m."]);
    }

    #[test]
    fn english_conflicts_are_left_out() {
        let mut english = LocaleData::default();
        english
            .units_after
            .entry("second")
            .or_default()
            .insert("s".to_owned());
        english
            .units_after
            .entry("hour")
            .or_default()
            .insert("h".to_owned());
        let mut turkish = LocaleData::default();
        turkish
            .units_after
            .entry("hour")
            .or_default()
            .extend(["s".to_owned(), "saat".to_owned()]);
        turkish
            .units_after
            .entry("second")
            .or_default()
            .extend(["s.".to_owned(), "sn".to_owned()]);
        remove_english_conflicts(&mut turkish, &unit_of_word(&english));
        assert_eq!(
            turkish.units_after["hour"].iter().collect::<Vec<_>>(),
            ["saat"]
        );
        // Same unit in English: kept.
        assert_eq!(
            turkish.units_after["second"].iter().collect::<Vec<_>>(),
            ["s.", "sn"]
        );
        assert_eq!(turkish.english_conflicts["s"], ("hour", "second"));
    }
}
