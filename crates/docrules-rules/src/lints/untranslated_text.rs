//! A table header, or a whole sentence, left in English in a file whose locale is another
//! language. Conservative: a header counts when the lexicons know it as English only; a
//! sentence counts in CJK-language files when it has at least six Latin words and no CJK
//! character (code and links excluded).
//!
//! ## Why it matters
//!
//! Untranslated headers (`Error` in a ja-JP table) and sentences are what machine and human
//! translation most often miss when a source section changes.
//!
//! ## Example
//!
//! `| Error | 推奨アクション |` in a ja-JP file: `Error` is English (`エラー`).
//!
//! ## Fix
//!
//! Translate it, or suppress the finding where English is intended (product names, messages
//! quoted as the software prints them).

use super::Target;
use crate::finding::Finding;
use crate::registry::Meta;
use crate::registry::RuleId;
use docrules_lexicon::lexicon_tag;
use docrules_model::diagnostic::Level;
use docrules_model::document::{Block, Inline};

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F)
}

/// Text of prose, without code spans and link targets.
fn prose(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text { text, .. } => out.push_str(text),
            Inline::Strong { children, .. } | Inline::Emphasis { children, .. } => {
                prose(children, out)
            }
            Inline::Break { .. } | Inline::SoftBreak { .. } | Inline::List { .. } => out.push(' '),
            _ => {}
        }
    }
}

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "untranslated-text",
    level: Level::Info,
    summary: "a header or sentence left in the source language",
};

pub(crate) fn run(target: &Target<'_>) -> Vec<Finding> {
    let lint = RuleId::UntranslatedText;
    let Some(locale) = target.locale else {
        return Vec::new();
    };
    if locale.language() == "en" {
        return Vec::new();
    }
    let mut out = Vec::new();
    let own = lexicon_tag(locale);
    for table in &target.doc.tables {
        for header in &table.header {
            if header.role_language == Some("en") && !own.is_empty() && own != "en" {
                let mut finding = target.finding(
                    lint,
                    header.span,
                    "English".into(),
                    format!(
                        "table header `{}` is English in a {locale} file",
                        header.text
                    ),
                );
                finding.help = Some("translate the header".into());
                out.push(finding);
            }
        }
    }
    if !matches!(locale.language(), "ja" | "zh" | "ko") {
        return out;
    }
    for section in &target.doc.sections {
        for block in &section.blocks {
            let Block::Paragraph(paragraph) = block else {
                continue;
            };
            let mut text = String::new();
            prose(&paragraph.inlines, &mut text);
            let words = text
                .split_whitespace()
                .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
                .count();
            if words >= 6 && !text.chars().any(is_cjk) {
                let mut finding = target.finding(
                    lint,
                    paragraph.span,
                    "English".into(),
                    format!("this paragraph is English in a {locale} file"),
                );
                finding.help = Some("translate it".into());
                out.push(finding);
            }
        }
    }
    out
}
