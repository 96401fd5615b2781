//! One piece of text to typed values: literals first (their digits are masked), then numbers
//! read with their neighbours through the language's lexicon. A number whose neighbours do not
//! say what it measures is not a fact.

use docrules_lexicon::FactLexicon;
use docrules_model::fact::{Comparator, DurationBound, Value};

use super::error_id;
use super::literal::{self, LiteralKind};
use super::number;
use super::rate;
use super::reader::{Group, Grouped, Quantity, Reader, Unit, skip_spaces};
use super::version::{comma_version, is_latin_prose, product_before, version};

/// A value found in the scanned text; `range` covers the statement as written (comparator,
/// number, unit).
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Byte range in the scanned text.
    pub range: std::ops::Range<usize>,
    /// The normalized value.
    pub value: Value,
    /// How the number bounds the quantity, when the text says.
    pub comparator: Option<Comparator>,
    /// The counted noun, or the product a version belongs to.
    pub noun: Option<String>,
}

/// Every value in `text`, in order.
pub fn scan(text: &str, lex: &FactLexicon) -> Vec<Found> {
    let mut found = Vec::new();
    let mut masks: Vec<std::ops::Range<usize>> = Vec::new();
    for id in error_id::find(text)
        .into_iter()
        .filter(|id| !id.value.starts_with("0x"))
    {
        masks.push(id.range.clone());
        found.push(Found {
            range: id.range,
            value: Value::ErrorId { id: id.value },
            comparator: None,
            noun: None,
        });
    }
    for lit in literal::find(text) {
        if masks.iter().any(|m| overlaps(m, &lit.range)) {
            continue;
        }
        match lit.kind {
            LiteralKind::Fact(value) => {
                masks.push(lit.range.clone());
                found.push(Found {
                    range: lit.range,
                    value,
                    comparator: None,
                    noun: None,
                });
            }
            LiteralKind::Mask => masks.push(lit.range),
            LiteralKind::Version(components) => {
                if let Some(version) = version(text, lit.range.clone(), components, lex) {
                    masks.push(lit.range);
                    found.push(version);
                }
            }
        }
    }
    masks.sort_by_key(|m| m.start);
    numbers(text, lex, &masks, &mut found);
    found.sort_by_key(|f| (f.range.start, f.range.end));
    rate::distribute(text, lex, &mut found);
    found
}

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn numbers(
    text: &str,
    lex: &FactLexicon,
    masks: &[std::ops::Range<usize>],
    found: &mut Vec<Found>,
) {
    let reader = Reader { text, lex, masks };
    let mut pos = 0;
    // Masks are sorted and `pos` only grows: the next mask is found by advancing an index.
    let mut next_mask = 0;
    let mut after_letter = false;
    while pos < text.len() {
        while masks.get(next_mask).is_some_and(|m| m.end <= pos) {
            next_mask += 1;
        }
        if let Some(mask) = masks.get(next_mask).filter(|m| m.start <= pos) {
            pos = mask.end;
            after_letter = false;
            continue;
        }
        let Some(c) = text[pos..].chars().next() else {
            break;
        };
        if !after_letter && lex.fused_durations.may_start_with(c) {
            if let Some(fused) = fused_at(&reader, pos) {
                pos = fused.range.end;
                found.push(fused);
                continue;
            }
        }
        // Cheap tests first: most characters cannot start a number.
        let may_start = c.is_ascii_digit()
            || (!c.is_ascii()
                && (number::digit(c).is_some() || (lex.kanji && number::is_kanji_numeral(c))))
            || (!after_letter && lex.number_words.may_start_with(c));
        after_letter =
            c.is_ascii_alphabetic() || (!c.is_ascii() && (c as u32) < 0x2E80 && c.is_alphabetic());
        let Some((number, digits)) = may_start.then(|| reader.number_at(pos)).flatten() else {
            pos += c.len_utf8();
            continue;
        };
        let number_end = number.range.end;
        let first = reader.quantity(number, digits);
        if !digits && reader.is_not_number(pos, first.end) {
            pos = number_end;
            continue;
        }
        let grouped = reader.group(first);
        // A range that states nothing (`Windows 10-11`, `between 5 and 10`) is passed whole:
        // its second number is no statement of its own.
        let passed = match grouped.group {
            Group::Range => grouped.end,
            _ => number_end,
        };
        let facts = classify(&reader, grouped);
        pos = facts
            .last()
            .map_or(passed, |last| last.range.end.max(number_end));
        after_letter = false;
        found.extend(facts);
    }
}

/// A word that carries its count (Arabic `ساعتان`, two hours) at a word start, with a
/// comparator written before it.
fn fused_at(reader: &Reader<'_>, pos: usize) -> Option<Found> {
    let text = reader.text;
    let ((unit, amount), len) = reader.lex.fused_durations.prefix_of(&text[pos..])?;
    let before = text[..pos].trim_end();
    let (comparator, start) = match reader.lex.comparators_before.suffix_of(before) {
        Some((c, clen)) => (Some(c), before.len() - clen),
        None => (None, pos),
    };
    Some(found(
        start..pos + len,
        Value::Duration {
            millis: u64::from(amount) * unit.millis(),
            amount: f64::from(amount),
            unit,
        },
        comparator,
        None,
    ))
}

/// What a group of quantities states, judged by its neighbours; nothing when they say nothing.
fn classify(reader: &Reader<'_>, grouped: Grouped) -> Vec<Found> {
    let Grouped {
        mut quantities,
        group,
        start,
        end,
    } = grouped;
    let text = reader.text;
    let lex = reader.lex;
    // A unit written once applies to the whole range or list (`5 から 10%`, `2 or 3 days`).
    let shared = quantities.iter().rev().find_map(|q| q.unit);
    if group != Group::Single {
        for q in &mut quantities {
            q.unit = q.unit.or(shared);
        }
    }

    // Comparators: written before (`more than`, `超過`) or after (`以上`, `を超えている`).
    let before = text[..start].trim_end();
    let mut stmt_start = start;
    let mut comparator = None;
    if let Some((c, len)) = lex.comparators_before.suffix_of(before) {
        comparator = Some(c);
        stmt_start = before.len() - len;
    }
    let mut stmt_end = end;
    let after = skip_spaces(text, end);
    if let Some((c, len)) = lex.comparators_after.prefix_of(&text[after..]) {
        comparator = comparator.or(Some(c));
        stmt_end = after + len;
    }

    // Ports: `ポート 443`, `port 587`, `443 番ポート`.
    if group == Group::Single && shared.is_none() {
        let q = &quantities[0];
        let port_after = lex.port_after.prefix_of(&text[skip_spaces(text, q.end)..]);
        if let Some(port) = q
            .number
            .as_u64()
            .and_then(|n| u16::try_from(n).ok())
            .filter(|_| q.digits)
        {
            // `port 443`, `port:8443`, `Port=1433`, `連接埠：1433`.
            let label = before.trim_end_matches([':', '：', '=']).trim_end();
            if let Some(((), len)) = lex.port_before.suffix_of(label) {
                return vec![found(
                    label.len() - len..q.end,
                    Value::Port { port },
                    None,
                    None,
                )];
            }
            // `HTTPS (443)`.
            let protocol = before
                .strip_suffix(['(', '（'])
                .map(str::trim_end)
                .and_then(|p| {
                    lex.port_protocols
                        .suffix_of(p)
                        .map(|(_, len)| p.len() - len)
                });
            let close = text[q.end..]
                .chars()
                .next()
                .filter(|c| matches!(c, ')' | '）'));
            if let (Some(protocol), Some(close)) = (protocol, close) {
                return vec![found(
                    protocol..q.end + close.len_utf8(),
                    Value::Port { port },
                    None,
                    None,
                )];
            }
            if let Some(((), len)) = port_after {
                let after = skip_spaces(text, q.end);
                return vec![found(start..after + len, Value::Port { port }, None, None)];
            }
        }
    }

    // `PowerShell 5,1` where the comma is the decimal mark: the version 5.1.
    if group == Group::Single && shared.is_none() && lex.decimal_comma {
        if let Some(version) = comma_version(text, &quantities[0], lex) {
            return vec![version];
        }
    }

    match shared {
        Some(Unit::Percent) => {
            let low = quantities[0].number.value;
            let high = quantities.last().map_or(low, |q| q.number.value);
            if group == Group::Alternatives {
                return quantities
                    .iter()
                    .map(|q| {
                        let v = q.number.value;
                        found(
                            q.start..q.end,
                            Value::Percent { low: v, high: v },
                            None,
                            None,
                        )
                    })
                    .collect();
            }
            vec![found(
                stmt_start..stmt_end,
                Value::Percent { low, high },
                comparator,
                None,
            )]
        }
        Some(Unit::Time(_)) => {
            let bounds: Vec<DurationBound> = quantities.iter().filter_map(duration_bound).collect();
            // `4 to 30 minutes`, `4分～30分`: one statement of both ends, in order.
            if let (Group::Range, [low, high]) = (group, bounds.as_slice()) {
                if quantities.len() == 2 && low.millis <= high.millis {
                    let value = Value::DurationRange {
                        low: *low,
                        high: *high,
                    };
                    return vec![found(stmt_start..stmt_end, value, comparator, None)];
                }
            }
            let single = quantities.len() == 1;
            quantities
                .iter()
                .filter_map(|q| {
                    let DurationBound {
                        millis,
                        amount,
                        unit,
                    } = duration_bound(q)?;
                    let value = Value::Duration {
                        millis,
                        amount,
                        unit,
                    };
                    let range = if single {
                        stmt_start..stmt_end
                    } else {
                        q.number.range.start..q.end
                    };
                    Some(found(
                        range,
                        value,
                        if single { comparator } else { None },
                        None,
                    ))
                })
                .collect()
        }
        Some(Unit::Counter) | None => {
            let values: Option<Vec<u64>> = quantities.iter().map(|q| q.number.as_u64()).collect();
            let Some(values) = values else {
                return Vec::new();
            };
            let (noun, noun_end) = counted_noun(text, lex, stmt_end, end);
            let all_digits = quantities.iter().all(|q| q.digits);
            // `80 objects per second`, `초당 15개`: a number per length of time.
            if group == Group::Single {
                let stmt = stmt_start..stmt_end;
                if let Some(rate) = rate::rate(reader, &quantities[0], end, stmt, comparator) {
                    return vec![rate];
                }
            }
            // `Office 365 サーバー`, `Windows 10`, `Windows 10-11`: a number (or range) right
            // after a product name is part of the name unless a counter or comparator says
            // otherwise.
            if shared.is_none()
                && comparator.is_none()
                && group != Group::Alternatives
                && product_before(&text[..start], is_latin_prose(text)).is_some()
            {
                return Vec::new();
            }
            // A word for one (`un`, `eine`, `一台`, `一次`, `単一`) is most often the indefinite
            // article or an idiom ("at a time", "single"): alone it is a count only when a
            // comparator bounds it (`au moins un`, `至少一個`). Digits (`1 個`) are meant.
            let spelled_one = !all_digits && group == Group::Single && values == [1];
            if spelled_one && comparator.is_none() {
                return Vec::new();
            }
            // Alternatives alone are not enough: `151001 ou 151002` lists error IDs.
            let is_count = shared == Some(Unit::Counter)
                || noun.is_some()
                || (all_digits && comparator.is_some());
            if !is_count {
                return Vec::new();
            }
            // The counter word, on the quantity that has one (`5～10 個`: the last).
            let noun = noun.or_else(|| {
                let counted = quantities
                    .iter()
                    .rev()
                    .find(|q| q.unit == Some(Unit::Counter))?;
                Some(
                    text[counted.number.range.end..counted.end]
                        .trim()
                        .to_owned(),
                )
            });
            if group == Group::Range {
                // `5 to 10 servers`; reversed ends (`10-2`) are no range of counts.
                return match values.as_slice() {
                    [low, high] if low <= high => vec![found(
                        stmt_start..stmt_end.max(noun_end),
                        Value::CountRange {
                            low: *low,
                            high: *high,
                        },
                        comparator,
                        noun,
                    )],
                    _ => Vec::new(),
                };
            }
            vec![found(
                stmt_start..stmt_end.max(noun_end),
                Value::Count { values },
                comparator,
                noun,
            )]
        }
    }
}

/// A quantity read as a length of time, when its unit is one and the length fits.
fn duration_bound(q: &Quantity) -> Option<DurationBound> {
    let Some(Unit::Time(unit)) = q.unit else {
        return None;
    };
    let millis = (q.number.value * unit.millis() as f64).round();
    if !(0.0..=u64::MAX as f64).contains(&millis) {
        return None;
    }
    Some(DurationBound {
        millis: millis as u64,
        amount: q.number.value,
        unit,
    })
}

/// The noun counted after a count (`50 マシン`, `65,000 files`, `個より多くのファイル`). It is
/// part of the statement when it follows the number directly.
fn counted_noun(
    text: &str,
    lex: &FactLexicon,
    stmt_end: usize,
    group_end: usize,
) -> (Option<String>, usize) {
    let direct = skip_spaces(text, group_end);
    if let Some(((), len)) = lex.count_nouns.prefix_of(&text[direct..]) {
        return (Some(text[direct..direct + len].to_owned()), direct + len);
    }
    let mut at = skip_spaces(text, stmt_end);
    if let Some(((), len)) = lex.noun_links.prefix_of(&text[at..]) {
        at = skip_spaces(text, at + len);
    }
    match lex.count_nouns.prefix_of(&text[at..]) {
        Some(((), len)) => (Some(text[at..at + len].to_owned()), 0),
        None => (None, 0),
    }
}

fn found(
    range: std::ops::Range<usize>,
    value: Value,
    comparator: Option<Comparator>,
    noun: Option<String>,
) -> Found {
    Found {
        range,
        value,
        comparator,
        noun,
    }
}
