"""The flat columns of each record type: what a CSV file, a DataFrame and a query's rows hold.

Why this module exists: a spreadsheet wants one row per record, with parties, money and dates
spread over plain cells.  :func:`record_rows` builds those rows with typed cells (``Decimal``,
``date``, ``int``, ``str``, ``bool``, ``None``); the CSV writer and the DataFrame view format
them.  The columns are documented one by one in ``docs/exports.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from korpol._io.display import describe
from korpol._model import Agreement, AidPackage, ArmsDeal, Document, Evidence, Leader, Money, Party, TimeSpan
from korpol._model.merged import MergedArmsDeal, Report, in_usd, parties_of, record_year

__all__ = [
    "AGREEMENT_COLUMNS",
    "AID_COLUMNS",
    "DEAL_COLUMNS",
    "DOCUMENT_COLUMNS",
    "LEADER_COLUMNS",
    "REPORT_COLUMNS",
    "TIMELINE_COLUMNS",
    "columns_for",
    "document_row",
    "join",
    "record_rows",
    "report_rows",
    "usd",
]

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


def usd(money: Money | None, year: int | None) -> Decimal | None:
    """``money`` in US dollars at ``year``'s rate; ``None`` when there is no money or no rate."""
    if money is None:
        return None
    in_dollars = in_usd(money, year)
    return None if in_dollars is None else in_dollars.amount


def _money_cells(money: Money | None, year: int | None) -> dict[str, Any]:
    return {
        "value_amount": None if money is None else money.amount,
        "value_currency": None if money is None else money.currency,
        "value_qualifier": None if money is None else money.qualifier,
        "value_text": None if money is None else money.text,
        "value_usd": usd(money, year),
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


def join(values: Iterable[str]) -> str:
    """A list as one cell: ``"K2; K9"``."""
    return _LIST_SEPARATOR.join(values)


def _deal_row(deal: ArmsDeal) -> dict[str, Any]:
    statuses = deal.statuses if isinstance(deal, MergedArmsDeal) else (deal.status,)
    row: dict[str, Any] = {"id": getattr(deal, "id", None)}
    row |= _party_cells("supplier", deal.supplier) | _party_cells("recipient", deal.recipient)
    row |= {"status": deal.status}
    row |= _money_cells(deal.value, record_year(deal)) | _span_cells("date", deal.date)
    row |= {
        "systems": join(deal.systems),
        "quantity": deal.quantity,
        "contractors": join(deal.contractors),
        "statuses": join(statuses),
    }
    return row | _merge_cells(deal)


def _aid_row(package: AidPackage) -> dict[str, Any]:
    row: dict[str, Any] = {"id": getattr(package, "id", None)}
    row |= _party_cells("donor", package.donor) | _party_cells("recipient", package.recipient)
    row |= (
        {"kind": package.kind}
        | _money_cells(package.value, record_year(package))
        | _span_cells("date", package.date)
    )
    row |= {"items": join(package.items)}
    return row | _merge_cells(package)


def _agreement_row(agreement: Agreement) -> dict[str, Any]:
    until = _span_cells("until", agreement.until)
    row: dict[str, Any] = {
        "id": getattr(agreement, "id", None),
        "parties": join(p.code for p in agreement.parties),
        "party_names": join(p.name for p in agreement.parties),
        "kind": agreement.kind,
    }
    row |= _span_cells("date", agreement.date)
    row |= {k: until[k] for k in ("until_start", "until_end", "until_text")}
    row |= {"signatories": join(agreement.signatories), "topics": join(agreement.topics)}
    row |= _money_cells(agreement.value, record_year(agreement))
    return row | _merge_cells(agreement)


def _leader_row(leader: Leader) -> dict[str, Any]:
    doc_ids = list(dict.fromkeys(ev.doc_id for ev in leader.evidence))
    return {
        "name": leader.name,
        "role": leader.role,
        **_party_cells("country", leader.country),
        "term_start": leader.term_start,
        "term_end": leader.term_end,
        "aliases": join(leader.aliases),
        "n_mentions": len(leader.evidence),
        "doc_ids": join(d or "" for d in doc_ids),
        "sentence": (leader.evidence[0].sentence or leader.evidence[0].text) if leader.evidence else None,
    }


def _timeline_row(record: Any) -> dict[str, Any]:
    date: TimeSpan | None = getattr(record, "date", None)
    value: Money | None = getattr(record, "value", None)
    merge = _merge_cells(record)
    return {
        "type": type(record).__name__.removeprefix("Merged"),
        "id": getattr(record, "id", None),
        "date_start": None if date is None else date.start,
        "date_end": None if date is None else date.end,
        "date_text": None if date is None else date.text,
        "parties": join(dict.fromkeys(p.code for p in parties_of(record))),
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


def document_row(doc: Document) -> dict[str, Any]:
    """The ``documents.csv`` row of one document (:data:`DOCUMENT_COLUMNS`)."""
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
        "errors": join(doc.errors),
    }


def report_rows(merged: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """The ``reports.csv`` rows: one per report of each merged record, per evidence span."""
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


