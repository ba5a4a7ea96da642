//! Map classification: break values that sort area values into k classes.

/// How class breaks are chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// Equal numbers of areas per class (PySAL mapclassify `Quantiles`).
    #[default]
    Quantile,
    /// Classes of equal width between min and max (mapclassify `EqualInterval`).
    EqualInterval,
}

/// Classes as upper bounds: class `i` holds values in `(breaks[i-1], breaks[i]]`, class 0
/// starts at `min`. Follows mapclassify's convention so breaks can be compared with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Classes {
    pub min: f64,
    pub breaks: Vec<f64>,
    pub counts: Vec<usize>,
}

impl Classes {
    pub fn len(&self) -> usize {
        self.breaks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.breaks.is_empty()
    }

    /// The class of a value; values beyond the last break fall in the last class.
    pub fn class_of(&self, value: f64) -> usize {
        self.breaks
            .partition_point(|b| *b < value)
            .min(self.breaks.len().saturating_sub(1))
    }

    /// Lower and upper bound of class `i`.
    pub fn bounds(&self, i: usize) -> (f64, f64) {
        let lower = if i == 0 { self.min } else { self.breaks[i - 1] };
        (lower, self.breaks[i])
    }
}

/// Classify finite `values` into at most `k` classes (fewer when values repeat). `None` when
/// there is nothing to classify.
pub fn classify(values: &[f64], scheme: Scheme, k: usize) -> Option<Classes> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() || k == 0 {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let min = sorted[0];
    let max = sorted[sorted.len() - 1];
    let mut breaks: Vec<f64> = match scheme {
        Scheme::Quantile => (1..=k)
            .map(|i| percentile(&sorted, 100.0 * i as f64 / k as f64))
            .collect(),
        Scheme::EqualInterval => {
            let width = (max - min) / k as f64;
            (1..=k)
                .map(|i| if i == k { max } else { min + width * i as f64 })
                .collect()
        }
    };
    breaks.dedup_by(|a, b| (*a - *b).abs() <= f64::EPSILON * a.abs().max(1.0));
    let mut counts = vec![0; breaks.len()];
    let classes = Classes {
        min,
        breaks,
        counts: Vec::new(),
    };
    for v in &sorted {
        counts[classes.class_of(*v)] += 1;
    }
    Some(Classes { counts, ..classes })
}

/// Percentile with linear interpolation between closest ranks (numpy's default).
fn percentile(sorted: &[f64], q: f64) -> f64 {
    let pos = q / 100.0 * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected breaks from PySAL mapclassify 2.10.0 (pip install mapclassify): mc.Quantiles(y, k=4).bins and
    // mc.EqualInterval(y, k=4).bins for y = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 50].
    const Y: [f64; 12] = [1., 2., 3., 4., 5., 6., 7., 8., 9., 10., 20., 50.];

    #[test]
    fn quantiles_match_numpy_percentiles() {
        let c = classify(&Y, Scheme::Quantile, 4).expect("classes");
        assert_eq!(c.breaks, vec![3.75, 6.5, 9.25, 50.0]);
        assert_eq!(c.counts, vec![3, 3, 3, 3]);
    }

    #[test]
    fn equal_interval_has_equal_widths() {
        let c = classify(&Y, Scheme::EqualInterval, 4).expect("classes");
        assert_eq!(c.breaks, vec![13.25, 25.5, 37.75, 50.0]);
        assert_eq!(c.counts, vec![10, 1, 0, 1]);
        assert_eq!(c.bounds(0), (1.0, 13.25));
    }

    #[test]
    fn repeated_values_give_fewer_classes_and_no_data_is_none() {
        let c = classify(&[5.0; 7], Scheme::Quantile, 5).expect("classes");
        assert_eq!(c.breaks, vec![5.0]);
        assert_eq!(c.counts, vec![7]);
        assert!(classify(&[f64::NAN], Scheme::Quantile, 5).is_none());
        assert!(classify(&[], Scheme::EqualInterval, 5).is_none());
    }

    #[test]
    fn upper_bounds_are_inclusive() {
        let c = classify(&Y, Scheme::Quantile, 4).expect("classes");
        assert_eq!(c.class_of(3.75), 0);
        assert_eq!(c.class_of(3.76), 1);
        assert_eq!(c.class_of(1000.0), 3);
    }
}
