//! The histogram of the classification window: as many bins as the data deserve
//! (Freedman–Diaconis), split at the class breaks so that no bar straddles two classes and
//! every class has at least one bar.
use super::classify::Classes;

/// One bar: values in `(lo, hi]` (the first bar also takes `lo`), how many, and their class.
#[derive(Clone, Debug, PartialEq)]
pub struct Bin {
    pub lo: f64,
    pub hi: f64,
    pub count: usize,
    pub class: Option<usize>,
}

/// Bins of `values` (finite ones), split at `classes`' breaks when given.
pub fn bins(values: &[f64], classes: Option<&Classes>) -> Vec<Bin> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    sorted.sort_by(f64::total_cmp);
    let (Some(&min), Some(&max)) = (sorted.first(), sorted.last()) else {
        return Vec::new();
    };
    if max <= min {
        let class = classes.map(|c| c.class_of(min));
        return vec![Bin {
            lo: min,
            hi: max,
            count: sorted.len(),
            class,
        }];
    }
    // Freedman–Diaconis width; at least 5 and at most 60 bins over the range.
    let n = sorted.len() as f64;
    let quantile = |q: f64| sorted[((n - 1.0) * q).round() as usize];
    let iqr = quantile(0.75) - quantile(0.25);
    let fd = if iqr > 0.0 {
        ((max - min) / (2.0 * iqr * n.powf(-1.0 / 3.0))).ceil() as usize
    } else {
        0
    };
    let count = fd.clamp(5, 60);
    let width = (max - min) / count as f64;
    let mut edges: Vec<f64> = (0..=count).map(|i| min + width * i as f64).collect();
    if let Some(c) = classes {
        edges.extend(c.breaks.iter().copied().filter(|b| *b > min && *b < max));
    }
    edges.sort_by(f64::total_cmp);
    // Edges closer than a thousandth of a bin would make slivers: keep the break.
    let tiny = width * 1e-3;
    let breaks: Vec<f64> = classes.map_or_else(Vec::new, |c| c.breaks.clone());
    let mut kept: Vec<f64> = Vec::with_capacity(edges.len());
    for e in edges {
        match kept.last_mut() {
            Some(last) if e - *last < tiny => {
                if breaks.contains(&e) {
                    *last = e;
                }
            }
            _ => kept.push(e),
        }
    }
    if let Some(last) = kept.last_mut() {
        *last = max;
    }
    let mut out: Vec<Bin> = kept
        .windows(2)
        .map(|w| Bin {
            lo: w[0],
            hi: w[1],
            count: 0,
            class: classes.map(|c| c.class_of((w[0] + w[1]) / 2.0)),
        })
        .collect();
    let mut bin = 0;
    for v in sorted {
        while bin + 1 < out.len() && v > out[bin].hi {
            bin += 1;
        }
        out[bin].count += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::classify::{Scheme, classify};

    fn skewed(n: usize) -> Vec<f64> {
        (0..n)
            .map(|i| ((i * 7919) % 1000) as f64 / 10.0)
            .map(|v| v * v / 100.0)
            .collect()
    }

    #[test]
    fn bins_split_at_breaks_and_every_class_has_one() {
        for (n, scheme, k) in [
            (13, Scheme::Quantile, 5),
            (584, Scheme::FisherJenks, 7),
            (6000, Scheme::Quantile, 9),
        ] {
            let values = skewed(n);
            let classes = classify(&values, scheme, k).expect("classes");
            let bins = bins(&values, Some(&classes));
            assert_eq!(
                bins.iter().map(|b| b.count).sum::<usize>(),
                n,
                "every value counted"
            );
            for c in 0..classes.len() {
                assert!(
                    bins.iter().any(|b| b.class == Some(c)),
                    "class {c} of {n} has a bar"
                );
            }
            // No bar straddles a break.
            for b in &bins {
                assert!(
                    classes
                        .breaks
                        .iter()
                        .all(|x| !(*x > b.lo + 1e-9 && *x < b.hi - 1e-9)),
                    "{b:?}"
                );
            }
            // Each bar's values are of its class.
            for v in &values {
                let bin = bins.iter().position(|b| *v <= b.hi).expect("a bin");
                assert_eq!(
                    bins[bin].class,
                    Some(classes.class_of(*v)),
                    "{v} in {:?}",
                    bins[bin]
                );
            }
        }
    }

    #[test]
    fn more_values_get_more_bins() {
        assert!(bins(&skewed(6000), None).len() > bins(&skewed(100), None).len());
        assert_eq!(bins(&skewed(13), None).len(), 5, "at least five");
        assert_eq!(bins(&[3.0, 3.0], None).len(), 1);
        assert!(bins(&[], None).is_empty());
    }
}
