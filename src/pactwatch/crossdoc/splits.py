"""A connected set of reports whose facts conflict (people, place, date, occasion) is split into
canonical events, in an order that does not depend on when documents arrived."""
from __future__ import annotations

from ..model import Event
from ..places import same_place
from .config import LinkConfig
from .features import _meeting_modes, _occasion, _other_occasion, _span, _trigger, _weak_date, countries, kind, people
from .matching import _made_when_dated, _own_dated, _told_alike, same_event


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
        sa_, sb_ = _span(a.date), _span(b.date)
        if sa_ and sb_ and max((sb_[0] - sa_[1]).days, (sa_[0] - sb_[1]).days, 0) > cfg.date_window_days:
            return not (a.event_type == b.event_type == "AGREE" and doc_dates is not None
                        and _made_when_dated(a, b, doc_dates, cfg))
    return False


def _conflict_key(e: Event, doc_dates: dict) -> tuple:
    """Everything `_facts_conflict` reads of a report: two reports with the same key never conflict
    (unless they come from one document), and a third conflicts with both or with neither."""
    loc = e.location
    return (e.event_type, frozenset(people(e)),
            (loc.name, loc.country, loc.lat, loc.lon, loc.geonames_id) if loc else None,
            None if _weak_date(e) else e.date,
            doc_dates.get(e.doc_id) if e.event_type == "AGREE" else None, _occasion(e), _meeting_modes(e),
            # what `_told_alike` reads besides the above
            frozenset(countries(e)), kind(e), _trigger(e), ((e.why or {}).get("event_type") or [None])[0], _own_dated(e),
            frozenset(e.topics))


def _strength(why: dict | None) -> tuple:
    """How much two matching reports share: the number of reasons they match by, then their evidence similarity."""
    return (len(why), why.get("evidence_similarity", 0.0)) if why else (0, 0.0)


def _split(evs: list[Event], match, cfg: LinkConfig) -> list[list[str]]:
    """A connected set of reports whose members conflict is split: members in a fixed order (date,
    id) join the part they match best among its first reports (`split_representatives`, compared
    with all of them it would cost reports squared) and conflict with no one in; the order does not
    depend on when documents arrived, so neither does the result. Conflicts are tested between
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
    parts: list[tuple[list[str], set[str], dict[tuple, list[str]]]] = []
    # parts by the time blocks of their representatives (`forest._slots`): a report is compared only
    # with the parts whose representatives it can reach (`forest._reach`), the others it cannot match
    from .forest import _reach, _slots, _time_args
    by_slot: dict[tuple, list[int]] = {}
    for m in order:
        e, s = by[m], key[m]
        home, best = None, None
        reach = _reach(*_time_args(e, dd), cfg)
        near = range(len(parts)) if reach is None else sorted(
            {i for slot in [("T",)] + reach for i in by_slot.get(slot, ())})
        for p in (parts[i] for i in near):
            if e.doc_id in p[1] or any(clash(s, t) for t in p[2]):
                continue
            # the part it matches best: a report of one visit that matches both that visit and a tour made during
            # it (two parts, from one article) joins the part it shares more with; the strength is computed afresh
            # from the two reports (not read from stored links), so that an update splits as a rebuild does
            # compared with the part's representatives: its first reports (`split_representatives`)
            got = [_strength(same_event(e, by[o], dd, cfg)) for o in p[0][:cfg.split_representatives]
                   if match(e, by[o]) is not None]
            if got and (best is None or max(got) > best):
                home, best = p, max(got)
        if home is None:
            home = ([], set(), {})
            parts.append(home)
        if len(home[0]) < cfg.split_representatives:     # one more representative: file the part under its blocks
            at = parts.index(home) if home is not parts[-1] else len(parts) - 1
            for slot in _slots(*_time_args(e, dd), cfg) or [("T",)]:
                if at not in by_slot.setdefault(slot, []):
                    by_slot[slot].append(at)
        home[0].append(m)
        home[1].add(e.doc_id)
        home[2].setdefault(s, []).append(m)
    return [sorted(p[0]) for p in parts]
