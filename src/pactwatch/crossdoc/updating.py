"""Keeping the cross-document layer in step with the store: an incremental `update` for new or
changed documents, a full `rebuild`, and the refresh of the commitments and agreements they touch."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..model import Event
from .agreements import build_agreements
from .canonical import _participant_countries, canonical_events
from .commitments import _promised, build_commitments, clause_purpose, clause_rest
from .config import LinkConfig
from .features import norm_name, _person_names, countries
from .forest import _attach, _DocDates, _Forest, _Matcher, _spanning_links, _Union
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

    def __call__(self, ids) -> list[Event]:
        ids = list(ids)
        missing = [i for i in ids if i not in self.cache]
        if missing:
            self.cache.update({e.id: e for e in self.store.events_by_ids(missing)})
        return [self.cache[i] for i in ids if i in self.cache]


def update(store, doc_ids: Iterable[str], cfg: LinkConfig | None = None,
           stale_clusters: Iterable[str] = (), derived: bool = True, load=None) -> LinkReport:
    """Link the events of these (new or changed) documents into the cross-document layer.

    The work is bounded by the reports, not by their pairs: a new report is compared with each
    group of already linked reports it could belong to only until one member matches, and a
    canonical event stores a spanning set of its links (`_spanning_links`), so k reports of one
    event cost about k comparisons and k - 1 links, not k^2/2 of each. `derived=False` leaves
    commitments and agreements to the caller (a rebuild refreshes them once at the end); `load`
    (a `_Loaded`) lets a rebuild read each event once for all its steps."""
    load = load or _Loaded(store)
    cfg = cfg or LinkConfig()
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
    match = _Matcher(load.dates, cfg)
    seed_ids = set(new_ids) | stale_ids
    while True:
        seeds, _, events, forest = _discover(store, load, seed_ids, match)
        touched = {forest.find(e.id) for e in seeds}
        joined = {m for r in touched for m in forest.members[r]} - seed_ids
        if not stale_clusters or not joined:
            break
        # after a replacement, the groups the others joined are compared again too, until none is
        # left: whatever is still one event with them is found by comparisons, not by stored links
        seed_ids |= _closure(store, joined)[0]
    # 2. the whole canonical events concerned: the groups reached, with every report their stored
    #    links reach, and the new reports
    nodes = {m for r in touched for m in forest.members[r]}
    reached, stored = _closure(store, nodes)
    match.cache.update(stored)      # stored links are known matches: not compared again
    units = _Union()
    for r in touched:
        ms = forest.members[r]
        for m in ms[1:]:
            units.union(ms[0], m)
    for a, b in stored:
        units.union(a, b)
    for n in reached | nodes:
        units.find(n)
    loaded = {e.id: e for e in load(sorted(reached - set(events)))}
    events.update(loaded)
    match.doc_dates.need({e.doc_id for e in loaded.values()})
    # 3. per canonical event: its reports split where they conflict, its spanning set of links
    mapping: dict[str, str] = {}
    want: dict[tuple[str, str], dict] = {}
    for members in units.groups():
        evs = [events[m] for m in sorted(members) if m in events]
        parts = _split(evs, match, cfg)
        for p in parts:
            mapping.update({m: p[0] for m in p})
        want.update(_spanning_links(evs, parts, events, match))
    drop = sorted(set(stored) - set(want))
    add = [(a, b, why) for (a, b), why in sorted(want.items()) if (a, b) not in stored]
    _drop_links(store, drop)
    store.add_links(add)
    report.new_links, report.dropped_links, report.comparisons = len(add), len(drop), match.tests
    store.set_clusters(mapping)
    report.clusters_touched = len(set(mapping.values()))
    if derived:
        scope = set()
        for e in load(mapping):
            scope |= countries(e)
        report.commitments, report.agreements = refresh_derived(store, scope, cfg, load)
    return report


def _discover(store, load, seed_ids: set[str], match) -> tuple[list[Event], list[Event], dict, "_Forest"]:
    """1. Which reports belong together: the linked reports already stored form groups (one per
    canonical event, no comparisons); each of these reports joins every group it matches a member of."""
    seeds = load(sorted(seed_ids))
    seed_ids = {e.id for e in seeds}
    old = load(sorted(_candidates(store, seeds) - seed_ids))
    events = {e.id: e for e in old + seeds}
    match.doc_dates.need({e.doc_id for e in events.values()})
    forest = _Forest()
    part = store.clusters(e.id for e in old)
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
    return seeds, old, events, forest


def _candidates(store, seeds: list[Event]) -> set[str]:
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


def rebuild(store, cfg: LinkConfig | None = None) -> LinkReport:
    """Recompute the whole cross-document layer from the per-document events."""
    store.clear_links()
    docs = sorted(store.document_dates())
    report = LinkReport()
    cfg = cfg or LinkConfig()
    load = _Loaded(store)
    for i in range(0, len(docs), REBUILD_BATCH):
        r = update(store, docs[i:i + REBUILD_BATCH], cfg, derived=False, load=load)
        report.new_links += r.new_links - r.dropped_links
        report.comparisons += r.comparisons
    report.clusters_touched = len(set(store.clusters().values()))
    report.commitments, report.agreements = refresh_derived(store, None, cfg, load)
    return report


REBUILD_BATCH = 10_000   # documents linked per step of a rebuild (each step recomputes the canonical events it touches)


def refresh_derived(store, scope: set[str] | None, cfg: LinkConfig, load=None) -> tuple[int, int]:
    """Recompute commitments and agreements that involve these countries (all if None)."""
    canon = _scoped_canon(store, scope, load)
    if scope is not None:
        # an agreement named in these records may have parties outside the scope (a stored record of
        # the same name): widen the scope to them, so that it is rebuilt whole, as a rebuild would
        # and so may an unnamed one that joined mentions of nested parties: widen to its parties too
        names = {norm_name(r["agreement"]["name"]) for r in canon if (r["agreement"] or {}).get("name")}
        more = {c for a in store.derived("agreement") if (norm_name(a["name"]) in names if a["name"] else
                                                             set(a["parties"]) & set(scope))
                for c in a["parties"]} - set(scope)
        if more:
            scope = set(scope) | more
            canon = _scoped_canon(store, scope, load)
        scope = set(scope) | {""}
    as_of = store.latest_document_date()
    rest, purpose = _clause_rests(store, canon)
    commitments = build_commitments(canon, as_of, cfg, rest)
    agreements = build_agreements(canon, rest, purpose)
    store.replace_derived("commitment", commitments, scope)
    store.replace_derived("agreement", agreements, scope)
    return len(commitments), len(agreements)


def _clause_rests(store, canon: list[dict]) -> tuple[dict[str, str], dict[str, dict]]:
    """For the promises: record id -> the rest of its promise's clause after the coder's span
    (`clause_rest`), and record id -> the purpose its sentence puts before it (`clause_purpose`); the
    articles' sentences read at once."""
    promises = [r for r in canon if _promised(r) and r["evidence"]]
    sentences = store.sentences_of(r["evidence"][0]["doc_id"] for r in promises)
    out, purposes = {}, {}
    for r in promises:
        doc = sentences[r["evidence"][0]["doc_id"]]
        rest, purpose = clause_rest(r, doc), clause_purpose(r, doc)
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
    canon = canonical_events(store, ids, load, coded_roles=False)   # stored records: roles coded when read
    if scope is not None:
        canon = [r for r in canon if not _participant_countries(r) or _participant_countries(r) & set(scope)]
    return canon
