//! What the map and the panels draw for the current selection, computed once per selection
//! change from the atlas with the pure functions in `analysis`.
use crate::analysis::classify::{Classes, classify};
use crate::analysis::compare::ranks_descending;
use crate::map::palette::{self, Rgb};
use crate::model::{AreaLayer, Atlas, Level, RegionValue, SeriesKey, is_gr_municipality};
use crate::state::Selection;

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
        let classes = classify(&scoped, sel.scheme, sel.classes);
        let polarity = indicator
            .map(|i| i.polarity)
            .unwrap_or(crate::model::Polarity::Neutral);
        let class_colours = palette::class_colours(polarity, classes.as_ref().map_or(0, Classes::len));
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
            region: atlas.region_value(&key, sel.year),
            sweden: atlas.sweden_value(&key, sel.year),
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
