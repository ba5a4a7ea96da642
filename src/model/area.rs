use std::collections::HashMap;

use geo::{BoundingRect, MultiPolygon, Rect};

/// The geographic level of an area layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Kommun,
    Regso,
    Deso,
    Custom,
}

impl Level {
    /// The level's name in reports (which are in English, like the CLI).
    pub fn report_name(self) -> &'static str {
        match self {
            Level::Kommun => "municipal",
            Level::Regso => "RegSO",
            Level::Deso => "DeSO",
            Level::Custom => "custom",
        }
    }
}

/// One statistical area with its boundary in WGS84 (x = longitude, y = latitude).
#[derive(Clone, Debug)]
pub struct Area {
    pub code: String,
    pub name: String,
    /// Code of the enclosing area (a DeSO's municipality, say), when known.
    pub parent: Option<String>,
    /// Code of the RegSO a DeSO belongs to, when the boundary file gives the relation
    /// (SCB's DeSO files carry `regsokod`).
    pub regso: Option<String>,
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

    /// The municipality this area is in: the parent when known, otherwise the first four digits
    /// of a DeSO or RegSO code (`1480C1234`, `1480R001`), or the code itself for a municipality.
    pub fn municipality_code(&self) -> Option<&str> {
        if let Some(parent) = &self.parent {
            return Some(parent);
        }
        let prefix = self.code.get(..4)?;
        prefix.bytes().all(|b| b.is_ascii_digit()).then_some(prefix)
    }

    /// This area, recorded as part of the RegSO `regso` (ignored for other levels' codes when empty).
    pub fn in_regso(mut self, regso: Option<String>) -> Self {
        self.regso = regso.filter(|r| !r.is_empty());
        self
    }

    /// Whether the area counts as part of GR on a layer of `level`: it lies in a GR
    /// municipality, or it is a custom area of no known municipality (a planner's own
    /// districts, loaded for GR).
    pub fn in_gr(&self, level: Level) -> bool {
        match self.municipality_code() {
            Some(m) => super::is_gr_municipality(m),
            None => level == Level::Custom,
        }
    }

    pub fn new(code: String, name: String, parent: Option<String>, lonlat: MultiPolygon<f64>) -> Self {
        let bbox_lonlat = lonlat.bounding_rect();
        Self {
            code,
            name,
            parent,
            regso: None,
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
    pub areas: Vec<Area>,
    index_by_code: HashMap<String, usize>,
}

impl AreaLayer {
    pub fn new(level: Level, areas: Vec<Area>) -> Self {
        let index_by_code = areas
            .iter()
            .enumerate()
            .map(|(i, a)| (a.code.clone(), i))
            .collect();
        Self {
            level,
            areas,
            index_by_code,
        }
    }

    pub fn index_of(&self, code: &str) -> Option<usize> {
        self.index_by_code.get(code).copied()
    }

    pub fn get(&self, code: &str) -> Option<&Area> {
        self.index_of(code).map(|i| &self.areas[i])
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
