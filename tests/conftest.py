"""Shared fixtures: where the shared test material lives, the pactwatch command, and one
library run over the seed articles per test session.

The shared material (seed articles, gold events, the referee) sits beside the checkout in
``../shared``; tests that need it skip with a reason when it is missing. Set
PACTWATCH_SHARED to point somewhere else.
"""
from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

try:
    import pactwatch  # noqa: F401
except ImportError:  # running from a checkout without an install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import pytest

from pactwatch.io.export import write_jsonl
from pactwatch.io.ingest import iter_documents
from pactwatch.model import DocResult, Document, Event, Failure
from pactwatch.pipeline import extract_many

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PACTWATCH_SHARED") or REPO.parent / "shared")

SEED_AUG = "000_91c11504c86257ee"   # the 2025-08-05 report
SEED_OCT = "002_c190c86888b87c20"   # the 2025-10-29 report


def _need(path: Path, what: str) -> Path:
    if not path.exists():
        pytest.skip(f"{what} not found at {path} (shared test material is missing)")
    return path


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return _need(SHARED, "shared/ folder")


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return _need(shared_dir / "corpus" / "seeds", "seed articles")


@pytest.fixture(scope="session")
def seeds_gold(shared_dir: Path) -> Path:
    return _need(shared_dir / "gold" / "seeds.gold.jsonl", "seed gold events")


@pytest.fixture(scope="session")
def score_script(shared_dir: Path) -> Path:
    return _need(shared_dir / "eval" / "score.py", "the referee eval/score.py")


@dataclass
class SeedRun:
    """The seed articles run once through the library."""
    documents: dict[str, Document]
    results: dict[str, DocResult]
    export: Path                                  # the events as SCHEMA.md JSON Lines
    failures: list[Failure] = field(default_factory=list)

    @property
    def events(self) -> list[Event]:
        return [e for r in self.results.values() for e in r.events]

    def doc_events(self, doc_id: str) -> list[Event]:
        return list(self.results[doc_id].events)


@pytest.fixture(scope="session")
def seed_run(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> SeedRun:
    items = list(iter_documents([seeds_dir]))
    docs = [d for d in items if isinstance(d, Document)]
    failures = [f for f in items if isinstance(f, Failure)]
    results: dict[str, DocResult] = {}
    for res in extract_many(docs):
        if isinstance(res, Failure):
            failures.append(res)
        else:
            results[res.document.id] = res
    out = tmp_path_factory.mktemp("seeds") / "seeds.events.jsonl"
    with open(out, "w", encoding="utf-8") as fp:
        write_jsonl([e for r in results.values() for e in r.events], fp)
    return SeedRun(documents={d.id: d for d in docs}, results=results, export=out, failures=failures)


# ---------------------------------------------------------------------------------------------- the CLI
@pytest.fixture(scope="session")
def pactwatch_exe() -> str:
    """The `pactwatch` console script installed beside the running interpreter."""
    exe = shutil.which("pactwatch", path=str(Path(sys.executable).parent)) or shutil.which("pactwatch")
    if exe is None:
        pytest.skip("the pactwatch command is not installed next to this Python")
    return exe


@pytest.fixture(scope="session")
def run_cli_process(pactwatch_exe: str):
    """run_cli_process(*args, check=True) -> CompletedProcess: the installed console script in a
    real subprocess (for what only a separate process shows: the entry point, signals, users)."""
    env = dict(os.environ, NO_COLOR="1", COLUMNS="140")
    env.pop("PACTWATCH_DB", None)

    def run(*args: str, check: bool = True, timeout: float = 300, input: str | None = None) -> subprocess.CompletedProcess:
        proc = subprocess.run([pactwatch_exe, *map(str, args)], capture_output=True, text=True,
                              encoding="utf-8", env=env, timeout=timeout, input=input)
        if check and proc.returncode != 0:
            raise AssertionError(f"pactwatch {' '.join(map(str, args))} exited {proc.returncode}\n"
                                 f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
        return proc

    return run


def cli_in_process(*args: str, check: bool = True, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`pactwatch ARGS` run by `pactwatch.cli.main` in this process (the spaCy pipeline is loaded
    once for the whole test session): a CompletedProcess with the exit status and the text written
    to stdout and stderr. A traceback is not caught: it fails the test."""
    from pactwatch import cli

    argv = [str(a) for a in args]
    out, err = io.StringIO(), io.StringIO()
    saved_env = {k: os.environ.get(k) for k in ("NO_COLOR", "COLUMNS", "PACTWATCH_DB")}
    os.environ.update(NO_COLOR="1", COLUMNS="140")
    os.environ.pop("PACTWATCH_DB", None)
    old_cwd = os.getcwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                rc = cli.main(argv)
            except SystemExit as e:  # argparse: --help, --version, bad usage
                rc = e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
    finally:
        os.chdir(old_cwd)
        for k, v in saved_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    proc = subprocess.CompletedProcess(["pactwatch", *argv], rc, out.getvalue(), err.getvalue())
    if check and rc != 0:
        raise AssertionError(f"pactwatch {' '.join(argv)} exited {rc}\nstdout:\n{proc.stdout}\n"
                             f"stderr:\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def run_cli():
    """run_cli(*args, check=True, cwd=None) -> CompletedProcess: the command run in-process."""
    return cli_in_process


# ---------------------------------------------------------------------------------------------- the web app
@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of the bundled demo corpus (`pactwatch demo`), built once per test session; the web
    tests open it read-only."""
    path = tmp_path_factory.mktemp("demo") / "pactwatch-demo.db"
    cli_in_process("demo", "--db", path, "-q")
    return path


# ---------------------------------------------------------------------------------------------- PostgreSQL
@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server for the session (tests/pgserver.py); skipped when PostgreSQL is
    not installed, unless PACTWATCH_REQUIRE_PG=1."""
    from pgserver import start_server
    server, stop = start_server()
    yield server
    stop()


@pytest.fixture
def pg_url(pg_server) -> str:
    """The URL of a fresh, empty database on the session's PostgreSQL server."""
    return pg_server.new_database()
