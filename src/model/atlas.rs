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
    /// Activities (verksamheter) loaded from the user's files or the demo set.
    pub activities: Vec<super::Activity>,
}

impl Atlas {
    /// Take an indicator out: its values and its catalogue entry. The entry goes even when
    /// removing the values fails (the error is returned), so no half-known indicator stays listed.
    pub fn remove_indicator(&mut self, id: &str) -> polars::prelude::PolarsResult<()> {
        let removed = self.observations.remove_indicator(id);
        self.catalogue.indicators.retain(|i| i.id != id);
        removed
    }

    /// Hold back every survey value that its indicator's threshold suppresses (too few
    /// respondents), so that no map, rank or score uses it. Per indicator, how many now.
    pub fn suppress_small_samples(&mut self) -> Vec<(String, usize)> {
        let mut held = Vec::new();
        for ind in self.catalogue.indicators.iter().filter(|i| i.survey) {
            let count = self.observations.suppress(&ind.id, |o| ind.suppresses(o.n));
            if count > 0 {
                held.push((ind.id.clone(), count));
            }
        }
        held
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
            layer.municipalities_changed();
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
        let vals: Vec<f64> = GR_MUNICIPALITIES
            .iter()
            .filter_map(|c| self.observations.value(key, c, period))
            .collect();
        let rule = self.catalogue.indicator(&key.indicator).map(|i| i.aggregation);
        if vals.is_empty() {
            return self.region_value_from_finer(key, period, rule?);
        }
        let summed = rule == Some(super::Aggregation::Sum);
        let sum = vals.iter().sum::<f64>();
        (!vals.is_empty()).then(|| RegionValue {
            value: if summed { sum } else { sum / vals.len() as f64 },
            published: false,
            summed,
        })
    }

    /// GR's value when only finer areas have values (a city's own division, DeSO tables):
    /// from the GR areas of the level with the most of them valued, by the catalogue's rule —
    /// counts summed, rates weighted by their base (none when an area lacks it).
    fn region_value_from_finer(
        &self,
        key: &SeriesKey,
        period: Period,
        rule: super::Aggregation,
    ) -> Option<RegionValue> {
        let layer = self.finest_valued_layer(key)?;
        let mut total = GrTotal::default();
        for i in layer.gr_indices() {
            if let Some(o) = self.observations.get(key, &layer.areas[*i].code, period) {
                total.add(rule, &o);
            }
        }
        Some(RegionValue {
            value: total.value(rule)?,
            published: false,
            summed: rule == super::Aggregation::Sum,
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
        let municipal = std::iter::once(REGION_GR)
            .chain(GR_MUNICIPALITIES)
            .any(|c| !self.observations.series(key, c).is_empty());
        let rule = self.catalogue.indicator(&key.indicator).map(|i| i.aggregation);
        if let (false, Some(rule)) = (municipal, rule) {
            // Only finer areas have values: one pass over their series, not one per period.
            return self.region_series_from_finer(key, rule);
        }
        self.observations
            .periods(&key.indicator)
            .iter()
            .filter_map(|p| {
                self.region_value(key, *p)
                    .map(|r| super::Observation::new(*p, r.value))
            })
            .collect()
    }

    /// [`Atlas::region_value_from_finer`] for every period at once.
    fn region_series_from_finer(&self, key: &SeriesKey, rule: super::Aggregation) -> Vec<super::Observation> {
        let Some(layer) = self.finest_valued_layer(key) else {
            return Vec::new();
        };
        // Per period of the indicator, GR's total so far.
        let periods = self.observations.periods(&key.indicator);
        let Some(by_area) = self.observations.by_area(key) else {
            return Vec::new();
        };
        let mut totals = vec![GrTotal::default(); periods.len()];
        for i in layer.gr_indices() {
            let Some(series) = by_area.get(&layer.areas[*i].code) else {
                continue;
            };
            // Both in time order: walk the indicator's periods alongside the area's.
            let mut at = 0;
            for o in series {
                while at < periods.len() && periods[at] < o.period {
                    at += 1;
                }
                if at < periods.len() && periods[at] == o.period {
                    totals[at].add(rule, o);
                }
            }
        }
        periods
            .iter()
            .zip(totals)
            .filter_map(|(period, total)| Some(super::Observation::new(*period, total.value(rule)?)))
            .collect()
    }

    /// The non-municipal layer with the most GR areas that have values for `key`.
    fn finest_valued_layer(&self, key: &SeriesKey) -> Option<&AreaLayer> {
        let by_area = self.observations.by_area(key)?;
        self.layers
            .iter()
            .filter(|l| l.level != Level::Kommun)
            .map(|l| {
                let valued = l
                    .gr_indices()
                    .iter()
                    .filter(|i| by_area.contains_key(&l.areas[**i].code))
                    .count();
                (l, valued)
            })
            .filter(|(_, n)| *n > 0)
            .max_by_key(|(_, n)| *n)
            .map(|(l, _)| l)
    }

    pub fn sweden_value(&self, key: &SeriesKey, period: Period) -> Option<f64> {
        self.observations.value(key, REGION_SWEDEN, period)
    }
}

/// GR's value summed up from finer areas by the catalogue's rule, one area at a time: counts
/// add up, rates are weighted by their base (none when an area lacks it), others have none.
#[derive(Clone, Copy, Debug, Default)]
struct GrTotal {
    /// Values, or values times their base for a rate.
    sum: f64,
    base: f64,
    /// Some area lacked the base a rate needs.
    base_missing: bool,
    any: bool,
}

impl GrTotal {
    fn add(&mut self, rule: super::Aggregation, o: &super::Observation) {
        self.any = true;
        match (rule, o.n) {
            (super::Aggregation::Weighted, Some(n)) => {
                self.sum += o.value * n;
                self.base += n;
            }
            (super::Aggregation::Weighted, None) => self.base_missing = true,
            _ => self.sum += o.value,
        }
    }

    fn value(self, rule: super::Aggregation) -> Option<f64> {
        match rule {
            _ if !self.any => None,
            super::Aggregation::Sum => Some(self.sum),
            super::Aggregation::Weighted if !self.base_missing && self.base > 0.0 => {
                Some(self.sum / self.base)
            }
            _ => None,
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Aggregation, Observation};

    /// Counts add up; a rate is weighted by its base and has no value when an area lacks one.
    #[test]
    fn gr_total_follows_the_catalogue_rule() {
        let at = |value, n| Observation {
            n,
            ..Observation::new(Period::Year(2024), value)
        };
        let total = |rule, obs: &[Observation]| {
            let mut t = GrTotal::default();
            obs.iter().for_each(|o| t.add(rule, o));
            t.value(rule)
        };
        let rates = [at(50.0, Some(300.0)), at(70.0, Some(100.0))];
        assert_eq!(total(Aggregation::Sum, &rates), Some(120.0));
        assert_eq!(total(Aggregation::Weighted, &rates), Some(55.0));
        assert_eq!(total(Aggregation::Weighted, &[rates[0], at(60.0, None)]), None);
        assert_eq!(total(Aggregation::None, &rates), None);
        assert_eq!(total(Aggregation::Sum, &[]), None, "no area, no value");
    }
}
