"""The record stage: rules that turn the mentions of a sentence into records.

Why this module exists: everything above it finds *pieces* (countries,
money, dates, weapon systems, people); this is where pieces become facts —
"Poland (recipient) agreed to buy ... from Korea (supplier) for USD 17 billion
(value) last year (date)".  Every rule is general: it reads cue words from
:mod:`korpol._cues` and mention types, never a particular article.

The pipeline per document:

1. normalise the text (mojibake repair, straight quotes) with an offset map;
2. segment it into sentences; scan it once for every mention type;
3. per sentence that holds a cue, split it into clauses and the clauses into
   *units* anchored on amounts of money (or, without money, on quantities of
   weapons), and build candidate deals, aid packages, agreements,
   deployments and meetings;
4. merge candidates that are the same fact mentioned twice (headline and
   body, "the deal") and attach :class:`Evidence` quoting the ORIGINAL text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple, cast

import attrs

from korpol._cues import DEFAULT_CUES, STATUS_ORDER, Cues
from korpol._model import (
    MENTION_KINDS,
    Agreement,
    AgreementKind,
    AidKind,
    AidPackage,
    ArmsDeal,
    Country,
    DealStatus,
    Deployment,
    Document,
    Evidence,
    Leader,
    Meeting,
    Mention,
    MentionKind,
    Money,
    Organization,
    Party,
    TimeSpan,
)
from korpol._regex import may_match, may_match_any

__all__ = ["extract"]


# ---------------------------------------------------------------- mentions


class _M(NamedTuple):
    """A mention in the normalised text, reduced to what the rules need.

    A named tuple, not an attrs class: a document holds dozens and a tuple is built in C.
    """

    kind: str  # place | person | money | time | qty | system | company
    start: int
    end: int
    value: Any
    party: Party | None = None  # the party a place/company/system stands for
    form: str = ""


def _span(obj: Any) -> tuple[int, int]:
    span = getattr(obj, "span", None)
    if span is None:
        return (getattr(obj, "start", 0), getattr(obj, "end", 0))
    return (int(span[0]), int(span[1]))


def _country(code: str | None) -> Country | None:
    if not code:
        return None
    from korpol._refdata import get_country

    return get_country(code)


def _office_party(person: Any) -> Party | None:
    """The state a person acts for: the reference office's, when the mention holds that office."""
    party: Party | None = getattr(person, "party", None)
    office = getattr(person, "office", None)
    code = getattr(office, "party_code", None)
    role = str(getattr(person, "role", "") or "").lower()
    held = role in (str(getattr(office, "role", "")).lower(), str(getattr(office, "function", "")).lower())
    if code and held and (party is None or party.code != code):
        from korpol._refdata import get_party

        return get_party(code) or party
    return party


def _scan_all(text: str, published: dt.date | None) -> list[_M]:
    """Every mention in ``text``, sorted by position."""
    from korpol._entities import scan_companies, scan_people, scan_places, scan_systems
    from korpol._money import scan_money
    from korpol._quantity import scan_quantities
    from korpol._time import scan_times

    out: list[_M] = []
    for p in scan_places(text):
        s, e = _span(p)
        out.append(_M("place", s, e, p, p.party, getattr(p, "form", "")))
    for person in scan_people(text, published=published):
        s, e = _span(person)
        out.append(_M("person", s, e, person, _office_party(person)))
    for m in scan_money(text):
        s, e = _span(m)
        out.append(_M("money", s, e, m))
    for t in scan_times(text, published=published):
        s, e = _span(t)
        out.append(_M("time", s, e, t))
    for q in scan_quantities(text):
        s, e = _span(q)
        out.append(_M("qty", s, e, q))
    for sysm in scan_systems(text):
        s, e = _span(sysm)
        out.append(
            _M(
                "system",
                s,
                e,
                sysm,
                _country(getattr(sysm, "country", None) or getattr(sysm, "country_code", None)),
            )
        )
    for c in scan_companies(text):
        s, e = _span(c)
        party = getattr(c, "country", None) or getattr(c, "party", None)
        if isinstance(party, str):
            party = _country(party)
        out.append(_M("company", s, e, c, party))
    out.extend(_designation_counts(text, out, [m for m in out if m.kind == "system"]))
    out.sort(key=lambda m: (m.start, -m.end))
    return _anaphoric_times(text, _carry_years(text, out))


_YEAR_IN_TEXT = re.compile(r"\b(?:19|20)\d\d\b")

#: times stated against the date just told: "the following month", "two years later", "that same year".
#: Found from their unit word (a literal-first scan), then read backwards and forwards from it.
_TIME_UNIT = re.compile(r"(?:month|year)s?\b")
_ANAPHORA_HEAD = re.compile(
    r"(?:\bthe (?P<dir>following|next|previous|preceding) "
    r"|\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) "
    r"|\b(?P<same>that same|the same|later that|earlier that) )$"
)
_ANAPHORA_TAIL = re.compile(r" (?P<way>later|earlier)\b")
#: how far back the date an anaphoric time counts from may be (about two sentences)
_ANAPHORA_REACH = 250


def _anaphoric_times(text: str, mentions: list[_M]) -> list[_M]:
    """Resolve "the following month", "a year later", "that same year" against the date told just before.

    "a framework in July 2022 and an executive contract the following month": August 2022.
    Without a resolved date within a couple of sentences before, nothing is added (read
    against the publication date, "the next year" would be a guess).
    """
    if "year" not in text and "month" not in text:
        return mentions
    low = text.lower()
    if len(low) != len(text):
        return mentions
    found: list[tuple[int, int, str | None, int, str | None, str]] = []
    for unit in _TIME_UNIT.finditer(low):
        head = _ANAPHORA_HEAD.search(low, max(0, unit.start() - 24), unit.start())
        if head is None:
            continue
        plural = unit.group(0).endswith("s")
        if head.group("n"):
            tail = _ANAPHORA_TAIL.match(low, unit.end())
            if tail is None or plural != (head.group("n") not in ("a", "an", "one")):
                continue  # "two years later", "a month earlier"; not "a year" alone nor "two year later"
            found.append(
                (
                    head.start(),
                    tail.end(),
                    None,
                    1 if head.group("n") in ("a", "an") else _count_value(head.group("n")),
                    tail.group("way"),
                    unit.group(0).rstrip("s"),
                )
            )
        elif not plural and (head.group("same") is None or unit.group(0) == "year"):
            found.append((head.start(), unit.end(), head.group("dir"), 1, None, unit.group(0)))
    if not found:
        return mentions
    times = [m for m in mentions if m.kind == "time" and m.value.start is not None and m.value.text]
    starts = [m.start for m in mentions]
    out = list(mentions)
    for a, b, direction, n, way, unit_word in found:
        i = bisect.bisect_left(starts, b)
        if (i < len(mentions) and mentions[i].start < b) or (i and mentions[i - 1].end > a):
            continue  # part of a mention already (an overlap with another reading)
        before = [m for m in times if m.end <= a and a - m.end <= _ANAPHORA_REACH]
        if not before:
            continue
        base: TimeSpan = before[-1].value
        ts = _shift(base, direction, n, way, unit_word, text[a:b])
        if ts is not None:
            out.append(_M("time", a, b, attrs.evolve(ts, span=(a, b))))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _shift(
    base: TimeSpan, direction: str | None, n: int, way: str | None, unit: str, phrase: str
) -> TimeSpan | None:
    """``base`` moved ``n`` units (forward: "following", "next", "later"); None if precision cannot carry it.

    With neither a direction nor a way ("that same year") it is ``base``'s own year.
    """
    assert base.start is not None
    if direction is None and way is None:
        return TimeSpan.year(base.start.year, text=phrase)
    step = n if direction in ("following", "next") or way == "later" else -n
    if unit == "year":
        year = base.start.year + step
        return TimeSpan.year(year, text=phrase) if 1900 <= year <= 2100 else None
    if base.precision not in ("month", "day"):
        return None  # "in 2022 ... the following month": which month is not said
    months = base.start.year * 12 + base.start.month - 1 + step
    year, month = divmod(months, 12)
    return TimeSpan.month(year, month + 1, text=phrase) if 1900 <= year <= 2100 else None


def _carry_years(text: str, mentions: list[_M]) -> list[_M]:
    """A bare month takes the year the sentence already named.

    "... 212 K9 in August 2022, the 48 FA-50 in September and 218 Chunmoo in
    November": September and November are 2022, not the months nearest the
    publication date.
    """
    out = []
    last: _M | None = None
    for m in mentions:
        if m.kind != "time":
            out.append(m)
            continue
        ts: TimeSpan = m.value
        if _YEAR_IN_TEXT.search(ts.text or ""):
            last = m
        elif (
            last is not None
            and ts.start is not None
            and ts.precision in ("month", "day")
            and m.start - last.end <= 200
            and not re.search(r"[.!?]\s", text[last.end : m.start])
            and last.value.start is not None
            and last.value.start.year != ts.start.year
            and ts.start.month >= last.value.start.month
        ):
            year = last.value.start.year
            day = ts.start
            if ts.precision == "month":
                ts = TimeSpan.month(year, day.month, text=ts.text)
            elif ts.start == ts.end and not (day.month == 2 and day.day == 29):
                ts = TimeSpan.day(day.replace(year=year), text=ts.text)
            m = m._replace(value=attrs.evolve(ts, span=m.value.span, relation=m.value.relation))
        out.append(m)
    return out


@attrs.frozen
class _Count:
    """A number of weapons the quantity extractor leaves to the record stage."""

    value: int
    unit: str = ""
    bound: str | None = None


_COUNT_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a dozen": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
}
_NUM = r"(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(sorted(_COUNT_WORDS, key=len, reverse=True)) + r")"
#: "180 K2s", "up to 672 K9A1 and K9PL": a number right before a named system
_BEFORE_SYSTEM = re.compile(_NUM + r"\s+(?:(?:more|additional|new|used|upgraded|second-hand|further)\s+)?$")
#: "another 12", "ordering 12 in 2018", "later adding six": a bare count after a purchase word
_COUNT_BEFORE_VERB = re.compile(
    _NUM + r" (?:more )?(?:were|was|have been|had been|are) (?:ordered|bought|purchased|signed|contracted)\b"
)
#: what every "_COUNT_BEFORE_VERB" hit holds: a cheap test that lets most articles skip that slower pattern
_PASSIVE_PURCHASE = re.compile(r"(?:were|was|been|are) (?:ordered|bought|purchased|signed|contracted)")
#: the words a bare count follows (each starts a :data:`_BARE_COUNT` hit, followed by one space)
_BARE_COUNT_WORDS = (
    "another",
    "a further",
    "an additional",
    "ordering",
    "ordered",
    "adding",
    "added",
    "buying",
    "bought",
    "for",
    "pledged",
    "promised",
    "pledging",
    "promising",
    "donated",
    "sent",
    "send",
    "sending",
)
_BARE_COUNT = re.compile(
    r"\b(?:"
    + "|".join(_BARE_COUNT_WORDS)
    + ") "
    + _NUM
    + r"\b(?!\s*(?:%|percent|per cent|billion|million|trillion|bn|mn|years?|months?|days?|weeks?"
    r"|troops|soldiers))"
)


def _bare_counts(lowered: str) -> Iterable[re.Match[str]]:
    """``_BARE_COUNT.finditer(lowered)``, the pattern tried only where one of its words starts.

    Opening with ``\\b`` and an alternation, the pattern is tried by the regex
    engine at every position of the article; its words are few, so finding
    them with ``str.find`` and matching there gives the same hits, in the same
    order, several times faster (a match starts at one of those places or not at all).
    """
    starts = set()
    for word in _BARE_COUNT_WORDS:
        i = lowered.find(word + " ")
        while i >= 0:
            starts.add(i)
            i = lowered.find(word + " ", i + 1)
    end = 0  # like finditer: hits do not overlap, the next is looked for where the last ended
    for i in sorted(starts):
        if i < end:
            continue
        hit = _BARE_COUNT.match(lowered, i)
        if hit:
            yield hit
            end = hit.end()


def _count_value(word: str) -> int:
    return _COUNT_WORDS.get(word) or int(word.replace(",", ""))


def _designation_counts(text: str, found: Sequence[_M], systems: Sequence[_M]) -> list[_M]:
    """Counts the quantity extractor did not see: "180 K2s", "another 12" (``systems``: of ``found``)."""
    taken = sorted((m.start, m.end) for m in found if m.kind in ("qty", "money", "time"))
    longest = max((y - x for x, y in taken), default=0)

    def free(a: int, b: int) -> bool:
        # spans are short: only those starting within ``longest`` before ``b`` can overlap [a, b)
        i = bisect.bisect_left(taken, (a - longest, -1))
        j = bisect.bisect_left(taken, (b, -1))
        return not any(x < b and a < y for x, y in taken[i:j])

    def take(a: int, b: int) -> None:
        nonlocal longest
        bisect.insort(taken, (a, b))
        longest = max(longest, b - a)

    out = []
    for m in systems:
        if getattr(m.value, "generic", False):
            continue
        hit = _BEFORE_SYSTEM.search(text, max(0, m.start - 24), m.start)
        if hit and free(hit.start(), m.end):
            low_before = text[max(0, hit.start() - 8) : hit.start()].lower()
            bound = "up_to" if low_before.endswith("up to ") else None
            out.append(_M("qty", hit.start(), m.end, _Count(_count_value(hit.group(1).lower()), "", bound)))
            take(hit.start(), m.end)
    lowered = text.lower()
    # (a character whose lower case is longer would shift the offsets: no bare counts then)
    if len(lowered) == len(text) and any(
        w in lowered
        for w in ("another", "adding", "added", "order", "bought", "were", "for ", "pledg", "promis", "sen")
    ):
        for hit in _bare_counts(lowered):
            a, b = hit.start(1), hit.end(1)
            if free(a, b) and not re.match(r"\s*(?:[a-z]+\s+)?(?:k\d|[a-z]+s\b)", lowered[b : b + 12]):
                out.append(_M("qty", a, b, _Count(_count_value(hit.group(1)))))
                take(a, b)
        for hit in _COUNT_BEFORE_VERB.finditer(lowered) if _PASSIVE_PURCHASE.search(lowered) else ():
            a, b = hit.start(1), hit.end(1)
            if free(a, b):
                out.append(_M("qty", a, b, _Count(_count_value(hit.group(1)))))
                take(a, b)
    return out


# ---------------------------------------------------------------- document context


@attrs.frozen
class _Context:
    published: dt.date | None
    principal: tuple[Party, ...]  # the article's main pair, most mentioned first
    counts: Counter[str]
    parties: dict[str, Party]
    cues: Cues
    aid_recipient: Party | None  # the country aid in this article most often goes "to"/"for"

    def partner(self, party: Party | None, exclude: Iterable[str] = ()) -> Party | None:
        """The principal party that is not ``party`` (nor in ``exclude``)."""
        skip = set(exclude)
        if party is not None:
            skip.add(party.code)
        for p in self.principal:
            if p.code not in skip:
                return p
        return None


_TO_BEFORE = re.compile(r"\b(?:to|for)\s+(?:the\s+)?$")


def _context(mentions: Sequence[_M], published: dt.date | None, cues: Cues, text: str) -> _Context:
    counts: Counter[str] = Counter()
    parties: dict[str, Party] = {}
    aid_to: Counter[str] = Counter()
    aid = cues.compiled["aid"]
    for m in mentions:
        if m.kind == "place" and isinstance(m.party, Country):
            counts[m.party.code] += 1
            parties[m.party.code] = m.party
            if _TO_BEFORE.search(text[max(0, m.start - 12) : m.start].lower()) and aid.search(
                text[max(0, m.start - 120) : m.start].lower()
            ):
                aid_to[m.party.code] += 1
    principal = tuple(parties[c] for c, _ in counts.most_common(2))
    aid_recipient = parties[aid_to.most_common(1)[0][0]] if aid_to else None
    return _Context(published, principal, counts, parties, cues, aid_recipient)


# ---------------------------------------------------------------- sentence view


_CLAUSE_BOUNDARY = re.compile(
    r";|:\s|, (?:and|but|while|whereas|then|later|followed by|before|after)\b|\band then\b"
    r"| and (?=(?:was|were|is|are|has|have|had|will|would)\s+\w+ed\b)| and, |, of which\b"
    r"|, (?:on top of|in addition to|plus|as well as)\b"
    r"| and (?=(?:a|an|the|another) (?:[\w-]+ ){0,2}(?:contract|deal|order|agreement|framework)s?\b)"
    r"|, (?=[a-z]+ed (?:(?:a|an|the|for|in|on|its|their|another)\b|\d))"
)


_NO_HIT: tuple[list[int], list[_M]] = ([], [])


@attrs.frozen(eq=False)  # one object per sentence of a document: identity is equality
class _Sentence:
    start: int
    end: int
    text: str
    low: str
    mentions: tuple[_M, ...]
    #: per kind, the sentence-relative starts and the mentions, in mention order (for bisect)
    by_kind: dict[str, tuple[list[int], list[_M]]] = attrs.field(init=False, repr=False)
    #: sentence-relative starts of all mentions, in mention order
    rel_starts: list[int] = attrs.field(init=False, repr=False)
    #: results of searches already run on this sentence (rules ask the same questions)
    memo: dict[Any, Any] = attrs.field(init=False, repr=False)
    #: pattern -> whether it may match the sentence at all (the literal pre-filter, worked out once)
    gates: dict[int, bool] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_kind: dict[str, tuple[list[int], list[_M]]] = {}
        rel_starts = []
        for m in self.mentions:
            rel = m.start - self.start
            rel_starts.append(rel)
            entry = by_kind.get(m.kind)
            if entry is None:
                entry = by_kind[m.kind] = ([], [])
            entry[0].append(rel)
            entry[1].append(m)
        object.__setattr__(self, "by_kind", by_kind)
        object.__setattr__(self, "rel_starts", rel_starts)
        object.__setattr__(self, "memo", {})
        object.__setattr__(self, "gates", {})

    def sub(self, kind: str, lo: int = 0, hi: int | None = None) -> list[_M]:
        """Mentions of ``kind`` with start in [lo, hi) (sentence-relative)."""
        hi = len(self.text) if hi is None else hi
        starts, found = self.by_kind.get(kind, _NO_HIT)
        return found[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]

    def search(self, pattern: re.Pattern[str], lo: int = 0, hi: int | None = None) -> re.Match[str] | None:
        """``pattern.search(low, lo, hi)``, run once per sentence and arguments."""
        key = (id(pattern), lo, hi)
        try:
            return self.memo[key]  # type: ignore[no-any-return]
        except KeyError:
            hit = self.memo[key] = (
                pattern.search(self.low, lo, len(self.low) if hi is None else hi)
                if self.may_match(pattern)
                else None
            )
            return hit

    def may_match(self, pattern: re.Pattern[str]) -> bool:
        """False when none of the literals every match of ``pattern`` starts with is in the sentence."""
        key = id(pattern)  # (hashing a compiled pattern hashes its whole program)
        try:
            return self.gates[key]
        except KeyError:
            found = self.gates[key] = may_match(pattern, self.low)
            return found

    def search_in(self, pattern: re.Pattern[str], a: int, b: int) -> re.Match[str] | None:
        """``pattern.search(low[a:b])`` (the slice's edges are the string's edges), run once."""
        if a <= 0 and b >= len(self.low):
            return self.search(pattern)
        key = (id(pattern), "in", a, b)
        try:
            return self.memo[key]  # type: ignore[no-any-return]
        except KeyError:
            hit = self.memo[key] = pattern.search(self.low[a:b]) if self.may_match(pattern) else None
            return hit


def _finditer(
    sent: _Sentence, pattern: re.Pattern[str], lo: int = 0, hi: int | None = None
) -> Iterable[re.Match[str]]:
    """``pattern.finditer(sent.low, lo, hi)``; nothing at once when the pattern cannot match the sentence."""
    if not sent.may_match(pattern):
        return ()
    return pattern.finditer(sent.low, lo, len(sent.low) if hi is None else hi)


def _lower(text: str) -> str:
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[:1] or c for c in text)


_LAST_ITEM = re.compile(r"(?:\s+[\w'-]+){1,4}\s*[.!?\"']*\s*$")


def _clauses(sent: _Sentence) -> list[tuple[int, int]]:
    """Sentence-relative clause spans, never cutting through a mention (worked out once; do not mutate)."""
    found: list[tuple[int, int]] | None = sent.memo.get("clauses")
    if found is None:
        found = sent.memo["clauses"] = _clauses_now(sent)
    return found


def _clauses_now(sent: _Sentence) -> list[tuple[int, int]]:
    cuts = [0]
    for m in _CLAUSE_BOUNDARY.finditer(sent.low):
        pos = m.start()
        # (only the mentions that start before ``pos`` can span it: ``rel_starts`` is sorted)
        inside = sent.mentions[: bisect.bisect_left(sent.rel_starts, pos)]
        if any(pos < x.end - sent.start for x in inside):
            continue
        if m.group(0) == ", and" and _LAST_ITEM.match(sent.low, m.end()):
            continue  # "howitzers, tanks, and fighter jets.": the last item of a list, not a clause
        if pos > cuts[-1]:
            cuts.append(pos)
    cuts.append(len(sent.text))
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


# ---------------------------------------------------------------- deals


@attrs.define
class _Candidate:
    """A record under construction."""

    kind: str  # deal | aid
    sentence: _Sentence
    lo: int
    hi: int
    value: Money | None = None
    alt_values: list[Money] = attrs.Factory(list)
    date: TimeSpan | None = None
    systems: list[str] = attrs.Factory(list)
    families: set[str] = attrs.Factory(set)
    categories: set[str] = attrs.Factory(set)
    quantity: int | None = None
    status: str = "signed"
    aid_kind: str = "mixed"
    first: Party | None = None  # supplier / donor
    second: Party | None = None  # recipient
    contractors: list[str] = attrs.Factory(list)
    definite: bool = False
    sentences: list[_Sentence] = attrs.Factory(list)
    sure: int = 0  # how many of first/second came from explicit cues (not fallbacks)
    detail: bool = False  # "Under the contract, 116 K2GF tanks ...": a detail of a deal already reported
    origins: list[Party] = attrs.Factory(list)  # makers' states of systems inherited from context
    antecedent: Party | None = None  # the first actor of the sentence before, for "It"/"Its"/"They"


def _money_anchors(sent: _Sentence, lo: int, hi: int, cues: Cues) -> list[_M]:
    """Amounts in [lo, hi) that can be a deal's or a package's value."""
    out = []
    for m in sent.sub("money", lo, hi):
        rel = m.start - sent.start
        window = sent.low[max(lo, rel - 60) : rel]
        after = sent.low[m.end - sent.start : m.end - sent.start + 30]
        if cues.compiled["not_a_deal"].search(window) or re.match(
            r"\s*(?:\([^)]*\)\s*)?(?:in|of)\s+(?:\w+\s+){0,3}"
            r"(?:loans?|financing|lending|credit|trade|(?<!arms )(?<!weapons )sales|revenue)",
            after,
        ):
            continue
        out.append(m)
    return out


def _units(sent: _Sentence, lo: int, hi: int, anchors: list[_M]) -> list[tuple[int, int, _M | None]]:
    """Split [lo, hi) into one unit per anchor: each unit ends just after its amount.

    What follows the last amount belongs to the last unit.
    """
    if not anchors:
        return [(lo, hi, None)]
    units: list[tuple[int, int, _M | None]] = []
    start = lo
    for i, a in enumerate(anchors):
        end = hi if i == len(anchors) - 1 else a.end - sent.start
        units.append((start, end, a))
        start = end
    return units


_SUPPORT = re.compile(
    r"\b(?:support|ammunition|resupply|engineering|bridge|recovery|command|training) vehicles?\b"
)
#: weapon-system categories (data/systems.tsv) that support the main units rather than being them
_SUPPORT_CATEGORIES = frozenset(
    ("ammunition vehicle", "support vehicle", "recovery vehicle", "engineering vehicle")
)


#: "to complement its American HIMARS": a weapon the buyer already has, not part of this deal
_OWNED_BEFORE = re.compile(
    r"\b(?:complement\w*|replac\w*|supplement\w*|augment\w*|alongside|upgrad\w*|join\w*)\s+"
    r"(?:its|their|his|her|our|the existing|existing)\s+(?:[\w-]+\s+)?$"
)


def _systems_in(sent: _Sentence, lo: int, hi: int, cand: _Candidate) -> None:
    for m in sent.sub("system", lo, hi):
        if _owned_before(sent, m):
            continue  # "to complement its American HIMARS": already owned, not bought here
        v = m.value
        name = (
            getattr(v, "designation", None)
            or getattr(v, "name", None)
            or sent.text[m.start - sent.start : m.end - sent.start]
        )
        generic = bool(getattr(v, "generic", False))
        family = getattr(v, "family", None) or name
        category = getattr(v, "category", None) or ""
        if name not in cand.systems:
            cand.systems.append(str(name))
        if not generic:
            cand.families.add(str(family).upper())
        if category:
            cand.categories.add(str(category).lower())


#: quantity nouns that count main weapons ("" is a bare number: "another 24")
_WEAPON_UNITS = frozenset(
    (
        "",
        "tank",
        "howitzer",
        "fighter jet",
        "fighter",
        "jet",
        "aircraft",
        "warplane",
        "plane",
        "helicopter",
        "launcher",
        "rocket launcher",
        "battery",
        "missile",
        "rocket",
        "interceptor",
        "gun",
        "vehicle",
        "armored vehicle",
        "armoured vehicle",
        "infantry fighting vehicle",
        "ship",
        "warship",
        "frigate",
        "corvette",
        "destroyer",
        "submarine",
        "minesweeper",
        "drone",
        "system",
        "air defense system",
        "air defence system",
        "radar",
        "unit",
        "trainer",
        "rifle",
        "mortar",
        "artillery piece",
    )
)


_TRANCHE_BEFORE = re.compile(
    r"\b(?:(?:first|initial|remaining|last|final)\s+(?:batch of\s+)?"
    r"|option (?:for|on|to buy)\s+(?:a further\s+)?)$"
)


def _is_main_count(sent: _Sentence, m: _M) -> bool:
    """A count of main weapons: not support vehicles, not troops or votes (worked out once per mention)."""
    key = ("main", id(m))
    found: bool | None = sent.memo.get(key)
    if found is None:
        found = sent.memo[key] = _is_main_count_now(sent, m)
    return found


def _is_main_count_now(sent: _Sentence, m: _M) -> bool:
    if _SUPPORT.search(sent.low, m.start - sent.start, min(m.end - sent.start + 24, len(sent.low))):
        return False
    if any(
        x.start < m.end and m.start < x.end and str(getattr(x.value, "category", "")) in _SUPPORT_CATEGORIES
        for x in sent.sub("system")
    ):
        return False  # "eight K10s": the data says a K10 is an ammunition vehicle
    if _TRANCHE_BEFORE.search(sent.low, max(0, m.start - sent.start - 24), m.start - sent.start):
        return False  # "the first 12 of them": a tranche of a deal, not a deal
    return str(getattr(m.value, "unit", "")).lower() in _WEAPON_UNITS


def _main_quantity(sent: _Sentence, lo: int, hi: int) -> tuple[int | None, int]:
    """The number of main units in [lo, hi): support vehicles and bounds excluded.

    Returns (quantity, how many distinct main quantities were seen).
    """
    found: list[int | None] = []
    for m in sent.sub("qty", lo, hi):
        q = m.value
        if not _is_main_count(sent, m):
            continue  # "81 support vehicles", "six K10 ammunition resupply vehicles", "the first 12"
        if getattr(q, "bound", None) == "under":
            found.append(None)
            continue
        unit = str(getattr(q, "unit", "")).lower()
        if unit not in _WEAPON_UNITS:
            continue
        found.append(int(getattr(q, "value", 0)))
    if not found:
        return None, 0
    return found[0], len(found)


def _status(low: str, cues: Cues) -> str:
    for status in STATUS_ORDER:
        if cues.compiled[status].search(low):
            return status
    return "signed"


def _sent_status(sent: _Sentence, a: int, b: int, cues: Cues) -> str:
    """``_status(sent.low[a:b], cues)``, worked out once per sentence and span."""
    key = ("status", id(cues), a, b)
    found: str | None = sent.memo.get(key)
    if found is None:
        part = sent.low[a:b]
        found = sent.memo[key] = next(
            (
                status
                for status in STATUS_ORDER
                if sent.may_match(cues.compiled[status]) and cues.compiled[status].search(part)
            ),
            "signed",
        )
    return found


@functools.lru_cache(maxsize=64)  # one per publication date; a TimeSpan is frozen, so records can share it
def _report_year(published: dt.date) -> TimeSpan:
    """The year an article reports in, for a record the text gives no date for (``text`` stays empty)."""
    return TimeSpan(dt.date(published.year, 1, 1), dt.date(published.year, 12, 31), "year", "")


def _assign_times(
    sent: _Sentence, lo: int, hi: int, anchors: Sequence[_M], reach: int = 48
) -> dict[int, TimeSpan]:
    """Pair each amount with the closest date in [lo, hi), each date used once.

    "rise to $150 million this year from $100 million in 2022": the pairs are
    made greedily, nearest first, within ``reach`` characters.
    """
    times = [
        m
        for m in sent.sub("time", lo, hi)
        if m.value.relation not in ("until", "by") and not _schedule(sent, m)
    ]
    pairs = []
    for a in anchors:
        for t in times:
            gap = t.start - a.end if t.start >= a.end else a.start - t.end
            if sent.low.startswith("'s", t.end - sent.start) and not 0 <= a.start - t.end <= 6:
                continue  # "last year's" belongs to the noun right after it ("last year's USD 100 million")
            if 0 <= gap <= reach:
                pairs.append((gap, t.start >= a.end, a.start, t.start, a, t))
    pairs.sort(key=lambda x: (x[0], not x[1], x[2], x[3]))
    out: dict[int, TimeSpan] = {}
    used: set[int] = set()
    for _, _, _, _, a, t in pairs:
        if a.start in out or t.start in used:
            continue
        out[a.start] = t.value
        used.add(t.start)
    return out


_SCHEDULE = re.compile(
    r"\b(?:deliver\w*|due|arriv\w*|produc\w*|complet\w*|in service|built|assembled|ship\w*)\b"
)


def _schedule(sent: _Sentence, m: _M) -> bool:
    """A date of delivery or production ("deliveries from 2027"), not of the deal."""
    rel = m.start - sent.start
    return _SCHEDULE.search(sent.low, max(0, rel - 30), rel) is not None


def _nearest_time(sent: _Sentence, lo: int, hi: int) -> TimeSpan | None:
    times = [
        m for m in sent.sub("time", lo, hi) if m.value.relation in ("at", "since") and not _schedule(sent, m)
    ]
    if not times:
        return None
    resolved = [m for m in times if m.value.start is not None] or times
    return resolved[0].value  # type: ignore[no-any-return]


def _parties_between(sent: _Sentence, lo: int, hi: int, *, orgs: bool = False) -> list[_M]:
    out = []
    for m in sent.sub("place", lo, hi):
        if isinstance(m.party, Country) or (orgs and isinstance(m.party, Organization)):
            out.append(m)
    return out


_FROM = re.compile(r"\bfrom\b")
_TO = re.compile(r"\b(?:to|for)\b")
_WITH = re.compile(r"\bwith\b")


def _first_party_after(sent: _Sentence, pos: int, hi: int, *, companies: bool = True) -> Party | None:
    """The first country (or company's country) within a few words after ``pos``."""
    limit = min(hi, pos + 70)
    best: _M | None = None
    for m in sent.mentions:
        rel = m.start - sent.start
        if rel < pos or rel >= limit:
            continue
        if (m.kind == "place" and isinstance(m.party, Country)) or (
            companies and m.kind == "company" and m.party is not None
        ):
            best = m
            break
    return best.party if best else None


#: a word before "export"/"purchase"/"order" that makes it a noun ("the export of", "a K-defense export")
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|its|their|his|her|our|first|second|third|new|largest|biggest|single|arms|defen[cs]e|"
    r"k-defen[cs]e|military|weapons?|major|this|that|whose|of)|'s?)\s+$"
)
#: "to be delivered", "was ordered": a passive verb has no buyer/seller subject
_PRONOUN_SUBJECT = re.compile(r"\s*(?:it|its|they|their|the country|the government)\b")
_WIN = re.compile(
    r"\b(?:wins?|won|winning|secur(?:es|ed|ing)|clinch(?:es|ed|ing)?|lands|landed|bag(?:s|ged))\b"
)
_CURRENCY_WON = re.compile(r"(?:\d|illion|tln|bn|tn|trn)\s*$")  # "3.4 trillion won" is money, not a win
_INFINITIVE = re.compile(r"\bto\s+$")
_RELATIVE = re.compile(r"\b(?:that|which|who)\b")


def _clause_subject(sent: _Sentence, before: Sequence[_M], verb: int) -> _M:
    """The subject of an infinitive ("X signed a contract with Y to buy"): the clause's first actor.

    In a relative clause ("32 jets that Bucharest agreed in 2022 to buy") the clause starts at
    the relative pronoun, so its first actor after that word.
    """
    pronouns = list(_RELATIVE.finditer(sent.low, before[0].end - sent.start, verb))
    if pronouns:
        after = pronouns[-1].end()
        inside = [m for m in before if m.start - sent.start >= after]
        # the actor must open the clause ("that Bucharest agreed"), unlike "said that it signed ... with X"
        if inside and inside[0].start - sent.start - after <= 6:
            return inside[0]
    return before[0]


_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|was|were|is|are)\s+(?:\w+ly\s+)?$")
_OWNED_NOUN = re.compile(
    r"(?:'s?)\s+(?:\w+\s+){0,3}(?:purchases?|orders?|acquisitions?|contracts?|deals?|imports?)\b"
)


#: what may stand between a demonym and the weapon it describes: "South Korean K2", "American-made Apache"
_MODIFIES = re.compile(r"(?:-made|-built|-designed)?\s+(?:[\w-]+\s+){0,2}")


def _owns_deal_noun(sent: _Sentence, m: _M) -> bool:
    """ "Finland's purchase": the possessor belongs to that noun, not to other verbs."""
    return _OWNED_NOUN.match(sent.low, m.end - sent.start) is not None


def _owned_before(sent: _Sentence, m: _M) -> bool:
    """ "to complement its American HIMARS": a weapon already owned (worked out once per system mention)."""
    key = ("owned", id(m))
    found: bool | None = sent.memo.get(key)
    if found is None:
        rel = m.start - sent.start
        found = sent.memo[key] = _OWNED_BEFORE.search(sent.low, max(0, rel - 40), rel) is not None
    return found


class _Vote(NamedTuple):
    """One vote of a verb or a possessive for a supplier or a recipient (see :func:`_sentence_votes`)."""

    supplier: bool  # a vote for the supplier, else for the recipient
    party: Party | None
    weight: float  # the weight, or (with ``verb_at``) the bonus on the verb's weight
    verb_at: int | None = None  # where the verb starts: it weighs more inside the unit's span


class _DirectionFacts(NamedTuple):
    """What :func:`_direction` reads of a sentence whatever the unit: worked out once per sentence."""

    places: list[_M]  # states and their leaders, in mention order
    votes: list[_Vote]  # the verbs' and possessives' votes, in the order they are cast
    demonyms: set[int]  # ids of demonyms that describe a weapon or a maker ("South Korean K2")


def _direction_facts(sent: _Sentence, cues: Cues) -> _DirectionFacts:
    key = ("direction", id(cues))
    found: _DirectionFacts | None = sent.memo.get(key)
    if found is None:
        found = sent.memo[key] = _direction_facts_now(sent, cues)
    return found


def _direction_facts_now(sent: _Sentence, cues: Cues) -> _DirectionFacts:
    low = sent.low
    votes: list[_Vote] = []
    # clause-wide context: the clause the unit sits in; a leader acts for his state
    places = [
        m
        for m in sent.mentions
        if (m.kind == "place" and isinstance(m.party, Country))
        or (m.kind == "person" and isinstance(m.party, Country))
    ]
    # "Hanwha wins a K9 order from Romania": the winner sells, "from X" buys
    wins = [
        w
        for w in (_WIN.finditer(low) if sent.may_match(_WIN) else ())
        if not _CURRENCY_WON.search(low, max(0, w.start() - 12), w.start())
    ]
    for win in wins:
        before_win = [
            m
            for m in sent.mentions
            if m.end - sent.start <= win.start()
            and m.kind in ("place", "company")
            and isinstance(m.party, Country)
        ]
        if before_win:
            votes.append(_Vote(True, before_win[-1].party, 3.0))
        src = re.compile(r"\b(?:from|by|with)\b").search(low, win.end(), min(len(low), win.end() + 90))
        if src:
            votes.append(_Vote(False, _first_party_after(sent, src.end(), len(low)), 4.0))
    for verb in _finditer(sent, cues.compiled["buy"]):
        if any(0 <= verb.start() - w.end() <= 60 for w in wins):
            continue  # the noun of "wins ... order": handled above
        noun = _NOUN_BEFORE.search(low, max(0, verb.start() - 12), verb.start()) is not None
        noun = noun or _PASSIVE_BEFORE.search(low, max(0, verb.start() - 12), verb.start()) is not None
        before = (
            []
            if noun
            else [m for m in places if m.end - sent.start <= verb.start() and not _owns_deal_noun(sent, m)]
        )
        before = [
            m
            for m in before
            if not _NOT_ACTOR_BEFORE.search(low[max(0, m.start - sent.start - 14) : m.start - sent.start])
        ]
        if before:
            # the subject: the nearest actor before the verb (not a place in "in Seoul", not "X's purchase");
            # an infinitive ("signed a contract with Y to buy") takes the subject of the clause
            subject = (
                _clause_subject(sent, before, verb.start())
                if _INFINITIVE.search(low, max(0, verb.start() - 4), verb.start())
                else before[-1]
            )
            votes.append(_Vote(False, subject.party, 0.0, verb.start()))
        src = _FROM.search(low, verb.end(), min(len(low), verb.end() + 80))
        if src:
            votes.append(_Vote(True, _first_party_after(sent, src.end(), len(low)), 1.0, verb.start()))
    for verb in _finditer(sent, cues.compiled["sell"]):
        noun = _NOUN_BEFORE.search(low, max(0, verb.start() - 12), verb.start()) is not None
        noun = noun or _PASSIVE_BEFORE.search(low, max(0, verb.start() - 12), verb.start()) is not None
        noun = noun or verb.group(0).startswith("sale")  # "an $8.6 billion sale of 40 F-35s to Greece"
        before = [
            m
            for m in sent.mentions
            if m.end - sent.start <= verb.start()
            and m.kind in ("place", "company", "person")
            and isinstance(m.party, Country)
            and not _owns_deal_noun(sent, m)
        ]
        if before and not noun:
            infinitive = _INFINITIVE.search(low, max(0, verb.start() - 4), verb.start()) is not None
            subject = _clause_subject(sent, before, verb.start()) if infinitive else before[-1]
            votes.append(_Vote(True, subject.party, 0.0, verb.start()))
        dst = _TO.search(low, verb.end(), min(len(low), verb.end() + 80))
        if dst:
            party = _first_party_after(sent, dst.end(), len(low), companies=False)
            votes.append(_Vote(False, party, 1.0, verb.start()))
    # "X's purchase/order", "X's ... contract"
    for m in places:
        rel_end = m.end - sent.start
        if _OWNED_NOUN.match(low, rel_end) and not re.match(
            r"(?:'s?)\s+(?:\w+\s+){0,3}(?:contracts?|deals?)", low[rel_end:]
        ):
            votes.append(_Vote(False, m.party, 4.0))
    # demonyms that describe a weapon or its maker: "South Korean K2", "American-made tanks"
    demonyms: set[int] = set()
    for m in sent.sub("place"):
        if m.form == "demonym" and isinstance(m.party, Country):
            nxt = low[m.end - sent.start : m.end - sent.start + 40]
            if _OWNED_BEFORE.search(low, max(0, m.start - sent.start - 30), m.start - sent.start):
                continue
            if any(
                x.kind == "system"
                and 0 <= x.start - m.end <= 30
                and _MODIFIES.fullmatch(low[m.end - sent.start : x.start - sent.start])
                for x in sent.mentions
            ) or re.match(
                r"(?:-made|-built)?\s*(?:[\w-]+\s+){0,2}(?:tanks?|howitzers?|jets?|weapons?|arms|drones?|equipment|"
                r"missiles?|systems?|launchers?|hardware|army stocks|manufacturers?|makers?|firms?"
                r"|compan(?:y|ies))\b",
                nxt,
            ):
                demonyms.add(id(m))
    return _DirectionFacts(places, votes, demonyms)


def _direction(sent: _Sentence, lo: int, hi: int, cand: _Candidate, ctx: _Context) -> None:
    """Decide supplier and recipient of a deal from the words around it.

    What does not depend on the unit [lo, hi) (the verbs and their subjects and
    objects) is read once per sentence by :func:`_direction_facts`; here only
    the weights that do depend on it are added up.  A sentence often holds
    several units, and those sentence-wide questions used to be asked again
    for each.
    """
    low = sent.low
    supplier: dict[str, float] = {}
    recipient: dict[str, float] = {}
    parties: dict[str, Party] = {}

    def vote(box: dict[str, float], party: Party | None, weight: float) -> None:
        if isinstance(party, Country):
            box[party.code] = box.get(party.code, 0) + weight
            parties[party.code] = party

    facts = _direction_facts(sent, ctx.cues)
    places = facts.places
    for v in facts.votes:
        # a verb inside the unit (or just before it) weighs more than one elsewhere in the sentence
        weight = v.weight if v.verb_at is None else (3.0 if lo - 40 <= v.verb_at < hi else 1.5) + v.weight
        vote(supplier if v.supplier else recipient, v.party, weight)
    # "a contract/deal with X": X is the seller when X is a company or a foreign state
    for w_ in _finditer(sent, _WITH, lo, hi):
        party = _first_party_after(sent, w_.end(), min(len(low), w_.end() + 40))
        if party is not None:
            vote(supplier, party, 1.5)
    # demonyms or origin of the named systems and companies
    for m in sent.sub("place", lo, hi):
        if id(m) in facts.demonyms:
            vote(supplier, m.party, 2.5)
    for m in sent.sub("company", lo, hi):
        vote(supplier, m.party, 1.0)
        name = getattr(m.value, "name", None)
        if name and name not in cand.contractors:
            cand.contractors.append(str(name))
    for m in sent.sub("system", lo, hi):
        if not _owned_before(sent, m):
            # a named weapon's origin outweighs a multinational maker's seat ("MBDA ... CAMM")
            vote(supplier, m.party, 0.8 if getattr(m.value, "generic", False) else 1.2)
    for party in cand.origins:
        vote(supplier, party, 0.8)

    if not recipient and _PRONOUN_SUBJECT.match(low) and cand.antecedent is not None:
        vote(recipient, cand.antecedent, 2.0)  # "Poland remains the outlier. Its 2022 framework ..."
    sup = max(supplier, key=lambda c: (supplier[c], -len(c))) if supplier else None
    rec_box = {c: v for c, v in recipient.items() if c != sup}
    rec = max(rec_box, key=lambda c: rec_box[c]) if rec_box else None
    cand.first = parties.get(sup) if sup else None
    cand.second = parties.get(rec) if rec else None
    cand.sure = (supplier[sup] >= 2.5 if sup else 0) + (rec_box[rec] >= 3 if rec else 0)
    if cand.second is None:
        others = [m.party for m in places if isinstance(m.party, Country) and m.party.code != sup]
        cand.second = others[0] if others else ctx.partner(cand.first)
    if cand.first is None:
        cand.first = ctx.partner(cand.second)


#: a count of weapons that is a running total, not a deal ("364 K9s are on firm order")
_RUNNING_TOTAL = re.compile(r"\b(?:on (?:firm )?order|so far|to date|cumulative(?:ly)?|in service)\b")
_UNDER_FRAMEWORK = re.compile(
    r"\bunder (?:a|the|its|their|an?\s+\w+)\s+(?:\w+\s+)?framework(?:\s+agreements?)?\b"
)
_SIGNED_WORD = re.compile(r"\b(?:signed|concluded|inked|sealed)\b")
#: "Under the contract, ...", "the deal covers ...": what follows details a deal already reported
_DETAIL = re.compile(
    r"\b(?:under|in|of) (?:the|this|that) (?:contract|deal|agreement|order)\b|"
    r"\b(?:the|this|that) (?:contract|deal|order) (?:covers|includes|comprises|consists)\b"
)
_DEFINITE_DEAL = re.compile(
    r"\b(?:the|this|that) (?:deal|contract|purchase|order|sale|(?:total |estimated )?(?:cost|price|value))\b"
)


def _inherit_systems(
    sent: _Sentence, lo: int, hi: int, cand: _Candidate, recent: Sequence[_Sentence]
) -> None:
    """ "... the K239 Chunmoo. A framework for 288 launchers ...": the launchers are Chunmoos.

    A unit that counts a kind of weapon without naming it takes the named
    system of that kind from earlier in the sentence or the sentence before.
    """
    units = {str(getattr(m.value, "unit", "")) for m in sent.sub("qty", lo, hi)} - {""}
    if not units:
        return
    pool = list(sent.sub("system", 0, lo)) + [
        m for r in recent[-1:] for m in r.mentions if m.kind == "system"
    ]
    for m in reversed(pool):
        v = m.value
        category = str(getattr(v, "category", "") or "")
        if getattr(v, "generic", False) or not category:
            continue
        if any(u in category for u in units):
            cand.systems.append(str(getattr(v, "designation", "")))
            if m.party is not None:
                cand.origins.append(m.party)
            cand.families.add(str(getattr(v, "family", None) or getattr(v, "designation", "")).upper())
            cand.categories.add(category.lower())
            return


_DEAL_STUFF = frozenset(("money", "system", "qty", "company"))


_PRICED_FOR = re.compile(r"\s+for\s+(?:about |around |roughly |nearly |some |almost |up to |over )?$")


def _priced_weapons(sent: _Sentence) -> bool:
    """A counted, named weapon right before "for <amount>" ("180 K2 for $6.5 billion")."""
    for money in sent.sub("money"):
        rel = money.start - sent.start
        hit = _PRICED_FOR.search(sent.low, max(0, rel - 24), rel)
        if hit is None:
            continue
        weapons = sent.sub("system", max(0, hit.start() - 40), hit.start())
        if (
            weapons
            and weapons[-1].end - sent.start >= hit.start() - 12
            and any(
                q.start <= weapons[-1].start < q.end or 0 <= weapons[-1].start - q.end <= 12
                for q in sent.sub("qty")
            )
        ):
            return True
    return False


def _deal_candidates(
    sent: _Sentence, ctx: _Context, recent: Sequence[_Sentence] = (), after_deal: bool = False
) -> list[_Candidate]:
    cues = ctx.cues
    low = sent.low
    if _DEAL_STUFF.isdisjoint(sent.by_kind):
        return []  # no amount, weapon, count or maker: nothing a deal could be made of
    has_trigger = (
        sent.search(cues.compiled["buy"])
        or sent.search(cues.compiled["sell"])
        or sent.search(cues.compiled["deal"])
        # "The first, signed in August 2022, covered 180 K2GF tanks for $3.37 billion"
        or (sent.search(_SIGNED_WORD) and sent.sub("money") and (sent.sub("system") or sent.sub("qty")))
        # "152 K9PL for about $2.6 billion in December 2023, 72 Homar-K launchers for PLN 6.4 billion":
        # a count of named weapons priced with "for" lists purchases without any deal word
        or _priced_weapons(sent)
    )
    if not has_trigger:
        return []
    if sent.search(_DENIED):
        return []  # "Seoul denied reports that ...": nothing is recorded
    follow_up = after_deal and sent.search(_DEFINITE_DEAL) is not None and bool(sent.sub("money"))
    if not (sent.sub("system") or sent.sub("company") or sent.search(cues.compiled["arms"]) or follow_up):
        return []  # a defence maker, a weapon or an arms word makes a transaction an arms deal
    out: list[_Candidate] = []
    clauses = _clauses(sent)
    # clauses with nothing to anchor a deal join the clause before them
    merged: list[list[int]] = []
    merged_content = False  # whether the last merged clause holds an amount, a count or a weapon
    for a, b in clauses:
        content = bool(sent.sub("money", a, b) or sent.sub("qty", a, b) or sent.sub("system", a, b))
        if merged and not (content and merged_content):
            merged[-1][1] = b
            merged_content = merged_content or content  # (the clauses are adjacent: their mentions add up)
        else:
            merged.append([a, b])
            merged_content = content
    for a, b in merged:
        stuff = [
            m.start - sent.start
            for m in sent.mentions
            if a <= m.start - sent.start < b and m.kind in ("money", "qty", "system")
        ]
        if _gift(sent, a, b, min(stuff, default=b)):
            continue  # weapons given away: military aid, not a deal
        if not (
            sent.search_in(cues.compiled["buy"], a, b)
            or sent.search_in(cues.compiled["sell"], a, b)
            or sent.search_in(cues.compiled["deal"], a, b)
        ):
            # a clause of its own with no deal word still lists a deal when it pairs a figure with weapons
            # ("..., then for 48 FA-50 jets at $3 billion")
            priced = sent.sub("money", a, b) and (
                sent.sub("system", a, b) or any(_is_main_count(sent, q) for q in sent.sub("qty", a, b))
            )
            if len(merged) > 1 and not priced:
                continue
        anchors = _money_anchors(sent, a, b, cues)
        times = _assign_times(sent, a, b, anchors)
        if anchors:
            units = _units(sent, a, b, anchors)
        else:
            units = []
            if any(m.kind == "money" for m in sent.sub("money", a, b)):
                continue  # only excluded amounts: a budget, a total, financing
            qty_ms = [m for m in sent.sub("qty", a, b) if _is_main_count(sent, m)]
            if len(qty_ms) > 1:
                # one unit per "N <system>" pair: frameworks listing several programmes
                for i in range(len(qty_ms)):
                    start = a if i == 0 else qty_ms[i - 1].end - sent.start
                    end = b if i == len(qty_ms) - 1 else qty_ms[i].end - sent.start + 45
                    end = min(end, qty_ms[i + 1].start - sent.start) if i + 1 < len(qty_ms) else end
                    units.append((start, end, None))
            else:
                units = [(a, b, None)]
        for lo, hi, anchor in units:
            cand = _Candidate("deal", sent, lo, hi)
            if recent:
                prior = _sentence_actors(recent[-1])
                cand.antecedent = next((p for p in prior if isinstance(p, Country)), None)
            if anchor is not None:
                money: Money = anchor.value
                if _aggregate_before(
                    low, max(a, anchor.start - sent.start - 40), anchor.start - sent.start, cues
                ) or _COMBINED_AFTER.match(low, anchor.end - sent.start):
                    continue
                cand.value = money
            _systems_in(sent, lo, hi, cand)
            if not cand.families:
                _inherit_systems(sent, lo, hi, cand, recent)
            if not cand.families and anchor is not None and not sent.search(_DEFINITE_DEAL, lo, hi):
                # "... for up to 1,000 K2 tanks and an executive contract for the first 180, worth $3.37
                # billion": the contract is for the weapons the sentence already named
                named = [m for m in sent.sub("system", 0, lo) if not getattr(m.value, "generic", False)]
                if named:
                    _systems_in(sent, named[-1].start - sent.start, named[-1].end - sent.start, cand)
                    if named[-1].party is not None:
                        cand.origins.append(named[-1].party)
            qty, n_qty = _main_quantity(sent, lo, hi)
            cand.quantity = qty if n_qty == 1 or len(cand.families) <= 1 else None
            if cand.value is None and cand.quantity is None and not cand.systems:
                continue
            if cand.value is None and _RUNNING_TOTAL.search(low, lo, hi):
                continue  # "364 K9s are on firm order": a running total, not a deal
            unit_low = low[lo:hi]
            whole = len(merged) == 1
            cand.status = _sent_status(sent, 0 if whole else a, len(low) if whole else b, cues)
            under = sent.search_in(_UNDER_FRAMEWORK, lo, hi)
            if under and not any(
                m.start - sent.start < lo + under.start()
                for m in sent.mentions
                if lo <= m.start - sent.start < hi and m.kind in ("money", "qty")
            ):
                under = (
                    None  # "under the framework ..., which provides for up to 672": the framework's own terms
                )
            if under:
                # "ordered 48 FA-50s for US$3bn under a framework signed that July": an executive
                # contract, and the framework it falls under is a deal of its own
                cand.status = _status(_UNDER_FRAMEWORK.sub(" ", unit_low), cues)
                if cand.status == "framework":
                    cand.status = "signed"
            elif sent.search_in(cues.compiled["framework"], lo, hi):
                cand.status = "framework"
            if cand.status == "delivered" and cand.value is None:
                cand.quantity = None  # a delivery schedule describes a deal, it is not one
            if anchor is not None:
                cand.date = times.get(anchor.start) or (
                    _nearest_time(sent, a, b) if len(anchors) == 1 else None
                )
            else:
                cand.date = _nearest_time(sent, lo, hi) or _nearest_time(sent, a, b)
            if cand.date is None and cand.status in ("planned", "signed") and ctx.published is not None:
                cand.date = _report_year(ctx.published)
            cand.definite = bool(sent.search_in(_DEFINITE_DEAL, lo, hi))
            cand.detail = cand.value is None and _DETAIL.search(low, a, b) is not None
            _direction(sent, lo, hi, cand, ctx)
            follow = cand.definite and cand.value is not None and not cand.families and cand.quantity is None
            if not follow and (
                cand.first is None or cand.second is None or cand.first.code == cand.second.code
            ):
                continue  # (a figure for "the contract" joins the deal before it, whatever parties it names)
            out.append(cand)
            if under and cand.families:
                out.append(
                    attrs.evolve(
                        cand,
                        status="framework",
                        value=None,
                        alt_values=[],
                        quantity=None,
                        date=None,
                        definite=False,
                        sentences=[],
                        contractors=list(cand.contractors),
                        systems=list(cand.systems),
                        families=set(cand.families),
                        categories=set(cand.categories),
                    )
                )
    return out


# ---------------------------------------------------------------- aid


_DEAL_WORD = re.compile(r"\b(?:contracts?|deals?|purchases?|arms|weapons? sales?)\b")


def _aid_kind(low: str, cues: Cues) -> str:
    kinds = [kind for kind, pattern in cues.compiled_aid_kinds if pattern.search(low)]
    if len(kinds) == 1:
        return kinds[0]
    return "mixed"


#: words that make a transfer a gift: military aid is given, not sold
_AID_WORD = re.compile(
    r"\b(?:aid|assistance|donat\w*|donors?|pledg\w*|promis\w*|gift\w*|grants?|drawdown|transferr?\w*|"
    r"hand(?:ed|s|ing)? over|contribut\w*|relief|humanitarian|send|sends|sending|sent|package)\b"
)
#: words that make a transfer a sale
_SALE_WORD = re.compile(
    r"\b(?:contracts?|deals?|purchas\w*|orders?|ordered|ordering|sale|sales|sold|sell\w*|export\w*|procur\w*|"
    r"acquisitions?|acquir\w*|buy\w*|bought|signed for|import\w*|approv\w*|cleared|clears)\b"
)
_NEGATED = re.compile(
    r"\b(?:not|never|no longer|refus\w+ to|declin\w+ to|won't|wouldn't|cannot|can't)\s+(?:\w+\s+)?$"
)
#: "Seoul denied reports that ...": nothing in the sentence is recorded
_DENIED = re.compile(r"\b(?:den(?:y|ies|ied)|rejected reports|dismissed reports)\b")


def _gift(sent: _Sentence, lo: int, hi: int, first: int) -> bool:
    """Whether [lo, hi) gives weapons or money away rather than selling them.

    ``first`` is where the first amount or weapon of the clause starts: a gift
    word before it wins over a sale word after it ("transferred 1.5 billion
    euros ... to buy air defence").
    """
    aid = sent.search(_AID_WORD, lo, hi)
    if aid is None or sent.search(_NEGATED, max(0, aid.start() - 16), aid.start()):
        return False  # "would not send its Abrams tanks"
    sale = sent.search(_SALE_WORD, lo, hi)
    return sale is None or (aid.start() < first and aid.start() < sale.start())


#: "$26.7 billion in security assistance to Ukraine since the beginning of ...": a running total
_CUMULATIVE_AFTER = re.compile(
    r"[^.;]{0,70}?\bsince (?:the (?:beginning|start|outbreak|invasion|war)|(?:february |feb\. )?20\d\d\b)"
)
#: "two packages worth nearly US$2 billion combined": a sum of deals, not a deal
_COMBINED_AFTER = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:combined|in total|altogether|in all)\b")
_CUMULATIVE_BEFORE = re.compile(
    r"\bsince (?:the (?:beginning|start|outbreak|invasion|war)|(?:[a-z]+\.? (?:of )?)?20\d\d)\b[^.;]{0,40}"
    r"(?:amount(?:s|ed)? to|total(?:s|led|ed)?|reach(?:es|ed)?|stands? at|surpass(?:es|ed)?|exceed(?:s|ed)?"
    r"|tops?|topped)"
    r"\s+(?:about |some |more than |over |the )?$"
)
_TROOPS = re.compile(r"\b(?:troops|soldiers|personnel|servicemen|forces)\b")


def _weapon_mentions(sent: _Sentence, lo: int, hi: int) -> list[_M]:
    return [
        m
        for m in sent.mentions
        if lo <= m.start - sent.start < hi
        and (m.kind == "system" or (m.kind == "qty" and _is_main_count(sent, m)))
    ]


#: "its largest package so far", "the 18th to date": the words rank one package, they total nothing
_RANKED = re.compile(
    r"\b(?:largest|biggest|largest-ever|biggest-ever|single largest|most (?:valuable|expensive)|"
    r"first|second|third|fourth|fifth|\d+(?:st|nd|rd|th))\b[^.;]*$"
)


def _aggregate_before(low: str, lo: int, hi: int, cues: Cues) -> bool:
    """An aggregate cue ("in total", "so far") in ``low[lo:hi]`` that makes the amount after it a total."""
    hit = cues.compiled["aggregate"].search(low, lo, hi)
    if hit is None:
        return False
    # "its largest military aid package so far, worth ...": one package, ranked, not a total
    ranked = hit.group(0) in ("so far", "to date") and _RANKED.search(
        low, max(0, hit.start() - 60), hit.start()
    )
    return not ranked


#: "Since February 2022, Canada has committed ...": a clause that opens on "since" and a perfect tense
_SINCE_OPENING = re.compile(
    r"[-\s\u2022*]*since (?:the (?:beginning|start|outbreak)|(?:[a-z]+\.? )?(?:\d{1,2},? )?(?:19|20)\d\d)\b"
    r"[^.;]*\b(?:has|have)\s+(?:\w+ly\s+)?(?:committed|provided|given|pledged|allocated|sent|delivered|donated)\b"
)
#: "This includes $2.4 billion in ...", "including more than $4 billion for ...": a part of a sum named before
_PART_BEFORE = re.compile(
    r"\binclud(?:es|ed|ing)\s+(?:about |some |around |nearly |almost |more than |over |up to |roughly )?$"
)


def _for_a_state_after(sent: _Sentence, anchor: _M) -> bool:
    """ "... includes about $61 billion for Ukraine": the part has a recipient of its own (a split, kept)."""
    for m in sent.sub("place", anchor.end - sent.start, anchor.end - sent.start + 40):
        rel = m.start - sent.start
        if isinstance(m.party, Country) and _TO_BEFORE.search(sent.low, max(0, rel - 12), rel):
            return True
    return False


def _aid_total(sent: _Sentence, a: int, anchor: _M, cues: Cues) -> bool:
    """A sum of packages, a running total or a part of one ("bringing its total to", "including $4bn")."""
    low = sent.low
    rel = anchor.start - sent.start
    since = _SINCE_OPENING.match(low, a)
    return bool(
        (_PART_BEFORE.search(low, max(a, rel - 40), rel) and not _for_a_state_after(sent, anchor))
        or (since is not None and since.end() <= rel)
        or _aggregate_before(low, max(a, rel - 50), rel, cues)
        or _CUMULATIVE_AFTER.match(low, anchor.end - sent.start)
        or _COMBINED_AFTER.match(low, anchor.end - sent.start)
        or _CUMULATIVE_BEFORE.search(low, max(a, rel - 60), rel)
    )


def _aid_candidates(sent: _Sentence, ctx: _Context) -> list[_Candidate]:
    cues = ctx.cues
    low = sent.low
    if _DEAL_STUFF.isdisjoint(sent.by_kind) and not sent.search(_STATED_AID):
        return []  # neither an amount or a weapon nor aid stated in words
    if not (sent.search(cues.compiled["aid"]) or sent.search(_AID_WORD)) or sent.search(_DENIED):
        return []
    out: list[_Candidate] = []
    for a, b in _clauses_aid(sent):
        anchors = _money_anchors(sent, a, b, cues)
        weapons = _weapon_mentions(sent, a, b)
        clause_low = low[a:b]
        first = min([m.start - sent.start for m in [*anchors, *weapons]], default=b)
        if (weapons or sent.search_in(_SALE_WORD, a, b)) and not _gift(sent, a, b, first):
            continue  # a purchase or a contract, not aid
        if not anchors:
            if weapons and _gift(sent, a, b, first) and not sent.search(_TROOPS):
                out.extend(_military_gifts(sent, a, b, ctx))
            elif not weapons:
                out.extend(_stated_aid(sent, a, b, ctx))
            continue
        if not sent.search_in(_AID_WORD, a, b) and sent.search(_SALE_WORD):
            continue  # "related support, valued at ...": a weak cue in a sentence about a sale
        times = _assign_times(sent, a, b, [an for an in anchors if not _aid_total(sent, a, an, cues)])
        for lo, hi, anchor in _units(sent, a, b, anchors):
            assert anchor is not None
            if _aid_total(sent, a, anchor, cues):
                continue
            cand = _Candidate("aid", sent, lo, hi, value=anchor.value)
            _systems_in(sent, a, b, cand)  # the weapons a military package includes are its items
            unit_low = low[lo:hi]
            rel = anchor.start - sent.start
            # the words around the figure first ("USD 150 million worth of humanitarian aid")
            near = low[max(a, rel - 30) : min(b, anchor.end - sent.start + 40)]
            kind = "military" if weapons else _aid_kind(near, cues)
            if kind == "mixed":
                kind = _aid_kind(unit_low, cues)
            if kind == "mixed":
                kind = _aid_kind(clause_low, cues)
            if kind == "mixed" and not sent.search_in(cues.compiled["aid"], a, b):
                kind = _aid_kind(low, cues)
            cand.aid_kind = kind
            cand.date = times.get(anchor.start) or (_nearest_time(sent, a, b) if len(anchors) == 1 else None)
            if cand.date is None and ctx.published is not None:
                cand.date = _report_year(ctx.published)
            _aid_direction(sent, a, b, cand, ctx)
            if cand.first is None or cand.second is None or cand.first.code == cand.second.code:
                continue
            out.append(cand)
    return out


def _clauses_aid(sent: _Sentence) -> list[tuple[int, int]]:
    """Clauses, each holding an amount or a weapon; the others join the clause before."""
    out: list[list[int]] = []
    for a, b in _clauses(sent):
        if out and not (
            sent.sub("money", out[-1][0], out[-1][1]) or _weapon_mentions(sent, out[-1][0], out[-1][1])
        ):
            out[-1][1] = b
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


#: "will offer new financial support", "has provided non-lethal military supplies": aid without a figure
_STATED_AID = re.compile(
    r"\b(?:provid\w*|offer\w*|send\w*|sent|giv\w+|gave|extend\w*|pledg\w*|promis\w*|deliver\w*|donat\w*)\s+"
    r"(?:\w+\s+){0,3}?(?P<kind>(?:(?:humanitarian|military|non-lethal|financial|budget(?:ary)?|reconstruction|"
    r"medical|economic|development)(?:,?\s+(?:and\s+)?)?)+)\s*(?:aid|assistance|support|supplies|equipment)\b"
)


def _stated_aid(sent: _Sentence, a: int, b: int, ctx: _Context) -> list[_Candidate]:
    """Aid the text states without a figure: one package, kind from its adjectives."""
    low = sent.low
    m = _STATED_AID.search(low, a, b)
    if m is None or _NEGATED.search(low, max(0, m.start() - 16), m.start()):
        return []
    kinds = {k for k, pattern in ctx.cues.compiled_aid_kinds if pattern.search(m.group("kind"))}
    if "non-lethal" in m.group("kind") or "military" in m.group("kind"):
        kinds = (kinds - {"humanitarian"}) | {"military"}
    cand = _Candidate("aid", sent, a, b, aid_kind=kinds.pop() if len(kinds) == 1 else "mixed")
    date = _nearest_time(sent, a, b)
    cand.date = date if date is not None else (_report_year(ctx.published) if ctx.published else None)
    _aid_direction(sent, a, b, cand, ctx)
    if cand.first is None or cand.second is None or cand.first.code == cand.second.code:
        return []
    return [cand]


def _military_gifts(sent: _Sentence, a: int, b: int, ctx: _Context) -> list[_Candidate]:
    """Weapons pledged or given without a figure: one package per giving state.

    "Denmark and the Netherlands pledged to transfer 19 and 24 F-16s" gives two.
    """
    low = sent.low
    verb = _AID_WORD.search(low, a, b)
    assert verb is not None
    weapons = _weapon_mentions(sent, a, b)
    governed = any(
        0 <= w.start - sent.start - verb.end() <= 45
        and not re.search(
            r"\b(?:for|support|training|maintenance|of)\b", low[verb.end() : w.start - sent.start]
        )
        for w in weapons
    ) or any(0 <= verb.start() - (w.end - sent.start) <= 3 for w in weapons)  # "a Patriot system pledged by"
    if not governed:
        return []  # "pledged maintenance support for the K2 tanks": no weapons change hands
    givers: list[Party] = []
    for m in sent.mentions:
        rel = m.start - sent.start
        if m.party is None or m.kind not in ("place", "person") or rel >= verb.start():
            continue
        if m.kind == "place" and _NOT_ACTOR_BEFORE.search(low[max(0, rel - 14) : rel]):
            continue
        if low.startswith("'s", m.end - sent.start) or (rel < a and givers):
            continue  # "Ukraine's biggest donor": a possessor, not a giver
        if m.party.code not in [g.code for g in givers]:
            givers.append(m.party)
    if re.match(r"\s+by\b", low[verb.end() : verb.end() + 4]):
        # "pledged by Chancellor Olaf Scholz": the giver follows the verb
        after = [
            m.party
            for m in sent.mentions
            if m.kind in ("place", "person")
            and m.party is not None
            and 0 <= m.start - sent.start - verb.end() <= 40
        ]
        givers = after[:1] or givers
    if not givers:
        return []
    clause_givers = givers if len(givers) <= 2 else givers[-2:]
    out = []
    date = _nearest_time(sent, a, b)
    if date is None and ctx.published is not None:
        date = _report_year(ctx.published)
    for giver in clause_givers:
        cand = _Candidate("aid", sent, a, b, aid_kind="military", date=date)
        cand.first = giver
        dst = _TO.search(low, verb.end(), b)
        recipient = _first_party_after(sent, dst.end(), b, companies=False) if dst else None
        cand.second = recipient or ctx.aid_recipient or ctx.partner(giver)
        if cand.second is None or cand.second.code == giver.code:
            continue
        _systems_in(sent, a, b, cand)
        out.append(cand)
    return out


def _listed_recipient(sent: _Sentence, cand: _Candidate) -> Party | None:
    """The state a bracketed amount belongs to in a list: "Bangladesh (patrol boats, 575 million yen)"."""
    span = getattr(cand.value, "span", None)
    if span is None:
        return None
    rel = span[0] - sent.start
    opening = sent.low.rfind("(", 0, rel)
    if opening < 0 or ")" in sent.low[opening:rel] or rel - opening > 80:
        return None
    before = [m for m in sent.sub("place", max(0, opening - 40), opening) if isinstance(m.party, Country)]
    if before and not sent.low[before[-1].end - sent.start : opening].strip():
        return before[-1].party
    return None


def _aid_direction(sent: _Sentence, a: int, b: int, cand: _Candidate, ctx: _Context) -> None:
    """Donor: the acting party (subject, "by X", a leader speaking); recipient: "to/for/in X"."""
    low = sent.low
    donor: Party | None = None
    recipient: Party | None = None
    dateline: Party | None = None  # "In Oslo, the government said ...": where the speaker is
    for m in sent.mentions:
        if m.kind not in ("place", "person") or m.party is None:
            continue
        rel = m.start - sent.start
        before = low[max(0, rel - 14) : rel]
        after = low[m.end - sent.start : m.end - sent.start + 20]
        if _GIVE_BEFORE.search(before) and isinstance(m.party, Country) and m.form != "demonym":
            if recipient is None:
                recipient = m.party  # "would give Ukraine 35 billion crowns": the first object receives
            continue
        if _OBJECT_BEFORE.search(before) and isinstance(m.party, Country):
            if m.form in ("capital", "metonym") and re.search(r"\b(?:in|at)\s+$", before):
                if rel <= 3 and after.startswith(","):
                    dateline = m.party
                continue  # "at the G20 summit in New Delhi": where, not to whom
            if recipient is None:
                recipient = m.party
        elif re.search(r"\bby\s+(?:the\s+)?$", before):
            if _GIVEN_BY.search(low, max(0, rel - 48), rel):
                donor = m.party  # "provided by Japan", "funded by the EU"
            continue  # "damaged by the Russian bombardments": an agent, but of something else
        elif donor is None:
            if re.search(
                r"\b(?:at|during|on the sidelines of|near|from|counter|against|deter|confront)"
                r"\s+(?:the\s+)?$",
                before,
            ):
                continue  # "at the G20 summit", "to counter China": where or against whom, not who gives
            if (
                m.kind == "place"
                and m.form != "demonym"
                and re.match(r" [A-Z]", sent.text[m.end - sent.start : m.end - sent.start + 2])
            ):
                continue  # "the Ukraine Facility": part of a name (but "the Spanish Agency ..." acts)
            if (
                isinstance(m.party, Organization)
                and not re.match(r"\s*(?:leaders|members|allies|member states)\b", after)
                and rel > 40
            ):
                continue  # an organisation gives only as the subject ("The European Union transferred ...")
            if (
                m.kind == "place"
                and m.form == "demonym"
                and re.match(r"\s+(?:president|prime minister|minister|leader)", after)
            ):
                continue  # "Ukrainian President X": a person's nationality, not an actor
            donor = m.party
    receive = _RECEIVE.search(low, a, b)
    if receive is not None:
        # "Kyiv will receive 40 HIMARS from Washington": the subject receives, "from X" gives
        src = re.compile(r"\bfrom\b").search(low, receive.end(), b)
        giver = _first_party_after(sent, src.end(), b, companies=False) if src else None
        taker = [
            m.party
            for m in sent.mentions
            if m.kind in ("place", "person")
            and isinstance(m.party, Country)
            and m.end - sent.start <= receive.start()
        ]
        if giver is not None:
            donor, recipient = giver, (taker[-1] if taker else recipient)
    listed = _listed_recipient(sent, cand)
    if listed is not None:
        recipient = listed  # "provided OSA to Bangladesh (patrol boats, 575 million yen), Malaysia (...)"
    if donor is None and dateline is not None and (recipient is None or recipient.code != dateline.code):
        donor = dateline  # "In Oslo, the government said it would give ...": Norway's government
    if donor is None and ctx.principal:
        # no actor in the sentence: the article's main party, unless that is where its aid goes
        gets = recipient or ctx.aid_recipient
        donor = next((p for p in ctx.principal if gets is None or p.code != gets.code), ctx.principal[0])
    cand.first = donor
    if recipient is None or (cand.first is not None and recipient.code == cand.first.code):
        recipient = ctx.aid_recipient
        if recipient is None or (cand.first is not None and recipient.code == cand.first.code):
            recipient = ctx.partner(cand.first)
    cand.second = recipient


#: a giving verb in the passive, its agent next: "provided by Japan", "financed in full by the EU"
_GIVEN_BY = re.compile(
    r"\b(?:provided|funded|financed|donated|pledged|offered|given|granted|sent|supplied|delivered|paid"
    r"|covered|sponsored|contributed|allocated|earmarked|set aside|committed|approved|announced|established"
    r"|created|raised|disbursed|released|made available)\s+(?:[\w-]+\s+){0,3}by\s+(?:the\s+)?$"
)
#: a giving verb right before a country: that country is the (indirect) object, the one who receives
_GIVE_BEFORE = re.compile(
    r"\b(?:give|gives|giving|gave|given|grant|grants|granting|granted|offer|offers|offering|offered|"
    r"hand|hands|handing|handed|promise|promises|promised|pledge|pledges|pledged|provide|provides|"
    r"providing|provided|send|sends|sending|sent)\s+(?:the\s+)?$"
)
_RECEIVE = re.compile(r"\b(?:receiv(?:e|es|ed|ing)|get(?:s|ting)?|got|obtain(?:s|ed)?|accept(?:s|ed)?)\b")
_OBJECT_BEFORE = re.compile(r"\b(?:to|for|in|into)\s+(?:the\s+)?$|\b(?:of)\s+$")


# ---------------------------------------------------------------- agreements


_BOTH = re.compile(
    r"\b(?:the two (?:countries|nations|sides|governments|leaders|ministers|presidents|states|allies)"
    r"|both (?:countries|nations|sides|governments|leaders|presidents|ministers)|their governments|they)\b"
)
#: words before a place that make it a location or an object, not an actor: "in Vilnius", "of Ukraine"
_NOT_ACTOR_BEFORE = re.compile(
    r"\b(?:in|at|of|on|to|into|for|from|against|near|across|toward|towards|visit to)\s+(?:the\s+)?$"
)
_TERM = re.compile(r"\b(?:in effect|valid|in force|runs?|last|lasting)\w* for (\w+) years\b")


@attrs.frozen
class _RawAgreement:
    parties: tuple[Party, ...]
    kind: str
    date: TimeSpan | None
    until: TimeSpan | None
    term_years: int | None
    topics: tuple[str, ...]
    sentence: _Sentence
    definite: bool
    weak: bool = False  # no signing verb: it may only join an agreement found elsewhere
    signatories: tuple[str, ...] = ()


_NAMED_AFTER = re.compile(
    r"\s+(?:communiqu|declaration|summit|statement|accord|treaty|agreement|format|initiative|process|group)"
)


def _actors(sent: _Sentence, lo: int = 0, hi: int | None = None) -> list[Party]:
    """Parties acting in [lo, hi): states and organisations not in a locative phrase, and leaders' states."""
    hi = len(sent.low) if hi is None else hi
    out: list[Party] = []
    for m in sent.mentions:
        rel = m.start - sent.start
        if not lo <= rel < hi or m.party is None or m.kind not in ("place", "person"):
            continue
        if m.kind == "place" and _NOT_ACTOR_BEFORE.search(sent.low[max(0, rel - 14) : rel]):
            continue
        if (
            m.kind == "place"
            and m.form in ("capital", "metonym")
            and _NAMED_AFTER.match(sent.low, m.end - sent.start)
        ):
            continue  # "the Vilnius Communique", "the Washington Declaration": a name, not a party
        if (
            m.kind == "place"
            and m.form == "demonym"
            and any(x.kind == "system" and 0 <= x.start - m.end <= 12 for x in sent.mentions)
        ):
            continue  # "American HIMARS": where a weapon comes from, not who acts
        if m.party.code not in [p.code for p in out]:
            out.append(m.party)
    return out


def _sentence_actors(sent: _Sentence) -> tuple[Party, ...]:
    """``_actors(sent)`` over the whole sentence, worked out once: later sentences ask it again."""
    found: tuple[Party, ...] | None = sent.memo.get("actors")
    if found is None:
        found = sent.memo["actors"] = tuple(_actors(sent))
    return found


def _local_parties(recent: Sequence[_Sentence]) -> list[Party]:
    """The actors of the last few sentences, most frequent first (a tie goes to the latest)."""
    weight: Counter[str] = Counter()
    parties: dict[str, Party] = {}
    for age, sent in enumerate(reversed(recent)):
        for p in _sentence_actors(sent):
            weight[p.code] += 10 - age
            parties[p.code] = p
    return [parties[c] for c, _ in weight.most_common()]


_TOPICS = (
    "politics",
    "economy",
    "defense",
    "culture",
    "security",
    "trade",
    "infrastructure",
    "energy",
    "reconstruction",
)
_SIGNING = re.compile(r"\b(?:signed|adopted|concluded|launched|inked|signing|sign)\b")


def _agreement_mentions(low: str, cues: Cues) -> list[tuple[str, re.Match[str]]]:
    """Every agreement noun in the sentence, the most specific kind winning where two overlap.

    >>> [kind for kind, _ in _agreement_mentions("they signed a memorandum of understanding.", DEFAULT_CUES)]
    ['mou']
    """
    found: list[tuple[str, re.Match[str]]] = []
    if not may_match_any(cues.compiled_agreement_patterns, low):
        return found
    for kind, pattern in cues.compiled_agreement_kinds:
        if not may_match(pattern, low):
            continue  # none of the kind's words can start here: skip its search
        for match in pattern.finditer(low):
            if any(match.start() < m.end() and m.start() < match.end() for _, m in found):
                continue
            found.append((kind, match))
    found.sort(key=lambda km: km[1].start())
    # a name holds one agreement: "a memorandum of understanding (MOU)", "the Action Plan for the
    # Implementation of the Strategic Partnership", "the Hiroshima Accord on a strategic partnership"
    kept: list[tuple[str, re.Match[str]]] = []
    for kind, match in found:
        if kept:
            between = low[kept[-1][1].end() : match.start()]
            if len(between) < 60 and not re.search(
                r",|;|\band\b|\b(?:was|were|is|are|has|have|signed|adopted)\b", between
            ):
                continue
        kept.append((kind, match))
    return kept


def _agreement_regions(sent: _Sentence, mentions: list[tuple[str, re.Match[str]]]) -> list[tuple[int, int]]:
    """The stretch of text each agreement noun owns: its clause, split between nouns at a comma or "and"."""
    regions = []
    clauses = _clauses_wide(sent)
    for i, (_, match) in enumerate(mentions):
        lo, hi = next(((a, b) for a, b in clauses if a <= match.start() < b), (0, len(sent.low)))
        if i > 0:
            prev = mentions[i - 1][1]
            if lo <= prev.start():
                cut = max(
                    sent.low.rfind(", ", prev.end(), match.start()),
                    sent.low.rfind(" and ", prev.end(), match.start()),
                )
                lo = cut + 1 if cut >= 0 else match.start()
        if i + 1 < len(mentions):
            nxt = mentions[i + 1][1]
            if nxt.start() < hi:
                cut = max(
                    sent.low.rfind(", ", match.end(), nxt.start()),
                    sent.low.rfind(" and ", match.end(), nxt.start()),
                )
                hi = cut if cut >= 0 else nxt.start()
        regions.append((lo, max(hi, match.end())))
    return regions


def _agreement_candidates(sent: _Sentence, ctx: _Context, recent: Sequence[_Sentence]) -> list[_RawAgreement]:
    cues = ctx.cues
    low = sent.low
    mentions = _agreement_mentions(low, cues)
    if not mentions:
        return []
    out: list[_RawAgreement] = []
    regions = _agreement_regions(sent, mentions)
    for (kind, match), (lo, hi) in zip(mentions, regions, strict=True):
        out.extend(_agreement_at(sent, ctx, recent, kind, match, lo, hi, len(mentions)))
    return out


def _with_a_company(sent: _Sentence, lo: int, hi: int) -> bool:
    """The first party named after "with" in [lo, hi) is a company, not a state or organisation."""
    w = _WITH.search(sent.low, lo, hi)
    if w is None:
        return False
    after = [
        m
        for m in sent.mentions
        if w.end() <= m.start - sent.start < min(hi, w.end() + 60) and m.kind in ("place", "company")
    ]
    return bool(after) and after[0].kind == "company"


def _agreement_at(
    sent: _Sentence,
    ctx: _Context,
    recent: Sequence[_Sentence],
    kind: str,
    match: re.Match[str],
    lo: int,
    hi: int,
    siblings: int,
) -> list[_RawAgreement]:
    """The agreement named by ``match``, reading parties and dates in [lo, hi) first."""
    cues = ctx.cues
    low = sent.low
    clause = low[lo:hi]
    if kind == "framework" and (
        sent.sub("system") or sent.search(cues.compiled["arms"]) or sent.sub("money")
    ):
        return []  # an arms framework is an ArmsDeal
    generic = kind == "other" and re.fullmatch(r"agreements?", match.group(0)) is not None
    if generic and (
        cues.compiled["buy"].search(clause) or sent.sub("money", lo, hi) or sent.sub("system", lo, hi)
    ):
        return []  # "agreed to buy" / a contract: a deal, not an agreement
    if generic and _with_a_company(sent, lo, hi):
        return []  # "an agreement was signed with the manufacturer, General Atomics": a contract, not a pact
    weak = not sent.search(cues.compiled["agreement_verbs"]) and kind != "strategic_partnership"
    if weak and not re.search(
        r"\b(?:the|this|that)\s+(?:\w+\s+){0,2}$", low[max(0, match.start() - 30) : match.start()]
    ):
        return []
    parties = _actors(sent, lo, hi)
    before = _actors(sent, lo, match.start())
    body = [
        m
        for m in sent.sub("place", lo, hi)
        if isinstance(m.party, Organization)
        and re.match(r"\s*(?:allies|members|leaders|member states|countries)\b", low[m.end - sent.start :])
    ]
    if body and body[0].party is not None:
        parties = [body[0].party]
    else:
        if len(before) >= 2:
            parties = before  # "X and Y signed an agreement under which Z ...": the signers
        if _BOTH.search(clause) or len(parties) < 2:
            # the sentence's own actors first (a list of agreements shares its subject), then the context
            pool = [
                *(_sentence_actors(sent) if siblings > 1 else ()),
                *_local_parties([*recent, sent]),
                *ctx.principal,
            ]
            for p in pool:
                if len(parties) >= 2:
                    break
                if p.code not in [x.code for x in parties]:
                    parties.append(p)
    if not parties:
        return []
    date, until = _agreement_dates(sent, match, lo, hi)
    if date is None:
        date, until2 = _agreement_dates(sent, match, 0, len(low)) if siblings == 1 else (None, None)
        until = until or until2
    if date is None and ctx.published is not None and _SIGNING.search(low, lo, hi) and siblings == 1:
        date = _report_year(ctx.published)
    term = _TERM.search(low)
    term_years = None
    if term:
        word = term.group(1)
        term_years = _COUNT_WORDS.get(word) or (int(word) if word.isdigit() else None)
    count = 1
    num = re.search(
        r"\b(two|three|four|five|six|\d)\s+(?:\w+\s+)?(?:memorand|mous?\b|agreements|accords|declarations)",
        clause,
    )
    if num:
        count = _count_value(num.group(1))
        recalled = re.search(r"\b(?:the|these|those|its|their|all)\s+$", clause[: num.start()])
        if recalled and (date is None or not date.text):  # (no date stated; a report-year default is none)
            return []  # "the four foundational agreements that govern ...": a known set, recalled, none new
    topics = tuple(t for t in _TOPICS if t in low or (t == "defense" and "defence" in low))
    definite = bool(re.search(r"\b(?:the|this|that)\s+$", low[max(0, match.start() - 6) : match.start()]))
    return [
        _RawAgreement(
            tuple(parties),
            kind,
            date,
            until,
            term_years,
            topics,
            sent,
            definite and count == 1,
            weak,
            _signatories(sent, lo, hi, siblings),
        )
        for _ in range(min(count, 10))
    ]


_SIGNED_BY = re.compile(r"\b(?:sign\w*|adopt\w*|conclud\w*|inked|formali[sz]ed|initial(?:l)?ed|agreed)\b")


def _signatories(sent: _Sentence, lo: int, hi: int, siblings: int) -> tuple[str, ...]:
    """Office-holders named where the agreement is said to be signed or adopted."""
    a, b = (lo, hi) if siblings > 1 else (0, len(sent.low))
    if not _SIGNED_BY.search(sent.low, a, b):
        return ()
    names = (
        str(getattr(m.value, "name", ""))
        for m in sent.sub("person", a, b)
        if m.party is not None and getattr(m.value, "role", None)
    )
    return tuple(dict.fromkeys(n for n in names if n))


def _agreement_dates(
    sent: _Sentence, match: re.Match[str], lo: int, hi: int
) -> tuple[TimeSpan | None, TimeSpan | None]:
    """The date closest to the agreement noun in [lo, hi) (what follows it preferred), and any end date."""
    date = until = None
    best = None
    for t in sent.sub("time", lo, hi):
        ts: TimeSpan = t.value
        if ts.relation in ("until", "by"):
            until = until or ts
        elif ts.start is not None:
            rel = t.start - sent.start
            gap = rel - match.end() if rel >= match.end() else (match.start() - rel) * 1.5
            if best is None or gap < best:
                best, date = gap, ts
    return date, until


def _clauses_wide(sent: _Sentence) -> list[tuple[int, int]]:
    """Clauses cut only at strong boundaries (";", ", and", ", but", ": ")."""
    cuts = [0]
    for m in re.finditer(r";|:\s|, (?:and|but|while|whereas)\b", sent.low):
        if m.start() > cuts[-1]:
            cuts.append(m.start())
    cuts.append(len(sent.low))
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


# ---------------------------------------------------------------- merging


def _compatible_value(a: Money, b: Money) -> bool:
    values = [a, *a.equivalents]
    others = [b, *b.equivalents]
    for x in values:
        for y in others:
            if x.currency == y.currency and x.amount and abs(x.amount - y.amount) / x.amount <= 0.02:
                return True
    return False


def _year(ts: TimeSpan | None) -> int | None:
    return ts.start.year if ts is not None and ts.start is not None else None


def _same(a: _Candidate, b: _Candidate) -> bool:
    if (a.first, a.second) != (b.first, b.second) or a.kind != b.kind:
        return False
    ya, yb = _year(a.date), _year(b.date)
    if ya is not None and yb is not None and ya != yb:
        return False
    if a.kind == "aid":
        return (
            a.value is not None
            and b.value is not None
            and _compatible_value(a.value, b.value)
            and a.aid_kind == b.aid_kind
        )
    if (a.status == "framework") != (b.status == "framework"):
        return False
    overlap = (
        bool(a.families & b.families) or bool(a.categories & b.categories) or not (a.systems and b.systems)
    )
    if a.value is not None and b.value is not None:
        return _compatible_value(a.value, b.value) and overlap
    if a.quantity is not None and b.quantity is not None:
        return (
            a.quantity == b.quantity
            and overlap
            and bool(a.families & b.families or not (a.families and b.families))
        )
    return False


def _vague(c: _Candidate) -> bool:
    return c.value is None and (c.quantity is None or c.detail)


def _merge(cands: list[_Candidate]) -> list[_Candidate]:
    out: list[_Candidate] = []
    consumed: set[int] = set()
    for i, c in enumerate(cands):
        # "The contract is worth about 14 billion won": a figure for the deal just mentioned
        if c.kind == "deal" and c.definite and c.value is not None and not c.families and c.quantity is None:
            earlier = [o for o in cands[:i] if o.kind == c.kind and id(o) not in consumed]
            # the deal itself, not another passing reference to it ("how many tanks the deal covers")
            earlier = [o for o in earlier if not (_vague(o) and o.definite)] or earlier
            if not re.search(r"\bframework\b", c.sentence.low):
                # "the contract was worth ...": a contract, not the framework it falls under
                earlier = [o for o in earlier if o.status != "framework"] or earlier
            if earlier:
                deal = earlier[-1]
                if deal.value is None:
                    deal.value = c.value
                elif not _compatible_value(deal.value, c.value):
                    # another figure for the same deal ("an estimated $12 billion")
                    deal.alt_values.append(c.value)
                if c.sentence is not deal.sentence:
                    deal.sentences.append(c.sentence)
                consumed.add(id(c))
    cands = [
        c
        for c in cands
        if id(c) not in consumed
        and c.first is not None
        and c.second is not None
        and c.first.code != c.second.code
    ]
    for c in cands:
        if _vague(c):
            continue
        for o in out:
            if _same(o, c):
                _absorb(o, c)
                break
        else:
            out.append(c)
    for c in cands:
        if not _vague(c):
            continue
        target: _Candidate | None = None
        for o in reversed(out):
            if (o.first, o.second, o.kind) != (c.first, c.second, c.kind):
                continue
            if (o.status == "framework") != (c.status == "framework") and not c.definite:
                continue
            yo, yc = _year(o.date), _year(c.date)
            if yo is not None and yc is not None and yo != yc and c.date is not None and c.date.text:
                continue  # "had already ordered CAMM missiles in 2021" is not this year's CAMM deal
            if c.families & o.families or (not c.families and (c.categories & o.categories or c.definite)):
                target = o
                break
        if target is None:
            for o in out:
                if (
                    (o.first, o.second, o.kind) == (c.first, c.second, c.kind)
                    and _vague(o)
                    and (o.families & c.families or o.categories & c.categories)
                ):
                    target = o
                    break
        if target is not None:
            _absorb(target, c)
        elif (
            (c.families and (c.sure >= 1 or c.status in ("planned", "framework")))
            or c.kind == "aid"
            or (c.categories and c.sure >= 2)
        ):
            out.append(c)
    return out


def _absorb(into: _Candidate, other: _Candidate) -> None:
    if other.sentence not in into.sentences and other.sentence is not into.sentence:
        into.sentences.append(other.sentence)
    if not _vague(other) or not into.systems:
        # a passing mention ("contracts for K2 tanks, K9 howitzers") adds no systems to a deal that has some
        for s in other.systems:
            if s not in into.systems:
                into.systems.append(s)
        into.families |= other.families
        into.categories |= other.categories
    if into.date is None or into.date.start is None:
        into.date = other.date or into.date
    if into.quantity is None:
        into.quantity = other.quantity
    if into.value is None:
        into.value = other.value
    elif other.value is not None and not _compatible_value(into.value, other.value):
        into.alt_values.append(other.value)


# ---------------------------------------------------------------- assembly


def _orient(deals: list[_Candidate]) -> None:
    """Deals whose direction rests on fallbacks follow the article's clear ones.

    An article that says "Korea will export K2 tanks to Poland" and later "the
    two nations established a framework for howitzers and jets" means the same
    direction for both.
    """
    clear: Counter[tuple[str, str]] = Counter()
    for c in deals:
        if c.sure >= 2 and c.first is not None and c.second is not None:
            clear[(c.first.code, c.second.code)] += 1
    for c in deals:
        if c.sure >= 2 or c.first is None or c.second is None:
            continue
        forward, backward = clear[(c.first.code, c.second.code)], clear[(c.second.code, c.first.code)]
        if backward > forward:
            c.first, c.second = c.second, c.first


def _readable(sent: _Sentence, norm: Any, original: str) -> tuple[int, int, str]:
    """The sentence's span in the original text and its repaired form, computed once per sentence."""
    cached: tuple[int, int, str] | None = sent.memo.get("readable")
    if cached is None:
        from korpol._text import repair

        a, b = norm.to_original(sent.start, sent.end)
        cached = sent.memo["readable"] = (a, b, repair(original[a:b]))
    return cached


def _evidence(
    sentences: Iterable[_Sentence], norm: Any, doc_id: str | None, original: str
) -> tuple[Evidence, ...]:
    out = []
    for s in sentences:
        a, b, readable = _readable(s, norm, original)
        out.append(Evidence(doc_id=doc_id, start=a, end=b, text=original[a:b], sentence=readable))
    return tuple(out)


def _home(m: _M, ctx: _Context, sentence: _Sentence | None = None) -> Party | None:
    """The state of an office-holder the reference data does not know ("Defence Minister X").

    The article's main country: a title without a nationality ("Defense
    Secretary Gilberto Teodoro said") in news means the country the story is
    about.  A one-word name ("President Current") is a misreading and gets none.
    """
    name = str(getattr(m.value, "name", ""))
    if len(name.split()) < 2:
        return None
    # "Defense Minister Yoav Gallant and German Minister Boris Pistorius": not the other leader's state
    taken = set()
    if sentence is not None:
        taken = {
            x.party.code
            for x in sentence.mentions
            if x.kind == "person" and x.party is not None and x is not m
        }
    return next(
        (p for p in ctx.principal if p.code not in taken), ctx.principal[0] if ctx.principal else None
    )


def _leaders(
    mentions: Sequence[_M],
    sentences: Sequence[_Sentence],
    ctx: _Context,
    norm: Any,
    doc_id: str | None,
    original: str,
) -> tuple[Leader, ...]:
    found: dict[tuple[str, str], tuple[dict[str, Any], list[Evidence]]] = {}
    order: list[tuple[str, str]] = []
    starts = [x.start for x in sentences]
    for m in mentions:
        if m.kind != "person":
            continue
        p = m.value
        role = getattr(p, "role", None)
        party = m.party  # already the office's state where the reference data knows the office
        name = getattr(p, "name", None)
        i = bisect.bisect_right(starts, m.start) - 1
        sentence = sentences[i] if i >= 0 and sentences[i].end >= m.end else None
        office = getattr(p, "office", None)
        if role and name and party is None and getattr(p, "how", "") == "title":
            party = _home(m, ctx, sentence)
        if not role or party is None or not name:
            continue
        key = (getattr(office, "name", None) or name, party.code)
        a, b = norm.to_original(m.start, m.end)
        context = _readable(sentence, norm, original)[2] if sentence is not None else ""
        ev = Evidence(doc_id=doc_id, start=a, end=b, text=original[a:b], sentence=context)
        if key in found:
            fields, evidence = found[key]
            if len(name) > len(fields["name"]):
                fields["name"] = name
            evidence.append(ev)
            continue
        found[key] = (
            {
                "name": name,
                "role": str(role).lower(),
                "country": party,
                "aliases": tuple(getattr(office, "aliases", ()) or ()),
                "term_start": getattr(office, "term_start", None),
                "term_end": getattr(office, "term_end", None),
            },
            [ev],
        )
        order.append(key)
    return tuple(Leader(**found[k][0], evidence=tuple(found[k][1])) for k in order)


#: the longest sentence the rules read whole.  News sentences stay far below it (the longest in the
#: corpora is ~460 characters); a longer one (a table flattened into one line, a page of junk) is
#: read in pieces, because the rules compare the mentions of a sentence with each other and a
#: sentence of n amounts would cost n * n.
_MAX_SENTENCE = 1200


def _bounded(text: str, spans: Iterable[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """``spans``, each longer than ``_MAX_SENTENCE`` cut at the last "; ", ", " or " " that keeps it so.

    >>> list(_bounded("a, b", [(0, 4)]))
    [(0, 4)]
    >>> [b - a <= _MAX_SENTENCE for a, b in _bounded("x, " * 1000, [(0, 3000)])]
    [True, True, True]
    """
    for start, end in spans:
        while end - start > _MAX_SENTENCE:
            limit = start + _MAX_SENTENCE
            cut = max(text.rfind("; ", start, limit), text.rfind(", ", start, limit))
            if cut <= start:
                cut = text.rfind(" ", start, limit)
            cut = cut + 1 if cut > start else limit  # the separator stays with the piece before it
            yield start, cut
            start = cut
        yield start, end


def extract(
    text: str,
    *,
    published: dt.date | None,
    doc_id: str | None,
    title: str | None,
    source: str | None,
    encoding: str | None,
    cues: Cues = DEFAULT_CUES,
) -> Document:
    """Build the :class:`Document` for ``text``: every record with its evidence."""
    from korpol._text import normalize
    from korpol._text.segment import segment

    norm = normalize(text)
    clean = norm.text
    mentions = _scan_all(clean, published)
    ctx = _context(mentions, published, cues, clean)
    starts = [m.start for m in mentions]
    deals: list[_Candidate] = []
    aid: list[_Candidate] = []
    agreements_raw: list[_RawAgreement] = []
    recent: list[_Sentence] = []
    deployments: list[Deployment] = []
    meetings: list[Meeting] = []
    sentences: list[_Sentence] = []
    for seg_start, seg_end in _bounded(clean, ((seg.start, seg.end) for seg in segment(clean))):
        seg_text = clean[seg_start:seg_end]
        i = bisect.bisect_left(starts, seg_start)
        j = bisect.bisect_left(starts, seg_end)
        sent = _Sentence(
            seg_start,
            seg_end,
            seg_text,
            _lower(seg_text),
            tuple(m for m in mentions[i:j] if m.end <= seg_end),
        )
        sentences.append(sent)
        if not sent.mentions:
            continue
        aid_here = _aid_candidates(sent, ctx)
        aid.extend(aid_here)
        deal_here = _deal_candidates(sent, ctx, recent, bool(deals))
        aid_values = {id(c.value) for c in aid_here}
        deals.extend(c for c in deal_here if c.value is None or id(c.value) not in aid_values)
        agreements_raw.extend(_agreement_candidates(sent, ctx, recent))
        recent.append(sent)
        del recent[:-3]
        deployments.extend(_deployments(sent, ctx, norm, doc_id, text))
        meetings.extend(_meetings(sent, norm, doc_id, text))
    _orient(deals)
    deal_records = tuple(
        ArmsDeal(
            supplier=c.first,
            recipient=c.second,
            status=cast(DealStatus, c.status),
            value=c.value,
            alt_values=tuple(c.alt_values) + tuple(c.value.equivalents if c.value else ()),
            date=c.date,
            systems=tuple(c.systems),
            quantity=c.quantity,
            contractors=tuple(c.contractors),
            evidence=_evidence([c.sentence, *c.sentences], norm, doc_id, text),
        )
        for c in _merge(deals)
    )
    aid_records = tuple(
        AidPackage(
            donor=c.first,
            recipient=c.second,
            kind=cast(AidKind, c.aid_kind),
            value=c.value,
            date=c.date,
            items=tuple(c.systems),
            evidence=_evidence([c.sentence, *c.sentences], norm, doc_id, text),
        )
        for c in _merge(aid)
    )
    agreements = _merge_agreements(agreements_raw, norm, doc_id, text)
    mention_records = _mention_records(mentions, norm, text)
    return Document(
        id=doc_id,
        published=published,
        title=title,
        source=source,
        text=text,
        arms_deals=deal_records,
        aid_packages=aid_records,
        agreements=agreements,
        leaders=_leaders(mentions, sentences, ctx, norm, doc_id, text),
        deployments=_merge_deployments(deployments),
        meetings=_merge_meetings(meetings),
        mentions=mention_records,
        encoding=encoding,
        repairs=tuple(getattr(norm, "repairs", ()) or ()),
    )


def _merge_agreements(
    raw: list[_RawAgreement], norm: Any, doc_id: str | None, original: str
) -> tuple[Agreement, ...]:
    """One record per agreement: repeated mentions ("the Accord") join the first."""
    merged: list[list[_RawAgreement]] = []
    for r in raw:
        codes = frozenset(p.code for p in r.parties)
        target = None
        for group in merged:
            g = group[0]
            if frozenset(p.code for p in g.parties) != codes:
                continue
            yg, yr = _year(g.date), _year(r.date)
            same_kind = g.kind == r.kind or "other" in (g.kind, r.kind)
            if r.sentence is g.sentence and not r.definite:
                continue  # "three memorandums" in one sentence stay three
            if same_kind and (yg == yr or (r.definite and (yr is None or yg is None))):
                target = group
                break
        if target is None and not r.weak:
            merged.append([r])
        elif target is None:
            continue
        else:
            target.append(r)
    out = []
    for group in merged:
        kinds = [r.kind for r in group if r.kind != "other"] or ["other"]
        date = next((r.date for r in group if r.date is not None and r.date.text), None) or next(
            (r.date for r in group if r.date is not None), None
        )
        until = next((r.until for r in group if r.until is not None), None)
        term = next((r.term_years for r in group if r.term_years), None)
        if until is None and term and date is not None and date.start is not None:
            until = TimeSpan.year(date.start.year + term, text=f"for {term} years", relation="until")
        sentences = list(dict.fromkeys(r.sentence for r in group))
        out.append(
            Agreement(
                parties=group[0].parties,
                kind=cast(AgreementKind, kinds[0]),
                date=date,
                until=until,
                signatories=tuple(dict.fromkeys(n for r in group for n in r.signatories)),
                topics=tuple(dict.fromkeys(t for r in group for t in r.topics)),
                evidence=_evidence(sentences, norm, doc_id, original),
            )
        )
    return tuple(out)


#: words that make a sentence report a meeting of office-holders
_MEETING = re.compile(
    r"\b(?:met|meets|meeting|held (?:talks|a meeting|a summit|a phone call|a call|a bilateral)|summit|"
    r"talks with|courtesy call|phone call|called on|hosted|visit(?:ed|s)?)\b"
)
_IN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")


def _meetings(sent: _Sentence, norm: Any, doc_id: str | None, original: str) -> list[Meeting]:
    """Office-holders of at least two states or organisations meeting, where and when the sentence says."""
    low = sent.low
    people = [m for m in sent.sub("person") if m.party is not None and getattr(m.value, "role", None)]
    if len(people) < 2:
        return []  # (checked before the cue: most sentences name fewer than two office-holders)
    names = list(dict.fromkeys(str(getattr(m.value, "name", "")) for m in people))
    parties = list({m.party.code: m.party for m in people if m.party is not None}.values())
    if len(names) < 2 or len(parties) < 2 or not _MEETING.search(low):
        return []
    place = None
    for m in sent.sub("place"):
        if m.form in ("capital", "name") and _IN_PLACE.search(
            low, max(0, m.start - sent.start - 10), m.start - sent.start
        ):
            place = sent.text[m.start - sent.start : m.end - sent.start]
            break
    date = _nearest_time(sent, 0, len(low))
    return [
        Meeting(
            participants=tuple(names),
            parties=tuple(parties),
            place=place,
            date=date,
            evidence=_evidence([sent], norm, doc_id, original),
        )
    ]


def _merge_meetings(found: list[Meeting]) -> tuple[Meeting, ...]:
    """One meeting per set of participants and date: a readout mentions the same talks several times."""
    out: list[Meeting] = []
    for m in found:
        for i, o in enumerate(out):
            if set(o.participants) == set(m.participants) and (
                o.date is None or m.date is None or _year(o.date) == _year(m.date)
            ):
                out[i] = attrs.evolve(
                    o, place=o.place or m.place, date=o.date or m.date, evidence=(*o.evidence, *m.evidence)
                )
                break
        else:
            out.append(m)
    return tuple(out)


def _merge_deployments(found: list[Deployment]) -> tuple[Deployment, ...]:
    """One record per sender and destination; a stated size fills in, a different one stays apart."""
    out: list[Deployment] = []
    for d in found:
        for i, o in enumerate(out):
            if (o.sender, o.destination) != (d.sender, d.destination):
                continue
            if o.size is not None and d.size is not None and o.size != d.size:
                continue  # "11,000 troops ... 3,000 more": two dispatches
            out[i] = attrs.evolve(
                o,
                size=o.size if o.size is not None else d.size,
                date=o.date or d.date,
                evidence=(*o.evidence, *d.evidence),
            )
            break
        else:
            out.append(d)
    return tuple(out)


def _deployments(
    sent: _Sentence, ctx: _Context, norm: Any, doc_id: str | None, original: str
) -> list[Deployment]:
    low = sent.low
    places = _parties_between(sent, 0, len(low))
    if len(places) < 2:
        return []  # a sender and a destination: two states at least (checked before the cues)
    verb = sent.search(ctx.cues.compiled["deploy"])
    if not verb or not re.search(r"\b(?:troops|soldiers|forces|personnel)\b", low):
        return []
    before = [m for m in places if m.end - sent.start <= verb.start()]
    dst = _TO.search(low, verb.end())
    after = _first_party_after(sent, dst.end(), len(low), companies=False) if dst else None
    if not before or after is None or before[-1].party is None or before[-1].party.code == after.code:
        return []
    size = None
    for q in sent.sub("qty"):
        if str(getattr(q.value, "unit", "")).lower() in ("troop", "soldier", "personnel"):
            size = int(q.value.value)
            break
    return [
        Deployment(
            sender=before[-1].party,
            destination=after,
            size=size,
            date=_nearest_time(sent, 0, len(low)),
            evidence=_evidence([sent], norm, doc_id, original),
        )
    ]


_MENTION_KIND = {
    "place": None,
    "person": "person",
    "money": "money",
    "time": "time",
    "qty": "quantity",
    "system": "system",
    "company": "company",
}


_MENTION_FIELDS = ("kind", "start", "end", "text", "key")
_MENTION_KINDS_VALID = frozenset(MENTION_KINDS)
#: the shortcut is taken only while the model's Mention has exactly these fields
_FAST_MENTION = tuple(f.name for f in attrs.fields(Mention)) == _MENTION_FIELDS


def _new_mention(kind: str, start: int, end: int, text: str, key: str) -> Mention:
    """``Mention(kind, start, end, text, key)`` without re-running the checks on values built valid here.

    A document holds dozens of mentions and the validators cost more than the
    rest of their construction; any value the checks could reject (and any
    change to the model's fields) goes through the real constructor.
    """
    if (
        _FAST_MENTION
        and type(start) is int
        and type(end) is int
        and 0 <= start <= end
        and type(text) is str
        and type(key) is str
        and kind in _MENTION_KINDS_VALID
    ):
        m = object.__new__(Mention)
        setter = object.__setattr__
        setter(m, "kind", kind)
        setter(m, "start", start)
        setter(m, "end", end)
        setter(m, "text", text)
        setter(m, "key", key)
        return m
    return Mention(kind=cast(MentionKind, kind), start=start, end=end, text=text, key=key)


def _mention_records(mentions: Sequence[_M], norm: Any, original: str) -> tuple[Mention, ...]:
    out = []
    same = norm.text == original  # clean text: offsets need no mapping
    for m in mentions:
        kind = _MENTION_KIND[m.kind]
        if kind is None:
            kind = "organization" if isinstance(m.party, Organization) else "country"
        a, b = (m.start, m.end) if same else norm.to_original(m.start, m.end)
        key = ""
        if m.party is not None and m.kind in ("place",):
            key = m.party.code
        elif m.kind == "person":
            key = str(getattr(m.value, "name", ""))
        elif m.kind == "money":
            key = f"{m.value.currency} {format(m.value.amount, 'f')}"
        elif m.kind == "time":
            key = str(m.value)
        elif m.kind == "system":
            key = str(getattr(m.value, "designation", ""))
        elif m.kind == "company":
            key = str(getattr(m.value, "name", ""))
        elif m.kind == "qty":
            key = f"{getattr(m.value, 'value', '')} {getattr(m.value, 'unit', '')}"
        out.append(_new_mention(kind, a, b, original[a:b], key))
    return tuple(out)
