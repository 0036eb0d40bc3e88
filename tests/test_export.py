"""Exports: exact JSON Lines and SQLite round trips, CSV columns, atomic writes, the SQL in the docs."""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from korpol import (
    ArmsDeal,
    Country,
    Document,
    Evidence,
    Leader,
    Money,
    TimeSpan,
    ValidationError,
    load_jsonl,
    save_jsonl,
)
from korpol._corpus import Corpus
from korpol._io.atomic import atomic_path
from korpol._io.columns import AGGREGATES, AGREEMENTS, AID, DEALS, DOCUMENTS, LEADERS, REPORTS
from korpol._io.sqlite import SCHEMA
from tests import strategies

DOCS = Path(__file__).resolve().parents[1] / "docs"
KR, PL = Country(code="KR", name="South Korea"), Country(code="PL", name="Poland")


def _unique_ids(docs: list[Document]) -> bool:
    ids = [d.id for d in docs if d.id is not None]
    return len(ids) == len(set(ids))


def _no_fsync() -> Any:
    """Durability is not what the round-trip properties test; fsync is slow on CI disks."""
    return mock.patch("os.fsync", return_value=None)


corpora = st.lists(strategies.documents(), max_size=3).filter(_unique_ids)


def report(doc_id: str, published: str, sentence: str, **deal: Any) -> Document:
    ev = Evidence(doc_id=doc_id, start=0, end=len(sentence), text=sentence, sentence=sentence)
    record = ArmsDeal(supplier=KR, recipient=PL, evidence=[ev], **deal)
    leader = Leader(name="Andrzej Duda", role="president", country=PL, evidence=[ev])
    return Document(id=doc_id, published=published, text=sentence, arms_deals=[record], leaders=[leader])


@pytest.fixture
def kb() -> Corpus:
    return Corpus(
        [
            report(
                "w1",
                "2025-08-02",
                "Poland signed a $6.5 billion deal for 180 K2 tanks, Duda said.",
                status="signed",
                systems=["K2"],
                quantity=180,
                date=TimeSpan.year(2025),
                value=Money(amount="6500000000", currency="USD", text="$6.5 billion"),
            ),
            report(
                "w2",
                "2025-08-04",
                "The contract, worth 9 trillion won, covers 180 tanks, Duda said.",
                status="signed",
                systems=["tanks"],
                quantity=180,
                date=TimeSpan.year(2025),
                value=Money(amount="9000000000000", currency="KRW", text="9 trillion won"),
            ),
        ]
    )


# ---------------------------------------------------------------- JSON Lines


@settings(max_examples=25)
@given(docs=corpora)
def test_jsonl_round_trip_is_exact(tmp_path_factory: pytest.TempPathFactory, docs: list[Document]) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "corpus.jsonl"
    with _no_fsync():
        save_jsonl(docs, path)
    assert load_jsonl(path).documents == tuple(docs)


def test_jsonl_one_document_per_line(kb: Corpus, tmp_path: Path) -> None:
    path = kb.save_jsonl(tmp_path / "c.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert '"amount":"6500000000"' in lines[0]


def test_jsonl_bad_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "text": ""}\n{"id": "b", "published": "yesterday"}\n', encoding="utf-8")
    with pytest.raises(ValidationError, match="line 2"):
        load_jsonl(path)


# ---------------------------------------------------------------- SQLite


@settings(max_examples=25)
@given(docs=corpora)
def test_sqlite_round_trip_is_exact(tmp_path_factory: pytest.TempPathFactory, docs: list[Document]) -> None:
    path = tmp_path_factory.mktemp("db") / "corpus.db"
    with _no_fsync():
        Corpus(docs).to_sqlite(path)
    assert Corpus.from_sqlite(path).documents == tuple(docs)


def test_sqlite_tables_keys_and_indexes(kb: Corpus, tmp_path: Path) -> None:
    path = kb.to_sqlite(tmp_path / "k.db")
    db = sqlite3.connect(path)
    try:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"documents", "parties", "merged", "arms_deals", "agreements", "leaders", "evidence"} <= tables
        foreign = {(r[2], r[3]) for r in db.execute("PRAGMA foreign_key_list(arms_deals)")}
        assert {("documents", "doc"), ("merged", "merged_id"), ("parties", "supplier")} <= foreign
        indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"arms_deals_parties", "evidence_record"} <= indexes
        db.execute("PRAGMA foreign_keys = ON")
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        merged = db.execute("SELECT id, n_reports, value_amount, value_currency FROM merged").fetchall()
        assert merged == [("deal-1", 2, 6500000000, "USD")]
        rows = db.execute(
            "SELECT merged_id, value_amount, value_currency FROM arms_deals ORDER BY doc"
        ).fetchall()
        assert rows == [("deal-1", 6500000000, "USD"), ("deal-1", 9000000000000, "KRW")]
        assert db.execute("SELECT code, kind, name FROM parties ORDER BY code").fetchall() == [
            ("KR", "country", "South Korea"),
            ("PL", "country", "Poland"),
        ]
    finally:
        db.close()


def test_from_sqlite_rejects_other_files(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    sqlite3.connect(other).close()
    with pytest.raises(ValidationError, match="not a korpol"):
        Corpus.from_sqlite(other)
    with pytest.raises(FileNotFoundError):
        Corpus.from_sqlite(tmp_path / "missing.db")


# ---------------------------------------------------------------- CSV


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_csv_files_and_columns(kb: Corpus, tmp_path: Path) -> None:
    written = kb.to_csv(tmp_path / "tables")
    expected = {
        "documents.csv": DOCUMENTS.names,
        "arms_deals.csv": DEALS.names,
        "aid_packages.csv": AID.names,
        "agreements.csv": AGREEMENTS.names,
        "leaders.csv": LEADERS.names,
        "reports.csv": REPORTS.names,
        "aggregates.csv": AGGREGATES.names,
    }
    assert sorted(p.name for p in written) == sorted(expected)
    for name, columns in expected.items():
        with (tmp_path / "tables" / name).open(encoding="utf-8") as fh:
            assert next(csv.reader(fh)) == list(columns)
    docs_md = (DOCS / "exports.md").read_text(encoding="utf-8")
    for name, columns in expected.items():  # the documented columns are the written ones
        assert f"| `{name}` | {', '.join(columns)} |" in docs_md


def test_csv_values(kb: Corpus, tmp_path: Path) -> None:
    kb.to_csv(tmp_path)
    (deal,) = _read(tmp_path / "arms_deals.csv")
    assert deal["id"] == "deal-1"
    assert (deal["supplier"], deal["recipient"], deal["status"]) == ("KR", "PL", "signed")
    assert (deal["value_amount"], deal["value_currency"]) == ("6500000000", "USD")
    assert deal["systems"] == "K2; tanks"
    assert (deal["quantity"], deal["n_reports"], deal["doc_ids"]) == ("180", "2", "w1; w2")
    assert deal["date_start"] == "2025-01-01"
    reports = _read(tmp_path / "reports.csv")
    assert [(r["doc_id"], r["value_amount"], r["value_currency"]) for r in reports] == [
        ("w1", "6500000000", "USD"),
        ("w2", "9000000000000", "KRW"),
    ]
    assert reports[1]["evidence_text"].startswith("The contract, worth 9 trillion won")
    (leader,) = _read(tmp_path / "leaders.csv")
    assert (leader["name"], leader["n_mentions"], leader["doc_ids"]) == ("Andrzej Duda", "2", "w1; w2")


# ---------------------------------------------------------------- atomic writes


def test_interrupted_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    def interrupted_export() -> None:
        with atomic_path(target) as tmp:
            tmp.write_text("half", encoding="utf-8")
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        interrupted_export()
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_failed_sqlite_export_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import korpol._io.sqlite as export

    def boom(*args: Any) -> None:
        raise sqlite3.OperationalError("disk full")

    monkeypatch.setattr(export, "_write_database", boom)
    with pytest.raises(sqlite3.OperationalError):
        Corpus([]).to_sqlite(tmp_path / "k.db")
    assert list(tmp_path.iterdir()) == []


def test_missing_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nowhere"):
        save_jsonl([], tmp_path / "nowhere" / "x.jsonl")


# ---------------------------------------------------------------- the docs run


def _blocks(language: str) -> list[str]:
    text = (DOCS / "exports.md").read_text(encoding="utf-8")
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.S)


@pytest.fixture(scope="module")
def docs_workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the Python blocks of docs/exports.md; their files stay for the SQL tests."""
    workdir = tmp_path_factory.mktemp("exports-doc")
    namespace: dict[str, Any] = {"__name__": "exports_doc"}
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(workdir)
        for block in _blocks("python"):
            exec(compile(block, str(DOCS / "exports.md"), "exec"), namespace)
    return workdir


def test_docs_python_blocks_run(docs_workdir: Path) -> None:
    assert (docs_workdir / "korpol.db").is_file()
    assert (docs_workdir / "tables" / "arms_deals.csv").is_file()


@pytest.mark.parametrize("sql", _blocks("sql"), ids=lambda s: s.splitlines()[0][3:50])
def test_docs_sql_runs(docs_workdir: Path, sql: str) -> None:
    db = sqlite3.connect(docs_workdir / "korpol.db")
    try:
        rows = db.execute(sql).fetchall()
    finally:
        db.close()
    assert isinstance(rows, list)
    shell = shutil.which("sqlite3")
    if shell is not None:
        done = subprocess.run(
            [shell, "-bail", str(docs_workdir / "korpol.db")],
            input=sql,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""


def test_docs_schema_names_every_table() -> None:
    text = (DOCS / "exports.md").read_text(encoding="utf-8")
    for table in re.findall(r"CREATE TABLE (\w+)", SCHEMA):
        assert f"`{table}`" in text, table


def test_dates_are_iso_text_in_sqlite(kb: Corpus, tmp_path: Path) -> None:
    db = sqlite3.connect(kb.to_sqlite(tmp_path / "k.db"))
    try:
        published = [r[0] for r in db.execute("SELECT published FROM documents ORDER BY published")]
    finally:
        db.close()
    assert published == ["2025-08-02", "2025-08-04"]
    assert dt.date.fromisoformat(published[0]) == dt.date(2025, 8, 2)
