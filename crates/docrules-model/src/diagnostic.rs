//! Problems found while loading and parsing: each names its file and, where it has one, its line.

use serde::Serialize;
use std::borrow::Cow;
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
        let (message, path) = (printable(&self.message), printable(&self.path));
        writeln!(f, "{}[{}]: {message}", self.level, self.code)?;
        match self.span {
            Some(span) => write!(f, "  --> {path}:{}:{}", span.line, span.column)?,
            None => write!(f, "  --> {path}")?,
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {}", printable(help))?;
        }
        Ok(())
    }
}

/// `text` made safe to print on one terminal line: control characters (a newline in a file
/// name, an escape sequence in a heading), bidirectional overrides and line separators are
/// written as `\n` or `\u{1b}`, so no name or document text can start a line of its own (a
/// GitHub `::error` command in a log), restyle a terminal or reorder what is shown. Tabs stay.
///
/// ```
/// use docrules_model::diagnostic::printable;
///
/// assert_eq!(printable("a\n::error file=x::y.md"), "a\\n::error file=x::y.md");
/// assert_eq!(printable("\u{1b}[31mred"), "\\u{1b}[31mred");
/// assert_eq!(printable("48 時間\tok"), "48 時間\tok");
/// ```
pub fn printable(text: &str) -> Cow<'_, str> {
    fn unsafe_char(c: char) -> bool {
        (c.is_control() && c != '\t')
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if unsafe_char(c) => out.push_str(&c.escape_unicode().to_string()),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}
