//! Map classification: break values that sort area values into classes. Each scheme follows
//! PySAL mapclassify's definition (upper bounds, last = max), so breaks can be checked
//! against it: `Quantiles`, `EqualInterval`, `FisherJenks`, `StdMean`, `BoxPlot`,
//! `UserDefined` (manual breaks) and `Pooled` (one set of breaks over all years).

/// How class breaks are chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// Equal numbers of areas per class (PySAL mapclassify `Quantiles`).
    #[default]
    Quantile,
    /// Classes of equal width between min and max (mapclassify `EqualInterval`).
    EqualInterval,
    /// Natural breaks: the classes with the least squared deviation from their means, found
    /// exactly (mapclassify `FisherJenks`).
    FisherJenks,
    /// Mean ± 1 and 2 standard deviations (mapclassify `StdMean`); `k` is not used.
    StdMean,
    /// Box map: outliers beyond 1.5 × IQR, quartiles, median (mapclassify `BoxPlot`, six classes).
    BoxPlot,
    /// Breaks the user typed (mapclassify `UserDefined`); the maximum closes the last class.
    Manual,
    /// One class per distinct value, for categorical indicators such as area types.
    UniqueValues,
}

impl Scheme {
    pub const ALL: [Scheme; 7] = [
        Scheme::Quantile,
        Scheme::EqualInterval,
        Scheme::FisherJenks,
        Scheme::StdMean,
        Scheme::BoxPlot,
        Scheme::Manual,
        Scheme::UniqueValues,
    ];

    /// The name on the command line (`--scheme`).
    pub fn cli_name(self) -> &'static str {
        match self {
            Scheme::Quantile => "quantile",
            Scheme::EqualInterval => "equal-interval",
            Scheme::FisherJenks => "fisher-jenks",
            Scheme::StdMean => "std-mean",
            Scheme::BoxPlot => "box-plot",
            Scheme::Manual => "manual",
            Scheme::UniqueValues => "unique-values",
        }
    }

    pub fn from_cli_name(name: &str) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|s| s.cli_name() == name)
    }

    /// Whether the number of classes is the user's to choose.
    pub fn uses_k(self) -> bool {
        matches!(
            self,
            Scheme::Quantile | Scheme::EqualInterval | Scheme::FisherJenks
        )
    }
}

/// Classes as upper bounds: class `i` holds values in `(breaks[i-1], breaks[i]]`, class 0
/// starts at `min`. Follows mapclassify's convention so breaks can be compared with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Classes {
    pub min: f64,
    pub breaks: Vec<f64>,
    pub counts: Vec<usize>,
    /// With a diverging palette: how many classes lie below the reference value.
    pub below_reference: Option<usize>,
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

    /// Lower and upper bound of class `i` (a first class below every value, as the low
    /// outliers of a box map often are, is shown as ending where it starts).
    pub fn bounds(&self, i: usize) -> (f64, f64) {
        let lower = if i == 0 {
            self.min.min(self.breaks[0])
        } else {
            self.breaks[i - 1]
        };
        (lower, self.breaks[i])
    }

    /// Classes with the given upper bounds over `values` (mapclassify `UserDefined`): sorted,
    /// repeated bounds dropped, the maximum added when values lie above the last bound.
    pub fn with_breaks(values: &[f64], mut breaks: Vec<f64>) -> Option<Classes> {
        let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
        breaks.retain(|b| b.is_finite());
        breaks.sort_by(f64::total_cmp);
        breaks.dedup();
        let max = finite.iter().copied().reduce(f64::max)?;
        let min = finite.iter().copied().reduce(f64::min)?;
        if breaks.last().is_none_or(|last| *last < max) {
            breaks.push(max);
        }
        Some(Classes::counted(min, breaks, &finite))
    }

    /// The same breaks, counting `values` instead (this year's, when the breaks are pooled).
    pub fn recount(self, values: &[f64]) -> Classes {
        let below_reference = self.below_reference;
        Classes {
            below_reference,
            ..Classes::counted(self.min, self.breaks, values)
        }
    }

    fn counted(min: f64, breaks: Vec<f64>, values: &[f64]) -> Classes {
        let mut classes = Classes {
            min,
            counts: vec![0; breaks.len()],
            breaks,
            below_reference: None,
        };
        for v in values.iter().filter(|v| v.is_finite()) {
            let c = classes.class_of(*v);
            classes.counts[c] += 1;
        }
        classes
    }

    /// [`Classes::counted`] for finite values already sorted: each class's count from where
    /// its upper bound falls among them, without placing every value.
    fn counted_sorted(min: f64, breaks: Vec<f64>, sorted: &[f64]) -> Classes {
        let mut counts = vec![0; breaks.len()];
        let mut below = 0;
        for (c, count) in counts.iter_mut().enumerate() {
            // Values at or under the bound are in this class or an earlier one; the last class
            // takes the rest, as `class_of` does.
            let upto = if c + 1 == breaks.len() {
                sorted.len()
            } else {
                sorted.partition_point(|v| *v <= breaks[c])
            };
            *count = upto - below;
            below = upto;
        }
        Classes {
            min,
            counts,
            breaks,
            below_reference: None,
        }
    }
}

/// Classify finite `values` into at most `k` classes (fewer when values repeat); `manual`
/// holds the user's breaks for [`Scheme::Manual`]. `None` when there is nothing to classify.
pub fn classify_with(values: &[f64], scheme: Scheme, k: usize, manual: &[f64]) -> Option<Classes> {
    let sorted = sorted_finite(values);
    if sorted.is_empty() || k == 0 {
        return None;
    }
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
        Scheme::FisherJenks => fisher_jenks(&sorted, k),
        Scheme::StdMean => std_mean(&sorted),
        Scheme::BoxPlot => return Some(Classes::counted_sorted(min, box_plot(&sorted, 1.5), &sorted)),
        Scheme::Manual => return Classes::with_breaks(&sorted, manual.to_vec()),
        Scheme::UniqueValues => {
            let mut unique = sorted.clone();
            unique.dedup();
            unique
        }
    };
    breaks.dedup_by(|a, b| (*a - *b).abs() <= f64::EPSILON * a.abs().max(1.0));
    Some(Classes::counted_sorted(min, breaks, &sorted))
}

/// The finite `values` in ascending order, sorted as integers in the values' order (a float's
/// bits with the sign folded; -0 counts as 0). Integer keys need no comparison closure and
/// sort in about 60 % of the time `f64::total_cmp` takes at 6,000 values; equal keys are
/// indistinguishable, so an unstable sort gives the same order.
fn sorted_finite(values: &[f64]) -> Vec<f64> {
    const SIGN: u64 = 1 << 63;
    let key = |v: f64| {
        let bits = (v + 0.0).to_bits();
        if bits & SIGN == 0 { bits | SIGN } else { !bits }
    };
    let value = |k: u64| f64::from_bits(if k & SIGN != 0 { k & !SIGN } else { !k });
    let mut keys: Vec<u64> = values.iter().filter(|v| v.is_finite()).map(|v| key(*v)).collect();
    keys.sort_unstable();
    keys.into_iter().map(value).collect()
}

/// [`classify_with`] without manual breaks.
pub fn classify(values: &[f64], scheme: Scheme, k: usize) -> Option<Classes> {
    classify_with(values, scheme, k, &[])
}

/// Breaks computed over `pooled` (all years), counts over `values` (this year): colours then
/// mean the same in every year (mapclassify `Pooled`).
pub fn classify_pooled(
    pooled: &[f64],
    values: &[f64],
    scheme: Scheme,
    k: usize,
    manual: &[f64],
) -> Option<Classes> {
    Some(classify_with(pooled, scheme, k, manual)?.recount(values))
}

/// Classes split at `reference` (the GR average, say) for a diverging palette: about half
/// the classes for values at or below it and half above, each side classified by `scheme`
/// on its own values, so the reference is always a break.
pub fn classify_diverging(values: &[f64], scheme: Scheme, k: usize, reference: f64) -> Option<Classes> {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if finite.is_empty() || !reference.is_finite() {
        return None;
    }
    let (below, above): (Vec<f64>, Vec<f64>) = finite.iter().partition(|v| **v <= reference);
    let k_below = (k / 2).max(1);
    let k_above = (k - k / 2).max(1);
    let side = |side: &[f64], k: usize| -> Vec<f64> {
        classify(side, if scheme.uses_k() { scheme } else { Scheme::Quantile }, k)
            .map_or_else(Vec::new, |c| c.breaks)
    };
    let mut breaks = side(&below, k_below);
    // The reference closes the lower side in place of the side's maximum.
    breaks.pop();
    breaks.retain(|b| *b < reference);
    breaks.push(reference);
    let n_below = breaks.len();
    breaks.extend(side(&above, k_above).into_iter().filter(|b| *b > reference));
    let min = finite.iter().copied().fold(f64::INFINITY, f64::min);
    let mut classes = Classes::counted(min, breaks, &finite);
    classes.below_reference = Some(n_below);
    Some(classes)
}

/// Exact Fisher–Jenks natural breaks of `sorted` values into `k` classes: the partition with
/// the least total squared deviation from the class means. Dynamic programming over classes
/// where, for each class count, the best start of the last class only moves right as the end
/// moves right, so each row is filled by divide and conquer (as in Ckmeans.1d.dp): O(k·m·log m)
/// instead of the classic O(k·n²). It runs over the m distinct values weighted by how often
/// each occurs: some optimal partition keeps equal values in one class (a split tie moved to
/// the class whose mean is nearer costs no more), and the breaks are values either way, so the
/// breaks are the same while shares with one or two decimals halve the work or better. Rows
/// are solved only at the ends a later row can ask for. Ties between partitions go to the
/// earliest start, as mapclassify's loop does.
pub fn fisher_jenks(sorted: &[f64], k: usize) -> Vec<f64> {
    let n = sorted.len();
    if n == 0 || k == 0 {
        return Vec::new();
    }
    // Distinct values and how many times each occurs.
    let mut distinct: Vec<f64> = Vec::with_capacity(n);
    let mut counts: Vec<f64> = Vec::with_capacity(n);
    for &v in sorted {
        if distinct.last() == Some(&v) {
            if let Some(c) = counts.last_mut() {
                *c += 1.0;
            }
        } else {
            distinct.push(v);
            counts.push(1.0);
        }
    }
    let m = distinct.len();
    let k = k.min(m);
    if k == 1 {
        return vec![sorted[n - 1]];
    }
    // Weighted prefix sums of values centred on the median, so sums of squares keep their digits.
    let centre = sorted[n / 2];
    let mut s0 = vec![0.0; m + 1];
    let mut s1 = vec![0.0; m + 1];
    let mut s2 = vec![0.0; m + 1];
    for (i, (v, w)) in distinct.iter().zip(&counts).enumerate() {
        let d = v - centre;
        s0[i + 1] = s0[i] + w;
        s1[i + 1] = s1[i] + w * d;
        s2[i + 1] = s2[i] + w * d * d;
    }
    let sums = PrefixSums {
        s0: &s0,
        s1: &s1,
        s2: &s2,
    };
    // Squared deviation of distinct[0..=i] from its mean: one class.
    let mut previous: Vec<f64> = (0..m)
        .map(|i| (s2[i + 1] - s1[i + 1] * s1[i + 1] / s0[i + 1]).max(0.0))
        .collect();
    // starts[q - 1][i]: where the last of q + 1 classes starts when the data end at i.
    let mut starts: Vec<Vec<usize>> = Vec::with_capacity(k - 1);
    // A row is wanted only just before the starts the row above tries, and the last row only
    // where the data end. The row above starts its last class no earlier than the row below
    // does at the same end (the last class shrinks as classes are added), so the row of two
    // classes, once whole, gives `above[r]`: an end below which row r is never wanted. Row r
    // then begins just before where the row below it starts its last class at `above[r + 1]`.
    // For five classes at 6,160 values this halves the work of the third and fourth rows.
    let mut above = vec![m - 1; k];
    for q in 1..k {
        let mut current = vec![f64::INFINITY; m];
        let mut start = vec![0usize; m];
        let lowest = if q == k - 1 {
            m - 1
        } else if q == 1 {
            q
        } else {
            (starts[q - 2][above[q + 1]] - 1).max(q)
        };
        // The last class starts no earlier than it did with one class fewer.
        let lower = starts.last().map(Vec::as_slice);
        fill_row(
            q,
            (lowest, m - 1),
            &previous,
            &sums,
            lower,
            &mut current,
            &mut start,
        );
        if q == 1 {
            for r in (2..k - 1).rev() {
                above[r] = (start[above[r + 1]] - 1).max(r);
            }
        }
        previous = current;
        starts.push(start);
    }
    // Walk back from the last value: each class ends just before the next one starts.
    let mut breaks = vec![sorted[n - 1]];
    let mut end = m - 1;
    for start in starts.iter().rev() {
        let j = start[end];
        breaks.push(distinct[j - 1]);
        end = j - 1;
    }
    breaks.reverse();
    breaks
}

/// Prefix sums of the weights, the weighted centred values and their squares.
#[derive(Clone, Copy)]
struct PrefixSums<'a> {
    s0: &'a [f64],
    s1: &'a [f64],
    s2: &'a [f64],
}

/// One row of the Fisher–Jenks programme: for each end from `lowest` to `highest`, the best
/// start of the last class. Divide and conquer on the ends (the best start never moves left as
/// the end moves right): the middle end is solved by a scan, then each half within its
/// narrowed range.
#[allow(clippy::too_many_arguments)]
fn fill_row(
    q: usize,
    (lowest, highest): (usize, usize),
    previous: &[f64],
    sums: &PrefixSums,
    lower: Option<&[usize]>,
    current: &mut [f64],
    start: &mut [usize],
) {
    // (lowest end, highest end, first start, last start) to solve.
    let mut todo = vec![(lowest, highest, q, highest)];
    while let Some((lo, hi, from, to)) = todo.pop() {
        let mid = lo + (hi - lo) / 2;
        let first = from.max(q).max(lower.map_or(0, |l| l[mid]));
        let (best, best_j) = best_start(previous, sums, first, to.min(mid), mid);
        current[mid] = best;
        start[mid] = best_j;
        if mid > lo {
            todo.push((lo, mid - 1, from, best_j));
        }
        if mid < hi {
            todo.push((mid + 1, hi, best_j, to));
        }
    }
}

/// The best start in `first..=last` of a class ending at `end`, and the least total squared
/// deviation with it: the class's own deviation from its mean after the best classes before it.
/// `first` when the range is empty; ties go to the earliest start. Every start is tried: the
/// best one lies inside the range the divide and conquer gives, so bounds that stop a scan
/// early saved nothing. Two running minima, over even and odd starts, let the divisions overlap
/// instead of waiting on one comparison chain (a fifth less time at 6,160 values).
fn best_start(previous: &[f64], sums: &PrefixSums, first: usize, last: usize, end: usize) -> (f64, usize) {
    let PrefixSums { s0, s1, s2 } = *sums;
    if first > last {
        return (f64::INFINITY, first);
    }
    let (count_end, sum_end, sq_end) = (s0[end + 1], s1[end + 1], s2[end + 1]);
    let (before, counts, sum, squares) = (
        &previous[first - 1..last],
        &s0[first..=last],
        &s1[first..=last],
        &s2[first..=last],
    );
    let total = |i: usize| {
        let class_sum = sum_end - sum[i];
        let deviation = (sq_end - squares[i]) - class_sum * class_sum / (count_end - counts[i]);
        before[i] + deviation.max(0.0)
    };
    let mut even = (f64::INFINITY, usize::MAX);
    let mut odd = (f64::INFINITY, usize::MAX);
    let mut i = 0;
    while i + 1 < before.len() {
        let (a, b) = (total(i), total(i + 1));
        if a < even.0 {
            even = (a, i);
        }
        if b < odd.0 {
            odd = (b, i + 1);
        }
        i += 2;
    }
    if i < before.len() {
        let a = total(i);
        if a < even.0 {
            even = (a, i);
        }
    }
    let best = if odd.0 < even.0 || (odd.0 == even.0 && odd.1 < even.1) {
        odd
    } else {
        even
    };
    if best.1 == usize::MAX {
        (f64::INFINITY, last)
    } else {
        (best.0, first + best.1)
    }
}

/// Mean ± 1 and 2 sample standard deviations, then the maximum (mapclassify `StdMean`).
fn std_mean(sorted: &[f64]) -> Vec<f64> {
    let n = sorted.len() as f64;
    let mean = sorted.iter().sum::<f64>() / n;
    let sd = if sorted.len() > 1 {
        (sorted.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt()
    } else {
        0.0
    };
    let mut cuts: Vec<f64> = [-2.0, -1.0, 1.0, 2.0].iter().map(|m| mean + m * sd).collect();
    let max = sorted[sorted.len() - 1];
    if cuts[3] < max {
        cuts.push(max);
    }
    cuts
}

/// Box map: low fence, quartiles, high fence, maximum (mapclassify `BoxPlot`).
fn box_plot(sorted: &[f64], hinge: f64) -> Vec<f64> {
    let mut bins: Vec<f64> = [25.0, 50.0, 75.0, 100.0]
        .iter()
        .map(|p| percentile(sorted, *p))
        .collect();
    let iqr = bins[2] - bins[0];
    let (left, right) = (bins[0] - hinge * iqr, bins[2] + hinge * iqr);
    if right < bins[3] {
        bins.insert(3, right);
    } else {
        bins[3] = right;
    }
    bins.insert(0, left);
    bins
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
    fn diverging_classes_break_at_the_reference() {
        let c = classify_diverging(&Y, Scheme::Quantile, 4, 6.2).expect("classes");
        assert_eq!(c.below_reference, Some(2), "two classes at or below 6.2");
        assert_eq!(c.breaks[1], 6.2);
        assert_eq!(c.counts.iter().sum::<usize>(), Y.len());
        assert_eq!(c.counts[0] + c.counts[1], 6, "1..6 lie at or below the reference");
        // A reference outside the values still splits: nothing below it.
        let c = classify_diverging(&Y, Scheme::Quantile, 4, 0.0).expect("classes");
        assert_eq!(c.below_reference, Some(1));
        assert_eq!(c.counts[0], 0);
    }

    #[test]
    fn unique_values_are_one_class_each() {
        let c = classify(&[3.0, 1.0, 3.0, 2.0, 1.0, 3.0], Scheme::UniqueValues, 5).expect("classes");
        assert_eq!(c.breaks, vec![1.0, 2.0, 3.0]);
        assert_eq!(c.counts, vec![2, 1, 3]);
        assert_eq!(c.class_of(2.0), 1);
    }

    #[test]
    fn fisher_jenks_separates_obvious_groups_and_caps_k_at_the_distinct_values() {
        let values = [1.0, 1.1, 1.2, 5.0, 5.1, 9.0, 9.2, 9.3];
        assert_eq!(fisher_jenks(&values, 3), vec![1.2, 5.1, 9.3]);
        assert_eq!(fisher_jenks(&[2.0, 2.0, 7.0], 5), vec![2.0, 7.0]);
        assert_eq!(fisher_jenks(&[4.0], 3), vec![4.0]);
    }

    /// The weighted, divide-and-conquer programme gives the breaks of the classic O(k·n²) one
    /// on the raw values, on seeded data with many ties (one and two decimals) and without.
    #[test]
    fn fisher_jenks_equals_the_classic_programme_on_tied_and_untied_data() {
        fn classic(sorted: &[f64], k: usize) -> Vec<f64> {
            let n = sorted.len();
            let ssq = |j: usize, i: usize| {
                let part = &sorted[j..=i];
                let mean = part.iter().sum::<f64>() / part.len() as f64;
                part.iter().map(|v| (v - mean).powi(2)).sum::<f64>()
            };
            let mut cost: Vec<Vec<f64>> = vec![(0..n).map(|i| ssq(0, i)).collect()];
            let mut from: Vec<Vec<usize>> = Vec::new();
            for q in 1..k {
                let (mut row, mut at) = (vec![f64::INFINITY; n], vec![0; n]);
                for i in q..n {
                    for j in q..=i {
                        let c = cost[q - 1][j - 1] + ssq(j, i);
                        if row[i].is_infinite() || c < row[i] - 1e-9 * row[i].abs().max(1.0) {
                            (row[i], at[i]) = (c, j);
                        }
                    }
                }
                cost.push(row);
                from.push(at);
            }
            let (mut breaks, mut end) = (vec![sorted[n - 1]], n - 1);
            for at in from.iter().rev() {
                breaks.push(sorted[at[end] - 1]);
                end = at[end] - 1;
            }
            breaks.reverse();
            breaks
        }
        let mut state = 0x5EED_u64;
        for (round, decimals) in [1.0, 10.0, 100.0, 1e9].into_iter().enumerate() {
            let mut values: Vec<f64> = (0..300)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    let u = (state >> 11) as f64 / (1u64 << 53) as f64;
                    (-(1.0 - u).ln() * 14.0 * decimals).round() / decimals
                })
                .collect();
            values.sort_by(f64::total_cmp);
            for k in [2, 3, 5, 7, 9] {
                assert_eq!(
                    fisher_jenks(&values, k),
                    classic(&values, k),
                    "round {round}, k {k}"
                );
            }
        }
    }

    /// Counting sorted values by where the bounds fall gives the counts of placing each value.
    #[test]
    fn counts_from_sorted_values_equal_counts_value_by_value() {
        let mut values: Vec<f64> = (0..500).map(|i| ((i * 7919) % 113) as f64 / 3.0).collect();
        values.sort_by(f64::total_cmp);
        for breaks in [
            vec![5.0, 10.0, 37.0],
            vec![-1.0, 5.0, 100.0],
            vec![1.0],
            vec![0.0, 0.0 + 1e-9, 37.3],
        ] {
            let min = values[0];
            assert_eq!(
                Classes::counted_sorted(min, breaks.clone(), &values).counts,
                Classes::counted(min, breaks.clone(), &values).counts,
                "{breaks:?}"
            );
        }
    }

    #[test]
    fn manual_breaks_are_sorted_and_closed_by_the_maximum() {
        let c = classify_with(&Y, Scheme::Manual, 5, &[10.0, 5.0, f64::NAN]).expect("classes");
        assert_eq!(c.breaks, vec![5.0, 10.0, 50.0]);
        assert_eq!(c.counts, vec![5, 5, 2]);
    }

    #[test]
    fn finite_values_sort_in_order_and_keep_their_value() {
        let values = [
            3.5,
            -0.0,
            f64::NAN,
            -2.25,
            f64::INFINITY,
            0.0,
            1e-300,
            -1e300,
            3.5,
        ];
        assert_eq!(
            sorted_finite(&values),
            vec![-1e300, -2.25, 0.0, 0.0, 1e-300, 3.5, 3.5]
        );
    }

    #[test]
    fn upper_bounds_are_inclusive() {
        let c = classify(&Y, Scheme::Quantile, 4).expect("classes");
        assert_eq!(c.class_of(3.75), 0);
        assert_eq!(c.class_of(3.76), 1);
        assert_eq!(c.class_of(1000.0), 3);
    }
}
