"""Bad input end to end: encodings, HTML, duplicate ids, size limits, every input accounted
for, and `pactwatch check` finding planted damage."""
from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from pactwatch.io.ingest import HTML_WARNING, NO_DATE_WARNING, iter_documents, read_html_file, read_text_file
from pactwatch.model import Document, Failure
from pactwatch.pipeline import ingest_paths
from pactwatch.io.store import Store

ARTICLE = ("Seoul, Aug 5 South Korea and the United States signed an agreement on artificial intelligence "
           "research on Tuesday, officials said. The two countries will cooperate on semiconductors.")


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def doc(item: Document | Failure) -> Document:
    assert isinstance(item, Document), f"expected a Document, got {item!r}"
    return item


def reason(item: Document | Failure) -> str:
    assert isinstance(item, Failure), f"expected a Failure, got {item!r}"
    return item.reason


# ---- encodings -----------------------------------------------------------------------------

@pytest.mark.parametrize("text,encoding,detected", [
    ("date 2025-08-05 Caf\u00e9 talks in M\u00fcnchen and Espa\u00f1a went well, officials said.", "latin-1", "cp1252"),
    ("date 2025-08-05 He said \u201cyes\u201d \u2014 the caf\u00e9 deal is done.", "cp1252", "cp1252"),
    ("\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0420\u043e\u0441\u0441\u0438\u0438 \u0438 "
     "\u043f\u0440\u0435\u043c\u044c\u0435\u0440-\u043c\u0438\u043d\u0438\u0441\u0442\u0440 \u0418\u043d\u0434\u0438\u0438 "
     "\u043f\u043e\u0434\u043f\u0438\u0441\u0430\u043b\u0438 \u0441\u043e\u0433\u043b\u0430\u0448\u0435\u043d\u0438\u0435.",
     "cp1251", "cp1251"),
    ("\u65e5\u672c\u3068\u97d3\u56fd\u306f\u79d1\u5b66\u6280\u8853\u5354\u529b\u3067\u5408\u610f\u3057\u305f\u3002" * 4,
     "shift_jis", None),
])
def test_legacy_encodings_are_decoded_not_mojibake(tmp_path: Path, text: str, encoding: str,
                                                  detected: str | None) -> None:
    d = doc(read_text_file(write(tmp_path / "legacy.txt", text.encode(encoding))))
    assert d.text == text
    assert d.warnings[0].startswith("decoded from " + (detected or ""))
    assert "not UTF-8" in d.warnings[0]


def test_cafe_in_latin1_arrives_as_cafe(tmp_path: Path) -> None:
    d = doc(read_text_file(write(tmp_path / "c.txt", "date 2025-08-05 caf\u00e9".encode("latin-1"))))
    assert d.text.endswith("caf\u00e9") and "caf\u00c3" not in d.text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_bom(tmp_path: Path, codec: str) -> None:
    text = "date 2025-08-05 Caf\u00e9 \u65e5\u672c talks"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00",
           "utf-32-be": b"\x00\x00\xfe\xff"}.get(codec, b"")
    d = doc(read_text_file(write(tmp_path / "u.txt", bom + text.encode(codec))))
    assert d.text == text and d.date == "2025-08-05"
    assert d.warnings[0].startswith("decoded from UTF-")


@pytest.mark.parametrize("data,expected", [
    (bytes(range(128, 256)), "no other encoding could be detected with confidence"),
    (b"\xff\xfeA\x00\x00\xd8", "not valid UTF-16 text despite its byte-order mark"),
    (b"\xff\xfeA\x00\x00\x00B\x00", "binary file"),
    (b"text\x00with a NUL", "binary file (contains NUL bytes)"),
])
def test_undecidable_or_binary_is_a_clear_failure(tmp_path: Path, data: bytes, expected: str) -> None:
    assert expected in reason(read_text_file(write(tmp_path / "x.txt", data)))


# ---- HTML ----------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Korea and US sign AI pact</title>{meta}</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Korea and US sign AI pact</h1>
<p>Seoul, Aug 5 South Korea and the United States signed an agreement on artificial intelligence research on
Tuesday, officials said.</p>
<p>The two countries will cooperate on semiconductors and quantum computing, the science ministry said.</p>
</article>
<footer>Copyright 2021 Example News. All rights reserved.</footer>
</body></html>
"""
META = '<meta content="2025-08-05T09:00:00+09:00" property="article:published_time">'


def test_html_article_text_date_and_title(tmp_path: Path) -> None:
    d = doc(read_html_file(write(tmp_path / "pact.html", PAGE.format(meta=META))))
    assert d.id == "pact" and d.date == "2025-08-05" and d.title == "Korea and US sign AI pact"
    assert "South Korea and the United States signed an agreement" in d.text
    assert "<p>" not in d.text and "Home" not in d.text and "Copyright" not in d.text
    assert d.body_start == 0 and HTML_WARNING in d.warnings and NO_DATE_WARNING not in d.warnings


def test_html_without_a_date_gets_none_not_an_invented_one(tmp_path: Path) -> None:
    d = doc(read_html_file(write(tmp_path / "nodate.htm", PAGE.format(meta=""))))
    assert d.date is None and NO_DATE_WARNING in d.warnings   # not 2021 from the footer


def test_html_impossible_meta_date(tmp_path: Path) -> None:
    bad = '<meta property="article:published_time" content="2025-02-30">'
    d = doc(read_html_file(write(tmp_path / "bad.html", PAGE.format(meta=bad))))
    assert d.date is None
    assert any("impossible date '2025-02-30'" in w and "article:published_time" in w for w in d.warnings)


def test_html_in_a_txt_file_is_extracted(tmp_path: Path) -> None:
    d = doc(read_text_file(write(tmp_path / "page.txt", "\n  " + PAGE.format(meta=META))))
    assert d.id == "page" and d.date == "2025-08-05" and "<html" not in d.text and HTML_WARNING in d.warnings


@pytest.mark.parametrize("page", [
    "<html><head><title>Only a title</title></head><body></body></html>",
    "<!doctype html><html><body><script>var x = 1;</script></body></html>",
])
def test_html_with_no_article_text_fails(tmp_path: Path, page: str) -> None:
    assert reason(read_html_file(write(tmp_path / "empty.html", page))) == "HTML with no article text"


def test_html_in_latin1(tmp_path: Path) -> None:
    page = PAGE.format(meta=META).replace("research on", "research at a caf\u00e9 in M\u00fcnchen on")
    d = doc(read_html_file(write(tmp_path / "l.html", page.encode("latin-1"))))
    assert "caf\u00e9 in M\u00fcnchen" in d.text and d.warnings[0].startswith("decoded from cp1252")


def test_folders_include_html(tmp_path: Path) -> None:
    write(tmp_path / "a.html", PAGE.format(meta=META))
    write(tmp_path / "b.htm", PAGE.format(meta=META))
    write(tmp_path / "c.txt", "date 2025-08-05 " + ARTICLE)
    assert [d.id for d in iter_documents(tmp_path)] == ["a", "b", "c"]


# ---- duplicate ids -------------------------------------------------------------------------

def test_duplicate_id_in_one_run_keeps_the_first(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "first")
    write(tmp_path / "a.html", PAGE.format(meta=META))
    first, second = iter_documents(tmp_path)   # a.html sorts first
    assert doc(first).origin == str(tmp_path / "a.html")
    assert reason(second) == f"duplicate document id 'a' (already read from {tmp_path / 'a.html'})"


# ---- the CLI: limits, updates, failures, check ----------------------------------------------

def test_cli_limits_updates_and_failures(run_cli, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write(inbox / "good.txt", "date 2025-08-05 " + ARTICLE)
    write(inbox / "big.txt", "date 2025-08-05 " + ARTICLE * 3)
    write(inbox / "wide.txt", "date 2025-08-05 " + ARTICLE.replace(". ", ".\n") + "\n" + "x" * 300)
    write(inbox / "lines.jsonl", "\n".join([json.dumps({"id": "j1", "date": "2025-08-06", "text": ARTICLE}),
                                            json.dumps({"id": "j2", "text": ARTICLE * 3})]) + "\n")
    db = tmp_path / "t.db"
    p = run_cli("ingest", "--db", db, "--max-bytes", 540, "--max-line-chars", 250, inbox)
    assert re.search(r"read 5  new 2  updated 0  unchanged 0  failed 3", p.stdout), p.stdout
    assert re.search(r"big\.txt: file too large \(\d+ bytes > limit 540; see --max-bytes\)", p.stderr), p.stderr
    assert "wide.txt: line 3 too long (300 characters > limit 250; see --max-line-chars)" in p.stderr
    assert re.search(r"lines\.jsonl:2: too large \(\d+ bytes > limit 540; see --max-bytes\)", p.stderr)
    out = run_cli("failures", "--db", db).stdout
    assert "big.txt" in out and "wide.txt" in out and "lines.jsonl:2" in out and "3 failure(s)" in out
    # a changed text replaces the stored version, and says so
    write(inbox / "good.txt", "date 2025-08-05 " + ARTICLE.replace("Tuesday", "Wednesday"))
    write(inbox / "lines.jsonl", json.dumps({"id": "j1", "date": "2025-08-07", "text": ARTICLE}) + "\n")
    p = run_cli("ingest", "--db", db, "--max-bytes", 540, "--max-line-chars", 250, inbox)
    assert "updated 2" in p.stdout
    assert "updated: good (text changed; the stored version was replaced)" in p.stdout
    assert "updated: j1 (date changed: 2025-08-06 -> 2025-08-07;" in p.stdout
    chk = run_cli("check", "--db", db)
    assert "documents 2" in chk.stdout and "ok: no problems found" in chk.stdout
    bad = run_cli("ingest", "--db", db, "--max-bytes", 0, inbox, check=False)
    assert bad.returncode == 2 and "--max-bytes: '0' is not a positive whole number" in bad.stderr


def test_every_input_is_accounted_for(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write(inbox / "good.txt", "date 2025-08-05 " + ARTICLE)
    write(inbox / "nodate.txt", ARTICLE)
    write(inbox / "baddate.txt", "date 2025-13-45 " + ARTICLE)
    write(inbox / "page.html", PAGE.format(meta=META))
    write(inbox / "legacy.txt", ("date 2025-08-05 Caf\u00e9 " + ARTICLE).encode("latin-1"))
    write(inbox / "empty.txt", b"")
    write(inbox / "blank.txt", "  \n\n")
    write(inbox / "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(inbox / "noise.txt", bytes(range(128, 256)))
    write(inbox / "nothing.html", "<html><body></body></html>")
    write(inbox / "docs.jsonl", "\n".join([json.dumps({"id": "j1", "date": "2025-08-05", "text": ARTICLE}),
                                           "{broken", json.dumps({"id": "j2", "date": "someday", "text": ARTICLE}),
                                           json.dumps({"id": "baddate", "text": "duplicate id"})]) + "\n")
    with Store(str(tmp_path / "t.db")) as store:
        s = ingest_paths([str(inbox)], store)
        assert s.read == s.new + s.updated + s.unchanged + s.failed
        assert (s.read, s.new, s.failed) == (14, 7, 7)
        stored = {d["id"]: d["date"] for d in store.documents()}
        assert stored == {"good": "2025-08-05", "nodate": None, "baddate": None, "page": "2025-08-05",
                          "legacy": "2025-08-05", "j1": "2025-08-05", "j2": None}
        # undated documents: stored, events get no invented dates, and the warning says so
        for doc_id in ("nodate", "baddate", "j2"):
            assert NO_DATE_WARNING in store.document(doc_id).warnings
        assert any("impossible date '2025-13-45'" in w for w in store.document("baddate").warnings)
        assert any("malformed date 'someday'" in w for w in store.document("j2").warnings)
        undated = [e for d in ("nodate", "baddate", "j2") for e in store.events(doc_id=d)]
        assert undated and all(e.date is None for e in undated)   # "Aug 5", "Tuesday": no year to give
        reasons = {(Path(f["origin"]).name, f["line"]): f["reason"] for f in store.failures()}
        assert set(reasons) == {("empty.txt", None), ("blank.txt", None), ("binary.txt", None),
                                ("noise.txt", None), ("nothing.html", None), ("docs.jsonl", 2),
                                ("docs.jsonl", 4)}
        assert "duplicate document id 'baddate'" in reasons[("docs.jsonl", 4)]
        assert store.check() == [] and store.unlinked_documents() == []
        run = store.runs()[-1]
        assert run["finished_at"] and run["counts"]["failed"] == 7


def test_undated_documents_get_no_invented_event_dates(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write(inbox / "rel.txt", "South Korea and Japan signed an agreement on quantum research on Tuesday, "
                             "officials said. The ministers will meet again next month.")
    with Store(str(tmp_path / "t.db")) as store:
        ingest_paths([str(inbox)], store)
        evs = store.events(doc_id="rel")
        assert evs and all(e.date is None for e in evs)


# ---- pactwatch check -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def good_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("check")
    inbox = tmp / "inbox"
    write(inbox / "a.txt", "date 2025-08-05 " + ARTICLE)
    write(inbox / "b.txt", "date 2025-08-06 Tokyo, Aug 6 Japan and South Korea signed an agreement on "
                           "artificial intelligence research on Wednesday, officials said.")
    db = tmp / "good.db"
    with Store(str(db)) as store:
        ingest_paths([str(inbox)], store)
        assert store.check() == []
    return db


def damaged(good_db: Path, tmp_path: Path, *sql: str) -> Path:
    db = tmp_path / "damaged.db"
    src, dst = sqlite3.connect(good_db), sqlite3.connect(db)
    src.backup(dst)
    src.close()
    dst.execute("PRAGMA foreign_keys=OFF")
    for q in sql:
        dst.execute(q)
    dst.commit()
    dst.close()
    return db


PLANTS = {
    "orphan sentence": (["INSERT INTO sentences (doc_id, idx, start, \"end\") VALUES ('ghost', 0, 0, 4)"],
                        "orphan row(s) in sentences: doc_id not in documents (e.g. 'ghost')"),
    "orphan event": (["UPDATE events SET doc_id = 'gone' WHERE id = (SELECT min(id) FROM events)"],
                     "orphan row(s) in events: doc_id not in documents"),
    "orphan link": (["INSERT INTO event_links (a, b, reasons) VALUES ('x1', 'x2', '{}')"],
                    "orphan row(s) in event_links: a not in events"),
    "orphan cluster": (["INSERT INTO event_clusters (event_id, cluster_id) VALUES ('x1', 'x1')"],
                       "orphan row(s) in event_clusters"),
    "orphan topic": (["INSERT INTO event_topics (event_id, position, topic) VALUES ('x1', 0, 'quantum')"],
                     "orphan row(s) in event_topics"),
    "orphan participant": (["INSERT INTO event_participants (event_id, side, position, entity_name) "
                            "VALUES ('x1', 'actor', 0, 'X')"], "orphan row(s) in event_participants"),
    "orphan mention": (["INSERT INTO mentions (doc_id, start, \"end\", raw_text) VALUES ('ghost', 0, 1, 'X')"],
                       "orphan row(s) in mentions"),
    "orphan evidence": (["INSERT INTO evidence (event_id, position, doc_id, start, \"end\", text) "
                         "VALUES ('x1', 0, 'a', 0, 4, 'date')"], "orphan row(s) in evidence: event_id"),
    "shifted evidence": (["UPDATE evidence SET start = start + 1 WHERE rowid = (SELECT min(rowid) FROM evidence)"],
                         "differs from document"),
    "evidence out of range": (["UPDATE evidence SET \"end\" = 100000 WHERE rowid = (SELECT min(rowid) FROM evidence)"],
                              "out of range of document"),
    "edited document": (["UPDATE documents SET text = replace(text, 'signed', 'SIGNED')"], "differs from document"),
    "missing sentences": (["DELETE FROM sentences WHERE doc_id = 'a'"], "document 'a' has article text but no sentences"),
}


@pytest.mark.parametrize("plant", sorted(PLANTS))
def test_check_finds_planted_damage(good_db: Path, tmp_path: Path, plant: str) -> None:
    sql, expected = PLANTS[plant]
    db = damaged(good_db, tmp_path, *sql)
    with Store(str(db)) as store:
        problems = store.check()
    assert any(expected in p for p in problems), problems


def test_check_cli_exit_codes(run_cli, good_db: Path, tmp_path: Path) -> None:
    ok = run_cli("check", "--db", good_db)
    assert ok.returncode == 0 and "ok: no problems found" in ok.stdout and "documents 2" in ok.stdout
    db = damaged(good_db, tmp_path, *PLANTS["orphan sentence"][0], *PLANTS["shifted evidence"][0],
                 "INSERT INTO runs (command, paths, started_at) VALUES ('ingest', '[]', '2025-01-01T00:00:00')")
    bad = run_cli("check", "--db", db, check=False)
    assert bad.returncode == 1, bad.stdout
    assert "problem: 1 orphan row(s) in sentences" in bad.stdout and "2 problem(s)" in bad.stdout
    assert "warning: run" in bad.stdout and "never finished" in bad.stdout  # a warning, not a problem


def test_stopped_before_linking_is_completed_by_the_next_run(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write(inbox / "a.txt", "date 2025-08-05 " + ARTICLE)
    write(inbox / "b.txt", "date 2025-08-05 Seoul, Aug 5 South Korea and the United States signed an "
                           "agreement on artificial intelligence research on Tuesday, a ministry official said.")
    with Store(str(tmp_path / "clean.db")) as clean:
        ingest_paths([str(inbox)], clean)
        want = clean.links(), clean.clusters()
    with Store(str(tmp_path / "t.db")) as store:
        ingest_paths([str(inbox)], store, link=False)        # as if stopped before the link step
        assert store.unlinked_documents() == ["a", "b"] and store.links() == []
        assert any("not yet linked" in w for w in store.check_warnings())
        s = ingest_paths([str(inbox)], store)
        assert (s.unchanged, s.recovered) == (2, 2)
        assert store.unlinked_documents() == [] and (store.links(), store.clusters()) == want
