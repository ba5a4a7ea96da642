//! Analysis at national scale (6,160 values, about as many DeSO as Sweden has) and GR scale:
//! classification schemes, recomputed on every selection change. Inputs are seeded.
use criterion::{Criterion, criterion_group, criterion_main};
use geo::{LineString, MultiPolygon, Polygon};
use segkarta::analysis::autocorrelation::{lisa, moran};
use segkarta::analysis::classify::{Scheme, classify};
use segkarta::analysis::weights::{Contiguity, Weights, WeightsSpec};
use segkarta::model::{Area, AreaLayer, Level};
use std::hint::black_box;

/// A lattice of `rows × cols` areas whose shared edges carry 75 vertices each (300 per area),
/// like detailed DeSO boundaries, over about 7 × 7 km cells. Vertices come from integer grid
/// points, so neighbours share them exactly, as in SCB's files.
fn lattice(rows: usize, cols: usize) -> AreaLayer {
    let d = 0.06 / 75.0;
    let point = |gx: i64, gy: i64| (11.0 + gx as f64 * d, 55.5 + gy as f64 * d);
    let edge = |(x0, y0): (i64, i64), (x1, y1): (i64, i64)| -> Vec<(f64, f64)> {
        (0..75)
            .map(|k| point(x0 + (x1 - x0).signum() * k, y0 + (y1 - y0).signum() * k))
            .collect()
    };
    let mut areas = Vec::new();
    for r in 0..rows as i64 {
        for c in 0..cols as i64 {
            let (x, y) = (c * 75, r * 75);
            let corners = [(x, y), (x + 75, y), (x + 75, y + 75), (x, y + 75)];
            let mut ring: Vec<(f64, f64)> = (0..4)
                .flat_map(|k| edge(corners[k], corners[(k + 1) % 4]))
                .collect();
            ring.push(ring[0]);
            let polygon = Polygon::new(LineString::from(ring), vec![]);
            areas.push(Area::new(
                format!("{r}-{c}"),
                String::new(),
                None,
                MultiPolygon(vec![polygon]),
            ));
        }
    }
    AreaLayer::new(Level::Custom("test".into()), areas)
}

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
        // The programme alone, on values already sorted (classify sorts and counts too).
        let mut sorted = values.clone();
        sorted.sort_by(f64::total_cmp);
        group.bench_function(format!("fisher_jenks_sorted_{n}_k5"), |b| {
            b.iter(|| segkarta::analysis::classify::fisher_jenks(black_box(&sorted), 5))
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

fn autocorrelation(c: &mut Criterion) {
    let mut group = c.benchmark_group("autocorrelation");
    group.sample_size(10);
    for (rows, cols) in [(24, 25), (75, 80)] {
        let layer = lattice(rows, cols);
        let n = layer.len();
        group.bench_function(format!("queen_weights_{n}x300"), |b| {
            b.iter(|| Weights::build(black_box(&layer), WeightsSpec::default()))
        });
        let rook = WeightsSpec {
            contiguity: Contiguity::Rook,
            tolerance_m: None,
        };
        group.bench_function(format!("rook_weights_{n}x300"), |b| {
            b.iter(|| Weights::build(black_box(&layer), rook))
        });
        group.bench_function(format!("queen_weights_{n}x300_tolerance_0_5m"), |b| {
            b.iter(|| Weights::queen(black_box(&layer), 0.5))
        });
        let w = Weights::build(&layer, WeightsSpec::default());
        let values: Vec<f64> = shares(n)
            .iter()
            .enumerate()
            .map(|(i, v)| v + (i % cols) as f64 * 0.3)
            .collect();
        group.bench_function(format!("moran_{n}_999"), |b| {
            b.iter(|| moran(black_box(&values), &w, 999, 1))
        });
        group.bench_function(format!("lisa_{n}_999"), |b| {
            b.iter(|| lisa(black_box(&values), &w, 999, 1))
        });
    }
    // SCB's real DeSO polygons of GR (584, about 300 vertices each), when beside the checkout.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/deso2025_gr.geojson");
    if let Ok(text) = std::fs::read_to_string(&path) {
        let layer = segkarta::io::geojson::parse("deso2025_gr.geojson", &text).expect("the shared DeSO file");
        group.bench_function("queen_weights_real_deso_584", |b| {
            b.iter(|| Weights::build(black_box(&layer), WeightsSpec::default()))
        });
        let w = Weights::build(&layer, WeightsSpec::default());
        let values: Vec<f64> = shares(layer.len());
        group.bench_function("moran_real_deso_584_999", |b| {
            b.iter(|| moran(black_box(&values), &w, 999, 1))
        });
    }
    group.finish();
}

/// Needs against activities at national scale: 6,000 areas and 5,000 activities (most with a
/// location, some naming the areas they serve): counting the activities per area and domain
/// (hit index included) and the gap table, as the needs view does for a period; and GR scale.
fn needs_against_activities(c: &mut Criterion) {
    use segkarta::model::{Activity, OrganiserType};
    let mut group = c.benchmark_group("needs_against_activities");
    for (rows, cols, count) in [(75, 80, 5000), (24, 25, 300)] {
        let layer = lattice(rows, cols);
        let n = layer.len();
        let gr: Vec<usize> = (0..n).collect();
        let share = shares(n);
        let scores: Vec<Vec<Option<f64>>> = (0..5)
            .map(|d| share.iter().map(|v| Some((v - 14.0 + d as f64) / 14.0)).collect())
            .collect();
        let u = shares(2 * count);
        let (w, h) = (cols as f64 * 0.06, rows as f64 * 0.06);
        let activities: Vec<Activity> = (0..count)
            .map(|i| Activity {
                name: format!("a{i}"),
                organiser: String::new(),
                organiser_type: OrganiserType::Municipal,
                domains: vec![["bostad", "skola", "arbete", "brott", "demokrati"][i % 5].to_string()],
                target_groups: Vec::new(),
                start: None,
                end: None,
                location: (i % 4 != 0)
                    .then(|| (11.0 + w * (u[2 * i] / 100.0), 55.5 + h * (u[2 * i + 1] / 100.0))),
                areas: if i % 4 == 0 {
                    vec![layer.areas[i % n].code.clone()]
                } else {
                    Vec::new()
                },
                contact: String::new(),
                url: String::new(),
                demo: true,
                source: "bench".into(),
            })
            .collect();
        group.bench_function(format!("table_{n}_areas_{count}_activities"), |b| {
            b.iter(|| {
                segkarta::analysis::needs::activity_gaps(black_box(&layer), &gr, &scores, &activities, |_| {
                    true
                })
            })
        });
    }
    group.finish();
}

criterion_group!(benches, classification, autocorrelation, needs_against_activities);
criterion_main!(benches);
