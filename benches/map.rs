//! Hot paths of the map at GR scale (13 municipalities), all 290 municipalities, and a
//! synthetic national-scale layer of 6,000 polygons with 300 vertices each (DeSO-like).
use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Color32, Pos2, Rect, vec2};
use geo::{LineString, MultiPolygon, Polygon};
use segkarta::i18n::Lang;
use segkarta::map::mesh::{LayerMesh, ScreenTransform};
use segkarta::model::{
    Area, AreaLayer, Atlas, Level, Observation, Observations, Period, SeriesKey, is_gr_municipality,
};
use segkarta::state::Selection;
use segkarta::view::View;
use std::hint::black_box;

/// 6,000 star-shaped polygons of 300 vertices on a 100 × 60 grid over Sweden.
fn national_layer(cols: usize, rows: usize, vertices: usize) -> AreaLayer {
    let (lon0, lat0, w, h) = (11.0, 55.3, 13.0, 13.7);
    let (dx, dy) = (w / cols as f64, h / rows as f64);
    let mut areas = Vec::with_capacity(cols * rows);
    for r in 0..rows {
        for c in 0..cols {
            let (cx, cy) = (lon0 + (c as f64 + 0.5) * dx, lat0 + (r as f64 + 0.5) * dy);
            let ring: Vec<(f64, f64)> = (0..=vertices)
                .map(|k| {
                    let a = (k % vertices) as f64 / vertices as f64 * std::f64::consts::TAU;
                    let wobble = 0.42 + 0.06 * (7.0 * a + (r * cols + c) as f64).sin();
                    (cx + dx * wobble * a.cos(), cy + dy * wobble * a.sin())
                })
                .collect();
            let poly = Polygon::new(LineString::from(ring), vec![]);
            // Codes of the 13 GR municipalities on the first cells, so the GR logic has work.
            let code = format!("{:04}C{:04}", 1380 + (r * cols + c) % 120, r * cols + c);
            areas.push(Area::new(
                code,
                format!("area {r}-{c}"),
                None,
                MultiPolygon(vec![poly]),
            ));
        }
    }
    AreaLayer::new(Level::Deso, areas)
}

/// The layer with a yearly indicator (2024) and a monthly one (24 months, 2023–2024), values
/// spread over each area by a fixed rule.
fn atlas_with(layer: AreaLayer) -> Atlas {
    let embedded = segkarta::io::embedded::atlas().expect("embedded data");
    let value =
        |area: usize, step: usize| 50.0 + 30.0 * ((area * 7919 + step * 104_729) % 1000) as f64 / 1000.0;
    let observation = |period, value| Observation {
        period,
        value,
        moe: None,
        n: None,
    };
    let mut rows = Vec::new();
    for (i, a) in layer.areas.iter().enumerate() {
        rows.push((
            SeriesKey::total("forvarvsarbetande"),
            a.code.clone(),
            observation(Period::Year(2024), value(i, 0)),
        ));
        for m in 0..24u8 {
            rows.push((
                SeriesKey::total(MONTHLY),
                a.code.clone(),
                observation(
                    Period::Month(2023 + i32::from(m / 12), m % 12 + 1),
                    value(i, usize::from(m)),
                ),
            ));
        }
    }
    let observations = Observations::from_rows(rows).expect("table");
    Atlas {
        catalogue: embedded.catalogue,
        layers: vec![layer],
        observations,
        activities: Vec::new(),
    }
}

/// A catalogue indicator given monthly values here (the bench's own, not the demo data's).
const MONTHLY: &str = "arbetsloshet";

fn gr_layer() -> AreaLayer {
    let atlas = segkarta::io::embedded::atlas().expect("embedded data");
    let areas = atlas.layers[0]
        .areas
        .iter()
        .filter(|a| is_gr_municipality(&a.code))
        .cloned()
        .collect();
    AreaLayer::new(Level::Kommun, areas)
}

fn kommun_layer() -> AreaLayer {
    segkarta::io::embedded::atlas()
        .expect("embedded data")
        .layers
        .remove(0)
}

/// A 1920 × 1080 map fitted to the layer.
fn fitted_transform(mesh: &LayerMesh, layer: &AreaLayer) -> (ScreenTransform, Rect) {
    let viewport = Rect::from_min_size(Pos2::ZERO, vec2(1920.0, 1080.0));
    let bbox = layer.bbox_of(|_| true).expect("bbox");
    let a = mesh.local_of(walkers::lon_lat(bbox.min().x, bbox.max().y));
    let b = mesh.local_of(walkers::lon_lat(bbox.max().x, bbox.min().y));
    let scale = (1920.0 / (b.x - a.x)).min(1080.0 / (b.y - a.y)) * 0.95;
    let centre = Pos2::new((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
    let origin = viewport.center() - centre.to_vec2() * scale;
    (ScreenTransform { origin, scale }, viewport)
}

fn bench_scale(c: &mut Criterion, name: &str, layer: AreaLayer) {
    let mut group = c.benchmark_group(name);
    group.sample_size(20);
    group.bench_function("tessellate", |b| b.iter(|| LayerMesh::build(black_box(&layer))));

    let mesh = LayerMesh::build(&layer);
    let fills = vec![Color32::from_rgb(200, 120, 80); layer.len()];
    let (fit, viewport) = fitted_transform(&mesh, &layer);
    let mut out = egui::Mesh::default();
    group.bench_function("paint_fitted", |b| {
        b.iter(|| {
            mesh.paint_into(&mut out, fit, viewport, &fills, (0.7, Color32::GRAY));
            black_box(out.vertices.len())
        })
    });
    // Zoomed in 8× on the centre: most areas culled, finer detail band.
    let zoomed = ScreenTransform {
        origin: viewport.center() + (fit.origin - viewport.center()) * 8.0,
        scale: fit.scale * 8.0,
    };
    group.bench_function("paint_zoomed", |b| {
        b.iter(|| {
            mesh.paint_into(&mut out, zoomed, viewport, &fills, (0.7, Color32::GRAY));
            black_box(out.vertices.len())
        })
    });

    let atlas = atlas_with(layer);
    let mut sel = Selection {
        period: Period::Year(2024),
        national: true,
        ..Selection::default()
    };
    sel.normalise(&atlas);
    group.bench_function("selection_change", |b| {
        b.iter(|| View::compute(black_box(&atlas), &atlas.layers[0], &sel))
    });
    // The time slider on a monthly indicator: each step is a new period and a new view.
    let mut monthly = Selection {
        indicator: MONTHLY.into(),
        national: true,
        ..Selection::default()
    };
    monthly.normalise(&atlas);
    let months = atlas.observations.periods(MONTHLY).to_vec();
    let mut step = 0;
    // As the app does: the previous view's trend lines are reused when only the period moves.
    let mut previous = View::compute(&atlas, &atlas.layers[0], &monthly);
    group.bench_function("period_change", |b| {
        b.iter(|| {
            step = (step + 1) % months.len();
            monthly.period = months[step];
            previous = View::compute_after(
                black_box(&atlas),
                &atlas.layers[0],
                &monthly,
                None,
                Some(&previous),
            );
        })
    });
    group.finish();
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    // Parse the embedded boundaries, catalogue and 78,296 demo rows and index them.
    group.bench_function("load_embedded_atlas", |b| b.iter(segkarta::io::embedded::atlas));
    // What the app adds before its first frame: derived segregation measures and area types,
    // and the queen weights of the 290 municipalities.
    let weights = segkarta::state::Settings::default().area_type_weights;
    group.bench_function("derived_analyses_and_weights", |b| {
        b.iter_batched(
            || segkarta::io::embedded::atlas().expect("embedded"),
            |mut atlas| {
                segkarta::analysis::refresh_derived(&mut atlas, &weights);
                segkarta::analysis::weights::Weights::queen(&atlas.layers[0], 1.0)
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

/// The embedded atlas with `layer` added and a seeded value per area for 2024 (bench input,
/// not statistics).
fn atlas_plus(layer: AreaLayer) -> Atlas {
    let mut atlas = segkarta::io::embedded::atlas().expect("embedded data");
    let rows = layer
        .areas
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let value = 50.0 + 30.0 * ((i * 7919) % 1000) as f64 / 1000.0;
            let observation = Observation {
                period: Period::Year(2024),
                value,
                moe: None,
                n: None,
            };
            (SeriesKey::total("forvarvsarbetande"), a.code.clone(), observation)
        })
        .collect();
    atlas
        .observations
        .extend(Observations::from_rows(rows).expect("table"))
        .expect("merge");
    atlas.layers.push(layer);
    atlas
}

/// Headless pictures (`segkarta render`, export): the scene from the selection, then PNG and
/// SVG at 1920 × 1080, for GR's real 584 DeSO (clipped to land as the app draws them) when the
/// shared file is there, and for 6,000 synthetic areas.
fn pictures(c: &mut Criterion) {
    use segkarta::render;
    let mut layers = vec![("national_6000x300", national_layer(100, 60, 300))];
    let deso = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/deso2025_gr.geojson");
    if let Ok(text) = segkarta::io::read_text(&deso) {
        let mut layer = segkarta::io::geojson::parse("deso2025_gr.geojson", &text).expect("DeSO");
        let land = kommun_layer();
        let mut report = segkarta::io::validate::ValidationReport::new("deso2025_gr.geojson", "GeoJSON");
        segkarta::jobs::prepare_layer(&mut layer, &Default::default(), &land, &mut report);
        layers.insert(0, ("deso_584_real", layer));
    }
    let mut group = c.benchmark_group("render");
    group.sample_size(20);
    for (name, layer) in layers {
        let level = layer.level.clone();
        let atlas = atlas_plus(layer);
        let mut sel = segkarta::state::Settings::default().selection;
        sel.indicator = "forvarvsarbetande".into();
        sel.level = level;
        let date = "2026-11-26";
        group.bench_function(format!("{name}/scene"), |b| {
            b.iter(|| render::scene_of(&atlas, &mut sel.clone(), Lang::Sv, date).expect("scene"))
        });
        let (scene, _) = render::scene_of(&atlas, &mut sel.clone(), Lang::Sv, date).expect("scene");
        group.bench_function(format!("{name}/png_1920x1080"), |b| {
            b.iter(|| render::png(black_box(&scene), 1920, 1080).expect("png"))
        });
        group.bench_function(format!("{name}/svg_1920x1080"), |b| {
            b.iter(|| render::svg(black_box(&scene), 1920, 1080))
        });
    }
    group.finish();
}

/// 5,000 activities over the screen of a 1920 × 1080 map: clustering and building the
/// layer's shapes, which the plugin does every frame.
fn activities(c: &mut Criterion) {
    use segkarta::map::activities::layer_shapes;
    use segkarta::view::activities::ActivityPoint;
    let mut state = 0x2026_1126_u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let points: Vec<ActivityPoint> = (0..5000)
        .map(|i| ActivityPoint {
            activity: i,
            lonlat: (11.0 + 2.0 * next(), 57.0 + 1.4 * next()),
            domain: i % 5,
        })
        .collect();
    let screen: Vec<Pos2> = points
        .iter()
        .map(|p| {
            Pos2::new(
                ((p.lonlat.0 - 11.0) / 2.0 * 1920.0) as f32,
                ((58.4 - p.lonlat.1) / 1.4 * 1080.0) as f32,
            )
        })
        .collect();
    let ctx = egui::Context::default();
    let _ = ctx.run_ui(egui::RawInput::default(), |_| {});
    let painter = egui::Painter::new(
        ctx.clone(),
        egui::LayerId::background(),
        Rect::from_min_size(Pos2::ZERO, vec2(1920.0, 1080.0)),
    );
    let mut group = c.benchmark_group("activities_5000");
    for (name, radius) in [("desktop_r5", 5.0), ("presenter_r9", 9.0)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut shapes = Vec::new();
                let clusters =
                    layer_shapes(black_box(&screen), &points, radius, &[17], &mut shapes, &painter);
                black_box((clusters.len(), shapes.len()))
            })
        });
    }
    // Zoomed in a lot: nearly every activity is its own symbol.
    let spread: Vec<Pos2> = screen.iter().map(|p| Pos2::new(p.x * 8.0, p.y * 8.0)).collect();
    group.bench_function("zoomed_in_r5", |b| {
        b.iter(|| {
            let mut shapes = Vec::new();
            let clusters = layer_shapes(black_box(&spread), &points, 5.0, &[17], &mut shapes, &painter);
            black_box((clusters.len(), shapes.len()))
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    activities(c);
    pictures(c);
    startup(c);
    bench_scale(c, "gr_13", gr_layer());
    bench_scale(c, "kommun_290", kommun_layer());
    bench_scale(c, "national_6000x300", national_layer(100, 60, 300));
}

criterion_group!(map, benches);
criterion_main!(map);
