//! ESRI Shapefile boundaries (`.shp` with its `.dbf`, and `.prj`/`.cpg` when present), as GIS
//! departments hand them out. Attribute text is decoded by the `.cpg` or the `.dbf`'s code
//! page (Windows-1252 when neither says); the CRS comes from the `.prj`, or from the
//! coordinates when there is none.
use ::shapefile::{PolygonRing, Shape};
use geo::{Coord, Intersects, LineString, MultiPolygon, Polygon};

use super::LoadError;
use super::attributes::{FeatureTable, RawFeature};
use super::crs::{Crs, ToWgs84};
use super::validate::{Said, Severity, ValidationReport};

/// Every readable feature with its attributes; a file cut short keeps the features before the cut.
pub fn read_table(path: &std::path::Path) -> Result<(FeatureTable, ValidationReport), LoadError> {
    let file = path.display().to_string();
    let err = |what: String| LoadError::Format {
        file: file.clone(),
        what,
    };
    let mut reader = ::shapefile::Reader::from_path(path).map_err(|e| match e {
        ::shapefile::Error::MissingDbf => err(format!(
            "the attribute file {} is missing (a shapefile is .shp, .shx and .dbf side by side)",
            path.with_extension("dbf").display()
        )),
        other => err(format!("not a readable shapefile: {other}")),
    })?;
    let mut features = Vec::new();
    for (i, item) in reader.iter_shapes_and_records().enumerate() {
        match item {
            Ok(pair) => features.push(pair),
            Err(e) => {
                // A broken record ends the readable part: report where, keep what came before.
                return if features.is_empty() {
                    Err(LoadError::Feature {
                        file: file.clone(),
                        feature: format!("#{}", i + 1),
                        what: format!("cannot be read: {e}"),
                    })
                } else {
                    read_features(&file, path, features, Some((i + 1, e.to_string())))
                };
            }
        }
    }
    read_features(&file, path, features, None)
}

fn read_features(
    file: &str,
    path: &std::path::Path,
    records: Vec<(Shape, ::shapefile::dbase::Record)>,
    cut_at: Option<(usize, String)>,
) -> Result<(FeatureTable, ValidationReport), LoadError> {
    let err = |what: String| LoadError::Format {
        file: file.into(),
        what,
    };
    let first = records
        .first()
        .ok_or_else(|| err("the shapefile has no features".into()))?;
    let attributes: Vec<String> = first.1.as_ref().keys().cloned().collect();

    let prj = std::fs::read_to_string(path.with_extension("prj")).ok();
    let (crs, how) = match prj.as_deref().map(Crs::from_prj) {
        Some(Ok(crs)) => (crs, ("from the .prj file", "från .prj-filen")),
        Some(Err(name)) => {
            return Err(err(format!(
                "the .prj file declares {name:?} (expected SWEREF 99 TM / EPSG:3006 or WGS84)"
            )));
        }
        None => {
            let first_xy = records
                .iter()
                .find_map(|(shape, _)| rings(shape)?.first()?.1.first().copied());
            match first_xy.and_then(|c| Crs::from_coordinate(c.x, c.y)) {
                Some(crs) => (
                    crs,
                    (
                        "recognised from the coordinates; no .prj file",
                        "igenkänt från koordinaterna; ingen .prj-fil",
                    ),
                ),
                None => (Crs::Wgs84, ("assumed; no .prj file", "antaget; ingen .prj-fil")),
            }
        }
    };
    let to_wgs84 = match crs {
        Crs::Sweref99Tm => Some(ToWgs84::from_sweref99tm().map_err(err)?),
        Crs::Wgs84 => None,
    };

    let mut report = ValidationReport::new(file, "Shapefile");
    let mut features = Vec::with_capacity(records.len());
    for (i, (shape, record)) in records.into_iter().enumerate() {
        let get = |name: &str| match record.get(name)? {
            ::shapefile::dbase::FieldValue::Character(Some(s)) => {
                Some(s.trim().to_string()).filter(|s| !s.is_empty())
            }
            ::shapefile::dbase::FieldValue::Numeric(Some(n)) => Some(n.to_string()),
            ::shapefile::dbase::FieldValue::Integer(n) => Some(n.to_string()),
            _ => None,
        };
        let geometry = polygons(&shape).and_then(|mut mp| {
            if let Some(t) = &to_wgs84 {
                t.polygons(&mut mp)
                    .map_err(|e| format!("cannot reproject: {e}"))?;
            }
            Ok(mp)
        });
        features.push(RawFeature {
            number: i + 1,
            label: None,
            values: attributes.iter().map(|a| get(a)).collect(),
            geometry,
        });
    }
    if let Some((at, e)) = cut_at {
        report.feature(
            Severity::Error,
            at,
            "file_cut_short",
            Said::new(
                format!("cannot be read ({e}); this feature and the rest of the file are skipped (a file cut short?)"),
                format!("kan inte läsas ({e}); objektet och resten av filen hoppas över (är filen avkortad?)"),
            ),
        );
    }
    report.note("coordinates", crs.coordinates_note(how, None, to_wgs84.is_some()));
    Ok((FeatureTable { attributes, features }, report))
}

/// The rings of a polygon shape (outer or not, x/y), whatever its M or Z extras.
fn rings(shape: &Shape) -> Option<Vec<(bool, Vec<Coord<f64>>)>> {
    fn collect<P>(rings: &[PolygonRing<P>], xy: impl Fn(&P) -> Coord<f64>) -> Vec<(bool, Vec<Coord<f64>>)> {
        rings
            .iter()
            .map(|r| {
                let outer = matches!(r, PolygonRing::Outer(_));
                (outer, r.points().iter().map(&xy).collect())
            })
            .collect()
    }
    Some(match shape {
        Shape::Polygon(p) => collect(p.rings(), |p| Coord { x: p.x, y: p.y }),
        Shape::PolygonM(p) => collect(p.rings(), |p| Coord { x: p.x, y: p.y }),
        Shape::PolygonZ(p) => collect(p.rings(), |p| Coord { x: p.x, y: p.y }),
        _ => return None,
    })
}

/// A polygon shape as polygons: each outer ring with the holes that lie inside it (the
/// format does not say which outer ring a hole belongs to).
fn polygons(shape: &Shape) -> Result<MultiPolygon<f64>, String> {
    let Some(rings) = rings(shape) else {
        return Err(match shape {
            Shape::NullShape => "has no geometry (a null shape)".to_string(),
            other => format!("expected a polygon, found a {}", other.shapetype()),
        });
    };
    let mut polygons: Vec<Polygon<f64>> = rings
        .iter()
        .filter(|(outer, _)| *outer)
        .map(|(_, r)| Polygon::new(LineString(r.clone()), vec![]))
        .collect();
    if polygons.is_empty() {
        return Err("a polygon without an outer ring".into());
    }
    for (_, hole) in rings.into_iter().filter(|(outer, _)| !*outer) {
        let Some(first) = hole.first().copied() else {
            continue;
        };
        let owner = polygons
            .iter()
            .position(|p| p.exterior().intersects(&first) || geo::Contains::contains(p, &first))
            .unwrap_or(0);
        polygons[owner].interiors_push(LineString(hole));
    }
    Ok(MultiPolygon(polygons))
}
