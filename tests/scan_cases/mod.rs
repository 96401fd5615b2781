//! Table-driven fact-recognition cases: `(locale, text, expected facts)`, each fact written as
//! `kind value [comparator] [(noun)] «text as written»`. Shared by the extraction tests.

use docrules_lexicon::Lexicons;
use docrules_model::locale::Locale;
use docrules_parse::extract::scan::scan;

/// Every fact in `text`, as the cases write them; with the counted noun when `nouns`.
pub fn facts(locale: &str, text: &str, nouns: bool) -> Vec<String> {
    let locale = Locale::parse(locale);
    let lex = Lexicons::get().facts(locale.as_ref());
    scan(text, lex)
        .into_iter()
        .map(|f| {
            let cmp = f
                .comparator
                .map(|c| format!(" {}", c.symbol()))
                .unwrap_or_default();
            let noun = f
                .noun
                .filter(|_| nouns)
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            format!(
                "{} {}{cmp}{noun} «{}»",
                f.value.kind(),
                f.value,
                &text[f.range]
            )
        })
        .collect()
}

/// Runs every case and reports all that fail at once.
pub fn check_cases(cases: &[(&str, &str, &[&str])], nouns: bool) {
    let mut failures = Vec::new();
    for (locale, text, expected) in cases {
        let got = facts(locale, text, nouns);
        if got != *expected {
            failures.push(format!(
                "[{locale}] {text}\n   expected {expected:?}\n        got {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
