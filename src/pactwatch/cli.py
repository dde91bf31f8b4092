"""pactwatch command line: a thin layer over the library.

    pactwatch ingest PATH...        read articles, extract events, store them
    pactwatch events [filters]      table of stored events
    pactwatch show EVENT_ID         one event with its evidence in context
    pactwatch export --format jsonl|csv [-o FILE]
    pactwatch failures              inputs that were rejected, with the reason
    pactwatch check                 verify the database (exit 1 on problems)
    pactwatch demo                  fresh database from the bundled demo corpus

The database is SQLite by default: --db PATH (or a SQLAlchemy URL), or the
PACTWATCH_DB environment variable, else ./pactwatch.db. Only `ingest` and `demo`
create a database; the other commands refuse a missing one.

Exit status: 0 done; 1 the command failed, found problems (`check`), found
nothing to show (`show`), or every input was rejected (`ingest`); 2 bad usage
(an unknown option, a malformed date, an unknown topic...). Errors are one line
on standard error naming the file and the reason; everything printed that can
carry input text goes through `sanitize.for_terminal`.
"""
from __future__ import annotations

import argparse
import errno
import os
import re
import sqlite3
import sys
import textwrap
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from . import __version__, lexicon
from .export import write_csv, write_jsonl
from .model import EVENT_TYPES, TOPICS, Failure
from .sanitize import for_terminal, json_text
from .io.store import Store, StoreError, date_bounds, default_db_path, describe_db_error, remove_database

# the short topic names the tables print; accepted by --topic as well as the full ones
TOPIC_SHORT = {"artificial_intelligence": "AI", "science_research": "science", "advanced_computing": "computing",
               "pharmaceuticals": "pharma", "critical_minerals": "minerals", "advanced_manufacturing": "manufacturing",
               "nuclear_energy": "nuclear", "communications": "comms", "biotechnology": "biotech"}


def echo(*parts, file=None, sep: str = " ", end: str = "\n", oneline: bool = False) -> None:
    """print(), with every part made safe for a terminal (`sanitize.for_terminal`); `oneline`
    also escapes newlines and tabs, so that one record stays one line."""
    print(*(for_terminal(p, oneline=oneline) for p in parts), file=file or sys.stdout, sep=sep, end=end)


_OPEN: list[Store] = []  # stores a command opened; main() closes them when the command ends


def _store(args, write: bool = False, create: bool = False) -> Store:
    """The database named by --db, $PACTWATCH_DB or ./pactwatch.db; it must exist unless `create`.
    Read commands open it read-only, so they create and change nothing."""
    store = Store(args.db or default_db_path(), create=create, readonly=not write)
    _OPEN.append(store)
    return store


def _participants(ev, side) -> str:
    ents = ev.actor if side == "actor" else ev.recipient
    return ", ".join(f"{e.entity_name} ({e.country})" if e.country else e.entity_name for e in ents)


def _short(ev) -> str:
    return ev.evidence[0].text if ev.evidence else ""


def _print_table(events, out=None, width: int | None = None):
    width = width or max(100, min(160, _term_width()))
    cols = [("id", 16), ("date", 10), ("type", 9), ("actors", 34), ("recipients", 26), ("place", 12), ("topics", 20)]
    fixed = sum(w + 2 for _, w in cols)
    ev_w = max(20, width - fixed)
    header = "  ".join(f"{n:<{w}}" for n, w in cols) + "  evidence"
    echo(header, file=out)
    echo("-" * min(width, len(header) + ev_w - 8), file=out)
    for ev in events:
        cells = [ev.id, ev.date or "-", ev.event_type, _countries_and_names(ev.actor),
                 _countries_and_names(ev.recipient), ev.location.name if ev.location else "-",
                 ",".join(_abbrev_topic(t) for t in ev.topics) or "-"]
        row = "  ".join(f"{_clip(c, w):<{w}}" for c, (_, w) in zip(cells, cols))
        echo(row + "  " + _clip(" ".join(_short(ev).split()), ev_w), file=out)


def _countries_and_names(ents) -> str:
    if not ents:
        return "-"
    return ", ".join(e.entity_name + (f"/{e.country}" if e.country else "") if e.entity_type == "person"
                     else (e.country or e.entity_name) for e in ents)


def _abbrev_topic(t: str) -> str:
    return TOPIC_SHORT.get(t, t)


def _clip(s: str, w: int) -> str:
    s = for_terminal(s, oneline=True)
    return s if len(s) <= w else s[: w - 1] + "…"


def _term_width() -> int:
    """$COLUMNS, else the terminal's width, else 140."""
    import shutil
    return shutil.get_terminal_size((140, 24)).columns


# ---------------------------------------------------------------------------------------------- commands
def cmd_ingest(args) -> int:
    from .ingest import DEFAULT_LIMITS, Limits
    limits = Limits(max_bytes=args.max_bytes or DEFAULT_LIMITS.max_bytes,
                    max_line_chars=args.max_line_chars or DEFAULT_LIMITS.max_line_chars,
                    max_chars=args.max_chars or DEFAULT_LIMITS.max_chars)
    store = _store(args, write=True, create=True)  # ingest creates the database when it is new
    summary = _run_ingest(args.paths, store, args.processes, quiet=args.quiet, limits=limits)
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
    if args.min_confidence is not None:
        f["min_confidence"] = args.min_confidence
    return f


def cmd_events(args) -> int:
    store = _store(args)
    events = store.events(**_filters(args), limit=args.limit)
    _print_table(events)
    echo(f"{len(events)} event(s)")
    return 0


def cmd_show(args) -> int:
    store = _store(args)
    ev = store.event(args.event_id)
    if ev is None:
        matches = [e for e in store.events() if e.id.startswith(args.event_id)]
        if len(matches) == 1:
            ev = matches[0]
    if ev is None:
        echo(f"pactwatch: no event with id {args.event_id!r} in {store.where} "
             f"(`pactwatch events` lists the ids)", file=sys.stderr)
        return 1
    doc = store.document(ev.doc_id)
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    on, off = ("\033[1;33m", "\033[0m") if color else ("»", "«")
    echo(f"event {ev.id}   {ev.event_type}" + (f" ({', '.join(ev.mode)})" if ev.mode else "")
          + (f"   aux_mode {ev.aux_mode}" if ev.aux_mode else "") + f"   confidence {ev.confidence:.2f}")
    echo(f"document   {ev.doc_id}" + (f" ({doc.date})" if doc and doc.date else ""))
    echo(f"date       {ev.date or '-'}" + (f" [{ev.date_precision}] from '{ev.date_text}'" if ev.date else ""))
    if ev.location:
        loc = ev.location
        echo(f"place      {loc.name}, {loc.country}  ({loc.lat}, {loc.lon}; GeoNames {loc.geonames_id})")
    else:
        echo("place      -")
    for side, ents in (("actor", ev.actor), ("recipient", ev.recipient)):
        echo(f"{side:<10} " + ("-" if not ents else ""))
        for e in ents:
            bits = [e.entity_type, e.country or "?", e.sector_code or "?"] + ([e.role] if e.role else [])
            echo(f"           {e.entity_name}  [{' / '.join(bits)}]" + (
                f'  as "{e.raw_text}"' if e.raw_text != e.entity_name else ""))
    echo(f"topics     {', '.join(ev.topics) or '-'}")
    echo(f"context    {', '.join(ev.context) or '-'}")
    if ev.agreement:
        echo(f"agreement  {ev.agreement.get('name') or '(unnamed)'} — {ev.agreement.get('kind')}")
    echo(f"evidence   {len(ev.evidence)} span(s)")
    if doc is not None:
        text = doc.text
        for sp in ev.evidence:
            ps = text.rfind("\n\n", 0, sp.start)
            ps = doc.body_start if ps < 0 else ps + 2
            ps = max(ps, doc.body_start)
            pe = text.find("\n\n", sp.end)
            pe = len(text) if pe < 0 else pe
            echo(f"  [{sp.start}-{sp.end}]")
            for line in _highlighted(text[ps:sp.start], text[sp.start:sp.end], text[sp.end:pe], on, off):
                print("    " + line)  # made safe by _highlighted; only our own colour codes are raw
    else:
        for sp in ev.evidence:
            print(f"  [{sp.start}-{sp.end}] " + on + for_terminal(" ".join(sp.text.split()), oneline=True) + off)
    if args.why:
        _print_why(ev)
    return 0


_WHY_ORDER = ("event_type", "mode", "aux_mode", "folded", "actor", "recipient", "date", "location", "merged")


def _print_why(ev) -> None:
    """The rules behind an event's fields, each with what it does (``data/rule_ids.tsv``, ``triggers.tsv``,
    ``event_rules.json``)."""
    from .coding.rules import describe_rule

    echo("why        (field: rule id - what the rule does)")
    if not ev.why:
        echo("  no trace stored: the event was coded by a version of pactwatch that kept none (re-ingest it)")
    for what in sorted(ev.why, key=lambda k: (_WHY_ORDER.index(k) if k in _WHY_ORDER else 99, k)):
        for i, rule in enumerate(ev.why[what]):
            echo(f"  {what if i == 0 else '':<11}{rule} - {describe_rule(rule)}")


def cmd_explain(args) -> int:
    """Code one text (no database) and print each event with the rules that decided it."""
    from . import extract

    if args.file:
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            echo(f"pactwatch: cannot read {args.file}: {e}", file=sys.stderr)
            return 1
    elif args.text == "-":
        text = sys.stdin.read()
    elif args.text:
        text = args.text
    else:
        echo("pactwatch: explain needs a text, '-' for standard input, or --file PATH", file=sys.stderr)
        return 2
    events = extract(text, date=args.date, doc_id="explain")
    if not events:
        echo("pactwatch: no event found in the text", file=sys.stderr)
        return 1
    for n, ev in enumerate(events, 1):
        sides = {side: ", ".join(f"{e.entity_name} [{e.country or '?'}]" for e in ents) or "-"
                 for side, ents in (("actor", ev.actor), ("recipient", ev.recipient))}
        echo(f"event {n} of {len(events)}   {ev.event_type}" + (f" ({', '.join(ev.mode)})" if ev.mode else "")
             + (f"   aux_mode {ev.aux_mode}" if ev.aux_mode else "") + f"   confidence {ev.confidence:.2f}")
        echo("  evidence   " + " … ".join(" ".join(sp.text.split()) for sp in ev.evidence))
        echo(f"  actor      {sides['actor']}")
        echo(f"  recipient  {sides['recipient']}")
        echo(f"  date       {ev.date or '-'}" + (f" [{ev.date_precision}]" if ev.date else "")
             + (f" from '{ev.date_text}'" if ev.date_text else ""))
        echo("  place      " + (f"{ev.location.name}, {ev.location.country}" if ev.location else "-"))
        echo(f"  topics     {', '.join(ev.topics) or '-'}")
        if ev.agreement:
            echo(f"  agreement  {ev.agreement.get('name') or '(unnamed)'} — {ev.agreement.get('kind')}")
        _print_why(ev)
    return 0


_MARK_ON, _MARK_OFF = "\ue000", "\ue001"  # private-use characters: stand-ins for the colour codes


def _highlighted(before: str, span: str, after: str, on: str, off: str, width: int = 100) -> list[str]:
    """The paragraph wrapped to `width`, its text made safe for a terminal, the span between `on`/`off`."""
    safe = lambda t: for_terminal(re.sub(r"\s+", " ", t.replace(_MARK_ON, "").replace(_MARK_OFF, "")), oneline=True)
    para = (safe(before) + _MARK_ON + safe(span) + _MARK_OFF + safe(after)).strip()
    return [line.replace(_MARK_ON, on).replace(_MARK_OFF, off) for line in textwrap.wrap(para, width=width)]


def cmd_export(args) -> int:
    store = _store(args)
    if args.what != "events":
        if args.format != "jsonl":
            echo("pactwatch: only --format jsonl is available for canonical events, agreements, commitments "
                 "and actors", file=sys.stderr)
            return 2
        from . import link
        records = {"canonical": lambda: link.canonical_events(store), "agreements": lambda: store.derived("agreement"),
                   "commitments": lambda: link.current_roles(store, store.derived("commitment")),
                   "actors": lambda: link.actor_registry(store)}[args.what]()

        def write_records(fp) -> int:
            for r in records:
                fp.write(json_text(r) + "\n")
            return len(records)

        n = _write_output(args.output, write_records)
        what = f"{args.what} record(s)"
    else:
        events = store.events(**_filters(args))
        writer = write_jsonl if args.format == "jsonl" else write_csv
        n = _write_output(args.output, lambda fp: writer(events, fp), csv=args.format == "csv")
        what = "event(s)"
    if args.output and args.output != "-":
        echo(f"wrote {n} {what} to {args.output}", file=sys.stderr)
    return 0


def _write_output(output: str | None, write, csv: bool = False) -> int:
    """Run `write(fp)` on standard output, or on a file written whole or not at all: into a
    temporary file beside it, renamed over it at the end (a full disk leaves the old file)."""
    if not output or output == "-":
        return write(sys.stdout)
    tmp = f"{output}.part-{os.getpid()}"
    try:
        with open(tmp, "w", encoding="utf-8", newline="" if csv else None) as fp:
            n = write(fp)
        os.replace(tmp, output)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise OSError(e.errno, e.strerror, output) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return n


def cmd_failures(args) -> int:
    store = _store(args)
    rows = store.failures()
    for r in rows:
        echo(Failure(origin=r["origin"], reason=r["reason"], line=r.get("line")), oneline=True)
    echo(f"{len(rows)} failure(s)")
    return 0


def _who(ents) -> str:
    return ", ".join(e["entity_name"] + (f" ({e['country']})" if e.get("country") and e["entity_type"] != "country"
                                         else "") for e in ents) or "-"


def cmd_link(args) -> int:
    from . import link
    store = _store(args, write=True)
    ids = list(store.document_dates())
    report = link.rebuild(store) if args.rebuild else link.update(store, ids)
    store.mark_linked(ids)
    echo(report)
    return 0


def cmd_check(args) -> int:
    store = _store(args)
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


def cmd_actors(args) -> int:
    from . import link
    rows = link.actor_registry(_store(args), args.query)
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
    store = _store(args)
    rows = store.derived("agreement")
    if args.query:
        q = args.query.lower()
        rows = [r for r in rows if q in (r.get("name") or "").lower() or q in (r.get("kind") or "").lower()
                or q.upper() in r["parties"] or any(q in t for t in r["topics"])]
    for r in rows:
        echo(f"{r['name'] or '(unnamed)'} — {r['kind']}   parties {', '.join(r['parties']) or '-'}   "
              f"status {r['status']}   topics {', '.join(r['topics']) or '-'}")
        if r["signatories"]:
            echo(f"    signatories: {', '.join(r['signatories'])}")
        for st in r["stages"]:
            ev = st["evidence"][0] if st["evidence"] else None
            echo(f"    {st['date'] or '?':10s}  {st['stage']:13s} {', '.join(st['documents'])}"
                  + (f"  \"{_clip(ev['text'], 90)}\"" if ev else ""))
    echo(f"{len(rows)} agreement(s)")
    return 0


def cmd_commitments(args) -> int:
    from . import link
    store = _store(args)
    rows = link.current_roles(store, store.derived("commitment"))
    if args.status:
        rows = [r for r in rows if r["status"] == args.status]
    if args.country:
        rows = [r for r in rows if args.country.upper() in r["countries"]]
    rows.sort(key=lambda r: (r["made_on"] or "", r["id"]))
    for r in rows:
        echo(f"[{r['status']}] {r['made_on'] or '?'}  {_who(r['actor'])} -> {_who(r['recipient'])}"
              + (f"   due {r['due']}" if r["due"] else ""))
        echo(f"    {_clip(r['what'], 110)}")
        echo(f"    {r['status_reason']}" + (f"; see {r['resolved_by']} ({r['resolved_on']})" if r["resolved_by"] else ""))
        if r["resolved_evidence"]:
            echo(f"    \"{_clip(r['resolved_evidence'][0]['text'], 100)}\" ({r['resolved_evidence'][0]['doc_id']})")
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    echo(f"{len(rows)} commitment(s): " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


def cmd_timeline(args) -> int:
    from . import link
    store = _store(args)
    rows = link.timeline(store, args.pair[0], args.pair[1], args.topic)
    for r in rows:
        when = r["date"] or f"(reported {r['first_reported']})"
        echo(f"{when:12s} {r['event_type']:9s} {_who(r['actor'])}" + (f" -> {_who(r['recipient'])}" if r["recipient"] else "")
              + (f"  @ {r['location']['name']}" if r["location"] else "")
              + (f"  [{r['agreement'].get('name') or r['agreement'].get('kind')}]" if r["agreement"] else ""))
        ev = r["evidence"][0]
        echo(f"             \"{_clip(ev['text'], 100)}\"  — {', '.join(r['documents'])}"
              + (f" ({r['n_documents']} reports)" if r["n_documents"] > 1 else ""))
    echo(f"{len(rows)} event(s) between {args.pair[0].upper()} and {args.pair[1].upper()}")
    return 0


def demo_corpus_dir() -> Path:
    return lexicon.DATA_DIR / "demo" / "corpus"


def cmd_demo(args) -> int:
    db = args.db or "pactwatch-demo.db"
    remove_database(db)  # only a pactwatch database is ever removed: any other file is refused
    store = Store(db)
    _OPEN.append(store)
    corpus = demo_corpus_dir()
    echo(f"demo corpus: {corpus}")
    _run_ingest([str(corpus)], store, args.processes, quiet=args.quiet, command="demo")
    events = store.events()
    echo()
    _print_table(events[: args.limit] if args.limit else events)
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


def _date_arg(value: str) -> str:
    """--from/--to: YYYY, YYYY-MM or YYYY-MM-DD, a real date."""
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) or date_bounds(value) == (None, None) or (
            value.count("-") == 2 and not _real_day(value)):
        raise argparse.ArgumentTypeError(f"{for_terminal(value, oneline=True)!r} is not a date "
                                         f"(expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-10 or 2025-10-29)")
    return value


def _day_arg(value: str) -> str:
    """--date of explain: a real day, YYYY-MM-DD."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) or not _real_day(value):
        raise argparse.ArgumentTypeError(f"{for_terminal(value, oneline=True)!r} is not a day (expected YYYY-MM-DD)")
    return value


def _real_day(value: str) -> bool:
    import datetime
    try:
        datetime.date.fromisoformat(value)
        return True
    except ValueError:
        return False


_TOPIC_NAMES = {t.lower(): t for t in TOPICS} | {short.lower(): t for t, short in TOPIC_SHORT.items()}


def _topic_arg(value: str) -> str:
    """--topic: a topic's name or the short name the tables print (AI, comms...), any case."""
    topic = _TOPIC_NAMES.get(value.strip().lower().replace("-", "_").replace(" ", "_"))
    if topic is None:
        raise argparse.ArgumentTypeError(
            f"unknown topic {for_terminal(value, oneline=True)!r} (choose from "
            + ", ".join(f"{t}" + (f" ({TOPIC_SHORT[t]})" if t in TOPIC_SHORT else "") for t in TOPICS) + ")")
    return topic


def _type_arg(value: str) -> str:
    if value.upper() not in EVENT_TYPES:
        raise argparse.ArgumentTypeError(f"unknown PLOVER category {for_terminal(value, oneline=True)!r} "
                                         f"(choose from {', '.join(t.lower() for t in EVENT_TYPES)})")
    return value.upper()


def _country_arg(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z]{3}", value):
        raise argparse.ArgumentTypeError(f"{for_terminal(value, oneline=True)!r} is not a country code "
                                         f"(three letters: ISO 3166 alpha-3 such as KOR, or IGO, EUR...)")
    return value.upper()


def _number(kind, ok, what):
    """An argparse type: `kind(value)` when `ok` says it is in range, else an error naming `what`."""
    def convert(value: str):
        try:
            n = kind(value)
        except ValueError:
            n = None
        if n is None or not ok(n):
            raise argparse.ArgumentTypeError(f"{for_terminal(value, oneline=True)!r} is not {what}")
        return n
    return convert


_positive = _number(int, lambda n: n >= 1, "a positive whole number")
_count = _number(int, lambda n: n >= 0, "a whole number >= 0")
_confidence = _number(float, lambda c: 0.0 <= c <= 1.0, "a confidence between 0 and 1")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pactwatch", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"pactwatch {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def with_db(sp):
        sp.add_argument("--db", help="database file or SQLAlchemy URL (default: $PACTWATCH_DB or ./pactwatch.db)")
        return sp

    def with_filters(sp):
        sp.add_argument("--country", type=_country_arg,
                        help="ISO 3166 alpha-3 code (or IGO, UNO, EUR, ...) among the participants")
        sp.add_argument("--pair", nargs=2, type=_country_arg, metavar=("A", "B"),
                        help="two countries both among the participants")
        sp.add_argument("--type", type=_type_arg, metavar="TYPE", help="PLOVER category (consult, agree, ...)")
        sp.add_argument("--topic", type=_topic_arg, metavar="TOPIC",
                        help="technology topic: its name or the short name in the tables (AI, quantum, comms...)")
        sp.add_argument("--from", dest="date_from", type=_date_arg, metavar="DATE",
                        help="events on or after YYYY[-MM[-DD]]")
        sp.add_argument("--to", dest="date_to", type=_date_arg, metavar="DATE", help="events on or before YYYY[-MM[-DD]]")
        sp.add_argument("--text", help="words in the evidence or the names")
        sp.add_argument("--doc", help="only this document id")
        sp.add_argument("--min-confidence", type=_confidence, metavar="C",
                        help="only events whose confidence is at least C (0-1; see the README on what it means)")
        return sp

    sp = with_db(sub.add_parser("ingest", help="read articles (.txt, .html, .jsonl, folders) and store their events"))
    sp.add_argument("paths", nargs="+")
    sp.add_argument("-j", "--processes", type=_positive, default=1, help="worker processes (default 1)")
    sp.add_argument("-q", "--quiet", action="store_true")
    sp.add_argument("--max-bytes", type=_positive, metavar="N",
                    help="largest text file, or JSON Lines line, in bytes (default 5000000)")
    sp.add_argument("--max-line-chars", type=_positive, metavar="N",
                    help="longest line of an article, in characters (default 200000)")
    sp.add_argument("--max-chars", type=_positive, metavar="N",
                    help="longest article text, in characters (default 1000000; longer ones are refused)")
    sp.set_defaults(func=cmd_ingest)

    sp = with_filters(with_db(sub.add_parser("events", help="table of stored events")))
    sp.add_argument("--limit", type=_positive, help="at most N events")
    sp.set_defaults(func=cmd_events)

    sp = with_db(sub.add_parser("show", help="one event with its evidence"))
    sp.add_argument("event_id")
    sp.add_argument("--why", action="store_true", help="also the rules that set each field, with what they do")
    sp.set_defaults(func=cmd_show)

    sp = sub.add_parser("explain", help="code one text (no database) and show the rules behind each event")
    sp.add_argument("text", nargs="?", help="the text; '-' reads standard input")
    sp.add_argument("--file", metavar="PATH", help="read the text from this UTF-8 file instead")
    sp.add_argument("--date", type=_day_arg, metavar="YYYY-MM-DD", help="publication date, to resolve relative dates")
    sp.set_defaults(func=cmd_explain)

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
    sp.add_argument("query", nargs="?", help="part of a name or alias")
    sp.add_argument("--limit", type=_count, default=0, help="at most N actors (default all)")
    sp.set_defaults(func=cmd_actors)

    sp = with_db(sub.add_parser("agreements", help="agreements with their dated stages"))
    sp.add_argument("query", nargs="?", help="part of a name or kind, a party's code or a topic")
    sp.set_defaults(func=cmd_agreements)

    sp = with_db(sub.add_parser("commitments", help="promises and whether they were kept"))
    sp.add_argument("--status", choices=("open", "fulfilled", "overdue", "withdrawn"))
    sp.add_argument("--country", type=_country_arg, help="a country among the parties")
    sp.set_defaults(func=cmd_commitments)

    sp = with_db(sub.add_parser("timeline", help="dated, cited chronology of a relationship"))
    sp.add_argument("--pair", nargs=2, type=_country_arg, metavar=("A", "B"), required=True)
    sp.add_argument("--topic", type=_topic_arg, metavar="TOPIC", help="only events on this topic (AI, quantum...)")
    sp.set_defaults(func=cmd_timeline)

    sp = sub.add_parser("demo", help="build a fresh database from the bundled demo corpus and show it")
    sp.add_argument("--db", help="database to (re)create (default ./pactwatch-demo.db)")
    sp.add_argument("-j", "--processes", type=_positive, default=1, help="worker processes (default 1)")
    sp.add_argument("--limit", type=_count, default=0, help="rows of the table to print (default all)")
    sp.add_argument("-q", "--quiet", action="store_true")
    sp.set_defaults(func=cmd_demo)
    return p


def main(argv=None) -> int:
    """Run one command; returns the exit status (see the module docstring). Bad usage exits 2
    through argparse."""
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:  # the reader went away (`| head`)
        try:
            sys.stdout = open(os.devnull, "w")  # no second error when Python flushes stdout at exit
        except OSError:
            pass
        return 0
    except KeyboardInterrupt:
        echo("pactwatch: interrupted", file=sys.stderr)
        return 130
    except StoreError as e:
        echo(f"pactwatch: {e}", file=sys.stderr, oneline=True)
    except (DBAPIError, sqlite3.Error) as e:
        where = Store.describe_target(getattr(args, "db", None) or default_db_path())
        echo(f"pactwatch: {where}: {describe_db_error(e)}", file=sys.stderr, oneline=True)
    except OSError as e:
        echo(f"pactwatch: {_os_error(e)}", file=sys.stderr, oneline=True)
    except ImportError as e:  # a broken installation
        echo(f"pactwatch: {e}", file=sys.stderr, oneline=True)
    except MemoryError:
        echo("pactwatch: out of memory: process fewer or smaller documents at a time (see --max-bytes)",
             file=sys.stderr)
    return 1


def _run(args) -> int:
    try:
        return args.func(args) or 0
    finally:
        while _OPEN:
            _OPEN.pop().close()


def _os_error(e: OSError) -> str:
    """One line for a file-system error: the file, the reason, what to do."""
    where = f"{e.filename}: " if e.filename else ""
    if e.errno == errno.ENOSPC:
        return f"{where}the disk is full: free some space and run the command again"
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{where}{e.strerror}: choose a place you can write to, or fix the permissions"
    if e.errno in (errno.ENOENT, errno.ENOTDIR):
        return f"{where}{e.strerror}: check the path"
    return f"{where}{e.strerror or e}"


if __name__ == "__main__":
    sys.exit(main())
