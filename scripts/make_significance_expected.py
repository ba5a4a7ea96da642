#!/usr/bin/env python3
"""Write tests/fixtures/analysis/significance_expected.json: the tests segkarta runs on survey
values, computed by statsmodels, which segkarta's `analysis::significance` must reproduce.

- `critical`: the two-sided critical value z of the standard normal per confidence level
  (scipy.stats.norm.ppf).
- `pooled`: two proportions given by their bases, tested with a pooled standard error
  (statsmodels.stats.proportion.proportions_ztest, two-sided). segkarta uses it when both
  values have an `n` and no margin of error.
- `wald`: two proportions with their bases, unpooled standard errors
  (statsmodels.stats.proportion.test_proportions_2indep, method "wald"), the same test segkarta
  runs on standard errors derived from margins of error (se = moe / z).
- `margins`: two values with 95 % margins of error (any unit): z = (b - a) / sqrt(se_a² + se_b²)
  with se = moe / 1.959964, p = 2 · (1 - Φ(|z|)) (scipy.stats.norm.sf).

Cases include a proportion at 0 % and one at 100 %. Needs statsmodels (pip install statsmodels).

Usage: python3 scripts/make_significance_expected.py
"""
import json
import pathlib

import numpy as np
import scipy.stats as st
from statsmodels.stats.proportion import proportions_ztest, test_proportions_2indep

OUT = (pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "analysis"
       / "significance_expected.json")

# (share a %, n a, share b %, n b)
PROPORTIONS = [
    (45.0, 200, 38.0, 150),
    (24.1, 3120, 22.6, 2890),
    (12.0, 40, 30.0, 35),
    (50.0, 31, 50.0, 400),
    (0.0, 50, 10.0, 60),
    (100.0, 80, 90.0, 70),
    (0.0, 30, 100.0, 30),
    (61.5, 1000, 58.9, 1200),
]
# (value a, moe a, value b, moe b)
MARGINS = [
    (24.1, 1.5, 22.6, 1.5),
    (64.0, 3.1, 57.0, 4.4),
    (228.0, 6.0, 219.5, 5.0),
    (38.0, 9.9, 30.0, 12.0),
    (10.0, 0.0, 10.5, 0.4),
]


def main():
    critical = {str(c): float(st.norm.ppf(0.5 + c / 200)) for c in (80, 90, 95, 99)}
    pooled, wald = [], []
    for pa, na, pb, nb in PROPORTIONS:
        xa, xb = pa / 100 * na, pb / 100 * nb
        z, p = proportions_ztest([xb, xa], [nb, na], alternative="two-sided")
        pooled.append({"a": pa, "n_a": na, "b": pb, "n_b": nb, "z": float(z), "p": float(p)})
        if 0 < pa < 100 or 0 < pb < 100:
            r = test_proportions_2indep(xb, nb, xa, na, method="wald", compare="diff")
            wald.append({"a": pa, "n_a": na, "b": pb, "n_b": nb, "z": float(r.statistic),
                         "p": float(r.pvalue)})
    margins = []
    z95 = st.norm.ppf(0.975)
    for a, ma, b, mb in MARGINS:
        se = np.hypot(ma / z95, mb / z95)
        z = (b - a) / se
        margins.append({"a": a, "moe_a": ma, "b": b, "moe_b": mb, "z": float(z),
                        "p": float(2 * st.norm.sf(abs(z)))})
    OUT.write_text(json.dumps({"critical": critical, "pooled": pooled, "wald": wald,
                               "margins": margins}, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
