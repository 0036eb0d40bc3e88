"""The command line: what a shell user sees, and exit codes they can act on."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import korpol._pipeline
from korpol._cli import main
from korpol._io.display import format_table

ARTICLE = "Poland signed a contract with South Korea on Friday for 180 K2 tanks worth $6.5 billion.\n"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "a.json").write_text('{"published": "2025-08-01", "title": "Tank deal"}', encoding="utf-8")
    (folder / "b.txt").write_text("Seoul and Warsaw held talks on Tuesday.\n", encoding="utf-8")
    return folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- summary of the seeds


def test_default_summary_of_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys)
    assert code == 0
    assert "3 articles from the bundled seed articles" in out
    for heading in ("Arms deals (", "Aid packages (", "Agreements (", "Leaders (", "Timeline ("):
        assert heading in out
    assert "002_3f06c40906e4dae8  2024-10-24" in out
    assert err == ""


def test_the_seed_timeline_reads_plainly(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = run(capsys)
    timeline = out[out.index("Timeline (") :]
    assert "action plan KR–PL: until 2028" in timeline  # once "until until 2028"
    assert "until until" not in timeline
    # an undated record sits where it was first reported, and says so
    assert "reported 2024-10-24  arms deal KR → PL (framework)" in timeline
    # every record's sources start with their count, whatever its kind
    assert (
        "(undated)            deployment KP → RU: 3,000 troops                              1: 002_"
        in timeline
    )


def test_python_dash_m_korpol_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "korpol"], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "Arms deals (" in done.stdout


# ---------------------------------------------------------------- parse


def test_parse_table_uses_sidecar_metadata(capsys: pytest.CaptureFixture[str], articles: Path) -> None:
    code, out, _ = run(capsys, "parse", str(articles / "a.txt"))
    assert code == 0
    assert out.startswith("a — published 2025-08-01 — Tank deal\n")
    assert "Arms deals (" in out


def test_parse_published_overrides_and_json(capsys: pytest.CaptureFixture[str], articles: Path) -> None:
    code, out, _ = run(
        capsys, "parse", str(articles / "a.txt"), "--published", "2025-08-03", "--format", "json"
    )
    assert code == 0
    doc = json.loads(out)
    assert (doc["id"], doc["published"], doc["title"]) == ("a", "2025-08-03", "Tank deal")
    assert doc["text"] == ARTICLE


def test_parse_jsonl_several_files(capsys: pytest.CaptureFixture[str], articles: Path) -> None:
    code, out, err = run(
        capsys, "parse", str(articles / "a.txt"), str(articles / "b.txt"), "--format", "jsonl"
    )
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a", "b"]
    # not a terminal: no progress bar, only the final line of counts
    assert err.startswith("korpol: 2 documents, ")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["parse", "missing.txt"], "no such file: missing.txt"),
        (["parse", "{dir}"], "is a directory, not a file: {dir}"),
        (["parse", "{dir}/a.txt", "--published", "24/10/2024"], "invalid date '24/10/2024'"),
        (["parse", "{dir}/a.txt", "--published", "2024-02-30"], "invalid date '2024-02-30'"),
        (["parse", "{dir}/a.txt", "--format", "xml"], "invalid choice: 'xml'"),
        (["export", "nowhere", "--jsonl", "x.jsonl"], "no such directory: nowhere"),
        (["export", "{dir}"], "one of the arguments --sqlite --csv --jsonl is required"),
        (["export", "{dir}", "--csv", "a", "--jsonl", "b"], "not allowed with argument"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
    ids=[
        "missing-file",
        "directory",
        "bad-date-format",
        "impossible-date",
        "bad-format",
        "missing-dir",
        "no-target",
        "two-targets",
        "unknown-command",
    ],
)
def test_usage_errors_exit_2_naming_the_problem(
    capsys: pytest.CaptureFixture[str], articles: Path, argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *(a.format(dir=articles) for a in argv))
    assert code == 2
    assert message.format(dir=articles) in err
    assert out == ""


def test_empty_directory_is_a_usage_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "export", str(tmp_path), "--jsonl", str(tmp_path / "x.jsonl"))
    assert code == 2
    assert f"no *.txt files in {tmp_path}" in err


# ---------------------------------------------------------------- export


def test_export_each_format(capsys: pytest.CaptureFixture[str], articles: Path, tmp_path: Path) -> None:
    assert run(capsys, "export", str(articles), "--sqlite", str(tmp_path / "k.db"))[0] == 0
    db = sqlite3.connect(tmp_path / "k.db")
    try:
        assert db.execute("SELECT id, published FROM documents ORDER BY doc").fetchall() == [
            ("a", "2025-08-01"),
            ("b", None),
        ]
    finally:
        db.close()
    code, _, err = run(capsys, "export", str(articles), "--csv", str(tmp_path / "tables"))
    assert code == 0
    assert "2 documents exported" in err
    assert (tmp_path / "tables" / "arms_deals.csv").is_file()
    assert run(capsys, "export", str(articles), "--jsonl", str(tmp_path / "c.jsonl"))[0] == 0
    lines = (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["a", "b"]


def test_export_default_published(capsys: pytest.CaptureFixture[str], articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "c.jsonl"
    assert run(capsys, "export", str(articles), "--jsonl", str(out), "--published", "2024-01-02")[0] == 0
    published = [json.loads(line)["published"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert published == ["2025-08-01", "2024-01-02"]  # the sidecar wins over the default


# ---------------------------------------------------------------- evaluate hook


def test_evaluate_passes_its_arguments(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[list[str]] = []
    fake = type(sys)("korpol._evaluate")
    fake.main = lambda args: seen.append(args) or 3  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "korpol._evaluate", fake)
    code, _, _ = run(capsys, "evaluate", "gold/", "--show-errors")
    assert code == 3
    assert seen == [["gold/", "--show-errors"]]


# ---------------------------------------------------------------- tables and progress


def test_table_alignment() -> None:
    table = format_table(["Supplier → recipient", "Value"], [["KR → PL", "USD 6.5 billion"], ["US → PL", ""]])
    lines = table.splitlines()
    assert lines[0] == "Supplier → recipient  Value"
    assert lines[2].index("USD") == lines[0].index("Value")
    assert lines[3] == "US → PL"




# ---------------------------------------------------------------- real batches


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert re.fullmatch(r"korpol \S+\n", out)


@pytest.mark.parametrize("command", ["parse", "export", "summary"])
def test_processes_give_the_same_records(capsys: pytest.CaptureFixture[str], articles: Path, tmp_path: Path,
                                         command: str) -> None:
    def output(*extra: str) -> str:
        if command == "parse":
            code, out, _ = run(capsys, "parse", str(articles / "a.txt"), str(articles / "b.txt"), "--format", "jsonl", *extra)
            assert code == 0
            return out
        if command == "export":
            target = tmp_path / f"out{len(extra)}.jsonl"
            assert run(capsys, "export", str(articles), "--jsonl", str(target), *extra)[0] == 0
            return target.read_text(encoding="utf-8")
        code, out, _ = run(capsys, "summary", str(articles), *extra)
        assert code == 0
        return out

    assert output("--processes", "2") == output()


def _many(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"n{i:02d}.txt").write_text(f"Poland ordered {i + 1} K9 howitzers from South Korea.", encoding="utf-8")
    return folder


def test_a_summary_of_a_large_folder_does_not_list_every_article(capsys: pytest.CaptureFixture[str],
                                                                tmp_path: Path) -> None:
    folder = _many(tmp_path / "many", 12)
    (folder / "n03.json").write_text('{"published": "2024-01-05"}', encoding="utf-8")
    (folder / "n07.json").write_text('{"published": "2023-11-30"}', encoding="utf-8")
    code, out, err = run(capsys, "summary", str(folder))
    assert code == 0
    head = out[: out.index("Arms deals (")]
    assert "korpol: 12 articles from" in head
    assert "n05" not in head
    assert "published 2023-11-30 to 2024-01-05, 10 without a date (--list shows one line per article)" in head
    assert err.startswith("korpol: 12 documents, 12 records, 0 with errors")
    code, out, _ = run(capsys, "summary", str(folder), "--list")
    head = out[: out.index("Arms deals (")]
    assert [line.split()[0] for line in head.splitlines()[2:-1]] == [f"n{i:02d}" for i in range(12)]


# ---------------------------------------------------------------- one bad file does not stop a folder


def test_bad_files_are_reported_one_line_each_and_the_rest_exported(capsys: pytest.CaptureFixture[str],
                                                                   articles: Path, tmp_path: Path) -> None:
    (articles / "c.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "c.json").write_text("{not json", encoding="utf-8")
    (articles / "d.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "d.json").write_bytes(b'{"title": "caf\xe9"}')  # not UTF-8
    (articles / "e.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "e.json").write_text('{"published": "yesterday"}', encoding="utf-8")
    (articles / "f.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "f.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")  # nested past recursion
    target = tmp_path / "out.jsonl"
    code, _, err = run(capsys, "export", str(articles), "--jsonl", str(target))
    assert code == 1
    assert "Traceback" not in err
    failures = [line for line in err.splitlines() if line.startswith("korpol: error:")]
    assert [line.split(": ")[2] for line in failures] == [str(articles / n) for n in ("c.txt", "d.txt", "e.txt", "f.txt")]
    assert "published: 'yesterday' is not valid" in failures[2]
    docs = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [(d["id"], bool(d["errors"])) for d in docs] == [
        ("a", False), ("b", False), ("c", True), ("d", True), ("e", True), ("f", True)
    ]
    assert docs[0]["arms_deals"]  # the good files are parsed as ever


def test_a_manifest_that_is_not_utf8_does_not_stop_the_folder(capsys: pytest.CaptureFixture[str],
                                                             articles: Path, tmp_path: Path) -> None:
    (articles / "manifest.tsv").write_bytes(b"file\ttitle\na.txt\tcaf\xe9\n")
    code, _, err = run(capsys, "export", str(articles), "--jsonl", str(tmp_path / "out.jsonl"))
    assert code == 1
    assert "Traceback" not in err
    assert err.count("manifest.tsv not read: UnicodeDecodeError") == 2  # a line for each file
    docs = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert docs[0]["arms_deals"]  # parsed all the same, with the sidecar's metadata
    assert docs[0]["title"] == "Tank deal"


@pytest.mark.parametrize(
    ("option", "kind", "message"),
    [
        ("--sqlite", "dir", "is a directory; give a file name"),
        ("--jsonl", "dir", "is a directory; give a file name"),
        ("--csv", "file", "is a file; give a folder for the CSV files"),
        ("--sqlite", "nowhere", "no such directory"),
    ],
)
def test_an_output_of_the_wrong_kind_is_a_usage_error(capsys: pytest.CaptureFixture[str], articles: Path,
                                                      tmp_path: Path, option: str, kind: str, message: str) -> None:
    target = {"dir": tmp_path, "file": articles / "a.txt", "nowhere": tmp_path / "no" / "k.db"}[kind]
    code, _, err = run(capsys, "export", str(articles), option, str(target))
    assert code == 2
    assert f"korpol: error: {option} {target}: {message}" in err
    assert "Traceback" not in err


# ---------------------------------------------------------------- Ctrl-C


# A SIGINT that lands between ``open()`` and its ``with`` in ``Path.read_bytes`` leaves a file object
# for the collector: CPython reports it as unraisable (a ResourceWarning, silent outside dev mode).
# The interrupted run's exit code, message and output are what this test checks.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.parametrize("processes", [None, "2"], ids=["in-process", "processes"])
def test_ctrl_c_exits_130_with_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, processes: str | None
) -> None:
    folder = _many(tmp_path / "many", 30)
    real = korpol._pipeline.parse
    calls = []
    me = os.getpid()

    def interrupted_on_the_third(text: Any, **meta: Any) -> Any:
        calls.append(1)
        if len(calls) == 3:
            os.kill(me, signal.SIGINT)  # as Ctrl-C does (this process's main thread; workers ignore it)
        return real(text, **meta)

    monkeypatch.setattr("korpol._pipeline.parse", interrupted_on_the_third)
    extra = [] if processes is None else ["--processes", processes]
    target = tmp_path / "out.db"
    code, _, err = run(capsys, "export", str(folder), "--sqlite", str(target), *extra)
    if processes is not None and code == 0:
        pytest.skip("the workers parsed everything before the parent saw the signal")
    assert code == 130
    assert err.strip().splitlines()[-1].startswith(f"korpol: interrupted while parsing {folder} (")
    assert err.strip().endswith("; no partial output was written")
    assert "Traceback" not in err
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["many"]  # no temporary file either


def test_the_same_file_name_in_two_folders_is_named_by_its_path(capsys: pytest.CaptureFixture[str],
                                                                tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "parse", str(tmp_path / "one" / "x.txt"), str(tmp_path / "two" / "x.txt"),
                       "--format", "jsonl")
    assert code == 0
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["id"] for d in docs] == ["x", str(tmp_path / "two" / "x.txt")]
    assert docs[1]["arms_deals"][0]["evidence"][0]["doc_id"] == str(tmp_path / "two" / "x.txt")
