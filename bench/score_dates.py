"""Score pactwatch.dates.resolve_date against a TimeBank date gold file.

Usage: python bench/score_dates.py [GOLD_TSV] [--errors N]

The gold file is tab-separated with a header:
corpus, doc, reference_date, expression, value, sentence.
Prints the accuracy of resolve_date(expression, reference_date, sentence) == value,
the error categories (by kind of expression and kind of mistake), and the
figure for comparison (dateparser gets 0.58 on the dev file).
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
try:
    from pactwatch.dates import resolve_date
except ImportError:  # not installed: use the source tree
    sys.path.insert(0, str(ROOT / "src"))
    from pactwatch.dates import resolve_date

DEFAULT_GOLD = ROOT.parent / "shared" / "gold" / "timebank_dates.dev.tsv"
DATEPARSER_BASELINE = 0.58

_WEEKDAY = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_MONTH = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b")


def category(expression: str) -> str:
    """A coarse kind of expression, for grouping errors."""
    e = expression.lower()
    if re.search(r"\b(?:today|tonight|yesterday|tomorrow)\b", e):
        return "today/yesterday/tomorrow"
    if _MONTH.search(e) and re.search(r"\d", e):
        return "explicit date"
    if _WEEKDAY.search(e):
        return "weekday"
    if re.search(r"\b(?:ago|earlier|later|in \w+ \w+s?)\b", e) and re.search(r"\b(?:day|week|month|year)s?\b", e):
        return "duration offset"
    if re.search(r"\b(?:this|last|next|past|current|the)\b.*\b(?:week|month|year)\b", e):
        return "this/last/next period"
    if _MONTH.search(e):
        return "month name"
    if re.search(r"\b1\d{3}|20\d\d\b|nineteen|thousand", e):
        return "year"
    return "other"


def mistake(pred: str | None, gold: str) -> str:
    if pred is None:
        return "no value"
    if len(pred) != len(gold):
        return "wrong precision"
    if pred[:4] != gold[:4]:
        return "wrong year"
    return "wrong month/day"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    ap.add_argument("--errors", type=int, default=0, help="print up to N wrong rows")
    args = ap.parse_args(argv)
    path = Path(args.gold)
    if not path.exists():
        print(f"gold file not found: {path}")
        return 2
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    t0 = time.perf_counter()
    correct = 0
    cats: Counter = Counter()
    kinds: Counter = Counter()
    totals: Counter = Counter()
    wrong = []
    for r in rows:
        pred = resolve_date(r["expression"], r["reference_date"], r["sentence"])
        cat = category(r["expression"])
        totals[cat] += 1
        if pred == r["value"]:
            correct += 1
        else:
            cats[cat] += 1
            kinds[mistake(pred, r["value"])] += 1
            wrong.append((r, pred))
    dt = time.perf_counter() - t0
    n = len(rows)
    print(f"accuracy: {correct / n:.3f} ({correct}/{n}) on {path.name}  [dateparser baseline: {DATEPARSER_BASELINE:.2f}]")
    print(f"time: {dt * 1000 / max(n, 1):.2f} ms/expression")
    print("errors by expression kind (wrong/total):")
    for cat, k in cats.most_common():
        print(f"  {cat:28s} {k:4d}/{totals[cat]}")
    print("errors by mistake:")
    for kind, k in kinds.most_common():
        print(f"  {kind:28s} {k:4d}")
    for r, pred in wrong[: args.errors]:
        print(f"  {r['reference_date']} | {r['expression']!r} -> {pred} (gold {r['value']}) | {r['sentence'][:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
