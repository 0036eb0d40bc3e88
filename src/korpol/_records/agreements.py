"""Agreement rules: memoranda, action plans, declarations, partnerships and the like.

Each agreement noun of a sentence owns a stretch of it; the parties acting there (or in the
sentences just before) sign it, and repeated mentions ("the Accord") join the first.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import ClassVar, cast

import attrs

from korpol._mentions.numbers import COUNT_WORDS, count_value, read_spoken
from korpol._mentions.scan import PlaceM, TimeM
from korpol._mentions.time_patterns import MONTHS
from korpol._model import (
    Agreement,
    AgreementKind,
    Country,
    Organization,
    Party,
    TimeSpan,
)
from korpol._model.values import time_in_original
from korpol._records.context import Context, report_year
from korpol._records.cues import CuePattern, Cues
from korpol._records.evidence import evidence_for
from korpol._records.merge import year_of
from korpol._records.roles import BOTH, GROUP_NOUNS, WITH, actors, excluded, local_parties, sentence_actors
from korpol._records.rules import Reading
from korpol._records.sentence import Sentence, clauses_wide
from korpol._regex import may_match, may_match_any
from korpol._text import NormalizedText

__all__ = ["RawAgreement", "agreement_candidates", "merge_agreements", "refers_to_both"]




def refers_to_both(low: str) -> bool:
    """Whether a sentence that names no party refers to the two just named ("At the same ceremony
    the two ministers signed a joint declaration", "The leaders also witnessed the signing of a
    memorandum"): the agreement rule reads it all the same."""
    return BOTH.search(low) is not None or _THE_SIGNERS.match(low) is not None


#: "The leaders also witnessed ...", "The ministers then signed ...": the sentence's subject is the
#: people just named
_THE_SIGNERS = re.compile(r"\s*the (?:leaders|ministers|presidents|prime ministers|two sides)\b")


_TERM = CuePattern(
    r"\b(?:(?:⟨term_verbs⟩)\w* for|(?:a )?(?:duration|term|period) of) (\w+) years\b"
    # "a 100-year partnership", "a ten-year security agreement", 'a 10-year "Framework for ...': the
    # term names the document
    r"|\b(\d+|[a-z]+(?:-[a-z]+)?)-year [\"“]?(?:[\w-]+ ){0,2}[\"“]?"
    r"(?:partnership|treaty|agreement|pact|accord|deal|framework)s?\b"
)
#: a sentence that speaks of the agreement just told: "The agreement is valid for ten years"
_BACK_REFERENCE = re.compile(
    r"\s*(?:the (?:agreement|accord|pact|treaty|document|arrangement|deal)|it|this)\b"
)


@attrs.frozen
class RawAgreement:
    parties: tuple[Party, ...]
    kind: str
    date: TimeSpan | None
    until: TimeSpan | None
    term_years: int | None
    topics: tuple[str, ...]
    sentence: Sentence
    definite: bool
    weak: bool = False  # no signing verb: it may only join an agreement found elsewhere
    signatories: tuple[str, ...] = ()





_SIGNING = CuePattern(r"\b(?:⟨signing⟩)\b")


#: "... for the strategic partnership the two countries established in 2013": a clause of its own
#: says when the second noun began, so it names an agreement of its own
_OWN_ORIGIN = re.compile(
    r"(?:,?\s+(?:that|which))?\s+"
    r"(?:(?:the|both|their) (?:two )?(?:countries|sides|nations|governments)|they)?"
    r"\s*(?:had |have |was |were )?"
    r"(?:established|signed|concluded|launched|agreed|dates back to|dating back to)"
    r"\s+(?:in\s+)?(?:\w+\s+)?\d{4}\b"
)


def _agreement_mentions(low: str, cues: Cues) -> list[tuple[str, re.Match[str]]]:
    """Every agreement noun in the sentence, the most specific kind winning where two overlap.

    >>> from korpol._records.cues import DEFAULT_CUES
    >>> [kind for kind, _ in _agreement_mentions("they signed a memorandum of understanding.", DEFAULT_CUES)]
    ['mou']
    """
    found: list[tuple[str, re.Match[str]]] = []
    if not may_match_any(cues.compiled_agreement_patterns, low):
        return found
    for kind, pattern in cues.compiled_agreement_kinds:
        if not may_match(pattern, low):
            continue  # none of the kind's words can start here: skip its search
        for match in pattern.finditer(low):
            if any(match.start() < m.end() and m.start() < match.end() for _, m in found):
                continue
            found.append((kind, match))
    found.sort(key=lambda km: km[1].start())
    # a name holds one agreement: "a memorandum of understanding (MOU)", "the Action Plan for the
    # Implementation of the Strategic Partnership", "the Hiroshima Accord on a strategic partnership"
    kept: list[tuple[str, re.Match[str]]] = []
    for kind, match in found:
        if kept:
            between = low[kept[-1][1].end() : match.start()]
            if (
                len(between) < 60
                and not re.search(r",|;|\band\b|\b(?:was|were|is|are|has|have|signed|adopted)\b", between)
                and not _OWN_ORIGIN.match(low, match.end())
            ):
                continue
        kept.append((kind, match))
    return kept


def _agreement_regions(sent: Sentence, mentions: list[tuple[str, re.Match[str]]]) -> list[tuple[int, int]]:
    """The stretch of text each agreement noun owns: its clause, split between nouns at a comma or "and"."""
    regions = []
    clauses = clauses_wide(sent)
    for i, (_, match) in enumerate(mentions):
        lo, hi = next(((a, b) for a, b in clauses if a <= match.start() < b), (0, len(sent.low)))
        if i > 0:
            prev = mentions[i - 1][1]
            if lo <= prev.start():
                cut = max(
                    sent.low.rfind(", ", prev.end(), match.start()),
                    sent.low.rfind(" and ", prev.end(), match.start()),
                )
                lo = cut + 1 if cut >= 0 else match.start()
        if i + 1 < len(mentions):
            nxt = mentions[i + 1][1]
            if nxt.start() < hi:
                cut = max(
                    sent.low.rfind(", ", match.end(), nxt.start()),
                    sent.low.rfind(" and ", match.end(), nxt.start()),
                )
                hi = cut if cut >= 0 else nxt.start()
        regions.append((lo, max(hi, match.end())))
    return regions


def agreement_candidates(sent: Sentence, ctx: Context, recent: Sequence[Sentence]) -> list[RawAgreement]:
    cues = ctx.cues
    low = sent.low
    mentions = _agreement_mentions(low, cues)
    if not mentions:
        return []
    out: list[RawAgreement] = []
    regions = _agreement_regions(sent, mentions)
    for (kind, match), (lo, hi) in zip(mentions, regions, strict=True):
        out.extend(_agreement_at(sent, ctx, recent, kind, match, lo, hi, len(mentions)))
    return out


def _with_a_company(sent: Sentence, lo: int, hi: int) -> bool:
    """The first party named after "with" in [lo, hi) is a company, not a state or organisation."""
    w = WITH.search(sent.low, lo, hi)
    if w is None:
        return False
    after = [
        m
        for m in sent.mentions
        if w.end() <= m.start - sent.start < min(hi, w.end() + 60) and m.kind in ("place", "company")
    ]
    return bool(after) and after[0].kind == "company"


def _agreement_at(
    sent: Sentence,
    ctx: Context,
    recent: Sequence[Sentence],
    kind: str,
    match: re.Match[str],
    lo: int,
    hi: int,
    siblings: int,
) -> list[RawAgreement]:
    """The agreement named by ``match``, reading parties and dates in [lo, hi) first.

    The steps: is the noun an agreement at all (:func:`_names_an_agreement`); who are its
    parties (:func:`_agreement_parties`); when was it signed and until when
    (:func:`_agreement_when`); how many does the noun count (:func:`_agreement_count`).
    ``siblings`` is the number of agreement nouns in the sentence.
    """
    cues = ctx.cues
    low = sent.low
    if not _names_an_agreement(sent, kind, match, lo, hi, cues):
        return []
    weak = (
        not sent.search(cues.compiled["agreement_verbs"])
        and kind != "strategic_partnership"
        and not _issued_in(sent, match)
        and not _dated_name(sent, match)
    )
    # (a plural noun: "a pact with the United States and Britain" is one pact of three)
    partners = _partners_after(sent, match.end(), hi) if match.group(0).endswith("s") else []
    if not partners:
        # "The treaty is modelled on those France signed with Germany in 2019, Italy in 2021 and
        # Spain in 2023": a signing verb after the noun, with two or more partners each dated
        signed = _SIGNED_WITH.search(low, match.end(), hi)
        listed = _partners_after(sent, signed.start(), hi) if signed else []
        if len(listed) >= 2 and all(when is not None for _, when in listed):
            partners = listed
    # "after the Aachen Treaty with Germany in 2019, the Quirinal Treaty with Italy in 2021 ...": a
    # named agreement recalled with its one partner and its year, between the subject and that partner
    recalled = False
    singular = not match.group(0).endswith("s")
    if not partners and singular and _NAMED_BEFORE.search(sent.text, 0, match.start()):
        single = _partners_after(sent, match.end(), hi)
        recalled = len(single) == 1 and single[0][1] is not None
        partners = single if recalled else []
    if (len(partners) >= 2 or recalled) and (not weak or all(when is not None for _, when in partners)):
        # "similar agreements with Australia in 2022 and the United Kingdom in 2023": one each,
        # between the subject and each partner, dated by the year told beside that partner
        parties = _agreement_parties(sent, ctx, recent, match, lo, hi, siblings)
        date = _agreement_when(sent, ctx, match, lo, hi, siblings, recent)[0]
        named = {p.code for p, _ in partners}
        before = [m.party for m in sent.sub("place", 0, match.start()) if isinstance(m.party, Country)]
        subject = next((p for p in [*parties, *before] if p.code not in named), None)
        if subject is None:
            return []
        topics = _topics(low, cues)
        return [
            RawAgreement((subject, partner), kind, when or date, None, None, topics, sent, False)
            for partner, when in partners
        ]
    each = _one_per_signer(sent, ctx, match, lo, partners, weak)
    if each is not None:
        partner, signers, when = each
        date, until, term_years = _agreement_when(sent, ctx, match, lo, hi, siblings, recent)
        topics = _topics(low, cues)
        return [
            RawAgreement((signer, partner), kind, when or date, until, term_years, topics, sent, False)
            for signer in signers
        ]
    if weak and not re.search(
        r"\b(?:the|this|that)\s+(?:\w+\s+){0,2}$", low[max(0, match.start() - 30) : match.start()]
    ):
        return []  # no signing verb: only "the agreement" may join one found elsewhere
    parties = _agreement_parties(sent, ctx, recent, match, lo, hi, siblings)
    if not parties or (len(parties) == 1 and isinstance(parties[0], Country)):
        return []  # a state alone signs nothing with anyone the text names
    date, until, term_years = _agreement_when(sent, ctx, match, lo, hi, siblings, recent)
    count = _agreement_count(low[lo:hi], date)
    if count == 0:
        return []
    topics = _topics(low, cues)
    definite = bool(re.search(r"\b(?:the|this|that)\s+$", low[max(0, match.start() - 6) : match.start()]))
    return [
        RawAgreement(
            tuple(parties),
            kind,
            date,
            until,
            term_years,
            topics,
            sent,
            definite and count == 1,
            weak,
            _signatories(sent, lo, hi, siblings),
        )
        for _ in range(min(count, 10))
    ]


def _one_per_signer(
    sent: Sentence,
    ctx: Context,
    match: re.Match[str],
    lo: int,
    partners: Sequence[tuple[Party, TimeSpan | None]],
    weak: bool,
) -> tuple[Party, list[Party], TimeSpan | None] | None:
    """(partner, signers, time) when a plural noun is one agreement per signer, else None.

    "Italy and Canada signed 10-year security agreements with Ukraine": two or more signers
    before the noun and one partner after it.  "Britain, Germany and France signed similar
    agreements": no partner named, so the article's main state that is none of the signers
    (the words "similar", "such", "their countries'" say the agreements are each their own).
    """
    if weak or not match.group(0).endswith("s") or len(partners) > 1:
        return None
    signers: list[Party] = [p for p in actors(sent, lo, match.start()) if isinstance(p, Country)]
    when = None
    if partners:
        partner, when = partners[0]
    else:
        if not sent.find(_DISTRIBUTIVE_BEFORE, max(0, match.start() - 40), match.start()):
            return None
        found = ctx.partner(None, exclude=[p.code for p in signers])
        if found is None:
            return None
        partner = found
    signers = [p for p in signers if p.code != partner.code]
    if len(signers) < 2 or len({p.code for p in signers}) < len(signers):
        return None
    return partner, signers, when


#: "the Aachen Treaty", "the Quirinal Treaty": an agreement's own name right before its noun
_NAMED_BEFORE = re.compile(r"\bthe\s+[A-Z][\w'-]+\s+$")

#: "similar 10-year agreements", "their countries' agreements": one agreement per signer
_DISTRIBUTIVE_BEFORE = CuePattern(r"\b(?:⟨distributive⟩)\s+(?:[\w-]+\s+){0,3}$")

#: "those France signed with Germany in 2019, ...": the verb before a dated list of partners
_SIGNED_WITH = re.compile(r"\bsigned\s+with\s+")

#: "agreements with Australia ..., and with the United Kingdom": the words before a partner
_WITH_PARTNER = re.compile(r"\s*(?:signed\s+)?with\s+(?:the\s+)?$")
_AND_PARTNER = re.compile(r"\s*(?:,\s*|\s)(?:and\s+)?(?:(?:another\s+|one\s+)?with\s+)?(?:the\s+)?$")
#: between a partner and its year: " in ", " in aachen in ", " at the quirinal palace in " (where it was
#: signed may stand between)
_PARTNER_TIME = re.compile(
    r"\s+(?:signed\s+)?(?:(?:in|at)\s+(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,2}?\s+)?in\s+$"
)


_AT_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")


def _seat(sent: Sentence, m: PlaceM) -> bool:
    """Whether the place ``m`` follows "in" or "at": where something was signed."""
    rel = m.start - sent.start
    return _AT_PLACE.search(sent.low, max(0, rel - 8), rel) is not None


def _partners_after(sent: Sentence, start: int, hi: int) -> list[tuple[Party, TimeSpan | None]]:
    """The states an agreement noun lists "with" right after it, each with the time told beside it
    ("with Australia in 2022 and the United Kingdom in 2023")."""
    low = sent.low
    # (not where one was signed: "with Germany in Aachen in 2019" — a capital after "in" or "at")
    countries = [
        m
        for m in sent.sub("place", start, hi)
        if isinstance(m.party, Country)
        and m.form != "demonym"
        and not (m.form == "capital" and _seat(sent, m))
    ]
    if not countries or not _WITH_PARTNER.match(low, start, countries[0].start - sent.start):
        return []
    times = sent.sub("time", start, hi)
    out: list[tuple[Party, TimeSpan | None]] = []
    pos = start
    for i, m in enumerate(countries):
        rel = m.start - sent.start
        gap = _WITH_PARTNER if i == 0 else _AND_PARTNER
        if not gap.fullmatch(low, pos, rel) and not (i == 0 and gap.match(low, pos, rel)):
            break
        assert m.party is not None
        pos = m.end - sent.start
        when = next((t for t in times if _PARTNER_TIME.fullmatch(low, pos, t.start - sent.start)), None)
        if when is not None:
            pos = when.end - sent.start
        out.append((m.party, when.value if when is not None else None))
    return out


def _topics(low: str, cues: Cues) -> tuple[str, ...]:
    """The topics (``cues.topics``) the sentence names ("defence" for "defense")."""
    return tuple(t for t in cues.topics if t in low or (t == "defense" and "defence" in low))


def _names_an_agreement(
    sent: Sentence, kind: str, match: re.Match[str], lo: int, hi: int, cues: Cues
) -> bool:
    """Whether the noun names a pact rather than a deal.

    An arms framework is an arms deal; a bare "agreement" beside a purchase verb, an amount
    or a weapon ("agreed to buy", "a contract") is a deal, and one "signed with the
    manufacturer, General Atomics" is a contract.
    """
    if kind == "framework" and (
        sent.sub("system")
        or sent.search(cues.compiled["arms"])
        # ("a framework arrangement ... to extend US$2.1 billion in loans": a framework for lending)
        or (sent.sub("money") and not sent.search(cues.compiled["lent"]))
    ):
        return False
    generic = kind == "other" and re.fullmatch(r"agreements?", match.group(0)) is not None
    if generic and (
        cues.compiled["buy"].search(sent.low[lo:hi])
        or sent.sub("money", lo, hi)
        or sent.sub("system", lo, hi)
    ):
        return False
    return not (generic and _with_a_company(sent, lo, hi))


def _agreement_parties(
    sent: Sentence,
    ctx: Context,
    recent: Sequence[Sentence],
    match: re.Match[str],
    lo: int,
    hi: int,
    siblings: int,
) -> list[Party]:
    """The parties of the agreement: its actors, an organisation's members, or those referred back to.

    "NATO allies adopted ...": the organisation.  "X and Y signed an agreement under which Z
    ...": the signers before the noun.  "The two countries signed ...", or a single actor:
    completed from the sentence's own actors (a list of agreements shares its subject), then
    the last sentences', then the article's main pair.
    """
    low = sent.low
    three = _three(sent, recent, lo, hi)
    if three:
        return three
    parties = actors(sent, lo, hi)
    before = actors(sent, lo, match.start())
    body = [
        m
        for m in sent.sub("place", lo, hi)
        if isinstance(m.party, Organization)
        and re.match(r"\s*(?:allies|members|leaders|member states|countries)\b", low[m.end - sent.start :])
    ]
    if body and body[0].party is not None:
        return [body[0].party]
    if len(before) >= 2:
        parties = before
    if BOTH.search(low[lo:hi]) and len(parties) < 2:
        # "in Sri Lanka's case it sits alongside a memorandum the two governments signed during Mr
        # Modi's visit to Colombo": the two states the sentence itself names, by place or by leader
        own: dict[str, Party] = {}
        for m in sent.mentions:
            if m.kind in ("place", "person") and isinstance(m.party, Country) and not excluded(sent, m):
                own.setdefault(m.party.code, m.party)
        # (not when an organisation acts: "G7 leaders at the NATO Summit in Vilnius ... signed")
        bodies = any(isinstance(m.party, Organization) for m in sent.sub("place"))
        if len(own) == 2 and not bodies:
            return list(own.values())
    if BOTH.search(low[lo:hi]) or len(parties) < 2:
        local = local_parties([*recent, sent])
        main = [p for p in ctx.principal if any(p.code == x.code for x in local)]
        told: Sequence[Party] = sentence_actors(recent[-1]) if recent else ()
        last: list[Party] = [p for p in told if isinstance(p, Country)]
        nobody = not sent.sub("place") and not sent.sub("person")
        before_places = recent[-1].sub("place") if recent else []
        named_last = {m.party.code for m in before_places if isinstance(m.party, Country)}
        if nobody and len(main) == 2 and {p.code for p in main} <= named_last:
            # "... after neighbouring Croatia bought 12 used Rafales from France. ... the two governments
            # signed letters of intent": the article's two, both named just before, not Croatia
            local = main
        elif nobody and len(last) == 2:
            # "The UAE signed for the Cheongung-II during a visit by Moon ... . On the same occasion, the
            # two governments signed an MOU": the two the sentence before names
            local = last
        elif nobody and len(main) == 2:
            # a sentence that names nobody ("Following the summit, the two governments signed three
            # memoranda"): the article's two, when the sentences before name them, not the last two
            # states those sentences happened to name
            local = main
        pronoun = _PRONOUN.match(low) is not None
        if not parties and nobody and ctx.many_states and not pronoun and BOTH.search(low) is None:
            # ("In barely twelve weeks, governments on both sides of Eurasia have signed agreements",
            # in a story of many states: whose, the words do not say)
            return []
        # one signer and no one referred to ("In Berlin, Chancellor Olaf Scholz signed a 10-year
        # agreement", in a story of Ukraine's pacts): the article's main state before those the
        # sentences before happened to name
        # (not "Manila continued to add partners. Its Reciprocal Access Agreement with Japan ...": the
        # pronoun's state, named just before)
        referred = pronoun or BOTH.search(low[lo:hi]) is not None
        alone = len(parties) == 1 and siblings == 1 and not referred
        pool = [
            *(sentence_actors(sent) if siblings > 1 else ()),
            *(ctx.principal if alone else ()),
            *local,
            *ctx.principal,
        ]
        for p in pool:
            if len(parties) >= 2:
                break
            if p.code not in [x.code for x in parties]:
                parties.append(p)
    return parties


#: a sentence opening on a pronoun for the state just named
_PRONOUN = re.compile(r"\s*(?:its|their|it|they)\b")


def _three(sent: Sentence, recent: Sequence[Sentence], lo: int, hi: int) -> list[Party]:
    """The three states of "the three countries signed a treaty" or "the leaders of Japan, the UK and
    Italy": the sentence's three, else the three the sentence before names (else none)."""
    low = sent.low
    listed = _LEADERS_OF.search(low, lo, hi)
    if _THREE.search(low, lo, hi) is None and listed is None:
        return []
    pools = [sent] if listed is not None else [sent, *reversed(recent[-1:])]
    for s in pools:
        states: dict[str, Party] = {}
        for m in s.sub("place"):
            if isinstance(m.party, Country) and not excluded(s, m):
                states.setdefault(m.party.code, m.party)
        if len(states) != 3:
            # ("Olaf Scholz hosted Macron and Tusk in Berlin. The three leaders issued a joint
            # declaration": the three named by their leaders)
            for person in s.sub("person"):
                if isinstance(person.party, Country):
                    states.setdefault(person.party.code, person.party)
        if len(states) == 3:
            return list(states.values())
    return []


#: "the three countries", "the three ministers": a trilateral signing
_THREE = re.compile(rf"\bthe three (?:{GROUP_NOUNS})\b")
#: "the leaders of Japan, the UK and Italy": all three listed sign
_LEADERS_OF = re.compile(
    r"\b(?:leaders|ministers|governments|heads of (?:state|government)) of (?:the )?[\w.' -]+,"
    r" (?:the )?[\w.' -]+,? and\b"
)


def _agreement_when(
    sent: Sentence,
    ctx: Context,
    match: re.Match[str],
    lo: int,
    hi: int,
    siblings: int,
    recent: Sequence[Sentence] = (),
) -> tuple[TimeSpan | None, TimeSpan | None, int | None]:
    """(date, until, term in years): the dates nearest the noun, else the sentence's, else the report's year.

    Only an agreement said to be signed takes the year it is reported in.  "in effect for ten
    years" is a term, turned into an end date when the agreements of the article are merged.
    """
    low = sent.low
    date, until = _agreement_dates(sent, match, lo, hi)
    if date is None:
        date, until2 = _agreement_dates(sent, match, 0, len(low)) if siblings == 1 else (None, None)
        until = until or until2
    if until is not None and _DATES_BACK.search(low, max(0, match.end()), hi):
        # "the strategic partnership, which dates back to 1998": where it begins, not where it ends
        date, until = until, None
    if (
        date is None
        and recent
        and not match.group(0).endswith("s")  # (not "the four foundational agreements": a set recalled)
        and (_THREE.match(low) or _THE_SIGNERS.match(low) or BOTH.match(low))
    ):
        # "... when Olaf Scholz hosted Macron and Tusk in Berlin in March 2024. The three leaders
        # issued a joint declaration": the people just named, at the one time just told
        told = _times_told(recent[-1])
        date = told[0].value if len(told) == 1 else None
    if date is None and recent and _SAME_OCCASION.search(low):
        # "At the same ceremony the two ministers signed ...": the occasion the sentence before dated
        told = _times_told(recent[-1])
        date = told[-1].value if told else None
    # ("the two governments signed letters of intent ... and several business agreements": the first
    # noun is what the verb before it signed, even with a second noun in the sentence)
    signed_it = siblings == 1 or sent.find(_SIGNED_JUST_BEFORE, max(lo, match.start() - 30), match.start())
    signed_too = False
    if not signed_it and _AND_ANOTHER.search(low, max(0, match.start() - 24), match.start()):
        # "witnessed the signing of a memorandum on ... and an MOU on maritime cooperation": the
        # second object of the same signing
        signed_too = _signed_object_before(sent, lo)
    signed_here = bool(signed_it and sent.search(_SIGNING, lo, hi)) or _issued_in(sent, match)
    if date is None and ctx.published is not None and (signed_here or signed_too):
        date = report_year(ctx.published)
    term = sent.find(_TERM)
    term_years = None
    if term:
        word = term.group(1) or term.group(2)
        term_years = _term_years(word)
    return date, until, term_years


def _times_told(sent: Sentence) -> list[TimeM]:
    """The resolved points in time ``sent`` tells ("in March 2024", "on Tuesday")."""
    return [m for m in sent.sub("time") if m.value.start is not None and m.value.relation == "at"]


#: "signed letters of intent", "signed a memorandum", "the signing of a memorandum": the signing verb
#: right before the noun
_SIGNED_JUST_BEFORE = CuePattern(
    r"\b(?:⟨signing⟩)\s+(?:of\s+)?(?:(?:a|an|the|two|three|several)\s+)?(?:[\w-]+\s+)?$"
)
#: " and an ", " and a ": the next object of the same verb
_AND_ANOTHER = re.compile(r"\s(?:and|as well as)\s+(?:a|an|the|another)\s+(?:[\w-]+\s+)?$")


def _signed_object_before(sent: Sentence, lo: int) -> bool:
    """Whether a signing verb governs an agreement noun before ``lo``: "the signing of a memorandum"."""
    return any(
        sent.find(_SIGNED_JUST_BEFORE, max(0, m.start() - 30), m.start()) is not None
        for _, m in _agreement_mentions(sent.low[:lo], sent.cues)
    )

#: "the 1951 Mutual Defense Treaty", "a 1998 Visiting Forces Agreement": a year, then a name
_YEAR_THEN_NAME = re.compile(r"\b(?:the|a|an|its|their)\s+(?:19|20)\d\d\s+(?:[A-Z][\w'-]*\s+){0,5}$")


def _dated_name(sent: Sentence, match: re.Match[str]) -> bool:
    """Whether the noun ends an agreement's name written after the year it was signed ("bound by the
    1951 Mutual Defense Treaty"): an agreement recalled, dated, with no signing verb needed."""
    start = match.start()
    if not sent.text[start : start + 1].isupper() or len(sentence_actors(sent)) < 2:
        # (the name's last words: "Enhanced Defense Cooperation Agreement" matched "cooperation agreement";
        # and its parties named in the sentence itself, not guessed: "With Washington, cooperation
        # centres on the 2014 Enhanced Defense Cooperation Agreement")
        return False
    return _YEAR_THEN_NAME.search(sent.text, max(0, start - 80), start) is not None


#: "said in a joint statement", "In their joint communique, the ministers ...": the statement is the
#: speakers' own, issued when the report tells it
_IN_A = re.compile(r"\bin (?:a|an|their|a new)\s+$")


def _issued_in(sent: Sentence, match: re.Match[str]) -> bool:
    """Whether a joint statement, declaration or communique is the one the sentence's speakers
    speak "in" -- speakers it names itself, two or more ("the two countries said in a joint
    statement" leaves them to guess, and "the Nordic foreign ministers" are no states)."""
    start = match.start()
    return (
        _STATEMENT.search(match.group(0)) is not None
        and _IN_A.search(sent.low, max(0, start - 12), start) is not None
        and len(sentence_actors(sent)) >= 2
    )


_STATEMENT = re.compile(r"statement|declaration|communiqu")


def _term_years(word: str) -> int | None:
    """The years of a term: "ten", "10", "twenty-five", "hundred" ("a hundred-year partnership")."""
    if word.isdigit():
        return int(word)
    value = COUNT_WORDS.get(word) or read_spoken(["a", word] if word == "hundred" else word.split("-"))
    return int(value) if value else None


#: "which dates back to 1998", "dating back to 2013": the agreement's origin
_DATES_BACK = re.compile(r"\bdat(?:es|ing|ed) back to\b")
#: "at the same ceremony", "during the same visit", "on the same day": the occasion just told
_SAME_OCCASION = re.compile(
    r"\b(?:at|during|on) the same (?:ceremony|event|meeting|summit|visit|occasion|day|talks)\b"
)


def _agreement_count(clause: str, date: TimeSpan | None) -> int:
    """How many agreements the noun counts: "three memorandums" are three; 0 for a recalled set.

    "the four foundational agreements that govern ...": a known set, recalled, none new
    (unless a date is stated; the report-year default is not one).
    """
    num = re.search(
        r"\b(two|three|four|five|six|\d)\s+(?:\w+\s+)?(?:memorand|mous?\b|agreements|accords|declarations)",
        clause,
    )
    if not num:
        return 1
    recalled = re.search(r"\b(?:the|these|those|its|their|all)\s+$", clause[: num.start()])
    if recalled and (date is None or not date.text):
        return 0
    return count_value(num.group(1))


_SIGNED_BY = CuePattern(r"\b(?:⟨signatory_verbs⟩)\b")


def _signatories(sent: Sentence, lo: int, hi: int, siblings: int) -> tuple[str, ...]:
    """Office-holders named where the agreement is said to be signed or adopted."""
    a, b = (lo, hi) if siblings > 1 else (0, len(sent.low))
    if not sent.find(_SIGNED_BY, a, b):
        return ()
    names = (m.value.name for m in sent.sub("person", a, b) if m.party is not None and m.value.role)
    return tuple(dict.fromkeys(n for n in names if n))


#: a capitalised word (not a month) right before a year: "Horizon 2047", "Agenda 2063"
#: (capitalised words that are no name: the months, and what opens a date phrase)
_DATE_OPENERS = ("In", "Since", "By", "Until", "From", "Of", "The", "Fiscal", "FY")
_NOT_A_NAME = "|".join([*(name for name in MONTHS if name.isalpha()), *_DATE_OPENERS])
_NAME_BEFORE_YEAR = re.compile(rf"\b(?!(?:{_NOT_A_NAME})\b)[A-Z][a-z]+ $")


def _agreement_dates(
    sent: Sentence, match: re.Match[str], lo: int, hi: int
) -> tuple[TimeSpan | None, TimeSpan | None]:
    """The date closest to the agreement noun in [lo, hi) (what follows it preferred), and any end date."""
    date = until = None
    best = None
    # ("signed a pact stating that France had provided military aid worth 1.7 billion euros in 2022":
    # what the text says is dated, not its signing)
    content = _CONTENT_CLAUSE.search(sent.low, match.end(), hi)
    for t in sent.sub("time", lo, content.start() if content else hi):
        ts: TimeSpan = t.value
        if ts.text[:1].isdigit() and _NAME_BEFORE_YEAR.search(
            sent.text, max(0, t.start - sent.start - 16), t.start - sent.start
        ):
            continue  # "a roadmap called Horizon 2047", "Vision 2030": a name, not a date (not "At today's")
        if ts.relation in ("until", "by"):
            until = until or ts
        elif ts.start is not None:
            rel = t.start - sent.start
            gap = rel - match.end() if rel >= match.end() else (match.start() - rel) * 1.5
            if best is None or gap < best:
                best, date = gap, ts
    return date, until


#: a clause that tells what an agreement says, whose dates are not the agreement's
_CONTENT_CLAUSE = re.compile(
    r"\b(?:stating|saying|declaring|noting|recording|confirming|which (?:says|states|notes|records))\s+that\b"
)


def merge_agreements(
    raw: list[RawAgreement], norm: NormalizedText, doc_id: str | None, original: str
) -> tuple[Agreement, ...]:
    """One record per agreement: repeated mentions ("the Accord") join the first."""
    merged: list[list[RawAgreement]] = []
    for r in raw:
        codes = frozenset(p.code for p in r.parties)
        target = None
        for group in merged:
            g = group[0]
            if frozenset(p.code for p in g.parties) != codes:
                continue
            yg, yr = year_of(g.date), year_of(r.date)
            same_kind = g.kind == r.kind or "other" in (g.kind, r.kind)
            if r.sentence is g.sentence and not r.definite:
                continue  # "three memorandums" in one sentence stay three
            if same_kind and (yg == yr or (r.definite and (yr is None or yg is None))):
                target = group
                break
        if target is None and not r.weak:
            merged.append([r])
        elif target is None:
            continue
        else:
            target.append(r)
    out = []
    for group in merged:
        kinds = [r.kind for r in group if r.kind != "other"] or ["other"]
        date = next((r.date for r in group if r.date is not None and r.date.text), None) or next(
            (r.date for r in group if r.date is not None), None
        )
        until = next((r.until for r in group if r.until is not None), None)
        term = next((r.term_years for r in group if r.term_years), None)
        if until is None and term and date is not None and date.start is not None:
            until = TimeSpan.year(date.start.year + term, text=f"for {term} years", relation="until")
        sentences = list(dict.fromkeys(r.sentence for r in group))
        out.append(
            Agreement(
                parties=group[0].parties,
                kind=cast(AgreementKind, kinds[0]),
                date=None if date is None else time_in_original(date, original, norm.to_original),
                until=None if until is None else time_in_original(until, original, norm.to_original),
                signatories=tuple(dict.fromkeys(n for r in group for n in r.signatories)),
                topics=tuple(dict.fromkeys(t for r in group for t in r.topics)),
                evidence=evidence_for(sentences, norm, doc_id, original),
            )
        )
    return tuple(out)


class AgreementRule:
    """Agreements: memoranda, action plans, declarations, partnerships (see :func:`agreement_candidates`)."""

    field: ClassVar[str] = "agreements"

    def __init__(self) -> None:
        self.found: list[RawAgreement] = []

    def read(self, sent: Sentence, reading: Reading) -> None:
        self.found.extend(agreement_candidates(sent, reading.ctx, reading.recent))

    def _terms_told_after(self, sentences: list[Sentence]) -> None:
        """ "The agreement is valid for ten years": a term the next sentence gives the agreement
        just told, when it refers back to it and that agreement has no term of its own."""
        after = {id(a): b for a, b in itertools.pairwise(sentences)}
        for i, raw in enumerate(self.found):
            nxt = after.get(id(raw.sentence))
            if raw.term_years is not None or nxt is None or not _BACK_REFERENCE.match(nxt.low):
                continue
            if i + 1 < len(self.found) and self.found[i + 1].sentence is raw.sentence:
                continue  # several agreements in one sentence: "the agreement" is not one of them
            term = nxt.find(_TERM)
            word = (term.group(1) or term.group(2)) if term else ""
            years = _term_years(word)
            if years:
                self.found[i] = attrs.evolve(raw, term_years=years)

    def records(self, reading: Reading) -> tuple[Agreement, ...]:
        self._terms_told_after(reading.sentences)
        out = merge_agreements(self.found, reading.norm, reading.doc_id, reading.original)
        # An agreement the text neither dates nor reports as made (no signing, adopting or
        # establishing in the article's time) is one that is only talked about: "vowed to
        # solidify the strategic partnership", "the treaty" in passing.  It is no record.
        return tuple(a for a in out if a.date is not None)
