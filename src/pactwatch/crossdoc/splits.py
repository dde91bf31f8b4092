"""A connected set of reports whose facts conflict (people, place, date, occasion) is split into
canonical events, in an order that does not depend on when documents arrived."""
from __future__ import annotations

from ..model import Event
from ..places import same_place
from .config import LinkConfig
from .features import _dates_apart, _meeting_modes, _occasion, _other_occasion, _span, _trigger, _weak_date, countries, kind, people
from .matching import _background_apart, _made_when_dated, _own_dated, _told_alike, same_event


def _facts_conflict(a: Event, b: Event, cfg: LinkConfig, doc_dates: dict | None = None) -> bool:
    """Facts that rule out one event, even if a chain of links joins them (besides coming from one
    document): the people, places and dates of two reports."""
    pa, pb = people(a), people(b)
    if pa and pb and not pa & pb and not _told_alike(a, b):
        return True
    if _other_occasion(a, b):
        return True
    if a.location and b.location and not same_place(a.location, b.location):
        return True
    if not _weak_date(a) and not _weak_date(b):
        if _dates_apart(a.date, b.date, cfg):
            return not (a.event_type == b.event_type == "AGREE" and doc_dates is not None
                        and _made_when_dated(a, b, doc_dates, cfg))
    elif _weak_date(a) and _weak_date(b) and doc_dates is not None and _background_apart(a, b, doc_dates, cfg):
        # two reports with no date of their own are held to one event by their articles' times alone: articles
        # further apart than `background_window_days` tell two events (as `same_event` says of the pair), even
        # when a chain of such reports, each near the next, joins them
        return True
    return False


def _conflict_key(e: Event, doc_dates: dict) -> tuple:
    """Everything `_facts_conflict` reads of a report: two reports with the same key never conflict
    (unless they come from one document), and a third conflicts with both or with neither."""
    loc = e.location
    return (e.event_type, frozenset(people(e)),
            (loc.name, loc.country, loc.lat, loc.lon, loc.geonames_id) if loc else None,
            None if _weak_date(e) else e.date,
            doc_dates.get(e.doc_id) if e.event_type == "AGREE" or _weak_date(e) else None, _occasion(e),
            _meeting_modes(e),
            # what `_told_alike` reads besides the above
            frozenset(countries(e)), kind(e), _trigger(e), ((e.why or {}).get("event_type") or [None])[0], _own_dated(e),
            frozenset(e.topics))


def _strength(why: dict | None) -> tuple:
    """How much two matching reports share: the number of reasons they match by, then their evidence similarity."""
    return (len(why), why.get("evidence_similarity", 0.0)) if why else (0, 0.0)


def _split(evs: list[Event], match, cfg: LinkConfig) -> list[list[str]]:
    """A connected set of reports whose members conflict is split: members in a fixed order (date,
    id) join the part they match best among its first reports (`split_representatives`, compared
    with all of them it would cost reports squared) and conflict with no one in, then each may move once
    to a part it matches better; the order does not depend on when documents arrived, so neither does
    the result. Conflicts are tested between
    distinct `_conflict_key`s, not between all pairs of reports."""
    ids = sorted(e.id for e in evs)
    if len(evs) <= 2:
        return [ids]
    dd = match.doc_dates
    by = {e.id: e for e in evs}
    key = {e.id: _conflict_key(e, dd) for e in evs}
    rep: dict[tuple, Event] = {}
    for m in ids:
        rep.setdefault(key[m], by[m])
    memo: dict[tuple, bool] = {}

    def clash(s, t) -> bool:
        if s == t:
            return False
        if (s, t) not in memo:
            memo[(s, t)] = memo[(t, s)] = _facts_conflict(rep[s], rep[t], cfg, dd)
        return memo[(s, t)]

    keys = list(rep)
    if len({e.doc_id for e in evs}) == len(evs) and not any(
            clash(s, t) for i, s in enumerate(keys) for t in keys[i + 1:]):
        return [ids]
    order = sorted(ids, key=lambda m: ((by[m].date or "9999") if not _weak_date(by[m]) else "9999", m))
    parts = _Parts(by, key, clash, match, cfg)
    for m in order:
        home = parts.best(m)
        parts.put(m, home[0] if home else None)
    # one pass of second thoughts: a report placed before the report it shares most with was placed ("a
    # five-day state visit", with no day of its own, came before the report of the visit from another article
    # and joined a tour made during it) moves to the part it now matches better, if any
    for m in order:
        mine = parts.of[m]
        here = parts.strength(m, mine) or (-1, 0.0)      # alone in its part: any part it matches now
        home = parts.best(m, skip=mine)
        if home and home[1] > here:
            parts.take(m)
            parts.put(m, home[0])
    return parts.lists()


class _Parts:
    """The parts a connected set is split into while `_split` places its reports: each part's reports in the
    order they joined (its first `split_representatives` are the ones compared with), documents and conflict
    keys, filed under the time blocks of its representatives (`forest._slots`), so that a report is compared
    only with the parts whose representatives it can reach (`forest._reach`): the others it cannot match."""

    def __init__(self, by: dict, key: dict, clash, match, cfg: LinkConfig):
        self.by, self.key, self.clash, self.match, self.cfg = by, key, clash, match, cfg
        self.members: list[list[str]] = []
        self.docs: list[dict[str, str]] = []
        self.keys: list[dict[tuple, list[str]]] = []
        self.by_slot: dict[tuple, list[int]] = {}
        self.of: dict[str, int] = {}
        self.strengths: dict[tuple[str, str], tuple] = {}

    def strength(self, m: str, i: int) -> tuple | None:
        """How well m matches part i: the best `_strength` with its representatives (m aside), computed afresh
        from the two reports (not read from stored links), so that an update splits as a rebuild does; None
        when it matches none of them."""
        e = self.by[m]
        got = [self._pair_strength(m, o)
               for o in [x for x in self.members[i] if x != m][:self.cfg.split_representatives]
               if self.match(e, self.by[o]) is not None]
        return max(got) if got else None

    def _pair_strength(self, m: str, o: str) -> tuple:
        """`_strength` of `same_event(m, o)`, each ordered pair computed once (a report is weighed against
        the same representatives when placed and again in the second pass)."""
        if (m, o) not in self.strengths:
            self.strengths[(m, o)] = _strength(same_event(self.by[m], self.by[o], self.match.doc_dates, self.cfg))
        return self.strengths[(m, o)]

    def best(self, m: str, skip: int | None = None) -> tuple[int, tuple] | None:
        """The part m matches best besides part `skip` (a report of one visit that matches both that visit and a
        tour made during it, two parts from one article, joins the one it shares more with), among those holding
        no report of its document and none whose facts conflict with its own: (part, strength), or None."""
        from .forest import _reach, _time_args
        e, s = self.by[m], self.key[m]
        reach = _reach(*_time_args(e, self.match.doc_dates), self.cfg)
        near = range(len(self.members)) if reach is None else sorted(
            {i for slot in [("T",), *reach] for i in self.by_slot.get(slot, ())})
        home = None
        for i in near:
            if i == skip or not self.members[i] or self.docs[i].get(e.doc_id, m) != m \
                    or any(self.clash(s, t) for t in self.keys[i]):
                continue
            got = self.strength(m, i)
            if got is not None and (home is None or got > home[1]):
                home = (i, got)
        return home

    def put(self, m: str, i: int | None) -> None:
        """m joins part i (None: a new part)."""
        from .forest import _slots, _time_args
        if i is None:
            i = len(self.members)
            self.members.append([])
            self.docs.append({})
            self.keys.append({})
        e = self.by[m]
        if len(self.members[i]) < self.cfg.split_representatives:     # one more representative: file the part
            for slot in _slots(*_time_args(e, self.match.doc_dates), self.cfg) or [("T",)]:
                if i not in self.by_slot.setdefault(slot, []):
                    self.by_slot[slot].append(i)
        self.members[i].append(m)
        self.docs[i][e.doc_id] = m
        self.keys[i].setdefault(self.key[m], []).append(m)
        self.of[m] = i

    def take(self, m: str) -> None:
        """m leaves its part (which stays filed where it was: the time blocks only narrow the comparisons)."""
        i = self.of.pop(m)
        self.members[i].remove(m)
        del self.docs[i][self.by[m].doc_id]
        k = self.keys[i][self.key[m]]
        k.remove(m)
        if not k:
            del self.keys[i][self.key[m]]

    def lists(self) -> list[list[str]]:
        return [sorted(p) for p in self.members if p]
