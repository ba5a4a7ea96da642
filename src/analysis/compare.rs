//! Comparisons across areas and groups: ranks, group gaps, region differences.
use crate::analysis::significance::{Difference, Estimate, difference, region_estimate};
use crate::model::{Atlas, Period, SeriesKey, TOTAL};

/// Rank (1 = highest value) of each entry among those with a value; `None` for no data.
pub fn ranks_descending(values: &[Option<f64>]) -> Vec<Option<usize>> {
    let mut order: Vec<(usize, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i, v)))
        .collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut out = vec![None; values.len()];
    for (rank, (i, _)) in order.into_iter().enumerate() {
        out[i] = Some(rank + 1);
    }
    out
}

/// One group's value in the chosen area next to the region's value for the same group.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupValue {
    pub group: String,
    pub value: Option<f64>,
    /// Margin of error of `value`, for survey indicators.
    pub moe: Option<f64>,
    /// Respondents or persons behind `value`.
    pub n: Option<f64>,
    pub region: Option<f64>,
    /// For survey indicators: the value with its standard error.
    pub estimate: Option<Estimate>,
    /// A survey value held back as from too few respondents (`value` is then `None`).
    pub suppressed: bool,
}

/// Fewer survey respondents than this and a value is flagged as uncertain.
pub const FEW_RESPONDENTS: f64 = 50.0;

/// The largest difference between two groups: `low` lies `difference` below `high`.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupGap {
    pub low: String,
    pub high: String,
    pub difference: f64,
    /// For survey values with known errors: the test of the difference.
    pub test: Option<Difference>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct GroupComparison {
    pub rows: Vec<GroupValue>,
    pub gap: Option<GroupGap>,
    /// The survey's confidence level, for survey indicators.
    pub confidence: Option<f64>,
}

/// Every group of `group_by` for `indicator` in `area` (or the region when `area` is `None`),
/// in the catalogue's group order.
pub fn groups(
    atlas: &Atlas,
    indicator: &str,
    group_by: &str,
    period: Period,
    area: Option<&str>,
) -> GroupComparison {
    if group_by == TOTAL {
        return GroupComparison::default();
    }
    let survey = atlas.catalogue.indicator(indicator).filter(|i| i.survey);
    let rows: Vec<GroupValue> = atlas
        .groups_ordered(indicator, group_by)
        .into_iter()
        .map(|group| {
            let key = SeriesKey::new(indicator, group_by, &group);
            let region = atlas.region_value(&key, period).map(|r| r.value);
            let (value, moe, mut n, estimate) = match area {
                Some(code) => {
                    atlas
                        .observations
                        .get(&key, code, period)
                        .map_or((None, None, None, None), |o| {
                            (
                                Some(o.value),
                                o.moe,
                                o.n,
                                survey.and_then(|ind| Estimate::of(ind, &o)),
                            )
                        })
                }
                None => {
                    let estimate = survey.and_then(|ind| region_estimate(atlas, &key, period, ind));
                    (region, None, None, estimate)
                }
            };
            let held = area.and_then(|code| atlas.observations.suppressed(&key, code, period));
            if let Some(held) = held {
                n = held.n;
            }
            GroupValue {
                group,
                value,
                moe,
                n,
                region,
                estimate,
                suppressed: held.is_some(),
            }
        })
        .collect();
    let with_value = || rows.iter().filter_map(|r| r.value.map(|v| (r, v)));
    let low = with_value().min_by(|a, b| a.1.total_cmp(&b.1));
    let high = with_value().max_by(|a, b| a.1.total_cmp(&b.1));
    let gap = match (low, high) {
        (Some((l, lv)), Some((h, hv))) if l.group != h.group => Some(GroupGap {
            low: l.group.clone(),
            high: h.group.clone(),
            difference: hv - lv,
            test: l.estimate.zip(h.estimate).and_then(|(l, h)| difference(l, h)),
        }),
        _ => None,
    };
    GroupComparison {
        rows,
        gap,
        confidence: survey.map(|i| i.confidence),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_put_highest_first_and_skip_no_data() {
        assert_eq!(
            ranks_descending(&[Some(2.0), None, Some(5.0), Some(3.0)]),
            vec![Some(3), None, Some(1), Some(2)]
        );
    }
}
