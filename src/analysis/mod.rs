//! Pure functions from values to classes, ranks, comparisons and trends. No egui here.
pub mod activity_gaps;
pub mod aggregate;
pub mod annual;
pub mod area_types;
pub mod autocorrelation;
pub mod classify;
pub mod compare;
pub mod histogram;
pub mod needs;
pub mod segregation;
pub mod segregation_series;
pub mod significance;
pub mod trend;
pub mod weights;

/// Recompute everything derived from the loaded data: annual views of sub-annual indicators
/// (first, so that what follows can use them), segregation measures from counts, and
/// socioeconomic area types from the indicators and weights given, and the activities set
/// against the needs.
pub fn refresh_derived(atlas: &mut crate::model::Atlas, area_type_weights: &[(String, f64)]) {
    annual::refresh(atlas);
    segregation_series::refresh(atlas);
    area_types::refresh(atlas, area_type_weights);
    activity_gaps::refresh(atlas);
}
