#!/usr/bin/env python3
"""Generate segkarta's embedded DEMO indicators: data/catalogue.json and data/demo_observations.csv.

These numbers are invented. They are seeded (SEED below) so the files are reproducible, shaped
to be plausible (real ranges, realistic differences between groups and municipalities, gentle
trends) so that the panels can be judged, and every indicator is marked `demo: true` in the
catalogue and `source = "Demodata ..."` in every row. They are not statistics.

Municipal boundaries come from scripts/make_boundaries.py; this script reads the list of
municipality codes from data/kommuner.geojson.

Usage: python3 scripts/make_demo_data.py   (standard library only)
"""
import csv
import json
import math
import pathlib
import random

SEED = 20261125
ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
YEARS = list(range(2011, 2025))
ELECTION_YEARS = [2014, 2018, 2022]
SOURCE = "Demodata (segkarta scripts/make_demo_data.py, seed %d)" % SEED
LICENCE = "CC0 (demodata)"

GR = ["1384", "1401", "1402", "1407", "1415", "1419", "1440", "1441", "1462", "1480",
      "1481", "1482", "1489"]
# A rough socioeconomic position per GR municipality, -1 (weaker) .. +1 (stronger), chosen so
# the demo maps have a familiar shape. It drives invented numbers only.
GR_POSITION = {
    "1384": 0.9, "1401": 0.8, "1402": 0.45, "1407": 0.85, "1415": 0.35, "1419": 0.4,
    "1440": -0.05, "1441": 0.7, "1462": -0.55, "1480": -0.35, "1481": 0.3, "1482": 0.4,
    "1489": 0.05,
}
# Share of foreign-born residents drives group composition, invented as well.
GR_FOREIGN_BORN = {"1480": 0.28, "1402": 0.22, "1481": 0.20, "1440": 0.15, "1462": 0.13}

DIMENSIONS = [
    {"id": "kon", "sv": "Kön", "en": "Sex",
     "groups": [["kvinnor", "Kvinnor", "Women"], ["man", "Män", "Men"]]},
    {"id": "fodelseregion", "sv": "Födelseregion", "en": "Region of birth",
     "groups": [["sverige", "Född i Sverige", "Born in Sweden"],
                ["norden", "Född i Norden utom Sverige", "Born in the Nordics outside Sweden"],
                ["eu", "Född i EU utom Norden", "Born in the EU outside the Nordics"],
                ["ovriga", "Född i övriga världen", "Born in the rest of the world"]]},
    {"id": "utbildning", "sv": "Utbildningsnivå", "en": "Level of education",
     "groups": [["forgymnasial", "Förgymnasial", "Primary and lower secondary"],
                ["gymnasial", "Gymnasial", "Upper secondary"],
                ["eftergymnasial", "Eftergymnasial", "Post-secondary"]]},
    {"id": "inkomst", "sv": "Inkomstgrupp", "en": "Income group",
     "groups": [["q1", "Kvintil 1 (lägst)", "Quintile 1 (lowest)"], ["q2", "Kvintil 2", "Quintile 2"],
                ["q3", "Kvintil 3", "Quintile 3"], ["q4", "Kvintil 4", "Quintile 4"],
                ["q5", "Kvintil 5 (högst)", "Quintile 5 (highest)"]]},
    {"id": "yrke", "sv": "Yrkesgrupp (SSYK 2012)", "en": "Occupation (SSYK 2012)",
     "groups": [["ssyk1", "Chefsyrken", "Managers"],
                ["ssyk2", "Yrken med krav på fördjupad högskolekompetens",
                 "Occupations requiring advanced higher education"],
                ["ssyk3", "Yrken med krav på högskolekompetens",
                 "Occupations requiring higher education"],
                ["ssyk4", "Administration och kundtjänst", "Administration and customer service"],
                ["ssyk5", "Service, omsorg och försäljning", "Service, care and sales"],
                ["ssyk7", "Bygg och tillverkning", "Building and manufacturing"],
                ["ssyk8", "Maskinell tillverkning och transport",
                 "Mechanical manufacturing and transport"],
                ["ssyk9", "Kortare utbildning", "Elementary occupations"]]},
    {"id": "alder", "sv": "Ålder", "en": "Age",
     "groups": [["16-29", "16–29 år", "16–29 years"], ["30-49", "30–49 år", "30–49 years"],
                ["50-64", "50–64 år", "50–64 years"], ["65-84", "65–84 år", "65–84 years"]]},
]

# Group effects, in units of the indicator, relative to the total, signed in the direction of
# "higher value". Sizes follow the well-known patterns (e.g. employment gap for people born
# outside Europe); the numbers themselves are invented.
EFFECT = {
    "kon": {"kvinnor": -0.5, "man": 0.5},
    "fodelseregion": {"sverige": 0.35, "norden": 0.0, "eu": -0.35, "ovriga": -1.6},
    "utbildning": {"forgymnasial": -1.3, "gymnasial": 0.0, "eftergymnasial": 0.8},
    "inkomst": {"q1": -1.5, "q2": -0.6, "q3": 0.0, "q4": 0.6, "q5": 1.4},
    "yrke": {"ssyk1": 1.6, "ssyk2": 1.1, "ssyk3": 0.7, "ssyk4": 0.0, "ssyk5": -0.7,
             "ssyk7": 0.1, "ssyk8": -0.2, "ssyk9": -1.2},
    "alder": {"16-29": -0.6, "30-49": 0.1, "50-64": 0.3, "65-84": 0.4},
}

# id, domain, sv, en, unit sv, unit en, polarity, age band, base, spread by position, yearly
# Indicators that count events over a period (flows): their annual view sums sub-annual values.
FLOWS = ("anmalda_brott", "valdsbrott")
# trend, group scale (per unit effect), dims, min, max, decimals, aggregation, national,
# survey, description sv, description en, kon sign (+1: women higher)
INDICATORS = [
    # Bostad och samhällsservice
    ("trangboddhet", "bostad", "Trångbodda (norm 2)", "Overcrowded (norm 2)", "procent",
     "percent", "higher_is_worse", "alla åldrar", 14.0, -6.0, 0.1, 5.0,
     ["fodelseregion", "inkomst"], 0, 100, 1, "weighted", True, False,
     "Andel boende i trångbodda hushåll enligt norm 2.",
     "Share of residents in overcrowded households (norm 2).", 0),
    ("hyresratt", "bostad", "Bor i hyresrätt", "Living in rental housing", "procent", "percent",
     "neutral", "alla åldrar", 30.0, -12.0, -0.15, 9.0, ["fodelseregion", "inkomst", "alder"],
     0, 100, 1, "weighted", True, False,
     "Andel av befolkningen som bor i hyresrätt.",
     "Share of the population living in rental housing.", 0),
    ("avstand_vardcentral", "bostad", "Avstånd till vårdcentral", "Distance to health centre",
     "km", "km", "higher_is_worse", "alla åldrar", 3.2, -0.8, -0.01, 0.6,
     ["inkomst"], 0, 100, 1, "weighted", False, False,
     "Befolkningsviktat medelavstånd till närmaste vårdcentral.",
     "Population-weighted mean distance to the nearest health centre.", 0),
    # Skola
    ("behorighet_gy", "skola", "Behöriga till gymnasiets yrkesprogram",
     "Eligible for upper-secondary vocational programmes", "procent", "percent",
     "higher_is_better", "åk 9", 85.0, 6.0, 0.05, 5.0, ["kon", "fodelseregion", "utbildning"],
     0, 100, 1, "weighted", True, False,
     "Andel elever i åk 9 som är behöriga till gymnasiets yrkesprogram. Utbildningsnivå avser föräldrarnas.",
     "Share of year-9 pupils eligible for vocational programmes. Education level is the parents'.",
     1),
    ("meritvarde", "skola", "Genomsnittligt meritvärde åk 9", "Average merit rating, year 9",
     "poäng", "points", "higher_is_better", "åk 9", 228.0, 18.0, 0.4, 14.0,
     ["kon", "fodelseregion", "utbildning"], 0, 340, 0, "weighted", False, False,
     "Genomsnittligt meritvärde (17 ämnen, 0–340 poäng). Utbildningsnivå avser föräldrarnas.",
     "Average merit rating (17 subjects, 0–340 points). Education level is the parents'.", 1),
    ("gy_examen_4ar", "skola", "Gymnasieexamen inom 4 år",
     "Upper-secondary diploma within 4 years", "procent", "percent", "higher_is_better",
     "16–20 år", 72.0, 7.0, 0.15, 6.0, ["kon", "fodelseregion", "utbildning"], 0, 100, 1,
     "weighted", False, False,
     "Andel gymnasieelever med examen inom fyra år.",
     "Share of upper-secondary pupils graduating within four years.", 1),
    # Etablering på arbetsmarknaden
    ("forvarvsarbetande", "arbete", "Förvärvsarbetande 20–64 år",
     "Gainfully employed, 20–64", "procent", "percent", "higher_is_better", "20–64 år",
     80.0, 5.5, 0.2, 6.5, ["kon", "fodelseregion", "utbildning"], 0, 100, 1, "weighted",
     True, False,
     "Andel förvärvsarbetande av befolkningen 20–64 år (november).",
     "Share of the population aged 20–64 in gainful employment (November).", -1),
    ("arbetsloshet", "arbete", "Arbetslösa 16–64 år", "Unemployed, 16–64", "procent",
     "percent", "higher_is_worse", "16–64 år", 6.5, -2.6, -0.08, 2.6,
     ["kon", "fodelseregion", "alder"], 0, 100, 1, "weighted", True, False,
     "Öppet arbetslösa och sökande i program med aktivitetsstöd, andel av befolkningen.",
     "Openly unemployed and in programmes with activity support, share of the population.", -1),
    ("neet", "arbete", "Unga som varken arbetar eller studerar",
     "Young people not in employment, education or training", "procent", "percent",
     "higher_is_worse", "20–24 år", 7.5, -2.4, -0.05, 2.8, ["kon", "fodelseregion"], 0, 100, 1,
     "weighted", False, False,
     "Andel 20–24-åringar som varken arbetar, studerar eller har känd aktivitet.",
     "Share of 20–24 year-olds neither working, studying nor in a known activity.", -1),
    # Brottslighet
    ("anmalda_brott", "brott", "Anmälda brott", "Reported crimes", "per 100 000 inv.",
     "per 100,000 inhabitants", "higher_is_worse", "alla åldrar", 10500.0, -2600.0, -60.0,
     0.0, [], 0, 100000, 0, "weighted", True, False,
     "Anmälda brott per 100 000 invånare, alla brottstyper.",
     "Reported crimes per 100,000 inhabitants, all offence types.", 0),
    ("valdsbrott", "brott", "Anmälda våldsbrott", "Reported violent crimes", "per 100 000 inv.",
     "per 100,000 inhabitants", "higher_is_worse", "alla åldrar", 1000.0, -300.0, -4.0, 0.0,
     [], 0, 100000, 0, "weighted", False, False,
     "Anmälda våldsbrott (misshandel, rån, hot) per 100 000 invånare.",
     "Reported violent crimes (assault, robbery, threats) per 100,000 inhabitants.", 0),
    ("otrygghet", "brott", "Otrygga utomhus kvällstid", "Feel unsafe outdoors at night",
     "procent", "percent", "higher_is_worse", "16–84 år", 22.0, -7.0, 0.1, 6.0,
     ["kon", "alder", "fodelseregion"], 0, 100, 1, "weighted", False, True,
     "Andel som känner sig otrygga eller mycket otrygga ute ensam sent en kväll i sitt område (enkät).",
     "Share who feel unsafe or very unsafe out alone late at night in their area (survey).", 1),
    # Demokrati och civilsamhälle
    ("valdeltagande", "demokrati", "Valdeltagande i kommunval", "Turnout, municipal elections",
     "procent", "percent", "higher_is_better", "18+ år", 82.0, 5.0, 0.1, 7.0,
     ["kon", "fodelseregion", "utbildning", "alder"], 0, 100, 1, "weighted", True, False,
     "Andel röstberättigade som röstade i valet till kommunfullmäktige (valår).",
     "Share of eligible voters who voted in the municipal council election (election years).",
     1),
    ("tillit", "demokrati", "Har tillit till andra", "Trust other people", "procent",
     "percent", "higher_is_better", "16–84 år", 64.0, 7.0, -0.2, 6.0,
     ["kon", "fodelseregion", "utbildning"], 0, 100, 1, "weighted", False, True,
     "Andel som anser att man i allmänhet kan lita på de flesta människor (enkät).",
     "Share who think most people can generally be trusted (survey).", 0),
    ("foreningsaktiva", "demokrati", "Aktiva i förening", "Active in an association",
     "procent", "percent", "higher_is_better", "16–84 år", 38.0, 6.0, -0.25, 6.0,
     ["kon", "fodelseregion", "alder"], 0, 100, 1, "weighted", False, True,
     "Andel som deltagit i en förenings verksamhet det senaste året (enkät).",
     "Share who took part in an association's activities in the past year (survey).", 0),
    # Bakgrund
    ("medianinkomst", "bakgrund", "Medianinkomst 20–64 år", "Median income, 20–64",
     "tkr", "SEK thousand", "higher_is_better", "20–64 år", 330.0, 50.0, 8.0, 45.0,
     ["kon", "fodelseregion", "utbildning", "yrke"], 0, 100000, 0, "none", True, False,
     "Median av sammanräknad förvärvsinkomst, tusental kronor, löpande priser.",
     "Median total earned income, SEK thousand, current prices.", -1),
    ("lag_ekstandard", "bakgrund", "Låg ekonomisk standard", "Low economic standard",
     "procent", "percent", "higher_is_worse", "alla åldrar", 13.0, -5.0, 0.08, 5.0,
     ["fodelseregion", "alder", "utbildning"], 0, 100, 1, "weighted", True, False,
     "Andel personer i hushåll med disponibel inkomst under 60 % av medianen.",
     "Share of people in households with disposable income below 60 % of the median.", 0),
    ("eftergymnasial", "bakgrund", "Eftergymnasial utbildning 25–64 år",
     "Post-secondary education, 25–64", "procent", "percent", "higher_is_better", "25–64 år",
     42.0, 12.0, 0.6, 6.0, ["kon", "fodelseregion"], 0, 100, 1, "weighted", True, False,
     "Andel 25–64-åringar med eftergymnasial utbildning.",
     "Share of 25–64 year-olds with post-secondary education.", 1),
]

# Survey indicators added later, drawn from a generator of their own so the rows above stay as
# they were.
EXTRA_SURVEYS = [
    ("trygg_skola", "skola", "Trygga i skolan", "Feel safe at school", "procent", "percent",
     "higher_is_better", "åk 9", 83.0, 5.0, -0.15, 5.0, ["kon", "fodelseregion"], 0, 100, 1,
     "weighted", False, True,
     "Andel elever i åk 9 som instämmer helt eller delvis i att de känner sig trygga i skolan (enkät).",
     "Share of year-9 pupils who agree fully or partly that they feel safe at school (survey).", 0),
]
# Survey rules: margins at this confidence level; values from fewer respondents are held back.
CONFIDENCE = 95
SUPPRESS_BELOW = 30

DOMAINS = [
    ("bostad", "Bostad och samhällsservice", "Housing and public services"),
    ("skola", "Skola", "School"),
    ("arbete", "Etablering på arbetsmarknaden", "Labour-market establishment"),
    ("brott", "Brottslighet", "Crime"),
    ("demokrati", "Demokrati och civilsamhälle", "Democracy and civil society"),
    ("bakgrund", "Bakgrund", "Background"),
]


def load_municipalities():
    fc = json.loads((DATA / "kommuner.geojson").read_text(encoding="utf-8"))
    return [(f["properties"]["kommunkod"], f["properties"]["kommunnamn"]) for f in fc["features"]]


def population(code, rng_pop):
    # Invented but of the right size: Göteborg ~600k, the rest 10k–100k.
    fixed = {"1480": 600000, "1384": 85000, "1481": 71000, "1489": 42000, "1482": 48000,
             "1441": 44000, "1402": 40000, "1401": 38000, "1440": 32000, "1415": 27000,
             "1419": 16000, "1407": 13000, "1462": 14000}
    return fixed.get(code) or int(math.exp(rng_pop.gauss(10.0, 0.8)))


def clamp(v, lo, hi):
    return max(lo, min(hi, v))


def add_indicator(spec, rng, municipalities, position, pop, catalogue, rows):
    """Invent one indicator's values per municipality, year and group; survey values get a
    margin of error from their respondents."""
    (ind, domain, sv, en, unit_sv, unit_en, polarity, age, base, spread, trend, gscale,
     dims, vmin, vmax, decimals, agg, national, survey, desc_sv, desc_en, sex_sign) = spec
    years = ELECTION_YEARS if ind == "valdeltagande" else YEARS
    if survey:
        years = [y for y in YEARS if y % 2 == 0]  # surveys every other year
    catalogue["indicators"].append({
        "id": ind, "sv": sv, "en": en, "domain": domain, "unit_sv": unit_sv,
        "unit_en": unit_en, "polarity": polarity, "age_band": age, "source": SOURCE,
        "licence": LICENCE, "description_sv": desc_sv, "description_en": desc_en,
        "demo": True, "dimensions": dims, "decimals": decimals, "min": vmin, "max": vmax,
        "aggregation": agg, "survey": survey,
        **({"confidence": CONFIDENCE, "suppress_below": SUPPRESS_BELOW} if survey else {}),
        # Crimes per 100 000 residents are a flow: a year's rate is the sum of its months'.
        **({"over_time": "sum"} if ind in FLOWS else {}),
    })
    areas = [c for c, _ in municipalities if national or c in GR]
    area_noise = {c: rng.gauss(0, abs(spread) * 0.25 + base * 0.01) for c in areas}
    dim_offsets = {c: {d: rng.gauss(0, 0.15) for d in dims} for c in areas}
    for code in areas:
        for year in years:
            t = year - YEARS[0]
            total = base + spread * position[code] + trend * t + area_noise[code]
            total += rng.gauss(0, abs(trend) * 0.8 + base * 0.004)
            if ind == "medianinkomst":
                total = base * (1.028 ** t) + spread * position[code] + area_noise[code]
            total = clamp(total, vmin, vmax)
            n = None
            moe = None
            if survey:
                n = int(clamp(pop[code] * 0.012, 120, 4000) * rng.uniform(0.8, 1.2))
                p = total / 100
                moe = 196 * math.sqrt(p * (1 - p) / n)
            rows.append((code, ind, year, "total", "total", round(total, decimals + 1),
                         moe and round(moe, 2), n))
            # Groups only for GR: the rest of Sweden is context for the national comparison.
            for dim in (dims if code in GR else []):
                for gid, _, _ in next(d for d in DIMENSIONS if d["id"] == dim)["groups"]:
                    eff = EFFECT[dim][gid]
                    if dim == "kon":
                        eff = sex_sign * 0.5 if gid == "kvinnor" else -sex_sign * 0.5
                        if sex_sign == 0:
                            eff *= 0.3
                    sign = -1 if polarity == "higher_is_worse" else 1
                    if dim == "kon":
                        sign = 1
                    # Gaps narrow a little over time in stronger municipalities, widen in
                    # weaker ones, so the trend panel has something to say.
                    drift = 1 + 0.01 * t * (-position[code])
                    scale = gscale * (1 + dim_offsets[code][dim])
                    value = total + sign * eff * scale * drift + rng.gauss(0, gscale * 0.08)
                    if ind == "medianinkomst":
                        value = total * (1 + 0.22 * eff) + rng.gauss(0, 4)
                    value = clamp(value, vmin, vmax)
                    gn = None
                    gmoe = None
                    if survey:
                        gn = max(8, int(n * (0.5 if dim == "kon" else 0.3 if dim == "alder"
                                          else (0.75 if gid == "sverige" else 0.08))))
                        p = clamp(value / 100, 0.01, 0.99)
                        gmoe = 196 * math.sqrt(p * (1 - p) / gn)
                    rows.append((code, ind, year, dim, gid, round(value, decimals + 1),
                                 gmoe and round(gmoe, 2), gn))


def region_rows(rows, pop):
    """GR and Sweden rows: population-weighted means over the members, as a publisher would
    print them; a survey mean carries the margin of a weighted mean of independent values and
    the members' respondents."""
    by_key = {}
    for code, ind, year, dim, gid, value, moe, n in rows:
        by_key.setdefault((ind, year, dim, gid), []).append((code, value, moe, n))
    out = []
    for (ind, year, dim, gid), vals in by_key.items():
        for region, members in (("GR", set(GR)), ("SE", None)):
            picked = [v for v in vals if members is None or v[0] in members]
            if members is None and len(picked) < 200:
                continue  # no national figure for indicators that only cover GR
            w = sum(pop[c] for c, *_ in picked)
            mean = sum(pop[c] * v for c, v, *_ in picked) / w
            moe = n = None
            if all(m is not None for _, _, m, _ in picked):
                moe = round(math.sqrt(sum((pop[c] * m) ** 2 for c, _, m, _ in picked)) / w, 2)
                n = sum(k for *_, k in picked)
            out.append((region, ind, year, dim, gid, round(mean, 2), moe, n))
    return out


def main():
    rng = random.Random(SEED)
    municipalities = load_municipalities()
    position = {}
    foreign = {}
    pop = {}
    for code, _ in municipalities:
        position[code] = GR_POSITION.get(code, clamp(rng.gauss(-0.05, 0.45), -1, 1))
        foreign[code] = GR_FOREIGN_BORN.get(code, clamp(rng.gauss(0.14, 0.05), 0.04, 0.35))
        pop[code] = population(code, rng)

    catalogue = {
        "demo": True,
        "source": SOURCE,
        "domains": [{"id": d, "sv": sv, "en": en} for d, sv, en in DOMAINS],
        "dimensions": [{"id": d["id"], "sv": d["sv"], "en": d["en"],
                        "groups": [{"id": g, "sv": sv, "en": en} for g, sv, en in d["groups"]]}
                       for d in DIMENSIONS],
        "indicators": [],
    }
    rows = []
    for spec in INDICATORS:
        add_indicator(spec, rng, municipalities, position, pop, catalogue, rows)
    rows.extend(region_rows(rows, pop))
    # Population by sex as a count indicator for weights and the Bakgrund tab.
    catalogue["indicators"].append({
        "id": "folkmangd", "sv": "Folkmängd", "en": "Population", "domain": "bakgrund",
        "unit_sv": "personer", "unit_en": "persons", "polarity": "neutral",
        "age_band": "alla åldrar", "source": SOURCE, "licence": LICENCE,
        "description_sv": "Folkmängd 31 december.", "description_en": "Population on 31 December.",
        "demo": True, "dimensions": ["kon", "fodelseregion", "inkomst"], "decimals": 0, "min": 0, "max": 20000000,
        "aggregation": "sum", "survey": False,
    })
    for code, _ in municipalities:
        growth = rng.gauss(0.008, 0.006)
        for year in YEARS:
            total = pop[code] * (1 + growth) ** (year - 2024)
            women = total * rng.uniform(0.49, 0.505)
            for dim, gid, v in (("total", "total", total), ("kon", "kvinnor", women),
                                ("kon", "man", total - women)):
                rows.append((code, "folkmangd", year, dim, gid, round(v), None, None))
    # Population of the GR municipalities by birth region and income quintile (counts), from
    # which segkarta derives its demo segregation measures. A generator of its own, so the
    # rows above stay as they were.
    rng_groups = random.Random(SEED + 1)
    for code in GR:
        foreign = 0.22 if code == "1480" else rng_groups.uniform(0.05, 0.16)
        tilt = rng_groups.uniform(-0.06, 0.06) + (0.03 if code == "1480" else 0.0)
        for year in YEARS:
            total = next(r[5] for r in rows if r[:5] == (code, "folkmangd", year, "total", "total"))
            drift = (year - 2011) * 0.004
            birth = {"sverige": 1 - foreign - drift - 0.03, "norden": 0.03,
                     "eu": 0.3 * (foreign + drift), "ovriga": 0.7 * (foreign + drift)}
            for gid, share in birth.items():
                rows.append((code, "folkmangd", year, "fodelseregion", gid, round(total * share), None, None))
            quintiles = [0.2 + tilt, 0.2 + tilt / 2, 0.2, 0.2 - tilt / 2, 0.2 - tilt]
            if code == "1480":
                quintiles = [0.24, 0.19, 0.17, 0.18, 0.22]
            for q, share in enumerate(quintiles, start=1):
                rows.append((code, "folkmangd", year, "inkomst", f"q{q}", round(total * share), None, None))
    rng_surveys = random.Random(SEED + 2)
    extra = []
    for spec in EXTRA_SURVEYS:
        add_indicator(spec, rng_surveys, municipalities, position, pop, catalogue, extra)
    rows.extend(extra)
    rows.extend(region_rows(extra, pop))
    rows.sort(key=lambda r: (r[1], r[0], r[2], r[3], r[4]))
    with open(DATA / "demo_observations.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["area_code", "indicator", "year", "group_by", "group", "value", "moe", "n"])
        for r in rows:
            w.writerow(["" if x is None else x for x in r])
    (DATA / "catalogue.json").write_text(
        json.dumps(catalogue, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    size = (DATA / "demo_observations.csv").stat().st_size
    print(f"wrote {len(rows)} demo rows ({size} bytes) and {len(catalogue['indicators'])} indicators")


if __name__ == "__main__":
    main()
