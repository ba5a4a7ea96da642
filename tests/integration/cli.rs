//! The command line: `validate` reports and exits by the result, `convert` writes tidy tables.

use crate::common::run_segkarta;
use std::path::PathBuf;

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn validate_exits_zero_on_clean_files_and_one_on_errors() {
    let (code, out, _) = run_segkarta(&["validate", &fixture("deso_sweref99tm_no_crs.geojson")]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("3 rows read, 3 loaded, 0 skipped"), "{out}");
    let (code, out, _) = run_segkarta(&["validate", &fixture("tidy_shifted_column.csv")]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error: line 3, column year"), "{out}");
    let (code, _, err) = run_segkarta(&["validate"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("Usage:"), "{err}");
}

#[test]
fn validate_json_has_the_documented_shape() {
    let (code, out, _) = run_segkarta(&["validate", "--json", &fixture("open_ring.geojson")]);
    assert_eq!(code, 1);
    let doc: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let r = &doc[0];
    assert_eq!(r["format"], "GeoJSON");
    assert_eq!(
        (
            r["rows_read"].as_u64(),
            r["rows_loaded"].as_u64(),
            r["rows_skipped"].as_u64()
        ),
        (Some(2), Some(1), Some(1))
    );
    let first = r["findings"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["severity"] == "error"))
        .expect("an error");
    assert_eq!(
        (first["severity"].as_str(), first["feature"].as_u64()),
        (Some("error"), Some(2))
    );
    // A stable code for scripts, the English message and the Swedish one the UI shows.
    assert_eq!(first["code"], "geometry_unreadable");
    assert!(first["message"].is_string() && first["message_sv"].is_string());
    assert!(
        r["findings"].as_array().is_some_and(|f| f
            .iter()
            .all(|f| f["code"].as_str().is_some_and(|c| !c.is_empty()))),
        "every finding has a code"
    );
    assert!(
        first["message"]
            .as_str()
            .is_some_and(|m| m.contains("not closed"))
    );
    assert_eq!(r["unlisted"], 0);
}

#[test]
fn convert_writes_parquet_that_reads_back() {
    let dir = std::env::temp_dir().join(format!("segkarta-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let out = dir.join("tidy.parquet").display().to_string();
    let (code, _, err) = run_segkarta(&[
        "convert",
        &fixture("pxweb_wide_latin1.csv"),
        &fixture("kolada_n00914.json"),
        "--to",
        &out,
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("wrote 24 rows"), "{err}");
    let (code, out, _) = run_segkarta(&["validate", &out]);
    assert!(
        out.contains("(tidy Parquet): 24 rows read, 24 loaded, 0 skipped"),
        "{out}"
    );
    assert_eq!(code, 0);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn analyze_reports_breaks_moran_lisa_and_segregation_as_documented_json() {
    let (code, out, err) = run_segkarta(&[
        "analyze",
        "--indicator",
        "gitter",
        "--year",
        "2024",
        "--level",
        "custom",
        "--scheme",
        "fisher-jenks",
        "--k",
        "4",
        "--boundaries",
        &fixture("analysis/autocorrelation_areas.geojson"),
        "--data",
        &fixture("analysis/autocorrelation_values.csv"),
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(
        report["level"],
        serde_json::json!({"custom": "Autocorrelation areas"})
    );
    assert_eq!(report["areas_with_values"], 119);
    assert_eq!(report["classification"]["scheme"], "fisher-jenks");
    assert_eq!(
        report["classification"]["breaks"]
            .as_array()
            .expect("breaks")
            .len(),
        4
    );
    let i = report["moran"]["i"].as_f64().expect("I");
    assert!((i - 0.644266034987271).abs() < 1e-9, "esda's I: {i}");
    assert_eq!(report["moran"]["permutations"], 999);
    let lisa = report["lisa"].as_array().expect("lisa");
    assert_eq!(lisa.len(), 119);
    assert!(lisa.iter().any(|a| a["cluster"] == "high-high"));
    // Segregation measures of the embedded demo counts, for GR as a whole.
    let seg = report["segregation"].as_array().expect("segregation");
    assert!(
        seg.iter()
            .any(|s| s["measure"] == "seg_d_folkmangd" && s["place"] == "GR" && s["group"] == "ovriga")
    );

    let (code, _, err) = run_segkarta(&["analyze", "--indicator", "finns_inte", "--year", "2024"]);
    assert_eq!(code, 1);
    assert!(err.contains("unknown indicator \"finns_inte\""), "{err}");
    let (code, _, err) = run_segkarta(&[
        "analyze",
        "--indicator",
        "forvarvsarbetande",
        "--year",
        "2024",
        "--level",
        "deso",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("no DeSO boundaries are loaded"), "{err}");
}

/// `analyze` on a survey indicator says what it held back and what differs from GR beyond
/// chance, in the text and in the JSON.
#[test]
fn analyze_reports_survey_suppression_uncertainty_and_tests() {
    let args = [
        "analyze",
        "--indicator",
        "otrygghet",
        "--year",
        "2024",
        "--group-by",
        "fodelseregion",
        "--group",
        "ovriga",
    ];
    let (code, out, err) = run_segkarta(&args);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(
            "survey (95 % confidence): 5 areas with too few answers (below 30): 1401, 1407, 1415, 1419, 1462"
        ),
        "{out}"
    );
    assert!(out.contains("differ significantly from GR"), "{out}");
    let (code, json, err) = run_segkarta(&[&args[..], &["--json"]].concat());
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let survey = &report["survey"];
    assert_eq!(survey["too_few_answers"].as_array().map(Vec::len), Some(5));
    assert_eq!(survey["suppress_below"].as_f64(), Some(30.0));
    // The held-back areas are not in the classification's counts.
    let counted: u64 = report["classification"]["counts"]
        .as_array()
        .expect("counts")
        .iter()
        .filter_map(|c| c.as_u64())
        .sum();
    assert_eq!(counted, 8);
}
