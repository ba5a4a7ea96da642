//! Contiguity weights from area polygons, as libpysal and GeoDa build them: queen (two areas
//! share a boundary point — an edge or only a corner) or rook (they share an edge: two
//! consecutive boundary points), by exact vertex coordinates. Boundaries simplified or
//! reprojected separately share no vertices; for them a tolerance in metres snaps points to a
//! grid (two grids, the second shifted by half a cell, so points a rounding error apart on
//! either side of a cell edge still meet), and the weights say how many links that added.
//! Sort-based, so a national DeSO layer takes a fraction of a second.
use crate::model::AreaLayer;

/// The tolerance offered for boundaries that share no vertices: generous enough for
/// reprojection and rounding, far below the size of any area.
pub const DEFAULT_TOLERANCE_M: f64 = 1.0;

/// Which shared boundary makes two areas neighbours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Contiguity {
    /// A shared point: an edge or only a corner.
    #[default]
    Queen,
    /// A shared edge.
    Rook,
}

/// How neighbours are found.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct WeightsSpec {
    pub contiguity: Contiguity,
    /// Points closer than this many metres count as shared; `None`: exactly equal vertices.
    pub tolerance_m: Option<f64>,
}

/// Symmetric neighbour lists, aligned with the layer's areas.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    pub neighbours: Vec<Vec<usize>>,
    pub spec: WeightsSpec,
    /// With a tolerance: the links it adds to those by exact vertices.
    pub added_by_tolerance: usize,
}

/// What the weights are, in numbers (the analysis panel and `analyze` show it).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct WeightsSummary {
    #[serde(rename = "type")]
    pub contiguity: Contiguity,
    pub tolerance_m: Option<f64>,
    /// Non-zero weights (each neighbour pair counts twice, as libpysal's `nonzero`).
    pub links: usize,
    pub islands: usize,
    pub mean_neighbours: f64,
    pub added_by_tolerance: usize,
}

impl Weights {
    /// Contiguity of the layer's areas (their full, unclipped geometry).
    pub fn build(layer: &AreaLayer, spec: WeightsSpec) -> Weights {
        let exact = neighbours(&vertex_keys(layer, None), layer.len(), spec.contiguity);
        let Some(tolerance) = spec.tolerance_m else {
            return Weights {
                neighbours: exact,
                spec,
                added_by_tolerance: 0,
            };
        };
        let mut snapped = exact.clone();
        for grid in [0, 1] {
            let found = neighbours(
                &vertex_keys(layer, Some((tolerance, grid))),
                layer.len(),
                spec.contiguity,
            );
            for (list, more) in snapped.iter_mut().zip(found) {
                list.extend(more);
                list.sort_unstable();
                list.dedup();
            }
        }
        let links = |n: &[Vec<usize>]| n.iter().map(Vec::len).sum::<usize>();
        Weights {
            added_by_tolerance: links(&snapped) - links(&exact),
            neighbours: snapped,
            spec,
        }
    }

    /// Queen contiguity with points within `tolerance_m` metres counted as shared.
    pub fn queen(layer: &AreaLayer, tolerance_m: f64) -> Weights {
        Self::build(
            layer,
            WeightsSpec {
                contiguity: Contiguity::Queen,
                tolerance_m: Some(tolerance_m),
            },
        )
    }

    pub fn summary(&self) -> WeightsSummary {
        let links: usize = self.neighbours.iter().map(Vec::len).sum();
        WeightsSummary {
            contiguity: self.spec.contiguity,
            tolerance_m: self.spec.tolerance_m,
            links,
            islands: self.islands(),
            mean_neighbours: if self.is_empty() {
                0.0
            } else {
                links as f64 / self.len() as f64
            },
            added_by_tolerance: self.added_by_tolerance,
        }
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
        (
            Weights {
                neighbours,
                spec: self.spec,
                added_by_tolerance: 0,
            },
            original,
        )
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

/// Every ring of every area as a list of point keys: the exact coordinates' bits, or with a
/// tolerance the cell of grid `grid` (0, or 1 shifted by half a cell) the point falls in.
fn vertex_keys(layer: &AreaLayer, snap: Option<(f64, u8)>) -> Vec<Vec<Vec<u128>>> {
    // Local metres: good enough over Sweden for deciding whether two points coincide.
    let lat0 = layer
        .bbox_of(|_| true)
        .map_or(58.0, |b| (b.min().y + b.max().y) / 2.0)
        .to_radians();
    let (mx, my) = (111_320.0 * lat0.cos(), 110_574.0);
    // -0.0 and 0.0 are one point.
    let bits = |v: f64| (v + 0.0).to_bits() as u128;
    let key = |x: f64, y: f64| match snap {
        None => (bits(x) << 64) | bits(y),
        Some((tolerance, grid)) => {
            let cell = tolerance.max(1e-6);
            let shift = f64::from(grid) * 0.5;
            let ix = ((x * mx / cell + shift).floor() as i64 as i32 as u32) as u128;
            let iy = ((y * my / cell + shift).floor() as i64 as i32 as u32) as u128;
            (ix << 64) | iy
        }
    };
    layer
        .areas
        .iter()
        .map(|area| {
            area.lonlat
                .0
                .iter()
                .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
                .map(|ring| ring.0.iter().map(|c| key(c.x, c.y)).collect())
                .collect()
        })
        .collect()
}

/// Neighbour lists from the areas' point keys: areas sharing a key (queen) or a pair of
/// consecutive keys (rook).
fn neighbours(keys: &[Vec<Vec<u128>>], n: usize, contiguity: Contiguity) -> Vec<Vec<usize>> {
    // (what is shared, area), sorted: a point's key, or an edge's two points numbered.
    let entries: Vec<(u128, u32)> = match contiguity {
        Contiguity::Queen => {
            let mut entries: Vec<(u128, u32)> = keys
                .iter()
                .enumerate()
                .flat_map(|(area, rings)| rings.iter().flatten().map(move |k| (*k, area as u32)))
                .collect();
            entries.sort_unstable();
            entries.dedup();
            entries
        }
        Contiguity::Rook => {
            let mut all: Vec<u128> = keys.iter().flatten().flatten().copied().collect();
            all.sort_unstable();
            all.dedup();
            let id = |k: &u128| all.binary_search(k).map_or(0, |i| i as u128);
            // Two 32-bit point numbers and the area pack in one integer, which sorts faster
            // than a pair.
            let mut packed: Vec<u128> = keys
                .iter()
                .enumerate()
                .flat_map(|(area, rings)| rings.iter().map(move |ring| (area, ring)))
                .flat_map(|(area, ring)| {
                    ring.windows(2).filter(|e| e[0] != e[1]).map(move |e| {
                        let (a, b) = (id(&e[0]), id(&e[1]));
                        (a.min(b) << 64) | (a.max(b) << 32) | area as u128
                    })
                })
                .collect();
            packed.sort_unstable();
            packed.dedup();
            packed
                .into_iter()
                .map(|e| (e >> 32, (e & 0xFFFF_FFFF) as u32))
                .collect()
        }
    };
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for group in entries.chunk_by(|a, b| a.0 == b.0) {
        for (i, (_, a)) in group.iter().enumerate() {
            for (_, b) in &group[i + 1..] {
                pairs.push((*a as usize, *b as usize));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut lists = vec![Vec::new(); n];
    for (p, q) in pairs {
        lists[p].push(q);
        lists[q].push(p);
    }
    for list in &mut lists {
        list.sort_unstable();
    }
    lists
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
