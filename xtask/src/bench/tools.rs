//! Other markdown linters run on the same files, installed from their registries into a local
//! folder (rumdl from PyPI, markdownlint-cli2 from npm), or skipped with the reason.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Where each tool's executable is, or why it is not there.
#[derive(Debug, Default)]
pub struct Tools {
    rumdl: Option<Result<PathBuf, String>>,
    markdownlint: Option<Result<PathBuf, String>>,
}

const RUMDL: &str = "rumdl==0.2.75";
const MARKDOWNLINT: &str = "markdownlint-cli2@0.18.1";

/// Installs the tools under `dir` unless they are there already.
pub fn install(dir: &Path) -> Tools {
    let rumdl = {
        let target = dir.join("pypi");
        let bin = target.join("bin/rumdl");
        if bin.exists() {
            Ok(bin)
        } else {
            eprintln!("installing {RUMDL} from PyPI into {}", target.display());
            quiet(
                Command::new("python3")
                    .args(["-m", "pip", "install", "--quiet", "--target"])
                    .arg(&target)
                    .arg(RUMDL),
            )
            .and_then(|()| {
                bin.exists()
                    .then_some(bin)
                    .ok_or_else(|| "pip installed no rumdl executable".to_owned())
            })
        }
    };
    let markdownlint = {
        let target = dir.join("npm");
        let bin = target.join("node_modules/.bin/markdownlint-cli2");
        if bin.exists() {
            Ok(bin)
        } else {
            eprintln!(
                "installing {MARKDOWNLINT} from npm into {}",
                target.display()
            );
            let _ = std::fs::create_dir_all(&target);
            quiet(
                Command::new("npm")
                    .args(["install", "--silent", "--no-audit", "--no-fund", "--prefix"])
                    .arg(&target)
                    .arg(MARKDOWNLINT),
            )
            .and_then(|()| {
                bin.exists()
                    .then_some(bin)
                    .ok_or_else(|| "npm installed no markdownlint-cli2".to_owned())
            })
        }
    };
    Tools {
        rumdl: Some(rumdl),
        markdownlint: Some(markdownlint),
    }
}

fn quiet(command: &mut Command) -> Result<(), String> {
    match command
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
    {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(String::from_utf8_lossy(&out.stderr)
            .lines()
            .last()
            .unwrap_or("failed")
            .to_owned()),
        Err(e) => Err(e.to_string()),
    }
}

/// A way to make each tool's command on `dir`, or the reason it is skipped.
type Maker = Box<dyn FnMut() -> Command>;

impl Tools {
    /// One (name, command) per installed tool; nothing when installing was not asked for.
    pub fn commands(&self, dir: &Path) -> Vec<(String, Result<Maker, String>)> {
        let mut out = Vec::new();
        if let Some(rumdl) = &self.rumdl {
            let dir = dir.to_owned();
            let made = rumdl.clone().map(|bin| -> Maker {
                let lib = bin.parent().and_then(Path::parent).map(Path::to_owned);
                Box::new(move || {
                    let mut c = Command::new(&bin);
                    c.arg("check").arg(&dir).arg("--no-cache");
                    if let Some(lib) = &lib {
                        c.env("PYTHONPATH", lib);
                    }
                    c
                })
            });
            out.push((format!("{RUMDL} `check`"), made));
        }
        if let Some(markdownlint) = &self.markdownlint {
            let dir = dir.to_owned();
            let made = markdownlint.clone().map(|bin| -> Maker {
                Box::new(move || {
                    let mut c = Command::new(&bin);
                    c.arg("**/*.md").current_dir(&dir);
                    c
                })
            });
            out.push((MARKDOWNLINT.to_owned(), made));
        }
        out
    }
}
