"""Read input files into `Document`s, reporting bad input as `Failure`s.

Nothing here raises for bad input: every problem becomes a `Failure` (the input
could not be used) or a `Document.warnings` entry (it was used, with a caveat).

Input forms (see SCHEMA.md):

* plain text (``.txt``, ``.text``, ``.md``): the id is the file name without
  its extension; the first line may start with ``date YYYY-MM-DD `` (leading
  whitespace optional), giving the publication date. The article may continue
  on the same line after the date.
* HTML (``.html``, ``.htm``, or a text file whose content starts with
  ``<!doctype html`` or ``<html``): the article text is extracted with
  trafilatura; the id is the file stem, the title is kept, the date comes from
  ``<meta property="article:published_time">`` or else from trafilatura's
  metadata (markup only: no date is guessed from the body text). The stored
  text is the extracted text, and offsets point into it. HTML with no article
  text is a Failure.
* JSON Lines (``.jsonl``, ``.json``, ``.jsonlines``, ``.ndjson``): one
  ``{"id", "date", "text", ...}`` object per line.

Decoding: UTF-8 is taken as is. A leading UTF-8 byte-order mark (U+FEFF) is
removed, and offsets count from the character after it; nothing else is
changed (no newline translation, no stripping), so ``Document.text`` is the
file exactly as decoded. UTF-16/UTF-32 with a byte-order mark are decoded.
Bytes with NUL and no such mark are a binary file (Failure). Anything else is
handed to charset-normalizer: a confident legacy encoding (cp1252/latin-1,
cp1251, Shift JIS, ...) is decoded and the document gets the warning
"decoded from <encoding> ..."; when no encoding can be told with confidence the
file is a Failure, so text is never stored as mojibake. JSON Lines must be
UTF-8 (as the format says); a line that is not is a Failure for that line.

Duplicate ids: within one call of `iter_documents` (one ingest run) a second
document with an id already read is a Failure "duplicate document id 'X'
(already read from PATH)" and the first one wins. Across runs, the store keeps
one document per id: a document whose id is stored with the same text and date
is skipped as unchanged; with a different text or date it replaces the stored
version, is counted as ``updated`` and reported by the CLI as
"updated: ID (text changed)", so nothing is overwritten silently.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .model import Document, Failure

__all__ = [
    "Limits", "DEFAULT_LIMITS", "TEXT_SUFFIXES", "JSONL_SUFFIXES", "HTML_SUFFIXES", "NO_DATE_WARNING",
    "parse_header", "check_date", "path_name", "read_text_file", "read_html_file", "read_jsonl_file", "iter_documents",
]


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

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".json", ".jsonlines", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
NO_DATE_WARNING = "no publication date: relative dates cannot be resolved"

_BOM = "\ufeff"
_BOM_BYTES = b"\xef\xbb\xbf"
# `date <token>` at the very start of the first line; the token is checked separately.
_HEADER = re.compile(r"\ufeff?[ \t]*date[ \t]+(\S+)[ \t]*(?:\r?\n)?")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_JSON_OPTIONAL = ("title", "source", "url", "language")


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


def _show(value: object, width: int = 40) -> str:
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
        return None, f"malformed date {_show(value)} (expected YYYY-MM-DD)"
    y, mo, d = (int(g) for g in m.groups())
    if not 1 <= mo <= 12:
        return None, f"impossible date {_show(value)} (month {mo} is not 1-12)"
    try:
        _dt.date(y, mo, d)
    except ValueError as e:
        return None, f"impossible date {_show(value)} ({e})"
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


# Byte-order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_UNICODE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
                 (b"\xff\xfe", "utf-16-le", "UTF-16"), (b"\xfe\xff", "utf-16-be", "UTF-16"))
# When charset-normalizer finds several encodings equally plausible, prefer these (English news:
# latin-1 text is far more often cp1252 than cp1250, which would turn "ñ" into "ń"; Windows code
# pages are far more common than the old Mac ones, e.g. cp1251 rather than mac_cyrillic).
_PREFERRED = ("cp1252", "latin_1", "iso8859_15", "cp1251", "cp1250", "cp1253", "cp1254", "cp1255", "cp1256",
              "cp1257")
_LATIN = frozenset(_PREFERRED[:3])
_MAX_CHAOS = 0.2         # charset-normalizer's "mess" ratio above which a decoding is refused
_MIN_COHERENCE = 0.05    # language coherence needed, unless the text is mostly ASCII in a Latin encoding
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _decode(data: bytes) -> tuple[str | None, str | None, str | None]:
    """Decode file bytes: ``(text, None, warning)`` or ``(None, reason, None)``.

    UTF-8 (BOM removed) as is; UTF-16/32 with a BOM decoded; NUL bytes without
    a BOM are binary; anything else goes to `_detect` (charset-normalizer), whose
    decodings carry a warning naming the encoding."""
    for bom, codec, name in _UNICODE_BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as e:
                return None, f"not valid {name} text despite its byte-order mark ({e.reason} at byte {e.start + len(bom)})", None
            if "\x00" in text:
                return None, f"binary file (NUL characters in the {name} text)", None
            return text, None, f"decoded from {name} (byte-order mark)"
    if b"\x00" in data:
        return None, "binary file (contains NUL bytes)", None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return _detect(data, f"invalid byte 0x{data[e.start]:02x} at offset {e.start}")
    if text.startswith(_BOM):
        text = text[1:]
    return text, None, None


def _detect(data: bytes, why_not_utf8: str) -> tuple[str | None, str | None, str | None]:
    """Decode non-UTF-8 bytes in the encoding charset-normalizer finds, when it is confident."""
    refuse = f"not UTF-8 text ({why_not_utf8}) and no other encoding could be detected with confidence"
    try:
        from charset_normalizer import from_bytes
    except ImportError as e:  # a declared dependency: a broken install
        return None, (f"not UTF-8 text ({why_not_utf8}); other encodings need charset-normalizer, which cannot "
                      f"be imported ({e}): reinstall pactwatch with its constraints"), None
    try:
        matches = list(from_bytes(data))
    except Exception as e:  # pragma: no cover - the detector must not sink the batch
        return None, f"{refuse} (detector error: {type(e).__name__})", None
    if not matches:
        return None, refuse, None
    best = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= best + 1e-9]
    # a match stands for every encoding giving the same text (`could_be_from_charset`)
    pick, encoding = next(((m, enc) for enc in _PREFERRED for m in tied
                           if enc == m.encoding or enc in (m.could_be_from_charset or ())),
                          (tied[0], tied[0].encoding))
    if pick.chaos > _MAX_CHAOS:
        return None, refuse, None
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None, refuse, None
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    mostly_ascii = encoding in _LATIN and non_ascii <= max(1, len(text) // 5)
    if pick.coherence < _MIN_COHERENCE and not mostly_ascii:
        return None, refuse, None
    if len(_CONTROL.findall(text)) > len(text) // 100:
        return None, refuse, None
    return text, None, f"decoded from {encoding} (not UTF-8; encoding detected by charset-normalizer)"


def _long_line(text: str, limit: int) -> str | None:
    """Describe the first line longer than `limit` characters, if any."""
    if len(text) <= limit:
        return None
    for n, line in enumerate(text.split("\n"), 1):
        if len(line) > limit:
            return f"line {n} too long ({len(line)} characters > limit {limit}; see --max-line-chars)"
    return None


def _too_long(item: Document, origin: str, limits: Limits) -> Document | Failure:
    """`item`, or a Failure when its text is over `limits.max_chars` characters."""
    if len(item.text) <= limits.max_chars:
        return item
    tail = (item.origin or "")[len(origin) + 1:]
    line = int(tail) if tail.isdigit() else None
    return Failure(origin, (f"line {line}: " if line else "") + f"document too long ({len(item.text)} characters "
                   f"> limit {limits.max_chars}; split it into smaller documents)", line=line, doc_id=item.id)


def _too_large(size: int | str, limit: int) -> str:
    return f"file too large ({size} bytes > limit {limit}; see --max-bytes)"


def _open_check(p: Path, limits: Limits, *, whole_file: bool) -> Failure | None:
    """Existence / kind / size checks shared by both readers."""
    try:
        st = p.stat()
    except FileNotFoundError:
        return Failure(path_name(p), "no such file or directory")
    except OSError as e:
        return Failure(path_name(p), f"cannot read: {e.strerror or e}")
    if p.is_dir():
        return Failure(path_name(p), "is a directory")
    if st.st_size == 0:
        return Failure(path_name(p), "empty file")
    if whole_file and st.st_size > limits.max_bytes:
        return Failure(path_name(p), _too_large(st.st_size, limits.max_bytes))
    return None


def _read_decoded(p: Path, limits: Limits) -> tuple[str, list[str]] | Failure:
    """The whole file, size-checked and decoded: ``(text, warnings)`` or a Failure."""
    if (bad := _open_check(p, limits, whole_file=True)) is not None:
        return bad
    origin = path_name(p)
    try:
        with open(p, "rb") as f:
            data = f.read(limits.max_bytes + 1)
    except OSError as e:
        return Failure(origin, f"cannot read: {e.strerror or e}")
    if len(data) > limits.max_bytes:  # grew since stat
        return Failure(origin, _too_large("more than " + str(limits.max_bytes), limits.max_bytes))
    if not data:  # shrank since stat
        return Failure(origin, "empty file")
    text, reason, note = _decode(data)
    if reason:
        return Failure(origin, reason)
    assert text is not None
    return text, [note] if note else []


_HTML_START = re.compile(r"\A[\ufeff\s]*<(?:!doctype\s+html|html)[\s>]", re.I)


def _looks_like_html(text: str) -> bool:
    return _HTML_START.match(text[:4096]) is not None


def read_text_file(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> Document | Failure:
    """Read one plain-text article. id = file stem; text = whole decoded file.
    A file whose content starts like an HTML page is read as HTML (`read_html_file`)."""
    p = Path(path)
    got = _read_decoded(p, limits)
    if isinstance(got, Failure):
        return got
    text, warnings = got
    origin = path_name(p)
    if _looks_like_html(text):
        return _html_document(p, text, warnings, limits)
    if not text.strip():
        return Failure(origin, "empty file (only whitespace)")
    if (long := _long_line(text, limits.max_line_chars)) is not None:
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


# ---- HTML ----------------------------------------------------------------------------------

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


def _html_document(p: Path, html: str, warnings: list[str], limits: Limits) -> Document | Failure:
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
    if not _encodable(text):
        return Failure(origin, "HTML article text is not valid Unicode")
    if (long := _long_line(text, limits.max_line_chars)) is not None:
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
    title = title.strip() if isinstance(title, str) and title.strip() and _encodable(title) else None
    return Document(id=path_name(p.stem), text=text, date=date, title=title, origin=origin, warnings=warnings)


def read_html_file(path: str | os.PathLike, limits: Limits = DEFAULT_LIMITS) -> Document | Failure:
    """Read one HTML page: the article text extracted with trafilatura (see the module docstring)."""
    p = Path(path)
    got = _read_decoded(p, limits)
    if isinstance(got, Failure):
        return got
    text, warnings = got
    if not text.strip():
        return Failure(path_name(p), "empty file (only whitespace)")
    return _html_document(p, text, warnings, limits)


def _encodable(s: str) -> bool:
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
    if not _encodable(doc_id):
        return fail("'id' is not valid Unicode (contains a lone surrogate escape)")
    if "text" not in obj or obj["text"] is None:
        return fail("missing 'text'", doc_id)
    text = obj["text"]
    if not isinstance(text, str):
        return fail(f"'text' must be a string (got {_type_name(text)})", doc_id)
    if not text.strip():
        return fail("empty 'text'", doc_id)
    if not _encodable(text):
        return fail("'text' is not valid Unicode (contains a lone surrogate escape such as \\ud800)", doc_id)
    if (long := _long_line(text, limits.max_line_chars)) is not None:
        return fail(f"'text' {long}", doc_id)
    warnings: list[str] = []
    date = obj.get("date")
    if date is not None:
        if not isinstance(date, str):
            warnings.append(f"invalid date {_show(date)} (expected a 'YYYY-MM-DD' string)")
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
        elif v is not None and not _encodable(v):
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
    if (bad := _open_check(p, limits, whole_file=False)) is not None:
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
            if n == 1 and raw.startswith(_BOM_BYTES):
                raw = raw[len(_BOM_BYTES):]
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
                item = _too_long(item, path_name(p), limits)
            if isinstance(item, Document):
                where = item.origin or path_name(p)
                if item.id in seen:
                    tail = where[len(path_name(p)) + 1:]
                    line = int(tail) if tail.isdigit() else None
                    item = Failure(path_name(p), (f"line {line}: " if line else "") + f"duplicate document id "
                                   f"{_show(item.id)} (already read from {seen[item.id]})",
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
