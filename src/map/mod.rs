//! The map: tessellated area meshes, hit testing, palettes and the walkers plugin that paints
//! the choropleth.
pub mod activities;
pub mod clip;
pub mod hit;
pub mod mesh;
pub mod palette;
pub mod plugin;
pub mod tiles;

/// What the map needs of one area layer besides its data: the tessellated mesh and the hit
/// index. Built once per layer (on the loading thread for files).
pub struct LayerGeometry {
    pub mesh: mesh::LayerMesh,
    pub hits: hit::HitIndex,
}

impl LayerGeometry {
    pub fn build(layer: &crate::model::AreaLayer) -> Self {
        Self {
            mesh: mesh::LayerMesh::build(layer),
            hits: hit::HitIndex::build(layer),
        }
    }
}
