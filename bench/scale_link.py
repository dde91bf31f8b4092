#!/usr/bin/env python3
"""The cross-document stage on many near-identical reports of one event.

    python bench/scale_link.py write DIR --docs N      # write N tiny reports into DIR
    python bench/scale_link.py link DB [--incremental K]

`write` produces N short reports of one meeting (written for this benchmark), with small
variations of wording and report date. Ingest them once (`pactwatch ingest DIR --db DB -j 2`),
then `link` rebuilds the cross-document layer of DB (or, with --incremental K, relinks it K
documents at a time) and prints

    SCALE docs=... events=... links=... clusters=... largest=... link_s=... peak_rss_mb=...

Every report describes one event, so the expected result is one canonical event holding all of
them; what grows is the number of stored links and the time and memory of the link stage.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

OPENINGS = ("The foreign ministers of Japan and Australia met in Canberra on Tuesday",
            "Japan's foreign minister and Australia's foreign minister met in Canberra on Tuesday",
            "The foreign ministers of Australia and Japan held talks in Canberra on Tuesday",
            "Japanese and Australian foreign ministers met in Canberra on Tuesday")
PURPOSES = ("to discuss critical minerals", "to discuss critical minerals supply",
            "to discuss cooperation on critical minerals", "to discuss critical minerals and rare earths")
DATES = ("2026-03-03", "2026-03-04", "2026-03-05")


def write(folder: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = f" date {rng.choice(DATES)} {rng.choice(OPENINGS)} {rng.choice(PURPOSES)}."
        (folder / f"near_{i:05d}.txt").write_text(text, encoding="utf-8")


def relink(db: str, incremental: int = 0) -> None:
    from pactwatch import link
    from pactwatch.io.store import Store

    store = Store(db)
    docs = sorted(store.document_dates())
    t = time.perf_counter()
    if incremental:
        store.clear_links()
        for i in range(0, len(docs), incremental):
            link.update(store, docs[i:i + incremental])
    else:
        link.rebuild(store)
    secs = time.perf_counter() - t
    clusters = Counter(store.clusters().values())
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"SCALE docs={len(docs)} events={len(store.event_ids())} links={len(store.links())} "
          f"clusters={len(clusters)} largest={max(clusters.values(), default=0)} link_s={secs:.1f} "
          f"peak_rss_mb={rss:.0f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("dir")
    w.add_argument("--docs", type=int, default=1000)
    ln = sub.add_parser("link")
    ln.add_argument("db")
    ln.add_argument("--incremental", type=int, default=0, metavar="K")
    args = ap.parse_args()
    if args.cmd == "write":
        write(Path(args.dir), args.docs)
    else:
        relink(args.db, args.incremental)


if __name__ == "__main__":
    main()
