"""The web app of `pactwatch serve` over HTTP (Starlette's TestClient, no browser): every page and
API route on the demo database, bad parameters (400 with a clear message, never a traceback),
missing and foreign databases (a clear page and a log line), read-only access, the security
headers, and a hostile article rendered inert and readable."""
from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import cli_in_process
from pactwatch.app import queries
from pactwatch.app.web import create_app
from pactwatch.io.export import write_csv, write_jsonl
from pactwatch.io.store import Store

PAGES = ["/", "/events", "/events?pair=KOR+USA&sort=confidence&order=asc", "/event/{event}", "/pair/KOR/USA",
         "/pair/GBR/IND?topic=AI", "/commitments", "/commitments?status=fulfilled&country=IND", "/agreements",
         "/agreements?q=quantum", "/actors", "/actors?q=Whitaker", "/actor?name=Daniel+Whitaker", "/network",
         "/network?from=2026-03&to=2026-06", "/map", "/map?topic=space", "/documents", "/documents?q=korea",
         "/document/003_korea_us_joint_committee_convenes", "/failures", "/api"]
API = ["/api/events", "/api/events?country=KOR&type=agree&from=2026&to=2026-06&size=5&page=2",
       "/api/events/{event}", "/api/canonical", "/api/canonical?pair=KOR,USA", "/api/canonical/{event}",
       "/api/commitments", "/api/commitments?status=overdue", "/api/agreements?q=quantum", "/api/actors?q=Tanaka",
       "/api/timeline?pair=KOR,USA", "/api/timeline?pair=IND+GBR&topic=AI", "/api/months?pair=KOR,USA",
       "/api/pairs?limit=3", "/api/documents", "/api/documents/005_korea_us_quantum_mou_signed", "/api/failures",
       "/api/openapi.json"]
EVENT = "8b3be9c6af51b9ae"   # the demo's Korea-US joint committee meeting (README's `show` example)


def demo_totals(db: Path) -> dict[str, int]:
    """What the demo database holds, read through the store (the tests compare the web's answers with these,
    not with numbers that move whenever the coder changes)."""
    with Store(str(db), readonly=True) as store:
        return {"events": store.counts()["events"], "canonical": store.canonical_count({}),
                "commitments": len(store.derived("commitment")), "agreements": len(store.derived("agreement")),
                "documents": store.counts()["documents"]}


@pytest.fixture(scope="module")
def totals(demo_db: Path) -> dict[str, int]:
    return demo_totals(demo_db)


@pytest.fixture(scope="module")
def client(demo_db: Path):
    with TestClient(create_app(str(demo_db), warm=False)) as c:
        yield c


class _Tags(HTMLParser):
    """Every start tag of a page with its attributes, as a browser parses them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))


def _no_inline_script(html: str) -> None:
    """No script but this server's own files, no event handler attribute, no javascript: link."""
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        if tag == "script":
            assert (attrs.get("src") or "").startswith("/static/"), f"inline or foreign script: {attrs}"
        assert not [k for k in attrs if k.startswith("on")], f"an inline event handler: <{tag} {attrs}>"
        for k in ("href", "src", "action", "xlink:href"):
            assert not (attrs.get(k) or "").strip().lower().startswith(("javascript:", "data:text")), (tag, attrs)


@pytest.mark.parametrize("url", PAGES)
def test_every_page_shows_the_demo_data(client: TestClient, url: str) -> None:
    r = client.get(url.format(event=EVENT))
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "unsafe-inline" not in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    _no_inline_script(r.text)
    assert "Traceback" not in r.text


def test_pages_show_what_they_are_for(client: TestClient) -> None:
    home = client.get("/").text
    assert '<svg class="chart"' in home and "Korea" in home and "Most active country pairs" in home
    assert "fulfilled" in home and "signed" in home              # commitments by status, agreements by stage
    ev = client.get(f"/event/{EVENT}").text
    assert ">South Korea and the United States held the inaugural meeting" in ev and "<mark title=\"event " in ev
    assert "triggers.tsv:" in ev and "Merge reasons" in ev            # rules and other reports
    pair = client.get("/pair/KOR/USA").text
    assert '<svg class="chart"' in pair and "memorandum of understanding" in pair and '<svg class="stages"' in pair
    board = client.get("/commitments").text
    for status in ("open", "overdue", "fulfilled"):
        assert f'status status-{status}">{status}</span>' in board
    assert 'class="resolved" href="/event/' in board
    assert "Energy Minister" in client.get("/actor?name=Katrin+Vogler").text
    assert '<svg class="network"' in client.get("/network").text
    world = client.get("/map").text
    assert world.count("<path ") > 150 and "<circle" in world and "Seoul" in world
    doc = client.get("/document/005_korea_us_quantum_mou_signed").text
    assert doc.count('<a class="mark" href="/event/') >= 3


def test_filters_and_paging_change_the_table(client: TestClient, totals: dict) -> None:
    every = client.get("/api/events?size=500").json()
    agree = client.get("/api/events?type=AGREE&size=500").json()
    assert every["total"] == totals["events"] and 0 < agree["total"] < every["total"]
    assert {e["event_type"] for e in agree["items"]} == {"AGREE"}
    page2 = client.get("/api/events?size=10&page=2").json()
    assert [e["id"] for e in page2["items"]] == [e["id"] for e in every["items"][10:20]]
    by_conf = client.get("/api/events?sort=confidence&order=asc&size=500").json()["items"]
    assert [e["confidence"] for e in by_conf] == sorted(e["confidence"] for e in by_conf)
    html = client.get("/events?type=AGREE&size=500").text
    assert html.count('<span class="cat cat-AGREE">') == agree["total"]
    assert "cat-CONSULT" not in html.split("<tbody>")[1]


def test_api_reads_what_the_cli_prints(client: TestClient, demo_db: Path, totals: dict) -> None:
    with Store(str(demo_db), readonly=True) as store:
        cli_commitments = queries.commitments(store)
        events = store.events(pair=("KOR", "USA"), date_from="2026-03")
    api = client.get("/api/commitments?size=500").json()
    assert api["total"] == len(cli_commitments) == totals["commitments"] > 50
    assert [r["id"] for r in api["items"]] == [r["id"] for r in cli_commitments]
    assert client.get("/api/agreements").json()["total"] == totals["agreements"] > 10
    assert client.get("/api/canonical").json()["total"] == totals["canonical"] > 100
    shown = cli_in_process("commitments", "--db", demo_db, "--status", "fulfilled", "--country", "KOR").stdout
    n = int(re.search(r"^(\d+) commitment", shown, flags=re.M).group(1))
    assert client.get("/api/commitments?status=fulfilled&country=KOR").json()["total"] == n
    # the downloads are the export of the same selection
    import io
    want_csv, want_jsonl = io.StringIO(newline=""), io.StringIO()
    write_csv(events, want_csv)
    write_jsonl(events, want_jsonl)
    assert client.get("/events.csv?pair=KOR+USA&from=2026-03").text == want_csv.getvalue()
    got = client.get("/events.jsonl?pair=KOR,USA&from=2026-03")
    assert got.headers["content-disposition"].startswith("attachment")
    assert got.text == want_jsonl.getvalue()


@pytest.mark.parametrize("url", API)
def test_every_api_route_answers_json(client: TestClient, url: str) -> None:
    r = client.get(url.format(event=EVENT))
    assert r.status_code == 200, r.text[:500]
    body = r.json()
    if "items" in body:
        assert isinstance(body["items"], list)
    if url.endswith("openapi.json"):
        paths = set(body["paths"])
        for route in ("/api/events", "/api/canonical", "/api/commitments", "/api/agreements", "/api/actors",
                      "/api/timeline"):
            assert route in paths
        names = {p["name"] for p in body["paths"]["/api/events"]["get"]["parameters"]}
        assert {"country", "pair", "type", "topic", "from", "to", "text", "min_confidence", "page", "size"} <= names


BAD = [  # (url, words the message must hold)
    ("/events?from=2025-13", "not a date"), ("/events?to=2025-02-30", "not a date"),
    ("/events?country=XYZ", "unknown country"), ("/events?country=Korea", "not a country code"),
    ("/events?topic=nonsense", "unknown topic"), ("/events?type=hug", "unknown PLOVER category"),
    ("/events?min_confidence=1.5", "confidence"), ("/events?size=100000", "too large"),
    ("/events?page=0", "too small"), ("/events?page=x", "not a whole number"), ("/events?sort=secret", "unknown column"),
    ("/events?order=sideways", "asc or desc"), ("/events?from=2026-06&to=2026-01", "after"),
    ("/events?pair=KOR", "two country codes"), ("/events?bogus=1", "unknown parameter"),
    ("/events?text=" + "x" * 300, "at most"), ("/pair/KOR/XXX", "unknown country"), ("/pair/KOREA/USA", "not a country"),
    ("/commitments?status=maybe", "not one of"), ("/network?from=soon", "not a date"), ("/map?country=ZZZ", "unknown country"),
    ("/api/events?from=2025-13", "not a date"), ("/api/events?size=100000", "too large"),
    ("/api/events?country=XYZ", "unknown country"), ("/api/canonical?to=2025-02-30", "not a date"),
    ("/api/commitments?status=maybe", "not one of"), ("/api/timeline", "pair"), ("/api/timeline?pair=KOR,XYZ", "unknown country"),
    ("/api/pairs?limit=100000", "too large"), ("/api/actors?size=-1", "too small"), ("/api/events?bogus=1", "unknown parameter"),
]


@pytest.mark.parametrize("url,words", BAD)
def test_bad_parameters_get_400_with_a_clear_message(client: TestClient, url: str, words: str) -> None:
    r = client.get(url)
    assert r.status_code == 400, (url, r.status_code, r.text[:300])
    assert words in (r.json()["error"] if url.startswith("/api/") else r.text), r.text[:500]
    assert "Traceback" not in r.text and "File \"" not in r.text


def test_unknown_things_get_404(client: TestClient) -> None:
    for url in ("/event/nope", "/document/nope", "/actor?name=Nobody", "/no/such/page", "/api/events/nope",
                "/api/documents/nope", "/api/canonical/nope"):
        r = client.get(url)
        assert r.status_code == 404, url
        assert "Traceback" not in r.text


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_database_is_opened_read_only(demo_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(demo_db, copy)
    before = _digest(copy)
    app = create_app(str(copy), warm=False)
    with TestClient(app) as c:
        for url in PAGES + API:
            c.get(url.format(event=EVENT))
        store = app.state.desk.store()
        assert "mode=ro" in str(store.engine.url) or "immutable=1" in str(store.engine.url)
        with pytest.raises(Exception):
            with store.engine.connect() as conn:
                conn.exec_driver_sql("DELETE FROM events")
        assert c.post("/events").status_code == 405      # nothing but reading
    assert _digest(copy) == before
    assert not (tmp_path / "copy.db-journal").exists()


def test_missing_database_gets_a_clear_page_and_a_log_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    missing = tmp_path / "typo.db"
    with caplog.at_level(logging.ERROR, logger="pactwatch.serve"):
        with TestClient(create_app(str(missing), warm=False)) as c:
            page = c.get("/")
            api = c.get("/api/events")
    assert page.status_code == 503 and "no such database" in page.text and "pactwatch demo" in page.text
    assert api.status_code == 503 and "no such database" in api.json()["error"]
    assert any("no such database" in r.getMessage() for r in caplog.records)
    assert not missing.exists()          # nothing created


def test_database_of_another_schema_version_gets_a_clear_page(demo_db: Path, tmp_path: Path,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    old = tmp_path / "old.db"
    shutil.copy(demo_db, old)
    with sqlite3.connect(old) as conn:
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    with caplog.at_level(logging.ERROR, logger="pactwatch.serve"):
        with TestClient(create_app(str(old), warm=False)) as c:
            r = c.get("/commitments")
    assert r.status_code == 503 and "schema version 1" in r.text
    assert any("schema version 1" in rec.getMessage() for rec in caplog.records)


def test_a_database_made_after_the_start_is_read_without_a_restart(tmp_path: Path, demo_db: Path) -> None:
    path = tmp_path / "later.db"
    app = create_app(str(path), warm=False)
    with TestClient(app) as c:
        assert c.get("/").status_code == 503
        shutil.copy(demo_db, path)
        app.state.desk._tried = 0.0      # skip the wait between tries
        assert c.get("/").status_code == 200


HOSTILE = ("Japan and India signed an agreement on quantum research in Tokyo on Monday, officials said. "
           "<script>alert('pwned')</script> <img src=x onerror=alert(1)> "
           "<a href=\"javascript:alert(2)\">click here</a> &amp;lt;b&amp;gt; &lt;i&gt; &#x3C;script&#x3E; "
           "\x1b]0;owned\x07\x1b[2J\x1b[31mred\u202etxt.exe\n\n"
           + "The two countries agreed to expand quantum cooperation. " + "A" * 100_000 + "\n")


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("hostile")
    feed = tmp / "hostile.jsonl"
    feed.write_text(json.dumps({"id": "hostile<script>alert(3)</script>", "date": "2026-05-04", "text": HOSTILE,
                                "title": "<script>alert(4)</script>Title &amp; more",
                                "url": "javascript:alert(5)", "source": "<b>bold</b>"}) + "\n", encoding="utf-8")
    db = tmp / "hostile.db"
    cli_in_process("ingest", "--db", db, "-q", feed)
    with Store(str(db), readonly=True) as store:
        ids = store.event_ids()
    assert ids, "the hostile article should hold an event"
    return db, ids[0]


def _inert(html: str) -> None:
    _no_inline_script(html)
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold" not in html
    assert 'href="javascript:' not in html.lower()
    assert "\x1b" not in html and "\u202e" not in html and "\x07" not in html


def test_a_hostile_article_renders_inert_and_readable(hostile_db: tuple[Path, str]) -> None:
    db, event_id = hostile_db
    doc_id = "hostile<script>alert(3)</script>"
    with TestClient(create_app(str(db), warm=False)) as c:
        from urllib.parse import quote
        pages = {url: c.get(url) for url in ("/", "/events", "/documents", f"/event/{event_id}",
                                             f"/document/{quote(doc_id, safe='')}", "/events?text=%3Cscript%3E",
                                             "/actors", "/commitments", "/agreements", "/map", "/network")}
        for url, r in pages.items():
            assert r.status_code == 200, (url, r.text[:300])
            _inert(r.text)
        doc = pages[f"/document/{quote(doc_id, safe='')}"].text
        assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in doc        # shown as text
        assert "&amp;amp;lt;b&amp;amp;gt;" in doc and "&amp;#x3C;script&amp;#x3E;" in doc   # entities as written
        assert "\\x1b]0;owned\\x07" in doc and "\\u202e" in doc                  # escape codes visible
        assert "A" * 100_000 in doc                                                # the long line, whole
        assert "javascript:alert(5)" in doc and "(not a web address: not linked)" in doc
        assert "&lt;script&gt;alert(4)&lt;/script&gt;Title &amp;amp; more" in doc
        api = c.get(f"/api/documents/{quote(doc_id, safe='')}").json()
        assert api["text"] == HOSTILE and api["title"].startswith("<script>")     # JSON: the data as stored
        assert c.get("/api/events").headers["content-type"].startswith("application/json")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(exe: str, *args: str) -> tuple[subprocess.Popen, str]:
    """`pactwatch serve ARGS` started; (the process, what it printed until it listened)."""
    proc = subprocess.Popen([exe, "serve", *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        lines.append(line)
        if "Uvicorn running" in line or proc.poll() is not None:
            break
    return proc, "".join(lines)


def test_serve_command_binds_localhost_and_says_so(demo_db: Path, pactwatch_exe: str, totals: dict) -> None:
    port = _free_port()
    proc, out = _serve(pactwatch_exe, "--db", str(demo_db), "--port", str(port))
    try:
        assert f"serving on http://127.0.0.1:{port}/" in out and "read-only" in out, out
        assert "only this machine can connect" in out and "warning" not in out
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events?size=1", timeout=30) as r:
            assert json.load(r)["total"] == totals["events"]
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_serve_warns_when_it_listens_beyond_this_machine(demo_db: Path, pactwatch_exe: str) -> None:
    port = _free_port()
    proc, out = _serve(pactwatch_exe, "--db", str(demo_db), "--host", "0.0.0.0", "--port", str(port))
    try:
        assert "warning: listening on 0.0.0.0" in out and "there is no login" in out, out
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_serve_check(demo_db: Path, tmp_path: Path, totals: dict) -> None:
    ok = cli_in_process("serve", "--db", demo_db, "--check")
    assert (f"can be served: {totals['documents']} documents, {totals['events']} events, "
            f"{totals['canonical']} canonical events") in ok.stdout
    bad = cli_in_process("serve", "--db", tmp_path / "typo.db", "--check", check=False)
    assert bad.returncode == 1 and "no such database" in bad.stderr
    assert cli_in_process("serve", "--port", "0", check=False).returncode == 2


def test_answers_are_kept_until_the_database_changes(demo_db: Path, tmp_path: Path, totals: dict) -> None:
    copy = tmp_path / "growing.db"
    shutil.copy(demo_db, copy)
    app = create_app(str(copy), warm=False)
    with TestClient(app) as c:
        first = c.get("/api/events?size=1").json()["total"]
        assert c.get("/api/events?size=1").json()["total"] == first == totals["events"]
        cache = next(m for m in _middlewares(app) if type(m).__name__ == "ResponseCache")
        assert cache.hits >= 1
        (tmp_path / "new.txt").write_text(" date 2026-10-02 Canada and Japan signed an agreement on quantum "
                                          "sensing research in Ottawa on Thursday.\n", encoding="utf-8")
        cli_in_process("ingest", "--db", copy, "-q", tmp_path / "new.txt")
        time.sleep(0.6)                                   # the data version is read at most every 0.5 s
        assert c.get("/api/events?size=1").json()["total"] > first
        assert "Ottawa" in c.get("/events?country=CAN").text


def _middlewares(app):
    """The middleware objects of a started app, outermost first."""
    m = app.middleware_stack
    while m is not None:
        yield m
        m = getattr(m, "app", None)
