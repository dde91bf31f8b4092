"""pactwatch command line: a thin layer over the library.

    pactwatch ingest PATH...        read articles, extract events, store them
    pactwatch events [filters]      table of stored events
    pactwatch show EVENT_ID         one event with its evidence in context
    pactwatch export --format jsonl|csv [-o FILE]
    pactwatch failures              inputs that were rejected, with the reason
    pactwatch check                 verify the database (exit 1 on problems)
    pactwatch demo                  fresh database from the bundled demo corpus

The database is SQLite by default: --db PATH (or a SQLAlchemy URL), or the
PACTWATCH_DB environment variable, else ./pactwatch.db.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from importlib import resources
from pathlib import Path

from . import __version__
from .export import write_csv, write_jsonl
from .model import EVENT_TYPES, TOPICS, Failure
from .store import Store, default_db_path


def _store(args) -> Store:
    return Store(args.db or default_db_path())


def _participants(ev, side) -> str:
    ents = ev.actor if side == "actor" else ev.recipient
    return ", ".join(f"{e.entity_name} ({e.country})" if e.country else e.entity_name for e in ents)


def _short(ev) -> str:
    return ev.evidence[0].text if ev.evidence else ""


def _print_table(events, out=sys.stdout, width: int | None = None):
    width = width or max(100, min(160, _term_width()))
    cols = [("id", 16), ("date", 10), ("type", 9), ("actors", 34), ("recipients", 26), ("place", 12), ("topics", 20)]
    fixed = sum(w + 2 for _, w in cols)
    ev_w = max(20, width - fixed)
    header = "  ".join(f"{n:<{w}}" for n, w in cols) + "  evidence"
    print(header, file=out)
    print("-" * min(width, len(header) + ev_w - 8), file=out)
    for ev in events:
        cells = [ev.id, ev.date or "-", ev.event_type, _countries_and_names(ev.actor),
                 _countries_and_names(ev.recipient), ev.location.name if ev.location else "-",
                 ",".join(_abbrev_topic(t) for t in ev.topics) or "-"]
        row = "  ".join(f"{_clip(c, w):<{w}}" for c, (_, w) in zip(cells, cols))
        print(row + "  " + _clip(_short(ev).replace("\n", " "), ev_w), file=out)


def _countries_and_names(ents) -> str:
    if not ents:
        return "-"
    return ", ".join(e.entity_name + (f"/{e.country}" if e.country else "") if e.entity_type == "person"
                     else (e.country or e.entity_name) for e in ents)


def _abbrev_topic(t: str) -> str:
    return {"artificial_intelligence": "AI", "science_research": "science", "advanced_computing": "computing",
            "pharmaceuticals": "pharma", "critical_minerals": "minerals", "advanced_manufacturing": "manufacturing",
            "nuclear_energy": "nuclear", "communications": "comms", "biotechnology": "biotech"}.get(t, t)


def _clip(s: str, w: int) -> str:
    s = str(s)
    return s if len(s) <= w else s[: w - 1] + "…"


def _term_width() -> int:
    try:
        return os.get_terminal_size().columns
    except OSError:
        return 140


# ---------------------------------------------------------------------------------------------- commands
def cmd_ingest(args) -> int:
    from .ingest import DEFAULT_LIMITS, Limits
    for opt, v in (("--max-bytes", args.max_bytes), ("--max-line-chars", args.max_line_chars)):
        if v is not None and v < 1:
            print(f"pactwatch: {opt} must be a positive number", file=sys.stderr)
            return 2
    limits = Limits(max_bytes=args.max_bytes or DEFAULT_LIMITS.max_bytes,
                    max_line_chars=args.max_line_chars or DEFAULT_LIMITS.max_line_chars)
    store = _store(args)
    summary = _run_ingest(args.paths, store, args.processes, quiet=args.quiet, limits=limits)
    store.close()
    return 0 if summary.failed == 0 or summary.new + summary.updated + summary.unchanged > 0 else 1


def _run_ingest(paths, store, processes, quiet=False, command="ingest", limits=None):
    from .ingest import DEFAULT_LIMITS
    from .pipeline import ingest_paths
    bar = None
    if not quiet and sys.stderr.isatty():
        from tqdm import tqdm
        bar = tqdm(unit="doc", desc="ingest", file=sys.stderr, leave=False)
    summary = ingest_paths(paths, store, processes=processes, progress=bar.update if bar else None, command=command,
                           limits=limits or DEFAULT_LIMITS)
    if bar:
        bar.close()
    print(f"read {summary.read}  new {summary.new}  updated {summary.updated}  unchanged {summary.unchanged}  "
          f"failed {summary.failed}  events {summary.events}")
    for doc_id, what in summary.updated_ids:  # never replace a stored document silently
        print(f"  updated: {doc_id} ({what}; the stored version was replaced)")
    if summary.recovered:
        print(f"  recovered: {summary.recovered} document(s) stored by an earlier run that was stopped before "
              f"linking them; cross-document layer rebuilt")
    if summary.link is not None and not quiet:
        print(summary.link)
    for f in summary.failures:
        print(f"  failed: {f}", file=sys.stderr)
    if not quiet:
        for w in summary.warnings[:20]:
            print(f"  warning: {w}", file=sys.stderr)
        if len(summary.warnings) > 20:
            print(f"  ... and {len(summary.warnings) - 20} more warnings", file=sys.stderr)
    return summary


def _filters(args) -> dict:
    f = {}
    if args.country:
        f["country"] = args.country.upper()
    if args.pair:
        f["pair"] = (args.pair[0].upper(), args.pair[1].upper())
    if args.type:
        f["event_type"] = args.type.upper()
    if args.topic:
        f["topic"] = args.topic
    if args.date_from:
        f["date_from"] = args.date_from
    if args.date_to:
        f["date_to"] = args.date_to
    if args.text:
        f["text"] = args.text
    if args.doc:
        f["doc_id"] = args.doc
    return f


def cmd_events(args) -> int:
    store = _store(args)
    events = store.events(**_filters(args), limit=args.limit)
    _print_table(events)
    print(f"{len(events)} event(s)")
    return 0


def cmd_show(args) -> int:
    store = _store(args)
    ev = store.event(args.event_id)
    if ev is None:
        matches = [e for e in store.events() if e.id.startswith(args.event_id)]
        if len(matches) == 1:
            ev = matches[0]
    if ev is None:
        print(f"pactwatch: no event with id {args.event_id!r}", file=sys.stderr)
        return 2
    doc = store.document(ev.doc_id)
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    hl = (lambda s: f"\033[1;33m{s}\033[0m") if color else (lambda s: f"»{s}«")
    print(f"event {ev.id}   {ev.event_type}" + (f" ({', '.join(ev.mode)})" if ev.mode else "")
          + (f"   aux_mode {ev.aux_mode}" if ev.aux_mode else "") + f"   confidence {ev.confidence:.2f}")
    print(f"document   {ev.doc_id}" + (f" ({doc.date})" if doc and doc.date else ""))
    print(f"date       {ev.date or '-'}" + (f" [{ev.date_precision}] from '{ev.date_text}'" if ev.date else ""))
    if ev.location:
        loc = ev.location
        print(f"place      {loc.name}, {loc.country}  ({loc.lat}, {loc.lon}; GeoNames {loc.geonames_id})")
    else:
        print("place      -")
    for side, ents in (("actor", ev.actor), ("recipient", ev.recipient)):
        print(f"{side:<10} " + ("-" if not ents else ""))
        for e in ents:
            bits = [e.entity_type, e.country or "?", e.sector_code or "?"] + ([e.role] if e.role else [])
            print(f"           {e.entity_name}  [{' / '.join(bits)}]" + (
                f'  as "{e.raw_text}"' if e.raw_text != e.entity_name else ""))
    print(f"topics     {', '.join(ev.topics) or '-'}")
    print(f"context    {', '.join(ev.context) or '-'}")
    if ev.agreement:
        print(f"agreement  {ev.agreement.get('name') or '(unnamed)'} — {ev.agreement.get('kind')}")
    print(f"evidence   {len(ev.evidence)} span(s)")
    if doc is not None:
        text = doc.text
        for sp in ev.evidence:
            ps = text.rfind("\n\n", 0, sp.start)
            ps = doc.body_start if ps < 0 else ps + 2
            ps = max(ps, doc.body_start)
            pe = text.find("\n\n", sp.end)
            pe = len(text) if pe < 0 else pe
            para = text[ps:sp.start] + hl(text[sp.start:sp.end]) + text[sp.end:pe]
            print(f"  [{sp.start}-{sp.end}]")
            for line in textwrap.wrap(" ".join(para.split()), width=100):
                print("    " + line)
    else:
        for sp in ev.evidence:
            print(f"  [{sp.start}-{sp.end}] {hl(sp.text)}")
    return 0


def cmd_export(args) -> int:
    store = _store(args)
    if args.what != "events":
        if args.format != "jsonl":
            print("pactwatch: only --format jsonl is available for canonical events, agreements, commitments "
                  "and actors", file=sys.stderr)
            return 2
        from . import link
        records = {"canonical": lambda: link.canonical_events(store), "agreements": lambda: store.derived("agreement"),
                   "commitments": lambda: link.current_roles(store, store.derived("commitment")),
                   "actors": lambda: link.actor_registry(store)}[args.what]()
        fp = open(args.output, "w", encoding="utf-8") if args.output and args.output != "-" else sys.stdout
        for r in records:
            fp.write(json.dumps(r, ensure_ascii=False) + "\n")
        if fp is not sys.stdout:
            fp.close()
            print(f"wrote {len(records)} {args.what} record(s) to {args.output}", file=sys.stderr)
        return 0
    events = store.events(**_filters(args))
    writer = write_jsonl if args.format == "jsonl" else write_csv
    if args.output and args.output != "-":
        newline = "" if args.format == "csv" else None
        with open(args.output, "w", encoding="utf-8", newline=newline) as fp:
            n = writer(events, fp)
        print(f"wrote {n} event(s) to {args.output}", file=sys.stderr)
    else:
        n = writer(events, sys.stdout)
    return 0


def cmd_failures(args) -> int:
    store = _store(args)
    rows = store.failures()
    for r in rows:
        print(Failure(origin=r["origin"], reason=r["reason"], line=r.get("line")))
    print(f"{len(rows)} failure(s)")
    return 0


def _who(ents) -> str:
    return ", ".join(e["entity_name"] + (f" ({e['country']})" if e.get("country") and e["entity_type"] != "country"
                                         else "") for e in ents) or "-"


def cmd_link(args) -> int:
    from . import link
    store = _store(args)
    ids = list(store.document_dates())
    report = link.rebuild(store) if args.rebuild else link.update(store, ids)
    store.mark_linked(ids)
    print(report)
    return 0


def cmd_check(args) -> int:
    store = _store(args)
    counts = store.counts()
    extra = {"unlinked": len(store.unlinked_documents())}
    print("  ".join(f"{k} {v}" for k, v in {**counts, **extra}.items()))
    problems = store.check()
    for w in store.check_warnings():
        print(f"  warning: {w}")
    for p in problems:
        print(f"  problem: {p}")
    print(f"{len(problems)} problem(s)" if problems else "ok: no problems found")
    store.close()
    return 1 if problems else 0


def cmd_actors(args) -> int:
    from . import link
    rows = link.actor_registry(_store(args), args.query)
    for r in rows[: args.limit or None]:
        roles = "; ".join(f"{x['role']} ({', '.join(sorted(x['dates'])) or 'undated'})" for x in r["roles"]) or "-"
        print(f"{r['entity_name']}  [{r['entity_type']}; {'/'.join(r['countries']) or '?'}; "
              f"{'/'.join(r['sectors']) or '?'}]  {r['mentions']} mention(s) in {len(r['documents'])} document(s)")
        if r["aliases"]:
            print(f"    aliases: {', '.join(r['aliases'])}")
        print(f"    roles: {roles}")
        if args.query:
            print(f"    documents: {', '.join(r['documents'])}")
    print(f"{len(rows)} actor(s)")
    return 0


def cmd_agreements(args) -> int:
    store = _store(args)
    rows = store.derived("agreement")
    if args.query:
        q = args.query.lower()
        rows = [r for r in rows if q in (r.get("name") or "").lower() or q in (r.get("kind") or "").lower()
                or q.upper() in r["parties"] or any(q in t for t in r["topics"])]
    for r in rows:
        print(f"{r['name'] or '(unnamed)'} — {r['kind']}   parties {', '.join(r['parties']) or '-'}   "
              f"status {r['status']}   topics {', '.join(r['topics']) or '-'}")
        if r["signatories"]:
            print(f"    signatories: {', '.join(r['signatories'])}")
        for st in r["stages"]:
            ev = st["evidence"][0] if st["evidence"] else None
            print(f"    {st['date'] or '?':10s}  {st['stage']:13s} {', '.join(st['documents'])}"
                  + (f"  \"{_clip(ev['text'], 90)}\"" if ev else ""))
    print(f"{len(rows)} agreement(s)")
    return 0


def cmd_commitments(args) -> int:
    store = _store(args)
    rows = link.current_roles(store, store.derived("commitment"))
    if args.status:
        rows = [r for r in rows if r["status"] == args.status]
    if args.country:
        rows = [r for r in rows if args.country.upper() in r["countries"]]
    rows.sort(key=lambda r: (r["made_on"] or "", r["id"]))
    for r in rows:
        print(f"[{r['status']}] {r['made_on'] or '?'}  {_who(r['actor'])} -> {_who(r['recipient'])}"
              + (f"   due {r['due']}" if r["due"] else ""))
        print(f"    {_clip(r['what'], 110)}")
        print(f"    {r['status_reason']}" + (f"; see {r['resolved_by']} ({r['resolved_on']})" if r["resolved_by"] else ""))
        if r["resolved_evidence"]:
            print(f"    \"{_clip(r['resolved_evidence'][0]['text'], 100)}\" ({r['resolved_evidence'][0]['doc_id']})")
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    print(f"{len(rows)} commitment(s): " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


def cmd_timeline(args) -> int:
    from . import link
    store = _store(args)
    rows = link.timeline(store, args.pair[0], args.pair[1], args.topic)
    for r in rows:
        when = r["date"] or f"(reported {r['first_reported']})"
        print(f"{when:12s} {r['event_type']:9s} {_who(r['actor'])}" + (f" -> {_who(r['recipient'])}" if r["recipient"] else "")
              + (f"  @ {r['location']['name']}" if r["location"] else "")
              + (f"  [{r['agreement'].get('name') or r['agreement'].get('kind')}]" if r["agreement"] else ""))
        ev = r["evidence"][0]
        print(f"             \"{_clip(ev['text'], 100)}\"  — {', '.join(r['documents'])}"
              + (f" ({r['n_documents']} reports)" if r["n_documents"] > 1 else ""))
    print(f"{len(rows)} event(s) between {args.pair[0].upper()} and {args.pair[1].upper()}")
    return 0


def demo_corpus_dir() -> Path:
    return Path(str(resources.files("pactwatch") / "data" / "demo" / "corpus"))


def cmd_demo(args) -> int:
    db = args.db or "pactwatch-demo.db"
    if "://" not in db:
        for suffix in ("", "-wal", "-shm", "-journal"):
            p = Path(db + suffix)
            if p.exists():
                p.unlink()
    store = Store(db)
    corpus = demo_corpus_dir()
    print(f"demo corpus: {corpus}")
    _run_ingest([str(corpus)], store, args.processes, quiet=args.quiet, command="demo")
    events = store.events()
    print()
    _print_table(events[: args.limit] if args.limit else events)
    by_type: dict[str, int] = {}
    for e in events:
        by_type[e.event_type] = by_type.get(e.event_type, 0) + 1
    print()
    print(f"{len(events)} events in {db}: " + ", ".join(f"{k} {v}" for k, v in sorted(by_type.items(), key=lambda x: -x[1])))
    canon = len(set(store.clusters().values()) | {e.id for e in events if e.id not in store.clusters()})
    commitments = store.derived("commitment")
    status: dict[str, int] = {}
    for c in commitments:
        status[c["status"]] = status.get(c["status"], 0) + 1
    print(f"across documents: {canon} canonical events; {len(commitments)} commitments ("
          + ", ".join(f"{k} {v}" for k, v in sorted(status.items())) + f"); "
          f"{len(store.derived('agreement'))} agreements")
    print(f"next: pactwatch events --db {db} --pair KOR USA   |   pactwatch show EVENT_ID --db {db}   |   "
          f"pactwatch commitments --db {db}   |   pactwatch timeline --pair KOR USA --db {db}")
    store.close()
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pactwatch", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"pactwatch {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def with_db(sp):
        sp.add_argument("--db", help="database file or SQLAlchemy URL (default: $PACTWATCH_DB or ./pactwatch.db)")
        return sp

    def with_filters(sp):
        sp.add_argument("--country", help="ISO 3166 alpha-3 code (or IGO, UNO, EUR, ...) among the participants")
        sp.add_argument("--pair", nargs=2, metavar=("A", "B"), help="two countries both among the participants")
        sp.add_argument("--type", choices=[t.lower() for t in EVENT_TYPES] + list(EVENT_TYPES), help="PLOVER category")
        sp.add_argument("--topic", choices=TOPICS)
        sp.add_argument("--from", dest="date_from", metavar="DATE", help="events on or after YYYY[-MM[-DD]]")
        sp.add_argument("--to", dest="date_to", metavar="DATE", help="events on or before YYYY[-MM[-DD]]")
        sp.add_argument("--text", help="words in the evidence or the names")
        sp.add_argument("--doc", help="only this document id")
        return sp

    sp = with_db(sub.add_parser("ingest", help="read articles (.txt, .html, .jsonl, folders) and store their events"))
    sp.add_argument("paths", nargs="+")
    sp.add_argument("-j", "--processes", type=int, default=1, help="worker processes (default 1)")
    sp.add_argument("-q", "--quiet", action="store_true")
    sp.add_argument("--max-bytes", type=int, metavar="N",
                    help="largest text file, or JSON Lines line, in bytes (default 5000000)")
    sp.add_argument("--max-line-chars", type=int, metavar="N",
                    help="longest line of an article, in characters (default 200000)")
    sp.set_defaults(func=cmd_ingest)

    sp = with_filters(with_db(sub.add_parser("events", help="table of stored events")))
    sp.add_argument("--limit", type=int)
    sp.set_defaults(func=cmd_events)

    sp = with_db(sub.add_parser("show", help="one event with its evidence"))
    sp.add_argument("event_id")
    sp.set_defaults(func=cmd_show)

    sp = with_filters(with_db(sub.add_parser("export", help="write events as JSON Lines (SCHEMA.md) or CSV")))
    sp.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    sp.add_argument("--what", choices=("events", "canonical", "agreements", "commitments", "actors"),
                    default="events", help="per-mention events (default) or the cross-document records")
    sp.add_argument("-o", "--output", help="file to write (default: standard output)")
    sp.set_defaults(func=cmd_export)

    sp = with_db(sub.add_parser("failures", help="inputs that were rejected, with the reason"))
    sp.set_defaults(func=cmd_failures)

    sp = with_db(sub.add_parser("check", help="verify the database: counts, orphan rows, evidence offsets"))
    sp.set_defaults(func=cmd_check)

    sp = with_db(sub.add_parser("link", help="update (or --rebuild) the cross-document layer"))
    sp.add_argument("--rebuild", action="store_true", help="recompute everything from the per-document events")
    sp.set_defaults(func=cmd_link)

    sp = with_db(sub.add_parser("actors", help="people and organisations across documents"))
    sp.add_argument("query", nargs="?")
    sp.add_argument("--limit", type=int, default=0)
    sp.set_defaults(func=cmd_actors)

    sp = with_db(sub.add_parser("agreements", help="agreements with their dated stages"))
    sp.add_argument("query", nargs="?")
    sp.set_defaults(func=cmd_agreements)

    sp = with_db(sub.add_parser("commitments", help="promises and whether they were kept"))
    sp.add_argument("--status", choices=("open", "fulfilled", "overdue", "withdrawn"))
    sp.add_argument("--country")
    sp.set_defaults(func=cmd_commitments)

    sp = with_db(sub.add_parser("timeline", help="dated, cited chronology of a relationship"))
    sp.add_argument("--pair", nargs=2, metavar=("A", "B"), required=True)
    sp.add_argument("--topic", choices=TOPICS)
    sp.set_defaults(func=cmd_timeline)

    sp = sub.add_parser("demo", help="build a fresh database from the bundled demo corpus and show it")
    sp.add_argument("--db", help="database to (re)create (default ./pactwatch-demo.db)")
    sp.add_argument("-j", "--processes", type=int, default=1)
    sp.add_argument("--limit", type=int, default=0, help="rows of the table to print (default all)")
    sp.add_argument("-q", "--quiet", action="store_true")
    sp.set_defaults(func=cmd_demo)
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
