"""A user data directory: reference tables an analyst extends without editing the installed package.

Why this module exists: analysts add a minister, a company or a weapon system.  They put a
file of the same name and columns as a bundled table (``offices.tsv``, ``companies.tsv``,
``systems.tsv`` ... see :data:`EXTENDABLE`) in a folder of their own and name that folder
with :func:`korpol.use_data_dir` or the environment variable ``KORPOL_DATA_DIR``.  Their rows
are merged over the bundled ones — a row with the same key (:data:`EXTENDABLE`) replaces the
bundled row, any other row is added — and the merged tables are checked with the same
integrity checks the bundled data passes (:func:`check_tables`); a problem raises
:class:`ReferenceDataError` naming the file and the line.

The reference tables are read once per process, lazily, and every scanner compiles its
gazetteer from them; so the directory is chosen once, before the first table it extends is
read (a later change is an error that says so).  Worker processes of a batch inherit the
choice through the environment variable.
"""

from __future__ import annotations

import datetime
import itertools
import os
import re
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path

import attrs

from korpol._errors import InputTypeError, KorpolError

__all__ = [
    "DATA_DIR_ENV",
    "EXTENDABLE",
    "Origin",
    "ReferenceDataError",
    "Row",
    "bundled_rows",
    "check_tables",
    "data_date",
    "data_dir",
    "load_tables",
    "merged_rows",
    "parse_rows",
    "use_data_dir",
]

#: The environment variable that names the user data directory.
DATA_DIR_ENV = "KORPOL_DATA_DIR"

#: The tables a user data directory may extend, and the columns that are a row's key: a user
#: row with the key of a bundled row replaces it (an office term is one person in one office
#: from one day; a company, a weapon system, an organisation by its name or code).
EXTENDABLE: Mapping[str, tuple[str, ...]] = {
    "offices.tsv": ("name", "role", "party", "term_start"),
    "companies.tsv": ("name",),
    "systems.tsv": ("designation",),
    "system_categories.tsv": ("name",),
    "organizations.tsv": ("code",),
    "roles.tsv": ("title",),
    "agencies.tsv": ("name",),
}

_DATA_DATE = re.compile(r"#\s*Data date:\s*(\d{4}-\d{2}-\d{2})", re.IGNORECASE)


class ReferenceDataError(KorpolError, ValueError):
    """A user's reference table (or the merge of it with the bundled data) fails a check.

    ``where`` names the file and line; the message says what is wrong and what is accepted.

    >>> str(ReferenceDataError("/data/offices.tsv line 9", "term_end 2020-01-01 is before term_start"))
    '/data/offices.tsv line 9: term_end 2020-01-01 is before term_start'
    """

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(f"{where}: {reason}")


@attrs.frozen
class Origin:
    """Where a row was read: a file and its line number."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file} line {self.line}"


@attrs.frozen
class Row:
    """One row of a table (column -> cell) and where it was read."""

    cells: dict[str, str]
    origin: Origin


def parse_rows(text: str, file: str) -> tuple[list[str], list[Row], datetime.date | None]:
    """(header, rows, data date) of a tab-separated table; ``#`` lines are notes.

    A ``# Data date: YYYY-MM-DD`` note says up to when the file is current.
    """
    header: list[str] | None = None
    rows: list[Row] = []
    date: datetime.date | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("#"):
            m = _DATA_DATE.match(line)
            if m:
                date = datetime.date.fromisoformat(m.group(1))
            continue
        if not line:
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append(Row(dict(zip(header, cells, strict=False)), Origin(file, number)))
    return header or [], rows, date


def bundled_rows(name: str) -> tuple[list[str], list[Row], datetime.date | None]:
    """The bundled table ``name`` of ``korpol/data``."""
    text = resources.files("korpol").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return parse_rows(text, name)


# ---------------------------------------------------------------- the directory, chosen once


class _Choice:
    """The user data directory of this process, and whether an extendable table was read yet.

    (Process-wide by nature: the reference tables are read once per process.)
    """

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.path: Path | None = None
        self.chosen = False
        self.read = False
        self.merged: dict[str, tuple[list[Row], datetime.date | None]] | None = None

    def resolve(self) -> Path | None:
        with self.lock:
            if not self.chosen:
                env = os.environ.get(DATA_DIR_ENV, "").strip()
                self.path = _check_dir(Path(env), f"{DATA_DIR_ENV}={env}") if env else None
                self.chosen = True
            return self.path


_CHOICE = _Choice()


def _check_dir(path: Path, what: str) -> Path:
    if not path.is_dir():
        raise ReferenceDataError(what, "not a directory")
    unknown = sorted(p.name for p in path.iterdir() if p.suffix == ".tsv" and p.name not in EXTENDABLE)
    if unknown:
        raise ReferenceDataError(
            str(path / unknown[0]),
            f"korpol does not read a user version of this table; it reads {', '.join(EXTENDABLE)}",
        )
    return path.resolve()


def data_dir() -> Path | None:
    """The user data directory in use (``None``: the bundled tables only).

    >>> data_dir() is None or data_dir().is_dir()
    True
    """
    return _CHOICE.resolve()


def use_data_dir(path: str | os.PathLike[str] | None) -> list[Path]:
    """Merge the reference tables in ``path`` over the bundled ones, checked; return the files read.

    Call it before the first parse (or set the environment variable ``KORPOL_DATA_DIR``):
    the tables are read once per process, so changing the directory after a table it
    extends was read raises :class:`ReferenceDataError`.  The variable is set too, so that
    worker processes started afterwards read the same tables.  ``None`` goes back to the
    bundled tables (before the first read).  Every file is checked at once; a problem
    raises :class:`ReferenceDataError` naming the file and line.

    .. versionadded:: 0.2.0

    >>> import pathlib, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (pathlib.Path(tmp) / "notes.tsv").write_text("a\\tb\\n", encoding="utf-8")
    ...     use_data_dir(tmp)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    korpol._datadir.ReferenceDataError: .../notes.tsv: korpol does not read a user version of this table; ...
    """
    if path is not None and not isinstance(path, str | os.PathLike):
        raise InputTypeError("path", path, "a directory path (str or os.PathLike) or None")
    new = None if path is None else _check_dir(Path(path), str(path))
    merged = load_tables(new)  # every file checked now, not at the first parse
    with _CHOICE.lock:
        current = _CHOICE.resolve()
        if _CHOICE.read and new != current:
            raise ReferenceDataError(
                str(path),
                f"the reference tables were already read (from {current or 'the bundled data only'}); "
                f"choose the data directory before the first parse, or set {DATA_DIR_ENV}",
            )
        _CHOICE.path, _CHOICE.merged = new, merged
    if new is None:
        os.environ.pop(DATA_DIR_ENV, None)
    else:
        os.environ[DATA_DIR_ENV] = str(new)
    return [] if new is None else sorted(new / name for name in EXTENDABLE if (new / name).is_file())


# ---------------------------------------------------------------- merging


def _merge(name: str, directory: Path | None) -> tuple[list[Row], datetime.date | None, datetime.date | None]:
    """(rows, bundled data date, user data date) of one table, the user's rows merged over the bundled."""
    header, rows, bundled_date = bundled_rows(name)
    user_file = None if directory is None else directory / name
    if user_file is None or not user_file.is_file():
        return rows, bundled_date, None
    try:
        text = user_file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        reason = f"not UTF-8 text ({exc.reason} at byte {exc.start})"
        raise ReferenceDataError(str(user_file), reason) from None
    user_header, user_rows, user_date = parse_rows(text, str(user_file))
    if not user_header:
        return rows, bundled_date, user_date
    missing = [c for c in EXTENDABLE[name] if c not in user_header]
    extra = [c for c in user_header if c not in header]
    if missing or extra:
        raise ReferenceDataError(
            f"{user_file} line {_header_line(text)}",
            f"the columns are {', '.join(header)} (as in korpol's {name}); "
            + (f"missing {', '.join(missing)}" if missing else f"unknown {', '.join(extra)}"),
        )
    key = EXTENDABLE[name]
    position = {tuple(r.cells[c] for c in key): i for i, r in enumerate(rows)}
    merged = list(rows)
    for row in user_rows:
        width = len(text.splitlines()[row.origin.line - 1].split("\t"))
        if width > len(user_header):
            raise _bad(row, f"{width} cells, but the header names {len(user_header)}")
        full = Row({c: row.cells.get(c, "") for c in header}, row.origin)
        at = position.get(tuple(full.cells[c] for c in key))
        if at is None:
            position[tuple(full.cells[c] for c in key)] = len(merged)
            merged.append(full)
        else:
            merged[at] = full
    return merged, bundled_date, user_date


def _header_line(text: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if line and not line.startswith("#"))


def load_tables(directory: Path | None) -> dict[str, tuple[list[Row], datetime.date | None]]:
    """Every extendable table with the rows of ``directory`` merged in, checked when there are any.

    (What :func:`use_data_dir` and the first read do; it changes nothing of the process.)
    The rows of ``offices.tsv`` get an ``as_of`` cell: the data date of their own file.
    """
    out: dict[str, tuple[list[Row], datetime.date | None]] = {}
    for name in EXTENDABLE:
        rows, bundled_date, user_date = _merge(name, directory)
        out[name] = (rows, bundled_date)
        if name == "offices.tsv":
            for row in rows:
                stated = user_date if row.origin.file != name else bundled_date
                row.cells["as_of"] = "" if stated is None else stated.isoformat()
    if directory is not None:
        check_tables({name: rows for name, (rows, _) in out.items()})
    return out


def _merge_all() -> dict[str, tuple[list[Row], datetime.date | None]]:
    return load_tables(_CHOICE.path)


def merged_rows(name: str) -> list[dict[str, str]] | None:
    """The rows of an extendable table, the user's merged in and checked; ``None`` for other tables."""
    if name not in EXTENDABLE:
        return None
    with _CHOICE.lock:
        _CHOICE.resolve()
        if _CHOICE.merged is None:
            _CHOICE.merged = _merge_all()
        _CHOICE.read = True
        rows = _CHOICE.merged[name][0]
    return [dict(row.cells) for row in rows]


def data_date(name: str = "offices.tsv") -> datetime.date | None:
    """The date up to which the bundled table ``name`` is current (its ``# Data date:`` note).

    >>> data_date()
    datetime.date(2025, 10, 31)
    """
    return bundled_rows(name)[2]


# ---------------------------------------------------------------- the integrity checks


def _bad(row: Row, reason: str) -> ReferenceDataError:
    return ReferenceDataError(str(row.origin), reason)


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _items(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(";") if item.strip()]


def _country_codes() -> set[str]:
    return {row.cells["code"] for row in bundled_rows("countries.tsv")[1]}


def _iso(row: Row, column: str, *, required: bool) -> datetime.date | None:
    cell = row.cells.get(column, "")
    if not cell:
        if required:
            raise _bad(row, f"{column} is empty; write the date as YYYY-MM-DD")
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell):
        raise _bad(row, f"{column} {cell!r} is not a date YYYY-MM-DD")
    try:
        return datetime.date.fromisoformat(cell)
    except ValueError:
        raise _bad(row, f"{column} {cell!r} is not a date of the calendar") from None


def _unique(rows: Iterable[Row], names: Callable[[Row], Iterable[str]], what: str, owner: str) -> None:
    """Each name (case-insensitively) belongs to one ``owner`` (a person may have several rows)."""
    seen: dict[str, Row] = {}
    for row in rows:
        for name in names(row):
            first = seen.setdefault(_fold(name), row)
            if first.cells[owner] != row.cells[owner]:
                raise _bad(
                    row, f"{what} {name!r} already names {first.cells[owner]!r} ({first.origin})"
                )


def _whitespace(rows: Iterable[Row]) -> None:
    for row in rows:
        for column, cell in row.cells.items():
            if column in ("note", "as_of"):
                continue
            for item in cell.split(";"):
                if item != item.strip() or "  " in item:
                    raise _bad(row, f"{column} {cell!r} has stray spaces")


def _lower(row: Row, *columns: str) -> None:
    for column in columns:
        cell = row.cells.get(column, "")
        if cell != cell.lower():
            raise _bad(row, f"{column} {cell!r} must be lower-case ({cell.lower()!r})")


def check_tables(tables: Mapping[str, Sequence[Row]]) -> None:
    """The integrity checks every reference table passes, bundled or merged with a user's.

    Raises :class:`ReferenceDataError` naming the file and line of the first row that fails.
    The bundled tables pass them (a test runs them); a user's rows are checked together with
    the bundled ones, so that a new minister's term cannot overlap a bundled one.
    """
    countries = _country_codes()
    organizations = tables["organizations.tsv"]
    org_codes = {row.cells["code"] for row in organizations}
    for rows in tables.values():
        _whitespace(rows)
    for row in organizations:
        code = row.cells["code"]
        if not (code and code.replace("-", "").isalnum() and code == code.upper()):
            raise _bad(row, f"code {code!r} must be upper-case letters and digits")
        if code in countries:
            raise _bad(row, f"code {code!r} is a country's ISO code")
        bad = [m for m in _items(row.cells["members"]) if m not in countries]
        if bad:
            raise _bad(row, f"members {', '.join(bad)} are not ISO country codes")
    _unique(organizations, lambda r: [r.cells["code"], r.cells["name"]], "code or name", "code")
    parties = countries | org_codes
    _check_offices(tables["offices.tsv"], parties)
    companies = tables["companies.tsv"]
    for row in companies:
        if row.cells["country"] not in countries:
            raise _bad(row, f"country {row.cells['country']!r} is not an ISO country code")
        bad = [c for c in _items(row.cells.get("plants", "")) if c not in countries]
        if bad:
            raise _bad(row, f"plants {', '.join(bad)} are not ISO country codes")
    _unique(companies, lambda r: [r.cells["name"], *_items(r.cells["aliases"])], "company name", "name")
    _check_systems(tables["systems.tsv"], tables["system_categories.tsv"], companies, countries)
    roles = tables["roles.tsv"]
    for row in roles:
        _lower(row, "title", "role")
        bad = [p for p in _items(row.cells["parties"]) if p not in parties]
        if bad:
            raise _bad(row, f"parties {', '.join(bad)} are not country or organisation codes")
    _unique(roles, lambda r: [r.cells["title"]], "title", "role")
    for row in tables["agencies.tsv"]:
        _lower(row, "name")
        if not row.cells["name"].startswith("the "):
            raise _bad(row, f"name {row.cells['name']!r} must start with 'the '")
        if row.cells["acronym"] != row.cells["acronym"].upper():
            raise _bad(row, f"acronym {row.cells['acronym']!r} must be in capitals")
        if row.cells["country"] not in countries:
            raise _bad(row, f"country {row.cells['country']!r} is not an ISO country code")
    _unique(tables["agencies.tsv"], lambda r: [r.cells["name"]], "agency", "country")


def _check_offices(rows: Sequence[Row], parties: set[str]) -> None:
    terms: dict[tuple[str, str, str], list[tuple[datetime.date, datetime.date, Row]]] = {}
    for row in rows:
        cells = row.cells
        if not cells["name"].strip():
            raise _bad(row, "name is empty")
        if cells["party"] not in parties:
            raise _bad(row, f"party {cells['party']!r} is not a country or organisation code")
        _lower(row, "role", "function")
        if cells["surname"] not in cells["name"]:
            raise _bad(row, f"surname {cells['surname']!r} is not part of {cells['name']!r}")
        start = _iso(row, "term_start", required=True)
        end = _iso(row, "term_end", required=False)
        assert start is not None
        if end is not None and end < start:
            raise _bad(row, f"term_end {end} is before term_start {start}")
        terms.setdefault((cells["role"], cells["function"], cells["party"]), []).append(
            (start, end or datetime.date.max, row)
        )
    for office, held in terms.items():
        held.sort(key=lambda t: (t[0], t[1]))
        for (_, prev_end, prev), (start, _, row) in itertools.pairwise(held):
            # a hand-over happens on one day: the outgoing and incoming holder share it at most
            if start < prev_end:
                raise ReferenceDataError(
                    str(row.origin),
                    f"the term of {row.cells['name']} as {office[0]} of {office[2]} from {start} overlaps "
                    f"that of {prev.cells['name']} ({prev.origin}); give the earlier term its term_end",
                )
    _unique(rows, lambda r: [r.cells["name"], *_items(r.cells["aliases"])], "name", "name")


def _check_systems(
    rows: Sequence[Row], categories: Sequence[Row], companies: Sequence[Row], countries: set[str]
) -> None:
    for row in categories:
        forms = _items(row.cells["forms"])
        if row.cells["name"] not in forms or row.cells["category"] not in forms:
            raise _bad(row, "forms must include the name and the category")
    _unique(categories, lambda r: _items(r.cells["forms"]), "form", "name")
    category_keys = {row.cells["category"] for row in categories}
    designations = {row.cells["designation"] for row in rows}
    makers = {row.cells["name"] for row in companies}
    for row in rows:
        cells = row.cells
        if cells["maker"] and cells["maker"] not in makers:
            raise _bad(row, f"maker {cells['maker']!r} is not a name in companies.tsv")
        if cells["family"] and cells["family"] not in designations:
            raise _bad(row, f"family {cells['family']!r} is not a designation")
        if cells["category"] not in category_keys:
            raise _bad(
                row, f"category {cells['category']!r} is not a category of system_categories.tsv"
            )
        if cells["country"] and cells["country"] not in countries:
            raise _bad(row, f"country {cells['country']!r} is not an ISO country code")
        if cells.get("buyer") and cells["buyer"] not in countries:
            raise _bad(row, f"buyer {cells['buyer']!r} is not an ISO country code")
        names = {cells["designation"], *_items(cells["aliases"])}
        if not set(_items(cells.get("context_aliases", ""))) <= names:
            raise _bad(row, "context_aliases must be the designation or its aliases")
    _unique(rows, _system_names, "system name", "designation")


def _system_names(row: Row) -> list[str]:
    return [row.cells["designation"], *_items(row.cells["aliases"])]
