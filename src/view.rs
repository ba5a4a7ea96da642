//! What the map and the panels draw for the current selection, computed once per selection
//! change from the atlas with the pure functions in `analysis`.
use crate::analysis::autocorrelation::{Cluster, Moran, lisa, moran};
use crate::analysis::classify::{Classes, Scheme, classify_diverging, classify_pooled};
use crate::analysis::compare::ranks_descending;
use crate::analysis::significance::Estimate;
use crate::analysis::weights::Weights;
use crate::map::palette::{self, Rgb};
use crate::model::{AreaLayer, Atlas, Level, Period, RegionValue, SeriesKey};
use crate::state::{Reference, Selection};

pub mod activities;
pub mod caption;
pub mod compare;
pub mod table;
pub mod trend;

#[derive(Clone, Debug)]
pub struct View {
    pub key: SeriesKey,
    pub period: Period,
    pub level: Level,
    /// Per area of the layer, in layer order.
    pub values: Vec<Option<f64>>,
    /// Whether an area lies in GR (a member municipality or inside one).
    pub in_gr: Vec<bool>,
    /// Whether an area takes part in the classification (GR, or all of Sweden).
    pub in_scope: Vec<bool>,
    pub fills: Vec<Rgb>,
    /// Per area: a survey value held back as from too few respondents ("för få svar"); its
    /// value is `None` and it has its own colour.
    pub suppressed: Vec<bool>,
    /// Per area: a survey value whose confidence interval is wider than its class, drawn with
    /// less saturation.
    pub uncertain: Vec<bool>,
    /// Per area, for survey indicators: the value with its standard error and base.
    pub estimates: Vec<Option<Estimate>>,
    /// The survey's confidence level (per cent), for survey indicators.
    pub confidence: Option<f64>,
    /// GR's value as an estimate, for survey indicators: the published row's, else the mean
    /// of the member municipalities' with its standard error.
    pub region_estimate: Option<Estimate>,
    pub classes: Option<Classes>,
    pub class_colours: Vec<Rgb>,
    /// Rank among the GR areas of the layer with a value (1 = highest value).
    pub gr_rank: Vec<Option<usize>>,
    pub gr_count: usize,
    pub region: Option<RegionValue>,
    pub sweden: Option<f64>,
    pub demo: bool,
    /// The scheme the classes follow (unique values fall back to quantiles when there are
    /// too many distinct values to tell apart).
    pub scheme: Scheme,
    /// The value a diverging palette is centred on.
    pub reference: Option<f64>,
    /// For area types: residents of GR per type (1–5) in every period with types, and how many
    /// typed areas lacked a population figure. Empty for other indicators.
    pub residents_by_type: Vec<(Period, [f64; 5], usize)>,
    /// Spatial autocorrelation of the values in scope, when weights were given.
    pub spatial: Option<Spatial>,
    /// Set when the values were combined from a finer level (none loaded for this one).
    pub aggregated: Option<(Level, crate::model::Aggregation)>,
    /// When the indicator has no values on the layer: the indicators that do, to offer them.
    pub indicators_with_values: Vec<String>,
    /// The group comparison panel's numbers: the dimension shown (the selected one, else the
    /// indicator's first) and each group's value in the selected area or GR.
    pub groups: Option<(String, crate::analysis::compare::GroupComparison)>,
    /// The trend panel's lines and numbers for the shown series.
    pub trend: trend::TrendView,
    /// For the selected area, per catalogue indicator: its latest value up to the shown period
    /// (elections and surveys skip years) and GR's value then. Empty without a selection.
    pub area_details: Vec<AreaDetail>,
}

/// One indicator's line in the area details panel.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaDetail {
    pub indicator: String,
    pub latest: Option<crate::model::Observation>,
    pub region: Option<RegionValue>,
}

/// The selected area's latest value of every catalogue indicator and GR's at the same period.
fn area_details(atlas: &Atlas, sel: &Selection) -> Vec<AreaDetail> {
    let Some(code) = sel.area.as_deref() else {
        return Vec::new();
    };
    atlas
        .catalogue
        .indicators
        .iter()
        .map(|ind| {
            let key = SeriesKey::total(&ind.id);
            let latest = atlas
                .observations
                .series(&key, code)
                .iter()
                .rev()
                .find(|o| o.period.starts_within_or_before(sel.period))
                .copied();
            AreaDetail {
                indicator: ind.id.clone(),
                region: latest.and_then(|o| atlas.region_value(&key, o.period)),
                latest,
            }
        })
        .collect()
}

/// Global and local Moran of the values shown, over the areas in scope that have a value.
#[derive(Clone, Debug)]
pub struct Spatial {
    pub moran: Option<Moran>,
    /// Per area of the layer: its cluster at the chosen significance (`None` outside the
    /// analysis, and everywhere while the cluster map is off).
    pub clusters: Vec<Option<Cluster>>,
    /// Areas in the analysis, and those of them without neighbours.
    pub areas: usize,
    pub islands: usize,
    /// The weights of the whole layer (kind, links, islands, what a tolerance added).
    pub weights: crate::analysis::weights::WeightsSummary,
}

/// Permutations for the pseudo p-values, and the seed that makes them repeatable.
pub const PERMUTATIONS: usize = 999;
pub const SEED: u64 = 20261125;

impl Spatial {
    /// Local Moran only `with_clusters` (its permutations cost five times the global test).
    fn compute(
        values: &[Option<f64>],
        in_scope: &[bool],
        weights: &Weights,
        alpha: f64,
        with_clusters: bool,
    ) -> Option<Spatial> {
        let keep: Vec<bool> = values
            .iter()
            .zip(in_scope)
            .map(|(v, s)| *s && v.is_some())
            .collect();
        let (w, original) = weights.subset(&keep);
        let y: Vec<f64> = original.iter().filter_map(|i| values[*i]).collect();
        if y.len() < 3 {
            return None;
        }
        let moran = moran(&y, &w, PERMUTATIONS, SEED);
        let mut clusters = vec![None; values.len()];
        if with_clusters && let Some(lisa) = lisa(&y, &w, PERMUTATIONS, SEED) {
            for (c, i) in lisa.clusters(alpha).into_iter().zip(&original) {
                clusters[*i] = Some(c);
            }
        }
        Some(Spatial {
            moran,
            clusters,
            areas: y.len(),
            islands: w.islands(),
            weights: weights.summary(),
        })
    }
}

impl View {
    /// The LISA clusters when the map shows them in place of the classes (then no class is
    /// drawn paler for an uncertain value).
    pub fn clusters_shown(&self, sel: &Selection) -> Option<&Spatial> {
        self.spatial.as_ref().filter(|_| sel.lisa_map)
    }

    /// Area `i`'s survey value's confidence interval at the survey's level, when known.
    pub fn interval(&self, i: usize) -> Option<(f64, f64)> {
        self.estimates
            .get(i)
            .copied()
            .flatten()?
            .interval(self.confidence?)
    }

    /// The test of area `i`'s survey value against GR's, when both have a known error.
    pub fn versus_region(&self, i: usize) -> Option<crate::analysis::significance::Difference> {
        let area = self.estimates.get(i).copied().flatten()?;
        crate::analysis::significance::difference(self.region_estimate?, area)
    }

    /// How many areas in scope (GR, or all of Sweden when compared) have a value: none means
    /// the indicator has nothing to show at this level.
    pub fn areas_with_values(&self) -> usize {
        self.values
            .iter()
            .zip(&self.in_scope)
            .filter(|(v, s)| **s && v.is_some())
            .count()
    }

    /// Values → classes → colours for the selection on `layer`.
    pub fn compute(atlas: &Atlas, layer: &AreaLayer, sel: &Selection) -> View {
        Self::compute_with(atlas, layer, sel, None)
    }

    /// As [`View::compute`], with spatial autocorrelation when the layer's weights are given.
    pub fn compute_with(
        atlas: &Atlas,
        layer: &AreaLayer,
        sel: &Selection,
        weights: Option<&Weights>,
    ) -> View {
        Self::compute_after(atlas, layer, sel, weights, None)
    }

    /// As [`View::compute_with`], reusing what `previous` computed that the new selection does
    /// not change (the trend's lines, when only the period moved).
    pub fn compute_after(
        atlas: &Atlas,
        layer: &AreaLayer,
        sel: &Selection,
        weights: Option<&Weights>,
        previous: Option<&View>,
    ) -> View {
        let key = SeriesKey::new(&sel.indicator, &sel.group_by, &sel.group);
        let mut values = atlas.observations.values_for_layer(&key, sel.period, layer);
        let mut aggregated = None;
        if values.iter().all(Option::is_none)
            && let Some(agg) =
                crate::analysis::aggregate::to_level(atlas, &key, sel.period, layer.level.clone())
        {
            values = layer
                .areas
                .iter()
                .map(|a| agg.values.get(&a.code).copied())
                .collect();
            aggregated = Some((agg.from, agg.rule));
        }
        let indicator = atlas.catalogue.indicator(&sel.indicator);
        let indicators_with_values = if values.iter().all(Option::is_none) {
            atlas
                .catalogue
                .indicators
                .iter()
                .filter(|i| crate::analysis::aggregate::has_values_at(atlas, &i.id, layer))
                .map(|i| i.id.clone())
                .collect()
        } else {
            Vec::new()
        };
        let in_gr: Vec<bool> = layer.areas.iter().map(|a| a.in_gr(&layer.level)).collect();
        let in_scope: Vec<bool> = if sel.national {
            vec![true; layer.len()]
        } else {
            in_gr.clone()
        };
        let scoped: Vec<f64> = values
            .iter()
            .zip(&in_scope)
            .filter_map(|(v, s)| v.filter(|_| *s))
            .collect();
        // A mean of categories (area types) means nothing.
        let categorical = indicator.is_some_and(|i| !i.categories.is_empty());
        let region = atlas.region_value(&key, sel.period).filter(|_| !categorical);
        let sweden = atlas.sweden_value(&key, sel.period).filter(|_| !categorical);
        let polarity = indicator
            .map(|i| i.polarity)
            .unwrap_or(crate::model::Polarity::Neutral);
        let Classification {
            scheme,
            classes,
            colours: class_colours,
            reference,
        } = Classification::compute(
            atlas,
            layer,
            sel,
            &key,
            &in_scope,
            &scoped,
            region,
            sweden,
            polarity,
            indicator.map_or(&[][..], |i| &i.categories[..]),
        );
        // Computed here, once per selection, not in every frame of the panel.
        let area_type = [
            crate::analysis::area_types::TYPE_ID,
            crate::analysis::area_types::INDEX_ID,
        ];
        let residents_by_type = if area_type.contains(&sel.indicator.as_str()) {
            atlas
                .observations
                .periods(crate::analysis::area_types::TYPE_ID)
                .iter()
                .map(|y| {
                    let (residents, missing) =
                        crate::analysis::area_types::residents_by_type(atlas, &layer.level, *y);
                    (*y, residents, missing)
                })
                .collect()
        } else {
            Vec::new()
        };
        let spatial =
            weights.and_then(|w| Spatial::compute(&values, &in_scope, w, sel.lisa_alpha, sel.lisa_map));
        let clusters = spatial.as_ref().map(|s| &s.clusters).filter(|_| sel.lisa_map);
        let survey = indicator.filter(|i| i.survey);
        let (suppressed, estimates) = survey_values(atlas, layer, &key, sel.period, survey);
        let confidence = survey.map(|i| i.confidence);
        let region_estimate = survey
            .and_then(|ind| crate::analysis::significance::region_estimate(atlas, &key, sel.period, ind));
        // Uncertain: the interval is wider than the class the value falls in.
        let uncertain: Vec<bool> = match (&classes, confidence) {
            (Some(c), Some(confidence)) => values
                .iter()
                .zip(&estimates)
                .map(|(v, e)| {
                    let (Some(v), Some((lo, hi))) = (v, e.and_then(|e| e.interval(confidence))) else {
                        return false;
                    };
                    let (class_lo, class_hi) = c.bounds(c.class_of(*v));
                    hi - lo > class_hi - class_lo
                })
                .collect(),
            _ => vec![false; values.len()],
        };
        let fills = values
            .iter()
            .zip(&in_scope)
            .enumerate()
            .map(|(i, (v, scope))| match (v, scope, &classes) {
                (_, false, _) => palette::CONTEXT,
                (Some(_), true, _) if clusters.is_some() => clusters
                    .and_then(|c| c[i])
                    .map_or(palette::NO_DATA, palette::cluster_colour),
                (Some(v), true, Some(c)) if uncertain[i] => palette::uncertain(class_colours[c.class_of(*v)]),
                (Some(v), true, Some(c)) => class_colours[c.class_of(*v)],
                (None, true, _) if suppressed[i] => palette::SUPPRESSED,
                _ => palette::NO_DATA,
            })
            .collect();
        let gr_values: Vec<Option<f64>> = values.iter().zip(&in_gr).map(|(v, g)| v.filter(|_| *g)).collect();
        let gr_rank = ranks_descending(&gr_values);
        let gr_count = gr_values.iter().flatten().count();
        let groups = indicator
            .and_then(|i| {
                if sel.group_by != crate::model::TOTAL {
                    Some(sel.group_by.clone())
                } else {
                    i.dimensions.first().cloned()
                }
            })
            .map(|dim| {
                let rows = crate::analysis::compare::groups(
                    atlas,
                    &sel.indicator,
                    &dim,
                    sel.period,
                    sel.area.as_deref(),
                );
                (dim, rows)
            });
        let trend = trend::TrendView::compute_reusing(atlas, &key, sel, previous.map(|v| &v.trend));
        View {
            area_details: area_details(atlas, sel),
            trend,
            groups,
            region,
            sweden,
            scheme,
            reference,
            spatial,
            residents_by_type,
            period: sel.period,
            level: layer.level.clone(),
            indicators_with_values,
            demo: indicator.is_some_and(|i| i.demo),
            aggregated,
            key,
            values,
            in_gr,
            in_scope,
            fills,
            suppressed,
            uncertain,
            estimates,
            confidence,
            region_estimate,
            classes,
            class_colours,
            gr_rank,
            gr_count,
        }
    }
}

/// Per area of `layer`, for a survey indicator: whether its value in `period` is held back
/// (too few answers), and its estimate when shown. All false and none for other indicators.
fn survey_values(
    atlas: &Atlas,
    layer: &AreaLayer,
    key: &SeriesKey,
    period: Period,
    survey: Option<&crate::model::Indicator>,
) -> (Vec<bool>, Vec<Option<Estimate>>) {
    let Some(ind) = survey else {
        return (vec![false; layer.len()], vec![None; layer.len()]);
    };
    layer
        .areas
        .iter()
        .map(|a| {
            let held = atlas.observations.suppressed(key, &a.code, period).is_some();
            let estimate = atlas
                .observations
                .get(key, &a.code, period)
                .and_then(|o| Estimate::of(ind, &o));
            (held, estimate)
        })
        .unzip()
}

/// Classes and their colours for a selection.
struct Classification {
    scheme: Scheme,
    classes: Option<Classes>,
    colours: Vec<Rgb>,
    reference: Option<f64>,
}

impl Classification {
    /// Breaks from this period's values in scope, or from every year's when pooled; split at
    /// the reference when one is chosen; counted over this period's values.
    #[allow(clippy::too_many_arguments)]
    fn compute(
        atlas: &Atlas,
        layer: &AreaLayer,
        sel: &Selection,
        key: &SeriesKey,
        in_scope: &[bool],
        scoped: &[f64],
        region: Option<RegionValue>,
        sweden: Option<f64>,
        polarity: crate::model::Polarity,
        categories: &[crate::model::Category],
    ) -> Classification {
        // Categorical indicators (area types) always show one colour per category.
        let mut scheme = if categories.is_empty() {
            sel.scheme
        } else {
            Scheme::UniqueValues
        };
        let basis: Vec<f64> = if sel.pooled {
            atlas
                .observations
                .periods(&key.indicator)
                .iter()
                .flat_map(|y| atlas.observations.values_for_layer(key, *y, layer))
                .zip(in_scope.iter().cycle())
                .filter_map(|(v, s)| v.filter(|_| *s))
                .collect()
        } else {
            scoped.to_vec()
        };
        if scheme == Scheme::UniqueValues {
            let mut distinct = basis.clone();
            distinct.sort_by(f64::total_cmp);
            distinct.dedup();
            if distinct.len() > palette::MAX_CATEGORIES {
                scheme = Scheme::Quantile;
            }
        }
        let reference = match sel.reference {
            Some(Reference::GrAverage) => region.map(|r| r.value),
            Some(Reference::Sweden) => sweden,
            Some(Reference::Value(v)) => Some(v),
            None => None,
        }
        .filter(|_| scheme != Scheme::UniqueValues);
        // Breaks from the basis (every period's values when pooled), counts from this year's.
        let classes = match reference {
            Some(r) => classify_diverging(&basis, scheme, sel.classes, r).map(|c| c.recount(scoped)),
            None => classify_pooled(&basis, scoped, scheme, sel.classes, &sel.manual_breaks),
        };
        let n = classes.as_ref().map_or(0, Classes::len);
        let colours = match (&classes, scheme) {
            // Ordered categories keep their colour whichever of them occur.
            (Some(c), Scheme::UniqueValues) if !categories.is_empty() => {
                let all = palette::class_colours(polarity, categories.len());
                c.breaks
                    .iter()
                    .map(|b| {
                        categories
                            .iter()
                            .position(|cat| cat.value == *b)
                            .map_or(palette::NO_DATA, |i| all[i])
                    })
                    .collect()
            }
            (_, Scheme::UniqueValues) => palette::category_colours(n),
            (
                Some(Classes {
                    below_reference: Some(below),
                    ..
                }),
                _,
            ) => palette::diverging_colours(polarity, *below, n - below),
            _ => palette::class_colours_for(polarity, n, sel.high_contrast),
        };
        Classification {
            scheme,
            classes,
            colours,
            reference,
        }
    }
}

/// The demo data with one area selected and the rest of the selection made valid.
#[cfg(test)]
pub(crate) fn demo_with_area(code: &str) -> (Atlas, Selection) {
    let atlas = crate::io::embedded::atlas().expect("embedded");
    let mut sel = Selection {
        area: Some(code.into()),
        ..Selection::default()
    };
    sel.normalise(&atlas);
    (atlas, sel)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// With Göteborg selected, the details hold every catalogue indicator: its latest value up
    /// to the shown year (turnout, an election indicator, from the last election) and GR's then.
    #[test]
    fn area_details_hold_the_latest_value_of_every_indicator() {
        let (atlas, sel) = demo_with_area("1480");
        let view = View::compute(&atlas, &atlas.layers[0], &sel);
        assert_eq!(view.area_details.len(), atlas.catalogue.indicators.len());
        let turnout = view
            .area_details
            .iter()
            .find(|d| d.indicator == "valdeltagande")
            .expect("turnout");
        let latest = turnout.latest.expect("a value");
        assert!(
            latest.period < sel.period,
            "the last election before {}",
            sel.period
        );
        let key = SeriesKey::total("valdeltagande");
        assert_eq!(turnout.region, atlas.region_value(&key, latest.period));
        let none = View::compute(&atlas, &atlas.layers[0], &Selection { area: None, ..sel });
        assert!(none.area_details.is_empty());
    }
}
