//! How alike two headings are, by their anchors and titles: the evidence a section that kept
//! its place but changed its name is recognized by.

/// Bigram Dice similarity of two strings, ignoring `-` and case.
pub fn similarity(a: &str, b: &str) -> f32 {
    let grams = |s: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = s
            .chars()
            .filter(|c| *c != '-' && !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        let mut g: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        g.sort_unstable();
        g
    };
    let (a, b) = (grams(a), grams(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    2.0 * common as f32 / (a.len() + b.len()) as f32
}

/// Words of an English slug that say nothing about a section.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "from", "in", "is", "of", "on", "or", "the", "to", "with",
    "your",
];

/// The share of the shorter anchor's words (stop words and a plural `s` aside) that the other
/// anchor has; 0 when the shorter has no word of four letters or more. A translation keeps its
/// source's anchors, so this compares two English slugs even across languages: `regions` is in
/// `region-max-scale-out`, and `maximum-instances-for-an-app` has only words of
/// `maximum-function-app-instances`, but `old-topic` is not `new-topic`.
pub fn anchor_words_shared(a: &str, b: &str) -> f32 {
    let words = |s: &str| -> Vec<String> {
        let mut out: Vec<String> = s
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .filter(|w| !w.is_empty() && !STOPWORDS.contains(&w.as_str()))
            .map(|w| match w.strip_suffix('s') {
                Some(stem) if stem.chars().count() >= 4 && !stem.ends_with('s') => stem.to_owned(),
                _ => w,
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    };
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if !short.iter().any(|w| w.chars().count() >= 4) {
        return 0.0;
    }
    let shared = short.iter().filter(|w| long.contains(w)).count();
    shared as f32 / short.len() as f32
}

#[cfg(test)]
mod tests {
    use super::{anchor_words_shared, similarity};

    #[test]
    fn anchor_similarity() {
        assert!(similarity("pre-requisites", "prerequisites") > 0.99);
        assert!(
            similarity(
                "backups-dont-run-according-to-the-schedule",
                "backups-dont-run-according-to-schedule"
            ) > 0.9
        );
        assert!(
            similarity(
                "troubleshoot-restore-issues",
                "troubleshoot-restore-problems"
            ) > 0.55
        );
        assert!(similarity("next-steps", "common-issues") < 0.3);
        assert_eq!(similarity("", "x"), 0.0);
    }

    #[test]
    fn anchor_words() {
        assert_eq!(anchor_words_shared("regions", "region-max-scale-out"), 1.0);
        assert_eq!(
            anchor_words_shared(
                "maximum-instances-for-an-app",
                "maximum-function-app-instances"
            ),
            1.0
        );
        assert_eq!(anchor_words_shared("next-steps", "common-issues"), 0.0);
        assert_eq!(anchor_words_shared("old-topic", "new-topic"), 0.5);
        assert_eq!(
            anchor_words_shared("faq", "faqs"),
            0.0,
            "short words say nothing"
        );
        assert_eq!(
            anchor_words_shared("access", "acces"),
            0.0,
            "`ss` is no plural"
        );
    }
}
