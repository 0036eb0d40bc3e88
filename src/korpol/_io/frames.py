"""pandas DataFrames of the flat rows, for a notebook.

Why this module exists: an analyst in a notebook wants ``Results.to_dataframe()``.  pandas is
an optional extra, imported only when a DataFrame is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

from korpol._errors import MissingDependencyError
from korpol._io.columns import table_for

__all__ = ["to_dataframe"]


def to_dataframe(records: Iterable[Any]) -> Any:
    """A :class:`pandas.DataFrame` of :func:`~korpol._io.columns.record_rows` (needs the ``pandas`` extra)."""
    try:
        pandas = importlib.import_module("pandas")  # optional: imported by name so mypy needs no stubs
    except ImportError:
        raise MissingDependencyError("pandas", "pandas") from None
    items = list(records)
    table = table_for(items)
    return pandas.DataFrame(table.rows(items), columns=list(table.names))


