"""Defence companies, weapon systems and system categories (``data/companies.tsv``,
``data/systems.tsv``, ``data/system_categories.tsv``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

import attrs

from korpol._errors import UnknownEntityError, check_str
from korpol._model.base import str_tuple
from korpol._tables import fold, once, read_table, split_cell, suggest

__all__ = [
    "Company",
    "SystemCategory",
    "WeaponSystem",
    "companies",
    "get_company",
    "get_weapon_system",
    "lookup_company",
    "lookup_weapon_system",
    "system_categories",
    "weapon_systems",
]

T = TypeVar("T")


@attrs.frozen
class Company:
    """A defence manufacturer: ``name`` is canonical; ``aliases`` are other names and subsidiaries' names.

    >>> lookup_company("KAI").name
    'Korea Aerospace Industries'
    """

    name: str
    aliases: tuple[str, ...] = attrs.field(converter=str_tuple)
    country_code: str
    note: str = ""


@once
def _companies() -> tuple[Company, ...]:
    return tuple(
        Company(
            name=row["name"],
            aliases=split_cell(row["aliases"]),
            country_code=row["country"],
            note=row["note"],
        )
        for row in read_table("companies.tsv")
    )


def _name_index(items: Iterable[T], names: Callable[[T], Iterable[str]]) -> dict[str, T]:
    index: dict[str, T] = {}
    for item in items:
        for name in names(item):
            index.setdefault(fold(name), item)
    return index


@once
def _company_index() -> dict[str, Company]:
    return _name_index(_companies(), lambda c: (c.name, *c.aliases))


def companies() -> tuple[Company, ...]:
    """Every company in the data, in file order."""
    return _companies()


def get_company(value: str) -> Company | None:
    """The company with this name or alias (case-insensitive); ``None`` if unknown.

    >>> get_company("Hanwha Defense").name
    'Hanwha Aerospace'
    """
    return _company_index().get(fold(check_str("value", value)))


def lookup_company(value: str) -> Company:
    """Like :func:`get_company`, but raise :class:`~korpol.UnknownEntityError` if unknown."""
    found = get_company(value)
    if found is None:
        names = [n for c in _companies() for n in (c.name, *c.aliases)]
        raise UnknownEntityError("company", value, suggest(value, names))
    return found


@attrs.frozen
class WeaponSystem:
    """A weapon system or procurement programme.

    ``designation`` is canonical ("K9A1"); ``family`` is the designation of the
    base system a variant belongs to ("K9"), or ``""`` for a base system.
    ``category`` is a singular noun from ``system_categories()`` ("howitzer");
    ``maker`` is a company name from ``companies()`` (``""`` if several/none);
    ``country_code`` is the country of origin.  ``context_aliases`` are the
    forms (designation or aliases) that are also ordinary words or names
    ("Thunder", "Patriot", "Caesar"): accept them only next to a cue.

    >>> k9a1 = lookup_weapon_system("K9A1")
    >>> k9a1.family, k9a1.category, k9a1.maker
    ('K9', 'howitzer', 'Hanwha Aerospace')
    """

    designation: str
    aliases: tuple[str, ...] = attrs.field(converter=str_tuple)
    category: str
    maker: str
    country_code: str
    family: str = ""
    note: str = ""
    context_aliases: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)

    @property
    def base(self) -> str:
        """The family designation, or this designation for a base system."""
        return self.family or self.designation


@once
def _systems() -> tuple[WeaponSystem, ...]:
    return tuple(
        WeaponSystem(
            designation=row["designation"],
            aliases=split_cell(row["aliases"]),
            category=row["category"],
            maker=row["maker"],
            country_code=row["country"],
            family=row["family"],
            note=row["note"],
            context_aliases=split_cell(row["context_aliases"]),
        )
        for row in read_table("systems.tsv")
    )


@once
def _system_index() -> dict[str, WeaponSystem]:
    return _name_index(_systems(), lambda s: (s.designation, *s.aliases))


def weapon_systems() -> tuple[WeaponSystem, ...]:
    """Every weapon system and programme in the data, in file order."""
    return _systems()


def get_weapon_system(value: str) -> WeaponSystem | None:
    """The system with this designation or alias (case-insensitive); ``None`` if unknown.

    >>> get_weapon_system("K239").designation
    'Chunmoo'
    >>> get_weapon_system("homar-k").family
    'Chunmoo'
    """
    return _system_index().get(fold(check_str("value", value)))


def lookup_weapon_system(value: str) -> WeaponSystem:
    """Like :func:`get_weapon_system`, but raise :class:`~korpol.UnknownEntityError` if unknown."""
    found = get_weapon_system(value)
    if found is None:
        names = [n for s in _systems() for n in (s.designation, *s.aliases)]
        raise UnknownEntityError("weapon system", value, suggest(value, names))
    return found


@attrs.frozen
class SystemCategory:
    """A plain noun for a kind of weapon ("tanks", "armoured vehicles").

    ``name`` is the canonical plural in US spelling (what records store),
    ``category`` the singular key used by ``systems.tsv`` ("tank"), and
    ``forms`` every surface form: singular, plural, UK and US spellings.

    >>> tanks = next(c for c in system_categories() if c.category == "tank")
    >>> tanks.name, "tank" in tanks.forms
    ('tanks', True)
    """

    name: str
    category: str
    forms: tuple[str, ...] = attrs.field(converter=str_tuple)


@once
def _categories() -> tuple[SystemCategory, ...]:
    return tuple(
        SystemCategory(name=row["name"], category=row["category"], forms=split_cell(row["forms"]))
        for row in read_table("system_categories.tsv")
    )


def system_categories() -> tuple[SystemCategory, ...]:
    """The generic weapon nouns the record stage may use when no designation is named."""
    return _categories()
