"""An SQLite database of documents and records, for the ``sqlite3`` shell.

Why this module exists: an SQL shell answers questions no query method foresaw.  The
database has tables for documents, parties, each record type, merged records and evidence,
with foreign keys and indexes (:data:`SCHEMA`, ``docs/exports.md``); every record row also
keeps its lossless JSON, so reading the database back gives the same documents.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from korpol._errors import ValidationError
from korpol._io.atomic import PathLike, atomic_path
from korpol._io.columns import join, usd
from korpol._io.display import describe
from korpol._model import (
    Agreement,
    AidPackage,
    ArmsDeal,
    Country,
    Deployment,
    Document,
    Leader,
    Meeting,
    Mention,
    Money,
    Party,
    TimeSpan,
)
from korpol._model.merged import (
    MergedAgreement,
    MergedAidPackage,
    MergedArmsDeal,
    MergedRecord,
    parties_of,
    record_year,
)

__all__ = ["SCHEMA", "SCHEMA_VERSION", "read_sqlite", "write_sqlite"]

SCHEMA_VERSION = "1"

SCHEMA = """\
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
    repairs TEXT NOT NULL,            -- JSON list
    errors TEXT NOT NULL,             -- JSON list
    mentions TEXT NOT NULL            -- JSON list of mentions
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
    value_amount TEXT,                -- exact decimal string; CAST(... AS REAL) to compute
    value_currency TEXT,
    value_usd TEXT,                   -- estimated at the year's average rate
    date_start TEXT,
    date_end TEXT,
    n_reports INTEGER NOT NULL,
    conflicting INTEGER NOT NULL,     -- 1 when the reports state incompatible values
    record TEXT NOT NULL              -- the merged record as JSON
);
CREATE TABLE arms_deals (
    rid INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(doc),
    position INTEGER NOT NULL,        -- order within the document
    merged_id TEXT REFERENCES merged(id),
    supplier TEXT REFERENCES parties(code),
    recipient TEXT REFERENCES parties(code),
    status TEXT NOT NULL,
    value_amount TEXT,
    value_currency TEXT,
    value_qualifier TEXT,
    value_usd TEXT,
    date_start TEXT,
    date_end TEXT,
    date_precision TEXT,
    date_text TEXT,
    systems TEXT NOT NULL,            -- '; '-separated
    quantity INTEGER,
    contractors TEXT NOT NULL,
    record TEXT NOT NULL,             -- the lossless JSON of the record
    UNIQUE (doc, position)
);
CREATE TABLE aid_packages (
    rid INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(doc),
    position INTEGER NOT NULL,
    merged_id TEXT REFERENCES merged(id),
    donor TEXT REFERENCES parties(code),
    recipient TEXT REFERENCES parties(code),
    kind TEXT NOT NULL,
    value_amount TEXT,
    value_currency TEXT,
    value_qualifier TEXT,
    value_usd TEXT,
    date_start TEXT,
    date_end TEXT,
    date_precision TEXT,
    date_text TEXT,
    items TEXT NOT NULL,
    record TEXT NOT NULL,
    UNIQUE (doc, position)
);
CREATE TABLE agreements (
    rid INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(doc),
    position INTEGER NOT NULL,
    merged_id TEXT REFERENCES merged(id),
    kind TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    date_precision TEXT,
    date_text TEXT,
    until_start TEXT,
    until_end TEXT,
    signatories TEXT NOT NULL,
    topics TEXT NOT NULL,
    value_amount TEXT,
    value_currency TEXT,
    record TEXT NOT NULL,
    UNIQUE (doc, position)
);
CREATE TABLE agreement_parties (
    agreement INTEGER NOT NULL REFERENCES agreements(rid),
    position INTEGER NOT NULL,
    party TEXT NOT NULL REFERENCES parties(code),
    PRIMARY KEY (agreement, position)
);
CREATE TABLE leaders (
    rid INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(doc),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    country TEXT REFERENCES parties(code),
    term_start TEXT,
    term_end TEXT,
    record TEXT NOT NULL,
    UNIQUE (doc, position)
);
CREATE TABLE deployments (
    rid INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(doc),
    position INTEGER NOT NULL,
    sender TEXT REFERENCES parties(code),
    destination TEXT REFERENCES parties(code),
    size INTEGER,
    date_start TEXT,
    date_end TEXT,
    record TEXT NOT NULL,
    UNIQUE (doc, position)
);
CREATE TABLE meetings (
    rid INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(doc),
    position INTEGER NOT NULL,
    participants TEXT NOT NULL,
    place TEXT,
    date_start TEXT,
    date_end TEXT,
    record TEXT NOT NULL,
    UNIQUE (doc, position)
);
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
CREATE INDEX arms_deals_doc ON arms_deals(doc);
CREATE INDEX arms_deals_parties ON arms_deals(supplier, recipient);
CREATE INDEX arms_deals_merged ON arms_deals(merged_id);
CREATE INDEX aid_packages_doc ON aid_packages(doc);
CREATE INDEX aid_packages_parties ON aid_packages(donor, recipient);
CREATE INDEX aid_packages_merged ON aid_packages(merged_id);
CREATE INDEX agreements_doc ON agreements(doc);
CREATE INDEX agreements_merged ON agreements(merged_id);
CREATE INDEX agreement_parties_party ON agreement_parties(party);
CREATE INDEX leaders_doc ON leaders(doc);
CREATE INDEX leaders_country ON leaders(country, role);
CREATE INDEX deployments_doc ON deployments(doc);
CREATE INDEX meetings_doc ON meetings(doc);
CREATE INDEX evidence_record ON evidence(record_table, rid);
CREATE INDEX evidence_doc ON evidence(doc);
"""

_RECORD_TABLES = ("arms_deals", "aid_packages", "agreements", "leaders", "deployments", "meetings")
_RECORD_TYPES: Mapping[str, type] = {
    "arms_deals": ArmsDeal,
    "aid_packages": AidPackage,
    "agreements": Agreement,
    "leaders": Leader,
    "deployments": Deployment,
    "meetings": Meeting,
}


def _sql(value: Any) -> Any:
    """A cell for SQLite: exact decimal strings, ISO dates, ints, text or NULL."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _span_sql(span: TimeSpan | None) -> tuple[Any, Any, Any, Any]:
    if span is None:
        return (None, None, None, None)
    return (_sql(span.start), _sql(span.end), span.precision, span.text)


def _money_sql(money: Money | None, year: int | None) -> tuple[Any, Any, Any, Any]:
    if money is None:
        return (None, None, None, None)
    return (_sql(money.amount), money.currency, money.qualifier, _sql(usd(money, year)))


def _insert(db: sqlite3.Connection, table: str, row: Mapping[str, Any]) -> int:
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", [_sql(v) for v in row.values()])
    return int(cursor.lastrowid or 0)


def _add_party(db: sqlite3.Connection, party: Party | None) -> str | None:
    if party is None:
        return None
    kind = "country" if isinstance(party, Country) else "organization"
    db.execute(
        "INSERT OR IGNORE INTO parties (code, kind, name) VALUES (?, ?, ?)", (party.code, kind, party.name)
    )
    return party.code


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
        for party in parties_of(record):
            _add_party(db, party)
        status_or_kind = record.status if isinstance(record, MergedArmsDeal) else record.kind
        type_name = {
            MergedArmsDeal: "arms_deal",
            MergedAidPackage: "aid_package",
            MergedAgreement: "agreement",
        }
        amount, currency, _qualifier, value_usd = _money_sql(record.value, record_year(record))
        start, end, _precision, _text = _span_sql(record.date)
        _insert(
            db,
            "merged",
            {
                "id": record.id,
                "type": type_name[type(record)],
                "summary": describe(record),
                "status_or_kind": status_or_kind,
                "value_amount": amount,
                "value_currency": currency,
                "value_usd": value_usd,
                "date_start": start,
                "date_end": end,
                "n_reports": len(record.reports),
                "conflicting": record.conflicting,
                "record": _json(record.to_dict()),
            },
        )
    for n, doc in enumerate(documents, start=1):
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
        year = None if doc.published is None else doc.published.year
        for table in _RECORD_TABLES:
            for position, record in enumerate(getattr(doc, table)):
                row = _record_sql(db, table, record, year)
                row = {"doc": n, "position": position, **row, "record": _json(record.to_dict())}
                if table in ("arms_deals", "aid_packages", "agreements"):
                    row["merged_id"] = merged_of.get((n, table, position))
                rid = _insert(db, table, row)
                if table == "agreements":
                    for i, party in enumerate(record.parties):
                        _add_party(db, party)
                        _insert(
                            db, "agreement_parties", {"agreement": rid, "position": i, "party": party.code}
                        )
                for i, ev in enumerate(record.evidence):
                    _insert(
                        db,
                        "evidence",
                        {
                            "record_table": table,
                            "rid": rid,
                            "doc": n,
                            "position": i,
                            "start_offset": ev.start,
                            "end_offset": ev.end,
                            "text": ev.text,
                            "sentence": ev.sentence,
                        },
                    )


def _record_sql(db: sqlite3.Connection, table: str, record: Any, doc_year: int | None) -> dict[str, Any]:
    year = record_year(record) or doc_year
    if table == "arms_deals":
        amount, currency, qualifier, value_usd = _money_sql(record.value, year)
        start, end, precision, text = _span_sql(record.date)
        return {
            "supplier": _add_party(db, record.supplier),
            "recipient": _add_party(db, record.recipient),
            "status": record.status,
            "value_amount": amount,
            "value_currency": currency,
            "value_qualifier": qualifier,
            "value_usd": value_usd,
            "date_start": start,
            "date_end": end,
            "date_precision": precision,
            "date_text": text,
            "systems": join(record.systems),
            "quantity": record.quantity,
            "contractors": join(record.contractors),
        }
    if table == "aid_packages":
        amount, currency, qualifier, value_usd = _money_sql(record.value, year)
        start, end, precision, text = _span_sql(record.date)
        return {
            "donor": _add_party(db, record.donor),
            "recipient": _add_party(db, record.recipient),
            "kind": record.kind,
            "value_amount": amount,
            "value_currency": currency,
            "value_qualifier": qualifier,
            "value_usd": value_usd,
            "date_start": start,
            "date_end": end,
            "date_precision": precision,
            "date_text": text,
            "items": join(record.items),
        }
    if table == "agreements":
        amount, currency, _qualifier, _usd_value = _money_sql(record.value, year)
        start, end, precision, text = _span_sql(record.date)
        until_start, until_end, _p, _t = _span_sql(record.until)
        return {
            "kind": record.kind,
            "date_start": start,
            "date_end": end,
            "date_precision": precision,
            "date_text": text,
            "until_start": until_start,
            "until_end": until_end,
            "signatories": join(record.signatories),
            "topics": join(record.topics),
            "value_amount": amount,
            "value_currency": currency,
        }
    if table == "leaders":
        return {
            "name": record.name,
            "role": record.role,
            "country": _add_party(db, record.country),
            "term_start": record.term_start,
            "term_end": record.term_end,
        }
    if table == "deployments":
        start, end, _precision, _text = _span_sql(record.date)
        return {
            "sender": _add_party(db, record.sender),
            "destination": _add_party(db, record.destination),
            "size": record.size,
            "date_start": start,
            "date_end": end,
        }
    start, end, _precision, _text = _span_sql(record.date)
    for party in record.parties:
        _add_party(db, party)
    return {
        "participants": join(record.participants),
        "place": record.place,
        "date_start": start,
        "date_end": end,
    }


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


def read_sqlite(path: PathLike) -> list[Document]:
    """Read a database written by :func:`write_sqlite` back into the same documents.

    Raises :class:`~korpol.ValidationError` when the file is not a korpol
    database of a known schema version.
    """
    source = Path(path)
    if not source.is_file():
        raise FileNotFoundError(f"no such database: {source}")
    db = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        try:
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.DatabaseError:
            raise ValidationError("database", str(source), "not a korpol SQLite export") from None
        if meta.get("schema_version") != SCHEMA_VERSION:
            raise ValidationError(
                "schema_version", meta.get("schema_version"), f"this korpol reads version {SCHEMA_VERSION}"
            )
        records: dict[tuple[str, int], list[Any]] = {}
        for table in _RECORD_TABLES:
            cls = _RECORD_TYPES[table]
            for doc, record in db.execute(f"SELECT doc, record FROM {table} ORDER BY doc, position"):
                records.setdefault((table, doc), []).append(cls.from_dict(json.loads(record)))  # type: ignore[attr-defined]
        docs = []
        query = (
            "SELECT doc, id, published, title, source, encoding, text, repairs, errors, mentions "
            "FROM documents ORDER BY doc"
        )
        for doc, doc_id, published, title, src, encoding, text, repairs, errors, mentions in db.execute(
            query
        ):
            docs.append(
                Document(
                    id=doc_id,
                    published=published,
                    title=title,
                    source=src,
                    encoding=encoding,
                    text=text,
                    repairs=json.loads(repairs),
                    errors=json.loads(errors),
                    mentions=[Mention.from_dict(m) for m in json.loads(mentions)],
                    **{table: records.get((table, doc), []) for table in _RECORD_TABLES},
                )
            )
    finally:
        db.close()
    return docs
