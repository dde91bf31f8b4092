"""The first page of a filtered event list read through event_facets (the index of each country's
and topic's events in list order) is exactly the head of the whole list, on SQLite and PostgreSQL,
for every combination of the filters; and the substring index behind --text finds what a scan finds."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from conftest import cli_in_process
from pactwatch.io.store import Store

FILTERS = [
    {"country": "KOR"}, {"country": "usa"}, {"country": "XXX"}, {"pair": ("KOR", "USA")}, {"pair": ("CHN", "USA")},
    {"pair": ("JPN", "AUS")}, {"topic": "critical_minerals"}, {"topic": "artificial_intelligence", "country": "KOR"},
    {"country": "USA", "event_type": "agree"}, {"country": "JPN", "date_from": "2026-03", "date_to": "2026-06"},
    {"pair": ("DEU", "KOR"), "text": "hydrogen"}, {"country": "USA", "text": "the"}, {"country": "USA", "text": "Ha"},
    {"topic": "semiconductors", "min_confidence": 0.6}, {"country": "CHN", "entity": "China"},
    {"pair": ("GBR", "IND"), "topic": "communications"},
]


@pytest.fixture(params=["sqlite", "postgresql"])
def demo_store(request, demo_db: Path):
    if request.param == "sqlite":
        url = str(demo_db)
    else:
        url = request.getfixturevalue("pg_server").new_database()
        cli_in_process("demo", "--db", url, "-q")
    with Store(url, create=False, readonly=True) as s:
        yield s


def test_pages_are_the_head_of_the_whole_list(demo_store: Store) -> None:
    nonempty = 0
    for f in FILTERS:
        whole = [e.id for e in demo_store.events(**f)]
        nonempty += bool(whole)
        for limit in (1, 3, 10, 500):
            assert [e.id for e in demo_store.events(limit=limit, **f)] == whole[:limit], (f, limit)
        # latest first, a page of canonical events at a time (the web app's timeline and lists)
        total, ids = demo_store.canonical_page(f, limit=1000)
        for offset, limit in itertools.product((0, 2, 5), (1, 4)):
            assert demo_store.canonical_page(f, offset=offset, limit=limit, count=False)[1] == ids[offset:offset + limit]
        assert total == len(ids)
    assert nonempty >= 12


def test_text_index_finds_what_a_scan_finds(demo_store: Store) -> None:
    everything = demo_store.events()
    for word in ("hydrogen", "HYDROGEN", "minister", "Ha", "e", "100%", "o'c", 'a "b', "supply chain", "zzzq",
                 "n\nT", "Minister\n"):   # (a newline: the fields are tested one by one)
        want = [e.id for e in everything
                if any(word.lower() in (x.text or "").lower() for x in e.evidence)
                or any(word.lower() in (p.entity_name or "").lower() or word.lower() in (p.raw_text or "").lower()
                       for p in e.actor + e.recipient)]
        assert [e.id for e in demo_store.events(text=word)] == want, word


def test_pages_when_every_filter_is_large(demo_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The other ways a page is read: the text index skipped for a common text, read in list order."""
    from pactwatch.io.store import reading
    monkeypatch.setattr(reading, "TEXT_CAP", 3)
    monkeypatch.setattr(reading, "FACET_CAP", 5)
    test_pages_are_the_head_of_the_whole_list(demo_store)
    for word in ("minister", "the", "Ha"):
        whole = [e.id for e in demo_store.events(text=word)]
        assert [e.id for e in demo_store.events(text=word, limit=4)] == whole[:4]
