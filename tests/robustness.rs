//! No input makes the pipeline panic: documents assembled at random from the constructs real
//! articles use (front matter, headings with anchors, tables with HTML lists, links, numbers in
//! many scripts) go through parsing, extraction, alignment, diff and codegen.

mod common;

use proptest::prelude::*;

const PIECES: &[&str] = &[
    "---\nms.date: 07/15/2019\nms.contentlocale: ja-JP\n---\n",
    "# <a name=\"top\"></a>Title\n",
    "## <a name=\"invalid-vault\"></a>無効な資格情報\n",
    "## Heading {#custom}\n",
    "### 基本的なトラブルシューティング\n",
    "| 原因 | 推奨アクション |\n| --- | --- |\n",
    "| Error | Cause | Recommended action |\n|---|---|---|\n",
    "エラー メッセージ | 推奨される操作 |\n-- | --\n",
    "| 48 時間以上前 (ID: 34513) | <ul><li>a<li>b</ul></ul> |\n",
    "| [0x1FC07] | <ol><li>5 ～ 10%<li><ui>x | extra | cells |\n",
    "| 超過 60,000 或 65,000 個 | `a|b` \\| c |\n",
    "|  |  |\n",
    "- [link](#invalid-vault) and [other](other.md#x)\n",
    "> **注**: 次の 10 日間 の間は有効です。\n",
    "\n",
    "C:\\Program Files\\Agent\\Scratch と HKLM\\SOFTWARE\\X, 20.190.128.0/18, *.microsoft.com, ポート 443\n",
    ".NET Framework 4.5.2 以降 and PowerShell 3.0 or later\n",
    "毎日だと 7 日、毎週だと 4 週間、毎月だと 3 週間、毎年だと 1 年\n",
    "二十四時間 十分 一時 2019 年 7 月 15 日\n",
    "```\ncode | not | a table\n```\n",
    "<!-- docrules-disable DR101 -->\n",
    "<a name='x\"y'></a><div id=z>\n",
    "\u{feff}\r\n",
    "🦀 \u{202e} \\* ** _ [ ] ( ) < > & &amp; &#0;\n",
];

fn document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(0..PIECES.len(), 0..24),
        "[ -~あ-ん一-龥０-９]{0,40}",
    )
        .prop_map(|(picks, noise)| {
            let mut text: String = picks.into_iter().map(|i| PIECES[i]).collect();
            text.push_str(&noise);
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn the_pipeline_never_panics(old in document(), new in document()) {
        let locale = docrules_model::locale::Locale::parse("ja-JP");
        let read = |text: &str| docrules_parse::corpus::read_document("p.md", text.as_bytes().to_vec(), locale.as_ref(), &Default::default());
        let (Ok(a), Ok(b)) = (read(&old), read(&new)) else { return Ok(()) };
        for doc in [&a, &b] {
            for fact in &doc.facts {
                prop_assert_eq!(doc.source.text.get(fact.span.range()), Some(fact.text.as_str()));
            }
            for rule in &doc.rules {
                prop_assert!(rule.cells.iter().all(|c| c.span.start >= rule.span.start && c.span.end <= rule.span.end));
            }
            let rows: usize = doc.tables.iter().map(|t| t.rows.len()).sum();
            prop_assert_eq!(rows, doc.rules.len() + doc.diagnostics.iter().filter(|d| d.code == "empty-row").count());
        }
        prop_assert!(docrules_align::diff::diff(&a, &a).is_empty());
        let _ = docrules_align::diff::diff(&a, &b);
        let _ = docrules_align::sections::align(&a, &b);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, .. ProptestConfig::default() })]

    /// Whole corpora of random articles: compile, check, generate code and lint without a panic,
    /// and the generated code parses.
    #[test]
    fn corpora_of_random_articles(docs in prop::collection::vec(document(), 4)) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        for (i, text) in docs.iter().enumerate() {
            let path = root.join(if i < 2 { "alpha" } else { "beta" }).join(if i % 2 == 0 { "ja-jp" } else { "zh-tw" }).join(format!("2020-0{}-01.md", i + 1));
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
        }
        std::fs::write(root.join("docrules.toml"), "[crate]\nname = \"random-rules\"\n\n[corpus]\nsource_locale = \"ja-JP\"\n").unwrap();
        let corpus = docrules_parse::corpus::load(&root).unwrap();
        let compiled = docrules_align::compile(&corpus);
        let report = docrules_rules::checks::run(&compiled);
        for finding in &report.findings {
            prop_assert!(finding.primary.span.line > 0);
        }
        let files = docrules_codegen::codegen(&compiled).unwrap();
        for file in files.iter().filter(|f| f.path.ends_with(".rs")) {
            prop_assert!(syn::parse_file(&file.contents).is_ok(), "{} parses", file.path);
        }
        let cache = dir.path().join("cache");
        let (status, _, _) = common::run(&["lint", root.to_str().unwrap(), "--rules", root.to_str().unwrap(), "--cache-dir", cache.to_str().unwrap(), "--format", "json"]);
        prop_assert!(status <= 1);
    }
}
