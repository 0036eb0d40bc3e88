"""Scoring korpol against articles an analyst has annotated by hand.

Why this module exists: korpol is meant to be trusted on news it has never
seen, so a user must be able to measure it on *their* articles.  An annotated
article is a pair ``<id>.txt`` (the text) + ``<id>.json`` (the gold records,
in the schema documented in ``docs/evaluating.md``).  :func:`evaluate` parses
every text, matches the records korpol returns with the gold records, and
reports precision / recall / F1 per record type, the accuracy of the fields of
matched records, and per article what was missed, what was spurious and which
fields were wrong.  ``python -m korpol evaluate DIR...`` is the same as a
command (:func:`main`).

Matching is the project's referee rule, so that a number printed here is the
number korpol is judged by:

* arms deals: same supplier and recipient, and compatible values;
* aid packages: same donor and recipient, and compatible values;
* agreements: the same set of parties, and the same kind or the same year;
* leaders: names sharing a word (titles aside, accents and case folded) and the
  same country.

Values are compatible when both are absent, or the currency is the same and
the amounts differ by at most 2 %, or the predicted value equals one of the
gold ``alt_values``.  One gold record matches at most one prediction, greedily
by a fit score that prefers an agreeing year.  A prediction matched to an
``optional`` gold record counts neither as a true nor as a false positive.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar, Literal, Union

import attrs

from korpol import _pipeline
from korpol._errors import InputTypeError, ValidationError
from korpol._model import (
    AGREEMENT_KINDS,
    AID_KINDS,
    DEAL_STATUSES,
    Agreement,
    AidPackage,
    ArmsDeal,
    Document,
    Leader,
    Money,
    TimeSpan,
)

__all__ = [
    "FIELDS",
    "RECORD_TYPES",
    "Annotation",
    "AnnotationError",
    "ArticleResult",
    "EvaluationReport",
    "FieldError",
    "FieldScore",
    "GoldAgreement",
    "GoldAidPackage",
    "GoldArmsDeal",
    "GoldLeader",
    "Match",
    "TypeScore",
    "evaluate",
    "main",
    "read_annotation",
    "score_document",
]

RecordType = Literal["arms_deals", "aid_packages", "agreements", "leaders"]

#: The record types scored, in report order.
RECORD_TYPES: tuple[RecordType, ...] = ("arms_deals", "aid_packages", "agreements", "leaders")

#: The fields whose accuracy is measured on matched records, per record type.
FIELDS: Mapping[str, tuple[str, ...]] = {
    "arms_deals": ("year", "status", "quantity", "systems"),
    "aid_packages": ("year", "kind"),
    "agreements": ("kind", "year", "until"),
    "leaders": ("role",),
}

# Words that never identify a person: a name shared only through them is no match.
_TITLES = frozenset(
    {"mr", "mrs", "ms", "dr", "president", "minister", "gen", "general", "prime", "foreign",
     "defense", "defence"}
)

# Largest relative difference between two amounts in the same currency that still match.
_VALUE_TOLERANCE = Decimal("0.02")

Record = Union[ArmsDeal, AidPackage, Agreement, Leader]  # noqa: UP007 - runtime alias on 3.10
ParseFunction = Callable[..., Document]


# ---------------------------------------------------------------- errors


class AnnotationError(ValidationError):
    """An annotation file does not follow the gold schema.

    ``path`` is the file, ``field`` the JSON path of the bad value inside it.

    >>> err = AnnotationError("d01.json", "arms_deals[0].status", "sold", "must be one of signed, ...")
    >>> str(err)
    "d01.json: arms_deals[0].status: 'sold' is not valid: must be one of signed, ..."
    >>> isinstance(err, ValueError)
    True
    """

    def __init__(self, path: str | os.PathLike[str], field: str, value: Any, reason: str) -> None:
        super().__init__(field, value, reason)
        self.path = Path(path)
        where = f"{path}: {field}" if field else str(path)
        shown = f"{value!r} is not valid: {reason}" if field else reason
        self.args = (f"{where}: {shown}",)


# ---------------------------------------------------------------- gold records


def _money_json(m: Money | None) -> dict[str, Any] | None:
    if m is None:
        return None
    amount: int | str = int(m.amount) if m.amount == m.amount.to_integral_value() else format(m.amount, "f")
    return {"amount": amount, "currency": m.currency}


@attrs.frozen(kw_only=True)
class GoldArmsDeal:
    """One ``arms_deals`` entry of an annotation file."""

    record_type: ClassVar[RecordType] = "arms_deals"
    supplier: str
    recipient: str
    status: str
    value: Money | None = None
    alt_values: tuple[Money, ...] = ()
    year: int | None = None
    systems: tuple[str, ...] = ()
    quantity: int | None = None
    optional: bool = False
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """This record in the annotation schema."""
        return {
            "supplier": self.supplier, "recipient": self.recipient,
            "value": _money_json(self.value), "alt_values": [_money_json(m) for m in self.alt_values],
            "year": self.year, "systems": list(self.systems), "quantity": self.quantity,
            "status": self.status, "optional": self.optional, "note": self.note,
        }


@attrs.frozen(kw_only=True)
class GoldAidPackage:
    """One ``aid_packages`` entry of an annotation file."""

    record_type: ClassVar[RecordType] = "aid_packages"
    donor: str
    recipient: str
    kind: str
    value: Money | None = None
    year: int | None = None
    optional: bool = False
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """This record in the annotation schema."""
        return {
            "donor": self.donor, "recipient": self.recipient, "value": _money_json(self.value),
            "year": self.year, "kind": self.kind, "optional": self.optional, "note": self.note,
        }


@attrs.frozen(kw_only=True)
class GoldAgreement:
    """One ``agreements`` entry of an annotation file."""

    record_type: ClassVar[RecordType] = "agreements"
    parties: tuple[str, ...]
    kind: str
    year: int | None = None
    until: int | None = None
    optional: bool = False
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """This record in the annotation schema."""
        return {
            "parties": list(self.parties), "kind": self.kind, "year": self.year,
            "until": self.until, "optional": self.optional, "note": self.note,
        }


@attrs.frozen(kw_only=True)
class GoldLeader:
    """One ``leaders`` entry of an annotation file (leaders are never optional)."""

    record_type: ClassVar[RecordType] = "leaders"
    name: str
    country: str
    role: str
    optional: ClassVar[bool] = False
    note: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        """This record in the annotation schema."""
        return {"name": self.name, "country": self.country, "role": self.role}


GoldRecord = Union[GoldArmsDeal, GoldAidPackage, GoldAgreement, GoldLeader]  # noqa: UP007


@attrs.frozen(kw_only=True)
class Annotation:
    """One annotated article: its metadata and gold records.

    Build it with :func:`read_annotation` (from a file) or :meth:`from_dict`.

    >>> a = Annotation.from_dict({"id": "x1", "published": "2025-03-05",
    ...     "leaders": [{"name": "Cho Tae-yul", "country": "kr", "role": "foreign minister"}]})
    >>> a.published, a.leaders[0].country
    (datetime.date(2025, 3, 5), 'KR')
    >>> Annotation.from_dict({"id": "x2", "arms_deals": [{"supplier": "KR"}]})
    Traceback (most recent call last):
    ...
    korpol._evaluate.AnnotationError: <dict>: arms_deals[0].recipient: None is not valid: required
    """

    id: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    arms_deals: tuple[GoldArmsDeal, ...] = ()
    aid_packages: tuple[GoldAidPackage, ...] = ()
    agreements: tuple[GoldAgreement, ...] = ()
    leaders: tuple[GoldLeader, ...] = ()
    path: Path | None = None

    def records(self, record_type: str) -> tuple[GoldRecord, ...]:
        """The gold records of one type (``"arms_deals"``, ...)."""
        records: tuple[GoldRecord, ...] = getattr(self, record_type)
        return records

    @classmethod
    def from_dict(
        cls, data: Any, *, path: str | os.PathLike[str] | None = None, default_id: str | None = None
    ) -> Annotation:
        """Read the gold schema; a bad value raises :class:`AnnotationError` naming its field."""
        return _Reader(path if path is not None else "<dict>").annotation(
            data, default_id, None if path is None else Path(path)
        )


class _Reader:
    """Reads one annotation file, naming the file and JSON path of any bad value."""

    def __init__(self, source: str | os.PathLike[str]) -> None:
        self.source = source

    def fail(self, where: str, value: Any, reason: str) -> AnnotationError:
        return AnnotationError(self.source, where, value, reason)

    def obj(self, data: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(data, Mapping):
            raise self.fail(where or "(top level)", data, "expected a JSON object")
        return data

    def array(self, data: Mapping[str, Any], key: str, where: str) -> list[Any]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(where + key, value, "expected a JSON list")
        return value

    def text(self, data: Mapping[str, Any], key: str, where: str, *, required: bool) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                raise self.fail(where + key, value, "required")
            return None
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(where + key, value, "expected a non-empty string")
        return value

    def code(self, value: Any, where: str) -> str:
        if value is None:
            raise self.fail(where, value, "required")
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, value, "expected a code string such as 'KR' or 'NATO'")
        code = value.strip().upper()
        if not code.replace("-", "").isalnum():
            raise self.fail(where, value, "a code is letters and digits ('KR', 'NATO', 'G7')")
        if len(code) == 2 and code.isalpha():
            from korpol._refdata import get_organization
            from korpol._tables import country_codes

            if code not in country_codes() and get_organization(code) is None:  # ("EU", "UN" are two letters)
                raise self.fail(
                    where, value, "not an ISO 3166-1 alpha-2 country code nor an organisation's code"
                )
        return code

    def integer(self, data: Mapping[str, Any], key: str, where: str) -> int | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(where + key, value, "expected a non-negative integer or null")
        return value

    def flag(self, data: Mapping[str, Any], where: str) -> bool:
        value = data.get("optional", False)
        if not isinstance(value, bool):
            raise self.fail(where + "optional", value, "expected true or false")
        return value

    def choice(self, data: Mapping[str, Any], key: str, where: str, vocabulary: tuple[str, ...]) -> str:
        value = data.get(key)
        if not isinstance(value, str) or value.strip().lower() not in vocabulary:
            reason = "required" if value is None else f"must be one of {', '.join(vocabulary)}"
            raise self.fail(where + key, value, reason)
        return value.strip().lower()

    def money(self, value: Any, where: str) -> Money | None:
        if value is None:
            return None
        data = self.obj(value, where)
        amount = data.get("amount")
        if isinstance(amount, bool) or not isinstance(amount, int | float | str):
            raise self.fail(where + ".amount", amount, "expected a number")
        currency = data.get("currency")
        try:
            return Money(amount=str(amount) if isinstance(amount, float) else amount,
                         currency=currency)  # type: ignore[arg-type]  # validated by Money
        except ValidationError as exc:
            raise self.fail(f"{where}.{exc.field}", exc.value, exc.reason) from None

    def strings(self, data: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
        values = self.array(data, key, where)
        for i, v in enumerate(values):
            if not isinstance(v, str):
                raise self.fail(f"{where}{key}[{i}]", v, "expected a string")
        return tuple(values)

    def annotation(self, data: Any, default_id: str | None, path: Path | None) -> Annotation:
        top = self.obj(data, "")
        doc_id = self.text(top, "id", "", required=False) or default_id
        if doc_id is None:
            raise self.fail("id", None, "required")
        published = top.get("published")
        day: dt.date | None = None
        if published is not None:
            try:
                day = dt.date.fromisoformat(published) if isinstance(published, str) else None
            except ValueError:
                day = None
            if day is None:
                raise self.fail("published", published, "expected a YYYY-MM-DD date or null")
        return Annotation(
            id=doc_id,
            published=day,
            title=self.text(top, "title", "", required=False),
            url=self.text(top, "url", "", required=False),
            arms_deals=tuple(self.arms_deal(r, f"arms_deals[{i}].")
                             for i, r in enumerate(self.array(top, "arms_deals", ""))),
            aid_packages=tuple(self.aid_package(r, f"aid_packages[{i}].")
                               for i, r in enumerate(self.array(top, "aid_packages", ""))),
            agreements=tuple(self.agreement(r, f"agreements[{i}].")
                             for i, r in enumerate(self.array(top, "agreements", ""))),
            leaders=tuple(self.leader(r, f"leaders[{i}].")
                          for i, r in enumerate(self.array(top, "leaders", ""))),
            path=path,
        )

    def arms_deal(self, data: Any, where: str) -> GoldArmsDeal:
        r = self.obj(data, where.rstrip("."))
        alts = tuple(self.money(v, f"{where}alt_values[{i}]")
                     for i, v in enumerate(self.array(r, "alt_values", where)))
        return GoldArmsDeal(
            supplier=self.code(r.get("supplier"), where + "supplier"),
            recipient=self.code(r.get("recipient"), where + "recipient"),
            value=self.money(r.get("value"), where + "value"),
            alt_values=tuple(m for m in alts if m is not None),
            year=self.integer(r, "year", where),
            systems=self.strings(r, "systems", where),
            quantity=self.integer(r, "quantity", where),
            status=self.choice(r, "status", where, DEAL_STATUSES),
            optional=self.flag(r, where),
            note=self.text(r, "note", where, required=False) or "",
        )

    def aid_package(self, data: Any, where: str) -> GoldAidPackage:
        r = self.obj(data, where.rstrip("."))
        return GoldAidPackage(
            donor=self.code(r.get("donor"), where + "donor"),
            recipient=self.code(r.get("recipient"), where + "recipient"),
            value=self.money(r.get("value"), where + "value"),
            year=self.integer(r, "year", where),
            kind=self.choice(r, "kind", where, AID_KINDS),
            optional=self.flag(r, where),
            note=self.text(r, "note", where, required=False) or "",
        )

    def agreement(self, data: Any, where: str) -> GoldAgreement:
        r = self.obj(data, where.rstrip("."))
        parties = self.array(r, "parties", where)
        if not parties:
            raise self.fail(where + "parties", r.get("parties"), "an agreement needs at least one party")
        return GoldAgreement(
            parties=tuple(self.code(p, f"{where}parties[{i}]") for i, p in enumerate(parties)),
            kind=self.choice(r, "kind", where, AGREEMENT_KINDS),
            year=self.integer(r, "year", where),
            until=self.integer(r, "until", where),
            optional=self.flag(r, where),
            note=self.text(r, "note", where, required=False) or "",
        )

    def leader(self, data: Any, where: str) -> GoldLeader:
        r = self.obj(data, where.rstrip("."))
        return GoldLeader(
            name=self.text(r, "name", where, required=True) or "",
            country=self.code(r.get("country"), where + "country"),
            role=(self.text(r, "role", where, required=True) or "").strip().lower(),
        )


def read_annotation(path: str | os.PathLike[str]) -> Annotation:
    """Read one ``<id>.json`` annotation file (UTF-8, the gold schema).

    The article id defaults to the file stem.  A file that is not JSON, or a
    value that does not fit the schema, raises :class:`AnnotationError` naming
    the file and the field.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise AnnotationError(path, "", None, f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise AnnotationError(
            path, "", None, f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    return Annotation.from_dict(data, path=path, default_id=path.stem)


# ---------------------------------------------------------------- comparable views
# Gold and predicted records are both reduced to a _View, so that matching and
# field checks read one shape.  ``shown`` is the record in the annotation
# schema, used to report errors (a spurious record reads like a gold entry).


@attrs.frozen
class _View:
    pair: tuple[str | None, str | None] = (None, None)
    parties: frozenset[str] = frozenset()
    name: str = ""
    country: str | None = None
    value: tuple[Decimal, str] | None = None
    alts: tuple[tuple[Decimal, str], ...] = ()
    year: int | None = None
    fields: Mapping[str, Any] = attrs.field(factory=dict, eq=False)
    optional: bool = False


def _amount(m: Money | None) -> tuple[Decimal, str] | None:
    return None if m is None else (m.amount, m.currency)


def _code(party: Any) -> str | None:
    code = getattr(party, "code", None)
    return code.upper() if isinstance(code, str) and code else None


def _span_year(span: TimeSpan | None) -> int | None:
    if span is None:
        return None
    if span.start is not None:
        return span.start.year
    return None if span.end is None else span.end.year


def _gold_view(record: GoldRecord) -> _View:
    if isinstance(record, GoldArmsDeal):
        return _View(
            pair=(record.supplier, record.recipient), value=_amount(record.value),
            alts=tuple(a for a in map(_amount, record.alt_values) if a is not None), year=record.year,
            fields={"year": record.year, "status": record.status, "quantity": record.quantity,
                    "systems": record.systems},
            optional=record.optional,
        )
    if isinstance(record, GoldAidPackage):
        return _View(
            pair=(record.donor, record.recipient), value=_amount(record.value), year=record.year,
            fields={"year": record.year, "kind": record.kind}, optional=record.optional,
        )
    if isinstance(record, GoldAgreement):
        return _View(
            parties=frozenset(record.parties), year=record.year,
            fields={"kind": record.kind, "year": record.year, "until": record.until},
            optional=record.optional,
        )
    return _View(name=record.name, country=record.country, fields={"role": record.role})


def _predicted_view(record: Record) -> _View:
    if isinstance(record, ArmsDeal):
        year = _span_year(record.date)
        return _View(
            pair=(_code(record.supplier), _code(record.recipient)), value=_amount(record.value),
            year=year,
            fields={"year": year, "status": record.status, "quantity": record.quantity,
                    "systems": record.systems},
        )
    if isinstance(record, AidPackage):
        year = _span_year(record.date)
        return _View(
            pair=(_code(record.donor), _code(record.recipient)), value=_amount(record.value),
            year=year, fields={"year": year, "kind": record.kind},
        )
    if isinstance(record, Agreement):
        year = _span_year(record.date)
        codes = (_code(p) for p in record.parties)
        return _View(
            parties=frozenset(c for c in codes if c), year=year,
            fields={"kind": record.kind, "year": year, "until": _span_year(record.until)},
        )
    return _View(name=record.name, country=_code(record.country), fields={"role": record.role})


def _shown(record: Record | GoldRecord) -> dict[str, Any]:
    """A record in the annotation schema (a prediction reads like a gold entry)."""
    if isinstance(record, GoldArmsDeal | GoldAidPackage | GoldAgreement | GoldLeader):
        return record.to_dict()
    if isinstance(record, ArmsDeal):
        return {
            "supplier": _code(record.supplier), "recipient": _code(record.recipient),
            "value": _money_json(record.value), "alt_values": [_money_json(m) for m in record.alt_values],
            "year": _span_year(record.date), "systems": list(record.systems),
            "quantity": record.quantity, "status": record.status,
        }
    if isinstance(record, AidPackage):
        return {
            "donor": _code(record.donor), "recipient": _code(record.recipient),
            "value": _money_json(record.value), "year": _span_year(record.date), "kind": record.kind,
        }
    if isinstance(record, Agreement):
        return {
            "parties": [_code(p) for p in record.parties], "kind": record.kind,
            "year": _span_year(record.date), "until": _span_year(record.until),
        }
    return {"name": record.name, "country": _code(record.country), "role": record.role}


def _fold(s: str) -> str:
    """Accents, case and punctuation folded away: ``"Kosiniak-Kamysz"`` -> ``"kosiniak kamysz"``."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return "".join(c if c.isalnum() else " " for c in s)


def _name_tokens(name: str) -> set[str]:
    return {t for t in _fold(name).split() if t not in _TITLES}


def _value_ok(gold: _View, predicted: _View) -> bool:
    if gold.value is None or predicted.value is None:
        return gold.value is None and predicted.value is None
    amount, currency = predicted.value
    for g_amount, g_currency in (gold.value, *gold.alts):
        if g_currency == currency and g_amount and abs(amount - g_amount) / g_amount <= _VALUE_TOLERANCE:
            return True
    return False


def _fit(record_type: str, gold: _View, predicted: _View) -> int:
    """How well a prediction fits a gold record: 0 = no match, higher = better."""
    same_year = gold.year is not None and gold.year == predicted.year
    if record_type in ("arms_deals", "aid_packages"):
        if gold.pair != predicted.pair or not _value_ok(gold, predicted):
            return 0
    elif record_type == "agreements":
        if gold.parties != predicted.parties:
            return 0
        if gold.fields["kind"] == predicted.fields["kind"]:
            return 3 + (2 if same_year else 0)
        if not same_year:
            return 0
    elif gold.country != predicted.country or not (_name_tokens(gold.name) & _name_tokens(predicted.name)):
        return 0
    both_undated = gold.year is None and predicted.year is None
    return 1 + (2 if same_year else 0) + (1 if both_undated else 0)


def _field_ok(field: str, gold: Any, predicted: Any) -> bool | None:
    """Whether a matched record got ``field`` right; ``None`` = not scored."""
    if field == "systems":
        if not gold:
            return None
        g = {_fold(s).replace(" ", "") for s in gold}
        p = {_fold(s).replace(" ", "") for s in predicted or ()}
        return bool(g & p) or any(a in b or b in a for a in g for b in p)
    if field == "role":
        # The head noun of the gold title must appear: "foreign minister" ~ "minister of foreign affairs".
        return bool(gold) and bool(predicted) and _fold(gold).split()[-1] in _fold(predicted).split()
    return bool(gold == predicted)


# ---------------------------------------------------------------- results


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


@attrs.frozen
class TypeScore:
    """True/false positives and false negatives of one record type.

    Precision and recall of an empty denominator are 1.0 (nothing was wrong).

    >>> s = TypeScore("arms_deals", tp=6, fp=2, fn=4)
    >>> round(s.precision, 2), round(s.recall, 2), round(s.f1, 3)
    (0.75, 0.6, 0.667)
    """

    record_type: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp)."""
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        """tp / (tp + fn)."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: TypeScore) -> TypeScore:
        name = self.record_type if self.record_type == other.record_type else "overall"
        return TypeScore(name, self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        """Counts and ratios as JSON."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@attrs.frozen
class FieldScore:
    """How often one field of matched (non-optional) records was right."""

    record_type: str
    field: str
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        """correct / total (1.0 when nothing was scored)."""
        return _ratio(self.correct, self.total)

    def __add__(self, other: FieldScore) -> FieldScore:
        return FieldScore(self.record_type, self.field, self.correct + other.correct,
                          self.total + other.total)


@attrs.frozen
class Match:
    """A gold record and the prediction matched to it."""

    gold: GoldRecord
    predicted: Record

    @property
    def record_type(self) -> RecordType:
        """``"arms_deals"``, ``"aid_packages"``, ``"agreements"`` or ``"leaders"``."""
        return self.gold.record_type


@attrs.frozen
class FieldError:
    """A matched record whose ``field`` differs from the gold value."""

    record_type: str
    field: str
    gold: Any
    predicted: Any
    match: Match


@attrs.frozen
class ArticleResult:
    """How korpol did on one annotated article.

    ``missed`` are required gold records nothing matched, ``spurious`` the
    predictions that matched nothing, ``matches`` every matched pair (optional
    gold records included), ``field_errors`` the wrong fields of matches of
    required records.  ``parse_error`` is set when parsing raised; the
    article then counts as returning no records.
    """

    id: str
    path: Path | None
    scores: tuple[TypeScore, ...]
    fields: tuple[FieldScore, ...] = ()
    matches: tuple[Match, ...] = ()
    missed: tuple[GoldRecord, ...] = ()
    spurious: tuple[Record, ...] = ()
    field_errors: tuple[FieldError, ...] = ()
    parse_error: str | None = None

    def score(self, record_type: str) -> TypeScore:
        """The counts of one record type in this article."""
        return next(s for s in self.scores if s.record_type == record_type)

    def error_lines(self) -> list[str]:
        """Readable lines: parse failure, then per type missed, spurious and wrong fields."""
        lines = [f"{self.id}: parse failed: {self.parse_error}"] if self.parse_error else []
        for t in RECORD_TYPES:
            lines.extend(f"{self.id} {t} MISSED {_one_line(g)}" for g in self.missed if g.record_type == t)
            lines.extend(f"{self.id} {t} SPURIOUS {_one_line(p)}" for p in self.spurious
                         if _type_of(p) == t)
            lines.extend(
                f"{self.id} {t} field {e.field}: gold {_jsonable(e.gold)!r} got {_jsonable(e.predicted)!r}"
                f"  [{_one_line(e.match.gold, note=False)}]"
                for e in self.field_errors if e.record_type == t
            )
        return lines

    def to_dict(self) -> dict[str, Any]:
        """Counts and errors as JSON (records in the annotation schema)."""
        return {
            "id": self.id,
            "path": None if self.path is None else str(self.path),
            "parse_error": self.parse_error,
            "types": {s.record_type: s.to_dict() for s in self.scores},
            "missed": [{"type": g.record_type, "record": _shown(g)} for g in self.missed],
            "spurious": [{"type": _type_of(p), "record": _shown(p)} for p in self.spurious],
            "field_errors": [
                {"type": e.record_type, "field": e.field, "gold": _jsonable(e.gold),
                 "predicted": _jsonable(e.predicted), "record": _shown(e.match.gold)}
                for e in self.field_errors
            ],
        }


def _jsonable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _type_of(record: Record) -> RecordType:
    if isinstance(record, ArmsDeal):
        return "arms_deals"
    if isinstance(record, AidPackage):
        return "aid_packages"
    if isinstance(record, Agreement):
        return "agreements"
    return "leaders"


def _one_line(record: Record | GoldRecord, *, note: bool = True) -> str:
    shown = {k: v for k, v in _shown(record).items() if k != "note"}
    line = json.dumps(shown, ensure_ascii=False)
    text = getattr(record, "note", "")
    return f"{line}  # {text}" if note and text else line


@attrs.frozen
class EvaluationReport:
    """Scores over every article evaluated (micro-averaged), and per article.

    ``scores`` has one :class:`TypeScore` per record type, in
    :data:`RECORD_TYPES` order; :attr:`overall` adds them up.  ``fields`` has
    one :class:`FieldScore` per scored field.

    >>> report = EvaluationReport.from_articles([])
    >>> report.overall.f1, [s.record_type for s in report.scores]
    (1.0, ['arms_deals', 'aid_packages', 'agreements', 'leaders'])
    """

    articles: tuple[ArticleResult, ...]
    scores: tuple[TypeScore, ...]
    fields: tuple[FieldScore, ...]

    @classmethod
    def from_articles(cls, articles: Iterable[ArticleResult]) -> EvaluationReport:
        """Add up per-article results."""
        articles = tuple(articles)
        totals: dict[str, TypeScore] = {t: TypeScore(t) for t in RECORD_TYPES}
        fields: dict[tuple[str, str], FieldScore] = {
            (t, f): FieldScore(t, f) for t in RECORD_TYPES for f in FIELDS[t]
        }
        for a in articles:
            for s in a.scores:
                totals[s.record_type] += s
            for fs in a.fields:
                fields[fs.record_type, fs.field] += fs
        return cls(articles, tuple(totals.values()), tuple(f for f in fields.values() if f.total))

    @property
    def overall(self) -> TypeScore:
        """All four record types together (micro-average)."""
        total = TypeScore("overall")
        for s in self.scores:
            total = TypeScore("overall", total.tp + s.tp, total.fp + s.fp, total.fn + s.fn)
        return total

    @property
    def parse_failures(self) -> int:
        """How many articles raised when parsed."""
        return sum(1 for a in self.articles if a.parse_error)

    def score(self, record_type: str) -> TypeScore:
        """The totals of one record type (``"overall"`` for all)."""
        if record_type == "overall":
            return self.overall
        for s in self.scores:
            if s.record_type == record_type:
                return s
        raise ValidationError("record_type", record_type, f"must be one of {', '.join(RECORD_TYPES)}")

    def field(self, record_type: str, field: str) -> FieldScore:
        """The accuracy of one field (total 0 when no matched record had it)."""
        for f in self.fields:
            if (f.record_type, f.field) == (record_type, field):
                return f
        return FieldScore(record_type, field)

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        """The report as JSON; ``errors=True`` adds every article's errors."""
        out: dict[str, Any] = {
            "articles": len(self.articles),
            "types": {s.record_type: s.to_dict() for s in self.scores},
            "overall": self.overall.to_dict(),
            "fields": {f"{f.record_type}.{f.field}": {"correct": f.correct, "total": f.total,
                                                       "accuracy": f.accuracy} for f in self.fields},
            "parse_failures": self.parse_failures,
            "overall_f1": self.overall.f1,
        }
        if errors:
            out["errors"] = [a.to_dict() for a in self.articles]
        return out

    def format(self, *, errors: bool = False) -> str:
        """The report as a table; ``errors=True`` first lists every article's errors.

        The last line is always ``overall F1 <x>``.
        """
        lines = [line for a in self.articles for line in a.error_lines()] if errors else []
        lines.append(f"articles: {len(self.articles)}")
        lines.append(f"{'type':<14}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>7}{'F1':>7}")
        for s in (*self.scores, self.overall):
            lines.append(f"{s.record_type:<14}{s.tp:>5}{s.fp:>5}{s.fn:>5}"
                         f"{s.precision:>7.2f}{s.recall:>7.2f}{s.f1:>7.2f}")
        for f in self.fields:
            lines.append(f"field {f.record_type}.{f.field}: {f.correct}/{f.total} correct "
                         f"({f.accuracy:.0%})")
        if self.parse_failures:
            lines.append(f"parse failures: {self.parse_failures}")
        lines.append(f"overall F1 {self.overall.f1:.3f}")
        return "\n".join(lines)


# ---------------------------------------------------------------- scoring


def _match_type(
    record_type: RecordType, gold: Sequence[GoldRecord], predicted: Sequence[Record]
) -> tuple[TypeScore, list[Match], list[GoldRecord], list[Record], list[FieldScore], list[FieldError]]:
    g_views = [_gold_view(g) for g in gold]
    p_views = [_predicted_view(p) for p in predicted]
    # Candidate pairs, best fit first; a required gold record beats an optional one
    # of equal fit; ties keep annotation order, then prediction order.
    candidates = []
    for i, g in enumerate(g_views):
        for j, p in enumerate(p_views):
            fit = _fit(record_type, g, p)
            if fit:
                candidates.append((-(2 * fit + (0 if g.optional else 1)), i, j))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    required = [(i, j) for i, j in pairs if not g_views[i].optional]
    missed = [g for i, g in enumerate(gold) if i not in used_g and not g_views[i].optional]
    spurious = [p for j, p in enumerate(predicted) if j not in used_p]
    score = TypeScore(record_type, tp=len(required), fp=len(spurious), fn=len(missed))
    field_scores: list[FieldScore] = []
    field_errors: list[FieldError] = []
    for field in FIELDS[record_type]:
        correct = total = 0
        for i, j in required:
            g_value, p_value = g_views[i].fields[field], p_views[j].fields[field]
            ok = _field_ok(field, g_value, p_value)
            if ok is None:
                continue
            total += 1
            correct += ok
            if not ok:
                field_errors.append(FieldError(record_type, field, g_value, p_value,
                                               Match(gold[i], predicted[j])))
        if total:
            field_scores.append(FieldScore(record_type, field, correct, total))
    matches = [Match(gold[i], predicted[j]) for i, j in pairs]
    return score, matches, missed, spurious, field_scores, field_errors


def score_document(
    annotation: Annotation, document: Document | None, *, parse_error: str | None = None
) -> ArticleResult:
    """Compare the records of one parsed :class:`Document` with one annotation.

    ``document=None`` (a parse that failed) counts as no records.

    >>> from korpol import Country, Leader
    >>> gold = Annotation.from_dict({"id": "a1", "leaders": [
    ...     {"name": "Władysław Kosiniak-Kamysz", "country": "PL", "role": "defense minister"},
    ...     {"name": "Andrzej Duda", "country": "PL", "role": "president"}]})
    >>> pl = Country(code="PL", name="Poland")
    >>> doc = Document(id="a1", leaders=[
    ...     Leader(name="Kosiniak-Kamysz", role="deputy prime minister", country=pl),
    ...     Leader(name="Radek Sikorski", role="foreign minister", country=pl)])
    >>> result = score_document(gold, doc)
    >>> result.score("leaders")
    TypeScore(record_type='leaders', tp=1, fp=1, fn=1)
    >>> [g.name for g in result.missed], [p.name for p in result.spurious]
    (['Andrzej Duda'], ['Radek Sikorski'])
    >>> result.fields  # a role is right when it holds the head noun of the gold title
    (FieldScore(record_type='leaders', field='role', correct=1, total=1),)
    """
    scores: list[TypeScore] = []
    fields: list[FieldScore] = []
    matches: list[Match] = []
    missed: list[GoldRecord] = []
    spurious: list[Record] = []
    field_errors: list[FieldError] = []
    for record_type in RECORD_TYPES:
        predicted: tuple[Record, ...] = () if document is None else getattr(document, record_type)
        s, m, mi, sp, fs, fe = _match_type(record_type, annotation.records(record_type), predicted)
        scores.append(s)
        matches += m
        missed += mi
        spurious += sp
        fields += fs
        field_errors += fe
    return ArticleResult(
        id=annotation.id, path=annotation.path, scores=tuple(scores), fields=tuple(fields),
        matches=tuple(matches), missed=tuple(missed), spurious=tuple(spurious),
        field_errors=tuple(field_errors), parse_error=parse_error,
    )


def _as_dirs(corpus_dirs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    if isinstance(corpus_dirs, str | os.PathLike):
        return [Path(corpus_dirs)]
    if isinstance(corpus_dirs, bytes) or not isinstance(corpus_dirs, Iterable):
        raise InputTypeError("corpus_dirs", corpus_dirs, "a directory path or an iterable of them")
    dirs = []
    for d in corpus_dirs:
        if not isinstance(d, str | os.PathLike):
            raise InputTypeError("corpus_dirs", d, "a directory path (str or os.PathLike)")
        dirs.append(Path(d))
    return dirs


def _pairs(directory: Path) -> Iterator[tuple[Path, Path]]:
    """``(<id>.txt, <id>.json)`` pairs of a directory, by file name; unpaired files are skipped."""
    if not directory.exists():
        raise FileNotFoundError(f"no such directory: {directory}")
    if not directory.is_dir():
        raise NotADirectoryError(f"not a directory: {directory}")
    for gold in sorted(directory.glob("*.json")):
        text = gold.with_suffix(".txt")
        if text.is_file():
            yield text, gold


def evaluate(
    corpus_dirs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    parse: ParseFunction | None = None,
) -> EvaluationReport:
    """Parse every annotated article of ``corpus_dirs`` and score it against its gold records.

    Each directory holds pairs ``<id>.txt`` (the article, UTF-8) and
    ``<id>.json`` (the gold annotation); files without a partner are skipped.
    ``parse`` is called as ``parse(text, published=date, id=id)`` and must
    return a :class:`Document`; it defaults to :func:`korpol.parse`.  A text
    that is not UTF-8 is passed as ``bytes``.  An exception from ``parse``
    counts as an article with no records and is reported in
    :attr:`ArticleResult.parse_error`.

    A missing directory raises :class:`FileNotFoundError`; an annotation that
    does not follow the schema raises :class:`AnnotationError` naming the file
    and field, before any article is parsed.

    >>> import json, pathlib, tempfile
    >>> from korpol import Document
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a1.txt").write_text("Poland signed for 180 K2 tanks from Korea.", encoding="utf-8")
    >>> deal = {"supplier": "KR", "recipient": "PL", "status": "signed"}
    >>> gold = {"published": "2022-08-27", "arms_deals": [deal]}
    >>> _ = (folder / "a1.json").write_text(json.dumps(gold), encoding="utf-8")
    >>> def finds_nothing(text, *, published, id):  # a stand-in for korpol.parse
    ...     return Document(id=id, text=text, published=published)
    >>> report = evaluate(folder, parse=finds_nothing)
    >>> score = report.score("arms_deals")
    >>> len(report.articles), score.tp, score.fn, score.recall
    (1, 0, 1, 0.0)

    .. versionadded:: 0.1.0
    """
    if parse is None:
        parse = _pipeline.parse
    work = [(text, read_annotation(gold)) for d in _as_dirs(corpus_dirs) for text, gold in _pairs(d)]
    results = []
    for text_path, annotation in work:
        raw = text_path.read_bytes()
        text: str | bytes
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw
        document: Document | None = None
        error: str | None = None
        try:
            document = parse(text, published=annotation.published, id=annotation.id)
            if not isinstance(document, Document):
                raise InputTypeError("parse() result", document, "a korpol Document")
        except Exception as exc:  # a crash counts as no records, and is reported
            document, error = None, f"{type(exc).__name__}: {exc}"
        results.append(score_document(annotation, document, parse_error=error))
    return EvaluationReport.from_articles(results)


# ---------------------------------------------------------------- command line


def _arg_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="korpol evaluate",
        description="Score korpol on annotated articles: <id>.txt + <id>.json pairs "
        "(schema in docs/evaluating.md). Prints precision/recall/F1 per record type and "
        "field accuracy; the last line is 'overall F1 <x>'.",
    )
    parser.add_argument("corpus_dirs", nargs="+", metavar="CORPUS_DIR",
                        help="a directory of <id>.txt + <id>.json pairs")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--show-errors", action="store_true",
                        help="list missed and spurious records and wrong fields per article")
    return parser


def main(argv: list[str] | None = None) -> int:
    """``korpol evaluate CORPUS_DIR... [--json] [--show-errors]``; returns the exit code.

    0 on success, 2 for a usage error (a missing directory, a directory with no
    annotated articles), 1 for a malformed annotation file.
    """
    parser = _arg_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help (0) and on usage errors (2)
        return exc.code if isinstance(exc.code, int) else 2
    dirs = [Path(d) for d in args.corpus_dirs]
    for d in dirs:
        try:
            found = next(_pairs(d), None)
        except OSError as exc:
            parser.print_usage(sys.stderr)
            print(f"korpol evaluate: error: {exc}", file=sys.stderr)
            return 2
        if found is None:
            parser.print_usage(sys.stderr)
            print(f"korpol evaluate: error: no annotated articles (<id>.txt + <id>.json) in {d}",
                  file=sys.stderr)
            return 2
    try:
        report = evaluate(dirs)
    except AnnotationError as exc:
        print(f"korpol evaluate: error: malformed annotation: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report.to_dict(errors=args.show_errors), indent=2, ensure_ascii=False))
    else:
        print(report.format(errors=args.show_errors))
    return 0
