"""The actor registry (one record per person or organisation across all documents) and the dated
chronology of the canonical events between two countries."""
from __future__ import annotations

from .canonical import _participant_countries, canonical_events
from .features import norm_name


def actor_registry(store, query: str | None = None) -> list[dict]:
    """One record per person or organisation across all documents, with aliases, countries and
    dated roles; conflicting reports are kept side by side."""
    reg: dict[tuple, dict] = {}
    for m in store.mention_rows():
        if m["entity_type"] not in ("person", "organization", "group"):
            continue
        key = (m["entity_type"], norm_name(m["entity_name"]))
        r = reg.setdefault(key, {"entity_name": m["entity_name"], "entity_type": m["entity_type"],
                                 "aliases": [], "countries": [], "sectors": [], "roles": [], "mentions": 0,
                                 "documents": [], "first_seen": m["date"], "last_seen": m["date"]})
        r["mentions"] += 1
        if m["raw_text"] and m["raw_text"] not in r["aliases"] and m["raw_text"] != r["entity_name"]:
            r["aliases"].append(m["raw_text"])
        if m["country"] and m["country"] not in r["countries"]:
            r["countries"].append(m["country"])
        if m["sector_code"] and m["sector_code"] not in r["sectors"]:
            r["sectors"].append(m["sector_code"])
        if m["role"]:
            hit = next((x for x in r["roles"] if x["role"] == m["role"]), None)
            if hit is None:
                r["roles"].append({"role": m["role"], "dates": [m["date"]] if m["date"] else [],
                                   "documents": [m["doc_id"]]})
            else:
                if m["date"] and m["date"] not in hit["dates"]:
                    hit["dates"].append(m["date"])
                if m["doc_id"] not in hit["documents"]:
                    hit["documents"].append(m["doc_id"])
        if m["doc_id"] not in r["documents"]:
            r["documents"].append(m["doc_id"])
        if m["date"]:
            r["first_seen"] = min(filter(None, [r["first_seen"], m["date"]]))
            r["last_seen"] = max(filter(None, [r["last_seen"], m["date"]]))
    out = list(reg.values())
    for r in out:
        # the role used for coding is the latest one reported
        r["current_role"] = max(r["roles"], key=lambda x: max(x["dates"] or [""]))["role"] if r["roles"] else None
    if query:
        q = norm_name(query)
        out = [r for r in out if q in norm_name(r["entity_name"]) or any(q in norm_name(a) for a in r["aliases"])
               or q.upper() in r["countries"]]
    return sorted(out, key=lambda r: (-r["mentions"], r["entity_name"]))


def timeline(store, a: str, b: str, topic: str | None = None) -> list[dict]:
    """Dated, cited chronology of the canonical events between two countries."""
    ids = set(store.events_by_pair(a.upper(), b.upper()))
    recs = [r for r in canonical_events(store, ids)
            if {a.upper(), b.upper()} <= _participant_countries(r) and (not topic or topic in r["topics"])]
    return sorted(recs, key=lambda r: (r["date"] or r["first_reported"] or "", r["id"]))
