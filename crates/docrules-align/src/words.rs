//! Words as numbers: texts of one language are compared by the sets of their lower-cased words,
//! millions of times on a documentation repository, so a word is its 64-bit hash, computed
//! while lower-casing and without allocating, and a text's words are a sorted vector of them.
//! (Two distinct words of one article sharing a hash is a 1 in 10¹⁴ event; it would only make
//! two texts look a little more alike.)

/// A lower-cased word, by its hash.
pub(crate) type Word = u64;

/// FNV-1a over the UTF-8 bytes of the lower-cased word: deterministic across runs and
/// machines, unlike the standard library's randomly keyed hasher.
pub(crate) fn hash_lowercase(word: &str) -> Word {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut push = |c: char| {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    if word.is_ascii() {
        word.bytes()
            .for_each(|b| push(char::from(b.to_ascii_lowercase())));
    } else {
        // `str::to_lowercase`'s one context rule (a final capital sigma is `ς`) is kept.
        let lower = word.to_lowercase();
        lower.chars().for_each(push);
    }
    hash
}

/// The words of `text` (runs of alphanumeric characters) of at least `min_chars` characters,
/// lower-cased, appended to `out` in text order.
pub(crate) fn push_words(text: &str, min_chars: usize, out: &mut Vec<Word>) {
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if !w.is_empty() && at_least_chars(w, min_chars) {
            out.push(hash_lowercase(w));
        }
    }
}

/// [`push_words`] into a new vector.
pub(crate) fn words(text: &str, min_chars: usize) -> Vec<Word> {
    let mut out = Vec::new();
    push_words(text, min_chars, &mut out);
    out
}

fn at_least_chars(w: &str, n: usize) -> bool {
    w.len() >= n && (w.is_ascii() || w.chars().nth(n.saturating_sub(1)).is_some())
}

/// Sorted, without repeats: a set to merge with another.
pub(crate) fn into_set(mut words: Vec<Word>) -> Vec<Word> {
    words.sort_unstable();
    words.dedup();
    words
}

/// The Jaccard index of two sets made by [`into_set`].
pub(crate) fn jaccard(a: &[Word], b: &[Word]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = common(a, b);
    common as f32 / (a.len() + b.len() - common) as f32
}

/// How many words two sets made by [`into_set`] share.
pub(crate) fn common(a: &[Word], b: &[Word]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_cased_and_counted_in_characters() {
        assert_eq!(words("Vault vault VAULT", 3), vec![words("vault", 3)[0]; 3]);
        // Three characters, six bytes: kept at 3, dropped at 4.
        assert_eq!(words("日本語 ab", 3).len(), 1);
        assert!(words("日本語", 4).is_empty());
        assert_eq!(words("ÉCOLE Σοφός", 3), words("école σοφός", 3));
        // A word is lower-cased as `str::to_lowercase` does it, final sigma included.
        assert_eq!(words("ΟΔΟΣ", 3), words("οδος", 3));
        assert_ne!(words("ab", 2), words("ba", 2));
    }

    #[test]
    fn sets_compare_by_what_they_share() {
        let a = into_set(words("one two three three", 2));
        let b = into_set(words("two three four", 2));
        assert_eq!(a.len(), 3);
        assert_eq!(common(&a, &b), 2);
        assert!((jaccard(&a, &b) - 0.5).abs() < f32::EPSILON);
        assert_eq!(jaccard(&a, &[]), 0.0);
    }
}
