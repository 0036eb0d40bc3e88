"""Weapon systems named in a text: designations ("K9A1", "FA-50PL"), names, category nouns.

Why this module exists: a deal is about *what* is sold or given.  Designations and names
come from :func:`korpol._refdata.weapon_systems`, spelled as news spells them ("K-2" for
"K2", "K9s", a variant suffix the data does not list: "K9PL"); a plain noun ("tanks",
"howitzers") is a generic mention; an alias that is also an ordinary word ("Thunder",
"Patriot") counts only next to a cue.

>>> [(m.text, m.designation) for m in find_systems("The K-2 Black Panther and the Homar-K")]
[('K-2 Black Panther', 'K2'), ('Homar-K', 'Homar-K')]
"""

from __future__ import annotations

import re

import attrs

from korpol import _refdata
from korpol._mentions.gazetteer import Gazetteer, Span, form_variants, mapped_back, next_word
from korpol._mentions.numbers import SPOKEN_WORDS
from korpol._tables import Lazy
from korpol._text import normalize

__all__ = ["SYSTEM_GAZETTEER", "SystemMention", "find_systems", "scan_systems"]


@attrs.frozen
class SystemMention:
    """A weapon system named in the text.

    ``designation`` is canonical ("K2", "K9A1", "FA-50PL") or, for a
    ``generic`` mention, the category noun ("tanks", "howitzers"); ``family``
    is the base design ("K9" for "K9PL").  ``buyer`` is set when the name is a
    state's procurement programme ("Wisła": Poland buys under it).

    >>> m, = find_systems("Poland ordered the K9PL.")
    >>> m.designation, m.family, m.category, m.maker, m.country, m.generic
    ('K9PL', 'K9', 'howitzer', 'Hanwha Aerospace', 'KR', False)
    """

    designation: str
    family: str | None
    category: str | None
    text: str
    span: Span
    generic: bool = False
    maker: str | None = None
    country: str | None = None
    buyer: str | None = None


@attrs.frozen
class _SystemEntry:
    designation: str
    family: str | None
    category: str | None
    generic: bool
    maker: str | None = None
    country: str | None = None
    buyer: str | None = None
    needs_cue: bool = False  # an alias that is also a word or a name ("Thunder", "Patriot")


# What may be glued to a designation: a variant suffix ("K9" + "A1", "K2" + "PL",
# "FA-50" + "PL") or a plural "s" ("K9s").
_SYSTEM_GLUE = re.compile(r"(?:[A-Z]{1,3}[0-9]?|[0-9]?[A-Z]{1,2})?s?")
_PLURAL_GLUE = ("s",)

# A category noun followed by one of these is a modifier, not the system itself
# ("tank maker", "think tank" is handled by the word before).
_GENERIC_NOT_BEFORE: frozenset[str] = frozenset(
    {
        "maker",
        "makers",
        "manufacturer",
        "manufacturers",
        "producer",
        "engine",
        "engines",
        "factory",
        "plant",
        "crew",
        "crews",
        "division",
        "battalion",
        "brigade",
        "regiment",
        "unit",
        "units",
    }
)
_GENERIC_NOT_AFTER: frozenset[str] = frozenset({"think", "Think", "anti", "Anti"})


def _designation_variants(designation: str) -> list[str]:
    """Spelling variants of a designation: "K2" ~ "K-2", "FA-50" ~ "FA50"."""
    out = [designation]
    m = re.fullmatch(r"([A-Z]{1,4})-?([0-9].*)", designation)
    if m:
        for v in (f"{m.group(1)}-{m.group(2)}", f"{m.group(1)}{m.group(2)}"):
            if v not in out:
                out.append(v)
    return out


def _build_systems() -> Gazetteer[_SystemEntry]:
    entries: list[tuple[str, _SystemEntry]] = []
    for ws in _refdata.weapon_systems():
        designation = ws.designation
        entry = _SystemEntry(
            designation=designation,
            family=ws.family or designation,
            category=ws.category or None,
            generic=False,
            maker=ws.maker or None,
            country=ws.country_code or None,
            buyer=ws.buyer or None,
        )
        cued = attrs.evolve(entry, needs_cue=True)
        risky = set(ws.context_aliases)
        for form in (designation, *ws.aliases):
            for v in _designation_variants(form):
                variants = form_variants(v)
                if len(v) >= 4 and v.upper() != v:
                    variants = [*variants, v.upper()]  # "HOMAR-K", "CHUNMOO": names in capitals
                for vv in variants:
                    entries.append((vv, cued if form in risky else entry))
    for cat in _refdata.system_categories():
        entry = _SystemEntry(designation=cat.name, family=None, category=cat.category, generic=True)
        for form in (cat.name, *cat.forms):
            for v in (form, form[:1].upper() + form[1:]):
                entries.append((v, entry))
    return Gazetteer(entries, glue=_SYSTEM_GLUE)


SYSTEM_GAZETTEER: Lazy[Gazetteer[_SystemEntry]] = Lazy(_build_systems)


def scan_systems(text: str) -> list[SystemMention]:
    """Weapon systems named in normalised ``text`` (spans index ``text``).

    A designation with a variant suffix the data does not list ("K9PL") is
    reported with that designation and its family; a category noun ("tanks",
    "self-propelled howitzers") is reported with ``generic=True``.

    >>> [(m.designation, m.family, m.generic) for m in scan_systems("180 K2s and 48 K9PL howitzers")]
    [('K2', 'K2', False), ('K9PL', 'K9', False), ('howitzers', None, True)]
    """
    out: list[SystemMention] = []
    for start, end, _key, values, glued in SYSTEM_GAZETTEER.get().scan_raw(text):
        entry = values[0]
        designation = entry.designation
        if glued:
            suffix = text[end:glued]
            if entry.generic:
                continue  # "tanksX": not the noun
            for p in _PLURAL_GLUE:
                if suffix.endswith(p):
                    suffix = suffix[: -len(p)]
                    break
            if suffix:
                if text[start:end].casefold() == entry.designation.casefold():
                    designation = entry.designation + suffix  # "K9" + "PL": a variant of this designation
                # else an alias took the suffix ("UH-60" + "M" for the Black Hawk): the canonical name stays
                end = end + len(suffix)
            elif text[end:glued] in _PLURAL_GLUE:
                pass  # "K9s": the plural of K9, span without the "s"
        if entry.needs_cue and not _system_cue(text, start, end, entry):
            continue
        if entry.generic:
            before = text[max(0, start - 6) : start].rstrip(" -")
            if before.split()[-1:] and before.split()[-1] in _GENERIC_NOT_AFTER:
                continue
            if next_word(text, end).lower() in _GENERIC_NOT_BEFORE:
                continue
        out.append(
            SystemMention(
                designation=designation,
                family=entry.family,
                category=entry.category,
                text=text[start:end],
                span=(start, end),
                generic=entry.generic,
                maker=entry.maker,
                country=entry.country,
                buyer=entry.buyer,
            )
        )
    return out


def _build_cue_words() -> frozenset[str]:
    words: set[str] = set()
    for cat in _refdata.system_categories():
        for form in (cat.name, *cat.forms):
            words.add(form.split()[-1].lower())
    return frozenset(words)


_CUE_WORDS: Lazy[frozenset[str]] = Lazy(_build_cue_words)


#: the words of a count read aloud ("thirty-six", "twelve", "dozen"), not its glue ("and", "a", "point")
_COUNTING = SPOKEN_WORDS - {"point", "and", "a", "an", "half", "oh", "zero"} | {"dozen"}


def _system_cue(text: str, start: int, end: int, entry: _SystemEntry) -> bool:
    """Whether an alias that is also an ordinary word sits next to a cue: a number,
    its category noun, its maker or an upper-case designation ("K9 Thunder")."""
    window = text[max(0, start - 40) : end + 40]
    if any(ch.isdigit() for ch in window):
        return True
    before = text[max(0, start - 24) : start].lower().split()
    if before and all(part in _COUNTING for part in before[-1].split("-")):
        return True  # a count read aloud right before: "thirty-six Rafales", "twelve Rafale jets"
    if any(w.strip(".,;:()") in _CUE_WORDS.get() for w in window.lower().split()):
        return True
    return bool(entry.maker and entry.maker.split()[0] in window)


def find_systems(text: str) -> list[SystemMention]:
    """Weapon systems named in ``text``; spans index ``text`` itself.

    >>> [(m.text, m.designation) for m in find_systems("The K-2 Black Panther and the Homar-K")]
    [('K-2 Black Panther', 'K2'), ('Homar-K', 'Homar-K')]
    """
    norm = normalize(text)
    return [attrs.evolve(m, **mapped_back(text, norm, m.span)) for m in scan_systems(norm.text)]
