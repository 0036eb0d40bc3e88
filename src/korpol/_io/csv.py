"""CSV files: one file per record type, merged across articles, plus every article's report.

Why this module exists: a spreadsheet is where most analysts start.  Cells are plain text a
spreadsheet cannot misread: exact decimal strings (``6500000000``, never ``6.5e9``), ISO
dates, ``true``/``false``, an empty cell for a missing value (``docs/exports.md``).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from korpol._io.atomic import PathLike, atomic_path
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
from korpol._model import Aggregate, Document, Leader
from korpol._model.merged import MergedAgreement, MergedAidPackage, MergedArmsDeal

__all__ = ["write_csv"]


def _cell(value: Any) -> str:
    """A CSV cell: plain decimal strings, ISO dates, 'true'/'false', '' for missing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _write_csv(directory: Path, table: Table[Any], rows: Iterable[Mapping[str, Any]]) -> Path:
    path = directory / f"{table.name}.csv"
    with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(table.names)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in table.names])
    return path


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
    Amounts are plain decimal strings; lists are joined with ``"; "``.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    return [
        _write_csv(out, DOCUMENTS, DOCUMENTS.rows(documents)),
        _write_csv(out, DEALS, DEALS.rows(deals)),
        _write_csv(out, AID, AID.rows(aid)),
        _write_csv(out, AGREEMENTS, AGREEMENTS.rows(agreements)),
        _write_csv(out, LEADERS, LEADERS.rows(leaders)),
        _write_csv(out, REPORTS, REPORTS.rows(report_lines([*deals, *aid, *agreements]))),
        _write_csv(out, AGGREGATES, AGGREGATES.rows(aggregates)),
    ]
