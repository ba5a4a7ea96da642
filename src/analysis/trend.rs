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
    fn change_skips_missing_years() {
        let s = [obs(2014, 80.0), obs(2018, 82.5), obs(2022, 81.0)];
        let c = change(&s, 2022).expect("value");
        assert_eq!(c.since_first(), Some(1.0));
        assert_eq!(c.previous, Some((2018, 82.5)));
        assert_eq!(change(&s, 2014).and_then(|c| c.since_first()), None);
        assert!(change(&s, 2020).is_none());
    }
}
