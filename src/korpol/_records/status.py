"""The status of a deal: signed, planned, framework or delivered, from the words of its clause.

Why this module exists: the status is read from cue words, but which words belong to the deal
is the hard part -- an earlier step told in passing ("a deal that Washington had approved"), a
second predicate ("... and is negotiating for 12 more"), a relative clause about someone else
(", who held talks with ..."), a delivery schedule ("with deliveries planned from 2026"), an
executive contract "under" a framework.  :func:`fill_status` reads them in that order.
"""

from __future__ import annotations

import re

from korpol._records.candidate import Candidate
from korpol._records.cues import STATUS_ORDER, CuePattern, Cues
from korpol._records.sentence import Sentence, amounts_in, finditer_in
from korpol._records.slots import _status, sent_status

__all__ = ["fill_status", "own_status"]


#: "under the 2022 framework", "under last month's framework agreement": a contract under a framework
_UNDER_FRAMEWORK = re.compile(
    r"\bunder (?:a|the|its|their|this|that|an?\s+\w+|(?:last |this |that )?\w+'s?)\s+(?:\w+\s+)?"
    r"framework(?:\s+agreements?)?\b"
)


#: "the first executive contract under the framework ... covers 212": the framework is where the
#: contract falls, the contract is what the clause is about
_CONTRACT_BEFORE = re.compile(r"\b(?:contracts?|orders?|deals?)\s+$")



def own_status(sent: Sentence, cues: Cues) -> bool:
    """Whether the sentence says a status of its own: a status word or a verb of buying or selling."""
    return any(sent.search(cues.compiled[key]) for key in (*STATUS_ORDER, "buy", "sell"))


def fill_status(
    sent: Sentence, status_span: tuple[int, int], lo: int, hi: int, cand: Candidate, cues: Cues
) -> re.Match[str] | None:
    """The unit's status from the cue words of its clause; returns the "under a framework" it names.

    "ordered 48 FA-50s for US$3bn under a framework signed that July": an executive contract
    (signed), and the framework it falls under is a deal of its own.  "under the framework
    ..., which provides for up to 672": the framework's own terms, not a contract under it.
    """
    cand.status = sent_status(sent, *status_span, cues)
    a, b = status_span
    first = min(amounts_in(sent, lo, hi), default=None)  # where the unit's first figure starts
    if cand.status == "planned":
        # "... since a 2014 purchase worth about $420 million and is negotiating for 12 more": the
        # predicate after "and" is another clause, with a status of its own
        start = lo if first is None else first
        then = sent.search_in(_AND_THEN, start, b)
        if then is not None and sent.search_in(cues.compiled["planned"], a, start + then.start()) is None:
            cand.status = sent_status(sent, a, start + then.start(), cues)
    if cand.status == "planned" and first is not None and ", wh" in sent.low:
        cand.status = _relative_status(sent, a, b, first, cues) or cand.status
    if (
        cand.status == "planned"
        and first is not None
        and _bought_just_before(sent, max(a, first - 60), first, cues)
    ):
        # "Belgrade began considering the Rafale after neighbouring Croatia ... bought 12 used Rafales
        # from France in 2021": the unit's own verb says it was bought; the plan is another clause's
        cand.status = "signed"
    if cand.status in ("framework", "planned", "signed") and sent.search_in(_IN_PASSING, *status_span):
        cand.status = _main_status(sent.low[a:b], cand.status, cues, None if first is None else first - a)
    under = sent.search_in(_UNDER_FRAMEWORK, lo, hi)
    if under and not _amount_before(sent, lo, hi, under) and not _contract_then_amount(sent, lo, hi, under):
        under = None
    if under:
        cand.status = _status(_UNDER_FRAMEWORK.sub(" ", sent.low[lo:hi]), cues)
        if cand.status == "framework":
            cand.status = "signed"
    elif _framework_of_its_own(sent, lo, hi, cues):
        cand.status = "framework"
    if cand.status == "delivered" and cand.value is None:
        cand.quantity = None  # a delivery schedule describes a deal, it is not one
    if cand.status == "delivered" and sent.search_in(_FUTURE_DELIVERY, lo, hi):
        cand.status = "signed"  # "146 K9PL, to be delivered in 2026-2027": not delivered yet
    if cand.status == "delivered" and cand.value is not None and sent.search_in(_UNDER_CONTRACT, lo, hi):
        # "received its first five Rafale fighters ... under a 2016 contract for 36 aircraft worth 7.87
        # billion euros": the priced record is the contract, whose deliveries are under way
        cand.status = "signed"
    return under


def _framework_of_its_own(sent: Sentence, lo: int, hi: int, cues: Cues) -> bool:
    """Whether [lo, hi) names a framework that is not an earlier step told in passing ("After Warsaw
    signed framework agreements in July, Hyundai Rotem ... concluded executive contracts for 180 K2")."""
    hits = list(finditer_in(sent, cues.compiled["framework"], lo, hi))
    if not hits:
        return False
    passing = [(m.start(), m.end()) for m in finditer_in(sent, _IN_PASSING)]
    return any(not any(a <= h.start() < b for a, b in passing) for h in hits)


def _bought_just_before(sent: Sentence, lo: int, first: int, cues: Cues) -> bool:
    """Whether a purchase told as done ("bought", "ordered") governs the figure at ``first``, with
    no plan between them and no condition or modal before it ("would have bought")."""
    verbs = list(finditer_in(sent, _BOUGHT, lo, first))
    if not verbs:
        return False
    verb = verbs[-1]
    if sent.search_in(cues.compiled["planned"], verb.end(), first):
        return False
    return _MODAL_BEFORE.search(sent.low, max(0, verb.start() - 16), verb.start()) is None


#: "would have ordered", "if it bought", "to be ordered": no purchase done
_MODAL_BEFORE = re.compile(r"\b(?:if|would|could|should|might|may|to|be|been|not|never)\s+(?:have\s+)?$")


def _amount_before(sent: Sentence, lo: int, hi: int, under: re.Match[str]) -> bool:
    """ "ordered 48 FA-50s for US$3bn under a framework": the figures are the contract's."""
    return any(at < lo + under.start() for at in amounts_in(sent, lo, hi))


def _contract_then_amount(sent: Sentence, lo: int, hi: int, under: re.Match[str]) -> bool:
    """ "The first executive contract under the framework agreement, concluded on 26 August
    2022, covers 212 K9A1": the contract is the subject and its verb gives the count.  When the
    framework's own phrase leads to the count ("under the framework agreement for 288
    launchers", "..., which foresee up to 1,000"), the count is the framework's."""
    if not _CONTRACT_BEFORE.search(sent.low, max(0, lo + under.start() - 30), lo + under.start()):
        return False
    after = [at for at in amounts_in(sent, lo, hi) if at >= lo + under.end()]
    return bool(after) and not _FRAMEWORK_TERMS.search(sent.low, lo + under.end(), after[0])


#: "... and is negotiating for 12 more": a second predicate of the same subject
_AND_THEN = re.compile(
    r"\s(?:,\s*)?and\s+(?:is|are|was|were|has|have|had|will|would|could|may)\s+(?:also\s+|now\s+|still\s+)?"
)
#: a purchase told as done: "ordered", "bought", "signing for"
_BOUGHT = CuePattern(r"\b(?:⟨bought⟩)\b")
#: an earlier step told in passing, in a clause of its own: "a deal that Washington had approved
#: in December", "after Washington had cleared a sale", "four months after the contracts were
#: signed", "having turned down bids from Diehl"
_IN_PASSING = CuePattern(
    r"\b(?:that|which|after|once|when|since)\s+(?:[\w.-]+\s+){0,3}?(?:had\s+|has\s+|was\s+|were\s+)?"
    r"(?:⟨earlier_steps⟩)\b[^,;:]*"
    r"|\b(?:⟨turned_down⟩)\b[^,;:]*"
)


_MAIN_ORDER = ("framework", "planned", "delivered", "signed")


#: ", which bought 32 F-35 fighter jets ...", ", who held talks with ...": a relative clause
_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who)\b[^,;]*")


def _relative_status(sent: Sentence, a: int, b: int, first: int, cues: Cues) -> str | None:
    """The status of a unit (its first figure at ``first``) read apart from the relative clauses that
    do not hold it, or from the one that does: "The UAE signed for the Cheongung-II in 2022 ...,
    during a visit by Moon, who held talks with ...": signed; "the procurement plans of its
    predecessor, which bought 32 F-35 jets": signed.  None when the relative clauses change nothing."""
    low = sent.low
    clauses = [(x.start(), x.end()) for x in _RELATIVE_CLAUSE.finditer(low, a, b)]
    holding = next(((x, y) for x, y in clauses if x <= first < y), None)
    if holding is not None:
        part = low[holding[0] : holding[1]]
        if any(cues.compiled[s].search(part) for s in STATUS_ORDER) or cues.pattern(_BOUGHT).search(part):
            return _status(part, cues)
        return None
    if not clauses:
        return None
    pieces, pos = [], a
    for x, y in clauses:
        pieces.append(low[pos:x])
        pos = y
    pieces.append(low[pos:b])
    return _status(" ".join(pieces), cues)


def _main_status(low: str, status: str, cues: Cues, figure: int | None = None) -> str:
    """The status of a clause without the earlier steps it tells in passing (see :data:`_IN_PASSING`).

    "The first ten K2 tanks ... were handed over on Tuesday, four months after the contracts were
    signed": delivered.  "Poland ordered 116 Abrams, a deal that Washington had approved": signed.
    A step that holds the unit's own ``figure`` is the unit's event ("Baykar announced in January
    that it had signed a $370 million contract ... after a competition"): its words say the status.
    """
    passing = cues.pattern(_IN_PASSING)
    if figure is not None:
        own = next((m for m in passing.finditer(low) if m.start() <= figure < m.end()), None)
        before = low[: own.start()] if own is not None else ""
        # (unless the clause before says a status of its own: "Sweden bought the US Patriot in 2018,
        # signing for four fire units after Washington had cleared a sale estimated at $3.3 billion")
        if own is not None and not any(cues.compiled[s].search(before) for s in STATUS_ORDER):
            return _status(low[own.start() : figure], cues)
    rest = passing.sub(" ", low)
    # (what is left is the clause's own event: a delivery there is what happened, "bought" or not)
    found = next((s for s in _MAIN_ORDER if cues.compiled[s].search(rest)), None)
    if found is not None:
        return found
    return "signed" if cues.pattern(_BOUGHT).search(rest) else status


#: words that attach what follows to the framework: "for 288", "which provides for", "of 2022"
_FRAMEWORK_TERMS = re.compile(
    r"\b(?:for|of|which|that|providing|provides|foresees?|covering|envisag\w+|allows?|calls? for)\b"
)


#: "under a 2016 contract for", "under the contract signed in": deliveries under a contract
_UNDER_CONTRACT = re.compile(
    r"\bunder (?:a|an|the|its|their|that|this) (?:[\w-]+ ){0,2}?(?:contract|deal|order)\b"
)
#: a delivery to come: "to be delivered in 2026", "will be handed over next year"
_FUTURE_DELIVERY = re.compile(
    r"\b(?:to|will|would|shall|should|are|is) be (?:delivered|handed over|shipped)\b"
    r"|\bdue (?:for delivery|to arrive)\b"
    # "sold to Taiwan but not yet delivered", "have yet to be delivered": not delivered either
    r"|\b(?:not yet|never|yet to be) (?:been )?(?:delivered|handed over|shipped|received)\b|\bundelivered\b"
)
