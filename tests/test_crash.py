"""Crash safety: SIGKILL a real `pactwatch ingest` at several points, check the database after
each kill, re-run, and compare with one clean run: no document lost, none stored twice, no
orphan rows, the cross-document layer completed. Also: readers work while an ingest runs.

Kill points (one database, killed again and again, as a user retrying would):
  1-3. 0.5 s, 1.5 s and 3 s after the start (start-up, model loading, extraction)
  4.   as soon as the first batch of documents is committed (between two batches)
  5.   as soon as the last batch is committed (the link stage has begun)
  6.   as soon as cross-document links appear (inside the link stage: links written,
       clusters and commitments not yet)
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL") or sys.platform == "win32",
                                reason="needs POSIX signals")

N_DOCS = 120
KILL_POINTS = ["t>=0.5s", "t>=1.5s", "t>=3.0s", "first batch committed", "last batch committed",
               "links being written"]

PAIRS = [("South Korea", "the United States", "Seoul"), ("Japan", "India", "Tokyo"),
         ("France", "Germany", "Paris"), ("Brazil", "China", "Brasilia"),
         ("Australia", "Indonesia", "Canberra"), ("Canada", "Mexico", "Ottawa")]
TOPICS = ["artificial intelligence", "quantum computing", "semiconductors", "space exploration",
          "nuclear energy", "critical minerals"]
VERBS = ["signed an agreement on", "agreed to cooperate on", "held talks on", "announced joint research in"]


def article(i: int) -> str:
    a, b, city = PAIRS[i % len(PAIRS)]
    topic = TOPICS[(i // 6) % len(TOPICS)]
    verb = VERBS[(i // 2) % len(VERBS)]
    m, d = 1 + i % 12, 1 + i % 28
    return (f"date 2025-{m:02d}-{d:02d} {city}, {d} {a} and {b} {verb} {topic} on Tuesday, officials said. "
            f"The ministers will meet again next month to discuss {TOPICS[i % len(TOPICS)]} and funding. "
            f"Report number {i} said {a} offered {i + 3} million dollars for the programme.\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("crash") / "articles"
    d.mkdir()
    for i in range(N_DOCS):
        (d / f"a{i:03d}.txt").write_text(article(i), encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def env() -> dict:
    e = dict(os.environ, NO_COLOR="1")
    e.pop("PACTWATCH_DB", None)
    return e


def count(db: Path, table: str) -> int:
    """Rows in a table, read with a plain read-only SQLite connection (0 while it does not exist)."""
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5)
        try:
            return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _has_tables(db: Path) -> bool:
    """The database holds at least one table (a kill may land after SQLite wrote the file's header)."""
    try:
        return bool(rows(db, "SELECT name FROM sqlite_master WHERE type = 'table'"))
    except sqlite3.Error:
        return True     # unreadable: let `check` say why


def rows(db: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return sorted(con.execute(sql).fetchall())
    finally:
        con.close()


def start(exe: str, db: Path, corpus: Path, env: dict, log: Path) -> subprocess.Popen:
    out = open(log, "w", encoding="utf-8")
    return subprocess.Popen([exe, "ingest", "--db", str(db), "-q", str(corpus)], stdout=out,
                            stderr=subprocess.STDOUT, env=env)


def run(exe: str, *args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([exe, *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def clean(pactwatch_exe: str, corpus: Path, env: dict, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One clean run, with readers (in-process queries and `pactwatch export`/`check`) working
    on the database while it runs."""
    from pactwatch.io.export import write_jsonl
    from pactwatch.io.store import Store

    tmp = tmp_path_factory.mktemp("clean")
    db = tmp / "clean.db"
    proc = start(pactwatch_exe, db, corpus, env, tmp / "ingest.log")
    reads: list[tuple[int, int]] = []      # (documents seen, events read) by in-process readers
    exports: list[subprocess.CompletedProcess] = []
    checks: list[subprocess.CompletedProcess] = []
    deadline = time.monotonic() + 120
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if count(db, "meta") == 0:
                time.sleep(0.02)
                continue
            with Store(str(db)) as store, open(os.devnull, "w", encoding="utf-8") as sink:
                evs = store.events()
                write_jsonl(evs, sink)
                reads.append((len(store.documents()), len(evs)))
            if reads[-1][0] > 0 and not exports:
                out = tmp / "during.jsonl"
                exports.append(run(pactwatch_exe, "export", "--db", str(db), "-o", str(out), env=env))
                exports[-1].lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
                checks.append(run(pactwatch_exe, "check", "--db", str(db), env=env))
            time.sleep(0.05)
        rc = proc.wait(timeout=max(1, deadline - time.monotonic()))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    log = (tmp / "ingest.log").read_text(encoding="utf-8")
    assert rc == 0, log
    # the same database with its cross-document layer rebuilt from scratch, which is what a
    # recovering run does (commitments and agreements of an incremental update can differ)
    rebuilt = tmp / "rebuilt.db"
    src, dst = sqlite3.connect(db), sqlite3.connect(rebuilt)
    src.backup(dst)
    src.close(), dst.close()
    p = run(pactwatch_exe, "link", "--rebuild", "--db", str(rebuilt), env=env)
    assert p.returncode == 0, p.stdout + p.stderr
    return {"db": db, "rebuilt": rebuilt, "log": log, "reads": reads, "exports": exports, "checks": checks}


def test_clean_run(clean: dict) -> None:
    db = clean["db"]
    assert count(db, "documents") == N_DOCS
    assert f"read {N_DOCS}  new {N_DOCS}" in clean["log"]
    assert count(db, "events") > 0 and count(db, "event_links") > 0
    assert count(db, "unlinked") == 0


def test_readers_work_while_an_ingest_runs(clean: dict) -> None:
    reads = clean["reads"]
    assert len(reads) >= 3, reads
    assert any(0 < d < N_DOCS or (d == N_DOCS and e > 0) for d, e in reads), reads
    assert clean["exports"], "the ingest finished before an export could run beside it"
    for p in clean["exports"]:
        assert p.returncode == 0, p.stderr
        assert len(p.lines) > 0 and all("evidence" in r for r in p.lines)
    for p in clean["checks"]:
        assert p.returncode == 0, p.stdout + p.stderr
        assert "ok: no problems found" in p.stdout


def _kill_when(exe: str, db: Path, corpus: Path, env: dict, log: Path, point: str) -> float | None:
    """Start an ingest and SIGKILL it at `point`; returns the seconds it ran (None: a time point the
    ingest finished before)."""
    proc = start(exe, db, corpus, env, log)
    t0 = time.monotonic()
    seen_no_links = False
    try:
        while proc.poll() is None:
            t = time.monotonic() - t0
            assert t < 120, f"kill point {point!r} never reached"
            if point.startswith("t>="):
                hit = t >= float(point[3:-1])
            elif point == "first batch committed":
                hit = count(db, "documents") >= 1
            elif point == "last batch committed":
                hit = count(db, "documents") == N_DOCS
            else:  # links being written: links appear after the rebuild cleared them
                links = count(db, "event_links")
                seen_no_links |= links == 0
                hit = seen_no_links and links > 0 and count(db, "unlinked") > 0
            if hit:
                os.kill(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.01)
        rc = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if rc == 0 and (point.startswith("t>=") or point == "links being written"):
        return None       # a faster machine finished first (linking can take less than the poll interval)
    assert rc == -signal.SIGKILL, f"the ingest ended (rc {rc}) before kill point {point!r}: " + log.read_text()
    return time.monotonic() - t0


def test_sigkill_at_any_point_loses_and_doubles_nothing(pactwatch_exe: str, corpus: Path, env: dict,
                                                        clean: dict, tmp_path: Path) -> None:
    db = tmp_path / "killed.db"
    seen = []
    linked_whole = False
    for i, point in enumerate(KILL_POINTS):
        if point == "first batch committed" and count(db, "documents") >= N_DOCS:
            # a fast machine stored every document before an earlier time point's kill: check that state,
            # then start from nothing so that this kill can land between two batches
            chk = run(pactwatch_exe, "check", "--db", str(db), env=env)
            assert chk.returncode == 0, chk.stdout + chk.stderr
            for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
                p.unlink(missing_ok=True)
        if _kill_when(pactwatch_exe, db, corpus, env, tmp_path / f"kill{i}.log", point) is None:
            if point == "links being written":
                linked_whole = True     # the link step ran whole within one poll interval: nothing left to kill
                break
            # the ingest finished before this time point: check it, then start again from nothing
            chk = run(pactwatch_exe, "check", "--db", str(db), env=env)
            assert chk.returncode == 0, chk.stdout + chk.stderr
            for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
                p.unlink(missing_ok=True)
            continue
        docs = count(db, "documents")
        seen.append((point, docs, count(db, "event_links")))
        if not db.exists() or db.stat().st_size == 0 or not _has_tables(db):
            # killed before the database was created, or just after SQLite created the empty file or set
            # it to WAL before any table was made (a slow machine): there is nothing to check yet, `check`
            # says the database is empty, and the next ingest fills it
            continue
        # consistent after every kill: no orphans, offsets match, every document has its sentences
        chk = run(pactwatch_exe, "check", "--db", str(db), env=env)
        assert chk.returncode == 0, f"after kill at {point!r}:\n{chk.stdout}{chk.stderr}"
        assert docs <= N_DOCS
        assert rows(db, "SELECT count(*) FROM documents d WHERE NOT EXISTS "
                        "(SELECT 1 FROM sentences s WHERE s.doc_id = d.id)") == [(0,)]
    # the kills really landed where they were meant to
    by_point = {p: (d, links) for p, d, links in seen}
    assert 0 < by_point["first batch committed"][0] < N_DOCS, seen
    assert by_point["last batch committed"][0] == N_DOCS, seen
    if not linked_whole:
        assert by_point["links being written"][1] > 0, seen
        assert count(db, "unlinked") > 0, "the last kill should leave documents to link"

    # the same command again finishes the job
    done = run(pactwatch_exe, "ingest", "--db", str(db), str(corpus), env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"read {N_DOCS}  new 0  updated 0  unchanged {N_DOCS}" in done.stdout
    assert linked_whole or "recovered:" in done.stdout
    chk = run(pactwatch_exe, "check", "--db", str(db), env=env)
    assert chk.returncode == 0 and "ok: no problems found" in chk.stdout, chk.stdout
    assert "not yet linked" not in chk.stdout

    # nothing lost, nothing doubled: the same as one clean run
    ref = clean["db"]
    assert rows(db, "SELECT id FROM documents") == rows(ref, "SELECT id FROM documents")
    assert count(db, "documents") == N_DOCS
    assert rows(db, "SELECT count(*), count(DISTINCT content_hash) FROM documents") == [(N_DOCS, N_DOCS)]
    for table, cols in (("events", "id, doc_id, event_type, record"), ("sentences", "doc_id, idx, start, \"end\""),
                        ("evidence", "event_id, position, start, \"end\", text"),
                        ("event_links", "a, b, reasons"), ("event_clusters", "event_id, cluster_id")):
        assert rows(db, f"SELECT {cols} FROM {table}") == rows(ref, f"SELECT {cols} FROM {table}"), table
    for table, cols in (("event_links", "a, b, reasons"), ("event_clusters", "event_id, cluster_id"),
                        ("derived", "kind, id, record")):
        assert rows(db, f"SELECT {cols} FROM {table}") == rows(clean["rebuilt"], f"SELECT {cols} FROM {table}")
    assert count(db, "unlinked") == 0
