//! Word lists matched next to a number (`hours`, `more than`, `時間`): case-insensitive, with
//! word boundaries in spaced scripts, longest word first.

/// A word list for matching next to a number; longest words first so the first match is the
/// longest (`時間` before `時`, `or later` before `or`).
#[derive(Clone, Debug)]
pub struct Words<T> {
    entries: Vec<(String, T)>,
    /// Lower-cased first characters of the words, for a cheap test before matching.
    initials: Vec<char>,
    /// The entries by the first (and by the last) character of the lower-cased word, in the
    /// entries' order: a word can only match text that starts (ends) with that character, so
    /// a match looks at a handful of words, not the whole list, at every position.
    by_first: Vec<(char, Vec<usize>)>,
    by_last: Vec<(char, Vec<usize>)>,
}

impl<T> Default for Words<T> {
    fn default() -> Self {
        Words {
            entries: Vec::new(),
            initials: Vec::new(),
            by_first: Vec::new(),
            by_last: Vec::new(),
        }
    }
}

/// The first character of `c` lower-cased: what [`same_letter`] agrees on when it matches.
fn fold(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// The last character of `c` lower-cased.
fn fold_last(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().last().unwrap_or(c)
    }
}

/// Indices of `words` grouped by `key`, each group in the words' order, groups sorted by key.
fn buckets<'a>(
    words: impl Iterator<Item = &'a str>,
    key: impl Fn(&str) -> Option<char>,
) -> Vec<(char, Vec<usize>)> {
    let mut out: Vec<(char, Vec<usize>)> = Vec::new();
    for (i, word) in words.enumerate() {
        let Some(k) = key(word) else { continue };
        match out.binary_search_by(|(c, _)| c.cmp(&k)) {
            Ok(at) => out[at].1.push(i),
            Err(at) => out.insert(at, (k, vec![i])),
        }
    }
    out
}

fn bucket(buckets: &[(char, Vec<usize>)], c: Option<char>) -> &[usize] {
    c.and_then(|c| buckets.binary_search_by(|(k, _)| k.cmp(&c)).ok())
        .map_or(&[], |at| buckets[at].1.as_slice())
}

impl<T: Copy> Words<T> {
    pub(crate) fn push(&mut self, word: &str, value: T) {
        let word = word.trim();
        if !word.is_empty() && !self.entries.iter().any(|(w, _)| w == word) {
            self.entries.push((word.to_owned(), value));
        }
    }

    pub(crate) fn finish(&mut self) {
        self.entries.sort_by(|a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then(a.0.cmp(&b.0))
        });
        self.initials = self
            .entries
            .iter()
            .filter_map(|(w, _)| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect();
        self.initials.sort_unstable();
        self.initials.dedup();
        let words = || self.entries.iter().map(|(w, _)| w.as_str());
        self.by_first = buckets(words(), |w| w.chars().next().map(fold));
        self.by_last = buckets(words(), |w| w.chars().next_back().map(fold_last));
    }

    /// The longest word `text` starts with, and its byte length in `text`.
    pub fn prefix_of(&self, text: &str) -> Option<(T, usize)> {
        bucket(&self.by_first, text.chars().next().map(fold))
            .iter()
            .find_map(|&i| {
                let (word, value) = &self.entries[i];
                match_prefix(text, word).map(|len| (*value, len))
            })
    }

    /// The longest word `text` ends with, and its byte length in `text`.
    pub fn suffix_of(&self, text: &str) -> Option<(T, usize)> {
        bucket(&self.by_last, text.chars().next_back().map(fold_last))
            .iter()
            .find_map(|&i| {
                let (word, value) = &self.entries[i];
                match_suffix(text, word).map(|len| (*value, len))
            })
    }

    /// Whether the list holds no word.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether some word starts with `c` (case-insensitively): a cheap test before a match.
    pub fn may_start_with(&self, c: char) -> bool {
        if self.initials.is_empty() || (c as u32) >= 0x2E80 {
            return false;
        }
        let lower = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c.to_lowercase().next().unwrap_or(c)
        };
        self.initials.binary_search(&lower).is_ok()
    }
}

/// Case-insensitive prefix match; a word ending in a letter or digit must not run on into one
/// (`h` is not the start of `hosts`).
fn match_prefix(text: &str, word: &str) -> Option<usize> {
    let mut text_chars = text.char_indices();
    let mut len = 0;
    for w in word.chars() {
        let (i, c) = text_chars.next()?;
        if !same_letter(c, w) {
            return None;
        }
        len = i + c.len_utf8();
    }
    let word_ends_alnum = word.chars().last().is_some_and(is_word_char);
    let next = text[len..].chars().next();
    if word_ends_alnum && next.is_some_and(is_word_char) {
        return None;
    }
    Some(len)
}

fn match_suffix(text: &str, word: &str) -> Option<usize> {
    let mut text_chars = text.char_indices().rev();
    let mut start = text.len();
    for w in word.chars().rev() {
        let (i, c) = text_chars.next()?;
        if !same_letter(c, w) {
            return None;
        }
        start = i;
    }
    let word_starts_alnum = word.chars().next().is_some_and(is_word_char);
    let prev = text[..start].chars().next_back();
    if word_starts_alnum && prev.is_some_and(is_word_char) {
        return None;
    }
    Some(text.len() - start)
}

/// Letters of alphabetic scripts (where words are separated by spaces) and digits. CJK
/// characters are not: `時間以上` is three words written together.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || ((c as u32) < 0x2E80 && c.is_alphabetic())
}

fn same_letter(a: char, b: char) -> bool {
    if a == b {
        return true;
    }
    if a.is_ascii() || b.is_ascii() {
        return a.eq_ignore_ascii_case(&b);
    }
    // CJK has no case: skip the case tables.
    if (a as u32) >= 0x2E80 || (b as u32) >= 0x2E80 {
        return false;
    }
    a.to_lowercase().eq(b.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Words<()> {
        let mut w = Words::default();
        list.iter().for_each(|x| w.push(x, ()));
        w.finish();
        w
    }

    #[test]
    fn longest_prefix_with_word_boundaries() {
        let w = words(&["h", "hours", "時間", "時"]);
        assert_eq!(w.prefix_of("hours later"), Some(((), 5)));
        assert_eq!(w.prefix_of("H."), Some(((), 1)));
        assert_eq!(w.prefix_of("hosts"), None);
        assert_eq!(w.prefix_of("時間以上"), Some(((), 6)));
    }

    #[test]
    fn suffix_with_word_boundaries() {
        let w = words(&["more than", "超過", "over"]);
        assert_eq!(
            w.suffix_of("files: more than "),
            None,
            "trailing space is the caller's"
        );
        assert_eq!(w.suffix_of("files: More than"), Some(((), 9)));
        assert_eq!(w.suffix_of("下載超過"), Some(((), 6)));
        assert_eq!(w.suffix_of("moreover"), None);
    }
}
