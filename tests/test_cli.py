"""The pactwatch command end to end: `cli.main` in-process (one spaCy for the session), and the
installed console script in a real subprocess for the demo.

Seed tests (ingest, re-ingest, filters, show, export) use ../shared and skip without it; the
bad-input batch, the show of an own article and the demo need nothing outside the project.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from pactwatch.io.export import CSV_COLUMNS

SEED_AUG = "000_91c11504c86257ee"
SEED_OCT = "002_c190c86888b87c20"

SCHEMA_KEYS = {"id", "doc_id", "event_type", "mode", "context", "aux_mode", "actor", "recipient", "date",
               "date_precision", "date_text", "location", "topics", "agreement", "evidence", "confidence"}
ENTITY_KEYS = {"raw_text", "entity_name", "country", "sector_code", "role", "entity_type"}

SUMMARY = re.compile(r"^read (\d+)\s+new (\d+)\s+updated (\d+)\s+unchanged (\d+)\s+failed (\d+)\s+events (\d+)$", re.M)

# An article of our own, dated before the seeds, about a meeting on quantum research between two
# countries that are not in the seeds.
OWN_ARTICLE = (" date 2024-06-12 The Finnish science minister met her Estonian counterpart in Tallinn on Tuesday "
               "to discuss quantum computing research.\n")


def summary(stdout: str) -> dict[str, int]:
    m = SUMMARY.search(stdout)
    assert m, f"no summary line in:\n{stdout}"
    return dict(zip(("read", "new", "updated", "unchanged", "failed", "events"), map(int, m.groups())))


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def table_ids(stdout: str) -> list[str]:
    """Event ids from the `events` table: the rows between the dashed rule and the 'N event(s)' line."""
    lines = stdout.splitlines()
    rule = next(i for i, ln in enumerate(lines) if ln.startswith("---"))
    total = [ln for ln in lines if re.fullmatch(r"\d+ event\(s\)", ln.strip())]
    assert total, f"no total line in:\n{stdout}"
    ids = [ln.split()[0] for ln in lines[rule + 1:] if ln.strip() and not re.fullmatch(r"\d+ event\(s\)", ln.strip())]
    assert len(ids) == int(total[-1].split()[0])
    return ids


def participants(ev: dict) -> set[str]:
    return {e["country"] for e in ev["actor"] + ev["recipient"] if e["country"]}


def squash(s: str) -> str:
    return " ".join(s.split())


# ============================================================================ seeds through the CLI
@dataclass
class SeedDB:
    db: Path
    first: object            # CompletedProcess of the first ingest
    second: object           # ... of the re-ingest
    before: list[dict]       # export after the first ingest
    after: list[dict]        # export after the re-ingest
    events: list[dict]       # export after the own article was added too
    own_ids: set[str]        # events of the own article


@pytest.fixture(scope="module")
def seed_db(run_cli, seeds_dir, tmp_path_factory) -> SeedDB:
    tmp = tmp_path_factory.mktemp("cli-seeds")
    db = tmp / "seeds.db"
    first = run_cli("ingest", "--db", db, seeds_dir)
    before = jsonl(run_cli("export", "--db", db, "--format", "jsonl").stdout)
    second = run_cli("ingest", "--db", db, seeds_dir)
    after = jsonl(run_cli("export", "--db", db, "--format", "jsonl").stdout)
    own = tmp / "own" / "nordic_quantum_talks.txt"
    own.parent.mkdir()
    own.write_text(OWN_ARTICLE, encoding="utf-8")
    run_cli("ingest", "--db", db, own.parent)
    events = jsonl(run_cli("export", "--db", db, "--format", "jsonl").stdout)
    own_ids = {e["id"] for e in events if e["doc_id"] == "nordic_quantum_talks"}
    return SeedDB(db, first, second, before, after, events, own_ids)


def test_ingest_seeds_summary(seed_db) -> None:
    s = summary(seed_db.first.stdout)
    assert (s["read"], s["new"], s["updated"], s["unchanged"], s["failed"]) == (2, 2, 0, 0, 0)
    assert seed_db.first.stdout.startswith("read 2  new 2 ")
    assert s["events"] == len(seed_db.before) > 0
    assert {e["doc_id"] for e in seed_db.before} == {SEED_AUG, SEED_OCT}


def test_reingest_is_unchanged(seed_db) -> None:
    s = summary(seed_db.second.stdout)
    assert (s["read"], s["new"], s["updated"], s["unchanged"], s["failed"], s["events"]) == (2, 0, 0, 2, 0, 0)
    assert "unchanged 2" in seed_db.second.stdout
    assert len(seed_db.after) == len(seed_db.before)
    assert seed_db.after == seed_db.before, "re-ingesting the same files changed the stored events"


def test_own_article_was_added(seed_db) -> None:
    assert seed_db.own_ids, "the own article's meeting is an event"
    assert len(seed_db.events) == len(seed_db.before) + len(seed_db.own_ids)


def test_events_pair_filter(run_cli, seed_db) -> None:
    ids = table_ids(run_cli("events", "--db", seed_db.db, "--pair", "KOR", "USA").stdout)
    expected = {e["id"] for e in seed_db.events if {"KOR", "USA"} <= participants(e)}
    assert set(ids) == expected
    assert len(ids) == len(set(ids))
    assert not set(ids) & seed_db.own_ids
    assert {e["id"] for e in seed_db.before} == expected, "every seed event is between South Korea and the US"
    # lower case codes and the reversed order mean the same pair
    assert set(table_ids(run_cli("events", "--db", seed_db.db, "--pair", "usa", "kor").stdout)) == expected


def test_events_type_filter(run_cli, seed_db) -> None:
    ids = table_ids(run_cli("events", "--db", seed_db.db, "--type", "consult").stdout)
    expected = {e["id"] for e in seed_db.events if e["event_type"] == "CONSULT"}
    assert set(ids) == expected
    assert seed_db.own_ids <= set(ids)
    seed_consults = [e for e in seed_db.before if e["event_type"] == "CONSULT"]
    assert len(seed_consults) == 3          # Bae-Kratsios, Cho-Rubio, Lee-Altman


def test_events_topic_filter(run_cli, seed_db) -> None:
    ids = table_ids(run_cli("events", "--db", seed_db.db, "--topic", "quantum").stdout)
    expected = {e["id"] for e in seed_db.events if "quantum" in e["topics"]}
    assert set(ids) == expected
    assert seed_db.own_ids <= set(ids)
    deal = [e for e in seed_db.events if (e["agreement"] or {}).get("name") == "Technology Prosperity Deal"]
    assert deal and deal[0]["id"] in ids
    assert not [e for e in seed_db.events if e["id"] in ids and e["doc_id"] == SEED_AUG]


def test_events_date_filter(run_cli, seed_db) -> None:
    ids = table_ids(run_cli("events", "--db", seed_db.db, "--from", "2025-10-01").stdout)
    assert set(ids) == {e["id"] for e in seed_db.events if e["doc_id"] == SEED_OCT}
    months = {e["id"]: e["date"] for e in seed_db.events}
    assert "2025-10" in {months[i] for i in ids}, "an event dated only to October 2025 overlaps the range"
    assert all(months[i] is not None and months[i] >= "2025-10" for i in ids)


def test_events_min_confidence_filter(run_cli, seed_db) -> None:
    conf = {e["id"]: e["confidence"] for e in seed_db.events}
    cut = sorted(conf.values())[len(conf) // 2]
    ids = table_ids(run_cli("events", "--db", seed_db.db, "--min-confidence", cut).stdout)
    assert set(ids) == {i for i, c in conf.items() if c >= cut} and 0 < len(ids) < len(conf)
    exported = jsonl(run_cli("export", "--db", seed_db.db, "--min-confidence", cut).stdout)
    assert {e["id"] for e in exported} == set(ids)


def test_show_prints_evidence_and_place(run_cli, seed_db) -> None:
    ev = next(e for e in seed_db.events if e["location"] and e["location"]["name"] == "Incheon")
    out = run_cli("show", ev["id"], "--db", seed_db.db).stdout
    assert ev["id"] in out and "CONSULT" in out
    assert re.search(r"^place\s+Incheon, KOR\b", out, re.M), out
    assert "1843564" in out
    flat = squash(out)
    for sp in ev["evidence"]:
        assert f"[{sp['start']}-{sp['end']}]" in out
        assert squash(sp["text"]) in flat, f"evidence {sp['text'][:60]!r} not shown"
    assert "Bae Kyung-hoon" in out and "Michael Kratsios" in out


def test_show_unknown_id(run_cli, seed_db) -> None:
    proc = run_cli("show", "no-such-event", "--db", seed_db.db, check=False)
    assert proc.returncode != 0
    assert "no-such-event" in proc.stderr


def test_export_csv_file(run_cli, seed_db, tmp_path) -> None:
    out = tmp_path / "events.csv"
    run_cli("export", "--db", seed_db.db, "--format", "csv", "-o", out)
    with open(out, encoding="utf-8", newline="") as fp:
        rows = list(csv.reader(fp))
    assert rows[0] == list(CSV_COLUMNS)
    assert {"id", "doc_id", "event_type", "date", "evidence"} <= set(rows[0])
    body = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert len(body) == len(seed_db.events)
    assert {r["id"] for r in body} == {e["id"] for e in seed_db.events}
    by_id = {e["id"]: e for e in seed_db.events}
    for r in body:
        assert r["event_type"] == by_id[r["id"]]["event_type"]
        assert r["evidence"] == by_id[r["id"]]["evidence"][0]["text"]


def test_export_jsonl_records(run_cli, seed_db) -> None:
    proc = run_cli("export", "--db", seed_db.db, "--format", "jsonl")
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    assert len(lines) == len(seed_db.events)
    for ln in lines:
        rec = json.loads(ln)
        assert set(rec) == SCHEMA_KEYS
        for ent in rec["actor"] + rec["recipient"]:
            assert set(ent) == ENTITY_KEYS
        assert rec["evidence"] and all(sp["doc_id"] == rec["doc_id"] for sp in rec["evidence"])


def test_export_jsonl_filter_matches_events(run_cli, seed_db) -> None:
    exported = jsonl(run_cli("export", "--db", seed_db.db, "--format", "jsonl", "--pair", "KOR", "USA").stdout)
    shown = table_ids(run_cli("events", "--db", seed_db.db, "--pair", "KOR", "USA").stdout)
    assert [e["id"] for e in exported] == shown


# ============================================================================ bad input (own files only)
GOOD_TEXT = OWN_ARTICLE
JSONL_LINES = [
    json.dumps({"id": "j1", "date": "2024-05-02", "text": "The Norwegian foreign minister visited Ottawa on Monday "
                "for talks with Canadian officials on Arctic research."}),
    '{"id": "j2", "date": "2024-05-03", "text": ',
    json.dumps({"id": "j3", "date": "2024-05-04", "text": "Kenya and Ethiopia signed a memorandum of understanding "
                "on satellite data sharing in Nairobi on Friday."}),
]


@pytest.fixture(scope="module")
def bad_batch(run_cli, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cli-bad")
    folder = tmp / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x00\xff\xfe")
    (folder / "legacy.txt").write_bytes(" date 2024-06-12 The ministers met in Malmö on Tuesday to discuss "
                                        "café research.\n".encode("latin-1"))
    (folder / "batch.jsonl").write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    db = tmp / "bad.db"
    proc = run_cli("ingest", "--db", db, folder, check=False)
    return db, folder, proc


def test_bad_input_does_not_stop_the_batch(bad_batch) -> None:
    db, folder, proc = bad_batch
    assert proc.returncode == 0, proc.stderr
    s = summary(proc.stdout)
    assert s["failed"] >= 3
    assert s["new"] == 4                      # good.txt, legacy.txt (decoded from cp1252), j1, j3
    for name in ("empty.txt", "picture.txt"):
        assert name in proc.stderr, f"{name} not named in:\n{proc.stderr}"
    assert re.search(r"warning: .*legacy\.txt: decoded from cp1252", proc.stderr), proc.stderr
    assert re.search(r"batch\.jsonl:2\b", proc.stderr), proc.stderr
    assert "batch.jsonl:1" not in proc.stderr and "batch.jsonl:3" not in proc.stderr
    assert not [ln for ln in proc.stderr.splitlines() if "failed" in ln and "good.txt" in ln]


def test_bad_input_good_documents_stored(run_cli, bad_batch) -> None:
    db, _, _ = bad_batch
    events = jsonl(run_cli("export", "--db", db, "--format", "jsonl").stdout)
    assert {e["doc_id"] for e in events} >= {"good", "j1", "j3"}
    assert {e["doc_id"] for e in events} <= {"good", "j1", "j3", "legacy"}
    legacy = [x["text"] for e in events if e["doc_id"] == "legacy" for x in e["evidence"]]
    assert not any("Ã" in t for t in legacy)   # decoded, not mojibake


def test_failures_command_lists_bad_inputs(run_cli, bad_batch) -> None:
    db, _, _ = bad_batch
    out = run_cli("failures", "--db", db).stdout
    for name in ("empty.txt", "picture.txt"):
        assert name in out
    assert "legacy.txt" not in out            # latin-1 is detected and decoded, not rejected
    assert re.search(r"batch\.jsonl:2\b", out)
    m = re.search(r"^(\d+) failure\(s\)$", out, re.M)
    assert m and int(m.group(1)) >= 3
    assert "good.txt" not in out


def test_show_own_article_event(run_cli, bad_batch) -> None:
    db, _, _ = bad_batch
    ev = next(e for e in jsonl(run_cli("export", "--db", db, "--format", "jsonl").stdout) if e["doc_id"] == "good")
    out = run_cli("show", ev["id"], "--db", db).stdout
    assert re.search(r"^place\s+Tallinn, EST\b", out, re.M), out
    assert squash(ev["evidence"][0]["text"]) in squash(out)


# ============================================================================ demo
def test_demo_builds_a_database_and_prints_a_table(run_cli_process, tmp_path) -> None:
    """The README's first command, as a real process: the console script, a fresh spaCy."""
    db = tmp_path / "demo.db"
    proc = run_cli_process("demo", "--db", db, "-q")
    out = proc.stdout
    assert summary(out)["read"] == 30 and summary(out)["failed"] == 0
    assert re.search(r"^id\s+date\s+type\s+actors\s+recipients\s+place\s+topics\s+evidence", out, re.M), out
    m = re.search(r"^(\d+) events in .*demo\.db: ", out, re.M)
    assert m, out
    total = int(m.group(1))
    assert total > 30
    rule = out.splitlines().index(next(ln for ln in out.splitlines() if ln.startswith("---")))
    rows = [ln for ln in out.splitlines()[rule + 1:] if re.match(r"^[0-9a-f]{16}\s", ln)]
    assert len(rows) == total
    assert db.exists()
