"""Moved to `pactwatch.io.ingest` (one module a job); this name stays so that
``from pactwatch.ingest import iter_documents`` keeps working."""
from .io.ingest import (DEFAULT_LIMITS, HTML_SUFFIXES, HTML_WARNING, JSONL_SUFFIXES, NO_DATE_WARNING, TEXT_SUFFIXES,
                        Limits, check_date, iter_documents, parse_header, path_name, read_html_file, read_jsonl_file,
                        read_text_file)

__all__ = [
    "Limits", "DEFAULT_LIMITS", "TEXT_SUFFIXES", "JSONL_SUFFIXES", "HTML_SUFFIXES", "NO_DATE_WARNING", "HTML_WARNING",
    "parse_header", "check_date", "path_name", "read_text_file", "read_html_file", "read_jsonl_file", "iter_documents",
]
