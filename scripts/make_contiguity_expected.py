#!/usr/bin/env python3
"""Write tests/fixtures/analysis/deso2025_contiguity_expected.json: what libpysal 4.14 and
esda 2.9 compute on the real DeSO 2025 polygons of GR in ../shared/data/deso2025_gr.geojson
(read from there, never copied): queen and rook contiguity built as libpysal and GeoDa build
them (`Queen.from_dataframe`, `Rook.from_dataframe`: shared vertices, shared edges), per area
its number of neighbours, the totals, and Moran's I (row-standardised, under normality) of a
made-up variable `v = (numeric part of desokod) mod 97` — a figure from the shared file,
committed with the script that makes it, as DEVELOPERS.md allows.

One documented deviation: libpysal's rook takes every pair of consecutive boundary points as
an edge, also a zero-length one where a vertex repeats (the shared file has such repeats
after coordinate rounding), so two areas that meet in one such point count as rook
neighbours. segkarta does not count a point as an edge. The pairs libpysal links only
through zero-length edges are listed under `rook.zero_length_edge_pairs`; the test expects
segkarta's rook to be libpysal's without them.

Needs libpysal, esda, geopandas (pip install esda libpysal geopandas).
Usage: python3 scripts/make_contiguity_expected.py
"""
import json
import pathlib
import warnings

import geopandas as gpd
import numpy as np
from esda.moran import Moran
from libpysal.weights import Queen, Rook

warnings.filterwarnings("ignore")
ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "data" / "deso2025_gr.geojson"
OUT = ROOT / "tests" / "fixtures" / "analysis" / "deso2025_contiguity_expected.json"


def summary(w, codes, v):
    neighbours = {codes[i]: int(w.cardinalities[i]) for i in range(len(codes))}
    w.transform = "r"
    moran = Moran(v, w, permutations=0)
    return {
        "links": int(w.nonzero),
        "islands": len(w.islands),
        "mean_neighbours": float(w.mean_neighbors),
        "neighbours": neighbours,
        "moran_i": float(moran.I),
        "moran_z_norm": float(moran.z_norm),
    }


def zero_length_edge_pairs(gdf, codes):
    """Pairs of areas whose only shared rook 'edge' in libpysal is a repeated point."""
    from libpysal.weights._contW_lists import _get_boundary_points

    edges = []
    for g in gdf.geometry:
        v = _get_boundary_points(g)
        edges.append({tuple(sorted([v[i], v[i + 1]])) for i in range(len(v) - 1)})
    pairs = []
    w = Rook.from_dataframe(gdf, use_index=False)
    for i in range(len(codes)):
        for j in w.neighbors[i]:
            if i < j and all(a == b for a, b in edges[i] & edges[j]):
                pairs.append([codes[i], codes[j]])
    return pairs


def main():
    gdf = gpd.read_file(SOURCE)
    codes = list(gdf["desokod"])
    v = np.array([int(c[5:]) % 97 for c in codes], dtype=float)
    expected = {
        "source": "../shared/data/deso2025_gr.geojson",
        "variable": "v = int(desokod[5:]) % 97",
        "queen": summary(Queen.from_dataframe(gdf, use_index=False), codes, v),
        "rook": summary(Rook.from_dataframe(gdf, use_index=False), codes, v),
    }
    pairs = zero_length_edge_pairs(gdf, codes)
    expected["rook"]["zero_length_edge_pairs"] = pairs
    # The rook weights without those links, and their Moran's I: what segkarta must give.
    from libpysal.weights import W

    rook = Rook.from_dataframe(gdf, use_index=False)
    index = {c: i for i, c in enumerate(codes)}
    drop = {(index[a], index[b]) for a, b in pairs} | {(index[b], index[a]) for a, b in pairs}
    neighbors = {i: [j for j in rook.neighbors[i] if (i, j) not in drop] for i in range(len(codes))}
    corrected = W(neighbors, silence_warnings=True)
    corrected.transform = "r"
    expected["rook"]["moran_i_without_zero_length_edges"] = float(Moran(v, corrected, permutations=0).I)
    OUT.write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n")
    q, r = expected["queen"], expected["rook"]
    print(f"queen: {q['links']} links, {q['islands']} islands, I = {q['moran_i']:.6f}")
    print(f"rook:  {r['links']} links, {r['islands']} islands, I = {r['moran_i']:.6f}")


if __name__ == "__main__":
    main()
