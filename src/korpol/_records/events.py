"""Deployments of troops and meetings of office-holders, where the text supports them.
"""

from __future__ import annotations

import re
from typing import ClassVar

import attrs

from korpol._model import Deployment, Meeting, TimeSpan
from korpol._model.values import time_in_original
from korpol._records.context import Context
from korpol._records.cues import CuePattern
from korpol._records.evidence import evidence_for
from korpol._records.merge import year_of
from korpol._records.roles import TO, first_party_after, parties_between
from korpol._records.rules import Reading
from korpol._records.sentence import Sentence
from korpol._records.slots import nearest_time
from korpol._text import NormalizedText

__all__ = ["deployments_in", "meetings_in", "merge_deployments", "merge_meetings"]


#: words that make a sentence report a meeting of office-holders
_MEETING = CuePattern(r"\b(?:⟨meeting⟩)\b")


_IN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")


def meetings_in(sent: Sentence, norm: NormalizedText, doc_id: str | None, original: str) -> list[Meeting]:
    """Office-holders of at least two states or organisations meeting, where and when the sentence says."""
    low = sent.low
    people = [m for m in sent.sub("person") if m.party is not None and m.value.role]
    if len(people) < 2:
        return []  # (checked before the cue: most sentences name fewer than two office-holders)
    names = list(dict.fromkeys(m.value.name for m in people))
    parties = list({m.party.code: m.party for m in people if m.party is not None}.values())
    if len(names) < 2 or len(parties) < 2 or not sent.regex(_MEETING).search(low):
        return []
    place = None
    for m in sent.sub("place"):
        if m.form in ("capital", "name") and _IN_PLACE.search(
            low, max(0, m.start - sent.start - 10), m.start - sent.start
        ):
            place = sent.text[m.start - sent.start : m.end - sent.start]
            break
    date = _in_original(nearest_time(sent, 0, len(low)), norm, original)
    return [
        Meeting(
            participants=tuple(names),
            parties=tuple(parties),
            place=place,
            date=date,
            evidence=evidence_for([sent], norm, doc_id, original),
        )
    ]


def merge_meetings(found: list[Meeting]) -> tuple[Meeting, ...]:
    """One meeting per set of participants and date: a readout mentions the same talks several times."""
    out: list[Meeting] = []
    for m in found:
        for i, o in enumerate(out):
            if set(o.participants) == set(m.participants) and (
                o.date is None or m.date is None or year_of(o.date) == year_of(m.date)
            ):
                out[i] = attrs.evolve(
                    o, place=o.place or m.place, date=o.date or m.date, evidence=(*o.evidence, *m.evidence)
                )
                break
        else:
            out.append(m)
    return tuple(out)


def merge_deployments(found: list[Deployment]) -> tuple[Deployment, ...]:
    """One record per sender and destination; a stated size fills in, a different one stays apart."""
    out: list[Deployment] = []
    for d in found:
        for i, o in enumerate(out):
            if (o.sender, o.destination) != (d.sender, d.destination):
                continue
            if o.size is not None and d.size is not None and o.size != d.size:
                continue  # "11,000 troops ... 3,000 more": two dispatches
            out[i] = attrs.evolve(
                o,
                size=o.size if o.size is not None else d.size,
                date=o.date or d.date,
                evidence=(*o.evidence, *d.evidence),
            )
            break
        else:
            out.append(d)
    return tuple(out)


def _in_original(date: TimeSpan | None, norm: NormalizedText, original: str) -> TimeSpan | None:
    return None if date is None else time_in_original(date, original, norm.to_original)


def deployments_in(
    sent: Sentence, ctx: Context, norm: NormalizedText, doc_id: str | None, original: str
) -> list[Deployment]:
    low = sent.low
    places = parties_between(sent, 0, len(low))
    if len(places) < 2:
        return []  # a sender and a destination: two states at least (checked before the cues)
    verb = sent.search(ctx.cues.compiled["deploy"])
    if not verb or not re.search(r"\b(?:troops|soldiers|forces|personnel)\b", low):
        return []
    before = [m for m in places if m.end - sent.start <= verb.start()]
    dst = TO.search(low, verb.end())
    after = first_party_after(sent, dst.end(), len(low), companies=False, foes=True) if dst else None
    if not before or after is None or before[-1].party is None or before[-1].party.code == after.code:
        return []
    size = None
    for q in sent.sub("qty"):
        if q.value.unit.lower() in ("troop", "soldier", "personnel"):
            size = int(q.value.value)
            break
    return [
        Deployment(
            sender=before[-1].party,
            destination=after,
            size=size,
            date=_in_original(nearest_time(sent, 0, len(low)), norm, original),
            evidence=evidence_for([sent], norm, doc_id, original),
        )
    ]


class DeploymentRule:
    """Deployments: a state sends troops to another (see :func:`deployments_in`)."""

    field: ClassVar[str] = "deployments"

    def __init__(self) -> None:
        self.found: list[Deployment] = []

    def read(self, sent: Sentence, reading: Reading) -> None:
        self.found.extend(deployments_in(sent, reading.ctx, reading.norm, reading.doc_id, reading.original))

    def records(self, reading: Reading) -> tuple[Deployment, ...]:
        return merge_deployments(self.found)


class MeetingRule:
    """Meetings: office-holders of two states or more meet (see :func:`meetings_in`)."""

    field: ClassVar[str] = "meetings"

    def __init__(self) -> None:
        self.found: list[Meeting] = []

    def read(self, sent: Sentence, reading: Reading) -> None:
        self.found.extend(meetings_in(sent, reading.norm, reading.doc_id, reading.original))

    def records(self, reading: Reading) -> tuple[Meeting, ...]:
        return merge_meetings(self.found)
