#!/usr/bin/env python3
"""Write tests/fixtures/analysis/autocorrelation_areas.geojson and
tests/fixtures/analysis/autocorrelation_expected.json (and the values as a tidy table,
autocorrelation_values.csv, indicator `gitter`): an invented lattice of 12 × 10 areas
near Göteborg (edges split in three, so neighbours share several vertices; two cells left
out and one detached square, an island), with seeded values that follow a gentle east–west
trend plus noise (seed 20261125), and what PySAL computes for them: queen neighbours
(libpysal 4.14 `Queen.from_dataframe`), global Moran's I with its expectation, variance
under normality, z and p (esda 2.9 `Moran`, row-standardised), and local Moran values and
quadrants (`Moran_Local`), and local pseudo p-values from 99,999 conditional permutations
(seed 20261125): so many that they are close to the exact ones, which segkarta's 999
permutations (with their own random numbers) must meet within sampling error.

Needs libpysal, esda, geopandas, shapely (pip install esda libpysal geopandas).
Usage: python3 scripts/make_autocorrelation_expected.py
"""
import json
import pathlib
import warnings

import geopandas as gpd
import numpy as np
from esda.moran import Moran, Moran_Local
from libpysal.weights import Queen
from shapely.geometry import Polygon

warnings.filterwarnings("ignore")
DIR = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "analysis"
STEP = 0.01


def cell(r, c):
    x0, y0 = 11.8 + c * STEP, 57.6 + r * STEP
    pts = []
    for (xa, ya), (xb, yb) in [((x0, y0), (x0 + STEP, y0)), ((x0 + STEP, y0), (x0 + STEP, y0 + STEP)),
                               ((x0 + STEP, y0 + STEP), (x0, y0 + STEP)), ((x0, y0 + STEP), (x0, y0))]:
        for t in (0, 1 / 3, 2 / 3):
            pts.append((round(xa + (xb - xa) * t, 6), round(ya + (yb - ya) * t, 6)))
    return Polygon(pts)


def main():
    rng = np.random.default_rng(20261125)
    codes, geoms, values = [], [], []
    for r in range(10):
        for c in range(12):
            if (r, c) in [(4, 5), (7, 9)]:
                continue
            codes.append(f"X{r:02d}{c:02d}")
            geoms.append(cell(r, c))
            values.append(round(20 + 1.5 * c + rng.normal(0, 4), 2))
    codes.append("X9999")
    geoms.append(Polygon([(12.2, 57.6), (12.21, 57.6), (12.21, 57.61), (12.2, 57.61)]))
    values.append(round(rng.normal(30, 4), 2))
    gdf = gpd.GeoDataFrame({"kod": codes, "value": values}, geometry=geoms, crs="EPSG:4326")
    DIR.mkdir(parents=True, exist_ok=True)
    (DIR / "autocorrelation_areas.geojson").write_text(gdf[["kod", "geometry"]].to_json(drop_id=True) + "\n")
    with open(DIR / "autocorrelation_values.csv", "w") as fh:
        fh.write("area_code,indicator,year,group_by,group,value\n")
        for code, value in zip(codes, values):
            fh.write(f"{code},gitter,2024,total,total,{value}\n")
    w = Queen.from_dataframe(gdf, use_index=False, silence_warnings=True)
    y = np.array(values)
    m = Moran(y, w, permutations=0)
    loc = Moran_Local(y, w, permutations=0)
    reference = Moran_Local(y, w, permutations=99999, seed=20261125)
    expected = {
        "libpysal": "4.14.1",
        "esda": "2.9.0",
        "codes": codes,
        "values": values,
        "neighbours": [sorted(int(j) for j in w.neighbors[i]) for i in range(len(codes))],
        "moran": {"I": float(m.I), "EI": float(m.EI), "VI_norm": float(m.VI_norm),
                  "z_norm": float(m.z_norm), "p_norm": float(m.p_norm)},
        "local": [float(v) for v in loc.Is],
        "quadrant": [int(q) for q in loc.q],
        "p_sim_99999": [float(p) for p in reference.p_sim],
    }
    (DIR / "autocorrelation_expected.json").write_text(json.dumps(expected, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
