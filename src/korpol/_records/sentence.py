"""The sentence view the rules read: lower-cased text, mentions by kind, clauses, memoised searches.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Any, Literal, overload

import attrs

from korpol._mentions.scan import (
    CompanyM,
    M,
    MentionKind,
    MoneyM,
    PersonM,
    PlaceM,
    QtyM,
    SystemM,
    TimeM,
)
from korpol._records.cues import CuePattern, Cues

__all__ = [
    "Sentence",
    "amounts_in",
    "bounded",
    "clauses_of",
    "clauses_wide",
    "finditer_in",
    "lower",
    "money_units",
]


_CLAUSE_BOUNDARY = re.compile(
    r";|:\s|, (?:and|but|while|whereas|then|later|followed by|before|after)\b|\band then\b"
    r"| and (?=(?:was|were|is|are|has|have|had|will|would)\s+(?:also\s+|since\s+|then\s+|later\s+)?"
    r"(?:\w+ed|bought|sold|won|built|sent|paid|got)\b)| and, |, of which\b"
    r"|, (?:on top of|in addition to|plus|as well as)\b"
    r"| and (?=(?:a|an|the|another) (?:[\w-]+ ){0,2}(?:contract|deal|order|agreement|framework)s?\b)"
    r"|, (?=[a-z]+ed (?:(?:a|an|the|for|in|on|its|their|another)\b|\d))"
)


_NO_HIT: tuple[list[int], list[M]] = ([], [])


@attrs.frozen(eq=False)  # one object per sentence of a document: identity is equality
class Sentence:
    start: int
    end: int
    text: str
    low: str
    mentions: tuple[M, ...]
    #: the cue tables the rules read this sentence with
    cues: Cues
    #: per kind, the sentence-relative starts and the mentions, in mention order (for bisect)
    by_kind: dict[str, tuple[list[int], list[M]]] = attrs.field(init=False, repr=False)
    #: sentence-relative starts of all mentions, in mention order
    rel_starts: list[int] = attrs.field(init=False, repr=False)
    #: results of searches already run on this sentence (rules ask the same questions)
    memo: dict[Any, Any] = attrs.field(init=False, repr=False)
    #: pattern -> whether it may match the sentence at all (the literal pre-filter, worked out once)
    gates: dict[int, bool] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        by_kind: dict[str, tuple[list[int], list[M]]] = {}
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

    @overload
    def sub(self, kind: Literal["place"], lo: int = 0, hi: int | None = None) -> list[PlaceM]: ...
    @overload
    def sub(self, kind: Literal["person"], lo: int = 0, hi: int | None = None) -> list[PersonM]: ...
    @overload
    def sub(self, kind: Literal["money"], lo: int = 0, hi: int | None = None) -> list[MoneyM]: ...
    @overload
    def sub(self, kind: Literal["time"], lo: int = 0, hi: int | None = None) -> list[TimeM]: ...
    @overload
    def sub(self, kind: Literal["qty"], lo: int = 0, hi: int | None = None) -> list[QtyM]: ...
    @overload
    def sub(self, kind: Literal["system"], lo: int = 0, hi: int | None = None) -> list[SystemM]: ...
    @overload
    def sub(self, kind: Literal["company"], lo: int = 0, hi: int | None = None) -> list[CompanyM]: ...

    def sub(self, kind: MentionKind, lo: int = 0, hi: int | None = None) -> Sequence[M]:
        """Mentions of ``kind`` with start in [lo, hi) (sentence-relative), typed by their kind."""
        starts, found = self.by_kind.get(kind, _NO_HIT)
        if hi is None:
            return found[bisect.bisect_left(starts, lo) :] if lo > 0 else found[:]
        return found[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]

    def in_a_mention(self, pos: int) -> bool:
        """Whether a mention spans the sentence-relative ``pos``: a clause never cuts through one, and
        the "for" and "investments" of "the Estonian Centre for Defence Investments" are its name."""
        # (only the mentions that start before ``pos`` can span it: ``rel_starts`` is sorted)
        inside = self.mentions[: bisect.bisect_left(self.rel_starts, pos)]
        return any(pos < x.end - self.start for x in inside)

    def regex(self, pattern: re.Pattern[str] | CuePattern) -> re.Pattern[str]:
        """``pattern`` itself, or a :class:`CuePattern` compiled with this sentence's cues."""
        try:
            return self.cues.resolved[id(pattern)][0]
        except KeyError:
            return self.cues.resolve(pattern)[0]

    def search(
        self, pattern: re.Pattern[str] | CuePattern, lo: int = 0, hi: int | None = None
    ) -> re.Match[str] | None:
        """``pattern.search(low, lo, hi)``, run once per sentence and arguments."""
        key = (id(pattern), lo, hi)  # (a pattern means one regex for the sentence's cues)
        try:
            return self.memo[key]  # type: ignore[no-any-return]
        except KeyError:
            hit = self.memo[key] = self.find(pattern, lo, hi)
            return hit

    def find(
        self, pattern: re.Pattern[str] | CuePattern, lo: int = 0, hi: int | None = None
    ) -> re.Match[str] | None:
        """``pattern.search(low, lo, hi)``, not run when the pattern cannot match the sentence."""
        # (the look-ups written out, not called: this runs for every search)
        key = id(pattern)
        try:
            compiled, need = self.cues.resolved[key]
        except KeyError:
            compiled, need = self.cues.resolve(pattern)
        if need is not None:
            gate = self.gates.get(key)
            if gate is None:
                gate = self.gates[key] = any(map(self.low.__contains__, need))
            if not gate:
                return None
        return compiled.search(self.low, lo, len(self.low) if hi is None else hi)

    def match(self, pattern: re.Pattern[str] | CuePattern, pos: int) -> re.Match[str] | None:
        """``pattern.match(low, pos)``, not run when the pattern cannot match the sentence."""
        return self.regex(pattern).match(self.low, pos) if self.may_match(pattern) else None

    def may_match(self, pattern: re.Pattern[str] | CuePattern) -> bool:
        """False when none of the literals every match of ``pattern`` holds is in the sentence."""
        key = id(pattern)
        try:
            need = self.cues.resolved[key][1]
        except KeyError:
            need = self.cues.resolve(pattern)[1]
        if need is None:
            return True
        gate = self.gates.get(key)
        if gate is None:
            gate = self.gates[key] = any(map(self.low.__contains__, need))
        return gate

    def search_in(self, pattern: re.Pattern[str] | CuePattern, a: int, b: int) -> re.Match[str] | None:
        """``pattern.search(low[a:b])`` (the slice's edges are the string's edges), run once."""
        if a <= 0 and b >= len(self.low):
            return self.search(pattern)
        key = (id(pattern), "in", a, b)
        try:
            return self.memo[key]  # type: ignore[no-any-return]
        except KeyError:
            gate = self.may_match(pattern)
            hit = self.memo[key] = self.regex(pattern).search(self.low[a:b]) if gate else None
            return hit


def amounts_in(sent: Sentence, lo: int, hi: int) -> list[int]:
    """Where the amounts and counts of [lo, hi) start, relative to the sentence."""
    return [
        m.start - sent.start
        for m in sent.mentions
        if lo <= m.start - sent.start < hi and m.kind in ("money", "qty")
    ]


def finditer_in(
    sent: Sentence, pattern: re.Pattern[str] | CuePattern, lo: int = 0, hi: int | None = None
) -> Iterable[re.Match[str]]:
    """``pattern.finditer(sent.low, lo, hi)``; nothing at once when the pattern cannot match the sentence."""
    if not sent.may_match(pattern):
        return ()
    return sent.regex(pattern).finditer(sent.low, lo, len(sent.low) if hi is None else hi)


def lower(text: str) -> str:
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[:1] or c for c in text)


#: " and added", " and ordered", " and bought": a second purchase verb right before its count
_AND_BOUGHT_BEFORE = CuePattern(
    r"\s(?:,\s*)?and\s+(?:then\s+|later\s+)?(?:⟨buy⟩)\s+(?:another\s+|a further\s+)?$"
)

#: a buying or selling verb right after a state: "Romania bought", "Norway has ordered"
_ACTS_AFTER = CuePattern(r"\s+(?:has\s+|have\s+|had\s+|also\s+)?(?:⟨buy⟩|⟨sell⟩)\b")

_LAST_ITEM = re.compile(r"(?:\s+[\w'-]+){1,4}\s*[.!?\"']*\s*$")


def clauses_of(sent: Sentence) -> list[tuple[int, int]]:
    """Sentence-relative clause spans, never cutting through a mention (worked out once; do not mutate)."""
    found: list[tuple[int, int]] | None = sent.memo.get("clauses")
    if found is None:
        found = sent.memo["clauses"] = _clauses_now(sent)
    return found


def _clauses_now(sent: Sentence) -> list[tuple[int, int]]:
    cuts = [0]
    for m in _CLAUSE_BOUNDARY.finditer(sent.low):
        pos = m.start()
        if sent.in_a_mention(pos):
            continue
        if m.group(0) == ", and" and _LAST_ITEM.match(sent.low, m.end()):
            continue  # "howitzers, tanks, and fighter jets.": the last item of a list, not a clause
        if pos > cuts[-1]:
            cuts.append(pos)
    # "Poland bought K2 tanks from South Korea, Romania bought K9 howitzers, ...": a state after a
    # comma that buys or sells opens a clause of its own
    # ("Greece ordered 20 F-35 jets and Japan bought 400 Tomahawks": after " and" too, when the words
    # before hold a count or an amount of their own, unlike "Poland and Korea signed")
    joined = ", " in sent.low or " and " in sent.low
    places = sent.sub("place") if joined and sent.may_match(_ACTS_AFTER) else ()
    for place in places:
        rel = place.start - sent.start
        if sent.low.startswith(", ", rel - 2):
            pos = rel - 2
        elif sent.low.startswith(" and ", rel - 5) and (
            sent.sub("qty", cuts[-1], rel - 5) or sent.sub("money", cuts[-1], rel - 5)
        ):
            pos = rel - 5
        else:
            continue
        acts = pos > 0 and sent.match(_ACTS_AFTER, place.end - sent.start)
        if acts and not sent.in_a_mention(pos):
            cuts.append(pos)
    # "Egypt bought 24 Rafales in 2015 and added 30 more in 2021": a second purchase verb before a
    # count of its own opens a clause
    counts = sent.sub("qty") if " and " in sent.low and sent.may_match(_AND_BOUGHT_BEFORE) else ()
    for qty in counts:
        rel = qty.start - sent.start
        verb = sent.find(_AND_BOUGHT_BEFORE, max(0, rel - 30), rel)
        if verb is not None and verb.start() > 0 and not sent.in_a_mention(verb.start()):
            cuts.append(verb.start())
    if len(cuts) > 1:
        cuts = sorted(set(cuts))
    cuts.append(len(sent.text))
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def money_units(
    sent: Sentence, lo: int, hi: int, anchors: Sequence[MoneyM]
) -> list[tuple[int, int, MoneyM | None]]:
    """Split [lo, hi) into one unit per anchor: each unit runs past its amount to the strongest
    break before the next ("; ", ", and", ", ", " and "), else ends just after its amount.

    "about 5 trillion won for 218 launchers in November 2022 and 2.2 trillion won for 72 more":
    the count and the date after the first amount are its own.  What follows the last amount
    belongs to the last unit.
    """
    if not anchors:
        return [(lo, hi, None)]
    units: list[tuple[int, int, MoneyM | None]] = []
    start = lo
    for i, a in enumerate(anchors):
        end = (
            hi
            if i == len(anchors) - 1
            else unit_break(sent, a.end - sent.start, anchors[i + 1].start - sent.start) or a.end - sent.start
        )
        units.append((start, end, a))
        start = end
    return units


#: the breaks between two amounts' units, strongest first
_BREAKS = (
    re.compile(r";\s"),
    re.compile(r",\s+(?:and|but|while|whereas)\b"),
    re.compile(r",\s"),
    re.compile(r"\sand\b"),
)


def unit_break(sent: Sentence, a: int, b: int) -> int | None:
    """The strongest break in [a, b) between two amounts' units, if there is one."""
    for brk in _BREAKS:
        found = [m.start() for m in brk.finditer(sent.low, a, b) if not sent.in_a_mention(m.start())]
        if found:
            return found[-1]
    return None


def clauses_wide(sent: Sentence) -> list[tuple[int, int]]:
    """Clauses cut only at strong boundaries (";", ", and", ", but", ": ")."""
    cuts = [0]
    for m in re.finditer(r";|:\s|, (?:and|but|while|whereas)\b", sent.low):
        if m.start() > cuts[-1]:
            cuts.append(m.start())
    cuts.append(len(sent.low))
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


#: the longest sentence the rules read whole.  News sentences stay far below it (the longest in the
#: corpora is ~460 characters); a longer one (a table flattened into one line, a page of junk) is
#: read in pieces, because the rules compare the mentions of a sentence with each other and a
#: sentence of n amounts would cost n * n.
_MAX_SENTENCE = 1200


def bounded(text: str, spans: Iterable[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """``spans``, each longer than ``_MAX_SENTENCE`` cut at the last "; ", ", " or " " that keeps it so.

    >>> list(bounded("a, b", [(0, 4)]))
    [(0, 4)]
    >>> [b - a <= _MAX_SENTENCE for a, b in bounded("x, " * 1000, [(0, 3000)])]
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
