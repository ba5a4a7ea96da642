//! What the attributes of a boundary file mean: which holds each area's code, its name, its
//! municipality and the code of the area it lies in, and which level the file is. The GeoJSON,
//! GeoPackage and Shapefile readers each fill a [`FeatureTable`]; one recogniser reads the
//! roles from all features (so a code must be unique over them), the import dialog and the
//! command line may change them, and one function builds the [`AreaLayer`]. So the readers agree.
use std::collections::HashSet;

use geo::MultiPolygon;

use super::validate::{Said, Severity, ValidationReport};
use crate::model::{Area, AreaLayer, Level};

/// SCB's attribute names for an area's code, any letter case, with the level they mean.
const SCB_CODES: [(&str, Level); 5] = [
    ("desokod", Level::Deso),
    ("deso", Level::Deso),
    ("regsokod", Level::Regso),
    ("kommunkod", Level::Kommun),
    ("kommun_kod", Level::Kommun),
];
/// Attribute names that give an area's municipality.
const KOMMUN_NAMES: [&str; 6] = [
    "kommunkod",
    "kommun_kod",
    "kommunnr",
    "kommun_nr",
    "knkod",
    "kn_kod",
];
/// SCB's name attributes, most specific first (`kommunnamn` only names municipalities).
const SCB_NAMES: [&str; 5] = ["desonamn", "regsonamn", "kommunnamn", "namn", "name"];

/// What one attribute of a boundary file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributeRole {
    /// The area's own code: unique over the features.
    Code,
    Name,
    /// The code of the municipality the area lies in.
    Kommun,
    /// The code of the enclosing area on the level above (a DeSO's RegSO, a base area's
    /// primary area).
    Parent,
    Unused,
}

/// One feature as read: its attribute values (trimmed; `None` when empty or missing) and its
/// geometry in WGS84, or why the geometry could not be read.
#[derive(Clone, Debug)]
pub struct RawFeature {
    /// Numbered from 1, as the report counts features.
    pub number: usize,
    /// How the reader names the feature in messages (GeoJSON: `#3 id 7`), if it does.
    pub label: Option<String>,
    pub values: Vec<Option<String>>,
    pub geometry: Result<MultiPolygon<f64>, String>,
}

/// A boundary file's features before their attributes are given a meaning.
#[derive(Clone, Debug, Default)]
pub struct FeatureTable {
    /// Attribute names as the file spells them.
    pub attributes: Vec<String>,
    pub features: Vec<RawFeature>,
}

/// What each attribute of a [`FeatureTable`] holds, and the level its areas form.
#[derive(Clone, Debug, PartialEq)]
pub struct BoundaryRoles {
    /// One role per attribute, aligned with [`FeatureTable::attributes`].
    pub roles: Vec<AttributeRole>,
    pub level: Level,
}

/// Roles the user gives (import dialog, command line, a project): attributes by name, and a
/// level. Anything left `None` keeps what was recognised.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RoleOverrides {
    pub code: Option<String>,
    pub name: Option<String>,
    pub kommun: Option<String>,
    pub parent: Option<String>,
    /// `kommun`, `regso`, `deso`, or any other text: a custom level of that name.
    pub level: Option<String>,
}

impl RoleOverrides {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// A level from what a user typed: SCB's level names in any case, else a custom level so named.
pub fn level_from_name(name: &str) -> Level {
    match name.trim().to_lowercase().as_str() {
        "kommun" | "kommuner" | "municipal" | "municipality" => Level::Kommun,
        "regso" => Level::Regso,
        "deso" => Level::Deso,
        _ => Level::Custom(name.trim().to_string()),
    }
}

/// The name a custom level gets from its file until the user names it: the file's name
/// without extension, words spaced, first letter capital (`primar_omraden.gpkg` → `Primar omraden`).
pub fn custom_level_name(file: &str) -> String {
    let stem = std::path::Path::new(file)
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let spaced = stem.replace(['_', '-'], " ");
    let mut chars = spaced.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => crate::model::UNNAMED_CUSTOM_LEVEL.into(),
    }
}

/// How often the values of one attribute occur over the features.
struct ValueStats {
    /// Features with a value.
    filled: usize,
    distinct: usize,
}

impl FeatureTable {
    fn stats(&self, attribute: usize) -> ValueStats {
        let mut seen = HashSet::new();
        let mut filled = 0;
        for f in &self.features {
            if let Some(v) = f.values.get(attribute).and_then(Option::as_deref) {
                filled += 1;
                seen.insert(v);
            }
        }
        ValueStats {
            filled,
            distinct: seen.len(),
        }
    }

    /// Whether no two features share a value of the attribute, and most features have one
    /// (the few without are skipped and listed when the layer is built).
    fn is_unique(&self, attribute: usize) -> bool {
        let s = self.stats(attribute);
        s.distinct == s.filled && s.filled * 2 > self.features.len()
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.attributes.iter().position(|a| a.eq_ignore_ascii_case(name))
    }

    /// A value of the attribute that more than one feature carries, with how many carry it.
    fn repeated_value(&self, attribute: usize) -> Option<(String, usize)> {
        let mut counts: std::collections::HashMap<&str, usize> = Default::default();
        for f in &self.features {
            if let Some(v) = f.values.get(attribute).and_then(Option::as_deref) {
                *counts.entry(v).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .filter(|(_, n)| *n > 1)
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map(|(v, n)| (v.to_string(), n))
    }

    /// The first `count` different values of an attribute, and how many different values it
    /// has (a code has one per feature), for the import dialog.
    pub fn examples(&self, attribute: usize, count: usize) -> (Vec<String>, usize) {
        let mut seen = HashSet::new();
        let mut first = Vec::new();
        for v in self
            .features
            .iter()
            .filter_map(|f| f.values.get(attribute).and_then(Option::as_deref))
        {
            if seen.insert(v) && first.len() < count {
                first.push(v.to_string());
            }
        }
        (first, seen.len())
    }

    /// Build the layer with `roles`: one area per feature with a code and a geometry; features
    /// without either are listed in the report. Refuses roles that cannot give areas (no code
    /// attribute, or one whose values repeat).
    pub fn layer(&self, roles: &BoundaryRoles, report: &mut ValidationReport) -> Result<AreaLayer, String> {
        roles.check(self).map_err(|said| said.en)?;
        let role_of = |r: AttributeRole| roles.roles.iter().position(|x| *x == r);
        let code_at = role_of(AttributeRole::Code).ok_or("no attribute holds the area code")?;
        let name_at = role_of(AttributeRole::Name);
        let kommun_at = role_of(AttributeRole::Kommun);
        let parent_at = role_of(AttributeRole::Parent);
        // SCB's DeSO files carry only the name of the enclosing RegSO: say which DeSO it is.
        let name_is_regso = roles.level == Level::Deso
            && name_at.is_some_and(|i| self.attributes[i].eq_ignore_ascii_case("regsonamn"));
        report.rows_read = self.features.len();
        let mut areas = Vec::with_capacity(self.features.len());
        for f in &self.features {
            let value = |i: Option<usize>| i.and_then(|i| f.values.get(i).cloned().flatten());
            let code = value(Some(code_at));
            let message = |what: &str| match (&f.label, &code) {
                (Some(l), Some(c)) => format!("{l} ({c}): {what}"),
                (Some(l), None) => format!("{l}: {what}"),
                (None, Some(c)) => format!("{c}: {what}"),
                (None, None) => what.to_string(),
            };
            let polygons = match &f.geometry {
                Ok(p) => p,
                Err(e) => {
                    report.rows_skipped += 1;
                    // The geometry reader's own words, in both languages.
                    let said = Said::new(message(e), message(e));
                    report.feature(Severity::Error, f.number, "geometry_unreadable", said);
                    continue;
                }
            };
            let Some(code) = code.clone() else {
                report.rows_skipped += 1;
                let attribute = &self.attributes[code_at];
                let said = Said::new(
                    message(&format!(
                        "attribute {attribute:?} is missing or empty (expected an area code)"
                    )),
                    message(&format!(
                        "attributet {attribute:?} saknas eller är tomt (väntat: en områdeskod)"
                    )),
                );
                report.feature(Severity::Error, f.number, "area_code_missing", said);
                continue;
            };
            let name = match value(name_at) {
                Some(regso) if name_is_regso => format!("{code} ({regso})"),
                Some(name) => name,
                None => code.clone(),
            };
            areas.push(Area::new(code, name, value(kommun_at), polygons.clone()).within(value(parent_at)));
        }
        report.rows_loaded = areas.len();
        report.note("attribute_roles", roles.describe(self));
        Ok(AreaLayer::new(roles.level.clone(), areas))
    }
}

/// Lower-case name with SCB's spellings of å, ä, ö folded, for matching names.
fn folded(name: &str) -> String {
    name.to_lowercase().replace(['å', 'ä'], "a").replace('ö', "o")
}

/// Whether a name reads as a code attribute (`omrade_kod`, `NYKO`, `code`, `id`).
fn looks_like_code(name: &str) -> bool {
    let n = folded(name);
    n.ends_with("kod")
        || n.ends_with("code")
        || n.ends_with("_id")
        || n.ends_with("nr")
        || n == "id"
        || n == "nyko"
}

/// County and version attributes look like codes but never are the area's or its parent's.
fn is_county_or_version(name: &str) -> bool {
    let n = folded(name);
    n.starts_with("lan") || n.contains("version") || n == "fid" || n == "objectid"
}

/// The stem a code attribute shares with its name attribute: `omrade_kod` → `omrade`.
fn stem(name: &str) -> String {
    let n = folded(name);
    let n = n
        .trim_end_matches("kod")
        .trim_end_matches("code")
        .trim_end_matches("_id")
        .trim_end_matches("nr");
    n.trim_end_matches(['_', '-', ' ']).to_string()
}

impl BoundaryRoles {
    /// Recognise the roles from the attribute names and all features' values: SCB's code names
    /// first (when unique), then a unique attribute that reads as a code. An attribute whose
    /// values repeat is never the code; a municipal code that repeats gives the municipality.
    /// `custom_name` names the level when it is none of SCB's.
    pub fn recognise(table: &FeatureTable, custom_name: &str) -> Result<Self, String> {
        let n = table.attributes.len();
        let mut roles = vec![AttributeRole::Unused; n];
        let scb_code = SCB_CODES.iter().find_map(|(name, level)| {
            let i = table.position(name)?;
            table.is_unique(i).then(|| (i, level.clone()))
        });
        let (code, level) = match scb_code {
            Some(found) => found,
            None => {
                let candidates: Vec<usize> = (0..n)
                    .filter(|i| !is_county_or_version(&table.attributes[*i]))
                    .filter(|i| looks_like_code(&table.attributes[*i]) && table.is_unique(*i))
                    .filter(|i| {
                        !KOMMUN_NAMES
                            .iter()
                            .any(|k| table.attributes[*i].eq_ignore_ascii_case(k))
                    })
                    .collect();
                // A name ending in kod/code before an id.
                let best = candidates
                    .iter()
                    .copied()
                    .find(|i| {
                        let f = folded(&table.attributes[*i]);
                        f.ends_with("kod") || f.ends_with("code") || f == "nyko"
                    })
                    .or(candidates.first().copied());
                match best {
                    Some(i) => (i, Level::Custom(custom_name.to_string())),
                    None => return Err(no_code_message(table)),
                }
            }
        };
        roles[code] = AttributeRole::Code;
        if level != Level::Kommun
            && let Some(k) = KOMMUN_NAMES.iter().find_map(|k| table.position(k))
        {
            roles[k] = AttributeRole::Kommun;
        }
        // The name: the one sharing the code's stem, then SCB's, then any name-like attribute.
        let code_stem = stem(&table.attributes[code]);
        let free = |i: &usize, roles: &[AttributeRole]| roles[*i] == AttributeRole::Unused;
        let name = (0..n)
            .filter(|i| free(i, &roles))
            .find(|i| {
                let f = folded(&table.attributes[*i]);
                !code_stem.is_empty()
                    && f.starts_with(&code_stem)
                    && (f.ends_with("namn") || f.ends_with("name"))
            })
            .or_else(|| {
                SCB_NAMES
                    .iter()
                    .filter(|w| level == Level::Kommun || **w != "kommunnamn")
                    .find_map(|w| table.position(w))
                    .filter(|i| free(i, &roles))
            })
            .or_else(|| {
                (0..n).filter(|i| free(i, &roles)).find(|i| {
                    let f = folded(&table.attributes[*i]);
                    (f.ends_with("namn") || f.ends_with("name"))
                        && !f.starts_with("kommun")
                        && !f.starts_with("lan")
                })
            });
        if let Some(i) = name {
            roles[i] = AttributeRole::Name;
        }
        // The parent: a code-like attribute whose values repeat (several areas in one parent);
        // of several (a base area names its primary area and its district), the finest.
        if level == Level::Deso {
            // SCB's DeSO files name their RegSO.
            if let Some(i) = table.position("regsokod").filter(|i| free(i, &roles)) {
                roles[i] = AttributeRole::Parent;
            }
        } else if level.is_custom() {
            let parent = (0..n)
                .filter(|i| free(i, &roles))
                .filter(|i| {
                    looks_like_code(&table.attributes[*i]) && !is_county_or_version(&table.attributes[*i])
                })
                .map(|i| (i, table.stats(i)))
                .filter(|(_, s)| s.filled > 0 && s.distinct < table.features.len())
                .max_by_key(|(_, s)| s.distinct)
                .map(|(i, _)| i);
            if let Some(i) = parent {
                roles[i] = AttributeRole::Parent;
            }
        }
        Ok(Self { roles, level })
    }

    /// No attribute given a role yet, a custom level named `custom_name` (for a user who names
    /// the attributes when none were recognised).
    pub fn unassigned(table: &FeatureTable, custom_name: &str) -> Self {
        Self {
            roles: vec![AttributeRole::Unused; table.attributes.len()],
            level: Level::Custom(custom_name.into()),
        }
    }

    /// The recognised roles with the user's changes: a named attribute takes the role (and
    /// leaves the one it had), the level is set by name. Unknown attribute names are an error.
    pub fn with_overrides(mut self, table: &FeatureTable, overrides: &RoleOverrides) -> Result<Self, String> {
        let wanted = [
            (&overrides.code, AttributeRole::Code),
            (&overrides.name, AttributeRole::Name),
            (&overrides.kommun, AttributeRole::Kommun),
            (&overrides.parent, AttributeRole::Parent),
        ];
        for (name, role) in wanted {
            let Some(name) = name else { continue };
            let i = table.position(name).ok_or_else(|| {
                format!(
                    "no attribute {name:?} in the file (it has {})",
                    table.attributes.join(", ")
                )
            })?;
            for r in self.roles.iter_mut().filter(|r| **r == role) {
                *r = AttributeRole::Unused;
            }
            self.roles[i] = role;
        }
        if let Some(level) = &overrides.level {
            self.level = level_from_name(level);
        } else if overrides.code.is_some() && !self.level.is_custom() {
            // Another code attribute than SCB's: the level is no longer SCB's either.
            let code = self.attribute(table, AttributeRole::Code).unwrap_or_default();
            if !SCB_CODES.iter().any(|(n, _)| code.eq_ignore_ascii_case(n)) {
                self.level = Level::Custom(crate::model::UNNAMED_CUSTOM_LEVEL.into());
            }
        }
        Ok(self)
    }

    /// The attribute (as the file spells it) that has `role`.
    pub fn attribute<'a>(&self, table: &'a FeatureTable, role: AttributeRole) -> Option<&'a str> {
        let i = self.roles.iter().position(|r| *r == role)?;
        table.attributes.get(i).map(String::as_str)
    }

    /// Whether these roles can give areas: one code attribute, unique over the features;
    /// for municipalities, four-digit codes (one feature per municipality).
    pub fn check(&self, table: &FeatureTable) -> Result<(), Said> {
        let codes: Vec<usize> = (0..self.roles.len())
            .filter(|i| self.roles[*i] == AttributeRole::Code)
            .collect();
        let [code] = codes[..] else {
            return Err(if codes.is_empty() {
                Said::new(
                    "no attribute is chosen as the area code",
                    "inget attribut är valt som områdeskod",
                )
            } else {
                Said::new(
                    "only one attribute can be the area code",
                    "bara ett attribut kan vara områdeskoden",
                )
            });
        };
        let name = &table.attributes[code];
        if let Some((value, times)) = table.repeated_value(code) {
            return Err(Said::new(
                format!(
                    "{name:?} is not an area code: {times} features share the value {value:?} (an area code is unique; \
                     a municipality's or parent area's code repeats)"
                ),
                format!(
                    "{name:?} är ingen områdeskod: {times} objekt har värdet {value:?} (en områdeskod är unik; \
                     en kommuns eller ett överordnat områdes kod upprepas)"
                ),
            ));
        }
        let stats = table.stats(code);
        if stats.filled == 0 {
            return Err(Said::new(
                format!("{name:?} has no values"),
                format!("{name:?} har inga värden"),
            ));
        }
        if self.level == Level::Kommun {
            let bad = table
                .examples(code, usize::MAX)
                .0
                .into_iter()
                .find(|c| c.len() != 4 || !c.bytes().all(|b| b.is_ascii_digit()));
            if let Some(bad) = bad {
                return Err(Said::new(
                    format!(
                        "{name:?} holds {bad:?}, not a four-digit municipal code: municipal boundaries change only \
                         from a file with one feature per municipality code"
                    ),
                    format!(
                        "{name:?} har {bad:?}, ingen fyrsiffrig kommunkod: kommungränserna ändras bara från en fil \
                         med ett objekt per kommunkod"
                    ),
                ));
            }
        }
        if let Level::Custom(level) = &self.level
            && level.trim().is_empty()
        {
            return Err(Said::new(
                "the custom level needs a name",
                "den egna nivån behöver ett namn",
            ));
        }
        Ok(())
    }

    /// One line for the report: which attribute gave what, and the level.
    pub fn describe(&self, table: &FeatureTable) -> Said {
        let (mut en, mut sv) = (Vec::new(), Vec::new());
        for (role, what_en, what_sv) in [
            (AttributeRole::Code, "area codes", "områdeskoder"),
            (AttributeRole::Name, "names", "namn"),
            (AttributeRole::Kommun, "municipality", "kommun"),
            (
                AttributeRole::Parent,
                "parent area codes",
                "överordnade områdeskoder",
            ),
        ] {
            if let Some(a) = self.attribute(table, role) {
                en.push(format!("{what_en} from the attribute {a:?}"));
                sv.push(format!("{what_sv} från attributet {a:?}"));
            }
        }
        let (level_en, level_sv) = match &self.level {
            Level::Custom(name) => (format!("custom level {name:?}"), format!("egen nivå {name:?}")),
            other => (
                format!("{} level", other.report_name()),
                format!("nivån {}", other.report_name_sv()),
            ),
        };
        Said::new(
            format!("{}; read as the {level_en}", en.join(", ")),
            format!("{}; inläst som {level_sv}", sv.join(", ")),
        )
    }
}

/// Why no attribute could be the code, naming what was found.
fn no_code_message(table: &FeatureTable) -> String {
    let repeated: Vec<String> = (0..table.attributes.len())
        .filter(|i| looks_like_code(&table.attributes[*i]))
        .filter_map(|i| {
            let (value, times) = table.repeated_value(i)?;
            Some(format!("{} ({times} × {value:?})", table.attributes[i]))
        })
        .collect();
    let mut text = format!(
        "no attribute holds a unique area code (expected one of {}, or an attribute such as omrade_kod, \
         nyko, code or id with one value per feature); attributes found: {}",
        SCB_CODES.map(|(k, _)| k).join(", "),
        table.attributes.join(", ")
    );
    if !repeated.is_empty() {
        text.push_str(&format!("; these repeat values: {}", repeated.join(", ")));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(attributes: &[&str], rows: &[&[&str]]) -> FeatureTable {
        FeatureTable {
            attributes: attributes.iter().map(|a| a.to_string()).collect(),
            features: rows
                .iter()
                .enumerate()
                .map(|(i, r)| RawFeature {
                    number: i + 1,
                    label: None,
                    values: r
                        .iter()
                        .map(|v| Some(v.to_string()).filter(|v| !v.is_empty()))
                        .collect(),
                    geometry: Ok(MultiPolygon(vec![])),
                })
                .collect(),
        }
    }

    fn role_names(roles: &BoundaryRoles, t: &FeatureTable) -> Vec<(AttributeRole, String)> {
        roles
            .roles
            .iter()
            .zip(&t.attributes)
            .filter(|(r, _)| **r != AttributeRole::Unused)
            .map(|(r, a)| (*r, a.clone()))
            .collect()
    }

    #[test]
    fn shapefile_capitals_are_recognised_like_geojson_lower_case() {
        let t = table(
            &["DESOKOD", "REGSOKOD", "KOMMUNKOD", "REGSONAMN", "LANSKOD"],
            &[
                &["1480C1622", "1480R042", "1480", "Centrum", "14"],
                &["1480C1623", "1480R042", "1480", "Centrum", "14"],
            ],
        );
        let roles = BoundaryRoles::recognise(&t, "x").expect("roles");
        assert_eq!(roles.level, Level::Deso);
        assert_eq!(
            role_names(&roles, &t),
            vec![
                (AttributeRole::Code, "DESOKOD".into()),
                (AttributeRole::Parent, "REGSOKOD".into()),
                (AttributeRole::Kommun, "KOMMUNKOD".into()),
                (AttributeRole::Name, "REGSONAMN".into()),
            ]
        );
        let mut report = ValidationReport::new("t", "test");
        let layer = t.layer(&roles, &mut report).expect("layer");
        let area = &layer.areas[0];
        assert_eq!(area.name, "1480C1622 (Centrum)");
        assert_eq!(area.kommun.as_deref(), Some("1480"));
        assert_eq!(area.parent.as_deref(), Some("1480R042"));
        assert_eq!(layer.parent_level, Some(Level::Regso));
    }

    #[test]
    fn a_municipalitys_own_division_is_a_custom_level_not_municipal_boundaries() {
        // Base areas of one city: the municipal code repeats, so it cannot be the area code.
        let t = table(
            &[
                "kommun_kod",
                "omrade_kod",
                "omrade_namn",
                "stadsomrade_kod",
                "primaromrade_kod",
                "id",
            ],
            &[
                &["1480", "101", "Inom Vallgraven", "1", "11", "1"],
                &["1480", "102", "Nordstaden", "1", "11", "2"],
                &["1480", "201", "Majorna", "2", "21", "3"],
            ],
        );
        let roles = BoundaryRoles::recognise(&t, "Basområde").expect("roles");
        assert_eq!(roles.level, Level::Custom("Basområde".into()));
        assert_eq!(
            role_names(&roles, &t),
            vec![
                (AttributeRole::Kommun, "kommun_kod".into()),
                (AttributeRole::Code, "omrade_kod".into()),
                (AttributeRole::Name, "omrade_namn".into()),
                (AttributeRole::Parent, "primaromrade_kod".into()),
            ]
        );
        let mut report = ValidationReport::new("t", "test");
        let layer = t.layer(&roles, &mut report).expect("layer");
        assert_eq!(layer.areas[2].name, "Majorna");
        assert_eq!(layer.areas[2].municipality_code(), Some("1480"));
        assert!(report.to_text().contains("custom level \"Basområde\""));
    }

    #[test]
    fn a_feature_without_its_code_is_skipped_not_the_whole_file_refused() {
        let t = table(
            &["desokod", "kommunkod"],
            &[&["1480C0001", "1480"], &["", "1480"], &["1480C0003", "1480"]],
        );
        let roles = BoundaryRoles::recognise(&t, "x").expect("still DeSO");
        assert_eq!(roles.level, Level::Deso);
        let mut report = ValidationReport::new("t", "test");
        let layer = t.layer(&roles, &mut report).expect("layer");
        assert_eq!((layer.len(), report.rows_skipped), (2, 1));
        assert!(
            report
                .to_text()
                .contains("feature 2: attribute \"desokod\" is missing or empty")
        );
    }

    #[test]
    fn an_attribute_whose_values_repeat_is_refused_as_the_code() {
        let t = table(&["kommunkod", "namn"], &[&["1480", "A"], &["1480", "B"]]);
        let e = BoundaryRoles::recognise(&t, "x").expect_err("no unique code");
        assert!(e.contains("no attribute holds a unique area code"), "{e}");
        assert!(e.contains("kommunkod (2 × \"1480\")"), "{e}");
        let forced = BoundaryRoles {
            roles: vec![AttributeRole::Code, AttributeRole::Name],
            level: Level::Kommun,
        };
        let e = forced.check(&t).expect_err("refused");
        assert!(e.en.contains("2 features share the value \"1480\""), "{}", e.en);
        assert!(e.sv.contains("2 objekt har värdet \"1480\""), "{}", e.sv);
    }

    #[test]
    fn municipal_files_need_four_digit_codes_and_user_overrides_apply() {
        let t = table(
            &["kommunkod", "kommunnamn", "nyko"],
            &[&["1480", "Göteborg", "9"], &["1481", "Mölndal", "8"]],
        );
        let roles = BoundaryRoles::recognise(&t, "x").expect("roles");
        assert_eq!(roles.level, Level::Kommun);
        assert_eq!(roles.attribute(&t, AttributeRole::Name), Some("kommunnamn"));
        let user = roles
            .clone()
            .with_overrides(
                &t,
                &RoleOverrides {
                    code: Some("NYKO".into()),
                    level: Some("Primärområde".into()),
                    ..Default::default()
                },
            )
            .expect("known attribute");
        assert_eq!(user.attribute(&t, AttributeRole::Code), Some("nyko"));
        assert_eq!(
            user.attribute(&t, AttributeRole::Kommun),
            None,
            "no attribute has two roles"
        );
        assert_eq!(user.level, Level::Custom("Primärområde".into()));
        let as_kommun = BoundaryRoles {
            level: Level::Kommun,
            ..user.clone()
        };
        assert!(
            as_kommun
                .check(&t)
                .expect_err("9 is no municipal code")
                .en
                .contains("\"9\"")
        );
        assert!(
            roles
                .with_overrides(
                    &t,
                    &RoleOverrides {
                        name: Some("namn".into()),
                        ..Default::default()
                    }
                )
                .expect_err("unknown")
                .contains("no attribute \"namn\"")
        );
    }
}
