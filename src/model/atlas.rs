use super::{AreaLayer, Catalogue, Level, Observations, Period, SeriesKey};

/// The 13 member municipalities of Göteborgsregionen.
pub const GR_MUNICIPALITIES: [&str; 13] = [
    "1384", "1401", "1402", "1407", "1415", "1419", "1440", "1441", "1462", "1480", "1481", "1482", "1489",
];
/// Area code of region-level rows for all of GR in the observations.
pub const REGION_GR: &str = "GR";
/// Where measures over a set of areas of no known municipality are reported: all the areas of
/// the user's custom level (a division loaded for its own sake).
pub const REGION_ALL_LOADED: &str = "ALLA";
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

    pub fn layer(&self, level: &Level) -> Option<&AreaLayer> {
        self.layers.iter().find(|l| l.level == *level)
    }

    /// Link each custom layer whose areas name a parent area to the loaded level that holds
    /// most of those codes, and give areas without a municipality their parent's (a base area
    /// lies in its primary area's municipality). Run after layers are added or removed; a
    /// level whose parent is not loaded (yet) stays unlinked until it is.
    pub fn link_levels(&mut self) {
        // Again while municipalities pass down a step (district → primary → base area).
        for _ in 0..6 {
            if !self.link_levels_once() {
                break;
            }
        }
    }

    /// One pass of [`Self::link_levels`]; whether an area got a municipality from its parent.
    fn link_levels_once(&mut self) -> bool {
        let mut inherited = false;
        for i in 0..self.layers.len() {
            if !self.layers[i].level.is_custom() {
                continue;
            }
            let parents: Vec<&str> = self.layers[i]
                .areas
                .iter()
                .filter_map(|a| a.parent.as_deref())
                .collect();
            let best = self
                .layers
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(j, l)| (j, parents.iter().filter(|p| l.get_from_file(p).is_some()).count()))
                .filter(|(_, hits)| *hits > 0)
                .max_by_key(|(_, hits)| *hits)
                .map(|(j, _)| j);
            let Some(j) = best else {
                self.layers[i].parent_level = None;
                continue;
            };
            // Each area's parent as the parent level names it (a code kept apart included), and
            // the parent's municipality.
            let parents_found: Vec<Option<(String, Option<String>)>> = self.layers[i]
                .areas
                .iter()
                .map(|a| {
                    let parent = self.layers[j].get_from_file(a.parent.as_deref()?)?;
                    Some((
                        parent.code.clone(),
                        parent.municipality_code().map(str::to_string),
                    ))
                })
                .collect();
            let parent_level = self.layers[j].level.clone();
            let layer = &mut self.layers[i];
            layer.parent_level = Some(parent_level);
            for (area, found) in layer.areas.iter_mut().zip(parents_found) {
                let Some((parent_code, kommun)) = found else {
                    continue;
                };
                area.parent = Some(parent_code);
                if area.kommun.is_none() && kommun.is_some() {
                    area.kommun = kommun;
                    inherited = true;
                }
            }
        }
        inherited
    }

    /// The region's value for a series: the published region row when the data has one,
    /// otherwise the sum of the member municipalities for a count (persons add up), or their
    /// unweighted mean for anything else.
    pub fn region_value(&self, key: &SeriesKey, period: Period) -> Option<RegionValue> {
        if let Some(v) = self.observations.value(key, REGION_GR, period) {
            return Some(RegionValue {
                value: v,
                published: true,
                summed: false,
            });
        }
        let mut vals: Vec<f64> = GR_MUNICIPALITIES
            .iter()
            .filter_map(|c| self.observations.value(key, c, period))
            .collect();
        if vals.is_empty()
            && let Some(rolled_up) = crate::analysis::aggregate::to_level(self, key, period, Level::Kommun)
        {
            // Only finer areas have values (a city's own division): the municipalities' values
            // are what those roll up to by the catalogue's rule.
            vals = GR_MUNICIPALITIES
                .iter()
                .filter_map(|c| rolled_up.values.get(*c).copied())
                .collect();
        }
        let summed = self
            .catalogue
            .indicator(&key.indicator)
            .is_some_and(|i| i.is_count());
        let sum = vals.iter().sum::<f64>();
        (!vals.is_empty()).then(|| RegionValue {
            value: if summed { sum } else { sum / vals.len() as f64 },
            published: false,
            summed,
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

    /// The region's value (see [`Atlas::region_value`]) in every period of the indicator that
    /// has one, as a series for trends.
    pub fn region_series(&self, key: &SeriesKey) -> Vec<super::Observation> {
        self.observations
            .periods(&key.indicator)
            .iter()
            .filter_map(|p| {
                self.region_value(key, *p)
                    .map(|r| super::Observation::new(*p, r.value))
            })
            .collect()
    }

    pub fn sweden_value(&self, key: &SeriesKey, period: Period) -> Option<f64> {
        self.observations.value(key, REGION_SWEDEN, period)
    }
}

/// A region-wide reference value and whether it came from the data or was computed here.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RegionValue {
    pub value: f64,
    pub published: bool,
    /// Computed as the sum of the municipalities (a count), not their mean.
    pub summed: bool,
}
