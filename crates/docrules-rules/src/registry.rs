//! The registry of checks and lints: each rule's code, name, level, summary and documentation,
//! declared once in its own file.

use docrules_model::diagnostic::Level;

/// A registered check or lint: stable code and name, default level, one-line summary, the source
/// file whose leading `//!` comment is its documentation, and the function that runs it.
#[derive(Debug)]
pub struct RuleDef<Run> {
    pub code: &'static str,
    pub name: &'static str,
    pub level: Level,
    /// One line: what it finds.
    pub summary: &'static str,
    pub(crate) source: &'static str,
    pub(crate) run: Run,
}

impl<Run> RuleDef<Run> {
    /// The documentation: the `//!` comment that opens the rule's file.
    pub fn doc(&self) -> String {
        module_doc(self.source)
    }
}

/// Finds a rule by code or name, case-insensitively.
pub fn find_in<Run>(
    rules: &'static [RuleDef<Run>],
    code_or_name: &str,
) -> Option<&'static RuleDef<Run>> {
    rules.iter().find(|r| {
        r.code.eq_ignore_ascii_case(code_or_name) || r.name.eq_ignore_ascii_case(code_or_name)
    })
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

/// A registry entry for the check or lint in file `$module.rs`: its documentation is that
/// file's `//!` comment, its function `$module::run`.
macro_rules! rule_def {
    ($module:ident, $code:literal, $name:literal, $level:expr, $summary:literal) => {
        $crate::registry::RuleDef {
            code: $code,
            name: $name,
            level: $level,
            summary: $summary,
            source: include_str!(concat!(stringify!($module), ".rs")),
            run: $module::run,
        }
    };
}
pub(crate) use rule_def;
