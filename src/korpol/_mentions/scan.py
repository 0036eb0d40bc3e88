"""Every mention of a document, typed: the seam between the scanners and the record rules.

The rules receive :class:`M` tuples sorted by position: the kind of mention, its span in the
normalised text, its value (a place, a person, an amount, a date, a count, a weapon system, a
company) and the party it stands for.  Besides the scanners' own finds, this module adds
what only the document as a whole tells: counts of named weapons ("180 K2s"), years carried
to bare months, and times told against the date just before ("the following month").
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple, Union

import attrs

from korpol._mentions.companies import CompanyMention, scan_companies
from korpol._mentions.money import scan_money
from korpol._mentions.numbers import COUNT_WORDS, SPOKEN_WORDS, count_value, spoken_before
from korpol._mentions.people import PersonMention, scan_people
from korpol._mentions.places import PlaceMention, scan_places
from korpol._mentions.quantity import Bound, Quantity, scan_quantities
from korpol._mentions.systems import SystemMention, scan_systems
from korpol._mentions.time import scan_times
from korpol._mentions.time_patterns import WEEKDAYS
from korpol._model import Country, Money, Party, TimeSpan
from korpol._model.parties import get_country, get_party
from korpol._refdata.currencies import currency_lexicon

if TYPE_CHECKING:
    from korpol._refdata.offices import Office

__all__ = [
    "SENTENCE_BREAK",
    "CompanyM",
    "M",
    "MentionKind",
    "MoneyM",
    "PersonM",
    "PlaceM",
    "QtyM",
    "SystemM",
    "TimeM",
    "country_of",
    "scan_all",
]

#: where a sentence ends in raw text: a closing stop before a space, or a line break
SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")


class PlaceM(NamedTuple):
    """A country or organisation named in the text (``party``), and how (``form``: "demonym" ...)."""

    kind: Literal["place"]
    start: int
    end: int
    value: PlaceMention
    party: Party | None = None
    form: str = ""


class PersonM(NamedTuple):
    """An office-holder; ``party`` is the state or organisation the person acts for."""

    kind: Literal["person"]
    start: int
    end: int
    value: PersonMention
    party: Party | None = None
    form: str = ""


class MoneyM(NamedTuple):
    """An amount of money."""

    kind: Literal["money"]
    start: int
    end: int
    value: Money
    party: Party | None = None
    form: str = ""


class TimeM(NamedTuple):
    """A date, a period or a relative time."""

    kind: Literal["time"]
    start: int
    end: int
    value: TimeSpan
    party: Party | None = None
    form: str = ""


class QtyM(NamedTuple):
    """A count of things ("180 K2 tanks", "another 12")."""

    kind: Literal["qty"]
    start: int
    end: int
    value: Quantity
    party: Party | None = None
    form: str = ""


class SystemM(NamedTuple):
    """A weapon system; ``party`` is its maker's state."""

    kind: Literal["system"]
    start: int
    end: int
    value: SystemMention
    party: Party | None = None
    form: str = ""


class CompanyM(NamedTuple):
    """A defence company; ``party`` is its home state."""

    kind: Literal["company"]
    start: int
    end: int
    value: CompanyMention
    party: Party | None = None
    form: str = ""


#: A mention in the normalised text, reduced to what the rules need.  Named tuples, not attrs
#: classes: a document holds dozens and a tuple is built in C.  ``kind`` tells them apart (and
#: narrows the type: after ``m.kind == "money"``, ``m.value`` is a :class:`~korpol.Money`).
M = Union[PlaceM, PersonM, MoneyM, TimeM, QtyM, SystemM, CompanyM]  # noqa: UP007 - a runtime alias on 3.10
MentionKind = Literal["place", "person", "money", "time", "qty", "system", "company"]


def _where(span: tuple[int, int] | None) -> tuple[int, int]:
    """A value's span, or (0, 0) for a value a scanner returned without one."""
    return (0, 0) if span is None else (int(span[0]), int(span[1]))


def country_of(code: str | None) -> Country | None:
    if not code:
        return None
    return get_country(code)


def _office_party(person: PersonMention) -> Party | None:
    """The state a person acts for: the reference office's, when the mention holds that office."""
    party = person.party
    office: Office | None = person.office
    if office is None:
        return party
    role = (person.role or "").lower()
    held = role in (office.role.lower(), office.function.lower())
    if office.party_code and held and (party is None or party.code != office.party_code):
        return get_party(office.party_code) or party
    return party


@functools.cache
def _currency_after() -> re.Pattern[str]:
    """A currency noun right after a demonym or code: "U.S. dollars", "Swiss francs", "Norwegian
    crowns" (the last words of the currency names in ``data/currencies.tsv``)."""
    words = {f.split()[-1].lower() for f, (_code, kind) in currency_lexicon().forms.items() if kind == "name"}
    # ("special drawing rights": no currency noun of its own; "the EU won", "a real": ordinary words)
    words -= {"rights", "won", "real"}
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"[ -](?:{alternation})\b")


def scan_all(text: str, published: dt.date | None) -> list[M]:
    """Every mention in ``text``, sorted by position."""
    out: list[M] = []
    money = sorted((MoneyM("money", *_where(m.span), m) for m in scan_money(text)), key=lambda m: m.start)
    starts = [m.start for m in money]
    for p in scan_places(text):
        s, e = _where(p.span)
        i = bisect.bisect_right(starts, s) - 1  # the last amount starting at or before the place
        if i >= 0 and e <= money[i].end:
            continue  # "US dollars", "90 billion Australian dollars": a currency, not a party
        if p.form != "name" and _currency_after().match(text, e):
            continue  # "... three point six billion U.S. dollars" (an amount not read): still a currency
        out.append(PlaceM("place", s, e, p, p.party, p.form))
    for person in scan_people(text, published=published):
        s, e = _where(person.span)
        out.append(PersonM("person", s, e, person, _office_party(person)))
    out.extend(money)
    for t in scan_times(text, published=published):
        s, e = _where(t.span)
        out.append(TimeM("time", s, e, t))
    for q in scan_quantities(text):
        s, e = _where(q.span)
        out.append(QtyM("qty", s, e, q))
    for sysm in scan_systems(text):
        s, e = _where(sysm.span)
        # a procurement programme's state buys under its name: it is no maker ("Wisła")
        out.append(SystemM("system", s, e, sysm, None if sysm.buyer else country_of(sysm.country)))
    for c in scan_companies(text):
        s, e = _where(c.span)
        out.append(CompanyM("company", s, e, c, c.party))
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


def _anaphoric_times(text: str, mentions: list[M]) -> list[M]:
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
                    1 if head.group("n") in ("a", "an") else count_value(head.group("n")),
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
            out.append(TimeM("time", a, b, attrs.evolve(ts, span=(a, b))))
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


#: "on Monday": a day told against the publication date, never against a year the text names
_WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)


def _carry_years(text: str, mentions: list[M]) -> list[M]:
    """A bare month takes the year the sentence already named.

    "... 212 K9 in August 2022, the 48 FA-50 in September and 218 Chunmoo in
    November": September and November are 2022, not the months nearest the
    publication date.  A headline's line break ends the sentence, and a weekday
    ("on Monday") keeps the publication date's week.
    """
    out: list[M] = []
    last: TimeM | None = None
    for m in mentions:
        if m.kind != "time":
            out.append(m)
            continue
        ts = m.value
        if _YEAR_IN_TEXT.search(ts.text or ""):
            last = m
        elif (
            last is not None
            and ts.start is not None
            and ts.precision in ("month", "day")
            and m.start - last.end <= 200
            and not SENTENCE_BREAK.search(text, last.end, m.start)
            and not _WEEKDAY.search(ts.text or "")
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




_NUM = r"(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(sorted(COUNT_WORDS, key=len, reverse=True)) + r")"


#: "180 K2s", "up to 672 K9A1 and K9PL": a number right before a named system
#: the words between a count and the system it counts ("116 used M1A1s", "24 more K9s")
_COUNT_MODIFIER = r"(?:more|additional|new|used|upgraded|second-hand|further)"
_BEFORE_SYSTEM = re.compile(_NUM + rf"\s+(?:{_COUNT_MODIFIER}\s+)?$")


#: the rest of a number read aloud after its first word (" hundred and sixteen", "-five")
_COUNT_WORDS_ON = SPOKEN_WORDS - {"a", "an", "and", "oh", "point", "half", "zero"}
_SPOKEN_ON = re.compile(
    r"(?:[ -](?:and[ -])?(?:" + "|".join(sorted(_COUNT_WORDS_ON, key=len, reverse=True)) + r")\b)+"
)


#: what makes the number before it no count of weapons ("12 percent", "six billion", "30 troops")
_NOT_A_COUNT = (
    r"(?:%|percent|per cent|billion|million|trillion|bn|mn|years?|months?|days?|weeks?|troops|soldiers)"
)
_NOT_A_COUNT_AFTER = re.compile(rf"\s*{_NOT_A_COUNT}\b")


#: "another 12 tanks", "six more K9s": a count whose unit follows (found by the quantity reader),
#: not "thirty-one of its own Abrams" (a possessive is no plural noun)
_UNIT_AFTER = re.compile(r"\s*(?:[a-z]+\s+)?(?:k\d|(?!its\b|this\b|his\b|was\b|is\b|has\b)[a-z]+s\b)")


#: the space and modifier between a count and the system it counts ("116 used M1A1s")
_MODIFIER_GAP = re.compile(rf"\s+(?:{_COUNT_MODIFIER}\s+)?$")


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
    + rf"\b(?!\s*{_NOT_A_COUNT})"
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


def _count(value: int, bound: Bound | None = None) -> Quantity:
    """A number of weapons the quantity scanner leaves to this stage (no unit noun of its own)."""
    return Quantity(value=value, unit="", bound=bound)


def _designation_counts(text: str, found: Sequence[M], systems: Sequence[SystemM]) -> list[QtyM]:
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

    out: list[QtyM] = []
    for m in systems:
        if m.value.generic:
            continue
        hit = _BEFORE_SYSTEM.search(text, max(0, m.start - 24), m.start)
        spoken = None
        if hit is None or hit.group(1)[0].isalpha():
            # "one hundred and sixteen used M1A1s": the whole number read aloud, or none at all
            gap = _MODIFIER_GAP.search(text, max(0, m.start - 40), m.start)
            spoken = spoken_before(text, gap.start() if gap else m.start)
            if spoken is not None and (spoken[1] is None or spoken[1] != int(spoken[1]) or spoken[1] < 1):
                continue
        if spoken is not None and (hit is None or spoken[0] < hit.start()):
            start, value = spoken[0], int(spoken[1])  # type: ignore[arg-type]
        elif hit is not None:
            start, value = hit.start(), count_value(hit.group(1).lower())
        else:
            continue
        if free(start, m.end):
            low_before = text[max(0, start - 8) : start].lower()
            bound: Bound | None = "up_to" if low_before.endswith("up to ") else None
            out.append(QtyM("qty", start, m.end, _count(value, bound)))
            take(start, m.end)
    lowered = text.lower()
    # (a character whose lower case is longer would shift the offsets: no bare counts then)
    if len(lowered) == len(text) and any(
        w in lowered
        for w in ("another", "adding", "added", "order", "bought", "were", "for ", "pledg", "promis", "sen")
    ):
        for hit in _bare_counts(lowered):
            a, b = hit.start(1), hit.end(1)
            value = count_value(hit.group(1))
            more = _SPOKEN_ON.match(lowered, b) if hit.group(1)[0].isalpha() else None
            if more is not None:
                # "bought one hundred and sixteen": the whole number read aloud, never its first word
                spoken = spoken_before(lowered, more.end())
                if spoken is None or spoken[0] != a or spoken[1] is None or spoken[1] != int(spoken[1]):
                    continue
                if _NOT_A_COUNT_AFTER.match(lowered, more.end()):
                    continue  # "for one hundred and fifty million": an amount, not a count
                b, value = more.end(), int(spoken[1])
            if free(a, b) and not _UNIT_AFTER.match(lowered, b, b + 14):
                out.append(QtyM("qty", a, b, _count(value)))
                take(a, b)
        for hit in _COUNT_BEFORE_VERB.finditer(lowered) if _PASSIVE_PURCHASE.search(lowered) else ():
            a, b = hit.start(1), hit.end(1)
            if free(a, b):
                out.append(QtyM("qty", a, b, _count(count_value(hit.group(1)))))
                take(a, b)
    return out
