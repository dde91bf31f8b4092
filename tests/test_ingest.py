"""Readers: good input becomes Documents, bad input Failures with clear reasons, nothing raises."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

try:
    import pactwatch  # noqa: F401
except ImportError:  # running from a checkout without an install
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pactwatch.io.ingest import (NO_DATE_WARNING, Limits, iter_documents, parse_header, read_jsonl_file,
                              read_text_file)
from pactwatch.model import Document, Failure

from conftest import SHARED  # noqa: E402  ($PACTWATCH_SHARED, else ../shared)
SEEDS = SHARED / "corpus" / "seeds"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


# ---- seeds ---------------------------------------------------------------------------------

@pytest.mark.parametrize("stem,date,first_word", [
    ("000_91c11504c86257ee", "2025-08-05", "Seoul"),
    ("002_c190c86888b87c20", "2025-10-29", "South Korea"),
])
def test_seed_articles(stem: str, date: str, first_word: str) -> None:
    path = SEEDS / f"{stem}.txt"
    if not path.exists():
        pytest.skip(f"seed corpus not available at {path}")
    doc = read_text_file(path)
    assert isinstance(doc, Document), doc
    assert doc.id == stem and doc.date == date and doc.origin == str(path)
    assert doc.text == path.read_bytes().decode("utf-8")  # exactly as read, header included
    assert doc.text[doc.body_start:].startswith(first_word)
    assert doc.text[:doc.body_start].strip() == f"date {date}"
    assert doc.warnings == []


def test_seed_folder_is_read_in_order() -> None:
    if not SEEDS.is_dir():
        pytest.skip("seed corpus not available")
    items = list(iter_documents([SEEDS]))
    assert [d.id for d in items] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert all(isinstance(d, Document) for d in items)


# ---- parse_header --------------------------------------------------------------------------

def test_header_with_text_on_same_line() -> None:
    raw = " date 2025-08-05 Seoul, Aug 5 South Korea"
    assert parse_header(raw) == ("2025-08-05", len(" date 2025-08-05 "), None)
    assert parse_header("date 2025-08-05 X")[1] == len("date 2025-08-05 ")


def test_header_alone_on_its_line() -> None:
    date, start, warning = parse_header("date 2025-08-05\nBody text")
    assert (date, warning) == ("2025-08-05", None)
    assert "date 2025-08-05\nBody text"[start:] == "Body text"


def test_no_header() -> None:
    assert parse_header("Seoul, Aug 5 South Korea") == (None, 0, None)
    assert parse_header("") == (None, 0, None)
    assert parse_header("Update date 2025-08-05 later") == (None, 0, None)


@pytest.mark.parametrize("token,word", [
    ("2025-02-30", "impossible"), ("2025-13-01", "impossible"), ("yesterday", "malformed"),
    ("2025-8-5", "malformed"),
])
def test_bad_header_date(token: str, word: str) -> None:
    raw = f" date {token} Article text."
    date, start, warning = parse_header(raw)
    assert date is None
    assert raw[start:] == "Article text."
    assert warning and word in warning and f"'{token}'" in warning and "header" in warning


def test_impossible_date_document_is_kept(tmp_path: Path) -> None:
    doc = read_text_file(write(tmp_path / "a.txt", " date 2025-02-30 Seoul, Feb 30 Talks were held."))
    assert isinstance(doc, Document) and doc.date is None
    assert doc.text[doc.body_start:].startswith("Seoul")
    assert any("impossible date '2025-02-30'" in w for w in doc.warnings)
    assert NO_DATE_WARNING in doc.warnings


def test_missing_date(tmp_path: Path) -> None:
    doc = read_text_file(write(tmp_path / "nodate.txt", "Seoul, Aug 5 Talks were held."))
    assert isinstance(doc, Document)
    assert doc.id == "nodate" and doc.date is None and doc.body_start == 0
    assert doc.warnings == [NO_DATE_WARNING]


# ---- bad text files ------------------------------------------------------------------------

def reason(item: Document | Failure) -> str:
    assert isinstance(item, Failure), f"expected a Failure, got {item!r}"
    return item.reason


def test_empty_and_blank(tmp_path: Path) -> None:
    assert reason(read_text_file(write(tmp_path / "e.txt", b""))) == "empty file"
    assert "empty file" in reason(read_text_file(write(tmp_path / "b.txt", " \n\t\n")))
    assert "no article text" in reason(read_text_file(write(tmp_path / "h.txt", " date 2025-08-05 \n")))


def test_binary(tmp_path: Path) -> None:
    f = read_text_file(write(tmp_path / "x.txt", b"GIF89a\x00\x01\x02"))
    assert reason(f) == "binary file (contains NUL bytes)"
    assert str(f) == f"{tmp_path / 'x.txt'}: binary file (contains NUL bytes)"


def test_latin1(tmp_path: Path) -> None:
    doc = read_text_file(write(tmp_path / "l.txt", "date 2025-08-05 Caf\u00e9 talks".encode("latin-1")))
    assert isinstance(doc, Document) and doc.text == "date 2025-08-05 Caf\u00e9 talks"  # never mojibake
    assert doc.date == "2025-08-05" and doc.warnings[0].startswith("decoded from cp1252")


def test_undecidable_bytes(tmp_path: Path) -> None:
    r = reason(read_text_file(write(tmp_path / "r.txt", bytes(range(128, 256)))))
    assert r == ("not UTF-8 text (invalid byte 0x80 at offset 0) and no other encoding could be detected "
                 "with confidence")


def test_utf16(tmp_path: Path) -> None:
    doc = read_text_file(write(tmp_path / "u.txt", "hello".encode("utf-16")))
    assert isinstance(doc, Document) and doc.text == "hello"
    assert doc.warnings[0] == "decoded from UTF-16 (byte-order mark)"
    assert "UTF-16" in reason(read_text_file(write(tmp_path / "bad16.txt", b"\xff\xfeh\x00\x00\xd8")))


def test_bom_is_stripped_and_offsets_follow(tmp_path: Path) -> None:
    doc = read_text_file(write(tmp_path / "bom.txt", b"\xef\xbb\xbf date 2025-08-05 Seoul talks"))
    assert isinstance(doc, Document)
    assert doc.text == " date 2025-08-05 Seoul talks" and doc.date == "2025-08-05"
    assert doc.text[doc.body_start:] == "Seoul talks"


def test_text_kept_exactly(tmp_path: Path) -> None:
    data = "date 2025-08-05 A\r\nB  \n\n"
    doc = read_text_file(write(tmp_path / "crlf.txt", data))
    assert isinstance(doc, Document) and doc.text == data


def test_limits(tmp_path: Path) -> None:
    p = write(tmp_path / "big.txt", "x" * 100)
    assert reason(read_text_file(p, Limits(max_bytes=50))) == "file too large (100 bytes > limit 50; see --max-bytes)"
    r = reason(read_text_file(write(tmp_path / "long.txt", "ok\n" + "y" * 30), Limits(max_line_chars=20)))
    assert r == "line 2 too long (30 characters > limit 20; see --max-line-chars)"


# ---- JSON Lines ----------------------------------------------------------------------------

def jl(*objs: object) -> str:
    return "\n".join(o if isinstance(o, str) else json.dumps(o) for o in objs) + "\n"


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    p = write(tmp_path / "docs.jsonl", jl(
        {"id": "a", "date": "2025-08-05", "text": "First.", "title": "T", "source": "S",
         "url": "http://x", "language": "en"},
        "",
        "{not json",
        {"id": 7, "date": "2025-02-30", "text": "Second."},
        {"id": "c", "text": ""},
        {"text": "no id"},
        {"id": "d"},
        {"id": "e", "text": 5},
        "[1, 2]",
        {"id": "f", "date": "2025-08-05T09:30:00Z", "text": "Third."},
    ))
    items = list(read_jsonl_file(p))
    docs = [i for i in items if isinstance(i, Document)]
    fails = [i for i in items if isinstance(i, Failure)]
    assert [d.id for d in docs] == ["a", "7", "f"]
    a, seven, f = docs
    assert (a.date, a.title, a.source, a.url, a.language, a.text) == (
        "2025-08-05", "T", "S", "http://x", "en", "First.")
    assert a.origin == f"{p}:1" and a.warnings == [] and a.body_start == 0
    assert seven.date is None and any("impossible date '2025-02-30'" in w for w in seven.warnings)
    assert NO_DATE_WARNING in seven.warnings
    assert f.date == "2025-08-05"
    by_line = {x.line: x.reason for x in fails}
    assert by_line[3].startswith("line 3: not JSON (")
    assert by_line[5] == "line 5: empty 'text'"
    assert by_line[6] == "line 6: missing 'id'"
    assert by_line[7] == "line 7: missing 'text'"
    assert by_line[8] == "line 8: 'text' must be a string (got number)"
    assert by_line[9] == "line 9: not a JSON object (got array)"
    assert all(x.origin == str(p) for x in fails)
    assert str(fails[0]) == f"{p}:3: not JSON (Expecting property name enclosed in double quotes at column 2)"


def test_jsonl_bad_line_in_the_middle(tmp_path: Path) -> None:
    p = write(tmp_path / "m.jsonl", jl({"id": "1", "date": "2025-01-01", "text": "x"},
                                      '{"id": "2", "text": "trunc',
                                      {"id": "3", "date": "2025-01-02", "text": "y"}))
    items = list(read_jsonl_file(p))
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Document"]
    assert items[1].line == 2 and "not JSON" in items[1].reason


def test_jsonl_missing_date_and_bad_bytes(tmp_path: Path) -> None:
    p = write(tmp_path / "b.jsonl", b'{"id": "a", "text": "x"}\n{"id": "b", "text": "caf\xe9"}\n')
    a, b = list(read_jsonl_file(p))
    assert isinstance(a, Document) and a.date is None and a.warnings == [NO_DATE_WARNING]
    assert reason(b).startswith("line 2: not UTF-8 text (invalid byte 0xe9")


def test_jsonl_whole_file_problems(tmp_path: Path) -> None:
    assert [reason(x) for x in read_jsonl_file(write(tmp_path / "e.jsonl", b""))] == ["empty file"]
    assert "only blank lines" in reason(next(read_jsonl_file(write(tmp_path / "n.jsonl", "\n\n"))))
    arr = write(tmp_path / "arr.json", '[\n  {"id": "a", "text": "x"}\n]\n')
    assert [reason(x) for x in read_jsonl_file(arr)] == [
        "a JSON array, not JSON Lines (expected one JSON object per line)"]
    big = write(tmp_path / "big.jsonl", jl({"id": "a", "text": "x" * 100}, {"id": "b", "text": "ok"}))
    out = list(read_jsonl_file(big, Limits(max_bytes=60)))
    assert reason(out[0]).startswith("line 1: too large (") and isinstance(out[1], Document)


def test_jsonl_lone_surrogates(tmp_path: Path) -> None:
    p = write(tmp_path / "s.jsonl", '{"id": "a", "text": "bad \\ud800 text"}\n'
                                    '{"id": "b", "text": "ok", "title": "\\udfff"}\n')
    a, b = list(read_jsonl_file(p))
    assert reason(a).startswith("line 1: 'text' is not valid Unicode")
    assert isinstance(b, Document) and b.title is None and "ignored 'title': not valid Unicode" in b.warnings
    b.content_hash  # encodable


def test_jsonl_bom_and_crlf(tmp_path: Path) -> None:
    p = write(tmp_path / "w.jsonl", b'\xef\xbb\xbf{"id": "a", "text": "x"}\r\n{"id": "b", "text": "y"}\r\n')
    assert [d.id for d in read_jsonl_file(p)] == ["a", "b"]


# ---- iter_documents ------------------------------------------------------------------------

def test_folder_recursion(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "date 2025-01-01 B")
    write(tmp_path / "sub" / "a.txt", "date 2025-01-02 A")
    write(tmp_path / "sub" / "deeper" / "c.md", "C")
    write(tmp_path / "sub" / "d.text", "D")
    write(tmp_path / "docs.jsonl", jl({"id": "j1", "text": "J"}, {"id": "j2", "text": "K"}))
    write(tmp_path / "notes.pdf", b"%PDF\x00")
    write(tmp_path / "image.png", b"\x89PNG\x00")
    write(tmp_path / ".hidden.txt", "H")
    items = list(iter_documents([tmp_path]))
    assert all(isinstance(i, Document) for i in items), items
    assert [i.id for i in items] == ["b", "j1", "j2", "a", "d", "c"]


def test_named_files_any_extension(tmp_path: Path) -> None:
    odd = write(tmp_path / "article.dat", "date 2025-03-04 Text")
    lines = write(tmp_path / "x.ndjson", jl({"id": "n", "text": "T"}))
    items = list(iter_documents([odd, str(lines)]))
    assert [(i.id, i.date) for i in items] == [("article", "2025-03-04"), ("n", None)]


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    [f] = list(iter_documents([missing]))
    assert isinstance(f, Failure) and f.reason == "no such file or directory"
    assert str(f) == f"{missing}: no such file or directory"
    [g] = list(read_jsonl_file(tmp_path / "nope.jsonl"))
    assert g.reason == "no such file or directory"
    assert reason(read_text_file(tmp_path)) == "is a directory"


def test_duplicate_ids(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A")
    write(tmp_path / "sub" / "a.txt", "A again")
    write(tmp_path / "z.jsonl", jl({"id": "a", "text": "x"}))
    items = list(iter_documents(tmp_path))  # a single path is accepted too
    assert isinstance(items[0], Document)
    assert all(isinstance(i, Failure) and "duplicate document id 'a'" in i.reason for i in items[1:])
    assert items[2].line == 1 and items[2].reason.startswith("line 1: duplicate")


def test_bad_files_do_not_stop_the_rest(tmp_path: Path) -> None:
    write(tmp_path / "1.txt", b"")
    write(tmp_path / "2.txt", b"\x00\x01")
    write(tmp_path / "3.txt", "fine")
    kinds = [type(i).__name__ for i in iter_documents([tmp_path, tmp_path / "missing"])]
    assert kinds == ["Failure", "Failure", "Document", "Failure"]


# ---- properties: never raise ---------------------------------------------------------------

@given(st.text())
def test_parse_header_never_raises(raw: str) -> None:
    date, start, warning = parse_header(raw)
    assert 0 <= start <= len(raw)
    assert date is None or len(date) == 10
    assert not (date and warning)


@given(st.from_regex(r"\A[ \t]?date[ \t]+\S{1,12}[ \t]?.{0,20}\Z"))
def test_parse_header_on_header_like_input(raw: str) -> None:
    date, start, warning = parse_header(raw)
    assert (date is None) == (warning is not None)


_line = st.one_of(
    st.binary(max_size=80),
    st.text(max_size=80).map(lambda s: s.encode("utf-8")),
    st.dictionaries(st.sampled_from(["id", "date", "text", "title", "url"]),
                    st.one_of(st.none(), st.integers(), st.text(max_size=20), st.booleans(),
                              st.lists(st.integers(), max_size=2)),
                    max_size=5).map(lambda d: json.dumps(d).encode()),
    st.text(alphabet=st.characters(categories=["Cs", "L", "Zs"]), max_size=20).map(  # lone surrogates too
        lambda t: json.dumps({"id": t or "x", "text": t + "!", "title": t}).encode()),
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_line, max_size=8), st.sampled_from([b"\n", b"\r\n"]))
def test_read_jsonl_never_raises(tmp_path: Path, lines: list[bytes], sep: bytes) -> None:
    p = tmp_path / "prop.jsonl"
    p.write_bytes(sep.join(lines))
    items = list(read_jsonl_file(p, Limits(max_bytes=64, max_line_chars=40)))
    assert items, "at least one Document or Failure per file"
    for it in items:
        assert isinstance(it, (Document, Failure))
        if isinstance(it, Document):
            assert it.text.strip() and isinstance(it.id, str)
            assert it.content_hash  # storable: valid UTF-8 throughout
        else:
            assert it.reason and str(it)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200))
def test_read_text_never_raises(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "prop.txt"
    p.write_bytes(data)
    it = read_text_file(p, Limits(max_bytes=150, max_line_chars=50))
    assert isinstance(it, (Document, Failure))
    if isinstance(it, Document):
        assert it.text[it.body_start:].strip()
