"""The app factory (`create_app`): FastAPI with Jinja2 templates (autoescape on), the pages
(`pages.py`) and the JSON API (`api.py`), security headers on every answer, and the errors a
user can cause or meet answered with a clear page (HTML) or object (JSON), never a traceback."""
from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from ... import __version__
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


def create_app(db: str, *, warm: bool = True) -> FastAPI:
    """The web app over the pactwatch database `db` (a path or SQLAlchemy URL), opened read-only.
    A missing or unreadable database does not stop the app: every page says why, and it is tried
    again (so `pactwatch demo` in another terminal fixes it without a restart)."""
    desk = Desk(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
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
