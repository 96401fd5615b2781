//! `cargo xtask eval`: precision and recall of `docrules check` on the labelled evaluation
//! corpus `eval/` (real articles nobody tuned the tool for, labelled by hand in
//! `eval/LABELS.toml`).
//!
//! A finding is true when it matches a `[[finding]]` label: the same check (code or name), the
//! same file, and the same section anchor (section checks) or a line it rests on (fact checks:
//! its primary line or a related line in the same file). Every other finding at warning level
//! or above is false, and is listed with the `[[negative]]` label it hits, if any. Figures are
//! printed, never asserted: they belong in the issue note.

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

use docrules_model::diagnostic::Level;
use docrules_rules::finding::Finding;
use docrules_rules::registry::RuleId;

/// `eval/LABELS.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// Findings a careful human makes.
    #[serde(default)]
    pub finding: Vec<Label>,
    /// Cases that must produce nothing.
    #[serde(default)]
    pub negative: Vec<Negative>,
}

/// One expected finding.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    pub code: String,
    pub path: String,
    /// Absent for a missing section (the file has no line for what it lacks).
    #[serde(default)]
    pub line: Option<u32>,
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub expected: Option<String>,
    #[serde(default)]
    pub other: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// One case that must not be reported.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Negative {
    pub kind: String,
    pub path: String,
    #[serde(default)]
    pub line: Option<u32>,
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Reads and checks the labels: every code is a registered check, every path a file of `root`.
pub fn read_labels(root: &Path) -> Result<Labels> {
    let path = root.join("LABELS.toml");
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let labels: Labels =
        toml::from_str(&text).with_context(|| format!("{} is not valid", path.display()))?;
    for label in &labels.finding {
        if RuleId::find(&label.code).is_none() {
            bail!("LABELS.toml: `{}` is not a check code or name", label.code);
        }
    }
    Ok(labels)
}

fn label_matches(label: &Label, finding: &Finding) -> bool {
    if RuleId::find(&label.code) != Some(finding.rule) || label.path != finding.primary.path {
        return false;
    }
    match (&label.section, &finding.section) {
        (Some(want), Some(got)) => want.trim_start_matches('#') == got,
        (Some(_), None) => false,
        (None, _) => label.line.is_some_and(|line| {
            finding.primary.span.line == line
                || finding
                    .related
                    .iter()
                    .any(|r| r.location.path == label.path && r.location.span.line == line)
        }),
    }
}

/// Whether a missing- or extra-section label is one of the places a `rewritten-source` finding
/// on its file groups (role `missing` or `extra`, labelled with the anchor): that check reports
/// a rewritten translation's differing sections as one finding, listing every place.
fn grouped_by_rewrite(label: &Label, finding: &Finding) -> bool {
    let Some(section) = &label.section else {
        return false;
    };
    let role = match RuleId::find(&label.code) {
        Some(RuleId::MissingSection) => "missing",
        Some(RuleId::ExtraSection) => "extra",
        _ => return false,
    };
    let anchor = format!("#{}", section.trim_start_matches('#'));
    finding.rule == RuleId::RewrittenSource
        && finding.primary.path == label.path
        && finding
            .related
            .iter()
            .any(|r| r.role == role && r.location.label == anchor)
}

fn negative_hit<'a>(negatives: &'a [Negative], finding: &Finding) -> Option<&'a Negative> {
    negatives.iter().find(|n| {
        n.path == finding.primary.path
            && match (&n.section, &finding.section) {
                (Some(want), Some(got)) => want.trim_start_matches('#') == got,
                _ => n.line == Some(finding.primary.span.line),
            }
    })
}

/// Runs check on `root` and prints the figures.
pub fn run(root: &Path) -> Result<()> {
    let labels = read_labels(root)?;
    let corpus = docrules_parse::corpus::load(root).map_err(|e| anyhow::anyhow!("{e}"))?;
    let compiled = docrules_align::compile(&corpus);
    let report = docrules_rules::check(&compiled);
    let findings: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.level >= Level::Warning)
        .collect();

    #[derive(Default)]
    struct Tally {
        findings: usize,
        true_: usize,
    }
    let mut by_code: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut false_findings = Vec::new();
    let mut matched = vec![false; labels.finding.len()];
    let mut grouped = vec![false; labels.finding.len()];
    for finding in &findings {
        let tally = by_code.entry(finding.code).or_default();
        tally.findings += 1;
        let mut hit = false;
        for (i, label) in labels.finding.iter().enumerate() {
            if label_matches(label, finding) {
                matched[i] = true;
                hit = true;
            } else if !matched[i] && grouped_by_rewrite(label, finding) {
                grouped[i] = true;
            }
        }
        if hit {
            tally.true_ += 1;
        } else {
            false_findings.push(*finding);
        }
    }

    let files = corpus.versions().count();
    println!(
        "eval: {} articles, {files} files, {} finding labels, {} negative labels",
        corpus.articles.len(),
        labels.finding.len(),
        labels.negative.len()
    );
    println!("\n| code | name | findings | true | false | precision |");
    println!("| --- | --- | ---: | ---: | ---: | ---: |");
    let (mut all, mut all_true) = (0, 0);
    for (code, tally) in &by_code {
        let name = RuleId::find(code).map_or("?", RuleId::name);
        println!(
            "| {code} | {name} | {} | {} | {} | {} |",
            tally.findings,
            tally.true_,
            tally.findings - tally.true_,
            percent(tally.true_, tally.findings)
        );
        all += tally.findings;
        all_true += tally.true_;
    }
    println!(
        "| all | | {all} | {all_true} | {} | {} |",
        all - all_true,
        percent(all_true, all)
    );

    let mut recall: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (label, hit) in labels.finding.iter().zip(&matched) {
        let name = RuleId::find(&label.code).map_or(label.code.clone(), |r| r.name().to_owned());
        let entry = recall.entry(name).or_default();
        entry.0 += 1;
        entry.1 += usize::from(*hit);
    }
    println!("\n| label | labels | found | recall |");
    println!("| --- | ---: | ---: | ---: |");
    let (mut labelled, mut found) = (0, 0);
    for (name, (n, hit)) in &recall {
        println!("| {name} | {n} | {hit} | {} |", percent(*hit, *n));
        labelled += n;
        found += hit;
    }
    println!(
        "| all | {labelled} | {found} | {} |",
        percent(found, labelled)
    );
    // A rewritten-source finding groups the sections that differ instead of reporting each:
    // the section labels among its places are counted apart, so the strict figure stays
    // visible.
    let grouped_count = grouped
        .iter()
        .zip(&matched)
        .filter(|&(&g, &m)| g && !m)
        .count();
    if grouped_count > 0 {
        println!(
            "\n{grouped_count} more section labels are places of a rewritten-source finding (one finding per rewritten translation, every differing section listed); with them, recall is {}",
            percent(found + grouped_count, labelled)
        );
    }

    println!("\nfalse findings ({}):", false_findings.len());
    for finding in &false_findings {
        let negative = negative_hit(&labels.negative, finding)
            .map(|n| {
                format!(
                    " [negative: {}{}{}]",
                    n.kind,
                    n.text
                        .as_deref()
                        .map(|t| format!(" `{t}`"))
                        .unwrap_or_default(),
                    n.note
                        .as_deref()
                        .map(|t| format!(": {t}"))
                        .unwrap_or_default()
                )
            })
            .unwrap_or_default();
        println!(
            "  {}:{} {} {}{negative}\n      {}",
            finding.primary.path,
            finding.primary.span.line,
            finding.code,
            finding.name,
            finding.message
        );
    }
    let missed: Vec<&Label> = labels
        .finding
        .iter()
        .zip(matched.iter().zip(&grouped))
        .filter(|(_, (hit, grouped))| !**hit && !**grouped)
        .map(|(l, _)| l)
        .collect();
    println!(
        "\nmissed labels ({}, besides the {grouped_count} grouped):",
        missed.len()
    );
    for label in missed {
        println!(
            "  {}:{} {}{}{}{}{}\n      {}",
            label.path,
            label.line.map_or_else(String::new, |l| l.to_string()),
            label.code,
            label
                .section
                .as_ref()
                .map(|s| format!(" #{}", s.trim_start_matches('#')))
                .unwrap_or_default(),
            label
                .text
                .as_deref()
                .map(|t| format!(" `{t}`"))
                .unwrap_or_default(),
            label
                .expected
                .as_deref()
                .map(|t| format!(" (expected {t})"))
                .unwrap_or_default(),
            label
                .other
                .as_deref()
                .map(|t| format!(" vs {t}"))
                .unwrap_or_default(),
            label.note.as_deref().unwrap_or_default()
        );
    }
    Ok(())
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "–".to_owned()
    } else {
        format!("{:.1} %", 100.0 * part as f64 / whole as f64)
    }
}
