"""The records korpol extracts: leaders, arms deals, aid packages, agreements, deployments, meetings.

Field names are the contract of ``DESIGN.md``; every record carries the evidence it was read
from.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

import attrs

from korpol._errors import ValidationError
from korpol._model.base import (
    AGREEMENT_KINDS,
    AID_KINDS,
    DEAL_STATUSES,
    AgreementKind,
    AidKind,
    DealStatus,
    Record,
    in_vocabulary,
    is_opt_str,
    is_str,
    opt_int,
    str_tuple,
    to_date,
)
from korpol._model.parties import Party, to_parties, to_party
from korpol._model.show import Shown
from korpol._model.values import Evidence, Money, TimeSpan, evidence_tuple, money_tuple, to_money, to_timespan

__all__ = [
    "AGGREGATE_OF",
    "Aggregate","Agreement", "AidPackage", "ArmsDeal", "Deployment", "Leader", "Meeting"]


def _term_start(value: dt.date | str | None) -> dt.date | None:
    return to_date(value, "term_start")


def _term_end(value: dt.date | str | None) -> dt.date | None:
    return to_date(value, "term_end")


@attrs.frozen(repr=False)
class Leader(Shown, Record):
    """A holder of a state, government or organisation office.

    ``country`` is a :class:`Country`, or an :class:`Organization` for an
    organisation's officer (NATO's Secretary General).  ``role`` is lower-case.

    >>> from korpol import Country
    >>> Leader(name="Andrzej Duda", role="President", country=Country(code="PL", name="Poland"))
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: role: 'President' is not valid: roles are lower-case ('president')
    """

    name: str = attrs.field(validator=is_str)
    role: str = attrs.field(validator=is_str)
    country: Party | None = attrs.field(converter=to_party)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    term_start: dt.date | None = attrs.field(default=None, converter=_term_start)
    term_end: dt.date | None = attrs.field(default=None, converter=_term_end)
    evidence: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=evidence_tuple)

    def __attrs_post_init__(self) -> None:
        if self.role != self.role.lower():
            raise ValidationError("role", self.role, f"roles are lower-case ({self.role.lower()!r})")
        if not self.name.strip():
            raise ValidationError("name", self.name, "a leader needs a name")
        if self.term_start and self.term_end and self.term_start > self.term_end:
            raise ValidationError("term_start", self.term_start, f"after term_end {self.term_end}")

    def held_on(self, day: dt.date) -> bool:
        """Whether the office was held on ``day`` (open-ended terms count as held)."""
        return (self.term_start is None or self.term_start <= day) and (
            self.term_end is None or day <= self.term_end
        )


@attrs.frozen(repr=False)
class ArmsDeal(Shown, Record):
    """A transfer of weapons from a supplier state to a recipient state.

    ``status`` is one of framework | planned | signed | delivered; ``value``
    is the first figure the text gives, ``alt_values`` every other figure it
    gives for the same deal; ``date`` is when it was agreed/signed/announced.
    Parties may be given as codes or names of the reference data.

    >>> deal = ArmsDeal(supplier="KR", recipient="Poland", status="signed",
    ...                 value=Money(amount="6500000000", currency="USD"), systems=("K2",), quantity=180)
    >>> deal.supplier.code, deal.recipient.code, str(deal.value)
    ('KR', 'PL', 'USD 6,500,000,000')
    >>> ArmsDeal.from_dict(deal.to_dict()) == deal
    True
    """

    supplier: Party | None = attrs.field(converter=to_party)
    recipient: Party | None = attrs.field(converter=to_party)
    status: DealStatus = attrs.field(validator=in_vocabulary(DEAL_STATUSES))
    value: Money | None = attrs.field(default=None, converter=to_money)
    alt_values: tuple[Money, ...] = attrs.field(factory=tuple, converter=money_tuple)
    date: TimeSpan | None = attrs.field(default=None, converter=to_timespan)
    systems: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    quantity: int | None = attrs.field(default=None, validator=opt_int)
    contractors: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    evidence: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=evidence_tuple)


@attrs.frozen(repr=False)
class AidPackage(Shown, Record):
    """Assistance given or pledged by a donor to a recipient.

    ``kind`` is one of humanitarian | military | financial | reconstruction |
    education | mixed; ``items`` names what is given ("ambulances").

    >>> aid = AidPackage(donor="KR", recipient="UA", kind="humanitarian",
    ...                  value=Money(amount="100000000", currency="USD"), date=TimeSpan.year(2023))
    >>> aid.donor.name, aid.recipient.code, str(aid.value), str(aid.date)
    ('South Korea', 'UA', 'USD 100,000,000', '2023')
    >>> AidPackage(donor="KR", recipient="UA", kind="gift")
    Traceback (most recent call last):
    ...
    korpol._errors.ValidationError: kind: 'gift' is not valid: ...
    """

    donor: Party | None = attrs.field(converter=to_party)
    recipient: Party | None = attrs.field(converter=to_party)
    kind: AidKind = attrs.field(validator=in_vocabulary(AID_KINDS))
    value: Money | None = attrs.field(default=None, converter=to_money)
    date: TimeSpan | None = attrs.field(default=None, converter=to_timespan)
    items: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    evidence: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=evidence_tuple)


@attrs.frozen(repr=False)
class Agreement(Shown, Record):
    """A government-level document or relationship between parties.

    ``until`` is the stated end of validity ("through 2028").

    >>> pact = Agreement(parties=("KR", "PL"), kind="action_plan", until=TimeSpan.year(2028))
    >>> [p.code for p in pact.parties], pact.kind, pact.until.end
    (['KR', 'PL'], 'action_plan', datetime.date(2028, 12, 31))
    """

    parties: tuple[Party, ...] = attrs.field(converter=to_parties)
    kind: AgreementKind = attrs.field(validator=in_vocabulary(AGREEMENT_KINDS))
    date: TimeSpan | None = attrs.field(default=None, converter=to_timespan)
    until: TimeSpan | None = attrs.field(default=None, converter=to_timespan)
    signatories: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    topics: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    value: Money | None = attrs.field(default=None, converter=to_money)
    evidence: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=evidence_tuple)


AggregateOf = Literal["arms_deals", "aid_packages"]
AGGREGATE_OF: tuple[str, ...] = get_args(AggregateOf)


@attrs.frozen(repr=False)
class Aggregate(Shown, Record):
    """A sum of several deals or aid packages the text states, kept apart from them.

    "Poland has signed Korean contracts worth some $16.5 billion since 2022", "$26.7 billion in
    security assistance since the invasion": a recap of many transfers, not one of them.  It is
    queryable (:meth:`korpol.Corpus.aggregates`) and never counted as a deal or a package of
    its own, nor added to a total.  ``of`` says what it sums; ``supplier`` is the seller or
    donor; ``date`` the time it is stated for; ``count`` how many it sums, where stated.

    >>> total = Aggregate(of="arms_deals", supplier="KR", recipient="PL", count=6,
    ...                   value=Money(amount="16500000000", currency="USD"))
    >>> total.recipient.code, str(total.value), total.count
    ('PL', 'USD 16,500,000,000', 6)
    """

    of: AggregateOf = attrs.field(validator=in_vocabulary(AGGREGATE_OF))
    supplier: Party | None = attrs.field(default=None, converter=to_party)
    recipient: Party | None = attrs.field(default=None, converter=to_party)
    value: Money | None = attrs.field(default=None, converter=to_money)
    date: TimeSpan | None = attrs.field(default=None, converter=to_timespan)
    count: int | None = attrs.field(default=None, validator=opt_int)
    systems: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    evidence: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=evidence_tuple)


@attrs.frozen(repr=False)
class Deployment(Shown, Record):
    """Forces sent by one state to another ("North Korea sent 3,000 troops to Russia").

    >>> sent = Deployment(sender="KP", destination="RU", size=3000)
    >>> sent.sender.name, sent.destination.code, sent.size
    ('North Korea', 'RU', 3000)
    """

    sender: Party | None = attrs.field(converter=to_party)
    destination: Party | None = attrs.field(converter=to_party)
    size: int | None = attrs.field(default=None, validator=opt_int)
    date: TimeSpan | None = attrs.field(default=None, converter=to_timespan)
    evidence: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=evidence_tuple)


@attrs.frozen(repr=False)
class Meeting(Shown, Record):
    """A summit, visit or talks: who met, where and when.

    >>> talks = Meeting(participants=("Yoon Suk Yeol", "Andrzej Duda"), parties=("KR", "PL"), place="Warsaw")
    >>> [p.code for p in talks.parties], talks.place
    (['KR', 'PL'], 'Warsaw')
    """

    participants: tuple[str, ...] = attrs.field(default=(), converter=str_tuple)
    parties: tuple[Party, ...] = attrs.field(factory=tuple, converter=to_parties)
    place: str | None = attrs.field(default=None, validator=is_opt_str)
    date: TimeSpan | None = attrs.field(default=None, converter=to_timespan)
    evidence: tuple[Evidence, ...] = attrs.field(factory=tuple, converter=evidence_tuple)
