//! Typed facts: number-like statements normalized so that `48 時間`, `48 小時` and `48 hours`
//! compare equal, with the text as written and its span.

use serde::Serialize;
use std::fmt;

use crate::document::ColumnRole;
use crate::index::{RowId, SectionId};
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FactKind {
    Duration,
    Count,
    Percent,
    Version,
    ErrorId,
    Ipv4,
    Host,
    Url,
    Port,
    Path,
    RegistryKey,
}

impl FactKind {
    pub const ALL: [FactKind; 11] = [
        FactKind::Duration,
        FactKind::Count,
        FactKind::Percent,
        FactKind::Version,
        FactKind::ErrorId,
        FactKind::Ipv4,
        FactKind::Host,
        FactKind::Url,
        FactKind::Port,
        FactKind::Path,
        FactKind::RegistryKey,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Duration => "duration",
            FactKind::Count => "count",
            FactKind::Percent => "percent",
            FactKind::Version => "version",
            FactKind::ErrorId => "error-id",
            FactKind::Ipv4 => "ipv4",
            FactKind::Host => "host",
            FactKind::Url => "url",
            FactKind::Port => "port",
            FactKind::Path => "path",
            FactKind::RegistryKey => "registry-key",
        }
    }

    /// Kinds whose value is a quantity that can change while the fact stays the same.
    pub fn is_quantity(self) -> bool {
        matches!(
            self,
            FactKind::Duration
                | FactKind::Count
                | FactKind::Percent
                | FactKind::Version
                | FactKind::Port
        )
    }

    pub fn parse(name: &str) -> Option<FactKind> {
        FactKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl fmt::Display for FactKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a stated number bounds the quantity: `48 時間以上` is at least 48 hours.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Comparator {
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Within,
}

impl Comparator {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::AtLeast => "≥",
            Comparator::MoreThan => ">",
            Comparator::AtMost => "≤",
            Comparator::LessThan => "<",
            Comparator::Within => "within",
        }
    }
}

/// Units of time as written; the value is normalized to milliseconds.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum TimeUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl TimeUnit {
    /// Milliseconds in one unit. A month is 30 days and a year 365 days: documentation states
    /// retention and validity periods, not calendar arithmetic.
    pub fn millis(self) -> u64 {
        const SECOND: u64 = 1_000;
        match self {
            TimeUnit::Second => SECOND,
            TimeUnit::Minute => 60 * SECOND,
            TimeUnit::Hour => 3_600 * SECOND,
            TimeUnit::Day => 86_400 * SECOND,
            TimeUnit::Week => 7 * 86_400 * SECOND,
            TimeUnit::Month => 30 * 86_400 * SECOND,
            TimeUnit::Year => 365 * 86_400 * SECOND,
        }
    }

    /// Short symbol for display: `s`, `min`, `h`, `d`, `w`, `mo`, `y`.
    pub fn symbol(self) -> &'static str {
        match self {
            TimeUnit::Second => "s",
            TimeUnit::Minute => "min",
            TimeUnit::Hour => "h",
            TimeUnit::Day => "d",
            TimeUnit::Week => "w",
            TimeUnit::Month => "mo",
            TimeUnit::Year => "y",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TimeUnit::Second => "second",
            TimeUnit::Minute => "minute",
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
            TimeUnit::Month => "month",
            TimeUnit::Year => "year",
        }
    }
}

/// A normalized value. Equal values mean the same thing whatever language or unit wrote them.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Value {
    /// `millis` is the normalized length; `amount` and `unit` are as written (`48`, hour).
    Duration {
        millis: u64,
        amount: f64,
        unit: TimeUnit,
    },
    /// One number, or alternatives (`60,000 または 65,000`), in the order written.
    Count {
        values: Vec<u64>,
    },
    /// A percentage or a range of percentages (`5% から 10%`): `low == high` for one value.
    Percent {
        low: f64,
        high: f64,
    },
    /// Ordered components; `minimum` when the text says "or later" (`以降`).
    Version {
        components: Vec<u64>,
        minimum: bool,
    },
    /// Decimal digits, lower-case `0x…` hex, or a symbolic name (`SalLowDiskSpace`).
    ErrorId {
        id: String,
    },
    Ipv4 {
        address: [u8; 4],
        prefix: Option<u8>,
    },
    /// Lower-cased host name; `wildcard` for `*.example.com`.
    Host {
        host: String,
        wildcard: bool,
    },
    Url {
        url: String,
        host: String,
        fragment: Option<String>,
    },
    Port {
        port: u16,
    },
    /// For comparison: separators as `\`, lower case, no trailing separator.
    Path {
        normalized: String,
    },
    RegistryKey {
        normalized: String,
    },
}

impl Value {
    pub fn kind(&self) -> FactKind {
        match self {
            Value::Duration { .. } => FactKind::Duration,
            Value::Count { .. } => FactKind::Count,
            Value::Percent { .. } => FactKind::Percent,
            Value::Version { .. } => FactKind::Version,
            Value::ErrorId { .. } => FactKind::ErrorId,
            Value::Ipv4 { .. } => FactKind::Ipv4,
            Value::Host { .. } => FactKind::Host,
            Value::Url { .. } => FactKind::Url,
            Value::Port { .. } => FactKind::Port,
            Value::Path { .. } => FactKind::Path,
            Value::RegistryKey { .. } => FactKind::RegistryKey,
        }
    }

    /// Whether two values state the same thing (units and spelling aside).
    pub fn same_as(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Duration { millis: a, .. }, Value::Duration { millis: b, .. }) => a == b,
            (Value::Version { components: a, .. }, Value::Version { components: b, .. }) => {
                let trim = |c: &[u64]| c.len() - c.iter().rev().take_while(|&&x| x == 0).count();
                a[..trim(a)] == b[..trim(b)]
            }
            _ => self == other,
        }
    }
}

/// Human-readable value: `48 h`, `10 d` (durations in the unit written), `60000 | 65000`,
/// `5–10 %`, `4.5.2+`.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Duration { amount, unit, .. } => write!(f, "{amount} {}", unit.symbol()),
            Value::Count { values } => {
                let values: Vec<String> = values.iter().map(u64::to_string).collect();
                f.write_str(&values.join(" | "))
            }
            Value::Percent { low, high } if low == high => write!(f, "{low} %"),
            Value::Percent { low, high } => write!(f, "{low}–{high} %"),
            Value::Version {
                components,
                minimum,
            } => {
                let parts: Vec<String> = components.iter().map(u64::to_string).collect();
                write!(f, "{}{}", parts.join("."), if *minimum { "+" } else { "" })
            }
            Value::ErrorId { id } => f.write_str(id),
            Value::Ipv4 {
                address: [a, b, c, d],
                prefix,
            } => match prefix {
                Some(p) => write!(f, "{a}.{b}.{c}.{d}/{p}"),
                None => write!(f, "{a}.{b}.{c}.{d}"),
            },
            Value::Host { host, wildcard } => {
                write!(f, "{}{host}", if *wildcard { "*." } else { "" })
            }
            Value::Url { url, .. } => f.write_str(url),
            Value::Port { port } => write!(f, "{port}"),
            Value::Path { normalized } | Value::RegistryKey { normalized } => {
                f.write_str(normalized)
            }
        }
    }
}

/// Where a fact is, for keys and for people.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactContext {
    pub section: SectionId,
    /// The rule (table row) the fact is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<RowId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<ColumnRole>,
    /// The word counted (`マシン`, `files`) or the product a version is of (`.NET Framework`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub noun: Option<String>,
    /// For quantities: the literals stated beside them in the same cell or paragraph (normalized
    /// paths, hosts, file extensions such as `.tmp`), which survive translation and tell what is
    /// counted or measured.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub literals: Vec<String>,
}

/// Identity of a fact across versions and locales of one article: the section, the kind and a
/// subject built from what translation does not change (error IDs, literals, column, position).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct FactKey {
    /// The section's anchor (sections are aligned across versions by a later stage).
    pub section: String,
    pub kind: FactKind,
    pub subject: String,
}

impl fmt::Display for FactKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{}", self.section, self.kind, self.subject)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fact {
    pub kind: FactKind,
    pub value: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparator: Option<Comparator>,
    /// The statement as written, verbatim from the source.
    pub text: String,
    pub span: Span,
    pub context: FactContext,
    pub key: FactKey,
    /// The name `docrules.toml` gives the key, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_display_as_written() {
        let d = Value::Duration {
            millis: 48 * TimeUnit::Hour.millis(),
            amount: 48.0,
            unit: TimeUnit::Hour,
        };
        assert_eq!(d.to_string(), "48 h");
        let d = Value::Duration {
            millis: 10 * TimeUnit::Day.millis(),
            amount: 10.0,
            unit: TimeUnit::Day,
        };
        assert_eq!(d.to_string(), "10 d");
    }

    #[test]
    fn versions_compare_without_trailing_zeros() {
        let v = |c: &[u64]| Value::Version {
            components: c.to_vec(),
            minimum: false,
        };
        assert!(v(&[3, 0]).same_as(&v(&[3])));
        assert!(!v(&[4, 5, 2]).same_as(&v(&[4, 6, 2])));
    }

    #[test]
    fn kinds_round_trip_their_names() {
        for kind in FactKind::ALL {
            assert_eq!(FactKind::parse(kind.as_str()), Some(kind));
        }
    }
}
