//! Rates are one fact (issue 12): a number per length of time, with the "per unit" words CLDR
//! gives each language (`perUnitPattern`), after the number with the counted thing between
//! (`80 objects per second`, `20 オブジェクト/秒`) or before it (`초당 15개`, `每秒 30 個`).
//! A "per" said once for a list applies to every item. Data units (`MiB`) are part of the value;
//! words for the counted thing are not.
//!
//! Sentences of the localized `articles/storage/files/storage-files-scale-targets.md` and
//! `articles/azure-resource-manager/management/request-limits-and-throttling.md` (the eval
//! corpus's copies: eval/SOURCES.toml names repository and commit); the others are minimal
//! fixtures of the forms.

mod common;
mod scan_cases;

#[test]
fn rates_in_every_language() {
    scan_cases::check_cases(
        &[
            (
                "en-US",
                "The rate of performance is 80 objects per second.",
                &["rate 80/s «80 objects per second»"],
            ),
            (
                "ja-JP",
                "パフォーマンスの速度は 20 オブジェクト/秒です。",
                &["rate 20/s «20 オブジェクト/秒»"],
            ),
            (
                "de-DE",
                "Der Durchsatz liegt bei 20 Objekten pro Sekunde.",
                &["rate 20/s «20 Objekten pro Sekunde»"],
            ),
            ("ko-KR", "초당 15개 개체", &["rate 15/s «초당 15개»"]),
            ("zh-TW", "每秒 30 個物件", &["rate 30/s «每秒 30 個»"]),
            (
                "fr-FR",
                "20 objets par seconde",
                &["rate 20/s «20 objets par seconde»"],
            ),
            (
                "en-US",
                "Up to 60 MiB/s",
                &["rate 60 MiB/s ≤ «Up to 60 MiB/s»"],
            ),
        ],
        false,
    );
}

#[test]
fn one_per_word_for_a_list_makes_every_item_a_rate() {
    scan_cases::check_cases(
        &[
            (
                "en-US",
                "your limit is greater than 12,000 and 1,200 per hour.",
                &[
                    "rate 12000/h > «greater than 12,000»",
                    "rate 1200/h «1,200 per hour»",
                ],
            ),
            (
                "ko-KR",
                "제한이 시간당 12,000개/1,200개보다 커집니다.",
                &["rate 12000/h «시간당 12,000개»", "rate 1200/h «1,200개»"],
            ),
        ],
        false,
    );
}

#[test]
fn not_rates() {
    scan_cases::check_cases(
        &[
            // `/sec` is no word of the English list (`/s` must end the word).
            ("en-US", "Up to 60 MiB/sec", &["count 60 ≤ «Up to 60»"]),
            // A "per" of a number is no unit: `per 100 ms`.
            ("en-US", "1,000 or 100 requests per 100 ms", &[]),
            // Too far from the number: the "per" belongs to another statement.
            (
                "en-US",
                "5 of the machines that were registered with the vault yesterday per day",
                &[],
            ),
        ],
        false,
    );
}
