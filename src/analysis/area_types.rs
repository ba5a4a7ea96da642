//! Socioeconomic area types, in the spirit of SCB's and Delmos' RegSO area types: a composite
//! index per area from chosen indicators, each standardised over GR's areas of the level
//! (z-score, population standard deviation) and turned so that higher is always better, then
//! averaged with the user's weights (equal by default). The index sorts areas into five types
//! at fixed cuts: below −1 major socioeconomic challenges, −1 to −0.35 challenges, −0.35 to
//! 0.35 mixed, 0.35 to 1 good, above 1 very good conditions. Computed for every period at the
//! finest level where at least three GR areas have all the indicators; areas missing one are
//! left out that period.
use std::collections::BTreeMap;

use crate::model::{
    Aggregation, Atlas, Category, Indicator, Level, Observation, Observations, Period, Polarity, SeriesKey,
};

/// The derived indicators: the type (1–5) and the composite index.
pub const TYPE_ID: &str = "omradestyp";
pub const INDEX_ID: &str = "omradesindex";
/// Indicators of the index by default: economic standard, employment, education, income.
pub const DEFAULT_COMPONENTS: [&str; 4] = [
    "lag_ekstandard",
    "forvarvsarbetande",
    "eftergymnasial",
    "medianinkomst",
];
/// Upper bounds of types 1–4 on the index (type 5 is above the last).
pub const CUTS: [f64; 4] = [-1.0, -0.35, 0.35, 1.0];
/// The five types, short enough for a legend and a table: the indicator's name says
/// "socioekonomisk".
pub const TYPES: [(&str, &str); 5] = [
    ("Stora utmaningar", "Major challenges"),
    ("Utmaningar", "Challenges"),
    ("Blandade förutsättningar", "Mixed conditions"),
    ("Goda förutsättningar", "Good conditions"),
    ("Mycket goda förutsättningar", "Very good conditions"),
];

/// The type (1–5) of an index value.
pub fn type_of(index: f64) -> u8 {
    CUTS.iter().filter(|c| index > **c).count() as u8 + 1
}

/// The composite index of areas: `values[c][a]` is component c's value in area a, `signs[c]`
/// +1 when higher is better and −1 when worse, `weights[c]` its weight. Areas lacking any
/// component get `None`; so do all when fewer than three areas are complete.
pub fn composite(values: &[Vec<Option<f64>>], signs: &[f64], weights: &[f64]) -> Vec<Option<f64>> {
    let n = values.first().map_or(0, Vec::len);
    let complete: Vec<bool> = (0..n).map(|a| values.iter().all(|v| v[a].is_some())).collect();
    let count = complete.iter().filter(|c| **c).count();
    let total_weight: f64 = weights.iter().sum();
    if count < 3 || total_weight <= 0.0 {
        return vec![None; n];
    }
    let mut index = vec![0.0; n];
    for ((component, sign), weight) in values.iter().zip(signs).zip(weights) {
        let kept: Vec<f64> = (0..n)
            .filter(|a| complete[*a])
            .filter_map(|a| component[a])
            .collect();
        let mean = kept.iter().sum::<f64>() / kept.len() as f64;
        let sd = (kept.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / kept.len() as f64).sqrt();
        for a in (0..n).filter(|a| complete[*a]) {
            let z = if sd > 0.0 {
                (component[a].unwrap_or(mean) - mean) / sd
            } else {
                0.0
            };
            index[a] += sign * weight * z / total_weight;
        }
    }
    (0..n).map(|a| complete[a].then_some(index[a])).collect()
}

/// Replace the area-type indicators with ones computed from `components` (indicator, weight).
pub fn refresh(atlas: &mut Atlas, components: &[(String, f64)]) {
    for id in [TYPE_ID, INDEX_ID] {
        let _ = atlas.remove_indicator(id);
    }
    let Some((rows, indicators)) = compute(atlas, components) else {
        return;
    };
    if let Ok(obs) = Observations::from_rows(rows)
        && atlas.observations.extend(obs).is_ok()
    {
        atlas.catalogue.indicators.extend(indicators);
    }
}

/// Residents of GR living in each area type in `period` at `level` (population from the loaded
/// `folkmangd`), and how many typed areas lacked a population figure.
pub fn residents_by_type(atlas: &Atlas, level: &Level, period: Period) -> ([f64; 5], usize) {
    let mut residents = [0.0; 5];
    let mut missing = 0;
    let Some(layer) = atlas.layer(level) else {
        return (residents, missing);
    };
    for area in layer.areas.iter().filter(|a| a.in_gr(level)) {
        let Some(t) = atlas
            .observations
            .value(&SeriesKey::total(TYPE_ID), &area.code, period)
        else {
            continue;
        };
        match atlas
            .observations
            .value(&SeriesKey::total("folkmangd"), &area.code, period)
        {
            Some(p) => residents[(t as usize).clamp(1, 5) - 1] += p,
            None => missing += 1,
        }
    }
    (residents, missing)
}

type Rows = Vec<(SeriesKey, String, Observation)>;

fn compute(atlas: &Atlas, components: &[(String, f64)]) -> Option<(Rows, Vec<Indicator>)> {
    let chosen: Vec<(&Indicator, f64)> = components
        .iter()
        .filter(|(_, w)| *w > 0.0)
        .filter_map(|(id, w)| Some((atlas.catalogue.indicator(id)?, *w)))
        .collect();
    if chosen.is_empty() {
        return None;
    }
    let signs: Vec<f64> = chosen
        .iter()
        .map(|(i, _)| {
            if i.polarity == Polarity::HigherIsWorse {
                -1.0
            } else {
                1.0
            }
        })
        .collect();
    let weights: Vec<f64> = chosen.iter().map(|(_, w)| *w).collect();
    let mut periods: Vec<Period> = chosen
        .iter()
        .flat_map(|(i, _)| atlas.observations.periods(&i.id).iter().copied())
        .collect();
    periods.sort_unstable();
    periods.dedup();
    let mut rows = Rows::new();
    let mut levels_used = BTreeMap::new();
    for period in periods {
        for layer in &atlas.layers {
            let level = &layer.level;
            let areas: Vec<&str> = layer
                .areas
                .iter()
                .filter(|a| a.in_gr(level))
                .map(|a| a.code.as_str())
                .collect();
            let values: Vec<Vec<Option<f64>>> = chosen
                .iter()
                .map(|(i, _)| {
                    areas
                        .iter()
                        .map(|a| atlas.observations.value(&SeriesKey::total(&i.id), a, period))
                        .collect()
                })
                .collect();
            let index = composite(&values, &signs, &weights);
            if index.iter().all(Option::is_none) {
                continue;
            }
            *levels_used.entry(level.report_name()).or_insert(0) += 1;
            for (area, value) in areas.iter().zip(index) {
                let Some(value) = value else { continue };
                let obs = |v: f64| Observation {
                    period,
                    value: v,
                    moe: None,
                    n: None,
                };
                rows.push((SeriesKey::total(INDEX_ID), area.to_string(), obs(value)));
                rows.push((
                    SeriesKey::total(TYPE_ID),
                    area.to_string(),
                    obs(type_of(value) as f64),
                ));
            }
            break;
        }
    }
    if rows.is_empty() {
        return None;
    }
    let demo = chosen.iter().any(|(i, _)| i.demo);
    let parts_sv: Vec<String> = chosen
        .iter()
        .map(|(i, w)| format!("{} (vikt {w})", i.sv))
        .collect();
    let parts_en: Vec<String> = chosen
        .iter()
        .map(|(i, w)| format!("{} (weight {w})", i.en))
        .collect();
    let levels: Vec<&str> = levels_used.keys().map(|l| l.as_ref()).collect();
    let base = |id: &str, sv: &str, en: &str| Indicator {
        id: id.into(),
        sv: sv.into(),
        en: en.into(),
        domain: super::segregation_series::DOMAIN.into(),
        unit_sv: String::new(),
        unit_en: String::new(),
        polarity: Polarity::HigherIsBetter,
        age_band: String::new(),
        source: format!("segkarta, beräknat från {}", parts_sv.join(", ")),
        licence: String::new(),
        description_sv: format!(
            "Sammanvägt index av {} – varje indikator standardiserad över GR:s områden ({}), vänd så att högre är bättre, vägt medel. Typer: under −1, −1 till −0,35, −0,35 till 0,35, 0,35 till 1, över 1.",
            parts_sv.join(", "),
            levels.join(", ")
        ),
        description_en: format!(
            "Composite index of {} – each indicator standardised over GR's areas ({}), turned so higher is better, weighted mean. Types: below −1, −1 to −0.35, −0.35 to 0.35, 0.35 to 1, above 1.",
            parts_en.join(", "),
            levels.join(", ")
        ),
        demo,
        dimensions: Vec::new(),
        decimals: 2,
        min: -10.0,
        max: 10.0,
        aggregation: Aggregation::None,
        survey: false,
        confidence: 95.0,
        suppress_below: None,
        from_activities: false,
        categories: Vec::new(),
        over_time: Default::default(),
        annual_of: None,
    };
    let mut types = base(TYPE_ID, "Socioekonomisk områdestyp", "Socioeconomic area type");
    types.decimals = 0;
    types.min = 1.0;
    types.max = 5.0;
    types.categories = TYPES
        .iter()
        .enumerate()
        .map(|(i, (sv, en))| Category {
            value: (i + 1) as f64,
            sv: sv.to_string(),
            en: en.to_string(),
        })
        .collect();
    let index = base(INDEX_ID, "Socioekonomiskt index", "Socioeconomic index");
    Some((rows, vec![types, index]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_is_a_weighted_mean_of_turned_z_scores() {
        // Two components over four areas: a share of low standard (worse) and employment.
        let low = vec![Some(10.0), Some(20.0), Some(30.0), Some(40.0)];
        let work = vec![Some(90.0), Some(80.0), Some(70.0), Some(60.0)];
        let index = composite(&[low, work], &[-1.0, 1.0], &[1.0, 1.0]);
        // z of 10..40 is ±1.342, ±0.447; both components agree, so the index equals the z.
        let z = |v: f64| (v - 25.0) / 125f64.sqrt();
        for (a, v) in [10.0, 20.0, 30.0, 40.0].iter().enumerate() {
            assert!((index[a].expect("complete") - (-z(*v))).abs() < 1e-12);
        }
        assert_eq!(
            index.iter().map(|i| type_of(i.expect("v"))).collect::<Vec<_>>(),
            vec![5, 4, 2, 1]
        );
    }

    #[test]
    fn areas_missing_a_component_get_no_type_and_cuts_are_inclusive_upper_bounds() {
        let a = vec![Some(1.0), Some(2.0), Some(3.0), None];
        let b = vec![Some(1.0), Some(2.0), Some(3.0), Some(4.0)];
        let index = composite(&[a, b], &[1.0, 1.0], &[2.0, 1.0]);
        assert!(index[3].is_none());
        assert_eq!(type_of(-1.0), 1);
        assert_eq!(type_of(-0.99), 2);
        assert_eq!(type_of(0.35), 3);
        assert_eq!(type_of(1.01), 5);
        assert!(
            composite(&[vec![Some(1.0), Some(2.0)]], &[1.0], &[1.0])
                .iter()
                .all(Option::is_none),
            "too few areas"
        );
    }

    #[test]
    fn embedded_demo_data_gives_each_gr_municipality_a_type_every_year() {
        let mut atlas = crate::io::embedded::atlas().expect("embedded");
        let components: Vec<(String, f64)> =
            DEFAULT_COMPONENTS.iter().map(|c| (c.to_string(), 1.0)).collect();
        refresh(&mut atlas, &components);
        let types = atlas.catalogue.indicator(TYPE_ID).expect("area types");
        assert!(types.demo);
        assert_eq!(types.categories.len(), 5);
        let period = *atlas.observations.periods(TYPE_ID).last().expect("periods");
        let values: Vec<f64> = crate::model::GR_MUNICIPALITIES
            .iter()
            .map(|m| {
                atlas
                    .observations
                    .value(&SeriesKey::total(TYPE_ID), m, period)
                    .expect("a type")
            })
            .collect();
        assert!(values.iter().all(|v| (1.0..=5.0).contains(v)));
        assert!(
            values.iter().any(|v| *v != values[0]),
            "not all alike: {values:?}"
        );
        let (residents, missing) = residents_by_type(&atlas, &Level::Kommun, period);
        assert_eq!(missing, 0);
        let population: f64 = crate::model::GR_MUNICIPALITIES
            .iter()
            .filter_map(|m| {
                atlas
                    .observations
                    .value(&SeriesKey::total("folkmangd"), m, period)
            })
            .sum();
        assert!(
            (residents.iter().sum::<f64>() - population).abs() < 1e-6,
            "everyone lives in some type"
        );
    }
}
