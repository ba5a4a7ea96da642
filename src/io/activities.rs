//! Activities (verksamheter) as municipalities and networks keep them: a CSV table (comma,
//! semicolon or tab; UTF-8 or Latin-1), an Excel workbook (`.xlsx`, its first sheet) or
//! GeoJSON points, with Swedish or English headers.
//! Each row: name, organiser, organiser type, domains, target groups, start and end, a place
//! (longitude/latitude, or SWEREF 99 TM x/y) or the area codes it serves, contact and URL.
use super::LoadError;
use super::validate::{Said, Severity, ValidationReport};
use crate::model::{Activity, OrganiserType};

/// A column's role, recognised from its header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Name,
    Organiser,
    OrganiserType,
    Domains,
    TargetGroups,
    Start,
    End,
    Lon,
    Lat,
    Areas,
    Contact,
    Url,
    /// `true` marks invented rows (the demo set).
    Demo,
}

/// Header words per role, folded (lower case, no diacritics, `_` and spaces dropped).
const HEADERS: [(Field, &[&str]); 13] = [
    (
        Field::Name,
        &["namn", "name", "verksamhet", "aktivitet", "activity"],
    ),
    (
        Field::Organiser,
        &[
            "arrangor",
            "organisator",
            "huvudman",
            "organiser",
            "organizer",
            "anordnare",
        ],
    ),
    (
        Field::OrganiserType,
        &[
            "arrangorstyp",
            "typavarrangor",
            "huvudmannatyp",
            "organisertype",
            "organizertype",
            "sektor",
            "sector",
        ],
    ),
    (
        Field::Domains,
        &["doman", "domaner", "domain", "domains", "tema", "fokusomrade"],
    ),
    (
        Field::TargetGroups,
        &["malgrupp", "malgrupper", "targetgroup", "targetgroups"],
    ),
    (
        Field::Start,
        &["start", "startar", "fran", "from", "startyear", "startdatum"],
    ),
    (
        Field::End,
        &["slut", "slutar", "till", "to", "end", "endyear", "slutdatum"],
    ),
    (
        Field::Lon,
        &["lon", "lng", "longitud", "longitude", "x", "easting"],
    ),
    (Field::Lat, &["lat", "latitud", "latitude", "y", "northing"]),
    (
        Field::Areas,
        &[
            "omraden",
            "omradeskoder",
            "omradeskod",
            "areas",
            "areacodes",
            "areacode",
            "betjanaromraden",
        ],
    ),
    (Field::Contact, &["kontakt", "contact", "epost", "email"]),
    (
        Field::Url,
        &["url", "webb", "webbplats", "lank", "website", "link"],
    ),
    (Field::Demo, &["demo", "demodata"]),
];

fn fold(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' | 'à' | 'á' => 'a',
            'ö' | 'ø' | 'ó' => 'o',
            'é' | 'è' => 'e',
            c => c,
        })
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn field_of(header: &str) -> Option<Field> {
    let h = fold(header);
    HEADERS
        .iter()
        .find(|(_, words)| words.contains(&h.as_str()))
        .map(|(f, _)| *f)
}

/// Whether a table's header is an activity list: a name column and at least two other
/// activity columns (organiser, domains, target groups), and no value column.
pub fn looks_like_activities(header: &[String]) -> bool {
    let fields: Vec<Field> = header.iter().filter_map(|h| field_of(h)).collect();
    let telling = [
        Field::Organiser,
        Field::OrganiserType,
        Field::Domains,
        Field::TargetGroups,
    ];
    fields.contains(&Field::Name)
        && fields.iter().filter(|f| telling.contains(f)).count() >= 2
        && !header
            .iter()
            .any(|h| ["value", "varde", "indicator"].contains(&fold(h).as_str()))
}

/// A domain as a file writes it ("Skola", "arbetsmarknad", "Crime") → the catalogue's id.
pub fn domain_id(text: &str) -> Option<&'static str> {
    let t = fold(text);
    let starts = |words: &[&str]| words.iter().any(|w| t.starts_with(w));
    Some(
        if starts(&["bostad", "boende", "housing", "samhallsservice", "publicservice"]) {
            "bostad"
        } else if starts(&["skola", "utbildning", "school", "education"]) {
            "skola"
        } else if starts(&[
            "arbete",
            "arbetsmarknad",
            "etablering",
            "syssels",
            "labour",
            "labor",
            "work",
            "employment",
        ]) {
            "arbete"
        } else if starts(&["brott", "trygghet", "crime", "safety"]) {
            "brott"
        } else if starts(&[
            "demokrati",
            "civilsamhalle",
            "deltagande",
            "democracy",
            "civilsociety",
        ]) {
            "demokrati"
        } else {
            return None;
        },
    )
}

/// A year from "2023", "2023-08", "2023-08-01"; `None` for an empty cell.
fn year(text: &str) -> Result<Option<i32>, ()> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    match digits.parse::<i32>() {
        Ok(y) if digits.len() == 4 && (1900..=2100).contains(&y) => Ok(Some(y)),
        _ => Err(()),
    }
}

/// Several values in one cell: `;`, `|` or `,` between them.
fn list(text: &str) -> Vec<String> {
    text.split([';', '|', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn number(text: &str) -> Option<f64> {
    let t = text.trim().replace(',', ".").replace([' ', '\u{a0}'], "");
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A row's fields by role, whatever the source (CSV cells or GeoJSON properties).
#[derive(Default)]
struct Cells {
    values: Vec<(Field, String)>,
    /// A point geometry's coordinates, for GeoJSON.
    point: Option<(f64, f64)>,
}

impl Cells {
    fn get(&self, field: Field) -> &str {
        self.values
            .iter()
            .find(|(f, v)| *f == field && !v.trim().is_empty())
            .map_or("", |(_, v)| v.as_str())
    }
}

/// Where a row is, for messages: a CSV line or a GeoJSON feature.
#[derive(Clone, Copy)]
enum Place {
    Line(usize),
    Feature(usize),
}

fn finding(
    report: &mut ValidationReport,
    place: Place,
    severity: Severity,
    column: Option<&str>,
    code: &'static str,
    said: Said,
) {
    match place {
        Place::Line(line) => report.line(severity, line, column, code, said),
        Place::Feature(feature) => report.feature(severity, feature, code, said),
    }
}

/// Build one activity from its cells; problems go to the report. `None`: the row is skipped.
fn activity(
    cells: &Cells,
    place: Place,
    file: &str,
    report: &mut ValidationReport,
    to_wgs84: &mut Option<super::crs::ToWgs84>,
) -> Option<Activity> {
    let name = cells.get(Field::Name).trim().to_string();
    if name.is_empty() {
        finding(
            report,
            place,
            Severity::Error,
            Some("namn"),
            "activity_without_name",
            Said::new(
                "empty (expected the activity's name)",
                "tom (väntat: verksamhetens namn)",
            ),
        );
        return None;
    }
    let type_text = cells.get(Field::OrganiserType);
    let organiser_type = match OrganiserType::parse(type_text) {
        Some(t) => t,
        None => {
            if !type_text.is_empty() {
                finding(
                    report,
                    place,
                    Severity::Warning,
                    Some("arrangörstyp"),
                    "organiser_type_unknown",
                    Said::new(
                        format!(
                            "{name}: organiser type {type_text:?} read as \"other\" (expected municipal, region, state, civil society or business)"
                        ),
                        format!(
                            "{name}: arrangörstypen {type_text:?} läses som \"annan\" (väntat: kommun, region, stat, civilsamhälle eller näringsliv)"
                        ),
                    ),
                );
            }
            OrganiserType::Other
        }
    };
    let mut domains = Vec::new();
    for word in list(cells.get(Field::Domains)) {
        match domain_id(&word) {
            Some(id) if !domains.iter().any(|d: &String| d == id) => domains.push(id.to_string()),
            Some(_) => {}
            None => finding(
                report,
                place,
                Severity::Warning,
                Some("domän"),
                "domain_unknown",
                Said::new(
                    format!(
                        "{name}: domain {word:?} is none of the five (housing, school, work, crime, democracy) and is left out"
                    ),
                    format!(
                        "{name}: domänen {word:?} är ingen av de fem (bostad, skola, arbete, brott, demokrati) och utelämnas"
                    ),
                ),
            ),
        }
    }
    let years = (year(cells.get(Field::Start)), year(cells.get(Field::End)));
    let (start, end) = match years {
        (Ok(s), Ok(e)) if s.zip(e).is_none_or(|(s, e)| s <= e) => (s, e),
        (Ok(Some(s)), Ok(Some(e))) => {
            finding(
                report,
                place,
                Severity::Error,
                Some("slut"),
                "ends_before_start",
                Said::new(
                    format!("{name}: ends {e}, before it starts {s}"),
                    format!("{name}: slutar {e}, före start {s}"),
                ),
            );
            return None;
        }
        _ => {
            finding(
                report,
                place,
                Severity::Error,
                Some("start"),
                "not_a_year",
                Said::new(
                    format!("{name}: start or end is not a year or date (expected 2023 or 2023-08-01)"),
                    format!(
                        "{name}: start eller slut är inget år eller datum (väntat: 2023 eller 2023-08-01)"
                    ),
                ),
            );
            return None;
        }
    };
    let location = match cells.point {
        Some(p) => Some(p),
        None => match (number(cells.get(Field::Lon)), number(cells.get(Field::Lat))) {
            (Some(x), Some(y)) => point_in_wgs84(x, y, &name, place, file, report, to_wgs84),
            (None, None) if cells.get(Field::Lon).is_empty() && cells.get(Field::Lat).is_empty() => None,
            _ => {
                finding(
                    report,
                    place,
                    Severity::Warning,
                    Some("lon"),
                    "coordinate_unreadable",
                    Said::new(
                        format!(
                            "{name}: coordinates {:?}, {:?} are not two numbers",
                            cells.get(Field::Lon),
                            cells.get(Field::Lat)
                        ),
                        format!(
                            "{name}: koordinaterna {:?}, {:?} är inte två tal",
                            cells.get(Field::Lon),
                            cells.get(Field::Lat)
                        ),
                    ),
                );
                None
            }
        },
    };
    let areas = list(cells.get(Field::Areas));
    if location.is_none() && areas.is_empty() {
        finding(
            report,
            place,
            Severity::Warning,
            None,
            "activity_without_place",
            Said::new(
                format!(
                    "{name}: neither a location nor the areas it serves; listed, but not on the map or in the needs comparison"
                ),
                format!(
                    "{name}: varken plats eller områden den betjänar; finns i listan men inte på kartan eller i behovsjämförelsen"
                ),
            ),
        );
    }
    Some(Activity {
        name,
        organiser: cells.get(Field::Organiser).trim().to_string(),
        organiser_type,
        domains,
        target_groups: list(cells.get(Field::TargetGroups)),
        start,
        end,
        location,
        areas,
        contact: cells.get(Field::Contact).trim().to_string(),
        url: cells.get(Field::Url).trim().to_string(),
        demo: ["true", "ja", "yes", "1"].contains(&cells.get(Field::Demo).trim().to_lowercase().as_str()),
        source: file.to_string(),
    })
}

/// Longitude/latitude as given, or SWEREF 99 TM metres reprojected; a point outside Sweden's
/// reach is reported and dropped.
fn point_in_wgs84(
    x: f64,
    y: f64,
    name: &str,
    place: Place,
    file: &str,
    report: &mut ValidationReport,
    to_wgs84: &mut Option<super::crs::ToWgs84>,
) -> Option<(f64, f64)> {
    if (-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y) {
        if (9.0..=25.0).contains(&x) && (54.0..=70.0).contains(&y) {
            return Some((x, y));
        }
        if (9.0..=25.0).contains(&y) && (54.0..=70.0).contains(&x) {
            finding(
                report,
                place,
                Severity::Warning,
                Some("lon"),
                "coordinates_swapped",
                Said::new(
                    format!("{name}: longitude and latitude read the other way round ({x}, {y})"),
                    format!("{name}: longitud och latitud lästa omvänt ({x}, {y})"),
                ),
            );
            return Some((y, x));
        }
    } else if (200_000.0..=1_000_000.0).contains(&x) && (6_100_000.0..=7_700_000.0).contains(&y) {
        if to_wgs84.is_none() {
            *to_wgs84 = super::crs::ToWgs84::from_sweref99tm().ok();
        }
        let mut c = geo::Coord { x, y };
        if let Some(t) = to_wgs84.as_ref()
            && t.point(&mut c).is_ok()
        {
            return Some((c.x, c.y));
        }
    }
    finding(
        report,
        place,
        Severity::Warning,
        Some("lon"),
        "coordinate_outside",
        Said::new(
            format!(
                "{name}: ({x}, {y}) is not a place in Sweden in WGS84 or SWEREF 99 TM ({file}); not on the map"
            ),
            format!(
                "{name}: ({x}, {y}) är ingen plats i Sverige i WGS84 eller SWEREF 99 TM ({file}); inte på kartan"
            ),
        ),
    );
    None
}

/// Read an activity table (CSV). The report counts rows and lists every problem by line.
pub fn parse_csv(file: &str, bytes: &[u8]) -> Result<(Vec<Activity>, ValidationReport), LoadError> {
    let (text, latin1) = super::pxweb::decode(bytes);
    let mut report = ValidationReport::new(file, "verksamheter (CSV)");
    if latin1 {
        report.note(
            "latin1",
            Said::new(
                "read as Latin-1 (not valid UTF-8)",
                "läst som Latin-1 (inte giltig UTF-8)",
            ),
        );
    }
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header_line)) = lines.next() else {
        return Err(empty(file));
    };
    let sep = super::pxweb::separator(header_line);
    let header = super::pxweb::split_fields(header_line, sep);
    let rows = lines.map(|(i, line)| (i + 1, super::pxweb::split_fields(line, sep)));
    from_rows(file, report, header, rows)
}

/// Read an activity table kept in Excel (`.xlsx`): its first sheet, the header in its first
/// row, as a CSV export of it would be read. Dates become their years.
pub fn parse_xlsx(file: &str, bytes: &[u8]) -> Result<(Vec<Activity>, ValidationReport), LoadError> {
    use calamine::{Data, Reader as _, Xlsx};
    let err = |what: String| LoadError::Format {
        file: file.into(),
        what,
    };
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| err(format!("not a readable Excel workbook (.xlsx): {e}")))?;
    let sheet = book
        .worksheet_range_at(0)
        .ok_or_else(|| err("the workbook has no sheet".into()))?
        .map_err(|e| err(format!("its first sheet cannot be read: {e}")))?;
    let text = |cell: &Data| match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => year_of_excel_date(d.as_f64()).to_string(),
        Data::Error(e) => format!("#{e:?}"),
    };
    // Rows as the sheet numbers them (1-based), so messages point at the row a user sees.
    let first_row = sheet.start().map_or(0, |(row, _)| row as usize);
    let mut rows = sheet
        .rows()
        .enumerate()
        .map(|(i, row)| (first_row + i + 1, row.iter().map(text).collect::<Vec<String>>()))
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
    let Some((_, header)) = rows.next() else {
        return Err(empty(file));
    };
    // A sheet's rows are as wide as its widest: trailing empty cells are not missing fields.
    let width = header
        .iter()
        .rposition(|h| !h.trim().is_empty())
        .map_or(0, |i| i + 1);
    let header: Vec<String> = header.into_iter().take(width).collect();
    let rows = rows.map(move |(line, mut cells)| {
        cells.resize(width, String::new());
        (line, cells)
    });
    from_rows(
        file,
        ValidationReport::new(file, "verksamheter (Excel)"),
        header,
        rows,
    )
}

/// The year of an Excel date (days since 1899-12-30, the fraction the time of day).
fn year_of_excel_date(serial: f64) -> i32 {
    // 25,569 days from Excel's day 0 to 1970-01-01.
    crate::model::Period::day_after_epoch(serial.floor() as i64 - 25_569).year()
}

fn empty(file: &str) -> LoadError {
    LoadError::Format {
        file: file.into(),
        what: "empty file (expected a header row with name, organiser, domains …)".into(),
    }
}

/// Activities from a table's header and its rows (each with the line or row number a user
/// sees): the same for CSV and Excel.
fn from_rows(
    file: &str,
    mut report: ValidationReport,
    header: Vec<String>,
    rows: impl Iterator<Item = (usize, Vec<String>)>,
) -> Result<(Vec<Activity>, ValidationReport), LoadError> {
    let fields: Vec<Option<Field>> = header.iter().map(|h| field_of(h)).collect();
    if !fields.contains(&Some(Field::Name)) {
        return Err(LoadError::Format {
            file: file.into(),
            what: format!(
                "no name column (expected \"namn\" or \"name\"; found {})",
                header.join(", ")
            ),
        });
    }
    let mut activities = Vec::new();
    let mut to_wgs84 = None;
    for (line, cells) in rows {
        report.rows_read += 1;
        let place = Place::Line(line);
        if cells.len() != header.len() {
            report.line(
                Severity::Error,
                line,
                None,
                "wrong_field_count",
                Said::new(
                    format!(
                        "{} fields (expected {} as in the header); a half-written line?",
                        cells.len(),
                        header.len()
                    ),
                    format!(
                        "{} fält (väntat: {} som i rubrikraden); en halvskriven rad?",
                        cells.len(),
                        header.len()
                    ),
                ),
            );
            report.rows_skipped += 1;
            continue;
        }
        let cells = Cells {
            values: fields
                .iter()
                .zip(cells)
                .filter_map(|(f, v)| f.map(|f| (f, v)))
                .collect(),
            point: None,
        };
        match activity(&cells, place, file, &mut report, &mut to_wgs84) {
            Some(a) => activities.push(a),
            None => report.rows_skipped += 1,
        }
    }
    Ok(finish(activities, report))
}

/// The list read and its report, which says so when nothing could be read.
fn finish(activities: Vec<Activity>, mut report: ValidationReport) -> (Vec<Activity>, ValidationReport) {
    report.rows_loaded = activities.len();
    if activities.is_empty() {
        report.error(
            "no_activities",
            Said::new("no activity could be read", "ingen verksamhet kunde läsas"),
        );
    }
    (activities, report)
}

/// Whether a GeoJSON document holds points only (activities), not areas.
pub fn looks_like_points(doc: &serde_json::Value) -> bool {
    let features = doc.get("features").and_then(|f| f.as_array());
    features.is_some_and(|f| {
        !f.is_empty()
            && f.iter().all(|feature| {
                feature
                    .get("geometry")
                    .and_then(|g| g.get("type"))
                    .and_then(|t| t.as_str())
                    == Some("Point")
            })
    })
}

/// Read activities from GeoJSON points (WGS84, as GeoJSON requires).
pub fn parse_geojson(
    file: &str,
    doc: &serde_json::Value,
) -> Result<(Vec<Activity>, ValidationReport), LoadError> {
    let mut report = ValidationReport::new(file, "verksamheter (GeoJSON)");
    let features = doc
        .get("features")
        .and_then(|f| f.as_array())
        .ok_or_else(|| LoadError::Format {
            file: file.into(),
            what: "no \"features\" list (expected a FeatureCollection of points)".into(),
        })?;
    let mut activities = Vec::new();
    let mut to_wgs84 = None;
    for (i, feature) in features.iter().enumerate() {
        report.rows_read += 1;
        let place = Place::Feature(i + 1);
        let coords = feature
            .get("geometry")
            .and_then(|g| g.get("coordinates"))
            .and_then(|c| c.as_array())
            .and_then(|c| Some((c.first()?.as_f64()?, c.get(1)?.as_f64()?)));
        let mut values = Vec::new();
        if let Some(props) = feature.get("properties").and_then(|p| p.as_object()) {
            for (key, value) in props {
                let Some(field) = field_of(key) else { continue };
                let text = match value {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Array(items) => items
                        .iter()
                        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                        .collect::<Vec<_>>()
                        .join(";"),
                    serde_json::Value::Null => String::new(),
                    other => other.to_string(),
                };
                values.push((field, text));
            }
        }
        let point =
            coords.and_then(|(x, y)| point_in_wgs84(x, y, "", place, file, &mut report, &mut to_wgs84));
        let cells = Cells { values, point };
        match activity(&cells, place, file, &mut report, &mut to_wgs84) {
            Some(a) => activities.push(a),
            None => report.rows_skipped += 1,
        }
    }
    Ok(finish(activities, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "namn;arrangör;arrangörstyp;domäner;målgrupper;start;slut;lon;lat;områden;kontakt;webbplats\n\
        Läxhjälp Hammarkullen;Röda Korset;Ideell;Skola;Unga 13–18;2021;;11.9972;57.7856;;info@example.org;\n\
        Jobbspår;Göteborgs Stad;Kommun;Arbete|Etablering;Nyanlända;2022-01-01;2025-12-31;;;1480;;https://example.org\n\
        Trygghetsvandring;Polisen;Stat;Brott;Alla;2023;2023;;;;;\n";

    #[test]
    fn reads_a_municipal_list_with_swedish_headers() {
        let header: Vec<String> = GOOD
            .lines()
            .next()
            .unwrap_or_default()
            .split(';')
            .map(str::to_string)
            .collect();
        assert!(looks_like_activities(&header));
        let (list, report) = parse_csv("verksamheter.csv", GOOD.as_bytes()).expect("read");
        assert_eq!(list.len(), 3);
        assert_eq!(list[0].organiser_type, OrganiserType::CivilSociety);
        assert_eq!(list[0].domains, vec!["skola"]);
        assert_eq!(list[0].location, Some((11.9972, 57.7856)));
        assert_eq!(list[1].domains, vec!["arbete"], "two words, one domain");
        assert_eq!((list[1].start, list[1].end), (Some(2022), Some(2025)));
        assert_eq!(list[1].areas, vec!["1480"]);
        // The third has neither place nor areas: kept, and said so.
        assert_eq!(list[2].location, None);
        let text = report.to_text();
        assert!(
            text.contains("line 4") && text.contains("neither a location"),
            "{text}"
        );
        assert_eq!(
            (report.rows_read, report.rows_loaded, report.rows_skipped),
            (3, 3, 0)
        );
    }

    #[test]
    fn broken_rows_are_named_and_skipped() {
        let text = "name,organiser,organiser_type,domains,start,end,x,y\n\
            ,Kommunen,municipal,school,2020,,,\n\
            Sommarjobb,Kommunen,municipal,work,2024,2021,,\n\
            Halv rad,Kommunen\n\
            Fritidsgård,Kommunen,municipal,democracy,20x,,,\n\
            Mötesplats,Kommunen,municipal,democracy,2020,,319000,6400000\n\
            Bibliotek,Kommunen,okänd typ,kultur,2020,,11.97,57.70\n";
        let (list, report) = parse_csv("broken.csv", text.as_bytes()).expect("read");
        let names: Vec<&str> = list.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, vec!["Mötesplats", "Bibliotek"]);
        // SWEREF 99 TM metres become longitude and latitude near Göteborg.
        let (lon, lat) = list[0].location.expect("reprojected");
        assert!(
            (11.0..13.0).contains(&lon) && (57.0..58.5).contains(&lat),
            "{lon} {lat}"
        );
        assert_eq!(list[1].organiser_type, OrganiserType::Other);
        assert!(list[1].domains.is_empty());
        // Each skipped row is named by line (tests/integration/importers.rs checks the words).
        let text = report.to_text();
        assert!(
            (2..=5).all(|line| text.contains(&format!("line {line}"))),
            "{text}"
        );
        assert_eq!(report.rows_skipped, 4);
    }

    #[test]
    fn geojson_points_are_activities() {
        let doc: serde_json::Value = serde_json::from_str(
            r#"{"type":"FeatureCollection","features":[
              {"type":"Feature","geometry":{"type":"Point","coordinates":[11.95,57.71]},
               "properties":{"name":"Språkcafé","organiser":"Biblioteket","organiser_type":"municipal",
                             "domains":["democracy","school"],"target_groups":"nyanlända"}}]}"#,
        )
        .expect("json");
        assert!(looks_like_points(&doc));
        let (list, report) = parse_geojson("punkter.geojson", &doc).expect("read");
        assert!(!report.has_errors());
        assert_eq!(list[0].domains, vec!["demokrati", "skola"]);
        assert_eq!(list[0].location, Some((11.95, 57.71)));
    }
}
