"""Opening a database: which one (a path, a URL, $PACTWATCH_DB), the checks before anything is
created or changed, SQLite's settings (WAL, foreign keys, busy timeout, BEGIN IMMEDIATE for
writes), PostgreSQL's (the psycopg driver, a connect timeout, read-only sessions for the commands
that only read, one writer at a time through an advisory lock), the write transaction, and messages
for database errors a user can meet.

`Database` is the base of `Store`: it holds the engine; the parts of the store that read and
write (reading.py, writing.py, runs.py, linking.py, checks.py) are built on it.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from .schema import StoreError
from .versions import check_schema, create_schema

BUSY_TIMEOUT_S = 30.0  # how long a writer waits for another process's write lock before giving up
CONNECT_TIMEOUT_S = 10  # how long to wait for a database server to answer
# the PostgreSQL advisory lock every write transaction holds (pg_advisory_xact_lock): writers take
# turns, as SQLite's BEGIN IMMEDIATE makes them, so that the checks a write makes before it writes
# (is this document stored? is this event id another document's?) still hold when it writes
PG_WRITE_LOCK = 0x70616374  # "pact"
# the lock a cross-document update holds from its first read to its last write (`Database.link_turn`):
# on PostgreSQL a session advisory lock, on SQLite an exclusive lock on the file DB-link.lock beside it
PG_LINK_LOCK = 0x6C696E6B  # "link"


def normalize_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` name the psycopg (3) driver, the one pactwatch's
    `postgres` extra installs (SQLAlchemy's default for them is psycopg2)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def default_db_path() -> str:
    """$PACTWATCH_DB, or ./pactwatch.db."""
    return os.environ.get("PACTWATCH_DB") or "pactwatch.db"


def describe_db_error(e: BaseException) -> str:
    """One line for a database error a user can cause or meet, with what to do about it."""
    msg = " ".join(str(getattr(e, "orig", None) or e).split())
    low = msg.lower()
    if "disk is full" in low or "no space left" in low:
        return (f"the disk is full ({msg}): free some space and run the command again "
                f"(what was stored before is kept)")
    if "could not connect" in low or "connection failed" in low or "connection refused" in low \
            or "authentication failed" in low or "does not exist" in low and ("database" in low or "role" in low) \
            or "timeout expired" in low:
        return (f"cannot connect to the database server ({msg}): check that the server is running and the "
                f"host, port, user, password and database name of the URL")
    if "locked" in low or "busy" in low or "lock timeout" in low:
        return (f"another process held the database's write lock for more than {BUSY_TIMEOUT_S:g} s ({msg}): "
                f"wait for it to finish, then run the command again")
    if "readonly" in low or "read-only" in low:
        return f"the database cannot be written ({msg}): check the permissions of the file and its folder"
    if "unable to open" in low:
        return f"cannot open the database file ({msg}): check the path and the permissions of its folder"
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return f"the file is damaged or not a database ({msg}): restore it from a backup or ingest into a new --db"
    return msg


_SQLITE_MAGIC = b"SQLite format 3\x00"


def _sqlite_path(url_or_path: str) -> Path | None:
    """The file behind a SQLite path or ``sqlite:///`` URL; None for memory and other backends."""
    if url_or_path in (":memory:", "sqlite://", "sqlite:///:memory:"):
        return None
    if "://" not in url_or_path:
        return Path(url_or_path).expanduser().resolve()
    if url_or_path.startswith("sqlite:///"):
        rest = url_or_path[len("sqlite:///"):].split("?", 1)[0]
        return None if rest in ("", ":memory:") else Path(rest).resolve()
    return None


def _where(url: str) -> str:
    """The database named for a person: the file of a SQLite database, else the URL without its password."""
    path = _sqlite_path(url)
    if path is not None:
        return str(path)
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparsable URL is named as given
        return url


def remove_database(url_or_path: str) -> bool:
    """Delete a SQLite pactwatch database (of any schema version) with its -wal/-shm/-journal
    files, so that it can be made anew; False when there was none. Anything that is not a
    pactwatch database is refused with a `StoreError` and left as it is. A server database
    (PostgreSQL): its pactwatch tables are dropped."""
    path = _sqlite_path(url_or_path)
    if path is None and "://" in url_or_path and not url_or_path.startswith("sqlite"):
        return _drop_server_tables(url_or_path)
    if path is None or not path.exists():
        return False
    try:
        Database(str(path), create=False, readonly=True).close()
    except StoreError as e:
        if "schema version" not in str(e) and "damaged pactwatch" not in str(e):
            raise StoreError(f"{e} (refusing to replace it)") from None
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return True


def _engine_args(url: str, readonly: bool) -> dict[str, Any]:
    """create_engine's arguments for a server database: a connect timeout (unless the URL sets one),
    and read-only sessions for a database opened read-only."""
    if not url.startswith("postgresql"):
        return {}
    connect: dict[str, Any] = {}
    if "connect_timeout" not in url:
        connect["connect_timeout"] = CONNECT_TIMEOUT_S
    if readonly:
        connect["options"] = "-c default_transaction_read_only=on"
    return {"connect_args": connect} if connect else {}


def _drop_server_tables(url: str) -> bool:
    """Drop pactwatch's tables (of any schema version) from a server database, so that it can be made
    anew; False when it has none. A database with other tables and no pactwatch schema is refused."""
    from .schema import md
    try:
        db = Database(url, create=False)
    except StoreError as e:
        if "an empty database" in str(e):
            return False
        if "schema version" not in str(e) and "damaged pactwatch" not in str(e):
            raise StoreError(f"{e} (refusing to replace it)") from None
        db = Database.__new__(Database)  # another version: its tables are dropped all the same
        db.where, db.readonly, db.path = _where(url), False, None
        db.engine = sa.create_engine(normalize_url(url), **_engine_args(normalize_url(url), False))
    try:
        with db._write() as c:
            md.drop_all(c)
    finally:
        db.close()
    return True


class Database:
    """An open database (see `Store`, which adds what is read and written)."""

    def __init__(self, url_or_path: str | None = None, *, create: bool = True, readonly: bool = False) -> None:
        given = url_or_path or default_db_path()
        self.path = _sqlite_path(given)
        self.where = _where(given)
        self.readonly = readonly
        if self.path is not None:
            self.url = f"sqlite:///{self.path}"
            engine_url = self._open_file(create)
        else:
            self.url = "sqlite://" if given == ":memory:" else normalize_url(given)
            engine_url = self.url
        try:
            self.engine = sa.create_engine(engine_url, **_engine_args(engine_url, self.readonly))
        except ModuleNotFoundError as e:  # a backend whose driver is not installed
            extra = " (install it with `pip install 'pactwatch[postgres]'`)" if "psycopg" in str(e) else ""
            raise StoreError(f"{self.where}: cannot open this database URL: its driver is missing "
                             f"({e}){extra}") from None
        except Exception as e:  # bad URL, unknown backend
            raise StoreError(f"{self.where}: cannot open this database URL ({type(e).__name__}: {e}); "
                             f"give --db a file path or a SQLAlchemy URL such as postgresql://user@host/db") from None
        if self.engine.dialect.name == "sqlite":
            self._sqlite_setup()
        try:
            self._check_or_create(create)
        except StoreError:
            self.engine.dispose()
            raise
        except DBAPIError as e:
            self.engine.dispose()
            raise StoreError(f"{self.where}: {describe_db_error(e)}") from None

    @staticmethod
    def describe_target(url_or_path: str) -> str:
        """How messages name a database: its file, or its URL without the password."""
        return _where(url_or_path)

    def _open_file(self, create: bool) -> str:
        """Checks on a SQLite file before anything opens it; the URL to open it with."""
        path = self.path
        assert path is not None
        if not path.exists():
            if not create:
                raise StoreError(f"{path}: no such database; create it with `pactwatch ingest --db {path} FILES` "
                                 f"or `pactwatch demo`, or give the right --db")
            if self.readonly:
                raise StoreError(f"{path}: no such database (and it cannot be created read-only)")
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"{path}: cannot create its folder ({e.strerror or e}); "
                                 f"choose another --db") from None
            if not os.access(path.parent, os.W_OK):
                raise StoreError(f"{path}: cannot create a database in {path.parent} (no write permission); "
                                 f"choose another --db")
            return self.url
        if path.is_dir():
            raise StoreError(f"{path}: is a folder, not a database file; give --db a file")
        try:
            with open(path, "rb") as f:
                head = f.read(len(_SQLITE_MAGIC))
        except OSError as e:
            raise StoreError(f"{path}: cannot read the database ({e.strerror or e})") from None
        if head and head != _SQLITE_MAGIC:
            raise StoreError(f"{path}: not a SQLite database (not written by pactwatch); left untouched, "
                             f"give another --db")
        if not head and not create:
            raise StoreError(f"{path}: empty file, not a pactwatch database; left untouched, give another --db")
        if self.readonly or not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            self.readonly = True
            # a WAL database needs its -shm file; in a folder we cannot write, and without one, the
            # file can only be read as immutable (nobody can be writing it there either)
            shm = Path(f"{path}-shm")
            immutable = not os.access(path.parent, os.W_OK) and not shm.exists()
            from urllib.parse import quote
            return f"sqlite:///file:{quote(str(path))}?{'immutable=1' if immutable else 'mode=ro'}&uri=true"
        return self.url

    def _check_or_create(self, create: bool) -> None:
        """Refuse a database that is not ours or not of this schema; create the schema in a new one.
        Nothing is created or changed before these checks pass."""
        if self._check_schema():
            return
        if not create or self.readonly:
            raise StoreError(f"{self.where}: an empty database, not a pactwatch one; left untouched. "
                             f"Fill it with `pactwatch ingest --db ...` or give another --db")
        if self.engine.dialect.name == "sqlite":
            self._set_wal()
        with self._write() as c:  # another process may have created it meanwhile: check again under the lock
            create_schema(c)
        if not self._check_schema():  # pragma: no cover - created above
            raise StoreError(f"{self.where}: could not create the pactwatch tables")

    def _set_wal(self, wait: float | None = None) -> None:
        """Switch a new SQLite database to WAL, outside any transaction. The switch needs the file
        to itself and SQLite does not always wait for it, so retry while others hold it."""
        import sqlite3
        import time
        deadline = time.monotonic() + (BUSY_TIMEOUT_S if wait is None else wait)
        raw = self.engine.raw_connection()
        try:
            while True:
                try:
                    raw.driver_connection.execute("PRAGMA journal_mode=WAL")
                    return
                except sqlite3.OperationalError as e:
                    if "locked" not in str(e) or time.monotonic() > deadline:
                        raise StoreError(f"{self.where}: {describe_db_error(e)}") from None
                    time.sleep(0.05)
        finally:
            raw.close()

    def _check_schema(self) -> bool:
        """False for a database with no tables at all; True for a pactwatch database of this schema
        version with every table and column; otherwise a StoreError saying what is wrong."""
        return check_schema(self.engine, self.where)

    def _sqlite_setup(self) -> None:
        readonly = self.readonly

        @sa_event.listens_for(self.engine, "connect")
        def _connect(dbapi_conn: Any, _rec: Any) -> None:
            dbapi_conn.isolation_level = None  # let us issue BEGIN ourselves (see SQLAlchemy pysqlite notes)
            cur = dbapi_conn.cursor()
            # busy_timeout first: the other settings may have to wait for another process's lock.
            # The journal mode is set once, when the database is created (it is stored in the file).
            pragmas = [f"busy_timeout={int(BUSY_TIMEOUT_S * 1000)}", "foreign_keys=ON"] + ([] if readonly else ["synchronous=NORMAL"])
            for pragma in pragmas:
                cur.execute(f"PRAGMA {pragma}")
            cur.close()

        @sa_event.listens_for(self.engine, "begin")
        def _begin(conn: Connection) -> None:
            immediate = conn.get_execution_options().get("pactwatch_write")
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate and not readonly else "BEGIN")

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A write transaction (BEGIN IMMEDIATE on SQLite); commits or rolls back as a whole."""
        if self.readonly:
            raise StoreError(f"{self.where}: opened read-only (no write permission on the file or its folder); "
                             f"this command needs to write: copy the database somewhere writable")
        self._wrote = True
        with self.engine.connect() as conn:
            conn.execution_options(pactwatch_write=True)
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{int(BUSY_TIMEOUT_S * 1000)}ms'")
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")
                yield conn

    @contextmanager
    def link_turn(self) -> Iterator[None]:
        """The cross-document layer's turn: held for a whole link update or rebuild, so that two
        processes linking at once (concurrent `ingest`s) take turns. Each update reads the layer,
        decides and then writes in several transactions; without turns one could write what it
        decided from a layer another had changed meanwhile, and the result would depend on timing.
        Storing documents takes the turn too (the layer's input must not change under an update);
        readers never wait for it. It waits as long as the other holder takes. Re-entrant within the
        process (a rebuild's steps are updates)."""
        depth = getattr(self, "_link_depth", 0)
        if depth or self.readonly:
            self._link_depth = depth + 1
            try:
                yield
            finally:
                self._link_depth -= 1
            return
        with self._link_lock():
            self._link_depth = 1
            try:
                yield
            finally:
                self._link_depth = 0

    @contextmanager
    def _link_lock(self) -> Iterator[None]:
        if self.engine.dialect.name == "postgresql":
            with self.engine.connect() as conn:
                conn.exec_driver_sql(f"SELECT pg_advisory_lock({PG_LINK_LOCK})")
                conn.commit()
                try:
                    yield
                finally:
                    conn.exec_driver_sql(f"SELECT pg_advisory_unlock({PG_LINK_LOCK})")
                    conn.commit()
            return
        if self.path is None:   # an in-memory database: one process only
            yield
            return
        try:
            import fcntl
        except ImportError:     # no POSIX file locks (Windows): link updates are not run at once there
            yield
            return
        with open(self.path.with_name(self.path.name + "-link.lock"), "a+b") as f:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(f.fileno(), fcntl.LOCK_UN)

    def optimize(self) -> None:
        """Refresh the statistics the query planner chooses indexes by (after a large write): on
        SQLite `PRAGMA optimize` (only the tables whose statistics are missing or out of date, each
        read in part), on PostgreSQL ANALYZE (which autovacuum also runs by itself)."""
        if self.readonly:
            return
        if self.engine.dialect.name == "sqlite":
            raw = self.engine.raw_connection()
            try:
                for pragma in ("busy_timeout=1000", "analysis_limit=1000", "optimize"):
                    raw.driver_connection.execute(f"PRAGMA {pragma}")
            except Exception:  # noqa: BLE001 - statistics are an optimisation: a busy database keeps its old ones
                pass
            finally:
                raw.close()
        else:
            with self._write() as c:
                c.exec_driver_sql("ANALYZE")

    def close(self) -> None:
        """Close the database (a SQLite database written to first refreshes its planner statistics)."""
        if getattr(self, "_wrote", False) and self.engine.dialect.name == "sqlite":
            self.optimize()
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
