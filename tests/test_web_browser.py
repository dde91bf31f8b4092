"""The web app in a real browser: Debian's Chromium (`apt-get install chromium`; `.ci/run` installs
it) driven by Playwright for Python with the system browser as `executable_path` (Playwright's own
browser download is not used). Every page loads with no console error, the filters change the
table, a click on the commitments board reaches the resolving evidence, and a screenshot of each
page is written to tests/browser_screenshots/ (PACTWATCH_README_SCREENSHOTS=1 also rewrites the
README's three in docs/).

Without a browser these tests fail; set PACTWATCH_SKIP_BROWSER=1 to skip them on purpose."""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from conftest import REPO
from test_web import demo_totals
from pactwatch.app.web import create_app

SHOTS = REPO / "tests" / "browser_screenshots"
README_SHOTS = {"overview": "web-overview.png", "pair": "web-pair.png", "commitments": "web-commitments.png"}
PAGES = {  # name -> path
    "overview": "/", "events": "/events", "event": "/event/8b3be9c6af51b9ae", "pair": "/pair/KOR/USA",
    "commitments": "/commitments", "agreements": "/agreements", "actors": "/actors",
    "actor": "/actor?name=Daniel+Whitaker", "network": "/network", "map": "/map", "documents": "/documents",
    "document": "/document/005_korea_us_quantum_mou_signed", "failures": "/failures", "api": "/api",
}


def _chromium() -> str:
    path = os.environ.get("PACTWATCH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        if os.environ.get("PACTWATCH_SKIP_BROWSER") == "1":
            pytest.skip("no Chromium, and PACTWATCH_SKIP_BROWSER=1 says to skip the browser tests")
        pytest.fail("Chromium not found: `apt-get install chromium` (.ci/run does), give its path in "
                    "PACTWATCH_CHROMIUM, or set PACTWATCH_SKIP_BROWSER=1 to skip the browser tests")
    return path


@pytest.fixture(scope="module")
def server(demo_db: Path):
    """The app served by uvicorn on a free port of 127.0.0.1 in a thread: its base URL."""
    import uvicorn
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(str(demo_db), warm=False), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:
        pytest.fail(f"Playwright for Python is not installed ({e}): pip install -c constraints.txt -e '.[test]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


class Watched:
    """A page whose console errors, uncaught exceptions and failed requests are collected."""

    def __init__(self, browser, **context) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, **context)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                     if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url}"))
        self.page.on("response", lambda r: self.problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser):
    w = Watched(browser)
    yield w
    w.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_loads_with_no_console_error(server: str, watched: Watched, name: str) -> None:
    page = watched.page
    response = page.goto(server + PAGES[name], wait_until="load")
    assert response is not None and response.status == 200
    assert page.locator("h1").inner_text().strip()
    page.wait_for_timeout(150)   # late console messages (a CSP violation is reported after load)
    assert watched.problems == [], watched.problems
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=name not in ("map", "document", "events", "actors"))
    if name in README_SHOTS and os.environ.get("PACTWATCH_README_SCREENSHOTS") == "1":
        page.screenshot(path=str(REPO / "docs" / README_SHOTS[name]), full_page=False)


def _rows(page) -> list[str]:
    return page.locator("table.events tbody tr td:nth-child(2)").all_inner_texts()


def _total(page) -> int:
    return int(page.locator("p.downloads").inner_text().split()[0])


def test_filters_change_the_table(server: str, watched: Watched, demo_db: Path) -> None:
    page = watched.page
    page.goto(server + "/events")
    every = _total(page)
    assert every == demo_totals(demo_db)["events"] and len(_rows(page)) == 50
    # a select applies at once (static/app.js)
    with page.expect_navigation():
        page.select_option("form.filters select[name=type]", "AGREE")
    assert "type=AGREE" in page.url
    agree = _total(page)
    assert 0 < agree < every and set(_rows(page)) == {"AGREE"}
    # typed filters apply with the button (works without JavaScript too)
    page.fill("form.filters input[name=pair]", "KOR USA")
    page.fill("form.filters input[name=from]", "2026-04")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    narrowed = _total(page)
    assert 0 < narrowed < agree and set(_rows(page)) == {"AGREE"}
    # a column header sorts; the next page goes on
    page.click("table.events thead a:has-text('conf.')")
    page.wait_for_load_state()
    conf = [float(x) for x in page.locator("table.events tbody tr td:nth-child(8)").all_inner_texts()]
    assert conf == sorted(conf, reverse=True)
    # a bad value typed in gets the message, not a traceback
    page.fill("form.filters input[name=from]", "2026-13")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    assert "is not a date" in page.locator("p.error").inner_text()
    watched.problems = [p for p in watched.problems if "400" not in p]  # the 400 itself is expected
    assert watched.problems == [], watched.problems


def test_commitments_board_reaches_the_resolving_evidence(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/commitments?status=fulfilled")
    row = page.locator("tr.commitment").filter(has=page.locator("a.resolved")).first
    quoted = row.locator("td:last-child .evidence").inner_text().strip().strip("“”").split("” (")[0]
    with page.expect_navigation():
        row.locator("a.resolved").click()
    assert "/event/" in page.url
    marked = " ".join(page.locator("blockquote.evidence-para mark").all_inner_texts())
    assert marked and " ".join(quoted.rstrip("…").split())[:60] in " ".join(marked.split())
    assert watched.problems == [], watched.problems


def test_chart_legend_hides_a_category(server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(server + "/")
    bars = page.locator("svg.chart rect.series-AGREE")
    assert bars.count() > 0 and bars.first.is_visible()
    page.locator("svg.chart g.legend[data-series=AGREE]").click()
    assert not bars.first.is_visible()
    assert watched.problems == [], watched.problems


def test_pages_work_without_javascript(server: str, browser) -> None:
    w = Watched(browser, java_script_enabled=False)
    try:
        w.page.goto(server + "/events?type=CONSULT")
        assert set(_rows(w.page)) == {"CONSULT"}
        w.page.goto(server + "/map")
        assert w.page.locator("svg.map path").count() > 150
    finally:
        w.close()


def test_inline_script_is_refused_by_the_policy(server: str, watched: Watched) -> None:
    """The Content-Security-Policy is in force: a script injected into the page does not run."""
    page = watched.page
    page.goto(server + "/")
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';
                             document.body.appendChild(s); }""")
    page.wait_for_timeout(100)
    assert page.evaluate("() => window.__ran") is None
    assert any("Content Security Policy" in p for p in watched.problems), watched.problems
