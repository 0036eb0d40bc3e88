"""Who acts and who receives: the parties of a sentence in the roles its words give them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TypeVar

from korpol._mentions.scan import M, PlaceM
from korpol._model import (
    Country,
    Organization,
    Party,
)
from korpol._records.cues import CuePattern
from korpol._records.sentence import Sentence

__all__ = [
    "BOTH",
    "FROM",
    "GROUP_NOUNS",
    "HOSTILE_AFTER",
    "HOSTILE_AFTER_DEMONYM",
    "INVADES_AFTER",
    "NOT_ACTOR_BEFORE",
    "OWNED_NOUN",
    "TO",
    "WITH",
    "actors",
    "clause_subject",
    "excluded",
    "first_party_after",
    "listed_party",
    "local_parties",
    "owns_deal_noun",
    "parties_between",
    "sentence_actors",
    "set_aside",
]


#: the nouns a group of signers is referred back to by: "the two countries", "the three ministers"
GROUP_NOUNS = (
    "countries|nations|sides|governments|leaders|prime ministers|ministers|presidents|states|allies|partners"
)
#: "the two countries", "both governments", "they": the two parties just named, by reference
BOTH = re.compile(rf"\b(?:(?:the two|both) (?:{GROUP_NOUNS})(?! of\b)|their governments|they)\b")

#: any kind of mention, kept as it is passed in
AnyM = TypeVar("AnyM", bound=M)


def parties_between(sent: Sentence, lo: int, hi: int, *, orgs: bool = False) -> list[PlaceM]:
    out = []
    for m in sent.sub("place", lo, hi):
        if isinstance(m.party, Country) or (orgs and isinstance(m.party, Organization)):
            out.append(m)
    return out


FROM = re.compile(r"\bfrom\b")


#: "to Poland", "for Poland"; never the "to" of a compound ("surface-to-air missiles")
TO = re.compile(r"(?<!-)\b(?:to|for)\b(?!-)")


WITH = re.compile(r"\bwith\b")


def first_party_after(
    sent: Sentence, pos: int, hi: int, *, companies: bool = True, foes: bool = False
) -> Party | None:
    """The first country (or company's country) within a few words after ``pos``.

    Not a rival or a foe (see :func:`excluded`), unless ``foes`` (troops are sent to the war).
    """
    limit = min(hi, pos + 70)
    best: M | None = None
    for m in sent.mentions:
        rel = m.start - sent.start
        if rel < pos or rel >= limit:
            continue
        if (m.kind == "place" and isinstance(m.party, Country)) or (
            companies and m.kind == "company" and m.party is not None
        ):
            if not foes and excluded(sent, m):
                continue
            best = m
            break
    return best.party if best else None


#: "chose Saab over Hanwha", "instead of Hyundai Rotem's K2": a competitor, not a party
RIVAL_BEFORE = CuePattern(r"\b(?:⟨rival⟩)\s+(?:the\s+|a\s+|an\s+)?(?:[\w.'-]+\s+){0,2}$")
#: "Russia's invasion", "to counter China", "the war between Israel and Hamas": a side of a war or a
#: threat, not a party
#: "the Czech-led initiative", "a US-brokered deal": a modifier, not a party
_LED_AFTER = CuePattern(r"-(?:⟨led⟩)\b")
HOSTILE_AFTER = CuePattern(r"'s?\s+(?:[\w-]+\s+){0,2}(?:⟨hostile⟩)\b")
#: "since Russia invaded in 2022", "after Russia annexed Crimea": a state that attacks, a foe
INVADES_AFTER = CuePattern(r"\s+(?:has\s+|had\s+)?(?:⟨invading⟩)\b")
#: "a renewed Gaza war", "the Ukraine conflict": a place that names a war is where it is fought
_WAR_AFTER = re.compile(r"\s+(?:war|conflict)\b")
#: "the Russian missile threat": a demonym whose noun is a threat
HOSTILE_AFTER_DEMONYM = CuePattern(r"\s+(?:[\w-]+\s+){0,1}(?:⟨hostile⟩)\b")
_HOSTILE_BEFORE = CuePattern(
    r"\b(?:(?:⟨hostile⟩)\s+(?:by|from|with|between)|counter(?:ing)?|deter(?:ring)?|confront(?:ing)?"
    r"|condemn(?:s|ed|ing)?)\s+(?:the\s+)?$"
)


def excluded(sent: Sentence, m: M) -> bool:
    """Whether ``m`` names a rival bidder, a foe, a threat or a blocker: never a party of a deal or a gift.

    "the government chose Saab over Hanwha Ocean": Hanwha competed; "since Russia's full-scale
    invasion", "since Russia invaded in 2022", "attacks by Russia", "aid to counter China": the
    aggressor (but not the victim in "the invasion of Ukraine"); "a renewed Gaza war": where a
    war is fought; "Hungary has blocked the payment": the blocker; "the Czech-led initiative":
    a modifier.  Worked out once per mention.
    """
    key = ("excluded", id(m))
    found: bool | None = sent.memo.get(key)
    if found is None:
        rel, end = m.start - sent.start, m.end - sent.start
        low = sent.low
        rival, before = sent.regex(RIVAL_BEFORE), sent.regex(_HOSTILE_BEFORE)
        after, blocks, lost = sent.regex(HOSTILE_AFTER), sent.regex(_BLOCKS_AFTER), sent.regex(_LOST_AFTER)
        found = sent.memo[key] = bool(
            (sent.may_match(rival) and rival.search(low, max(0, rel - 40), rel) and not _related(sent, rel))
            or (sent.may_match(before) and before.search(low, max(0, rel - 40), rel))
            or (sent.may_match(after) and after.match(low, end))
            or (m.form != "demonym" and sent.match(INVADES_AFTER, end) is not None)
            or (m.form != "demonym" and _WAR_AFTER.match(low, end) is not None)
            or (m.form == "demonym" and sent.match(HOSTILE_AFTER_DEMONYM, end) is not None)
            or (low[end : end + 1] == "-" and sent.match(_LED_AFTER, end))
            or (sent.find(_RIVAL_LIST, max(0, rel - 90), rel) is not None)
            or _describes_next(sent, end)
            or (sent.may_match(blocks) and blocks.match(low, end) is not None)
            or (sent.may_match(lost) and lost.match(low, end) is not None)
        )
    return found


#: "Hanwha's Redback lost to Rheinmetall's Lynx", "Hanwha was beaten by": the losing bidder
_LOST_AFTER = CuePattern(r"(?:(?:'s?|’s?)\s+(?:[\w-]+\s+){0,2}?|\s+)(?:⟨lost_to⟩)\b")


def set_aside(sent: Sentence, party: Party) -> bool:
    """Whether the sentence names ``party`` only as a rival, a foe or a blocker (see :func:`excluded`):
    never a side of its deal or gift, even as a guess."""
    named = [m for m in sent.mentions if m.kind == "place" and m.party == party]
    return bool(named) and all(excluded(sent, m) for m in named)


#: "Hungary has for more than a year blocked the payment", "Ankara vetoed the sale": the state that
#: stops a transfer is no party to it (its passive agent, "blocked by Hungary", is the aid rules')
_BLOCKS_AFTER = CuePattern(
    r"(?:'s government)?\s+(?:(?:has|have|had|still|again|also|has long|has since)\s+)?"
    r"(?:(?:for|since)\s+[\w\s-]{1,30}?\s+)?(?:⟨blocking⟩)\b(?!\s+by\b|[\s-]*\d)"
)


#: "Turkey's rival Greece", "China's neighbour Vietnam": a possessor that only describes the next state
_RELATION_AFTER = CuePattern(
    r"(?:'s?|’s?)\s+(?:(?:old|long-?time|close|key|main)\s+)?(?:⟨relation_nouns⟩)\s+"
)


def _related(sent: Sentence, rel: int) -> bool:
    """Whether the place at ``rel`` is the one a possessor describes: "Greece" in "Turkey's rival
    Greece" is the state named, no rival bidder."""
    return any(_describes_next(sent, m.end - sent.start) for m in sent.sub("place", max(0, rel - 40), rel))


def _describes_next(sent: Sentence, end: int) -> bool:
    """Whether the place ending at ``end`` is the possessor in "Turkey's rival Greece"."""
    if sent.low[end : end + 1] not in ("'", "’"):
        return False
    rel = sent.match(_RELATION_AFTER, end)
    return rel is not None and bool(sent.sub("place", rel.end(), rel.end() + 1))


#: "turned down bids from Diehl, Kongsberg and MBDA", "rivals such as Saab, Naval Group or TKMS":
#: every bidder of the list is a rival, not only the first
_RIVAL_LIST = CuePattern(
    r"\b(?:⟨bidders⟩)\s+(?:from|by|such as|including|like)\s+(?:the\s+)?"
    r"(?:[\w.'-]+(?:\s+[\w.'-]+)?(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)){1,4}(?:[\w.-]+'s?\s+)?$"
)


_RELATIVE = re.compile(r"\b(?:that|which|who)\b")


def clause_subject(sent: Sentence, before: Sequence[AnyM], verb: int) -> AnyM:
    """The subject of an infinitive ("X signed a contract with Y to buy"): the clause's first actor.

    In a relative clause ("32 jets that Bucharest agreed in 2022 to buy") the clause starts at
    the relative pronoun, so its first actor after that word.
    """
    pronouns = list(_RELATIVE.finditer(sent.low, before[0].end - sent.start, verb))
    if pronouns:
        after = pronouns[-1].end()
        inside = [m for m in before if m.start - sent.start >= after]
        # the actor must open the clause ("that Bucharest agreed"), unlike "said that it signed ... with X"
        if inside and inside[0].start - sent.start - after <= 6:
            return inside[0]
    return before[0]


OWNED_NOUN = re.compile(
    r"(?:'s?)\s+(?:\w+\s+){0,3}((?:purchases?|orders?|acquisitions?|contracts?|deals?|imports?))\b"
)


def owns_deal_noun(sent: Sentence, m: M) -> bool:
    """ "Finland's purchase": the possessor belongs to that noun, not to other verbs.

    Not a name: "South Korea's Defense Acquisition Program Administration" is an agency.
    """
    hit = OWNED_NOUN.match(sent.low, m.end - sent.start)
    return hit is not None and sent.text[hit.start(1) : hit.start(1) + 1].islower()


#: words before a place that make it a location or an object, not an actor: "in Vilnius", "of Ukraine"
NOT_ACTOR_BEFORE = re.compile(
    r"\b(?:in|at|of|on|to|into|for|from|against|near|across|toward|towards|visit to)\s+(?:the\s+)?$"
)


_NAMED_AFTER = re.compile(
    r"\s+(?:communiqu|declaration|summit|statement|accord|treaty|agreement|format|initiative|process|group)"
)


def actors(sent: Sentence, lo: int = 0, hi: int | None = None) -> list[Party]:
    """Parties acting in [lo, hi): states and organisations not in a locative phrase, and leaders' states."""
    hi = len(sent.low) if hi is None else hi
    out: list[Party] = []
    for m in sent.mentions:
        rel = m.start - sent.start
        if not lo <= rel < hi or m.party is None or m.kind not in ("place", "person"):
            continue
        if m.kind == "place" and NOT_ACTOR_BEFORE.search(sent.low[max(0, rel - 14) : rel]):
            share = _SHARE_OF_BEFORE.search(sent.low, max(0, rel - 20), rel)
            if share is None or not _POSSESSOR_AFTER.match(sent.low, m.end - sent.start):
                continue  # (but "most of Warsaw's orders": the possessor of a share acts)
        if excluded(sent, m):
            continue  # "condemned North Korea's launch", "Russia's invasion": a foe acts in no agreement
        if (
            m.kind == "place"
            and m.form in ("capital", "metonym")
            and _NAMED_AFTER.match(sent.low, m.end - sent.start)
        ):
            continue  # "the Vilnius Communique", "the Washington Declaration": a name, not a party
        if (
            m.kind == "place"
            and m.form == "demonym"
            and any(x.kind == "system" and 0 <= x.start - m.end <= 12 for x in sent.mentions)
        ):
            continue  # "American HIMARS": where a weapon comes from, not who acts
        if m.party.code not in [p.code for p in out]:
            out.append(m.party)
    return out


#: "most of Warsaw's orders": the possessor of a share acts, even after "of"
_SHARE_OF_BEFORE = re.compile(r"\b(?:most|many|much|some|all|half|part|none|one|several) of\s+$")
_POSSESSOR_AFTER = re.compile(r"'s?\s|’s?\s")


def sentence_actors(sent: Sentence) -> tuple[Party, ...]:
    """``actors(sent)`` over the whole sentence, worked out once: later sentences ask it again."""
    found: tuple[Party, ...] | None = sent.memo.get("actors")
    if found is None:
        found = sent.memo["actors"] = tuple(actors(sent))
    return found


#: a sentence whose subject is "it" or "they": it speaks of the antecedent before it
_IT_OPENS = re.compile(r"\s*(?:it|they)\s+(?:also\s+|then\s+|later\s+|has\s+|have\s+|had\s+)?\w+ed\b")
#: "..., but Abu Dhabi suspended talks": a contrasting clause with a new subject
_BUT_CLAUSE = re.compile(r"[,;]\s+but\s+")


def antecedent(recent: Sequence[Sentence]) -> Party | None:
    """The state "it" refers to: the first acting state of the last sentence (of the last three)
    that names one and is not itself about "it", or the subject of its last "but" clause ("The
    State Department approved ..., but Abu Dhabi suspended talks ... Days earlier it had ordered
    ...": Abu Dhabi)."""
    for sent in reversed(recent[-3:]):
        found = [p for p in sentence_actors(sent) if isinstance(p, Country)]
        if not found or _IT_OPENS.match(sent.low):
            # ("It signed a contract with France ... It also signed a memorandum with Boeing": the
            # second "it" is the first one's, not France)
            continue
        for m in reversed(list(_BUT_CLAUSE.finditer(sent.low))):
            subject = [p for p in actors(sent, m.end(), m.end() + 20) if isinstance(p, Country)]
            if subject:
                return subject[0]
        return found[0]
    return None


def local_parties(recent: Sequence[Sentence]) -> list[Party]:
    """The actors of the last few sentences, most frequent first (a tie goes to the latest)."""
    weight: Counter[str] = Counter()
    parties: dict[str, Party] = {}
    for age, sent in enumerate(reversed(recent)):
        for p in sentence_actors(sent):
            weight[p.code] += 10 - age
            parties[p.code] = p
    return [parties[c] for c, _ in weight.most_common()]


def listed_party(sent: Sentence, at: int) -> Party | None:
    """The state a bracketed figure starting at ``at`` (relative to the sentence) belongs to in a
    list: "Bangladesh (patrol boats, 575 million yen)", "Saudi Arabia ($3.2 billion, signed in 2023)"."""
    opening = sent.low.rfind("(", 0, at)
    if opening < 0 or ")" in sent.low[opening:at] or at - opening > 80:
        return None
    before = [m for m in sent.sub("place", max(0, opening - 40), opening) if isinstance(m.party, Country)]
    if before and not sent.low[before[-1].end - sent.start : opening].strip():
        return before[-1].party
    return None
