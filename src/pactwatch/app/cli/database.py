"""`export`, `failures` and `check`: the stored events written out, the rejected inputs, the
database verified."""
from __future__ import annotations

import sys

from ...io.export import write_csv, write_jsonl
from ...model import Failure
from ...sanitize import json_text
from .. import queries
from .common import echo, open_store, write_output
from .options import filters_of


def cmd_export(args) -> int:
    store = open_store(args)
    if args.format == "parquet":
        return _export_parquet(args, store)
    args.what = args.what or "events"
    if args.what != "events":
        if args.format != "jsonl":
            echo("pactwatch: only --format jsonl is available for canonical events, agreements, commitments "
                 "and actors", file=sys.stderr)
            return 2
        from ... import link
        records = {"canonical": lambda: link.canonical_events(store),
                   "agreements": lambda: _derived(store, "agreement", roles=False),
                   "commitments": lambda: _derived(store, "commitment", roles=True),
                   "actors": lambda: link.actor_registry(store)}[args.what]()

        def write_records(fp) -> int:
            n = 0
            for r in records:
                fp.write(json_text(r) + "\n")
                n += 1
            return n

        n = write_output(args.output, write_records)
        what = f"{args.what} record(s)"
    else:
        events = store.iter_events(**filters_of(args))   # a batch at a time
        writer = write_jsonl if args.format == "jsonl" else write_csv
        n = write_output(args.output, lambda fp: writer(events, fp), csv=args.format == "csv")
        what = "event(s)"
    if args.output and args.output != "-":
        echo(f"wrote {n} {what} to {args.output}", file=sys.stderr)
    return 0


def _derived(store, kind: str, roles: bool):
    """The derived records of a kind by id, read 500 at a time (commitments: people in their current roles)."""
    from ... import link
    for batch in store.derived_batches(kind):
        yield from (link.current_roles(store, batch) if roles else batch)


def _export_parquet(args, store) -> int:
    """`export --format parquet --out DIR`: the tables of `io.parquet`, every one or the one --what names
    (the filters apply to the events and their participants)."""
    from ... import link
    from ...io.parquet import ParquetError, write_tables
    if not args.output or args.output == "-":
        echo("pactwatch: --format parquet writes a folder: give it with --out DIR", file=sys.stderr)
        return 2
    tables = {}
    # the events (with their participants, a table made of each event in the same pass) and the commitments
    # are read from the store as they are written (twice: the column types, then the rows), a batch at a
    # time, in the order of their dates
    if args.what in (None, "events"):
        filters = filters_of(args)

        def events():
            return (ev.to_dict() for ev in store.iter_events(**filters))

        def participants(ev: dict):
            return ({"event_id": ev["id"], "event_date": ev["date"], "side": side, "position": i, **ent}
                    for side in ("actor", "recipient") for i, ent in enumerate(ev[side]))
        tables["events"] = (events, lambda r: r["date"], {"participants": (participants, lambda r: r["event_date"])})
    if args.what is None:
        tables["documents"] = (store.documents(), lambda r: r["date"])
    if args.what in (None, "canonical"):
        tables["canonical"] = (link.canonical_events(store), lambda r: r["date"] or r.get("first_reported"))
    if args.what in (None, "commitments"):
        tables["commitments"] = (lambda: (r for batch in queries.commitment_batches(store) for r in batch),
                                 lambda r: r.get("made_on"))
    if args.what in (None, "agreements"):
        tables["agreements"] = (store.derived("agreement"),
                                lambda r: min((s["date"] for s in r.get("stages", []) if s.get("date")), default=None))
    if args.what in (None, "actors"):
        tables["actors"] = (link.actor_registry(store), lambda r: r.get("first_seen"))
    try:
        counts = write_tables(args.output, tables)
    except ParquetError as e:
        echo(f"pactwatch: {e}", file=sys.stderr, oneline=True)
        return 1
    echo(f"wrote {', '.join(f'{n} {name}' for name, n in counts.items())} to {args.output}/ "
         f"(Parquet, partitioned by year and month)", file=sys.stderr)
    return 0


def cmd_failures(args) -> int:
    store = open_store(args)
    rows = store.failures()
    for r in rows:
        echo(Failure(origin=r["origin"], reason=r["reason"], line=r.get("line")), oneline=True)
    echo(f"{len(rows)} failure(s)")
    return 0


def cmd_check(args) -> int:
    store = open_store(args)
    counts = store.counts()
    extra = {"unlinked": len(store.unlinked_documents())}
    echo("  ".join(f"{k} {v}" for k, v in {**counts, **extra}.items()))
    problems = store.check()
    for w in store.check_warnings():
        echo(f"  warning: {w}")
    for p in problems:
        echo(f"  problem: {p}")
    echo(f"{len(problems)} problem(s)" if problems else "ok: no problems found")
    store.close()
    return 1 if problems else 0
