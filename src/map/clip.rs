//! SCB's DeSO and RegSO polygons reach out over the sea. For drawing and hit testing they are
//! clipped to the land (the union of the municipalities that touch them); the original
//! geometry stays in `Area::lonlat` for analysis.
use geo::{BooleanOps, BoundingRect, Intersects, MultiPolygon};

use crate::model::AreaLayer;

/// Set `display` of every area in `layer` to its part on land, as given by `land`.
/// Returns how many areas were clipped.
pub fn clip_to_land(layer: &mut AreaLayer, land: &AreaLayer) -> usize {
    let mut clipped = 0;
    for area in &mut layer.areas {
        let Some(bbox) = area.lonlat.bounding_rect() else {
            continue;
        };
        let touching: Vec<&MultiPolygon<f64>> = land
            .areas
            .iter()
            .filter(|l| l.bbox_lonlat.is_some_and(|b| b.intersects(&bbox)))
            .map(|l| &l.lonlat)
            .collect();
        if touching.is_empty() {
            continue;
        }
        // geo's boolean operations can panic on degenerate input; a failed clip keeps the
        // original shape rather than losing the area.
        let result = std::panic::catch_unwind(|| {
            let mask = touching
                .iter()
                .skip(1)
                .fold(touching[0].clone(), |acc, m| acc.union(*m));
            area.lonlat.intersection(&mask)
        });
        if let Ok(on_land) = result
            && !on_land.0.is_empty()
        {
            area.display = Some(on_land);
            clipped += 1;
        }
    }
    clipped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Area, Level};
    use geo::{Area as _, polygon};

    #[test]
    fn the_part_over_the_sea_is_cut_off_for_display_only() {
        let land = AreaLayer::new(
            Level::Kommun,
            vec![Area::new(
                "1480".into(),
                "Land".into(),
                None,
                MultiPolygon(vec![
                    polygon![(x: 11.9, y: 57.6), (x: 12.1, y: 57.6), (x: 12.1, y: 57.8), (x: 11.9, y: 57.8)],
                ]),
            )],
        );
        // Half of this area lies west of the land, over the sea.
        let deso = Area::new(
            "1480C0001".into(),
            "Kust".into(),
            Some("1480".into()),
            MultiPolygon(vec![
                polygon![(x: 11.8, y: 57.65), (x: 12.0, y: 57.65), (x: 12.0, y: 57.75), (x: 11.8, y: 57.75)],
            ]),
        );
        let mut layer = AreaLayer::new(Level::Deso, vec![deso]);
        assert_eq!(clip_to_land(&mut layer, &land), 1);
        let area = &layer.areas[0];
        let shown = area.display.as_ref().expect("clipped").unsigned_area();
        assert!(
            (shown - area.lonlat.unsigned_area() / 2.0).abs() < 1e-9,
            "half is shown"
        );
        assert!(
            (area.lonlat.unsigned_area() - 0.02).abs() < 1e-9,
            "the original is kept"
        );
    }
}
