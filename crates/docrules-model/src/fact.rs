//! Typed facts: number-like statements normalized so that `48 時間`, `48 小時` and `48 hours`
//! compare equal, with the text as written and its span.

use serde::Serialize;
use std::fmt;

use crate::document::ColumnRole;
use crate::index::{RowId, SectionId};
use crate::span::Span;

/// What kind of value a fact states.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum FactKind {
    /// A length of time (`48 時間`, `10 days`).
    Duration,
    /// A number of things (`65,000 files`, `50 台`).
    Count,
    /// A number per length of time (`80 objects per second`, `초당 15개`, `20 オブジェクト/秒`).
    Rate,
    /// A percentage, or a range of percentages.
    Percent,
    /// A version number (`4.5.2`, `.NET Framework 4.5.2 以降`).
    Version,
    /// An error identifier (`34513`, `0x1FC07`, `SalLowDiskSpace`).
    ErrorId,
    /// An IPv4 address or network (`20.190.128.0/18`).
    Ipv4,
    /// A host name (`*.microsoft.com`).
    Host,
    /// An `http` or `https` URL.
    Url,
    /// A port number (`port 443`, `443 番ポート`).
    Port,
    /// A file system path (`C:\Windows\Temp`).
    Path,
    /// A Windows registry key (`HKLM\SOFTWARE\…`).
    RegistryKey,
}

impl FactKind {
    /// Every kind, in declaration order.
    pub const ALL: [FactKind; 12] = [
        FactKind::Duration,
        FactKind::Count,
        FactKind::Rate,
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

    /// The kebab-case name (`error-id`), as in fact keys and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Duration => "duration",
            FactKind::Count => "count",
            FactKind::Rate => "rate",
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
                | FactKind::Rate
                | FactKind::Percent
                | FactKind::Version
                | FactKind::Port
        )
    }

    /// The kind named `name` ([`FactKind::as_str`]), if any.
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
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Comparator {
    /// At least the number (`≥`): `at least`, `以上`.
    AtLeast,
    /// More than the number (`>`): `more than`, `を超える`.
    MoreThan,
    /// At most the number (`≤`): `up to`, `以下`.
    AtMost,
    /// Less than the number (`<`): `less than`, `未満`.
    LessThan,
    /// Within the time stated: `within`, `以内`.
    Within,
}

impl Comparator {
    /// The symbol for display: `≥`, `>`, `≤`, `<`, or `within`.
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
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum TimeUnit {
    /// A second.
    Second,
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A day.
    Day,
    /// A week: 7 days.
    Week,
    /// A month, counted as 30 days.
    Month,
    /// A year, counted as 365 days.
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

    /// The kebab-case name (`hour`), as in lexicon files and JSON.
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

/// One end of a duration range: the normalized length and the number and unit as written.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct DurationBound {
    /// The length in milliseconds.
    pub millis: u64,
    /// The number as written (`4`, `1.5`).
    pub amount: f64,
    /// The unit as written, or the one the range shares (`4 to 30 minutes`).
    pub unit: TimeUnit,
}

/// A normalized value. Equal values mean the same thing whatever language or unit wrote them.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Value {
    /// `millis` is the normalized length; `amount` and `unit` are as written (`48`, hour).
    Duration {
        /// The length in milliseconds.
        millis: u64,
        /// The number as written (`48`, `1.5`).
        amount: f64,
        /// The unit as written.
        unit: TimeUnit,
    },
    /// A range of lengths (`4 to 30 minutes`, `4分～30分`): one statement, compared by both
    /// ends, so a translation with another upper bound is stale.
    DurationRange {
        /// The lower end.
        low: DurationBound,
        /// The upper end.
        high: DurationBound,
    },
    /// One number, or alternatives (`60,000 または 65,000`), in the order written.
    Count {
        /// The numbers, in the order written.
        values: Vec<u64>,
    },
    /// A range of numbers (`10 - 20` in a column of counts, `5 to 10 servers`).
    CountRange {
        /// The lower end.
        low: u64,
        /// The upper end.
        high: u64,
    },
    /// A number per length of time (`80 objects per second`, `每秒 30 個物件`): compared per
    /// unit of time, so `60 per minute` states what `1 per second` does.
    Rate {
        /// The number as written (`80`).
        amount: f64,
        /// The length of time it is per, as written.
        per: TimeUnit,
        /// What is counted, when it is a unit every language writes alike (`MiB`, `Gbit`):
        /// `60 MiB/s` and `60 GiB/s` differ. Words (`objects`, `オブジェクト`) are not kept.
        #[serde(skip_serializing_if = "Option::is_none")]
        of: Option<String>,
    },
    /// A percentage or a range of percentages (`5% から 10%`): `low == high` for one value.
    Percent {
        /// The lower bound, in percent (`5.0` for 5 %).
        low: f64,
        /// The upper bound, in percent.
        high: f64,
    },
    /// Ordered components; `minimum` when the text says "or later" (`以降`).
    Version {
        /// The numeric components, most significant first (`[4, 5, 2]`).
        components: Vec<u64>,
        /// Whether the version is a minimum (`or later`, `以降`, `at least`).
        minimum: bool,
    },
    /// Decimal digits, lower-case `0x…` hex, or a symbolic name (`SalLowDiskSpace`).
    ErrorId {
        /// The normalized identifier.
        id: String,
    },
    /// An IPv4 address, or a network when a prefix length is given.
    Ipv4 {
        /// The four octets, in order.
        address: [u8; 4],
        /// The CIDR prefix length, 0–32 (`18` of `/18`).
        prefix: Option<u8>,
    },
    /// Lower-cased host name; `wildcard` for `*.example.com`.
    Host {
        /// The host name, lower-cased, without a leading `*.` or `.`.
        host: String,
        /// Whether written `*.example.com` or `.example.com`: the domain and its subdomains.
        wildcard: bool,
    },
    /// An `http` or `https` URL, trailing punctuation dropped.
    Url {
        /// The URL as written.
        url: String,
        /// Its host, lower-cased, without user info or port.
        host: String,
        /// The part after `#`, if any.
        fragment: Option<String>,
    },
    /// A port number.
    Port {
        /// The port.
        port: u16,
    },
    /// For comparison: separators as `\`, lower case, no trailing separator.
    Path {
        /// The path normalized as above (`c:\windows\temp`).
        normalized: String,
    },
    /// A registry key, normalized like a path, with the hive written out.
    RegistryKey {
        /// Lower case, `\`-separated, the hive in full (`hkey_local_machine\software\…`).
        normalized: String,
    },
}

impl Value {
    /// The kind of fact the value states.
    pub fn kind(&self) -> FactKind {
        match self {
            Value::Duration { .. } | Value::DurationRange { .. } => FactKind::Duration,
            Value::Count { .. } | Value::CountRange { .. } => FactKind::Count,
            Value::Rate { .. } => FactKind::Rate,
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
            (
                Value::DurationRange { low: a0, high: a1 },
                Value::DurationRange { low: b0, high: b1 },
            ) => a0.millis == b0.millis && a1.millis == b1.millis,
            (
                Value::Rate {
                    amount: a,
                    per: pa,
                    of: oa,
                },
                Value::Rate {
                    amount: b,
                    per: pb,
                    of: ob,
                },
            ) => {
                // Cross-multiplied, so `1/s` and `60/min` are equal without a division.
                oa == ob && a * pb.millis() as f64 == b * pa.millis() as f64
            }
            (Value::Version { components: a, .. }, Value::Version { components: b, .. }) => {
                let trim = |c: &[u64]| c.len() - c.iter().rev().take_while(|&&x| x == 0).count();
                a[..trim(a)] == b[..trim(b)]
            }
            _ => self == other,
        }
    }

    /// The two ends of a duration or count range, each as one value (`4 min` and `30 min` of
    /// `4–30 min`); `None` for other values.
    pub fn range_ends(&self) -> Option<[Value; 2]> {
        match self {
            Value::DurationRange { low, high } => Some([*low, *high].map(|end| Value::Duration {
                millis: end.millis,
                amount: end.amount,
                unit: end.unit,
            })),
            Value::CountRange { low, high } => {
                Some([*low, *high].map(|n| Value::Count { values: vec![n] }))
            }
            _ => None,
        }
    }

    /// The lower and upper ends of a duration (in milliseconds) or count, one value or a
    /// range; `None` for other kinds and for lists of alternatives. Lets a diff tell a range
    /// widened from one that shifted.
    pub fn bounds(&self) -> Option<(u64, u64)> {
        match self {
            Value::Duration { millis, .. } => Some((*millis, *millis)),
            Value::DurationRange { low, high } => Some((low.millis, high.millis)),
            Value::Count { values } => match values.as_slice() {
                [one] => Some((*one, *one)),
                _ => None,
            },
            Value::CountRange { low, high } => Some((*low, *high)),
            _ => None,
        }
    }
}

/// Human-readable value: `48 h`, `10 d` (durations in the unit written), `4–30 min`,
/// `60000 | 65000`, `10–20`, `5–10 %`, `4.5.2+`.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Duration { amount, unit, .. } => write!(f, "{amount} {}", unit.symbol()),
            Value::DurationRange { low, high } if low.unit == high.unit => {
                write!(f, "{}–{} {}", low.amount, high.amount, high.unit.symbol())
            }
            Value::DurationRange { low, high } => write!(
                f,
                "{} {}–{} {}",
                low.amount,
                low.unit.symbol(),
                high.amount,
                high.unit.symbol()
            ),
            Value::Count { values } => {
                let values: Vec<String> = values.iter().map(u64::to_string).collect();
                f.write_str(&values.join(" | "))
            }
            Value::CountRange { low, high } => write!(f, "{low}–{high}"),
            Value::Rate { amount, per, of } => match of {
                Some(of) => write!(f, "{amount} {of}/{}", per.symbol()),
                None => write!(f, "{amount}/{}", per.symbol()),
            },
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
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct FactContext {
    /// The section the fact is in.
    pub section: SectionId,
    /// The rule (table row) the fact is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<RowId>,
    /// The role of the column the fact is in; `None` outside tables.
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
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema)]
pub struct FactKey {
    /// The section's anchor (sections are aligned across versions by a later stage).
    pub section: String,
    /// The fact's kind.
    pub kind: FactKind,
    /// What the fact is about in its section: `<place>/<literal, product or ordinal>`, where the
    /// place is `text` or a row and column (`34513.1/cause`).
    pub subject: String,
}

impl fmt::Display for FactKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{}", self.section, self.kind, self.subject)
    }
}

/// A typed statement of a document: its normalized value, the text as written, where it is, and
/// its identity across versions.
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Fact {
    /// The value's kind.
    pub kind: FactKind,
    /// The normalized value.
    pub value: Value,
    /// How the number bounds the quantity, when the text says (`以上`, `more than`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparator: Option<Comparator>,
    /// The statement as written, verbatim from the source.
    pub text: String,
    /// Where the statement is.
    pub span: Span,
    /// Where the fact is in the document's structure.
    pub context: FactContext,
    /// Its identity across versions and locales of the article.
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
    fn duration_ranges_compare_by_both_ends() {
        let end = |amount: f64, unit: TimeUnit| DurationBound {
            millis: (amount * unit.millis() as f64) as u64,
            amount,
            unit,
        };
        let range = |low, high| Value::DurationRange { low, high };
        let minutes = range(end(4.0, TimeUnit::Minute), end(30.0, TimeUnit::Minute));
        assert_eq!(minutes.to_string(), "4–30 min");
        assert_eq!(minutes.kind(), FactKind::Duration);
        let mixed = range(end(240.0, TimeUnit::Second), end(0.5, TimeUnit::Hour));
        assert_eq!(mixed.to_string(), "240 s–0.5 h");
        assert!(minutes.same_as(&mixed));
        assert!(!minutes.same_as(&range(
            end(4.0, TimeUnit::Minute),
            end(20.0, TimeUnit::Minute)
        )));
        let single = Value::Duration {
            millis: 4 * TimeUnit::Minute.millis(),
            amount: 4.0,
            unit: TimeUnit::Minute,
        };
        assert!(!minutes.same_as(&single));
        assert_eq!(minutes.bounds(), Some((240_000, 1_800_000)));
        let ends = minutes.range_ends().map(|e| e.map(|v| v.to_string()));
        assert_eq!(ends, Some(["4 min".to_owned(), "30 min".to_owned()]));
        let counts = Value::CountRange { low: 10, high: 20 };
        assert_eq!(
            (counts.to_string(), counts.kind()),
            ("10–20".to_owned(), FactKind::Count)
        );
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
