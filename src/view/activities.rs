//! The activities the map and the list show for the selection: filtered once per selection
//! change, not in every frame.
use std::collections::HashMap;

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
            Some(ActivityPoint {
                activity: i,
                lonlat: a.location?,
                domain: symbol_domain(a, filter),
            })
        })
        .collect()
}

/// The domain whose symbol an activity shows (index in the needs' five domains, or
/// [`OTHER_DOMAIN`]): the first of its domains that the filter asks for, or its first domain.
/// The map and the list show the same.
pub fn symbol_domain(a: &crate::model::Activity, filter: &ActivityFilter) -> usize {
    a.domains
        .iter()
        .filter(|d| filter.domains.is_empty() || filter.domains.contains(d))
        .find_map(|d| DOMAINS.iter().position(|x| x == d))
        .unwrap_or(OTHER_DOMAIN)
}

/// The colour of a domain's symbol (the needs' five domains in order, then none of them):
/// distinct hues that read on the pale and the dark classes alike, each drawn with a white edge.
pub const DOMAIN_COLOURS: [crate::map::palette::Rgb; 6] = {
    use crate::map::palette::Rgb;
    [
        Rgb(0x1b, 0x9e, 0x77),
        Rgb(0x75, 0x70, 0xb3),
        // Blue, not orange: the sequential ramps are yellow–orange–red.
        Rgb(0x1f, 0x78, 0xb4),
        Rgb(0x2b, 0x2b, 0x2b),
        Rgb(0xe7, 0x29, 0x8a),
        Rgb(0x88, 0x88, 0x88),
    ]
};

/// A cluster's fill: dark and neutral, apart from every domain's colour.
pub const CLUSTER: crate::map::palette::Rgb = crate::map::palette::Rgb(0x3a, 0x3a, 0x48);

/// A domain's symbol around `(x, y)` with radius `r`, as a convex outline: circle (housing),
/// square (school), diamond (work), triangle (crime), pentagon (democracy), a small circle for
/// none of them. The domains differ in shape as well as colour, for readers who cannot tell
/// the colours apart; the app and the exported pictures draw the same outlines.
pub fn symbol_outline(domain: usize, (x, y): (f32, f32), r: f32) -> Vec<(f32, f32)> {
    let polygon = |corners: usize, turn: f32, r: f32| -> Vec<(f32, f32)> {
        (0..corners)
            .map(|k| {
                let a = turn + k as f32 * std::f32::consts::TAU / corners as f32;
                (x + a.cos() * r, y + a.sin() * r)
            })
            .collect()
    };
    let up = -std::f32::consts::FRAC_PI_2;
    match domain {
        0 => polygon(20, 0.0, r),
        1 => polygon(4, std::f32::consts::FRAC_PI_4, r * 1.2),
        2 => polygon(4, 0.0, r * 1.15),
        3 => polygon(3, up, r * 1.15),
        4 => polygon(5, up, r * 1.05),
        _ => polygon(16, 0.0, r * 0.8),
    }
}

/// A group of points drawn as one: a single activity or a cluster.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// Where it is drawn: the mean of its members' positions.
    pub at: (f32, f32),
    /// Indices into the points given.
    pub members: Vec<usize>,
}

/// Gather points (screen or picture pixels) into clusters: points falling in the same
/// `cell`-sized square are one cluster. O(n); zoomed in, every point keeps its own square.
pub fn cluster(points: &[(f32, f32)], cell: f32) -> Vec<Cluster> {
    let mut cells: HashMap<(i32, i32), usize> = HashMap::with_capacity(points.len());
    let mut out: Vec<Cluster> = Vec::new();
    let mut sums: Vec<(f32, f32)> = Vec::new();
    for (i, &(x, y)) in points.iter().enumerate() {
        let key = ((x / cell).floor() as i32, (y / cell).floor() as i32);
        let c = *cells.entry(key).or_insert_with(|| {
            out.push(Cluster {
                at: (x, y),
                members: Vec::new(),
            });
            sums.push((0.0, 0.0));
            out.len() - 1
        });
        out[c].members.push(i);
        sums[c].0 += x;
        sums[c].1 += y;
    }
    for (c, (sx, sy)) in out.iter_mut().zip(sums) {
        let n = c.members.len() as f32;
        c.at = (sx / n, sy / n);
    }
    out
}

/// A cluster's circle radius for `n` activities, with symbols of radius `r`.
pub fn cluster_radius(n: usize, r: f32) -> f32 {
    r * (1.3 + (n as f32).log10() * 0.6)
}

/// The cell a cluster gathers, for symbols of radius `r`: about where they would overlap.
pub fn cluster_cell(r: f32) -> f32 {
    5.5 * r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_points_cluster_and_distant_ones_stay_apart() {
        let points = [(10.0, 10.0), (14.0, 12.0), (200.0, 200.0)];
        let clusters = cluster(&points, 30.0);
        assert_eq!(clusters.len(), 2);
        assert_eq!(clusters[0].members, vec![0, 1]);
        assert_eq!(clusters[0].at, (12.0, 11.0), "drawn at the members' mean");
        assert_eq!(clusters[1].members, vec![2]);
        // Zoomed in: the same points further apart, each its own.
        let zoomed: Vec<(f32, f32)> = points.iter().map(|(x, y)| (x * 10.0, y * 10.0)).collect();
        assert_eq!(cluster(&zoomed, 30.0).len(), 3);
    }

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
