//! Alignment through lineage: a translation is aligned with the source version it was made
//! from, and the source's own history carries it to the canonical version. Each fixture under
//! `fixtures/lineage/` is a source change that must not read as a missing or extra section in
//! the translation (a rename, a split, a merge, a wrapper heading, values in another order, a
//! row that became a section), or, for `behind`, a translation whose source changed since, and
//! for `repeated`, sections really added and dropped though their words are said elsewhere,
//! and for `rewrite`, a source rewritten after the translation was made.

mod common;

use serde_json::Value;

fn findings(name: &str) -> Vec<Value> {
    let root = common::fixture(&format!("lineage/{name}"));
    let (_, out, err) = common::run(&["check", root.to_str().unwrap(), "--format", "json"]);
    assert!(err.is_empty(), "{err}");
    let mut json: Value = serde_json::from_str(&out).unwrap();
    common::relative_to_root(&mut json);
    json["findings"].as_array().unwrap().clone()
}

/// The changelog of the source's own history (en-US 2020 → 2021), which shows how the change
/// was recognized.
fn source_diff(name: &str) -> String {
    let dir = common::fixture(&format!("lineage/{name}/guide/en-us"));
    let (status, out, err) = common::run(&[
        "diff",
        dir.join("2020-01-01.md").to_str().unwrap(),
        dir.join("2021-06-04.md").to_str().unwrap(),
    ]);
    assert_eq!(status, 0, "{err}");
    out.lines()
        .filter(|l| !l.contains("--- ") && !l.contains("+++ "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn source_changes_are_not_missing_or_extra_sections_in_the_translation() {
    for name in ["rename", "split", "merge", "wrapper", "row-to-section"] {
        let found = findings(name);
        assert!(found.is_empty(), "{name}: nothing to report: {found:#?}");
        insta::assert_snapshot!(format!("{name}_source_diff"), source_diff(name));
    }
}

#[test]
fn values_in_another_order_are_the_same_values() {
    let found = findings("reorder");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_translation_behind_its_source_says_what_it_was_made_from() {
    let found = findings("behind");
    assert_eq!(found.len(), 1, "{found:#?}");
    let finding = &found[0];
    assert_eq!(finding["name"], "stale-fact");
    assert_eq!(finding["primary"]["path"], "guide/ja-jp/2020-01-01.md");
    assert_eq!(
        finding["notes"][0],
        "translated from en-US 2020-01-01, which states 48 h; the source states 10 d since en-US 2021-06-04"
    );
    let root = common::fixture("lineage/behind");
    let (_, human, _) = common::run(&["check", root.to_str().unwrap(), "--color", "never"]);
    insta::assert_snapshot!("behind_check", human);
}

/// Without `source_locale` in `docrules.toml`, the source is the locale whose files carry no
/// translation marker: a newer translation never becomes canonical.
#[test]
fn the_source_locale_is_inferred_from_translation_markers() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    let table =
        "| Cause | Action |\n| --- | --- |\n| Expired after 48 hours (ID: 100) | Renew. |\n";
    write(
        "guide/fr-fr/2020-01-01.md",
        &format!("---\nms.date: 01/01/2020\n---\n# Guide\n\n## Errors\n\n{table}"),
    );
    let ja = concat!(
        "---\nms.date: 01/01/2021\nms.translationtype: HT\n---\n# ガイド\n\n",
        "## <a name=\"errors\"></a>エラー\n\n| 原因 | 対処法 |\n| --- | --- |\n",
        "| 72 時間後に期限切れ (ID: 100) | 更新します。 |\n",
    );
    write("guide/ja-jp/2021-01-01.md", ja);
    let corpus = docrules_parse::corpus::load(root).unwrap();
    let compiled = docrules_align::compile(&corpus);
    let article = &compiled.articles[0];
    assert_eq!(
        article.article.versions[article.canonical].locale.as_str(),
        "fr-FR",
        "the untranslated locale is the source, though the translation is newer"
    );
    assert!(
        compiled.diagnostics.is_empty(),
        "{:?}",
        compiled.diagnostics
    );

    // Nothing tells: said once, with the setting to use.
    std::fs::remove_file(root.join("guide/fr-fr/2020-01-01.md")).unwrap();
    write(
        "guide/de-de/2020-01-01.md",
        "---\nms.date: 01/01/2020\nms.translationtype: MT\n---\n# Anleitung\n",
    );
    let corpus = docrules_parse::corpus::load(root).unwrap();
    let compiled = docrules_align::compile(&corpus);
    assert_eq!(compiled.diagnostics.len(), 1);
    assert_eq!(compiled.diagnostics[0].code, "source-locale");
    assert!(
        compiled.diagnostics[0]
            .help
            .as_deref()
            .is_some_and(|h| h.contains("source_locale")),
        "{:?}",
        compiled.diagnostics
    );
}

/// A translated table (row names translated, rows in the source's order): rows pair between
/// rows whose numbers are unchanged, so the one changed value is found, and the row the
/// source added is not taken for another.
#[test]
fn translated_table_rows_pair_between_unchanged_rows() {
    let found = findings("table-rows");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["name"], "stale-fact");
    assert_eq!(found[0]["primary"]["span"]["line"], 12);
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("`30` (30) disagrees with the canonical value 35"),
        "{:#?}",
        found[0]
    );
}

/// Words the source already said in sections that are still there (and that the translation
/// has) do not make a new section old, nor vouch for a section the source dropped: a new
/// `Migration` section built from words of three unchanged sections is missing from the
/// translation, and the translation's `Keep warm`, whose sentence now closes `Next steps`, is
/// extra.
#[test]
fn words_of_sections_still_there_are_not_evidence_of_presence() {
    let found = findings("repeated");
    let names: Vec<(&str, &str)> = found
        .iter()
        .map(|f| (f["name"].as_str().unwrap(), f["message"].as_str().unwrap()))
        .collect();
    assert_eq!(
        names,
        [
            (
                "missing-section",
                "ja-JP 2020-01-01 has no section for #migration of en-US 2021-06-04"
            ),
            (
                "extra-section",
                "#keep-warm has no counterpart in the canonical en-US 2021-06-04"
            ),
        ],
        "{found:#?}"
    );
}

/// A three-version source (anchors renamed in 2020) and one translation keeping the 2019
/// anchors, dated `ja_date`; the path of the version the translation descends from, and
/// whether it is exact or newer.
fn parent_of_translation(ja_date: &str) -> (String, bool, bool) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("docrules.toml", "[corpus]\nsource_locale = \"en-US\"\n");
    let en = |date: &str, anchors: [&str; 3]| {
        let mut text = format!("---\nms.date: {date}\n---\n# Guide\n");
        for a in anchors {
            text.push_str(&format!(
                "\n## <a name=\"{a}\"></a>{a}\n\nText about {a}.\n"
            ));
        }
        text
    };
    write(
        "guide/en-us/2019-01-01.md",
        &en("01/01/2019", ["limits", "quotas", "regions"]),
    );
    let renamed = ["service-limits", "quota-increase", "region-list"];
    write("guide/en-us/2020-01-01.md", &en("01/01/2020", renamed));
    write("guide/en-us/2021-01-01.md", &en("01/01/2021", renamed));
    write(
        "guide/ja-jp/2020-06-01.md",
        &format!(
            "---\nms.date: {ja_date}\nms.translationtype: HT\n---\n# ガイド\n\n{}",
            concat!(
                "## <a name=\"limits\"></a>制限\n\n制限について。\n\n",
                "## <a name=\"quotas\"></a>クォータ\n\nクォータについて。\n\n",
                "## <a name=\"regions\"></a>リージョン\n\nリージョンについて。\n",
            )
        ),
    );
    let corpus = docrules_parse::corpus::load(root).unwrap();
    let compiled = docrules_align::compile(&corpus);
    let article = &compiled.articles[0];
    let versions = &article.article.versions;
    let ja = versions
        .iter()
        .position(|v| v.locale.as_str() == "ja-JP")
        .unwrap();
    let parent = article.parents[ja].expect("a parent");
    (
        versions[parent.version].path.clone(),
        parent.exact,
        parent.newer,
    )
}

/// A translation descends from the older source version whose anchors it keeps, not from the
/// newest older one when that one renamed them.
#[test]
fn the_parent_is_the_source_version_whose_anchors_the_translation_keeps() {
    let (path, exact, newer) = parent_of_translation("06/01/2020");
    assert_eq!(path, "guide/en-us/2019-01-01.md");
    assert!(!exact && !newer);
}

/// A source version with the translation's very ms.date but another structure was edited
/// after the handoff without a new date: an older version the translation keeps better is its
/// parent (and neither is exact).
#[test]
fn a_same_dated_source_edited_later_yields_to_the_version_the_translation_keeps() {
    let (path, exact, newer) = parent_of_translation("01/01/2020");
    assert_eq!(path, "guide/en-us/2019-01-01.md");
    assert!(!exact && !newer);
}

/// The source itself was rewritten after the translation was made (the NTTTCP article of
/// Azure Virtual Network, 2020 → 2023, in miniature): its sections survive only as matches by
/// a few shared values, which pair "Deploying VMs" with "Run throughput tests". Section by
/// section the translation would read as lacking "Prerequisites" and having an extra "Running
/// NTTTCP tests", both wrong; it gets one rewritten-source finding instead.
#[test]
fn a_translation_of_a_source_rewritten_since_is_one_finding() {
    let found = findings("rewrite");
    let names: Vec<&str> = found.iter().map(|f| f["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["rewritten-source"], "{found:#?}");
    let message = found[0]["message"].as_str().unwrap();
    assert!(
        message.contains("translates en-US 2020-01-01, which was rewritten since"),
        "{message}"
    );
}

/// Sections whose content comes from an included file (DocFX `[!INCLUDE]`, as Microsoft
/// Learn's limits tables do): the storage-files-scale-targets article in miniature. The source
/// split the included content into two sections and renamed the account section; the
/// translation, older than every source version, still includes both tables. With the
/// includes, nothing is reported (what they hold is not in the file); with the same sections
/// written out, the canonical section the translation has no heading for is missing.
#[test]
fn sections_made_of_included_files_are_not_judged_missing_or_extra() {
    let source =
        |date: &str, body: &str| format!("---\nms.date: {date}\n---\n# Scale targets\n\n{body}");
    let en = [
        (
            "2021-10-06",
            "## Storage account scale targets\n\nTargets apply at the account level: 5 PiB, 20,000 requests per second.\n\n## File share scale targets\n\nA share holds up to 100 TiB.\n\n## File scale targets\n\nA file holds up to 4 TiB.\n",
        ),
        (
            "2022-11-02",
            "## Storage account scale targets\n\nTargets apply at the account level: 5 PiB, 40,000 requests per second.\n\n## File share scale targets\n\nA share holds up to 100 TiB.\n\n## File scale targets\n\nA file holds up to 4 TiB.\n",
        ),
    ];
    let translation = |account: &str, files: &str| {
        format!(
            "---\nms.date: 05/05/2019\nms.contentlocale: fr-FR\n---\n# Objectifs de mise à l’échelle\n\n## <a name=\"azure-storage-account-scale-targets\"></a>Objectifs d’un compte de stockage Azure\n\n{account}\n\n## <a name=\"file-share-and-file-scale-targets\"></a>Partage de fichiers et fichiers\n\n{files}\n"
        )
    };
    let run = |account: &str, files: &str| {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(
            "docrules.toml",
            "[crate]\nname = \"fixture-rules\"\n\n[corpus]\nsource_locale = \"en-US\"\n",
        );
        for (date, body) in en {
            // `ms.date` is MM/DD/YYYY.
            let (y, m, d) = (&date[..4], &date[5..7], &date[8..]);
            write(
                &format!("storage/en-us/{date}.md"),
                &source(&format!("{m}/{d}/{y}"), body),
            );
        }
        write("storage/fr-fr/2019-05-05.md", &translation(account, files));
        let (_, out, err) =
            common::run(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
        assert!(err.is_empty(), "{err}");
        let json: Value = serde_json::from_str(&out).unwrap();
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let included = run(
        "[!INCLUDE [azure-storage-account-limits](../../includes/azure-storage-account-limits.md)]",
        "[!INCLUDE [storage-files-scale-targets](../../includes/storage-files-scale-targets.md)]",
    );
    assert!(included.is_empty(), "{included:?}");
    let written = run(
        "Les objectifs s’appliquent au compte : 5 Pio.",
        "Un partage contient jusqu’à 100 Tio.",
    );
    assert!(
        written.iter().any(|n| n == "missing-section"),
        "the same structure written out is judged: {written:?}"
    );
}

/// A table the source moved into a section of its own is still the same table: its rows pair
/// by shape and unchanged values, and the one value the source changed is stale in the
/// translation that still has the table under its old heading.
#[test]
fn a_table_moved_to_another_section_keeps_its_facts() {
    let found = findings("moved-table");
    let stale: Vec<&Value> = found.iter().filter(|f| f["name"] == "stale-fact").collect();
    assert_eq!(stale.len(), 1, "{found:#?}");
    assert_eq!(stale[0]["primary"]["path"], "guide/ja-jp/2020-01-01.md");
    assert_eq!(stale[0]["primary"]["span"]["line"], 14);
    let root = common::fixture("lineage/moved-table");
    let (_, human, _) = common::run(&["check", root.to_str().unwrap(), "--color", "never"]);
    insta::assert_snapshot!("moved_table_check", human);
}
