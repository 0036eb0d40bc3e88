"""Offices and their holders with terms, titles of office, agencies and portfolios.

``data/offices.tsv`` lists who held which office when; ``data/roles.tsv``, ``data/agencies.tsv``
and ``data/portfolios.tsv`` say how news writes the titles, so that the people finder can read
"Defence Minister Władysław Kosiniak-Kamysz" and "DAPA Minister Seok Jong-gun".
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from korpol._errors import check_str
from korpol._model import Country, Leader, Organization
from korpol._model.base import opt_date, str_tuple
from korpol._model.parties import lookup_party
from korpol._tables import Table, fold, once, read_table

__all__ = [
    "FINDER_PREVIOUS",
    "FINDER_SKIP",
    "Agency",
    "Office",
    "RoleTitle",
    "agencies",
    "finder_titles",
    "get_role_title",
    "office_holders",
    "offices",
    "offices_of",
    "portfolios",
    "role_titles",
]


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
    ``surname`` is the form used for back-references ("Yoon said");
    ``as_of`` is the data date of the file the row comes from: an open term
    is known to be held up to that day, no later.

    >>> sik = offices_of("Radek Sikorski")[-1]
    >>> sik.name, sik.role, sik.party_code, sik.held_on(datetime.date(2025, 3, 5))
    ('Radosław Sikorski', 'foreign minister', 'PL', True)
    """

    name: str
    aliases: tuple[str, ...] = attrs.field(converter=str_tuple)
    surname: str
    role: str
    party_code: str
    term_start: datetime.date | None = attrs.field(converter=opt_date)
    term_end: datetime.date | None = attrs.field(default=None, converter=opt_date)
    function: str = ""
    note: str = ""
    as_of: datetime.date | None = attrs.field(default=None, converter=opt_date)

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


_OFFICES = Table(
    "offices.tsv", Office, kind="office", keys=("name", "aliases"), columns={"party_code": "party"}
)


def _term_order(office: Office) -> tuple[datetime.date, str]:
    return (office.term_start or datetime.date.min, office.name)


def offices() -> tuple[Office, ...]:
    """Every office term in the data, in file order.

    >>> all(o.role == o.role.lower() for o in offices())
    True
    """
    return _OFFICES.rows()


def offices_of(name: str) -> tuple[Office, ...]:
    """Every term held by the person with this name or alias (case-insensitive), oldest first.

    >>> [(o.role, o.party_code) for o in offices_of("Zelenskyy")]
    [('president', 'UA')]
    >>> offices_of("Nobody Atall")
    ()
    """
    return tuple(sorted(_OFFICES.matching(check_str("name", name)), key=_term_order))


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
    role_key = fold(check_str("role", role))
    code = lookup_party(party_code).code
    out = [
        o
        for o in _OFFICES.rows()
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
    parties: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    finder: str = ""
    note: str = ""

    def applies_to(self, party_code: str | None) -> bool:
        """Whether this title is used for ``party_code`` (any party when unknown or unrestricted)."""
        return not self.parties or party_code is None or party_code in self.parties


_ROLE_TITLES = Table("roles.tsv", RoleTitle)


def role_titles() -> tuple[RoleTitle, ...]:
    """Every title of office korpol knows, in file order (the vocabulary a people-matcher compiles)."""
    return _ROLE_TITLES.rows()


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
    key = fold(check_str("title", title))
    for rt in _ROLE_TITLES.rows():
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


_AGENCIES = Table("agencies.tsv", Agency, columns={"country_code": "country"})


def agencies() -> tuple[Agency, ...]:
    """Every agency whose head the people finder names, in file order."""
    return _AGENCIES.rows()


@once
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
    acronyms = {a.acronym.lower(): a.acronym for a in _AGENCIES.rows() if a.acronym}
    words = []
    for word in title.split(" "):
        bare = word.strip("()")
        if bare in acronyms:
            word = word.replace(bare, acronyms[bare])
        words.append(word)
    return " ".join(words)


@once
def _finder_titles() -> tuple[tuple[str, str | None], ...]:
    out: list[tuple[str, str | None]] = []
    for rt in _ROLE_TITLES.rows():
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
