"""Groups of linked reports: union-find (`_Union`, `_Forest`), the pairs that are compared at all
(`_keys`, `_candidate_pair`, and the time blocks of `_slots` and `_reach`), each pair tested once
(`_Matcher`), a report joined to the groups it matches (`_attach`) and the spanning set of links
stored for a canonical event (`_spanning_links`)."""
from __future__ import annotations

import datetime as dt
import functools

from ..model import Event
from .config import LinkConfig
from .features import _date, _person_names, _span, _weak_date, countries
from .matching import _far_apart, same_event

BLOCK_DAYS = 16     # the width of a time block of the forest's index (a speed setting: results do not depend on it)


def _keys(e: Event) -> list[tuple]:
    """What a report is found by: its category with each country, person and place it names."""
    t = e.event_type
    return ([("c", t, c) for c in sorted(countries(e))] + [("p", t, n) for n in sorted(_person_names(e))]
            + ([("l", t, e.location.name)] if e.location else []))


def _candidate_pair(a: Event, b: Event) -> bool:
    """The pairs that are compared at all: the same category from two documents, sharing a country;
    or, when one names no country, sharing a person; or at the same place when one names no
    country or both are meetings."""
    if a.doc_id == b.doc_id or a.event_type != b.event_type:
        return False
    ca, cb = countries(a), countries(b)
    if ca & cb:
        return True
    open_ = not ca or not cb
    if open_ and _person_names(a) & _person_names(b):
        return True
    return bool(a.location and b.location and a.location.name == b.location.name
                and (open_ or a.event_type == "CONSULT"))


def _blocks(lo: dt.date, hi: dt.date) -> range:
    return range(lo.toordinal() // BLOCK_DAYS, hi.toordinal() // BLOCK_DAYS + 1)


_SLOT: dict[tuple, tuple] = {}


def _slot(kind: str, block: int) -> tuple:
    """The time block (kind, block), one object for each (the many reaches remembered share them)."""
    s = (kind, block)
    return _SLOT.setdefault(s, s)


def _slots(event_type: str, date: str | None, date_text: str | None, doc_date: str | None,
           cfg: LinkConfig) -> list[tuple] | None:
    """The time blocks a report is filed under in the index (None: under none, it is found by every
    report of its keys). "d": its article's date, every report; "w": its article's date, a report with
    no date of its own; "o": the days its own date covers, and its article's date for a promise (which
    may be dated when made) or a date that is no day."""
    made = _date(doc_date)
    if made is None:
        return None
    out = [("d", b) for b in _blocks(made, made)]
    if not date or not date_text:       # `_weak_date`
        return out + [("w", b) for b in _blocks(made, made)]
    span = _span(date)
    if span:
        out += [("o", b) for b in _blocks(*span)]
    if not span or event_type == "AGREE":
        out += [("o", b) for b in _blocks(made, made)]
    return out


def _reach(event_type: str, date: str | None, date_text: str | None, doc_date: str | None,
           cfg: LinkConfig) -> tuple[tuple, ...] | None:
    """The time blocks of the reports a report can match (None: all of its keys). It is a superset of
    what `same_event` allows: a report with no date of its own, any report whose article is at most
    `background_window_days` from its own; a report dated by its own words, those within that of
    its article with no date of their own, and those whose own date (or, for a promise, article date)
    is within the date windows of its own date (or, for a promise, its article's date)."""
    near = max(cfg.date_window_days, cfg.coarse_date_window_days, cfg.undated_window_days, cfg.flow_date_window_days)
    return _reach_of(event_type == "AGREE", date, bool(date and date_text), doc_date, cfg.background_window_days, near)


@functools.lru_cache(maxsize=65536)
def _reach_of(promise: bool, date: str | None, own_date: bool, doc_date: str | None, far_days: int,
              near_days: int) -> tuple[tuple, ...] | None:
    """`_reach` of a report's time (remembered: reports of one day and date share it; a tuple, not to be changed)."""
    made = _date(doc_date)
    if made is None:
        return None
    far = dt.timedelta(days=far_days)
    if not own_date:
        return tuple(_slot("d", b) for b in _blocks(made - far, made + far))
    out = [_slot("w", b) for b in _blocks(made - far, made + far)]
    near = dt.timedelta(days=near_days)
    span = _span(date)
    if span:
        out += [_slot("o", b) for b in _blocks(span[0] - near, span[1] + near)]
    if not span or promise:
        out += [_slot("o", b) for b in _blocks(made - near, made + near)]
    return tuple(out)


def _time_args(e: Event, doc_dates: dict) -> tuple:
    return e.event_type, e.date, e.date_text, doc_dates.get(e.doc_id)


class _DocDates(dict):
    """Document dates, read from the store for the events loaded."""

    def __init__(self, store):
        super().__init__()
        self.store = store

    def need(self, docs) -> None:
        missing = {d for d in docs if d not in self}
        if missing:
            got = self.store.document_dates(missing)
            self.update({d: got.get(d) for d in missing})

    def get(self, key, default=None):
        if key not in self:
            self.need([key])
        return super().get(key, default)


class _Matcher:
    """`same_event` for the pairs that are compared at all, each pair once, in one order."""

    MAX_CACHED_MISSES = 2_000_000

    def __init__(self, doc_dates: dict, cfg: LinkConfig):
        self.doc_dates, self.cfg = doc_dates, cfg
        self.cache: dict[tuple[str, str], dict | None] = {}
        self.tests = self.misses = 0

    def __call__(self, x: Event, y: Event) -> dict | None:
        a, b = (x, y) if x.id < y.id else (y, x)
        key = (a.id, b.id)
        if key in self.cache:
            return self.cache[key]
        why = None
        if _candidate_pair(a, b) and not _far_apart(a, b, self.cfg, self.doc_dates):
            self.tests += 1
            why = same_event(a, b, self.doc_dates, self.cfg)
        if why is not None or self.misses < self.MAX_CACHED_MISSES:
            self.misses += why is None
            self.cache[key] = why
        return why


class _Union:
    """Union-find over ids."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        p = self.parent.setdefault(x, x)
        while p != x:
            self.parent[x] = self.parent[p]
            x, p = p, self.parent[p]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for x in list(self.parent):
            out.setdefault(self.find(x), []).append(x)
        return sorted((sorted(v) for v in out.values()), key=lambda v: v[0])


class _Forest(_Union):
    """Groups of linked reports: union-find with each group's members in ascending id order and an
    index from `_keys` and time blocks (`_slots`) to the groups that hold a report filed there.
    `match` (a `_Matcher`) gives the document dates and settings the time blocks are read with."""

    def __init__(self, match=None):
        super().__init__()
        self.members: dict[str, list[str]] = {}
        self.index: dict[tuple, dict[tuple, list[str]]] = {}     # key -> time block -> ids filed there
        self.days: dict[str, tuple | None] = {}     # root -> (category, first day, last day) of its reports
        self.doc_dates = match.doc_dates if match is not None else {}
        self.cfg = match.cfg if match is not None else LinkConfig()

    def add(self, e: Event) -> None:
        self.parent[e.id] = e.id
        self.members[e.id] = [e.id]
        self.days[e.id] = _days(e)
        slots = _slots(*_time_args(e, self.doc_dates), self.cfg)
        for k in _keys(e):
            filed = self.index.setdefault(k, {})
            filed.setdefault(("A",), []).append(e.id)     # every report of the key
            for s in (slots if slots is not None else [("T",)]):
                filed.setdefault(s, []).append(e.id)

    def alias(self, name: str, x: str) -> None:
        """`name` (a stored cluster id whose report is not loaded) stands for x's group."""
        self.parent[name] = x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        big, small = self.members[ra], self.members.pop(rb)
        if big[-1] < small[0]:
            big.extend(small)
        else:
            big[:] = sorted(big + small)
        self.parent[rb] = ra
        x, y = self.days[ra], self.days.pop(rb)
        self.days[ra] = (x[0], min(x[1], y[1]), max(x[2], y[2])) if x and y and x[0] == y[0] else None

    def groups_of(self, e: Event) -> set[str]:
        """The groups holding a report that e could be compared with: of its keys, in the time blocks
        it can reach (`_reach`), and those filed under no time block."""
        out: set[str] = set()
        reach = _reach(*_time_args(e, self.doc_dates), self.cfg)
        wanted = None if reach is None else {("T",), *reach}
        for k in _keys(e):
            filed = self.index.get(k)
            if not filed:
                continue
            for s in _blocks_filed(filed, wanted):
                got = filed[s]
                roots = {self.find(r) for r in got}
                if len(roots) < len(got):
                    filed[s] = sorted(roots)
                out |= roots
        return out


def _blocks_filed(filed: dict[tuple, list[str]], wanted: set[tuple] | None) -> list[tuple]:
    """Of a key's time blocks in the index (`filed`), those wanted (None: the block of every report),
    walking the shorter of the two."""
    if wanted is None:
        return [("A",)] if ("A",) in filed else []
    if len(filed) < len(wanted):
        return [s for s in filed if s in wanted]
    return [s for s in wanted if s in filed]


def _days(e: Event) -> tuple | None:
    """(category, first day, last day) of a report that `_far_apart` can rule out by date, else None."""
    if e.event_type == "AGREE" or _weak_date(e):
        return None
    span = _span(e.date)
    return (e.event_type, span[0], span[1]) if span else None


def _attach(forest: _Forest, e: Event, events: dict, match) -> list[tuple[str, str, dict]]:
    """Join e to each other group it reports the same event as; the link chosen in a group is the
    one to its smallest matching member (the group's members are compared in ascending order, and
    the comparisons stop at the first match)."""
    mine = forest.find(e.id)
    found = []
    mine_days = _days(e)
    for r in sorted(forest.groups_of(e) - {mine}):
        theirs = forest.days[r]
        if mine_days and theirs and mine_days[0] == theirs[0] and max(
                (theirs[1] - mine_days[2]).days, (mine_days[1] - theirs[2]).days) > max(match.cfg.date_window_days, match.cfg.coarse_date_window_days):
            continue      # every report of that group is firmly dated days away (see `_far_apart`)
        for y in forest.members[r]:
            why = match(events[y], e)
            if why is not None:
                found.append((y, why))
                break
    for y, _ in found:
        forest.union(y, e.id)
    return [((y, e.id) if y < e.id else (e.id, y)) + (why,) for y, why in found]


def _spanning_links(evs: list[Event], parts: list[list[str]], events: dict, match) -> dict[tuple[str, str], dict]:
    """The links stored for one connected set of reports: a spanning tree of the set, and one of
    each canonical event it is split into (when it is split). Each tree is the one Kruskal's
    algorithm gives over the matching pairs ordered by (larger id, smaller id): every report in
    ascending id order is linked to the smallest matching report of each group of earlier ones.
    It depends on the reports only, so an incremental update stores what a rebuild stores."""
    out: dict[tuple[str, str], dict] = {}
    sets = [sorted(e.id for e in evs)]
    if len(parts) > 1:
        sets += [p for p in parts if len(p) > 1]
    for ids in sets:
        forest = _Forest(match)
        for x in ids:
            forest.add(events[x])
            for a, b, why in _attach(forest, events[x], events, match):
                out[(a, b)] = why
    return out
