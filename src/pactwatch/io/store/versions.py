"""Is a database pactwatch's, of this schema version, with every table and column? And the
schema made in a new one, with the text-search index of its backend. (No migrations yet: a
database of another version is refused with a message that says what to do.)

Version 3 added the `event_search` table (the text `events --text` searches, with a substring
index: an FTS5 trigram table on SQLite, a pg_trgm GIN index on PostgreSQL) and the collation "C" on
PostgreSQL's string columns."""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from .schema import LAYOUT, SCHEMA_VERSION, StoreError, md, meta_t


def create_schema(c: Connection) -> bool:
    """Create every table and record the schema version, when the database has no tables
    (another process may have created them meanwhile); True when it created them."""
    names = set(sa.inspect(c).get_table_names())
    if names:
        return False
    md.create_all(c)
    for stmt in search_index_ddl(c) + order_index_ddl(c):
        c.exec_driver_sql(stmt)
    c.execute(meta_t.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
    # the text index is read in id order only on SQLite (FTS5); PostgreSQL's ids are 32-bit
    have = [x for x in LAYOUT if x != "search-by-date" or c.dialect.name == "sqlite"]
    c.execute(meta_t.insert().values(key="layout", value=" ".join(have)))
    return True


def layout(c: Connection) -> frozenset[str]:
    """What of `schema.LAYOUT` this database was written with (none for one made before them: it is
    read the older, slower way, with the same results)."""
    value = c.execute(sa.select(meta_t.c.value).where(meta_t.c.key == "layout")).scalar()
    return frozenset((value or "").split())


# SQLite: an FTS5 index over event_search.text (external content: the text is stored once, in
# event_search), kept in step with that table by triggers; the trigram tokenizer matches any
# substring of 3 or more characters, case-insensitively
SQLITE_SEARCH_DDL = (
    "CREATE VIRTUAL TABLE event_search_fts USING fts5(text, content='event_search', content_rowid='id', "
    "tokenize='trigram')",
    "CREATE TRIGGER event_search_ai AFTER INSERT ON event_search BEGIN "
    "INSERT INTO event_search_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER event_search_ad AFTER DELETE ON event_search BEGIN "
    "INSERT INTO event_search_fts(event_search_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER event_search_au AFTER UPDATE ON event_search BEGIN "
    "INSERT INTO event_search_fts(event_search_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO event_search_fts(rowid, text) VALUES (new.id, new.text); END",
)


def search_index_ddl(c: Connection) -> list[str]:
    """The statements that index event_search.text for substring search on this backend. On
    PostgreSQL the pg_trgm extension is needed (shipped with PostgreSQL, and trusted: the owner of a
    database may create it); where it cannot be created the search still works, reading every row."""
    if c.dialect.name == "sqlite":
        return list(SQLITE_SEARCH_DDL)
    if c.dialect.name == "postgresql":
        try:
            with c.begin_nested():
                c.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except sa.exc.DBAPIError:
            return []
        return ["CREATE INDEX ix_event_search_trgm ON event_search USING gin (text gin_trgm_ops)"]
    return []


# the commitments listed in the order the commands print them (the day each was made, then id), read
# a page at a time: an index on that expression (SQLite uses it when the query names the expression
# as written here, see browsing.MADE_ON); a database without it is sorted instead
# (status and scope ride along, so that a page of one status or country is tested on the index
# entries and reads only the records it keeps; the second index counts them by status from the index)
SQLITE_ORDER_DDL = ("CREATE INDEX ix_derived_made_on ON derived (kind, json_extract(record, '$.made_on'), id, "
                    "status, scope)",
                    "CREATE INDEX ix_derived_status_scope ON derived (kind, status, scope)")


def order_index_ddl(c: Connection) -> list[str]:
    return list(SQLITE_ORDER_DDL) if c.dialect.name == "sqlite" else []


def has_sqlite_fts(c: Connection) -> bool:
    return c.dialect.name == "sqlite" and "event_search_fts" in set(sa.inspect(c).get_table_names())


def check_schema(engine: Engine, where: str) -> bool:
    """False for a database with no tables at all; True for a pactwatch database of this schema
    version with every table and column; otherwise a StoreError saying what is wrong."""
    with engine.connect() as c:
        insp = sa.inspect(c)
        names = set(insp.get_table_names())
        if not names:
            return False
        if "meta" not in names:
            raise StoreError(f"{where}: not a pactwatch database (it has tables "
                             f"{', '.join(sorted(names)[:5])}{', ...' if len(names) > 5 else ''} but no 'meta' "
                             f"table); left untouched, give another --db")
        version = c.execute(sa.select(meta_t.c.value).where(meta_t.c.key == "schema_version")).scalar()
        if version is None:
            raise StoreError(f"{where}: not a pactwatch database (no schema version recorded); "
                             f"left untouched, give another --db")
        if version != str(SCHEMA_VERSION):
            raise StoreError(f"{where}: written with pactwatch schema version {version}; this pactwatch "
                             f"reads version {SCHEMA_VERSION}. Left untouched: ingest the articles into a new "
                             f"--db with this version")
        for table in md.sorted_tables:
            if table.name not in names:
                raise StoreError(f"{where}: damaged pactwatch database: table {table.name!r} is "
                                 f"missing; left untouched, rebuild it by ingesting into a new --db")
            have = {col["name"] for col in insp.get_columns(table.name)}
            missing = [col.name for col in table.columns if col.name not in have]
            if table.name == "event_search" and engine.dialect.name == "sqlite" and "event_search_fts" not in names:
                missing.append("(its full-text index event_search_fts)")
            if missing:
                raise StoreError(f"{where}: damaged pactwatch database: table {table.name!r} lacks "
                                 f"column(s) {', '.join(missing)}; left untouched, rebuild it by ingesting "
                                 f"into a new --db")
    return True
