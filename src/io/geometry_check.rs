//! Checks of boundary geometry that reading alone does not catch: empty areas and rings that
//! cross or touch themselves. Such areas still load and draw; the report says which ones,
//! because areas and neighbour relations computed from them are off.
//!
//! `geo`'s `Validation` tests every pair of a ring's segments (1.9 s for 6,000 areas of 300
//! vertices); this sweep over x-sorted segments does the same ring test in a fraction of that.
use geo::kernels::{Kernel, Orientation, RobustKernel};
use geo::line_intersection::{LineIntersection, line_intersection};
use geo::{Coord, Line, LineString};

use super::validate::{Said, Severity, ValidationReport};
use crate::model::AreaLayer;

/// Add a warning per empty or invalid area of `layer` to `report` (feature numbers from 1).
/// The areas are checked on two threads (halves of the layer), as loading runs on a
/// background thread of a two-core machine.
pub fn check_layer(layer: &AreaLayer, report: &mut ValidationReport) {
    let half = layer.len().div_ceil(2).max(1);
    // Per half: its problems (area index, message), or `None` when its thread failed.
    let parts: Vec<Option<Vec<(usize, Said)>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = layer
            .areas
            .chunks(half)
            .enumerate()
            .map(|(part, areas)| {
                scope.spawn(move || {
                    areas
                        .iter()
                        .enumerate()
                        .filter_map(|(i, area)| problem(area).map(|m| (part * half + i, m)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().ok()).collect()
    });
    for part in parts {
        let Some(problems) = part else {
            // A check that failed says so rather than passing silently.
            report.warning(
                "geometry_check_stopped",
                Said::new(
                    "the geometry check stopped early",
                    "geometrikontrollen avbröts i förtid",
                ),
            );
            continue;
        };
        for (i, message) in problems {
            let code = &layer.areas[i].code;
            report.feature(
                Severity::Warning,
                i + 1,
                "geometry_problem",
                Said::new(
                    format!("{code}: {}", message.en),
                    format!("{code}: {}", message.sv),
                ),
            );
        }
    }
}

/// What is wrong with an area's geometry, if anything.
fn problem(area: &crate::model::Area) -> Option<Said> {
    if area.lonlat.0.is_empty() {
        return Some(Said::new(
            "has an empty geometry (no polygons): it cannot be drawn",
            "har en tom geometri (inga polygoner): det kan inte ritas",
        ));
    }
    area.lonlat.0.iter().enumerate().find_map(|(p, polygon)| {
        let rings = std::iter::once(polygon.exterior()).chain(polygon.interiors());
        rings.enumerate().find_map(|(r, ring)| {
            let at = ring_self_intersection(ring)?;
            let polygon = if area.lonlat.0.len() > 1 {
                format!("polygon {}, ", p + 1)
            } else {
                String::new()
            };
            let (ring_en, ring_sv) = if r == 0 {
                ("outer ring".to_string(), "yttre ringen".to_string())
            } else {
                (format!("hole {r}"), format!("hål {r}"))
            };
            Some(Said::new(
                format!(
                    "{polygon}{ring_en} crosses or touches itself near ({:.5}, {:.5}) (drawn as given; \
                     its area and neighbours may be off)",
                    at.x, at.y
                ),
                format!(
                    "{polygon}{ring_sv} korsar eller rör sig själv nära ({:.5}, {:.5}) (ritas som den är; \
                     ytan och grannarna kan bli fel)",
                    at.x, at.y
                ),
            ))
        })
    })
}

/// Where a closed ring first crosses or touches itself, if it does: any meeting of two
/// segments other than neighbours sharing their common vertex (a spike back along the
/// previous segment counts too).
pub fn ring_self_intersection(ring: &LineString<f64>) -> Option<Coord<f64>> {
    let segments: Vec<Line<f64>> = ring.lines().filter(|l| l.start != l.end).collect();
    let n = segments.len();
    if n < 3 {
        return None;
    }
    // Each segment's x and y extent with its index, sorted by where it starts in x.
    let mut spans: Vec<([f64; 4], usize)> = segments
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let (x0, x1) = (l.start.x.min(l.end.x), l.start.x.max(l.end.x));
            let (y0, y1) = (l.start.y.min(l.end.y), l.start.y.max(l.end.y));
            ([x0, x1, y0, y1], i)
        })
        .collect();
    spans.sort_unstable_by(|a, b| a.0[0].total_cmp(&b.0[0]));
    for (pos, &([_, a_x1, a_y0, a_y1], i)) in spans.iter().enumerate() {
        let a = segments[i];
        for &([b_x0, _, b_y0, b_y1], j) in &spans[pos + 1..] {
            if b_x0 > a_x1 {
                break;
            }
            if b_y1 < a_y0 || b_y0 > a_y1 {
                continue;
            }
            let b = segments[j];
            let neighbours = i.abs_diff(j) == 1 || i.abs_diff(j) == n - 1;
            // Neighbours that turn meet only at their shared vertex; only a straight
            // continuation or a spike back needs the full test.
            let turns = |c| RobustKernel::orient2d(a.start, a.end, c) != Orientation::Collinear;
            if neighbours && (turns(b.start) || turns(b.end)) {
                continue;
            }
            match line_intersection(a, b) {
                None => {}
                Some(LineIntersection::SinglePoint { .. }) if neighbours => {}
                Some(LineIntersection::SinglePoint { intersection, .. }) => return Some(intersection),
                Some(LineIntersection::Collinear { intersection }) => return Some(intersection.start),
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Area, Level};
    use geo::{MultiPolygon, polygon};

    fn layer(polygons: Vec<MultiPolygon<f64>>) -> AreaLayer {
        let areas = polygons
            .into_iter()
            .enumerate()
            .map(|(i, mp)| Area::new(format!("1480C000{i}"), String::new(), None, mp))
            .collect();
        AreaLayer::new(Level::Deso, areas)
    }

    #[test]
    fn rings_touching_themselves_or_spiking_back_are_found_and_plain_ones_are_not() {
        let ring = |pts: &[(f64, f64)]| LineString::from(pts.to_vec());
        let square = ring(&[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]);
        assert_eq!(ring_self_intersection(&square), None);
        // A repeated vertex is not a problem.
        let repeated = ring(&[
            (0.0, 0.0),
            (1.0, 0.0),
            (1.0, 0.0),
            (1.0, 1.0),
            (0.0, 1.0),
            (0.0, 0.0),
        ]);
        assert_eq!(ring_self_intersection(&repeated), None);
        // The ring comes back to touch a vertex it passed (an inverted hole).
        let touch = ring(&[
            (0.0, 0.0),
            (2.0, 0.0),
            (2.0, 2.0),
            (1.0, 0.0),
            (0.0, 2.0),
            (0.0, 0.0),
        ]);
        assert_eq!(ring_self_intersection(&touch), Some(Coord { x: 1.0, y: 0.0 }));
        // A spike out and back along the same line.
        let spike = ring(&[
            (0.0, 0.0),
            (1.0, 0.0),
            (1.0, 1.0),
            (1.0, 3.0),
            (1.0, 1.0),
            (0.0, 1.0),
            (0.0, 0.0),
        ]);
        assert!(ring_self_intersection(&spike).is_some());
        // A star with many vertices, as in the bench, is simple.
        let star: Vec<(f64, f64)> = (0..=300)
            .map(|k| {
                let a = (k % 300) as f64 / 300.0 * std::f64::consts::TAU;
                let w = 0.42 + 0.06 * (7.0 * a).sin();
                (w * a.cos(), w * a.sin())
            })
            .collect();
        assert_eq!(ring_self_intersection(&ring(&star)), None);
    }

    #[test]
    fn a_bow_tie_and_an_empty_area_are_reported_by_feature_and_code() {
        let square = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0)];
        let bow_tie = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 1.0), (x: 1.0, y: 0.0), (x: 0.0, y: 1.0)];
        let mut report = ValidationReport::new("b.geojson", "GeoJSON");
        check_layer(
            &layer(vec![
                MultiPolygon(vec![square]),
                MultiPolygon(vec![bow_tie]),
                MultiPolygon(vec![]),
            ]),
            &mut report,
        );
        let found: Vec<(Option<usize>, &str)> = report
            .findings
            .iter()
            .map(|f| (f.feature, f.message.as_str()))
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, Some(2));
        assert!(
            found[0]
                .1
                .starts_with("1480C0001: outer ring crosses or touches itself near (0.50000, 0.50000)"),
            "{}",
            found[0].1
        );
        assert_eq!(found[1].0, Some(3));
        assert!(found[1].1.contains("empty geometry"));
        assert!(!report.has_errors(), "invalid areas still load");
    }
}
