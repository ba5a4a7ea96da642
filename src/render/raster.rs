//! The picture as PNG, rasterised on the CPU by tiny-skia (anti-aliased, no display or GPU).
use tiny_skia::{FillRule, Mask, Paint, PathBuilder, Pixmap, Stroke, Transform};

use super::text::{Font, Segment};
use super::{Canvas, Layout, Rect, Scene};
use crate::map::palette::Rgb;

/// The scene as a `width` × `height` PNG file's bytes, and where its parts were laid out.
pub fn png(scene: &Scene, width: u32, height: u32) -> anyhow::Result<(Vec<u8>, Layout)> {
    let pixmap = Pixmap::new(width, height)
        .ok_or_else(|| anyhow::anyhow!("a {width} × {height} picture cannot be made (zero or too large)"))?;
    let mut canvas = Raster {
        pixmap,
        mask: None,
        font: Font::bundled(),
    };
    let layout = super::draw(scene, width as f32, height as f32, &mut canvas);
    let bytes = canvas
        .pixmap
        .encode_png()
        .map_err(|e| anyhow::anyhow!("the PNG could not be encoded: {e}"))?;
    Ok((bytes, layout))
}

struct Raster {
    pixmap: Pixmap,
    mask: Option<Mask>,
    font: Font<'static>,
}

fn paint(colour: Rgb) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(colour.0, colour.1, colour.2, 255);
    paint.anti_alias = true;
    paint
}

fn rings_path(rings: &[Vec<(f32, f32)>]) -> Option<tiny_skia::Path> {
    let mut pb = PathBuilder::new();
    for ring in rings {
        let mut points = ring.iter();
        let Some(&(x, y)) = points.next() else { continue };
        pb.move_to(x, y);
        for &(x, y) in points {
            pb.line_to(x, y);
        }
        pb.close();
    }
    pb.finish()
}

impl Raster {
    /// Outline `path` in `colour`, `width` pixels wide, with round joins.
    fn stroke(&mut self, path: &tiny_skia::Path, (colour, width): (Rgb, f32)) {
        let stroke = Stroke {
            width,
            line_join: tiny_skia::LineJoin::Round,
            ..Stroke::default()
        };
        self.pixmap.stroke_path(
            path,
            &paint(colour),
            &stroke,
            Transform::identity(),
            self.mask.as_ref(),
        );
    }
}

impl Canvas for Raster {
    fn shape(&mut self, rings: &[Vec<(f32, f32)>], fill: Option<Rgb>, stroke: Option<(Rgb, f32)>) {
        let Some(path) = rings_path(rings) else { return };
        if let Some(fill) = fill {
            self.pixmap.fill_path(
                &path,
                &paint(fill),
                FillRule::EvenOdd,
                Transform::identity(),
                self.mask.as_ref(),
            );
        }
        if let Some(stroke) = stroke {
            self.stroke(&path, stroke);
        }
    }

    fn rect(&mut self, rect: Rect, fill: Rgb, stroke: Option<(Rgb, f32)>) {
        let Some(r) = tiny_skia::Rect::from_xywh(rect.x, rect.y, rect.w, rect.h) else {
            return;
        };
        self.pixmap
            .fill_rect(r, &paint(fill), Transform::identity(), self.mask.as_ref());
        if let Some(stroke) = stroke {
            self.stroke(&PathBuilder::from_rect(r), stroke);
        }
    }

    fn text(&mut self, text: &str, px: f32, x: f32, y: f32, colour: Rgb) {
        let mut pb = PathBuilder::new();
        for segment in self.font.outline(text, px, x, y) {
            match segment {
                Segment::Move(x, y) => pb.move_to(x, y),
                Segment::Line(x, y) => pb.line_to(x, y),
                Segment::Quad(a, b, x, y) => pb.quad_to(a, b, x, y),
                Segment::Cubic(a, b, c, d, x, y) => pb.cubic_to(a, b, c, d, x, y),
                Segment::Close => pb.close(),
            }
        }
        if let Some(path) = pb.finish() {
            self.pixmap.fill_path(
                &path,
                &paint(colour),
                FillRule::Winding,
                Transform::identity(),
                self.mask.as_ref(),
            );
        }
    }

    fn clip(&mut self, rect: Option<Rect>) {
        self.mask = rect.and_then(|r| {
            let mut mask = Mask::new(self.pixmap.width(), self.pixmap.height())?;
            let path = PathBuilder::from_rect(tiny_skia::Rect::from_xywh(r.x, r.y, r.w, r.h)?);
            mask.fill_path(&path, FillRule::Winding, false, Transform::identity());
            Some(mask)
        });
    }
}
