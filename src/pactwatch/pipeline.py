"""The pipeline: Document -> NLP -> coding (actors, events, dates, places, topics) -> DocResult.

`extract_document` runs one document; `extract_many` runs a stream of them,
in this process or in a pool of worker processes (each loads spaCy once; see `engines/` for
the engines a stream can run on: local processes or Ray).
The store is not touched here: callers save the results (see `ingest_paths` in app/service.py,
which this module still names for code that imports it from here).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Iterator

from . import nlp
from .actors import ActorResolver
from .coding import EventCoder
from .model import DocResult, Document, Entity, Failure


_CODERS: dict = {}


def _coders():
    if not _CODERS:
        _CODERS["actors"] = ActorResolver()
        _CODERS["events"] = EventCoder()
    return _CODERS["actors"], _CODERS["events"]


def code_parsed(document: Document, sdoc) -> DocResult:
    """Coding stage on an already parsed document."""
    res, long_sents = _code(document, sdoc)
    return _with_long_sentence_warning(res, long_sents)


def _code(document: Document, sdoc, offset: int = 0) -> tuple[DocResult, list[int]]:
    """The coding stage, and the lengths of the sentences too long to be coded (see
    `nlp.MAX_SENTENCE_TOKENS`). `offset`: where `document` starts in the document it is a piece of."""
    actor_resolver, coder = _coders()
    spans = list(sdoc.sents)     # spaCy works the sentences out anew each time they are asked for
    sentences = nlp.sentences(document, sdoc, spans)
    actors = actor_resolver.resolve(document, sdoc, spans)
    events = coder.code(document, sdoc, sentences, actors, offset=offset, sent_spans=spans)
    entities = [Entity(raw_text=m.entity.raw_text, entity_name=m.entity.entity_name, country=m.entity.country,
                       sector_code=m.entity.sector_code, role=m.entity.role, entity_type=m.entity.entity_type,
                       start=m.start, end=m.end) for m in actors.mentions]
    long_sents = [len(span) for span in spans if nlp.too_long(span)]
    return DocResult(document=document, sentences=sentences, entities=entities, events=events), long_sents


def _with_long_sentence_warning(res: DocResult, long_sents: list[int]) -> DocResult:
    if long_sents:
        n = len(long_sents)
        warning = (f"{n} sentence{'s' if n > 1 else ''} longer than {nlp.MAX_SENTENCE_TOKENS} tokens not coded "
                   f"for events (longest: {max(long_sents)} tokens)")
        res.document = replace(res.document, warnings=[*res.document.warnings, warning])
    return res


def extract_document(document: Document, piece_chars: int = nlp.PIECE_CHARS) -> DocResult:
    """The pipeline on one document. A document longer than `piece_chars` characters is parsed
    and coded piece by piece (see `_extract_pieces`)."""
    size = _piece_size(piece_chars)
    if len(document.text) > size:
        return _extract_pieces(document, size)
    return code_parsed(document, nlp.parse(document))


def _piece_size(piece_chars: int) -> int:
    """The piece size actually used: `piece_chars`, but never over spaCy's max_length."""
    return max(1, min(piece_chars, nlp.load_nlp().max_length))


def _extract_pieces(document: Document, size: int) -> DocResult:
    """A long document parsed and coded in pieces of at most `size` characters (`nlp.pieces`:
    cut at paragraph, line, sentence or word boundaries), so that memory is bounded by the
    piece size and time grows linearly with the length. Each piece is coded as an article of
    its own (same id and date; names, pronouns and descriptions are resolved within the piece),
    and its offsets are moved to those of the whole document: sentence, entity and evidence
    offsets point into `document.text`, and event ids are the ones the whole document gives."""
    text = document.text
    sentences: list = []
    entities: list = []
    events: list = []
    long_sents: list[int] = []
    for start, end in nlp.pieces(text, size):
        part = replace(document, text=text[start:end], warnings=[],
                       body_start=min(end - start, max(0, document.body_start - start)))
        res, longs = _code(part, nlp.parse(part), offset=start)
        long_sents += longs
        for s in res.sentences:
            s.start, s.end, s.index = s.start + start, s.end + start, len(sentences)
            sentences.append(s)
        for e in res.entities:
            e.start, e.end = e.start + start, e.end + start
        entities += res.entities
        for ev in res.events:
            for x in ev.evidence:
                x.start, x.end = x.start + start, x.end + start
        events += res.events
    res = DocResult(document=document, sentences=sentences, entities=entities, events=events)
    return _with_long_sentence_warning(res, long_sents)


def _extract_batch(docs: list[Document], piece_chars: int = nlp.PIECE_CHARS) -> list[DocResult | Failure]:
    """Results for a batch, in order. Documents up to the piece size are parsed together
    (`nlp.parse_many`), longer ones piece by piece; an error on one document fails that
    document only, with its own reason."""
    size = _piece_size(piece_chars)
    parsed = nlp.parse_many(d for d in docs if len(d.text) <= size)
    out: list[DocResult | Failure] = []
    for d in docs:
        try:
            if len(d.text) > size:
                out.append(_extract_pieces(d, size))
                continue
            d2, sdoc = next(parsed)
            if isinstance(sdoc, Exception):
                raise sdoc
            out.append(code_parsed(d2, sdoc))
        except Exception as e:  # a bug on one document must not sink the batch
            out.append(Failure(origin=d.origin or d.id, reason=f"pipeline error: {type(e).__name__}: {e}",
                               doc_id=d.id))
    return out


def extract_many(docs: Iterable[Document], processes: int = 1, batch_size: int | None = None
                 ) -> Iterator[DocResult | Failure]:
    """Results in input order. processes > 1 runs a worker pool (the local engine,
    `engines.local.LocalEngine`); `batch_size`: documents per batch (default `engines.BATCH_SIZE`)."""
    from .engines import BATCH_SIZE
    from .engines.local import LocalEngine
    batch_size = batch_size or BATCH_SIZE
    with LocalEngine(processes, batch_size=batch_size) as engine:
        yield from engine.extract(docs)


def _init_worker():
    nlp.load_nlp()
    _coders()


def __getattr__(name: str):
    """`ingest_paths` and `IngestSummary` live in app/service.py (which imports this module, so
    they are looked up when first asked for)."""
    if name in ("ingest_paths", "IngestSummary"):
        from .app import service
        return getattr(service, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
