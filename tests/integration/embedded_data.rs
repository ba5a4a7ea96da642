//! The data segkarta opens on: real municipal boundaries and a consistent demo catalogue.
use segkarta::model::{GR_MUNICIPALITIES, Level, SeriesKey, TOTAL};

#[test]
fn boundaries_cover_sweden_and_name_the_gr_municipalities() {
    let atlas = segkarta::io::embedded::atlas().expect("embedded data loads");
    let layer = atlas.layer(&Level::Kommun).expect("kommun layer");
    assert_eq!(layer.len(), 290);
    let expected = [
        ("1384", "Kungsbacka"),
        ("1401", "Härryda"),
        ("1402", "Partille"),
        ("1407", "Öckerö"),
        ("1415", "Stenungsund"),
        ("1419", "Tjörn"),
        ("1440", "Ale"),
        ("1441", "Lerum"),
        ("1462", "Lilla Edet"),
        ("1480", "Göteborg"),
        ("1481", "Mölndal"),
        ("1482", "Kungälv"),
        ("1489", "Alingsås"),
    ];
    for (code, name) in expected {
        assert_eq!(layer.get(code).map(|a| a.name.as_str()), Some(name), "{code}");
    }
    // Öckerö is an archipelago: more than one polygon.
    assert!(layer.get("1407").expect("Öckerö").lonlat.0.len() > 1);
}

#[test]
fn catalogue_has_every_domain_with_three_indicators_and_ten_years() {
    let atlas = segkarta::io::embedded::atlas().expect("embedded data loads");
    let cat = &atlas.catalogue;
    let ids: Vec<&str> = cat.domains.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        ["bostad", "skola", "arbete", "brott", "demokrati", "bakgrund"]
    );
    for d in &cat.domains {
        assert!(
            cat.indicators_in(&d.id).count() >= 3,
            "domain {} has at least three indicators",
            d.id
        );
    }
    let longest = cat
        .indicators
        .iter()
        .map(|i| atlas.observations.periods(&i.id).len())
        .max();
    assert!(longest >= Some(10));
    let dims: std::collections::HashSet<&str> = cat
        .indicators
        .iter()
        .flat_map(|i| i.dimensions.iter().map(String::as_str))
        .collect();
    assert!(
        dims.len() >= 3,
        "groups for at least three grouping dimensions: {dims:?}"
    );
    assert!(cat.problems().is_empty());
}

#[test]
fn every_gr_area_has_a_value_for_every_year_and_group_of_every_indicator() {
    let atlas = segkarta::io::embedded::atlas().expect("embedded data loads");
    for ind in &atlas.catalogue.indicators {
        let years = atlas.observations.periods(&ind.id);
        assert!(!years.is_empty(), "{} has data", ind.id);
        let mut keys = vec![SeriesKey::total(&ind.id)];
        for dim in &ind.dimensions {
            let groups = atlas.groups_ordered(&ind.id, dim);
            let all = atlas.catalogue.dimension(dim).map_or(0, |d| d.groups.len());
            assert_eq!(groups.len(), all, "{} has every group of {dim}", ind.id);
            keys.extend(groups.iter().map(|g| SeriesKey::new(&ind.id, dim, g)));
        }
        for key in &keys {
            for code in GR_MUNICIPALITIES {
                for year in years {
                    // Survey values from too few answers are held back, never missing.
                    if atlas.observations.suppressed(key, code, *year).is_some() {
                        continue;
                    }
                    let v = atlas.observations.value(key, code, *year);
                    let v = v.unwrap_or_else(|| panic!("{key:?} {code} {year} has a value"));
                    assert!(
                        (ind.min..=ind.max).contains(&v),
                        "{key:?} {code} {year}: {v} within range"
                    );
                }
            }
        }
    }
}

#[test]
fn demo_values_are_marked_as_demo_everywhere() {
    let atlas = segkarta::io::embedded::atlas().expect("embedded data loads");
    for ind in &atlas.catalogue.indicators {
        assert!(ind.demo, "{} is marked demo", ind.id);
        assert!(
            ind.source.starts_with("Demodata"),
            "{} names its demo source",
            ind.id
        );
    }
    let gb = atlas.observations.table().column("group_by").expect("column");
    let gb = gb.str().expect("text");
    assert!((0..gb.len()).filter_map(|i| gb.get(i)).any(|g| g == TOTAL));
}

#[test]
fn region_rows_are_means_within_the_range_of_the_members() {
    let atlas = segkarta::io::embedded::atlas().expect("embedded data loads");
    let key = SeriesKey::total("forvarvsarbetande");
    let gr = atlas
        .region_value(&key, segkarta::model::Period::Year(2024))
        .expect("GR value");
    assert!(gr.published, "the demo data carries its own GR rows");
    let members: Vec<f64> = GR_MUNICIPALITIES
        .iter()
        .filter_map(|c| {
            atlas
                .observations
                .value(&key, c, segkarta::model::Period::Year(2024))
        })
        .collect();
    let (lo, hi) = members
        .iter()
        .fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(*v), h.max(*v)));
    assert!((lo..=hi).contains(&gr.value));
}
