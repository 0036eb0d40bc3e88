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
from korpol._mentions.time_patterns import MONTHS, WEEKDAYS, spoken_year, time_matches
from korpol._model import Precision, Relation, TimeSpan
from korpol._model.values import time_in_original
from korpol._published import check_published
from korpol._text import normalize

__all__ = ["MONTHS", "RELATION_WORDS", "TENSE_CUES", "WEEKDAYS", "find_times", "scan_times"]

Tense = Literal["past", "future", "neutral"]

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


def _cue(word: str, nxt: str, prev: str = "") -> Tense | None:
    if word in TENSE_CUES:
        if word in _NOUN_CUES and prev in _DETERMINERS:
            return None  # "signed an action plan on Tuesday": the noun "plan" looks nowhere
        return TENSE_CUES[word]
    pair = f"{word} {nxt}"
    if pair in TENSE_CUES:
        return TENSE_CUES[pair]
    if len(word) > 4 and word.endswith("ed") and word not in _ED_NOT_PAST:
        return "future" if prev == "be" else "past"  # "will be signed", "is to be signed"
    return None


#: cue words that are also nouns ("a plan"), and the words that make them one
_NOUN_CUES = frozenset({"plan", "plans"})
_DETERMINERS = frozenset(
    {"a", "an", "the", "this", "that", "its", "their", "his", "her", "our", "action", "new"}
)


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
        cue = _cue(left[i], left[i + 1] if i + 1 < len(left) else "", left[i - 1] if i else "")
        if cue:
            return cue
    right = _lower_words(text, end, e)
    for i, w in enumerate(right):
        cue = _cue(w, right[i + 1] if i + 1 < len(right) else "", right[i - 1] if i else "")
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
    for m, g in time_matches(text):
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
