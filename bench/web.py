"""Load benchmark of `pactwatch serve` (the acceptance check of the web app; it reports, it does not fail).

    python bench/web.py [--docs 10000] [--sample 160] [--clients 20] [--seconds 30] [--keep DB]

How the database is built (honestly, and in a few minutes on 2 cores, where coding 10,000 articles
through spaCy would take a quarter of an hour and more):

1. `--sample` synthetic articles of bench/generate.py (templates written for this benchmark) are
   coded by the real pipeline (`pipeline.extract_many`) and stored in a scratch database, where the
   real link stage (`link.rebuild`) computes their cross-document layer: links with their reasons,
   canonical events, commitments and agreements, exactly as `ingest` makes them;
2. that sample is replicated until there are `--docs` documents: copy k of an article gets the id
   ``<id>-kNNN`` (its events ``<event id>kNNN``), its publication date and every date of its events,
   commitments and agreements moved k * 23 days later (texts, mentions and offsets unchanged); the
   copy's links, canonical clusters, commitments and agreements are the sample's with the ids and
   dates mapped the same way. (Linking the copies against each other instead would join every
   article to its own copies, whose texts are identical: a database no archive looks like.)
3. everything is written through the store's own write paths (`Store.save_many`, `add_links`,
   `set_clusters`, `replace_derived`), as `ingest` writes it.

Then `pactwatch serve` runs on 127.0.0.1 in a subprocess. One client first reads each main page
and API route once (nothing is kept by the server yet: the cold latencies are printed); then
`--clients` concurrent clients (asyncio, keep-alive HTTP/1.1 connections) ask for `--seconds` seconds, in turn, three of the
main pages (the server keeps answers until the database changes, so these are mostly answered from
memory) and one of about 1,500 other URLs (event and document pages, relationships, deeper pages
of the lists: mostly asked for the first time). The last line printed is

    WEB requests=N p50_ms=.. p95_ms=.. errors=..

(latency of each request from send to the last byte; an error is a status other than 200 or a
failed request). Targets: p95 under 200 ms, no errors.
"""
from __future__ import annotations

import argparse
import asyncio
import copy
import itertools
import datetime as dt
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402  (bench/generate.py)

TARGET_P95_MS = 200.0
SHIFT_DAYS = 23
OTHER_EVERY = 10     # every tenth request of a client is one of the other URLs


def _shift(value: str | None, days: int) -> str | None:
    """A YYYY-MM-DD, YYYY-MM or YYYY date moved `days` later, at the precision it has."""
    if not value:
        return value
    parts = value.split("-")
    try:
        day = dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 7, int(parts[2]) if len(parts) > 2 else 15)
    except ValueError:
        return value
    moved = (day + dt.timedelta(days=days)).isoformat()
    return moved[:len(value)] if len(value) in (4, 7, 10) else value


def coded_sample(n: int, workdir: Path) -> list:
    from pactwatch.io.ingest import iter_documents
    from pactwatch.model import DocResult
    from pactwatch.pipeline import extract_many
    paths = generate.generate(workdir / "sample", n_docs=n)
    docs = [d for d in iter_documents(paths)]
    return [r for r in extract_many(docs) if isinstance(r, DocResult)]


class Copy:
    """Maps ids and dates of the sample to those of its copy k."""

    def __init__(self, k: int, event_ids: set[str], doc_ids: set[str]) -> None:
        self.k, self.days = k, k * SHIFT_DAYS
        self.suffix = f"k{k:03d}" if k else ""
        self.events, self.docs = event_ids, doc_ids
        self._hex = re.compile(r"[0-9a-f]{16}")

    def event(self, eid: str) -> str:
        return eid + self.suffix if self.k else eid

    def doc(self, doc_id: str) -> str:
        return f"{doc_id}-{self.suffix}" if self.k else doc_id

    def date(self, value: str | None) -> str | None:
        return _shift(value, self.days) if self.k else value

    def text(self, value: str) -> str:
        """A string of a derived record: a document id, or ids of events inside it ('c-<id>-2')."""
        if value in self.docs:
            return self.doc(value)
        return self._hex.sub(lambda m: self.event(m.group(0)) if m.group(0) in self.events else m.group(0), value)

    def record(self, obj, key: str | None = None):
        if isinstance(obj, dict):
            return {k: self.record(v, k) for k, v in obj.items()}
        if isinstance(obj, list):
            return [self.record(v, key) for v in obj]
        if isinstance(obj, str):
            return self.date(obj) if key in DATE_KEYS else self.text(obj)
        return obj

    def result(self, res):
        if not self.k:
            return res
        r = copy.deepcopy(res)
        new_id = self.doc(res.document.id)
        r.document.id = new_id
        r.document.date = self.date(res.document.date)
        for s in r.sentences:
            s.doc_id = new_id
        for ev in r.events:
            ev.id, ev.doc_id, ev.date = self.event(ev.id), new_id, self.date(ev.date)
            for sp in ev.evidence:
                sp.doc_id = new_id
        return r


DATE_KEYS = {"date", "made_on", "due", "resolved_on", "as_of", "first_reported"}


def build_db(db: Path, docs: int, sample_n: int) -> None:
    from pactwatch import link
    from pactwatch.io.store import Store
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        sample = coded_sample(sample_n, Path(tmp))
        t1 = time.perf_counter()
        with Store(str(Path(tmp) / "sample.db"), create=True) as s:
            s.save_many(sample)
            report = link.rebuild(s)
            links, clusters = s.links(), s.clusters()
            derived = {kind: s.derived(kind) for kind in ("commitment", "agreement")}
    t2 = time.perf_counter()
    print(f"coded {len(sample)} articles with the pipeline in {t1 - t0:.1f}s; link stage on them in "
          f"{t2 - t1:.1f}s ({report})", flush=True)
    event_ids = {e.id for r in sample for e in r.events}
    doc_ids = {r.document.id for r in sample}
    copies = -(-docs // len(sample))
    with Store(str(db), create=True) as store:
        run = store.start_run("bench/web.py", [f"{len(sample)} coded articles replicated to {docs}"])
        for k in range(copies):
            c = Copy(k, event_ids, doc_ids)
            results = [c.result(r) for r in sample[: docs - k * len(sample)]]
            store.save_many(results, run_id=run)
            kept = {e.id for r in results for e in r.events}
            store.add_links([(c.event(a), c.event(b), c.record(r)) for a, b, r in links
                             if c.event(a) in kept and c.event(b) in kept])
            store.set_clusters({c.event(e): c.event(cl) for e, cl in clusters.items() if c.event(e) in kept})
            for kind, records in derived.items():
                store.replace_derived(kind, [c.record(r) for r in records
                                             if set(map(c.doc, r.get("documents") or [])) <= {x.document.id for x in results}],
                                      scope=set())
        store.mark_linked()
        store.finish_run(run, {"read": docs, "new": docs})
        counts = store.counts()
    print(f"stored {counts['documents']} documents, {counts['events']} events and their cross-document layer "
          f"in {time.perf_counter() - t2:.1f}s", flush=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def urls(db: Path) -> tuple[list[str], list[str]]:
    """(the main pages and API routes, with filters: asked again and again, as an analyst's desk
    would; a long shuffled list of other pages, events, documents and relationships, most asked once)."""
    from pactwatch.io.store import Store
    with Store(str(db), readonly=True) as store:
        pairs = store.country_pairs(limit=30)
        _, evs = store.events_page({}, limit=400, offset=1000)
        _, docs = store.documents_page(limit=200, offset=300)
    rng = random.Random(7)
    main = ["/", "/events", "/events?type=AGREE&page=3", "/events?country=KOR&from=2025-06&to=2026-06",
            "/events?topic=quantum&sort=confidence", "/commitments", "/commitments?status=fulfilled",
            "/agreements", "/actors", "/network", "/network?from=2026-01&to=2026-06", "/map",
            "/documents", "/failures",
            "/api/events", "/api/events?pair={}&size=100".format(",".join(pairs[0][:2])), "/api/canonical",
            "/api/canonical?country=JPN", "/api/commitments?status=open", "/api/agreements", "/api/actors?q=minister",
            "/api/months", "/api/pairs"]
    main += [f"/pair/{a}/{b}" for a, b, _ in pairs[:6]] + [f"/api/timeline?pair={a},{b}" for a, b, _ in pairs[:3]]
    other = ([f"/event/{e.id}" for e in evs] + [f"/api/events/{e.id}" for e in evs[:100]]
             + [f"/document/{d['id']}" for d in docs] + [f"/pair/{a}/{b}" for a, b, _ in pairs[6:]]
             + [f"/events?page={n}" for n in range(2, 120)] + [f"/api/events?page={n}&size=20" for n in range(2, 120)]
             + [f"/commitments?page={n}" for n in range(2, 60)] + [f"/api/canonical?page={n}" for n in range(2, 40)]
             + [f"/actors?page={n}" for n in range(2, 40)] + [f"/documents?page={n}" for n in range(2, 60)])
    rng.shuffle(other)
    return main, other


class Connection:
    """One keep-alive HTTP/1.1 connection over asyncio streams: a lean client, so that the load
    generator, which shares the machine with the server, takes little of its CPU."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAccept-Encoding: gzip\r\n\r\n"
                          .encode("latin-1"))
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in
                   (line.partition(b":") for line in head.split(b"\r\n")[1:] if line)}
        if b"content-length" in headers:
            await self.reader.readexactly(int(headers[b"content-length"]))
        elif headers.get(b"transfer-encoding") == b"chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        if headers.get(b"connection") == b"close":
            await self.close()
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.reader = self.writer = None


async def load(host: str, port: int, main: list[str], other: list[str], clients: int,
               seconds: float) -> tuple[list[float], int, dict]:
    """`clients` clients, each asking in turn three of the main pages, then one of the others;
    (latencies in ms, errors, errors by URL)."""
    latencies: list[float] = []
    errors: dict[str, int] = {}
    stop = time.perf_counter() + seconds
    others = itertools.cycle(other)

    async def client(i: int) -> None:
        conn = Connection(host, port)
        n = i
        while time.perf_counter() < stop:
            path = main[n % len(main)] if n % OTHER_EVERY else next(others)
            n += 1
            t = time.perf_counter()
            try:
                status = await asyncio.wait_for(conn.get(path), 30)
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError) as e:
                status = type(e).__name__
                await conn.close()
            latencies.append((time.perf_counter() - t) * 1000)
            if status != 200:
                errors[f"{path}: {status}"] = errors.get(f"{path}: {status}", 0) + 1
        await conn.close()

    await asyncio.gather(*(client(i) for i in range(clients)))
    return latencies, sum(errors.values()), errors


async def one_pass(host: str, port: int, paths: list[str]) -> list[float]:
    """Each path once, one after another (ms each); a status other than 200 stops the run."""
    conn, out = Connection(host, port), []
    for p in paths:
        t = time.perf_counter()
        status = await conn.get(p)
        if status != 200:
            raise SystemExit(f"{p}: status {status}")
        out.append((time.perf_counter() - t) * 1000)
    await conn.close()
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000, help="documents in the database (default 10000)")
    ap.add_argument("--sample", type=int, default=160, help="articles coded by the pipeline (default 160)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--keep", help="build (or reuse, when it exists) the database at this path")
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="pactwatch-web-"))
    db = Path(args.keep) if args.keep else tmp / "bench-web.db"
    try:
        if not db.exists():
            build_db(db, args.docs, args.sample)
        main_paths, other_paths = urls(db)
        port = _free_port()
        exe = shutil.which("pactwatch", path=str(Path(sys.executable).parent)) or "pactwatch"
        server = subprocess.Popen([exe, "serve", "--db", str(db), "--port", str(port)], stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True, env=dict(os.environ, NO_COLOR="1"))
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                line = server.stdout.readline()
                if not line and server.poll() is not None:
                    raise SystemExit(f"pactwatch serve stopped (exit {server.returncode})")
                if "Uvicorn running" in line:
                    break
            # one pass first, as an analyst opening the pages would: the first of each computes what
            # the server then keeps until the database changes (it also starts computing at start-up)
            t = time.perf_counter()
            cold = asyncio.run(one_pass("127.0.0.1", port, main_paths))
            cq = statistics.quantiles(cold, n=20)
            print(f"first pass over the {len(main_paths)} main pages, one client, nothing kept yet: "
                  f"{time.perf_counter() - t:.1f}s, median {statistics.median(cold):.0f} ms, p95 {cq[18]:.0f} ms, "
                  f"slowest {max(cold):.0f} ms", flush=True)
            latencies, errors, which = asyncio.run(load("127.0.0.1", port, main_paths, other_paths, args.clients,
                                                        args.seconds))
        finally:
            server.terminate()
            server.wait(timeout=30)
        for k, v in sorted(which.items())[:10]:
            print(f"  error: {k} x{v}")
        q = statistics.quantiles(latencies, n=100)
        p50, p95 = statistics.median(latencies), q[94]
        verdict = "met" if p95 < TARGET_P95_MS and errors == 0 else "NOT met"
        print(f"targets (p95 < {TARGET_P95_MS:.0f} ms, no errors): {verdict}; "
              f"{len(latencies) / args.seconds:.0f} requests/s with {args.clients} clients")
        print(f"WEB requests={len(latencies)} p50_ms={p50:.1f} p95_ms={p95:.1f} errors={errors}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
