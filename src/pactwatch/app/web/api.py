"""The JSON API under /api/: the same objects as the pages (events, canonical events, commitments,
agreements, actors, timelines, documents, failures, counts), the CLI's filters as query
parameters, paging (`page`, `size` at most 500), and an OpenAPI description at /api/openapi.json.
Every answer that lists is ``{"total", "page", "size", "items"}``; an error is ``{"error", "status"}``."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from .. import queries
from . import params
from .desk import Desk, NotFound

router = APIRouter(tags=["pactwatch"])


def _desk(request: Request) -> Desk:
    return request.app.state.desk


def filters(request: Request,
            country: str | None = Query(None, description="ISO 3166 alpha-3 code (or IGO, EUR...) among the participants"),
            pair: str | None = Query(None, description="two country codes both among the participants, e.g. 'KOR,USA'"),
            type: str | None = Query(None, description="PLOVER category (agree, consult...)"),
            topic: str | None = Query(None, description="technology topic: name or short name (AI, quantum, comms...)"),
            from_: str | None = Query(None, alias="from", description="on or after YYYY[-MM[-DD]]"),
            to: str | None = Query(None, description="on or before YYYY[-MM[-DD]]"),
            text: str | None = Query(None, description="words in the evidence or the names"),
            doc: str | None = Query(None, description="only this document id"),
            actor: str | None = Query(None, description="a participant with exactly this name"),
            min_confidence: str | None = Query(None, description="confidence at least this (0-1)")) -> dict:
    return params.event_filters(request.query_params)


def paging(page: str | None = Query(None, description="page number, from 1"),
           size: str | None = Query(None, description=f"items a page (1-{params.MAX_PAGE_SIZE}, default "
                                                      f"{params.DEFAULT_PAGE_SIZE})")) -> params.Paging:
    return params.paging({"page": page, "size": size})


def _json(obj: Any) -> JSONResponse:
    """The answer as JSON, written at once (the records are plain JSON values already; FastAPI's
    generic encoder would walk them again)."""
    return JSONResponse(obj)


def _listing(total: int, page: params.Paging, items: list) -> JSONResponse:
    return _json({"total": total, "page": page.page, "size": page.size, "items": items})


def _searched(request: Request, page: params.Paging, rows, search) -> dict[str, Any]:
    """A page of `rows()` that `search(rows, q)` keeps, for a route that reads `q` and paging."""
    _only(request, "paging", extra=("q",))
    kept = search(rows(), params.search(request.query_params))
    return _listing(len(kept), page, kept[page.offset:page.offset + page.size])


def _only(request: Request, *groups: str, extra: tuple[str, ...] = ()) -> None:
    params.only(request.query_params, *groups, extra=extra)


@router.get("/events", summary="Events matching the filters, a page at a time")
def api_events(request: Request, f: dict = Depends(filters), page: params.Paging = Depends(paging),
               sort: str | None = Query(None, description="date, type, confidence or doc"),
               order: str | None = Query(None, description="asc or desc")):
    _only(request, "filters", "paging", "sorting")
    column, desc = params.sorting(request.query_params)
    total, rows = _desk(request).events_page(f, sort=column, descending=desc, offset=page.offset,
                                                     limit=page.size)
    return _listing(total, page, [e.to_dict() for e in rows])


@router.get("/events/{event_id}", summary="One event (SCHEMA.md record) with the rules behind it")
def api_event(request: Request, event_id: str):
    _only(request)
    ev = _desk(request).event(event_id)
    return _json({**ev.to_dict(extended=True), "canonical_id": _desk(request).store().cluster_of(ev.id)})


@router.get("/canonical", summary="Canonical events (one per real-world event) some report of which matches")
def api_canonical(request: Request, f: dict = Depends(filters), page: params.Paging = Depends(paging)):
    _only(request, "filters", "paging")
    total, ids = _desk(request).canonical_page(f, offset=page.offset, limit=page.size)
    return _listing(total, page, _desk(request).canonical(ids))


@router.get("/canonical/{canonical_id}", summary="One canonical event with its reports and merge reasons")
def api_canonical_one(request: Request, canonical_id: str):
    _only(request)
    store = _desk(request).store()
    if store.event(canonical_id) is None:
        raise NotFound(f"no canonical event with id {canonical_id[:80]!r}")
    recs = queries.canonical(store, [store.cluster_of(canonical_id)])
    return _json(recs[0])


@router.get("/commitments", summary="Commitments with their status, due date and resolving report")
def api_commitments(request: Request, page: params.Paging = Depends(paging),
                    status: str | None = Query(None, description="open, overdue, fulfilled or withdrawn"),
                    country: str | None = Query(None, description="a country among the parties")):
    _only(request, "paging", extra=("status", "country"))
    total, rows = _desk(request).commitment_page(params.status(status), params.country(country) if country else None,
                                                 offset=page.offset, limit=page.size)
    return _listing(total, page, rows)


@router.get("/agreements", summary="Agreements with their dated stages, parties, signatories and topics")
def api_agreements(request: Request, page: params.Paging = Depends(paging),
                   q: str | None = Query(None, description="part of a name or kind, a party's code or a topic")):
    return _searched(request, page, _desk(request).agreements, queries.filter_agreements)


@router.get("/actors", summary="The actor registry: people and organisations with aliases and dated roles")
def api_actors(request: Request, page: params.Paging = Depends(paging),
               q: str | None = Query(None, description="part of a name or alias, or a country code")):
    return _searched(request, page, _desk(request).actors, queries.filter_actors)


@router.get("/timeline", summary="Dated, cited chronology of the canonical events between two countries")
def api_timeline(request: Request, page: params.Paging = Depends(paging),
                 pair: str = Query(..., description="two country codes, e.g. 'KOR,USA'"),
                 topic: str | None = Query(None, description="only events on this topic")):
    _only(request, "paging", extra=("pair", "topic"))
    a, b = params.pair(pair)
    f = params.event_filters({"topic": topic or ""})
    rows = _desk(request).timeline(a, b, f.get("topic"))
    return _listing(len(rows), page, rows[page.offset:page.offset + page.size])


@router.get("/months", summary="Events per month and category (of the events matching the filters)")
def api_months(request: Request, f: dict = Depends(filters)):
    _only(request, "filters")
    return _json({"items": [{"month": m, "event_type": t, "events": n} for m, t, n in _desk(request).ask("event_months", f)]})


@router.get("/pairs", summary="The country pairs that share the most events")
def api_pairs(request: Request, f: dict = Depends(filters),
              limit: str | None = Query(None, description="how many pairs (1-500, default 20)")):
    _only(request, "filters", extra=("limit",))
    n = params.whole(limit, "limit", 1, params.MAX_PAGE_SIZE, 20)
    return _json({"items": [{"a": a, "b": b, "events": k} for a, b, k in _desk(request).ask("country_pairs", f, limit=n)]})


@router.get("/documents", summary="Documents, latest first, with how many events each holds")
def api_documents(request: Request, page: params.Paging = Depends(paging),
                  q: str | None = Query(None, description="part of the id or title")):
    _only(request, "paging", extra=("q",))
    total, rows = _desk(request).store().documents_page(text=params.search(request.query_params),
                                                        offset=page.offset, limit=page.size)
    return _listing(total, page, rows)


@router.get("/documents/{doc_id:path}", summary="One document: its text and metadata, and its events")
def api_document(request: Request, doc_id: str):
    _only(request)
    doc = _desk(request).document(doc_id)
    store = _desk(request).store()
    return _json({"id": doc.id, "date": doc.date, "title": doc.title, "source": doc.source, "url": doc.url,
                  "language": doc.language, "origin": doc.origin, "warnings": doc.warnings, "text": doc.text,
                  "events": [e.to_dict() for e in store.events(doc_id=doc_id)]})


@router.get("/failures", summary="Inputs that were rejected, with the reason")
def api_failures(request: Request):
    _only(request)
    rows = _desk(request).store().failures()
    return _json({"total": len(rows), "items": rows})
