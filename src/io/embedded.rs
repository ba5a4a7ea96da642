//! The data compiled into the binary: municipal boundaries and the demo indicators.
use super::LoadError;
use crate::model::{Atlas, Level};

pub const KOMMUNER_GEOJSON: &str = include_str!("../../data/kommuner.geojson");
pub const CATALOGUE_JSON: &str = include_str!("../../data/catalogue.json");
pub const DEMO_OBSERVATIONS_CSV: &[u8] = include_bytes!("../../data/demo_observations.csv");

/// The atlas the app opens on: all 290 municipalities and the demo indicators.
pub fn atlas() -> Result<Atlas, LoadError> {
    let kommuner = super::geojson::parse("data/kommuner.geojson", KOMMUNER_GEOJSON)?;
    debug_assert_eq!(kommuner.level, Level::Kommun);
    let catalogue = super::catalogue::parse("data/catalogue.json", CATALOGUE_JSON)?;
    let (observations, report) = super::tidy::parse_csv("data/demo_observations.csv", DEMO_OBSERVATIONS_CSV)?;
    if report.has_errors() {
        return Err(LoadError::Format {
            file: report.file.clone(),
            what: report.to_text(),
        });
    }
    Ok(Atlas {
        catalogue,
        layers: vec![kommuner],
        observations,
    })
}
