//! What the map and the panels draw for the current selection, computed once per selection
//! change from the atlas with the pure functions in `analysis`.
use crate::analysis::classify::{Classes, Scheme, classify_diverging, classify_with};
use crate::analysis::compare::ranks_descending;
use crate::map::palette::{self, Rgb};
use crate::model::{AreaLayer, Atlas, Level, RegionValue, SeriesKey, is_gr_municipality};
use crate::state::{Reference, Selection};

#[derive(Clone, Debug)]
pub struct View {
    pub key: SeriesKey,
    pub year: i32,
    pub level: Level,
    /// Per area of the layer, in layer order.
    pub values: Vec<Option<f64>>,
    /// Whether an area lies in GR (a member municipality or inside one).
    pub in_gr: Vec<bool>,
    /// Whether an area takes part in the classification (GR, or all of Sweden).
    pub in_scope: Vec<bool>,
    pub fills: Vec<Rgb>,
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
    /// Set when the values were combined from a finer level (none loaded for this one).
    pub aggregated: Option<(Level, crate::model::Aggregation)>,
}

impl View {
    /// Values → classes → colours for the selection on `layer`.
    pub fn compute(atlas: &Atlas, layer: &AreaLayer, sel: &Selection) -> View {
        let key = SeriesKey::new(&sel.indicator, &sel.group_by, &sel.group);
        let mut values = atlas.observations.values_for_layer(&key, sel.year, layer);
        let mut aggregated = None;
        if values.iter().all(Option::is_none)
            && let Some(agg) = crate::analysis::aggregate::to_level(atlas, &key, sel.year, layer.level)
        {
            values = layer
                .areas
                .iter()
                .map(|a| agg.values.get(&a.code).copied())
                .collect();
            aggregated = Some((agg.from, agg.rule));
        }
        let indicator = atlas.catalogue.indicator(&sel.indicator);
        let in_gr: Vec<bool> = layer
            .areas
            .iter()
            .map(|a| a.municipality_code().is_some_and(is_gr_municipality))
            .collect();
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
        let region = atlas.region_value(&key, sel.year);
        let sweden = atlas.sweden_value(&key, sel.year);
        let polarity = indicator
            .map(|i| i.polarity)
            .unwrap_or(crate::model::Polarity::Neutral);
        let Classification {
            scheme,
            classes,
            colours: class_colours,
            reference,
        } = Classification::compute(
            atlas, layer, sel, &key, &in_scope, &scoped, region, sweden, polarity,
        );
        let fills = values
            .iter()
            .zip(&in_scope)
            .map(|(v, scope)| match (v, scope, &classes) {
                (_, false, _) => palette::CONTEXT,
                (Some(v), true, Some(c)) => class_colours[c.class_of(*v)],
                _ => palette::NO_DATA,
            })
            .collect();
        let gr_values: Vec<Option<f64>> = values.iter().zip(&in_gr).map(|(v, g)| v.filter(|_| *g)).collect();
        let gr_rank = ranks_descending(&gr_values);
        let gr_count = gr_values.iter().flatten().count();
        View {
            region,
            sweden,
            scheme,
            reference,
            year: sel.year,
            level: layer.level,
            demo: indicator.is_some_and(|i| i.demo),
            aggregated,
            key,
            values,
            in_gr,
            in_scope,
            fills,
            classes,
            class_colours,
            gr_rank,
            gr_count,
        }
    }
}

/// Classes and their colours for a selection.
struct Classification {
    scheme: Scheme,
    classes: Option<Classes>,
    colours: Vec<Rgb>,
    reference: Option<f64>,
}

impl Classification {
    /// Breaks from this year's values in scope, or from every year's when pooled; split at
    /// the reference when one is chosen; counted over this year's values.
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
    ) -> Classification {
        let mut scheme = sel.scheme;
        let basis: Vec<f64> = if sel.pooled {
            atlas
                .observations
                .years(&key.indicator)
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
        let classes = match reference {
            Some(r) => classify_diverging(&basis, scheme, sel.classes, r),
            None => classify_with(&basis, scheme, sel.classes, &sel.manual_breaks),
        }
        .map(|c| c.recount(scoped));
        let n = classes.as_ref().map_or(0, Classes::len);
        let colours = match (&classes, scheme) {
            (_, Scheme::UniqueValues) => palette::category_colours(n),
            (
                Some(Classes {
                    below_reference: Some(below),
                    ..
                }),
                _,
            ) => palette::diverging_colours(polarity, *below, n - below),
            _ => palette::class_colours(polarity, n),
        };
        Classification {
            scheme,
            classes,
            colours,
            reference,
        }
    }
}
