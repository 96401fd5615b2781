//! Duration and count ranges are one fact (issue 12): `4 to 30 minutes` is `4–30 min` in every
//! language that reads percent ranges, with the unit once or on both ends; a cell `10 - 20` in a
//! column of numbers is one range. Not ranges: versions, dates, IDs, numbers in two cells, and
//! alternatives. Then what checks and diffs make of them: a faithful translation of a range is
//! no finding, a stale one is a stale fact, a widened range one change.
//!
//! Sentences of the localized `articles/virtual-network/public-ip-addresses.md` (each names its
//! repository and commit); cases without a provenance line are minimal fixtures of the forms.

mod common;
mod scan_cases;

use serde_json::Value;

fn check(cases: &[(&str, &str, &[&str])]) {
    scan_cases::check_cases(cases, false);
}

#[test]
fn duration_ranges_in_every_language() {
    check(&[
        // MicrosoftDocs/azure-docs @ 170c82619cd9121679ff96568b3a1c93ab7e310c
        (
            "en-US",
            "Have an adjustable inbound originated flow idle timeout of 4-30 minutes, with a default of 4 minutes, and fixed outbound originated flow idle timeout of 4 minutes.",
            &[
                "duration 4–30 min «4-30 minutes»",
                "duration 4 min «4 minutes»",
                "duration 4 min «4 minutes»",
            ],
        ),
        (
            "en-US",
            "between 4 and 30 minutes",
            &["duration 4–30 min «between 4 and 30 minutes»"],
        ),
        (
            "en-US",
            "4 to 30 minutes",
            &["duration 4–30 min «4 to 30 minutes»"],
        ),
        ("en-US", "4–30 min", &["duration 4–30 min «4–30 min»"]),
        (
            "en-US",
            "4 minutes to 100 minutes for Outbound Rules",
            &["duration 4–100 min «4 minutes to 100 minutes»"],
        ),
        // Ends in two units keep each: `30 min–2 h` compares by its milliseconds.
        (
            "en-US",
            "30 minutes to 2 hours",
            &["duration 30 min–2 h «30 minutes to 2 hours»"],
        ),
        // stephanemora/azure-docs.fr-fr @ 0ce027d2d78eda6d92b17365d25f39ee73003dbf
        (
            "fr-FR",
            "Dotées d’un délai d’inactivité du flux entrant réglable de 4 à 30 minutes, avec une valeur par défaut de 4 minutes et d’un délai d’inactivité du flux sortant fixe de 4 minutes.",
            &[
                "duration 4–30 min «4 à 30 minutes»",
                "duration 4 min «4 minutes»",
                "duration 4 min «4 minutes»",
            ],
        ),
        (
            "fr-FR",
            "entre 4 et 30 minutes",
            &["duration 4–30 min «entre 4 et 30 minutes»"],
        ),
        // otrekw/azure-docs.de-de @ 080d5d7107b7589b16de366c56f84461c9aea77a: the low end
        // spelled out.
        (
            "de-DE",
            "das auf einen Wert zwischen vier und 30 Minuten (Standardwert: vier Minuten) festgelegt werden kann",
            &[
                "duration 4–30 min «zwischen vier und 30 Minuten»",
                "duration 4 min «vier Minuten»",
            ],
        ),
        (
            "de-DE",
            "zwischen 4 und 30 Minuten",
            &["duration 4–30 min «zwischen 4 und 30 Minuten»"],
        ),
        (
            "de-DE",
            "von 4 bis 30 Minuten",
            &["duration 4–30 min «4 bis 30 Minuten»"],
        ),
        // csigueros/azure-docs.es-es @ 358471d832ceae727243af5ee7233110866480cc
        (
            "es-ES",
            "Tiene un tiempo espera de inactividad del flujo originado de entrada ajustable de entre 4 y 30 minutos, y un valor predeterminado de 4 minutos",
            &[
                "duration 4–30 min «entre 4 y 30 minutos»",
                "duration 4 min «4 minutos»",
            ],
        ),
        (
            "es-ES",
            "de 4 a 30 minutos",
            &["duration 4–30 min «4 a 30 minutos»"],
        ),
        // changeworld/azure-docs.ja-jp @ 31f16d47498f0e7b66db7d57f7422ecd5a2a35b7: the unit on
        // both ends.
        (
            "ja-JP",
            "インバウンドから発生するフローの調整可能なアイドル タイムアウトとして4分から30 分 (既定値は 4 分) が割り当てられます。",
            &["duration 4–30 min «4分から30 分»", "duration 4 min «4 分»"],
        ),
        ("ja-JP", "4 ～ 30 分", &["duration 4–30 min «4 ～ 30 分»"]),
        ("ja-JP", "4分～30分", &["duration 4–30 min «4分～30分»"]),
        // changeworld/azure-docs.zh-tw @ 1c79286d82c2a73de4e934685d8a1b61b6af7041
        (
            "zh-TW",
            "讓可調整的輸入起源流量閒置逾時 4 到 30 分鐘 (預設值為 4 分鐘)，固定的輸出起源流量閒置逾時 4 分鐘。",
            &[
                "duration 4–30 min «4 到 30 分鐘»",
                "duration 4 min «4 分鐘»",
                "duration 4 min «4 分鐘»",
            ],
        ),
        (
            "zh-TW",
            "4 至 30 分鐘",
            &["duration 4–30 min «4 至 30 分鐘»"],
        ),
        (
            "zh-TW",
            "4分鐘到30分鐘",
            &["duration 4–30 min «4分鐘到30分鐘»"],
        ),
        // zoonoo/azure-docs.ko-kr @ 02daf99e6a034e1511fe86122eeb3633b54ba5db
        (
            "ko-KR",
            "조정 가능한 인바운드 발생 흐름 유휴 시간 제한은 4-30분(기본값은 4분)으로, 고정 아웃바운드 발생 흐름 유휴 시간 제한은 4분으로 정합니다.",
            &[
                "duration 4–30 min «4-30분»",
                "duration 4 min «4분»",
                "duration 4 min «4분»",
            ],
        ),
        ("ko-KR", "4분~30분", &["duration 4–30 min «4분~30분»"]),
        // bergano65/azure-docs.ru-ru @ 0d2cf75395dacd3fec92fb96b98dc0516a3cadbc
        (
            "ru-RU",
            "Имеют настраиваемое время ожидания в случае простоя входящего потока 4–30 минут (значение по умолчанию — 4 минуты)",
            &[
                "duration 4–30 min «4–30 минут»",
                "duration 4 min «4 минуты»",
            ],
        ),
        (
            "ru-RU",
            "от 4 до 30 минут",
            &["duration 4–30 min «4 до 30 минут»"],
        ),
    ]);
}

#[test]
fn count_ranges_and_what_is_no_range() {
    check(&[
        (
            "en-US",
            "5 to 10 servers",
            &["count 5–10 «5 to 10 servers»"],
        ),
        (
            "en-US",
            "between 2 and 8 VMs",
            &["count 2–8 «between 2 and 8 VMs»"],
        ),
        (
            "fr-FR",
            "entre 2 et 8 machines",
            &["count 2–8 «entre 2 et 8 machines»"],
        ),
        ("de-DE", "2 bis 8 Server", &["count 2–8 «2 bis 8 Server»"]),
        ("ja-JP", "2 ～ 8 台", &["count 2–8 «2 ～ 8 台»"]),
        ("ko-KR", "2~8대", &["count 2–8 «2~8대»"]),
        // A range of bare numbers says nothing it measures.
        ("en-US", "between 5 and 10", &[]),
        // Versions, dates and identifiers are no ranges (nor counts).
        (
            "en-US",
            "TLS 1.0-1.2 is supported",
            &["version 1.0 «TLS 1.0»"],
        ),
        ("en-US", "Released on 2019-05-21.", &[]),
        ("en-US", "See KB 4-30 for details.", &[]),
        ("en-US", "Windows 10-11 machines", &[]),
        // Alternatives stay alternatives, and reversed ends are no range.
        (
            "en-US",
            "60,000 or 65,000 files",
            &["count 60000 | 65000 «60,000 or 65,000 files»"],
        ),
        (
            "en-US",
            "30 to 4 minutes",
            &["duration 30 min «30»", "duration 4 min «4 minutes»"],
        ),
    ]);
}

/// `kind value «text»` of every fact of a document read as `locale`.
fn document_facts(markdown: &str, locale: &str) -> Vec<String> {
    let doc = common::parse_bytes("doc.md", markdown.as_bytes().to_vec(), locale);
    doc.facts
        .iter()
        .map(|f| format!("{} {} «{}»", f.kind, f.value, f.text))
        .collect()
}

#[test]
fn a_cell_range_in_a_column_of_numbers_is_one_range() {
    let markdown = "## Limits\n\n\
        | Region | Instances | Cores |\n| --- | --- | --- |\n\
        | East US | 100 | 10 - 20 |\n\
        | West US | 40 | 8 |\n\
        | North Europe | 10 – 20 | 16 |\n";
    assert_eq!(
        document_facts(markdown, "en-US"),
        [
            "count 100 «100»",
            "count 10–20 «10 - 20»",
            "count 40 «40»",
            "count 8 «8»",
            "count 10–20 «10 – 20»",
            "count 16 «16»",
        ]
    );
    // Two numbers in two cells are two counts, never one range.
    let split = "## Limits\n\n| Region | Low | High |\n| --- | --- | --- |\n\
        | East US | 10 | 20 |\n| West US | 5 | 8 |\n";
    assert_eq!(
        document_facts(split, "en-US"),
        [
            "count 10 «10»",
            "count 20 «20»",
            "count 5 «5»",
            "count 8 «8»"
        ]
    );
}

#[test]
fn a_footnoted_cell_states_its_first_line() {
    // The footnote marks (`<sup>1</sup>`) are references, not digits of the value; the line
    // after `<br/>` is another statement, read as text.
    let markdown = "## Scale\n\n\
        | Plan | Scale out | Max # instances |\n| --- | --- | --- |\n\
        | Flex | Event driven | 1000<sup>1</sup> |\n\
        | Dedicated | Manual | 10-30<sup>3</sup><br/>100 (ASE) |\n\
        | Apps | Event driven | 300-1000<sup>2,6</sup> |\n\
        | Consumption | Event driven | **Windows:** 200<br/>**Linux:** 100<sup>5</sup> |\n";
    assert_eq!(
        document_facts(markdown, "en-US"),
        [
            "count 1000 «1000»",
            "count 10–30 «10-30»",
            "count 300–1000 «300-1000»",
        ]
    );
}

/// A changelog of two loose files, as `(kind, direction)` of each change.
fn changes(old: &str, new: &str) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let (old_path, new_path) = (dir.path().join("old.md"), dir.path().join("new.md"));
    std::fs::write(&old_path, old).unwrap();
    std::fs::write(&new_path, new).unwrap();
    let (_, out, err) = common::run(&[
        "diff",
        old_path.to_str().unwrap(),
        new_path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(err.is_empty(), "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    json["diffs"][0]["changes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            let text = |v: &Value| v.as_str().unwrap_or("").to_owned();
            (text(&c["kind"]), text(&c["direction"]))
        })
        .collect()
}

#[test]
fn a_row_named_in_several_tables_pairs_within_its_section() {
    // Both versions name a "Dedicated plan" row in two tables; the scale table's row keeps its
    // name though its link and footnote changed, and its range widened.
    let doc = |name: &str, max: &str| {
        format!(
            "# Hosting\n\n## Options\n\n| Plan | Support |\n| --- | --- |\n\
             | **Dedicated plan** | GA |\n| **Premium plan** | GA |\n\n\
             ## Scale\n\n| Plan | Scale out | Max # instances |\n| --- | --- | --- |\n\
             | {name} | Manual | {max} |\n| **Premium plan** | Event driven | 100 |\n"
        )
    };
    let found = changes(
        &doc(
            "**[Dedicated plan](dedicated-plan.md)**<sup>1</sup>",
            "10-20",
        ),
        &doc("**[Dedicated plan]**", "10-30<sup>3</sup>"),
    );
    assert_eq!(
        found,
        [("fact-value-changed".to_owned(), "widened".to_owned())],
        "{found:?}"
    );
}

fn write(root: &std::path::Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The findings of a corpus whose English source said `4 to 20 minutes` in 2020 and says `4 to
/// 30 minutes` since 2021, and whose French translation of `date` states `translated`.
fn findings_with_translation(date: &str, translated: &str) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "docrules.toml",
        "[crate]\nname = \"ranges\"\n\n[corpus]\nsource_locale = \"en-US\"\n",
    );
    for (date, max) in [("2020-01-01", 20), ("2021-06-04", 30)] {
        write(
            root,
            &format!("timeout/en-us/{date}.md"),
            &format!(
                "# Idle timeout\n\n## <a name=\"range\"></a>Range\n\n\
                 You can set the idle timeout for a duration of 4 to {max} minutes.\n"
            ),
        );
    }
    write(
        root,
        &format!("timeout/fr-fr/{date}.md"),
        &format!(
            "# Délai d’inactivité\n\n## <a name=\"range\"></a>Plage\n\n\
             Vous pouvez définir le délai d’inactivité sur une durée de {translated}.\n"
        ),
    );
    let (_, out, err) = common::run(&["check", root.to_str().unwrap(), "--format", "json"]);
    assert!(err.is_empty(), "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    json["findings"].as_array().unwrap().clone()
}

#[test]
fn a_faithful_range_is_no_finding_and_a_stale_one_is_stale() {
    let faithful = findings_with_translation("2021-06-04", "4 à 30 minutes");
    assert!(faithful.is_empty(), "{faithful:#?}");
    // Translated from the 2020 source, still saying what it said.
    let stale = findings_with_translation("2020-01-01", "4 à 20 minutes");
    let names: Vec<&str> = stale.iter().filter_map(|f| f["name"].as_str()).collect();
    assert_eq!(names, ["stale-fact"], "{stale:#?}");
    let message = stale[0]["message"].as_str().unwrap();
    assert!(
        message.contains("4–20 min") && message.contains("4–30 min"),
        "{message}"
    );
    // Translated from the 2021 source but saying another range: a mistranslation.
    let wrong = findings_with_translation("2021-06-04", "4 à 20 minutes");
    let names: Vec<&str> = wrong.iter().filter_map(|f| f["name"].as_str()).collect();
    assert_eq!(names, ["mistranslated-fact"], "{wrong:#?}");
}

#[test]
fn a_widened_range_is_one_change() {
    let text = |max: u32| {
        format!(
            "# Idle timeout\n\n## Range\n\nThe acceptable timeout range is 4 to {max} minutes.\n"
        )
    };
    let changes = changes(&text(30), &text(100));
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].1, "widened", "{changes:?}");
}

/// The findings of a corpus of two English articles, each one version, with these texts.
fn findings_of_two_articles(first: &str, second: &str) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "docrules.toml",
        "[crate]\nname = \"ranges\"\n\n[corpus]\nsource_locale = \"en-US\"\n",
    );
    write(root, "idle-timeout/en-us/2025-02-12.md", first);
    write(root, "tcp-reset/en-us/2020-10-07.md", second);
    let (_, out, err) = common::run(&["check", root.to_str().unwrap(), "--format", "json"]);
    assert!(err.is_empty(), "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    json["findings"].as_array().unwrap().clone()
}

#[test]
fn two_articles_giving_another_range_for_the_same_subject_disagree() {
    let idle = "# Idle timeout\n\n## Timeout\n\nLoad Balancer rules have a default timeout range of \
        4 minutes to 100 minutes for Load Balancer rules and Inbound NAT rules. \
        [Outbound rules](./outbound-rules.md#idletimeout) have a configurable range of 4 to 120 minutes.\n";
    let reset = |outbound: u32, inbound: u32| {
        format!(
            "# TCP reset\n\n## Idle timeout\n\nThe idle timeout ranges are:\n\n\
             - 4 minutes to {outbound} minutes for Outbound Rules\n\
             - 4 minutes to {inbound} minutes for Load Balancer rules and Inbound NAT rules\n"
        )
    };
    let found = findings_of_two_articles(idle, &reset(100, 30));
    let lines: Vec<(&str, u64)> = found
        .iter()
        .map(|f| {
            (
                f["name"].as_str().unwrap(),
                f["primary"]["span"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("cross-article-disagreement", 7),
            ("cross-article-disagreement", 8)
        ],
        "{found:#?}"
    );
    // The same ranges agree; other subjects are not compared.
    assert!(findings_of_two_articles(idle, &reset(120, 100)).is_empty());
    let other = "# Sessions\n\n## Lifetime\n\nA session token stays valid for 4 to 30 minutes.\n";
    assert!(findings_of_two_articles(idle, other).is_empty());
}

#[test]
fn versions_pair_ranges_by_the_subject_their_sentences_name() {
    // The old version's 4–100 min was about outbound rules; the new one's is about load
    // balancer rules, whose old range was 4–30 min. Paired by value, the 4–100 min would be
    // unchanged and the others removed and added.
    let old = "# Idle timeout\n\n## Timeout\n\nAzure Load Balancer has the following idle timeout range:\n\n\
        - 4 minutes to 100 minutes for Outbound Rules\n\
        - 4 minutes to 30 minutes for Load Balancer rules and Inbound NAT rules\n";
    let new = "# Idle timeout\n\n## Timeout\n\nAzure Load Balancer rules have a default timeout range of \
        4 minutes to 100 minutes for Load Balancer rules and Inbound NAT rules. \
        [Outbound rules](./outbound-rules.md#idletimeout) have a configurable range of 4 to 120 minutes.\n";
    let found = changes(old, new);
    let widened = ("fact-value-changed".to_owned(), "widened".to_owned());
    assert_eq!(found, [widened.clone(), widened], "{found:?}");
}
