"""pactwatch on PostgreSQL (`--db postgresql://...`): every command gives what it gives on SQLite,
concurrent ingests lose and double nothing, and the errors a user meets are one line naming the URL
without its password. The server is a throwaway one started for the session (tests/pgserver.py);
the tests skip without PostgreSQL installed, unless PACTWATCH_REQUIRE_PG=1 (as `.ci/run` sets)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import cli_in_process
from pactwatch.app.cli import demo_corpus_dir
from pactwatch.io.store import SCHEMA_VERSION, Store

# the commands compared on the demo corpus: filters of `events`, `show`, the exports, the
# cross-document commands
COMMANDS = [
    ("events",), ("events", "--pair", "KOR", "USA"), ("events", "--country", "chn", "--limit", "7"),
    ("events", "--topic", "AI", "--from", "2026-03"), ("events", "--text", "hydrogen"),
    ("events", "--text", "Ha"), ("events", "--type", "agree", "--min-confidence", "0.5"),
    ("export",), ("export", "--format", "csv"), ("export", "--what", "canonical"),
    ("export", "--what", "commitments"), ("export", "--what", "agreements"), ("export", "--what", "actors"),
    ("timeline", "--pair", "KOR", "USA"), ("commitments",), ("commitments", "--status", "open", "--country", "JPN"),
    ("agreements",), ("actors", "--limit", "5"), ("check",), ("failures",), ("serve", "--check"),
]


@pytest.fixture(scope="module")
def pg_demo(pg_server) -> str:
    url = pg_server.new_database()
    cli_in_process("demo", "--db", url, "-q")
    return url


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_commands_give_the_same_on_postgresql_as_on_sqlite(args, pg_demo: str, demo_db: Path) -> None:
    on_sqlite = cli_in_process(*args, "--db", demo_db)
    on_pg = cli_in_process(*args, "--db", pg_demo)
    assert on_pg.returncode == on_sqlite.returncode == 0
    assert on_pg.stdout.replace(pg_demo, "DB") == on_sqlite.stdout.replace(str(demo_db), "DB")
    assert len(on_pg.stdout.splitlines()) >= 1


def test_show_and_link_on_postgresql(pg_demo: str, demo_db: Path) -> None:
    first = json.loads(cli_in_process("export", "--db", pg_demo).stdout.splitlines()[0])
    for eid in (first["id"], first["id"][:10]):
        assert (cli_in_process("show", eid, "--db", pg_demo).stdout
                == cli_in_process("show", eid, "--db", demo_db).stdout)
    missing = cli_in_process("show", "nosuchevent", "--db", pg_demo, check=False)
    assert missing.returncode == 1 and "no event with id 'nosuchevent'" in missing.stderr
    before = cli_in_process("export", "--what", "canonical", "--db", pg_demo).stdout
    assert "canonical event(s) updated" in cli_in_process("link", "--rebuild", "--db", pg_demo).stdout
    assert cli_in_process("export", "--what", "canonical", "--db", pg_demo).stdout == before


def test_demo_remakes_its_tables_and_schema_version_is_checked(pg_url: str) -> None:
    for _ in range(2):  # the second run drops the first one's tables and starts again
        out = cli_in_process("demo", "--db", pg_url, "-q").stdout
    with Store(pg_url, create=False) as s:
        assert f"{s.counts()['events']} events in" in out and s.counts()["events"] > 150
        assert s.counts()["documents"] == 30 and s.counts()["runs"] == 1
        with s.engine.begin() as c:
            c.exec_driver_sql("update meta set value='99' where key='schema_version'")
    proc = cli_in_process("events", "--db", pg_url, check=False)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1
    assert f"schema version 99; this pactwatch reads version {SCHEMA_VERSION}" in proc.stderr


def test_a_database_with_other_tables_is_refused_and_left_alone(pg_url: str) -> None:
    import sqlalchemy as sa
    from pactwatch.io.store.database import normalize_url
    eng = sa.create_engine(normalize_url(pg_url))
    with eng.begin() as c:
        c.exec_driver_sql("create table payroll (id int)")
    for cmd in (("events",), ("demo", "-q"), ("ingest", str(demo_corpus_dir() / "001_korea_us_science_ministers_seoul.txt"))):
        proc = cli_in_process(*cmd, "--db", pg_url, check=False)
        assert proc.returncode == 1 and "not a pactwatch database" in proc.stderr, proc.stderr
    with eng.connect() as c:
        assert sa.inspect(c).get_table_names() == ["payroll"]
    eng.dispose()


def test_connection_errors_are_one_line_naming_the_url_without_password(pg_server, tmp_path: Path) -> None:
    port = pg_server.port
    cases = [
        (f"postgresql://pactwatch:s3cret@127.0.0.1:{pg_server.port}/nosuchdb", 'database "nosuchdb" does not exist'),
        (f"postgresql://nobody:s3cret@127.0.0.1:{port}/postgres", 'role "nobody" does not exist'),
        (f"postgresql://pactwatch:s3cret@127.0.0.1:{_closed_port()}/x", "Connection refused"),
    ]
    for url, reason in cases:
        for cmd in (("events",), ("ingest", str(demo_corpus_dir() / "001_korea_us_science_ministers_seoul.txt"))):
            proc = cli_in_process(*cmd, "--db", url, check=False)
            assert proc.returncode == 1 and proc.stderr.count("\n") == 1, proc.stderr
            assert "cannot connect to the database server" in proc.stderr and reason in proc.stderr
            assert url.replace("s3cret", "***") in proc.stderr and "s3cret" not in proc.stderr


def _closed_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_missing_driver_is_named(tmp_path: Path) -> None:
    code = ("import sys; sys.modules['psycopg'] = None\n"
            "from pactwatch.cli import main; sys.exit(main(['events', '--db', 'postgresql://u:pw@127.0.0.1/x']))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")})
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1, proc.stderr
    assert "its driver is missing" in proc.stderr and "pactwatch[postgres]" in proc.stderr
    assert "postgresql://u:***@127.0.0.1/x" in proc.stderr


def test_read_commands_cannot_write(pg_demo: str) -> None:
    with Store(pg_demo, create=False, readonly=True) as s, s.engine.connect() as c:
        with pytest.raises(Exception, match="read-only transaction"):
            c.exec_driver_sql("delete from failures")


def test_concurrent_ingests_lose_and_double_nothing(pg_server, pactwatch_exe: str, tmp_path: Path) -> None:
    """Three `pactwatch ingest` processes at once on overlapping folders: the same documents, events
    and event ids as one serial run over their union, each stored once."""
    docs = sorted(demo_corpus_dir().glob("*.txt"))[:18]
    parts = [docs[0:9], docs[5:14], docs[9:18] + docs[0:3]]
    folders = []
    for i, part in enumerate(parts):
        folder = tmp_path / f"in{i}"
        folder.mkdir()
        for f in part:
            shutil.copy(f, folder / f.name)
        folders.append(folder)
    union = tmp_path / "all"
    union.mkdir()
    for f in docs:
        shutil.copy(f, union / f.name)

    env = dict(os.environ, NO_COLOR="1")
    env.pop("PACTWATCH_DB", None)
    together = pg_server.new_database()
    procs = [subprocess.Popen([pactwatch_exe, "ingest", "--db", together, str(folder)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env) for folder in folders]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outs
    serial = pg_server.new_database()
    cli_in_process("ingest", "--db", serial, str(union))

    def state(url: str):
        with Store(url, create=False) as s, s.engine.connect() as c:
            ids = [r[0] for r in c.exec_driver_sql("select id from events")]
            docs_ = sorted(r[0] for r in c.exec_driver_sql("select id from documents"))
            search = c.exec_driver_sql("select count(*) from event_search").scalar_one()
            return sorted(ids), len(ids), docs_, search, s.check(), s.unlinked_documents()

    got, want = state(together), state(serial)
    assert got[1] == want[1] == len(set(want[0])) > 0   # exact count, no duplicates
    assert got[0] == want[0]                            # the same event ids
    assert got[2] == want[2] and len(got[2]) == len(docs)
    assert got[3] == got[1]                             # one search row per event
    assert got[4] == [] and got[5] == []                # `check` clean, nothing left unlinked
    for what in ("events", "canonical", "commitments", "agreements"):   # the cross-document layer too
        a = cli_in_process("export", "--what", what, "--db", together).stdout.splitlines()
        b = cli_in_process("export", "--what", what, "--db", serial).stdout.splitlines()
        assert a == b, (what, [x for x in a if x not in b], [x for x in b if x not in a])
    news = sum(int(out.split("new ")[1].split()[0]) for out, _ in outs)
    assert news == len(docs)   # each document stored as new by exactly one of the three processes


def test_parquet_export_from_postgresql_equals_sqlite(pg_demo: str, demo_db: Path, tmp_path: Path) -> None:
    ds = pytest.importorskip("pyarrow.dataset")
    for db, out in ((pg_demo, tmp_path / "pg"), (demo_db, tmp_path / "lite")):
        cli_in_process("export", "--db", db, "--format", "parquet", "--out", out)
    for table in ("events", "participants", "documents", "canonical", "commitments", "agreements", "actors"):
        a, b = (sorted(ds.dataset(out / table, partitioning="hive").to_table().to_pylist(), key=json.dumps)
                for out in (tmp_path / "pg", tmp_path / "lite"))
        assert a == b and a, table
