"""Export: JSONL is exactly the SCHEMA.md record; CSV is flat and correctly quoted."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from pathlib import Path

try:
    import pactwatch  # noqa: F401
except ImportError:  # running from a checkout without an install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import pytest

from pactwatch.io.export import CSV_COLUMNS, write_csv, write_jsonl
from pactwatch.model import Entity, Event, Evidence, Location

from conftest import SHARED  # noqa: E402  ($PACTWATCH_SHARED, else ../shared)
EVENT_KEYS = {"id", "doc_id", "event_type", "mode", "context", "aux_mode", "actor", "recipient", "date",
              "date_precision", "date_text", "location", "topics", "agreement", "evidence", "confidence"}
ENTITY_KEYS = {"raw_text", "entity_name", "country", "sector_code", "role", "entity_type"}


def events() -> list[Event]:
    full = Event(
        doc_id="000", event_type="CONSULT", id="000-e1", mode=["bilateral"], context=["technology", "diplomatic"],
        actor=[Entity("Bae", "Bae Kyung-hoon", "KOR", "GOV", "Minister, Science", "person", 5, 8),
               Entity("Seoul", "South Korea", "KOR", "GOV", None, "country")],
        recipient=[Entity("Kratsios", "Michael Kratsios", "USA", "GOV", None, "person")],
        date="2025-08-05", date_precision="day", date_text="Tuesday",
        location=Location("Incheon", "KOR", 37.456, 126.705, 1843564),
        topics=["artificial_intelligence", "quantum"],
        agreement={"name": "Technology Prosperity Deal", "kind": "memorandum of understanding"},
        evidence=[Evidence("000", 17, 40, 'Seoul, Aug 5 — "talks",\nheld'), Evidence("000", 50, 60, "x")],
        confidence=0.87654, trigger="met")
    bare = Event(doc_id="001", event_type="AGREE", id="001-e1", aux_mode="future", confidence=0.5)
    return [full, bare]


def test_jsonl_exact_schema_keys() -> None:
    buf = io.StringIO()
    assert write_jsonl(events(), buf) == 2
    lines = buf.getvalue().splitlines()
    assert len(lines) == 2 and buf.getvalue().endswith("\n")
    for line, ev in zip(lines, events()):
        d = json.loads(line)
        assert set(d) == EVENT_KEYS
        assert d == ev.to_dict()
        for ent in d["actor"] + d["recipient"]:
            assert set(ent) == ENTITY_KEYS
        for x in d["evidence"]:
            assert set(x) == {"doc_id", "start", "end", "text"}
    first = json.loads(lines[0])
    assert first["confidence"] == 0.877 and "—" in lines[0]  # not \u-escaped
    assert set(first["location"]) == {"name", "country", "lat", "lon", "geonames_id"}
    assert Event.from_dict(first).to_dict() == first


def test_jsonl_keys_match_schema_md() -> None:
    schema = SHARED / "SCHEMA.md"
    if not schema.exists():
        pytest.skip("SCHEMA.md not available")
    block = schema.read_text().split("## Event", 1)[1].split("```json", 1)[1].split("```", 1)[0]
    assert set(re.findall(r'^  "(\w+)":', block, re.M)) == EVENT_KEYS


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_header_and_quoting() -> None:
    buf = io.StringIO(newline="")
    assert write_csv(events(), buf) == 2
    text = buf.getvalue()
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    full, bare = read_csv(text)
    assert full["evidence"] == 'Seoul, Aug 5 — "talks",\nheld'  # commas, quotes, newline survive
    assert '"Seoul, Aug 5 — ""talks"",\nheld"' in text
    assert full["actor"] == "Bae Kyung-hoon;South Korea" and full["actor_countries"] == "KOR"
    assert full["recipient"] == "Michael Kratsios" and full["recipient_countries"] == "USA"
    assert full["mode"] == "bilateral" and full["context"] == "technology;diplomatic"
    assert (full["location"], full["location_country"], full["lat"], full["lon"], full["geonames_id"]) == (
        "Incheon", "KOR", "37.456", "126.705", "1843564")
    assert full["topics"] == "artificial_intelligence;quantum"
    assert full["agreement_name"] == "Technology Prosperity Deal"
    assert full["agreement_kind"] == "memorandum of understanding"
    assert full["evidence_spans"] == "17-40;50-60" and full["confidence"] == "0.877"
    assert full["date"] == "2025-08-05" and full["date_precision"] == "day" and full["date_text"] == "Tuesday"
    assert bare["aux_mode"] == "future" and bare["actor"] == "" and bare["location"] == ""
    assert bare["lat"] == "" and bare["evidence"] == "" and bare["agreement_kind"] == ""
    assert bare["date"] == "" and bare["confidence"] == "0.5"


def test_csv_empty() -> None:
    buf = io.StringIO(newline="")
    assert write_csv([], buf) == 0
    assert buf.getvalue().strip() == ",".join(CSV_COLUMNS)
