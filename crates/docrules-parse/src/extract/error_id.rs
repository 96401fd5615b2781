//! Error identifiers as troubleshooting tables write them: `(ID: 34513)`, `(識別碼：34513)`,
//! `[0x1FC07]`, `0x80070570`, `エラー 34506`, `Error:100110`.

use regex::Regex;
use std::sync::OnceLock;

/// One identifier: where it is in the searched text and its normalized value (decimal digits, or
/// lower-case `0x…` hex).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Byte range in the searched text of the digits, or of the `0x…` literal; labels excluded.
    pub range: std::ops::Range<usize>,
    /// Decimal digits without leading zeros, or `0x` and lower-case hex digits.
    pub value: String,
}

fn pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        // Labels are data-like lists; `regex` guarantees linear-time matching.
        let labels = r"\bID|識別碼|識別码|식별자|\bError\s+ID|エラー\s*ID|\bError|エラー|錯誤|错误|오류|\bFehler|\bErreur";
        let source = format!(
            r"(?:{labels})\s*[:：]?\s*(?P<dec>[0-9]{{3,10}})\b|\b(?P<hex>0[xX][0-9A-Fa-f]{{4,16}})\b"
        );
        match Regex::new(&source) {
            Ok(regex) => regex,
            Err(err) => panic!("error ID pattern is invalid: {err}"),
        }
    })
}

/// Every error identifier in `text`, in order.
pub fn find(text: &str) -> Vec<Found> {
    pattern()
        .captures_iter(text)
        .filter_map(|caps| {
            if let Some(m) = caps.name("dec") {
                let digits = m.as_str().trim_start_matches('0');
                let value = if digits.is_empty() { "0" } else { digits };
                Some(Found {
                    range: m.range(),
                    value: value.to_owned(),
                })
            } else {
                caps.name("hex").map(|m| Found {
                    range: m.range(),
                    value: format!("0x{}", m.as_str()[2..].to_ascii_lowercase()),
                })
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<String> {
        find(text).into_iter().map(|f| f.value).collect()
    }

    #[test]
    fn seed_forms() {
        assert_eq!(values("関連付けられていません。(ID: 34513)*"), ["34513"]);
        assert_eq!(values("無法下載保存庫認證檔案。 (識別碼：403)"), ["403"]);
        assert_eq!(
            values("サービスの内部エラー [0x1FC07] が発生した"),
            ["0x1fc07"]
        );
        assert_eq!(values("エラー 34506。 このコンピューター"), ["34506"]);
        assert_eq!(values("錯誤 34506。未正確設定"), ["34506"]);
        assert_eq!(values("Vault Credentials Error:100110"), ["100110"]);
        assert_eq!(values("エラー ID: 2013"), ["2013"]);
        assert_eq!(values("(ID:100050)"), ["100050"]);
        assert_eq!(
            values("0x80070570 と 0x8007018B"),
            ["0x80070570", "0x8007018b"]
        );
    }

    #[test]
    fn not_error_ids() {
        for text in [
            "GUID: 12345",
            "48 時間以上前",
            "linkid=229525&clcid=0x409",
            "version 4.5.2",
            "ID: 12",
            "エラーが発生します。 2 つ",
        ] {
            let found = values(text);
            assert!(
                found.is_empty() || text.contains("clcid"),
                "{text}: {found:?}"
            );
        }
        // `clcid=0x409` is too short to be an HRESULT-style code.
        assert_eq!(values("clcid=0x409"), Vec::<String>::new());
    }

    #[test]
    fn ranges_slice_the_input() {
        let text = "x (識別碼：34513) y";
        let found = find(text);
        assert_eq!(&text[found[0].range.clone()], "34513");
    }
}
