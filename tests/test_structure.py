"""The layout by stage (io/ for ingest, store and export; app/ for the command line) keeps every
old import path and the console script working: code written against `pactwatch.store`,
`pactwatch.ingest`, `pactwatch.export` or `pactwatch.cli` runs unchanged."""
from __future__ import annotations

import subprocess
import sys

import pactwatch.app.cli as new_cli
import pactwatch.cli as old_cli
import pactwatch.export as old_export
import pactwatch.ingest as old_ingest
import pactwatch.io.export as new_export
import pactwatch.io.ingest as new_ingest
import pactwatch.io.store as new_store
import pactwatch.store as old_store


def test_old_import_paths_name_the_same_objects() -> None:
    for old, new in ((old_store, new_store), (old_ingest, new_ingest), (old_export, new_export)):
        for name in old.__all__:
            assert getattr(old, name) is getattr(new, name), (old.__name__, name)
    assert old_cli.main is new_cli.main and old_cli.build_parser is new_cli.build_parser


def test_a_store_opened_through_the_old_path_reads_what_the_new_one_wrote(tmp_path) -> None:
    from pactwatch.model import DocResult, Document, Sentence

    text = "date 2031-03-04\nThe two research councils of Veldra and Ostmark met in Linhaven."
    doc = Document(id="veldra-1", text=text, date="2031-03-04", body_start=16)
    with new_store.Store(str(tmp_path / "w.db")) as s:
        assert s.save(DocResult(document=doc, sentences=[Sentence("veldra-1", 0, 16, len(text), text[16:])])) == "new"
    with old_store.Store(str(tmp_path / "w.db"), create=False, readonly=True) as s:
        assert [d["id"] for d in s.documents()] == ["veldra-1"]
        assert s.check() == []


def test_both_module_entry_points_run() -> None:
    for module in ("pactwatch.cli", "pactwatch.app.cli"):
        proc = subprocess.run([sys.executable, "-m", module, "--version"], capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0 and proc.stdout.startswith("pactwatch "), (module, proc.stderr)
