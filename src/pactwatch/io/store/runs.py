"""Runs (one per command that writes) and the inputs they rejected; whether a run's process is
still alive, so that another process can tell a live run from one that was stopped."""
from __future__ import annotations

import os
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from ...model import Failure
from .database import Database
from .rows import dumps, loads, utc_now
from .schema import StoreError, failures_t, runs_t


class RunsMixin(Database):
    """start_run / finish_run / fail_run, live runs, failures."""

    def start_run(self, command: str, paths: list[str]) -> int:
        """Record a run as running, with the process that runs it (so that another process can tell
        a live run from one that was stopped)."""
        with self._write() as c:
            res = c.execute(runs_t.insert().values(command=command, paths=dumps([str(p) for p in paths]),
                                                   started_at=utc_now(), counts=dumps(_this_process())))
            return int(res.inserted_primary_key[0])

    def finish_run(self, run_id: int, counts: dict[str, Any]) -> None:
        with self._write() as c:
            c.execute(runs_t.update().where(runs_t.c.id == run_id)
                      .values(finished_at=utc_now(), counts=dumps({**counts, "status": "finished"})))

    def fail_run(self, run_id: int, reason: str, counts: dict[str, Any] | None = None) -> bool:
        """Record that a run ended with an error (best effort: False when even this cannot be
        written, e.g. on a full disk; the run then stays "never finished")."""
        try:
            with self._write() as c:
                c.execute(runs_t.update().where(runs_t.c.id == run_id).values(
                    finished_at=utc_now(), counts=dumps({**(counts or {}), "status": "failed", "error": reason})))
            return True
        except (DBAPIError, StoreError):
            return False

    def live_runs(self) -> set[int]:
        """Runs not finished whose process is still running on this machine."""
        with self.engine.connect() as c:
            rows = c.execute(sa.select(runs_t.c.id, runs_t.c.counts).where(runs_t.c.finished_at.is_(None))).all()
        return {rid for rid, counts in rows if _process_alive(loads(counts, {}) or {})}

    def record_failure(self, run_id: int | None, failure: Failure) -> None:
        with self._write() as c:
            c.execute(failures_t.insert().values(run_id=run_id, origin=failure.origin, line=failure.line,
                                                 doc_id=failure.doc_id, reason=failure.reason, at=utc_now()))

    def failures(self, run_id: int | None = None) -> list[dict[str, Any]]:
        f = failures_t.c
        q = sa.select(f.run_id, f.origin, f.line, f.doc_id, f.reason, f.at).order_by(f.id)
        if run_id is not None:
            q = q.where(f.run_id == run_id)
        with self.engine.connect() as c:
            return [dict(r) for r in c.execute(q).mappings()]

    def runs(self) -> list[dict[str, Any]]:
        with self.engine.connect() as c:
            rows = c.execute(sa.select(runs_t).order_by(runs_t.c.id)).mappings().all()
        return [{**r, "paths": loads(r["paths"], []), "counts": loads(r["counts"])} for r in rows]


def _process_start(pid: int) -> str | None:
    """When a process started (clock ticks since boot, from /proc), to tell it from a later one
    that got the same pid; None where /proc is not there."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[19].decode()
    except (OSError, IndexError):
        return None


def _this_process() -> dict[str, Any]:
    import socket
    return {"status": "running", "pid": os.getpid(), "host": socket.gethostname(),
            "process_start": _process_start(os.getpid())}


def _process_alive(info: dict[str, Any]) -> bool:
    """Is the process recorded by `_this_process` still running? False for another machine's run
    or one recorded by an older pactwatch (it cannot be told, and a stopped run must be recovered)."""
    import socket
    pid = info.get("pid")
    if not isinstance(pid, int) or info.get("host") != socket.gethostname():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process: alive
    except OSError:
        return False
    started = info.get("process_start")
    return started is None or _process_start(pid) in (None, started)

