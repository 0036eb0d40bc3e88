"""The command line: what a shell user sees, and exit codes they can act on."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from korpol._cli import Progress, main
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
    assert err == ""  # no progress bar when stderr is not a terminal


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


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal() -> None:
    pipe, tty = io.StringIO(), _Terminal()
    for stream in (pipe, tty):
        bar = Progress(stream)
        for i in range(3):
            bar(i, 3, f"{i}.txt")
        bar(3, 3, "")
    assert pipe.getvalue() == ""
    assert "[##########....................] 1/3 1.txt" in tty.getvalue()
    assert tty.getvalue().endswith("\r")  # the line is cleared at the end
