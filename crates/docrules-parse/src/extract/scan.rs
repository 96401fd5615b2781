//! One piece of text to typed values: literals first (their digits are masked), then numbers
//! read with their neighbours through the language's lexicon. A number whose neighbours do not
//! say what it measures is not a fact.

use docrules_lexicon::FactLexicon;
use docrules_model::fact::{Comparator, TimeUnit, Value};

use super::error_id;
use super::literal::{self, LiteralKind};
use super::number::{self, Number};

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
    found
}

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// A version with its product (`.NET Framework 4.5.2`) and minimum marker (`以降`). Two
/// components without either (`1.5`) are left to the number reader.
fn version(
    text: &str,
    range: std::ops::Range<usize>,
    components: Vec<u64>,
    lex: &FactLexicon,
) -> Option<Found> {
    let product = product_before(&text[..range.start], is_latin_prose(text));
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
fn product_before(text: &str, latin_prose: bool) -> Option<(usize, String)> {
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

/// Text without CJK characters, where capitalization follows Latin-script grammar.
fn is_latin_prose(text: &str) -> bool {
    !text.chars().any(|c| (c as u32) >= 0x2E80)
}

fn skip_spaces(text: &str, mut pos: usize) -> usize {
    while let Some(c) = text[pos..].chars().next() {
        if c == ' ' || c == '\u{a0}' || c == '\u{3000}' || c == '\t' {
            pos += c.len_utf8();
        } else {
            break;
        }
    }
    pos
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Unit {
    Percent,
    Time(TimeUnit),
    Counter,
}

/// A number and the unit written after it (or the percent sign before it, `%5`).
#[derive(Clone, Debug)]
struct Quantity {
    number: Number,
    /// Start of the percent sign or word before the number, or of the number.
    start: usize,
    unit: Option<Unit>,
    /// End of the unit, or of the number when there is none.
    end: usize,
    /// Written with digits (not kanji or words).
    digits: bool,
}

/// How the quantities of a group relate: `5 から 10%` is a range, `60,000 または 65,000` are
/// alternatives.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Group {
    Single,
    Range,
    Alternatives,
}

struct Reader<'a> {
    text: &'a str,
    lex: &'a FactLexicon,
    masks: &'a [std::ops::Range<usize>],
}

impl Reader<'_> {
    fn masked(&self, pos: usize) -> Option<usize> {
        self.masks.iter().find(|m| m.contains(&pos)).map(|m| m.end)
    }

    /// A number starting exactly at `pos`.
    fn number_at(&self, pos: usize) -> Option<(Number, bool)> {
        if self.masked(pos).is_some() {
            return None;
        }
        let text = self.text;
        let c = text[pos..].chars().next()?;
        if number::digit(c).is_some() {
            let prev = text[..pos].chars().next_back();
            if prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '_') {
                return None;
            }
            return number::digits_in(text, pos, self.lex.format).map(|n| (n, true));
        }
        if self.lex.kanji && number::is_kanji_numeral(c) {
            return number::kanji_at(text, pos).map(|n| (n, false));
        }
        if self.lex.number_words.may_start_with(c) {
            return number::word_at(text, pos, &self.lex.number_words).map(|n| (n, false));
        }
        None
    }

    fn quantity(&self, number: Number, digits: bool) -> Quantity {
        let after = skip_spaces(self.text, number.range.end);
        let rest = &self.text[after..];
        let lex = self.lex;
        let unit = if let Some(((), len)) = lex.percent.prefix_of(rest) {
            Some((Unit::Percent, len))
        } else if let Some((unit, len)) = lex.units.prefix_of(rest) {
            // `2019 年` is a calendar year, not 2019 years.
            let calendar_year = unit == TimeUnit::Year && number.value >= 1000.0;
            (!calendar_year).then_some((Unit::Time(unit), len))
        } else if let Some(((), len)) = lex.counters.prefix_of(rest) {
            Some((Unit::Counter, len))
        } else if let Some((unit, len)) = self.narrow_unit(&number) {
            Some((Unit::Time(unit), len))
        } else {
            None
        };
        if let Some((unit, len)) = unit {
            return Quantity {
                start: number.range.start,
                end: after + len,
                number,
                unit: Some(unit),
                digits,
            };
        }
        let before = self.text[..number.range.start].trim_end();
        if let Some(((), len)) = lex.percent_before.suffix_of(before) {
            return Quantity {
                start: before.len() - len,
                end: number.range.end,
                number,
                unit: Some(Unit::Percent),
                digits,
            };
        }
        Quantity {
            start: number.range.start,
            end: number.range.end,
            number,
            unit: None,
            digits,
        }
    }

    /// A one-letter unit written onto the digits (`48u`, `30d`); with a space between, such a
    /// letter is more often a word of its own (Spanish `de 1 a 5`).
    fn narrow_unit(&self, number: &Number) -> Option<(TimeUnit, usize)> {
        if !number.integer {
            return None;
        }
        let (unit, len) = self
            .lex
            .narrow_units
            .prefix_of(&self.text[number.range.end..])?;
        let calendar_year = unit == TimeUnit::Year && number.value >= 1000.0;
        (!calendar_year).then_some((unit, len))
    }

    /// `pos`, or past a percent sign or word written before a number there (`%10`).
    fn skip_percent_before(&self, pos: usize) -> usize {
        match self.lex.percent_before.prefix_of(&self.text[pos..]) {
            Some(((), len)) => skip_spaces(self.text, pos + len),
            None => pos,
        }
    }

    /// The quantities that read together from `first`: a range or a list of alternatives.
    fn group(&self, first: Quantity) -> (Vec<Quantity>, Group, usize) {
        let mut quantities = vec![first];
        let mut group = Group::Single;
        while let Some(last) = quantities.last() {
            let at = skip_spaces(self.text, last.end);
            let rest = &self.text[at..];
            let (kind, len) = if let Some(((), len)) = self.lex.range_marks.prefix_of(rest) {
                (Group::Range, len)
            } else if let Some(((), len)) = self.lex.alternatives.prefix_of(rest) {
                (Group::Alternatives, len)
            } else {
                break;
            };
            if group != Group::Single && group != kind || group == Group::Range {
                break;
            }
            let next_at = self.skip_percent_before(skip_spaces(self.text, at + len));
            let Some((number, digits)) = self.number_at(next_at) else {
                break;
            };
            quantities.push(self.quantity(number, digits));
            group = kind;
        }
        let mut end = quantities.last().map_or(0, |q| q.end);
        if group == Group::Range {
            let after = skip_spaces(self.text, end);
            if let Some(((), len)) = self.lex.range_ends.prefix_of(&self.text[after..]) {
                end = after + len;
            }
        }
        (quantities, group, end)
    }

    /// Kanji such as `十分` (enough) or `一時` (temporary) that only look like numbers, unless
    /// the number reading with its unit is longer (`一時間` is one hour).
    fn is_not_number(&self, pos: usize, reading_end: usize) -> bool {
        let text = self.text;
        let lo = text[..pos]
            .char_indices()
            .rev()
            .nth(2)
            .map_or(0, |(i, _)| i);
        (lo..=pos).filter(|&s| text.is_char_boundary(s)).any(|s| {
            self.lex
                .not_numbers
                .prefix_of(&text[s..])
                .is_some_and(|((), len)| s + len > pos && (s < pos || s + len >= reading_end))
        })
    }
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
        let (quantities, group, end) = reader.group(first);
        let facts = classify(&reader, quantities, group, end);
        pos = facts
            .last()
            .map_or(number_end, |last| last.range.end.max(number_end));
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
fn classify(
    reader: &Reader<'_>,
    mut quantities: Vec<Quantity>,
    group: Group,
    end: usize,
) -> Vec<Found> {
    let text = reader.text;
    let lex = reader.lex;
    let start = quantities[0].start;
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
            if let Some(((), len)) = lex.port_before.suffix_of(before) {
                return vec![found(
                    before.len() - len..q.end,
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
            let single = quantities.len() == 1;
            quantities
                .iter()
                .filter_map(|q| {
                    let Some(Unit::Time(unit)) = q.unit else {
                        return None;
                    };
                    let millis = (q.number.value * unit.millis() as f64).round();
                    if !(0.0..=u64::MAX as f64).contains(&millis) {
                        return None;
                    }
                    let value = Value::Duration {
                        millis: millis as u64,
                        amount: q.number.value,
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
            // `Office 365 サーバー`, `Windows 10`: a number right after a product name is part
            // of the name unless a counter or comparator says otherwise.
            if shared.is_none()
                && comparator.is_none()
                && group == Group::Single
                && product_before(&text[..start], is_latin_prose(text)).is_some()
            {
                return Vec::new();
            }
            let is_count = shared == Some(Unit::Counter)
                || noun.is_some()
                || (all_digits && (comparator.is_some() || group == Group::Alternatives));
            if !is_count || group == Group::Range {
                return Vec::new();
            }
            let noun = noun.or_else(|| {
                (shared == Some(Unit::Counter)).then(|| {
                    text[quantities[0].number.range.end..quantities[0].end]
                        .trim()
                        .to_owned()
                })
            });
            vec![found(
                stmt_start..stmt_end.max(noun_end),
                Value::Count { values },
                comparator,
                noun,
            )]
        }
    }
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
