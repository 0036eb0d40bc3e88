"""Reading korpol's data tables: TSV files, code sets, lazily built indices, suggestions.

Why this module exists: every table under ``korpol/data`` (countries, offices, weapon
systems, currencies, cue words ...) is read the same way: once, on first use, under one
lock, into case-folded indices; an unknown value gets close suggestions.  :class:`Table`
is that way written once (a reference table is one declaration of it); :class:`Lazy` and
:func:`once` build any other value on first use under the same lock.  The code sets
that record validation needs (ISO 3166-1 alpha-2 and ISO 4217) are here too, so that
building a record does not load the gazetteers.
"""

from __future__ import annotations

import datetime
import difflib
import enum
import functools
import threading
import typing
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from typing import Generic, Literal, TypeVar

import attrs

from korpol._errors import UnknownEntityError, check_str

__all__ = [
    "Lazy",
    "Table",
    "country_alpha3",
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
R = TypeVar("R")  # the row type of a Table

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
    meanings); the first other line names the columns.  A table a user data
    directory may extend (:data:`korpol._datadir.EXTENDABLE`) comes with the
    user's rows merged in and checked (:func:`korpol.use_data_dir`); the rows
    of ``offices.tsv`` carry an ``as_of`` cell, the data date of their file.
    """
    from korpol._datadir import merged_rows  # (on first use: it reads the environment)

    merged = merged_rows(name)
    if merged is not None:
        return merged
    text = resources.files("korpol").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=False)))
    return rows


class Table(Generic[R]):
    """A data file read as typed rows, lazily, once, under the module lock, with a case-folded index.

    Each reference table is one declaration, in the manner of pycountry's databases::

        _COMPANIES = Table("companies.tsv", Company, kind="company",
                           keys=("name", "aliases"), columns={"country_code": "country"})

    ``row`` is an attrs class; each of its fields is read from the column of the same name,
    or from the column ``columns`` maps it to: a ``str`` field as written, a
    ``tuple[str, ...]`` field from a ``;``-separated cell, a ``datetime.date | None`` field
    from an ISO date or an empty cell (any other field type fails at the first load).
    ``keys`` are the fields (``str`` or ``tuple[str, ...]``) a row is found by, matched
    case-insensitively (:func:`fold`); ``kind`` names a row in the error of :meth:`lookup`.

    >>> from korpol._refdata.arms import Company
    >>> companies = Table("companies.tsv", Company, kind="company", keys=("name", "aliases"),
    ...                   columns={"country_code": "country"})
    >>> companies.get("hanwha defense").name
    'Hanwha Aerospace'
    >>> companies.get("Acme Rockets") is None
    True
    >>> companies.lookup("PGZZ")
    Traceback (most recent call last):
    ...
    korpol._errors.UnknownEntityError: unknown company: 'PGZZ' (did you mean: PGZ?)
    """

    def __init__(
        self,
        file: str,
        row: type[R],
        *,
        kind: str = "",
        keys: tuple[str, ...] = (),
        columns: Mapping[str, str] | None = None,
    ) -> None:
        self.file = file
        self.row = row
        self.kind = kind
        self.keys = keys
        self.columns = dict(columns or {})
        self._rows: Lazy[tuple[R, ...]] = Lazy(self._read)
        self._index: Lazy[dict[str, tuple[R, ...]]] = Lazy(self._build_index)

    def rows(self) -> tuple[R, ...]:
        """Every row, in file order."""
        return self._rows.get()

    def get(self, value: str) -> R | None:
        """The first row (in file order) with ``value`` as one of its keys, case-insensitively; else None."""
        found = self._index.get().get(fold(check_str("value", value)))
        return found[0] if found else None

    def lookup(self, value: str) -> R:
        """Like :meth:`get`, but raise :class:`~korpol.UnknownEntityError` (with suggestions) if unknown."""
        found = self.get(value)
        if found is None:
            raise UnknownEntityError(self.kind, value, suggest(value, self.names()))
        return found

    def matching(self, value: str) -> tuple[R, ...]:
        """Every row with ``value`` as one of its keys, case-insensitively, in file order."""
        return self._index.get().get(fold(check_str("value", value)), ())

    def names(self) -> list[str]:
        """Every key of every row, in file order (what an unknown value is compared with)."""
        return [name for item in self.rows() for name in self._names_of(item)]

    def _names_of(self, item: R) -> list[str]:
        out: list[str] = []
        for field in self.keys:
            value = getattr(item, field)
            out.extend((value,) if isinstance(value, str) else value)
        return out

    def _read(self) -> tuple[R, ...]:
        readers = [
            (field.name, self.columns.get(field.name, field.name), _cell_reader(hint, self.file, field.name))
            for field in attrs.fields(self.row)  # type: ignore[arg-type]  # ``row`` is an attrs class
            for hint in (typing.get_type_hints(self.row)[field.name],)
        ]
        return tuple(
            self.row(**{name: read(cells[column]) for name, column, read in readers})
            for cells in read_table(self.file)
        )

    def _build_index(self) -> dict[str, tuple[R, ...]]:
        index: dict[str, list[R]] = {}
        for item in self.rows():
            for key in dict.fromkeys(fold(name) for name in self._names_of(item)):
                index.setdefault(key, []).append(item)
        return {key: tuple(items) for key, items in index.items()}


def _cell_reader(hint: object, file: str, field: str) -> Callable[[str], object]:
    """How a cell becomes the value of a field of type ``hint``."""
    if hint is str:
        return str
    if hint == tuple[str, ...]:
        return split_cell
    if hint == (datetime.date | None):
        return parse_date
    raise TypeError(f"{file}: field {field!r} has a type a table cannot hold: {hint!r}")


@functools.cache
def country_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code korpol knows (plus ``XK``, Kosovo)."""
    return frozenset(row["code"] for row in read_table("countries.tsv"))


@functools.cache
def country_alpha3() -> dict[str, str]:
    """ISO alpha-2 code -> alpha-3 code (``"KR"`` -> ``"KOR"``): what SIPRI and World Bank tables join on."""
    return {row["code"]: row["alpha3"] for row in read_table("countries.tsv")}


@functools.cache
def currency_codes() -> frozenset[str]:
    """Every ISO 4217 code korpol knows."""
    return frozenset(row["code"] for row in read_table("currencies.tsv"))
