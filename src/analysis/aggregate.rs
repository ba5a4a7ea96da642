//! Values of sub-municipal areas (DeSO, RegSO) combined into municipal ones, by the rule the
//! catalogue gives the indicator: counts add up, rates are weighted by their base `n`, and
//! indicators without a rule (medians, indices) are not combined. From 2025 SCB adds noise
//! to small-area figures, so sums need not equal published municipal totals exactly.
use std::collections::HashMap;

use crate::model::{Aggregation, Atlas, Level, SeriesKey};

/// Municipal values computed from a sub-level, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct Aggregated {
    pub from: Level,
    pub rule: Aggregation,
    /// Municipality code → value.
    pub values: HashMap<String, f64>,
    /// Municipalities left out because a weighted rate lacked its base `n` somewhere.
    pub incomplete: Vec<String>,
}

/// Aggregate `key` in `year` from the finest loaded sub-level that has values for it.
pub fn to_municipalities(atlas: &Atlas, key: &SeriesKey, year: i32) -> Option<Aggregated> {
    let rule = atlas.catalogue.indicator(&key.indicator)?.aggregation;
    if rule == Aggregation::None {
        return None;
    }
    [Level::Deso, Level::Regso].into_iter().find_map(|level| {
        let layer = atlas.layer(level)?;
        let mut sums: HashMap<String, (f64, f64, bool)> = HashMap::new();
        for area in &layer.areas {
            let (Some(obs), Some(kommun)) = (
                atlas.observations.get(key, &area.code, year),
                area.municipality_code(),
            ) else {
                continue;
            };
            let entry = sums.entry(kommun.to_string()).or_insert((0.0, 0.0, true));
            match rule {
                Aggregation::Sum => entry.0 += obs.value,
                Aggregation::Weighted => match obs.n {
                    Some(n) if n > 0.0 => {
                        entry.0 += obs.value * n;
                        entry.1 += n;
                    }
                    _ => entry.2 = false,
                },
                Aggregation::None => {}
            }
        }
        if sums.is_empty() {
            return None;
        }
        let mut values = HashMap::new();
        let mut incomplete = Vec::new();
        for (kommun, (total, weight, complete)) in sums {
            match rule {
                Aggregation::Weighted if !complete || weight == 0.0 => incomplete.push(kommun),
                Aggregation::Weighted => {
                    values.insert(kommun, total / weight);
                }
                _ => {
                    values.insert(kommun, total);
                }
            }
        }
        incomplete.sort();
        Some(Aggregated {
            from: level,
            rule,
            values,
            incomplete,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Area, AreaLayer, Observation, Observations};
    use geo::{MultiPolygon, polygon};

    fn atlas(rule: Aggregation, rows: &[(&str, f64, Option<f64>)]) -> Atlas {
        let mut atlas = crate::io::embedded::atlas().expect("embedded");
        let square = || {
            MultiPolygon(vec![
                polygon![(x: 11.9, y: 57.7), (x: 12.0, y: 57.7), (x: 12.0, y: 57.8), (x: 11.9, y: 57.7)],
            ])
        };
        let areas = ["1480C0001", "1480C0002", "1481C0001"]
            .iter()
            .map(|c| Area::new(c.to_string(), c.to_string(), None, square()))
            .collect();
        atlas.layers.push(AreaLayer::new(Level::Deso, areas));
        if let Some(ind) = atlas
            .catalogue
            .indicators
            .iter_mut()
            .find(|i| i.id == "folkmangd")
        {
            ind.aggregation = rule;
        }
        let obs = rows
            .iter()
            .map(|(code, value, n)| {
                (
                    SeriesKey::total("folkmangd"),
                    code.to_string(),
                    Observation {
                        year: 2030,
                        value: *value,
                        moe: None,
                        n: *n,
                    },
                )
            })
            .collect();
        atlas.observations = Observations::from_rows(obs).expect("table");
        atlas
    }

    #[test]
    fn counts_add_up_to_their_municipality() {
        let a = atlas(
            Aggregation::Sum,
            &[
                ("1480C0001", 1200.0, None),
                ("1480C0002", 800.0, None),
                ("1481C0001", 950.0, None),
            ],
        );
        let agg = to_municipalities(&a, &SeriesKey::total("folkmangd"), 2030).expect("aggregated");
        assert_eq!(agg.from, Level::Deso);
        assert_eq!(agg.values.get("1480"), Some(&2000.0));
        assert_eq!(agg.values.get("1481"), Some(&950.0));
    }

    #[test]
    fn rates_are_weighted_by_their_base_and_need_it_everywhere() {
        let a = atlas(
            Aggregation::Weighted,
            &[
                ("1480C0001", 50.0, Some(300.0)),
                ("1480C0002", 70.0, Some(100.0)),
                ("1481C0001", 60.0, None),
            ],
        );
        let agg = to_municipalities(&a, &SeriesKey::total("folkmangd"), 2030).expect("aggregated");
        assert_eq!(agg.values.get("1480"), Some(&55.0), "(50·300 + 70·100) / 400");
        assert_eq!(agg.incomplete, vec!["1481".to_string()], "no base, no rate");
    }

    #[test]
    fn indicators_without_a_rule_are_not_aggregated() {
        let a = atlas(Aggregation::None, &[("1480C0001", 1.0, None)]);
        assert!(to_municipalities(&a, &SeriesKey::total("folkmangd"), 2030).is_none());
        let a = atlas(Aggregation::Sum, &[("1480C0001", 1.0, None)]);
        assert!(
            to_municipalities(&a, &SeriesKey::total("folkmangd"), 2031).is_none(),
            "no values that year"
        );
    }
}
