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
"hundred" alone and no teen but "fifteen"; quantities read every number to twenty, the tens
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
    "TIME_WORDS",
    "count_value",
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
    {"half a": Decimal("0.5"), "half an": Decimal("0.5")}
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
    "a", "an", *_ONE_TO_TWELVE, "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "a hundred",
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
