//! Symbolic error codes (`SalLowDiskSpace`, `CBPSourceSnapshotFailedReplicaMissingOrInvalid`).
//! CamelCase words are everywhere in technical text, so a word is an error code only where the
//! document says so: as a whole heading, as a whole error-code cell, or after an error-code label.

use docrules_lexicon::FactLexicon;
use docrules_model::document::{Inline, plain_text};
use docrules_model::fact::Value;

/// A code-like word: starts with a letter, letters and digits (and `_`), mixed case with at least
/// one inner capital, at least 6 characters.
fn is_code(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars.len() >= 6
        && chars[0].is_ascii_alphabetic()
        && chars.iter().all(|c| c.is_ascii_alphanumeric() || *c == '_')
        && chars.iter().any(|c| c.is_ascii_lowercase())
        && chars
            .windows(2)
            .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
}

/// The content as one code, when that is all it holds; the range is the word in the source.
pub fn whole(inlines: &[Inline], text: &str) -> Option<(std::ops::Range<usize>, Value)> {
    let plain = plain_text(inlines);
    if !is_code(&plain) {
        return None;
    }
    let runs = super::text_runs(inlines);
    let range = runs.into_iter().find_map(|run| {
        let offset = text[run.clone()].find(&plain)?;
        Some(run.start + offset..run.start + offset + plain.len())
    })?;
    Some((range, Value::ErrorId { id: plain }))
}

/// A code right after an error-code label (`**エラー コード**:CBPServer…`), the label ending
/// `previous` run or starting this one.
pub fn after_label(
    run: &str,
    previous: Option<&str>,
    lex: &FactLexicon,
) -> Vec<(std::ops::Range<usize>, Value)> {
    let mut start = 0;
    let label_before = previous.is_some_and(|p| {
        let p = p.trim_end().trim_end_matches([':', '：']).trim_end();
        lex.error_code_labels.suffix_of(p).is_some()
    });
    if !label_before {
        let trimmed = run.trim_start();
        match lex.error_code_labels.prefix_of(trimmed) {
            Some(((), len)) => start = run.len() - trimmed.len() + len,
            None => return Vec::new(),
        }
    }
    let rest = &run[start..];
    let skipped = rest.len() - rest.trim_start_matches([':', '：', ' ', '\u{3000}']).len();
    let word_start = start + skipped;
    let word_len = run[word_start..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(run.len() - word_start);
    let word = &run[word_start..word_start + word_len];
    if !is_code(word) {
        return Vec::new();
    }
    vec![(
        word_start..word_start + word_len,
        Value::ErrorId {
            id: word.to_owned(),
        },
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_words() {
        for code in [
            "SalLowDiskSpace",
            "SalBitmapError",
            "CBPSourceSnapshotFailedReplicaMissingOrInvalid",
            "UserErrorVmNotFound",
        ] {
            assert!(is_code(code), "{code}");
        }
        for word in [
            "Backup",
            "PowerShell 3.0",
            "ID",
            "0x1FC07",
            "バックアップ",
            "TLS",
            "Sal",
        ] {
            assert!(!is_code(word), "{word}");
        }
    }
}
