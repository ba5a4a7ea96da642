//! Pure functions from values to classes, ranks, comparisons and trends. No egui here.
pub mod aggregate;
pub mod autocorrelation;
pub mod classify;
pub mod compare;
pub mod segregation;
pub mod segregation_series;
pub mod trend;
pub mod weights;
