"""Store: exact round trips, idempotent re-saves, replacement without orphans, filters,
runs/failures, and all-or-nothing transactions."""
from __future__ import annotations

import sqlite3
import sys
from dataclasses import replace
from pathlib import Path

try:
    import pactwatch  # noqa: F401
except ImportError:  # running from a checkout without an install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import pytest

from pactwatch.model import DocResult, Document, Entity, Event, Evidence, Failure, Location, Sentence
from pactwatch.io.store import SCHEMA_VERSION, Store, StoreError, date_bounds, default_db_path

TEXT = (" date 2025-08-05 Ottawa, Aug 5 Canada and the Republic of Korea opened a dialogue Tuesday on robotics. "
        "Park met Tremblay in Busan. Both sides will sign a memorandum on quantum research.")


def span(doc: Document, needle: str) -> Evidence:
    s = doc.text.index(needle)
    return Evidence(doc.id, s, s + len(needle), needle)


def kor(raw: str = "Republic of Korea") -> Entity:
    return Entity(raw, "South Korea", "KOR", "GOV", None, "country", start=TEXT.index(raw),
                  end=TEXT.index(raw) + len(raw))


def usa() -> Entity:
    return Entity("the United States", "United States", "USA", "GOV", None, "country")


def make_result(doc_id: str = "d1", text: str = TEXT, date: str | None = "2025-08-05",
                prefix: str | None = None) -> DocResult:
    doc = Document(id=doc_id, text=text, date=date, title="AI talks", source="Yonhap", url="http://x/1",
                   language="en", origin=f"/in/{doc_id}.txt", body_start=17, warnings=["w1"])
    p = prefix or doc_id
    first = text.index("Ottawa")
    sents = [Sentence(doc_id, 0, first, text.index("robotics.") + 9, ""),
             Sentence(doc_id, 1, text.index("Park"), text.index("Busan.") + 6, "")]
    for s in sents:
        s.text = text[s.start:s.end]
    bae = Entity("Park", "Park Ji-won", "KOR", "GOV", "Minister of Science and ICT", "person",
                 start=text.index("Park"), end=text.index("Park") + 3)
    kratsios = Entity("Tremblay", "Claire Tremblay", "USA", "GOV", "Director of Research", "person")
    e1 = Event(doc_id=doc_id, event_type="CONSULT", id=f"{p}-e1", mode=["bilateral"],
               context=["technology", "diplomatic"], aux_mode=None, actor=[kor(), usa()], recipient=[],
               date="2025-08-05", date_precision="day", date_text="Tuesday",
               location=Location("Busan", "KOR", 35.102, 129.040, 1838524),
               topics=["artificial_intelligence"], agreement=None,
               evidence=[span(doc, "Canada and the Republic of Korea opened a dialogue Tuesday on robotics."),
                         span(doc, "Park met Tremblay in Busan.")],
               confidence=0.8712345, trigger="opened a dialogue")
    e2 = Event(doc_id=doc_id, event_type="AGREE", id=f"{p}-e2", mode=[], context=["science"],
               aux_mode="future", actor=[bae], recipient=[kratsios], date="2025-08",
               date_precision="month", date_text="this month", location=None,
               topics=["quantum", "science_research"],
               agreement={"name": None, "kind": "memorandum of understanding"},
               evidence=[span(doc, "Both sides will sign a memorandum on quantum research.")],
               confidence=0.6, trigger="will sign")
    e3 = Event(doc_id=doc_id, event_type="COOPERATE", id=f"{p}-e3", actor=[Entity("Park", "Park Ji-won",
               "KOR", "GOV", None, "person")], evidence=[span(doc, "Park met")], confidence=0.3)
    return DocResult(doc, sents, [kor(), usa(), bae], [e1, e2, e3])


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path):
    """A new store: a SQLite file, and a PostgreSQL database on the session's throwaway server
    (skipped when PostgreSQL is not installed, unless PACTWATCH_REQUIRE_PG=1)."""
    if request.param == "postgresql":
        s = Store(request.getfixturevalue("pg_url"))
    else:
        s = Store(str(tmp_path / "sub" / "t.db"))
    yield s
    s.close()


def table_counts(store: Store) -> dict[str, int]:
    import sqlalchemy as sa
    with store.engine.connect() as c:
        # (the full-text index's own tables, event_search_fts*, hold its configuration even when empty)
        names = [n for n in sa.inspect(c).get_table_names() if not n.startswith("event_search_fts")]
        return {n: c.exec_driver_sql(f'select count(*) from "{n}"').scalar_one() for n in names}


def test_default_db_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PACTWATCH_DB", raising=False)
    assert default_db_path() == "pactwatch.db"
    monkeypatch.setenv("PACTWATCH_DB", "/tmp/x.db")
    assert default_db_path() == "/tmp/x.db"


def test_sqlite_settings_and_version(store: Store, tmp_path: Path) -> None:
    if store.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's settings (tests/test_postgres.py has PostgreSQL's)")
    with store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0
        assert c.exec_driver_sql("select value from meta where key='schema_version'").scalar() == str(SCHEMA_VERSION)
    store.close()
    with sqlite3.connect(tmp_path / "sub" / "t.db") as c:
        c.execute("update meta set value='99'")
    with pytest.raises(StoreError, match="schema version 99"):
        Store(str(tmp_path / "sub" / "t.db"))


def test_url_and_memory() -> None:
    with Store("sqlite://") as s:
        assert s.save(make_result()) == "new"
        assert s.counts()["events"] == 3
    with Store(":memory:") as s:
        assert s.counts()["documents"] == 0


def test_round_trip(store: Store) -> None:
    r = make_result()
    assert store.document_state(r.document) == "new"
    assert store.save(r) == "new"
    for ev in r.events:
        back = store.event(ev.id)
        assert back is not None
        assert back.to_dict() == ev.to_dict()
        assert back == ev  # trigger, unrounded confidence and entity offsets too
    assert store.event("nope") is None
    doc = store.document("d1")
    assert doc == r.document
    assert store.document("nope") is None
    assert store.sentences("d1") == r.sentences
    assert store.documents() == [{"id": "d1", "date": "2025-08-05", "title": "AI talks", "n_events": 3}]
    assert store.counts() == {"documents": 1, "sentences": 2, "entities": 3, "events": 3,
                              "failures": 0, "runs": 0}
    assert store.document_state(r.document) == "unchanged"
    assert store.document_state(replace(r.document, text=r.document.text + " More.")) == "changed"


def test_unchanged_writes_nothing(store: Store) -> None:
    r = make_result()
    store.save(r)
    before = table_counts(store)
    rowid = "rowid" if store.engine.dialect.name == "sqlite" else "ctid"   # where the row is stored
    with store.engine.connect() as c:
        stamp = c.exec_driver_sql(f"select ingested_at, {rowid} from documents").all()
    r2 = make_result()
    r2.events = []  # would drop the events if anything were written
    assert store.save(r2) == "unchanged"
    assert table_counts(store) == before
    with store.engine.connect() as c:
        assert c.exec_driver_sql(f"select ingested_at, {rowid} from documents").all() == stamp
    assert store.save(r2, force=True) == "updated"
    assert store.counts()["events"] == 0


def test_changed_replaces_without_orphans(store: Store) -> None:
    store.save(make_result())
    new_text = TEXT + " More news."
    r = make_result(text=new_text, prefix="v2")
    r.events = r.events[:1]
    assert store.save(r) == "updated"
    assert [e.id for e in store.events()] == ["v2-e1"]
    assert store.event("d1-e1") is None
    assert store.document("d1").text == new_text
    counts = table_counts(store)
    assert counts["events"] == 1 and counts["documents"] == 1
    assert counts["evidence"] == 2 and counts["event_participants"] == 2 and counts["event_topics"] == 1
    assert counts["sentences"] == 2 and counts["mentions"] == 3
    with store.engine.connect() as c:
        for t in ("evidence", "event_participants", "event_topics"):
            assert c.exec_driver_sql(f"select count(*) from {t} where event_id not in "
                                     f"(select id from events)").scalar() == 0


def test_filters(store: Store) -> None:
    store.save(make_result("d1"))
    other = make_result("d2", date="2024-01-01")
    other.events[0].date, other.events[0].actor = "2024-12-31", [kor(), Entity("China", "China", "CHN")]
    other.events[1].date = None
    other.events[2].event_type = "SANCTION"
    store.save(other)
    ids = lambda **kw: [e.id for e in store.events(**kw)]
    # order: by date (undated last), doc, first evidence offset
    assert ids() == ["d2-e1", "d1-e2", "d1-e1", "d1-e3", "d2-e3", "d2-e2"]
    assert ids(country="USA") == ["d1-e2", "d1-e1", "d2-e2"]
    assert ids(country="chn") == ["d2-e1"]
    assert ids(pair=("KOR", "CHN")) == ["d2-e1"]
    assert ids(pair=("USA", "KOR")) == ["d1-e2", "d1-e1", "d2-e2"]
    assert ids(event_type="sanction") == ["d2-e3"]
    assert ids(topic="quantum") == ["d1-e2", "d2-e2"]
    assert ids(date_from="2025-08-05") == ["d1-e2", "d1-e1"]  # the month 2025-08 overlaps
    assert ids(date_from="2025-08-06") == ["d1-e2"]
    assert ids(date_to="2024-12") == ["d2-e1"]
    assert ids(date_from="2024", date_to="2024") == ["d2-e1"]
    assert ids(text="tremblay") == ["d2-e1", "d1-e2", "d1-e1", "d2-e2"]  # name or evidence
    assert ids(text="China") == ["d2-e1"]
    assert ids(text="100%") == []
    assert ids(doc_id="d2", limit=2) == ["d2-e1", "d2-e3"]
    assert ids(country="KOR", event_type="CONSULT", topic="artificial_intelligence") == ["d2-e1", "d1-e1"]
    with pytest.raises(StoreError):
        store.events(date_from="last week")


def test_date_bounds() -> None:
    assert date_bounds("2024-02") == ("2024-02-01", "2024-02-29")
    assert date_bounds("2025") == ("2025-01-01", "2025-12-31")
    assert date_bounds("2025-08-05") == ("2025-08-05", "2025-08-05")
    assert date_bounds(None) == (None, None) and date_bounds("soon") == (None, None)


def test_runs_and_failures(store: Store) -> None:
    run = store.start_run("ingest", ["a/", "b.jsonl"])
    store.record_failure(run, Failure("b.jsonl", "line 3: not JSON (x)", line=3))
    store.record_failure(None, Failure("c.txt", "empty file", doc_id="c"))
    store.save(make_result(), run_id=run)
    store.finish_run(run, {"documents": 1, "failures": 1})
    [r] = store.runs()
    assert r["id"] == run and r["command"] == "ingest" and r["paths"] == ["a/", "b.jsonl"]
    assert r["counts"] == {"documents": 1, "failures": 1, "status": "finished"} and r["started_at"] and r["finished_at"]
    [f] = store.failures(run)
    assert (f["origin"], f["line"], f["reason"], f["run_id"]) == ("b.jsonl", 3, "line 3: not JSON (x)", run)
    assert len(store.failures()) == 2
    assert store.counts()["runs"] == 1 and store.counts()["failures"] == 2
    with store.engine.connect() as c:
        assert c.exec_driver_sql("select run_id from documents").scalar() == run


def test_duplicate_event_ids_raise_and_store_nothing(store: Store) -> None:
    r = make_result()
    r.events[1].id = r.events[0].id
    with pytest.raises(StoreError, match="appears twice"):
        store.save(r)
    assert store.document("d1") is None and store.counts()["events"] == 0
    store.save(make_result("d1"))
    clash = make_result("d2", prefix="d1")  # same event ids as d1
    with pytest.raises(StoreError, match="two documents"):
        store.save(clash)
    assert store.document("d2") is None
    with pytest.raises(StoreError, match="two documents"):
        store.save_many([make_result("d3", prefix="x"), make_result("d4", prefix="x")])
    assert store.document("d3") is None and store.document("d4") is None


def test_failure_mid_write_rolls_back(store: Store) -> None:
    bad = make_result("d9")
    bad.events[2].event_type = None  # NOT NULL: fails after the document and sentences are inserted
    with pytest.raises(StoreError, match="could not save document 'd9'"):
        store.save(bad)
    assert all(n == 0 for t, n in table_counts(store).items() if t not in ("meta",))
    # an update that fails keeps the old version whole
    store.save(make_result("d1"))
    before = table_counts(store)
    broken = make_result("d1", text=TEXT + " Later.")
    broken.events[1].event_type = None
    with pytest.raises(StoreError):
        store.save(broken)
    assert table_counts(store) == before
    assert store.document("d1").text == TEXT
    # in a batch, the failing batch is not stored at all
    good = make_result("d2")
    with pytest.raises(StoreError, match="batch of 2"):
        store.save_many([good, bad])
    assert store.document("d2") is None


def test_save_many(store: Store) -> None:
    rs = [make_result(f"d{i}") for i in range(7)]
    assert store.save_many(rs, batch_size=3) == ["new"] * 7
    changed = make_result("d3", text=TEXT + " Extra.")
    assert store.save_many([make_result("d0"), changed, make_result("d9")]) == ["unchanged", "updated", "new"]
    # the same id twice in one call behaves like two saves in turn
    assert store.save_many([make_result("d20"), make_result("d20", text=TEXT + "!")]) == ["new", "updated"]
    assert store.document("d20").text == TEXT + "!"
    assert store.counts()["documents"] == 9 and store.counts()["events"] == 27


def test_event_doc_mismatch_rejected(store: Store) -> None:
    r = make_result()
    r.events[0].doc_id = "other"
    with pytest.raises(StoreError, match="doc_id"):
        store.save(r)


def test_search_index_follows_saves_and_check_sees_it_missing(store: Store) -> None:
    store.save(make_result())
    assert [e.id for e in store.events(text="ROBOTICS")] == ["d1-e1"]
    assert [e.id for e in store.events(text="claire")] == ["d1-e2"]     # a participant's name only
    r = make_result()
    r.document.text = r.document.text.replace("robotics", "robotiks")
    r.events[0].evidence[0].text = r.events[0].evidence[0].text.replace("robotics", "robotiks")
    store.save(r)    # replaced: the old search text goes with the old events
    assert store.events(text="robotics") == [] and [e.id for e in store.events(text="robotiks")] == ["d1-e1"]
    assert store.check() == []
    with store.engine.begin() as c:
        c.exec_driver_sql("delete from event_search where event_id = 'd1-e1'")
    assert any("1 event(s) missing from the text search index" in p for p in store.check())
