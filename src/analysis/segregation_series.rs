//! Segregation measures as indicators of their own, computed from the loaded count indicators
//! (those the catalogue sums, like Folkmängd) for every period and grouping: per municipality
//! from its DeSO or RegSO, and for GR from all of GR's sub-areas — or, when only municipal
//! counts are loaded, for GR from its 13 municipalities. They then map, rank and trend like
//! any indicator, under the domain "Segregationsmått", and carry their source's demo mark.
use std::collections::BTreeMap;

use super::segregation::{income, multi_group, single_group};
use crate::model::{
    Aggregation, Atlas, Domain, Indicator, Level, Observation, Observations, Period, Polarity,
    REGION_ALL_LOADED, REGION_GR, SeriesKey, TOTAL, is_gr_municipality,
};

pub const DOMAIN: &str = "segregation";
/// Every derived indicator's id starts with this, so a refresh can replace them all.
pub const PREFIX: &str = "seg_";

/// One group against the rest: (id suffix, sv, en, polarity).
const SINGLE: [(&str, &str, &str, Polarity); 5] = [
    ("d", "Segregation (D)", "Segregation (D)", Polarity::HigherIsWorse),
    (
        "gini",
        "Segregation (Gini)",
        "Segregation (Gini)",
        Polarity::HigherIsWorse,
    ),
    (
        "h",
        "Segregation (Theils H)",
        "Segregation (Theil's H)",
        Polarity::HigherIsWorse,
    ),
    (
        "isolation",
        "Isolering (xPx)",
        "Isolation (xPx)",
        Polarity::Neutral,
    ),
    (
        "exposure",
        "Exponering (xPy)",
        "Exposure (xPy)",
        Polarity::Neutral,
    ),
];

/// Replace the derived indicators with ones computed from what is loaded now.
pub fn refresh(atlas: &mut Atlas) {
    let old: Vec<String> = atlas
        .catalogue
        .indicators
        .iter()
        .filter(|i| i.id.starts_with(PREFIX))
        .map(|i| i.id.clone())
        .collect();
    for id in &old {
        let _ = atlas.remove_indicator(id);
    }
    let (rows, indicators) = compute(atlas);
    if rows.is_empty() {
        atlas.catalogue.domains.retain(|d| d.id != DOMAIN);
        return;
    }
    if let Ok(obs) = Observations::from_rows(rows)
        && atlas.observations.extend(obs).is_ok()
    {
        atlas.catalogue.indicators.extend(indicators);
        if atlas.catalogue.domain(DOMAIN).is_none() {
            atlas.catalogue.domains.push(Domain {
                id: DOMAIN.into(),
                sv: "Segregationsmått".into(),
                en: "Segregation measures".into(),
            });
        }
    }
}

type Rows = Vec<(SeriesKey, String, Observation)>;

/// The sets of areas measures can be computed over, finest first (DeSO, RegSO, then the
/// user's own levels, the larger first): each area's code with where its measure is reported
/// (its municipality; GR itself for municipalities; "all loaded areas" for a custom area of no
/// known municipality).
fn unit_sets(atlas: &Atlas) -> Vec<(Level, Vec<(String, String)>)> {
    let mut layers: Vec<&crate::model::AreaLayer> =
        atlas.layers.iter().filter(|l| l.level != Level::Kommun).collect();
    layers.sort_by_key(|l| match l.level {
        Level::Deso => (0, 0),
        Level::Regso => (1, 0),
        _ => (2, usize::MAX - l.len()),
    });
    let mut sets: Vec<(Level, Vec<(String, String)>)> = layers
        .into_iter()
        .filter_map(|layer| {
            let units: Vec<(String, String)> = layer
                .areas
                .iter()
                .filter_map(|a| match a.municipality_code() {
                    Some(m) => is_gr_municipality(m).then(|| (a.code.clone(), m.to_string())),
                    None if layer.level.is_custom() => Some((a.code.clone(), REGION_ALL_LOADED.to_string())),
                    None => None,
                })
                .collect();
            (!units.is_empty()).then(|| (layer.level.clone(), units))
        })
        .collect();
    let municipalities = crate::model::GR_MUNICIPALITIES
        .iter()
        .map(|code| (code.to_string(), REGION_GR.to_string()))
        .collect();
    sets.push((Level::Kommun, municipalities));
    sets
}

/// Derived rows and catalogue entries for every count indicator with groupings.
pub fn compute(atlas: &Atlas) -> (Rows, Vec<Indicator>) {
    let unit_sets = unit_sets(atlas);
    let mut rows = Rows::new();
    let mut indicators: BTreeMap<String, Indicator> = BTreeMap::new();
    let sources: Vec<&Indicator> = atlas
        .catalogue
        .indicators
        .iter()
        .filter(|i| i.aggregation == Aggregation::Sum && !i.id.starts_with(PREFIX))
        .collect();
    for source in sources {
        for dim in atlas.observations.group_bys(&source.id) {
            if dim == TOTAL {
                continue;
            }
            let groups = atlas.observations.groups(&source.id, &dim).to_vec();
            if groups.len() < 2 {
                continue;
            }
            for &period in atlas.observations.periods(&source.id) {
                // Counts per unit of the finest level that has them, only units with every
                // group's count; grouped by where the measure is reported (the municipality,
                // and GR for all).
                let Some((level, by_place)) = unit_sets.iter().find_map(|(level, units)| {
                    let mut by_place: BTreeMap<String, Vec<Vec<f64>>> = BTreeMap::new();
                    for (code, place) in units {
                        let counts: Option<Vec<f64>> = groups
                            .iter()
                            .map(|g| {
                                atlas
                                    .observations
                                    .value(&SeriesKey::new(&source.id, &dim, g), code, period)
                            })
                            .collect();
                        if let Some(counts) = counts {
                            by_place.entry(place.clone()).or_default().push(counts.clone());
                            if place != REGION_GR && place != REGION_ALL_LOADED {
                                by_place.entry(REGION_GR.to_string()).or_default().push(counts);
                            }
                        }
                    }
                    (!by_place.is_empty()).then(|| (level.clone(), by_place))
                }) else {
                    continue;
                };
                for (place, counts) in &by_place {
                    let names = atlas
                        .catalogue
                        .dimension(&dim)
                        .map(|d| (d.sv.as_str(), d.en.as_str()));
                    measure(
                        source,
                        &dim,
                        names,
                        &groups,
                        period,
                        place,
                        counts,
                        &mut rows,
                        &mut indicators,
                        &level,
                    );
                }
            }
        }
    }
    (rows, indicators.into_values().collect())
}

#[allow(clippy::too_many_arguments)]
fn measure(
    source: &Indicator,
    dim: &str,
    dimension_names: Option<(&str, &str)>,
    groups: &[String],
    period: Period,
    place: &str,
    counts: &[Vec<f64>],
    rows: &mut Rows,
    indicators: &mut BTreeMap<String, Indicator>,
    level: &Level,
) {
    let n = Some(counts.len() as f64);
    let mut push = |id: String, group_by: &str, group: &str, value: f64, entry: &dyn Fn() -> Indicator| {
        if !value.is_finite() {
            return;
        }
        let indicator = indicators.entry(id.clone()).or_insert_with(entry);
        if group_by != TOTAL && !indicator.dimensions.iter().any(|d| d == group_by) {
            indicator.dimensions.push(group_by.to_string());
        }
        rows.push((
            SeriesKey::new(&id, group_by, group),
            place.to_string(),
            Observation {
                period,
                value,
                moe: None,
                // The number of areas the measure is computed over.
                n,
            },
        ));
    };
    let total: Vec<f64> = counts.iter().map(|row| row.iter().sum()).collect();
    for (g, group) in groups.iter().enumerate() {
        let members: Vec<f64> = counts.iter().map(|row| row[g]).collect();
        let Some(s) = single_group(&members, &total) else {
            continue;
        };
        let values = [s.dissimilarity, s.gini, s.entropy, s.isolation, s.exposure];
        for ((suffix, sv, en, polarity), value) in SINGLE.iter().zip(values) {
            let id = format!("{PREFIX}{suffix}_{}", source.id);
            let entry = || {
                derived(
                    &id,
                    source,
                    &format!("{sv}: {}", source.sv),
                    &format!("{en}: {}", source.en),
                    *polarity,
                    vec![dim.to_string()],
                    level,
                )
            };
            push(id.clone(), dim, group, value, &entry);
        }
    }
    if let Some(m) = multi_group(counts) {
        for (suffix, sv, en, value) in [
            ("multi_d", "Flergrupps-D", "Multigroup D", m.dissimilarity),
            ("multi_h", "Flergrupps-H", "Multigroup H", m.entropy),
        ] {
            let id = format!("{PREFIX}{suffix}_{}_{dim}", source.id);
            let entry = || {
                let (dim_sv, dim_en) = dimension_names.map_or((dim, dim), |(sv, en)| (sv, en));
                derived(
                    &id,
                    source,
                    &format!("{sv}: {} efter {}", source.sv, dim_sv.to_lowercase()),
                    &format!("{en}: {} by {}", source.en, dim_en.to_lowercase()),
                    Polarity::HigherIsWorse,
                    Vec::new(),
                    level,
                )
            };
            push(id.clone(), TOTAL, TOTAL, value, &entry);
        }
    }
    let q = |name: &str| groups.iter().position(|g| g == name);
    if let (Some(low), Some(high)) = (q("q1"), q("q5")) {
        let low: Vec<f64> = counts.iter().map(|r| r[low]).collect();
        let high: Vec<f64> = counts.iter().map(|r| r[high]).collect();
        if let Some(d) = income(&low, &high) {
            let id = format!("{PREFIX}income_{}", source.id);
            let entry = || {
                derived(
                    &id,
                    source,
                    "Inkomstsegregation (D, kvintil 1 mot 5)",
                    "Income segregation (D, quintile 1 vs 5)",
                    Polarity::HigherIsWorse,
                    Vec::new(),
                    level,
                )
            };
            push(id.clone(), TOTAL, TOTAL, d, &entry);
        }
    }
}

fn derived(
    id: &str,
    source: &Indicator,
    sv: &str,
    en: &str,
    polarity: Polarity,
    dimensions: Vec<String>,
    level: &Level,
) -> Indicator {
    let (over_sv, over_en) = match level {
        Level::Kommun => ("GR:s 13 kommuner".into(), "GR's 13 municipalities".into()),
        Level::Regso => (
            "RegSO inom varje kommun och i hela GR".to_string(),
            "RegSO within each municipality and all of GR".to_string(),
        ),
        Level::Deso => (
            "DeSO inom varje kommun och i hela GR".to_string(),
            "DeSO within each municipality and all of GR".to_string(),
        ),
        Level::Custom(name) => (
            format!("{name} inom varje kommun och i hela GR (eller alla inlästa områden)"),
            format!("{name} within each municipality and all of GR (or all loaded areas)"),
        ),
    };
    Indicator {
        id: id.into(),
        sv: sv.into(),
        en: en.into(),
        domain: DOMAIN.into(),
        // An index from 0 (even) to 1: the number says it all.
        unit_sv: String::new(),
        unit_en: String::new(),
        polarity,
        age_band: source.age_band.clone(),
        source: format!("segkarta, beräknat från {} ({})", source.sv, source.source),
        licence: source.licence.clone(),
        description_sv: format!(
            "Beräknat över {over_sv} ur antal personer per grupp ({}). Områden som saknar en grupps antal räknas inte. Definitioner som i PySAL segregation.",
            source.sv
        ),
        description_en: format!(
            "Computed over {over_en} from counts of persons per group ({}). Areas lacking a group's count are left out. Definitions as in PySAL segregation.",
            source.en
        ),
        demo: source.demo,
        dimensions,
        decimals: 3,
        min: 0.0,
        max: 1.0,
        aggregation: Aggregation::None,
        survey: false,
        confidence: 95.0,
        suppress_below: None,
        from_activities: false,
        categories: Vec::new(),
        over_time: Default::default(),
        annual_of: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Area, AreaLayer};
    use geo::{LineString, MultiPolygon, Polygon};

    #[test]
    fn embedded_municipal_counts_give_gr_wide_demo_measures() {
        let mut atlas = crate::io::embedded::atlas().expect("embedded");
        refresh(&mut atlas);
        let d = atlas.catalogue.indicator("seg_d_folkmangd").expect("derived D");
        assert!(d.demo, "from demo counts, so demo");
        assert_eq!(d.domain, DOMAIN);
        assert!(atlas.catalogue.domain(DOMAIN).is_some());
        // By hand: the 13 municipalities' counts of people born outside Europe.
        let key = |g: &str| SeriesKey::new("folkmangd", "fodelseregion", g);
        let groups = ["sverige", "norden", "eu", "ovriga"];
        let counts: Vec<Vec<f64>> = crate::model::GR_MUNICIPALITIES
            .iter()
            .map(|m| {
                groups
                    .iter()
                    .map(|g| {
                        atlas
                            .observations
                            .value(&key(g), m, Period::Year(2024))
                            .expect("count")
                    })
                    .collect()
            })
            .collect();
        let total: Vec<f64> = counts.iter().map(|r| r.iter().sum()).collect();
        let ovriga: Vec<f64> = counts.iter().map(|r| r[3]).collect();
        let expected = single_group(&ovriga, &total).expect("measures").dissimilarity;
        let got = atlas
            .observations
            .value(
                &SeriesKey::new("seg_d_folkmangd", "fodelseregion", "ovriga"),
                REGION_GR,
                Period::Year(2024),
            )
            .expect("GR value");
        assert!((got - expected).abs() < 1e-12);
        assert!(got > 0.05, "Göteborg differs from the rest: {got}");
        // Municipal units give no per-municipality measure.
        assert!(
            atlas
                .observations
                .value(
                    &SeriesKey::new("seg_d_folkmangd", "fodelseregion", "ovriga"),
                    "1480",
                    Period::Year(2024)
                )
                .is_none()
        );
        assert!(atlas.catalogue.indicator("seg_income_folkmangd").is_some());
        assert!(
            atlas
                .catalogue
                .indicator("seg_multi_d_folkmangd_fodelseregion")
                .is_some()
        );
        // A second refresh replaces, never duplicates.
        let rows = atlas.observations.len();
        refresh(&mut atlas);
        assert_eq!(atlas.observations.len(), rows);
    }

    #[test]
    fn deso_counts_give_a_measure_per_municipality_and_for_gr() {
        let mut atlas = crate::io::embedded::atlas().expect("embedded");
        let square = || {
            MultiPolygon(vec![Polygon::new(
                LineString::from(vec![(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]),
                vec![],
            )])
        };
        let codes = ["1480C0001", "1480C0002", "1481C0001", "1481C0002"];
        let areas = codes
            .iter()
            .map(|c| Area::new(c.to_string(), c.to_string(), None, square()))
            .collect();
        atlas.layers.push(AreaLayer::new(Level::Deso, areas));
        // Göteborg: fully separated; Mölndal: even.
        let counts = [(30.0, 0.0), (0.0, 70.0), (10.0, 40.0), (10.0, 40.0)];
        let mut rows = Vec::new();
        for (code, (a, b)) in codes.iter().zip(counts) {
            for (g, v) in [("kvinnor", a), ("man", b)] {
                let obs = Observation {
                    period: Period::Year(2030),
                    value: v,
                    moe: None,
                    n: None,
                };
                rows.push((SeriesKey::new("folkmangd", "kon", g), code.to_string(), obs));
            }
        }
        atlas
            .observations
            .extend(Observations::from_rows(rows).expect("rows"))
            .expect("extend");
        refresh(&mut atlas);
        let d = |place: &str| {
            atlas.observations.value(
                &SeriesKey::new("seg_d_folkmangd", "kon", "kvinnor"),
                place,
                Period::Year(2030),
            )
        };
        assert!((d("1480").expect("Göteborg") - 1.0).abs() < 1e-12);
        assert!(d("1481").expect("Mölndal").abs() < 1e-12);
        let all = single_group(&[30.0, 0.0, 10.0, 10.0], &[30.0, 70.0, 50.0, 50.0]).expect("measures");
        assert!((d(REGION_GR).expect("GR") - all.dissimilarity).abs() < 1e-12);
        let n = atlas
            .observations
            .get(
                &SeriesKey::new("seg_d_folkmangd", "kon", "kvinnor"),
                "1480",
                Period::Year(2030),
            )
            .and_then(|o| o.n);
        assert_eq!(n, Some(2.0), "n is the number of areas");
    }
}
