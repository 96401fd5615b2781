//! The facts of the seeds: every fact listed in ACCEPTANCE.md asserted explicitly, a reviewed
//! snapshot of all facts of every seed, and properties of extraction on arbitrary text.

mod common;

use docrules_model::corpus::{Corpus, Version};
use docrules_model::fact::{Comparator, Fact, FactKind, TimeUnit, Value};
use proptest::prelude::*;

const MARS: &str = "backup-azure-mars-troubleshoot";
const MABS: &str = "backup-azure-mabs-troubleshoot";

fn version<'a>(corpus: &'a Corpus, article: &str, locale: &str, date: &str) -> &'a Version {
    corpus
        .versions()
        .find(|v| {
            v.article == article
                && v.locale.as_str() == locale
                && v.date.unwrap().to_string() == date
        })
        .unwrap_or_else(|| panic!("{article} {locale} {date} is in the corpus"))
}

/// Facts of a kind in a section and its subsections.
fn facts<'a>(version: &'a Version, anchor: &str, kind: FactKind) -> Vec<&'a Fact> {
    let doc = &version.document;
    let section = doc
        .sections
        .iter()
        .position(|s| s.anchor == anchor)
        .unwrap_or_else(|| panic!("section {anchor}"));
    let within = |mut index: docrules_model::index::SectionId| loop {
        if index.index() == section {
            return true;
        }
        match doc.sections[index].parent {
            Some(parent) => index = parent,
            None => return false,
        }
    };
    doc.facts
        .iter()
        .filter(|f| f.kind == kind && within(f.context.section))
        .collect()
}

fn hours(h: u64) -> u64 {
    h * TimeUnit::Hour.millis()
}

fn durations(facts: &[&Fact]) -> Vec<(u64, Option<Comparator>)> {
    facts
        .iter()
        .map(|f| match f.value {
            Value::Duration { millis, .. } => (millis, f.comparator),
            _ => unreachable!(),
        })
        .collect()
}

#[test]
fn vault_credential_validity_in_every_version() {
    let corpus = common::load_corpus();
    let ja2019 = version(&corpus, MARS, "ja-JP", "2019-07-15");
    let found = facts(
        ja2019,
        "invalid-vault-credentials-provided",
        FactKind::Duration,
    );
    assert_eq!(
        durations(&found),
        [(hours(48), Some(Comparator::AtLeast)), (hours(48), None)]
    );
    assert_eq!(found[0].text, "48 時間以上");
    assert_eq!(found[1].text, "48 時間");
    assert_eq!(found[0].name.as_deref(), Some("vault_credential_validity"));

    let ja2021 = version(&corpus, MARS, "ja-JP", "2021-06-04");
    let found = facts(
        ja2021,
        "invalid-vault-credentials-provided",
        FactKind::Duration,
    );
    assert_eq!(
        durations(&found),
        [(hours(240), Some(Comparator::AtLeast)), (hours(240), None)]
    );
    assert_eq!(
        (found[0].text.as_str(), found[1].text.as_str()),
        ("10 日間以上", "10 日間")
    );

    let zh = version(&corpus, MARS, "zh-TW", "2019-05-21");
    let found = facts(zh, "invalid-vault-credentials-provided", FactKind::Duration);
    assert_eq!(
        durations(&found),
        [
            (hours(48), Some(Comparator::MoreThan)),
            (hours(48), Some(Comparator::Within))
        ]
    );
    assert_eq!(
        (found[0].text.as_str(), found[1].text.as_str()),
        ("超過 48 小時", "48 小時內")
    );

    // The same fact has the same key in every locale and version that shares the anchor.
    let key = |v: &Version| {
        facts(v, "invalid-vault-credentials-provided", FactKind::Duration)[0]
            .key
            .clone()
    };
    assert_eq!(key(ja2019), key(ja2021));
    assert_eq!(key(ja2019), key(zh));

    let ja2017 = version(&corpus, MARS, "ja-JP", "2017-12-04");
    let anchor = "error-invalid-vault-credentials-provided-the-file-is-either-corrupted-or-does-not-have-the-latest-credentials-associated-with-recovery-service";
    let found = facts(ja2017, anchor, FactKind::Duration);
    assert_eq!(durations(&found), [(hours(48), Some(Comparator::AtLeast))]);
    assert_eq!(found[0].text, "48 時間以上");
}

#[test]
fn counts() {
    let corpus = common::load_corpus();
    let ja2019 = version(&corpus, MARS, "ja-JP", "2019-07-15");
    let found = facts(ja2019, "additional-recommendations", FactKind::Count);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].value,
        Value::Count {
            values: vec![60_000, 65_000]
        }
    );
    assert_eq!(found[0].comparator, Some(Comparator::MoreThan));
    assert_eq!(found[0].text, "60,000 または 65,000 個より多く");
    assert!(found[0].key.subject.contains("text"), "{}", found[0].key);

    let mabs = version(&corpus, MABS, "ja-JP", "2019-07-05");
    let found = facts(mabs, "invalid-vault-credentials-provided", FactKind::Count);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].value,
        Value::Count {
            values: vec![65_000]
        }
    );
    assert_eq!(found[0].text, "65,000 を超えている");

    let found = facts(
        ja2019,
        "unable-to-download-vault-credential-file",
        FactKind::Count,
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].value, Value::Count { values: vec![50] });
    assert_eq!(found[0].context.noun.as_deref(), Some("マシン"));
}

#[test]
fn percent_ranges() {
    let corpus = common::load_corpus();
    let five_to_ten = Value::Percent {
        low: 5.0,
        high: 10.0,
    };
    for (v, anchor, text) in [
        (
            version(&corpus, MARS, "ja-JP", "2019-07-15"),
            "basic-troubleshooting",
            "5% から 10%",
        ),
        (
            version(&corpus, MARS, "ja-JP", "2017-12-04"),
            "error-the-activation-did-not-complete-successfully-the-current-operation-failed-due-to-an-internal-service-error-0x1fc07",
            "5 ～ 10%",
        ),
        (
            version(&corpus, MARS, "zh-TW", "2019-05-21"),
            "basic-troubleshooting",
            "5-10%",
        ),
    ] {
        let found = facts(v, anchor, FactKind::Percent);
        assert_eq!(found.len(), 1, "{} {anchor}", v.path);
        assert_eq!(
            (&found[0].value, found[0].text.as_str()),
            (&five_to_ten, text)
        );
    }
}

#[test]
fn versions() {
    let corpus = common::load_corpus();
    let ja2019 = version(&corpus, MARS, "ja-JP", "2019-07-15");
    let found = facts(ja2019, "basic-troubleshooting", FactKind::Version);
    let summary: Vec<(String, Option<&str>)> = found
        .iter()
        .map(|f| (f.value.to_string(), f.context.noun.as_deref()))
        .collect();
    assert!(
        summary.contains(&("4.5.2+".into(), Some(".NET Framework"))),
        "{summary:?}"
    );
    assert!(
        summary.contains(&("3.7.0".into(), Some("Azure PowerShell"))),
        "{summary:?}"
    );

    let ja2017 = version(&corpus, MARS, "ja-JP", "2017-12-04");
    let anchor = "error-invalid-vault-credentials-provided-the-file-is-either-corrupted-or-does-not-have-the-latest-credentials-associated-with-recovery-service";
    let found = facts(ja2017, anchor, FactKind::Version);
    assert!(found.iter().any(|f| f.text == ".NET Framework 4.6.2"
        && f.value
            == Value::Version {
                components: vec![4, 6, 2],
                minimum: false
            }));

    let mabs = version(&corpus, MABS, "ja-JP", "2019-07-05");
    let found = facts(mabs, "change-passphrase", FactKind::Version);
    assert!(
        found.iter().any(|f| f.value.to_string() == "2.0.9052"),
        "{found:?}"
    );
}

#[test]
fn networks_hosts_and_ports() {
    let corpus = common::load_corpus();
    let ja2019 = version(&corpus, MARS, "ja-JP", "2019-07-15");
    let ips: Vec<String> = facts(ja2019, "invalid-vault-credentials-provided", FactKind::Ipv4)
        .iter()
        .map(|f| f.value.to_string())
        .collect();
    assert_eq!(ips, ["20.190.128.0/18", "40.126.0.0/18"]);

    let ja2021 = version(&corpus, MARS, "ja-JP", "2021-06-04");
    let ports: Vec<String> = facts(ja2021, "invalid-vault-credentials-provided", FactKind::Port)
        .iter()
        .map(|f| f.value.to_string())
        .collect();
    assert_eq!(ports, ["443"]);
    let hosts: Vec<String> = facts(ja2021, "invalid-vault-credentials-provided", FactKind::Host)
        .iter()
        .map(|f| f.value.to_string())
        .collect();
    for host in [
        "www.msftconnecttest.com",
        "*.windowsazure.us",
        "*.usgovcloudapi.net",
        "*.microsoftonline.us",
    ] {
        assert!(hosts.contains(&host.to_owned()), "{host} in {hosts:?}");
    }

    let mabs = version(&corpus, MABS, "ja-JP", "2019-07-05");
    let found = facts(mabs, "configure-email-notifications", FactKind::Port);
    assert_eq!(
        found
            .iter()
            .map(|f| f.value.to_string())
            .collect::<Vec<_>>(),
        ["587"]
    );
    assert_eq!(found[0].text, "ポート 587");
}

#[test]
fn error_ids() {
    let corpus = common::load_corpus();
    let ids = |v: &Version, anchor: &str| -> Vec<String> {
        facts(v, anchor, FactKind::ErrorId)
            .iter()
            .map(|f| f.value.to_string())
            .collect()
    };
    let ja2019 = version(&corpus, MARS, "ja-JP", "2019-07-15");
    assert!(ids(ja2019, "invalid-vault-credentials-provided").contains(&"34513".into()));
    assert!(
        ids(ja2019, "the-activation-did-not-complete-successfully").contains(&"0x1fc07".into())
    );
    let zh = version(&corpus, MARS, "zh-TW", "2019-05-21");
    let found = facts(zh, "invalid-vault-credentials-provided", FactKind::ErrorId);
    assert!(
        found
            .iter()
            .any(|f| f.value.to_string() == "34513" && f.text == "34513")
    );
    assert_eq!(
        zh.document.text_at(found[0].span),
        "34513",
        "the span of `(識別碼：34513)` points at the digits"
    );

    let ja2021 = version(&corpus, MARS, "ja-JP", "2021-06-04");
    let found = ids(ja2021, "backup-jobs-completed-with-warning");
    for id in [
        "0x80070570",
        "0x80070002",
        "0x80070003",
        "0x80070005",
        "0x8007018b",
    ] {
        assert!(found.contains(&id.to_owned()), "{id} in {found:?}");
    }
    let found = ids(ja2019, "common-issues");
    for id in [
        "SalChecksumStoreInitializationFailed",
        "SalVhdInitializationError",
        "SalLowDiskSpace",
        "SalBitmapError",
    ] {
        assert!(found.contains(&id.to_owned()), "{id} in {found:?}");
    }
}

#[test]
fn retention_durations_in_order() {
    let corpus = common::load_corpus();
    let mabs = version(&corpus, MABS, "ja-JP", "2019-07-05");
    let found = facts(mabs, "configuring-protection-group", FactKind::Duration);
    let written: Vec<(&str, String)> = found
        .iter()
        .map(|f| (f.text.as_str(), f.value.to_string()))
        .collect();
    assert_eq!(
        written,
        [
            ("7 日", "7 d".into()),
            ("4 週間", "4 w".into()),
            ("3 週間", "3 w".into()),
            ("1 年", "1 y".into())
        ]
    );
}

#[test]
fn durations_are_exactly_the_duration_statements() {
    // Every duration of the seeds, and nothing else: no ordinals, dates or IDs among them.
    let (status, out, _) = common::run(&[
        "facts",
        common::corpus_root().to_str().unwrap(),
        "--kind",
        "duration",
    ]);
    assert_eq!(status, 0);
    let texts: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split('«').nth(1)?.split('»').next())
        .collect();
    assert_eq!(
        texts,
        [
            "7 日",
            "4 週間",
            "3 週間",
            "1 年",
            "48 時間以上",
            "超過 48 小時",
            "48 小時內",
            "48 時間以上",
            "48 時間",
            "10 日間以上",
            "10 日間",
        ]
    );
}

#[test]
fn facts_of_every_seed() {
    let corpus = common::load_corpus();
    for version in corpus.versions() {
        let lines: Vec<String> = version
            .document
            .facts
            .iter()
            .map(|f| {
                let cmp = f
                    .comparator
                    .map(|c| format!(" {}", c.symbol()))
                    .unwrap_or_default();
                format!(
                    "L{}:{} {} {}{cmp} «{}» {}",
                    f.span.line, f.span.column, f.kind, f.value, f.text, f.key.subject
                )
            })
            .collect();
        let name = format!(
            "{}__{}__{}",
            version.article,
            version.locale,
            version.date.unwrap()
        );
        insta::assert_snapshot!(name, lines.join("\n"));
    }
}

#[test]
fn json_listing_is_versioned() {
    let (status, out, _) = common::run(&[
        "facts",
        common::corpus_root().to_str().unwrap(),
        "--format",
        "json",
        "--kind",
        "port",
    ]);
    assert_eq!(status, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["schema"], "docrules.facts/1");
    let facts = json["facts"].as_array().unwrap();
    assert_eq!(facts.len(), 2);
    assert_eq!(facts[0]["value"]["port"], 587);
    assert_eq!(facts[0]["span"]["line"], 121);
    assert!(facts[0]["key"]["section"].is_string());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    /// Extraction never panics, and every span slices the input on character boundaries and
    /// holds exactly the fact's text.
    #[test]
    fn spans_slice_the_input(text in "(?s)[ -~０-９時間日週年か月小時天個以上超過または或から～〜ー、。%％./\\\\:\\[\\]一二十四分部台\n]{0,80}") {
        let doc = common::parse_bytes("prop.md", format!("| Error | Cause |\n| --- | --- |\n| x | {} |\n\n{}", text.replace(['\n', '|'], " "), text).into_bytes(), "ja-JP");
        for fact in &doc.facts {
            let slice = doc.source.text.get(fact.span.range());
            prop_assert_eq!(slice, Some(fact.text.as_str()));
        }
        for locale in ["ja", "zh-TW", "en", "de", "fr", "xx"] {
            let lex = docrules_lexicon::Lexicons::get().facts(docrules_model::locale::Locale::parse(locale).as_ref());
            for found in docrules_parse::extract::scan::scan(&text, lex) {
                prop_assert!(text.get(found.range.clone()).is_some());
            }
        }
    }
}
