"""Property-based tests: no input makes the readers, the header parser or `resolve_date`
crash or hang. Each example has a hypothesis deadline, and a SIGALRM guard turns a real hang
(which a deadline alone only reports once the call returns) into a failure."""
from __future__ import annotations

import datetime as dt
import json
import re
import signal
import threading
from contextlib import contextmanager

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pactwatch
from pactwatch.io.ingest import Limits, parse_header, read_html_file, read_jsonl_file, read_text_file
from pactwatch.model import Document, Failure

HANG_S = 20


class Hang(Exception):
    pass


@contextmanager
def no_hang(seconds: float = HANG_S):
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def boom(signum, frame):
        raise Hang(f"no result after {seconds} s")

    old = signal.signal(signal.SIGALRM, boom)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def fast(n: int, deadline_s: float = 3.0):
    return settings(max_examples=n, deadline=dt.timedelta(seconds=deadline_s),
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


SMALL = Limits(max_bytes=600, max_line_chars=120)


def check_item(it: object) -> None:
    assert isinstance(it, (Document, Failure)), it
    if isinstance(it, Document):
        assert isinstance(it.id, str) and it.id
        assert it.text[it.body_start:].strip()
        it.text.encode("utf-8")          # storable: no lone surrogates
        it.content_hash
        assert "\x00" not in it.text
        assert all(isinstance(w, str) and w for w in it.warnings)
        assert it.date is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", it.date)
        assert max((len(x) for x in it.text.split("\n")), default=0) <= SMALL.max_line_chars
    else:
        assert isinstance(it.reason, str) and it.reason and str(it)


# ---- readers -------------------------------------------------------------------------------

_words = st.sampled_from(["date", "2025-08-05", "2025-02-30", " ", "\n", "\r\n", "Seoul", "caf\u00e9", "\u65e5\u672c",
                          "<html>", "<!DOCTYPE html>", "<p>", "</p>", "<meta property=\"article:published_time\" "
                          "content=\"2025-08-05\">", "\ufeff", "\x00", "\u2014", "\U0001F600"])
_text = st.one_of(st.text(max_size=300), st.lists(st.one_of(_words, st.text(max_size=6)), max_size=40).map("".join))
_bytes = st.one_of(
    st.binary(max_size=700),
    st.tuples(_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "latin-1", "cp1252",
                                      "cp1251", "shift_jis", "koi8-r"])).map(
        lambda te: te[0].encode(te[1], errors="ignore")),
)


@fast(300)
@given(data=_bytes, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_text_and_html_readers_never_crash(tmp_path_factory, data: bytes, suffix: str) -> None:
    p = tmp_path_factory.mktemp("prop") / f"doc{suffix}"
    p.write_bytes(data)
    with no_hang():
        it = read_html_file(p, SMALL) if suffix == ".html" else read_text_file(p, SMALL)
    check_item(it)


_tag = st.sampled_from(["p", "div", "article", "main", "span", "h1", "script", "style", "nav", "table", "td", "br",
                        "footer", "header", "time", "meta", "title", "head", "body", "!--", "a"])


@st.composite
def html_pages(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 25))):
        kind = draw(st.integers(0, 3))
        tag = draw(_tag)
        if kind == 0:
            parts.append(f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(st.text(max_size=60)))
        else:
            parts.append(f'<{tag} content="{draw(st.text(max_size=12))}" property="article:published_time">')
    head = draw(st.sampled_from(["", "<!doctype html>", "<html>", " <HTML lang=en>"]))
    return head + "".join(parts)


@fast(150, deadline_s=5.0)
@given(page=html_pages())
def test_html_reader_never_crashes(tmp_path_factory, page: str) -> None:
    p = tmp_path_factory.mktemp("prop") / "page.html"
    p.write_text(page, encoding="utf-8", errors="surrogatepass")
    with no_hang():
        it = read_html_file(p, SMALL)
    check_item(it)


_json_value = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                                     st.text(max_size=30)),
                           lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                   st.dictionaries(st.text(max_size=5), inner, max_size=3)),
                           max_leaves=8)
_jsonl_line = st.one_of(
    st.binary(max_size=120),
    st.text(max_size=120).map(lambda s: s.encode("utf-8", errors="surrogatepass")),
    _json_value.map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries({"id": _json_value, "text": _json_value},
                          optional={"date": st.one_of(_json_value, st.sampled_from(
                              ["2025-08-05", "2025-02-30", "2025-08-05T10:00:00Z", "05/08/2025", ""])),
                              "title": _json_value, "url": _json_value}).map(lambda d: json.dumps(d).encode()),
    st.just(b"[").map(bytes), st.just(b"\xef\xbb\xbf{\"id\": \"x\", \"text\": \"y\"}"),
)


@fast(200)
@given(lines=st.lists(_jsonl_line, max_size=12), sep=st.sampled_from([b"\n", b"\r\n"]),
       final=st.sampled_from([b"", b"\n"]))
def test_jsonl_reader_never_crashes(tmp_path_factory, lines: list[bytes], sep: bytes, final: bytes) -> None:
    p = tmp_path_factory.mktemp("prop") / "docs.jsonl"
    p.write_bytes(sep.join(lines) + final)
    with no_hang():
        items = list(read_jsonl_file(p, SMALL))
    assert items
    n_lines = len((sep.join(lines) + final).split(b"\n"))
    for it in items:
        check_item(it)
        if isinstance(it, Failure) and it.line is not None:
            assert 1 <= it.line <= n_lines and it.reason.startswith(f"line {it.line}: ")
        if isinstance(it, Document):
            assert 1 <= int(it.origin.rsplit(":", 1)[1]) <= n_lines


# ---- the header parser -----------------------------------------------------------------------

@fast(500)
@given(raw=st.one_of(st.text(max_size=200), st.lists(_words, max_size=12).map(" ".join),
                     st.from_regex(r"\A\ufeff?[ \t]{0,3}date[ \t]{1,3}\S{0,15}[ \t\r\n]{0,3}.{0,30}\Z")))
def test_parse_header_never_crashes(raw: str) -> None:
    with no_hang():
        date, start, warning = parse_header(raw)
    assert 0 <= start <= len(raw)
    assert date is None or (len(date) == 10 and dt.date.fromisoformat(date))
    assert not (date and warning)
    if start == 0:
        assert date is None and warning is None


# ---- resolve_date ----------------------------------------------------------------------------

_refs = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
_expr_words = st.sampled_from([
    "today", "yesterday", "tomorrow", "next year", "last month", "this week", "in 9999 years", "9999 years ago",
    "Friday", "last Friday", "next Tuesday", "December 31", "Feb. 29", "Sept. 30, 1998", "the following year",
    "early next year", "mid-1996", "a year earlier", "2025-02-30", "31/12/99", "'98", "1999", "0", "May",
    "March 2025", "the 1990s", "two weeks ago", "in three months", "Q3", "fall", "Christmas", "99999999999",
])
_expressions = st.one_of(st.text(max_size=80), st.lists(st.one_of(_expr_words, st.text(max_size=6)),
                                                        max_size=8).map(" ".join))
_sentences = st.one_of(st.none(), st.text(max_size=300),
                       st.lists(st.one_of(_expr_words, st.sampled_from(["will", "said", "met", "signed", ","])),
                                max_size=30).map(" ".join))


def _valid(value: str) -> bool:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return False
    y, mo, d = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        dt.date(y, mo, d)
    except ValueError:
        return False
    return True


@fast(400)
@given(expression=_expressions, ref=st.one_of(_refs, _refs.map(dt.date.isoformat)), sentence=_sentences)
def test_resolve_date_never_crashes(expression: str, ref, sentence) -> None:
    with no_hang():
        value = pactwatch.resolve_date(expression, ref, sentence)
    assert value is None or (isinstance(value, str) and _valid(value)), value


@fast(200)
@given(expression=_expressions, ref=st.one_of(st.text(max_size=15), st.none(), st.integers(), st.just("2025-02-30")))
def test_resolve_date_with_bad_reference_never_crashes(expression: str, ref) -> None:
    with no_hang():
        value = pactwatch.resolve_date(expression, ref)
    assert value is None or (isinstance(value, str) and _valid(value)), value
