//! A suppression in `docrules.toml` (`[[suppress]]`) or an inline
//! `<!-- docrules-disable … -->` comment that suppressed no finding.
//!
//! ## Why it matters
//!
//! Suppressions outlive the problems they hid; a stale one will silently hide a new, real
//! finding later. Removing them keeps the configuration honest.
//!
//! ## Example
//!
//! ```toml
//! [[suppress]]
//! code = "stale-fact"
//! path = "backup-azure-mars-troubleshoot/zh-tw/2019-05-21.md"
//! reason = "zh-TW update pending"   # the file was fixed since
//! ```
//!
//! ## Fix
//!
//! Delete the suppression.

use super::Finding;
use crate::registry::Meta;
use docrules_align::Compiled;
use docrules_model::diagnostic::Level;

/// What this rule is, for the registry.
pub(crate) const META: Meta = Meta {
    name: "unused-suppression",
    level: Level::Info,
    summary: "a suppression that suppresses nothing",
};

/// Reported by [`crate::suppress::apply`], which knows what each suppression matched.
pub(crate) fn run(_: &Compiled<'_>) -> Vec<Finding> {
    Vec::new()
}
