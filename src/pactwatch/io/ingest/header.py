"""File names as storable text, publication dates checked, the ``date YYYY-MM-DD`` header of a text file."""
from __future__ import annotations

import datetime as _dt
import json
import os
import re


NO_DATE_WARNING = "no publication date: relative dates cannot be resolved"
# `date <token>` at the very start of the first line; the token is checked separately.
_HEADER = re.compile(r"\ufeff?[ \t]*date[ \t]+(\S+)[ \t]*(?:\r?\n)?")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def path_name(p: str | os.PathLike) -> str:
    """A file name as text that can be stored and shown. A name with bytes that are not UTF-8
    (which Python keeps as lone surrogates) gets them as ``\\xNN`` escapes, so the name still
    says which file it was and the document can be stored."""
    s = os.fspath(p)
    if isinstance(s, bytes):
        return s.decode("utf-8", "backslashreplace")
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return os.fsencode(s).decode("utf-8", "backslashreplace")


def show(value: object, width: int = 40) -> str:
    """A short quoted rendering of a user-supplied value for messages."""
    s = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    if len(s) > width:
        s = s[: width - 1] + "…"
    return "'" + s.replace("'", "\\'") + "'"


def check_date(value: str) -> tuple[str | None, str | None]:
    """Validate a ``YYYY-MM-DD`` string: ``(date, None)`` or ``(None, problem)``.

    The problem reads "malformed date '…' (expected YYYY-MM-DD)" or
    "impossible date '…' (<why>)"."""
    m = _ISO_DAY.fullmatch(value)
    if not m:
        return None, f"malformed date {show(value)} (expected YYYY-MM-DD)"
    y, mo, d = (int(g) for g in m.groups())
    if not 1 <= mo <= 12:
        return None, f"impossible date {show(value)} (month {mo} is not 1-12)"
    try:
        _dt.date(y, mo, d)
    except ValueError as e:
        return None, f"impossible date {show(value)} ({e})"
    return value, None


def parse_header(raw: str) -> tuple[str | None, int, str | None]:
    """Find a ``date YYYY-MM-DD`` header at the start of `raw`.

    Returns ``(date, body_start, warning)``. With no header: ``(None, 0, None)``.
    With a header, `body_start` is the offset just after ``date <token>`` and
    the spaces after it (and the line break, when the header is alone on its
    line). A malformed or impossible token still counts as the header: the date
    is None and `warning` names it, e.g. "impossible date '2025-02-30' in header
    (day is out of range for month)"."""
    if not isinstance(raw, str):
        return None, 0, None
    m = _HEADER.match(raw)
    if not m:
        return None, 0, None
    date, problem = check_date(m.group(1))
    if problem:
        # keep the explanation in brackets at the end, name the place before it
        head, _, why = problem.partition(" (")
        return None, m.end(), f"{head} in header ({why}"
    return date, m.end(), None
