//! `docrules diff`: what changed between two versions of an article, the way a release note
//! would say it, every change traced to its lines. Changes have stable kebab-case IDs and a
//! level, in the spirit of oasdiff.

mod changes;
pub mod select;

use serde::Serialize;

use docrules_model::corpus::Version;
use docrules_model::date::Date;
use docrules_model::diagnostic::Level;
use docrules_model::locale::Locale;
use docrules_model::span::Span;

pub use changes::diff;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    SectionAdded,
    SectionRemoved,
    SectionRenamed,
    SectionSplit,
    SectionMerged,
    RuleAdded,
    RuleRemoved,
    ErrorIdAdded,
    ErrorIdRemoved,
    FactValueChanged,
    MinimumVersionLowered,
    MinimumVersionRaised,
    FactAdded,
    FactRemoved,
    HostAdded,
    HostRemoved,
    IpRangeAdded,
    IpRangeRemoved,
    PortAdded,
    PortRemoved,
}

impl ChangeKind {
    pub fn id(self) -> &'static str {
        match self {
            ChangeKind::SectionAdded => "section-added",
            ChangeKind::SectionRemoved => "section-removed",
            ChangeKind::SectionRenamed => "section-renamed",
            ChangeKind::SectionSplit => "section-split",
            ChangeKind::SectionMerged => "section-merged",
            ChangeKind::RuleAdded => "rule-added",
            ChangeKind::RuleRemoved => "rule-removed",
            ChangeKind::ErrorIdAdded => "error-id-added",
            ChangeKind::ErrorIdRemoved => "error-id-removed",
            ChangeKind::FactValueChanged => "fact-value-changed",
            ChangeKind::MinimumVersionLowered => "minimum-version-lowered",
            ChangeKind::MinimumVersionRaised => "minimum-version-raised",
            ChangeKind::FactAdded => "fact-added",
            ChangeKind::FactRemoved => "fact-removed",
            ChangeKind::HostAdded => "host-added",
            ChangeKind::HostRemoved => "host-removed",
            ChangeKind::IpRangeAdded => "ip-range-added",
            ChangeKind::IpRangeRemoved => "ip-range-removed",
            ChangeKind::PortAdded => "port-added",
            ChangeKind::PortRemoved => "port-removed",
        }
    }

    /// Removals and renames break links and readers' expectations; a lowered minimum may be a
    /// mistake; additions are news.
    pub fn level(self) -> Level {
        match self {
            ChangeKind::SectionRemoved
            | ChangeKind::SectionRenamed
            | ChangeKind::RuleRemoved
            | ChangeKind::ErrorIdRemoved
            | ChangeKind::FactValueChanged
            | ChangeKind::MinimumVersionLowered
            | ChangeKind::FactRemoved
            | ChangeKind::HostRemoved
            | ChangeKind::IpRangeRemoved
            | ChangeKind::PortRemoved => Level::Warning,
            _ => Level::Info,
        }
    }
}

/// Which way a value moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Increased,
    Decreased,
    Widened,
    Narrowed,
    Shifted,
    Changed,
}

/// A place in one of the two files.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Place {
    pub path: String,
    pub span: Span,
    /// The text there (a fact as written, a heading, a row), shortened for display.
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    pub kind: ChangeKind,
    pub id: &'static str,
    pub level: Level,
    /// The section the change belongs to: its anchor in the new version (in the old one when it
    /// was removed).
    pub section: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Place>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Place>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The aligned fact key and the fact's kind, for fact changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact_kind: Option<docrules_model::fact::FactKind>,
    /// Position for ordering: the section's index in the new version (old sections that were
    /// removed sort after the new section that precedes them), a group, and a byte offset.
    #[serde(skip)]
    pub order: (usize, usize, u32),
}

/// Identifies one side of a diff.
#[derive(Clone, Debug, Serialize)]
pub struct Side {
    pub path: String,
    pub locale: Option<Locale>,
    pub date: Option<Date>,
}

impl Side {
    pub fn of(version: &Version) -> Side {
        Side {
            path: version.path.clone(),
            locale: Some(version.locale.clone()),
            date: version.date,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Changelog {
    pub article: String,
    pub old: Side,
    pub new: Side,
    pub changes: Vec<Change>,
}
