"""Faults: exports killed at every step, temporary files left by a kill, hostile files.

Every test here is bounded: a kill is simulated by a forked child that ends itself
(``os._exit``, no clean-up runs, as with SIGKILL) at a chosen step, so nothing depends on
timing; ``benchmarks/fuzz.py`` repeats the same checks with real SIGKILLs at random moments.
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import re
import signal
import struct
import time
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pytest

import korpol._pipeline
from korpol import (
    Agreement,
    AidPackage,
    ArmsDeal,
    Corpus,
    Document,
    Evidence,
    Leader,
    Money,
    TimeSpan,
    ValidationError,
    iter_parse,
    load_jsonl,
    parse_many,
    save_jsonl,
)
from korpol._io.atomic import INCOMPLETE, TEMP_SUFFIX

posix_only = pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill simulation forks")

CSV_FILES = [
    "documents.csv",
    "arms_deals.csv",
    "aid_packages.csv",
    "agreements.csv",
    "leaders.csv",
    "aggregates.csv",
    "reports.csv",
]


def _corpus(generation: str, n: int = 3) -> Corpus:
    """n articles whose ids name the generation: every CSV file of an export shows which it is."""
    docs = []
    for i in range(n):
        doc_id = f"{generation}-{i}"
        sentence = f"Poland signed a deal with South Korea ({generation} {i})."
        ev = Evidence(doc_id=doc_id, start=0, end=len(sentence), text=sentence, sentence=sentence)
        docs.append(
            Document(
                id=doc_id,
                text=sentence,
                arms_deals=[ArmsDeal(supplier="KR", recipient="PL", status="signed", systems=[f"K{i}"],
                                     value=Money(amount=10**9 * (i + 1), currency="USD"), evidence=[ev])],
                aid_packages=[AidPackage(donor="KR", recipient="UA", kind="humanitarian", items=[f"item{i}"],
                                         date=TimeSpan.year(2000 + i), evidence=[ev])],
                agreements=[Agreement(parties=("KR", "PL"), kind="mou", date=TimeSpan.year(2000 + i), evidence=[ev])],
                leaders=[Leader(name="Andrzej Duda", role="president", country="PL", evidence=[ev])],
            )
        )
    return Corpus(docs)


def _generations(folder: Path) -> dict[str, set[str]]:
    """For each CSV file present: the generations ('old', 'new') its rows come from."""
    found = {}
    for name in CSV_FILES:
        path = folder / name
        if path.exists():
            text = path.read_text(encoding="utf-8")
            found[name] = set(re.findall(r"\b(old|new)-\d", text))
    return found


def _die_at(step: int, action: Callable[[], Any], watched: tuple[str, ...] = ("replace", "unlink")) -> bool:
    """Run ``action`` in a forked child that dies (no clean-up) instead of its ``step``-th rename or
    removal; True when the child finished before that step."""
    pid = os.fork()
    if pid == 0:  # the child
        try:
            calls = 0

            def dying(real: Callable[..., Any]) -> Callable[..., Any]:
                def call(*args: Any, **kwargs: Any) -> Any:
                    nonlocal calls
                    calls += 1
                    if calls == step:
                        os._exit(9)
                    return real(*args, **kwargs)

                return call

            for name in watched:
                setattr(os, name, dying(getattr(os, name)))
            os.fsync = lambda fd: None  # (durability is not what this tests; fsync is slow on CI disks)
            action()
        except BaseException:
            os._exit(1)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    assert code in (0, 9), f"the export failed in the child (exit {code})"
    return code == 0


@posix_only
def test_a_csv_export_killed_at_any_step_never_mixes_two_exports(tmp_path: Path) -> None:
    old, new = _corpus("old"), _corpus("new")
    killed = 0
    for step in range(1, 60):
        folder = tmp_path / f"kill-{step}"
        old.to_csv(folder)
        finished = _die_at(step, lambda folder=folder: new.to_csv(folder))
        found = _generations(folder)
        # (a file of no rows, such as aggregates.csv here, carries no generation)
        assert all(len(g) <= 1 for g in found.values()), f"killed at step {step}: a file mixes exports: {found}"
        kinds = set().union(*found.values())
        assert len(kinds) <= 1, f"killed at step {step}: old and new files side by side: {found}"
        if "reports.csv" in found:  # the file that joins the others: the whole set is there
            assert sorted(found) == sorted(CSV_FILES), f"killed at step {step}: {sorted(found)}"
        if len(found) < len(CSV_FILES):
            assert (folder / INCOMPLETE).is_file(), f"killed at step {step}: an incomplete set, unmarked"
        if finished:
            assert kinds == {"new"}
            assert not (folder / INCOMPLETE).exists()
            break
        killed += 1
    else:
        pytest.fail("the export never finished")
    assert killed >= 6  # every file's removal and rename was a kill point


@posix_only
def test_the_next_export_completes_a_killed_one(tmp_path: Path) -> None:
    _corpus("old").to_csv(tmp_path)
    assert not _die_at(9, lambda: _corpus("new").to_csv(tmp_path))  # in the middle of the swap
    assert (tmp_path / INCOMPLETE).exists()
    _corpus("new").to_csv(tmp_path)
    assert set(_generations(tmp_path)) == set(CSV_FILES)
    assert {g for gens in _generations(tmp_path).values() for g in gens} == {"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(CSV_FILES)  # no note, no temporary file


@posix_only
@pytest.mark.parametrize("export", ["jsonl", "csv", "sqlite"])
def test_temporary_files_of_a_killed_export_are_cleaned_by_the_next(tmp_path: Path, export: str) -> None:
    kb = _corpus("new")
    write = {
        "jsonl": lambda: kb.save_jsonl(tmp_path / "kb.jsonl"),
        "csv": lambda: kb.to_csv(tmp_path),
        "sqlite": lambda: kb.to_sqlite(tmp_path / "kb.db"),
    }[export]
    mine = tmp_path / f".other.{os.uname().nodename}-{os.getpid()}-0123abcd{TEMP_SUFFIX}"
    mine.write_text("a live process's temporary file")  # (this process runs: it stays)
    assert not _die_at(1, write, watched=("replace",))  # killed just before the first rename
    left = [p.name for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX) and p != mine]
    assert left, "the kill should have left a temporary file behind"
    write()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert not [n for n in names if TEMP_SUFFIX in n and n != mine.name], names
    assert mine.exists()


# ---------------------------------------------------------------- hostile JSON Lines


def _doc_line(**change: Any) -> str:
    data = _corpus("new", 1)[0].to_dict()
    data.update(change)
    return json.dumps(data)


def _with_amount(amount: str) -> str:
    data = _corpus("new", 1)[0].to_dict()
    data["arms_deals"][0]["value"]["amount"] = amount
    return json.dumps(data)


HOSTILE_JSONL: dict[str, bytes] = {
    "huge-exponent": _with_amount("1e999999999").encode(),
    "tiny-exponent": _with_amount("1e-999999999").encode(),
    "deep-nesting": b"[" * 100_000 + b"]" * 100_000,
    "deep-object": b'{"id": ' + b'{"a": ' * 5_000 + b"1" + b"}" * 5_000 + b"}",
    "not-utf8": b'{"id": "caf\xe9"}',
    "latin1-file": "Poland, Kraków".encode("latin-1"),
    "a-list": b"[1, 2, 3]",
    "null": b"null",
    "a-string": b'"a document"',
    "wrong-types": _doc_line(arms_deals=5).encode(),
    "evidence-outside": _doc_line(text="").encode(),
    "bad-json": b'{"id": "a",',
    "huge-integer": b'{"id": "a", "characters": ' + b"9" * 5_000 + b"}",
    "nan-amount": _with_amount("NaN").encode(),
    "binary": bytes(range(256)),
}


@pytest.mark.parametrize("name", HOSTILE_JSONL)
def test_a_hostile_jsonl_file_is_refused_fast_naming_the_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.jsonl"
    path.write_bytes(b'{"id": "fine"}\n' + HOSTILE_JSONL[name] + b"\n")
    start = time.perf_counter()
    with pytest.raises(ValidationError) as caught:
        load_jsonl(path)
    assert time.perf_counter() - start < 5
    assert f"{name}.jsonl line 2" in str(caught.value)


def test_a_directory_is_not_a_jsonl_file(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="is a directory"):
        load_jsonl(tmp_path)


def test_an_amount_within_bounds_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "ok.jsonl"
    path.write_text(_with_amount("1e300") + "\n", encoding="utf-8")
    (doc,) = load_jsonl(path)
    assert doc.arms_deals[0].value is not None
    assert doc.arms_deals[0].value.amount == 10**300


def test_saved_then_loaded_is_still_the_same(tmp_path: Path) -> None:
    kb = _corpus("new")
    assert load_jsonl(save_jsonl(kb, tmp_path / "kb.jsonl")) == kb
    with kb.to_csv(tmp_path / "csv")[0].open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == ["new-0", "new-1", "new-2"]


# ---------------------------------------------------------------- dead workers, time limits, Ctrl-C

forked_workers = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the faulty parser reaches the workers by fork"
)

_real_parse = korpol._pipeline.parse


def _faulty_parse(text: Any, **meta: Any) -> Document:
    """parse(), except that some texts kill, spin or stick the process parsing them."""
    if isinstance(text, str):
        if "KILL" in text:
            os._exit(3)
        if "SPIN" in text:
            while True:
                pass
        if "STUCK" in text:  # where no time limit inside the worker can reach it
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
    return _real_parse(text, **meta)


def _items(n: int, bad: dict[int, str]) -> list[tuple[str, dict[str, str]]]:
    return [(f"{bad.get(i, '')} Poland ordered {i} K9 howitzers from South Korea.", {"id": f"d{i}"}) for i in range(n)]


def _only_these_failed(docs: list[Document], n: int, failed: dict[int, str]) -> None:
    assert [d.id for d in docs] == [f"d{i}" for i in range(n)]
    for i, doc in enumerate(docs):
        if i in failed:
            assert len(doc.errors) == 1, (i, doc.errors)
            assert doc.errors[0].startswith(f"item {i} (d{i}): {failed[i]}"), doc.errors
        else:
            assert doc.errors == (), (i, doc.errors)
            assert len(doc.arms_deals) == 1


@forked_workers
def test_a_dead_worker_costs_only_its_item(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("korpol._pipeline.parse", _faulty_parse)
    docs = parse_many(_items(40, {5: "KILL", 23: "KILL"}), processes=2, chunksize=4)
    died = "WorkerDied: the worker process died while parsing this item"
    _only_these_failed(docs, 40, {5: died, 23: died})


@forked_workers
def test_a_worker_killed_while_sending_its_result_costs_only_its_item(monkeypatch: pytest.MonkeyPatch) -> None:
    """Half a result in the pipe, then the worker dies: the batch must not wait for the rest for ever."""
    parent = os.getpid()
    real_send = Connection._send_bytes

    def half_then_die(self: Connection, buf: Any) -> None:
        data = bytes(buf)
        if os.getpid() != parent and b"HALFSEND" in data:
            self._send(struct.pack("!i", len(data)) + data[: len(data) // 2])  # type: ignore[attr-defined]
            os._exit(9)
        real_send(self, buf)  # type: ignore[arg-type]

    monkeypatch.setattr(Connection, "_send_bytes", half_then_die)
    start = time.monotonic()
    docs = parse_many(_items(16, {9: "HALFSEND"}), processes=2, chunksize=4)
    assert time.monotonic() - start < 30
    _only_these_failed(docs, 16, {9: "WorkerDied"})


@forked_workers
def test_a_dead_worker_in_the_caller_s_pool_costs_only_its_item(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("korpol._pipeline.parse", _faulty_parse)
    with ProcessPoolExecutor(2) as pool:
        docs = parse_many(_items(20, {3: "KILL"}), executor=pool, chunksize=4)
    _only_these_failed(docs, 20, {3: "WorkerDied"})


@forked_workers
@pytest.mark.parametrize("processes", [None, 2], ids=["in-process", "processes"])
def test_an_item_over_the_time_limit_fails_alone(monkeypatch: pytest.MonkeyPatch, processes: int | None) -> None:
    _real_parse("Poland ordered K9 howitzers.")  # (the reference data loads once, on the first parse)
    monkeypatch.setattr("korpol._pipeline.parse", _faulty_parse)
    docs = parse_many(_items(12, {4: "SPIN"}), processes=processes, chunksize=3, timeout=1)
    _only_these_failed(docs, 12, {4: "TimeoutError: parsing took longer than the time limit (1 s)"})


@forked_workers
def test_a_worker_stuck_beyond_its_time_limit_is_ended(monkeypatch: pytest.MonkeyPatch) -> None:
    _real_parse("Poland ordered K9 howitzers.")
    monkeypatch.setattr("korpol._pipeline.parse", _faulty_parse)
    monkeypatch.setattr("korpol._batch.GRACE", 0.5)
    start = time.monotonic()
    docs = parse_many(_items(8, {2: "STUCK"}), processes=2, chunksize=2, timeout=1)
    assert time.monotonic() - start < 30
    _only_these_failed(docs, 8, {2: "TimeoutError"})


@forked_workers
def test_abandoning_a_batch_ends_its_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("korpol._pipeline.parse", _faulty_parse)
    earlier = set(multiprocessing.active_children())  # other tests' pools, not ours

    def interrupted() -> None:
        for _doc in iter_parse(_items(20, {6: "STUCK"}), processes=2, chunksize=1):
            raise KeyboardInterrupt  # Ctrl-C while a worker is stuck

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    deadline = time.monotonic() + 10
    while set(multiprocessing.active_children()) - earlier and time.monotonic() < deadline:
        time.sleep(0.05)
    assert set(multiprocessing.active_children()) - earlier == set()


# ---------------------------------------------------------------- items that fail in odd ways


class _BadPath:
    def __fspath__(self) -> str:
        raise PermissionError("the share went away")


class _BadMetadata(Mapping[str, Any]):
    def __getitem__(self, key: str) -> Any:
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        raise RuntimeError("metadata from a broken database cursor")

    def __len__(self) -> int:
        return 1


def test_items_that_raise_cost_only_themselves() -> None:
    text = "Poland ordered K9 howitzers from South Korea."
    items: list[Any] = [text, _BadPath(), (text, _BadMetadata()), (text, {"id": "f", "title": lambda: "x"}), text]
    docs = parse_many(items, processes=2, chunksize=8)
    assert [bool(d.errors) for d in docs] == [False, True, True, True, False]
    assert docs[1].errors == ("item 1: PermissionError: the share went away",)
    assert docs[2].errors == ("item 2: RuntimeError: metadata from a broken database cursor",)
    assert docs[3].errors[0].startswith("item 3 (f): InputTypeError: title: expected str or None, got function")
    assert docs[3].text == text


def test_an_extraction_failure_names_its_item(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing_rule(*args: Any, **kwargs: Any) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("korpol._records.leaders.LeaderRule.records", failing_rule)
    docs = parse_many([("Andrzej Duda met Yoon Suk Yeol.", {"id": "x"})])
    assert docs[0].errors == ("item 0 (x): leaders rule failed: ZeroDivisionError: a bug",)
