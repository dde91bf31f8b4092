"""Loading the knowledge tables: ``countries.tsv``, ``organizations.tsv``, ``roles.tsv`` and ``people.tsv``
of the package's data folder and of extra folders, merged row by row, then indexed (the tries the look-ups
read). ``Knowledge`` (``lookups.py``) inherits this."""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from ..lexicon import DATA_DIR
from .keys import _ARTICLES, _Entry, _person_key, norm_key
from .records import Country, Org, Person, Role

if TYPE_CHECKING:
    from .lookups import Knowledge


def _year(cell: str | None) -> int | None:
    cell = (cell or "").strip()
    return int(cell) if cell.isdigit() else None


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


class KnowledgeTables:
    """The records of the tables, merged from all sources, and the indexes built from them."""

    def __init__(self) -> None:
        self._seq = 0
        self._org_memo: dict[str, Org | None] = {}    # name -> organisation, as org() resolved it
        self._person_memo: dict[str, int | None] = {}  # text -> person, as _person_id() resolved it
        self._roles_memo: dict[str, tuple] = {}        # text -> its roles, as roles_in() found them
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
        self._person_memo = {}
        self._roles_memo = {}
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
