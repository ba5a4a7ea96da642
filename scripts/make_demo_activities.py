#!/usr/bin/env python3
"""Generate segkarta's embedded DEMO activities (verksamheter): data/demo_activities.csv.

These activities are invented. They are seeded (SEED below) so the file is reproducible, and
every row says `demo=true`; the app marks them as demo data wherever they are shown. They are
not a register of real activities.

About 300 activities over GR's 13 municipalities, roughly in proportion to population but
with more per resident where the demo's socioeconomic position is weaker (as such work tends
to be placed), over the five domains, with organiser types, target groups, start and end years.
Most have a location: a point drawn uniformly inside the municipality's boundary in
data/kommuner.geojson (rejection sampling with a ray-casting point-in-polygon test). About a
quarter give only the area code they serve, and a few give neither (to show how the app lists
those).

Usage: python3 scripts/make_demo_activities.py   (standard library only)
"""
import csv
import json
import pathlib
import random

SEED = 20261126
ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

# Population (as in make_demo_data.py) and demo position (-1 weaker .. +1 stronger).
GR = {
    "1384": (85000, 0.9), "1401": (38000, 0.8), "1402": (40000, 0.45), "1407": (13000, 0.85),
    "1415": (27000, 0.35), "1419": (16000, 0.4), "1440": (32000, -0.05), "1441": (44000, 0.7),
    "1462": (14000, -0.55), "1480": (600000, -0.35), "1481": (71000, 0.3), "1482": (48000, 0.4),
    "1489": (42000, 0.05),
}
TOTAL = 300

# Per domain: activity names and the organiser types that typically run them.
KINDS = {
    "bostad": (["Boendedialog", "Hyresgästträff", "Mötesplats i bostadsområdet",
                "Medborgarkontor", "Energirådgivning för hushåll"],
               ["Kommun", "Näringsliv", "Civilsamhälle"]),
    "skola": (["Läxhjälp", "Sommarskola", "Mentorsprogram", "Läsfrämjande på biblioteket",
               "Föräldrastöd i skolan"],
              ["Kommun", "Civilsamhälle", "Civilsamhälle"]),
    "arbete": (["Jobbspår", "Språkpraktik", "Sommarjobb för unga", "Arbetsmarknadscoach",
                "Etableringsstöd"],
               ["Kommun", "Stat", "Näringsliv", "Civilsamhälle"]),
    "brott": (["Trygghetsvandring", "Nattvandring", "Fältassistenter", "Grannsamverkan",
               "Samverkan skola–polis"],
              ["Kommun", "Stat", "Civilsamhälle"]),
    "demokrati": (["Språkcafé", "Föreningsstöd", "Ungdomsråd", "Demokratiambassadörer",
                   "Öppen mötesplats"],
                  ["Civilsamhälle", "Kommun", "Region"]),
}
ORGANISERS = {
    "Kommun": ["{kommun} kommun", "Socialförvaltningen i {kommun}", "Fritidsförvaltningen i {kommun}"],
    "Region": ["Västra Götalandsregionen", "Närhälsan"],
    "Stat": ["Arbetsförmedlingen", "Polisen", "Försäkringskassan"],
    "Civilsamhälle": ["Röda Korset", "Rädda Barnen", "Studieförbundet Vuxenskolan",
                      "Idrottsföreningen {kommun} IF", "Fryshuset", "Equmeniakyrkan"],
    "Näringsliv": ["Bostadsbolaget i {kommun}", "Företagarna {kommun}"],
}
TARGET_GROUPS = ["Barn 6–12", "Unga 13–18", "Unga vuxna 19–29", "Nyanlända", "Föräldrar",
                 "Äldre 65+", "Arbetssökande", "Alla boende"]


def load_municipalities():
    fc = json.loads((DATA / "kommuner.geojson").read_text(encoding="utf-8"))
    out = {}
    for f in fc["features"]:
        code = f["properties"]["kommunkod"]
        if code in GR:
            g = f["geometry"]
            polys = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
            out[code] = (f["properties"]["kommunnamn"], polys)
    return out


def inside_ring(x, y, ring):
    hit = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][:2]
        xj, yj = ring[j][:2]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            hit = not hit
        j = i
    return hit


def inside(x, y, polys):
    return any(inside_ring(x, y, p[0]) and not any(inside_ring(x, y, h) for h in p[1:]) for p in polys)


def random_point(rng, polys):
    xs = [c[0] for p in polys for c in p[0]]
    ys = [c[1] for p in polys for c in p[0]]
    for _ in range(10000):
        x, y = rng.uniform(min(xs), max(xs)), rng.uniform(min(ys), max(ys))
        if inside(x, y, polys):
            return round(x, 5), round(y, 5)
    raise RuntimeError("no point found inside the municipality")


def main():
    rng = random.Random(SEED)
    municipalities = load_municipalities()
    weight = {c: pop ** 0.8 * (1.4 - 0.5 * pos) for c, (pop, pos) in GR.items()}
    total_w = sum(weight.values())
    rows = []
    for code in sorted(GR):
        name, polys = municipalities[code]
        count = max(6, round(TOTAL * weight[code] / total_w))
        for k in range(count):
            domain = rng.choice(list(KINDS))
            names, organiser_types = KINDS[domain]
            domains = [domain]
            if rng.random() < 0.3:
                domains.append(rng.choice([d for d in KINDS if d != domain]))
            otype = rng.choice(organiser_types)
            organiser = rng.choice(ORGANISERS[otype]).format(kommun=name)
            groups = rng.sample(TARGET_GROUPS, rng.choice([1, 1, 2]))
            start = rng.randint(2012, 2024)
            end = "" if rng.random() < 0.6 else min(2026, start + rng.randint(0, 5))
            lon = lat = ""
            areas = ""
            r = rng.random()
            if r < 0.70:
                lon, lat = random_point(rng, polys)
            elif r < 0.97:
                areas = code
            # else: neither a place nor areas, as real lists sometimes are.
            rows.append({
                "namn": f"{rng.choice(names)} {name}" + (f" {k // 5 + 1}" if k >= 5 else ""),
                "arrangör": organiser,
                "arrangörstyp": otype,
                "domäner": ";".join(domains),
                "målgrupper": ";".join(groups),
                "start": start,
                "slut": end,
                "lon": lon,
                "lat": lat,
                "områden": areas,
                "kontakt": "",
                "webbplats": "",
                "demo": "true",
            })
    with open(DATA / "demo_activities.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    size = (DATA / "demo_activities.csv").stat().st_size
    print(f"wrote {len(rows)} demo activities ({size} bytes)")


if __name__ == "__main__":
    main()
