//! Import at national scale: a 1,000,000-row tidy CSV, and a 6,000-feature DeSO-like GeoJSON
//! in SWEREF 99 TM (300 vertices each) read, reprojected and tessellated. Inputs are generated
//! in memory, seeded, so the figures are repeatable.
use criterion::{Criterion, criterion_group, criterion_main};
use std::fmt::Write as _;
use std::hint::black_box;

/// 6,000 areas × 12 indicators × 14 years ≈ 1,008,000 rows, some with groups.
fn tidy_csv() -> Vec<u8> {
    let mut s = String::from("area_code,indicator,year,group_by,group,value,moe,n\n");
    let mut rows = 0;
    'outer: for a in 0..6000 {
        let code = format!("{:04}C{:04}", 1400 + a % 90, a);
        for ind in 0..12 {
            for year in 2011..2025 {
                let (gb, g) = if ind % 3 == 0 {
                    ("kon", if year % 2 == 0 { "kvinnor" } else { "man" })
                } else {
                    ("total", "total")
                };
                let v = ((a * 31 + ind * 7 + year as usize) % 1000) as f64 / 10.0;
                let _ = writeln!(s, "{code},ind_{ind},{year},{gb},{g},{v},,");
                rows += 1;
                if rows == 1_000_000 {
                    break 'outer;
                }
            }
        }
    }
    s.into_bytes()
}

/// 6,000 star-shaped polygons of 300 vertices on a grid over Sweden, SWEREF 99 TM metres.
fn deso_geojson() -> String {
    let mut s = String::from(r#"{"type":"FeatureCollection","features":["#);
    for i in 0..6000 {
        let (r, c) = (i / 60, i % 60);
        let (cx, cy) = (280_000.0 + c as f64 * 7_000.0, 6_150_000.0 + r as f64 * 14_000.0);
        if i > 0 {
            s.push(',');
        }
        let code = format!("{:04}C{:04}", 1400 + i % 90, i);
        let _ = write!(
            s,
            r#"{{"type":"Feature","properties":{{"desokod":"{code}","kommunkod":"{}"}},"geometry":{{"type":"Polygon","coordinates":[["#,
            &code[..4]
        );
        for k in 0..=300 {
            let a = (k % 300) as f64 / 300.0 * std::f64::consts::TAU;
            let w = 0.42 + 0.06 * (7.0 * a + i as f64).sin();
            let _ = write!(
                s,
                "{}[{:.1},{:.1}]",
                if k > 0 { "," } else { "" },
                cx + 7_000.0 * w * a.cos(),
                cy + 7_000.0 * w * a.sin()
            );
        }
        s.push_str("]]}}");
    }
    s.push_str("]}");
    s
}

fn import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    let csv = tidy_csv();
    group.bench_function("tidy_csv_1m_rows", |b| {
        b.iter(|| segkarta::io::tidy::parse_csv("bench.csv", black_box(&csv)).expect("parses"))
    });
    let geojson = deso_geojson();
    group.bench_function("deso_geojson_6000_read_reproject", |b| {
        b.iter(|| segkarta::io::geojson::parse("bench.geojson", black_box(&geojson)).expect("parses"))
    });
    let layer = segkarta::io::geojson::parse("bench.geojson", &geojson).expect("parses");
    group.bench_function("deso_geojson_6000_read_reproject_tessellate", |b| {
        b.iter(|| {
            let layer = segkarta::io::geojson::parse("bench.geojson", black_box(&geojson)).expect("parses");
            segkarta::map::LayerGeometry::build(&layer)
        })
    });
    group.bench_function("deso_6000_geometry_check", |b| {
        b.iter(|| {
            let mut report = segkarta::io::validate::ValidationReport::new("bench.geojson", "GeoJSON");
            segkarta::io::geometry_check::check_layer(black_box(&layer), &mut report);
            report
        })
    });
    group.bench_function("deso_6000_tessellate_only", |b| {
        b.iter(|| segkarta::map::LayerGeometry::build(black_box(&layer)))
    });
    // Clipping to the land of the 290 municipalities, as loading does for DeSO by default.
    let land = segkarta::io::embedded::atlas()
        .expect("embedded")
        .layers
        .remove(0);
    group.bench_function("deso_6000_clip_to_land", |b| {
        b.iter(|| {
            let mut l = layer.clone();
            segkarta::map::clip::clip_to_land(&mut l, &land)
        })
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
