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

/// A city's own division as files: 1,000 base areas (squares of 40 vertices over Göteborg)
/// in 100 primary areas, codes in `omrade_kod`/`primaromrade_kod`, the municipality only on
/// the primary areas (the base areas inherit it through the link), and a 1,200-row table.
fn division_files() -> (std::path::PathBuf, std::path::PathBuf, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("segkarta-bench-division-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let square = |x0: f64, y0: f64, w: f64, h: f64| {
        let mut ring = Vec::new();
        for k in 0..40 {
            let t = k as f64 / 10.0;
            let (x, y) = match k / 10 {
                0 => (x0 + w * t, y0),
                1 => (x0 + w, y0 + h * (t - 1.0)),
                2 => (x0 + w * (3.0 - t), y0 + h),
                _ => (x0, y0 + h * (4.0 - t)),
            };
            ring.push(format!("[{x:.6},{y:.6}]"));
        }
        ring.push(ring[0].clone());
        format!(r#"{{"type":"Polygon","coordinates":[[{}]]}}"#, ring.join(","))
    };
    let (x0, y0, dx, dy) = (11.90, 57.66, 0.004, 0.002);
    let mut base = String::from(r#"{"type":"FeatureCollection","features":["#);
    let mut primary = base.clone();
    for p in 0..100 {
        let (pr, pc) = (p / 10, p % 10);
        let geometry = square(
            x0 + pc as f64 * 4.0 * dx,
            y0 + pr as f64 * 10.0 * dy,
            4.0 * dx,
            10.0 * dy,
        );
        let sep = if p > 0 { "," } else { "" };
        let _ = write!(
            primary,
            r#"{sep}{{"type":"Feature","properties":{{"primaromrade_kod":"P{p:03}","kommun_kod":"1480"}},"geometry":{geometry}}}"#
        );
        for b in 0..10 {
            let (bc, br) = (b % 4, b / 4);
            let geometry = square(
                x0 + (pc * 4 + bc) as f64 * dx,
                y0 + (pr * 10 + br * 4) as f64 * dy,
                dx,
                4.0 * dy,
            );
            let sep = if p > 0 || b > 0 { "," } else { "" };
            let _ = write!(
                base,
                r#"{sep}{{"type":"Feature","properties":{{"omrade_kod":"B{p:03}{b}","omrade_namn":"Bas {p} {b}","primaromrade_kod":"P{p:03}"}},"geometry":{geometry}}}"#
            );
        }
    }
    base.push_str("]}");
    primary.push_str("]}");
    let mut table = String::from("area_code,indicator,year,group_by,group,value\n");
    for i in 0..1200 {
        let (p, b, year) = ((i % 1000) / 10, i % 10, if i < 1000 { 2024 } else { 2023 });
        let _ = writeln!(
            table,
            "B{p:03}{b},folkmangd,{year},total,total,{}",
            500 + (i * 37) % 900
        );
    }
    let paths = (
        dir.join("primar.geojson"),
        dir.join("bas.geojson"),
        dir.join("bas_befolkning.csv"),
    );
    std::fs::write(&paths.0, primary).expect("write");
    std::fs::write(&paths.1, base).expect("write");
    std::fs::write(&paths.2, table).expect("write");
    paths
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
            segkarta::map::clip::clip_to_land(&mut l, &land, None)
        })
    });
    // The real 584 GR DeSO clipped to the detailed land outline of the coast and archipelago,
    // as loading them does (only when the shared file is beside the checkout).
    let real = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/deso2025_gr.geojson");
    if let (Ok(text), Some(outline)) = (
        std::fs::read_to_string(&real),
        segkarta::io::embedded::land_outline(),
    ) {
        let gr = segkarta::io::geojson::parse("deso2025_gr.geojson", &text).expect("the shared DeSO file");
        group.bench_function("deso_gr_real_clip_to_detailed_land", |b| {
            b.iter(|| {
                let mut l = gr.clone();
                segkarta::map::clip::clip_to_land(&mut l, &land, Some(outline))
            })
        });
    }
    // A city's division: two custom levels, a table, the layer made ready to draw, and the
    // roll-ups base → primary → municipality.
    let (primary, base, table) = division_files();
    let embedded = segkarta::io::embedded::atlas().expect("embedded");
    let options = segkarta::io::load::LoadOptions::default();
    group.bench_function("custom_1000_areas_table_1200_rows_two_rollups", |b| {
        b.iter(|| {
            use segkarta::io::load;
            let mut atlas = embedded.clone();
            for path in [&primary, &base, &table] {
                let mut loaded = load::load_path(path).expect("loads");
                if let load::Content::Boundaries(boundaries) = &mut loaded.content {
                    segkarta::jobs::prepare_for_map(
                        &mut boundaries.layer,
                        &options,
                        &land,
                        &mut loaded.report,
                    );
                }
                load::merge(&mut atlas, loaded, &options);
            }
            let key = segkarta::model::SeriesKey::total("folkmangd");
            let level = segkarta::model::Level::Custom("Primar".into());
            let up = segkarta::analysis::aggregate::to_level(
                &atlas,
                &key,
                segkarta::model::Period::Year(2024),
                level,
            )
            .expect("primary");
            let kommun = segkarta::analysis::aggregate::to_level(
                &atlas,
                &key,
                segkarta::model::Period::Year(2024),
                segkarta::model::Level::Kommun,
            );
            black_box((up, kommun))
        })
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
