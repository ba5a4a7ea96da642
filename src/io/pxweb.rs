//! SCB Statistikdatabasen (PxWeb) CSV exports as downloaded: title lines above the header,
//! `;`, `,` or tab separated, quoted fields, decimal comma, `..`/`.`/`-` for missing values,
//! footnotes after a blank line, UTF-8 (with or without BOM) or Latin-1, a region column like
//! `1480 Göteborg`, periods (years, half-years, quarters `2024K1`, months `2024M01`, dates) as
//! columns (wide) or in a column of their own (`år`, `månad`, `kvartal`, `tid`: long), and any number
//! of grouping columns (kön, födelseregion, ...). The report counts values (cells), since a
//! wide row holds several. Survey tools export the same shape with a value (`andel`), its
//! interval (`nedre`, `övre`) or margin and the respondents (`n`, `antal svar`), often with the
//! year only in the title or the file name, from which it is then taken (and said so).
use super::LoadError;
use super::tidy::{parse_number, strip_deso_suffix, unpack_group};
use super::validate::{Said, Severity, ValidationReport};
use crate::model::{Observation, Observations, Period, REGION_SWEDEN, SeriesKey};

/// Whether `bytes` look like a PxWeb export rather than a tidy table.
pub fn looks_like_pxweb(bytes: &[u8]) -> bool {
    let text = decode(bytes).0;
    let Some((header, _)) = find_header(&text) else {
        return false;
    };
    let lower: Vec<String> = header.iter().map(|h| h.to_lowercase()).collect();
    !lower.iter().any(|h| h == "area_code")
        && (lower.iter().any(|h| h.starts_with("region"))
            || header.iter().any(|h| period_header(h).is_some())
            || (lower.iter().any(|h| h == "kommun" || h == "område")
                && header.iter().any(|h| survey_role(h).is_some())))
}

/// The report format name of this reader.
pub const FORMAT: &str = "SCB PxWeb CSV";

/// The first rows of an export and what each column was recognised as, for the import
/// dialog to show before anything is merged.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub title: Option<String>,
    pub header: Vec<String>,
    /// Per column, what it was recognised as.
    pub roles: Vec<ColumnRole>,
    pub rows: Vec<Vec<String>>,
}

pub fn preview(bytes: &[u8], max_rows: usize, file: &str) -> Option<Preview> {
    let (text, _) = decode(bytes);
    let (header, header_line) = find_header(&text)?;
    let sep = separator(text.lines().nth(header_line).unwrap_or_default());
    let title = text
        .lines()
        .take(header_line)
        .map(|l| l.trim().trim_matches('"').to_string())
        .find(|l| !l.is_empty());
    let roles = guess_roles(&header, year_in(title.as_deref(), file)).ok()?;
    let rows = text
        .lines()
        .skip(header_line + 1)
        .take_while(|l| !l.trim().is_empty())
        .take(max_rows)
        .map(|l| split_fields(l, sep))
        .collect();
    Some(Preview {
        title,
        header,
        roles,
        rows,
    })
}

/// Parse an export; `indicator` is the id the values get (the file name, usually).
pub fn parse(
    file: &str,
    bytes: &[u8],
    indicator: &str,
) -> Result<(Observations, ValidationReport), LoadError> {
    parse_with_roles(file, bytes, indicator, None)
}

/// [`parse`] with the columns' roles given (from the import dialog) instead of recognised.
pub fn parse_with_roles(
    file: &str,
    bytes: &[u8],
    indicator: &str,
    given: Option<&[ColumnRole]>,
) -> Result<(Observations, ValidationReport), LoadError> {
    let format_err = |what: String| LoadError::Format {
        file: file.into(),
        what,
    };
    let (text, latin1) = decode(bytes);
    let mut report = ValidationReport::new(file, FORMAT);
    if latin1 {
        report.note(
            "read_as_latin1",
            Said::new(
                "not UTF-8: read as Latin-1 (ISO 8859-1), as older PxWeb exports are",
                "inte UTF-8: läst som Latin-1 (ISO 8859-1), som äldre PxWeb-exporter är",
            ),
        );
    }
    let (header, header_line) = find_header(&text).ok_or_else(|| {
        format_err("no header row found (expected a row of column names separated by ; , or tab)".into())
    })?;
    let sep = separator(text.lines().nth(header_line).unwrap_or_default());
    let title: Vec<&str> = text
        .lines()
        .take(header_line)
        .map(|l| l.trim().trim_matches('"'))
        .filter(|l| !l.is_empty())
        .collect();
    // A survey export may give its year only in the title or the file name.
    let fixed = year_in(title.first().copied(), file);
    let roles = match given {
        Some(g) if g.len() == header.len() => Roles::from_columns(g, fixed),
        Some(g) => Err(format!("{} roles for {} columns", g.len(), header.len())),
        None => guess_roles(&header, fixed).and_then(|g| Roles::from_columns(&g, fixed)),
    }
    .map_err(format_err)?;
    if roles.period_column.is_none()
        && roles.period_columns.is_empty()
        && let Some(p) = roles.fixed_period
    {
        report.note(
            "period_from_name",
            Said::new(
                format!("no period column: all values read as {p}, the year in the title or file name"),
                format!("ingen periodkolumn: alla värden lästa som {p}, året i rubriken eller filnamnet"),
            ),
        );
    }

    let mut rows = Vec::new();
    let mut missing = 0;
    let mut footnotes = 0;
    let mut in_footer = false;
    let mut by_name = std::collections::BTreeSet::new();
    for (i, line) in text.lines().enumerate().skip(header_line + 1) {
        let line_no = i + 1;
        if line.trim().is_empty() {
            in_footer = true;
            continue;
        }
        let fields = split_fields(line, sep);
        if in_footer || fields.len() < header.len() && fields.len() <= 1 {
            footnotes += 1;
            in_footer = true;
            continue;
        }
        // Counted in values, not lines: a wide row holds one value per year.
        if fields.len() != header.len() {
            report.rows_read += 1;
            report.rows_skipped += 1;
            report.line(
                Severity::Error,
                line_no,
                None,
                "field_count",
                Said::new(
                    format!(
                        "{} fields, the header has {} (a shifted or broken row)",
                        fields.len(),
                        header.len()
                    ),
                    format!(
                        "{} fält, rubrikraden har {} (en förskjuten eller trasig rad)",
                        fields.len(),
                        header.len()
                    ),
                ),
            );
            continue;
        }
        let region = fields[roles.region].trim();
        let area = area_code(region).or_else(|| {
            let code = super::embedded::municipality_code_by_name(region)?;
            by_name.insert(region.to_string());
            Some(code.to_string())
        });
        let Some(area) = area else {
            report.rows_read += 1;
            report.rows_skipped += 1;
            report.line(
                Severity::Error,
                line_no,
                Some(&header[roles.region]),
                "region_unknown",
                Said::new(
                    format!(
                        "{region:?} is neither a region code nor a municipality's name (expected e.g. \"1480 Göteborg\")"
                    ),
                    format!(
                        "{region:?} är varken en regionkod eller ett kommunnamn (väntat t.ex. \"1480 Göteborg\")"
                    ),
                ),
            );
            continue;
        };
        let packed: Vec<String> = roles
            .groups
            .iter()
            .map(|g| format!("{}={}", header[*g].to_lowercase(), fields[*g].trim()))
            .collect();
        let (group_by, group) = unpack_group(&packed.join(";"));
        let key = SeriesKey::new(indicator, &group_by, &group);
        for (col, period) in roles.values(&fields) {
            report.rows_read += 1;
            let cell = fields[col].trim();
            if matches!(cell, ".." | "." | "-" | "" | "…") {
                missing += 1;
                continue;
            }
            let period = match period {
                Ok(p) => p,
                Err(e) => {
                    report.rows_skipped += 1;
                    report.line(
                        Severity::Error,
                        line_no,
                        Some(&header[roles.period_column.unwrap_or(col)]),
                        "not_a_period",
                        Said::from(&e),
                    );
                    continue;
                }
            };
            match parse_number(cell) {
                Some(value) => rows.push((
                    key.clone(),
                    area.clone(),
                    Observation {
                        period,
                        value,
                        moe: roles.margin_of(&fields, value),
                        n: roles.respondents.and_then(|c| parse_number(fields[c].trim())),
                    },
                )),
                None => {
                    report.rows_skipped += 1;
                    report.line(
                        Severity::Error,
                        line_no,
                        Some(&header[col]),
                        "not_a_number",
                        Said::not_a_number(cell),
                    );
                }
            }
        }
    }
    if missing > 0 {
        report.note(
            "cells_missing",
            Said::new(
                format!("{missing} cells marked missing (.., ., -) read as no data"),
                format!("{missing} celler markerade som saknade (.., ., -) lästa som uppgift saknas"),
            ),
        );
    }
    if footnotes > 0 {
        report.note(
            "footnotes_skipped",
            Said::new(
                format!("{footnotes} footnote lines after the table skipped"),
                format!("{footnotes} fotnotsrader efter tabellen hoppades över"),
            ),
        );
    }
    if !by_name.is_empty() {
        let names = by_name.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
        report.note(
            "regions_by_name",
            Said::new(
                format!(
                    "{} regions given by name matched to municipality codes ({names})",
                    by_name.len()
                ),
                format!(
                    "{} regioner angivna med namn matchade mot kommunkoder ({names})",
                    by_name.len()
                ),
            ),
        );
    }
    let (layout_en, layout_sv) = if roles.period_column.is_some() {
        ("periods in rows", "perioder i rader")
    } else if roles.period_columns.is_empty() {
        ("one period for every row", "en period för alla rader")
    } else {
        ("periods as columns", "perioder som kolumner")
    };
    let groups = roles
        .groups
        .iter()
        .map(|g| format!("{:?}", header[*g]))
        .collect::<Vec<_>>()
        .join(", ");
    let (groups_en, groups_sv) = if roles.groups.is_empty() {
        ("no column".to_string(), "ingen kolumn".to_string())
    } else {
        (groups.clone(), groups)
    };
    let region = &header[roles.region];
    report.note(
        "layout",
        Said::new(
            format!(
                "separator {sep:?}, {layout_en}, regions from column {region:?}, groups from {groups_en}"
            ),
            format!(
                "avgränsare {sep:?}, {layout_sv}, regioner från kolumnen {region:?}, grupper från {groups_sv}"
            ),
        ),
    );
    report.rows_loaded = rows.len();
    let mut observations = Observations::from_rows(rows).map_err(|e| format_err(e.to_string()))?;
    if let Some(t) = title.first() {
        observations.names.insert(indicator.to_string(), t.to_string());
    }
    // A survey export's value column says its unit in its header: "Andel (%)".
    if roles.period_column.is_none()
        && roles.period_columns.is_empty()
        && header[roles.value_column].contains('%')
    {
        observations
            .units
            .insert(indicator.to_string(), "procent".to_string());
    }
    Ok((observations, report))
}

/// UTF-8 (BOM dropped) when valid, otherwise Latin-1; the flag says Latin-1 was used.
pub(crate) fn decode(bytes: &[u8]) -> (String, bool) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), false),
        Err(_) => (bytes.iter().map(|b| *b as char).collect(), true),
    }
}

/// The separator of a header line: the most frequent of `;`, tab and `,` outside quotes.
pub(crate) fn separator(line: &str) -> char {
    let mut counts = [(';', 0), ('\t', 0), (',', 0)];
    let mut quoted = false;
    for c in line.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted && let Some(e) = counts.iter_mut().find(|e| e.0 == c) {
            e.1 += 1;
        }
    }
    counts.iter().max_by_key(|e| e.1).map_or(';', |e| e.0)
}

/// The first line with at least two fields is the header; lines above it are the title.
fn find_header(text: &str) -> Option<(Vec<String>, usize)> {
    text.lines().enumerate().take(20).find_map(|(i, line)| {
        let fields = split_fields(line, separator(line));
        (fields.len() >= 2 && fields.iter().all(|f| !f.trim().is_empty())).then_some((fields, i))
    })
}

/// Split one line on `sep`, honouring double quotes (`""` inside quotes is a quote).
pub(crate) fn split_fields(line: &str, sep: char) -> Vec<String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.trim_end_matches('\r').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => fields.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    fields.push(cur);
    fields
}

/// A column header that is a period (`2024`, `2024K1`, `2024M01`): a wide layout's value
/// column. Years outside 1900–2100 are taken for other numbers.
pub fn period_header(h: &str) -> Option<Period> {
    Period::parse(h)
        .ok()
        .filter(|p| (1900..=2100).contains(&p.year()))
}

/// Headers of a long layout's column of periods, as SCB and municipalities name it.
const PERIOD_COLUMNS: [&str; 11] = [
    "år", "year", "period", "tid", "månad", "kvartal", "halvår", "datum", "month", "quarter", "date",
];

/// `1480 Göteborg` → `1480`; `1480C1622_DeSO2025` → `1480C1622`; `00 Riket`/`Riket` → SE.
fn area_code(region: &str) -> Option<String> {
    let first = region.split_whitespace().next()?;
    if first.eq_ignore_ascii_case("riket") || first == "00" {
        return Some(REGION_SWEDEN.into());
    }
    let code = strip_deso_suffix(first).unwrap_or(first);
    let digits = code.get(..4)?;
    (digits.bytes().all(|b| b.is_ascii_digit()) && code.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then(|| code.to_string())
}

/// What a column of an export holds, as recognised or as the user set it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    Region,
    /// Long layout: the column of periods.
    Period,
    /// Long layout: the column of values.
    Value,
    /// Wide layout: the values of one period.
    PeriodValue(Period),
    Group,
    /// A survey value's interval: its lower and upper bound, or its margin of error.
    Lower,
    Upper,
    Margin,
    /// Respondents (the base of a survey value).
    Respondents,
    Ignore,
}

/// A survey export's column by its header: interval bounds, margin, respondents.
fn survey_role(header: &str) -> Option<ColumnRole> {
    let h = header.trim().to_lowercase();
    let starts = |words: &[&str]| words.iter().any(|w| h.starts_with(w));
    if starts(&["nedre", "undre", "lower", "ki nedre", "ki, nedre"]) {
        Some(ColumnRole::Lower)
    } else if starts(&["övre", "upper", "ki övre", "ki, övre"]) {
        Some(ColumnRole::Upper)
    } else if starts(&["felmarginal", "moe", "margin", "±"]) {
        Some(ColumnRole::Margin)
    } else if h == "n" || starts(&["antal svar", "svarande", "respondents", "antal svarande", "bas "]) {
        Some(ColumnRole::Respondents)
    } else {
        None
    }
}

/// A value column's header in a survey export.
fn looks_like_value(header: &str) -> bool {
    let h = header.trim().to_lowercase();
    [
        "andel", "värde", "varde", "value", "share", "procent", "%", "medel", "mean", "resultat",
    ]
    .iter()
    .any(|w| h.starts_with(w))
}

/// A year written in a title line or a file name ("Trygghetsundersökning 2024").
fn year_in(title: Option<&str>, file: &str) -> Option<Period> {
    let stem = std::path::Path::new(file)
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    [title.unwrap_or_default(), stem.as_str()]
        .iter()
        .find_map(|text| {
            let chars: Vec<char> = text.chars().collect();
            chars.windows(4).enumerate().find_map(|(i, w)| {
                let boundary = |j: Option<&char>| j.is_none_or(|c| !c.is_ascii_digit());
                let digits: String = w.iter().collect();
                let year: i32 = digits.parse().ok()?;
                (w.iter().all(char::is_ascii_digit)
                    && (1990..=2100).contains(&year)
                    && boundary(i.checked_sub(1).and_then(|k| chars.get(k)))
                    && boundary(chars.get(i + 4)))
                .then_some(Period::Year(year))
            })
        })
}

/// Recognise each column's role from the header: a region column, then period columns (wide)
/// or a period column with the value last (long); survey columns (interval, respondents) by
/// name; every other column is a group. Without periods, a survey export's value column takes
/// the `fixed` period (the year in its title or file name).
fn guess_roles(header: &[String], fixed: Option<Period>) -> Result<Vec<ColumnRole>, String> {
    let lower: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let region = lower
        .iter()
        .position(|h| h.starts_with("region") || h == "kommun" || h == "område")
        .ok_or_else(|| {
            format!(
                "no region column (expected a column named \"region\"; found {})",
                header.join(", ")
            )
        })?;
    let mut roles: Vec<ColumnRole> = header
        .iter()
        .map(|h| period_header(h).map_or(ColumnRole::Group, ColumnRole::PeriodValue))
        .collect();
    roles[region] = ColumnRole::Region;
    for (role, h) in roles.iter_mut().zip(header) {
        if let Some(survey) = survey_role(h).filter(|_| matches!(role, ColumnRole::Group)) {
            *role = survey;
        }
    }
    let survey = roles.iter().any(|r| {
        matches!(
            r,
            ColumnRole::Lower | ColumnRole::Upper | ColumnRole::Margin | ColumnRole::Respondents
        )
    });
    if !roles.iter().any(|r| matches!(r, ColumnRole::PeriodValue(_))) {
        let period = lower.iter().position(|h| PERIOD_COLUMNS.contains(&h.as_str()));
        let value = header
            .iter()
            .enumerate()
            .position(|(i, h)| matches!(roles[i], ColumnRole::Group) && looks_like_value(h));
        if survey
            && period.is_none()
            && fixed.is_some()
            && let Some(value) = value
        {
            roles[value] = ColumnRole::Value;
            return Ok(roles);
        }
        let period = period.ok_or_else(|| {
            format!(
                "no periods found (expected period columns such as \"2024\", \"2024K1\" or \"2024M01\", \
                     or a column \"år\", \"månad\", \"kvartal\" or \"tid\"; a survey export may instead give \
                     its year in the title or the file name, e.g. enkat_2024.csv; found {})",
                header.join(", ")
            )
        })?;
        roles[period] = ColumnRole::Period;
        // The value: a survey export's named one, else the last column.
        let value = value.filter(|_| survey).unwrap_or(header.len() - 1);
        roles[value] = ColumnRole::Value;
    }
    Ok(roles)
}

/// Which column is what.
struct Roles {
    region: usize,
    /// Long layout: the column holding periods; the value is the last column.
    period_column: Option<usize>,
    /// Wide layout: columns whose header is a period.
    period_columns: Vec<(usize, Period)>,
    value_column: usize,
    groups: Vec<usize>,
    /// Without periods in the table: the period every value gets.
    fixed_period: Option<Period>,
    /// Survey columns: interval bounds, margin, respondents.
    lower: Option<usize>,
    upper: Option<usize>,
    margin: Option<usize>,
    respondents: Option<usize>,
}

impl Roles {
    /// Roles as the user assigned them; checked for one region and either period columns or a
    /// period and a value column.
    fn from_columns(roles: &[ColumnRole], fixed_period: Option<Period>) -> Result<Roles, String> {
        let find = |want: ColumnRole| roles.iter().position(|r| *r == want);
        let region = find(ColumnRole::Region).ok_or("no column is the area (region) column")?;
        let period_columns: Vec<(usize, Period)> = roles
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                if let ColumnRole::PeriodValue(p) = r {
                    Some((i, *p))
                } else {
                    None
                }
            })
            .collect();
        let (period_column, value_column) = match (find(ColumnRole::Period), find(ColumnRole::Value)) {
            (Some(p), Some(v)) if period_columns.is_empty() => (Some(p), v),
            (None, None) if !period_columns.is_empty() => (None, period_columns[0].0),
            (None, Some(v)) if period_columns.is_empty() && fixed_period.is_some() => (None, v),
            (None, Some(_)) if period_columns.is_empty() => {
                return Err(
                    "no period: choose a period column, or put the year in the file name (e.g. enkat_2024.csv)".into(),
                );
            }
            _ => {
                return Err(
                    "choose either one period column and one value column, or columns of values per period"
                        .into(),
                );
            }
        };
        let groups = roles
            .iter()
            .enumerate()
            .filter(|(_, r)| **r == ColumnRole::Group)
            .map(|(i, _)| i)
            .collect();
        Ok(Roles {
            region,
            period_column,
            period_columns,
            value_column,
            groups,
            fixed_period,
            lower: find(ColumnRole::Lower),
            upper: find(ColumnRole::Upper),
            margin: find(ColumnRole::Margin),
            respondents: find(ColumnRole::Respondents),
        })
    }

    /// A row's margin of error: the margin column's, else the wider side of the interval (so
    /// an asymmetric interval never shrinks).
    fn margin_of(&self, fields: &[String], value: f64) -> Option<f64> {
        let cell = |c: Option<usize>| c.and_then(|c| parse_number(fields[c].trim()));
        if let Some(m) = cell(self.margin) {
            return Some(m.abs());
        }
        super::tidy::margin_from_bounds(value, cell(self.lower), cell(self.upper))
    }

    /// The value cells of a row with their period (a long layout's period cell may not be one;
    /// never cut to its first four digits, which would fold months into years).
    fn values(&self, fields: &[String]) -> Vec<(usize, Result<Period, crate::model::NotAPeriod>)> {
        match (self.period_column, self.fixed_period) {
            (Some(p), _) => vec![(self.value_column, Period::parse(&fields[p]))],
            (None, Some(fixed)) if self.period_columns.is_empty() => vec![(self.value_column, Ok(fixed))],
            (None, _) => self.period_columns.iter().map(|(c, p)| (*c, Ok(*p))).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_latin1_export_with_title_missing_values_and_footnotes() {
        let text = "\"Andel förvärvsarbetande 20-64 år efter region, kön och år\"\n\n\"region\";\"kön\";\"2022\";\"2023\"\n\"1480 Göteborg\";\"kvinnor\";77,1;..\n\"1480 Göteborg\";\"totalt\";79,9;80,2\n\"1481 Mölndal\";\"män\";84,0;84,5\n\n\"Fotnot: uppgifterna avser november.\"\n";
        let latin1: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
        let (obs, report) = parse("px.csv", &latin1, "andel").expect("parses");
        let t = report.to_text();
        assert!(t.contains("read as Latin-1"), "{t}");
        assert!(t.contains("1 cells marked missing"), "{t}");
        assert!(t.contains("1 footnote lines"), "{t}");
        assert_eq!(report.rows_loaded, 5);
        assert_eq!(
            obs.value(
                &SeriesKey::new("andel", "kön", "kvinnor"),
                "1480",
                Period::Year(2022)
            ),
            Some(77.1)
        );
        assert_eq!(
            obs.value(&SeriesKey::total("andel"), "1480", Period::Year(2023)),
            Some(80.2),
            "totalt is the total"
        );
        assert_eq!(
            obs.names.get("andel").map(String::as_str),
            Some("Andel förvärvsarbetande 20-64 år efter region, kön och år")
        );
    }

    #[test]
    fn long_comma_separated_export_with_bom_and_a_broken_row() {
        let text = "\u{feff}region,födelseregion,år,Andel\n1480 Göteborg,utrikes född,2024,\"71,5\"\n1480 Göteborg,inrikes född,2024,84.2\n1480 Göteborg,2024,1\nRiket,totalt,2024,82.4\n";
        let (obs, report) = parse("px.csv", text.as_bytes(), "andel").expect("parses");
        assert_eq!(
            obs.value(
                &SeriesKey::new("andel", "födelseregion", "utrikes född"),
                "1480",
                Period::Year(2024)
            ),
            Some(71.5)
        );
        assert_eq!(
            obs.value(&SeriesKey::total("andel"), REGION_SWEDEN, Period::Year(2024)),
            Some(82.4)
        );
        assert!(
            report
                .to_text()
                .contains("error: line 4: 3 fields, the header has 4"),
            "{}",
            report.to_text()
        );
    }

    #[test]
    fn roles_set_by_the_user_override_the_guess() {
        let text = "region;kön;2023;2024\n1480 Göteborg;kvinnor;1;2\n";
        let guessed = preview(text.as_bytes(), 5, "t.csv").expect("preview").roles;
        assert_eq!(
            guessed,
            vec![
                ColumnRole::Region,
                ColumnRole::Group,
                ColumnRole::PeriodValue(Period::Year(2023)),
                ColumnRole::PeriodValue(Period::Year(2024))
            ]
        );
        // Ignore kön and the 2023 column.
        let roles = [
            ColumnRole::Region,
            ColumnRole::Ignore,
            ColumnRole::Ignore,
            ColumnRole::PeriodValue(Period::Year(2024)),
        ];
        let (obs, _) = parse_with_roles("p.csv", text.as_bytes(), "x", Some(&roles)).expect("parses");
        assert_eq!(
            obs.value(&SeriesKey::total("x"), "1480", Period::Year(2024)),
            Some(2.0)
        );
        assert_eq!(obs.periods("x"), &[Period::Year(2024)]);
        let bad = [
            ColumnRole::Group,
            ColumnRole::Group,
            ColumnRole::Ignore,
            ColumnRole::Ignore,
        ];
        assert!(parse_with_roles("p.csv", text.as_bytes(), "x", Some(&bad)).is_err());
    }

    /// SCB's monthly and quarterly exports: months as columns (`2024M01`), quarters in a
    /// column `kvartal`; each value keeps its own period, none is folded into its year.
    #[test]
    fn months_and_quarters_read_as_such_wide_and_long() {
        let wide = "\"Arbetslösa\"\n\n\"region\";\"2024M01\";\"2024M02\"\n\"1480 Göteborg\";6,1;5,9\n";
        let (obs, report) = parse("m.csv", wide.as_bytes(), "ledig").expect("monthly");
        assert_eq!(
            obs.periods("ledig"),
            &[Period::Month(2024, 1), Period::Month(2024, 2)]
        );
        assert_eq!(
            obs.value(&SeriesKey::total("ledig"), "1480", Period::Month(2024, 2)),
            Some(5.9)
        );
        assert!(
            report.to_text().contains("periods as columns"),
            "{}",
            report.to_text()
        );
        let long = "region;kvartal;antal\n1480 Göteborg;2024K1;10\n1480 Göteborg;2024K2;12\n1480 Göteborg;2024K5;1\n";
        let (obs, report) = parse("q.csv", long.as_bytes(), "brott").expect("quarterly");
        assert_eq!(
            obs.periods("brott"),
            &[Period::Quarter(2024, 1), Period::Quarter(2024, 2)]
        );
        assert_eq!(
            obs.value(&SeriesKey::total("brott"), "1480", Period::Year(2024)),
            None
        );
        assert!(
            report
                .to_text()
                .contains("line 4, column kvartal: \"2024K5\" is not a period"),
            "{}",
            report.to_text()
        );
    }

    #[test]
    fn recognises_pxweb_but_not_tidy_tables() {
        assert!(looks_like_pxweb(
            b"\"Title\"\n\"region\";\"2024\"\n\"1480 G\";1\n"
        ));
        assert!(!looks_like_pxweb(
            b"area_code,indicator,year,group_by,group,value\n"
        ));
        assert!(parse("x.csv", b"just one column\n", "x").is_err());
    }
}
