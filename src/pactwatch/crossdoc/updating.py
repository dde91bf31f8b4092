"""Keeping the cross-document layer in step with the store: an incremental `update` for new or
changed documents, a full `rebuild`, and the refresh of the commitments and agreements they touch."""
from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterable

from ..model import Event
from .agreements import agreement_sources, build_agreements
from .canonical import _canonical, _participant_countries, canonical_events
from .commitments import (_made, _past, _promised, build_commitments, clause_purpose, clause_rest,
                          reached_promises)
from .fulfilment import _more_cues
from .config import LinkConfig
from .features import _date, norm_name, _person_names, countries
from .forest import _attach, _DocDates, _Forest, _Matcher, _reach, _slots, _spanning_links, _time_args, _Union
from .splits import _split


@dataclass
class LinkReport:
    new_links: int = 0
    clusters_touched: int = 0
    commitments: int = 0
    agreements: int = 0
    dropped_links: int = 0        # links no longer in a canonical event's spanning set
    comparisons: int = 0          # pairs of reports tested with `same_event`

    def __str__(self) -> str:
        return (f"linked: {self.new_links} new cross-document link(s), {self.clusters_touched} canonical "
                f"event(s) updated, {self.commitments} commitment(s) and {self.agreements} agreement(s) refreshed")


class _Loaded:
    """Events loaded from the store once per update (the store is the only source)."""

    def __init__(self, store):
        self.store, self.cache = store, {}
        self.dates = _DocDates(store)
        self.records: dict[tuple, dict] = {}    # canonical records built in this update (`canonical_events`)
        self.rests: dict[int, tuple] = {}       # id(record) -> (record, clause rest, purpose): `_clause_rests`
        self.sourced: dict[int, tuple] = {}     # id(record) -> (record, an agreement source): `_sources`

    def __call__(self, ids) -> list[Event]:
        ids = list(ids)
        missing = [i for i in ids if i not in self.cache]
        if missing:
            self.cache.update({e.id: e for e in self.store.events_by_ids(missing)})
        return [self.cache[i] for i in ids if i in self.cache]


def update(store, doc_ids: Iterable[str], cfg: LinkConfig | None = None,
           stale_clusters: Iterable[str] = (), derived: bool = True, load=None,
           jobs: int = 1, map_fn: MapFn | None = None) -> LinkReport:
    """Link the events of these (new or changed) documents into the cross-document layer.

    The work is bounded by the reports, not by their pairs: a new report is compared only with the
    reports of its blocks (its category, a country, person or place it names, and the time its dates
    can reach: `forest._reach`), with each group of already linked reports there only until one
    member matches, and a canonical event stores a spanning set of its links (`_spanning_links`),
    so k reports of one event cost about k comparisons and k - 1 links, not k^2/2 of each.
    Categories are independent blocks, and so are canonical events once found: both steps run
    through `map_fn(fn, items)` (default: a pool of `jobs` worker processes, or the plain `map` for
    one job), with the same result whatever runs them. `derived=False` leaves commitments and
    agreements to the caller (a rebuild refreshes them once at the end); `load` (a `_Loaded`) lets a
    rebuild read each event once for all its steps."""
    with store.link_turn(), _mapper(jobs, map_fn) as run:
        return _update(store, doc_ids, cfg or LinkConfig(), stale_clusters, derived, load or _Loaded(store), run)


def _update(store, doc_ids, cfg: LinkConfig, stale_clusters, derived: bool, load, run) -> LinkReport:
    report = LinkReport()
    stale_clusters = set(stale_clusters)
    new_ids = store.event_ids(doc_ids)
    if not new_ids and not stale_clusters:
        return report
    # reports that were linked to a replaced document's events are compared again, like new ones:
    # their stored links may have gone through an event that no longer exists
    stale_ids: set[str] = set()
    if stale_clusters:
        stale_ids = _closure(store, {m for ms in store.cluster_members(stale_clusters).values() for m in ms})[0]
    known: dict[tuple[str, str], dict | None] = {}     # pairs compared so far, with their reasons
    seed_ids = set(new_ids) | stale_ids
    while True:
        groups, events, tests = _discover(store, load, seed_ids, cfg, run, known)
        report.comparisons += tests
        joined = {m for g in groups for m in g} - seed_ids
        if not stale_clusters or not joined:
            break
        # after a replacement, the groups the others joined are compared again too, until none is
        # left: whatever is still one event with them is found by comparisons, not by stored links
        seed_ids |= _closure(store, joined)[0]
    # 2. the whole canonical events concerned: the groups reached, with every report their stored
    #    links reach, and the new reports
    nodes = {m for g in groups for m in g}
    reached, stored = _closure(store, nodes)
    known.update(stored)      # stored links are known matches: not compared again
    units = _Union()
    for ms in groups:
        for m in ms[1:]:
            units.union(ms[0], m)
    for a, b in stored:
        units.union(a, b)
    for n in reached | nodes:
        units.find(n)
    loaded = {e.id: e for e in load(sorted(reached - set(events)))}
    events.update(loaded)
    load.dates.need({e.doc_id for e in loaded.values()})
    # 3. per canonical event: its reports split where they conflict, its spanning set of links
    mapping: dict[str, str] = {}
    want: dict[tuple[str, str], dict] = {}
    items = []
    chunks = _chunks([[events[m] for m in sorted(ms) if m in events] for ms in units.groups()])
    chunk_of = {e.id: n for n, chunk in enumerate(chunks) for evs in chunk for e in evs}
    known_in: list[dict] = [{} for _ in chunks]      # the pairs known within each chunk, in `known`'s order
    for k, v in known.items():
        n = chunk_of.get(k[0])
        if n is not None and chunk_of.get(k[1]) == n:
            known_in[n][k] = v
    for chunk, known_here in zip(chunks, known_in):
        items.append((chunk, {d: load.dates.get(d) for d in {e.doc_id for evs in chunk for e in evs}}, cfg,
                      known_here))
    for parts, links, tests in run(_link_units, items):
        for p in parts:
            mapping.update({m: p[0] for m in p})
        want.update(links)
        report.comparisons += tests
    drop = sorted(set(stored) - set(want))
    add = [(a, b, why) for (a, b), why in sorted(want.items()) if (a, b) not in stored]
    _drop_links(store, drop)
    store.add_links(add)
    report.new_links, report.dropped_links = len(add), len(drop)
    before = store.clusters(mapping)
    store.set_clusters(mapping)
    report.clusters_touched = len(set(mapping.values()))
    if derived and not stale_clusters:
        # the canonical events the update made, changed or removed, and what they can change
        report.commitments, report.agreements = refresh_changed(store, mapping, before, cfg, load)
    elif derived:
        scope, days = set(), []
        for e in load(mapping):
            scope |= countries(e)
            days += [_date(load.dates.get(e.doc_id)), _date(e.date)]
        # the promises a touched report can change: its own, and those made at most fulfil_window_days
        # before the earliest of them (a report first reported later carries out no promise made before)
        since = None
        if days and all(days[::2]):
            since = (min(d for d in days if d) - dt.timedelta(days=cfg.fulfil_window_days)).isoformat()
        report.commitments, report.agreements = refresh_derived(store, scope, cfg, load, since=since,
                                                                touched=set(mapping))
    return report


def _discover(store, load, seed_ids: set[str], cfg: LinkConfig, run, known: dict) -> tuple[list[list[str]], dict, int]:
    """1. Which reports belong together: the linked reports already stored form groups (one per
    canonical event, no comparisons); each of these reports joins every group it matches a member of.
    Categories are independent (reports of two never match): one block each, through `run`. The
    groups the seeds are in (each its members in ascending order), the events loaded, the comparisons."""
    seeds = load(sorted(seed_ids))
    seed_ids = {e.id for e in seeds}
    old = load(sorted(_candidates(store, seeds, load, cfg) - seed_ids))
    events = {e.id: e for e in old + seeds}
    load.dates.need({e.doc_id for e in events.values()})
    part = store.clusters(e.id for e in old)
    blocks: dict[str, tuple[list, list]] = {}
    for e in old:
        blocks.setdefault(e.event_type, ([], []))[0].append(e)
    for e in seeds:
        blocks.setdefault(e.event_type, ([], []))[1].append(e)
    items = []
    for t in sorted(blocks, key=lambda t: -len(blocks[t][0]) - len(blocks[t][1])):   # the largest first
        olds, news = blocks[t]
        if not news:
            continue
        items.append((olds, {e.id: part[e.id] for e in olds if e.id in part}, news,
                      {d: load.dates.get(d) for d in {e.doc_id for e in olds + news}}, cfg))
    groups, tests = [], 0
    for got, cache, n in run(_discover_block, items):
        groups += got
        known.update(cache)
        tests += n
    return groups, events, tests


def _discover_block(item) -> tuple[list[list[str]], dict, int]:
    """One category's block of `_discover` (a top-level function of plain data, for a worker process):
    the groups its seeds end in, the pairs compared (with their reasons), how many were compared."""
    old, part, seeds, doc_dates, cfg = item
    match = _Matcher(doc_dates, cfg)
    forest = _Forest(match)
    events = {e.id: e for e in old + seeds}
    for e in sorted(old, key=lambda e: e.id):
        forest.add(e)
        first = part.get(e.id, e.id)
        if first in forest.parent:
            forest.union(first, e.id)
        else:
            forest.alias(first, e.id)
    for e in sorted(seeds, key=lambda e: e.id):
        forest.add(e)
        _attach(forest, e, events, match)
    touched = sorted({forest.find(e.id) for e in seeds})
    groups = [list(forest.members[r]) for r in touched]
    # of the pairs compared, only those within one group can be read again (step 3 links each canonical
    # event's reports among themselves): the others are not kept (on a large rebuild they are most of the
    # comparisons, and of the memory)
    where = {m: n for n, g in enumerate(groups) for m in g}
    kept = {k: v for k, v in match.cache.items() if where.get(k[0], -1) == where.get(k[1], -2)}
    return groups, kept, match.tests


def _link_units(item) -> tuple[list[list[str]], dict, int]:
    """Step 3 for a chunk of canonical events (a top-level function of plain data, for a worker
    process): each one's reports split where they conflict, and its spanning set of links."""
    units, doc_dates, cfg, known = item
    match = _Matcher(doc_dates, cfg)
    match.cache.update(known)
    parts_out, want = [], {}
    for evs in units:
        events = {e.id: e for e in evs}
        parts = _split(evs, match, cfg)
        parts_out += parts
        want.update(_spanning_links(evs, parts, events, match))
    return parts_out, want, match.tests


UNITS_PER_ITEM = 256    # canonical events per work item of step 3 (fewer, larger items cost less to send)


def _chunks(units: list[list[Event]]) -> list[list[list[Event]]]:
    """Canonical events in work items of about UNITS_PER_ITEM events' worth of reports each, the
    largest events first (so that a pool is not left waiting on one at the end)."""
    units = sorted((u for u in units if u), key=lambda u: (-len(u), u[0].id))
    out, cur, size = [], [], 0
    for u in units:
        cur.append(u)
        size += len(u)
        if size >= UNITS_PER_ITEM:
            out.append(cur)
            cur, size = [], 0
    if cur:
        out.append(cur)
    return out


MapFn = Callable[[Callable, Iterable], Iterable]
PARALLEL_MIN_EVENTS = 2000   # below this many reports in an update, one process does it (a pool costs more)


@contextmanager
def _mapper(jobs: int, map_fn: MapFn | None):
    """The `run(fn, items) -> list` of an update: `map_fn` if given (a Ray engine's `map`, say), else
    a pool of `jobs` worker processes (forked where the system can), else the plain `map`. Each item
    is plain data and `fn` a top-level function, so any of these gives the same result."""
    if map_fn is not None:
        def run_on(fn, items):
            items = list(items)
            if len(items) < 2 or sum(_weight(i) for i in items) < PARALLEL_MIN_EVENTS:
                return list(map(fn, items))     # small work: sending it away costs more than it saves
            return list(map_fn(fn, items))
        yield run_on
        return
    if jobs <= 1:
        yield lambda fn, items: list(map(fn, items))
        return
    state: dict = {}

    def run(fn, items):
        items = list(items)
        if len(items) < 2 or sum(_weight(i) for i in items) < PARALLEL_MIN_EVENTS:
            return list(map(fn, items))
        if "pool" not in state:
            ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
            state["pool"] = ctx.Pool(jobs)
        return state["pool"].map(fn, items, chunksize=1)

    try:
        yield run
    finally:
        if "pool" in state:
            state["pool"].close()
            state["pool"].join()


def _weight(item) -> int:
    """How many reports a work item holds (`_discover_block`'s or `_link_units`')."""
    if len(item) == 5:
        return len(item[0]) + len(item[2])
    return sum(len(u) for u in item[0])


def _candidates(store, seeds: list[Event], load=None, cfg: LinkConfig | None = None) -> set[str]:
    """Ids of the stored events that some of these reports are compared with (a superset)."""
    out: set[str] = set()
    if not seeds:
        return out
    wanted = {(e.event_type, c) for e in seeds for c in countries(e)}
    index = store.candidate_index({t for t, _ in wanted}, {c for _, c in wanted})
    for key, rows in index.items():
        if key in wanted:
            out.update(ev for ev, _ in rows)
    with_c = {n for e in seeds if countries(e) for n in _person_names(e)}
    without_c = {n for e in seeds if not countries(e) for n in _person_names(e)}
    for names, only in ((with_c, True), (without_c, False)):
        for rows in store.candidate_event_ids_with_people(names, only).values():
            out.update(ev for ev, _, _ in rows)
    places = {(e.event_type, e.location.name, bool(countries(e)) and e.event_type != "CONSULT")
              for e in seeds if e.location}
    out.update(store.candidate_event_ids_at(places))
    return _in_reach(store, seeds, out - {e.id for e in seeds}, load, cfg)


def _in_reach(store, seeds: list[Event], ids: set[str], load=None, cfg: LinkConfig | None = None) -> set[str]:
    """Of these stored events, those in a time block some report of their category among the seeds can
    reach (`forest._reach`): the others are not loaded at all, so an update reads the reports of its
    own time, not the whole archive."""
    cfg = cfg or LinkConfig()
    dates = load.dates if load is not None else _DocDates(store)
    dates.need({e.doc_id for e in seeds})
    reach: dict[str, set | None] = {}
    for e in seeds:
        got = _reach(*_time_args(e, dates), cfg)
        if got is None or reach.get(e.event_type, set()) is None:
            reach[e.event_type] = None
        else:
            reach.setdefault(e.event_type, set()).update(got)
    out = set()
    for i, (typ, date, text, made) in store.event_times(ids).items():
        if typ not in reach:
            continue
        mine, slots = reach[typ], _slots(typ, date, text, made, cfg)
        if mine is None or slots is None or not mine.isdisjoint(slots):
            out.add(i)
    return out


def _closure(store, ids: set[str]) -> tuple[set[str], dict[tuple[str, str], dict]]:
    """These reports, the other members of their canonical events, and all that stored links
    reach from them; with the stored links among them and their reasons."""
    nodes = set(ids)
    clusters = store.clusters(nodes)
    for ms in store.cluster_members(set(clusters.values())).values():
        nodes.update(ms)
    edges: dict[tuple[str, str], dict] = {}
    frontier, seen = set(nodes), set()
    while frontier:
        seen |= frontier
        nxt = set()
        for a, b, why in store.links(frontier):
            edges[(a, b)] = why
            nxt.update((a, b))
        frontier = nxt - seen
    return seen, edges


def _drop_links(store, pairs: list[tuple[str, str]]) -> None:
    """Remove stored links that are no longer in a canonical event's spanning set."""
    if pairs:
        store.drop_links(pairs)


def rebuild(store, cfg: LinkConfig | None = None, jobs: int = 1, map_fn: MapFn | None = None) -> LinkReport:
    """Recompute the whole cross-document layer from the per-document events (`jobs`, `map_fn`: as
    for `update`)."""
    with store.link_turn():
        return _rebuild(store, cfg, jobs, map_fn)


def _rebuild(store, cfg: LinkConfig | None, jobs: int, map_fn: MapFn | None) -> LinkReport:
    store.clear_links()
    docs = sorted(store.document_dates())
    report = LinkReport()
    cfg = cfg or LinkConfig()
    load = _Loaded(store)
    with _mapper(jobs, map_fn) as run:
        for i in range(0, len(docs), REBUILD_BATCH):
            r = _update(store, docs[i:i + REBUILD_BATCH], cfg, (), False, load, run)
            report.new_links += r.new_links - r.dropped_links
            report.comparisons += r.comparisons
    report.clusters_touched = len(set(store.clusters().values()))
    report.commitments, report.agreements = refresh_derived(store, None, cfg, load)
    return report


REBUILD_BATCH = 10_000   # documents linked per step of a rebuild (each step recomputes the canonical events it touches)


def refresh_derived(store, scope: set[str] | None, cfg: LinkConfig, load=None, since: str | None = None,
                    touched: set[str] = frozenset()) -> tuple[int, int]:
    """Recompute commitments and agreements that involve these countries (all if None). With `since`
    (an incremental update: `touched` holds the reports it changed), only the commitments of promises
    made from that day on, or of touched canonical events, are recomputed; the others cannot have
    changed (what carries them out was first reported before any touched report, `fulfil_window_days`)
    and are kept, with the status their due date has as of the latest document (as a rebuild gives).
    (An update that replaced documents comes here; other updates recompute less: `refresh_changed`.)"""
    canon, scope = _widened(store, scope, load)
    as_of = store.latest_document_date()
    rest, purpose = _clause_rests(store, canon, load)
    if since is None or scope is None:
        commitments = build_commitments(canon, as_of, cfg, rest)
    else:
        fresh = {r["id"] for r in canon if (_made(r) or "") >= since or not _made(r) or set(r["mentions"]) & touched}
        ids = {r["id"] for r in canon}
        kept = [_as_of(c, as_of, cfg) for c in store.derived("commitment")
                if (set(c.get("countries") or ()) & scope or (not c.get("countries") and "" in scope))
                and c["event_id"] in ids and c["event_id"] not in fresh and c["event_id"] not in touched]
        new = build_commitments(canon, as_of, cfg, rest, only=fresh, kept=kept)
        # an invitation that a recomputed promise now makes its own is no commitment of its own
        invited = {c["resolved_by"] for c in new if c["resolved_by"] and _more_cues()["invited"].search(c["what"])}
        commitments = [c for c in kept if not (c["id"].endswith("-invitation") and c["resolved_by"] in invited)] + new
    agreements = build_agreements(canon, rest, purpose)
    store.replace_derived("commitment", commitments, scope)
    store.replace_derived("agreement", agreements, scope)
    store.put_agreement_sources(_sources(canon, rest, purpose, load), replace=scope)
    return len(commitments), len(agreements)


def _sources(canon: list[dict], rest: dict, purpose: dict, load=None) -> dict[str, list[str]]:
    """id -> countries of the records agreements are built from (`agreement_sources`). `rest` and
    `purpose` are `_clause_rests`' of these records; with `load` (a `_Loaded`), what a record of this
    update was found to be is not worked out again (the test reads the record and its clause alone)."""
    memo = getattr(load, "sourced", None)
    if memo is None:
        ids = agreement_sources(canon, rest, purpose)
    else:
        todo = [r for r in canon if memo.get(id(r), (None,))[0] is not r]
        found = agreement_sources(todo, rest, purpose)
        for r in todo:
            memo[id(r)] = (r, r["id"] in found)
        ids = {r["id"] for r in canon if memo[id(r)][1]}
    return {r["id"]: sorted(_participant_countries(r)) for r in canon if r["id"] in ids}


def _widened(store, scope: set[str] | None, load, read=None) -> tuple[list[dict], set[str] | None]:
    """The canonical records of these countries (all if None; `read(store, scope, load)`, by default
    `_scoped_canon`), and the scope widened so that an agreement they name is rebuilt whole: to the
    parties of a stored agreement of the same name (which may lie outside the scope), and to those of an
    unnamed one that joined mentions of nested parties; with "" for the records that involve no country."""
    read = read or _scoped_canon
    canon = read(store, scope, load)
    if scope is None:
        return canon, None
    names = {norm_name(r["agreement"]["name"]) for r in canon if (r["agreement"] or {}).get("name")}
    more = {c for a in store.derived("agreement") if (norm_name(a["name"]) in names if a["name"] else
                                                         set(a["parties"]) & set(scope))
            for c in a["parties"]} - set(scope)
    if more:
        scope = set(scope) | more
        canon = read(store, scope, load)
    return canon, set(scope) | {""}


def _source_canon(store, scope: set[str] | None, load) -> list[dict]:
    """`_scoped_canon` of the records agreements are built from only (`Store.agreement_sources`)."""
    ids = store.agreement_sources(None if scope is None else set(scope) | {""})
    canon = [r for r in canonical_events(store, ids, load, coded_roles=False, reasons=False) if r["id"] in ids]
    if scope is not None:
        canon = [r for r in canon if not _participant_countries(r) or _participant_countries(r) & set(scope)]
    return canon


def _changed_groups(mapping: dict[str, str], before: dict[str, str]) -> tuple[dict, dict]:
    """Of the canonical events an update recomputed (`mapping`: report -> canonical id, `before`: the
    stored ones before it, for the reports that had one), those whose reports are not what they were:
    (new id -> reports) and (old id -> reports) of these. A report stored before was always linked (every
    report of a linked document has a canonical id), so one with none is new."""
    new: dict[str, set] = {}
    old: dict[str, set] = {}
    for m, k in mapping.items():
        new.setdefault(k, set()).add(m)
        if m in before:
            old.setdefault(before[m], set()).add(m)
    return ({k: v for k, v in new.items() if old.get(k) != v or not all(m in before for m in v)},
            {k: v for k, v in old.items() if new.get(k) != v})


def refresh_changed(store, mapping: dict[str, str], before: dict[str, str], cfg: LinkConfig, load) -> tuple[int, int]:
    """The commitments and agreements an update can change, and only those (it reads the records of their
    windows, not the archive): the commitments of promises among the canonical events it made or changed,
    and of the promises such an event (as it is now, or as it was) lies in the pool of and is weighed
    for, or that it resolved (`reached_promises`); the agreements of the countries of the changed events
    that may name or type one. Every other commitment is kept, brought to the latest document's date.
    The result is a rebuild's: what a commitment's status depends on is its own record and the records
    weighed for it, and none of these changed for the others."""
    new_groups, old_groups = _changed_groups(mapping, before)
    as_of = store.latest_document_date()
    stored = {c["id"]: c for c in store.derived("commitment")}
    if not new_groups and not old_groups:
        return _restamp(store, stored, set(), [], as_of, cfg), 0
    changed = canonical_events(store, {m for v in new_groups.values() for m in v}, load, coded_roles=False, reasons=False)
    changed = [r for r in changed if r["id"] in new_groups]
    events = {e.id: e for e in load({m for v in old_groups.values() for m in v})}
    docs = store.document_dates({e.doc_id for e in events.values()})
    was = [_canonical(k, [events[m] for m in sorted(v) if m in events], docs, []) for k, v in sorted(old_groups.items())
           if any(m in events for m in v)]
    ids = set(new_groups) | set(old_groups)
    built = {m for v in new_groups.values() for m in v}     # the reports of `changed`: not built again
    # the promises whose window a changed record lies in: made at most fulfil_window_days before it was
    # first reported, and not after it (or of no known day), of its countries
    lo, hi, countries_ = None, "", set()
    for r in changed + was:
        countries_ |= _participant_countries(r)
        day = _date(r["first_reported"]) or _date(r["date"])
        if day is None:
            lo, hi = "", None
        elif hi is not None:
            start = (day - dt.timedelta(days=cfg.fulfil_window_days)).isoformat()
            lo = start if lo is None else (min(lo, start) if lo else lo)
            hi = max(hi, day.isoformat())
    found = store.events_in_window(countries_, lo or None, hi, ("AGREE", "CONSULT"))
    promises = [r for r in canonical_events(store, found - built, load, coded_roles=False, reasons=False)
                if _promised(r) and r["id"] not in new_groups]
    rest, _ = _clause_rests(store, promises, load)
    redo = reached_promises(promises, changed, cfg, rest) | reached_promises(promises, was, cfg, rest)
    redo |= {c["event_id"] for c in stored.values() if c["resolved_by"] in ids}
    redo -= ids
    # the promises recomputed, with the records of their windows
    records = {r["id"]: r for r in changed}
    again = [r for r in promises if r["id"] in redo]
    missing = redo - {r["id"] for r in again}
    if missing:     # resolved by a changed record, but not found in the windows read above
        again += [r for r in canonical_events(store, missing, load, coded_roles=False, reasons=False) if r["id"] in missing]
    weighed = again + [r for r in changed if _promised(r)]      # the promises recomputed: their pools
    if weighed:
        days = [_date(_made(r)) for r in weighed]
        start = None if None in days else (min(days)).isoformat()
        end = None if None in days else (max(days) + dt.timedelta(days=cfg.fulfil_window_days)).isoformat()
        near = store.events_in_window(countries_.union(*(_participant_countries(r) for r in weighed)), start, end)
        near |= set(store.event_ids({d for r in weighed for d in r["documents"]}))   # what their articles call off
        records.update((r["id"], r) for r in canonical_events(store, near - built, load, coded_roles=False, reasons=False)
                       if r["id"] not in new_groups)
    canon = list(records.values())
    only = {r["id"] for r in changed if _promised(r) or r["event_type"] == "CONSULT"} | {r["id"] for r in again}
    # a visit whose invitation a commitment recomputed here made its own, or no longer does, has its
    # invitation recomputed too (with the commitments kept that are resolved by it)
    # (and a commitment kept for a report that a changed event now takes in: "the committee is expected to meet",
    # weighed alone while its article was not linked yet, is that event's mention, no promise of its own)
    absorbed = {m for k, v in new_groups.items() for m in v if m != k}
    recomputed = {cid for cid, c in stored.items() if c["event_id"] in ids | redo | absorbed}
    invited_by = {c["resolved_by"] for cid, c in stored.items() if cid in recomputed and c["resolved_by"]
                  and _more_cues()["invited"].search(c["what"])}
    visits = [r for r in canonical_events(store, invited_by - set(records), load, coded_roles=False, reasons=False)
              if r["id"] in invited_by]
    canon += visits
    only |= {r["id"] for r in visits}
    kept = [c for cid, c in stored.items() if cid not in recomputed and c["resolved_by"] in only]
    rest.update(_clause_rests(store, [r for r in canon if r["id"] in only and r["id"] not in rest], load)[0])
    new = build_commitments(canon, as_of, cfg, rest, only=only, kept=kept)
    invited = {c["resolved_by"] for c in new if c["resolved_by"] and _more_cues()["invited"].search(c["what"])}
    drop = recomputed | {cid for cid in stored if cid.endswith("-invitation") and stored[cid]["event_id"] in only}
    drop |= {f"c-{v}-invitation" for v in invited} & set(stored)
    n_agreements = _refresh_agreements(store, changed, was, load)
    return _restamp(store, stored, drop, new, as_of, cfg), n_agreements


def _restamp(store, stored: dict[str, dict], drop: set[str], new: list[dict], as_of: str | None, cfg: LinkConfig) -> int:
    """Write an update's commitments: the new ones, those dropped removed, and every other one brought to
    the latest document's date (`_as_of`) where that changes it."""
    fresh = {c["id"] for c in new}
    restamped = [c for cid, c in stored.items() if cid not in drop and cid not in fresh
                 for c in [_as_of(c, as_of, cfg)] if c != stored[cid]]
    store.put_derived("commitment", new + restamped, drop - fresh)
    return len(new)


def _refresh_agreements(store, changed: list[dict], was: list[dict], load) -> int:
    """The agreements an update can change: those of the countries of a changed record that agreements
    are built from (`agreement_sources`), as it is now or as it was, recomputed whole from the records
    of those countries that agreements are built from (read through the list the store keeps of them,
    not from all their records); none when no such record changed."""
    if store.agreement_sources(None) is None:      # a store linked before the list was kept
        canon = _scoped_canon(store, None, load)
        store.put_agreement_sources(_sources(canon, *_clause_rests(store, canon, load), load), replace=None)
    rest, purpose = _clause_rests(store, changed, load)
    now = _sources(changed, rest, purpose, load)
    before = store.agreement_sources(None)
    gone = [r for r in was if r["id"] in before]
    if not now and not gone:
        return 0
    scope = set().union(*(_participant_countries(r) for r in changed + gone if r["id"] in now or r in gone))
    store.put_agreement_sources(now, drop_ids={r["id"] for r in changed + was} - set(now))
    canon, scope = _widened(store, scope, load, read=_source_canon)
    rest, purpose = _clause_rests(store, canon, load)
    agreements = build_agreements(canon, rest, purpose)
    store.replace_derived("agreement", agreements, scope)
    return len(agreements)


def _as_of(c: dict, as_of: str | None, cfg: LinkConfig) -> dict:
    """A kept commitment as of the latest document: an open one past its due date is overdue (the
    last step of `commitments._commitment`)."""
    c = dict(c, as_of=as_of)
    if c["status"] in ("open", "overdue"):
        c["status"], c["status_reason"] = "open", "no later report carries it out"
        if c["due"] and as_of and _past(c["due"], as_of, cfg.due_slack_days, c.get("due_text")):
            c["status"], c["status_reason"] = "overdue", f"due {c['due']}, nothing reported by {as_of}"
    return c


def _clause_rests(store, canon: list[dict], load=None) -> tuple[dict[str, str], dict[str, dict]]:
    """For the promises: record id -> the rest of its promise's clause after the coder's span
    (`clause_rest`), and record id -> the purpose its sentence puts before it (`clause_purpose`); the
    articles' sentences read at once. With `load` (a `_Loaded`), a record of this update is read once."""
    promises = [r for r in canon if _promised(r) and r["evidence"]]
    memo = getattr(load, "rests", None)
    if memo is None:
        memo = {}
        todo = promises
    else:
        todo = [r for r in promises if memo.get(id(r), (None,))[0] is not r]
    if todo:
        sentences = store.sentences_of(r["evidence"][0]["doc_id"] for r in todo)
        for r in todo:
            doc = sentences[r["evidence"][0]["doc_id"]]
            memo[id(r)] = (r, clause_rest(r, doc), clause_purpose(r, doc))
    out, purposes = {}, {}
    for r in promises:
        rest, purpose = memo[id(r)][1:]
        if rest:
            out[r["id"]] = rest
        if purpose:
            purposes[r["id"]] = purpose
    return out, purposes


def _scoped_canon(store, scope: set[str] | None, load) -> list[dict]:
    """Canonical records involving these countries (all if None), and those involving none (always
    refreshed, since no country change would reach them)."""
    if scope is None:
        ids = store.event_ids()
    else:
        ids = sorted({i for c in scope for i in store.events_by_country(c)} | set(store.events_without_country()))
    canon = canonical_events(store, ids, load, coded_roles=False, reasons=False)   # stored records: roles coded when read
    if scope is not None:
        canon = [r for r in canon if not _participant_countries(r) or _participant_countries(r) & set(scope)]
    return canon
