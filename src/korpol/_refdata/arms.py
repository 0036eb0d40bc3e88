"""Defence companies, weapon systems and system categories (``data/companies.tsv``,
``data/systems.tsv``, ``data/system_categories.tsv``).
"""

from __future__ import annotations

import attrs

from korpol._model.base import str_tuple
from korpol._tables import Table

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
    #: countries where a multinational's national arms build weapons besides the headquarters
    plants: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)


_COMPANIES = Table(
    "companies.tsv", Company, kind="company", keys=("name", "aliases"), columns={"country_code": "country"}
)


def companies() -> tuple[Company, ...]:
    """Every company in the data, in file order."""
    return _COMPANIES.rows()


def get_company(value: str) -> Company | None:
    """The company with this name or alias (case-insensitive); ``None`` if unknown.

    >>> get_company("Hanwha Defense").name
    'Hanwha Aerospace'
    """
    return _COMPANIES.get(value)


def lookup_company(value: str) -> Company:
    """Like :func:`get_company`, but raise :class:`~korpol.UnknownEntityError` if unknown."""
    return _COMPANIES.lookup(value)


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

    ``buyer`` is set on a state's national procurement programme (Poland's
    "Wisła"): the state that buys under that name, never a seller.

    >>> lookup_weapon_system("Orka").buyer
    'PL'
    """

    designation: str
    aliases: tuple[str, ...] = attrs.field(converter=str_tuple)
    category: str
    maker: str
    country_code: str
    family: str = ""
    note: str = ""
    context_aliases: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    buyer: str = ""

    @property
    def base(self) -> str:
        """The family designation, or this designation for a base system."""
        return self.family or self.designation


_SYSTEMS = Table(
    "systems.tsv",
    WeaponSystem,
    kind="weapon system",
    keys=("designation", "aliases"),
    columns={"country_code": "country"},
)


def weapon_systems() -> tuple[WeaponSystem, ...]:
    """Every weapon system and programme in the data, in file order."""
    return _SYSTEMS.rows()


def get_weapon_system(value: str) -> WeaponSystem | None:
    """The system with this designation or alias (case-insensitive); ``None`` if unknown.

    >>> get_weapon_system("K239").designation
    'Chunmoo'
    >>> get_weapon_system("homar-k").family
    'Chunmoo'
    """
    return _SYSTEMS.get(value)


def lookup_weapon_system(value: str) -> WeaponSystem:
    """Like :func:`get_weapon_system`, but raise :class:`~korpol.UnknownEntityError` if unknown."""
    return _SYSTEMS.lookup(value)


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


_CATEGORIES = Table("system_categories.tsv", SystemCategory)


def system_categories() -> tuple[SystemCategory, ...]:
    """The generic weapon nouns the record stage may use when no designation is named."""
    return _CATEGORIES.rows()
