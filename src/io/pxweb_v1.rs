//! SCB's PxWeb API v1 answer to `"response": {"format": "json"}`: `columns` (each with `code`,
//! `text` and `type`: `d` a dimension, `t` time, `c` a content column with the values), `data`
//! (rows of `key`, one code per d/t column, and `values`, strings, one per c column, `..` when
//! missing) and `metadata`. Turned into a JSON-stat 2.0 document and read by that reader, so
//! both agree on regions, groups, totals and years.
use serde_json::{Map, Value, json};

use super::LoadError;
use super::validate::ValidationReport;
use crate::model::Observations;

pub const FORMAT: &str = "PxWeb JSON (API v1)";

pub fn looks_like_pxweb_v1(doc: &Value) -> bool {
    doc.get("columns").is_some_and(Value::is_array) && doc.get("data").is_some_and(Value::is_array)
}

/// SCB's codes for sex in v1 answers (which carry codes only, no labels).
fn category_label(dimension: &str, code: &str) -> Option<&'static str> {
    match (dimension.to_lowercase().as_str(), code) {
        ("kon", "1") => Some("män"),
        ("kon", "2") => Some("kvinnor"),
        ("kon", "1+2") => Some("totalt"),
        (_, "tot" | "TOT" | "totalt") => Some("totalt"),
        _ => None,
    }
}

/// Parse an answer; its content columns' codes become the indicator ids (as in JSON-stat).
pub fn parse(file: &str, doc: &Value) -> Result<(Observations, ValidationReport), LoadError> {
    let err = |what: String| LoadError::Format {
        file: file.into(),
        what,
    };
    let columns = doc
        .get("columns")
        .and_then(Value::as_array)
        .ok_or_else(|| err("expected a \"columns\" list".into()))?;
    let column = |c: &Value, field: &str| c.get(field).and_then(Value::as_str).unwrap_or("").to_string();
    let keys: Vec<(String, String, String)> = columns
        .iter()
        .filter(|c| matches!(column(c, "type").as_str(), "d" | "t"))
        .map(|c| (column(c, "code"), column(c, "text"), column(c, "type")))
        .collect();
    let contents: Vec<(String, String, String)> = columns
        .iter()
        .filter(|c| column(c, "type") == "c")
        .map(|c| (column(c, "code"), column(c, "text"), column(c, "unit")))
        .collect();
    if contents.is_empty() {
        return Err(err(
            "no content column (a column of type \"c\" holds the values)".into()
        ));
    }
    let rows = doc
        .get("data")
        .and_then(Value::as_array)
        .ok_or_else(|| err("expected a \"data\" list".into()))?;
    // Each dimension's categories in the order they first appear.
    let mut categories: Vec<Vec<String>> = vec![Vec::new(); keys.len()];
    let mut parsed: Vec<(Vec<usize>, Vec<Option<f64>>)> = Vec::with_capacity(rows.len());
    for (r, row) in rows.iter().enumerate() {
        let key: Vec<&str> = row
            .get("key")
            .and_then(Value::as_array)
            .map(|k| k.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if key.len() != keys.len() {
            return Err(err(format!(
                "data row {}: key has {} codes but {} columns are dimensions or time",
                r + 1,
                key.len(),
                keys.len()
            )));
        }
        let index = key
            .iter()
            .zip(categories.iter_mut())
            .map(|(code, cats)| match cats.iter().position(|c| c == code) {
                Some(i) => i,
                None => {
                    cats.push(code.to_string());
                    cats.len() - 1
                }
            })
            .collect();
        let values = (0..contents.len())
            .map(|c| {
                let v = row.pointer(&format!("/values/{c}"))?;
                match v {
                    Value::Number(n) => n.as_f64(),
                    Value::String(s) => super::tidy::parse_number(s),
                    _ => None,
                }
            })
            .collect();
        parsed.push((index, values));
    }
    // As JSON-stat: the dimensions, then the contents as the metric, last.
    let mut ids: Vec<String> = keys.iter().map(|k| k.0.clone()).collect();
    ids.push("ContentsCode".into());
    let mut sizes: Vec<usize> = categories.iter().map(Vec::len).collect();
    sizes.push(contents.len());
    let mut dimension = Map::new();
    for ((code, text, _), cats) in keys.iter().zip(&categories) {
        let labels: Map<String, Value> = cats
            .iter()
            .map(|c| (c.clone(), json!(category_label(code, c).unwrap_or(c))))
            .collect();
        dimension.insert(
            code.clone(),
            json!({"label": text, "category": {"index": cats, "label": labels}}),
        );
    }
    let content_ids: Vec<String> = contents.iter().map(|c| c.0.clone()).collect();
    let content_labels: Map<String, Value> = contents.iter().map(|c| (c.0.clone(), json!(c.1))).collect();
    let units: Map<String, Value> = contents
        .iter()
        .filter(|c| !c.2.is_empty())
        .map(|c| (c.0.clone(), json!({"base": c.2})))
        .collect();
    dimension.insert(
        "ContentsCode".into(),
        json!({"label": "tabellinnehåll", "category": {"index": content_ids, "label": content_labels, "unit": units}}),
    );
    let mut values = Map::new();
    for (index, cells) in &parsed {
        let mut at = 0;
        for (i, size) in index.iter().zip(&sizes) {
            at = at * size + i;
        }
        for (c, v) in cells.iter().enumerate() {
            if let Some(v) = v {
                values.insert((at * contents.len() + c).to_string(), json!(v));
            }
        }
    }
    let time: Vec<&String> = keys.iter().filter(|k| k.2 == "t").map(|k| &k.0).collect();
    let geo: Vec<&String> = keys
        .iter()
        .filter(|k| {
            k.2 == "d" && (k.0.to_lowercase().starts_with("region") || k.1.to_lowercase().contains("region"))
        })
        .map(|k| &k.0)
        .take(1)
        .collect();
    let label = doc.pointer("/metadata/0/label").cloned().unwrap_or(Value::Null);
    let as_jsonstat = json!({
        "version": "2.0", "class": "dataset", "label": label,
        "id": ids, "size": sizes, "dimension": dimension,
        "role": {"time": time, "geo": geo, "metric": ["ContentsCode"]},
        "value": values,
    });
    let (observations, mut report) = super::jsonstat::parse(file, &as_jsonstat, "importerad")?;
    report.format = FORMAT.into();
    // One cell per row and content column ("cells have no value" counts the ".." ones).
    report.rows_read = parsed.len() * contents.len();
    Ok((observations, report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Period;
    use crate::model::SeriesKey;

    const DOC: &str = r#"{"columns":[
        {"code":"Region","text":"region","type":"d"},
        {"code":"Kon","text":"kön","type":"d"},
        {"code":"Tid","text":"år","type":"t"},
        {"code":"BE0101N1","text":"Folkmängd","type":"c"}],
      "comments":[],
      "data":[
        {"key":["1480","1","2024"],"values":["298000"]},
        {"key":["1480","2","2024"],"values":["301000"]},
        {"key":["1480","1+2","2024"],"values":["599000"]},
        {"key":["1481","1+2","2024"],"values":[".."]}],
      "metadata":[{"infofile":"BE0101","label":"Folkmängd efter region, kön och år","source":"Statistiska centralbyrån"}]}"#;

    #[test]
    fn columns_and_data_read_like_json_stat_with_sex_codes_named_and_dots_missing() {
        let doc: Value = serde_json::from_str(DOC).expect("json");
        assert!(looks_like_pxweb_v1(&doc));
        assert!(!super::super::jsonstat::looks_like_jsonstat(&doc));
        let (obs, report) = parse("folkmangd.json", &doc).expect("parses");
        assert_eq!(
            obs.value(&SeriesKey::total("BE0101N1"), "1480", Period::Year(2024)),
            Some(599000.0)
        );
        assert_eq!(
            obs.value(
                &SeriesKey::new("BE0101N1", "kön", "kvinnor"),
                "1480",
                Period::Year(2024)
            ),
            Some(301000.0)
        );
        assert_eq!(
            obs.value(&SeriesKey::total("BE0101N1"), "1481", Period::Year(2024)),
            None
        );
        assert_eq!(obs.names.get("BE0101N1").map(String::as_str), Some("Folkmängd"));
        assert_eq!(report.format, FORMAT);
        assert_eq!((report.rows_read, report.rows_loaded), (4, 3));
        assert!(
            report.to_text().contains("3 cells have no value"),
            "{}",
            report.to_text()
        );
    }

    #[test]
    fn a_row_whose_key_does_not_fit_the_columns_is_named() {
        let doc: Value = serde_json::from_str(&DOC.replace(r#"["1481","1+2","2024"]"#, r#"["1481","2024"]"#))
            .expect("json");
        let e = parse("f.json", &doc)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("data row 4: key has 2 codes but 3 columns"), "{e}");
    }
}
