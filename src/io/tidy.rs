//! The canonical tidy long table: `area_code, indicator, year, group_by, group, value` with
//! optional `moe`, `n` and `source`. CSV here; Parquet comes with the import work.
use std::io::Cursor;

use polars::prelude::*;

use super::LoadError;
use crate::model::{Observation, Observations, SeriesKey, TOTAL};

const REQUIRED: [&str; 6] = ["area_code", "indicator", "year", "group_by", "group", "value"];

/// Parse a tidy CSV (UTF-8, comma separated, header row). Empty `value` cells are explicit
/// no-data and are skipped; anything unparseable is an error naming the line and column.
pub fn parse_csv(file: &str, bytes: &[u8]) -> Result<Observations, LoadError> {
    // All columns as text, so that a bad cell is reported by us with its line number.
    let raw = CsvReadOptions::default()
        .with_has_header(true)
        .with_infer_schema_length(Some(0))
        .into_reader_with_file_handle(Cursor::new(bytes))
        .finish()
        .map_err(|e| LoadError::Format {
            file: file.into(),
            what: format!("not a readable CSV table: {e}"),
        })?;
    let text_column = |name: &str| -> Result<Option<&StringChunked>, LoadError> {
        match raw.column(name) {
            Ok(c) => c.str().map(Some).map_err(|e| LoadError::Format {
                file: file.into(),
                what: e.to_string(),
            }),
            Err(_) => Ok(None),
        }
    };
    let mut required = Vec::with_capacity(REQUIRED.len());
    for name in REQUIRED {
        required.push(text_column(name)?.ok_or_else(|| LoadError::Format {
            file: file.into(),
            what: format!(
                "column {name:?} is missing (expected the columns {}; found {})",
                REQUIRED.join(", "),
                raw.get_column_names().iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
            ),
        })?);
    }
    let [area, indicator, year, group_by, group, value] = required[..] else {
        return Err(LoadError::Format {
            file: file.into(),
            what: "internal: column list".into(),
        });
    };
    let moe = text_column("moe")?;
    let n = text_column("n")?;

    let height = raw.height();
    let mut rows = Vec::with_capacity(height);
    let (mut c_area, mut c_ind, mut c_year, mut c_gb, mut c_g, mut c_val, mut c_moe, mut c_n) =
        (vec![], vec![], vec![], vec![], vec![], vec![], vec![], vec![]);
    for i in 0..height {
        let line = i + 2; // header is line 1
        let err = |what: String| LoadError::Line {
            file: file.into(),
            line,
            what,
        };
        let Some(value_text) = cell_at(value, i) else {
            continue; // explicit no-data
        };
        let area_code = cell_at(area, i)
            .ok_or_else(|| err("area_code is empty (expected an area code such as 1480)".into()))?;
        let ind = cell_at(indicator, i)
            .ok_or_else(|| err("indicator is empty (expected an indicator id)".into()))?;
        let year_text =
            cell_at(year, i).ok_or_else(|| err("year is empty (expected a year such as 2024)".into()))?;
        let y: i32 = year_text
            .parse()
            .ok()
            .filter(|y| (1800..=2200).contains(y))
            .ok_or_else(|| err(format!("year {year_text:?} is not a year (expected e.g. 2024)")))?;
        let v =
            parse_number(value_text).ok_or_else(|| err(format!("value {value_text:?} is not a number")))?;
        let gb = cell_at(group_by, i).unwrap_or(TOTAL);
        let g = cell_at(group, i).unwrap_or(TOTAL);
        let parse_opt = |col: Option<&StringChunked>, what: &str| -> Result<Option<f64>, LoadError> {
            match col.and_then(|c| cell_at(c, i)) {
                None => Ok(None),
                Some(t) => parse_number(t)
                    .map(Some)
                    .ok_or_else(|| err(format!("{what} {t:?} is not a number"))),
            }
        };
        let m = parse_opt(moe, "moe")?;
        let nn = parse_opt(n, "n")?;
        rows.push((
            SeriesKey::new(ind, gb, g),
            area_code.to_string(),
            Observation {
                year: y,
                value: v,
                moe: m,
                n: nn,
            },
        ));
        c_area.push(area_code.to_string());
        c_ind.push(ind.to_string());
        c_year.push(y);
        c_gb.push(gb.to_string());
        c_g.push(g.to_string());
        c_val.push(v);
        c_moe.push(m);
        c_n.push(nn);
    }
    let table = df!(
        "area_code" => c_area, "indicator" => c_ind, "year" => c_year, "group_by" => c_gb,
        "group" => c_g, "value" => c_val, "moe" => c_moe, "n" => c_n,
    )
    .map_err(|e| LoadError::Format {
        file: file.into(),
        what: e.to_string(),
    })?;
    Ok(Observations::from_rows(table, rows))
}

fn cell_at(col: &StringChunked, i: usize) -> Option<&str> {
    col.get(i).map(str::trim).filter(|s| !s.is_empty())
}

/// A number written with a decimal point or a decimal comma.
fn parse_number(text: &str) -> Option<f64> {
    let v: f64 = text.replace(',', ".").parse().ok()?;
    v.is_finite().then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "area_code,indicator,year,group_by,group,value,moe,n\n";

    #[test]
    fn reads_rows_and_skips_empty_values() {
        let text = format!(
            "{HEADER}1480,x,2024,total,total,81.5,,\n1480,x,2023,total,total,,,\n1481,x,2024,kon,kvinnor,\"79,5\",1.2,300\n"
        );
        let obs = parse_csv("t.csv", text.as_bytes()).expect("valid");
        assert_eq!(obs.len(), 2);
        assert_eq!(obs.value(&SeriesKey::total("x"), "1480", 2024), Some(81.5));
        assert_eq!(obs.value(&SeriesKey::total("x"), "1480", 2023), None);
        let women = obs
            .get(&SeriesKey::new("x", "kon", "kvinnor"), "1481", 2024)
            .expect("row");
        assert_eq!((women.value, women.moe, women.n), (79.5, Some(1.2), Some(300.0)));
        assert_eq!(obs.years("x"), &[2024]);
    }

    #[test]
    fn bad_cells_name_line_and_column() {
        let text = format!("{HEADER}1480,x,2024,total,total,81.5,,\n1480,x,20x4,total,total,1,,\n");
        let err = parse_csv("t.csv", text.as_bytes()).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("t.csv, line 3: year \"20x4\" is not a year (expected e.g. 2024)")
        );
        let text = format!("{HEADER}1480,x,2024,total,total,lots,,\n");
        let err = parse_csv("t.csv", text.as_bytes()).err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("t.csv, line 2: value \"lots\" is not a number")
        );
        let err = parse_csv("t.csv", b"area,value\n1480,1\n")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("column \"area_code\" is missing") && err.contains("found area, value"),
            "{err}"
        );
    }
}
