//! `cargo xtask lexicon --fetch`: the three CLDR packages from the npm registry, at pinned
//! versions, each verified against the sha512 integrity the registry recorded before it is
//! unpacked. The only network access of the project; builds and tests never fetch.

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha512};
use std::path::{Path, PathBuf};
use std::process::Command;

/// (package, version, npm `dist.integrity`).
const PACKAGES: &[(&str, &str, &str)] = &[
    (
        "cldr-units-full",
        "48.2.0",
        "sha512-BjDC7V46eeXzgalnIumrJ1XQDk8wJaOxNLME4hmkBT9Q0hnzxn3XgtavigPUwnljk7FxlNQW9Wx+hbFrARPrQg==",
    ),
    (
        "cldr-numbers-full",
        "48.2.0",
        "sha512-0EQ+UkVDsyXOlxnWnL1RIENVZFqCnb04D1Yrku0obnOyttbuZz8tHmUd5c5AEvhGS/Gg2zI4fTaCm51LSGITog==",
    ),
    (
        "cldr-core",
        "48.2.0",
        "sha512-zfmLothncSwfv2jlevoSrgI2VGgH8SDGHXst6jUEotHA8nq9Igeg9jzdJDFtBso9pgJuG89DK16TzrmZDdo2Bg==",
    ),
];

const REGISTRY: &str = "https://registry.npmjs.org";

/// Downloads (unless already cached and intact) and unpacks every package under `cache`, and
/// returns `cache`, which then holds `<package>/package.json` for each.
pub fn packages(cache: &Path) -> Result<PathBuf> {
    std::fs::create_dir_all(cache).with_context(|| format!("creating {}", cache.display()))?;
    for &(name, version, integrity) in PACKAGES {
        let tarball = cache.join(format!("{name}-{version}.tgz"));
        let cached = std::fs::read(&tarball)
            .ok()
            .is_some_and(|bytes| sri_sha512(&bytes) == integrity);
        if !cached {
            let url = format!("{REGISTRY}/{name}/-/{name}-{version}.tgz");
            eprintln!("fetching {url}");
            let status = Command::new("curl")
                .args([
                    "--fail",
                    "--silent",
                    "--show-error",
                    "--location",
                    "--output",
                ])
                .arg(&tarball)
                .arg(&url)
                .status()
                .context("cannot run curl")?;
            if !status.success() {
                bail!("downloading {url} failed ({status})");
            }
            let bytes = std::fs::read(&tarball)
                .with_context(|| format!("reading {}", tarball.display()))?;
            let got = sri_sha512(&bytes);
            if got != integrity {
                // A tarball that does not match is never unpacked, nor kept.
                let _ = std::fs::remove_file(&tarball);
                bail!("{name} {version}: integrity {got} is not the pinned {integrity}");
            }
        }
        let dir = cache.join(name);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))?;
        }
        std::fs::create_dir_all(&dir)?;
        let status = Command::new("tar")
            .arg("-xzf")
            .arg(&tarball)
            .arg("-C")
            .arg(&dir)
            .arg("--strip-components=1")
            .status()
            .context("cannot run tar")?;
        if !status.success() {
            bail!("unpacking {} failed ({status})", tarball.display());
        }
    }
    Ok(cache.to_path_buf())
}

/// A Subresource Integrity string, as npm records it: `sha512-` and the base64 digest.
fn sri_sha512(bytes: &[u8]) -> String {
    format!("sha512-{}", base64(&Sha512::digest(bytes)))
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_of_known_inputs() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn integrity_of_empty_input() {
        // `printf '' | openssl dgst -sha512 -binary | base64`
        assert_eq!(
            sri_sha512(b""),
            "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="
        );
    }
}
