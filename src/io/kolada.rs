//! Kolada API responses (v2 and v3): `values` is a list of `{kpi, municipality, period,
//! values: [{gender, value, status, count}]}`. Gender T is the total, K and M become the kön
//! groups `kvinnor` and `man` of the catalogue.
use serde_json::Value;

use super::LoadError;
use super::tidy::strip_deso_suffix;
use super::validate::{Finding, Severity, ValidationReport};
use crate::model::{Observation, Observations, SeriesKey, TOTAL};

/// Whether a JSON document looks like a Kolada response.
pub fn looks_like_kolada(doc: &Value) -> bool {
    doc.get("values")
        .and_then(Value::as_array)
        .and_then(|v| v.first())
        .is_some_and(|first| first.get("kpi").is_some())
}

pub fn parse(file: &str, doc: &Value) -> Result<(Observations, ValidationReport), LoadError> {
    let format_err = |what: String| LoadError::Format {
        file: file.into(),
        what,
    };
    let entries = doc
        .get("values")
        .and_then(Value::as_array)
        .ok_or_else(|| format_err("expected a Kolada response with a \"values\" list".into()))?;
    let mut report = ValidationReport::new(file, "Kolada JSON");
    let mut rows = Vec::new();
    let mut missing = 0;
    for (i, entry) in entries.iter().enumerate() {
        let place = i + 1;
        let skip = |report: &mut ValidationReport, what: String| {
            report.rows_read += 1;
            report.rows_skipped += 1;
            report.feature(Severity::Error, place, what);
        };
        let Some(kpi) = entry.get("kpi").and_then(Value::as_str) else {
            skip(
                &mut report,
                "no \"kpi\" (expected a key figure id such as N00914)".into(),
            );
            continue;
        };
        // v2 writes "municipality", v3 also "municipality_id"; organisational units use "ou".
        let area = ["municipality", "municipality_id", "ou"]
            .iter()
            .find_map(|k| text(entry.get(*k)));
        let Some(area) = area else {
            skip(
                &mut report,
                format!("{kpi}: no \"municipality\" (expected a code such as 1480)"),
            );
            continue;
        };
        let area = strip_deso_suffix(&area).map_or(area.clone(), str::to_string);
        // Kolada's periods are years, and a few KPIs months or half-years: each kept as it is.
        let period_text = text(entry.get("period")).unwrap_or_default();
        let period = match crate::model::Period::parse(&period_text) {
            Ok(p) => p,
            Err(e) => {
                skip(&mut report, format!("{kpi} {area}: \"period\" {e}"));
                continue;
            }
        };
        for v in entry
            .get("values")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            report.rows_read += 1;
            let gender = v.get("gender").and_then(Value::as_str).unwrap_or("T");
            let (group_by, group) = match gender {
                "T" => (TOTAL, TOTAL),
                "K" => ("kon", "kvinnor"),
                "M" => ("kon", "man"),
                other => {
                    report.rows_skipped += 1;
                    report.push(Finding {
                        severity: Severity::Error,
                        line: None,
                        feature: Some(place),
                        column: Some("gender".into()),
                        message: format!("{kpi} {area} {period}: gender {other:?} (expected T, K or M)"),
                        details: Vec::new(),
                    });
                    continue;
                }
            };
            match v.get("value").and_then(Value::as_f64) {
                Some(value) => {
                    let n = v.get("count").and_then(Value::as_f64);
                    rows.push((
                        SeriesKey::new(kpi, group_by, group),
                        area.clone(),
                        Observation {
                            period,
                            value,
                            moe: None,
                            n,
                        },
                    ));
                }
                None => missing += 1,
            }
        }
    }
    if missing > 0 {
        report.note(format!(
            "{missing} values are null (status such as \"Missing\") and read as no data"
        ));
    }
    report.note("gender T is the total; K and M are the kön groups kvinnor and män".into());
    report.rows_loaded = rows.len();
    let observations = Observations::from_rows(rows).map_err(|e| format_err(e.to_string()))?;
    Ok((observations, report))
}

/// A string or a number as text (Kolada writes periods and codes both ways).
fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v2_and_v3_shapes_with_genders_and_missing_values() {
        let doc: Value = serde_json::from_str(
            r#"{"count":2,"values":[
              {"kpi":"N00914","municipality":"1480","period":2022,"values":[
                {"count":1,"gender":"K","status":"","value":45.2},
                {"count":1,"gender":"M","status":"","value":41.0},
                {"count":1,"gender":"T","status":"","value":43.1}]},
              {"kpi":"N00914","municipality_id":"1481","period":"2023","values":[
                {"count":1,"gender":"T","status":"Missing","value":null,"isdeleted":false}]},
              {"kpi":"N00914","period":2022,"values":[]}]}"#,
        )
        .expect("json");
        assert!(looks_like_kolada(&doc));
        let (obs, report) = parse("k.json", &doc).expect("parses");
        assert_eq!(
            obs.value(
                &SeriesKey::new("N00914", "kon", "kvinnor"),
                "1480",
                crate::model::Period::Year(2022)
            ),
            Some(45.2)
        );
        assert_eq!(
            obs.value(
                &SeriesKey::total("N00914"),
                "1480",
                crate::model::Period::Year(2022)
            ),
            Some(43.1)
        );
        assert_eq!(
            obs.value(
                &SeriesKey::total("N00914"),
                "1481",
                crate::model::Period::Year(2023)
            ),
            None
        );
        let t = report.to_text();
        assert!(t.contains("1 values are null"), "{t}");
        assert!(t.contains("error: feature 3: N00914: no \"municipality\""), "{t}");
    }
}
