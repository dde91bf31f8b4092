"""Files and folders to documents in a stable order, each read by its kind; duplicate ids refused."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ...model import Document, Failure
from .header import path_name, show
from .html_files import HTML_SUFFIXES, read_html_file
from .jsonl_files import JSONL_SUFFIXES, read_jsonl_file
from .limits import DEFAULT_LIMITS, Limits, too_long
from .text_files import TEXT_SUFFIXES, read_text_file


def _kind(p: Path) -> str | None:
    s = p.suffix.lower()
    return ("jsonl" if s in JSONL_SUFFIXES else "html" if s in HTML_SUFFIXES
            else "text" if s in TEXT_SUFFIXES else None)


def _walk(root: Path) -> Iterator[Path | Failure]:
    """Files under `root` with a known suffix, sorted, hidden entries skipped."""
    errors: list[OSError] = []
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if not name.startswith(".") and _kind(Path(name)) is not None:
                found.append(Path(dirpath) / name)
    for e in errors:
        yield Failure(path_name(e.filename or root), f"cannot read folder: {e.strerror or e}")
    yield from sorted(found, key=lambda q: q.relative_to(root).parts)


def iter_documents(paths: Iterable[str | os.PathLike] | str | os.PathLike,
                   limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | Failure]:
    """Documents and Failures from files and folders, in a stable order.

    Folders are searched recursively (sorted; hidden entries and unknown
    suffixes skipped). A file named directly is read as JSON Lines if its
    suffix is one of JSONL_SUFFIXES, as HTML if it is one of HTML_SUFFIXES, else
    as text (which is read as HTML when its content starts like an HTML page).
    A document id seen before in the same call is a Failure ("duplicate
    document id"); the first one read is kept."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen: dict[str, str] = {}

    def read(p: Path) -> Iterator[Document | Failure]:
        kind = _kind(p)
        items = (read_jsonl_file(p, limits) if kind == "jsonl" else [read_html_file(p, limits)] if kind == "html"
                 else [read_text_file(p, limits)])
        for item in items:
            if isinstance(item, Document):
                item = too_long(item, path_name(p), limits)
            if isinstance(item, Document):
                where = item.origin or path_name(p)
                if item.id in seen:
                    tail = where[len(path_name(p)) + 1:]
                    line = int(tail) if tail.isdigit() else None
                    item = Failure(path_name(p), (f"line {line}: " if line else "") + f"duplicate document id "
                                   f"{show(item.id)} (already read from {seen[item.id]})",
                                   line=line, doc_id=item.id)
                else:
                    seen[item.id] = where
            yield item

    for path in paths:
        p = Path(path)
        if p.is_dir():
            for q in _walk(p):
                if isinstance(q, Failure):
                    yield q
                else:
                    yield from read(q)
        elif not p.exists():
            yield Failure(path_name(p), "no such file or directory")
        else:
            yield from read(p)
