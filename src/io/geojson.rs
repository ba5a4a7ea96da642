//! GeoJSON boundaries (WGS84, or SWEREF 99 TM reprojected) into a [`FeatureTable`], and from
//! there, with the recognised attribute roles, an [`AreaLayer`].
use geo::{Geometry, MultiPolygon};
use geojson::{GeoJson, feature::Id};

use super::LoadError;
use super::attributes::{BoundaryRoles, FeatureTable, RawFeature, custom_level_name};
use super::crs::{Crs, ToWgs84};
use super::validate::{Severity, ValidationReport};
use crate::model::AreaLayer;

/// Parse a FeatureCollection of (multi)polygons, all or nothing: the first feature that cannot
/// be read is the error. The level and the attributes' roles are recognised.
pub fn parse(file: &str, text: &str) -> Result<AreaLayer, LoadError> {
    let (table, mut report) = read_table(file, text)?;
    let roles =
        BoundaryRoles::recognise(&table, &custom_level_name(file)).map_err(|what| LoadError::Format {
            file: file.into(),
            what,
        })?;
    let layer = table
        .layer(&roles, &mut report)
        .map_err(|what| LoadError::Format {
            file: file.into(),
            what,
        })?;
    match report.findings.iter().find(|f| f.severity == Severity::Error) {
        Some(first) => Err(LoadError::Format {
            file: file.into(),
            what: format!("feature {}", first.message),
        }),
        None => Ok(layer),
    }
}

/// Read every feature's properties and geometry; features whose geometry cannot be read keep
/// the reason, to be listed once their codes are known. The report notes the CRS.
pub fn read_table(file: &str, text: &str) -> Result<(FeatureTable, ValidationReport), LoadError> {
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
    let mut report = ValidationReport::new(file, "GeoJSON");
    let (crs, how) = detect_crs(&collection);
    let to_wgs84 = match crs {
        Crs::Wgs84 => None,
        Crs::Sweref99Tm => Some(ToWgs84::from_sweref99tm().map_err(|e| LoadError::Format {
            file: file.into(),
            what: format!("cannot set up the SWEREF 99 TM projection: {e}"),
        })?),
    };
    // Attributes in the order they first appear over all features.
    let mut attributes: Vec<String> = Vec::new();
    for props in collection.features.iter().filter_map(|f| f.properties.as_ref()) {
        for key in props.keys() {
            if !attributes.contains(key) {
                attributes.push(key.clone());
            }
        }
    }
    let mut features = Vec::with_capacity(collection.features.len());
    for (i, feature) in collection.features.into_iter().enumerate() {
        let props = feature.properties.as_ref();
        let values = attributes
            .iter()
            .map(|key| match props.and_then(|p| p.get(key)) {
                Some(serde_json::Value::String(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
                Some(serde_json::Value::Number(n)) => Some(n.to_string()),
                _ => None,
            })
            .collect();
        features.push(RawFeature {
            number: i + 1,
            label: Some(feature_label(i, feature.id.as_ref())),
            values,
            geometry: read_geometry(feature.geometry, to_wgs84.as_ref()),
        });
    }
    report.note("coordinates", crs.coordinates_note(how, None, to_wgs84.is_some()));
    Ok((FeatureTable { attributes, features }, report))
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
fn detect_crs(collection: &geojson::FeatureCollection) -> (Crs, (&'static str, &'static str)) {
    let declared = collection
        .foreign_members
        .as_ref()
        .and_then(|m| m.get("crs"))
        .and_then(|c| c.pointer("/properties/name"))
        .and_then(|n| n.as_str())
        .and_then(Crs::from_name);
    if let Some(crs) = declared {
        return (crs, ("declared in the file", "angivet i filen"));
    }
    let first = collection
        .features
        .iter()
        .find_map(|f| f.geometry.as_ref())
        .and_then(|g| first_position(&g.value));
    match first.and_then(|(x, y)| Crs::from_coordinate(x, y)) {
        Some(crs) => (
            crs,
            ("recognised from the coordinates", "igenkänt från koordinaterna"),
        ),
        None => (Crs::Wgs84, ("the GeoJSON default", "GeoJSON:s standard")),
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

fn read_geometry(
    geometry: Option<geojson::Geometry>,
    to_wgs84: Option<&ToWgs84>,
) -> Result<MultiPolygon<f64>, String> {
    let Some(geometry) = geometry else {
        return Err("has no geometry".into());
    };
    if has_short_position(&geometry.value) {
        return Err("a position has fewer than two numbers (expected [x, y])".into());
    }
    if let Some(ring) = open_ring(&geometry.value) {
        return Err(format!(
            "ring {ring} is not closed (its last position must repeat the first)"
        ));
    }
    let geometry: Geometry<f64> = (&geometry.value)
        .try_into()
        .map_err(|e: geojson::Error| format!("invalid geometry: {e}"))?;
    let mut polygons = match geometry {
        Geometry::Polygon(p) => MultiPolygon(vec![p]),
        Geometry::MultiPolygon(mp) => mp,
        other => {
            return Err(format!(
                "expected a Polygon or MultiPolygon, found {}",
                geometry_name(&other)
            ));
        }
    };
    if let Some(t) = to_wgs84 {
        t.polygons(&mut polygons)
            .map_err(|e| format!("cannot reproject from SWEREF 99 TM: {e}"))?;
    }
    check_rings(&polygons)?;
    Ok(polygons)
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
fn check_rings(polygons: &MultiPolygon<f64>) -> Result<(), String> {
    if polygons.0.is_empty() {
        return Err("geometry is empty".into());
    }
    for polygon in &polygons.0 {
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            let coords = &ring.0;
            // geo closes rings on construction, so an open ring shows up as a too-short one
            // only when it has fewer than three distinct positions.
            if coords.len() < 4 {
                return Err(format!(
                    "a ring has {} positions (expected at least 4)",
                    coords.len()
                ));
            }
            if let Some(c) = coords
                .iter()
                .find(|c| !(-180.0..=180.0).contains(&c.x) || !(-90.0..=90.0).contains(&c.y))
            {
                return Err(format!(
                    "coordinate ({}, {}) is not longitude/latitude in degrees (expected WGS84, EPSG:4326)",
                    c.x, c.y
                ));
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
        assert_eq!(layer.areas[0].kommun.as_deref(), Some("1480"));
        assert_eq!(
            layer.areas[0].parent.as_deref(),
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
            Some("k.geojson: feature #1 (1480): expected a Polygon or MultiPolygon, found a Point")
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
