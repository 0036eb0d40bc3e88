"""Hypothesis strategies for every korpol record.

Every strategy builds only valid records (the validators are tested with
tables in ``test_model.py``), drawn from the real code sets so that a
generated ``Country`` or ``Money`` is one korpol could produce.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, TypeVar

from hypothesis import strategies as st

from korpol._model import (
    AGREEMENT_KINDS,
    AID_KINDS,
    DEAL_STATUSES,
    MENTION_KINDS,
    PRECISIONS,
    QUALIFIERS,
    RELATIONS,
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
    Organization,
    TimeSpan,
)
from korpol._tables import read_table

__all__ = [
    "agreements",
    "aid_packages",
    "amounts",
    "arms_deals",
    "countries",
    "currencies",
    "deployments",
    "documents",
    "evidence",
    "leaders",
    "meetings",
    "mentions",
    "money",
    "organizations",
    "parties",
    "records",
    "time_spans",
]

T = TypeVar("T")

_COUNTRIES = sorted((row["code"], row["name"]) for row in read_table("countries.tsv"))
_CURRENCIES = sorted(row["code"] for row in read_table("currencies.tsv"))

# Short free text: names, aliases, system designations.  Any str is legal.
words = st.text(min_size=0, max_size=20)
names = st.text(min_size=1, max_size=20).filter(lambda s: s.strip() != "")
_tuples = st.lists(words, max_size=3).map(tuple)


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


# ---------------------------------------------------------------- parties


@st.composite
def countries(draw: st.DrawFn) -> Country:
    """A real country (code and name from the bundled table), with any aliases."""
    code, name = draw(st.sampled_from(_COUNTRIES))
    return Country(code=code, name=name, aliases=draw(_tuples))


organization_codes = st.sampled_from(["NATO", "EU", "UN", "ASEAN", "G7", "OSCE", "AU"]) | st.from_regex(
    r"[A-Z][A-Z0-9]{0,7}(-[A-Z0-9]{1,4})?", fullmatch=True
)


@st.composite
def organizations(draw: st.DrawFn) -> Organization:
    """An organisation: a known one or any upper-case code."""
    return Organization(code=draw(organization_codes), name=draw(names), aliases=draw(_tuples))


def parties() -> st.SearchStrategy[Country | Organization]:
    """A Country or an Organization."""
    return countries() | organizations()


# ---------------------------------------------------------------- values

#: Amounts from 0 to 1e15, as whole numbers and with decimal places.
amounts: st.SearchStrategy[Decimal] = st.one_of(
    st.integers(min_value=0, max_value=10**15).map(Decimal),
    st.decimals(
        min_value=0, max_value=10**15, places=2, allow_nan=False, allow_infinity=False
    ),
    st.decimals(min_value=0, max_value=1000, places=6, allow_nan=False, allow_infinity=False),
)

currencies = st.sampled_from(_CURRENCIES)
spans = st.tuples(st.integers(0, 10_000), st.integers(0, 100)).map(lambda p: (p[0], p[0] + p[1]))


@st.composite
def _money(draw: st.DrawFn, *, nested: bool) -> Money:
    amount = draw(amounts)
    upper = draw(_optional(amounts.map(lambda extra: amount + extra)))
    equivalents = draw(st.lists(_money(nested=False), max_size=2)) if nested else []
    return Money(
        amount=amount,
        currency=draw(currencies),
        qualifier=draw(st.sampled_from(QUALIFIERS)),
        text=draw(words),
        span=draw(_optional(spans)),
        upper=upper,
        equivalents=equivalents,
        estimated=draw(st.booleans()),
    )


def money() -> st.SearchStrategy[Money]:
    """Money with every optional part: qualifier, range top, span, equivalents."""
    return _money(nested=True)


dates = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9989, 12, 31))


def _last_day(year: int, month: int) -> dt.date:
    nxt = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return nxt - dt.timedelta(days=1)


@st.composite
def _aligned(draw: st.DrawFn, precision: str) -> tuple[dt.date, dt.date]:
    """A (start, end) made of 1-3 whole units of ``precision``."""
    first = draw(dates)
    units = draw(st.integers(1, 3))
    if precision == "day":
        return first, first + dt.timedelta(days=units - 1)
    if precision == "decade":
        year = first.year // 10 * 10
        return dt.date(year, 1, 1), dt.date(year + 10 * units - 1, 12, 31)
    if precision == "year":
        return dt.date(first.year, 1, 1), dt.date(first.year + units - 1, 12, 31)
    months = 3 if precision == "quarter" else 1
    month = (first.month - 1) // months * months + 1
    last = month - 2 + months * units  # zero-based month index of the span's last month
    return dt.date(first.year, month, 1), _last_day(first.year + last // 12, last % 12 + 1)


@st.composite
def time_spans(draw: st.DrawFn, *, resolved: bool | None = None) -> TimeSpan:
    """A TimeSpan at any precision (aligned to it), or an unresolved one."""
    if resolved is None:
        resolved = draw(st.integers(0, 4)) > 0
    common: dict[str, Any] = {
        "text": draw(words),
        "relation": draw(st.sampled_from(RELATIONS)),
        "span": draw(_optional(spans)),
    }
    if not resolved:
        common["precision"] = draw(_optional(st.sampled_from(PRECISIONS)))
        return TimeSpan(**common)
    precision: Any = draw(st.sampled_from(PRECISIONS))  # a str from the Literal's own values
    start, end = draw(_aligned(precision))
    return TimeSpan(start=start, end=end, precision=precision, **common)


# ---------------------------------------------------------------- evidence

_document_texts = st.text(min_size=0, max_size=200)


@st.composite
def evidence(draw: st.DrawFn, text: str | None = None) -> Evidence:
    """Evidence quoting ``text`` (or a text drawn here) at valid offsets."""
    if text is None:
        text = draw(_document_texts)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return Evidence(
        doc_id=draw(_optional(words)), start=start, end=end, text=text[start:end], sentence=draw(words)
    )


@st.composite
def mentions(draw: st.DrawFn, text: str | None = None) -> Mention:
    """A mention whose offsets lie inside ``text`` (or a drawn text) and quote it."""
    if text is None:
        text = draw(_document_texts)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return Mention(
        kind=draw(st.sampled_from(MENTION_KINDS)), start=start, end=end, text=text[start:end], key=draw(words)
    )


def _evidence_list(text: str | None) -> st.SearchStrategy[list[Evidence]]:
    return st.lists(evidence(text), max_size=2)


# ---------------------------------------------------------------- records


@st.composite
def leaders(draw: st.DrawFn, text: str | None = None) -> Leader:
    """An office holder with a lower-case role and an ordered term."""
    term_start, term_end = draw(_optional(dates)), draw(_optional(dates))
    if term_start and term_end and term_start > term_end:
        term_start, term_end = term_end, term_start
    role = draw(
        st.sampled_from(["president", "prime minister", "defence minister", "secretary general"])
        | st.from_regex(r"[a-z][a-z ]{0,20}", fullmatch=True)
    )
    return Leader(
        name=draw(names),
        role=role,
        country=draw(_optional(parties())),
        aliases=draw(_tuples),
        term_start=term_start,
        term_end=term_end,
        evidence=draw(_evidence_list(text)),
    )


@st.composite
def arms_deals(draw: st.DrawFn, text: str | None = None) -> ArmsDeal:
    """An arms deal with every field filled or left empty."""
    return ArmsDeal(
        supplier=draw(_optional(parties())),
        recipient=draw(_optional(parties())),
        status=draw(st.sampled_from(DEAL_STATUSES)),
        value=draw(_optional(money())),
        alt_values=draw(st.lists(money(), max_size=2)),
        date=draw(_optional(time_spans())),
        systems=draw(_tuples),
        quantity=draw(_optional(st.integers(0, 10_000))),
        contractors=draw(_tuples),
        evidence=draw(_evidence_list(text)),
    )


@st.composite
def aid_packages(draw: st.DrawFn, text: str | None = None) -> AidPackage:
    """An aid package of any kind."""
    return AidPackage(
        donor=draw(_optional(parties())),
        recipient=draw(_optional(parties())),
        kind=draw(st.sampled_from(AID_KINDS)),
        value=draw(_optional(money())),
        date=draw(_optional(time_spans())),
        items=draw(_tuples),
        evidence=draw(_evidence_list(text)),
    )


@st.composite
def agreements(draw: st.DrawFn, text: str | None = None) -> Agreement:
    """An agreement of any kind between 0-3 parties."""
    return Agreement(
        parties=draw(st.lists(parties(), max_size=3)),
        kind=draw(st.sampled_from(AGREEMENT_KINDS)),
        date=draw(_optional(time_spans())),
        until=draw(_optional(time_spans())),
        signatories=draw(_tuples),
        topics=draw(_tuples),
        value=draw(_optional(money())),
        evidence=draw(_evidence_list(text)),
    )


@st.composite
def deployments(draw: st.DrawFn, text: str | None = None) -> Deployment:
    """Forces sent from one party to another."""
    return Deployment(
        sender=draw(_optional(parties())),
        destination=draw(_optional(parties())),
        size=draw(_optional(st.integers(0, 10**6))),
        date=draw(_optional(time_spans())),
        evidence=draw(_evidence_list(text)),
    )


@st.composite
def meetings(draw: st.DrawFn, text: str | None = None) -> Meeting:
    """A meeting of people and parties at an optional place."""
    return Meeting(
        participants=draw(_tuples),
        parties=draw(st.lists(parties(), max_size=3)),
        place=draw(_optional(words)),
        date=draw(_optional(time_spans())),
        evidence=draw(_evidence_list(text)),
    )


def records(text: str | None = None) -> st.SearchStrategy[Any]:
    """Any of the six record types, evidence quoting ``text`` when given."""
    return st.one_of(
        arms_deals(text),
        aid_packages(text),
        agreements(text),
        leaders(text),
        deployments(text),
        meetings(text),
    )


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """A document whose every evidence span and mention quotes its text."""
    text = draw(_document_texts)

    def some(strategy: st.SearchStrategy[T]) -> list[T]:
        # At most one record of each kind: six kinds already make a rich document.
        return draw(st.lists(strategy, max_size=1))

    return Document(
        id=draw(_optional(words)),
        published=draw(_optional(dates)),
        title=draw(_optional(words)),
        source=draw(_optional(words)),
        text=text,
        arms_deals=some(arms_deals(text)),
        aid_packages=some(aid_packages(text)),
        agreements=some(agreements(text)),
        leaders=some(leaders(text)),
        deployments=some(deployments(text)),
        meetings=some(meetings(text)),
        mentions=draw(st.lists(mentions(text), max_size=3)),
        encoding=draw(_optional(st.sampled_from(["utf-8", "euc_kr", "cp949", "cp1252"]))),
        repairs=draw(_tuples),
        errors=draw(_tuples),
    )
