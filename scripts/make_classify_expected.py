#!/usr/bin/env python3
"""Write tests/fixtures/analysis/classify_expected.json: seeded inputs and the breaks and
counts PySAL mapclassify computes for them, which segkarta's classification must reproduce.

mapclassify's `FisherJenks` runs its dynamic programme in float32; on the 6,160 shares that
rounding makes it miss the optimum for some k (a partition with a larger squared deviation).
So the script also records `fisher_jenks_exact_k`: the same programme, same loop order and tie
rule, in float64 (`fisher_jenks_f64` below). segkarta must equal that, and be at least as good
as mapclassify's float32 result.

Inputs (seed 20261125): `small` (12 hand-picked values), `shares` (6,160 shares in per cent
with two decimals, skewed like DeSO shares of a group, with ties), `pooled` (three "years" of
290 values). Needs mapclassify 2.10.0 and numba (pip install mapclassify numba).

Usage: python3 scripts/make_classify_expected.py
"""
import json
import pathlib

import mapclassify as mc
import numba
import numpy as np

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "analysis" / "classify_expected.json"


@numba.njit(cache=False)
def _fisher_jenks_f64(values, classes):
    # mapclassify.classifiers._fisher_jenks_means with float64 instead of float32 sums.
    n_data = len(values)
    mat1 = np.zeros((n_data + 1, classes + 1), dtype=np.int64)
    mat2 = np.zeros((n_data + 1, classes + 1), dtype=np.float64)
    mat1[1, 1:] = 1
    mat2[2:, 1:] = np.inf
    v = 0.0
    for _l in range(2, n_data + 1):
        s1 = 0.0
        s2 = 0.0
        w = 0.0
        for m in range(1, _l + 1):
            i3 = _l - m + 1
            val = values[i3 - 1]
            s2 += val * val
            s1 += val
            w += 1.0
            v = s2 - (s1 * s1) / w
            i4 = i3 - 1
            if i4 != 0:
                for j in range(2, classes + 1):
                    if mat2[_l, j] >= (v + mat2[i4, j - 1]):
                        mat1[_l, j] = i3
                        mat2[_l, j] = v + mat2[i4, j - 1]
        mat1[_l, 1] = 1
        mat2[_l, 1] = v
    k = n_data
    kclass = np.zeros(classes + 1, dtype=values.dtype)
    kclass[classes] = values[n_data - 1]
    kclass[0] = values[0]
    for count_num in range(classes, 1, -1):
        pivot = mat1[k, count_num]
        kclass[count_num - 1] = values[pivot - 2]
        k = pivot - 1
    return kclass[1:]


def fisher_jenks_f64(y, k):
    return [float(b) for b in _fisher_jenks_f64(np.sort(np.asarray(y, dtype=np.float64)), k)]


def result(c):
    return {"bins": [float(b) for b in c.bins], "counts": [int(n) for n in c.counts]}


def main():
    rng = np.random.default_rng(20261125)
    small = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 20.0, 50.0]
    shares = np.round(np.clip(rng.lognormal(mean=2.6, sigma=0.7, size=6160), 0, 100), 2)
    pooled = np.round(rng.normal(loc=[60.0, 62.0, 65.0], scale=8.0, size=(290, 3)), 1)
    out = {"mapclassify": mc.__version__, "seed": 20261125, "inputs": {}, "expected": {}}
    for name, y in [("small", np.array(small)), ("shares", shares)]:
        out["inputs"][name] = [float(v) for v in y]
        e = {}
        for k in range(3, 10):
            e[f"fisher_jenks_{k}"] = result(mc.FisherJenks(y, k=k))
            e[f"fisher_jenks_exact_{k}"] = {"bins": fisher_jenks_f64(y, k)}
        e["quantiles_5"] = result(mc.Quantiles(y, k=5))
        e["equal_interval_5"] = result(mc.EqualInterval(y, k=5))
        e["std_mean"] = result(mc.StdMean(y))
        e["box_plot"] = result(mc.BoxPlot(y))
        e["user_defined"] = result(mc.UserDefined(y, bins=[5.0, 10.0, 15.0]))
        out["expected"][name] = e
    out["inputs"]["pooled"] = [[float(v) for v in row] for row in pooled.T]
    e = {}
    for scheme, k in [("Quantiles", 5), ("FisherJenks", 5), ("EqualInterval", 4)]:
        p = mc.Pooled(pooled, classifier=scheme, k=k)
        e[scheme] = {
            "global": result(p.global_classifier),
            "years": [[int(n) for n in c.counts] for c in p.col_classifiers],
        }
    e["FisherJenksExact"] = {"global": {"bins": fisher_jenks_f64(pooled.flatten(), 5)}}
    out["expected"]["pooled"] = e
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=None, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
