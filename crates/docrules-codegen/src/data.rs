//! The generated data: rules, facts with their histories, articles and locales, as Rust tokens
//! built with `quote` (every corpus string becomes a `proc_macro2` string literal) and formatted
//! with `prettyplease`.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::{CodegenError, names};

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

fn unparse(tokens: TokenStream) -> Result<String, CodegenError> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| CodegenError::Unparsable(e.to_string()))?;
    Ok(prettyplease::unparse(&file))
}

fn source(version: &Version, span: Span) -> TokenStream {
    let path = &version.path;
    let (line, column) = (
        Literal::u32_unsuffixed(span.line),
        Literal::u32_unsuffixed(span.column),
    );
    let locale = version.locale.as_str();
    let date = version.date.map_or_else(String::new, |d| d.to_string());
    quote! { Source::new(#path, #line, #column, #locale, #date) }
}

fn value(value: &Value) -> TokenStream {
    match value {
        Value::Duration { millis, .. } => {
            quote! { Value::Duration(Duration::from_millis(#millis)) }
        }
        Value::DurationRange { low, high } => {
            let (low, high) = (low.millis, high.millis);
            quote! {
                Value::DurationRange {
                    low: Duration::from_millis(#low),
                    high: Duration::from_millis(#high),
                }
            }
        }
        Value::Count { values } => quote! { Value::Count(&[#(#values),*]) },
        Value::CountRange { low, high } => quote! { Value::CountRange { low: #low, high: #high } },
        Value::Rate { amount, per, of } => {
            let amount = Literal::f64_suffixed(*amount);
            let per = per.millis();
            let of = match of {
                Some(of) => quote! { Some(#of) },
                None => quote! { None },
            };
            quote! { Value::Rate { amount: #amount, per: Duration::from_millis(#per), of: #of } }
        }
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
        FactKind::Rate => "Rate",
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

fn comparator(c: Comparator) -> TokenStream {
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
    quote! { Comparator::#variant }
}

/// The crate-wide key of a fact: article, then the aligned key.
fn crate_key(article: &AlignedArticle<'_>, history: &FactHistory) -> String {
    format!("{}/{}", article.article.name, history.key)
}

fn fact(article: &AlignedArticle<'_>, history: &FactHistory) -> Option<TokenStream> {
    let entry = history.canonical?;
    let (version, canonical) = article.fact(entry);
    let key = crate_key(article, history);
    let stated = history.entries.iter().map(|&e| {
        let (v, f) = article.fact(e);
        let (val, text, src) = (value(&f.value), &f.text, source(v, f.span));
        quote! { Stated::new(#val, #text, #src) }
    });
    let (k, val, text, src) = (
        kind(canonical.kind),
        value(&canonical.value),
        &canonical.text,
        source(version, canonical.span),
    );
    let name = history.name.as_ref().map(|n| quote! { .with_name(#n) });
    let comparator = canonical.comparator.map(|c| {
        let c = comparator(c);
        quote! { .with_comparator(#c) }
    });
    Some(quote! {
        Fact::new(#key, #k, #val, #text, #src)
            #name
            #comparator
            .with_history(&[#(#stated),*])
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

/// `.with_<setter>(Cell::new(…))` for the rule's cell of `role`, if it has one.
fn cell(rule: &Rule, role: ColumnRole, setter: &str) -> Option<TokenStream> {
    let cell: &Cell = rule.cells_with(role).next()?;
    let text = cell.text();
    let mut list = Vec::new();
    items(&cell.inlines, &mut list);
    let setter = format_ident!("with_{}", setter);
    Some(quote! { .#setter(Cell::new(#text, &[#(#list),*])) })
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

/// One rule of the crate: its id, where it sits in `RULES`, and its constant.
struct RuleOut {
    id: String,
    article: String,
    ident: String,
    doc: String,
    tokens: TokenStream,
}

/// Every fact of the canonical versions, sorted by crate key, and the index of each aligned
/// key among them (rules point at their facts by that index).
struct FactsOut {
    entries: Vec<(String, TokenStream)>,
    index: HashMap<String, usize>,
}

fn facts(compiled: &Compiled<'_>) -> FactsOut {
    let mut entries: Vec<(String, TokenStream)> = compiled
        .articles
        .iter()
        .flat_map(|article| {
            article
                .histories
                .values()
                .filter_map(move |h| Some((crate_key(article, h), fact(article, h)?)))
        })
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let index = entries
        .iter()
        .enumerate()
        .map(|(i, (key, _))| (key.clone(), i))
        .collect();
    FactsOut { entries, index }
}

fn rules(compiled: &Compiled<'_>, facts: &FactsOut) -> Vec<RuleOut> {
    let mut out = Vec::new();
    for article in &compiled.articles {
        let version = &article.article.versions[article.canonical];
        let doc = &version.document;
        let rows = names::row_ids(doc);
        // Each row's facts, in document order, gathered in one pass (not one pass per row).
        let mut row_facts: Vec<Vec<&docrules_model::fact::Fact>> =
            vec![Vec::new(); doc.rules.len()];
        for fact in &doc.facts {
            if let Some(list) = fact.context.rule.and_then(|r| row_facts.get_mut(r.index())) {
                list.push(fact);
            }
        }
        for (r, rule) in doc.rules.iter().enumerate() {
            let section = &doc.sections[rule.section];
            let row = &rows[r];
            let id = format!("{}/{}/{}", article.article.name, section.anchor, row);
            let mut fact_refs: Vec<usize> = row_facts[r]
                .iter()
                .filter_map(|f| {
                    let key = article.aligned_key(article.canonical, f);
                    let history = article.histories.get(&key)?;
                    facts.index.get(&crate_key(article, history)).copied()
                })
                .collect();
            fact_refs.dedup();
            let fact_refs = (!fact_refs.is_empty()).then(|| {
                let refs = fact_refs.iter().map(|&i| Literal::usize_unsuffixed(i));
                quote! { .with_facts(&[#(&FACTS[#refs]),*]) }
            });
            let error_ids: Vec<&str> = rule.error_ids.iter().map(|e| e.value.as_str()).collect();
            let error_ids =
                (!error_ids.is_empty()).then(|| quote! { .with_error_ids(&[#(#error_ids),*]) });
            let cells = [
                cell(rule, ColumnRole::Operation, "operation"),
                cell(rule, ColumnRole::Error, "message"),
                cell(rule, ColumnRole::Cause, "causes"),
                cell(rule, ColumnRole::Action, "actions"),
            ];
            let cells = cells.iter().flatten();
            let (article_name, anchor, title) =
                (&article.article.name, &section.anchor, &section.title);
            let src = source(version, rule.span);
            let tokens = quote! {
                Rule::new(#id, #article_name, #anchor, #title, #src)
                    #error_ids
                    #(#cells)*
                    #fact_refs
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
                ident: names::rule_ident(&section.anchor, row),
                article: article.article.name.clone(),
                id,
                doc: doc_text,
                tokens,
            });
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// `rules.rs`: a module per article, each rule a documented `static` pointing into `RULES`.
fn rules_module(rules: &[RuleOut]) -> Result<TokenStream, CodegenError> {
    let mut by_article: BTreeMap<&str, Vec<(usize, &RuleOut)>> = BTreeMap::new();
    for (i, rule) in rules.iter().enumerate() {
        by_article.entry(&rule.article).or_default().push((i, rule));
    }
    let mut modules = Vec::new();
    let mut module_names = BTreeSet::new();
    for (article, rules) in by_article {
        let module = names::ident(&names::module_ident(article), &mut module_names)?;
        let mut taken = BTreeSet::new();
        let mut items = Vec::new();
        for (i, rule) in rules {
            let ident = names::ident(&rule.ident, &mut taken)?;
            let i = Literal::usize_unsuffixed(i);
            let doc = doc_attrs(&rule.doc);
            items.push(quote! {
                #doc
                pub static #ident: &Rule = &crate::data::RULES[#i];
            });
        }
        let doc = doc_attrs(&format!("The rules of `{article}`."));
        modules.push(quote! {
            #doc
            pub mod #module {
                use crate::Rule;
                #(#items)*
            }
        });
    }
    Ok(quote! {
        //! Every rule as a documented static, in a module per article; [`crate::rules()`] lists
        //! them sorted by id.
        #![allow(clippy::all)]
        #(#modules)*
    })
}

/// `facts.rs`: the facts `docrules.toml` names, each a documented `static` into `FACTS`.
fn facts_module(compiled: &Compiled<'_>, facts: &FactsOut) -> Result<TokenStream, CodegenError> {
    let mut named = Vec::new();
    for article in &compiled.articles {
        for history in article.histories.values() {
            let Some(name) = &history.name else { continue };
            let key = crate_key(article, history);
            let Some(&i) = facts.index.get(&key) else {
                continue;
            };
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
            let doc = format!("`{name}`: `{key}`.\n\nHistory:\n\n{}", values.join("\n"));
            named.push((name.to_ascii_uppercase(), doc, i));
        }
    }
    named.sort();
    let mut taken = BTreeSet::new();
    let mut items = Vec::new();
    for (name, doc, i) in &named {
        let ident = names::ident(name, &mut taken)?;
        let i = Literal::usize_unsuffixed(*i);
        let doc = doc_attrs(doc);
        items.push(quote! {
            #doc
            pub static #ident: &Fact = &crate::data::FACTS[#i];
        });
    }
    Ok(quote! {
        //! The facts `docrules.toml` names.
        #![allow(clippy::all)]
        use crate::Fact;
        #(#items)*
    })
}

pub fn modules(compiled: &Compiled<'_>, name: &str, digest: &str) -> Result<Modules, CodegenError> {
    let facts = facts(compiled);
    let rules = rules(compiled, &facts);
    let rules_module = rules_module(&rules)?;
    let facts_module = facts_module(compiled, &facts)?;

    let rule_items = rules.iter().map(|r| &r.tokens);
    let fact_items = facts.entries.iter().map(|(_, t)| t);
    let (rule_count, fact_count) = (
        Literal::usize_unsuffixed(rules.len()),
        Literal::usize_unsuffixed(facts.entries.len()),
    );
    let articles = compiled.articles.iter().map(|a| {
        let name = &a.article.name;
        let canonical = Literal::usize_unsuffixed(a.canonical.index());
        let versions = a.article.versions.iter().map(|v| {
            let (locale, date, path) = (
                v.locale.as_str(),
                v.date.map_or_else(String::new, |d| d.to_string()),
                &v.path,
            );
            quote! { Version::new(#locale, #date, #path) }
        });
        quote! { Article::new(#name, &[#(#versions),*], #canonical) }
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
        use crate::{Article, Cell, Comparator, Corpus, Fact, Kind, Rule, Source, Stated, Value, Version};
        pub(crate) const GENERATOR_VERSION: &str = #generator;
        pub(crate) const CORPUS_DIGEST: &str = #digest;
        pub(crate) static CORPUS: Corpus = Corpus::new(
            #name, GENERATOR_VERSION, CORPUS_DIGEST, &RULES, &FACTS, ARTICLES, LOCALES,
        );
        pub(crate) static RULES: [Rule; #rule_count] = [#(#rule_items),*];
        pub(crate) static FACTS: [Fact; #fact_count] = [#(#fact_items),*];
        static ARTICLES: &[Article] = &[#(#articles),*];
        static LOCALES: &[&str] = &[#(#locales),*];
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
        .flat_map(|a| a.histories.values().filter(|h| h.canonical.is_some()))
        .find_map(|h| h.name.clone());
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
