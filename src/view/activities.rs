//! The activities the map and the list show for the selection: filtered once per selection
//! change, not in every frame.
use crate::analysis::needs::DOMAINS;
use crate::model::{ActivityFilter, Atlas};
use crate::state::Selection;

/// The symbol of an activity in none of the five domains.
pub const OTHER_DOMAIN: usize = DOMAINS.len();

/// One activity to draw: where it is and its first domain (index in the needs' five domains,
/// or [`OTHER_DOMAIN`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ActivityPoint {
    /// Index in the atlas's activities.
    pub activity: usize,
    pub lonlat: (f64, f64),
    pub domain: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActivityView {
    /// Whether the layer is on.
    pub shown: bool,
    /// The activities the filter passes (indices into the atlas's), by name.
    pub listed: Vec<usize>,
    /// Those of them with a location, for the map.
    pub points: Vec<ActivityPoint>,
    /// Every target group the activities name, sorted, for the filter.
    pub target_groups: Vec<String>,
    /// Any listed activity is invented.
    pub demo: bool,
}

impl ActivityView {
    pub fn compute(atlas: &Atlas, sel: &Selection) -> ActivityView {
        let mut target_groups: Vec<String> = atlas
            .activities
            .iter()
            .flat_map(|a| a.target_groups.iter().cloned())
            .collect();
        target_groups.sort();
        target_groups.dedup();
        let Some(filter) = &sel.activities else {
            return ActivityView {
                target_groups,
                ..ActivityView::default()
            };
        };
        let year = sel.period.year();
        let mut listed: Vec<usize> = (0..atlas.activities.len())
            .filter(|i| filter.accepts(&atlas.activities[*i], year))
            .collect();
        listed.sort_by(|a, b| atlas.activities[*a].name.cmp(&atlas.activities[*b].name));
        let points = points(atlas, &listed, filter);
        ActivityView {
            shown: true,
            demo: listed.iter().any(|i| atlas.activities[*i].demo),
            listed,
            points,
            target_groups,
        }
    }
}

/// The listed activities with a location, each drawn with the first of its domains that the
/// filter asks for (or its first domain).
fn points(atlas: &Atlas, listed: &[usize], filter: &ActivityFilter) -> Vec<ActivityPoint> {
    listed
        .iter()
        .filter_map(|&i| {
            let a = &atlas.activities[i];
            let lonlat = a.location?;
            let domain = a
                .domains
                .iter()
                .filter(|d| filter.domains.is_empty() || filter.domains.contains(d))
                .find_map(|d| DOMAINS.iter().position(|x| x == d))
                .unwrap_or(OTHER_DOMAIN);
            Some(ActivityPoint {
                activity: i,
                lonlat,
                domain,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_activities_filter_by_domain_and_year() {
        let atlas = crate::io::embedded::atlas().expect("embedded");
        let mut sel = Selection::default();
        sel.normalise(&atlas);
        assert!(!ActivityView::compute(&atlas, &sel).shown);
        sel.activities = Some(ActivityFilter::default());
        let all = ActivityView::compute(&atlas, &sel);
        assert_eq!(all.listed.len(), atlas.activities.len());
        assert!(
            all.demo && all.points.len() < all.listed.len(),
            "some serve areas only"
        );
        sel.activities = Some(ActivityFilter {
            domains: vec!["skola".into()],
            running_only: true,
            ..ActivityFilter::default()
        });
        let school = ActivityView::compute(&atlas, &sel);
        assert!(!school.listed.is_empty() && school.listed.len() < all.listed.len());
        assert!(school.points.iter().all(|p| p.domain == 1), "drawn as school");
        let year = sel.period.year();
        assert!(school.listed.iter().all(|i| atlas.activities[*i].active_in(year)));
    }
}
