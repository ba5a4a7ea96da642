//! GeoPackage boundaries (OGC 12-128r18), the form in which SCB distributes DeSO and RegSO:
//! an SQLite file whose `gpkg_contents` lists feature tables and `gpkg_geometry_columns`
//! names each table's geometry column and SRS. Geometry blobs are a `GP` header with an
//! optional envelope, then WKB. Polygons and multipolygons in EPSG:3006 or EPSG:4326.

use geo::{Coord, LineString, MultiPolygon, Polygon};
use rusqlite::{Connection, OpenFlags, types::ValueRef};

use super::LoadError;
use super::attributes::{FeatureTable, RawFeature};
use super::crs::{Crs, ToWgs84};
use super::validate::ValidationReport;

/// Every feature of the first feature table, its columns as attributes.
pub fn read_table(path: &std::path::Path) -> Result<(FeatureTable, ValidationReport), LoadError> {
    let file = path.display().to_string();
    let err = |what: String| LoadError::Format {
        file: file.clone(),
        what,
    };
    let db = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| err(format!("not a readable GeoPackage: {e}")))?;
    let (table, geom_col, srs_id): (String, String, i64) = db
        .query_row(
            "SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c \
             JOIN gpkg_geometry_columns g ON g.table_name = c.table_name \
             WHERE c.data_type = 'features' ORDER BY c.table_name LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .map_err(|e| {
            err(format!(
                "no feature table found (expected gpkg_contents and gpkg_geometry_columns): {e}"
            ))
        })?;
    let crs = match srs_id {
        3006 => Crs::Sweref99Tm,
        4326 => Crs::Wgs84,
        other => {
            return Err(err(format!(
                "table {table:?} uses SRS {other} (expected 3006 SWEREF 99 TM or 4326 WGS84)"
            )));
        }
    };
    let to_wgs84 = match crs {
        Crs::Sweref99Tm => Some(ToWgs84::from_sweref99tm().map_err(err)?),
        Crs::Wgs84 => None,
    };
    let quoted = |name: &str| format!("\"{}\"", name.replace('"', "\"\""));
    let mut stmt = db
        .prepare(&format!("SELECT * FROM {}", quoted(&table)))
        .map_err(|e| err(e.to_string()))?;
    let columns: Vec<String> = stmt.column_names().map(str::to_string).collect();
    let geom_idx = columns
        .iter()
        .position(|c| c.eq_ignore_ascii_case(&geom_col))
        .ok_or_else(|| err(format!("geometry column {geom_col:?} not in {table:?}")))?;
    let attribute_columns: Vec<usize> = (0..columns.len()).filter(|i| *i != geom_idx).collect();
    let attributes = attribute_columns.iter().map(|i| columns[*i].clone()).collect();

    let mut report = ValidationReport::new(&file, "GeoPackage");
    let mut features = Vec::new();
    let mut rows = stmt.query([]).map_err(|e| err(e.to_string()))?;
    while let Some(row) = rows.next().map_err(|e| err(e.to_string()))? {
        let text = |i: usize| match row.get_ref(i) {
            Ok(ValueRef::Text(t)) => {
                Some(String::from_utf8_lossy(t).trim().to_string()).filter(|t| !t.is_empty())
            }
            Ok(ValueRef::Integer(n)) => Some(n.to_string()),
            Ok(ValueRef::Real(x)) => Some(x.to_string()),
            _ => None,
        };
        let geometry = match row.get_ref(geom_idx) {
            Ok(ValueRef::Blob(b)) => gpkg_geometry(b).and_then(|mut polygons| {
                if let Some(t) = &to_wgs84 {
                    t.polygons(&mut polygons)
                        .map_err(|e| format!("cannot reproject: {e}"))?;
                }
                Ok(polygons)
            }),
            _ => Err("no geometry".to_string()),
        };
        features.push(RawFeature {
            number: features.len() + 1,
            label: None,
            values: attribute_columns.iter().map(|i| text(*i)).collect(),
            geometry,
        });
    }
    report.note(
        "coordinates",
        crs.coordinates_note(
            (
                "from the GeoPackage's spatial reference",
                "från GeoPackage-filens referenssystem",
            ),
            Some(&table),
            to_wgs84.is_some(),
        ),
    );
    Ok((FeatureTable { attributes, features }, report))
}

/// A GeoPackage geometry blob: header, then WKB.
pub fn gpkg_geometry(blob: &[u8]) -> Result<MultiPolygon<f64>, String> {
    if blob.len() < 8 || &blob[..2] != b"GP" {
        return Err("geometry is not a GeoPackage blob (expected the magic \"GP\")".into());
    }
    let flags = blob[3];
    let envelope = match (flags >> 1) & 0b111 {
        0 => 0,
        1 => 32,
        2 | 3 => 48,
        4 => 64,
        other => return Err(format!("unknown envelope type {other}")),
    };
    let start = 8 + envelope;
    let wkb = blob
        .get(start..)
        .ok_or("geometry blob is shorter than its header")?;
    let mut reader = Wkb { bytes: wkb, pos: 0 };
    reader.multipolygon()
}

/// Well-known binary, polygons only (2D; Z and M values are skipped).
struct Wkb<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Wkb<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|e| *e <= self.bytes.len())
            .ok_or("geometry ends early (truncated WKB)")?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u32(&mut self, little: bool) -> Result<u32, String> {
        let b: [u8; 4] = self.take(4)?.try_into().map_err(|_| "short read")?;
        Ok(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    }

    fn f64(&mut self, little: bool) -> Result<f64, String> {
        let b: [u8; 8] = self.take(8)?.try_into().map_err(|_| "short read")?;
        Ok(if little {
            f64::from_le_bytes(b)
        } else {
            f64::from_be_bytes(b)
        })
    }

    /// Byte order and geometry type; the type without Z/M flags, and the coordinate width.
    fn header(&mut self) -> Result<(bool, u32, usize), String> {
        let little = match self.take(1)?[0] {
            0 => false,
            1 => true,
            other => return Err(format!("bad WKB byte order {other}")),
        };
        let raw = self.u32(little)?;
        // ISO (1000s) and EWKB (high bits) ways of saying Z/M.
        let (base, mut dims) = (raw & 0x0fff_ffff, 2);
        if raw & 0x8000_0000 != 0 {
            dims += 1;
        }
        if raw & 0x4000_0000 != 0 {
            dims += 1;
        }
        let base = match base / 1000 {
            1 | 2 => {
                dims += 1;
                base % 1000
            }
            3 => {
                dims += 2;
                base % 1000
            }
            _ => base,
        };
        Ok((little, base, dims))
    }

    fn polygon_body(&mut self, little: bool, dims: usize) -> Result<Polygon<f64>, String> {
        let rings = self.u32(little)? as usize;
        if rings == 0 {
            return Err("a polygon has no rings".into());
        }
        let mut out: Vec<LineString<f64>> = Vec::with_capacity(rings.min(1024));
        for _ in 0..rings {
            let n = self.u32(little)? as usize;
            if n.saturating_mul(dims * 8) > self.bytes.len() {
                return Err(format!("a ring claims {n} points, more than the blob holds"));
            }
            let mut coords = Vec::with_capacity(n);
            for _ in 0..n {
                let x = self.f64(little)?;
                let y = self.f64(little)?;
                for _ in 2..dims {
                    self.f64(little)?;
                }
                coords.push(Coord { x, y });
            }
            if n < 4 {
                return Err(format!("a ring has {n} points (expected at least 4)"));
            }
            out.push(LineString(coords));
        }
        let exterior = out.remove(0);
        Ok(Polygon::new(exterior, out))
    }

    fn multipolygon(&mut self) -> Result<MultiPolygon<f64>, String> {
        let (little, kind, dims) = self.header()?;
        match kind {
            3 => Ok(MultiPolygon(vec![self.polygon_body(little, dims)?])),
            6 => {
                let n = self.u32(little)? as usize;
                let mut polys = Vec::with_capacity(n.min(1024));
                for _ in 0..n {
                    let (l, k, d) = self.header()?;
                    if k != 3 {
                        return Err(format!(
                            "a multipolygon holds geometry type {k} (expected polygons)"
                        ));
                    }
                    polys.push(self.polygon_body(l, d)?);
                }
                Ok(MultiPolygon(polys))
            }
            other => Err(format!(
                "geometry type {other} (expected Polygon 3 or MultiPolygon 6)"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wkb_polygon(little: bool) -> Vec<u8> {
        let mut b = vec![u8::from(little)];
        let put_u32 =
            |b: &mut Vec<u8>, v: u32| b.extend(if little { v.to_le_bytes() } else { v.to_be_bytes() });
        put_u32(&mut b, 3);
        put_u32(&mut b, 1);
        put_u32(&mut b, 4);
        for (x, y) in [(0.0f64, 0.0f64), (1.0, 0.0), (0.0, 1.0), (0.0, 0.0)] {
            b.extend(if little { x.to_le_bytes() } else { x.to_be_bytes() });
            b.extend(if little { y.to_le_bytes() } else { y.to_be_bytes() });
        }
        b
    }

    #[test]
    fn reads_blobs_in_both_byte_orders_and_rejects_truncated_ones() {
        for little in [true, false] {
            let mut blob = b"GP\x00\x01".to_vec(); // no envelope
            blob.extend(3006i32.to_le_bytes());
            blob.extend(wkb_polygon(little));
            let mp = gpkg_geometry(&blob).expect("parses");
            assert_eq!(mp.0[0].exterior().0.len(), 4);
            let cut = &blob[..blob.len() - 5];
            assert!(gpkg_geometry(cut).err().is_some_and(|e| e.contains("truncated")));
        }
        assert!(gpkg_geometry(b"XX").is_err());
    }
}
