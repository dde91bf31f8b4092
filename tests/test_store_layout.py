"""What keeps a page of a large store cheap, tested by its structure (the plan SQLite chooses, the
rows a page reads), not by time; and that a database made before the layout (no pair facets, text
index ids in insertion order) reads the same: every page, timeline, commitment list and export."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import cli_in_process
from pactwatch.app import queries
from pactwatch.io.store import Store, reading
from pactwatch.io.store.schema import SEARCH_SEQ_BITS, UNDATED_RANK, date_rank

FILTERS = [{"pair": ("KOR", "USA")}, {"pair": ("usa", "chn")}, {"pair": ("GBR", "IND"), "topic": "communications"},
           {"pair": ("USA", "USA")}, {"pair": ("JPN", "KOR"), "country": "CHN"}, {"text": "minister"},
           {"text": "Ha"}, {"text": "quantum", "country": "KOR"}, {"text": "the", "date_from": "2026-02"},
           {"text": "zzzq"}, {"country": "USA", "text": "science"}, {"topic": "quantum", "text": "ministry"}]


def _plan(c, sql: str, params=()) -> str:
    return " | ".join(r[3] for r in c.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params))


def test_date_rank_sorts_as_the_dates_do() -> None:
    dates = ["2019", "2019-12", "2019-12-31", "2020", "2020-01", "2020-01-01", "2020-01-02", "2020-02", "2025-08-05"]
    assert sorted(dates, key=date_rank) == sorted(dates)
    assert [date_rank(d) for d in dates] == sorted(date_rank(d) for d in dates)
    assert date_rank(None) == UNDATED_RANK > date_rank("9999-12-31")


def test_a_new_database_has_the_layout(demo_db: Path) -> None:
    with Store(str(demo_db), readonly=True) as s, s.engine.connect() as c:
        assert s.layout == {"pair-facets", "search-by-date"}
        # each pair of an event's countries is listed, once, whichever way round
        n = c.exec_driver_sql("SELECT count(*) FROM event_facets WHERE facet = 'pair:KOR|USA'").scalar_one()
        assert n == len(s.events(pair=("USA", "KOR"))) > 5
        # the text index's ids follow the event dates
        rows = c.exec_driver_sql("SELECT s.id, e.date FROM event_search s JOIN events e ON e.id = s.event_id "
                                 "ORDER BY s.id").all()
        assert [date_rank(d) for _, d in rows] == sorted(date_rank(d) for _, d in rows)
        assert all(i >> SEARCH_SEQ_BITS == date_rank(d) for i, d in rows)


def test_plans_read_an_index_in_list_order(demo_db: Path) -> None:
    """The text page walks the FTS5 index in rowid order (no sort of the matches), the pair page
    one range of event_facets, the commitments page ix_derived_made_on (no sort either)."""
    with Store(str(demo_db), readonly=True) as s, s.engine.connect() as c:
        seen: list[str] = []
        real = c.execute

        def spy(q, *a, **k):
            if hasattr(q, "compile"):
                seen.append(str(q.compile(dialect=c.dialect, compile_kwargs={"literal_binds": True})))
            return real(q, *a, **k)
        c.execute = spy
        assert len(reading.page_ids(c, {"text": "minister"}, 3, layout=s.layout)) == 3
        text_sql = [q for q in seen if "event_search_fts MATCH" in q and "ORDER BY" in q]
        assert text_sql, seen
        plan = _plan(c, text_sql[0])
        assert "VIRTUAL TABLE INDEX 64" in plan and "TEMP B-TREE" not in plan, plan   # 64: ordered by rowid
        seen.clear()
        assert len(reading.page_ids(c, {"pair": ("USA", "KOR")}, 3, layout=s.layout)) == 3
        pair_sql = [q for q in seen if "event_facets" in q and "ORDER BY" in q]
        assert "pair:KOR|USA" in pair_sql[0]
        plan = _plan(c, pair_sql[0])
        assert "ix_event_facets_order" in plan and "TEMP B-TREE" not in plan, plan
        q = s._derived_query("commitment", "open", "IND", None, "made_on").limit(5)
        plan = _plan(c, str(q.compile(dialect=c.dialect, compile_kwargs={"literal_binds": True})))
        assert "ix_derived_made_on" in plan and "TEMP B-TREE" not in plan, plan


def _same_reads(s: Store) -> dict:
    out = {}
    for f in FILTERS:
        key = json.dumps(f, sort_keys=True)
        out[key] = ([e.id for e in s.events(**f)], [e.id for e in s.events(limit=4, **f)],
                    s.canonical_page(f, limit=1000), s.canonical_page(f, offset=2, limit=3, count=False),
                    [e.id for e in s.events_page(f, descending=True, offset=1, limit=3, count=False)[1]],
                    s.event_count(f))
    out["commitments"] = [r["id"] for r in queries.commitments(s)]
    out["commitments IND"] = [r["id"] for r in queries.commitments(s, "open", "IND")]
    out["page"] = [r["id"] for r in queries.commitment_page(s, None, "USA", None, 2, 5)]
    out["counts"] = queries.commitment_counts(s, "USA")
    out["pair"] = s.events_by_pair("USA", "KOR")
    return out


def test_an_older_database_reads_the_same(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same database read as one without the layout (its meta row removed): the same everywhere;
    and the web's latest-first page read through an index is the SQL query's (undated events last)."""
    old = tmp_path / "old.db"
    old.write_bytes(demo_db.read_bytes())
    with Store(str(old)) as s, s._write() as c:
        c.exec_driver_sql("DELETE FROM meta WHERE key = 'layout'")
    with Store(str(demo_db), readonly=True) as new, Store(str(old), readonly=True) as was:
        assert was.layout == frozenset()
        assert _same_reads(new) == _same_reads(was)
        walked = {json.dumps(f): [e.id for e in new.events_page(f, descending=True, limit=500, count=False)[1]]
                  for f in FILTERS}
        from pactwatch.io.store import browsing
        monkeypatch.setattr(browsing, "ordered_ids", lambda *a, **k: None)
        for f in FILTERS:
            sql = [e.id for e in new.events_page(f, descending=True, limit=500, count=False)[1]]
            undated = [i for i in sql if new.event(i).date is None]
            assert walked[json.dumps(f)] == [i for i in sql if i not in undated] + undated, f


def test_commitments_stream_in_batches_as_one_list(demo_db: Path) -> None:
    from pactwatch import link
    with Store(str(demo_db), readonly=True) as s:
        whole = sorted(link.current_roles(s, s.derived("commitment")), key=lambda r: (r["made_on"] or "", r["id"]))
        batches = list(queries.commitment_batches(s, size=7))
        assert len(batches) > 5 and all(len(b) <= 7 for b in batches)
        assert [r for b in batches for r in b] == whole
        assert queries.commitment_page(s, offset=10, limit=5) == whole[10:15]
        assert queries.commitment_counts(s) == queries.status_counts(whole)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_reads_a_batch_at_a_time(demo_db: Path, tmp_path: Path, fmt: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The events an export writes are read by iter_events, which holds one batch: the same file."""
    whole = tmp_path / f"whole.{fmt}"
    cli_in_process("export", "--db", demo_db, "--format", fmt, "-o", whole)
    calls = []
    real = Store.iter_events

    def small(self, *, batch=1000, **f):
        calls.append(batch)
        return real(self, batch=3, **f)
    monkeypatch.setattr(Store, "iter_events", small)
    part = tmp_path / f"part.{fmt}"
    cli_in_process("export", "--db", demo_db, "--format", fmt, "-o", part)
    assert calls and part.read_bytes() == whole.read_bytes()


def test_parquet_written_a_row_group_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A table given as a function is read twice (types, then rows) and written a few records at a
    time, with the types of the whole: the same tables as from the list at once."""
    pq = pytest.importorskip("pyarrow.parquet")
    ds = pytest.importorskip("pyarrow.dataset")
    from pactwatch.io import parquet
    recs = [{"id": f"r{i}", "date": f"2026-0{1 + i // 4}-1{i % 4}", "n": i if i != 5 else None,
             "x": (i / 2 if i > 6 else i), "tags": ["a"] * (i % 3), "at": {"k": "v"} if i == 9 else None,
             "deep": [{"a": [1]}] if i == 2 else None} for i in range(12)]
    recs.append({"id": "undated", "date": None, "n": 1})
    recs.insert(6, {"id": "back", "date": "2026-01-01", "n": 2})   # a partition met again
    reads = []

    def source():
        reads.append(1)
        return iter(recs)
    monkeypatch.setattr(parquet, "ROW_GROUP", 2)
    parquet.write_tables(tmp_path / "stream", {"t": (source, lambda r: r["date"])})
    monkeypatch.setattr(parquet, "ROW_GROUP", 10_000)
    parquet.write_tables(tmp_path / "whole", {"t": (recs, lambda r: r["date"])})
    assert len(reads) == 2
    one = ds.dataset(tmp_path / "stream" / "t", partitioning="hive").to_table()
    two = ds.dataset(tmp_path / "whole" / "t", partitioning="hive").to_table()
    assert one.schema == two.schema
    assert sorted(one.to_pylist(), key=lambda r: r["id"]) == sorted(two.to_pylist(), key=lambda r: r["id"])
    assert one.schema.field("x").type == "double" and one.schema.field("deep").metadata == {b"pactwatch.encoding": b"json"}
    files = sorted(p.relative_to(tmp_path / "stream" / "t").as_posix() for p in (tmp_path / "stream" / "t").rglob("*.parquet"))
    assert "year=2026/month=01/part-1.parquet" in files and "year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__/part-0.parquet" in files
    assert max(pq.ParquetFile(tmp_path / "stream" / "t" / f).metadata.row_group(0).num_rows for f in files) <= 2


def test_a_short_text_is_a_bounded_scan(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """1 or 2 characters (no trigram to look up): the events are read in list order, at most
    SHORT_TEXT_SCAN of them; a text they do not fill a page with gets a message, not a long scan."""
    from fastapi.testclient import TestClient
    from pactwatch.app.web.app import create_app
    monkeypatch.setattr(reading, "SHORT_TEXT_SCAN", 40)
    with Store(str(demo_db), readonly=True) as s:
        whole = [e.id for e in s.events(text="th")]
        assert [e.id for e in s.events(text="th", limit=5)] == whole[:5]
        assert len(s.events(text="Qz")) == 0               # the whole list: read, no limit
        with pytest.raises(reading.TextTooShort, match="give 3 characters or more"):
            s.events(text="Qz", limit=5)
    out = cli_in_process("events", "--db", demo_db, "--text", "Qz", "--limit", "5", check=False)
    assert out.returncode == 1 and "give 3 characters or more" in out.stderr and "Traceback" not in out.stderr
    with TestClient(create_app(str(demo_db), warm=False)) as client:
        r = client.get("/api/events?text=Qz")
    assert r.status_code == 400 and "3 characters" in r.json()["error"]


def test_month_windows_cover_every_date() -> None:
    """Latest first, the text index is read a window of months at a time: the windows' bounds
    (`_slot_rank`) are in date order and each date falls in its own month's window."""
    dates = ["2019", "2019-01", "2019-01-31", "2019-12-31", "2020", "2020-07", "2020-07-04", "2031-12"]
    for d in dates:
        slot = reading._month_slot(date_rank(d))
        assert reading._slot_rank(slot) <= date_rank(d) < reading._slot_rank(slot + 1), d
    assert [reading._month_slot(date_rank(d)) for d in dates] == sorted(reading._month_slot(date_rank(d)) for d in dates)
