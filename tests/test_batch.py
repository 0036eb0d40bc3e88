"""parse_many / iter_parse: order, every item kind, per-item failures, bounded streaming, any Executor."""

from __future__ import annotations

import datetime as dt
import io
import json
import pathlib
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import Any

import attrs
import pytest

import korpol
from korpol import Document, InputTypeError, KorpolError, ValidationError, iter_parse, parse, parse_many

ARTICLE = (
    "SEOUL, Oct. 24 (Yonhap) -- South Korea and Poland signed an executive contract on Thursday "
    "for 180 K2 tanks worth $6.5 billion, the defence ministry said."
)
OTHER = "Japan pledged $4.5 billion in aid to Ukraine last year, Tokyo said on Monday."


def as_json(doc: Document) -> str:
    return json.dumps(doc.to_dict(), sort_keys=False)


# ---------------------------------------------------------------- item kinds


@attrs.frozen
class Example:
    id: str
    item: Callable[[pathlib.Path], Any]  # builds the item inside tmp_path
    doc_id: str | None
    text: str
    published: dt.date | None = None
    title: str | None = None
    source: str | None = None


def write(path: pathlib.Path, data: bytes | str, sidecar: Any = None,
          sidecar_name: str | None = None) -> pathlib.Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    if sidecar is not None:
        name = sidecar_name or path.stem + ".json"
        (path.parent / name).write_text(json.dumps(sidecar), encoding="utf-8")
    return path


ITEM_KINDS = [
    Example("str", lambda d: ARTICLE, None, ARTICLE),
    Example("bytes-utf8", lambda d: ARTICLE.encode("utf-8"), None, ARTICLE),
    Example("pair-with-metadata",
            lambda d: (ARTICLE, {"id": "a1", "published": "2024-10-24", "title": "K2", "source": "wire"}),
            "a1", ARTICLE, dt.date(2024, 10, 24), "K2", "wire"),
    Example("pair-with-date-object", lambda d: (OTHER, {"published": dt.date(2023, 5, 1)}),
            None, OTHER, dt.date(2023, 5, 1)),
    Example("pair-with-none-metadata", lambda d: (OTHER, None), None, OTHER),
    Example("path-without-sidecar-id-is-stem", lambda d: write(d / "k2-contract.txt", ARTICLE),
            "k2-contract", ARTICLE),
    Example("path-with-stem-sidecar",
            lambda d: write(d / "d01.txt", ARTICLE,
                            {"id": "d01", "published": "2024-10-24", "title": "T", "url": "https://x.example/a",
                             "arms_deals": [{"ignored": "gold facts are not metadata"}]}),
            "d01", ARTICLE, dt.date(2024, 10, 24), "T", "https://x.example/a"),
    Example("path-with-name-sidecar",
            lambda d: write(d / "a.txt", OTHER, {"published": "2023-01-02", "source": "paper"}, "a.txt.json"),
            "a", OTHER, dt.date(2023, 1, 2), None, "paper"),
    Example("path-bytes-in-utf16",
            lambda d: write(d / "u16.txt", OTHER.encode("utf-16")), "u16", OTHER),
    Example("pair-path-metadata-overrides-sidecar",
            lambda d: (write(d / "b.txt", OTHER, {"id": "side", "published": "2020-01-01"}),
                       {"published": "2021-06-30"}),
            "side", OTHER, dt.date(2021, 6, 30)),
]


@pytest.mark.parametrize("ex", ITEM_KINDS, ids=lambda ex: ex.id)
def test_every_item_kind_gives_its_document(ex: Example, tmp_path: pathlib.Path) -> None:
    [doc] = parse_many([ex.item(tmp_path)])
    assert doc.errors == ()
    assert (doc.id, doc.text, doc.published, doc.title, doc.source) == (
        ex.doc_id, ex.text, ex.published, ex.title, ex.source)


def test_same_documents_as_parse(tmp_path: pathlib.Path) -> None:
    items = [ARTICLE, (OTHER, {"id": "o", "published": "2024-01-05"}), "", "   \n"]
    expected = [parse(ARTICLE), parse(OTHER, id="o", published="2024-01-05"), parse(""), parse("   \n")]
    assert [as_json(d) for d in parse_many(items)] == [as_json(d) for d in expected]


# ---------------------------------------------------------------- failures stay on their item


def make_dir(path: pathlib.Path) -> pathlib.Path:
    path.mkdir()
    return path


@attrs.frozen
class Failure:
    id: str
    item: Callable[[pathlib.Path], Any]
    doc_id: str | None
    message: str  # a fragment of the recorded error
    text: str = ""


FAILURES = [
    Failure("published-not-a-date", lambda d: (ARTICLE, {"id": "x", "published": "last Tuesday"}), "x",
            "item 1 (x): ValidationError: published: 'last Tuesday' is not valid", ARTICLE),
    Failure("published-out-of-range",  # (a datetime with a zone is its date there now: not a failure)
            lambda d: (OTHER, {"published": dt.date(1, 1, 1)}), None,
            "item 1: ValidationError: published:", OTHER),
    Failure("unknown-metadata-key", lambda d: (ARTICLE, {"id": "y", "publised": "2024-01-01"}), "y",
            "item 1 (y): ValidationError: metadata: ['publised'] is not valid: unknown key(s)"),
    Failure("metadata-not-a-dict", lambda d: (ARTICLE, ["2024-01-01"]), None,
            "item 1: InputTypeError: metadata: expected a dict"),
    Failure("id-not-a-str", lambda d: (ARTICLE, {"id": 7}), None, "item 1: InputTypeError: id: expected str",
            ARTICLE),
    Failure("not-a-text", lambda d: 3.5, None,
            "item 1: InputTypeError: item: expected str, bytes, a (text, metadata) pair or a pathlib.Path, "
            "got float"),
    Failure("none", lambda d: None, None, "item 1: InputTypeError: item:"),
    Failure("text-in-pair-not-a-text", lambda d: (12, {"id": "n"}), "n",
            "item 1 (n): InputTypeError: text: expected str or bytes, got int"),
    Failure("missing-file", lambda d: d / "gone.txt", "gone", "item 1 (gone): FileNotFoundError:"),
    Failure("directory", lambda d: make_dir(d / "folder"), "folder",
            "item 1 (folder): IsADirectoryError:"),
    Failure("sidecar-not-json",
            lambda d: (write(d / "s.txt", ARTICLE), (d / "s.json").write_text("{oops"))[0],
            "s", "item 1 (s): JSONDecodeError:"),
    Failure("sidecar-not-an-object", lambda d: write(d / "l.txt", ARTICLE, ["2024-01-01"]), "l",
            "item 1 (l): ValidationError: sidecar:"),
    Failure("sidecar-bad-date", lambda d: write(d / "q.txt", ARTICLE, {"published": "soon"}), "q",
            "item 1 (q): ValidationError: published: 'soon'"),
]


@pytest.mark.parametrize("failure", FAILURES, ids=lambda f: f.id)
def test_a_failing_item_is_recorded_and_the_batch_goes_on(failure: Failure, tmp_path: pathlib.Path) -> None:
    docs = parse_many([ARTICLE, failure.item(tmp_path), (OTHER, {"id": "after"})])
    assert [d.errors for d in (docs[0], docs[2])] == [(), ()]
    assert (docs[0].text, docs[2].id, docs[2].text) == (ARTICLE, "after", OTHER)
    bad = docs[1]
    assert len(bad.errors) == 1
    assert failure.message in bad.errors[0], bad.errors
    assert bad.id == failure.doc_id
    assert bad.text == failure.text


def test_a_parser_bug_is_recorded_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def flaky(text: Any, **meta: Any) -> Document:
        if "boom" in text:
            raise ZeroDivisionError("division by zero")
        return parse(text, **meta)

    monkeypatch.setattr("korpol._pipeline.parse", flaky)
    docs = parse_many(["fine", ("boom", {"id": "b"}), "fine too"])
    assert [d.errors for d in docs] == [(), ("item 1 (b): ZeroDivisionError: division by zero",), ()]
    assert docs[1].text == "boom"


class FailingExecutor(Executor):
    """Runs chunks inline, but chunk number ``bad`` fails as a dead worker would."""

    def __init__(self, bad: int, at_submit: bool = False) -> None:
        self.bad = bad
        self.at_submit = at_submit
        self.calls = 0

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        self.calls += 1
        if self.calls - 1 == self.bad:
            if self.at_submit:
                raise RuntimeError("cannot schedule new futures after shutdown")
            future.set_exception(OSError("worker process died"))
        else:
            future.set_result(fn(*args, **kwargs))
        return future


@pytest.mark.parametrize("at_submit", [False, True], ids=["future-fails", "submit-fails"])
def test_a_dead_worker_loses_no_document(at_submit: bool) -> None:
    items = [(f"text {i}", {"id": f"d{i}"}) for i in range(7)]
    docs = parse_many(items, executor=FailingExecutor(bad=1, at_submit=at_submit), chunksize=3)
    assert [d.id for d in docs] == [f"d{i}" for i in range(7)]
    assert [d.errors for d in docs] == [()] * 7  # the failed chunk's items were run again, one by one
    assert [d.text for d in docs] == [f"text {i}" for i in range(7)]


class OneBadItem(Executor):
    """Runs chunks inline; any chunk holding the text ``bad`` fails as if that item broke its worker."""

    def __init__(self, bad: str) -> None:
        self.bad = bad

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        if any(job[2] == self.bad for job in args[0]):
            future.set_exception(OSError("worker process died"))
        else:
            future.set_result(fn(*args, **kwargs))
        return future


def test_only_the_item_that_fails_its_worker_fails() -> None:
    items = [(f"text {i}", {"id": f"d{i}"}) for i in range(7)]
    docs = parse_many(items, executor=OneBadItem("text 4"), chunksize=3)
    assert [d.id for d in docs] == [f"d{i}" for i in range(7)]
    assert [d.errors for d in docs] == [()] * 4 + [("item 4 (d4): the worker failed: OSError: worker process died",)] + [()] * 2


# ---------------------------------------------------------------- executors and order


TEXTS = [f"Poland ordered {i} K9 howitzers from South Korea in {2000 + i}." for i in range(40)]


@pytest.mark.parametrize("chunksize", [None, 1, 3, 64])
def test_order_is_kept_with_a_thread_pool(chunksize: int | None) -> None:
    with ThreadPoolExecutor(4) as pool:
        docs = parse_many(TEXTS, executor=pool, chunksize=chunksize)
    assert [d.text for d in docs] == TEXTS


def test_processes_start_and_stop_their_own_pool(tmp_path: pathlib.Path) -> None:
    paths = [write(tmp_path / f"{i:02d}.txt", t) for i, t in enumerate(TEXTS[:6])]
    items: list[Any] = [*TEXTS[6:12], *paths, 42]
    docs = parse_many(items, processes=2, chunksize=2)
    assert [d.text for d in docs[:12]] == TEXTS[6:12] + TEXTS[:6]
    assert [d.id for d in docs[6:12]] == [f"{i:02d}" for i in range(6)]
    assert len(docs[12].errors) == 1
    assert docs[12].errors[0].startswith("item 12: InputTypeError")
    assert [as_json(d) for d in docs[:6]] == [as_json(parse(t)) for t in TEXTS[6:12]]


def test_a_dask_cluster_is_just_an_executor(tmp_path: pathlib.Path) -> None:
    distributed = pytest.importorskip("distributed")
    paths = [write(tmp_path / f"p{i}.txt", t, {"published": "2024-10-24"}) for i, t in enumerate(TEXTS[:3])]
    items: list[Any] = [*TEXTS[3:8], *paths, ("x", {"published": "never"})]
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        docs = parse_many(items, executor=client.get_executor(), chunksize=2)
        streamed = [d.id for d in iter_parse(iter(items), executor=client.get_executor(), max_pending=1)]
    assert [d.text for d in docs[:8]] == TEXTS[3:8] + TEXTS[:3]
    assert [(d.id, d.published) for d in docs[5:8]] == [(f"p{i}", dt.date(2024, 10, 24)) for i in range(3)]
    assert docs[8].errors == (
        "item 8: ValidationError: published: 'never' is not valid: not an ISO date (YYYY-MM-DD)",
    )
    assert streamed == [d.id for d in docs]


# ---------------------------------------------------------------- streaming with bounded memory


class Counting:
    """An endless-looking input that counts how many items were pulled from it."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.pulled = 0
        self.lock = threading.Lock()

    def __iter__(self) -> Iterator[str]:
        for i in range(self.n):
            with self.lock:
                self.pulled += 1
            yield f"article {i}"


@pytest.mark.parametrize(("chunksize", "max_pending"), [(1, 1), (2, 3), (5, 2)])
def test_iter_parse_pulls_only_a_bounded_window(chunksize: int, max_pending: int) -> None:
    source = Counting(200)
    with ThreadPoolExecutor(2) as pool:
        stream = iter_parse(source, executor=pool, chunksize=chunksize, max_pending=max_pending)
        for k, doc in enumerate(stream, start=1):
            assert doc.text == f"article {k - 1}"
            # at most the chunks in flight plus the one being filled
            assert source.pulled - k <= chunksize * (max_pending + 1), (k, source.pulled)
    assert source.pulled == 200


def test_iter_parse_is_lazy_without_an_executor() -> None:
    source = Counting(10**9)  # never exhausted: laziness is what lets this test end
    stream = iter_parse(source)
    assert [next(stream).text for _ in range(3)] == ["article 0", "article 1", "article 2"]
    assert source.pulled == 3


def test_closing_the_stream_early_stops_the_own_pool() -> None:
    stream = iter_parse(iter(TEXTS), processes=1, chunksize=1, max_pending=2)
    assert next(stream).text == TEXTS[0]
    stream.close()  # shuts the pool down; must not hang


# ---------------------------------------------------------------- progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_is_one_line_redrawn(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    parse_many(TEXTS[:5], progress=True)
    err = terminal.getvalue()
    assert err.startswith("\rkorpol:")
    assert "100% 5/5 documents, 0 with errors" in err
    assert err.endswith("\n")
    assert err.splitlines()[-1].lstrip("\r ").startswith("korpol: 5 documents, 5 records, 0 with errors, in ")


def test_progress_elsewhere_is_a_final_line_with_counts(capsys: pytest.CaptureFixture[str]) -> None:
    list(iter_parse(iter([*TEXTS[:3], None]), progress=True))
    err = capsys.readouterr().err
    assert err.startswith("korpol: 4 documents, 3 records, 1 with errors, in ")
    assert err.count("\n") == 1
    assert "\r" not in err


def test_progress_in_a_log_is_a_plain_line_every_so_often() -> None:
    from korpol._io.display import Progress

    now = [0.0]
    log = io.StringIO()
    progress = Progress(total=100, stream=log, every=30, clock=lambda: now[0])
    for i in range(100):
        now[0] = i  # one document a second
        progress.update(Document(id=str(i)))
    progress.close()
    lines = log.getvalue().splitlines()
    assert lines[:3] == [
        "korpol:  31% 31/100 documents, 0 with errors, 1/s, 1:07 left",
        "korpol:  61% 61/100 documents, 0 with errors, 1/s, 38 s left",
        "korpol:  91% 91/100 documents, 0 with errors, 1/s, 8.9 s left",
    ]
    assert lines[3] == "korpol: 100 documents, 0 records, 0 with errors, in 1:39 (1 documents/s)"


def test_no_progress_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    parse_many(TEXTS[:3])
    assert capsys.readouterr().err == ""


# ---------------------------------------------------------------- bad arguments raise at once


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"items": None}, InputTypeError, "items: expected an iterable"),
        ({"items": "one article"}, InputTypeError, "items: expected an iterable"),
        ({"items": b"bytes"}, InputTypeError, "items: expected an iterable"),
        ({"items": [], "executor": "dask"}, InputTypeError, "executor: expected a concurrent.futures"),
        ({"items": [], "processes": 0}, ValidationError, "processes: 0 is not valid: must be at least 1"),
        ({"items": [], "processes": "4"}, InputTypeError, "processes: expected a positive int"),
        ({"items": [], "chunksize": 0}, ValidationError, "chunksize: 0 is not valid"),
        ({"items": [], "processes": 2, "executor": ThreadPoolExecutor(1)}, ValidationError, "not both"),
    ],
    ids=["none", "str", "bytes", "executor-str", "processes-0", "processes-str", "chunksize-0", "both"],
)
def test_bad_arguments_raise_clear_errors(
    kwargs: dict[str, Any], error: type[KorpolError], message: str
) -> None:
    with pytest.raises(error, match=message.replace("(", r"\(")) as info:
        parse_many(**kwargs)
    assert isinstance(info.value, KorpolError)
    executor = kwargs.get("executor")
    if isinstance(executor, Executor):
        executor.shutdown()


def test_empty_input_gives_an_empty_list() -> None:
    assert parse_many([]) == []
    assert list(iter_parse(iter(()))) == []


def test_public_names() -> None:
    assert korpol.parse_many is parse_many
    assert korpol.iter_parse is iter_parse
    assert isinstance(io.StringIO(), io.TextIOBase)  # file objects are not items:
    [doc] = parse_many([io.StringIO("text")])
    assert "InputTypeError: item: expected str, bytes" in doc.errors[0]
