"""Reference data: countries, organisations, office holders, companies, weapon systems.

Why this module exists: every extractor needs to know what "Seoul", "Radek
Sikorski", "Hanwha" or "K9 Thunder" refer to, and the model's converters need to
turn a user's ``"Poland"`` into a :class:`~korpol.Country`.  The facts live in
tab-separated files under ``korpol/data`` (each headed by its source and the
meaning of its fields); this module reads each file once, on first use, and
keeps case-folded indices, in the manner of pycountry: ``get_*`` returns
``None`` for an unknown value, ``lookup_*`` raises
:class:`~korpol.UnknownEntityError` with close suggestions.

>>> lookup_country("Korea").code
'KR'
>>> get_country("Atlantis") is None
True
>>> lookup_country("Polnd")
Traceback (most recent call last):
...
korpol._errors.UnknownEntityError: unknown country: 'Polnd' (did you mean: Poland?)
>>> [o.name for o in office_holders("president", "PL", on=datetime.date(2024, 10, 24))]
['Andrzej Duda']
"""

from __future__ import annotations

import datetime
import difflib
import functools
import threading
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Literal, TypeVar, Union, cast, get_args

import attrs

from korpol._errors import InputTypeError, UnknownEntityError, ValidationError
from korpol._model import Country, Leader, Organization
from korpol._tables import read_table

__all__ = [
    "FINDER_PREVIOUS",
    "FINDER_SKIP",
    "FORM_KINDS",
    "Agency",
    "Company",
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

FormKind = Literal["name", "alias", "code", "demonym", "capital", "metonym"]
FORM_KINDS: tuple[str, ...] = get_args(FormKind)

T = TypeVar("T")
Party = Union[Country, Organization]  # noqa: UP007 - a runtime alias usable on 3.10

# One lock for every first load: tables are small, loads are rare, and a lock
# keeps two threads from building (and briefly disagreeing on) the same index.
_LOCK = threading.RLock()


def _once(fn: Callable[[], T]) -> Callable[[], T]:
    """Cache a zero-argument loader; the first call runs under the module lock."""
    cached = functools.cache(fn)

    @functools.wraps(fn)
    def wrapper() -> T:
        with _LOCK:
            return cached()

    return wrapper


def _split(cell: str) -> tuple[str, ...]:
    """The ';'-separated items of a cell, stripped, empty items dropped."""
    return tuple(item.strip() for item in cell.split(";") if item.strip())


def _date(cell: str) -> datetime.date | None:
    return datetime.date.fromisoformat(cell) if cell.strip() else None


def _key(value: str) -> str:
    """The index key of a name: case-folded, inner whitespace collapsed."""
    return " ".join(value.casefold().split())


def _suggest(value: str, names: Iterable[str]) -> list[str]:
    """Up to three known names close to ``value`` (case-insensitive), best first."""
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(_key(name), name)
    close = difflib.get_close_matches(_key(value), list(by_key), n=3, cutoff=0.75)
    return [by_key[k] for k in close]


def _check_str(argument: str, value: object) -> str:
    if not isinstance(value, str):
        raise InputTypeError(argument, value, "str")
    return value


# ---------------------------------------------------------------- countries


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


@_once
def _ambiguous() -> dict[str, _Ambiguous]:
    out: dict[str, _Ambiguous] = {}
    for row in read_table("ambiguous.tsv"):
        case = row["case_sensitive"].strip()
        out[row["text"]] = _Ambiguous(
            text=row["text"],
            codes=_split(row["codes"]),
            form=row["form"].strip() or "alias",
            case_sensitive=None if not case else case == "yes",
            note=row["note"].strip(),
        )
    return out


@_once
def _country_rows() -> tuple[_CountryRow, ...]:
    rows = []
    for row in read_table("countries.tsv"):
        rows.append(
            _CountryRow(
                country=Country(code=row["code"], name=row["name"], aliases=_split(row["aliases"])),
                alpha3=row["alpha3"],
                demonyms=_split(row["demonyms"]),
                capitals=_split(row["capitals"]),
                metonyms=_split(row.get("metonyms", "")),
            )
        )
    return tuple(rows)


def _default_first(index: dict[str, list[T]], code_of: Callable[[T], str]) -> dict[str, T]:
    """Collapse an index of candidates to one entity per key.

    Where ``ambiguous.tsv`` declares a surface form, its first code is the
    default; otherwise the first entity in file order wins (the data tests
    make sure that undeclared collisions do not exist).
    """
    declared = {_key(a.text): a.codes for a in _ambiguous().values()}
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


@_once
def _country_index() -> tuple[dict[str, Country], dict[str, Country]]:
    """(codes, names): alpha-2/alpha-3 upper-case codes, and case-folded names/aliases."""
    codes: dict[str, Country] = {}
    names: dict[str, list[Country]] = {}
    for row in _country_rows():
        codes[row.country.code] = row.country
        codes[row.alpha3] = row.country
        for name in (row.country.name, *row.country.aliases):
            bucket = names.setdefault(_key(name), [])
            if row.country not in bucket:
                bucket.append(row.country)
    return codes, _default_first(names, lambda c: c.code)


def countries() -> tuple[Country, ...]:
    """Every country korpol knows, in ISO alpha-2 order.

    >>> len(countries()) > 240
    True
    """
    return tuple(row.country for row in _country_rows())


def country_demonyms(code: str) -> tuple[str, ...]:
    """The demonyms of a country ("Polish", "Pole", "Poles"), as news writes them.

    >>> "Polish" in country_demonyms("PL")
    True
    """
    return next((r.demonyms for r in _country_rows() if r.country.code == code.upper()), ())


def country_capitals(code: str) -> tuple[str, ...]:
    """The capital(s) of a country, with spelling variants ("Kyiv", "Kiev").

    >>> country_capitals("UA")
    ('Kyiv', 'Kiev')
    """
    return next((r.capitals for r in _country_rows() if r.country.code == code.upper()), ())


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
    value = _check_str("value", value).strip()
    codes, names = _country_index()
    return codes.get(value.upper()) or names.get(_key(value))


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
        raise UnknownEntityError("country", value, _suggest(value, names))
    return found


# ---------------------------------------------------------------- organisations


@attrs.frozen
class _OrgRow:
    organization: Organization
    members: tuple[str, ...]
    officers: tuple[str, ...]


@_once
def _org_rows() -> tuple[_OrgRow, ...]:
    return tuple(
        _OrgRow(
            organization=Organization(code=row["code"], name=row["name"], aliases=_split(row["aliases"])),
            members=_split(row["members"]),
            officers=_split(row["officers"]),
        )
        for row in read_table("organizations.tsv")
    )


@_once
def _org_index() -> tuple[dict[str, Organization], dict[str, Organization]]:
    codes: dict[str, Organization] = {}
    names: dict[str, list[Organization]] = {}
    for row in _org_rows():
        org = row.organization
        codes[org.code] = org
        for name in (org.name, *org.aliases):
            bucket = names.setdefault(_key(name), [])
            if org not in bucket:
                bucket.append(org)
    return codes, _default_first(names, lambda o: o.code)


def organizations() -> tuple[Organization, ...]:
    """Every international organisation korpol knows, in file order.

    >>> "NATO" in {o.code for o in organizations()}
    True
    """
    return tuple(row.organization for row in _org_rows())


def organization_members(code: str) -> tuple[str, ...]:
    """The member country codes of an organisation, where the data lists them.

    >>> "PL" in organization_members("NATO")
    True
    """
    return next((r.members for r in _org_rows() if r.organization.code == code.upper()), ())


def get_organization(value: str) -> Organization | None:
    """The organisation with this code, name or alias; ``None`` if unknown.

    >>> get_organization("North Atlantic Treaty Organization").code
    'NATO'
    >>> get_organization("un security council").code
    'UNSC'
    """
    value = _check_str("value", value).strip()
    codes, names = _org_index()
    return codes.get(value.upper()) or names.get(_key(value))


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
        raise UnknownEntityError("organization", value, _suggest(value, names))
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
    value = _check_str("value", value).strip()
    ccodes, cnames = _country_index()
    ocodes, onames = _org_index()
    upper, key = value.upper(), _key(value)
    return ccodes.get(upper) or ocodes.get(upper) or cnames.get(key) or onames.get(key)


def lookup_party(value: str) -> Country | Organization:
    """Like :func:`get_party`, but raise :class:`~korpol.UnknownEntityError` if unknown.

    This is what the model's converters call when a user passes a string.

    >>> lookup_party("Poland")
    Country(code='PL', name='Poland', aliases=('Republic of Poland',))
    >>> lookup_party("Mordor")
    Traceback (most recent call last):
    ...
    korpol._errors.UnknownEntityError: unknown country or organization: 'Mordor'
    """
    found = get_party(value)
    if found is None:
        names = [n for c in countries() for n in (c.name, *c.aliases)]
        names += [n for o in organizations() for n in (o.code, o.name, *o.aliases)]
        raise UnknownEntityError("country or organization", value, _suggest(value, names))
    return found


# ---------------------------------------------------------------- offices


def _str_tuple(values: Iterable[str] | str) -> tuple[str, ...]:
    return (values,) if isinstance(values, str) else tuple(values)


def _opt_date(value: datetime.date | str | None) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return _date(value)


@attrs.frozen
class Office:
    """One person's term in one office ("Radosław Sikorski, foreign minister of PL, 2023-12-13–").

    ``role`` is the title as English news writes it, lower-case, US spelling
    ("president", "prime minister", "chancellor", "secretary of state",
    "defense minister"); ``function`` is the comparable generic office
    ("head of state", "head of government", "foreign minister",
    "defense minister", ...) so that queries work across countries.
    ``party_code`` is an ISO alpha-2 code or an organisation code.
    ``term_end`` is ``None`` while the holder is in office (as of the data date
    in ``offices.tsv``).  ``aliases`` are the other ways news writes the name
    (romanisations, hyphenation, family-name-first, no diacritics);
    ``surname`` is the form used for back-references ("Yoon said").

    >>> sik = offices_of("Radek Sikorski")[-1]
    >>> sik.name, sik.role, sik.party_code, sik.held_on(datetime.date(2025, 3, 5))
    ('Radosław Sikorski', 'foreign minister', 'PL', True)
    """

    name: str
    aliases: tuple[str, ...] = attrs.field(converter=_str_tuple)
    surname: str
    role: str
    party_code: str
    term_start: datetime.date | None = attrs.field(converter=_opt_date)
    term_end: datetime.date | None = attrs.field(default=None, converter=_opt_date)
    function: str = ""
    note: str = ""

    def held_on(self, day: datetime.date) -> bool:
        """Whether this term covers ``day`` (both ends inclusive; open end counts as held)."""
        return (self.term_start is None or self.term_start <= day) and (
            self.term_end is None or day <= self.term_end
        )

    @property
    def party(self) -> Country | Organization:
        """The country or organisation of the office."""
        return lookup_party(self.party_code)

    def to_leader(self) -> Leader:
        """This term as a :class:`~korpol.Leader` record (no evidence attached).

        >>> offices_of("Jens Stoltenberg")[0].to_leader().country.code
        'NATO'
        """
        return Leader(
            name=self.name,
            role=self.role,
            country=self.party,
            aliases=self.aliases,
            term_start=self.term_start,
            term_end=self.term_end,
        )


@_once
def _offices() -> tuple[Office, ...]:
    return tuple(
        Office(
            name=row["name"],
            aliases=_split(row["aliases"]),
            surname=row["surname"],
            role=row["role"],
            party_code=row["party"],
            term_start=_date(row["term_start"]),
            term_end=_date(row["term_end"]),
            function=row["function"],
            note=row["note"],
        )
        for row in read_table("offices.tsv")
    )


@_once
def _office_name_index() -> dict[str, tuple[Office, ...]]:
    index: dict[str, list[Office]] = {}
    for office in _offices():
        for name in {_key(n) for n in (office.name, *office.aliases)}:
            index.setdefault(name, []).append(office)
    return {k: tuple(sorted(v, key=_term_order)) for k, v in index.items()}


def _term_order(office: Office) -> tuple[datetime.date, str]:
    return (office.term_start or datetime.date.min, office.name)


def offices() -> tuple[Office, ...]:
    """Every office term in the data, in file order.

    >>> all(o.role == o.role.lower() for o in offices())
    True
    """
    return _offices()


def offices_of(name: str) -> tuple[Office, ...]:
    """Every term held by the person with this name or alias (case-insensitive), oldest first.

    >>> [(o.role, o.party_code) for o in offices_of("Zelenskyy")]
    [('president', 'UA')]
    >>> offices_of("Nobody Atall")
    ()
    """
    return _office_name_index().get(_key(_check_str("name", name)), ())


def office_holders(role: str, party_code: str, on: datetime.date | None = None) -> list[Office]:
    """Who held ``role`` for ``party_code`` (on the day ``on``, or ever), oldest first.

    ``role`` matches an office's ``role`` or its ``function``, case-insensitively,
    so ``office_holders("foreign minister", "US")`` finds secretaries of state.
    ``party_code`` may also be a name ("Poland").

    >>> [o.name for o in office_holders("prime minister", "PL", on=datetime.date(2024, 1, 1))]
    ['Donald Tusk']
    >>> [o.name for o in office_holders("foreign minister", "US", on=datetime.date(2024, 6, 1))]
    ['Antony Blinken']
    """
    role_key = _key(_check_str("role", role))
    code = lookup_party(party_code).code
    out = [
        o
        for o in _offices()
        if o.party_code == code
        and role_key in (o.role, o.function)
        and (on is None or o.held_on(on))
    ]
    return sorted(out, key=_term_order)


@attrs.frozen
class RoleTitle:
    """A title of office as news writes it ("Minister of National Defense"), mapped to korpol's role.

    ``title`` is lower-case; ``role`` is what a :class:`~korpol.Leader` stores
    (the roles of ``offices()``); ``function`` the generic office;
    ``parties`` the codes the title is specific to (empty = any state);
    ``finder`` how the people finder uses it (see :func:`finder_titles`).

    >>> t = get_role_title("Defence Secretary", "GB")
    >>> t.role, t.function
    ('defense secretary', 'defense minister')
    """

    title: str
    role: str
    function: str
    parties: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    finder: str = ""
    note: str = ""

    def applies_to(self, party_code: str | None) -> bool:
        """Whether this title is used for ``party_code`` (any party when unknown or unrestricted)."""
        return not self.parties or party_code is None or party_code in self.parties


@_once
def _role_titles() -> tuple[RoleTitle, ...]:
    return tuple(
        RoleTitle(
            title=row["title"],
            role=row["role"],
            function=row["function"],
            parties=_split(row["parties"]),
            finder=row["finder"],
            note=row["note"],
        )
        for row in read_table("roles.tsv")
    )


def role_titles() -> tuple[RoleTitle, ...]:
    """Every title of office korpol knows, in file order (the vocabulary a people-matcher compiles)."""
    return _role_titles()


def get_role_title(title: str, party_code: str | None = None) -> RoleTitle | None:
    """The role of a title ("DAPA chief", "Foreign Secretary"), case-insensitively; ``None`` if unknown.

    With ``party_code``, a title specific to other parties is not returned
    ("Secretary of State" is a foreign minister only for the US).

    >>> get_role_title("DAPA chief").role
    'minister of the defense acquisition program administration'
    >>> get_role_title("Secretary of State", "US").function
    'foreign minister'
    >>> get_role_title("Secretary of State", "GB") is None
    True
    """
    key = _key(_check_str("title", title))
    for rt in _role_titles():
        if rt.title == key and rt.applies_to(party_code):
            return rt
    return None


# The ``finder`` values of roles.tsv that are not a role.
FINDER_SKIP = "-"  # the people finder does not look for the title
FINDER_PREVIOUS = "previous"  # the title takes the role of the person named before it ("counterpart")


@attrs.frozen
class Agency:
    """A government agency whose head is an office ("the armament agency", PL).

    ``name`` is lower-case with "the", as it ends a role ("head of the armament
    agency"); ``acronym`` is written in capitals, or empty.

    >>> [a.country_code for a in agencies() if a.acronym == "DAPA"]
    ['KR']
    """

    name: str
    acronym: str
    country_code: str
    note: str = ""


@_once
def _agencies() -> tuple[Agency, ...]:
    return tuple(
        Agency(name=row["name"], acronym=row["acronym"], country_code=row["country"], note=row["note"])
        for row in read_table("agencies.tsv")
    )


def agencies() -> tuple[Agency, ...]:
    """Every agency whose head the people finder names, in file order."""
    return _agencies()


@_once
def _portfolios() -> Mapping[str, str]:
    return MappingProxyType({row["portfolio"]: row["canonical"] for row in read_table("portfolios.tsv")})


def portfolios() -> Mapping[str, str]:
    """Ministerial portfolio as news writes it after "minister of" -> the portfolio a role is named after.

    >>> portfolios()["national defense"]
    'defense'
    """
    return _portfolios()


def _acronyms_in_capitals(title: str) -> str:
    """``title`` with the agency acronyms it contains in capitals ("dapa chief" -> "DAPA chief")."""
    acronyms = {a.acronym.lower(): a.acronym for a in _agencies() if a.acronym}
    words = []
    for word in title.split(" "):
        bare = word.strip("()")
        if bare in acronyms:
            word = word.replace(bare, acronyms[bare])
        words.append(word)
    return " ".join(words)


@_once
def _finder_titles() -> tuple[tuple[str, str | None], ...]:
    out: list[tuple[str, str | None]] = []
    for rt in _role_titles():
        if rt.finder == FINDER_SKIP:
            continue
        role = None if rt.finder == FINDER_PREVIOUS else rt.finder or rt.role
        out.append((_acronyms_in_capitals(rt.title), role))
    return tuple(out)


def finder_titles() -> tuple[tuple[str, str | None], ...]:
    """The titles the people finder looks for, as written, each with the role it reports.

    Read from roles.tsv: every title whose ``finder`` is not ``"-"``, with
    agency acronyms in capitals; the role is the row's ``finder`` when it
    names one, else its ``role``; ``None`` for a title that takes the role of
    the person named before it ("counterpart").  The head words "minister of"
    and "head of" keep those roles: the finder completes them from the text.
    The portfolio titles ("finance minister") are formed from
    :func:`portfolios` by the finder.

    >>> dict(finder_titles())["DAPA chief"]
    'minister of the defense acquisition program administration'
    >>> dict(finder_titles())["counterpart"] is None
    True
    """
    return _finder_titles()


# ---------------------------------------------------------------- companies


@attrs.frozen
class Company:
    """A defence manufacturer: ``name`` is canonical; ``aliases`` are other names and subsidiaries' names.

    >>> lookup_company("KAI").name
    'Korea Aerospace Industries'
    """

    name: str
    aliases: tuple[str, ...] = attrs.field(converter=_str_tuple)
    country_code: str
    note: str = ""


@_once
def _companies() -> tuple[Company, ...]:
    return tuple(
        Company(
            name=row["name"], aliases=_split(row["aliases"]), country_code=row["country"], note=row["note"]
        )
        for row in read_table("companies.tsv")
    )


def _name_index(items: Iterable[T], names: Callable[[T], Iterable[str]]) -> dict[str, T]:
    index: dict[str, T] = {}
    for item in items:
        for name in names(item):
            index.setdefault(_key(name), item)
    return index


@_once
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
    return _company_index().get(_key(_check_str("value", value)))


def lookup_company(value: str) -> Company:
    """Like :func:`get_company`, but raise :class:`~korpol.UnknownEntityError` if unknown."""
    found = get_company(value)
    if found is None:
        names = [n for c in _companies() for n in (c.name, *c.aliases)]
        raise UnknownEntityError("company", value, _suggest(value, names))
    return found


# ---------------------------------------------------------------- weapon systems


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
    aliases: tuple[str, ...] = attrs.field(converter=_str_tuple)
    category: str
    maker: str
    country_code: str
    family: str = ""
    note: str = ""
    context_aliases: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)

    @property
    def base(self) -> str:
        """The family designation, or this designation for a base system."""
        return self.family or self.designation


@_once
def _systems() -> tuple[WeaponSystem, ...]:
    return tuple(
        WeaponSystem(
            designation=row["designation"],
            aliases=_split(row["aliases"]),
            category=row["category"],
            maker=row["maker"],
            country_code=row["country"],
            family=row["family"],
            note=row["note"],
            context_aliases=_split(row["context_aliases"]),
        )
        for row in read_table("systems.tsv")
    )


@_once
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
    return _system_index().get(_key(_check_str("value", value)))


def lookup_weapon_system(value: str) -> WeaponSystem:
    """Like :func:`get_weapon_system`, but raise :class:`~korpol.UnknownEntityError` if unknown."""
    found = get_weapon_system(value)
    if found is None:
        names = [n for s in _systems() for n in (s.designation, *s.aliases)]
        raise UnknownEntityError("weapon system", value, _suggest(value, names))
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
    forms: tuple[str, ...] = attrs.field(converter=_str_tuple)


@_once
def _categories() -> tuple[SystemCategory, ...]:
    return tuple(
        SystemCategory(name=row["name"], category=row["category"], forms=_split(row["forms"]))
        for row in read_table("system_categories.tsv")
    )


def system_categories() -> tuple[SystemCategory, ...]:
    """The generic weapon nouns the record stage may use when no designation is named."""
    return _categories()


# ---------------------------------------------------------------- the gazetteer


@attrs.frozen
class PlaceForm:
    """One surface form of a country or organisation, as news writes it.

    ``codes`` are the candidate party codes, the default first.
    ``ambiguous`` is True when the form has several candidates or often means
    something that is not a party at all (``note`` says what); a matcher
    should then look for context.  ``case_sensitive`` is True when only the
    exact case is safe ("US" vs "us", "Turkey" vs "turkey", "Chad").

    >>> korea = next(f for f in place_forms() if f.text == "Korea")
    >>> korea.codes, korea.ambiguous
    (('KR', 'KP'), True)
    """

    text: str
    codes: tuple[str, ...] = attrs.field(converter=_str_tuple)
    form: FormKind
    ambiguous: bool = False
    case_sensitive: bool = False
    note: str = ""


def _form_kind(value: str) -> FormKind:
    if value not in FORM_KINDS:
        raise ValidationError("form", value, f"ambiguous.tsv forms are one of {', '.join(FORM_KINDS)}")
    return cast(FormKind, value)


def _default_case_sensitive(text: str) -> bool:
    """Acronyms and codes ("US", "U.K.", "NATO") only match in their written case."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters) and len(letters) <= 6


@_once
def _place_forms() -> tuple[PlaceForm, ...]:
    found: dict[str, tuple[list[str], FormKind]] = {}

    def add(text: str, code: str, form: FormKind) -> None:
        codes, _ = found.setdefault(text, ([], form))
        if code not in codes:
            codes.append(code)

    for row in _country_rows():
        c = row.country
        add(c.name, c.code, "name")
        for alias in c.aliases:
            bare = alias.replace(".", "")
            add(alias, c.code, "code" if bare in (c.code, row.alpha3) else "alias")
        for demonym in row.demonyms:
            add(demonym, c.code, "demonym")
        for capital in row.capitals:
            add(capital, c.code, "capital")
        for metonym in row.metonyms:
            add(metonym, c.code, "metonym")
    for orow in _org_rows():
        o = orow.organization
        add(o.code, o.code, "code")
        add(o.name, o.code, "name")
        for alias in o.aliases:
            add(alias, o.code, "alias")

    declared = _ambiguous()
    out = []
    for text, (codes, form) in found.items():
        amb = declared.get(text)
        if amb is None:
            out.append(PlaceForm(text, tuple(codes), form, len(codes) > 1, _default_case_sensitive(text)))
            continue
        ordered = list(amb.codes) + [c for c in codes if c not in amb.codes]
        case = _default_case_sensitive(text) if amb.case_sensitive is None else amb.case_sensitive
        out.append(PlaceForm(text, tuple(ordered), form, True, case, amb.note))
    for text, amb in declared.items():
        if text not in found and amb.codes:
            case = _default_case_sensitive(text) if amb.case_sensitive is None else amb.case_sensitive
            out.append(PlaceForm(text, amb.codes, _form_kind(amb.form), True, case, amb.note))
    return tuple(out)


def place_forms() -> tuple[PlaceForm, ...]:
    """Every surface form of every country and organisation: the gazetteer an entity matcher compiles.

    Forms keep their written case; the same text appears once, with all its
    candidate codes.
    """
    return _place_forms()


@_once
def _non_place_forms() -> tuple[str, ...]:
    return tuple(row["text"] for row in read_table("not_places.tsv"))


def non_place_forms() -> tuple[str, ...]:
    """Phrases that contain a place form but name no party ("South America", "Korean War" is not here).

    A matcher that prefers the longest match can add these as blockers.

    >>> "Latin America" in non_place_forms()
    True
    """
    return _non_place_forms()

