"""Deployments of troops and meetings of office-holders, where the text supports them.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

import attrs

from korpol._model import (
    Deployment,
    Evidence,
    Meeting,
    Party,
    TimeSpan,
)
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
    if len(names) < 2 or len(parties) < 2 or not sent.find(_MEETING):
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
    """One meeting per set of participants and date: a readout mentions the same talks several times.

    A meeting joins the first earlier one of the same participants whose date is unknown or
    in the same year.  Linear time: the meetings of a set of participants are kept by year (only
    the first can lack a date, and it then takes every later one), and the evidence of a merged
    meeting is joined once, at the end, not copied at every merge.
    """
    out: list[_Joined] = []
    by_people: dict[frozenset[str], tuple[_Joined, dict[int | None, _Joined]]] = {}
    for m in found:
        key = frozenset(m.participants)
        if key not in by_people:
            first = _Joined(m, m.date, place=m.place)
            out.append(first)
            by_people[key] = (first, {} if m.date is None else {year_of(m.date): first})
            continue
        first, by_year = by_people[key]
        target = first if first.date is None or m.date is None else by_year.get(year_of(m.date))
        if target is None:
            target = _Joined(m, m.date, place=m.place)
            out.append(target)
            by_year.setdefault(year_of(m.date), target)
            continue
        if target.date is None and m.date is not None:
            by_year.setdefault(year_of(m.date), target)
        target.join(m.evidence, date=target.date or m.date, place=target.detail["place"] or m.place)
    return tuple(j.record() for j in out)


def merge_deployments(found: list[Deployment]) -> tuple[Deployment, ...]:
    """One record per sender and destination; a stated size fills in, a different one stays apart.

    A deployment joins the first earlier one of the same sender and destination whose size is
    unknown or the same ("11,000 troops ... 3,000 more": two dispatches).  Linear time: the
    records of a pair are kept by size (only the first can lack one, and it then takes every
    later one), and the evidence of a merged record is joined once, at the end.
    """
    out: list[_Joined] = []
    by_pair: dict[tuple[Party | None, Party | None], tuple[_Joined, dict[int, _Joined]]] = {}
    for d in found:
        key = (d.sender, d.destination)
        if key not in by_pair:
            first = _Joined(d, d.date, size=d.size)
            out.append(first)
            by_pair[key] = (first, {} if d.size is None else {d.size: first})
            continue
        first, by_size = by_pair[key]
        size = first.detail["size"]
        target = first if size is None or d.size is None else by_size.get(d.size)
        if target is None:
            assert d.size is not None  # (a record without a size joins the first)
            target = _Joined(d, d.date, size=d.size)
            out.append(target)
            by_size.setdefault(d.size, target)
            continue
        size = target.detail["size"]
        if size is None and d.size is not None:
            by_size.setdefault(d.size, target)
        target.join(d.evidence, date=target.date or d.date, size=d.size if size is None else size)
    return tuple(j.record() for j in out)


class _Joined:
    """A record of :func:`merge_meetings` or :func:`merge_deployments` and the repeats joined to it."""

    __slots__ = ("date", "detail", "evidence", "first")

    def __init__(self, first: Any, date: TimeSpan | None, **detail: Any) -> None:
        self.first = first
        self.date = date
        self.detail = detail  # the place of a meeting, the size of a deployment
        self.evidence: list[tuple[Evidence, ...]] = [first.evidence]

    def join(self, evidence: tuple[Evidence, ...], *, date: TimeSpan | None, **detail: Any) -> None:
        self.evidence.append(evidence)
        self.date = date
        self.detail.update(detail)

    def record(self) -> Any:
        if len(self.evidence) == 1:
            return self.first
        evidence = tuple(ev for part in self.evidence for ev in part)
        return attrs.evolve(self.first, date=self.date, evidence=evidence, **self.detail)


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
