"""The cross-document tables: candidate events for the link step, links, clusters, derived
records (commitments, agreements) and the documents still to link."""
from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from .rows import bulk_insert, chunks, dumps, loads
from .runs import RunsMixin
from .schema import WITH_COUNTRY, clusters_t, derived_t, documents_t, events_t, links_t, participants_t, unlinked_t


class LinkingMixin(RunsMixin):
    """What link.py reads and writes across documents."""

    def candidate_event_ids(self, event_type: str, countries: Iterable[str], exclude_doc: str) -> list[str]:
        """Events of this category from other documents that share a participant country."""
        countries = sorted({x for x in countries if x})
        if not countries:
            return []
        q = (sa.select(events_t.c.id).distinct()
             .join(participants_t, participants_t.c.event_id == events_t.c.id)
             .where(events_t.c.event_type == event_type, events_t.c.doc_id != exclude_doc,
                    participants_t.c.country.in_(countries)).order_by(events_t.c.id))
        with self.engine.connect() as c:
            return [r[0] for r in c.execute(q)]

    def candidate_index(self, event_types: Iterable[str], countries: Iterable[str]) -> dict[tuple[str, str], list[tuple[str, str]]]:
        """(category, country) -> [(event id, document id)] for these categories and countries, in one query."""
        types, codes = sorted(set(event_types)), sorted({c for c in countries if c})
        out: dict[tuple[str, str], list[tuple[str, str]]] = {}
        if not types or not codes:
            return out
        with self.engine.connect() as c:
            for chunk in chunks(codes):
                q = (sa.select(events_t.c.id, events_t.c.doc_id, events_t.c.event_type, participants_t.c.country)
                     .distinct().join(participants_t, participants_t.c.event_id == events_t.c.id)
                     .where(events_t.c.event_type.in_(types), participants_t.c.country.in_(chunk)))
                for ev, doc, typ, code in c.execute(q):
                    out.setdefault((typ, code), []).append((ev, doc))
        return out

    def candidate_event_ids_at(self, wanted: Iterable[tuple[str, str, bool]]) -> set[str]:
        """Events at the same place as some report, for reports naming no country, in one query per chunk
        of places: for each (category, place, countryless_only) of `wanted`, the events of that category
        at that place (with `countryless_only`, only those no participant of which has a country)."""
        wanted = set(wanted)
        places = sorted({place for _, place, _ in wanted if place is not None})   # NULL matches no place
        out: set[str] = set()
        if not places:
            return out
        has_country = events_t.c.id.in_(WITH_COUNTRY).label("has_country")
        with self.engine.connect() as c:
            for chunk in chunks(places):
                q = (sa.select(events_t.c.id, events_t.c.event_type, events_t.c.location_name, has_country)
                     .where(events_t.c.location_name.in_(chunk), events_t.c.doc_id != "",
                            events_t.c.event_type.in_(sorted({t for t, _, _ in wanted}))))
                for ev, typ, place, with_country in c.execute(q):
                    if (typ, place, False) in wanted or ((typ, place, True) in wanted and not with_country):
                        out.add(ev)
        return out

    def candidate_event_ids_with_people(self, names: Iterable[str], countryless_only: bool) -> dict[str, list[tuple[str, str, str]]]:
        """person name -> [(event id, category, document id)] of events naming that person (only those naming no
        country when `countryless_only`): candidates for reports that name people but no country."""
        names = sorted({n for n in names if n})
        out: dict[str, list[tuple[str, str, str]]] = {}
        if not names:
            return out
        p = participants_t
        q = (sa.select(p.c.entity_name, events_t.c.id, events_t.c.event_type, events_t.c.doc_id)
             .join(events_t, events_t.c.id == p.c.event_id)
             .where(p.c.entity_type == "person", p.c.entity_name.in_(names)).distinct()
             .order_by(events_t.c.id))
        if countryless_only:
            q = q.where(events_t.c.id.not_in(WITH_COUNTRY))
        with self.engine.connect() as c:
            for name, eid, typ, doc in c.execute(q):
                out.setdefault(name, []).append((eid, typ, doc))
        return out

    def event_times(self, ids: Iterable[str]) -> dict[str, tuple[str, str | None, str | None, str | None]]:
        """event id -> (category, date, date text, its document's date): what the link step's time
        blocks read of a report, without reading the report itself."""
        out = {}
        q = (sa.select(events_t.c.id, events_t.c.event_type, events_t.c.date, events_t.c.date_text, documents_t.c.date)
             .join(documents_t, documents_t.c.id == events_t.c.doc_id))
        with self.engine.connect() as c:
            for chunk in chunks(sorted(set(ids))):
                out.update({r[0]: tuple(r[1:]) for r in c.execute(q.where(events_t.c.id.in_(chunk)))})
        return out

    def events_in_window(self, countries: Iterable[str], lo: str | None, hi: str | None,
                         event_types: Iterable[str] | None = None) -> set[str]:
        """Events with a participant of one of these countries, or with no country at all, whose
        document is dated from `lo` to `hi` (either None: open on that side), whose own date falls
        there (a date of another precision counts when its prefix does), or whose document has no date;
        of these categories only (all if None). Read through the participants' country index and the
        documents' date index: an update of the cross-document layer reads the reports of its own
        time, not the whole archive."""
        codes = sorted({c for c in countries if c})
        ev, doc = events_t, documents_t

        def in_range(col, lo_, hi_):
            conds = []
            if lo_:
                conds.append(col >= lo_)
            if hi_:
                conds.append(col <= hi_ + "~")
            return sa.and_(*conds) if conds else sa.true()

        when = sa.or_(doc.c.date.is_(None), in_range(doc.c.date, lo, hi),
                      in_range(ev.c.date, lo[:4] if lo else None, hi))
        base = sa.select(ev.c.id).join(doc, doc.c.id == ev.c.doc_id).where(when)
        if event_types is not None:
            base = base.where(ev.c.event_type.in_(sorted(set(event_types))))
        out: set[str] = set()
        with self.engine.connect() as c:
            for chunk in chunks(codes):
                q = base.where(ev.c.id.in_(sa.select(participants_t.c.event_id)
                                           .where(participants_t.c.country.in_(chunk))))
                out.update(r[0] for r in c.execute(q))
            out.update(r[0] for r in c.execute(base.where(ev.c.id.not_in(WITH_COUNTRY))))
        return out

    def events_without_country(self) -> list[str]:
        """Events no participant of which has a country (their derived records are refreshed always)."""
        q = sa.select(events_t.c.id).where(events_t.c.id.not_in(WITH_COUNTRY)).order_by(events_t.c.id)
        with self.engine.connect() as c:
            return [r[0] for r in c.execute(q)]

    def events_by_country(self, code: str) -> list[str]:
        q = (sa.select(participants_t.c.event_id).distinct().where(participants_t.c.country == code)
             .order_by(participants_t.c.event_id))
        with self.engine.connect() as c:
            return [r[0] for r in c.execute(q)]

    def events_by_pair(self, a: str, b: str) -> list[str]:
        """The events with a participant of each of two countries, found through the participants index
        (rather than by intersecting the two countries' whole lists)."""
        from .reading import filtered
        q = filtered(sa.select(events_t.c.id), pair=(a, b), pairs="pair-facets" in self.layout).order_by(events_t.c.id)
        with self.engine.connect() as c:
            return [r[0] for r in c.execute(q)]

    def add_links(self, edges: list[tuple[str, str, dict]]) -> None:
        if not edges:
            return
        uniq = {(min(a, b), max(a, b)): r for a, b, r in edges}
        rows = [{"a": a, "b": b, "reasons": dumps(r)} for (a, b), r in sorted(uniq.items())]
        with self._write() as c:
            for chunk in chunks(rows):
                keys = [(r["a"], r["b"]) for r in chunk]
                c.execute(links_t.delete().where(sa.tuple_(links_t.c.a, links_t.c.b).in_(keys)))
            bulk_insert(c, links_t, rows)

    def drop_links(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Remove these links (e.g. no longer in a canonical event's spanning set)."""
        keys = sorted({(min(a, b), max(a, b)) for a, b in pairs})
        if not keys:
            return
        with self._write() as c:
            for chunk in chunks(keys):
                c.execute(links_t.delete().where(sa.tuple_(links_t.c.a, links_t.c.b).in_(list(chunk))))

    def links(self, ids: Iterable[str] | None = None) -> list[tuple[str, str, dict]]:
        q = sa.select(links_t.c.a, links_t.c.b, links_t.c.reasons).order_by(links_t.c.a, links_t.c.b)
        with self.engine.connect() as c:
            if ids is None:
                return [(a, b, loads(r, {})) for a, b, r in c.execute(q)]
            out, seen = [], set()
            for chunk in chunks(list(set(ids))):
                for a, b, r in c.execute(q.where(sa.or_(links_t.c.a.in_(chunk), links_t.c.b.in_(chunk)))):
                    if (a, b) not in seen:
                        seen.add((a, b))
                        out.append((a, b, loads(r, {})))
            return out

    def clusters(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        """event id -> cluster id (events with no row are their own cluster)."""
        q = sa.select(clusters_t.c.event_id, clusters_t.c.cluster_id)
        with self.engine.connect() as c:
            if ids is None:
                return {a: b for a, b in c.execute(q)}
            out = {}
            for chunk in chunks(list(set(ids))):
                out.update({a: b for a, b in c.execute(q.where(clusters_t.c.event_id.in_(chunk)))})
            return out

    def cluster_members(self, cluster_ids: Iterable[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        with self.engine.connect() as c:
            for chunk in chunks(list(set(cluster_ids))):
                for ev, cl in c.execute(sa.select(clusters_t.c.event_id, clusters_t.c.cluster_id)
                                        .where(clusters_t.c.cluster_id.in_(chunk))):
                    out.setdefault(cl, []).append(ev)
        return {k: sorted(v) for k, v in out.items()}

    def set_clusters(self, mapping: dict[str, str]) -> None:
        if not mapping:
            return
        with self._write() as c:
            for chunk in chunks(list(mapping)):
                c.execute(clusters_t.delete().where(clusters_t.c.event_id.in_(chunk)))
            bulk_insert(c, clusters_t, [{"event_id": e, "cluster_id": k} for e, k in mapping.items()])

    def replace_derived(self, kind: str, records: list[dict], scope: set[str] | None) -> None:
        """Replace the derived records of a kind that involve any country in `scope` (None: all)."""
        with self._write() as c:
            if scope is None:
                c.execute(derived_t.delete().where(derived_t.c.kind == kind))
            else:
                for code in sorted(scope):
                    if code == "":     # the records that involve no country
                        c.execute(derived_t.delete().where(derived_t.c.kind == kind, derived_t.c.scope == "||"))
                        continue
                    c.execute(derived_t.delete().where(derived_t.c.kind == kind,
                                                       derived_t.c.scope.contains(f"|{code}|", autoescape=True)))
            rows = [{"kind": kind, "id": r["id"], "scope": "|" + "|".join(sorted(r.get("countries") or [])) + "|",
                     "status": r.get("status"), "record": dumps(r)} for r in records]
            for chunk in chunks([r["id"] for r in rows]):
                c.execute(derived_t.delete().where(derived_t.c.kind == kind, derived_t.c.id.in_(chunk)))
            bulk_insert(c, derived_t, rows)

    def put_derived(self, kind: str, records: list[dict], drop_ids: Iterable[str] = ()) -> None:
        """Write these derived records of a kind (each replacing the record of its id) and remove the
        records of `drop_ids`; the others are left as they are (an update's changes only)."""
        rows = [{"kind": kind, "id": r["id"], "scope": "|" + "|".join(sorted(r.get("countries") or [])) + "|",
                 "status": r.get("status"), "record": dumps(r)} for r in records]
        ids = sorted(set(drop_ids) | {r["id"] for r in rows})
        if not ids:
            return
        with self._write() as c:
            for chunk in chunks(ids):
                c.execute(derived_t.delete().where(derived_t.c.kind == kind, derived_t.c.id.in_(chunk)))
            bulk_insert(c, derived_t, rows)

    SOURCES = "agreement_src"   # derived rows naming the canonical events agreements are built from

    def agreement_sources(self, scope: set[str] | None) -> set[str] | None:
        """The canonical events that agreements are built from (`put_agreement_sources`) involving a country
        of `scope` ("" for those involving none; None: all); None when the store has no such list yet
        (written by a rebuild or the first update that needs it)."""
        d = derived_t
        with self.engine.connect() as c:
            if c.execute(sa.select(d.c.id).where(d.c.kind == self.SOURCES, d.c.id == "*")).first() is None:
                return None
            q = sa.select(d.c.id).where(d.c.kind == self.SOURCES, d.c.id != "*")
            if scope is None:
                return {r[0] for r in c.execute(q)}
            out: set[str] = set()
            for code in sorted(scope):
                cond = d.c.scope == "||" if code == "" else d.c.scope.contains(f"|{code}|", autoescape=True)
                out.update(r[0] for r in c.execute(q.where(cond)))
            return out

    def put_agreement_sources(self, found: dict[str, list[str]], drop_ids: Iterable[str] = (),
                              replace: set[str] | None | bool = False) -> None:
        """Record which canonical events (id -> their countries) agreements are built from, and remove
        those of `drop_ids`; with `replace` (a set of countries, or None for all) every other one of
        those countries is removed first."""
        rows = [{"id": i, "countries": cs} for i, cs in sorted(found.items())]
        if replace is not False:
            self.replace_derived(self.SOURCES, rows, replace)
            rows = []
        self.put_derived(self.SOURCES, rows + [{"id": "*", "countries": ["*"]}], drop_ids)

    def derived(self, kind: str) -> list[dict]:
        q = sa.select(derived_t.c.record).where(derived_t.c.kind == kind).order_by(derived_t.c.id)
        with self.engine.connect() as c:
            return [loads(r[0], {}) for r in c.execute(q)]

    def clear_links(self) -> None:
        with self._write() as c:
            for t in (links_t, clusters_t, derived_t):
                c.execute(t.delete())

    # ---- crash recovery -------------------------------------------------------------------

    def unlinked_documents(self, *, skip_live: bool = False) -> list[str]:
        """Ids of documents stored but not yet covered by the cross-document link step.
        `skip_live`: leave out those of runs still going on in another process (that run links them)."""
        q = sa.select(unlinked_t.c.doc_id, documents_t.c.run_id).join(
            documents_t, documents_t.c.id == unlinked_t.c.doc_id).order_by(unlinked_t.c.doc_id)
        live = self.live_runs() if skip_live else set()
        with self.engine.connect() as c:
            return [doc_id for doc_id, run_id in c.execute(q) if run_id is None or run_id not in live]

    def mark_linked(self, doc_ids: Iterable[str] | None = None) -> None:
        """Record that the link step has covered these documents (None: all)."""
        with self._write() as c:
            if doc_ids is None:
                c.execute(unlinked_t.delete())
                return
            for chunk in chunks(sorted(set(doc_ids))):
                c.execute(unlinked_t.delete().where(unlinked_t.c.doc_id.in_(chunk)))
