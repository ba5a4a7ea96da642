//! Sampling error of survey values: standard errors from a margin of error or from the base,
//! confidence intervals, and the two-sided z-test of a difference between two values (two
//! groups, two areas, an area and GR). Checked against statsmodels
//! (`scripts/make_significance_expected.py`).
use crate::model::{Atlas, Indicator, Observation, Period, SeriesKey};

/// A value and what is known of its sampling error.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub value: f64,
    /// Standard error, from the margin of error or, for a share, from its base.
    pub se: Option<f64>,
    /// Respondents (or the base a share is computed on).
    pub n: Option<f64>,
    /// The value is a share in per cent, so a base alone gives its standard error.
    pub percent: bool,
    /// The standard error came from a margin of error (else from the base, or it is exact).
    pub from_margin: bool,
}

impl Estimate {
    /// A survey value of `indicator` with its margin and base; `None` for other indicators,
    /// whose values are counts or registers without sampling error.
    pub fn of(indicator: &Indicator, obs: &Observation) -> Option<Estimate> {
        indicator
            .survey
            .then(|| Estimate::from_observation(obs, indicator.confidence, indicator.is_percent()))
    }

    /// The standard error is the margin over the critical value at `confidence`; without a
    /// margin, a share's `sqrt(p(1 − p)/n)` when the base is known.
    pub fn from_observation(obs: &Observation, confidence: f64, percent: bool) -> Estimate {
        let n = obs.n.filter(|n| n.is_finite() && *n > 0.0);
        let margin = obs.moe.filter(|m| m.is_finite() && *m >= 0.0);
        let se = margin.map(|moe| moe / z_critical(confidence)).or_else(|| {
            let n = n.filter(|_| percent)?;
            let p = (obs.value / 100.0).clamp(0.0, 1.0);
            Some(100.0 * (p * (1.0 - p) / n).sqrt())
        });
        Estimate {
            value: obs.value,
            se,
            n,
            percent,
            from_margin: margin.is_some(),
        }
    }

    /// A value known without sampling error (a register figure, a fixed reference).
    pub fn exact(value: f64) -> Estimate {
        Estimate {
            value,
            se: Some(0.0),
            n: None,
            percent: false,
            from_margin: false,
        }
    }

    /// The confidence interval at `confidence`, when the standard error is known.
    pub fn interval(&self, confidence: f64) -> Option<(f64, f64)> {
        let half = self.se? * z_critical(confidence);
        Some((self.value - half, self.value + half))
    }
}

/// The unweighted mean of several estimates (GR's value as the mean of its municipalities),
/// with the standard error of a mean of independent values: `sqrt(Σ se²) / k`.
pub fn mean_of(estimates: &[Estimate]) -> Option<Estimate> {
    if estimates.is_empty() {
        return None;
    }
    let k = estimates.len() as f64;
    let se = estimates
        .iter()
        .map(|e| e.se.map(|s| s * s))
        .sum::<Option<f64>>()
        .map(|v| v.sqrt() / k);
    Some(Estimate {
        value: estimates.iter().map(|e| e.value).sum::<f64>() / k,
        se,
        n: estimates.iter().map(|e| e.n).sum(),
        percent: estimates.iter().all(|e| e.percent),
        from_margin: true,
    })
}

/// GR's estimate of a survey indicator in `period`: the published GR row with its margin,
/// else the mean of the member municipalities' estimates (as `Atlas::region_value` means them).
pub fn region_estimate(atlas: &Atlas, key: &SeriesKey, period: Period, ind: &Indicator) -> Option<Estimate> {
    if let Some(obs) = atlas.observations.get(key, crate::model::REGION_GR, period) {
        return Estimate::of(ind, &obs);
    }
    let members: Vec<Estimate> = crate::model::GR_MUNICIPALITIES
        .iter()
        .filter_map(|c| atlas.observations.get(key, c, period))
        .filter_map(|o| Estimate::of(ind, &o))
        .collect();
    mean_of(&members)
}

/// The test of a difference `b − a`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Difference {
    pub difference: f64,
    pub se: f64,
    pub z: f64,
    /// Two-sided p-value.
    pub p: f64,
}

impl Difference {
    /// Whether the difference is significant at `confidence` per cent.
    pub fn significant(&self, confidence: f64) -> bool {
        self.p < 1.0 - confidence / 100.0
    }
}

/// Test `b − a`. Two shares given only by their bases get the pooled two-proportion z-test
/// (statsmodels' `proportions_ztest`); otherwise the standard errors combine as independent,
/// `sqrt(se_a² + se_b²)` (a Wald test). `None` when either standard error is unknown.
pub fn difference(a: Estimate, b: Estimate) -> Option<Difference> {
    let d = b.value - a.value;
    let se = match (a.n, b.n) {
        (Some(na), Some(nb)) if a.percent && b.percent && !a.from_margin && !b.from_margin => {
            let pooled = (a.value / 100.0 * na + b.value / 100.0 * nb) / (na + nb);
            100.0 * (pooled * (1.0 - pooled) * (1.0 / na + 1.0 / nb)).sqrt()
        }
        _ => a.se?.hypot(b.se?),
    };
    let z = if se > 0.0 {
        d / se
    } else if d == 0.0 {
        0.0
    } else {
        // No sampling error at all and yet a difference: certain.
        d.signum() * f64::INFINITY
    };
    Some(Difference {
        difference: d,
        se,
        z,
        p: libm::erfc(z.abs() / std::f64::consts::SQRT_2),
    })
}

/// The two-sided critical value of the standard normal at `confidence` per cent (1.96 at 95).
pub fn z_critical(confidence: f64) -> f64 {
    inverse_normal(0.5 + confidence.clamp(0.0, 99.9999) / 200.0)
}

/// The standard normal's quantile function: Acklam's rational approximation (relative error
/// below 1.2e-9), refined by one Halley step on `erfc`.
fn inverse_normal(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969683028665376e1,
        2.209460984245205e2,
        -2.759285104469687e2,
        1.383_577_518_672_69e2,
        -3.066479806614716e1,
        2.506628277459239,
    ];
    const B: [f64; 5] = [
        -5.447609879822406e1,
        1.615858368580409e2,
        -1.556989798598866e2,
        6.680131188771972e1,
        -1.328068155288572e1,
    ];
    const C: [f64; 6] = [
        -7.784894002430293e-3,
        -3.223964580411365e-1,
        -2.400758277161838,
        -2.549732539343734,
        4.374664141464968,
        2.938163982698783,
    ];
    const D: [f64; 4] = [
        7.784695709041462e-3,
        3.224671290700398e-1,
        2.445134137142996,
        3.754408661907416,
    ];
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    let x = if p < 0.02425 {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - 0.02425 {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    };
    let e = 0.5 * libm::erfc(-x / std::f64::consts::SQRT_2) - p;
    let u = e * (2.0 * std::f64::consts::PI).sqrt() * (x * x / 2.0).exp();
    x - u / (1.0 + x * u / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Period;

    fn expected() -> serde_json::Value {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/analysis/significance_expected.json"
        );
        serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("json")
    }

    fn share(value: f64, n: f64) -> Estimate {
        let obs = Observation {
            n: Some(n),
            ..Observation::new(Period::Year(2024), value)
        };
        Estimate::from_observation(&obs, 95.0, true)
    }

    fn close(a: f64, b: f64, what: &str) {
        assert!(
            (a - b).abs() <= 1e-9 * b.abs().max(1.0),
            "{what}: {a} against {b}"
        );
    }

    #[test]
    fn critical_values_match_scipy() {
        let e = expected();
        for (level, z) in e["critical"].as_object().expect("object") {
            let level: f64 = level.parse().expect("level");
            close(
                z_critical(level),
                z.as_f64().expect("z"),
                &format!("z at {level} %"),
            );
        }
    }

    #[test]
    fn shares_by_their_bases_match_statsmodels_pooled_test() {
        for case in expected()["pooled"].as_array().expect("cases") {
            let f = |k: &str| case[k].as_f64().expect("number");
            let t = difference(share(f("a"), f("n_a")), share(f("b"), f("n_b"))).expect("tested");
            close(t.z, f("z"), &format!("z of {case}"));
            close(t.p, f("p"), &format!("p of {case}"));
        }
    }

    #[test]
    fn unpooled_and_margin_tests_match_statsmodels_and_scipy() {
        let e = expected();
        for case in e["wald"].as_array().expect("cases") {
            let f = |k: &str| case[k].as_f64().expect("number");
            // Margins of error stand for the standard errors: the test is then unpooled.
            let with_margin = |p: f64, n: f64| {
                let se = 100.0 * (p / 100.0 * (1.0 - p / 100.0) / n).sqrt();
                let obs = Observation {
                    moe: Some(se * z_critical(95.0)),
                    n: Some(n),
                    ..Observation::new(Period::Year(2024), p)
                };
                Estimate::from_observation(&obs, 95.0, true)
            };
            // A share at 0 or 100 % has no sampling error of its own: unpooled, that is a
            // standard error of zero, as in statsmodels' Wald test.
            let t = difference(with_margin(f("a"), f("n_a")), with_margin(f("b"), f("n_b"))).expect("tested");
            close(t.z, f("z"), &format!("z of {case}"));
            close(t.p, f("p"), &format!("p of {case}"));
        }
        for case in e["margins"].as_array().expect("cases") {
            let f = |k: &str| case[k].as_f64().expect("number");
            let est = |v: f64, moe: f64| {
                let obs = Observation {
                    moe: Some(moe),
                    ..Observation::new(Period::Year(2024), v)
                };
                Estimate::from_observation(&obs, 95.0, false)
            };
            let t = difference(est(f("a"), f("moe_a")), est(f("b"), f("moe_b"))).expect("tested");
            close(t.z, f("z"), &format!("z of {case}"));
            close(t.p, f("p"), &format!("p of {case}"));
        }
    }

    #[test]
    fn unknown_error_zero_base_and_identical_certain_values() {
        // No margin and no base: nothing to test with.
        let bare = Estimate::from_observation(&Observation::new(Period::Year(2024), 40.0), 95.0, true);
        assert_eq!(bare.se, None);
        assert_eq!(difference(bare, share(30.0, 100.0)), None);
        // n = 0 is no base at all.
        assert_eq!(share(30.0, 0.0).se, None);
        // Two exact values: equal ones do not differ, different ones certainly do.
        let same = difference(Estimate::exact(5.0), Estimate::exact(5.0)).expect("tested");
        assert_eq!((same.z, same.p), (0.0, 1.0));
        assert!(!same.significant(95.0));
        let apart = difference(Estimate::exact(5.0), Estimate::exact(6.0)).expect("tested");
        assert!(apart.significant(99.0));
    }

    #[test]
    fn an_interval_that_crosses_the_reference_is_not_a_significant_difference() {
        let obs = Observation {
            moe: Some(4.0),
            ..Observation::new(Period::Year(2024), 27.0)
        };
        let area = Estimate::from_observation(&obs, 95.0, true);
        let (lo, hi) = area.interval(95.0).expect("interval");
        close(lo, 23.0, "lower");
        close(hi, 31.0, "upper");
        // GR's 24 % lies inside the interval: not significant. 22 % lies outside: significant.
        assert!(
            !difference(Estimate::exact(24.0), area)
                .expect("tested")
                .significant(95.0)
        );
        assert!(
            difference(Estimate::exact(22.0), area)
                .expect("tested")
                .significant(95.0)
        );
    }
}
