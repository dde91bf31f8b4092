"""Is a database pactwatch's, of this schema version, with every table and column? And the
schema made in a new one. (No migrations yet: a database of another version is refused.)"""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from .schema import SCHEMA_VERSION, StoreError, md, meta_t


def create_schema(c: Connection) -> bool:
    """Create every table and record the schema version, when the database has no tables
    (another process may have created them meanwhile); True when it created them."""
    names = set(sa.inspect(c).get_table_names())
    if names:
        return False
    md.create_all(c)
    c.execute(meta_t.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
    return True


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
            if missing:
                raise StoreError(f"{where}: damaged pactwatch database: table {table.name!r} lacks "
                                 f"column(s) {', '.join(missing)}; left untouched, rebuild it by ingesting "
                                 f"into a new --db")
    return True
