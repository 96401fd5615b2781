//! `docrules diff`: what changed between two versions of an article, the way a release note
//! would say it, every change traced to its lines. Changes have stable kebab-case IDs and a
//! level, in the spirit of oasdiff.

mod changes;
pub mod select;

use serde::Serialize;

use docrules_model::corpus::Version;
use docrules_model::date::Date;
use docrules_model::diagnostic::Level;
use docrules_model::fact::Value;
use docrules_model::locale::Locale;
use docrules_model::span::Span;

pub use changes::{diff, diff_aligned, diff_features, diff_in};

/// What a [`Change`] is; serialized as its [`id`](ChangeKind::id).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// A section of the new version aligned with no section of the old one.
    SectionAdded,
    /// A section of the old version aligned with no section of the new one.
    SectionRemoved,
    /// A section aligned one-to-one whose anchor changed.
    SectionRenamed,
    /// One old section aligned with several new ones.
    SectionSplit,
    /// Several old sections aligned with one new one.
    SectionMerged,
    /// A table row in only the new version of an aligned section (rows are matched by their
    /// error IDs and their rank among rows with the same IDs).
    RuleAdded,
    /// A table row in only the old version of an aligned section.
    RuleRemoved,
    /// An error ID stated in a section of the new version but not in the aligned old section.
    ErrorIdAdded,
    /// An error ID stated in a section of the old version but not in the aligned new section.
    ErrorIdRemoved,
    /// An aligned duration, count, percentage or port whose value changed.
    FactValueChanged,
    /// An aligned version number that went down.
    MinimumVersionLowered,
    /// An aligned version number that went up.
    MinimumVersionRaised,
    /// A duration, count, percentage, version, URL, path or registry key that only the new
    /// version states.
    FactAdded,
    /// A duration, count, percentage, version, URL, path or registry key that only the old
    /// version states.
    FactRemoved,
    /// A host name stated in a section of the new version but not in the aligned old section.
    HostAdded,
    /// A host name stated in a section of the old version but not in the aligned new section.
    HostRemoved,
    /// An IPv4 address or network stated in a section of the new version but not in the
    /// aligned old section.
    IpRangeAdded,
    /// An IPv4 address or network stated in a section of the old version but not in the
    /// aligned new section.
    IpRangeRemoved,
    /// A port in only the new version.
    PortAdded,
    /// A port in only the old version.
    PortRemoved,
}

impl ChangeKind {
    /// The stable kebab-case ID (`section-renamed`), the same as the serialized kind.
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// The new value is larger: a longer duration, a higher port or version, a count whose
    /// largest value is larger.
    Increased,
    /// The new value is smaller.
    Decreased,
    /// The new percentage range contains the old one.
    Widened,
    /// The new percentage range lies within the old one.
    Narrowed,
    /// The new percentage range neither contains nor lies within the old one.
    Shifted,
    /// No order applies (such as counts with the same largest value).
    Changed,
}

/// A place in one of the two files.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Place {
    /// The file's name in messages ([`Document::path`](docrules_model::document::Document::path)):
    /// relative to the corpus root for a corpus version, as given for a loose file.
    pub path: String,
    /// Where in the file.
    pub span: Span,
    /// The text there (a fact as written, a heading, a row), shortened for display.
    pub text: String,
}

/// One change between the two versions, with where it is on each side.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// This change's identity, unique in its changelog and stable across runs and unrelated
    /// edits: the kind, then the fact key, else the section (`fact-value-changed:<key>`,
    /// `section-renamed:<old anchor>`), with `#2`, `#3` for the next changes of one identity.
    pub id: String,
    /// The kind's level ([`ChangeKind::level`]): a warning or information.
    pub level: Level,
    /// The section the change belongs to: its anchor in the new version (in the old one when it
    /// was removed).
    pub section: String,
    /// One line for the changelog (`duration increased: 48 h → 10 d`).
    pub message: String,
    /// Where the change is in the old version; `None` for an addition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Place>,
    /// Where the change is in the new version; `None` for a removal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Place>,
    /// The fact's value before, typed as in `docrules facts` (display it with `to_string`:
    /// `48 h`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_value: Option<Value>,
    /// The fact's value after.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_value: Option<Value>,
    /// A renamed section's old anchor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_anchor: Option<String>,
    /// A renamed section's new anchor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_anchor: Option<String>,
    /// Which way the value moved, for value and version changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The aligned fact key (`section/kind/subject`, its section named as in the new version),
    /// for fact changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The fact's kind, for fact changes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact_kind: Option<docrules_model::fact::FactKind>,
    /// Position for ordering: the section's index in the new version (old sections that were
    /// removed sort after the new section that precedes them), a group, and a byte offset.
    #[serde(skip)]
    pub order: (usize, usize, u32),
}

/// Identifies one side of a diff.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Side {
    /// The file's path: relative to the corpus root for a corpus version, as given for a loose
    /// file.
    pub path: String,
    /// The file's locale; `None` for a loose file whose front matter and folder name none.
    pub locale: Option<Locale>,
    /// `ms.date`, else the date in the file name; `None` when neither gives one.
    pub date: Option<Date>,
    /// The commit the version was read from (git history).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
}

impl Side {
    /// The side of a corpus version.
    pub fn of(version: &Version) -> Side {
        Side {
            path: version.path.clone(),
            locale: Some(version.locale.clone()),
            date: version.date,
            commit: version.commit.clone(),
        }
    }
}

/// What changed between two versions of one article.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Changelog {
    /// The article's name: its corpus folder; for loose files, the new file's title (front
    /// matter `title`, else its first level-1 heading, else its file stem).
    pub article: String,
    /// The version diffed from.
    pub old: Side,
    /// The version diffed to.
    pub new: Side,
    /// Ordered by section (in the new version's order) and line, as [`diff`] returns them.
    pub changes: Vec<Change>,
}

/// Gives each change its [`Change::id`]: the kind and the fact key or section, numbered when
/// several changes share one.
pub(crate) fn assign_ids(changes: &mut [Change]) {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for change in changes {
        let subject = change
            .key
            .as_deref()
            .or(change.old_anchor.as_deref())
            .unwrap_or(&change.section);
        let base = format!("{}:{subject}", change.kind.id());
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        change.id = if *n == 1 { base } else { format!("{base}#{n}") };
    }
}
