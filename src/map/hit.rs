//! Which area is under a point: an R-tree of bounding boxes, then exact point-in-polygon.
use geo::{Intersects, Point};
use rstar::{AABB, RTree, primitives::GeomWithData, primitives::Rectangle};

use crate::model::AreaLayer;

type Entry = GeomWithData<Rectangle<[f64; 2]>, usize>;

pub struct HitIndex {
    tree: RTree<Entry>,
}

impl HitIndex {
    pub fn build(layer: &AreaLayer) -> Self {
        let entries = layer
            .areas
            .iter()
            .enumerate()
            .filter_map(|(i, a)| {
                let r = a.bbox_lonlat?;
                Some(GeomWithData::new(
                    Rectangle::from_corners([r.min().x, r.min().y], [r.max().x, r.max().y]),
                    i,
                ))
            })
            .collect();
        Self {
            tree: RTree::bulk_load(entries),
        }
    }

    /// Index of the area containing the point (lon, lat), or `None` over sea and outside.
    pub fn area_at(&self, layer: &AreaLayer, lon: f64, lat: f64) -> Option<usize> {
        let point = Point::new(lon, lat);
        self.tree
            .locate_in_envelope_intersecting(&AABB::from_point([lon, lat]))
            .map(|e| e.data)
            .find(|i| layer.areas.get(*i).is_some_and(|a| a.drawn().intersects(&point)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn central_goteborg_is_1480_and_kattegatt_is_none() {
        let atlas = crate::io::embedded::atlas().expect("embedded data loads");
        let layer = &atlas.layers[0];
        let hits = HitIndex::build(layer);
        // Gustaf Adolfs torg.
        let i = hits.area_at(layer, 11.9668, 57.7072).expect("an area");
        assert_eq!(layer.areas[i].code, "1480");
        // Out in Kattegatt, west of Vinga.
        assert_eq!(hits.area_at(layer, 11.40, 57.60), None);
        // Öckerö is islands, Mölndal borders Göteborg.
        let i = hits.area_at(layer, 11.6775, 57.7162).expect("Öckerö");
        assert_eq!(layer.areas[i].code, "1407");
        let i = hits.area_at(layer, 12.129, 57.613).expect("Mölndal");
        assert_eq!(layer.areas[i].code, "1481");
    }
}
