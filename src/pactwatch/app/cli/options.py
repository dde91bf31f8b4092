"""Command-line values checked as argparse reads them (dates, topics, categories, country codes,
numbers), and the event filters (`--country`, `--pair`, `--type` ...) as `Store.events` takes them."""
from __future__ import annotations

import argparse
import re

from ...io.store import date_bounds
from ...model import EVENT_TYPES, TOPICS
from ...sanitize import for_terminal
from .common import TOPIC_SHORT


def filters_of(args) -> dict:
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


def date_arg(value: str) -> str:
    """--from/--to: YYYY, YYYY-MM or YYYY-MM-DD, a real date."""
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) or date_bounds(value) == (None, None) or (
            value.count("-") == 2 and not _real_day(value)):
        raise argparse.ArgumentTypeError(f"{for_terminal(value, oneline=True)!r} is not a date "
                                         f"(expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-10 or 2025-10-29)")
    return value


def day_arg(value: str) -> str:
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


def topic_arg(value: str) -> str:
    """--topic: a topic's name or the short name the tables print (AI, comms...), any case."""
    topic = _TOPIC_NAMES.get(value.strip().lower().replace("-", "_").replace(" ", "_"))
    if topic is None:
        raise argparse.ArgumentTypeError(
            f"unknown topic {for_terminal(value, oneline=True)!r} (choose from "
            + ", ".join(f"{t}" + (f" ({TOPIC_SHORT[t]})" if t in TOPIC_SHORT else "") for t in TOPICS) + ")")
    return topic


def type_arg(value: str) -> str:
    if value.upper() not in EVENT_TYPES:
        raise argparse.ArgumentTypeError(f"unknown PLOVER category {for_terminal(value, oneline=True)!r} "
                                         f"(choose from {', '.join(t.lower() for t in EVENT_TYPES)})")
    return value.upper()


def country_arg(value: str) -> str:
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


positive_int = _number(int, lambda n: n >= 1, "a positive whole number")


count_int = _number(int, lambda n: n >= 0, "a whole number >= 0")


confidence_arg = _number(float, lambda c: 0.0 <= c <= 1.0, "a confidence between 0 and 1")


port_arg = _number(int, lambda n: 1 <= n <= 65535, "a port number (1-65535)")
