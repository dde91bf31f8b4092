"""The public library API: pactwatch.extract and pactwatch.resolve_date. No shared material needed."""
from __future__ import annotations

import json

import pytest

import pactwatch
from pactwatch.model import EVENT_TYPES, Event

SCHEMA_KEYS = {"id", "doc_id", "event_type", "mode", "context", "aux_mode", "actor", "recipient", "date",
               "date_precision", "date_text", "location", "topics", "agreement", "evidence", "confidence"}
ENTITY_KEYS = {"raw_text", "entity_name", "country", "sector_code", "role", "entity_type"}
LOCATION_KEYS = {"name", "country", "lat", "lon", "geonames_id"}
EVIDENCE_KEYS = {"doc_id", "start", "end", "text"}

ARTICLE = ("Canadian Industry Minister Paul Tremblay met Danish Science Minister Sofie Holm in Copenhagen "
           "on Tuesday to discuss cooperation on quantum sensors and offshore wind research.\n\n"
           "The two ministers agreed to set up a joint working group on quantum technology next year.")


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return pactwatch.extract(ARTICLE, date="2025-09-18", doc_id="api-1")


def test_extract_returns_events_with_schema_records(events) -> None:
    assert events, "a meeting and an agreement are reported"
    for ev in events:
        assert isinstance(ev, Event)
        d = ev.to_dict()
        assert set(d) == SCHEMA_KEYS
        assert d["doc_id"] == "api-1"
        assert d["event_type"] in EVENT_TYPES
        assert isinstance(d["mode"], list) and isinstance(d["context"], list) and isinstance(d["topics"], list)
        for ent in d["actor"] + d["recipient"]:
            assert set(ent) == ENTITY_KEYS
        if d["location"] is not None:
            assert set(d["location"]) == LOCATION_KEYS
        assert d["evidence"]
        for sp in d["evidence"]:
            assert set(sp) == EVIDENCE_KEYS
            assert sp["doc_id"] == "api-1"
            assert ARTICLE[sp["start"]:sp["end"]] == sp["text"]
        assert 0 <= d["confidence"] <= 1
        json.dumps(d)                                    # plain JSON, nothing exotic


def test_extract_finds_the_meeting(events) -> None:
    consult = [e for e in events if e.event_type == "CONSULT"]
    assert len(consult) == 1, [e.to_dict() for e in events]
    ev = consult[0]
    assert {e.country for e in ev.actor + ev.recipient} == {"CAN", "DNK"}
    assert (ev.date, ev.date_precision) == ("2025-09-16", "day")
    assert ev.location is not None and ev.location.name == "Copenhagen" and ev.location.country == "DNK"
    assert "quantum" in ev.topics


def test_extract_is_stable() -> None:
    a = [e.to_dict() for e in pactwatch.extract(ARTICLE, date="2025-09-18", doc_id="api-1")]
    b = [e.to_dict() for e in pactwatch.extract(ARTICLE, date="2025-09-18", doc_id="api-1")]
    assert a == b
    assert len({d["id"] for d in a}) == len(a)


def test_extract_of_text_without_events() -> None:
    assert pactwatch.extract("The minister said the economy is strong.", date="2025-09-18") == []
    assert pactwatch.extract("", date="2025-09-18") == []


@pytest.mark.parametrize("expr,ref,sentence,expected", [
    ("last month", "2025-03-10", None, "2025-02"),
    ("August", "2025-03-10", "The deal was signed in August.", "2024-08"),
    ("next Tuesday", "2025-08-05", None, "2025-08-12"),
    ("Tuesday", "2025-08-05", None, "2025-08-05"),
    ("yesterday", "2025-01-01", None, "2024-12-31"),
], ids=["last-month", "past-august", "next-tuesday", "same-weekday", "yesterday-over-new-year"])
def test_resolve_date(expr: str, ref: str, sentence: str | None, expected: str) -> None:
    assert pactwatch.resolve_date(expr, ref, sentence=sentence) == expected


def test_resolve_date_future_month_in_a_promise() -> None:
    assert pactwatch.resolve_date("August", "2025-03-10", sentence="The deal will be signed in August.") == "2025-08"


def test_resolve_date_without_a_date() -> None:
    assert pactwatch.resolve_date("the economy", "2025-03-10") is None
