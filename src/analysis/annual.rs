//! The annual view of an indicator that comes by month, quarter, half-year or date: one value
//! per year by the catalogue's rule (the mean of a stock or a rate, the sum of a flow), so that
//! it can be mapped, compared and classified together with yearly indicators. A year counts
//! only when all its periods are there (twelve months, four quarters, two halves); a stock
//! given on dates is the mean of its dates in the year. The view is its own indicator,
//! `<id>_ar`, named "… (årsvärde)", marked with the indicator it comes from.
use std::collections::BTreeMap;

use crate::model::{Atlas, Indicator, Observation, Observations, OverTime, Period, SeriesKey};

/// Appended to an indicator's id for its annual view.
pub const SUFFIX: &str = "_ar";

pub fn annual_id(indicator: &str) -> String {
    format!("{indicator}{SUFFIX}")
}

/// How many periods of the kind of `p` make a whole year; `None` for dates (a stock given on
/// one or more dates a year).
fn per_year(p: Period) -> Option<usize> {
    match p {
        Period::Year(_) => Some(1),
        Period::Half(..) => Some(2),
        Period::Quarter(..) => Some(4),
        Period::Month(..) => Some(12),
        Period::Day(..) => None,
    }
}

/// One series' yearly values from its periods, and how many years were left out as
/// incomplete. Values already given for a whole year are kept as they are.
pub fn annual_series(series: &[Observation], rule: OverTime) -> (Vec<Observation>, usize) {
    let mut by_year: BTreeMap<i32, Vec<&Observation>> = BTreeMap::new();
    for o in series {
        by_year.entry(o.period.year()).or_default().push(o);
    }
    let mut out = Vec::with_capacity(by_year.len());
    let mut incomplete = 0;
    for (year, obs) in by_year {
        if let Some(whole) = obs.iter().find(|o| o.period.is_year()) {
            out.push(**whole);
            continue;
        }
        // One kind of period per year; a year mixing kinds cannot be told complete.
        let kind = std::mem::discriminant(&obs[0].period);
        let same_kind = obs.iter().all(|o| std::mem::discriminant(&o.period) == kind);
        let complete = same_kind
            && match per_year(obs[0].period) {
                Some(n) => obs.len() == n,
                // Dates: a stock's mean over the dates given; a flow on dates never adds up to
                // a known whole.
                None => rule == OverTime::Mean,
            };
        if !complete {
            incomplete += 1;
            continue;
        }
        let sum: f64 = obs.iter().map(|o| o.value).sum();
        let value = match rule {
            OverTime::Mean => sum / obs.len() as f64,
            OverTime::Sum => sum,
        };
        out.push(Observation::new(Period::Year(year), value));
    }
    (out, incomplete)
}

/// What the annual view of an indicator holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnnualView {
    pub rows: Vec<(SeriesKey, String, Observation)>,
    /// Area-years left out because a period of the year is missing.
    pub incomplete: usize,
}

/// The annual view of `indicator` from `observations`; empty when it has only whole years.
pub fn annual_view(observations: &Observations, indicator: &Indicator) -> AnnualView {
    let mut view = AnnualView::default();
    if observations.periods(&indicator.id).iter().all(|p| p.is_year()) {
        return view;
    }
    let id = annual_id(&indicator.id);
    for (key, areas) in observations.series_of(&indicator.id) {
        let key = SeriesKey {
            indicator: id.clone(),
            ..key.clone()
        };
        for (area, series) in areas {
            let (years, incomplete) = annual_series(series, indicator.over_time);
            view.incomplete += incomplete;
            view.rows
                .extend(years.into_iter().map(|o| (key.clone(), area.clone(), o)));
        }
    }
    view.rows
        .sort_by(|a, b| (&a.0.group_by, &a.0.group, &a.1).cmp(&(&b.0.group_by, &b.0.group, &b.1)));
    view
}

/// The catalogue entry of the annual view: the indicator's, renamed, with the rule said.
fn annual_entry(indicator: &Indicator) -> Indicator {
    let (rule_sv, rule_en) = match indicator.over_time {
        OverTime::Mean => ("medelvärdet av årets perioder", "the mean of the year's periods"),
        OverTime::Sum => ("summan av årets perioder", "the sum of the year's periods"),
    };
    Indicator {
        id: annual_id(&indicator.id),
        sv: format!("{} (årsvärde)", indicator.sv),
        en: format!("{} (annual)", indicator.en),
        description_sv: format!(
            "Årsvärde av {}: {rule_sv}; år där en period saknas lämnas tomma. {}",
            indicator.sv, indicator.description_sv
        ),
        description_en: format!(
            "Annual value of {}: {rule_en}; years missing a period are left empty. {}",
            indicator.en, indicator.description_en
        ),
        annual_of: Some(indicator.id.clone()),
        ..indicator.clone()
    }
}

/// Replace the annual views with ones computed from the loaded values; returns, per
/// indicator given one, how many area-years were left out as incomplete.
pub fn refresh(atlas: &mut Atlas) -> Vec<(String, usize)> {
    let stale: Vec<String> = atlas
        .catalogue
        .indicators
        .iter()
        .filter(|i| i.annual_of.is_some())
        .map(|i| i.id.clone())
        .collect();
    for id in stale {
        let _ = atlas.remove_indicator(&id);
    }
    let mut rows = Vec::new();
    let mut entries = Vec::new();
    let mut left_out = Vec::new();
    for indicator in &atlas.catalogue.indicators {
        let view = annual_view(&atlas.observations, indicator);
        if view.rows.is_empty() {
            continue;
        }
        left_out.push((indicator.id.clone(), view.incomplete));
        rows.extend(view.rows);
        entries.push(annual_entry(indicator));
    }
    if let Ok(obs) = Observations::from_rows(rows)
        && atlas.observations.extend(obs).is_ok()
    {
        atlas.catalogue.indicators.extend(entries);
    }
    left_out
}

#[cfg(test)]
mod tests {
    use super::*;

    const AT: fn(Period, f64) -> Observation = Observation::new;

    /// Twelve months make a year (mean for a rate, sum for a flow); eleven do not.
    #[test]
    fn whole_years_by_the_rule_and_incomplete_years_left_out() {
        let mut months: Vec<Observation> = (1..=12)
            .map(|m| AT(Period::Month(2023, m), f64::from(m)))
            .collect();
        months.extend((1..=11).map(|m| AT(Period::Month(2024, m), 1.0)));
        let (mean, incomplete) = annual_series(&months, OverTime::Mean);
        assert_eq!(mean, vec![AT(Period::Year(2023), 6.5)]);
        assert_eq!(incomplete, 1, "2024 lacks December");
        let (sum, _) = annual_series(&months, OverTime::Sum);
        assert_eq!(sum, vec![AT(Period::Year(2023), 78.0)]);
        let quarters: Vec<Observation> = (1..=4).map(|q| AT(Period::Quarter(2024, q), 10.0)).collect();
        assert_eq!(
            annual_series(&quarters, OverTime::Sum).0,
            vec![AT(Period::Year(2024), 40.0)]
        );
        // A population on 1 January: the stock on its date stands for the year.
        let dates = [
            AT(Period::Day(2024, 1, 1), 600.0),
            AT(Period::Day(2025, 1, 1), 610.0),
        ];
        assert_eq!(
            annual_series(&dates, OverTime::Mean).0,
            vec![AT(Period::Year(2024), 600.0), AT(Period::Year(2025), 610.0)]
        );
        assert_eq!(annual_series(&dates, OverTime::Sum), (Vec::new(), 2));
    }

    /// A monthly table loaded into the embedded atlas gets an annual view that sits with the
    /// yearly indicators: same domain, named as such, its years complete only.
    #[test]
    fn a_monthly_indicator_gets_an_annual_view_beside_the_yearly_ones() {
        let mut atlas = crate::io::embedded::atlas().expect("embedded");
        let mut rows = Vec::new();
        for (i, code) in ["1480", "1481", "1482"].iter().enumerate() {
            for m in 1..=12 {
                rows.push((
                    SeriesKey::total("ledighet"),
                    code.to_string(),
                    AT(Period::Month(2024, m), i as f64 + f64::from(m)),
                ));
            }
            rows.push((
                SeriesKey::total("ledighet"),
                code.to_string(),
                AT(Period::Month(2025, 1), 1.0),
            ));
        }
        atlas
            .observations
            .extend(Observations::from_rows(rows).expect("rows"))
            .expect("extend");
        let mut entry = atlas.catalogue.indicator("arbetsloshet").expect("demo").clone();
        entry.id = "ledighet".into();
        atlas.catalogue.indicators.push(entry);
        let left_out = refresh(&mut atlas);
        assert_eq!(
            left_out,
            vec![("ledighet".to_string(), 3)],
            "January 2025 alone is no year"
        );
        let view = atlas.catalogue.indicator("ledighet_ar").expect("annual view");
        assert_eq!(view.domain, "arbete");
        assert!(view.sv.ends_with("(årsvärde)"), "{}", view.sv);
        assert_eq!(atlas.observations.periods("ledighet_ar"), &[Period::Year(2024)]);
        assert_eq!(
            atlas
                .observations
                .value(&SeriesKey::total("ledighet_ar"), "1481", Period::Year(2024)),
            Some(7.5)
        );
        // Computing again replaces the view rather than adding a second one.
        refresh(&mut atlas);
        assert_eq!(
            atlas
                .catalogue
                .indicators
                .iter()
                .filter(|i| i.id == "ledighet_ar")
                .count(),
            1
        );
        assert!(
            atlas.catalogue.indicator("arbetsloshet_ar").is_none(),
            "yearly: no view"
        );
    }
}
