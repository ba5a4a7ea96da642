//! A second map beside the first or against it: the same indicator in another period or group,
//! or another indicator. Side by side, both maps take one set of classes made over both, so a
//! colour means the same on each; the difference map shows B − A with diverging classes
//! centred on zero.
use serde::{Deserialize, Serialize};

use crate::analysis::classify::{Classes, Scheme, classify, classify_diverging};
use crate::map::palette::{self, Rgb};
use crate::model::{AreaLayer, Atlas, Period, Polarity};
use crate::state::Selection;
use crate::view::View;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompareMode {
    SideBySide,
    Difference,
}

/// What map B shows in place of map A's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompareWith {
    Period(Period),
    /// A group: dimension and group.
    Group(String, String),
    Indicator(String),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub mode: CompareMode,
    pub with: CompareWith,
}

impl Comparison {
    /// Map B's selection: map A's with the compared part replaced.
    pub fn selection_b(&self, a: &Selection) -> Selection {
        let mut b = a.clone();
        b.comparison = None;
        match &self.with {
            CompareWith::Period(p) => b.period = *p,
            CompareWith::Group(by, g) => {
                b.group_by = by.clone();
                b.group = g.clone();
            }
            CompareWith::Indicator(id) => b.indicator = id.clone(),
        }
        b
    }
}

/// The second map's numbers and both maps' colours.
#[derive(Clone, Debug)]
pub struct CompareView {
    pub mode: CompareMode,
    /// Map B as it would be drawn alone (its values, ranks, region value, …).
    pub b: View,
    pub b_selection: Selection,
    /// The classes both maps share (side by side), or the difference's (B − A).
    pub classes: Option<Classes>,
    pub class_colours: Vec<Rgb>,
    /// Fills of map A and map B with the shared classes; for the difference, `fills_a` are the
    /// difference map's and `fills_b` empty.
    pub fills_a: Vec<Rgb>,
    pub fills_b: Vec<Rgb>,
    /// B − A per area (both need a value).
    pub difference: Vec<Option<f64>>,
}

/// Map B and the shared or difference colours for `a` (map A, the main view of `sel`).
pub fn compute(atlas: &Atlas, layer: &AreaLayer, sel: &Selection, a: &View, cmp: &Comparison) -> CompareView {
    let mut b_selection = cmp.selection_b(sel);
    b_selection.normalise(atlas);
    let b = View::compute(atlas, layer, &b_selection);
    let difference: Vec<Option<f64>> = a
        .values
        .iter()
        .zip(&b.values)
        .map(|(x, y)| Some(y.as_ref()? - x.as_ref()?))
        .collect();
    let in_scope = &a.in_scope;
    let scoped = |values: &[Option<f64>]| -> Vec<f64> {
        values
            .iter()
            .zip(in_scope)
            .filter_map(|(v, s)| v.filter(|_| *s))
            .collect()
    };
    let polarity = atlas
        .catalogue
        .indicator(&sel.indicator)
        .map_or(Polarity::Neutral, |i| i.polarity);
    // Schemes that need user breaks or categories do not carry over to a combined set.
    let scheme = match sel.scheme {
        Scheme::Manual | Scheme::UniqueValues => Scheme::Quantile,
        s => s,
    };
    let fills = |values: &[Option<f64>], classes: &Option<Classes>, colours: &[Rgb]| -> Vec<Rgb> {
        values
            .iter()
            .zip(in_scope)
            .map(|(v, s)| match (v, s, classes) {
                (_, false, _) => palette::CONTEXT,
                (Some(v), true, Some(c)) => colours[c.class_of(*v)],
                _ => palette::NO_DATA,
            })
            .collect()
    };
    match cmp.mode {
        CompareMode::SideBySide => {
            let mut both = scoped(&a.values);
            both.extend(scoped(&b.values));
            let classes = classify(&both, scheme, sel.classes).map(|c| c.recount(&scoped(&a.values)));
            let colours = palette::class_colours_for(
                polarity,
                classes.as_ref().map_or(0, Classes::len),
                sel.high_contrast,
            );
            CompareView {
                mode: cmp.mode,
                fills_a: fills(&a.values, &classes, &colours),
                fills_b: fills(&b.values, &classes, &colours),
                b,
                b_selection,
                classes,
                class_colours: colours,
                difference,
            }
        }
        CompareMode::Difference => {
            let values = scoped(&difference);
            let classes = classify_diverging(&values, scheme, sel.classes, 0.0);
            let colours = match &classes {
                Some(c) => {
                    let below = c.below_reference.unwrap_or(0);
                    palette::diverging_colours(polarity, below, c.len() - below)
                }
                None => Vec::new(),
            };
            CompareView {
                mode: cmp.mode,
                fills_a: fills(&difference, &classes, &colours),
                fills_b: Vec::new(),
                b,
                b_selection,
                classes,
                class_colours: colours,
                difference,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> (Atlas, Selection) {
        let atlas = crate::io::embedded::atlas().expect("embedded");
        let mut sel = Selection::default();
        sel.normalise(&atlas);
        (atlas, sel)
    }

    #[test]
    fn side_by_side_maps_share_classes_made_over_both() {
        let (atlas, sel) = demo();
        let layer = &atlas.layers[0];
        let a = View::compute(&atlas, layer, &sel);
        let cmp = Comparison {
            mode: CompareMode::SideBySide,
            with: CompareWith::Period(Period::Year(2011)),
        };
        let c = compute(&atlas, layer, &sel, &a, &cmp);
        assert_eq!(c.b.period, Period::Year(2011));
        let classes = c.classes.as_ref().expect("classes");
        // Every value of both maps lies within the shared classes' range.
        for v in a
            .values
            .iter()
            .chain(&c.b.values)
            .zip(a.in_scope.iter().chain(&a.in_scope))
        {
            if let (Some(v), true) = v {
                assert!(*v >= classes.min && *v <= *classes.breaks.last().expect("a break"));
            }
        }
        // The same value gets the same colour on both maps.
        for (i, (fa, fb)) in c.fills_a.iter().zip(&c.fills_b).enumerate() {
            if a.in_scope[i] && a.values[i] == c.b.values[i] {
                assert_eq!(fa, fb);
            }
        }
    }

    #[test]
    fn the_difference_is_b_minus_a_centred_on_zero() {
        let (atlas, sel) = demo();
        let layer = &atlas.layers[0];
        let a = View::compute(&atlas, layer, &sel);
        let cmp = Comparison {
            mode: CompareMode::Difference,
            with: CompareWith::Period(Period::Year(2015)),
        };
        let c = compute(&atlas, layer, &sel, &a, &cmp);
        let gbg = layer.index_of("1480").expect("Göteborg");
        let expected = c.b.values[gbg].expect("2015") - a.values[gbg].expect("2024");
        assert!((c.difference[gbg].expect("both") - expected).abs() < 1e-12);
        let classes = c.classes.as_ref().expect("classes");
        let below = classes.below_reference.expect("split");
        assert_eq!(classes.breaks[below - 1], 0.0, "zero is a break");
        assert_eq!(c.class_colours.len(), classes.len());
    }
}
