"""Gold annotations: the records an analyst wrote down for an article, read and checked.

Why this module exists: a score is only as good as its gold.  An annotated article is a
pair ``<id>.txt`` (the text) + ``<id>.json`` (the gold records, in the schema documented
in ``docs/evaluating.md``); an annotation that does not follow the schema fails loudly,
naming the file and the JSON path of the bad value, before any article is parsed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar, Literal, Union

import attrs

from korpol._errors import ValidationError
from korpol._model import AGREEMENT_KINDS, AID_KINDS, DEAL_STATUSES, Money
from korpol._refdata import get_organization
from korpol._tables import country_codes

__all__ = [
    "RECORD_TYPES",
    "Annotation",
    "AnnotationError",
    "GoldAgreement",
    "GoldAidPackage",
    "GoldArmsDeal",
    "GoldLeader",
    "GoldRecord",
    "RecordType",
    "money_json",
    "read_annotation",
]


RecordType = Literal["arms_deals", "aid_packages", "agreements", "leaders"]

#: The record types scored, in report order.
RECORD_TYPES: tuple[RecordType, ...] = ("arms_deals", "aid_packages", "agreements", "leaders")


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


def money_json(m: Money | None) -> dict[str, Any] | None:
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
            "value": money_json(self.value), "alt_values": [money_json(m) for m in self.alt_values],
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
            "donor": self.donor, "recipient": self.recipient, "value": money_json(self.value),
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
    korpol._evaluate.gold.AnnotationError: <dict>: arms_deals[0].recipient: None is not valid: required
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
        two_letters = len(code) == 2 and code.isalpha()  # a country's code, or "EU", "UN"
        if two_letters and code not in country_codes() and get_organization(code) is None:
            raise self.fail(where, value, "not an ISO 3166-1 alpha-2 country code nor an organisation's code")
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

