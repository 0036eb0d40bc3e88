"""Articles as analysts hold them: rows of a DataFrame, a CSV or JSON Lines export, a list of dicts.

Why this module exists: news APIs and scrapers hand over *rows* (url, date, title, text), and
every source names its columns differently (``publishedAt``, ``date``, ``pub_date``; ``body``,
``content``).  A :class:`ColumnMap` says which column holds what, once; :func:`article_rows`
turns any rows into ``(text, metadata)`` items for :func:`korpol.parse`, checking the columns
first and reporting the mapping back when one is missing.  The readers here know nothing of
the corpus (which calls them): they read rows and hand back plain items.

>>> rows = [{"body": "Poland ordered tanks.", "date": "2025-08-01T09:30:00Z", "link": "https://x.test/1"}]
>>> [(text, meta["published"], meta["source"]) for text, meta in article_rows(rows, ColumnMap(
...     text="body", url="link"), origin="rows")]
[('Poland ordered tanks.', '2025-08-01T09:30:00Z', 'https://x.test/1')]
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from korpol._errors import InputTypeError, ValidationError

__all__ = [
    "ColumnMap",
    "article_rows",
    "csv_rows",
    "dataframe_rows",
    "is_dataframe",
    "jsonl_rows",
]

#: The longest CSV cell read (csv's default limit, 128 KiB, is less than a long article).
CSV_FIELD_LIMIT = 64 * 1024 * 1024


def _opt_name(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not (isinstance(value, str) and value):
        raise InputTypeError(attribute.name, value, "a column name (str) or None")


@attrs.frozen
class ColumnMap:
    """Which column of a row holds each part of an article.

    ``text`` is required; ``published``, ``id``, ``title`` and ``url`` may be
    ``None`` (not in the data).  A name with dots (``"source.name"``) reaches
    into a nested JSON object when no column has that exact name.

    >>> ColumnMap(text="content", published="publishedAt").describe()
    "text='content', published='publishedAt', id=None, title=None, url=None"
    """

    text: str = attrs.field(default="text", validator=_opt_name)
    published: str | None = attrs.field(default="date", validator=_opt_name)
    id: str | None = attrs.field(default=None, validator=_opt_name)
    title: str | None = attrs.field(default=None, validator=_opt_name)
    url: str | None = attrs.field(default=None, validator=_opt_name)

    def __attrs_post_init__(self) -> None:
        if self.text is None:
            raise InputTypeError("text", None, "the name of the column that holds the article text")

    def describe(self) -> str:
        """The mapping as the keyword arguments that give it."""
        return ", ".join(f"{field.name}={getattr(self, field.name)!r}" for field in attrs.fields(ColumnMap))

    def used(self) -> dict[str, str]:
        """{part: column} for every part the data is said to have."""
        return {f.name: getattr(self, f.name) for f in attrs.fields(ColumnMap) if getattr(self, f.name)}


def _missing(value: Any) -> bool:
    """None, NaN and pandas' NA/NaT: a cell with nothing in it."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        return bool(value != value)  # NaT and NA are unequal to themselves
    except (TypeError, ValueError):  # pandas.NA refuses bool(): it is missing
        return True


def _lookup(row: Mapping[str, Any], column: str) -> tuple[bool, Any]:
    """(found, value) of ``column`` in ``row``; dots reach into nested objects."""
    if column in row:
        return True, row[column]
    if "." in column:
        node: Any = row
        for part in column.split("."):
            if not isinstance(node, Mapping) or part not in node:
                return False, None
            node = node[part]
        return True, node
    return False, None


def _columns_of(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(str(key) for key in row))
    return list(seen)


def _check_columns(rows: Sequence[Mapping[str, Any]], columns: ColumnMap, origin: str) -> None:
    """Every mapped column must be found in some row, else an error that reports the mapping."""
    for part, column in columns.used().items():
        if not any(_lookup(row, column)[0] for row in rows):
            available = _columns_of(rows)
            shown = ", ".join(repr(c) for c in available[:20]) + (" ..." if len(available) > 20 else "")
            hint = f"pass {part}='<column>'" + (" or None" if part != "text" else "")
            raise ValidationError(
                part,
                column,
                f"no such column in {origin} (its columns: {shown or 'none'}); "
                f"the mapping was {columns.describe()}; {hint}",
            )


def _cell_text(value: Any, part: str, where: str) -> str | None:
    if _missing(value):
        return None
    if isinstance(value, str):
        return value
    if part == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise InputTypeError(f"{part} ({where})", value, "a str or an empty cell")


def article_rows(
    rows: Iterable[Mapping[str, Any]], columns: ColumnMap, *, origin: str
) -> list[tuple[str | bytes, dict[str, Any]]]:
    """Each row as ``(text, {id, published, title, source})`` for :func:`korpol.parse`.

    ``origin`` names the data in errors (a file name, ``"the DataFrame"``).  A
    row without an id gets ``row-<n>`` (counted from 1); the url becomes the
    document's ``source``; an empty cell (None, NaN, NaT) is a missing value.
    A row without text, a mapped column found in no row, or a row that is not
    a mapping raises an error naming the row.
    """
    items = list(rows)
    for n, row in enumerate(items, start=1):
        if not isinstance(row, Mapping):
            raise InputTypeError(f"row {n} of {origin}", row, "a mapping of column names to values")
    _check_columns(items, columns, origin)
    out: list[tuple[str | bytes, dict[str, Any]]] = []
    for n, row in enumerate(items, start=1):
        where = f"row {n} of {origin}"
        text = _lookup(row, columns.text)[1]
        doc_id = _cell_text(_lookup(row, columns.id)[1], "id", where) if columns.id else None
        if _missing(text) or not isinstance(text, str | bytes):
            shown = f"{where}" + (f" (id {doc_id!r})" if doc_id else "")
            reason = f"{shown} has no article text in column {columns.text!r}"
            raise ValidationError("text", None if _missing(text) else text, reason)
        published = _lookup(row, columns.published)[1] if columns.published else None
        meta: dict[str, Any] = {
            "id": doc_id or f"row-{n}",
            "published": None if _missing(published) else published,
            "title": _cell_text(_lookup(row, columns.title)[1], "title", where) if columns.title else None,
            "source": _cell_text(_lookup(row, columns.url)[1], "url", where) if columns.url else None,
        }
        out.append((text, meta))
    return out


# ---------------------------------------------------------------- where rows come from


def is_dataframe(value: Any) -> bool:
    """Whether ``value`` is a pandas DataFrame (checked without importing pandas)."""
    return any(
        cls.__name__ == "DataFrame" and cls.__module__.startswith("pandas") for cls in type(value).__mro__
    )


def dataframe_rows(frame: Any) -> list[dict[str, Any]]:
    """The rows of a pandas DataFrame as dicts (column name -> cell)."""
    if not is_dataframe(frame):
        raise InputTypeError("df", frame, "a pandas.DataFrame")
    names = [str(name) for name in frame.columns]
    return [dict(zip(names, values, strict=True)) for values in frame.itertuples(index=False, name=None)]


def jsonl_rows(path: str | Path) -> list[dict[str, Any]]:
    """The objects of a JSON Lines file (one per non-blank line); errors name the line."""
    source = Path(path)
    rows: list[dict[str, Any]] = []
    with _open_text(source) as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except (ValueError, RecursionError) as exc:
                reason = f"not JSON: {exc}" if isinstance(exc, ValueError) else "nested too deeply"
                raise ValidationError(f"{source.name} line {number}", line[:60], reason) from None
            if not isinstance(value, dict):
                reason = "each line must hold an object"
                raise ValidationError(f"{source.name} line {number}", line[:60], reason)
            rows.append(value)
    return rows


def csv_rows(path: str | Path, *, delimiter: str | None = None) -> list[dict[str, Any]]:
    """The rows of a CSV file with a header line (``.tsv``: tab-separated); empty cells are missing."""
    source = Path(path)
    sep = delimiter or ("\t" if source.suffix.lower() == ".tsv" else ",")
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, CSV_FIELD_LIMIT))  # (restored below: the limit is process-wide)
    try:
        with _open_text(source, newline="") as fh:
            reader = csv.DictReader(fh, delimiter=sep)
            try:
                return [
                    {k: (v if v != "" else None) for k, v in row.items() if k is not None}
                    for row in reader
                ]
            except csv.Error as exc:
                where = f"{source.name} line {reader.line_num}"
                raise ValidationError(where, sep, f"not CSV: {exc}") from None
    finally:
        csv.field_size_limit(limit)


class _open_text:  # noqa: N801 - used like open()
    """``open(path)`` as UTF-8 text (a BOM is skipped) with errors that name the file."""

    def __init__(self, path: Path, newline: str | None = None) -> None:
        self.path = path
        self.newline = newline

    def __enter__(self) -> Any:
        if not self.path.is_file():
            raise FileNotFoundError(f"no such file: {self.path}")
        self.fh = self.path.open(encoding="utf-8-sig", newline=self.newline)
        return _Lines(self.fh, self.path)

    def __exit__(self, *exc: object) -> None:
        self.fh.close()


class _Lines:
    """A text file's lines; a byte that is not UTF-8 becomes an error naming the file."""

    def __init__(self, fh: Any, path: Path) -> None:
        self.fh = fh
        self.path = path

    def __iter__(self) -> Iterator[str]:
        try:
            yield from self.fh
        except UnicodeDecodeError as exc:
            bad = exc.object[exc.start : exc.start + 8]
            raise ValidationError(str(self.path), bad, "not UTF-8 text") from None
