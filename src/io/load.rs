//! Reading a user's file by its format and adding it to the atlas, with the checks that need
//! the atlas (unknown area codes, indicators without catalogue entry, impossible values).
use std::collections::BTreeMap;
use std::path::Path;

use super::attributes::{BoundaryRoles, FeatureTable, RoleOverrides, custom_level_name};
use super::validate::{Said, Severity, ValidationReport, closest};
use super::{LoadError, read_bytes, read_text};
use crate::model::{
    AreaLayer, Atlas, Domain, Indicator, Level, Observations, Period, Polarity, REGION_GR, REGION_SWEDEN,
    is_gr_municipality,
};

/// What a file held.
pub enum Content {
    Boundaries(Boundaries),
    Observations(Observations),
    /// Activities (verksamheter): a list, or GeoJSON points.
    Activities(Vec<crate::model::Activity>),
}

/// A boundary file read: its layer as the attributes' roles give it, and what the layer was
/// built from, so that the roles can be changed (import dialog) before anything is merged.
pub struct Boundaries {
    pub layer: AreaLayer,
    pub table: FeatureTable,
    pub roles: BoundaryRoles,
    /// What the reader found before any role was given (CRS, unreadable features).
    read_report: ValidationReport,
    /// Whether the file is none of SCB's levels and nobody has said what it is: the app asks
    /// (boundary import dialog) before merging.
    pub needs_confirmation: bool,
}

impl Boundaries {
    fn new(
        file: &str,
        table: FeatureTable,
        read_report: ValidationReport,
        overrides: &RoleOverrides,
    ) -> Result<(Self, ValidationReport), LoadError> {
        let format_error = |what: String| LoadError::Format {
            file: file.into(),
            what,
        };
        let roles = match BoundaryRoles::recognise(&table, &custom_level_name(file)) {
            Ok(roles) => roles,
            // Nothing recognised, but the user named the code attribute.
            Err(_) if overrides.code.is_some() => BoundaryRoles::unassigned(&table, &custom_level_name(file)),
            Err(what) => return Err(format_error(what)),
        }
        .with_overrides(&table, overrides)
        .map_err(format_error)?;
        let needs_confirmation = roles.level.is_custom() && overrides.is_empty();
        let mut boundaries = Self {
            layer: AreaLayer::new(Level::Kommun, Vec::new()),
            table,
            roles: roles.clone(),
            read_report,
            needs_confirmation,
        };
        let report = boundaries.set_roles(roles).map_err(format_error)?;
        Ok((boundaries, report))
    }

    /// Build the layer again with other roles; the new report replaces the old one.
    pub fn set_roles(&mut self, roles: BoundaryRoles) -> Result<ValidationReport, String> {
        let mut report = self.read_report.clone();
        self.layer = self.table.layer(&roles, &mut report)?;
        self.roles = roles;
        super::geometry_check::check_layer(&self.layer, &mut report);
        Ok(report)
    }
}

pub struct Loaded {
    pub content: Content,
    pub report: ValidationReport,
}

/// What a loaded file added to the atlas, so that it can be listed and removed again.
#[derive(Clone, Debug, PartialEq)]
pub enum Added {
    Layer(Level),
    Indicators(Vec<String>),
    /// Activities read from the file (named by it), and how many.
    Activities(String, usize),
    Nothing,
}

/// A file the user loaded: what it added and what its check found.
#[derive(Clone, Debug)]
pub struct Dataset {
    pub added: Added,
    pub report: ValidationReport,
}

/// Take out what a dataset added: its layer (not the municipalities, which the map needs),
/// or its indicators with their catalogue entries.
pub fn remove(atlas: &mut Atlas, dataset: &Dataset) -> Result<(), String> {
    match &dataset.added {
        Added::Layer(Level::Kommun) => Err("the municipal layer stays: the map is built on it".into()),
        Added::Layer(level) => {
            atlas.layers.retain(|l| l.level != *level);
            atlas.link_levels();
            Ok(())
        }
        Added::Indicators(ids) => {
            for id in ids {
                atlas.remove_indicator(id).map_err(|e| e.to_string())?;
            }
            Ok(())
        }
        Added::Activities(file, _) => {
            atlas.activities.retain(|a| a.source != *file);
            Ok(())
        }
        Added::Nothing => Ok(()),
    }
}

/// How files are added to the atlas.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// Keep areas outside GR from a national boundary file (by default only GR's are kept).
    pub all_sweden: bool,
    /// Draw DeSO/RegSO areas as given, over the sea too (by default clipped to land).
    pub keep_sea: bool,
    /// What the user said of boundary files' attributes and level (command line).
    pub roles: RoleOverrides,
    /// What a project says of particular boundary files (by path), over `roles`.
    pub roles_by_file: std::collections::HashMap<String, RoleOverrides>,
}

impl LoadOptions {
    /// The roles for the boundary file at `path`.
    pub fn roles_for(&self, path: &Path) -> &RoleOverrides {
        self.roles_by_file
            .get(&path.display().to_string())
            .unwrap_or(&self.roles)
    }
}

/// Read a file, choosing the reader by its extension and content.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    load_path_with(path, &RoleOverrides::default())
}

/// [`load_path`], with what the user said of a boundary file's attributes and level.
pub fn load_path_with(path: &Path, overrides: &RoleOverrides) -> Result<Loaded, LoadError> {
    let file = path.display().to_string();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "geojson" => {
            let text = read_text(path)?;
            if let Some(loaded) = activity_points(&file, &text)? {
                return Ok(loaded);
            }
            let (table, report) = super::geojson::read_table(&file, &text)?;
            boundaries(&file, table, report, overrides)
        }
        "json" => {
            // One extension, three formats: tell them apart by their members.
            let text = read_text(path)?;
            let doc: serde_json::Value = serde_json::from_str(&text).map_err(|e| LoadError::Line {
                file: file.clone(),
                line: e.line(),
                what: format!("not valid JSON: {e}"),
            })?;
            if super::kolada::looks_like_kolada(&doc) {
                let (observations, report) = super::kolada::parse(&file, &doc)?;
                Ok(Loaded {
                    content: Content::Observations(observations),
                    report,
                })
            } else if super::jsonstat::looks_like_jsonstat(&doc) {
                let stem = path
                    .file_stem()
                    .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
                let (observations, report) = super::jsonstat::parse(&file, &doc, &indicator_id(&stem))?;
                Ok(Loaded {
                    content: Content::Observations(observations),
                    report,
                })
            } else if super::pxweb_v1::looks_like_pxweb_v1(&doc) {
                let (observations, report) = super::pxweb_v1::parse(&file, &doc)?;
                Ok(Loaded {
                    content: Content::Observations(observations),
                    report,
                })
            } else if super::activities::looks_like_points(&doc) {
                let (activities, report) = super::activities::parse_geojson(&file, &doc)?;
                Ok(Loaded {
                    content: Content::Activities(activities),
                    report,
                })
            } else if doc.get("type").is_some() {
                let (table, report) = super::geojson::read_table(&file, &text)?;
                boundaries(&file, table, report, overrides)
            } else {
                Err(LoadError::Format {
                    file,
                    what: unknown_json(&doc),
                })
            }
        }
        "gpkg" | "shp" => {
            let (table, report) = if ext == "gpkg" {
                super::geopackage::read_table(path)?
            } else {
                super::shp::read_table(path)?
            };
            boundaries(&file, table, report, overrides)
        }
        "parquet" => {
            let bytes = read_bytes(path)?;
            let (observations, report) = super::tidy::parse_parquet(&file, &bytes)?;
            Ok(Loaded {
                content: Content::Observations(observations),
                report,
            })
        }
        "xlsx" => {
            // Spreadsheets hold activity lists here (tables come as CSV, Parquet or JSON).
            let bytes = read_bytes(path)?;
            let (activities, report) = super::activities::parse_xlsx(&file, &bytes)?;
            Ok(Loaded {
                content: Content::Activities(activities),
                report,
            })
        }
        "csv" | "txt" => {
            let bytes = read_bytes(path)?;
            if looks_like_activity_table(&bytes) {
                let (activities, report) = super::activities::parse_csv(&file, &bytes)?;
                return Ok(Loaded {
                    content: Content::Activities(activities),
                    report,
                });
            }
            let (observations, report) = if super::pxweb::looks_like_pxweb(&bytes) {
                let stem = path
                    .file_stem()
                    .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
                super::pxweb::parse(&file, &bytes, &indicator_id(&stem))?
            } else {
                super::tidy::parse_csv(&file, &bytes)?
            };
            Ok(Loaded {
                content: Content::Observations(observations),
                report,
            })
        }
        _ => Err(LoadError::Format {
            file,
            what: format!(
                "unknown file type {ext:?} (expected tables as .csv, .parquet or .json, boundaries as .geojson, .gpkg or .shp, activities as .csv, .xlsx or .geojson)"
            ),
        }),
    }
}

/// Whether a CSV's first line is an activity list's header.
fn looks_like_activity_table(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let (text, _) = super::pxweb::decode(head);
    text.lines().next().is_some_and(|line| {
        let header = super::pxweb::split_fields(line, super::pxweb::separator(line));
        super::activities::looks_like_activities(&header)
    })
}

/// A GeoJSON of points only is a set of activities; areas are read as boundaries. Only text
/// without polygons is parsed here, so boundary files are not parsed twice.
fn activity_points(file: &str, text: &str) -> Result<Option<Loaded>, LoadError> {
    if text.contains("Polygon") || !text.contains("\"Point\"") {
        return Ok(None);
    }
    let Ok(doc) = serde_json::from_str::<serde_json::Value>(text) else {
        return Ok(None);
    };
    if !super::activities::looks_like_points(&doc) {
        return Ok(None);
    }
    let (activities, report) = super::activities::parse_geojson(file, &doc)?;
    Ok(Some(Loaded {
        content: Content::Activities(activities),
        report,
    }))
}

fn boundaries(
    file: &str,
    table: FeatureTable,
    read_report: ValidationReport,
    overrides: &RoleOverrides,
) -> Result<Loaded, LoadError> {
    let (boundaries, report) = Boundaries::new(file, table, read_report, overrides)?;
    Ok(Loaded {
        content: Content::Boundaries(boundaries),
        report,
    })
}

/// One message for a JSON of no format segkarta reads: the formats tried, the keys found.
fn unknown_json(doc: &serde_json::Value) -> String {
    let found = match doc {
        serde_json::Value::Object(o) if o.is_empty() => "an empty object".to_string(),
        serde_json::Value::Object(o) => format!(
            "top-level keys {}",
            o.keys().map(|k| format!("{k:?}")).collect::<Vec<_>>().join(", ")
        ),
        serde_json::Value::Array(a) => format!("a list of {} items, not an object", a.len()),
        other => format!("a single value ({other}), not an object"),
    };
    format!(
        "not a JSON format segkarta reads; tried Kolada (\"values\" with kpi, municipality, period), \
         JSON-stat 2.0 (\"id\", \"size\", \"dimension\", \"value\"), PxWeb API v1 (\"columns\", \"data\") and \
         GeoJSON (\"type\": \"FeatureCollection\"); found {found}"
    )
}

/// An indicator id from a file name: lower case, letters and digits, `_` between words.
pub fn indicator_id(name: &str) -> String {
    let mut id = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('_') && !id.is_empty() {
            id.push('_');
        }
    }
    let id = id.trim_end_matches('_').to_string();
    if id.is_empty() { "importerad".into() } else { id }
}

/// The domain unknown indicators are filed under until the user catalogues them.
pub const IMPORTED_DOMAIN: &str = "importerat";

/// Add loaded content to the atlas; findings that need the atlas go into the report.
pub fn merge(atlas: &mut Atlas, loaded: Loaded, options: &LoadOptions) -> ValidationReport {
    merge_dataset(atlas, loaded, options).report
}

/// [`merge`], also saying what was added.
pub fn merge_dataset(atlas: &mut Atlas, loaded: Loaded, options: &LoadOptions) -> Dataset {
    let Loaded { content, mut report } = loaded;
    let added = match content {
        Content::Boundaries(boundaries) => {
            let level = boundaries.layer.level.clone();
            merge_layer(atlas, boundaries.layer, options, &mut report);
            atlas.link_levels();
            if let Some(layer) = atlas.layer(&level)
                && let Some(parent) = &layer.parent_level
            {
                report.note(
                    "levels_linked",
                    Said::new(
                        format!(
                            "{} areas lie in areas of the {} level (by their parent codes): values roll up to it",
                            level.report_name(),
                            parent.report_name()
                        ),
                        format!(
                            "områdena i {} ligger i områden på nivån {} (enligt koderna för överordnat område): \
                             värdena summeras upp dit",
                            level.report_name_sv(),
                            parent.report_name_sv()
                        ),
                    ),
                );
            }
            if atlas.layer(&level).is_some() {
                Added::Layer(level)
            } else {
                Added::Nothing
            }
        }
        Content::Observations(obs) => {
            let ids = obs.indicators().into_iter().map(str::to_string).collect();
            merge_observations(atlas, obs, &mut report);
            Added::Indicators(ids)
        }
        Content::Activities(list) => merge_activities(atlas, list, &mut report),
    };
    Dataset { added, report }
}

/// Add activities; a user's real list replaces the demo activities (real and invented never
/// mix). Served area codes that no loaded layer has are reported.
fn merge_activities(
    atlas: &mut Atlas,
    list: Vec<crate::model::Activity>,
    report: &mut ValidationReport,
) -> Added {
    if list.is_empty() {
        return Added::Nothing;
    }
    let demo = atlas.activities.iter().filter(|a| a.demo).count();
    if demo > 0 && list.iter().any(|a| !a.demo) {
        atlas.activities.retain(|a| !a.demo);
        report.warning(
            "replaces_demo_activities",
            Said::new(
                format!("the {demo} demo activities are replaced by this file's"),
                format!("de {demo} demoverksamheterna ersätts av filens"),
            ),
        );
    }
    let known = |code: &str| atlas.layers.iter().any(|l| l.index_of(code).is_some());
    let mut unknown: Vec<String> = list
        .iter()
        .flat_map(|a| a.areas.iter())
        .filter(|c| !known(c))
        .cloned()
        .collect();
    unknown.sort();
    unknown.dedup();
    if !unknown.is_empty() {
        report.summary(
            Severity::Warning,
            "activity_area_unknown",
            Said::new(
                format!(
                    "{} served area codes are in no loaded level (load their boundaries to count them per area), e.g. {}",
                    unknown.len(),
                    unknown.iter().take(10).cloned().collect::<Vec<_>>().join(", ")
                ),
                format!(
                    "{} betjänade områdeskoder finns inte i någon inläst nivå (läs in deras gränser för att räkna dem per område), t.ex. {}",
                    unknown.len(),
                    unknown.iter().take(10).cloned().collect::<Vec<_>>().join(", ")
                ),
            ),
            unknown,
        );
    }
    let added = Added::Activities(report.file.clone(), list.len());
    atlas.activities.extend(list);
    added
}

/// Keep only the areas in GR's municipalities of a sub-municipal layer, unless all of Sweden
/// is asked for (by [`crate::model::Area::in_gr`]). Done before tessellating, so the mesh
/// matches the layer.
pub fn keep_to_gr(layer: &mut AreaLayer, options: &LoadOptions, report: &mut ValidationReport) {
    if layer.level != Level::Kommun && !options.all_sweden {
        let total = layer.len();
        let level = layer.level.clone();
        let kept: Vec<_> = std::mem::take(&mut layer.areas)
            .into_iter()
            .filter(|a| a.in_gr(&level))
            .collect();
        if kept.len() < total {
            report.note(
                "kept_to_gr",
                Said::new(
                    format!(
                        "kept the {} of {total} areas that lie in GR's 13 municipalities (the switch \"all of Sweden\" keeps every area)",
                        kept.len()
                    ),
                    format!(
                        "behöll de {} av {total} områden som ligger i GR:s 13 kommuner (valet \"hela Sverige\" behåller alla)",
                        kept.len()
                    ),
                ),
            );
        }
        *layer = AreaLayer::new(level, kept);
    }
}

fn merge_layer(
    atlas: &mut Atlas,
    mut layer: AreaLayer,
    options: &LoadOptions,
    report: &mut ValidationReport,
) {
    keep_to_gr(&mut layer, options, report);
    if layer.is_empty() {
        report.warning(
            "no_areas",
            Said::new("no areas left to show", "inga områden kvar att visa"),
        );
        return;
    }
    // Values are kept by area code: a division's code that another loaded level also has (a
    // made-up `2101` is Ockelbo's municipal code) is kept apart as `Level:code`, and tables
    // for the division are read onto it (`merge_observations`).
    if layer.level.is_custom() {
        let name = layer.level.report_name().into_owned();
        let mut kept_apart = Vec::new();
        let mut areas = std::mem::take(&mut layer.areas);
        for area in &mut areas {
            let elsewhere = atlas
                .layers
                .iter()
                .filter(|l| l.level != layer.level)
                .find_map(|l| {
                    l.get(&area.code)
                        .map(|other| format!("{} {}", l.level.report_name(), other.name))
                });
            if let Some(other) = elsewhere {
                let qualified = format!("{name}:{}", area.code);
                kept_apart.push(format!(
                    "{} → {qualified} ({} is also {other})",
                    area.code, area.code
                ));
                area.code_in_files = Some(std::mem::replace(&mut area.code, qualified));
            }
        }
        layer = AreaLayer::new(layer.level.clone(), areas);
        if !kept_apart.is_empty() {
            report.summary(
                Severity::Warning,
                "codes_kept_apart",
                Said::new(
                    format!(
                        "{} of the level's codes are also codes of other loaded areas: kept apart as \
                         \"{name}:code\", and a table whose codes are mostly this level's gives its values to these \
                         areas, not to the others",
                        kept_apart.len()
                    ),
                    format!(
                        "{} av nivåns koder är också koder för andra inlästa områden: hålls isär som \
                         \"{name}:kod\", och en tabell vars koder mest är den här nivåns ger sina värden till dessa \
                         områden, inte till de andra",
                        kept_apart.len()
                    ),
                ),
                kept_apart,
            );
        }
    }
    match atlas.layers.iter_mut().find(|l| l.level == layer.level) {
        // Municipal boundaries update the ones there by code: the embedded layer keeps the
        // rest of Sweden as context.
        Some(existing) if layer.level == Level::Kommun => {
            let mut areas = std::mem::take(&mut existing.areas);
            let (mut replaced, mut added) = (Vec::new(), Vec::new());
            for area in layer.areas {
                match areas.iter_mut().find(|a| a.code == area.code) {
                    Some(old) => {
                        replaced.push(format!("{} {}", old.code, old.name));
                        *old = area;
                    }
                    None => {
                        added.push(format!("{} {}", area.code, area.name));
                        areas.push(area);
                    }
                }
            }
            let listed = |names: &[String], and: &str| {
                let shown: Vec<&str> = names.iter().take(13).map(String::as_str).collect();
                let more = names.len().saturating_sub(shown.len());
                let tail = if more > 0 {
                    format!(" {and} {more}")
                } else {
                    String::new()
                };
                if names.is_empty() {
                    String::new()
                } else {
                    format!(" ({}{tail})", shown.join(", "))
                }
            };
            report.note(
                "municipalities_replaced",
                Said::new(
                    format!(
                        "municipal boundaries: {} replaced{}, {} added{}",
                        replaced.len(),
                        listed(&replaced, "and more:"),
                        added.len(),
                        listed(&added, "and more:")
                    ),
                    format!(
                        "kommungränser: {} ersatta{}, {} tillagda{}",
                        replaced.len(),
                        listed(&replaced, "och fler:"),
                        added.len(),
                        listed(&added, "och fler:")
                    ),
                ),
            );
            *existing = AreaLayer::new(Level::Kommun, areas);
        }
        Some(existing) => {
            report.note(
                "layer_replaced",
                Said::new(
                    format!("replaces the {} layer loaded before", layer.level.report_name()),
                    format!(
                        "ersätter lagret {} som lästes in tidigare",
                        layer.level.report_name_sv()
                    ),
                ),
            );
            *existing = layer;
        }
        None => atlas.layers.push(layer),
    }
}

/// The codes of a table that name kept-apart areas of a custom level (`2101` for
/// `Basomraden:2101`), when the table is that level's: more of its codes name the level's
/// areas than any other level's.
fn codes_for_custom_levels(atlas: &Atlas, obs: &Observations) -> std::collections::HashMap<String, String> {
    let mut renamed = std::collections::HashMap::new();
    let Ok(codes) = obs.table().column("area_code").and_then(|c| c.str().cloned()) else {
        return renamed;
    };
    let distinct: std::collections::BTreeSet<&str> = (0..codes.len()).filter_map(|i| codes.get(i)).collect();
    for layer in atlas
        .layers
        .iter()
        .filter(|l| l.areas.iter().any(|a| a.code_in_files.is_some()))
    {
        let own = distinct
            .iter()
            .filter(|c| layer.get_from_file(c).is_some())
            .count();
        let best_other = atlas
            .layers
            .iter()
            .filter(|l| l.level != layer.level)
            .map(|l| distinct.iter().filter(|c| l.index_of(c).is_some()).count())
            .max()
            .unwrap_or(0);
        if own > best_other {
            for area in &layer.areas {
                if let Some(file_code) = &area.code_in_files
                    && distinct.contains(file_code.as_str())
                {
                    renamed.insert(file_code.clone(), area.code.clone());
                }
            }
        }
    }
    renamed
}

fn merge_observations(atlas: &mut Atlas, mut obs: Observations, report: &mut ValidationReport) {
    let renamed = codes_for_custom_levels(atlas, &obs);
    if !renamed.is_empty() {
        match obs.rename_areas(&renamed) {
            Ok(()) => {
                let mut pairs: Vec<String> = renamed
                    .iter()
                    .map(|(from, to)| format!("{from} → {to}"))
                    .collect();
                pairs.sort();
                report.summary(
                    Severity::Note,
                    "codes_read_onto_division",
                    Said::new(
                        format!(
                            "{} codes read as the areas of the division they belong to, not as the other \
                             level's areas of the same code",
                            renamed.len()
                        ),
                        format!(
                            "{} koder lästa som områden i den indelning de hör till, inte som den andra \
                             nivåns områden med samma kod",
                            renamed.len()
                        ),
                    ),
                    pairs,
                );
            }
            Err(e) => report.warning(
                "codes_not_read_onto_division",
                Said::new(
                    format!("could not read codes onto the division's areas: {e}"),
                    format!("kunde inte läsa koderna till indelningens områden: {e}"),
                ),
            ),
        }
    }
    for id in obs.indicators() {
        // Real values never mix with invented ones: a user's file replaces a demo indicator of
        // the same id, catalogue entry and all (its demo description may not fit the file).
        if let Some(demo) = atlas.catalogue.indicator(id).filter(|i| i.demo).cloned() {
            if let Err(e) = atlas.remove_indicator(id) {
                report.warning(
                    "demo_not_removed",
                    Said::new(
                        format!("could not remove the demo values of {id:?}: {e}"),
                        format!("kunde inte ta bort demovärdena för {id:?}: {e}"),
                    ),
                );
            }
            report.warning(
                "replaces_demo",
                Said::new(
                    format!("indicator {id:?} replaces the demo indicator of the same id: its demo values are removed"),
                    format!("indikatorn {id:?} ersätter demoindikatorn med samma id: dess demovärden tas bort"),
                ),
            );
            // The real values take over the entry (domain, names, unit, polarity, rule), with the
            // file as source; only the demo mark and the demo's own description go.
            atlas.catalogue.indicators.push(Indicator {
                demo: false,
                source: report.file.clone(),
                licence: String::new(),
                description_sv: format!("Inläst från {}.", report.file),
                description_en: format!("Read from {}.", report.file),
                dimensions: obs.group_bys(id),
                ..demo
            });
        }
        if atlas.catalogue.indicator(id).is_none() {
            let mut placeholder = placeholder_indicator(id, &report.file);
            placeholder.dimensions = obs.group_bys(id);
            if let Some(name) = obs.names.get(id) {
                placeholder.sv = name.clone();
                placeholder.en = name.clone();
            }
            if obs.has_margins(id) {
                // Margins of error make it a survey: intervals, tests and the usual threshold.
                placeholder.survey = true;
                placeholder.suppress_below = Some(DEFAULT_SUPPRESS_BELOW);
                report.note(
                    "survey_indicator",
                    Said::new(
                        format!(
                            "{id:?} has margins of error: read as a survey at 95 % confidence; values from fewer than {DEFAULT_SUPPRESS_BELOW} respondents are held back"
                        ),
                        format!(
                            "{id:?} har felmarginaler: läses som en enkät med 95 % konfidensnivå; värden från färre än {DEFAULT_SUPPRESS_BELOW} svarande visas inte"
                        ),
                    ),
                );
            }
            let unit = match obs.units.get(id) {
                Some(u) => {
                    placeholder.unit_sv = u.clone();
                    placeholder.unit_en = u.clone();
                    if placeholder.is_percent() {
                        (placeholder.min, placeholder.max) = (0.0, 100.0);
                    }
                    // Counts can be added up from sub-areas to municipalities.
                    if ["personer", "antal", "st", "persons", "count"].contains(&u.to_lowercase().as_str()) {
                        placeholder.aggregation = crate::model::Aggregation::Sum;
                        placeholder.decimals = 0;
                        report.note(
                            "count_indicator",
                            Said::new(
                                format!(
                                    "{id:?} is a count ({u}): municipal values can be summed from sub-areas"
                                ),
                                format!(
                                    "{id:?} är ett antal ({u}): kommunvärden kan summeras från delområden"
                                ),
                            ),
                        );
                    }
                    (format!("the file's unit {u:?}"), format!("filens enhet {u:?}"))
                }
                None => ("no unit".to_string(), "ingen enhet".to_string()),
            };
            report.warning(
                "no_catalogue_entry",
                Said::new(
                    format!(
                        "indicator {id:?} has no catalogue entry: shown under \"Importerade\" with neutral colours and {}",
                        unit.0
                    ),
                    format!(
                        "indikatorn {id:?} finns inte i katalogen: visas under \"Importerade\" med neutrala färger och {}",
                        unit.1
                    ),
                ),
            );
            atlas.catalogue.indicators.push(placeholder);
        }
    }
    if atlas
        .catalogue
        .indicators
        .iter()
        .any(|i| i.domain == IMPORTED_DOMAIN)
        && atlas.catalogue.domain(IMPORTED_DOMAIN).is_none()
    {
        atlas.catalogue.domains.push(Domain {
            id: IMPORTED_DOMAIN.into(),
            sv: "Importerade".into(),
            en: "Imported".into(),
        });
    }
    if obs.duplicates > 0 {
        report.warning(
            "repeated_rows",
            Said::new(
                format!(
                    "{} rows repeat an area, indicator, group and period given earlier in the file with another value: the later value is used",
                    obs.duplicates
                ),
                format!(
                    "{} rader upprepar ett område, en indikator, grupp och period från tidigare i filen med ett annat värde: det senare värdet används",
                    obs.duplicates
                ),
            ),
        );
    }
    check_missing_periods(&obs, report);
    note_sub_annual_periods(atlas, &obs, report);
    check_ranges(atlas, &obs, report);
    check_area_codes(atlas, &obs, report);
    if let Err(e) = atlas.observations.extend(obs) {
        report.warning(
            "rows_not_added",
            Said::new(
                format!("could not add the rows to the table: {e}"),
                format!("kunde inte lägga till raderna i tabellen: {e}"),
            ),
        );
    }
    for (id, count) in atlas.suppress_small_samples() {
        let below = atlas
            .catalogue
            .indicator(&id)
            .and_then(|i| i.suppress_below)
            .map_or(String::new(), |b| format!(" {b}"));
        report.note(
            "suppressed_small_samples",
            Said::new(
                format!(
                    "survey values of {id:?} from fewer than{below} respondents: {count}, shown as \"too few answers\", not mapped, ranked or scored"
                ),
                format!(
                    "enkätvärden för {id:?} från färre än{below} svarande: {count}, visas som \"för få svar\", inte på kartan, i rangordningar eller poäng"
                ),
            ),
        );
    }
}

/// The suppression threshold of a survey indicator that no catalogue entry describes: the
/// common rule in Swedish survey reporting (fewer than 30 answers are not shown).
pub const DEFAULT_SUPPRESS_BELOW: f64 = 30.0;

fn placeholder_indicator(id: &str, file: &str) -> Indicator {
    Indicator {
        id: id.into(),
        sv: id.into(),
        en: id.into(),
        domain: IMPORTED_DOMAIN.into(),
        unit_sv: String::new(),
        unit_en: String::new(),
        polarity: Polarity::Neutral,
        age_band: String::new(),
        source: file.into(),
        licence: String::new(),
        description_sv: String::new(),
        description_en: String::new(),
        demo: false,
        dimensions: Vec::new(),
        decimals: 1,
        min: f64::MIN,
        max: f64::MAX,
        aggregation: Default::default(),
        survey: false,
        confidence: 95.0,
        suppress_below: None,
        from_activities: false,
        categories: Vec::new(),
        over_time: Default::default(),
        annual_of: None,
    }
}

/// Areas that lack periods other areas have, per indicator (a few listed, the rest counted).
fn check_missing_periods(obs: &Observations, report: &mut ValidationReport) {
    for id in obs.indicators() {
        let gaps = obs.missing_periods(id);
        const LISTED: usize = 5;
        for (area, periods) in gaps.iter().take(LISTED) {
            let periods: Vec<String> = periods.iter().map(Period::to_string).collect();
            let periods = periods.join(", ");
            report.warning(
                "missing_periods",
                Said::new(
                    format!("{id:?}: area {area} has no value for {periods}"),
                    format!("{id:?}: området {area} saknar värde för {periods}"),
                ),
            );
        }
        if gaps.len() > LISTED {
            let more = gaps.len() - LISTED;
            report.warning(
                "missing_periods_more",
                Said::new(
                    format!("{id:?}: {more} more areas lack some periods"),
                    format!("{id:?}: {more} områden till saknar några perioder"),
                ),
            );
        }
    }
}

/// Indicators that come by month, quarter, half-year or date: which periods, and how their
/// annual view is made (the catalogue's rule) with how many area-years it leaves out.
fn note_sub_annual_periods(atlas: &Atlas, obs: &Observations, report: &mut ValidationReport) {
    for id in obs.indicators() {
        let periods = obs.periods(id);
        let (Some(first), Some(last)) = (periods.first(), periods.last()) else {
            continue;
        };
        if periods.iter().all(|p| p.is_year()) {
            continue;
        }
        let Some(indicator) = atlas.catalogue.indicator(id) else {
            continue;
        };
        let view = crate::analysis::annual::annual_view(obs, indicator);
        let (rule_en, rule_sv) = match indicator.over_time {
            crate::model::OverTime::Mean => ("the mean", "medelvärdet"),
            crate::model::OverTime::Sum => ("the sum (a flow)", "summan (ett flöde)"),
        };
        let (n, annual) = (periods.len(), crate::analysis::annual::annual_id(id));
        let (left_en, left_sv) = if view.incomplete > 0 {
            (
                format!("; {} area-years missing a period are left out", view.incomplete),
                format!("; {} områdesår där en period saknas utelämnas", view.incomplete),
            )
        } else {
            (String::new(), String::new())
        };
        report.note(
            "sub_annual_periods",
            Said::new(
                format!(
                    "{id:?} has {n} periods from {first} to {last}: its annual view {annual:?} is {rule_en} of each whole year{left_en}"
                ),
                format!(
                    "{id:?} har {n} perioder från {first} till {last}: dess årsvärden {annual:?} är {rule_sv} av varje helt år{left_sv}"
                ),
            ),
        );
    }
}

/// Values outside what the unit allows (a share above 100 %), counted per indicator.
fn check_ranges(atlas: &Atlas, obs: &Observations, report: &mut ValidationReport) {
    let table = obs.table();
    let (Ok(ind), Ok(val)) = (table.column("indicator"), table.column("value")) else {
        return;
    };
    let (Ok(ind), Ok(val)) = (ind.str(), val.f64()) else {
        return;
    };
    let mut outside: BTreeMap<&str, (usize, f64)> = BTreeMap::new();
    for i in 0..table.height() {
        let (Some(id), Some(v)) = (ind.get(i), val.get(i)) else {
            continue;
        };
        if let Some(meta) = atlas.catalogue.indicator(id)
            && !(meta.min..=meta.max).contains(&v)
        {
            let e = outside.entry(id).or_insert((0, v));
            e.0 += 1;
        }
    }
    for (id, (count, example)) in outside {
        let meta = atlas.catalogue.indicator(id);
        let (lo, hi) = meta.map_or((f64::MIN, f64::MAX), |m| (m.min, m.max));
        let values = if count == 1 { "value" } else { "values" };
        let värden = if count == 1 { "värde" } else { "värden" };
        report.warning(
            "out_of_range",
            Said::new(
                format!("{count} {values} of {id:?} outside the possible {lo}–{hi} (for example {example})"),
                format!("{count} {värden} för {id:?} utanför det möjliga {lo}–{hi} (till exempel {example})"),
            ),
        );
    }
}

/// What an area code looks like, to say which level a table's codes belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum CodeKind {
    /// `1480C1622`: municipality, A/B/C, four digits.
    Deso,
    /// `1480R001`: municipality, R, three digits.
    Regso,
    /// `1480`.
    Kommun,
    /// Anything else: a municipality's own division, say.
    Other,
}

impl CodeKind {
    fn of(code: &str) -> Self {
        let b = code.as_bytes();
        let digits = |r: &[u8]| !r.is_empty() && r.iter().all(u8::is_ascii_digit);
        match b.len() {
            9 if digits(&b[..4]) && matches!(b[4], b'A' | b'B' | b'C') && digits(&b[5..]) => Self::Deso,
            8 if digits(&b[..4]) && b[4] == b'R' && digits(&b[5..]) => Self::Regso,
            4 if digits(b) => Self::Kommun,
            _ => Self::Other,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Deso => "DeSO",
            Self::Regso => "RegSO",
            Self::Kommun => "municipal",
            Self::Other => "other",
        }
    }

    /// Why codes of this kind match no loaded area: its level is not loaded, or they are of
    /// another edition. `one`: said of a single code.
    fn why_unknown(self, level_loaded: bool, latest_year: i32, one: bool) -> Said {
        let name = self.name();
        match (self, level_loaded) {
            (Self::Deso | Self::Regso, false) => {
                let (s, them, dem) = if one {
                    ("", "it", "den")
                } else {
                    ("s", "them", "dem")
                };
                Said::new(
                    format!("{name} code{s}: load {name} boundaries to show {them}"),
                    format!(
                        "{name}-kod{}: läs in {name}-gränser för att visa {dem}",
                        if one { "" } else { "er" }
                    ),
                )
            }
            (Self::Deso, true) if latest_year < 2024 => {
                let (what_en, what_sv) = if one {
                    ("a DeSO 2018 code", "en DeSO 2018-kod")
                } else {
                    ("DeSO 2018 codes", "DeSO 2018-koder")
                };
                Said::new(
                    format!(
                        "probably {what_en}: tables up to {latest_year} use the 2018 edition, and the 2025 revision \
                         gave some areas new codes"
                    ),
                    format!(
                        "troligen {what_sv}: tabeller till och med {latest_year} använder 2018 års version, och \
                         2025 års revision gav några områden nya koder"
                    ),
                )
            }
            (Self::Deso | Self::Regso, true) => Said::new(
                format!(
                    "{} of no loaded {name} edition",
                    if one { "a code" } else { "codes" }
                ),
                format!(
                    "{} ingen inläst {name}-version",
                    if one { "en kod i" } else { "koder i" }
                ),
            ),
            (Self::Kommun, _) => Said::new(
                if one {
                    "not a municipal code"
                } else {
                    "not municipal codes"
                },
                if one {
                    "ingen kommunkod"
                } else {
                    "inga kommunkoder"
                },
            ),
            (Self::Other, false) => Said::new(
                format!(
                    "{} of an area division whose boundaries are not loaded: load them to show {}",
                    if one { "a code" } else { "codes" },
                    if one { "its values" } else { "their values" }
                ),
                format!(
                    "{} en områdesindelning vars gränser inte är inlästa: läs in dem för att visa {}",
                    if one { "en kod i" } else { "koder i" },
                    if one { "dess värden" } else { "deras värden" }
                ),
            ),
            (Self::Other, true) => Said::new(
                "an older area edition, or boundaries not loaded yet",
                "en äldre områdesversion, eller gränser som inte lästs in än",
            ),
        }
    }
}

/// Area codes that match no loaded layer (with the closest known codes, and a word on DeSO
/// editions), and the GR areas of a matched layer that get no value from the file.
fn check_area_codes(atlas: &Atlas, obs: &Observations, report: &mut ValidationReport) {
    let table = obs.table();
    let (Ok(codes), Ok(periods)) = (
        table.column("area_code").and_then(|c| c.str().cloned()),
        table.column("period").and_then(|c| c.str().cloned()),
    ) else {
        return;
    };
    // Unknown code → (rows, latest year); matched codes per layer.
    let mut unknown: BTreeMap<&str, (usize, i32)> = BTreeMap::new();
    let mut matched: Vec<std::collections::HashSet<&str>> = vec![Default::default(); atlas.layers.len()];
    // Codes that name an area on more than one loaded level (a division's `2101` is also
    // Ockelbo's municipal code): their values show on each such level.
    let mut on_several_levels: std::collections::BTreeSet<&str> = Default::default();
    for i in 0..codes.len() {
        let Some(code) = codes.get(i) else { continue };
        if code == REGION_GR || code == REGION_SWEDEN {
            continue;
        }
        let mut known = 0;
        for (l, layer) in atlas.layers.iter().enumerate() {
            if layer.index_of(code).is_some() {
                matched[l].insert(code);
                known += 1;
            }
        }
        if known > 1 {
            on_several_levels.insert(code);
        }
        if known == 0 {
            let entry = unknown.entry(code).or_insert((0, i32::MIN));
            entry.0 += 1;
            let year = periods
                .get(i)
                .and_then(|p| Period::parse(p).ok())
                .map(Period::year);
            entry.1 = entry.1.max(year.unwrap_or(i32::MIN));
        }
    }
    if !on_several_levels.is_empty() {
        let details: Vec<String> = on_several_levels
            .iter()
            .map(|code| {
                let places: Vec<String> = atlas
                    .layers
                    .iter()
                    .filter_map(|l| {
                        l.get(code)
                            .map(|a| format!("{} {}", l.level.report_name(), a.name))
                    })
                    .collect();
                format!("{code}: {}", places.join(" & "))
            })
            .collect();
        let n = on_several_levels.len();
        report.summary(
            Severity::Warning,
            "codes_on_several_levels",
            Said::new(
                format!(
                    "{n} area codes name areas on more than one loaded level, so their values show on each of \
                     them (a division's own codes can equal municipal or other codes)"
                ),
                format!(
                    "{n} områdeskoder betecknar områden på mer än en inläst nivå, så deras värden visas på \
                     var och en (en egen indelnings koder kan vara samma som kommunkoder eller andra koder)"
                ),
            ),
            details,
        );
    }
    // Unknown codes by what they look like: one finding per kind, listing every code.
    let mut by_kind: BTreeMap<CodeKind, Vec<(&str, usize, i32)>> = BTreeMap::new();
    for (code, (rows, latest)) in &unknown {
        by_kind
            .entry(CodeKind::of(code))
            .or_default()
            .push((code, *rows, *latest));
    }
    for (kind, codes) in by_kind {
        let loaded = match kind {
            CodeKind::Deso => atlas.layer(&Level::Deso).is_some(),
            CodeKind::Regso => atlas.layer(&Level::Regso).is_some(),
            CodeKind::Kommun => true,
            CodeKind::Other => atlas.layers.iter().any(|l| l.level.is_custom()),
        };
        let latest = codes.iter().map(|c| c.2).max().unwrap_or(i32::MIN);
        let why = kind.why_unknown(loaded, latest, codes.len() == 1);
        let rows = |n: usize| if n == 1 { "row" } else { "rows" };
        let rader = |n: usize| if n == 1 { "rad" } else { "rader" };
        let suggestion = |code: &str| {
            let near = closest(
                code,
                atlas
                    .layers
                    .iter()
                    .flat_map(|l| l.areas.iter().map(|a| a.code.as_str())),
            );
            if near.is_empty() {
                String::new()
            } else {
                format!("; closest known: {}", near.join(", "))
            }
        };
        if let [(code, n, _)] = codes[..] {
            let near = suggestion(code);
            report.warning(
                "unknown_area_code",
                Said::new(
                    format!(
                        "area code {code:?} ({n} {}) matches no loaded area ({}){near}",
                        rows(n),
                        why.en
                    ),
                    format!(
                        "områdeskoden {code:?} ({n} {}) matchar inget inläst område ({}){}",
                        rader(n),
                        why.sv,
                        near.replace("; closest known:", "; närmaste kända:")
                    ),
                ),
            );
            continue;
        }
        let total_rows: usize = codes.iter().map(|c| c.1).sum();
        // The codes themselves are the same in both languages; the JSON keeps them in English.
        let details = codes
            .iter()
            .map(|(code, n, _)| format!("{code} ({n} {}{})", rows(*n), suggestion(code)))
            .collect();
        let count = codes.len();
        report.summary(
            Severity::Warning,
            "unknown_area_codes",
            Said::new(
                format!(
                    "{count} area codes ({total_rows} rows) match no loaded area ({})",
                    why.en
                ),
                format!(
                    "{count} områdeskoder ({total_rows} rader) matchar inget inläst område ({})",
                    why.sv
                ),
            ),
            details,
        );
    }
    // Geometry without data: GR areas of a layer the file speaks about that it leaves out.
    for (layer, matched) in atlas.layers.iter().zip(&matched) {
        // A level matched only through codes another level shares is not what the file is for.
        if matched.iter().all(|c| on_several_levels.contains(c)) {
            continue;
        }
        let in_gr: Vec<&str> = layer
            .areas
            .iter()
            .filter(|a| a.municipality_code().is_some_and(is_gr_municipality))
            .map(|a| a.code.as_str())
            .collect();
        let missing: Vec<&str> = in_gr.iter().copied().filter(|c| !matched.contains(c)).collect();
        if !missing.is_empty() {
            let examples: Vec<&str> = missing.iter().take(5).copied().collect();
            let examples = format!(
                "{}{}",
                examples.join(", "),
                if missing.len() > examples.len() {
                    ", …"
                } else {
                    ""
                }
            );
            let (n, of) = (missing.len(), in_gr.len());
            report.note(
                "areas_without_values",
                Said::new(
                    format!(
                        "{n} of {of} {} areas in GR have boundaries but no values in this file (shown as no data): {examples}",
                        layer.level.report_name()
                    ),
                    format!(
                        "{n} av {of} områden i GR på nivån {} har gränser men inga värden i filen (visas som uppgift saknas): {examples}",
                        layer.level.report_name_sv()
                    ),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, text: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("segkarta-load-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write");
        path
    }

    /// The embedded atlas with one CSV merged into it, and the report.
    fn merged(name: &str, csv: &str) -> (Atlas, ValidationReport) {
        let mut atlas = crate::io::embedded::atlas().expect("embedded");
        let report = merge(
            &mut atlas,
            load_path(&write(name, csv)).expect("loads"),
            &LoadOptions::default(),
        );
        (atlas, report)
    }

    #[test]
    fn unknown_codes_indicators_and_impossible_shares_are_reported() {
        let (atlas, report) = merged(
            "t.csv",
            "area_code,indicator,year,group_by,group,value,unit\n\
             1480,andel_x,2024,total,total,120,procent\n\
             1408,andel_x,2024,total,total,80,procent\n\
             1481,nytt_matt,2024,total,total,5,\n",
        );
        let text = report.to_text();
        assert!(
            text.contains("1 value of \"andel_x\" outside the possible 0–100 (for example 120)"),
            "{text}"
        );
        assert!(
            text.contains("area code \"1408\" (1 row) matches no loaded area"),
            "{text}"
        );
        assert!(text.contains("closest known: 1401, 1402, 1407"), "{text}");
        assert!(
            text.contains("indicator \"nytt_matt\" has no catalogue entry"),
            "{text}"
        );
        assert!(text.contains("and the file's unit \"procent\""), "{text}");
        let added = atlas.catalogue.indicator("nytt_matt").expect("placeholder");
        assert_eq!(added.domain, IMPORTED_DOMAIN);
        assert!(!added.demo);
        assert!(atlas.catalogue.domain(IMPORTED_DOMAIN).is_some());
    }

    #[test]
    fn deso_codes_of_the_2018_edition_and_areas_left_without_values_are_named() {
        let mut atlas = crate::io::embedded::atlas().expect("embedded");
        let square = || {
            geo::MultiPolygon(vec![geo::Polygon::new(
                geo::LineString::from(vec![(11.9, 57.7), (12.0, 57.7), (12.0, 57.8), (11.9, 57.7)]),
                vec![],
            )])
        };
        let areas = ["1480C0001", "1480C0002"]
            .iter()
            .map(|c| crate::model::Area::new(c.to_string(), c.to_string(), None, square()))
            .collect();
        atlas.layers.push(AreaLayer::new(Level::Deso, areas));
        let report = merge(
            &mut atlas,
            load_path(&write(
                "deso2018.csv",
                "area_code,indicator,year,group_by,group,value\n\
                 1480C0001,boende,2022,total,total,10\n\
                 1480C0990,boende,2021,total,total,11\n\
                 1480C0990,boende,2022,total,total,12\n",
            ))
            .expect("loads"),
            &LoadOptions::default(),
        );
        let text = report.to_text();
        assert!(
            text.contains(
                "area code \"1480C0990\" (2 rows) matches no loaded area (probably a DeSO 2018 code: \
                 tables up to 2022 use the 2018 edition"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "1 of 2 DeSO areas in GR have boundaries but no values in this file (shown as no data): 1480C0002"
            ),
            "{text}"
        );
    }

    #[test]
    fn real_values_replace_a_demo_indicator_of_the_same_id_entirely() {
        let (atlas, report) = merged(
            "f.csv",
            "area_code,indicator,year,group_by,group,value\n1480,forvarvsarbetande,2024,total,total,70\n",
        );
        assert!(
            report
                .to_text()
                .contains("replaces the demo indicator of the same id")
        );
        let key = crate::model::SeriesKey::total("forvarvsarbetande");
        assert_eq!(
            atlas.observations.value(&key, "1480", Period::Year(2024)),
            Some(70.0)
        );
        assert_eq!(
            atlas.observations.value(&key, "1481", Period::Year(2024)),
            None,
            "no demo value is left beside real ones"
        );
        assert_eq!(
            atlas.observations.periods("forvarvsarbetande"),
            &[Period::Year(2024)]
        );
        assert!(
            !atlas
                .catalogue
                .indicator("forvarvsarbetande")
                .expect("entry")
                .demo
        );
        let table = atlas.observations.table();
        assert_eq!(table.height(), atlas.observations.len());
        let ids = table
            .column("indicator")
            .expect("column")
            .str()
            .expect("text")
            .clone();
        assert_eq!(
            (0..ids.len())
                .filter(|i| ids.get(*i) == Some("forvarvsarbetande"))
                .count(),
            1
        );
    }

    #[test]
    fn duplicates_and_missing_years_are_reported() {
        let (atlas, report) = merged(
            "d.csv",
            "area_code,indicator,year,group_by,group,value\n1480,x,2023,total,total,1\n1480,x,2024,total,total,2\n1481,x,2024,total,total,3\n1481,x,2024,total,total,4\n",
        );
        let text = report.to_text();
        assert!(
            text.contains("1 rows repeat an area, indicator, group and period"),
            "{text}"
        );
        assert!(text.contains("\"x\": area 1481 has no value for 2023"), "{text}");
        let key = crate::model::SeriesKey::total("x");
        assert_eq!(
            atlas.observations.value(&key, "1481", Period::Year(2024)),
            Some(4.0),
            "the later value is used"
        );
    }

    #[test]
    fn national_boundaries_are_kept_to_gr_unless_asked() {
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"desokod":"1480C0001","kommunkod":"1480"},"geometry":{"type":"Polygon","coordinates":[[[11.9,57.7],[12.0,57.7],[12.0,57.8],[11.9,57.7]]]}},
          {"type":"Feature","properties":{"desokod":"0180C0001","kommunkod":"0180"},"geometry":{"type":"Polygon","coordinates":[[[18.0,59.3],[18.1,59.3],[18.1,59.4],[18.0,59.3]]]}}]}"#;
        let path = write("d.geojson", text);
        let mut atlas = crate::io::embedded::atlas().expect("embedded");
        let report = merge(
            &mut atlas,
            load_path(&path).expect("loads"),
            &LoadOptions::default(),
        );
        assert_eq!(atlas.layer(&Level::Deso).map(AreaLayer::len), Some(1));
        assert!(report.to_text().contains("kept the 1 of 2 areas"));
        merge(
            &mut atlas,
            load_path(&path).expect("loads"),
            &LoadOptions {
                all_sweden: true,
                ..LoadOptions::default()
            },
        );
        assert_eq!(
            atlas.layer(&Level::Deso).map(AreaLayer::len),
            Some(2),
            "replaced, not added"
        );
        assert!(load_path(&write("x.shp", "")).is_err());
    }
}
