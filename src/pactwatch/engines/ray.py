"""The Ray engine: a pool of Ray actors, each loading spaCy and the coders once, fed batches of
documents with at most two batches an actor in flight; results come back in input order.

Without an address it starts a local Ray for the run (`-j` CPUs, no dashboard, the node
addressed as 127.0.0.1, usage statistics off) and stops it at the end; with one (`auto`, `HOST:PORT` of a
cluster's head, or `ray://HOST:10001` for Ray Client) it joins that cluster and leaves it running.
Every node needs the same pactwatch installed (the workers import it): `start` checks that each
actor loads it, with the driver's version, before any document is sent.

Ray is imported only here, and only when the engine is made: without the `ray` extra,
`--engine ray` fails with one line saying how to install it.
"""
from __future__ import annotations

import gc
import logging
import os
from typing import Callable, Iterable, Iterator

from ..model import DocResult, Document, Failure
from . import BATCH_SIZE, EngineError, batches, in_order

INSTALL_HINT = ("install it with: pip install 'pactwatch[ray]' "
                "(in a checkout: pip install -c constraints.txt -e '.[ray]')")
START_TIMEOUT_S = float(os.environ.get("PACTWATCH_RAY_START_TIMEOUT", "300"))
LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024  # results of a few batches at a time: plenty


def _import_ray():
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no report to Ray's servers unless asked for
    try:
        import ray
    except ImportError as e:
        raise EngineError(f"--engine ray needs Ray, which is not installed ({e}); {INSTALL_HINT}") from None
    return ray


def init_ray(address: str | None = None, cpus: int = 1) -> None:
    """Join the Ray at `address`, or start a local one with `cpus` CPUs: no dashboard, the node
    addressed as 127.0.0.1, a small object store, Ray's own messages kept off the terminal."""
    ray = _import_ray()
    quiet = dict(logging_level=logging.ERROR, log_to_driver=False)
    if address:
        ray.init(address=address, **quiet)
    else:
        ray.init(address="local", num_cpus=cpus, include_dashboard=False, _node_ip_address="127.0.0.1",
                 object_store_memory=LOCAL_OBJECT_STORE_BYTES, **quiet)


class _Worker:
    """One Ray actor: spaCy and the coders loaded once, then batches of documents coded."""

    def ready(self, coding: bool) -> str:
        """pactwatch's version here; `coding`: load spaCy and the coders now (else on first use)."""
        from .. import __version__, nlp, pipeline
        if coding:
            nlp.load_nlp()
            pipeline._coders()
            gc.freeze()  # the model's objects stay out of the collector's full collections (as in service.py)
        return __version__

    def extract(self, docs: list[Document]) -> list[DocResult | Failure]:
        from .. import pipeline
        return pipeline._extract_batch(docs)

    def call(self, fn: Callable, item):
        return fn(item)


class RayEngine:
    name = "ray"

    def __init__(self, workers: int = 1, address: str | None = None, batch_size: int = BATCH_SIZE):
        self.workers = max(1, workers)
        self.address = address or None
        self.batch_size = batch_size
        self._ray = _import_ray()
        self._actors: list = []
        self._load: dict[int, int] = {}  # actor index -> batches submitted and not yet collected
        self._owns_ray = False

    def __enter__(self) -> "RayEngine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def where(self) -> str:
        return f"Ray at {self.address}" if self.address else "a local Ray"

    def start(self, coding: bool = True) -> None:
        """Start (or join) Ray and the actors, and wait until every actor has loaded pactwatch (and,
        with `coding`, spaCy and the coders). Raises EngineError when Ray cannot be reached or the
        actors do not start."""
        if self._actors:
            return
        ray = self._ray
        if self.address:
            _probe(self.address)
        if not ray.is_initialized():  # else: this process already joined a Ray (a test session's)
            try:
                init_ray(self.address, self.workers)
            except Exception as e:  # ConnectionError, RuntimeError, ValueError...: all one line
                hint = ("start one with `ray start --head` on the head node, or give the right --address; a "
                        "cluster with token authentication (Ray's default) also needs RAY_AUTH_MODE=token and its "
                        "token (RAY_AUTH_TOKEN or ~/.ray/auth_token) here"
                        if self.address and self.address != "auto" else
                        "start one with `ray start --head`, or give its --address" if self.address else
                        "see the messages in /tmp/ray/session_latest/logs")
                raise EngineError(f"cannot start {self.where()}: {_reason(e)}; {hint}") from None
            self._owns_ray = True
        actor = ray.remote(num_cpus=1, max_restarts=3)(_Worker)
        self._actors = [actor.remote() for _ in range(self.workers)]
        self._load = {i: 0 for i in range(self.workers)}
        self._check_actors(coding)

    def _check_actors(self, coding: bool) -> None:
        from .. import __version__
        ray = self._ray
        refs = [a.ready.remote(coding) for a in self._actors]
        done, waiting = ray.wait(refs, num_returns=len(refs), timeout=START_TIMEOUT_S)
        if waiting:
            self.close()
            raise EngineError(f"only {len(done)} of {len(refs)} Ray worker(s) started within {START_TIMEOUT_S:.0f} s "
                              f"on {self.where()}: it has fewer free CPUs than -j asks for; give a smaller -j")
        try:
            versions = set(ray.get(done))
        except Exception as e:
            self.close()
            raise EngineError(f"the Ray workers on {self.where()} cannot load pactwatch ({_reason(e)}); "
                              f"install the same pactwatch on every node") from None
        if versions != {__version__}:
            self.close()
            raise EngineError(f"the Ray workers on {self.where()} run pactwatch {', '.join(sorted(versions))}, "
                              f"this machine {__version__}: install the same version on every node")

    def _submit(self, method: str, *args):
        """The call on the actor with the fewest calls in flight; (actor index, object ref)."""
        i = min(self._load, key=lambda k: (self._load[k], k))
        self._load[i] += 1
        return i, getattr(self._actors[i], method).remote(*args)

    def _collect(self, handle):
        i, ref = handle
        try:
            return self._ray.get(ref)
        finally:
            self._load[i] -= 1

    def extract(self, docs: Iterable[Document]) -> Iterator[DocResult | Failure]:
        """Results in input order. A batch whose actor was lost (killed, out of memory, its node gone)
        is sent once more, to whichever actor is free (Ray restarts lost actors); lost again, or
        failing in a way the pipeline does not catch, it fails with the reason, document by
        document, and the run goes on."""
        self.start()
        exceptions = self._ray.exceptions
        lost = (exceptions.RayActorError, exceptions.ObjectLostError)

        def collect(handle, batch: list[Document]) -> list[DocResult | Failure]:
            try:
                try:
                    return self._collect(handle)
                except lost:
                    return self._collect(self._submit("extract", batch))
            except (*lost, exceptions.RayTaskError) as e:
                reason = f"pipeline error: Ray worker failed on this batch ({_reason(e)})"
                return [Failure(origin=d.origin or d.id, reason=reason, doc_id=d.id) for d in batch]

        for results in in_order(lambda b: self._submit("extract", b), collect, batches(docs, self.batch_size),
                                window=2 * self.workers):
            yield from results

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        """fn(item) for each item on the actors, in order, at most two items an actor in flight.
        An exception raised by fn is raised here (as itself where Ray can rebuild it)."""
        self.start(coding=False)
        task_error = self._ray.exceptions.RayTaskError

        def collect(handle, _item):
            try:
                return self._collect(handle)
            except task_error as e:
                cause = getattr(e, "cause", None)
                if isinstance(cause, BaseException):
                    raise cause from None
                raise

        return in_order(lambda x: self._submit("call", fn, x), collect, items, window=2 * self.workers)

    def close(self) -> None:
        ray = self._ray
        for a in self._actors:
            try:
                ray.kill(a)
            except Exception:
                pass
        self._actors = []
        if self._owns_ray and ray.is_initialized():
            ray.shutdown()
        self._owns_ray = False


def _probe(address: str, timeout: float = 10.0) -> None:
    """Fail at once, with the reason, when nothing listens at a HOST:PORT address (Ray itself
    retries for minutes). `auto` and addresses without a port are left to Ray."""
    import socket
    hostport = address.split("://", 1)[-1].rstrip("/")
    host, sep, port = hostport.rpartition(":")
    if not sep or not port.isdigit():
        return
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout):
            pass
    except OSError as e:
        raise EngineError(f"cannot reach Ray at {address}: {e.strerror or _reason(e)}; start it with "
                          f"`ray start --head` on the head node, or give the right --address") from None


def _reason(e: BaseException) -> str:
    """An exception as one short line (Ray's messages can run to many lines)."""
    text = " ".join(str(e).split()) or type(e).__name__
    return text if len(text) <= 300 else text[:297] + "..."
