"""The ingest service: files and folders in; documents read, coded (`pipeline.extract_many`),
saved in batches and linked across documents, the run and its failures recorded (`ingest_paths`)."""
from __future__ import annotations

import gc
from dataclasses import dataclass, field
from typing import Callable, Iterator

from ..io.ingest import DEFAULT_LIMITS, Limits, iter_documents
from ..io.store import StoreError
from ..model import DocResult, Document, Failure
from .. import pipeline


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    link: object = None           # link.LinkReport of the cross-document update
    updated_ids: list[tuple[str, str]] = field(default_factory=list)  # (doc id, what changed) of replaced docs
    recovered: int = 0            # documents an earlier, stopped run stored but never linked

    def as_dict(self) -> dict:
        return {"read": self.read, "new": self.new, "updated": self.updated, "unchanged": self.unchanged,
                "failed": self.failed, "events": self.events}


def ingest_paths(paths: list[str], store, processes: int = 1, limits: Limits = DEFAULT_LIMITS,
                 progress: Callable[[int], None] | None = None, command: str = "ingest",
                 link: bool = True, engine=None) -> IngestSummary:
    """Read, extract and store. Unchanged documents are not processed again. `engine` (see
    `pactwatch.engines`) codes the documents; without one, `processes` local worker processes do.

    Crash safety: documents are saved one transaction per batch, each with an "unlinked"
    mark written in the same transaction; the mark is removed once the cross-document link
    step has covered the document. A run stopped at any point (even by SIGKILL) therefore
    leaves whole documents only, and the next run re-reads the inputs (stored documents are
    skipped as unchanged, the rest are processed) and, if an earlier run left unlinked
    documents, rebuilds the cross-document layer so it is exactly what one clean run gives."""
    summary = IngestSummary()
    # documents a run that is still going on (another process) stored are its to link: not ours to recover
    leftover = store.unlinked_documents(skip_live=True) if link else []
    summary.recovered = len(leftover)
    run_id = store.start_run(command, [str(p) for p in paths])
    frozen = _freeze_heap()
    try:
        _ingest(paths, store, processes, limits, progress, link, summary, leftover, run_id, engine)
    except BaseException as e:  # the run is recorded as failed (not as still running), then the error goes on
        reason = "interrupted" if isinstance(e, KeyboardInterrupt) else f"{type(e).__name__}: {e}"
        store.fail_run(run_id, reason, summary.as_dict())
        raise
    finally:
        if frozen:
            gc.unfreeze()
    store.finish_run(run_id, summary.as_dict())
    return summary


def _freeze_heap() -> bool:
    """Keep the objects that exist before a run (the spaCy model, coders, gazetteer, knowledge tables:
    hundreds of thousands of them) out of the garbage collector's full collections during the run
    (`gc.freeze`), which otherwise scan them all again and again while documents are coded; forked
    workers inherit the frozen heap too. Whether it froze (nothing was frozen before): the caller
    then unfreezes at the end of the run, and what was garbage by then is collected as usual."""
    if not gc.isenabled() or gc.get_freeze_count():
        return False
    gc.freeze()
    return True


def _ingest(paths, store, processes, limits, progress, link, summary, leftover, run_id, engine=None) -> None:
    """The body of `ingest_paths`: read, extract, save in batches, link."""
    changes: dict[str, str] = {}
    read_warnings: dict[str, int] = {}  # document id -> how many warnings it had when read

    def failed(f: Failure) -> None:
        summary.failed += 1
        summary.failures.append(f)
        store.record_failure(run_id, f)
        if progress:
            progress(1)

    def to_process() -> Iterator[Document]:
        """Documents that need the pipeline, streamed; failures and unchanged ones accounted for."""
        for item in iter_documents(paths, limits):
            summary.read += 1
            if isinstance(item, Failure):
                failed(item)
                continue
            summary.warnings.extend(f"{item.origin or item.id}: {w}" for w in item.warnings)
            read_warnings[item.id] = len(item.warnings)
            state = store.document_state(item)
            if state == "unchanged":
                summary.unchanged += 1
                if progress:
                    progress(1)
                continue
            if state == "changed":
                changes[item.id] = _what_changed(store.document(item.id), item)
            yield item

    pending: list[DocResult] = []
    stored: list[str] = []
    stale: set[str] = set()
    results = engine.extract(to_process()) if engine else pipeline.extract_many(to_process(), processes=processes)
    for res in results:
        if isinstance(res, Failure):
            failed(res)
            continue
        d = res.document  # warnings the pipeline added (e.g. sentences too long to code)
        summary.warnings.extend(f"{d.origin or d.id}: {w}" for w in d.warnings[read_warnings.get(d.id, 0):])
        pending.append(res)
        if len(pending) >= 64:
            stale |= _flush(store, pending, run_id, summary, progress, stored, changes)
    stale |= _flush(store, pending, run_id, summary, progress, stored, changes)
    if link and leftover:
        # an earlier run was stopped after storing documents but before linking them; which
        # clusters their replaced versions belonged to is not known, so rebuild the layer
        from .. import link as link_stage
        summary.link = link_stage.rebuild(store, jobs=processes, map_fn=engine.map if engine else None)
        store.mark_linked(set(leftover) | set(stored))
    elif link and (stored or stale):
        from .. import link as link_stage
        summary.link = link_stage.update(store, stored, stale_clusters=stale, jobs=processes,
                                         map_fn=engine.map if engine else None)
        store.mark_linked(stored)


def _bad_data(e: Exception) -> bool:
    """A store error caused by the data handed to it (as opposed to the database: full, locked...)."""
    return e.__cause__ is None or isinstance(e.__cause__, (UnicodeError, ValueError))


def _what_changed(old: Document | None, new: Document) -> str:
    if old is None:
        return "new"
    if old.text != new.text:
        return "text changed" + (f", date {old.date or 'none'} -> {new.date or 'none'}" if old.date != new.date else "")
    return f"date changed: {old.date or 'none'} -> {new.date or 'none'}"


def _flush(store, pending, run_id, summary, progress, stored, changes=None) -> set[str]:
    """Save a batch; returns the cross-document clusters that replaced documents belonged to."""
    if not pending:
        return set()
    old_events = store.event_ids([r.document.id for r in pending])
    stale = set(store.clusters(old_events).values()) if old_events else set()
    try:
        states = store.save_many(pending, run_id=run_id)
    except StoreError as e:
        if len(pending) == 1 or not _bad_data(e):
            raise
        # one result the store refuses (bad data, not a full disk): save one by one, so that only
        # the documents at fault fail
        states = []
        for r in pending:
            try:
                states += store.save_many([r], run_id=run_id)
            except StoreError as e1:
                if not _bad_data(e1):
                    raise
                states.append("failed")
                summary.failed += 1
                f = Failure(origin=r.document.origin or r.document.id, reason=f"not stored: {e1}",
                            doc_id=r.document.id)
                summary.failures.append(f)
                store.record_failure(run_id, f)
    stored.extend(r.document.id for r, st in zip(pending, states) if st in ("new", "updated"))
    for res, st in zip(pending, states):
        if st == "new":
            summary.new += 1
            summary.events += len(res.events)
        elif st == "updated":
            summary.updated += 1
            summary.events += len(res.events)
            summary.updated_ids.append((res.document.id, (changes or {}).get(res.document.id, "text changed")))
        elif st == "unchanged":
            summary.unchanged += 1
    if progress:
        progress(len(pending))
    pending.clear()
    return stale
