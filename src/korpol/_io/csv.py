"""CSV files: one file per record type, merged across articles, plus every article's report.

Why this module exists: a spreadsheet is where most analysts start.  Cells are plain text a
spreadsheet cannot misread: exact decimal strings (``6500000000``, never ``6.5e9``), ISO
dates, ``true``/``false``, an empty cell for a missing value (``docs/exports.md``).  And text
a spreadsheet would *run* -- a title, a sentence or a file name starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return -- is written with a leading ``'``, as OWASP
recommends against CSV injection (:func:`spreadsheet_safe`); numbers stay numbers.  The six
files are one set: they are replaced together or not at all (:func:`~korpol._io.atomic.atomic_set`).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from korpol._errors import ValidationError
from korpol._io.atomic import PathLike, atomic_set
from korpol._io.columns import (
    AGGREGATES,
    AGREEMENTS,
    AID,
    DEALS,
    DOCUMENTS,
    LEADERS,
    REPORTS,
    Table,
    report_lines,
)
from korpol._io.jsonl import SURROGATES_AS_REPLACEMENT
from korpol._model import Aggregate, Document, Leader
from korpol._model.merged import MergedAgreement, MergedAidPackage, MergedArmsDeal

__all__ = ["FORMULA_STARTS", "spreadsheet_safe", "write_csv"]

#: The first characters that make Excel, LibreOffice or Google Sheets read a cell as a formula
#: (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)*|[.,]\d+)(?:[eE][+-]?\d+)?%?")


def spreadsheet_safe(text: str) -> str:
    """``text`` as a spreadsheet shows it without running it: a ``'`` before a formula start.

    Text beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
    ``'``, which spreadsheets read as "this is text" (OWASP); a number such as ``-5`` or
    ``+1.5`` is left as it is, and so is any other text.

    >>> spreadsheet_safe('=HYPERLINK("http://x.example","click")')
    '\\'=HYPERLINK("http://x.example","click")'
    >>> spreadsheet_safe("-5"), spreadsheet_safe("- a dash"), spreadsheet_safe("Seoul")
    ('-5', "'- a dash", 'Seoul')
    """
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def _cell(value: Any) -> str:
    """A CSV cell: plain decimal strings, ISO dates, 'true'/'false', '' for missing, safe text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    return spreadsheet_safe(str(value))


def _write_rows(path: Path, table: Table[Any], rows: Iterable[Mapping[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", errors=SURROGATES_AS_REPLACEMENT, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(table.names)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in table.names])


def write_csv(
    documents: Iterable[Document],
    directory: PathLike,
    *,
    deals: Sequence[MergedArmsDeal],
    aid: Sequence[MergedAidPackage],
    agreements: Sequence[MergedAgreement],
    leaders: Sequence[Leader],
    aggregates: Sequence[Aggregate] = (),
) -> list[Path]:
    """Write ``documents.csv``, ``arms_deals.csv``, ``aid_packages.csv``, ``agreements.csv``,
    ``leaders.csv``, ``reports.csv`` and ``aggregates.csv`` into ``directory`` (created if
    missing).

    Deals, aid and agreements are the records merged across articles (one row
    per event); ``reports.csv`` has one row per article's evidence for each;
    ``aggregates.csv`` one row per recap total an article states.
    Amounts are plain decimal strings; lists are joined with ``"; "``.  The seven
    files replace the folder's previous set together: a reader never finds old
    and new files side by side (:func:`~korpol._io.atomic.atomic_set`).
    """
    out = Path(directory)
    if out.exists() and not out.is_dir():
        raise ValidationError("directory", str(directory), "is a file: give the folder for the CSV files")
    out.mkdir(parents=True, exist_ok=True)
    tables: list[tuple[Table[Any], Iterable[Mapping[str, Any]]]] = [
        (DOCUMENTS, DOCUMENTS.rows(documents)),
        (DEALS, DEALS.rows(deals)),
        (AID, AID.rows(aid)),
        (AGREEMENTS, AGREEMENTS.rows(agreements)),
        (LEADERS, LEADERS.rows(leaders)),
        (AGGREGATES, AGGREGATES.rows(aggregates)),
        # last: the file that joins the others is renamed in last and removed first
        (REPORTS, REPORTS.rows(report_lines([*deals, *aid, *agreements]))),
    ]
    names = [f"{table.name}.csv" for table, _ in tables]
    with atomic_set(out, names) as temps:
        for (table, rows), name in zip(tables, names, strict=True):
            _write_rows(temps[name], table, rows)
    return [out / name for name in names]
