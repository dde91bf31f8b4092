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


def _is_scalar(v: Any) -> bool:
    return v is None or isinstance(v, (str, int, float, bool))


class ColumnTypes:
    """The arrow type of each key of a stream of records, as `_column_type` gives it for all the values
    of the key at once, found one record at a time (what is kept per key: the kinds of values seen,
    not the values), so that a table is written batch by batch with the type of the whole."""

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, Any]] = {}

    def add(self, record: dict) -> None:
        for k, v in record.items():
            st = self.keys.get(k)
            if st is None:
                st = self.keys[k] = {"scalar": set(), "shape": set(), "items": set(), "struct": _Struct()}
            if v is None:
                continue
            if _is_scalar(v):
                st["shape"].add("scalar")
                st["scalar"].add(type(v))
            elif isinstance(v, list):
                st["shape"].add("list")
                for x in v:
                    st["items"].add("str" if isinstance(x, str) else "dict" if isinstance(x, dict) else "other")
                    if isinstance(x, dict):
                        st["struct"].add(x)
            elif isinstance(v, dict):
                st["shape"].add("dict")
                st["struct"].add(v)
            else:
                st["shape"].add("other")

    def types(self, pa) -> dict[str, tuple[Any, bool]]:
        """key -> (arrow type, json-encoded?), keys in order of first appearance (year, month left out)."""
        out = {}
        for k, st in self.keys.items():
            if k in ("year", "month"):
                continue
            shape, t = st["shape"], None
            if shape <= {"scalar"}:
                t = _kinds_type(st["scalar"], pa)
            elif shape == {"list"}:
                if st["items"] <= {"str"}:
                    t = pa.list_(pa.string())
                elif st["items"] == {"dict"}:
                    t = st["struct"].type(pa)
                    t = None if t is None else pa.list_(t)
            elif shape == {"dict"}:
                t = st["struct"].type(pa)
            out[k] = (t, False) if t is not None else (pa.string(), True)
        return out


class _Struct:
    """The keys of a stream of objects and the kinds of their values (`_struct_type` one at a time)."""

    def __init__(self) -> None:
        self.keys: dict[str, set] = {}
        self.bad = False

    def add(self, d: dict) -> None:
        for k, v in d.items():
            if not _is_scalar(v):
                self.bad = True
            elif v is not None:
                self.keys.setdefault(k, set()).add(type(v))
            else:
                self.keys.setdefault(k, set())

    def type(self, pa):
        if self.bad or not self.keys:
            return None
        fields = []
        for k, kinds in self.keys.items():
            t = _kinds_type(kinds, pa)
            if t is None:
                return None
            fields.append(pa.field(k, t))
        return pa.struct(fields)


def _kinds_type(kinds: set, pa):
    """`_scalar_type` from the set of the value types."""
    if not kinds or kinds == {str}:
        return pa.string()
    if kinds == {bool}:
        return pa.bool_()
    if kinds == {int}:
        return pa.int64()
    if kinds <= {int, float}:
        return pa.float64()
    return None


def records_table(records: list[dict], date_of):
    """An arrow table of these records (see the module docstring), with the partition columns
    year and month from `date_of(record)`."""
    pa, _ = _pyarrow()
    types = ColumnTypes()
    for r in records:
        types.add(r)
    table = _batch(records, types.types(pa), pa)
    ym = [year_month(date_of(r)) for r in records]
    return (table.append_column(pa.field("year", pa.string()), pa.array([y for y, _ in ym], pa.string()))
            .append_column(pa.field("month", pa.string()), pa.array([m for _, m in ym], pa.string())))


def _batch(records: list[dict], types: dict[str, tuple[Any, bool]], pa):
    """The records as an arrow table of these column types (no partition columns)."""
    columns, fields = [], []
    for k, (t, as_json) in types.items():
        values = [r.get(k) for r in records]
        if as_json:
            values = [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]
        fields.append(pa.field(k, t, metadata={"pactwatch.encoding": "json"} if as_json else None))
        columns.append(pa.array(values, type=t))
    return pa.Table.from_arrays(columns, schema=pa.schema(fields))


HIVE_NULL = "__HIVE_DEFAULT_PARTITION__"
ROW_GROUP = 10_000   # records held before they are written (a row group of a partition's file)


def _records(source, date_of) -> Iterable[dict]:
    """The records of a source: a function's, as it gives them; a list's, grouped by partition (a
    stable sort: each partition's in the list's order)."""
    if callable(source):
        return source()
    return sorted(source, key=lambda r: tuple(x or "\uffff" for x in year_month(date_of(r))))


class _PartitionWriter:
    """Records written under folder/year=Y/month=M/part-K.parquet as they come (`add`), holding at most
    ROW_GROUP of them: records of one partition that come one after the other go to one file (the sources
    give them by date, so each partition is usually one file); a partition met again gets a new file."""

    def __init__(self, folder: Path, date_of, types: dict[str, tuple[Any, bool]]):
        import pyarrow.parquet as pq
        self.pq, (self.pa, _) = pq, _pyarrow()
        self.folder, self.date_of, self.types = folder, date_of, types
        self.schema = _batch([], types, self.pa).schema
        self.files: dict[tuple, int] = {}
        self.writer, self.current, self.buf, self.n = None, None, [], 0

    def add(self, r: dict) -> None:
        self.n += 1
        key = year_month(self.date_of(r))
        if key != self.current:
            self._close_file()
            self.current = key
            k = self.files[key] = self.files.get(key, -1) + 1
            path = self.folder / f"year={key[0] or HIVE_NULL}" / f"month={key[1] or HIVE_NULL}" / f"part-{k}.parquet"
            path.parent.mkdir(parents=True, exist_ok=True)
            self.writer = self.pq.ParquetWriter(path, self.schema)
        self.buf.append(r)
        if len(self.buf) >= ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.buf:
            self.writer.write_table(_batch(self.buf, self.types, self.pa), row_group_size=len(self.buf))
            self.buf = []

    def _close_file(self) -> None:
        if self.writer is not None:
            try:
                self._flush()
            finally:
                self.writer.close()
                self.writer = None

    def close(self) -> int:
        """Write what is held and close the file; the number of records written."""
        self._close_file()
        return self.n


def _write_partitioned(folder: Path, source, date_of, types: dict[str, tuple[Any, bool]],
                       derived: dict | None = None, derived_types: dict | None = None) -> dict[str, int]:
    """Write the source's records (`_PartitionWriter`) under `folder`, and, in the same pass, the rows each
    derived table (name -> (rows of a record, date_of)) makes of them under folder's sibling of that name.
    Returns name -> records written (the source's under folder's own name)."""
    writers = {folder.name: _PartitionWriter(folder, date_of, types)}
    for name, (_, d_date_of) in (derived or {}).items():
        writers[name] = _PartitionWriter(folder.parent / name, d_date_of, derived_types[name])
    main = writers[folder.name]
    try:
        for r in _records(source, date_of):
            main.add(r)
            for name, (rows_of, _) in (derived or {}).items():
                for x in rows_of(r):
                    writers[name].add(x)
    finally:
        counts = {name: w.close() for name, w in writers.items()}
    return counts


def write_tables(out: str | os.PathLike, tables: dict[str, tuple[Any, Any]]) -> dict[str, int]:
    """Write each named table (records, date_of) under out/<name>/year=YYYY/month=MM/; the folder
    is written whole or not at all (into a temporary folder beside it, then renamed), and a previous
    pactwatch export in it is replaced. Returns name -> rows written.

    `records` is a list, or a function that returns an iterable of them anew each time it is called:
    it is then read twice (the column types of the whole, then the rows), and only a row group's
    worth of records is held at once. A third member, {name: (rows_of, date_of)}, names tables derived
    from each record (the participants of each event): they are written in the same two passes, so the
    source is not read again for them."""
    pa, ds = _pyarrow()
    out = Path(out)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise ParquetError(f"{out}: exists and is not an empty folder or a pactwatch Parquet export; "
                           f"give a new folder to --out")
    tmp = out.parent / f".{out.name}.part-{os.getpid()}"
    counts: dict[str, int] = {}
    try:
        tmp.mkdir(parents=True)
        for name, (source, date_of, *more) in tables.items():
            derived = more[0] if more else {}
            types, derived_types = ColumnTypes(), {d: ColumnTypes() for d in derived}
            for r in _records(source, date_of):
                types.add(r)
                for d, (rows_of, _) in derived.items():
                    for x in rows_of(r):
                        derived_types[d].add(x)
            counts.update(_write_partitioned(tmp / name, source, date_of, types.types(pa), derived,
                                             {d: t.types(pa) for d, t in derived_types.items()}))
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
