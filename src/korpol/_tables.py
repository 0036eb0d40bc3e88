"""The code sets that record validation needs: ISO 3166-1 alpha-2 and ISO 4217.

Kept apart from the full reference-data loaders so that building a record does
not load the gazetteers; reading two columns of two small files is cheap and
happens once, on first use.
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["country_codes", "currency_codes", "read_table"]


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
