//! Numbers as documentation writes them: ASCII and full-width digits, thousands separators,
//! decimals, kanji numerals (`二十四`), small numbers spelled out (`three`, `zwei`).

use docrules_lexicon::{NumberFormat, Words};

/// A number found at a position: its value, whether it was written as an integer, and the bytes
/// it covers.
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    /// The value.
    pub value: f64,
    /// Whether it was written without a decimal part.
    pub integer: bool,
    /// Byte range in the text.
    pub range: std::ops::Range<usize>,
}

impl Number {
    /// The value as an integer, when it is one and fits.
    pub fn as_u64(&self) -> Option<u64> {
        (self.integer && self.value >= 0.0 && self.value <= u64::MAX as f64)
            .then_some(self.value as u64)
    }
}

/// The value of an ASCII or full-width digit.
pub fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Digits starting at `pos` (which must hold a digit): `65,000`, `１０`, `1.5`, and with
/// `decimal_comma` `60.000` and `1,5`.
pub fn digits_at(text: &str, pos: usize, decimal_comma: bool) -> Option<Number> {
    let format = if decimal_comma {
        NumberFormat {
            decimal: ',',
            group: '.',
        }
    } else {
        NumberFormat::default()
    };
    digits_in(text, pos, format)
}

/// Digits starting at `pos` (which must hold a digit), with the locale's decimal and group
/// symbols: `60.000` and `1,5` in Dutch, `60 000` in Polish, `60,000` and `1.5` in English.
pub fn digits_in(text: &str, pos: usize, format: NumberFormat) -> Option<Number> {
    let mut integer: u64 = 0;
    let mut overflow = false;
    let mut end = pos;
    let mut chars = text[pos..].char_indices().peekable();
    let mut seen_digit = false;
    while let Some(&(i, c)) = chars.peek() {
        if let Some(d) = digit(c) {
            integer = integer
                .checked_mul(10)
                .and_then(|n| n.checked_add(u64::from(d)))
                .unwrap_or_else(|| {
                    overflow = true;
                    u64::MAX
                });
            seen_digit = true;
            end = pos + i + c.len_utf8();
            chars.next();
        } else if format.is_group(c)
            && seen_digit
            && three_digits_follow(&text[pos + i + c.len_utf8()..])
        {
            chars.next();
        } else {
            break;
        }
    }
    if !seen_digit || overflow {
        return None;
    }
    if has_exponent(&text[end..]) {
        // `1e400`: scientific notation is no amount docrules compares, and reading its mantissa
        // alone (`1`) would be wrong.
        return None;
    }
    let mut value = integer as f64;
    let mut is_integer = true;
    // A decimal part: a mark followed by a digit. Read as one decimal literal (not summed digit
    // by digit), so `1.15` is the double nearest 1.15 and prints back as `1.15`.
    let rest = &text[end..];
    if let Some(mark) = rest.chars().next().filter(|&c| format.is_decimal(c)) {
        let after = &rest[mark.len_utf8()..];
        let mut literal = format!("{integer}.");
        let mut frac_end = end;
        for (i, c) in after.char_indices() {
            let Some(d) = digit(c) else { break };
            literal.extend(char::from_digit(d, 10));
            frac_end = end + mark.len_utf8() + i + c.len_utf8();
        }
        if frac_end > end {
            value = literal.parse().unwrap_or(value);
            is_integer = false;
            end = frac_end;
        }
    }
    Some(Number {
        value,
        integer: is_integer,
        range: pos..end,
    })
}

/// `e` or `E`, an optional sign, and a digit: the exponent of `1e400`.
fn has_exponent(rest: &str) -> bool {
    let Some(after) = rest.strip_prefix(['e', 'E']) else {
        return false;
    };
    let after = after.strip_prefix(['+', '-']).unwrap_or(after);
    after.starts_with(|c: char| c.is_ascii_digit())
}

/// Exactly three digits and then no further digit: what follows a thousands separator.
pub(super) fn three_digits_follow(text: &str) -> bool {
    let mut chars = text.chars();
    (0..3).all(|_| chars.next().and_then(digit).is_some()) && chars.next().and_then(digit).is_none()
}

const KANJI_DIGITS: &str = "〇零一二三四五六七八九";

fn kanji_digit(c: char) -> Option<u64> {
    match c {
        '〇' | '零' => Some(0),
        _ => KANJI_DIGITS
            .chars()
            .position(|k| k == c)
            .map(|p| p as u64 - 1),
    }
}

fn kanji_multiplier(c: char) -> Option<u64> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1_000),
        '万' | '萬' => Some(10_000),
        _ => None,
    }
}

/// Whether `c` is a kanji digit (`〇`, `零`, `一`–`九`) or multiplier (`十`, `百`, `千`, `万`, `萬`).
pub fn is_kanji_numeral(c: char) -> bool {
    kanji_digit(c).is_some() || kanji_multiplier(c).is_some()
}

/// Kanji numerals longer than this (16 characters) are not read: `九千九百九十九万九千九百九十九`
/// is 15.
const MAX_KANJI_BYTES: usize = 16 * 3;

/// A kanji numeral starting at `pos`: `二十四` = 24, `十` = 10, `三千五百` = 3500, `一万` = 10000.
pub fn kanji_at(text: &str, pos: usize) -> Option<Number> {
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut current: Option<u64> = None;
    let mut end = pos;
    // Multipliers below 万 fall within a section (`三千五百`); one that does not (`十十`) makes
    // the run no numeral.
    let mut last_multiplier = u64::MAX;
    let mut seen_ten_thousand = false;
    for (i, c) in text[pos..].char_indices() {
        if i >= MAX_KANJI_BYTES {
            // A run this long (`十` × 10,000) is no numeral docrules reads.
            return None;
        }
        if let Some(d) = kanji_digit(c) {
            // Digit after digit (`二四`) reads positionally.
            current = Some(current.map_or(d, |n| n.saturating_mul(10).saturating_add(d)));
        } else if let Some(m) = kanji_multiplier(c) {
            if m == 10_000 {
                if seen_ten_thousand {
                    return None;
                }
                seen_ten_thousand = true;
                total += (section + current.unwrap_or(0)).max(1).saturating_mul(m);
                section = 0;
                last_multiplier = u64::MAX;
            } else {
                if m >= last_multiplier {
                    return None;
                }
                last_multiplier = m;
                section += current.unwrap_or(1).saturating_mul(m);
            }
            current = None;
        } else {
            break;
        }
        end = pos + i + c.len_utf8();
    }
    if end == pos {
        return None;
    }
    let value = total + section + current.unwrap_or(0);
    Some(Number {
        value: value as f64,
        integer: true,
        range: pos..end,
    })
}

/// A spelled-out number (`three`, `zwei`) at a word start.
pub fn word_at(text: &str, pos: usize, words: &Words<u64>) -> Option<Number> {
    let starts_word = text[..pos]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    if !starts_word || words.is_empty() {
        return None;
    }
    let (value, len) = words.prefix_of(&text[pos..])?;
    Some(Number {
        value: value as f64,
        integer: true,
        range: pos..pos + len,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str, comma: bool) -> Option<(f64, &str)> {
        digits_at(text, 0, comma).map(|n| (n.value, &text[n.range]))
    }

    #[test]
    fn digits() {
        assert_eq!(value("48 時間", false), Some((48.0, "48")));
        assert_eq!(value("60,000 または", false), Some((60_000.0, "60,000")));
        assert_eq!(value("65，000", false), Some((65_000.0, "65，000")));
        assert_eq!(value("１０％", false), Some((10.0, "１０")));
        assert_eq!(value("1.5 hours", false), Some((1.5, "1.5")));
        // Exact decimals: the literal's nearest double, which prints back as written.
        for written in ["1.15", "0.3", "2.675", "99.99", "１．１５"] {
            let n = digits_at(written, 0, false).map(|n| n.value.to_string());
            let ascii: String = written.chars().map(docrules_lexicon::fold_width).collect();
            assert_eq!(n.as_deref(), Some(ascii.as_str()), "{written}");
        }
        assert_eq!(value("5.", false), Some((5.0, "5")));
        assert_eq!(value("1,5 Stunden", true), Some((1.5, "1,5")));
        assert_eq!(value("60.000 Dateien", true), Some((60_000.0, "60.000")));
        assert_eq!(value("65 000 fichiers", true), Some((65_000.0, "65 000")));
        assert_eq!(value("65 000 files", false), Some((65.0, "65")));
        assert_eq!(
            value("1,23", false),
            Some((1.0, "1")),
            "a group needs three digits"
        );
        assert_eq!(value("1,2345", false), Some((1.0, "1")));
        assert_eq!(value("99999999999999999999999", false), None);
        assert_eq!(value("1e400", false), None);
        assert_eq!(value("2E+5", false), None);
        assert_eq!(value("3 e5", false), Some((3.0, "3")));
        assert_eq!(value("x", false), None);
    }

    #[test]
    fn locale_symbols() {
        fn value(text: &str, decimal: char, group: char) -> Option<(f64, &str)> {
            digits_in(text, 0, NumberFormat { decimal, group }).map(|n| (n.value, &text[n.range]))
        }
        // Polish and Swedish group with a no-break space (CLDR), often typed as a plain one.
        assert_eq!(
            value("60\u{a0}000 plików", ',', '\u{a0}'),
            Some((60_000.0, "60\u{a0}000"))
        );
        assert_eq!(
            value("60 000 filer", ',', '\u{a0}'),
            Some((60_000.0, "60 000"))
        );
        assert_eq!(value("2,5 godziny", ',', '\u{a0}'), Some((2.5, "2,5")));
        // Swiss German groups with an apostrophe.
        assert_eq!(
            value("60’000 Dateien", '.', '’'),
            Some((60_000.0, "60’000"))
        );
        assert_eq!(value("60’000 Dateien", '.', ','), Some((60.0, "60")));
    }

    #[test]
    fn kanji() {
        let k = |t: &str| kanji_at(t, 0).map(|n| n.value as u64);
        assert_eq!(k("二十四時間"), Some(24));
        assert_eq!(k("九千九百九十九万九千九百九十九"), Some(99_999_999));
        assert_eq!(k("十十"), None, "multipliers must fall");
        assert_eq!(k(&"十".repeat(10_000)), None);
        assert_eq!(k(&"一".repeat(17)), None, "too long to be a numeral");
        assert_eq!(k("十日"), Some(10));
        assert_eq!(k("三千五百"), Some(3500));
        assert_eq!(k("一万"), Some(10_000));
        assert_eq!(k("二万五千"), Some(25_000));
        assert_eq!(k("七"), Some(7));
        assert_eq!(k("百"), Some(100));
        assert_eq!(k("時間"), None);
    }
}
