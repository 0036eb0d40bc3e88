"""Annual US-dollar exchange rates: what :meth:`korpol.Money.to_usd` converts with.

The rates are data (``data/usd_rates.tsv``, approximate annual averages with their source in
the file's header), read lazily once.

>>> usd_rate("USD")
Decimal('1')
>>> round(usd_rate("EUR", 2023), 2)
Decimal('1.08')
>>> usd_rate("XYZ")
Traceback (most recent call last):
...
korpol._errors.UnknownEntityError: unknown currency: 'XYZ'
"""

from __future__ import annotations

import functools
import threading
from decimal import Decimal

from korpol._errors import UnknownEntityError
from korpol._tables import read_table

__all__ = ["rate_years", "usd_rate"]

_LOCK = threading.Lock()


@functools.cache
def _rates() -> dict[str, dict[int, Decimal]]:
    with _LOCK:
        table: dict[str, dict[int, Decimal]] = {}
        for row in read_table("usd_rates.tsv"):
            table.setdefault(row["currency"], {})[int(row["year"])] = Decimal(row["per_usd"])
        return table


def rate_years(currency: str) -> tuple[int, ...]:
    """The years for which a rate of ``currency`` is bundled (empty for USD)."""
    return tuple(sorted(_rates().get(currency.upper(), {})))


def usd_rate(currency: str, year: int | None = None) -> Decimal:
    """US dollars per one unit of ``currency``: the bundled annual average rate of ``year``.

    Without ``year`` the latest bundled year is used.  A year outside the table
    uses the nearest bundled year (2009 -> 2010, 2030 -> the latest), since an
    approximate conversion is more useful than none; the rates themselves are
    approximate annual averages (see the header of ``data/usd_rates.tsv``).

    >>> usd_rate("KRW", 2022) < Decimal("0.001")
    True
    >>> usd_rate("krw", 1990) == usd_rate("KRW", 2010)
    True

    Raises :class:`~korpol.UnknownEntityError` for a currency with no bundled rate.
    """
    code = currency.strip().upper() if isinstance(currency, str) else currency
    if code == "USD":
        return Decimal(1)
    by_year = _rates().get(code)
    if not by_year:
        raise UnknownEntityError("currency", currency)
    years = sorted(by_year)
    chosen = years[-1] if year is None else min(years, key=lambda y: (abs(y - year), -y))
    return Decimal(1) / by_year[chosen]
