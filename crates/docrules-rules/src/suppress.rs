//! Suppressions: `[[suppress]]` entries in `docrules.toml` (a check on a fact key or a file, with
//! a reason) and inline comments in the markdown (`<!-- docrules-disable CODE -->` …
//! `<!-- docrules-enable CODE -->`, `<!-- docrules-disable-next-line CODE -->`). A suppression
//! that matched nothing is itself reported.

use regex::Regex;
use std::sync::OnceLock;

use crate::finding::{Finding, Location};
use crate::registry::RuleId;
use docrules_align::Compiled;
use docrules_model::manifest::FILE_NAME;
use docrules_model::span::LineIndex;

/// An inline directive's reach: lines `from..=to` of one file, for some checks (all if empty).
#[derive(Debug)]
struct Inline {
    path: String,
    codes: Vec<String>,
    from: u32,
    to: u32,
    location: Location,
    used: bool,
}

fn directive() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        match Regex::new(r"<!--\s*docrules-(disable-next-line|disable|enable)\b([^>]*?)\s*-->") {
            Ok(regex) => regex,
            Err(err) => panic!("suppression pattern is invalid: {err}"),
        }
    })
}

fn matches_code(codes: &[String], finding: &Finding) -> bool {
    codes.is_empty() || codes.iter().any(|c| RuleId::find(c) == Some(finding.rule))
}

fn inline_directives(compiled: &Compiled<'_>) -> Vec<Inline> {
    compiled
        .corpus
        .versions()
        .flat_map(|v| directives_in(&v.path, &v.document.source.text, &v.document.source.lines))
        .collect()
}

/// The inline directives of one file.
fn directives_in(path: &str, text: &str, lines: &LineIndex) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut open: Vec<Inline> = Vec::new();
    for caps in directive().captures_iter(text) {
        let (Some(all), Some(kind)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let codes: Vec<String> = caps
            .get(2)
            .map(|m| {
                m.as_str()
                    .split([',', ' '])
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let span = lines.span(text, all.range());
        let location = Location {
            commit: None,
            path: path.to_owned(),
            span,
            label: "suppression".into(),
        };
        match kind.as_str() {
            "disable-next-line" => {
                // The next line with content.
                let next = (span.line + 1..=lines.line_count() as u32)
                    .find(|&l| {
                        let start = lines.line_start(l);
                        text[start..]
                            .lines()
                            .next()
                            .is_some_and(|t| !t.trim().is_empty())
                    })
                    .unwrap_or(span.line + 1);
                out.push(Inline {
                    path: path.to_owned(),
                    codes,
                    from: next,
                    to: next,
                    location,
                    used: false,
                });
            }
            "disable" => open.push(Inline {
                path: path.to_owned(),
                codes,
                from: span.line,
                to: u32::MAX,
                location,
                used: false,
            }),
            _ => {
                // `enable` closes the matching `disable` (same codes), or the last one.
                let index = open
                    .iter()
                    .rposition(|o| o.codes == codes)
                    .or(open.len().checked_sub(1));
                if let Some(mut closed) = index.map(|i| open.remove(i)) {
                    closed.to = span.line;
                    out.push(closed);
                }
            }
        }
    }
    out.extend(open);
    out
}

/// Applies the inline directives of one file (`path`, its `text`) to findings in it: removes
/// the suppressed ones and returns the number removed. `is_code` tells whether a directive's
/// code (or name) designates a finding's rule.
pub fn apply_inline_in(
    path: &str,
    text: &str,
    findings: &mut Vec<Finding>,
    is_code: &dyn Fn(&str, &Finding) -> bool,
) -> usize {
    let lines = LineIndex::new(text);
    let directives = directives_in(path, text, &lines);
    let before = findings.len();
    findings.retain(|f| {
        !directives.iter().any(|d| {
            d.path == f.primary.path
                && (d.from..=d.to).contains(&f.primary.span.line)
                && (d.codes.is_empty() || d.codes.iter().any(|c| is_code(c, f)))
        })
    });
    before - findings.len()
}

/// Removes suppressed findings; returns an `unused-suppression` finding for every suppression
/// that matched none.
pub fn apply(compiled: &Compiled<'_>, findings: &mut Vec<Finding>) -> Vec<Finding> {
    let manifest = &compiled.corpus.manifest;
    let mut used = vec![false; manifest.suppress.len()];
    let mut inline = inline_directives(compiled);
    findings.retain(|finding| {
        let mut suppressed = false;
        for (i, entry) in manifest.suppress.iter().enumerate() {
            let s = entry.get_ref();
            let code = RuleId::find(&s.code) == Some(finding.rule);
            let key = s
                .key
                .as_ref()
                .is_none_or(|k| finding.fact.as_ref().is_some_and(|f| f.key == *k));
            let path = s.path.as_ref().is_none_or(|p| finding.primary.path == *p);
            if code && key && path {
                used[i] = true;
                suppressed = true;
            }
        }
        for directive in &mut inline {
            let line = finding.primary.span.line;
            if directive.path == finding.primary.path
                && (directive.from..=directive.to).contains(&line)
                && matches_code(&directive.codes, finding)
            {
                directive.used = true;
                suppressed = true;
            }
        }
        !suppressed
    });

    let mut unused = Vec::new();
    let lines = LineIndex::new(&manifest.text);
    for (entry, used) in manifest.suppress.iter().zip(used) {
        if used {
            continue;
        }
        let s = entry.get_ref();
        let span = lines.span(&manifest.text, entry.span());
        let message = match RuleId::find(&s.code) {
            None => format!(
                "`{}` is not a check code or name; this suppression suppresses nothing",
                s.code
            ),
            Some(rule) => format!(
                "no {} finding matches this suppression ({})",
                rule.name(),
                s.reason
            ),
        };
        let location = Location {
            commit: None,
            path: FILE_NAME.to_owned(),
            span,
            label: "unused".into(),
        };
        let mut finding = Finding::new(RuleId::UnusedSuppression, "", "", message, location);
        finding.help = Some("delete it".into());
        unused.push(finding);
    }
    for directive in inline.into_iter().filter(|d| !d.used) {
        let message = format!(
            "this suppression ({}) suppresses nothing",
            if directive.codes.is_empty() {
                "all checks".to_owned()
            } else {
                directive.codes.join(", ")
            }
        );
        let mut finding = Finding::new(
            RuleId::UnusedSuppression,
            "",
            "",
            message,
            directive.location,
        );
        finding.help = Some("delete it".into());
        unused.push(finding);
    }
    unused
}
