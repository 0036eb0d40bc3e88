"""Reference data the scanners read: how places, offices, companies and weapons are named.

Why this package exists: every scanner needs to know what "Seoul", "Radek Sikorski",
"Hanwha" or "K9 Thunder" refer to.  The facts live in tab-separated files under
``korpol/data`` (each headed by its source and the meaning of its fields), each declared
once as a :class:`korpol._tables.Table` and read on first use into case-folded indices:
``get_*`` returns ``None`` for an unknown value, ``lookup_*`` raises
:class:`~korpol.UnknownEntityError` with close suggestions.

* :mod:`~korpol._refdata.places` — every form a country or organisation is named by
  (names, codes, demonyms, capitals, metonyms), and forms that are not places;
* :mod:`~korpol._refdata.offices` — offices and their holders with terms, titles of office,
  agencies, portfolios;
* :mod:`~korpol._refdata.arms` — defence companies, weapon systems, system categories;
* :mod:`~korpol._refdata.currencies` — currency symbols, codes and names.

The parties themselves (:class:`~korpol.Country`, :class:`~korpol.Organization` and their
tables) belong to the model (:mod:`korpol._model.parties`); they are re-exported here.

>>> import datetime
>>> [o.name for o in office_holders("president", "PL", on=datetime.date(2024, 10, 24))]
['Andrzej Duda']
"""

from korpol._model.parties import (
    countries,
    country_capitals,
    country_demonyms,
    get_country,
    get_organization,
    get_party,
    lookup_country,
    lookup_organization,
    lookup_party,
    organization_members,
    organizations,
)
from korpol._refdata.arms import (
    Company,
    SystemCategory,
    WeaponSystem,
    companies,
    get_company,
    get_weapon_system,
    lookup_company,
    lookup_weapon_system,
    system_categories,
    weapon_systems,
)
from korpol._refdata.currencies import CurrencyLexicon, currency_lexicon
from korpol._refdata.offices import (
    FINDER_PREVIOUS,
    FINDER_SKIP,
    Agency,
    Office,
    RoleTitle,
    agencies,
    finder_titles,
    get_role_title,
    office_holders,
    offices,
    offices_of,
    portfolios,
    role_titles,
)
from korpol._refdata.places import FORM_KINDS, PlaceForm, non_place_forms, place_forms

__all__ = [
    "FINDER_PREVIOUS",
    "FINDER_SKIP",
    "FORM_KINDS",
    "Agency",
    "Company",
    "CurrencyLexicon",
    "Office",
    "PlaceForm",
    "RoleTitle",
    "SystemCategory",
    "WeaponSystem",
    "agencies",
    "companies",
    "countries",
    "country_capitals",
    "country_demonyms",
    "currency_lexicon",
    "finder_titles",
    "get_company",
    "get_country",
    "get_organization",
    "get_party",
    "get_role_title",
    "get_weapon_system",
    "lookup_company",
    "lookup_country",
    "lookup_organization",
    "lookup_party",
    "lookup_weapon_system",
    "non_place_forms",
    "office_holders",
    "offices",
    "offices_of",
    "organization_members",
    "organizations",
    "place_forms",
    "portfolios",
    "role_titles",
    "system_categories",
    "weapon_systems",
]
