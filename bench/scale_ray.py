#!/usr/bin/env python3
"""Extraction on Ray with 1 and 2 workers: the speedup of the second worker.

    python bench/scale_ray.py [--docs 200] [--workdir DIR] [--repeat N] [--compare-local]

Writes `--docs` generated articles (bench/generate.py, fixed seed) into the work folder, reads
them, starts one local Ray with 2 CPUs, and times `RayEngine.extract` over all of them with 1
actor and then with 2 (each engine's actors have loaded spaCy and coded two documents before the clock starts; Ray's own
start is not timed). Both runs must give the same event ids. Per run it prints the seconds, the
documents per second and how many cores the whole machine was busy meanwhile (from /proc/stat:
about 1 or 2 on an idle machine; more means other processes were running). Last line:

    RAY docs=... ray_1w_s=... ray_2w_s=... ray_speedup_2w=... busy_cores_1w=... busy_cores_2w=... cpus=...

`measure(n_docs, workdir) -> dict` returns the same figures (bench/scale.py prints them in its
SCALE line). The target is ray_speedup_2w >= 1.6; timings on a shared machine are noisy, and
`--repeat 2` keeps the best of two runs of each.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))
import generate  # noqa: E402  (bench/generate.py)
from run import _system_busy_s  # noqa: E402  (bench/run.py)

TARGET_SPEEDUP = 1.6


def _timed_extract(engine, docs) -> tuple[float, float | None, list[str]]:
    """(seconds, busy cores of the machine meanwhile, event ids) of one pass over `docs`."""
    from pactwatch.model import Failure
    busy0, t0 = _system_busy_s(), time.perf_counter()
    ids = []
    for res in engine.extract(iter(docs)):
        if isinstance(res, Failure):
            raise RuntimeError(f"{res}")
        ids += [e.id for e in res.events]
    wall = time.perf_counter() - t0
    busy1 = _system_busy_s()
    return wall, (None if busy0 is None or busy1 is None else (busy1 - busy0) / wall), ids


def measure(n_docs: int, workdir, repeat: int = 1, compare_local: bool = False) -> dict:
    """Seconds to extract `n_docs` generated documents on a local Ray with 1 and with 2 workers
    (and, with `compare_local`, with the local engine's 1 and 2 processes on the same documents)."""
    from pactwatch.engines.local import LocalEngine
    from pactwatch.engines.ray import RayEngine, _import_ray, init_ray
    from pactwatch.io.ingest import iter_documents
    from pactwatch.model import Document

    folder = Path(workdir) / f"ray_docs_{n_docs}"
    if not folder.is_dir() or len(list(folder.glob("*.txt"))) != n_docs:
        generate.generate(folder, n_docs)
    docs = [d for d in iter_documents([folder]) if isinstance(d, Document)]
    ray = _import_ray()
    owned = not ray.is_initialized()
    if owned:
        init_ray(cpus=2)
    out: dict = {"docs": len(docs), "cpus": os.cpu_count(), "load_before": round(os.getloadavg()[0], 2)}
    try:
        runs: dict[int, list] = {1: [], 2: []}
        engines = {w: RayEngine(w) for w in (1, 2)}
        for _ in range(max(1, repeat)):
            for w in (1, 2):  # one engine at a time: the other's actors would hold the CPUs
                engine = engines[w]
                engine.start()
                ray.get([a.extract.remote(docs[:2]) for a in engine._actors])  # each actor's first parse
                runs[w].append(_timed_extract(engine, docs))
                engine.close()
        ids = {w: runs[w][0][2] for w in runs}
        if ids[1] != ids[2]:
            raise RuntimeError("1 and 2 Ray workers gave different event ids")
        for w in (1, 2):
            wall, busy, _ = min(runs[w], key=lambda r: r[0])
            out[f"ray_{w}w_s"] = round(wall, 2)
            out[f"docs_per_s_{w}w"] = round(len(docs) / wall, 2)
            out[f"busy_cores_{w}w"] = None if busy is None else round(busy, 2)
        out["events"] = len(ids[1])
        out["ray_speedup_2w"] = round(out["ray_1w_s"] / out["ray_2w_s"], 2)
        if compare_local:  # the same documents on local processes, under the same load
            for w in (1, 2):
                with LocalEngine(w) as engine:
                    list(engine.extract(docs[:2 * w]))  # the pool started, each worker's first parse
                    wall, busy, lids = min((_timed_extract(engine, docs) for _ in range(max(1, repeat))),
                                           key=lambda r: r[0])
                if lids != ids[1]:
                    raise RuntimeError("the local engine gave other event ids than Ray")
                out[f"local_{w}p_s"] = round(wall, 2)
                out[f"busy_cores_local_{w}p"] = None if busy is None else round(busy, 2)
            out["local_speedup_2p"] = round(out["local_1p_s"] / out["local_2p_s"], 2)
    finally:
        if owned:
            ray.shutdown()
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--workdir", help="folder for the generated documents (default: a temporary one)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each, the best kept (default 1)")
    ap.add_argument("--compare-local", action="store_true",
                    help="also time the local engine (1 and 2 processes) on the same documents")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pactwatch-ray-") as tmp:
        r = measure(args.docs, args.workdir or tmp, repeat=args.repeat, compare_local=args.compare_local)
    for w in (1, 2):
        print(f"ray {w} worker(s): {r[f'ray_{w}w_s']:.1f} s, {r[f'docs_per_s_{w}w']:.2f} docs/s, "
              f"machine busy {r[f'busy_cores_{w}w']} cores")
    if args.compare_local:
        for w in (1, 2):
            print(f"local {w} process(es): {r[f'local_{w}p_s']:.1f} s, machine busy {r[f'busy_cores_local_{w}p']} cores")
        print(f"local speedup with 2 processes: {r['local_speedup_2p']}")
    met = "met" if r["ray_speedup_2w"] >= TARGET_SPEEDUP else "NOT met"
    print(f"target ray_speedup_2w >= {TARGET_SPEEDUP}: {met} ({r['ray_speedup_2w']}; {r['cpus']} CPUs, "
          f"load average {r['load_before']} before the run)")
    print(f"RAY docs={r['docs']} ray_1w_s={r['ray_1w_s']} ray_2w_s={r['ray_2w_s']} "
          f"ray_speedup_2w={r['ray_speedup_2w']} busy_cores_1w={r['busy_cores_1w']} "
          f"busy_cores_2w={r['busy_cores_2w']} cpus={r['cpus']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
