"""Merging within one article: the same deal or package mentioned twice becomes one record.
"""

from __future__ import annotations

import re
from collections import Counter

from korpol._model import (
    Money,
    TimeSpan,
)
from korpol._records.candidate import Candidate

__all__ = ["merge", "orient", "year_of"]


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


def merge(cands: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
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
            if c.categories:
                # "The tank contract is worth $3.37 billion, the howitzer contract $2.4 billion":
                # each figure prices the deal for the weapons its noun names
                earlier = [o for o in earlier if o.categories & c.categories] or earlier
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
        target: Candidate | None = None
        for o in reversed(out):
            if (o.first, o.second, o.kind) != (c.first, c.second, c.kind):
                continue
            if (o.status == "framework") != (c.status == "framework") and not c.definite:
                continue
            yo, yc = year_of(o.date), year_of(c.date)
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


def _absorb(into: Candidate, other: Candidate) -> None:
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


def orient(deals: list[Candidate]) -> None:
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
        if c.sure >= 2 or c.grounded or c.first is None or c.second is None:
            continue  # (a supplier the sentence names, by a verb or as the weapon's maker, stays)
        forward, backward = clear[(c.first.code, c.second.code)], clear[(c.second.code, c.first.code)]
        if backward > forward:
            c.first, c.second = c.second, c.first
