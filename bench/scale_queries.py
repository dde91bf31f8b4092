"""Query speed on a large store: the queries behind `events --pair/--country/--topic/--text`,
`timeline` and `commitments`, timed on a store of N generated events.

    python bench/scale_queries.py --events 1000000 [--db URL] [--workdir DIR] [--repeat 40]

The store is filled quickly and honestly: no NLP, but rows exactly as `ingest` writes them, through
the store's own write path (`Store.save_many`: documents, sentences, mentions, events with their
participants, topics, evidence and search text), from generated results: one document per 7 events,
dated over 2010-2026 (a fifth of the events dated to the month or year only, 4% undated); 60
countries drawn with Zipf-like weights (the United States in about a quarter of the events, the
rarest in a few hundred); 1-2 actors and 0-2 recipients (a tenth of them named people); 0-3 topics;
one or two evidence sentences of 12-30 words drawn from a vocabulary of 6,000 made-up words and 60
technology words. Commitments: one per 20 events, written as the link step writes them
(`Store.replace_derived`).

Each query is asked `--repeat` times with other values (pairs, countries, topics, words from common
to rare) through the same Store calls, with the same arguments, as the CLI and the web app make:

    pair         Store.events(pair=(A, B), limit=50)           `events --pair A B --limit 50`
    country      Store.events(country=A, limit=50)             `events --country A --limit 50`
    topic        Store.events(topic=T, limit=50)               `events --topic T --limit 50`
    text         Store.events(text=W, limit=50)                `events --text W --limit 50`
    page3        Store.events_page(F, sort="date", descending=True, offset=100, limit=50, count=False):
                 the third page of the web app's event list (/events?...&page=3), F one of the four
                 filters above in turn
    timeline     Store.canonical_page({"pair": (A, B)}, limit=50, count=False): the first page of a
                 pair's canonical events, latest first (/pair/A/B)
    timeline3    the same, offset=100 (/pair/A/B?page=3)
    commitments  queries.commitment_page(store, S, A, None, 0, 50): the board (/commitments?status=S&
                 country=A), one page in the order `commitments` prints (the day made, then id)
    commitments3 the same, offset=100
    counts       Store.derived_counts("commitment", country=A): the board's counts by status
    show         Store.event_ids_starting(prefix) then Store.event(id): `show PREFIX`

and prints p50/p95 per query, then one line

    QUERIES events=N backend=sqlite build_s=.. query_p95_ms=.. (the worst p95 of the queries)

Not timed as a page: the CLI `timeline --pair A B` prints a pair's whole chronology (every canonical
event of the pair: its time grows with the pair, as an export's does); `pair_ids` times the store read
behind it (Store.events_by_pair, every event id of the pair) and is printed apart, out of the worst p95.

`--export` then writes the store out with `pactwatch export` (JSON Lines, CSV, Parquet), each in a
process of its own, and prints its peak memory (the process's maximum resident set) and seconds:

    EXPORT format=jsonl events=N peak_rss_mb=.. seconds=.. (`--src DIR` runs another tree's pactwatch)

`measure(n_events, workdir, db=None) -> dict` does the same for bench/scale.py.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from pactwatch.io.store import Store  # noqa: E402
from pactwatch.model import DocResult, Document, Entity, Event, Evidence, Location, Sentence  # noqa: E402

EVENTS_PER_DOC = 7
TYPES = ["CONSULT", "AGREE", "COOPERATE", "SUPPORT", "REQUEST", "AID", "SANCTION", "REJECT", "ACCUSE",
         "THREATEN", "CONCEDE", "RETREAT", "COERCE"]
TOPICS = ["artificial_intelligence", "semiconductors", "quantum", "critical_minerals", "space",
          "biotechnology", "nuclear_energy", "communications", "science_research", "clean_energy"]
TECH = ["hydrogen", "semiconductor", "quantum", "satellite", "lithium", "vaccine", "reactor", "fusion",
        "graphite", "telescope", "genome", "robotics", "battery", "fibre", "cobalt", "drone", "laser",
        "supercomputer", "microchip", "isotope", "electrolyser", "turbine", "antenna", "sensor",
        "algorithm", "cyber", "rocket", "lunar", "polar", "ocean", "climate", "carbon", "solar", "wind",
        "nickel", "rare earth", "export control", "joint laboratory", "research fund", "memorandum",
        "standards", "spectrum", "data centre", "foundry", "wafer", "photonics", "biobank", "pathogen",
        "seismic", "glacier", "fishery", "orbit", "launcher", "radar", "encryption", "chip act",
        "accelerator", "neutron", "plasma", "catalyst"]


def _countries(rng: random.Random) -> tuple[list[str], list[float]]:
    letters = "ABCDEFGHIKLMNOPRSTUVWYZ"
    codes = ["USA", "CHN", "JPN", "KOR", "DEU", "GBR", "FRA", "IND", "AUS", "CAN"]
    while len(codes) < 60:
        c = "".join(rng.choice(letters) for _ in range(3))
        if c not in codes:
            codes.append(c)
    weights = [1 / (i + 1) ** 1.1 for i in range(len(codes))]
    return codes, weights


class Generator:
    def __init__(self, seed: int = 11) -> None:
        self.rng = rng = random.Random(seed)
        self.codes, self.weights = _countries(rng)
        syll = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "da", "no", "shi", "ra", "tu", "el", "an"]
        self.words = list(dict.fromkeys("".join(rng.choice(syll) for _ in range(rng.randint(2, 4)))
                                        for _ in range(7000)))[:6000]
        self.people = [(f"{rng.choice(self.words).title()} {rng.choice(self.words).title()}",
                        rng.choices(self.codes, self.weights)[0]) for _ in range(4000)]

    def sentence(self) -> str:
        rng = self.rng
        n = rng.randint(12, 30)
        words = [rng.choice(self.words) if rng.random() > 0.12 else rng.choice(TECH) for _ in range(n)]
        return " ".join(words).capitalize() + "."

    def entity(self) -> Entity:
        rng = self.rng
        if rng.random() < 0.1:
            name, code = rng.choice(self.people)
            return Entity(name.split()[-1], name, code, "GOV", "Minister", "person")
        code = rng.choices(self.codes, self.weights)[0]
        return Entity(code, code, code, "GOV", None, "country")

    def result(self, i: int) -> DocResult:
        rng = self.rng
        doc_id = f"doc{i:07d}"
        day = f"{rng.randint(2010, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        sents = [self.sentence() for _ in range(EVENTS_PER_DOC + 3)]
        text = " ".join(sents)
        doc = Document(id=doc_id, text=text, date=day, title=sents[0][:60], source="bench", url=None,
                       language="en", origin=f"bench/{doc_id}.txt", body_start=0, warnings=[])
        sentences, pos = [], 0
        for k, s in enumerate(sents):
            sentences.append(Sentence(doc_id, k, pos, pos + len(s), s))
            pos += len(s) + 1
        events = []
        for k in range(EVENTS_PER_DOC):
            r = rng.random()
            date, prec = (day, "day") if r < 0.76 else (day[:7], "month") if r < 0.88 else \
                (day[:4], "year") if r < 0.96 else (None, None)
            spans = [sentences[k]] + ([sentences[k + 1]] if rng.random() < 0.3 else [])
            actors = [self.entity() for _ in range(rng.choice((1, 1, 1, 2)))]
            recipients = [self.entity() for _ in range(rng.choice((0, 1, 1, 1, 2)))]
            loc = None if rng.random() < 0.6 else Location(rng.choice(self.words).title(), actors[0].country,
                                                            rng.uniform(-60, 70), rng.uniform(-170, 170), rng.randint(1, 9999999))
            events.append(Event(
                doc_id=doc_id, event_type=rng.choice(TYPES), id=f"{doc_id}-{k}", mode=[], context=["technology"],
                aux_mode="future" if rng.random() < 0.15 else None, actor=actors, recipient=recipients,
                date=date, date_precision=prec, date_text=date, location=loc,
                topics=rng.sample(TOPICS, rng.choice((0, 1, 1, 2, 3))), agreement=None,
                evidence=[Evidence(doc_id, s.start, s.end, s.text) for s in spans],
                confidence=round(rng.uniform(0.2, 0.95), 3), trigger="met"))
        mentions = [e for ev in events for e in ev.actor + ev.recipient]
        return DocResult(doc, sentences, mentions, events)

    def commitment(self, ev: Event) -> dict:
        countries = sorted({e.country for e in ev.actor + ev.recipient if e.country})
        def party(e: Entity) -> dict:
            return {"entity_name": e.entity_name, "country": e.country, "entity_type": e.entity_type}
        # the fields the `commitments` command prints, as the link step writes them (no due date, no
        # resolving report)
        return {"id": f"c-{ev.id}", "event_id": ev.id, "kind": "pledge",
                "actor": [party(e) for e in ev.actor], "recipient": [party(e) for e in ev.recipient],
                "countries": countries, "what": ev.evidence[0].text, "topics": ev.topics,
                "made_on": ev.date, "status": self.rng.choice(("open", "open", "fulfilled", "overdue", "withdrawn")),
                "due": None, "status_reason": "generated", "resolved_by": None, "resolved_on": None,
                "resolved_evidence": []}


def fill(store: Store, n_events: int, seed: int = 11, batch_docs: int = 1000) -> float:
    """Write about n_events generated events (and their documents, commitments) into `store`; seconds."""
    gen = Generator(seed)
    t0 = time.perf_counter()
    n_docs = max(1, n_events // EVENTS_PER_DOC)
    for start in range(0, n_docs, batch_docs):
        batch = [gen.result(i) for i in range(start, min(n_docs, start + batch_docs))]
        store.save_many(batch, batch_size=batch_docs)
        commitments = [gen.commitment(ev) for r in batch for ev in r.events if gen.rng.random() < 0.05]
        store.replace_derived("commitment", commitments, set())
        store.mark_linked([r.document.id for r in batch])
        print(f"\r  {min(n_docs, start + batch_docs) * EVENTS_PER_DOC:,} events written "
              f"({time.perf_counter() - t0:.0f} s)", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    store.optimize()
    return time.perf_counter() - t0


def queries(gen: Generator, rng: random.Random, repeat: int):
    """(name, store -> result) for each timing: values from common to rare."""
    from pactwatch.app import queries as app_queries
    codes = gen.codes
    common = codes[:10]
    for i in range(repeat):
        a = codes[i % 10] if i % 2 == 0 else rng.choice(codes)
        b = rng.choice([c for c in (common if i % 3 else codes) if c != a])
        word = TECH[i % len(TECH)] if i % 2 == 0 else rng.choice(gen.words)
        topic = TOPICS[i % len(TOPICS)]
        status = ("open", "fulfilled", "overdue", None)[i % 4]
        f = ({"pair": (a, b)}, {"country": a}, {"topic": topic}, {"text": word})[i % 4]
        yield [("pair", lambda s, a=a, b=b: s.events(pair=(a, b), limit=50)),
               ("country", lambda s, a=a: s.events(country=a, limit=50)),
               ("topic", lambda s, t=topic: s.events(topic=t, limit=50)),
               ("text", lambda s, w=word: s.events(text=w, limit=50)),
               ("page3", lambda s, f=f: s.events_page(f, sort="date", descending=True, offset=100, limit=50,
                                                      count=False)),
               ("timeline", lambda s, a=a, b=b: s.canonical_page({"pair": (a, b)}, limit=50, count=False)),
               ("timeline3", lambda s, a=a, b=b: s.canonical_page({"pair": (a, b)}, offset=100, limit=50,
                                                                  count=False)),
               ("commitments", lambda s, a=a, st=status: app_queries.commitment_page(s, st, a, None, 0, 50)),
               ("commitments3", lambda s, a=a, st=status: app_queries.commitment_page(s, st, a, None, 100, 50)),
               ("counts", lambda s, a=a: s.derived_counts("commitment", country=a)),
               ("show", lambda s, k=i: s.event(s.event_ids_starting(f"doc{k * 97 % 2800:07d}-", 2)[0])),
               ("pair_ids", lambda s, a=a, b=b: s.events_by_pair(a, b))]


def time_queries(store: Store, repeat: int = 40, seed: int = 11) -> dict[str, list[float]]:
    gen, rng = Generator(seed), random.Random(5)
    times: dict[str, list[float]] = {}
    for round_ in queries(gen, rng, repeat):
        for name, fn in round_:
            t0 = time.perf_counter()
            fn(store)
            times.setdefault(name, []).append((time.perf_counter() - t0) * 1000)
    return times


PAGES = ("pair", "country", "topic", "text", "page3", "timeline", "timeline3", "commitments", "commitments3",
         "counts", "show")
APART = ("pair_ids_p95_ms",)   # not a page: printed, left out of the worst p95


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def measure(n_events: int, workdir, db: str | None = None, repeat: int = 40, reuse: bool = False) -> dict:
    """Fill a new store (a SQLite file in `workdir`, or the empty database `db`) with n_events
    generated events and time the queries: {"events", "backend", "build_s", "<query>_p50_ms",
    "<query>_p95_ms", ..., "query_p95_ms"}. `reuse`: time the store a previous run filled (build_s 0)."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    url = db or str(workdir / f"queries-{n_events}.db")
    build_s = 0.0
    if not reuse and db is None:
        Path(url).unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(url + suffix).unlink(missing_ok=True)
    with Store(url) as store:
        if not reuse:
            build_s = fill(store, n_events)
        n = store.counts()["events"]
        backend = store.engine.dialect.name
    with Store(url, create=False, readonly=True) as store:   # as the read commands open it
        time_queries(store, repeat=3)                         # warm the cache
        times = time_queries(store, repeat=repeat)
    out: dict = {"events": n, "backend": backend, "build_s": round(build_s, 1)}
    for name, xs in times.items():
        out[f"{name}_p50_ms"] = round(statistics.median(xs), 1)
        out[f"{name}_p95_ms"] = round(_pct(xs, 95), 1)
    out["query_p95_ms"] = max(v for k, v in out.items() if k.endswith("_p95_ms") and k not in APART)
    return out


def export_rss(url: str, workdir, fmt: str, src: str | None = None) -> dict:
    """`pactwatch export --db URL --format FMT` in a process of its own (the pactwatch of `src`, a
    tree's src/ folder, when given): {"format", "peak_rss_mb", "seconds", "bytes"}."""
    import os
    import shutil
    import subprocess
    fmt, _, what = fmt.partition(":")   # "parquet:events": --format parquet --what events
    out = Path(workdir) / f"export.{fmt}"
    shutil.rmtree(out, ignore_errors=True) if out.is_dir() else out.unlink(missing_ok=True)
    env = dict(os.environ, PYTHONPATH=src or str(Path(__file__).resolve().parents[1] / "src"))
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "pactwatch.cli", "export", "--db", url, "--format", fmt,
                          "--out" if fmt == "parquet" else "-o", str(out)] + (["--what", what] if what else []),
                         env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.perf_counter() - t0
    err = p.stderr.read().decode(errors="replace").strip()
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode:
        raise SystemExit(f"export --format {fmt} failed: {err}")
    size = sum(f.stat().st_size for f in out.rglob("*")) if out.is_dir() else out.stat().st_size
    return {"format": fmt, "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "seconds": round(seconds, 1),
            "bytes": size, "said": err}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", help="an empty database URL (e.g. postgresql://user@host/db); default a SQLite file")
    ap.add_argument("--workdir", default="/tmp/pactwatch-scale-queries")
    ap.add_argument("--repeat", type=int, default=40)
    ap.add_argument("--reuse", action="store_true", help="time the store a previous run filled")
    ap.add_argument("--export", nargs="?", const="jsonl,csv,parquet", metavar="FORMATS",
                    help="then export the store in these formats (default jsonl,csv,parquet; FORMAT:WHAT adds "
                         "--what WHAT, e.g. parquet:events) and print peak memory")
    ap.add_argument("--src", help="with --export: the src/ folder of the pactwatch to export with (another tree)")
    ap.add_argument("--no-queries", action="store_true", help="with --export --reuse: the exports only")
    args = ap.parse_args(argv)
    url = args.db or str(Path(args.workdir) / f"queries-{args.events}.db")
    if args.no_queries:
        return _exports(args, url, None)
    r = measure(args.events, args.workdir, args.db, args.repeat, args.reuse)
    for name in PAGES + ("pair_ids",):
        print(f"{name:12s} p50 {r[f'{name}_p50_ms']:8.1f} ms   p95 {r[f'{name}_p95_ms']:8.1f} ms"
              + ("   (every event id of the pair, behind the CLI timeline; not a page)" if name == "pair_ids" else ""))
    print(f"QUERIES events={r['events']} backend={r['backend']} build_s={r['build_s']} "
          f"query_p95_ms={r['query_p95_ms']}")
    print(json.dumps(r), file=sys.stderr)
    return _exports(args, url, r["events"]) if args.export else 0


def _exports(args, url: str, n: int | None) -> int:
    if n is None:
        with Store(url, create=False, readonly=True) as store:
            n = store.counts()["events"]
    for fmt in (args.export or "jsonl,csv,parquet").split(","):
        x = export_rss(url, args.workdir, fmt, args.src)
        print(f"EXPORT format={fmt.replace(':', ' what=')} events={n} peak_rss_mb={x['peak_rss_mb']} seconds={x['seconds']} "
              f"bytes={x['bytes']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
