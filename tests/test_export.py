"""Exports: exact JSON Lines and SQLite round trips, CSV columns, atomic writes, the SQL in the docs."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import stat
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
    parse,
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


# ---------------------------------------------------------------- text a spreadsheet would run

FORMULAS = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def _hostile_corpus() -> Corpus:
    docs = []
    for i, formula in enumerate(FORMULAS):
        sentence = formula + " Poland signed a deal."
        ev = Evidence(doc_id=formula, start=0, end=len(sentence), text=sentence, sentence=sentence)
        deal = ArmsDeal(supplier=KR, recipient=PL, status="signed", systems=[formula], quantity=180,
                        value=Money(amount="6500000000", currency="USD", text=formula), evidence=[ev],
                        date=TimeSpan.year(2020 + i))
        docs.append(Document(id=formula, title=formula, source=formula, text=sentence, arms_deals=[deal]))
    docs.append(Document(id="-5", title="+1.5", text="."))  # numbers stay numbers
    return Corpus(docs)


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(tmp_path: Path) -> None:
    kb = _hostile_corpus()
    kb.to_csv(tmp_path)
    cells = []
    for name in ("documents", "arms_deals", "reports"):
        for row in _read(tmp_path / f"{name}.csv"):
            cells += list(row.values())
    assert cells
    running = [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r")) and c not in ("-5", "+1.5")]
    assert running == []
    documents = _read(tmp_path / "documents.csv")
    assert [d["id"] for d in documents] == ["'" + f for f in FORMULAS] + ["-5"]
    assert documents[-1]["title"] == "+1.5"
    deals = _read(tmp_path / "arms_deals.csv")
    assert {d["value_amount"] for d in deals} == {"6500000000"}
    assert {d["quantity"] for d in deals} == {"180"}
    assert deals[0]["systems"] == "'" + FORMULAS[0]


def test_jsonl_and_sqlite_keep_such_text_exactly(tmp_path: Path) -> None:
    kb = _hostile_corpus()
    assert load_jsonl(kb.save_jsonl(tmp_path / "k.jsonl")) == kb
    assert Corpus.from_sqlite(kb.to_sqlite(tmp_path / "k.db")) == kb


def test_the_dataframe_can_be_made_safe_for_a_spreadsheet() -> None:
    pytest.importorskip("pandas")
    deals = _hostile_corpus().arms_deals()
    safe = deals.to_dataframe(spreadsheet_safe=True)
    raw = deals.to_dataframe()
    assert [FORMULAS[0]] in list(raw["systems"])  # exact by default (a list column: each cell a list)
    cells = [item for items in safe["systems"] for item in items]
    assert cells
    assert not any(item.startswith(("=", "+", "@", "\t", "\r")) for item in cells)
    assert list(safe["n_reports"]) == list(raw["n_reports"])  # numbers unchanged


# ---------------------------------------------------------------- file permissions


@pytest.fixture
def umask() -> Any:
    def set_to(mask: int) -> None:
        os.umask(mask)

    old = os.umask(0o022)
    os.umask(old)
    yield set_to
    os.umask(old)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077])
def test_new_export_files_get_the_umask_s_mode(tmp_path: Path, umask: Any, mask: int) -> None:
    umask(mask)
    kb = Corpus([Document(id="a", text="Seoul")])
    written = [kb.save_jsonl(tmp_path / "k.jsonl"), kb.to_sqlite(tmp_path / "k.db"), *kb.to_csv(tmp_path / "csv")]
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in written} == {oct(0o666 & ~mask)}


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_replaced_export_keeps_its_mode(tmp_path: Path, umask: Any) -> None:
    umask(0o077)
    kb = Corpus([Document(id="a", text="Seoul")])
    targets = [tmp_path / "k.jsonl", tmp_path / "k.db", tmp_path / "csv" / "documents.csv"]
    (tmp_path / "csv").mkdir()
    for path in targets:
        path.write_text("old")
        path.chmod(0o644)
    kb.save_jsonl(targets[0])
    kb.to_sqlite(targets[1])
    kb.to_csv(tmp_path / "csv")
    assert [oct(stat.S_IMODE(p.stat().st_mode)) for p in targets] == [oct(0o644)] * 3


# ---------------------------------------------------------------- any text parse() accepts round-trips

_any_text = st.lists(
    st.one_of(
        st.characters(),
        st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, categories=["Cs"]),  # lone surrogates
        st.sampled_from(["\ud83d", "\ude00", "\ud83d\ude00", "😀", "\x00", "\u2028", "\r\n"]),  # a split pair
    ),
    max_size=40,
).map("".join)


@settings(max_examples=60, deadline=None)
@given(text=_any_text, extra=st.sampled_from(["", " Poland bought K2 tanks for $3.4 billion."]))
def test_every_export_round_trips_any_text_parse_accepts(
    tmp_path_factory: pytest.TempPathFactory, text: str, extra: str
) -> None:
    folder = tmp_path_factory.mktemp("any")
    doc = parse(text + extra, id="a", title=text, source=text)
    kb = Corpus([doc])
    with _no_fsync():
        assert load_jsonl(kb.save_jsonl(folder / "k.jsonl")) == kb
        assert Corpus.from_sqlite(kb.to_sqlite(folder / "k.db")) == kb
        for path in kb.to_csv(folder / "csv"):
            path.read_bytes().decode("utf-8")  # valid UTF-8, every file
    # JSON written with \u escapes (json.dumps' default, as docs/scaling.md shows) reads back too
    assert Document.from_dict(json.loads(json.dumps(doc.to_dict()))) == doc


def test_a_lone_surrogate_becomes_a_replacement_character_one_for_one() -> None:
    doc = parse("Poland \ud83d bought K2 tanks from South Korea for $3.4 billion.")
    assert doc.text == "Poland \ufffd bought K2 tanks from South Korea for $3.4 billion."
    (deal,) = doc.arms_deals
    assert doc.text[deal.evidence[0].start : deal.evidence[0].end] == deal.evidence[0].text


def test_a_hand_built_document_with_a_surrogate_is_written_with_a_replacement(tmp_path: Path) -> None:
    kb = Corpus([Document(id="a\ud800", text="Seoul \udc00")])
    (again,) = load_jsonl(kb.save_jsonl(tmp_path / "k.jsonl"))
    assert (again.id, again.text) == ("a\ufffd", "Seoul \ufffd")
    kb.to_csv(tmp_path)
    assert "a\ufffd" in (tmp_path / "documents.csv").read_text(encoding="utf-8")


def test_escaped_surrogates_in_a_jsonl_file_are_read_as_replacements(tmp_path: Path) -> None:
    path = tmp_path / "k.jsonl"
    path.write_text('{"id": "a", "text": "x\\ud83d\\ude00y\\udc00"}\n', encoding="utf-8")
    (doc,) = load_jsonl(path)
    assert doc.text == "x😀y\ufffd"
