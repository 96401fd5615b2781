//! Names in the generated crate: stable rule ids, and readable Rust identifiers for rules,
//! articles and named facts.
//!
//! A rule id must not shift when a row is inserted above its row, so it is built from what the
//! row says: its error IDs (`34513.1`, the first row of the section with IDs {34513}), else its
//! message (`replica-is-inconsistent`). Only a row with neither gets a position (`row.3`), and
//! then among such rows only.

use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap};

use crate::CodegenError;
use docrules_model::document::{ColumnRole, Document, Rule};
use docrules_model::index::{RowId, SectionId};

/// Longest message slug kept in a rule id, in characters.
const MAX_SLUG_CHARS: usize = 48;
/// Longest anchor part of a rule constant's name, in characters.
const MAX_ANCHOR_IDENT: usize = 40;

/// The row part of every rule's id in `doc` (index = rule index): unique within its section.
pub fn row_ids(doc: &Document) -> Vec<String> {
    let identities = docrules_parse::extract::key::row_identities(doc);
    let mut taken: HashMap<(SectionId, String), usize> = HashMap::new();
    let mut positional: HashMap<SectionId, usize> = HashMap::new();
    doc.rules
        .iter()
        .enumerate()
        .map(|(r, rule)| {
            let base = if rule.error_ids.is_empty() {
                message_slug(rule).unwrap_or_else(|| {
                    let n = positional.entry(rule.section).or_insert(0);
                    *n += 1;
                    format!("row.{n}")
                })
            } else {
                identities
                    .get(&RowId::new(r))
                    .cloned()
                    .unwrap_or_else(|| format!("row.{r}"))
            };
            let n = taken.entry((rule.section, base.clone())).or_insert(0);
            *n += 1;
            if *n == 1 { base } else { format!("{base}.{n}") }
        })
        .collect()
}

/// A slug of the row's message (its error cell, else its first non-empty cell): lower case,
/// letters and digits of any script kept, everything else one `-`.
fn message_slug(rule: &Rule) -> Option<String> {
    let text = rule
        .cells_with(ColumnRole::Error)
        .map(|c| c.text())
        .find(|t| !t.trim().is_empty())
        .or_else(|| {
            rule.cells
                .iter()
                .filter(|c| c.role != ColumnRole::Operation)
                .map(|c| c.text())
                .find(|t| !t.trim().is_empty())
        })?;
    let first_line = text.lines().next().unwrap_or_default();
    let mut slug = String::new();
    for c in first_line.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.chars().count() >= MAX_SLUG_CHARS {
            break;
        }
    }
    let slug = slug.trim_matches('-').to_owned();
    (!slug.is_empty()).then_some(slug)
}

/// Upper-snake ASCII from text: letters and digits kept, the rest `_`, runs collapsed.
fn upper_snake(text: &str) -> String {
    let mut name = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_uppercase());
        } else if !name.ends_with('_') {
            name.push('_');
        }
    }
    name.trim_matches('_').to_owned()
}

/// `name` cut after whole `_`-separated words to at most `max` characters.
fn cut_words(name: &str, max: usize) -> String {
    let mut out = String::new();
    for word in name.split('_') {
        if !out.is_empty() && out.len() + 1 + word.len() > max {
            break;
        }
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(word);
    }
    out.chars().take(max).collect()
}

/// The constant name of a rule inside its article's module: a few words of its section's
/// anchor, then its row (`INVALID_VAULT_CREDENTIALS_PROVIDED_34513_1`); a row named in another
/// script is named by a short digest of its id (`BACKUP_ROW_1A2B3C4D`).
pub fn rule_ident(anchor: &str, row: &str) -> String {
    let anchor = cut_words(&upper_snake(anchor), MAX_ANCHOR_IDENT);
    let row_ascii = row.is_ascii();
    let row = if row_ascii {
        cut_words(&upper_snake(row), MAX_ANCHOR_IDENT)
    } else {
        let digest = Sha256::digest(row.as_bytes());
        let hex: String = digest.iter().take(4).map(|b| format!("{b:02X}")).collect();
        format!("ROW_{hex}")
    };
    match (anchor.is_empty(), row.is_empty()) {
        (true, _) => row,
        (false, true) => anchor,
        (false, false) => format!("{anchor}_{row}"),
    }
}

/// A module name for an article (`backup_azure_mars_troubleshoot`).
pub fn module_ident(article: &str) -> String {
    upper_snake(article).to_ascii_lowercase()
}

/// A valid, unique identifier from `name` (an upper- or lower-case snake name made by this
/// module): prefixed when it does not start with a letter, suffixed `_2`, `_3`… when taken, and
/// validated by `syn`, so no text can become anything but an identifier.
pub fn ident(name: &str, taken: &mut BTreeSet<String>) -> Result<syn::Ident, CodegenError> {
    let mut name = name.to_owned();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name = format!("R_{name}");
    }
    let mut unique = name.clone();
    let mut n = 2;
    while !taken.insert(unique.clone()) {
        unique = format!("{name}_{n}");
        n += 1;
    }
    syn::parse_str::<syn::Ident>(&unique).map_err(|e| CodegenError::Identifier {
        name: unique.clone(),
        reason: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(table: &str) -> Vec<String> {
        ids_under("| Error | Cause |\n| --- | --- |\n", table)
    }

    fn ids_under(header: &str, table: &str) -> Vec<String> {
        let text = format!("# T\n\n## Errors\n\n{header}{table}");
        let doc = docrules_parse::corpus::read_document(
            "t.md",
            text.into_bytes(),
            None,
            &Default::default(),
        )
        .expect("parses");
        row_ids(&doc)
    }

    #[test]
    fn a_row_inserted_above_changes_no_id() {
        let before = ids("| Failed (ID: 100) | x |\n| Disk is full | y |\n| Disk is full | z |\n");
        let after = ids(
            "| New error | w |\n| Failed (ID: 100) | x |\n| Disk is full | y |\n| Disk is full | z |\n",
        );
        assert_eq!(before, ["100.1", "disk-is-full", "disk-is-full.2"]);
        assert_eq!(after[1..], before[..]);
        assert_eq!(after[0], "new-error");
    }

    #[test]
    fn rows_with_nothing_to_name_them_are_positional_among_themselves() {
        let header = "| Operation | Error |\n| --- | --- |\n";
        let rows = "| Backup | |\n| Backup | Busy |\n| Restore | |\n";
        assert_eq!(ids_under(header, rows), ["row.1", "busy", "row.2"]);
    }

    #[test]
    fn identifiers_are_short_and_ascii() {
        assert_eq!(
            rule_ident("invalid-vault-credentials-provided", "34513.1"),
            "INVALID_VAULT_CREDENTIALS_PROVIDED_34513_1"
        );
        let long = rule_ident(
            "the-microsoft-azure-recovery-service-agent-was-unable-to-connect",
            "100050.1",
        );
        assert_eq!(long, "THE_MICROSOFT_AZURE_RECOVERY_SERVICE_100050_1");
        let cjk = rule_ident("backup", "レプリカに整合性がありません");
        assert!(cjk.starts_with("BACKUP_ROW_") && cjk.len() == "BACKUP_ROW_".len() + 8);
        let mut taken = BTreeSet::new();
        assert_eq!(ident("X", &mut taken).unwrap().to_string(), "X");
        assert_eq!(ident("X", &mut taken).unwrap().to_string(), "X_2");
        assert_eq!(ident("1A", &mut taken).unwrap().to_string(), "R_1A");
    }
}
