"""Counts of things in news text: "180 K2 tanks", "3,000 troops", "a dozen howitzers".

Why this module exists: a deal's quantity ("48 FA-50 fighter jets") and a
deployment's size ("3,000 troops") are numbers attached to a noun, often with a
weapon designation and adjectives in between.  Years, money, percentages and
designations ("K9", "F-35") are numbers too, and must not be counted.

How it works (noun-first): one trie regex finds the unit nouns of ``UNITS``;
for each, the number is read to its left across at most two designations
("K2", "FA-50", "Chunmoo") and three modifiers ("self-propelled", "more",
"main battle").  A hedge before the number sets ``approximate`` or ``bound``
("about" -> approximate, "more than" -> over, "fewer than" -> under, "up to"
-> up_to).  "six more" with no noun after it is counted with ``unit = ""``.

>>> text = "Poland ordered 180 K2 tanks and 212 K9 self-propelled howitzers."
>>> [(q.value, q.unit) for q in find_quantities(text)]
[(180, 'tank'), (212, 'howitzer')]
>>> find_quantities("fewer than 200 tanks")[0].bound
'under'
>>> find_quantities("In 2028, $22 billion, 3% of GDP, the K9 and No. 1")
[]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Literal

import attrs

from korpol._errors import ValidationError
from korpol._mentions.numbers import QUANTITY_WORDS, spoken_before
from korpol._regex import trie_pattern
from korpol._text import normalize

__all__ = ["MODIFIERS", "UNITS", "Quantity", "find_quantities", "scan_quantities"]

Bound = Literal["over", "under", "up_to"]

# Unit nouns, singular; plurals are derived (irregular ones listed in _IRREGULAR).
UNITS: tuple[str, ...] = (
    "tank", "troop", "soldier", "howitzer", "fighter jet", "fighter", "jet", "aircraft", "warplane",
    "plane", "helicopter", "launcher", "rocket launcher", "battery", "missile", "rocket", "interceptor",
    "round", "shell", "artillery shell", "artillery piece", "gun", "vehicle", "armored vehicle",
    "armoured vehicle", "infantry fighting vehicle", "truck", "ship", "warship", "frigate", "corvette",
    "destroyer", "submarine", "minesweeper", "vessel", "boat", "carrier", "drone", "system",
    "air defense system", "air defence system", "radar", "satellite", "unit", "trainer", "personnel",
    "person", "civilian", "officer", "sailor", "marine", "engineer", "instructor", "worker", "employee",
    "refugee", "prisoner", "casualty", "ambulance", "generator", "rifle", "mortar", "grenade", "mine",
    "brigade", "battalion", "division", "squadron", "regiment", "platoon", "company", "country", "nation",
    "member state", "fire unit",
)
_IRREGULAR: dict[str, str] = {
    "aircraft": "aircraft", "personnel": "personnel", "people": "person", "persons": "person",
    "artillery": "artillery", "ammunition": "ammunition",
}
# Words allowed between the number and the noun, besides designations.
MODIFIERS: frozenset[str] = frozenset({
    "more", "additional", "new", "extra", "used", "second-hand", "modern", "modernized", "modernised",
    "upgraded", "advanced", "main", "battle", "main-battle", "self-propelled", "light", "heavy", "mobile",
    "multiple", "attack", "combat", "armored", "armoured", "wheeled", "tracked", "towed", "military",
    "naval", "air", "ground", "Korean", "South", "Korean-made", "American", "US-made", "Polish", "German",
    "Russian", "Ukrainian", "North", "American-made", "surplus", "unmanned", "ballistic", "cruise",
    "long-range", "short-range", "medium-range", "anti-tank", "anti-aircraft", "air-defense",
    "air-defence", "guided", "special", "active-duty", "active", "reserve", "foreign", "spare",
    "training", "trainer", "supersonic", "multirole", "multi-role", "stealth", "operational",
    "fully", "basic", "export", "export-version", "newer", "older", "refurbished", "surveillance",
    "early-warning", "coastal", "patrol", "offshore", "amphibious", "transport", "tactical", "maritime",
    "reconnaissance", "utility", "armed", "fighter", "rocket", "air-to-air",
    "defence", "defense", "anti-ship", "surface-to-air", "loitering", "precision",
})
# Hedges before the number.  "about" and kin make the count approximate; the rest bound it.
_HEDGES: dict[str, tuple[bool, Bound | None]] = {
    "about": (True, None), "some": (True, None), "around": (True, None), "roughly": (True, None),
    "approximately": (True, None), "an estimated": (True, None), "estimated": (True, None),
    "more than": (False, "over"), "over": (False, "over"), "at least": (False, "over"),
    "upwards of": (False, "over"), "in excess of": (False, "over"), "well over": (False, "over"),
    "fewer than": (False, "under"), "less than": (False, "under"), "under": (False, "under"),
    "nearly": (True, "under"), "almost": (True, "under"), "close to": (True, "under"),
    "up to": (False, "up_to"), "as many as": (False, "up_to"), "a maximum of": (False, "up_to"),
    "at most": (False, "up_to"), "no more than": (False, "up_to"), "not more than": (False, "up_to"),
    # Negated lower bounds: the longer phrase wins over "fewer than" / "less than".
    "no fewer than": (False, "over"), "no less than": (False, "over"), "not less than": (False, "over"),
    "not fewer than": (False, "over"),
}
_HEDGE_ORDER = sorted(_HEDGES, key=len, reverse=True)
_HEDGE_ENDINGS = tuple(_HEDGE_ORDER)
_SCALES = {"thousand": 1000, "million": 1_000_000}
# Capitalised words that take a number as part of a name: "Type 212", "Leopard 2", "Block III".
# The number after them is a designation, never a count.
_DESIGNATION_HEADS: tuple[str, ...] = (
    "Type", "Leopard", "Block", "Class", "Model", "Mark", "Mk", "Series", "Batch", "Phase", "Tranche",
    "Lot", "Stage", "Article", "No", "Number", "Flight", "Version", "Gen", "Generation", "Increment",
)


def _word_alternation() -> str:
    """The number words, capitalised too, as a prefix trie.

    A trie, not a flat alternation, because the left pattern is searched across the words before
    each unit noun: one branch per character instead of every word at every word start.  It tries
    the words that match at a position longest first, as the flat list sorted by length did.
    """
    forms = set(QUANTITY_WORDS) | {w[:1].upper() + w[1:] for w in QUANTITY_WORDS}
    return trie_pattern(forms)


@attrs.frozen
class Quantity:
    """A count of ``unit`` things as the text states it.

    ``unit`` is the noun, singular and lower-case ("tank", "fighter jet"), or
    ``""`` for a bare "six more".  ``approximate`` is set by "about"/"some"/
    "nearly"...; ``bound`` by "more than" (over), "fewer than" (under), "up
    to" (up_to).

    >>> Quantity(value=180, unit="tank", text="180 K2 tanks", span=(0, 12))
    Quantity(value=180, unit='tank', text='180 K2 tanks', span=(0, 12), approximate=False, bound=None)
    """

    value: int = attrs.field()
    unit: str = attrs.field(validator=attrs.validators.instance_of(str))
    text: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    span: tuple[int, int] | None = attrs.field(default=None)
    approximate: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    bound: Bound | None = attrs.field(default=None)

    @value.validator
    def _check_value(self, attribute: attrs.Attribute[int], value: int) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValidationError("value", value, "a count is a non-negative int")

    @bound.validator
    def _check_bound(self, attribute: attrs.Attribute[Bound | None], value: Bound | None) -> None:
        if value not in (None, "over", "under", "up_to"):
            raise ValidationError("bound", value, "must be None, over, under or up_to")


def _plural(noun: str) -> str:
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    return noun + "s"


@functools.cache
def _units() -> tuple[dict[str, str], re.Pattern[str]]:
    forms: dict[str, str] = dict(_IRREGULAR)
    for unit in UNITS:
        forms.setdefault(unit, unit)
        forms.setdefault(_plural(unit), unit)
    return forms, re.compile(trie_pattern(set(forms)))


@functools.cache
def _unit_after_break() -> re.Pattern[str]:
    """A unit noun right after a character that is not an ASCII letter or digit.

    Unit nouns are lower-case words, so the plain trie would be tried at almost every
    character; a unit counts only at a word start, and the literal ranges of this prefix let
    the regex engine skip to the (few) characters that can precede one.
    """
    return re.compile("[^0-9A-Za-z]" + _units()[1].pattern)


def _unit_nouns(text: str) -> list[re.Match[str]]:
    """The unit nouns that start a word (after a non-word character or at the start of ``text``)."""
    _forms, pattern = _units()
    out: list[re.Match[str]] = []
    m = pattern.match(text)
    pos = 0
    if m is not None:
        out.append(m)
        pos = m.end()
    after_break = _unit_after_break().search
    start = max(pos - 1, 0)  # where the next break character may be
    while True:
        b = after_break(text, start)
        if b is None:
            return out
        if text[b.start()].isalnum():  # a letter or digit beyond ASCII ("démine"): inside a word
            start = b.start() + 1  # (always forward: searching from the same place again never ends)
            continue
        m = pattern.match(text, b.start() + 1)
        assert m is not None
        out.append(m)
        start = m.end() - 1


@functools.cache
def _left_pattern() -> re.Pattern[str]:
    words = _word_alternation()
    number = rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?= (?:thousand|million))|\d+|(?:{words}))"
    scale = r"(?: (?P<scale>thousand|million))?"
    heads = "|".join(_DESIGNATION_HEADS)
    # "Type 212", "K2", "FA-50", "M1A2", "KTSSM", "Chunmoo"
    designation = rf"(?:(?:{heads}) \d[\w-]*|[A-Z][A-Za-z]*-?\d[\w-]*|[A-Z]{{2,}}[\w-]*|[A-Z][a-z]+(?:-\d+)?)"
    modifier = r"(?:[A-Za-z][A-Za-z-]*)"
    return re.compile(
        rf"(?<![\w.,$€£¥₩/-]){number}{scale} (?P<mid>(?:(?:{designation}|{modifier})[ ]){{0,4}})\Z"
    )


def _hedge(text: str, start: int) -> tuple[bool, Bound | None]:
    head = text[max(0, start - 24) : start]
    if not head.endswith(" "):
        return False, None
    low = head[:-1].lower()
    if not low.endswith(_HEDGE_ENDINGS):  # one C call for the usual "ordered", "the", "and"
        return False, None
    for phrase in _HEDGE_ORDER:
        if low.endswith(phrase):
            begin = start - 1 - len(phrase)
            if begin == 0 or not text[begin - 1].isalnum():
                return _HEDGES[phrase]
    return False, None


def _value(token: str, scale: str | None) -> int | None:
    low = token.lower()
    if low in QUANTITY_WORDS:
        return QUANTITY_WORDS[low]
    if not token[:1].isdigit():
        return None
    number = float(token.replace(",", "")) * _SCALES.get(scale or "", 1)
    return int(number) if number == int(number) else None


#: "48 of the jets": a part of the weapons named before, counted with their noun
_PARTITIVE = re.compile(r"of (?:the|its|their|these|those) ")


def _mid_ok(mid: str) -> bool:
    """Between number and noun: designations or known modifiers only, at most three designations
    (after an "of the": "48 of the jets")."""
    designations = 0
    if mid.startswith("of "):
        part = _PARTITIVE.match(mid)
        if part is None:
            return False
        mid = mid[part.end() :]
    for word in mid.split():
        if word in MODIFIERS or word.lower() in MODIFIERS:
            continue
        if any(ch.isdigit() for ch in word) or word.isupper() or word[:1].isupper():
            designations += 1  # ("32 Lockheed Martin F-35 fighters", "66 F-16V Block 70 fighter jets")
            if designations > 3:
                return False
            continue
        return False
    return True


def _not_a_count(token: str, text: str, start: int) -> bool:
    """A year ("2028", written without a thousands comma), a rank ("No. 1") or part of a name.

    "13 Ground Master 400 radars", "a Type 212 submarine": digits right after a capitalised
    word in running text (not a month, not the first word) name a model, they count nothing.
    """
    if text[max(0, start - 4) : start] in ("No. ", "no. "):
        return True
    head = text[max(0, start - 12) : start].rstrip(" .").rsplit(" ", 1)[-1]
    if head in _DESIGNATION_HEADS:
        return True
    if token[:1].isdigit() and text[start - 1 : start] == " " and _named_before(text, start - 1):
        return True
    return len(token) == 4 and token.isdigit() and 1900 <= int(token) <= 2100


_COUNT_THEN_NAME = re.compile(r"\d[\d,]*\s+(?:[A-Z][\w-]*\s+){1,3}$")


def _named_before(text: str, space: int) -> bool:
    """Whether the digits after ``space`` are a model number: "13 Ground Master 400 radars".

    A count, then capitalised name words, then digits: the digits belong to the name (a
    count stands before the name, as the 13 does).
    """
    return _COUNT_THEN_NAME.search(text, max(0, space - 60), space + 1) is not None


def _make(text: str, start: int, end: int, value: int, unit: str) -> Quantity:
    approximate, bound = _hedge(text, start)
    return Quantity(value=value, unit=unit, text=text[start:end], span=(start, end),
                    approximate=approximate, bound=bound)


def scan_quantities(text: str) -> list[Quantity]:
    """Every count in already-normalised ``text``; spans index ``text``.

    >>> [(q.value, q.unit, q.approximate) for q in scan_quantities("about a dozen howitzers and six more")]
    [(12, 'howitzer', True), (6, '', False)]
    """
    forms = _units()[0]
    left = _left_pattern()
    found: list[Quantity] = []
    done = 0
    for m in _unit_nouns(text):
        s, e = m.span()
        if (s and text[s - 1].isalnum()) or (e < len(text) and text[e].isalnum()):
            continue
        if text[s - 1 : s] != " ":
            continue  # the left pattern ends with a space: skip the search
        lm = left.search(text, max(done, s - 80), s)
        while lm is not None and lm.group("mid") and not _mid_ok(lm.group("mid")):
            # "414 million dollars for twenty launchers": the nearest number may still qualify
            lm = left.search(text, lm.end("num"), s)
        spoken = _spoken_count(text, max(done, s - 80), s)
        if spoken is not None:
            found.append(_make(text, spoken[0], e, spoken[1], forms[m.group()]))
            done = e
            continue
        if lm is None:
            continue
        token = lm.group("num")
        if _not_a_count(token, text, lm.start()) and not lm.group("scale"):
            continue
        value = _value(token, lm.group("scale"))
        if value is None or (value < 2 and lm.group("mid").startswith("of ")):
            continue  # ("one of the jets" is no count of jets)
        if token[0].isalpha():
            before = spoken_before(text, lm.end("num"))
            if lm.group("scale") or (before is not None and before[0] < lm.start("num")):
                continue  # a number read aloud the spoken reader did not read exactly: no count
        found.append(_make(text, lm.start("num"), e, value, forms[m.group()]))
        done = e
    found.extend(_bare_more(text, {q.span for q in found}))
    return sorted(found, key=lambda q: q.span or (0, 0))


def _spoken_count(text: str, lo: int, noun: int) -> tuple[int, int] | None:
    """(start, value) of a number read aloud before the unit noun at ``noun`` ("one hundred and
    eighty K2 tanks", "forty-eight FA-50 jets", "one thousand tanks"), across at most four
    designations or modifiers; None when there is no such number or it has more than one word
    and is not a whole number read exactly (one word is left to the pattern above).
    """
    pos = noun - 1  # the space before the noun
    partitive = False
    for _ in range(6):
        spoken = spoken_before(text, pos)
        if spoken is not None:
            start, value = spoken
            words = text[start:pos]
            if start < lo or (" " not in words and "-" not in words):
                return None
            if value is None or value != int(value) or value == 0 or (partitive and value < 2):
                return None
            return start, int(value)
        space = text.rfind(" ", lo, pos)
        if space < 0:
            return None
        word = text[space + 1 : pos]
        part = _PARTITIVE_BEFORE.search(text, max(lo, space - 12), pos)
        if part is not None and not partitive:
            # "thirty-two of the jets": a part of the weapons named before (never "one of the")
            pos, partitive = part.start(), True
            continue
        modifier = word in MODIFIERS or word.lower() in MODIFIERS
        if not (modifier or word[:1].isupper() or any(c.isdigit() for c in word)):
            return None
        pos = space
    return None


#: " of the" (its, their, these, those) right before a unit noun's words
_PARTITIVE_BEFORE = re.compile(r" of (?:the|its|their|these|those)$")


def _bare_more(text: str, taken: Iterable[tuple[int, int] | None]) -> list[Quantity]:
    """"six more" with no unit noun after it: a count of the things named before."""
    spans = [t for t in taken if t is not None]
    out = []
    i = text.find(" more", 0)
    number = _more_pattern()
    while i != -1:
        end = i + 5
        free = (end >= len(text) or not text[end].isalpha()) and not any(a <= i < b for a, b in spans)
        lm = number.search(text, max(0, i - 30), i + 1) if free else None
        if lm is not None:
            value = _value(lm.group("num"), None)
            if value is not None and not _not_a_count(lm.group("num"), text, lm.start()):
                out.append(_make(text, lm.start("num"), end, value, ""))
        i = text.find(" more", end)
    return out


@functools.cache
def _more_pattern() -> re.Pattern[str]:
    words = _word_alternation()
    return re.compile(rf"(?<![\w.,$€£¥₩/-])(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|{words}) \Z")


def find_quantities(text: str) -> list[Quantity]:
    """Every count in ``text``, with ``span``/``text`` quoting ``text`` itself.

    >>> [(q.value, q.unit, q.text) for q in find_quantities("North Korea sent 3,000 troops")]
    [(3000, 'troop', '3,000 troops')]
    """
    norm = normalize(text)
    out = []
    for q in scan_quantities(norm.text):
        if q.span is None:  # pragma: no cover - scan_quantities always sets a span
            continue
        start, end = norm.to_original(*q.span)
        out.append(attrs.evolve(q, span=(start, end), text=norm.original[start:end]))
    return out
