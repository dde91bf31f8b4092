"""The store: documents, sentences, entity mentions, events, runs and failures, and the
cross-document tables.

One interface (`Store`) over SQLAlchemy Core, SQLite by default; PostgreSQL
with ``postgresql://user@host:port/db`` (psycopg 3), or any SQLAlchemy URL.
On SQLite: WAL journal, foreign keys on, a busy timeout, and a BEGIN IMMEDIATE
for writes so that concurrent writers wait instead of failing. On PostgreSQL:
each write transaction takes one advisory lock first (the same one writer at a
time), read commands open read-only sessions, text columns sort byte-wise
(collation "C") as SQLite's do. What differs by backend is chosen by dialect:
the settings above (database.py) and the substring index behind `--text`
(versions.py: FTS5 trigram on SQLite, pg_trgm GIN on PostgreSQL).

One module a job; `Store` puts them together:

    schema.py     the tables (SQLAlchemy Core metadata), SCHEMA_VERSION, StoreError
    versions.py   is a database ours and of this version; the schema made in a new one
    database.py   opening (path, URL, $PACTWATCH_DB), SQLite settings, the write transaction,
                  database error messages, remove_database
    rows.py       JSON columns, date bounds, ids in chunks, bulk inserts
    writing.py    save / save_many: documents with their sentences, mentions and events
    reading.py    documents, sentences, events (the filtered query; a page read in order through
                  event_facets or the text index), mentions, counts
    browsing.py   for the web app: events and canonical events a page at a time, counts per month,
                  country pairs, places, documents a page at a time, a token that changes with the data
    runs.py       runs and failures; is a run's process still alive
    linking.py    the cross-document tables: candidates, links, clusters, derived records, unlinked
    checks.py     check / check_warnings

The tables, and how rows refer to each other, are described in schema.py.
"""
from __future__ import annotations

from .browsing import BrowsingMixin
from .checks import ChecksMixin
from .database import BUSY_TIMEOUT_S, Database, default_db_path, describe_db_error, remove_database
from .linking import LinkingMixin
from .rows import date_bounds
from .runs import RunsMixin
from .schema import SCHEMA_VERSION, StoreError
from .writing import WritingMixin

__all__ = ["BUSY_TIMEOUT_S", "SCHEMA_VERSION", "Store", "StoreError", "date_bounds", "default_db_path",
           "describe_db_error", "remove_database"]


class Store(WritingMixin, BrowsingMixin, LinkingMixin, ChecksMixin, RunsMixin, Database):
    """The one interface to persisted results. Use as a context manager or call close().

    `create`: make the database when it does not exist (``ingest`` and ``demo``); otherwise a
    missing database is a `StoreError` and nothing is created. `readonly`: open without the right
    to write (also chosen by itself for a SQLite file or folder the user cannot write to).
    Opening checks before it creates or changes anything: a file that is not SQLite, a SQLite
    database that is not pactwatch's, one of another schema version, or one with tables or
    columns missing is refused with a `StoreError` and left untouched."""
