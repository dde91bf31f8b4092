"""`export`, `failures` and `check`: the stored events written out, the rejected inputs, the
database verified."""
from __future__ import annotations

import sys

from ...io.export import write_csv, write_jsonl
from ...model import Failure
from ...sanitize import json_text
from .common import echo, open_store, write_output
from .options import filters_of


def cmd_export(args) -> int:
    store = open_store(args)
    if args.what != "events":
        if args.format != "jsonl":
            echo("pactwatch: only --format jsonl is available for canonical events, agreements, commitments "
                 "and actors", file=sys.stderr)
            return 2
        from ... import link
        records = {"canonical": lambda: link.canonical_events(store), "agreements": lambda: store.derived("agreement"),
                   "commitments": lambda: link.current_roles(store, store.derived("commitment")),
                   "actors": lambda: link.actor_registry(store)}[args.what]()

        def write_records(fp) -> int:
            for r in records:
                fp.write(json_text(r) + "\n")
            return len(records)

        n = write_output(args.output, write_records)
        what = f"{args.what} record(s)"
    else:
        events = store.events(**filters_of(args))
        writer = write_jsonl if args.format == "jsonl" else write_csv
        n = write_output(args.output, lambda fp: writer(events, fp), csv=args.format == "csv")
        what = "event(s)"
    if args.output and args.output != "-":
        echo(f"wrote {n} {what} to {args.output}", file=sys.stderr)
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
