//! Colour-blind safe palettes (ColorBrewer), chosen by the indicator's polarity: classes run
//! from light to dark toward the unfavourable end (dark red), so darker always means more
//! need; diverging maps keep a warm unfavourable side. Plain RGB so that views compute
//! without a UI.
use crate::model::Polarity;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// ColorBrewer RdYlBu, 9 classes, red (warm) to blue (cool). Colour-blind safe.
const RD_YL_BU: [Rgb; 9] = [
    Rgb(0xd7, 0x30, 0x27),
    Rgb(0xf4, 0x6d, 0x43),
    Rgb(0xfd, 0xae, 0x61),
    Rgb(0xfe, 0xe0, 0x90),
    Rgb(0xff, 0xff, 0xbf),
    Rgb(0xe0, 0xf3, 0xf8),
    Rgb(0xab, 0xd9, 0xe9),
    Rgb(0x74, 0xad, 0xd1),
    Rgb(0x45, 0x75, 0xb4),
];
/// ColorBrewer YlOrRd, 9 classes: sequential, lightness falling steadily from pale yellow to
/// dark red, so the order reads without a legend and no middle colour reads as "average" (as
/// RdYlBu's yellow did). Colour-blind safe.
const YL_OR_RD: [Rgb; 9] = [
    Rgb(0xff, 0xff, 0xcc),
    Rgb(0xff, 0xed, 0xa0),
    Rgb(0xfe, 0xd9, 0x76),
    Rgb(0xfe, 0xb2, 0x4c),
    Rgb(0xfd, 0x8d, 0x3c),
    Rgb(0xfc, 0x4e, 0x2a),
    Rgb(0xe3, 0x1a, 0x1c),
    Rgb(0xbd, 0x00, 0x26),
    Rgb(0x80, 0x00, 0x26),
];
/// ColorBrewer YlGnBu, 9 classes: sequential without a good or bad end, for neutral indicators.
const YL_GN_BU: [Rgb; 9] = [
    Rgb(0xff, 0xff, 0xd9),
    Rgb(0xed, 0xf8, 0xb1),
    Rgb(0xc7, 0xe9, 0xb4),
    Rgb(0x7f, 0xcd, 0xbb),
    Rgb(0x41, 0xb6, 0xc4),
    Rgb(0x1d, 0x91, 0xc0),
    Rgb(0x22, 0x5e, 0xa8),
    Rgb(0x25, 0x34, 0x94),
    Rgb(0x08, 0x1d, 0x58),
];

/// ColorBrewer PuOr, 9 classes: diverging without a good or bad side, for neutral indicators.
const PU_OR: [Rgb; 9] = [
    Rgb(0xb3, 0x58, 0x06),
    Rgb(0xe0, 0x82, 0x14),
    Rgb(0xfd, 0xb8, 0x63),
    Rgb(0xfe, 0xe0, 0xb6),
    Rgb(0xf7, 0xf7, 0xf7),
    Rgb(0xd8, 0xda, 0xeb),
    Rgb(0xb2, 0xab, 0xd2),
    Rgb(0x80, 0x73, 0xac),
    Rgb(0x54, 0x27, 0x88),
];
/// ColorBrewer Set2 then Dark2: distinct hues for categories (unique values), 12 at most.
const CATEGORIES: [Rgb; 12] = [
    Rgb(0x66, 0xc2, 0xa5),
    Rgb(0xfc, 0x8d, 0x62),
    Rgb(0x8d, 0xa0, 0xcb),
    Rgb(0xe7, 0x8a, 0xc3),
    Rgb(0xa6, 0xd8, 0x54),
    Rgb(0xff, 0xd9, 0x2f),
    Rgb(0xe5, 0xc4, 0x94),
    Rgb(0x1b, 0x9e, 0x77),
    Rgb(0xd9, 0x5f, 0x02),
    Rgb(0x75, 0x70, 0xb3),
    Rgb(0xe7, 0x29, 0x8a),
    Rgb(0x66, 0xa6, 0x1e),
];
/// The most categories a unique-values map colours.
pub const MAX_CATEGORIES: usize = CATEGORIES.len();

/// Areas in scope without a value.
pub const NO_DATA: Rgb = Rgb(0xbd, 0xbd, 0xbd);
/// Areas outside the region shown as quiet context.
pub const CONTEXT: Rgb = Rgb(0xea, 0xea, 0xe6);
/// Survey values held back (too few answers): a pale violet no class ramp uses, apart from
/// the grey of no data.
pub const SUPPRESSED: Rgb = Rgb(0xcf, 0xc6, 0xe3);

/// A class colour with its saturation reduced (towards the grey of the same lightness), for a
/// value whose confidence interval is wider than its class: paler in hue, not lighter, so it
/// is not read as a lower class.
pub fn uncertain(c: Rgb) -> Rgb {
    let grey = 0.299 * c.0 as f64 + 0.587 * c.1 as f64 + 0.114 * c.2 as f64;
    let mix = |v: u8| (v as f64 + (grey - v as f64) * 0.5).round().clamp(0.0, 255.0) as u8;
    Rgb(mix(c.0), mix(c.1), mix(c.2))
}

/// Colours for `below` classes under a reference value and `above` over it: each side
/// darkens away from the reference, the pale middle is left out so the sides stay apart.
/// The unfavourable side is warm; neutral indicators get purple and orange.
pub fn diverging_colours(polarity: Polarity, below: usize, above: usize) -> Vec<Rgb> {
    let (ramp, reverse) = match polarity {
        Polarity::HigherIsBetter => (&RD_YL_BU, false),
        Polarity::HigherIsWorse => (&RD_YL_BU, true),
        Polarity::Neutral => (&PU_OR, false),
    };
    // Positions on a ramp whose low end is `ramp[0]`: far (0) to near (3.2) below, near (4.8)
    // to far (8) above.
    let spread = |n: usize, from: f64, to: f64| -> Vec<f64> {
        (0..n)
            .map(|i| {
                if n == 1 {
                    (from + to) / 2.0
                } else {
                    from + (to - from) * i as f64 / (n - 1) as f64
                }
            })
            .collect()
    };
    // The classes next to the reference stay clearly coloured (not near-white), so they do
    // not read as the grey context or as no data.
    let mut positions = spread(below, 0.0, 2.6);
    positions.extend(spread(above, 5.4, 8.0));
    if reverse {
        // Mirror the ramp, not the class order: class 0 stays the lowest values.
        positions.iter_mut().for_each(|p| *p = 8.0 - *p);
    }
    positions.into_iter().map(|p| sample(ramp, p)).collect()
}

/// Distinct colours for `n` categories (cycling beyond [`MAX_CATEGORIES`]).
pub fn category_colours(n: usize) -> Vec<Rgb> {
    (0..n).map(|i| CATEGORIES[i % CATEGORIES.len()]).collect()
}

/// LISA cluster colours as GeoDa draws them: hot spots red, cold spots blue, outliers pale.
pub fn cluster_colour(cluster: crate::analysis::autocorrelation::Cluster) -> Rgb {
    use crate::analysis::autocorrelation::Cluster::*;
    match cluster {
        HighHigh => Rgb(0xd7, 0x19, 0x1c),
        LowLow => Rgb(0x2c, 0x7b, 0xb6),
        LowHigh => Rgb(0xab, 0xd9, 0xe9),
        HighLow => Rgb(0xfd, 0xae, 0x61),
        // White, not grey: "not significant" must not look like the context around GR.
        NotSignificant => Rgb(0xff, 0xff, 0xff),
    }
}

/// `k` colours from the lowest class to the highest; `high_contrast` leaves out the pale end
/// of the ramp, which a projector washes out.
pub fn class_colours_for(polarity: Polarity, k: usize, high_contrast: bool) -> Vec<Rgb> {
    if !high_contrast {
        return class_colours(polarity, k);
    }
    ramp_colours(polarity, k, (3.0, 8.0))
}

/// `k` colours from the lowest class to the highest.
pub fn class_colours(polarity: Polarity, k: usize) -> Vec<Rgb> {
    // Spread the classes over the ramp, without its palest colour (too close to white).
    ramp_colours(polarity, k, (1.0, 8.0))
}

fn ramp_colours(polarity: Polarity, k: usize, (lo, hi): (f64, f64)) -> Vec<Rgb> {
    let k = k.max(1);
    let (ramp, reverse) = match polarity {
        // Low values are bad: the lowest class is the darkest.
        Polarity::HigherIsBetter => (&YL_OR_RD, true),
        Polarity::HigherIsWorse => (&YL_OR_RD, false),
        Polarity::Neutral => (&YL_GN_BU, false),
    };
    let mut out: Vec<Rgb> = (0..k)
        .map(|i| {
            let t = if k == 1 { 0.5 } else { i as f64 / (k - 1) as f64 };
            sample(ramp, lo + t * (hi - lo))
        })
        .collect();
    if reverse {
        out.reverse();
    }
    out
}

fn sample(ramp: &[Rgb; 9], pos: f64) -> Rgb {
    let i = (pos.floor() as usize).min(7);
    let f = pos - i as f64;
    let mix = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * f).round() as u8;
    let (a, b) = (ramp[i], ramp[i + 1]);
    Rgb(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relative luminance (sRGB, as WCAG defines it).
    fn luminance(c: Rgb) -> f64 {
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
    }

    #[test]
    fn classes_darken_toward_the_unfavourable_end() {
        for k in 3..=9 {
            let better = class_colours(Polarity::HigherIsBetter, k);
            let worse = class_colours(Polarity::HigherIsWorse, k);
            let neutral = class_colours(Polarity::Neutral, k);
            // Strictly monotone lightness: no middle class stands out as "average".
            assert!(worse.windows(2).all(|w| luminance(w[0]) > luminance(w[1])), "{k}");
            assert!(
                better.windows(2).all(|w| luminance(w[0]) < luminance(w[1])),
                "{k}"
            );
            assert!(
                neutral.windows(2).all(|w| luminance(w[0]) > luminance(w[1])),
                "{k}"
            );
            assert_eq!(worse[k - 1], YL_OR_RD[8], "the worst class is the dark red");
            assert_eq!(better[0], YL_OR_RD[8]);
        }
    }

    #[test]
    fn near_reference_classes_and_not_significant_differ_from_the_context() {
        // Far enough from the light grey context that they never read as "outside GR".
        let far_from_context = |c: Rgb| {
            let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).abs();
            d(c.0, CONTEXT.0) + d(c.1, CONTEXT.1) + d(c.2, CONTEXT.2) > 40
        };
        for polarity in [
            Polarity::HigherIsBetter,
            Polarity::HigherIsWorse,
            Polarity::Neutral,
        ] {
            for (below, above) in [(1, 1), (2, 3), (4, 4)] {
                let colours = diverging_colours(polarity, below, above);
                assert!(far_from_context(colours[below - 1]), "{polarity:?} {colours:?}");
                assert!(far_from_context(colours[below]), "{polarity:?} {colours:?}");
            }
        }
        let not_significant = cluster_colour(crate::analysis::autocorrelation::Cluster::NotSignificant);
        assert_ne!(not_significant, CONTEXT);
        assert!(luminance(not_significant) > luminance(CONTEXT) + 0.1);
    }

    #[test]
    fn high_contrast_leaves_out_the_pale_end() {
        for k in 3..=9 {
            let normal = class_colours(Polarity::HigherIsWorse, k);
            let strong = class_colours_for(Polarity::HigherIsWorse, k, true);
            assert!(luminance(strong[0]) < luminance(normal[0]) - 0.2, "{k}");
            assert_eq!(strong[k - 1], normal[k - 1], "the darkest stays");
            assert!(strong.windows(2).all(|w| luminance(w[0]) > luminance(w[1])));
        }
    }

    #[test]
    fn every_k_gives_distinct_colours() {
        for k in 3..=9 {
            let c = class_colours(Polarity::Neutral, k);
            assert_eq!(c.len(), k);
            assert!(c.windows(2).all(|w| w[0] != w[1]));
        }
    }
}
