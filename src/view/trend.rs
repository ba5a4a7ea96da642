//! The trend panel's numbers, computed with the view once per selection change rather than in
//! every frame: the lines of the chart on the real time axis (years), and the changes, the
//! linear trend and the gap to GR that the panel states.
use crate::analysis::trend::{self, Change, Gap};
use crate::model::{Atlas, GR_MUNICIPALITIES, Level, Observation, Period, SeriesKey};
use crate::state::Selection;

/// A line of the chart: `[time axis in years, value]` per period.
pub type Points = Vec<[f64; 2]>;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrendView {
    pub region: Points,
    pub sweden: Points,
    /// The selected area's line.
    pub area: Option<Points>,
    /// The other GR municipalities as quiet context, at the municipal level only (so the chart
    /// speaks of the level on the map).
    pub context: Vec<Points>,
    /// The series the numbers are about: the selected area's, else GR's.
    pub own: Vec<Observation>,
    /// Change since the first and the previous period, when the shown one has a value.
    pub change: Option<Change>,
    /// The periods before the shown one, to compare with.
    pub earlier: Vec<Period>,
    /// From the base period (the user's, else the first) to the shown one: base, absolute and
    /// relative change in per cent.
    pub since_base: Option<(Period, f64, Option<f64>)>,
    /// Least-squares trend per year up to the shown period, from its first period.
    pub slope: Option<(Period, f64)>,
    /// The selected area's gap to GR, then and now.
    pub gap: Option<Gap>,
    /// GR's series, which the lines and the gap are drawn from.
    pub region_series: Vec<Observation>,
    /// The series, area and level the lines are of, so a period step can reuse them.
    pub series_of: Option<(SeriesKey, Option<String>, Level)>,
    /// For survey indicators: the confidence interval of the own series per period
    /// (`[time axis, lower, upper]`), drawn as a band.
    pub band: Vec<[f64; 3]>,
}

impl TrendView {
    pub fn compute(atlas: &Atlas, key: &SeriesKey, sel: &Selection) -> TrendView {
        Self::compute_reusing(atlas, key, sel, None)
    }

    /// As [`TrendView::compute`], taking the lines and series from `previous` when it is the
    /// same series in the same area and level (a step of the time slider changes only the
    /// numbers, and GR's series may have to be summed from many finer areas).
    pub fn compute_reusing(
        atlas: &Atlas,
        key: &SeriesKey,
        sel: &Selection,
        previous: Option<&TrendView>,
    ) -> TrendView {
        let series_of = (key.clone(), sel.area.clone(), sel.level.clone());
        if let Some(prev) = previous.filter(|p| p.series_of.as_ref() == Some(&series_of)) {
            return Self::numbers(atlas, key, sel, prev.clone());
        }
        let points = |series: &[Observation]| -> Points {
            series.iter().map(|o| [o.period.axis(), o.value]).collect()
        };
        let region_series = atlas.region_series(key);
        let periods = atlas.observations.periods(&key.indicator);
        let sweden = periods
            .iter()
            .filter_map(|p| atlas.sweden_value(key, *p).map(|v| [p.axis(), v]))
            .collect();
        let area = sel.area.as_deref();
        let context = if sel.level == Level::Kommun {
            GR_MUNICIPALITIES
                .iter()
                .filter(|code| Some(**code) != area)
                .map(|code| points(atlas.observations.series(key, code)))
                .collect()
        } else {
            Vec::new()
        };
        let own: Vec<Observation> = match area {
            Some(code) => atlas.observations.series(key, code).to_vec(),
            None => region_series.clone(),
        };
        let band = interval_band(atlas, key, area, &own);
        let lines = TrendView {
            band,
            region: points(&region_series),
            region_series,
            sweden,
            area: area.map(|code| points(atlas.observations.series(key, code))),
            context,
            own,
            series_of: Some(series_of),
            ..TrendView::default()
        };
        Self::numbers(atlas, key, sel, lines)
    }

    /// The numbers for the shown period, from the lines and series in `lines`.
    fn numbers(atlas: &Atlas, key: &SeriesKey, sel: &Selection, lines: TrendView) -> TrendView {
        let own = &lines.own;
        let earlier: Vec<Period> = own.iter().map(|o| o.period).filter(|p| *p < sel.period).collect();
        let since_base = earlier.first().and_then(|first| {
            let base = sel.base_period.filter(|p| earlier.contains(p)).unwrap_or(*first);
            trend::change_between(own, base, sel.period)
                .map(|(absolute, relative)| (base, absolute, relative))
        });
        let up_to: Vec<Observation> = own.iter().filter(|o| o.period <= sel.period).copied().collect();
        let slope = trend::slope(&up_to)
            .zip(up_to.first())
            .map(|(s, first)| (first.period, s));
        let gap = sel.area.as_deref().and_then(|code| {
            trend::gap(
                atlas.observations.series(key, code),
                &lines.region_series,
                sel.period,
            )
        });
        TrendView {
            change: trend::change(own, sel.period),
            earlier,
            since_base,
            slope,
            gap,
            ..lines
        }
    }
}

/// The confidence band of a survey series: the area's own estimates, or GR's per period.
fn interval_band(atlas: &Atlas, key: &SeriesKey, area: Option<&str>, own: &[Observation]) -> Vec<[f64; 3]> {
    use crate::analysis::significance::{Estimate, region_estimate};
    let Some(ind) = atlas.catalogue.indicator(&key.indicator).filter(|i| i.survey) else {
        return Vec::new();
    };
    own.iter()
        .filter_map(|o| {
            let estimate = match area {
                Some(_) => Estimate::of(ind, o),
                None => region_estimate(atlas, key, o.period, ind),
            }?;
            let (lo, hi) = estimate.interval(ind.confidence)?;
            Some([o.period.axis(), lo.max(ind.min), hi.min(ind.max)])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Göteborg selected on the demo data: its own line, the other twelve as context, and the
    /// panel's numbers from its series.
    #[test]
    fn a_selected_municipality_gets_its_line_context_and_numbers() {
        let (atlas, sel) = crate::view::demo_with_area("1480");
        let key = SeriesKey::total(&sel.indicator);
        let view = TrendView::compute(&atlas, &key, &sel);
        let series = atlas.observations.series(&key, "1480");
        assert_eq!(view.own, series);
        assert_eq!(view.context.len(), 12, "the other municipalities");
        assert_eq!(view.area.as_ref().map(Vec::len), Some(series.len()));
        let first = series[0];
        let (base, absolute, _) = view.since_base.expect("a change since the first period");
        assert_eq!(base, first.period);
        let now = series
            .iter()
            .find(|o| o.period == sel.period)
            .expect("a value now");
        assert!((absolute - (now.value - first.value)).abs() < 1e-9);
        assert!(view.slope.is_some() && view.gap.is_some());
        // At another level the municipal context lines are left out.
        let deso = Selection {
            level: Level::Deso,
            ..sel
        };
        assert!(TrendView::compute(&atlas, &key, &deso).context.is_empty());
        // A step of the time slider reuses the lines and gives the same view as computing anew.
        let earlier = Selection {
            period: Period::Year(2018),
            level: Level::Kommun,
            ..deso
        };
        let stepped = TrendView::compute_reusing(&atlas, &key, &earlier, Some(&view));
        assert_eq!(stepped, TrendView::compute(&atlas, &key, &earlier));
        assert_ne!(stepped.change, view.change);
    }
}
