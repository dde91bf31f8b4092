"""Make untrusted text safe to show: on a terminal, in JSON Lines and in CSV.

Article text, document ids, file names and everything derived from them come
from outside. Printed raw, an escape sequence in an article can retitle or
clear the user's terminal, a bidirectional override can make a line read
differently from what it holds, and a CSV cell starting with ``=`` runs as a
formula in a spreadsheet. Every output path goes through one of these:

* `for_terminal` - control characters (C0 but newline and tab, DEL, C1), bidi
  controls, line separators and lone surrogates are shown escaped (``\\x1b``,
  ``\\u202e``); with ``oneline=True`` newlines and tabs too.
* `json_text` - a JSON document with the same characters written as ``\\uXXXX``
  escapes (still the same JSON value; `json.dumps` already escapes C0).
* `csv_cell` - a string cell escaped as for a terminal (newlines kept) and, when
  a spreadsheet would read it as a formula (it starts with ``=``, ``+``, ``-``,
  ``@``, tab or carriage return), prefixed with ``'`` (OWASP's advice).
"""
from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["for_terminal", "json_text", "csv_cell", "UNSAFE"]

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# characters never shown as they are (newline and tab are handled by `oneline`)
UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\u2028\u2029\ud800-\udfff]")
_UNSAFE_ONELINE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\u2028\u2029\ud800-\udfff]")
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{_BIDI}\u2028\u2029]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(m: re.Match) -> str:
    ch = m.group(0)
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: Any, oneline: bool = False) -> str:
    """`text` (made a string) with the characters a terminal would act on shown escaped."""
    s = text if isinstance(text, str) else str(text)
    return (_UNSAFE_ONELINE if oneline else UNSAFE).sub(_escape, s)


def json_text(obj: Any) -> str:
    """``json.dumps(obj, ensure_ascii=False)`` with DEL, C1, bidi controls and line separators
    escaped as ``\\uXXXX``: the same JSON value, harmless when printed."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(obj, ensure_ascii=False))


def csv_cell(value: Any) -> Any:
    """A CSV cell: strings escaped (`for_terminal`, newlines kept) and neutralised when they would
    start a spreadsheet formula; numbers and other values as they are."""
    if not isinstance(value, str):
        return value
    s = for_terminal(value)
    return "'" + s if s.startswith(_FORMULA_START) else s
