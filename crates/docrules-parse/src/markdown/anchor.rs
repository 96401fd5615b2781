//! Heading anchors as publishing sites derive them from heading text.

use std::collections::HashMap;

/// GitHub-style slug: lower case, letters/digits/marks of any script kept (so CJK headings get
/// CJK anchors), spaces become `-`, other punctuation is dropped.
pub fn slug(title: &str) -> String {
    title
        .trim()
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            ' ' | '\t' | '\u{3000}' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() || is_mark(c) => Some(c),
            _ => None,
        })
        .collect()
}

/// Combining marks (Hangul, Devanagari, accents written as combining characters) stay in slugs.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0900..=0x0DFF | 0x3099..=0x309A | 0x20D0..=0x20FF)
}

/// Makes derived slugs unique within a document the way GitHub does: `a`, `a-1`, `a-2`.
#[derive(Debug, Default)]
pub struct SlugCounter {
    seen: HashMap<String, usize>,
}

impl SlugCounter {
    pub fn unique(&mut self, slug: String) -> String {
        let count = self.seen.entry(slug.clone()).or_insert(0);
        let unique = if *count == 0 {
            slug
        } else {
            format!("{slug}-{count}")
        };
        *count += 1;
        unique
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Basic troubleshooting"), "basic-troubleshooting");
        assert_eq!(slug("Pre-requisites!"), "pre-requisites");
        assert_eq!(
            slug("基本的なトラブルシューティング"),
            "基本的なトラブルシューティング"
        );
        assert_eq!(slug("需要協助嗎？ 联系支持人员"), "需要協助嗎-联系支持人员");
        assert_eq!(
            slug("Azure Backup エージェント (MARS)"),
            "azure-backup-エージェント-mars"
        );
        assert_eq!(slug("C# & .NET 4.5"), "c--net-45");
    }

    #[test]
    fn duplicates_are_numbered() {
        let mut counter = SlugCounter::default();
        assert_eq!(counter.unique("a".into()), "a");
        assert_eq!(counter.unique("a".into()), "a-1");
        assert_eq!(counter.unique("b".into()), "b");
        assert_eq!(counter.unique("a".into()), "a-2");
    }
}
