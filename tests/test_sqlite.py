"""SQLite: numbers typed as numbers, lists as JSON arrays, old files read, hostile files refused fast."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest

from korpol import ArmsDeal, Corpus, Document, KorpolError, Money, TimeSpan, ValidationError
from korpol._io.sqlite import SCHEMA

K2 = "Poland signed a contract on Friday to buy 180 K2 tanks and 96 K9 howitzers from South Korea for $6.5 billion."


def _deal(i: int, usd: int, systems: tuple[str, ...]) -> Document:
    deal = ArmsDeal(supplier="KR", recipient="PL", status="signed", systems=systems, quantity=i,
                    value=Money(amount=usd, currency="USD"), date=TimeSpan.year(2020 + i))
    return Document(id=f"d{i}", published=f"202{i}-06-01", arms_deals=[deal])


@pytest.fixture
def db(tmp_path: Path) -> sqlite3.Connection:
    # values whose text order differs from their numeric order: "900000000" > "10000000000" as text
    kb = Corpus([_deal(1, 900_000_000, ("K2",)), _deal(2, 10_000_000_000, ("K9", "K239")),
                 _deal(3, 2_500_000_000, ())])
    connection = sqlite3.connect(kb.to_sqlite(tmp_path / "kb.db"))
    yield connection
    connection.close()


def test_order_by_value_usd_is_numeric_without_cast(db: sqlite3.Connection) -> None:
    rows = db.execute("SELECT value_usd FROM arms_deals ORDER BY value_usd DESC").fetchall()
    assert rows == [(10_000_000_000,), (2_500_000_000,), (900_000_000,)]
    merged = db.execute("SELECT value_amount FROM merged ORDER BY value_usd").fetchall()
    assert merged == [(900_000_000,), (2_500_000_000,), (10_000_000_000,)]


def test_sum_works_without_cast(db: sqlite3.Connection) -> None:
    assert db.execute("SELECT SUM(value_usd), SUM(value_amount) FROM arms_deals").fetchone() == (
        13_400_000_000, 13_400_000_000)
    assert db.execute("SELECT typeof(value_usd), typeof(quantity) FROM arms_deals LIMIT 1").fetchone() == (
        "integer", "integer")


def test_lists_are_json_arrays(db: sqlite3.Connection) -> None:
    assert db.execute("SELECT systems FROM arms_deals ORDER BY rid").fetchall() == [
        ('["K2"]',), ('["K9","K239"]',), ("[]",)]
    found = db.execute(
        "SELECT rid FROM arms_deals, json_each(arms_deals.systems) WHERE json_each.value = 'K9'"
    ).fetchall()
    assert found == [(2,)]


def test_a_fractional_amount_is_a_real(tmp_path: Path) -> None:
    deal = ArmsDeal(supplier="KR", recipient="PL", status="signed", value=Money(amount="0.5", currency="USD"))
    db = sqlite3.connect(Corpus([Document(id="a", arms_deals=[deal])]).to_sqlite(tmp_path / "k.db"))
    try:
        assert db.execute("SELECT value_amount, typeof(value_amount) FROM arms_deals").fetchone() == (0.5, "real")
    finally:
        db.close()


def test_the_round_trip_stays_exact(tmp_path: Path) -> None:
    kb = Corpus.from_texts([K2], published="2025-08-01")
    assert Corpus.from_sqlite(kb.to_sqlite(tmp_path / "k.db")) == kb


def test_the_schema_is_version_2(db: sqlite3.Connection) -> None:
    assert db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("2",)
    assert "value_usd NUMERIC" in SCHEMA


def _version_1(path: Path) -> Path:
    """A database as korpol 0.1 wrote it: amounts as exact decimal strings, lists '; '-joined."""
    kb = Corpus.from_texts([K2], published="2025-08-01")
    kb.to_sqlite(path)
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    db.execute("UPDATE arms_deals SET value_amount = CAST(value_amount AS TEXT), systems = 'K2; K9'")
    db.commit()
    db.close()
    return path


def test_a_version_1_file_reads_the_same(tmp_path: Path) -> None:
    path = _version_1(tmp_path / "old.db")
    assert Corpus.from_sqlite(path) == Corpus.from_texts([K2], published="2025-08-01")


# ---------------------------------------------------------------- hostile files


def _korpol_file(path: Path) -> Path:
    Corpus.from_texts([K2], published="2025-08-01").to_sqlite(path)
    return path


def _rewrite(path: Path, *statements: str) -> Path:
    db = sqlite3.connect(path)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()
    return path


RECURSIVE_VIEW = (
    "CREATE VIEW documents AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
    "SELECT i AS doc, NULL AS id, NULL AS published, NULL AS title, NULL AS source, NULL AS encoding, "
    "'' AS text, '[]' AS repairs, '[]' AS errors, '[]' AS mentions FROM n"
)


def test_a_recursive_view_is_refused_fast(tmp_path: Path) -> None:
    path = _rewrite(_korpol_file(tmp_path / "evil.db"), "DROP TABLE evidence", "DROP TABLE documents", RECURSIVE_VIEW)
    began = time.perf_counter()
    with pytest.raises(ValidationError) as info:
        Corpus.from_sqlite(path)
    assert time.perf_counter() - began < 2  # it used to run until killed
    assert str(info.value).startswith("database evil.db: ")
    assert "'documents' is a view, not a table" in str(info.value)


def test_a_table_replaced_by_a_view_of_itself_is_refused(tmp_path: Path) -> None:
    path = _rewrite(_korpol_file(tmp_path / "v.db"), "ALTER TABLE leaders RENAME TO leaders_t",
                    "CREATE VIEW leaders AS SELECT * FROM leaders_t")
    with pytest.raises(ValidationError, match="'leaders' is a view, not a table"):
        Corpus.from_sqlite(path)


@pytest.mark.parametrize(("stored", "message"), [
    ("1", None),
    ("99", "schema_version: 99 is not valid: this korpol reads versions 1, 2; a newer korpol wrote this file"),
], ids=["integer-1", "integer-99"])
def test_a_schema_version_stored_as_an_integer_reads_sensibly(tmp_path: Path, stored: str, message: str | None) -> None:
    # a crafted meta table whose value column has no type keeps the integer as an integer
    path = _rewrite(_korpol_file(tmp_path / "n.db"), "DROP TABLE meta", "CREATE TABLE meta (key TEXT, value)",
                    f"INSERT INTO meta VALUES ('schema_version', {stored}), ('generator', 'korpol')")
    db = sqlite3.connect(path)
    assert db.execute("SELECT typeof(value) FROM meta WHERE key = 'schema_version'").fetchone() == ("integer",)
    db.close()
    if message is None:
        assert len(Corpus.from_sqlite(path)) == 1
    else:
        with pytest.raises(ValidationError) as info:
            Corpus.from_sqlite(path)
        assert str(info.value) == f"database n.db: {message}"


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    ("statements", "reason"),
    [
        (["UPDATE documents SET mentions = '" + _nested(100_000) + "'"], "nested too deeply"),
        (["UPDATE arms_deals SET record = '{not json'"], "JSONDecodeError"),
        (["UPDATE arms_deals SET record = 42"], "ArmsDeal: 42 is not valid: expected a mapping"),
        (["UPDATE arms_deals SET record = x'00ff'"], "is not JSON text"),
        (["UPDATE arms_deals SET record = '" + json.dumps({"supplier": "KR", "x": 1}) + "'"], "unknown field"),
        (["UPDATE documents SET text = 'changed'"], "does not quote the document text"),
        (["DROP TABLE meetings"], "it has no 'meetings' table"),
        (["DELETE FROM meta"], "no schema_version"),
    ],
    ids=["deep-json", "bad-json", "number", "blob", "unknown-field", "evidence-mismatch", "missing-table", "no-version"],
)
def test_crafted_contents_become_one_error_naming_the_file(tmp_path: Path, statements: list[str], reason: str) -> None:
    path = _rewrite(_korpol_file(tmp_path / "bad.db"), *statements)
    with pytest.raises(ValidationError) as info:
        Corpus.from_sqlite(path)
    assert isinstance(info.value, KorpolError)
    assert str(info.value).startswith("database bad.db: ")
    assert reason in str(info.value)


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000],
                         ids=["empty", "text", "corrupt-header"])
def test_files_that_are_not_databases(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=r"^database x\.db: .*not a korpol SQLite export"):
        Corpus.from_sqlite(path)
