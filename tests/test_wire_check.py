"""The team's wire-style check set (bench/wire_check) is well formed: every gold quote is in its report
once at least, every report has gold, and the referee's fields are there."""
from __future__ import annotations

import json
from pathlib import Path

WIRE = Path(__file__).resolve().parents[1] / "bench" / "wire_check"


def test_every_gold_quote_is_in_its_report_and_every_report_is_coded() -> None:
    docs = {p.stem: p.read_text(encoding="utf-8") for p in sorted((WIRE / "docs").glob("*.txt"))}
    gold = [json.loads(line) for line in (WIRE / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    assert len(docs) == 12 and {g["doc"] for g in gold} == set(docs)
    for g in gold:
        assert {"gid", "core", "exhaustive", "event_type", "participants", "quotes", "date"} <= g.keys(), g["gid"]
        for q in g["quotes"]:
            assert q in docs[g["doc"]], (g["gid"], q)
    for text in docs.values():
        assert text.startswith(" date 20") and text.splitlines()[0].strip().split()[1][:4].isdigit()
