"""Publication dates: what ``published`` may be, checked once for every entry point.

Why this module exists: ``parse()``, the public finders (``find_times``, ``find_people``), the
corpus and the command line all take a publication date, and an analyst passes what the data
holds (a date, a pandas Timestamp, an ISO string).  One check gives every entry point the same
answer and the same error.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from dateutil.parser import isoparse

from korpol._errors import InputTypeError, ValidationError

__all__ = ["PUBLISHED_RANGE", "check_published"]


#: The publication dates korpol accepts: news from 1800 to 2199.  A date outside is a data
#: error (year 1 is what a missing date becomes in many databases) and would push relative
#: dates ("last year", "in a decade") off the calendar.
PUBLISHED_RANGE = (dt.date(1800, 1, 1), dt.date(2199, 12, 31))

#: An ISO 8601 calendar date in the extended form, optionally followed by a time and a zone.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ].*)?", re.DOTALL)


def check_published(published: Any) -> dt.date | None:
    """``published`` as a date, or a clear error.

    Accepts a :class:`datetime.date`, a :class:`datetime.datetime` or a
    :class:`pandas.Timestamp` (the date in the zone it carries: a time zone is
    never converted), an ISO 8601 string ``YYYY-MM-DD`` with or without a
    time and zone (``2024-08-14T10:00:00Z``, ``2024-08-14 23:30-05:00``), or
    ``None`` (pandas' ``NaT`` counts as missing).  Dates outside
    :data:`PUBLISHED_RANGE` (1800-2199) are refused.

    >>> check_published("2024-10-24")
    datetime.date(2024, 10, 24)
    >>> check_published("2024-08-14T23:30:00-05:00")  # the date where it was published
    datetime.date(2024, 8, 14)
    >>> check_published("last Tuesday")
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: published: 'last Tuesday' is not valid: not an ISO date (YYYY-MM-DD)
    >>> check_published("20241024")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: published: '20241024' is not valid: write the date as YYYY-MM-DD ...
    >>> check_published("0001-01-01")
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: published: '0001-01-01' is not valid: outside 1800-01-01..2199-12-31; \
korpol reads news published from 1800 to 2199
    """
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        if published != published:  # pandas.NaT: a missing date in a DataFrame
            return None
        day = published.date()  # the calendar date in the zone the timestamp carries
    elif isinstance(published, dt.date):
        day = published
    elif isinstance(published, str):
        day = _iso_day(published)
    else:
        raise InputTypeError(
            "published", published, "a datetime.date, an ISO date string, a datetime or None"
        )
    low, high = PUBLISHED_RANGE
    if not low <= day <= high:
        reason = f"outside {low}..{high}; korpol reads news published from 1800 to 2199"
        raise ValidationError("published", day.isoformat(), reason)
    return day


def _iso_day(text: str) -> dt.date:
    value = text.strip()
    if re.fullmatch(r"\d{8}", value):
        suggestion = f"{value[:4]}-{value[4:6]}-{value[6:]}"
        raise ValidationError("published", text, f"write the date as YYYY-MM-DD ({suggestion})")
    if _ISO_DATE.fullmatch(value):
        try:
            return isoparse(value).date()
        except (ValueError, OverflowError):
            pass
    # (the message is the one the documentation shows; a time and zone may follow the date)
    raise ValidationError("published", text, "not an ISO date (YYYY-MM-DD)")
