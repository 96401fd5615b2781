//! Heading anchors exactly as the renderers make them: github-slugger's own fixtures (every
//! case, in order, through one slugger), DocFX's heading-ID rewrite, and the renderer chosen
//! by the front matter or by `[anchors] renderer` in docrules.toml.

mod common;

use docrules_model::manifest::AnchorRenderer;
use docrules_parse::markdown::Slugger;

#[test]
fn every_github_slugger_fixture_passes() {
    let text = std::fs::read_to_string(common::fixture("anchors/github-slugger-fixtures.json"))
        .expect("the vendored fixtures");
    let cases: Vec<serde_json::Value> = serde_json::from_str(&text).expect("JSON");
    assert_eq!(cases.len(), 78, "the whole fixture file is vendored");
    let mut slugger = Slugger::new(AnchorRenderer::Github);
    let mut failed = Vec::new();
    for case in &cases {
        let input = case["input"].as_str().unwrap();
        let expected = case["expected"].as_str().unwrap();
        let got = slugger.slug(input);
        if got != expected {
            failed.push(format!(
                "{}: {:?} gives {:?}, expected {:?}",
                case["name"],
                input.chars().take(40).collect::<String>(),
                got.chars().take(80).collect::<String>(),
                expected.chars().take(80).collect::<String>()
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} failed:\n{}",
        failed.len(),
        cases.len(),
        failed.join("\n")
    );
}

/// Lints `text` as `dir/name` (against no corpus) and returns the fragments reported broken.
fn broken_fragments(dir: &std::path::Path, name: &str, text: &str) -> Vec<String> {
    let file = dir.join(name);
    std::fs::write(&file, text).unwrap();
    let cache = dir.join("cache");
    let (_, out, err) = common::run(&[
        "lint",
        file.to_str().unwrap(),
        "--rules",
        dir.join("no-corpus").to_str().unwrap(),
        "--cache-dir",
        cache.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let json: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["name"] == "broken-fragment")
        .map(|f| {
            let message = f["message"].as_str().unwrap();
            let fragment = message.split_whitespace().find(|w| w.starts_with('#'));
            fragment.unwrap().trim_end_matches(',').to_owned()
        })
        .collect()
}

const HEADINGS: &str = "## <a name=\"named\"></a>Named heading\n\n## echo\n\n## echo\n\n## echo 1\n\n\
                        ## Tabs & C#\n\n";
const LINKS: &str = "[a](#named) [b](#named-heading) [c](#echo-1-1) [d](#echo-1) [e](#top) \
                     [f](#tab/linux) [g](#tabs--c)\n";

#[test]
fn github_anchors_keep_the_heading_slug_beside_an_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("# Guide\n\n{HEADINGS}{LINKS}");
    assert_eq!(
        broken_fragments(dir.path(), "guide.md", &text),
        Vec::<String>::new()
    );
}

#[test]
fn docfx_anchors_replace_the_slug_with_the_a_name() {
    let dir = tempfile::tempdir().unwrap();
    // `ms.*` front matter: published by DocFX, whose heading-ID rewrite makes `named` the
    // heading's only id.
    let text = format!("---\nms.date: 01/01/2024\n---\n# Guide\n\n{HEADINGS}{LINKS}");
    assert_eq!(
        broken_fragments(dir.path(), "guide.md", &text),
        ["#named-heading"]
    );
}

#[test]
fn the_manifest_chooses_the_renderer() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("docrules.toml"),
        "[anchors]\nrenderer = \"github\"\n",
    )
    .unwrap();
    let text = format!("---\nms.date: 01/01/2024\n---\n# Guide\n\n{HEADINGS}{LINKS}");
    assert_eq!(
        broken_fragments(dir.path(), "guide.md", &text),
        Vec::<String>::new()
    );
    std::fs::write(
        dir.path().join("docrules.toml"),
        "[anchors]\nrenderer = \"docfx\"\n",
    )
    .unwrap();
    let text = format!("# Guide\n\n{HEADINGS}{LINKS}");
    assert_eq!(
        broken_fragments(dir.path(), "guide.md", &text),
        ["#named-heading"]
    );
}

#[test]
fn an_unknown_renderer_is_an_error_at_its_line() {
    let error = docrules_model::manifest::Manifest::parse("[anchors]\nrenderer = \"gitlab\"\n")
        .unwrap_err();
    assert!(
        error.message.contains("unknown variant `gitlab`"),
        "{}",
        error.message
    );
    assert_eq!(error.span.map(|s| s.line), Some(2));
}

#[test]
fn docfx_slugs_as_markdig_makes_them() {
    use docrules_parse::markdown::slug_as;
    let docfx = |t| slug_as(AnchorRenderer::Docfx, t);
    // markdig keeps letters and digits per UTF-16 unit: an emoji (two units) is dropped, and
    // so is a combining mark; github-slugger keeps the mark.
    assert_eq!(docfx("😄 unicode emoji"), "-unicode-emoji");
    assert_eq!(docfx("Cafe\u{301}"), "cafe");
    assert_eq!(docfx("I ♥ unicode"), "i--unicode");
    assert_eq!(
        docfx("exchange.bind_headers(exchange, routing [, bindCallback])"),
        "exchangebind_headersexchange-routing--bindcallback"
    );
    assert_eq!(
        slug_as(AnchorRenderer::Github, "Cafe\u{301}"),
        "cafe\u{301}"
    );
}

#[test]
fn an_a_with_id_and_name_defines_both() {
    let dir = tempfile::tempdir().unwrap();
    for front in ["", "---\nms.date: 01/01/2024\n---\n"] {
        let text = format!(
            "{front}# Guide\n\n## <a id=\"by-id\" name=\"by-name\"></a>Heading\n\n\
             Text <a id=\"inline-id\" name=\"inline-name\"></a>.\n\n\
             [a](#by-id) [b](#by-name) [c](#inline-id) [d](#inline-name)\n"
        );
        assert_eq!(
            broken_fragments(dir.path(), "guide.md", &text),
            Vec::<String>::new(),
            "{front}"
        );
    }
}

/// `{#id}` sets a heading's id on DocFX (markdig's attributes); GitHub shows the braces and
/// slugs them with the text.
#[test]
fn heading_attributes_only_where_the_renderer_has_them() {
    let dir = tempfile::tempdir().unwrap();
    let body = "# Guide\n\n## Set up {#setup}\n\n[a](#setup) [b](#set-up-setup)\n";
    assert_eq!(broken_fragments(dir.path(), "guide.md", body), ["#setup"]);
    let docfx = format!("---\nms.date: 01/01/2024\n---\n{body}");
    assert_eq!(
        broken_fragments(dir.path(), "guide.md", &docfx),
        ["#set-up-setup"]
    );
}
