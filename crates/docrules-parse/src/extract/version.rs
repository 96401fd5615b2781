//! Versions: a dotted literal or a decimal-comma number with the product it is of
//! (`.NET Framework 4.5.2`, `PowerShell 5,1`) and its minimum word (`以降`, `or later`).

use docrules_lexicon::FactLexicon;

use super::reader::{Quantity, skip_spaces};
use super::scan::Found;
use docrules_model::fact::Value;

/// A version with its product (`.NET Framework 4.5.2`) and minimum marker (`以降`). Two
/// components without either (`1.5`) are left to the number reader.
pub(super) fn version(
    text: &str,
    range: std::ops::Range<usize>,
    components: Vec<u64>,
    lex: &FactLexicon,
) -> Option<Found> {
    // `1.5 hours`, `at least 1.5 hours`: a decimal with a unit is a quantity, not a version.
    let after = skip_spaces(text, range.end);
    if components.len() == 2 && unit_at(&text[after..], lex) {
        return None;
    }
    let latin = is_latin_prose(text);
    let product = product_before(&text[..range.start], latin)
        .filter(|(start, name)| !(latin && capitalized_by_grammar(text, *start, name)));
    let mut start = product.as_ref().map_or(range.start, |(s, _)| *s);
    let mut end = range.end;
    let mut minimum = false;
    let after = skip_spaces(text, end);
    if let Some(((), len)) = lex.minimum_after.prefix_of(&text[after..]) {
        minimum = true;
        end = after + len;
    }
    let before = text[..start].trim_end();
    if let Some(((), len)) = lex.minimum_before.suffix_of(before) {
        minimum = true;
        start = before.len() - len;
    }
    if components.len() < 3 && product.is_none() && !minimum {
        return None;
    }
    Some(Found {
        range: start..end,
        value: Value::Version {
            components,
            minimum,
        },
        comparator: None,
        noun: product.map(|(_, name)| name),
    })
}

/// Up to four capitalized Latin words right before a version: `.NET Framework`, `Azure
/// PowerShell`, `TLS`.
pub(super) fn product_before(text: &str, latin_prose: bool) -> Option<(usize, String)> {
    let mut start = None;
    let mut rest = text.trim_end_matches(' ');
    for _ in 0..4 {
        let word_start = rest
            .rfind(|c: char| {
                !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '#' | '+'))
            })
            .map_or(0, |i| {
                i + rest[i..].chars().next().map_or(1, char::len_utf8)
            });
        let word = &rest[word_start..];
        let capitalized = word.starts_with(|c: char| c.is_ascii_uppercase())
            || (word.starts_with('.') && word[1..].starts_with(|c: char| c.is_ascii_uppercase()));
        if word.is_empty() || !capitalized || word.chars().all(|c| c.is_ascii_digit()) {
            break;
        }
        start = Some(word_start);
        if word_start == 0 || !rest[..word_start].ends_with(' ') {
            break;
        }
        rest = rest[..word_start].trim_end_matches(' ');
    }
    let mut start = start?;
    // In Latin-script prose, a plain capitalized word that starts the sentence (`Install .NET
    // Framework 4.6.2`) is capitalized by grammar, not because it names the product. (In CJK
    // text, Latin words are names: `Azure PowerShell 3.7.0 をインストール`.)
    let first_end = text[start..].find(' ').map(|i| start + i);
    let sentence_start = text[..start].trim_end().is_empty()
        || text[..start]
            .trim_end()
            .ends_with(['.', '!', '?', ':', '。', '：']);
    if let Some(first_end) = first_end.filter(|&e| e < text.trim_end().len()) {
        let word = &text[start..first_end];
        let plain = word.chars().skip(1).all(|c| c.is_ascii_lowercase());
        if sentence_start && plain && latin_prose {
            start = first_end + 1;
        }
    }
    Some((start, text[start..].trim_end().to_owned()))
}

/// Whether a unit, percent word, counter or counted noun starts `rest`.
pub(super) fn unit_at(rest: &str, lex: &FactLexicon) -> bool {
    lex.units.prefix_of(rest).is_some()
        || lex.percent.prefix_of(rest).is_some()
        || lex.counters.prefix_of(rest).is_some()
        || lex.count_nouns.prefix_of(rest).is_some()
}

/// A one-word "product" that is a plain capitalized word starting the sentence (`Wait 1.15`,
/// `Install 2.5`): capitalized by grammar, not because it names something.
pub(super) fn capitalized_by_grammar(text: &str, start: usize, name: &str) -> bool {
    let before = text[..start].trim_end();
    let sentence_start = before.is_empty() || before.ends_with(['.', '!', '?', ':']);
    let mut chars = name.chars();
    let plain = chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_lowercase());
    sentence_start && plain
}

/// Text without CJK characters, where capitalization follows Latin-script grammar.
pub(super) fn is_latin_prose(text: &str) -> bool {
    !text.chars().any(|c| (c as u32) >= 0x2E80)
}

/// A decimal written with the locale's decimal comma read as a version, when a product name or
/// a minimum word says it is one ([`version`] decides).
pub(super) fn comma_version(text: &str, q: &Quantity, lex: &FactLexicon) -> Option<Found> {
    if !q.digits || q.number.integer {
        return None;
    }
    let written = &text[q.number.range.clone()];
    let components: Option<Vec<u64>> = written
        .split([',', '，'])
        .map(|part| {
            let ascii: String = part.chars().map(docrules_lexicon::fold_width).collect();
            ascii.parse().ok()
        })
        .collect();
    let components = components.filter(|c| c.len() == 2)?;
    version(text, q.number.range.clone(), components, lex)
}
