"""HTML pages: the article text extracted with trafilatura, the title kept, the date from the markup."""
from __future__ import annotations

import os
import re
from pathlib import Path

from ...model import Document, Failure
from .decoding import read_decoded
from .header import NO_DATE_WARNING, check_date, path_name
from .jsonl_files import encodable
from .limits import DEFAULT_LIMITS, Limits, long_line


HTML_SUFFIXES = frozenset({".html", ".htm"})
HTML_WARNING = "article text extracted from HTML (offsets point into the extracted text)"
_META_TAG = re.compile(r"<meta\b[^<>]{0,2000}>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_DATE_META = ("article:published_time", "og:published_time", "datepublished")


def _meta_date(html: str) -> tuple[str | None, str | None]:
    """The publication date from ``<meta property="article:published_time" content=...>`` (or
    og:published_time / itemprop=datePublished): ``(date, problem)``; ``(None, None)`` if absent.
    A bad value gives ``(None, "malformed date ... in <meta ...>")``."""
    head = html[:200_000]
    for tag in _META_TAG.finditer(head):
        attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
                 for m in _ATTR.finditer(tag.group(0))}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in _DATE_META and attrs.get("content"):
            value = attrs["content"].strip()
            day = value[:10] if re.match(r"\d{4}-\d{2}-\d{2}(?:$|[T ]\d)", value) else value
            date, problem = check_date(day)
            return date, (f"{problem} in <meta {key}>" if problem else None)
    return None, None


def html_document(p: Path, html: str, warnings: list[str], limits: Limits) -> Document | Failure:
    origin = path_name(p)
    try:
        import trafilatura
    except ImportError as e:  # a declared dependency: a broken install (e.g. lxml without its HTML cleaner)
        return Failure(origin, f"HTML input needs trafilatura, which cannot be imported ({e}); reinstall "
                               f"pactwatch: pip install -c constraints.txt -e .")
    try:
        got = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception as e:  # a parser problem on one page must not sink the batch
        return Failure(origin, f"HTML could not be parsed ({type(e).__name__}: {e})")
    text = getattr(got, "text", None) if got is not None else None
    if not text or not text.strip():
        return Failure(origin, "HTML with no article text")
    if not encodable(text):
        return Failure(origin, "HTML article text is not valid Unicode")
    if (long := long_line(text, limits.max_line_chars)) is not None:
        return Failure(origin, f"extracted text {long}")
    warnings = [*warnings, HTML_WARNING]
    date, problem = _meta_date(html)
    if problem:  # the page's own date is bad: say so, and do not let a guess stand in for it
        warnings.append(problem)
    elif date is None:
        meta = getattr(got, "date", None)
        if isinstance(meta, str) and meta:
            date, problem = check_date(meta[:10])
            if problem:
                warnings.append(f"{problem} in the HTML metadata")
    if date is None:
        warnings.append(NO_DATE_WARNING)
    title = getattr(got, "title", None)
    title = title.strip() if isinstance(title, str) and title.strip() and encodable(title) else None
    return Document(id=path_name(p.stem), text=text, date=date, title=title, origin=origin, warnings=warnings)


def read_html_file(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> Document | Failure:
    """Read one HTML page: the article text extracted with trafilatura (see the module docstring)."""
    p = Path(path)
    got = read_decoded(p, limits)
    if isinstance(got, Failure):
        return got
    text, warnings = got
    if not text.strip():
        return Failure(path_name(p), "empty file (only whitespace)")
    return html_document(p, text, warnings, limits)
