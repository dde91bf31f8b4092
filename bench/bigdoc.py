"""Worst-case document sizes: time and peak memory per document at the default limits.

    python bench/bigdoc.py [--cases NAME,...] [--scale 1.0] [--stage extract|ingest] [--keep DIR]

Writes the largest inputs the default `Limits` accept, built from the benchmark's own article
templates (``bench/generate.py``; no third-party text), and processes each in a fresh Python
process (reading with the default limits, then ``extract_many``; with ``--stage ingest`` the
whole ``ingest_paths`` into a fresh database, cross-document linking included):

* ``multiline_max``: the longest article the limits accept (`max_chars` characters, within
  `max_bytes`) of ordinary paragraphs;
* ``longlines_max``: as long, in lines of `max_line_chars` characters with no blank lines;
* ``runon_max``: as long, lowercase words with no punctuation in lines of `max_line_chars`
  characters: every line is one enormous "sentence";
* ``dense_max``: as long, sentences packed with country names (the most mentions and events
  per character, which the coders pay for);
* ``names_max``: as long, sentences just under ``nlp.MAX_SENTENCE_TOKENS`` tokens, full of
  people, countries and pronouns (the most work per sentence that is still coded);
* ``multiline_2mb``: a 2,000,000-character article (refused: over `max_chars`);
* ``batch_3m``: a JSON Lines file with eight ordinary articles and one of 3,100,000
  characters (over spaCy's old 3,000,000 max_length), which must not fail the others.

One line per case (time, peak RSS of the process, documents, failures, events, warnings),
then ``BIGDOC worst_s=... worst_rss_mb=...``: the slowest case and the largest peak RSS.
``--scale 0.1`` makes every input ten times smaller (for a quick look).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402  (bench/generate.py)

from pactwatch.io.ingest import DEFAULT_LIMITS  # noqa: E402

SEED = 20260102
BATCH_LONG_CHARS = 3_100_000
CASES = ("multiline_max", "longlines_max", "runon_max", "dense_max", "names_max", "multiline_2mb", "batch_3m")


def _articles(seed: int):
    rng = random.Random(seed)
    countries = generate.load_countries()
    while True:
        yield generate.make_article(rng, countries)[1].strip()


def paragraphs_text(n_chars: int, seed: int = SEED) -> str:
    """Articles one after another (blank lines between paragraphs), cut to `n_chars` characters."""
    out, size = [], 0
    for a in _articles(seed):
        out.append(a)
        size += len(a) + 2
        if size >= n_chars:
            break
    return "\n\n".join(out)[:n_chars]


def long_lines(words: str, n_chars: int, line: int) -> str:
    """`words` in lines of at most `line` characters (cut at spaces), `n_chars` in all."""
    lines, pos = [], 0
    while pos < min(n_chars, len(words)):
        seg = words[pos:pos + line]
        cut = seg.rfind(" ") if len(seg) == line else len(seg)
        lines.append(seg[:cut])
        pos += cut + 1
    return "\n".join(lines)[:n_chars]


def sentences_text(n_chars: int, sentence, seed: int = SEED) -> str:
    """`sentence(rng, country_names)` again and again, `n_chars` characters in all."""
    rng = random.Random(seed)
    names = [c["name"] for c in generate.load_countries()]
    out, size = [], 0
    while size < n_chars:
        out.append(sentence(rng, names))
        size += len(out[-1])
    return "".join(out)[:n_chars]


def dense_sentence(rng: random.Random, names: list[str]) -> str:
    """A list of countries agreeing on something."""
    topic = rng.choice(("AI", "chips", "space"))
    return f"{', '.join(rng.sample(names, 10))} and {rng.choice(names)} signed an agreement on {topic}. "


def names_sentence(rng: random.Random, names: list[str]) -> str:
    """Just under MAX_SENTENCE_TOKENS words: a chain of people meeting, with pronouns."""
    from pactwatch import nlp

    words: list[str] = []
    while len(words) < getattr(nlp, "MAX_SENTENCE_TOKENS", 500) - 40:
        words += (f"{rng.choice(names)} Minister {rng.choice(generate._GIVEN)} {rng.choice(generate._FAMILY)} met "
                  "him and she said he would sign it with them and they welcomed it and").split()
    return " ".join(words) + " they agreed. "


def make_case(name: str, folder: Path, scale: float) -> Path:
    limits = DEFAULT_LIMITS
    max_chars = getattr(limits, "max_chars", limits.max_bytes)    # (to measure versions before max_chars)
    big = int(min(limits.max_bytes, max_chars) * scale) - 20
    line = min(limits.max_line_chars, big)
    header = "date 2025-08-05\n"
    if name == "multiline_2mb":
        text = header + paragraphs_text(int(2_000_000 * scale))
    elif name == "multiline_max":
        text = header + paragraphs_text(big)
    elif name == "longlines_max":
        text = header + long_lines(" ".join(paragraphs_text(big + 10_000).split()), big, line)
    elif name == "runon_max":
        words = re.sub(r"[^\w\s]", "", paragraphs_text(int(big * 1.1))).lower().split()
        text = header + long_lines(" ".join(words), big, line)
    elif name == "dense_max":
        text = header + long_lines(sentences_text(big, dense_sentence), big, line)
    elif name == "names_max":
        text = header + long_lines(sentences_text(big, names_sentence), big, line)
    elif name == "batch_3m":
        long = paragraphs_text(int(BATCH_LONG_CHARS * scale), seed=SEED + 1)
        rows = [{"id": f"normal{i}", "date": "2025-08-05", "text": a}
                for i, a in zip(range(8), _articles(SEED + 2))]
        rows.insert(3, {"id": "long", "date": "2025-08-05", "text": long})
        p = folder / f"{name}.jsonl"
        p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        return p
    else:
        raise SystemExit(f"unknown case {name!r}; cases: {', '.join(CASES)}")
    p = folder / f"{name}.txt"
    p.write_text(text, encoding="utf-8")
    assert p.stat().st_size <= limits.max_bytes
    return p


def child(path: str, stage: str) -> None:
    """Run in the fresh process: read with the default limits, process, print one JSON line."""
    from pactwatch.io.ingest import iter_documents
    from pactwatch.model import Failure
    from pactwatch.pipeline import _coders, extract_many, ingest_paths
    from pactwatch import nlp

    nlp.load_nlp()
    _coders()
    items = list(iter_documents([path]))
    read_fail = [str(x) for x in items if isinstance(x, Failure)]
    docs = [x for x in items if not isinstance(x, Failure)]
    chars = sum(len(d.text) for d in docs)
    del items
    t0 = time.perf_counter()
    if stage == "ingest":
        from pactwatch.io.store import Store

        with tempfile.TemporaryDirectory() as tmp:
            store = Store(os.path.join(tmp, "big.db"))
            s = ingest_paths([path], store)
            fails = read_fail + [str(f) for f in s.failures]
            events, warnings = s.events, len(s.warnings)
            del store
    else:
        fails, events, warnings = list(read_fail), 0, 0
        for r in extract_many(docs):
            if isinstance(r, Failure):
                fails.append(str(r))
            else:
                events += len(r.events)
                warnings += sum(1 for w in r.document.warnings if "not coded" in w)
    print(json.dumps({"seconds": time.perf_counter() - t0, "docs": len(docs), "chars": chars,
                      "failures": fails, "events": events, "warnings": warnings}))


def run_case(path: Path, stage: str) -> dict:
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(path), "--stage", stage],
                            stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    try:
        res = json.loads(out.strip().splitlines()[-1])
    except (IndexError, ValueError):
        res = {"seconds": wall, "failures": [f"child exited with status {status}"], "docs": 0, "chars": 0,
               "events": 0, "warnings": 0}
    res["rss_mb"] = usage.ru_maxrss / 1024
    res["wall"] = wall
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", default=",".join(CASES))
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--stage", choices=("extract", "ingest"), default="extract")
    ap.add_argument("--keep", help="write the inputs into this folder and keep them")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, args.stage)
        return 0
    tmp = tempfile.TemporaryDirectory()
    folder = Path(args.keep or tmp.name)
    folder.mkdir(parents=True, exist_ok=True)
    worst_s = worst_rss = 0.0
    for name in args.cases.split(","):
        path = make_case(name, folder, args.scale)
        r = run_case(path, args.stage)
        worst_s, worst_rss = max(worst_s, r["seconds"]), max(worst_rss, r["rss_mb"])
        fails = "; ".join(f[:120] for f in r["failures"]) or "none"
        print(f"{name:14s} bytes={path.stat().st_size} docs={r['docs']} chars={r['chars']} "
              f"seconds={r['seconds']:.1f} rss_mb={r['rss_mb']:.0f} events={r['events']} "
              f"long_sentence_warnings={r['warnings']} failures={fails}", flush=True)
    tmp.cleanup()
    print(f"BIGDOC worst_s={worst_s:.1f} worst_rss_mb={worst_rss:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
