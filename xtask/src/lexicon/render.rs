//! One locale's generated file: `<tag>.cldr.toml`, in the shape the lexicon loader reads, with
//! the words left out named in comments. Lists are sorted longest first, then by code point, so
//! the text depends on nothing but the data.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::locale::LocaleData;
use super::patterns::is_single_letter;
use super::{UNITS, Versions};

/// Longest first (in characters), then in code point order: how the lexicon matches them.
pub fn longest_first(words: &BTreeSet<String>) -> Vec<&str> {
    let mut list: Vec<&str> = words.iter().map(String::as_str).collect();
    list.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    list
}

/// The file for one locale.
pub fn render(versions: &Versions, id: &str, tag: &str, data: &LocaleData) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", versions.stamp());
    let _ = writeln!(
        out,
        "# CLDR locale {id}: main/{id}/units.json (duration-*, concentr-percent), \
         main/{id}/numbers.json, cldr-core {} numberingSystems. Unicode License v3.",
        versions.core
    );
    let _ = writeln!(out, "language = {}", toml_str(tag));

    // Where the unit word stands: one flag when every unit agrees, else one per unit.
    let position = |unit: &str| -> Option<bool> {
        match (
            data.units_after.contains_key(unit),
            data.units_before.contains_key(unit),
        ) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ => None,
        }
    };
    let positions: BTreeSet<Option<bool>> = UNITS.iter().map(|u| position(u)).collect();
    let uniform = match positions.iter().collect::<Vec<_>>().as_slice() {
        [Some(after)] => Some(*after),
        _ => None,
    };
    if let Some(after) = uniform {
        let _ = writeln!(out, "unit_after_number = {after}");
    }

    if !data.ambiguous.is_empty() {
        out.push_str("# Left out, CLDR gives them to several units:");
        for (word, units) in &data.ambiguous {
            let units: Vec<&str> = units.iter().copied().collect();
            let _ = write!(out, " {} ({})", toml_str(word), units.join(", "));
        }
        out.push('\n');
    }
    if !data.english_conflicts.is_empty() {
        out.push_str("# Left out, English reads them as another unit:");
        for (word, (unit, other)) in &data.english_conflicts {
            let _ = write!(out, " {} ({unit}; en {other})", toml_str(word));
        }
        out.push('\n');
    }
    for (unit, key, pattern) in &data.skipped {
        let _ = writeln!(
            out,
            "# Skipped {unit} pattern {key} = {}: not one word beside a number.",
            toml_str(pattern)
        );
    }
    let (single, words): (BTreeMap<_, _>, BTreeMap<_, _>) = split_single_letters(&data.units_after);
    out.push_str("\n[duration_units]\n");
    write_unit_lists(&mut out, &words);
    if !single.is_empty() {
        out.push_str(
            "\n# Narrow forms of one letter, apart: each is also a word of its own somewhere (Spanish \
             `de 1 a 5`,\n# Greek article `η`). The loader reads them only written onto the digits \
             (`48u`).\n[duration_units_narrow]\n",
        );
        write_unit_lists(&mut out, &single);
    }
    if !data.units_before.is_empty() {
        out.push_str("\n# Unit words written before the number.\n[duration_units_before]\n");
        write_unit_lists(&mut out, &data.units_before);
    }
    if uniform.is_none() {
        out.push_str("\n# Units missing here have words on both sides of the number.\n");
        out.push_str("[unit_after_number]\n");
        for unit in UNITS {
            if let Some(after) = position(unit) {
                let _ = writeln!(out, "{unit} = {after}");
            }
        }
    }
    if !data.fused.is_empty() {
        out.push_str("\n# Words with no number: the count is in the word.\n[fused_durations]\n");
        let mut fused: Vec<(&String, &(&str, u8))> = data.fused.iter().collect();
        fused.sort_by(|a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then(a.0.cmp(b.0))
        });
        for (word, (unit, amount)) in fused {
            let _ = writeln!(
                out,
                "{} = {{ unit = {}, amount = {amount} }}",
                toml_key(word),
                toml_str(unit)
            );
        }
    }

    if !data.per_after.is_empty() {
        out.push_str(
            "\n# \"Per unit\" words after a number (`{0} per second`): a number so written is a \
             rate.\n[per_units]\n",
        );
        write_unit_lists(&mut out, &data.per_after);
    }
    if !data.per_before.is_empty() {
        out.push_str(
            "\n# \"Per unit\" words before the number (`초당 {0}`).\n[per_units_before]\n",
        );
        write_unit_lists(&mut out, &data.per_before);
    }

    let n = &data.numbers;
    out.push_str("\n[numbers]\n");
    let _ = writeln!(out, "numbering_system = {}", toml_str(&n.numbering_system));
    let _ = writeln!(out, "decimal = {}", toml_str(&n.decimal));
    let _ = writeln!(out, "group = {}", toml_str(&n.group));
    let _ = writeln!(
        out,
        "minimum_grouping_digits = {}",
        n.minimum_grouping_digits
    );
    let _ = writeln!(out, "decimal_pattern = {}", toml_str(&n.decimal_pattern));
    let _ = writeln!(out, "percent_pattern = {}", toml_str(&n.percent_pattern));
    let _ = writeln!(out, "percent_before = {}", n.percent_before);
    if !n.percent_after_words.is_empty() {
        let _ = writeln!(
            out,
            "percent = {}",
            toml_list(&longest_first(&n.percent_after_words))
        );
    }
    if !n.percent_before_words.is_empty() {
        let _ = writeln!(
            out,
            "percent_words_before = {}",
            toml_list(&longest_first(&n.percent_before_words))
        );
    }
    if let Some((system, digits, decimal, group)) = &n.native {
        let _ = writeln!(out, "native_numbering_system = {}", toml_str(system));
        let _ = writeln!(out, "native_digits = {}", toml_str(digits));
        if let Some(decimal) = decimal {
            let _ = writeln!(out, "native_decimal = {}", toml_str(decimal));
        }
        if let Some(group) = group {
            let _ = writeln!(out, "native_group = {}", toml_str(group));
        }
    }
    out
}

type UnitLists = BTreeMap<&'static str, BTreeSet<String>>;

/// (one-letter words, the other words), per unit.
fn split_single_letters(lists: &UnitLists) -> (UnitLists, UnitLists) {
    let mut single = UnitLists::new();
    let mut words = UnitLists::new();
    for (unit, list) in lists {
        for word in list {
            let target = if is_single_letter(word) {
                &mut single
            } else {
                &mut words
            };
            target.entry(*unit).or_default().insert(word.clone());
        }
    }
    (single, words)
}

fn write_unit_lists(out: &mut String, lists: &UnitLists) {
    for unit in UNITS {
        if let Some(words) = lists.get(unit) {
            let _ = writeln!(out, "{unit} = {}", toml_list(&longest_first(words)));
        }
    }
}

fn toml_list(words: &[&str]) -> String {
    let items: Vec<String> = words.iter().map(|w| toml_str(w)).collect();
    format!("[{}]", items.join(", "))
}

/// A TOML basic string. Every space but U+0020 and every invisible format character is written
/// as an escape, so `"\u00A0"` and `"\u202F"` can be told apart on sight.
pub fn toml_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            ' ' => out.push(' '),
            c if c.is_control() || c.is_whitespace() || is_invisible(c) => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
    )
}

fn toml_key(key: &str) -> String {
    if !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        key.to_owned()
    } else {
        toml_str(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_show_invisible_characters() {
        assert_eq!(toml_str("\u{a0}"), "\"\\u00A0\"");
        assert_eq!(toml_str("\u{202f}"), "\"\\u202F\"");
        assert_eq!(toml_str("\u{200e}%\u{200e}"), "\"\\u200E%\\u200E\"");
        assert_eq!(toml_str("a\"b"), "\"a\\\"b\"");
        assert_eq!(toml_key("ساعتان"), "\"ساعتان\"");
        assert_eq!(toml_key("hour"), "hour");
    }

    #[test]
    fn longest_first_then_code_points() {
        let words: BTreeSet<String> = ["u", "uur", "uren", "h"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(longest_first(&words), ["uren", "uur", "h", "u"]);
    }
}
