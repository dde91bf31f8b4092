"""pactwatch: science and technology diplomacy events from news, PLOVER-coded and cited.

    >>> import pactwatch
    >>> events = pactwatch.extract(text, date="2025-08-05", doc_id="a1")
    >>> pactwatch.resolve_date("last month", "2025-03-10")
    '2025-02'
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["extract", "extract_result", "resolve_date", "__version__"]


def extract_result(text: str, date: str | None = None, doc_id: str = "doc"):
    """Run the whole pipeline on one text; returns a DocResult (sentences, entities, events)."""
    from .ingest import check_date
    from .model import Document
    from .pipeline import extract_document

    warnings = []
    if date is not None:
        date, problem = check_date(str(date))
        if problem:
            warnings.append(problem)
    return extract_document(Document(id=str(doc_id), text=text, date=date, warnings=warnings))


def extract(text: str, date: str | None = None, doc_id: str = "doc"):
    """The events (pactwatch.model.Event) of one document. `date` is its publication date, YYYY-MM-DD."""
    return extract_result(text, date=date, doc_id=doc_id).events


def resolve_date(expression: str, reference_date, sentence: str | None = None) -> str | None:
    """Resolve a time expression against a reference date: 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or None."""
    from .dates import resolve_date as _resolve

    return _resolve(expression, reference_date, sentence)
