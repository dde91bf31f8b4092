"""`pactwatch ingest --engine ray`: the same results as the local processes, the engine interface
(`extract`, `map`) on both engines, and the errors a user sees when Ray is missing or unreachable.

The Ray tests share one local Ray for the whole session (starting one takes about 10 s); the
commands run in this process join it, as they would join a cluster given with --address.
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from conftest import cli_in_process
from pactwatch import lexicon
from pactwatch.engines import EngineError, get_engine

# two storylines of the demo corpus (linked across documents), and inputs that fail or warn
DEMO_FILES = ["001_korea_us_science_ministers_seoul.txt", "002_korea_us_science_ministers_followup.txt",
              "005_korea_us_quantum_mou_signed.txt", "016_us_chip_export_controls.txt",
              "017_china_accuses_us_over_chip_curbs.txt", "021_us_china_geneva_talks.txt"]
FEED = [
    {"id": "wire-1", "date": "2026-04-14", "text": "The science ministers of Norway and Chile met in Oslo on "
     "Monday and agreed to set up a joint fund for polar climate research, the Norwegian ministry said."},
    {"id": "wire-2", "date": "2026-04-16", "text": "Chile and Norway signed the polar research fund agreement "
     "in Oslo on Wednesday. Chile promised to open a research station for the programme by next March."},
    "not json at all",
    {"id": "wire-3", "date": "2026-04-20", "text": "Brazil's foreign minister accused Canada of blocking a "
     "satellite data deal and summoned the Canadian ambassador in Brasilia on Friday."},
]


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True)
    demo = lexicon.DATA_DIR / "demo" / "corpus"
    for name in DEMO_FILES:
        shutil.copy(demo / name, folder / name)
    (folder / "feed.jsonl").write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in FEED),
                                       encoding="utf-8")
    (folder / "blob.txt").write_bytes(b"date 2026-04-01 \x00\x01 binary")
    return folder


def square(x: int) -> int:
    return x * x


def fails_on_three(x: int) -> int:
    if x == 3:
        raise ValueError("three is not allowed")
    return x


@pytest.fixture(scope="session")
def local_ray():
    """One local Ray (2 CPUs) for the session; engines made in this process join it."""
    ray = pytest.importorskip("ray")
    from pactwatch.engines.ray import init_ray
    init_ray(cpus=2)
    # the functions this test module maps travel by value: the workers cannot import tests/
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    yield ray
    ray.shutdown()


# ------------------------------------------------------------------------------------------ local
def test_local_map_keeps_order_and_raises_fn_errors() -> None:
    with get_engine("local", 2) as engine:
        assert list(engine.map(square, range(20))) == [x * x for x in range(20)]
        with pytest.raises(ValueError, match="three"):
            list(engine.map(fails_on_three, range(6)))
    with get_engine("local", 1) as engine:
        assert list(engine.map(square, [3, 1])) == [9, 1]


@pytest.mark.parametrize("name", ["local", "ray"])
def test_input_is_read_only_as_far_as_the_window(name, request) -> None:
    """Streaming with bounded memory: with 2 workers, at most 2 items a worker are read ahead of the
    result the caller is at (how `extract` reads documents: in batches, through `map`)."""
    if name == "ray":
        request.getfixturevalue("local_ray")
    read = []

    def items():
        for i in range(40):
            read.append(i)
            yield i

    with get_engine(name, 2) as engine:
        it = iter(engine.map(square, items()))
        assert next(it) == 0 and len(read) <= 5
        assert next(it) == 1 and len(read) <= 6
        assert list(it) == [x * x for x in range(2, 40)]


def test_unknown_engine_and_address_without_ray(tmp_path) -> None:
    with pytest.raises(EngineError, match="unknown engine"):
        get_engine("spark")
    proc = cli_in_process("ingest", "--db", tmp_path / "x.db", "--address", "auto", tmp_path, check=False)
    assert proc.returncode == 2 and "--address: only with --engine ray" in proc.stderr
    assert not (tmp_path / "x.db").exists()


def test_engine_ray_without_ray_installed_says_how_to_install(tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` raises ImportError, as when it is not installed
    proc = cli_in_process("ingest", "--db", tmp_path / "x.db", "--engine", "ray", tmp_path, check=False)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert "pip install 'pactwatch[ray]'" in proc.stderr
    assert not (tmp_path / "x.db").exists()


def test_unreachable_ray_address_is_one_line_naming_it(tmp_path) -> None:
    pytest.importorskip("ray")
    proc = cli_in_process("ingest", "--db", tmp_path / "x.db", "--engine", "ray", "--address", "127.0.0.1:1",
                          tmp_path, check=False)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith("pactwatch: cannot reach Ray at 127.0.0.1:1: ") and proc.stderr.count("\n") == 1
    assert "ray start --head" in proc.stderr
    assert not (tmp_path / "x.db").exists()


# ------------------------------------------------------------------------------------------- Ray
def test_ray_run_stores_exactly_what_the_local_run_stores(local_ray, tmp_path) -> None:
    corpus = write_corpus(tmp_path / "in")
    local, ray = tmp_path / "local.db", tmp_path / "ray.db"
    a = cli_in_process("ingest", "--db", local, "--engine", "local", "-j", "1", corpus, check=False)
    b = cli_in_process("ingest", "--db", ray, "--engine", "ray", "-j", "2", corpus, check=False)
    assert a.returncode == b.returncode == 0, b.stderr
    assert a.stdout == b.stdout and "failed 2" in a.stdout  # same counts and link summary
    assert a.stderr == b.stderr  # the same failures (file and line, reason) and warnings
    assert "blob.txt: binary file" in b.stderr and "feed.jsonl:3: not JSON" in b.stderr
    for what in ("events", "canonical", "commitments", "agreements"):
        ea = cli_in_process("export", "--db", local, "--what", what).stdout
        eb = cli_in_process("export", "--db", ray, "--what", what).stdout
        assert ea == eb, what
        assert ea.strip() or what == "agreements"
    # a second run on Ray skips what is stored, as a local one does
    again = cli_in_process("ingest", "--db", ray, "--engine", "ray", "-j", "2", corpus, check=False)
    assert "new 0  updated 0  unchanged 9  failed 2  events 0" in again.stdout


def test_ray_map_keeps_order_and_raises_fn_errors(local_ray) -> None:
    with get_engine("ray", 2) as engine:
        assert list(engine.map(square, range(25))) == [x * x for x in range(25)]
        with pytest.raises(ValueError, match="three"):
            list(engine.map(fails_on_three, range(6)))
        assert list(engine.map(square, [])) == []


def test_a_lost_ray_worker_loses_no_document(local_ray) -> None:
    """A worker killed mid-run (out of memory, a node gone): its batches are sent again, and the
    results are those of the local engine, none missing, none doubled."""
    from pactwatch.model import Document, Failure

    texts = ["Japan and India agreed on Monday to build a joint chip laboratory.",
             "The French and Korean science ministers met in Paris on Tuesday.",
             "Canada promised Mexico a grant for battery research on Wednesday.",
             "Brazil accused Argentina of blocking a satellite data deal on Thursday.",
             "Kenya and Ghana signed a memorandum on solar power research on Friday.",
             "Poland invited Estonian officials to talks on quantum computing next month."]
    docs = [Document(id=f"d{i}", text=t, date="2026-02-02") for i, t in enumerate(texts)]
    with get_engine("local", 1) as local:
        expected = [(r.document.id, [e.id for e in r.events]) for r in local.extract(docs)]
    got, sent = [], []
    with get_engine("ray", 2, batch_size=1) as engine:
        submit = engine._submit
        engine._submit = lambda method, *args: sent.append(args) or submit(method, *args)
        for res in engine.extract(docs):
            assert not isinstance(res, Failure), res
            got.append((res.document.id, [e.id for e in res.events]))
            if len(got) == 1:
                local_ray.kill(engine._actors[1], no_restart=False)  # Ray restarts it, as after a crash
    assert got == expected and any(ids for _, ids in got)
    assert len(sent) > len(docs)  # some batches were sent twice


def test_linking_through_the_ray_engine_gives_the_serial_layer(tmp_path, local_ray, monkeypatch) -> None:
    """`ingest --engine ray` links through the engine's `map` (categories and canonical events are
    independent blocks): the stored cross-document layer is the one a single process stores."""
    from test_link_scale import export, rebuilt, spread
    from pactwatch import link
    from pactwatch.crossdoc import updating
    from pactwatch.io.store import Store

    results = spread()
    serial = export(rebuilt(tmp_path, "serial", results))
    monkeypatch.setattr(updating, "PARALLEL_MIN_EVENTS", 0)    # send even this small work to the workers
    store = Store(str(tmp_path / "ray.db"))
    store.save_many(results)
    with get_engine("ray", 2) as engine:
        engine.start()
        link.rebuild(store, map_fn=engine.map)
    assert export(store) == serial
