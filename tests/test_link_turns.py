"""Concurrent link updates take turns (`Store.link_turn`): an `ingest` waits to store and link its
documents while another process is linking, and goes on once that one is done. Without turns, two
updates interleave their reads and writes, or one stores documents under the other's update, and the
cross-document layer depends on timing (a commitment's status once differed between three concurrent
ingests and a serial run)."""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from pactwatch.app.cli import demo_corpus_dir
from pactwatch.io.store import Store


def _stored(url: str) -> int:
    with Store(url, create=False, readonly=True) as s:
        return s.counts()["documents"]


def _runs(url: str) -> int:
    with Store(url, create=False, readonly=True) as s:
        return s.counts()["runs"]


def _waits_for_its_turn(url: str, exe: str, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    docs = sorted(demo_corpus_dir().glob("*.txt"))[:4]
    for f in docs:
        shutil.copy(f, folder / f.name)
    env = dict(os.environ, NO_COLOR="1")
    env.pop("PACTWATCH_DB", None)
    with Store(url) as holder:
        with holder.link_turn():    # as another process's link update would
            proc = subprocess.Popen([exe, "ingest", "--db", url, str(folder)], stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True, env=env)
            deadline = time.monotonic() + 120
            while _runs(url) == 0 and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.2)     # the run has started (it is recorded before anything is read)
            time.sleep(8.0)         # enough to load the model and code four articles: they wait for the turn
            assert proc.poll() is None, proc.communicate()
            assert _stored(url) == 0    # nothing stored while another process links
        out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    with Store(url, create=False, readonly=True) as s:
        assert s.unlinked_documents() == [] and len(s.clusters()) > 0
    assert f"new {len(docs)}" in out


def test_an_ingest_waits_for_the_link_turn_on_sqlite(pactwatch_exe: str, tmp_path: Path) -> None:
    _waits_for_its_turn(str(tmp_path / "turns.db"), pactwatch_exe, tmp_path)


def test_an_ingest_waits_for_the_link_turn_on_postgresql(pg_url: str, pactwatch_exe: str, tmp_path: Path) -> None:
    _waits_for_its_turn(pg_url, pactwatch_exe, tmp_path)


def test_the_turn_is_reentrant_and_released(tmp_path: Path) -> None:
    url = str(tmp_path / "r.db")
    with Store(url) as a, Store(url) as b:
        with a.link_turn(), a.link_turn():    # a rebuild's steps are updates: one turn for all
            pass
        with b.link_turn():                   # released: another connection takes it at once
            pass
    with pytest.raises(RuntimeError), Store(url) as c, c.link_turn():
        raise RuntimeError("an update that fails")
    with Store(url) as d, d.link_turn():      # released after an error too
        pass
