//! # unused-suppression (DR109, info)
//!
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
use docrules_align::Compiled;

/// Reported by [`super::suppress::apply`], which knows what each suppression matched.
pub(super) fn run(_: &Compiled<'_>) -> Vec<Finding> {
    Vec::new()
}
