"""Aid rules: a donor gives money or weapons to a recipient, with a kind (military, humanitarian ...)."""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from typing import ClassVar, Literal, cast

from korpol._mentions.scan import M
from korpol._model import AidKind, AidPackage, Country, Organization, Party
from korpol._records.candidate import Candidate
from korpol._records.context import TO_BEFORE, Context, report_year
from korpol._records.cues import CuePattern, Cues
from korpol._records.merge import merge
from korpol._records.roles import (
    FROM,
    NOT_ACTOR_BEFORE,
    TO,
    antecedent,
    excluded,
    first_party_after,
    listed_party,
    sentence_actors,
    set_aside,
)
from korpol._records.rules import Reading
from korpol._records.sentence import Sentence, clauses_of, finditer_in, money_units
from korpol._records.slots import HEDGE, assign_times, money_anchors, nearest_time, systems_in
from korpol._records.transfer import (
    AID_WORD,
    DEAL_STUFF,
    DENIED,
    NEGATED,
    SALE_WORD,
    TROOPS,
    _aid_kind,
    aid_total,
    bought_for_another,
    gift,
    only_a_package,
    part_of_a_sum,
    weapon_mentions,
)
from korpol._records.units import helps_buy

__all__ = ["aid_candidates"]


def aid_candidates(sent: Sentence, ctx: Context, listed: bool = False) -> list[Candidate]:
    """The aid packages ``sent`` states; ``listed``: an item of a list whose lead-in gives ("The
    Commission pledged:"), which needs no aid word of its own."""
    cues = ctx.cues
    low = sent.low
    if DEAL_STUFF.isdisjoint(sent.by_kind) and not sent.search(_STATED_AID):
        return []  # neither an amount or a weapon nor aid stated in words
    if sent.search(DENIED) or not (
        listed
        or (ctx.aid_recipient is not None and sent.search(_MORE_OF_IT) is not None)
        # "Israel receives $26.4 billion", "Poland will get 144.6 million euros": a share of the aid
        # the article tells, received, with no aid word of its own
        or (ctx.aid_recipient is not None and _gets_an_amount(sent))
        or sent.search(cues.compiled["aid"])
        or sent.search(AID_WORD)
        or bought_for_another(sent, 0, len(low), None, ctx)  # "buy ... NASAMS for Ukraine"
    ):
        return []
    if sent.search(_JOINT_DEVELOPMENT):
        return []  # "Indonesia's contribution to the 8.1 trillion won development program": a share of a cost
    if _sold_package(sent):
        return []  # "a package costing more than DKK 6 billion", "KAI said the package includes"
    if (ctx.approved_sales or sent.search(_APPROVAL)) and only_a_package(sent):
        # "The package also includes ... Javelin missiles worth US$375 million", "follow a US$385
        # million approval ..., and a US$2 billion package that will give Taiwan three NASAMS": sales
        return []

    out: list[Candidate] = []
    for a, b in _clauses_aid(sent):
        anchors = money_anchors(sent, a, b, cues)
        weapons = weapon_mentions(sent, a, b)
        clause_low = low[a:b]
        first = min([m.start - sent.start for m in [*anchors, *weapons]], default=b)
        bought_as_gift = (bool(weapons) and anchors and bought_for_another(sent, a, b, None, ctx)) or any(
            helps_buy(sent, an) for an in anchors
        )
        sold = weapons or sent.search_in(SALE_WORD, a, b)
        if sold and not gift(sent, a, b, first) and not bought_as_gift:
            continue  # a purchase or a contract, not aid
        if not anchors:
            if weapons and gift(sent, a, b, first) and not sent.search(TROOPS):
                out.extend(_military_gifts(sent, a, b, ctx))
            elif not weapons:
                out.extend(_stated_aid(sent, a, b, ctx))
            continue
        if not sent.search_in(AID_WORD, a, b) and sent.search(SALE_WORD) and not bought_as_gift:
            continue  # "related support, valued at ...": a weak cue in a sentence about a sale
        times = assign_times(sent, a, b, [an for an in anchors if not aid_total(sent, a, an, cues)])
        for lo, hi, anchor in money_units(sent, a, b, anchors):
            assert anchor is not None
            total = aid_total(sent, a, anchor, cues)
            if total and part_of_a_sum(sent, a, anchor):
                continue  # "This includes $2.4 billion in ...": a part of a sum named before
            if _lent(sent, anchor, a, b):
                continue  # "$9 billion ... in the form of forgivable loans": lent, not given
            if sent.find(_REQUESTED, max(a, anchor.start - sent.start - 40), anchor.start - sent.start):
                continue  # "The U.N. has appealed for $275 million": asked for, not given
            if _many_givers(sent, anchor):
                continue  # "donors meeting in Brussels today pledged seven billion euros": no one's gift
            rel = anchor.start - sent.start
            foreign_aid = sent.find(_FOREIGN_AID, max(0, rel - 40), rel)
            if (
                _NO_ONE_RECIPIENT.match(sent.low, anchor.end - sent.start)
                or _many_recipients(sent, anchor)
                or foreign_aid is not None
            ):
                # "a $95 billion foreign aid bill", "$8 billion for allies in the Indo-Pacific": a law for
                # many, or a group no state stands for
                continue
            cand = Candidate("aid", sent, lo, hi, value=anchor.value, aggregate=total)
            systems_in(sent, a, b, cand)  # the weapons a military package includes are its items
            unit_low = low[lo:hi]
            # the words around the figure first ("USD 150 million worth of humanitarian aid")
            near = low[max(a, rel - 30) : min(b, anchor.end - sent.start + 40)]
            kind = "military" if weapons else _aid_kind(near, cues)
            if kind == "mixed":
                kind = _aid_kind(unit_low, cues)
            if kind == "mixed":
                kind = _aid_kind(clause_low, cues)
            if kind == "mixed" and not sent.search_in(cues.compiled["aid"], a, b):
                kind = _aid_kind(low, cues)
            cand.aid_kind = kind
            cand.date = times.get(anchor.start) or (nearest_time(sent, a, b) if len(anchors) == 1 else None)
            if cand.date is None and ctx.published is not None:
                cand.date = report_year(ctx.published)
            _aid_direction(sent, a, b, cand, ctx, at=rel)
            if cand.first is None or cand.second is None or cand.first.code == cand.second.code:
                continue
            out.append(cand)
    return out


_JOINT_DEVELOPMENT = CuePattern(r"\b(?:⟨joint_development⟩)\b")


#: "a foreign aid package worth ninety-five billion dollars": a law for many states, no one's gift
#: (not its share: "a $95 billion foreign aid package that includes about $61 billion for Ukraine")
_FOREIGN_AID = re.compile(
    r"\bforeign (?:aid|assistance) (?:package|bill|law|legislation)\b(?:(?!includ|of which)[^.;]){0,25}$"
)


def _many_recipients(sent: Sentence, anchor: M) -> bool:
    """Whether the amount goes to a list of states, no share said: "a $95 billion package of war aid
    for Ukraine, Israel and Taiwan" (each one's share, "$61 billion for Ukraine", is its own record)."""
    end = anchor.end - sent.start
    hit = sent.find(_FOR_THE_LIST, end, min(len(sent.low), end + 40))
    if hit is None:
        return False
    states = [m for m in sent.sub("place", hit.end(), hit.end() + 1) if isinstance(m.party, Country)]
    if not states:
        return False
    after = states[0].end - sent.start
    nxt = sent.sub("place", after, after + 8)
    if not nxt or not isinstance(nxt[0].party, Country):
        return False
    second = nxt[0].end - sent.start
    # (not "to Moldova and Finland around 20 million euros": the next giver of a list, its amount after)
    gapped = bool(sent.sub("money", second, second + 25))
    return not gapped and _LIST_JOIN.fullmatch(sent.low, after, nxt[0].start - sent.start) is not None


#: the words from an amount to the first state it is for: " package of war aid for ", " for "
_FOR_THE_LIST = re.compile(r"\s+(?:[\w-]+\s+){0,5}?(?:for|to)\s+(?:the\s+)?(?=[a-z])")
#: between two states of a list: ", ", " and ", ", and "
_LIST_JOIN = re.compile(r",\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")


def _many_givers(sent: Sentence, anchor: M) -> bool:
    """Whether the amount is what many givers raised together, with no state named between them and
    it: "donors meeting in Brussels today pledged seven billion euros", "An international conference
    in Paris raised about $1 billion in pledges" (each donor's own gift is a record of its own)."""
    rel = anchor.start - sent.start
    hit = sent.find(_MANY_GIVERS, 0, rel)
    return hit is not None and not any(
        m.kind in ("place", "person")
        and hit.start() <= m.start - sent.start < rel
        and not _IN_AT_BEFORE.search(sent.low, max(0, m.start - sent.start - 8), m.start - sent.start)
        for m in sent.mentions
    )


#: "in Paris", "at Brussels", "for Lebanon": where a meeting is, or who receives: no giver
_IN_AT_BEFORE = re.compile(r"\b(?:in|at|for|to)\s+(?:the\s+)?$")


#: many givers as the subject of a giving verb, up to the amount
_MANY_GIVERS = CuePattern(
    r"\b(?:⟨many_givers⟩)\b(?:(?!\b(?:where|it|they|which|who)\b)[^.;]){0,60}?"
    r"\b(?:⟨gift_verbs⟩|⟨aid_verbs⟩|rais(?:e|es|ed|ing)|dr(?:ew|aws)|mobili[sz](?:ed|es)|collect(?:ed|s))\b[^.;]*$"
)


def _sold_package(sent: Sentence) -> bool:
    """A sentence whose only giving word is "package" and that speaks of a sale or a maker.

    "package" alone is what a sale is sold as as often as what a donor gives: "it bought an
    IRIS-T system ..., a package costing more than DKK 6 billion" is a purchase.
    """
    words = {m.group(0) for m in finditer_in(sent, AID_WORD)}
    if words != {"package"}:
        return False
    # ("the two countries signed an arms package worth nearly $142 billion": donors pledge, buyers sign)
    if sent.search(SALE_WORD) is not None or sent.sub("company") or sent.search(_SIGNED_PACKAGE) is not None:
        return True
    # ("Korean media have estimated the whole package at up to twenty trillion won": the press's
    # figure for a story's purchases, which no one gives)
    return sent.search(_HEARSAY_ESTIMATE) is not None and sent.search(_GIFT_VERB) is None


#: "media have estimated the package at", "reports put its value at": others' figure for a package
_HEARSAY_ESTIMATE = CuePattern(r"\b(?:⟨hearsay⟩)\b[^.;]{0,40}?\b(?:⟨estimate_verbs⟩)\b")
#: a verb of giving anywhere in the sentence
_GIFT_VERB = CuePattern(r"\b(?:⟨gift_verbs⟩|⟨aid_verbs⟩)\b")
#: "signed an arms package", "signed a $2 billion package": a package both sides sign is a sale
_SIGNED_PACKAGE = CuePattern(r"\b(?:⟨signed_words⟩)\s+(?:an?\s+|the\s+)?(?:[\w$.,-]+\s+){0,3}?package\b")


#: lending, not giving: "in the form of forgivable loans", "a loan of", "loan guarantees", "a credit line"
_LOAN = CuePattern(r"\b(?:⟨lent⟩)\b")


def _lent(sent: Sentence, anchor: M, a: int, b: int) -> bool:
    """An amount the words around it lend: "$9 billion ... in the form of forgivable loans",
    "a loan of $2 billion", "1.6 billion in loan guarantees" (a loan is neither aid nor a deal)."""
    rel, end = anchor.start - sent.start, anchor.end - sent.start
    before = sent.find(_LOAN, max(a, rel - 24), rel)
    return bool(before or sent.find(_LOAN, end, min(b, end + 90)))


def _clauses_aid(sent: Sentence) -> list[tuple[int, int]]:
    """Clauses, each holding an amount or a weapon; the others join the clause before."""
    out: list[list[int]] = []
    for a, b in clauses_of(sent):
        if out and not (
            sent.sub("money", out[-1][0], out[-1][1]) or weapon_mentions(sent, out[-1][0], out[-1][1])
        ):
            out[-1][1] = b
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


#: "will offer new financial support", "has provided non-lethal military supplies": aid without a figure
_STATED_AID = CuePattern(
    r"\b(?:⟨aid_verbs⟩)\s+(?:\w+\s+){0,3}?(?P<kind>(?:(?:⟨aid_adjectives⟩)(?:,?\s+(?:and\s+)?)?)+)"
    r"\s*(?:⟨aid_nouns⟩)\b"
)


def _stated_aid(sent: Sentence, a: int, b: int, ctx: Context) -> list[Candidate]:
    """Aid the text states without a figure: one package, kind from its adjectives."""
    m = sent.find(_STATED_AID, a, b)
    if m is None or sent.find(NEGATED, max(0, m.start() - 16), m.start()):
        return []
    kinds = {k for k, pattern in ctx.cues.compiled_aid_kinds if pattern.search(m.group("kind"))}
    if "non-lethal" in m.group("kind") or "military" in m.group("kind"):
        kinds = (kinds - {"humanitarian"}) | {"military"}
    cand = Candidate("aid", sent, a, b, aid_kind=kinds.pop() if len(kinds) == 1 else "mixed")
    date = nearest_time(sent, a, b)
    cand.date = date if date is not None else (report_year(ctx.published) if ctx.published else None)
    _aid_direction(sent, a, b, cand, ctx)
    if cand.first is None or cand.second is None or cand.first.code == cand.second.code:
        return []
    return [cand]


#: "the KF-21 programme", "the GCAP project": a weapon's programme, not the weapon
_PROGRAMME_AFTER = re.compile(r"\s+(?:programmes?|programs?|projects?|consortium|partnership)\b")


def _military_gifts(sent: Sentence, a: int, b: int, ctx: Context) -> list[Candidate]:
    """Weapons pledged or given without a figure: one package per giving state.

    "Denmark and the Netherlands pledged to transfer 19 and 24 F-16s" gives two.
    """
    low = sent.low
    # (not "the KF-21 programme": a programme is no weapon handed over)
    weapons = [w for w in weapon_mentions(sent, a, b) if not _PROGRAMME_AFTER.match(low, w.end - sent.start)]

    def governs(verb: re.Match[str]) -> bool:
        return any(
            0 <= w.start - sent.start - verb.end() <= 45
            and not re.search(
                r"\b(?:for|support|training|maintenance|of)\b",
                # ("donate one of its Patriot systems": a share of the weapons, still given)
                _PARTITIVE.sub(" ", low[verb.end() : w.start - sent.start]),
            )
            for w in weapons
        ) or any(0 <= verb.start() - (w.end - sent.start) <= 3 for w in weapons)  # "a Patriot pledged by"

    # the giving word that governs weapons ("it is also giving: ... agreed to donate one of its Patriot
    # systems": the second)
    verb = next((v for v in finditer_in(sent, AID_WORD, a, b) if governs(v)), None)
    if verb is None:
        return []  # "pledged maintenance support for the K2 tanks": no weapons change hands
    if sent.find(_REPORTED_THAT, 0, verb.start()):
        return []  # "reports in the media that Estonia would transfer ...": hearsay, not a gift
    givers: list[Party] = []
    for m in sent.mentions:
        rel = m.start - sent.start
        if m.party is None or m.kind not in ("place", "person") or rel >= verb.start():
            continue
        if m.kind == "place" and NOT_ACTOR_BEFORE.search(low[max(0, rel - 14) : rel]):
            continue
        body = sent.match(_STATE_BODY_AFTER, m.end - sent.start) is not None
        if (low.startswith("'s", m.end - sent.start) and not body) or (rel < a and givers):
            continue  # "Ukraine's biggest donor": a possessor, not a giver (but "Romania's defence council")
        if m.party.code not in [g.code for g in givers]:
            givers.append(m.party)
    if re.match(r"\s+by\b", low[verb.end() : verb.end() + 4]):
        # "pledged by Chancellor Olaf Scholz": the giver follows the verb
        after = [
            m.party
            for m in sent.mentions
            if m.kind in ("place", "person")
            and m.party is not None
            and 0 <= m.start - sent.start - verb.end() <= 40
        ]
        givers = after[:1] or givers
    if not givers:
        # "parliament approved the donation of one of Romania's Patriot systems": the owner of the
        # weapons given gives them
        owner = next(
            (
                m
                for m in sent.sub("place", verb.end(), min(b, verb.end() + 40))
                if isinstance(m.party, Country)
                and m.form != "demonym"
                and low.startswith("'s", m.end - sent.start)
                and any(0 <= w.start - m.end <= 30 for w in weapons)
            ),
            None,
        )
        if owner is not None and owner.party is not None:
            givers = [owner.party]
    if not givers:
        return []
    clause_givers = givers if len(givers) <= 2 else givers[-2:]
    out = []
    date = nearest_time(sent, a, b)
    if date is None and ctx.published is not None:
        date = report_year(ctx.published)
    for giver in clause_givers:
        cand = Candidate("aid", sent, a, b, aid_kind="military", date=date)
        cand.first = giver
        dst = TO.search(low, verb.end(), b)
        recipient = first_party_after(sent, dst.end(), b, companies=False) if dst else None
        given = next((m for m in sent.sub("place", verb.end(), verb.end() + 2)), None)
        if given is not None and isinstance(given.party, Country) and given.form != "demonym":
            recipient = given.party  # "Germany has sent Kyiv several of them": the object after the verb
        cand.second = recipient or ctx.aid_recipient or ctx.partner(giver)
        if cand.second is None or cand.second.code == giver.code:
            continue
        systems_in(sent, a, b, cand)
        out.append(cand)
    return out


def _own_recipient(sent: Sentence, cand: Candidate) -> Party | None:
    """The state named right after the amount with "for"/"to": "$61 billion for Ukraine"."""
    span = cand.value.span if cand.value is not None else None
    if span is None:
        return None
    end = span[1] - sent.start
    for m in sent.sub("place", end, min(len(sent.low), end + 30)):
        rel = m.start - sent.start
        named = isinstance(m.party, Country) and TO_BEFORE.search(sent.low, max(end, rel - 8), rel)
        if named and sent.low[end:rel].count(" ") <= 3 and not excluded(sent, m):
            return m.party
    return None


def _listed_recipient(sent: Sentence, cand: Candidate) -> Party | None:
    """The state a bracketed amount belongs to in a list: "Bangladesh (patrol boats, 575 million yen)"."""
    span = cand.value.span if cand.value is not None else None
    return listed_party(sent, span[0] - sent.start) if span is not None else None


def _aid_direction(
    sent: Sentence, a: int, b: int, cand: Candidate, ctx: Context, at: int | None = None
) -> None:
    """Donor: the acting party (subject, "by X", a leader speaking); recipient: "to/for/in X".

    Read in this order: each place's role in the words around it (:func:`_aid_role`); a
    receiving verb, which turns the roles round (:func:`_receiver_frame`); a bracketed amount
    in a list of recipients (:func:`_listed_recipient`); and what the article says where the
    sentence is silent (:func:`_fill_aid_parties`).
    """
    donor: Party | None = None
    recipient: Party | None = None
    dateline: Party | None = None  # "In Oslo, the government said ...": where the speaker is
    # the amount's own clause first ("Latvia will allocate ..., and Lithuania has set aside EUR 200
    # million": Lithuania gives the 200 million), then the rest of the sentence
    lo, hi = a, b
    if at is not None:
        lo, hi = next(((x, y) for x, y in clauses_of(sent) if x <= at < y), (a, b))
        verb = sent.find(_GIVING, lo, at)
        if verb is None or not any(lo <= m.start - sent.start < verb.start() for m in sent.mentions):
            lo, hi = a, b  # the clause gives nothing of its own ("X and Y signed ..., with a grant of")
    speaker: Party | None = None  # "X said ...": gives only when no one else acts
    spoke = -1  # where the speaker is named
    given = False  # whether the donor is named as such ("by X", "X's support"), not only an actor
    for_whom = False  # whether the recipient is named "to X"/"for X" (not "of X", "in X")
    inside = [m for m in sent.mentions if lo <= m.start - sent.start < hi]
    outside = [m for m in sent.mentions if not lo <= m.start - sent.start < hi]
    # ("blocked by Hungary, whose prime minister, Viktor Orbán, opposes ...": neither gives)
    blockers = {
        m.party.code
        for m in sent.mentions
        if m.kind in ("place", "person") and m.party is not None and _blocked(sent, m)
    }
    receivers: set[str] = set()  # every state the sentence names as receiving: none is the guessed giver
    acts_here = False  # whether the acting giver is named in the amount's own clause
    acting: list[Party] = []  # the actors, in order
    for m in (*inside, *outside):
        if m.kind not in ("place", "person") or m.party is None or excluded(sent, m):
            continue
        if m.party.code in blockers:
            continue
        role = _aid_role(sent, m)
        rel = m.start - sent.start
        if role == "actor":
            acting.append(m.party)
        if role == "recipient":
            receivers.add(m.party.code)
        if role == "recipient" and recipient is None:
            recipient = m.party
            for_whom = TO_BEFORE.search(sent.low, max(0, rel - 9), rel) is not None  # ("for the ")
        elif role == "dateline":
            dateline = m.party
        elif role == "given_by" or (role == "actor" and donor is None):
            donor = m.party
            given = role == "given_by" or given
            acts_here = lo <= rel < hi
        elif role == "speaker" and (speaker is None or (at is not None and spoke < rel < at)):
            # (the speaker nearest before the amount: "X said ..., while Y said the first money ...")
            speaker, spoke = m.party, rel
    if speaker is not None and donor is not None and not given and not acts_here and lo <= spoke < hi:
        # "Britain pledged ten million pounds, and the United States said it would provide up to two
        # million dollars": the clause's own speaker gives its amount, not the actor of another clause
        donor = None
    subject = None
    if at is not None:
        subject = _from_giver(sent, at) or _gift_subject(sent, at)
        subject = subject or _gapped_giver(sent, at) or _giver_after(sent, at)
    sharers: set[str] = set()  # the states of a list of shares received: none gives
    if subject is not None and at is not None and _receiver_frame(sent, 0, at) is not None:
        # "Poland will get 144.6 million euros, followed by Romania with 39 million euros": a list
        # after a receiving verb pairs each receiver with its share; none of them gives
        recipient, subject = subject, None
        receive = sent.find(_RECEIVE, 0, at)
        sharers = {m.party.code for m in sent.sub("place", receive.end() if receive else at) if m.party}
        if donor is not None and donor.code in sharers:
            donor = None
    if subject is not None and (recipient is None or subject.code != recipient.code):
        # ("..., Britain announced an initial £1 million and the EU added €5.2 million": each its own)
        donor, given = subject, True
    same = donor is not None and recipient is not None and donor.code == recipient.code
    if same and for_whom and not given:
        # "for Ukraine" says who receives; an actor of the same state is not the giver, the next one
        # may be ("Days after the army removed President Omar al-Bashir, Saudi Arabia and the UAE
        # together pledged three billion dollars to Sudan")
        assert recipient is not None
        donor = next((p for p in acting if p.code != recipient.code), None)
    if speaker is not None and (donor is None or (same and not given)):
        # "Germany said it would give ...": the speaker gives when no one else acts; but
        # "Marchenko said Japan had provided Ukraine ...": Japan acts, the speaker only reports
        donor = speaker
    own = _own_recipient(sent, cand)
    if own is not None:
        recipient = own  # "$26 billion for Israel and $61 billion for Ukraine": each its own
    framed = _receiver_frame(sent, a, b)
    own_state = any(m.kind in ("place", "person") for m in inside)
    if framed is None and at is not None and lo > 0 and not own_state:
        # "Manila received 600 million yen ..., and a second package of 1.6 billion yen was agreed":
        # a clause with no state of its own shares the receiver of the one before
        framed = _receiver_frame(sent, 0, hi)
    if framed is not None:
        # (the frame's receiver never gives; a giver it does not name stays: "The European Commission
        # decided to release 248 million euros ..., with Poland receiving by far the biggest share")
        kept = donor if donor is not None and framed[1] is not None and donor.code != framed[1].code else None
        donor, recipient = framed[0] or kept, framed[1] or recipient
        if donor is not None and recipient is not None and donor.code == recipient.code:
            donor = None
    thanked = _thanked(sent, at if at is not None else b)
    if thanked is not None:
        donor, recipient = thanked
    listed = _listed_recipient(sent, cand)
    if listed is not None:
        recipient = listed  # "provided OSA to Bangladesh (patrol boats, 575 million yen), Malaysia (...)"
    # (a state the gift only passes through is no giver the article may be guessed to mean)
    passing = {m.party.code for m in sent.mentions if m.kind == "place" and m.party and _passing(sent, m)}
    if framed is not None:
        receivers = set()  # (a receiving verb turned the roles round: "Egypt has received ... in US aid")
    _fill_aid_parties(ctx, cand, donor, recipient, dateline, passing | blockers | receivers | sharers)
    if cand.second is not None and cand.second.code in blockers:
        cand.second = None  # (the state that blocks a gift receives none of it)


#: "thanked Japan for", "expressed its appreciation for Japan's provision": the thanker receives
_THANKS = CuePattern(r"\b(?:⟨thank⟩)\b")


def _thanked(sent: Sentence, at: int) -> tuple[Party, Party] | None:
    """(giver, receiver) of a gift the sentence thanks for before its amount at ``at``: "The
    Philippines thanked Japan for a grant of 600 million yen", "The Philippine side expressed its
    appreciation for Japan's provision of radars" -- the thanker receives, the one thanked gives."""
    cue = sent.find(_THANKS, 0, at)
    if cue is None:
        return None
    before = [m for m in sent.sub("place", 0, cue.start()) if isinstance(m.party, Country)]
    after = [m for m in sent.sub("place", cue.end(), min(at, cue.end() + 30)) if isinstance(m.party, Country)]
    giver = after[0].party if after else None
    taker = before[-1].party if before else None
    if giver is None or taker is None or giver == taker:
        return None
    return giver, taker


def _gift_subject(sent: Sentence, at: int) -> Party | None:
    """The state or organisation named right before a giving verb that governs the amount at ``at``
    ("the UN released $10 million", "Britain announced an initial £1 million"): that amount's giver."""
    verb = sent.find(_GIFT_VERB_BEFORE, max(0, at - 60), at)
    if verb is None:
        return None
    before = [
        m
        for m in sent.mentions
        if m.kind in ("place", "person")
        and m.party is not None
        and m.end - sent.start <= verb.start()
        and _NOTHING_OR_MEMBERS.fullmatch(sent.low, m.end - sent.start, verb.start())
    ]
    # (a demonym right before the verb is the nation as a noun: "and the Dutch pledged 2 billion euros")
    return before[-1].party if before else None


def _from_giver(sent: Sentence, at: int) -> Party | None:
    """The giver an amount names right after it: "350 million euros from the European Union, 244
    million euros from Germany" (each amount its own giver)."""
    money = next((x for x in sent.sub("money", at, at + 1)), None)
    if money is None:
        return None
    gap = sent.match(_FROM_GAP, money.end - sent.start)
    if gap is None:
        return None
    giver = next((m for m in sent.sub("place", gap.end(), gap.end() + 1) if m.form != "demonym"), None)
    return giver.party if giver is not None else None


def _giver_after(sent: Sentence, at: int) -> Party | None:
    """The state of a contact clause after the amount that gives it: "€2.35 million in emergency
    funding the EU released in August" (the state named right before the clause's giving verb)."""
    for m in sent.sub("place", at, at + 60):
        if m.form == "demonym" or m.party is None:
            continue
        end = m.end - sent.start
        if sent.match(_GIVES_AFTER, end) is None:
            return None
        between = sent.low[at:m.start - sent.start]
        # (only nouns and modifiers between: "€2.35 million in emergency funding the EU released")
        return m.party if _CONTACT_GAP.fullmatch(between) else None
    return None


#: the giving verb right after the giver of a contact clause: "the EU released", "Japan provided"
_GIVES_AFTER = CuePattern(r"\s+(?:had\s+|has\s+)?(?:⟨gift_verbs⟩|⟨aid_verbs⟩)\b")
#: from an amount to the giver of its contact clause: " in emergency funding the ", " of aid that "
_CONTACT_GAP = re.compile(r"[^,;()]*?\s(?:that\s+|which\s+)?(?:the\s+)?")


def _gapped_giver(sent: Sentence, at: int) -> Party | None:
    """The state that a list pairs with the amount at ``at``, the giving verb said once for all:
    "Sweden is contributing USD 275 million and Denmark around USD 90 million", "led by the European
    Union with 350 million euros, Germany with 244 million euros and France with 110 million euros"."""
    low = sent.low
    for m in reversed(sent.mentions):
        end = m.end - sent.start
        if end > at:
            continue
        if m.kind != "place" or m.form == "demonym" or m.party is None or not _GAP.fullmatch(low, end, at):
            return None
        start = m.start - sent.start
        return m.party if _LISTED_BEFORE.search(low, max(0, start - 12), start) else None
    return None


#: between a listed giver and its amount: "Denmark around USD 90 million", "Germany with 244 million"
_GAP = re.compile(rf"\s+(?:with\s+)?(?:an?\s+(?:additional|further|initial|extra)\s+)?(?:{HEDGE}\s+)?")
#: before a listed giver: "..., Germany", "and Denmark", "led by the European Union"
_LISTED_BEFORE = re.compile(r"(?:,|\band|\bby)\s+(?:the\s+)?$")


#: between a giver and its verb: nothing, or its members ("the EU and its member states pledged")
_NOTHING_OR_MEMBERS = re.compile(r"\s*(?:and\s+(?:its|their)\s+member\s+(?:states|countries)\s*)?")


#: a giving verb and at most three words (no verb of another clause) before an amount
_GIFT_VERB_BEFORE = CuePattern(
    r"\b(?:⟨gift_verbs⟩|⟨aid_verbs⟩)\s+(?:(?:an?|the|its|their)\s+)?(?:[\w-]+\s+){0,2}?$"
)


_TITLE_AFTER = re.compile(r"\s+(?:president|prime minister|minister|leader)")

#: what a place or person is to a gift, by the words around it (see :func:`_aid_role`)
AidRole = Literal["recipient", "dateline", "given_by", "actor", "speaker"]


def _aid_role(sent: Sentence, m: M) -> AidRole | None:
    """The role the words around a place or person give it; None when it is no party to the gift.

    * "would give Ukraine 35 billion crowns": the first object of a giving verb receives;
    * "to/for/in Ukraine": receives — but "in New Delhi" (a capital) is where, and a capital
      opening the sentence ("In Oslo, the government said ...") is the dateline;
    * "provided by Japan": the agent of a giving verb gives ("damaged by the Russian
      bombardments" is an agent of something else);
    * a speaker ("Marchenko said"), who gives only when no one else acts;
    * otherwise an actor, who gives when no one else does — except a place "at the summit",
      a name's first word ("the Ukraine Facility"), an organisation that is not the subject
      and a nationality before a title ("Ukrainian President X").
    """
    low = sent.low
    assert m.party is not None
    rel = m.start - sent.start
    before = low[max(0, rel - 14) : rel]
    after = low[m.end - sent.start : m.end - sent.start + 20]
    if sent.find(_ENVOY_TO, max(0, rel - 40), rel):
        return None  # "Ambassador to France Choi Jai-chul announced $12 million": where he serves
    if sent.regex(_GIVE_BEFORE).search(before) and isinstance(m.party, Country) and m.form != "demonym":
        return "recipient"
    state = isinstance(m.party, Country) and m.form != "demonym"
    if state and sent.find(_SECOND_OBJECT_BEFORE, max(0, rel - 40), rel):
        return "recipient"  # "after the earthquakes in Türkiye and Syria": the second of "in X and Y"
    if state and sent.find(_STRUCK_BEFORE, max(0, rel - 70), rel):
        return "recipient"  # "after the quake struck central Myanmar": aid goes where disaster struck
    if sent.match(_RECIPIENT_AFTER, m.end - sent.start):
        return "recipient"  # "the Philippines became the first recipient of ..."
    if state and sent.match(_FUND_FOR_AFTER, m.end - sent.start):
        return "recipient"  # "released $5 million from the Afghanistan Humanitarian Fund": a fund for it
    if state and m.form in ("name", "code", "alias") and sent.match(_LEGISLATURE_AFTER, m.end - sent.start):
        return "given_by"  # "A $60 billion aid package for Ukraine remains stalled in the U.S. Congress"
    town = m.form == "demonym" and _TOWN_OF_AFTER.match(sent.low, m.end - sent.start) is not None
    if town and isinstance(m.party, Country):
        return "recipient"  # "burst two dams above the Libyan city of Derna": a place there, where aid goes
    if state and sent.find(_CONFERENCE_ON_BEFORE, max(0, rel - 40), rel):
        return "recipient"  # "the Brussels conference on Syria", "a pledging conference for Sudan"
    if sent.find(_RECIPIENT_OF_BEFORE, max(0, rel - 30), rel):
        return "given_by"  # "the first recipient of Japan's Official Security Assistance"
    if _passing(sent, m):
        return None
    if m.form in ("demonym", "code") and before.endswith("of "):
        return None  # "a €500 million package of US weapon systems": the weapons' maker, no receiver
    if m.form == "capital" and _SEAT_BEFORE.search(low, max(0, rel - 30), rel):
        return "actor"  # "the government in Stockholm unveiled its nineteenth package": Sweden's
    if _OBJECT_BEFORE.search(low, max(0, rel - 30), rel) and isinstance(m.party, Country):
        if sent.find(_OFFICE_OF, max(0, rel - 40), rel):
            return "actor"  # "Ambassador ... of Japan", "Secretary for Foreign Affairs of the Philippines"
        if m.form in ("capital", "metonym") and re.search(r"\b(?:in|at)\s+$", before):
            return "dateline" if rel <= 3 and after.startswith(",") else None
        return "recipient"
    if re.search(r"\bby\s+(?:the\s+)?$", before):
        # (not "remains blocked by Hungary": :func:`_aid_direction` leaves the blocker out first)
        return "given_by" if sent.find(_GIVEN_BY, max(0, rel - 48), rel) else None
    # "the UK's military support for Ukraine": the possessor gives ("into NATO's package": not)
    owner = m.form != "demonym" and not NOT_ACTOR_BEFORE.search(before)
    if owner and (sent.match(_OWN_AID, m.end - sent.start) or sent.match(_WHOSE_AID, m.end - sent.start)):
        return "given_by"  # (", whose five-year Nansen support programme ... is worth 75 billion kroner")
    if m.form in ("demonym", "code") and sent.match(_ADJECTIVE_AID, m.end - sent.start):
        return "given_by"  # "a $60 billion U.S. aid package", "German military aid"
    if before.endswith(("from ", "from the ")) and sent.match(_OWN_FUNDS_AFTER, m.end - sent.start):
        return "given_by"  # "would arrive this month from the EU's programmes"
    if state and rel <= 3 and before.strip() == "on":
        return "recipient"  # "On Ukraine itself, she promised ...": what an aid sentence is about gets it
    # (the amounts looked up only for an organisation: this runs for every place and person)
    if isinstance(m.party, Organization) and any(
        0 <= rel - (x.end - sent.start) <= 1 for x in sent.sub("money", 0, rel)
    ):
        return "given_by"  # "the fifty billion euro Ukraine Facility": the programme an amount is of
    if re.search(
        r"\b(?:at|during|on the sidelines of|near|from|counter|against|deter|confront)\s+(?:the\s+)?$", before
    ):
        return None
    if (
        m.kind == "place"
        and m.form != "demonym"
        and re.match(r" [A-Z]", sent.text[m.end - sent.start : m.end - sent.start + 2])
    ):
        return None
    if sent.match(_SPOKE, m.end - sent.start) and not (m.kind == "place" and m.form == "demonym"):
        return "speaker"  # (an organisation's officer too: "Ursula von der Leyen said the first money ...")
    if (
        isinstance(m.party, Organization)
        and not re.match(r"\s*(?:leaders|members|allies|member states)\b", after)
        and rel > 40
    ):
        return None  # an organisation gives only as the subject ("The European Union transferred ...")
    if m.kind == "place" and m.form == "demonym" and _TITLE_AFTER.match(after):
        return None
    return "actor"


#: a compass word before a place: "southern Türkiye", "north-eastern Syria"
_COMPASS = (
    r"(?:(?:north|south|east|west|central|southern|northern|eastern|western|south-?eastern|south-?western"
    r"|north-?eastern|north-?western)\s+)?"
)
#: a place a disaster struck: "the quake struck central Myanmar", "earthquakes devastated southern
#: Türkiye", and the next place of a list ("struck southern Türkiye and northern Syria")
_STRUCK_BEFORE = CuePattern(
    rf"\b(?:⟨disaster⟩)\s+(?:(?:parts|much|most)\s+of\s+)?(?:the\s+)?{_COMPASS}"
    rf"(?:[\w'’-]+\s+(?:[\w'’-]+\s+)?(?:and|or|,)\s+(?:the\s+)?{_COMPASS})?$"
)
#: "in Türkiye and ", "to Moldova and ": a place that shares the preposition of the one before it
_SECOND_OBJECT_BEFORE = re.compile(r"\b(?:in|to|for)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,2}and\s+(?:the\s+)?$")
#: "the U.S. Congress", "the German Bundestag": the giver's legislature, which votes its aid
_LEGISLATURE_AFTER = CuePattern(r"\s+(?:⟨legislatures⟩)\b")
#: "the Afghanistan Humanitarian Fund", "the Ukraine Facility": a fund named for the state it serves
_FUND_FOR_AFTER = CuePattern(r"\s+(?:⟨named_funds⟩)\b")
#: "the Brussels conference on Syria", "a pledging conference for Sudan": the state the meeting is for
_CONFERENCE_ON_BEFORE = CuePattern(r"\b(?:⟨meetings⟩)\s+(?:on|for|in support of)\s+(?:the\s+)?$")
#: "X became the first recipient of", "X is the largest beneficiary of": X receives
_RECIPIENT_AFTER = CuePattern(
    r"\s+(?:(?:has|have)\s+)?(?:become|became|becomes|is|was|remains|as)\s+(?:one\s+of\s+)?(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:⟨recipient_nouns⟩)\b"
)
#: "the Libyan city of Derna", "the Ukrainian port of Odesa": a demonym naming where a place is
_TOWN_OF_AFTER = re.compile(r"\s+(?:city|town|port|region|province|village|coast)\s+of\b")
#: "recipient of Japan's", "beneficiary of the EU's": the owner after gives
_RECIPIENT_OF_BEFORE = CuePattern(r"\b(?:⟨recipient_nouns⟩)\s+of\s+(?:the\s+)?$")

#: a speech verb after a place or person: "Marchenko said", "Berlin said on Monday"
_SPOKE = CuePattern(r"\s+(?:on\s+\w+\s+)?(?:⟨speech⟩)\b")


def _passing(sent: Sentence, m: M) -> bool:
    """A place aid only passes through or a giver visits: "flown to Poland for delivery across the
    border", "via Poland", "Poland has served as the main gateway", "on a visit to Warsaw".

    Worked out once per mention: the roles and the guess of a giver both ask.
    """
    key = ("passing", id(m))
    found: bool | None = sent.memo.get(key)
    if found is None:
        rel = m.start - sent.start
        found = sent.memo[key] = bool(
            sent.find(_VISITED, max(0, rel - 24), rel)
            or sent.match(_TRANSIT_AFTER, m.end - sent.start)
            or re.search(r"\b(?:via|through)\s+(?:the\s+)?$", sent.low[max(0, rel - 14) : rel])
        )
    return found


def _receiver_frame(sent: Sentence, a: int, b: int) -> tuple[Party | None, Party | None] | None:
    """ "Kyiv will receive 40 HIMARS from Washington": (giver, receiver) when a receiving verb says so.

    The subject receives and "from X" gives.  Without a "from X" the subject still receives
    ("Manila received 600 million yen for coastal radars": the Philippines is given, not giving)
    and the giver is left to the article; with neither the frame says nothing.
    """
    low = sent.low
    receive = sent.find(_RECEIVE, a, b)
    if receive is None:
        return None
    src = FROM.search(low, receive.end(), b)
    giver = first_party_after(sent, src.end(), b, companies=False) if src else None
    takers = [
        m
        for m in sent.mentions
        if m.kind in ("place", "person")
        and isinstance(m.party, Country)
        and m.end - sent.start <= receive.start()
        and not excluded(sent, m)
    ]
    if giver is None:
        # only the subject right before the verb ("Manila received", "Egypt, which Washington calls an
        # ally, has received"), not a state further back
        aside = _ASIDE_BEFORE.search(low, 0, receive.start())
        if aside is not None:
            takers = [m for m in takers if m.end - sent.start <= aside.start()]
        near = takers[-1] if takers else None
        stop = aside.start() if aside is not None else receive.start()
        if near is None or near.form == "demonym" or not _AUX_GAP.fullmatch(low, near.end - sent.start, stop):
            return None
        if aside is not None and not _AUX_GAP.fullmatch(low, aside.end(), receive.start()):
            return None
        return None, near.party
    return giver, (takers[-1].party if takers else None)


#: what may stand between a receiving subject and its verb: "Egypt has received", "Kyiv will also get"
_AUX_GAP = re.compile(r"[\s,]*(?:(?:has|have|had|will|would|also|already|now|reportedly)\s+)*")
#: ", which Washington designates a major non-NATO ally," between a subject and its verb
_ASIDE_BEFORE = re.compile(r",\s*(?:which|who)\b[^,;]{1,80},(?=[^,;]*$)")


def _fill_aid_parties(
    ctx: Context,
    cand: Candidate,
    donor: Party | None,
    recipient: Party | None,
    dateline: Party | None,
    passing: Set[str] = frozenset(),
) -> None:
    """Donor and recipient of ``cand``, completed from the article where the sentence is silent.

    "In Oslo, the government said it would give ...": the dateline's state gives.  With no
    actor at all the article's main party gives (unless that is where its aid goes); with no
    recipient, the country the article's aid most often goes to, else its other main party.
    """
    if donor is None and dateline is not None and (recipient is None or recipient.code != dateline.code):
        donor = dateline
    if donor is None and ctx.principal:
        # (nor a main state the sentence names only as a blocker, a rival or a foe: "But Hungary has
        # blocked the payment of some €6.6 billion ... for weapons already delivered to Ukraine")
        passing = passing | {p.code for p in ctx.principal if set_aside(cand.sentence, p)}
        # not the state this package goes to, nor the one the article's aid goes to
        # nor the article's foe ("frozen Russian assets" in a story of "Russia's invasion")
        takers = {p.code for p in (recipient, ctx.aid_recipient) if p is not None} | passing | ctx.foes
        main = {p.code for p in ctx.principal}
        # (first the state the report is written from: "The government will provide US$500,000 ...
        # to Laos" in a report whose sources are in Seoul)
        home = [ctx.home] if ctx.home is not None and ctx.home.code not in takers else []
        donor = next((p for p in (*home, *ctx.principal) if p.code not in takers), None)
        if donor is None and ctx.principal[0].code not in passing and not ctx.foes & main:
            donor = ctx.principal[0]
        cand.guessed = "donor"  # (the sentence names no giver: see :meth:`AidRule.read`)
    cand.first = donor
    if recipient is None or (cand.first is not None and recipient.code == cand.first.code):
        cand.guessed = f"{cand.guessed} recipient".strip()  # (named nowhere: see :meth:`AidRule.read`)
        recipient = ctx.aid_recipient
        if recipient is None or (cand.first is not None and recipient.code == cand.first.code):
            # "... and Warsaw had trained around 28,000 Ukrainian soldiers": the people it serves,
            # before the article's other main state (Korea, in a story of Polish arms purchases)
            served = _served(cand.sentence, cand.first, ctx.foes)
            recipient = served or ctx.partner(cand.first, exclude=ctx.foes)  # (nor ever the foe)
    cand.second = recipient


def _served(sent: Sentence, donor: Party | None, foes: Set[str]) -> Party | None:
    """The state whose people the sentence names by demonym: "Ukrainian soldiers", "the Sudanese people"."""
    for m in sent.sub("place"):
        if m.form != "demonym" or not isinstance(m.party, Country) or m.party.code in foes:
            continue
        if (donor is not None and m.party.code == donor.code) or excluded(sent, m):
            continue
        if sent.match(_PEOPLE_AFTER, m.end - sent.start):
            return m.party
    return None


#: "Ukrainian soldiers", "Sudanese people", "the Ukrainian armed forces"
_PEOPLE_AFTER = CuePattern(r"\s+(?:⟨beneficiaries⟩)\b")


#: "reports in the media that", "media reported that": what others say a state will give
_REPORTED_THAT = CuePattern(r"\b(?:⟨hearsay⟩)\b(?:\s+[\w-]+){0,4}\s+that\b")

#: "one of its", "two of Romania's": a share of the weapons named next
_PARTITIVE = re.compile(
    r"^\s*of\s+(?=(?:one|two|three|four|five|six|some|several|part|all|most|\d+) of )"
    r"|\b(?:one|two|three|four|five|six|some|several|part|all|most|\d+) of (?:its |their |the |[\w-]+'s )?"
)

#: "Romania's top defence council", "Poland's government", "Norway's parliament": a state acting as a body
_STATE_BODY_AFTER = CuePattern(r"'s\s+(?:[\w-]+\s+){0,2}?(?:⟨buyer_bodies⟩|⟨legislatures⟩|council)\b")


def _told_before(sent: Sentence, here: list[Candidate], last: Candidate | None, before: Sentence) -> None:
    """Complete the sides ``here`` guessed from the gift (or the state) the sentence before told.

    "... when twin earthquakes devastated southern Türkiye, the government sent ... $5 million. It
    later shipped relief supplies worth about 1 billion won": the same giver's next gift goes where
    the last one went.  "Of that, $200 million ... was delivered last year", "Its direct help has
    been humanitarian ...": the giver (and receiver) the sentence before told, not the article's
    main states.
    """
    if last is not None and last.first is not None and _GOES_ON.match(sent.low):
        for cand in here:
            if "donor" in cand.guessed and (cand.second is None or cand.second.code != last.first.code):
                # "Morrison committed seventy million Australian dollars ... He also announced
                # thirty-five million dollars": the giver just told, not the article's main one
                cand.first = last.first
            same_giver = cand.first is not None and cand.first.code == last.first.code
            if "recipient" in cand.guessed and same_giver and last.second is not None:
                cand.second = last.second
    elif last is not None and last.second is not None and "recipient" not in last.guessed:
        # "At the Brussels conference on Syria, the EU raised its pledge to 2.5 billion euros. Baerbock
        # announced an additional 300 million euros": a gift whose sentence names no receiver goes
        # where the gift just told went, not where the article's aid goes most
        for cand in here:
            if "recipient" in cand.guessed and (cand.first is None or cand.first.code != last.second.code):
                cand.second = last.second
    elif last is None and (topic := _topic(before)) is not None:
        # "Ukraine remains the largest commitment by far. Korea's humanitarian aid to the country rose
        # from about $100 million ...": the state a paragraph opens on is where its gifts go
        for cand in here:
            if "recipient" in cand.guessed and (cand.first is None or cand.first.code != topic.code):
                cand.second = topic
    if not (_BACK_TO_LAST.match(sent.low) or _PART_OF_LAST.search(sent.low)):
        return
    giver: Party | None = last.first if last is not None else None
    if giver is None:
        giver = next((p for p in sentence_actors(before) if isinstance(p, Country)), None)
    taker = last.second if last is not None else None
    for cand in here:
        other = cand.second.code if cand.second is not None else None
        if "donor" in cand.guessed and giver is not None and other != giver.code:
            cand.first = giver
        if "recipient" in cand.guessed and taker is not None:
            cand.second = taker


def _topic(sent: Sentence) -> Party | None:
    """The state a sentence opens on as its subject ("Gaza has drawn a similar escalation", "Ukraine
    remains the largest commitment"), if it names no other."""
    states = [m for m in sent.sub("place") if isinstance(m.party, Country)]
    if not states or states[0].start - sent.start > 1 or states[0].form == "demonym":
        return None
    first = states[0]
    if any(m.party != first.party for m in states) or excluded(sent, first):
        return None
    return first.party if sent.match(_TOPIC_VERB, first.end - sent.start) else None


#: a topic sentence's verb: "Gaza has drawn", "Ukraine remains", "Sudan is"
_TOPIC_VERB = re.compile(r"\s+(?:has|have|is|remains|was|has been|now)\b")


def _gets_an_amount(sent: Sentence) -> bool:
    """Whether a state right before a receiving verb gets an amount just after it, the one state the
    sentence names (a list of shares, "Poland will get ..., followed by Romania with ...", names no
    giver it could be guessed for)."""
    states = {m.party.code for m in sent.sub("place") if isinstance(m.party, Country)}
    if len(states) != 1:
        return False
    for m in sent.sub("place"):
        if m.form == "demonym" or not isinstance(m.party, Country):
            continue
        hit = sent.match(_GETS_AMOUNT, m.end - sent.start)
        if hit is not None and sent.sub("money", hit.end(), hit.end() + 2):
            return True
    return False


#: "receives $26.4 billion", "will get about 144.6 million euros", "is to receive some"
_GETS_AMOUNT = CuePattern(
    r"\s+(?:will\s+|would\s+|is\s+to\s+|is\s+set\s+to\s+)?(?:⟨receive⟩)\s+"
    rf"(?:(?:{HEDGE})\s+)?"
)


#: "announced an additional 300 million euros", "a further $50 million": more of the aid the article
#: tells, with no aid word of its own
_MORE_OF_IT = re.compile(r"\b(?:an additional|a further|another)\s+(?:[\w.,-]+\s+){0,2}?(?:[$€£]|\d)")


def _list_lead(sent: Sentence, recent: Sequence[Sentence], cues: Cues) -> Sentence | None:
    """The lead-in of the list whose item ``sent`` is ("The Commission pledged:"), if it gives."""
    if not _BULLET.match(sent.low):
        return None
    lead = next((r for r in reversed(recent) if not _BULLET.match(r.low)), None)
    if lead is None or not lead.low.rstrip().endswith(":"):
        return None
    return lead if lead.search(cues.compiled["aid"]) or lead.search(AID_WORD) else None


#: a list item: "- €108 million for ...", "• 12 howitzers"
_BULLET = re.compile(r"\s*[-•*–]\s")


#: a sentence that refers back to the giver just told: "Its direct help ...", "Of that, $200 million ...",
#: "The package comes only two months after the previous one, ..."
_BACK_TO_LAST = re.compile(
    r"\s*(?:its|their|of that|of this|of which|of the total|the (?:new )?(?:package|pledge|grant|donation)"
    # ("The biggest piece is about sixty-one billion dollars for Ukraine. Then there's about twenty-six
    # billion dollars related to Israel": the next piece of the same giver's package)
    r"|then there(?:'s|’s| is| are)|there(?:'s|’s| is) also)\b"
)

#: a sentence that lists the parts of the gift just told: "The total includes ...", "It covers ..."
_PARTS_OF_LAST = re.compile(
    r"\s*(?:the (?:total|sum|money|funding|amount)|it|this)\s+(?:also\s+)?"
    r"(?:includes|covers|comprises|consists of)\b"
)

#: a figure that is a part of the gift just told: "Only about C$320 million of that is new military spending"
_PART_OF_LAST = re.compile(r"(?:illion|\d)\s+of\s+(?:that|this|which|the total)\b")

#: a sentence that goes on about the giver just told: "It later shipped ...", "The government also sent ...",
#: "He also announced ..."
_GOES_ON = re.compile(r"\s*(?:it|they|he|she|the government|the ministry)\s+(?:later|also|then|further)\b")


#: "blocked by", "vetoed by", "held up by": the agent stops a gift
_BLOCKED_BY = CuePattern(r"\b(?:⟨blocking⟩)\s+(?:\w+\s+)?by\s+(?:the\s+)?$")


def _blocked(sent: Sentence, m: M) -> bool:
    """A place or person named as the agent of a blocking verb ("remains blocked by Hungary")."""
    rel = m.start - sent.start
    return sent.find(_BLOCKED_BY, max(0, rel - 30), rel) is not None


#: a giving verb in the passive, its agent next: "provided by Japan", "financed in full by the EU"
_GIVEN_BY = CuePattern(r"\b(?:⟨given_by⟩)\s+(?:[\w-]+\s+){0,3}by\s+(?:the\s+)?$")


#: a giving verb right before a country: that country is the (indirect) object, the one who receives
_GIVE_BEFORE = CuePattern(r"\b(?:⟨give_to⟩)\s+(?:the\s+)?$")


_RECEIVE = CuePattern(r"\b(?:⟨receive⟩)\b")

#: a giving verb of a clause's own: "and Lithuania has set aside EUR 200 million", "and Norway
#: will give" (a finite verb: "with a grant amount of" is a noun)
_GIVING = CuePattern(
    r"\b(?:has|have|had|will|would|is to|are to|also)\s+(?:\w+\s+)?(?:⟨give_to⟩|⟨given_by⟩)\b"
)


#: "U.S. aid package", "German military assistance": an aid noun its state's adjective gives
_ADJECTIVE_AID = CuePattern(r"\s+(?:(?:⟨aid_adjectives⟩)\s+)?(?:⟨aid_nouns⟩)\b")
#: an approval of sales in the sentence ("a US$385 million approval", "the State Department cleared")
_APPROVAL = CuePattern(r"\b(?:⟨approving⟩)\b")
#: after an amount: a bill for many recipients, or a group that names no state
_NO_ONE_RECIPIENT = re.compile(
    r"\s+(?:(?:in\s+)?(?:foreign\s+|military\s+|emergency\s+|supplemental\s+)?(?:aid\s+|spending\s+)?"
    r"(?:bill|legislation|law|supplemental)\b"
    r"|for\s+(?:\w+\s+)?(?:allies|partners|countries|nations|states)\s+in\b)"
)
#: "appealed for $275 million", "asked for about $1 billion": an amount asked for
_REQUESTED = CuePattern(r"\b(?:⟨request⟩)\s+(?:[\w$€£.,-]+\s+){0,3}$")
#: "to Poland for delivery across the border", "Poland has served as the main gateway": a way through
_TRANSIT_AFTER = CuePattern(r"\s*,?\s*(?:⟨transit⟩)")
#: "visited Kyiv", "arrived in Warsaw": a place travelled to
_VISITED = CuePattern(r"\b(?:⟨visit⟩)\s+(?:the\s+)?$")
#: "the UK's military support", "Germany's aid package": an aid noun its possessor gives
_AID_THINGS = r"(?:⟨aid_nouns⟩|package|pledge|donation|contribution|facility|fund)s?\b"
_OWN_AID = CuePattern(r"'s?\s+(?:[\w-]+\s+){0,2}?" + _AID_THINGS)
#: "Norway, whose five-year Nansen support programme": the aid of the state before "whose"
_WHOSE_AID = CuePattern(r",\s*whose\s+(?:[\w-]+\s+){0,3}?" + _AID_THINGS)


#: "from the EU's programmes", "from Japan's emergency fund": where the money comes from, its giver's
_OWN_FUNDS_AFTER = re.compile(
    r"(?:'s?|’s?)\s+(?:[\w-]+\s+){0,2}?(?:programmes?|programs?|funds?|budgets?|coffers|facility|reserves)\b"
)


#: "the Ambassador of Japan", "Minister of Defence of Poland": an office's state, who acts
_OFFICE_OF = CuePattern(r"\b(?:⟨office_of⟩)\s+of\s+(?:the\s+)?$")
#: "Ambassador to France", "the EU's envoy to the UN": where an envoy serves, no receiver
_ENVOY_TO = CuePattern(r"\b(?:⟨envoy_to⟩)\s+to\s+(?:the\s+)?$")
#: between an amount and its giver: " from ", " from the "
_FROM_GAP = re.compile(r"\s+from\s+(?:the\s+)?")
_OBJECT_BEFORE = re.compile(
    r"\b(?:to|for|in|into)\s+(?:the\s+)?(?:neighbou?ring\s+|war-torn\s+|quake-hit\s+|flood-hit\s+)?$|\b(?:of)\s+$"
)
#: "the government in Stockholm", "the authorities in Kyiv": a capital standing for its state's government
_SEAT_BEFORE = re.compile(r"\b(?:government|authorities|cabinet)\s+in\s+$")


#: "gave it Foreign Military Financing", "sent them 20 million euros": a receiver told before
_GAVE_IT = CuePattern(r"\b(?:⟨give_to⟩)\s+(?:it|them)\b")
#: "the recovery in Tonga", "in the Philippines, families are still rebuilding after Typhoon Rai"
_SCENE = CuePattern(r"\b(?:⟨scene_nouns⟩)\b")


#: "in Tonga", "in the Philippines": where something happens
_IN_BEFORE = re.compile(r"\bin (?:the )?$")


def _scene(sent: Sentence) -> Party | None:
    """The one state a sentence with no gift places a disaster or its aftermath "in"."""
    if sent.find(_SCENE) is None:
        return None
    found = {
        m.party.code: m.party
        for m in sent.sub("place")
        if isinstance(m.party, Country)
        and m.form != "demonym"
        and _IN_BEFORE.search(sent.low, max(0, m.start - sent.start - 8), m.start - sent.start) is not None
    }
    return next(iter(found.values())) if len(found) == 1 else None


class AidRule:
    """Aid packages: a donor gives money or weapons to a recipient (see :func:`aid_candidates`)."""

    field: ClassVar[str] = "aid_packages"

    def __init__(self) -> None:
        self.found: list[Candidate] = []
        self.scene: Party | None = None  # where the paragraph's disaster is (see :func:`_scene`)

    def read(self, sent: Sentence, reading: Reading) -> None:
        lead = _list_lead(sent, reading.recent, reading.ctx.cues)
        here = aid_candidates(sent, reading.ctx, listed=lead is not None)
        if len(reading.sentences) > 1 and "\n" in reading.norm.text[reading.sentences[-2].end : sent.start]:
            self.scene = None  # a new paragraph
        if not here:
            self.scene = _scene(sent) or self.scene
        if lead is not None:
            # "The European Commission itself pledged: - €1 billion for ... Türkiye; - €108 million for
            # ... Syria": each item is the lead-in's giver's
            giver = next(iter(sentence_actors(lead)), None)
            for cand in here:
                if "donor" in cand.guessed and giver is not None and cand.second != giver:
                    cand.first = giver
        last = self.found[-1] if self.found else None
        if last is not None and not (reading.recent and last.sentence is reading.recent[-1]):
            last = None  # (only a gift told in the sentence just before is referred back to)
        if here and reading.recent:
            _told_before(sent, here, last, reading.recent[-1])
        if here and reading.recent and sent.search(_GAVE_IT) is not None:
            # "Taiwan has until recently bought its U.S. weapons with its own money. The Biden
            # administration gave it Foreign Military Financing ..., an $80 million grant": "it"
            it = antecedent(reading.recent)
            for cand in here:
                if "recipient" in cand.guessed and it is not None and it != cand.first:
                    cand.second = it
        if self.scene is not None:
            # "Closer to home, the recovery in Tonga continues ... Foreign Minister Marise Payne announced
            # another two million dollars": where the paragraph's disaster is, not the article's aid goes
            for cand in here:
                if "recipient" in cand.guessed and (cand.first is None or cand.first.code != self.scene.code):
                    cand.second = self.scene
        reading.found[self.field] = here  # (the deal rule leaves these amounts to aid)
        if last is not None and (_BACK_TO_LAST.match(sent.low) or _PARTS_OF_LAST.match(sent.low)):
            # "Israel receives $26.4 billion. The total includes about $4 billion to replenish the Iron
            # Dome ...": the parts of the gift just told, whatever this rule makes of them, are no sale
            reading.found["gift_parts"] = (sent,)
        if here:
            self.found.extend(c for c in here if not c.aggregate)
            reading.sums.extend(c for c in here if c.aggregate)

    def records(self, reading: Reading) -> tuple[AidPackage, ...]:
        return tuple(
            AidPackage(
                donor=c.first,
                recipient=c.second,
                kind=cast(AidKind, c.aid_kind),
                value=reading.money(c.value),
                date=reading.time(c.date),
                items=tuple(c.systems),
                evidence=reading.evidence([c.sentence, *c.sentences]),
            )
            for c in merge(self.found)
        )
