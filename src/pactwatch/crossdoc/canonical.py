"""Canonical event records (SCHEMA.md style) from the stored clusters and links, with the people's
current roles; and the helpers over such records that commitments, agreements and the registry share."""
from __future__ import annotations

from typing import Iterable

from ..model import Event
from .config import STOP
from .features import _flow_dated, norm_name, _words, kind


def current_roles(store, records: list[dict]) -> list[dict]:
    """Code every person in these records (canonical events, commitments) with the latest
    role the registry holds for them, unless the record's document is older than that role: a
    minister reported as "Science Minister" in August and as "Deputy Prime Minister" in October is
    the first in August's records and the second in October's. The role the report itself gave is
    kept as `reported_role` when it differs. Applied when records are read, so it always reflects
    every document stored."""
    people = [x for r in records for side in ("actor", "recipient") for x in r.get(side, [])
              if x.get("entity_type") == "person"]
    if not people:
        return records
    since: dict[str, dict[str, str]] = {}
    for row in store.roles_of({x["entity_name"] for x in people}):
        first = since.setdefault(norm_name(row["entity_name"]), {})
        if row["date"] and (row["role"] not in first or row["date"] < first[row["role"]]):
            first[row["role"]] = row["date"]
    for r in records:
        as_of = r.get("first_reported") or r.get("made_on") or r.get("date") or ""
        for side in ("actor", "recipient"):
            for x in r.get(side, []):
                if x.get("entity_type") != "person":
                    continue
                known = [(d, role) for role, d in since.get(norm_name(x["entity_name"]), {}).items() if d <= as_of[:10]]
                if known:
                    role = max(known)[1]
                    if role != x.get("role"):
                        x["reported_role"] = x.get("role")
                        x["role"] = role
    return records


def canonical_events(store, event_ids: Iterable[str] | None = None, load=None, coded_roles: bool = True,
                     reasons: bool = True) -> list[dict]:
    """Canonical event records (SCHEMA.md style) for the clusters of these events (all if None); people
    carry their current roles (see `current_roles`) unless `coded_roles` is False; `reasons=False`
    leaves `merge_reasons` empty (the stored links are not read: commitments and agreements do not
    read them)."""
    clusters = store.clusters(event_ids) if event_ids is not None else store.clusters()
    ids = list(event_ids) if event_ids is not None else store.event_ids()
    by_cluster: dict[str, list[str]] = {}
    for i in ids:
        by_cluster.setdefault(clusters.get(i, i), []).append(i)
    if event_ids is not None:
        members = store.cluster_members(by_cluster)
        for k, v in members.items():
            by_cluster[k] = sorted(set(by_cluster[k]) | set(v))
    events = {e.id: e for e in (load or store.events_by_ids)({i for v in by_cluster.values() for i in v})}
    doc_dates = store.document_dates({e.doc_id for e in events.values()})
    links = store.links(events) if events and reasons else []
    by_event: dict[str, list] = {}
    for ln in links:
        by_event.setdefault(ln[0], []).append(ln)
    out = []
    # an update's steps ask again for records they built before (the same reports, read the same way):
    # built once per update (`_Loaded.records`); these records are read, never changed
    memo = getattr(load, "records", None) if not reasons and not coded_roles else None
    for cid, mids in by_cluster.items():
        evs = [events[i] for i in mids if i in events]
        if evs:
            if memo is None:
                out.append(_canonical(cid, evs, doc_dates, [ln for i in mids for ln in by_event.get(i, ())]))
                continue
            key = (cid, tuple(e.id for e in evs), tuple(doc_dates.get(e.doc_id) for e in evs))
            rec = memo.get(key)
            if rec is None:
                rec = memo[key] = _canonical(cid, evs, doc_dates, [])
            out.append(rec)
    out.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["id"]))
    return current_roles(store, out) if coded_roles else out


def _canonical(cid: str, evs: list[Event], doc_dates: dict, links) -> dict:
    evs = sorted(evs, key=lambda e: (doc_dates.get(e.doc_id) or "", e.doc_id, e.id))
    first = evs[0]
    pos = {id(e): i for i, e in enumerate(evs)}
    # the most precise date, of the earliest report; a date stated for the act (or its setting) before
    # one only the article's flow gave, and a flow date that is more than its report's own day first
    best_date = max((e for e in evs if e.date), key=lambda e: (
        not _flow_dated(e), not (_flow_dated(e) and (doc_dates.get(e.doc_id) or "").startswith(e.date)),
        len(e.date), -pos[id(e)]), default=None)
    loc = next((e.location for e in evs if e.location), None)
    seen_names, actors, recips = set(), [], []
    for e in evs:
        for side, bucket in ((e.actor, actors), (e.recipient, recips)):
            for x in side:
                key = (norm_name(x.entity_name), x.country)
                if key not in seen_names:
                    seen_names.add(key)
                    bucket.append(x.to_dict())
    topics, seen_topics = [], set()
    for e in evs:
        for t in e.topics:
            if t not in seen_topics:
                seen_topics.add(t)
                topics.append(t)
    agreement = None
    for e in evs:
        if e.agreement:
            agreement = dict(agreement or {}, **{k: v for k, v in e.agreement.items() if v})
    member_set = {e.id for e in evs}
    reasons = [{"a": a, "b": b, **r} for a, b, r in sorted(links, key=lambda ln: (ln[0], ln[1]))
               if a in member_set and b in member_set]     # in one order, whatever order the store gave
    docs = sorted({e.doc_id for e in evs})
    return {
        "id": cid, "event_type": first.event_type, "kind": kind(first), "mode": first.mode,
        "context": first.context, "aux_mode": first.aux_mode, "actor": actors, "recipient": recips,
        "date": best_date.date if best_date else None,
        "date_precision": best_date.date_precision if best_date else None,
        "location": loc.to_dict() if loc else None, "topics": topics, "agreement": agreement,
        "mentions": [e.id for e in evs], "documents": docs, "n_documents": len(docs),
        "first_reported": doc_dates.get(first.doc_id),
        "evidence": [sp.to_dict() for e in evs for sp in e.evidence],
        "merge_reasons": reasons,
        # the coder's trace of what the cross-document layer reads: the rules behind the date chosen
        # (inherited or stated) and behind the first report's modality (why it is a plan)
        "why": {"date": list((best_date.why or {}).get("date", ())) if best_date else [],
                "aux_mode": list((first.why or {}).get("aux_mode", ()))},
        "confidence": round(min(0.99, max(e.confidence for e in evs) + 0.03 * (len(docs) - 1)), 3),
    }


def _participant_countries(r: dict) -> set[str]:
    return {x["country"] for x in r["actor"] + r["recipient"] if x.get("country")}


def _text(r: dict) -> str:
    memo = _TEXTS.get("memo")
    if memo is None:
        return " ".join(sp["text"] for sp in r["evidence"])
    got = memo.get(id(r))
    if got is None or got[0] is not r:
        got = memo[id(r)] = (r, " ".join(sp["text"] for sp in r["evidence"]))
    return got[1]


# while the commitments are weighed (`remembered_texts`) the words of each record are joined once, and
# its people named once (a record is weighed against many promises); records are not changed meanwhile
_TEXTS: dict[str, dict] = {}


class remembered_texts:
    """Within this block `_text` joins the words of each record once, and `_people` reads its people once
    (nested blocks share the outer one)."""

    def __enter__(self):
        self.outer = "memo" in _TEXTS
        if not self.outer:
            _TEXTS["memo"], _TEXTS["people"] = {}, {}
        return self

    def __exit__(self, *exc):
        if not self.outer:
            _TEXTS.pop("memo", None)
            _TEXTS.pop("people", None)
        return False


def _content(r: dict, first_only: bool = False) -> set[str]:
    """Content words of a record's evidence (of its first span only: the clause that made a promise)."""
    if first_only:
        text = r["evidence"][0]["text"] if r["evidence"] else ""
    else:
        text = _text(r)
    return {w for w in _words(text) if w not in STOP and len(w) > 2}


def _people(r: dict) -> set[str]:
    memo = _TEXTS.get("people")
    if memo is None:
        return {norm_name(x["entity_name"]) for x in r["actor"] + r["recipient"] if x["entity_type"] == "person"}
    got = memo.get(id(r))
    if got is None or got[0] is not r:
        got = memo[id(r)] = (r, frozenset(norm_name(x["entity_name"]) for x in r["actor"] + r["recipient"]
                                          if x["entity_type"] == "person"))
    return got[1]
