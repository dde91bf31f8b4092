"""What a browser of the store reads (the web app of `pactwatch serve`): the filtered event list a
page at a time with its total, counts per month and category, country pairs and countries, places,
canonical events a page at a time, documents a page at a time, and a cheap token that changes
when the database does (for caches). Every filter is a bound parameter (`reading.filtered`)."""
from __future__ import annotations

import itertools
import os
from pathlib import Path
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa

from ...model import Event
from .reading import ReadingMixin, filtered, ordered_ids, rebuild_events
from .rows import loads
from .schema import clusters_t, derived_t, documents_t, events_t, failures_t, participants_t

# the orders the event list can be read in: name -> columns (ties broken by id)
EVENT_SORTS = {   # (by date, latest first, reads the index ix_events_date_order backwards; undated last)
    "date": (events_t.c.date, events_t.c.doc_id, events_t.c.first_offset),
    "type": (events_t.c.event_type, events_t.c.date),
    "confidence": (events_t.c.confidence, events_t.c.date),
    "doc": (events_t.c.doc_id, events_t.c.first_offset),
}


def _batches(ids, sizes: tuple[int, ...]):
    """Lists of consecutive items of `ids`, of the sizes given (the last one repeated)."""
    it = iter(ids)
    for i in itertools.count():
        batch = list(itertools.islice(it, sizes[min(i, len(sizes) - 1)]))
        if not batch:
            return
        yield batch


class BrowsingMixin(ReadingMixin):
    """Paged and aggregated reads over the events, for the web app."""

    def data_version(self) -> tuple:
        """A token that changes whenever the database may have changed: for a SQLite file the size and
        modification time of the file and its write-ahead log; otherwise the newest run and the counts
        of events and documents (one query)."""
        if self.path is not None:
            out: list[Any] = []
            for suffix in ("", "-wal"):
                try:
                    st = os.stat(Path(f"{self.path}{suffix}"))
                    out += [st.st_mtime_ns, st.st_size]
                except OSError:
                    out += [None, None]
            return tuple(out)
        q = sa.select(sa.select(sa.func.max(sa.literal_column("id"))).select_from(sa.table("runs")).scalar_subquery(),
                      sa.select(sa.func.count()).select_from(events_t).scalar_subquery(),
                      sa.select(sa.func.count()).select_from(documents_t).scalar_subquery())
        with self.engine.connect() as c:
            return tuple(c.execute(q).one())

    def event_count(self, filters: dict[str, Any]) -> int:
        """How many events match the filters."""
        with self.engine.connect() as c:
            return c.execute(filtered(sa.select(sa.func.count()).select_from(events_t), **filters,
                                      pairs="pair-facets" in self.layout)).scalar_one()

    def events_page(self, filters: dict[str, Any], *, sort: str = "date", descending: bool = False,
                    offset: int = 0, limit: int = 50, count: bool = True) -> tuple[int | None, list[Event]]:
        """(how many events match the filters, or None unless `count`; those of rows offset ..
        offset+limit in this order)."""
        if sort not in EVENT_SORTS:
            raise ValueError(f"unknown sort {sort!r}")
        e = events_t
        cols = [c.desc() if descending else c.asc() for c in EVENT_SORTS[sort]]
        q = (filtered(sa.select(e.c.id, e.c.record, e.c.confidence, e.c.trigger), **filters,
                      pairs="pair-facets" in self.layout)
             .order_by(*cols, e.c.id.desc() if descending else e.c.id).offset(offset).limit(limit))
        total = self.event_count(filters) if count else None
        with self.engine.connect() as c:
            if sort == "date" and descending:   # latest first, undated last: read in order through an index
                walk = ordered_ids(c, filters, descending=True, limit=offset + limit, layout=self.layout)
                if walk is not None:
                    return total, self._events_in_order(c, list(itertools.islice(walk, offset, offset + limit)))
            return total, rebuild_events(c, c.execute(q).all())

    def event_months(self, filters: dict[str, Any] | None = None) -> list[tuple[str, str, int]]:
        """(YYYY-MM, category, events) for the dated events matching the filters, by month."""
        month = sa.func.substr(events_t.c.date, 1, 7).label("month")
        q = (filtered(sa.select(month, events_t.c.event_type, sa.func.count()), **(filters or {}))
             .where(events_t.c.date.is_not(None)).group_by(month, events_t.c.event_type).order_by(month))
        with self.engine.connect() as c:
            return [(m, t, n) for m, t, n in c.execute(q) if m and len(m) == 7]

    def country_pairs(self, filters: dict[str, Any] | None = None, limit: int = 20) -> list[tuple[str, str, int]]:
        """(A, B, events) for the pairs of countries that take part in the most events together (A < B)."""
        ids = filtered(sa.select(events_t.c.id), **(filters or {})).scalar_subquery() if filters else None
        p1, p2 = participants_t.alias("p1"), participants_t.alias("p2")
        n = sa.func.count(sa.distinct(p1.c.event_id)).label("n")
        q = (sa.select(p1.c.country, p2.c.country, n)
             .join(p2, sa.and_(p2.c.event_id == p1.c.event_id, p1.c.country < p2.c.country))
             .where(p1.c.country.is_not(None), p2.c.country.is_not(None))
             .group_by(p1.c.country, p2.c.country).order_by(n.desc(), p1.c.country, p2.c.country).limit(limit))
        if ids is not None:
            q = q.where(p1.c.event_id.in_(ids))
        with self.engine.connect() as c:
            return [(a, b, k) for a, b, k in c.execute(q)]

    def country_counts(self, filters: dict[str, Any] | None = None) -> dict[str, int]:
        """country -> events some participant of which has it."""
        n = sa.func.count(sa.distinct(participants_t.c.event_id)).label("n")
        q = (sa.select(participants_t.c.country, n).where(participants_t.c.country.is_not(None))
             .group_by(participants_t.c.country).order_by(n.desc()))
        if filters:
            q = q.where(participants_t.c.event_id.in_(filtered(sa.select(events_t.c.id), **filters).scalar_subquery()))
        with self.engine.connect() as c:
            return {code: k for code, k in c.execute(q)}

    def places(self, filters: dict[str, Any] | None = None, limit: int = 300) -> list[dict[str, Any]]:
        """The places events happened at (with coordinates), with how many events, most first."""
        e = events_t
        n = sa.func.count().label("n")
        q = (filtered(sa.select(e.c.location_name, e.c.location_country, e.c.lat, e.c.lon, n), **(filters or {}))
             .where(e.c.lat.is_not(None), e.c.lon.is_not(None))
             .group_by(e.c.location_name, e.c.location_country, e.c.lat, e.c.lon)
             .order_by(n.desc(), e.c.location_name).limit(limit))
        with self.engine.connect() as c:
            return [{"name": a, "country": b, "lat": la, "lon": lo, "events": k} for a, b, la, lo, k in c.execute(q)]

    def canonical_page(self, filters: dict[str, Any], *, offset: int = 0, limit: int = 50,
                       count: bool = True) -> tuple[int | None, list[str]]:
        """(how many canonical events have a report matching the filters, or None unless `count`; the
        ids of those of rows offset .. offset+limit, latest first: in the order their latest matching
        report comes in when the events are read latest first, read only as far as the page needs)."""
        pairs = "pair-facets" in self.layout
        cid = sa.func.coalesce(clusters_t.c.cluster_id, events_t.c.id)
        q = (filtered(sa.select(cid).select_from(events_t.outerjoin(clusters_t, clusters_t.c.event_id == events_t.c.id)),
                      **filters, pairs=pairs)
             .order_by(events_t.c.date.desc().nulls_last(), events_t.c.doc_id.desc(), events_t.c.first_offset.desc(),
                       events_t.c.id.desc()))
        seen: dict[str, None] = {}
        want = offset + limit
        with self.engine.connect() as c:
            total = c.execute(sa.select(sa.func.count(sa.distinct(q.subquery().c[0])))).scalar_one() if count else None
            # a country, pair, topic or text named: the events read in order through an index, their
            # canonical events looked up a few at a time
            walk = ordered_ids(c, filters, descending=True, layout=self.layout) if limit else None
            if walk is not None:
                for ids in _batches(walk, (64, 256, 1024)):
                    found = dict(c.execute(sa.select(clusters_t.c.event_id, clusters_t.c.cluster_id)
                                           .where(clusters_t.c.event_id.in_(ids))).all())
                    for eid in ids:
                        seen.setdefault(found.get(eid, eid))
                        if len(seen) >= want:
                            break
                    if len(seen) >= want:
                        break
            elif limit:
                for (k,) in c.execute(q.execution_options(yield_per=500)):
                    seen.setdefault(k)
                    if len(seen) >= want:
                        break
        return total, list(seen)[offset:offset + limit]

    def canonical_count(self, filters: dict[str, Any]) -> int:
        """How many canonical events have a report matching the filters."""
        return self.canonical_page(filters, limit=0)[0]

    def cluster_of(self, event_id: str) -> str:
        """The canonical event (cluster) an event belongs to: its id (an event is its own when alone)."""
        with self.engine.connect() as c:
            got = c.execute(sa.select(clusters_t.c.cluster_id).where(clusters_t.c.event_id == event_id)).scalar()
        return got or event_id

    def documents_page(self, *, text: str | None = None, offset: int = 0, limit: int = 50) -> tuple[int, list[dict]]:
        """(how many documents match, id/date/title/n_events of rows offset .. offset+limit, latest first);
        `text`: part of the id or title, any case."""
        d = documents_t
        n_events = (sa.select(sa.func.count()).where(events_t.c.doc_id == d.c.id)
                    .scalar_subquery().label("n_events"))
        q = sa.select(d.c.id, d.c.date, d.c.title, d.c.source, n_events)
        count_q = sa.select(sa.func.count()).select_from(d)
        if text:
            cond = sa.or_(d.c.id.icontains(text, autoescape=True), d.c.title.icontains(text, autoescape=True))
            q, count_q = q.where(cond), count_q.where(cond)
        q = q.order_by(d.c.date.desc(), d.c.id.desc()).offset(offset).limit(limit)   # ix_documents_date backwards
        with self.engine.connect() as c:
            return c.execute(count_q).scalar_one(), [dict(r._mapping) for r in c.execute(q)]

    def derived_page(self, kind: str, *, status: str | None = None, country: str | None = None,
                     pair: tuple[str, str] | None = None, offset: int = 0, limit: int | None = 50,
                     order: str = "id") -> list[dict]:
        """The derived records of a kind ('commitment', 'agreement') of this status and with this country
        (or both countries of `pair`) among those they involve, rows offset .. offset+limit (None: all),
        by id or (`order` "made_on") by the day a commitment was made (none first), then id."""
        q = self._derived_query(kind, status, country, pair, order).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as c:
            return [loads(r[0], {}) for r in c.execute(q)]

    def derived_batches(self, kind: str, *, status: str | None = None, country: str | None = None,
                        pair: tuple[str, str] | None = None, order: str = "id",
                        size: int = 500) -> Iterator[list[dict]]:
        """The records of `derived_page` (all of them), read in one query and handed over `size` at a
        time: what a command that prints or writes them all holds in memory is one batch."""
        q = self._derived_query(kind, status, country, pair, order)
        with self.engine.connect() as c:
            for part in c.execute(q.execution_options(yield_per=size)).partitions(size):
                yield [loads(r[0], {}) for r in part]

    def derived_counts(self, kind: str, *, country: str | None = None,
                       pair: tuple[str, str] | None = None) -> dict[str, int]:
        """status -> how many records of the kind with this country (or pair) have it, by status."""
        d = derived_t
        q = sa.select(d.c.status, sa.func.count()).where(d.c.kind == kind).group_by(d.c.status)
        for code in [country, *(pair or ())]:
            if code:
                q = q.where(d.c.scope.contains(f"|{code.upper()}|", autoescape=True))
        with self.engine.connect() as c:
            return dict(sorted((st, n) for st, n in c.execute(q) if st is not None))

    def _derived_query(self, kind: str, status: str | None, country: str | None,
                       pair: tuple[str, str] | None, order: str) -> sa.Select:
        d = derived_t
        q = sa.select(d.c.record).where(d.c.kind == kind)
        if status:
            q = q.where(d.c.status == status)
        for code in [country, *(pair or ())]:
            if code:
                q = q.where(d.c.scope.contains(f"|{code.upper()}|", autoescape=True))
        if order == "made_on":   # the expression of the index ix_derived_made_on, as written there
            if self.engine.dialect.name == "sqlite":
                made_on = sa.literal_column("json_extract(record, '$.made_on')")
                return q.order_by(made_on, d.c.id)
            return q.order_by(sa.literal_column("(record::json ->> 'made_on')").asc().nulls_first(), d.c.id)
        if order != "id":
            raise ValueError(f"unknown order {order!r}")
        return q.order_by(d.c.id)

    def failure_count(self) -> int:
        with self.engine.connect() as c:
            return c.execute(sa.select(sa.func.count()).select_from(failures_t)).scalar_one()
