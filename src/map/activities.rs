//! The activities layer as a walkers plugin: a symbol per domain for each activity with a
//! location, gathered into clusters (a circle with the count) where symbols would overlap,
//! which is at low zoom. The clustering is a pure function on screen points, so it is tested
//! and benchmarked without a window.
use egui::{Color32, FontId, Pos2, Response, Shape, Stroke, Ui, pos2, vec2};
use walkers::{MapMemory, Plugin, Projector, lon_lat};

pub use crate::view::activities::ActivityPoint;

/// A group of points drawn as one: a single activity or a cluster.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Where it is drawn: the mean of its members' screen positions.
    pub at: Pos2,
    /// Indices into the points given.
    pub members: Vec<usize>,
}

/// Gather screen points into clusters: points falling in the same `cell`-sized square of the
/// screen are one cluster. O(n), and at high zoom every point keeps its own square.
pub fn cluster(screen: &[Pos2], cell: f32) -> Vec<Cluster> {
    let mut cells: std::collections::HashMap<(i32, i32), usize> =
        std::collections::HashMap::with_capacity(screen.len());
    let mut out: Vec<Cluster> = Vec::new();
    let mut sums: Vec<(f32, f32)> = Vec::new();
    for (i, p) in screen.iter().enumerate() {
        let key = ((p.x / cell).floor() as i32, (p.y / cell).floor() as i32);
        let c = *cells.entry(key).or_insert_with(|| {
            out.push(Cluster {
                at: *p,
                members: Vec::new(),
            });
            sums.push((0.0, 0.0));
            out.len() - 1
        });
        out[c].members.push(i);
        sums[c].0 += p.x;
        sums[c].1 += p.y;
    }
    for (c, (sx, sy)) in out.iter_mut().zip(sums) {
        let n = c.members.len() as f32;
        c.at = pos2(sx / n, sy / n);
    }
    out
}

/// The colour of a domain's symbol (the needs' five domains in order): distinct hues that read
/// on the pale and the dark classes of the map alike, each with a white edge.
pub const DOMAIN_COLOURS: [Color32; 6] = [
    Color32::from_rgb(0x1b, 0x9e, 0x77),
    Color32::from_rgb(0x75, 0x70, 0xb3),
    Color32::from_rgb(0xd9, 0x5f, 0x02),
    Color32::from_rgb(0x2b, 0x2b, 0x2b),
    Color32::from_rgb(0xe7, 0x29, 0x8a),
    // None of the five.
    Color32::from_rgb(0x88, 0x88, 0x88),
];

/// A domain's symbol at `at` with radius `r`: circle (housing), square (school), diamond
/// (work), triangle (crime), pentagon (democracy), a small grey circle for none of them, so
/// the domains differ in shape as well as colour.
pub fn symbol(at: Pos2, r: f32, domain: usize, stroke: Stroke) -> Shape {
    let fill = DOMAIN_COLOURS[domain.min(DOMAIN_COLOURS.len() - 1)];
    let polygon = |corners: usize, turn: f32| {
        let points = (0..corners)
            .map(|k| {
                let a = turn + k as f32 * std::f32::consts::TAU / corners as f32;
                at + vec2(a.cos(), a.sin()) * r
            })
            .collect();
        Shape::convex_polygon(points, fill, stroke)
    };
    match domain {
        0 => Shape::circle_filled(at, r, fill),
        1 => Shape::rect_filled(
            egui::Rect::from_center_size(at, vec2(1.7 * r, 1.7 * r)),
            1.0,
            fill,
        ),
        2 => polygon(4, 0.0),
        3 => polygon(3, -std::f32::consts::FRAC_PI_2),
        4 => polygon(5, -std::f32::consts::FRAC_PI_2),
        _ => Shape::circle_filled(at, r * 0.8, fill),
    }
}

/// What happened to the activities this frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActivityEvents {
    /// The activity under the pointer (index in the atlas's activities).
    pub hovered: Option<usize>,
    /// A cluster under the pointer: how many it gathers.
    pub hovered_cluster: Option<usize>,
    pub clicked: Option<ActivityClick>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ActivityClick {
    Activity(usize),
    /// A cluster: zoom in on it (its centre in longitude, latitude).
    Cluster((f64, f64)),
}

pub struct ActivityPlugin<'a> {
    pub points: &'a [ActivityPoint],
    /// Symbol radius in points (larger when presenting).
    pub radius: f32,
    /// Highlighted: selected in the list or on the map, or hovered in the list.
    pub selected: Option<usize>,
    pub linked_hover: Option<usize>,
    pub events: &'a mut ActivityEvents,
}

/// The shapes of the layer: clusters and symbols, the highlighted activity ringed. Returns the
/// clusters with their screen positions for hit testing.
pub fn layer_shapes(
    screen: &[Pos2],
    points: &[ActivityPoint],
    radius: f32,
    highlighted: &[usize],
    shapes: &mut Vec<Shape>,
    painter: &egui::Painter,
) -> Vec<Cluster> {
    let clusters = cluster(screen, 5.5 * radius);
    let edge = Stroke::new(1.2, Color32::WHITE);
    for c in &clusters {
        if let [only] = c.members[..] {
            let p = &points[only];
            if highlighted.contains(&p.activity) {
                shapes.push(Shape::circle_stroke(
                    c.at,
                    radius * 1.9,
                    Stroke::new(3.0, Color32::WHITE),
                ));
                shapes.push(Shape::circle_stroke(
                    c.at,
                    radius * 1.9,
                    Stroke::new(2.0, Color32::BLACK),
                ));
            }
            shapes.push(Shape::circle_filled(c.at, radius * 1.25, Color32::WHITE));
            shapes.push(symbol(c.at, radius, p.domain, edge));
        } else {
            let n = c.members.len();
            let r = radius * (1.3 + (n as f32).log10() * 0.6);
            shapes.push(Shape::circle_filled(c.at, r + 1.5, Color32::WHITE));
            shapes.push(Shape::circle_filled(c.at, r, Color32::from_rgb(0x3a, 0x3a, 0x48)));
            if c.members
                .iter()
                .any(|m| highlighted.contains(&points[*m].activity))
            {
                shapes.push(Shape::circle_stroke(
                    c.at,
                    r + 3.0,
                    Stroke::new(2.0, Color32::BLACK),
                ));
            }
            let text =
                painter.layout_no_wrap(n.to_string(), FontId::proportional(radius * 1.2), Color32::WHITE);
            let at = c.at - text.size() / 2.0;
            shapes.push(Shape::galley(at, text, Color32::WHITE));
        }
    }
    clusters
}

impl Plugin for ActivityPlugin<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, response: &Response, projector: &Projector, _memory: &MapMemory) {
        let viewport = projector.clip_rect();
        let screen: Vec<Pos2> = self
            .points
            .iter()
            .map(|p| projector.project(lon_lat(p.lonlat.0, p.lonlat.1)).to_pos2())
            .collect();
        let highlighted: Vec<usize> = self.selected.into_iter().chain(self.linked_hover).collect();
        let mut shapes = Vec::new();
        let painter = ui.painter().with_clip_rect(viewport);
        let clusters = layer_shapes(
            &screen,
            self.points,
            self.radius,
            &highlighted,
            &mut shapes,
            &painter,
        );
        painter.extend(shapes);
        let hit = response.hover_pos().and_then(|pointer| {
            clusters
                .iter()
                .filter(|c| c.at.distance(pointer) <= self.radius * 2.2)
                .min_by(|a, b| a.at.distance(pointer).total_cmp(&b.at.distance(pointer)))
        });
        if let Some(c) = hit {
            if let [only] = c.members[..] {
                self.events.hovered = Some(self.points[only].activity);
            } else {
                self.events.hovered_cluster = Some(c.members.len());
            }
            if response.clicked() {
                self.events.clicked = Some(if let [only] = c.members[..] {
                    ActivityClick::Activity(self.points[only].activity)
                } else {
                    let lonlat = projector.unproject(c.at.to_vec2());
                    ActivityClick::Cluster((lonlat.x(), lonlat.y()))
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_points_cluster_and_distant_ones_stay_apart() {
        let screen = [pos2(10.0, 10.0), pos2(14.0, 12.0), pos2(200.0, 200.0)];
        let clusters = cluster(&screen, 30.0);
        assert_eq!(clusters.len(), 2);
        assert_eq!(clusters[0].members, vec![0, 1]);
        assert_eq!(clusters[0].at, pos2(12.0, 11.0), "drawn at the members' mean");
        assert_eq!(clusters[1].members, vec![2]);
        // Zoomed in: the same points further apart on screen, each its own.
        let zoomed: Vec<Pos2> = screen.iter().map(|p| pos2(p.x * 10.0, p.y * 10.0)).collect();
        assert_eq!(cluster(&zoomed, 30.0).len(), 3);
    }
}
