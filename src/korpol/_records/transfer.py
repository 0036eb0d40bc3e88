"""Gift, sale or total: whether money or weapons change hands as aid, as a sale, or as a sum of many.
"""

from __future__ import annotations

import re

from korpol._mentions.scan import M
from korpol._model import (
    Country,
)
from korpol._records.candidate import Candidate
from korpol._records.context import TO_BEFORE, Context
from korpol._records.cues import CuePattern, Cues
from korpol._records.sentence import Sentence, finditer_in
from korpol._records.slots import is_main_count

__all__ = [
    "AID_WORD",
    "COMBINED_AFTER",
    "DEAL_STUFF",
    "DENIED",
    "NEGATED",
    "SALE_WORD",
    "TROOPS",
    "aggregate_before",
    "aid_total",
    "bought_for_another",
    "gift",
    "only_a_package",
    "part_of_a_sum",
    "running_total",
    "weapon_mentions",
]


#: a count of weapons that is a running total, not a deal ("364 K9s are on firm order")
RUNNING_TOTAL = CuePattern(r"\b(?:⟨running_total⟩)\b")


DEAL_STUFF = frozenset(("money", "system", "qty", "company"))


_DEAL_WORD = re.compile(r"\b(?:contracts?|deals?|purchases?|arms|weapons? sales?)\b")


def _aid_kind(low: str, cues: Cues) -> str:
    kinds = [kind for kind, pattern in cues.compiled_aid_kinds if pattern.search(low)]
    if len(kinds) == 1:
        return kinds[0]
    return "mixed"


#: words that make a transfer a gift: military aid is given, not sold
AID_WORD = CuePattern(r"\b(?:⟨gift⟩)\b")


#: words that make a transfer a sale
#: (not "under that deal", "under the contract": the agreement the gift is made under, not a sale)
SALE_WORD = CuePattern(r"\b(?<!under the )(?<!under that )(?<!under this )(?<!under its )(?:⟨sale⟩)\b")


NEGATED = CuePattern(r"\b(?:⟨negation⟩)\s+(?:\w+\s+)?$")


#: "Seoul denied reports that ...": nothing in the sentence is recorded
DENIED = CuePattern(r"\b(?:⟨denial⟩)\b")


def gift(sent: Sentence, lo: int, hi: int, first: int) -> bool:
    """Whether [lo, hi) gives weapons or money away rather than selling them.

    ``first`` is where the first amount or weapon of the clause starts: a gift
    word before it wins over a sale word after it ("transferred 1.5 billion
    euros ... to buy air defence").
    """
    aid = sent.search(AID_WORD, lo, hi)
    if aid is None or sent.search(NEGATED, max(0, aid.start() - 16), aid.start()):
        return False  # "would not send its Abrams tanks"
    sale = sent.search(SALE_WORD, lo, hi)
    if sale is None or (aid.start() < first and aid.start() < sale.start()):
        return True
    # "Biden approved a $1 billion drawdown", "$6 billion under the Ukraine Security Assistance
    # Initiative": the amount's own noun gives, whatever verb approved it
    # (one amount only: "US$571.3 million in military aid, US$265 million arms sale" is both)
    amounts = sent.sub("money", lo, hi)
    return (
        len(amounts) == 1
        and amounts[0].start - sent.start == first
        and _GIVEN_AMOUNT.match(sent.low, amounts[0].end - sent.start) is not None
    )


#: an amount whose own noun is a gift: "$1 billion drawdown", "$40 million in military aid"
_GIVEN_AMOUNT = re.compile(
    r"\s+(?:in\s+|of\s+|under\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:drawdowns?|aid|assistance|donations?|grants?|gifts?)\b"
)


#: "$26.7 billion in security assistance to Ukraine since the beginning of ...": a running total
_CUMULATIVE_AFTER = re.compile(
    r"[^.;]{0,70}?\bsince (?:the (?:beginning|start|outbreak|invasion|war)|(?:february |feb\. )?20\d\d\b)"
)


#: "two packages worth nearly US$2 billion combined": a sum of deals, not a deal
COMBINED_AFTER = CuePattern(r"\s*(?:\([^)]{0,40}\)\s*)?(?:⟨combined⟩)\b")


_CUMULATIVE_BEFORE = CuePattern(
    r"\bsince (?:the (?:beginning|start|outbreak|invasion|war)|(?:[a-z]+\.? (?:of )?)?20\d\d)\b[^.;]{0,40}"
    r"(?:⟨total_verbs⟩)\s+(?:about |some |more than |over |the )?$"
)


TROOPS = CuePattern(r"\b(?:⟨troops⟩)\b")


def weapon_mentions(sent: Sentence, lo: int, hi: int) -> list[M]:
    return [
        m
        for m in sent.mentions
        if lo <= m.start - sent.start < hi
        and (m.kind == "system" or (m.kind == "qty" and is_main_count(sent, m)))
    ]


#: "its largest package so far", "the 18th to date": the words rank one package, they total nothing
_RANKED = CuePattern(r"\b(?:⟨ranked⟩)\b[^.;]*$")


def aggregate_before(low: str, lo: int, hi: int, cues: Cues) -> bool:
    """An aggregate cue ("in total", "so far") in ``low[lo:hi]`` that makes the amount after it a total."""
    hit = cues.compiled["aggregate"].search(low, lo, hi)
    return hit is not None and not _ranked(low, hit, cues)


def running_total(sent: Sentence, lo: int, hi: int) -> bool:
    """A running-total cue ("on firm order", "so far") in [lo, hi): its count totals deals, it is none."""
    hit = sent.find(RUNNING_TOTAL, lo, hi)
    return hit is not None and not _ranked(sent.low, hit, sent.cues)


def _ranked(low: str, hit: re.Match[str], cues: Cues) -> bool:
    """ "its largest military aid package so far", "the biggest defence deal ... so far": one, ranked."""
    return hit.group(0) in ("so far", "to date") and bool(
        cues.pattern(_RANKED).search(low, max(0, hit.start() - 60), hit.start())
    )


#: "Since February 2022, Canada has committed ...": a clause that opens on "since" and a perfect tense
_SINCE_OPENING = CuePattern(
    r"[-\s\u2022*]*since (?:the (?:beginning|start|outbreak)|(?:[a-z]+\.? )?(?:\d{1,2},? )?(?:19|20)\d\d)\b"
    r"[^.;]*\b(?:has|have)\s+(?:\w+ly\s+)?(?:⟨cumulative_giving⟩)\b"
)


#: "This includes $2.4 billion in ...", "including more than $4 billion for ...": a part of a sum named before
_PART_BEFORE = re.compile(
    r"\binclud(?:es|ed|ing)\s+(?:about |some |around |nearly |almost |more than |over |up to |roughly )?$"
)


def _for_a_state_after(sent: Sentence, anchor: M) -> bool:
    """ "... includes about $61 billion for Ukraine": the part has a recipient of its own (a split, kept)."""
    for m in sent.sub("place", anchor.end - sent.start, anchor.end - sent.start + 40):
        rel = m.start - sent.start
        if isinstance(m.party, Country) and TO_BEFORE.search(sent.low, max(0, rel - 12), rel):
            return True
    return False


def part_of_a_sum(sent: Sentence, a: int, anchor: M) -> bool:
    """ "This includes $2.4 billion in ...": a part of a sum named before (unless for a state of its own)."""
    rel = anchor.start - sent.start
    part = _PART_BEFORE.search(sent.low, max(a, rel - 40), rel)
    if part is None or _AGREEMENT_INCLUDES.search(sent.low, max(a, part.start() - 60), part.start()):
        return False  # ("The Dutch agreement signed on Friday includes 2 billion euros in military aid")
    return not _for_a_state_after(sent, anchor)


#: an agreement that includes an amount: the amount is what the agreement gives, not a part of a sum
_AGREEMENT_INCLUDES = re.compile(r"\b(?:agreement|pact|accord|treaty|document)\b[^,;]{0,40}$")


def aid_total(sent: Sentence, a: int, anchor: M, cues: Cues) -> bool:
    """A sum of packages, a running total or a part of one ("bringing its total to", "including $4bn")."""
    low = sent.low
    rel = anchor.start - sent.start
    since = cues.pattern(_SINCE_OPENING).match(low, a)
    return bool(
        part_of_a_sum(sent, a, anchor)
        or (since is not None and since.end() <= rel)
        or aggregate_before(low, max(a, rel - 50), rel, cues)
        or _CUMULATIVE_AFTER.match(low, anchor.end - sent.start)
        or cues.pattern(COMBINED_AFTER).match(low, anchor.end - sent.start)
        or cues.pattern(_CUMULATIVE_BEFORE).search(low, max(a, rel - 60), rel)
    )


#: "buy a U.S.-made NASAMS air defence system for Ukraine": bought on another state's behalf
_FOR_STATE = re.compile(r"\bfor\s+(?:the\s+)?$")


def bought_for_another(sent: Sentence, lo: int, hi: int, cand: Candidate | None, ctx: Context) -> bool:
    """Whether the unit buys weapons "for" the article's aid recipient, which is not the buyer:
    a gift bought from a third state ("Canada would also buy a U.S.-made NASAMS ... for Ukraine at a
    cost of about C$406 million"), read as aid, not as a sale to the buyer."""
    gets = ctx.aid_recipient
    buy = sent.search_in(sent.cues.compiled["buy"], lo, hi) if gets is not None else None
    if buy is None or gets is None:
        return False
    after = lo + buy.end()  # (search_in reads the slice [lo, hi))
    for m in sent.sub("place", after, min(hi, after + 100)):
        rel = m.start - sent.start
        if m.party == gets and _FOR_STATE.search(sent.low, max(0, rel - 9), rel):
            return cand is None or cand.second is None or cand.second.code != gets.code
    return False


def only_a_package(sent: Sentence) -> bool:
    """Whether "package" is the sentence's only word of giving (the package of an article on
    approved sales is one of sales)."""
    words = [m.group(0) for m in finditer_in(sent, AID_WORD)]
    # ("a $2 billion package that will give Taiwan three NASAMS": "give" says no more than "package")
    return bool(words) and all(w.startswith(("package", "giv", "gave")) for w in words)
