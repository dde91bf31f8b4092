"""`events`, `show` and `explain`: events as a table, one event with its evidence in context,
and the rules behind each field (`--why`)."""
from __future__ import annotations

import os
import re
import sys
import textwrap
from pathlib import Path

from ...sanitize import for_terminal
from .common import echo, open_store, print_table
from .options import filters_of


def cmd_events(args) -> int:
    store = open_store(args)
    events = store.events(**filters_of(args), limit=args.limit)
    print_table(events)
    echo(f"{len(events)} event(s)")
    return 0


def cmd_show(args) -> int:
    store = open_store(args)
    ev = store.event(args.event_id)
    if ev is None:
        matches = store.event_ids_starting(args.event_id, limit=2)   # a unique prefix will do
        if len(matches) == 1:
            ev = store.event(matches[0])
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
            for line in highlighted(text[ps:sp.start], text[sp.start:sp.end], text[sp.end:pe], on, off):
                print("    " + line)  # made safe by highlighted; only our own colour codes are raw
    else:
        for sp in ev.evidence:
            print(f"  [{sp.start}-{sp.end}] " + on + for_terminal(" ".join(sp.text.split()), oneline=True) + off)
    if args.why:
        print_why(ev)
    return 0


_WHY_ORDER = ("event_type", "mode", "aux_mode", "folded", "actor", "recipient", "date", "location", "merged")


def print_why(ev) -> None:
    """The rules behind an event's fields, each with what it does (``data/rule_ids.tsv``, ``triggers.tsv``,
    ``event_rules.json``)."""
    from ...coding.rules import describe_rule

    echo("why        (field: rule id - what the rule does)")
    if not ev.why:
        echo("  no trace stored: the event was coded by a version of pactwatch that kept none (re-ingest it)")
    for what in sorted(ev.why, key=lambda k: (_WHY_ORDER.index(k) if k in _WHY_ORDER else 99, k)):
        for i, rule in enumerate(ev.why[what]):
            echo(f"  {what if i == 0 else '':<11}{rule} - {describe_rule(rule)}")


def cmd_explain(args) -> int:
    """Code one text (no database) and print each event with the rules that decided it."""
    from ... import extract

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
        print_why(ev)
    return 0


_MARK_ON, _MARK_OFF = "\ue000", "\ue001"  # private-use characters: stand-ins for the colour codes


def highlighted(before: str, span: str, after: str, on: str, off: str, width: int = 100) -> list[str]:
    """The paragraph wrapped to `width`, its text made safe for a terminal, the span between `on`/`off`."""
    safe = lambda t: for_terminal(re.sub(r"\s+", " ", t.replace(_MARK_ON, "").replace(_MARK_OFF, "")), oneline=True)
    para = (safe(before) + _MARK_ON + safe(span) + _MARK_OFF + safe(after)).strip()
    return [line.replace(_MARK_ON, on).replace(_MARK_OFF, off) for line in textwrap.wrap(para, width=width)]
