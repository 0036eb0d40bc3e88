"""An SQLite database of documents and records, for the ``sqlite3`` shell, Datasette and sqlite-utils.

Why this module exists: an SQL shell answers questions no query method foresaw.  The
database has tables for documents, parties, each record type, merged records and evidence,
with foreign keys and indexes (:data:`SCHEMA`, ``docs/exports.md``); every record row also
keeps its lossless JSON, so reading the database back gives the same documents.  The table
of each record type is built from its columns in :mod:`korpol._io.columns`.

Cells are typed the way Datasette and sqlite-utils users expect: amounts and US-dollar values
are numbers (``NUMERIC``: an integer where the amount is whole, else a real), so ``ORDER BY
value_usd`` and ``SUM(value_usd)`` work without ``CAST``; lists are JSON arrays
(``json_each(systems)``); dates are ISO text; flags 0/1.  The exact decimal of every amount
stays in the record's JSON.

Reading is for files korpol wrote (schema version 1 or 2); any other file fails fast with a
:class:`~korpol.ValidationError` naming it: the tables read must be tables (never views,
which would run SQL the file defines), and every failure of SQLite or of the JSON inside is
reported as the file's problem, not as a raw ``sqlite3`` or ``json`` error.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from korpol._errors import ValidationError
from korpol._io.atomic import PathLike, atomic_path
from korpol._io.columns import AGREEMENTS, RECORD_TABLES, Table, usd_amount
from korpol._io.display import describe
from korpol._model import Country, Document, Mention, Organization, Party
from korpol._model.merged import (
    MergedAgreement,
    MergedAidPackage,
    MergedArmsDeal,
    MergedRecord,
    parties_of,
    record_year,
)

__all__ = ["SCHEMA", "SCHEMA_VERSION", "read_sqlite", "write_sqlite"]

#: The version this korpol writes.  2: amounts and USD values are numbers, lists JSON arrays.
SCHEMA_VERSION = "2"

#: The versions this korpol reads (their documents and record JSON are the same).
READABLE_VERSIONS = ("1", "2")

_DOCUMENTS_AND_MERGED = """\
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE documents (
    doc INTEGER PRIMARY KEY,          -- position in the corpus, from 1
    id TEXT UNIQUE,
    published TEXT,                   -- ISO date
    title TEXT,
    source TEXT,
    encoding TEXT,
    text TEXT NOT NULL,               -- the original text every evidence offset indexes
    repairs TEXT NOT NULL,            -- JSON array
    errors TEXT NOT NULL,             -- JSON array
    mentions TEXT NOT NULL            -- JSON array of mentions
);
CREATE TABLE parties (
    code TEXT PRIMARY KEY,            -- ISO 3166-1 alpha-2, or an organisation code (NATO)
    kind TEXT NOT NULL CHECK (kind IN ('country', 'organization')),
    name TEXT NOT NULL
);
CREATE TABLE merged (
    id TEXT PRIMARY KEY,              -- deal-1, aid-1, agreement-1
    type TEXT NOT NULL CHECK (type IN ('arms_deal', 'aid_package', 'agreement')),
    summary TEXT NOT NULL,
    status_or_kind TEXT NOT NULL,
    value_amount NUMERIC,             -- a number (the exact decimal is in record)
    value_currency TEXT,
    value_usd NUMERIC,                -- estimated at the year's average rate
    date_start TEXT,
    date_end TEXT,
    n_reports INTEGER NOT NULL,
    conflicting INTEGER NOT NULL,     -- 1 when the reports state incompatible values
    record TEXT NOT NULL              -- the merged record as JSON
);
"""

#: An agreement's parties, in order (an agreement has any number of them).
_AGREEMENT_PARTIES = """\
CREATE TABLE agreement_parties (
    agreement INTEGER NOT NULL REFERENCES agreements(rid),
    position INTEGER NOT NULL,
    party TEXT NOT NULL REFERENCES parties(code),
    PRIMARY KEY (agreement, position)
);
"""

_EVIDENCE = """\
CREATE TABLE evidence (
    eid INTEGER PRIMARY KEY,
    record_table TEXT NOT NULL,       -- arms_deals, aid_packages, agreements, leaders, deployments, meetings
    rid INTEGER NOT NULL,             -- the rid in that table
    doc INTEGER NOT NULL REFERENCES documents(doc),
    position INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,    -- offsets into documents.text
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    sentence TEXT NOT NULL
);
"""

#: The comments of the columns every record table has, written on the first of them.
_SHARED_NOTES = {"position": "order within the document", "record": "the lossless JSON of the record"}


def _declaration(lines: Sequence[tuple[str, str]]) -> str:
    """Column lines of a CREATE TABLE: comma-separated, each comment aligned after its comma."""
    out = []
    for i, (line, note) in enumerate(lines):
        text = f"    {line}" + ("," if i < len(lines) - 1 else "")
        out.append(text.ljust(38) + f"-- {note}" if note else text)
    return "\n".join(out)


def _record_table(table: Table[Any], *, first: bool) -> str:
    """The CREATE TABLE of one record type: its place in a document, its merged record, its columns."""
    notes = _SHARED_NOTES if first else {}
    lines = [
        ("rid INTEGER PRIMARY KEY", ""),
        ("doc INTEGER NOT NULL REFERENCES documents(doc)", ""),
        ("position INTEGER NOT NULL", notes.get("position", "")),
        *([("merged_id TEXT REFERENCES merged(id)", "")] if table.merged else []),
        *((f"{column.name} {column.sql}", column.note) for column in table.stored),
        ("record TEXT NOT NULL", notes.get("record", "")),
        ("UNIQUE (doc, position)", ""),
    ]
    return f"CREATE TABLE {table.name} (\n{_declaration(lines)}\n);\n"


def _indexes(table: Table[Any]) -> str:
    """A record table's indexes: by document, its own, by merged record."""
    names = [("doc", ("doc",)), *table.indexes, *([("merged", ("merged_id",))] if table.merged else [])]
    return "".join(
        f"CREATE INDEX {table.name}_{suffix} ON {table.name}({', '.join(columns)});\n"
        for suffix, columns in names
    )


def _schema() -> str:
    tables = [_DOCUMENTS_AND_MERGED]
    indexes = []
    for i, table in enumerate(RECORD_TABLES):
        tables.append(_record_table(table, first=i == 0))
        indexes.append(_indexes(table))
        if table is AGREEMENTS:
            tables.append(_AGREEMENT_PARTIES)
            indexes.append("CREATE INDEX agreement_parties_party ON agreement_parties(party);\n")
    tables.append(_EVIDENCE)
    indexes.append("CREATE INDEX evidence_record ON evidence(record_table, rid);\n")
    indexes.append("CREATE INDEX evidence_doc ON evidence(doc);\n")
    return "".join(tables + indexes)


#: The whole database: documents, parties, merged records, one table per record type, evidence.
SCHEMA = _schema()

_MERGED_TYPES: Mapping[type, str] = {
    MergedArmsDeal: "arms_deal",
    MergedAidPackage: "aid_package",
    MergedAgreement: "agreement",
}


def _sql(value: Any) -> Any:
    """A cell for SQLite: numbers (an int where whole), ISO dates, 0/1, JSON arrays, text or NULL."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and abs(value) < 2**63 else float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list | tuple):
        return _json(list(value))
    return value


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _insert(db: sqlite3.Connection, table: str, row: Mapping[str, Any]) -> int:
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", [_sql(v) for v in row.values()])
    return int(cursor.lastrowid or 0)


def _add_party(db: sqlite3.Connection, party: Party) -> None:
    kind = "country" if isinstance(party, Country) else "organization"
    db.execute(
        "INSERT OR IGNORE INTO parties (code, kind, name) VALUES (?, ?, ?)", (party.code, kind, party.name)
    )


def _named_parties(record: Any) -> Iterator[Party]:
    """Every party a record names, in the order of its fields."""
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, Country | Organization):
                yield item


def _merged_ids(
    documents: Sequence[Document], merged: Sequence[MergedRecord]
) -> dict[tuple[int, str, int], str]:
    """Which merged record each (document, table, position) record belongs to."""
    by_record: dict[int, tuple[int, str, int]] = {}
    for n, doc in enumerate(documents, start=1):
        for table in ("arms_deals", "aid_packages", "agreements"):
            for position, record in enumerate(getattr(doc, table)):
                by_record[id(record)] = (n, table, position)
    mapping: dict[tuple[int, str, int], str] = {}
    for record in merged:
        for report in record.reports:
            key = by_record.get(id(report.record))
            if key is not None and record.id is not None:
                mapping[key] = record.id
    return mapping


def _write_merged(db: sqlite3.Connection, record: MergedRecord) -> None:
    for party in parties_of(record):
        _add_party(db, party)
    value, date = record.value, record.date
    _insert(
        db,
        "merged",
        {
            "id": record.id,
            "type": _MERGED_TYPES[type(record)],
            "summary": describe(record),
            "status_or_kind": record.status if isinstance(record, MergedArmsDeal) else record.kind,
            "value_amount": None if value is None else value.amount,
            "value_currency": None if value is None else value.currency,
            "value_usd": usd_amount(value, record_year(record)),
            "date_start": None if date is None else date.start,
            "date_end": None if date is None else date.end,
            "n_reports": len(record.reports),
            "conflicting": record.conflicting,
            "record": _json(record.to_dict()),
        },
    )


def _write_document(db: sqlite3.Connection, n: int, doc: Document) -> None:
    _insert(
        db,
        "documents",
        {
            "doc": n,
            "id": doc.id,
            "published": doc.published,
            "title": doc.title,
            "source": doc.source,
            "encoding": doc.encoding,
            "text": doc.text,
            "repairs": _json(list(doc.repairs)),
            "errors": _json(list(doc.errors)),
            "mentions": _json([m.to_dict() for m in doc.mentions]),
        },
    )


def _write_record(
    db: sqlite3.Connection, table: Table[Any], record: Any, year: int | None, place: Mapping[str, Any]
) -> int:
    """Insert one article's record into its table (its parties first); return its rid.

    ``place`` says where the record stands (``doc``, ``position``, in a merged table
    ``merged_id``); ``year`` is the year its values convert at.
    """
    for party in _named_parties(record):
        _add_party(db, party)
    row = {**place, **{column.name: column.value(record, year) for column in table.stored}}
    row["record"] = _json(record.to_dict())
    return _insert(db, table.name, row)


def _write_database(
    db: sqlite3.Connection, documents: Sequence[Document], merged: Sequence[MergedRecord]
) -> None:
    # One transaction for the whole file, no journal: the file is a temporary
    # one that is renamed into place only when complete (and fsynced first).
    db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON; BEGIN;")
    for statement in SCHEMA.split(";\n"):
        if statement.strip():
            db.execute(statement)
    db.executemany(
        "INSERT INTO meta VALUES (?, ?)", [("schema_version", SCHEMA_VERSION), ("generator", "korpol")]
    )
    merged_of = _merged_ids(documents, merged)
    for record in merged:
        _write_merged(db, record)
    for n, doc in enumerate(documents, start=1):
        _write_document(db, n, doc)
        doc_year = None if doc.published is None else doc.published.year
        for table in RECORD_TABLES:
            for position, record in enumerate(getattr(doc, table.name)):
                place: dict[str, Any] = {"doc": n, "position": position}
                if table.merged:
                    place["merged_id"] = merged_of.get((n, table.name, position))
                # a value converts at the rate of the record's year, else of the article's
                rid = _write_record(db, table, record, record_year(record) or doc_year, place)
                if table is AGREEMENTS:
                    for i, party in enumerate(record.parties):
                        link = {"agreement": rid, "position": i, "party": party.code}
                        _insert(db, "agreement_parties", link)
                for i, ev in enumerate(record.evidence):
                    _insert(
                        db,
                        "evidence",
                        {
                            "record_table": table.name,
                            "rid": rid,
                            "doc": n,
                            "position": i,
                            "start_offset": ev.start,
                            "end_offset": ev.end,
                            "text": ev.text,
                            "sentence": ev.sentence,
                        },
                    )


def write_sqlite(documents: Iterable[Document], path: PathLike, *, merged: Sequence[MergedRecord]) -> Path:
    """Write the documents and their merged records as an SQLite database (:data:`SCHEMA`).

    ``merged`` are the deals, aid packages and agreements merged across the
    documents, in the order of the ``merged`` table.  The file is built under
    a temporary name and renamed over ``path`` when complete; an existing file
    at ``path`` is replaced.
    """
    docs = tuple(documents)
    target = Path(path)
    with atomic_path(target) as tmp:
        tmp.unlink()  # sqlite3 creates the file itself
        db = sqlite3.connect(tmp, isolation_level=None)
        try:
            _write_database(db, docs, merged)
            db.execute("COMMIT")
        finally:
            db.close()
    return target


#: The tables :func:`read_sqlite` reads; each must be a plain table of the file.
_READ_TABLES = ("meta", "documents", *(table.name for table in RECORD_TABLES))
#: Record tables added to the schema since version 1; older files lack them.
_ADDED_TABLES = ("aggregates",)


class _UnreadableError(Exception):
    """What makes a file no korpol database (the reason is its message)."""


def _check_tables(db: sqlite3.Connection) -> None:
    """Every table korpol reads exists and is a plain table: never a view or a virtual table."""
    kinds: dict[str, tuple[str, str]] = {}
    for name, kind, sql in db.execute("SELECT name, type, sql FROM sqlite_master"):
        if isinstance(name, str):
            kinds[name.lower()] = (str(kind), str(sql or ""))
    for name in _READ_TABLES:
        kind, sql = kinds.get(name, ("", ""))
        if not kind and name in _ADDED_TABLES:
            continue  # (a file written before the table existed: nothing of that kind in it)
        if not kind:
            raise _UnreadableError(f"it has no {name!r} table")
        if kind != "table" or sql.lstrip().upper().startswith("CREATE VIRTUAL"):
            shown = "virtual table" if kind == "table" else kind
            reason = f"{name!r} is a {shown}, not a table (korpol never runs SQL a file defines)"
            raise _UnreadableError(reason)


def _version(db: sqlite3.Connection) -> str:
    meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    version = meta.get("schema_version")
    # (a version stored as the integer 1 is version 1: SQLite keeps what it was given)
    shown = str(version) if isinstance(version, int | str) and not isinstance(version, bool) else None
    if meta.get("generator") != "korpol" and shown is None:
        raise _UnreadableError("not a korpol SQLite export (no schema_version in its meta table)")
    if shown not in READABLE_VERSIONS:
        raise ValidationError(
            "schema_version",
            version,
            f"this korpol reads versions {', '.join(READABLE_VERSIONS)}; a newer korpol wrote this file",
        )
    return shown


def _json_cell(value: Any, what: str) -> Any:
    if not isinstance(value, str):
        raise _UnreadableError(f"{what} is not JSON text")
    return json.loads(value)


def _read_database(db: sqlite3.Connection) -> list[Document]:
    _check_tables(db)
    _version(db)
    records: dict[tuple[str, int], list[Any]] = {}
    tables = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    present = {str(name).lower() for (name,) in tables}
    for table in RECORD_TABLES:
        if table.name not in present:
            continue  # (see _ADDED_TABLES)
        cls: Any = table.record
        for doc, record in db.execute(f"SELECT doc, record FROM {table.name} ORDER BY doc, position"):
            records.setdefault((table.name, doc), []).append(
                cls.from_dict(_json_cell(record, f"a record of {table.name}"))
            )
    docs = []
    query = (
        "SELECT doc, id, published, title, source, encoding, text, repairs, errors, mentions "
        "FROM documents ORDER BY doc"
    )
    for doc, doc_id, published, title, src, encoding, text, repairs, errors, mentions in db.execute(query):
        docs.append(
            Document(
                id=doc_id,
                published=published,
                title=title,
                source=src,
                encoding=encoding,
                text=text,
                repairs=_json_cell(repairs, "documents.repairs"),
                errors=_json_cell(errors, "documents.errors"),
                mentions=[Mention.from_dict(m) for m in _json_cell(mentions, "documents.mentions")],
                **{table.name: records.get((table.name, doc), []) for table in RECORD_TABLES},
            )
        )
    return docs


def read_sqlite(path: PathLike) -> list[Document]:
    """Read a database written by :func:`write_sqlite` back into the same documents.

    Reads schema versions 1 and 2 (:data:`READABLE_VERSIONS`: the documents and the
    record JSON did not change; to upgrade a file, read it and write it again).  A file
    korpol did not write raises :class:`~korpol.ValidationError` naming the file and the
    problem, fast: the tables read must be plain tables (a view would run SQL the file
    defines), and a failure of SQLite or of the JSON inside is the file's problem.
    """
    source = Path(path)
    if not source.is_file():
        raise FileNotFoundError(f"no such database: {source}")
    where = f"database {source.name}"
    try:
        db = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ValidationError(where, str(source), f"cannot be opened: {exc}") from None
    try:
        db.execute("PRAGMA query_only = ON")
        db.execute("PRAGMA trusted_schema = OFF")
        return _read_database(db)
    except ValidationError as exc:
        if exc.field == "schema_version":
            raise ValidationError(f"{where}: schema_version", exc.value, exc.reason) from None
        reason = f"not a korpol SQLite export of a known form: {exc}"
        raise ValidationError(where, str(source), reason) from None
    except _UnreadableError as exc:
        raise ValidationError(where, str(source), f"not a korpol SQLite export: {exc}") from None
    except sqlite3.DatabaseError as exc:
        raise ValidationError(where, str(source), f"not a korpol SQLite export: {exc}") from None
    except (ValueError, TypeError, KeyError, RecursionError, sqlite3.Error) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else f"{type(exc).__name__}: {exc}"
        raise ValidationError(where, str(source), f"holds data korpol cannot read ({reason})") from None
    finally:
        db.close()
