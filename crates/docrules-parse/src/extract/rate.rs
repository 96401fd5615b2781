//! Rates: a number per length of time, with the words CLDR gives each language for "per unit"
//! (`80 objects per second`, `20 オブジェクト/秒`, `20 Objekte pro Sekunde`, `초당 15개`,
//! `每秒 30 個物件`). The counted thing may stand between the number and the "per" word; it is
//! kept as the rate's noun, not compared (it changes with the language).

use docrules_model::fact::{Comparator, Value};

use docrules_lexicon::FactLexicon;

use super::reader::{Quantity, Reader, skip_spaces};
use super::scan::Found;

/// At most this many characters of the counted thing between the number and the "per" word
/// (`objects`, `I/O requests`): further than that the "per" belongs to another statement.
const MAX_NOUN_CHARS: usize = 24;

/// The rate `quantity` states, when a "per unit" word follows it (over the counted thing) or
/// comes right before it. `end` is where the quantity's group ends (after a counter such as
/// `개`); `stmt` the statement's range so far, with its comparator.
pub(super) fn rate(
    reader: &Reader<'_>,
    quantity: &Quantity,
    end: usize,
    stmt: std::ops::Range<usize>,
    comparator: Option<Comparator>,
) -> Option<Found> {
    if !quantity.digits {
        return None;
    }
    let amount = quantity.number.value;
    let text = reader.text;
    let lex = reader.lex;
    let before = text[..quantity.start].trim_end();
    if let Some((per, len)) = lex.per_before.suffix_of(before) {
        let start = before.len() - len;
        // `초당` must start a word: not the tail of a longer one.
        let starts_word = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if starts_word {
            return Some(Found {
                range: start.min(stmt.start)..stmt.end,
                value: Value::Rate {
                    amount,
                    per,
                    of: None,
                },
                comparator,
                noun: None,
            });
        }
    }
    let mut pos = skip_spaces(text, end);
    let noun_start = pos;
    for (seen, c) in text[pos..].chars().enumerate() {
        if seen > MAX_NOUN_CHARS {
            break;
        }
        let word_start = text[..pos]
            .chars()
            .next_back()
            .is_none_or(|p| !p.is_alphanumeric() || !is_spaced_letter(c));
        if word_start && reader.masked(pos).is_none() {
            if let Some((per, len)) = lex.per_after.prefix_of(&text[pos..]) {
                let noun = text[noun_start..pos].trim_matches([' ', '-', '\u{a0}']);
                let of = data_unit(noun).then(|| noun.to_owned());
                return Some(Found {
                    range: stmt.start..pos + len,
                    value: Value::Rate { amount, per, of },
                    comparator,
                    noun: (!noun.is_empty()).then(|| noun.to_owned()),
                });
            }
        }
        // The counted thing is words: letters, spaces, hyphens. A digit, a mark or the end of
        // a clause ends it.
        if !(c.is_alphabetic() || c == ' ' || c == '-' || c == '\u{a0}') {
            break;
        }
        pos += c.len_utf8();
    }
    None
}

/// A unit of data written alike in every language: `KiB`, `MiB`, `GB`, `Gbit`, `MBit`, `B`.
fn data_unit(word: &str) -> bool {
    let rest = word
        .strip_prefix(['K', 'k', 'M', 'G', 'T', 'P', 'E'])
        .unwrap_or(word);
    let rest = rest.strip_prefix('i').unwrap_or(rest);
    matches!(rest, "B" | "b" | "bit" | "Bit" | "byte" | "bytes" | "Byte")
}

/// A letter of a script that separates words with spaces (`p` of `per`, not `秒`).
fn is_spaced_letter(c: char) -> bool {
    c.is_alphabetic() && (c as u32) < 0x2E80
}

/// A "per" word said once for a list applies to every item: `12,000 and 1,200 per hour`,
/// `시간당 12,000개/1,200개`. A count joined to a rate by a list mark or conjunction (before a
/// rate whose "per" word follows it, after one whose "per" word leads) becomes a rate of the
/// same unit, so a translation that words the list the other way round states the same facts.
pub(super) fn distribute(text: &str, lex: &FactLexicon, found: &mut [Found]) {
    for i in 0..found.len() {
        let Value::Rate { per, ref of, .. } = found[i].value else {
            continue;
        };
        let of = of.clone();
        let leads = lex
            .per_before
            .prefix_of(&text[found[i].range.start..])
            .is_some();
        let mut j = i;
        loop {
            let next = if leads { j + 1 } else { j.wrapping_sub(1) };
            let Some(item) = found.get(next) else { break };
            let Value::Count { values } = &item.value else {
                break;
            };
            let gap = if leads {
                text.get(found[j].range.end..item.range.start)
            } else {
                text.get(item.range.end..found[j].range.start)
            };
            if !gap.is_some_and(|g| joins_list(g, lex)) {
                break;
            }
            let [amount] = values.as_slice() else { break };
            found[next].value = Value::Rate {
                amount: *amount as f64,
                per,
                of: of.clone(),
            };
            j = next;
        }
    }
}

/// Whether `gap` is only a list mark (`/`, `,`, `、`) or a conjunction or alternative word.
fn joins_list(gap: &str, lex: &FactLexicon) -> bool {
    let gap = gap.trim_matches([' ', '\u{a0}']);
    matches!(gap, "/" | "," | "、" | "，")
        || lex
            .conjunctions
            .prefix_of(gap)
            .is_some_and(|(_, len)| len == gap.len())
        || lex
            .alternatives
            .prefix_of(gap)
            .is_some_and(|(_, len)| len == gap.len())
}
