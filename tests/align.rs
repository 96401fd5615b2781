//! Section alignment across versions and locales, and fact histories, on the seeds.

mod common;

use docrules_align::{self as align, Evidence};
use docrules_model::corpus::Corpus;
use docrules_model::document::Document;

fn doc<'a>(corpus: &'a Corpus, locale: &str, date: &str) -> &'a Document {
    &corpus
        .versions()
        .find(|v| {
            v.article == "backup-azure-mars-troubleshoot"
                && v.locale.as_str() == locale
                && v.date.unwrap().to_string() == date
        })
        .unwrap()
        .document
}

/// `old-anchor(s) -> new-anchor(s) [evidence]` for every match.
fn matches(old: &Document, new: &Document) -> Vec<String> {
    let alignment = align::sections::align(old, new);
    alignment
        .matches
        .iter()
        .map(|m| {
            let names = |doc: &Document, ix: &[docrules_model::index::SectionId]| -> String {
                ix.iter()
                    .map(|&i| doc.sections[i].anchor.as_str())
                    .map(|a| if a.is_empty() { "(preamble)" } else { a })
                    .collect::<Vec<_>>()
                    .join(" + ")
            };
            format!(
                "{} -> {} [{:?}]",
                names(old, &m.old),
                names(new, &m.new),
                m.evidence
            )
        })
        .collect()
}

fn has(list: &[String], expected: &str) -> bool {
    list.iter().any(|m| m == expected)
}

#[test]
fn renamed_sections_align_through_error_ids_and_the_split_is_one_to_many() {
    let corpus = common::load_corpus();
    let m = matches(
        doc(&corpus, "ja-JP", "2017-12-04"),
        doc(&corpus, "ja-JP", "2019-07-15"),
    );
    for expected in [
        "error-invalid-vault-credentials-provided-the-file-is-either-corrupted-or-does-not-have-the-latest-credentials-associated-with-recovery-service -> invalid-vault-credentials-provided [ErrorIds]",
        "error-the-microsoft-azure-recovery-service-agent-was-unable-to-connect-to-microsoft-azure-backup -> the-microsoft-azure-recovery-service-agent-was-unable-to-connect-to-microsoft-azure-backup [ErrorIds]",
        "error-the-activation-did-not-complete-successfully-the-current-operation-failed-due-to-an-internal-service-error-0x1fc07 -> the-activation-did-not-complete-successfully + encryption-passphrase-not-correctly-configured [ErrorIds]",
        "error-failed-to-set-the-encryption-key-for-secure-backups -> failed-to-set-the-encryption-key-for-secure-backups [Position]",
        "troubleshooting-azure-backup-agent-configurationregistration-issues -> troubleshoot-the-microsoft-azure-recovery-services-mars-agent [Position]",
    ] {
        assert!(has(&m, expected), "{expected}\nin {m:#?}");
    }
    // Sections the 2019 version does not have stay unmatched.
    assert!(
        !m.iter().any(|l| l.starts_with("recommended-steps ")),
        "{m:#?}"
    );
}

#[test]
fn renamed_anchor_across_versions_and_locales() {
    let corpus = common::load_corpus();
    let m = matches(
        doc(&corpus, "ja-JP", "2019-07-15"),
        doc(&corpus, "ja-JP", "2021-06-04"),
    );
    assert!(has(&m, "pre-requisites -> prerequisites [Facts]"), "{m:#?}");
    assert_eq!(
        m.iter().filter(|l| !l.ends_with("[Anchor]")).count(),
        1,
        "{m:#?}"
    );
    let m = matches(
        doc(&corpus, "zh-TW", "2019-05-21"),
        doc(&corpus, "ja-JP", "2019-07-15"),
    );
    assert!(
        has(
            &m,
            "backups-dont-run-according-to-the-schedule -> backups-dont-run-according-to-schedule [Facts]"
        ),
        "{m:#?}"
    );
    assert!(
        has(
            &m,
            "troubleshoot-restore-issues -> troubleshoot-restore-problems [Facts]"
        ),
        "{m:#?}"
    );
    assert!(
        !m.iter()
            .any(|l| l.starts_with("need-help-contact-support ")),
        "{m:#?}"
    );
}

#[test]
fn every_version_aligns_with_itself_by_anchor() {
    let corpus = common::load_corpus();
    for version in corpus.versions() {
        let d = &version.document;
        let alignment = align::sections::align(d, d);
        assert_eq!(
            alignment.matches.len(),
            d.sections.len(),
            "{}",
            version.path
        );
        assert!(
            alignment
                .matches
                .iter()
                .all(|m| m.evidence == Evidence::Anchor && m.old == m.new)
        );
    }
}

#[test]
fn vault_credential_validity_history() {
    let corpus = common::load_corpus();
    let compiled = align::compile(&corpus);
    let mars = compiled
        .articles
        .iter()
        .find(|a| a.article.name == "backup-azure-mars-troubleshoot")
        .unwrap();
    assert_eq!(
        mars.article.versions[mars.canonical].path,
        "backup-azure-mars-troubleshoot/ja-jp/2021-06-04.md"
    );
    let history = mars
        .histories
        .values()
        .find(|h| h.name.as_deref() == Some("vault_credential_validity"))
        .expect("the named fact has a history");
    let entries: Vec<String> = history
        .entries
        .iter()
        .map(|&e| {
            let (version, fact) = mars.fact(e);
            format!(
                "{} {} {}",
                version.locale,
                version.date.unwrap(),
                fact.value
            )
        })
        .collect();
    assert_eq!(
        entries,
        [
            "ja-JP 2017-12-04 48 h",
            "zh-TW 2019-05-21 48 h",
            "ja-JP 2019-07-15 48 h",
            "ja-JP 2021-06-04 10 d"
        ]
    );
    let (_, canonical) = mars.fact(history.canonical.unwrap());
    assert_eq!(canonical.value.to_string(), "10 d");
}
