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

A failing item -- unreadable file, bad metadata, a bug in a parser -- gives a
Document whose ``errors`` holds ``"item <n> (<id>): <ErrorType>: <message>"``
and whose ``id`` is the item's id, so nothing is lost and nothing is silent.

Work is sent to the executor in chunks (``chunksize`` items each) and at most
``max_pending`` chunks are in flight at once; results come back in input
order.  Memory therefore stays bounded by ``chunksize * max_pending``
articles however long the input iterable is.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Mapping
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import Any, TextIO

from korpol import _pipeline  # (called as _pipeline.parse: a test may put another parse in its place)
from korpol._errors import InputTypeError, ValidationError
from korpol._model import Document

__all__ = ["iter_parse", "parse_many"]

#: The keyword arguments of ``parse`` that metadata may set.
METADATA_KEYS = ("id", "published", "title", "source")

# One unit of work, picklable (plain tuples only, so any executor -- a process
# pool, a Dask worker on another machine -- can run it):
# (index, kind, payload, metadata) with kind "text" (payload: str | bytes) or
# "path" (payload: str path), or "error" (payload: the message, recorded as is).
_Job = tuple[int, str, Any, dict[str, Any]]


# ---------------------------------------------------------------- items -> jobs


def _job(index: int, item: Any) -> _Job:
    """Turn one input item into a picklable job; never raises."""
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
        unknown = sorted(str(k) for k in meta if k not in METADATA_KEYS)
        if unknown:
            doc_id = meta.get("id") if isinstance(meta.get("id"), str) else None
            return (index, "error", _message(index, doc_id, ValidationError(
                "metadata", unknown, f"unknown key(s); accepted: {', '.join(METADATA_KEYS)}")),
                {"id": doc_id})
        if isinstance(text, os.PathLike):
            return (index, "path", os.fspath(text), meta)
        return (index, "text", text, meta)
    return (index, "error", _message(index, None, InputTypeError(
        "item", item, "str, bytes, a (text, metadata) pair or a pathlib.Path")), {})


def _message(index: int, doc_id: str | None, exc: BaseException) -> str:
    who = f"item {index}" if doc_id is None else f"item {index} ({doc_id})"
    return f"{who}: {type(exc).__name__}: {exc}"


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


def _run_job(job: _Job) -> Document:
    """Parse one job; every failure becomes a Document with ``errors``."""
    index, kind, payload, meta = job
    doc_id = meta.get("id") if isinstance(meta.get("id"), str) else None
    text: str = payload if isinstance(payload, str) and kind == "text" else ""
    try:
        if kind == "error":
            return Document(id=doc_id, errors=(payload,))
        if kind == "path":
            if doc_id is None:  # named by its file until (unless) a sidecar names it
                doc_id = os.path.splitext(os.path.basename(payload))[0]
            meta = {"id": doc_id, **_sidecar(payload), **meta}
            doc_id = meta["id"] if isinstance(meta["id"], str) else None
            with open(payload, "rb") as fh:
                payload = fh.read()
        return _pipeline.parse(payload, **meta)
    except Exception as exc:  # the point: one item never aborts the batch
        return Document(id=doc_id, text=text, errors=(_message(index, doc_id, exc),))


def _run_chunk(jobs: list[_Job]) -> list[Document]:
    """What a worker runs: a chunk of jobs, in order (module-level: picklable)."""
    return [_run_job(job) for job in jobs]


# ---------------------------------------------------------------- progress


class _Progress:
    """A one-line progress report on stderr, redrawn with ``\\r`` at most 10 times a second."""

    def __init__(self, total: int | None, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.done = 0
        self.failed = 0
        self.chars = 0
        self.start = time.perf_counter()
        self.last = 0.0

    def update(self, doc: Document) -> None:
        self.done += 1
        self.failed += bool(doc.errors)
        self.chars += len(doc.text)
        now = time.perf_counter()
        if now - self.last >= 0.1 or self.done == self.total:
            self.last = now
            self.draw(now)

    def draw(self, now: float) -> None:
        elapsed = max(now - self.start, 1e-9)
        count = f"{self.done}/{self.total}" if self.total is not None else f"{self.done}"
        pct = f" {100 * self.done // self.total:3d}%" if self.total else ""
        line = (
            f"\rkorpol:{pct} {count} documents, {self.failed} with errors, "
            f"{self.chars / 1e6:.1f} MB, {self.done / elapsed:.0f} docs/s"
        )
        self.stream.write(line)
        self.stream.flush()

    def close(self) -> None:
        self.draw(time.perf_counter())
        self.stream.write("\n")
        self.stream.flush()


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


def _ordered(executor: Executor, chunks: Iterator[list[_Job]], max_pending: int) -> Iterator[Document]:
    """Submit chunks with at most ``max_pending`` in flight; yield in input order."""
    pending: deque[tuple[list[_Job], Future[list[Document]] | None, str]] = deque()

    def collect() -> Iterator[Document]:
        jobs, future, failure = pending.popleft()
        if future is not None:
            try:
                yield from future.result()
                return
            except Exception as exc:  # a dead worker must not lose the other chunks
                failure = f"the worker failed: {type(exc).__name__}: {exc}"
        for index, _kind, _payload, meta in jobs:
            doc_id = meta.get("id") if isinstance(meta.get("id"), str) else None
            who = f"item {index}" if doc_id is None else f"item {index} ({doc_id})"
            yield Document(id=doc_id, errors=(f"{who}: {failure}",))

    for chunk in chunks:
        try:
            pending.append((chunk, executor.submit(_run_chunk, chunk), ""))
        except Exception as exc:  # e.g. a broken pool: record, go on
            pending.append((chunk, None, f"could not submit: {type(exc).__name__}: {exc}"))
        while len(pending) >= max_pending:
            yield from collect()
    while pending:
        yield from collect()


def iter_parse(
    items: Iterable[Any],
    *,
    executor: Executor | None = None,
    processes: int | None = None,
    progress: bool = False,
    chunksize: int | None = None,
    max_pending: int | None = None,
) -> Generator[Document, None, None]:
    """Parse ``items`` lazily, yielding one :class:`Document` per item, in input order.

    ``items`` may be any iterable -- a generator over a 100 GB directory is
    fine: items are pulled only as workers free up, at most ``max_pending``
    chunks of ``chunksize`` items are in flight, so memory does not grow with
    the corpus.  Without ``executor`` or ``processes`` parsing runs in this
    process; ``processes=N`` starts (and afterwards shuts down) a pool of N
    worker processes; ``executor`` is any :class:`concurrent.futures.Executor`
    you own (korpol never shuts it down), e.g. a Dask client's
    ``get_executor()``.  ``progress=True`` draws a progress line on stderr.

    A failing item yields a Document whose ``errors`` say which item failed
    and why; the batch goes on.

    >>> docs = iter_parse(["Seoul and Warsaw signed an action plan.", ("", {"id": "empty"}), 42])
    >>> [(d.id, len(d.errors)) for d in docs]
    [(None, 0), ('empty', 0), (None, 1)]

    .. versionadded:: 0.1.0
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
    total = len(items) if isinstance(items, list | tuple) else None
    bar = _Progress(total, sys.stderr) if progress else None
    return _generate(items, executor, processes if executor is None else None, size, window, bar)


def _generate(
    items: Iterable[Any],
    executor: Executor | None,
    processes: int | None,
    size: int,
    window: int,
    bar: _Progress | None,
) -> Generator[Document, None, None]:
    own: Executor | None = ProcessPoolExecutor(processes) if processes is not None else None
    pool = executor or own
    try:
        if pool is None:
            docs: Iterator[Document] = (_run_job(job) for chunk in _chunks(items, size) for job in chunk)
        else:
            docs = _ordered(pool, _chunks(items, size), window)
        for doc in docs:
            if bar is not None:
                bar.update(doc)
            yield doc
    finally:
        if own is not None:
            own.shutdown(wait=True, cancel_futures=True)
        if bar is not None:
            bar.close()


def parse_many(
    items: Iterable[Any],
    *,
    executor: Executor | None = None,
    processes: int | None = None,
    progress: bool = False,
    chunksize: int | None = None,
) -> list[Document]:
    """Parse every item; a list of Documents in input order (see :func:`iter_parse`).

    One failing item never aborts the batch: its Document carries the error
    (``doc.errors``) and the item's id.

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
        iter_parse(items, executor=executor, processes=processes, progress=progress, chunksize=chunksize)
    )
