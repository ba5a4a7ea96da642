//! The choropleth as a walkers plugin: paints the pre-tessellated areas in their class colours,
//! strokes outlines and highlights, and reports which area is hovered or clicked.
use egui::{Color32, Response, Shape, Stroke, Ui};
use walkers::{MapMemory, Plugin, Projector};

use super::hit::HitIndex;
use super::mesh::{LayerMesh, ScreenTransform};
use crate::model::AreaLayer;

/// The palette's plain colours become egui's where the map paints (the view, the palette and
/// the CLI report know no egui).
impl From<super::palette::Rgb> for Color32 {
    fn from(c: super::palette::Rgb) -> Self {
        Color32::from_rgb(c.0, c.1, c.2)
    }
}

/// What happened on the map this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MapEvents {
    pub hovered: Option<usize>,
    /// `Some(None)` when the user clicked outside every area.
    pub clicked: Option<Option<usize>>,
}

/// How the map strokes its areas: given by whoever draws it (the app, a presenter view, an
/// export), so the map itself holds no UI style.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapStyle {
    /// Outline of every area of the shown layer.
    pub outline: Stroke,
    /// Outline of the areas in focus (the region's own).
    pub emphasis: Stroke,
    /// Outline of the context layer drawn underneath.
    pub context_outline: Stroke,
    /// The hovered area (or the one hovered in a list).
    pub hover: Stroke,
    /// The selected area: a halo under a line, so it reads on any fill and differs from hover.
    pub selected_halo: Stroke,
    pub selected: Stroke,
}

pub struct ChoroplethPlugin<'a> {
    pub layer: &'a AreaLayer,
    pub mesh: &'a LayerMesh,
    pub hits: &'a HitIndex,
    pub fills: &'a [Color32],
    /// Areas whose outline is drawn stronger (the region in focus).
    pub emphasised: &'a [usize],
    pub style: MapStyle,
    /// Highlighted from elsewhere, e.g. a hovered row of the ranking.
    pub linked_hover: Option<usize>,
    pub selected: Option<usize>,
    pub events: &'a mut MapEvents,
    /// A layer drawn underneath in a quiet colour, e.g. the municipalities under DeSO areas,
    /// so the map keeps its surroundings, with its fills (transparent: not drawn).
    pub context: Option<(&'a LayerMesh, &'a [Color32])>,
}

impl Plugin for ChoroplethPlugin<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, response: &Response, projector: &Projector, _memory: &MapMemory) {
        let transform = ScreenTransform::from_projector(self.mesh, projector);
        let viewport = projector.clip_rect();
        let painter = ui.painter().with_clip_rect(viewport);
        if let Some((context, fills)) = self.context {
            let mut mesh = egui::Mesh::default();
            let t = ScreenTransform::from_projector(context, projector);
            context.paint_into(
                &mut mesh,
                t,
                viewport,
                fills,
                (self.style.context_outline.width, self.style.context_outline.color),
            );
            painter.add(Shape::mesh(mesh));
        }
        let mut mesh = egui::Mesh::default();
        self.mesh.paint_into(
            &mut mesh,
            transform,
            viewport,
            self.fills,
            (self.style.outline.width, self.style.outline.color),
        );
        painter.add(Shape::mesh(mesh));

        let stroke_area = |i: usize, stroke: Stroke| {
            for ring in self.mesh.area_outline(i, transform) {
                painter.add(Shape::closed_line(ring, stroke));
            }
        };
        for &i in self.emphasised {
            stroke_area(i, self.style.emphasis);
        }

        let hovered = response.hover_pos().and_then(|pos| {
            let lonlat = projector.unproject(pos.to_vec2());
            self.hits.area_at(self.layer, lonlat.x(), lonlat.y())
        });
        if let Some(i) = hovered.or(self.linked_hover) {
            stroke_area(i, self.style.hover);
        }
        if let Some(i) = self.selected {
            stroke_area(i, self.style.selected_halo);
            stroke_area(i, self.style.selected);
        }
        self.events.hovered = hovered;
        if response.clicked() {
            self.events.clicked = Some(hovered);
        }
    }
}
