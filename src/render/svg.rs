//! The picture as SVG: the same layout as the PNG, with areas as paths and text as text (so a
//! report's editor can search and restyle it).
use std::fmt::Write as _;

use super::text::SVG_FAMILY;
use super::{Canvas, Layout, Rect, Scene};
use crate::map::palette::Rgb;

/// The scene as a `width` × `height` SVG document, and where its parts were laid out.
pub fn svg(scene: &Scene, width: u32, height: u32) -> (String, Layout) {
    let mut canvas = Svg {
        body: String::new(),
        clips: 0,
        clipped: false,
    };
    let layout = super::draw(scene, width as f32, height as f32, &mut canvas);
    let mut doc = String::new();
    let _ = write!(
        doc,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n<title>{}</title>\n",
        escape(&scene.caption.title_line())
    );
    doc.push_str(&canvas.body);
    if canvas.clipped {
        doc.push_str("</g>\n");
    }
    doc.push_str("</svg>\n");
    (doc, layout)
}

struct Svg {
    body: String,
    clips: usize,
    clipped: bool,
}

fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn paint(fill: Option<Rgb>, stroke: Option<(Rgb, f32)>) -> String {
    let mut s = match fill {
        Some(c) => format!("fill=\"{}\" fill-rule=\"evenodd\"", hex(c)),
        None => "fill=\"none\"".into(),
    };
    if let Some((c, w)) = stroke {
        let _ = write!(
            s,
            " stroke=\"{}\" stroke-width=\"{w:.2}\" stroke-linejoin=\"round\"",
            hex(c)
        );
    }
    s
}

impl Canvas for Svg {
    fn shape(&mut self, rings: &[Vec<(f32, f32)>], fill: Option<Rgb>, stroke: Option<(Rgb, f32)>) {
        let mut d = String::new();
        for ring in rings.iter().filter(|r| r.len() > 2) {
            for (i, (x, y)) in ring.iter().enumerate() {
                let _ = write!(d, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
            }
            d.push('Z');
        }
        if !d.is_empty() {
            let _ = writeln!(self.body, "<path d=\"{d}\" {}/>", paint(fill, stroke));
        }
    }

    fn rect(&mut self, r: Rect, fill: Rgb, stroke: Option<(Rgb, f32)>) {
        let _ = writeln!(
            self.body,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" {}/>",
            r.x,
            r.y,
            r.w,
            r.h,
            paint(Some(fill), stroke).replace(" fill-rule=\"evenodd\"", "")
        );
    }

    fn text(&mut self, text: &str, px: f32, x: f32, y: f32, colour: Rgb) {
        let _ = writeln!(
            self.body,
            "<text x=\"{x:.1}\" y=\"{y:.1}\" font-family=\"{SVG_FAMILY}\" font-weight=\"600\" font-size=\"{px:.1}\" fill=\"{}\">{}</text>",
            hex(colour),
            escape(text)
        );
    }

    fn clip(&mut self, rect: Option<Rect>) {
        if self.clipped {
            self.body.push_str("</g>\n");
            self.clipped = false;
        }
        if let Some(r) = rect {
            self.clips += 1;
            let _ = writeln!(
                self.body,
                "<clipPath id=\"clip{}\"><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\"/></clipPath>\n<g clip-path=\"url(#clip{})\">",
                self.clips, r.x, r.y, r.w, r.h, self.clips
            );
            self.clipped = true;
        }
    }
}
