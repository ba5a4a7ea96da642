//! `segkarta analyze`: the analysis of one indicator, period and level as a plain, serialisable
//! report — class breaks and counts, Moran's I, LISA per area and the segregation measures —
//! built with the same code the map uses ([`View`]), so the command line and the app agree.
use serde::Serialize;

use crate::analysis::autocorrelation::{Cluster, Moran};
use crate::analysis::classify::Scheme;
use crate::analysis::segregation_series::PREFIX;
use crate::analysis::weights::{Weights, WeightsSpec, WeightsSummary};
use crate::model::{Atlas, Level, Period, REGION_GR, TOTAL};
use crate::state::Selection;
use crate::view::View;

/// What to analyse.
#[derive(Clone, Debug)]
pub struct Request {
    pub indicator: String,
    pub period: Period,
    pub level: Level,
    pub group_by: Option<String>,
    pub group: Option<String>,
    pub scheme: Scheme,
    pub k: usize,
    /// Significance of the LISA clusters.
    pub alpha: f64,
    /// How neighbours are found.
    pub weights: WeightsSpec,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub indicator: String,
    pub name: String,
    pub unit: String,
    pub period: Period,
    pub level: Level,
    pub group_by: String,
    pub group: String,
    /// The values are invented demo data, not statistics.
    pub demo: bool,
    /// Areas of GR at the level that have a value.
    pub areas_with_values: usize,
    pub classification: Classification,
    pub moran: Option<Moran>,
    /// The neighbours Moran's I and LISA were computed with.
    pub weights: WeightsSummary,
    pub lisa: Vec<LocalArea>,
    pub segregation: Vec<SegregationValue>,
    /// Why a part above is empty (no values at the level or period, too few areas, no counts).
    pub notes: Vec<String>,
    /// For survey indicators: what was held back and what differs from GR beyond chance.
    pub survey: Option<SurveySummary>,
}

#[derive(Debug, Serialize)]
pub struct SurveySummary {
    /// Confidence level of the intervals and tests, per cent.
    pub confidence: f64,
    pub suppress_below: Option<f64>,
    /// GR areas whose value is held back: too few answers.
    pub too_few_answers: Vec<String>,
    /// GR areas whose interval is wider than their class.
    pub uncertain: Vec<String>,
    /// GR areas tested against GR's value: the difference and its two-sided p-value.
    pub versus_gr: Vec<AreaDifference>,
}

#[derive(Debug, Serialize)]
pub struct AreaDifference {
    pub area: String,
    pub difference: f64,
    pub p: f64,
    pub significant: bool,
}

#[derive(Debug, Serialize)]
pub struct Classification {
    pub scheme: &'static str,
    pub min: Option<f64>,
    /// Upper bounds; the last is the maximum.
    pub breaks: Vec<f64>,
    pub counts: Vec<usize>,
}

#[derive(Debug, Serialize)]
pub struct LocalArea {
    pub area: String,
    pub name: String,
    pub value: f64,
    pub cluster: Cluster,
}

#[derive(Debug, Serialize)]
pub struct SegregationValue {
    /// A municipality code, `GR` for the whole region, or `ALLA` for all areas of a custom
    /// level that belong to no known municipality.
    pub place: String,
    /// The derived indicator, e.g. `seg_d_folkmangd`.
    pub measure: String,
    pub group_by: String,
    pub group: String,
    pub value: f64,
    /// Areas the measure was computed over.
    pub areas: Option<f64>,
}

/// A loaded level by the name a user types: `kommun`, `regso`, `deso`, or a custom level's
/// own name (any case); `custom` is the custom level when only one is loaded.
pub fn level_by_name(atlas: &Atlas, name: &str) -> Result<Level, String> {
    let level = crate::io::attributes::level_from_name(name);
    if atlas.layer(&level).is_some() || !level.is_custom() {
        return Ok(level);
    }
    let custom: Vec<&Level> = atlas
        .layers
        .iter()
        .map(|l| &l.level)
        .filter(|l| l.is_custom())
        .collect();
    let by_name = custom
        .iter()
        .find(|l| l.report_name().to_lowercase() == name.trim().to_lowercase());
    match (by_name, custom.as_slice()) {
        (Some(level), _) => Ok((*level).clone()),
        (None, [only]) if name.eq_ignore_ascii_case("custom") => Ok((*only).clone()),
        _ => Err(format!(
            "no level {name:?} is loaded (loaded: {})",
            atlas
                .layers
                .iter()
                .map(|l| l.level.report_name().into_owned())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Analyse `atlas` as asked. Errors name what is missing (an unknown indicator, a level that is
/// not loaded, a period without values).
/// "2011, 2012, 2013", or "none", for a message about a period that has no values.
pub fn periods_text(periods: &[Period]) -> String {
    if periods.is_empty() {
        return "none".into();
    }
    periods
        .iter()
        .map(Period::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn analyze(atlas: &Atlas, request: &Request) -> Result<Report, String> {
    let indicator = atlas
        .catalogue
        .indicator(&request.indicator)
        .ok_or_else(|| format!("unknown indicator {:?}", request.indicator))?;
    let layer = atlas.layer(&request.level).ok_or_else(|| {
        format!(
            "no {} boundaries are loaded (use --boundaries FILE)",
            request.level.report_name()
        )
    })?;
    if !atlas
        .observations
        .periods(&request.indicator)
        .contains(&request.period)
    {
        return Err(format!(
            "{:?} has no values for {} (periods with values: {})",
            request.indicator,
            request.period,
            periods_text(atlas.observations.periods(&request.indicator))
        ));
    }
    let mut selection = Selection {
        domain: indicator.domain.clone(),
        indicator: request.indicator.clone(),
        period: request.period,
        group_by: request.group_by.clone().unwrap_or_else(|| TOTAL.into()),
        group: request.group.clone().unwrap_or_default(),
        scheme: request.scheme,
        classes: request.k,
        level: request.level.clone(),
        weights: request.weights,
        lisa_alpha: request.alpha,
        lisa_map: true,
        ..Selection::default()
    };
    selection.normalise(atlas);
    let weights = Weights::build(layer, request.weights);
    let view = View::compute_with(atlas, layer, &selection, Some(&weights));
    let spatial = view.spatial.as_ref();
    let lisa = layer
        .areas
        .iter()
        .enumerate()
        .filter_map(|(i, area)| {
            Some(LocalArea {
                area: area.code.clone(),
                name: area.name.clone(),
                value: view.values[i]?,
                cluster: spatial?.clusters[i]?,
            })
        })
        .collect();
    let segregation = segregation_values(atlas, request.period);
    let areas_with_values = view.areas_with_values();
    let mut notes = Vec::new();
    let level_name = request.level.report_name();
    if areas_with_values == 0 {
        let why = if indicator.aggregation == crate::model::Aggregation::None {
            "and the indicator has no rule for combining finer areas (not a count or a rate with its base)"
        } else {
            "and no finer loaded level has values that roll up to it"
        };
        notes.push(format!(
            "no values at the {level_name} level in {} ({} areas) {why}",
            request.period,
            layer.len()
        ));
    }
    match spatial {
        None => notes.push(format!(
            "Moran's I and LISA need at least 3 areas with values; {areas_with_values} have one"
        )),
        Some(s) if s.moran.is_none() => notes.push(format!(
            "Moran's I not computed: of {} areas with values, {} have no neighbour (islands) and the \
             values must vary",
            s.areas, s.islands
        )),
        Some(_) => {}
    }
    if segregation.is_empty() {
        notes.push(format!(
            "no segregation measures for {}: they need a count indicator (unit persons) split by a grouping, \
             per area of a level below the municipalities or per municipality",
            request.period
        ));
    }
    let survey = view.confidence.map(|confidence| {
        let codes = |flags: &[bool]| -> Vec<String> {
            layer
                .areas
                .iter()
                .zip(flags.iter().zip(&view.in_gr))
                .filter(|(_, (f, g))| **f && **g)
                .map(|(a, _)| a.code.clone())
                .collect()
        };
        SurveySummary {
            confidence,
            suppress_below: indicator.suppress_below,
            too_few_answers: codes(&view.suppressed),
            uncertain: codes(&view.uncertain),
            versus_gr: (0..layer.len())
                .filter(|i| view.in_gr[*i])
                .filter_map(|i| {
                    let test = view.versus_region(i)?;
                    Some(AreaDifference {
                        area: layer.areas[i].code.clone(),
                        difference: test.difference,
                        p: test.p,
                        significant: test.significant(confidence),
                    })
                })
                .collect(),
        }
    });
    Ok(Report {
        survey,
        indicator: indicator.id.clone(),
        name: indicator.sv.clone(),
        unit: indicator.unit_sv.clone(),
        period: request.period,
        level: request.level.clone(),
        group_by: selection.group_by.clone(),
        group: selection.group.clone(),
        demo: indicator.demo,
        areas_with_values,
        classification: Classification {
            scheme: view.scheme.cli_name(),
            min: view.classes.as_ref().map(|c| c.min),
            breaks: view.classes.as_ref().map_or_else(Vec::new, |c| c.breaks.clone()),
            counts: view.classes.as_ref().map_or_else(Vec::new, |c| c.counts.clone()),
        },
        moran: spatial.and_then(|s| s.moran.clone()),
        weights: weights.summary(),
        lisa,
        segregation,
        notes,
    })
}

/// Every segregation measure of `period`, per municipality and for GR.
fn segregation_values(atlas: &Atlas, period: Period) -> Vec<SegregationValue> {
    let mut out = Vec::new();
    for ind in atlas
        .catalogue
        .indicators
        .iter()
        .filter(|i| i.id.starts_with(PREFIX))
    {
        let mut dims: Vec<String> = vec![TOTAL.to_string()];
        dims.extend(ind.dimensions.iter().cloned());
        for dim in dims {
            for group in atlas.observations.groups(&ind.id, &dim) {
                let key = crate::model::SeriesKey::new(&ind.id, &dim, group);
                let places = crate::model::GR_MUNICIPALITIES
                    .iter()
                    .copied()
                    .chain([REGION_GR, crate::model::REGION_ALL_LOADED]);
                for place in places {
                    if let Some(obs) = atlas.observations.get(&key, place, period) {
                        out.push(SegregationValue {
                            place: place.to_string(),
                            measure: ind.id.clone(),
                            group_by: dim.clone(),
                            group: group.clone(),
                            value: obs.value,
                            areas: obs.n,
                        });
                    }
                }
            }
        }
    }
    out
}

impl Report {
    /// Whether no part of the analysis has a result (the command then fails).
    pub fn computed_nothing(&self) -> bool {
        self.areas_with_values == 0 && self.moran.is_none() && self.segregation.is_empty()
    }

    /// A short text for the terminal.
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "{} ({}), {}, {} level{}{}\n",
            self.name,
            self.indicator,
            self.period,
            self.level.report_name(),
            if self.group_by == TOTAL {
                String::new()
            } else {
                format!(", {}={}", self.group_by, self.group)
            },
            if self.demo {
                " — DEMO DATA, not statistics"
            } else {
                ""
            }
        );
        s += &format!("{} areas with values\n", self.areas_with_values);
        let w = &self.weights;
        s += &format!(
            "weights: {:?}{}, {} links, {} islands, {:.2} neighbours on average{}\n",
            w.contiguity,
            w.tolerance_m
                .map_or(" (shared vertices)".to_string(), |t| format!(
                    " (points within {t} m)"
                )),
            w.links,
            w.islands,
            w.mean_neighbours,
            if w.tolerance_m.is_some() {
                format!("; the tolerance added {} links", w.added_by_tolerance)
            } else {
                String::new()
            }
        );
        s += &format!(
            "classes ({}): breaks {:?}, counts {:?}\n",
            self.classification.scheme, self.classification.breaks, self.classification.counts
        );
        match &self.moran {
            Some(m) => {
                s += &format!(
                    "Moran's I {:.4} (E[I] {:.4}, z {:.2}, p normal {:.4}, p from {} permutations {:.4})\n",
                    m.i, m.expected, m.z_norm, m.p_norm, m.permutations, m.p_sim
                )
            }
            None => s += "Moran's I: too few areas with values and neighbours\n",
        }
        let significant = self
            .lisa
            .iter()
            .filter(|l| l.cluster != Cluster::NotSignificant)
            .count();
        s += &format!(
            "LISA: {significant} of {} areas in a significant cluster\n",
            self.lisa.len()
        );
        s += &format!(
            "segregation measures: {} values (see --json)\n",
            self.segregation.len()
        );
        if let Some(survey) = &self.survey {
            let significant = survey.versus_gr.iter().filter(|d| d.significant).count();
            s += &format!(
                "survey ({} % confidence): {} areas with too few answers{}{}, {} uncertain (interval wider \
                 than the class), {significant} of {} differ significantly from GR\n",
                survey.confidence,
                survey.too_few_answers.len(),
                survey
                    .suppress_below
                    .map_or(String::new(), |b| format!(" (below {b})")),
                if survey.too_few_answers.is_empty() {
                    String::new()
                } else {
                    format!(": {}", survey.too_few_answers.join(", "))
                },
                survey.uncertain.len(),
                survey.versus_gr.len()
            );
        }
        s
    }
}
