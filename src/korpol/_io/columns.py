"""One column spec per record type: the CSV files, the DataFrames, the SQLite tables and the CLI tables.

Why this module exists: every output shows the same fields of a record, each in its own
shape.  A :class:`Table` lists them once: each :class:`Column` names a flat cell (the CSV
header and DataFrame column), says how the typed cell (``Decimal``, ``date``, ``int``,
``str``, ``bool``, ``None``) is read from the record, and how the record's SQLite table
stores it; each :class:`TextColumn` is a column of the CLI table.  Adding a field to a
record means adding it here — the CSV writer, :func:`record_rows`, the DataFrame view, the
SQLite schema and the CLI read these tables.  The columns are documented one by one in
``docs/exports.md``.

>>> DEALS.names[:4]
('id', 'supplier', 'supplier_name', 'recipient')
>>> [c.name for c in LEADERS.stored]
['name', 'role', 'country', 'term_start', 'term_end']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, Generic, NamedTuple, TypeVar

import attrs

from korpol._datadir import data_date
from korpol._io.display import (
    CELL_WIDTH,
    clip,
    describe,
    evidence_text,
    money_text,
    party_text,
    sources_text,
    span_text,
)
from korpol._model import (
    Aggregate,
    Agreement,
    AidPackage,
    ArmsDeal,
    Deployment,
    Document,
    Evidence,
    Leader,
    Meeting,
    Money,
    Party,
    TimeSpan,
)
from korpol._model.merged import MergedRecord, Report, in_usd, parties_of, record_year
from korpol._refdata.offices import offices_of

__all__ = [
    "AGGREGATES",
    "AGREEMENTS",
    "AID",
    "DEALS",
    "DEPLOYMENTS",
    "DOCUMENTS",
    "KINDS",
    "LEADERS",
    "MEETINGS",
    "RECORD_TABLES",
    "REPORTS",
    "TIMELINE",
    "Column",
    "ReportLine",
    "Table",
    "TextColumn",
    "as_records",
    "in_office_as_of",
    "join",
    "record_rows",
    "report_lines",
    "table_for",
    "usd_amount",
]

R = TypeVar("R")

_LIST_SEPARATOR = "; "


def join(values: Iterable[str]) -> str:
    """A list as one cell: ``"K2; K9"``."""
    return _LIST_SEPARATOR.join(values)


def usd_amount(money: Money | None, year: int | None) -> Decimal | None:
    """``money`` in US dollars at ``year``'s rate; ``None`` when there is no money or no rate."""
    in_dollars = None if money is None else in_usd(money, year)
    return None if in_dollars is None else in_dollars.amount


#: The kinds of cell a column holds, and the pandas dtype each gets (:mod:`korpol._io.frames`).
KINDS = {
    "text": "string",
    "amount": "Float64",
    "int": "Int64",
    "bool": "boolean",
    "date": "datetime64",
    "list": "object",
}


@attrs.frozen
class Column(Generic[R]):
    """One flat column of a record type, and how its SQLite table stores it.

    ``cell`` reads the typed cell from a record.  A column of US dollars names the sum
    instead (``usd``): the row converts it at the rate of the year its values belong to.
    A list column names its ``items`` instead: a flat row joins them with ``"; "`` (CSV),
    a typed row keeps the list (DataFrames; SQLite stores a JSON array).  ``kind`` says
    what the cell holds (:data:`KINDS`: text, amount, int, bool, date, list), which fixes
    its pandas dtype whatever the records.  ``sql`` is the column's declaration in the
    record type's SQLite table (``None``: not stored there) and ``note`` its comment in
    the schema.
    """

    name: str
    cell: Callable[[R], Any] | None = None
    usd: Callable[[R], Money | None] | None = None
    items: Callable[[R], Iterable[str]] | None = None
    kind: str = attrs.field(default="text", validator=attrs.validators.in_(tuple(KINDS)))
    sql: str | None = None
    note: str = ""

    def __attrs_post_init__(self) -> None:
        if self.items is not None and self.kind != "list":
            object.__setattr__(self, "kind", "list")
        if self.usd is not None and self.kind == "text":
            object.__setattr__(self, "kind", "amount")

    def read(self, record: R, year: int | None) -> Any:
        """The flat cell of ``record`` (a list joined with ``"; "``), sums converted at ``year``'s rate."""
        value = self.value(record, year)
        return join(value) if self.items is not None else value

    def value(self, record: R, year: int | None) -> Any:
        """The typed cell of ``record``: a list stays a list."""
        if self.usd is not None:
            return usd_amount(self.usd(record), year)
        if self.items is not None:
            return list(self.items(record))
        assert self.cell is not None
        return self.cell(record)


@attrs.frozen
class TextColumn(Generic[R]):
    """One column of a record type's CLI table: its header and its text."""

    header: str
    cell: Callable[[R], str]


@attrs.frozen
class Table(Generic[R]):
    """Every column of one record type, in every output.

    ``name`` names the corpus query, the CSV file and the SQLite table; ``record`` is the
    record class whose lists get these rows (``None``: any mixture, the timeline);
    ``flat`` is false for record types that have an SQLite table but no rows of their own.
    ``merged`` tables link each SQLite row to its merged record; ``indexes`` are the SQLite
    indexes beyond the document's (name suffix, columns).  ``title`` and ``text`` are the
    CLI's section.
    """

    name: str
    columns: tuple[Column[R], ...]
    record: type | None = None
    flat: bool = True
    merged: bool = False
    indexes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    title: str = ""
    text: tuple[TextColumn[R], ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The flat column names: the CSV header, the DataFrame columns."""
        return tuple(column.name for column in self.columns)

    @property
    def stored(self) -> tuple[Column[R], ...]:
        """The columns of the record type's SQLite table."""
        return tuple(column for column in self.columns if column.sql is not None)

    def row(self, record: R, year: int | None) -> dict[str, Any]:
        """One record as typed cells, sums converted at ``year``'s rate."""
        return {column.name: column.read(record, year) for column in self.columns}

    def rows(self, records: Iterable[R]) -> list[dict[str, Any]]:
        """Each record as typed cells, its sums converted at its own year's rate."""
        return [self.row(record, record_year(record)) for record in records]

    def typed_row(self, record: R, year: int | None) -> dict[str, Any]:
        """One record as typed cells, lists kept as lists (a DataFrame row)."""
        return {column.name: column.value(record, year) for column in self.columns}

    def typed_rows(self, records: Iterable[R]) -> list[dict[str, Any]]:
        """Each record as :meth:`typed_row`, its sums converted at its own year's rate."""
        return [self.typed_row(record, record_year(record)) for record in records]

    def text_rows(self, records: Iterable[R]) -> list[list[str]]:
        """Each record as the cells of the CLI table."""
        return [[column.cell(record) for column in self.text] for record in records]


# ---------------------------------------------------------------- cells


def _code(party: Party | None) -> str | None:
    return None if party is None else party.code


def _name(party: Party | None) -> str | None:
    return None if party is None else party.name


def _amount(money: Money | None) -> Decimal | None:
    return None if money is None else money.amount


def _currency(money: Money | None) -> str | None:
    return None if money is None else money.currency


def _qualifier(money: Money | None) -> str | None:
    return None if money is None else money.qualifier


def _money_text(money: Money | None) -> str | None:
    return None if money is None else money.text


def _start(span: TimeSpan | None) -> Any:
    return None if span is None else span.start


def _end(span: TimeSpan | None) -> Any:
    return None if span is None else span.end


def _precision(span: TimeSpan | None) -> str | None:
    return None if span is None else span.precision


def _span_text(span: TimeSpan | None) -> str | None:
    return None if span is None else span.text


def _inferred(span: TimeSpan | None) -> bool | None:
    """Whether a record's date is the article's publication year, not a time the text states."""
    return None if span is None else span.inferred


def _merged_id(record: Any) -> str | None:
    """A merged record's id (``deal-1``); an article's own record has none."""
    return getattr(record, "id", None)


def _n_reports(record: Any) -> int:
    reports: tuple[Report, ...] = getattr(record, "reports", ())
    return len(reports) if reports else 1


def _doc_ids(record: Any) -> list[str]:
    """The documents that report a record, each once: its reports', else its evidence's."""
    reports: tuple[Report, ...] = getattr(record, "reports", ())
    ids = (r.doc_id for r in reports) if reports else (ev.doc_id for ev in record.evidence)
    return [d or "" for d in dict.fromkeys(ids)]


def _conflicting(record: Any) -> bool:
    return bool(getattr(record, "conflicting", False))


def _sentence(record: Any) -> str | None:
    """The first evidence sentence (its text when the sentence is unknown)."""
    evidence: tuple[Evidence, ...] = record.evidence
    return (evidence[0].sentence or evidence[0].text) if evidence else None


#: How many articles reported a merged record, which, whether they disagree, and what one said.
_MERGE_COLUMNS: tuple[Column[Any], ...] = (
    Column("n_reports", _n_reports, kind="int"),
    Column("doc_ids", items=_doc_ids),
    Column("conflicting", _conflicting, kind="bool"),
    Column("sentence", _sentence),
)

_PARTY = "TEXT REFERENCES parties(code)"


def _deal_value(deal: ArmsDeal) -> str:
    value = money_text(deal.value)
    if getattr(deal, "conflicting", False):
        others = sum(1 for c in getattr(deal, "claims", ()) if c.field == "value") - 1
        value += f" (+{others} other)"
    return value


def _usd_estimated(record: Any) -> bool | None:
    """Whether ``value_usd`` is korpol's conversion (True) or a figure the text states (False)."""
    value: Money | None = getattr(record, "value", None)
    if value is None:
        return None
    usd = in_usd(value, record_year(record))
    return None if usd is None else usd.estimated


def _drawdown(field: str) -> Callable[[Any], int | None]:
    def cell(deal: Any) -> int | None:
        drawdown = getattr(deal, "drawdown", None)
        return None if drawdown is None else getattr(drawdown, field)

    return cell


def _statuses(deal: ArmsDeal) -> tuple[str, ...]:
    """The statuses a deal went through (a merged deal's history), else its own."""
    return getattr(deal, "statuses", None) or (deal.status,)


def in_office_as_of(leader: Leader) -> str:
    """What an open term says: ``(in office as of 2025-10)``, its table's data date, never "now"."""
    code = None if leader.country is None else leader.country.code
    dates = [o.as_of for o in offices_of(leader.name)
             if o.role == leader.role and o.party_code == code and o.term_start == leader.term_start]
    as_of = next((d for d in dates if d is not None), None) or data_date()
    return f"(in office as of {as_of:%Y-%m})" if as_of else "(in office)"


def _term(leader: Leader) -> str:
    """A leader's term as a table shows it: ``2023-12-13 – (in office as of 2025-10)``.

    >>> _term(Leader(name="Radosław Sikorski", role="foreign minister", country="PL",
    ...              term_start="2023-12-13"))
    '2023-12-13 – (in office as of 2025-10)'
    """
    if leader.term_start or leader.term_end:
        return f"{leader.term_start or '?'} – {leader.term_end or in_office_as_of(leader)}"
    return ""


def _when(record: Any) -> str:
    first = getattr(record, "first_reported", None)
    # an undated record sits in the timeline where it was first reported: say so
    return span_text(getattr(record, "date", None)) or (f"reported {first}" if first else "(undated)")


# ---------------------------------------------------------------- the record types

def _sums(total: Any) -> list[str]:
    """The ids of the records a recap total adds up (a corpus's :class:`~korpol.LinkedAggregate`)."""
    return [i or "" for i in getattr(total, "sums", ())]


#: The value of a deal, an aid package or a recap total: the figure, its currency and wording,
#: and US dollars (stated, or korpol's conversion at the record year's rate).
_VALUE_COLUMNS: tuple[Column[Any], ...] = (
    Column("value_amount", lambda r: _amount(r.value), kind="amount", sql="NUMERIC"),
    Column("value_currency", lambda r: _currency(r.value), sql="TEXT"),
    Column("value_qualifier", lambda r: _qualifier(r.value), sql="TEXT"),
    Column("value_text", lambda r: _money_text(r.value)),
    Column("value_usd", usd=lambda r: r.value, sql="NUMERIC"),
    Column("value_usd_estimated", _usd_estimated, kind="bool"),
)

DEALS: Table[ArmsDeal] = Table(
    name="arms_deals",
    record=ArmsDeal,
    merged=True,
    indexes=(("parties", ("supplier", "recipient")),),
    columns=(
        Column("id", _merged_id),
        Column("supplier", lambda d: _code(d.supplier), sql=_PARTY),
        Column("supplier_name", lambda d: _name(d.supplier)),
        Column("recipient", lambda d: _code(d.recipient), sql=_PARTY),
        Column("recipient_name", lambda d: _name(d.recipient)),
        Column("status", lambda d: d.status, sql="TEXT NOT NULL"),
        *_VALUE_COLUMNS,
        Column("date_start", lambda d: _start(d.date), kind="date", sql="TEXT"),
        Column("date_end", lambda d: _end(d.date), kind="date", sql="TEXT"),
        Column("date_precision", lambda d: _precision(d.date), sql="TEXT"),
        Column("date_text", lambda d: _span_text(d.date), sql="TEXT"),
        Column("date_inferred", lambda d: _inferred(d.date), kind="bool", sql="INTEGER"),
        Column("systems", items=lambda d: d.systems, sql="TEXT NOT NULL", note="JSON array"),
        Column("quantity", lambda d: d.quantity, kind="int", sql="INTEGER"),
        Column("contractors", items=lambda d: d.contractors, sql="TEXT NOT NULL"),
        Column("statuses", items=_statuses),
        Column("framework", lambda d: getattr(d, "framework", None)),
        Column("drawdown_covered", _drawdown("covered"), kind="int"),
        Column("drawdown_contracted", _drawdown("contracted"), kind="int"),
        Column("drawdown_remaining", _drawdown("remaining"), kind="int"),
        *_MERGE_COLUMNS,
    ),
    title="Arms deals",
    text=(
        TextColumn("Supplier → recipient", lambda d: f"{party_text(d.supplier)} → {party_text(d.recipient)}"),
        TextColumn("Value", _deal_value),
        TextColumn("Date", lambda d: span_text(d.date)),
        TextColumn("Status", lambda d: " → ".join(_statuses(d))),
        TextColumn("Systems", lambda d: clip(", ".join(d.systems), CELL_WIDTH)),
        TextColumn("Qty", lambda d: "" if d.quantity is None else str(d.quantity)),
        TextColumn("Sources", sources_text),
        TextColumn("Evidence", evidence_text),
    ),
)

AID: Table[AidPackage] = Table(
    name="aid_packages",
    record=AidPackage,
    merged=True,
    indexes=(("parties", ("donor", "recipient")),),
    columns=(
        Column("id", _merged_id),
        Column("donor", lambda p: _code(p.donor), sql=_PARTY),
        Column("donor_name", lambda p: _name(p.donor)),
        Column("recipient", lambda p: _code(p.recipient), sql=_PARTY),
        Column("recipient_name", lambda p: _name(p.recipient)),
        Column("kind", lambda p: p.kind, sql="TEXT NOT NULL"),
        *_VALUE_COLUMNS,
        Column("date_start", lambda p: _start(p.date), kind="date", sql="TEXT"),
        Column("date_end", lambda p: _end(p.date), kind="date", sql="TEXT"),
        Column("date_precision", lambda p: _precision(p.date), sql="TEXT"),
        Column("date_text", lambda p: _span_text(p.date), sql="TEXT"),
        Column("date_inferred", lambda p: _inferred(p.date), kind="bool", sql="INTEGER"),
        Column("items", items=lambda p: p.items, sql="TEXT NOT NULL"),
        *_MERGE_COLUMNS,
    ),
    title="Aid packages",
    text=(
        TextColumn("Donor → recipient", lambda p: f"{party_text(p.donor)} → {party_text(p.recipient)}"),
        TextColumn("Kind", lambda p: p.kind),
        TextColumn("Value", lambda p: money_text(p.value)),
        TextColumn("Date", lambda p: span_text(p.date)),
        TextColumn("Items", lambda p: clip(", ".join(p.items), CELL_WIDTH)),
        TextColumn("Sources", sources_text),
        TextColumn("Evidence", evidence_text),
    ),
)

AGREEMENTS: Table[Agreement] = Table(
    name="agreements",
    record=Agreement,
    merged=True,
    columns=(
        Column("id", _merged_id),
        Column("parties", items=lambda a: [p.code for p in a.parties]),  # SQLite: agreement_parties
        Column("party_names", items=lambda a: [p.name for p in a.parties]),
        Column("kind", lambda a: a.kind, sql="TEXT NOT NULL"),
        Column("date_start", lambda a: _start(a.date), kind="date", sql="TEXT"),
        Column("date_end", lambda a: _end(a.date), kind="date", sql="TEXT"),
        Column("date_precision", lambda a: _precision(a.date), sql="TEXT"),
        Column("date_text", lambda a: _span_text(a.date), sql="TEXT"),
        Column("date_inferred", lambda a: _inferred(a.date), kind="bool", sql="INTEGER"),
        Column("until_start", lambda a: _start(a.until), kind="date", sql="TEXT"),
        Column("until_end", lambda a: _end(a.until), kind="date", sql="TEXT"),
        Column("until_text", lambda a: _span_text(a.until)),
        Column("signatories", items=lambda a: a.signatories, sql="TEXT NOT NULL"),
        Column("topics", items=lambda a: a.topics, sql="TEXT NOT NULL"),
        Column("value_amount", lambda a: _amount(a.value), kind="amount", sql="NUMERIC"),
        Column("value_currency", lambda a: _currency(a.value), sql="TEXT"),
        Column("value_qualifier", lambda a: _qualifier(a.value)),
        Column("value_text", lambda a: _money_text(a.value)),
        Column("value_usd", usd=lambda a: a.value),
        *_MERGE_COLUMNS,
    ),
    title="Agreements",
    text=(
        TextColumn("Parties", lambda a: clip("–".join(p.code for p in a.parties), CELL_WIDTH)),
        TextColumn("Kind", lambda a: a.kind.replace("_", " ")),
        TextColumn("Date", lambda a: span_text(a.date)),
        TextColumn("Until", lambda a: span_text(a.until)),
        TextColumn("Signatories", lambda a: clip(", ".join(a.signatories), CELL_WIDTH)),
        TextColumn("Sources", sources_text),
        TextColumn("Evidence", evidence_text),
    ),
)

LEADERS: Table[Leader] = Table(
    name="leaders",
    record=Leader,
    indexes=(("country", ("country", "role")),),
    columns=(
        Column("name", lambda x: x.name, sql="TEXT NOT NULL"),
        Column("role", lambda x: x.role, sql="TEXT NOT NULL"),
        Column("country", lambda x: _code(x.country), sql=_PARTY),
        Column("country_name", lambda x: _name(x.country)),
        Column("term_start", lambda x: x.term_start, kind="date", sql="TEXT"),
        Column("term_end", lambda x: x.term_end, kind="date", sql="TEXT"),
        Column("aliases", items=lambda x: x.aliases),
        Column("n_mentions", lambda x: len(x.evidence), kind="int"),
        Column("doc_ids", items=_doc_ids),
        Column("sentence", _sentence),
    ),
    title="Leaders",
    text=(
        TextColumn("Name", lambda x: x.name),
        TextColumn("Role", lambda x: x.role),
        TextColumn("Country", lambda x: party_text(x.country)),
        TextColumn("Term", _term),
        TextColumn("Mentions", lambda x: str(len(x.evidence))),
    ),
)

#: Deployments and meetings have SQLite tables; their flat rows are the timeline's.
DEPLOYMENTS: Table[Deployment] = Table(
    name="deployments",
    record=Deployment,
    flat=False,
    columns=(
        Column("sender", lambda x: _code(x.sender), sql=_PARTY),
        Column("destination", lambda x: _code(x.destination), sql=_PARTY),
        Column("size", lambda x: x.size, kind="int", sql="INTEGER"),
        Column("date_start", lambda x: _start(x.date), kind="date", sql="TEXT"),
        Column("date_end", lambda x: _end(x.date), kind="date", sql="TEXT"),
        Column("date_text", lambda x: _span_text(x.date)),
        Column("doc_ids", items=_doc_ids),
        Column("sentence", _sentence),
    ),
)

MEETINGS: Table[Meeting] = Table(
    name="meetings",
    record=Meeting,
    flat=False,
    columns=(
        Column("participants", items=lambda x: x.participants, sql="TEXT NOT NULL"),
        Column("place", lambda x: x.place, sql="TEXT"),
        Column("date_start", lambda x: _start(x.date), kind="date", sql="TEXT"),
        Column("date_end", lambda x: _end(x.date), kind="date", sql="TEXT"),
        Column("parties", items=lambda x: [p.code for p in x.parties]),
        Column("date_text", lambda x: _span_text(x.date)),
        Column("doc_ids", items=_doc_ids),
        Column("sentence", _sentence),
    ),
)

AGGREGATES: Table[Aggregate] = Table(
    name="aggregates",
    record=Aggregate,
    indexes=(("parties", ("supplier", "recipient")),),
    columns=(
        Column("id", _merged_id),
        Column("of", lambda a: a.of, sql="TEXT NOT NULL"),
        Column("supplier", lambda a: _code(a.supplier), sql=_PARTY),
        Column("supplier_name", lambda a: _name(a.supplier)),
        Column("recipient", lambda a: _code(a.recipient), sql=_PARTY),
        Column("recipient_name", lambda a: _name(a.recipient)),
        *_VALUE_COLUMNS,
        Column("date_start", lambda a: _start(a.date), kind="date", sql="TEXT"),
        Column("date_end", lambda a: _end(a.date), kind="date", sql="TEXT"),
        Column("date_text", lambda a: _span_text(a.date), sql="TEXT"),
        Column("date_inferred", lambda a: _inferred(a.date), kind="bool", sql="INTEGER"),
        Column("count", lambda a: a.count, kind="int", sql="INTEGER"),
        Column("systems", items=lambda a: a.systems, sql="TEXT NOT NULL", note="JSON array"),
        Column("sums", items=_sums),
        Column("doc_ids", items=_doc_ids),
        Column("sentence", _sentence),
    ),
    title="Recap totals",
    text=(
        TextColumn("Supplier → recipient", lambda a: f"{party_text(a.supplier)} → {party_text(a.recipient)}"),
        TextColumn("Total", lambda a: money_text(a.value)),
        TextColumn("Of", lambda a: (f"{a.count} " if a.count else "") + a.of.replace("_", " ")),
        TextColumn("Date", lambda a: span_text(a.date)),
        TextColumn("Sums", lambda a: ", ".join(_sums(a)) or "-"),
        TextColumn("Sources", sources_text),
        TextColumn("Evidence", evidence_text),
    ),
)

#: Any mixture of records (the timeline: merged deals, aid, agreements, deployments, meetings).
TIMELINE: Table[Any] = Table(
    name="timeline",
    columns=(
        Column("type", lambda x: type(x).__name__.removeprefix("Merged")),
        Column("id", _merged_id),
        Column("date_start", lambda x: _start(getattr(x, "date", None)), kind="date"),
        Column("date_end", lambda x: _end(getattr(x, "date", None)), kind="date"),
        Column("date_text", lambda x: _span_text(getattr(x, "date", None))),
        Column("parties", items=lambda x: list(dict.fromkeys(p.code for p in parties_of(x)))),
        Column("summary", describe),
        Column("value_amount", lambda x: _amount(getattr(x, "value", None)), kind="amount"),
        Column("value_currency", lambda x: _currency(getattr(x, "value", None))),
        Column("doc_ids", items=_doc_ids),
        Column("sentence", _sentence),
    ),
    title="Timeline",
    text=(
        TextColumn("Date", _when),
        TextColumn("Record", lambda x: clip(describe(x), 60)),
        TextColumn("Sources", sources_text),
    ),
)


# ---------------------------------------------------------------- documents and reports


DOCUMENTS: Table[Document] = Table(
    name="documents",
    record=Document,
    columns=(
        Column("id", lambda d: d.id),
        Column("published", lambda d: d.published, kind="date"),
        Column("title", lambda d: d.title),
        Column("source", lambda d: d.source),
        Column("encoding", lambda d: d.encoding),
        Column("characters", lambda d: len(d.text), kind="int"),
        Column("arms_deals", lambda d: len(d.arms_deals), kind="int"),
        Column("aid_packages", lambda d: len(d.aid_packages), kind="int"),
        Column("agreements", lambda d: len(d.agreements), kind="int"),
        Column("leaders", lambda d: len(d.leaders), kind="int"),
        Column("errors", items=lambda d: d.errors),
    ),
)


class ReportLine(NamedTuple):
    """One line of ``reports.csv``: a merged record, one article's report of it, one evidence span."""

    merged: MergedRecord
    report: Report
    evidence: Evidence | None


def report_lines(merged: Iterable[MergedRecord]) -> Iterator[ReportLine]:
    """Each report of each merged record, once per evidence span (once when it has none)."""
    for record in merged:
        for report in record.reports:
            evidence: Sequence[Evidence | None] = report.record.evidence or (None,)
            for ev in evidence:
                yield ReportLine(record, report, ev)


def _status_or_kind(line: ReportLine) -> str | None:
    stated = line.report.record
    return getattr(stated, "status", None) or getattr(stated, "kind", None)


REPORTS: Table[ReportLine] = Table(
    name="reports",
    record=ReportLine,
    columns=(
        Column("record_id", lambda x: x.merged.id),
        Column("record_type", lambda x: type(x.report.record).__name__),
        Column("doc_id", lambda x: x.report.doc_id),
        Column("published", lambda x: x.report.published, kind="date"),
        Column("status_or_kind", _status_or_kind),
        Column("value_amount", lambda x: _amount(x.report.record.value), kind="amount"),
        Column("value_currency", lambda x: _currency(x.report.record.value)),
        Column("value_text", lambda x: _money_text(x.report.record.value)),
        Column("date_start", lambda x: _start(x.report.record.date), kind="date"),
        Column("date_end", lambda x: _end(x.report.record.date), kind="date"),
        Column("date_text", lambda x: _span_text(x.report.record.date)),
        Column("quantity", lambda x: getattr(x.report.record, "quantity", None), kind="int"),
        Column("evidence_start", lambda x: None if x.evidence is None else x.evidence.start, kind="int"),
        Column("evidence_end", lambda x: None if x.evidence is None else x.evidence.end, kind="int"),
        Column("evidence_text", lambda x: None if x.evidence is None else x.evidence.text),
        Column("sentence", lambda x: None if x.evidence is None else x.evidence.sentence),
    ),
)


# ---------------------------------------------------------------- a query's rows

#: An article's record types, in the order of :data:`~korpol._model.RECORD_FIELDS`, then its
#: recap totals (``Document.aggregates``).
RECORD_TABLES: tuple[Table[Any], ...] = (DEALS, AID, AGREEMENTS, LEADERS, DEPLOYMENTS, MEETINGS, AGGREGATES)

#: The record types whose lists get rows of their own, tried in order.
_FLAT_TABLES = tuple(table for table in RECORD_TABLES if table.flat)


def table_for(records: Sequence[Any]) -> Table[Any]:
    """The table of these records: their record type's, else (a mixture) the timeline's.

    >>> from korpol import Leader
    >>> table_for([Leader(name="Andrzej Duda", role="president", country="PL")]).name
    'leaders'
    >>> table_for([]).name
    'timeline'
    """
    for table in _FLAT_TABLES:
        if records and table.record is not None and all(isinstance(r, table.record) for r in records):
            return table
    return TIMELINE


def table_of(record_type: type) -> Table[Any]:
    """The table of a record type (its subclasses, the merged records, included), else the timeline's.

    >>> from korpol import ArmsDeal
    >>> table_of(ArmsDeal).name
    'arms_deals'
    """
    for table in _FLAT_TABLES:
        if table.record is not None and issubclass(record_type, table.record):
            return table
    return TIMELINE


def as_records(items: Iterable[Any]) -> list[Any]:
    """Records as a table shows them: a :class:`~korpol.Report` is the article's own record."""
    return [item.record if isinstance(item, Report) else item for item in items]


def record_rows(records: Iterable[Any]) -> list[dict[str, Any]]:
    """Flat rows with typed cells (Decimal, date, int, str, bool, None), one per record.

    Records of one type get that type's columns (:data:`DEALS` ...); a mixture
    (a timeline) gets the :data:`TIMELINE` columns; reports, their records' columns.
    """
    items = as_records(records)
    return table_for(items).rows(items)
