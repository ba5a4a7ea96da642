//! Change over time of one series.
use crate::model::Observation;

/// Change of a series up to a year: since its first year and since the previous year with data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    pub year: i32,
    pub value: f64,
    pub first: Option<(i32, f64)>,
    pub previous: Option<(i32, f64)>,
}

impl Change {
    pub fn since_first(&self) -> Option<f64> {
        self.first.map(|(_, v)| self.value - v)
    }

    pub fn since_previous(&self) -> Option<f64> {
        self.previous.map(|(_, v)| self.value - v)
    }
}

/// `None` when the series has no value for `year`.
pub fn change(series: &[Observation], year: i32) -> Option<Change> {
    let at = series.iter().position(|o| o.year == year)?;
    let first = (at > 0).then(|| (series[0].year, series[0].value));
    let previous = (at > 0).then(|| (series[at - 1].year, series[at - 1].value));
    Some(Change {
        year,
        value: series[at].value,
        first,
        previous,
    })
}

/// Least-squares slope of a series, in units per year; `None` with fewer than three years.
pub fn slope(series: &[Observation]) -> Option<f64> {
    if series.len() < 3 {
        return None;
    }
    let n = series.len() as f64;
    let mean_x = series.iter().map(|o| o.year as f64).sum::<f64>() / n;
    let mean_y = series.iter().map(|o| o.value).sum::<f64>() / n;
    let sxx: f64 = series.iter().map(|o| (o.year as f64 - mean_x).powi(2)).sum();
    let sxy: f64 = series
        .iter()
        .map(|o| (o.year as f64 - mean_x) * (o.value - mean_y))
        .sum();
    (sxx > 0.0).then(|| sxy / sxx)
}

/// Change from `from` to `to`: absolute (in the indicator's unit, so percentage points for
/// shares) and relative (per cent of the starting value, when that is not zero).
pub fn change_between(series: &[Observation], from: i32, to: i32) -> Option<(f64, Option<f64>)> {
    let at = |y: i32| series.iter().find(|o| o.year == y).map(|o| o.value);
    let (a, b) = (at(from)?, at(to)?);
    Some((b - a, (a != 0.0).then(|| (b - a) / a.abs() * 100.0)))
}

/// How the gap between two series (an area and the region, two groups) developed over their
/// common years up to `year`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gap {
    pub first_year: i32,
    pub first: f64,
    pub year: i32,
    pub now: f64,
}

impl Gap {
    /// Whether the gap is larger in size now than at first.
    pub fn widening(&self) -> bool {
        self.now.abs() > self.first.abs()
    }
}

/// The gap `a − b` at the first common year and at the last common year up to `year`.
pub fn gap(a: &[Observation], b: &[Observation], year: i32) -> Option<Gap> {
    let common: Vec<(i32, f64)> = a
        .iter()
        .filter(|o| o.year <= year)
        .filter_map(|o| {
            b.iter()
                .find(|p| p.year == o.year)
                .map(|p| (o.year, o.value - p.value))
        })
        .collect();
    let (first, last) = (common.first()?, common.last()?);
    (common.len() >= 2).then_some(Gap {
        first_year: first.0,
        first: first.1,
        year: last.0,
        now: last.1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(year: i32, value: f64) -> Observation {
        Observation {
            year,
            value,
            moe: None,
            n: None,
        }
    }

    #[test]
    fn slope_change_and_gap_by_hand() {
        let s = [obs(2020, 10.0), obs(2021, 12.0), obs(2022, 14.0), obs(2023, 16.0)];
        assert_eq!(slope(&s), Some(2.0));
        assert_eq!(slope(&s[..2]), None, "two points are no trend");
        assert_eq!(change_between(&s, 2020, 2023), Some((6.0, Some(60.0))));
        assert_eq!(change_between(&s, 2019, 2023), None);
        let region = [obs(2020, 11.0), obs(2022, 12.0), obs(2023, 12.0)];
        let g = gap(&s, &region, 2023).expect("gap");
        assert_eq!((g.first_year, g.first, g.year, g.now), (2020, -1.0, 2023, 4.0));
        assert!(g.widening());
        assert!(
            gap(&s, &region, 2020).is_none(),
            "one common year is no development"
        );
    }

    #[test]
    fn change_skips_missing_years() {
        let s = [obs(2014, 80.0), obs(2018, 82.5), obs(2022, 81.0)];
        let c = change(&s, 2022).expect("value");
        assert_eq!(c.since_first(), Some(1.0));
        assert_eq!(c.previous, Some((2018, 82.5)));
        assert_eq!(change(&s, 2014).and_then(|c| c.since_first()), None);
        assert!(change(&s, 2020).is_none());
    }
}
