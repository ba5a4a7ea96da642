//! Segregation measures from counts of persons per area (Massey & Denton 1988; Reardon &
//! Firebaugh 2002), with the definitions PySAL `segregation` 2.5 uses, so that values agree
//! with it: for one group against the rest of the population — dissimilarity D, Gini, Theil's
//! entropy index H, isolation (xPx) and exposure (xPy) — and for all groups of a dimension at
//! once — multigroup D and H. Areas with no population count for nothing.

/// Measures of one group's segregation from everyone else, each from 0 (even) upward.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct SingleGroup {
    /// Share of the group that would have to move for an even spread (0–1).
    pub dissimilarity: f64,
    /// Mean difference in group shares over all pairs of persons, normalised (0–1).
    pub gini: f64,
    /// Theil's H: how much less mixed areas are than the whole (0–1).
    pub entropy: f64,
    /// Share of the group among the neighbours of a typical member (xPx).
    pub isolation: f64,
    /// Share of others among the neighbours of a typical member (xPy).
    pub exposure: f64,
}

/// Measures over all groups of a dimension.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct MultiGroup {
    pub dissimilarity: f64,
    /// Reardon and Firebaugh's information theory index H.
    pub entropy: f64,
}

/// One group (`group[i]` persons) within areas of `total[i]` persons. `None` when the group is
/// empty or everyone, or a count is negative or above its area's total (PySAL raises then).
pub fn single_group(group: &[f64], total: &[f64]) -> Option<SingleGroup> {
    if group.len() != total.len()
        || group
            .iter()
            .zip(total)
            .any(|(x, t)| !x.is_finite() || !t.is_finite() || *x < 0.0 || x > t)
    {
        return None;
    }
    let big_t: f64 = total.iter().sum();
    let big_x: f64 = group.iter().sum();
    if big_t <= 0.0 || big_x <= 0.0 || big_x >= big_t {
        return None;
    }
    let p = big_x / big_t;
    let share = |x: f64, t: f64| if t == 0.0 { 0.0 } else { x / t };
    let entropy_of = |q: f64| {
        let term = |v: f64| if v > 0.0 { v * (1.0 / v).ln() } else { 0.0 };
        term(q) + term(1.0 - q)
    };
    let e = entropy_of(p);
    let (mut d, mut h, mut xpx, mut xpy) = (0.0, 0.0, 0.0, 0.0);
    for (x, t) in group.iter().zip(total) {
        let pi = share(*x, *t);
        d += t * (pi - p).abs();
        h += t * (e - entropy_of(pi));
        if *t > 0.0 {
            xpx += (x / big_x) * (x / t);
            xpy += (x / big_x) * ((t - x) / t);
        }
    }
    Some(SingleGroup {
        dissimilarity: d / (2.0 * big_t * p * (1.0 - p)),
        gini: gini(group, total, big_t, p),
        entropy: h / (e * big_t),
        isolation: xpx,
        exposure: xpy,
    })
}

/// Σᵢ Σⱼ tᵢ tⱼ |pᵢ − pⱼ| / (2 T² P (1 − P)), by sorting on pᵢ: O(n log n) rather than all pairs.
fn gini(group: &[f64], total: &[f64], big_t: f64, p: f64) -> f64 {
    let mut areas: Vec<(f64, f64)> = group
        .iter()
        .zip(total)
        .map(|(x, t)| (if *t == 0.0 { 0.0 } else { x / t }, *t))
        .collect();
    areas.sort_by(|a, b| a.0.total_cmp(&b.0));
    // For each area, its pairs with every area of a smaller share: tᵢ Σⱼ tⱼ (pᵢ − pⱼ).
    let (mut weight_before, mut weighted_share_before, mut pairs) = (0.0, 0.0, 0.0);
    for (pi, ti) in areas {
        pairs += ti * (pi * weight_before - weighted_share_before);
        weight_before += ti;
        weighted_share_before += ti * pi;
    }
    // Every unordered pair counts twice in the double sum.
    2.0 * pairs / (2.0 * big_t * big_t * p * (1.0 - p))
}

/// All groups at once: `counts[i][k]` persons of group k in area i. `None` with fewer than two
/// groups that have members.
pub fn multi_group(counts: &[Vec<f64>]) -> Option<MultiGroup> {
    let k = counts.first()?.len();
    if counts
        .iter()
        .any(|row| row.len() != k || row.iter().any(|c| !c.is_finite() || *c < 0.0))
    {
        return None;
    }
    let area_totals: Vec<f64> = counts.iter().map(|row| row.iter().sum()).collect();
    let big_t: f64 = area_totals.iter().sum();
    let shares: Vec<f64> = (0..k)
        .map(|g| counts.iter().map(|row| row[g]).sum::<f64>() / big_t)
        .collect();
    if big_t <= 0.0 || shares.iter().filter(|s| **s > 0.0).count() < 2 {
        return None;
    }
    let interaction: f64 = shares.iter().map(|p| p * (1.0 - p)).sum();
    let entropy: f64 = shares
        .iter()
        .filter(|p| **p > 0.0)
        .map(|p| p * (1.0 / p).ln())
        .sum();
    let (mut d, mut h) = (0.0, 0.0);
    for (row, ti) in counts.iter().zip(&area_totals) {
        if *ti == 0.0 {
            continue;
        }
        for (c, pk) in row.iter().zip(&shares) {
            let pik = c / ti;
            d += ti * (pik - pk).abs();
            if pik > 0.0 {
                h += ti * pik * (pik / pk).ln();
            }
        }
    }
    Some(MultiGroup {
        dissimilarity: d / (2.0 * big_t * interaction),
        entropy: h / (big_t * entropy),
    })
}

/// Income segregation: how unevenly the lowest and highest income quintiles (`low[i]`,
/// `high[i]` earners per area) live, as their dissimilarity from each other — the share of
/// either that would have to move for both to be spread alike.
pub fn income(low: &[f64], high: &[f64]) -> Option<f64> {
    let both: Vec<f64> = low.iter().zip(high).map(|(l, h)| l + h).collect();
    single_group(low, &both).map(|s| s.dissimilarity)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_separation_and_an_even_spread_are_the_ends_of_the_scale() {
        // Two areas, the group all in the first.
        let s = single_group(&[50.0, 0.0], &[50.0, 150.0]).expect("measures");
        assert!((s.dissimilarity - 1.0).abs() < 1e-12);
        assert!((s.gini - 1.0).abs() < 1e-12);
        assert!((s.entropy - 1.0).abs() < 1e-12);
        assert!((s.isolation - 1.0).abs() < 1e-12);
        assert!(s.exposure.abs() < 1e-12);
        // The same share everywhere.
        let s = single_group(&[10.0, 20.0, 5.0], &[100.0, 200.0, 50.0]).expect("measures");
        assert!(s.dissimilarity.abs() < 1e-12 && s.gini.abs() < 1e-12 && s.entropy.abs() < 1e-12);
        assert!(
            (s.isolation - 0.1).abs() < 1e-12,
            "isolation is then the overall share"
        );
    }

    #[test]
    fn dissimilarity_by_hand() {
        // Group shares of 20 % and 60 % in two areas of 100: P = 0.4.
        // D = (100·0.2 + 100·0.2) / (2·200·0.4·0.6) = 40 / 96.
        let s = single_group(&[20.0, 60.0], &[100.0, 100.0]).expect("measures");
        assert!((s.dissimilarity - 40.0 / 96.0).abs() < 1e-12);
        // Gini with two areas: 2·100·100·0.4 / (2·200²·0.24) = the same here.
        assert!((s.gini - 40.0 / 96.0).abs() < 1e-12);
    }

    #[test]
    fn impossible_counts_give_no_measure() {
        assert!(
            single_group(&[120.0], &[100.0]).is_none(),
            "more in the group than live there"
        );
        assert!(
            single_group(&[0.0, 0.0], &[10.0, 10.0]).is_none(),
            "an empty group"
        );
        assert!(
            multi_group(&[vec![5.0, 0.0], vec![3.0, 0.0]]).is_none(),
            "one group only"
        );
    }

    #[test]
    fn multigroup_with_two_groups_equals_the_single_group_dissimilarity() {
        let group = [20.0, 60.0, 5.0];
        let total = [100.0, 100.0, 80.0];
        let rows: Vec<Vec<f64>> = group.iter().zip(&total).map(|(g, t)| vec![*g, t - g]).collect();
        let m = multi_group(&rows).expect("measures");
        let s = single_group(&group, &total).expect("measures");
        assert!((m.dissimilarity - s.dissimilarity).abs() < 1e-12);
    }

    #[test]
    fn income_segregation_compares_the_lowest_and_highest_quintiles() {
        assert!((income(&[100.0, 0.0], &[0.0, 100.0]).expect("d") - 1.0).abs() < 1e-12);
        assert!(income(&[50.0, 50.0], &[20.0, 20.0]).expect("d").abs() < 1e-12);
    }
}
