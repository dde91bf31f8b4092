"""`ingest` and `demo`: articles read, coded, stored and linked, with a one-line summary."""
from __future__ import annotations

import sys
from pathlib import Path

from ... import lexicon
from ...io.store import Store, remove_database
from .common import OPEN_STORES, echo, open_store, print_table


def cmd_ingest(args) -> int:
    from ...io.ingest import DEFAULT_LIMITS, Limits
    limits = Limits(max_bytes=args.max_bytes or DEFAULT_LIMITS.max_bytes,
                    max_line_chars=args.max_line_chars or DEFAULT_LIMITS.max_line_chars,
                    max_chars=args.max_chars or DEFAULT_LIMITS.max_chars)
    from ...engines import EngineError, get_engine
    if args.address and args.engine != "ray":
        echo("pactwatch ingest: error: argument --address: only with --engine ray (the local engine runs on "
             "this machine)", file=sys.stderr)
        return 2
    try:  # Ray not installed: said before anything is opened
        engine = get_engine(args.engine, args.processes, address=args.address)
    except EngineError as e:
        echo(f"pactwatch: {e}", file=sys.stderr, oneline=True)
        return 1
    with engine:
        try:  # Ray started or joined, its workers loaded: errors before the database is created
            engine.start()
        except EngineError as e:
            echo(f"pactwatch: {e}", file=sys.stderr, oneline=True)
            return 1
        store = open_store(args, write=True, create=True)  # ingest creates the database when it is new
        summary = run_ingest(args.paths, store, args.processes, quiet=args.quiet, limits=limits, engine=engine)
    return 0 if summary.failed == 0 or summary.new + summary.updated + summary.unchanged > 0 else 1


def run_ingest(paths, store, processes, quiet=False, command="ingest", limits=None, engine=None):
    from ...io.ingest import DEFAULT_LIMITS
    from ..service import ingest_paths
    bar = None
    if not quiet and sys.stderr.isatty():
        from tqdm import tqdm
        bar = tqdm(unit="doc", desc="ingest", file=sys.stderr, leave=False)
    summary = ingest_paths(paths, store, processes=processes, progress=bar.update if bar else None, command=command,
                           limits=limits or DEFAULT_LIMITS, engine=engine)
    if bar:
        bar.close()
    echo(f"read {summary.read}  new {summary.new}  updated {summary.updated}  unchanged {summary.unchanged}  "
          f"failed {summary.failed}  events {summary.events}")
    for doc_id, what in summary.updated_ids:  # never replace a stored document silently
        echo(f"  updated: {doc_id} ({what}; the stored version was replaced)", oneline=True)
    if summary.recovered:
        echo(f"  recovered: {summary.recovered} document(s) stored by an earlier run that was stopped before "
              f"linking them; cross-document layer rebuilt")
    if summary.link is not None and not quiet:
        echo(summary.link)
    for f in summary.failures:
        echo(f"  failed: {f}", file=sys.stderr, oneline=True)
    if summary.failures:
        echo(f"  {len(summary.failures)} input(s) rejected: fix them and run the same command again (what is "
             f"stored is skipped as unchanged); `pactwatch failures` lists them", file=sys.stderr)
    if not quiet:
        for w in summary.warnings[:20]:
            echo(f"  warning: {w}", file=sys.stderr, oneline=True)
        if len(summary.warnings) > 20:
            echo(f"  ... and {len(summary.warnings) - 20} more warnings", file=sys.stderr)
    return summary


def demo_corpus_dir() -> Path:
    return lexicon.DATA_DIR / "demo" / "corpus"


def cmd_demo(args) -> int:
    db = args.db or "pactwatch-demo.db"
    remove_database(db)  # only a pactwatch database is ever removed: any other file is refused
    store = Store(db)
    OPEN_STORES.append(store)
    corpus = demo_corpus_dir()
    echo(f"demo corpus: {corpus}")
    run_ingest([str(corpus)], store, args.processes, quiet=args.quiet, command="demo")
    events = store.events()
    echo()
    print_table(events[: args.limit] if args.limit else events)
    by_type: dict[str, int] = {}
    for e in events:
        by_type[e.event_type] = by_type.get(e.event_type, 0) + 1
    echo()
    echo(f"{len(events)} events in {db}: " + ", ".join(f"{k} {v}" for k, v in sorted(by_type.items(), key=lambda x: -x[1])))
    canon = len(set(store.clusters().values()) | {e.id for e in events if e.id not in store.clusters()})
    commitments = store.derived("commitment")
    status: dict[str, int] = {}
    for c in commitments:
        status[c["status"]] = status.get(c["status"], 0) + 1
    echo(f"across documents: {canon} canonical events; {len(commitments)} commitments ("
          + ", ".join(f"{k} {v}" for k, v in sorted(status.items())) + f"); "
          f"{len(store.derived('agreement'))} agreements")
    echo(f"next: pactwatch events --db {db} --pair KOR USA   |   pactwatch show EVENT_ID --db {db}   |   "
          f"pactwatch commitments --db {db}   |   pactwatch timeline --pair KOR USA --db {db}")
    store.close()
    return 0
