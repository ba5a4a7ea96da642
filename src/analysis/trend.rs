//! Change over time of one series, on the real time axis (a month is a twelfth of a year).
use crate::model::{Observation, Period};

/// Change of a series up to a period: since its first period and since the previous one with
/// data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    pub period: Period,
    pub value: f64,
    pub first: Option<(Period, f64)>,
    pub previous: Option<(Period, f64)>,
}

impl Change {
    pub fn since_first(&self) -> Option<f64> {
        self.first.map(|(_, v)| self.value - v)
    }

    pub fn since_previous(&self) -> Option<f64> {
        self.previous.map(|(_, v)| self.value - v)
    }
}

/// `None` when the series has no value for `period`.
pub fn change(series: &[Observation], period: Period) -> Option<Change> {
    let at = series.iter().position(|o| o.period == period)?;
    let first = (at > 0).then(|| (series[0].period, series[0].value));
    let previous = (at > 0).then(|| (series[at - 1].period, series[at - 1].value));
    Some(Change {
        period,
        value: series[at].value,
        first,
        previous,
    })
}

/// Least-squares slope of a series, in units per year on the time axis (so monthly and yearly
/// series compare); `None` with fewer than three values.
pub fn slope(series: &[Observation]) -> Option<f64> {
    if series.len() < 3 {
        return None;
    }
    let n = series.len() as f64;
    let mean_x = series.iter().map(|o| o.period.axis()).sum::<f64>() / n;
    let mean_y = series.iter().map(|o| o.value).sum::<f64>() / n;
    let sxx: f64 = series.iter().map(|o| (o.period.axis() - mean_x).powi(2)).sum();
    let sxy: f64 = series
        .iter()
        .map(|o| (o.period.axis() - mean_x) * (o.value - mean_y))
        .sum();
    (sxx > 0.0).then(|| sxy / sxx)
}

/// Change from `from` to `to`: absolute (in the indicator's unit, so percentage points for
/// shares) and relative (per cent of the starting value, when that is not zero).
pub fn change_between(series: &[Observation], from: Period, to: Period) -> Option<(f64, Option<f64>)> {
    let at = |p: Period| series.iter().find(|o| o.period == p).map(|o| o.value);
    let (a, b) = (at(from)?, at(to)?);
    Some((b - a, (a != 0.0).then(|| (b - a) / a.abs() * 100.0)))
}

/// How the gap between two series (an area and the region, two groups) developed over their
/// common periods up to `period`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gap {
    pub first_period: Period,
    pub first: f64,
    pub period: Period,
    pub now: f64,
}

impl Gap {
    /// Whether the gap is larger in size now than at first.
    pub fn widening(&self) -> bool {
        self.now.abs() > self.first.abs()
    }
}

/// The gap `a − b` at the first common period and at the last common one up to `period`.
pub fn gap(a: &[Observation], b: &[Observation], period: Period) -> Option<Gap> {
    let common: Vec<(Period, f64)> = a
        .iter()
        .filter(|o| o.period <= period)
        .filter_map(|o| {
            b.iter()
                .find(|p| p.period == o.period)
                .map(|p| (o.period, o.value - p.value))
        })
        .collect();
    let (first, last) = (common.first()?, common.last()?);
    (common.len() >= 2).then_some(Gap {
        first_period: first.0,
        first: first.1,
        period: last.0,
        now: last.1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const AT: fn(Period, f64) -> Observation = Observation::new;

    fn obs(year: i32, value: f64) -> Observation {
        AT(Period::Year(year), value)
    }

    const Y: fn(i32) -> Period = Period::Year;

    #[test]
    fn slope_change_and_gap_by_hand() {
        let s = [obs(2020, 10.0), obs(2021, 12.0), obs(2022, 14.0), obs(2023, 16.0)];
        assert_eq!(slope(&s), Some(2.0));
        assert_eq!(slope(&s[..2]), None, "two points are no trend");
        assert_eq!(change_between(&s, Y(2020), Y(2023)), Some((6.0, Some(60.0))));
        assert_eq!(change_between(&s, Y(2019), Y(2023)), None);
        let region = [obs(2020, 11.0), obs(2022, 12.0), obs(2023, 12.0)];
        let g = gap(&s, &region, Y(2023)).expect("gap");
        assert_eq!(
            (g.first_period, g.first, g.period, g.now),
            (Y(2020), -1.0, Y(2023), 4.0)
        );
        assert!(g.widening());
        assert!(
            gap(&s, &region, Y(2020)).is_none(),
            "one common year is no development"
        );
    }

    #[test]
    fn change_skips_missing_years() {
        let s = [obs(2014, 80.0), obs(2018, 82.5), obs(2022, 81.0)];
        let c = change(&s, Y(2022)).expect("value");
        assert_eq!(c.since_first(), Some(1.0));
        assert_eq!(c.previous, Some((Y(2018), 82.5)));
        assert_eq!(change(&s, Y(2014)).and_then(|c| c.since_first()), None);
        assert!(change(&s, Y(2020)).is_none());
    }

    /// A monthly series rising by 0.5 a month rises by 6 a year: the slope is per year on the
    /// real time axis, not per step, so it compares with yearly indicators.
    #[test]
    fn a_monthly_slope_is_per_year() {
        let s: Vec<Observation> = (1..=12)
            .map(|m| AT(Period::Month(2024, m), 3.0 + 0.5 * f64::from(m)))
            .collect();
        let per_year = slope(&s).expect("twelve months");
        assert!((per_year - 6.0).abs() < 1e-9, "{per_year}");
        let quarters: Vec<Observation> = (1..=4)
            .map(|q| AT(Period::Quarter(2024, q), f64::from(q)))
            .collect();
        assert!((slope(&quarters).expect("four quarters") - 4.0).abs() < 1e-9);
    }
}
