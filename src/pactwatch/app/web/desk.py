"""The web app's one way to the data: the store opened read-only (or why it cannot be), and the
results that take more than a moment on a large database (commitments, agreements, the actor
registry, the overview's counts, a relationship's timeline) kept until the database changes
(`Store.data_version`). Everything here reads through `Store` and `app.queries`."""
from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from typing import Any, Callable

from ...io.store import Store, StoreError, describe_db_error
from .. import queries

log = logging.getLogger("pactwatch.serve")

RETRY_S = 2.0          # a database that could not be opened is tried again at most this often
TIMELINES_KEPT = 64    # relationship timelines kept at once
ANSWERS_KEPT = 1024    # aggregate answers (counts, months, pairs, places) kept at once
CANONICAL_KEPT = 4096  # canonical event records kept at once


class NotFound(Exception):
    """No such event, document, actor or pair: the message says which."""


class Unavailable(Exception):
    """The database cannot be read: missing, not pactwatch's, another schema version, damaged."""


class Desk:
    """The store behind the app, opened on first use and kept; cached results per data version."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.where = Store.describe_target(db)
        self._store: Store | None = None
        self._error: str | None = None
        self._tried = 0.0
        self._lock = threading.RLock()
        self._version: tuple | None = None
        self._checked = 0.0
        self._cache: dict[str, Any] = {}
        self._timelines: OrderedDict[tuple, list[dict]] = OrderedDict()
        self._answers: OrderedDict[tuple, Any] = OrderedDict()
        self._canonical: OrderedDict[str, dict] = OrderedDict()
        self._computing: dict[str, threading.Lock] = {}

    # ---- the store -----------------------------------------------------------------------
    def store(self) -> Store:
        if self._store is not None:
            return self._store
        with self._lock:
            if self._store is not None:
                return self._store
            if self._error and time.monotonic() - self._tried < RETRY_S:
                raise Unavailable(self._error)
            self._tried = time.monotonic()
            try:
                self._store = Store(self.db, create=False, readonly=True)
            except StoreError as e:
                self._fail(str(e))
            except Exception as e:  # noqa: BLE001 - a database error of the driver: said in one line
                self._fail(f"{self.where}: {describe_db_error(e)}")
            if self._error:
                log.info("pactwatch serve: the database can be read again: %s", self.where)
            self._error = None
            return self._store

    def _fail(self, message: str) -> None:
        if message != self._error:
            log.error("pactwatch serve: cannot read the database: %s", message)
        self._error = message
        raise Unavailable(message)

    @property
    def error(self) -> str | None:
        return self._error

    def version(self) -> tuple | None:
        """The database's current data version (see `Store.data_version`); None while it cannot be read."""
        try:
            self._fresh()
        except Unavailable:
            return None
        return self._version

    def close(self) -> None:
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    def event(self, event_id: str):
        """The event with this id, or NotFound."""
        ev = self.store().event(event_id)
        if ev is None:
            raise NotFound(f"no event with id {event_id[:80]!r} in this database")
        return ev

    def document(self, doc_id: str):
        """The document with this id, or NotFound."""
        doc = self.store().document(doc_id)
        if doc is None:
            raise NotFound(f"no document with id {doc_id[:80]!r} in this database")
        return doc

    # ---- cached results ------------------------------------------------------------------
    def _fresh(self) -> None:
        """Forget cached results when the database changed (checked at most every 0.5 s)."""
        now = time.monotonic()
        if now - self._checked < 0.5:
            return
        version = self.store().data_version()
        self._checked = now
        if version != self._version:
            with self._lock:
                if version != self._version:
                    self._cache = {}
                    self._timelines = OrderedDict()
                    self._answers = OrderedDict()
                    self._canonical = OrderedDict()
                    self._version = version

    def cached(self, key: str, compute: Callable[[Store], Any]) -> Any:
        self._fresh()
        cache = self._cache
        if key in cache:
            return cache[key]
        with self._lock:
            gate = self._computing.setdefault(key, threading.Lock())
        with gate:  # one thread computes, the others wait for its result
            if key in cache:
                return cache[key]
            value = compute(self.store())
            cache[key] = value
            return value

    def agreements(self) -> list[dict]:
        return self.cached("agreements", lambda s: sorted(
            queries.agreements(s), key=lambda r: (min((st["date"] or "9999" for st in r["stages"]), default="9999"),
                                                   r["id"])))

    def actors(self) -> list[dict]:
        from ... import link
        return self.cached("actors", lambda s: link.actor_registry(s))

    def overview(self) -> dict:
        def compute(s: Store) -> dict:
            stages: dict[str, int] = {}
            for a in self.agreements():
                stages[a["status"] or "?"] = stages.get(a["status"] or "?", 0) + 1
            total_c, latest = self.canonical_page({}, limit=12)
            return {"months": self.ask("event_months"), "pairs": self.ask("country_pairs", limit=15),
                    "commitments": self.commitment_counts(),
                    "agreements": dict(sorted(stages.items())), "canonical_total": total_c,
                    "latest": self.canonical(latest), "counts": s.counts()}
        return self.cached("overview", compute)

    def _kept(self, table: OrderedDict, key: tuple, most: int, compute: Callable[[], Any]) -> Any:
        """`compute()`, kept in `table` under `key` (the least recently used dropped past `most`)."""
        self._fresh()
        with self._lock:
            if key in table:
                table.move_to_end(key)
                return table[key]
        value = compute()
        with self._lock:
            table[key] = value
            while len(table) > most:
                table.popitem(last=False)
        return value

    def timeline(self, a: str, b: str, topic: str | None) -> list[dict]:
        from ... import link
        return self._kept(self._timelines, (a, b, topic), TIMELINES_KEPT,
                          lambda: link.timeline(self.store(), a, b, topic))

    def ask(self, method: str, filters: dict | None = None, **kw: Any) -> Any:
        """`Store.<method>(filters, **kw)` for an aggregate read (a count, the months, pairs, countries or
        places of a selection), kept until the database changes."""
        key = (method, tuple(sorted((filters or {}).items())), tuple(sorted(kw.items())))
        return self._kept(self._answers, key, ANSWERS_KEPT,
                          lambda: getattr(self.store(), method)(dict(filters or {}), **kw))

    def canonical(self, cluster_ids: list[str]) -> list[dict]:
        """The canonical event records of these clusters, in this order (each kept until the database
        changes; those not kept yet computed together)."""
        self._fresh()
        with self._lock:
            missing = [c for c in cluster_ids if c not in self._canonical]
        if missing:
            fresh = {r["id"]: r for r in queries.canonical(self.store(), missing)}
            with self._lock:
                for k in missing:
                    if k in fresh:
                        self._canonical[k] = fresh[k]
                while len(self._canonical) > CANONICAL_KEPT:
                    self._canonical.popitem(last=False)
        with self._lock:
            return [self._canonical[c] for c in cluster_ids if c in self._canonical]

    def commitments_for(self, status: str | None = None, country: str | None = None,
                        pair: tuple[str, str] | None = None) -> list[dict]:
        """All the commitments of `queries.commitments` of this status, country, pair (the store reads
        those only), the answer kept until the database changes: for a pair's page."""
        return self._kept(self._answers, ("commitments", status, country, pair), ANSWERS_KEPT,
                          lambda: queries.commitments(self.store(), status, country, pair))

    def commitment_page(self, status: str | None = None, country: str | None = None,
                        pair: tuple[str, str] | None = None, *, offset: int = 0,
                        limit: int = 50) -> tuple[int, list[dict]]:
        """(how many commitments match, those of rows offset .. offset+limit): the page read alone, the
        total from the store's counts (kept)."""
        counts = self.commitment_counts(country, pair)
        total = counts.get(status, 0) if status else sum(counts.values())
        return total, queries.commitment_page(self.store(), status, country, pair, offset, limit)

    def agreements_for(self, pair: tuple[str, str]) -> list[dict]:
        """The agreements both countries are parties to (kept, as `commitments_for`)."""
        return self._kept(self._answers, ("agreements", pair), ANSWERS_KEPT,
                          lambda: [r for r in self.agreements() if set(pair) <= set(r["parties"])])

    def commitment_counts(self, country: str | None = None, pair: tuple[str, str] | None = None) -> dict[str, int]:
        """status -> how many of the commitments with this country / pair (counted by the store, kept)."""
        return self._kept(self._answers, ("commitment counts", country, pair), ANSWERS_KEPT,
                          lambda: queries.commitment_counts(self.store(), country, pair))

    def events_page(self, filters: dict, **kw: Any) -> tuple[int, list]:
        """A page of events with the total of the selection (the total kept, see `ask`)."""
        _, rows = self.store().events_page(filters, count=False, **kw)
        return self.ask("event_count", filters), rows

    def canonical_page(self, filters: dict, **kw: Any) -> tuple[int, list[str]]:
        _, ids = self.store().canonical_page(filters, count=False, **kw)
        return self.ask("canonical_count", filters), ids

    def warm(self) -> None:
        """Compute the cached results now (the server does it in the background when it starts)."""
        try:
            self.overview()
            self.actors()
        except Unavailable:
            pass
        except Exception:  # noqa: BLE001 - a failure here shows again on the page that needs it
            log.exception("pactwatch serve: warming the caches failed")
