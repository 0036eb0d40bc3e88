"""The typed domain model: what korpol extracts, as frozen attrs records.

Why this module exists: every other stage either builds these records (the
parsers) or reads them (queries, exports, the scorer).  The names of the
classes and of their contract fields are fixed by ``DESIGN.md``; everything
here validates on construction so that a record that exists is a record that
makes sense, and every record converts to plain JSON and back without loss
(``from_dict(to_dict(x)) == x``).

Converters accept the JSON form too, so ``from_dict`` is just the constructor:

>>> m = Money(amount="17000000000", currency="USD", qualifier="about", text="USD 17 billion")
>>> m.to_dict()["amount"]
'17000000000'
>>> Money.from_dict(m.to_dict()) == m
True
>>> Money(amount=-1, currency="USD")
Traceback (most recent call last):
...
korpol._errors.ValidationError: amount: Decimal('-1') is not valid: must not be negative
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar, Literal, TypeVar, Union, get_args

import attrs

from korpol._errors import ValidationError
from korpol._tables import country_codes, currency_codes

__all__ = [
    "AGREEMENT_KINDS",
    "AID_KINDS",
    "DEAL_STATUSES",
    "PRECISIONS",
    "QUALIFIERS",
    "RELATIONS",
    "Agreement",
    "AidPackage",
    "ArmsDeal",
    "Country",
    "Deployment",
    "Document",
    "Evidence",
    "Leader",
    "Meeting",
    "Mention",
    "Money",
    "Organization",
    "Party",
    "TimeSpan",
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


# ---------------------------------------------------------------- converters
# Each converter accepts the typed value or its JSON form, so that
# ``Cls.from_dict(d)`` is ``Cls(**d)`` and users may write ``currency="usd"``.


def _in(vocabulary: tuple[str, ...]) -> Any:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value not in vocabulary:
            raise ValidationError(
                attribute.name, value, f"must be one of {', '.join(vocabulary)}"
            )

    return check


def _opt_in(vocabulary: tuple[str, ...]) -> Any:
    check = _in(vocabulary)

    def opt_check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            check(instance, attribute, value)

    return opt_check


def _str(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str):
        raise ValidationError(attribute.name, value, f"expected a str, got {type(value).__name__}")


def _opt_str(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None:
        _str(instance, attribute, value)


def _str_tuple(values: Iterable[str] | str | None) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        return (values,)
    return tuple(str(v) for v in values)


def _to_date(value: dt.date | str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            raise ValidationError(name, value, "give a date, not a datetime with a time zone")
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValidationError(name, value, "not an ISO date (YYYY-MM-DD)") from None
    raise ValidationError(name, value, "expected a datetime.date or an ISO date string")


def _opt_date(value: dt.date | str | None) -> dt.date | None:
    return _to_date(value, "date")


def _start(value: dt.date | str | None) -> dt.date | None:
    return _to_date(value, "start")


def _end(value: dt.date | str | None) -> dt.date | None:
    return _to_date(value, "end")


def _span(value: Iterable[int] | None) -> tuple[int, int] | None:
    if value is None:
        return None
    items = tuple(value)
    if len(items) != 2 or not all(isinstance(i, int) and not isinstance(i, bool) for i in items):
        raise ValidationError("span", value, "expected a (start, end) pair of integers")
    start, end = items
    if start < 0 or end < start:
        raise ValidationError("span", value, "need 0 <= start <= end")
    return (start, end)


def _decimal(value: Decimal | int | str | float, name: str = "amount") -> Decimal:
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


def _opt_decimal(value: Decimal | int | str | float | None) -> Decimal | None:
    # Only Money.upper is an optional amount.
    return None if value is None else _decimal(value, "upper")


def _currency(value: str) -> str:
    if not isinstance(value, str):
        raise ValidationError("currency", value, "expected an ISO 4217 code string")
    code = value.strip().upper()
    if code not in currency_codes():
        raise ValidationError("currency", value, "not an ISO 4217 currency code")
    return code


def _to_json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_to_json(v) for v in value]
    to_dict = getattr(value, "to_dict", None)
    if to_dict is not None:
        return to_dict()
    return value


class _Record:
    """Shared to_dict/from_dict: fields in declaration order, JSON types only."""

    __slots__ = ()
    _type: ClassVar[str | None] = None

    def to_dict(self) -> dict[str, Any]:
        """This record as plain JSON types (str, int, bool, None, list, dict)."""
        out: dict[str, Any] = {"type": self._type} if self._type else {}
        for field in attrs.fields(type(self)):  # type: ignore[arg-type]  # every subclass is an attrs class
            out[field.name] = _to_json(getattr(self, field.name))
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


# ---------------------------------------------------------------- parties


def _party_code(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in country_codes():
        raise ValidationError("code", value, "not an ISO 3166-1 alpha-2 country code")


def _org_code(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not (isinstance(value, str) and value and value.replace("-", "").isalnum() and value.upper() == value):
        raise ValidationError("code", value, "an organisation code is upper-case letters/digits")


@attrs.frozen
class Country(_Record):
    """A state, identified by its ISO 3166-1 alpha-2 code.

    >>> Country(code="PL", name="Poland")
    Country(code='PL', name='Poland', aliases=())
    >>> Country(code="XX", name="Nowhere")
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: code: 'XX' is not valid: not an ISO 3166-1 alpha-2 country code
    """

    _type: ClassVar[str | None] = "country"
    code: str = attrs.field(validator=_party_code)
    name: str = attrs.field(validator=_str)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)

    def __str__(self) -> str:
        return self.name


@attrs.frozen
class Organization(_Record):
    """An international organisation (``NATO``, ``EU``, ``UN``).

    >>> Organization(code="NATO", name="North Atlantic Treaty Organization").code
    'NATO'
    """

    _type: ClassVar[str | None] = "organization"
    code: str = attrs.field(validator=_org_code)
    name: str = attrs.field(validator=_str)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)

    def __str__(self) -> str:
        return self.name


Party = Union[Country, Organization]  # noqa: UP007 - a runtime alias usable on 3.10


def _party(value: Party | Mapping[str, Any] | str | None) -> Party | None:
    """A party from a record, its dict form, or a code/name in the reference data."""
    if value is None or isinstance(value, Country | Organization):
        return value
    if isinstance(value, Mapping):
        kind = value.get("type")
        data = {k: v for k, v in value.items() if k != "type"}
        if kind == "organization" or (kind is None and data.get("code") not in country_codes()):
            return Organization(**data)
        return Country(**data)
    if isinstance(value, str):
        from korpol._refdata import lookup_party

        return lookup_party(value)
    raise ValidationError("party", value, "expected a Country, an Organization, a dict or a code")


def _parties(values: Iterable[Party | Mapping[str, Any] | str] | None) -> tuple[Party, ...]:
    out = []
    for v in values or ():
        party = _party(v)
        if party is not None:
            out.append(party)
    return tuple(out)


# ---------------------------------------------------------------- values


def _money_tuple_fwd(values: Iterable[Any] | None) -> tuple[Money, ...]:
    return _money_tuple(values)


@attrs.frozen
class Money(_Record):
    """An amount of money as the text states it.

    ``amount`` is a :class:`~decimal.Decimal` in whole units of ``currency``
    (ISO 4217).  ``qualifier`` keeps "about"/"over"/"under"/"up to";
    ``upper`` is the top of a stated range ("$13-14 billion"); ``equivalents``
    are the same sum stated in other currencies ("8.16 trillion won ($6
    billion)").  ``span`` is the offset of ``text`` in the input, when known.
    ``estimated`` marks a value korpol computed (a currency conversion).

    >>> Money(amount=Decimal("2e9"), currency="usd").amount == 2_000_000_000
    True
    >>> Money(amount=1, currency="ZZZ")
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: currency: 'ZZZ' is not valid: not an ISO 4217 currency code
    """

    amount: Decimal = attrs.field(converter=_decimal)
    currency: str = attrs.field(converter=_currency)
    qualifier: Qualifier = attrs.field(default="exact", validator=_in(QUALIFIERS))
    text: str = attrs.field(default="", validator=_str)
    span: tuple[int, int] | None = attrs.field(default=None, converter=_span)
    upper: Decimal | None = attrs.field(default=None, converter=_opt_decimal)
    equivalents: tuple[Money, ...] = attrs.field(factory=tuple, converter=_money_tuple_fwd)
    estimated: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))

    def __attrs_post_init__(self) -> None:
        if self.upper is not None and self.upper < self.amount:
            raise ValidationError(
                "upper", self.upper, f"the top of a range is below its amount {self.amount}"
            )

    def to_usd(self, year: int | None = None) -> Money:
        """This amount in US dollars at the bundled annual average rate of ``year``.

        The result has ``estimated=True``: it is korpol's conversion, not a
        figure from the text.  Without ``year`` the latest bundled year is used.

        >>> Money(amount=4000, currency="KRW").to_usd(2023).currency
        'USD'
        """
        from korpol._currency import usd_rate

        if self.currency == "USD":
            return self
        rate = usd_rate(self.currency, year)
        usd = self.amount * rate
        return Money(
            amount=usd.quantize(Decimal("1")) if usd >= 1 else usd,
            currency="USD",
            qualifier="about" if self.qualifier == "exact" else self.qualifier,
            text=self.text,
            upper=None if self.upper is None else self.upper * rate,
            estimated=True,
        )

    def __str__(self) -> str:
        return f"{self.currency} {self.amount:,f}"


def _money(value: Money | Mapping[str, Any] | None) -> Money | None:
    if value is None or isinstance(value, Money):
        return value
    if isinstance(value, Mapping):
        return Money.from_dict(value)
    raise ValidationError("money", value, "expected a Money or its dict form")


def _money_tuple(values: Iterable[Money | Mapping[str, Any]] | None) -> tuple[Money, ...]:
    return tuple(m for m in (_money(v) for v in values or ()) if m is not None)


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _fits(start: dt.date, end: dt.date, precision: str) -> bool:
    """Whether [start, end] is made of whole units of ``precision``."""
    if precision == "day":
        return True
    month_aligned = start.day == 1 and end.day == _last_day(end.year, end.month)
    if precision == "month":
        return month_aligned
    if precision == "quarter":
        return month_aligned and start.month % 3 == 1 and end.month % 3 == 0
    if precision == "year":
        return (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if precision == "decade":
        return (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and (
            start.year % 10 == 0 and end.year % 10 == 9
        )
    return False


@attrs.frozen
class TimeSpan(_Record):
    """A stretch of calendar time at a stated precision, with the text it came from.

    "2022" is ``2022-01-01..2022-12-31`` at ``year`` precision: korpol never
    invents a day.  A relative expression with no ``published`` date to
    resolve against has ``start = end = None`` and keeps its ``text``.
    ``relation`` says how the text anchors the span ("since 2013" → since).

    >>> TimeSpan.year(2022).to_dict()["end"]
    '2022-12-31'
    >>> TimeSpan(start="2022-03-01", end="2022-12-31", precision="year")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: precision: 'year' is not valid: 2022-03-01..2022-12-31 is not ...
    """

    start: dt.date | None = attrs.field(default=None, converter=_start)
    end: dt.date | None = attrs.field(default=None, converter=_end)
    precision: Precision | None = attrs.field(default=None, validator=_opt_in(PRECISIONS))
    text: str = attrs.field(default="", validator=_str)
    relation: Relation = attrs.field(default="at", validator=_in(RELATIONS))
    span: tuple[int, int] | None = attrs.field(default=None, converter=_span)

    def __attrs_post_init__(self) -> None:
        if (self.start is None) != (self.end is None):
            missing = "end" if self.end is None else "start"
            raise ValidationError(missing, None, "give both start and end, or neither")
        if self.start is not None and self.end is not None:
            if self.start > self.end:
                raise ValidationError("start", self.start, f"after end {self.end}")
            if self.precision is None:
                raise ValidationError("precision", None, "a resolved span needs a precision")
            if not _fits(self.start, self.end, self.precision):
                raise ValidationError(
                    "precision", self.precision,
                    f"{self.start}..{self.end} is not made of whole {self.precision}s",
                )

    @property
    def resolved(self) -> bool:
        """True when the span has calendar dates."""
        return self.start is not None

    @property
    def year_value(self) -> int | None:
        """The year of ``start`` (``None`` when unresolved)."""
        return None if self.start is None else self.start.year

    @classmethod
    def year(cls, year: int, *, text: str = "", relation: Relation = "at") -> TimeSpan:
        """The whole calendar year ``year``."""
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", text or str(year), relation)

    @classmethod
    def month(cls, year: int, month: int, *, text: str = "") -> TimeSpan:
        """The whole month ``month`` of ``year``."""
        return cls(dt.date(year, month, 1), dt.date(year, month, _last_day(year, month)), "month", text)

    @classmethod
    def day(cls, day: dt.date, *, text: str = "") -> TimeSpan:
        """The single day ``day``."""
        return cls(day, day, "day", text)

    def __str__(self) -> str:
        if self.start is None or self.end is None:
            return f"{self.text!r} (unresolved)"
        same_year = self.start.year == self.end.year
        if self.precision == "year":
            body = str(self.start.year) if same_year else f"{self.start.year}-{self.end.year}"
        elif self.precision == "month" and same_year and self.start.month == self.end.month:
            body = self.start.strftime("%Y-%m")
        elif self.start == self.end:
            body = self.start.isoformat()
        else:
            body = f"{self.start.isoformat()}..{self.end.isoformat()}"
        return body if self.relation == "at" else f"{self.relation} {body}"


def _timespan(value: TimeSpan | Mapping[str, Any] | None) -> TimeSpan | None:
    if value is None or isinstance(value, TimeSpan):
        return value
    if isinstance(value, Mapping):
        return TimeSpan.from_dict(value)
    raise ValidationError("date", value, "expected a TimeSpan or its dict form")


# ---------------------------------------------------------------- evidence


def _offset(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValidationError(attribute.name, value, "an offset is a non-negative int")


@attrs.frozen
class Evidence(_Record):
    """Where a record comes from: ``text`` is ``original[start:end]``.

    Offsets index the ORIGINAL input text (before any mojibake repair), so
    an analyst can always show the words the number came from.  ``sentence``
    is the whole sentence, repaired for reading.

    >>> Evidence(doc_id="a", start=5, end=3, text="")
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: end: 3 is not valid: before start 5
    """

    doc_id: str | None = attrs.field(validator=_opt_str)
    start: int = attrs.field(validator=_offset)
    end: int = attrs.field(validator=_offset)
    text: str = attrs.field(validator=_str)
    sentence: str = attrs.field(default="", validator=_str)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError("end", self.end, f"before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValidationError(
                "text", self.text, f"length differs from end - start = {self.end - self.start}"
            )


def _evidence(values: Iterable[Evidence | Mapping[str, Any]] | None) -> tuple[Evidence, ...]:
    return tuple(v if isinstance(v, Evidence) else Evidence.from_dict(v) for v in values or ())


def _opt_int(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        raise ValidationError(attribute.name, value, "expected a non-negative int or None")


@attrs.frozen
class Mention(_Record):
    """A typed span found in the text: a country, a person, a sum of money ...

    ``key`` is the normalised value (``"KR"``, ``"Yoon Suk Yeol"``, ``"K2"``,
    ``"USD 17000000000"``); ``start``/``end`` index the original text.

    >>> text = "Poland signed the deal."
    >>> m = Mention(kind="country", start=0, end=6, text=text[0:6], key="PL")
    >>> m.text, m.key
    ('Poland', 'PL')
    >>> Mention(kind="weather", start=0, end=6, text="Poland")
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: kind: 'weather' is not valid: ...
    """

    kind: MentionKind = attrs.field(validator=_in(MENTION_KINDS))
    start: int = attrs.field(validator=_offset)
    end: int = attrs.field(validator=_offset)
    text: str = attrs.field(validator=_str)
    key: str = attrs.field(default="", validator=_str)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError("end", self.end, f"before start {self.start}")


# ---------------------------------------------------------------- records


def _term_start(value: dt.date | str | None) -> dt.date | None:
    return _to_date(value, "term_start")


def _term_end(value: dt.date | str | None) -> dt.date | None:
    return _to_date(value, "term_end")


@attrs.frozen
class Leader(_Record):
    """A holder of a state, government or organisation office.

    ``country`` is a :class:`Country`, or an :class:`Organization` for an
    organisation's officer (NATO's Secretary General).  ``role`` is lower-case.

    >>> Leader(name="Andrzej Duda", role="President", country=Country(code="PL", name="Poland"))
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: role: 'President' is not valid: roles are lower-case ('president')
    """

    name: str = attrs.field(validator=_str)
    role: str = attrs.field(validator=_str)
    country: Party | None = attrs.field(converter=_party)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    term_start: dt.date | None = attrs.field(default=None, converter=_term_start)
    term_end: dt.date | None = attrs.field(default=None, converter=_term_end)
    evidence: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=_evidence)

    def __attrs_post_init__(self) -> None:
        if self.role != self.role.lower():
            raise ValidationError("role", self.role, f"roles are lower-case ({self.role.lower()!r})")
        if not self.name.strip():
            raise ValidationError("name", self.name, "a leader needs a name")
        if self.term_start and self.term_end and self.term_start > self.term_end:
            raise ValidationError("term_start", self.term_start, f"after term_end {self.term_end}")

    def held_on(self, day: dt.date) -> bool:
        """Whether the office was held on ``day`` (open-ended terms count as held)."""
        return (self.term_start is None or self.term_start <= day) and (
            self.term_end is None or day <= self.term_end
        )


@attrs.frozen
class ArmsDeal(_Record):
    """A transfer of weapons from a supplier state to a recipient state.

    ``status`` is one of framework | planned | signed | delivered; ``value``
    is the first figure the text gives, ``alt_values`` every other figure it
    gives for the same deal; ``date`` is when it was agreed/signed/announced.
    Parties may be given as codes or names of the reference data.

    >>> deal = ArmsDeal(supplier="KR", recipient="Poland", status="signed",
    ...                 value=Money(amount="6500000000", currency="USD"), systems=("K2",), quantity=180)
    >>> deal.supplier.code, deal.recipient.code, str(deal.value)
    ('KR', 'PL', 'USD 6,500,000,000')
    >>> ArmsDeal.from_dict(deal.to_dict()) == deal
    True
    """

    supplier: Party | None = attrs.field(converter=_party)
    recipient: Party | None = attrs.field(converter=_party)
    status: DealStatus = attrs.field(validator=_in(DEAL_STATUSES))
    value: Money | None = attrs.field(default=None, converter=_money)
    alt_values: tuple[Money, ...] = attrs.field(factory=tuple, converter=_money_tuple)
    date: TimeSpan | None = attrs.field(default=None, converter=_timespan)
    systems: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    quantity: int | None = attrs.field(default=None, validator=_opt_int)
    contractors: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    evidence: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=_evidence)


@attrs.frozen
class AidPackage(_Record):
    """Assistance given or pledged by a donor to a recipient.

    ``kind`` is one of humanitarian | military | financial | reconstruction |
    education | mixed; ``items`` names what is given ("ambulances").

    >>> aid = AidPackage(donor="KR", recipient="UA", kind="humanitarian",
    ...                  value=Money(amount="100000000", currency="USD"), date=TimeSpan.year(2023))
    >>> aid.donor.name, aid.recipient.code, str(aid.value), str(aid.date)
    ('South Korea', 'UA', 'USD 100,000,000', '2023')
    >>> AidPackage(donor="KR", recipient="UA", kind="gift")
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: kind: 'gift' is not valid: ...
    """

    donor: Party | None = attrs.field(converter=_party)
    recipient: Party | None = attrs.field(converter=_party)
    kind: AidKind = attrs.field(validator=_in(AID_KINDS))
    value: Money | None = attrs.field(default=None, converter=_money)
    date: TimeSpan | None = attrs.field(default=None, converter=_timespan)
    items: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    evidence: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=_evidence)


@attrs.frozen
class Agreement(_Record):
    """A government-level document or relationship between parties.

    ``until`` is the stated end of validity ("through 2028").

    >>> pact = Agreement(parties=("KR", "PL"), kind="action_plan", until=TimeSpan.year(2028))
    >>> [p.code for p in pact.parties], pact.kind, pact.until.end
    (['KR', 'PL'], 'action_plan', datetime.date(2028, 12, 31))
    """

    parties: tuple[Party, ...] = attrs.field(converter=_parties)
    kind: AgreementKind = attrs.field(validator=_in(AGREEMENT_KINDS))
    date: TimeSpan | None = attrs.field(default=None, converter=_timespan)
    until: TimeSpan | None = attrs.field(default=None, converter=_timespan)
    signatories: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    topics: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    value: Money | None = attrs.field(default=None, converter=_money)
    evidence: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=_evidence)


@attrs.frozen
class Deployment(_Record):
    """Forces sent by one state to another ("North Korea sent 3,000 troops to Russia").

    >>> sent = Deployment(sender="KP", destination="RU", size=3000)
    >>> sent.sender.name, sent.destination.code, sent.size
    ('North Korea', 'RU', 3000)
    """

    sender: Party | None = attrs.field(converter=_party)
    destination: Party | None = attrs.field(converter=_party)
    size: int | None = attrs.field(default=None, validator=_opt_int)
    date: TimeSpan | None = attrs.field(default=None, converter=_timespan)
    evidence: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=_evidence)


@attrs.frozen
class Meeting(_Record):
    """A summit, visit or talks: who met, where and when.

    >>> talks = Meeting(participants=("Yoon Suk Yeol", "Andrzej Duda"), parties=("KR", "PL"), place="Warsaw")
    >>> [p.code for p in talks.parties], talks.place
    (['KR', 'PL'], 'Warsaw')
    """

    participants: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    parties: tuple[Party, ...] = attrs.field(factory=tuple, converter=_parties)
    place: str | None = attrs.field(default=None, validator=_opt_str)
    date: TimeSpan | None = attrs.field(default=None, converter=_timespan)
    evidence: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=_evidence)


def _armsdeals(values: Iterable[ArmsDeal | Mapping[str, Any]] | None) -> tuple[ArmsDeal, ...]:
    return tuple(v if isinstance(v, ArmsDeal) else ArmsDeal.from_dict(v) for v in values or ())


def _aidpackages(values: Iterable[AidPackage | Mapping[str, Any]] | None) -> tuple[AidPackage, ...]:
    return tuple(v if isinstance(v, AidPackage) else AidPackage.from_dict(v) for v in values or ())


def _agreements(values: Iterable[Agreement | Mapping[str, Any]] | None) -> tuple[Agreement, ...]:
    return tuple(v if isinstance(v, Agreement) else Agreement.from_dict(v) for v in values or ())


def _leaders(values: Iterable[Leader | Mapping[str, Any]] | None) -> tuple[Leader, ...]:
    return tuple(v if isinstance(v, Leader) else Leader.from_dict(v) for v in values or ())


def _deployments(values: Iterable[Deployment | Mapping[str, Any]] | None) -> tuple[Deployment, ...]:
    return tuple(v if isinstance(v, Deployment) else Deployment.from_dict(v) for v in values or ())


def _meetings(values: Iterable[Meeting | Mapping[str, Any]] | None) -> tuple[Meeting, ...]:
    return tuple(v if isinstance(v, Meeting) else Meeting.from_dict(v) for v in values or ())


def _mentions(values: Iterable[Mention | Mapping[str, Any]] | None) -> tuple[Mention, ...]:
    return tuple(v if isinstance(v, Mention) else Mention.from_dict(v) for v in values or ())


def _opt_published(value: dt.date | str | None) -> dt.date | None:
    return _to_date(value, "published")


RECORD_FIELDS = ("arms_deals", "aid_packages", "agreements", "leaders", "deployments", "meetings")


@attrs.frozen
class Document(_Record):
    """One parsed article: its text, metadata and every record found in it.

    ``text`` is the original input (decoded, never repaired), which every
    :class:`Evidence` indexes; :attr:`repaired_text` is the readable form.
    ``encoding`` names how bytes were decoded and ``repairs`` what mojibake
    repair was applied.  ``errors`` lists problems met while parsing (a
    batch records failures here instead of raising).  Every record's evidence
    must quote ``text``.

    >>> text = "Poland signed a contract with South Korea for K2 tanks."
    >>> quote = Evidence(doc_id="a1", start=0, end=len(text), text=text)
    >>> deal = ArmsDeal(supplier="KR", recipient="PL", status="signed", evidence=[quote])
    >>> doc = Document(id="a1", text=text, arms_deals=[deal])
    >>> [type(r).__name__ for r in doc.records], doc.records[0].evidence[0].text == text
    (['ArmsDeal'], True)
    >>> Document.from_dict(doc.to_dict()) == doc
    True
    """

    id: str | None = attrs.field(default=None, validator=_opt_str)
    published: dt.date | None = attrs.field(default=None, converter=_opt_published)
    title: str | None = attrs.field(default=None, validator=_opt_str)
    source: str | None = attrs.field(default=None, validator=_opt_str)
    text: str = attrs.field(default="", validator=_str)
    arms_deals: tuple[ArmsDeal, ...] = attrs.field(factory=tuple, converter=_armsdeals)
    aid_packages: tuple[AidPackage, ...] = attrs.field(factory=tuple, converter=_aidpackages)
    agreements: tuple[Agreement, ...] = attrs.field(factory=tuple, converter=_agreements)
    leaders: tuple[Leader, ...] = attrs.field(factory=tuple, converter=_leaders)
    deployments: tuple[Deployment, ...] = attrs.field(factory=tuple, converter=_deployments)
    meetings: tuple[Meeting, ...] = attrs.field(factory=tuple, converter=_meetings)
    mentions: tuple[Mention, ...] = attrs.field(factory=tuple, converter=_mentions)
    encoding: str | None = attrs.field(default=None, validator=_opt_str)
    repairs: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    errors: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)

    def __attrs_post_init__(self) -> None:
        n = len(self.text)
        for name in RECORD_FIELDS:
            for record in getattr(self, name):
                for ev in record.evidence:
                    if ev.end > n or self.text[ev.start : ev.end] != ev.text:
                        raise ValidationError(
                            "evidence", (ev.start, ev.end),
                            f"does not quote the document text (length {n}) in {name}",
                        )
        for m in self.mentions:
            if m.end > n:
                raise ValidationError("mentions", (m.start, m.end), f"outside the text (length {n})")

    @property
    def records(self) -> tuple[ArmsDeal | AidPackage | Agreement | Leader | Deployment | Meeting, ...]:
        """Every record of the document, deals first."""
        out: list[Any] = []
        for name in RECORD_FIELDS:
            out.extend(getattr(self, name))
        return tuple(out)

    @property
    def repaired_text(self) -> str:
        """The text with mojibake repaired (equal to ``text`` when clean)."""
        from korpol._text import repair

        repaired: str = repair(self.text)
        return repaired
