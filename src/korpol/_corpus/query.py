"""The filters of the corpus queries: parties, dates, vocabularies and systems as typed.

Why this module exists: a query accepts what an analyst types — an ISO code, a name, an
alias or a Country; a date, a year or an ISO string; a designation, an alias or a category
noun.  Each argument is checked and resolved here, with an error that names the argument,
and each record's time is read here for filtering and ordering.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from korpol._corpus.matching import resolved, system_keys
from korpol._errors import InputTypeError, ValidationError
from korpol._model import Country, Organization, Party, TimeSpan
from korpol._refdata import lookup_party

__all__ = [
    "check_period",
    "check_system",
    "date_bound",
    "date_order",
    "in_period",
    "record_period",
    "resolve_parties",
    "system_matches",
    "wanted_values",
]


def _resolve_party(value: Party | str, argument: str) -> str:
    if isinstance(value, Country | Organization):
        return value.code
    if not isinstance(value, str):
        raise InputTypeError(argument, value, "a country/organisation code, name or object")
    return lookup_party(value).code


def resolve_parties(value: Party | str | Iterable[Party | str] | None, argument: str) -> set[str] | None:
    """The party codes a query argument names (``None``: any party).

    >>> sorted(resolve_parties(["Poland", "KR"], "party"))
    ['KR', 'PL']
    >>> resolve_parties(42, "supplier")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    korpol._errors.InputTypeError: supplier: expected a country/organisation code, name or object, got int...
    """
    if value is None:
        return None
    if isinstance(value, str | Country | Organization):
        return {_resolve_party(value, argument)}
    if not isinstance(value, Iterable) or isinstance(value, bytes | bytearray | dict):
        raise InputTypeError(argument, value, "a country/organisation code, name or object")
    return {_resolve_party(v, argument) for v in value}


def sides_match(
    codes: tuple[str | None, str | None],
    givers: set[str] | None,
    receivers: set[str] | None,
    parties: set[str] | None,
) -> bool:
    """Whether a record's (giver, receiver) codes pass the party filters of a query (None: no filter).

    >>> sides_match(("KR", "PL"), {"KR"}, None, {"PL", "US"})
    True
    >>> sides_match(("KR", "PL"), None, {"UA"}, None)
    False
    """
    if givers is not None and codes[0] not in givers:
        return False
    if receivers is not None and codes[1] not in receivers:
        return False
    return parties is None or bool(parties & set(codes))


def check_period(since: dt.date | None, until: dt.date | None) -> None:
    """``since`` after ``until`` is a mistake, not a question with no answer.

    >>> check_period(dt.date(2024, 1, 1), dt.date(2023, 12, 31))
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: since: datetime.date(2024, 1, 1) is not valid: after until (2023-12-31)
    """
    if since is not None and until is not None and since > until:
        raise ValidationError("since", since, f"after until ({until})")


def date_bound(value: dt.date | int | str | None, argument: str, *, upper: bool) -> dt.date | None:
    """A query bound: a date, a year (2023) or an ISO date/year-month string."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    span: TimeSpan | None = None
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
        span = TimeSpan.year(value)
    elif isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\d{4}", text):
            span = TimeSpan.year(int(text))
        elif re.fullmatch(r"\d{4}-\d{2}", text) and 1 <= int(text[5:]) <= 12:
            span = TimeSpan.month(int(text[:4]), int(text[5:]))
        else:
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                pass
    if span is None or span.start is None or span.end is None:
        raise ValidationError(
            argument, value, "give a datetime.date, a year (2023) or an ISO date ('2023-07-15')"
        )
    return span.end if upper else span.start


def wanted_values(
    value: str | Iterable[str] | None, vocabulary: Iterable[str], argument: str
) -> set[str] | None:
    if value is None:
        return None
    allowed = tuple(vocabulary)
    if not isinstance(value, str) and (not isinstance(value, Iterable) or isinstance(value, bytes | dict)):
        raise InputTypeError(argument, value, f"one of {', '.join(allowed)}, or several of them")
    wanted = {value} if isinstance(value, str) else set(value)
    for item in wanted:
        if item not in allowed:
            raise ValidationError(argument, item, f"must be one of {', '.join(allowed)}")
    return wanted


def record_period(record: Any) -> tuple[dt.date, dt.date] | None:
    """The time a record belongs to: its date, else when it was first reported."""
    date = resolved(getattr(record, "date", None))
    if date is not None:
        assert date.start is not None
        assert date.end is not None
        return (date.start, date.end)
    first = getattr(record, "first_reported", None)
    return None if first is None else (first, first)


def in_period(record: Any, since: dt.date | None, until: dt.date | None) -> bool:
    if since is None and until is None:
        return True
    when = record_period(record)
    if when is None:
        return False
    return (since is None or when[1] >= since) and (until is None or when[0] <= until)


def date_order(record: Any) -> tuple[dt.date, str]:
    when = record_period(record)
    return (when[0] if when else dt.date.max, type(record).__name__)


def check_system(value: object) -> str | None:
    """A ``system=`` query argument: a designation, alias or category noun (a ``str``), or ``None``."""
    if value is not None and not isinstance(value, str):
        raise InputTypeError("system", value, 'a weapon system name such as "K9" or "tanks", or None')
    return value


def system_matches(query: str, systems: Iterable[str]) -> bool:
    """``system="K9"`` finds K9, K9A1 and K9PL; "Black Panther" finds K2; "tanks" finds K2."""
    families, categories = system_keys([query])
    rec_families, rec_categories = system_keys(systems)
    if families & rec_families:
        return True
    if categories and not families and categories & rec_categories:
        return True  # a category query ("tanks") matches any system of that category
    key = re.sub(r"[^0-9A-Za-z]", "", query).upper()
    for fam in rec_families:
        if fam.startswith(key) and len(fam) > len(key) and fam[len(key)].isalpha():
            return True
    return False

