"""Write events out: JSON Lines (the SCHEMA.md record, exactly `Event.to_dict()`)
or a flat CSV for spreadsheets.

CSV cells that hold lists are joined with ";" (entity names, countries, modes,
topics, evidence spans as "start-end"); `evidence` is the text of the first
span. Countries are listed once each, in order of appearance. Open the file
with ``newline=""`` so the csv module controls line endings (rows end in CRLF,
as RFC 4180 says; newlines inside cells are quoted). Text cells go through
`sanitize.csv_cell`: control characters are shown escaped, and a cell that a
spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``)
gets a leading ``'``.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

from ..model import Entity, Event
from ..sanitize import csv_cell, json_text

__all__ = ["CSV_COLUMNS", "write_jsonl", "write_csv", "csv_row"]

CSV_COLUMNS = (
    "id", "doc_id", "event_type", "mode", "context", "aux_mode",
    "actor", "actor_countries", "recipient", "recipient_countries",
    "date", "date_precision", "date_text",
    "location", "location_country", "lat", "lon", "geonames_id",
    "topics", "agreement_name", "agreement_kind",
    "evidence", "evidence_spans", "confidence",
)


def write_jsonl(events: Iterable[Event], fp: IO[str]) -> int:
    """One `Event.to_dict()` per line (UTF-8 as is, not \\u-escaped, except the characters a
    terminal would act on: see `sanitize.json_text`). Returns the count."""
    n = 0
    for ev in events:
        fp.write(json_text(ev.to_dict()))
        fp.write("\n")
        n += 1
    return n


def _join(xs: Iterable[Any]) -> str:
    return ";".join("" if x is None else str(x) for x in xs)


def _countries(ents: list[Entity]) -> str:
    return _join(dict.fromkeys(e.country for e in ents if e.country))


def _cell(v: Any) -> Any:
    return "" if v is None else v


def csv_row(ev: Event) -> dict[str, Any]:
    """The flat CSV row for one event, keyed by CSV_COLUMNS."""
    loc, agr = ev.location, ev.agreement or {}
    return {
        "id": ev.id, "doc_id": ev.doc_id, "event_type": ev.event_type,
        "mode": _join(ev.mode), "context": _join(ev.context), "aux_mode": _cell(ev.aux_mode),
        "actor": _join(e.entity_name for e in ev.actor), "actor_countries": _countries(ev.actor),
        "recipient": _join(e.entity_name for e in ev.recipient),
        "recipient_countries": _countries(ev.recipient),
        "date": _cell(ev.date), "date_precision": _cell(ev.date_precision), "date_text": _cell(ev.date_text),
        "location": loc.name if loc else "", "location_country": _cell(loc.country) if loc else "",
        "lat": _cell(loc.lat) if loc else "", "lon": _cell(loc.lon) if loc else "",
        "geonames_id": _cell(loc.geonames_id) if loc else "",
        "topics": _join(ev.topics),
        "agreement_name": _cell(agr.get("name")), "agreement_kind": _cell(agr.get("kind")),
        "evidence": ev.evidence[0].text if ev.evidence else "",
        "evidence_spans": _join(f"{x.start}-{x.end}" for x in ev.evidence),
        "confidence": round(ev.confidence, 3),
    }


def write_csv(events: Iterable[Event], fp: IO[str]) -> int:
    """A header row then one row per event (columns CSV_COLUMNS). Returns the count."""
    w = csv.DictWriter(fp, fieldnames=CSV_COLUMNS, quoting=csv.QUOTE_MINIMAL)
    w.writeheader()
    n = 0
    for ev in events:
        w.writerow({k: csv_cell(v) for k, v in csv_row(ev).items()})
        n += 1
    return n
