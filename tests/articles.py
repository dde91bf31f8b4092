"""A store holding a few articles written for a test, ingested as a user would (shared by the test modules)."""
from __future__ import annotations

from pathlib import Path

from pactwatch.io.store import Store
from pactwatch.pipeline import ingest_paths


def store_of(folder: Path, db: str = "x.db", **articles: str) -> Store:
    """Write each article (name -> text with its date header) to `folder`/docs/NAME.txt, ingest the folder into
    `folder`/DB and return the store."""
    docs = folder / "docs"
    docs.mkdir()
    for name, text in articles.items():
        (docs / f"{name}.txt").write_text(text, encoding="utf-8")
    s = Store(str(folder / db))
    ingest_paths([str(docs)], s)
    return s
