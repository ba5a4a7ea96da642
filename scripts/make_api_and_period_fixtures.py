#!/usr/bin/env python3
"""Write the fixtures of issue 9 that are not boundaries, shaped as SCB's APIs and exports
deliver them, with invented, seeded values (not statistics):

- tests/fixtures/pxweb_v1_folkmangd.json   PxWeb API v1 answer to "format": "json":
  columns (d/t/c), data rows of key + values as strings, ".." for a missing value, metadata;
  Region × Kon (1, 2, 1+2) × Tid for four GR municipalities, 2023–2024.
- tests/fixtures/not_a_known_format.json    a JSON object of none of the formats segkarta reads.
- tests/fixtures/arbetsloshet_manad.csv     a tidy table by month (2018-01 …), as monthly
  unemployment comes.
- tests/fixtures/arbetsloshet_kvartal.csv   a PxWeb-style CSV export with quarters as columns
  (2024K1 …), title line and ";" separators.

Usage: python3 scripts/make_api_and_period_fixtures.py
"""
import json
import pathlib
import random

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures"
SEED = 20261125
MUNICIPALITIES = [("1480", "Göteborg"), ("1481", "Mölndal"), ("1401", "Härryda"), ("1402", "Partille")]


def pxweb_v1(rng):
    data = []
    for code, _ in MUNICIPALITIES:
        for year in ("2023", "2024"):
            men, women = rng.randint(20000, 300000), rng.randint(20000, 300000)
            for sex, value in (("1", men), ("2", women), ("1+2", men + women)):
                shown = ".." if (code, year, sex) == ("1402", "2023", "2") else str(value)
                data.append({"key": [code, sex, year], "values": [shown]})
    return {
        "columns": [
            {"code": "Region", "text": "region", "type": "d"},
            {"code": "Kon", "text": "kön", "type": "d"},
            {"code": "Tid", "text": "år", "type": "t"},
            {"code": "BE0101N1", "text": "Folkmängd", "type": "c"},
        ],
        "comments": [],
        "data": data,
        "metadata": [
            {
                "infofile": "BE0101",
                "updated": "2025-02-21T08:00:00",
                "label": "Folkmängd efter region, kön och år (invented test values)",
                "source": "segkarta test fixture, shaped as SCB's PxWeb API v1",
            }
        ],
    }


def main():
    rng = random.Random(SEED)
    (OUT / "pxweb_v1_folkmangd.json").write_text(json.dumps(pxweb_v1(rng), ensure_ascii=False, indent=1) + "\n")
    (OUT / "not_a_known_format.json").write_text(
        json.dumps({"results": [{"area": "1480", "value": 1.5}], "page": 1, "next": None}, indent=1) + "\n"
    )
    rows = ["area_code,indicator,year,group_by,group,value"]
    for code, _ in MUNICIPALITIES:
        for month in range(1, 13):
            rows.append(f"{code},arbetsloshet,2018-{month:02d},total,total,{rng.uniform(3, 9):.1f}")
    (OUT / "arbetsloshet_manad.csv").write_text("\n".join(rows) + "\n")
    lines = ['"Arbetslöshet efter region och kvartal (invented test values)"', "", '"region";"2024K1";"2024K2";"2024K3";"2024K4"']
    for code, name in MUNICIPALITIES:
        cells = ";".join(f"{rng.uniform(3, 9):.1f}".replace(".", ",") for _ in range(4))
        lines.append(f'"{code} {name}";{cells}')
    (OUT / "arbetsloshet_kvartal.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("wrote pxweb_v1_folkmangd.json, not_a_known_format.json, arbetsloshet_manad.csv, arbetsloshet_kvartal.csv")


if __name__ == "__main__":
    main()
