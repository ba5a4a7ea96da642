#!/usr/bin/env python3
"""Write data/land_gr.geojson: the land of Göteborgsregionen's coast and archipelago, detailed
enough that DeSO and RegSO areas (SCB's polygons reach out over the sea) can be clipped to the
islands they cover when drawn. The embedded municipal boundaries are simplified and cover the
sea between the skerries, so an archipelago DeSO clipped to them drew as a large trapezoid.

Source: GSHHG 2.3.7 full-resolution shorelines (Wessel & Smith, LGPL-3), as Debian's
`gmt-gshhg-full` package ships them, rasterised with GMT's `grdlandmask` (lakes count as land,
so inland areas are untouched) on a grid of about 40 m, polygonised, simplified by 0.0005°
(about 30–55 m) and cut into 0.1° tiles, so that the app only unites the few tiles an area
touches. Islands under 2 ha are dropped. The collection's `bbox` is the whole gridded extent.

Needs: apt-get install gmt gmt-gshhg-full; pip install shapely numpy.
Run: python3 scripts/make_land_outline.py
"""
import json
import subprocess
import tempfile
from pathlib import Path

import numpy as np
from shapely.geometry import box, mapping, MultiPolygon, Polygon
from shapely.ops import unary_union

OUT = Path(__file__).resolve().parent.parent / "data" / "land_gr.geojson"
# The extent of SCB's DeSO polygons of the 13 GR municipalities, with a margin.
WEST, EAST, SOUTH, NORTH = 10.9, 12.8, 57.1, 58.35
DX, DY = 0.00076, 0.0004  # degrees: about 45 m east–west and 44 m north–south at 57.7° N
SIMPLIFY = 0.0005
TILE = 0.1
MIN_AREA = 2e4 / (111_320.0 * 59_500.0)  # 0.5 ha in square degrees at 57.7° N


def land_grid(tmp: Path) -> tuple[np.ndarray, float, float, float, float]:
    grid = tmp / "land.nc"
    subprocess.run(
        ["gmt", "grdlandmask", f"-R{WEST}/{EAST}/{SOUTH}/{NORTH}", f"-I{DX}/{DY}", "-Df",
         "-N0/1/1/1/1", f"-G{grid}"],
        check=True,
        cwd=tmp,  # GMT leaves a gmt.history file where it runs
    )
    info = subprocess.run(["gmt", "grdinfo", "-C", str(grid)], check=True, capture_output=True, text=True, cwd=tmp)
    fields = info.stdout.split()
    x_min, x_max, y_min, y_max = (float(v) for v in fields[1:5])
    x_inc, y_inc = float(fields[7]), float(fields[8])
    nx, ny = int(fields[9]), int(fields[10])
    raw = subprocess.run(["gmt", "grd2xyz", str(grid), "-ZTLc"], check=True, capture_output=True, cwd=tmp).stdout
    values = np.frombuffer(raw, dtype=np.int8).reshape(ny, nx)
    return values, x_min, y_max, x_inc, y_inc


def polygonise(values, x_min, y_max, x_inc, y_inc):
    """Each row's runs of land cells as rectangles around their nodes, united."""
    # Cell edges computed once, so that neighbouring rows share them exactly and unite.
    ny, nx = values.shape
    x_edges = [x_min + (i - 0.5) * x_inc for i in range(nx + 1)]
    y_edges = [y_max - (j - 0.5) * y_inc for j in range(ny + 1)]
    rects = []
    for j in range(ny):
        row = values[j] > 0
        if not row.any():
            continue
        edges = np.flatnonzero(np.diff(np.concatenate(([0], row.astype(np.int8), [0]))))
        for start, end in zip(edges[::2], edges[1::2]):
            rects.append(box(x_edges[start], y_edges[j + 1], x_edges[end], y_edges[j]))
    return unary_union(rects)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        land = polygonise(*land_grid(Path(tmp)))
    land = land.simplify(SIMPLIFY, preserve_topology=True)
    parts = [p for p in getattr(land, "geoms", [land]) if p.area >= MIN_AREA]
    land = unary_union(parts)
    features = []
    x = WEST
    while x < EAST - 1e-9:
        y = SOUTH
        while y < NORTH - 1e-9:
            piece = land.intersection(box(x, y, x + TILE, y + TILE))
            polygons = [g for g in getattr(piece, "geoms", [piece]) if isinstance(g, Polygon) and not g.is_empty]
            if polygons:
                geom = mapping(MultiPolygon(polygons))
                features.append({
                    "type": "Feature",
                    "properties": {"id": f"{x:.1f},{y:.1f}"},
                    "geometry": round_coordinates(geom),
                })
            y += TILE
        x += TILE
    collection = {
        "type": "FeatureCollection",
        "name": "land_gr",
        # The whole gridded extent: land and sea inside it are known, so an area within it is
        # clipped to these tiles alone.
        "bbox": [WEST, SOUTH, EAST, NORTH],
        "source": "GSHHG 2.3.7 full resolution (Wessel & Smith), LGPL-3; scripts/make_land_outline.py",
        "features": features,
    }
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n")
    vertices = sum(len(r) for f in features for p in f["geometry"]["coordinates"] for r in p)
    print(f"wrote {OUT.name}: {len(features)} tiles, {vertices} vertices, {OUT.stat().st_size} bytes")


def round_coordinates(geom):
    """Four decimals (about 6–11 m), enough for a 45 m grid."""
    return {
        "type": geom["type"],
        "coordinates": [[[[round(c, 4) for c in pt] for pt in ring] for ring in poly] for poly in geom["coordinates"]],
    }


if __name__ == "__main__":
    main()
