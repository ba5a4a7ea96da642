use std::borrow::Cow;
use std::collections::HashMap;

use geo::{BoundingRect, MultiPolygon, Rect};

/// The geographic level of an area layer: SCB's three, or a division of the user's own (a
/// city's districts, primary areas, base areas), named by the user. Several custom levels can
/// be loaded side by side; each is told apart by its name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", from = "LevelRepr")]
pub enum Level {
    Kommun,
    Regso,
    Deso,
    Custom(String),
}

/// The name a custom level gets when nobody named it (older settings said only `"custom"`).
pub const UNNAMED_CUSTOM_LEVEL: &str = "Egna områden";

/// What settings files hold: `"kommun"`, or `{"custom": "Primärområde"}` (and, from before
/// custom levels had names, `"custom"`).
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum LevelRepr {
    Plain(String),
    Custom { custom: String },
}

impl From<LevelRepr> for Level {
    fn from(repr: LevelRepr) -> Self {
        match repr {
            LevelRepr::Custom { custom } => Level::Custom(custom),
            LevelRepr::Plain(name) => match name.as_str() {
                "regso" => Level::Regso,
                "deso" => Level::Deso,
                "custom" => Level::Custom(UNNAMED_CUSTOM_LEVEL.into()),
                _ => Level::Kommun,
            },
        }
    }
}

impl Level {
    /// The level's name in reports (which are in English, like the CLI); a custom level's own name.
    pub fn report_name(&self) -> Cow<'_, str> {
        match self {
            Level::Kommun => "municipal".into(),
            Level::Regso => "RegSO".into(),
            Level::Deso => "DeSO".into(),
            Level::Custom(name) => name.as_str().into(),
        }
    }

    /// The level's name in a Swedish report: "kommun", "DeSO", a custom level's own name.
    pub fn report_name_sv(&self) -> Cow<'_, str> {
        match self {
            Level::Kommun => "kommun".into(),
            other => other.report_name(),
        }
    }

    pub fn is_custom(&self) -> bool {
        matches!(self, Level::Custom(_))
    }
}

/// One statistical area with its boundary in WGS84 (x = longitude, y = latitude).
#[derive(Clone, Debug)]
pub struct Area {
    pub code: String,
    pub name: String,
    /// Code of the municipality the area lies in, when the file gives it (`kommunkod`).
    pub kommun: Option<String>,
    /// Code of the enclosing area on the layer's parent level, when the file gives the
    /// relation: a DeSO's RegSO (`regsokod`), a base area's primary area.
    pub parent: Option<String>,
    /// The code as the division's own files write it, when `code` had to be kept apart from
    /// another level's area of the same code (`Basomraden:2101` beside Ockelbo's `2101`).
    pub code_in_files: Option<String>,
    pub lonlat: MultiPolygon<f64>,
    pub bbox_lonlat: Option<Rect<f64>>,
    /// What the map draws and hit-tests when it differs from `lonlat` (clipped to land).
    pub display: Option<MultiPolygon<f64>>,
}

impl Area {
    /// The geometry to draw: clipped to land where that was done, else the original.
    pub fn drawn(&self) -> &MultiPolygon<f64> {
        self.display.as_ref().unwrap_or(&self.lonlat)
    }

    /// The municipality this area is in: the one the file gives when known, otherwise read from
    /// an SCB code: a municipality's own four digits, or the first four of a DeSO or RegSO code
    /// (`1480C1234`, `1480R001`). A division's own codes (`10101`) say nothing of it.
    pub fn municipality_code(&self) -> Option<&str> {
        if let Some(kommun) = &self.kommun {
            return Some(kommun);
        }
        let b = self.code.as_bytes();
        let prefix = self.code.get(..4)?;
        let scb_shaped = b[..4].iter().all(u8::is_ascii_digit)
            && (b.len() == 4 || b.get(4).is_some_and(|c| matches!(c, b'A' | b'B' | b'C' | b'R')));
        scb_shaped.then_some(prefix)
    }

    /// This area, recorded as part of the area `parent` of the level above (ignored when empty).
    pub fn within(mut self, parent: Option<String>) -> Self {
        self.parent = parent.filter(|r| !r.is_empty());
        self
    }

    /// Whether the area counts as part of GR on a layer of `level`: it lies in a GR
    /// municipality, or it is a custom area of no known municipality (a planner's own
    /// districts, loaded for GR).
    pub fn in_gr(&self, level: &Level) -> bool {
        match self.municipality_code() {
            Some(m) => super::is_gr_municipality(m),
            None => level.is_custom(),
        }
    }

    pub fn new(code: String, name: String, kommun: Option<String>, lonlat: MultiPolygon<f64>) -> Self {
        let bbox_lonlat = lonlat.bounding_rect();
        Self {
            code,
            name,
            kommun,
            parent: None,
            code_in_files: None,
            lonlat,
            bbox_lonlat,
            display: None,
        }
    }
}

/// Areas of one level, in a fixed order that every per-area vector in the app is aligned to.
#[derive(Clone, Debug)]
pub struct AreaLayer {
    pub level: Level,
    /// The level the areas' `parent` codes point into: RegSO for DeSO, and for a custom level
    /// the loaded level whose codes they match (set when the layers are linked).
    pub parent_level: Option<Level>,
    pub areas: Vec<Area>,
    index_by_code: HashMap<String, usize>,
    /// Areas whose code was kept apart, by the code their files write.
    index_by_file_code: HashMap<String, usize>,
    /// The areas that lie in GR, found on first use (see [`AreaLayer::gr_indices`]).
    gr_indices: std::sync::OnceLock<Vec<usize>>,
}

impl AreaLayer {
    pub fn new(level: Level, areas: Vec<Area>) -> Self {
        let index_by_code = areas
            .iter()
            .enumerate()
            .map(|(i, a)| (a.code.clone(), i))
            .collect();
        let index_by_file_code = areas
            .iter()
            .enumerate()
            .filter_map(|(i, a)| Some((a.code_in_files.clone()?, i)))
            .collect();
        let parent_level =
            (level == Level::Deso && areas.iter().any(|a| a.parent.is_some())).then_some(Level::Regso);
        Self {
            level,
            parent_level,
            areas,
            index_by_code,
            index_by_file_code,
            gr_indices: std::sync::OnceLock::new(),
        }
    }

    /// Indices of the areas that lie in GR, in layer order; found once, since the region's
    /// value is summed over them for every period of a trend.
    pub fn gr_indices(&self) -> &[usize] {
        self.gr_indices.get_or_init(|| {
            (0..self.areas.len())
                .filter(|i| self.areas[*i].in_gr(&self.level))
                .collect()
        })
    }

    /// Forget which areas lie in GR, after their municipalities changed.
    pub fn municipalities_changed(&mut self) {
        self.gr_indices = std::sync::OnceLock::new();
    }

    pub fn index_of(&self, code: &str) -> Option<usize> {
        self.index_by_code.get(code).copied()
    }

    pub fn get(&self, code: &str) -> Option<&Area> {
        self.index_of(code).map(|i| &self.areas[i])
    }

    /// The area a file's code names: by its code, or by the code its files write where that
    /// was kept apart.
    pub fn get_from_file(&self, code: &str) -> Option<&Area> {
        self.index_of(code)
            .or_else(|| self.index_by_file_code.get(code).copied())
            .map(|i| &self.areas[i])
    }

    pub fn len(&self) -> usize {
        self.areas.len()
    }

    pub fn is_empty(&self) -> bool {
        self.areas.is_empty()
    }

    /// Bounding box of the areas whose code passes `keep`, in WGS84.
    pub fn bbox_of(&self, keep: impl Fn(&str) -> bool) -> Option<Rect<f64>> {
        self.areas
            .iter()
            .filter(|a| keep(&a.code))
            .filter_map(|a| a.bbox_lonlat)
            .reduce(|a, b| {
                Rect::new(
                    geo::coord! { x: a.min().x.min(b.min().x), y: a.min().y.min(b.min().y) },
                    geo::coord! { x: a.max().x.max(b.max().x), y: a.max().y.max(b.max().y) },
                )
            })
    }
}
