//! Map pictures without a window, a display or a GPU: the same View, palette and caption as
//! the app, laid out as title, map, legend and footer, drawn as PNG (tiny-skia) or SVG.
//! Used by `segkarta render` and by the app's export.
use crate::i18n::Lang;
use crate::map::palette::{self, Rgb};
use crate::model::{AreaLayer, Atlas, Level, is_gr_municipality};
use crate::state::Selection;
use crate::view::View;
use crate::view::caption::{Caption, NoteKind};

mod raster;
mod svg;
pub mod text;

pub use raster::png;
pub use svg::svg;

/// What an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Png,
    Svg,
    /// The map's table (`view::table::map_csv`).
    Csv,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Png => "png",
            ExportFormat::Svg => "svg",
            ExportFormat::Csv => "csv",
        }
    }
}

/// Write `scene` as a `format` picture of `width` × `height` to `path`, atomically (a failed
/// write leaves any earlier file as it was).
pub fn write_picture(
    scene: &Scene,
    format: ExportFormat,
    (width, height): (u32, u32),
    path: &std::path::Path,
) -> anyhow::Result<()> {
    let bytes = match format {
        ExportFormat::Png => png(scene, width, height)?.0,
        ExportFormat::Svg => svg(scene, width, height).0.into_bytes(),
        ExportFormat::Csv => anyhow::bail!("a table is not a picture"),
    };
    crate::io::write_atomically(path, &bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// A ring of a polygon in zoom-0 Web Mercator pixels (the world is 256 wide), as the map.
pub type Ring = Vec<(f64, f64)>;

/// One filled shape: a multipolygon's rings (holes included; filled even-odd).
#[derive(Clone, Debug)]
pub struct Shape {
    pub rings: Vec<Ring>,
    pub fill: Rgb,
}

/// Everything a picture of one map shows, in map coordinates and plain colours.
#[derive(Clone, Debug)]
pub struct Scene {
    /// Municipalities around a finer level (those it does not cover), drawn first.
    pub context: Vec<Shape>,
    /// The areas of the level shown, with their class colours.
    pub areas: Vec<Shape>,
    /// GR's municipal borders, drawn over the areas so the region reads at any level.
    pub borders: Vec<Ring>,
    /// The selected area's rings.
    pub selected: Vec<Ring>,
    /// The extent to fit: GR, or all areas when Sweden is compared.
    pub extent: (f64, f64, f64, f64),
    /// A map centre (longitude, latitude) and walkers zoom to show instead of fitting the
    /// extent (a slide's saved view); the zoom holds at 1920 × 1080 and scales with the size.
    pub focus: Option<(f64, f64, f64)>,
    pub caption: Caption,
    /// Side by side: map B's areas (the classes both share), and what each map shows
    /// ("2024", "2011"), labelled over each half.
    pub second: Option<SecondMap>,
    pub lang: Lang,
    /// The day the picture was made, as the footer states it.
    pub date: String,
    /// The activities layer, when it is on: each activity with a place (map coordinates) and
    /// the domain its symbol shows.
    pub activities: Vec<((f64, f64), usize)>,
}

/// The second map of a side-by-side picture.
#[derive(Clone, Debug)]
pub struct SecondMap {
    pub areas: Vec<Shape>,
    pub label_a: String,
    pub label_b: String,
}

/// Colours of the picture beside the palette's: the same as the app's.
pub const SEA: Rgb = Rgb(0xdc, 0xe6, 0xee);
pub const OUTLINE: Rgb = Rgb(0xff, 0xff, 0xff);
pub const BORDER: Rgb = Rgb(0x33, 0x33, 0x33);
pub const TEXT: Rgb = Rgb(0x1a, 0x1a, 0x1a);
pub const MUTED: Rgb = Rgb(0x5a, 0x5a, 0x5a);
pub const DEMO: Rgb = Rgb(0xb3, 0x3c, 0x00);
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
pub const SWATCH_EDGE: Rgb = Rgb(0x60, 0x60, 0x60);

/// Lon/lat to zoom-0 Web Mercator pixels, as walkers projects them.
pub fn mercator(lon: f64, lat: f64) -> (f64, f64) {
    let lat = lat.clamp(-85.05, 85.05).to_radians();
    let x = (lon + 180.0) / 360.0 * 256.0;
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0 * 256.0;
    (x, y)
}

fn rings_of(geometry: &geo::MultiPolygon<f64>) -> Vec<Ring> {
    let ring = |line: &geo::LineString<f64>| line.coords().map(|c| mercator(c.x, c.y)).collect();
    geometry
        .0
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .map(ring)
        .collect()
}

impl Scene {
    /// The scene of `view` (the map of `sel` on `layer`), captioned in `lang`.
    pub fn build(
        atlas: &Atlas,
        layer: &AreaLayer,
        view: &View,
        sel: &Selection,
        lang: Lang,
        date: &str,
    ) -> Option<Scene> {
        let caption = Caption::of(atlas, view, sel, lang)?;
        let areas: Vec<Shape> = layer
            .areas
            .iter()
            .zip(&view.fills)
            .map(|(area, fill)| Shape {
                rings: rings_of(area.drawn()),
                fill: *fill,
            })
            .collect();
        let municipalities = atlas.layer(&Level::Kommun);
        let mut context = Vec::new();
        if let Some(kommuner) = municipalities.filter(|_| layer.level != Level::Kommun) {
            for (area, covered) in kommuner
                .areas
                .iter()
                .zip(crate::map::clip::covered_municipalities(kommuner, layer))
            {
                if !covered {
                    context.push(Shape {
                        rings: rings_of(area.drawn()),
                        fill: palette::CONTEXT,
                    });
                }
            }
        }
        let borders = municipalities
            .map(|k| {
                k.areas
                    .iter()
                    .filter(|a| is_gr_municipality(&a.code))
                    .flat_map(|a| rings_of(a.drawn()))
                    .collect()
            })
            .unwrap_or_default();
        let selected = sel
            .area
            .as_deref()
            .and_then(|code| layer.get(code))
            .map(|a| rings_of(a.drawn()))
            .unwrap_or_default();
        let in_extent = |i: usize| if sel.national { true } else { view.in_gr[i] };
        let mut extent = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
        for (_, shape) in areas.iter().enumerate().filter(|(i, _)| in_extent(*i)) {
            for &(x, y) in shape.rings.iter().flatten() {
                extent = (extent.0.min(x), extent.1.min(y), extent.2.max(x), extent.3.max(y));
            }
        }
        if !extent.0.is_finite() {
            return None;
        }
        let shown = crate::view::activities::ActivityView::compute(atlas, sel);
        let mut caption = caption;
        if shown.shown && !shown.points.is_empty() {
            // The symbols' key under the legend's notes, and the demo mark for invented ones.
            caption.notes.push(crate::view::caption::Note {
                text: activity_key(atlas, lang),
                kind: crate::view::caption::NoteKind::Plain,
            });
            caption.demo |= shown.demo;
        }
        let activities = shown
            .points
            .iter()
            .map(|p| (mercator(p.lonlat.0, p.lonlat.1), p.domain))
            .collect();
        Some(Scene {
            context,
            areas,
            borders,
            selected,
            extent,
            focus: None,
            caption,
            second: None,
            lang,
            date: date.to_string(),
            activities,
        })
    }
}

impl Scene {
    /// The scene as the comparison `c` shows it: a difference map as the difference, side by
    /// side as both maps in two halves with the classes they share; captioned to match.
    pub fn with_comparison(
        mut self,
        atlas: &Atlas,
        view: &View,
        c: &crate::view::compare::CompareView,
        sel: &Selection,
        lang: Lang,
    ) -> Scene {
        for (shape, fill) in self.areas.iter_mut().zip(&c.fills_a) {
            shape.fill = *fill;
        }
        let Some(mut caption) = Caption::of_comparison(atlas, view, c, sel, lang) else {
            return self;
        };
        if c.mode == crate::view::compare::CompareMode::SideBySide {
            let (label_a, label_b) = crate::view::caption::compared_parts(atlas, sel, &c.b_selection, lang);
            let areas = self
                .areas
                .iter()
                .zip(&c.fills_b)
                .map(|(shape, fill)| Shape {
                    rings: shape.rings.clone(),
                    fill: *fill,
                })
                .collect();
            self.second = Some(SecondMap {
                areas,
                label_a,
                label_b,
            });
            // The period (or group) differs between the halves: each half names its own.
            caption.period = String::new();
        }
        self.caption = caption;
        self
    }
}

/// What a picture is drawn on: a raster or an SVG document. Coordinates in picture pixels.
pub(crate) trait Canvas {
    /// Fill `rings` (even-odd) and, when given, stroke them.
    fn shape(&mut self, rings: &[Vec<(f32, f32)>], fill: Option<Rgb>, stroke: Option<(Rgb, f32)>);
    fn rect(&mut self, rect: Rect, fill: Rgb, stroke: Option<(Rgb, f32)>);
    /// `text` at `px` with its baseline starting at (`x`, `y`).
    fn text(&mut self, text: &str, px: f32, x: f32, y: f32, colour: Rgb);
    /// Clip what follows to `rect` (`None`: no clip).
    fn clip(&mut self, rect: Option<Rect>);
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

/// Where the parts of a picture go, computed once for both outputs.
#[derive(Clone, Debug)]
pub struct Layout {
    /// Size unit: 1 at 1920 × 1080, 2 at 3840 × 2160.
    pub unit: f32,
    pub map: Rect,
    pub legend: Rect,
    /// Where map coordinates land in the picture.
    pub fit: Fit,
}

/// The map's scale and centre in the picture: `extent` fitted into the map's rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    scale: f64,
    centre: (f64, f64),
    middle: (f64, f64),
}

impl Fit {
    fn new((x0, y0, x1, y1): (f64, f64, f64, f64), map: Rect) -> Fit {
        // A little room around the region, as the app's "Zoom to GR" leaves.
        let pad = 1.06;
        let (w, h) = (((x1 - x0) * pad).max(1e-12), ((y1 - y0) * pad).max(1e-12));
        Fit {
            scale: (f64::from(map.w) / w).min(f64::from(map.h) / h),
            centre: ((x0 + x1) / 2.0, (y0 + y1) / 2.0),
            middle: (f64::from(map.x + map.w / 2.0), f64::from(map.y + map.h / 2.0)),
        }
    }

    /// `centre` at the middle of `map`, at walkers' `zoom` times the size unit `u`.
    fn focused(centre: (f64, f64), zoom: f64, u: f32, map: Rect) -> Fit {
        Fit {
            scale: 2f64.powf(zoom) * f64::from(u),
            centre,
            middle: (f64::from(map.x + map.w / 2.0), f64::from(map.y + map.h / 2.0)),
        }
    }

    /// A map coordinate (zoom-0 mercator) in picture pixels.
    pub fn pixel(&self, (x, y): (f64, f64)) -> (f32, f32) {
        (
            ((x - self.centre.0) * self.scale + self.middle.0) as f32,
            ((y - self.centre.1) * self.scale + self.middle.1) as f32,
        )
    }

    /// A WGS84 longitude and latitude in picture pixels.
    pub fn pixel_of_lonlat(&self, lon: f64, lat: f64) -> (f32, f32) {
        self.pixel(mercator(lon, lat))
    }
}

/// Draw `scene` on a `width` × `height` canvas.
pub(crate) fn draw(scene: &Scene, width: f32, height: f32, canvas: &mut impl Canvas) -> Layout {
    let font = text::Font::bundled();
    let caption = &scene.caption;
    let u = (width / 1920.0).min(height / 1080.0).max(0.25);
    let margin = 36.0 * u;
    canvas.rect(
        Rect {
            x: 0.0,
            y: 0.0,
            w: width,
            h: height,
        },
        WHITE,
        None,
    );

    // Title: the indicator large, then group, period and level, since these carry over
    // between domains and a picture must say which it shows.
    let title_px = 40.0 * u;
    let mut y = margin + font.ascent(title_px);
    let demo_label = scene.lang.pick("DEMODATA", "DEMO DATA");
    let demo_w = if caption.demo {
        font.width(demo_label, 18.0 * u) + 20.0 * u
    } else {
        0.0
    };
    let title_lines = font.wrap(&caption.title, title_px, width - 2.0 * margin - demo_w - 16.0 * u);
    for (i, line) in title_lines.iter().enumerate() {
        canvas.text(line, title_px, margin, y, TEXT);
        if i == 0 && caption.demo {
            let x = margin + font.width(line, title_px) + 16.0 * u;
            demo_badge(canvas, &font, demo_label, x, y - 28.0 * u, u);
        }
        y += title_px * 1.2;
    }
    let sub_px = 26.0 * u;
    canvas.text(
        &caption.subtitle(),
        sub_px,
        margin,
        y - title_px * 0.2 + sub_px * 0.4,
        MUTED,
    );
    let top = y + sub_px * 0.6;

    // Footer: source, date and, for synthetic values, what they are.
    let foot_px = 17.0 * u;
    let foot_y = height - margin * 0.6;
    let made = format!(
        "{} {}",
        scene.lang.pick("Skapad med segkarta", "Made with segkarta"),
        scene.date
    );
    let footer = format!("{} · {made}", caption.source);
    canvas.text(&footer, foot_px, margin, foot_y, MUTED);
    if caption.demo {
        let note = scene.lang.pick(
            "DEMODATA: påhittade värden som visar hur segkarta fungerar, inte statistik",
            "DEMO DATA: invented values that show how segkarta works, not statistics",
        );
        canvas.text(note, foot_px, margin, foot_y - foot_px * 1.5, DEMO);
    }
    let bottom = foot_y - foot_px * if caption.demo { 3.0 } else { 1.6 };

    // Legend to the right of the map, never over it.
    let legend_w = (420.0 * u).min(width * 0.4);
    let legend = Rect {
        x: width - margin - legend_w,
        y: top,
        w: legend_w,
        h: bottom - top,
    };
    draw_legend(caption, &font, legend, u, canvas);

    let map = Rect {
        x: margin,
        y: top,
        w: legend.x - 2.0 * margin * 0.75 - margin * 0.5,
        h: bottom - top,
    };
    let fit_in = |map: Rect| match scene.focus {
        Some((lon, lat, zoom)) => Fit::focused(mercator(lon, lat), zoom, u, map),
        None => Fit::new(scene.extent, map),
    };
    let fit = match &scene.second {
        None => {
            let fit = fit_in(map);
            draw_map(scene, &scene.areas, map, fit, u, canvas);
            fit
        }
        Some(second) => {
            // Two halves on the same extent and scale, each labelled with what it shows.
            let half = (map.w - 16.0 * u) / 2.0;
            let left = Rect { w: half, ..map };
            let right = Rect {
                x: map.x + map.w - half,
                w: half,
                ..map
            };
            let fit = fit_in(left);
            draw_map(scene, &scene.areas, left, fit, u, canvas);
            draw_map(scene, &second.areas, right, fit_in(right), u, canvas);
            for (rect, label) in [(left, &second.label_a), (right, &second.label_b)] {
                let px = 24.0 * u;
                let w = font.width(label, px) + 20.0 * u;
                canvas.rect(
                    Rect {
                        x: rect.x + 10.0 * u,
                        y: rect.y + 10.0 * u,
                        w,
                        h: px * 1.5,
                    },
                    WHITE,
                    Some((SWATCH_EDGE, u)),
                );
                canvas.text(label, px, rect.x + 20.0 * u, rect.y + 10.0 * u + px * 1.1, TEXT);
            }
            fit
        }
    };
    Layout {
        unit: u,
        map,
        legend,
        fit,
    }
}

fn demo_badge(canvas: &mut impl Canvas, font: &text::Font, label: &str, x: f32, y: f32, u: f32) {
    let px = 18.0 * u;
    let w = font.width(label, px) + 20.0 * u;
    canvas.rect(Rect { x, y, w, h: 30.0 * u }, DEMO, None);
    canvas.text(label, px, x + 10.0 * u, y + 21.5 * u, WHITE);
}

/// `text` wrapped to `width` from (`x`, `y`); `y` moves below it.
#[allow(clippy::too_many_arguments)]
fn paragraph(
    canvas: &mut impl Canvas,
    font: &text::Font,
    text: &str,
    px: f32,
    x: f32,
    width: f32,
    y: &mut f32,
    colour: Rgb,
) {
    for line in font.wrap(text, px, width) {
        canvas.text(&line, px, x, *y, colour);
        *y += px * 1.3;
    }
}

fn draw_legend(caption: &Caption, font: &text::Font, area: Rect, u: f32, canvas: &mut impl Canvas) {
    let body = 21.0 * u;
    let small = 17.0 * u;
    let mut y = area.y + font.ascent(body);
    paragraph(canvas, font, &caption.what(), body, area.x, area.w, &mut y, TEXT);
    paragraph(
        canvas,
        font,
        &caption.method,
        small,
        area.x,
        area.w,
        &mut y,
        MUTED,
    );
    y += 8.0 * u;
    if let Some(heading) = &caption.entries_heading {
        paragraph(canvas, font, heading, small, area.x, area.w, &mut y, MUTED);
    }
    let swatch = (44.0 * u, 26.0 * u);
    y += 6.0 * u;
    for entry in &caption.entries {
        canvas.rect(
            Rect {
                x: area.x,
                y: y - swatch.1 * 0.8,
                w: swatch.0,
                h: swatch.1,
            },
            entry.colour,
            Some((SWATCH_EDGE, u)),
        );
        let x = area.x + swatch.0 + 12.0 * u;
        canvas.text(&entry.label, body, x, y, TEXT);
        if let Some(n) = entry.count {
            let after = x + font.width(&entry.label, body) + 8.0 * u;
            canvas.text(&format!("({n})"), small, after, y, MUTED);
        }
        y += 36.0 * u;
    }
    y += 4.0 * u;
    for note in &caption.notes {
        let (px, colour) = match note.kind {
            NoteKind::Plain | NoteKind::Strong => (body, TEXT),
            NoteKind::Warning => (small, DEMO),
        };
        paragraph(canvas, font, &note.text, px, area.x, area.w, &mut y, colour);
    }
}

/// The legend's line for the activities: which colour is which domain (the shapes follow the
/// same order: circle, square, diamond, triangle, pentagon).
fn activity_key(atlas: &Atlas, lang: Lang) -> String {
    let shapes = [
        lang.pick("cirkel", "circle"),
        lang.pick("kvadrat", "square"),
        lang.pick("romb", "diamond"),
        lang.pick("triangel", "triangle"),
        lang.pick("femhörning", "pentagon"),
    ];
    let parts: Vec<String> = crate::analysis::needs::DOMAINS
        .iter()
        .zip(shapes)
        .map(|(d, shape)| {
            let name = atlas.catalogue.domain(d).map_or(*d, |x| lang.pick(&x.sv, &x.en));
            format!("{shape} {}", name.to_lowercase())
        })
        .collect();
    format!(
        "{}: {}; {}",
        lang.pick("Verksamheter", "Activities"),
        parts.join(", "),
        lang.pick(
            "mörk ring med tal: så många nära varandra",
            "dark circle with a number: that many close together"
        )
    )
}

/// The activities over the map: a symbol each, or a numbered circle where they crowd.
fn draw_activities(scene: &Scene, fit: &Fit, u: f32, canvas: &mut impl Canvas) {
    use crate::view::activities::{
        CLUSTER, DOMAIN_COLOURS, cluster, cluster_cell, cluster_radius, symbol_outline,
    };
    if scene.activities.is_empty() {
        return;
    }
    let r = 7.0 * u;
    let pixels: Vec<(f32, f32)> = scene.activities.iter().map(|(p, _)| fit.pixel(*p)).collect();
    let font = text::Font::bundled();
    let circle = |at: (f32, f32), r: f32| symbol_outline(0, at, r);
    for c in cluster(&pixels, cluster_cell(r)) {
        if let [only] = c.members[..] {
            let domain = scene.activities[only].1;
            canvas.shape(&[circle(c.at, r * 1.3)], Some(WHITE), None);
            let fill = DOMAIN_COLOURS[domain.min(DOMAIN_COLOURS.len() - 1)];
            canvas.shape(
                &[symbol_outline(domain, c.at, r)],
                Some(fill),
                Some((WHITE, 1.2 * u)),
            );
        } else {
            let n = c.members.len().to_string();
            let cr = cluster_radius(c.members.len(), r);
            canvas.shape(&[circle(c.at, cr + 1.5 * u)], Some(WHITE), None);
            canvas.shape(&[circle(c.at, cr)], Some(CLUSTER), None);
            let px = r * 1.3;
            let w = font.width(&n, px);
            canvas.text(&n, px, c.at.0 - w / 2.0, c.at.1 + px * 0.36, WHITE);
        }
    }
}

fn draw_map(scene: &Scene, areas: &[Shape], map: Rect, fit: Fit, u: f32, canvas: &mut impl Canvas) {
    canvas.rect(map, SEA, None);
    canvas.clip(Some(map));
    let to_px = |rings: &[Ring]| -> Vec<Vec<(f32, f32)>> {
        rings
            .iter()
            .map(|r| r.iter().map(|p| fit.pixel(*p)).collect())
            .collect()
    };
    for shape in &scene.context {
        canvas.shape(&to_px(&shape.rings), Some(shape.fill), Some((OUTLINE, 0.8 * u)));
    }
    for shape in areas {
        canvas.shape(&to_px(&shape.rings), Some(shape.fill), Some((OUTLINE, 0.6 * u)));
    }
    canvas.shape(&to_px(&scene.borders), None, Some((BORDER, 1.6 * u)));
    if !scene.selected.is_empty() {
        let rings = to_px(&scene.selected);
        canvas.shape(&rings, None, Some((WHITE, 6.0 * u)));
        canvas.shape(&rings, None, Some((TEXT, 3.0 * u)));
    }
    draw_activities(scene, &fit, u, canvas);
    canvas.clip(None);
}

/// The scene of `slide` on `atlas`: its selection (made valid) and its map view.
pub fn slide_scene(
    atlas: &Atlas,
    slide: &crate::project::Slide,
    lang: Lang,
    date: &str,
) -> Option<(Scene, View)> {
    let mut sel = slide.selection.clone();
    let (mut scene, view) = scene_of(atlas, &mut sel, lang, date)?;
    scene.focus = slide.map;
    Some((scene, view))
}

/// A file name for slide `index` (0-based) named `name`: "03-sysselsattning-2024.png".
pub fn slide_file_name(index: usize, name: &str, format: ExportFormat) -> String {
    let mut slug = String::new();
    for c in name.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if !(c == '-' && (slug.is_empty() || slug.ends_with('-'))) {
            slug.push(c);
        }
    }
    let slug = slug.trim_end_matches('-');
    format!(
        "{:02}-{}.{}",
        index + 1,
        if slug.is_empty() { "bild" } else { slug },
        format.extension()
    )
}

/// Today's date (UTC) as the footer writes it, 2026-11-26.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    crate::model::Period::day_after_epoch((secs / 86_400) as i64).to_string()
}

/// The scene of the map `sel` describes, computed as the app computes it: the selection made
/// valid for the atlas, then the View (returned too, for what it says about missing values).
/// `None` when nothing can be drawn (no indicator, no areas of the level in view).
pub fn scene_of(atlas: &Atlas, sel: &mut Selection, lang: Lang, date: &str) -> Option<(Scene, View)> {
    sel.normalise(atlas);
    let layer = atlas.layer(&sel.level).or_else(|| atlas.layers.first())?;
    let weights = sel
        .lisa_map
        .then(|| crate::analysis::weights::Weights::build(layer, sel.weights));
    let view = View::compute_with(atlas, layer, sel, weights.as_ref());
    let mut scene = Scene::build(atlas, layer, &view, sel, lang, date)?;
    if let Some(cmp) = &sel.comparison {
        let c = crate::view::compare::compute(atlas, layer, sel, &view, cmp);
        scene = scene.with_comparison(atlas, &view, &c, sel, lang);
    }
    Some((scene, view))
}
