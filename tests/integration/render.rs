//! Map pictures without a window: `segkarta render` and the render module draw the app's View
//! as PNG and SVG with title, legend, source and the demo mark, and fail clearly on bad asks.

use crate::common::run_segkarta;
use geo::InteriorPoint as _;
use segkarta::i18n::Lang;
use segkarta::model::is_gr_municipality;
use segkarta::render;
use segkarta::state::Settings;

fn out_path(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("segkarta_render_{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

/// The default map (the app's first view) of the embedded data.
fn default_scene() -> (render::Scene, segkarta::view::View, segkarta::model::Atlas) {
    let atlas = segkarta::io::embedded::atlas().expect("embedded data");
    let mut sel = Settings::default().selection;
    let (scene, view) = render::scene_of(&atlas, &mut sel, Lang::Sv, "2026-11-26").expect("a scene");
    (scene, view, atlas)
}

/// Each GR municipality is painted in its class colour at a point inside it, at 1920 × 1080;
/// the title and every class of the legend are drawn.
#[test]
fn png_carries_the_class_colours_title_and_legend() {
    let (scene, view, atlas) = default_scene();
    let (bytes, layout) = render::png(&scene, 1920, 1080).expect("a PNG");
    let pixmap = tiny_skia::Pixmap::decode_png(&bytes).expect("a readable PNG");
    assert_eq!((pixmap.width(), pixmap.height()), (1920, 1080));
    let at = |(x, y): (f32, f32)| {
        let p = pixmap.pixel(x as u32, y as u32).expect("inside the picture");
        (p.red(), p.green(), p.blue())
    };
    let layer = atlas
        .layer(&segkarta::model::Level::Kommun)
        .expect("municipalities");
    let mut checked = 0;
    for (i, area) in layer.areas.iter().enumerate() {
        if !is_gr_municipality(&area.code) {
            continue;
        }
        let point = area.drawn().interior_point().expect("a point inside");
        let pixel = layout.fit.pixel_of_lonlat(point.x(), point.y());
        let fill = view.fills[i];
        assert_eq!(at(pixel), (fill.0, fill.1, fill.2), "{} at {pixel:?}", area.name);
        checked += 1;
    }
    assert_eq!(checked, 13);
    // The legend shows every class colour in a swatch.
    let classes = view.classes.as_ref().expect("classes");
    for colour in &view.class_colours[..classes.len()] {
        let legend = layout.legend;
        let mut found = 0;
        for y in legend.y as u32..(legend.y + legend.h) as u32 {
            for x in legend.x as u32..(legend.x + 60.0) as u32 {
                if at((x as f32, y as f32)) == (colour.0, colour.1, colour.2) {
                    found += 1;
                }
            }
        }
        assert!(found > 500, "legend swatch {colour:?}: {found} pixels");
    }
    // The title band above the map holds dark text.
    let mut dark = 0;
    for y in 0..layout.map.y as u32 {
        for x in 0..960 {
            let (r, g, b) = at((x as f32, y as f32));
            dark += usize::from(r < 80 && g < 80 && b < 80);
        }
    }
    assert!(dark > 2_000, "title pixels: {dark}");
}

/// The SVG is a well-formed document of the asked size with the same content: a path per area
/// in its class colour, the title, the legend's labels and the demo mark.
#[test]
fn svg_parses_with_the_title_areas_and_demo_mark() {
    let (scene, view, _) = default_scene();
    let (text, _) = render::svg(&scene, 1280, 800);
    let doc = roxmltree::Document::parse(&text).expect("well-formed SVG");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("width"), Some("1280"));
    assert_eq!(root.attribute("height"), Some("800"));
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert!(texts.contains(&scene.caption.title.as_str()), "{texts:?}");
    assert!(texts.contains(&"DEMODATA"), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("Källa:")), "{texts:?}");
    let fills: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("path"))
        .filter_map(|n| n.attribute("fill"))
        .collect();
    for colour in &view.class_colours {
        let hex = format!("#{:02x}{:02x}{:02x}", colour.0, colour.1, colour.2);
        assert!(fills.contains(&hex.as_str()), "{hex} among the area fills");
    }
    assert!(fills.len() >= 290, "every municipality a path: {}", fills.len());
}

/// Twice the size gives the same picture twice as large: text and strokes scale with it.
#[test]
fn layout_scales_with_the_picture() {
    let (scene, _, _) = default_scene();
    let (_, small) = render::svg(&scene, 1920, 1080);
    let (_, large) = render::svg(&scene, 3840, 2160);
    assert_eq!(large.unit, 2.0 * small.unit);
    assert!((large.map.w - 2.0 * small.map.w).abs() < 1.0);
    assert!((large.legend.x - 2.0 * small.legend.x).abs() < 1.0);
}

#[test]
fn render_command_writes_png_and_svg_and_refuses_bad_asks() {
    let png = out_path("map.png");
    let (code, _, err) = run_segkarta(&["render", "--size", "800x600", "--out", png.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let pixmap = tiny_skia::Pixmap::load_png(&png).expect("PNG written");
    assert_eq!((pixmap.width(), pixmap.height()), (800, 600));
    assert!(err.contains("800 × 600"), "{err}");

    let svg = out_path("map.svg");
    let (code, _, err) = run_segkarta(&[
        "render",
        "--lang",
        "en",
        "--scheme",
        "fisher-jenks",
        "--k",
        "4",
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&svg).expect("SVG written");
    assert!(
        text.contains("Natural breaks (Fisher–Jenks)"),
        "legend names the scheme"
    );
    assert!(text.contains("DEMO DATA"), "demo mark in English");

    // A period without values, an unknown indicator, a wrong size or format: exit 1 and say so.
    let bad = out_path("bad.png");
    let bad = bad.to_str().unwrap();
    let (code, _, err) = run_segkarta(&["render", "--period", "1990", "--out", bad]);
    assert_eq!(code, 1);
    assert!(err.contains("has no values then"), "{err}");
    let (code, _, err) = run_segkarta(&["render", "--indicator", "nope", "--out", bad]);
    assert_eq!(code, 1);
    assert!(err.contains("no such indicator"), "{err}");
    let (code, _, err) = run_segkarta(&["render", "--size", "0x600", "--out", bad]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run_segkarta(&["render", "--out", "map.jpg"]);
    assert_eq!(code, 1);
    assert!(err.contains(".png or .svg"), "{err}");
    assert!(!std::path::Path::new(bad).exists(), "nothing written on failure");
}

/// On SCB's real DeSO file: a DeSO level without values is refused with a reason, not drawn
/// as 584 grey areas.
#[test]
fn render_refuses_a_level_without_values() {
    let deso =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/deso2025_gr.geojson");
    if !deso.exists() {
        eprintln!("skipping: {} not present", deso.display());
        return;
    }
    let out = out_path("deso.png");
    let (code, _, err) = run_segkarta(&[
        "render",
        "--boundaries",
        deso.to_str().unwrap(),
        "--level",
        "deso",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("has no values for") && err.contains("DeSO"), "{err}");
}

/// A view with a difference map renders as the difference (its colours and its legend), and a
/// side-by-side view as both maps, each half labelled.
#[test]
fn comparisons_render_as_they_are_shown() {
    use segkarta::view::compare::{CompareMode, CompareWith, Comparison};
    let atlas = segkarta::io::embedded::atlas().expect("embedded data");
    let mut sel = Settings::default().selection;
    sel.comparison = Some(Comparison {
        mode: CompareMode::Difference,
        with: CompareWith::Period(segkarta::model::Period::Year(2011)),
    });
    let (scene, view) = render::scene_of(&atlas, &mut sel, Lang::Sv, "2026-11-26").expect("a scene");
    assert!(
        scene.caption.title.contains("skillnad 2011 − 2024"),
        "{}",
        scene.caption.title
    );
    let gbg = atlas.layers[0].index_of("1480").expect("Göteborg");
    assert_ne!(
        scene.areas[gbg].fill, view.fills[gbg],
        "difference colours, not 2024's"
    );
    sel.comparison = Some(Comparison {
        mode: CompareMode::SideBySide,
        with: CompareWith::Period(segkarta::model::Period::Year(2011)),
    });
    let (scene, _) = render::scene_of(&atlas, &mut sel, Lang::Sv, "2026-11-26").expect("a scene");
    let second = scene.second.as_ref().expect("map B in the picture");
    assert_eq!(
        (second.label_a.as_str(), second.label_b.as_str()),
        ("2024", "2011")
    );
    let (svg, _) = render::svg(&scene, 1920, 1080);
    assert!(
        svg.contains(">2024<") && svg.contains(">2011<"),
        "both halves labelled"
    );
    assert!(svg.contains("Samma klasser i båda kartorna"));
    assert!(
        svg.contains(">Kommuner<"),
        "the subtitle has no empty part: no \" · Kommuner\""
    );
}

/// With the activities layer on, a picture shows them as on screen: a symbol in its domain's
/// colour where one stands alone, a dark numbered circle where they crowd, and a key saying
/// which shape and colour is which domain.
#[test]
fn pictures_show_the_activities_layer_when_it_is_on() {
    let atlas = segkarta::io::embedded::atlas().expect("embedded data");
    let mut sel = Settings::default().selection;
    sel.activities = Some(Default::default());
    let (scene, _) = render::scene_of(&atlas, &mut sel, Lang::Sv, "2026-11-26").expect("a scene");
    assert!(
        scene.activities.len() > 150,
        "{} with a place",
        scene.activities.len()
    );
    assert!(
        scene.caption.notes.iter().any(|n| n
            .text
            .starts_with("Verksamheter: cirkel bostad och samhällsservice, kvadrat skola")),
        "{:?}",
        scene.caption.notes
    );
    let (bytes, layout) = render::png(&scene, 1920, 1080).expect("a PNG");
    let pixmap = tiny_skia::Pixmap::decode_png(&bytes).expect("a readable PNG");
    use segkarta::view::activities::{CLUSTER, DOMAIN_COLOURS, cluster, cluster_cell, cluster_radius};
    let colour_at = |(x, y): (f32, f32)| {
        let p = pixmap.pixel(x as u32, y as u32).expect("inside the picture");
        (p.red(), p.green(), p.blue())
    };
    let rgb = |c: segkarta::map::palette::Rgb| (c.0, c.1, c.2);
    let r = 7.0 * layout.unit;
    let pixels: Vec<(f32, f32)> = scene
        .activities
        .iter()
        .map(|(m, _)| layout.fit.pixel(*m))
        .collect();
    // Where none overlaps a neighbour drawn later, each shows its own colour.
    let (mut symbols, mut clusters, mut seen) = (0, 0, 0);
    let drawn = cluster(&pixels, cluster_cell(r));
    for c in &drawn {
        if let [only] = c.members[..] {
            // A symbol alone: its domain's colour at its centre.
            symbols += 1;
            seen += usize::from(colour_at(c.at) == rgb(DOMAIN_COLOURS[scene.activities[only].1]));
        } else {
            // A cluster: dark around its number.
            clusters += 1;
            let cr = cluster_radius(c.members.len(), r);
            seen += usize::from(colour_at((c.at.0, c.at.1 - cr * 0.8)) == rgb(CLUSTER));
        }
    }
    assert!(
        symbols > 20 && clusters > 5,
        "{symbols} symbols, {clusters} clusters"
    );
    assert!(seen * 10 >= drawn.len() * 9, "{seen} of {} seen", drawn.len());
    // Without the layer, none of that.
    let mut plain = Settings::default().selection;
    let (scene, _) = render::scene_of(&atlas, &mut plain, Lang::Sv, "2026-11-26").expect("a scene");
    assert!(scene.activities.is_empty());
    assert!(
        !scene
            .caption
            .notes
            .iter()
            .any(|n| n.text.starts_with("Verksamheter"))
    );
}
