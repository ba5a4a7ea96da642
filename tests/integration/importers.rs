//! Importers on real-format fixtures (`tests/fixtures/`, written by hand from the formats'
//! documentation) and on broken ones: every problem names the file and the place, nothing
//! panics, and the valid part loads.
use std::path::PathBuf;

use segkarta::io::load::{self, Content, LoadOptions};
use segkarta::io::validate::Severity;
use segkarta::model::{Level, SeriesKey};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn error_text(name: &str) -> String {
    match load::load_path(&fixture(name)) {
        Ok(_) => panic!("{name} should not load"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn sweref99tm_boundaries_are_reprojected_whether_declared_or_recognised() {
    let loaded = load::load_path(&fixture("deso_sweref99tm_no_crs.geojson")).expect("loads");
    assert!(
        loaded
            .report
            .to_text()
            .contains("SWEREF 99 TM (EPSG:3006) (recognised from the coordinates)")
    );
    let Content::Boundaries(boundaries) = loaded.content else {
        panic!("boundaries")
    };
    let layer = boundaries.layer;
    assert_eq!(layer.level, Level::Deso);
    let bbox = layer.bbox_of(|_| true).expect("bbox");
    // 318 000–322 000 E, 6 398 000–6 402 000 N is central Göteborg.
    assert!(
        (11.93..11.99).contains(&bbox.min().x) && (57.68..57.71).contains(&bbox.min().y),
        "{bbox:?}"
    );
    assert_eq!(
        layer.areas[0].lonlat.0[0].interiors().len(),
        1,
        "the hole survives"
    );

    let loaded = load::load_path(&fixture("kommun_sweref99tm.geojson")).expect("loads");
    assert!(loaded.report.to_text().contains("(declared in the file)"));
}

#[test]
fn an_open_ring_skips_that_feature_and_names_it() {
    let loaded = load::load_path(&fixture("open_ring.geojson")).expect("the valid feature loads");
    assert_eq!((loaded.report.rows_loaded, loaded.report.rows_skipped), (1, 1));
    let text = loaded.report.to_text();
    assert!(
        text.contains("error: feature 2: #2 (1481): ring 1 is not closed"),
        "{text}"
    );
}

#[test]
fn truncated_geojson_wrong_encoding_and_garbage_are_errors_naming_the_file() {
    let e = error_text("truncated.geojson");
    assert!(
        e.contains("truncated.geojson: not valid GeoJSON") && e.contains("EOF"),
        "{e}"
    );
    let e = error_text("tidy_latin1.csv");
    assert!(
        e.contains("tidy_latin1.csv: not valid UTF-8 text near byte 52"),
        "{e}"
    );
    let e = error_text("garbage.csv");
    assert!(e.contains("garbage.csv"), "{e}");
    let e = error_text("no_such_file.csv");
    assert!(e.contains("no_such_file.csv: could not read the file"), "{e}");
}

#[test]
fn a_shifted_column_skips_the_row_and_names_line_and_column() {
    let loaded = load::load_path(&fixture("tidy_shifted_column.csv")).expect("the valid row loads");
    assert_eq!((loaded.report.rows_loaded, loaded.report.rows_skipped), (1, 1));
    let f = &loaded.report.findings[0];
    assert_eq!(
        (f.severity, f.line, f.column.as_deref()),
        (Severity::Error, Some(3), Some("year"))
    );
    assert!(loaded.report.has_errors());
}

#[test]
fn valid_tidy_table_merges_with_decimal_comma_margins_and_deso_suffix() {
    let mut atlas = segkarta::io::embedded::atlas().expect("embedded");
    let loaded = load::load_path(&fixture("tidy_valid.csv")).expect("loads");
    let report = load::merge(&mut atlas, loaded, &LoadOptions::default());
    assert!(!report.has_errors(), "{}", report.to_text());
    let women = SeriesKey::new("forvarvsarbetande", "kon", "kvinnor");
    assert_eq!(
        atlas
            .observations
            .value(&women, "1480", segkarta::model::Period::Year(2024)),
        Some(77.5)
    );
    let x = atlas
        .observations
        .get(
            &SeriesKey::total("andel_x"),
            "1481C0001",
            segkarta::model::Period::Year(2024),
        )
        .expect("row");
    assert_eq!((x.moe, x.n), (Some(1.1), Some(420.0)));
    assert!(
        report
            .to_text()
            .contains("area code \"1481C0001\" (1 row) matches no loaded area")
    );
}

/// A small xorshift generator: the property runs are the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Mutations of a valid input: truncation, byte flips, inserted separators and quotes,
/// duplicated or deleted spans, and pure garbage.
fn mutate(rng: &mut Rng, valid: &[u8]) -> Vec<u8> {
    let mut v = valid.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(6) {
            0 => v.truncate(at),
            1 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] = rng.next() as u8;
            }
            2 => v.insert(at.min(v.len()), {
                let specials = b",;\"\n{}[]:.-";
                specials[rng.below(specials.len())]
            }),
            3 => {
                let end = (at + rng.below(40)).min(v.len());
                let span = v[at.min(end)..end].to_vec();
                v.splice(at.min(end)..at.min(end), span);
            }
            4 => {
                let end = (at + rng.below(40)).min(v.len());
                v.drain(at.min(end)..end);
            }
            _ => v = (0..rng.below(300)).map(|_| rng.next() as u8).collect(),
        }
    }
    v
}

const CASES: usize = 10_000;

#[test]
fn tidy_csv_parser_never_panics_on_10000_generated_inputs() {
    let valid = std::fs::read(fixture("tidy_valid.csv")).expect("fixture");
    let mut rng = Rng(0x5e9c_0de1);
    let mut loaded = 0;
    for _ in 0..CASES {
        let input = mutate(&mut rng, &valid);
        if let Ok((_, report)) = segkarta::io::tidy::parse_csv("fuzz.csv", &input) {
            assert_eq!(
                report.rows_loaded + report.rows_skipped,
                report.rows_read - count_empty(&report)
            );
            loaded += 1;
        }
    }
    assert!(
        loaded > CASES / 10,
        "the mutations keep many inputs readable ({loaded})"
    );
}

fn count_empty(report: &segkarta::io::validate::ValidationReport) -> usize {
    report
        .findings
        .iter()
        .find_map(|f| {
            f.message
                .strip_suffix(" rows have an empty value and are read as no data")
        })
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

#[test]
fn geojson_parser_never_panics_on_10000_generated_inputs() {
    let valid = std::fs::read(fixture("deso_sweref99tm_no_crs.geojson")).expect("fixture");
    let mut rng = Rng(0x6e01_5e77);
    for _ in 0..CASES {
        let input = mutate(&mut rng, &valid);
        let Ok(text) = String::from_utf8(input) else {
            continue;
        };
        let _ = segkarta::io::geojson::parse("fuzz.geojson", &text);
    }
}

#[test]
fn pxweb_export_loads_as_its_own_indicator_named_by_its_title() {
    let mut atlas = segkarta::io::embedded::atlas().expect("embedded");
    let loaded = load::load_path(&fixture("pxweb_wide_latin1.csv")).expect("loads");
    assert_eq!(loaded.report.format, "SCB PxWeb CSV");
    let report = load::merge(&mut atlas, loaded, &LoadOptions::default());
    let text = report.to_text();
    assert!(
        text.contains("read as Latin-1") && text.contains("1 cells marked missing"),
        "{text}"
    );
    assert!(
        text.contains("area code \"1409\" (3 rows) matches no loaded area"),
        "{text}"
    );
    let ind = atlas
        .catalogue
        .indicator("pxweb_wide_latin1")
        .expect("indicator from the file name");
    assert_eq!(
        ind.sv,
        "Andel förvärvsarbetande efter region, födelseregion och år"
    );
    assert_eq!(ind.dimensions, vec!["födelseregion".to_string()]);
    let key = SeriesKey::new("pxweb_wide_latin1", "födelseregion", "utrikes född");
    assert_eq!(
        atlas
            .observations
            .value(&key, "1462", segkarta::model::Period::Year(2023)),
        Some(62.0)
    );
    assert_eq!(
        atlas
            .observations
            .value(&key, "1480", segkarta::model::Period::Year(2023)),
        None,
        "'..' is no data"
    );
}

#[test]
fn pxweb_parser_never_panics_on_10000_generated_inputs() {
    let valid = std::fs::read(fixture("pxweb_wide_latin1.csv")).expect("fixture");
    let mut rng = Rng(0x9c54_e111);
    for _ in 0..CASES {
        let input = mutate(&mut rng, &valid);
        let _ = segkarta::io::pxweb::parse("fuzz.csv", &input, "x");
    }
}

#[test]
fn kolada_and_jsonstat_responses_load_as_indicators() {
    let mut atlas = segkarta::io::embedded::atlas().expect("embedded");
    let loaded = load::load_path(&fixture("kolada_n00914.json")).expect("Kolada loads");
    assert_eq!(loaded.report.format, "Kolada JSON");
    load::merge(&mut atlas, loaded, &LoadOptions::default());
    let women = SeriesKey::new("N00914", "kon", "kvinnor");
    assert_eq!(
        atlas
            .observations
            .value(&women, "1480", segkarta::model::Period::Year(2022)),
        Some(45.2),
        "K is the catalogue's kvinnor"
    );
    assert_eq!(
        atlas.observations.periods("N00914"),
        &[segkarta::model::Period::Year(2022)]
    );

    let loaded = load::load_path(&fixture("pxweb_api_jsonstat2.json")).expect("JSON-stat loads");
    assert_eq!(loaded.report.format, "JSON-stat 2.0");
    let report = load::merge(&mut atlas, loaded, &LoadOptions::default());
    assert!(
        report.to_text().contains("the file's unit \"antal\""),
        "{}",
        report.to_text()
    );
    let ind = atlas
        .catalogue
        .indicator("BE0101N1")
        .expect("indicator from the metric");
    assert_eq!(ind.sv, "Folkmängd");
    assert_eq!(
        atlas.observations.value(
            &SeriesKey::total("BE0101N1"),
            "1462",
            segkarta::model::Period::Year(2023)
        ),
        Some(14000.0)
    );
}

#[test]
fn json_parsers_never_panic_on_10000_generated_inputs() {
    for (name, seed) in [
        ("kolada_n00914.json", 0x601a_da00_u64),
        ("pxweb_api_jsonstat2.json", 0x1500_57a7),
    ] {
        let valid = std::fs::read(fixture(name)).expect("fixture");
        let mut rng = Rng(seed);
        for _ in 0..CASES {
            let input = mutate(&mut rng, &valid);
            let Ok(doc) = serde_json::from_slice::<serde_json::Value>(&input) else {
                continue;
            };
            let _ = segkarta::io::kolada::parse("fuzz.json", &doc);
            let _ = segkarta::io::jsonstat::parse("fuzz.json", &doc, "x");
        }
    }
}

#[test]
fn geopackage_in_sweref99tm_loads_with_holes_multiparts_both_byte_orders_and_reports_a_cut_blob() {
    let loaded = load::load_path(&fixture("deso_sweref99tm.gpkg")).expect("loads");
    let text = loaded.report.to_text();
    assert_eq!(
        (loaded.report.rows_loaded, loaded.report.rows_skipped),
        (3, 1),
        "{text}"
    );
    assert!(text.contains("error: feature 4: 1480C9104:"), "{text}");
    let Content::Boundaries(boundaries) = loaded.content else {
        panic!("boundaries")
    };
    let layer = boundaries.layer;
    assert_eq!(layer.level, Level::Deso);
    let holed = layer.get("1480C9101").expect("area");
    assert_eq!(holed.lonlat.0[0].interiors().len(), 1);
    assert_eq!(layer.get("1480C9102").expect("area").lonlat.0.len(), 2);
    assert_eq!(holed.kommun.as_deref(), Some("1480"));
    assert_eq!(holed.name, "1480C9101 (Testområde)");
    let bbox = layer.bbox_of(|_| true).expect("bbox");
    assert!(
        (11.93..11.99).contains(&bbox.min().x) && (57.68..57.71).contains(&bbox.min().y),
        "{bbox:?}"
    );
    let e = error_text("garbage.gpkg");
    assert!(e.contains("garbage.gpkg"), "{e}");
}

#[test]
fn geopackage_geometry_reader_never_panics_on_10000_generated_blobs() {
    let valid = polygon_blob();
    let mut rng = Rng(0x6e0b_10b5);
    for _ in 0..CASES {
        let blob = mutate(&mut rng, &valid);
        let _ = segkarta::io::geopackage::gpkg_geometry(&blob);
    }
}

/// A valid little-endian GeoPackage polygon blob, built by hand.
fn polygon_blob() -> Vec<u8> {
    let mut b = b"GP\x00\x01".to_vec();
    b.extend(3006i32.to_le_bytes());
    b.push(1);
    b.extend(3u32.to_le_bytes());
    b.extend(1u32.to_le_bytes());
    b.extend(4u32.to_le_bytes());
    for (x, y) in [(0.0f64, 0.0f64), (1.0, 0.0), (0.0, 1.0), (0.0, 0.0)] {
        b.extend(x.to_le_bytes());
        b.extend(y.to_le_bytes());
    }
    b
}

#[test]
fn a_pxweb_export_naming_municipalities_instead_of_coding_them_is_matched_by_name() {
    let loaded = load::load_path(&fixture("pxweb_region_names.csv")).expect("loads");
    let text = loaded.report.to_text();
    assert!(
        text.contains(
            "3 regions given by name matched to municipality codes (Göteborg, Lilla Edet, Mölndals kommun)"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "line 8, column region: \"Ankeborg\" is neither a region code nor a municipality's name"
        ),
        "{text}"
    );
    let Content::Observations(obs) = loaded.content else {
        panic!("observations")
    };
    let key = SeriesKey::total("pxweb_region_names");
    assert_eq!(
        obs.value(&key, "1481", segkarta::model::Period::Year(2023)),
        Some(79.1),
        "Mölndals kommun → 1481"
    );
    assert_eq!(
        obs.value(&key, "1462", segkarta::model::Period::Year(2022)),
        Some(74.0)
    );
    assert_eq!(
        obs.value(
            &key,
            segkarta::model::REGION_SWEDEN,
            segkarta::model::Period::Year(2023)
        ),
        Some(78.2)
    );
}

/// A copy of the shapefile fixture in a temporary folder, its parts changed by `edit`.
fn shapefile_copy(name: &str, edit: impl Fn(&std::path::Path)) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("segkarta-shp-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    for ext in ["shp", "shx", "dbf", "prj", "cpg"] {
        std::fs::copy(
            fixture(&format!("shapefile/deso_sweref99tm.{ext}")),
            dir.join(format!("deso.{ext}")),
        )
        .expect("copy");
    }
    let shp = dir.join("deso.shp");
    edit(&shp);
    shp
}

#[test]
fn a_shapefile_in_sweref99tm_with_windows_1252_attributes_loads_with_holes_and_parts() {
    let loaded = load::load_path(&fixture("shapefile/deso_sweref99tm.shp")).expect("loads");
    let text = loaded.report.to_text();
    assert!(
        text.contains("area codes from the attribute \"DESOKOD\""),
        "{text}"
    );
    assert!(
        text.contains("SWEREF 99 TM (EPSG:3006) (from the .prj file)"),
        "{text}"
    );
    assert!(
        text.contains("feature 3: 1480C9103: has no geometry (a null shape)"),
        "{text}"
    );
    assert_eq!((loaded.report.rows_loaded, loaded.report.rows_skipped), (2, 1));
    let Content::Boundaries(boundaries) = loaded.content else {
        panic!("boundaries")
    };
    let layer = boundaries.layer;
    assert_eq!(layer.level, Level::Deso);
    let first = &layer.areas[0];
    assert_eq!(
        first.name, "1480C9101 (Gårda)",
        "Windows-1252 decoded by the .cpg"
    );
    assert_eq!(first.kommun.as_deref(), Some("1480"));
    assert_eq!(first.parent.as_deref(), Some("1480R901"));
    assert_eq!(first.lonlat.0.len(), 1);
    assert_eq!(
        first.lonlat.0[0].interiors().len(),
        1,
        "the hole belongs to its shell"
    );
    assert_eq!(layer.areas[1].lonlat.0.len(), 2, "two parts");
    let bbox = layer.bbox_of(|_| true).expect("bbox");
    assert!(
        (11.93..11.99).contains(&bbox.min().x) && (57.68..57.71).contains(&bbox.min().y),
        "{bbox:?}"
    );
}

#[test]
fn broken_shapefiles_name_the_missing_part_the_projection_or_the_cut() {
    let no_dbf = shapefile_copy("nodbf", |shp| {
        std::fs::remove_file(shp.with_extension("dbf")).expect("rm")
    });
    let e = load::load_path(&no_dbf)
        .err()
        .expect("no attributes, no areas")
        .to_string();
    assert!(e.contains("deso.dbf is missing"), "{e}");

    let rt90 = shapefile_copy("rt90", |shp| {
        std::fs::write(
            shp.with_extension("prj"),
            r#"PROJCS["RT90_25_gon_V",GEOGCS["GCS_RT_1990"]]"#,
        )
        .expect("prj")
    });
    let e = load::load_path(&rt90).err().expect("unsupported CRS").to_string();
    assert!(
        e.contains("declares \"RT90_25_gon_V\" (expected SWEREF 99 TM"),
        "{e}"
    );

    // Cut inside the second feature: the first loads, the cut is reported.
    let cut = shapefile_copy("cut", |shp| {
        let bytes = std::fs::read(shp).expect("read");
        std::fs::write(shp, &bytes[..bytes.len() - 120]).expect("write");
    });
    let loaded = load::load_path(&cut).expect("the part before the cut loads");
    let text = loaded.report.to_text();
    assert!(
        text.contains("feature 2: cannot be read (failed to fill whole buffer); this feature and the rest"),
        "{text}"
    );
    assert_eq!(loaded.report.rows_loaded, 1);
}

#[test]
fn shapefile_reader_never_panics_on_10000_generated_files() {
    let valid_shp = std::fs::read(fixture("shapefile/deso_sweref99tm.shp")).expect("fixture");
    let valid_dbf = std::fs::read(fixture("shapefile/deso_sweref99tm.dbf")).expect("fixture");
    let shp = shapefile_copy("fuzz", |_| {});
    let mut rng = Rng(0x5a9e_f11e);
    let mut loaded = 0;
    for i in 0..CASES {
        // Mostly the geometry, sometimes the attributes.
        let (shp_bytes, dbf_bytes) = if i % 4 == 3 {
            (valid_shp.clone(), mutate(&mut rng, &valid_dbf))
        } else {
            (mutate(&mut rng, &valid_shp), valid_dbf.clone())
        };
        std::fs::write(&shp, shp_bytes).expect("write");
        std::fs::write(shp.with_extension("dbf"), dbf_bytes).expect("write");
        if load::load_path(&shp).is_ok() {
            loaded += 1;
        }
    }
    assert!(loaded > CASES / 20, "many mutations stay readable ({loaded})");
}

/// SCB's PxWeb API v1 answer (`columns`/`data`), made by scripts/make_api_and_period_fixtures.py,
/// merges like a JSON-stat response: sex codes named, `..` no data, the total the total.
#[test]
fn a_pxweb_api_v1_json_answer_loads_like_json_stat() {
    let loaded = load::load_path(&fixture("pxweb_v1_folkmangd.json")).expect("PxWeb v1 loads");
    assert_eq!(loaded.report.format, "PxWeb JSON (API v1)");
    let mut atlas = segkarta::io::embedded::atlas().expect("embedded");
    let report = load::merge(&mut atlas, loaded, &LoadOptions::default());
    let text = report.to_text();
    assert!(text.contains("24 rows read, 23 loaded"), "{text}");
    assert!(text.contains("1 cells have no value"), "{text}");
    let total = SeriesKey::total("BE0101N1");
    let women = SeriesKey::new("BE0101N1", "kön", "kvinnor");
    let men = SeriesKey::new("BE0101N1", "kön", "män");
    let sum = |y| {
        atlas
            .observations
            .value(&women, "1480", segkarta::model::Period::Year(y))
            .expect("women")
            + atlas
                .observations
                .value(&men, "1480", segkarta::model::Period::Year(y))
                .expect("men")
    };
    assert_eq!(
        atlas
            .observations
            .value(&total, "1480", segkarta::model::Period::Year(2024)),
        Some(sum(2024))
    );
    assert_eq!(
        atlas
            .observations
            .value(&women, "1402", segkarta::model::Period::Year(2023)),
        None,
        "\"..\" is no data"
    );
}

#[test]
fn a_json_of_no_known_format_names_the_formats_tried_and_its_keys() {
    let e = error_text("not_a_known_format.json");
    assert!(
        e.contains("not a JSON format segkarta reads; tried Kolada")
            && e.contains("PxWeb API v1 (\"columns\", \"data\")")
            && e.contains("found top-level keys \"next\", \"page\", \"results\""),
        "{e}"
    );
}

/// Monthly and quarterly tables load with their own periods (issue 9 §2): a month stays a
/// month in the model, never folded into its year.
#[test]
fn monthly_and_quarterly_tables_load_with_their_periods() {
    use segkarta::model::Period;
    let observations = |name: &str| {
        let loaded = load::load_path(&fixture(name)).expect("reads");
        let Content::Observations(obs) = loaded.content else {
            panic!("{name} is a table");
        };
        (obs, loaded.report)
    };
    let (obs, report) = observations("arbetsloshet_manad.csv");
    assert_eq!((report.rows_loaded, report.rows_skipped), (48, 0));
    let months: Vec<Period> = (1..=12).map(|m| Period::Month(2018, m)).collect();
    assert_eq!(obs.periods("arbetsloshet"), &months[..]);
    let key = SeriesKey::total("arbetsloshet");
    assert_eq!(obs.value(&key, "1480", Period::Month(2018, 1)), Some(6.7));
    assert_eq!(obs.value(&key, "1480", Period::Year(2018)), None);

    let (obs, report) = observations("arbetsloshet_kvartal.csv");
    assert_eq!(report.rows_loaded, 16, "{}", report.to_text());
    let quarters: Vec<Period> = (1..=4).map(|q| Period::Quarter(2024, q)).collect();
    let id = obs.indicators()[0].to_string();
    assert_eq!(obs.periods(&id), &quarters[..]);
    assert_eq!(
        obs.value(&SeriesKey::total(&id), "1480", Period::Quarter(2024, 2)),
        Some(4.6)
    );

    // Merged, the report says which periods came and how the annual view is made.
    let mut atlas = segkarta::io::embedded::atlas().expect("embedded");
    let loaded = load::load_path(&fixture("arbetsloshet_manad.csv")).expect("reads");
    let text = load::merge(&mut atlas, loaded, &LoadOptions::default()).to_text();
    assert!(
        text.contains(
            "\"arbetsloshet\" has 12 periods from 2018-01 to 2018-12: its annual view \"arbetsloshet_ar\" is the mean of each whole year"
        ),
        "{text}"
    );
}

/// A survey tool's export (area and group per row, share with its interval and respondents,
/// the year only in the title): margins from the interval's wider side, respondents as `n`, a
/// survey indicator whose values from fewer than 30 answers are held back, not mapped.
#[test]
fn a_survey_export_reads_with_intervals_respondents_and_suppression() {
    let mut atlas = segkarta::io::embedded::atlas().expect("embedded");
    let loaded = load::load_path(&fixture("enkat_trygghet_2024.csv")).expect("reads");
    let report = load::merge(&mut atlas, loaded, &LoadOptions::default());
    let text = report.to_text();
    assert!(
        text.contains("2024") && text.contains("title or file name"),
        "{text}"
    );
    let id = "enkat_trygghet_2024";
    let ind = atlas.catalogue.indicator(id).expect("catalogued").clone();
    assert!(ind.survey && ind.suppress_below == Some(30.0), "{ind:?}");
    let period = segkarta::model::Period::Year(2024);
    let women = SeriesKey::new(id, "kön", "Kvinnor");
    let gbg = atlas
        .observations
        .get(&women, "1480", period)
        .expect("Göteborg's women");
    assert!((gbg.moe.expect("margin") - 2.2).abs() < 1e-9);
    assert_eq!(gbg.n, Some(1650.0));
    // Öckerö's women: 24 answers, held back; its men: no value at all.
    assert_eq!(atlas.observations.value(&women, "1407", period), None);
    let held = atlas
        .observations
        .suppressed(&women, "1407", period)
        .expect("held back");
    assert_eq!(held.n, Some(24.0));
    assert!(text.contains("fewer than 30"), "{text}");
    // Lilla Edet's total from 88 answers is shown.
    assert!(
        atlas
            .observations
            .value(&SeriesKey::total(id), "1462", period)
            .is_some()
    );
}

#[test]
fn a_survey_export_without_a_year_says_where_to_put_it() {
    let text = error_text("enkat_utan_ar.csv");
    assert!(
        text.contains("enkat_utan_ar.csv") && text.contains("file name"),
        "{text}"
    );
}

/// A municipality's list of activities (semicolons, decimal commas, SWEREF 99 TM metres on one
/// row, served area codes on others): every row read, the one with neither a place nor areas
/// listed in the report, and the demo activities replaced by the real list.
#[test]
fn an_activity_list_replaces_the_demo_activities_and_names_rows_without_a_place() {
    let mut atlas = segkarta::io::embedded::atlas().expect("embedded");
    assert!(atlas.activities.iter().all(|a| a.demo) && atlas.activities.len() > 200);
    let loaded = load::load_path(&fixture("verksamheter.csv")).expect("reads");
    let report = load::merge(&mut atlas, loaded, &LoadOptions::default());
    let text = report.to_text();
    assert_eq!(atlas.activities.len(), 6, "{text}");
    assert!(atlas.activities.iter().all(|a| !a.demo));
    assert!(text.contains("demo activities are replaced"), "{text}");
    assert!(
        text.contains("line 4") && text.contains("Trygghetsvandring Centrum: neither a location"),
        "{text}"
    );
    let angered = atlas
        .activities
        .iter()
        .find(|a| a.name == "Mötesplats Angered")
        .expect("read");
    let (lon, lat) = angered.location.expect("reprojected from SWEREF 99 TM");
    assert!(
        (12.0..12.15).contains(&lon) && (57.75..57.85).contains(&lat),
        "{lon} {lat}"
    );
    let cafe = atlas
        .activities
        .iter()
        .find(|a| a.name == "Språkcafé Mölndal")
        .expect("read");
    assert_eq!(cafe.domains, vec!["demokrati", "skola"]);
    assert_eq!(cafe.location, Some((12.0179, 57.6554)), "decimal commas");
    // Counted against the needs: Göteborg is served by the work activity naming 1480.
    segkarta::analysis::refresh_derived(&mut atlas, &[]);
    let work = SeriesKey::total("verksamheter_arbete");
    let period = segkarta::model::Period::Year(2024);
    assert_eq!(atlas.observations.value(&work, "1480", period), Some(1.0));
}

#[test]
fn broken_activity_rows_are_named_and_points_in_geojson_read() {
    let loaded = load::load_path(&fixture("verksamheter_trasig.csv")).expect("reads what it can");
    let text = loaded.report.to_text();
    for expected in [
        "line 2",
        "activity's name",
        "line 3",
        "before it starts",
        "line 4",
        "half-written",
        "line 5",
        "not a year",
        "line 6",
        "\"stiftelse\"",
        "\"culture\"",
        "not a place in Sweden",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    let Content::Activities(list) = loaded.content else {
        panic!("activities")
    };
    assert_eq!(list.len(), 1, "only Mötesplats reads, without a place");
    assert_eq!(list[0].location, None);
    let loaded = load::load_path(&fixture("verksamheter_punkter.geojson")).expect("reads");
    assert!(!loaded.report.has_errors(), "{}", loaded.report.to_text());
    let Content::Activities(points) = loaded.content else {
        panic!("points are activities, not boundaries")
    };
    assert_eq!(points.len(), 2);
    assert_eq!(points[1].end, Some(2024));
}

/// An activity list kept in Excel (made by scripts/make_activity_xlsx_fixture.py): the first
/// sheet read like a CSV export of it, Excel dates as years, numbers as codes, an empty row
/// passed over and a row without a name named by its row number.
#[test]
fn an_excel_activity_list_reads_like_its_csv() {
    let loaded = load::load_path(&fixture("verksamheter.xlsx")).expect("reads");
    let text = loaded.report.to_text();
    assert!(
        text.contains("verksamheter (Excel)") && text.contains("line 6"),
        "{text}"
    );
    let Content::Activities(list) = loaded.content else {
        panic!("activities")
    };
    let names: Vec<&str> = list.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Läxhjälp Biskopsgården",
            "Jobbspår industri",
            "Nattvandring Kungälv"
        ]
    );
    assert_eq!(
        (list[0].start, list[0].location),
        (Some(2021), Some((11.8839, 57.7292)))
    );
    assert_eq!(
        (list[1].start, list[1].end),
        (Some(2022), Some(2025)),
        "text and Excel dates"
    );
    assert_eq!(list[1].areas, ["1480"], "a code typed as a number");
    assert_eq!(list[1].domains, ["arbete", "skola"]);
    assert_eq!(list[2].start, Some(2020));
    assert_eq!(loaded.report.rows_skipped, 1); // A workbook cut off while it was written is refused with the file named.
    let text = error_text("verksamheter_halvskriven.xlsx");
    assert!(
        text.contains("verksamheter_halvskriven.xlsx") && text.contains("not a readable Excel workbook"),
        "{text}"
    );
}
