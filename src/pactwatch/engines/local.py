"""The local engine: this process for one worker, else a pool of worker processes on this machine
(forked where the system can fork), each loading spaCy once. `pipeline.extract_many` runs on it."""
from __future__ import annotations

import multiprocessing as mp
import os
from typing import Callable, Iterable, Iterator

from .. import pipeline
from ..model import DocResult, Document, Failure
from . import BATCH_SIZE, batches, in_order


class LocalEngine:
    name = "local"

    def __init__(self, workers: int = 1, batch_size: int = BATCH_SIZE):
        self.workers = max(1, workers)
        self.batch_size = batch_size
        self._pool = None

    def __enter__(self) -> "LocalEngine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> None:
        """Nothing to connect to: the pool starts when it is first given work."""

    def _started_pool(self, coding: bool):
        """The worker pool, started on first use. `coding`: each worker loads spaCy and the coders
        as it starts (else when it first codes a document)."""
        if self._pool is None:
            ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
            self._pool = ctx.Pool(self.workers, initializer=pipeline._init_worker if coding else None)
        return self._pool

    def extract(self, docs: Iterable[Document]) -> Iterator[DocResult | Failure]:
        """Results in input order, at most two batches a worker in flight."""
        if self.workers <= 1:
            for batch in batches(docs, self.batch_size):
                yield from pipeline._extract_batch(batch)
            return
        for results in self.map(pipeline._extract_batch, batches(docs, self.batch_size)):
            yield from results

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        """fn(item) for each item, in order: in this process for one worker, else on the pool (at
        most two items a worker in flight). An exception raised by fn is raised here."""
        if self.workers <= 1:
            return map(fn, items)
        pool = self._started_pool(coding=fn is pipeline._extract_batch)
        return in_order(lambda x: pool.apply_async(fn, (x,)), lambda handle, _x: handle.get(), items,
                        window=2 * self.workers)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()  # results were all collected, or the run is being abandoned
            self._pool.join()
            self._pool = None
