"""What every command shares: printing safely (`echo`), the database a command opens (closed by
`main` when the command ends), the event table, and output files written whole or not at all."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ...io.store import Store, default_db_path
from ...sanitize import for_terminal

# the short topic names the tables print; accepted by --topic as well as the full ones
TOPIC_SHORT = {"artificial_intelligence": "AI", "science_research": "science", "advanced_computing": "computing",
               "pharmaceuticals": "pharma", "critical_minerals": "minerals", "advanced_manufacturing": "manufacturing",
               "nuclear_energy": "nuclear", "communications": "comms", "biotechnology": "biotech"}


def echo(*parts, file=None, sep: str = " ", end: str = "\n", oneline: bool = False) -> None:
    """print(), with every part made safe for a terminal (`sanitize.for_terminal`); `oneline`
    also escapes newlines and tabs, so that one record stays one line."""
    print(*(for_terminal(p, oneline=oneline) for p in parts), file=file or sys.stdout, sep=sep, end=end)


OPEN_STORES: list[Store] = []  # stores a command opened; main() closes them when the command ends


def open_store(args, write: bool = False, create: bool = False) -> Store:
    """The database named by --db, $PACTWATCH_DB or ./pactwatch.db; it must exist unless `create`.
    Read commands open it read-only, so they create and change nothing."""
    store = Store(args.db or default_db_path(), create=create, readonly=not write)
    OPEN_STORES.append(store)
    return store


def _short(ev) -> str:
    return ev.evidence[0].text if ev.evidence else ""


def print_table(events, out=None, width: int | None = None):
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
        row = "  ".join(f"{clip(c, w):<{w}}" for c, (_, w) in zip(cells, cols))
        echo(row + "  " + clip(" ".join(_short(ev).split()), ev_w), file=out)


def _countries_and_names(ents) -> str:
    if not ents:
        return "-"
    return ", ".join(e.entity_name + (f"/{e.country}" if e.country else "") if e.entity_type == "person"
                     else (e.country or e.entity_name) for e in ents)


def _abbrev_topic(t: str) -> str:
    return TOPIC_SHORT.get(t, t)


def clip(s: str, w: int) -> str:
    s = for_terminal(s, oneline=True)
    return s if len(s) <= w else s[: w - 1] + "…"


def _term_width() -> int:
    """$COLUMNS, else the terminal's width, else 140."""
    import shutil
    return shutil.get_terminal_size((140, 24)).columns


def who(ents) -> str:
    return ", ".join(e["entity_name"] + (f" ({e['country']})" if e.get("country") and e["entity_type"] != "country"
                                         else "") for e in ents) or "-"


def write_output(output: str | None, write, csv: bool = False) -> int:
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
