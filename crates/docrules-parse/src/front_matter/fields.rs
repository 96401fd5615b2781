//! Top-level scalar fields of a YAML block, read from the parser's events.
//!
//! docrules only uses `key: scalar` lines, so the fields are taken from the event stream rather
//! than from a loaded document tree: a loader resolves every alias by copying the anchored node,
//! which makes an alias bomb (9 levels of 9 aliases) expand to 9⁹ nodes and take all memory.
//! Here nested lists and maps are skipped as they stream by, an alias is resolved only to an
//! anchored *scalar* (a copy of one string), and each key's position comes with its event, so
//! the cost is linear in the block.

use std::collections::HashMap;

use yaml_rust2::Yaml;
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, ScanError, TScalarStyle};

/// One top-level field: its key, its value as text (empty for a list or map) and where the key
/// starts, as a character index into the block.
#[derive(Debug)]
pub struct Field {
    pub key: String,
    pub value: String,
    pub key_char: usize,
}

/// What the block holds at its top level.
#[derive(Debug)]
pub enum Block {
    /// Empty, or only `null`.
    Empty,
    /// A mapping: its fields in order.
    Mapping(Vec<Field>),
    /// A list or a lone scalar: not front matter.
    Other,
}

/// A duplicated top-level key or a YAML syntax error, at a character index into the block.
#[derive(Debug)]
pub struct FieldsError {
    pub char_index: usize,
    pub message: String,
}

/// Reads the top-level fields of a YAML block.
pub fn read(yaml: &str) -> Result<Block, FieldsError> {
    let mut receiver = Receiver::default();
    let mut parser = Parser::new_from_str(yaml);
    parser
        .load(&mut receiver, false)
        .map_err(|err: ScanError| FieldsError {
            char_index: err.marker().index(),
            message: err.info().to_owned(),
        })?;
    if let Some(error) = receiver.error {
        return Err(error);
    }
    Ok(receiver.block.unwrap_or(Block::Empty))
}

/// A node seen at the top level of the mapping, as much of it as docrules keeps.
enum Node {
    Scalar(String),
    /// A list or map, or an alias to one: kept as an empty value, as a loader's tree was; as a
    /// key (`? [a, b]`), its field is skipped.
    Container,
}

/// Bytes of text that aliases may copy into top-level values, all aliases together: many
/// aliases of one long anchored string would otherwise multiply it.
const MAX_ALIAS_EXPANSION: usize = 64 * 1024;

#[derive(Default)]
struct Receiver {
    /// Bytes copied by aliases so far.
    expanded: usize,
    /// Open lists and maps; 1 inside the top-level mapping.
    depth: usize,
    /// Whether the document's root is a mapping (set at its start).
    root_is_mapping: bool,
    /// The key waiting for its value, with its position.
    key: Option<(Node, usize)>,
    fields: Vec<Field>,
    seen: HashMap<String, usize>,
    /// Anchored scalars at any depth; anchored containers are not kept.
    anchors: HashMap<usize, String>,
    block: Option<Block>,
    error: Option<FieldsError>,
}

impl Receiver {
    fn top_level(&mut self, node: Node, mark: Marker) {
        if self.depth == 0 {
            self.block = Some(match node {
                Node::Scalar(s) if s.is_empty() => Block::Empty,
                _ => Block::Other,
            });
            return;
        }
        if !self.root_is_mapping || self.depth != 1 {
            return;
        }
        let Some((key, key_char)) = self.key.take() else {
            self.key = Some((node, mark.index()));
            return;
        };
        let Node::Scalar(key) = key else { return };
        let value = match node {
            Node::Scalar(s) => s,
            Node::Container => String::new(),
        };
        if self.seen.insert(key.clone(), key_char).is_some() {
            self.error.get_or_insert(FieldsError {
                char_index: key_char,
                message: format!("duplicated key `{key}` in front matter"),
            });
            return;
        }
        self.fields.push(Field {
            key,
            value,
            key_char,
        });
    }
}

impl MarkedEventReceiver for Receiver {
    fn on_event(&mut self, event: Event, mark: Marker) {
        match event {
            Event::Scalar(value, style, anchor, _) => {
                let text = scalar_text(&value, style);
                if anchor > 0 {
                    self.anchors.insert(anchor, text.clone());
                }
                self.top_level(Node::Scalar(text), mark);
            }
            Event::Alias(id) => {
                let node = match self.anchors.get(&id) {
                    Some(s) if self.depth == 1 => {
                        self.expanded += s.len();
                        Node::Scalar(s.clone())
                    }
                    _ => Node::Container,
                };
                if self.expanded > MAX_ALIAS_EXPANSION {
                    self.error.get_or_insert(FieldsError {
                        char_index: mark.index(),
                        message: format!(
                            "aliases expand to more than {MAX_ALIAS_EXPANSION} bytes of values"
                        ),
                    });
                    return;
                }
                self.top_level(node, mark);
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if self.depth == 0 {
                    self.root_is_mapping = matches!(event, Event::MappingStart(..));
                    if !self.root_is_mapping {
                        self.block = Some(Block::Other);
                    }
                }
                self.depth += 1;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 1 {
                    // A nested list or map has ended: it was a key or a value of the mapping.
                    self.top_level(Node::Container, mark);
                } else if self.depth == 0 && self.root_is_mapping {
                    self.block = Some(Block::Mapping(std::mem::take(&mut self.fields)));
                }
            }
            _ => {}
        }
    }
}

/// A scalar's value as docrules keeps it: a plain scalar typed as YAML 1.2 would (`0x1F` is 31,
/// `~` is empty), a quoted one as written.
fn scalar_text(value: &str, style: TScalarStyle) -> String {
    if style != TScalarStyle::Plain {
        return value.to_owned();
    }
    match Yaml::from_str(value) {
        Yaml::String(s) | Yaml::Real(s) => s,
        Yaml::Integer(i) => i.to_string(),
        Yaml::Boolean(b) => b.to_string(),
        _ => String::new(),
    }
}
