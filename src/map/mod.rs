//! The map: tessellated area meshes, hit testing, palettes and the walkers plugin that paints
//! the choropleth.
pub mod hit;
pub mod mesh;
pub mod palette;
pub mod plugin;
pub mod tiles;
