"""A run keeps the objects that existed before it out of the garbage collector's full collections
(`gc.freeze`) and gives the heap back as it found it; the results do not depend on it."""
import gc

import pytest

from pactwatch import pipeline
from pactwatch.io.store import Store

ARTICLE = ("SEOUL, March 3 -- South Korea and Japan signed a memorandum of understanding on "
           "semiconductor research on Tuesday, officials said. The two countries will hold talks in Tokyo next month.")


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return d


def _events(db):
    with Store(str(db)) as s:
        return sorted((e.id, e.event_type, e.date) for e in s.events())


def test_run_unfreezes_what_it_froze(tmp_path, corpus):
    assert gc.get_freeze_count() == 0
    with Store(str(tmp_path / "a.db")) as s:
        summary = pipeline.ingest_paths([str(corpus)], s)
    assert summary.new == 1
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_run_leaves_an_earlier_freeze_alone(tmp_path, corpus):
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with Store(str(tmp_path / "b.db")) as s:
            pipeline.ingest_paths([str(corpus)], s)
        # not unfrozen by the run (objects frozen before may be freed meanwhile), nor frozen further
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()


def test_same_events_with_the_collector_off(tmp_path, corpus):
    with Store(str(tmp_path / "c.db")) as s:
        pipeline.ingest_paths([str(corpus)], s)
    gc.disable()
    try:
        with Store(str(tmp_path / "d.db")) as s:
            pipeline.ingest_paths([str(corpus)], s)
        assert gc.get_freeze_count() == 0
    finally:
        gc.enable()
    assert _events(tmp_path / "c.db") == _events(tmp_path / "d.db") != []


def test_a_failed_run_unfreezes_too(tmp_path, corpus, monkeypatch):
    def boom(*a, **k):
        raise RuntimeError("boom")
    monkeypatch.setattr(pipeline, "extract_many", boom)
    with Store(str(tmp_path / "e.db")) as s:
        with pytest.raises(RuntimeError):
            pipeline.ingest_paths([str(corpus)], s)
    assert gc.get_freeze_count() == 0
