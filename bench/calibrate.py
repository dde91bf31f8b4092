"""How far can an event's confidence be trusted? Precision by confidence on a gold set.

    python bench/calibrate.py [--set realnews_dev|seeds|wire_check] [--events EXPORT.jsonl]
    python bench/calibrate.py --fit        # learn src/pactwatch/data/confidence.json

Ingests the set's documents (or reads an export), matches every exported event against the gold
with the referee's own rules (../shared/eval/score.py: same category, overlapping evidence,
one system event per gold event, full matches first), and prints, per confidence band and for
every threshold, the share of events that are right:

    detect  the event is a real gold event (category and evidence)
    full    ... and its participant countries are the gold set

Events matching an optional gold event ("core": false) count neither way. The last line:
`CALIBRATION set=... n=... p_detect_ge_0.7=... p_full_ge_0.7=... share_ge_0.7=...`.

`--fit` learns the confidence model (``pactwatch/coding/confidence.py``): it codes the real-news dev and
seed articles in this process, labels every event with the referee's judgement (a real event or not),
fits an L2-regularised logistic regression on the features of ``confidence.features`` (Newton's method,
deterministic), prints the calibration of leave-one-document-out predictions (each document scored by a
model that did not see it), and writes the weights to ``src/pactwatch/data/confidence.json``.
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
        "seeds": ("corpus/seeds", "gold/seeds.gold.jsonl"),
        # our own wire-style reports (bench/wire_check/README.md): not used by --fit, a check on text it did not see
        "wire_check": (ROOT / "bench" / "wire_check" / "docs", ROOT / "bench" / "wire_check" / "gold.jsonl")}
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


L2 = 1.0        # the regulariser of --fit (on the weights, not the bias)


def _fit(X, y, l2: float = L2):
    """L2-regularised logistic regression by Newton's method: (bias, weights)."""
    import numpy as np
    X1 = np.hstack([np.ones((len(X), 1)), X])
    w = np.zeros(X1.shape[1])
    reg = np.full(X1.shape[1], l2)
    reg[0] = 1e-6
    for _ in range(50):
        p = 1 / (1 + np.exp(-X1 @ w))
        grad = X1.T @ (p - y) + reg * w
        hess = X1.T @ (X1 * (p * (1 - p))[:, None]) + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return float(w[0]), w[1:]


def _table(pairs, title: str) -> None:
    print(title)
    print(f"{'>= conf':>8}  {'n':>4}  {'real':>6}")
    for lo in (0.0, 0.5, 0.6, 0.7, 0.8, 0.9):
        above = [ok for c, ok in pairs if c >= lo]
        print(f"{lo:8.2f}  {len(above):4d}  {sum(above) / len(above) if above else float('nan'):6.3f}")


def fit() -> int:
    """Learn data/confidence.json from the real-news dev and seed sets (see the module docstring)."""
    import numpy as np
    from pactwatch import ingest, pipeline
    from pactwatch.coding import confidence as conf_mod

    ref = referee()
    rows = []          # (document, features, label)
    for name in ("realnews_dev", "seeds"):
        docs_rel, gold_rel = SETS[name]
        docs = ref.read_docs(SHARED / docs_rel)
        gold = ref.read_jsonl(SHARED / gold_rel)
        events = [ev for d in ingest.iter_documents([SHARED / docs_rel]) if hasattr(d, "text")
                  for ev in pipeline.extract_document(d).events]
        judged = judge(ref, gold, [e.to_dict() for e in events], docs)
        by_doc = defaultdict(list)
        for ev in events:
            by_doc[ev.doc_id].append(ev)
        ordered = [ev for doc_id in by_doc for ev in by_doc[doc_id]]   # judge() walks documents in this order
        for ev, (_, outcome) in zip(ordered, judged):
            if outcome != "neutral":
                rows.append((f"{name}/{ev.doc_id}", conf_mod.features(ev), outcome in ("full", "detect"),
                             f"{ev.event_type} {' '.join(ev.evidence[0].text.split())[:90]}"))
    names = sorted({k for _, f, _, _ in rows for k in f})
    X = np.array([[f.get(k, 0.0) for k in names] for _, f, _, _ in rows])
    y = np.array([1.0 if ok else 0.0 for _, _, ok, _ in rows])
    docs_of = [d for d, _, _, _ in rows]
    cv = np.zeros(len(rows))
    for doc in sorted(set(docs_of)):
        test = np.array([d == doc for d in docs_of])
        b, w = _fit(X[~test], y[~test])
        cv[test] = 1 / (1 + np.exp(-(b + X[test] @ w)))
    _table(list(zip(cv, y > 0)), f"leave-one-document-out: {len(rows)} events, {int(y.sum())} real")
    if os.environ.get("CALIBRATE_SHOW"):
        for i in np.argsort(-cv):
            if y[i] == 0 and cv[i] >= 0.7:
                print(f"  wrong at {cv[i]:.2f}: {rows[i][0]} {rows[i][3]}")
    b, w = _fit(X, y)
    share7 = float((cv >= 0.7).mean())
    p7 = float(y[cv >= 0.7].mean()) if (cv >= 0.7).any() else float("nan")
    model = {"_doc": "Weights of pactwatch.coding.confidence, written by `python bench/calibrate.py --fit`: "
                     "a logistic regression on the features of confidence.features, learned from the real-news "
                     "dev and seed sets; cv: leave-one-document-out calibration at the time of fitting.",
             "bias": round(b, 4), "weights": {k: round(float(v), 4) for k, v in zip(names, w)},
             "cv": {"events": len(rows), "real": int(y.sum()), "share_ge_0.7": round(share7, 3),
                    "real_ge_0.7": round(p7, 3)}}
    out = ROOT / "src" / "pactwatch" / "data" / "confidence.json"
    out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"FIT events={len(rows)} real={int(y.sum())} cv_real_ge_0.7={p7:.3f} cv_share_ge_0.7={share7:.3f} -> {out}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=sorted(SETS), default="realnews_dev")
    ap.add_argument("--events", help="an export to judge instead of ingesting the set again")
    ap.add_argument("--fit", action="store_true", help="learn src/pactwatch/data/confidence.json (see above)")
    a = ap.parse_args()
    if a.fit:
        return fit()
    docs_rel, gold_rel = SETS[a.set]
    ref = referee()
    docs = ref.read_docs(SHARED / docs_rel)       # an absolute path stays itself
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
