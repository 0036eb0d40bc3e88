"""Countries and organisations named in a text, and the forms news uses instead of names.

Why this module exists: every record needs to know *who* acts: a country or an
organisation, named by its name, an alias, a code ("ROK"), a demonym ("Polish"), a capital
("Seoul"), a metonym ("the Kremlin"), or in a Korean context "the North"/"the South".  The
forms come from :func:`korpol._refdata.place_forms`; phrases that hold a place form but name
no actor ("Korean Peninsula", a company's name) block it.

>>> [(m.text, m.code) for m in find_places("North Korea fired a missile, Seoul said.")]
[('North Korea', 'KP'), ('Seoul', 'KR')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from korpol import _refdata
from korpol._mentions.companies import COMPANY_GAZETTEER
from korpol._mentions.gazetteer import (
    Gazetteer,
    Span,
    apostrophe_variants,
    form_variants,
    is_word,
    mapped_back,
    next_word,
    party_for,
)
from korpol._model import Party
from korpol._tables import Lazy
from korpol._text import normalize

__all__ = ["PLACE_GAZETTEER", "PlaceMention", "find_places", "possessive_end", "scan_places"]


@attrs.frozen
class PlaceMention:
    """A country or organisation named in the text.

    ``form`` says how it was named: ``name``, ``alias``, ``code`` ("ROK"),
    ``demonym`` ("Polish"), ``capital`` ("Seoul"), ``metonym`` ("the Kremlin")
    or ``context`` ("the North", resolved only in a Korean context).
    ``ambiguous`` marks forms that are often something else ("Georgia",
    "Jordan", "Washington"); ``possessive`` marks "Poland's".

    >>> m, = find_places("Seoul's defence ministry said")
    >>> m.code, m.party.name, m.text, m.span, m.form, m.possessive
    ('KR', 'South Korea', 'Seoul', (0, 5), 'capital', True)
    """

    party: Party
    text: str
    span: Span
    form: str
    ambiguous: bool = False
    possessive: bool = False

    @property
    def code(self) -> str:
        """The party's code (``"KR"``, ``"NATO"``)."""
        return self.party.code


@attrs.frozen
class _PlaceEntry:
    party: Party | None  # None: a blocker ("Korean Peninsula" is nobody)
    form: str
    ambiguous: bool


# Phrases that contain a place form but name no actor.  Longest match wins, so
# listing them here stops "Korea" matching inside "Korean Peninsula".
_PLACE_BLOCKERS: tuple[str, ...] = (
    "Korean Peninsula",
    "Korean peninsula",
    "Korean War",
    "Korean won",
    "South Korean won",
    "Polish zloty",
    "Polish zlotys",
    "Japanese yen",
    "South China Sea",
    "East China Sea",
    "North Atlantic",
    "Middle East",
    "the Koreas",
)

# "the North"/"the South" name a Korea only where the document is about Korea.
_CONTEXT_FORMS: Mapping[str, str] = {"North": "KP", "South": "KR"}
_CONTEXT_TEXTS = frozenset({"the North", "the South", "North", "South"})
_KOREAN_CONTEXT = frozenset({"KR", "KP"})


def _build_places() -> Gazetteer[_PlaceEntry]:
    entries: list[tuple[str, _PlaceEntry]] = []
    parties: dict[str, Party | None] = {}
    for pf in _refdata.place_forms():
        text = pf.text
        codes = pf.codes
        if not codes or text in _CONTEXT_TEXTS:
            continue
        code = codes[0]
        if code not in parties:
            parties[code] = party_for(code)
        party = parties[code]
        if party is None:
            continue
        if text.startswith("the ") and len(text) > 4:
            text = text[4:]  # "the Kremlin": match "Kremlin", the article is optional
        entry = _PlaceEntry(party, pf.form, pf.ambiguous)
        variants = [text] if pf.form == "code" else form_variants(text)
        if not pf.case_sensitive and len(text) >= 4 and text.upper() != text:
            variants.append(text.upper())  # headlines in capitals: "SOUTH KOREA, POLAND SIGN ..."
        for v in variants:
            entries.append((v, entry))
    blocker = _PlaceEntry(None, "blocker", False)
    for word in _CONTEXT_FORMS:  # resolved only in a Korean context, by scan_places
        entries.append((word, _PlaceEntry(None, word, False)))
    for text in (*_refdata.non_place_forms(), *_PLACE_BLOCKERS):
        text = text[4:] if text.startswith("the ") else text
        entries.extend((v, blocker) for v in apostrophe_variants(text))
    # Company names hold place words ("Korea Aerospace Industries", "Polish Armaments
    # Group"): they are companies, found by scan_companies, not places.
    for company in COMPANY_GAZETTEER.get().table:
        entries.append((company, blocker))
    return Gazetteer(entries)


PLACE_GAZETTEER: Lazy[Gazetteer[_PlaceEntry]] = Lazy(_build_places)

# The record stage scans the places of a text, and scan_people needs them again for the
# same text: the last result is kept (keyed by the text object itself) so the scan runs once.
_LAST_PLACES: tuple[str, tuple[PlaceMention, ...]] | None = None

_POSSESSIVES = ("'s", "’s", "'", "’")


def possessive_end(text: str, end: int) -> int:
    """The end of a possessive ending at ``end`` ("Poland's"), or ``end``."""
    if not text.startswith(("'", "’"), end):
        return end  # the common case: every possessive starts with an apostrophe
    for p in _POSSESSIVES:
        if text.startswith(p, end):
            after = end + len(p)
            if after >= len(text) or not is_word(text[after]):
                return after
    return end


def scan_places(text: str, *, context: Iterable[str] = ()) -> list[PlaceMention]:
    """Countries and organisations named in normalised ``text``, in order.

    ``context`` is the set of party codes already seen in the document (the
    record stage passes the codes of earlier sentences); it only decides the
    context-dependent forms: "the North"/"the South" resolve to North/South
    Korea when the document (``context`` or ``text`` itself) mentions a Korea.
    ``span`` indexes ``text``; a possessive "'s" is not part of the span.

    >>> [(m.text, m.code, m.form) for m in scan_places("Seoul and Warsaw signed a deal.")]
    [('Seoul', 'KR', 'capital'), ('Warsaw', 'PL', 'capital')]
    """
    global _LAST_PLACES
    if context == ():
        last = _LAST_PLACES
        if last is not None and last[0] is text:
            return list(last[1])
        out = _scan_places(text, ())
        _LAST_PLACES = (text, tuple(out))
        return out
    return _scan_places(text, context)


def _scan_places(text: str, context: Iterable[str]) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    compass: list[tuple[int, int, str]] = []
    n = len(text)
    for start, end, _key, values, _glued in PLACE_GAZETTEER.get().scan_raw(text):
        entry = values[0]
        party = entry.party
        if party is None:
            if entry.form in _CONTEXT_FORMS:
                compass.append((start, end, entry.form))
            continue
        if entry.form == "code" and not _code_ok(text, start, end):
            continue
        if entry.form == "metonym" and out and _owned_by(text, out[-1], start, party):
            continue  # "the Romanian Armament Agency": Romania's agency, not Poland's of that name
        possessive = (
            end < n
            and text[end] in "'’"
            and (
                end + 1 >= n
                or not text[end + 1].isalnum()
                or (text[end + 1] == "s" and (end + 2 >= n or not text[end + 2].isalnum()))
            )
        )
        out.append(
            PlaceMention(party, text[start:end], (start, end), entry.form, entry.ambiguous, possessive)
        )
    if compass:
        seen = set(context) | {m.party.code for m in out}
        if seen & _KOREAN_CONTEXT:
            out.extend(_context_places(text, compass))
            out.sort(key=lambda m: m.span)
    return out


def _owned_by(text: str, before: PlaceMention, start: int, party: Party) -> bool:
    """Another state's demonym or possessive right before a body's name owns that body."""
    if before.party == party or not (before.form == "demonym" or before.possessive):
        return False
    return not text[possessive_end(text, before.span[1]) : start].strip()


def _code_ok(text: str, start: int, end: int) -> bool:
    """An ISO-like code is a party, except as a currency prefix ("US$", "USD")."""
    return text[end : end + 1] not in ("$", "D") and not text.startswith("-dollar", end)


def _context_places(text: str, candidates: Iterable[tuple[int, int, str]]) -> list[PlaceMention]:
    """ "the North"/"the South" as Koreas: after "the", not before another name ("the South China Sea")."""
    out: list[PlaceMention] = []
    for start, end, word in candidates:
        if not (text.endswith("the ", 0, start) or text.endswith("The ", 0, start)):
            continue
        after = possessive_end(text, end)
        nxt = next_word(text, after)
        if nxt and nxt[0].isupper():
            continue
        party = party_for(_CONTEXT_FORMS[word])
        if party is not None:
            out.append(PlaceMention(party, word, (start, end), "context", False, after != end))
    return out




def find_places(text: str, *, context: Iterable[str] = ()) -> list[PlaceMention]:
    """Countries and organisations named in ``text``; spans index ``text`` itself.

    >>> [(m.text, m.code) for m in find_places("North Korea fired a missile, Seoul said.")]
    [('North Korea', 'KP'), ('Seoul', 'KR')]
    >>> [(m.text, m.code, m.possessive) for m in find_places("Poland’s army")]
    [('Poland', 'PL', True)]
    """
    norm = normalize(text)
    return [
        attrs.evolve(m, **mapped_back(text, norm, m.span)) for m in scan_places(norm.text, context=context)
    ]
