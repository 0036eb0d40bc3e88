"""Who sells and who buys in a deal: the votes of a sentence's verbs, possessives and names.

Why this module exists: the direction of a deal is the one fact an analyst cannot afford to
see reversed, and it is read from many small signals ("Poland bought ... from Korea", "Hanwha
wins a Romanian order", "a contract with Hyundai Rotem", "South Korean K2 tanks").  Each signal
is a named step here that casts weighted votes for a supplier or a recipient; what does not
depend on the deal's unit is worked out once per sentence (:func:`_direction_facts`), and
:func:`deal_direction` adds the unit's own votes and decides.  When no party wins a vote the
deal gets no supplier from the words (``cand.grounded`` is False) and the corpus may orient it
from clearer reports, or leave it out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from korpol._mentions.gazetteer import party_for
from korpol._mentions.scan import CompanyM, PersonM, PlaceM
from korpol._model import Country, Party
from korpol._records.candidate import Candidate
from korpol._records.context import TO_BEFORE, Context
from korpol._records.cues import CuePattern, Cues
from korpol._records.roles import (
    BOTH,
    FROM,
    NOT_ACTOR_BEFORE,
    TO,
    WITH,
    AnyM,
    clause_subject,
    excluded,
    first_party_after,
    owns_deal_noun,
    set_aside,
)
from korpol._records.sentence import Sentence, amounts_in, clauses_of, finditer_in
from korpol._records.slots import OWNED_BEFORE, fitted_to_another, owned_before
from korpol._refdata.arms import get_company

__all__ = ["deal_direction"]


#: a word before "export"/"purchase"/"order" that makes it a noun ("the export of", "a K-defense export")
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|its|their|his|her|our|first|second|third|new|largest|biggest|single|arms|defen[cs]e|"
    r"k-defen[cs]e|military|weapons?|major|this|that|whose|of)|'s?)\s+$"
)


#: "the largest warship export", "its biggest arms export": a superlative and a noun's modifiers before it
#: ("the first Korean fighter export to Europe": a noun; not "the first country to export")
_NOUN_PHRASE_BEFORE = re.compile(
    r"\b(?:largest|biggest|record|latest|single|first)\s+(?:[\w-]+\s+)?(?!to\s)[\w-]+\s+$"
)
#: a past form of a buying verb ("bought", "ordered"): a verb, never a noun
_PAST = re.compile(r"(?:ed|bought)$")


#: "its only export customer", "the order book", "import licences": the verb word as a noun's modifier
_NOUN_AFTER = CuePattern(r"\s+(?:⟨modified_nouns⟩)\b")


#: "to be delivered", "was ordered": a passive verb has no buyer/seller subject
_PRONOUN_SUBJECT = re.compile(r"\s*(?:it|its|they|their|the country|the government)\b")


#: "Hanwha wins a $1 billion Romanian howitzer order": a win verb counts only before the order it wins
#: ("until Warsaw secures credit" is no win)
_WIN = CuePattern(
    r"\b(?:⟨win⟩)\s+(?:[\w$€£.,'-]+\s+){0,6}?(?:orders?|contracts?|deals?|tenders?|bids?|competitions?)\b"
)
#: "with Romania's defence ministry": a state's buying body after a party
_BUYER_BODY = CuePattern(r"'s?\s+(?:[\w-]+\s+){0,2}?(?:⟨buyer_bodies⟩)\b")
#: "the Estonian Centre for Defence Investments": a state's body named for what it does, buying
_NAMED_BUYER_BODY = CuePattern(r"\b(?:⟨buyer_bodies⟩)$")
#: "Taiwan thanked the United States for approving a sale": who is thanked sells, the thanker buys
_THANK = CuePattern(r"\b(?:⟨thank⟩)\s+(?:the\s+)?$")
#: "Warsaw is negotiating the purchase of": a verb that pursues a purchase noun; its subject buys
_PURSUE = CuePattern(r"\b(?:⟨pursue⟩)\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,2}$")
#: "the government chose Sweden's Saab": the chooser buys, the chosen sells
_CHOOSE = CuePattern(r"\b(?:⟨choose⟩)\s+(?!to\b)")


_CURRENCY_WON = re.compile(r"(?:\d|illion|tln|bn|tn|trn)\s*$")  # "3.4 trillion won" is money, not a win


_INFINITIVE = re.compile(r"\bto\s+$")


#: "-made ships", "two ships", "naval ships": the noun "ships", not the verb
_SHIPS_NOUN_BEFORE = re.compile(
    r"(?:-made|-built|\bbuilt|\bmade|\bnaval|\bwar|\bpatrol|\bnew|\bmore|\d|\b(?:two|three|four|five|six|"
    r"seven|eight|nine|ten|dozen|several|its|their|of|and|or|the|those|these|such))\s+$"
)
_PASSIVE_BEFORE = re.compile(r"\b(?:be|been|being|was|were|is|are)\s+(?:\w+ly\s+)?$")


#: "180 K2 tanks from South Korea": a weapon and where it comes from
_SOURCE_AFTER = re.compile(r"[\w-]*(?:\s+[\w-]+){0,2}?\s+from\s+(?:the\s+)?")
#: "1,500-horsepower engines for the Altay", "design support and technology from the K2 for the Altay"
_PARTS_FOR = CuePattern(
    r"\b(?:⟨components⟩)\b[^.;]{0,80}?\b(?:for|to carry|to power|to equip)"
    r" (?:the|its|their) (?:[\w-]+ of (?:the|its|their) )?(?:[\w-]+ ){0,2}$"
)
#: "F-16 (Norway)": a weapon and, in brackets, the state it comes from
_SOURCE_IN_BRACKETS = re.compile(r" \((?:the )?[\w .'-]{2,30}\)")
#: what may stand between a demonym and the weapon it describes: "South Korean K2", "American-made Apache"
_MODIFIES = re.compile(r"(?:-made|-built|-designed)?\s+(?:[\w-]+\s+){0,2}")


class _Vote(NamedTuple):
    """One vote of a verb or a possessive for a supplier or a recipient (see :func:`_direction_facts`)."""

    supplier: bool  # a vote for the supplier, else for the recipient
    party: Party | None
    weight: float  # the weight, or (with ``verb_at``) the bonus on the verb's weight
    verb_at: int | None = None  # where the verb starts: it weighs more inside the unit's span
    pronoun: bool = False  # "it ordered": the party is the previous sentence's actor (``cand.antecedent``)


class _DirectionFacts(NamedTuple):
    """What :func:`deal_direction` reads of a sentence whatever the unit: worked out once per sentence."""

    places: list[PlaceM | PersonM]  # states and their leaders, in mention order
    votes: list[_Vote]  # the verbs' and possessives' votes, in the order they are cast
    demonyms: dict[int, bool]  # ids of demonyms that describe a weapon, a maker (True) or an order
    verbs: list[int]  # where the sentence's buying, selling, choosing and winning verbs start


def _direction_facts(sent: Sentence, cues: Cues) -> _DirectionFacts:
    key = ("direction", id(cues))
    found: _DirectionFacts | None = sent.memo.get(key)
    if found is None:
        found = sent.memo[key] = _direction_facts_now(sent, cues)
    return found


def _direction_facts_now(sent: Sentence, cues: Cues) -> _DirectionFacts:
    places = _acting_places(sent)
    wins = _wins(sent)
    buys = [v for v in finditer_in(sent, cues.compiled["buy"]) if not sent.in_a_mention(v.end() - 1)]
    sells = list(finditer_in(sent, cues.compiled["sell"]))
    chooses = list(finditer_in(sent, _CHOOSE))
    votes = [
        *_win_votes(sent, wins),
        *_buy_votes(sent, buys, places, wins),
        *_sell_votes(sent, sells, places),
        *_choose_votes(sent, chooses, places),
        *_possessive_votes(sent, places),
        *_signed_by_votes(sent, places),
        *_lets_buy_votes(sent, places),
        *_gapped_buyer_votes(sent, places, buys),
        *_signs_with_maker_votes(sent, places, cues),
    ]
    verbs = sorted({m.start() for found in (wins, buys, sells, chooses) for m in found})
    return _DirectionFacts(places, votes, _weapon_demonyms(sent), verbs)


#: "an approval by Washington", "approved by the United States": the exporting state's approval
_APPROVED_BY = re.compile(r"\bapprov(?:al|als|ed)\s+by\s+(?:the\s+)?")
_BUYER_HOUSE = CuePattern(r"'s|\s+(?:⟨legislatures⟩)\b")
#: "built under licence from Hanwha Aerospace", "licensed from Korea"
_LICENSED_FROM = re.compile(r"\b(?:under (?:a )?licen[cs]e from|licen[cs]ed from)\s+(?:the\s+)?")

#: "the contract signed in 2022 by then-defence minister Błaszczak": the signer follows
_SIGNED_BY = re.compile(r"\bsigned\s+(?:[\w,-]+\s+){0,4}?by\s+")


#: "announced a deal worth £1.6 billion that will let Ukraine buy", "agreed a contract allowing
#: Kyiv to buy": a deal another state buys under
_DEAL_LETS = re.compile(
    r"\s+(?:has\s+|have\s+)?(?:announced|agreed|signed|sealed|unveiled)\s+(?:a|an|the)\s+[^;]{0,80}?"
    r"\b(?:deal|contract|agreement)\b[^;]{0,60}?\b(?:let|lets|allow|allows|allowing|letting|enable|enables)\s+"
)
_TO_BUY = re.compile(r"\s+(?:to\s+)?(?:buy|purchase|acquire|procure)\b")


def _lets_buy_votes(sent: Sentence, places: Sequence[PlaceM | PersonM]) -> list[_Vote]:
    """ "Sir Keir Starmer announced a deal ... that will let Ukraine buy 5,000 missiles": the state
    the deal lets buy buys, and the one whose leader announced it sells."""
    votes = []
    for m in places:
        hit = _DEAL_LETS.match(sent.low, m.end - sent.start) if m.kind == "person" else None
        if hit is None:
            continue
        named = [p for p in sent.sub("place", hit.end(), hit.end() + 1) if isinstance(p.party, Country)]
        buyer = named[0] if named else None
        if buyer is None or buyer.party == m.party or not sent.match(_TO_BUY, buyer.end - sent.start):
            continue
        votes.append(_Vote(True, m.party, 2.0))
        votes.append(_Vote(False, buyer.party, 2.0))
    return votes


#: after a state that buys with the verb left out: " the same month for six", " in 2023 for 12 more"
_GAPPED_FOR = re.compile(
    r"(?:\s+[\w-]+){0,4}?\s+for\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a|an)\b)"
)
#: before it: ", and ", " and ", ", while "
_GAP_OPENS = re.compile(r"(?:,\s*and|\band|,\s*while)\s+$")


def _gapped_buyer_votes(
    sent: Sentence, places: Sequence[PlaceM | PersonM], buys: Sequence[re.Match[str]]
) -> list[_Vote]:
    """ "Lithuania signed in December 2022 for eight HIMARS ..., and Estonia the same month for six":
    a state after "and" with the buying verb left out buys what its own "for" counts."""
    votes = []
    for m in places:
        rel = m.start - sent.start
        if m.kind != "place" or m.form == "demonym" or not any(b.end() <= rel for b in buys):
            continue
        gapped = _GAPPED_FOR.match(sent.low, m.end - sent.start) is not None
        if gapped and _GAP_OPENS.search(sent.low, max(0, rel - 8), rel):
            votes.append(_Vote(False, m.party, 1.0, verb_at=rel))
    return votes


#: "with KAI", "with Korea's Hanwha Aerospace": the words between "with" and the company after it
_WITH_BEFORE = re.compile(r"\bwith\s+(?:(?:the|[\w-]+'s|[\w-]+’s)\s+)?$")


def _signs_with_maker_votes(sent: Sentence, places: Sequence[PlaceM | PersonM], cues: Cues) -> list[_Vote]:
    """ "Poland signed two contracts with KAI ...: $705 million for 12 FA-50GF jets and $2.3 billion
    for 36 FA-50PL": the state that opens a clause and signs with a foreign maker buys, in every
    unit of the sentence (a verb frame: sign with <maker>)."""
    votes = []
    for company in sent.sub("company"):
        rel = company.start - sent.start
        if company.party is None or not _WITH_BEFORE.search(sent.low, max(0, rel - 30), rel):
            continue
        a = next((x for x, y in clauses_of(sent) if x <= rel < y), 0)
        verb = next(reversed(list(finditer_in(sent, cues.compiled["signed_words"], a, rel))), None)
        if verb is None:
            continue
        subject = next((m for m in places if a <= m.start - sent.start < verb.start()), None)
        if subject is None or subject.party == company.party or NOT_ACTOR_BEFORE.search(
            sent.low, max(0, subject.start - sent.start - 14), subject.start - sent.start
        ):
            continue
        if any(c.start < subject.start for c in sent.sub("company", a, verb.start())):
            continue  # "Hanwha's unit in Poland signed with KAI": a company signs, not the state
        votes.append(_Vote(False, subject.party, 0.0, verb.start()))
    return votes


def _signed_by_votes(sent: Sentence, places: Sequence[PlaceM | PersonM]) -> list[_Vote]:
    """The state of whoever signed a contract "by" buys, unless the weapons' maker sells (decided
    by the caller: the recipient never takes the supplier's state)."""
    votes = []
    for m in finditer_in(sent, _SIGNED_BY):
        signer = next((p for p in places if 0 <= p.start - sent.start - m.end() <= 40), None)
        if signer is not None:
            votes.append(_Vote(False, signer.party, 1.5))
    return votes


def _acting_places(sent: Sentence) -> list[PlaceM | PersonM]:
    """The states of the sentence and its leaders (a leader acts for his state), in mention order."""
    return [
        m
        for m in sent.mentions
        if m.kind in ("place", "person") and isinstance(m.party, Country) and not excluded(sent, m)
    ]


def _wins(sent: Sentence) -> list[re.Match[str]]:
    """The verbs of winning an order ("Hanwha wins ..."), not the currency ("3.4 trillion won")."""
    low = sent.low
    return [
        w for w in finditer_in(sent, _WIN) if not _CURRENCY_WON.search(low, max(0, w.start() - 12), w.start())
    ]


#: "wins a K9 order from Romania", "... by Norway", "... with Egypt": who placed the order won
_WIN_SOURCE = re.compile(r"\b(?:from|by|with)\b")


def _win_votes(sent: Sentence, wins: Sequence[re.Match[str]]) -> list[_Vote]:
    """ "Hanwha wins a K9 order from Romania": the winner sells, "from X" buys."""
    low = sent.low
    votes = []
    for win in wins:
        before_win = [
            m
            for m in sent.mentions
            if m.end - sent.start <= win.start()
            and m.kind in ("place", "company")
            and isinstance(m.party, Country)
            and not excluded(sent, m)
        ]
        if before_win:
            votes.append(_Vote(True, before_win[-1].party, 3.0))
        src = _WIN_SOURCE.search(low, win.end(), min(len(low), win.end() + 90))
        if src:
            votes.append(_Vote(False, first_party_after(sent, src.end(), len(low)), 4.0))
    return votes


def _subject(sent: Sentence, before: Sequence[AnyM], verb: int) -> AnyM | None:
    """The subject of the verb at ``verb`` among the parties ``before`` it, or None.

    The nearest party before the verb, except: an infinitive ("signed a contract with Y to
    buy") or a pronoun subject ("Hanwha ..., when it began supplying") takes the clause's
    first actor; a demonym acts only as a state body ("the Polish government bought", not
    "with Polish partners to export").
    """
    low = sent.low
    body = sent.regex(_BODY_AFTER)
    actors = [
        m
        for m in before
        if (m.kind != "place" or m.form != "demonym" or body.match(low, m.end - sent.start))
        and not sent.match(_MAKER_MODIFIER, m.end - sent.start)  # ("it is fielding U.S.-made Abrams")
    ]
    if not actors:
        return None
    # "Estonia, which borders Russia, bought": an actor inside a relative clause is not the subject
    for aside in _ASIDE.finditer(low, max(0, actors[0].end - sent.start), verb):
        kept = [m for m in actors if not aside.start() <= m.start - sent.start < aside.end()]
        actors = kept or actors
    # "Bangladesh, China's second-largest customer, bought": an appositive names no subject
    apposed = _APPOSITIVE.match(low, actors[0].end - sent.start)
    if apposed is not None and apposed.end() <= verb:
        actors = [m for m in actors if not apposed.start() <= m.start - sent.start < apposed.end()] or actors
    window = low[max(0, verb - 24) : verb]
    which = _WHICH_BEFORE.search(low, max(0, verb - 40), verb)
    if which is not None:
        # "customers include Egypt, which signed a contract": the noun before ", which" acts
        named = [m for m in actors if 0 <= which.start() - (m.end - sent.start) <= 1]
        if named:
            return named[-1]
    if _INFINITIVE.search(window):
        last = actors[-1]
        if sent.find(_ASKED_BEFORE, max(0, last.start - sent.start - 30), last.start - sent.start):
            return last  # "Turkey asked the United States ... to sell it 40 F-16s": the one asked sells
        if sent.regex(_CONTROL_GAP).fullmatch(low, last.end - sent.start, verb):
            return last  # "Canberra is due to buy", "Warsaw plans to order": the verb's own subject
    if _INFINITIVE.search(window) or _PRONOUN_BEFORE.search(window) or _AND_BEFORE.search(window):
        # ("Estonia bought 12 K9s in a deal arranged with Finland, and added six more": Estonia added)
        return clause_subject(sent, actors, verb)
    return actors[-1]


#: between a subject and its infinitive: "is due to", "plans to", "has agreed to", "is expected to"
_CONTROL_GAP = CuePattern(
    r"\s+(?:(?:is|are|was|were|has|have|had|will|would|also|now|still|not|been|be)\s+)*"
    r"(?:⟨control_verbs⟩)\s+to\s+"
)
#: "asked the United States", "urged Washington": whom a request asks does what follows ("to sell")
_ASKED_BEFORE = CuePattern(r"\b(?:⟨asking⟩)\s+(?:the\s+)?$")
#: "U.S.-made", "Korean-built": a state naming where a weapon is made, never a verb's subject
_MAKER_MODIFIER = CuePattern(r"-(?:⟨made_where⟩)\b")
#: "..., and added": a verb that shares the subject of the verb before it
_AND_BEFORE = re.compile(r"(?:,\s*|\s)and\s+(?:then\s+|later\s+|also\s+)?$")
#: ", which": a relative clause of its own noun starts here
_WHICH_BETWEEN = re.compile(r",\s*(?:which|who)\b")
#: ", which borders Russia,": a relative clause closed by a comma before the verb
_ASIDE = re.compile(r",\s*(?:which|who)\b[^,;]{1,80},")
#: ", China's second-largest customer,", ", the region's biggest buyer,": a noun phrase set off by commas
_APPOSITIVE = re.compile(r",\s*(?:the|a|an|[\w.-]+'s)\s+[^,;]{1,60}?,")
#: the same, as long as an aside about someone may run (see :func:`deal_direction`)
_LONG_ASIDE = re.compile(r",\s*(?:which|who)\b[^,;]{1,140},")
#: "Egypt, which signed": a relative pronoun right after a comma, a few words before the verb
_WHICH_BEFORE = re.compile(r",\s*(?:which|who)\s+(?:[a-z]+\s+){0,2}$")


#: "In May 2023 it ordered": a pronoun subject and no actor before it in the sentence
_IT_BEFORE = re.compile(r"\b(?:it|they)\s+(?:(?:has|have|had|also|then|later|first|already)\s+){0,2}$")
#: "when it began supplying", "which will buy": a pronoun is the verb's subject
_PRONOUN_BEFORE = re.compile(r"\b(?:it|they|which|who)\s+(?:[a-z]+\s+){0,2}$")
#: "the Polish government", "the Korean side": a demonym that acts
_BODY_AFTER = CuePattern(r"\s+(?:⟨buyer_bodies⟩|side|president|prime minister|minister|leaders?)\b")


def _buy_votes(
    sent: Sentence,
    buys: Sequence[re.Match[str]],
    places: Sequence[PlaceM | PersonM],
    wins: Sequence[re.Match[str]],
) -> list[_Vote]:
    """A buying verb ("Poland bought ... from Korea"): its subject buys, "from X" sells.

    The subject is the nearest actor before the verb (not a place in "in Seoul", not "X's
    purchase"); an infinitive ("signed a contract with Y to buy") takes the subject of the
    clause.  A noun ("the purchase of") or a passive ("was ordered") has no subject.
    """
    low = sent.low
    votes = []
    for verb in buys:
        if any(w.start() <= verb.start() <= w.end() + 60 for w in wins):
            continue  # the noun of "wins ... order": a win vote already
        at = verb.start()
        # ("first bought", "its ordered": a past form is never the noun "the first purchase")
        noun = not _PAST.search(verb.group(0)) and _NOUN_BEFORE.search(low, max(0, at - 12), at) is not None
        noun = noun or sent.match(_NOUN_AFTER, verb.end()) is not None
        if noun and (pursued := sent.find(_PURSUE, max(0, at - 60), at)) is not None:
            noun, at = False, pursued.start()  # "Warsaw is negotiating the purchase of": Warsaw buys
        noun = noun or _PASSIVE_BEFORE.search(low, max(0, verb.start() - 12), verb.start()) is not None
        reduced = not noun and _after_weapon(sent, verb)
        before = (
            [] if noun else [m for m in places if m.end - sent.start <= at and not owns_deal_noun(sent, m)]
        )
        if reduced:
            # "the Pakistan Navy commissioned ..., the first of four frigates ordered from China": the
            # subject of the clause holding those weapons bought them; with none, nobody is named
            a = next((x for x, y in clauses_of(sent) if x <= at < y), 0)
            before = [m for m in before if m.start - sent.start >= a][:1]
        before = [
            m
            for m in before
            if not NOT_ACTOR_BEFORE.search(low[max(0, m.start - sent.start - 14) : m.start - sent.start])
        ]
        subject = _subject(sent, before, at) if before else None
        which = None if noun or reduced else _WHICH_BOUGHT.search(low, max(0, at - 30), at)
        if which is not None:
            # "It has already done that to Turkey, a NATO ally, which bought the S-400": the state the
            # relative clause hangs on buys, whatever preposition stands before it
            hung = [m for m in places if 0 <= which.start() - (m.end - sent.start) <= 60]
            subject = hung[-1] if hung else subject
        if subject is not None:
            votes.append(_Vote(False, subject.party, 0.0, verb.start()))
        elif not noun and not reduced and _IT_BEFORE.search(low, max(0, at - 30), at):
            votes.append(_Vote(False, None, 0.0, verb.start(), pronoun=True))  # "In 2022 it signed for"
        src = FROM.search(low, verb.end(), min(len(low), verb.end() + 80))
        if src:
            # "LIG Nex1 disclosed an order from Baghdad": an order a maker receives comes from its buyer
            received = src.start() - verb.end() <= 1 and _received_order(sent, verb)
            votes.append(_Vote(not received, first_party_after(sent, src.end(), len(low)), 1.0, verb.start()))
    return votes


#: ", which bought", ", who had ordered": a relative clause whose subject is the state before it
_WHICH_BOUGHT = re.compile(r",\s*(?:which|who)\s+(?:(?:has|have|had|also|already|first|then)\s+)*$")
#: "to order", "will order": the verb, whose "from" names the seller
_VERB_BEFORE = re.compile(r"\b(?:to|will|would|could|can|may|might|shall|and|also)\s+$")


def _received_order(sent: Sentence, verb: re.Match[str]) -> bool:
    """The noun "order(s)" whose nearest party before it is a maker: "LIG Nex1 disclosed a
    3.71 trillion won order from Baghdad", "Hanwha's cumulative Chunmoo orders from Poland".

    A state's order from somewhere ("its third large order from South Korean arms makers",
    "Orders from South Korea signed in 2022") is a purchase: its "from" sells.
    """
    at = verb.start()
    if verb.group(0) not in ("order", "orders") or _VERB_BEFORE.search(sent.low, max(0, at - 8), at):
        return False
    before = [
        m
        for m in sent.mentions
        if m.end - sent.start <= at and m.kind in ("place", "company", "person") and m.party is not None
    ]
    return bool(before) and before[-1].kind == "company"


def _after_weapon(sent: Sentence, verb: re.Match[str]) -> bool:
    """A past participle right after the weapons it describes ("the 32 F-35A fighters ordered from
    the United States"): a reduced relative clause, whose buyer is not the actor before it."""
    if not _PAST.search(verb.group(0)):
        return False
    at = verb.start()
    low = sent.low
    return any(
        _WEAPON_NOUN_GAP.fullmatch(low, m.end - sent.start, at) is not None
        for kind in ("system", "qty")
        for m in sent.sub(kind, max(0, at - 60), at)
    )


#: between a weapon and its participle: nothing, or the rest of its noun
#: ("KAAN fifth-generation fighters, delivered")
#: (never across a conjunction: "20 F-35 jets and Japan bought" is a clause of its own)
_WEAPON_NOUN_GAP = re.compile(r"(?:\s+(?!and\b|or\b|but\b|while\b)[\w-]+){0,2},?\s*")


def _sell_votes(
    sent: Sentence, sells: Sequence[re.Match[str]], places: Sequence[PlaceM | PersonM]
) -> list[_Vote]:
    """A selling verb ("Korea will export ... to Poland"): its subject sells, "to X" buys.

    A noun ("an $8.6 billion sale of 40 F-35s to Greece") or a passive has no seller subject,
    but its "to X" still names the buyer.
    """
    low = sent.low
    votes = []
    for verb in sells:
        noun = _NOUN_BEFORE.search(low, max(0, verb.start() - 12), verb.start()) is not None
        noun = noun or _PASSIVE_BEFORE.search(low, max(0, verb.start() - 12), verb.start()) is not None
        noun = noun or verb.group(0).startswith("sale") or sent.match(_NOUN_AFTER, verb.end()) is not None
        noun = noun or _after_weapon(sent, verb)  # "48 KAAN fighters, delivered over ten years": a passive
        # ("the largest warship export by value in British history": a noun after its modifiers)
        noun = noun or _NOUN_PHRASE_BEFORE.search(low, max(0, verb.start() - 40), verb.start()) is not None
        if not noun and verb.group(0).startswith("ships"):
            # "bought South Korean-made ships and aircraft": the plural noun, not the verb
            at = verb.start()
            noun = _SHIPS_NOUN_BEFORE.search(low, max(0, at - 16), at) is not None or any(
                m.form == "demonym" and 0 <= at - (m.end - sent.start) <= 1  # "Korean ships", "Turkish ships"
                for m in sent.sub("place", max(0, at - 30), at)
            )
        sellers = [
            m
            for m in sent.mentions
            if m.end - sent.start <= verb.start()
            and m.kind in ("place", "company", "person")
            and isinstance(m.party, Country)
            and not owns_deal_noun(sent, m)
            and not excluded(sent, m)
            # ("arms sold to Taiwan but not yet delivered": the buyer of the first verb is no subject;
            # "turned to the United States, which approved": the relative clause's noun is)
            and (
                not NOT_ACTOR_BEFORE.search(low[max(0, m.start - sent.start - 14) : m.start - sent.start])
                or _WHICH_BETWEEN.match(low, m.end - sent.start) is not None
            )
        ]
        seller = _subject(sent, sellers, verb.start()) if sellers and not noun else None
        if seller is not None:
            votes.append(_Vote(True, seller.party, 0.0, verb.start()))
            # "Taiwan thanked the United States for approving a sale": the thanker buys
            rel = seller.start - sent.start
            thanks = sent.find(_THANK, max(0, rel - 30), rel)
            thankers = [m for m in places if m.end <= seller.start] if thanks else []
            thanker = _subject(sent, thankers, thanks.start()) if thanks and thankers else None
            if thanker is not None:
                votes.append(_Vote(False, thanker.party, 0.0, verb.start()))
        dst = TO.search(low, verb.end(), min(len(low), verb.end() + 80))
        if dst:
            party = first_party_after(sent, dst.end(), len(low), companies=False)
            votes.append(_Vote(False, party, 1.0, verb.start()))
    return votes


#: "its ties with", "relations with": a state the subject is related to (the table ``ties_with``)
_TIES_WITH = CuePattern(r"\b(?:⟨ties_with⟩)\s+with\b\s*$")


#: a list between "with" and a state: "with an AESA radar, aerial refuelling and US weapons"
_LISTED_WITH = re.compile(r"\band\s")


def _with_whom(sent: Sentence, pos: int, lo: int, hi: int) -> tuple[Party, bool] | None:
    """(party, sells?) of "a contract/deal with X", X the first party within a few words after ``pos``.

    A company sells ("signed a contract with Hyundai Rotem").  A state's ministry, army or
    agency buys ("signed on Tuesday with Romania's defence ministry").  A state sells when the
    unit names no weapon from another maker ("a contract with South Korea for K2 tanks"), and
    buys when it does ("signed a contract with Romania to supply 54 K9").
    """
    low = sent.low
    if sent.find(_TIES_WITH, max(0, pos - 40), pos) is not None:
        return None  # "its ties with China": a relation, not the deal's other side
    limit = min(len(low), pos + 40)
    for m in sent.mentions:
        rel = m.start - sent.start
        if rel < pos or rel >= limit or m.kind not in ("place", "company"):
            continue
        if _LISTED_WITH.search(low, pos, rel):
            return None  # "aircraft with an AESA radar, aerial refuelling and US weapons": a feature list
        if excluded(sent, m):
            return None  # "competing with Germany's TKMS": a rival, and no contract with anyone
        if not isinstance(m.party, Country):
            if m.kind == "company":
                continue
            return None
        systems = sent.sub("system", lo, hi)
        makers = {x.party.code: x.party for x in systems if x.party is not None and not x.value.generic}
        if m.kind == "company":
            signer = _signing_company(sent, pos)
            if signer is not None and signer.party in makers.values() and m.party.code not in makers:
                return m.party, False  # "Hanwha signed a contract with HSW for K9 chassis": the maker sells
            if len(makers) == 1 and m.party.code not in makers:
                # a multinational's seat is not the weapon's origin: "with MBDA for CAMM" is British
                company = get_company(m.value.name)
                if company is not None and set(makers) <= set(company.plants):
                    return next(iter(makers.values())), True
            return m.party, True
        if sent.match(_BUYER_BODY, m.end - sent.start) or (
            m.form != "demonym" and sent.find(_NAMED_BUYER_BODY, rel, m.end - sent.start)
        ):
            return m.party, False  # ("with Romania's defence ministry", "with the Armament Agency")
        if not makers and _maker_signs(sent, pos, m.party):
            return m.party, False  # "Hanwha signed with Estonia for 12 launchers": the maker sells
        return m.party, not makers or m.party.code in makers
    return None


def _signing_company(sent: Sentence, pos: int) -> CompanyM | None:
    """The company that signs just before the "with" ending at ``pos`` ("Hanwha signed a contract
    with Estonia", "HAL signed a $716 million contract with GE"), in the same clause."""
    a = next((x for x, y in clauses_of(sent) if x <= pos < y), 0)
    signers = [c for c in sent.sub("company", max(a, pos - 76), pos) if c.party is not None]
    return next((c for c in signers if not excluded(sent, c)), None)


def _makes(sent: Sentence, lo: int, hi: int, party: Party | None) -> bool:
    """Whether ``party`` makes one of the named weapons of the unit [lo, hi)."""
    return any(x.party == party for x in sent.sub("system", lo, hi) if not x.value.generic)


def _maker_signs(sent: Sentence, pos: int, state: Party) -> bool:
    """Whether a foreign company signs with ``state`` just before ``pos``: the maker sells, the state buys."""
    company = _signing_company(sent, pos)
    return company is not None and company.party != state


def _choose_votes(
    sent: Sentence, chooses: Sequence[re.Match[str]], places: Sequence[PlaceM | PersonM]
) -> list[_Vote]:
    """A verb of choosing ("the government chose Sweden's Saab"): its subject buys, its object sells.

    "picked Hanwha's K9 over the Krab": the object is the first party after the verb that is
    not a rival; the rival is never a party.
    """
    low = sent.low
    votes = []
    for verb in chooses:
        before = [m for m in places if m.end - sent.start <= verb.start() and not owns_deal_noun(sent, m)]
        before = [
            m
            for m in before
            if not NOT_ACTOR_BEFORE.search(low[max(0, m.start - sent.start - 14) : m.start - sent.start])
        ]
        if before:
            votes.append(_Vote(False, before[-1].party, 0.0, verb.start()))
        chosen = first_party_after(sent, verb.end(), min(len(low), verb.end() + 40))
        if chosen is not None:
            votes.append(_Vote(True, chosen, 1.0, verb.start()))
    return votes


#: "Poland's K2 contract": any side of a deal has one, so the possessive names no buyer
_OWN_CONTRACT = re.compile(r"(?:'s?)\s+(?:[\w$€£.,-]+\s+){0,3}(?:contracts?|deals?)")


def _possessive_votes(sent: Sentence, places: Sequence[PlaceM | PersonM]) -> list[_Vote]:
    """ "Finland's purchase", "Poland's order": the possessor buys (not "X's contract": any side has one)."""
    low = sent.low
    votes = []
    for m in places:
        rel_end = m.end - sent.start
        contract = _OWN_CONTRACT.match(low, rel_end)
        if owns_deal_noun(sent, m) and not contract:
            # (weighed like a verb at the possessor: "Malaysia's order for 18 FA-50s ... and the
            # Philippines' original 12 jets, bought in 2014": the second clause's verb is its own)
            votes.append(_Vote(False, m.party, 1.0, verb_at=m.start - sent.start))
        elif contract and m.kind == "place" and m.form != "demonym" and _for_foreign_arms(sent, m, contract):
            # "Romania's July 2024 contract for 54 K9s": a state's contract for another state's weapons
            votes.append(_Vote(False, m.party, 1.0, verb_at=m.start - sent.start))
    return votes


def _for_foreign_arms(sent: Sentence, m: PlaceM | PersonM, contract: re.Match[str]) -> bool:
    """Whether the contract a state owns is "for" weapons that are all made by other states."""
    hit = _FOR_AFTER.match(sent.low, contract.end())
    if hit is None:
        return False
    named = [x for x in sent.sub("system", hit.end(), hit.end() + 30) if not x.value.generic]
    if not named:
        # ("Saudi Arabia's $3.2 billion contract for 10 batteries": a count of weapons it does not make)
        # (nor one its own makers or weapons stand in: then it may sell them)
        own = _makes(sent, 0, len(sent.low), m.party) or any(c.party == m.party for c in sent.sub("company"))
        return bool(sent.sub("qty", hit.start(), hit.end() + 2)) and not own
    return all(x.party is not None and x.party != m.party for x in named)


#: after "X's contract": "for 54 K9s", "for the K2 tanks"
_FOR_AFTER = re.compile(r"\s+for\s+(?:the\s+)?(?:[\w,-]+\s+){0,2}?")


def _names_weapon(sent: Sentence, m: PlaceM | PersonM) -> bool:
    """Whether a named (not generic) weapon follows the demonym ``m`` at once: "the Korean K2s"."""
    return any(
        not x.value.generic and 0 <= x.start - m.end <= 2 and x.party == m.party
        for x in sent.sub("system", m.end - sent.start, m.end - sent.start + 3)
    )


def _weapon_demonyms(sent: Sentence) -> dict[int, bool]:
    """Demonyms that describe a weapon or its maker, by id (True: the seller).

    "South Korean K2", "American-made tanks", "German manufacturers": the maker's state sells.
    Neither a buyer's name for another maker's weapon ("the Polish K2PL variant") nor an order
    ("the Romanian howitzer order", "the British order": placed by Romania, placed with
    Britain) says who sells.  Not one after "to complement its": that weapon is owned.
    """
    low = sent.low
    demonyms: dict[int, bool] = {}
    for m in sent.sub("place"):
        if m.form == "demonym" and isinstance(m.party, Country) and not excluded(sent, m):
            nxt = low[m.end - sent.start : m.end - sent.start + 40]
            if sent.find(OWNED_BEFORE, max(0, m.start - sent.start - 30), m.start - sent.start):
                continue
            if _maker_owns(sent, m):
                continue  # "Navantia's eight Saudi corvettes": the maker's, built for the Saudis
            if _ORDER_AFTER.match(nxt) or fitted_to_another(sent, m.start, m.party):
                continue
            if TO_BEFORE.search(low, max(0, m.start - sent.start - 9), m.start - sent.start) and sent.match(
                _SERVED_AFTER, m.end - sent.start
            ):
                continue  # "missiles for Polish short-range air defence": whom it serves, not who makes it
            between = low[m.end - sent.start :]
            described = [
                x
                for x in sent.sub("system")
                if 0 <= x.start - m.end <= 30 and _MODIFIES.fullmatch(between[: x.start - m.end])
            ]
            others = [x for x in described if x.party is not None and not x.value.generic]
            if others and all(x.party != m.party for x in others):
                continue  # "the Polish K2PL variant", "the Polish HOMAR-K rocket launcher": Korea makes it
            if described or re.match(
                r"-made\b|-built\b|(?:\s*(?:[\w-]+\s+){0,2}(?:tanks?|howitzers?|jets?|weapons?|arms|drones?|equipment|"
                r"missiles?|systems?|launchers?|hardware|army stocks|manufacturers?|makers?|firms?"
                r"|compan(?:y|ies)))\b",
                nxt,
            ):
                demonyms[id(m)] = True
    return demonyms


def _maker_owns(sent: Sentence, m: PlaceM | PersonM) -> bool:
    """Whether a company of another state owns the words the demonym ``m`` opens: "Navantia's eight
    Saudi corvettes" (Spain's maker builds them for Saudi Arabia)."""
    rel = m.start - sent.start
    for company in sent.sub("company", max(0, rel - 40), rel):
        end = company.end - sent.start
        if company.party != m.party and _POSSESSOR_GAP.fullmatch(sent.low, end, rel):
            return True
    return False


#: from a possessor to the demonym of its noun: "'s eight ", "'s "
_POSSESSOR_GAP = re.compile(r"(?:'s?|’s?)\s+(?:[\w-]+\s+){0,2}")


#: "for the Polish army", "to Polish short-range air defence": a demonym naming whom a weapon serves
_SERVED_AFTER = CuePattern(r"\s+(?:[\w-]+\s+){0,2}?(?:⟨beneficiaries⟩)\b")


#: "Romanian howitzer order", "the British order": a demonym before an order noun names no seller
_ORDER_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}(?:orders?|purchases?|acquisitions?|procurement|tenders?|requirements?|buys?)\b"
)


def deal_direction(
    sent: Sentence, lo: int, hi: int, cand: Candidate, ctx: Context, clause: tuple[int, int]
) -> None:
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
    a, b = clause
    # a clause with a verb of its own is read by that verb alone: "It signed for 42 Rafale in an
    # $8.1 billion deal, and in 2023 agreed to buy 12 Mirage jets from Qatar" (Qatar sold no Rafale)
    own_verb = any(a <= at < b for at in facts.verbs)
    # ", who signed a memorandum with Prague on ammunition purchases in February,": an aside about
    # someone, whose verbs and partners are not those of the unit's figures outside it
    asides: list[tuple[int, int]] = []
    if ", wh" in low:
        figures = amounts_in(sent, lo, hi)
        asides = [
            (x.start(), x.end())
            for x in _LONG_ASIDE.finditer(low)
            if figures and not any(x.start() <= f < x.end() for f in figures)
        ]

    def aside(pos: int) -> bool:
        return any(x <= pos < y for x, y in asides)

    # (where the unit's amount stands, if it has one, and how near it each party's verb is)
    at = cand.value.span[0] - sent.start if cand.value is not None and cand.value.span is not None else None
    nearest: dict[str, int] = {}
    for v in facts.votes:
        if v.verb_at is not None and own_verb and not a <= v.verb_at < b:
            continue
        if v.verb_at is not None and aside(v.verb_at):
            continue
        if v.verb_at is not None and v.verb_at >= b and _WHICH_BETWEEN.search(low, b, v.verb_at):
            continue  # another noun's clause: "Egypt, which signed ..., and Romania, which signed for"
        # a verb inside the unit (or just before it) weighs more than one elsewhere in the sentence
        weight = v.weight if v.verb_at is None else (3.0 if lo - 40 <= v.verb_at < hi else 1.5) + v.weight
        party = cand.antecedent if v.pronoun else v.party
        if v.verb_at is not None and at is not None and isinstance(party, Country):
            # (of two verbs that weigh the same, the one nearer the amount: "The UAE's 2022 order was
            # followed by Saudi Arabia's $3.2 billion contract for 10 batteries": Saudi Arabia's)
            nearest[party.code] = min(nearest.get(party.code, len(low)), abs(at - v.verb_at))
        vote(supplier if v.supplier else recipient, party, weight)
    sellers = [v.party for v in facts.votes if v.supplier and v.party is not None]
    for w_ in finditer_in(sent, WITH, lo, hi):
        if aside(w_.start()):
            continue
        counterpart = _with_whom(sent, w_.end(), lo, hi)
        if counterpart is not None:
            vote(supplier if counterpart[1] else recipient, counterpart[0], 1.5)
            signs = _signing_company(sent, w_.end()) if counterpart[1] else None
            if (
                signs is not None
                and signs.party != counterpart[0]
                and not _makes(sent, lo, hi, signs.party)
                and signs.party not in sellers
            ):
                # "HAL signed a contract with GE for 99 F404 engines": a company of another state
                # that signs with the seller buys (unless it makes the weapons, "Hanwha ... with L&T",
                # or a verb says it sells: "Hanwha signed a contract with HSW ... to supply chassis")
                vote(recipient, signs.party, 1.5)
    # demonyms or origin of the named systems and companies
    for m in sent.sub("place", lo, hi):
        sells = facts.demonyms.get(id(m))
        if sells is not None:
            vote(supplier if sells else recipient, m.party, 2.5)
    verb_buyers = {v.party.code for v in facts.votes if not v.supplier and v.verb_at is not None and v.party}
    for company in sent.sub("company", lo, hi):
        if excluded(sent, company):
            continue  # "ahead of Hanwha Ocean's KSS-III": a rival bidder
        if company.party is not None and company.party.code in verb_buyers.intersection(recipient):
            continue  # "Turkey's FNSS signed for 40 Korean chassis": the buying verb's subject sells nothing
        vote(supplier, company.party, 1.0)
        name = company.value.name
        if name and name not in cand.contractors:
            cand.contractors.append(name)
    for system in sent.sub("system", lo, hi):
        rel = system.end - sent.start
        src = sent.match(_SOURCE_AFTER, rel)
        label = sent.match(_SOURCE_IN_BRACKETS, rel)
        if label is not None:
            # "- F-16 (Norway). Contract for 32 used jets": a tracker's label names who sells
            vote(supplier, first_party_after(sent, label.start(), label.end(), companies=False), 3.0)
        if src is not None:
            # "250 Abrams from the United States and 180 K2 tanks from South Korea": each its own
            vote(supplier, first_party_after(sent, src.end(), min(len(low), src.end() + 30)), 3.0)
        if fitted_to_another(sent, system.start, system.party):
            continue  # "36 FA-50PL ..., with American AIM-9X missiles": a part of the Korean jet
        if sent.find(_PARTS_FOR, max(0, rel - len(system.value.text or "") - 90), system.start - sent.start):
            # "engines ... for the Altay main battle tank": parts for the buyer's own weapon
            vote(recipient, system.party, 1.5)
            continue
        if system.value.buyer and not excluded(sent, system):
            vote(recipient, party_for(system.value.buyer), 1.2)  # "for the Wisła programme": Poland buys
        elif not owned_before(sent, system) and not excluded(sent, system):
            # a named weapon's origin outweighs a multinational maker's seat ("MBDA ... CAMM")
            vote(supplier, system.party, 0.8 if system.value.generic else 1.2)
    for party in cand.origins:
        vote(supplier, party, 0.8)
    for approval in finditer_in(sent, _APPROVED_BY) if "approv" in low else ():
        # "a US$385 million approval by Washington": the state that approves an export sells (not
        # "approved by Taiwan's legislature", "by the Polish parliament": the buyer's own approval)
        approver = next((m for m in sent.sub("place", approval.end(), approval.end() + 1)), None)
        house = approver is not None and sent.match(_BUYER_HOUSE, approver.end - sent.start) is not None
        if approver is not None and approver.form != "demonym" and not house:
            vote(supplier, approver.party, 3.0)
    for lic in finditer_in(sent, _LICENSED_FROM, lo, hi):
        # "guns built under licence from Hanwha Aerospace": the licensor's state sells the design
        vote(supplier, first_party_after(sent, lic.end(), min(len(low), lic.end() + 40)), 3.0)

    if not recipient and _PRONOUN_SUBJECT.match(low) and cand.antecedent is not None:
        vote(recipient, cand.antecedent, 2.0)  # "Poland remains the outlier. Its 2022 framework ..."
    elif (
        not recipient
        and (semi := low.rfind("; ", 0, lo + 1 if at is None else at)) > 0
        and _PRONOUN_SUBJECT.match(low, semi + 2)
    ):
        # "Vietnam, which disputes Chinese claims ..., still relies on Russia; its six Kilo-class
        # submarines were ordered in 2009": the state the sentence opens on
        opener = next((m for m in places if m.start == sent.start and isinstance(m.party, Country)), None)
        if opener is not None:
            vote(recipient, opener.party, 2.0)
    sup = max(supplier, key=lambda c: (supplier[c], -len(c))) if supplier else None
    rec_box = {c: v for c, v in recipient.items() if c != sup}
    rec = max(rec_box, key=lambda c: (rec_box[c], -nearest.get(c, len(low)))) if rec_box else None
    cand.first = parties.get(sup) if sup else None
    cand.second = parties.get(rec) if rec else None
    cand.sure = (supplier[sup] >= 2.5 if sup else 0) + (rec_box[rec] >= 3 if rec else 0)
    cand.grounded = sup is not None
    guess = _guesser(sent, cand, ctx)
    if cand.second is None:
        # (not the demonym of a named weapon's maker: "Alongside the Korean K2s, it is fielding ...")
        others = {
            m.party.code: m.party
            for m in places
            if isinstance(m.party, Country)
            and not (facts.demonyms.get(id(m)) and _names_weapon(sent, m))
            and sent.find(_TIES_WITH, max(0, m.start - sent.start - 40), m.start - sent.start) is None
        }
        others.pop(sup or "", None)
        main_pair = {p.code for p in ctx.principal}
        if len(others) == 1 or (sup is None and len(main_pair) == 2 and set(others) == main_pair):
            # (one other state; or just the article's two, no word saying who sells: orient decides)
            cand.second = next(iter(others.values()))
        elif not others:
            cand.second = guess(cand.first)
            cand.guessed = "recipient" if cand.first is not None else ""  # (see merge.settle_guessed)
    buyers = {v.party.code for v in facts.votes if not v.supplier and isinstance(v.party, Country)}
    if cand.first is None and cand.second is not None and rec is not None:
        # "the prime minister, Sir Keir Starmer, and Turkey's president ... signed a deal for twenty
        # Eurofighter Typhoon jets": the one other state the sentence names, by its leader, signs with
        # the buyer (a state named by place may be anything: a rival, a seat, a partner's ally)
        named = {m.party.code: m for m in places if isinstance(m.party, Country)}
        named.pop(cand.second.code, None)
        signer = next(iter(named.values())) if len(named) == 1 else None
        if signer is not None and signer.kind == "person" and isinstance(signer.party, Country):
            cand.first = signer.party if signer.party.code not in buyers else None
    if cand.first is None:
        cand.first = guess(cand.second)  # (an article about one side's exports names it once)
        cand.guessed = "supplier" if cand.second is not None and rec is not None else cand.guessed
        if cand.first is not None and set_aside(sent, cand.first):
            # "But Hungary has blocked the payment ... for weapons delivered to Ukraine": the main
            # party this very sentence names as a blocker, rival or foe is never its guessed seller
            cand.first = None
        if cand.first is not None and cand.first.code in buyers:
            # "Poland ordered 48 of the jets in 2022, and Malaysia signed for 18": the article's other
            # main state buys in this very sentence; it sold nothing to the first
            cand.first = None


def _guesser(sent: Sentence, cand: Candidate, ctx: Context) -> Callable[[Party | None], Party | None]:
    """How a side the sentence leaves unsaid is guessed: the article's other main party; in a story
    of many states, the one state the sentence before names (a tracker's "- FA-50 (South Korea)."
    before "Contract for 48 light combat aircraft ..."), else the state the story is about (its
    hub: "Five suppliers, one customer"), else no one.

    In a story of many states the main pair is a poor guess: "the State Department had cleared the
    package, which includes four Sentinel radars" after a sale to Egypt, in a story of Egypt's and
    Morocco's purchases, was a sale to Morocco.  A follow-up on "the contract" just told, or "the
    two nations", keeps the main pair.
    """
    if not ctx.many_states or cand.definite or BOTH.search(sent.low):
        return ctx.partner

    def from_before(named: Party | None) -> Party | None:
        before = {p.code: p for p in cand.prior if named is None or p.code != named.code}
        if len(before) == 1:
            return next(iter(before.values()))
        if ctx.hub is not None and ctx.hub != named:
            return ctx.hub
        # ("Poland: frameworks versus contracts" / "- K2. The first contract covered 180 K2GF tanks"):
        # the buyer of a sale whose seller the words name is the state the section's heading names
        sells = cand.grounded and named is not None and named == cand.first
        section = ctx.section_state(sent.start) if sells and not before else None
        return section if section is not None and section != named else None

    return from_before
