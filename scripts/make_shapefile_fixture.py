#!/usr/bin/env python3
"""Write tests/fixtures/shapefile/deso_sweref99tm.{shp,shx,dbf,prj,cpg}: a tiny ESRI Shapefile
shaped like SCB's DeSO file (attributes DESOKOD, REGSOKOD, KOMMUNKOD, REGSONAMN in capitals,
polygons in SWEREF 99 TM, attribute text in Windows-1252 as ArcGIS writes it, declared in the
.cpg). Invented areas over central Göteborg: a square with a hole, a two-part polygon, and one
feature with a null shape, which the importer must report and skip.

Needs pyshp (pip install pyshp; written with 3.1.6). Usage: python3 scripts/make_shapefile_fixture.py
"""
import pathlib

import shapefile  # pyshp

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "shapefile" / "deso_sweref99tm"

# ESRI's WKT for SWEREF 99 TM, as ArcGIS and QGIS write it into .prj files.
PRJ = (
    'PROJCS["SWEREF99_TM",GEOGCS["GCS_SWEREF99",DATUM["D_SWEREF99",SPHEROID["GRS_1980",6378137.0,'
    '298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],'
    'PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],'
    'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",15.0],'
    'PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]'
)


def square(x, y, w, clockwise=True):
    r = [(x, y), (x, y + w), (x + w, y + w), (x + w, y), (x, y)]
    return r if clockwise else list(reversed(r))


def main():
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with shapefile.Writer(str(OUT), shapeType=shapefile.POLYGON, encoding="cp1252") as w:
        w.field("DESOKOD", "C", size=10)
        w.field("REGSOKOD", "C", size=10)
        w.field("KOMMUNKOD", "C", size=4)
        w.field("REGSONAMN", "C", size=40)
        # Outer rings clockwise, holes counter-clockwise, as the format requires.
        w.poly([square(318000, 6398000, 1000), square(318300, 6398300, 300, clockwise=False)])
        w.record("1480C9101", "1480R901", "1480", "Gårda")
        w.poly([square(319500, 6398000, 400), square(320100, 6398000, 400)])
        w.record("1480C9102", "1480R901", "1480", "Gårda")
        w.null()
        w.record("1480C9103", "1480R902", "1480", "Örgryte")
    OUT.with_suffix(".prj").write_text(PRJ)
    OUT.with_suffix(".cpg").write_text("1252")


if __name__ == "__main__":
    main()
