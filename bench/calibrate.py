"""How far can an event's confidence be trusted? Precision by confidence on a gold set.

    python bench/calibrate.py [--set realnews_dev|seeds] [--events EXPORT.jsonl]

Ingests the set's documents (or reads an export), matches every exported event against the gold
with the referee's own rules (../shared/eval/score.py: same category, overlapping evidence,
one system event per gold event, full matches first), and prints, per confidence band and for
every threshold, the share of events that are right:

    detect  the event is a real gold event (category and evidence)
    full    ... and its participant countries are the gold set

Events matching an optional gold event ("core": false) count neither way. The last line:
`CALIBRATION set=... n=... p_detect_ge_0.7=... p_full_ge_0.7=... share_ge_0.7=...`.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PACTWATCH_SHARED") or ROOT.parent / "shared")
SETS = {"realnews_dev": ("corpus/realnews_dev", "gold/realnews_dev.gold.jsonl"),
        "seeds": ("corpus/seeds", "gold/seeds.gold.jsonl")}
BANDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def referee():
    spec = importlib.util.spec_from_file_location("referee", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def judge(ref, gold: list[dict], system: list[dict], docs: dict[str, str]) -> list[tuple[float, str]]:
    """(confidence, outcome) per system event; outcome 'full', 'detect', 'neutral' or 'wrong'."""
    g_by_doc, s_by_doc = defaultdict(list), defaultdict(list)
    for g in gold:
        g_by_doc[str(g["doc"])].append(g)
    for s in system:
        s_by_doc[str(s.get("doc_id"))].append(s)
    out = []
    stats: dict = defaultdict(float)
    for doc_id, evs in s_by_doc.items():
        golds, text = g_by_doc.get(doc_id, []), docs[doc_id]
        g_spans = [[(text.find(q), text.find(q) + len(q)) for q in g.get("quotes") or []] for g in golds]
        s_spans = [ref.spans_of(s, text, stats) for s in evs]
        s_types = [ref.norm_type(s.get("event_type")) for s in evs]
        s_parts = [ref.countries(s.get("actor")) | ref.countries(s.get("recipient")) for s in evs]

        def detects(gi, si):
            return s_types[si] in ref.gold_types(golds[gi]) and any(
                ref.overlaps(a, b) for a in s_spans[si] for b in g_spans[gi])

        def full(gi, si):
            g = golds[gi]
            return detects(gi, si) and ref.participants_ok(g["participants"], s_parts[si],
                                                          g.get("participants_match") == "superset")

        m_full = ref.max_matching([[si for si in range(len(evs)) if full(gi, si)] for gi in range(len(golds))],
                                  len(golds))
        used = set(m_full.values())
        rest = [gi for gi in range(len(golds)) if gi not in m_full]
        m_rest = {rest[k]: v for k, v in ref.max_matching(
            [[si for si in range(len(evs)) if si not in used and detects(gi, si)] for gi in rest], len(rest)).items()}
        by_s = {si: gi for gi, si in {**m_full, **m_rest}.items()}
        for si, s in enumerate(evs):
            gi = by_s.get(si)
            if gi is None:
                outcome = "wrong"
            elif not golds[gi].get("core", True):
                outcome = "neutral"
            else:
                outcome = "full" if gi in m_full else "detect"
            out.append((float(s.get("confidence") or 0.0), outcome))
    return out


def export_events(docs_dir: Path) -> list[dict]:
    exe = str(Path(sys.executable).parent / "pactwatch")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "c.db"
        subprocess.run([exe, "ingest", "-q", "--db", str(db), str(docs_dir)], check=True, stdout=subprocess.DEVNULL)
        out = subprocess.run([exe, "export", "--db", str(db)], check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=sorted(SETS), default="realnews_dev")
    ap.add_argument("--events", help="an export to judge instead of ingesting the set again")
    a = ap.parse_args()
    docs_rel, gold_rel = SETS[a.set]
    ref = referee()
    docs = ref.read_docs(SHARED / docs_rel)
    gold = ref.read_jsonl(SHARED / gold_rel)
    system = ref.read_jsonl(a.events) if a.events else export_events(SHARED / docs_rel)
    judged = [(c, o) for c, o in judge(ref, gold, system, docs) if o != "neutral"]
    print(f"{a.set}: {len(judged)} judged events ({len(system) - len(judged)} matching optional gold events left out)")
    print(f"{'band':>11}  {'n':>4}  {'detect':>6}  {'full':>6}   {'>= low':>6}  {'n':>4}  {'detect':>6}  {'full':>6}")
    figures = {}
    for lo, hi in zip(BANDS, BANDS[1:]):
        band = [o for c, o in judged if lo <= c < hi]
        above = [o for c, o in judged if c >= lo]
        p = lambda xs, ok: sum(o in ok for o in xs) / len(xs) if xs else float("nan")
        print(f"{lo:.2f}-{min(hi, 1.0):.2f}  {len(band):4d}  {p(band, {'full', 'detect'}):6.3f}  {p(band, {'full'}):6.3f}"
              f"   {lo:6.2f}  {len(above):4d}  {p(above, {'full', 'detect'}):6.3f}  {p(above, {'full'}):6.3f}")
        figures[lo] = (len(above), p(above, {"full", "detect"}), p(above, {"full"}))
    n7, d7, f7 = figures[0.7]
    print(f"CALIBRATION set={a.set} n={len(judged)} p_detect_ge_0.7={d7:.3f} p_full_ge_0.7={f7:.3f} "
          f"share_ge_0.7={n7 / max(1, len(judged)):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
