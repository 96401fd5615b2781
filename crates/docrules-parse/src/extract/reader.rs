//! Reading numbers with their neighbours: a number, the unit after it, and the quantities that
//! read together with it (a range, framed or not, or a list of alternatives).

use docrules_lexicon::FactLexicon;
use docrules_model::fact::TimeUnit;

use super::number::{self, Number};

pub(super) fn skip_spaces(text: &str, mut pos: usize) -> usize {
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
pub(super) enum Unit {
    Percent,
    Time(TimeUnit),
    Counter,
}

/// A number and the unit written after it (or the percent sign before it, `%5`).
#[derive(Clone, Debug)]
pub(super) struct Quantity {
    pub(super) number: Number,
    /// Start of the percent sign or word before the number, or of the number.
    pub(super) start: usize,
    pub(super) unit: Option<Unit>,
    /// End of the unit, or of the number when there is none.
    pub(super) end: usize,
    /// Written with digits (not kanji or words).
    pub(super) digits: bool,
}

/// How the quantities of a group relate: `5 から 10%` is a range, `60,000 または 65,000` are
/// alternatives.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Group {
    Single,
    Range,
    Alternatives,
}

/// Quantities read together, and the bytes the group covers.
pub(super) struct Grouped {
    pub(super) quantities: Vec<Quantity>,
    pub(super) group: Group,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// How a framed range was recognized: by its opening word (at this byte), or by the closing
/// word of this frame, still to be checked after the second number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Framed {
    Open(usize),
    Close(usize),
}

pub(super) struct Reader<'a> {
    pub(super) text: &'a str,
    pub(super) lex: &'a FactLexicon,
    pub(super) masks: &'a [std::ops::Range<usize>],
}

impl Reader<'_> {
    /// The end of the mask holding `pos`. Masks are sorted and do not overlap, so the one that
    /// may hold it is found by binary search: a cell of many literals made a scan per number
    /// quadratic.
    pub(super) fn masked(&self, pos: usize) -> Option<usize> {
        let after = self.masks.partition_point(|m| m.start <= pos);
        let mask = self.masks.get(after.checked_sub(1)?)?;
        mask.contains(&pos).then_some(mask.end)
    }

    /// A number starting exactly at `pos`.
    pub(super) fn number_at(&self, pos: usize) -> Option<(Number, bool)> {
        if self.masked(pos).is_some() {
            return None;
        }
        let text = self.text;
        let c = text[pos..].chars().next()?;
        let mut before = text[..pos].chars().rev();
        let prev = before.next();
        if number::digit(c).is_some() {
            if prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '_') {
                return None;
            }
            // Not from inside a longer number that could not be read (`99,999,…` past `u64`,
            // 30 digits): its tail (`000 years`) is no number of its own.
            let before_prev = before.next();
            let group_tail = prev.is_some_and(|p| self.lex.format.is_group(p))
                && before_prev.is_some_and(|b| number::digit(b).is_some())
                && number::three_digits_follow(&text[pos..]);
            if group_tail || prev.is_some_and(|p| number::digit(p).is_some()) {
                return None;
            }
            // A negative amount (`-5 時間`) is no duration, size or count: a minus sign that
            // does not join two numbers (`5-10`) starts it.
            if prev.is_some_and(|p| matches!(p, '-' | '\u{2212}'))
                && !before_prev.is_some_and(char::is_alphanumeric)
            {
                return None;
            }
            return number::digits_in(text, pos, self.lex.format).map(|n| (n, true));
        }
        if self.lex.kanji && number::is_kanji_numeral(c) {
            if prev.is_some_and(number::is_kanji_numeral) {
                return None;
            }
            return number::kanji_at(text, pos).map(|n| (n, false));
        }
        if self.lex.number_words.may_start_with(c) {
            return number::word_at(text, pos, &self.lex.number_words).map(|n| (n, false));
        }
        None
    }

    pub(super) fn quantity(&self, number: Number, digits: bool) -> Quantity {
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
    pub(super) fn narrow_unit(&self, number: &Number) -> Option<(TimeUnit, usize)> {
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
    pub(super) fn skip_percent_before(&self, pos: usize) -> usize {
        match self.lex.percent_before.prefix_of(&self.text[pos..]) {
            Some(((), len)) => skip_spaces(self.text, pos + len),
            None => pos,
        }
    }

    /// The quantities that read together from `first`: a range or a list of alternatives, and
    /// where the group starts and ends (with its frame words: `between`, `között`).
    pub(super) fn group(&self, first: Quantity) -> Grouped {
        let mut start = first.start;
        let mut quantities = vec![first];
        let mut group = Group::Single;
        let mut closed_by = None;
        while let Some(last) = quantities.last() {
            let at = skip_spaces(self.text, last.end);
            let rest = &self.text[at..];
            let (kind, len) = if let Some(((), len)) = self.lex.range_marks.prefix_of(rest) {
                (Group::Range, len)
            } else if let Some(((), len)) = self.lex.alternatives.prefix_of(rest) {
                (Group::Alternatives, len)
            } else if let Some((framed, len)) = (group == Group::Single)
                .then(|| self.frame_middle(start, rest))
                .flatten()
            {
                closed_by = Some(framed);
                (Group::Range, len)
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
        match closed_by {
            Some(Framed::Open(open)) if group == Group::Range => start = open,
            Some(Framed::Close(frame)) => {
                let after = skip_spaces(self.text, end);
                let close = self
                    .lex
                    .range_frames
                    .get(frame)
                    .and_then(|f| f.close.prefix_of(&self.text[after..]));
                match close {
                    Some(((), len)) if group == Group::Range => end = after + len,
                    // No closing word: the "and" joined two statements, not a range.
                    _ => {
                        quantities.truncate(1);
                        group = Group::Single;
                        end = quantities[0].end;
                    }
                }
            }
            _ => {}
        }
        if group == Group::Range && closed_by.is_none() {
            let after = skip_spaces(self.text, end);
            if let Some(((), len)) = self.lex.range_ends.prefix_of(&self.text[after..]) {
                end = after + len;
            }
        }
        Grouped {
            quantities,
            group,
            start,
            end,
        }
    }

    /// A frame's middle word at the start of `rest`, when the frame's opening word ends the text
    /// before `start` (`between 5 and`), or the frame is closed after the second number (`5 és
    /// 10 között`), which the caller checks.
    pub(super) fn frame_middle(&self, start: usize, rest: &str) -> Option<(Framed, usize)> {
        let before = self.text[..start].trim_end();
        self.lex
            .range_frames
            .iter()
            .enumerate()
            .find_map(|(index, frame)| {
                let ((), len) = frame.middle.prefix_of(rest)?;
                if frame.open.is_empty() {
                    return Some((Framed::Close(index), len));
                }
                let ((), open) = frame.open.suffix_of(before)?;
                Some((Framed::Open(before.len() - open), len))
            })
    }

    /// Kanji such as `十分` (enough) or `一時` (temporary) that only look like numbers, unless
    /// the number reading with its unit is longer (`一時間` is one hour).
    pub(super) fn is_not_number(&self, pos: usize, reading_end: usize) -> bool {
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
