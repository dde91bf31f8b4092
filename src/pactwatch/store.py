"""The store: documents, sentences, entity mentions, events, runs and failures.

One interface (`Store`) over SQLAlchemy Core, SQLite by default; any
SQLAlchemy URL (e.g. ``postgresql+psycopg://…``) can be given instead.
On SQLite: WAL journal, foreign keys on, a busy timeout, and a BEGIN IMMEDIATE
for writes so that concurrent writers wait instead of failing.

Schema (version 1; JSON columns hold JSON text)::

    meta(key PK, value)                       -- schema_version
    runs(id PK, command, paths JSON, started_at, finished_at, counts JSON)
    failures(id PK, run_id -> runs, origin, line, doc_id, reason, at)
    documents(id PK, date, title, source, url, language, origin, text,
              content_hash, body_start, warnings JSON, ingested_at, run_id -> runs)
    sentences(doc_id -> documents, idx, start, end)          PK (doc_id, idx)
    mentions(id PK, doc_id -> documents, start, end, raw_text, entity_name,
             country, sector_code, role, entity_type)
    events(id PK, doc_id -> documents, event_type, mode JSON, context JSON,
           aux_mode, date, date_precision, date_text, date_lo, date_hi,
           location_name, location_country, lat, lon, geonames_id,
           agreement JSON, confidence, trigger, first_offset,
           record JSON)                  -- record = Event.to_dict(), exported as is
    event_participants(event_id -> events, side 'actor'|'recipient', position,
           raw_text, entity_name, country, sector_code, role, entity_type,
           start, end)                                       PK (event_id, side, position)
    event_topics(event_id -> events, position, topic)        PK (event_id, position)
    evidence(event_id -> events, position, doc_id, start, end, text)
                                                             PK (event_id, position)
    unlinked(doc_id PK -> documents)   -- stored, cross-document link step not yet done

A document's `unlinked` row is written in the same transaction as the document
and removed (`mark_linked`) once the cross-document link step has covered it,
so a run stopped between the two leaves a trace the next run picks up.
`check()` verifies the whole database (orphans, offsets, missing sentences).

Every child row references its parent with ON DELETE CASCADE; replacing a
document also deletes its old rows explicitly, so no orphans remain even on a
connection without foreign-key enforcement. Sentence text is not stored: it is
the document text from `start` to `end`. `date_lo`/`date_hi` are the first
and last day of the event's date (``2025-08`` -> 2025-08-01 .. 2025-08-31)
and serve the date-range filter. Event ids come from the pipeline and must be
unique across documents: a clash is a bug and raises `StoreError`.
"""
from __future__ import annotations

import calendar
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event as sa_event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from .model import DocResult, Document, Entity, Event, Failure, Sentence

__all__ = ["SCHEMA_VERSION", "Store", "StoreError", "default_db_path", "describe_db_error"]

SCHEMA_VERSION = 2
BUSY_TIMEOUT_S = 30.0  # how long a writer waits for another process's write lock before giving up
_CHUNK = 500  # ids per IN (...) clause

md = sa.MetaData()
_S, _I, _T, _F = sa.String, sa.Integer, sa.Text, sa.Float


def _fk(target: str) -> sa.ForeignKey:
    return sa.ForeignKey(target, ondelete="CASCADE")


meta_t = sa.Table("meta", md, sa.Column("key", _S(64), primary_key=True), sa.Column("value", _T))
runs_t = sa.Table(
    "runs", md,
    sa.Column("id", _I, primary_key=True, autoincrement=True),
    sa.Column("command", _T), sa.Column("paths", _T), sa.Column("started_at", _S(32)),
    sa.Column("finished_at", _S(32)), sa.Column("counts", _T),
)
failures_t = sa.Table(
    "failures", md,
    sa.Column("id", _I, primary_key=True, autoincrement=True),
    sa.Column("run_id", _I, _fk("runs.id"), index=True),
    sa.Column("origin", _T), sa.Column("line", _I), sa.Column("doc_id", _T),
    sa.Column("reason", _T, nullable=False), sa.Column("at", _S(32)),
)
documents_t = sa.Table(
    "documents", md,
    sa.Column("id", _S, primary_key=True),
    sa.Column("date", _S(10)), sa.Column("title", _T), sa.Column("source", _T), sa.Column("url", _T),
    sa.Column("language", _S(16)), sa.Column("origin", _T), sa.Column("text", _T, nullable=False),
    sa.Column("content_hash", _S(64), nullable=False), sa.Column("body_start", _I, nullable=False),
    sa.Column("warnings", _T), sa.Column("ingested_at", _S(32)),
    sa.Column("run_id", _I, sa.ForeignKey("runs.id", ondelete="SET NULL")),
)
sentences_t = sa.Table(
    "sentences", md,
    sa.Column("doc_id", _S, _fk("documents.id"), primary_key=True),
    sa.Column("idx", _I, primary_key=True),
    sa.Column("start", _I, nullable=False), sa.Column("end", _I, nullable=False),
)
_ENTITY_COLS = ("raw_text", "entity_name", "country", "sector_code", "role", "entity_type")
mentions_t = sa.Table(
    "mentions", md,
    sa.Column("id", _I, primary_key=True, autoincrement=True),
    sa.Column("doc_id", _S, _fk("documents.id"), nullable=False, index=True),
    sa.Column("start", _I), sa.Column("end", _I),
    *(sa.Column(c, _T) for c in _ENTITY_COLS),
)
events_t = sa.Table(
    "events", md,
    sa.Column("id", _S, primary_key=True),
    sa.Column("doc_id", _S, _fk("documents.id"), nullable=False, index=True),
    sa.Column("event_type", _S(16), nullable=False, index=True),
    sa.Column("mode", _T), sa.Column("context", _T), sa.Column("aux_mode", _S(16)),
    sa.Column("date", _S(10), index=True), sa.Column("date_precision", _S(8)), sa.Column("date_text", _T),
    sa.Column("date_lo", _S(10)), sa.Column("date_hi", _S(10)),
    sa.Column("location_name", _T), sa.Column("location_country", _S(8)),
    sa.Column("lat", _F), sa.Column("lon", _F), sa.Column("geonames_id", _I),
    sa.Column("agreement", _T), sa.Column("confidence", _F), sa.Column("trigger", _T),
    sa.Column("first_offset", _I), sa.Column("record", _T, nullable=False),
)
participants_t = sa.Table(
    "event_participants", md,
    sa.Column("event_id", _S, _fk("events.id"), primary_key=True),
    sa.Column("side", _S(9), primary_key=True),
    sa.Column("position", _I, primary_key=True),
    *(sa.Column(c, _T) for c in _ENTITY_COLS),
    sa.Column("start", _I), sa.Column("end", _I),
    sa.CheckConstraint("side IN ('actor', 'recipient')", name="ck_participant_side"),
    sa.Index("ix_participants_country", "country", "event_id"),
)
# events some participant of which has a country
_WITH_COUNTRY = sa.select(participants_t.c.event_id).where(participants_t.c.country.is_not(None))

topics_t = sa.Table(
    "event_topics", md,
    sa.Column("event_id", _S, _fk("events.id"), primary_key=True),
    sa.Column("position", _I, primary_key=True),
    sa.Column("topic", _S(32), nullable=False),
    sa.Index("ix_event_topics_topic", "topic", "event_id"),
)
evidence_t = sa.Table(
    "evidence", md,
    sa.Column("event_id", _S, _fk("events.id"), primary_key=True),
    sa.Column("position", _I, primary_key=True),
    sa.Column("doc_id", _S, nullable=False), sa.Column("start", _I, nullable=False),
    sa.Column("end", _I, nullable=False), sa.Column("text", _T),
)


# ---- the cross-document layer (see link.py) ---------------------------------------------------
links_t = sa.Table(
    "event_links", md,
    sa.Column("a", _S, _fk("events.id"), primary_key=True),
    sa.Column("b", _S, _fk("events.id"), primary_key=True),
    sa.Column("reasons", _T, nullable=False),
    sa.Index("ix_event_links_b", "b"),
)
clusters_t = sa.Table(
    "event_clusters", md,
    sa.Column("event_id", _S, _fk("events.id"), primary_key=True),
    sa.Column("cluster_id", _S, nullable=False, index=True),
)
unlinked_t = sa.Table(
    "unlinked", md,
    sa.Column("doc_id", _S, _fk("documents.id"), primary_key=True),
)
derived_t = sa.Table(
    "derived", md,
    sa.Column("kind", _S(16), primary_key=True),           # 'commitment' | 'agreement'
    sa.Column("id", _S, primary_key=True),
    sa.Column("scope", _T, nullable=False),                # '|KOR|USA|': the countries it involves
    sa.Column("status", _S(16)),
    sa.Column("record", _T, nullable=False),
)


class StoreError(Exception):
    """A store-level error: bad data handed to the store, or a schema mismatch."""


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
    if "locked" in low or "busy" in low:
        return (f"another process held the database's write lock for more than {BUSY_TIMEOUT_S:g} s ({msg}): "
                f"wait for it to finish, then run the command again")
    if "readonly" in low or "read-only" in low:
        return f"the database cannot be written ({msg}): check the permissions of the file and its folder"
    if "unable to open" in low:
        return f"cannot open the database file ({msg}): check the path and the permissions of its folder"
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return f"the file is damaged or not a database ({msg}): restore it from a backup or ingest into a new --db"
    return msg


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


_JSON = json.JSONEncoder(ensure_ascii=False)  # reused: json.dumps(..., ensure_ascii=False) builds one per call


def _dumps(v: Any) -> str | None:
    return None if v is None else _JSON.encode(v)


def _loads(v: str | None, default: Any = None) -> Any:
    return default if v is None else json.loads(v)


def _clip(s: str, width: int = 40) -> str:
    return s if len(s) <= width else s[: width - 1] + "…"


def _chunks(xs: Sequence[Any], n: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(xs), n):
        yield xs[i:i + n]


def date_bounds(value: str | None) -> tuple[str | None, str | None]:
    """First and last day covered by ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``
    (``(None, None)`` for anything else)."""
    if not value:
        return None, None
    parts = value.split("-")
    try:
        nums = [int(p) for p in parts]
        if len(parts) == 1 and len(parts[0]) == 4:
            return f"{value}-01-01", f"{value}-12-31"
        if len(parts) == 2 and 1 <= nums[1] <= 12:
            return f"{value}-01", f"{value}-{calendar.monthrange(nums[0], nums[1])[1]:02d}"
        if len(parts) == 3:
            return value, value
    except (ValueError, calendar.IllegalMonthError):
        pass
    return None, None


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
    pactwatch database is refused with a `StoreError` and left as it is. Other backends: no-op."""
    path = _sqlite_path(url_or_path)
    if path is None or not path.exists():
        return False
    try:
        Store(str(path), create=False, readonly=True).close()
    except StoreError as e:
        if "schema version" not in str(e) and "damaged pactwatch" not in str(e):
            raise StoreError(f"{e} (refusing to replace it)") from None
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return True


class Store:
    """The one interface to persisted results. Use as a context manager or call close().

    `create`: make the database when it does not exist (``ingest`` and ``demo``); otherwise a
    missing database is a `StoreError` and nothing is created. `readonly`: open without the right
    to write (also chosen by itself for a SQLite file or folder the user cannot write to).
    Opening checks before it creates or changes anything: a file that is not SQLite, a SQLite
    database that is not pactwatch's, one of another schema version, or one with tables or
    columns missing is refused with a `StoreError` and left untouched."""

    def __init__(self, url_or_path: str | None = None, *, create: bool = True, readonly: bool = False) -> None:
        given = url_or_path or default_db_path()
        self.path = _sqlite_path(given)
        self.where = _where(given)
        self.readonly = readonly
        if self.path is not None:
            self.url = f"sqlite:///{self.path}"
            engine_url = self._open_file(create)
        else:
            self.url = "sqlite://" if given == ":memory:" else given
            engine_url = self.url
        try:
            self.engine = sa.create_engine(engine_url)
        except Exception as e:  # bad URL, unknown backend or missing driver
            raise StoreError(f"{self.where}: cannot open this database URL ({type(e).__name__}: {e}); "
                             f"give --db a file path or a SQLAlchemy URL such as postgresql+psycopg://host/db") from None
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
            names = set(sa.inspect(c).get_table_names())
            if not names:
                md.create_all(c)
                c.execute(meta_t.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
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
        with self.engine.connect() as c:
            insp = sa.inspect(c)
            names = set(insp.get_table_names())
            if not names:
                return False
            if "meta" not in names:
                raise StoreError(f"{self.where}: not a pactwatch database (it has tables "
                                 f"{', '.join(sorted(names)[:5])}{', ...' if len(names) > 5 else ''} but no 'meta' "
                                 f"table); left untouched, give another --db")
            version = c.execute(sa.select(meta_t.c.value).where(meta_t.c.key == "schema_version")).scalar()
            if version is None:
                raise StoreError(f"{self.where}: not a pactwatch database (no schema version recorded); "
                                 f"left untouched, give another --db")
            if version != str(SCHEMA_VERSION):
                raise StoreError(f"{self.where}: written with pactwatch schema version {version}; this pactwatch "
                                 f"reads version {SCHEMA_VERSION}. Left untouched: ingest the articles into a new "
                                 f"--db with this version")
            for table in md.sorted_tables:
                if table.name not in names:
                    raise StoreError(f"{self.where}: damaged pactwatch database: table {table.name!r} is "
                                     f"missing; left untouched, rebuild it by ingesting into a new --db")
                have = {col["name"] for col in insp.get_columns(table.name)}
                missing = [col.name for col in table.columns if col.name not in have]
                if missing:
                    raise StoreError(f"{self.where}: damaged pactwatch database: table {table.name!r} lacks "
                                     f"column(s) {', '.join(missing)}; left untouched, rebuild it by ingesting "
                                     f"into a new --db")
        return True

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
        with self.engine.connect() as conn:
            conn.execution_options(pactwatch_write=True)
            with conn.begin():
                yield conn

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- documents and results ---------------------------------------------------------

    def document_state(self, doc: Document) -> str:
        """'new', 'unchanged' (same id and content hash) or 'changed'."""
        with self.engine.connect() as c:
            h = c.execute(sa.select(documents_t.c.content_hash).where(documents_t.c.id == doc.id)).scalar()
        return "new" if h is None else "unchanged" if h == doc.content_hash else "changed"

    def save(self, result: DocResult, run_id: int | None = None, *, force: bool = False) -> str:
        """Store one result in one transaction: 'new', 'updated' or 'unchanged' (nothing written).
        `force` rewrites an unchanged document too (e.g. after a pipeline upgrade)."""
        return self.save_many([result], run_id, force=force)[0]

    def save_many(self, results: Iterable[DocResult], run_id: int | None = None, *,
                  force: bool = False, batch_size: int = 500) -> list[str]:
        """Store many results, one transaction per batch of `batch_size`. Same outcome as
        calling save() on each in turn; if a batch fails, none of it is stored (earlier
        batches stay) and the error is raised."""
        states: list[str] = []
        batch: list[DocResult] = []
        ids: set[str] = set()
        for r in results:
            if len(batch) >= batch_size or r.document.id in ids:
                states += self._save_batch(batch, run_id, force)
                batch, ids = [], set()
            batch.append(r)
            ids.add(r.document.id)
        if batch:
            states += self._save_batch(batch, run_id, force)
        return states

    def _save_batch(self, batch: list[DocResult], run_id: int | None, force: bool) -> list[str]:
        for r in batch:
            _validate(r)
        doc_ids = [r.document.id for r in batch]
        try:
            with self._write() as c:
                old = {}
                for chunk in _chunks(doc_ids):
                    old.update(c.execute(sa.select(documents_t.c.id, documents_t.c.content_hash)
                                         .where(documents_t.c.id.in_(chunk))).all())
                states, todo = [], []
                for r in batch:
                    h = old.get(r.document.id)
                    if h is None:
                        states.append("new")
                    elif h == r.document.content_hash and not force:
                        states.append("unchanged")
                        continue
                    else:
                        states.append("updated")
                    todo.append(r)
                if not todo:
                    return states
                replaced = [r.document.id for r in todo if r.document.id in old]
                _delete_docs(c, replaced)
                _check_event_ids(c, todo)
                _insert(c, todo, run_id)
                return states
        except DBAPIError as e:
            what = f"document {doc_ids[0]!r}" if len(doc_ids) == 1 else f"batch of {len(doc_ids)} documents"
            raise StoreError(f"could not save {what}: {e.orig}") from e

    def document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as c:
            row = c.execute(sa.select(documents_t).where(documents_t.c.id == doc_id)).mappings().first()
        if row is None:
            return None
        return Document(id=row["id"], text=row["text"], date=row["date"], title=row["title"],
                        source=row["source"], url=row["url"], language=row["language"],
                        origin=row["origin"], body_start=row["body_start"],
                        warnings=_loads(row["warnings"], []))

    def documents(self) -> list[dict[str, Any]]:
        """id, date, title, n_events per document, by id."""
        n = sa.func.count(events_t.c.id).label("n_events")
        q = (sa.select(documents_t.c.id, documents_t.c.date, documents_t.c.title, n)
             .select_from(documents_t.outerjoin(events_t, events_t.c.doc_id == documents_t.c.id))
             .group_by(documents_t.c.id, documents_t.c.date, documents_t.c.title)
             .order_by(documents_t.c.id))
        with self.engine.connect() as c:
            return [dict(r) for r in c.execute(q).mappings()]

    def sentences(self, doc_id: str) -> list[Sentence]:
        q = (sa.select(sentences_t.c.idx, sentences_t.c.start, sentences_t.c.end, documents_t.c.text)
             .join(documents_t, documents_t.c.id == sentences_t.c.doc_id)
             .where(sentences_t.c.doc_id == doc_id).order_by(sentences_t.c.idx))
        with self.engine.connect() as c:
            return [Sentence(doc_id, i, s, e, text[s:e]) for i, s, e, text in c.execute(q)]

    # ---- events -------------------------------------------------------------------------

    def events(self, *, country: str | None = None, pair: tuple[str, str] | None = None,
               event_type: str | None = None, topic: str | None = None, date_from: str | None = None,
               date_to: str | None = None, text: str | None = None, doc_id: str | None = None,
               min_confidence: float | None = None, limit: int | None = None) -> list[Event]:
        """Events matching all the filters given, by date (undated last), document, position.

        `country`: a participant (actor or recipient) has it; `pair`: both codes are
        among the participants; `date_from`/`date_to` (YYYY[-MM[-DD]]): the event's
        date overlaps the range, undated events excluded; `text`: case-insensitive
        substring of an evidence span or a participant's name or mention; `min_confidence`:
        the event's confidence is at least this."""
        e = events_t
        q = sa.select(e.c.id, e.c.record, e.c.confidence, e.c.trigger)
        for code in [country] + list(pair or []):
            if code:
                q = q.where(sa.exists().where(participants_t.c.event_id == e.c.id,
                                              participants_t.c.country == code.upper()))
        if event_type:
            q = q.where(e.c.event_type == event_type.upper())
        if topic:
            q = q.where(sa.exists().where(topics_t.c.event_id == e.c.id, topics_t.c.topic == topic))
        if date_from:
            lo = date_bounds(date_from)[0]
            if lo is None:
                raise StoreError(f"bad date_from {date_from!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
            q = q.where(e.c.date_hi >= lo)
        if date_to:
            hi = date_bounds(date_to)[1]
            if hi is None:
                raise StoreError(f"bad date_to {date_to!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
            q = q.where(e.c.date_lo <= hi)
        if text:
            p = participants_t.c
            q = q.where(sa.or_(
                sa.exists().where(evidence_t.c.event_id == e.c.id,
                                  evidence_t.c.text.icontains(text, autoescape=True)),
                sa.exists().where(p.event_id == e.c.id, sa.or_(p.entity_name.icontains(text, autoescape=True),
                                                               p.raw_text.icontains(text, autoescape=True)))))
        if doc_id:
            q = q.where(e.c.doc_id == doc_id)
        if min_confidence is not None:
            q = q.where(e.c.confidence >= min_confidence)
        q = q.order_by(sa.case((e.c.date.is_(None), 1), else_=0), e.c.date, e.c.doc_id,
                       e.c.first_offset, e.c.id)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as c:
            rows = c.execute(q).all()
            return _rebuild(c, rows)

    def event(self, event_id: str) -> Event | None:
        with self.engine.connect() as c:
            rows = c.execute(sa.select(events_t.c.id, events_t.c.record, events_t.c.confidence,
                                       events_t.c.trigger).where(events_t.c.id == event_id)).all()
            out = _rebuild(c, rows)
        return out[0] if out else None

    # ---- runs and failures --------------------------------------------------------------

    def start_run(self, command: str, paths: list[str]) -> int:
        """Record a run as running, with the process that runs it (so that another process can tell
        a live run from one that was stopped)."""
        with self._write() as c:
            res = c.execute(runs_t.insert().values(command=command, paths=_dumps([str(p) for p in paths]),
                                                   started_at=_now(), counts=_dumps(_this_process())))
            return int(res.inserted_primary_key[0])

    def finish_run(self, run_id: int, counts: dict[str, Any]) -> None:
        with self._write() as c:
            c.execute(runs_t.update().where(runs_t.c.id == run_id)
                      .values(finished_at=_now(), counts=_dumps({**counts, "status": "finished"})))

    def fail_run(self, run_id: int, reason: str, counts: dict[str, Any] | None = None) -> bool:
        """Record that a run ended with an error (best effort: False when even this cannot be
        written, e.g. on a full disk; the run then stays "never finished")."""
        try:
            with self._write() as c:
                c.execute(runs_t.update().where(runs_t.c.id == run_id).values(
                    finished_at=_now(), counts=_dumps({**(counts or {}), "status": "failed", "error": reason})))
            return True
        except (DBAPIError, StoreError):
            return False

    def live_runs(self) -> set[int]:
        """Runs not finished whose process is still running on this machine."""
        with self.engine.connect() as c:
            rows = c.execute(sa.select(runs_t.c.id, runs_t.c.counts).where(runs_t.c.finished_at.is_(None))).all()
        return {rid for rid, counts in rows if _process_alive(_loads(counts, {}) or {})}

    def record_failure(self, run_id: int | None, failure: Failure) -> None:
        with self._write() as c:
            c.execute(failures_t.insert().values(run_id=run_id, origin=failure.origin, line=failure.line,
                                                 doc_id=failure.doc_id, reason=failure.reason, at=_now()))

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
        return [{**r, "paths": _loads(r["paths"], []), "counts": _loads(r["counts"])} for r in rows]

    # ---- the cross-document layer ------------------------------------------------------

    def events_by_ids(self, ids: Iterable[str]) -> list[Event]:
        ids = list(ids)
        out: list[Event] = []
        with self.engine.connect() as c:
            for chunk in _chunks(ids):
                rows = c.execute(sa.select(events_t.c.id, events_t.c.record, events_t.c.confidence,
                                           events_t.c.trigger).where(events_t.c.id.in_(chunk))).all()
                out.extend(_rebuild(c, rows))
        return out

    def event_ids(self, doc_ids: Iterable[str] | None = None) -> list[str]:
        q = sa.select(events_t.c.id).order_by(events_t.c.id)
        with self.engine.connect() as c:
            if doc_ids is None:
                return [r[0] for r in c.execute(q)]
            out = []
            for chunk in _chunks(list(doc_ids)):
                out.extend(r[0] for r in c.execute(q.where(events_t.c.doc_id.in_(chunk))))
            return out

    def document_dates(self, doc_ids: Iterable[str] | None = None) -> dict[str, str | None]:
        q = sa.select(documents_t.c.id, documents_t.c.date)
        with self.engine.connect() as c:
            if doc_ids is None:
                return {r[0]: r[1] for r in c.execute(q)}
            out = {}
            for chunk in _chunks(list(set(doc_ids))):
                out.update({r[0]: r[1] for r in c.execute(q.where(documents_t.c.id.in_(chunk)))})
            return out

    def latest_document_date(self) -> str | None:
        with self.engine.connect() as c:
            return c.execute(sa.select(sa.func.max(documents_t.c.date))).scalar()

    def candidate_event_ids(self, event_type: str, countries: Iterable[str], exclude_doc: str) -> list[str]:
        """Events of this category from other documents that share a participant country."""
        countries = sorted({x for x in countries if x})
        if not countries:
            return []
        q = (sa.select(events_t.c.id).distinct()
             .join(participants_t, participants_t.c.event_id == events_t.c.id)
             .where(events_t.c.event_type == event_type, events_t.c.doc_id != exclude_doc,
                    participants_t.c.country.in_(countries)).order_by(events_t.c.id))
        with self.engine.connect() as c:
            return [r[0] for r in c.execute(q)]

    def candidate_index(self, event_types: Iterable[str], countries: Iterable[str]) -> dict[tuple[str, str], list[tuple[str, str]]]:
        """(category, country) -> [(event id, document id)] for these categories and countries, in one query."""
        types, codes = sorted(set(event_types)), sorted({c for c in countries if c})
        out: dict[tuple[str, str], list[tuple[str, str]]] = {}
        if not types or not codes:
            return out
        with self.engine.connect() as c:
            for chunk in _chunks(codes):
                q = (sa.select(events_t.c.id, events_t.c.doc_id, events_t.c.event_type, participants_t.c.country)
                     .distinct().join(participants_t, participants_t.c.event_id == events_t.c.id)
                     .where(events_t.c.event_type.in_(types), participants_t.c.country.in_(chunk)))
                for ev, doc, typ, code in c.execute(q):
                    out.setdefault((typ, code), []).append((ev, doc))
        return out

    def candidate_event_ids_at(self, event_type: str, place: str, exclude_doc: str,
                               countryless_only: bool = False) -> list[str]:
        """Events of this category from other documents at the same place (for reports naming no country;
        with `countryless_only`, only such reports)."""
        q = (sa.select(events_t.c.id).where(events_t.c.event_type == event_type, events_t.c.doc_id != exclude_doc,
                                             events_t.c.location_name == place).order_by(events_t.c.id))
        if countryless_only:
            q = q.where(events_t.c.id.not_in(_WITH_COUNTRY))
        with self.engine.connect() as c:
            return [r[0] for r in c.execute(q)]

    def candidate_event_ids_with_people(self, names: Iterable[str], countryless_only: bool) -> dict[str, list[tuple[str, str, str]]]:
        """person name -> [(event id, category, document id)] of events naming that person (only those naming no
        country when `countryless_only`): candidates for reports that name people but no country."""
        names = sorted({n for n in names if n})
        out: dict[str, list[tuple[str, str, str]]] = {}
        if not names:
            return out
        p = participants_t
        q = (sa.select(p.c.entity_name, events_t.c.id, events_t.c.event_type, events_t.c.doc_id)
             .join(events_t, events_t.c.id == p.c.event_id)
             .where(p.c.entity_type == "person", p.c.entity_name.in_(names)).distinct()
             .order_by(events_t.c.id))
        if countryless_only:
            q = q.where(events_t.c.id.not_in(_WITH_COUNTRY))
        with self.engine.connect() as c:
            for name, eid, typ, doc in c.execute(q):
                out.setdefault(name, []).append((eid, typ, doc))
        return out

    def events_without_country(self) -> list[str]:
        """Events no participant of which has a country (their derived records are refreshed always)."""
        q = sa.select(events_t.c.id).where(events_t.c.id.not_in(_WITH_COUNTRY)).order_by(events_t.c.id)
        with self.engine.connect() as c:
            return [r[0] for r in c.execute(q)]

    def events_by_country(self, code: str) -> list[str]:
        q = (sa.select(participants_t.c.event_id).distinct().where(participants_t.c.country == code)
             .order_by(participants_t.c.event_id))
        with self.engine.connect() as c:
            return [r[0] for r in c.execute(q)]

    def add_links(self, edges: list[tuple[str, str, dict]]) -> None:
        if not edges:
            return
        uniq = {(min(a, b), max(a, b)): r for a, b, r in edges}
        rows = [{"a": a, "b": b, "reasons": _dumps(r)} for (a, b), r in sorted(uniq.items())]
        with self._write() as c:
            for chunk in _chunks(rows):
                keys = [(r["a"], r["b"]) for r in chunk]
                c.execute(links_t.delete().where(sa.tuple_(links_t.c.a, links_t.c.b).in_(keys)))
            _bulk_insert(c, links_t, rows)

    def drop_links(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Remove these links (e.g. no longer in a canonical event's spanning set)."""
        keys = sorted({(min(a, b), max(a, b)) for a, b in pairs})
        if not keys:
            return
        with self._write() as c:
            for chunk in _chunks(keys):
                c.execute(links_t.delete().where(sa.tuple_(links_t.c.a, links_t.c.b).in_(list(chunk))))

    def links(self, ids: Iterable[str] | None = None) -> list[tuple[str, str, dict]]:
        q = sa.select(links_t.c.a, links_t.c.b, links_t.c.reasons).order_by(links_t.c.a, links_t.c.b)
        with self.engine.connect() as c:
            if ids is None:
                return [(a, b, _loads(r, {})) for a, b, r in c.execute(q)]
            out, seen = [], set()
            for chunk in _chunks(list(set(ids))):
                for a, b, r in c.execute(q.where(sa.or_(links_t.c.a.in_(chunk), links_t.c.b.in_(chunk)))):
                    if (a, b) not in seen:
                        seen.add((a, b))
                        out.append((a, b, _loads(r, {})))
            return out

    def clusters(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        """event id -> cluster id (events with no row are their own cluster)."""
        q = sa.select(clusters_t.c.event_id, clusters_t.c.cluster_id)
        with self.engine.connect() as c:
            if ids is None:
                return {a: b for a, b in c.execute(q)}
            out = {}
            for chunk in _chunks(list(set(ids))):
                out.update({a: b for a, b in c.execute(q.where(clusters_t.c.event_id.in_(chunk)))})
            return out

    def cluster_members(self, cluster_ids: Iterable[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        with self.engine.connect() as c:
            for chunk in _chunks(list(set(cluster_ids))):
                for ev, cl in c.execute(sa.select(clusters_t.c.event_id, clusters_t.c.cluster_id)
                                        .where(clusters_t.c.cluster_id.in_(chunk))):
                    out.setdefault(cl, []).append(ev)
        return {k: sorted(v) for k, v in out.items()}

    def set_clusters(self, mapping: dict[str, str]) -> None:
        if not mapping:
            return
        with self._write() as c:
            for chunk in _chunks(list(mapping)):
                c.execute(clusters_t.delete().where(clusters_t.c.event_id.in_(chunk)))
            _bulk_insert(c, clusters_t, [{"event_id": e, "cluster_id": k} for e, k in mapping.items()])

    def replace_derived(self, kind: str, records: list[dict], scope: set[str] | None) -> None:
        """Replace the derived records of a kind that involve any country in `scope` (None: all)."""
        with self._write() as c:
            if scope is None:
                c.execute(derived_t.delete().where(derived_t.c.kind == kind))
            else:
                for code in sorted(scope):
                    if code == "":     # the records that involve no country
                        c.execute(derived_t.delete().where(derived_t.c.kind == kind, derived_t.c.scope == "||"))
                        continue
                    c.execute(derived_t.delete().where(derived_t.c.kind == kind,
                                                       derived_t.c.scope.contains(f"|{code}|", autoescape=True)))
            rows = [{"kind": kind, "id": r["id"], "scope": "|" + "|".join(sorted(r.get("countries") or [])) + "|",
                     "status": r.get("status"), "record": _dumps(r)} for r in records]
            for chunk in _chunks([r["id"] for r in rows]):
                c.execute(derived_t.delete().where(derived_t.c.kind == kind, derived_t.c.id.in_(chunk)))
            _bulk_insert(c, derived_t, rows)

    def derived(self, kind: str) -> list[dict]:
        q = sa.select(derived_t.c.record).where(derived_t.c.kind == kind).order_by(derived_t.c.id)
        with self.engine.connect() as c:
            return [_loads(r[0], {}) for r in c.execute(q)]

    def clear_links(self) -> None:
        with self._write() as c:
            for t in (links_t, clusters_t, derived_t):
                c.execute(t.delete())

    def mention_rows(self) -> list[dict[str, Any]]:
        """Every entity mention with its document's id and date (for the actor registry)."""
        q = (sa.select(mentions_t.c.doc_id, documents_t.c.date, mentions_t.c.start, mentions_t.c.end,
                       *(mentions_t.c[k] for k in _ENTITY_COLS))
             .join(documents_t, documents_t.c.id == mentions_t.c.doc_id)
             .order_by(documents_t.c.date, mentions_t.c.doc_id, mentions_t.c.start))
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(q)]

    def roles_of(self, names: Iterable[str]) -> list[dict[str, Any]]:
        """The roles reported for these people, each with the date of the document that reported it."""
        names = sorted({n for n in names if n})
        if not names:
            return []
        q = (sa.select(mentions_t.c.entity_name, mentions_t.c.role, documents_t.c.date)
             .join(documents_t, documents_t.c.id == mentions_t.c.doc_id)
             .where(mentions_t.c.entity_type == "person", mentions_t.c.role.is_not(None),
                    mentions_t.c.entity_name.in_(names)).distinct()
             .order_by(documents_t.c.date, mentions_t.c.entity_name, mentions_t.c.role))
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(q)]

    def counts(self) -> dict[str, int]:
        tables = {"documents": documents_t, "sentences": sentences_t, "entities": mentions_t,
                  "events": events_t, "failures": failures_t, "runs": runs_t}
        with self.engine.connect() as c:
            return {k: c.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                    for k, t in tables.items()}

    # ---- crash recovery and verification -------------------------------------------------

    def unlinked_documents(self, *, skip_live: bool = False) -> list[str]:
        """Ids of documents stored but not yet covered by the cross-document link step.
        `skip_live`: leave out those of runs still going on in another process (that run links them)."""
        q = sa.select(unlinked_t.c.doc_id, documents_t.c.run_id).join(
            documents_t, documents_t.c.id == unlinked_t.c.doc_id).order_by(unlinked_t.c.doc_id)
        live = self.live_runs() if skip_live else set()
        with self.engine.connect() as c:
            return [doc_id for doc_id, run_id in c.execute(q) if run_id is None or run_id not in live]

    def mark_linked(self, doc_ids: Iterable[str] | None = None) -> None:
        """Record that the link step has covered these documents (None: all)."""
        with self._write() as c:
            if doc_ids is None:
                c.execute(unlinked_t.delete())
                return
            for chunk in _chunks(sorted(set(doc_ids))):
                c.execute(unlinked_t.delete().where(unlinked_t.c.doc_id.in_(chunk)))

    def check(self) -> list[str]:
        """Verify the database; returns the problems found (empty when consistent).

        Looks for orphan rows in every child table, evidence spans out of range or whose
        text differs from the document text at their offsets, sentence and mention spans
        out of range, and documents with article text but no sentences. Runs that never
        finished and documents not yet linked are not errors: see `check_warnings`."""
        problems: list[str] = []
        d, e = documents_t.c, events_t.c
        orphan_specs = [
            ("sentences", sentences_t.c.doc_id, d.id, documents_t),
            ("mentions", mentions_t.c.doc_id, d.id, documents_t),
            ("events", e.doc_id, d.id, documents_t),
            ("event_participants", participants_t.c.event_id, e.id, events_t),
            ("event_topics", topics_t.c.event_id, e.id, events_t),
            ("evidence", evidence_t.c.event_id, e.id, events_t),
            ("evidence", evidence_t.c.doc_id, d.id, documents_t),
            ("event_links", links_t.c.a, e.id, events_t),
            ("event_links", links_t.c.b, e.id, events_t),
            ("event_clusters", clusters_t.c.event_id, e.id, events_t),
            ("unlinked", unlinked_t.c.doc_id, d.id, documents_t),
            ("failures", failures_t.c.run_id, runs_t.c.id, runs_t),
            ("documents", d.run_id, runs_t.c.id, runs_t),
        ]
        with self.engine.connect() as c:
            for name, col, parent_col, parent in orphan_specs:
                cond = sa.and_(col.is_not(None), ~sa.exists().where(parent_col == col))
                n = c.execute(sa.select(sa.func.count()).select_from(col.table).where(cond)).scalar_one()
                if n:
                    ex = c.execute(sa.select(col).where(cond).limit(3)).scalars().all()
                    problems.append(f"{n} orphan row(s) in {name}: {col.name} not in {parent.name} "
                                    f"(e.g. {', '.join(repr(x) for x in ex)})")
            ids = [r[0] for r in c.execute(sa.select(d.id).order_by(d.id))]
            for chunk in _chunks(ids, 200):
                docs = {i: (text, start) for i, text, start in
                        c.execute(sa.select(d.id, d.text, d.body_start).where(d.id.in_(chunk)))}
                n_sent: dict[str, int] = {}
                for doc_id, idx, s0, s1 in c.execute(
                        sa.select(sentences_t.c.doc_id, sentences_t.c.idx, sentences_t.c.start, sentences_t.c.end)
                        .where(sentences_t.c.doc_id.in_(chunk))):
                    n_sent[doc_id] = n_sent.get(doc_id, 0) + 1
                    if not 0 <= s0 <= s1 <= len(docs[doc_id][0]):
                        problems.append(f"sentence {idx} of document {doc_id!r}: span {s0}-{s1} out of range "
                                        f"(text has {len(docs[doc_id][0])} characters)")
                for doc_id, s0, s1 in c.execute(
                        sa.select(mentions_t.c.doc_id, mentions_t.c.start, mentions_t.c.end)
                        .where(mentions_t.c.doc_id.in_(chunk), mentions_t.c.start.is_not(None),
                               mentions_t.c.end.is_not(None))):
                    if not 0 <= s0 <= s1 <= len(docs[doc_id][0]):
                        problems.append(f"entity mention in document {doc_id!r}: span {s0}-{s1} out of range")
                for doc_id, (text, body_start) in docs.items():
                    if text[body_start or 0:].strip() and not n_sent.get(doc_id):
                        problems.append(f"document {doc_id!r} has article text but no sentences")
                q = (sa.select(evidence_t.c.event_id, evidence_t.c.position, evidence_t.c.doc_id,
                               evidence_t.c.start, evidence_t.c.end, evidence_t.c.text)
                     .where(evidence_t.c.doc_id.in_(chunk)))
                for eid, pos, doc_id, s0, s1, quoted in c.execute(q):
                    text = docs[doc_id][0]
                    where = f"evidence {pos} of event {eid!r}"
                    if s0 is None or s1 is None or not 0 <= s0 <= s1 <= len(text):
                        problems.append(f"{where}: span {s0}-{s1} out of range of document {doc_id!r} "
                                        f"({len(text)} characters)")
                    elif quoted is not None and text[s0:s1] != quoted:
                        problems.append(f"{where}: text {_clip(quoted)!r} differs from document {doc_id!r} "
                                        f"at {s0}-{s1} ({_clip(text[s0:s1])!r})")
        return problems

    def check_warnings(self) -> list[str]:
        """Things worth knowing that are not inconsistencies: runs still going on, stopped or failed,
        and documents whose cross-document link step is still to do."""
        out: list[str] = []
        live = self.live_runs()
        with self.engine.connect() as c:
            for rid, cmd, started, finished, counts in c.execute(
                    sa.select(runs_t.c.id, runs_t.c.command, runs_t.c.started_at, runs_t.c.finished_at,
                              runs_t.c.counts).order_by(runs_t.c.id)):
                info = _loads(counts, {}) or {}
                if finished is None and rid in live:
                    out.append(f"run {rid} ({cmd}, started {started}) is still running (process {info.get('pid')})")
                elif finished is None:
                    out.append(f"run {rid} ({cmd}, started {started}) never finished: it was stopped")
                elif info.get("status") == "failed":
                    out.append(f"run {rid} ({cmd}, started {started}) failed: {info.get('error')}")
            n = c.execute(sa.select(sa.func.count()).select_from(unlinked_t)).scalar_one()
        if n:
            out.append(f"{n} document(s) stored but not yet linked across documents "
                       f"(the next ingest, or `pactwatch link`, does it)")
        return out


# ---- helpers (module level so the class stays readable) -----------------------------------

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


def _utf8(s: str) -> bool:
    try:
        s.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _validate(r: DocResult) -> None:
    """Refuse results that would store inconsistent rows."""
    doc_id = r.document.id
    d = r.document
    for name in ("id", "origin", "text", "title", "source", "url", "language", "date"):
        value = getattr(d, name)
        if isinstance(value, str) and not _utf8(value):
            raise StoreError(f"document {d.id.encode('utf-8', 'backslashreplace').decode()!r}: its {name} is not "
                             f"valid Unicode (lone surrogates, e.g. from a file name that is not UTF-8)")
    seen: set[str] = set()
    for ev in r.events:
        if not ev.id:
            raise StoreError(f"document {doc_id!r}: an event has no id")
        if ev.id in seen:
            raise StoreError(f"document {doc_id!r}: event id {ev.id!r} appears twice")
        seen.add(ev.id)
        if ev.doc_id != doc_id:
            raise StoreError(f"event {ev.id!r} says doc_id {ev.doc_id!r} but is saved with {doc_id!r}")


def _check_event_ids(c: Connection, todo: list[DocResult]) -> None:
    """Raise if an event id is used by another document (in the batch or already stored)."""
    owner: dict[str, str] = {}
    for r in todo:
        for ev in r.events:
            if owner.setdefault(ev.id, r.document.id) != r.document.id:
                raise StoreError(f"event id {ev.id!r} produced by two documents: "
                                 f"{owner[ev.id]!r} and {r.document.id!r}")
    ids = list(owner)
    for chunk in _chunks(ids):
        for eid, doc in c.execute(sa.select(events_t.c.id, events_t.c.doc_id).where(events_t.c.id.in_(chunk))):
            if doc != owner[eid]:
                raise StoreError(f"event id {eid!r} produced by two documents: {doc!r} and {owner[eid]!r}")


def _delete_docs(c: Connection, doc_ids: list[str]) -> None:
    for chunk in _chunks(doc_ids):
        ev_ids = sa.select(events_t.c.id).where(events_t.c.doc_id.in_(chunk)).scalar_subquery()
        for t in (evidence_t, topics_t, participants_t, clusters_t):
            c.execute(t.delete().where(t.c.event_id.in_(ev_ids)))
        c.execute(links_t.delete().where(sa.or_(links_t.c.a.in_(ev_ids), links_t.c.b.in_(ev_ids))))
        for t in (events_t, mentions_t, sentences_t, unlinked_t):
            c.execute(t.delete().where(t.c.doc_id.in_(chunk)))
        c.execute(documents_t.delete().where(documents_t.c.id.in_(chunk)))


def _entity_row(e: Entity) -> dict[str, Any]:
    return {"raw_text": e.raw_text, "entity_name": e.entity_name, "country": e.country,
            "sector_code": e.sector_code, "role": e.role, "entity_type": e.entity_type,
            "start": e.start, "end": e.end}


def _insert(c: Connection, todo: list[DocResult], run_id: int | None) -> None:
    now = _now()
    docs, sents, ments, evs, parts, tops, evid = [], [], [], [], [], [], []
    for r in todo:
        d = r.document
        docs.append({"id": d.id, "date": d.date, "title": d.title, "source": d.source, "url": d.url,
                     "language": d.language, "origin": d.origin, "text": d.text,
                     "content_hash": d.content_hash, "body_start": d.body_start,
                     "warnings": _dumps(list(d.warnings)), "ingested_at": now, "run_id": run_id})
        sents += [{"doc_id": d.id, "idx": s.index, "start": s.start, "end": s.end} for s in r.sentences]
        ments += [{"doc_id": d.id, **_entity_row(e)} for e in r.entities]
        for ev in r.events:
            loc = ev.location
            lo, hi = date_bounds(ev.date)
            evs.append({
                "id": ev.id, "doc_id": d.id, "event_type": ev.event_type, "mode": _dumps(list(ev.mode)),
                "context": _dumps(list(ev.context)), "aux_mode": ev.aux_mode, "date": ev.date,
                "date_precision": ev.date_precision, "date_text": ev.date_text, "date_lo": lo, "date_hi": hi,
                "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
                "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
                "geonames_id": loc.geonames_id if loc else None, "agreement": _dumps(ev.agreement),
                "confidence": ev.confidence, "trigger": ev.trigger,
                "first_offset": min((x.start for x in ev.evidence), default=None),
                "record": _dumps(ev.to_dict(extended=True)),
            })
            for side, ents in (("actor", ev.actor), ("recipient", ev.recipient)):
                parts += [{"event_id": ev.id, "side": side, "position": i, **_entity_row(e)}
                          for i, e in enumerate(ents)]
            tops += [{"event_id": ev.id, "position": i, "topic": t} for i, t in enumerate(ev.topics)]
            evid += [{"event_id": ev.id, "position": i, "doc_id": x.doc_id, "start": x.start, "end": x.end,
                      "text": x.text} for i, x in enumerate(ev.evidence)]
    for table, rows in ((documents_t, docs), (sentences_t, sents), (mentions_t, ments), (events_t, evs),
                        (participants_t, parts), (topics_t, tops), (evidence_t, evid),
                        (unlinked_t, [{"doc_id": d["id"]} for d in docs])):
        _bulk_insert(c, table, rows)


def _bulk_insert(c: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """executemany at driver level: the INSERT is compiled by SQLAlchemy for this dialect,
    but per-row parameter processing (not needed for these plain column types) is skipped,
    which more than doubles save speed. All rows must have the same keys."""
    if not rows:
        return
    compiled = table.insert().compile(dialect=c.dialect, column_keys=list(rows[0]))
    if c.dialect.positional:
        order = compiled.positiontup or []
        params: list[Any] = [tuple(r[k] for k in order) for r in rows]
    else:
        params = rows
    c.exec_driver_sql(str(compiled), params)


def _rebuild(c: Connection, rows: Sequence[Any]) -> list[Event]:
    """Events from their stored record, with confidence, trigger and entity offsets restored."""
    events: dict[str, Event] = {}
    for eid, record, confidence, trigger in rows:
        ev = Event.from_dict(json.loads(record))
        ev.confidence = confidence if confidence is not None else ev.confidence
        ev.trigger = trigger
        events[eid] = ev
    p = participants_t.c
    for chunk in _chunks(list(events)):
        q = (sa.select(p.event_id, p.side, p.position, p.start, p.end)
             .where(p.event_id.in_(chunk), sa.or_(p.start.is_not(None), p.end.is_not(None))))
        for eid, side, pos, start, end in c.execute(q):
            ents = events[eid].actor if side == "actor" else events[eid].recipient
            if pos < len(ents):
                ents[pos].start, ents[pos].end = start, end
    return list(events.values())
