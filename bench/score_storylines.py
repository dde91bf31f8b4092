#!/usr/bin/env python3
"""Score the cross-document layer on a multi-document storyline corpus with gold files.

    python bench/score_storylines.py [CORPUS_DIR] [--json OUT]

CORPUS_DIR (default tests/data/storylines) holds docs/*.txt and gold/{events,commitments,
agreements}.jsonl (format in that folder's README). The script ingests the documents into a fresh
database (the cross-document layer runs as part of ingest), then measures:

- clustering: B-cubed precision, recall and F1 of canonical events. Each gold mention (document +
  quote) is mapped to the system's per-document event whose evidence overlaps the quote (same
  category preferred); the items are the mapped mentions, the gold partition is the gold clusters,
  the system partition is the canonical events. Coverage = mapped mentions / all gold mentions.
- commitment links: precision, recall and F1 of (commitment, resolving event, status) triples for
  the fulfilled and withdrawn commitments, compared at the level of canonical events; plus the
  status accuracy over all gold commitments found by the system.
- agreement stages: precision, recall and F1 of (stage, canonical event) pairs.

Prints one line: STORYLINES bcubed_f1=... link_f1=... stage_f1=... status_acc=...
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pactwatch import link  # noqa: E402
from pactwatch.pipeline import ingest_paths  # noqa: E402
from pactwatch.io.store import Store  # noqa: E402


def read_jsonl(p: Path) -> list[dict]:
    """Records of NAME.jsonl, and of NAME.*.jsonl parts beside it."""
    files = ([p] if p.exists() else []) + sorted(p.parent.glob(p.stem + ".*.jsonl"))
    return [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class Mapper:
    """Gold (doc, quote) -> the system's per-document event, and that event's canonical cluster."""

    def __init__(self, store: Store, texts: dict[str, str]):
        self.texts = texts
        self.by_doc = defaultdict(list)
        for e in store.events():
            self.by_doc[e.doc_id].append(e)
        self.cluster = store.clusters()

    def event(self, doc: str, quote: str, event_type: str | None = None):
        text = self.texts.get(doc)
        if text is None or quote not in text:
            raise SystemExit(f"gold quote not found in {doc}: {quote!r}")
        a = text.index(quote)
        b = a + len(quote)
        best, score = None, 0.0
        for e in self.by_doc.get(doc, []):
            ov = max((min(b, sp.end) - max(a, sp.start) for sp in e.evidence), default=0)
            if ov <= 0:
                continue
            s = ov + (1000 if event_type and e.event_type in event_type.split("|") else 0)
            if s > score:
                best, score = e, s
        return best

    def canonical(self, doc: str, quote: str, event_type: str | None = None) -> str | None:
        e = self.event(doc, quote, event_type)
        return None if e is None else self.cluster.get(e.id, e.id)


def bcubed(items: list[tuple[str, str]]) -> tuple[float, float, float]:
    """items: (gold cluster, system cluster) per mapped mention."""
    if not items:
        return 0.0, 0.0, 0.0
    by_sys, by_gold, both = Counter(s for _, s in items), Counter(g for g, _ in items), Counter(items)
    p = sum(both[(g, s)] / by_sys[s] for g, s in items) / len(items)
    r = sum(both[(g, s)] / by_gold[g] for g, s in items) / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(corpus: Path, db: Path | None = None) -> dict:
    docs = corpus / "docs"
    gold = corpus / "gold"
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(docs.glob("*.txt"))}
    tmp = tempfile.TemporaryDirectory()
    store = Store(str(db or Path(tmp.name) / "storylines.db"))
    ingest_paths([str(docs)], store)
    m = Mapper(store, texts)

    # clustering
    items, missed = [], 0
    g_events = read_jsonl(gold / "events.jsonl")
    for g in g_events:
        for men in g["mentions"]:
            cid = m.canonical(men["doc"], men["quote"], g.get("event_type"))
            if cid is None:
                missed += 1
            else:
                items.append((g["cluster"], cid))
    n_mentions = sum(len(g["mentions"]) for g in g_events)
    bp, br, bf = bcubed(items)

    # commitment links and statuses
    sys_commitments = store.derived("commitment")
    by_event = {c["event_id"]: c for c in sys_commitments}
    gold_links, status_ok, status_n = set(), 0, 0
    for c in read_jsonl(gold / "commitments.jsonl"):
        cid = m.canonical(c["commitment"]["doc"], c["commitment"]["quote"], "AGREE")
        sc = by_event.get(cid)
        if sc is not None:
            status_n += 1
            status_ok += sc["status"] == c["status"]
        if c["status"] in ("fulfilled", "withdrawn") and c.get("resolved_by"):
            rid = m.canonical(c["resolved_by"]["doc"], c["resolved_by"]["quote"])
            gold_links.add((cid, rid, c["status"]))
    sys_links = {(c["event_id"], c["resolved_by"], c["status"]) for c in sys_commitments if c["resolved_by"]}
    lp, lr, lf = prf(len(gold_links & sys_links), len(sys_links), len(gold_links))
    if os.environ.get("STORYLINES_SHOW"):
        for tag, diff in (("missed", gold_links - sys_links), ("extra", sys_links - gold_links)):
            for cid, rid, status in sorted(diff, key=str):
                ev = next((c for c in sys_commitments if c["event_id"] == cid), {})
                print(f"link {tag}: {status} {cid} -> {rid}: {(ev.get('evidence') or [{}])[0].get('text', '')[:100]!r}")

    # agreement stages
    gold_stages = set()
    for a in read_jsonl(gold / "agreements.jsonl"):
        for st in a["stages"]:
            gold_stages.add((st["stage"], m.canonical(st["doc"], st["quote"])))
    sys_stages = {(st["stage"], st["event_id"]) for a in store.derived("agreement") for st in a["stages"]}
    sp_, sr, sf = prf(len(gold_stages & sys_stages), len(sys_stages), len(gold_stages))

    res = {
        "documents": len(texts),
        "clustering": {"bcubed_p": bp, "bcubed_r": br, "bcubed_f1": bf, "gold_mentions": n_mentions,
                       "mapped": len(items), "coverage": len(items) / n_mentions if n_mentions else 0.0,
                       "canonical_events": len(set(store.clusters().values()) | set(m.cluster) | {
                           e.id for evs in m.by_doc.values() for e in evs if e.id not in m.cluster})},
        "links": {"p": lp, "r": lr, "f1": lf, "gold": len(gold_links), "system": len(sys_links),
                  "status_accuracy": status_ok / status_n if status_n else 0.0, "status_n": status_n},
        "stages": {"p": sp_, "r": sr, "f1": sf, "gold": len(gold_stages), "system": len(sys_stages)},
    }
    store.close()
    tmp.cleanup()
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(ROOT / "tests" / "data" / "storylines"))
    ap.add_argument("--json")
    a = ap.parse_args()
    res = score(Path(a.corpus))
    c, l, s = res["clustering"], res["links"], res["stages"]
    print(f"documents {res['documents']}  gold mentions {c['gold_mentions']}  mapped {c['mapped']} "
          f"(coverage {c['coverage']:.3f})")
    print(f"clustering  B-cubed P {c['bcubed_p']:.3f}  R {c['bcubed_r']:.3f}  F1 {c['bcubed_f1']:.3f}")
    print(f"links       P {l['p']:.3f}  R {l['r']:.3f}  F1 {l['f1']:.3f}  (gold {l['gold']}, system {l['system']}); "
          f"status accuracy {l['status_accuracy']:.3f} over {l['status_n']} commitments found")
    print(f"stages      P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f1']:.3f}  (gold {s['gold']}, system {s['system']})")
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=1))
    print(f"STORYLINES bcubed_f1={c['bcubed_f1']:.4f} link_f1={l['f1']:.4f} stage_f1={s['f1']:.4f} "
          f"status_acc={l['status_accuracy']:.4f} coverage={c['coverage']:.4f}")


if __name__ == "__main__":
    main()
