"""`pactwatch serve`: the analyst's desk, a read-only web app and JSON API over the store.

    app.py      create_app: FastAPI + Jinja2 (autoescape), security headers (CSP without inline
                script), errors as clear pages or JSON objects
    desk.py     the store opened read-only, or why it cannot be; cached results per data version
    params.py   query parameters checked with the CLI's own checks (400 with a clear message)
    pages.py    the HTML pages (work without JavaScript; static/app.js adds conveniences)
    api.py      the JSON API under /api/ (OpenAPI at /api/openapi.json)
    svg.py      charts drawn as SVG on the server; geo.py the world map from the shipped TopoJSON
    text.py     untrusted article text to HTML: escaped, control characters shown, evidence marked

Everything is read through `pactwatch.io.store.Store` and `pactwatch.app.queries`, the same
functions the CLI prints.
"""
from .app import create_app

__all__ = ["create_app"]
