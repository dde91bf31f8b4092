"""The store's tables (SQLAlchemy Core metadata) and its one error type.

Every other part of the store, and any future backend or exporter, reads the
layout from here; `versions.py` checks a database against it.

Schema (version `SCHEMA_VERSION`, 3; JSON columns hold JSON text)::

    meta(key PK, value)                       -- schema_version; layout (see LAYOUT); search_seq
    runs(id PK, command, paths JSON, started_at, finished_at, counts JSON)
    failures(id PK, run_id -> runs, origin, line, doc_id, reason, at)
    documents(id PK, date, title, source, url, language, origin, text,
              content_hash, body_start, warnings JSON, ingested_at, run_id -> runs)
    sentences(doc_id -> documents, idx, start, end)          PK (doc_id, idx)
    mentions(id PK, doc_id -> documents, start, end, raw_text, entity_name,
             country, sector_code, role, entity_type)
    events(id PK, doc_id -> documents, event_type, mode JSON, context JSON,
           aux_mode, date, date_precision, date_text, date_lo, date_hi,
           location_name, location_country, lat, lon, geonames_id,
           agreement JSON, confidence, trigger, first_offset,
           record JSON)                  -- record = Event.to_dict(), exported as is
    event_participants(event_id -> events, side 'actor'|'recipient', position,
           raw_text, entity_name, country, sector_code, role, entity_type,
           start, end)                                       PK (event_id, side, position)
    event_topics(event_id -> events, position, topic)        PK (event_id, position)
    evidence(event_id -> events, position, doc_id, start, end, text)
                                                             PK (event_id, position)
    unlinked(doc_id PK -> documents)   -- stored, cross-document link step not yet done
    event_links(a -> events, b -> events, reasons JSON)    PK (a, b), a < b
    event_clusters(event_id PK -> events, cluster_id)   -- the canonical event of each event
    derived(kind 'commitment'|'agreement', id, scope '|KOR|USA|', status, record JSON)
                                                             PK (kind, id)
    event_facets(facet 'country:KOR'|'topic:quantum'|'pair:KOR|USA', event_id -> events, date, doc_id,
                 first_offset)                               PK (facet, event_id)
           -- the events of a country, topic or pair of countries in list order (the first page of a
              filter, fast; pairs in a database whose layout has "pair-facets")
    event_search(id PK, event_id UNIQUE -> events, text)  -- what `events --text` searches,
           indexed for substrings: SQLite FTS5 trigram table event_search_fts (kept in sync by
           triggers), PostgreSQL pg_trgm GIN index (version 3; version 2 had no such table).
           With the layout "search-by-date" the id follows the list order of the events:
           date_rank(date) << 32 | a sequence number (meta search_seq), so that the text index,
           read in id order, gives the matches date by date (a page stops after a few of them)

On PostgreSQL every string column has the collation "C", so that both backends compare and
order text byte-wise (the same event order whatever the server's locale).

A document's `unlinked` row is written in the same transaction as the document
and removed (`mark_linked`) once the cross-document link step has covered it,
so a run stopped between the two leaves a trace the next run picks up.
`check()` verifies the whole database (orphans, offsets, missing sentences).

Every child row references its parent with ON DELETE CASCADE; replacing a
document also deletes its old rows explicitly, so no orphans remain even on a
connection without foreign-key enforcement. Sentence text is not stored: it is
the document text from `start` to `end`. `date_lo`/`date_hi` are the first
and last day of the event's date (``2025-08`` -> 2025-08-01 .. 2025-08-31)
and serve the date-range filter. Event ids come from the pipeline and must be
unique across documents: a clash is a bug and raises `StoreError`.
"""
from __future__ import annotations

import sqlalchemy as sa

SCHEMA_VERSION = 3

md = sa.MetaData()
_I, _F = sa.Integer, sa.Float


def _S(length: int | None = None) -> sa.types.TypeEngine:
    """A string column; on PostgreSQL compared and sorted byte-wise (collation "C") like SQLite, so
    that both backends list events in the same order whatever the server's locale."""
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def _T() -> sa.types.TypeEngine:
    return sa.Text().with_variant(sa.Text(collation="C"), "postgresql")


def _fk(target: str) -> sa.ForeignKey:
    return sa.ForeignKey(target, ondelete="CASCADE")


meta_t = sa.Table("meta", md, sa.Column("key", _S(64), primary_key=True), sa.Column("value", _T()))
runs_t = sa.Table(
    "runs", md,
    sa.Column("id", _I, primary_key=True, autoincrement=True),
    sa.Column("command", _T()), sa.Column("paths", _T()), sa.Column("started_at", _S(32)),
    sa.Column("finished_at", _S(32)), sa.Column("counts", _T()),
)
failures_t = sa.Table(
    "failures", md,
    sa.Column("id", _I, primary_key=True, autoincrement=True),
    sa.Column("run_id", _I, _fk("runs.id"), index=True),
    sa.Column("origin", _T()), sa.Column("line", _I), sa.Column("doc_id", _T()),
    sa.Column("reason", _T(), nullable=False), sa.Column("at", _S(32)),
)
documents_t = sa.Table(
    "documents", md,
    sa.Column("id", _S(), primary_key=True),
    sa.Column("date", _S(10)), sa.Column("title", _T()), sa.Column("source", _T()), sa.Column("url", _T()),
    sa.Column("language", _S(16)), sa.Column("origin", _T()), sa.Column("text", _T(), nullable=False),
    sa.Column("content_hash", _S(64), nullable=False), sa.Column("body_start", _I, nullable=False),
    sa.Column("warnings", _T()), sa.Column("ingested_at", _S(32)),
    sa.Column("run_id", _I, sa.ForeignKey("runs.id", ondelete="SET NULL")),
    sa.Index("ix_documents_date", "date", "id"),
)
sentences_t = sa.Table(
    "sentences", md,
    sa.Column("doc_id", _S(), _fk("documents.id"), primary_key=True),
    sa.Column("idx", _I, primary_key=True),
    sa.Column("start", _I, nullable=False), sa.Column("end", _I, nullable=False),
)
ENTITY_COLS = ("raw_text", "entity_name", "country", "sector_code", "role", "entity_type")
mentions_t = sa.Table(
    "mentions", md,
    sa.Column("id", _I, primary_key=True, autoincrement=True),
    sa.Column("doc_id", _S(), _fk("documents.id"), nullable=False, index=True),
    sa.Column("start", _I), sa.Column("end", _I),
    *(sa.Column(c, _T()) for c in ENTITY_COLS),
    sa.Index("ix_mentions_entity_name", "entity_name"),     # the roles of the people of a record
)
events_t = sa.Table(
    "events", md,
    sa.Column("id", _S(), primary_key=True),
    sa.Column("doc_id", _S(), _fk("documents.id"), nullable=False, index=True),
    sa.Column("event_type", _S(16), nullable=False, index=True),
    sa.Column("mode", _T()), sa.Column("context", _T()), sa.Column("aux_mode", _S(16)),
    sa.Column("date", _S(10), index=True), sa.Column("date_precision", _S(8)), sa.Column("date_text", _T()),
    sa.Column("date_lo", _S(10)), sa.Column("date_hi", _S(10)),
    sa.Column("location_name", _T()), sa.Column("location_country", _S(8)),
    sa.Column("lat", _F), sa.Column("lon", _F), sa.Column("geonames_id", _I),
    sa.Column("agreement", _T()), sa.Column("confidence", _F), sa.Column("trigger", _T()),
    sa.Column("first_offset", _I), sa.Column("record", _T(), nullable=False),
    # the orders the web app reads a page at a time in (by date, by confidence)
    sa.Index("ix_events_date_order", "date", "doc_id", "first_offset", "id"),
    sa.Index("ix_events_confidence", "confidence", "date"),
    sa.Index("ix_events_type_date", "event_type", "date", "doc_id", "first_offset", "id"),
)
participants_t = sa.Table(
    "event_participants", md,
    sa.Column("event_id", _S(), _fk("events.id"), primary_key=True),
    sa.Column("side", _S(9), primary_key=True),
    sa.Column("position", _I, primary_key=True),
    *(sa.Column(c, _T()) for c in ENTITY_COLS),
    sa.Column("start", _I), sa.Column("end", _I),
    sa.CheckConstraint("side IN ('actor', 'recipient')", name="ck_participant_side"),
    sa.Index("ix_participants_country", "country", "event_id"),
    sa.Index("ix_participants_entity", "entity_name", "event_id"),
)
# events some participant of which has a country
WITH_COUNTRY = sa.select(participants_t.c.event_id).where(participants_t.c.country.is_not(None))

topics_t = sa.Table(
    "event_topics", md,
    sa.Column("event_id", _S(), _fk("events.id"), primary_key=True),
    sa.Column("position", _I, primary_key=True),
    sa.Column("topic", _S(32), nullable=False),
    sa.Index("ix_event_topics_topic", "topic", "event_id"),
)
evidence_t = sa.Table(
    "evidence", md,
    sa.Column("event_id", _S(), _fk("events.id"), primary_key=True),
    sa.Column("position", _I, primary_key=True),
    sa.Column("doc_id", _S(), nullable=False), sa.Column("start", _I, nullable=False),
    sa.Column("end", _I, nullable=False), sa.Column("text", _T()),
)


# ---- the cross-document layer (see link.py) ---------------------------------------------------
links_t = sa.Table(
    "event_links", md,
    sa.Column("a", _S(), _fk("events.id"), primary_key=True),
    sa.Column("b", _S(), _fk("events.id"), primary_key=True),
    sa.Column("reasons", _T(), nullable=False),
    sa.Index("ix_event_links_b", "b"),
)
clusters_t = sa.Table(
    "event_clusters", md,
    sa.Column("event_id", _S(), _fk("events.id"), primary_key=True),
    sa.Column("cluster_id", _S(), nullable=False, index=True),
)
unlinked_t = sa.Table(
    "unlinked", md,
    sa.Column("doc_id", _S(), _fk("documents.id"), primary_key=True),
)
derived_t = sa.Table(
    "derived", md,
    sa.Column("kind", _S(16), primary_key=True),           # 'commitment' | 'agreement'
    sa.Column("id", _S(), primary_key=True),
    sa.Column("scope", _T(), nullable=False),                # '|KOR|USA|': the countries it involves
    sa.Column("status", _S(16)),
    sa.Column("record", _T(), nullable=False),
)


# the text `events --text` searches (evidence spans, participants' names and mentions), one row per
# event: SQLite indexes it with an FTS5 trigram table (event_search_fts), PostgreSQL with a pg_trgm GIN
# index (see versions.py); both find any substring of 3+ characters without reading every event
search_t = sa.Table(
    "event_search", md,
    sa.Column("id", _I, primary_key=True, autoincrement=True),
    sa.Column("event_id", _S(), _fk("events.id"), nullable=False, unique=True),
    sa.Column("text", _T(), nullable=False),
)


# the events of each country and topic in the order the event list is read in: one row per (country
# or topic, event), carrying the event's sort key, so that the first page of `events --country X`,
# `--pair X Y` or `--topic T` reads a few index entries in order instead of sorting every event of X
facets_t = sa.Table(
    "event_facets", md,
    sa.Column("facet", _S(80), primary_key=True),          # 'country:KOR', 'topic:quantum'
    sa.Column("event_id", _S(), _fk("events.id"), primary_key=True),
    sa.Column("date", _S(10)), sa.Column("doc_id", _S(), nullable=False), sa.Column("first_offset", _I),
    sa.Index("ix_event_facets_order", "facet", "date", "doc_id", "first_offset", "event_id"),
    sa.Index("ix_event_facets_event", "event_id"),
)


# what a database made by this version holds beyond the tables (meta key "layout", space-separated);
# a database of the same schema version made before them lacks them and is read the older way
#   pair-facets     event_facets has a 'pair:A|B' row (A < B) for each pair of countries of an event
#   search-by-date  event_search ids follow the events' dates (see date_rank)
LAYOUT = ("pair-facets", "search-by-date")
UNDATED_RANK = (1 << 27) - 1   # after every date
SEARCH_SEQ_BITS = 32


def date_rank(date: str | None) -> int:
    """A number that sorts as the event list sorts dates (text order, undated last): YYYY, YYYY-MM
    and YYYY-MM-DD as YYYYMMDD with 00 for what is missing ("2025" < "2025-08" < "2025-08-05").
    Anything else (no date stored has another form) ranks with its year, or first."""
    if not date:
        return UNDATED_RANK
    y, m, d = (date.split("-") + ["0", "0"])[:3]
    try:
        return min(int(y[:4]) * 10000 + int(m[:2] or 0) * 100 + int(d[:2] or 0), UNDATED_RANK - 1)
    except ValueError:
        return 0


def pair_key(a: str, b: str) -> str:
    """The event_facets key of a pair of (different) countries, in either order."""
    a, b = sorted((a.upper(), b.upper()))
    return f"pair:{a}|{b}"


class StoreError(Exception):
    """A store-level error: bad data handed to the store, or a schema mismatch."""

