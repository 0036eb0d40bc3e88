"""Defence companies named in a text ("Hanwha Aerospace", "PGZ", "Hyundai Rotem").

Why this module exists: a deal names its maker, and a company's name often holds a place
word ("Korea Aerospace Industries") that must not be read as a country.  The names and
their former and subsidiary names come from :func:`korpol._refdata.companies`.

>>> [(m.name, m.party.code) for m in find_companies("Hyundai Rotem will build the tanks.")]
[('Hyundai Rotem', 'KR')]
"""

from __future__ import annotations

import re

import attrs

from korpol import _refdata
from korpol._mentions.gazetteer import Gazetteer, Span, form_variants, mapped_back, party_for
from korpol._model import Country
from korpol._tables import Lazy
from korpol._text import normalize

__all__ = ["COMPANY_GAZETTEER", "CompanyMention", "find_companies", "scan_companies"]


@attrs.frozen
class CompanyMention:
    """A defence company named in the text; ``party`` is its home country.

    ``name`` is the canonical company; ``text`` quotes the form used (a short
    name, a former name, a subsidiary).

    >>> m, = find_companies("Hanwha Defense will deliver the howitzers.")
    >>> m.name, m.text, m.party.code, m.span
    ('Hanwha Aerospace', 'Hanwha Defense', 'KR', (0, 14))
    """

    name: str
    party: Country | None
    text: str
    span: Span


@attrs.frozen
class _CompanyEntry:
    name: str
    country: str | None


def _build_companies() -> Gazetteer[_CompanyEntry]:
    entries: list[tuple[str, _CompanyEntry]] = []
    for c in _refdata.companies():
        entry = _CompanyEntry(c.name, c.country_code)
        for form in (c.name, *c.aliases):
            variants = form_variants(form)
            for v in variants[:]:
                if len(v) >= 4 and v.upper() != v and v.upper() not in variants:
                    variants.append(v.upper())  # headlines in capitals: "HANWHA AEROSPACE WINS ..."
            for v in variants:
                entries.append((v, entry))
    return Gazetteer(entries)


# A group's name followed by one of these words names another business of the group
# or an unrelated body ("Hanwha Life", "Hanwha Solutions", "Korea Aerospace Research
# Institute"), not the defence maker the gazetteer means.
_COMPANY_NOT_BEFORE: frozenset[str] = frozenset(
    {
        "Bank",
        "Capital",
        "Card",
        "Chemical",
        "Construction",
        "Energy",
        "Foundation",
        "Hotels",
        "Institute",
        "Insurance",
        "Investment",
        "Life",
        "Motor",
        "Motors",
        "Research",
        "Resorts",
        "Securities",
        "Solutions",
        "Steel",
        "University",
    }
)
_COMPANY_NEXT_WORD = re.compile(r"[ \t]+([A-Z][a-z]+)")


COMPANY_GAZETTEER: Lazy[Gazetteer[_CompanyEntry]] = Lazy(_build_companies)

# The record stage scans the companies of a text, and scan_people needs them again for the
# same text: the last result is kept (keyed by the text object itself) so the scan runs once.
_LAST_COMPANIES: tuple[str, tuple[CompanyMention, ...]] | None = None


def scan_companies(text: str) -> list[CompanyMention]:
    """Defence companies named in normalised ``text`` (spans index ``text``).

    >>> [(m.name, m.party.code) for m in scan_companies("Hyundai Rotem will build the tanks.")]
    [('Hyundai Rotem', 'KR')]
    """
    global _LAST_COMPANIES
    last = _LAST_COMPANIES
    if last is not None and last[0] is text:
        return list(last[1])
    out = _scan_companies(text)
    _LAST_COMPANIES = (text, tuple(out))
    return out


def _scan_companies(text: str) -> list[CompanyMention]:
    out: list[CompanyMention] = []
    for start, end, _key, values, _glued in COMPANY_GAZETTEER.get().scan_raw(text):
        after = _COMPANY_NEXT_WORD.match(text, end)
        if after is not None and after.group(1) in _COMPANY_NOT_BEFORE:
            continue
        entry = values[0]
        party = party_for(entry.country) if entry.country else None
        out.append(
            CompanyMention(
                name=entry.name,
                party=party if isinstance(party, Country) else None,
                text=text[start:end],
                span=(start, end),
            )
        )
    return out


def find_companies(text: str) -> list[CompanyMention]:
    """Defence companies named in ``text``; spans index ``text`` itself.

    >>> [m.text for m in find_companies("Hanwha Aerospace and Poland's PGZ signed an agreement.")]
    ['Hanwha Aerospace', 'PGZ']
    """
    norm = normalize(text)
    return [attrs.evolve(m, **mapped_back(text, norm, m.span)) for m in scan_companies(norm.text)]
