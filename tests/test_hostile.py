"""Hostile and unlucky inputs and faults (issue 8, items 6-11): each test failed before its fix.

6 a file name that is not UTF-8; 7 processes racing to create one database; 8 terminal escapes
and spreadsheet formulas in the input; 9 databases that cannot be written; 10 databases that are
not ours or not of this schema; 11 full disks, lock time-outs, bad URLs, a live run beside
another, failed runs.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import cli_in_process
from pactwatch.io.store import database as store_db
from pactwatch.model import DocResult, Document, Sentence
from pactwatch.pipeline import ingest_paths
from pactwatch.sanitize import csv_cell, for_terminal, json_text
from pactwatch.io.store import SCHEMA_VERSION, Store, StoreError

ARTICLE = ("date 2026-02-10 TOKYO, Feb 10 -- Japan and Australia signed an agreement on critical minerals "
           "in Tokyo on Tuesday, the trade ministry said. The two countries will hold talks on battery "
           "supply chains in Canberra next month.\n")


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ------------------------------------------------------------------------------ 5. size limits
def test_ingest_names_oversized_documents_and_uncoded_sentences(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write(inbox / "runon.txt", ARTICLE + " ".join(f"word{i}" for i in range(700)) + ".\n")
    write(inbox / "long.txt", ARTICLE * 40)
    write(inbox / "ok.txt", ARTICLE.replace("Tokyo on Tuesday", "Osaka on Tuesday"))
    proc = cli_in_process("ingest", "--db", tmp_path / "t.db", "--max-chars", 8000, inbox)
    assert "new 2" in proc.stdout and "failed 1" in proc.stdout
    assert re.search(r"failed: .*long\.txt: document too long \(\d+ characters > limit \d+", proc.stderr)
    assert re.search(r"warning: .*runon\.txt: 1 sentences? longer than 500 tokens not coded", proc.stderr), proc.stderr


# ------------------------------------------------------------------------------ 6. file names
def test_file_name_that_is_not_utf8_is_stored_under_an_escaped_name(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with open(os.path.join(os.fsencode(inbox), b"caf\xe9-report.txt"), "wb") as f:  # latin-1 é in the name
        f.write(ARTICLE.encode())
    write(inbox / "plain.txt", ARTICLE.replace("Tokyo on Tuesday", "Osaka on Tuesday"))
    db = tmp_path / "t.db"
    proc = cli_in_process("ingest", "--db", db, inbox)
    assert "new 2" in proc.stdout and "failed 0" in proc.stdout
    with Store(str(db), create=False) as s:
        ids = {d["id"] for d in s.documents()}
        assert ids == {"caf\\xe9-report", "plain"}
        assert s.document("caf\\xe9-report").origin.endswith("caf\\xe9-report.txt")
        assert s.check() == []


# ------------------------------------------------------------------------------ 2. a broken install
def test_a_missing_html_package_is_named_with_its_own_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pactwatch.io.ingest import read_html_file

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if it could not be imported
    page = write(tmp_path / "p.html", "<html><body><p>Japan and Australia met.</p></body></html>")
    failure = read_html_file(page)
    assert "trafilatura, which cannot be imported (import of trafilatura halted" in failure.reason


def test_html_ingest_works_on_this_install(tmp_path: Path) -> None:
    import lxml.html.clean  # noqa: F401  - what trafilatura needs; missing on a pip-23 install before the fix
    page = write(tmp_path / "in" / "p.html", "<!doctype html><html><head><meta property=\"article:published_time\" "
                 "content=\"2026-02-10\"></head><body><article><p>" + ARTICLE.split(" ", 2)[2]
                 + "</p></article></body></html>")
    proc = cli_in_process("ingest", "--db", tmp_path / "t.db", page.parent)
    assert "new 1" in proc.stdout and "failed 0" in proc.stdout


# ------------------------------------------------------------------------------ 7. racing creators
def _create_and_save(path: str, i: int, barrier) -> str:
    barrier.wait()
    try:
        with Store(path) as s:
            doc = Document(id=f"d{i}", text=f"Report {i}.", date="2026-01-01")
            run = s.start_run("ingest", [f"d{i}"])
            s.save(DocResult(doc, [Sentence(doc.id, 0, 0, len(doc.text), doc.text)], [], []), run_id=run)
            s.finish_run(run, {"documents": 1})
        return "ok"
    except Exception as e:  # noqa: BLE001 - reported to the test
        return f"{type(e).__name__}: {e}"


def test_processes_creating_one_database_at_once_all_succeed(tmp_path: Path) -> None:
    ctx = mp.get_context("fork")
    for trial in range(3):
        path = str(tmp_path / f"race{trial}.db")
        with ctx.Manager() as manager:
            barrier = manager.Barrier(4)
            with ctx.Pool(4) as pool:
                results = pool.starmap(_create_and_save, [(path, i, barrier) for i in range(4)])
        assert results == ["ok"] * 4, results
        with Store(path, create=False) as s:
            assert s.counts()["documents"] == 4 and s.counts()["runs"] == 4 and s.check() == []


# ------------------------------------------------------------------------------ 8. escapes, formulas
def test_sanitise_functions() -> None:
    evil = "a\x1b]0;pwned\x07b\x1b[2Jc\x9b31md\u202eevil\r\n"
    shown = for_terminal(evil)
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown and "\u202e" not in shown
    assert shown == "a\\x1b]0;pwned\\x07b\\x1b[2Jc\\x9b31md\\u202eevil\\r\n"
    assert for_terminal("x\ny\tz", oneline=True) == "x\\ny\\tz"
    assert json.loads(json_text({"t": evil})) == {"t": evil}
    assert not any(ch in json_text({"t": evil}) for ch in "\x1b\x07\x9b\u202e")
    assert [csv_cell(v) for v in ("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "ok", -77.0, None)] == \
        ["'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)", "ok", -77.0, None]


def test_escapes_in_articles_ids_and_names_never_reach_the_terminal(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    esc = "\x1b]0;pwned\x07\x1b[2J"
    write(inbox / f"evil{esc}.txt", ARTICLE.replace("Japan and Australia", f"Japan{esc} and Australia"))
    write(inbox / "feed.jsonl", json.dumps({"id": f"id{esc}", "date": "2026-02-11",
                                            "text": "=cmd|' /C calc'!A0 Japan and Australia met in Canberra on "
                                                    "Wednesday to discuss critical minerals."}) + "\n"
          + json.dumps({"id": f"bad{esc}", "text": 5}) + "\n")
    write(inbox / f"empty{esc}.txt", "")
    db = tmp_path / "t.db"
    outputs = [cli_in_process("ingest", "--db", db, inbox)]
    ev = json.loads(cli_in_process("export", "--db", db).stdout.splitlines()[0])
    for argv in (["events"], ["show", ev["id"]], ["failures"], ["timeline", "--pair", "JPN", "AUS"],
                 ["agreements"], ["commitments"], ["actors"], ["check"], ["export"], ["export", "--format", "csv"],
                 ["export", "--what", "canonical"]):
        outputs.append(cli_in_process(*argv, "--db", db))
    for proc in outputs:
        text = proc.stdout + proc.stderr
        assert "\x1b" not in text and "\x07" not in text, (proc.args, text)
    assert "\\x1b]0;pwned\\x07" in outputs[0].stderr  # the empty file is named, escaped
    csv_out = cli_in_process("export", "--db", db, "--format", "csv").stdout
    assert ",'=cmd|" in csv_out and ",=cmd" not in csv_out


# ------------------------------------------------------------------------------ 9. cannot write
@pytest.fixture
def seeded_db(tmp_path: Path) -> Path:
    folder = tmp_path / "ro"
    db = folder / "t.db"
    cli_in_process("ingest", "--db", db, write(tmp_path / "in" / "a.txt", ARTICLE))
    return db


def test_read_only_mount_can_be_read(seeded_db: Path) -> None:
    folder = seeded_db.parent
    before = sorted(p.name for p in folder.iterdir())
    if subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(folder)], capture_output=True).returncode:
        pytest.skip("cannot make a read-only bind mount here (needs root)")
    try:
        for argv in (["events"], ["check"], ["export"], ["commitments"], ["timeline", "--pair", "JPN", "AUS"]):
            proc = cli_in_process(*argv, "--db", seeded_db, check=False)
            assert proc.returncode == 0 and "Traceback" not in proc.stderr, (argv, proc.stderr)
        assert "Japan" in cli_in_process("events", "--db", seeded_db).stdout
        proc = cli_in_process("ingest", "--db", seeded_db, seeded_db.parent, check=False)
        assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "read-only" in proc.stderr
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)
    assert sorted(p.name for p in folder.iterdir()) == before


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to run as another user")
def test_folder_the_user_cannot_write_can_be_read(seeded_db: Path, pactwatch_exe: str) -> None:
    try:
        runnable = subprocess.run([sys.executable, "-c", "import pactwatch"], user=65534, cwd="/tmp",
                                  capture_output=True).returncode == 0
    except PermissionError:
        runnable = False
    if not runnable:
        pytest.skip("user nobody cannot run this Python (it lives in a private folder)")
    os.chmod(seeded_db.parent, 0o755)
    for p in seeded_db.parent.iterdir():
        os.chmod(p, 0o644)
    env = dict(os.environ, NO_COLOR="1", HOME="/tmp")
    for argv in (["events"], ["check"], ["export", "--format", "csv"]):
        proc = subprocess.run([sys.executable, "-m", "pactwatch.cli", *argv, "--db", str(seeded_db)],
                              capture_output=True, text=True, env=env, user=65534, cwd="/tmp", timeout=300)
        assert proc.returncode == 0 and "Traceback" not in proc.stderr, (argv, proc.stderr)
    assert "Japan" in proc.stdout


# ------------------------------------------------------------------------------ 10. not ours
def test_an_unrelated_sqlite_file_is_left_untouched(tmp_path: Path) -> None:
    other = tmp_path / "notes.sqlite"
    with sqlite3.connect(other) as c:
        c.execute("create table notes (body text)")
        c.execute("insert into notes values ('keep me')")
    c.close()
    before = digest(other)
    for argv in (["check"], ["events"], ["ingest", str(tmp_path)], ["demo", "-q"]):
        proc = cli_in_process(*argv, "--db", other, check=False)
        assert proc.returncode == 1 and "not a pactwatch database" in proc.stderr, (argv, proc.stderr)
        assert proc.stderr.count("\n") == 1
    assert digest(other) == before and not Path(f"{other}-wal").exists()
    with sqlite3.connect(other) as c:
        assert c.execute("pragma journal_mode").fetchone()[0] == "delete"
        assert [r[0] for r in c.execute("select name from sqlite_master")] == ["notes"]


def test_other_schema_version_or_missing_column_is_refused(seeded_db: Path) -> None:
    with sqlite3.connect(seeded_db) as c:
        c.execute("update meta set value='1' where key='schema_version'")
    c.close()
    before = digest(seeded_db)
    proc = cli_in_process("check", "--db", seeded_db, check=False)
    assert proc.returncode == 1 and "schema version 1" in proc.stderr and proc.stderr.count("\n") == 1
    assert digest(seeded_db) == before
    with sqlite3.connect(seeded_db) as c:
        c.execute(f"update meta set value='{SCHEMA_VERSION}' where key='schema_version'")
        c.execute("alter table events drop column trigger")
    c.close()
    before = digest(seeded_db)
    for argv in (["check"], ["ingest", str(seeded_db.parent)]):
        proc = cli_in_process(*argv, "--db", seeded_db, check=False)
        assert proc.returncode == 1 and "lacks column(s) trigger" in proc.stderr, proc.stderr
    assert digest(seeded_db) == before


def test_garbage_file_and_bad_url(tmp_path: Path) -> None:
    junk = write(tmp_path / "junk.db", b"\x00\x01 this is not a database" * 10)
    for db, words in ((junk, "not a SQLite database"), ("nosuchdriver://x/y", "cannot open this database URL"),
                      ("postgresql://user:secret@127.0.0.1:1/x", "cannot connect to the database server"),
                      ("mysql://user:secret@127.0.0.1:1/x", "its driver is missing")):
        proc = cli_in_process("events", "--db", db, check=False)
        assert proc.returncode == 1 and words in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr
        assert "secret" not in proc.stderr


# ------------------------------------------------------------------------------ 11. faults
def test_lock_timeout_is_one_line_and_the_run_is_recorded_failed(seeded_db: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_db, "BUSY_TIMEOUT_S", 0.2)
    other = write(tmp_path / "in2" / "b.txt", ARTICLE.replace("Tokyo on Tuesday", "Perth on Tuesday"))
    holder = sqlite3.connect(seeded_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process's long write
    try:
        proc = cli_in_process("ingest", "--db", seeded_db, other.parent, check=False)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "write lock for more than 0.2 s" in proc.stderr and proc.stderr.count("\n") == 1


def test_disk_full_is_one_line_and_the_run_is_recorded_failed(seeded_db: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from pactwatch import link

    def full(*_a, **_k):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(link, "update", full)
    other = write(tmp_path / "in2" / "b.txt", ARTICLE.replace("Tokyo on Tuesday", "Perth on Tuesday"))
    proc = cli_in_process("ingest", "--db", seeded_db, other.parent, check=False)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert "the disk is full" in proc.stderr and proc.stderr.count("\n") == 1
    with Store(str(seeded_db), create=False) as s:
        last = s.runs()[-1]
        assert last["finished_at"] and last["counts"]["status"] == "failed"
        assert "disk is full" in last["counts"]["error"]
        assert any("failed: OperationalError" in w for w in s.check_warnings())


@pytest.mark.skipif(os.geteuid() != 0 if hasattr(os, "geteuid") else True, reason="needs root to mount a tmpfs")
def test_real_full_disk(tmp_path: Path) -> None:
    mnt = tmp_path / "small"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(mnt)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        inbox = tmp_path / "inbox"
        for i in range(40):
            write(inbox / f"r{i:02d}.txt", ARTICLE.replace("Tuesday", f"Tuesday, report {i} " + "word " * 400))
        proc = cli_in_process("ingest", "--db", mnt / "t.db", inbox, check=False)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
        assert "disk is full" in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=True)


def test_documents_of_a_live_run_are_not_recovered_by_another(tmp_path: Path) -> None:
    inbox = write(tmp_path / "inbox" / "a.txt", ARTICLE).parent
    other = write(tmp_path / "other" / "b.txt", ARTICLE.replace("Tokyo on Tuesday", "Perth on Tuesday")).parent
    with Store(str(tmp_path / "t.db")) as s:
        # a run of this (live) process that has stored a document but not linked it yet
        run = s.start_run("ingest", [str(inbox)])
        doc = Document(id="live-doc", text="Japan and Australia met.", date="2026-02-10")
        s.save(DocResult(doc, [Sentence(doc.id, 0, 0, len(doc.text), doc.text)], [], []), run_id=run)
        assert s.unlinked_documents() == ["live-doc"] and s.unlinked_documents(skip_live=True) == []
        assert any("is still running" in w for w in s.check_warnings())
        summary = ingest_paths([str(other)], s)
        assert summary.recovered == 0 and s.unlinked_documents() == ["live-doc"]
        # the same run, recorded by a process that is gone: stopped, so the next run recovers it
        with s.engine.begin() as c:
            c.exec_driver_sql("UPDATE runs SET counts = ? WHERE id = ?",
                              (json.dumps({"status": "running", "pid": 2 ** 22 + 7, "host": os.uname().nodename}),
                               run))
        assert any("never finished: it was stopped" in w for w in s.check_warnings())
        summary = ingest_paths([str(other)], s)
        assert summary.recovered == 1 and s.unlinked_documents() == []


def test_output_file_is_written_whole_or_not_at_all(seeded_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    out.write_text("the previous export\n", encoding="utf-8")
    proc = cli_in_process("export", "--db", seeded_db, "-o", tmp_path / "missing" / "x.jsonl", check=False)
    assert proc.returncode == 1 and "missing/x.jsonl: No such file or directory" in proc.stderr
    cli_in_process("export", "--db", seeded_db, "-o", out)
    assert out.read_text(encoding="utf-8").startswith("{") and not list(tmp_path.glob("*.part-*"))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
