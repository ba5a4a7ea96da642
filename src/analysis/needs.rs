//! The needs analysis: which areas need priority and which groups are furthest apart.
//!
//! Per area, a profile across the five domains: each indicator of a domain is standardised
//! over GR's areas of the level (z-score, turned so that higher is better; neutral indicators
//! are left out) in the latest period up to the chosen one that has values, and a domain's score
//! is the mean of its indicators' scores. The overall score is the mean of the domain scores;
//! areas are ranked lowest first. Per indicator and grouping, the gap between the best- and
//! worst-off group in GR now and in the first period, so widening gaps stand out.
use serde::Serialize;

use super::trend;
use crate::model::{AreaLayer, Atlas, Indicator, Observation, Period, Polarity, SeriesKey};

/// The five domains of the mapping, in the mission's order.
pub const DOMAINS: [&str; 5] = ["bostad", "skola", "arbete", "brott", "demokrati"];

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AreaNeeds {
    pub code: String,
    pub name: String,
    /// Score per domain of [`DOMAINS`] (standard deviations; below 0 is worse than GR's areas).
    pub domains: Vec<Option<f64>>,
    pub overall: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupGap {
    pub indicator: String,
    pub group_by: String,
    pub best: String,
    pub worst: String,
    pub first_period: Period,
    pub first_gap: f64,
    pub period: Period,
    /// Best minus worst, in the indicator's unit (always ≥ 0).
    pub gap: f64,
}

impl GroupGap {
    pub fn change(&self) -> f64 {
        self.gap - self.first_gap
    }
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Needs {
    pub period: Period,
    /// Areas, most in need first (no overall score last).
    pub areas: Vec<AreaNeeds>,
    /// Largest gap first.
    pub gaps: Vec<GroupGap>,
    /// Needs against the activities running in the period, per area and domain, largest gap
    /// first; empty without activities.
    pub activity_gaps: Vec<ActivityGap>,
    /// Any activity counted is invented.
    pub activities_demo: bool,
}

/// One area's need in one domain against the activities that serve it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActivityGap {
    pub code: String,
    pub name: String,
    pub domain: String,
    /// The needs score turned: above 0 is more need than GR's areas on average.
    pub need: f64,
    pub activities: u32,
    /// Need minus the standardised number of activities.
    pub gap: f64,
}

fn indicators_of<'a>(atlas: &'a Atlas, domain: &'a str) -> impl Iterator<Item = &'a Indicator> + 'a {
    atlas
        .catalogue
        .indicators_in(domain)
        .filter(|i| i.polarity != Polarity::Neutral && !i.from_activities)
}

/// The latest period of the indicator that starts by the end of `period` (in 2024: December
/// 2024 for a monthly indicator).
fn period_up_to(atlas: &Atlas, indicator: &str, period: Period) -> Option<Period> {
    atlas
        .observations
        .periods(indicator)
        .iter()
        .copied()
        .filter(|p| p.starts_within_or_before(period))
        .max()
}

pub fn needs(atlas: &Atlas, layer: &AreaLayer, period: Period) -> Needs {
    let (gr, scores) = domain_scores(atlas, layer, period);
    let mut areas: Vec<AreaNeeds> = gr
        .iter()
        .enumerate()
        .map(|(a, i)| {
            let domains: Vec<Option<f64>> = scores.iter().map(|d| d[a]).collect();
            let known: Vec<f64> = domains.iter().flatten().copied().collect();
            AreaNeeds {
                code: layer.areas[*i].code.clone(),
                name: layer.areas[*i].name.clone(),
                overall: (!known.is_empty()).then(|| known.iter().sum::<f64>() / known.len() as f64),
                domains,
            }
        })
        .collect();
    areas.sort_by(|a, b| match (a.overall, b.overall) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.code.cmp(&b.code),
    });
    let mut gaps = group_gaps(atlas, period);
    gaps.sort_by(|a, b| b.gap.total_cmp(&a.gap));
    let year = period.year();
    let running = |a: &crate::model::Activity| a.active_in(year);
    Needs {
        period,
        areas,
        gaps,
        activity_gaps: activity_gaps(layer, &gr, &scores, &atlas.activities, running),
        activities_demo: atlas.activities.iter().any(|a| a.demo && running(a)),
    }
}

/// Needs against activities for GR's areas `gr` of `layer` with their domain `scores`: every
/// area and domain with a score, largest gap first.
pub fn activity_gaps(
    layer: &AreaLayer,
    gr: &[usize],
    scores: &[Vec<Option<f64>>],
    activities: &[crate::model::Activity],
    keep: impl Fn(&crate::model::Activity) -> bool,
) -> Vec<ActivityGap> {
    use super::activity_gaps::{gap_table, served_counts};
    if activities.is_empty() {
        return Vec::new();
    }
    let hits = crate::map::hit::HitIndex::build(layer);
    let counts = served_counts(layer, &hits, activities, keep);
    let mut out: Vec<ActivityGap> = gap_table(gr, scores, &counts)
        .into_iter()
        .flat_map(|row| {
            let area = &layer.areas[row.area];
            (0..DOMAINS.len()).filter_map(move |d| {
                Some(ActivityGap {
                    code: area.code.clone(),
                    name: area.name.clone(),
                    domain: DOMAINS[d].to_string(),
                    need: row.need[d]?,
                    activities: row.activities[d],
                    gap: row.gap[d]?,
                })
            })
        })
        .collect();
    out.sort_by(|a, b| b.gap.total_cmp(&a.gap).then_with(|| a.code.cmp(&b.code)));
    out
}

/// The GR areas of `layer` (their indices) and, per domain of [`DOMAINS`], each one's score
/// (`scores[domain][k]` for the k-th GR area).
pub fn domain_scores(
    atlas: &Atlas,
    layer: &AreaLayer,
    period: Period,
) -> (Vec<usize>, Vec<Vec<Option<f64>>>) {
    let gr: Vec<usize> = (0..layer.len())
        .filter(|i| layer.areas[*i].in_gr(&layer.level))
        .collect();
    // scores[d][a]: the domain's mean score of area a (over GR's areas).
    let mut scores: Vec<Vec<Option<f64>>> = Vec::new();
    for domain in DOMAINS {
        let mut sum = vec![0.0; gr.len()];
        let mut count = vec![0usize; gr.len()];
        for ind in indicators_of(atlas, domain) {
            let Some(y) = period_up_to(atlas, &ind.id, period) else {
                continue;
            };
            let key = SeriesKey::total(&ind.id);
            let values: Vec<Option<f64>> = gr
                .iter()
                .map(|i| atlas.observations.value(&key, &layer.areas[*i].code, y))
                .collect();
            let present: Vec<f64> = values.iter().flatten().copied().collect();
            if present.len() < 3 {
                continue;
            }
            let mean = present.iter().sum::<f64>() / present.len() as f64;
            let sd = (present.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / present.len() as f64).sqrt();
            if sd == 0.0 {
                continue;
            }
            let sign = if ind.polarity == Polarity::HigherIsWorse {
                -1.0
            } else {
                1.0
            };
            for (a, v) in values.iter().enumerate() {
                if let Some(v) = v {
                    sum[a] += sign * (v - mean) / sd;
                    count[a] += 1;
                }
            }
        }
        scores.push(
            sum.iter()
                .zip(&count)
                .map(|(s, c)| (*c > 0).then(|| s / *c as f64))
                .collect(),
        );
    }
    (gr, scores)
}

/// For every indicator of the five domains and each of its groupings: the best- and worst-off
/// group in GR in the latest period up to `period`, and the gap between them then and at first.
fn group_gaps(atlas: &Atlas, period: Period) -> Vec<GroupGap> {
    let mut out = Vec::new();
    for domain in DOMAINS {
        for ind in indicators_of(atlas, domain) {
            let Some(y) = period_up_to(atlas, &ind.id, period) else {
                continue;
            };
            for dim in atlas.observations.group_bys(&ind.id) {
                let series = |group: &str| -> Vec<Observation> {
                    atlas.region_series(&SeriesKey::new(&ind.id, &dim, group))
                };
                let groups = atlas.observations.groups(&ind.id, &dim);
                let now: Vec<(&String, f64)> = groups
                    .iter()
                    .filter_map(|g| {
                        atlas
                            .region_value(&SeriesKey::new(&ind.id, &dim, g), y)
                            .map(|r| (g, r.value))
                    })
                    .collect();
                if now.len() < 2 {
                    continue;
                }
                let better = |a: f64, b: f64| {
                    if ind.polarity == Polarity::HigherIsWorse {
                        a < b
                    } else {
                        a > b
                    }
                };
                let best = now
                    .iter()
                    .copied()
                    .reduce(|m, x| if better(x.1, m.1) { x } else { m });
                let worst = now
                    .iter()
                    .copied()
                    .reduce(|m, x| if better(m.1, x.1) { x } else { m });
                let (Some(best), Some(worst)) = (best, worst) else {
                    continue;
                };
                let Some(g) = trend::gap(&series(best.0), &series(worst.0), y) else {
                    continue;
                };
                out.push(GroupGap {
                    indicator: ind.id.clone(),
                    group_by: dim.clone(),
                    best: best.0.clone(),
                    worst: worst.0.clone(),
                    first_period: g.first_period,
                    first_gap: g.first.abs(),
                    period: g.period,
                    gap: g.now.abs(),
                });
            }
        }
    }
    out
}

/// The needs as one CSV table (UTF-8, comma separated, text quoted): a row per area with its
/// domain scores and rank, then a row per group gap; every row has every column.
pub fn to_csv(needs: &Needs, atlas: &Atlas) -> String {
    let number = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v:.3}"));
    let quote = |t: &str| format!("\"{}\"", t.replace('"', "\"\""));
    let mut header = vec!["kind", "rank", "code", "name"];
    header.extend(DOMAINS);
    header.extend([
        "overall",
        "indicator",
        "group_by",
        "best",
        "worst",
        "first_period",
        "first_gap",
        "period",
        "gap",
        "change",
        "activities",
        "demo",
    ]);
    // Scores made from any invented value are marked, as on screen: never passed on as statistics.
    let scores_demo = atlas
        .catalogue
        .indicators
        .iter()
        .any(|i| i.demo && DOMAINS.contains(&i.domain.as_str()));
    let mut rows = vec![header.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
    for (rank, a) in needs.areas.iter().enumerate() {
        let mut row = vec![
            "area".into(),
            (rank + 1).to_string(),
            a.code.clone(),
            quote(&a.name),
        ];
        row.extend(a.domains.iter().map(|d| number(*d)));
        row.push(number(a.overall));
        row.extend(vec![String::new(); 6]);
        row.push(needs.period.to_string());
        row.extend(vec![String::new(); 3]);
        row.push(scores_demo.to_string());
        rows.push(row);
    }
    for (rank, g) in needs.gaps.iter().enumerate() {
        let indicator = atlas.catalogue.indicator(&g.indicator);
        let name = indicator.map_or(g.indicator.as_str(), |i| i.sv.as_str());
        let mut row = vec!["gap".into(), (rank + 1).to_string(), String::new(), quote(name)];
        row.extend(vec![String::new(); DOMAINS.len() + 1]);
        row.extend([
            g.indicator.clone(),
            g.group_by.clone(),
            g.best.clone(),
            g.worst.clone(),
            g.first_period.to_string(),
            number(Some(g.first_gap)),
            g.period.to_string(),
            number(Some(g.gap)),
            number(Some(g.change())),
            String::new(),
            indicator.is_some_and(|i| i.demo).to_string(),
        ]);
        rows.push(row);
    }
    // Needs against activities: the need in the domain's column, the gap and the count.
    for (rank, g) in needs.activity_gaps.iter().enumerate() {
        let mut row = vec![
            "activity_gap".into(),
            (rank + 1).to_string(),
            g.code.clone(),
            quote(&g.name),
        ];
        row.extend(DOMAINS.iter().map(|d| {
            if *d == g.domain {
                number(Some(g.need))
            } else {
                String::new()
            }
        }));
        row.push(String::new());
        row.extend(vec![String::new(); 6]);
        row.push(needs.period.to_string());
        row.push(number(Some(g.gap)));
        row.push(String::new());
        row.push(g.activities.to_string());
        row.push((scores_demo || needs.activities_demo).to_string());
        rows.push(row);
    }
    rows.iter().map(|r| r.join(",") + "\n").collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_ranks_the_13_municipalities_and_finds_group_gaps() {
        let atlas = crate::io::embedded::atlas().expect("embedded");
        let layer = &atlas.layers[0];
        let n = needs(&atlas, layer, Period::Year(2024));
        assert_eq!(n.areas.len(), 13);
        let overall: Vec<f64> = n.areas.iter().map(|a| a.overall.expect("scored")).collect();
        assert!(overall.windows(2).all(|w| w[0] <= w[1]), "most in need first");
        assert!(
            n.areas
                .iter()
                .all(|a| a.domains.len() == 5 && a.domains.iter().all(Option::is_some))
        );
        // Scores are standardised over GR: they average to about zero per domain.
        for d in 0..5 {
            let mean = n.areas.iter().filter_map(|a| a.domains[d]).sum::<f64>() / 13.0;
            assert!(mean.abs() < 1e-9, "domain {d}: {mean}");
        }
        assert!(!n.gaps.is_empty());
        assert!(
            n.gaps.windows(2).all(|w| w[0].gap >= w[1].gap),
            "largest gap first"
        );
        let csv = to_csv(&n, &atlas);
        // Areas, group gaps, and needs against the demo activities per area and domain.
        assert_eq!(n.activity_gaps.len(), 13 * 5);
        assert_eq!(csv.lines().count(), 1 + 13 + n.gaps.len() + n.activity_gaps.len());
        assert!(
            csv.lines()
                .filter(|l| l.starts_with("activity_gap"))
                .all(|l| l.ends_with(",true"))
        );
        let header_fields = csv.lines().next().expect("header").split(',').count();
        assert!(
            csv.lines().all(|l| l.split(',').count() == header_fields),
            "every row has every column"
        );
    }
}
