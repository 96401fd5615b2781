//! JSON Schemas of every JSON document docrules writes, generated from the very types that
//! serialize them (schemars), so a schema cannot drift from the output. `schemas/*.json` holds
//! them, written by `cargo xtask schemas` and checked fresh by a test and in CI.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};

/// One published schema: its file under `schemas/`, and the document's `schema` name.
#[derive(Debug)]
pub struct Published {
    /// The file name under `schemas/` (`findings.json`).
    pub file: &'static str,
    /// The `schema` field of the documents it describes (`docrules.findings/2`).
    pub name: &'static str,
    /// The schema, pretty-printed, with a final newline.
    pub text: String,
}

/// The schema of `T` as serialized (optional fields that are skipped when empty are not
/// required), draft 2020-12, titled by the document's schema name and pinned to it.
fn schema_of<T: JsonSchema>(name: &str, about: &str) -> String {
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let mut schema: Schema = generator.into_root_schema_for::<T>();
    schema.insert("title".into(), name.into());
    schema.insert("description".into(), about.into());
    if let Some(properties) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) {
        properties.insert("schema".into(), serde_json::json!({ "const": name }));
    }
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Every JSON output's schema: `check` and `lint`, `facts`, `dump` and `diff`.
pub fn all() -> Vec<Published> {
    vec![
        Published {
            file: "findings.json",
            name: super::json::SCHEMA,
            text: schema_of::<super::json::JsonFindings<'static>>(
                super::json::SCHEMA,
                "`docrules check --format json` and `docrules lint --format json`",
            ),
        },
        Published {
            file: "facts.json",
            name: super::facts::SCHEMA,
            text: schema_of::<super::facts::JsonFacts<'static>>(
                super::facts::SCHEMA,
                "`docrules facts --format json`",
            ),
        },
        Published {
            file: "dump.json",
            name: super::dump::SCHEMA,
            text: schema_of::<super::dump::JsonDump<'static>>(
                super::dump::SCHEMA,
                "`docrules dump --format json`",
            ),
        },
        Published {
            file: "diff.json",
            name: super::diff::SCHEMA,
            text: schema_of::<super::diff::JsonDiff<'static>>(
                super::diff::SCHEMA,
                "`docrules diff --format json`",
            ),
        },
    ]
}
