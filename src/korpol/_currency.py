"""Currencies as news text writes them, and annual US-dollar exchange rates.

Why this module exists: the money extractor must recognise "$", "US$", "USD",
"₩", "won", "zlotys", "Australian dollars" ... and map each to one ISO 4217
code, and :meth:`korpol.Money.to_usd` must convert amounts at a stated,
sourced rate.  Both vocabularies are data (``data/currencies.tsv`` and
``data/usd_rates.tsv``), read lazily once; nothing here runs at import time.

The anchor pattern is a prefix trie of every symbol, code and name, so that a
scan over a document costs one literal-first regex pass; word boundaries are
checked by the caller on the (rare) candidates.

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
import re
import threading
from decimal import Decimal

import attrs

from korpol._errors import UnknownEntityError
from korpol._regex import trie_pattern
from korpol._tables import read_table

__all__ = ["CurrencyLexicon", "currency_lexicon", "rate_years", "usd_rate"]

_LOCK = threading.Lock()


@attrs.frozen
class CurrencyLexicon:
    """Every way the data files write a currency, and one regex that finds them.

    ``forms`` maps an exact surface form (as it appears in text) to
    ``(code, kind)`` where kind is ``"symbol"``, ``"code"`` or ``"name"``.
    ``pattern`` matches any form, longest first.
    """

    forms: dict[str, tuple[str, str]]
    pattern: re.Pattern[str]


def _variants(name: str) -> set[str]:
    """The case forms a lower-case currency name takes in news text."""
    words = name.split(" ")
    out = {name, " ".join(w[:1].upper() + w[1:] for w in words)}
    # "us dollars" -> "US dollars", "u.s. dollars" -> "U.S. dollars"
    if words[0] in ("us", "u.s.", "uae"):
        out.add(" ".join([words[0].upper(), *words[1:]]))
    # only the modifier capitalised: "Australian dollars", "Korean won"
    if len(words) > 1:
        out.add(" ".join([words[0][:1].upper() + words[0][1:], *words[1:]]))
        out.add(" ".join(w[:1].upper() + w[1:] for w in words[:-1]) + " " + words[-1])
    return out


@functools.cache
def currency_lexicon() -> CurrencyLexicon:
    """The symbols, codes and names of ``data/currencies.tsv`` (loaded once)."""
    with _LOCK:
        forms: dict[str, tuple[str, str]] = {}
        for row in read_table("currencies.tsv"):
            code = row["code"]
            names = [n.strip() for n in row.get("names", "").split(";") if n.strip()]
            symbols = [s.strip() for s in row.get("symbols", "").split(";") if s.strip()]
            if not names and not symbols:
                continue  # an ISO code with no news vocabulary is not an anchor ("ALL", "TOP")
            forms.setdefault(code, (code, "code"))
            for s in symbols:
                forms.setdefault(s, (code, "symbol"))
            for n in names:
                for v in _variants(n):
                    forms.setdefault(v, (code, "name"))
        pattern = re.compile(trie_pattern(set(forms)))
        return CurrencyLexicon(forms=forms, pattern=pattern)


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
