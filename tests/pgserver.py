"""A throwaway PostgreSQL server for the tests: `initdb` into a temporary folder, `pg_ctl` on a free
local port (its unix socket in that folder too), torn down at the end of the session.

Debian's binaries live in /usr/lib/postgresql/<version>/bin (package `postgresql`); others on PATH
are used as well. PostgreSQL refuses to run as root, so as root the server runs as the user
`postgres` (`runuser -u postgres --`), which owns the temporary folder.

Without the binaries or the psycopg driver the PostgreSQL tests are skipped, unless
PACTWATCH_REQUIRE_PG=1 (set by `.ci/run`): then they fail, so that CI never passes by skipping them.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest


def _bin_dir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(Path(d).parent.name)
                  if Path(d).parent.name.isdigit() else 0)
    return Path(dirs[-1]) if dirs and (Path(dirs[-1]) / "pg_ctl").exists() else None


def unavailable(reason: str):
    """Skip (or fail under PACTWATCH_REQUIRE_PG=1) for want of PostgreSQL."""
    if os.environ.get("PACTWATCH_REQUIRE_PG") == "1":
        pytest.fail(f"PostgreSQL tests required (PACTWATCH_REQUIRE_PG=1) but {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PgServer:
    port: int
    folder: Path
    user: str = "pactwatch"

    def url(self, dbname: str = "postgres", password: str | None = None) -> str:
        who = self.user + (f":{password}" if password else "")
        return f"postgresql://{who}@127.0.0.1:{self.port}/{dbname}"

    def new_database(self) -> str:
        """A fresh empty database on the server; its URL."""
        import psycopg
        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={self.user} dbname=postgres",
                             autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def start_server():
    """Start a server; (PgServer, stop function). Skips (or fails) when PostgreSQL is not there."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        unavailable("the psycopg driver is not installed (pip install -e '.[postgres]')")
    bindir = _bin_dir()
    if bindir is None:
        unavailable("PostgreSQL's server binaries (initdb, pg_ctl) are not installed (apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="pactwatch-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            unavailable("running as root and there is no user 'postgres' to run the server as")
        os.chown(folder, pw.pw_uid, pw.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    data = folder / "data"

    def run(*cmd: str) -> None:
        proc = subprocess.run([*prefix, *cmd], capture_output=True, text=True, cwd=folder, timeout=120)
        if proc.returncode:
            raise RuntimeError(f"{' '.join(cmd)} failed: {proc.stderr.strip() or proc.stdout.strip()}")

    run(str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "pactwatch", "-E", "UTF8", "--no-sync")
    opts = (f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            f"-c full_page_writes=off -c max_connections=50")
    run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "-t", "60", "-o", opts, "start")

    def stop() -> None:
        try:
            run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    return PgServer(port, folder), stop
