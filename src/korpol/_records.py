"""Rules that build records from sentences (stub: no records yet)."""

from __future__ import annotations

import datetime as dt

from korpol._model import Document

__all__ = ["extract"]


def extract(
    text: str,
    *,
    published: dt.date | None,
    doc_id: str | None,
    title: str | None,
    source: str | None,
    encoding: str | None,
) -> Document:
    """Build the Document for ``text`` (stub)."""
    return Document(id=doc_id, published=published, title=title, source=source, text=text, encoding=encoding)
