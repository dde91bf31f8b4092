"""JSON Lines: one ``{"id", "date", "text", ...}`` object a line, each line a Document or a Failure."""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

from ...model import Document, Failure
from .decoding import BOM_BYTES, open_check
from .header import NO_DATE_WARNING, check_date, path_name, show
from .limits import DEFAULT_LIMITS, Limits, long_line


JSONL_SUFFIXES = frozenset({".jsonl", ".json", ".jsonlines", ".ndjson"})
_JSON_OPTIONAL = ("title", "source", "url", "language")


def encodable(s: str) -> bool:
    """False for strings JSON can hold but UTF-8 cannot (lone surrogates such as "\\ud800")."""
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _type_name(v: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null",
            int: "number", float: "number"}.get(type(v), type(v).__name__)


def _jsonl_line(origin: str, n: int, raw: bytes, limits: Limits) -> Document | Failure:
    """Turn one non-blank JSON Lines line into a Document or a Failure."""
    fail = lambda reason, doc_id=None: Failure(origin, f"line {n}: {reason}", line=n, doc_id=doc_id)
    if b"\x00" in raw:
        return fail("binary data (contains NUL bytes)")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return fail(f"not UTF-8 text (invalid byte 0x{raw[e.start]:02x} at byte {e.start} of the line)")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return fail(f"not JSON ({e.msg} at column {e.colno})")
    except RecursionError:
        return fail("not JSON (nested too deeply)")
    if not isinstance(obj, dict):
        return fail(f"not a JSON object (got {_type_name(obj)})")
    doc_id = obj.get("id")
    if doc_id is None:
        return fail("missing 'id'")
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int, float)):
        return fail(f"'id' must be a string or number (got {_type_name(doc_id)})")
    doc_id = str(doc_id)
    if not doc_id.strip():
        return fail("empty 'id'")
    if not encodable(doc_id):
        return fail("'id' is not valid Unicode (contains a lone surrogate escape)")
    if "text" not in obj or obj["text"] is None:
        return fail("missing 'text'", doc_id)
    text = obj["text"]
    if not isinstance(text, str):
        return fail(f"'text' must be a string (got {_type_name(text)})", doc_id)
    if not text.strip():
        return fail("empty 'text'", doc_id)
    if not encodable(text):
        return fail("'text' is not valid Unicode (contains a lone surrogate escape such as \\ud800)", doc_id)
    if (long := long_line(text, limits.max_line_chars)) is not None:
        return fail(f"'text' {long}", doc_id)
    warnings: list[str] = []
    date = obj.get("date")
    if date is not None:
        if not isinstance(date, str):
            warnings.append(f"invalid date {show(date)} (expected a 'YYYY-MM-DD' string)")
            date = None
        else:
            # a timestamp such as 2025-08-05T10:00:00Z is accepted for its day
            value = date[:10] if re.match(r"\d{4}-\d{2}-\d{2}[T ]\d", date) else date
            date, problem = check_date(value)
            if problem:
                warnings.append(problem)
    if date is None:
        warnings.append(NO_DATE_WARNING)
    extra: dict[str, str | None] = {}
    for key in _JSON_OPTIONAL:
        v = obj.get(key)
        if v is not None and not isinstance(v, str):
            warnings.append(f"ignored '{key}': not a string (got {_type_name(v)})")
            v = None
        elif v is not None and not encodable(v):
            warnings.append(f"ignored '{key}': not valid Unicode")
            v = None
        extra[key] = v
    return Document(id=doc_id, text=text, date=date, origin=f"{origin}:{n}", warnings=warnings, **extra)


def _read_line(f, cap: int) -> tuple[bytes, int]:
    """Read one line; returns ``(bytes, length without the line break)``. A line
    over `cap` bytes is read only in part (the rest is skipped)."""
    chunk = f.readline(cap + 2)  # room for "\r\n"
    if chunk.endswith(b"\n") or len(chunk) < cap + 2:
        return chunk, len(chunk.rstrip(b"\r\n"))
    total = len(chunk)
    while True:
        more = f.readline(1 << 20)
        total += len(more.rstrip(b"\r\n"))
        if not more or more.endswith(b"\n"):
            return chunk, total


def read_jsonl_file(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | Failure]:
    """Yield one Document per JSON Lines line, or a Failure naming the line.

    Blank lines are skipped; a bad line does not stop the rest. `limits.max_bytes`
    bounds each line. A JSON array file is refused as a whole (it is JSON, not
    JSON Lines)."""
    p = Path(path)
    if (bad := open_check(p, limits, whole_file=False)) is not None:
        yield bad
        return
    origin = path_name(p)
    try:
        f = open(p, "rb")
    except OSError as e:
        yield Failure(origin, f"cannot read: {e.strerror or e}")
        return
    n_items = 0
    with f:
        n = 0
        while True:
            try:
                raw, size = _read_line(f, limits.max_bytes)
            except OSError as e:
                yield Failure(origin, f"cannot read: {e.strerror or e}", line=n + 1)
                return
            if not raw:
                break
            n += 1
            if n == 1 and raw.startswith(BOM_BYTES):
                raw = raw[len(BOM_BYTES):]
            if size > limits.max_bytes:
                n_items += 1
                yield Failure(origin, f"line {n}: too large ({size} bytes > limit {limits.max_bytes}; "
                                      f"see --max-bytes)", line=n)
                continue
            if not raw.strip():
                continue
            if n_items == 0 and raw.strip() == b"[":
                yield Failure(origin, "a JSON array, not JSON Lines (expected one JSON object per line)")
                return
            n_items += 1
            yield _jsonl_line(origin, n, raw.rstrip(b"\r\n"), limits)
    if n_items == 0:
        yield Failure(origin, "empty file (only blank lines)")
