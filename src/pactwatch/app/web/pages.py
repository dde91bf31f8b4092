"""The pages: server-rendered HTML that works without JavaScript (static/app.js only adds
conveniences). Each handler checks its query parameters (`params`), reads through the desk, and
renders a template; charts are SVG drawn here (`svg`, `geo`)."""
from __future__ import annotations

import io
from collections.abc import Iterator

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from ...io.export import write_csv, write_jsonl
from .. import queries
from . import geo, params, svg
from .app import query_string, render
from .desk import Desk, NotFound
from .text import marked, paragraph_bounds, safe_url

router = APIRouter(include_in_schema=False)
SHOWN = 20    # rows of a secondary list shown on a page (the rest a link away)


def _desk(request: Request) -> Desk:
    return request.app.state.desk


def _filter_args(f: dict) -> dict:
    """Store filters back to the query parameters that ask for them (for links)."""
    names = {"country": "country", "event_type": "type", "topic": "topic", "date_from": "from", "date_to": "to",
             "text": "text", "doc_id": "doc", "entity": "actor", "min_confidence": "min_confidence"}
    out = {names[k]: v for k, v in f.items() if k in names}
    if f.get("pair"):
        out["pair"] = " ".join(f["pair"])
    return out


def _month_href(base: dict):
    """Links of a month chart's bars: the events of that month and category (months and categories
    are checked values: no quoting needed)."""
    prefix = "/events" + (query_string({k: v for k, v in base.items() if k not in ("from", "to", "type", "page")})
                          or "?")
    sep = "" if prefix.endswith("?") else "&"

    def href(month: str, t: str) -> str:
        return f"{prefix}{sep}from={month}&to={month}&type={t}"
    return href


@router.get("/")
def overview(request: Request):
    params.only(request.query_params)
    o = _desk(request).overview()
    chart = svg.month_bars(o["months"], _month_href({}))
    return render(request, "overview.html", {"o": o, "chart": chart, "title": "Overview"})


@router.get("/events")
def events(request: Request):
    q = request.query_params
    params.only(q, "filters", "paging", "sorting")
    f = params.event_filters(q)
    page = params.paging(q)
    sort, desc = params.sorting(q)
    total, rows = _desk(request).events_page(f, sort=sort, descending=desc, offset=page.offset,
                                                     limit=page.size)
    return render(request, "events.html", {"title": "Events", "events": rows, "total": total, "page": page,
                                           "sort": sort, "desc": desc, "filters": _filter_args(f)})


def _download(request: Request, kind: str):
    q = request.query_params
    params.only(q, "filters", "sorting")
    f = params.event_filters(q)
    rows = _desk(request).store().events(**f)
    writer = write_csv if kind == "csv" else write_jsonl

    def chunks() -> Iterator[str]:
        buf = io.StringIO(newline="") if kind == "csv" else io.StringIO()
        for i in range(0, max(1, len(rows)), 500):
            writer(rows[i:i + 500], buf) if kind != "csv" or i == 0 else _csv_rows(rows[i:i + 500], buf)
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()

    media = "text/csv; charset=utf-8" if kind == "csv" else "application/x-ndjson; charset=utf-8"
    return StreamingResponse(chunks(), media_type=media,
                             headers={"content-disposition": f'attachment; filename="pactwatch-events.{kind}"'})


def _csv_rows(rows, buf) -> None:
    """CSV rows without the header (the header went with the first chunk)."""
    import csv
    from ...io.export import CSV_COLUMNS, csv_row
    from ...sanitize import csv_cell
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, quoting=csv.QUOTE_MINIMAL)
    for ev in rows:
        w.writerow({k: csv_cell(v) for k, v in csv_row(ev).items()})


@router.get("/events.csv")
def events_csv(request: Request):
    return _download(request, "csv")


@router.get("/events.jsonl")
def events_jsonl(request: Request):
    return _download(request, "jsonl")


@router.get("/event/{event_id}")
def event(request: Request, event_id: str):
    params.only(request.query_params)
    ev = _desk(request).event(event_id)
    store = _desk(request).store()
    doc = store.document(ev.doc_id)
    evidence = []
    for sp in ev.evidence:
        if doc is not None and 0 <= sp.start <= sp.end <= len(doc.text):
            a, b = paragraph_bounds(doc.text, sp.start, sp.end, doc.body_start)
            evidence.append({"span": sp, "html": marked(doc.text, [(sp.start, sp.end, ev.id)], start=a, end=b)})
        else:
            evidence.append({"span": sp, "html": None})
    from ...coding.rules import describe_rule
    why = [(field, rule, describe_rule(rule)) for field, rules in sorted(ev.why.items()) for rule in rules]
    canon = next(iter(_desk(request).canonical([store.cluster_of(ev.id)])), None)
    others = [e for e in store.events_by_ids(canon["mentions"]) if e.id != ev.id] if canon else []
    return render(request, "event.html", {"title": f"Event {ev.id}", "ev": ev, "doc": doc, "evidence": evidence,
                                          "why": why, "canon": canon, "others": others})


@router.get("/pair/{a}/{b}")
def pair(request: Request, a: str, b: str):
    q = request.query_params
    params.only(q, "paging", extra=("topic",))
    page = params.paging(q)
    a, b = params.country(a, "first country"), params.country(b, "second country")
    f = params.event_filters({"topic": q.get("topic", "")})
    topic = f.get("topic")
    desk = _desk(request)
    selection = {"pair": (a, b), **({"topic": topic} if topic else {})}
    total, ids = desk.canonical_page(selection, offset=page.offset, limit=page.size)
    months = desk.ask("event_months", selection)
    chart = svg.month_bars(months, _month_href({"pair": f"{a} {b}", "topic": topic}),
                           label=f"events between {a} and {b} per month by category")
    agreements = [r for r in desk.agreements_for((a, b)) if not topic or topic in r["topics"]]
    commitments = [r for r in desk.commitments_for(pair=(a, b)) if not topic or topic in r["topics"]]
    title = f"{params.country_name(a)} – {params.country_name(b)}"
    return render(request, "pair.html", {"title": title, "a": a, "b": b, "topic": topic, "chart": chart,
                                         "timeline": desk.canonical(ids), "page": page,
                                         "total": total, "agreements": agreements[:SHOWN],
                                         "n_agreements": len(agreements),
                                         "commitments": commitments[:SHOWN], "n_commitments": len(commitments),
                                         "axis": _axis(agreements[:SHOWN])})


def _axis(agreements: list[dict]):
    """Each agreement's stages drawn on one time axis shared by all of them."""
    dates = sorted(st["date"] for r in agreements for st in r["stages"] if st["date"])
    if not dates:
        return {}
    lo, hi = dates[0][:7], dates[-1]
    return {r["id"]: svg.stages_axis(r["stages"], lo, hi) for r in agreements}


@router.get("/commitments")
def commitments(request: Request):
    q = request.query_params
    params.only(q, "paging", extra=("status", "country", "pair"))
    status = params.status(q.get("status") or None)
    country = params.country(q["country"]) if q.get("country") else None
    pair = params.pair(q["pair"]) if q.get("pair") else None
    page = params.paging(q)
    desk = _desk(request)
    total, shown = desk.commitment_page(status, country, pair, offset=page.offset, limit=page.size)
    counts = desk.commitment_counts(country, pair)
    return render(request, "commitments.html", {"title": "Commitments", "rows": shown,
                                                "status": status, "country": country, "pair": " ".join(pair or ()),
                                                "page": page, "total": total, "counts": counts})


@router.get("/agreements")
def agreements(request: Request):
    query, page = _search_and_page(request)
    rows = queries.filter_agreements(_desk(request).agreements(), query)
    shown = rows[page.offset:page.offset + page.size]
    return render(request, "agreements.html", {"title": "Agreements", "rows": shown, "total": len(rows), "page": page,
                                               "q": query, "axis": _axis(shown)})


def _search_and_page(request: Request) -> tuple[str | None, params.Paging]:
    """The search text `q` and the page of a listing that reads only those."""
    params.only(request.query_params, "paging", extra=("q",))
    return params.search(request.query_params), params.paging(request.query_params)


@router.get("/actors")
def actors(request: Request):
    query, page = _search_and_page(request)
    rows = queries.filter_actors(_desk(request).actors(), query)
    return render(request, "actors.html", {"title": "Actors", "rows": rows[page.offset:page.offset + page.size],
                                           "total": len(rows), "page": page, "q": query})


@router.get("/actor")
def actor(request: Request):
    q = request.query_params
    params.only(q, "paging", extra=("name",))
    name = params.text(q.get("name") or "", "name")
    record = next((r for r in _desk(request).actors() if r["entity_name"] == name), None)
    if record is None:
        raise NotFound(f"no actor named {name[:80]!r} in this database")
    page = params.paging(q)
    total, rows = _desk(request).events_page({"entity": name}, offset=page.offset, limit=page.size,
                                                     descending=True)
    return render(request, "actor.html", {"title": name, "r": record, "events": rows, "total": total, "page": page})


def _selection(request: Request):
    """(store filters, the query parameters that ask for them, the desk) of a page that reads only filters."""
    params.only(request.query_params, "filters")
    f = params.event_filters(request.query_params)
    return f, _filter_args(f), _desk(request)


@router.get("/network")
def network(request: Request):
    f, args, desk = _selection(request)
    edges = desk.ask("country_pairs", f, limit=120)
    nodes_all = desk.ask("country_counts", f)
    keep = sorted({c for a, b, _ in edges for c in (a, b)}, key=lambda c: -nodes_all.get(c, 0))[:40]
    nodes = {c: nodes_all.get(c, 0) for c in keep}
    edges = [e for e in edges if e[0] in nodes and e[1] in nodes]
    drawing = svg.network(nodes, edges, href_node=lambda c: "/events" + query_string(args, country=c),
                          href_edge=lambda x, y: f"/pair/{x}/{y}", names=params.country_name)
    return render(request, "network.html", {"title": "Network", "drawing": drawing, "edges": edges,
                                            "filters": args})


@router.get("/map")
def world_map(request: Request):
    f, args, desk = _selection(request)
    counts = desk.ask("country_counts", f)
    places = desk.ask("places", f)
    drawing = geo.world(counts, places, href_country=lambda c: "/events" + query_string(args, country=c),
                        href_place=lambda p: "/events" + query_string(args, country=p["country"] or None))
    return render(request, "map.html", {"title": "Map", "drawing": drawing, "places": places[:25],
                                        "counts": list(counts.items())[:25], "filters": args})


@router.get("/documents")
def documents(request: Request):
    query, page = _search_and_page(request)
    total, rows = _desk(request).store().documents_page(text=query, offset=page.offset, limit=page.size)
    return render(request, "documents.html", {"title": "Documents", "rows": rows, "total": total, "page": page,
                                              "q": query, "failures": _desk(request).store().failure_count()})


@router.get("/document/{doc_id:path}")
def document(request: Request, doc_id: str):
    params.only(request.query_params)
    doc = _desk(request).document(doc_id)
    evs = _desk(request).store().events(doc_id=doc_id)
    spans = [(sp.start, sp.end, ev.id) for ev in evs for sp in ev.evidence if 0 <= sp.start <= sp.end <= len(doc.text)]
    body = marked(doc.text, spans, href=lambda eid: f"/event/{eid}")
    return render(request, "document.html", {"title": doc.title or doc.id, "doc": doc, "body": body, "events": evs,
                                             "url": safe_url(doc.url)})


@router.get("/failures")
def failures(request: Request):
    params.only(request.query_params)
    rows = _desk(request).store().failures()
    return render(request, "failures.html", {"title": "Failures", "rows": rows})


@router.get("/favicon.ico")
def favicon():
    from importlib import resources
    from fastapi.responses import Response
    icon = (resources.files("pactwatch.app.web") / "static" / "favicon.svg").read_bytes()
    return Response(icon, media_type="image/svg+xml", headers={"cache-control": "max-age=86400"})


@router.get("/api")
def api_index(request: Request):
    params.only(request.query_params)
    spec = request.app.openapi()
    routes = [(path, op.get("summary") or "", [p["name"] for p in op.get("parameters", [])])
              for path, ops in spec["paths"].items() for op in ops.values()]
    return render(request, "api.html", {"title": "JSON API", "routes": routes})
