//! The activities layer as a walkers plugin: a symbol per domain for each activity with a
//! location, gathered into clusters (a circle with the count) where symbols would overlap,
//! which is at low zoom. The clustering and the symbols' outlines live in
//! `view::activities` (no egui), shared with the exported pictures.
use egui::{Color32, FontId, Pos2, Response, Shape, Stroke, Ui, pos2};
use walkers::{MapMemory, Plugin, Projector, lon_lat};

pub use crate::view::activities::{ActivityPoint, Cluster};
use crate::view::activities::{
    CLUSTER, DOMAIN_COLOURS, cluster, cluster_cell, cluster_radius, symbol_outline,
};

/// A domain's symbol at `at` with radius `r` (outlines shared with the exported pictures).
pub fn symbol(at: Pos2, r: f32, domain: usize, stroke: Stroke) -> Shape {
    let fill: Color32 = DOMAIN_COLOURS[domain.min(DOMAIN_COLOURS.len() - 1)].into();
    let points = symbol_outline(domain, (at.x, at.y), r)
        .into_iter()
        .map(|(x, y)| pos2(x, y))
        .collect();
    Shape::convex_polygon(points, fill, stroke)
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
    let points_xy: Vec<(f32, f32)> = screen.iter().map(|p| (p.x, p.y)).collect();
    let clusters = cluster(&points_xy, cluster_cell(radius));
    let edge = Stroke::new(1.2, Color32::WHITE);
    for c in &clusters {
        let at = pos2(c.at.0, c.at.1);
        if let [only] = c.members[..] {
            let p = &points[only];
            if highlighted.contains(&p.activity) {
                shapes.push(Shape::circle_stroke(
                    at,
                    radius * 1.9,
                    Stroke::new(3.0, Color32::WHITE),
                ));
                shapes.push(Shape::circle_stroke(
                    at,
                    radius * 1.9,
                    Stroke::new(2.0, Color32::BLACK),
                ));
            }
            shapes.push(Shape::circle_filled(at, radius * 1.25, Color32::WHITE));
            shapes.push(symbol(at, radius, p.domain, edge));
        } else {
            let n = c.members.len();
            let r = cluster_radius(n, radius);
            shapes.push(Shape::circle_filled(at, r + 1.5, Color32::WHITE));
            shapes.push(Shape::circle_filled(at, r, Color32::from(CLUSTER)));
            if c.members
                .iter()
                .any(|m| highlighted.contains(&points[*m].activity))
            {
                shapes.push(Shape::circle_stroke(
                    at,
                    r + 3.0,
                    Stroke::new(2.0, Color32::BLACK),
                ));
            }
            let text =
                painter.layout_no_wrap(n.to_string(), FontId::proportional(radius * 1.2), Color32::WHITE);
            let corner = at - text.size() / 2.0;
            shapes.push(Shape::galley(corner, text, Color32::WHITE));
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
                .filter(|c| pos2(c.at.0, c.at.1).distance(pointer) <= self.radius * 2.2)
                .min_by(|a, b| {
                    let d = |c: &Cluster| pos2(c.at.0, c.at.1).distance(pointer);
                    d(a).total_cmp(&d(b))
                })
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
                    let lonlat = projector.unproject(egui::vec2(c.at.0, c.at.1));
                    ActivityClick::Cluster((lonlat.x(), lonlat.y()))
                });
            }
        }
    }
}
