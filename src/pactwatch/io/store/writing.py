"""Writing documents with their sentences, mentions and events: a batch in one transaction, a
changed document replaced as a whole, results that would store inconsistent rows refused."""
from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from ...model import DocResult, Entity
from .database import Database
from .rows import bulk_insert, chunks, dumps, utc_now, date_bounds
from .schema import (SEARCH_SEQ_BITS, StoreError, clusters_t, date_rank, documents_t, events_t, evidence_t, links_t,
                     facets_t, meta_t, mentions_t, pair_key, participants_t, search_t, sentences_t, topics_t,
                     unlinked_t)
from .versions import layout

SEARCH_ROWS_PER_STATEMENT = 300     # event_search rows a statement (3 parameters each: under SQLite's old limit of 999)


class WritingMixin(Database):
    """save / save_many."""

    def save(self, result: DocResult, run_id: int | None = None, *, force: bool = False) -> str:
        """Store one result in one transaction: 'new', 'updated' or 'unchanged' (nothing written).
        `force` rewrites an unchanged document too (e.g. after a pipeline upgrade)."""
        return self.save_many([result], run_id, force=force)[0]

    def save_many(self, results: Iterable[DocResult], run_id: int | None = None, *,
                  force: bool = False, batch_size: int = 500) -> list[str]:
        """Store many results, one transaction per batch of `batch_size`. Same outcome as
        calling save() on each in turn; if a batch fails, none of it is stored (earlier
        batches stay) and the error is raised."""
        states: list[str] = []
        batch: list[DocResult] = []
        ids: set[str] = set()
        for r in results:
            if len(batch) >= batch_size or r.document.id in ids:
                states += self._save_batch(batch, run_id, force)
                batch, ids = [], set()
            batch.append(r)
            ids.add(r.document.id)
        if batch:
            states += self._save_batch(batch, run_id, force)
        return states

    def _save_batch(self, batch: list[DocResult], run_id: int | None, force: bool) -> list[str]:
        for r in batch:
            _validate(r)
        doc_ids = [r.document.id for r in batch]
        try:
            # documents are the cross-document layer's input: none is stored while another process links
            # (`link_turn`), so that an update reads one state of the store from its first read to its last
            with self.link_turn(), self._write() as c:
                old = {}
                for chunk in chunks(doc_ids):
                    old.update(c.execute(sa.select(documents_t.c.id, documents_t.c.content_hash)
                                         .where(documents_t.c.id.in_(chunk))).all())
                states, todo = [], []
                for r in batch:
                    h = old.get(r.document.id)
                    if h is None:
                        states.append("new")
                    elif h == r.document.content_hash and not force:
                        states.append("unchanged")
                        continue
                    else:
                        states.append("updated")
                    todo.append(r)
                if not todo:
                    return states
                replaced = [r.document.id for r in todo if r.document.id in old]
                _delete_docs(c, replaced)
                _check_event_ids(c, todo)
                _insert(c, todo, run_id)
                return states
        except DBAPIError as e:
            what = f"document {doc_ids[0]!r}" if len(doc_ids) == 1 else f"batch of {len(doc_ids)} documents"
            raise StoreError(f"could not save {what}: {e.orig}") from e


def _utf8(s: str) -> bool:
    try:
        s.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _validate(r: DocResult) -> None:
    """Refuse results that would store inconsistent rows."""
    doc_id = r.document.id
    d = r.document
    for name in ("id", "origin", "text", "title", "source", "url", "language", "date"):
        value = getattr(d, name)
        if isinstance(value, str) and not _utf8(value):
            raise StoreError(f"document {d.id.encode('utf-8', 'backslashreplace').decode()!r}: its {name} is not "
                             f"valid Unicode (lone surrogates, e.g. from a file name that is not UTF-8)")
    seen: set[str] = set()
    for ev in r.events:
        if not ev.id:
            raise StoreError(f"document {doc_id!r}: an event has no id")
        if ev.id in seen:
            raise StoreError(f"document {doc_id!r}: event id {ev.id!r} appears twice")
        seen.add(ev.id)
        if ev.doc_id != doc_id:
            raise StoreError(f"event {ev.id!r} says doc_id {ev.doc_id!r} but is saved with {doc_id!r}")


def _check_event_ids(c: Connection, todo: list[DocResult]) -> None:
    """Raise if an event id is used by another document (in the batch or already stored)."""
    owner: dict[str, str] = {}
    for r in todo:
        for ev in r.events:
            if owner.setdefault(ev.id, r.document.id) != r.document.id:
                raise StoreError(f"event id {ev.id!r} produced by two documents: "
                                 f"{owner[ev.id]!r} and {r.document.id!r}")
    ids = list(owner)
    for chunk in chunks(ids):
        for eid, doc in c.execute(sa.select(events_t.c.id, events_t.c.doc_id).where(events_t.c.id.in_(chunk))):
            if doc != owner[eid]:
                raise StoreError(f"event id {eid!r} produced by two documents: {doc!r} and {owner[eid]!r}")


def _delete_docs(c: Connection, doc_ids: list[str]) -> None:
    for chunk in chunks(doc_ids):
        ev_ids = sa.select(events_t.c.id).where(events_t.c.doc_id.in_(chunk)).scalar_subquery()
        for t in (facets_t, search_t, evidence_t, topics_t, participants_t, clusters_t):
            c.execute(t.delete().where(t.c.event_id.in_(ev_ids)))
        c.execute(links_t.delete().where(sa.or_(links_t.c.a.in_(ev_ids), links_t.c.b.in_(ev_ids))))
        for t in (events_t, mentions_t, sentences_t, unlinked_t):
            c.execute(t.delete().where(t.c.doc_id.in_(chunk)))
        c.execute(documents_t.delete().where(documents_t.c.id.in_(chunk)))


def _entity_row(e: Entity) -> dict[str, Any]:
    return {"raw_text": e.raw_text, "entity_name": e.entity_name, "country": e.country,
            "sector_code": e.sector_code, "role": e.role, "entity_type": e.entity_type,
            "start": e.start, "end": e.end}


def facet_keys(ev, pairs: bool = True) -> list[str]:
    """The facets an event is listed under (event_facets): each country of a participant, each topic,
    and (`pairs`) each pair of its countries."""
    countries = list(dict.fromkeys(e.country for e in (*ev.actor, *ev.recipient) if e.country))
    keys = [f"country:{c}" for c in countries] + [f"topic:{t}" for t in dict.fromkeys(ev.topics)]
    if pairs:
        keys += sorted({pair_key(a, b) for i, a in enumerate(countries) for b in countries[i + 1:]
                        if a.upper() != b.upper()})
    return keys


def _search_ids(c: Connection, n: int) -> int:
    """The first of n new sequence numbers for event_search ids (meta search_seq), taken in the write
    transaction (one writer at a time)."""
    seq = int(c.execute(sa.select(meta_t.c.value).where(meta_t.c.key == "search_seq")).scalar() or 0)
    if seq + n >= 1 << SEARCH_SEQ_BITS:
        raise StoreError("the text index's sequence numbers are used up: ingest into a new --db")
    value = str(seq + n)
    if c.execute(meta_t.update().where(meta_t.c.key == "search_seq").values(value=value)).rowcount == 0:
        c.execute(meta_t.insert().values(key="search_seq", value=value))
    return seq


def search_text(ev) -> str:
    """What `events --text` looks in: the evidence spans and the participants' names and mentions,
    one a line (the exact test is still made on each of them: see `reading.filtered`)."""
    parts = [x.text for x in ev.evidence if x.text]
    for e in (*ev.actor, *ev.recipient):
        parts += [p for p in (e.entity_name, e.raw_text) if p]
    return "\n".join(parts)


def _insert(c: Connection, todo: list[DocResult], run_id: int | None) -> None:
    now = utc_now()
    have = layout(c)
    pairs, by_date = "pair-facets" in have, "search-by-date" in have
    docs, sents, ments, evs, parts, tops, evid, search, facets = [], [], [], [], [], [], [], [], []
    for r in todo:
        d = r.document
        docs.append({"id": d.id, "date": d.date, "title": d.title, "source": d.source, "url": d.url,
                     "language": d.language, "origin": d.origin, "text": d.text,
                     "content_hash": d.content_hash, "body_start": d.body_start,
                     "warnings": dumps(list(d.warnings)), "ingested_at": now, "run_id": run_id})
        sents += [{"doc_id": d.id, "idx": s.index, "start": s.start, "end": s.end} for s in r.sentences]
        ments += [{"doc_id": d.id, **_entity_row(e)} for e in r.entities]
        for ev in r.events:
            loc = ev.location
            lo, hi = date_bounds(ev.date)
            evs.append({
                "id": ev.id, "doc_id": d.id, "event_type": ev.event_type, "mode": dumps(list(ev.mode)),
                "context": dumps(list(ev.context)), "aux_mode": ev.aux_mode, "date": ev.date,
                "date_precision": ev.date_precision, "date_text": ev.date_text, "date_lo": lo, "date_hi": hi,
                "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
                "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
                "geonames_id": loc.geonames_id if loc else None, "agreement": dumps(ev.agreement),
                "confidence": ev.confidence, "trigger": ev.trigger,
                "first_offset": min((x.start for x in ev.evidence), default=None),
                "record": dumps(ev.to_dict(extended=True)),
            })
            for side, ents in (("actor", ev.actor), ("recipient", ev.recipient)):
                parts += [{"event_id": ev.id, "side": side, "position": i, **_entity_row(e)}
                          for i, e in enumerate(ents)]
            tops += [{"event_id": ev.id, "position": i, "topic": t} for i, t in enumerate(ev.topics)]
            evid += [{"event_id": ev.id, "position": i, "doc_id": x.doc_id, "start": x.start, "end": x.end,
                      "text": x.text} for i, x in enumerate(ev.evidence)]
            search.append({"event_id": ev.id, "text": search_text(ev)})
            key = {"event_id": ev.id, "date": ev.date, "doc_id": d.id, "first_offset": evs[-1]["first_offset"]}
            facets += [{"facet": f, **key} for f in facet_keys(ev, pairs)]
    if by_date and search:   # ids that follow the dates (see schema.date_rank)
        seq = _search_ids(c, len(search))
        for i, (row, ev) in enumerate(zip(search, (ev for r in todo for ev in r.events))):
            row["id"] = date_rank(ev.date) << SEARCH_SEQ_BITS | (seq + i)
        # in id order: FTS5 writes out what it holds each time a row's id is lower than the one before
        search.sort(key=itemgetter("id"))
    for table, rows in ((documents_t, docs), (sentences_t, sents), (mentions_t, ments), (events_t, evs),
                        (participants_t, parts), (topics_t, tops), (evidence_t, evid),
                        (facets_t, facets), (unlinked_t, [{"doc_id": d["id"]} for d in docs])):
        bulk_insert(c, table, rows)
    # the text index last and many rows a statement: on SQLite each statement that follows a change to the
    # FTS5 index in a transaction, and each statement that changes it, makes FTS5 write out what it holds
    bulk_insert(c, search_t, search, rows_per_statement=SEARCH_ROWS_PER_STATEMENT)

