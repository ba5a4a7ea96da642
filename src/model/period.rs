//! The time an observation refers to: a year, half-year, quarter, month or day, as statistics
//! come (`2024`, `2024H1`, `2024K1`/`2024Q1`, `2024-03`/`2024M03`, `2025-01-01`). Parsed from
//! every spelling SCB, Kolada and municipalities use, written back in one canonical form, named
//! for people ("mars 2024", "kv. 1 2024") and placed on a time axis in years.
use std::fmt;

use crate::i18n::Lang;

/// A period of time; the calendar year always comes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    Year(i32),
    /// Half-year 1 or 2.
    Half(i32, u8),
    /// Quarter 1 to 4.
    Quarter(i32, u8),
    /// Month 1 to 12.
    Month(i32, u8),
    /// A date (a population on 1 January, say).
    Day(i32, u8, u8),
}

/// Years a statistical period can plausibly have.
const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Why a text is not a period, for the reader's message.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "{0:?} is not a period (expected a year 2024, a half-year 2024H1, a quarter 2024K1 or 2024Q1, a month 2024-03 or 2024M03, or a date 2025-01-01)"
)]
pub struct NotAPeriod(pub String);

impl NotAPeriod {
    /// The same message in Swedish, for reports in the UI's language.
    pub fn swedish(&self) -> String {
        format!(
            "{:?} är ingen period (väntat: ett år 2024, ett halvår 2024H1, ett kvartal 2024K1 eller \
             2024Q1, en månad 2024-03 eller 2024M03, eller ett datum 2025-01-01)",
            self.0
        )
    }
}

impl Period {
    /// The date `days` after 1970-01-01 (Howard Hinnant's civil-from-days algorithm).
    pub fn day_after_epoch(days: i64) -> Period {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Period::Day(year as i32, month as u8, day as u8)
    }

    /// Read a period in any of the spellings above (any letter case, surrounding space ignored).
    pub fn parse(text: &str) -> Result<Period, NotAPeriod> {
        Self::parse_inner(text.trim()).ok_or_else(|| NotAPeriod(text.to_string()))
    }

    fn parse_inner(t: &str) -> Option<Period> {
        let number = |s: &str| -> Option<u32> {
            (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let year_part = t.get(..4)?;
        if year_part.len() != 4 || !year_part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year_part.parse().ok().filter(|y| YEARS.contains(y))?;
        let rest = &t[4..];
        if rest.is_empty() {
            return Some(Period::Year(year));
        }
        let upper = rest.to_ascii_uppercase();
        let in_range = |v: u32, hi: u32| (1..=hi).contains(&v).then_some(v as u8);
        // 2024-03, 2024-03-31, 2024-Q1, 2024-H1
        if let Some(after) = upper.strip_prefix('-') {
            if let Some(q) = after.strip_prefix('Q').or_else(|| after.strip_prefix('K')) {
                return Some(Period::Quarter(year, in_range(number(q)?, 4)?));
            }
            if let Some(h) = after.strip_prefix('H') {
                return Some(Period::Half(year, in_range(number(h)?, 2)?));
            }
            let (m, d) = match after.split_once('-') {
                Some((m, d)) => (m, Some(d)),
                None => (after, None),
            };
            if m.len() != 2 {
                return None;
            }
            let month = in_range(number(m)?, 12)?;
            return match d {
                None => Some(Period::Month(year, month)),
                Some(d) if d.len() == 2 => {
                    let day = in_range(number(d)?, u32::from(days_in_month(year, month)))?;
                    Some(Period::Day(year, month, day))
                }
                Some(_) => None,
            };
        }
        // 2024M03 (SCB), 2024K1 (SCB), 2024Q1, 2024H1: one ASCII letter, then digits.
        if !upper.as_bytes()[0].is_ascii_alphabetic() {
            return None;
        }
        let (kind, digits) = upper.split_at(1);
        let v = number(digits)?;
        match kind {
            "M" if digits.len() == 2 => Some(Period::Month(year, in_range(v, 12)?)),
            "K" | "Q" if digits.len() == 1 => Some(Period::Quarter(year, in_range(v, 4)?)),
            "H" if digits.len() == 1 => Some(Period::Half(year, in_range(v, 2)?)),
            _ => None,
        }
    }

    pub fn year(self) -> i32 {
        match self {
            Period::Year(y)
            | Period::Half(y, _)
            | Period::Quarter(y, _)
            | Period::Month(y, _)
            | Period::Day(y, ..) => y,
        }
    }

    /// A whole calendar year.
    pub fn is_year(self) -> bool {
        matches!(self, Period::Year(_))
    }

    /// What kind of period this is, for messages: "a month", "a quarter".
    pub fn kind(self) -> &'static str {
        match self {
            Period::Year(_) => "a year",
            Period::Half(..) => "a half-year",
            Period::Quarter(..) => "a quarter",
            Period::Month(..) => "a month",
            Period::Day(..) => "a date",
        }
    }

    /// The period's start on a time axis in years: 2024-03 → 2024.1667. A year sits at its
    /// start, so yearly series keep their whole-number positions.
    pub fn axis(self) -> f64 {
        let y = f64::from(self.year());
        match self {
            Period::Year(_) => y,
            Period::Half(_, h) => y + f64::from(h - 1) / 2.0,
            Period::Quarter(_, q) => y + f64::from(q - 1) / 4.0,
            Period::Month(_, m) => y + f64::from(m - 1) / 12.0,
            Period::Day(year, m, d) => {
                let before: u32 = (1..m).map(|mm| u32::from(days_in_month(year, mm))).sum();
                let days = if is_leap(year) { 366.0 } else { 365.0 };
                y + f64::from(before + u32::from(d) - 1) / days
            }
        }
    }

    /// What kind of period this is, for a heading: "Månad", "Quarter".
    pub fn kind_name(self, lang: Lang) -> &'static str {
        let (sv, en) = match self {
            Period::Year(_) => ("År", "Year"),
            Period::Half(..) => ("Halvår", "Half-year"),
            Period::Quarter(..) => ("Kvartal", "Quarter"),
            Period::Month(..) => ("Månad", "Month"),
            Period::Day(..) => ("Datum", "Date"),
        };
        lang.pick(sv, en)
    }

    /// How many periods of this kind lie from `self` to `last` inclusive (2024-11 to 2025-02:
    /// 4), so that gaps in a series can be told; `None` for dates (a stock on 1 January each
    /// year has no gaps between its dates) and for periods of different kinds.
    pub fn count_to(self, last: Period) -> Option<usize> {
        let seq = |p: Period| -> Option<i64> {
            Some(match p {
                Period::Year(y) => i64::from(y),
                Period::Half(y, h) => i64::from(y) * 2 + i64::from(h),
                Period::Quarter(y, q) => i64::from(y) * 4 + i64::from(q),
                Period::Month(y, m) => i64::from(y) * 12 + i64::from(m),
                Period::Day(..) => return None,
            })
        };
        if std::mem::discriminant(&self) != std::mem::discriminant(&last) {
            return None;
        }
        let n = seq(last)? - seq(self)? + 1;
        usize::try_from(n).ok()
    }

    /// Where the period ends on the time axis: the start of the one after it.
    pub fn end(self) -> f64 {
        match self {
            Period::Year(y) => f64::from(y + 1),
            Period::Half(y, 2) | Period::Quarter(y, 4) | Period::Month(y, 12) => f64::from(y + 1),
            Period::Half(y, h) => Period::Half(y, h + 1).axis(),
            Period::Quarter(y, q) => Period::Quarter(y, q + 1).axis(),
            Period::Month(y, m) => Period::Month(y, m + 1).axis(),
            Period::Day(y, m, d) if d < days_in_month(y, m) => Period::Day(y, m, d + 1).axis(),
            Period::Day(y, 12, _) => f64::from(y + 1),
            Period::Day(y, m, _) => Period::Day(y, m + 1, 1).axis(),
        }
    }

    /// Whether this period starts before `other` ends: "up to 2024" takes in December 2024.
    pub fn starts_within_or_before(self, other: Period) -> bool {
        self.axis() < other.end()
    }

    /// The period of `periods` closest in time to `target` (the later one on a tie).
    pub fn nearest(periods: &[Period], target: Period) -> Option<Period> {
        periods.iter().copied().min_by(|a, b| {
            let da = (a.axis() - target.axis()).abs();
            let db = (b.axis() - target.axis()).abs();
            da.total_cmp(&db).then(b.cmp(a))
        })
    }

    /// A name for people: "mars 2024", "kv. 1 2024", "halvår 1 2024", "1 januari 2025".
    pub fn label(self, lang: Lang) -> String {
        match (self, lang) {
            (Period::Year(y), _) => y.to_string(),
            (Period::Half(y, h), Lang::Sv) => format!("halvår {h} {y}"),
            (Period::Half(y, h), Lang::En) => format!("H{h} {y}"),
            (Period::Quarter(y, q), Lang::Sv) => format!("kv. {q} {y}"),
            (Period::Quarter(y, q), Lang::En) => format!("Q{q} {y}"),
            (Period::Month(y, m), Lang::Sv) => format!("{} {y}", MONTHS_SV[usize::from(m - 1)]),
            (Period::Month(y, m), Lang::En) => format!("{} {y}", MONTHS_EN[usize::from(m - 1)]),
            (Period::Day(y, m, d), Lang::Sv) => format!("{d} {} {y}", MONTHS_SV[usize::from(m - 1)]),
            (Period::Day(y, m, d), Lang::En) => format!("{d} {} {y}", MONTHS_EN[usize::from(m - 1)]),
        }
    }
}

/// The canonical text (what `convert` will write): `2024`, `2024H1`, `2024Q1`, `2024-03`,
/// `2025-01-01`.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y}"),
            Period::Half(y, h) => write!(f, "{y}H{h}"),
            Period::Quarter(y, q) => write!(f, "{y}Q{q}"),
            Period::Month(y, m) => write!(f, "{y}-{m:02}"),
            Period::Day(y, m, d) => write!(f, "{y}-{m:02}-{d:02}"),
        }
    }
}

impl std::str::FromStr for Period {
    type Err = NotAPeriod;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Period::parse(s)
    }
}

/// Saved as its canonical text (`"2024-03"`); a bare number (a year saved by an earlier
/// version) reads as that year.
impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Saved {
            Year(i32),
            Text(String),
        }
        match Saved::deserialize(d)? {
            Saved::Year(y) => Ok(Period::Year(y)),
            Saved::Text(t) => match t.trim().parse::<i32>() {
                Ok(y) => Ok(Period::Year(y)),
                Err(_) => Period::parse(&t).map_err(serde::de::Error::custom),
            },
        }
    }
}

impl Default for Period {
    /// No period chosen yet (a selection before it has seen data).
    fn default() -> Self {
        Period::Year(0)
    }
}

/// Chronological by start; a longer period before a shorter one that starts with it (2024
/// before 2024H1 before 2024Q1 before 2024-01 before 2024-01-01).
impl Ord for Period {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // In whole numbers (observations are sorted and searched by period): the year, the
        // start within it as month and day, then the longer period first.
        let key = |p: &Period| -> (i32, u16, u8) {
            let (month, day, rank) = match *p {
                Period::Year(_) => (0, 0, 0),
                Period::Half(_, h) => ((h - 1) * 6, 0, 1),
                Period::Quarter(_, q) => ((q - 1) * 3, 0, 2),
                Period::Month(_, m) => (m - 1, 0, 3),
                Period::Day(_, m, d) => (m - 1, d - 1, 4),
            };
            (p.year(), u16::from(month) * 32 + u16::from(day), rank)
        };
        key(self).cmp(&key(other))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_after_the_epoch_are_calendar_dates() {
        assert_eq!(Period::day_after_epoch(0), Period::Day(1970, 1, 1));
        assert_eq!(Period::day_after_epoch(20_418), Period::Day(2025, 11, 26));
        assert_eq!(
            Period::day_after_epoch(19_417),
            Period::Day(2023, 3, 1),
            "after 28 February"
        );
        assert_eq!(
            Period::day_after_epoch(11_016),
            Period::Day(2000, 2, 29),
            "a leap day"
        );
        assert_eq!(Period::day_after_epoch(-1), Period::Day(1969, 12, 31));
    }

    #[test]
    fn every_spelling_of_the_issue_reads() {
        let cases = [
            ("2024", Period::Year(2024)),
            (" 2018-01 ", Period::Month(2018, 1)),
            ("2024M01", Period::Month(2024, 1)),
            ("2024m12", Period::Month(2024, 12)),
            ("2024K1", Period::Quarter(2024, 1)),
            ("2024Q4", Period::Quarter(2024, 4)),
            ("2024-Q2", Period::Quarter(2024, 2)),
            ("2024H2", Period::Half(2024, 2)),
            ("2025-01-01", Period::Day(2025, 1, 1)),
            ("2024-02-29", Period::Day(2024, 2, 29)),
        ];
        for (text, period) in cases {
            assert_eq!(Period::parse(text), Ok(period), "{text}");
        }
        for bad in [
            "2023-02-29",
            "2024-13",
            "2024K5",
            "2024H3",
            "2024M1",
            "20x4",
            "24",
            "",
            "2024-1",
            "1066",
        ] {
            assert!(Period::parse(bad).is_err(), "{bad:?} read");
        }
        let e = Period::parse("2024-13").expect_err("month 13").to_string();
        assert!(
            e.starts_with("\"2024-13\" is not a period (expected a year 2024"),
            "{e}"
        );
    }

    #[test]
    fn labels_axis_and_order_read_as_people_and_charts_expect() {
        assert_eq!(Period::Month(2024, 3).label(Lang::Sv), "mars 2024");
        assert_eq!(Period::Quarter(2024, 1).label(Lang::Sv), "kv. 1 2024");
        assert_eq!(Period::Day(2025, 1, 1).label(Lang::En), "1 January 2025");
        assert_eq!(Period::Year(2024).axis(), 2024.0);
        assert!((Period::Month(2024, 7).axis() - 2024.5).abs() < 1e-12);
        assert!((Period::Day(2024, 12, 31).axis() - (2024.0 + 365.0 / 366.0)).abs() < 1e-12);
        let mut periods = vec![
            Period::Month(2024, 1),
            Period::Year(2024),
            Period::Quarter(2023, 4),
            Period::Day(2024, 1, 1),
        ];
        periods.sort();
        assert_eq!(
            periods,
            vec![
                Period::Quarter(2023, 4),
                Period::Year(2024),
                Period::Month(2024, 1),
                Period::Day(2024, 1, 1)
            ]
        );
    }

    /// 10,000 seeded inputs — random text from the characters periods are made of, and valid
    /// periods with one character changed — never panic; whatever reads writes back and reads
    /// again as the same period.
    #[test]
    fn parsing_never_panics_and_round_trips() {
        let mut state = 0x5EED_2026_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let alphabet: Vec<char> = "0123456789-MKQHmkqh ÅT:/x".chars().collect();
        let mut read = 0;
        for i in 0..10_000 {
            let text: String = if i % 2 == 0 {
                let len = (next() % 12) as usize;
                (0..len)
                    .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                    .collect()
            } else {
                let y = 1990 + (next() % 40) as i32;
                let base = match next() % 5 {
                    0 => Period::Year(y),
                    1 => Period::Half(y, 1 + (next() % 2) as u8),
                    2 => Period::Quarter(y, 1 + (next() % 4) as u8),
                    3 => Period::Month(y, 1 + (next() % 12) as u8),
                    _ => Period::Day(y, 1 + (next() % 12) as u8, 1 + (next() % 28) as u8),
                }
                .to_string();
                let mut chars: Vec<char> = base.chars().collect();
                let at = (next() % chars.len() as u64) as usize;
                chars[at] = alphabet[(next() % alphabet.len() as u64) as usize];
                chars.into_iter().collect()
            };
            if let Ok(p) = Period::parse(&text) {
                read += 1;
                assert_eq!(Period::parse(&p.to_string()), Ok(p), "{text:?} → {p}");
            }
        }
        assert!(
            read > 1_000,
            "the mutations should leave many valid periods, {read} read"
        );
        // Whole-number order agrees with the time axis (a longer period first on a tie).
        let sample: Vec<Period> = (1990..1993)
            .flat_map(|y| {
                [
                    Period::Year(y),
                    Period::Half(y, 2),
                    Period::Quarter(y, 3),
                    Period::Month(y, 7),
                    Period::Day(y, 8, 15),
                ]
            })
            .collect();
        for a in &sample {
            for b in &sample {
                let by_axis = a.axis().total_cmp(&b.axis());
                if by_axis != std::cmp::Ordering::Equal {
                    assert_eq!(a.cmp(b), by_axis, "{a} {b}");
                }
            }
        }
        // Every valid period written canonically reads back as itself.
        for y in [1800, 1999, 2024, 2200] {
            for p in [
                Period::Year(y),
                Period::Half(y, 2),
                Period::Quarter(y, 3),
                Period::Month(y, 11),
                Period::Day(y, 2, 28),
            ] {
                assert_eq!(Period::parse(&p.to_string()), Ok(p));
            }
        }
    }
}
