"""Many articles at once: ``parse_many`` and ``iter_parse``.

Why this module exists: analysts parse years of scraped news, not one
article.  A batch must keep the input order, must never stop because one
article is broken (its error is written on that article's Document instead),
must stream with bounded memory, and must run on any
:class:`concurrent.futures.Executor` -- a process pool on one machine or a
Dask cluster (``distributed.Client(...).get_executor()``) beyond it.

An *item* is one of:

* a ``str`` (the article text) or ``bytes`` (decoded like :func:`korpol.parse`);
* a ``(text, metadata)`` pair, ``metadata`` a dict with any of the keys
  ``id``, ``published``, ``title``, ``source`` (the keywords of ``parse``);
* a path (:class:`pathlib.Path` or any ``os.PathLike``, never a ``str``,
  which is text): the file's bytes are read *by the worker* and decoded.  A
  sidecar ``<stem>.json`` next to it (or ``<name>.json``) may hold ``id``,
  ``published``, ``title`` and ``source`` (``url`` counts as ``source``);
  other keys in a sidecar are ignored.  Without a sidecar ``id``, the id is
  the file's stem.

A failing item -- unreadable file, bad metadata, a bug in a parser, a worker
process that dies while parsing it, a parse longer than ``timeout`` -- gives a
Document whose ``errors`` hold ``"item <n> (<id>): <ErrorType>: <message>"``
and whose ``id`` is the item's id, so nothing is lost and nothing is silent.

Work is sent to the executor in chunks (``chunksize`` items each) and at most
``max_pending`` chunks are in flight at once; results come back in input
order.  Memory therefore stays bounded by ``chunksize * max_pending``
articles however long the input iterable is.

When a worker process dies (killed, out of memory, ``os._exit`` in a parser)
its process pool breaks and every chunk in it fails.  Those chunks are run
again item by item in a quarantine pool of one process, where a death can only
be that item's: only the item that kills its worker fails, and the batch goes
on in a fresh pool.  A chunk that fails for another reason (an item that cannot
be pickled, a Dask worker lost) is run again item by item on the same executor.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeout  # (the builtin TimeoutError only from 3.11)
from types import FrameType
from typing import Any

import attrs

from korpol import _pipeline  # (called as _pipeline.parse: a test may put another parse in its place)
from korpol._errors import InputTypeError, ValidationError
from korpol._io.display import Progress
from korpol._model import Document

__all__ = ["iter_parse", "parse_many"]

#: The keyword arguments of ``parse`` that metadata may set.
METADATA_KEYS = ("id", "published", "title", "source")

#: What each metadata key may hold (checked before an item is sent anywhere).
_METADATA_TYPES: dict[str, tuple[tuple[type, ...], str]] = {
    "id": ((str,), "str or None"),
    "published": ((dt.date, str), "a datetime.date, an ISO date string or None"),
    "title": ((str,), "str or None"),
    "source": ((str,), "str or None"),
}

#: Seconds a worker may overrun its item's time limit before korpol ends it (the limit is
#: first enforced inside the worker; this is for an item stuck where it cannot be stopped).
GRACE = 5.0

# One unit of work, picklable (plain tuples only, so any executor -- a process
# pool, a Dask worker on another machine -- can run it):
# (index, kind, payload, metadata) with kind "text" (payload: str | bytes) or
# "path" (payload: str path), or "error" (payload: the message, recorded as is;
# metadata: the id, and the text when the item had one).
_Job = tuple[int, str, Any, dict[str, Any]]


# ---------------------------------------------------------------- items -> jobs


def _job(index: int, item: Any) -> _Job:
    """Turn one input item into a picklable job; never raises."""
    try:
        return _job_of(index, item)
    except Exception as exc:  # an item whose __fspath__, metadata or text itself raises
        return (index, "error", _message(index, None, exc), {})


def _job_of(index: int, item: Any) -> _Job:
    if isinstance(item, str | bytes | bytearray):
        return (index, "text", item, {})
    if isinstance(item, os.PathLike):
        return (index, "path", os.fspath(item), {})
    if isinstance(item, tuple) and len(item) == 2:
        text, metadata = item
        if metadata is None:
            metadata = {}
        if not isinstance(metadata, Mapping):
            return (index, "error", _message(index, None, InputTypeError(
                "metadata", metadata, "a dict with keys id, published, title, source")), {})
        meta = dict(metadata)
        doc_id = meta.get("id") if isinstance(meta.get("id"), str) else None
        unknown = sorted(str(k) for k in meta if k not in METADATA_KEYS)
        if unknown:
            return (index, "error", _message(index, doc_id, ValidationError(
                "metadata", unknown, f"unknown key(s); accepted: {', '.join(METADATA_KEYS)}")),
                {"id": doc_id})
        for key, value in meta.items():
            types, expected = _METADATA_TYPES[key]
            if value is not None and not isinstance(value, types):
                # (checked here: a value of another type may not even travel to a worker)
                kept = {"id": doc_id, "text": text} if isinstance(text, str) else {"id": doc_id}
                return (index, "error", _message(index, doc_id, InputTypeError(key, value, expected)), kept)
        if isinstance(text, os.PathLike):
            return (index, "path", os.fspath(text), meta)
        return (index, "text", text, meta)
    return (index, "error", _message(index, None, InputTypeError(
        "item", item, "str, bytes, a (text, metadata) pair or a pathlib.Path")), {})


def _who(index: int, doc_id: str | None) -> str:
    return f"item {index}" if doc_id is None else f"item {index} ({doc_id})"


def _message(index: int, doc_id: str | None, exc: BaseException | str) -> str:
    what = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
    return f"{_who(index, doc_id)}: {what}"


def _job_id(job: _Job) -> str | None:
    doc_id = job[3].get("id")
    return doc_id if isinstance(doc_id, str) else None


def _failed(job: _Job, what: str) -> Document:
    """The Document of a job that could not be parsed: its id and why."""
    index, kind, payload, _meta = job
    text = payload if kind == "text" and isinstance(payload, str) else ""
    return Document(id=_job_id(job), text=text, errors=(_message(index, _job_id(job), what),))


def _sidecar(path: str) -> dict[str, Any]:
    """Metadata from ``<stem>.json`` or ``<name>.json`` beside ``path`` (``{}`` if none)."""
    stem, _ = os.path.splitext(path)
    for candidate in (stem + ".json", path + ".json"):
        if candidate != path and os.path.isfile(candidate):
            with open(candidate, encoding="utf-8") as fh:
                data = json.load(fh)
            if not isinstance(data, dict):
                raise ValidationError("sidecar", candidate, "a sidecar holds a JSON object")
            meta = {k: data[k] for k in METADATA_KEYS if data.get(k) is not None}
            if "source" not in meta and isinstance(data.get("url"), str):
                meta["source"] = data["url"]
            return meta
    return {}


# ---------------------------------------------------------------- one item, in a worker


class _Overtime(BaseException):
    """Raised in a worker when an item's time is up (a BaseException: parse's own safety nets,
    which catch Exception, must not swallow it)."""


def _alarm_works() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`_Overtime` in this thread after ``seconds`` (POSIX, a main thread)."""
    if seconds is None or not _alarm_works():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _Overtime

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _overtime(seconds: float) -> str:
    return f"TimeoutError: parsing took longer than the time limit ({seconds:g} s); its records are lost"


def _run_job(job: _Job, timeout: float | None = None) -> Document:
    """Parse one job; every failure becomes a Document with ``errors`` naming the item."""
    index, kind, payload, meta = job
    doc_id = _job_id(job)
    text: str = payload if isinstance(payload, str) and kind == "text" else ""
    try:
        if kind == "error":  # (the text of an item whose metadata is wrong is kept)
            return Document(id=doc_id, text=meta.get("text", ""), errors=(payload,))
        with _time_limit(timeout):
            if kind == "path":
                if doc_id is None:  # named by its file until (unless) a sidecar names it
                    doc_id = os.path.splitext(os.path.basename(payload))[0]
                meta = {"id": doc_id, **_sidecar(payload), **meta}
                doc_id = meta["id"] if isinstance(meta["id"], str) else None
                with open(payload, "rb") as fh:
                    payload = fh.read()
            doc = _pipeline.parse(payload, **meta)
    except _Overtime:
        assert timeout is not None
        return Document(id=doc_id, text=text, errors=(_message(index, doc_id, _overtime(timeout)),))
    except (Exception, SystemExit) as exc:  # the point: one item never aborts the batch
        return Document(id=doc_id, text=text, errors=(_message(index, doc_id, exc),))
    if doc.errors:  # ("extraction failed: ..." says what, not which item)
        doc = attrs.evolve(doc, errors=tuple(_message(index, doc.id, error) for error in doc.errors))
    return doc


def _run_chunk(jobs: list[_Job], timeout: float | None = None) -> list[Document]:
    """What a worker runs: a chunk of jobs, in order (module-level: picklable)."""
    return [_run_job(job, timeout) for job in jobs]


def _quiet_worker() -> None:
    """A worker of korpol's own pools leaves Ctrl-C to the parent, which ends it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# ---------------------------------------------------------------- the workers


def _end_pool(pool: ProcessPoolExecutor) -> None:
    """Stop a process pool korpol started, killing its workers (they may be stuck or dead)."""
    processes = list(getattr(pool, "_processes", None) or {})
    found = getattr(pool, "_processes", None) or {}
    for pid in processes:
        process = found.get(pid)
        if process is not None and process.is_alive():
            process.kill()
    pool.shutdown(wait=True, cancel_futures=True)


class _Workers:
    """Where chunks run: the caller's executor, or process pools korpol starts and replaces.

    A pool korpol started is replaced when it breaks; so is the caller's when *it* breaks
    (korpol then goes on in a pool of its own of the same size, and shuts that down; the
    caller's stays theirs).  The quarantine is a pool of one process where a suspect item
    runs alone: if that process dies, the item killed it.
    """

    def __init__(self, executor: Executor | None, processes: int | None) -> None:
        self.given = executor
        self.size = processes
        self.own: ProcessPoolExecutor | None = None
        self.isolation: ProcessPoolExecutor | None = None

    @property
    def executor(self) -> Executor:
        if self.given is not None:
            return self.given
        if self.own is None:
            self.own = ProcessPoolExecutor(self.size, initializer=_quiet_worker)
        return self.own

    @property
    def stoppable(self) -> bool:
        """Whether korpol may end the workers (only its own)."""
        return self.given is None

    def broken(self, pool: Executor | None) -> None:
        """``pool`` is broken (or stuck): the next chunks go to a fresh one (if not done already)."""
        if pool is not None and pool is self.given:
            self.size = self.size or getattr(self.given, "_max_workers", None) or os.cpu_count() or 1
            self.given = None
        elif pool is not None and pool is self.own:
            _end_pool(self.own)
            self.own = None

    def quarantine(self) -> ProcessPoolExecutor:
        if self.isolation is None:
            self.isolation = ProcessPoolExecutor(1, initializer=_quiet_worker)
        return self.isolation

    def quarantine_broken(self) -> None:
        if self.isolation is not None:
            _end_pool(self.isolation)
            self.isolation = None

    def close(self, *, kill: bool) -> None:
        """Stop every pool korpol started: ``kill`` when the batch is abandoned (Ctrl-C, an error)."""
        for pool in (self.own, self.isolation):
            if pool is None:
                continue
            if kill:
                _end_pool(pool)
            else:
                pool.shutdown(wait=True, cancel_futures=True)
        self.own = self.isolation = None


# ---------------------------------------------------------------- the batch


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[_Job]]:
    chunk: list[_Job] = []
    for index, item in enumerate(items):
        chunk.append(_job(index, item))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _check_count(name: str, value: Any, default: int) -> int:
    if value is None:
        return default
    if not isinstance(value, int) or isinstance(value, bool):
        raise InputTypeError(name, value, "a positive int or None")
    if value < 1:
        raise ValidationError(name, value, "must be at least 1")
    return value


def _check_timeout(value: Any) -> float | None:
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise InputTypeError("timeout", value, "seconds (an int or float) or None")
    if not 0 < value < 1e9:
        raise ValidationError("timeout", value, "seconds, more than 0")
    return float(value)


@attrs.define
class _Sent:
    """A chunk sent to the workers: the pool it went to and its future, or why it could not be sent."""

    jobs: list[_Job]
    pool: Executor | None
    future: Future[list[Document]] | None
    error: BaseException | None = None


class _Batch:
    """Chunks in flight, collected in input order; a failed chunk is run again item by item."""

    def __init__(self, workers: _Workers, window: int, timeout: float | None, chunksize: int) -> None:
        self.workers = workers
        self.window = window
        self.timeout = timeout
        # no chunk finishing for this long means a worker is stuck past its items' limits
        self.stall = None if timeout is None else timeout * chunksize + GRACE
        self.pending: deque[_Sent] = deque()

    def run(self, chunks: Iterator[list[_Job]]) -> Iterator[Document]:
        for chunk in chunks:
            self.pending.append(self._send(chunk))
            while len(self.pending) >= self.window:
                yield from self._collect()
        while self.pending:
            yield from self._collect()

    def _send(self, jobs: list[_Job]) -> _Sent:
        for _attempt in range(2):
            pool = self.workers.executor
            try:
                return _Sent(jobs, pool, pool.submit(_run_chunk, jobs, self.timeout))
            except BrokenExecutor:
                self.workers.broken(pool)  # and once more, on a fresh pool
            except Exception as exc:  # a closed or refusing executor: each item is tried alone
                return _Sent(jobs, pool, None, exc)
        return _Sent(jobs, None, None, BrokenExecutor("the process pool broke twice in a row"))

    def _collect(self) -> Iterator[Document]:
        sent = self.pending[0]
        if sent.future is not None:
            self._wait_for(sent.future)
        self.pending.popleft()
        error = sent.error
        if sent.future is not None:
            if sent.future.cancelled():  # (its pool was ended)
                error = BrokenExecutor("the pool was ended")
            else:
                error = sent.future.exception()
                if error is None:
                    yield from sent.future.result()
                    return
        if isinstance(error, BrokenExecutor):
            # a worker died (or was ended, stuck): every chunk in that pool failed with it
            self.workers.broken(sent.pool)
            yield from (self._alone(job) for job in sent.jobs)
        else:
            yield from (self._single(job) for job in sent.jobs)

    def _wait_for(self, future: Future[list[Document]]) -> None:
        """Wait for ``future``; with a time limit, end a pool of korpol's whose workers stall."""
        if self.stall is None or not self.workers.stoppable:
            wait([future])
            return
        last = time.monotonic()
        while not future.done():
            running = [s.future for s in self.pending if s.future is not None and not s.future.done()]
            done, _ = wait(running, timeout=max(0.0, last + self.stall - time.monotonic()),
                           return_when=FIRST_COMPLETED)
            if done:
                last = time.monotonic()
            elif time.monotonic() - last >= self.stall:
                # a worker stuck where its time limit cannot reach it: end its pool
                stuck = BrokenExecutor("a worker overran its items' time limit and was ended")
                for sent in self.pending:
                    if sent.future is not None and not sent.future.done():
                        self.workers.broken(sent.pool)
                        sent.future, sent.error = None, stuck
                return

    def _alone(self, job: _Job) -> Document:
        """Run ``job`` by itself in the quarantine process: if that process dies, so does only this job."""
        try:
            future = self.workers.quarantine().submit(_run_chunk, [job], self.timeout)
        except BrokenExecutor:  # (its process died between two items: a fresh one)
            self.workers.quarantine_broken()
            future = self.workers.quarantine().submit(_run_chunk, [job], self.timeout)
        try:
            (doc,) = future.result(timeout=None if self.timeout is None else self.timeout + GRACE)
        except BrokenExecutor:
            self.workers.quarantine_broken()
            return _failed(job, "WorkerDied: the worker process died while parsing this item")
        except FutureTimeout:
            self.workers.quarantine_broken()
            assert self.timeout is not None
            return _failed(job, _overtime(self.timeout))
        return doc

    def _single(self, job: _Job) -> Document:
        """Run ``job`` by itself on the same executor: its chunk failed, maybe for one of its items."""
        pool = self.workers.executor
        try:
            future = pool.submit(_run_chunk, [job], self.timeout)
        except BrokenExecutor:
            self.workers.broken(pool)
            return self._alone(job)
        except Exception as exc:
            return _failed(job, f"could not submit: {type(exc).__name__}: {exc}")
        try:
            (doc,) = future.result()
        except BrokenExecutor:
            self.workers.broken(pool)
            return self._alone(job)
        except Exception as exc:
            return _failed(job, f"the worker failed: {type(exc).__name__}: {exc}")
        return doc


def iter_parse(
    items: Iterable[Any],
    *,
    executor: Executor | None = None,
    processes: int | None = None,
    progress: bool = False,
    chunksize: int | None = None,
    max_pending: int | None = None,
    timeout: float | None = None,
) -> Generator[Document, None, None]:
    """Parse ``items`` lazily, yielding one :class:`Document` per item, in input order.

    ``items`` may be any iterable -- a generator over a 100 GB directory is
    fine: items are pulled only as workers free up, at most ``max_pending``
    chunks of ``chunksize`` items are in flight, so memory does not grow with
    the corpus.  Without ``executor`` or ``processes`` parsing runs in this
    process; ``processes=N`` starts (and afterwards shuts down) a pool of N
    worker processes; ``executor`` is any :class:`concurrent.futures.Executor`
    you own (korpol never shuts it down), e.g. a Dask client's
    ``get_executor()``.  ``progress=True`` reports progress on stderr
    (:class:`~korpol._io.display.Progress`): a line redrawn on a terminal, a
    plain line every 30 s elsewhere, and always a final line with the counts.

    A failing item yields a Document whose ``errors`` say which item failed
    and why; the batch goes on.  A worker process that dies costs only the item
    it was parsing (the others are run again).  ``timeout`` (seconds) is the
    time one item may take: an item over it yields a Document whose error says
    so.  It is enforced inside the worker (POSIX; in this process when run from
    the main thread), and korpol ends one of its own workers that is stuck
    beyond the limit plus :data:`GRACE` seconds.

    >>> docs = iter_parse(["Seoul and Warsaw signed an action plan.", ("", {"id": "empty"}), 42])
    >>> [(d.id, len(d.errors)) for d in docs]
    [(None, 0), ('empty', 0), (None, 1)]

    .. versionadded:: 0.1.0
    .. versionadded:: 0.2.0 the ``timeout`` argument; a dead worker costs only its item.
    """
    if isinstance(items, str | bytes | bytearray) or not isinstance(items, Iterable):
        raise InputTypeError("items", items, "an iterable of texts, (text, metadata) pairs or paths")
    if executor is not None and not isinstance(executor, Executor):
        raise InputTypeError("executor", executor, "a concurrent.futures.Executor or None")
    if executor is not None and processes is not None:
        raise ValidationError("processes", processes, "give either executor or processes, not both")
    workers = _check_count("processes", processes, 1)
    parallel = executor is not None or processes is not None
    size = _check_count("chunksize", chunksize, 8 if parallel else 1)
    window = _check_count("max_pending", max_pending, 4 * max(workers, os.cpu_count() or 1))
    limit = _check_timeout(timeout)
    if limit is not None and not parallel and not _alarm_works():
        raise ValidationError(
            "timeout", timeout, "here (no SIGALRM, or not the main thread) a time limit needs processes=N"
        )
    total = len(items) if isinstance(items, list | tuple) else None
    bar = Progress(total) if progress else None
    pool = _Workers(executor, processes if executor is None else None) if parallel else None
    return _generate(items, pool, size, window, limit, bar)


def _generate(
    items: Iterable[Any],
    workers: _Workers | None,
    size: int,
    window: int,
    timeout: float | None,
    bar: Progress | None,
) -> Generator[Document, None, None]:
    finished = False
    try:
        if workers is None:
            jobs = (job for chunk in _chunks(items, size) for job in chunk)
            docs: Iterator[Document] = (_run_job(job, timeout) for job in jobs)
        else:
            docs = _Batch(workers, window, timeout, size).run(_chunks(items, size))
        for doc in docs:
            if bar is not None:
                bar.update(doc)
            yield doc
        finished = True
    finally:
        if workers is not None:
            # abandoned (Ctrl-C, an error, the caller closed the stream): end the workers now
            workers.close(kill=not finished)
        if bar is not None and finished:
            bar.close()


def parse_many(
    items: Iterable[Any],
    *,
    executor: Executor | None = None,
    processes: int | None = None,
    progress: bool = False,
    chunksize: int | None = None,
    timeout: float | None = None,
) -> list[Document]:
    """Parse every item; a list of Documents in input order (see :func:`iter_parse`).

    One failing item never aborts the batch: its Document carries the error
    (``doc.errors``) and the item's id.  A worker process that dies costs only
    the item it was parsing; ``timeout`` bounds the seconds one item may take.

    >>> docs = parse_many([
    ...     "Poland signed a contract.",
    ...     ("Seoul pledged aid.", {"id": "a2", "published": "2024-10-24"}),
    ...     ("Text.", {"id": "a3", "published": "yesterday"}),
    ... ])
    >>> [d.id for d in docs]
    [None, 'a2', 'a3']
    >>> docs[1].published
    datetime.date(2024, 10, 24)
    >>> docs[2].errors
    ("item 2 (a3): ValidationError: published: 'yesterday' is not valid: not an ISO date (YYYY-MM-DD)",)

    .. versionadded:: 0.1.0
    """
    return list(
        iter_parse(
            items,
            executor=executor,
            processes=processes,
            progress=progress,
            chunksize=chunksize,
            timeout=timeout,
        )
    )
