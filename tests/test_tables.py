"""Every extractor keeps a table of at least 60 news-shaped examples (issue 3).

The tables live in each extractor's test file; this file only counts their rows
(known gaps marked ``xfail(strict=True)`` included), so that a table cannot
quietly shrink below the bar.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sized

import pytest

from tests import test_entities, test_money, test_quantity, test_segment, test_text, test_time

MINIMUM_ROWS = 60


def _grouped(groups: Mapping[str, Sized]) -> int:
    return sum(len(rows) for rows in groups.values())


def _flat(*tables: Sized) -> int:
    return sum(len(t) for t in tables)


TABLES: dict[str, Callable[[], int]] = {
    "repair": lambda: _flat(test_text.REPAIRS),
    "segment": lambda: _flat(test_segment.SENTENCES, test_segment.LINES),
    "money": lambda: _flat(test_money.TABLE, test_money.XFAIL),
    "time": lambda: _flat(test_time.TABLE, test_time.XFAIL),
    "quantity": lambda: _flat(test_quantity.TABLE, test_quantity.XFAIL),
    "places": lambda: _grouped(test_entities.PLACES),
    "people": lambda: _grouped(test_entities.PEOPLE),
    "systems": lambda: _grouped(test_entities.SYSTEMS),
    "companies": lambda: _grouped(test_entities.COMPANIES),
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_table_has_enough_rows(name: str) -> None:
    rows = TABLES[name]()
    assert rows >= MINIMUM_ROWS, f"the {name} table has {rows} rows, fewer than {MINIMUM_ROWS}"


def test_known_gaps_are_strict() -> None:
    """Known gaps are strict xfails: a gap that gets fixed must be moved into the table."""
    for param in [*test_text.REPAIRS, *test_segment.SENTENCES, *test_segment.LINES]:
        for mark in getattr(param, "marks", ()):
            assert mark.name == "xfail"
            assert mark.kwargs.get("strict") is True
