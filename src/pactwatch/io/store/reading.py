"""Reading documents and events back: one event, the filtered event list (the query behind
`events`, `export` and `timeline`), documents, sentences, mentions and counts."""
from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles

from ...model import Document, Event, Sentence
from .database import Database
from .rows import chunks, loads, date_bounds
from .schema import (ENTITY_COLS, SEARCH_SEQ_BITS, UNDATED_RANK, StoreError, documents_t, events_t, evidence_t,
                     facets_t, failures_t, mentions_t, pair_key, participants_t, runs_t, search_t, sentences_t,
                     topics_t)
from .versions import layout as read_layout


# a document's content hash (`document_state`, asked once for each document read: the statement is built once)
_CONTENT_HASH = sa.select(documents_t.c.content_hash).where(documents_t.c.id == sa.bindparam("id"))


class ReadingMixin(Database):
    """Documents, sentences, events and mentions as the pipeline and the cross-document layer read them."""

    @property
    def layout(self) -> frozenset[str]:
        """What of `schema.LAYOUT` this database holds (read once)."""
        got = self.__dict__.get("_layout")
        if got is None:
            with self.engine.connect() as c:
                got = self.__dict__["_layout"] = read_layout(c)
        return got

    def document_state(self, doc: Document) -> str:
        """'new', 'unchanged' (same id and content hash) or 'changed'."""
        with self.engine.connect() as c:
            h = c.execute(_CONTENT_HASH, {"id": doc.id}).scalar()
        return "new" if h is None else "unchanged" if h == doc.content_hash else "changed"

    def document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as c:
            row = c.execute(sa.select(documents_t).where(documents_t.c.id == doc_id)).mappings().first()
        if row is None:
            return None
        return Document(id=row["id"], text=row["text"], date=row["date"], title=row["title"],
                        source=row["source"], url=row["url"], language=row["language"],
                        origin=row["origin"], body_start=row["body_start"],
                        warnings=loads(row["warnings"], []))

    def documents(self) -> list[dict[str, Any]]:
        """id, date, title, n_events per document, by id."""
        n = sa.func.count(events_t.c.id).label("n_events")
        q = (sa.select(documents_t.c.id, documents_t.c.date, documents_t.c.title, n)
             .select_from(documents_t.outerjoin(events_t, events_t.c.doc_id == documents_t.c.id))
             .group_by(documents_t.c.id, documents_t.c.date, documents_t.c.title)
             .order_by(documents_t.c.id))
        with self.engine.connect() as c:
            return [dict(r) for r in c.execute(q).mappings()]

    def sentences(self, doc_id: str) -> list[Sentence]:
        return self.sentences_of([doc_id])[doc_id]

    def sentences_of(self, doc_ids: Iterable[str]) -> dict[str, list[Sentence]]:
        """document id -> its sentences in order (none for an unknown id), each text read once."""
        ids = sorted(set(doc_ids))
        out: dict[str, list[Sentence]] = {d: [] for d in ids}
        with self.engine.connect() as c:
            for chunk in chunks(ids):
                texts = dict(c.execute(sa.select(documents_t.c.id, documents_t.c.text)
                                       .where(documents_t.c.id.in_(chunk))).all())
                q = (sa.select(sentences_t.c.doc_id, sentences_t.c.idx, sentences_t.c.start, sentences_t.c.end)
                     .where(sentences_t.c.doc_id.in_(chunk)).order_by(sentences_t.c.doc_id, sentences_t.c.idx))
                for d, i, s, e in c.execute(q):
                    if d in texts:
                        out[d].append(Sentence(d, i, s, e, texts[d][s:e]))
        return out

    # ---- events -------------------------------------------------------------------------

    def events(self, *, country: str | None = None, pair: tuple[str, str] | None = None,
               event_type: str | None = None, topic: str | None = None, date_from: str | None = None,
               date_to: str | None = None, text: str | None = None, doc_id: str | None = None,
               min_confidence: float | None = None, entity: str | None = None,
               limit: int | None = None) -> list[Event]:
        """Events matching all the filters given, by date (undated last), document, position.

        `country`: a participant (actor or recipient) has it; `pair`: both codes are
        among the participants; `date_from`/`date_to` (YYYY[-MM[-DD]]): the event's
        date overlaps the range, undated events excluded; `text`: case-insensitive
        substring of an evidence span or a participant's name or mention; `min_confidence`:
        the event's confidence is at least this; `entity`: a participant has exactly this name."""
        e = events_t
        filters = dict(country=country, pair=pair, event_type=event_type, topic=topic, date_from=date_from,
                       date_to=date_to, text=text, doc_id=doc_id, min_confidence=min_confidence, entity=entity)
        order = (e.c.date, e.c.doc_id, e.c.first_offset, e.c.id)
        if limit is not None:   # a page: its ids first (narrow rows to sort), then its records
            with self.engine.connect() as c:
                ids = page_ids(c, filters, limit, layout=self.layout)
                if ids is None:
                    ids = []
                    q = filtered(sa.select(e.c.id), **filters, pairs="pair-facets" in self.layout)
                    for part in (q.where(e.c.date.is_not(None)), q.where(e.c.date.is_(None))):
                        if len(ids) < limit:
                            ids += [r[0] for r in c.execute(part.order_by(*order).limit(limit - len(ids)))]
                return self._events_in_order(c, ids)
        q = filtered(sa.select(e.c.id, e.c.record, e.c.confidence, e.c.trigger), **filters,
                     pairs="pair-facets" in self.layout)
        # the dated events, then the undated ones: two queries that each read the index
        # ix_events_date_order in its order (no CASE on the date to sort by)
        with self.engine.connect() as c:
            rows = []
            for part in (q.where(e.c.date.is_not(None)), q.where(e.c.date.is_(None))):
                rows += c.execute(part.order_by(*order)).all()
            return rebuild_events(c, rows)

    def iter_events(self, *, batch: int = 1000, **filters: Any) -> Iterator[Event]:
        """The events of `events(**filters)` in the same order, read from one query `batch` at a time:
        what is held in memory is one batch (for exports of the whole store)."""
        e = events_t
        q = filtered(sa.select(e.c.id, e.c.record, e.c.confidence, e.c.trigger), **filters,
                     pairs="pair-facets" in self.layout)
        order = (e.c.date, e.c.doc_id, e.c.first_offset, e.c.id)
        with self.engine.connect() as c:
            for part in (q.where(e.c.date.is_not(None)), q.where(e.c.date.is_(None))):
                for rows in c.execute(part.order_by(*order).execution_options(yield_per=batch)).partitions(batch):
                    yield from rebuild_events(c, rows)

    @staticmethod
    def _events_in_order(c: Connection, ids: list[str]) -> list[Event]:
        rows = []
        for chunk in chunks(ids):
            rows += c.execute(sa.select(events_t.c.id, events_t.c.record, events_t.c.confidence,
                                        events_t.c.trigger).where(events_t.c.id.in_(chunk))).all()
        where = {eid: i for i, eid in enumerate(ids)}
        return rebuild_events(c, sorted(rows, key=lambda r: where[r[0]]))

    def event(self, event_id: str) -> Event | None:
        with self.engine.connect() as c:
            rows = c.execute(sa.select(events_t.c.id, events_t.c.record, events_t.c.confidence,
                                       events_t.c.trigger).where(events_t.c.id == event_id)).all()
            out = rebuild_events(c, rows)
        return out[0] if out else None

    def event_ids_starting(self, prefix: str, limit: int = 2) -> list[str]:
        """The first `limit` event ids (in id order) that start with `prefix` (case-sensitive), read
        as a range of the primary key."""
        q = (sa.select(events_t.c.id).where(events_t.c.id >= prefix, events_t.c.id < prefix + "\U0010ffff")
             .order_by(events_t.c.id).limit(limit))
        with self.engine.connect() as c:
            return [r[0] for r in c.execute(q) if r[0].startswith(prefix)]

    def events_by_ids(self, ids: Iterable[str]) -> list[Event]:
        ids = list(ids)
        out: list[Event] = []
        with self.engine.connect() as c:
            for chunk in chunks(ids):
                rows = c.execute(sa.select(events_t.c.id, events_t.c.record, events_t.c.confidence,
                                           events_t.c.trigger).where(events_t.c.id.in_(chunk))).all()
                out.extend(rebuild_events(c, rows))
        return out

    def event_ids(self, doc_ids: Iterable[str] | None = None) -> list[str]:
        q = sa.select(events_t.c.id).order_by(events_t.c.id)
        with self.engine.connect() as c:
            if doc_ids is None:
                return [r[0] for r in c.execute(q)]
            out = []
            for chunk in chunks(list(doc_ids)):
                out.extend(r[0] for r in c.execute(q.where(events_t.c.doc_id.in_(chunk))))
            return out

    def document_dates(self, doc_ids: Iterable[str] | None = None) -> dict[str, str | None]:
        q = sa.select(documents_t.c.id, documents_t.c.date)
        with self.engine.connect() as c:
            if doc_ids is None:
                return {r[0]: r[1] for r in c.execute(q)}
            out = {}
            for chunk in chunks(list(set(doc_ids))):
                out.update({r[0]: r[1] for r in c.execute(q.where(documents_t.c.id.in_(chunk)))})
            return out

    def latest_document_date(self) -> str | None:
        with self.engine.connect() as c:
            return c.execute(sa.select(sa.func.max(documents_t.c.date))).scalar()

    def mention_rows(self) -> list[dict[str, Any]]:
        """Every entity mention with its document's id and date (for the actor registry)."""
        q = (sa.select(mentions_t.c.doc_id, documents_t.c.date, mentions_t.c.start, mentions_t.c.end,
                       *(mentions_t.c[k] for k in ENTITY_COLS))
             .join(documents_t, documents_t.c.id == mentions_t.c.doc_id)
             .order_by(documents_t.c.date, mentions_t.c.doc_id, mentions_t.c.start))
        keys = ("doc_id", "date", "start", "end", *ENTITY_COLS)
        with self.engine.connect() as c:
            return [dict(zip(keys, r)) for r in c.execute(q)]

    def roles_of(self, names: Iterable[str]) -> list[dict[str, Any]]:
        """The roles reported for these people, each (name, role) once with the date of the first
        document that reported it (the date a person is known to hold a role from)."""
        names = sorted({n for n in names if n})
        if not names:
            return []
        first = sa.func.min(documents_t.c.date)
        out: list[dict[str, Any]] = []
        with self.engine.connect() as c:
            for chunk in chunks(names):
                q = (sa.select(mentions_t.c.entity_name, mentions_t.c.role, first)
                     .join(documents_t, documents_t.c.id == mentions_t.c.doc_id)
                     .where(mentions_t.c.entity_type == "person", mentions_t.c.role.is_not(None),
                            mentions_t.c.entity_name.in_(chunk))
                     .group_by(mentions_t.c.entity_name, mentions_t.c.role))
                out.extend({"entity_name": n, "role": r, "date": d} for n, r, d in c.execute(q))
        out.sort(key=lambda x: (x["date"] or "", x["entity_name"], x["role"]))
        return out

    def counts(self) -> dict[str, int]:
        tables = {"documents": documents_t, "sentences": sentences_t, "entities": mentions_t,
                  "events": events_t, "failures": failures_t, "runs": runs_t}
        with self.engine.connect() as c:
            return {k: c.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                    for k, t in tables.items()}


FACET_CAP = 20_000   # facet sizes are counted up to this many events (to choose the one to read in order)


def facet_filters(country: str | None = None, pair: tuple[str, str] | None = None,
                  topic: str | None = None, *, pairs: bool = False, **_: Any) -> list[str]:
    """The event_facets keys the filters name: each country (or, `pairs`, the pair of two countries,
    one key), the topic."""
    codes = [code.upper() for code in [country, *(pair or ())] if code]
    keys = [f"country:{code}" for code in codes]
    if pairs and pair and pair[0].upper() != pair[1].upper():
        keys = [pair_key(*pair)] + ([f"country:{country.upper()}"] if country and country.upper() not in
                                    {pair[0].upper(), pair[1].upper()} else [])
    return list(dict.fromkeys(keys + ([f"topic:{topic}"] if topic else [])))


def ordered_ids(c: Connection, filters: dict[str, Any], *, descending: bool = False, limit: int | None = None,
                layout: frozenset[str] = frozenset()) -> Iterator[str] | None:
    """The ids of the events matching the filters in list order (dated events by date, document,
    position, id, then undated ones; `descending`: latest first, undated ones still last), read
    lazily, only as far as the caller reads (`limit`: at most that many wanted, a hint for the
    planner). Through an index read in that order: the events of the rarest country, pair or topic
    named (event_facets), each tested for the other filters; or, for a text, the matches of the
    text index in id order where the ids follow the dates (layout "search-by-date"), each tested;
    or the events in date order, each tested on its search text (a text found in very many events).
    None when no such walk applies (then `filtered` reads the matches and sorts them)."""
    keys = facet_filters(**filters, pairs="pair-facets" in layout)
    text = filters.get("text")
    by_text = bool(text) and "\n" not in text and len(text) >= 3 and "search-by-date" in layout \
        and c.dialect.name == "sqlite"
    if not keys:
        if by_text:
            return _search_walk(c, filters, keys, descending, limit)
        if text and "\n" not in text and len(text) < 3:
            return _short_text_walk(c, filters, descending)
        parts = _text_walk(c, filters, descending)
        return None if parts is None else _read_parts(c, parts, limit)
    f = facets_t
    sizes = {k: c.execute(sa.select(sa.func.count()).select_from(
        sa.select(sa.literal(1)).where(f.c.facet == k).limit(FACET_CAP).subquery())).scalar_one()
        for k in keys} if len(keys) > 1 or text else {keys[0]: 0}
    driver = min(keys, key=lambda k: (sizes[k], k))
    if text and _text_candidates(text) is not None and _text_count(c, text, sizes[driver] + 1) <= sizes[driver]:
        return _search_walk(c, filters, keys, descending, limit) if by_text else None
    fa = f.alias("fa")
    q = sa.select(fa.c.event_id).select_from(fa.join(events_t, events_t.c.id == fa.c.event_id)).where(fa.c.facet == driver)
    for k in keys:
        if k != driver:
            g = f.alias()
            q = q.where(sa.exists().where(g.c.facet == k, g.c.event_id == fa.c.event_id))
    rest = {k: v for k, v in filters.items() if k not in ("country", "pair", "topic")}
    q = with_text(filtered(q, text_index=False, **rest), text, fa.c.event_id)
    order = [fa.c.date, fa.c.doc_id, fa.c.first_offset, fa.c.event_id]
    parts = [q.where(fa.c.date.is_not(None)), q.where(fa.c.date.is_(None))]
    if descending:   # latest first, undated last (as `ORDER BY date DESC NULLS LAST`)
        order = [col.desc() for col in order]
    return _read_parts(c, [part.order_by(*order) for part in parts], limit)


def _read_parts(c: Connection, parts: list[sa.Select], limit: int | None) -> Iterator[str]:
    """The first column of each query in turn, read lazily (each with LIMIT `limit`, less what the
    earlier ones gave)."""
    n = 0
    for part in parts:
        if limit is not None:
            if n >= limit:
                return
            rows = c.execute(part.limit(limit - n))
        else:
            rows = c.execute(part.execution_options(yield_per=500))
        for (eid,) in rows:
            n += 1
            yield eid


def _search_walk(c: Connection, filters: dict[str, Any], keys: list[str], descending: bool,
                 limit: int | None = None) -> Iterator[str]:
    """The events whose search text holds the text, in list order, read from the SQLite FTS5 index in
    rowid order (layout "search-by-date": the rowid is date_rank(date) << 32 | a sequence number),
    each tested exactly and for the other filters (facets as one index probe each). The matches of
    one date come together; each date's are sorted by the rest of the list order, so a page reads
    the matches of the dates it shows and of no other (the cursor is read `limit` rows at a time)."""
    text = filters["text"]
    s, e, f = search_t, events_t, facets_t
    fts = sa.table("event_search_fts", sa.column("rowid"))
    phrase = '"' + text.replace('"', '""') + '"'
    q = (sa.select(s.c.event_id, e.c.date, e.c.doc_id, e.c.first_offset, fts.c.rowid)
         .select_from(fts.join(s, s.c.id == fts.c.rowid).join(e, e.c.id == s.c.event_id))
         .where(sa.literal_column("event_search_fts").op("MATCH")(sa.literal(phrase)),
                s.c.text.icontains(text, autoescape=True)))
    for k in keys:
        g = f.alias()
        q = q.where(sa.exists().where(g.c.facet == k, g.c.event_id == s.c.event_id))
    rest = {k: v for k, v in filters.items() if k not in ("country", "pair", "topic", "text")}
    q = filtered(q, text_index=False, **rest)
    if descending:
        yield from _search_walk_back(c, q, fts)
        return
    bucket: list[tuple] = []
    rank = None
    for eid, date, doc, offset, rowid in c.execute(q.order_by(fts.c.rowid).execution_options(
            yield_per=min(max(limit or 200, 16), 200))):
        if rowid >> SEARCH_SEQ_BITS != rank:
            yield from _sorted_ids(bucket, False)
            bucket, rank = [], rowid >> SEARCH_SEQ_BITS
        bucket.append((date or "", doc, offset if offset is not None else -1, eid))
    yield from _sorted_ids(bucket, False)


def _month_slot(rank: int) -> int:
    """A date rank's month counted from year 0 (13 a year: the year alone, then its months)."""
    return rank // 10000 * 13 + min(rank // 100 % 100, 12)


def _slot_rank(slot: int) -> int:
    return slot // 13 * 10000 + slot % 13 * 100


def _search_walk_back(c: Connection, q: sa.Select, fts) -> Iterator[str]:
    """`_search_walk` latest first: FTS5 reads its lists backwards slowly, so the matches are read
    forwards a window of months at a time, from the latest month back (1 month, then 4, 16...),
    each window's sorted latest first; then the undated ones."""
    def window(lo: int, hi: int | None) -> list[str]:
        part = q.where(fts.c.rowid >= lo << SEARCH_SEQ_BITS)
        if hi is not None:
            part = part.where(fts.c.rowid < hi << SEARCH_SEQ_BITS)
        return _sorted_ids([(d or "", doc, off if off is not None else -1, eid)
                            for eid, d, doc, off, _ in c.execute(part.order_by(fts.c.rowid))], True)

    top = c.execute(sa.select(sa.func.max(search_t.c.id))
                    .where(search_t.c.id < UNDATED_RANK << SEARCH_SEQ_BITS)).scalar()
    if top is not None:
        hi, span = _month_slot(top >> SEARCH_SEQ_BITS) + 1, 1
        while True:
            lo = hi - span
            yield from window(_slot_rank(lo) if lo > 0 else 0, _slot_rank(hi))
            if lo <= 0:
                break
            hi, span = lo, span * 4
    yield from window(UNDATED_RANK, None)


SHORT_TEXT_SCAN = 50_000   # events read in list order for a text of 1 or 2 characters before giving up


class TextTooShort(StoreError):
    """A text of 1 or 2 characters, rare in the events read: the user is asked for more."""


def _short_text_walk(c: Connection, filters: dict[str, Any], descending: bool) -> Iterator[str]:
    """A text of 1 or 2 characters has no trigram to look up: the events are read in list order (the
    date index), each tested on its search text, at most SHORT_TEXT_SCAN of them; past that a
    StoreError says to give more characters or a country, pair or topic (a common text fills a
    page long before; a rare one would read the whole store)."""
    text = filters["text"]
    e, s = events_t, search_t
    hit = s.c.text.icontains(text, autoescape=True)
    q = filtered(sa.select(e.c.id, hit).join(s, s.c.event_id == e.c.id), text_index=False,
                 **{k: v for k, v in filters.items() if k != "text"})
    order = [e.c.date, e.c.doc_id, e.c.first_offset, e.c.id]
    if descending:
        order = [col.desc() for col in order]
    read = found = 0
    for part in (q.where(e.c.date.is_not(None)), q.where(e.c.date.is_(None))):
        for eid, ok in c.execute(part.order_by(*order).limit(SHORT_TEXT_SCAN - read + 1)
                                 .execution_options(yield_per=1000)):
            read += 1
            if read > SHORT_TEXT_SCAN:
                raise TextTooShort(
                    f"--text {text!r}: a text of {len(text)} character(s) is looked for by reading the events one "
                    f"by one, and the first {SHORT_TEXT_SCAN:,} of the list hold it {found} time(s); give 3 "
                    f"characters or more (the substring index finds those), or narrow the list with a country, "
                    f"pair or topic")
            if ok:
                found += 1
                yield eid


def _sorted_ids(rows: list[tuple], descending: bool) -> list[str]:
    return [r[3] for r in sorted(rows, reverse=descending)]


TEXT_CAP = 5_000   # a text found in more events than this: read the events in order, testing each


def _text_count(c: Connection, text: str, cap: int) -> int:
    """How many events the text index gives for `text`, counted up to `cap` (SQLite's FTS5 hands its
    matches one at a time, so the count stops there)."""
    if c.dialect.name == "sqlite":
        phrase = '"' + text.replace('"', '""') + '"'
        return c.exec_driver_sql("SELECT count(*) FROM (SELECT rowid FROM event_search_fts WHERE event_search_fts "
                                 "MATCH ? LIMIT ?)", (phrase, cap)).scalar_one()
    return c.execute(sa.select(sa.func.count()).select_from(_text_candidates(text).limit(cap).subquery())).scalar_one()


def _text_walk(c: Connection, filters: dict[str, Any], descending: bool) -> list[sa.Select] | None:
    """For a text found in many events (more than TEXT_CAP) and no country or topic: the events read
    in list order (ix_events_date_order), each tested on its search text, then exactly; None
    otherwise (few events: `filtered` reads them through the text index and sorts them)."""
    text = filters.get("text")
    if not text or _text_candidates(text) is None or _text_count(c, text, TEXT_CAP) < TEXT_CAP:
        return None
    e = events_t
    q = with_text(filtered(sa.select(e.c.id), text_index=False, **filters), text, e.c.id)
    order = [e.c.date, e.c.doc_id, e.c.first_offset, e.c.id]
    if descending:
        order = [col.desc() for col in order]
    return [q.where(e.c.date.is_not(None)).order_by(*order), q.where(e.c.date.is_(None)).order_by(*order)]


def page_ids(c: Connection, filters: dict[str, Any], limit: int, *, descending: bool = False,
             layout: frozenset[str] = frozenset()) -> list[str] | None:
    """The ids of the first `limit` events matching the filters in list order, read through an index
    in that order (`ordered_ids`); None when that does not apply."""
    walk = ordered_ids(c, filters, descending=descending, limit=limit, layout=layout)
    return None if walk is None else list(itertools.islice(walk, limit))


def filtered(q: sa.Select, *, country: str | None = None, pair: tuple[str, str] | None = None,
             event_type: str | None = None, topic: str | None = None, date_from: str | None = None,
             date_to: str | None = None, text: str | None = None, doc_id: str | None = None,
             min_confidence: float | None = None, entity: str | None = None, text_index: bool = True,
             pairs: bool = False) -> sa.Select:
    """`q` (a select over the events table) restricted by the filters of `ReadingMixin.events`, all
    as bound parameters. `text_index`: also restrict to the candidates of the text index (a large
    set read whole: left out when the rows are read in the order of another index). `pairs`: the
    database lists each pair of countries in event_facets (layout "pair-facets"): a pair is read there."""
    e = events_t
    # IN (the events of an indexed value) rather than EXISTS per event: a selective filter then reads
    # its few events through the index instead of testing every event
    codes = [country] + list(pair or [])
    if pairs and pair and pair[0].upper() != pair[1].upper():
        q = q.where(e.c.id.in_(sa.select(facets_t.c.event_id).where(facets_t.c.facet == pair_key(*pair))))
        codes = [country]
    for code in codes:
        if code:
            q = q.where(e.c.id.in_(sa.select(participants_t.c.event_id).where(participants_t.c.country == code.upper())))
    if event_type:
        q = q.where(e.c.event_type == event_type.upper())
    if topic:
        q = q.where(e.c.id.in_(sa.select(topics_t.c.event_id).where(topics_t.c.topic == topic)))
    if date_from:
        lo = date_bounds(date_from)[0]
        if lo is None:
            raise StoreError(f"bad date_from {date_from!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        q = q.where(e.c.date_hi >= lo)
    if date_to:
        hi = date_bounds(date_to)[1]
        if hi is None:
            raise StoreError(f"bad date_to {date_to!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        q = q.where(e.c.date_lo <= hi)
    if text and "\n" not in text:
        # the search text is the evidence spans, names and mentions joined by newlines: a text
        # without a newline is in it exactly when it is in one of them (same case folding)
        if text_index:
            q = q.where(e.c.id.in_(_text_matches(text)))
        # else the caller joins event_search and tests it (`with_text`)
    elif text:
        p = participants_t.c
        candidates = _text_candidates(text) if text_index else None
        if candidates is not None:   # the events whose search text holds it, found through the index
            q = q.where(e.c.id.in_(candidates))
        q = q.where(sa.or_(
            sa.exists().where(evidence_t.c.event_id == e.c.id,
                              evidence_t.c.text.icontains(text, autoescape=True)),
            sa.exists().where(p.event_id == e.c.id, sa.or_(p.entity_name.icontains(text, autoescape=True),
                                                           p.raw_text.icontains(text, autoescape=True)))))
    if entity:
        q = q.where(e.c.id.in_(sa.select(participants_t.c.event_id).where(participants_t.c.entity_name == entity)))
    if doc_id:
        q = q.where(e.c.doc_id == doc_id)
    if min_confidence is not None:
        q = q.where(e.c.confidence >= min_confidence)
    return q


def _text_matches(text: str) -> sa.Select:
    """The ids of the events whose search text holds `text` (no newline), any case: read through the
    substring index (3 characters or more), each tested."""
    s = search_t
    q = sa.select(s.c.event_id).where(s.c.text.icontains(text, autoescape=True))
    if len(text) >= 3:
        fts = sa.table("event_search_fts", sa.column("rowid"))
        q = q.where(_SearchMatch(s.c.id, fts, '"' + text.replace('"', '""') + '"', sa.true()))
    return q


def with_text(q: sa.Select, text: str | None, id_col) -> sa.Select:
    """`q` (built by `filtered(..., text_index=False)`) joined with the search text of the event
    `id_col` and restricted to those that hold `text`: one row read per event, in q's order."""
    if not text or "\n" in text:
        return q
    return q.join(search_t, search_t.c.event_id == id_col).where(search_t.c.text.icontains(text, autoescape=True))


def _text_candidates(text: str) -> sa.Select | None:
    """The ids of the events whose search text (event_search) holds `text`, any case: a superset of
    the events the exact test of `filtered` keeps, read through the substring index of the backend
    (SQLite FTS5 trigram, PostgreSQL pg_trgm). None for fewer than 3 characters (no trigram)."""
    if len(text) < 3:
        return None
    s = search_t
    # the FTS5 table is only on SQLite; elsewhere the pattern is matched against event_search itself
    # (with pg_trgm's GIN index on PostgreSQL). Both are chosen when the query is compiled.
    fts = sa.table("event_search_fts", sa.column("rowid"))
    phrase = '"' + text.replace('"', '""') + '"'
    return sa.select(s.c.event_id).where(_SearchMatch(s.c.id, fts, phrase, s.c.text.icontains(text, autoescape=True)))


class _SearchMatch(sa.sql.expression.ColumnElement):
    """`id IN (SELECT rowid FROM event_search_fts WHERE event_search_fts MATCH phrase)` on SQLite,
    the `ilike` condition elsewhere."""
    inherit_cache = False
    type = sa.Boolean()
    _is_implicitly_boolean = True   # a condition as it stands (no "= 1" added on SQLite)

    def __init__(self, id_col, fts, phrase, other) -> None:
        self.id_col, self.fts, self.phrase, self.other = id_col, fts, phrase, other


@compiles(_SearchMatch)
def _search_match_default(el: _SearchMatch, compiler, **kw) -> str:
    return compiler.process(el.other, **kw)


@compiles(_SearchMatch, "sqlite")
def _search_match_sqlite(el: _SearchMatch, compiler, **kw) -> str:
    sub = (sa.select(el.fts.c.rowid).select_from(el.fts)
           .where(sa.literal_column("event_search_fts").op("MATCH")(sa.literal(el.phrase))))
    return compiler.process(el.id_col.in_(sub), **kw)


def rebuild_events(c: Connection, rows: Sequence[Any]) -> list[Event]:
    """Events from their stored record, with confidence, trigger and entity offsets restored."""
    events: dict[str, Event] = {}
    for eid, record, confidence, trigger in rows:
        ev = Event.from_dict(json.loads(record))
        ev.confidence = confidence if confidence is not None else ev.confidence
        ev.trigger = trigger
        events[eid] = ev
    p = participants_t.c
    for chunk in chunks(list(events)):
        q = (sa.select(p.event_id, p.side, p.position, p.start, p.end)
             .where(p.event_id.in_(chunk), sa.or_(p.start.is_not(None), p.end.is_not(None))))
        for eid, side, pos, start, end in c.execute(q):
            ents = events[eid].actor if side == "actor" else events[eid].recipient
            if pos < len(ents):
                ents[pos].start, ents[pos].end = start, end
    return list(events.values())
