"""Dates, periods, relative expressions and anchors in news text, as :class:`TimeSpan`.

Why this module exists: a record's date decides which year a deal belongs to,
and news rarely writes a full date.  It writes "on Wednesday", "last year",
"mid-2026", "the first half of 2025", "2025-2028", "since 2013", "by year's
end".  General date parsers invent a day for "2022", fall back to the clock
for "last year" and read "$22 billion" as 22 October.  Here:

* an expression keeps exactly the precision the text gives ("2022" is the
  whole year; "mid-2026" is April-September at quarter precision);
* relative expressions resolve only against an explicit ``published`` date;
  without it they come back unresolved (``start = end = None``), never from
  the clock;
* an expression with no year ("in July", "on Friday", "October 24") is placed
  before or after ``published`` by the tense of its sentence (``TENSE_CUES``);
* the word before the expression sets ``relation`` (``RELATION_WORDS``):
  "since 2013" -> since, "through 2028" -> until, "by 2030" -> by.

>>> import datetime as dt
>>> [str(t) for t in find_times("Seoul and Warsaw have been partners since 2013.")]
['since 2013']
>>> t = find_times("The deal was signed last year.", published=dt.date(2024, 3, 5))[0]
>>> (str(t.start), str(t.end), t.precision)
('2023-01-01', '2023-12-31', 'year')
>>> find_times("The deal was signed last year.")[0].resolved
False
>>> find_times("They agreed to spend $22 billion on 180 K2 tanks.")
[]
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Literal, Union

from korpol._mentions.numbers import ORDINAL_WORDS, TIME_WORDS
from korpol._model import Precision, Relation, TimeSpan
from korpol._model.values import time_in_original
from korpol._published import check_published
from korpol._regex import first_chars, lead_words, trie_pattern
from korpol._text import normalize

__all__ = ["MONTHS", "RELATION_WORDS", "TENSE_CUES", "WEEKDAYS", "find_times", "scan_times"]

Tense = Literal["past", "future", "neutral"]

MONTHS: dict[str, int] = {
    name: i
    for i, full in enumerate(calendar.month_name)
    if full
    for name in {full, full[:3], full[:3] + ".", "Sept", "Sept."} if name.startswith(full[:3])
}
WEEKDAYS: dict[str, int] = {name: i for i, name in enumerate(calendar.day_name)}

# The word(s) right before an expression -> how the text anchors it.  Longest first.
RELATION_WORDS: dict[str, Relation] = {
    "since": "since", "from": "since", "starting in": "since", "starting from": "since", "as of": "at",
    "through": "until", "until": "until", "till": "until", "untill": "until", "up to": "until",
    "up until": "until", "to": "until", "by": "by", "no later than": "by", "by the end of": "by",
    "before": "before", "prior to": "before", "ahead of": "before",
    "after": "after", "beyond": "after", "later than": "after",
}
_RELATION_ORDER = sorted(RELATION_WORDS, key=len, reverse=True)
_RELATION_ENDINGS = tuple(_RELATION_ORDER)

# Words whose presence in the sentence says whether an undated "July"/"Friday" is past or future.
# The cue nearest to the expression (left first, then right) wins.
TENSE_CUES: dict[str, Tense] = {
    **dict.fromkeys(
        ("will", "'ll", "shall", "plans", "plan", "planned", "planning", "expected", "expects", "to be",
         "next", "upcoming", "intends", "aims", "scheduled", "set to", "would", "going to", "due",
         "coming", "forthcoming", "hopes", "is to", "are to", "later"), "future"),
    **dict.fromkeys(
        ("was", "were", "had", "has", "have", "did", "last", "ago", "earlier", "previously",
         "said", "told", "took", "met", "began", "came", "went", "made", "held", "gave", "sent",
         "won", "bought", "sold", "paid", "since"), "past"),
}
# "-ed" words that do not mark the past (or are not verbs).
_ED_NOT_PAST = frozenset({
    "expected", "scheduled", "planned", "proposed", "intended", "needed", "united", "hundred",
    "armed", "advanced", "based", "related", "limited", "detailed", "red", "bed", "speed", "seed",
    "need", "feed", "proceed", "exceed", "succeed", "indeed", "embed", "shed", "wed", "led",
})

# The quarter an ordinal names ("the third quarter", "the 3rd quarter", "the final quarter").
_QUARTERS = {
    **{w: ORDINAL_WORDS[w] for w in ("first", "second", "third", "fourth")},
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4, "last": 4,
}


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


# ---------------------------------------------------------------- calendar helpers


@functools.lru_cache(maxsize=1024)  # a pure function of two small ints, asked for again and again
def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _quarter_span(year: int, q_first: int, q_last: int) -> tuple[dt.date, dt.date]:
    return _month_span(year, 3 * q_first - 2)[0], _month_span(year, 3 * q_last)[1]


def _year_span(a: int, b: int | None = None) -> tuple[dt.date, dt.date]:
    return dt.date(a, 1, 1), dt.date(b if b is not None else a, 12, 31)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _place_month(month: int, published: dt.date, tense: Tense) -> int:
    """The year of an undated month: past, future or nearest to ``published``."""
    year = published.year
    if tense == "past":
        return year if month <= published.month else year - 1
    if tense == "future":
        return year if month >= published.month else year + 1
    diff = month - published.month
    if diff > 6:
        return year - 1
    if diff < -6:
        return year + 1
    return year


def _place_day(month: int, day: int, published: dt.date, tense: Tense) -> dt.date | None:
    """The date of an undated "October 24", by tense (or nearest to ``published``)."""
    candidates = [d for y in (published.year - 1, published.year, published.year + 1)
                  if (d := _safe_day(y, month, day)) is not None]
    if not candidates:
        return None
    if tense == "past":
        past = [d for d in candidates if d <= published]
        return max(past) if past else None
    if tense == "future":
        future = [d for d in candidates if d >= published]
        return min(future) if future else None
    return min(candidates, key=lambda d: abs((d - published).days))


# ---------------------------------------------------------------- sentence context


def _sentence(text: str, start: int, end: int, reach: int = 400) -> tuple[int, int]:
    """The sentence around ``[start, end)``: up to . ! ? or a newline, looking at most ``reach`` away."""
    lo, hi = max(0, start - reach), min(len(text), end + reach)
    left = max(text.rfind(". ", lo, start), text.rfind("! ", lo, start), text.rfind("? ", lo, start),
               text.rfind("\n", lo, start), lo - 1)
    right = hi
    for mark in (". ", "! ", "? ", "\n"):
        i = text.find(mark, end, hi)
        if i != -1 and i < right:
            right = i
    return left + 1, right


_WORD = re.compile(r"[A-Za-z']+")


def _cue(word: str, nxt: str) -> Tense | None:
    if word in TENSE_CUES:
        return TENSE_CUES[word]
    pair = f"{word} {nxt}"
    if pair in TENSE_CUES:
        return TENSE_CUES[pair]
    if len(word) > 4 and word.endswith("ed") and word not in _ED_NOT_PAST:
        return "past"
    return None


def _lower_words(text: str, start: int, end: int) -> list[str]:
    """The words of ``text[start:end]``, lower-cased."""
    part = text[start:end]
    if part.isascii():  # one lower() for the lot; beyond ASCII, lower() can make new ASCII letters
        return _WORD.findall(part.lower())
    return [w.lower() for w in _WORD.findall(part)]


def _tense(text: str, start: int, end: int) -> Tense:
    """Past, future or neutral, from the cue word nearest the expression in its sentence."""
    s, e = _sentence(text, start, end)
    left = _lower_words(text, s, start)
    for i in range(len(left) - 1, -1, -1):
        cue = _cue(left[i], left[i + 1] if i + 1 < len(left) else "")
        if cue:
            return cue
    right = _lower_words(text, end, e)
    for i, w in enumerate(right):
        cue = _cue(w, right[i + 1] if i + 1 < len(right) else "")
        if cue:
            return cue
    return "neutral"


def _relation(text: str, start: int) -> Relation:
    head = text[max(0, start - 20) : start]
    if not head.endswith(" "):
        return "at"
    low = head[:-1].lower()
    if not low.endswith(_RELATION_ENDINGS):  # one C call for the usual "in", "on", "of"
        return "at"
    for phrase in _RELATION_ORDER:
        if low.endswith(phrase):
            begin = start - 1 - len(phrase)
            if begin == 0 or not text[begin - 1].isalnum():
                return RELATION_WORDS[phrase]
    return "at"


# ---------------------------------------------------------------- resolution

_Resolved = tuple[dt.date, dt.date, Precision]
# a match resolves to dates, to None (relative, no published date) or to False (not a date)
_Result = Union[_Resolved, Literal[False], None]  # noqa: UP007 - a runtime alias usable on 3.10


class _Ctx:
    """One match in its text; the tense of its sentence is read only when needed."""

    __slots__ = ("_tense", "end", "published", "start", "text")

    def __init__(self, text: str, start: int, end: int, published: dt.date | None) -> None:
        self.text, self.start, self.end, self.published = text, start, end, published
        self._tense: Tense | None = None

    @property
    def tense(self) -> Tense:
        if self._tense is None:
            self._tense = _tense(self.text, self.start, self.end)
        return self._tense


def _relative_year(phrase: str, ctx: _Ctx) -> int | None:
    """A year from "2026", "this year", "next year", "last year", "the year"."""
    if phrase[:1].isdigit():
        return int(phrase)
    if ctx.published is None:
        return None
    offset = {"this year": 0, "the year": 0, "next year": 1, "last year": -1}.get(phrase)
    return None if offset is None else ctx.published.year + offset


def _relative_month(phrase: str, ctx: _Ctx) -> tuple[int, int] | None:
    if ctx.published is None:
        return None
    if phrase in MONTHS:
        m = MONTHS[phrase]
        return _place_month(m, ctx.published, ctx.tense), m
    offset = {"this month": 0, "the month": 0, "next month": 1, "last month": -1}.get(phrase)
    if offset is None:
        return None
    return _shift_month(ctx.published.year, ctx.published.month, offset)


def _resolve(g: dict[str, str | None], ctx: _Ctx) -> _Result:
    """Dates for one match; ``None`` = relative without ``published``; ``False`` = not a date."""
    p = ctx.published
    if g["iso"]:
        try:
            day = dt.date.fromisoformat(g["iso"])
        except ValueError:
            return False
        return day, day, "day"
    if g["num_d"]:
        try:
            day = dt.date(int(g["num_y"] or 0), int(g["num_m"] or 0), int(g["num_d"]))
        except ValueError:
            return False
        return day, day, "day"
    if g["wd"]:
        if g["wd_m"]:
            return _day_of(g["wd_m"], g["wd_d"], g["wd_y"], ctx)
        if p is None:
            return None
        target = WEEKDAYS[g["wd"]]
        back = (p.weekday() - target) % 7
        if ctx.tense == "future":
            day = p + dt.timedelta(days=(target - p.weekday()) % 7 or 7)
        else:
            day = p - dt.timedelta(days=back)
        return day, day, "day"
    if g["mdy_m"]:
        if g["mdy_d2"]:
            return _day_range(g["mdy_m"], g["mdy_d"], g["mdy_d2"], g["mdy_y"], ctx)
        return _day_of(g["mdy_m"], g["mdy_d"], g["mdy_y"], ctx)
    if g["dmy_m"]:
        if g["dmy_d2"]:
            return _day_range(g["dmy_m"], g["dmy_d"], g["dmy_d2"], g["dmy_y"], ctx)
        return _day_of(g["dmy_m"], g["dmy_d"], g["dmy_y"], ctx)
    if g["mr_a"]:
        a, b, y = MONTHS[g["mr_a"]], MONTHS[g["mr_b"] or ""], int(g["mr_y"] or 0)
        if b < a:
            return False
        return _month_span(y, a)[0], _month_span(y, b)[1], "month"
    if g["my_m"]:
        start, end = _month_span(int(g["my_y"] or 0), MONTHS[g["my_m"]])
        return start, end, "month"
    if g["smy_m"]:
        start, end = _month_span(spoken_year(g["smy_y"] or ""), MONTHS[g["smy_m"]])
        return start, end, "month"
    if g["yr_a"]:
        a, b_text, sep = int(g["yr_a"]), g["yr_b"] or "", (g["yr_sep"] or "").strip()
        b = int(b_text) if len(b_text) == 4 else (a // 100) * 100 + int(b_text)
        if b <= a or b - a > 50:
            return False
        if sep == "and" and not ctx.text[max(0, ctx.start - 8) : ctx.start].lower().endswith("between "):
            return False
        start, end = _year_span(a, b)
        return start, end, "year"
    if g["q"]:
        q_text = g["q"]
        n = int(q_text[1]) if q_text[0] == "Q" else _QUARTERS[q_text.split()[-2]]
        return _period_in_year(g["q_y"], ctx, lambda y: (*_quarter_span(y, n, n), "quarter"), q_months=(n, n))
    if g["h"]:
        first = g["h"].split()[-2] == "first" if " " in g["h"] else g["h"] == "H1"
        qs = (1, 2) if first else (3, 4)
        return _period_in_year(g["h_y"], ctx, lambda y: (*_quarter_span(y, *qs), "quarter"), q_months=qs)
    if g["pos"]:
        return _position(g["pos"].lower(), g["pos_x"] or "", ctx)
    if g["ana"] or g["ana_m"]:
        return None  # (resolved by scan_times against the year told before it)
    if g["yend"]:
        if p is None:
            return None
        if g["yend"].lower().startswith("month"):
            start, end = _month_span(p.year, p.month)
            return start, end, "month"
        start, end = _year_span(p.year)
        return start, end, "year"
    if g["dec"]:
        decade = int(g["dec"][-5:-1])
        return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), "decade"
    if g["rel_w"]:
        return _relative(g["rel_w"].lower(), g["rel_u"] or "", ctx)
    if g["day_w"]:
        if p is None:
            return None
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[g["day_w"].lower()]
        day = p + dt.timedelta(days=offset)
        return day, day, "day"
    if g["ago_n"]:
        return _ago(g["ago_n"].lower(), g["ago_u"] or "", ctx)
    if g["od"]:
        return _ordinal_day(int(re.sub(r"\D", "", g["od"])), ctx)
    if g["y"] or g["sy"]:
        start, end = _year_span(int(g["y"]) if g["y"] else spoken_year(g["sy"] or ""))
        return start, end, "year"
    if g["mo"]:
        if p is None:
            return None
        m = MONTHS[g["mo"]]
        start, end = _month_span(_place_month(m, p, ctx.tense), m)
        return start, end, "month"
    return False  # pragma: no cover - every alternative is handled above


def _day_of(
    month_text: str | None, day_text: str | None, year_text: str | None, ctx: _Ctx
) -> _Result:
    month = MONTHS[month_text or ""]
    day_n = int(re.sub(r"\D", "", day_text or ""))
    if year_text:
        day = _safe_day(int(year_text), month, day_n)
        return False if day is None else (day, day, "day")
    if ctx.published is None:
        return None
    placed = _place_day(month, day_n, ctx.published, ctx.tense)
    return False if placed is None else (placed, placed, "day")


def _day_range(
    month_text: str | None, a: str | None, b: str | None, year_text: str | None, ctx: _Ctx
) -> _Result:
    first = _day_of(month_text, a, year_text, ctx)
    if not first:
        return first
    last = _safe_day(first[0].year, first[0].month, int(re.sub(r"\D", "", b or "")))
    if last is None or last < first[0]:
        return False
    return first[0], last, "day"


def _period_in_year(
    year_text: str | None, ctx: _Ctx, build: Callable[[int], _Resolved], q_months: tuple[int, int]
) -> _Resolved | None:
    if year_text:
        year = _relative_year(year_text, ctx)
        return None if year is None else build(year)
    p = ctx.published
    if p is None:
        return None
    year = p.year
    candidate = build(year)
    if ctx.tense == "past" and candidate[0] > p:
        year -= 1
    elif ctx.tense == "future" and candidate[1] < p:
        year += 1
    return build(year)


def _position(pos: str, what: str, ctx: _Ctx) -> _Result:
    """"mid-2026", "early July", "the end of next year", "the middle of this month"."""
    if what in MONTHS or what.endswith("month"):
        ym = _relative_month(what, ctx)
        if ym is None:
            return None
        start, end = _month_span(*ym)
        return start, end, "month"
    year = _relative_year(what, ctx)
    if year is None:
        return None if not what[:1].isdigit() else False
    if pos in ("mid", "the middle of"):
        start, end = _quarter_span(year, 2, 3)
        return start, end, "quarter"
    if pos in ("early", "the beginning of", "the start of", "the first months of"):
        start, end = _quarter_span(year, 1, 2)
        return start, end, "quarter"
    if pos in ("late", "the second half of"):
        start, end = _quarter_span(year, 3, 4)
        return start, end, "quarter"
    # "the end of 2025", "end-2025": the text names the year, not a day in it
    start, end = _year_span(year)
    return start, end, "year"


def _relative(word: str, unit: str, ctx: _Ctx) -> _Result:
    p = ctx.published
    if p is None:
        return None
    direction = -1 if word.startswith(("last", "late last", "earlier last")) else (
        1 if word.startswith(("next", "early next", "later next")) else 0)
    if unit == "year":
        start, end = _year_span(p.year + direction)
        return start, end, "year"
    if unit == "month":
        start, end = _month_span(*_shift_month(p.year, p.month, direction))
        return start, end, "month"
    if unit == "quarter":
        q = (p.month - 1) // 3 + 1 + direction
        year = p.year + (q - 1) // 4
        q = (q - 1) % 4 + 1
        start, end = _quarter_span(year, q, q)
        return start, end, "quarter"
    if unit == "week":
        monday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(weeks=direction)
        return monday, monday + dt.timedelta(days=6), "day"
    if unit in WEEKDAYS:
        target = WEEKDAYS[unit]
        if direction < 0:
            day = p - dt.timedelta(days=(p.weekday() - target) % 7 or 7)
        elif direction > 0:
            day = p + dt.timedelta(days=(target - p.weekday()) % 7 or 7)
        else:
            day = p + dt.timedelta(days=target - p.weekday())
        return day, day, "day"
    if unit in MONTHS:
        m = MONTHS[unit]
        if direction < 0:
            year = p.year if m < p.month else p.year - 1
        elif direction > 0:
            year = p.year if m > p.month else p.year + 1
        else:
            year = p.year
        start, end = _month_span(year, m)
        return start, end, "month"
    return False


def _ago(n_text: str, unit: str, ctx: _Ctx) -> _Result:
    p = ctx.published
    if n_text == "several":
        return False
    if p is None:
        return None
    n = int(n_text) if n_text.isdigit() else TIME_WORDS[n_text]
    if unit.startswith("year"):
        start, end = _year_span(p.year - n)
        return start, end, "year"
    if unit.startswith("month"):
        start, end = _month_span(*_shift_month(p.year, p.month, -n))
        return start, end, "month"
    day = p - dt.timedelta(days=n * (7 if unit.startswith("week") else 1))
    return day, day, "day"


def _ordinal_day(n: int, ctx: _Ctx) -> _Result:
    """"on the 26th": that day of the month of ``published`` (or the adjacent month, by tense)."""
    if ctx.text[max(0, ctx.start - 3) : ctx.start] != "on ":
        return False
    p = ctx.published
    if p is None:
        return None
    y, m = p.year, p.month
    if ctx.tense == "future" and n < p.day:
        y, m = _shift_month(y, m, 1)
    elif ctx.tense != "future" and n > p.day:
        y, m = _shift_month(y, m, -1)
    day = _safe_day(y, m, n)
    return False if day is None else (day, day, "day")


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


def _told_year(g: dict[str, str | None], told: int) -> _Resolved:
    """ "the following year", "the year before", "in May that year": a year counted from the
    year the text told last (``told``), never from the publication date."""
    phrase = (g["ana"] or g["ana_y"] or "").lower()
    shift = 1 if phrase.startswith("the following") or phrase.endswith("after") else 0
    if phrase.startswith(("the previous", "the preceding")) or phrase.endswith("before"):
        shift = -1
    if g["ana_m"]:
        start, end = _month_span(told + shift, MONTHS[g["ana_m"]])
        return start, end, "month"
    start, end = _year_span(told + shift)
    return start, end, "year"


def scan_times(text: str, *, published: dt.date | None = None) -> list[TimeSpan]:
    """Every time expression in already-normalised ``text``; spans index ``text``.

    >>> [str(t) for t in scan_times("The plan runs through 2028 and peaks in mid-2026.")]
    ['until 2028', '2026-04-01..2026-09-30']
    >>> scan_times("in the 2020s")[0].precision
    'decade'
    """
    out: list[TimeSpan] = []
    told: int | None = None  # the year of the last time resolved so far, for "that year"
    for m, g in _matches(text):
        ctx = _Ctx(text, m.start(), m.end(), published)
        resolved = _resolve(g, ctx)
        if resolved is False:
            continue
        if g["ana"] or g["ana_m"]:
            if told is None:
                continue  # "the following year" with no year told before it: no time at all
            resolved = _told_year(g, told)
        elif resolved is not None and resolved[2] != "decade":
            told = resolved[0].year
        relation = _relation(text, m.start())
        if (g["yr_a"] or g["mr_a"] or g["mdy_d2"] or g["dmy_d2"]) and relation in ("since", "until"):
            relation = "at"  # "from 2025 to 2028": the range itself, not an anchor
        if resolved is None:
            out.append(TimeSpan(text=m.group(), relation=relation, span=m.span()))
            continue
        start, end, precision = resolved
        out.append(TimeSpan(start, end, precision, m.group(), relation, m.span()))
    return out


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


def _matches(text: str) -> list[tuple[re.Match[str], dict[str, str | None]]]:
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


def find_times(text: str, *, published: dt.date | str | None = None) -> list[TimeSpan]:
    """Every time expression in ``text``, with ``span``/``text`` quoting ``text`` itself.

    ``published`` is the date relative expressions ("yesterday", "last year",
    "on Friday", "in July") resolve against; without it they are returned
    unresolved.

    >>> import datetime as dt
    >>> [str(t) for t in find_times("Warsaw signed on Friday (August 26).", published=dt.date(2022, 8, 28))]
    ['2022-08-26']
    >>> [t.text for t in find_times("It runs 24/7 and costs 3.5% of GDP.")]
    []
    """
    day = check_published(published)  # (the dates parse() accepts, with its errors)
    norm = normalize(text)
    out = []
    for t in scan_times(norm.text, published=day):
        if t.span is None:  # pragma: no cover - scan_times always sets a span
            continue
        out.append(time_in_original(t, norm.original, norm.to_original))
    return out
