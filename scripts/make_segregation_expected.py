#!/usr/bin/env python3
"""Write tests/fixtures/analysis/segregation_expected.json: seeded counts of persons per area
(invented, not statistics) and the segregation measures PySAL `segregation` 2.5.4 computes
for them, which segkarta's measures must equal within 1e-9.

Three "municipalities" of 12, 40 and 150 areas (seed 20261125), each area with counts for
four birth regions (sverige, norden, eu, ovriga) and five income quintiles (q1..q5); one area
is empty (all zero) to check that empty areas count for nothing.

Needs segregation, pandas, numpy (pip install segregation). Usage:
    python3 scripts/make_segregation_expected.py
"""
import json
import pathlib
import warnings

import numpy as np
import pandas as pd
from segregation.multigroup import MultiDissim, MultiInfoTheory
from segregation.singlegroup import Dissim, Entropy, Gini, Interaction, Isolation

warnings.filterwarnings("ignore")
OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "analysis" / "segregation_expected.json"
BIRTH = ["sverige", "norden", "eu", "ovriga"]
INCOME = ["q1", "q2", "q3", "q4", "q5"]


def area_counts(rng, n, skew):
    # Areas differ in size and in mix: a Dirichlet mix per area around a regional mix.
    size = rng.integers(300, 3000, size=n)
    birth = np.array([rng.multinomial(s, rng.dirichlet(np.array([70, 4, 8, 18]) * skew)) for s in size])
    income = np.array([rng.multinomial(s, rng.dirichlet(np.array([20, 20, 20, 20, 20]) * skew / 4)) for s in size])
    return birth, income


def main():
    rng = np.random.default_rng(20261125)
    out = {"segregation": "2.5.4", "seed": 20261125, "municipalities": []}
    parts = []
    for name, n, skew in [("A", 12, 0.5), ("B", 40, 0.2), ("C", 150, 0.08)]:
        birth, income = area_counts(rng, n, skew)
        if name == "B":
            birth[7] = 0
            income[7] = 0
        parts.append((birth, income))
    # The region as a whole: every area of the three.
    parts.append((np.vstack([p[0] for p in parts]), np.vstack([p[1] for p in parts])))
    for name, (birth, income) in zip(["A", "B", "C", "region"], parts):
        df = pd.DataFrame(birth, columns=BIRTH).join(pd.DataFrame(income, columns=INCOME))
        df["total"] = df[BIRTH].sum(axis=1)
        df["q1q5"] = df["q1"] + df["q5"]
        single = {}
        for g in BIRTH:
            kw = dict(group_pop_var=g, total_pop_var="total")
            single[g] = {
                "dissimilarity": float(Dissim(df, **kw).statistic),
                "gini": float(Gini(df, **kw).statistic),
                "entropy": float(Entropy(df, **kw).statistic),
                "isolation": float(Isolation(df, **kw).statistic),
                "exposure": float(Interaction(df, **kw).statistic),
            }
        out["municipalities"].append(
            {
                "name": name,
                "birth": birth.tolist(),
                "income": income.tolist(),
                "expected": {
                    "single": single,
                    "multi_dissimilarity": float(MultiDissim(df, groups=BIRTH).statistic),
                    "multi_entropy": float(MultiInfoTheory(df, groups=BIRTH).statistic),
                    "income": float(Dissim(df[df["q1q5"] > 0], group_pop_var="q1", total_pop_var="q1q5").statistic),
                },
            }
        )
    OUT.write_text(json.dumps(out, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
