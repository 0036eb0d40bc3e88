"""Arms-deal rules: who sells what to whom, for how much, when, and how far the deal has come."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import ClassVar, cast

import attrs

from korpol._mentions.numbers import COUNT_WORDS
from korpol._mentions.scan import MoneyM, QtyM, SystemM
from korpol._mentions.systems import SystemMention
from korpol._model import ArmsDeal, Country, DealStatus, Party, TimeSpan
from korpol._records.candidate import Candidate
from korpol._records.context import Context, report_year
from korpol._records.cues import CuePattern, Cues
from korpol._records.direction import deal_direction
from korpol._records.merge import merge, orient, settle_guessed
from korpol._records.roles import (
    antecedent,
    listed_party,
    sentence_actors,
)
from korpol._records.rules import Reading
from korpol._records.sentence import Sentence, finditer_in, money_units, unit_break
from korpol._records.slots import (
    HEDGE,
    assign_times,
    inherit_systems,
    is_main_count,
    main_quantity,
    money_anchors,
    nearest_time,
    spent_from_a_package,
    systems_in,
)
from korpol._records.status import fill_status, own_status
from korpol._records.transfer import (
    COMBINED_AFTER,
    DEAL_STUFF,
    DENIED,
    aggregate_before,
    bought_for_another,
    gift,
    only_a_package,
    running_total,
)
from korpol._records.units import SIGNED_WORD, deal_clauses, earlier_level, funds_a_purchase
from korpol._records.units import restated as restated_amounts

__all__ = ["deal_candidates"]



#: "Under the contract, ...", "the deal covers ...": what follows details a deal already reported
_DETAIL = re.compile(
    r"\b(?:under|in|of) (?:the|this|that) (?:contract|deal|agreement|order)\b|"
    r"\b(?:(?:the|this|that) (?:contract|deal|order|agreement)|^it) (?:covers|includes|comprises|consists)\b"
    # the parts of a package of approved sales: "The largest case, estimated at US$4.05 billion,
    # covers 82 HIMARS", "A second, worth ..., is for 60 M109A7", "The rest consists of ..."
    # ("The largest, worth about $4.05 billion, covers ...", "The others include Altius ...")
    r"|^(?:the|a) (?:[\w-]+ )?"
    r"(?:case|package|rest|remainder|first|second|third|fourth|largest|biggest|others|items?)\b"
    r"(?:[^.;]|\.(?=\d)){0,60}?"
    r"\b(?:covers|includes|comprises|consists|is for|are)\b"
)


#: "the system", "the jets": the weapon the story has named, referred back to
_THE_WEAPON = re.compile(
    r"\b(?:the|this|that) (?:same )?"
    r"(?:system|weapon|jets|aircraft|missiles|tanks|howitzers|submarines|frigates)\b"
)


#: "the contract", "the tank contract", "this K2 deal", "the total value": a deal already reported
_DEFINITE_DEAL = re.compile(
    r"\b(?:the|this|that) (?:(?!first\b|second\b|new\b|next\b)[\w-]+ )?"
    r"(?:deal|contract|purchase|order|sale|(?:total |estimated )?(?:cost|price|value))\b"
    # "Worth about $6.5 billion, it is the largest ...", "It is worth ...": the deal just told
    r"|^(?:worth|valued at|priced at)\b|^it (?:is|was) (?:worth|valued)\b"
    r"|^its (?:net |gross |total |estimated )?(?:value|cost|price)\b"
)


_PRICED_FOR = re.compile(r"\s+for\s+(?:about |around |roughly |nearly |some |almost |up to |over )?$")


def _priced_weapons(sent: Sentence) -> bool:
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


#: "eight of the ships", "61 of them": a part of weapons counted before
_PART_OF = re.compile(r"\bof (?:the|its|their|these|those|them)\b")
#: where a part is made: "will be built in", "assembled at"
_MADE_WHERE = re.compile(r"\b(?:built|assembled|produced|made|manufactured)\b")


def _built_part(sent: Sentence, clause: _Clause, lo: int, hi: int) -> bool:
    """A part of an order and where it is made, with no price: "where eight of the ships will be built"."""
    part = any(_PART_OF.search(q.value.text) for q in sent.sub("qty", lo, hi))
    made = sent.search_in(_MADE_WHERE, clause.a, clause.b) is not None
    return part and made and sent.search_in(SIGNED_WORD, clause.a, clause.b) is None


#: an airline or civil aircraft ("Qatar Airways", "passenger jets")
_CIVIL = CuePattern(r"\b(?:⟨civil⟩)\b")


def _listed_buyers(sent: Sentence) -> int:
    """How many amounts stand in brackets right after a state ("Iraq ($2.8 billion, 2024)"); worked
    out once per sentence (each clause and unit asks)."""
    found: int | None = sent.memo.get("listed_buyers")
    if found is None:
        found = sent.memo["listed_buyers"] = sum(
            listed_party(sent, m.start - sent.start) is not None for m in sent.sub("money")
        )
    return found


def deal_candidates(
    sent: Sentence,
    ctx: Context,
    recent: Sequence[Sentence] = (),
    after_deal: bool = False,
    arms_topic: bool = False,
) -> list[Candidate]:
    """The arms deals ``sent`` states: one candidate per priced or counted unit of a clause that sells.

    The steps, in order: is the sentence about an arms transaction at all
    (:func:`_about_arms_deals`); its clauses, each holding an amount, a count or a weapon
    (:func:`~korpol._records.units.deal_clauses`); of those, the clauses that sell rather than give
    (:func:`_clause_sells`); their units, one per amount, else one per count
    (:func:`_clause_units`); and for each unit a candidate with its slots filled in
    (:func:`_unit_candidates`).  ``recent`` are the sentences before (what "the deal" and
    "It" refer back to); ``after_deal`` says whether the document has stated a deal already,
    ``arms_topic`` whether it has named weapons or arms before.
    """
    if not _about_arms_deals(sent, ctx.cues, after_deal, arms_topic) and not (
        after_deal and _more_of_the_last(sent, recent)
    ):
        return []
    if sent.search(_CIVIL) and not any(not m.value.generic for m in sent.sub("system")):
        return []  # "Qatar Airways signed for up to 210 Boeing 787 and 777X jets": airliners, no weapons
    clauses = deal_clauses(sent)
    out: list[Candidate] = []
    for a, b in clauses:
        several = len(clauses) > 1
        if not _clause_sells(sent, a, b, ctx.cues, several=several, sales_package=ctx.approved_sales):
            continue
        anchors = [
            an
            for an in money_anchors(sent, a, b, ctx.cues)
            if not (funds_a_purchase(sent, an) or earlier_level(sent, an) or spent_from_a_package(sent, an))
        ]
        restated = restated_amounts(sent, anchors) if len(anchors) > 1 else {}
        if restated:
            anchors = [an for an in anchors if id(an) not in restated]
        units = _clause_units(sent, a, b, anchors)
        if units is None:
            continue  # only excluded amounts: a budget, a total, financing
        clause = _Clause(a, b, (0, len(sent.low)) if len(clauses) == 1 else (a, b), anchors)
        clause.times.update(assign_times(sent, a, b, anchors))
        if anchors and all(_is_a_sum(sent, clause, an, ctx.cues) for an in anchors):
            # "contracts for 180 K2 tanks, 212 K9 howitzers and 48 FA-50s, worth $12.4 billion in
            # total": the sum is a recap; each counted order is a deal of its own, with no value
            counted = _count_units(sent, a, b)
            if len(counted) > 1:
                units = [*units, *counted]
        for lo, hi, anchor in units:
            found = _unit_candidates(sent, ctx, recent, clause, lo, hi, anchor)
            if restated and anchor is not None:
                again = [
                    m.value
                    for m in restated.values()
                    if m.start > anchor.start and lo <= m.start - sent.start < hi
                ]
                for cand in found:
                    if cand.value is anchor.value:
                        cand.alt_values.extend(again)
            out.extend(found)
    if out and sent.search(_EARLIER_ORDER):
        out.extend(_earlier_orders(sent, out))
    if out and "its " in sent.low:
        _its_value(sent, out)
    return out


#: "reports put its value at", "its price was", "its cost is put at": the figure prices the deal told
_ITS_VALUE = re.compile(
    rf"\bits (?:total )?(?:value|price|cost)\b(?:\s+\w+){{0,2}}?\s+(?:at|of|is|was|as)\s+(?:{HEDGE}\s+)?$"
)


def _its_value(sent: Sentence, out: list[Candidate]) -> None:
    """Price the deal told earlier in the sentence with the figure a later clause gives "its value"
    ("a contract for 20 howitzers, agreed in July; reports put its value at $250 million, others at
    $245 million"): the first figure is its value, the ones after it alternatives."""
    used = {id(c.value) for c in out if c.value is not None}
    money = [m for m in sent.sub("money") if id(m.value) not in used]
    for i, m in enumerate(money):
        rel = m.start - sent.start
        if _ITS_VALUE.search(sent.low, max(0, rel - 50), rel) is None:
            continue
        unpriced = [c for c in out if c.value is None and c.lo < rel]
        if len(unpriced) != 1 or unpriced[0].status == "planned":
            # (which deal "its" is, is not clear; and a contract still under negotiation keeps the
            # press's guess at its value out of its record: "press estimates put its value at around
            # US$6 billion" would price it like the contract later signed)
            return
        unpriced[0].value = m.value
        unpriced[0].alt_values.extend(x.value for x in money[i + 1 :])
        return


#: "adding to the 218 ordered in 2022", "on top of the 24 it bought in 2015", "the 36 it contracted with
#: Saab in 2014": an earlier order of the weapon just told, counted with its noun left out
_EARLIER_ORDER = CuePattern(
    r"\b(?:the|including)\s+(\d{1,4}|"
    + "|".join(w for w in COUNT_WORDS if w.isalpha() and " " not in w)
    + r")\s+(?:(?:it|they|she|he)\s+)?(?:had\s+)?(?:⟨bought⟩|contracted)\b"
    r"(?:\s+[\w'-]+){0,4}?\s+in\s+(?:19|20)\d\d\b"
)


def _earlier_orders(sent: Sentence, out: list[Candidate]) -> list[Candidate]:
    """The earlier orders a sentence recalls by count alone, each a deal of the weapon and the two
    parties of the deal told just before it in the sentence; or, when an amount follows ("including
    six ordered in 2019 for about €20 million"), the count of the deal that amount prices."""
    found = []
    for hit in finditer_in(sent, _EARLIER_ORDER):
        if sent.sub("qty", hit.start(1), hit.end(1)) or sent.in_a_mention(hit.start(1)):
            continue
        n = _number(hit.group(1))
        if n is None:
            continue
        # ("including six ordered in 2019 for about €20 million": the count of the order the amount prices)
        money = sent.sub("money", hit.end(), hit.end() + 24)
        if money and _PRICED_FOR.match(sent.low, hit.end(), money[0].start - sent.start):
            for c in out:
                if c.value is money[0].value and c.quantity is None:
                    c.quantity = n
            continue
        told = [c for c in out if c.lo <= hit.start() and c.systems and c.first and c.second]
        times = [t for t in sent.sub("time", hit.start(), hit.end()) if t.value.start is not None]
        if not told or not times:
            continue
        last = told[-1]
        found.append(
            attrs.evolve(
                last,
                lo=hit.start(),
                hi=hit.end(),
                value=None,
                alt_values=[],
                quantity=n,
                status="signed",
                date=times[-1].value,
                systems=list(last.systems),
                families=set(last.families),
                categories=set(last.categories),
                contractors=[],
                sentences=[],
                definite=False,
                aggregate=False,
            )
        )
    return found


#: "Polish press put the price at $6.7 billion", "Local media had estimated the value at": a figure
#: others guess, which prices no deal unless a deal word says so
_HEARSAY = CuePattern(r"\b(?:⟨hearsay⟩)\b")


def _about_arms_deals(sent: Sentence, cues: Cues, after_deal: bool, arms_topic: bool = False) -> bool:
    """Whether ``sent`` can state an arms deal at all: the cheap tests every sentence faces first.

    It needs something a deal is made of (an amount, a weapon, a count, a maker), a deal cue,
    no denial ("Seoul denied reports that ..."), and something that makes the transaction an
    arms deal: a weapon, a defence maker, an arms word, or a figure for "the contract" just
    reported (``after_deal``).
    """
    if DEAL_STUFF.isdisjoint(sent.by_kind):
        return False  # no amount, weapon, count or maker: nothing a deal could be made of
    arms = bool(sent.sub("system") or sent.sub("company") or sent.search(cues.compiled["arms"]))
    # ("the UAE signed for the system in a deal worth about four trillion won", in a story of arms)
    arms = arms or (arms_topic and sent.search(_THE_WEAPON) is not None)
    if not arms and not sent.sub("money"):
        return False  # (the cheap half of the last test, asked first: most sentences end here)
    has_trigger = (
        sent.search(cues.compiled["buy"])
        or sent.search(cues.compiled["sell"])
        or sent.search(cues.compiled["deal"])
        # "The first, signed in August 2022, covered 180 K2GF tanks for $3.37 billion"
        or (sent.search(SIGNED_WORD) and sent.sub("money") and (sent.sub("system") or sent.sub("qty")))
        # "152 K9PL for about $2.6 billion in December 2023, 72 Homar-K launchers for PLN 6.4 billion":
        # a count of named weapons priced with "for" lists purchases without any deal word
        or _priced_weapons(sent)
        # "Cheongung-II has found three buyers: the United Arab Emirates ($3.5 billion, 2022), Saudi
        # Arabia ($3.2 billion, signed in 2023) and Iraq ($2.8 billion, 2024)": a priced list of buyers
        or _listed_buyers(sent) >= 2
        # "The agreement covers 72 launcher modules ...", "Its net value is USD 1.6 billion", "The
        # cost is estimated at around €690 million": the deal just reported, detailed or priced
        # without a deal word of its own
        or (after_deal and bool(sent.sub("money") or sent.sub("qty")) and (
            sent.search(_DETAIL) is not None
            or (sent.search(_DEFINITE_DEAL) is not None and sent.search(_HEARSAY) is None)))
        or (arms_topic and bool(sent.sub("money")) and sent.search(_DETAIL) is not None)
    )
    if not has_trigger or sent.search(DENIED):
        return False
    follow_up = after_deal and bool(sent.sub("money")) and sent.search(_DEFINITE_DEAL) is not None
    # "In all, Poland has signed Korean contracts worth some $16.5 billion since 2022": in an
    # article about arms deals, a sum of its contracts
    recap = (after_deal or arms_topic) and bool(sent.sub("money")) and _recap(sent, cues)
    return bool(arms or follow_up or recap)


#: "contracts ... since 2022": deals counted over a period
_SINCE_START = (
    r"\bsince (?:(?:\w+ )?(?:19|20)\d\d\b"
    r"|the [\w-]+ (?:administration|government) (?:took office|came to power)"
    r"|the (?:start|beginning|outbreak) of\b)"
)
_PLURAL_SINCE = re.compile(
    rf"\b(?:contracts|deals|orders)\b.*{_SINCE_START}|{_SINCE_START}.*\b(?:contracts|deals|orders)\b"
)


def _recap(sent: Sentence, cues: Cues) -> bool:
    """Whether ``sent`` sums several deals: "six contracts worth", "contracts ... since 2022",
    "taken together", "add up to"."""
    return bool(
        sent.search(cues.compiled["sum_nouns"])
        or sent.search(_PLURAL_SINCE)
        or (sent.search(_PLURAL_DEALS) and sent.search(cues.compiled["aggregate"]))
    )


def _clause_sells(
    sent: Sentence, a: int, b: int, cues: Cues, *, several: bool, sales_package: bool = False
) -> bool:
    """Whether the clause [a, b) sells weapons: not a gift, and a deal word or a priced weapon.

    Weapons given away are military aid, not a deal.  In a sentence of ``several`` clauses, a
    clause with no deal word still lists a deal when it pairs a figure with weapons
    ("..., then for 48 FA-50 jets at $3 billion").
    """
    stuff = [
        m.start - sent.start
        for m in sent.mentions
        if a <= m.start - sent.start < b and m.kind in ("money", "qty", "system")
    ]
    if gift(sent, a, b, min(stuff, default=b)) and not (sales_package and only_a_package(sent)):
        return False  # (the "package" of an article on approved sales is one of sales)
    if (
        sent.search_in(cues.compiled["buy"], a, b)
        or sent.search_in(cues.compiled["sell"], a, b)
        or sent.search_in(cues.compiled["deal"], a, b)
    ):
        return True
    priced = sent.sub("money", a, b) and (
        sent.sub("system", a, b) or any(is_main_count(sent, q) for q in sent.sub("qty", a, b))
    )
    # "...: the United Arab Emirates ($3.5 billion, 2022), Saudi Arabia ($3.2 billion, ...)": a
    # priced buyer of the weapon the sentence names
    listed = sent.sub("system", 0, a) and any(
        listed_party(sent, m.start - sent.start) is not None for m in sent.sub("money", a, b)
    )
    return bool(priced) or bool(listed and _listed_buyers(sent) >= 2) or not several


def _clause_units(
    sent: Sentence, a: int, b: int, anchors: Sequence[MoneyM]
) -> list[tuple[int, int, MoneyM | None]] | None:
    """The units of the clause [a, b): one per amount that can be a deal's value, else one per count.

    A clause whose amounts are all excluded (a budget, a total, financing) has none (``None``).
    Without amounts, a framework listing several programmes ("up to 1,000 K2 tanks, 672 K9
    howitzers and 48 FA-50 jets") gives one unit per "N <system>" pair.
    """
    if anchors:
        units = money_units(sent, a, b, anchors)
        before = _count_before_amounts(sent, a, anchors[0], units[0][1])
        if before:
            units[0] = (before[0][1], *units[0][1:])
        return [*before, *units]
    if sent.sub("money", a, b):
        return None
    return _count_units(sent, a, b)


def _count_before_amounts(
    sent: Sentence, a: int, first: MoneyM, end: int
) -> list[tuple[int, int, MoneyM | None]]:
    """A counted order told before the clause's first amount and cut off from it by a break, when the
    amount's own part counts weapons of its own: "a 2024 order for 30 K808s and on HD Hyundai Heavy
    Industries' $463 million contract ... to build four warships" (the 30 are no warships)."""
    at = first.start - sent.start
    low = sent.low
    counts = [m for m in sent.sub("qty", a, at) if is_main_count(sent, m)]
    if not counts or "(" in low[counts[-1].end - sent.start : at]:
        return []  # ("18 Rafales (12 second-hand and six new) ... for about €2.5 billion": one order)
    brk = unit_break(sent, counts[-1].end - sent.start, at)
    if brk is None or not any(is_main_count(sent, m) for m in sent.sub("qty", at, end)):
        return []
    return [(a, brk, None)]


def _count_units(sent: Sentence, a: int, b: int) -> list[tuple[int, int, MoneyM | None]]:
    """One unit per order the clause [a, b) counts ("1,000 K2 tanks, 672 K9 howitzers and 48 FA-50 jets")."""
    counts = [m for m in sent.sub("qty", a, b) if is_main_count(sent, m)]
    groups = _one_order_counts(sent, counts)
    if len(groups) <= 1:
        return [(a, b, None)]
    units: list[tuple[int, int, MoneyM | None]] = []
    start = a
    for i, group in enumerate(groups):
        # each unit runs to its last count's noun phrase and a little beyond ("152 more K9s in
        # December 2023"), never into the next count; the next unit starts where this one ends
        end = b if i == len(groups) - 1 else group[-1].end - sent.start + 45
        end = min(end, groups[i + 1][0].start - sent.start) if i + 1 < len(groups) else end
        units.append((start, end, None))
        start = end
    return units


def _one_order_counts(sent: Sentence, counts: list[QtyM]) -> list[list[QtyM]]:
    """The clause's counts, grouped by the order they count.

    "10 K9A1 and 142 K9A2 howitzers": variants of one family are one order; "152 howitzers,
    10 K9A1 and 142 K9A2": a total and the parts that add up to it are one order; "1,000 K2
    tanks, 672 K9 howitzers and 48 FA-50 jets": three.
    """
    if len(counts) <= 1:
        return [counts]
    values = [m.value.value for m in counts]
    if len(counts) >= 3 and values[0] == sum(values[1:]):
        return [counts]
    named = [_named_after(sent, m) for m in counts]
    groups: list[list[QtyM]] = [[counts[0]]]
    for prev, this, m in zip(named[:-1], named[1:], counts[1:], strict=True):
        same_family = (
            prev is not None
            and this is not None
            and (prev.family or prev.designation) == (this.family or this.designation)
            and prev.designation != this.designation
        )
        if same_family:
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def _named_after(sent: Sentence, m: QtyM) -> SystemMention | None:
    """The weapon a count names right after it ("142 K9A2"), if a designation."""
    after = [x for x in sent.sub("system") if m.start <= x.start <= m.end + 1 and not x.value.generic]
    return after[0].value if after else None


@attrs.define
class _Clause:
    """A clause that sells: its span, the span its status is read from, its amounts and their dates."""

    a: int
    b: int
    status_span: tuple[int, int]  # the whole sentence when it is one clause
    anchors: Sequence[MoneyM]
    times: dict[int, TimeSpan] = attrs.Factory(dict)  # amount start -> its date


def _unit_candidates(
    sent: Sentence,
    ctx: Context,
    recent: Sequence[Sentence],
    clause: _Clause,
    lo: int,
    hi: int,
    anchor: MoneyM | None,
) -> list[Candidate]:
    """The deal of the unit [lo, hi) (and the framework it falls under, when the unit says so).

    Slots are filled in this order: value, systems, quantity, status, date, direction; a unit
    with no value, no quantity and no system, a running total, or no two distinct parties
    yields nothing.
    """
    cues = ctx.cues
    low = sent.low
    cand = Candidate("deal", sent, lo, hi)
    if recent:
        prior = sentence_actors(recent[-1])
        cand.prior = tuple(p for p in prior if isinstance(p, Country))
        # ("Lithuania has stayed with NASAMS. In December 2023 it ordered ..., and it signed ... In the
        # same week it placed an order": "it" goes back past sentences that name no state)
        cand.antecedent = antecedent(recent)
    if anchor is not None:
        cand.aggregate = _is_a_sum(sent, clause, anchor, cues)
        cand.value = anchor.value
    _fill_systems(sent, lo, hi, cand, recent, anchor)
    if anchor is not None and not cand.aggregate:
        cand.aggregate = _several_makers_contracts(sent, clause, lo, hi)
    qty, n_qty = main_quantity(sent, lo, hi)
    cand.quantity = qty if (n_qty == 1 or len(cand.families) <= 1) and not cand.aggregate else None
    if anchor is None and _built_part(sent, clause, lo, hi):
        return []  # "where eight of the ships will be built": a share of the work, not a deal
    if cand.value is None and cand.quantity is None and not cand.systems:
        return []
    if cand.value is None and running_total(sent, lo, hi):
        return []  # "364 K9s are on firm order": a running total, not a deal
    under = fill_status(sent, clause.status_span, lo, hi, cand, cues)
    listed = ctx.approved_sales and not own_status(sent, cues)
    if listed and cand.status == "signed":
        cand.status = "planned"  # "The package also includes ... worth US$375 million": approved, not sold
    if cand.status == "framework" and sent.search_in(cues.compiled["remainder"], clause.a, hi):
        return []  # "the remaining K9s under the framework": what is left of it, not a deal
    _fill_date(sent, ctx, clause, lo, hi, anchor, cand, recent)
    cand.definite = bool(sent.search_in(_DEFINITE_DEAL, lo, hi))
    cand.detail = cand.value is None and _DETAIL.search(low, clause.a, clause.b) is not None
    deal_direction(sent, lo, hi, cand, ctx, (clause.a, clause.b))
    if anchor is not None and cand.first is not None and _listed_buyers(sent) >= 2:
        _listed_buyer(sent, anchor, cand)
    pair = ctx.approved_pair
    if listed and pair is not None and cand.sure < 2 and not _names_another(sent, pair):
        # an item of the approved package, with no verb of its own: the approval's seller and buyer
        # ("three NASAMS worth an estimated $1.16 billion" in a US approval for Taiwan: not Norway's)
        cand.first, cand.second = pair
    if cand.guessed:
        # the states named in this sentence and the two before: where a guessed side may come from
        cand.nearby = frozenset(
            m.party.code for s in (*recent[-2:], sent) for m in s.sub("place") if isinstance(m.party, Country)
        )
    if _supplied_as_aid(sent, cand, ctx) or bought_for_another(sent, lo, hi, cand, ctx):
        return []
    if cand.aggregate:
        assert anchor is not None
        cand.definite = False
        cand.count = _sum_count(sent, clause, anchor, cues)
        two = cand.first is not None and cand.second is not None and cand.first.code != cand.second.code
        return [cand] if two else []
    follow = cand.definite and cand.value is not None and not cand.families and cand.quantity is None
    if not follow and (cand.first is None or cand.second is None or cand.first.code == cand.second.code):
        return []  # (a figure for "the contract" joins the deal before it, whatever parties it names)
    if under and cand.families:
        return [cand, _framework_of(cand)]
    return [cand]


def _listed_buyer(sent: Sentence, anchor: MoneyM, cand: Candidate) -> None:
    """ "... three buyers: the United Arab Emirates ($3.5 billion, 2022), Saudi Arabia ($3.2 billion,
    signed in 2023) and ...": the state before the amount's brackets buys, at the date inside them."""
    assert cand.first is not None
    buyer = listed_party(sent, anchor.start - sent.start)
    if buyer is None:
        return
    cand.second = buyer
    items = {p.code for m in sent.sub("money") if (p := listed_party(sent, m.start - sent.start)) is not None}
    if cand.first.code in items:
        # ("signed with four countries: the Philippines (600 million yen, ...), Bangladesh (575 million
        # yen, ...)": every state of the list is a counterpart; the first sells the others nothing)
        cand.first = None
    close = sent.low.find(")", anchor.end - sent.start)
    dated = [t for t in sent.sub("time", anchor.end - sent.start, close) if t.value.start is not None]
    if close > 0 and dated:
        cand.date = dated[0].value


def _names_another(sent: Sentence, pair: tuple[Party, Party]) -> bool:
    """Whether the sentence names a state (or its leader) outside ``pair``: the item is theirs then.

    "... Defence Minister Kosiniak-Kamysz announced a $735 million contract for the missiles": in
    a recap of approvals for several buyers, Poland's, not the first buyer's.
    """
    return any(
        m.kind in ("place", "person") and isinstance(m.party, Country) and m.party not in pair
        for m in sent.mentions
    )


#: a price, a contract, an order: a transfer to the article's aid recipient that is a sale
_SOLD = CuePattern(r"\b(?:⟨priced⟩)\b")
#: verbs of handing weapons over, sold or given: "has supplied Ukraine with", "delivered", "sent"
_HANDED = CuePattern(r"\b(?:⟨handed⟩)\b")


def _supplied_as_aid(sent: Sentence, cand: Candidate, ctx: Context) -> bool:
    """ "The UK has already supplied Ukraine with Challenger 2 tanks": weapons the article's aid
    recipient got with no price, no contract and no order are given, not sold -- no deal."""
    gets = ctx.aid_recipient
    if gets is None or cand.second is None or cand.second.code != gets.code or cand.value is not None:
        return False
    return sent.search(_HANDED) is not None and sent.search(_SOLD) is None


def _is_a_sum(sent: Sentence, clause: _Clause, anchor: MoneyM, cues: Cues) -> bool:
    """An amount that sums several deals: "in total $5.8 billion", "worth $5.8 billion combined",
    "six executive contracts with South Korean companies worth about $16.5 billion".
    """
    rel = anchor.start - sent.start
    low = sent.low
    if aggregate_before(low, max(clause.a, rel - 40), rel, cues) or sent.match(
        COMBINED_AFTER, anchor.end - sent.start
    ):
        return True
    counted = cues.compiled["sum_nouns"].search(low, max(clause.a, rel - 80), rel)
    if counted is not None and not sent.sub("money", counted.end(), rel):
        # ("the first two Chunmoo contracts, 5 trillion won for 218 launchers and 2.2 trillion won
        # for 72 more": as many amounts follow as the noun counts, one for each contract)
        n = _counted(counted)
        listed = [an for an in clause.anchors if an.start - sent.start >= counted.end()]
        return not (n is not None and len(listed) >= n >= 2 and sent.match(_LIST_AFTER, counted.end()))
    # "Poland has signed Korean contracts worth some $16.5 billion since 2022": deals over a period
    return sent.search_in(_PLURAL_SINCE, clause.a, clause.b) is not None and len(clause.anchors) == 1


#: a plural deal noun: "executive contracts", "the deals"
_PLURAL_DEALS = re.compile(r"\b(?:contracts|deals|orders)\b")


def _several_makers_contracts(sent: Sentence, clause: _Clause, lo: int, hi: int) -> bool:
    """One figure for "contracts" with weapons of two makers or more: a sum of their contracts.

    "Hyundai Rotem and Hanwha Defense ink US$5.76 bn executive contracts with Poland for K2
    tanks, K9 howitzers": each maker signed its own contract; the figure adds them up.
    """
    if not sent.search_in(_PLURAL_DEALS, clause.a, clause.b):
        return False
    makers = {m.value.maker for m in sent.sub("system", lo, hi) if not m.value.generic and m.value.maker}
    return len(makers) >= 2


def _sum_count(sent: Sentence, clause: _Clause, anchor: MoneyM, cues: Cues) -> int | None:
    """How many deals a sum adds up, where the text counts them ("six executive contracts")."""
    rel = anchor.start - sent.start
    counted = cues.compiled["sum_nouns"].search(sent.low, max(clause.a, rel - 80), rel)
    return None if counted is None else _counted(counted)


def _counted(counted: re.Match[str]) -> int | None:
    """The number a counted deal noun states ("six executive contracts": 6), if a number."""
    return _number(counted.group(0).split(" ", 1)[0])


def _number(word: str) -> int | None:
    """A count written in digits or as a word ("218", "six"), if it is one."""
    return int(word) if word.isdigit() else COUNT_WORDS.get(word)


#: "the two contracts, ...", "three orders: ...": the deals counted are listed next
_LIST_AFTER = re.compile(r"[^,:;$€£\d]{0,30}[,:]")


def _fill_systems(
    sent: Sentence, lo: int, hi: int, cand: Candidate, recent: Sequence[Sentence], anchor: MoneyM | None
) -> None:
    """The weapons of the unit: named in it, else inherited by category, else named just before.

    "... for up to 1,000 K2 tanks and an executive contract for the first 180, worth $3.37
    billion": a priced unit that names no weapon is for the weapons the sentence already named
    (unless it prices "the deal" itself).
    """
    systems_in(sent, lo, hi, cand)
    if not cand.families:
        inherit_systems(sent, lo, hi, cand, recent)
    # (not "the deal" after the amount: "signed a $3.2 billion contract for the system ..., and the deal
    # was disclosed in February" prices the system)
    priced = anchor is not None and not sent.search(_DEFINITE_DEAL, lo, max(lo, anchor.end - sent.start))
    if not cand.families and (priced or _more_of_the_same(sent, lo, hi)):
        named = [m for m in sent.sub("system", 0, lo) if not m.value.generic]
        more = _more_of_the_last(sent, recent) or (priced and sent.search_in(_THE_WEAPON, lo, hi) is not None)
        if not named and not sent.sub("system") and more:
            # "Embraer's C-390 has become the default choice ... Czechia ordered two": the weapon
            # the sentence before named, when this one names none and counts bare units it buys (or
            # prices "the system")
            last = _last_named(recent)
            if last is not None:
                before, system = last
                systems_in(before, system.start - before.start, system.end - before.start, cand)
                if system.party is not None:
                    cand.origins.append(system.party)
                return
        if named:
            systems_in(sent, named[-1].start - sent.start, named[-1].end - sent.start, cand)
            if named[-1].party is not None:
                cand.origins.append(named[-1].party)




def _more_of_the_same(sent: Sentence, lo: int, hi: int) -> bool:
    """A bare count of more of a weapon just named: "has leased 14 Gripen C/Ds ..., ordered four more"."""
    for m in sent.sub("qty", lo, hi):
        if m.value.unit:
            continue
        rel, end = m.start - sent.start, m.end - sent.start
        more = _MORE_AFTER.match(sent.low, end) or _MORE_AFTER.search(sent.low, rel, end)
        if more or _ANOTHER_BEFORE.search(sent.low, max(0, rel - 10), rel):
            return True
    return False


def _last_named(recent: Sequence[Sentence]) -> tuple[Sentence, SystemM] | None:
    """The weapon named last in the two sentences before, with its sentence."""
    for before in reversed(recent[-2:]):
        named = [m for m in before.sub("system") if not m.value.generic]
        if named:
            return before, named[-1]
    return None


def _more_of_the_last(sent: Sentence, recent: Sequence[Sentence]) -> bool:
    """A sentence that names no weapon but buys a bare count right after its verb ("Czechia ordered
    two in October 2024 for CZK 11.3 billion", "placed a firm order for four"), after one of the two
    sentences before named one: more of that weapon."""
    # (not "France is paying for 12 of them with 50 million euros from its support fund": a gift)
    if sent.sub("system") or sent.search(sent.cues.compiled["aid"]) or _last_named(recent) is None:
        return False
    for m in sent.sub("qty"):
        rel = m.start - sent.start
        if not m.value.unit and sent.find(_BOUGHT_COUNT_BEFORE, max(0, rel - 40), rel):
            return True
    return False


#: "ordered two", "placed a firm order for four", "bought three": a purchase verb right before a bare count
_BOUGHT_COUNT_BEFORE = CuePattern(
    r"\b(?:⟨buy⟩)\s+(?:(?:a|an)\s+(?:firm\s+)?order\s+for\s+)?$|\border\s+for\s+$"
)

#: "four more", "12 additional": a bare count of the same weapon again
_MORE_AFTER = re.compile(r"\s+(?:more|additional|extra)\b")
_ANOTHER_BEFORE = re.compile(r"\banother\s+$")


def _fill_date(
    sent: Sentence,
    ctx: Context,
    clause: _Clause,
    lo: int,
    hi: int,
    anchor: MoneyM | None,
    cand: Candidate,
    recent: Sequence[Sentence] = (),
) -> None:
    """The unit's date: the one paired with its amount, else the clause's; else the report's year.

    A sentence that says it follows the one before ("The first executive contracts followed
    within weeks", "later that year") and states no time of its own takes the year of the last
    time the sentence before states.  Only a planned or signed deal takes the year it is reported
    in when the text gives none.
    """
    if anchor is not None:
        cand.date = clause.times.get(anchor.start) or (
            nearest_time(sent, clause.a, clause.b) if len(clause.anchors) == 1 else _date_before(sent, anchor)
        )
    else:
        cand.date = nearest_time(sent, lo, hi) or nearest_time(sent, clause.a, clause.b)
    where = _WHERE_WHEN.search(sent.low, 0, clause.a + 2) if cand.date is None else None
    if where is not None:
        # "... came on 21 December in Tallinn, where KOTRA ... signed a contract": what the relative
        # adverb's clause tells happened at the time stated before it
        cand.date = _last_stated(sent, where.start())
    if cand.date is None and recent and not sent.sub("time") and sent.search(_FOLLOWS):
        cand.date = _year_before(recent[-1])
    if (
        cand.date is not None
        and cand.date.start is not None
        and ctx.published is not None
        and cand.date.start > ctx.published
        and (cand.date.relation == "since" or cand.date.precision == "decade")
    ):
        # "intends to sell Australia three Virginia-class submarines from the early 2030s", "from
        # 2028": a decade or a start after the report is when deliveries begin, not when the deal
        # was made (a plan is dated by its report)
        cand.date = None
    if cand.date is None and cand.status in ("planned", "signed") and ctx.published is not None:
        cand.date = report_year(ctx.published)


#: ", where KOTRA signed", ", when Poland ordered": a clause set at the time the clause before states
_WHERE_WHEN = re.compile(r",\s*(?:where|when)\b")
#: "followed within weeks", "later that year", "soon after": a sentence told after the one before
_FOLLOWS = CuePattern(r"\b(?:⟨follows⟩)\b")


def _year_before(prev: Sentence) -> TimeSpan | None:
    """The year of the last time the sentence before states, its words kept as the evidence."""
    last = _last_stated(prev, len(prev.low))
    if last is None or last.start is None:
        return None
    year = last.start.year
    return TimeSpan(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", last.text, "at", last.span)


def _date_before(sent: Sentence, anchor: MoneyM) -> TimeSpan | None:
    """The last date stated before an amount in its sentence, for a list the date heads.

    "In August 2022 Poland ordered 180 K2 tanks for US$3.37 billion and 212 K9A1 howitzers for
    US$2.4 billion; in September, ...": both contracts are of August 2022.
    """
    return _last_stated(sent, anchor.start - sent.start)


def _last_stated(sent: Sentence, hi: int) -> TimeSpan | None:
    """The last resolved time the words of ``sent`` state before ``hi``, if it dates ("in",
    "since") rather than bounds ("until 2028")."""
    before = [t.value for t in sent.sub("time", 0, hi) if t.value.start is not None and t.value.text]
    if not before or before[-1].relation not in ("at", "since"):
        return None
    return before[-1]


def _framework_of(cand: Candidate) -> Candidate:
    """The framework a contract "under a framework" falls under: same parties and weapons, no figures."""
    return attrs.evolve(
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


class DealRule:
    """Arms deals: who sells what to whom, for how much, when (see :func:`deal_candidates`)."""

    field: ClassVar[str] = "arms_deals"

    def __init__(self) -> None:
        self.found: list[Candidate] = []
        self.arms_topic = False  # whether a sentence read so far names weapons or arms

    def read(self, sent: Sentence, reading: Reading) -> None:
        here = deal_candidates(sent, reading.ctx, reading.recent, bool(self.found), self.arms_topic)
        self.arms_topic = self.arms_topic or bool(
            sent.sub("system") or sent.search(reading.ctx.cues.compiled["arms"])
        )
        if not here or reading.found.get("gift_parts"):
            return  # (nor the parts of the gift the sentence before told: see AidRule.read)
        # an amount the aid rule read as a gift in this sentence is not also a sale
        given = {id(c.value) for c in reading.found.get("aid_packages", ())}
        here = [c for c in here if c.value is None or id(c.value) not in given]
        self.found.extend(c for c in here if not c.aggregate)
        reading.sums.extend(c for c in here if c.aggregate)

    def records(self, reading: Reading) -> tuple[ArmsDeal, ...]:
        # the sums of deals this rule met follow the article's clear directions too
        self.found = settle_guessed(self.found)
        orient([*self.found, *(c for c in reading.sums if c.kind == "deal")])
        return tuple(
            ArmsDeal(
                supplier=c.first,
                recipient=c.second,
                status=cast(DealStatus, c.status),
                value=reading.money(c.value),
                alt_values=tuple(
                    reading.money(m) for m in (*c.alt_values, *(c.value.equivalents if c.value else ()))
                ),
                date=reading.time(c.date),
                systems=tuple(c.systems),
                quantity=c.quantity,
                contractors=tuple(c.contractors),
                evidence=reading.evidence([c.sentence, *c.sentences]),
            )
            for c in merge(self.found)
            if not c.unoriented
        )
