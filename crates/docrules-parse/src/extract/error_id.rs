//! Error identifiers as troubleshooting tables write them: `(ID: 34513)`, `(識別碼：34513)`,
//! `[0x1FC07]`, `0x80070570`, `エラー 34506`, `Error:100110`, `40615 오류`. The labels of every
//! language (`error_id_before`, `error_id_after` in the lexicon files) are read in any text.

use docrules_lexicon::Lexicons;
use regex::Regex;
use std::sync::OnceLock;

/// One identifier: where it is in the searched text and its normalized value (decimal digits, or
/// lower-case `0x…` hex).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Byte range in the searched text of the digits, or of the `0x…` literal; labels excluded.
    pub range: std::ops::Range<usize>,
    /// Decimal digits without leading zeros, or `0x` and lower-case hex digits.
    pub value: String,
}

fn pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        let words = Lexicons::get().error_ids();
        // Labels are data; `regex` guarantees linear-time matching.
        let before = alternation(&words.before);
        let after = alternation(&words.after);
        // No `\b` in the pattern: a Unicode word boundary sends `regex` to its slow engines on
        // any non-ASCII text (16× the cost of all extraction); boundaries are checked on the
        // match instead (`boundaries_hold`).
        let source = format!(
            r"(?:{before})\.?\s*[:：]?\s*(?P<dec>[0-9]{{3,10}})|(?P<after>[0-9]{{3,10}})\s*(?:{after})|(?P<hex>0[xX][0-9A-Fa-f]{{4,16}})"
        );
        match Regex::new(&source) {
            Ok(regex) => regex,
            Err(err) => panic!("error ID pattern is invalid: {err}"),
        }
    })
}

/// Labels as one alternation: spaces match any run of spaces. (A label that starts with a
/// letter of a spaced script must start a word: see [`boundaries_hold`].)
fn alternation(labels: &[String]) -> String {
    let parts: Vec<String> = labels
        .iter()
        .map(|label| {
            label
                .split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+")
        })
        .collect();
    if parts.is_empty() {
        // Matches nothing: no language lists such labels.
        r"[^\s\S]".to_owned()
    } else {
        parts.join("|")
    }
}

/// Every error identifier in `text`, in order: labelled ones, and the IDs listed with them
/// (`код ошибки 40020, 40143, 40166 или 40540`, `40914 ve 40615 hataları`).
pub fn find(text: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut at = 0;
    while let Some(caps) = pattern().captures_at(text, at) {
        let whole = caps.get(0).map_or(at..at, |m| m.range());
        if !boundaries_hold(text, &caps) {
            // Not a match where it starts: look again one character further.
            at = whole.start + text[whole.start..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        at = whole.end.max(whole.start + 1);
        if let Some(m) = caps.name("hex") {
            out.push(Found {
                range: m.range(),
                value: format!("0x{}", m.as_str()[2..].to_ascii_lowercase()),
            });
            continue;
        }
        let (m, labelled_after) = match (caps.name("dec"), caps.name("after")) {
            (Some(m), _) => (m, false),
            (None, Some(m)) => (m, true),
            (None, None) => continue,
        };
        if !stands_alone(text, m.range()) {
            continue;
        }
        let mut ids = vec![m.range()];
        if labelled_after {
            while let Some(previous) = listed_before(text, ids[0].start) {
                ids.insert(0, previous);
            }
        } else {
            while let Some(next) = ids.last().and_then(|last| listed_after(text, last.end)) {
                ids.push(next);
            }
        }
        for range in ids {
            if !out.iter().any(|f| f.range == range) {
                out.push(decimal(text, range));
            }
        }
    }
    out.sort_by_key(|f| f.range.start);
    out
}

/// Whether a match starts and ends where words do: a label of a spaced script (`Fehler`, not
/// `Anwendungsfehler`; CJK labels are written onto the words before them) starts a word, and a
/// hex code is a word of its own. Word characters are `regex`'s Unicode `\w`.
fn boundaries_hold(text: &str, caps: &regex::Captures<'_>) -> bool {
    let word = |c: char| regex_syntax::try_is_word_character(c).unwrap_or(c.is_alphanumeric());
    let starts_word = |i: usize| !text[..i].chars().next_back().is_some_and(word);
    let spaced = |i: usize| {
        text[i..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() && (c as u32) < 0x2E80)
    };
    if let Some(m) = caps.name("hex") {
        return starts_word(m.start()) && !text[m.end()..].chars().next().is_some_and(word);
    }
    let label = match (caps.name("dec"), caps.name("after")) {
        (Some(_), _) => caps.get(0).map_or(0, |m| m.start()),
        (None, Some(m)) => m.end() + (text[m.end()..].len() - text[m.end()..].trim_start().len()),
        (None, None) => return true,
    };
    !spaced(label) || starts_word(label)
}

/// The whole of `text` as one numeric ID (3 to 10 digits, spaces around): what an error-code
/// column holds without a label (`| 40501 | 20 | …`).
pub fn whole(text: &str) -> Option<Found> {
    let trimmed = text.trim();
    let start = text.len() - text.trim_start().len();
    let digits = (3..=10).contains(&trimmed.len()) && trimmed.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| decimal(text, start..start + trimmed.len()))
}

fn decimal(text: &str, range: std::ops::Range<usize>) -> Found {
    let digits = text[range.clone()].trim_start_matches('0');
    let value = if digits.is_empty() { "0" } else { digits };
    Found {
        range,
        value: value.to_owned(),
    }
}

/// Digits that are a whole number: no digit, ASCII letter or `_` joined to either side (a
/// Korean particle may follow: `40914는`).
fn stands_alone(text: &str, range: std::ops::Range<usize>) -> bool {
    let joined = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(joined) && !after.is_some_and(joined)
}

/// The next ID of a list after `end`: a separator (`,`, `、`, `/`, `or`, `and`, …) and then 3 to
/// 10 digits standing alone.
fn listed_after(text: &str, end: usize) -> Option<std::ops::Range<usize>> {
    let rest = &text[end..];
    let trimmed = rest.trim_start();
    let after_separator = separator_prefix(trimmed)?;
    let digits_at = text.len() - after_separator.trim_start().len();
    let len = text[digits_at..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    let range = digits_at..digits_at + len;
    ((3..=10).contains(&len) && stands_alone(text, range.clone())).then_some(range)
}

/// The previous ID of a list before `start` (`40914 ve` before `40615 hataları`).
fn listed_before(text: &str, start: usize) -> Option<std::ops::Range<usize>> {
    let before = text[..start].trim_end();
    let rest = separator_suffix(before)?.trim_end();
    let len = rest.bytes().rev().take_while(u8::is_ascii_digit).count();
    let range = rest.len() - len..rest.len();
    ((3..=10).contains(&len) && stands_alone(text, range.clone())).then_some(range)
}

fn is_separator_mark(c: char) -> bool {
    matches!(c, ',' | '、' | '，' | '/')
}

/// `text` after a leading list separator and the spaces after it.
fn separator_prefix(text: &str) -> Option<&str> {
    if let Some(c) = text.chars().next().filter(|&c| is_separator_mark(c)) {
        return Some(&text[c.len_utf8()..]);
    }
    Lexicons::get().error_ids().between.iter().find_map(|word| {
        let rest = text.strip_prefix(word.as_str())?;
        rest.starts_with(char::is_whitespace).then_some(rest)
    })
}

/// `text` before a trailing list separator.
fn separator_suffix(text: &str) -> Option<&str> {
    if let Some(c) = text.chars().next_back().filter(|&c| is_separator_mark(c)) {
        return Some(&text[..text.len() - c.len_utf8()]);
    }
    Lexicons::get().error_ids().between.iter().find_map(|word| {
        let rest = text.strip_suffix(word.as_str())?;
        rest.ends_with(char::is_whitespace).then_some(rest)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<String> {
        find(text).into_iter().map(|f| f.value).collect()
    }

    #[test]
    fn seed_forms() {
        assert_eq!(values("関連付けられていません。(ID: 34513)*"), ["34513"]);
        assert_eq!(values("無法下載保存庫認證檔案。 (識別碼：403)"), ["403"]);
        assert_eq!(
            values("サービスの内部エラー [0x1FC07] が発生した"),
            ["0x1fc07"]
        );
        assert_eq!(values("エラー 34506。 このコンピューター"), ["34506"]);
        assert_eq!(values("錯誤 34506。未正確設定"), ["34506"]);
        assert_eq!(values("Vault Credentials Error:100110"), ["100110"]);
        assert_eq!(values("エラー ID: 2013"), ["2013"]);
        assert_eq!(values("(ID:100050)"), ["100050"]);
        assert_eq!(
            values("0x80070570 と 0x8007018B"),
            ["0x80070570", "0x8007018b"]
        );
    }

    #[test]
    fn not_error_ids() {
        for text in [
            "GUID: 12345",
            "48 時間以上前",
            "linkid=229525&clcid=0x409",
            "version 4.5.2",
            "ID: 12",
            "エラーが発生します。 2 つ",
        ] {
            let found = values(text);
            assert!(
                found.is_empty() || text.contains("clcid"),
                "{text}: {found:?}"
            );
        }
        // `clcid=0x409` is too short to be an HRESULT-style code.
        assert_eq!(values("clcid=0x409"), Vec::<String>::new());
    }

    #[test]
    fn whole_cells() {
        assert_eq!(
            whole(" 40501 ").map(|f| (f.value, f.range)),
            Some(("40501".to_owned(), 1..6))
        );
        for text in ["20", "40501 x", "12345678901", "", "4.5"] {
            assert_eq!(whole(text), None, "{text}");
        }
    }

    #[test]
    fn ranges_slice_the_input() {
        let text = "x (識別碼：34513) y";
        let found = find(text);
        assert_eq!(&text[found[0].range.clone()], "34513");
    }
}
