"""Number words: the one table of what "two", "a dozen" or "a hundred and fifty" count.

Why this module exists: amounts of money ("two billion dollars"), quantities ("a dozen
howitzers"), times ("three years ago") and the record rules' bare counts ("another twelve")
all read number words, and used to keep a table each.  The values live here once, in
:data:`NUMBER_WORDS`.  Each reader still reads only the words it always read (a word is
safe in one place and not in another: "a" counts one before "billion" or "year ago", never
before a noun, where "a tank" is no count), so each takes a named subset of the table,
listed at the end of this module where the four can be compared:

====================  ===================================================================
subset                read by, and where
====================  ===================================================================
:data:`MONEY_WORDS`   money, before a scale word: "two billion", "a hundred million"
:data:`QUANTITY_WORDS`  quantities, before a unit noun: "six tanks", "a pair of jets"
:data:`TIME_WORDS`    times, before a unit and "ago": "two years ago", "a month ago"
:data:`COUNT_WORDS`   the record rules: "another twelve", "a dozen were ordered", "a ten-year term"
====================  ===================================================================

The subsets never disagree on a value; they differ in which words they read (money reads
every number to twenty, the tens and "hundred" alone; quantities read every number to twenty, the tens
to ninety and "dozen" alone, but not "a"/"an"; times read "a" to "twelve"; bare counts read
"one" to "twelve", "a dozen", "fifteen", "twenty" and "thirty").  Widening one is a change
of what that reader finds, to be made on purpose, with its tests.

>>> NUMBER_WORDS["a dozen"], QUANTITY_WORDS["a hundred and fifty"], count_value("twelve")
(12, 150, 12)
>>> "a" in QUANTITY_WORDS, "a" in MONEY_WORDS
(False, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

__all__ = [
    "COUNT_WORDS",
    "FRACTION_WORDS",
    "MONEY_WORDS",
    "NUMBER_WORDS",
    "ORDINAL_WORDS",
    "QUANTITY_WORDS",
    "SPOKEN_WORDS",
    "TIME_WORDS",
    "count_value",
    "read_spoken",
    "spoken_before",
]

# fmt: off
#: every number word korpol reads, lower case, with its value
NUMBER_WORDS: Mapping[str, int] = MappingProxyType({
    "a": 1, "an": 1,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a hundred and fifty": 150, "a thousand": 1000,
    "dozen": 12, "a dozen": 12, "two dozen": 24, "three dozen": 36,
    "a pair of": 2, "a couple of": 2,
})

#: fractions written as words ("half a billion")
FRACTION_WORDS: Mapping[str, Decimal] = MappingProxyType(
    {"half a": Decimal("0.5"), "half an": Decimal("0.5"), "half": Decimal("0.5")}
)

#: ordinals written as words ("the third quarter")
ORDINAL_WORDS: Mapping[str, int] = MappingProxyType({
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
})
# fmt: on


def _subset(*words: str) -> Mapping[str, int]:
    """The values of ``words`` in :data:`NUMBER_WORDS`, in the order given (a reader's subset)."""
    return MappingProxyType({w: NUMBER_WORDS[w] for w in words})


_ONE_TO_TWELVE = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
)  # fmt: skip

#: money: a number word before a scale word ("two billion dollars", "a hundred million"); the
#: money scanner also reads :data:`FRACTION_WORDS` there ("half a billion")
MONEY_WORDS = _subset(
    "a", "an", *_ONE_TO_TWELVE, "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "a hundred",
)  # fmt: skip

#: quantities: a number word before a unit noun ("six tanks", "a dozen howitzers", "a pair of jets")
QUANTITY_WORDS = _subset(
    *_ONE_TO_TWELVE, "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "a hundred", "one hundred",
    "a dozen", "two dozen", "three dozen", "a pair of", "a couple of", "a thousand", "dozen",
    "a hundred and fifty",
)  # fmt: skip

#: times: a number word before a unit and "ago" ("two years ago", "a month ago")
TIME_WORDS = _subset("a", "an", *_ONE_TO_TWELVE)

#: the record rules: a bare count ("another twelve", "a dozen were ordered", "a ten-year term")
COUNT_WORDS = _subset(*_ONE_TO_TWELVE, "a dozen", "fifteen", "twenty", "thirty")


def count_value(word: str) -> int:
    """The value of a bare count: a word of :data:`COUNT_WORDS` or digits ("1,200").

    >>> count_value("a dozen"), count_value("180")
    (12, 180)
    """
    return COUNT_WORDS.get(word) or int(word.replace(",", ""))


# --------------------------------------------------------------------------- read aloud

#: the words of a number read aloud, as radio and transcripts write them
_UNITS: Mapping[str, int] = MappingProxyType({
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
})  # fmt: skip
_TENS: Mapping[str, int] = MappingProxyType({
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
})  # fmt: skip
#: what may stand after "point": one digit per word ("three point three seven" is 3.37)
_DIGITS: Mapping[str, int] = MappingProxyType({**{w: v for w, v in _UNITS.items() if v < 10}, "oh": 0})
#: every word a number read aloud is made of
SPOKEN_WORDS = frozenset({*_UNITS, *_TENS, "hundred", "thousand", "point", "and", "a", "an", "half", "oh"})


def read_spoken(words: list[str]) -> Decimal | None:
    """The exact value of a number read aloud, as lower-case words; ``None`` if it is not one.

    Hyphens are word breaks ("six-point-five" is ``["six", "point", "five"]``).  A sequence
    that is not a well-formed number ("five six", "point", "hundred and and") is ``None``:
    a number korpol cannot read exactly is never read as another number.

    >>> read_spoken("three point three seven".split()), read_spoken(["six", "point", "five"])
    (Decimal('3.37'), Decimal('6.5'))
    >>> read_spoken("one hundred and eighty".split()), read_spoken("three and a half".split())
    (Decimal('180'), Decimal('3.5'))
    >>> read_spoken("five six".split()) is None, read_spoken(["point"]) is None
    (True, True)
    """
    if not words:
        return None
    if words == ["half", "a"] or words == ["half", "an"]:
        return Decimal("0.5")
    if words[-3:] == ["and", "a", "half"] or words[-3:] == ["and", "an", "half"]:
        whole = _read_whole(words[:-3])
        return None if whole is None else whole + Decimal("0.5")
    if "point" in words:
        i = words.index("point")
        whole = _read_whole(words[:i]) if i else 0
        digits = words[i + 1 :]
        if whole is None or not digits or any(d not in _DIGITS for d in digits):
            return None
        return Decimal(f"{whole}." + "".join(str(_DIGITS[d]) for d in digits))
    whole = _read_whole(words)
    return None if whole is None else Decimal(whole)


def _read_whole(words: list[str]) -> int | None:
    """A whole number read aloud ("one hundred and eighty", "a thousand", "twenty-two"); or None."""
    total = current = 0
    last = ""  # the kind of the last word: unit, ten, hundred, thousand, and, a
    for i, w in enumerate(words):
        if w in ("a", "an"):
            if i != 0 or len(words) == 1 or words[1] not in ("hundred", "thousand"):
                return None
            current, last = 1, "a"
        elif w in _UNITS:
            if last in ("unit",) or (last == "ten" and _UNITS[w] >= 10) or (last == "ten" and _UNITS[w] == 0):
                return None
            current += _UNITS[w]
            last = "unit"
        elif w in _TENS:
            if last in ("unit", "ten"):
                return None
            current += _TENS[w]
            last = "ten"
        elif w == "hundred":
            if last not in ("unit", "a") or current >= 10:
                return None
            current *= 100
            last = "hundred"
        elif w == "thousand":
            if last not in ("unit", "ten", "hundred", "a") or current == 0:
                return None
            total += current * 1000
            current, last = 0, "thousand"
        elif w == "and":
            if last not in ("hundred", "thousand") or i == len(words) - 1:
                return None
            last = "and"
        else:
            return None
    if last == "and":
        return None
    return total + current


def spoken_before(text: str, end: int) -> tuple[int, Decimal | None] | None:
    """The number read aloud that ends at ``end`` in ``text``: (start, value), or None if no words.

    The run of number words (and "point", "and", "a", "half") right before ``end`` is read
    whole; its value is ``None`` when the run is not a well-formed number, so that the
    caller can refuse it rather than read its last words alone ("six-point-five billion" is
    6.5 billion, never 5 billion).

    >>> spoken_before("a deal worth six-point-five", 27)
    (13, Decimal('6.5'))
    >>> spoken_before("worth five six", 14)
    (6, None)
    """
    pos = end
    start = None
    words: list[str] = []
    while pos > 0:
        j = pos
        while j > 0 and text[j - 1].isalpha():
            j -= 1
        word = text[j:pos].lower()
        if not word or word not in SPOKEN_WORDS:
            break
        words.insert(0, word)
        start = j
        if j == 0 or text[j - 1] not in " -":
            break
        pos = j - 1
    while words and words[0] in ("and", "point") and start is not None:
        start += len(words[0]) + 1  # (a run never starts with a joining word)
        words.pop(0)
    if start is None or not words:
        return None
    if words[0] in ("a", "an") and len(words) > 1 and words[1] not in ("hundred", "thousand", "half"):
        start += len(words[0]) + 1  # "a further two": only "two" is the number
        words.pop(0)
    return start, read_spoken(words)
