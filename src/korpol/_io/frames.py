"""pandas DataFrames of the flat rows, for a notebook: one stable dtype per column.

Why this module exists: an analyst in a notebook wants ``Results.to_dataframe()`` and every
record table of a corpus at once (``Corpus.to_dataframes()``), typed so that pandas can
compute with them: dates as ``datetime64``, amounts and US-dollar values as nullable
``Float64``, counts as nullable ``Int64``, flags as ``boolean``, text as ``string``, with
``<NA>`` for a missing value, and lists as Python lists.  The dtype of a column is fixed by
the column (:data:`korpol._io.columns.KINDS`), never guessed from the values, so it is the
same for an empty corpus and a large one.  pandas is an optional extra, imported only when a
DataFrame is asked for.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from korpol._errors import MissingDependencyError
from korpol._io.columns import KINDS, Table, as_records, table_for

__all__ = ["frame", "frames", "require_pandas", "to_dataframe"]


def require_pandas() -> Any:
    """The pandas module, or :class:`~korpol.MissingDependencyError` naming the extra."""
    try:
        return importlib.import_module("pandas")  # optional: imported by name so mypy needs no stubs
    except ImportError:
        raise MissingDependencyError("pandas", "pandas") from None


def _dates(pandas: Any, values: Sequence[Any]) -> Any:
    """Dates as ``datetime64``: seconds resolution where pandas has it (years 1..9999), else ns."""
    stamps = [None if v is None else dt.datetime(v.year, v.month, v.day) for v in values]
    try:
        return pandas.Series(stamps, dtype="datetime64[s]")
    except (TypeError, ValueError):  # pandas < 2 knows only nanoseconds
        return pandas.to_datetime(pandas.Series(stamps, dtype="object"), errors="coerce")


def _column(pandas: Any, kind: str, values: Sequence[Any]) -> Any:
    if kind == "date":
        return _dates(pandas, values)
    if kind == "amount":
        return pandas.array([None if v is None else float(v) for v in values], dtype="Float64")
    if kind == "int":
        return pandas.array([None if v is None else int(v) for v in values], dtype="Int64")
    if kind == "bool":
        return pandas.array([None if v is None else bool(v) for v in values], dtype="boolean")
    if kind == "list":
        series = pandas.Series([None] * len(values), dtype="object")
        for i, v in enumerate(values):
            series.iat[i] = list(v)
        return series
    return pandas.array([None if v is None else str(v) for v in values], dtype=KINDS[kind])


def frame(table: Table[Any], records: Iterable[Any]) -> Any:
    """The DataFrame of ``records`` in ``table``'s columns, each column of its kind's dtype."""
    pandas = require_pandas()
    rows = table.typed_rows(records)
    data = {c.name: _column(pandas, c.kind, [row[c.name] for row in rows]) for c in table.columns}
    out = pandas.DataFrame({name: pandas.Series(values) for name, values in data.items()})
    return out if rows else out.iloc[0:0]


def to_dataframe(records: Iterable[Any], table: Table[Any] | None = None) -> Any:
    """A :class:`pandas.DataFrame` of records (needs the ``pandas`` extra).

    The columns are those of the record type's table (a mixture gets the timeline's).
    """
    items = as_records(records)
    return frame(table or table_for(items), items)


def frames(tables: Mapping[str, tuple[Table[Any], Sequence[Any]]]) -> dict[str, Any]:
    """{name: DataFrame} for each (table, records)."""
    return {name: frame(table, records) for name, (table, records) in tables.items()}

