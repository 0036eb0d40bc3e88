"""Slot fillers shared by the rules: systems, quantity, status and date of a unit of a sentence.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from korpol._mentions.money import QUALIFIERS
from korpol._mentions.numbers import COUNT_WORDS
from korpol._mentions.scan import MoneyM, QtyM, SystemM, TimeM
from korpol._model import (
    Party,
    TimeSpan,
)
from korpol._records.candidate import Candidate
from korpol._records.cues import STATUS_ORDER, CuePattern, Cues
from korpol._records.roles import WITH
from korpol._records.sentence import Sentence, unit_break

#: a hedge before an amount or a count ("about", "more than", "up to", "nearly"): the money reader's
#: words (``QUALIFIERS``), longest first
HEDGE = "(?:" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True)) + ")"

__all__ = [
    "OWNED_BEFORE",
    "assign_times",
    "fitted_to_another",
    "inherit_systems",
    "is_main_count",
    "main_quantity",
    "money_anchors",
    "nearest_time",
    "owned_before",
    "sent_status",
    "spent_from_a_package",
    "systems_in",
]


def spent_from_a_package(sent: Sentence, m: MoneyM) -> bool:
    """ "around nine billion kronor of the package will go on newly produced equipment, bought mainly
    from Swedish ... manufacturers": a part of an aid package told before, spent on purchases, is
    no deal (a donor's share, "Sweden is contributing $275 million of the Nordic package", stays aid)."""
    return _PART_OF_PACKAGE_AFTER.match(sent.low, m.end - sent.start) is not None


#: "of the package", "of this package": a part of a package
_PART_OF_PACKAGE_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?of\s+(?:the|this|that|its)\s+(?:[\w-]+\s+){0,2}?package\b"
)


def money_anchors(sent: Sentence, lo: int, hi: int, cues: Cues) -> list[MoneyM]:
    """Amounts in [lo, hi) that can be a deal's or a package's value."""
    out = []
    for m in sent.sub("money", lo, hi):
        rel = m.start - sent.start
        after = sent.low[m.end - sent.start : m.end - sent.start + 30]
        if (
            _not_a_deal_before(sent, max(lo, rel - 60), rel, cues)
            or cues.pattern(_FINANCING_AFTER).match(after)
            or _SHARE_OF_GDP_AFTER.match(after)
            or _BUDGET_AFTER.match(sent.low, m.end - sent.start)
            or _DEVELOPMENT_AFTER.match(sent.low, m.end - sent.start)
            or sent.match(_LENT_AFTER, m.end - sent.start) is not None
            or _RANGE_BEFORE.search(sent.low, max(lo, rel - 24), rel) is not None
            or cues.pattern(_TREND_BEFORE).search(sent.low, max(lo, rel - 40), rel)
        ):
            continue
        out.append(m)
    return out


def _not_a_deal_before(sent: Sentence, a: int, b: int, cues: Cues) -> bool:
    """A word in [a, b) that makes the amount after it no deal ("a budget of", "loans worth"),
    not one inside a name ("the Estonian Centre for Defence Investments")."""
    return any(
        not sent.in_a_mention(hit.start()) for hit in cues.compiled["not_a_deal"].finditer(sent.low, a, b)
    )


#: "in loans", "of financing": an amount followed by these is financing or trade, not a deal
#: "a total of nearly PLN 159 billion, or 4.2 percent of GDP": a national budget, not a deal or a gift
_SHARE_OF_GDP_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:or|and|some|about|roughly|nearly|around)?\s*(?:about\s+|some\s+|nearly\s+)?"
    r"\d+(?:\.\d+)?\s*(?:%|percent|per cent) of (?:gdp|gross domestic product|economic output)"
)
#: "spend close to 100 billion zlotys ($21 billion) on defence", "the 100 billion euro special fund":
#: a state's spending or budget, not a deal or a gift
_BUDGET_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:on\s+(?:defen[cs]e|the military|the armed forces)\b"
    r"|(?:special\s+(?:defen[cs]e\s+)?fund|(?:defen[cs]e\s+)?budget)\b)"
)
#: "contribute 600 billion won (about US$440 million) to the 8.1 trillion won development program": a
#: share of a joint development's cost, or the cost itself, is neither a sale nor a gift
_DEVELOPMENT_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:to\s+(?:the|its|a)\s+(?:[\w$.,-]+\s+){0,4}?)?(?:joint\s+)?development\s+"
    r"(?:programme|program|project|costs?|budget)\b"
)
#: "between A$268 billion and A$368 billion": a range is an estimate, no price
_RANGE_BEFORE = re.compile(rf"\bbetween\s+(?:{HEDGE}\s+)?$")
#: "a $100 million line of credit", "a US$2 billion concessional loan": lent, neither a price nor a gift
_LENT_AFTER = CuePattern(r"\s*(?:\([^)]*\)\s*)?(?:[\w-]+\s+)?(?:⟨lent⟩)\b")
_FINANCING_AFTER = CuePattern(r"\s*(?:\([^)]*\)\s*)?(?:in|of)\s+(?:\w+\s+){0,3}(?:⟨financing_after⟩)")


#: "export contracts hit a record $17.3 billion", "before falling to about $13 billion": a figure a
#: trend reaches is a statistic, not a deal or a package
_TREND_BEFORE = CuePattern(
    r"\b(?:⟨trend_verbs⟩)\s+(?:to\s+|at\s+)?(?:an?\s+)?(?:(?:new\s+|all-time\s+)?(?:record|high|peak)\s+(?:of\s+)?)?"
    r"(?:about\s+|around\s+|nearly\s+|some\s+|roughly\s+|almost\s+|over\s+|more than\s+|just over\s+)?$"
)


def _weapon_units(sent: Sentence) -> frozenset[str]:
    """The unit nouns that count main weapons, and "" (a bare number: "another 24")."""
    found: frozenset[str] | None = sent.memo.get("weapon_units")
    if found is None:
        found = sent.memo["weapon_units"] = sent.cues.words("weapon_units") | {""}
    return found


_SUPPORT = CuePattern(r"\b(?:⟨support_vehicles⟩) vehicles?\b")


#: weapon-system categories (data/systems.tsv) that support the main units rather than being them



#: "to complement its American HIMARS": a weapon the buyer already has, not part of this deal
OWNED_BEFORE = CuePattern(
    r"\b(?:⟨owned⟩)\s+(?:for\s+)?(?:its|their|his|her|our|the existing|existing|(?:the\s+)?[\w-]+'s)\s+"
    r"(?:[\w-]+\s+)?$"
)


def systems_in(sent: Sentence, lo: int, hi: int, cand: Candidate) -> None:
    for m in sent.sub("system", lo, hi):
        if owned_before(sent, m):
            continue  # "to complement its American HIMARS": already owned, not bought here
        if not m.value.generic and fitted_to_another(sent, m.start, m.party):
            continue  # "FA-50PL jets with American AIM-9X missiles": a part of another weapon
        v = m.value
        name = v.designation or sent.text[m.start - sent.start : m.end - sent.start]
        if name not in cand.systems:
            cand.systems.append(name)
        if not v.generic:
            cand.families.add((v.family or name).upper())
        if v.category:
            cand.categories.add(v.category.lower())


def fitted_to_another(sent: Sentence, start: int, party: Party | None) -> bool:
    """Whether what starts at ``start`` (a weapon or its demonym) equips another state's named weapon.

    "36 FA-50PL built to Polish requirements, with an AESA radar and American AIM-9X missiles":
    the missiles are the Korean jet's, and the United States sells nothing here.  (Worked out
    once per mention: each unit of the sentence asks again.)
    """
    if party is None:
        return False
    key = ("fitted", start, party.code)
    found: bool | None = sent.memo.get(key)
    if found is None:
        found = sent.memo[key] = _fitted_now(sent, start, party)
    return found


def _fitted_now(sent: Sentence, start: int, party: Party) -> bool:
    rel = start - sent.start
    w = None
    # ("with", "armed with", "fitted with": what follows equips the weapon named before it)
    for w in WITH.finditer(sent.low, max(0, rel - 90), rel):  # noqa: B007 - the last "with" is wanted
        pass
    if w is None or ";" in sent.low[w.end() : rel] or " for " in sent.low[w.end() - 1 : rel]:
        return False  # ("an agreement with Washington for 40 F-16s": a counterpart, not a part)
    if (
        any(p.form != "demonym" for p in sent.sub("place", w.end(), rel))
        or sent.sub("company", w.end(), rel)
        or sent.sub("person", w.end(), rel)
    ):
        return False  # "a deal with the United Kingdom, Saab and ...": the other side, named
    return any(
        not x.value.generic
        and x.party is not None
        and x.party != party
        and w.start() - 120 <= x.end - sent.start <= w.start()
        for x in sent.sub("system")
    )


#: quantity nouns that count main weapons ("" is a bare number: "another 24")



_INVENTORY_BEFORE = CuePattern(rf"\b(?:⟨inventory⟩)\s+(?:{HEDGE}\s+)?$")
_TRANCHE_BEFORE = CuePattern(
    r"\b(?:(?:⟨tranche⟩)\s+(?:batch of\s+)?|option (?:for|on|to buy)\s+(?:a further\s+)?)$"
)

#: "ordered its first 12 FA-50PH aircraft": the first order of a buyer, a deal's whole count
_BOUGHT_FIRST = CuePattern(r"\b(?:⟨buy⟩)\s+(?:its|their|the)\s+first\s+$")

#: a list of a contract's parts: "effective in three stages:", "delivered in two batches:"
_INSTALMENTS = CuePattern(r"\b(?:⟨instalments⟩)\s*:")


def is_main_count(sent: Sentence, m: QtyM) -> bool:
    """A count of main weapons: not support vehicles, not troops or votes (worked out once per mention)."""
    key = ("main", id(m))
    found: bool | None = sent.memo.get(key)
    if found is None:
        found = sent.memo[key] = _is_main_count_now(sent, m)
    return found


def _is_main_count_now(sent: Sentence, m: QtyM) -> bool:
    rel = m.start - sent.start
    if sent.find(_SUPPORT, rel, min(m.end - sent.start + 24, len(sent.low))):
        return False
    if any(
        x.start < m.end and m.start < x.end and x.value.category in sent.cues.words("support_categories")
        for x in sent.sub("system")
    ):
        return False  # "eight K10s": the data says a K10 is an ammunition vehicle
    if _name_holding(sent, m) is not None:
        return False  # "four new Saab JAS 39 Gripen fighters": the 39 is the weapon's name, not a count
    before = max(0, m.start - sent.start - 24)
    if sent.find(_TRANCHE_BEFORE, before, m.start - sent.start) and not sent.find(
        _BOUGHT_FIRST, max(0, before - 24), m.start - sent.start
    ):
        return False  # "the first 12 of them": a tranche of a deal, not a deal (but "ordered its first 12")
    if sent.find(_INVENTORY_BEFORE, before, rel):
        return False  # "a fleet of 36 second-hand K9s": what a state has, not what it orders
    if sent.find(_INSTALMENTS, 0, rel):
        return False  # "in three stages: 6 aircraft in September 2022, 18 ...": parts of one contract
    return m.value.unit.lower() in _weapon_units(sent)


def main_quantity(sent: Sentence, lo: int, hi: int) -> tuple[int | None, int]:
    """The number of main units in [lo, hi): support vehicles and bounds excluded.

    Returns (quantity, how many distinct main quantities were seen).
    """
    found: list[int | None] = []
    counted: list[QtyM] = []
    for m in sent.sub("qty", lo, hi):
        q = m.value
        named = _count_before_name(sent, m)
        if named is not None:
            found.append(named)  # "two Saab 340 AEW aircraft": the count before the name, not the 340
            continue
        if not is_main_count(sent, m):
            continue  # "81 support vehicles", "six K10 ammunition resupply vehicles", "the first 12"
        if q.bound in ("under", "over"):
            # ("fewer than 200", "more than 5,000": a bound, no count; "up to 48" is the contract's)
            found.append(None)
            continue
        if q.unit.lower() not in _weapon_units(sent):
            continue
        found.append(q.value)
        counted.append(m)
    if not found:
        return None, 0
    if len(found) > 1 and None not in found:
        return _several_counts(sent, counted), len(found)
    return found[0], len(found)


def _count_before_name(sent: Sentence, m: QtyM) -> int | None:
    """The count before a weapon whose name holds the number ``m`` read: "two Saab 340 AEW aircraft",
    "four new Saab JAS 39 Gripen fighters" (None when ``m`` is no number inside a name)."""
    system = _name_holding(sent, m)
    if system is None or m.value.unit.lower() not in _weapon_units(sent):
        return None
    rel = system.start - sent.start
    for pattern in _COUNT_BEFORE_NAME:
        count = pattern.search(sent.low, max(0, rel - 30), rel)
        if count is None:
            continue
        word = count.group(1)
        value = int(word) if word.isdigit() else COUNT_WORDS.get(word)
        if value is not None:
            # ("the handover of the first of two Saab 340 AEW aircraft": a share of an order told elsewhere)
            return None if sent.low.endswith("of ", 0, count.start()) else value
    return None


def _name_holding(sent: Sentence, m: QtyM) -> SystemM | None:
    """The weapon whose name holds the number ``m`` read ("Saab 340 AEW", "JAS 39 Gripen")."""
    return next((x for x in sent.sub("system") if x.start < m.start < x.end), None)


#: "12 ", "two new ", then "four new Saab ": a count right before a weapon's name (or its maker's)
_COUNT_BEFORE_NAME = (
    re.compile(r"\b(\d{1,4}|[a-z]+)\s+(?:new\s+|more\s+|additional\s+)?$"),
    re.compile(r"\b(\d{1,4}|[a-z]+)\s+(?:new\s+|more\s+|additional\s+)?[a-z][\w-]*\s+$"),
)


def _several_counts(sent: Sentence, counts: list[QtyM]) -> int | None:
    """One quantity from several counts of one unit, or None when they do not add up to one.

    "180 tanks, 116 K2GF and 64 K2PL": a total, then its parts (the first).  "6 K9A1 and 146
    K9PL guns": parts of one order, each a variant of one family (their sum, 152).  Anything
    else is several quantities, and a wrong number is worse than none.
    """
    munitions = ("missile", "rocket", "interceptor", "round", "shell")
    platforms = [m for m in counts if m.value.unit.lower() not in munitions]
    if platforms and len(platforms) < len(counts):
        # "48 Patriot launchers and 644 PAC-3 missiles": the missiles arm the launchers
        counts = platforms
        if len(counts) == 1:
            return counts[0].value.value
    values = [m.value.value for m in counts]
    if values[0] >= sum(values[1:]):
        return values[0]
    named = []
    for m in counts:
        after = [x for x in sent.sub("system") if m.start <= x.start <= m.end + 1 and not x.value.generic]
        if not after:
            return None
        named.append(after[0].value)
    families = {(v.family or v.designation) for v in named}
    if len(families) == 1 and len({v.designation for v in named}) == len(named):
        return sum(values)
    return None


#: "with deliveries planned from 2026", "handover is expected in 2027": a word of the delivery
#: schedule, not of the contract's status
_SCHEDULED = re.compile(
    r"\b(?:deliver(?:y|ies)|handovers?|arrivals?|production|completion|first flight)\s+"
    r"(?:(?:is|are|was|were)\s+)?(?:planned|expected|scheduled)\b"
    # "the first batch of a planned 12", "lifting the planned fleet to 43": the target it belongs to
    r"|\b(?:a|the)\s+planned\s+(?:total\s+of\s+)?(?:\d[\d,]*\b|fleet\b|total\b)"
)


def _status(low: str, cues: Cues) -> str:
    for status in STATUS_ORDER:
        if cues.compiled[status].search(low):
            return status
    return "signed"


def sent_status(sent: Sentence, a: int, b: int, cues: Cues) -> str:
    """``_status(sent.low[a:b], cues)``, worked out once per sentence and span."""
    key = ("status", id(cues), a, b)
    found: str | None = sent.memo.get(key)
    if found is None:
        part = sent.low[a:b]
        if "plann" in part or "expect" in part or "schedul" in part:
            part = _SCHEDULED.sub(" ", part)  # "with deliveries planned from 2026": the schedule's word
        found = sent.memo[key] = next(
            (
                status
                for status in STATUS_ORDER
                if sent.may_match(cues.compiled[status]) and cues.compiled[status].search(part)
            ),
            "signed",
        )
    return found


def assign_times(
    sent: Sentence, lo: int, hi: int, anchors: Sequence[MoneyM], reach: int = 48
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
    # "5 trillion won for 218 launchers in November 2022 and 2.2 trillion won for 72 more in April
    # 2024": a date across the break between two amounts' units is the other amount's
    breaks = [
        x
        for one, two in itertools.pairwise(anchors)
        if (x := unit_break(sent, one.end - sent.start, two.start - sent.start)) is not None
    ]
    pairs = []
    for a in anchors:
        for t in times:
            gap = t.start - a.end if t.start >= a.end else a.start - t.end
            if sent.low.startswith("'s", t.end - sent.start) and not 0 <= a.start - t.end <= 6:
                continue  # "last year's" belongs to the noun right after it ("last year's USD 100 million")
            if 0 <= gap <= reach:
                x, y = sorted((a.start - sent.start, t.start - sent.start))
                across = any(x < brk < y for brk in breaks)
                pairs.append((across, gap, t.start >= a.end, a.start, t.start, a, t))
    pairs.sort(key=lambda x: (x[0], x[1], not x[2], x[3], x[4]))
    out: dict[int, TimeSpan] = {}
    used: set[int] = set()
    for _, _, _, _, _, a, t in pairs:
        if a.start in out or t.start in used:
            continue
        out[a.start] = t.value
        used.add(t.start)
    return out


_SCHEDULE = CuePattern(r"\b(?:⟨schedule⟩)\b")


def _schedule(sent: Sentence, m: TimeM) -> bool:
    """A date of delivery or production ("deliveries from 2027"), not of the deal."""
    rel = m.start - sent.start
    return sent.find(_SCHEDULE, max(0, rel - 30), rel) is not None


def nearest_time(sent: Sentence, lo: int, hi: int) -> TimeSpan | None:
    times = [
        m for m in sent.sub("time", lo, hi) if m.value.relation in ("at", "since") and not _schedule(sent, m)
    ]
    if not times:
        return None
    resolved = [m for m in times if m.value.start is not None] or times
    return resolved[0].value


def owned_before(sent: Sentence, m: SystemM) -> bool:
    """ "to complement its American HIMARS": a weapon already owned (worked out once per system mention)."""
    key = ("owned", id(m))
    found: bool | None = sent.memo.get(key)
    if found is None:
        rel = m.start - sent.start
        found = sent.memo[key] = sent.find(OWNED_BEFORE, max(0, rel - 40), rel) is not None
    return found


#: unit nouns that count any kind of aircraft: "a contract for 17 aircraft" after the Gripen E/F
_AIRCRAFT_UNIT = CuePattern(r"(?:⟨aircraft_units⟩)")
#: the categories an aircraft unit counts: jets and aircraft of every kind
_AIRCRAFT_CATEGORIES = ("jet", "aircraft")
#: a capitalised word inside a count ("four SPYDER batteries", "12 Piorun launchers"): a weapon's name
_UNKNOWN_NAME = re.compile(r"\s[A-Z][\w-]*\s")
#: "ten batteries", "four fire units": air-defence systems of any make
_AIR_DEFENSE_UNIT = CuePattern(r"(?:⟨air_defense_units⟩)")


def inherit_systems(
    sent: Sentence, lo: int, hi: int, cand: Candidate, recent: Sequence[Sentence]
) -> None:
    """ "... the K239 Chunmoo. A framework for 288 launchers ...": the launchers are Chunmoos.

    A unit that counts a kind of weapon without naming it takes the named
    system of that kind from earlier in the sentence or the sentence before.
    """
    counts = sent.sub("qty", lo, hi)
    units = {m.value.unit for m in counts} - {""}
    unknown = any(_UNKNOWN_NAME.search(sent.text, m.start - sent.start, m.end - sent.start) for m in counts)
    if not units or unknown:
        return  # (nor "four SPYDER batteries": a name korpol does not know is another weapon)
    aircraft = any(sent.regex(_AIRCRAFT_UNIT).fullmatch(u) for u in units)
    air_defense = any(sent.regex(_AIR_DEFENSE_UNIT).fullmatch(u) for u in units)
    # the nearest first: this sentence's, backwards, then the sentence before's, backwards
    before = [m for r in reversed(recent[-3:]) for m in reversed(r.sub("system"))]
    pool = [*reversed(sent.sub("system", 0, lo)), *before]
    r_of = {id(m): r for r in (sent, *recent[-3:]) for m in r.sub("system")}
    for m in pool:
        v = m.value
        category = v.category or ""
        if v.generic or not category or owned_before(r_of[id(m)], m):
            continue  # (not "the default replacement for Europe's ageing C-130 Hercules fleets")
        if (
            any(u in category for u in units)
            or (aircraft and category.endswith(_AIRCRAFT_CATEGORIES))
            or (air_defense and category == "air defense")
        ):
            cand.systems.append(v.designation)
            if m.party is not None:
                cand.origins.append(m.party)
            cand.families.add((v.family or v.designation).upper())
            cand.categories.add(category.lower())
            return
