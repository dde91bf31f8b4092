"""The questions both front ends ask of the store: the commitment and agreement lists with their
filters, the status counts of commitments, and the canonical events of a set of clusters. The CLI
(`app.cli.crossdoc`, `app.cli.database`) prints them, the web app (`app.web`) renders them."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from .. import link

COMMITMENT_STATUSES = ("open", "overdue", "fulfilled", "withdrawn")


def commitments(store, status: str | None = None, country: str | None = None,
                pair: tuple[str, str] | None = None) -> list[dict]:
    """Every commitment (of this status, with this country or both countries of `pair` among its
    parties when given), people in their current roles, by the day it was made, then id."""
    return [r for batch in commitment_batches(store, status, country, pair) for r in batch]


def commitment_batches(store, status: str | None = None, country: str | None = None,
                       pair: tuple[str, str] | None = None, size: int = 500) -> Iterator[list[dict]]:
    """The commitments of `commitments`, in that order, read and handed over `size` at a time (the
    store sorts them: ix_derived_made_on)."""
    for batch in store.derived_batches("commitment", status=status, country=country, pair=pair,
                                       order="made_on", size=size):
        yield link.current_roles(store, batch)


def commitment_page(store, status: str | None = None, country: str | None = None,
                    pair: tuple[str, str] | None = None, offset: int = 0, limit: int = 50) -> list[dict]:
    """Rows offset .. offset+limit of `commitments` (one read of the store, that page only)."""
    return link.current_roles(store, store.derived_page("commitment", status=status, country=country, pair=pair,
                                                        offset=offset, limit=limit, order="made_on"))


def commitment_counts(store, country: str | None = None, pair: tuple[str, str] | None = None) -> dict[str, int]:
    """status -> how many commitments with this country (or pair) have it, by status (counted by the store)."""
    return store.derived_counts("commitment", country=country, pair=pair)


def filter_commitments(rows: list[dict], status: str | None = None, country: str | None = None,
                       pair: tuple[str, str] | None = None) -> list[dict]:
    if status:
        rows = [r for r in rows if r["status"] == status]
    for code in [country, *(pair or ())]:
        if code:
            rows = [r for r in rows if code.upper() in r["countries"]]
    return sorted(rows, key=lambda r: (r["made_on"] or "", r["id"]))


def status_counts(rows: list[dict]) -> dict[str, int]:
    """status -> how many of these commitments have it, by status name."""
    return dict(sorted(Counter(r["status"] for r in rows).items()))


def agreements(store, query: str | None = None) -> list[dict]:
    """Every agreement object; with `query`, those whose name or kind holds it, with it as a party's
    code, or with a topic that holds it."""
    return filter_agreements(store.derived("agreement"), query)


def filter_agreements(rows: list[dict], query: str | None = None) -> list[dict]:
    if not query:
        return rows
    q = query.lower()
    return [r for r in rows if q in (r.get("name") or "").lower() or q in (r.get("kind") or "").lower()
            or q.upper() in r["parties"] or any(q in t for t in r["topics"])]


def filter_actors(rows: list[dict], query: str | None = None) -> list[dict]:
    """Registry records (`link.actor_registry`) whose name or an alias holds `query`, or with it as a
    country code (the test `actor_registry` applies to its own query)."""
    if not query:
        return rows
    from ..crossdoc.features import norm_name
    n = norm_name(query)
    return [r for r in rows if n in norm_name(r["entity_name"]) or any(n in norm_name(x) for x in r["aliases"])
            or query.upper() in r["countries"]]


def canonical(store, cluster_ids) -> list[dict]:
    """The canonical event records of these clusters (ids as `Store.canonical_page` gives them)."""
    return link.canonical_events(store, list(cluster_ids)) if cluster_ids else []
