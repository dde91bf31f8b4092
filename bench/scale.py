#!/usr/bin/env python3
"""How ingest and the cross-document stage grow with the archive (issue 11).

    python bench/scale.py [--sizes 1000,3000,10000] [-j 2] [--workdir DIR] [--link-only]
                          [--query-events 1000000] [--no-queries] [--no-ray]

For each size N it writes N + 100 generated documents (`bench/generate.py`), dated over
(N + 100) / `--docs-per-day` days: news that arrives at a steady rate, so that a larger archive is a
longer one, as it is for an analyst (`--docs-per-day 0` keeps generate.py's fixed 540 days, where a
larger archive is a denser one: N times more reports of each week). It ingests the first N into a fresh SQLite store (extraction with
`-j` worker processes, then the link stage, timed apart), rebuilds the cross-document layer once
(`link --rebuild`), then adds the 100 other documents (the latest: the news that comes next) as
one more ingest. Each size runs in a child
process of its own, so that its peak RSS is its own. Per size it prints

    SIZE docs=N docs_per_s=... extract_s=... link_s=... rebuild_s=... events=... links=...
         links_per_event=... peak_rss_mb=... add100_s=... add100_link_s=...

then the growth exponents fitted over the sizes (least squares of log seconds on log N), the
query latencies of `bench/scale_queries.py` and the Ray speedup of `bench/scale_ray.py` (each
`n/a` where that module is absent), and one line to finish:

    SCALE link_exponent=... extract_exponent=... incr100_ratio_10k_vs_1k=... ray_speedup_2w=...
          query_p95_ms_1m=... peak_rss_mb_10k=...

where "10k" and "1k" stand for the largest and the smallest size run (the sizes are printed).
`--link-only` reuses the stores of an earlier run in the same `--workdir` and times only
`link --rebuild` (the link exponent at the cost of no extraction); sizes with no store are skipped.
`--replicated N0` measures the link stage alone on large archives cheaply: N0 generated documents
are coded once, and each size is made of copies of them, each dated one sample's span after the
one before (as `bench/web.py` replicates its sample); it times `link --rebuild` of the N and adding
the 100 next documents (saved, then linked as an ingest links them; extraction and its exponent: n/a).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

EXTRA = 100     # documents added to a store of each size


def _rss_mb() -> float:
    """Peak resident memory of this process (not of its worker processes), in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _corpus(workdir: Path, n: int, per_day: float) -> list[Path]:
    """n + EXTRA generated documents, dated over (n + EXTRA) / per_day days (news arriving at a steady
    rate), or over bench/generate.py's fixed span when per_day is 0."""
    import generate
    days = round((n + EXTRA) / per_day) if per_day else generate.DEFAULT_DAYS
    folder = workdir / f"corpus_{n}_{days}d"
    have = sorted(folder.glob("bench_*.txt")) if folder.exists() else []
    if len(have) != n + EXTRA:
        have = generate.generate(folder, n + EXTRA, days=days)
    # in the order of their dates: the first n are the archive, the last EXTRA the news that comes next
    return sorted(have, key=lambda p: (p.read_text(encoding="utf-8")[:17], p.name))


def _linked(store, jobs: int) -> tuple[float, object]:
    """Link what ingest left unlinked (what `ingest` does after storing), timed."""
    from pactwatch import link
    docs = store.unlinked_documents()
    t = time.perf_counter()
    rep = link.update(store, docs, jobs=jobs)
    secs = time.perf_counter() - t
    store.mark_linked(docs)
    return secs, rep


def one_size(n: int, jobs: int, workdir: Path, link_only: bool, per_day: float) -> dict:
    """The figures of one size (run in a child process)."""
    from pactwatch import link
    from pactwatch.app.service import ingest_paths
    from pactwatch.io.store import Store

    db = workdir / f"docs_{n}.db"
    out: dict = {"docs": n}
    if not link_only:
        paths = _corpus(workdir, n, per_day)
        if db.exists():
            db.unlink()
        store = Store(str(db))
        t = time.perf_counter()
        ingest_paths([str(p) for p in paths[:n]], store, processes=jobs, link=False)
        out["extract_s"] = time.perf_counter() - t
        out["link_s"], _ = _linked(store, jobs)
        out["docs_per_s"] = n / (out["extract_s"] + out["link_s"])
    elif not db.exists():
        return {}
    else:
        store = Store(str(db))      # the store of an earlier run (it holds the 100 added documents too)
    t = time.perf_counter()
    link.rebuild(store, jobs=jobs)
    out["rebuild_s"] = time.perf_counter() - t
    out["events"] = len(store.event_ids())
    out["links"] = len(store.links())
    out["links_per_event"] = out["links"] / max(out["events"], 1)
    if not link_only:
        t = time.perf_counter()
        ingest_paths([str(p) for p in paths[n:n + EXTRA]], store, processes=jobs, link=False)
        secs, _ = _linked(store, jobs)
        out["add100_s"] = time.perf_counter() - t
        out["add100_link_s"] = secs
    out["peak_rss_mb"] = _rss_mb()
    return out


def _sample(workdir: Path, n0: int, per_day: float, jobs: int) -> Path:
    """n0 generated documents coded once by the pipeline, dated over n0 / per_day days, pickled."""
    import pickle
    import generate
    from pactwatch.io.ingest import iter_documents
    from pactwatch.model import DocResult
    from pactwatch.pipeline import extract_many
    days = round(n0 / per_day) if per_day else generate.DEFAULT_DAYS
    out = workdir / f"sample_{n0}_{days}d.pickle"
    if not out.exists():
        paths = generate.generate(workdir / f"sample_{n0}_{days}d", n0, days=days)
        results = [r for r in extract_many(list(iter_documents([str(p) for p in paths])), processes=jobs)
                   if isinstance(r, DocResult)]
        out.write_bytes(pickle.dumps((days, results)))
    return out


def one_replicated(n: int, jobs: int, sample: Path) -> dict:
    """The link stage alone on an archive of n documents made of copies of one coded sample, each copy
    dated one sample's span after the one before (news at a steady rate, with no extraction): the
    time of `link --rebuild` of the n, and of adding the 100 next documents (the copies go on), saved
    and linked as an ingest links them."""
    import pickle
    import web
    from pactwatch import link
    from pactwatch.io.store import Store

    days, results = pickle.loads(sample.read_bytes())
    web.SHIFT_DAYS = days + 1
    event_ids = {e.id for r in results for e in r.events}
    doc_ids = {r.document.id for r in results}
    db = sample.parent / f"replicated_{n}.db"
    if db.exists():
        db.unlink()
    store = Store(str(db))
    results = sorted(results, key=lambda r: (r.document.date or "", r.document.id))
    copies = -(-(n + EXTRA) // len(results))
    docs = [web.Copy(k, event_ids, doc_ids).result(r) for k in range(copies) for r in results][: n + EXTRA]
    store.save_many(docs[:n])
    out: dict = {"docs": n}
    t = time.perf_counter()
    link.rebuild(store, jobs=jobs)
    out["link_s"] = out["rebuild_s"] = time.perf_counter() - t
    out["events"] = len(store.event_ids())
    out["links"] = len(store.links())
    out["links_per_event"] = out["links"] / max(out["events"], 1)
    t = time.perf_counter()
    store.save_many(docs[n:])
    rep = link.update(store, [r.document.id for r in docs[n:]], jobs=jobs)
    out["add100_link_s"] = out["add100_s"] = time.perf_counter() - t
    out["add100_comparisons"] = rep.comparisons
    out["peak_rss_mb"] = _rss_mb()
    return out


def fit_exponent(points: list[tuple[float, float]]) -> float | None:
    """Least-squares slope of log(y) on log(x): y grows as x to this power."""
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / den if den else None


def _fmt(v, digits: int = 2) -> str:
    if v is None:
        return "n/a"
    return f"{v:.{digits}f}" if isinstance(v, float) else str(v)


def _size_line(r: dict) -> str:
    keys = ("docs", "docs_per_s", "extract_s", "link_s", "rebuild_s", "events", "links", "links_per_event",
            "peak_rss_mb", "add100_s", "add100_link_s")
    return "SIZE " + " ".join(f"{k}={_fmt(r.get(k), 3 if k == 'links_per_event' else 1)}" for k in keys)


def _queries(n_events: int, workdir: Path) -> dict:
    try:
        import scale_queries
    except ImportError:
        return {}
    return scale_queries.measure(n_events, workdir / "queries")


def _ray(n_docs: int, workdir: Path) -> dict:
    try:
        import scale_ray
    except ImportError:
        return {}
    return scale_ray.measure(n_docs, workdir / "ray")


def summary(rows: list[dict], queries: dict, ray: dict) -> str:
    """The final SCALE line."""
    rows = sorted((r for r in rows if r), key=lambda r: r["docs"])
    link_pts = [(r["docs"], r.get("link_s") or r.get("rebuild_s")) for r in rows]
    extract_pts = [(r["docs"], r.get("extract_s")) for r in rows if r.get("extract_s")]
    small, big = (rows[0], rows[-1]) if rows else ({}, {})
    ratio = (big["add100_s"] / small["add100_s"]) if len(rows) > 1 and big.get("add100_s") and small.get(
        "add100_s") else None
    return ("SCALE link_exponent=" + _fmt(fit_exponent(link_pts)) + " extract_exponent="
            + _fmt(fit_exponent(extract_pts)) + " incr100_ratio_10k_vs_1k=" + _fmt(ratio)
            + " ray_speedup_2w=" + _fmt(ray.get("ray_speedup_2w")) + " query_p95_ms_1m="
            + _fmt(queries.get("query_p95_ms"), 1) + " peak_rss_mb_10k=" + _fmt(big.get("peak_rss_mb"), 0))


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(x) for x in text.split(",") if x.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"--sizes takes whole numbers separated by commas, not {text!r}")
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError(f"--sizes takes positive numbers, not {text!r}")
    return sizes


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=_sizes, default=[1000, 3000, 10000], help="document counts (default 1000,3000,10000)")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="worker processes for extraction and linking (default 2)")
    ap.add_argument("--workdir", default=None, help="where the corpus and the stores go (default a new temporary folder)")
    ap.add_argument("--docs-per-day", type=float, default=2.0,
                    help="documents per day of news: the corpus of N spans N / this many days (0: bench/generate.py's "
                         "fixed 540 days whatever N; default 2)")
    ap.add_argument("--link-only", action="store_true", help="time only `link --rebuild` on the stores of an earlier run")
    ap.add_argument("--query-events", type=int, default=1_000_000, help="events in the store of the query benchmark")
    ap.add_argument("--no-queries", action="store_true", help="skip bench/scale_queries.py")
    ap.add_argument("--no-ray", action="store_true", help="skip bench/scale_ray.py")
    ap.add_argument("--replicated", type=int, metavar="N0", default=0,
                    help="link stage alone: code N0 generated documents once, make each size of copies of them "
                         "dated one after another, and time `link --rebuild` and relinking the latest 100")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)    # the child process of one size
    ap.add_argument("--sample", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.jobs < 1:
        ap.error("-j must be at least 1")
    if args.workdir is None:
        import tempfile
        args.workdir = tempfile.mkdtemp(prefix="pactwatch_scale_")
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    if args.one:
        row = one_replicated(args.one, args.jobs, Path(args.sample)) if args.sample else \
            one_size(args.one, args.jobs, workdir, args.link_only, args.docs_per_day)
        print(json.dumps(row))
        return 0
    sample = _sample(workdir, args.replicated, args.docs_per_day, args.jobs) if args.replicated else None
    rows = []
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(n), "-j", str(args.jobs), "--workdir", str(workdir),
               "--docs-per-day", str(args.docs_per_day)]
        if args.link_only:
            cmd.append("--link-only")
        if sample:
            cmd += ["--sample", str(sample)]
        got = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        if got.returncode:
            print(f"size {n} failed:\n{got.stderr[-2000:]}", file=sys.stderr)
            return 1
        row = json.loads(got.stdout.strip().splitlines()[-1])
        if not row:
            print(f"SIZE docs={n} skipped: no store of an earlier run in {workdir}")
            continue
        rows.append(row)
        print(_size_line(row), flush=True)
    for name, key in (("link", "link_s"), ("rebuild", "rebuild_s"), ("extract", "extract_s"), ("add100", "add100_s")):
        print(f"EXPONENT {name}={_fmt(fit_exponent([(r['docs'], r.get(key)) for r in rows]))}")
    queries = {} if args.no_queries else _queries(args.query_events, workdir)
    print("QUERIES " + (" ".join(f"{k}={v}" for k, v in sorted(queries.items())) if queries else "n/a"))
    ray = {} if args.no_ray else _ray(min(args.sizes), workdir)
    print("RAY " + (" ".join(f"{k}={v}" for k, v in sorted(ray.items())) if ray else "n/a"))
    if rows:
        print(f"(largest size {rows[-1]['docs']}, smallest {rows[0]['docs']}; -j {args.jobs}; "
              f"{args.docs_per_day or 'fixed 540 days of'} documents per day; workdir {workdir})")
    print(summary(rows, queries, ray))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
