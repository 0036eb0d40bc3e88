"""The model's foundations: closed vocabularies, converters, and the record base class.

The vocabularies (deal statuses, aid kinds, agreement kinds, qualifiers, precisions ...) are
``Literal`` types with their values as tuples, so that the rules, a user's cue tables and the
scorer check against the same words.  Each converter accepts the typed value or its JSON form,
so that ``Cls.from_dict(d)`` is ``Cls(**d)`` and users may write ``currency="usd"``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar, Literal, TypeVar, get_args

import attrs

from korpol._errors import ValidationError
from korpol._tables import currency_codes

__all__ = [
    "AGREEMENT_KINDS",
    "AID_KINDS",
    "DEAL_STATUSES",
    "MENTION_KINDS",
    "PRECISIONS",
    "QUALIFIERS",
    "RELATIONS",
    "AgreementKind",
    "AidKind",
    "DealStatus",
    "MentionKind",
    "Precision",
    "Qualifier",
    "Record",
    "Relation",
    "T",
    "currency_code",
    "end_date",
    "in_vocabulary",
    "is_offset",
    "is_opt_str",
    "is_str",
    "opt_date",
    "opt_decimal",
    "opt_in_vocabulary",
    "opt_int",
    "opt_published",
    "opt_span",
    "start_date",
    "str_tuple",
    "to_date",
    "to_decimal",
    "to_json",
]


Qualifier = Literal["exact", "about", "over", "under", "up_to"]


Precision = Literal["day", "month", "quarter", "year", "decade"]


Relation = Literal["at", "since", "until", "by", "before", "after"]


DealStatus = Literal["framework", "planned", "signed", "delivered"]


AidKind = Literal["humanitarian", "military", "financial", "reconstruction", "education", "mixed"]


AgreementKind = Literal[
    "action_plan",
    "mou",
    "framework",
    "contract",
    "communique",
    "strategic_partnership",
    "partnership",
    "declaration",
    "treaty",
    "other",
]


MentionKind = Literal[
    "country", "organization", "person", "money", "time", "quantity", "system", "company"
]


QUALIFIERS: tuple[str, ...] = get_args(Qualifier)


PRECISIONS: tuple[str, ...] = get_args(Precision)


RELATIONS: tuple[str, ...] = get_args(Relation)


DEAL_STATUSES: tuple[str, ...] = get_args(DealStatus)


AID_KINDS: tuple[str, ...] = get_args(AidKind)


AGREEMENT_KINDS: tuple[str, ...] = get_args(AgreementKind)


MENTION_KINDS: tuple[str, ...] = get_args(MentionKind)


T = TypeVar("T")


def in_vocabulary(vocabulary: tuple[str, ...]) -> Any:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value not in vocabulary:
            raise ValidationError(
                attribute.name, value, f"must be one of {', '.join(vocabulary)}"
            )

    return check


def opt_in_vocabulary(vocabulary: tuple[str, ...]) -> Any:
    check = in_vocabulary(vocabulary)

    def opt_check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            check(instance, attribute, value)

    return opt_check


def is_str(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise ValidationError(attribute.name, value, f"expected a str, got {type(value).__name__}")


def is_opt_str(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        is_str(instance, attribute, value)


def str_tuple(values: Iterable[str] | str | None) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        return (values,)
    return tuple(str(v) for v in values)


def to_date(value: dt.date | str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            raise ValidationError(name, value, "give a date, not a datetime with a time zone")
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        # (Python 3.11's fromisoformat also reads "20241024" and "2024-W43-4": not what the docs promise)
        if _ISO_DAY.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise ValidationError(name, value, "not an ISO date (YYYY-MM-DD)")
    raise ValidationError(name, value, "expected a datetime.date or an ISO date string")


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def opt_date(value: dt.date | str | None) -> dt.date | None:
    return to_date(value, "date")


def opt_published(value: dt.date | str | None) -> dt.date | None:
    return to_date(value, "published")


def start_date(value: dt.date | str | None) -> dt.date | None:
    return to_date(value, "start")


def end_date(value: dt.date | str | None) -> dt.date | None:
    return to_date(value, "end")


def opt_span(value: Iterable[int] | None) -> tuple[int, int] | None:
    if value is None:
        return None
    items = tuple(value)
    if len(items) != 2 or not all(isinstance(i, int) and not isinstance(i, bool) for i in items):
        raise ValidationError("span", value, "expected a (start, end) pair of integers")
    start, end = items
    if start < 0 or end < start:
        raise ValidationError("span", value, "need 0 <= start <= end")
    return (start, end)


def to_decimal(value: Decimal | int | str | float, name: str = "amount") -> Decimal:
    if isinstance(value, bool):
        raise ValidationError(name, value, "a bool is not an amount")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValidationError(name, value, "must be finite")
        value = str(value)
    try:
        result = value if isinstance(value, Decimal) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError(name, value, "not convertible to Decimal") from None
    if not result.is_finite():
        raise ValidationError(name, value, "must be finite")
    if result < 0:
        raise ValidationError(name, result, "must not be negative")
    return result


def opt_decimal(value: Decimal | int | str | float | None) -> Decimal | None:
    # Only Money.upper is an optional amount.
    return None if value is None else to_decimal(value, "upper")


def currency_code(value: str) -> str:
    if not isinstance(value, str):
        raise ValidationError("currency", value, "expected an ISO 4217 code string")
    code = value.strip().upper()
    if code not in currency_codes():
        raise ValidationError("currency", value, "not an ISO 4217 currency code")
    return code


def to_json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    to_dict = getattr(value, "to_dict", None)
    if to_dict is not None:
        return to_dict()
    return value


class Record:
    """Shared to_dict/from_dict: fields in declaration order, JSON types only."""

    __slots__ = ()
    _type: ClassVar[str | None] = None

    def to_dict(self) -> dict[str, Any]:
        """This record as plain JSON types (str, int, bool, None, list, dict)."""
        out: dict[str, Any] = {"type": self._type} if self._type else {}
        for field in attrs.fields(type(self)):  # type: ignore[arg-type]  # every subclass is an attrs class
            out[field.name] = to_json(getattr(self, field.name))
        return out

    @classmethod
    def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
        """Rebuild a record from :meth:`to_dict` output (unknown keys are an error)."""
        if not isinstance(data, Mapping):
            raise ValidationError(cls.__name__, data, "expected a mapping")
        kwargs = {k: v for k, v in data.items() if k != "type"}
        names = {f.name for f in attrs.fields(cls)}  # type: ignore[arg-type]
        unknown = sorted(set(kwargs) - names)
        if unknown:
            raise ValidationError(cls.__name__, unknown, "unknown field(s)")
        return cls(**kwargs)


def is_offset(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValidationError(attribute.name, value, "an offset is a non-negative int")


def opt_int(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        raise ValidationError(attribute.name, value, "expected a non-negative int or None")
