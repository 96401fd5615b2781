//! Documentation trees as projects keep them (Docusaurus, Hugo, MkDocs, locale folders, one
//! repository per locale, `[[source]]` tables, today's `files`), built in temporary folders
//! with four locales: each is read into the same articles and locales, and the one stale
//! translation (French, still saying 48 hours where the source says 10 days) is found in
//! each, through check, facts and dump.

mod common;

use std::path::Path;

/// One page of the article `guide/keys` in a language: a table whose row has error ID 34513
/// and a validity, `48 h` in the stale French translation, `10 d` elsewhere.
fn keys_page(lang: &str, front: &str) -> String {
    let (title, header, row) = match lang {
        "en" => (
            "Key errors",
            "| Error | Recommended action |",
            "| The key expired. (ID: 34513) | The key is valid for 10 days. |",
        ),
        "fr" => (
            "Erreurs de clé",
            "| Erreur | Action recommandée |",
            "| La clé a expiré. (ID: 34513) | La clé est valide pendant 48 heures. |",
        ),
        "de" => (
            "Schlüsselfehler",
            "| Fehler | Empfohlene Aktion |",
            "| Der Schlüssel ist abgelaufen. (ID: 34513) | Der Schlüssel ist 10 Tage gültig. |",
        ),
        "ja" => (
            "キーのエラー",
            "| エラー | 推奨される操作 |",
            "| キーの有効期限が切れました。(ID: 34513) | キーは 10 日間有効です。 |",
        ),
        other => panic!("no page in {other}"),
    };
    let front = if front.is_empty() {
        String::new()
    } else {
        format!("---\n{front}---\n")
    };
    format!(
        "{front}# {title}\n\n<a name=\"key-expired\"></a>\n## {title}: 34513\n\n{header}\n|---|---|\n{row}\n"
    )
}

/// A page only the source has: an article without translations.
const INTRO: &str = "# Introduction\n\nStart here.\n";

fn write(root: &Path, files: &[(String, String)]) {
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// `(path, text)` of the keys page in each language, placed by `place(lang)`.
fn pages(place: impl Fn(&str) -> String, front: impl Fn(&str) -> String) -> Vec<(String, String)> {
    ["en", "fr", "de", "ja"]
        .iter()
        .map(|lang| (place(lang), keys_page(lang, &front(lang))))
        .collect()
}

/// What a layout is read as, through the CLI: the articles with their locales and versions,
/// the findings as (code, path), and standard error of the dump.
#[derive(Debug)]
struct Read {
    articles: Vec<(String, Vec<String>)>,
    findings: Vec<(String, String)>,
    facts_by_locale: std::collections::BTreeMap<String, usize>,
    fact_articles: std::collections::BTreeSet<String>,
    stderr: String,
}

/// Every `path` of a JSON output relative to `base` (the folder of the test), the way a
/// consumer would read it: commands print paths relative to the current directory, and
/// a source beside the root is printed as its own path, not as `root/../…`.
fn under(json: &mut serde_json::Value, base: &str) {
    match json {
        serde_json::Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match value {
                    serde_json::Value::String(s) if key == "path" => {
                        // Printed relative to the current directory (or absolute when far
                        // from it): resolved, so the test holds wherever the temporary
                        // folder is.
                        let resolved = std::fs::canonicalize(s.as_str())
                            .map(|p| p.display().to_string())
                            .unwrap_or_else(|_| s.clone());
                        if let Some(rest) = resolved.strip_prefix(base) {
                            *s = rest.to_owned();
                        }
                    }
                    other => under(other, base),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| under(v, base)),
        _ => {}
    }
}

/// Runs dump, check and facts (JSON) on the corpus at `root`; paths are made relative to the
/// root.
fn read(root: &Path) -> Read {
    read_beside(root, root)
}

/// [`read`], paths made relative to `base` (a folder holding the root and its sources).
fn read_beside(root: &Path, base: &Path) -> Read {
    let base = format!("{}/", std::fs::canonicalize(base).unwrap().display());
    let root = root.to_str().unwrap();
    let (status, out, stderr) = common::run(&["dump", root, "--format", "json"]);
    assert_eq!(status, 0, "dump exits 0\n{out}\n{stderr}");
    let mut dump: serde_json::Value = serde_json::from_str(&out).unwrap();
    under(&mut dump, &base);
    let diagnostics = dump["diagnostics"].as_array().unwrap();
    assert!(diagnostics.is_empty(), "no input problems: {diagnostics:?}");
    let articles = dump["corpus"]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let versions = a["versions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| {
                    let date = v["date"].as_str().unwrap_or("worktree");
                    format!(
                        "{}@{date} {}",
                        v["locale"].as_str().unwrap(),
                        v["path"].as_str().unwrap()
                    )
                })
                .collect();
            (a["name"].as_str().unwrap().to_owned(), versions)
        })
        .collect();

    let (status, out, err) = common::run(&["check", root, "--format", "json"]);
    assert_eq!(status, 1, "the stale translation is an error\n{out}\n{err}");
    let mut check: serde_json::Value = serde_json::from_str(&out).unwrap();
    under(&mut check, &base);
    let findings = check["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let name = f["name"].as_str().unwrap().to_owned();
            (name, f["primary"]["path"].as_str().unwrap().to_owned())
        })
        .collect();

    let (status, out, err) = common::run(&["facts", root, "--format", "json"]);
    assert_eq!(status, 0, "facts exits 0\n{err}");
    let facts: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut facts_by_locale = std::collections::BTreeMap::new();
    let mut fact_articles = std::collections::BTreeSet::new();
    for fact in facts["facts"].as_array().unwrap() {
        if fact["kind"] == "duration" {
            fact_articles.insert(fact["article"].as_str().unwrap().to_owned());
            *facts_by_locale
                .entry(fact["locale"].as_str().unwrap().to_owned())
                .or_default() += 1;
        }
    }
    Read {
        articles,
        findings,
        facts_by_locale,
        fact_articles,
        stderr,
    }
}

/// The keys article's versions as `locale@version path`, oldest first.
fn keys_versions(read: &Read) -> Vec<String> {
    let keys = read.articles.iter().find(|(name, _)| name == "guide/keys");
    keys.unwrap_or_else(|| panic!("guide/keys in {:?}", read.articles))
        .1
        .clone()
}

/// The assertions every layout shares: two articles (`guide/keys` in four locales, `intro`
/// in the source's), one duration per locale, and one finding, the stale French page.
fn assert_read(read: &Read, french: &str, intro: &str) {
    let names: Vec<&str> = read.articles.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["guide/keys", "intro"], "{read:#?}");
    assert_eq!(read.articles[1].1.len(), 1, "{read:#?}");
    assert!(read.articles[1].1[0].ends_with(intro), "{read:#?}");
    assert_eq!(keys_versions(read).len(), 4, "{read:#?}");
    assert_eq!(
        read.facts_by_locale.len(),
        4,
        "a duration in every locale: {read:#?}"
    );
    assert_eq!(
        read.findings,
        [("stale-fact".to_owned(), french.to_owned())],
        "{read:#?}"
    );
}

#[test]
fn docusaurus() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut files = pages(
        |lang| match lang {
            "en" => "docs/guide/keys.md".into(),
            l => format!("i18n/{l}/docusaurus-plugin-content-docs/current/guide/keys.md"),
        },
        |_| String::new(),
    );
    files.push(("docs/intro.mdx".into(), INTRO.into()));
    files.push(("docusaurus.config.js".into(), "export default {};\n".into()));
    // Neither a dependency's pages nor the hidden build cache is documentation.
    files.push(("node_modules/pkg/README.md".into(), INTRO.into()));
    files.push((".docusaurus/docs/guide/keys.md".into(), keys_page("fr", "")));
    // Hidden folders and what an `.ignore` file names are not read either.
    files.push(("docs/.drafts/old.md".into(), INTRO.into()));
    files.push(("docs/archive/old.md".into(), INTRO.into()));
    files.push((".ignore".into(), "docs/archive/\n".into()));
    files.push(("blog/2021-01-01-hello.md".into(), INTRO.into()));
    write(root, &files);

    let read = read(root);
    assert_read(
        &read,
        "i18n/fr/docusaurus-plugin-content-docs/current/guide/keys.md",
        "docs/intro.mdx",
    );
    assert!(
        read.stderr
            .contains("detected layout docusaurus: 2 articles in 4 locales"),
        "{}",
        read.stderr
    );
    // The untranslated tree is the source: English is canonical, undated.
    assert_eq!(
        keys_versions(&read)[0],
        "en@worktree docs/guide/keys.md",
        "{read:#?}"
    );
}

#[test]
fn hugo() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut files = pages(|l| format!("content/{l}/guide/keys.md"), |_| String::new());
    files.push(("content/en/intro.md".into(), INTRO.into()));
    files.push(("themes/x/README.md".into(), INTRO.into()));
    files.push((
        "docrules.toml".into(),
        "[corpus]\nlayout = \"hugo\"\nsource_locale = \"en\"\n".into(),
    ));
    write(root, &files);
    let read = read(root);
    assert_read(&read, "content/fr/guide/keys.md", "content/en/intro.md");
    assert!(
        !read.stderr.contains("detected"),
        "named, not detected: {}",
        read.stderr
    );
}

#[test]
fn mkdocs_i18n() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut files = pages(
        |lang| match lang {
            "en" => "docs/guide/keys.md".into(),
            l => format!("docs/guide/keys.{l}.md"),
        },
        |_| String::new(),
    );
    files.push(("docs/intro.md".into(), INTRO.into()));
    files.push(("mkdocs.yml".into(), "site_name: x\n".into()));
    write(root, &files);
    let read = read(root);
    assert_read(&read, "docs/guide/keys.fr.md", "docs/intro.md");
    assert!(
        read.stderr.contains("detected layout mkdocs-i18n"),
        "{}",
        read.stderr
    );
}

#[test]
fn locale_folders() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut files = pages(|l| format!("docs/{l}/guide/keys.md"), |_| String::new());
    files.push(("docs/en/intro.md".into(), INTRO.into()));
    files.push(("README.md".into(), INTRO.into()));
    write(root, &files);
    let read = read(root);
    // No untranslated tree and no en-US: the source locale is named.
    assert!(
        read.stderr.contains("detected layout locale-folders"),
        "{}",
        read.stderr
    );
    std::fs::write(
        root.join("docrules.toml"),
        "[corpus]\nsource_locale = \"en\"\n",
    )
    .unwrap();
    let read = self::read(root);
    assert_read(&read, "docs/fr/guide/keys.md", "docs/en/intro.md");
}

/// Microsoft Learn: one repository per locale, dated by `ms.date`, the translation behind
/// its source. The manifest lives in the source repository; the translations are beside it.
#[test]
fn learn_repos() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    let locale_of = |lang: &str| match lang {
        "en" => "en-us",
        "fr" => "fr-fr",
        "de" => "de-de",
        _ => "ja-jp",
    };
    let mut files = pages(
        |lang| match lang {
            "en" => "azure-docs/articles/guide/keys.md".into(),
            l => format!("azure-docs.{}/articles/guide/keys.md", locale_of(l)),
        },
        |lang| {
            let date = if lang == "fr" {
                "07/15/2019"
            } else {
                "06/04/2021"
            };
            let translated = if lang == "en" {
                String::new()
            } else {
                format!(
                    "ms.translationtype: HT\nms.contentlocale: {}\n",
                    locale_of(lang)
                )
            };
            format!("ms.date: {date}\n{translated}")
        },
    );
    files.push((
        "azure-docs/articles/intro.md".into(),
        format!("---\nms.date: 06/04/2021\n---\n{INTRO}"),
    ));
    // Fragments included by articles are no articles.
    files.push((
        "azure-docs/articles/guide/includes/note.md".into(),
        "A note.\n".into(),
    ));
    files.push(("azure-docs.fr-fr/README.md".into(), INTRO.into()));
    write(top, &files);
    let root = top.join("azure-docs");

    // Oldest first; one date is ordered by path (`../azure-docs.ja-jp/…` before `articles/…`).
    let read = read_beside(&root, top);
    assert!(
        read.stderr.contains("detected layout learn-repos"),
        "{}",
        read.stderr
    );
    assert_read(
        &read,
        "azure-docs.fr-fr/articles/guide/keys.md",
        "azure-docs/articles/intro.md",
    );
    assert_eq!(
        keys_versions(&read),
        [
            "fr-FR@2019-07-15 azure-docs.fr-fr/articles/guide/keys.md",
            "de-DE@2021-06-04 azure-docs.de-de/articles/guide/keys.md",
            "ja-JP@2021-06-04 azure-docs.ja-jp/articles/guide/keys.md",
            "en-US@2021-06-04 azure-docs/articles/guide/keys.md",
        ]
    );

    // The same, named, with a human-format check printing the sibling path collapsed.
    std::fs::write(
        root.join("docrules.toml"),
        "[corpus]\nlayout = \"learn-repos\"\n",
    )
    .unwrap();
    let (status, out, err) = common::run(&["check", root.to_str().unwrap()]);
    assert_eq!(status, 1, "{out}{err}");
    assert!(
        out.contains("azure-docs.fr-fr/articles/guide/keys.md:"),
        "{out}"
    );
    assert!(!out.contains("azure-docs/../"), "{out}");
    assert!(out.contains("48 heures"), "the excerpt is shown: {out}");
}

/// `[[source]]` tables: a source tree and translations under `{locale}` folders elsewhere,
/// with an exclude.
#[test]
fn source_tables() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    let mut files = pages(
        |lang| match lang {
            "en" => "src/articles/guide/keys.md".into(),
            l => format!("l10n/{l}/articles/guide/keys.md"),
        },
        |_| String::new(),
    );
    files.push(("src/articles/intro.md".into(), INTRO.into()));
    files.push(("src/articles/drafts/wip.md".into(), INTRO.into()));
    files.push(("l10n/fr/articles/drafts/wip.md".into(), INTRO.into()));
    files.push((
        "config/docrules.toml".into(),
        "[[source]]\nlocale = \"en\"\nroot = \"../src\"\ninclude = [\"articles/**/*.md\"]\nexclude = [\"**/drafts/**\"]\n\n\
         [[source]]\nroot = \"../l10n/{locale}\"\ninclude = [\"articles/**/*.md\"]\nexclude = [\"**/drafts/**\"]\n"
            .into(),
    ));
    write(top, &files);
    let read = read_beside(&top.join("config"), top);
    assert_read(
        &read,
        "l10n/fr/articles/guide/keys.md",
        "src/articles/intro.md",
    );
}

/// Today's layout, named or detected, reads as before: a file is a version named by its date.
#[test]
fn files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut files = pages(
        |lang| match lang {
            "en" => "guide/keys/en-us/2021-06-04.md".into(),
            "fr" => "guide/keys/fr-fr/2019-07-15.md".into(),
            "de" => "guide/keys/de-de/2021-06-04.md".into(),
            _ => "guide/keys/ja-jp/2021-06-04.md".into(),
        },
        |lang| {
            let date = if lang == "fr" {
                "07/15/2019"
            } else {
                "06/04/2021"
            };
            format!("ms.date: {date}\n")
        },
    );
    // Article folders are one level deep in this layout: `guide/keys/…` is outside it.
    for file in &mut files {
        file.0 = file.0.replacen("guide/keys", "keys", 1);
    }
    files.push((
        "intro/en-us/2021-06-04.md".into(),
        format!("---\nms.date: 06/04/2021\n---\n{INTRO}"),
    ));
    write(root, &files);
    std::fs::write(
        root.join("docrules.toml"),
        "[corpus]\nsource_locale = \"en-US\"\n",
    )
    .unwrap();
    let read = read(root);
    let names: Vec<&str> = read.articles.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["intro", "keys"]);
    assert_eq!(read.fact_articles.iter().collect::<Vec<_>>(), ["keys"]);
    assert_eq!(read.articles[1].1.len(), 4);
    assert_eq!(
        read.findings,
        [(
            "stale-fact".to_owned(),
            "keys/fr-fr/2019-07-15.md".to_owned()
        )]
    );
    assert!(
        read.stderr.is_empty(),
        "nothing said for the default layout: {}",
        read.stderr
    );
}

/// Two files of one article in one locale: the second is reported, not read as a version.
#[test]
fn a_second_file_of_one_article_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        &[
            ("docs/intro.md".into(), INTRO.into()),
            ("docs/intro.mdx".into(), INTRO.into()),
            ("docs/keys.md".into(), keys_page("en", "")),
            (
                "i18n/fr/docusaurus-plugin-content-docs/current/keys.md".into(),
                keys_page("fr", ""),
            ),
            (
                "docrules.toml".into(),
                "[corpus]\nlayout = \"docusaurus\"\n".into(),
            ),
        ],
    );
    let (_, out, _) = common::run(&["dump", root.to_str().unwrap(), "--format", "json"]);
    let mut dump: serde_json::Value = serde_json::from_str(&out).unwrap();
    common::relative_to_root(&mut dump);
    let codes: Vec<(&str, &str)> = dump["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["path"].as_str().unwrap()))
        .collect();
    assert_eq!(codes, [("duplicate-article", "docs/intro.mdx")]);
}

/// A worktree version is named by its locale alone in `diff`.
#[test]
fn diff_across_locales_by_locale() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        &pages(|l| format!("content/{l}/guide/keys.md"), |_| String::new()),
    );
    let root = root.to_str().unwrap();
    let (status, out, err) = common::run(&[
        "diff",
        root,
        "--article",
        "guide/keys",
        "--from",
        "en",
        "--to",
        "fr",
        "--format",
        "json",
    ]);
    assert_eq!(status, 0, "{out}{err}");
    let logs: serde_json::Value = serde_json::from_str(&out).unwrap();
    let text = logs.to_string();
    assert!(text.contains("content/fr/guide/keys.md"), "{text}");
    assert!(
        text.contains("864000000") || text.contains("10 d"),
        "the value change is listed: {text}"
    );
}

/// A manifest naming a source that does not exist, or a glob that cannot be compiled, is an
/// error pointing at its table.
#[test]
fn broken_sources_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        &[
            ("docs/a.md".into(), INTRO.into()),
            (
                "docrules.toml".into(),
                "[[source]]\nlocale = \"en\"\nroot = \"docs\"\n\n[[source]]\nlocale = \"fr\"\nroot = \"missing\"\n\n[[source]]\nlocale = \"de\"\ninclude = [\"docs/[ab].md\"]\n".into(),
            ),
        ],
    );
    let (status, out, _) = common::run(&["dump", root.to_str().unwrap(), "--format", "json"]);
    assert_eq!(status, 1);
    let dump: serde_json::Value = serde_json::from_str(&out).unwrap();
    let lines: Vec<u64> = dump["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "manifest")
        .map(|d| d["span"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [5, 9], "{dump:#}");
    assert_eq!(dump["corpus"]["articles"][0]["name"], "a");
}

/// Every `docrules.toml` example of the README's "Corpus layout" section is a valid manifest.
#[test]
fn readme_layout_examples_parse() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"))
            .unwrap();
    let start = readme.find("## Corpus layout").expect("the section");
    let end = start
        + readme[start..]
            .find("## The model")
            .expect("the next section");
    let mut examples = 0;
    for block in readme[start..end].split("```toml\n").skip(1) {
        let text = block.split("```").next().unwrap();
        if let Err(e) = docrules_model::manifest::Manifest::parse(text) {
            panic!("README example does not parse: {e}\n{text}");
        }
        examples += 1;
    }
    assert!(examples >= 7, "{examples} examples");
}
