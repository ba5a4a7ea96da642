//! GeoJSON boundaries (WGS84) into an [`AreaLayer`].
use geo::{Geometry, MultiPolygon};
use geojson::{GeoJson, feature::Id};

use super::LoadError;
use super::attributes::AreaAttributes;
use super::crs::{Crs, ToWgs84};
use super::validate::{Severity, ValidationReport};
use crate::model::{Area, AreaLayer};

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
    let attributes = first_props
        .and_then(|p| AreaAttributes::recognise(p.keys().map(String::as_str)))
        .ok_or_else(|| LoadError::Format {
            file: file.into(),
            what: format!(
                "no area code property found in the first feature (expected {})",
                AreaAttributes::expected()
            ),
        })?;
    let mut report = ValidationReport::new(file, "GeoJSON");
    let (crs, how) = detect_crs(&collection);
    let to_wgs84 = match crs {
        Crs::Wgs84 => None,
        Crs::Sweref99Tm => Some(ToWgs84::from_sweref99tm().map_err(|e| LoadError::Format {
            file: file.into(),
            what: format!("cannot set up the SWEREF 99 TM projection: {e}"),
        })?),
    };
    report.rows_read = collection.features.len();
    let mut first_error = None;
    let mut areas = Vec::with_capacity(collection.features.len());
    for (i, feature) in collection.features.into_iter().enumerate() {
        match read_feature(file, i, feature, &attributes, to_wgs84.as_ref()) {
            Ok(area) => areas.push(area),
            Err(e) => {
                report.rows_skipped += 1;
                let what = match &e {
                    LoadError::Feature { feature, what, .. } => format!("{feature}: {what}"),
                    other => other.to_string(),
                };
                report.feature(Severity::Error, i + 1, what);
                first_error.get_or_insert(e);
            }
        }
    }
    report.rows_loaded = areas.len();
    let reprojected = if to_wgs84.is_some() {
        ", reprojected to WGS84 with proj4rs"
    } else {
        ""
    };
    report.note(format!(
        "area codes from the property {:?}; coordinates read as {} ({how}){reprojected}",
        attributes.code,
        crs.describe()
    ));
    Ok((AreaLayer::new(attributes.level, areas), first_error, report))
}

/// A position needs at least x and y; geojson's conversion indexes them unchecked.
fn has_short_position(g: &geojson::GeometryValue) -> bool {
    use geojson::GeometryValue::*;
    let short = |p: &geojson::Position| p.as_slice().len() < 2;
    match g {
        Point { coordinates } => short(coordinates),
        MultiPoint { coordinates } | LineString { coordinates } => coordinates.iter().any(short),
        MultiLineString { coordinates } | Polygon { coordinates } => coordinates.iter().flatten().any(short),
        MultiPolygon { coordinates } => coordinates.iter().flatten().flatten().any(short),
        GeometryCollection { geometries } => geometries.iter().any(|g| has_short_position(&g.value)),
    }
}

/// RFC 7946: a linear ring's first and last positions are the same. geo would close an
/// open ring silently, so check before converting.
fn open_ring(g: &geojson::GeometryValue) -> Option<usize> {
    use geojson::GeometryValue::*;
    let rings: Vec<&Vec<geojson::Position>> = match g {
        Polygon { coordinates } => coordinates.iter().collect(),
        MultiPolygon { coordinates } => coordinates.iter().flatten().collect(),
        _ => return None,
    };
    rings
        .iter()
        .position(|r| r.len() >= 2 && r.first().map(|p| p.as_slice()) != r.last().map(|p| p.as_slice()))
        .map(|i| i + 1)
}

/// The CRS from a declared `crs` member, else from the first coordinate, else WGS84 as the
/// GeoJSON standard prescribes.
fn detect_crs(collection: &geojson::FeatureCollection) -> (Crs, &'static str) {
    let declared = collection
        .foreign_members
        .as_ref()
        .and_then(|m| m.get("crs"))
        .and_then(|c| c.pointer("/properties/name"))
        .and_then(|n| n.as_str())
        .and_then(Crs::from_name);
    if let Some(crs) = declared {
        return (crs, "declared in the file");
    }
    let first = collection
        .features
        .iter()
        .find_map(|f| f.geometry.as_ref())
        .and_then(|g| first_position(&g.value));
    match first.and_then(|(x, y)| Crs::from_coordinate(x, y)) {
        Some(crs) => (crs, "recognised from the coordinates"),
        None => (Crs::Wgs84, "the GeoJSON default"),
    }
}

fn first_position(g: &geojson::GeometryValue) -> Option<(f64, f64)> {
    use geojson::GeometryValue::*;
    let p = match g {
        Polygon { coordinates } => coordinates.first()?.first()?,
        MultiPolygon { coordinates } => coordinates.first()?.first()?.first()?,
        _ => return None,
    };
    let p = p.as_slice();
    Some((*p.first()?, *p.get(1)?))
}

fn read_feature(
    file: &str,
    i: usize,
    feature: geojson::Feature,
    attributes: &AreaAttributes,
    to_wgs84: Option<&ToWgs84>,
) -> Result<Area, LoadError> {
    let label = feature_label(i, feature.id.as_ref());
    let props = feature.properties.unwrap_or_default();
    let get = |key: &str| match props.get(key) {
        Some(serde_json::Value::String(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let label = match get(&attributes.code) {
        Some(code) => format!("{label} ({code})"),
        None => label,
    };
    let Some(geometry) = feature.geometry else {
        return Err(LoadError::Feature {
            file: file.into(),
            feature: label,
            what: "has no geometry".into(),
        });
    };
    if has_short_position(&geometry.value) {
        return Err(LoadError::Feature {
            file: file.into(),
            feature: label,
            what: "a position has fewer than two numbers (expected [x, y])".into(),
        });
    }
    if let Some(ring) = open_ring(&geometry.value) {
        return Err(LoadError::Feature {
            file: file.into(),
            feature: label,
            what: format!("ring {ring} is not closed (its last position must repeat the first)"),
        });
    }
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
    let mut polygons = polygons;
    if let Some(t) = to_wgs84 {
        t.polygons(&mut polygons).map_err(|e| LoadError::Feature {
            file: file.into(),
            feature: label.clone(),
            what: format!("cannot reproject from SWEREF 99 TM: {e}"),
        })?;
    }
    check_rings(file, &label, &polygons)?;
    attributes.area(get, polygons).map_err(|what| LoadError::Feature {
        file: file.into(),
        feature: label,
        what,
    })
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
    use crate::model::Level;

    #[test]
    fn reads_scb_style_properties() {
        let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature",
          "properties":{"desokod":"1480C1622","regsokod":"1480R042","kommunkod":"1480","regsonamn":"Centrum"},
          "geometry":{"type":"Polygon","coordinates":[[[11.9,57.7],[12.0,57.7],[12.0,57.8],[11.9,57.7]]]}}]}"#;
        let layer = parse("d.geojson", text).expect("valid");
        assert_eq!(layer.level, Level::Deso);
        assert_eq!(layer.areas[0].code, "1480C1622");
        assert_eq!(layer.areas[0].parent.as_deref(), Some("1480"));
        assert_eq!(
            layer.areas[0].regso.as_deref(),
            Some("1480R042"),
            "DeSO → RegSO relation"
        );
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

        // Metres, but not SWEREF 99 TM over Sweden (another CRS, undeclared).
        let unknown = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kommunkod":"1480"},
          "geometry":{"type":"Polygon","coordinates":[[[5000000,5000000],[5001000,5000000],[5001000,5001000],[5000000,5000000]]]}}]}"#;
        let err = parse("k.geojson", unknown)
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
