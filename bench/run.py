"""pactwatch throughput benchmark (the acceptance check; it reports, it does not fail).

    python bench/run.py [--docs 320] [--keep DIR] [--quiet] [--repeat N]

Generates a deterministic synthetic corpus (bench/generate.py), then on the same
texts measures, in one run:

* spaCy alone: ``nlp.pipe(texts, batch_size=32)`` in this process;
* end-to-end ``ingest_paths`` with 1 process into a fresh SQLite database;
* end-to-end ``ingest_paths`` with 2 processes into another fresh database;

and checks that both databases hold the same documents and event ids. The last
line printed is

    BENCH docs_per_s=... words_per_s=... ratio_vs_spacy=... speedup_2proc=... peak_rss_mb=...

(docs_per_s / words_per_s are the 1-process end-to-end figures; words are the
whitespace tokens of the texts spaCy sees, i.e. the article without its header).
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402  (bench/generate.py)

TARGET_RATIO = 0.75
TARGET_SPEEDUP = 1.6
TARGET_RSS_MB = 1500.0


def _rss_mb() -> tuple[float, float]:
    """(self, children) peak resident set size in MB (ru_maxrss is kB on Linux)."""
    div = 1024.0 * (1024.0 if sys.platform == "darwin" else 1.0)
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / div,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / div)


def _cpu_s() -> float:
    """CPU seconds used so far by this process and its waited-for children."""
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime


def _system_busy_s() -> float | None:
    """CPU seconds the whole machine has spent busy (Linux /proc/stat); None elsewhere."""
    try:
        with open("/proc/stat") as f:
            fields = [int(x) for x in f.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)   # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")   # guest time is already in user


class _Phase:
    """Wall time, our CPU time and other processes' CPU time over a `with` block."""

    def __enter__(self):
        self.sys0, self.cpu0, self.t0 = _system_busy_s(), _cpu_s(), time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.t0
        self.cpu = _cpu_s() - self.cpu0
        sys1 = _system_busy_s()
        self.others = None if sys1 is None or self.sys0 is None else max(0.0, sys1 - self.sys0 - self.cpu)
        return False

    def note(self) -> str:
        s = f"cpu {self.cpu:.1f}s = {self.cpu / self.wall:.2f} cores"
        if self.others is not None:
            s += f"; other processes {self.others / self.wall:.2f} cores"
        return s


def _db_contents(db: Path) -> tuple[int, int, set[str]]:
    con = sqlite3.connect(str(db))
    try:
        n_docs = con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        ids = {r[0] for r in con.execute("SELECT id FROM events")}
        n_events = con.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    finally:
        con.close()
    return n_docs, n_events, ids


def _ingest(folder: Path, db: Path, processes: int):
    from pactwatch.pipeline import ingest_paths
    from pactwatch.io.store import Store

    store = Store(str(db))            # schema creation is not part of the timing
    try:
        with _Phase() as ph:
            summary = ingest_paths([str(folder)], store, processes=processes)
    finally:
        store.close()
    return summary, ph


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="pactwatch throughput benchmark")
    ap.add_argument("--docs", type=int, default=320, help="number of synthetic articles (default 320)")
    ap.add_argument("--keep", metavar="DIR", help="write the corpus here and keep it")
    ap.add_argument("--quiet", action="store_true", help="print only the BENCH line")
    ap.add_argument("--repeat", type=int, default=3, metavar="N",
                    help="measure N rounds (spaCy, 1 process, 2 processes, interleaved) and keep the best "
                         "time of each (default 3), which steadies the figures on a noisy machine")
    args = ap.parse_args(argv)

    def say(*a):
        if not args.quiet:
            print(*a, flush=True)

    work = Path(tempfile.mkdtemp(prefix="pactwatch-bench-"))
    try:
        corpus = Path(args.keep) if args.keep else work / "corpus"
        for old in corpus.glob("bench_*.txt"):   # a kept corpus from an earlier run (maybe other --docs)
            old.unlink()
        t0 = time.perf_counter()
        generate.generate(corpus, args.docs)
        say(f"corpus: {args.docs} articles in {corpus} ({time.perf_counter() - t0:.2f}s to generate)")

        from pactwatch import nlp, pipeline
        from pactwatch.io.ingest import iter_documents
        from pactwatch.model import Document
        from pactwatch.places import Gazetteer

        docs = [d for d in iter_documents([str(corpus)]) if isinstance(d, Document)]
        if len(docs) != args.docs:
            say(f"warning: {args.docs - len(docs)} generated files were not read as documents")
        texts = [nlp.parse_text(d) for d in docs]
        n_words = sum(len(t.split()) for t in texts)
        say(f"texts: {len(texts)} documents, {n_words} words ({n_words / max(len(texts), 1):.0f} per document)")

        # ---- warm-up (model load, coders, gazetteer, rule tables) outside all timings
        t0 = time.perf_counter()
        model = nlp.load_nlp()
        pipeline._coders()
        Gazetteer.default().lookup("Seoul")
        # one full spaCy batch through the whole pipeline: the first batches run slower (allocations,
        # lazily built tables), which would otherwise land in whichever timing comes first
        pipeline._extract_batch(docs[:32])
        say(f"warm-up: {time.perf_counter() - t0:.2f}s (spaCy model, coders, gazetteer)")

        # ---- spaCy alone, end to end with 1 and with 2 processes (interleaved rounds, best of each)
        rounds = max(1, args.repeat)
        ph0 = ph1 = ph2 = None
        for r in range(rounds):
            tag = f" [round {r + 1}/{rounds}]" if rounds > 1 else ""
            with _Phase() as ph:
                for _ in model.pipe(texts, batch_size=32):
                    pass
            say(f"spaCy alone:      {ph.wall:7.2f}s  {len(texts) / ph.wall:8.2f} docs/s  "
                f"{n_words / ph.wall:9.0f} words/s  ({ph.note()}){tag}")
            ph0 = ph if ph0 is None or ph.wall < ph0.wall else ph0
            s1, ph = _ingest(corpus, work / f"one{r}.db", 1)
            say(f"ingest 1 process: {ph.wall:7.2f}s  {len(texts) / ph.wall:8.2f} docs/s  "
                f"{n_words / ph.wall:9.0f} words/s  ({ph.note()}){tag}")
            ph1 = ph if ph1 is None or ph.wall < ph1.wall else ph1
            s2, ph = _ingest(corpus, work / f"two{r}.db", 2)
            say(f"ingest 2 process: {ph.wall:7.2f}s  {len(texts) / ph.wall:8.2f} docs/s  "
                f"{n_words / ph.wall:9.0f} words/s  ({ph.note()}){tag}")
            ph2 = ph if ph2 is None or ph.wall < ph2.wall else ph2
        say(f"  1 process: {s1.as_dict()}\n  2 processes: {s2.as_dict()}")
        if rounds > 1:
            say(f"best of {rounds}: spaCy {ph0.wall:.2f}s, 1 process {ph1.wall:.2f}s, 2 processes {ph2.wall:.2f}s")
        t_spacy, t1, t2 = ph0.wall, ph1.wall, ph2.wall
        spacy_dps = len(texts) / t_spacy
        dps1, wps1 = len(texts) / t1, n_words / t1
        dps2 = len(texts) / t2

        ratio = dps1 / spacy_dps
        speedup = dps2 / dps1
        rss_self, rss_children = _rss_mb()
        # the run's peak memory, counted conservatively: this process at its peak plus two workers
        # each at the largest child's peak (they are alive at the same time)
        peak = rss_self + 2 * rss_children

        # ---- correctness: same documents, same events
        d1, e1, ids1 = _db_contents(work / "one0.db")
        d2, e2, ids2 = _db_contents(work / "two0.db")
        same = ids1 == ids2 and d1 == d2 and e1 == e2
        for r in range(1, rounds):   # later rounds must store the very same thing
            same = same and all(_db_contents(work / f"{k}{r}.db") == (d1, e1, ids1) for k in ("one", "two"))
        say(f"stored: 1 process {d1} documents / {e1} events; 2 processes {d2} documents / {e2} events; "
            f"same_events={same}")
        if not same:
            say(f"  event ids only in 1-process db: {len(ids1 - ids2)}; only in 2-process db: {len(ids2 - ids1)}")
        if s1.failed or s2.failed:
            say(f"  failures: 1 process {s1.failed}, 2 processes {s2.failed}")
        say(f"peak RSS: self {rss_self:.1f} MB, largest child {rss_children:.1f} MB; "
            f"whole run (self + 2 workers) {peak:.1f} MB (cpus: {os.cpu_count()})")

        busy = [(name, ph.others / ph.wall) for name, ph in (("spaCy alone", ph0), ("1 process", ph1),
                                                              ("2 processes", ph2)) if ph.others is not None]
        if any(b > 0.15 for _, b in busy):
            say("warning: other processes were using the CPUs during the timings ("
                + ", ".join(f"{n}: {b:.2f} cores" for n, b in busy)
                + "); the figures, the 2-process speedup above all, are too low: run again on an idle machine")

        def verdict(ok: bool) -> str:
            return "met" if ok else "NOT met"

        say(f"target ratio_vs_spacy >= {TARGET_RATIO}: {ratio:.3f} {verdict(ratio >= TARGET_RATIO)}")
        say(f"target speedup_2proc >= {TARGET_SPEEDUP}: {speedup:.3f} {verdict(speedup >= TARGET_SPEEDUP)}")
        say(f"target peak_rss_mb < {TARGET_RSS_MB:.0f}: {peak:.1f} {verdict(peak < TARGET_RSS_MB)}")
        print(f"BENCH docs_per_s={dps1:.2f} words_per_s={wps1:.2f} ratio_vs_spacy={ratio:.2f} "
              f"speedup_2proc={speedup:.2f} peak_rss_mb={peak:.2f}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
