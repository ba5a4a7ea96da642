//! Needs set against what is already done: per area and domain, how many activities serve the
//! area, and the gap between the area's need (its needs score, turned so that higher is more
//! need) and its activities (the count standardised over GR's areas the same way). A large
//! positive gap is high need with few activities.
//!
//! An activity serves an area when it names the area's code, its municipality or its parent
//! area among the areas it serves, or when its location lies in the area.
use crate::analysis::needs::{DOMAINS, domain_scores};
use crate::map::hit::HitIndex;
use crate::model::{
    Activity, Aggregation, AreaLayer, Atlas, Indicator, Observation, Observations, Period, Polarity,
    SeriesKey,
};

/// Ids of the derived indicators: activities serving an area, and the gap, per domain.
pub const COUNT_PREFIX: &str = "verksamheter_";
pub const GAP_PREFIX: &str = "verksamhetsgap_";

/// Per area of `layer`, per domain of [`DOMAINS`]: the activities that serve it (of those
/// `keep` accepts).
pub fn served_counts(
    layer: &AreaLayer,
    hits: &HitIndex,
    activities: &[Activity],
    keep: impl Fn(&Activity) -> bool,
) -> Vec<[u32; 5]> {
    count_served(
        &served_areas(layer, hits, activities),
        activities,
        layer.len(),
        keep,
    )
}

/// Per activity, the areas of `layer` it serves (each once, however it is tied to it), for
/// activities in at least one of the five domains. Where activities are does not change from
/// year to year, so this is found once and counted per year.
pub fn served_areas(layer: &AreaLayer, hits: &HitIndex, activities: &[Activity]) -> Vec<Vec<usize>> {
    // Areas by the codes an activity may name: its own, its municipality's, its parent's.
    let mut by_code: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (i, area) in layer.areas.iter().enumerate() {
        by_code.entry(area.code.as_str()).or_default().push(i);
        if let Some(m) = area.municipality_code().filter(|m| *m != area.code) {
            by_code.entry(m).or_default().push(i);
        }
        if let Some(p) = area.parent.as_deref() {
            by_code.entry(p).or_default().push(i);
        }
    }
    activities
        .iter()
        .map(|activity| {
            if domain_indices(activity).next().is_none() {
                return Vec::new();
            }
            let mut served: Vec<usize> = activity
                .areas
                .iter()
                .flat_map(|code| by_code.get(code.as_str()).into_iter().flatten().copied())
                .collect();
            if let Some((lon, lat)) = activity.location
                && let Some(i) = hits.area_at(layer, lon, lat)
            {
                served.push(i);
            }
            served.sort_unstable();
            served.dedup();
            served
        })
        .collect()
}

/// The indices in [`DOMAINS`] of an activity's domains.
fn domain_indices(activity: &Activity) -> impl Iterator<Item = usize> + '_ {
    activity
        .domains
        .iter()
        .filter_map(|d| DOMAINS.iter().position(|x| x == d))
}

/// Per area (of `areas`), per domain: the activities `keep` accepts among those `served`
/// (as [`served_areas`] gives them) that serve it.
fn count_served(
    served: &[Vec<usize>],
    activities: &[Activity],
    areas: usize,
    keep: impl Fn(&Activity) -> bool,
) -> Vec<[u32; 5]> {
    let mut counts = vec![[0u32; 5]; areas];
    for (activity, served) in activities.iter().zip(served).filter(|(a, _)| keep(a)) {
        for d in domain_indices(activity) {
            for &i in served {
                counts[i][d] += 1;
            }
        }
    }
    counts
}

/// One GR area's needs against its activities.
#[derive(Clone, Debug, PartialEq)]
pub struct GapRow {
    /// Index in the layer.
    pub area: usize,
    /// Need per domain: the needs score turned (standard deviations; above 0 is more need
    /// than GR's areas on average).
    pub need: [Option<f64>; 5],
    pub activities: [u32; 5],
    /// Need minus the standardised number of activities, per domain.
    pub gap: [Option<f64>; 5],
}

/// The gap table for GR's areas `gr` (layer indices) with their domain `scores` (as
/// [`domain_scores`] gives them) and the layer's `counts`.
pub fn gap_table(gr: &[usize], scores: &[Vec<Option<f64>>], counts: &[[u32; 5]]) -> Vec<GapRow> {
    let mut rows: Vec<GapRow> = gr
        .iter()
        .map(|&i| GapRow {
            area: i,
            need: [None; 5],
            activities: counts.get(i).copied().unwrap_or_default(),
            gap: [None; 5],
        })
        .collect();
    for d in 0..DOMAINS.len() {
        let Some(domain) = scores.get(d) else { continue };
        // The activities standardised over the areas that have a need score in the domain.
        let with_need: Vec<f64> = rows
            .iter()
            .zip(domain)
            .filter(|(_, s)| s.is_some())
            .map(|(r, _)| r.activities[d] as f64)
            .collect();
        if with_need.is_empty() {
            continue;
        }
        let mean = with_need.iter().sum::<f64>() / with_need.len() as f64;
        let sd = (with_need.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / with_need.len() as f64).sqrt();
        for (row, score) in rows.iter_mut().zip(domain) {
            let Some(score) = score else { continue };
            let need = -score;
            let supply = if sd > 0.0 {
                (row.activities[d] as f64 - mean) / sd
            } else {
                0.0
            };
            row.need[d] = Some(need);
            row.gap[d] = Some(need - supply);
        }
    }
    rows
}

/// Recompute the activity counts and gaps as indicators, per loaded level and year, from all
/// activities running that year; none without activities.
pub fn refresh(atlas: &mut Atlas) {
    let stale: Vec<String> = atlas
        .catalogue
        .indicators
        .iter()
        .filter(|i| i.from_activities)
        .map(|i| i.id.clone())
        .collect();
    for id in stale {
        let _ = atlas.remove_indicator(&id);
    }
    if atlas.activities.is_empty() {
        return;
    }
    let years = years_with_needs(atlas);
    let mut rows: Vec<(SeriesKey, String, Observation)> = Vec::new();
    for layer in &atlas.layers {
        let served = served_areas(layer, &HitIndex::build(layer), &atlas.activities);
        for &year in &years {
            let counts = count_served(&served, &atlas.activities, layer.len(), |a| a.active_in(year));
            let (gr, scores) = domain_scores(atlas, layer, Period::Year(year));
            let period = Period::Year(year);
            for row in gap_table(&gr, &scores, &counts) {
                let code = &layer.areas[row.area].code;
                for (d, domain) in DOMAINS.iter().enumerate() {
                    rows.push((
                        SeriesKey::total(&format!("{COUNT_PREFIX}{domain}")),
                        code.clone(),
                        Observation::new(period, row.activities[d] as f64),
                    ));
                    if let Some(gap) = row.gap[d] {
                        rows.push((
                            SeriesKey::total(&format!("{GAP_PREFIX}{domain}")),
                            code.clone(),
                            Observation::new(period, gap),
                        ));
                    }
                }
            }
        }
    }
    let demo = atlas.activities.iter().any(|a| a.demo)
        || atlas
            .catalogue
            .indicators
            .iter()
            .any(|i| i.demo && DOMAINS.contains(&i.domain.as_str()) && !i.from_activities);
    let indicators: Vec<Indicator> = DOMAINS
        .iter()
        .flat_map(|d| {
            // Named with their domain: lists of indicators across domains tell them apart.
            let (sv, en) = atlas
                .catalogue
                .domain(d)
                .map_or((d.to_string(), d.to_string()), |x| {
                    (x.sv.to_lowercase(), x.en.to_lowercase())
                });
            [
                count_indicator(d, (&sv, &en), demo),
                gap_indicator(d, (&sv, &en), demo),
            ]
        })
        .collect();
    if let Ok(obs) = Observations::from_rows(rows)
        && atlas.observations.extend(obs).is_ok()
    {
        atlas.catalogue.indicators.extend(indicators);
    }
}

/// The years any indicator of the five domains has values in.
fn years_with_needs(atlas: &Atlas) -> Vec<i32> {
    let mut years: Vec<i32> = atlas
        .catalogue
        .indicators
        .iter()
        .filter(|i| DOMAINS.contains(&i.domain.as_str()) && !i.from_activities)
        .flat_map(|i| atlas.observations.periods(&i.id).iter().map(|p| p.year()))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

fn derived(id: String, domain: &str, sv: &str, en: &str, demo: bool) -> Indicator {
    Indicator {
        id,
        sv: sv.into(),
        en: en.into(),
        domain: domain.into(),
        unit_sv: String::new(),
        unit_en: String::new(),
        polarity: Polarity::Neutral,
        age_band: String::new(),
        source: "segkarta, beräknat från verksamhetslagret och behovsanalysen".into(),
        licence: String::new(),
        description_sv: String::new(),
        description_en: String::new(),
        demo,
        dimensions: Vec::new(),
        decimals: 0,
        min: 0.0,
        max: f64::MAX,
        aggregation: Aggregation::None,
        survey: false,
        confidence: 95.0,
        suppress_below: None,
        from_activities: true,
        categories: Vec::new(),
        over_time: Default::default(),
        annual_of: None,
    }
}

fn count_indicator(domain: &str, (sv, en): (&str, &str), demo: bool) -> Indicator {
    Indicator {
        unit_sv: "antal".into(),
        unit_en: "count".into(),
        aggregation: Aggregation::Sum,
        description_sv:
            "Verksamheter i domänen som är igång under året och betjänar området: de anger dess kod, \
                         kommun eller överordnade område, eller ligger i det."
                .into(),
        description_en:
            "Activities of the domain running in the year that serve the area: they name its code, \
                         municipality or parent area, or lie in it."
                .into(),
        ..derived(
            format!("{COUNT_PREFIX}{domain}"),
            domain,
            &format!("Verksamheter: {sv}"),
            &format!("Activities: {en}"),
            demo,
        )
    }
}

fn gap_indicator(domain: &str, (sv, en): (&str, &str), demo: bool) -> Indicator {
    Indicator {
        unit_sv: "standardavvikelser".into(),
        unit_en: "standard deviations".into(),
        polarity: Polarity::HigherIsWorse,
        decimals: 2,
        min: -20.0,
        max: 20.0,
        description_sv: "Behov mot verksamheter: områdets behov i domänen (behovspoängen vänd, i standardavvikelser \
                         över GR:s områden) minus antalet verksamheter standardiserat på samma sätt. Över 0: större \
                         behov än verksamheterna motsvarar."
            .into(),
        description_en: "Needs against activities: the area's need in the domain (the needs score turned, in \
                         standard deviations over GR's areas) minus the number of activities standardised the same \
                         way. Above 0: more need than its activities match."
            .into(),
        ..derived(
            format!("{GAP_PREFIX}{domain}"),
            domain,
            &format!("Verksamhetsgap: {sv}"),
            &format!("Activity gap: {en}"),
            demo,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OrganiserType;

    fn activity(domains: &[&str], areas: &[&str], location: Option<(f64, f64)>) -> Activity {
        Activity {
            name: "a".into(),
            organiser: String::new(),
            organiser_type: OrganiserType::Municipal,
            domains: domains.iter().map(|d| d.to_string()).collect(),
            target_groups: Vec::new(),
            start: None,
            end: None,
            location,
            areas: areas.iter().map(|a| a.to_string()).collect(),
            contact: String::new(),
            url: String::new(),
            demo: false,
            source: "t".into(),
        }
    }

    #[test]
    fn an_activity_serves_the_areas_it_names_or_lies_in_once() {
        let atlas = crate::io::embedded::atlas().expect("embedded");
        let layer = &atlas.layers[0];
        let hits = HitIndex::build(layer);
        let gbg = layer.index_of("1480").expect("Göteborg");
        let kba = layer.index_of("1384").expect("Kungsbacka");
        let list = vec![
            // Named and located in Göteborg: counted once, in two domains.
            activity(&["skola", "arbete"], &["1480"], Some((11.97, 57.71))),
            // Located in Göteborg only.
            activity(&["skola"], &[], Some((11.95, 57.70))),
            // Naming Kungsbacka, with a domain outside the five: only skola counts.
            activity(&["skola", "kultur"], &["1384"], None),
            // Neither place nor areas: serves nothing.
            activity(&["skola"], &[], None),
        ];
        let counts = served_counts(layer, &hits, &list, |_| true);
        assert_eq!(counts[gbg], [0, 2, 1, 0, 0]);
        assert_eq!(counts[kba], [0, 1, 0, 0, 0]);
        let only_first = served_counts(layer, &hits, &list, |a| {
            a.domains.len() == 2 && a.areas == ["1480"]
        });
        assert_eq!(only_first[gbg], [0, 1, 1, 0, 0]);
    }

    #[test]
    fn high_need_with_few_activities_is_the_largest_gap() {
        // Three areas; domain 0 scores (higher is better) and activity counts.
        let scores = vec![vec![Some(-1.0), Some(0.0), Some(1.0)], vec![None, None, None]];
        let counts = vec![[1, 0, 0, 0, 0], [4, 0, 0, 0, 0], [4, 0, 0, 0, 0]];
        let rows = gap_table(&[0, 1, 2], &scores, &counts);
        let gaps: Vec<f64> = rows.iter().map(|r| r.gap[0].expect("gap")).collect();
        // Area 0 has the most need (1 sd) and the fewest activities: the largest gap.
        assert!(gaps[0] > gaps[1] && gaps[1] > gaps[2], "{gaps:?}");
        assert_eq!(rows[0].need[0], Some(1.0));
        // counts 1, 4, 4: mean 3, sd √2; area 0's gap is 1 + 2/√2.
        assert!((gaps[0] - (1.0 + 2.0 / 2f64.sqrt())).abs() < 1e-12);
        assert_eq!(rows[0].gap[1], None, "no need score, no gap");
    }

    #[test]
    fn the_demo_gives_counts_and_gaps_per_municipality_marked_demo() {
        let mut atlas = crate::io::embedded::atlas().expect("embedded");
        refresh(&mut atlas);
        let gap = atlas
            .catalogue
            .indicator("verksamhetsgap_arbete")
            .expect("gap indicator")
            .clone();
        assert!(gap.demo && gap.from_activities);
        let key = SeriesKey::total("verksamheter_arbete");
        let in_gr: f64 = crate::model::GR_MUNICIPALITIES
            .iter()
            .filter_map(|c| atlas.observations.value(&key, c, Period::Year(2024)))
            .sum();
        assert!(in_gr > 10.0, "work activities in GR in 2024: {in_gr}");
        let gaps = crate::model::GR_MUNICIPALITIES
            .iter()
            .filter(|c| {
                atlas
                    .observations
                    .value(&SeriesKey::total(&gap.id), c, Period::Year(2024))
                    .is_some()
            })
            .count();
        assert_eq!(gaps, 13);
        // The needs scores leave the derived indicators out, so refreshing twice changes nothing.
        let before = atlas
            .observations
            .value(&SeriesKey::total(&gap.id), "1462", Period::Year(2024));
        refresh(&mut atlas);
        assert_eq!(
            atlas
                .observations
                .value(&SeriesKey::total(&gap.id), "1462", Period::Year(2024)),
            before
        );
    }
}
