//! The canonical tidy long table: `area_code, indicator, period, group_by, group, value` with
//! optional `moe`, `n` and `source`, as CSV or Parquet. A survey's interval may come as `lower`
//! and `upper` instead of `moe`: the margin is then the wider side, so no interval shrinks. `period` is a year (`2024`), half-year
//! (`2024H1`), quarter (`2024Q1`, `2024K1`), month (`2024-03`, `2024M03`) or date
//! (`2025-01-01`); a `year` column in its place keeps working.
use std::io::Cursor;

use polars::prelude::*;

use super::LoadError;
use super::validate::{Said, Severity, ValidationReport};
use crate::model::{Observation, Observations, Period, SeriesKey, TOTAL};

const REQUIRED: [&str; 6] = ["area_code", "indicator", "period", "group_by", "group", "value"];
/// Without a `group_by` column, `group` may pack its dimensions: `kön=kvinnor;ålder=18-29 år`.
const PACKED_REQUIRED: [&str; 5] = ["area_code", "indicator", "period", "group", "value"];
/// The period column's older name, still read.
const YEAR: &str = "year";

/// Parse a tidy CSV (UTF-8, comma separated, header row). Rows that cannot be read are
/// skipped and listed in the report with line and column; empty `value` cells are explicit
/// no-data. A file that is not such a table at all is an error.
pub fn parse_csv(file: &str, bytes: &[u8]) -> Result<(Observations, ValidationReport), LoadError> {
    let format_err = |what: String| LoadError::Format {
        file: file.into(),
        what,
    };
    if let Err(e) = std::str::from_utf8(bytes) {
        return Err(LoadError::Encoding {
            file: file.into(),
            offset: e.valid_up_to(),
        });
    }
    // All columns as text, so that a bad cell is reported by us with its line number.
    let raw = CsvReadOptions::default()
        .with_has_header(true)
        .with_infer_schema_length(Some(0))
        .into_reader_with_file_handle(Cursor::new(bytes))
        .finish()
        .map_err(|e| format_err(format!("not a readable CSV table: {e}")))?;
    read_table(file, "tidy CSV", raw)
}

/// Parse a tidy table stored as Parquet (the format `segkarta convert` writes). Rows are
/// numbered from 2 as in the CSV form, so reports read the same.
pub fn parse_parquet(file: &str, bytes: &[u8]) -> Result<(Observations, ValidationReport), LoadError> {
    let format_err = |what: String| LoadError::Format {
        file: file.into(),
        what,
    };
    let df = ParquetReader::new(Cursor::new(bytes))
        .finish()
        .map_err(|e| format_err(format!("not a readable Parquet file: {e}")))?;
    let columns: Vec<Column> = df
        .columns()
        .iter()
        .map(|c| c.cast(&DataType::String))
        .collect::<PolarsResult<_>>()
        .map_err(|e| format_err(e.to_string()))?;
    let raw = DataFrame::new_infer_height(columns).map_err(|e| format_err(e.to_string()))?;
    read_table(file, "tidy Parquet", raw)
}

/// The rows of a table whose columns are all text.
fn read_table(
    file: &str,
    format: &str,
    raw: DataFrame,
) -> Result<(Observations, ValidationReport), LoadError> {
    let format_err = |what: String| LoadError::Format {
        file: file.into(),
        what,
    };
    let text_column = |name: &str| -> Result<Option<&StringChunked>, LoadError> {
        match raw.column(name) {
            Ok(c) => c.str().map(Some).map_err(|e| format_err(e.to_string())),
            Err(_) => Ok(None),
        }
    };
    let packed = raw.column("group_by").is_err() && raw.column("group").is_ok();
    // `period`, or `year` as tables written before periods were read call it.
    let period_name = if raw.column("period").is_err() && raw.column(YEAR).is_ok() {
        YEAR
    } else {
        "period"
    };
    let expected: &[&str] = if packed { &PACKED_REQUIRED } else { &REQUIRED };
    let mut required = Vec::with_capacity(REQUIRED.len());
    for name in expected.iter().copied() {
        let name = if name == "period" { period_name } else { name };
        required.push(text_column(name)?.ok_or_else(|| {
            format_err(format!(
                "column {name:?} is missing (expected the columns {} (or year for period); found {})",
                REQUIRED.join(", "),
                raw.get_column_names()
                    .iter()
                    .map(|c| c.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?);
    }
    let (area, indicator, period, group_by, group, value) = match required[..] {
        [a, i, p, gb, g, v] => (a, i, p, Some(gb), g, v),
        [a, i, p, g, v] => (a, i, p, None, g, v),
        _ => return Err(format_err("internal: column list".into())),
    };
    let columns = Columns {
        area,
        indicator,
        period,
        period_name,
        group_by,
        group,
        value,
        moe: text_column("moe")?,
        n: text_column("n")?,
        lower: text_column("lower")?,
        upper: text_column("upper")?,
    };

    let mut report = ValidationReport::new(file, format);
    if packed {
        report.note(
            "packed_groups",
            Said::new(
                "no group_by column: groups read from packed \"dimension=group;...\" values, totals (totalt, samtliga …) dropped",
                "ingen group_by-kolumn: grupper lästa ur packade värden \"dimension=grupp;...\", totaler (totalt, samtliga …) utelämnade",
            ),
        );
    }
    let unit = text_column("unit")?;
    report.rows_read = raw.height();
    let mut rows = Vec::with_capacity(raw.height());
    let mut empty_values = 0;
    let mut suffixed = 0;
    let mut units = std::collections::BTreeMap::new();
    for i in 0..raw.height() {
        let line = i + 2; // the header is line 1
        match columns.row(i) {
            Ok(None) => empty_values += 1,
            Ok(Some((key, code, obs))) => {
                if let Some(u) = unit.and_then(|u| cell_at(u, i)) {
                    units
                        .entry(key.indicator.clone())
                        .or_insert_with(|| u.to_string());
                }
                let code = match strip_deso_suffix(code) {
                    Some(plain) => {
                        suffixed += 1;
                        plain
                    }
                    None => code,
                };
                rows.push((key, code.to_string(), obs));
            }
            Err((column, code, said)) => {
                report.rows_skipped += 1;
                report.line(Severity::Error, line, Some(column), code, said);
            }
        }
    }
    if empty_values > 0 {
        report.note(
            "empty_values",
            Said::new(
                format!("{empty_values} rows have an empty value and are read as no data"),
                format!("{empty_values} rader har ett tomt värde och läses som uppgift saknas"),
            ),
        );
    }
    if suffixed > 0 {
        report.note(
            "code_suffix",
            Said::new(
                format!(
                    "{suffixed} area codes had SCB's edition suffix (such as _DeSO2025), read without it"
                ),
                format!("{suffixed} områdeskoder hade SCB:s versionsändelse (som _DeSO2025), lästa utan den"),
            ),
        );
    }
    report.rows_loaded = rows.len();
    let mut observations = Observations::from_rows(rows).map_err(|e| format_err(e.to_string()))?;
    observations.units = units;
    Ok((observations, report))
}

/// The text columns of a tidy table.
struct Columns<'a> {
    area: &'a StringChunked,
    indicator: &'a StringChunked,
    period: &'a StringChunked,
    /// The period column's header: `period` or `year`.
    period_name: &'static str,
    group_by: Option<&'a StringChunked>,
    group: &'a StringChunked,
    value: &'a StringChunked,
    moe: Option<&'a StringChunked>,
    n: Option<&'a StringChunked>,
    /// A survey interval's bounds, where a file gives them instead of a margin.
    lower: Option<&'a StringChunked>,
    upper: Option<&'a StringChunked>,
}

type Row<'a> = (SeriesKey, &'a str, Observation);

impl<'a> Columns<'a> {
    /// Row `i`: `Ok(None)` for an explicit no-data row, `Err((column, code, what))` when
    /// unreadable.
    fn row(&self, i: usize) -> Result<Option<Row<'a>>, (&'static str, &'static str, Said)> {
        let Some(value_text) = cell_at(self.value, i) else {
            return Ok(None);
        };
        let empty = |column: &'static str, en: &str, sv: &str| {
            (
                column,
                "empty_cell",
                Said::new(format!("empty (expected {en})"), format!("tom (väntat: {sv})")),
            )
        };
        let area = cell_at(self.area, i)
            .ok_or_else(|| empty("area_code", "an area code such as 1480", "en områdeskod som 1480"))?;
        let ind = cell_at(self.indicator, i)
            .ok_or_else(|| empty("indicator", "an indicator id", "ett indikator-id"))?;
        let period_text = cell_at(self.period, i).ok_or_else(|| {
            empty(
                self.period_name,
                "a period such as 2024 or 2024-03",
                "en period som 2024 eller 2024-03",
            )
        })?;
        let period =
            Period::parse(period_text).map_err(|e| (self.period_name, "not_a_period", Said::from(&e)))?;
        let value =
            parse_number(value_text).ok_or(("value", "not_a_number", Said::not_a_number(value_text)))?;
        let optional = |col: Option<&StringChunked>, name: &'static str| match col.and_then(|c| cell_at(c, i))
        {
            None => Ok(None),
            Some(t) => parse_number(t)
                .map(Some)
                .ok_or((name, "not_a_number", Said::not_a_number(t))),
        };
        let n = optional(self.n, "n")?;
        let moe = match optional(self.moe, "moe")? {
            Some(moe) => Some(moe),
            None => {
                let (lower, upper) = (optional(self.lower, "lower")?, optional(self.upper, "upper")?);
                if lower.is_some_and(|l| l > value) || upper.is_some_and(|u| u < value) {
                    return Err((
                        "lower",
                        "interval_outside",
                        Said::new(
                            format!("the interval {lower:?}–{upper:?} does not contain the value {value}"),
                            format!("intervallet {lower:?}–{upper:?} innehåller inte värdet {value}"),
                        ),
                    ));
                }
                margin_from_bounds(value, lower, upper)
            }
        };
        let key = match self.group_by {
            Some(col) => SeriesKey::new(
                ind,
                cell_at(col, i).unwrap_or(TOTAL),
                cell_at(self.group, i).unwrap_or(TOTAL),
            ),
            None => {
                let (group_by, group) = unpack_group(cell_at(self.group, i).unwrap_or(TOTAL));
                SeriesKey::new(ind, &group_by, &group)
            }
        };
        Ok(Some((
            key,
            area,
            Observation {
                period,
                value,
                moe,
                n,
            },
        )))
    }
}

/// A survey value's margin of error from its interval's bounds: the wider side, so that an
/// asymmetric interval never shrinks (never below 0).
pub fn margin_from_bounds(value: f64, lower: Option<f64>, upper: Option<f64>) -> Option<f64> {
    match (lower, upper) {
        (Some(l), Some(u)) => Some((value - l).max(u - value).max(0.0)),
        (Some(l), None) => Some((value - l).max(0.0)),
        (None, Some(u)) => Some((u - value).max(0.0)),
        (None, None) => None,
    }
}

/// Write the long table as CSV or Parquet (by extension), atomically.
pub fn write(observations: &Observations, path: &std::path::Path) -> Result<(), LoadError> {
    let file = path.display().to_string();
    let err = |what: String| LoadError::Format {
        file: file.clone(),
        what,
    };
    let mut df = observations.table().clone();
    let mut bytes = Vec::new();
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("parquet") => ParquetWriter::new(&mut bytes).finish(&mut df).map(|_| ()),
        Some("csv") => CsvWriter::new(&mut bytes).finish(&mut df),
        other => return Err(err(format!("cannot write {other:?} (expected .csv or .parquet)"))),
    }
    .map_err(|e| err(e.to_string()))?;
    super::write_atomically(path, &bytes).map_err(|source| LoadError::Read {
        file: file.clone(),
        source,
    })
}

/// `kön=kvinnor;utbildningsnivå=samtliga utbildningsnivåer` → (`kön`, `kvinnor`). Totals
/// ("totalt", "samtliga …", "total") are dropped; two real dimensions cross as `kön×ålder`.
pub fn unpack_group(packed: &str) -> (String, String) {
    if !packed.contains('=') {
        // No grouping columns at all (an export with only region and years) is the total.
        return if packed == TOTAL || packed.trim().is_empty() {
            (TOTAL.into(), TOTAL.into())
        } else {
            ("grupp".into(), packed.into())
        };
    }
    let is_total = |v: &str| {
        let v = v.trim().to_lowercase();
        v == "totalt" || v == "total" || v.starts_with("samtliga") || v == "alla"
    };
    let pairs: Vec<(&str, &str)> = packed
        .split(';')
        .filter_map(|p| p.split_once('='))
        .map(|(d, v)| (d.trim(), v.trim()))
        .filter(|(_, v)| !is_total(v))
        .collect();
    if pairs.is_empty() {
        return (TOTAL.into(), TOTAL.into());
    }
    let dims: Vec<&str> = pairs.iter().map(|p| p.0).collect();
    let groups: Vec<&str> = pairs.iter().map(|p| p.1).collect();
    (dims.join("×"), groups.join(" × "))
}

/// `1480C1622_DeSO2025` → `1480C1622`: SCB writes DeSO/RegSO codes with their edition from
/// 2024 on.
pub fn strip_deso_suffix(code: &str) -> Option<&str> {
    let (plain, suffix) = code.split_once('_')?;
    let edition = suffix
        .strip_prefix("DeSO")
        .or_else(|| suffix.strip_prefix("RegSO"))?;
    (edition.len() == 4 && edition.bytes().all(|b| b.is_ascii_digit())).then_some(plain)
}

fn cell_at(col: &StringChunked, i: usize) -> Option<&str> {
    col.get(i).map(str::trim).filter(|s| !s.is_empty())
}

/// A number written with a decimal point or a decimal comma.
/// Spaces (also no-break) may group thousands, as Swedish exports write them.
pub(crate) fn parse_number(text: &str) -> Option<f64> {
    // Most cells are plain numbers: parse them without building a cleaned copy.
    if let Ok(v) = text.parse::<f64>() {
        return v.is_finite().then_some(v);
    }
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    let v: f64 = t.replace(',', ".").parse().ok()?;
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
        let (obs, report) = parse_csv("t.csv", text.as_bytes()).expect("valid");
        assert_eq!(obs.len(), 2);
        assert_eq!(
            (report.rows_read, report.rows_loaded, report.rows_skipped),
            (3, 2, 0)
        );
        assert!(!report.has_errors());
        assert_eq!(
            obs.value(&SeriesKey::total("x"), "1480", Period::Year(2024)),
            Some(81.5)
        );
        assert_eq!(
            obs.value(&SeriesKey::total("x"), "1480", Period::Year(2023)),
            None
        );
        let women = obs
            .get(&SeriesKey::new("x", "kon", "kvinnor"), "1481", Period::Year(2024))
            .expect("row");
        assert_eq!((women.value, women.moe, women.n), (79.5, Some(1.2), Some(300.0)));
        assert_eq!(obs.periods("x"), &[Period::Year(2024)]);
    }

    /// A survey export's interval as bounds: the margin is the wider side; bounds that leave
    /// the value outside are an error on that line.
    #[test]
    fn survey_bounds_become_margins_and_bad_bounds_are_named() {
        let text = "area_code,indicator,period,group_by,group,value,lower,upper,n\n\
                    1480,otrygghet,2024,total,total,24.1,22.3,26.5,3120\n\
                    1481,otrygghet,2024,total,total,20.0,,,\n\
                    1482,otrygghet,2024,total,total,20.0,21.0,25.0,400\n";
        let (obs, report) = parse_csv("enkat.csv", text.as_bytes()).expect("read");
        let key = SeriesKey::total("otrygghet");
        let gbg = obs.get(&key, "1480", Period::Year(2024)).expect("row");
        assert!((gbg.moe.expect("margin") - 2.4).abs() < 1e-9, "the wider side");
        assert_eq!(gbg.n, Some(3120.0));
        assert_eq!(obs.get(&key, "1481", Period::Year(2024)).expect("row").moe, None);
        assert!(obs.get(&key, "1482", Period::Year(2024)).is_none());
        let text = report.to_text();
        assert!(
            text.contains("line 4") && text.contains("does not contain the value 20"),
            "{text}"
        );
    }

    #[test]
    fn bad_rows_are_skipped_and_named_with_line_and_column() {
        let text = format!(
            "{HEADER}1480,x,2024,total,total,81.5,,\n1480,x,20x4,total,total,1,,\n1481,x,2024,total,total,lots,,\n1482_DeSO2025,x,2024,total,total,3,,\n"
        );
        let (obs, report) = parse_csv("t.csv", text.as_bytes()).expect("readable");
        assert_eq!(
            (report.rows_read, report.rows_loaded, report.rows_skipped),
            (4, 2, 2)
        );
        let text = report.to_text();
        assert!(
            text.contains("error: line 3, column year: \"20x4\" is not a period (expected a year 2024"),
            "{text}"
        );
        assert!(
            text.contains("error: line 4, column value: \"lots\" is not a number"),
            "{text}"
        );
        assert_eq!(
            obs.value(&SeriesKey::total("x"), "1482", Period::Year(2024)),
            Some(3.0),
            "suffix stripped"
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

    #[test]
    fn packed_groups_unpack_and_totals_drop() {
        assert_eq!(
            unpack_group("kön=kvinnor;utbildningsnivå=samtliga utbildningsnivåer"),
            ("kön".into(), "kvinnor".into())
        );
        assert_eq!(
            unpack_group("kön=totalt;ålder=18-29 år"),
            ("ålder".into(), "18-29 år".into())
        );
        assert_eq!(
            unpack_group("kön=totalt;ålder=samtliga åldrar"),
            (TOTAL.into(), TOTAL.into())
        );
        assert_eq!(
            unpack_group("kön=män;ålder=65+ år"),
            ("kön×ålder".into(), "män × 65+ år".into())
        );
        assert_eq!(
            unpack_group(""),
            (TOTAL.into(), TOTAL.into()),
            "no group columns at all"
        );
    }

    /// `convert` writes each period as it came (a month stays a month), in the canonical
    /// spelling, and reads back the same observations from CSV and Parquet.
    #[test]
    fn csv_and_parquet_round_trip_every_kind_of_period() {
        let text = format!(
            "{HEADER}1480,x,2024,kon,kvinnor,81.5,1.2,300\n1481,x,2023,total,total,2,,\n\
             1480,ledig,2024M03,total,total,6.1,,\n1480,ledig,2024K1,total,total,6.0,,\n\
             1480,ledig,2024H2,total,total,5.9,,\n1480,folk,2025-01-01,total,total,604616,,\n"
        );
        let (obs, _) = parse_csv("t.csv", text.as_bytes()).expect("valid");
        assert_eq!(
            obs.periods("ledig"),
            &[
                Period::Quarter(2024, 1),
                Period::Month(2024, 3),
                Period::Half(2024, 2)
            ]
        );
        let dir = std::env::temp_dir().join(format!("segkarta-rt-{}", std::process::id()));
        for ext in ["csv", "parquet"] {
            let path = dir.join(format!("out.{ext}"));
            write(&obs, &path).expect("written");
            let bytes = std::fs::read(&path).expect("read back");
            if ext == "csv" {
                let written = String::from_utf8(bytes.clone()).expect("utf-8");
                assert!(written.starts_with("area_code,indicator,period,"), "{written}");
                assert!(
                    written.contains(",2024-03,") && written.contains(",2024Q1,"),
                    "{written}"
                );
                assert!(written.contains(",2025-01-01,"), "{written}");
            }
            let (back, report) = if ext == "csv" {
                parse_csv("o", &bytes)
            } else {
                parse_parquet("o", &bytes)
            }
            .expect("parses");
            assert_eq!(report.rows_loaded, 6, "{ext}");
            for id in ["x", "ledig", "folk"] {
                assert_eq!(back.periods(id), obs.periods(id), "{ext} {id}");
            }
            let key = SeriesKey::new("x", "kon", "kvinnor");
            assert_eq!(
                back.get(&key, "1480", Period::Year(2024)),
                obs.get(&key, "1480", Period::Year(2024)),
                "{ext}"
            );
            let month = SeriesKey::total("ledig");
            assert_eq!(
                back.value(&month, "1480", Period::Month(2024, 3)),
                Some(6.1),
                "{ext}"
            );
        }
        let _ = std::fs::remove_dir_all(dir);
    }

    /// 10,000 seeded periods in every spelling SCB, Kolada and municipalities use go through
    /// `convert` (CSV and Parquet) and come back as the same periods; none is folded into
    /// another.
    #[test]
    fn ten_thousand_periods_round_trip_through_convert() {
        let mut state = 0x2026_1125_u64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let mut text = String::from("area_code,indicator,period,group_by,group,value\n");
        let mut expected = Vec::new();
        for i in 0..10_000 {
            let y = 1990 + next(40) as i32;
            let (period, spelling) = match next(9) {
                0 => (Period::Year(y), format!("{y}")),
                1 => {
                    let h = 1 + next(2) as u8;
                    (Period::Half(y, h), format!("{y}H{h}"))
                }
                2 | 3 => {
                    let q = 1 + next(4) as u8;
                    let spelled = [format!("{y}K{q}"), format!("{y}Q{q}"), format!("{y}-Q{q}")];
                    (Period::Quarter(y, q), spelled[next(3) as usize].clone())
                }
                4..=6 => {
                    let m = 1 + next(12) as u8;
                    let spelled = [
                        format!("{y}-{m:02}"),
                        format!("{y}M{m:02}"),
                        format!("{y}m{m:02}"),
                    ];
                    (Period::Month(y, m), spelled[next(3) as usize].clone())
                }
                _ => {
                    let (m, d) = (1 + next(12) as u8, 1 + next(28) as u8);
                    (Period::Day(y, m, d), format!("{y}-{m:02}-{d:02}"))
                }
            };
            text += &format!("A{i},x,{spelling},total,total,{i}\n");
            expected.push(period);
        }
        let (obs, report) = parse_csv("p.csv", text.as_bytes()).expect("reads");
        assert_eq!(report.rows_loaded, 10_000, "{}", report.to_text());
        let dir = std::env::temp_dir().join(format!("segkarta-periods-{}", std::process::id()));
        for ext in ["csv", "parquet"] {
            let path = dir.join(format!("out.{ext}"));
            write(&obs, &path).expect("written");
            let bytes = std::fs::read(&path).expect("read back");
            let (back, _) = if ext == "csv" {
                parse_csv("o", &bytes)
            } else {
                parse_parquet("o", &bytes)
            }
            .expect("parses");
            let key = SeriesKey::total("x");
            for (i, period) in expected.iter().enumerate() {
                let got = back.series(&key, &format!("A{i}"));
                assert_eq!(got.len(), 1, "{ext} A{i}");
                assert_eq!(got[0].period, *period, "{ext} A{i}");
                assert_eq!(got[0].value, i as f64, "{ext} A{i}");
            }
        }
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_monthly_table_reads_as_months_never_as_their_year() {
        let text = "area_code,indicator,period,group_by,group,value\n\
             1480,arbetsloshet,2018-01,total,total,6.1\n1480,arbetsloshet,2018M02,total,total,6.0\n\
             1480,arbetsloshet,2018-13,total,total,5.0\n";
        let (obs, report) = parse_csv("m.csv", text.as_bytes()).expect("reads");
        assert_eq!(
            obs.periods("arbetsloshet"),
            &[Period::Month(2018, 1), Period::Month(2018, 2)]
        );
        assert_eq!(
            obs.value(&SeriesKey::total("arbetsloshet"), "1480", Period::Year(2018)),
            None,
            "no month counted as 2018"
        );
        assert!(
            report
                .to_text()
                .contains("line 4, column period: \"2018-13\" is not a period"),
            "{}",
            report.to_text()
        );
    }

    #[test]
    fn wrong_encoding_and_garbage_are_errors_not_panics() {
        let latin1 = b"area_code,indicator,year,group_by,group,value\n1480,G\xf6teborg,2024,total,total,1\n";
        let err = parse_csv("l.csv", latin1)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("not valid UTF-8"), "{err}");
        let garbage: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8)
            .collect();
        assert!(parse_csv("g.bin", &garbage).is_err());
    }
}
