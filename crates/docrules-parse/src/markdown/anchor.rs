//! Heading anchors exactly as each publishing site derives them from heading text, so that a
//! `#fragment` link is checked against the anchors readers' browsers will find.
//!
//! - GitHub: github-slugger (what GitHub's own renderer matches): lower case, then every
//!   character of the general categories Other_Number, punctuation but `-` and `_`, symbols,
//!   controls, private use, format, unassigned, and separators but the ASCII space is removed
//!   unless it is Alphabetic; spaces become `-`. Nothing is trimmed.
//! - DocFX / Microsoft Learn: markdig's GFM auto-identifiers: per UTF-16 unit, letters and
//!   decimal digits (lowered one unit at a time), `-` and `_` are kept, a space becomes `-`,
//!   everything else (astral characters, marks) is dropped; an empty result is `section`.

use std::collections::{HashMap, HashSet};

use docrules_model::front_matter::FrontMatter;
use docrules_model::manifest::AnchorRenderer;
use unicode_general_category::{GeneralCategory as Gc, get_general_category};

/// The renderer a file is published by when the manifest does not say: DocFX when its front
/// matter has `ms.*` keys (Microsoft Learn metadata), else GitHub.
pub fn infer_renderer(front_matter: &FrontMatter) -> AnchorRenderer {
    if front_matter.fields.keys().any(|k| k.starts_with("ms.")) {
        AnchorRenderer::Docfx
    } else {
        AnchorRenderer::Github
    }
}

/// The slug `renderer` derives from a heading's text, before de-duplication.
pub fn slug_as(renderer: AnchorRenderer, title: &str) -> String {
    match renderer {
        AnchorRenderer::Github => github_slug(title),
        AnchorRenderer::Docfx => docfx_slug(title),
    }
}

/// GitHub's slug of a heading's text (github-slugger's `slug`).
pub fn slug(title: &str) -> String {
    github_slug(title)
}

fn github_slug(title: &str) -> String {
    // `str::to_lowercase` maps a final sigma as JavaScript's `toLowerCase` does.
    title
        .to_lowercase()
        .chars()
        .filter(|&c| {
            // github-slugger's table is Unicode 13's, where these were unassigned (and so
            // not Alphabetic either).
            c == ' ' || c == '-' || !assigned_after_unicode_13(c) && !github_strips(c)
        })
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The general categories github-slugger removes, but for Alphabetic characters (some are
/// Other_Symbol). Alphabetic is asked of std only for characters the category table knows
/// (std may follow a newer Unicode than the table).
fn github_strips(c: char) -> bool {
    let category = get_general_category(c);
    if category != Gc::Unassigned && c.is_alphabetic() {
        return false;
    }
    matches!(
        category,
        Gc::OtherNumber
            | Gc::ClosePunctuation
            | Gc::FinalPunctuation
            | Gc::InitialPunctuation
            | Gc::OpenPunctuation
            | Gc::OtherPunctuation
            | Gc::DashPunctuation
            | Gc::MathSymbol
            | Gc::CurrencySymbol
            | Gc::ModifierSymbol
            | Gc::OtherSymbol
            | Gc::Control
            | Gc::PrivateUse
            | Gc::Format
            | Gc::Unassigned
            | Gc::SpaceSeparator
            | Gc::LineSeparator
            | Gc::ParagraphSeparator
    )
}

/// Code points assigned in Unicode 14, 15 and 16 (github-slugger's regex predates them), by
/// block: the ranges of the DerivedAge data for those versions, coarsened to the blocks that
/// are new, plus the few additions inside older blocks that letters or symbols occupy.
fn assigned_after_unicode_13(c: char) -> bool {
    const RANGES: &[(u32, u32)] = &[
        (0x0870, 0x089F),   // Arabic Extended-B (14)
        (0x10570, 0x105FF), // Vithkuqi (14), Todhri (16)
        (0x10780, 0x107BF), // Latin Extended-F (14)
        (0x10F70, 0x10FAF), // Old Uyghur (14)
        (0x11AB0, 0x11ABF), // Unified Canadian Aboriginal Syllabics Extended-A (14)
        (0x12F90, 0x12FFF), // Cypro-Minoan (14)
        (0x16A70, 0x16ACF), // Tangsa (14)
        (0x1AFF0, 0x1AFFF), // Kana Extended-B (14)
        (0x1CF00, 0x1CFCF), // Znamenny Musical Notation (14)
        (0x1DF00, 0x1DFFF), // Latin Extended-G (14)
        (0x1E290, 0x1E2BF), // Toto (14)
        (0x1E7E0, 0x1E7FF), // Ethiopic Extended-B (14)
        (0x11F00, 0x11F5F), // Kawi (15)
        (0x1D2C0, 0x1D2DF), // Kaktovik Numerals (15)
        (0x1E030, 0x1E08F), // Cyrillic Extended-D (15)
        (0x1E4D0, 0x1E4FF), // Nag Mundari (15)
        (0x31350, 0x323AF), // CJK Unified Ideographs Extension H (15)
        (0x2EBF0, 0x2EE5F), // CJK Unified Ideographs Extension I (15.1)
        (0x105C0, 0x105FF), // Todhri (16)
        (0x10D40, 0x10D8F), // Garay (16)
        (0x11380, 0x113FF), // Tulu-Tigalari (16)
        (0x116D0, 0x116FF), // Myanmar Extended-C (16)
        (0x11BC0, 0x11BFF), // Sunuwar (16)
        (0x13460, 0x143FF), // Egyptian Hieroglyphs Extended-A (16)
        (0x16100, 0x1613F), // Gurung Khema (16)
        (0x16D40, 0x16D7F), // Kirat Rai (16)
        (0x1CC00, 0x1CEBF), // Symbols for Legacy Computing Supplement (16)
        (0x1E5D0, 0x1E5FF), // Ol Onal (16)
    ];
    let c = c as u32;
    RANGES.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

fn docfx_slug(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for c in title.chars() {
        // A character outside the BMP is two UTF-16 units, neither a letter nor a digit.
        if c.len_utf16() > 1 {
            continue;
        }
        match c {
            ' ' => out.push('-'),
            '-' | '_' => out.push(c),
            c if is_letter_or_digit(c) => {
                // .NET's ToLowerInvariant maps one unit to one unit (simple case mapping).
                out.push(c.to_lowercase().next().unwrap_or(c));
            }
            _ => {}
        }
    }
    if out.is_empty() {
        "section".to_owned()
    } else {
        out
    }
}

/// .NET's `char.IsLetterOrDigit`: the letter categories and Decimal_Number.
fn is_letter_or_digit(c: char) -> bool {
    matches!(
        get_general_category(c),
        Gc::UppercaseLetter
            | Gc::LowercaseLetter
            | Gc::TitlecaseLetter
            | Gc::ModifierLetter
            | Gc::OtherLetter
            | Gc::DecimalNumber
    )
}

/// Makes the slugs of one document unique the way its renderer does.
#[derive(Debug)]
pub struct Slugger {
    renderer: AnchorRenderer,
    /// github-slugger: for each slug handed out or counted from, its occurrence counter.
    occurrences: HashMap<String, usize>,
    /// markdig: every identifier handed out.
    taken: HashSet<String>,
    /// markdig: for each base identifier, the suffix to try first. Every suffix below it was
    /// found taken (the set only grows), so starting there gives markdig's answer without
    /// counting from 1 again: n equal headings cost n probes, not n²/2.
    next_suffix: HashMap<String, usize>,
}

impl Slugger {
    /// A slugger for one document published by `renderer`.
    pub fn new(renderer: AnchorRenderer) -> Slugger {
        Slugger {
            renderer,
            occurrences: HashMap::new(),
            taken: HashSet::new(),
            next_suffix: HashMap::new(),
        }
    }

    /// The renderer this slugger follows.
    pub fn renderer(&self) -> AnchorRenderer {
        self.renderer
    }

    /// The unique anchor of a heading with this text.
    pub fn slug(&mut self, title: &str) -> String {
        let slug = slug_as(self.renderer, title);
        self.unique(slug)
    }

    /// Makes `slug` unique in the document and records it.
    pub fn unique(&mut self, slug: String) -> String {
        match self.renderer {
            // github-slugger: `echo`, `echo`, `echo 1` gives `echo`, `echo-1`, `echo-1-1`.
            AnchorRenderer::Github => {
                let mut result = slug.clone();
                while self.occurrences.contains_key(&result) {
                    let count = self.occurrences.entry(slug.clone()).or_insert(0);
                    *count += 1;
                    result = format!("{slug}-{count}");
                }
                self.occurrences.insert(result.clone(), 0);
                result
            }
            // markdig: `-1`, `-2`, … counted from 1 for each heading until one is free.
            AnchorRenderer::Docfx => {
                if self.taken.insert(slug.clone()) {
                    return slug;
                }
                let index = self.next_suffix.entry(slug.clone()).or_insert(1);
                loop {
                    let result = format!("{slug}-{index}");
                    *index += 1;
                    if self.taken.insert(result.clone()) {
                        return result;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_slugs() {
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
    fn docfx_slugs_keep_letters_and_digits_per_utf16_unit() {
        let docfx = |t| slug_as(AnchorRenderer::Docfx, t);
        assert_eq!(docfx("Basic troubleshooting"), "basic-troubleshooting");
        assert_eq!(docfx("C# & .NET 4.5"), "c--net-45");
        // Combining marks are not letters to .NET; astral characters are two units.
        assert_eq!(docfx("cafe\u{301} 😄 𝐁"), "cafe--");
        assert_eq!(
            docfx("需要協助嗎？ 联系支持人员"),
            "需要協助嗎-联系支持人员"
        );
        assert_eq!(docfx("!!!"), "section");
    }

    #[test]
    fn duplicates_follow_each_renderer() {
        let mut github = Slugger::new(AnchorRenderer::Github);
        let got: Vec<String> = ["echo", "echo", "echo 1", "echo"]
            .iter()
            .map(|t| github.slug(t))
            .collect();
        assert_eq!(got, ["echo", "echo-1", "echo-1-1", "echo-2"]);
        let mut docfx = Slugger::new(AnchorRenderer::Docfx);
        let got: Vec<String> = ["echo", "echo", "echo 1", "echo"]
            .iter()
            .map(|t| docfx.slug(t))
            .collect();
        assert_eq!(got, ["echo", "echo-1", "echo-1-1", "echo-2"]);
        let mut docfx = Slugger::new(AnchorRenderer::Docfx);
        let got: Vec<String> = ["a-1", "a", "a"].iter().map(|t| docfx.slug(t)).collect();
        assert_eq!(got, ["a-1", "a", "a-2"]);
    }
}
