"""Aggregate records: the sums of several deals or packages an article states, kept apart.

Why this module exists: a recap total ("Poland has signed Korean contracts worth some $16.5
billion since 2022", "$26.7 billion in security assistance since the invasion") is not a deal
and not a package, and counting it as one makes every total wrong.  The deal and aid rules
recognise such sums (:func:`~korpol._records.deals.deal_candidates`,
:func:`~korpol._records.aid.aid_candidates`) and leave them on the :class:`Reading`; this rule
turns them into :class:`~korpol.Aggregate` records, one per stated sum.
"""

from __future__ import annotations

from typing import Any, ClassVar

from korpol._model import Aggregate
from korpol._records.candidate import Candidate
from korpol._records.rules import Reading
from korpol._records.sentence import Sentence

__all__ = ["AggregateRule"]


class AggregateRule:
    """Sums of several deals or aid packages (read after the deal and aid rules have met them)."""

    field: ClassVar[str] = "aggregates"

    def read(self, sent: Sentence, reading: Reading) -> None:
        """Nothing per sentence: the deal and aid rules leave the sums they meet in ``reading.sums``."""

    def records(self, reading: Reading) -> tuple[Aggregate, ...]:
        out: list[Aggregate] = []
        seen: set[tuple[Any, ...]] = set()
        for c in reading.sums:
            assert isinstance(c, Candidate)
            parties = (c.first.code if c.first else None, c.second.code if c.second else None)
            key = (c.kind, c.value.amount, c.value.currency, *parties) if c.value is not None else None
            if key in seen:
                continue  # one sum stated twice (headline and body, or met by two rules) is one
            if key is not None:
                seen.add(key)
            out.append(
                Aggregate(
                    of="arms_deals" if c.kind == "deal" else "aid_packages",
                    supplier=c.first,
                    recipient=c.second,
                    value=reading.money(c.value),
                    date=reading.time(c.date),
                    count=c.count,
                    systems=tuple(c.systems),
                    evidence=reading.evidence([c.sentence]),
                )
            )
        return tuple(out)
