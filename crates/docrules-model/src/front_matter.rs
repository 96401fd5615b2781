//! The YAML block at the top of an article (`---` … `---`): its scalar fields and where they are.

use serde::Serialize;
use std::collections::BTreeMap;

use crate::span::Span;

/// Front matter fields with scalar values, as strings, and where the block sits in the file.
#[derive(Clone, Debug, Default, Serialize, schemars::JsonSchema)]
pub struct FrontMatter {
    /// Top-level keys and their values as text; a list or map value is kept as an empty string.
    pub fields: BTreeMap<String, String>,
    /// The whole block, delimiters included; `None` when the file has no front matter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// Where each field's line starts, for diagnostics that point at one field.
    #[serde(skip)]
    pub field_spans: BTreeMap<String, Span>,
}

impl FrontMatter {
    /// A field's value, or `None` when it is missing or empty.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// The span of a field's line, or of the whole block, or of the file start.
    pub fn span_of(&self, key: &str) -> Option<Span> {
        self.field_spans.get(key).copied().or(self.span)
    }
}
