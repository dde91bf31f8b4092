"""Write the store as Parquet tables (`pactwatch export --format parquet --out DIR`): one folder per
record kind, partitioned hive-style by year and month (``events/year=2026/month=03/part-0.parquet``),
readable by pandas, pyarrow, DuckDB or Spark without pactwatch.

The columns are those of the JSON Lines records (`export --what ...`), typed from the values:
text, integers, floats, booleans; lists of text as ``list<string>``; an object of plain values (a
place, an agreement) as a struct and a list of them (actors, evidence spans) as a list of structs;
anything nested deeper (merge reasons, the rules behind a field) as JSON text, marked so in the
field's metadata (``pactwatch.encoding = json``). A record without a date goes to the partition
``year=__HIVE_DEFAULT_PARTITION__`` (read back as null).

`year` and `month` are partition keys (the folder names), not columns of the files: the readers
add them from the path (``pyarrow.dataset.dataset(DIR/"events", partitioning="hive")``,
``read_parquet('DIR/events/**/*.parquet', hive_partitioning = true)`` in DuckDB).

Needs pyarrow (the `parquet` extra: ``pip install 'pactwatch[parquet]'``).
"""
from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

MARKER = "_pactwatch_export.json"   # says a folder is a pactwatch Parquet export (it may be replaced)


class ParquetError(Exception):
    """pyarrow missing, or a folder that cannot be written."""


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.dataset as ds
    except ImportError:
        raise ParquetError("Parquet needs pyarrow, which is not installed: pip install 'pactwatch[parquet]'") from None
    return pa, ds


def year_month(date: str | None) -> tuple[str | None, str | None]:
    """('2026', '03') from '2026-03-10' or '2026-03'; ('2026', None) from '2026'; (None, None) else."""
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None, None
    month = date[5:7] if len(date) >= 7 and date[5:7].isdigit() else None
    return date[:4], month


def _scalar_type(values: list[Any], pa):
    kinds = {type(v) for v in values if v is not None}
    if not kinds or kinds == {str}:
        return pa.string()
    if kinds == {bool}:
        return pa.bool_()
    if kinds == {int}:
        return pa.int64()
    if kinds <= {int, float}:
        return pa.float64()
    return None


def _is_scalar(v: Any) -> bool:
    return v is None or isinstance(v, (str, int, float, bool))


def _struct_type(dicts: list[dict], pa):
    """A struct of the keys of these objects (in order of first appearance), or None when a value
    is not a plain one."""
    keys: dict[str, list[Any]] = {}
    for d in dicts:
        for k, v in d.items():
            if not _is_scalar(v):
                return None
            keys.setdefault(k, []).append(v)
    fields = []
    for k, vs in keys.items():
        t = _scalar_type(vs, pa)
        if t is None:
            return None
        fields.append(pa.field(k, t))
    return pa.struct(fields) if fields else None


def _column_type(values: list[Any], pa):
    """(arrow type, json-encoded?) for the values of one key."""
    present = [v for v in values if v is not None]
    if all(_is_scalar(v) for v in present):
        t = _scalar_type(present, pa)
        if t is not None:
            return t, False
    elif all(isinstance(v, list) for v in present):
        items = [x for v in present for x in v]
        if all(isinstance(x, str) for x in items):
            return pa.list_(pa.string()), False
        if items and all(isinstance(x, dict) for x in items):
            st = _struct_type(items, pa)
            if st is not None:
                return pa.list_(st), False
    elif all(isinstance(v, dict) for v in present):
        st = _struct_type(present, pa)
        if st is not None:
            return st, False
    return pa.string(), True


def records_table(records: list[dict], date_of):
    """An arrow table of these records (see the module docstring), with the partition columns
    year and month from `date_of(record)`."""
    pa, _ = _pyarrow()
    keys: dict[str, None] = {}
    for r in records:
        keys.update(dict.fromkeys(r))
    keys.pop("year", None)
    keys.pop("month", None)
    columns, fields = [], []
    for k in keys:
        values = [r.get(k) for r in records]
        t, as_json = _column_type(values, pa)
        if as_json:
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
        fields.append(pa.field(k, t, metadata={"pactwatch.encoding": "json"} if as_json else None))
        columns.append(pa.array(values, type=t))
    ym = [year_month(date_of(r)) for r in records]
    fields += [pa.field("year", pa.string()), pa.field("month", pa.string())]
    columns += [pa.array([y for y, _ in ym], pa.string()), pa.array([m for _, m in ym], pa.string())]
    return pa.Table.from_arrays(columns, schema=pa.schema(fields))


def write_tables(out: str | os.PathLike, tables: dict[str, tuple[Iterable[dict], Any]]) -> dict[str, int]:
    """Write each named table (records, date_of) under out/<name>/year=YYYY/month=MM/; the folder
    is written whole or not at all (into a temporary folder beside it, then renamed), and a previous
    pactwatch export in it is replaced. Returns name -> rows written."""
    pa, ds = _pyarrow()
    out = Path(out)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise ParquetError(f"{out}: exists and is not an empty folder or a pactwatch Parquet export; "
                           f"give a new folder to --out")
    tmp = out.parent / f".{out.name}.part-{os.getpid()}"
    counts: dict[str, int] = {}
    try:
        tmp.mkdir(parents=True)
        for name, (records, date_of) in tables.items():
            records = list(records)
            counts[name] = len(records)
            if not records:
                continue
            table = records_table(records, date_of)
            part = ds.partitioning(pa.schema([pa.field("year", pa.string()), pa.field("month", pa.string())]),
                                   flavor="hive")
            ds.write_dataset(table, tmp / name, format="parquet", partitioning=part,
                             basename_template="part-{i}.parquet", existing_data_behavior="overwrite_or_ignore")
        (tmp / MARKER).write_text(json.dumps({"tables": counts}, indent=1) + "\n", encoding="utf-8")
        if out.exists():
            old = out.parent / f".{out.name}.old-{os.getpid()}"
            out.rename(old)
            tmp.rename(out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            tmp.rename(out)
    except OSError as e:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OSError(e.errno, e.strerror, str(out)) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return counts
