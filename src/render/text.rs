//! Text for rendered maps: Inter SemiBold (bundled in `assets/`, SIL OFL 1.1), measured and
//! turned into outlines with skrifa, so a PNG carries real glyphs without a system font.
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::{FontRef, MetadataProvider};

/// The bundled sans with a weight that holds up on a projector and in print.
pub static FONT_BYTES: &[u8] = include_bytes!("../../assets/Inter-SemiBold.otf");

/// The family name written into SVG, with fallbacks for viewers without Inter.
pub const SVG_FAMILY: &str = "Inter, 'Helvetica Neue', Arial, sans-serif";

/// A drawing command of a glyph outline, in pixels with y down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Segment {
    Move(f32, f32),
    Line(f32, f32),
    Quad(f32, f32, f32, f32),
    Cubic(f32, f32, f32, f32, f32, f32),
    Close,
}

/// The bundled font, parsed once per rendering.
pub struct Font<'a> {
    font: FontRef<'a>,
}

impl Font<'static> {
    pub fn bundled() -> Font<'static> {
        // The bytes are compiled in and parsed by a test, so this cannot fail at run time.
        Font {
            font: FontRef::new(FONT_BYTES).expect("the bundled font parses"),
        }
    }
}

impl Font<'_> {
    /// The width of `text` at `px` pixels (no kerning: Latin text with å, ä, ö reads fine).
    pub fn width(&self, text: &str, px: f32) -> f32 {
        let metrics = self.font.glyph_metrics(Size::new(px), LocationRef::default());
        let charmap = self.font.charmap();
        text.chars()
            .map(|c| {
                let glyph = charmap.map(c).unwrap_or_default();
                metrics.advance_width(glyph).unwrap_or(0.0)
            })
            .sum()
    }

    /// The distance from the baseline up to the top of capitals and ascenders at `px`.
    pub fn ascent(&self, px: f32) -> f32 {
        self.font.metrics(Size::new(px), LocationRef::default()).ascent
    }

    /// The outline of `text` at `px` pixels with its baseline starting at (`x`, `y`).
    pub fn outline(&self, text: &str, px: f32, x: f32, y: f32) -> Vec<Segment> {
        let size = Size::new(px);
        let metrics = self.font.glyph_metrics(size, LocationRef::default());
        let charmap = self.font.charmap();
        let glyphs = self.font.outline_glyphs();
        let mut pen = Pen {
            segments: Vec::new(),
            x,
            y,
        };
        for c in text.chars() {
            let id = charmap.map(c).unwrap_or_default();
            if let Some(glyph) = glyphs.get(id) {
                // A glyph that does not draw is left blank rather than failing the picture.
                let _ = glyph.draw(DrawSettings::unhinted(size, LocationRef::default()), &mut pen);
            }
            pen.x += metrics.advance_width(id).unwrap_or(0.0);
        }
        pen.segments
    }

    /// `text` broken into lines no wider than `max_width` at `px`, at spaces.
    pub fn wrap(&self, text: &str, px: f32, max_width: f32) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text.split(' ') {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if !line.is_empty() && self.width(&candidate, px) > max_width {
                lines.push(std::mem::replace(&mut line, word.to_string()));
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }
}

/// Collects a glyph's outline, flipping font units (y up) into picture pixels (y down).
struct Pen {
    segments: Vec<Segment>,
    x: f32,
    y: f32,
}

impl OutlinePen for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.segments.push(Segment::Move(self.x + x, self.y - y));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.segments.push(Segment::Line(self.x + x, self.y - y));
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.segments
            .push(Segment::Quad(self.x + cx0, self.y - cy0, self.x + x, self.y - y));
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.segments.push(Segment::Cubic(
            self.x + cx0,
            self.y - cy0,
            self.x + cx1,
            self.y - cy1,
            self.x + x,
            self.y - y,
        ));
    }
    fn close(&mut self) {
        self.segments.push(Segment::Close);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_font_has_swedish_letters_and_measures_wider_for_longer_text() {
        let font = Font::bundled();
        assert!(font.width("Göteborgsregionen", 20.0) > font.width("Göteborg", 20.0));
        assert!(font.width("Å", 40.0) > 1.5 * font.width("Å", 20.0));
        // å, ä and ö have glyphs of their own (an outline), not the blank of a missing one.
        for c in ['å', 'ä', 'ö', 'Å', 'Ä', 'Ö', '–', '·'] {
            assert!(font.outline(&c.to_string(), 20.0, 0.0, 20.0).len() > 3, "{c}");
        }
        assert!(font.ascent(20.0) > 10.0 && font.ascent(20.0) < 25.0);
    }

    #[test]
    fn text_wraps_at_spaces_within_the_width() {
        let font = Font::bundled();
        let lines = font.wrap("Andel förvärvsarbetande bland invånare 20–64 år", 20.0, 200.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(
            lines
                .iter()
                .all(|l| font.width(l, 20.0) <= 200.0 || !l.contains(' '))
        );
        assert_eq!(lines.join(" "), "Andel förvärvsarbetande bland invånare 20–64 år");
    }
}
