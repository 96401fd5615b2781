//! The registry: every check and lint, by code, in one table. A rule is declared once: its
//! code here, its name, level and summary in its own file's `META` (beside the function that
//! runs it), its documentation in that file's `//!` comment. Adding a rule is its file, one
//! line below, its fixtures and snapshots.

use serde::Serialize;

use crate::finding::Finding;
use crate::lints::Target;
use docrules_align::Compiled;
use docrules_model::diagnostic::Level;

/// What a rule's own file declares about it.
#[derive(Debug)]
pub struct Meta {
    /// Kebab-case name, unique among all rules (`stale-fact`).
    pub name: &'static str,
    /// Default level.
    pub level: Level,
    /// One line: what it finds.
    pub summary: &'static str,
}

/// What a rule reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A check: runs once on a whole compiled corpus (`docrules check`).
    Check,
    /// A lint: runs on one file against the corpus's compiled rules (`docrules lint`).
    Lint,
}

/// How a rule runs.
#[derive(Clone, Copy, Debug)]
pub enum Runner {
    /// A check's function.
    Check(fn(&Compiled<'_>) -> Vec<Finding>),
    /// A lint's function.
    Lint(fn(&Target<'_>) -> Vec<Finding>),
}

macro_rules! registry {
    ($($variant:ident = $code:literal, $kind:ident $dir:ident::$module:ident;)*) => {
        /// Every check and lint.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(into = "&'static str")]
        pub enum RuleId {
            $(
                #[doc = concat!("`", $code, "`, in `", stringify!($dir), "/", stringify!($module), ".rs`.")]
                $variant,
            )*
        }

        impl RuleId {
            /// Every rule, checks first, by code.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant),*];

            /// The stable code (`DR101`, `DL003`).
            pub const fn code(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $code,)*
                }
            }

            /// What the rule's file declares.
            pub fn meta(self) -> &'static Meta {
                match self {
                    $(RuleId::$variant => &crate::$dir::$module::META,)*
                }
            }

            /// The function that runs it.
            pub fn runner(self) -> Runner {
                match self {
                    $(RuleId::$variant => registry!(@runner $kind crate::$dir::$module::run),)*
                }
            }

            /// The rule's source file, whose `//!` comment documents it.
            fn source(self) -> &'static str {
                match self {
                    $(RuleId::$variant => include_str!(concat!(
                        stringify!($dir), "/", stringify!($module), ".rs"
                    )),)*
                }
            }
        }
    };
    (@runner check $run:path) => { Runner::Check($run) };
    (@runner lint $run:path) => { Runner::Lint($run) };
}

registry! {
    StaleFact = "DR101", check checks::stale_fact;
    MissingSection = "DR102", check checks::missing_section;
    ExtraSection = "DR103", check checks::extra_section;
    InternalDisagreement = "DR104", check checks::internal_disagreement;
    CrossArticleDisagreement = "DR105", check checks::cross_article_disagreement;
    RequirementRegressed = "DR106", check checks::requirement_regressed;
    ImplausibleOrder = "DR107", check checks::implausible_order;
    ErrorIdRebound = "DR108", check checks::error_id_rebound;
    UnusedSuppression = "DR109", check checks::unused_suppression;
    MistranslatedFact = "DR110", check checks::mistranslated_fact;
    RewrittenSource = "DR111", check checks::rewritten_source;
    CorruptedLiteral = "DR112", check checks::corrupted_literal;
    StaleValue = "DL001", lint lints::stale_value;
    BrokenFragment = "DL002", lint lints::broken_fragment;
    UnknownHtmlElement = "DL003", lint lints::unknown_html_element;
    UnbalancedList = "DL004", lint lints::unbalanced_list;
    TableColumnCount = "DL005", lint lints::table_column_count;
    UntranslatedText = "DL006", lint lints::untranslated_text;
    InconsistentLiteral = "DL007", lint lints::inconsistent_literal;
    FrontMatter = "DL008", lint lints::front_matter;
}

impl RuleId {
    /// The kebab-case name.
    pub fn name(self) -> &'static str {
        self.meta().name
    }

    /// The default level.
    pub fn level(self) -> Level {
        self.meta().level
    }

    /// One line: what it finds.
    pub fn summary(self) -> &'static str {
        self.meta().summary
    }

    /// Whether it is a check or a lint.
    pub fn kind(self) -> Kind {
        match self.runner() {
            Runner::Check(_) => Kind::Check,
            Runner::Lint(_) => Kind::Lint,
        }
    }

    /// The documentation `docrules explain` prints: a title line made from the registry, then
    /// the `//!` comment of the rule's file.
    pub fn doc(self) -> String {
        format!(
            "# {} ({}, {})\n\n{}",
            self.name(),
            self.code(),
            self.level(),
            module_doc(self.source())
        )
    }

    /// The rule with this code or name, case-insensitively. A typo finds nothing.
    pub fn find(code_or_name: &str) -> Option<RuleId> {
        let wanted = code_or_name.trim();
        RuleId::ALL.iter().copied().find(|r| {
            r.code().eq_ignore_ascii_case(wanted) || r.name().eq_ignore_ascii_case(wanted)
        })
    }

    /// The rules of one kind, by code.
    pub fn of_kind(kind: Kind) -> impl Iterator<Item = RuleId> {
        RuleId::ALL
            .iter()
            .copied()
            .filter(move |r| r.kind() == kind)
    }
}

impl From<RuleId> for &'static str {
    fn from(rule: RuleId) -> &'static str {
        rule.code()
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The `//!` lines at the top of a source file, without the markers.
pub fn module_doc(source: &str) -> String {
    source
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .map(|l| {
            l.trim_start_matches("//!")
                .strip_prefix(' ')
                .unwrap_or(l.trim_start_matches("//!"))
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

/// The markdown table of the rules of one kind (code, name, level, summary), as the README
/// shows it; a test keeps the README's copy fresh.
pub fn markdown_table(kind: Kind) -> String {
    let mut out = String::from("| code | name | level | finds |\n| --- | --- | --- | --- |\n");
    for rule in RuleId::of_kind(kind) {
        out.push_str(&format!(
            "| {} | `{}` | {} | {} |\n",
            rule.code(),
            rule.name(),
            rule.level(),
            rule.summary().replace('|', "\\|")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_documented_and_named_uniquely() {
        for (i, rule) in RuleId::ALL.iter().enumerate() {
            let doc = rule.doc();
            assert!(
                doc.lines().count() >= 5,
                "{} has documentation",
                rule.name()
            );
            assert!(
                doc.contains("## Example") && doc.contains("## Fix"),
                "{} has an example and a fix",
                rule.name()
            );
            assert!(
                !module_doc(rule.source()).starts_with('#')
                    || module_doc(rule.source()).starts_with("##"),
                "{}: the title line comes from the registry, not the file",
                rule.name()
            );
            for other in &RuleId::ALL[i + 1..] {
                assert_ne!(rule.code(), other.code());
                assert_ne!(rule.name(), other.name());
            }
            assert_eq!(RuleId::find(rule.code()), Some(*rule));
            assert_eq!(RuleId::find(&rule.name().to_uppercase()), Some(*rule));
            let prefix = match rule.kind() {
                Kind::Check => "DR",
                Kind::Lint => "DL",
            };
            assert!(rule.code().starts_with(prefix), "{}", rule.code());
        }
        assert_eq!(RuleId::find("stale-facts"), None, "a typo finds nothing");
    }
}
