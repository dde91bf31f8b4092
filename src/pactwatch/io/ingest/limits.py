"""Size guards on input: bytes of a file or line, characters of a line or of a document."""
from __future__ import annotations

from dataclasses import dataclass

from ...model import Document, Failure


@dataclass(frozen=True)
class Limits:
    """Size guards. For text files `max_bytes` bounds the file; for JSON Lines it
    bounds each line (one document), so a corpus file may be any size.

    `max_chars` bounds the text of one document (after decoding, or after extraction
    from HTML): a longer one is a Failure "document too long". It bounds the time a
    document takes: long texts are parsed in pieces (``nlp.PIECE_CHARS``), so memory
    stays bounded at any length, but time grows with the length (about 1.5 minutes for
    the 1,000,000 characters of the default on a 2-core machine; see bench/bigdoc.py)."""
    max_bytes: int = 5_000_000
    max_line_chars: int = 200_000
    max_chars: int = 1_000_000


DEFAULT_LIMITS = Limits(max_bytes=5_000_000, max_line_chars=200_000, max_chars=1_000_000)


def long_line(text: str, limit: int) -> str | None:
    """Describe the first line longer than `limit` characters, if any."""
    if len(text) <= limit:
        return None
    for n, line in enumerate(text.split("\n"), 1):
        if len(line) > limit:
            return f"line {n} too long ({len(line)} characters > limit {limit}; see --max-line-chars)"
    return None


def too_long(item: Document, origin: str, limits: Limits) -> Document | Failure:
    """`item`, or a Failure when its text is over `limits.max_chars` characters."""
    if len(item.text) <= limits.max_chars:
        return item
    tail = (item.origin or "")[len(origin) + 1:]
    line = int(tail) if tail.isdigit() else None
    return Failure(origin, (f"line {line}: " if line else "") + f"document too long ({len(item.text)} characters "
                   f"> limit {limits.max_chars}; split it into smaller documents)", line=line, doc_id=item.id)


def too_large(size: int | str, limit: int) -> str:
    return f"file too large ({size} bytes > limit {limit}; see --max-bytes)"
