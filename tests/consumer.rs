//! The generated crate used the way a downstream tool would: look up an error, print what to
//! do, decide with a named fact; and a round trip that every rule, fact and provenance line of
//! the crate is what the compiler reads from the corpus.

mod common;

use azure_backup_rules as rules;
use core::time::Duration;

/// What a support tool would do with a registration failure: find the advice for the error and
/// tell whether a vault credential file downloaded `days_ago` days ago can still be used.
fn advise(error_id: &str, days_ago: u64) -> (Vec<String>, bool) {
    let actions = rules::by_error_id(error_id)
        .filter_map(|rule| rule.actions)
        .map(|cell| cell.text.to_owned())
        .collect();
    let rules::Value::Duration(validity) = rules::facts::VAULT_CREDENTIAL_VALIDITY.value else {
        panic!("the validity is a duration");
    };
    (actions, Duration::from_secs(days_ago * 86_400) < validity)
}

#[test]
fn a_consumer_looks_up_34513_and_decides_with_the_named_fact() {
    let (actions, valid_after_3_days) = advise("34513", 3);
    assert_eq!(
        actions.len(),
        3,
        "three causes of 34513, each with its action"
    );
    assert!(actions[0].contains("Azure portal"), "{actions:?}");
    // Structure is kept: the list items of the first action, one by one.
    let first = rules::by_error_id("34513")
        .next()
        .and_then(|r| r.actions)
        .expect("actions");
    assert_eq!(first.items.len(), 2, "{:?}", first.items);
    assert!(first.items[0].starts_with("MARS を既にインストール"));
    assert!(
        valid_after_3_days,
        "10 days of validity: a 3-day-old file is fine"
    );
    assert!(!advise("34513", 11).1, "an 11-day-old file is not");
    assert!(
        rules::by_error_id("0x1FC07").next().is_some(),
        "hex IDs in any case"
    );
    assert_eq!(
        rules::by_error_id("0x1fc07").count(),
        rules::by_error_id("0X1FC07").count()
    );
}

#[test]
fn the_named_fact_has_its_history() {
    let fact = rules::facts::VAULT_CREDENTIAL_VALIDITY;
    assert_eq!(
        fact.value,
        rules::Value::Duration(Duration::from_secs(10 * 86_400))
    );
    let history: Vec<(&str, &str, rules::Value)> = fact
        .history
        .iter()
        .map(|s| (s.source.locale, s.source.version, s.value))
        .collect();
    let h48 = rules::Value::Duration(Duration::from_secs(48 * 3_600));
    assert_eq!(
        history,
        [
            ("ja-JP", "2017-12-04", h48),
            ("zh-TW", "2019-05-21", h48),
            ("ja-JP", "2019-07-15", h48),
            (
                "ja-JP",
                "2021-06-04",
                rules::Value::Duration(Duration::from_secs(10 * 86_400))
            ),
        ]
    );
    let debug = format!("{fact:?}");
    for text in [
        "48 時間以上",
        "超過 48 小時",
        "10 日間以上",
        "172800s",
        "864000s",
    ] {
        assert!(
            debug.contains(text),
            "Debug shows every value of the history: {text}"
        );
    }
    assert_eq!(rules::fact(fact.key).map(|f| f.value), Some(fact.value));
}

#[test]
fn constants_and_lists() {
    assert_eq!(
        rules::GENERATOR_VERSION,
        docrules_codegen::GENERATOR_VERSION
    );
    let corpus = common::load_corpus();
    assert_eq!(
        rules::CORPUS_DIGEST,
        docrules_codegen::corpus_digest(&corpus)
    );
    assert_eq!(rules::locales(), ["ja-JP", "zh-TW"]);
    let names: Vec<&str> = rules::articles().iter().map(|a| a.name).collect();
    assert_eq!(
        names,
        [
            "backup-azure-mabs-troubleshoot",
            "backup-azure-mars-troubleshoot"
        ]
    );
    let ids: Vec<&str> = rules::rules().iter().map(|r| r.id).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted, "rules() is sorted by id");
    for id in ids {
        assert_eq!(rules::rule(id).map(|r| r.id), Some(id));
    }
    let keys: Vec<&str> = rules::facts().iter().map(|f| f.key).collect();
    assert!(
        keys.windows(2).all(|w| w[0] < w[1]),
        "facts() is sorted by key, keys unique"
    );
}

#[test]
fn round_trip_with_the_compiler() {
    let corpus = common::load_corpus();
    let compiled = docrules_align::compile(&corpus);
    // Every rule of every canonical version is in the crate, and only those.
    let expected: usize = compiled
        .articles
        .iter()
        .map(|a| a.article.versions[a.canonical].document.rules.len())
        .sum();
    assert_eq!(rules::rules().len(), expected);
    let text_of = |path: &str| {
        corpus
            .versions()
            .find(|v| v.path == path)
            .map(|v| v.document.source.text.clone())
            .expect(path)
    };
    let line = |text: &str, n: u32| {
        text.lines()
            .nth(n as usize - 1)
            .unwrap_or_default()
            .to_owned()
    };
    for rule in rules::rules() {
        let file = text_of(rule.source.path);
        let row = line(&file, rule.source.line);
        assert!(
            row.contains('|'),
            "{}: line {} is a table row",
            rule.id,
            rule.source.line
        );
        for id in rule.error_ids {
            let written = file.to_lowercase();
            assert!(
                written.contains(id),
                "{}: {id} is in {}",
                rule.id,
                rule.source.path
            );
        }
        for fact in rule.facts {
            assert!(
                line(&file, fact.source.line).contains(fact.text),
                "{}: `{}` on its line",
                fact.key,
                fact.text
            );
        }
    }
    for fact in rules::facts() {
        for stated in fact.history {
            let file = text_of(stated.source.path);
            let at = line(&file, stated.source.line);
            assert!(
                at.contains(stated.text),
                "{} ({} {}): `{}` on line {}",
                fact.key,
                stated.source.locale,
                stated.source.version,
                stated.text,
                stated.source.line
            );
            // The column counts characters up to the text.
            let prefix: String = at.chars().take(stated.source.column as usize - 1).collect();
            assert!(
                at[prefix.len()..].starts_with(stated.text),
                "{}: column {}",
                fact.key,
                stated.source.column
            );
        }
    }
}

#[test]
fn the_serde_feature_serializes_the_data() {
    let json = serde_json::to_value(rules::facts::VAULT_CREDENTIAL_VALIDITY).unwrap();
    assert_eq!(json["name"], "vault_credential_validity");
    assert_eq!(json["value"]["Duration"]["secs"], 864_000);
    assert_eq!(json["history"].as_array().unwrap().len(), 4);
    let rule = serde_json::to_value(rules::by_error_id("34513").next().unwrap()).unwrap();
    assert_eq!(rule["error_ids"][0], "34513");
}

/// Code written against `docrules-types` reads any generated crate: the types are shared, and
/// a rule's facts and the named facts are the very entries of `facts()`, not copies.
#[test]
fn the_types_are_shared_and_every_fact_is_stated_once() {
    fn count_rules(corpora: &[&docrules_types::Corpus]) -> usize {
        corpora.iter().map(|c| c.rules().len()).sum()
    }
    assert_eq!(
        count_rules(&[rules::CORPUS, &docrules_types::Corpus::EMPTY]),
        rules::rules().len()
    );
    assert_eq!(rules::CORPUS.name, "azure-backup-rules");
    let facts = rules::facts();
    let in_facts = |fact: &rules::Fact| facts.iter().any(|f| core::ptr::eq(f, fact));
    let mut referenced = 0;
    for rule in rules::rules() {
        for fact in rule.facts {
            assert!(
                in_facts(fact),
                "{}: {} is an entry of facts()",
                rule.id,
                fact.key
            );
            referenced += 1;
        }
    }
    assert!(referenced > 10, "rules refer to their facts ({referenced})");
    assert!(in_facts(rules::facts::VAULT_CREDENTIAL_VALIDITY));
    let validity = rules::by_error_id("34513")
        .flat_map(|r| r.facts)
        .find(|f| f.name == Some("vault_credential_validity"))
        .expect("the 34513 row states the validity");
    assert!(core::ptr::eq(
        *validity,
        rules::facts::VAULT_CREDENTIAL_VALIDITY
    ));
}

#[test]
fn rule_constants_are_readable_and_point_into_rules() {
    use rules::rules::backup_azure_mars_troubleshoot as mars;
    let rule = mars::INVALID_VAULT_CREDENTIALS_PROVIDED_34513_1;
    assert_eq!(
        rule.id,
        "backup-azure-mars-troubleshoot/invalid-vault-credentials-provided/34513.1"
    );
    assert!(core::ptr::eq(rule, rules::rule(rule.id).expect("by id")));
    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated/src/rules.rs"),
    )
    .expect("rules.rs");
    let longest = source
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub static "))
        .filter_map(|l| l.split(':').next())
        .map(str::len)
        .max()
        .unwrap_or_default();
    assert!(
        longest <= 90,
        "constant names stay readable ({longest} characters)"
    );
}
