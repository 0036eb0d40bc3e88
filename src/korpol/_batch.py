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

``processes=N`` runs N worker processes of korpol's own, each with a pipe of
its own and one chunk at a time (:func:`_own_pool`), so that a worker that dies
(killed, out of memory, ``os._exit`` in a parser) costs exactly the chunk it was
running: that chunk is run again item by item, an item whose worker dies again
fails alone, and the dead worker is replaced.  (A ``ProcessPoolExecutor`` loses
every chunk in flight when one worker dies, and can wait for ever for a result
its worker died sending.)  With the caller's executor, a chunk that fails is run
again item by item on it; when the executor breaks, what it lost and the rest
of the input go to korpol's own workers.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Mapping
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor, wait
from multiprocessing.connection import Connection
from multiprocessing.connection import wait as connection_wait
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


# ---------------------------------------------------------------- korpol's own workers


def _serve(conn: Connection) -> None:
    """A worker process of korpol's own: run the chunks its pipe brings, send back the Documents."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends us
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if task is None:
            return
        jobs, timeout = task
        docs = _run_chunk(jobs, timeout)
        try:
            conn.send(docs)
        except Exception as exc:  # a Document that cannot travel back: each item says so
            conn.send([_failed(job, f"the result could not be sent back: {type(exc).__name__}: {exc}")
                       for job in jobs])


@attrs.define
class _Task:
    """Work for one worker: a whole chunk (``slot`` None) or one item of it (``slot``: its place)."""

    seq: int
    slot: int | None
    jobs: list[_Job]


@contextlib.contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C back for the block (main thread, POSIX); it is raised when the block ends."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _start_holding_ctrl_c(process: Any) -> None:
    """Start ``process`` with Ctrl-C held back until it has started.

    A SIGINT that lands while ``fork`` runs its handlers is swallowed there ("Exception
    ignored in: _releaseLock") and the run goes on; held, it is delivered on return, as a
    KeyboardInterrupt the caller handles, after the worker just started is ended (the caller
    never got it to end).  (The worker ignores Ctrl-C in any case.)
    """
    try:
        with _ctrl_c_held():  # (a Ctrl-C held back is raised as the block ends)
            process.start()
    except KeyboardInterrupt:
        # the caller never gets this worker, so it cannot end it: end it here, then go on with
        # the interrupt (a worker left waiting would outlive the run)
        if process.pid is not None:
            process.terminate()
            process.join(5)
        raise


class _Worker:
    """A worker process korpol started, running one task at a time over a pipe of its own.

    Its own pipe is what makes a death exact: only the task it was running is lost, and a
    result cut off half-way is an end of file, never a wait without end.
    """

    def __init__(self, context: Any) -> None:
        ours, theirs = context.Pipe(duplex=True)
        self.process = context.Process(target=_serve, args=(theirs,), daemon=True)
        _start_holding_ctrl_c(self.process)
        theirs.close()  # (so that its death reads as an end of file here)
        self.conn: Connection = ours
        self.task: _Task | None = None
        self.deadline = float("inf")

    def stop(self, *, politely: bool = False) -> None:
        """End the process: asked to (an idle worker at the end of a batch), else killed."""
        if politely:
            with contextlib.suppress(Exception):
                self.conn.send(None)
                self.process.join(timeout=1.0)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _own_pool(
    chunks: Iterator[list[_Job] | list[Document]], size: int, window: int, timeout: float | None
) -> Iterator[Document]:
    """Run ``chunks`` on ``size`` worker processes korpol starts; yield their Documents in order.

    At most ``window`` chunks are in flight or waiting to be yielded.  A chunk of Documents
    (already parsed elsewhere) is yielded in its place.  When a worker dies, or overruns its
    task's time (``timeout`` per item, plus :data:`GRACE`), it is ended and replaced; a chunk
    it was running is run again item by item, and an item whose worker dies fails alone.
    """
    context = multiprocessing.get_context()
    workers: list[_Worker] = []
    again: deque[_Task] = deque()  # the items of chunks whose worker died: run first
    results: dict[int, list[Document | None]] = {}
    out: dict[int, int] = {}  # seq -> tasks of that chunk not back yet
    read = done = 0  # chunks taken from the input; chunks yielded
    exhausted = False

    def put(task: _Task, docs: list[Document]) -> None:
        if task.slot is None:
            results[task.seq] = list(docs)
        else:
            results[task.seq][task.slot] = docs[0]
        out[task.seq] -= 1

    def lost(task: _Task, why: str) -> None:
        """The worker running ``task`` died or overran: run its items alone, or fail the one item."""
        if task.slot is None and len(task.jobs) > 1:
            out[task.seq] += len(task.jobs) - 1
            again.extendleft(reversed([_Task(task.seq, i, [job]) for i, job in enumerate(task.jobs)]))
        else:
            put(task, [_failed(task.jobs[0], why)])

    def send(worker: _Worker, task: _Task) -> None:
        try:
            worker.conn.send((task.jobs, timeout))
        except (EOFError, OSError):  # it died between two tasks: a fresh one takes the task
            worker.stop()
            workers.remove(worker)
            again.appendleft(task)
            return
        except Exception as exc:  # an item that cannot travel to a worker
            if task.slot is None and len(task.jobs) > 1:
                lost(task, "")
            else:
                why = f"could not be sent to a worker: {type(exc).__name__}: {exc}"
                put(task, [_failed(task.jobs[0], why)])
            return
        worker.task = task
        per_item = (timeout * len(task.jobs)) if timeout is not None else None
        worker.deadline = float("inf") if per_item is None else time.monotonic() + per_item + GRACE

    try:
        while True:
            while True:  # hand out work
                idle = next((w for w in workers if w.task is None), None)
                if idle is None and len(workers) < size and (again or not exhausted):
                    idle = _Worker(context)
                    workers.append(idle)
                if idle is None:
                    break
                if again:
                    send(idle, again.popleft())
                    continue
                if exhausted or len(results) >= window:
                    break
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                seq, read = read, read + 1
                if chunk and isinstance(chunk[0], Document):  # parsed already
                    results[seq], out[seq] = list(chunk), 0
                    continue
                results[seq], out[seq] = [None] * len(chunk), 1
                send(idle, _Task(seq, None, chunk))  # type: ignore[arg-type]  # (jobs)
            while done in results and out[done] == 0:  # hand back, in order
                docs = results.pop(done)
                del out[done]
                done += 1
                yield from (doc for doc in docs if doc is not None)
            busy = [w for w in workers if w.task is not None]
            if not busy:
                if exhausted and not again and not results:
                    return
                continue
            now = time.monotonic()
            deadline = min(w.deadline for w in busy)
            ready = connection_wait(
                [w.conn for w in busy] + [w.process.sentinel for w in busy],
                timeout=None if deadline == float("inf") else max(0.0, deadline - now),
            )
            for worker in busy:
                task = worker.task
                assert task is not None
                if worker.conn in ready or worker.process.sentinel in ready:
                    try:
                        docs = worker.conn.recv()
                    except (EOFError, OSError):  # it died (killed, out of memory, os._exit)
                        worker.stop()
                        workers.remove(worker)
                        lost(task, "WorkerDied: the worker process died while parsing this item")
                        continue
                    worker.task = None
                    put(task, docs)
                elif time.monotonic() >= worker.deadline:  # stuck where its time limit cannot reach
                    worker.stop()
                    workers.remove(worker)
                    assert timeout is not None
                    lost(task, _overtime(timeout))
    finally:
        with _ctrl_c_held():  # (a Ctrl-C during the clean-up would leave the rest running)
            for worker in workers:  # (finished, abandoned or interrupted: none is left behind)
                worker.stop(politely=worker.task is None)


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
    """A chunk sent to the caller's executor: its future, or why it could not be sent."""

    jobs: list[_Job]
    future: Future[list[Document]] | None
    error: BaseException | None = None


def _pool_lost_a_worker(executor: Executor) -> bool:
    """Whether a ``ProcessPoolExecutor`` has a dead worker (best effort: read from its private state)."""
    processes = getattr(executor, "_processes", None) or {}
    return any(p.exitcode is not None for p in list(processes.values()))


class _Batch:
    """Chunks on the caller's executor, collected in input order.

    A chunk that fails is run again item by item on the same executor, so only an item that
    fails by itself fails.  When the executor breaks (a worker of a process pool died), the
    chunks it lost and the rest of the input go to worker processes of korpol's own
    (:func:`_own_pool`, as many as the executor had), and the caller's executor is left to the
    caller.
    """

    def __init__(self, executor: Executor, window: int, timeout: float | None) -> None:
        self.executor = executor
        self.window = window
        self.timeout = timeout
        self.pending: deque[_Sent] = deque()

    def run(self, chunks: Iterator[list[_Job]]) -> Iterator[Document]:
        broke = False
        for chunk in chunks:
            self.pending.append(self._send(chunk))
            while self.pending and (
                len(self.pending) >= self.window or isinstance(self.pending[-1].error, BrokenExecutor)
            ):
                if not self._settle(self.pending[0]):
                    broke = True
                    break
                yield from self._collect(self.pending.popleft())
            if broke:
                break
        while self.pending and not broke:
            if not self._settle(self.pending[0]):
                broke = True
                break
            yield from self._collect(self.pending.popleft())
        if broke:
            size = getattr(self.executor, "_max_workers", None) or os.cpu_count() or 1
            yield from _own_pool(self._left(chunks), size, self.window, self.timeout)

    def _left(self, chunks: Iterator[list[_Job]]) -> Iterator[list[_Job] | list[Document]]:
        """What is still to do when the executor broke, in order: its results, or its chunks again."""
        for sent in self.pending:
            future = sent.future
            if future is not None and future.done() and not future.cancelled() and future.exception() is None:
                yield future.result()
            else:
                yield sent.jobs
        self.pending.clear()
        yield from chunks

    def _send(self, jobs: list[_Job]) -> _Sent:
        try:
            return _Sent(jobs, self.executor.submit(_run_chunk, jobs, self.timeout))
        except Exception as exc:  # a broken, closed or refusing executor: see _settle
            return _Sent(jobs, None, exc)

    def _settle(self, sent: _Sent) -> bool:
        """Wait for ``sent``; False when the executor turned out broken."""
        if isinstance(sent.error, BrokenExecutor):
            return False
        future = sent.future
        if future is None:
            return True
        if isinstance(self.executor, ProcessPoolExecutor):
            # a worker killed half-way through sending its result can leave the pool waiting
            # for the rest of it for ever: a dead worker and no progress mean it broke
            quiet = 0.0
            while not future.done():
                wait([future], timeout=1.0)
                quiet = quiet + 1.0 if _pool_lost_a_worker(self.executor) else 0.0
                if quiet >= 3.0 and not future.done():
                    return False
        else:
            wait([future])
        return future.cancelled() is False and not isinstance(future.exception(), BrokenExecutor)

    def _collect(self, sent: _Sent) -> Iterator[Document]:
        future = sent.future
        if future is not None and future.exception() is None:
            yield from future.result()
            return
        yield from (self._single(job) for job in sent.jobs)

    def _single(self, job: _Job) -> Document:
        """Run ``job`` by itself on the same executor: its chunk failed, maybe for one of its items."""
        try:
            future = self.executor.submit(_run_chunk, [job], self.timeout)
        except Exception as exc:
            return _failed(job, f"could not submit: {type(exc).__name__}: {exc}")
        try:
            (doc,) = future.result()
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
    return _generate(items, executor, processes, size, window, limit, bar)


def _generate(
    items: Iterable[Any],
    executor: Executor | None,
    processes: int | None,
    size: int,
    window: int,
    timeout: float | None,
    bar: Progress | None,
) -> Generator[Document, None, None]:
    chunks = _chunks(items, size)
    if executor is not None:
        docs: Iterator[Document] = _Batch(executor, window, timeout).run(chunks)
    elif processes is not None:
        docs = _own_pool(chunks, processes, window, timeout)
    else:
        docs = (_run_job(job, timeout) for chunk in chunks for job in chunk)
    try:
        for doc in docs:
            if bar is not None:
                bar.update(doc)
            yield doc
    finally:
        # finished, or abandoned (Ctrl-C, an error, the caller closed the stream): workers end now
        close = getattr(docs, "close", None)
        if close is not None:
            close()
    if bar is not None:
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
