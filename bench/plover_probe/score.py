#!/usr/bin/env python3
"""Probe of the PLOVER categories on sentences of our own (bench/plover_probe/sentences.tsv: expected category,
tab, one news sentence; about six per category, written from PLOVER.md's definitions, not from any gold file).

    python bench/plover_probe/score.py [--show]

Codes each sentence as a document dated 2024-05-15 (in this process) and counts the sentences where an event of
the expected category is found. Development data since 2026-12-02 (idioms were added after looking at its
misses). Last line: `PROBE found=N total=M`.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
import pactwatch  # noqa: E402


def main() -> int:
    rows = [ln.split("\t", 1) for ln in (Path(__file__).parent / "sentences.tsv").read_text(encoding="utf-8").splitlines()
            if ln.strip()]
    found = 0
    for k, (want, text) in enumerate(rows):
        got = [e.event_type for e in pactwatch.extract(text, date="2024-05-15", doc_id=f"p{k:03d}")]
        found += want in got
        if want not in got and "--show" in sys.argv:
            print(f"missed {want:9} got {got}: {text}")
    print(f"PROBE found={found} total={len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
