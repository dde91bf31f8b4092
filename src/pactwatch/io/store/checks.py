"""`check`: the whole database verified (orphan rows, spans out of range, evidence that differs
from the document text, documents without sentences); `check_warnings`: runs stopped or failed,
documents not yet linked."""
from __future__ import annotations

import sqlalchemy as sa

from .rows import chunks, clip, loads
from .runs import RunsMixin
from .schema import (clusters_t, documents_t, events_t, evidence_t, facets_t, failures_t, links_t, mentions_t,
                     participants_t, runs_t, search_t, sentences_t, topics_t, unlinked_t)


class ChecksMixin(RunsMixin):
    """check / check_warnings."""

    def check(self) -> list[str]:
        """Verify the database; returns the problems found (empty when consistent).

        Looks for orphan rows in every child table, evidence spans out of range or whose
        text differs from the document text at their offsets, sentence and mention spans
        out of range, and documents with article text but no sentences. Runs that never
        finished and documents not yet linked are not errors: see `check_warnings`."""
        problems: list[str] = []
        d, e = documents_t.c, events_t.c
        orphan_specs = [
            ("sentences", sentences_t.c.doc_id, d.id, documents_t),
            ("mentions", mentions_t.c.doc_id, d.id, documents_t),
            ("events", e.doc_id, d.id, documents_t),
            ("event_participants", participants_t.c.event_id, e.id, events_t),
            ("event_topics", topics_t.c.event_id, e.id, events_t),
            ("evidence", evidence_t.c.event_id, e.id, events_t),
            ("evidence", evidence_t.c.doc_id, d.id, documents_t),
            ("event_links", links_t.c.a, e.id, events_t),
            ("event_links", links_t.c.b, e.id, events_t),
            ("event_clusters", clusters_t.c.event_id, e.id, events_t),
            ("event_facets", facets_t.c.event_id, e.id, events_t),
            ("event_search", search_t.c.event_id, e.id, events_t),
            ("unlinked", unlinked_t.c.doc_id, d.id, documents_t),
            ("failures", failures_t.c.run_id, runs_t.c.id, runs_t),
            ("documents", d.run_id, runs_t.c.id, runs_t),
        ]
        with self.engine.connect() as c:
            for name, col, parent_col, parent in orphan_specs:
                cond = sa.and_(col.is_not(None), ~sa.exists().where(parent_col == col))
                n = c.execute(sa.select(sa.func.count()).select_from(col.table).where(cond)).scalar_one()
                if n:
                    ex = c.execute(sa.select(col).where(cond).limit(3)).scalars().all()
                    problems.append(f"{n} orphan row(s) in {name}: {col.name} not in {parent.name} "
                                    f"(e.g. {', '.join(repr(x) for x in ex)})")
            n = c.execute(sa.select(sa.func.count()).select_from(events_t)
                          .where(~sa.exists().where(search_t.c.event_id == e.id))).scalar_one()
            if n:
                problems.append(f"{n} event(s) missing from the text search index (event_search): "
                                f"`events --text` would not find them; ingest their documents again")
            ids = [r[0] for r in c.execute(sa.select(d.id).order_by(d.id))]
            for chunk in chunks(ids, 200):
                docs = {i: (text, start) for i, text, start in
                        c.execute(sa.select(d.id, d.text, d.body_start).where(d.id.in_(chunk)))}
                n_sent: dict[str, int] = {}
                for doc_id, idx, s0, s1 in c.execute(
                        sa.select(sentences_t.c.doc_id, sentences_t.c.idx, sentences_t.c.start, sentences_t.c.end)
                        .where(sentences_t.c.doc_id.in_(chunk))):
                    n_sent[doc_id] = n_sent.get(doc_id, 0) + 1
                    if not 0 <= s0 <= s1 <= len(docs[doc_id][0]):
                        problems.append(f"sentence {idx} of document {doc_id!r}: span {s0}-{s1} out of range "
                                        f"(text has {len(docs[doc_id][0])} characters)")
                for doc_id, s0, s1 in c.execute(
                        sa.select(mentions_t.c.doc_id, mentions_t.c.start, mentions_t.c.end)
                        .where(mentions_t.c.doc_id.in_(chunk), mentions_t.c.start.is_not(None),
                               mentions_t.c.end.is_not(None))):
                    if not 0 <= s0 <= s1 <= len(docs[doc_id][0]):
                        problems.append(f"entity mention in document {doc_id!r}: span {s0}-{s1} out of range")
                for doc_id, (text, body_start) in docs.items():
                    if text[body_start or 0:].strip() and not n_sent.get(doc_id):
                        problems.append(f"document {doc_id!r} has article text but no sentences")
                q = (sa.select(evidence_t.c.event_id, evidence_t.c.position, evidence_t.c.doc_id,
                               evidence_t.c.start, evidence_t.c.end, evidence_t.c.text)
                     .where(evidence_t.c.doc_id.in_(chunk)))
                for eid, pos, doc_id, s0, s1, quoted in c.execute(q):
                    text = docs[doc_id][0]
                    where = f"evidence {pos} of event {eid!r}"
                    if s0 is None or s1 is None or not 0 <= s0 <= s1 <= len(text):
                        problems.append(f"{where}: span {s0}-{s1} out of range of document {doc_id!r} "
                                        f"({len(text)} characters)")
                    elif quoted is not None and text[s0:s1] != quoted:
                        problems.append(f"{where}: text {clip(quoted)!r} differs from document {doc_id!r} "
                                        f"at {s0}-{s1} ({clip(text[s0:s1])!r})")
        return problems

    def check_warnings(self) -> list[str]:
        """Things worth knowing that are not inconsistencies: runs still going on, stopped or failed,
        and documents whose cross-document link step is still to do."""
        out: list[str] = []
        live = self.live_runs()
        with self.engine.connect() as c:
            for rid, cmd, started, finished, counts in c.execute(
                    sa.select(runs_t.c.id, runs_t.c.command, runs_t.c.started_at, runs_t.c.finished_at,
                              runs_t.c.counts).order_by(runs_t.c.id)):
                info = loads(counts, {}) or {}
                if finished is None and rid in live:
                    out.append(f"run {rid} ({cmd}, started {started}) is still running (process {info.get('pid')})")
                elif finished is None:
                    out.append(f"run {rid} ({cmd}, started {started}) never finished: it was stopped")
                elif info.get("status") == "failed":
                    out.append(f"run {rid} ({cmd}, started {started}) failed: {info.get('error')}")
            n = c.execute(sa.select(sa.func.count()).select_from(unlinked_t)).scalar_one()
        if n:
            out.append(f"{n} document(s) stored but not yet linked across documents "
                       f"(the next ingest, or `pactwatch link`, does it)")
        return out
