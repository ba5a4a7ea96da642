#!/usr/bin/env python3
"""Write tests/fixtures/division/: a made-up city division in three nested levels, shaped the
way municipalities publish their own statistical areas (their own codes in attributes segkarta
does not know, plus kommun_kod and the parent levels' codes), and a population table for it.

- stadsomraden.geojson   2 districts     stadsomrade_kod (1, 2), stadsomrade_namn, kommun_kod
- primaromraden.geojson  4 primary areas primaromrade_kod (11 … 22), primaromrade_namn,
                                          stadsomrade_kod, kommun_kod
- basomraden.geojson     16 base areas   omrade_kod (1101 … 2204), omrade_namn,
                                          primaromrade_kod, stadsomrade_kod, kommun_kod, id
- basomraden_befolkning.csv  tidy counts of folkmangd per base area, total and by
                             födelseregion, 2023 and 2024 (seeded random numbers)

The areas are squares on a 4 × 4 grid over central Göteborg (kommun_kod 1480): invented for
tests, not Göteborg's real division, and the numbers are not statistics. Every base area sits
in exactly one primary area and district, so sums per level can be checked exactly.

Usage: python3 scripts/make_city_division_fixture.py
"""
import json
import pathlib
import random

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "division"
SEED = 9001
KOMMUN = "1480"
# South-west corner and cell size in degrees (about 600 m × 550 m cells).
X0, Y0, DX, DY = 11.93, 57.68, 0.01, 0.005
GROUPS = ["sverige", "norden", "eu", "ovriga"]


def square(col, row, w=1, h=1):
    x, y = X0 + col * DX, Y0 + row * DY
    ring = [[x, y], [x + w * DX, y], [x + w * DX, y + h * DY], [x, y + h * DY], [x, y]]
    return {"type": "Polygon", "coordinates": [[[round(a, 6), round(b, 6)] for a, b in ring]]}


def collection(name, features):
    return {
        "type": "FeatureCollection",
        "name": name,
        "metadata": {"source": "scripts/make_city_division_fixture.py", "made_up": True},
        "features": features,
    }


def feature(props, geometry):
    return {"type": "Feature", "properties": props, "geometry": geometry}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    districts, primaries, bases = [], [], []
    rows = ["area_code,indicator,year,group_by,group,value,unit"]
    for d in range(2):
        d_code = str(d + 1)
        districts.append(
            feature(
                {"stadsomrade_kod": d_code, "stadsomrade_namn": f"Stadsområde {d_code}", "kommun_kod": KOMMUN},
                square(2 * d, 0, 2, 4),
            )
        )
        for p in range(2):
            p_code = f"{d_code}{p + 1}"
            primaries.append(
                feature(
                    {
                        "primaromrade_kod": p_code,
                        "primaromrade_namn": f"Primärområde {p_code}",
                        "stadsomrade_kod": d_code,
                        "kommun_kod": KOMMUN,
                    },
                    square(2 * d + p, 0, 1, 4),
                )
            )
            for b in range(4):
                code = f"{p_code}0{b + 1}"
                bases.append(
                    feature(
                        {
                            "id": len(bases) + 1,
                            "omrade_kod": code,
                            "omrade_namn": f"Basområde {code}",
                            "primaromrade_kod": p_code,
                            "stadsomrade_kod": d_code,
                            "kommun_kod": KOMMUN,
                        },
                        square(2 * d + p, b),
                    )
                )
                for year in (2023, 2024):
                    counts = [rng.randint(20, 900) for _ in GROUPS]
                    rows.append(f"{code},folkmangd,{year},total,total,{sum(counts)},personer")
                    for g, n in zip(GROUPS, counts):
                        rows.append(f"{code},folkmangd,{year},fodelseregion,{g},{n},personer")
    for name, feats in [("stadsomraden", districts), ("primaromraden", primaries), ("basomraden", bases)]:
        (OUT / f"{name}.geojson").write_text(json.dumps(collection(name, feats), ensure_ascii=False, indent=1) + "\n")
    (OUT / "basomraden_befolkning.csv").write_text("\n".join(rows) + "\n")
    print(f"wrote {len(districts)} + {len(primaries)} + {len(bases)} areas and {len(rows) - 1} rows to {OUT}")


if __name__ == "__main__":
    main()
