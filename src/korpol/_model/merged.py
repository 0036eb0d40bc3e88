"""Merged records: one event as several articles reported it, every report and claim kept.

A :class:`Report` is one article's account of an event (its document, date, evidence and
record); a :class:`Claim` is a value or quantity some reports state; a :class:`StatusChange`
is a stage of a deal's history.  :class:`MergedArmsDeal`, :class:`MergedAidPackage` and
:class:`MergedAgreement` are the records :class:`~korpol.Corpus` builds from them.  They are
part of the model (not of the corpus) so that exports can read them without the corpus; so are
:func:`record_year`, :func:`in_usd` and :func:`parties_of`, which read any record the way
both the corpus and the exports need it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal, Union

import attrs

from korpol._errors import KorpolError, ValidationError
from korpol._model.base import DEAL_STATUSES, DealStatus, Record, opt_published
from korpol._model.parties import Party
from korpol._model.records import Aggregate, Agreement, AidPackage, ArmsDeal, Deployment, Leader, Meeting
from korpol._model.values import Money, TimeSpan

__all__ = [
    "PRECISION_RANK",
    "STATUS_ORDER",
    "STATUS_RANK",
    "AnyRecord",
    "Claim",
    "Drawdown",
    "LinkedAggregate",
    "MergedAgreement",
    "MergedAidPackage",
    "MergedArmsDeal",
    "MergedRecord",
    "Report",
    "StatusChange",
    "Total",
    "in_usd",
    "parties_of",
    "record_year",
]


#: The order a deal moves through; a later report may move it forward.
STATUS_ORDER: tuple[DealStatus, ...] = ("framework", "planned", "signed", "delivered")


STATUS_RANK: Mapping[str, int] = {status: i for i, status in enumerate(STATUS_ORDER)}


#: How fine a time span is, finest first (used to pick a representative date).
PRECISION_RANK: Mapping[str, int] = {"day": 0, "month": 1, "quarter": 2, "year": 3, "decade": 4}


AnyRecord = Union[ArmsDeal, AidPackage, Agreement, Leader, Deployment, Meeting]  # noqa: UP007 - runtime alias on 3.10


def _report_record(value: Any) -> ArmsDeal | AidPackage | Agreement:
    if isinstance(value, ArmsDeal | AidPackage | Agreement):
        return value
    if isinstance(value, Mapping):
        if "supplier" in value:
            return ArmsDeal.from_dict(value)
        if "donor" in value:
            return AidPackage.from_dict(value)
        if "parties" in value:
            return Agreement.from_dict(value)
    raise ValidationError("record", value, "expected an ArmsDeal, AidPackage or Agreement (or its dict form)")


def _opt_str(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise ValidationError("doc_id", value, "expected a str or None")


def _sources(values: Iterable[str | None]) -> tuple[str | None, ...]:
    return tuple(_opt_str(v) for v in values)


@attrs.frozen
class Report(Record):
    """One article's account of a merged record: the record exactly as that article stated it.

    >>> from korpol import ArmsDeal, Country
    >>> deal = ArmsDeal(supplier=Country(code="KR", name="South Korea"), recipient=None, status="planned")
    >>> Report(doc_id="a1", published="2024-10-24", record=deal).published
    datetime.date(2024, 10, 24)
    """

    doc_id: str | None = attrs.field(converter=_opt_str)
    published: dt.date | None = attrs.field(default=None, converter=opt_published)
    title: str | None = attrs.field(default=None, converter=_opt_str)
    record: ArmsDeal | AidPackage | Agreement = attrs.field(
        default=None, converter=_report_record, kw_only=True
    )

    @property
    def year(self) -> int | None:
        """The year the record's values belong to: its date, else the article's."""
        date = getattr(self.record, "date", None)
        if date is not None and date.start is not None:
            year: int = date.start.year
            return year
        return None if self.published is None else self.published.year


def _claim_value(value: Any) -> Money | int:
    if isinstance(value, Money | int) and not isinstance(value, bool):
        return value
    if isinstance(value, Mapping):
        return Money.from_dict(value)
    raise ValidationError("value", value, "a claim holds a Money or an int")


@attrs.frozen
class Claim(Record):
    """One figure stated for a merged record, with the documents that state it.

    ``field`` is ``"value"`` (``value`` is a :class:`~korpol.Money`) or
    ``"quantity"`` (an int).  Figures within :data:`VALUE_TOLERANCE` of each
    other, or stated as equivalents, are one claim; a merged record with two
    value claims has reports that disagree.

    >>> Claim(field="quantity", value=180, sources=["a1", "a2"]).sources
    ('a1', 'a2')
    """

    field: Literal["value", "quantity"] = attrs.field(validator=attrs.validators.in_(("value", "quantity")))
    value: Money | int = attrs.field(converter=_claim_value)
    sources: tuple[str | None, ...] = attrs.field(factory=tuple, converter=_sources)


def _opt_span(value: TimeSpan | Mapping[str, Any] | None) -> TimeSpan | None:
    if value is None or isinstance(value, TimeSpan):
        return value
    return TimeSpan.from_dict(value)


@attrs.frozen
class StatusChange(Record):
    """A status as one report gave it, in the order the deal moved.

    >>> StatusChange(status="signed", date=None, doc_id="a1").status
    'signed'
    """

    status: DealStatus = attrs.field(validator=attrs.validators.in_(DEAL_STATUSES))
    date: TimeSpan | None = attrs.field(default=None, converter=_opt_span)
    doc_id: str | None = attrs.field(default=None, converter=_opt_str)
    published: dt.date | None = attrs.field(default=None, converter=opt_published)


def _reports(values: Iterable[Report | Mapping[str, Any]] | None) -> tuple[Report, ...]:
    return tuple(v if isinstance(v, Report) else Report.from_dict(v) for v in values or ())


def _claims(values: Iterable[Claim | Mapping[str, Any]] | None) -> tuple[Claim, ...]:
    return tuple(v if isinstance(v, Claim) else Claim.from_dict(v) for v in values or ())


def _changes(values: Iterable[StatusChange | Mapping[str, Any]] | None) -> tuple[StatusChange, ...]:
    return tuple(v if isinstance(v, StatusChange) else StatusChange.from_dict(v) for v in values or ())


class _MergedMixin:
    """What every merged record adds to its base record: reports and claims."""

    __slots__ = ()
    id: str | None
    reports: tuple[Report, ...]
    claims: tuple[Claim, ...]

    @property
    def doc_ids(self) -> tuple[str | None, ...]:
        """The documents that report this record, each once, in report order."""
        return tuple(dict.fromkeys(r.doc_id for r in self.reports))

    @property
    def conflicting(self) -> bool:
        """True when the reports state incompatible values (two or more value claims)."""
        return sum(1 for c in self.claims if c.field == "value") > 1

    @property
    def first_reported(self) -> dt.date | None:
        """The earliest publication date among the reports."""
        days = [r.published for r in self.reports if r.published is not None]
        return min(days) if days else None


def _ids(values: Iterable[str | None] | None) -> tuple[str | None, ...]:
    return tuple(None if v is None else str(v) for v in values or ())


@attrs.frozen
class Drawdown(Record):
    """How much of a framework agreement has been contracted, from the contracts under it.

    ``covered`` is the framework's quantity (``None`` when no report states it);
    ``contracted`` adds the quantities of the signed or delivered contracts that fall under
    it (``contracts``, merged deal ids); ``remaining`` is what is left, ``None`` when
    unknown: the framework's quantity is not stated, a contract under it states no quantity
    (``uncounted``), or the contracts add up to more than the framework (reports disagree).

    >>> Drawdown(covered=1000, contracted=360, remaining=640, contracts=("deal-2", "deal-9")).remaining
    640
    """

    covered: int | None = None
    contracted: int = 0
    remaining: int | None = None
    contracts: tuple[str | None, ...] = attrs.field(factory=tuple, converter=_ids)
    uncounted: tuple[str | None, ...] = attrs.field(factory=tuple, converter=_ids)


def _field_sources(values: Iterable[Iterable[str]] | Mapping[str, str] | None) -> tuple[tuple[str, str], ...]:
    pairs = values.items() if isinstance(values, Mapping) else values or ()
    out = []
    for pair in pairs:
        name, doc = tuple(pair)
        out.append((str(name), str(doc)))
    return tuple(out)


def _opt_drawdown(value: Drawdown | Mapping[str, Any] | None) -> Drawdown | None:
    if value is None or isinstance(value, Drawdown):
        return value
    return Drawdown.from_dict(value)


@attrs.frozen(repr=False)
class MergedArmsDeal(_MergedMixin, ArmsDeal):
    """An arms deal as the whole corpus reports it.

    The :class:`~korpol.ArmsDeal` fields hold the representative account
    (status: the furthest any report reached; value: the best-supported claim
    among the reports at that status; systems and evidence: the union).
    ``reports`` keeps every article's own record, ``claims`` every distinct
    figure with its sources, ``status_history`` the stages in their true order.
    A framework agreement is a merged deal of its own (status ``framework``) with
    its ``drawdown``; a contract that falls under one names it in ``framework``.

    >>> from korpol import ArmsDeal, Corpus, Document, Money, TimeSpan
    >>> def report(status):
    ...     return ArmsDeal(supplier="KR", recipient="PL", status=status, systems=["K2"],
    ...                     value=Money(amount=5_800_000_000, currency="USD"), date=TimeSpan.year(2022))
    >>> kb = Corpus([Document(id="a", published="2022-07-28", arms_deals=[report("planned")]),
    ...              Document(id="b", published="2022-08-27", arms_deals=[report("signed")])])
    >>> deal, = kb.arms_deals()
    >>> deal.status, deal.statuses, deal.doc_ids, len(deal.claims)
    ('signed', ('planned', 'signed'), ('a', 'b'), 1)
    """

    id: str | None = attrs.field(default=None, kw_only=True)
    reports: tuple[Report, ...] = attrs.field(factory=tuple, converter=_reports, kw_only=True)
    claims: tuple[Claim, ...] = attrs.field(factory=tuple, converter=_claims, kw_only=True)
    status_history: tuple[StatusChange, ...] = attrs.field(factory=tuple, converter=_changes, kw_only=True)
    #: the id of the framework agreement this contract falls under, when one fits
    framework: str | None = attrs.field(default=None, converter=_opt_str, kw_only=True)
    #: for a framework agreement: what the contracts under it have used of it
    drawdown: Drawdown | None = attrs.field(default=None, converter=_opt_drawdown, kw_only=True)
    #: which article the representative status, value, quantity and date come from
    stated_by: tuple[tuple[str, str], ...] = attrs.field(
        factory=tuple, converter=_field_sources, kw_only=True
    )

    def stated_in(self, field: str) -> str | None:
        """The id of the article whose ``field`` (``status``, ``value``, ``quantity``, ``date``)
        this merged deal shows; ``None`` when no report states it.

        >>> deal = MergedArmsDeal(supplier="KR", recipient="PL", status="signed",
        ...                       stated_by=[("value", "wire-2"), ("date", "wire-1")])
        >>> deal.stated_in("value"), deal.stated_in("quantity")
        ('wire-2', None)
        """
        return next((doc for name, doc in self.stated_by if name == field), None)

    @property
    def statuses(self) -> tuple[str, ...]:
        """The distinct statuses in the order the deal reached them ("framework", "signed")."""
        return tuple(dict.fromkeys(change.status for change in self.status_history))


@attrs.frozen(repr=False)
class MergedAidPackage(_MergedMixin, AidPackage):
    """An aid package as the whole corpus reports it (see :class:`MergedArmsDeal`).

    >>> from korpol import AidPackage, Corpus, Document, Money
    >>> aid = AidPackage(donor="KR", recipient="UA", kind="humanitarian",
    ...                  value=Money(amount=100_000_000, currency="USD"))
    >>> kb = Corpus([Document(id="a", aid_packages=[aid]), Document(id="b", aid_packages=[aid])])
    >>> package, = kb.aid_packages()
    >>> package.doc_ids, [(str(c.value), c.sources) for c in package.claims]
    (('a', 'b'), [('USD 100,000,000', ('a', 'b'))])
    """

    id: str | None = attrs.field(default=None, kw_only=True)
    reports: tuple[Report, ...] = attrs.field(factory=tuple, converter=_reports, kw_only=True)
    claims: tuple[Claim, ...] = attrs.field(factory=tuple, converter=_claims, kw_only=True)


@attrs.frozen(repr=False)
class MergedAgreement(_MergedMixin, Agreement):
    """An agreement as the whole corpus reports it (see :class:`MergedArmsDeal`).

    >>> from korpol import Agreement, Corpus, Document, TimeSpan
    >>> pact = Agreement(parties=("KR", "PL"), kind="framework", date=TimeSpan.year(2022))
    >>> kb = Corpus([Document(id="a", agreements=[pact]), Document(id="b", agreements=[pact])])
    >>> merged, = kb.agreements()
    >>> merged.kind, merged.doc_ids, merged.conflicting
    ('framework', ('a', 'b'), False)
    """

    id: str | None = attrs.field(default=None, kw_only=True)
    reports: tuple[Report, ...] = attrs.field(factory=tuple, converter=_reports, kw_only=True)
    claims: tuple[Claim, ...] = attrs.field(factory=tuple, converter=_claims, kw_only=True)


#: A record the corpus merges across articles.
MergedRecord = Union[MergedArmsDeal, MergedAidPackage, MergedAgreement]  # noqa: UP007 - runtime alias on 3.10


def record_year(record: Any) -> int | None:
    """The year a record's values belong to: its date, else when it was first reported.

    >>> record_year(AidPackage(donor="KR", recipient="UA", kind="humanitarian", date=TimeSpan.year(2023)))
    2023
    """
    date = getattr(record, "date", None)
    if date is not None and date.start is not None:
        year: int = date.start.year
        return year
    first = getattr(record, "first_reported", None)
    return None if first is None else int(first.year)


def in_usd(money: Money, year: int | None) -> Money | None:
    """``money`` in US dollars at ``year``'s rate, or ``None`` when no rate is known.

    >>> in_usd(Money(amount=100, currency="XAU"), 2023) is None  # no rate for gold
    True
    """
    try:
        return money.to_usd(year)
    except (KorpolError, LookupError, ValueError, ArithmeticError):
        return None


@attrs.frozen(repr=False)
class LinkedAggregate(Aggregate):
    """A recap total as the corpus sees it: the article's :class:`~korpol.Aggregate`, and the
    merged records it adds up.

    ``sums`` names the merged deals (or aid packages) whose values add up to it, when exactly
    one set of the records the corpus holds does (``()`` otherwise: the corpus lacks some of
    them, or two sets would fit).  ``doc_id`` and ``published`` say which article stated it.

    >>> from korpol import Money
    >>> recap = LinkedAggregate(of="arms_deals", supplier="KR", recipient="PL", count=2,
    ...                         value=Money(amount="9870000000", currency="USD"),
    ...                         id="sum-1", doc_id="recap", sums=("deal-3", "deal-4"))
    >>> recap.sums, recap.count
    (('deal-3', 'deal-4'), 2)
    """

    id: str | None = attrs.field(default=None, converter=_opt_str, kw_only=True)
    doc_id: str | None = attrs.field(default=None, converter=_opt_str, kw_only=True)
    published: dt.date | None = attrs.field(default=None, converter=opt_published, kw_only=True)
    sums: tuple[str | None, ...] = attrs.field(factory=tuple, converter=_ids, kw_only=True)


_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))


def rounded(amount: Decimal) -> str:
    """An amount to three significant figures in words: ``23.1 billion``, ``640 million``.

    >>> rounded(Decimal("23050000000")), rounded(Decimal("6500000000")), rounded(Decimal("12345"))
    ('23.1 billion', '6.5 billion', '12,345')
    """
    for i, (scale, word) in enumerate(_SCALES):
        if abs(amount) >= scale * Decimal("0.9995"):
            figure = amount / scale
            digits = 2 - int(abs(figure).log10().to_integral_value(rounding="ROUND_FLOOR"))
            figure = figure.quantize(Decimal(1).scaleb(-max(digits, 0)), rounding=ROUND_HALF_UP)
            if abs(figure) >= 1000 and i > 0:  # 999,999,999 is "1 billion", not "1,000 million"
                figure, word = figure / 1000, _SCALES[i - 1][1]
            text = f"{figure:,f}"
            text = text.rstrip("0").rstrip(".") if "." in text else text
            return f"{text} {word}"
    return f"{amount.quantize(Decimal(1)) if abs(amount) >= 1 else amount:,f}"


@attrs.frozen
class Total(Money):
    """A sum of records' values, and what it summed.

    A :class:`~korpol.Money` (``amount``, ``currency``; ``estimated`` and qualifier
    ``about`` when any value was converted at an annual rate) that also names the
    records it added (``summed``), those converted at annual rates (``converted``), those
    without a value (``unvalued``) and the frameworks it left out (``frameworks``: a
    framework's value is not added to the contracts signed under it).  ``str()`` gives the
    figure to three significant figures.

    >>> t = Total(amount="23114222874", currency="USD", qualifier="about", estimated=True,
    ...           summed=("deal-1", "deal-2"), converted=("deal-2",))
    >>> str(t)
    'about USD 23.1 billion'
    """

    summed: tuple[str | None, ...] = attrs.field(factory=tuple, converter=_ids, kw_only=True)
    converted: tuple[str | None, ...] = attrs.field(factory=tuple, converter=_ids, kw_only=True)
    unvalued: tuple[str | None, ...] = attrs.field(factory=tuple, converter=_ids, kw_only=True)
    frameworks: tuple[str | None, ...] = attrs.field(factory=tuple, converter=_ids, kw_only=True)

    def __str__(self) -> str:
        about = "about " if self.qualifier != "exact" or self.estimated else ""
        return f"{about}{self.currency} {rounded(self.amount)}"


#: The fields that hold one party, in the order a record's parties are listed.
_PARTY_FIELDS = ("supplier", "recipient", "donor", "sender", "destination")


def parties_of(record: Any) -> tuple[Party, ...]:
    """Every party a record names: supplier, recipient, donor, sender, destination, then ``parties``.

    >>> [p.code for p in parties_of(Agreement(parties=("KR", "PL"), kind="framework"))]
    ['KR', 'PL']
    """
    named = (getattr(record, name, None) for name in _PARTY_FIELDS)
    return (*(p for p in named if p is not None), *getattr(record, "parties", ()))
