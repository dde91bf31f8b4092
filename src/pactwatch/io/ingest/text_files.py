"""Plain-text articles (``.txt``, ``.text``, ``.md``); a text file that starts like an HTML page is read as HTML."""
from __future__ import annotations

import os
import re
from pathlib import Path

from ...model import Document, Failure
from .decoding import read_decoded
from .header import NO_DATE_WARNING, parse_header, path_name
from .html_files import html_document
from .limits import DEFAULT_LIMITS, Limits, long_line


TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
_HTML_START = re.compile(r"\A[\ufeff\s]*<(?:!doctype\s+html|html)[\s>]", re.I)


def _looks_like_html(text: str) -> bool:
    return _HTML_START.match(text[:4096]) is not None


def read_text_file(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> Document | Failure:
    """Read one plain-text article. id = file stem; text = whole decoded file.
    A file whose content starts like an HTML page is read as HTML (`read_html_file`)."""
    p = Path(path)
    got = read_decoded(p, limits)
    if isinstance(got, Failure):
        return got
    text, warnings = got
    origin = path_name(p)
    if _looks_like_html(text):
        return html_document(p, text, warnings, limits)
    if not text.strip():
        return Failure(origin, "empty file (only whitespace)")
    if (long := long_line(text, limits.max_line_chars)) is not None:
        return Failure(origin, long)
    date, body_start, warning = parse_header(text)
    if not text[body_start:].strip():
        return Failure(origin, "no article text after the date header")
    if warning:
        warnings.append(warning)
    if date is None:
        warnings.append(NO_DATE_WARNING)
    return Document(id=path_name(p.stem), text=text, date=date, origin=origin, body_start=body_start,
                    warnings=warnings)
