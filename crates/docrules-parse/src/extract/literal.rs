//! Literals, recognized before numbers so that their digits are never read as quantities:
//! URLs, IPv4 networks, registry keys, paths, dates, hex codes, versions and host names.

use regex::Regex;
use std::sync::OnceLock;

use docrules_model::fact::Value;

/// What a literal is.
#[derive(Clone, Debug, PartialEq)]
pub enum LiteralKind {
    /// A fact in its own right.
    Fact(Value),
    /// `4.5.2` or `PowerShell 3.0`: a version, once its context is known.
    Version(Vec<u64>),
    /// Text that only masks its digits (calendar dates).
    Mask,
}

/// A literal found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct Literal {
    /// Byte range in the searched text.
    pub range: std::ops::Range<usize>,
    /// What it is.
    pub kind: LiteralKind,
}

fn pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        // One alternation, in priority order; `regex` matches it in linear time. ASCII word
        // boundaries on purpose: a CJK character next to a literal is a boundary.
        let path_part = r"[A-Za-z0-9_.$~{}()+@#&',;=\[\]-]+(?:\x20[A-Za-z0-9_.$~{}()+@#&',;=\[\]-]+)*";
        let b = r"(?-u:\b)";
        let alternatives = [
            format!(r#"(?P<url>{b}https?://[^\s<>`|）」』"]+)"#),
            format!(r"(?P<ip>{b}\d{{1,3}}\.\d{{1,3}}\.\d{{1,3}}\.\d{{1,3}}(?:/\d{{1,2}})?{b})"),
            format!(r"(?P<reg>{b}(?:HKEY_[A-Z_]+|HKLM|HKCU|HKCR|HKU)(?:\\{path_part})+\\?)"),
            format!(
                r"(?P<path>(?:{b}[A-Za-z]:|%[A-Za-z_]+%|\\\\[A-Za-z0-9_.$-]+)(?:[\\/]{path_part})+[\\/]?)"
            ),
            format!(
                r"(?P<date>{b}\d{{4}}-\d{{1,2}}-\d{{1,2}}{b}|{b}\d{{1,2}}/\d{{1,2}}/\d{{4}}{b}|\d{{4}}\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?|\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)"
            ),
            format!(r"(?P<hex>{b}0[xX][0-9A-Fa-f]{{4,16}}{b})"),
            format!(r"(?P<version>{b}\d{{1,6}}(?:\.\d{{1,6}}){{1,3}}{b})"),
            format!(
                r"(?P<host>(?:\*\.|\.)?{b}(?:[A-Za-z0-9](?:[A-Za-z0-9-]{{0,61}}[A-Za-z0-9])?\.)+[A-Za-z]{{2,24}}{b})"
            ),
        ];
        let source = alternatives.join("|");
        match Regex::new(&source) {
            Ok(regex) => regex,
            Err(err) => panic!("literal pattern is invalid: {err}"),
        }
    })
}

/// Top-level domains accepted for bare host names, so that `CSC.exe` or `OnlineBackup.KEK` are
/// not hosts.
const TLDS: &[&str] = &[
    "app", "az", "be", "biz", "ca", "cloud", "cn", "co", "com", "de", "dev", "edu", "es", "eu",
    "fr", "gov", "in", "info", "int", "io", "it", "jp", "kr", "ms", "mil", "net", "nl", "org",
    "ru", "tw", "uk", "us",
];

/// Every literal in `text`, in order, not overlapping.
pub fn find(text: &str) -> Vec<Literal> {
    let mut out = Vec::new();
    for caps in pattern().captures_iter(text) {
        let Some(m) = caps.get(0) else { continue };
        let literal = if caps.name("url").is_some() {
            url(text, m.range())
        } else if caps.name("ip").is_some() {
            let address_len = m.as_str().find('/').unwrap_or(m.len());
            let address = m.start()..m.start() + address_len;
            ipv4(m.as_str())
                .map(|value| Literal {
                    range: m.range(),
                    kind: LiteralKind::Fact(value),
                })
                .or_else(|| {
                    // An impossible prefix: the address alone.
                    ipv4(&text[address.clone()]).map(|value| Literal {
                        range: address.clone(),
                        kind: LiteralKind::Fact(value),
                    })
                })
                // Not an address (`10.0.14393.0`): a version.
                .or_else(|| version(address.clone(), &text[address]))
        } else if caps.name("reg").is_some() {
            path(text, m.range(), true)
        } else if caps.name("path").is_some() {
            path(text, m.range(), false)
        } else if caps.name("date").is_some() {
            Some(Literal {
                range: m.range(),
                kind: LiteralKind::Mask,
            })
        } else if caps.name("hex").is_some() {
            let id = format!("0x{}", m.as_str()[2..].to_ascii_lowercase());
            Some(Literal {
                range: m.range(),
                kind: LiteralKind::Fact(Value::ErrorId { id }),
            })
        } else if caps.name("version").is_some() {
            // The tail of a longer dotted number whose start is glued to a word
            // (`-s10.27.33.7`, an address after a command-line flag): nothing of its own.
            let before = &text.as_bytes()[..m.start()];
            if before.len() >= 2
                && before[before.len() - 1] == b'.'
                && before[before.len() - 2].is_ascii_digit()
            {
                Some(Literal {
                    range: m.range(),
                    kind: LiteralKind::Mask,
                })
            } else {
                version(m.range(), m.as_str())
            }
        } else {
            host(m.range(), m.as_str())
        };
        out.extend(literal);
    }
    out
}

fn url(text: &str, range: std::ops::Range<usize>) -> Option<Literal> {
    let raw = &text[range.clone()];
    let trimmed = raw.trim_end_matches([
        '.', ',', ';', ':', ')', ']', '}', '\'', '!', '?', '。', '、',
    ]);
    let end = range.start + trimmed.len();
    let after_scheme = trimmed.split_once("://").map_or("", |(_, rest)| rest);
    let host = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default()
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .split(':')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if host.is_empty() {
        return None;
    }
    let fragment = trimmed.split_once('#').map(|(_, f)| f.to_owned());
    Some(Literal {
        range: range.start..end,
        kind: LiteralKind::Fact(Value::Url {
            url: trimmed.to_owned(),
            host,
            fragment,
        }),
    })
}

fn ipv4(text: &str) -> Option<Value> {
    let (address, prefix) = match text.split_once('/') {
        Some((address, prefix)) => (
            address,
            Some(prefix.parse::<u8>().ok().filter(|p| *p <= 32)?),
        ),
        None => (text, None),
    };
    let mut octets = [0u8; 4];
    let mut parts = address.split('.');
    for octet in &mut octets {
        let part = parts.next()?;
        if part.len() > 1 && part.starts_with('0') {
            return None;
        }
        *octet = part.parse().ok()?;
    }
    Some(Value::Ipv4 {
        address: octets,
        prefix,
    })
}

fn version(range: std::ops::Range<usize>, text: &str) -> Option<Literal> {
    let components: Option<Vec<u64>> = text.split('.').map(|p| p.parse().ok()).collect();
    Some(Literal {
        range,
        kind: LiteralKind::Version(components?),
    })
}

fn path(text: &str, range: std::ops::Range<usize>, registry: bool) -> Option<Literal> {
    let mut raw = &text[range.clone()];
    // Spaces may join the words of a folder name (`Program Files`, `Windows Azure Backup`), but
    // in the last component only capitalized words continue it: `C:\Temp folder` ends at `Temp`.
    let last_sep = raw.rfind(['\\', '/']).unwrap_or(0);
    let mut keep = raw.len();
    let mut offset = last_sep;
    for (i, word) in raw[last_sep..].split(' ').enumerate() {
        if i > 0
            && !word.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '(')
        {
            keep = offset - 1;
            break;
        }
        offset += word.len() + 1;
    }
    raw = &raw[..keep];
    raw = raw.trim_end_matches(['.', ',', ';', ':', ')', '\'', ' ']);
    if raw.len() < 3 {
        return None;
    }
    let mut normalized = raw.replace('/', "\\").to_lowercase();
    while normalized.ends_with('\\') && normalized.len() > 3 {
        normalized.pop();
    }
    let value = if registry {
        Value::RegistryKey {
            normalized: expand_hive(&normalized),
        }
    } else {
        Value::Path { normalized }
    };
    Some(Literal {
        range: range.start..range.start + raw.len(),
        kind: LiteralKind::Fact(value),
    })
}

/// `hklm\…` and `hkey_local_machine\…` name the same key.
fn expand_hive(key: &str) -> String {
    let (hive, rest) = key.split_once('\\').unwrap_or((key, ""));
    let hive = match hive {
        "hklm" => "hkey_local_machine",
        "hkcu" => "hkey_current_user",
        "hkcr" => "hkey_classes_root",
        "hku" => "hkey_users",
        other => other,
    };
    format!("{hive}\\{rest}")
}

fn host(range: std::ops::Range<usize>, text: &str) -> Option<Literal> {
    // `.example.com` in an allow list means the domain and its subdomains, as `*.example.com` does.
    let wildcard = text.starts_with("*.") || text.starts_with('.');
    let name = text.trim_start_matches("*.").trim_start_matches('.');
    let tld = name
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    // `ASP.NET` and `VB.NET` are products, not hosts; hosts are written in lower or mixed case.
    let all_upper = !name.chars().any(|c| c.is_ascii_lowercase());
    if !TLDS.contains(&tld.as_str()) || all_upper {
        return None;
    }
    let value = Value::Host {
        host: name.to_ascii_lowercase(),
        wildcard,
    };
    Some(Literal {
        range,
        kind: LiteralKind::Fact(value),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, String)> {
        find(text)
            .into_iter()
            .map(|l| {
                let what = match &l.kind {
                    LiteralKind::Fact(v) => format!("{:?}={v}", v.kind()),
                    LiteralKind::Version(c) => format!("Version={c:?}"),
                    LiteralKind::Mask => "Mask".to_owned(),
                };
                (&text[l.range], what)
            })
            .collect()
    }

    #[test]
    fn ip_networks_are_not_numbers() {
        assert_eq!(
            found("IP アドレス 20.190.128.0/18 と"),
            [("20.190.128.0/18", "Ipv4=20.190.128.0/18".to_owned())]
        );
        assert_eq!(
            found("40.126.0.0/18<br>"),
            [("40.126.0.0/18", "Ipv4=40.126.0.0/18".to_owned())]
        );
        assert_eq!(
            found("10.0.14393.0"),
            [("10.0.14393.0", "Version=[10, 0, 14393, 0]".to_owned())]
        );
        assert_eq!(
            found("1.2.3.4/33")[0],
            ("1.2.3.4", "Ipv4=1.2.3.4".to_owned())
        );
        assert_eq!(found("256.1.1.1")[0].1, "Version=[256, 1, 1, 1]");
        // An address glued to a command-line flag, as the NTTTCP article of Azure Virtual
        // Network writes `-s10.27.33.7`: no version 27.33.7.
        assert_eq!(found("ntttcp -s10.27.33.7 -t 10")[0].1, "Mask");
    }

    #[test]
    fn hosts_and_urls() {
        let hosts = found(
            "`www.msftncsi.com` *.microsoft.com .WindowsAzure.com CSC.exe ASP.NET .NET Framework",
        );
        let names: Vec<&str> = hosts.iter().map(|(t, _)| *t).collect();
        assert_eq!(
            names,
            ["www.msftncsi.com", "*.microsoft.com", ".WindowsAzure.com"]
        );
        assert_eq!(hosts[2].1, "Host=*.windowsazure.com");
        let url = found("見る https://aka.ms/backup#top。");
        assert_eq!(url[0].0, "https://aka.ms/backup#top");
        let literals = find("https://aka.ms/x#f");
        let [
            Literal {
                kind: LiteralKind::Fact(Value::Url { host, fragment, .. }),
                ..
            },
        ] = literals.as_slice()
        else {
            panic!()
        };
        assert_eq!((host.as_str(), fragment.as_deref()), ("aka.ms", Some("f")));
    }

    #[test]
    fn paths_and_registry_keys() {
        let text = r"既定の場所は、C:\Program Files\Microsoft Azure Recovery Services Agent\Scratch です。";
        assert_eq!(
            found(text)[0].0,
            r"C:\Program Files\Microsoft Azure Recovery Services Agent\Scratch"
        );
        assert_eq!(
            found("C:/Windows/Temp に移動し")[0],
            ("C:/Windows/Temp", r"Path=c:\windows\temp".to_owned())
        );
        assert_eq!(
            found(r"go to C:\Windows\Temp folder")[0].0,
            r"C:\Windows\Temp"
        );
        assert_eq!(found(r"C:\Program Files")[0].0, r"C:\Program Files");
        assert_eq!(
            found(r"C:\Program Files (x86)\App の")[0].0,
            r"C:\Program Files (x86)\App"
        );
        let key = r"HKEY_LOCAL_MACHINE\Software\Microsoft\Windows Azure Backup\Config";
        assert_eq!(
            found(key)[0],
            (
                key,
                r"RegistryKey=hkey_local_machine\software\microsoft\windows azure backup\config"
                    .to_owned()
            )
        );
        assert_eq!(
            found(r"HKLM\SOFTWARE\X を")[0].1,
            r"RegistryKey=hkey_local_machine\software\x"
        );
    }

    #[test]
    fn versions_hex_and_dates() {
        assert_eq!(
            found(".NET Framework 4.5.2 以降")[0],
            ("4.5.2", "Version=[4, 5, 2]".to_owned())
        );
        assert_eq!(
            found("[0x1FC07]")[0],
            ("0x1FC07", "ErrorId=0x1fc07".to_owned())
        );
        assert_eq!(found("2019 年 7 月 15 日")[0].1, "Mask");
        assert_eq!(found("07/15/2019")[0].1, "Mask");
        assert!(found("48 時間 と 60,000 個").is_empty());
    }
}
