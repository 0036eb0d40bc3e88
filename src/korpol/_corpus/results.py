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

from korpol._io.columns import TIMELINE, record_rows, table_for, table_of
from korpol._io.csv import spreadsheet_safe
from korpol._io.frames import to_dataframe
from korpol._model import Money, usd_rate
from korpol._model.merged import Total, record_year
from korpol._model.show import table_html


def _key(item: Any) -> str | None:
    """A record's name in a total: its merged id, else its first evidence's document."""
    key = getattr(item, "id", None)
    if key is not None:
        return str(key)
    evidence = getattr(item, "evidence", ())
    return evidence[0].doc_id if evidence else None


def _in_currency(value: Money, target: str, year: int | None) -> tuple[Decimal, bool]:
    """``value`` in ``target``: as stated (the amount or a stated equivalent), else converted
    at ``year``'s rate; and whether it was converted."""
    for money in (value, *value.equivalents):
        if money.currency == target:
            return money.amount, False
    usd = value.to_usd(year)
    if target == "USD":
        return usd.amount, usd.estimated
    return usd.amount / usd_rate(target, year), True


__all__ = [
    "R",
    "Results",
]


R = TypeVar("R")

#: The most rows a notebook shows of a query's records.
_HTML_ROWS = 50


class Results(Sequence[R], Generic[R]):
    """The records a query found: a read-only sequence with totals and a DataFrame view.

    >>> from korpol import AidPackage, Money
    >>> r = Results([AidPackage(donor=None, recipient=None, kind="humanitarian",
    ...                         value=Money(amount=100, currency="USD"))] * 2)
    >>> len(r), r.total().amount
    (2, Decimal('200'))
    """

    __slots__ = ("_items", "_of")

    def __init__(self, items: Iterable[R] = (), *, of: type | None = None) -> None:
        self._items: tuple[R, ...] = tuple(items)
        #: the record type a query returns: an empty result still has that type's columns
        self._of = of

    @overload
    def __getitem__(self, index: int) -> R: ...

    @overload
    def __getitem__(self, index: slice) -> Results[R]: ...

    def __getitem__(self, index: int | slice) -> R | Results[R]:
        if isinstance(index, slice):
            return Results(self._items[index], of=self._of)
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

    def _repr_html_(self) -> str:
        """The records as a notebook shows them: a compact table (the columns of the CLI's tables)."""
        table = table_for(self._items)
        if not table.text:
            table = TIMELINE
        shown = self._items[:_HTML_ROWS]
        more = f"<div>… and {len(self) - _HTML_ROWS} more</div>" if len(self) > _HTML_ROWS else ""
        caption = f"{len(self)} {'/'.join(sorted({type(i).__name__ for i in self._items})) or 'records'}"
        html = table_html([c.header for c in table.text], table.text_rows(shown), caption=caption)
        return f'<div class="korpol korpol-results">{html}{more}</div>'

    def total(self, currency: str = "USD") -> Total:
        """The sum of the records' values in ``currency``, and what it summed.

        A value in another currency counts with the equivalent in ``currency`` the text
        states ("9 trillion won ($6.5 billion)"); only when none is stated is it converted
        at the bundled annual rate of its record's year, and then the total is
        ``estimated`` (qualifier ``about``) and names the records in ``converted``.
        Records without a value are left out and named in ``unvalued``.  A framework
        agreement's value is not added to those of the contracts signed under it: when
        the records hold contracts, frameworks are left out and named in ``frameworks``.
        Figures are never averaged: a merged record counts once, with its representative
        value.  ``str(total)`` gives three significant figures ("about USD 23.1 billion").

        >>> Results([]).total("EUR").text
        'sum of 0 stated values (0 records)'
        """
        target = Money(amount=0, currency=currency).currency
        contracts = any(getattr(item, "status", None) not in (None, "framework") for item in self._items)
        total = Decimal(0)
        exact = True
        summed: list[str | None] = []
        converted: list[str | None] = []
        unvalued: list[str | None] = []
        frameworks: list[str | None] = []
        for item in self._items:
            key = _key(item)
            if contracts and getattr(item, "status", None) == "framework":
                frameworks.append(key)
                continue
            value: Money | None = getattr(item, "value", None)
            if value is None:
                unvalued.append(key)
                continue
            summed.append(key)
            exact = exact and value.qualifier == "exact" and not value.estimated
            amount, estimated = _in_currency(value, target, record_year(item))
            total += amount
            if estimated:
                converted.append(key)
        if converted and total >= 1:
            total = total.quantize(Decimal(1))
        text = f"sum of {len(summed)} stated values ({len(self)} records)"
        if converted:
            text += f"; {len(converted)} converted at annual average rates"
        if frameworks:
            text += f"; {len(frameworks)} framework agreements left out"
        return Total(
            amount=total,
            currency=target,
            qualifier="exact" if exact and not converted else "about",
            text=text,
            estimated=bool(converted),
            summed=summed,
            converted=converted,
            unvalued=unvalued,
            frameworks=frameworks,
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
        ...     rows, items = 2, ["'=1+1"]
        >>> rows, items
        (2, ["'=1+1"])
        """
        empty_of = table_of(self._of) if not self._items and self._of is not None else None
        frame = to_dataframe(self._items, empty_of)
        if spreadsheet_safe:
            for name in frame.columns:
                frame[name] = frame[name].map(_safe_cell)
        return frame


def _safe_cell(value: Any) -> Any:
    if isinstance(value, list):  # a list column: each item is text a spreadsheet would show
        return [_safe_cell(item) for item in value]
    return spreadsheet_safe(value) if isinstance(value, str) else value
