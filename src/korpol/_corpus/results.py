"""What a query returns: a read-only sequence of records with totals and table views.

Why this module exists: an analyst asks "how much?" and "show me a table" of any query's
answer.  :class:`Results` adds :meth:`~Results.total` (a sum converted at each record's
year, never an average), the flat rows and the DataFrame of :mod:`korpol._io` to a plain
sequence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, Generic, TypeVar, overload

from korpol._io.columns import record_rows
from korpol._io.csv import spreadsheet_safe
from korpol._io.frames import to_dataframe
from korpol._model import Money, usd_rate
from korpol._model.merged import record_year

__all__ = [
    "R",
    "Results",
]


R = TypeVar("R")


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
        target = Money(amount=0, currency=currency).currency
        total = Decimal(0)
        estimated = False
        exact = True
        counted = 0
        for item in self._items:
            value: Money | None = getattr(item, "value", None)
            if value is None:
                continue
            year = record_year(item)
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

    def to_dataframe(self, *, spreadsheet_safe: bool = False) -> Any:
        """A :class:`pandas.DataFrame`, one row per record (needs the ``pandas`` extra).

        Columns are those of the CSV export.  Raises
        :class:`~korpol.MissingDependencyError` when pandas is missing.

        ``spreadsheet_safe=True`` is for a frame headed for ``to_excel`` or ``to_csv``: text
        a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
        or a carriage return) gets a leading ``'``, as :meth:`Corpus.to_csv` writes it;
        numbers, dates and other text are unchanged (docs/exports.md).

        >>> from korpol import AidPackage, MissingDependencyError
        >>> aid = AidPackage(donor="KR", recipient="UA", kind="humanitarian", items=["=1+1"])
        >>> try:
        ...     frame = Results([aid, aid]).to_dataframe(spreadsheet_safe=True)
        ...     rows, items = len(frame), frame["items"][0]
        ... except MissingDependencyError:  # without the pandas extra
        ...     rows, items = 2, "'=1+1"
        >>> rows, items
        (2, "'=1+1")
        """
        frame = to_dataframe(self._items)
        if spreadsheet_safe:
            for name in frame.columns:
                frame[name] = frame[name].map(_safe_cell)
        return frame


def _safe_cell(value: Any) -> Any:
    return spreadsheet_safe(value) if isinstance(value, str) else value
