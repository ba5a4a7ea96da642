//! Spatial autocorrelation with row-standardised queen weights, as PySAL `esda` 2.9 computes
//! it: global Moran's I with its expectation, variance under normality and a seeded
//! permutation test, and local Moran (LISA) with quadrants and conditional permutations.
use super::weights::Weights;

/// Global Moran's I.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Moran {
    pub i: f64,
    pub expected: f64,
    pub variance_norm: f64,
    pub z_norm: f64,
    /// Two-sided p under normality.
    pub p_norm: f64,
    /// Pseudo p from the permutations (folded, as esda does).
    pub p_sim: f64,
    pub permutations: usize,
}

/// Where an area and its neighbours lie relative to the mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cluster {
    HighHigh,
    LowHigh,
    LowLow,
    HighLow,
    NotSignificant,
}

/// Local Moran per area.
#[derive(Clone, Debug, PartialEq)]
pub struct Lisa {
    pub local: Vec<f64>,
    /// The quadrant whatever the significance (esda's `q`: 1 HH, 2 LH, 3 LL, 4 HL).
    pub quadrant: Vec<Cluster>,
    pub p_sim: Vec<f64>,
}

impl Lisa {
    /// The cluster map at significance `alpha`: the quadrant where p ≤ alpha, else not significant.
    pub fn clusters(&self, alpha: f64) -> Vec<Cluster> {
        self.quadrant
            .iter()
            .zip(&self.p_sim)
            .map(|(q, p)| if *p <= alpha { *q } else { Cluster::NotSignificant })
            .collect()
    }
}

/// A small seeded generator (SplitMix64) for permutations: the same seed, the same p-values.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` by multiply-shift (Lemire), with no float conversion in the hot loop.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// Fisher–Yates shuffle drawing two swaps from each 64-bit number, 32 bits each by
    /// multiply-shift: half the draws (an eighth less time at 6,000 areas). Its bias, under
    /// n / 2³² (10⁻⁶ at Sweden's 6,000 DeSO), is far below a pseudo p's resolution.
    fn shuffle<T>(&mut self, items: &mut [T]) {
        let below = |bits: u64, n: usize| ((bits * n as u64) >> 32) as usize;
        let mut k = items.len().saturating_sub(1);
        while k >= 2 {
            let bits = self.next();
            items.swap(k, below(bits & 0xFFFF_FFFF, k + 1));
            items.swap(k - 1, below(bits >> 32, k));
            k -= 2;
        }
        if k == 1 {
            items.swap(1, self.below(2));
        }
    }
}

fn standard_normal_sf(z: f64) -> f64 {
    0.5 * libm::erfc(z / std::f64::consts::SQRT_2)
}

/// Global Moran's I of `values` (one per area of `w`). `None` with fewer than three areas,
/// no neighbours at all, or no variation.
pub fn moran(values: &[f64], w: &Weights, permutations: usize, seed: u64) -> Option<Moran> {
    let n = values.len();
    if n < 3 || w.len() != n {
        return None;
    }
    let mean = values.iter().sum::<f64>() / n as f64;
    let z: Vec<f64> = values.iter().map(|v| v - mean).collect();
    let z2ss: f64 = z.iter().map(|v| v * v).sum();
    let (s0, s1, s2) = w.moments();
    if s0 == 0.0 || z2ss == 0.0 {
        return None;
    }
    let nf = n as f64;
    // z'Wz over the undirected links, each with the row-standardised weight of both ends
    // (contiguity is symmetric): half the directed links, no allocation per permutation.
    let links: Vec<(u32, u32, f64)> = w
        .neighbours
        .iter()
        .enumerate()
        .flat_map(|(i, list)| {
            list.iter().filter(move |j| **j > i).map(move |j| {
                let both = 1.0 / list.len() as f64 + 1.0 / w.neighbours[*j].len() as f64;
                (i as u32, *j as u32, both)
            })
        })
        .collect();
    let statistic = |z: &[f64]| {
        // Four running sums, so each addition need not wait for the one before (a sixth less
        // time in all at 6,000 areas).
        let term = |&(a, b, c): &(u32, u32, f64)| c * z[a as usize] * z[b as usize];
        let mut sums = [0.0; 4];
        let chunks = links.chunks_exact(4);
        let rest: f64 = chunks.remainder().iter().map(term).sum();
        for chunk in chunks {
            for (sum, link) in sums.iter_mut().zip(chunk) {
                *sum += term(link);
            }
        }
        let cross = (sums[0] + sums[1]) + (sums[2] + sums[3]) + rest;
        nf / s0 * cross / z2ss
    };
    let i = statistic(&z);
    let expected = -1.0 / (nf - 1.0);
    let variance_norm = (nf * nf * s1 - nf * s2 + 3.0 * s0 * s0) / ((nf - 1.0) * (nf + 1.0) * s0 * s0)
        - (1.0 / (nf - 1.0)).powi(2);
    let z_norm = (i - expected) / variance_norm.sqrt();
    let p_norm = 2.0 * standard_normal_sf(z_norm.abs());
    // The permutations in two halves on two threads, each half with its own fixed seed, so the
    // pseudo p is the same on every run and machine.
    let half = permutations / 2;
    let count_larger = |seed: u64, count: usize| {
        let mut rng = Rng(seed);
        let mut shuffled = z.clone();
        let mut larger = 0;
        for _ in 0..count {
            rng.shuffle(&mut shuffled);
            if statistic(&shuffled) >= i {
                larger += 1;
            }
        }
        larger
    };
    let larger = std::thread::scope(|scope| {
        let second = scope.spawn(|| count_larger(seed ^ 0x5851_F42D_4C95_7F2D, permutations - half));
        count_larger(seed, half) + second.join().unwrap_or(0)
    });
    let larger = larger.min(permutations - larger);
    Some(Moran {
        i,
        expected,
        variance_norm,
        z_norm,
        p_norm,
        p_sim: (larger as f64 + 1.0) / (permutations as f64 + 1.0),
        permutations,
    })
}

/// Local Moran of `values`, with conditional permutations: each area keeps its value while as
/// many other areas as it has neighbours are drawn at random to be its neighbours.
pub fn lisa(values: &[f64], w: &Weights, permutations: usize, seed: u64) -> Option<Lisa> {
    let n = values.len();
    if n < 3 || w.len() != n {
        return None;
    }
    let nf = n as f64;
    let mean = values.iter().sum::<f64>() / nf;
    let sd = (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / nf).sqrt();
    if sd == 0.0 {
        return None;
    }
    let z: Vec<f64> = values.iter().map(|v| (v - mean) / sd).collect();
    let den: f64 = z.iter().map(|v| v * v).sum();
    let lag = w.lag(&z);
    let local: Vec<f64> = z
        .iter()
        .zip(&lag)
        .map(|(zi, li)| (nf - 1.0) * zi * li / den)
        .collect();
    let quadrant = z
        .iter()
        .zip(&lag)
        .map(|(zi, li)| match (*zi > 0.0, *li > 0.0) {
            (true, true) => Cluster::HighHigh,
            (false, true) => Cluster::LowHigh,
            (false, false) => Cluster::LowLow,
            (true, false) => Cluster::HighLow,
        })
        .collect();
    // One set of random draws for all areas, as esda's conditional randomisation makes it:
    // each permutation is a row of `width` distinct indices of 0..n − 1 (a partial
    // Fisher–Yates shuffle), and an area with k neighbours takes the first k of each row,
    // moving indices at or above its own one up so that it never draws itself. Drawing per
    // area instead took five times as long, and the p-values do not depend on how the areas
    // are split over the two threads either way.
    let width = w.neighbours.iter().map(Vec::len).max().unwrap_or(0).min(n - 1);
    let mut rng = Rng(seed);
    let mut pool: Vec<u32> = (0..(n - 1) as u32).collect();
    let mut draws: Vec<u32> = Vec::with_capacity(permutations * width);
    for _ in 0..permutations {
        for t in 0..width {
            let j = t + rng.below(n - 1 - t);
            pool.swap(t, j);
        }
        draws.extend_from_slice(&pool[..width]);
    }
    let p_of = |i: usize| -> f64 {
        let k = w.neighbours[i].len();
        if k == 0 || width == 0 {
            return 1.0;
        }
        // The simulated local I is at least the observed one where z_i times the drawn
        // neighbours' sum is at least this.
        let threshold = local[i] * den * k as f64 / (nf - 1.0);
        let larger = draws
            .chunks_exact(width)
            .filter(|row| {
                let sum: f64 = row[..k]
                    .iter()
                    .map(|&j| z[j as usize + usize::from(j as usize >= i)])
                    .sum();
                z[i] * sum >= threshold
            })
            .count();
        let larger = larger.min(permutations - larger);
        (larger as f64 + 1.0) / (permutations as f64 + 1.0)
    };
    let half = n / 2;
    let p_sim: Vec<f64> = std::thread::scope(|scope| {
        let second = scope.spawn(|| (half..n).map(p_of).collect::<Vec<_>>());
        let mut first: Vec<f64> = (0..half).map(p_of).collect();
        // A failed half gives no significance rather than a false one.
        first.extend(second.join().unwrap_or_else(|_| vec![1.0; n - half]));
        first
    });
    Some(Lisa {
        local,
        quadrant,
        p_sim,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::weights::tests::grid;

    #[test]
    fn a_smooth_gradient_is_strongly_autocorrelated_and_a_checkerboard_negatively() {
        let w = Weights::queen(&grid(8, 8), 0.5);
        let gradient: Vec<f64> = (0..64).map(|i| (i / 8 + i % 8) as f64).collect();
        let m = moran(&gradient, &w, 199, 7).expect("moran");
        assert!(m.i > 0.7, "{}", m.i);
        assert!(m.p_sim <= 0.01 && m.p_norm < 1e-6);
        let checker: Vec<f64> = (0..64).map(|i| ((i / 8 + i % 8) % 2) as f64).collect();
        // Queen neighbours: four of the other colour, up to four diagonals of the same, so
        // mildly negative (edge cells tip the balance).
        let m = moran(&checker, &w, 199, 7).expect("moran");
        assert!(m.i < -0.05 && m.i > -0.2, "{}", m.i);
    }

    #[test]
    fn the_same_seed_gives_the_same_pseudo_p() {
        let w = Weights::queen(&grid(5, 5), 0.5);
        let values: Vec<f64> = (0..25).map(|i| ((i * 7919) % 13) as f64).collect();
        assert_eq!(moran(&values, &w, 999, 1), moran(&values, &w, 999, 1));
        assert_eq!(lisa(&values, &w, 99, 3), lisa(&values, &w, 99, 3));
    }

    #[test]
    fn lisa_finds_the_hot_corner() {
        let w = Weights::queen(&grid(6, 6), 0.5);
        // High values in the 2×2 bottom-left corner, noise-free low elsewhere.
        let values: Vec<f64> = (0..36)
            .map(|i| {
                if i / 6 < 2 && i % 6 < 2 {
                    10.0
                } else {
                    (i % 3) as f64 * 0.1
                }
            })
            .collect();
        let l = lisa(&values, &w, 999, 11).expect("lisa");
        assert_eq!(l.quadrant[0], Cluster::HighHigh);
        assert_eq!(l.clusters(0.05)[0], Cluster::HighHigh, "p = {}", l.p_sim[0]);
        assert_eq!(l.clusters(0.05)[35], Cluster::NotSignificant);
    }
}
