//! GeoJSON boundaries (WGS84) into an [`AreaLayer`].
use geo::{Geometry, MultiPolygon};
use geojson::{GeoJson, feature::Id};

use super::LoadError;
use super::validate::{Finding, Severity, ValidationReport};
use crate::model::{Area, AreaLayer, Level};

/// Property names that carry an area's code, most specific level first.
const CODE_PROPERTIES: [(&str, Level); 6] = [
    ("desokod", Level::Deso),
    ("deso", Level::Deso),
    ("regsokod", Level::Regso),
    ("kommunkod", Level::Kommun),
    ("kommun_kod", Level::Kommun),
    ("kod", Level::Custom),
];
const NAME_PROPERTIES: [&str; 6] = ["desonamn", "regsonamn", "kommunnamn", "kommun", "namn", "name"];

/// Parse a FeatureCollection of (multi)polygons. The level and the code and name properties
/// are recognised from SCB's property names.
pub fn parse(file: &str, text: &str) -> Result<AreaLayer, LoadError> {
    let (layer, mut first_error, _) = parse_with_report(file, text)?;
    match first_error.take() {
        Some(e) => Err(e),
        None => Ok(layer),
    }
}

/// Like [`parse`], but features that cannot be read are skipped and listed in the report
/// (the first such error is returned too, for callers that want all or nothing).
pub fn parse_with_report(
    file: &str,
    text: &str,
) -> Result<(AreaLayer, Option<LoadError>, ValidationReport), LoadError> {
    let geojson: GeoJson = text.parse().map_err(|e: geojson::Error| LoadError::Format {
        file: file.into(),
        what: format!("not valid GeoJSON: {e}"),
    })?;
    let GeoJson::FeatureCollection(collection) = geojson else {
        return Err(LoadError::Format {
            file: file.into(),
            what: "expected a FeatureCollection".into(),
        });
    };
    let first_props = collection.features.first().and_then(|f| f.properties.as_ref());
    let (code_key, level) = CODE_PROPERTIES
        .iter()
        .find(|(k, _)| first_props.is_some_and(|p| p.contains_key(*k)))
        .copied()
        .ok_or_else(|| LoadError::Format {
            file: file.into(),
            what: format!(
                "no area code property found in the first feature (expected one of {})",
                CODE_PROPERTIES.map(|(k, _)| k).join(", ")
            ),
        })?;
    let mut report = ValidationReport::new(file, "GeoJSON");
    report.rows_read = collection.features.len();
    let mut first_error = None;
    let mut areas = Vec::with_capacity(collection.features.len());
    for (i, feature) in collection.features.into_iter().enumerate() {
        match read_feature(file, i, feature, code_key, level) {
            Ok(area) => areas.push(area),
            Err(e) => {
                report.rows_skipped += 1;
                let what = match &e {
                    LoadError::Feature { feature, what, .. } => format!("{feature}: {what}"),
                    other => other.to_string(),
                };
                report.push(Finding {
                    severity: Severity::Error,
                    line: None,
                    feature: Some(i + 1),
                    column: None,
                    message: what,
                });
                first_error.get_or_insert(e);
            }
        }
    }
    report.rows_loaded = areas.len();
    report.note(format!(
        "area codes from the property {code_key:?}; coordinates read as WGS84 (EPSG:4326)"
    ));
    Ok((AreaLayer::new(level, areas), first_error, report))
}

fn read_feature(
    file: &str,
    i: usize,
    feature: geojson::Feature,
    code_key: &str,
    level: Level,
) -> Result<Area, LoadError> {
    {
        let label = feature_label(i, feature.id.as_ref());
        let props = feature.properties.unwrap_or_default();
        let code = match props.get(code_key) {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => {
                return Err(LoadError::Feature {
                    file: file.into(),
                    feature: label,
                    what: format!("property {code_key:?} is missing or empty (expected an area code)"),
                });
            }
        };
        let label = format!("{label} ({code})");
        let name = NAME_PROPERTIES
            .iter()
            .find_map(|k| props.get(*k).and_then(|v| v.as_str()).map(|n| (*k, n)));
        let name = match name {
            // SCB's DeSO files carry only the name of the enclosing RegSO: say which DeSO it is.
            Some(("regsonamn", regso)) if level == Level::Deso => format!("{code} ({regso})"),
            Some((_, n)) => n.to_string(),
            None => code.clone(),
        };
        let parent = (level != Level::Kommun)
            .then(|| {
                props
                    .get("kommunkod")
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            })
            .flatten();
        let Some(geometry) = feature.geometry else {
            return Err(LoadError::Feature {
                file: file.into(),
                feature: label,
                what: "has no geometry".into(),
            });
        };
        let geometry: Geometry<f64> =
            (&geometry.value)
                .try_into()
                .map_err(|e: geojson::Error| LoadError::Feature {
                    file: file.into(),
                    feature: label.clone(),
                    what: format!("invalid geometry: {e}"),
                })?;
        let polygons = match geometry {
            Geometry::Polygon(p) => MultiPolygon(vec![p]),
            Geometry::MultiPolygon(mp) => mp,
            other => {
                return Err(LoadError::Feature {
                    file: file.into(),
                    feature: label,
                    what: format!(
                        "expected a Polygon or MultiPolygon, found {}",
                        geometry_name(&other)
                    ),
                });
            }
        };
        check_rings(file, &label, &polygons)?;
        Ok(Area::new(code, name, parent, polygons))
    }
}

fn feature_label(index: usize, id: Option<&Id>) -> String {
    match id {
        Some(Id::String(s)) => format!("#{} id {s}", index + 1),
        Some(Id::Number(n)) => format!("#{} id {n}", index + 1),
        None => format!("#{}", index + 1),
    }
}

fn geometry_name(g: &Geometry<f64>) -> &'static str {
    match g {
        Geometry::Point(_) => "a Point",
        Geometry::Line(_) | Geometry::LineString(_) => "a LineString",
        Geometry::MultiLineString(_) => "a MultiLineString",
        Geometry::MultiPoint(_) => "a MultiPoint",
        Geometry::GeometryCollection(_) => "a GeometryCollection",
        _ => "another geometry type",
    }
}

/// Rings must be closed, have at least four positions and lie in WGS84 degrees.
fn check_rings(file: &str, label: &str, polygons: &MultiPolygon<f64>) -> Result<(), LoadError> {
    let err = |what: String| LoadError::Feature {
        file: file.into(),
        feature: label.into(),
        what,
    };
    if polygons.0.is_empty() {
        return Err(err("geometry is empty".into()));
    }
    for polygon in &polygons.0 {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            let coords = &ring.0;
            // geo closes rings on construction, so an open ring shows up as a too-short one
            // only when it has fewer than three distinct positions.
            if coords.len() < 4 {
                return Err(err(format!(
                    "a ring has {} positions (expected at least 4)",
                    coords.len()
                )));
            }
            if let Some(c) = coords
                .iter()
                .find(|c| !(-180.0..=180.0).contains(&c.x) || !(-90.0..=90.0).contains(&c.y))
            {
                return Err(err(format!(
                    "coordinate ({}, {}) is not longitude/latitude in degrees (expected WGS84, EPSG:4326)",
                    c.x, c.y
                )));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_scb_style_properties() {
        let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
          "properties":{"desokod":"1480C1622","regsokod":"1480R042","kommunkod":"1480","regsonamn":"Centrum"},
          "geometry":{"type":"Polygon","coordinates":[[[11.9,57.7],[12.0,57.7],[12.0,57.8],[11.9,57.7]]]}}]}"#;
        let layer = parse("d.geojson", text).expect("valid");
        assert_eq!(layer.level, Level::Deso);
        assert_eq!(layer.areas[0].code, "1480C1622");
        assert_eq!(layer.areas[0].parent.as_deref(), Some("1480"));
    }

    #[test]
    fn errors_name_file_and_feature() {
        let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kommunkod":"1480"},
          "geometry":{"type":"Point","coordinates":[11.9,57.7]}}]}"#;
        let err = parse("k.geojson", text).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("k.geojson, feature #1 (1480): expected a Polygon or MultiPolygon, found a Point")
        );

        let sweref = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kommunkod":"1480"},
          "geometry":{"type":"Polygon","coordinates":[[[319000,6400000],[320000,6400000],[320000,6401000],[319000,6400000]]]}}]}"#;
        let err = parse("k.geojson", sweref)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("expected WGS84"), "{err}");

        let truncated = r#"{"type":"FeatureCollection","features":[{"type":"Feature","prop"#;
        let err = parse("half.geojson", truncated)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("half.geojson: not valid GeoJSON"), "{err}");
    }
}
