"""Read input files into `Document`s, reporting bad input as `Failure`s.

One module a job: limits.py (size guards), header.py (file names, dates, the date header),
decoding.py (bytes to text), text_files.py, html_files.py, jsonl_files.py (one reader a form),
folders.py (`iter_documents`: files and folders in a stable order, duplicate ids refused).

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

from .folders import iter_documents
from .header import NO_DATE_WARNING, check_date, parse_header, path_name
from .html_files import HTML_SUFFIXES, HTML_WARNING, read_html_file
from .jsonl_files import JSONL_SUFFIXES, read_jsonl_file
from .limits import DEFAULT_LIMITS, Limits
from .text_files import TEXT_SUFFIXES, read_text_file

__all__ = [
    "Limits", "DEFAULT_LIMITS", "TEXT_SUFFIXES", "JSONL_SUFFIXES", "HTML_SUFFIXES", "NO_DATE_WARNING", "HTML_WARNING",
    "parse_header", "check_date", "path_name", "read_text_file", "read_html_file", "read_jsonl_file", "iter_documents",
]
