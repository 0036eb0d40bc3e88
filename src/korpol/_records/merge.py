"""Merging within one article: the same deal or package mentioned twice becomes one record.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from decimal import Decimal
from typing import Any

from korpol._model import (
    Money,
    Party,
    TimeSpan,
)
from korpol._records.candidate import Candidate

__all__ = ["merge", "orient", "settle_guessed", "year_of"]


def _compatible_value(a: Money, b: Money) -> bool:
    values = [a, *a.equivalents]
    others = [b, *b.equivalents]
    for x in values:
        for y in others:
            if x.currency == y.currency and x.amount and abs(x.amount - y.amount) / x.amount <= 0.02:
                return True
    return False


def year_of(ts: TimeSpan | None) -> int | None:
    return ts.start.year if ts is not None and ts.start is not None else None


def _same(a: Candidate, b: Candidate) -> bool:
    if (a.first, a.second) != (b.first, b.second) or a.kind != b.kind:
        return False
    ya, yb = year_of(a.date), year_of(b.date)
    if ya is not None and yb is not None and ya != yb:
        return False
    if a.kind == "aid":
        return (
            a.value is not None
            and b.value is not None
            and _compatible_value(a.value, b.value)
            # (a headline that names no kind, "Seoul adds $8 million for Gaza", repeats the body's)
            and (a.aid_kind == b.aid_kind or "mixed" in (a.aid_kind, b.aid_kind))
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
    # "... contracts for 180 K2 tanks and 212 K9 howitzers. The K2 deal is worth $3.37 billion":
    # one report counts the weapons, the next prices them; nothing they say disagrees
    one_priced = (a.value is None) != (b.value is None)
    one_counted = (a.quantity is None) != (b.quantity is None)
    counted_is_not_priced = (a.value is None) == (a.quantity is not None)
    return one_priced and one_counted and counted_is_not_priced and bool(a.families & b.families) and (
        a.status == b.status
    )


def _vague(c: Candidate) -> bool:
    return c.value is None and (c.quantity is None or c.detail)


def _repeats(o: Candidate, before: list[Candidate]) -> bool:
    """Whether the vague ``o`` only mentions again a deal told just before it ("The agreement,
    signed at an air base, covers the helicopters ..." after "a $10 billion deal for 96 Apache
    helicopters"): a figure that follows prices that deal, not the mention."""
    return any(
        not _vague(p) and (p.families & o.families or p.categories & o.categories) for p in before
    )


def _earlier_deal(live: list[Candidate], framework_named: bool) -> Candidate | None:
    """The deal a definite figure ("The contract is worth ...") belongs to, among ``live``.

    ``live`` holds the earlier deal candidates not yet consumed, in order.  Wanted: the last
    one that is the deal itself, not another passing reference to it ("how many tanks the deal
    covers"), and -- unless the sentence names a framework -- a contract, not the framework it
    falls under; each preference is dropped when nothing meets it.  Read from the end, so the
    cost is the distance to that deal, not the length of the document.
    """
    last_itself: Candidate | None = None
    last_contract: Candidate | None = None
    for i in range(len(live) - 1, -1, -1):
        o = live[i]
        itself = not (_vague(o) and (o.definite or _repeats(o, live[max(0, i - _NAMED_REACH) : i])))
        contract = o.status != "framework"
        if itself and (contract or framework_named):
            return o
        if itself and last_itself is None:
            last_itself = o
        if contract and last_contract is None:
            last_contract = o
    if last_itself is not None:
        return last_itself
    if last_contract is not None and not framework_named:
        return last_contract
    return live[-1] if live else None


_Key = tuple[Any, Any, str]

#: how many of the last deals a figure for "the tank contract" may refer back to
_NAMED_REACH = 50


class _Merged:
    """The records merged so far, indexed so that a candidate meets only those it can repeat.

    :func:`_same` needs the same parties and kind, and a compatible value or an equal
    quantity; per parties and kind the index keeps the records in order, their figures by
    currency (sorted) and their quantities.  A look-up may return records that turn out not
    to match (each is checked with :func:`_same`), never miss one: the merge is the same as a
    scan of every record, in linear time for the repeats of one record.
    """

    def __init__(self) -> None:
        self.out: list[Candidate] = []
        self.by_key: dict[_Key, list[int]] = {}
        self.figures: dict[tuple[_Key, str], list[tuple[Decimal, int]]] = {}
        self.quantities: dict[tuple[_Key, int], list[int]] = {}
        self.position: dict[int, int] = {}  # id(record) -> its place in out
        self.has_value: set[int] = set()
        self.has_quantity: set[int] = set()
        self.sentences: dict[int, set[int]] = {}
        self.systems: dict[int, set[str]] = {}

    @staticmethod
    def key(c: Candidate) -> _Key:
        return (c.first, c.second, c.kind)

    def add(self, c: Candidate) -> None:
        self.position[id(c)] = len(self.out)
        self.by_key.setdefault(self.key(c), []).append(len(self.out))
        self.out.append(c)
        self._index(c)

    def _index(self, c: Candidate) -> None:
        """Index what record ``c`` has gained since: a value or a quantity (never lost)."""
        at = self.position[id(c)]
        if c.value is not None and at not in self.has_value:
            self.has_value.add(at)
            for money in (c.value, *c.value.equivalents):
                bisect.insort(self.figures.setdefault((self.key(c), money.currency), []), (money.amount, at))
        if c.quantity is not None and at not in self.has_quantity:
            self.has_quantity.add(at)
            self.quantities.setdefault((self.key(c), c.quantity), []).append(at)

    def bucket(self, c: Candidate) -> list[Candidate]:
        """The records with ``c``'s parties and kind, in order."""
        return [self.out[at] for at in self.by_key.get(self.key(c), ())]

    def first_same(self, c: Candidate) -> Candidate | None:
        """The first record :func:`_same` says ``c`` repeats."""
        key = self.key(c)
        if key not in self.by_key:
            return None
        found: set[int] = set()
        if c.value is not None:
            for money in (c.value, *c.value.equivalents):
                # |x - y| <= 2 % of x  <=>  y / 1.02 <= x <= y / 0.98 (widened: a superset)
                figures = self.figures.get((key, money.currency), [])
                low, high = money.amount / Decimal("1.03"), money.amount / Decimal("0.97")
                i = bisect.bisect_left(figures, (low, -1))
                while i < len(figures) and figures[i][0] <= high:
                    found.add(figures[i][1])
                    i += 1
        if c.quantity is not None:
            found.update(self.quantities.get((key, c.quantity), ()))
        if (c.value is None) != (c.quantity is None):
            # one report counts the weapons, the next prices them (see _same): among the last few
            # records of these parties, those that state what this one lacks and lack what it states
            found.update(self.by_key[key][-_NAMED_REACH:])
        return next((self.out[at] for at in sorted(found) if _same(self.out[at], c)), None)

    def absorb(self, into: Candidate, other: Candidate) -> None:
        """:func:`_absorb`, with the sentences and systems ``into`` holds kept in sets."""
        at = self.position[id(into)]
        if at not in self.sentences:
            self.sentences[at] = {id(s) for s in into.sentences}
            self.systems[at] = set(into.systems)
        _absorb(into, other, self.sentences[at], self.systems[at])
        self._index(into)


def merge(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per deal or package an article reports: repeats and "the deal" join it.

    Linear in the number of candidates when one record is repeated: a figure joins the deal
    just named, and a repeat is compared only with the records it can repeat (:class:`_Merged`).
    """
    consumed: set[int] = set()
    live: list[Candidate] = []  # the deal candidates read so far and not consumed, in order
    for c in cands:
        # "The contract is worth about 14 billion won": a figure for the deal just mentioned
        if c.kind == "deal" and c.definite and c.value is not None and not c.families and c.quantity is None:
            framework_named = bool(re.search(r"\bframework\b", c.sentence.low))
            deal = _earlier_deal(live, framework_named)
            if c.categories:
                # "The tank contract is worth $3.37 billion, the howitzer contract $2.4 billion":
                # each figure prices the deal for the weapons its noun names (looked for among the
                # last few deals only: a figure refers to a deal told just before)
                named = [o for o in live[-_NAMED_REACH:] if o.categories & c.categories]
                deal = _earlier_deal(named, framework_named) or deal
            if deal is not None:
                if deal.value is None:
                    deal.value = c.value
                elif not _compatible_value(deal.value, c.value):
                    # another figure for the same deal ("an estimated $12 billion")
                    deal.alt_values.append(c.value)
                if c.sentence is not deal.sentence:
                    deal.sentences.append(c.sentence)
                consumed.add(id(c))
        if c.kind == "deal" and id(c) not in consumed:
            live.append(c)
    cands = [
        c
        for c in cands
        if id(c) not in consumed
        and c.first is not None
        and c.second is not None
        and c.first.code != c.second.code
    ]
    merged = _Merged()
    for c in cands:
        if _vague(c):
            continue
        same = merged.first_same(c)
        if same is not None:
            merged.absorb(same, c)
        else:
            merged.add(c)
    for c in cands:
        if not _vague(c):
            continue
        target: Candidate | None = None
        bucket = merged.bucket(c)
        for o in reversed(bucket):
            framework_and_not = (o.status == "framework") != (c.status == "framework")
            if framework_and_not and (not c.definite or c.status == "planned"):
                continue  # ("the executive contract ... is planned to be signed": not the framework)
            yo, yc = year_of(o.date), year_of(c.date)
            if yo is not None and yc is not None and yo != yc and c.date is not None and c.date.text:
                continue  # "had already ordered CAMM missiles in 2021" is not this year's CAMM deal
            if c.families & o.families or (not c.families and (c.categories & o.categories or c.definite)):
                target = o
                break
        if target is None:
            for o in bucket:
                if _vague(o) and (o.families & c.families or o.categories & c.categories):
                    target = o
                    break
        if target is not None:
            merged.absorb(target, c)
        elif (
            (c.families and (c.sure >= 1 or c.status in ("planned", "framework")))
            or c.kind == "aid"
            or (c.categories and c.sure >= 2)
        ):
            merged.add(c)
    return merged.out


def _absorb(
    into: Candidate, other: Candidate, sentences: set[int] | None = None, systems: set[str] | None = None
) -> None:
    """Fold ``other`` into ``into``.  ``sentences`` (their ids) and ``systems`` mirror
    ``into.sentences`` and ``into.systems`` when given, so a long run of repeats stays linear."""
    if sentences is None:
        sentences = {id(s) for s in into.sentences}
    if systems is None:
        systems = set(into.systems)
    if id(other.sentence) not in sentences and other.sentence is not into.sentence:
        into.sentences.append(other.sentence)
        sentences.add(id(other.sentence))
    if not _vague(other) or not into.systems:
        # a passing mention ("contracts for K2 tanks, K9 howitzers") adds no systems to a deal that has some
        for s in other.systems:
            if s not in systems:
                into.systems.append(s)
                systems.add(s)
        into.families |= other.families
        into.categories |= other.categories
    if into.date is None or into.date.start is None:
        into.date = other.date or into.date
    elif (
        into.date.inferred
        and other.date is not None
        and not other.date.inferred
        and other.date.start is not None
        and not _vague(other)
    ):
        into.date = other.date  # the headline's undated mention takes the body's stated date
    if into.quantity is None:
        into.quantity = other.quantity
    if into.kind == "aid" and into.aid_kind == "mixed":
        into.aid_kind = other.aid_kind  # (the body's "humanitarian aid" for the headline's "$8 million")
    if into.value is None:
        into.value = other.value
    elif other.value is not None and not _compatible_value(into.value, other.value):
        into.alt_values.append(other.value)


def orient(deals: list[Candidate]) -> None:
    """Deals whose direction rests on fallbacks follow the article's clear ones.

    An article that says "Korea will export K2 tanks to Poland" and later "the
    two nations established a framework for howitzers and jets" means the same
    direction for both.
    """
    clear: Counter[tuple[str, str]] = Counter()
    grounded: Counter[tuple[str, str]] = Counter()
    for c in deals:
        if c.first is not None and c.second is not None:
            if c.sure >= 2:
                clear[(c.first.code, c.second.code)] += 1
            if c.grounded:
                grounded[(c.first.code, c.second.code)] += 1
    for c in deals:
        if c.sure >= 2 or c.grounded or c.first is None or c.second is None:
            continue  # (a supplier the sentence names, by a verb or as the weapon's maker, stays)
        pair, back = (c.first.code, c.second.code), (c.second.code, c.first.code)
        forward, backward = clear[pair], clear[back]
        if not forward and not backward:
            # (no deal names both sides for sure: those whose seller is named, by a verb or as the
            # weapon's maker, show the way: "Korea and Poland signed contracts worth $10 billion")
            forward, backward = grounded[pair], grounded[back]
        if backward > forward:
            c.first, c.second = c.second, c.first
        elif not forward and not backward and not c.guessed and c.sure == 0:
            c.unoriented = True


def settle_guessed(deals: list[Candidate]) -> list[Candidate]:
    """Deals with one side guessed from the article take that side from its clear deals.

    A deal whose words name one side only ("the July 2022 frameworks foresee up to 1,000 K2
    tanks"; "Estonia ... added six more") was given the article's other main party.  A guess
    that plays the same role in the article's clear deals (those whose words name both sides)
    stands.  Otherwise, when the clear deals show one partner for the named side (and, for a
    buyer, no other state is named in this sentence or the two before), that partner it is; and
    a guess that plays the other role there (a guessed buyer that sells elsewhere in the
    article: "the kingdom holds a $15 billion contract for 44 THAAD launchers" in a story on
    Korea's missile exports) leaves the deal with no known partner: it is left out, unless the
    clear deals show the pair the other way round (:func:`orient` turns it).
    """
    if not any(c.guessed for c in deals):
        return deals
    buyers: dict[str, dict[str, Party]] = {}  # seller -> its buyers in clear deals
    sellers: dict[str, dict[str, Party]] = {}  # buyer -> its sellers in clear deals
    for c in deals:
        # (a pair no word orients, "The deal is worth about $1 billion", is :func:`orient`'s to turn)
        if not c.guessed and c.first is not None and c.second is not None and (c.grounded or c.sure >= 2):
            buyers.setdefault(c.first.code, {})[c.second.code] = c.second
            sellers.setdefault(c.second.code, {})[c.first.code] = c.first
    kept = []
    for c in deals:
        if c.guessed and c.first is not None and c.second is not None:
            to_buyer = c.guessed == "recipient"
            named, guess = (c.first, c.second) if to_buyer else (c.second, c.first)
            same_role, other_role = (sellers, buyers) if to_buyer else (buyers, sellers)
            seen = (buyers if to_buyer else sellers).get(named.code, {})
            found = next(iter(seen.values())) if len(seen) == 1 else None
            # (a buyer not when another state is named near the deal: "the kingdom" may be that one)
            near = c.nearby - {named.code, guess.code, found.code} if found is not None else c.nearby
            # (nor a buyer the sentence before names, that sells in no clear deal: "Lima wants 24 new
            # fighters ... The US State Department has approved a possible sale of 12 F-16 jets" sells
            # to Lima, whatever the seller's other sales)
            told = to_buyer and guess.code in {p.code for p in c.prior} and guess.code not in other_role
            if guess.code not in same_role and found is not None and not (near and to_buyer) and not told:
                c.first, c.second = (c.first, found) if to_buyer else (found, c.second)
            elif guess.code in other_role and guess.code not in same_role:
                turned = not c.grounded and named.code in other_role[guess.code]
                if not turned:  # (an ungrounded pair the clear deals show the other way round is orient's)
                    continue
        kept.append(c)
    return kept
