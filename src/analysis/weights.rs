//! Queen contiguity from area polygons: two areas are neighbours when their boundaries share a
//! point — an edge or only a corner. Vertices are matched after snapping to a grid of
//! `tolerance` metres (two grids, the second shifted by half a cell, so that points a rounding
//! error apart on either side of a cell edge still meet), which is what simplified or
//! reprojected boundaries need. Sort-based, so a national DeSO layer takes a fraction of a second.
use crate::model::AreaLayer;

/// Boundary points closer than this (metres) count as shared: generous enough for
/// reprojection and rounding, far below the size of any area.
pub const DEFAULT_TOLERANCE_M: f64 = 1.0;

/// Symmetric neighbour lists, aligned with the layer's areas.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weights {
    pub neighbours: Vec<Vec<usize>>,
}

impl Weights {
    /// Queen contiguity of the layer's areas (their full, unclipped geometry).
    pub fn queen(layer: &AreaLayer, tolerance_m: f64) -> Weights {
        let n = layer.len();
        // Local metres: good enough over Sweden for deciding whether two points coincide.
        let lat0 = layer
            .bbox_of(|_| true)
            .map_or(58.0, |b| (b.min().y + b.max().y) / 2.0)
            .to_radians();
        let (mx, my) = (111_320.0 * lat0.cos(), 110_574.0);
        let cell = tolerance_m.max(1e-6);
        // One sortable number per (cell, area): the cell's two indices in the high 64 bits
        // (grid 0 at even, grid 1 — shifted half a cell — at odd indices), the area below.
        let pack = |ix: i64, iy: i64, area: usize| -> u128 {
            let ix = (ix as i32 as u32) as u128;
            let iy = (iy as i32 as u32) as u128;
            (ix << 96) | (iy << 64) | area as u128
        };
        let mut points: Vec<u128> = Vec::new();
        for (a, area) in layer.areas.iter().enumerate() {
            let start = points.len();
            for polygon in &area.lonlat.0 {
                for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                    for c in &ring.0 {
                        let (x, y) = (c.x * mx / cell, c.y * my / cell);
                        points.push(pack((x.floor() as i64) * 2, (y.floor() as i64) * 2, a));
                        points.push(pack(
                            (x + 0.5).floor() as i64 * 2 + 1,
                            (y + 0.5).floor() as i64 * 2 + 1,
                            a,
                        ));
                    }
                }
            }
            // One entry per cell and area.
            points[start..].sort_unstable();
            let mut kept = start;
            for i in start..points.len() {
                if i == start || points[i] != points[kept - 1] {
                    points[kept] = points[i];
                    kept += 1;
                }
            }
            points.truncate(kept);
        }
        points.sort_unstable();
        let cell_of = |p: u128| p >> 64;
        let area_of = |p: u128| (p & 0xFFFF_FFFF) as u32;
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut i = 0;
        while i < points.len() {
            let mut j = i + 1;
            while j < points.len() && cell_of(points[j]) == cell_of(points[i]) {
                j += 1;
            }
            for a in i..j {
                for b in a + 1..j {
                    let (p, q) = (area_of(points[a]), area_of(points[b]));
                    if p != q {
                        pairs.push((p.min(q), p.max(q)));
                    }
                }
            }
            i = j;
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut neighbours = vec![Vec::new(); n];
        for (p, q) in pairs {
            neighbours[p as usize].push(q as usize);
            neighbours[q as usize].push(p as usize);
        }
        for list in &mut neighbours {
            list.sort_unstable();
        }
        Weights { neighbours }
    }

    pub fn len(&self) -> usize {
        self.neighbours.len()
    }

    pub fn is_empty(&self) -> bool {
        self.neighbours.is_empty()
    }

    /// The weights among the areas where `keep` is true (those with a value, say), renumbered
    /// in order; returns them with the original index of each kept area.
    pub fn subset(&self, keep: &[bool]) -> (Weights, Vec<usize>) {
        let original: Vec<usize> = (0..self.len())
            .filter(|i| keep.get(*i).copied().unwrap_or(false))
            .collect();
        let mut new_index = vec![usize::MAX; self.len()];
        for (new, old) in original.iter().enumerate() {
            new_index[*old] = new;
        }
        let neighbours = original
            .iter()
            .map(|old| {
                self.neighbours[*old]
                    .iter()
                    .filter_map(|j| Some(new_index[*j]).filter(|n| *n != usize::MAX))
                    .collect()
            })
            .collect();
        (Weights { neighbours }, original)
    }

    /// Areas without neighbours.
    pub fn islands(&self) -> usize {
        self.neighbours.iter().filter(|n| n.is_empty()).count()
    }

    /// Row-standardised spatial lag: each area's mean over its neighbours (0 for islands).
    pub fn lag(&self, values: &[f64]) -> Vec<f64> {
        self.neighbours
            .iter()
            .map(|list| {
                if list.is_empty() {
                    0.0
                } else {
                    list.iter().map(|j| values[*j]).sum::<f64>() / list.len() as f64
                }
            })
            .collect()
    }

    /// S0, S1 and S2 of the row-standardised weights (Cliff and Ord), as PySAL computes them.
    pub fn moments(&self) -> (f64, f64, f64) {
        let w = |i: usize| 1.0 / self.neighbours[i].len() as f64;
        let s0 = self.neighbours.iter().filter(|l| !l.is_empty()).count() as f64;
        let (mut s1, mut s2) = (0.0, 0.0);
        let mut column = vec![0.0; self.len()];
        for (i, list) in self.neighbours.iter().enumerate() {
            for j in list {
                // Queen weights are symmetric in who neighbours whom, not in row-standardised value.
                let (wij, wji) = (w(i), w(*j));
                s1 += (wij + wji).powi(2);
                column[*j] += wij;
            }
        }
        for (i, list) in self.neighbours.iter().enumerate() {
            let row = if list.is_empty() { 0.0 } else { 1.0 };
            s2 += (row + column[i]).powi(2);
        }
        (s0, s1 / 2.0, s2)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Area, Level};
    use geo::{LineString, MultiPolygon, Polygon};

    /// A rows × cols grid of unit squares in degrees near Göteborg, row by row.
    pub(crate) fn grid(rows: usize, cols: usize) -> AreaLayer {
        let mut areas = Vec::new();
        for r in 0..rows {
            for c in 0..cols {
                let (x, y) = (11.0 + c as f64 * 0.01, 57.0 + r as f64 * 0.01);
                let ring = LineString::from(vec![
                    (x, y),
                    (x + 0.01, y),
                    (x + 0.01, y + 0.01),
                    (x, y + 0.01),
                    (x, y),
                ]);
                areas.push(Area::new(
                    format!("{r}-{c}"),
                    String::new(),
                    None,
                    MultiPolygon(vec![Polygon::new(ring, vec![])]),
                ));
            }
        }
        AreaLayer::new(Level::Custom("test".into()), areas)
    }

    #[test]
    fn queen_neighbours_share_edges_or_corners() {
        let w = Weights::queen(&grid(3, 3), 0.5);
        assert_eq!(
            w.neighbours[4],
            vec![0, 1, 2, 3, 5, 6, 7, 8],
            "the centre touches all"
        );
        assert_eq!(w.neighbours[0], vec![1, 3, 4], "a corner cell has three");
        assert_eq!(w.islands(), 0);
    }

    #[test]
    fn a_gap_wider_than_the_tolerance_separates_and_a_narrower_one_does_not() {
        let mut layer = grid(1, 2);
        // Move the second square 0.3 m (about 5.6e-6° of longitude here) east.
        let shift = 0.3 / (111_320.0 * 57.005_f64.to_radians().cos());
        let moved: Vec<Area> = layer
            .areas
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let mut a = a.clone();
                if i == 1 {
                    use geo::MapCoordsInPlace;
                    a.lonlat
                        .map_coords_in_place(|c| geo::coord! { x: c.x + shift, y: c.y });
                }
                a
            })
            .collect();
        layer = AreaLayer::new(Level::Custom("test".into()), moved);
        assert_eq!(
            Weights::queen(&layer, 1.0).neighbours[0],
            vec![1],
            "0.3 m apart, 1 m tolerance"
        );
        assert!(
            Weights::queen(&layer, 0.05).neighbours[0].is_empty(),
            "0.3 m apart, 5 cm tolerance"
        );
    }

    #[test]
    fn subsets_renumber_and_moments_match_a_hand_count() {
        let w = Weights::queen(&grid(1, 3), 0.5);
        let (sub, original) = w.subset(&[true, false, true]);
        assert_eq!(original, vec![0, 2]);
        assert_eq!(sub.islands(), 2, "without the middle the ends do not touch");
        // Row-standardised chain 0-1-2: rows 0 and 2 weigh 1 on the middle, row 1 weighs ½ each.
        let (s0, s1, s2) = w.moments();
        assert_eq!(s0, 3.0);
        assert!((s1 - 4.5).abs() < 1e-12, "½·2·((1+½)²·2) = 4.5, got {s1}");
        assert!(
            (s2 - 13.5).abs() < 1e-12,
            "(1+½)² + (1+2)² + (1+½)² = 13.5, got {s2}"
        );
    }
}

#[cfg(test)]
mod embedded_tests {
    use super::*;

    #[test]
    fn goteborg_neighbours_its_neighbouring_municipalities_in_the_embedded_boundaries() {
        let atlas = crate::io::embedded::atlas().expect("embedded");
        let layer = &atlas.layers[0];
        let w = Weights::queen(layer, DEFAULT_TOLERANCE_M);
        let gbg = layer.index_of("1480").expect("Göteborg");
        let codes: Vec<&str> = w.neighbours[gbg]
            .iter()
            .map(|i| layer.areas[*i].code.as_str())
            .collect();
        for neighbour in ["1481", "1402", "1482", "1440", "1441", "1401"] {
            assert!(codes.contains(&neighbour), "{neighbour} missing from {codes:?}");
        }
        assert!(
            !codes.contains(&"1489"),
            "Alingsås does not touch Göteborg: {codes:?}"
        );
    }
}
