"""The typed domain model: what korpol extracts, as frozen attrs records.

Why this package exists: every other stage either builds these records (the rules) or
reads them (queries, exports, the scorer).  The names of the classes and of their
contract fields are fixed by ``DESIGN.md``; everything here validates on construction so
that a record that exists is a record that makes sense, and every record converts to
plain JSON and back without loss (``from_dict(to_dict(x)) == x``).

* :mod:`~korpol._model.base` — the closed vocabularies, the converters, the record base;
* :mod:`~korpol._model.parties` — :class:`Country`, :class:`Organization` and their tables;
* :mod:`~korpol._model.values` — :class:`Money`, :class:`TimeSpan`, :class:`Evidence`,
  :class:`Mention`;
* :mod:`~korpol._model.records` — :class:`Leader`, :class:`ArmsDeal`, :class:`AidPackage`,
  :class:`Agreement`, :class:`Deployment`, :class:`Meeting`;
* :mod:`~korpol._model.document` — :class:`Document`, one parsed article;
* :mod:`~korpol._model.merged` — one event as several articles reported it (imported on
  first use: ``import korpol`` stays cheap);
* :mod:`~korpol._model.rates` — annual US-dollar rates for :meth:`Money.to_usd`.

Converters accept the JSON form too, so ``from_dict`` is just the constructor:

>>> m = Money(amount="17000000000", currency="USD", qualifier="about", text="USD 17 billion")
>>> m.to_dict()["amount"]
'17000000000'
>>> Money.from_dict(m.to_dict()) == m
True
>>> Money(amount=-1, currency="USD")
Traceback (most recent call last):
...
korpol._errors.ValidationError: amount: Decimal('-1') is not valid: must not be negative
"""

from korpol._model.base import (
    AGREEMENT_KINDS,
    AID_KINDS,
    DEAL_STATUSES,
    MENTION_KINDS,
    PRECISIONS,
    QUALIFIERS,
    RELATIONS,
    AgreementKind,
    AidKind,
    DealStatus,
    MentionKind,
    Precision,
    Qualifier,
    Relation,
)
from korpol._model.document import RECORD_FIELDS, Document
from korpol._model.parties import Country, Organization, Party
from korpol._model.rates import usd_rate
from korpol._model.records import (
    AGGREGATE_OF,
    Aggregate,
    AggregateOf,
    Agreement,
    AidPackage,
    ArmsDeal,
    Deployment,
    Leader,
    Meeting,
)
from korpol._model.values import Evidence, Mention, Money, TimeSpan

__all__ = [
    "AGGREGATE_OF",
    "AGREEMENT_KINDS",
    "AID_KINDS",
    "DEAL_STATUSES",
    "MENTION_KINDS",
    "PRECISIONS",
    "QUALIFIERS",
    "RECORD_FIELDS",
    "RELATIONS",
    "Aggregate",
    "AggregateOf",
    "Agreement",
    "AgreementKind",
    "AidKind",
    "AidPackage",
    "ArmsDeal",
    "Country",
    "DealStatus",
    "Deployment",
    "Document",
    "Evidence",
    "Leader",
    "Meeting",
    "Mention",
    "MentionKind",
    "Money",
    "Organization",
    "Party",
    "Precision",
    "Qualifier",
    "Relation",
    "TimeSpan",
    "usd_rate",
]
