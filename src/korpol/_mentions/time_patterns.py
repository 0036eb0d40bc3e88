"""What a time expression looks like, and where in a text to look for one.

Why this module exists: :mod:`~korpol._mentions.time` decides what an expression *means*
(which days, which precision, before or after ``published``); this module finds the
expressions.  The time pattern is a list of alternatives, most specific first; a text is not
searched with it everywhere but only at the words near a trigger (a digit, a month or weekday
name, "year", "ago" ...), and at each such word only with the alternatives that can start
with its first character and word (read from the pattern's own parse tree, see
:func:`korpol._regex.first_chars`).  A match must also pass the word-boundary and number guards
of :func:`_plausible` ("$22 billion" and "3.5%" hold no date).
"""

from __future__ import annotations

import calendar
import functools
import re
from typing import Union

from korpol._mentions.numbers import TIME_WORDS
from korpol._regex import first_chars, lead_words, trie_pattern

__all__ = ["MONTHS", "WEEKDAYS", "spoken_year", "time_matches"]

MONTHS: dict[str, int] = {
    name: i
    for i, full in enumerate(calendar.month_name)
    if full
    for name in {full, full[:3], full[:3] + ".", "Sept", "Sept."} if name.startswith(full[:3])
}
WEEKDAYS: dict[str, int] = {name: i for i, name in enumerate(calendar.day_name)}


_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen")
#: a year of this century read aloud: "twenty twenty-two", "twenty-ten", "two thousand and nine"
_UNIT = "|".join(_UNITS)
_TEEN = "|".join(_TEENS)
_SPOKEN_YEAR = (
    rf"(?:[Tt]wenty[- ](?:twenty(?:[- ](?:{_UNIT}))?|{_TEEN})"
    rf"|[Tt]wo thousand(?: and)? (?:twenty(?:[- ](?:{_UNIT}))?|{_TEEN}|{_UNIT}))(?![\w-])"
)
_SPOKEN_VALUES = {w: i for i, w in enumerate(("zero", *_UNITS, *_TEENS, "twenty"))}


def spoken_year(text: str) -> int:
    """The year a :data:`_SPOKEN_YEAR` match reads aloud.

    >>> spoken_year("twenty twenty-two"), spoken_year("Twenty-ten"), spoken_year("two thousand and nine")
    (2022, 2010, 2009)
    """
    words = text.lower().replace("-", " ").split()
    rest = words[2:] if words[:2] == ["two", "thousand"] else words[1:]
    rest = [w for w in rest if w != "and"]
    return 2000 + sum(_SPOKEN_VALUES[w] for w in rest)


@functools.cache
def _alternatives() -> tuple[str, ...]:
    """The time pattern's alternatives, most specific first (the first that matches wins)."""
    month = "(?:" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + ")"
    wd = "(?:" + "|".join(WEEKDAYS) + ")"
    y = r"(?:19|20)\d\d(?![\d])"
    d = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
    ry = r"(?:this year|next year|last year|the year|this month|next month|last month|the month)"
    yx = rf"(?:{y}|{ry}|{month})"
    ago_words = "|".join(TIME_WORDS)  # "two years ago", "a month ago"
    alts = [
        # order matters: the longest, most specific forms first
        rf"(?P<iso>{y}-[01]\d-[0-3]\d)",
        # day.month.year, as European (Polish, German) text writes dates: "26.08.2022"
        rf"(?<![\d.])(?P<num_d>[0-3]?\d)\.(?P<num_m>[01]\d)\.(?P<num_y>{y})",
        rf"(?P<wd>{wd})(?:,? \(?(?P<wd_m>{month}) (?P<wd_d>{d})(?:,? (?P<wd_y>{y}))?\)?)?",
        rf"(?P<mdy_m>{month}) (?P<mdy_d>{d})(?:(?: ?- ?| to | and )(?P<mdy_d2>{d}))?(?:,? (?P<mdy_y>{y}))?",
        rf"(?P<dmy_d>{d})(?:(?: ?- ?| to | and )(?P<dmy_d2>{d}))? (?P<dmy_m>{month})(?:,? (?P<dmy_y>{y}))?",
        rf"(?P<mr_a>{month})(?: ?- ?| to | through | and )(?P<mr_b>{month}),? (?P<mr_y>{y})",
        rf"(?P<my_m>{month}),? (?P<my_y>{y})",
        rf"(?P<ana_m>{month}),? (?:of )?"
        r"(?P<ana_y>that year|the same year|the following year|the previous year)",
        # a year read aloud (radio and TV transcripts): "April twenty-twenty-three"
        rf"(?P<smy_m>{month}),? (?P<smy_y>{_SPOKEN_YEAR})",
        rf"(?P<yr_a>{y})(?P<yr_sep> ?- ?| to | through | and |/)(?P<yr_b>{y}|\d\d(?!\d))",
        rf"(?P<q>Q[1-4]|[Tt]he (?:first|second|third|fourth|final|last|1st|2nd|3rd|4th) quarter|"
        rf"(?:first|second|third|fourth) quarter)(?:,? (?:of )?(?P<q_y>{y}|{ry}))?",
        rf"(?P<h>H[12]|(?:[Tt]he )?(?:first|second|latter) half)(?:,? (?:of )?(?P<h_y>{y}|{ry}))?",
        rf"(?P<pos>[Mm]id|[Ee]arly|[Ll]ate|[Ee]nd|[Tt]he middle of|[Tt]he end of|[Tt]he beginning of|"
        rf"[Tt]he start of|[Tt]he first months of|[Tt]he second half of)[- ](?P<pos_x>{yx})",
        r"(?P<yend>[Yy]ear's end|[Yy]ear-end|the year's end|[Mm]onth's end)",
        # a year told by the one before it: "in May that year", "six more the following year"
        r"(?P<ana>(?:[Tt]hat|[Tt]he same|[Tt]he following|[Tt]he previous|[Tt]he preceding) year"
        r"|[Tt]he year (?:before|after))(?![\w'])",
        r"(?P<dec>(?:[Tt]he )?(?:19|20)\d0s)",
        rf"(?P<rel_w>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arlier this|[Ll]ater this|[Ee]arly next|[Ll]ate last|"
        rf"[Ee]arly this|[Ll]ate this|[Ee]arlier last|[Ll]ater next) "
        rf"(?P<rel_u>year|month|week|quarter|{month}|{wd})",
        r"(?P<day_w>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)",
        rf"(?P<ago_n>\d{{1,2}}|{ago_words}|[Ss]everal) (?P<ago_u>years?|months?|weeks?|days?) ago",
        r"(?P<od>the \d{1,2}(?:st|nd|rd|th))(?![\w])",
        rf"(?P<y>{y})",
        rf"(?P<sy>{_SPOKEN_YEAR})",
        rf"(?P<mo>{month})",
    ]
    return tuple(alts)


# ---------------------------------------------------------------- first-character dispatch
#
# Trying the whole pattern at a word makes the regex engine enter all twenty alternatives (each
# opens a named group, so none fails on its first character).  The first character of the word
# rules most of them out: "in", "worth" or "billion" can start none, "the" only a handful.  So the
# alternatives are grouped by the characters they can start with, read from the regex's own parse
# tree, and each word is matched against only the alternatives it can start (in the same order,
# so the same alternative wins).

@functools.cache
def _starts() -> tuple[tuple[frozenset[str], bool] | None, ...]:
    """For each alternative: the characters it can start with and whether a digit can start it."""
    return tuple(first_chars(alt) for alt in _alternatives())


@functools.cache
def _sub_pattern(which: tuple[int, ...]) -> re.Pattern[str] | None:
    alts = _alternatives()
    return re.compile("|".join(alts[i] for i in which)) if which else None


_BY_CHAR: dict[str, re.Pattern[str] | None] = {}


def _pattern_for(c: str) -> re.Pattern[str] | None:
    """The alternatives that can start with ``c``, as one pattern; None if none can."""
    try:
        return _BY_CHAR[c]
    except KeyError:
        pass
    which = tuple(
        i
        for i, first in enumerate(_starts())
        if first is None or c in first[0] or (first[1] and c.isdecimal())
    )
    pat = _sub_pattern(which)
    if len(_BY_CHAR) < 4096:
        _BY_CHAR[c] = pat
    return pat


class _Groups(dict[str, Union[str, None]]):  # noqa: UP007 - a runtime base usable on 3.10
    """A match's groups; a group of another alternative reads as None (no copy of all the names)."""

    __slots__ = ()

    def __missing__(self, key: str) -> None:
        return None


def _groups(m: re.Match[str]) -> dict[str, str | None]:
    """Every group of the full pattern (None where this match's alternatives had no such group)."""
    return _Groups(m.groupdict())


# ---------------------------------------------------------------- first words
#
# Most words near a trigger ("for", "signed", "about") can start no alternative, yet trying the
# pattern there costs a call.  A match that starts with a letter starts with one of a finite set of
# words, read (like the first characters above) from the regex's own parse tree: "the", "mid",
# "last", "two", the month and weekday names...  A letter-initial word outside that set is skipped
# without calling the regex; it could not have been a plausible match (a plausible match ends at a
# word boundary, so its first word is a whole word of the text).

@functools.cache
def _lead_words() -> frozenset[str] | None:
    """Every word a match that starts with a letter can start with; None if the pattern is not
    understood (then every word is tried)."""
    words: set[str] = set()
    for alt in _alternatives():
        lead = lead_words(alt)
        if lead is None:
            return None
        words |= lead
    return frozenset(words)


# ---------------------------------------------------------------- boundaries

_NOT_BEFORE_NUMBER = frozenset("$€£¥₩#.,-/:+")


def _plausible(text: str, m: re.Match[str], g: dict[str, str | None]) -> bool:
    """Word boundaries and the number guards ("$22 billion", "3.5%", "No. 1", "24/7")."""
    start, end = m.span()
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or before == "_" or after.isalnum() or after == "_":
        return False
    if m.group()[0].isdigit():
        if before in _NOT_BEFORE_NUMBER or text[max(0, start - 4) : start] in ("No. ", "no. "):
            return False
        if after in "%/:" or (after in ".," and text[end + 1 : end + 2].isdigit()):
            return False
        tail = text[end : end + 10]
        if tail.startswith((" percent", " per cent", " billion", " million", " trillion", " troops")):
            return False
    if g["mo"] or g["sy"]:
        # a bare month (or a year read aloud) needs a preposition or a time word before it ("in July")
        word = text[max(0, start - 12) : start].split()[-1:] if start else []
        if not word or word[0].lower() not in {"in", "since", "until", "till", "by", "from", "through",
                                                  "of", "early", "late", "mid", "during", "before", "after",
                                                  "last", "next", "this", "and", "or", "to", "between"}:
            return False
    return True


# Every time expression holds a digit or one of these words (or a word starting with one:
# "Jan" covers "January", "year" covers "years").  Two literal-first scans find them.
_TRIGGER_WORDS = (
    *{m[:3] for m in calendar.month_name[1:]}, *{d[:3] for d in calendar.day_name},
    "year", "Year", "month", "Month", "week", "Week", "quarter", "Quarter", "half", "ago",
    "yesterday", "Yesterday", "today", "Today", "tomorrow", "Tomorrow", "tonight", "Tonight",
    "Q1", "Q2", "Q3", "Q4", "H1", "H2", "twenty", "Twenty", "two thousand", "Two thousand",
)
# The numbers that may be part of a time expression (see _triggers).  Led by one class, so the
# engine skips to the next digit; the look-behind after it sees the character before the number.
_NUMBER_TRIGGER = re.compile(
    r"\d(?<![\w$€£¥₩#:+,.]\d)(?:\d?(?!\d)|(?<=1)9\d\d(?!\d)|(?<=2)0\d\d(?!\d))"
)
# How many words before a trigger an expression may start ("by the middle of next year").
_WORDS_BACK = 4


@functools.cache
def _trigger_pattern() -> re.Pattern[str]:
    return re.compile(trie_pattern(set(_TRIGGER_WORDS)))


def _triggers(text: str) -> list[int]:
    """Where the triggers start, in order, less those no plausible match can hold.

    Such a trigger would only cost the tries at the words before it:

    * a number of three digits, of five or more, or of four not starting "19" or "20" ("180",
      "4500"): every digit run an alternative matches is a whole run of the text (bounded by a
      non-digit, a look-ahead or the plausible match's end), of one, two or four such digits;
    * a trigger right after a letter or digit ("K2", "FA50", "behalf", "Pentagon") or "_": a match
      starting at the trigger would not start a word, and no alternative has a letter or digit
      right before a trigger inside it (the "1" of "Q1" follows its own trigger, "Q1");
    * a number right after a currency sign, "#", ":", "+" or ",": ``_plausible`` rejects a match
      starting at it, and no alternative holds these characters before a digit (a comma is always
      followed by a space);
    * a number right after ".": ``_plausible`` rejects a match starting at it, and the only
      alternative with "." before a digit is the dotted date "26.08.2022", which starts at the day's
      digits, an earlier trigger that has already been tried.
    """
    # ``_NUMBER_TRIGGER`` applies these rules to numbers (``\w`` is exactly a letter, a digit or "_")
    out = [d.start() for d in _NUMBER_TRIGGER.finditer(text)]
    words = []
    for w in _trigger_pattern().finditer(text):
        t = w.start()
        if not t or not ((c := text[t - 1]).isalnum() or c == "_"):
            words.append(t)
    if words:
        out += words
        out.sort()
    return out


# Up to ``_WORDS_BACK`` words read backwards: matched on the reversed text, where the end of a
# letter/digit run is the start of a word in the text.  One C-level match per trigger instead of a
# Python loop over characters.  ``[^\W_]`` is exactly ``str.isalnum``.
_BACK_WORDS = re.compile(
    r"[\W_]*([^\W_]+)(?:[\W_]+([^\W_]+)(?:[\W_]+([^\W_]+)(?:[\W_]+([^\W_]+))?)?)?"
)
assert _BACK_WORDS.groups == _WORDS_BACK


def _word_starts(text: str, rev: str, lo: int, t: int) -> list[int]:
    """Up to ``_WORDS_BACK`` word starts before ``t`` (not before ``lo``), leftmost first, plus ``t``;
    less the starts where no plausible match can begin.

    ``rev`` is ``text[::-1]``.  A word start is a letter or digit after a non-word character (or at
    the very start of the text).  A plausible match begins after neither "_" nor, if it begins with
    a digit, a character of ``_NOT_BEFORE_NUMBER`` or "No. "; one beginning with a letter begins
    with a whole word of ``_lead_words()``.
    """
    n = len(text)
    m = _BACK_WORDS.match(rev, n - t, n - lo)
    starts = []
    if m is not None:
        lead = _lead_words()
        # group k is the k-th word back, reversed: its span in ``rev`` is (n - word end, n - word start)
        for b, e in m.regs[_WORDS_BACK:0:-1]:
            if e < 0:
                continue
            i = n - e
            # a run cut off at ``lo`` is a word start only if the text breaks there
            if i and ((before := text[i - 1]) == "_" or (i == lo and before.isalnum())):
                continue
            if text[i].isdigit():
                if i and (before in _NOT_BEFORE_NUMBER or text[i - 4 : i] in ("No. ", "no. ")):
                    continue
            elif lead is not None and (end := n - b) != t and text[i:end] not in lead:
                continue  # (a run that reaches ``t`` may go on past it: not known to be whole)
            starts.append(i)
    starts.append(t)
    return starts


def _match_at(text: str, s: int) -> tuple[re.Match[str], dict[str, str | None]] | None:
    """The plausible match of the time pattern at ``s`` (with its groups), or None."""
    pattern = _pattern_for(text[s])
    m = pattern.match(text, s) if pattern is not None else None
    if m is None:
        return None
    g = _groups(m)
    return (m, g) if _plausible(text, m, g) else None


def time_matches(text: str) -> list[tuple[re.Match[str], dict[str, str | None]]]:
    """The plausible matches of the time pattern (with their groups), tried only at words near a trigger."""
    triggers = _triggers(text)
    out: list[tuple[re.Match[str], dict[str, str | None]]] = []
    if not triggers:
        return out
    rev = text[::-1]
    # the plausible match at a start, or None; a start is tried for several nearby triggers
    tried: dict[int, tuple[re.Match[str], dict[str, str | None]] | None] = {}
    done = 0
    for t in triggers:
        if t < done:
            continue
        for s in _word_starts(text, rev, max(done, t - 40), t):
            if s in tried:
                found = tried[s]
            else:
                found = tried[s] = _match_at(text, s)
            if found is None or found[0].end() <= t:
                continue
            out.append(found)
            done = found[0].end()
            break
    return out
