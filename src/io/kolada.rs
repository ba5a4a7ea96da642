//! Kolada API responses (v2 and v3): `values` is a list of `{kpi, municipality, period,
//! values: [{gender, value, status, count}]}`. Gender T is the total, K and M become the kön
//! groups `kvinnor` and `man` of the catalogue.
use serde_json::Value;

use super::LoadError;
use super::tidy::strip_deso_suffix;
use super::validate::{Finding, Said, Severity, ValidationReport};
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
        let skip = |report: &mut ValidationReport, code: &'static str, what: Said| {
            report.rows_read += 1;
            report.rows_skipped += 1;
            report.feature(Severity::Error, place, code, what);
        };
        let Some(kpi) = entry.get("kpi").and_then(Value::as_str) else {
            skip(
                &mut report,
                "kpi_missing",
                Said::new(
                    "no \"kpi\" (expected a key figure id such as N00914)",
                    "inget \"kpi\" (väntat: ett nyckeltals-id som N00914)",
                ),
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
                "area_code_missing",
                Said::new(
                    format!("{kpi}: no \"municipality\" (expected a code such as 1480)"),
                    format!("{kpi}: ingen \"municipality\" (väntat: en kod som 1480)"),
                ),
            );
            continue;
        };
        let area = strip_deso_suffix(&area).map_or(area.clone(), str::to_string);
        // Kolada's periods are years, and a few KPIs months or half-years: each kept as it is.
        let period_text = text(entry.get("period")).unwrap_or_default();
        let period = match crate::model::Period::parse(&period_text) {
            Ok(p) => p,
            Err(e) => {
                skip(
                    &mut report,
                    "not_a_period",
                    Said::new(
                        format!("{kpi} {area}: \"period\" {e}"),
                        format!("{kpi} {area}: \"period\" {}", e.swedish()),
                    ),
                );
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
                    let said = Said::new(
                        format!("{kpi} {area} {period}: gender {other:?} (expected T, K or M)"),
                        format!("{kpi} {area} {period}: kön {other:?} (väntat: T, K eller M)"),
                    );
                    report.push(Finding {
                        feature: Some(place),
                        column: Some("gender".into()),
                        ..Finding::new(Severity::Error, "gender_unknown", said)
                    });
                    continue;
                }
            };
            match v.get("value").and_then(Value::as_f64) {
                Some(value) => {
                    // Kolada's `count` is how many units a value covers, not respondents or a
                    // base: read as `n` it would make every survey value "too few answers".
                    rows.push((
                        SeriesKey::new(kpi, group_by, group),
                        area.clone(),
                        Observation {
                            period,
                            value,
                            moe: None,
                            n: None,
                        },
                    ));
                }
                None => missing += 1,
            }
        }
    }
    if missing > 0 {
        report.note(
            "cells_missing",
            Said::new(
                format!("{missing} values are null (status such as \"Missing\") and read as no data"),
                format!("{missing} värden är null (status som \"Missing\") och läses som uppgift saknas"),
            ),
        );
    }
    report.note(
        "kolada_gender",
        Said::new(
            "gender T is the total; K and M are the kön groups kvinnor and män",
            "kön T är totalen; K och M är kön-grupperna kvinnor och män",
        ),
    );
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
    use crate::model::Period;

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
                Period::Year(2022)
            ),
            Some(45.2)
        );
        assert_eq!(
            obs.value(&SeriesKey::total("N00914"), "1480", Period::Year(2022)),
            Some(43.1)
        );
        assert_eq!(
            obs.value(&SeriesKey::total("N00914"), "1481", Period::Year(2023)),
            None
        );
        let t = report.to_text();
        assert!(t.contains("1 values are null"), "{t}");
        assert!(t.contains("error: feature 3: N00914: no \"municipality\""), "{t}");
    }
}
