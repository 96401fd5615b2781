//! The CLDR fields the generator reads, and only those: built from the three npm packages
//! (`cldr-units-full`, `cldr-numbers-full`, `cldr-core`), written to
//! `crates/docrules-lexicon/data/cldr/cldr-extract.json`, and read back by `--check`, so that
//! CI verifies the generated files with no network and no CLDR download.
//!
//! The extract keeps CLDR's own paths (`main.<id>.units.<width>.<unit>.<field>`,
//! `main.<id>.numbers.<field>`, `numberingSystems.<id>`), so the generator reads the full
//! packages and the extract through the same code.

use anyhow::{Context, Result, bail};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::patterns::pattern_category;
use super::{LOCALES, UNITS, WIDTHS};

/// The trimmed CLDR data, as JSON with CLDR's paths.
#[derive(Debug, Clone, PartialEq)]
pub struct Extract(pub Value);

/// A package: its directory, version and CLDR version.
struct Package {
    dir: PathBuf,
    version: String,
    cldr: String,
}

const PACKAGES: &[&str] = &["cldr-units-full", "cldr-numbers-full", "cldr-core"];

impl Extract {
    /// Reads the packages under `root`, which holds them unpacked side by side
    /// (`<root>/cldr-units-full/…`) or npm-installed (`<root>/node_modules/cldr-units-full/…`).
    pub fn from_cldr(root: &Path) -> Result<Extract> {
        let mut packages = BTreeMap::new();
        for &name in PACKAGES {
            packages.insert(name, package(root, name)?);
        }
        let cldr: BTreeSet<&str> = packages.values().map(|p| p.cldr.as_str()).collect();
        let [cldr_version] = cldr.into_iter().collect::<Vec<_>>()[..] else {
            bail!("the CLDR packages are of different CLDR versions");
        };
        let units_dir = &packages["cldr-units-full"].dir;
        let numbers_dir = &packages["cldr-numbers-full"].dir;
        let core_dir = &packages["cldr-core"].dir;
        let available = available_locales(core_dir)?;
        let numbering = NumberingSystems::load(core_dir)?;

        let mut main = Map::new();
        let mut native_systems = BTreeSet::new();
        for &(id, _) in LOCALES {
            if !available.is_empty() && !available.contains(id) {
                bail!("CLDR {cldr_version} has no locale {id}");
            }
            let units_path = units_dir.join("main").join(id).join("units.json");
            let units_json = read_json(&units_path)?;
            let units = at(&units_json, &["main", id, "units"])
                .with_context(|| format!("{} has no main.{id}.units", units_path.display()))?;
            let numbers_path = numbers_dir.join("main").join(id).join("numbers.json");
            let numbers_json = read_json(&numbers_path)?;
            let numbers = at(&numbers_json, &["main", id, "numbers"])
                .with_context(|| format!("{} has no main.{id}.numbers", numbers_path.display()))?;
            let numbers = trim_numbers(numbers);
            if let Some(native) = str_at(&numbers, &["otherNumberingSystems", "native"]) {
                native_systems.insert(native.to_owned());
            }
            let mut locale = Map::new();
            locale.insert("units".into(), trim_units(units));
            locale.insert("numbers".into(), numbers);
            main.insert(id.to_owned(), Value::Object(locale));
        }
        let mut systems = Map::new();
        for (id, digits) in &numbering.digits {
            if native_systems.contains(id) {
                let mut system = Map::new();
                system.insert("_digits".into(), Value::String(digits.clone()));
                system.insert("_type".into(), Value::String("numeric".into()));
                systems.insert(id.clone(), Value::Object(system));
            }
        }
        let versions: Map<String, Value> = packages
            .iter()
            .map(|(name, p)| ((*name).to_owned(), Value::String(p.version.clone())))
            .collect();
        let mut root = Map::new();
        root.insert(
            "_comment".into(),
            Value::String(
                "The CLDR fields `cargo xtask lexicon` reads, trimmed from the npm packages named \
                 here. Unicode License v3: see LICENSE-CLDR.txt. Written by `cargo xtask \
                 lexicon --cldr DIR` or `--fetch`; do not edit."
                    .into(),
            ),
        );
        root.insert("cldrVersion".into(), Value::String(cldr_version.to_owned()));
        root.insert("packages".into(), Value::Object(versions));
        root.insert("numberingSystems".into(), Value::Object(systems));
        root.insert("main".into(), Value::Object(main));
        Ok(Extract(Value::Object(root)))
    }

    /// Parses an extract written by [`Extract::to_json`].
    pub fn parse(text: &str) -> Result<Extract> {
        Ok(Extract(
            serde_json::from_str(text).context("the CLDR extract is not JSON")?,
        ))
    }

    /// Pretty JSON, one field a line, ending in a newline.
    pub fn to_json(&self) -> Result<String> {
        let mut text = serde_json::to_string_pretty(&self.0)?;
        text.push('\n');
        Ok(text)
    }

    /// The CLDR version (`48`).
    pub fn cldr_version(&self) -> Result<&str> {
        str_at(&self.0, &["cldrVersion"]).context("the extract has no cldrVersion")
    }

    /// The version of one package (`48.2.0`).
    pub fn package_version(&self, name: &str) -> Result<&str> {
        str_at(&self.0, &["packages", name])
            .with_context(|| format!("the extract has no version of {name}"))
    }

    /// A locale's `units` and `numbers` objects.
    pub fn locale(&self, id: &str) -> Result<(&Value, &Value)> {
        let units = at(&self.0, &["main", id, "units"])
            .with_context(|| format!("the extract has no main.{id}.units"))?;
        let numbers = at(&self.0, &["main", id, "numbers"])
            .with_context(|| format!("the extract has no main.{id}.numbers"))?;
        Ok((units, numbers))
    }

    /// The numeric numbering systems and their digits.
    pub fn numbering_systems(&self) -> NumberingSystems {
        let digits = at(&self.0, &["numberingSystems"])
            .and_then(Value::as_object)
            .map(|systems| NumberingSystems::from_json(systems).digits)
            .unwrap_or_default();
        NumberingSystems { digits }
    }
}

/// Of a locale's units: the duration units and the percent, every width, pattern fields only.
fn trim_units(units: &Value) -> Value {
    let keys: Vec<String> = UNITS
        .iter()
        .flat_map(|u| [format!("duration-{u}"), format!("duration-{u}-person")])
        .chain(["concentr-percent".to_owned()])
        .collect();
    let mut out = Map::new();
    for &width in WIDTHS {
        let mut kept = Map::new();
        for key in &keys {
            let Some(entry) = at(units, &[width, key]).and_then(Value::as_object) else {
                continue;
            };
            // `perUnitPattern` (`{0} per second`) only of the plain units: rates are read
            // per second … per year, never per person.
            let per = !key.ends_with("-person") && key.starts_with("duration-");
            let fields: Map<String, Value> = entry
                .iter()
                .filter(|(field, _)| {
                    pattern_category(field).is_some() || (per && *field == "perUnitPattern")
                })
                .map(|(f, v)| (f.clone(), v.clone()))
                .collect();
            if !fields.is_empty() {
                kept.insert(key.clone(), Value::Object(fields));
            }
        }
        out.insert(width.to_owned(), Value::Object(kept));
    }
    Value::Object(out)
}

/// Of a locale's numbers: the numbering systems, the Latin (and native) symbols, the standard
/// decimal and percent patterns, the minimum grouping digits.
fn trim_numbers(numbers: &Value) -> Value {
    let mut out = Map::new();
    let mut copy = |path: &[&str]| {
        let Some(value) = at(numbers, path) else {
            return;
        };
        let mut target = &mut out;
        for key in &path[..path.len() - 1] {
            let entry = target
                .entry((*key).to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            let Value::Object(next) = entry else { return };
            target = next;
        }
        target.insert(path[path.len() - 1].to_owned(), value.clone());
    };
    copy(&["defaultNumberingSystem"]);
    copy(&["minimumGroupingDigits"]);
    copy(&["otherNumberingSystems", "native"]);
    copy(&["symbols-numberSystem-latn", "decimal"]);
    copy(&["symbols-numberSystem-latn", "group"]);
    copy(&["decimalFormats-numberSystem-latn", "standard"]);
    copy(&["percentFormats-numberSystem-latn", "standard"]);
    if let Some(native) = str_at(numbers, &["otherNumberingSystems", "native"]) {
        let symbols = format!("symbols-numberSystem-{native}");
        copy(&[&symbols, "decimal"]);
        copy(&[&symbols, "group"]);
    }
    Value::Object(out)
}

fn package(root: &Path, name: &str) -> Result<Package> {
    let candidates = [root.join(name), root.join("node_modules").join(name)];
    let dir = candidates
        .iter()
        .find(|d| d.join("package.json").is_file())
        .with_context(|| {
            format!(
                "package {name} not found under {} (looked for {name}/package.json and \
                 node_modules/{name}/package.json)",
                root.display()
            )
        })?
        .clone();
    let manifest = read_json(&dir.join("package.json"))?;
    let version = str_at(&manifest, &["version"])
        .with_context(|| format!("{name}/package.json has no version"))?
        .to_owned();
    let cldr = str_at(&manifest, &["cldrVersion"])
        .with_context(|| format!("{name}/package.json has no cldrVersion"))?
        .to_owned();
    Ok(Package { dir, version, cldr })
}

/// Numbering system id → its ten digits (numeric systems only).
#[derive(Debug, Default)]
pub struct NumberingSystems {
    pub digits: BTreeMap<String, String>,
}

impl NumberingSystems {
    fn load(core_dir: &Path) -> Result<NumberingSystems> {
        let path = core_dir.join("supplemental").join("numberingSystems.json");
        let json = read_json(&path)?;
        let systems = at(&json, &["supplemental", "numberingSystems"])
            .and_then(Value::as_object)
            .with_context(|| format!("{} has no supplemental.numberingSystems", path.display()))?;
        Ok(NumberingSystems::from_json(systems))
    }

    fn from_json(systems: &Map<String, Value>) -> NumberingSystems {
        let digits = systems
            .iter()
            .filter(|(_, v)| str_at(v, &["_type"]) == Some("numeric"))
            .filter_map(|(k, v)| Some((k.clone(), str_at(v, &["_digits"])?.to_owned())))
            .collect();
        NumberingSystems { digits }
    }
}

/// The locales CLDR has (`cldr-core/availableLocales.json`, full set); empty if the file is
/// missing, in which case a missing locale shows as a missing units file instead.
fn available_locales(core_dir: &Path) -> Result<BTreeSet<String>> {
    let path = core_dir.join("availableLocales.json");
    if !path.is_file() {
        return Ok(BTreeSet::new());
    }
    let json = read_json(&path)?;
    Ok(at(&json, &["availableLocales", "full"])
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default())
}

fn read_json(path: &Path) -> Result<Value> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

pub fn at<'a>(value: &'a Value, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().try_fold(value, |v, k| v.get(k))
}

pub fn str_at<'a>(value: &'a Value, keys: &[&str]) -> Option<&'a str> {
    at(value, keys).and_then(Value::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn units_keep_pattern_fields_of_the_units_read() {
        let units = json!({
            "long": {
                "duration-hour": {
                    "displayName": "uur",
                    "unitPattern-count-one": "{0} uur",
                    "perUnitPattern": "{0} per uur"
                },
                "duration-hour-person": { "perUnitPattern": "{0} per persoon-uur" },
                "length-meter": { "unitPattern-count-one": "{0} meter" }
            }
        });
        // `perUnitPattern` of a plain duration unit is kept (rates), not of a person variant.
        assert_eq!(
            trim_units(&units)["long"],
            json!({ "duration-hour": {
                "unitPattern-count-one": "{0} uur",
                "perUnitPattern": "{0} per uur"
            } })
        );
    }

    #[test]
    fn numbers_keep_the_symbols_read() {
        let numbers = json!({
            "defaultNumberingSystem": "latn",
            "otherNumberingSystems": { "native": "arab" },
            "symbols-numberSystem-latn": { "decimal": ",", "group": ".", "plusSign": "+" },
            "symbols-numberSystem-arab": { "decimal": "٫", "group": "٬" },
            "currencyFormats-numberSystem-latn": { "standard": "¤#,##0.00" }
        });
        assert_eq!(
            trim_numbers(&numbers),
            json!({
                "defaultNumberingSystem": "latn",
                "otherNumberingSystems": { "native": "arab" },
                "symbols-numberSystem-latn": { "decimal": ",", "group": "." },
                "symbols-numberSystem-arab": { "decimal": "٫", "group": "٬" }
            })
        );
    }
}
