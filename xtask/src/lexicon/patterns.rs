//! CLDR unit patterns taken apart: the word beside the `{0}` placeholder, its plural category,
//! where the percent sign stands, case folding, and which words are one letter.

const PLURAL_CATEGORIES: &[&str] = &["zero", "one", "two", "few", "many", "other"];

/// The plural category of a pattern field, or `None` for a field that is not a pattern
/// (`displayName`, `perUnitPattern`, `gender`). Fields: `unitPattern-count-<cat>`,
/// `unitPattern-count-<cat>-case-<case>` (CLDR XML spelling) and `<case>-count-<cat>` (the
/// JSON spelling of case forms).
pub fn pattern_category(field: &str) -> Option<&'static str> {
    let (prefix, rest) = field.split_once("-count-")?;
    let category = match rest.split_once("-case-") {
        Some((category, case)) if prefix == "unitPattern" && !case.is_empty() => category,
        Some(_) => return None,
        None => rest,
    };
    if prefix != "unitPattern" && !prefix.chars().all(|c| c.is_ascii_lowercase()) {
        return None;
    }
    PLURAL_CATEGORIES.iter().copied().find(|&c| c == category)
}

/// The count a pattern with no number stands for: only exact categories qualify.
pub fn category_amount(category: &str) -> Option<u8> {
    match category {
        "zero" => Some(0),
        "one" => Some(1),
        "two" => Some(2),
        _ => None,
    }
}

/// A unit pattern with the `{0}` placeholder taken out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pattern {
    /// `{0} uur`: the word follows the number.
    After(String),
    /// `yüzde {0}`: the word comes first.
    Before(String),
    /// Text on both sides: not a plain unit word.
    Both(String, String),
    /// No placeholder: the word carries its count (`ساعتان`).
    Fused(String),
    /// Nothing but the placeholder.
    Empty,
}

pub fn split_pattern(pattern: &str) -> Pattern {
    match pattern.split_once("{0}") {
        None => {
            let word = trim(pattern);
            if word.is_empty() {
                Pattern::Empty
            } else {
                Pattern::Fused(word.to_owned())
            }
        }
        Some((before, after)) => match (trim(before), trim(after)) {
            ("", "") => Pattern::Empty,
            ("", after) => Pattern::After(after.to_owned()),
            (before, "") => Pattern::Before(before.to_owned()),
            (before, after) => Pattern::Both(before.to_owned(), after.to_owned()),
        },
    }
}

/// Spaces (ASCII, U+00A0, U+202F, any White_Space) and bidi marks (U+200E, U+200F, U+061C),
/// which CLDR puts around numbers in right-to-left locales.
fn is_trimmed(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2068}' | '\u{2069}'
        )
}

fn trim(text: &str) -> &str {
    text.trim_matches(is_trimmed)
}

/// Lower case where the script has case (a no-op elsewhere), with Turkish and Azerbaijani
/// dotted and dotless i.
pub fn lower(word: &str, language: &str) -> String {
    if matches!(language, "tr" | "az") {
        let dotted: String = word
            .chars()
            .map(|c| match c {
                'I' => 'ı',
                'İ' => 'i',
                c => c,
            })
            .collect();
        dotted.to_lowercase()
    } else {
        word.to_lowercase()
    }
}

/// Whether the percent sign precedes the digits in a CLDR percent pattern (positive part).
pub fn percent_before(pattern: &str) -> Option<bool> {
    let positive = pattern.split(';').next().unwrap_or(pattern);
    let mut quoted = false;
    let mut percent = None;
    let mut digit = None;
    for (i, c) in positive.char_indices() {
        match c {
            '\'' => quoted = !quoted,
            _ if quoted => {}
            '%' if percent.is_none() => percent = Some(i),
            '#' | '0'..='9' | '@' if digit.is_none() => digit = Some(i),
            _ => {}
        }
    }
    Some(percent? < digit?)
}

/// A word as compared with others: abbreviations are compared without their final mark (a period, the Devanagari abbreviation
/// sign `॰`, the Hebrew geresh `׳`): Czech narrow `{0} m` (minute) and `{0} m.` (month) are one
/// word at the end of a sentence.
pub fn word_key(word: &str) -> &str {
    word.strip_suffix(['.', '\u{0970}', '\u{05F3}', '\''])
        .filter(|w| !w.is_empty())
        .unwrap_or(word)
}

/// Combining marks of the scripts of the generated locales (vowel signs, points, accents): `से` is one
/// letter and its vowel sign.
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}' | '\u{05BF}'
        | '\u{05C1}'..='\u{05C2}' | '\u{05C4}'..='\u{05C5}' | '\u{05C7}' | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}' | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{093C}' | '\u{093E}'..='\u{094F}' | '\u{0951}'..='\u{0957}'
        | '\u{0962}'..='\u{0963}' | '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}'
        | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// A word of one letter of a spaced script (a final period aside): narrow forms such as `u`,
/// `a`, `η`, which are also words of their own (Spanish `de 1 a 5`, Greek article `η`).
pub fn is_single_letter(word: &str) -> bool {
    let mut chars = word_key(word).chars();
    let Some(first) = chars.next() else {
        return false;
    };
    // Thai writes words without spaces and many whole words are one consonant and a vowel
    // sign (`ปี`, year): not narrow forms.
    let thai = ('\u{0E00}'..='\u{0E7F}').contains(&first);
    first.is_alphabetic() && (first as u32) < 0x2E80 && !thai && chars.all(is_combining)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_split_around_the_number() {
        assert_eq!(split_pattern("{0} uur"), Pattern::After("uur".into()));
        assert_eq!(split_pattern("{0}\u{a0}h"), Pattern::After("h".into()));
        assert_eq!(
            split_pattern("{0}\u{202f}min"),
            Pattern::After("min".into())
        );
        assert_eq!(split_pattern("{0}時間"), Pattern::After("時間".into()));
        assert_eq!(split_pattern("yüzde {0}"), Pattern::Before("yüzde".into()));
        assert_eq!(split_pattern("%{0}"), Pattern::Before("%".into()));
        assert_eq!(split_pattern("ساعتان"), Pattern::Fused("ساعتان".into()));
        assert_eq!(
            split_pattern("\u{200f}{0}\u{200f} ש׳"),
            Pattern::After("ש׳".into())
        );
        assert_eq!(
            split_pattern("a {0} b"),
            Pattern::Both("a".into(), "b".into())
        );
        assert_eq!(split_pattern("{0}"), Pattern::Empty);
    }

    #[test]
    fn pattern_fields() {
        assert_eq!(pattern_category("unitPattern-count-one"), Some("one"));
        assert_eq!(pattern_category("unitPattern-count-few"), Some("few"));
        assert_eq!(pattern_category("genitive-count-many"), Some("many"));
        assert_eq!(
            pattern_category("unitPattern-count-one-case-genitive"),
            Some("one")
        );
        assert_eq!(pattern_category("displayName"), None);
        assert_eq!(pattern_category("perUnitPattern"), None);
        assert_eq!(pattern_category("gender"), None);
        assert_eq!(pattern_category("unitPattern-count-lots"), None);
    }

    #[test]
    fn percent_position() {
        assert_eq!(percent_before("%#,##0"), Some(true));
        assert_eq!(percent_before("#,##0%"), Some(false));
        assert_eq!(percent_before("#,##0\u{a0}%"), Some(false));
        assert_eq!(percent_before("'%'#,##0%"), Some(false));
        assert_eq!(percent_before("#,##0"), None);
    }

    #[test]
    fn case_folding() {
        assert_eq!(lower("Stunden", "de"), "stunden");
        assert_eq!(lower("Iİ", "tr"), "ıi");
        assert_eq!(lower("ΏΡΕΣ", "el"), "ώρες");
        assert_eq!(lower("時間", "ja"), "時間");
    }

    #[test]
    fn single_letters() {
        assert!(is_single_letter("u"));
        assert!(is_single_letter("m."));
        assert!(is_single_letter("η"));
        assert!(!is_single_letter("秒"));
        assert!(!is_single_letter("hr"));
        assert!(!is_single_letter("."));
        assert!(is_single_letter("से"));
        assert!(is_single_letter("से॰"));
        assert!(is_single_letter("י׳"));
        assert!(!is_single_letter("ปี"));
        assert!(!is_single_letter("घंटे"));
    }
}
