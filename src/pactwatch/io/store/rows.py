"""Values to column text and back (JSON, dates, timestamps), ids in chunks, and rows written in bulk."""
from __future__ import annotations

import calendar
import json
from operator import itemgetter
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

CHUNK = 500  # ids per IN (...) clause


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


_JSON = json.JSONEncoder(ensure_ascii=False)  # reused: json.dumps(..., ensure_ascii=False) builds one per call


def dumps(v: Any) -> str | None:
    return None if v is None else _JSON.encode(v)


def loads(v: str | None, default: Any = None) -> Any:
    return default if v is None else json.loads(v)


def clip(s: str, width: int = 40) -> str:
    return s if len(s) <= width else s[: width - 1] + "…"


def chunks(xs: Sequence[Any], n: int = CHUNK) -> Iterator[Sequence[Any]]:
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



def bulk_insert(c: Connection, table: sa.Table, rows: list[dict[str, Any]], rows_per_statement: int = 1) -> None:
    """executemany at driver level: the INSERT is compiled by SQLAlchemy for this dialect,
    but per-row parameter processing (not needed for these plain column types) is skipped,
    which more than doubles save speed. All rows must have the same keys.

    `rows_per_statement` > 1 (positional dialects): rows go `rows_per_statement` at a time in one
    ``INSERT ... VALUES (...), (...)`` statement instead of one statement each. For a table whose
    triggers feed SQLite's FTS5 index (event_search): FTS5 writes the terms it holds out to a new
    index segment at the end of every statement, so one statement a row costs one segment (and
    the merging of segments) a row."""
    if not rows:
        return
    compiled = table.insert().compile(dialect=c.dialect, column_keys=list(rows[0]))
    if c.dialect.positional:
        order = compiled.positiontup or []
        if len(order) > 1:
            pick = itemgetter(*order)       # a tuple of the row's values in the statement's order
            params: list[Any] = [pick(r) for r in rows]
        else:
            params = [tuple(r[k] for k in order) for r in rows]
        if rows_per_statement > 1 and len(params) > 1:
            head, values = str(compiled).split(" VALUES ", 1)
            for k in range(0, len(params), rows_per_statement):
                chunk = params[k:k + rows_per_statement]
                c.exec_driver_sql(f"{head} VALUES {', '.join([values] * len(chunk))}", tuple(x for p in chunk for x in p))
            return
    else:
        params = rows
    c.exec_driver_sql(str(compiled), params)
