//! Problems found while loading and parsing: each names its file and, where it has one, its line.

use serde::Serialize;
use std::fmt;

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Info,
    Warning,
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub level: Level,
    pub code: &'static str,
    pub message: String,
    /// Path relative to the corpus root, `/`-separated.
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
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

    pub fn error(code: &'static str, path: &str, message: impl Into<String>) -> Self {
        Self::new(Level::Error, code, path, message)
    }

    pub fn warning(code: &'static str, path: &str, message: impl Into<String>) -> Self {
        Self::new(Level::Warning, code, path, message)
    }

    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

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
