//! Values of finer areas combined into coarser ones, by the rule the catalogue gives the
//! indicator: counts add up, rates are weighted by their base `n`, and indicators without a
//! rule (medians, indices) are not combined. DeSO and RegSO roll up to their municipality by
//! code; DeSO rolls up to RegSO only through the relation a boundary file gives (`regsokod`).
//! From 2025 SCB adds noise to small-area figures, so sums need not equal published totals.
use std::collections::HashMap;

use crate::model::{Aggregation, Area, Atlas, Level, SeriesKey};

/// Values of a coarser level computed from a finer one, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct Aggregated {
    pub from: Level,
    pub rule: Aggregation,
    /// Code of the coarser area → value.
    pub values: HashMap<String, f64>,
    /// Coarser areas left out because a weighted rate lacked its base `n` somewhere.
    pub incomplete: Vec<String>,
}

/// How a finer area names the coarser area it lies in.
type CoarserOf = fn(&Area) -> Option<&str>;

/// The finer levels that can roll up into `target`, finest first.
fn sources(target: Level) -> &'static [(Level, CoarserOf)] {
    match target {
        Level::Kommun => &[
            (Level::Deso, Area::municipality_code),
            (Level::Regso, Area::municipality_code),
        ],
        Level::Regso => &[(Level::Deso, |a: &Area| a.regso.as_deref())],
        Level::Deso | Level::Custom => &[],
    }
}

/// Aggregate `key` in `year` into the areas of `target` from the finest loaded level that has
/// values for it and can be related to `target`.
pub fn to_level(atlas: &Atlas, key: &SeriesKey, year: i32, target: Level) -> Option<Aggregated> {
    let rule = atlas.catalogue.indicator(&key.indicator)?.aggregation;
    if rule == Aggregation::None {
        return None;
    }
    sources(target).iter().find_map(|(level, coarser_of)| {
        let layer = atlas.layer(*level)?;
        let mut sums: HashMap<String, (f64, f64, bool)> = HashMap::new();
        for area in &layer.areas {
            let (Some(obs), Some(coarser)) =
                (atlas.observations.get(key, &area.code, year), coarser_of(area))
            else {
                continue;
            };
            let entry = sums.entry(coarser.to_string()).or_insert((0.0, 0.0, true));
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
        for (coarser, (total, weight, complete)) in sums {
            match rule {
                Aggregation::Weighted if !complete || weight == 0.0 => incomplete.push(coarser),
                Aggregation::Weighted => {
                    values.insert(coarser, total / weight);
                }
                _ => {
                    values.insert(coarser, total);
                }
            }
        }
        incomplete.sort();
        Some(Aggregated {
            from: *level,
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
            .map(|c| {
                Area::new(c.to_string(), c.to_string(), None, square())
                    .in_regso(Some(format!("{}R001", &c[..4])))
            })
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
        let agg = to_level(&a, &SeriesKey::total("folkmangd"), 2030, Level::Kommun).expect("aggregated");
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
        let agg = to_level(&a, &SeriesKey::total("folkmangd"), 2030, Level::Kommun).expect("aggregated");
        assert_eq!(agg.values.get("1480"), Some(&55.0), "(50·300 + 70·100) / 400");
        assert_eq!(agg.incomplete, vec!["1481".to_string()], "no base, no rate");
    }

    #[test]
    fn deso_rolls_up_to_regso_through_the_relation_only() {
        let mut a = atlas(
            Aggregation::Sum,
            &[
                ("1480C0001", 1200.0, None),
                ("1480C0002", 800.0, None),
                ("1481C0001", 950.0, None),
            ],
        );
        let key = SeriesKey::total("folkmangd");
        let agg = to_level(&a, &key, 2030, Level::Regso).expect("aggregated");
        assert_eq!(agg.from, Level::Deso);
        assert_eq!(agg.values.get("1480R001"), Some(&2000.0));
        assert_eq!(agg.values.get("1481R001"), Some(&950.0));
        for layer in &mut a.layers {
            for area in &mut layer.areas {
                area.regso = None;
            }
        }
        assert!(
            to_level(&a, &key, 2030, Level::Regso).is_none(),
            "no relation, no RegSO values"
        );
        assert!(
            to_level(&a, &key, 2030, Level::Deso).is_none(),
            "nothing is finer than DeSO"
        );
    }

    #[test]
    fn indicators_without_a_rule_are_not_aggregated() {
        let a = atlas(Aggregation::None, &[("1480C0001", 1.0, None)]);
        assert!(to_level(&a, &SeriesKey::total("folkmangd"), 2030, Level::Kommun).is_none());
        let a = atlas(Aggregation::Sum, &[("1480C0001", 1.0, None)]);
        assert!(
            to_level(&a, &SeriesKey::total("folkmangd"), 2031, Level::Kommun).is_none(),
            "no values that year"
        );
    }
}
