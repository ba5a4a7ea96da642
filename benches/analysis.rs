//! Analysis at national scale (6,160 values, about as many DeSO as Sweden has) and GR scale:
//! classification schemes, recomputed on every selection change. Inputs are seeded.
use criterion::{Criterion, criterion_group, criterion_main};
use segkarta::analysis::classify::{Scheme, classify};
use std::hint::black_box;

/// Skewed shares in per cent, two decimals, like a group's share per DeSO.
fn shares(n: usize) -> Vec<f64> {
    let mut state = 0x2026_1125_u64;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let u = (state >> 11) as f64 / (1u64 << 53) as f64;
            ((-(1.0 - u).ln() * 14.0).min(100.0) * 100.0).round() / 100.0
        })
        .collect()
}

fn classification(c: &mut Criterion) {
    let mut group = c.benchmark_group("classify");
    for n in [584, 6160] {
        let values = shares(n);
        group.bench_function(format!("fisher_jenks_{n}_k5"), |b| {
            b.iter(|| classify(black_box(&values), Scheme::FisherJenks, 5))
        });
        group.bench_function(format!("fisher_jenks_{n}_k9"), |b| {
            b.iter(|| classify(black_box(&values), Scheme::FisherJenks, 9))
        });
        group.bench_function(format!("quantile_{n}_k5"), |b| {
            b.iter(|| classify(black_box(&values), Scheme::Quantile, 5))
        });
        group.bench_function(format!("box_plot_{n}"), |b| {
            b.iter(|| classify(black_box(&values), Scheme::BoxPlot, 5))
        });
    }
    group.finish();
}

criterion_group!(benches, classification);
criterion_main!(benches);
