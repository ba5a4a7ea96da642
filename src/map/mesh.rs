//! Area polygons triangulated once into flat vertex and index arrays, at a few levels of
//! detail, so that a frame only transforms, recolours and culls.
//!
//! Coordinates: `lonlat` is WGS84; `merc` is Web Mercator pixels at zoom 0 (the world is
//! 256 × 256), stored relative to an anchor point as f32 so that precision holds at street
//! zoom; `screen` is egui points. One [`ScreenTransform`] converts `merc` to `screen`.
use std::ops::Range;

use egui::{Color32, Pos2, Rect, epaint::Vertex};
use geo::{LineString, MapCoords, MultiPolygon, Polygon, Simplify, TriangulateEarcut};
use walkers::{MercatorProjection, Position, Projection, Projector, lon_lat};

use crate::model::AreaLayer;

/// Simplification tolerances of the detail bands, in zoom-0 mercator pixels: a band is used
/// when its tolerance is below about half a screen pixel. The last band is the full geometry.
const BAND_TOLERANCES: [f64; 5] = [1.0 / 32.0, 1.0 / 256.0, 1.0 / 2048.0, 1.0 / 16384.0, 0.0];
/// Largest on-screen simplification error accepted, in points.
const MAX_ERROR_POINTS: f64 = 0.5;

/// Lon/lat to zoom-0 mercator pixels.
pub fn merc_of(lonlat: Position) -> (f64, f64) {
    let p = MercatorProjection.project(lonlat, 0.0);
    (p.x(), p.y())
}

/// One level of detail of a whole layer.
#[derive(Clone, Debug, Default)]
pub struct Band {
    pub tolerance: f64,
    /// Fill vertices in anchor-relative zoom-0 mercator pixels.
    pub fill_merc: Vec<Pos2>,
    pub fill_indices: Vec<u32>,
    /// Per area: its vertex and index ranges.
    pub area_fill: Vec<(Range<u32>, Range<u32>)>,
    /// Ring vertices for outlines; each ring is closed implicitly.
    pub ring_merc: Vec<Pos2>,
    /// Per area: ranges into `rings`.
    pub area_rings: Vec<Range<u32>>,
    pub rings: Vec<Range<u32>>,
}

impl Band {
    pub fn vertex_count(&self) -> usize {
        self.fill_merc.len()
    }
}

/// A tessellated layer.
#[derive(Clone, Debug)]
pub struct LayerMesh {
    pub anchor_lonlat: Position,
    anchor_merc: (f64, f64),
    /// Per area bounding box in anchor-relative mercator pixels (from the full geometry).
    pub area_bbox: Vec<Rect>,
    pub bands: Vec<Band>,
}

/// Maps anchor-relative zoom-0 mercator pixels to screen points for one frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenTransform {
    /// Where the anchor is on screen.
    pub origin: Pos2,
    /// Screen points per zoom-0 mercator pixel (2^zoom).
    pub scale: f32,
}

impl ScreenTransform {
    pub fn from_projector(mesh: &LayerMesh, projector: &Projector) -> Self {
        let origin = projector.project(mesh.anchor_lonlat).to_pos2();
        Self {
            origin,
            scale: 2f64.powf(projector.zoom()) as f32,
        }
    }

    #[inline]
    pub fn apply(&self, merc: Pos2) -> Pos2 {
        Pos2::new(
            self.origin.x + merc.x * self.scale,
            self.origin.y + merc.y * self.scale,
        )
    }

    pub fn apply_rect(&self, r: Rect) -> Rect {
        Rect::from_min_max(self.apply(r.min), self.apply(r.max))
    }
}

impl LayerMesh {
    /// Triangulate every area of `layer` at every detail band.
    pub fn build(layer: &AreaLayer) -> Self {
        let bbox = layer.bbox_of(|_| true);
        let anchor_lonlat = bbox.map_or(lon_lat(12.0, 57.7), |r| lon_lat(r.center().x, r.center().y));
        let anchor_merc = merc_of(anchor_lonlat);
        let to_local = |lonlat: &geo::Coord<f64>| {
            let (x, y) = merc_of(lon_lat(lonlat.x, lonlat.y));
            Pos2::new((x - anchor_merc.0) as f32, (y - anchor_merc.1) as f32)
        };
        // Project once in f64, simplify in mercator space so tolerances are screen-true.
        let projected: Vec<MultiPolygon<f64>> = layer
            .areas
            .iter()
            .map(|a| {
                a.drawn().map_coords(|c| {
                    let (x, y) = merc_of(lon_lat(c.x, c.y));
                    geo::coord! { x: x - anchor_merc.0, y: y - anchor_merc.1 }
                })
            })
            .collect();
        let area_bbox = layer
            .areas
            .iter()
            .map(|a| match a.bbox_lonlat {
                Some(r) => {
                    // Latitude flips in mercator: max latitude is min y.
                    let p0 = to_local(&geo::coord! { x: r.min().x, y: r.max().y });
                    let p1 = to_local(&geo::coord! { x: r.max().x, y: r.min().y });
                    Rect::from_min_max(p0, p1)
                }
                None => Rect::NOTHING,
            })
            .collect();
        // The bands are independent: build them on parallel threads. The full-detail band is
        // the largest, so it gets a thread of its own and the coarse ones share the other.
        let (full, coarse) = BAND_TOLERANCES.split_last().unwrap_or((&0.0, &[]));
        let bands = std::thread::scope(|scope| {
            let full = scope.spawn(|| build_band(&projected, *full));
            let mut bands: Vec<Band> = coarse.iter().map(|t| build_band(&projected, *t)).collect();
            bands.push(full.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            bands
        });
        Self {
            anchor_lonlat,
            anchor_merc,
            area_bbox,
            bands,
        }
    }

    /// The coarsest band whose simplification error stays below half a point at `zoom`.
    pub fn band_for_zoom(&self, zoom: f64) -> &Band {
        let scale = 2f64.powf(zoom);
        self.bands
            .iter()
            .find(|b| b.tolerance * scale <= MAX_ERROR_POINTS)
            .unwrap_or_else(|| &self.bands[self.bands.len() - 1])
    }

    /// Anchor-relative mercator position of a lon/lat point.
    pub fn local_of(&self, lonlat: Position) -> Pos2 {
        let (x, y) = merc_of(lonlat);
        Pos2::new((x - self.anchor_merc.0) as f32, (y - self.anchor_merc.1) as f32)
    }

    /// Paint one frame: fills in `fills` colours and thin outlines, for the areas that touch
    /// `viewport`, into `out` (cleared first, so its allocation is reused between frames).
    pub fn paint_into(
        &self,
        out: &mut egui::Mesh,
        transform: ScreenTransform,
        viewport: Rect,
        fills: &[Color32],
        outline: (f32, Color32),
    ) {
        out.clear();
        let band = self.band_for_zoom((transform.scale as f64).log2());
        // A fully transparent fill leaves the area out, outline and all.
        let visible: Vec<usize> = (0..self.area_bbox.len())
            .filter(|i| fills.get(*i).is_none_or(|c| c.a() > 0))
            .filter(|i| transform.apply_rect(self.area_bbox[*i]).intersects(viewport))
            .collect();
        for &i in &visible {
            let (verts, idx) = &band.area_fill[i];
            let colour = fills.get(i).copied().unwrap_or(Color32::GRAY);
            let base = out.vertices.len() as u32;
            out.vertices.extend(
                band.fill_merc[verts.start as usize..verts.end as usize]
                    .iter()
                    .map(|p| Vertex {
                        pos: transform.apply(*p),
                        uv: egui::epaint::WHITE_UV,
                        color: colour,
                    }),
            );
            out.indices.extend(
                band.fill_indices[idx.start as usize..idx.end as usize]
                    .iter()
                    .map(|j| j - verts.start + base),
            );
        }
        let (width, colour) = outline;
        if width <= 0.0 {
            return;
        }
        for &i in &visible {
            for ring in &band.rings[band.area_rings[i].start as usize..band.area_rings[i].end as usize] {
                let pts = &band.ring_merc[ring.start as usize..ring.end as usize];
                add_ring_outline(out, pts, transform, width, colour);
            }
        }
    }

    /// Screen-space closed paths of an area's rings, for highlight strokes.
    pub fn area_outline(&self, area: usize, transform: ScreenTransform) -> Vec<Vec<Pos2>> {
        let band = self.band_for_zoom((transform.scale as f64).log2());
        let Some(rings) = band.area_rings.get(area) else {
            return Vec::new();
        };
        band.rings[rings.start as usize..rings.end as usize]
            .iter()
            .map(|r| {
                band.ring_merc[r.start as usize..r.end as usize]
                    .iter()
                    .map(|p| transform.apply(*p))
                    .collect()
            })
            .collect()
    }
}

/// A closed ring as quads of `width` around each segment. Simpler than egui's path stroker and
/// much cheaper for thousands of rings; at outline widths of about a point the joins are not
/// visible.
fn add_ring_outline(out: &mut egui::Mesh, pts: &[Pos2], t: ScreenTransform, width: f32, colour: Color32) {
    let half = width / 2.0;
    let n = pts.len();
    for k in 0..n {
        let a = t.apply(pts[k]);
        let b = t.apply(pts[(k + 1) % n]);
        let d = b - a;
        let len = d.length();
        if len < 1e-3 {
            continue;
        }
        let normal = egui::vec2(-d.y, d.x) * (half / len);
        let base = out.vertices.len() as u32;
        for p in [a + normal, a - normal, b - normal, b + normal] {
            out.vertices.push(Vertex {
                pos: p,
                uv: egui::epaint::WHITE_UV,
                color: colour,
            });
        }
        out.indices
            .extend_from_slice(&[base, base + 1, base + 2, base, base + 2, base + 3]);
    }
}

fn build_band(projected: &[MultiPolygon<f64>], tolerance: f64) -> Band {
    let mut band = Band {
        tolerance,
        ..Band::default()
    };
    for mp in projected {
        let v0 = band.fill_merc.len() as u32;
        let i0 = band.fill_indices.len() as u32;
        let r0 = band.rings.len() as u32;
        for polygon in &mp.0 {
            let Some(polygon) = simplified(polygon, tolerance) else {
                continue;
            };
            let tri = polygon.earcut_triangles_raw();
            let base = band.fill_merc.len() as u32;
            band.fill_merc
                .extend(tri.vertices.iter().map(|[x, y]| Pos2::new(*x as f32, *y as f32)));
            band.fill_indices
                .extend(tri.triangle_indices.iter().map(|i| base + *i as u32));
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                let start = band.ring_merc.len() as u32;
                // Rings are closed; the last position repeats the first.
                let open = &ring.0[..ring.0.len().saturating_sub(1)];
                band.ring_merc
                    .extend(open.iter().map(|c| Pos2::new(c.x as f32, c.y as f32)));
                band.rings.push(start..band.ring_merc.len() as u32);
            }
        }
        band.area_fill.push((
            v0..band.fill_merc.len() as u32,
            i0..band.fill_indices.len() as u32,
        ));
        band.area_rings.push(r0..band.rings.len() as u32);
    }
    band
}

/// The polygon simplified to `tolerance`; `None` when it shrinks below a triangle at that
/// level of detail (an islet smaller than a pixel). Holes that vanish are dropped.
fn simplified(polygon: &Polygon<f64>, tolerance: f64) -> Option<Polygon<f64>> {
    if tolerance == 0.0 {
        return Some(polygon.clone());
    }
    let ring_ok = |r: &LineString<f64>| r.0.len() >= 4;
    let exterior = polygon.exterior().simplify(tolerance);
    if !ring_ok(&exterior) {
        return None;
    }
    let interiors = polygon
        .interiors()
        .iter()
        .map(|r| r.simplify(tolerance))
        .filter(ring_ok)
        .collect();
    Some(Polygon::new(exterior, interiors))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Area, Level};
    use geo::{LineString, polygon};

    /// Exported pictures project with `render::mercator`, which keeps walkers out of the
    /// headless renderer: it must put every place where the map on screen does.
    #[test]
    fn the_renderers_projection_is_the_maps() {
        for (lon, lat) in [
            (11.97, 57.71),
            (12.08, 57.49),
            (11.0, 55.3),
            (24.2, 69.1),
            (-0.1, 51.5),
        ] {
            let (x, y) = merc_of(lon_lat(lon, lat));
            let (rx, ry) = crate::render::mercator(lon, lat);
            assert!(
                (x - rx).abs() < 1e-9 && (y - ry).abs() < 1e-9,
                "({lon}, {lat}): {x},{y} vs {rx},{ry}"
            );
        }
    }

    fn layer_with(polys: Vec<Polygon<f64>>) -> AreaLayer {
        let areas = polys
            .into_iter()
            .enumerate()
            .map(|(i, p)| Area::new(format!("{i}"), format!("a{i}"), None, MultiPolygon(vec![p])))
            .collect();
        AreaLayer::new(Level::Custom("test".into()), areas)
    }

    #[test]
    fn holes_are_left_unfilled() {
        // A 1°×1° square with a 0.5° hole: 8 triangles fill the frame, none the hole.
        let outer = LineString::from(vec![
            (11.0, 57.0),
            (12.0, 57.0),
            (12.0, 58.0),
            (11.0, 58.0),
            (11.0, 57.0),
        ]);
        let hole = LineString::from(vec![
            (11.25, 57.25),
            (11.75, 57.25),
            (11.75, 57.75),
            (11.25, 57.75),
            (11.25, 57.25),
        ]);
        let mesh = LayerMesh::build(&layer_with(vec![Polygon::new(outer, vec![hole])]));
        let full = mesh.bands.last().expect("band");
        assert_eq!(full.fill_merc.len(), 8);
        assert_eq!(full.fill_indices.len(), 8 * 3);
        assert_eq!(full.rings.len(), 2, "outline of the frame and of the hole");
        // The hole's centre is not inside any triangle.
        let centre = mesh.local_of(lon_lat(11.5, 57.5));
        let inside = full.fill_indices.chunks(3).any(|t| {
            let [a, b, c] = [0, 1, 2].map(|k| full.fill_merc[t[k] as usize]);
            point_in_triangle(centre, a, b, c)
        });
        assert!(!inside);
    }

    fn point_in_triangle(p: Pos2, a: Pos2, b: Pos2, c: Pos2) -> bool {
        let s = |p1: Pos2, p2: Pos2, p3: Pos2| (p1.x - p3.x) * (p2.y - p3.y) - (p2.x - p3.x) * (p1.y - p3.y);
        let (d1, d2, d3) = (s(p, a, b), s(p, b, c), s(p, c, a));
        !((d1 < 0.0 || d2 < 0.0 || d3 < 0.0) && (d1 > 0.0 || d2 > 0.0 || d3 > 0.0))
    }

    #[test]
    fn coarse_bands_have_fewer_vertices_and_zoom_picks_band() {
        // A circle with 400 vertices of ~50 km radius.
        let ring: Vec<(f64, f64)> = (0..=400)
            .map(|i| {
                let a = i as f64 / 400.0 * std::f64::consts::TAU;
                (12.0 + 0.8 * a.cos(), 57.7 + 0.45 * a.sin())
            })
            .collect();
        let mesh = LayerMesh::build(&layer_with(vec![Polygon::new(LineString::from(ring), vec![])]));
        let counts: Vec<usize> = mesh.bands.iter().map(Band::vertex_count).collect();
        assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
        assert_eq!(counts[counts.len() - 1], 400);
        assert!(counts[0] < 40, "{counts:?}");
        assert_eq!(mesh.band_for_zoom(2.0).tolerance, BAND_TOLERANCES[0]);
        assert_eq!(mesh.band_for_zoom(20.0).tolerance, 0.0);
    }

    #[test]
    fn paint_culls_areas_outside_the_viewport() {
        let a = polygon![(x: 11.0, y: 57.0), (x: 11.1, y: 57.0), (x: 11.1, y: 57.1), (x: 11.0, y: 57.0)];
        let b = polygon![(x: 15.0, y: 60.0), (x: 15.1, y: 60.0), (x: 15.1, y: 60.1), (x: 15.0, y: 60.0)];
        let mesh = LayerMesh::build(&layer_with(vec![a, b]));
        let zoom = 10.0;
        let centre = mesh.local_of(lon_lat(11.05, 57.05));
        let scale = 2f32.powf(zoom);
        let transform = ScreenTransform {
            origin: Pos2::new(400.0, 300.0) - centre.to_vec2() * scale,
            scale,
        };
        let viewport = Rect::from_min_size(Pos2::ZERO, egui::vec2(800.0, 600.0));
        let mut out = egui::Mesh::default();
        mesh.paint_into(
            &mut out,
            transform,
            viewport,
            &[Color32::RED, Color32::BLUE],
            (0.0, Color32::BLACK),
        );
        assert_eq!(out.vertices.len(), 3, "only the triangle in view is painted");
        assert!(out.vertices.iter().all(|v| v.color == Color32::RED));
        assert!(out.vertices.iter().all(|v| viewport.expand(1.0).contains(v.pos)));
    }
}
