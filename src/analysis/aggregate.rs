//! Values of finer areas combined into coarser ones, by the rule the catalogue gives the
//! indicator: counts add up, rates are weighted by their base `n`, and indicators without a
//! rule (medians, indices) are not combined. Every finer level rolls up to its municipality by
//! code; a level rolls up to the level above it only through the relation its boundary file
//! gives (DeSO → RegSO by `regsokod`, a base area → its primary area by a parent-code
//! attribute), step by step (base → primary → district) when the values sit further down.
//! From 2025 SCB adds noise to small-area figures, so sums need not equal published totals.
use std::collections::HashMap;

use crate::model::{Aggregation, Area, AreaLayer, Atlas, Level, Period, SeriesKey};

/// Values of a coarser level computed from a finer one, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct Aggregated {
    /// The level the values were read at (the finest one in a chain of roll-ups).
    pub from: Level,
    pub rule: Aggregation,
    /// Code of the coarser area → value.
    pub values: HashMap<String, f64>,
    /// Coarser areas left out because a weighted rate lacked its base `n` somewhere.
    pub incomplete: Vec<String>,
}

/// How a finer area names the coarser area it lies in.
type CoarserOf = fn(&Area) -> Option<&str>;

/// The loaded layers that can roll up into `target`, with how each names its coarser area:
/// a layer whose parent level is `target` by its parent codes, and for municipalities every
/// finer layer by its municipality. SCB's levels first (DeSO before RegSO), then the user's,
/// the larger (finer) first.
fn sources<'a>(atlas: &'a Atlas, target: &Level) -> Vec<(&'a AreaLayer, CoarserOf)> {
    let mut found: Vec<(&AreaLayer, CoarserOf)> = atlas
        .layers
        .iter()
        .filter(|l| l.level != *target)
        .filter_map(|l| {
            if l.parent_level.as_ref() == Some(target) {
                Some((l, (|a: &Area| a.parent.as_deref()) as CoarserOf))
            } else if *target == Level::Kommun {
                Some((l, Area::municipality_code as CoarserOf))
            } else {
                None
            }
        })
        .collect();
    let rank = |l: &AreaLayer| match l.level {
        Level::Deso => (0, 0),
        Level::Regso => (1, 0),
        _ => (2, usize::MAX - l.len()),
    };
    found.sort_by_key(|(l, _)| rank(l));
    found
}

/// A value with the base it stands for (the summed `n` of a weighted rate).
type Weighted = (f64, Option<f64>);

/// Aggregate `key` in `period` into the areas of `target` from the finest loaded level that has
/// values for it and can be related to `target`.
pub fn to_level(atlas: &Atlas, key: &SeriesKey, period: Period, target: Level) -> Option<Aggregated> {
    let rule = atlas.catalogue.indicator(&key.indicator)?.aggregation;
    if rule == Aggregation::None {
        return None;
    }
    roll_up(atlas, key, period, &target, rule, 0).map(|(values, incomplete, from)| Aggregated {
        from,
        rule,
        values: values.into_iter().map(|(code, (v, _))| (code, v)).collect(),
        incomplete,
    })
}

/// Whether `indicator` (its total) has values on `layer` in some period, given or rolled up from
/// a finer level: the map would show something there.
pub fn has_values_at(atlas: &Atlas, indicator: &str, layer: &AreaLayer) -> bool {
    let key = SeriesKey::total(indicator);
    if atlas
        .observations
        .areas_with(&key)
        .any(|code| layer.index_of(code).is_some())
    {
        return true;
    }
    atlas
        .observations
        .periods(indicator)
        .last()
        .is_some_and(|period| to_level(atlas, &key, *period, layer.level.clone()).is_some())
}

/// Deep enough for base area → primary area → district → city part → municipality, and a
/// guard against parent relations that loop.
const MAX_STEPS: usize = 6;

fn roll_up(
    atlas: &Atlas,
    key: &SeriesKey,
    period: Period,
    target: &Level,
    rule: Aggregation,
    depth: usize,
) -> Option<(HashMap<String, Weighted>, Vec<String>, Level)> {
    if depth >= MAX_STEPS {
        return None;
    }
    sources(atlas, target)
        .into_iter()
        .find_map(|(layer, coarser_of)| {
            // The finer layer's own values, or else what rolls up into it from further down.
            let own: Vec<(&Area, Weighted)> = layer
                .areas
                .iter()
                .filter_map(|a| {
                    atlas
                        .observations
                        .get(key, &a.code, period)
                        .map(|o| (a, (o.value, o.n)))
                })
                .collect();
            let (finer, mut incomplete, from) = if own.is_empty() {
                let (below, incomplete, from) = roll_up(atlas, key, period, &layer.level, rule, depth + 1)?;
                let finer = layer
                    .areas
                    .iter()
                    .filter_map(|a| below.get(&a.code).map(|v| (a, *v)))
                    .collect::<Vec<_>>();
                // Coarser areas of those left incomplete below are incomplete too.
                let incomplete = incomplete
                    .iter()
                    .filter_map(|c| layer.get(c).and_then(coarser_of).map(str::to_string))
                    .collect();
                (finer, incomplete, from)
            } else {
                (own, Vec::new(), layer.level.clone())
            };
            let mut sums: HashMap<String, (f64, f64, bool)> = HashMap::new();
            for (area, (value, n)) in finer {
                let Some(coarser) = coarser_of(area) else { continue };
                let entry = sums.entry(coarser.to_string()).or_insert((0.0, 0.0, true));
                match rule {
                    Aggregation::Sum => entry.0 += value,
                    Aggregation::Weighted => match n {
                        Some(n) if n > 0.0 => {
                            entry.0 += value * n;
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
            for (coarser, (total, weight, complete)) in sums {
                let complete = complete && !incomplete.contains(&coarser);
                match rule {
                    Aggregation::Weighted if !complete || weight == 0.0 => incomplete.push(coarser),
                    Aggregation::Weighted => {
                        values.insert(coarser, (total / weight, Some(weight)));
                    }
                    _ => {
                        values.insert(coarser, (total, None));
                    }
                }
            }
            incomplete.sort();
            incomplete.dedup();
            Some((values, incomplete, from))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Population in `year` rolled up to the municipalities.
    fn to_kommun(a: &Atlas, year: i32) -> Option<Aggregated> {
        to_level(
            a,
            &SeriesKey::total("folkmangd"),
            Period::Year(year),
            Level::Kommun,
        )
    }
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
                    .within(Some(format!("{}R001", &c[..4])))
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
                        period: Period::Year(2030),
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
        let agg = to_kommun(&a, 2030).expect("aggregated");
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
        let agg = to_kommun(&a, 2030).expect("aggregated");
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
        let agg = to_level(&a, &key, Period::Year(2030), Level::Regso).expect("aggregated");
        assert_eq!(agg.from, Level::Deso);
        assert_eq!(agg.values.get("1480R001"), Some(&2000.0));
        assert_eq!(agg.values.get("1481R001"), Some(&950.0));
        for layer in &mut a.layers {
            for area in &mut layer.areas {
                area.parent = None;
            }
        }
        assert!(
            to_level(&a, &key, Period::Year(2030), Level::Regso).is_none(),
            "no relation, no RegSO values"
        );
        assert!(
            to_level(&a, &key, Period::Year(2030), Level::Deso).is_none(),
            "nothing is finer than DeSO"
        );
    }

    #[test]
    fn indicators_without_a_rule_are_not_aggregated() {
        let a = atlas(Aggregation::None, &[("1480C0001", 1.0, None)]);
        assert!(to_kommun(&a, 2030).is_none());
        let a = atlas(Aggregation::Sum, &[("1480C0001", 1.0, None)]);
        assert!(to_kommun(&a, 2031).is_none(), "no values that year");
    }
}
