"""Reading korpol's data tables: TSV files, code sets, lazily built indices, suggestions.

Why this module exists: every table under ``korpol/data`` (countries, offices, weapon
systems, currencies, cue words ...) is read the same way: once, on first use, under one
lock, into case-folded indices; an unknown value gets close suggestions.  The code sets
that record validation needs (ISO 3166-1 alpha-2 and ISO 4217) are here too, so that
building a record does not load the gazetteers.
"""

from __future__ import annotations

import datetime
import difflib
import enum
import functools
import threading
from collections.abc import Callable, Iterable
from importlib import resources
from typing import Generic, Literal, TypeVar

__all__ = [
    "Lazy",
    "country_codes",
    "currency_codes",
    "fold",
    "once",
    "parse_date",
    "read_table",
    "split_cell",
    "suggest",
]

T = TypeVar("T")

# One lock for every first load: tables are small, loads are rare, and a lock
# keeps two threads from building (and briefly disagreeing on) the same index.
_LOCK = threading.RLock()


class _Unset(enum.Enum):
    """A value not built yet (``None`` may be a built value)."""

    UNSET = 0


class Lazy(Generic[T]):
    """A value built by ``build()`` on first use, once, under the module lock.

    Later reads take no lock: a scanner asks for its gazetteer on every call.

    >>> calls = []
    >>> squares = Lazy(lambda: calls.append(1) or [n * n for n in range(4)])
    >>> squares.get(), squares.get(), len(calls)
    ([0, 1, 4, 9], [0, 1, 4, 9], 1)
    """

    __slots__ = ("_build", "_value")

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._value: T | Literal[_Unset.UNSET] = _Unset.UNSET

    def get(self) -> T:
        """The value, built now if this is the first call."""
        value = self._value
        if value is _Unset.UNSET:
            with _LOCK:
                value = self._value
                if value is _Unset.UNSET:
                    value = self._value = self._build()
        return value


def once(fn: Callable[[], T]) -> Callable[[], T]:
    """Cache a zero-argument loader: the first call builds its value under the module lock.

    >>> @once
    ... def answer() -> int:
    ...     return 42
    >>> answer(), answer()
    (42, 42)
    """
    lazy = Lazy(fn)

    @functools.wraps(fn)
    def wrapper() -> T:
        return lazy.get()

    return wrapper


def split_cell(cell: str) -> tuple[str, ...]:
    """The ';'-separated items of a cell, stripped, empty items dropped."""
    return tuple(item.strip() for item in cell.split(";") if item.strip())


def parse_date(cell: str) -> datetime.date | None:
    return datetime.date.fromisoformat(cell) if cell.strip() else None


def fold(value: str) -> str:
    """The index key of a name: case-folded, inner whitespace collapsed."""
    return " ".join(value.casefold().split())


def suggest(value: str, names: Iterable[str]) -> list[str]:
    """Up to three known names close to ``value`` (case-insensitive), best first."""
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(fold(name), name)
    close = difflib.get_close_matches(fold(value), list(by_key), n=3, cutoff=0.75)
    return [by_key[k] for k in close]



def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file in ``korpol/data``, as dicts.

    Lines starting with ``#`` are the file's header notes (source and field
    meanings); the first other line names the columns.
    """
    text = resources.files("korpol").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=False)))
    return rows


@functools.cache
def country_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code korpol knows (plus ``XK``, Kosovo)."""
    return frozenset(row["code"] for row in read_table("countries.tsv"))


@functools.cache
def currency_codes() -> frozenset[str]:
    """Every ISO 4217 code korpol knows."""
    return frozenset(row["code"] for row in read_table("currencies.tsv"))
