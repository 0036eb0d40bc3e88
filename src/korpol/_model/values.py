"""The values records are made of: money, time spans, evidence, mentions.

Each keeps the text it was read from and, where known, its span in the original input.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from korpol._errors import ValidationError
from korpol._model.base import (
    MENTION_KINDS,
    PRECISIONS,
    QUALIFIERS,
    RELATIONS,
    MentionKind,
    Precision,
    Qualifier,
    Record,
    Relation,
    currency_code,
    end_date,
    in_vocabulary,
    is_offset,
    is_opt_str,
    is_str,
    opt_decimal,
    opt_in_vocabulary,
    opt_span,
    start_date,
    to_decimal,
)
from korpol._model.rates import usd_rate

__all__ = [
    "Evidence",
    "Mention",
    "Money",
    "TimeSpan",
    "evidence_tuple",
    "money_in_original",
    "money_tuple",
    "time_in_original",
    "to_money",
    "to_timespan",
]


def _money_tuple_fwd(values: Iterable[Any] | None) -> tuple[Money, ...]:
    return money_tuple(values)


@attrs.frozen
class Money(Record):
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

    amount: Decimal = attrs.field(converter=to_decimal)
    currency: str = attrs.field(converter=currency_code)
    qualifier: Qualifier = attrs.field(default="exact", validator=in_vocabulary(QUALIFIERS))
    text: str = attrs.field(default="", validator=is_str)
    span: tuple[int, int] | None = attrs.field(default=None, converter=opt_span)
    upper: Decimal | None = attrs.field(default=None, converter=opt_decimal)
    equivalents: tuple[Money, ...] = attrs.field(factory=tuple, converter=_money_tuple_fwd)
    estimated: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))

    def __attrs_post_init__(self) -> None:
        if self.upper is not None and self.upper < self.amount:
            raise ValidationError(
                "upper", self.upper, f"the top of a range is below its amount {self.amount}"
            )

    def to_usd(self, year: int | None = None) -> Money:
        """This amount in US dollars: as the text states it, else at the annual rate of ``year``.

        A dollar equivalent the text states ("9 trillion won ($6.5 billion)") is returned as
        stated.  Otherwise the amount is converted at the bundled annual average rate of
        ``year`` (the latest bundled year without one), and the result has
        ``estimated=True``: it is korpol's conversion, not a figure from the text.

        >>> Money(amount=4000, currency="KRW").to_usd(2023).estimated
        True
        >>> dollars = Money(amount=6_500_000_000, currency="USD")
        >>> won = Money(amount=9 * 10**12, currency="KRW", equivalents=[dollars])
        >>> str(won.to_usd(2025)), won.to_usd(2025).estimated
        ('USD 6,500,000,000', False)
        """
        if self.currency == "USD":
            return self
        stated = next((m for m in self.equivalents if m.currency == "USD"), None)
        if stated is not None:
            return stated
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


def to_money(value: Money | Mapping[str, Any] | None) -> Money | None:
    if value is None or isinstance(value, Money):
        return value
    if isinstance(value, Mapping):
        return Money.from_dict(value)
    raise ValidationError("money", value, "expected a Money or its dict form")


def money_tuple(values: Iterable[Money | Mapping[str, Any]] | None) -> tuple[Money, ...]:
    return tuple(m for m in (to_money(v) for v in values or ()) if m is not None)


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
class TimeSpan(Record):
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

    start: dt.date | None = attrs.field(default=None, converter=start_date)
    end: dt.date | None = attrs.field(default=None, converter=end_date)
    precision: Precision | None = attrs.field(default=None, validator=opt_in_vocabulary(PRECISIONS))
    text: str = attrs.field(default="", validator=is_str)
    relation: Relation = attrs.field(default="at", validator=in_vocabulary(RELATIONS))
    span: tuple[int, int] | None = attrs.field(default=None, converter=opt_span)

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
                    "precision",
                    self.precision,
                    f"{self.start}..{self.end} is not made of whole {self.precision}s",
                )

    @property
    def resolved(self) -> bool:
        """True when the span has calendar dates."""
        return self.start is not None

    @property
    def inferred(self) -> bool:
        """True for a date no words of the text state: the article's publication year, taken
        for a record whose text gives no time (``text`` is then empty).

        >>> stated = TimeSpan.year(2024)
        >>> inferred = TimeSpan(dt.date(2024, 1, 1), dt.date(2024, 12, 31), "year")
        >>> stated.inferred, inferred.inferred
        (False, True)
        """
        return self.start is not None and not self.text

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


def to_timespan(value: TimeSpan | Mapping[str, Any] | None) -> TimeSpan | None:
    if value is None or isinstance(value, TimeSpan):
        return value
    if isinstance(value, Mapping):
        return TimeSpan.from_dict(value)
    raise ValidationError("date", value, "expected a TimeSpan or its dict form")


@attrs.frozen
class Evidence(Record):
    """Where a record comes from: ``text`` is ``original[start:end]``.

    Offsets index the ORIGINAL input text (before any mojibake repair), so
    an analyst can always show the words the number came from.  ``sentence``
    is the whole sentence, repaired for reading.

    >>> Evidence(doc_id="a", start=5, end=3, text="")
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: end: 3 is not valid: before start 5
    """

    doc_id: str | None = attrs.field(validator=is_opt_str)
    start: int = attrs.field(validator=is_offset)
    end: int = attrs.field(validator=is_offset)
    text: str = attrs.field(validator=is_str)
    sentence: str = attrs.field(default="", validator=is_str)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError("end", self.end, f"before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValidationError(
                "text", self.text, f"length differs from end - start = {self.end - self.start}"
            )


def evidence_tuple(values: Iterable[Evidence | Mapping[str, Any]] | None) -> tuple[Evidence, ...]:
    return tuple(v if isinstance(v, Evidence) else Evidence.from_dict(v) for v in values or ())


@attrs.frozen
class Mention(Record):
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

    kind: MentionKind = attrs.field(validator=in_vocabulary(MENTION_KINDS))
    start: int = attrs.field(validator=is_offset)
    end: int = attrs.field(validator=is_offset)
    text: str = attrs.field(validator=is_str)
    key: str = attrs.field(default="", validator=is_str)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError("end", self.end, f"before start {self.start}")


#: maps a span of the normalised text to the span of the original input it came from
ToOriginal = Callable[[int, int], tuple[int, int]]


def money_in_original(money: Money, original: str, to_original: ToOriginal) -> Money:
    """``money`` with its ``span`` and ``text`` (and its equivalents') in the caller's input.

    The scanners read normalised text; every span a user sees must index the original input,
    whatever normalisation changed (mojibake, CRLF, curly quotes).

    >>> m = Money(amount=1, currency="USD", text="$1", span=(2, 4))
    >>> money_in_original(m, "xx  $1", lambda a, b: (a + 2, b + 2)).span
    (4, 6)
    """
    equivalents = tuple(money_in_original(e, original, to_original) for e in money.equivalents)
    if money.span is None:
        return attrs.evolve(money, equivalents=equivalents) if equivalents != money.equivalents else money
    start, end = to_original(*money.span)
    text = original[start:end]
    if (start, end) == money.span and text == money.text and equivalents == money.equivalents:
        return money  # (the input needed no normalising here: nothing to move)
    return attrs.evolve(money, span=(start, end), text=text, equivalents=equivalents)


def time_in_original(span: TimeSpan, original: str, to_original: ToOriginal) -> TimeSpan:
    """``span`` with its own ``span`` and ``text`` in the caller's input (see :func:`money_in_original`)."""
    if span.span is None:
        return span
    start, end = to_original(*span.span)
    text = original[start:end]
    if (start, end) == span.span and text == span.text:
        return span  # (the input needed no normalising here: nothing to move)
    return attrs.evolve(span, span=(start, end), text=text)
