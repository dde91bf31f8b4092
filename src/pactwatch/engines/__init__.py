"""Where the pipeline runs: one small interface, one module per engine.

An engine codes documents and maps functions over items, in order, with a bounded number of
batches in flight (so memory stays bounded however long the input stream is):

    with get_engine("ray", workers=4) as engine:   # or "local"
        for res in engine.extract(docs):            # DocResult or Failure per document, in input order
            ...
        for out in engine.map(fn, items):           # fn(item) per item, in order (a `map_fn`)
            ...

- `local` (engines/local.py): this process for one worker, else a pool of worker processes, each
  loading spaCy once (what `pipeline.extract_many` has always done).
- `ray` (engines/ray.py): a pool of Ray actors, each loading spaCy once; a local Ray started for
  the run, or an existing Ray cluster (`address`). Ray is an optional extra: `pip install
  'pactwatch[ray]'`.

The engine never touches the store: the caller (the ingest service) saves what `extract` yields,
so a run on any engine stores, skips and resumes exactly as a local one. `fn` given to `map` must
be a picklable top-level function, and its items and results plain picklable data.
"""
from __future__ import annotations

from collections import deque
from typing import Callable, Iterable, Iterator, Protocol, TypeVar

from ..model import DocResult, Document, Failure

ENGINES = ("local", "ray")
BATCH_SIZE = 32  # documents per batch handed to a worker: one spaCy batch (`nlp.parse_many`), which parses
#                  32 documents at a time faster than 16

T = TypeVar("T")
R = TypeVar("R")


class EngineError(Exception):
    """The engine cannot run (not installed, cannot connect, workers do not start): one line that
    says what and what to do."""


class Engine(Protocol):
    name: str
    workers: int

    def start(self) -> None: ...
    def extract(self, docs: Iterable[Document]) -> Iterator[DocResult | Failure]: ...
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]: ...
    def close(self) -> None: ...


def get_engine(name: str = "local", workers: int = 1, address: str | None = None,
               batch_size: int = BATCH_SIZE) -> Engine:
    """The engine called `name` with `workers` workers (nothing is started yet: `start()`, or the
    first `extract`/`map`, starts it). Raises EngineError for an unknown name, an address given to
    an engine that takes none, or Ray not installed."""
    if name == "local":
        if address:
            raise EngineError("--address is for --engine ray (the local engine runs on this machine)")
        from .local import LocalEngine
        return LocalEngine(workers, batch_size=batch_size)
    if name == "ray":
        from .ray import RayEngine
        return RayEngine(workers, address=address, batch_size=batch_size)
    raise EngineError(f"unknown engine {name!r} (expected one of: {', '.join(ENGINES)})")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last one shorter), read lazily."""
    batch: list[T] = []
    for x in items:
        batch.append(x)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def in_order(submit: Callable[[T], object], collect: Callable[[object, T], R], items: Iterable[T],
             window: int) -> Iterator[R]:
    """`collect(submit(item), item)` for each item, in input order, with at most `window` items
    submitted and not yet collected: the input is read only as far as the window reaches, and
    results wait for the caller no longer than it takes to collect the ones before them."""
    pending: deque = deque()
    for item in items:
        if len(pending) >= window:
            handle, first = pending.popleft()
            yield collect(handle, first)
        pending.append((submit(item), item))
    while pending:
        handle, first = pending.popleft()
        yield collect(handle, first)
