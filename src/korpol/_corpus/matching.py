"""When two reports are the same event: the rules that decide which accounts are merged.

Why this module exists: the hardest judgement a corpus makes is that two articles tell of
the same arms deal, aid package or agreement.  The rules are written out here, data-free,
one function per record type (:func:`same_deal`, :func:`same_aid`, :func:`same_agreement`):
matching parties, overlapping time (a deal may move forward in status over time),
compatible values (within :data:`VALUE_TOLERANCE` after currency conversion, or a stated
equivalent) and overlapping weapon systems.  How two reports' values or systems relate is a
:data:`Relation`: ``match``, ``unknown`` or ``conflict``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Hashable, Iterable
from decimal import Decimal
from typing import Literal

from korpol._model import Agreement, AidPackage, ArmsDeal, Money, Party, TimeSpan
from korpol._model.merged import STATUS_RANK, Report, in_usd
from korpol._refdata import get_weapon_system, system_categories

__all__ = [
    "CLAIM_FACTOR",
    "CONVERTED_TOLERANCE",
    "VALUE_TOLERANCE",
    "Relation",
    "agreement_features",
    "aid_features",
    "code_of",
    "deal_features",
    "deals_compatible",
    "resolved",
    "same_agreement",
    "same_aid",
    "same_deal",
    "same_figure",
    "same_weapons",
    "stated",
    "stated_figures",
    "system_keys",
]


#: Two stated values in one currency are the same figure when they differ by at most this
#: fraction of the larger one ($3.37 billion and $3.4 billion).
VALUE_TOLERANCE = Decimal("0.02")
#: ... and after conversion to US dollars at annual rates, by at most this fraction: a
#: journalist converts at the day's rate ("4.5 trillion won" for $3.37 billion).
CONVERTED_TOLERANCE = Decimal("0.08")
#: Two reports of one contract may disagree on its figure ("$6.5 billion", "$8 billion with
#: options"); figures further apart than this factor are different contracts ("180 K2 for
#: $3.37 billion" in 2022, "180 K2 for $6.5 billion" in 2025).
CLAIM_FACTOR = Decimal("1.5")


def code_of(party: Party | None) -> str | None:
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


def resolved(span: TimeSpan | None) -> TimeSpan | None:
    return span if span is not None and span.start is not None else None


def _overlap(a: TimeSpan | None, b: TimeSpan | None) -> bool:
    """Whether two spans can be the same time (an unknown span can be any time)."""
    ra, rb = resolved(a), resolved(b)
    if ra is None or rb is None:
        return True
    assert ra.start is not None
    assert ra.end is not None
    assert rb.start is not None
    assert rb.end is not None
    return ra.start <= rb.end and rb.start <= ra.end


def _not_after(earlier: TimeSpan | None, later: TimeSpan | None) -> bool:
    """Whether ``earlier`` can precede (or overlap) ``later``."""
    ra, rb = resolved(earlier), resolved(later)
    if ra is None or rb is None:
        return True
    assert ra.start is not None
    assert rb.end is not None
    return ra.start <= rb.end


def _fine(span: TimeSpan | None) -> bool:
    return span is not None and span.start is not None and span.precision in ("day", "month")


def _within(x: Decimal, y: Decimal, tolerance: Decimal = VALUE_TOLERANCE) -> bool:
    top = max(x, y)
    return top == 0 or abs(x - y) <= tolerance * top


def same_figure(a: Money, year_a: int | None, b: Money, year_b: int | None) -> bool:
    """Whether two stated sums can be the same figure."""
    tolerance = VALUE_TOLERANCE
    if a.currency == b.currency:
        pairs = [(a.amount, a.upper, b.amount, b.upper)]
    else:
        ua, ub = in_usd(a, year_a), in_usd(b, year_b)
        if ua is None or ub is None:
            return False
        pairs = [(ua.amount, ua.upper, ub.amount, ub.upper)]
        tolerance = CONVERTED_TOLERANCE
    for x, x_top, y, y_top in pairs:
        if _within(x, y, tolerance):
            return True
        # a stated range ("$13-14 billion") contains the other figure
        if x_top is not None and x <= y <= x_top:
            return True
        if y_top is not None and y <= x <= y_top:
            return True
    return False


def stated_figures(value: Money | None, alt_values: Iterable[Money] = ()) -> list[Money]:
    """Every figure a report states for one record: the value, its equivalents, other values."""
    if value is None:
        return list(alt_values)
    return [value, *value.equivalents, *alt_values]


Relation = Literal["match", "unknown", "conflict"]


def _value_relation(a: list[Money], year_a: int | None, b: list[Money], year_b: int | None) -> Relation:
    if not a or not b:
        return "unknown"
    if any(same_figure(x, year_a, y, year_b) for x in a for y in b):
        return "match"
    return "conflict"


@functools.lru_cache(maxsize=1)
def _category_forms() -> dict[str, str]:
    return {form.lower(): cat.category for cat in system_categories() for form in (cat.name, *cat.forms)}


@functools.lru_cache(maxsize=4096)
def _system_key(name: str) -> tuple[str | None, str | None]:
    """(designation family, category) of one system name.

    A designation ("K2PL", "Black Panther") resolves to its family in the
    reference data; a plain noun ("tanks") is a category.  Unknown names are
    compared by their letters and digits.
    """
    category = _category_forms().get(name.lower())
    if category is not None:
        return None, category
    system = get_weapon_system(name)
    if system is not None:
        return system.base.upper(), system.category
    return re.sub(r"[^0-9A-Za-z]", "", name).upper() or None, None


def system_keys(systems: Iterable[str]) -> tuple[set[str], set[str]]:
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
    fa, ca = system_keys(a)
    fb, cb = system_keys(b)
    if (not fa and not ca) or (not fb and not cb):
        return "unknown"
    if fa & fb:
        return "match"
    if fa and fb:
        return "conflict"  # both name designations, none in common: different deals
    return "match" if ca & cb else "conflict"


def stated(span: TimeSpan | None) -> TimeSpan | None:
    """A resolved span the text states; ``None`` for a year korpol inferred from the publication date."""
    if span is None or span.start is None:
        return None
    return span if span.text or span.precision != "year" else None


def _same_time(x: ArmsDeal, y: ArmsDeal) -> bool:
    """Whether two reports' dates allow one deal, the stages in order.

    A later stage must not precede an earlier one; reports of the same stage (but a plan,
    which is reported for months) must overlap, allowing for reporting lag ("signed on
    Tuesday", reported "on Wednesday").  A year korpol
    inferred from the publication date ("the 152 K9 for $2.6 billion", in a 2025 recap) says
    nothing of when the deal was made.
    """
    dx, dy = stated(x.date), stated(y.date)
    if dx is None or dy is None or dx.end is None or dy.end is None:
        return True
    x_start, x_end, y_start, y_end = dx.start, dx.end, dy.start, dy.end
    assert x_start is not None
    assert y_start is not None
    lag = dt.timedelta(days=_REPORTING_LAG_DAYS)
    if x.status == y.status == "planned":
        return True  # a plan is reported for months ("in talks" in 2024, "expected" in 2025)
    if STATUS_RANK[x.status] == STATUS_RANK[y.status]:
        return x_start - lag <= y_end and y_start - lag <= x_end
    if STATUS_RANK[x.status] < STATUS_RANK[y.status]:
        return x_start - lag <= y_end
    return y_start - lag <= x_end


#: how many days apart two reports of the same stage may date it (announced, then reported)
_REPORTING_LAG_DAYS = 14


def deals_compatible(a: Report, b: Report) -> bool:
    """Whether nothing two reports state keeps them from being one arms deal.

    Not one article's two records (the record stage merged its repeats), the same parties,
    both a framework or both not (a framework is never the contract signed under it), dates
    in stage order, weapons of one family, the same quantity and the same figures where both
    state them.
    """
    x, y = a.record, b.record
    assert isinstance(x, ArmsDeal)
    assert isinstance(y, ArmsDeal)
    if a.doc_id is not None and a.doc_id == b.doc_id:
        return False
    if not _roles_match(
        (code_of(x.supplier), code_of(x.recipient)), (code_of(y.supplier), code_of(y.recipient))
    ):
        return False
    if (x.status == "framework") != (y.status == "framework"):
        return False
    if not _same_time(x, y) or _system_relation(x.systems, y.systems) == "conflict":
        return False
    if _planned_after(a, b) or _planned_after(b, a):
        return False
    if x.quantity is not None and y.quantity is not None and x.quantity != y.quantity:
        return False
    if _deal_values(a, b) != "conflict":
        return True
    # a figure they disagree on is a conflicting claim about one contract only when something
    # else names that contract (the quantity of the same weapons, or the same fine date) and
    # the figures are close enough to be two accounts of one sum
    return _identified(x, y) and _near(a, b)


def _identified(x: ArmsDeal, y: ArmsDeal) -> bool:
    """Whether two deals name one contract without their figures."""
    systems = _system_relation(x.systems, y.systems)
    if systems == "conflict":
        return False
    if systems == "match" and x.quantity is not None and x.quantity == y.quantity:
        return True
    dx, dy = stated(x.date), stated(y.date)
    if not (_fine(dx) and _fine(dy)):
        return False
    # fine dates in stage order (see _same_time) name one contract of one weapon; of unnamed
    # weapons, only the same day or month does
    return systems == "match" or _overlap(dx, dy)


def _near(a: Report, b: Report) -> bool:
    """Whether two reports' figures are within :data:`CLAIM_FACTOR` of each other (in dollars)."""
    x, y = a.record, b.record
    assert isinstance(x, ArmsDeal)
    assert isinstance(y, ArmsDeal)
    for p in stated_figures(x.value, x.alt_values):
        for q in stated_figures(y.value, y.alt_values):
            up, uq = in_usd(p, a.year), in_usd(q, b.year)
            if up is None or uq is None or up.amount <= 0 or uq.amount <= 0:
                continue
            if max(up.amount, uq.amount) <= CLAIM_FACTOR * min(up.amount, uq.amount):
                return True
    return False


def _planned_after(a: Report, b: Report) -> bool:
    """Whether ``a`` still calls planned a deal that ``b`` dates as signed well before ``a``
    was published: a plan reported in 2024 is not the contract signed in 2022."""
    x, y = a.record, b.record
    assert isinstance(x, ArmsDeal)
    assert isinstance(y, ArmsDeal)
    if x.status not in ("planned", "framework") or STATUS_RANK[y.status] <= STATUS_RANK["planned"]:
        return False
    if a.published is None:
        return False
    signed = stated(y.date)
    # a contract is signed by the time a report of it appears, whatever date it gives
    latest = [d for d in (signed.end if signed is not None else None, b.published) if d is not None]
    return bool(latest) and min(latest) < a.published - dt.timedelta(days=_REPORTING_LAG_DAYS)


def same_weapons(a: Report, b: Report) -> bool:
    """Whether two deals name weapons of one family or category, or neither names any."""
    x, y = a.record, b.record
    assert isinstance(x, ArmsDeal)
    assert isinstance(y, ArmsDeal)
    if not x.systems and not y.systems:
        return True
    return _system_relation(x.systems, y.systems) == "match"


def _deal_values(a: Report, b: Report) -> Relation:
    x, y = a.record, b.record
    assert isinstance(x, ArmsDeal)
    assert isinstance(y, ArmsDeal)
    figures_x, figures_y = stated_figures(x.value, x.alt_values), stated_figures(y.value, y.alt_values)
    return _value_relation(figures_x, a.year, figures_y, b.year)


def same_deal(a: Report, b: Report) -> bool:
    """Whether two reports are the same arms deal (or stages of it).

    They are :func:`deals_compatible` and share something that names one contract: a figure
    (within :data:`VALUE_TOLERANCE`, or after conversion :data:`CONVERTED_TOLERANCE`), a
    quantity of the same weapons, or fine dates.  Two contracts for the same weapon ("180
    K2" in 2022 and "180 K2" in 2025) differ in figure or date.
    """
    if not deals_compatible(a, b):
        return False
    x, y = a.record, b.record
    assert isinstance(x, ArmsDeal)
    assert isinstance(y, ArmsDeal)
    if _deal_values(a, b) == "match":
        return True
    systems = _system_relation(x.systems, y.systems)
    if x.quantity is not None and x.quantity == y.quantity:
        return systems in ("match", "unknown")
    return _identified(x, y) or (systems == "match" and _same_news(a, b))


def _same_news(a: Report, b: Report) -> bool:
    """Two reports of one system in one stage, published within the reporting lag, their dates
    (if any) overlapping: one day's news ("K2 tanks" on Tuesday, "tanks" on Wednesday)."""
    x, y = a.record, b.record
    assert isinstance(x, ArmsDeal)
    assert isinstance(y, ArmsDeal)
    if x.status != y.status or a.published is None or b.published is None:
        return False
    return abs((a.published - b.published).days) <= _REPORTING_LAG_DAYS and _overlap(
        stated(x.date), stated(y.date)
    )


def deal_features(report: Report) -> Hashable:
    """Everything :func:`same_deal` reads of a report but its document id (keep the two in step).

    Reports with equal features match the same reports (:func:`~korpol._corpus.merging` tests
    one of them for all); only whether the id is missing counts, as ``same_deal`` reads it.
    """
    x = report.record
    assert isinstance(x, ArmsDeal)
    return (
        code_of(x.supplier), code_of(x.recipient), x.status, x.date, x.systems, x.value, x.alt_values,
        x.quantity, report.year, report.published, report.doc_id is None,
    )


def _aid_kinds_match(a: str, b: str) -> bool:
    return a == b or "mixed" in (a, b)


def same_aid(a: Report, b: Report) -> bool:
    """Whether two reports can be the same aid package."""
    x, y = a.record, b.record
    assert isinstance(x, AidPackage)
    assert isinstance(y, AidPackage)
    if a.doc_id is not None and a.doc_id == b.doc_id:
        return False  # one article's records are already one per fact: the record stage merged its repeats
    if not _roles_match((code_of(x.donor), code_of(x.recipient)), (code_of(y.donor), code_of(y.recipient))):
        return False
    if not _aid_kinds_match(x.kind, y.kind) or not _overlap(x.date, y.date):
        return False
    items_overlap = bool({i.lower() for i in x.items} & {i.lower() for i in y.items})
    values = _value_relation(stated_figures(x.value), a.year, stated_figures(y.value), b.year)
    if values == "match":
        return True
    if values == "conflict":
        return items_overlap and a.doc_id != b.doc_id
    return items_overlap or (_fine(x.date) and _fine(y.date))


def aid_features(report: Report) -> Hashable:
    """Everything :func:`same_aid` reads of a report but its document id (see :func:`deal_features`)."""
    x = report.record
    assert isinstance(x, AidPackage)
    return (
        code_of(x.donor), code_of(x.recipient), x.kind, x.date, x.items, x.value, report.year,
        report.doc_id is None,
    )


def same_agreement(a: Report, b: Report) -> bool:
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
    values = _value_relation(stated_figures(x.value), a.year, stated_figures(y.value), b.year)
    return values != "conflict"


def agreement_features(report: Report) -> Hashable:
    """Everything :func:`same_agreement` reads of a report but its document id (see :func:`deal_features`)."""
    x = report.record
    assert isinstance(x, Agreement)
    return (
        frozenset(p.code for p in x.parties), x.kind, x.date, x.until, x.value, report.year,
        report.doc_id is None,
    )
