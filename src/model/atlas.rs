use super::{AreaLayer, Catalogue, Level, Observations, SeriesKey};

/// The 13 member municipalities of Göteborgsregionen.
pub const GR_MUNICIPALITIES: [&str; 13] = [
    "1384", "1401", "1402", "1407", "1415", "1419", "1440", "1441", "1462", "1480", "1481", "1482", "1489",
];
/// Area code of region-level rows for all of GR in the observations.
pub const REGION_GR: &str = "GR";
/// Area code of national rows ("riket").
pub const REGION_SWEDEN: &str = "SE";

pub fn is_gr_municipality(code: &str) -> bool {
    GR_MUNICIPALITIES.contains(&code)
}

/// Everything loaded: area layers, the indicator catalogue and the observations.
#[derive(Clone, Debug)]
pub struct Atlas {
    pub catalogue: Catalogue,
    pub layers: Vec<AreaLayer>,
    pub observations: Observations,
}

impl Atlas {
    /// Take an indicator out: its values and its catalogue entry. The entry goes even when
    /// removing the values fails (the error is returned), so no half-known indicator stays listed.
    pub fn remove_indicator(&mut self, id: &str) -> polars::prelude::PolarsResult<()> {
        let removed = self.observations.remove_indicator(id);
        self.catalogue.indicators.retain(|i| i.id != id);
        removed
    }

    pub fn layer(&self, level: Level) -> Option<&AreaLayer> {
        self.layers.iter().find(|l| l.level == level)
    }

    /// The region's value for a series: the published region row when the data has one,
    /// otherwise the unweighted mean of the member municipalities that have a value.
    pub fn region_value(&self, key: &SeriesKey, year: i32) -> Option<RegionValue> {
        if let Some(v) = self.observations.value(key, REGION_GR, year) {
            return Some(RegionValue {
                value: v,
                published: true,
            });
        }
        let vals: Vec<f64> = GR_MUNICIPALITIES
            .iter()
            .filter_map(|c| self.observations.value(key, c, year))
            .collect();
        (!vals.is_empty()).then(|| RegionValue {
            value: vals.iter().sum::<f64>() / vals.len() as f64,
            published: false,
        })
    }

    /// Groups of `group_by` that have values for `indicator`, in the catalogue's order.
    pub fn groups_ordered(&self, indicator: &str, group_by: &str) -> Vec<String> {
        let present = self.observations.groups(indicator, group_by);
        match self.catalogue.dimension(group_by) {
            Some(dim) => dim
                .groups
                .iter()
                .map(|g| g.id.clone())
                .filter(|g| present.contains(g))
                .collect(),
            None => present.to_vec(),
        }
    }

    pub fn sweden_value(&self, key: &SeriesKey, year: i32) -> Option<f64> {
        self.observations.value(key, REGION_SWEDEN, year)
    }
}

/// A region-wide reference value and whether it came from the data or was computed here.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegionValue {
    pub value: f64,
    pub published: bool,
}
