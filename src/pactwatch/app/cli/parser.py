"""The argument parser: every command with its options, each handled by a `cmd_*` function."""
from __future__ import annotations

import argparse

from ... import __version__
from .crossdoc import cmd_actors, cmd_agreements, cmd_commitments, cmd_link, cmd_timeline
from .database import cmd_check, cmd_export, cmd_failures
from .events import cmd_events, cmd_explain, cmd_show
from .ingesting import cmd_demo, cmd_ingest
from .options import (confidence_arg, count_int, country_arg, date_arg, day_arg, port_arg, positive_int, topic_arg,
                      type_arg)
from .serving import cmd_serve

DESCRIPTION = "pactwatch command line: a thin layer over the library."


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pactwatch", description=DESCRIPTION,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"pactwatch {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def with_db(sp):
        sp.add_argument("--db", help="database file or SQLAlchemy URL (default: $PACTWATCH_DB or ./pactwatch.db)")
        return sp

    def with_filters(sp):
        sp.add_argument("--country", type=country_arg,
                        help="ISO 3166 alpha-3 code (or IGO, UNO, EUR, ...) among the participants")
        sp.add_argument("--pair", nargs=2, type=country_arg, metavar=("A", "B"),
                        help="two countries both among the participants")
        sp.add_argument("--type", type=type_arg, metavar="TYPE", help="PLOVER category (consult, agree, ...)")
        sp.add_argument("--topic", type=topic_arg, metavar="TOPIC",
                        help="technology topic: its name or the short name in the tables (AI, quantum, comms...)")
        sp.add_argument("--from", dest="date_from", type=date_arg, metavar="DATE",
                        help="events on or after YYYY[-MM[-DD]]")
        sp.add_argument("--to", dest="date_to", type=date_arg, metavar="DATE", help="events on or before YYYY[-MM[-DD]]")
        sp.add_argument("--text", help="words in the evidence or the names")
        sp.add_argument("--doc", help="only this document id")
        sp.add_argument("--min-confidence", type=confidence_arg, metavar="C",
                        help="only events whose confidence is at least C (0-1; see the README on what it means)")
        return sp

    sp = with_db(sub.add_parser("ingest", help="read articles (.txt, .html, .jsonl, folders) and store their events"))
    sp.add_argument("paths", nargs="+")
    sp.add_argument("-j", "--processes", type=positive_int, default=1,
                    help="worker processes, or Ray workers with --engine ray (default 1)")
    sp.add_argument("--engine", choices=("local", "ray"), default="local",
                    help="where the documents are coded: local worker processes (default) or Ray actors (-j of them)")
    sp.add_argument("--address", metavar="ADDRESS",
                    help="with --engine ray: the Ray cluster to join (auto, HOST:PORT or ray://HOST:PORT; "
                         "default: start a local Ray for the run)")
    sp.add_argument("-q", "--quiet", action="store_true")
    sp.add_argument("--max-bytes", type=positive_int, metavar="N",
                    help="largest text file, or JSON Lines line, in bytes (default 5000000)")
    sp.add_argument("--max-line-chars", type=positive_int, metavar="N",
                    help="longest line of an article, in characters (default 200000)")
    sp.add_argument("--max-chars", type=positive_int, metavar="N",
                    help="longest article text, in characters (default 1000000; longer ones are refused)")
    sp.set_defaults(func=cmd_ingest)

    sp = with_filters(with_db(sub.add_parser("events", help="table of stored events")))
    sp.add_argument("--limit", type=positive_int, help="at most N events")
    sp.set_defaults(func=cmd_events)

    sp = with_db(sub.add_parser("show", help="one event with its evidence"))
    sp.add_argument("event_id")
    sp.add_argument("--why", action="store_true", help="also the rules that set each field, with what they do")
    sp.set_defaults(func=cmd_show)

    sp = sub.add_parser("explain", help="code one text (no database) and show the rules behind each event")
    sp.add_argument("text", nargs="?", help="the text; '-' reads standard input")
    sp.add_argument("--file", metavar="PATH", help="read the text from this UTF-8 file instead")
    sp.add_argument("--date", type=day_arg, metavar="YYYY-MM-DD", help="publication date, to resolve relative dates")
    sp.set_defaults(func=cmd_explain)

    sp = with_filters(with_db(sub.add_parser("export", help="write events as JSON Lines (SCHEMA.md), CSV or Parquet")))
    sp.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl",
                    help="parquet: a folder (--out) of tables partitioned by year and month")
    sp.add_argument("--what", choices=("events", "canonical", "agreements", "commitments", "actors"),
                    help="per-mention events (default) or the cross-document records; "
                         "with --format parquet every table unless one is named")
    sp.add_argument("-o", "--output", "--out", help="file to write (default: standard output); "
                    "for --format parquet the folder to write")
    sp.set_defaults(func=cmd_export)

    sp = with_db(sub.add_parser("failures", help="inputs that were rejected, with the reason"))
    sp.set_defaults(func=cmd_failures)

    sp = with_db(sub.add_parser("check", help="verify the database: counts, orphan rows, evidence offsets"))
    sp.set_defaults(func=cmd_check)

    sp = with_db(sub.add_parser("link", help="update (or --rebuild) the cross-document layer"))
    sp.add_argument("--rebuild", action="store_true", help="recompute everything from the per-document events")
    sp.add_argument("-j", "--processes", type=positive_int, default=1,
                    help="worker processes linking independent blocks (default 1)")
    sp.set_defaults(func=cmd_link)

    sp = with_db(sub.add_parser("actors", help="people and organisations across documents"))
    sp.add_argument("query", nargs="?", help="part of a name or alias")
    sp.add_argument("--limit", type=count_int, default=0, help="at most N actors (default all)")
    sp.set_defaults(func=cmd_actors)

    sp = with_db(sub.add_parser("agreements", help="agreements with their dated stages"))
    sp.add_argument("query", nargs="?", help="part of a name or kind, a party's code or a topic")
    sp.set_defaults(func=cmd_agreements)

    sp = with_db(sub.add_parser("commitments", help="promises and whether they were kept"))
    sp.add_argument("--status", choices=("open", "fulfilled", "overdue", "withdrawn"))
    sp.add_argument("--country", type=country_arg, help="a country among the parties")
    sp.set_defaults(func=cmd_commitments)

    sp = with_db(sub.add_parser("timeline", help="dated, cited chronology of a relationship"))
    sp.add_argument("--pair", nargs=2, type=country_arg, metavar=("A", "B"), required=True)
    sp.add_argument("--topic", type=topic_arg, metavar="TOPIC", help="only events on this topic (AI, quantum...)")
    sp.set_defaults(func=cmd_timeline)

    sp = with_db(sub.add_parser("serve", help="the web app and JSON API over the database (read-only)"))
    sp.add_argument("--host", default="127.0.0.1",
                    help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 opens it to the network)")
    sp.add_argument("--port", type=port_arg, default=8000, help="port to listen on (default 8000)")
    sp.add_argument("--check", action="store_true",
                    help="open the database and render the overview once, then exit (0 ok, 1 not)")
    sp.set_defaults(func=cmd_serve)

    sp = sub.add_parser("demo", help="build a fresh database from the bundled demo corpus and show it")
    sp.add_argument("--db", help="database to (re)create (default ./pactwatch-demo.db)")
    sp.add_argument("-j", "--processes", type=positive_int, default=1, help="worker processes (default 1)")
    sp.add_argument("--limit", type=count_int, default=0, help="rows of the table to print (default all)")
    sp.add_argument("-q", "--quiet", action="store_true")
    sp.set_defaults(func=cmd_demo)
    return p
