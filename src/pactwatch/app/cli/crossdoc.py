"""The cross-document commands: `link`, `actors`, `agreements`, `commitments`, `timeline`."""
from __future__ import annotations

from collections import Counter

from .. import queries
from .common import clip, echo, open_store, who


def cmd_link(args) -> int:
    from ... import link
    store = open_store(args, write=True)
    ids = list(store.document_dates())
    jobs = args.processes
    report = link.rebuild(store, jobs=jobs) if args.rebuild else link.update(store, ids, jobs=jobs)
    store.mark_linked(ids)
    echo(report)
    return 0


def cmd_actors(args) -> int:
    from ... import link
    rows = link.actor_registry(open_store(args), args.query)
    for r in rows[: args.limit or None]:
        roles = "; ".join(f"{x['role']} ({', '.join(sorted(x['dates'])) or 'undated'})" for x in r["roles"]) or "-"
        echo(f"{r['entity_name']}  [{r['entity_type']}; {'/'.join(r['countries']) or '?'}; "
              f"{'/'.join(r['sectors']) or '?'}]  {r['mentions']} mention(s) in {len(r['documents'])} document(s)")
        if r["aliases"]:
            echo(f"    aliases: {', '.join(r['aliases'])}")
        echo(f"    roles: {roles}")
        if args.query:
            echo(f"    documents: {', '.join(r['documents'])}")
    echo(f"{len(rows)} actor(s)")
    return 0


def cmd_agreements(args) -> int:
    rows = queries.agreements(open_store(args), args.query)
    for r in rows:
        echo(f"{r['name'] or '(unnamed)'} — {r['kind']}   parties {', '.join(r['parties']) or '-'}   "
              f"status {r['status']}   topics {', '.join(r['topics']) or '-'}")
        if r["signatories"]:
            echo(f"    signatories: {', '.join(r['signatories'])}")
        for st in r["stages"]:
            ev = st["evidence"][0] if st["evidence"] else None
            echo(f"    {st['date'] or '?':10s}  {st['stage']:13s} {', '.join(st['documents'])}"
                  + (f"  \"{clip(ev['text'], 90)}\"" if ev else ""))
    echo(f"{len(rows)} agreement(s)")
    return 0


def cmd_commitments(args) -> int:
    counts: Counter = Counter()
    for batch in queries.commitment_batches(open_store(args), args.status, args.country):   # a batch in memory
        for r in batch:
            counts[r["status"]] += 1
            echo(f"[{r['status']}] {r['made_on'] or '?'}  {who(r['actor'])} -> {who(r['recipient'])}"
                  + (f"   due {r['due']}" if r["due"] else ""))
            echo(f"    {clip(r['what'], 110)}")
            echo(f"    {r['status_reason']}" + (f"; see {r['resolved_by']} ({r['resolved_on']})" if r["resolved_by"] else ""))
            if r["resolved_evidence"]:
                echo(f"    \"{clip(r['resolved_evidence'][0]['text'], 100)}\" ({r['resolved_evidence'][0]['doc_id']})")
    echo(f"{sum(counts.values())} commitment(s): " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


def cmd_timeline(args) -> int:
    from ... import link
    store = open_store(args)
    rows = link.timeline(store, args.pair[0], args.pair[1], args.topic)
    for r in rows:
        when = r["date"] or f"(reported {r['first_reported']})"
        echo(f"{when:12s} {r['event_type']:9s} {who(r['actor'])}" + (f" -> {who(r['recipient'])}" if r["recipient"] else "")
              + (f"  @ {r['location']['name']}" if r["location"] else "")
              + (f"  [{r['agreement'].get('name') or r['agreement'].get('kind')}]" if r["agreement"] else ""))
        ev = r["evidence"][0]
        echo(f"             \"{clip(ev['text'], 100)}\"  — {', '.join(r['documents'])}"
              + (f" ({r['n_documents']} reports)" if r["n_documents"] > 1 else ""))
    echo(f"{len(rows)} event(s) between {args.pair[0].upper()} and {args.pair[1].upper()}")
    return 0
