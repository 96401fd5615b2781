//! Problems found while loading and parsing: each names its file and, where it has one, its line.

use serde::Serialize;
use std::fmt;

use crate::span::Span;

/// How serious a problem is; levels order `Info < Warning < Error`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Worth knowing, not necessarily wrong.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong: a corpus with an error diagnostic does not compile.
    Error,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        })
    }
}

/// One problem with the input. `code` is a stable kebab-case name users can search for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Diagnostic {
    /// How serious the problem is.
    pub level: Level,
    /// Stable kebab-case name of the problem (`invalid-utf8`, `column-count`).
    pub code: &'static str,
    /// What is wrong, for people.
    pub message: String,
    /// Path relative to the corpus root, `/`-separated (commands print it relative to the
    /// current directory).
    pub path: String,
    /// Where in the file, when the problem has a position.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// How to fix it, shown as `= help: …`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with no position and no help.
    pub fn new(level: Level, code: &'static str, path: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            level,
            code,
            message: message.into(),
            path: path.to_owned(),
            span: None,
            help: None,
        }
    }

    /// A [`Level::Error`] diagnostic with no position and no help.
    pub fn error(code: &'static str, path: &str, message: impl Into<String>) -> Self {
        Self::new(Level::Error, code, path, message)
    }

    /// A [`Level::Warning`] diagnostic with no position and no help.
    pub fn warning(code: &'static str, path: &str, message: impl Into<String>) -> Self {
        Self::new(Level::Warning, code, path, message)
    }

    /// Points the diagnostic at `span`.
    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// Adds a hint on how to fix the problem.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sort key: file, then position, then code.
    pub fn sort_key(&self) -> (&str, u32, u32, &'static str) {
        let (line, column) = self.span.map_or((0, 0), |s| (s.line, s.column));
        (&self.path, line, column, self.code)
    }
}

/// `error[code]: message` followed by an rustc-style `--> path:line:column` pointer.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}[{}]: {}", self.level, self.code, self.message)?;
        match self.span {
            Some(span) => write!(f, "  --> {}:{}:{}", self.path, span.line, span.column)?,
            None => write!(f, "  --> {}", self.path)?,
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}
