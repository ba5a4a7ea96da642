//! Colour-blind safe palettes (ColorBrewer), chosen by the indicator's polarity so that the
//! unfavourable end is always the warm end. Plain RGB so that views compute without a UI.
use crate::model::Polarity;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl From<Rgb> for egui::Color32 {
    fn from(c: Rgb) -> Self {
        egui::Color32::from_rgb(c.0, c.1, c.2)
    }
}

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

/// Areas in scope without a value.
pub const NO_DATA: Rgb = Rgb(0xbd, 0xbd, 0xbd);
/// Areas outside the region shown as quiet context.
pub const CONTEXT: Rgb = Rgb(0xea, 0xea, 0xe6);

/// `k` colours from the lowest class to the highest.
pub fn class_colours(polarity: Polarity, k: usize) -> Vec<Rgb> {
    let k = k.max(1);
    let (ramp, reverse) = match polarity {
        // Low values are bad: start at the warm end.
        Polarity::HigherIsBetter => (&RD_YL_BU, false),
        Polarity::HigherIsWorse => (&RD_YL_BU, true),
        Polarity::Neutral => (&YL_GN_BU, false),
    };
    // Spread the classes over the ramp; for the neutral ramp skip the palest colour.
    let (lo, hi) = if polarity == Polarity::Neutral {
        (1.0, 8.0)
    } else {
        (0.0, 8.0)
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

    #[test]
    fn worse_end_is_warm() {
        let better = class_colours(Polarity::HigherIsBetter, 5);
        let worse = class_colours(Polarity::HigherIsWorse, 5);
        assert_eq!(
            better[0], RD_YL_BU[0],
            "lowest of a higher-is-better indicator is red"
        );
        assert_eq!(
            worse[4], RD_YL_BU[0],
            "highest of a higher-is-worse indicator is red"
        );
        assert_eq!(better[4], RD_YL_BU[8]);
        assert_eq!(better[2], RD_YL_BU[4], "middle class is the neutral yellow");
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
