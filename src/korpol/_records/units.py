"""How a sentence that reports arms deals is cut into the clauses and units deals are read from.

Why this module exists: which words belong to which deal is decided before any slot is filled.
"... covered 48 aircraft: 12 FA-50GF and 36 FA-50PL" is one clause; "30 AS9 Huntsman
howitzers ..., and 15 AS10 ammunition resupply vehicles in a deal of about A$1 billion" is one
priced unit; ", roughly USD420 million at the time" restates the amount before it, and "3.2
billion crowns to buy equipment" is a fund, not a price.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from korpol._mentions.scan import MoneyM
from korpol._records.cues import CuePattern
from korpol._records.sentence import Sentence, clauses_of
from korpol._records.slots import is_main_count

__all__ = ["SIGNED_WORD", "deal_clauses", "earlier_level", "funds_a_purchase", "helps_buy", "restated"]

#: "The first, signed in August 2022, covered 180 K2GF tanks for $3.37 billion": a signing word
SIGNED_WORD = CuePattern(r"\b(?:⟨signed_words⟩)\b")


#: "3.2 billion crowns to buy equipment from Ukrainian manufacturers": money set aside for buying
_TO_BUY_AFTER = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?\s(?:\w+\s+)?(?:to|for)\s+(?:buy|purchase|procure|acquire|buying|purchasing)\b"
)


#: "$30 million through NATO's trust fund to help Ukraine buy non-lethal equipment": money given for buying
_HELP_BUY_AFTER = re.compile(
    r"[^.;:]{0,60}?\bto\s+help\s+(?:[\w-]+\s+){0,2}?(?:to\s+)?(?:buy|purchase|procure|acquire|pay for)\b"
    # "about $61 billion for Ukraine, much of it to replenish U.S. stocks ... and to buy new weapons" (a
    # sentence's stops are its abbreviations')
    r"|[^.;:]{0,40}?\b(?:much|most|part|some|all|half) of (?:it|the money)\b[^;:]{0,80}?"
    r"\bto\s+(?:buy|purchase|procure|acquire|pay for)\b"
)


#: "That law set aside about $61 billion for Ukraine, including roughly $8 billion ...": money
#: appropriated or earmarked, a budget (or a gift), never a contract's price
_SET_ASIDE_BEFORE = CuePattern(r"\b(?:⟨set_aside⟩)\b[^.;:]{0,60}$")


def funds_a_purchase(sent: Sentence, anchor: MoneyM) -> bool:
    """An amount given "to buy" (or "to help X buy") something, or set aside, is a fund or a
    budget, not a price."""
    rel = anchor.start - sent.start
    if _PRICE_BEFORE.search(sent.low, max(0, rel - 50), rel):
        return False  # "signed a deal worth about 2.2 trillion won ($1.6 billion) to buy 72 Chunmoo": a price
    return (
        _TO_BUY_AFTER.match(sent.low, anchor.end - sent.start) is not None
        or helps_buy(sent, anchor)
        or sent.find(_SET_ASIDE_BEFORE, max(0, rel - 80), rel) is not None
    )


#: "a deal worth about", "a contract valued at": the amount after is a price
_PRICE_BEFORE = re.compile(
    r"\b(?:deal|contract|order|agreement|purchase)s?\s+(?:[\w-]+\s+){0,2}?(?:worth|valued at|of)\s+"
    r"(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+|up to\s+)?$"
)


#: "cut to 600 billion won from 1.6 trillion won": the level before a change
_EARLIER_LEVEL_BEFORE = re.compile(
    r"\bto (?:about |around |some )?[$€£¥₩]?[\d.,]+ (?:[\w$€£.-]+ ){0,3}from (?:about |around )?$"
)


def earlier_level(sent: Sentence, anchor: MoneyM) -> bool:
    """The amount a figure changed from ("to 600 billion won from 1.6 trillion won"): no deal's price.

    (A yearly aid figure "rising to $150 million this year from $100 million in 2022" is the
    earlier year's aid: only deals ask this.)
    """
    rel = anchor.start - sent.start
    return _EARLIER_LEVEL_BEFORE.search(sent.low, max(0, rel - 50), rel) is not None


def helps_buy(sent: Sentence, anchor: MoneyM) -> bool:
    """An amount given "to help Ukraine buy" something: a gift of money, whoever sells."""
    return _HELP_BUY_AFTER.match(sent.low, anchor.end - sent.start) is not None


#: ", roughly USD420 million at the time", ", that's roughly ten point seven billion U.S. dollars": the
#: amount before, restated in another currency
_APPROX = (
    r"(?:roughly|about|around|approximately|some|nearly|almost|equivalent to|the equivalent of"
    r"|worth about|worth roughly)"
)
_RESTATED_BEFORE = re.compile(
    rf",\s*(?:(?:or|that's|that is|which is|which was|which comes to)(?:\s+{_APPROX})?|{_APPROX})\s+$"
)
_NOT_RESTATED_AFTER = re.compile(r"\s*(?:for|of|in|to|on|from|more|less)\b")


def restated(sent: Sentence, anchors: Sequence[MoneyM]) -> dict[int, MoneyM]:
    """Amounts that restate the amount before them in another currency, by id.

    "a PHP18.9-billion contract ... for 12 FA-50PH jets, roughly USD420 million at the time":
    one deal with an alternative value, not a second deal (a parenthesis is already read as
    an equivalent by the money reader).
    """
    out: dict[int, MoneyM] = {}
    low = sent.low
    for before, m in itertools.pairwise(anchors):
        if m.value.currency == before.value.currency:
            continue
        rel = m.start - sent.start
        if _RESTATED_BEFORE.search(low, max(0, rel - 24), rel) and not _NOT_RESTATED_AFTER.match(
            low, m.end - sent.start
        ):
            out[id(m)] = m
    return out


def deal_clauses(sent: Sentence) -> list[tuple[int, int]]:
    """The clauses of ``sent``, each clause with nothing to anchor a deal joined to the one before.

    "Poland signed ..., worth $3.37 billion, and the deliveries begin ...": an amount, a count
    or a weapon anchors a clause; a clause without any only adds words to the one before it.
    """
    merged: list[list[int]] = []
    merged_content = False  # whether the last merged clause holds an amount, a count or a weapon
    for a, b in clauses_of(sent):
        content = bool(sent.sub("money", a, b) or sent.sub("qty", a, b) or sent.sub("system", a, b))
        if merged and (
            _spells_out(sent, merged[-1], a, b)
            or _PRICED_AFTER.match(sent.low, a)
            or _list_item(sent, merged[-1], a, b)
            or _bought_participle(sent, merged[-1], a)
        ):
            # "covered 48 aircraft: 12 FA-50GF and 36 FA-50PL": the parts of that count; "covers 218
            # launchers ..., and is worth USD 3.55 billion": the price of the same contract
            merged[-1][1] = b
            continue
        if merged and not (content and merged_content):
            merged[-1][1] = b
            merged_content = merged_content or content  # (the clauses are adjacent: their mentions add up)
        else:
            merged.append([a, b])
            merged_content = content
    return [(a, b) for a, b in merged]


def _bought_participle(sent: Sentence, before: list[int], a: int) -> bool:
    """Whether the clause at ``a`` is a participle describing the weapons the clause before counted,
    with no price of its own before it ("Bern's 36 F-35As, contracted in 2022 for just over CHF 6
    billion, ..."): the count and the price are one deal's."""
    if sent.sub("money", before[0], before[1]) or not sent.match(_BOUGHT_PARTICIPLE, a):
        return False
    return bool(sent.sub("qty", before[0], before[1]) or sent.sub("system", before[0], before[1]))


#: ", contracted in 2022", ", ordered in August 2022 for": a purchase participle after a noun
_BOUGHT_PARTICIPLE = CuePattern(
    r",\s+(?:⟨bought⟩|⟨signed_words⟩)\s+(?:in|for|on|last|this|from)\b"
)


#: ", and is worth ...": a predicate of the clause's own subject, pricing what it just described
_PRICED_AFTER = re.compile(r",?\s*and (?:is|was|are|were|will be) (?:\w+ )?(?:worth|valued at|priced at)\b")


#: ", and 15 AS10 ammunition resupply vehicles in a deal of ...": one more item of the list before
_AND_COUNT = re.compile(r",?\s*and\s+(?:another\s+|some\s+|up to\s+)?\d")


def _list_item(sent: Sentence, before: list[int], a: int, b: int) -> bool:
    """Whether the clause [a, b) is one more counted item of the list before it, with no verb of
    its own ("Australia signed for 30 AS9 Huntsman howitzers, a K9 derivative, and 15 AS10
    ammunition resupply vehicles in a deal of about A$1 billion").  Not when the clause before
    has its own price ("180 K2 tanks ..., worth $3.37 billion, and 212 K9 howitzers, worth ...")."""
    if not _AND_COUNT.match(sent.low, a) or sent.sub("money", before[0], before[1]):
        return False
    cues = sent.cues
    return not any(
        sent.search_in(cues.compiled[frame], a, b) for frame in ("buy", "sell")
    ) and not sent.search_in(SIGNED_WORD, a, b)


def _spells_out(sent: Sentence, before: list[int], a: int, b: int) -> bool:
    """Whether the clause [a, b) after a colon lists the weapons of a count the clause before gave
    without naming them ("covered 48 aircraft: 12 FA-50GF and 36 FA-50PL")."""
    if not sent.low.startswith(":", a) or sent.sub("money", a, b):
        return False
    counted = [q for q in sent.sub("qty", before[0], before[1]) if is_main_count(sent, q)]
    named = [x for x in sent.sub("system", before[0], before[1]) if not x.value.generic]
    return len(counted) == 1 and not named and bool(sent.sub("system", a, b))
