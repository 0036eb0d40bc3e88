"""Every form a country or organisation is named by in news text, and forms that are not places.

Names, aliases, codes, demonyms ("Polish"), capitals ("Seoul"), metonyms ("the Kremlin"),
whether a form is case-sensitive and which forms are ambiguous ("Georgia", "Jordan").
"""

from __future__ import annotations

from typing import Literal, cast, get_args

import attrs

from korpol._errors import ValidationError
from korpol._model.base import str_tuple
from korpol._model.parties import ambiguous_forms, country_rows, organization_rows
from korpol._tables import once, read_table

__all__ = ["FORM_KINDS", "FormKind", "PlaceForm", "non_place_forms", "place_forms"]


FormKind = Literal["name", "alias", "code", "demonym", "capital", "metonym"]


FORM_KINDS: tuple[str, ...] = get_args(FormKind)


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
    codes: tuple[str, ...] = attrs.field(converter=str_tuple)
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


@once
def _place_forms() -> tuple[PlaceForm, ...]:
    found: dict[str, tuple[list[str], FormKind]] = {}

    def add(text: str, code: str, form: FormKind) -> None:
        codes, _ = found.setdefault(text, ([], form))
        if code not in codes:
            codes.append(code)

    for row in country_rows():
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
    for text, code in _governments_by_leader():
        add(text, code, "metonym")
    for orow in organization_rows():
        o = orow.organization
        add(o.code, o.code, "code")
        add(o.name, o.code, "name")
        for alias in o.aliases:
            add(alias, o.code, "alias")

    declared = ambiguous_forms()
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


#: the nouns that name a leader's government after the leader's surname: "the Biden administration"
_GOVERNMENT_NOUNS = ("administration", "government")


def _governments_by_leader() -> list[tuple[str, str]]:
    """("Biden administration", "US"), ("Tusk government", "PL"), ...: a head of state's or
    government's surname before "administration" or "government" names that state's government --
    for each surname the office-holder data gives to one state only ("Kim" is both Koreas')."""
    from korpol._refdata.offices import offices  # (offices know the places, not the other way)

    states: dict[str, set[str]] = {}
    for office in offices():
        if office.function in ("head of state", "head of government") and office.surname:
            states.setdefault(office.surname, set()).add(office.party_code)
    return [
        (f"{surname} {noun}", next(iter(codes)))
        for surname, codes in sorted(states.items())
        if len(codes) == 1 and len(surname) >= 3 and surname[0].isupper() and len(next(iter(codes))) == 2
        for noun in _GOVERNMENT_NOUNS
    ]


def place_forms() -> tuple[PlaceForm, ...]:
    """Every surface form of every country and organisation: the gazetteer an entity matcher compiles.

    Forms keep their written case; the same text appears once, with all its
    candidate codes.
    """
    return _place_forms()


@once
def _non_place_forms() -> tuple[str, ...]:
    return tuple(row["text"] for row in read_table("not_places.tsv"))


def non_place_forms() -> tuple[str, ...]:
    """Phrases that contain a place form but name no party ("South America", "Korean War" is not here).

    A matcher that prefers the longest match can add these as blockers.

    >>> "Latin America" in non_place_forms()
    True
    """
    return _non_place_forms()
