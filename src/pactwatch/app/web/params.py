"""Query parameters checked before anything reads the store: the event filters of the CLI (the same
checks as `app.cli.options`: dates, topics, categories, country codes, confidence), paging and
sorting. A bad value raises `BadRequest` with one clear sentence; the app answers it with a 400."""
from __future__ import annotations

import argparse
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from ...io.store import date_bounds
from ...io.store.browsing import EVENT_SORTS
from ..cli.options import confidence_arg, country_arg, date_arg, topic_arg, type_arg
from ..queries import COMMITMENT_STATUSES

MAX_PAGE_SIZE = 500        # rows a page or an API call may ask for
DEFAULT_PAGE_SIZE = 50
MAX_PAGE = 100_000
MAX_TEXT = 200             # characters of a text search


class BadRequest(ValueError):
    """A query parameter that cannot be used: the message says which and why."""


@lru_cache(maxsize=1)
def known_countries() -> dict[str, str]:
    """code -> name of every country and PLOVER non-state code the coder knows."""
    from ...entities.records import NON_STATE_CODES
    from ...knowledge import load_knowledge
    out = {c.code: c.name for c in load_knowledge().iter_countries()}
    out.update({k: v for k, v in NON_STATE_CODES.items() if k not in out})
    return out


def country_name(code: str | None) -> str:
    return known_countries().get((code or "").upper(), code or "")


def _check(convert, name: str, value: str):
    try:
        return convert(value)
    except argparse.ArgumentTypeError as e:
        raise BadRequest(f"{name}: {e}") from None


def country(value: str, name: str = "country") -> str:
    code = _check(country_arg, name, value.strip())
    if code not in known_countries():
        raise BadRequest(f"{name}: unknown country code {code!r} (ISO 3166 alpha-3 such as KOR, or IGO, EUR...)")
    return code


def pair(value: str, name: str = "pair") -> tuple[str, str]:
    parts = [p for p in re.split(r"[\s,;/+-]+", value.strip()) if p]
    if len(parts) != 2:
        raise BadRequest(f"{name}: expected two country codes such as 'KOR USA' or 'KOR,USA', got {value[:40]!r}")
    return country(parts[0], name), country(parts[1], name)


def _one(query: Mapping[str, str], key: str) -> str | None:
    v = query.get(key)
    if v is None:
        return None
    v = v.strip()
    return v or None


def event_filters(query: Mapping[str, str]) -> dict:
    """The `Store.events` filters a request asks for (empty values are no filter)."""
    f: dict = {}
    if (v := _one(query, "country")):
        f["country"] = country(v)
    if (v := _one(query, "pair")):
        f["pair"] = pair(v)
    if (v := _one(query, "type")):
        f["event_type"] = _check(type_arg, "type", v)
    if (v := _one(query, "topic")):
        f["topic"] = _check(topic_arg, "topic", v)
    if (v := _one(query, "from")):
        f["date_from"] = _check(date_arg, "from", v)
    if (v := _one(query, "to")):
        f["date_to"] = _check(date_arg, "to", v)
    if f.get("date_from") and f.get("date_to") and date_bounds(f["date_from"])[0] > date_bounds(f["date_to"])[1]:
        raise BadRequest(f"from: {f['date_from']} is after to: {f['date_to']}")
    if (v := _one(query, "text")):
        f["text"] = text(v)
    if (v := _one(query, "doc")):
        f["doc_id"] = text(v, "doc")
    if (v := _one(query, "actor")):
        f["entity"] = text(v, "actor")
    if (v := _one(query, "min_confidence")):
        f["min_confidence"] = _check(confidence_arg, "min_confidence", v)
    return f


def text(value: str, name: str = "text") -> str:
    if len(value) > MAX_TEXT:
        raise BadRequest(f"{name}: at most {MAX_TEXT} characters")
    if any(ord(ch) < 32 for ch in value):
        raise BadRequest(f"{name}: control characters are not allowed")
    return value


def search(query: Mapping[str, str], name: str = "q") -> str | None:
    """The optional search text `name` of a request, checked."""
    v = _one(query, name)
    return text(v, name) if v else None


def whole(value: str | None, name: str, lo: int, hi: int, default: int) -> int:
    if value is None or value.strip() == "":
        return default
    try:
        n = int(value)
    except ValueError:
        raise BadRequest(f"{name}: {value[:40]!r} is not a whole number") from None
    if n < lo:
        raise BadRequest(f"{name}: {n} is too small (at least {lo})")
    if n > hi:
        raise BadRequest(f"{name}: {n} is too large (at most {hi})")
    return n


@dataclass
class Paging:
    page: int
    size: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    def pages(self, total: int) -> int:
        return max(1, -(-total // self.size))


def paging(query: Mapping[str, str], default_size: int = DEFAULT_PAGE_SIZE) -> Paging:
    return Paging(whole(query.get("page"), "page", 1, MAX_PAGE, 1),
                  whole(query.get("size"), "size", 1, MAX_PAGE_SIZE, default_size))


def sorting(query: Mapping[str, str]) -> tuple[str, bool]:
    """(column, descending): `sort` one of EVENT_SORTS, `order` asc or desc (dates latest first by default)."""
    sort = _one(query, "sort") or "date"
    if sort not in EVENT_SORTS:
        raise BadRequest(f"sort: unknown column {sort[:40]!r} (choose from {', '.join(EVENT_SORTS)})")
    order = _one(query, "order") or ("desc" if sort in ("date", "confidence") else "asc")
    if order not in ("asc", "desc"):
        raise BadRequest(f"order: {order[:20]!r} is not asc or desc")
    return sort, order == "desc"


def status(value: str | None) -> str | None:
    if not value:
        return None
    if value not in COMMITMENT_STATUSES:
        raise BadRequest(f"status: {value[:40]!r} is not one of {', '.join(COMMITMENT_STATUSES)}")
    return value


ALLOWED = {  # the parameters each kind of route reads; anything else is refused (a typo is not ignored)
    "filters": {"country", "pair", "type", "topic", "from", "to", "text", "doc", "actor", "min_confidence"},
    "paging": {"page", "size"},
    "sorting": {"sort", "order"},
}


def only(query: Mapping[str, str], *groups: str, extra: tuple[str, ...] = ()) -> None:
    allowed = set(extra).union(*(ALLOWED[g] for g in groups))
    unknown = sorted(k for k in query.keys() if k not in allowed)
    if unknown:
        raise BadRequest(f"unknown parameter {unknown[0][:40]!r} (this page reads: {', '.join(sorted(allowed)) or 'none'})")
