//! The generated data: rules, facts with their histories, articles and locales, as Rust tokens
//! built with `quote` (every corpus string becomes a `proc_macro2` string literal) and formatted
//! with `prettyplease`.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use std::collections::BTreeSet;

use docrules_align::{AlignedArticle, Compiled, FactHistory};
use docrules_model::corpus::Version;
use docrules_model::document::{Cell, ColumnRole, Inline, Rule};
use docrules_model::fact::{Comparator, FactKind, Value};
use docrules_model::span::Span;

pub struct Modules {
    pub data: String,
    pub rules: String,
    pub facts: String,
}

fn unparse(tokens: TokenStream) -> Result<String, String> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| format!("generated code does not parse: {e}"))?;
    Ok(prettyplease::unparse(&file))
}

/// A Rust identifier from arbitrary text: ASCII letters and digits kept, the rest `_`,
/// upper-cased; validated by `syn` so no text can become anything but an identifier.
fn ident(text: &str, taken: &mut BTreeSet<String>) -> Result<syn::Ident, String> {
    let mut name: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    while name.contains("__") {
        name = name.replace("__", "_");
    }
    let mut name = name.trim_matches('_').to_owned();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name = format!("R_{name}");
    }
    let mut unique = name.clone();
    let mut n = 2;
    while !taken.insert(unique.clone()) {
        unique = format!("{name}_{n}");
        n += 1;
    }
    syn::parse_str::<syn::Ident>(&unique)
        .map_err(|e| format!("`{unique}` is not an identifier: {e}"))
}

fn source(version: &Version, span: Span) -> TokenStream {
    let path = &version.path;
    let (line, column) = (span.line, span.column);
    let locale = version.locale.as_str();
    let date = version.date.map_or_else(String::new, |d| d.to_string());
    quote! { Source { path: #path, line: #line, column: #column, locale: #locale, version: #date } }
}

fn value(value: &Value) -> TokenStream {
    match value {
        Value::Duration { millis, .. } => {
            quote! { Value::Duration(Duration::from_millis(#millis)) }
        }
        Value::Count { values } => quote! { Value::Count(&[#(#values),*]) },
        Value::Percent { low, high } => {
            let (low, high) = (Literal::f64_suffixed(*low), Literal::f64_suffixed(*high));
            quote! { Value::PercentRange { low: #low, high: #high } }
        }
        Value::Version {
            components,
            minimum,
        } => {
            quote! { Value::Version { components: &[#(#components),*], minimum: #minimum } }
        }
        Value::ErrorId { id } => quote! { Value::ErrorId(#id) },
        Value::Ipv4 {
            address: [a, b, c, d],
            prefix,
        } => {
            let prefix = match prefix {
                Some(p) => quote! { Some(#p) },
                None => quote! { None },
            };
            quote! { Value::Ipv4Net { address: [#a, #b, #c, #d], prefix: #prefix } }
        }
        Value::Host { host, wildcard } => {
            quote! { Value::Host { name: #host, wildcard: #wildcard } }
        }
        Value::Url { url, .. } => quote! { Value::Url(#url) },
        Value::Port { port } => quote! { Value::Port(#port) },
        Value::Path { normalized } => quote! { Value::Path(#normalized) },
        Value::RegistryKey { normalized } => quote! { Value::RegistryKey(#normalized) },
    }
}

fn kind(kind: FactKind) -> TokenStream {
    let name = match kind {
        FactKind::Duration => "Duration",
        FactKind::Count => "Count",
        FactKind::Percent => "Percent",
        FactKind::Version => "Version",
        FactKind::ErrorId => "ErrorId",
        FactKind::Ipv4 => "Ipv4",
        FactKind::Host => "Host",
        FactKind::Url => "Url",
        FactKind::Port => "Port",
        FactKind::Path => "Path",
        FactKind::RegistryKey => "RegistryKey",
    };
    let variant = format_ident!("{}", name);
    quote! { Kind::#variant }
}

fn comparator(comparator: Option<Comparator>) -> TokenStream {
    let Some(c) = comparator else {
        return quote! { None };
    };
    let variant = format_ident!(
        "{}",
        match c {
            Comparator::AtLeast => "AtLeast",
            Comparator::MoreThan => "MoreThan",
            Comparator::AtMost => "AtMost",
            Comparator::LessThan => "LessThan",
            Comparator::Within => "Within",
        }
    );
    quote! { Some(Comparator::#variant) }
}

/// The crate-wide key of a fact: article, then the aligned key.
fn crate_key(article: &AlignedArticle<'_>, history: &FactHistory) -> String {
    format!("{}/{}", article.article.name, history.key)
}

fn fact(article: &AlignedArticle<'_>, history: &FactHistory) -> Option<TokenStream> {
    let entry = history.canonical?;
    let (version, canonical) = article.fact(entry);
    let key = crate_key(article, history);
    let name = match &history.name {
        Some(n) => quote! { Some(#n) },
        None => quote! { None },
    };
    let stated = history.entries.iter().map(|&e| {
        let (v, f) = article.fact(e);
        let (val, text, src) = (value(&f.value), &f.text, source(v, f.span));
        quote! { Stated { value: #val, text: #text, source: #src } }
    });
    let (k, val, cmp, text, src) = (
        kind(canonical.kind),
        value(&canonical.value),
        comparator(canonical.comparator),
        &canonical.text,
        source(version, canonical.span),
    );
    Some(quote! {
        Fact {
            key: #key,
            name: #name,
            kind: #k,
            value: #val,
            comparator: #cmp,
            text: #text,
            source: #src,
            history: &[#(#stated),*],
        }
    })
}

/// The texts of a cell's list items, when it holds lists.
fn items(inlines: &[Inline], out: &mut Vec<String>) {
    for inline in inlines {
        match inline {
            Inline::List { items: list, .. } => {
                for item in list {
                    out.push(docrules_model::document::plain_text(&item.children));
                }
            }
            Inline::Strong { children, .. }
            | Inline::Emphasis { children, .. }
            | Inline::Link { children, .. } => items(children, out),
            _ => {}
        }
    }
}

fn cell(rule: &Rule, role: ColumnRole) -> TokenStream {
    let Some(cell): Option<&Cell> = rule.cells_with(role).next() else {
        return quote! { None };
    };
    let text = cell.text();
    let mut list = Vec::new();
    items(&cell.inlines, &mut list);
    quote! { Some(Cell { text: #text, items: &[#(#list),*] }) }
}

/// Doc attributes, one per line: `///` comments cannot be closed early the way `/** */` can,
/// and control and bidirectional-override characters are written as escapes (rustc rejects
/// them raw in comments).
fn doc_attrs(text: &str) -> TokenStream {
    let lines = text.lines().map(|line| {
        let safe: String = line
            .chars()
            .map(|c| {
                if c.is_control() || is_format_char(c) {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect();
        let line = format!(" {}", safe.trim_start());
        quote! { #[doc = #line] }
    });
    quote! { #(#lines)* }
}

/// Invisible formatting characters (bidirectional overrides and isolates, zero-width marks).
fn is_format_char(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

struct RuleOut {
    id: String,
    ident: syn::Ident,
    doc: String,
    tokens: TokenStream,
}

fn rules(compiled: &Compiled<'_>, taken: &mut BTreeSet<String>) -> Result<Vec<RuleOut>, String> {
    let mut out = Vec::new();
    for article in &compiled.articles {
        let version = &article.article.versions[article.canonical];
        let doc = &version.document;
        let rows = docrules_parse::extract::key::row_identities(doc);
        for (r, rule) in doc.rules.iter().enumerate() {
            let section = &doc.sections[rule.section];
            let row = rows.get(&r).cloned().unwrap_or_else(|| format!("row.{r}"));
            let id = format!("{}/{}/{}", article.article.name, section.anchor, row);
            let facts: Vec<TokenStream> = doc
                .facts
                .iter()
                .filter(|f| f.context.rule == Some(r))
                .filter_map(|f| {
                    article
                        .histories
                        .get(&article.aligned_key(article.canonical, f))
                })
                .filter_map(|h| fact(article, h))
                .collect();
            let error_ids: Vec<&str> = rule.error_ids.iter().map(|e| e.value.as_str()).collect();
            let (article_name, anchor, title) =
                (&article.article.name, &section.anchor, &section.title);
            let (operation, message, causes, actions) = (
                cell(rule, ColumnRole::Operation),
                cell(rule, ColumnRole::Error),
                cell(rule, ColumnRole::Cause),
                cell(rule, ColumnRole::Action),
            );
            let src = source(version, rule.span);
            let tokens = quote! {
                Rule {
                    id: #id,
                    article: #article_name,
                    section: #anchor,
                    title: #title,
                    error_ids: &[#(#error_ids),*],
                    operation: #operation,
                    message: #message,
                    causes: #causes,
                    actions: #actions,
                    facts: &[#(#facts),*],
                    source: #src,
                }
            };
            let doc_text = format!(
                "`{id}`: {}\n\nSource: `{}` line {} ({} {}).",
                section.title,
                version.path,
                rule.span.line,
                version.locale,
                version.date.map_or_else(String::new, |d| d.to_string())
            );
            out.push(RuleOut {
                ident: ident(&id, taken)?,
                id,
                doc: doc_text,
                tokens,
            });
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

pub fn modules(compiled: &Compiled<'_>, digest: &str) -> Result<Modules, String> {
    let mut taken = BTreeSet::new();
    let rules = rules(compiled, &mut taken)?;
    let rule_items = rules.iter().map(|r| {
        let (ident, doc, tokens) = (&r.ident, doc_attrs(&r.doc), &r.tokens);
        quote! {
            #doc
            pub const #ident: Rule = #tokens;
        }
    });
    let rules_module = quote! {
        //! Every rule as a documented constant; [`crate::rules()`] lists them sorted by id.
        #![allow(clippy::all, unused_imports)]
        use core::time::Duration;
        use crate::{Cell, Comparator, Fact, Kind, Rule, Source, Stated, Value};
        #(#rule_items)*
    };

    // Facts of the canonical versions, sorted by crate key; named ones also as constants.
    let mut facts: Vec<(String, TokenStream)> = Vec::new();
    let mut named = Vec::new();
    for article in &compiled.articles {
        for history in article.histories.values() {
            let Some(tokens) = fact(article, history) else {
                continue;
            };
            facts.push((crate_key(article, history), tokens.clone()));
            if let Some(name) = &history.name {
                let values: Vec<String> = history
                    .entries
                    .iter()
                    .map(|&e| {
                        let (v, f) = article.fact(e);
                        format!(
                            "- {} {}: {} (`{}`, `{}` line {})",
                            v.locale,
                            v.date.map_or_else(String::new, |d| d.to_string()),
                            f.value,
                            f.text,
                            v.path,
                            f.span.line
                        )
                    })
                    .collect();
                let doc = format!(
                    "`{name}`: `{}`.\n\nHistory:\n\n{}",
                    crate_key(article, history),
                    values.join("\n")
                );
                named.push((ident(name, &mut BTreeSet::new())?, doc, tokens));
            }
        }
    }
    facts.sort_by(|a, b| a.0.cmp(&b.0));
    named.sort_by_key(|n| n.0.to_string());
    let named_items = named.iter().map(|(ident, doc, tokens)| {
        let doc = doc_attrs(doc);
        quote! {
            #doc
            pub const #ident: Fact = #tokens;
        }
    });
    let facts_module = quote! {
        //! The facts `docrules.toml` names, as constants.
        #![allow(clippy::all, unused_imports)]
        use core::time::Duration;
        use crate::{Comparator, Fact, Kind, Source, Stated, Value};
        #(#named_items)*
    };

    let rule_refs = rules.iter().map(|r| {
        let ident = &r.ident;
        quote! { crate::rules::#ident }
    });
    let fact_items = facts.iter().map(|(_, t)| t);
    let articles = compiled.articles.iter().map(|a| {
        let name = &a.article.name;
        let canonical = a.canonical;
        let versions = a.article.versions.iter().map(|v| {
            let (locale, date, path) = (
                v.locale.as_str(),
                v.date.map_or_else(String::new, |d| d.to_string()),
                &v.path,
            );
            quote! { Version { locale: #locale, date: #date, path: #path } }
        });
        quote! { Article { name: #name, versions: &[#(#versions),*], canonical: #canonical } }
    });
    let locales: BTreeSet<&str> = compiled
        .corpus
        .versions()
        .map(|v| v.locale.as_str())
        .collect();
    let locales = locales.into_iter();
    let generator = super::GENERATOR_VERSION;
    let data_module = quote! {
        #![allow(clippy::all, unused_imports)]
        use core::time::Duration;
        use crate::{Article, Comparator, Fact, Kind, Rule, Source, Stated, Value, Version};
        pub(crate) const GENERATOR_VERSION: &str = #generator;
        pub(crate) const CORPUS_DIGEST: &str = #digest;
        pub(crate) static RULES: &[Rule] = &[#(#rule_refs),*];
        pub(crate) static FACTS: &[Fact] = &[#(#fact_items),*];
        pub(crate) static ARTICLES: &[Article] = &[#(#articles),*];
        pub(crate) static LOCALES: &[&str] = &[#(#locales),*];
    };
    Ok(Modules {
        data: unparse(data_module)?,
        rules: unparse(rules_module)?,
        facts: unparse(facts_module)?,
    })
}

/// A doctest for the crate's front page from this corpus: a lookup by the first error ID, and
/// the first named fact.
pub fn doc_example(compiled: &Compiled<'_>, crate_ident: &str) -> String {
    let first_id = compiled.articles.iter().find_map(|a| {
        a.article.versions[a.canonical]
            .document
            .rules
            .iter()
            .find_map(|r| r.error_ids.first())
            .map(|id| id.value.clone())
    });
    let named = compiled
        .articles
        .iter()
        .flat_map(|a| {
            a.histories
                .values()
                .filter(|h| h.canonical.is_some())
                .map(move |h| (a, h))
        })
        .find_map(|(_, h)| h.name.clone());
    let mut lines = vec![
        "//! ```".to_owned(),
        format!("//! use {crate_ident} as rules;"),
    ];
    match &first_id {
        Some(id) => {
            let id = format!("{id:?}");
            lines.push(format!(
                "//! let rule = rules::by_error_id({id}).next().expect(\"a rule\");"
            ));
            lines.push("//! assert!(rules::rule(rule.id).is_some());".into());
        }
        None => lines.push(
            "//! assert!(rules::rules().is_empty() || !rules::rules()[0].id.is_empty());".into(),
        ),
    }
    if let Some(name) = named {
        lines.push(format!(
            "//! let fact = rules::facts::{};",
            name.to_ascii_uppercase()
        ));
        lines.push("//! assert!(!fact.history.is_empty());".into());
    }
    lines.push("//! ```".into());
    lines.join("\n") + "\n"
}
