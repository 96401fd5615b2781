//! Linting files: the entry points the CLI and editor integrations call. A [`Linter`] holds
//! the compiled [`Reference`] of a corpus and parses each article's canonical version once;
//! [`Linter::lint`] runs every lint on one document with its configuration.

pub mod place;
pub mod reference;

use std::sync::OnceLock;

use crate::finding::{Finding, Fix};
use crate::lints::{self, Target};
use docrules_model::diagnostic::Diagnostic;
use docrules_model::document::Document;
use docrules_model::locale::Locale;
use docrules_model::manifest::{AnchorRenderer, Manifest};
use place::Placement;
use reference::Reference;

/// What linting one document found.
#[derive(Debug, Default)]
pub struct Linted {
    /// Sorted by position.
    pub findings: Vec<Finding>,
    /// How many findings configuration and inline comments suppressed.
    pub suppressed: usize,
}

/// Lints documents against the compiled reference of a corpus (or against nothing: then only
/// the lints that need no corpus find anything).
#[derive(Debug)]
pub struct Linter<'r> {
    reference: Option<&'r Reference>,
    /// The canonical version of each reference article, parsed on first use.
    canonical: Vec<OnceLock<Option<Document>>>,
}

impl<'r> Linter<'r> {
    /// A linter against `reference`.
    pub fn new(reference: Option<&'r Reference>) -> Linter<'r> {
        let articles = reference.map_or(0, |r| r.articles.len());
        Linter {
            reference,
            canonical: (0..articles).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The reference this linter compares against.
    pub fn reference(&self) -> Option<&'r Reference> {
        self.reference
    }

    /// Places a document among the reference's articles (see [`place::place`]).
    pub fn place(
        &self,
        corpus_path: Option<&str>,
        folder_locale: Option<Locale>,
        doc: &Document,
        article: Option<&str>,
    ) -> Placement {
        match self.reference {
            Some(reference) => place::place(corpus_path, folder_locale, doc, reference, article),
            None => Placement {
                article: None,
                folder_locale: None,
                how: "no corpus".into(),
            },
        }
    }

    /// The parsed canonical version of reference article `a`. It parsed when the reference was
    /// built; if it no longer does, files placed in the article are linted alone.
    fn canonical(&self, a: usize) -> Option<&Document> {
        let reference = self.reference?;
        let article = reference.articles.get(a)?;
        self.canonical
            .get(a)?
            .get_or_init(|| {
                let locale = Locale::parse(&article.canonical_locale);
                docrules_parse::corpus::read_document(
                    &article.canonical_path,
                    article.canonical_text.clone().into_bytes(),
                    locale.as_ref(),
                    &Manifest::default(),
                )
                .ok()
            })
            .as_ref()
    }

    /// Runs every lint on `doc` (shown as `path`, in `locale`, placed by `placement`), applies
    /// the levels and suppressions of `config` and the file's inline comments.
    ///
    /// ```
    /// use docrules_model::manifest::Manifest;
    /// use docrules_rules::lint::{Linter, read_document};
    /// use docrules_rules::registry::RuleId;
    ///
    /// let text = "# Guide\n\n| Error | Action |\n| --- | --- |\n\
    ///             | Blocked | Exclude: <br/><ui><li>CBengine.exe<li>CSC.exe</ui> |\n";
    /// let (doc, locale) = read_document("guide.md", text.as_bytes().to_vec(), None, None)?;
    ///
    /// // Without a corpus, only the lints that need none can find anything.
    /// let linter = Linter::new(None);
    /// let placement = linter.place(None, None, &doc, None);
    /// let config = Manifest::default();
    /// let linted = linter.lint("guide.md", &doc, locale.as_ref(), &placement, &config);
    ///
    /// let unknown: Vec<_> = linted
    ///     .findings
    ///     .iter()
    ///     .filter(|f| f.rule == RuleId::UnknownHtmlElement)
    ///     .collect();
    /// assert!(!unknown.is_empty(), "{:#?}", linted.findings);
    /// assert_eq!(unknown[0].message, "`<ui>` is not an HTML element");
    /// assert_eq!(unknown[0].help.as_deref(), Some("did you mean `<ul>`?"));
    /// assert_eq!(unknown[0].primary.span.line, 5);
    /// # Ok::<(), docrules_model::diagnostic::Diagnostic>(())
    /// ```
    pub fn lint(
        &self,
        path: &str,
        doc: &Document,
        locale: Option<&Locale>,
        placement: &Placement,
        config: &Manifest,
    ) -> Linted {
        let target = Target {
            path,
            doc,
            locale,
            folder_locale: placement.folder_locale.as_ref(),
            article: placement
                .article
                .and_then(|a| self.reference.and_then(|r| r.articles.get(a))),
            canonical: placement.article.and_then(|a| self.canonical(a)),
            reference: self.reference,
        };
        let (findings, suppressed) = lints::run(&target, config);
        Linted {
            findings,
            suppressed,
        }
    }
}

/// Reads a file to lint from its bytes: its locale is its front matter's `ms.contentlocale`,
/// else the locale its folder names (`zh-tw`; a bare language such as `docs` is not taken for
/// one). `path` names the file in messages; heading anchors are those of `renderer` (`None`:
/// inferred from the front matter).
pub fn read_document(
    path: &str,
    bytes: Vec<u8>,
    folder: Option<&str>,
    renderer: Option<AnchorRenderer>,
) -> Result<(Document, Option<Locale>), Diagnostic> {
    let source = docrules_parse::decode::decode(path, bytes)?;
    let (front, body) = docrules_parse::front_matter::parse(&source)?;
    let folder = folder.filter(|n| n.contains('-')).and_then(Locale::parse);
    let locale = front
        .get("ms.contentlocale")
        .and_then(Locale::parse)
        .or(folder);
    let mut doc =
        docrules_parse::markdown::parse_as(source, front, body, locale.as_ref(), renderer);
    doc.facts = docrules_parse::extract::extract(&doc, locale.as_ref(), &[]);
    Ok((doc, locale))
}

/// Applies the machine-applicable fixes of `findings` to `text`: only the fixed spans change,
/// overlapping fixes after the first are skipped. Returns the new text and the number applied.
pub fn apply_fixes(text: &str, findings: &[Finding]) -> (String, usize) {
    let mut fixes: Vec<&Fix> = findings.iter().filter_map(|f| f.fix.as_ref()).collect();
    fixes.sort_by_key(|f| f.span.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut applied = 0;
    for fix in fixes {
        let range = fix.span.range();
        if range.start < at || range.end > text.len() {
            continue;
        }
        out.push_str(&text[at..range.start]);
        out.push_str(&fix.replacement);
        at = range.end;
        applied += 1;
    }
    out.push_str(&text[at..]);
    (out, applied)
}
