"""Leader records: the office-holders an article names, one record per person and state.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any, ClassVar

from korpol._mentions.scan import M, PersonM
from korpol._model import (
    Country,
    Evidence,
    Leader,
    Party,
)
from korpol._records.context import Context
from korpol._records.evidence import readable_sentence
from korpol._records.roles import actors
from korpol._records.rules import Reading
from korpol._records.sentence import Sentence
from korpol._refdata.offices import Office, get_role_title
from korpol._text import NormalizedText

__all__ = ["leaders_in"]


def _home(m: PersonM, ctx: Context, sentence: Sentence | None = None) -> Party | None:
    """The state of an office-holder the reference data does not know ("Defence Minister X").

    The article's main country: a title without a nationality ("Defense
    Secretary Gilberto Teodoro said") in news means the country the story is
    about.  A one-word name ("President Current") is a misreading and gets none.
    """
    if len(m.value.name.split()) < 2:
        return None
    # "Defense Minister Yoav Gallant and German Minister Boris Pistorius": not the other leader's state
    taken = set()
    if sentence is not None:
        taken = {
            x.party.code
            for x in sentence.mentions
            if x.kind == "person" and x.party is not None and x is not m
        }
        # "Lithuania followed within a fortnight: Defence Minister Arvydas Anušauskas signed ...": the
        # one state the sentence has acting before the title, not the article's main one
        acting = {
            p.code: p
            for p in actors(sentence, 0, m.start - sentence.start)
            if isinstance(p, Country) and p.code not in taken
        }
        # (a possessor or an adjective names a thing's state, not the speaker's: "Turkey's T-155")
        owned = {
            x.party.code
            for x in sentence.sub("place", 0, m.start - sentence.start)
            if x.party is not None and (x.form == "demonym" or x.value.possessive)
        }
        if len(acting) == 1 and not set(acting) & owned:
            return next(iter(acting.values()))
        # "... under the German government's framework contract, a deal that Defence Minister X
        # confirmed": of several, the one state not named as a thing's owner
        own = [p for c, p in acting.items() if c not in owned]
        if len(acting) > 1 and len(own) == 1:
            return own[0]
        # "The contract, signed in Belgrade by Defence Minister Bratislav Gašić": the capital where
        # the untitled-by-state official acts, when the sentence names no other state before him
        places = sentence.sub("place", 0, m.start - sentence.start)
        before = [(x.party, x.form) for x in places if isinstance(x.party, Country)]
        seats = {party.code: party for party, form in before if form == "capital"}
        alone = len({party.code for party, _ in before}) == 1
        # (holders of another office are no rivals for his: "during Shin's visit to Bucharest and his
        # talks with Defence Minister Angel Tîlvăr, three months after Presidents Yoon and Iohannis
        # held a summit": Romania's minister)
        if not acting and len(seats) == 1 and alone and not set(seats) & _same_rank(m, sentence):
            return next(iter(seats.values()))
    if ctx.home is not None and (
        ctx.home.code not in taken or (taken == {ctx.home.code} and _colleagues(m, sentence) == taken)
    ):
        # ("CANBERRA ... Reynolds said ..., while Defence Industry Minister Melissa Price said": the
        # only other office-holder named is a colleague of the dateline's government in another office)
        # "CANBERRA, Aug 5 (Reuters) - ... Defence Industry Minister Pat Conroy said": a report's
        # untitled-by-state officials are those of where it is written, not its most named state
        return ctx.home
    return next(
        (p for p in ctx.principal if p.code not in taken), ctx.principal[0] if ctx.principal else None
    )


def _same_rank(m: PersonM, sentence: Sentence) -> set[str]:
    """The states of the other office-holders of ``m``'s rank (head of state or government, or not)."""
    head = _is_head(m.value.role)
    return {
        x.party.code
        for x in sentence.mentions
        if x.kind == "person" and x.party is not None and x is not m and _is_head(x.value.role) == head
    }


def _is_head(role: object) -> bool:
    """Whether ``role`` is a head of state's or government's (its function in roles.tsv)."""
    title = get_role_title(str(role)) if role else None
    return title is not None and title.function in ("head of state", "head of government")


def _colleagues(m: PersonM, sentence: Sentence | None) -> set[str]:
    """The states of the office-holders in other offices than ``m``'s that his sentence names."""
    role = str(m.value.role or "").lower()
    return {
        x.party.code
        for x in (sentence.mentions if sentence is not None else ())
        if x.kind == "person"
        and x.party is not None
        and x is not m
        and x.value.role
        and str(x.value.role).lower() != role
    }


def leaders_in(
    mentions: Sequence[M],
    sentences: Sequence[Sentence],
    ctx: Context,
    norm: NormalizedText,
    doc_id: str | None,
    original: str,
) -> tuple[Leader, ...]:
    found: dict[tuple[str, str], tuple[dict[str, Any], list[Evidence]]] = {}
    order: list[tuple[str, str]] = []
    starts = [x.start for x in sentences]
    for m in mentions:
        if m.kind != "person":
            continue
        p = m.value
        role = p.role
        party = m.party  # already the office's state where the reference data knows the office
        name = p.name
        i = bisect.bisect_right(starts, m.start) - 1
        sentence = sentences[i] if i >= 0 and sentences[i].end >= m.end else None
        office: Office | None = p.office
        if role and name and party is None and p.how == "title":
            party = _home(m, ctx, sentence)
        if not role or party is None or not name:
            continue
        key = ((office.name if office is not None else None) or name, party.code)
        a, b = norm.to_original(m.start, m.end)
        context = readable_sentence(sentence, norm, original)[2] if sentence is not None else ""
        ev = Evidence(doc_id=doc_id, start=a, end=b, text=original[a:b], sentence=context)
        if key in found:
            fields, evidence = found[key]
            if len(name) > len(fields["name"]):
                fields["name"] = name
            evidence.append(ev)
            continue
        found[key] = (
            {
                "name": name,
                "role": str(role).lower(),
                "country": party,
                "aliases": office.aliases if office is not None else (),
                "term_start": office.term_start if office is not None else None,
                "term_end": office.term_end if office is not None else None,
            },
            [ev],
        )
        order.append(key)
    return tuple(Leader(**found[k][0], evidence=tuple(found[k][1])) for k in order)


class LeaderRule:
    """Leaders: the office-holders the document names, read from all its mentions at the end."""

    field: ClassVar[str] = "leaders"

    def read(self, sent: Sentence, reading: Reading) -> None:
        """Nothing per sentence: a leader is read from the whole document (see :meth:`records`)."""

    def records(self, reading: Reading) -> tuple[Leader, ...]:
        return leaders_in(
            reading.mentions, reading.sentences, reading.ctx, reading.norm, reading.doc_id, reading.original
        )
