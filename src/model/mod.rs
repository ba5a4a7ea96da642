//! The domain: areas, the indicator catalogue and observations, gathered in an [`Atlas`].
mod activity;
mod area;
mod atlas;
mod catalogue;
mod observations;
mod period;

pub use activity::{Activity, ActivityFilter, OrganiserType};
pub use area::{Area, AreaLayer, Level, UNNAMED_CUSTOM_LEVEL};
pub use atlas::{
    Atlas, GR_MUNICIPALITIES, REGION_ALL_LOADED, REGION_GR, REGION_SWEDEN, RegionValue, is_gr_municipality,
};
pub use catalogue::{
    Aggregation, Catalogue, Category, Dimension, Domain, Group, Indicator, OverTime, Polarity, TOTAL,
};
pub use observations::{Observation, Observations, SeriesKey};
pub use period::{NotAPeriod, Period};
