#!/usr/bin/env python3
"""Write tests/fixtures/deso_sweref99tm.gpkg: a tiny GeoPackage shaped like SCB's DeSO file
(table with desokod, regsokod, kommunkod, regsonamn; polygons in EPSG:3006), written with the
standard library from the GeoPackage 1.3 specification. Invented areas over central Göteborg:
a square with a hole, a two-part multipolygon, a big-endian polygon, and one feature whose
geometry blob is cut short, which the importer must report and skip.

Usage: python3 scripts/make_gpkg_fixture.py
"""
import pathlib
import sqlite3
import struct

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "deso_sweref99tm.gpkg"


def ring(x, y, w):
    return [(x, y), (x + w, y), (x + w, y + w), (x, y + w), (x, y)]


def wkb_polygon(rings, endian="<"):
    order = b"\x01" if endian == "<" else b"\x00"
    out = order + struct.pack(endian + "II", 3, len(rings))
    for r in rings:
        out += struct.pack(endian + "I", len(r))
        for x, y in r:
            out += struct.pack(endian + "dd", x, y)
    return out


def wkb_multipolygon(polys):
    out = b"\x01" + struct.pack("<II", 6, len(polys))
    for p in polys:
        out += wkb_polygon(p)
    return out


def gpkg_blob(wkb, srs=3006):
    # Magic, version 0, flags: little-endian header, no envelope.
    return b"GP" + bytes([0, 0b00000001]) + struct.pack("<i", srs) + wkb


def main():
    OUT.unlink(missing_ok=True)
    db = sqlite3.connect(OUT)
    db.executescript("""
        PRAGMA application_id = 1196444487;
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
          organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,
          definition TEXT NOT NULL, description TEXT);
        INSERT INTO gpkg_spatial_ref_sys VALUES ('SWEREF99 TM', 3006, 'EPSG', 3006, 'undefined', NULL);
        CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
          identifier TEXT, description TEXT DEFAULT '', last_change DATETIME, min_x DOUBLE,
          min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
        INSERT INTO gpkg_contents VALUES ('DeSO_2025', 'features', 'DeSO_2025', '', '2026-11-25T00:00:00Z',
          318000, 6398000, 322000, 6402000, 3006);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
          geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL);
        INSERT INTO gpkg_geometry_columns VALUES ('DeSO_2025', 'geom', 'MULTIPOLYGON', 3006, 0, 0);
        CREATE TABLE "DeSO_2025" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom BLOB, desokod TEXT,
          regsokod TEXT, regsonamn TEXT, kommunkod TEXT, kommunnamn TEXT);
    """)
    hole = [(318500, 6398500), (318500, 6399500), (319500, 6399500), (319500, 6398500), (318500, 6398500)]
    rows = [
        (gpkg_blob(wkb_polygon([ring(318000, 6398000, 2000), hole])), "1480C9101"),
        (gpkg_blob(wkb_multipolygon([[ring(320000, 6398000, 900)], [ring(321000, 6398000, 900)]])), "1480C9102"),
        (gpkg_blob(wkb_polygon([ring(318000, 6400000, 2000)], endian=">")), "1480C9103"),
        (gpkg_blob(wkb_polygon([ring(320000, 6400000, 2000)]))[:-20], "1480C9104"),
    ]
    for blob, code in rows:
        db.execute('INSERT INTO "DeSO_2025" (geom, desokod, regsokod, regsonamn, kommunkod, kommunnamn) '
                   "VALUES (?, ?, '1480R999', 'Testområde', '1480', 'Göteborg')", (blob, code))
    db.commit()
    db.execute("VACUUM")
    db.close()
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
