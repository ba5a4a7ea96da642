//! Coordinate reference systems of boundary files: SWEREF 99 TM (EPSG:3006), in which SCB
//! publishes DeSO and RegSO, reprojected to WGS84 with proj4rs.
use geo::{Coord, MapCoordsInPlace, MultiPolygon};
use proj4rs::Proj;
use proj4rs::transform::{Transform, TransformClosure, transform};

/// The CRS a file's coordinates are in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Crs {
    Wgs84,
    Sweref99Tm,
}

impl Crs {
    pub fn describe(self) -> &'static str {
        match self {
            Crs::Wgs84 => "WGS84 (EPSG:4326)",
            Crs::Sweref99Tm => "SWEREF 99 TM (EPSG:3006)",
        }
    }

    /// The report's note on how coordinates were read: `how` says where the CRS came from
    /// (English, Swedish), `table` names a GeoPackage's table.
    pub fn coordinates_note(
        self,
        how: (&str, &str),
        table: Option<&str>,
        reprojected: bool,
    ) -> super::validate::Said {
        let (to_en, to_sv) = if reprojected {
            (
                ", reprojected to WGS84 with proj4rs",
                ", omräknade till WGS84 med proj4rs",
            )
        } else {
            ("", "")
        };
        let (table_en, table_sv) = table.map_or((String::new(), String::new()), |t| {
            (format!("table {t:?}, "), format!("tabellen {t:?}, "))
        });
        super::validate::Said::new(
            format!(
                "{table_en}coordinates read as {} ({}){to_en}",
                self.describe(),
                how.0
            ),
            format!(
                "{table_sv}koordinaterna lästa som {} ({}){to_sv}",
                self.describe(),
                how.1
            ),
        )
    }

    /// From a CRS name as GeoJSON 2008 `crs` members and GeoPackages write it.
    pub fn from_name(name: &str) -> Option<Crs> {
        let n = name.to_ascii_uppercase();
        if n.ends_with(":3006") || n.ends_with("::3006") || n.contains("SWEREF") {
            Some(Crs::Sweref99Tm)
        } else if n.ends_with(":4326") || n.ends_with("::4326") || n.contains("CRS84") || n.contains("WGS 84")
        {
            Some(Crs::Wgs84)
        } else {
            None
        }
    }

    /// From the WKT of a shapefile's `.prj`: `Err` with the projection's name when it is
    /// neither SWEREF 99 TM nor plain geographic WGS84.
    pub fn from_prj(wkt: &str) -> Result<Crs, String> {
        let upper = wkt.to_ascii_uppercase();
        let quoted_name = |after: &str| {
            let start = upper.find(after)? + after.len();
            let rest = &wkt[start..];
            let open = rest.find('"')? + 1;
            let len = rest[open..].find('"')?;
            Some(rest[open..open + len].to_string())
        };
        if let Some(projected) = quoted_name("PROJCS[") {
            let name = projected.to_ascii_uppercase().replace(['_', ' '], "");
            return if name == "SWEREF99TM" || name.contains("EPSG3006") {
                Ok(Crs::Sweref99Tm)
            } else {
                Err(projected)
            };
        }
        match quoted_name("GEOGCS[") {
            Some(g)
                if ["WGS84", "WGS1984"]
                    .iter()
                    .any(|w| g.to_ascii_uppercase().replace(['_', ' '], "").contains(w)) =>
            {
                Ok(Crs::Wgs84)
            }
            Some(other) => Err(other),
            None => Err(wkt.chars().take(60).collect()),
        }
    }

    /// Guess from one coordinate: SWEREF 99 TM eastings and northings over Sweden are far
    /// outside the range of degrees.
    pub fn from_coordinate(x: f64, y: f64) -> Option<Crs> {
        if (-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y) {
            Some(Crs::Wgs84)
        } else if (100_000.0..=1_100_000.0).contains(&x) && (6_000_000.0..=7_800_000.0).contains(&y) {
            Some(Crs::Sweref99Tm)
        } else {
            None
        }
    }
}

const SWEREF99TM: &str = "+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs";
const WGS84: &str = "+proj=longlat +ellps=WGS84 +datum=WGS84 +no_defs";

/// Reprojects SWEREF 99 TM coordinates to WGS84 degrees.
pub struct ToWgs84 {
    src: Proj,
    dst: Proj,
}

struct Xy<'a>(&'a mut Coord<f64>);

impl Transform for Xy<'_> {
    fn transform_coordinates<F: TransformClosure>(&mut self, f: &mut F) -> proj4rs::errors::Result<()> {
        f(self.0.x, self.0.y, 0.0).map(|(x, y, _)| {
            self.0.x = x;
            self.0.y = y;
        })
    }
}

impl ToWgs84 {
    pub fn from_sweref99tm() -> Result<Self, String> {
        let src = Proj::from_proj_string(SWEREF99TM).map_err(|e| e.to_string())?;
        let dst = Proj::from_proj_string(WGS84).map_err(|e| e.to_string())?;
        Ok(Self { src, dst })
    }

    pub fn point(&self, c: &mut Coord<f64>) -> Result<(), String> {
        transform(&self.src, &self.dst, &mut Xy(c)).map_err(|e| e.to_string())?;
        // proj4rs works in radians for geographic coordinates.
        c.x = c.x.to_degrees();
        c.y = c.y.to_degrees();
        Ok(())
    }

    pub fn polygons(&self, mp: &mut MultiPolygon<f64>) -> Result<(), String> {
        mp.try_map_coords_in_place(|mut c| self.point(&mut c).map(|()| c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prj_files_name_their_projection() {
        let esri = r#"PROJCS["SWEREF99_TM",GEOGCS["GCS_SWEREF99",DATUM["D_SWEREF99"]]]"#;
        assert_eq!(Crs::from_prj(esri), Ok(Crs::Sweref99Tm));
        let wgs =
            r#"GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]]]"#;
        assert_eq!(Crs::from_prj(wgs), Ok(Crs::Wgs84));
        let local = r#"PROJCS["SWEREF99_12_00",GEOGCS["GCS_SWEREF99"]]"#;
        assert_eq!(
            Crs::from_prj(local),
            Err("SWEREF99_12_00".to_string()),
            "a local zone is not TM"
        );
    }

    const EXPECTED: [((f64, f64), (f64, f64)); 3] = [
        ((319300.0, 6399900.0), (11.96724409134941, 57.70489471456116)),
        ((500000.0, 6600000.0), (14.999999999999982, 59.538349129564075)),
        ((370000.0, 6450000.0), (12.789825903023823, 58.172085599729925)),
    ];

    #[test]
    fn sweref_points_land_where_pyproj_puts_them() {
        let t = ToWgs84::from_sweref99tm().expect("projection");
        // Expected: pyproj 3 Transformer.from_crs(3006, 4326, always_xy=True).
        for ((x, y), (lon, lat)) in EXPECTED {
            let mut c = Coord { x, y };
            t.point(&mut c).expect("transforms");
            assert!(
                (c.x - lon).abs() < 1e-7 && (c.y - lat).abs() < 1e-7,
                "{x},{y} → {c:?}, expected {lon},{lat}"
            );
        }
    }

    #[test]
    fn crs_is_recognised_by_name_and_by_coordinates() {
        assert_eq!(
            Crs::from_name("urn:ogc:def:crs:EPSG::3006"),
            Some(Crs::Sweref99Tm)
        );
        assert_eq!(Crs::from_name("EPSG:4326"), Some(Crs::Wgs84));
        assert_eq!(Crs::from_coordinate(319300.0, 6399900.0), Some(Crs::Sweref99Tm));
        assert_eq!(Crs::from_coordinate(11.97, 57.7), Some(Crs::Wgs84));
        assert_eq!(Crs::from_coordinate(5e6, 5e6), None);
    }
}
