"""Parties: the states and organisations records are about, and the tables that name them.

A :class:`Country` is identified by its ISO 3166-1 alpha-2 code, an :class:`Organization` by
an upper-case code ("NATO", "EU").  Their names and aliases live in ``data/countries.tsv``
and ``data/organizations.tsv``, read once, on first use, into case-folded indices, in the
manner of pycountry: ``get_*`` returns ``None`` for an unknown value, ``lookup_*`` raises
:class:`~korpol.UnknownEntityError` with close suggestions.  The model's converters call
:func:`lookup_party` when a user writes ``supplier="Poland"``.

>>> lookup_country("Korea").code
'KR'
>>> get_country("Atlantis") is None
True
>>> lookup_country("Polnd")
Traceback (most recent call last):
...
korpol._errors.UnknownEntityError: unknown country: 'Polnd' (did you mean: Poland?)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, TypeVar, Union

import attrs

from korpol._errors import UnknownEntityError, ValidationError, check_str
from korpol._model.base import Record, is_str, str_tuple
from korpol._tables import country_alpha3, country_codes, fold, once, read_table, split_cell, suggest

__all__ = [
    "Country",
    "Organization",
    "Party",
    "ambiguous_forms",
    "countries",
    "country_capitals",
    "country_demonyms",
    "country_rows",
    "default_first",
    "get_country",
    "get_organization",
    "get_party",
    "lookup_country",
    "lookup_organization",
    "lookup_party",
    "organization_members",
    "organization_rows",
    "organizations",
    "to_parties",
    "to_party",
]

T = TypeVar("T")


def _party_code(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in country_codes():
        raise ValidationError("code", value, "not an ISO 3166-1 alpha-2 country code")


def _alpha3_of(country: Any) -> str:
    return country_alpha3().get(country.code, "") if isinstance(country.code, str) else ""


def _alpha3(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    expected = country_alpha3().get(instance.code)
    if expected is not None and value != expected:
        reason = f"the ISO 3166-1 alpha-3 code of {instance.code} is {expected}"
        raise ValidationError("alpha3", value, reason)


def _org_code(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not (isinstance(value, str) and value and value.replace("-", "").isalnum() and value.upper() == value):
        raise ValidationError("code", value, "an organisation code is upper-case letters/digits")


@attrs.frozen
class Country(Record):
    """A state, identified by its ISO 3166-1 alpha-2 code.

    ``alpha3`` is its ISO 3166-1 alpha-3 code (what SIPRI and World Bank tables join on),
    filled in from the code when not given, so that JSON written before the field existed
    reads as before.

    >>> Country(code="PL", name="Poland")
    Country(code='PL', name='Poland', aliases=(), alpha3='POL')
    >>> Country.from_dict({"type": "country", "code": "KR", "name": "South Korea", "aliases": []}).alpha3
    'KOR'
    >>> Country(code="PL", name="Poland", alpha3="POR")
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: alpha3: 'POR' is not valid: the ISO 3166-1 alpha-3 code of PL is POL
    >>> Country(code="XX", name="Nowhere")
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: code: 'XX' is not valid: not an ISO 3166-1 alpha-2 country code
    """

    _type: ClassVar[str | None] = "country"
    code: str = attrs.field(validator=_party_code)
    name: str = attrs.field(validator=is_str)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    alpha3: str = attrs.field(default=attrs.Factory(_alpha3_of, takes_self=True), validator=_alpha3)

    def __str__(self) -> str:
        return self.name


@attrs.frozen
class Organization(Record):
    """An international organisation (``NATO``, ``EU``, ``UN``).

    >>> Organization(code="NATO", name="North Atlantic Treaty Organization").code
    'NATO'
    """

    _type: ClassVar[str | None] = "organization"
    code: str = attrs.field(validator=_org_code)
    name: str = attrs.field(validator=is_str)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)

    def __str__(self) -> str:
        return self.name


Party = Union[Country, Organization]  # noqa: UP007 - a runtime alias usable on 3.10


def to_party(value: Party | Mapping[str, Any] | str | None) -> Party | None:
    """A party from a record, its dict form, or a code/name in the reference data."""
    if value is None or isinstance(value, Country | Organization):
        return value
    if isinstance(value, Mapping):
        kind = value.get("type")
        data = {k: v for k, v in value.items() if k != "type"}
        if kind == "organization" or (kind is None and data.get("code") not in country_codes()):
            return Organization(**data)
        return Country(**data)
    if isinstance(value, str):
        return lookup_party(value)
    raise ValidationError("party", value, "expected a Country, an Organization, a dict or a code")


def to_parties(values: Iterable[Party | Mapping[str, Any] | str] | None) -> tuple[Party, ...]:
    out = []
    for v in values or ():
        party = to_party(v)
        if party is not None:
            out.append(party)
    return tuple(out)


# ---------------------------------------------------------------- the tables


@attrs.frozen
class _CountryRow:
    country: Country
    alpha3: str
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    metonyms: tuple[str, ...]


@attrs.frozen
class _Ambiguous:
    text: str
    codes: tuple[str, ...]
    form: str
    case_sensitive: bool | None
    note: str


@once
def ambiguous_forms() -> dict[str, _Ambiguous]:
    out: dict[str, _Ambiguous] = {}
    for row in read_table("ambiguous.tsv"):
        case = row["case_sensitive"].strip()
        out[row["text"]] = _Ambiguous(
            text=row["text"],
            codes=split_cell(row["codes"]),
            form=row["form"].strip() or "alias",
            case_sensitive=None if not case else case == "yes",
            note=row["note"].strip(),
        )
    return out


@once
def country_rows() -> tuple[_CountryRow, ...]:
    rows = []
    for row in read_table("countries.tsv"):
        rows.append(
            _CountryRow(
                country=Country(
                    code=row["code"],
                    name=row["name"],
                    aliases=split_cell(row["aliases"]),
                    alpha3=row["alpha3"],
                ),
                alpha3=row["alpha3"],
                demonyms=split_cell(row["demonyms"]),
                capitals=split_cell(row["capitals"]),
                metonyms=split_cell(row.get("metonyms", "")),
            )
        )
    return tuple(rows)


def default_first(index: dict[str, list[T]], code_of: Callable[[T], str]) -> dict[str, T]:
    """Collapse an index of candidates to one entity per key.

    Where ``ambiguous.tsv`` declares a surface form, its first code is the
    default; otherwise the first entity in file order wins (the data tests
    make sure that undeclared collisions do not exist).
    """
    declared = {fold(a.text): a.codes for a in ambiguous_forms().values()}
    out: dict[str, T] = {}
    for key, candidates in index.items():
        chosen = candidates[0]
        for code in declared.get(key, ()):
            match = [c for c in candidates if code_of(c) == code]
            if match:
                chosen = match[0]
                break
        out[key] = chosen
    return out


@once
def _country_index() -> tuple[dict[str, Country], dict[str, Country]]:
    """(codes, names): alpha-2/alpha-3 upper-case codes, and case-folded names/aliases."""
    codes: dict[str, Country] = {}
    names: dict[str, list[Country]] = {}
    for row in country_rows():
        codes[row.country.code] = row.country
        codes[row.alpha3] = row.country
        for name in (row.country.name, *row.country.aliases):
            bucket = names.setdefault(fold(name), [])
            if row.country not in bucket:
                bucket.append(row.country)
    return codes, default_first(names, lambda c: c.code)


def countries() -> tuple[Country, ...]:
    """Every country korpol knows, in ISO alpha-2 order.

    >>> len(countries()) > 240
    True
    """
    return tuple(row.country for row in country_rows())


def country_demonyms(code: str) -> tuple[str, ...]:
    """The demonyms of a country ("Polish", "Pole", "Poles"), as news writes them.

    >>> "Polish" in country_demonyms("PL")
    True
    """
    return next((r.demonyms for r in country_rows() if r.country.code == code.upper()), ())


def country_capitals(code: str) -> tuple[str, ...]:
    """The capital(s) of a country, with spelling variants ("Kyiv", "Kiev").

    >>> country_capitals("UA")
    ('Kyiv', 'Kiev')
    """
    return next((r.capitals for r in country_rows() if r.country.code == code.upper()), ())


def get_country(value: str) -> Country | None:
    """The country with this alpha-2 or alpha-3 code, name or alias; ``None`` if unknown.

    Names are matched case-insensitively; codes are matched in any case too.

    >>> get_country("kor").name
    'South Korea'
    >>> get_country("United Kingdom").code
    'GB'
    >>> get_country("Narnia") is None
    True
    """
    value = check_str("value", value).strip()
    codes, names = _country_index()
    return codes.get(value.upper()) or names.get(fold(value))


def lookup_country(value: str) -> Country:
    """Like :func:`get_country`, but raise :class:`~korpol.UnknownEntityError` if unknown.

    >>> lookup_country("PL").name
    'Poland'
    >>> lookup_country("Ukrane")
    Traceback (most recent call last):
    ...
    korpol._errors.UnknownEntityError: unknown country: 'Ukrane' (did you mean: Ukraine?)
    """
    found = get_country(value)
    if found is None:
        names = [n for c in countries() for n in (c.name, *c.aliases)]
        raise UnknownEntityError("country", value, suggest(value, names))
    return found


@attrs.frozen
class _OrgRow:
    organization: Organization
    members: tuple[str, ...]
    officers: tuple[str, ...]


@once
def organization_rows() -> tuple[_OrgRow, ...]:
    return tuple(
        _OrgRow(
            organization=Organization(code=row["code"], name=row["name"], aliases=split_cell(row["aliases"])),
            members=split_cell(row["members"]),
            officers=split_cell(row["officers"]),
        )
        for row in read_table("organizations.tsv")
    )


@once
def _org_index() -> tuple[dict[str, Organization], dict[str, Organization]]:
    codes: dict[str, Organization] = {}
    names: dict[str, list[Organization]] = {}
    for row in organization_rows():
        org = row.organization
        codes[org.code] = org
        for name in (org.name, *org.aliases):
            bucket = names.setdefault(fold(name), [])
            if org not in bucket:
                bucket.append(org)
    return codes, default_first(names, lambda o: o.code)


def organizations() -> tuple[Organization, ...]:
    """Every international organisation korpol knows, in file order.

    >>> "NATO" in {o.code for o in organizations()}
    True
    """
    return tuple(row.organization for row in organization_rows())


def organization_members(code: str) -> tuple[str, ...]:
    """The member country codes of an organisation, where the data lists them.

    >>> "PL" in organization_members("NATO")
    True
    """
    return next((r.members for r in organization_rows() if r.organization.code == code.upper()), ())


def get_organization(value: str) -> Organization | None:
    """The organisation with this code, name or alias; ``None`` if unknown.

    >>> get_organization("North Atlantic Treaty Organization").code
    'NATO'
    >>> get_organization("un security council").code
    'UNSC'
    """
    value = check_str("value", value).strip()
    codes, names = _org_index()
    return codes.get(value.upper()) or names.get(fold(value))


def lookup_organization(value: str) -> Organization:
    """Like :func:`get_organization`, but raise :class:`~korpol.UnknownEntityError` if unknown.

    >>> lookup_organization("eu").name
    'European Union'
    >>> lookup_organization("NATOO")
    Traceback (most recent call last):
    ...
    korpol._errors.UnknownEntityError: unknown organization: 'NATOO' (did you mean: NATO?)
    """
    found = get_organization(value)
    if found is None:
        names = [n for o in organizations() for n in (o.code, o.name, *o.aliases)]
        raise UnknownEntityError("organization", value, suggest(value, names))
    return found


def get_party(value: str) -> Country | Organization | None:
    """A country or organisation by code, name or alias; ``None`` if unknown.

    Codes are tried before names and countries before organisations, so
    ``"AU"`` is Australia (the African Union's code is ``AFRICANUNION``).

    >>> get_party("NATO").code
    'NATO'
    >>> get_party("Republic of Korea").code
    'KR'
    """
    value = check_str("value", value).strip()
    ccodes, cnames = _country_index()
    ocodes, onames = _org_index()
    upper, key = value.upper(), fold(value)
    return ccodes.get(upper) or ocodes.get(upper) or cnames.get(key) or onames.get(key)


def lookup_party(value: str) -> Country | Organization:
    """Like :func:`get_party`, but raise :class:`~korpol.UnknownEntityError` if unknown.

    This is what the model's converters call when a user passes a string.

    >>> lookup_party("Poland")
    Country(code='PL', name='Poland', aliases=('Republic of Poland',), alpha3='POL')
    >>> lookup_party("Mordor")
    Traceback (most recent call last):
    ...
    korpol._errors.UnknownEntityError: unknown country or organization: 'Mordor'
    """
    found = get_party(value)
    if found is None:
        names = [n for c in countries() for n in (c.name, *c.aliases)]
        names += [n for o in organizations() for n in (o.code, o.name, *o.aliases)]
        raise UnknownEntityError("country or organization", value, suggest(value, names))
    return found
