"""The app factory (`create_app`): FastAPI with Jinja2 templates (autoescape on), the pages
(`pages.py`) and the JSON API (`api.py`), security headers on every answer, and the errors a
user can cause or meet answered with a clear page (HTML) or object (JSON), never a traceback."""
from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from ... import __version__
from ...io.store.reading import TextTooShort
from ...model import EVENT_TYPES, TOPICS
from ..cli.common import TOPIC_SHORT
from . import params
from .desk import Desk, NotFound, Unavailable
from .text import safe

log = logging.getLogger("pactwatch.serve")

# scripts only from this server's own files (none inline, none from data), no plug-ins, no framing,
# no form posted elsewhere; the SVG charts use presentation attributes, not inline styles
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
           (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY"),
           (b"cross-origin-opener-policy", b"same-origin")]


THREADS = 8   # requests handled at once (the rest wait their turn, answers from memory do not)


class ResponseCache:
    """Pure ASGI middleware: the answers to GET requests (pages and API, not the downloads) kept by URL
    until the database changes (`Desk.version`), the least recently used dropped past `max_bytes`. The
    database is only read here, so an answer stays right until an ingest changes the file."""

    def __init__(self, app, desk: Desk, max_bytes: int = 64 << 20, max_body: int = 2 << 20) -> None:
        self.app, self.desk = app, desk
        self.max_bytes, self.max_body = max_bytes, max_body
        self.kept: OrderedDict[str, tuple[int, list, bytes]] = OrderedDict()
        self.size = 0
        self.version: tuple | None = None
        self.hits = self.misses = 0

    def _key(self, scope) -> str | None:
        path = scope["path"]
        if scope["method"] != "GET" or path.startswith("/static/") or path.endswith((".csv", ".jsonl")):
            return None
        gzip = any(k == b"accept-encoding" and b"gzip" in v for k, v in scope.get("headers", ()))
        return ("gz " if gzip else "") + path + "?" + scope.get("query_string", b"").decode("latin-1")

    async def __call__(self, scope, receive, send) -> None:
        key = self._key(scope) if scope["type"] == "http" else None
        version = self.desk.version() if key else None
        if key is None or version is None:
            return await self.app(scope, receive, send)
        if version != self.version:
            self.kept.clear()
            self.size, self.version = 0, version
        hit = self.kept.get(key)
        if hit is not None:
            self.kept.move_to_end(key)
            self.hits += 1
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        self.misses += 1
        start: dict = {}
        parts: list[bytes] = []

        async def keep(message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, keep)
        body = b"".join(parts)
        if start.get("status") == 200 and len(body) <= self.max_body and version == self.version:
            self.kept[key] = (200, list(start.get("headers", [])), body)
            self.size += len(body)
            while self.size > self.max_bytes and self.kept:
                _, (_, _, old) = self.kept.popitem(last=False)
                self.size -= len(old)


class SecurityHeaders:
    """Pure ASGI middleware: the headers above on every HTTP answer."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                have = {k.lower() for k, _ in message["headers"]}
                message["headers"] = list(message["headers"]) + [h for h in HEADERS if h[0] not in have]
            await send(message)

        await self.app(scope, receive, with_headers)


def _templates() -> Environment:
    folder = resources.files("pactwatch.app.web") / "templates"
    env = Environment(loader=FileSystemLoader(str(folder)), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(EVENT_TYPES=EVENT_TYPES, TOPICS=TOPICS, TOPIC_SHORT=TOPIC_SHORT, version=__version__,
                       country_name=params.country_name, safe=safe, qs=query_string,
                       COMMITMENT_STATUSES=params.COMMITMENT_STATUSES)
    env.filters["safe_text"] = safe
    env.filters["topic"] = lambda t: TOPIC_SHORT.get(t, t)
    return env


def query_string(base: dict[str, Any] | None = None, **changes: Any) -> str:
    """'?a=1&b=2': `base` with `changes` applied (None drops a key), empty values left out."""
    merged = dict(base or {})
    for k, v in changes.items():
        if v is None:
            merged.pop(k, None)
        else:
            merged[k] = v
    items = [(k, v) for k, v in merged.items() if v not in (None, "")]
    return "?" + urlencode(items) if items else ""


def create_app(db: str, *, warm: bool = True, cache: bool = True) -> FastAPI:
    """The web app over the pactwatch database `db` (a path or SQLAlchemy URL), opened read-only.
    A missing or unreadable database does not stop the app: every page says why, and it is tried
    again (so `pactwatch demo` in another terminal fixes it without a restart). `warm`: compute the
    slow results in the background at start-up; `cache`: keep answers until the database changes."""
    desk = Desk(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # a few worker threads, not anyio's 40: the handlers hold the GIL most of the time, and
        # many threads contending for it make every answer slower
        import anyio.to_thread
        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        try:
            desk.store()
        except Unavailable:
            pass   # logged by the desk; the pages say it
        if warm:
            threading.Thread(target=desk.warm, name="pactwatch-warm", daemon=True).start()
        yield
        desk.close()

    app = FastAPI(title="pactwatch", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="Read-only JSON API over a pactwatch database: events, canonical events, "
                              "commitments, agreements, actors and timelines, with the CLI's filters.")
    app.state.desk = desk
    app.state.templates = _templates()
    # answers compressed when the client accepts it (pages of tables compress tenfold), and kept so
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=6)
    if cache:
        app.add_middleware(ResponseCache, desk=desk)
    app.add_middleware(SecurityHeaders)
    static = resources.files("pactwatch.app.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path.endswith((".jsonl", ".csv"))

    def error(request: Request, status: int, title: str, message: str) -> Any:
        if wants_json(request):
            return JSONResponse({"error": message, "status": status}, status_code=status)
        return render(request, "error.html", {"title": title, "message": message, "status": status},
                      status=status)

    @app.exception_handler(params.BadRequest)
    async def bad_request(request: Request, e: params.BadRequest):
        return error(request, 400, "Bad request", str(e))

    @app.exception_handler(TextTooShort)
    async def text_too_short(request: Request, e: TextTooShort):
        return error(request, 400, "Bad request", str(e))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, e: RequestValidationError):
        first = e.errors()[0] if e.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ())[1:]) or "request"
        return error(request, 400, "Bad request", f"{where}: {first.get('msg', 'invalid value')}")

    @app.exception_handler(NotFound)
    async def not_found(request: Request, e: NotFound):
        return error(request, 404, "Not found", str(e))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, e: StarletteHTTPException):
        message = "no such page" if e.status_code == 404 else str(e.detail)
        return error(request, e.status_code, "Not found" if e.status_code == 404 else "Error", message)

    @app.exception_handler(Unavailable)
    async def unavailable(request: Request, e: Unavailable):
        return error(request, 503, "The database cannot be read", str(e))

    @app.exception_handler(Exception)
    async def crashed(request: Request, e: Exception):
        log.exception("pactwatch serve: %s %s failed", request.method, request.url.path)
        return error(request, 500, "Internal error", f"the server failed on this request ({type(e).__name__}); "
                                                      f"the server's log has the details")

    from . import api, pages
    app.include_router(pages.router)
    app.include_router(api.router, prefix="/api")
    return app


def render(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    env: Environment = request.app.state.templates
    desk: Desk = request.app.state.desk
    html = env.get_template(template).render(request=request, path=request.url.path, where=desk.where,
                                             query=dict(request.query_params), **context)
    return HTMLResponse(html, status_code=status)
