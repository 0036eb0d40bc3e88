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

import functools
import re
from collections.abc import Hashable, Iterable
from decimal import Decimal
from typing import Literal

from korpol._model import Agreement, AidPackage, ArmsDeal, Money, Party, TimeSpan
from korpol._model.merged import STATUS_RANK, Report, in_usd
from korpol._refdata import get_weapon_system, system_categories

__all__ = [
    "VALUE_TOLERANCE",
    "Relation",
    "agreement_features",
    "aid_features",
    "code_of",
    "deal_features",
    "resolved",
    "same_agreement",
    "same_aid",
    "same_deal",
    "same_figure",
    "stated_figures",
    "system_keys",
]


#: Two stated values are the same figure when they differ by at most this
#: fraction of the larger one (after conversion to US dollars).
VALUE_TOLERANCE = Decimal("0.02")


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


def _within(x: Decimal, y: Decimal) -> bool:
    top = max(x, y)
    return top == 0 or abs(x - y) <= VALUE_TOLERANCE * top


def same_figure(a: Money, year_a: int | None, b: Money, year_b: int | None) -> bool:
    """Whether two stated sums can be the same figure."""
    if a.currency == b.currency:
        pairs = [(a.amount, a.upper, b.amount, b.upper)]
    else:
        ua, ub = in_usd(a, year_a), in_usd(b, year_b)
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


def same_deal(a: Report, b: Report) -> bool:
    """Whether two reports can be the same arms deal."""
    x, y = a.record, b.record
    assert isinstance(x, ArmsDeal)
    assert isinstance(y, ArmsDeal)
    if a.doc_id is not None and a.doc_id == b.doc_id:
        return False  # one article's records are already one per fact: the record stage merged its repeats
    if not _roles_match(
        (code_of(x.supplier), code_of(x.recipient)), (code_of(y.supplier), code_of(y.recipient))
    ):
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
    figures_x, figures_y = stated_figures(x.value, x.alt_values), stated_figures(y.value, y.alt_values)
    values = _value_relation(figures_x, a.year, figures_y, b.year)
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


def deal_features(report: Report) -> Hashable:
    """Everything :func:`same_deal` reads of a report but its document id (keep the two in step).

    Reports with equal features match the same reports (:func:`~korpol._corpus.merging` tests
    one of them for all); only whether the id is missing counts, as ``same_deal`` reads it.
    """
    x = report.record
    assert isinstance(x, ArmsDeal)
    return (
        code_of(x.supplier), code_of(x.recipient), x.status, x.date, x.systems, x.value, x.alt_values,
        x.quantity, report.year, report.doc_id is None,
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
    if not _roles_match(
        (code_of(x.donor), code_of(x.recipient)), (code_of(y.donor), code_of(y.recipient))
    ):
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
