//! The data compiled into the binary: municipal boundaries and the demo indicators.
use super::LoadError;
use crate::model::{Atlas, Level};

pub const KOMMUNER_GEOJSON: &str = include_str!("../../data/kommuner.geojson");
pub const CATALOGUE_JSON: &str = include_str!("../../data/catalogue.json");
pub const DEMO_OBSERVATIONS_CSV: &[u8] = include_bytes!("../../data/demo_observations.csv");
pub const DEMO_ACTIVITIES_CSV: &str = include_str!("../../data/demo_activities.csv");
pub const LAND_GR_GEOJSON: &str = include_str!("../../data/land_gr.geojson");

/// GR's coast and archipelago in detail (`data/land_gr.geojson`, from GSHHG), read once: what
/// DeSO and RegSO areas are clipped to when drawn. `None` only if the embedded file is broken.
pub fn land_outline() -> Option<&'static crate::map::clip::LandOutline> {
    use std::sync::OnceLock;
    static OUTLINE: OnceLock<Option<crate::map::clip::LandOutline>> = OnceLock::new();
    OUTLINE
        .get_or_init(|| {
            let collection: geojson::FeatureCollection = LAND_GR_GEOJSON.parse().ok()?;
            // The gridded extent, sea included: land and sea are both known inside it.
            let extent = match collection.bbox.as_deref()? {
                [w, s, e, n] => geo::Rect::new(geo::coord! { x: *w, y: *s }, geo::coord! { x: *e, y: *n }),
                _ => return None,
            };
            let areas: Vec<crate::model::Area> = collection
                .features
                .into_iter()
                .enumerate()
                .filter_map(|(i, f)| {
                    let polygons: geo::MultiPolygon<f64> = match geo::Geometry::try_from(f.geometry?).ok()? {
                        geo::Geometry::MultiPolygon(m) => m,
                        geo::Geometry::Polygon(p) => geo::MultiPolygon(vec![p]),
                        _ => return None,
                    };
                    Some(crate::model::Area::new(
                        format!("land{i}"),
                        String::new(),
                        None,
                        polygons,
                    ))
                })
                .collect();
            let tiles = crate::model::AreaLayer::new(Level::Custom("land".into()), areas);
            Some(crate::map::clip::LandOutline { tiles, extent })
        })
        .as_ref()
}

/// The atlas the app opens on: all 290 municipalities and the demo indicators.
pub fn atlas() -> Result<Atlas, LoadError> {
    atlas_with(municipalities()?)
}

/// All 290 municipal boundaries (a few milliseconds: what clipping needs before the rest).
pub fn municipalities() -> Result<crate::model::AreaLayer, LoadError> {
    let kommuner = super::geojson::parse("data/kommuner.geojson", KOMMUNER_GEOJSON)?;
    debug_assert_eq!(kommuner.level, Level::Kommun);
    Ok(kommuner)
}

/// [`atlas`] on municipalities already read: the catalogue and the demo values (the slow
/// part, about 80 ms, which start-up runs beside reading the user's files).
pub fn atlas_with(kommuner: crate::model::AreaLayer) -> Result<Atlas, LoadError> {
    let catalogue = super::catalogue::parse("data/catalogue.json", CATALOGUE_JSON)?;
    let (observations, report) = super::tidy::parse_csv("data/demo_observations.csv", DEMO_OBSERVATIONS_CSV)?;
    if report.has_errors() {
        return Err(LoadError::Format {
            file: report.file.clone(),
            what: report.to_text(),
        });
    }
    let mut atlas = Atlas {
        catalogue,
        layers: vec![kommuner],
        observations,
        activities: Vec::new(),
    };
    atlas.suppress_small_samples();
    let (activities, report) =
        super::activities::parse_csv("data/demo_activities.csv", DEMO_ACTIVITIES_CSV.as_bytes())?;
    if report.rows_skipped > 0 || activities.iter().any(|a| !a.demo) {
        return Err(LoadError::Format {
            file: report.file.clone(),
            what: format!(
                "the demo activities must all read and be marked demo: {}",
                report.to_text()
            ),
        });
    }
    atlas.activities = activities;
    Ok(atlas)
}

/// The code of the municipality named `name` ("Göteborg", "Göteborgs kommun", "Lilla Edet
/// kommun", "Göteborgs stad"; any case), for files that name regions instead of coding them.
pub fn municipality_code_by_name(name: &str) -> Option<&'static str> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static BY_NAME: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let by_name = BY_NAME.get_or_init(|| {
        // Only the properties are wanted; serde skips the coordinates without building them.
        #[derive(serde::Deserialize)]
        struct Collection<'a> {
            #[serde(borrow)]
            features: Vec<Feature<'a>>,
        }
        #[derive(serde::Deserialize)]
        struct Feature<'a> {
            #[serde(borrow)]
            properties: Properties<'a>,
        }
        #[derive(serde::Deserialize)]
        struct Properties<'a> {
            kommunkod: &'a str,
            kommunnamn: std::borrow::Cow<'a, str>,
        }
        serde_json::from_str::<Collection<'static>>(KOMMUNER_GEOJSON)
            .map(|c| {
                c.features
                    .into_iter()
                    .map(|f| (f.properties.kommunnamn.to_lowercase(), f.properties.kommunkod))
                    .collect()
            })
            .unwrap_or_default()
    });
    let name = name.trim().to_lowercase();
    let bare = ["kommun", "stad"]
        .iter()
        .find_map(|w| name.strip_suffix(w))
        .map_or(name.as_str(), str::trim_end);
    by_name.get(bare).copied().or_else(|| {
        // "Göteborgs kommun": a genitive s before the word.
        let stem = bare.strip_suffix('s').filter(|_| bare.len() < name.len())?;
        by_name.get(stem).copied()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipalities_are_found_by_their_names_as_files_write_them() {
        assert_eq!(municipality_code_by_name("Göteborg"), Some("1480"));
        assert_eq!(municipality_code_by_name("göteborgs stad"), Some("1480"));
        assert_eq!(municipality_code_by_name("Lilla Edet"), Some("1462"));
        assert_eq!(municipality_code_by_name("Lilla Edets kommun"), Some("1462"));
        assert_eq!(municipality_code_by_name("Upplands Väsby kommun"), Some("0114"));
        assert_eq!(
            municipality_code_by_name("Alingsås kommun"),
            Some("1489"),
            "a name ending in s"
        );
        assert_eq!(municipality_code_by_name("Öckerö"), Some("1407"));
        assert_eq!(municipality_code_by_name("Atlantis"), None);
    }
}
