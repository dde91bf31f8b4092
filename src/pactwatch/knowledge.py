"""The actor knowledge base: countries, organisations, role words and well-known people.

Everything here is data-driven: four TSV files in ``pactwatch/data`` (``countries.tsv``,
``organizations.tsv``, ``roles.tsv``, ``people.tsv``) that a user can extend without touching code, either by
passing ``extra_dirs`` to :meth:`Knowledge.load` or by naming folders in the ``PACTWATCH_DATA``
environment variable (colon-separated) for :func:`load_knowledge`. Files of the same names in those
folders are read after the built-in ones and merged into them (see the comment headers of the TSV
files for the exact rules).

Matching works on word tokens, not characters: the text is split into runs of letters and digits
(``U.S.`` is the two tokens ``U`` ``S``, ``Korea's`` is ``Korea`` ``s``), tokens are folded (case,
accents) and looked up in a token trie, so one scan of a sentence costs a dictionary look-up per
word. Case still matters where it separates a name from an ordinary word:

* a pattern token written in capitals (``US``, ``UN``, ``WHO``, ``DoD``, the ``U`` of ``U.S.``) must
  appear exactly so in the text, so "let us", "un-" or "who" never match;
* a capitalised pattern token (``Turkey``, ``Chad``, ``Polish``) needs a capital first letter in the
  text when scanning running text with :meth:`Knowledge.find`, so "turkey" and "polish" do not match;
* the look-ups :meth:`Knowledge.country` and :meth:`Knowledge.org` ignore case except for short
  all-capital forms of up to three letters (``country("us")`` is None, ``country("seoul")`` is KOR).

People (``people.tsv``) are only looked up, never scanned for: :meth:`Knowledge.person` resolves a
name found by the caller ("Putin", "Xi Jinping", "Mr. Zelenskyy") to the office that person held
in a given year, so that a leader named without a country still codes to one.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

__all__ = ["Country", "Org", "Role", "Person", "Knowledge", "load_knowledge", "DATA_DIR", "NON_STATE_CODES"]

from . import lexicon
from .lexicon import DATA_DIR  # noqa: E402  (one place says where data lives)

NON_STATE_CODES = {
    "IGO": "Intergovernmental organization",
    "UNO": "United Nations",
    "EUR": "European Union",
    "NGO": "Non-governmental organization",
    "ISM": "International social movement",
    "IMG": "Transnational armed group",
    "MNC": "Multinational corporation",
}


@dataclass(frozen=True)
class Country:
    code: str
    name: str


@dataclass(frozen=True)
class Org:
    name: str
    country: str | None
    sector: str | None
    type: str
    seat: tuple = ()      # the states it sits in (an international body)
    members: tuple = ()   # the states of a fixed grouping ("the Quad")


@dataclass(frozen=True)
class Role:
    role: str
    sector: str
    kind: str
    pattern: str


@dataclass(frozen=True)
class Person:
    """One office of a well-known person: a person with several offices has several of these."""
    name: str
    country: str | None
    role: str | None
    sector: str | None
    start: int | None
    end: int | None           # None: still in office


# ----------------------------------------------------------------------------------------------
# tokens

_TOKEN_RE = re.compile(r"[^\W_]+|&")
# characters that may separate the tokens of one multi-word name ("Guinea-Bissau", "U.S.",
# "People's", "Washington, D.C.", "Trinidad & Tobago")
_GAP_CHARS = frozenset(" \t\u00a0.-\u2010\u2011\u2013'\u2019,/")
# pattern words whose case never matters ("the Hague", "al-Qaeda", "Côte d'Ivoire")
_FREE_WORDS = frozenset({"the", "of", "and", "for", "de", "du", "des", "la", "le", "les", "al", "el",
                         "d", "s", "da", "do", "dos", "y", "et", "und", "in", "on", "at", "to", "an"})

_FOLD_CACHE: dict[str, str] = {}


def _fold(tok: str) -> str:
    """Case- and accent-folded form of one token ("&" reads as "and")."""
    if tok.isascii():
        return "and" if tok == "&" else tok.lower()
    f = _FOLD_CACHE.get(tok)
    if f is None:
        f = "".join(c for c in unicodedata.normalize("NFKD", tok) if not unicodedata.combining(c))
        f = f.casefold().replace("ß", "ss")
        if len(_FOLD_CACHE) < 100_000:
            _FOLD_CACHE[tok] = f
    return f


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def _keys(text: str, ms: list[re.Match]) -> list[str]:
    """Folded keys of the tokens `ms` of `text` (fast path for ASCII text)."""
    if text.isascii():
        keys = _TOKEN_RE.findall(text.lower())   # ASCII lower-casing keeps every token intact
        if "&" in text:
            keys = ["and" if k == "&" else k for k in keys]
        return keys
    return [_fold(m.group()) for m in ms]


def _trie_matches(trie: dict, keys: list[str], text: str, ms: list[re.Match], i: int) -> list[tuple[int, Any]]:
    """(last token index, payload) of every trie phrase that starts at token i, shortest first; the
    tokens of a phrase may be separated only by what `_gap_ok` allows."""
    out: list[tuple[int, Any]] = []
    node = trie.get(keys[i])
    j, n = i, len(ms)
    while node is not None:
        payload = node.get("")
        if payload is not None:
            out.append((j, payload))
        j += 1
        if j >= n or not _gap_ok(text[ms[j - 1].end():ms[j].start()], ms[j - 1].group()):
            break
        node = node.get(keys[j])
    return out


def _gap_ok(gap: str, prev_tok: str) -> bool:
    """May `gap` separate two tokens of one name? (No line breaks, no sentence-final periods.)"""
    if gap == " ":
        return True
    if len(gap) > 3:
        return False
    for c in gap:
        if c not in _GAP_CHARS:
            return False
    if "." in gap and len(prev_tok) > 3:
        return False
    return True


def norm_key(text: str) -> tuple[str, ...]:
    """The folded token sequence used as the look-up key of a name."""
    return tuple(_fold(t) for _, _, t in _tokens(text))


# letters that Unicode does not decompose into a base letter plus accents ("Wałęsa", "Đinđić",
# "Yıldırım", "Løkke"); folded for person names, where spellings with and without them alternate
_PERSON_FOLD = str.maketrans({"ł": "l", "đ": "d", "ı": "i", "ø": "o", "æ": "ae", "œ": "oe", "ð": "d",
                              "þ": "th", "ħ": "h"})
# leading words that are not part of a person's name ("Mr. Putin", "the late King Hussein")
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mister", "madam", "madame", "dr", "sir", "dame", "lord",
                         "lady", "the", "former", "ex", "late", "onetime", "erstwhile", "then", "new",
                         "s", "h", "e", "his", "her", "excellency", "majesty", "highness", "sheikh",
                         "shaikh", "ayatollah", "mullah", "gen", "general", "col", "colonel", "marshal"})
# the Arabic article, written as its own token ("al-Assad", "el-Sisi"): a second key without it
_ARTICLES = frozenset({"al", "el"})


def _person_key(text: str) -> tuple[str, ...]:
    return tuple(_fold(t).translate(_PERSON_FOLD) for _, _, t in _tokens(text))


def _year(cell: str | None) -> int | None:
    cell = (cell or "").strip()
    return int(cell) if cell.isdigit() else None


# case constraint of one pattern token
_EXACT, _CAP = 1, 2


def _constraints(form: str) -> tuple[tuple[tuple[int, int, str], ...], tuple[tuple[int, str], ...]]:
    """(scan constraints, look-up constraints) for a surface form.

    Scan: capitals inside a token (US, DoD, the U of U.S.) -> exact; capitalised word -> capital
    first letter; lower-case and function words -> free. Look-up: only all-capital tokens of up to
    three letters must be exact.
    """
    scan: list[tuple[int, int, str]] = []
    look: list[tuple[int, str]] = []
    for i, (_, _, t) in enumerate(_tokens(form)):
        if t == "&" or _fold(t) in _FREE_WORDS and not t.isupper():
            continue
        letters = [c for c in t if c.isalpha()]
        if not letters:
            continue
        upper_rest = any(c.isupper() for c in t[1:])
        if upper_rest or (len(t) == 1 and t.isupper()) or (not t[0].isupper() and any(c.isupper() for c in t)):
            scan.append((i, _EXACT, t))
            if t.isupper() and len(letters) <= 3:
                look.append((i, t))
        elif t[0].isupper():
            scan.append((i, _CAP, ""))
    return tuple(scan), tuple(look)


# ----------------------------------------------------------------------------------------------
# TSV reading

def _read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV with a header row; '#' lines and blank lines are skipped."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    with open(path, encoding="utf-8-sig", newline="") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if header is None:
                header = [c.lower() for c in cells]
                continue
            cells += [""] * (len(header) - len(cells))
            rows.append(dict(zip(header, cells)))
    return rows


def _split(cell: str | None) -> list[str]:
    return [v.strip() for v in (cell or "").split("|") if v.strip()]


def _plurals(demonym: str) -> list[str]:
    """Regular English plurals of a demonym (Korean -> Koreans, Frenchman -> Frenchmen)."""
    low = demonym.lower()
    if low.endswith("man"):
        return [demonym[:-3] + ("men" if demonym[-3:].islower() else "MEN")]
    if low.endswith(("s", "sh", "ch", "ese", "x", "z")) or not demonym[-1:].isalpha():
        return []
    return [demonym + ("s" if demonym[-1].islower() else "S")]


# ----------------------------------------------------------------------------------------------
# the knowledge base

_KIND_PRIORITY = {"name": 0, "demonym": 1, "org": 2, "capital": 3, "block": 9}
_FIND_KIND = {"name": "country", "demonym": "demonym", "capital": "capital", "org": "org"}
_ROLE_KIND_RANK = {"person": 0, "group": 1, "organization": 2}
_FORMER_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP"})
_FORMER_WORDS = frozenset({"former", "ex", "late", "onetime", "erstwhile"})


class _Entry:
    """One surface form of a country or organisation, as stored in the trie."""
    __slots__ = ("kind", "obj", "scan", "look", "dot", "prio", "seq", "form")

    def __init__(self, kind: str, obj: object, form: str, seq: int):
        self.kind = kind
        self.obj = obj
        self.form = form
        self.scan, self.look = _constraints(form)
        self.dot = form.endswith(".")
        self.prio = _KIND_PRIORITY[kind]
        self.seq = seq


class Knowledge:
    """Countries, organisations and role words, with fast look-up and scanning."""

    def __init__(self) -> None:
        self._seq = 0
        self._org_memo: dict[str, Org | None] = {}    # name -> organisation, as org() resolved it
        # records, merged from all sources
        self._countries: dict[str, dict] = {}     # code -> {"name": str, "forms": [(kind, form, seq)]}
        self._orgs: dict[tuple, dict] = {}        # key of canonical name -> {...}
        self._roles: dict[tuple, tuple[Role, int]] = {}
        self._removed: dict[tuple, int] = {}      # key -> seq of a "-Form" removal
        self._removed_roles: dict[tuple, int] = {}
        self._people: dict[tuple, dict] = {}      # key of canonical name -> {"name", "forms", "rows"}
        self._removed_people: dict[tuple, int] = {}
        self.sources: list[Path] = []
        # built indexes
        self._trie: dict = {}
        self._lookup: dict[tuple, list[_Entry]] = {}
        self._role_trie: dict = {}
        self._by_code: dict[str, Country] = {}
        self._org_list: list[Org] = []
        self._person_rows: list[tuple[Person, ...]] = []       # per person, his offices
        self._person_index: dict[tuple, dict[int, bool]] = {}  # key -> {person: key is his name}
        self._person_loose: dict[tuple, dict[int, bool]] = {}  # same, keys without "al"/"el"

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, data_dir: str | os.PathLike | None = None,
             extra_dirs: Iterable[str | os.PathLike] = ()) -> "Knowledge":
        """Read the TSVs of `data_dir` (default: the package's data folder), then merge those of
        each folder in `extra_dirs` in order (missing files are skipped)."""
        kb = cls()
        dirs = [Path(data_dir) if data_dir is not None else DATA_DIR] + [Path(d) for d in extra_dirs]
        for d in dirs:
            kb._read_dir(d)
        kb._build()
        return kb

    def _next(self) -> int:
        self._seq += 1
        return self._seq

    def _read_dir(self, d: Path) -> None:
        for fname, reader in (("countries.tsv", self._read_countries),
                              ("organizations.tsv", self._read_orgs),
                              ("roles.tsv", self._read_roles),
                              ("people.tsv", self._read_people)):
            p = d / fname
            if p.is_file():
                reader(_read_tsv(p))
                self.sources.append(p)

    def _add_form(self, forms: list, kind: str, value: str) -> None:
        seq = self._next()
        if value.startswith("-") and len(value) > 1:
            self._removed[norm_key(value[1:])] = seq
        else:
            forms.append((kind, value, seq))

    def _read_countries(self, rows: list[dict[str, str]]) -> None:
        for row in rows:
            code = (row.get("code") or "").strip().upper()
            if not code:
                continue
            name = (row.get("name") or "").strip()
            if code == "-":
                rec = self._countries.setdefault("-", {"name": "", "forms": []})
                for v in ([name] if name else []) + _split(row.get("aliases")):
                    self._add_form(rec["forms"], "block", v)
                continue
            rec = self._countries.get(code)
            if rec is None:
                rec = self._countries[code] = {"name": name or code, "forms": []}
            elif name:
                rec["name"] = name
            if name:
                self._add_form(rec["forms"], "name", name)
            for v in _split(row.get("aliases")):
                self._add_form(rec["forms"], "name", v)
            for v in _split(row.get("demonyms")):
                self._add_form(rec["forms"], "demonym", v)
                if not v.startswith("-"):
                    for pl in _plurals(v):
                        self._add_form(rec["forms"], "demonym", pl)
            for v in _split(row.get("capitals")):
                self._add_form(rec["forms"], "capital", v)

    def _read_orgs(self, rows: list[dict[str, str]]) -> None:
        for row in rows:
            name = (row.get("name") or "").strip()
            if not name:
                continue
            key = norm_key(name)
            rec = self._orgs.get(key)
            country = (row.get("country") or "").strip().upper() or None
            sector = (row.get("sector") or "").strip().upper() or None
            typ = (row.get("type") or "").strip().lower() or None
            seat = tuple(v.upper() for v in _split(row.get("seat")))
            members = tuple(v.upper() for v in _split(row.get("members")))
            if rec is None:
                rec = self._orgs[key] = {"name": name, "country": country, "sector": sector,
                                         "type": typ or "organization", "forms": [], "seat": seat,
                                         "members": members}
                self._add_form(rec["forms"], "org", name)
            else:
                rec["name"] = name
                rec["seat"] = seat or rec.get("seat", ())
                rec["members"] = members or rec.get("members", ())
                for k, v in (("country", country), ("sector", sector), ("type", typ)):
                    if v:
                        rec[k] = v
            for v in _split(row.get("aliases")):
                self._add_form(rec["forms"], "org", v)

    def _read_roles(self, rows: list[dict[str, str]]) -> None:
        for row in rows:
            role = (row.get("role") or "").strip()
            sector = (row.get("sector") or "").strip().upper()
            kind = (row.get("kind") or "").strip().lower() or "person"
            for pat in _split(row.get("pattern")):
                seq = self._next()
                if pat.startswith("-") and len(pat) > 1:
                    self._removed_roles[norm_key(pat[1:])] = seq
                    continue
                key = norm_key(pat)
                if key:
                    self._roles[key] = (Role(role=role, sector=sector, kind=kind, pattern=pat.lower()), seq)

    def _read_people(self, rows: list[dict[str, str]]) -> None:
        """Rows of people.tsv. The rows of one name are that person's offices; a row for a known
        name updates the office with the same role (and the same start year, or without a start
        year the latest such office), adds a new office otherwise, only adds aliases when its role
        cell is empty, and deletes the person when its role is "-"."""
        for row in rows:
            name = (row.get("name") or "").strip()
            key = _person_key(name)
            if not key:
                continue
            role = (row.get("role") or "").strip()
            rec = self._people.get(key)
            if role == "-":
                if rec is not None:
                    rec["rows"].clear()
                    rec["forms"].clear()
                continue
            if rec is None:
                rec = self._people[key] = {"name": name, "forms": [], "rows": []}
            rec["name"] = name
            if not rec["forms"] or rec["forms"][0][0] != name:
                rec["forms"].insert(0, (name, self._next()))
            for v in _split(row.get("aliases")):
                seq = self._next()
                if v.startswith("-") and len(v) > 1:
                    self._removed_people[_person_key(v[1:])] = seq
                else:
                    rec["forms"].append((v, seq))
            if not role:
                continue
            cells = {"role": role,
                     "country": (row.get("country") or "").strip().upper() or None,
                     "sector": (row.get("sector") or "").strip().upper() or None,
                     "start": _year(row.get("start")),
                     "end": _year(row.get("end"))}
            same = [r for r in rec["rows"] if r["role"].lower() == role.lower()]
            if cells["start"] is not None:
                same = [r for r in same if r["start"] == cells["start"]]
            if same:
                old = max(same, key=lambda r: r["start"] or 0)
                for k, v in cells.items():
                    if v is not None:
                        old[k] = v
            else:
                rec["rows"].append(cells)

    # ------------------------------------------------------------------ indexes
    def _build(self) -> None:
        self._org_memo = {}         # names resolved before the tables changed
        entries: list[tuple[tuple, _Entry]] = []
        for code, rec in self._countries.items():
            if code != "-":
                self._by_code[code] = Country(code=code, name=rec["name"])
        for code, rec in self._countries.items():
            obj = self._by_code.get(code)
            for kind, form, seq in rec["forms"]:
                entries.append((norm_key(form), _Entry(kind, obj, form, seq)))
        for rec in self._orgs.values():
            org = Org(name=rec["name"], country=rec["country"], sector=rec["sector"], type=rec["type"],
                      seat=tuple(rec.get("seat", ())), members=tuple(rec.get("members", ())))
            self._org_list.append(org)
            for kind, form, seq in rec["forms"]:
                entries.append((norm_key(form), _Entry(kind, org, form, seq)))

        # Per key, keep for each kind and case shape the latest definition (a later file or row
        # overrides an earlier one: "Dominican" moved to another code replaces the old owner),
        # while spellings that differ in case ("NATO" / "Nato", "UN refugee agency" / "UN Refugee
        # Agency") stay side by side. A "-Form" removal drops the definitions made before it.
        grouped: dict[tuple, dict[tuple, _Entry]] = {}
        for key, e in entries:
            if not key or self._removed.get(key, 0) > e.seq:
                continue
            shape = (e.kind, e.scan)
            slot = grouped.setdefault(key, {})
            old = slot.get(shape)
            if old is None or old.seq < e.seq:
                slot[shape] = e
        for key, best in grouped.items():
            lst = sorted(best.values(), key=lambda e: (e.prio, -e.seq))
            self._lookup[key] = lst
            node = self._trie
            for tok in key:
                node = node.setdefault(tok, {})
            node[""] = lst

        for key, (role, seq) in self._roles.items():
            if self._removed_roles.get(key, 0) > seq:
                continue
            node = self._role_trie
            for tok in key:
                node = node.setdefault(tok, {})
            node[""] = role

        for rec in self._people.values():
            if not rec["rows"]:
                continue
            pid = len(self._person_rows)
            self._person_rows.append(tuple(
                Person(name=rec["name"], country=r["country"], role=r["role"], sector=r["sector"],
                       start=r["start"], end=r["end"]) for r in rec["rows"]))
            name_key = _person_key(rec["name"])
            for form, seq in rec["forms"]:
                key = _person_key(form)
                if not key or (key != name_key and self._removed_people.get(key, 0) > seq):
                    continue
                canonical = key == name_key
                loose = tuple(t for t in key if t not in _ARTICLES)
                for index, k in ((self._person_index, key), (self._person_loose, loose)):
                    if k:
                        slot = index.setdefault(k, {})
                        slot[pid] = slot.get(pid, False) or canonical

    # ------------------------------------------------------------------ look-ups
    @staticmethod
    def _clean(text: str) -> list[tuple[str, ...]]:
        """Candidate keys for a look-up: as given, without a leading "the", without a possessive."""
        toks = _tokens(text)
        if not toks:
            return []
        keys: list[list[tuple[int, int, str]]] = [toks]
        if len(toks) > 1 and toks[-1][2] in ("s", "S") and text[toks[-2][1]:toks[-1][0]] in ("'", "\u2019"):
            keys.append(toks[:-1])
        for t in list(keys):
            if len(t) > 1 and t[0][2].lower() == "the":
                keys.append(t[1:])
        return [tuple(x[2] for x in k) for k in keys]

    def _find_entry(self, text: str, kinds: frozenset[str]) -> _Entry | None:
        if not text:
            return None
        for raw in self._clean(text):
            key = tuple(_fold(t) for t in raw)
            for e in self._lookup.get(key, ()):
                if e.kind in kinds and all(raw[i] == t for i, t in e.look):
                    return e
        return None

    _COUNTRY_KINDS = frozenset({"name", "demonym", "capital"})
    _ORG_KINDS = frozenset({"org"})

    def country(self, text: str) -> Country | None:
        """The country named by `text` (name, alias, demonym, plural demonym, capital or seat)."""
        e = self._find_entry(text, self._COUNTRY_KINDS)
        return e.obj if e else None  # type: ignore[return-value]

    def country_kind(self, text: str) -> str | None:
        """'name', 'demonym' or 'capital' for what :meth:`country` would match, else None."""
        e = self._find_entry(text, self._COUNTRY_KINDS)
        return e.kind if e else None

    def org(self, text: str) -> Org | None:
        """The organisation named by `text` (canonical name or alias); remembered per name, as the
        record builder asks the same names again and again."""
        memo = self._org_memo
        if text not in memo:
            e = self._find_entry(text, self._ORG_KINDS)
            memo[text] = e.obj if e else None
        return memo[text]  # type: ignore[return-value]

    def seat_of(self, name: str | None, code: str | None) -> tuple:
        """The states a body sits in: its own seat, else that of the one body of its code with a seat (the
        European Commission sits where the European Union does); () for states and unknown bodies."""
        org = self.org(name) if name else None
        if org is not None and org.seat:
            return org.seat
        code = (code or (org.country if org else None) or "").upper()
        if code not in NON_STATE_CODES:
            return ()
        seated = {o.seat for o in self._org_list if o.country == code and o.seat}
        return seated.pop() if len(seated) == 1 else ()

    def members_of(self, name: str | None) -> tuple:
        """The member states of a fixed grouping ("the Quad"); () for other bodies and unknown names."""
        org = self.org(name) if name else None
        return org.members if org is not None else ()

    def country_name(self, code: str | None) -> str | None:
        """Canonical English name of an ISO 3166 alpha-3 code or PLOVER non-state code."""
        if not code:
            return None
        code = code.strip().upper()
        c = self._by_code.get(code)
        if c is not None:
            return c.name
        return NON_STATE_CODES.get(code)

    def country_by_code(self, code: str | None) -> Country | None:
        return self._by_code.get((code or "").strip().upper())

    def iter_countries(self) -> Iterator[Country]:
        return iter(self._by_code.values())

    def iter_orgs(self) -> Iterator[Org]:
        return iter(self._org_list)

    # ------------------------------------------------------------------ people
    def person(self, text: str, year: int | None = None) -> Person | None:
        """The well-known person named by `text` (canonical name or alias; case, accents, a
        possessive "'s" and leading titles such as "Mr." or "President" ignored), in the office
        held in `year`: the row whose years cover it (the latest begun if several do), else the
        nearest one; without a year the most recent office. A name or alias shared by several
        people (a bare "Bush" or "Kim") matches nobody unless it is exactly one person's full name.
        """
        pid = self._person_id(text)
        if pid is None:
            return None
        return self._pick_office(self._person_rows[pid], year)

    def iter_people(self) -> Iterator[Person]:
        """Every office of every known person."""
        for rows in self._person_rows:
            yield from rows

    def _person_id(self, text: str) -> int | None:
        if not text or not self._person_rows:
            return None
        raws = self._clean(text)
        for attempt in range(2):
            if attempt:             # only then drop titles: "Russian President Vladimir Putin"
                raws = self._strip_titles(text)
                if not raws:
                    break
            for index, loose in ((self._person_index, False), (self._person_loose, True)):
                for raw in raws:
                    key = tuple(_fold(t).translate(_PERSON_FOLD) for t in raw)
                    if loose:
                        key = tuple(t for t in key if t not in _ARTICLES)
                    hits = index.get(key)
                    if not hits:
                        continue
                    if len(hits) == 1:
                        return next(iter(hits))
                    named = [pid for pid, canonical in hits.items() if canonical]
                    return named[0] if len(named) == 1 else None
        return None

    def _strip_titles(self, text: str) -> list[tuple[str, ...]]:
        """What is left of `text` after each leading honorific, role word, country, demonym or
        organisation, longest first: "the late King Hussein" -> [late King Hussein, King Hussein,
        Hussein]; "OpenAI CEO Sam Altman" -> [CEO Sam Altman, Sam Altman]. A possessive "'s" at
        the end is dropped."""
        toks = _tokens(text)
        if len(toks) > 1 and toks[-1][2] in ("s", "S") and text[toks[-2][1]:toks[-1][0]] in ("'", "\u2019"):
            toks = toks[:-1]
        skip: dict[int, int] = {}        # character offset where a droppable phrase starts -> its end
        for s, e, _ in self.roles_in(text):
            skip[s] = e
        for s, e, _, _ in self.find(text):
            skip[s] = max(e, skip.get(s, 0))
        out: list[tuple[str, ...]] = []
        i, n = 0, len(toks)
        while i < n - 1:
            s, _, t = toks[i]
            if s in skip:
                j = i
                while j < n and toks[j][0] < skip[s]:
                    j += 1
            elif _fold(t) in _HONORIFICS:
                j = i + 1
            else:
                break
            if j >= n:
                break
            i = j
            out.append(tuple(t for _, _, t in toks[i:]))
        return out

    @staticmethod
    def _pick_office(rows: tuple[Person, ...], year: int | None) -> Person:
        if year is None:
            return max(rows, key=lambda r: (r.end is None, r.end or 0, r.start or 0))
        covering = [r for r in rows if (r.start is None or r.start <= year) and (r.end is None or year <= r.end)]
        if covering:
            return max(covering, key=lambda r: r.start if r.start is not None else -10_000)

        def distance(r: Person) -> int:
            if r.start is not None and year < r.start:
                return r.start - year
            return year - (r.end if r.end is not None else year)
        return min(rows, key=lambda r: (distance(r), -(r.start or 0)))

    # ------------------------------------------------------------------ scanning
    def find(self, text: str) -> list[tuple[int, int, str, object]]:
        """Every non-overlapping, leftmost-longest mention of a country (kind 'country'), demonym
        ('demonym'), capital or seat of government ('capital') or organisation ('org') in `text`,
        as (start, end, kind, Country | Org)."""
        ms = list(_TOKEN_RE.finditer(text))
        n = len(ms)
        if not n:
            return []
        keys = _keys(text, ms)
        trie = self._trie
        out: list[tuple[int, int, str, object]] = []
        i = 0
        while i < n:
            cands = _trie_matches(trie, keys, text, ms, i)
            if not cands:
                i += 1
                continue
            hit = None
            for j, lst in reversed(cands):
                for e in lst:
                    if not e.scan or self._scan_ok(e, ms, i):
                        hit = (j, e)
                        break
                if hit:
                    break
            if hit is None:
                i += 1
                continue
            j, e = hit
            start, end = ms[i].start(), ms[j].end()
            if e.dot and text[end:end + 1] == ".":
                end += 1
            i = j + 1
            if e.kind == "block":
                continue
            if e.kind != "org" and text[end:end + 1] == "$":   # "US$5 billion" is a currency
                continue
            out.append((start, end, _FIND_KIND[e.kind], e.obj))
        return out

    @staticmethod
    def _scan_ok(e: _Entry, ms: list[re.Match], i: int) -> bool:
        for k, mode, t in e.scan:
            tok = ms[i + k].group()
            if mode == _EXACT:
                if tok != t:
                    return False
            elif not tok[0].isupper():
                return False
        return True

    # ------------------------------------------------------------------ roles
    def roles_in(self, text: str) -> list[tuple[int, int, Role]]:
        """Every non-overlapping, leftmost-longest role word or phrase in `text` (case ignored)."""
        ms = list(_TOKEN_RE.finditer(text))
        n = len(ms)
        if not n:
            return []
        keys = _keys(text, ms)
        trie = self._role_trie
        out: list[tuple[int, int, Role]] = []
        i = 0
        while i < n:
            cands = _trie_matches(trie, keys, text, ms, i)
            if not cands:
                i += 1
                continue
            best = cands[-1]      # the longest
            j, r = best
            if r.role != "-":
                out.append((ms[i].start(), ms[j].end(), r))
            i = j + 1
        return out

    def role(self, text: str) -> Role | None:
        """The most specific role in a title or description.

        Among the role phrases found, a person role beats a group, which beats an organisation
        ("Foreign Ministry spokesperson" -> Spokesperson); then the longest phrase wins ("vice
        foreign minister" over "minister"), then the last one (the head of an English title).
        A government, military, legislative, judicial or security role preceded by "former" or
        "ex-" becomes an ELI role ("former Prime Minister" -> Former Prime Minister / ELI).
        """
        found = self.roles_in(text)
        if not found:
            return None
        best_i = max(range(len(found)), key=lambda k: (
            -_ROLE_KIND_RANK.get(found[k][2].kind, 3),
            len(norm_key(found[k][2].pattern)),
            found[k][1] - found[k][0],
            k))
        start, _, r = found[best_i]
        if r.kind == "person" and r.sector in _FORMER_SECTORS:
            before = {_fold(t[2]) for t in _tokens(text[:start])}
            if before & _FORMER_WORDS:
                return Role(role=f"Former {r.role}", sector="ELI", kind=r.kind, pattern=r.pattern)
        return r


# ----------------------------------------------------------------------------------------------
# the shared default instance

_DEFAULT: dict[tuple, Knowledge] = {}


def load_knowledge() -> Knowledge:
    """The default knowledge base: built-in data plus the folders named in $PACTWATCH_DATA
    (colon-separated). Cached per value of the variable."""
    extra = tuple(str(p) for p in lexicon.extra_dirs())
    kb = _DEFAULT.get(extra)
    if kb is None:
        kb = _DEFAULT[extra] = Knowledge.load(extra_dirs=extra)
    return kb
