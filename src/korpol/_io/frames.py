"""pandas DataFrames of the flat rows, for a notebook.

Why this module exists: an analyst in a notebook wants ``Results.to_dataframe()``.  pandas is
an optional extra, imported only when a DataFrame is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

from korpol._errors import MissingDependencyError
from korpol._io.columns import columns_for, record_rows

__all__ = ["to_dataframe"]


def to_dataframe(records: Iterable[Any]) -> Any:
    """A :class:`pandas.DataFrame` of :func:`record_rows` (needs the ``pandas`` extra)."""
    try:
        pandas = importlib.import_module("pandas")  # optional: imported by name so mypy needs no stubs
    except ImportError:
        raise MissingDependencyError("pandas", "pandas") from None
    items = list(records)
    return pandas.DataFrame(record_rows(items), columns=list(columns_for(items)))


