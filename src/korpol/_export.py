"""Exports of a corpus: JSON Lines, CSV, SQLite and pandas.

Why this module exists: analysts keep their findings in the tools they
already use — a spreadsheet, an SQL shell, a notebook.  Each export here is
documented column by column in ``docs/exports.md``:

* JSON Lines (:func:`save_jsonl` / :func:`load_jsonl`): one
  ``Document.to_dict()`` per line, an exact round trip.
* CSV (:func:`to_csv`): one file per record type, merged across articles,
  amounts as plain decimal strings, plus ``reports.csv`` with every article's
  own account and evidence sentence.
* SQLite (:func:`to_sqlite` / :func:`from_sqlite`): tables for documents,
  parties, each record type, merged records and evidence, with foreign keys
  and indexes; every record row also keeps its lossless JSON, so reading the
  database back gives the same corpus.
* pandas (:func:`to_dataframe`): the CSV columns with typed cells.

Every file is written to a temporary name in the target directory and then
renamed over the target (:func:`atomic_path`), so an interrupted export never
leaves a half-written file that looks complete.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import importlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from korpol._corpus import Corpus, MergedAgreement, MergedAidPackage, MergedArmsDeal, Report
from korpol._errors import KorpolError, MissingDependencyError, ValidationError
from korpol._model import (
    Agreement,
    AidPackage,
    ArmsDeal,
    Country,
    Deployment,
    Document,
    Evidence,
    Leader,
    Meeting,
    Mention,
    Money,
    Party,
    TimeSpan,
)

__all__ = [
    "AGREEMENT_COLUMNS",
    "AID_COLUMNS",
    "DEAL_COLUMNS",
    "DOCUMENT_COLUMNS",
    "LEADER_COLUMNS",
    "REPORT_COLUMNS",
    "SCHEMA",
    "SCHEMA_VERSION",
    "TIMELINE_COLUMNS",
    "atomic_path",
    "describe",
    "from_sqlite",
    "load_jsonl",
    "record_rows",
    "save_jsonl",
    "short_money",
    "to_csv",
    "to_dataframe",
    "to_sqlite",
]

PathLike = str | os.PathLike[str]


# ---------------------------------------------------------------- atomic writes


@contextlib.contextmanager
def atomic_path(path: PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success rename it over ``path``.

    On any error the temporary file is removed and ``path`` is untouched.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise FileNotFoundError(f"directory does not exist: {directory}")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with tmp.open("rb") as written:  # on disk before it takes the target's name
            os.fsync(written.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _documents(source: Corpus | Iterable[Document]) -> tuple[Document, ...]:
    return source.documents if isinstance(source, Corpus) else Corpus(source).documents


# ---------------------------------------------------------------- JSON Lines


def save_jsonl(documents: Corpus | Iterable[Document], path: PathLike) -> Path:
    """Write one ``Document.to_dict()`` per line (UTF-8, atomic) and return the path.

    >>> import tempfile, pathlib
    >>> from korpol import Document
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "docs.jsonl"
    >>> _ = save_jsonl([Document(id="a", text="Seoul")], out)
    >>> load_jsonl(out)["a"].text
    'Seoul'
    """
    docs = _documents(documents)
    target = Path(path)
    with atomic_path(target) as tmp, tmp.open("w", encoding="utf-8", newline="\n") as fh:
        for doc in docs:
            fh.write(json.dumps(doc.to_dict(), ensure_ascii=False, separators=(",", ":")))
            fh.write("\n")
    return target


def load_jsonl(path: PathLike) -> Corpus:
    """Read a file written by :func:`save_jsonl` into a :class:`~korpol.Corpus`.

    A line that is not a valid document raises :class:`~korpol.ValidationError`
    naming the line number.

    >>> import tempfile, pathlib
    >>> from korpol import Document
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "kb.jsonl"
    >>> path = save_jsonl([Document(id="a", text="Seoul"), Document(id="b")], out)
    >>> [doc.id for doc in load_jsonl(path)]
    ['a', 'b']
    """
    docs = []
    with Path(path).open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                docs.append(Document.from_dict(json.loads(line)))
            except (ValueError, TypeError) as exc:
                raise ValidationError(f"{Path(path).name} line {number}", line[:60], str(exc)) from None
    return Corpus(docs)


# ---------------------------------------------------------------- flat rows

DOCUMENT_COLUMNS = (
    "id",
    "published",
    "title",
    "source",
    "encoding",
    "characters",
    "arms_deals",
    "aid_packages",
    "agreements",
    "leaders",
    "errors",
)
_MONEY = ("value_amount", "value_currency", "value_qualifier", "value_text", "value_usd")
_DATE = ("date_start", "date_end", "date_precision", "date_text")
_MERGE = ("n_reports", "doc_ids", "conflicting", "sentence")
DEAL_COLUMNS = (
    "id",
    "supplier",
    "supplier_name",
    "recipient",
    "recipient_name",
    "status",
    *_MONEY,
    *_DATE,
    "systems",
    "quantity",
    "contractors",
    "statuses",
    *_MERGE,
)
AID_COLUMNS = (
    "id",
    "donor",
    "donor_name",
    "recipient",
    "recipient_name",
    "kind",
    *_MONEY,
    *_DATE,
    "items",
    *_MERGE,
)
AGREEMENT_COLUMNS = (
    "id",
    "parties",
    "party_names",
    "kind",
    *_DATE,
    "until_start",
    "until_end",
    "until_text",
    "signatories",
    "topics",
    *_MONEY,
    *_MERGE,
)
LEADER_COLUMNS = (
    "name",
    "role",
    "country",
    "country_name",
    "term_start",
    "term_end",
    "aliases",
    "n_mentions",
    "doc_ids",
    "sentence",
)
TIMELINE_COLUMNS = (
    "type",
    "id",
    "date_start",
    "date_end",
    "date_text",
    "parties",
    "summary",
    "value_amount",
    "value_currency",
    "doc_ids",
    "sentence",
)
REPORT_COLUMNS = (
    "record_id",
    "record_type",
    "doc_id",
    "published",
    "status_or_kind",
    "value_amount",
    "value_currency",
    "value_text",
    "date_start",
    "date_end",
    "date_text",
    "quantity",
    "evidence_start",
    "evidence_end",
    "evidence_text",
    "sentence",
)

_LIST_SEPARATOR = "; "


def _party_cells(prefix: str, party: Party | None) -> dict[str, Any]:
    return {
        prefix: None if party is None else party.code,
        f"{prefix}_name": None if party is None else party.name,
    }


def _year(record: Any) -> int | None:
    date = getattr(record, "date", None)
    if date is not None and date.start is not None:
        return int(date.start.year)
    first = getattr(record, "first_reported", None)
    return None if first is None else int(first.year)


def _usd(money: Money | None, year: int | None) -> Decimal | None:
    if money is None:
        return None
    try:
        return money.to_usd(year).amount
    except (KorpolError, LookupError, ValueError, ArithmeticError):
        return None


def _money_cells(money: Money | None, year: int | None) -> dict[str, Any]:
    return {
        "value_amount": None if money is None else money.amount,
        "value_currency": None if money is None else money.currency,
        "value_qualifier": None if money is None else money.qualifier,
        "value_text": None if money is None else money.text,
        "value_usd": _usd(money, year),
    }


def _span_cells(prefix: str, span: TimeSpan | None) -> dict[str, Any]:
    return {
        f"{prefix}_start": None if span is None else span.start,
        f"{prefix}_end": None if span is None else span.end,
        f"{prefix}_precision": None if span is None else span.precision,
        f"{prefix}_text": None if span is None else span.text,
    }


def _merge_cells(record: Any) -> dict[str, Any]:
    reports: tuple[Report, ...] = getattr(record, "reports", ())
    if reports:
        doc_ids = list(dict.fromkeys(r.doc_id for r in reports))
        count = len(reports)
    else:
        doc_ids = list(dict.fromkeys(ev.doc_id for ev in record.evidence))
        count = 1
    evidence: tuple[Evidence, ...] = record.evidence
    return {
        "n_reports": count,
        "doc_ids": _LIST_SEPARATOR.join(d or "" for d in doc_ids),
        "conflicting": bool(getattr(record, "conflicting", False)),
        "sentence": (evidence[0].sentence or evidence[0].text) if evidence else None,
    }


def _join(values: Iterable[str]) -> str:
    return _LIST_SEPARATOR.join(values)


def _deal_row(deal: ArmsDeal) -> dict[str, Any]:
    statuses = deal.statuses if isinstance(deal, MergedArmsDeal) else (deal.status,)
    row: dict[str, Any] = {"id": getattr(deal, "id", None)}
    row |= _party_cells("supplier", deal.supplier) | _party_cells("recipient", deal.recipient)
    row |= {"status": deal.status} | _money_cells(deal.value, _year(deal)) | _span_cells("date", deal.date)
    row |= {
        "systems": _join(deal.systems),
        "quantity": deal.quantity,
        "contractors": _join(deal.contractors),
        "statuses": _join(statuses),
    }
    return row | _merge_cells(deal)


def _aid_row(package: AidPackage) -> dict[str, Any]:
    row: dict[str, Any] = {"id": getattr(package, "id", None)}
    row |= _party_cells("donor", package.donor) | _party_cells("recipient", package.recipient)
    row |= (
        {"kind": package.kind}
        | _money_cells(package.value, _year(package))
        | _span_cells("date", package.date)
    )
    row |= {"items": _join(package.items)}
    return row | _merge_cells(package)


def _agreement_row(agreement: Agreement) -> dict[str, Any]:
    until = _span_cells("until", agreement.until)
    row: dict[str, Any] = {
        "id": getattr(agreement, "id", None),
        "parties": _join(p.code for p in agreement.parties),
        "party_names": _join(p.name for p in agreement.parties),
        "kind": agreement.kind,
    }
    row |= _span_cells("date", agreement.date)
    row |= {k: until[k] for k in ("until_start", "until_end", "until_text")}
    row |= {"signatories": _join(agreement.signatories), "topics": _join(agreement.topics)}
    row |= _money_cells(agreement.value, _year(agreement))
    return row | _merge_cells(agreement)


def _leader_row(leader: Leader) -> dict[str, Any]:
    doc_ids = list(dict.fromkeys(ev.doc_id for ev in leader.evidence))
    return {
        "name": leader.name,
        "role": leader.role,
        **_party_cells("country", leader.country),
        "term_start": leader.term_start,
        "term_end": leader.term_end,
        "aliases": _join(leader.aliases),
        "n_mentions": len(leader.evidence),
        "doc_ids": _join(d or "" for d in doc_ids),
        "sentence": (leader.evidence[0].sentence or leader.evidence[0].text) if leader.evidence else None,
    }


def _party_text(party: Party | None) -> str:
    return "?" if party is None else party.code


_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))


def short_money(money: Money) -> str:
    """A sum as an analyst reads it: ``USD 6.5 billion``, ``~KRW 8.16 trillion``.

    >>> short_money(Money(amount="6500000000", currency="USD", qualifier="about"))
    '~USD 6.5 billion'
    >>> short_money(Money(amount=13e9, upper=14e9, currency="USD"))
    'USD 13–14 billion'
    """
    size, word = next(((s, w) for s, w in _SCALES if money.amount >= s), (Decimal(1), ""))

    def shown(amount: Decimal) -> str:
        if not word:
            return f"{amount:,f}"
        return format((amount / size).quantize(Decimal("0.001")).normalize(), "f")

    figure = shown(money.amount) if money.upper is None else f"{shown(money.amount)}–{shown(money.upper)}"
    prefix = {"about": "~", "over": ">", "under": "<", "up_to": "≤"}.get(money.qualifier, "")
    return f"{prefix}{money.currency} {figure}" + (f" {word}" if word else "")


def describe(record: Any) -> str:
    """A one-line summary of any record, as the CLI tables and the timeline show it.

    >>> from korpol import ArmsDeal, Country, Money
    >>> describe(ArmsDeal(supplier=Country(code="KR", name="South Korea"), recipient=None,
    ...                   status="signed", systems=["K9"], value=Money(amount=2.6e9, currency="USD")))
    'arms deal KR → ? (signed): K9, USD 2.6 billion'
    """
    if isinstance(record, ArmsDeal):
        head = f"arms deal {_party_text(record.supplier)} → {_party_text(record.recipient)} ({record.status})"
        parts = [", ".join(record.systems)] if record.systems else []
        if record.quantity is not None:
            parts.insert(0, str(record.quantity))
            parts = [" ".join(parts)]
    elif isinstance(record, AidPackage):
        head = f"{record.kind} aid {_party_text(record.donor)} → {_party_text(record.recipient)}"
        parts = [", ".join(record.items)] if record.items else []
    elif isinstance(record, Agreement):
        head = f"{record.kind.replace('_', ' ')} {'–'.join(p.code for p in record.parties)}"
        until = None if record.until is None else str(record.until)
        parts = [until if until.startswith("until ") else f"until {until}"] if until is not None else []
    elif isinstance(record, Deployment):
        head = f"deployment {_party_text(record.sender)} → {_party_text(record.destination)}"
        parts = [f"{record.size:,} troops"] if record.size else []
    elif isinstance(record, Meeting):
        head = "meeting " + ", ".join(record.participants or [p.code for p in record.parties])
        parts = [f"in {record.place}"] if record.place else []
    elif isinstance(record, Leader):
        head = f"{record.role} {record.name} ({_party_text(record.country)})"
        parts = []
    else:
        return repr(record)
    value = getattr(record, "value", None)
    if value is not None:
        parts.append(short_money(value))
    return head + (": " + ", ".join(parts) if parts else "")


def _timeline_row(record: Any) -> dict[str, Any]:
    date: TimeSpan | None = getattr(record, "date", None)
    codes: list[str] = []
    for name in ("supplier", "recipient", "donor", "sender", "destination"):
        party = getattr(record, name, None)
        if party is not None:
            codes.append(party.code)
    codes.extend(p.code for p in getattr(record, "parties", ()))
    value: Money | None = getattr(record, "value", None)
    merge = _merge_cells(record)
    return {
        "type": type(record).__name__.removeprefix("Merged"),
        "id": getattr(record, "id", None),
        "date_start": None if date is None else date.start,
        "date_end": None if date is None else date.end,
        "date_text": None if date is None else date.text,
        "parties": _join(dict.fromkeys(codes)),
        "summary": describe(record),
        "value_amount": None if value is None else value.amount,
        "value_currency": None if value is None else value.currency,
        "doc_ids": merge["doc_ids"],
        "sentence": merge["sentence"],
    }


_ROW_BUILDERS: tuple[tuple[type, tuple[str, ...], Any], ...] = (
    (ArmsDeal, DEAL_COLUMNS, _deal_row),
    (AidPackage, AID_COLUMNS, _aid_row),
    (Agreement, AGREEMENT_COLUMNS, _agreement_row),
    (Leader, LEADER_COLUMNS, _leader_row),
)


def columns_for(records: Iterable[Any]) -> tuple[str, ...]:
    """The column names :func:`record_rows` uses for these records."""
    kinds = {builder for r in records for builder in _ROW_BUILDERS if isinstance(r, builder[0])}
    items = list(records) if not isinstance(records, list | tuple) else records
    if len(kinds) == 1 and all(isinstance(r, next(iter(kinds))[0]) for r in items):
        return next(iter(kinds))[1]
    return TIMELINE_COLUMNS


def record_rows(records: Iterable[Any]) -> list[dict[str, Any]]:
    """Flat rows with typed cells (Decimal, date, int, str, bool, None), one per record.

    Records of one type get that type's columns (:data:`DEAL_COLUMNS` ...);
    a mixture (a timeline) gets :data:`TIMELINE_COLUMNS`.
    """
    items = list(records)
    for cls, _columns, build in _ROW_BUILDERS:
        if items and all(isinstance(r, cls) for r in items):
            return [build(r) for r in items]
    return [_timeline_row(r) for r in items]


def _cell(value: Any) -> str:
    """A CSV cell: plain decimal strings, ISO dates, 'true'/'false', '' for missing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _write_csv(path: Path, columns: tuple[str, ...], rows: Iterable[Mapping[str, Any]]) -> Path:
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
    return path


def _document_row(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "published": doc.published,
        "title": doc.title,
        "source": doc.source,
        "encoding": doc.encoding,
        "characters": len(doc.text),
        "arms_deals": len(doc.arms_deals),
        "aid_packages": len(doc.aid_packages),
        "agreements": len(doc.agreements),
        "leaders": len(doc.leaders),
        "errors": _join(doc.errors),
    }


def _report_rows(merged: Iterable[Any]) -> Iterator[dict[str, Any]]:
    for record in merged:
        for report in record.reports:
            stated = report.record
            value: Money | None = stated.value
            date: TimeSpan | None = stated.date
            evidence: tuple[Evidence, ...] = stated.evidence or (None,)  # type: ignore[assignment]
            for ev in evidence:
                yield {
                    "record_id": record.id,
                    "record_type": type(stated).__name__,
                    "doc_id": report.doc_id,
                    "published": report.published,
                    "status_or_kind": getattr(stated, "status", None) or getattr(stated, "kind", None),
                    "value_amount": None if value is None else value.amount,
                    "value_currency": None if value is None else value.currency,
                    "value_text": None if value is None else value.text,
                    "date_start": None if date is None else date.start,
                    "date_end": None if date is None else date.end,
                    "date_text": None if date is None else date.text,
                    "quantity": getattr(stated, "quantity", None),
                    "evidence_start": None if ev is None else ev.start,
                    "evidence_end": None if ev is None else ev.end,
                    "evidence_text": None if ev is None else ev.text,
                    "sentence": None if ev is None else ev.sentence,
                }


def to_csv(documents: Corpus | Iterable[Document], directory: PathLike) -> list[Path]:
    """Write ``documents.csv``, ``arms_deals.csv``, ``aid_packages.csv``, ``agreements.csv``,
    ``leaders.csv`` and ``reports.csv`` into ``directory`` (created if missing).

    Deals, aid and agreements are merged across articles (one row per
    event); ``reports.csv`` has one row per article's evidence for each.
    Amounts are plain decimal strings; lists are joined with ``"; "``.
    """
    corpus = documents if isinstance(documents, Corpus) else Corpus(documents)
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    deals, aid, agreements = corpus.arms_deals(), corpus.aid_packages(), corpus.agreements()
    return [
        _write_csv(out / "documents.csv", DOCUMENT_COLUMNS, (_document_row(d) for d in corpus)),
        _write_csv(out / "arms_deals.csv", DEAL_COLUMNS, record_rows(deals)),
        _write_csv(out / "aid_packages.csv", AID_COLUMNS, record_rows(aid)),
        _write_csv(out / "agreements.csv", AGREEMENT_COLUMNS, record_rows(agreements)),
        _write_csv(out / "leaders.csv", LEADER_COLUMNS, record_rows(corpus.leaders())),
        _write_csv(out / "reports.csv", REPORT_COLUMNS, _report_rows([*deals, *aid, *agreements])),
    ]


# ---------------------------------------------------------------- pandas


def to_dataframe(records: Iterable[Any]) -> Any:
    """A :class:`pandas.DataFrame` of :func:`record_rows` (needs the ``pandas`` extra)."""
    try:
        pandas = importlib.import_module("pandas")  # optional: imported by name so mypy needs no stubs
    except ImportError:
        raise MissingDependencyError("pandas", "pandas") from None
    items = list(records)
    return pandas.DataFrame(record_rows(items), columns=list(columns_for(items)))


# ---------------------------------------------------------------- SQLite

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
    return (_sql(money.amount), money.currency, money.qualifier, _sql(_usd(money, year)))


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


def _merged_ids(corpus: Corpus) -> tuple[dict[tuple[int, str, int], str], list[Any]]:
    """Which merged record each (document, table, position) record belongs to."""
    by_record: dict[int, tuple[int, str, int]] = {}
    for n, doc in enumerate(corpus.documents, start=1):
        for table in ("arms_deals", "aid_packages", "agreements"):
            for position, record in enumerate(getattr(doc, table)):
                by_record[id(record)] = (n, table, position)
    mapping: dict[tuple[int, str, int], str] = {}
    merged = [*corpus.arms_deals(), *corpus.aid_packages(), *corpus.agreements()]
    for record in merged:
        for report in record.reports:
            key = by_record.get(id(report.record))
            if key is not None and record.id is not None:
                mapping[key] = record.id
    return mapping, merged


def _write_database(db: sqlite3.Connection, corpus: Corpus) -> None:
    # One transaction for the whole file, no journal: the file is a temporary
    # one that is renamed into place only when complete (and fsynced first).
    db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON; BEGIN;")
    for statement in SCHEMA.split(";\n"):
        if statement.strip():
            db.execute(statement)
    db.executemany(
        "INSERT INTO meta VALUES (?, ?)", [("schema_version", SCHEMA_VERSION), ("generator", "korpol")]
    )
    merged_of, merged = _merged_ids(corpus)
    for record in merged:
        for party in (
            getattr(record, "supplier", None),
            getattr(record, "recipient", None),
            getattr(record, "donor", None),
            *getattr(record, "parties", ()),
        ):
            _add_party(db, party)
        status_or_kind = getattr(record, "status", None) or record.kind
        type_name = {
            MergedArmsDeal: "arms_deal",
            MergedAidPackage: "aid_package",
            MergedAgreement: "agreement",
        }
        amount, currency, _qualifier, usd = _money_sql(record.value, _year(record))
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
                "value_usd": usd,
                "date_start": start,
                "date_end": end,
                "n_reports": len(record.reports),
                "conflicting": record.conflicting,
                "record": _json(record.to_dict()),
            },
        )
    for n, doc in enumerate(corpus.documents, start=1):
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
    year = _year(record) or doc_year
    if table == "arms_deals":
        amount, currency, qualifier, usd = _money_sql(record.value, year)
        start, end, precision, text = _span_sql(record.date)
        return {
            "supplier": _add_party(db, record.supplier),
            "recipient": _add_party(db, record.recipient),
            "status": record.status,
            "value_amount": amount,
            "value_currency": currency,
            "value_qualifier": qualifier,
            "value_usd": usd,
            "date_start": start,
            "date_end": end,
            "date_precision": precision,
            "date_text": text,
            "systems": _join(record.systems),
            "quantity": record.quantity,
            "contractors": _join(record.contractors),
        }
    if table == "aid_packages":
        amount, currency, qualifier, usd = _money_sql(record.value, year)
        start, end, precision, text = _span_sql(record.date)
        return {
            "donor": _add_party(db, record.donor),
            "recipient": _add_party(db, record.recipient),
            "kind": record.kind,
            "value_amount": amount,
            "value_currency": currency,
            "value_qualifier": qualifier,
            "value_usd": usd,
            "date_start": start,
            "date_end": end,
            "date_precision": precision,
            "date_text": text,
            "items": _join(record.items),
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
            "signatories": _join(record.signatories),
            "topics": _join(record.topics),
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
        "participants": _join(record.participants),
        "place": record.place,
        "date_start": start,
        "date_end": end,
    }


def to_sqlite(documents: Corpus | Iterable[Document], path: PathLike) -> Path:
    """Write the corpus as an SQLite database (schema: :data:`SCHEMA`, docs/exports.md).

    The file is built under a temporary name and renamed over ``path`` when
    complete; an existing file at ``path`` is replaced.
    """
    corpus = documents if isinstance(documents, Corpus) else Corpus(documents)
    target = Path(path)
    with atomic_path(target) as tmp:
        tmp.unlink()  # sqlite3 creates the file itself
        db = sqlite3.connect(tmp, isolation_level=None)
        try:
            _write_database(db, corpus)
            db.execute("COMMIT")
        finally:
            db.close()
    return target


def from_sqlite(path: PathLike) -> Corpus:
    """Read a database written by :func:`to_sqlite` back into the same corpus.

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
    return Corpus(docs)
