"""`pactwatch export --format parquet --out DIR`: one table per record kind, partitioned hive-style by
year and month, read back with pyarrow.dataset alone (no pactwatch code) equal to the JSON Lines
export of the same records."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pactwatch.io.store import Store
from conftest import cli_in_process

pa = pytest.importorskip("pyarrow")
ds = pytest.importorskip("pyarrow.dataset")

KINDS = {"events": "events", "canonical": "canonical", "commitments": "commitments",
         "agreements": "agreements", "actors": "actors"}


def read_back(folder: Path) -> list[dict]:
    """The rows of one exported table as a reader without pactwatch sees them, JSON-text columns
    decoded (as their field metadata says) and the partition keys dropped."""
    dataset = ds.dataset(folder, format="parquet", partitioning="hive")
    table = dataset.to_table()
    json_cols = [f.name for f in dataset.schema if (f.metadata or {}).get(b"pactwatch.encoding") == b"json"]
    rows = table.to_pylist()
    for r in rows:
        for k in json_cols:
            r[k] = None if r[k] is None else json.loads(r[k])
    return rows


def _clean(v):
    """Nulls dropped from objects (a struct has every key any record has, null where a record has none)."""
    if isinstance(v, dict):
        return {k: _clean(x) for k, x in v.items() if x is not None}
    if isinstance(v, list):
        return [_clean(x) for x in v]
    return v


def _key(r: dict) -> str:
    return r.get("id") or r.get("entity_name")


@pytest.fixture(scope="module")
def exported(demo_db: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pq") / "export"
    proc = cli_in_process("export", "--db", demo_db, "--format", "parquet", "--out", out)
    with Store(str(demo_db), create=False) as store:
        events = store.counts()["events"]
    assert f"wrote {events} events" in proc.stderr and "(Parquet, partitioned by year and month)" in proc.stderr
    return out


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_table_reads_back_equal_to_the_jsonl_export(kind: str, exported: Path, demo_db: Path) -> None:
    jsonl = [json.loads(line) for line in
             cli_in_process("export", "--db", demo_db, "--what", kind).stdout.splitlines()]
    got = read_back(exported / KINDS[kind])
    assert len(got) == len(jsonl) > 0
    for r in got:
        year, month = r.pop("year"), r.pop("month")
        date = r.get("date") or r.get("made_on") or r.get("first_seen") or r.get("first_reported")
        if kind != "agreements":
            assert (year, month) == ((int(date[:4]) if date else None),
                                     (int(date[5:7]) if date and len(date) >= 7 else None))
    assert sorted(map(_clean, got), key=_key) == sorted(map(_clean, jsonl), key=_key)


def test_hive_layout_participants_and_documents(exported: Path, demo_db: Path) -> None:
    assert (exported / "events" / "year=2026" / "month=03").is_dir()
    assert list((exported / "events" / "year=2026" / "month=03").glob("*.parquet"))
    assert {p.name for p in exported.iterdir()} == {"events", "participants", "documents", "canonical",
                                                    "commitments", "agreements", "actors", "_pactwatch_export.json"}
    events = read_back(exported / "events")
    parts = read_back(exported / "participants")
    assert len(parts) == sum(len(e["actor"]) + len(e["recipient"]) for e in events)
    kor_usa = {p["event_id"] for p in parts if p["country"] == "KOR"} & {p["event_id"] for p in parts if p["country"] == "USA"}
    listed = cli_in_process("events", "--db", demo_db, "--pair", "KOR", "USA").stdout
    assert f"{len(kor_usa)} event(s)" in listed
    docs = read_back(exported / "documents")
    assert len(docs) == 30 and sum(d["n_events"] for d in docs) == len(events)
    # a reader filtering on the partition keys reads only those folders
    march = ds.dataset(exported / "events", partitioning="hive").to_table(
        filter=(ds.field("year") == 2026) & (ds.field("month") == 3))
    assert march.num_rows == sum(1 for e in events if (e["date"] or "").startswith("2026-03"))


def test_one_table_filters_and_refusals(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "kor"
    cli_in_process("export", "--db", demo_db, "--format", "parquet", "--out", out, "--what", "events",
                   "--country", "KOR")
    assert {p.name for p in out.iterdir()} == {"events", "participants", "_pactwatch_export.json"}
    events = read_back(out / "events")
    assert events and all(any(x["country"] == "KOR" for x in e["actor"] + e["recipient"]) for e in events)
    # a previous export is replaced as a whole
    cli_in_process("export", "--db", demo_db, "--format", "parquet", "--out", out, "--what", "agreements")
    assert {p.name for p in out.iterdir()} == {"agreements", "_pactwatch_export.json"}
    # any other folder is left alone
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep me")
    proc = cli_in_process("export", "--db", demo_db, "--format", "parquet", "--out", other, check=False)
    assert proc.returncode == 1 and "is not an empty folder or a pactwatch Parquet export" in proc.stderr
    assert proc.stderr.count("\n") == 1 and [p.name for p in other.iterdir()] == ["notes.txt"]
    proc = cli_in_process("export", "--db", demo_db, "--format", "parquet", check=False)
    assert proc.returncode == 2 and "give it with --out DIR" in proc.stderr


def test_the_events_are_read_twice_with_their_participants(demo_db: Path, tmp_path: Path, monkeypatch) -> None:
    """The participants table is made of each event in the passes that write the events (column types, then
    rows): the store's events are read twice in all, not twice more for the participants."""
    reads = []
    real = Store.iter_events

    def counted(self, *a, **k):
        reads.append(1)
        return real(self, *a, **k)
    monkeypatch.setattr(Store, "iter_events", counted)
    out = tmp_path / "ev"
    cli_in_process("export", "--db", demo_db, "--format", "parquet", "--out", out, "--what", "events")
    assert len(reads) == 2
    people = read_back(out / "participants")
    events = read_back(out / "events")
    assert len(people) == sum(len(e["actor"]) + len(e["recipient"]) for e in events)
