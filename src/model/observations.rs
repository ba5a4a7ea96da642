use std::collections::HashMap;

use polars::prelude::{DataFrame, NamedFrom as _, PolarsResult, df};

use super::{AreaLayer, Period};

/// Identifies one series of values: an indicator for one group.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SeriesKey {
    pub indicator: String,
    pub group_by: String,
    pub group: String,
}

impl SeriesKey {
    pub fn new(indicator: &str, group_by: &str, group: &str) -> Self {
        Self {
            indicator: indicator.into(),
            group_by: group_by.into(),
            group: group.into(),
        }
    }

    pub fn total(indicator: &str) -> Self {
        Self::new(indicator, super::TOTAL, super::TOTAL)
    }
}

/// One value of a series for one area and period.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Observation {
    pub period: Period,
    pub value: f64,
    /// Margin of error (95 %), for survey values.
    pub moe: Option<f64>,
    /// Base: respondents or persons the value is computed from.
    pub n: Option<f64>,
}

impl Observation {
    /// A value without a margin of error or a base (a computed or published total).
    pub fn new(period: Period, value: f64) -> Self {
        Self {
            period,
            value,
            moe: None,
            n: None,
        }
    }
}

/// The tidy long table (`area_code, indicator, period, group_by, group, value, moe, n`) plus an
/// index built once at load, so that a selection change is answered with hash look-ups
/// instead of DataFrame scans.
#[derive(Clone, Debug, Default)]
pub struct Observations {
    table: DataFrame,
    /// series → area code → observations sorted by period.
    index: HashMap<SeriesKey, HashMap<String, Vec<Observation>>>,
    /// indicator → sorted periods with at least one value.
    periods: HashMap<String, Vec<Period>>,
    /// indicator → group_by → groups present.
    groups: HashMap<String, HashMap<String, Vec<String>>>,
    /// indicator → unit, where the file had a unit column.
    pub units: std::collections::BTreeMap<String, String>,
    /// indicator → name, where the file had a title.
    pub names: std::collections::BTreeMap<String, String>,
    /// Rows of the same area, indicator, group and period as an earlier row (the later wins).
    pub duplicates: usize,
    /// Survey values from too few respondents, moved out of `index` so that nothing maps,
    /// ranks or scores them; kept to say "too few answers" (series → area → observations).
    suppressed: HashMap<SeriesKey, HashMap<String, Vec<Observation>>>,
}

/// Each row's period as the table writes it, formatted once per distinct period.
fn period_texts(rows: &[(SeriesKey, String, Observation)]) -> Vec<String> {
    let mut texts: HashMap<Period, String> = HashMap::new();
    rows.iter()
        .map(|r| {
            texts
                .entry(r.2.period)
                .or_insert_with(|| r.2.period.to_string())
                .clone()
        })
        .collect()
}

impl Observations {
    /// Build from validated rows: the long table and the index. Later duplicates replace
    /// earlier ones in the index.
    pub fn from_rows(rows: Vec<(SeriesKey, String, Observation)>) -> PolarsResult<Self> {
        let table = df!(
            "area_code" => rows.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(),
            "indicator" => rows.iter().map(|r| r.0.indicator.as_str()).collect::<Vec<_>>(),
            "period" => period_texts(&rows),
            "group_by" => rows.iter().map(|r| r.0.group_by.as_str()).collect::<Vec<_>>(),
            "group" => rows.iter().map(|r| r.0.group.as_str()).collect::<Vec<_>>(),
            "value" => rows.iter().map(|r| r.2.value).collect::<Vec<_>>(),
            "moe" => rows.iter().map(|r| r.2.moe).collect::<Vec<_>>(),
            "n" => rows.iter().map(|r| r.2.n).collect::<Vec<_>>(),
        )?;
        let mut out = Self {
            table,
            ..Self::default()
        };
        out.duplicates = out.index_rows(rows);
        Ok(out)
    }

    /// Add another set of observations (a second file); its values win where both have one.
    pub fn extend(&mut self, other: Observations) -> PolarsResult<()> {
        if self.table.height() == 0 {
            self.table = other.table.clone();
        } else {
            self.table.vstack_mut(&other.table)?;
        }
        let rows = other.index.into_iter().flat_map(|(key, areas)| {
            areas.into_iter().flat_map(move |(area, obs)| {
                let key = key.clone();
                obs.into_iter().map(move |o| (key.clone(), area.clone(), o))
            })
        });
        self.index_rows(rows.collect());
        for (key, areas) in other.suppressed {
            self.suppressed.entry(key).or_default().extend(areas);
        }
        self.units.extend(other.units);
        self.names.extend(other.names);
        Ok(())
    }

    /// Index rows; returns how many replaced another value already there.
    fn index_rows(&mut self, rows: Vec<(SeriesKey, String, Observation)>) -> usize {
        let mut replaced = 0;
        for (key, area, obs) in rows {
            // Look up before inserting: most rows repeat an indicator and group already seen,
            // and cloning their keys for `entry` took a tenth of the start-up.
            let periods = match self.periods.get_mut(&key.indicator) {
                Some(p) => p,
                None => self.periods.entry(key.indicator.clone()).or_default(),
            };
            if let Err(pos) = periods.binary_search(&obs.period) {
                periods.insert(pos, obs.period);
            }
            let by_dimension = match self.groups.get_mut(&key.indicator) {
                Some(g) => g,
                None => self.groups.entry(key.indicator.clone()).or_default(),
            };
            let groups = match by_dimension.get_mut(&key.group_by) {
                Some(g) => g,
                None => by_dimension.entry(key.group_by.clone()).or_default(),
            };
            if !groups.contains(&key.group) {
                groups.push(key.group.clone());
            }
            if let Some(held) = self.suppressed.get_mut(&key).and_then(|a| a.get_mut(&area)) {
                held.retain(|o| o.period != obs.period);
            }
            let series = self.index.entry(key).or_default().entry(area).or_default();
            match series.binary_search_by_key(&obs.period, |o| o.period) {
                // The same value twice (a total given by two packed groupings) is one value.
                Ok(pos) if series[pos] == obs => {}
                Ok(pos) => {
                    series[pos] = obs;
                    replaced += 1;
                }
                Err(pos) => series.insert(pos, obs),
            }
        }
        replaced
    }

    /// Per area, the periods of `indicator` that other areas have but it lacks (any group).
    pub fn missing_periods(&self, indicator: &str) -> Vec<(String, Vec<Period>)> {
        let all = self.periods(indicator);
        let mut have: HashMap<&str, Vec<Period>> = HashMap::new();
        for areas in self
            .index
            .iter()
            .filter(|(k, _)| k.indicator == indicator)
            .map(|(_, a)| a)
        {
            for (area, obs) in areas {
                have.entry(area.as_str())
                    .or_default()
                    .extend(obs.iter().map(|o| o.period));
            }
        }
        let mut out: Vec<(String, Vec<Period>)> = have
            .into_iter()
            .filter_map(|(area, periods)| {
                let lacking: Vec<Period> = all.iter().copied().filter(|p| !periods.contains(p)).collect();
                (!lacking.is_empty()).then(|| (area.to_string(), lacking))
            })
            .collect();
        out.sort();
        out
    }

    /// Hold back the values of `indicator` that `suppress` picks (survey values from too few
    /// respondents): the index no longer has them, [`Observations::suppressed`] does. Returns
    /// how many were held back now.
    pub fn suppress(&mut self, indicator: &str, suppress: impl Fn(&Observation) -> bool) -> usize {
        let mut moved = 0;
        for (key, areas) in self.index.iter_mut().filter(|(k, _)| k.indicator == indicator) {
            for (area, series) in areas.iter_mut() {
                if !series.iter().any(&suppress) {
                    continue;
                }
                let held = self
                    .suppressed
                    .entry(key.clone())
                    .or_default()
                    .entry(area.clone())
                    .or_default();
                series.retain(|o| {
                    if suppress(o) {
                        if let Err(pos) = held.binary_search_by_key(&o.period, |h| h.period) {
                            held.insert(pos, *o);
                        }
                        moved += 1;
                        false
                    } else {
                        true
                    }
                });
            }
        }
        moved
    }

    /// Whether any value of `indicator` carries a margin of error (a survey's).
    pub fn has_margins(&self, indicator: &str) -> bool {
        self.index
            .iter()
            .filter(|(k, _)| k.indicator == indicator)
            .any(|(_, areas)| areas.values().flatten().any(|o| o.moe.is_some()))
    }

    /// The held-back survey value of a series for an area and period, if there is one.
    pub fn suppressed(&self, key: &SeriesKey, area: &str, period: Period) -> Option<Observation> {
        let held = self.suppressed.get(key)?.get(area)?;
        held.binary_search_by_key(&period, |o| o.period)
            .ok()
            .map(|i| held[i])
    }

    /// How many values of `indicator` are held back as from too few respondents.
    pub fn suppressed_count(&self, indicator: &str) -> usize {
        self.suppressed
            .iter()
            .filter(|(k, _)| k.indicator == indicator)
            .flat_map(|(_, a)| a.values())
            .map(Vec::len)
            .sum()
    }

    /// Remove every value of `indicator` (demo values that a user's real data replaces).
    pub fn remove_indicator(&mut self, indicator: &str) -> PolarsResult<()> {
        let ids = self.table.column("indicator")?.str()?.clone();
        let keep: polars::prelude::BooleanChunked = (0..ids.len())
            .map(|i| Some(ids.get(i) != Some(indicator)))
            .collect();
        self.table = self.table.filter(&keep)?;
        self.index.retain(|k, _| k.indicator != indicator);
        self.suppressed.retain(|k, _| k.indicator != indicator);
        self.periods.remove(indicator);
        self.groups.remove(indicator);
        self.units.remove(indicator);
        Ok(())
    }

    /// Give `from`'s values the id `to` (a user renamed an imported indicator).
    pub fn rename_indicator(&mut self, from: &str, to: &str) -> PolarsResult<()> {
        let ids = self.table.column("indicator")?.str()?.clone();
        let renamed: Vec<Option<&str>> = (0..ids.len())
            .map(|i| ids.get(i).map(|v| if v == from { to } else { v }))
            .collect();
        self.table.replace(
            "indicator",
            polars::prelude::Series::new("indicator".into(), renamed).into(),
        )?;
        for map in [&mut self.index, &mut self.suppressed] {
            let moved: Vec<_> = map.keys().filter(|k| k.indicator == from).cloned().collect();
            for key in moved {
                if let Some(series) = map.remove(&key) {
                    let renamed = SeriesKey {
                        indicator: to.to_string(),
                        ..key
                    };
                    map.insert(renamed, series);
                }
            }
        }
        for map in [&mut self.units, &mut self.names] {
            if let Some(v) = map.remove(from) {
                map.insert(to.to_string(), v);
            }
        }
        if let Some(p) = self.periods.remove(from) {
            self.periods.insert(to.to_string(), p);
        }
        if let Some(g) = self.groups.remove(from) {
            self.groups.insert(to.to_string(), g);
        }
        Ok(())
    }

    /// Give the values of the area codes in `renamed` their new codes (a division's code that
    /// another level also has is kept apart as `Level:code`).
    pub fn rename_areas(&mut self, renamed: &HashMap<String, String>) -> PolarsResult<()> {
        if renamed.is_empty() {
            return Ok(());
        }
        let codes = self.table.column("area_code")?.str()?.clone();
        let new: Vec<Option<&str>> = (0..codes.len())
            .map(|i| codes.get(i).map(|c| renamed.get(c).map_or(c, String::as_str)))
            .collect();
        self.table.replace(
            "area_code",
            polars::prelude::Series::new("area_code".into(), new).into(),
        )?;
        for areas in self.index.values_mut().chain(self.suppressed.values_mut()) {
            for (from, to) in renamed {
                if let Some(series) = areas.remove(from) {
                    areas.insert(to.clone(), series);
                }
            }
        }
        Ok(())
    }

    /// Grouping dimensions (besides the total) that `indicator` has values for.
    pub fn group_bys(&self, indicator: &str) -> Vec<String> {
        let mut dims: Vec<String> = self
            .groups
            .get(indicator)
            .map(|g| g.keys().filter(|k| k.as_str() != super::TOTAL).cloned().collect())
            .unwrap_or_default();
        dims.sort();
        dims
    }

    /// Indicator ids with at least one value, sorted.
    pub fn indicators(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.periods.keys().map(String::as_str).collect();
        ids.sort_unstable();
        ids
    }

    /// The canonical long table, for export and ad-hoc analysis.
    pub fn table(&self) -> &DataFrame {
        &self.table
    }

    pub fn len(&self) -> usize {
        self.table.height()
    }

    pub fn is_empty(&self) -> bool {
        self.table.height() == 0
    }

    /// The periods of `indicator` with at least one value, in time order.
    pub fn periods(&self, indicator: &str) -> &[Period] {
        self.periods.get(indicator).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Groups of `group_by` that have at least one value for `indicator`.
    pub fn groups(&self, indicator: &str, group_by: &str) -> &[String] {
        self.groups
            .get(indicator)
            .and_then(|g| g.get(group_by))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// All observations of a series for one area, in time order.
    pub fn series(&self, key: &SeriesKey, area: &str) -> &[Observation] {
        self.index
            .get(key)
            .and_then(|s| s.get(area))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn get(&self, key: &SeriesKey, area: &str, period: Period) -> Option<Observation> {
        let series = self.series(key, area);
        series
            .binary_search_by_key(&period, |o| o.period)
            .ok()
            .map(|i| series[i])
    }

    pub fn value(&self, key: &SeriesKey, area: &str, period: Period) -> Option<f64> {
        self.get(key, area, period).map(|o| o.value)
    }

    /// Values for every area of `layer`, aligned with its area order; `None` is no data.
    pub fn values_for_layer(&self, key: &SeriesKey, period: Period, layer: &AreaLayer) -> Vec<Option<f64>> {
        let Some(series) = self.index.get(key) else {
            return vec![None; layer.len()];
        };
        layer
            .areas
            .iter()
            .map(|a| {
                series.get(&a.code).and_then(|s| {
                    s.binary_search_by_key(&period, |o| o.period)
                        .ok()
                        .map(|i| s[i].value)
                })
            })
            .collect()
    }

    /// The observations of `key` per area code (one hash of the key for many areas).
    pub fn by_area(&self, key: &SeriesKey) -> Option<&HashMap<String, Vec<Observation>>> {
        self.index.get(key)
    }

    /// Every series of `indicator` (each grouping and group): its key and, per area code, its
    /// observations in time order.
    pub fn series_of<'a>(
        &'a self,
        indicator: &'a str,
    ) -> impl Iterator<Item = (&'a SeriesKey, &'a HashMap<String, Vec<Observation>>)> + 'a {
        self.index.iter().filter(move |(k, _)| k.indicator == indicator)
    }

    /// Area codes that have any value for `key`.
    pub fn areas_with(&self, key: &SeriesKey) -> impl Iterator<Item = &str> {
        self.index
            .get(key)
            .into_iter()
            .flat_map(|s| s.keys().map(String::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suppressed_values_leave_the_index_and_a_newer_value_replaces_them() {
        let key = SeriesKey::total("enkat");
        let obs = |year, value, n| {
            (
                key.clone(),
                "1480".to_string(),
                Observation {
                    n: Some(n),
                    ..Observation::new(Period::Year(year), value)
                },
            )
        };
        let mut o =
            Observations::from_rows(vec![obs(2022, 20.0, 12.0), obs(2024, 25.0, 400.0)]).expect("rows");
        assert_eq!(o.suppress("enkat", |x| x.n.is_some_and(|n| n < 30.0)), 1);
        assert_eq!(
            o.value(&key, "1480", Period::Year(2022)),
            None,
            "not mapped, ranked or scored"
        );
        assert_eq!(
            o.suppressed(&key, "1480", Period::Year(2022)).and_then(|x| x.n),
            Some(12.0)
        );
        assert_eq!(o.value(&key, "1480", Period::Year(2024)), Some(25.0));
        assert_eq!(o.suppressed_count("enkat"), 1);
        // Applying the rule again holds back nothing more.
        assert_eq!(o.suppress("enkat", |x| x.n.is_some_and(|n| n < 30.0)), 0);
        // A later file with enough answers for 2022 takes its place.
        o.extend(Observations::from_rows(vec![obs(2022, 21.0, 80.0)]).expect("rows"))
            .expect("extend");
        assert_eq!(o.value(&key, "1480", Period::Year(2022)), Some(21.0));
        assert_eq!(o.suppressed(&key, "1480", Period::Year(2022)), None);
    }
}
