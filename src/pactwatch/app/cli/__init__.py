"""pactwatch command line: a thin layer over the library.

    pactwatch ingest PATH...        read articles, extract events, store them
    pactwatch events [filters]      table of stored events
    pactwatch show EVENT_ID         one event with its evidence in context
    pactwatch export --format jsonl|csv [-o FILE]
    pactwatch failures              inputs that were rejected, with the reason
    pactwatch check                 verify the database (exit 1 on problems)
    pactwatch demo                  fresh database from the bundled demo corpus
    pactwatch serve                 web app and JSON API over the database (read-only)

The database is SQLite by default: --db PATH (or a SQLAlchemy URL), or the
PACTWATCH_DB environment variable, else ./pactwatch.db. Only `ingest` and `demo`
create a database; the other commands refuse a missing one.

Exit status: 0 done; 1 the command failed, found problems (`check`), found
nothing to show (`show`), or every input was rejected (`ingest`); 2 bad usage
(an unknown option, a malformed date, an unknown topic...). Errors are one line
on standard error naming the file and the reason; everything printed that can
carry input text goes through `sanitize.for_terminal`.

One module a command group: common.py (printing, the database a command opens), options.py
(argument types, event filters), ingesting.py (ingest, demo), events.py (events, show, explain),
database.py (export, failures, check), crossdoc.py (link, actors, agreements, commitments,
timeline), serving.py (serve), parser.py (build_parser), main.py (main).
"""
from __future__ import annotations

from .common import TOPIC_SHORT, echo
from .ingesting import demo_corpus_dir
from .main import main
from .parser import build_parser

__all__ = ["TOPIC_SHORT", "build_parser", "demo_corpus_dir", "echo", "main"]
