//! Locale tags, normalized so that a folder `ja-jp` and front matter `ja-JP` compare equal.

use serde::{Serialize, Serializer};
use std::fmt;

/// A BCP 47-style tag in canonical case: language lower case, script title case, region upper
/// case (`ja-JP`, `zh-Hant`, `zh-Hant-TW`). Anything else is kept as written, lower-cased.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Locale(String);

impl Locale {
    /// Parses a tag (`ja-jp`, `zh_hant_tw`) into canonical case; `_` separates subtags as `-`
    /// does.
    ///
    /// Returns `None` unless the tag looks like `ll`, `lll`, `ll-RR`, `ll-Ssss`, `ll-Ssss-RR`, …
    ///
    /// ```
    /// use docrules_model::locale::Locale;
    ///
    /// let locale = Locale::parse("zh_hant_tw").unwrap();
    /// assert_eq!(locale.as_str(), "zh-Hant-TW");
    /// assert_eq!(locale.language(), "zh");
    /// assert_eq!((locale.script(), locale.region()), (Some("Hant"), Some("TW")));
    /// assert_eq!(Locale::parse("ja-jp"), Locale::parse("ja-JP"));
    /// assert_eq!(Locale::parse("images"), None);
    /// ```
    pub fn parse(tag: &str) -> Option<Locale> {
        let tag = tag.trim().replace('_', "-");
        let mut parts = tag.split('-');
        let language = parts.next()?;
        if !(2..=3).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_alphabetic())
        {
            return None;
        }
        let mut out = language.to_ascii_lowercase();
        for part in parts {
            if part.is_empty() || part.len() > 8 || !part.bytes().all(|b| b.is_ascii_alphanumeric())
            {
                return None;
            }
            out.push('-');
            match part.len() {
                4 if part.bytes().all(|b| b.is_ascii_alphabetic()) => {
                    out.push_str(&part[..1].to_ascii_uppercase());
                    out.push_str(&part[1..].to_ascii_lowercase());
                }
                2 | 3 => out.push_str(&part.to_ascii_uppercase()),
                _ => out.push_str(&part.to_ascii_lowercase()),
            }
        }
        Some(Locale(out))
    }

    /// The tag in canonical case (`ja-JP`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The language subtag (`ja` of `ja-JP`).
    pub fn language(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    /// The region subtag, if any (`TW` of `zh-TW`).
    pub fn region(&self) -> Option<&str> {
        self.0
            .split('-')
            .skip(1)
            .find(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_uppercase()))
    }

    /// The script subtag, if any (`Hant` of `zh-Hant-TW`).
    pub fn script(&self) -> Option<&str> {
        self.0
            .split('-')
            .skip(1)
            .find(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_alphabetic()))
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Locale {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Serialized as its canonical BCP 47 tag (`ja-JP`).
impl schemars::JsonSchema for Locale {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Locale".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]+)*$" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_case() {
        assert_eq!(Locale::parse("ja-jp").unwrap().as_str(), "ja-JP");
        assert_eq!(Locale::parse("ZH_hant_tw").unwrap().as_str(), "zh-Hant-TW");
        assert_eq!(Locale::parse("en").unwrap().as_str(), "en");
        assert_eq!(Locale::parse("ja-jp"), Locale::parse("ja-JP"));
    }

    #[test]
    fn parts() {
        let l = Locale::parse("zh-hant-tw").unwrap();
        assert_eq!(
            (l.language(), l.script(), l.region()),
            ("zh", Some("Hant"), Some("TW"))
        );
    }

    #[test]
    fn rejects_non_tags() {
        for bad in ["", "images", "x", "ja--jp", "2019-07-15", "日本"] {
            assert_eq!(Locale::parse(bad), None, "{bad}");
        }
    }
}
