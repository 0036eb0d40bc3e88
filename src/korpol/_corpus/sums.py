"""Recap totals and the records they add up.

Why this module exists: an article's recap ("two contracts worth a combined $9.87 billion",
"contracts worth $16.5 billion since 2022") is kept as an :class:`~korpol.Aggregate`, never a
deal of its own.  An analyst wants to know which contracts it sums: when exactly one set of
the corpus's merged records adds up to it, :func:`linked_aggregates` names them; when none
or several do, it names none (a wrong link would vouch for a sum the corpus cannot check).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs

from korpol._corpus.matching import code_of, resolved, system_keys
from korpol._model import Aggregate, Document, TimeSpan
from korpol._model.merged import LinkedAggregate, in_usd, record_year

__all__ = ["MAX_SUMMANDS", "linked_aggregates"]

#: Beyond this many candidate records the sets are not searched (2**n of them).
MAX_SUMMANDS = 16

#: How far a stated sum may be from the records it adds up: an exact figure, a rounded one.
_EXACT_TOLERANCE = Decimal("0.02")
_ROUNDED_TOLERANCE = Decimal("0.04")
#: ... and a set this close beats others more than four times as far
_CLOSE = Decimal("0.005")


def linked_aggregates(
    documents: Iterable[Document], deals: Sequence[Any], packages: Sequence[Any]
) -> list[LinkedAggregate]:
    """Every article's recap totals (``sum-1``, ``sum-2``, ... in document order), each with the
    merged records it adds up (``sums``), where exactly one set of them does."""
    out = []
    n = 0
    for doc in documents:
        for aggregate in doc.aggregates:
            n += 1
            pool = deals if aggregate.of == "arms_deals" else packages
            sums = _summed(aggregate, doc.published, pool)
            fields = {f.name: getattr(aggregate, f.name) for f in attrs.fields(Aggregate)}
            out.append(
                LinkedAggregate(**fields, id=f"sum-{n}", doc_id=doc.id, published=doc.published, sums=sums)
            )
    return out


def _parties(record: Any) -> tuple[str | None, str | None]:
    giver = getattr(record, "supplier", None) or getattr(record, "donor", None)
    return code_of(giver), code_of(getattr(record, "recipient", None))


def _candidates(aggregate: Aggregate, published: dt.date | None, pool: Sequence[Any]) -> list[Any]:
    """The records a sum can add up: its parties', valued, not frameworks, of its period."""
    want = (code_of(aggregate.supplier), code_of(aggregate.recipient))
    if want == (None, None):
        return []
    dated = aggregate.date
    since = resolved(dated) if dated is not None and dated.relation == "since" else None
    families = system_keys(aggregate.systems)[0]
    found = []
    for record in pool:
        if record.value is None or getattr(record, "status", None) == "framework":
            continue
        if any(w is not None and w != got for w, got in zip(want, _parties(record), strict=True)):
            continue
        if families and not families & system_keys(getattr(record, "systems", ()))[0]:
            continue
        date = resolved(record.date)
        if published is not None:
            start = date.start if date is not None else getattr(record, "first_reported", None)
            if start is not None and start > published:
                continue  # signed after the article that sums it
        if _before(date, since):
            continue
        found.append(record)
    return found


def _before(date: TimeSpan | None, since: TimeSpan | None) -> bool:
    """Whether a record dated ``date`` ended before the period a sum counts from."""
    if date is None or since is None or date.end is None or since.start is None:
        return False
    return date.end < since.start


def _summed(aggregate: Aggregate, published: dt.date | None, pool: Sequence[Any]) -> tuple[str | None, ...]:
    if aggregate.value is None:
        return ()
    year = aggregate.date.start.year if aggregate.date is not None and aggregate.date.start else None
    target = in_usd(aggregate.value, year or (published.year if published else None))
    candidates = _candidates(aggregate, published, pool)
    if target is None or len(candidates) < 2 or len(candidates) > MAX_SUMMANDS:
        return ()
    values = []
    for record in candidates:
        usd = in_usd(record.value, record_year(record))
        if usd is None:
            return ()  # a value the sum cannot be checked against
        values.append(usd.amount)
    exact = aggregate.value.qualifier == "exact"
    tolerance = (_EXACT_TOLERANCE if exact else _ROUNDED_TOLERANCE) * target.amount
    sizes = [aggregate.count] if aggregate.count else range(2, len(candidates) + 1)
    fits = sorted(
        (abs(sum(values[i] for i in chosen) - target.amount), chosen)
        for size in sizes
        if size is not None and 2 <= size <= len(candidates)
        for chosen in itertools.combinations(range(len(candidates)), size)
        if abs(sum(values[i] for i in chosen) - target.amount) <= tolerance
    )
    if not fits:
        return ()
    # one set fits, or one fits to the rounding and the next is well off ("about $5.77 billion":
    # 3.37 + 2.4, not 3.37 + 2.6)
    close = _CLOSE * target.amount
    if len(fits) > 1 and not (fits[0][0] <= close and fits[1][0] > 4 * close):
        return ()
    return tuple(candidates[i].id for i in fits[0][1])
