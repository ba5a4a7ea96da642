//! JSON-stat 2.0 datasets, as SCB's PxWeb API returns them: `id` and `size` list the
//! dimensions, `dimension.X.category.index` orders each one's categories, `value` holds the
//! cells in row-major order (the last dimension varies fastest), as an array or a sparse object.
//! Roles say which dimension is geography (`geo`), time (`time`) and the measure (`metric`).
use serde_json::Value;

use super::LoadError;
use super::tidy::{strip_deso_suffix, unpack_group};
use super::validate::{Said, Severity, ValidationReport};
use crate::model::{Observation, Observations, REGION_SWEDEN, SeriesKey};

pub fn looks_like_jsonstat(doc: &Value) -> bool {
    doc.get("dimension").is_some() && doc.get("id").is_some() && doc.get("value").is_some()
}

struct Dim {
    id: String,
    label: String,
    /// Category ids in index order.
    ids: Vec<String>,
    labels: Vec<String>,
}

fn dimension(doc: &Value, id: &str, size: usize) -> Result<Dim, String> {
    let d = doc
        .pointer(&format!("/dimension/{id}"))
        .ok_or(format!("dimension {id:?} is listed in \"id\" but missing"))?;
    let cat = d
        .get("category")
        .ok_or(format!("dimension {id:?} has no category"))?;
    let mut ids: Vec<String> = match cat.get("index") {
        Some(Value::Array(a)) => a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
        Some(Value::Object(o)) => {
            let mut pairs: Vec<(usize, String)> = o
                .iter()
                .filter_map(|(k, v)| Some((v.as_u64()? as usize, k.clone())))
                .collect();
            pairs.sort();
            pairs.into_iter().map(|(_, k)| k).collect()
        }
        // A single category may be given by label only.
        _ => cat
            .get("label")
            .and_then(Value::as_object)
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default(),
    };
    if ids.len() != size {
        return Err(format!(
            "dimension {id:?} has {} categories but size says {size}",
            ids.len()
        ));
    }
    let labels = ids
        .iter()
        .map(|c| {
            cat.pointer(&format!("/label/{c}"))
                .and_then(Value::as_str)
                .unwrap_or(c)
                .to_string()
        })
        .collect();
    ids.shrink_to_fit();
    let label = d.get("label").and_then(Value::as_str).unwrap_or(id).to_string();
    Ok(Dim {
        id: id.to_string(),
        label,
        ids,
        labels,
    })
}

fn role<'a>(doc: &'a Value, name: &str) -> Vec<&'a str> {
    doc.pointer(&format!("/role/{name}"))
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// Parse a dataset; `fallback_indicator` names the values when there is no metric dimension.
pub fn parse(
    file: &str,
    doc: &Value,
    fallback_indicator: &str,
) -> Result<(Observations, ValidationReport), LoadError> {
    let format_err = |what: String| LoadError::Format {
        file: file.into(),
        what,
    };
    let ids: Vec<&str> = doc
        .get("id")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .ok_or_else(|| format_err("expected JSON-stat 2.0 with an \"id\" list".into()))?;
    let sizes: Vec<usize> = doc
        .get("size")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_u64).map(|n| n as usize).collect())
        .ok_or_else(|| format_err("expected a \"size\" list".into()))?;
    if ids.len() != sizes.len() {
        return Err(format_err(format!(
            "\"id\" has {} dimensions but \"size\" {}",
            ids.len(),
            sizes.len()
        )));
    }
    let dims: Vec<Dim> = ids
        .iter()
        .zip(&sizes)
        .map(|(id, n)| dimension(doc, id, *n))
        .collect::<Result<_, _>>()
        .map_err(format_err)?;
    let find = |names: &[&str], fallback: &dyn Fn(&Dim) -> bool| {
        dims.iter()
            .position(|d| names.contains(&d.id.as_str()))
            .or_else(|| dims.iter().position(fallback))
    };
    let geo = find(&role(doc, "geo"), &|d| d.id.to_lowercase().starts_with("region")).ok_or_else(|| {
        format_err("no geography dimension (role \"geo\" or a dimension named Region)".into())
    })?;
    let time = find(&role(doc, "time"), &|d| {
        matches!(d.id.to_lowercase().as_str(), "tid" | "time" | "år")
    })
    .ok_or_else(|| format_err("no time dimension (role \"time\" or a dimension named Tid)".into()))?;
    let metric = find(&role(doc, "metric"), &|d| d.id == "ContentsCode");

    let total: usize = sizes.iter().product();
    let cell = |i: usize| -> Option<f64> {
        match doc.get("value") {
            Some(Value::Array(a)) => a.get(i).and_then(Value::as_f64),
            Some(Value::Object(o)) => o.get(&i.to_string()).and_then(Value::as_f64),
            _ => None,
        }
    };
    let mut report = ValidationReport::new(file, "JSON-stat 2.0");
    let mut rows = Vec::with_capacity(total);
    let mut missing = 0;
    let mut idx = vec![0usize; dims.len()];
    for i in 0..total {
        // Row-major: the last dimension varies fastest.
        let mut rest = i;
        for d in (0..dims.len()).rev() {
            idx[d] = rest % sizes[d];
            rest /= sizes[d];
        }
        report.rows_read += 1;
        let Some(value) = cell(i) else {
            missing += 1;
            continue;
        };
        let region = &dims[geo].ids[idx[geo]];
        let area = if region == "00" {
            REGION_SWEDEN.to_string()
        } else {
            strip_deso_suffix(region).unwrap_or(region).to_string()
        };
        // A year, quarter (`2024K1`), month (`2024M01`) or date, each kept as it is.
        let period = match crate::model::Period::parse(&dims[time].ids[idx[time]]) {
            Ok(p) => p,
            Err(e) => {
                report.rows_skipped += 1;
                report.line(
                    Severity::Error,
                    i + 1,
                    Some(&dims[time].id),
                    "not_a_period",
                    Said::new(
                        format!("time category {e}"),
                        format!("tidskategorin {}", e.swedish()),
                    ),
                );
                continue;
            }
        };
        let indicator = metric.map_or(fallback_indicator.to_string(), |m| dims[m].ids[idx[m]].clone());
        let packed: Vec<String> = (0..dims.len())
            .filter(|d| *d != geo && *d != time && Some(*d) != metric)
            .map(|d| format!("{}={}", dims[d].label, dims[d].labels[idx[d]]))
            .collect();
        let (group_by, group) = unpack_group(&packed.join(";"));
        rows.push((
            SeriesKey::new(&indicator, &group_by, &group),
            area,
            Observation {
                period,
                value,
                moe: None,
                n: None,
            },
        ));
    }
    if missing > 0 {
        report.note(
            "cells_missing",
            Said::new(
                format!("{missing} cells have no value (null, \"..\" or left out) and are read as no data"),
                format!("{missing} celler saknar värde (null, \"..\" eller utelämnade) och läses som uppgift saknas"),
            ),
        );
    }
    report.rows_loaded = rows.len();
    let mut observations = Observations::from_rows(rows).map_err(|e| format_err(e.to_string()))?;
    match metric {
        Some(m) => {
            for (id, label) in dims[m].ids.iter().zip(&dims[m].labels) {
                observations.names.insert(id.clone(), label.clone());
                if let Some(unit) = doc
                    .pointer(&format!("/dimension/{}/category/unit/{id}/base", dims[m].id))
                    .and_then(Value::as_str)
                {
                    observations.units.insert(id.clone(), unit.to_string());
                }
            }
        }
        None => {
            if let Some(label) = doc.get("label").and_then(Value::as_str) {
                observations
                    .names
                    .insert(fallback_indicator.to_string(), label.to_string());
            }
        }
    }
    Ok((observations, report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Period;

    const DOC: &str = r#"{"version":"2.0","class":"dataset","label":"Folkmängd efter region, kön och år",
      "id":["Region","Kon","Tid","ContentsCode"],"size":[2,3,2,1],
      "dimension":{
        "Region":{"label":"region","category":{"index":{"1480":0,"1481":1},"label":{"1480":"Göteborg","1481":"Mölndal"}}},
        "Kon":{"label":"kön","category":{"index":["1","2","1+2"],"label":{"1":"män","2":"kvinnor","1+2":"totalt"}}},
        "Tid":{"label":"år","category":{"index":{"2023":0,"2024":1}}},
        "ContentsCode":{"label":"tabellinnehåll","category":{"index":{"BE0101N1":0},"label":{"BE0101N1":"Folkmängd"},
          "unit":{"BE0101N1":{"base":"antal","decimals":0}}}}},
      "role":{"time":["Tid"],"metric":["ContentsCode"],"geo":["Region"]},
      "value":[290000,291000,295000,296000,585000,587000,35000,35500,36000,36200,71000,null]}"#;

    #[test]
    fn reads_cells_in_row_major_order_with_roles_labels_and_units() {
        let doc: Value = serde_json::from_str(DOC).expect("json");
        assert!(looks_like_jsonstat(&doc));
        let (obs, report) = parse("p.json", &doc, "x").expect("parses");
        assert_eq!(
            obs.value(
                &SeriesKey::new("BE0101N1", "kön", "kvinnor"),
                "1480",
                Period::Year(2024)
            ),
            Some(296000.0)
        );
        assert_eq!(
            obs.value(&SeriesKey::total("BE0101N1"), "1480", Period::Year(2023)),
            Some(585000.0),
            "totalt is the total"
        );
        assert_eq!(
            obs.value(
                &SeriesKey::new("BE0101N1", "kön", "män"),
                "1481",
                Period::Year(2024)
            ),
            Some(35500.0)
        );
        assert_eq!(
            obs.value(&SeriesKey::total("BE0101N1"), "1481", Period::Year(2024)),
            None
        );
        assert_eq!(obs.names.get("BE0101N1").map(String::as_str), Some("Folkmängd"));
        assert_eq!(obs.units.get("BE0101N1").map(String::as_str), Some("antal"));
        assert!(report.to_text().contains("1 cells have no value"));
    }

    /// SCB's monthly tables (`2024M01`) keep their months; none becomes the year 2024.
    #[test]
    fn months_read_as_months_not_folded_into_their_year() {
        let doc: Value =
            serde_json::from_str(&DOC.replace(r#"{"2023":0,"2024":1}"#, r#"{"2024M01":0,"2024M02":1}"#))
                .expect("json");
        let (obs, _) = parse("p.json", &doc, "x").expect("parses");
        assert_eq!(
            obs.periods("BE0101N1"),
            &[Period::Month(2024, 1), Period::Month(2024, 2)]
        );
        let women = SeriesKey::new("BE0101N1", "kön", "kvinnor");
        assert!(obs.value(&women, "1480", Period::Month(2024, 2)).is_some());
        assert_eq!(obs.value(&women, "1480", Period::Year(2024)), None);
        let bad: Value =
            serde_json::from_str(&DOC.replace(r#"{"2023":0,"2024":1}"#, r#"{"2024M13":0,"2024M02":1}"#))
                .expect("json");
        let (_, report) = parse("p.json", &bad, "x").expect("parses");
        assert!(
            report
                .to_text()
                .contains("time category \"2024M13\" is not a period"),
            "{}",
            report.to_text()
        );
    }

    #[test]
    fn inconsistent_sizes_are_errors() {
        let doc: Value = serde_json::from_str(&DOC.replace("[2,3,2,1]", "[2,3,3,1]")).expect("json");
        let e = parse("p.json", &doc, "x")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            e.contains("dimension \"Tid\" has 2 categories but size says 3"),
            "{e}"
        );
    }
}
