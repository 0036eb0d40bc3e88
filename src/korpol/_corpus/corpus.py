"""Many parsed articles as one knowledge base: merged records and analyst queries.

Why this module exists: one article is one account.  An analyst follows a
relationship over hundreds of articles, each repeating some facts, adding a
few and getting some wrong.  :class:`Corpus` holds the parsed
:class:`~korpol.Document` objects and *merges* the accounts: the same arms
deal, aid package or agreement reported by several articles becomes one
merged record that keeps every report (its document, evidence, date and the
values it stated).  Conflicting figures stay separate :class:`Claim` objects
with their sources; nothing is ever averaged.

How two reports are judged to be the same event is written out as data-free
rules in :func:`_same_deal`, :func:`_same_aid` and :func:`_same_agreement`:
matching parties, overlapping time (a deal may move forward in status over
time), compatible values (within :data:`VALUE_TOLERANCE` after currency
conversion, or a stated equivalent) and overlapping weapon systems.

Queries accept ISO codes, names, aliases or :class:`~korpol.Country` objects
and return :class:`Results`, a typed sequence with :meth:`Results.total` and
:meth:`Results.to_dataframe`.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar, overload

import attrs

from korpol import _pipeline
from korpol._errors import InputTypeError, KorpolError, ValidationError
from korpol._io.columns import record_rows
from korpol._io.csv import write_csv
from korpol._io.frames import to_dataframe
from korpol._io.jsonl import read_jsonl, write_jsonl
from korpol._io.sqlite import read_sqlite, write_sqlite
from korpol._model import (
    DEAL_STATUSES,
    Agreement,
    AgreementKind,
    AidKind,
    AidPackage,
    ArmsDeal,
    Country,
    Document,
    Leader,
    Money,
    Organization,
    Party,
    TimeSpan,
)
from korpol._model.merged import (
    PRECISION_RANK,
    STATUS_ORDER,
    STATUS_RANK,
    Claim,
    MergedAgreement,
    MergedAidPackage,
    MergedArmsDeal,
    Report,
    StatusChange,
)

__all__ = [
    "VALUE_TOLERANCE",
    "Corpus",
    "R",
    "Relation",
    "Results",
    "load_jsonl",
    "load_seeds",
    "read_manifest",
    "read_sidecar",
    "save_jsonl",
]


if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable


#: Two stated values are the same figure when they differ by at most this
#: fraction of the larger one (after conversion to US dollars).
VALUE_TOLERANCE = Decimal("0.02")


R = TypeVar("R")


def _code(party: Party | None) -> str | None:
    return None if party is None else party.code


def _roles_match(a: tuple[str | None, ...], b: tuple[str | None, ...]) -> bool:
    """Every role known on both sides agrees, and at least one is known on both."""
    known = False
    for x, y in zip(a, b, strict=True):
        if x is not None and y is not None:
            if x != y:
                return False
            known = True
    return known


def _resolved(span: TimeSpan | None) -> TimeSpan | None:
    return span if span is not None and span.start is not None else None


def _overlap(a: TimeSpan | None, b: TimeSpan | None) -> bool:
    """Whether two spans can be the same time (an unknown span can be any time)."""
    ra, rb = _resolved(a), _resolved(b)
    if ra is None or rb is None:
        return True
    assert ra.start is not None
    assert ra.end is not None
    assert rb.start is not None
    assert rb.end is not None
    return ra.start <= rb.end and rb.start <= ra.end


def _not_after(earlier: TimeSpan | None, later: TimeSpan | None) -> bool:
    """Whether ``earlier`` can precede (or overlap) ``later``."""
    ra, rb = _resolved(earlier), _resolved(later)
    if ra is None or rb is None:
        return True
    assert ra.start is not None
    assert rb.end is not None
    return ra.start <= rb.end


def _fine(span: TimeSpan | None) -> bool:
    return span is not None and span.start is not None and span.precision in ("day", "month")


def _within(x: Decimal, y: Decimal) -> bool:
    top = max(x, y)
    return top == 0 or abs(x - y) <= VALUE_TOLERANCE * top


def _in_usd(money: Money, year: int | None) -> Money | None:
    try:
        return money.to_usd(year)
    except (KorpolError, LookupError, ValueError, ArithmeticError):
        return None


def _same_figure(a: Money, year_a: int | None, b: Money, year_b: int | None) -> bool:
    """Whether two stated sums can be the same figure."""
    if a.currency == b.currency:
        pairs = [(a.amount, a.upper, b.amount, b.upper)]
    else:
        ua, ub = _in_usd(a, year_a), _in_usd(b, year_b)
        if ua is None or ub is None:
            return False
        pairs = [(ua.amount, ua.upper, ub.amount, ub.upper)]
    for x, x_top, y, y_top in pairs:
        if _within(x, y):
            return True
        # a stated range ("$13-14 billion") contains the other figure
        if x_top is not None and x <= y <= x_top:
            return True
        if y_top is not None and y <= x <= y_top:
            return True
    return False


def _figures(value: Money | None, alt_values: Iterable[Money] = ()) -> list[Money]:
    """Every figure a report states for one record: the value, its equivalents, other values."""
    if value is None:
        return list(alt_values)
    return [value, *value.equivalents, *alt_values]


Relation = Literal["match", "unknown", "conflict"]


def _value_relation(a: list[Money], year_a: int | None, b: list[Money], year_b: int | None) -> Relation:
    if not a or not b:
        return "unknown"
    if any(_same_figure(x, year_a, y, year_b) for x in a for y in b):
        return "match"
    return "conflict"


@functools.lru_cache(maxsize=1)
def _category_forms() -> dict[str, str]:
    from korpol._refdata import system_categories

    return {form.lower(): cat.category for cat in system_categories() for form in (cat.name, *cat.forms)}


@functools.lru_cache(maxsize=4096)
def _system_key(name: str) -> tuple[str | None, str | None]:
    """(designation family, category) of one system name.

    A designation ("K2PL", "Black Panther") resolves to its family in the
    reference data; a plain noun ("tanks") is a category.  Unknown names are
    compared by their letters and digits.
    """
    from korpol._refdata import get_weapon_system

    category = _category_forms().get(name.lower())
    if category is not None:
        return None, category
    system = get_weapon_system(name)
    if system is not None:
        return system.base.upper(), system.category
    return re.sub(r"[^0-9A-Za-z]", "", name).upper() or None, None


def _system_keys(systems: Iterable[str]) -> tuple[set[str], set[str]]:
    """(designation families, categories) named by a record's systems."""
    families: set[str] = set()
    categories: set[str] = set()
    for name in systems:
        family, category = _system_key(name)
        if family:
            families.add(family)
        if category:
            categories.add(category)
    return families, categories


def _system_relation(a: Iterable[str], b: Iterable[str]) -> Relation:
    fa, ca = _system_keys(a)
    fb, cb = _system_keys(b)
    if (not fa and not ca) or (not fb and not cb):
        return "unknown"
    if fa & fb:
        return "match"
    if fa and fb:
        return "conflict"  # both name designations, none in common: different deals
    return "match" if ca & cb else "conflict"


def _same_deal(a: Report, b: Report) -> bool:
    """Whether two reports can be the same arms deal."""
    x, y = a.record, b.record
    assert isinstance(x, ArmsDeal)
    assert isinstance(y, ArmsDeal)
    if a.doc_id is not None and a.doc_id == b.doc_id:
        return False  # one article's records are already one per fact: the record stage merged its repeats
    if not _roles_match((_code(x.supplier), _code(x.recipient)), (_code(y.supplier), _code(y.recipient))):
        return False
    # time: the same status must overlap; a later status must not precede an earlier one
    if STATUS_RANK[x.status] == STATUS_RANK[y.status]:
        if not _overlap(x.date, y.date):
            return False
    else:
        lower, higher = (x, y) if STATUS_RANK[x.status] < STATUS_RANK[y.status] else (y, x)
        if not _not_after(lower.date, higher.date):
            return False
    systems = _system_relation(x.systems, y.systems)
    if systems == "conflict":
        return False
    values = _value_relation(_figures(x.value, x.alt_values), a.year, _figures(y.value, y.alt_values), b.year)
    if systems == "match":
        # one article giving two different figures for the same systems reports two deals
        return not (values == "conflict" and a.doc_id == b.doc_id)
    if values == "match":
        return True
    if values == "unknown":
        if x.quantity is not None and x.quantity == y.quantity:
            return True
        return _fine(x.date) and _fine(y.date)
    return False


def _aid_kinds_match(a: str, b: str) -> bool:
    return a == b or "mixed" in (a, b)


def _same_aid(a: Report, b: Report) -> bool:
    """Whether two reports can be the same aid package."""
    x, y = a.record, b.record
    assert isinstance(x, AidPackage)
    assert isinstance(y, AidPackage)
    if a.doc_id is not None and a.doc_id == b.doc_id:
        return False  # one article's records are already one per fact: the record stage merged its repeats
    if not _roles_match((_code(x.donor), _code(x.recipient)), (_code(y.donor), _code(y.recipient))):
        return False
    if not _aid_kinds_match(x.kind, y.kind) or not _overlap(x.date, y.date):
        return False
    items_overlap = bool({i.lower() for i in x.items} & {i.lower() for i in y.items})
    values = _value_relation(_figures(x.value), a.year, _figures(y.value), b.year)
    if values == "match":
        return True
    if values == "conflict":
        return items_overlap and a.doc_id != b.doc_id
    return items_overlap or (_fine(x.date) and _fine(y.date))


def _same_agreement(a: Report, b: Report) -> bool:
    """Whether two reports can be the same agreement."""
    x, y = a.record, b.record
    assert isinstance(x, Agreement)
    assert isinstance(y, Agreement)
    if a.doc_id is not None and a.doc_id == b.doc_id:
        return False  # one article's records are already one per fact: the record stage merged its repeats
    px, py = {p.code for p in x.parties}, {p.code for p in y.parties}
    if not px or px != py:
        return False
    if x.kind != y.kind and "other" not in (x.kind, y.kind):
        return False
    if not _overlap(x.date, y.date) or not _overlap(x.until, y.until):
        return False
    values = _value_relation(_figures(x.value), a.year, _figures(y.value), b.year)
    return values != "conflict"


def _cluster(reports: list[Report], same: Callable[[Report, Report], bool]) -> list[list[Report]]:
    """Greedy complete-linkage grouping: a report joins the first group it matches entirely."""
    groups: list[list[Report]] = []
    for report in reports:
        for group in groups:
            if all(same(report, member) for member in group):
                group.append(report)
                break
        else:
            groups.append([report])
    return groups


def _report_order(report: Report, index: int) -> tuple[dt.date, int]:
    date = _resolved(getattr(report.record, "date", None))
    day = date.start if date is not None and date.start is not None else report.published
    return (day or dt.date.max, index)


def _value_claims(reports: Sequence[Report]) -> list[tuple[Claim, list[Money], int | None]]:
    claims: list[tuple[Claim, list[Money], int | None]] = []
    for report in reports:
        record = report.record
        value = record.value
        if value is None:
            continue
        figures = _figures(value, getattr(record, "alt_values", ()))
        for i, (claim, known, year) in enumerate(claims):
            if any(_same_figure(f, report.year, k, year) for f in figures for k in known):
                grown = attrs.evolve(claim, sources=(*claim.sources, report.doc_id))
                claims[i] = (grown, known + figures, year)
                break
        else:
            claims.append((Claim(field="value", value=value, sources=(report.doc_id,)), figures, report.year))
    return claims


def _quantity_claims(reports: Sequence[Report]) -> list[Claim]:
    by_quantity: dict[int, list[str | None]] = {}
    for report in reports:
        quantity = getattr(report.record, "quantity", None)
        if quantity is not None:
            by_quantity.setdefault(quantity, []).append(report.doc_id)
    return [Claim(field="quantity", value=q, sources=docs) for q, docs in by_quantity.items()]


def _best_claim(claims: Sequence[Claim], preferred: set[str | None]) -> Claim | None:
    """The claim most reports at the preferred status support, then most reports overall."""
    if not claims:
        return None
    return max(
        enumerate(claims),
        key=lambda ic: (sum(1 for s in ic[1].sources if s in preferred), len(ic[1].sources), -ic[0]),
    )[1]


def _best_date(spans: Iterable[TimeSpan | None]) -> TimeSpan | None:
    """The finest resolved span (earliest among equals), else the first unresolved one."""
    known = [s for s in spans if s is not None]
    resolved = [s for s in known if s.start is not None]
    if resolved:
        return min(resolved, key=lambda s: (PRECISION_RANK.get(s.precision or "decade", 9), s.start))
    return known[0] if known else None


def _union(values: Iterable[Iterable[str]]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for group in values:
        for value in group:
            seen.setdefault(value.casefold(), value)
    return tuple(seen.values())


def _first(values: Iterable[Party | None]) -> Party | None:
    return next((v for v in values if v is not None), None)


def _stating(reports: Iterable[Report], claim: Claim | None) -> Report | None:
    """The first report that states ``claim``."""
    if claim is None:
        return None
    return next((r for r in reports if r.doc_id in claim.sources and r.record.value is not None), None)


def _start(span: TimeSpan | None) -> dt.date | None:
    return None if span is None else span.start


def _merge_deal(group: list[Report], key: str) -> MergedArmsDeal:
    deals = [r.record for r in group if isinstance(r.record, ArmsDeal)]
    top = max(STATUS_RANK[d.status] for d in deals)
    at_top = [r for r in group if isinstance(r.record, ArmsDeal) and STATUS_RANK[r.record.status] == top]
    preferred = {r.doc_id for r in at_top}
    value_claims = _value_claims(group)
    best = _best_claim([c for c, _, _ in value_claims], preferred)
    value_report = _stating(at_top + group, best)
    quantities = _quantity_claims(group)
    quantity = _best_claim(quantities, preferred)
    history = sorted(
        (
            StatusChange(status=d.status, date=d.date, doc_id=r.doc_id, published=r.published)
            for r, d in zip(group, deals, strict=True)
        ),
        key=lambda c: (_start(c.date) or c.published or dt.date.max, STATUS_RANK[c.status]),
    )
    rep = value_report.record if value_report is not None else at_top[0].record
    assert isinstance(rep, ArmsDeal)
    return MergedArmsDeal(
        supplier=_first(d.supplier for d in deals),
        recipient=_first(d.recipient for d in deals),
        status=STATUS_ORDER[top],
        value=rep.value,
        alt_values=rep.alt_values,
        date=_best_date(r.record.date for r in at_top) or _best_date(d.date for d in deals),
        systems=_union(d.systems for d in deals),
        quantity=None if quantity is None else quantity.value,  # type: ignore[arg-type]  # quantity claims hold ints
        contractors=_union(d.contractors for d in deals),
        evidence=tuple(ev for d in deals for ev in d.evidence),
        id=key,
        reports=group,
        claims=[c for c, _, _ in value_claims] + quantities,
        status_history=history,
    )


def _most_common(values: Iterable[str], avoid: str) -> str:
    counts = collections.Counter(values)
    ranked = sorted(counts, key=lambda v: (v == avoid, -counts[v]))
    return ranked[0]


def _merge_aid(group: list[Report], key: str) -> MergedAidPackage:
    packages = [r.record for r in group if isinstance(r.record, AidPackage)]
    value_claims = [c for c, _, _ in _value_claims(group)]
    best = _best_claim(value_claims, set())
    stating = _stating(group, best)
    rep = None if stating is None else stating.record
    kind: AidKind = _most_common((p.kind for p in packages), "mixed")  # type: ignore[assignment]
    return MergedAidPackage(
        donor=_first(p.donor for p in packages),
        recipient=_first(p.recipient for p in packages),
        kind=kind,
        value=None if rep is None else rep.value,
        date=_best_date(p.date for p in packages),
        items=_union(p.items for p in packages),
        evidence=tuple(ev for p in packages for ev in p.evidence),
        id=key,
        reports=group,
        claims=value_claims,
    )


def _merge_agreement(group: list[Report], key: str) -> MergedAgreement:
    items = [r.record for r in group if isinstance(r.record, Agreement)]
    value_claims = [c for c, _, _ in _value_claims(group)]
    best = _best_claim(value_claims, set())
    stating = _stating(group, best)
    rep = None if stating is None else stating.record
    kind: AgreementKind = _most_common((a.kind for a in items), "other")  # type: ignore[assignment]
    return MergedAgreement(
        parties=items[0].parties,
        kind=kind,
        date=_best_date(a.date for a in items),
        until=_best_date(a.until for a in items),
        signatories=_union(a.signatories for a in items),
        topics=_union(a.topics for a in items),
        value=None if rep is None else rep.value,
        evidence=tuple(ev for a in items for ev in a.evidence),
        id=key,
        reports=group,
        claims=value_claims,
    )


def _merge_leaders(pairs: Iterable[tuple[Leader, Document]]) -> list[Leader]:
    """One Leader per (name, role, country), with every mention's evidence."""
    merged: dict[tuple[str, str, str | None], Leader] = {}
    for leader, _doc in pairs:
        # "Yoon Suk Yeol" and "Yoon Suk-yeol" are one person: compare letters only
        name = unicodedata.normalize("NFKD", leader.name.casefold())
        key = ("".join(c for c in name if c.isalnum()), leader.role, _code(leader.country))
        known = merged.get(key)
        if known is None:
            merged[key] = leader
            continue
        variants = [] if leader.name == known.name else [leader.name]
        merged[key] = attrs.evolve(
            known,
            aliases=_union([known.aliases, variants, leader.aliases]),
            term_start=known.term_start or leader.term_start,
            term_end=known.term_end or leader.term_end,
            evidence=(*known.evidence, *leader.evidence),
        )
    return list(merged.values())


class Results(Sequence[R], Generic[R]):
    """The records a query found: a read-only sequence with totals and a DataFrame view.

    >>> from korpol import AidPackage, Money
    >>> r = Results([AidPackage(donor=None, recipient=None, kind="humanitarian",
    ...                         value=Money(amount=100, currency="USD"))] * 2)
    >>> len(r), r.total().amount
    (2, Decimal('200'))
    """

    __slots__ = ("_items",)

    def __init__(self, items: Iterable[R] = ()) -> None:
        self._items: tuple[R, ...] = tuple(items)

    @overload
    def __getitem__(self, index: int) -> R: ...

    @overload
    def __getitem__(self, index: slice) -> Results[R]: ...

    def __getitem__(self, index: int | slice) -> R | Results[R]:
        if isinstance(index, slice):
            return Results(self._items[index])
        return self._items[index]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[R]:
        return iter(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Results):
            return self._items == other._items
        if isinstance(other, list | tuple):
            return list(self._items) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # compares equal to lists, so unhashable like them

    def __repr__(self) -> str:
        kinds = sorted({type(item).__name__ for item in self._items})
        return f"<Results: {len(self)} {'/'.join(kinds) or 'records'}>"

    def total(self, currency: str = "USD") -> Money:
        """The sum of the stated values, in ``currency``.

        Each value is converted at the bundled annual rate of its record's year
        (:meth:`Money.to_usd`); when any conversion happened the total is
        ``estimated`` with qualifier ``about``.  Records without a value are
        left out, and ``text`` says how many values the sum covers.
        Figures are never averaged: a merged record counts with its
        representative value once.

        >>> Results([]).total("EUR").text
        'sum of 0 stated values (0 records)'
        """
        from korpol._model.rates import usd_rate

        target = Money(amount=0, currency=currency).currency
        total = Decimal(0)
        estimated = False
        exact = True
        counted = 0
        for item in self._items:
            value: Money | None = getattr(item, "value", None)
            if value is None:
                continue
            year = _record_year(item)
            counted += 1
            exact = exact and value.qualifier == "exact" and not value.estimated
            if value.currency == target:
                total += value.amount
                continue
            usd = value.to_usd(year)
            amount = usd.amount if target == "USD" else usd.amount / usd_rate(target, year)
            total += amount
            estimated = True
        if estimated and total >= 1:
            total = total.quantize(Decimal(1))
        return Money(
            amount=total,
            currency=target,
            qualifier="exact" if exact and not estimated else "about",
            text=f"sum of {counted} stated values ({len(self)} records)",
            estimated=estimated,
        )

    def to_dicts(self) -> list[dict[str, Any]]:
        """Every record as its plain-JSON ``to_dict()``.

        >>> from korpol import AidPackage
        >>> Results([AidPackage(donor="KR", recipient="UA", kind="humanitarian")]).to_dicts()[0]["kind"]
        'humanitarian'
        """
        return [item.to_dict() for item in self._items]  # type: ignore[attr-defined]

    def to_rows(self) -> list[dict[str, str]]:
        """Flat rows (the CSV columns of docs/exports.md) for these records.

        >>> from korpol import AidPackage
        >>> row, = Results([AidPackage(donor="KR", recipient="UA", kind="humanitarian")]).to_rows()
        >>> row["donor"], row["donor_name"], row["recipient_name"]
        ('KR', 'South Korea', 'Ukraine')
        """
        return record_rows(self._items)

    def to_dataframe(self) -> Any:
        """A :class:`pandas.DataFrame`, one row per record (needs the ``pandas`` extra).

        Columns are those of the CSV export; amounts are exact decimal strings.
        Raises :class:`~korpol.MissingDependencyError` when pandas is missing.

        >>> from korpol import AidPackage, MissingDependencyError
        >>> aid = AidPackage(donor="KR", recipient="UA", kind="humanitarian")
        >>> try:
        ...     rows = len(Results([aid, aid]).to_dataframe())
        ... except MissingDependencyError:  # without the pandas extra
        ...     rows = 2
        >>> rows
        2
        """
        return to_dataframe(self._items)


def _record_year(record: Any) -> int | None:
    date = getattr(record, "date", None)
    if date is not None and date.start is not None:
        year: int = date.start.year
        return year
    first = getattr(record, "first_reported", None)
    return None if first is None else int(first.year)


def _resolve_party(value: Party | str, argument: str) -> str:
    if isinstance(value, Country | Organization):
        return value.code
    if not isinstance(value, str):
        raise InputTypeError(argument, value, "a country/organisation code, name or object")
    from korpol._refdata import lookup_party

    return lookup_party(value).code


def _resolve_parties(value: Party | str | Iterable[Party | str] | None, argument: str) -> set[str] | None:
    if value is None:
        return None
    if isinstance(value, str | Country | Organization):
        return {_resolve_party(value, argument)}
    return {_resolve_party(v, argument) for v in value}


def _bound(value: dt.date | int | str | None, argument: str, *, upper: bool) -> dt.date | None:
    """A query bound: a date, a year (2023) or an ISO date/year-month string."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    span: TimeSpan | None = None
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
        span = TimeSpan.year(value)
    elif isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\d{4}", text):
            span = TimeSpan.year(int(text))
        elif re.fullmatch(r"\d{4}-\d{2}", text) and 1 <= int(text[5:]) <= 12:
            span = TimeSpan.month(int(text[:4]), int(text[5:]))
        else:
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                pass
    if span is None or span.start is None or span.end is None:
        raise ValidationError(
            argument, value, "give a datetime.date, a year (2023) or an ISO date ('2023-07-15')"
        )
    return span.end if upper else span.start


def _vocabulary(
    value: str | Iterable[str] | None, vocabulary: Iterable[str], argument: str
) -> set[str] | None:
    if value is None:
        return None
    wanted = {value} if isinstance(value, str) else set(value)
    allowed = tuple(vocabulary)
    for item in wanted:
        if item not in allowed:
            raise ValidationError(argument, item, f"must be one of {', '.join(allowed)}")
    return wanted


def _when(record: Any) -> tuple[dt.date, dt.date] | None:
    """The time a record belongs to: its date, else when it was first reported."""
    date = _resolved(getattr(record, "date", None))
    if date is not None:
        assert date.start is not None
        assert date.end is not None
        return (date.start, date.end)
    first = getattr(record, "first_reported", None)
    return None if first is None else (first, first)


def _in_period(record: Any, since: dt.date | None, until: dt.date | None) -> bool:
    if since is None and until is None:
        return True
    when = _when(record)
    if when is None:
        return False
    return (since is None or when[1] >= since) and (until is None or when[0] <= until)


def _sort_key(record: Any) -> tuple[dt.date, str]:
    when = _when(record)
    return (when[0] if when else dt.date.max, type(record).__name__)


def _system_matches(query: str, systems: Iterable[str]) -> bool:
    """``system="K9"`` finds K9, K9A1 and K9PL; "Black Panther" finds K2; "tanks" finds K2."""
    families, categories = _system_keys([query])
    rec_families, rec_categories = _system_keys(systems)
    if families & rec_families:
        return True
    if categories and not families and categories & rec_categories:
        return True  # a category query ("tanks") matches any system of that category
    key = re.sub(r"[^0-9A-Za-z]", "", query).upper()
    for fam in rec_families:
        if fam.startswith(key) and len(fam) > len(key) and fam[len(key)].isalpha():
            return True
    return False


def _check_documents(documents: Iterable[Document]) -> tuple[Document, ...]:
    docs = tuple(documents)
    seen: set[str] = set()
    for doc in docs:
        if not isinstance(doc, Document):
            raise InputTypeError("documents", doc, "korpol.Document objects")
        if doc.id is not None:
            if doc.id in seen:
                raise ValidationError("id", doc.id, "two documents share this id; ids must be unique")
            seen.add(doc.id)
    return docs


class Corpus:
    """Parsed articles as one knowledge base: merged records, queries and exports.

    Build one from documents, texts, a directory or an export; it never
    changes after construction (merges are computed once, on first query).

    >>> from korpol import ArmsDeal, Country, Document, Money, TimeSpan
    >>> kr, pl = Country(code="KR", name="South Korea"), Country(code="PL", name="Poland")
    >>> def article(i, figure):
    ...     deal = ArmsDeal(supplier=kr, recipient=pl, status="signed", systems=["K2"],
    ...                     value=Money(amount=figure, currency="USD"), date=TimeSpan.year(2025))
    ...     return Document(id=f"a{i}", text="...", arms_deals=[deal])
    >>> kb = Corpus([article(1, 6_500_000_000), article(2, 6_520_000_000), article(3, 9_000_000_000)])
    >>> deal, = kb.arms_deals(supplier="KR", recipient="Poland")
    >>> len(deal.reports), [len(c.sources) for c in deal.claims], str(deal.value)
    (3, [2, 1], 'USD 6,500,000,000')
    """

    __slots__ = ("_cache", "_documents")

    def __init__(self, documents: Iterable[Document] = ()) -> None:
        self._documents = _check_documents(documents)
        self._cache: dict[str, Any] = {}

    # -------------------------------------------------------- construction

    @classmethod
    def from_texts(
        cls,
        texts: Iterable[str | bytes | Mapping[str, Any]],
        *,
        published: dt.date | str | None = None,
    ) -> Corpus:
        """Parse each text into a document.

        An item is the text (``str`` or ``bytes``) or a mapping with ``text``
        and optional ``id``, ``published``, ``title``, ``source``.  Items
        without an id get ``text-1``, ``text-2`` ...; ``published`` is the
        default publication date for items that give none.

        >>> kb = Corpus.from_texts(["Poland signed a deal.", {"text": "Seoul said so.", "id": "yonhap-1"}],
        ...                        published="2025-08-01")
        >>> [doc.id for doc in kb], str(kb["yonhap-1"].published)
        (['text-1', 'yonhap-1'], '2025-08-01')
        """
        docs = []
        for i, item in enumerate(texts, start=1):
            if isinstance(item, Mapping):
                meta = dict(item)
                text = meta.pop("text", None)
                if not isinstance(text, str | bytes):
                    raise InputTypeError("texts", item, "a mapping with a 'text' str or bytes")
                docs.append(
                    _pipeline.parse(
                        text,
                        published=meta.get("published", published),
                        id=meta.get("id", f"text-{i}"),
                        title=meta.get("title"),
                        source=meta.get("source"),
                    )
                )
            else:
                docs.append(_pipeline.parse(item, published=published, id=f"text-{i}"))
        return cls(docs)

    @classmethod
    def from_dir(
        cls,
        path: str | os.PathLike[str] | Traversable,
        *,
        pattern: str = "*.txt",
        published: dt.date | str | None = None,
        progress: Callable[[int, int, str], None] | None = None,
    ) -> Corpus:
        """Parse every ``*.txt`` file of a directory (sorted by name).

        Metadata comes, first to last wins, from ``published`` (a default),
        a ``manifest.tsv`` in the directory (columns id, file, title,
        published, source) and a sidecar ``<name>.json`` or ``<name>.toml``
        next to the file (keys id, published, title, source/url).  The id
        defaults to the file name without ``.txt``.  ``progress(i, n, name)``
        is called before each file.

        >>> import pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     folder = pathlib.Path(tmp)
        ...     _ = (folder / "k2.txt").write_text("Poland ordered tanks.", encoding="utf-8")
        ...     _ = (folder / "k2.json").write_text('{"published": "2025-08-01"}', encoding="utf-8")
        ...     kb = Corpus.from_dir(tmp)
        >>> kb[0].id, str(kb[0].published)
        ('k2', '2025-08-01')
        """
        root: Traversable = Path(path) if isinstance(path, str | os.PathLike) else path
        if not root.is_dir():
            raise FileNotFoundError(f"not a directory: {path}")
        files = sorted(
            (f for f in root.iterdir() if f.is_file() and Path(f.name).match(pattern)), key=lambda f: f.name
        )
        manifest = read_manifest(root)
        docs = []
        for i, file in enumerate(files):
            if progress is not None:
                progress(i, len(files), file.name)
            meta: dict[str, Any] = {"id": Path(file.name).stem, "published": published}
            meta.update(manifest.get(file.name, {}))
            meta.update(read_sidecar(root, file.name))
            docs.append(
                _pipeline.parse(
                    file.read_bytes(),
                    published=meta.get("published"),
                    id=meta.get("id"),
                    title=meta.get("title"),
                    source=meta.get("source"),
                )
            )
        if progress is not None:
            progress(len(files), len(files), "")
        return cls(docs)

    @classmethod
    def load_jsonl(cls, path: str | os.PathLike[str]) -> Corpus:
        """Read a corpus written by :meth:`save_jsonl` (see :func:`korpol.load_jsonl`).

        >>> import pathlib, tempfile
        >>> kb = Corpus.from_texts(["Poland ordered tanks."])
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     again = Corpus.load_jsonl(kb.save_jsonl(pathlib.Path(tmp) / "kb.jsonl"))
        >>> again == kb
        True
        """
        return cls(read_jsonl(path))

    @classmethod
    def from_sqlite(cls, path: str | os.PathLike[str]) -> Corpus:
        """Read a corpus written by :meth:`to_sqlite`, exactly.

        >>> import pathlib, tempfile
        >>> kb = Corpus.from_texts(["Poland ordered tanks."])
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     again = Corpus.from_sqlite(kb.to_sqlite(pathlib.Path(tmp) / "kb.db"))
        >>> again == kb
        True
        """
        return cls(read_sqlite(path))

    # -------------------------------------------------------- exports

    def save_jsonl(self, path: str | os.PathLike[str]) -> Path:
        """Write one JSON document per line (atomic; exact round trip).

        >>> import pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = Corpus.from_texts(["Poland ordered tanks."]).save_jsonl(pathlib.Path(tmp) / "kb.jsonl")
        ...     lines = path.read_text(encoding="utf-8").splitlines()
        >>> path.name, len(lines)
        ('kb.jsonl', 1)
        """
        return write_jsonl(self._documents, path)

    def to_sqlite(self, path: str | os.PathLike[str]) -> Path:
        """Write an SQLite database (schema in docs/exports.md; atomic; exact round trip).

        >>> import pathlib, sqlite3, tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = Corpus.from_texts(["Poland ordered tanks."]).to_sqlite(pathlib.Path(tmp) / "kb.db")
        ...     with sqlite3.connect(path) as db:
        ...         count = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        ...     db.close()
        >>> count
        1
        """
        merged = [*self.arms_deals(), *self.aid_packages(), *self.agreements()]
        return write_sqlite(self._documents, path, merged=merged)

    def to_csv(self, directory: str | os.PathLike[str]) -> list[Path]:
        """Write one CSV file per record type into ``directory`` (columns in docs/exports.md).

        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     names = sorted(p.name for p in Corpus.from_texts(["Poland ordered tanks."]).to_csv(tmp))
        >>> names  # doctest: +NORMALIZE_WHITESPACE
        ['agreements.csv', 'aid_packages.csv', 'arms_deals.csv',
         'documents.csv', 'leaders.csv', 'reports.csv']
        """
        return write_csv(
            self._documents,
            directory,
            deals=self.arms_deals(),
            aid=self.aid_packages(),
            agreements=self.agreements(),
            leaders=self.leaders(),
        )

    # -------------------------------------------------------- the sequence of documents

    @property
    def documents(self) -> tuple[Document, ...]:
        """The documents, in the order given.

        >>> [doc.id for doc in Corpus.from_texts(["One.", "Two."]).documents]
        ['text-1', 'text-2']
        """
        return self._documents

    def __len__(self) -> int:
        return len(self._documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._documents)

    def __getitem__(self, key: int | str) -> Document:
        """A document by position or by id (``KeyError`` naming the id if absent)."""
        if isinstance(key, int):
            return self._documents[key]
        for doc in self._documents:
            if doc.id == key:
                return doc
        raise KeyError(key)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Corpus):
            return NotImplemented
        return self._documents == other._documents

    __hash__ = None  # type: ignore[assignment]  # equality is by content; not used as a key

    def __add__(self, other: Corpus | Iterable[Document]) -> Corpus:
        extra = other.documents if isinstance(other, Corpus) else tuple(other)
        return Corpus((*self._documents, *extra))

    def __repr__(self) -> str:
        fields = ("arms_deals", "aid_packages", "agreements")
        counts = ", ".join(f"{len(self._merged(name))} {name}" for name in fields)
        return f"<Corpus: {len(self)} documents, {counts}>"

    # -------------------------------------------------------- merging

    def _reports(self, field: str) -> list[Report]:
        reports = []
        for doc in self._documents:
            for record in getattr(doc, field):
                reports.append(Report(doc_id=doc.id, published=doc.published, title=doc.title, record=record))
        order = {id(r): _report_order(r, i) for i, r in enumerate(reports)}
        return sorted(reports, key=lambda r: order[id(r)])

    def _merged(self, field: str) -> list[Any]:
        if field not in self._cache:
            reports = self._reports(field)
            if field == "arms_deals":
                groups = _cluster(reports, _same_deal)
                merged: list[Any] = [_merge_deal(g, f"deal-{i}") for i, g in enumerate(groups, 1)]
            elif field == "aid_packages":
                merged = [_merge_aid(g, f"aid-{i}") for i, g in enumerate(_cluster(reports, _same_aid), 1)]
            else:
                groups = _cluster(reports, _same_agreement)
                merged = [_merge_agreement(g, f"agreement-{i}") for i, g in enumerate(groups, 1)]
            self._cache[field] = merged
        result: list[Any] = self._cache[field]
        return result

    def _raw(self, field: str) -> list[Any]:
        return [record for doc in self._documents for record in getattr(doc, field)]

    # -------------------------------------------------------- queries

    @overload
    def arms_deals(
        self,
        *,
        supplier: Party | str | None = ...,
        recipient: Party | str | None = ...,
        party: Party | str | None = ...,
        system: str | None = ...,
        status: str | Iterable[str] | None = ...,
        since: dt.date | int | str | None = ...,
        until: dt.date | int | str | None = ...,
        min_value_usd: Decimal | int | str | None = ...,
        merged: Literal[True] = ...,
    ) -> Results[MergedArmsDeal]: ...

    @overload
    def arms_deals(
        self,
        *,
        supplier: Party | str | None = ...,
        recipient: Party | str | None = ...,
        party: Party | str | None = ...,
        system: str | None = ...,
        status: str | Iterable[str] | None = ...,
        since: dt.date | int | str | None = ...,
        until: dt.date | int | str | None = ...,
        min_value_usd: Decimal | int | str | None = ...,
        merged: Literal[False],
    ) -> Results[ArmsDeal]: ...

    def arms_deals(
        self,
        *,
        supplier: Party | str | None = None,
        recipient: Party | str | None = None,
        party: Party | str | None = None,
        system: str | None = None,
        status: str | Iterable[str] | None = None,
        since: dt.date | int | str | None = None,
        until: dt.date | int | str | None = None,
        min_value_usd: Decimal | int | str | None = None,
        merged: bool = True,
    ) -> Results[MergedArmsDeal] | Results[ArmsDeal]:
        """Arms deals, merged across articles (``merged=False``: every article's own records).

        ``supplier``, ``recipient`` and ``party`` (either side) take an ISO
        code, a name, an alias or a Country; ``system`` a designation, alias
        or category noun (``"K9"`` also finds K9A1); ``status`` one status or
        several; ``since``/``until`` a date, a year or an ISO string (the
        deal's date, else when it was first reported, must overlap);
        ``min_value_usd`` keeps deals whose value is at least that many US
        dollars at the year's rate.  Results are in date order.

        >>> from korpol import ArmsDeal, Document, Money, TimeSpan
        >>> def deal(year, usd):
        ...     return ArmsDeal(supplier="KR", recipient="PL", status="signed", systems=["K9"],
        ...                     value=Money(amount=usd, currency="USD"), date=TimeSpan.year(year))
        >>> kb = Corpus([Document(id="a", arms_deals=[deal(2022, 2_400_000_000)]),
        ...              Document(id="b", arms_deals=[deal(2023, 260_000_000)])])
        >>> [str(d.date) for d in kb.arms_deals(supplier="South Korea", system="K9")]
        ['2022', '2023']
        >>> [str(d.date) for d in kb.arms_deals(since=2022, min_value_usd=1_000_000_000)]
        ['2022']
        """
        suppliers = _resolve_parties(supplier, "supplier")
        recipients = _resolve_parties(recipient, "recipient")
        parties = _resolve_parties(party, "party")
        statuses = _vocabulary(status, DEAL_STATUSES, "status")
        start, end = _bound(since, "since", upper=False), _bound(until, "until", upper=True)
        floor = None if min_value_usd is None else Money(amount=min_value_usd, currency="USD").amount
        found = []
        for deal in self._merged("arms_deals") if merged else self._raw("arms_deals"):
            codes = (_code(deal.supplier), _code(deal.recipient))
            if suppliers is not None and codes[0] not in suppliers:
                continue
            if recipients is not None and codes[1] not in recipients:
                continue
            if parties is not None and not parties & set(codes):
                continue
            if statuses is not None and deal.status not in statuses:
                continue
            if system is not None and not _system_matches(system, deal.systems):
                continue
            if not _in_period(deal, start, end):
                continue
            if floor is not None:
                usd = None if deal.value is None else _in_usd(deal.value, _record_year(deal))
                if usd is None or usd.amount < floor:
                    continue
            found.append(deal)
        return Results(sorted(found, key=_sort_key))

    def aid_packages(
        self,
        *,
        donor: Party | str | None = None,
        recipient: Party | str | None = None,
        party: Party | str | None = None,
        kind: str | Iterable[str] | None = None,
        since: dt.date | int | str | None = None,
        until: dt.date | int | str | None = None,
        merged: bool = True,
    ) -> Results[Any]:
        """Aid packages, merged across articles, filtered like :meth:`arms_deals`.

        >>> from korpol import AidPackage, Document, Money
        >>> aid = AidPackage(donor="KR", recipient="UA", kind="humanitarian",
        ...                  value=Money(amount=100_000_000, currency="USD"))
        >>> kb = Corpus([Document(id="a", aid_packages=[aid]), Document(id="b", aid_packages=[aid])])
        >>> found = kb.aid_packages(recipient="Ukraine", kind="humanitarian")
        >>> len(found), len(found[0].reports), len(kb.aid_packages(merged=False))
        (1, 2, 2)
        """
        from korpol._model import AID_KINDS

        donors = _resolve_parties(donor, "donor")
        recipients = _resolve_parties(recipient, "recipient")
        parties = _resolve_parties(party, "party")
        kinds = _vocabulary(kind, AID_KINDS, "kind")
        start, end = _bound(since, "since", upper=False), _bound(until, "until", upper=True)
        found = []
        for package in self._merged("aid_packages") if merged else self._raw("aid_packages"):
            codes = (_code(package.donor), _code(package.recipient))
            if donors is not None and codes[0] not in donors:
                continue
            if recipients is not None and codes[1] not in recipients:
                continue
            if parties is not None and not parties & set(codes):
                continue
            if kinds is not None and package.kind not in kinds:
                continue
            if not _in_period(package, start, end):
                continue
            found.append(package)
        return Results(sorted(found, key=_sort_key))

    def agreements(
        self,
        *,
        party: Party | str | Iterable[Party | str] | None = None,
        kind: str | Iterable[str] | None = None,
        active_on: dt.date | int | str | None = None,
        since: dt.date | int | str | None = None,
        until: dt.date | int | str | None = None,
        merged: bool = True,
    ) -> Results[Any]:
        """Agreements, merged across articles.

        ``party`` is one party or several (all must be parties to it);
        ``active_on`` keeps agreements made on or before that day (their date,
        else their first report) whose stated end (``until``) is not before it.

        >>> from korpol import Agreement, Document, TimeSpan
        >>> plan = Agreement(parties=("KR", "PL"), kind="action_plan", date=TimeSpan.year(2025),
        ...                  until=TimeSpan.year(2028))
        >>> kb = Corpus([Document(id="a", agreements=[plan])])
        >>> len(kb.agreements(party=["KR", "Poland"], active_on="2026-01-01"))
        1
        >>> len(kb.agreements(active_on=2030))  # ended in 2028
        0
        """
        from korpol._model import AGREEMENT_KINDS

        parties = _resolve_parties(party, "party")
        kinds = _vocabulary(kind, AGREEMENT_KINDS, "kind")
        day = _bound(active_on, "active_on", upper=False)
        start, end = _bound(since, "since", upper=False), _bound(until, "until", upper=True)
        found = []
        for agreement in self._merged("agreements") if merged else self._raw("agreements"):
            if parties is not None and not parties <= {p.code for p in agreement.parties}:
                continue
            if kinds is not None and agreement.kind not in kinds:
                continue
            if not _in_period(agreement, start, end):
                continue
            if day is not None:
                when = _when(agreement)
                if when is None or when[0] > day:
                    continue
                stop = _resolved(agreement.until)
                if stop is not None and stop.end is not None and stop.end < day:
                    continue
            found.append(agreement)
        return Results(sorted(found, key=_sort_key))

    def leaders(
        self,
        *,
        country: Party | str | None = None,
        role: str | None = None,
        on: dt.date | str | None = None,
    ) -> Results[Leader]:
        """Office holders named in the corpus, one per person and office, with all their evidence.

        ``country`` takes a country or an organisation; ``role`` is compared
        case-insensitively ("President" finds "president"); ``on`` keeps
        holders whose known term covers that day.

        >>> from korpol import Document, Leader
        >>> duda = Leader(name="Andrzej Duda", role="president", country="PL",
        ...               term_start="2015-08-06", term_end="2025-08-06")
        >>> kb = Corpus([Document(id="a", leaders=[duda])])
        >>> [leader.name for leader in kb.leaders(country="Poland", role="President", on="2024-01-01")]
        ['Andrzej Duda']
        """
        countries = _resolve_parties(country, "country")
        day = _bound(on, "on", upper=False)
        pairs = [(leader, doc) for doc in self._documents for leader in doc.leaders]
        found = []
        for leader in _merge_leaders(pairs):
            if countries is not None and _code(leader.country) not in countries:
                continue
            if role is not None and leader.role != role.strip().lower():
                continue
            if day is not None and not leader.held_on(day):
                continue
            found.append(leader)
        return Results(found)

    def timeline(self, *, party: Party | str | None = None) -> Results[Any]:
        """Every dated record (merged deals, aid, agreements; deployments, meetings) in date order.

        A record without a resolved date is placed at its first report's
        publication date; ``party`` keeps records it takes part in.

        >>> from korpol import Deployment, Document, TimeSpan
        >>> sent = Deployment(sender="KP", destination="RU", size=3000, date=TimeSpan.year(2024))
        >>> kb = Corpus([Document(id="a", deployments=[sent])])
        >>> [type(r).__name__ for r in kb.timeline(party="RU")], len(kb.timeline(party="PL"))
        (['Deployment'], 0)
        """
        parties = _resolve_parties(party, "party")
        items: list[Any] = [
            *self._merged("arms_deals"),
            *self._merged("aid_packages"),
            *self._merged("agreements"),
            *self._raw("deployments"),
            *self._raw("meetings"),
        ]
        found = [item for item in items if parties is None or parties & _codes_of(item)]
        return Results(sorted(found, key=_sort_key))

    def reports(self) -> Results[Report]:
        """Every article's account of every deal, package and agreement (before merging).

        >>> from korpol import AidPackage, Document
        >>> aid = AidPackage(donor="KR", recipient="UA", kind="humanitarian")
        >>> kb = Corpus([Document(id="a", aid_packages=[aid]), Document(id="b", aid_packages=[aid])])
        >>> [r.doc_id for r in kb.reports()]
        ['a', 'b']
        """
        fields = ("arms_deals", "aid_packages", "agreements")
        return Results(r for field in fields for r in self._reports(field))


def _codes_of(record: Any) -> set[str]:
    codes: set[str] = set()
    for name in ("supplier", "recipient", "donor", "sender", "destination"):
        party = getattr(record, name, None)
        if party is not None:
            codes.add(party.code)
    codes.update(p.code for p in getattr(record, "parties", ()))
    return codes


_META_KEYS = ("id", "published", "title", "source")


def read_manifest(root: Traversable) -> dict[str, dict[str, str]]:
    """``manifest.tsv`` of a directory as {file name: {id, title, published, source}}.

    ``#`` lines are notes; the first other line names the columns (``file``
    is required).  Empty cells are left out.
    """
    manifest = root.joinpath("manifest.tsv")
    if not manifest.is_file():
        return {}
    text = manifest.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        return {}
    header = lines[0].split("\t")
    if "file" not in header:
        raise ValidationError("manifest.tsv", header, "the header needs a 'file' column")
    out: dict[str, dict[str, str]] = {}
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=False))
        out[row["file"]] = {k: v for k, v in row.items() if k in _META_KEYS and v}
    return out


def _toml(text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib

        data: dict[str, Any] = tomllib.loads(text)
        return data
    # Python 3.10 has no TOML reader: flat ``key = "value"`` lines are all a sidecar needs
    out: dict[str, Any] = {}  # pragma: no cover - Python 3.10
    for line in text.splitlines():  # pragma: no cover
        m = re.fullmatch(r"\s*([A-Za-z_]+)\s*=\s*(\"[^\"]*\"|'[^']*'|[0-9-]+)\s*(#.*)?", line)
        if m:
            out[m.group(1)] = m.group(2).strip("\"'")
    return out


def read_sidecar(root: Traversable, name: str) -> dict[str, Any]:
    """Metadata for ``name`` from a ``<stem>.json`` or ``<stem>.toml`` beside it.

    Only ``id``, ``published``, ``title`` and ``source`` are read.

    ``url`` is used as ``source`` when no source is given; other keys (gold
    annotations, notes) are ignored.
    """
    stem = name[: -len(Path(name).suffix)] if Path(name).suffix else name
    for suffix, load in ((".json", json.loads), (".toml", _toml)):
        sidecar = root.joinpath(stem + suffix)
        if sidecar.is_file():
            try:
                data = load(sidecar.read_text(encoding="utf-8"))
            except ValueError as exc:
                raise ValidationError(stem + suffix, str(exc), "the sidecar is not valid") from None
            if not isinstance(data, Mapping):
                raise ValidationError(stem + suffix, data, "the sidecar must hold an object")
            meta = {k: str(data[k]) for k in _META_KEYS if data.get(k) is not None}
            if "source" not in meta and data.get("url"):
                meta["source"] = str(data["url"])
            return meta
    return {}


def _seeds_root() -> Traversable:
    packaged = resources.files("korpol").joinpath("seeds")
    if packaged.is_dir():  # an installed wheel carries the seeds as package data
        return packaged
    source_tree = Path(__file__).resolve().parents[3] / "seeds"
    if source_tree.is_dir():  # a source checkout or an editable install
        return source_tree
    raise FileNotFoundError("the bundled seeds are missing: reinstall korpol")


def load_seeds() -> Corpus:
    """The bundled seed articles, parsed with their manifest's dates and titles.

    >>> kb = load_seeds()
    >>> [doc.id for doc in kb]
    ['000_d5eb982e1b5ba0f4', '001_b0705b4e734219a1', '002_3f06c40906e4dae8']
    >>> str(kb["002_3f06c40906e4dae8"].published)
    '2024-10-24'
    """
    return Corpus.from_dir(_seeds_root())


def save_jsonl(documents: Corpus | Iterable[Document], path: str | os.PathLike[str]) -> Path:
    """Write one ``Document.to_dict()`` per line (UTF-8, atomic) and return the path.

    >>> import tempfile, pathlib
    >>> from korpol import Document
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "docs.jsonl"
    >>> _ = save_jsonl([Document(id="a", text="Seoul")], out)
    >>> load_jsonl(out)["a"].text
    'Seoul'
    """
    corpus = documents if isinstance(documents, Corpus) else Corpus(documents)
    return corpus.save_jsonl(path)


def load_jsonl(path: str | os.PathLike[str]) -> Corpus:
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
    return Corpus.load_jsonl(path)
