"""``parse()``: one article in, one :class:`~korpol.Document` out.

This module checks the arguments (clear errors for wrong types), decodes
bytes, and hands the text to the record stage.  It never raises on a ``str``:
an unexpected failure inside extraction is recorded in ``Document.errors``
so that a batch over years of scraped news never loses a document.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from korpol._cues import DEFAULT_CUES, Cues
from korpol._errors import InputTypeError, ValidationError
from korpol._model import Document

__all__ = ["check_published", "parse"]

_log = logging.getLogger("korpol")


def check_published(published: Any) -> dt.date | None:
    """``published`` as a date, or a clear error.

    Accepts a :class:`datetime.date`, a naive :class:`datetime.datetime` (its
    date is used) or an ISO ``YYYY-MM-DD`` string.

    >>> check_published("2024-10-24")
    datetime.date(2024, 10, 24)
    >>> check_published("last Tuesday")
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: published: 'last Tuesday' is not valid: not an ISO date (YYYY-MM-DD)
    """
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        if published.tzinfo is not None:
            raise ValidationError(
                "published",
                published,
                "give a date (or a naive datetime); a datetime with a time zone is ambiguous",
            )
        return published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):
        try:
            return dt.date.fromisoformat(published.strip())
        except ValueError:
            raise ValidationError("published", published, "not an ISO date (YYYY-MM-DD)") from None
    raise InputTypeError("published", published, "a datetime.date, an ISO date string or None")


def _check_str(name: str, value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise InputTypeError(name, value, "str or None")


def parse(
    text: str | bytes,
    *,
    published: dt.date | str | None = None,
    id: str | None = None,
    title: str | None = None,
    source: str | None = None,
    cues: Cues | None = None,
) -> Document:
    """Parse one article into a :class:`Document` of typed, sourced records.

    ``published`` is the date relative expressions ("last year", "on
    Wednesday") resolve against; without it they stay unresolved.  ``text``
    may be ``bytes`` in any common encoding (UTF-8, UTF-16 with BOM, CP949,
    CP1252); mojibake is repaired, and every :class:`Evidence` quotes the
    decoded input exactly.  ``cues`` replaces the cue-word tables the record
    rules read (build one with ``korpol.Cues().extend(...)``).

    >>> doc = parse("Poland agreed to buy 180 K2 tanks from South Korea for $3.4 billion in 2022.")
    >>> deal = doc.arms_deals[0]
    >>> (deal.supplier.code, deal.recipient.code, str(deal.value), deal.status)
    ('KR', 'PL', 'USD 3,400,000,000', 'signed')
    >>> parse(42)
    Traceback (most recent call last):
    ...
    korpol._errors.InputTypeError: text: expected str or bytes, got int (42)
    """
    day = check_published(published)
    doc_id = _check_str("id", id)
    title = _check_str("title", title)
    source = _check_str("source", source)
    encoding: str | None = None
    if isinstance(text, bytes | bytearray | memoryview):
        from korpol._text import decode

        text, encoding = decode(bytes(text))
    elif not isinstance(text, str):
        raise InputTypeError("text", text, "str or bytes")
    if cues is not None and not isinstance(cues, Cues):
        raise InputTypeError("cues", cues, "a korpol.Cues or None")
    from korpol._records import extract

    try:
        return extract(
            text,
            published=day,
            doc_id=doc_id,
            title=title,
            source=source,
            encoding=encoding,
            cues=cues or DEFAULT_CUES,
        )
    except Exception as exc:  # a bug in korpol must not cost the caller the document: it is kept, with why
        message = f"extraction failed: {type(exc).__name__}: {exc}"
        _log.warning("%s (document %s); its records are empty", message, doc_id or "without id")
        return Document(
            id=doc_id,
            published=day,
            title=title,
            source=source,
            text=text,
            encoding=encoding,
            errors=(message,),
        )
