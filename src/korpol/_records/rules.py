"""The contract every record rule follows, and the order in which the rules read a document.

Why this module exists: each record type has a module of its own (:mod:`~korpol._records.deals`,
:mod:`~korpol._records.aid`, :mod:`~korpol._records.agreements`,
:mod:`~korpol._records.events`, :mod:`~korpol._records.leaders`).  Each defines a rule class
that the pipeline drives the same way:

1. a fresh rule object per document (it holds what it has found so far);
2. :meth:`Rule.read` once per sentence that holds a mention, in text order;
3. :meth:`Rule.records` once at the end: merge what was found and build the records.

Every rule sees the same :class:`Reading` of the document: its context, the sentences read so
far, and what the rules before it found in the current sentence.  A rule that raises costs
only its own records; the pipeline keeps the reason in ``Document.errors``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Protocol, overload

import attrs

from korpol._mentions.scan import M
from korpol._model import Evidence, Money, TimeSpan
from korpol._model.values import money_in_original, time_in_original
from korpol._records.context import Context
from korpol._records.evidence import evidence_for
from korpol._records.sentence import Sentence
from korpol._text import NormalizedText

__all__ = ["Reading", "Rule"]


@attrs.define(eq=False)
class Reading:
    """One document as the rules read it.

    ``sentences`` holds every sentence read so far (the current one last); ``recent`` the last
    three sentences *with mentions* before the current one (what "the deal", "It" and "the two
    countries" may refer back to); ``found`` what the rules before this one found in the
    current sentence, by rule field (the deal rule leaves to aid the amounts aid has taken).
    """

    ctx: Context
    norm: NormalizedText
    original: str
    doc_id: str | None
    mentions: Sequence[M]
    sentences: list[Sentence] = attrs.Factory(list)
    recent: list[Sentence] = attrs.Factory(list)
    found: dict[str, Sequence[Any]] = attrs.Factory(dict)
    #: sums of several deals or packages the deal and aid rules met, for the aggregate rule
    sums: list[Any] = attrs.Factory(list)

    def evidence(self, sentences: Sequence[Sentence]) -> tuple[Evidence, ...]:
        """Evidence quoting ``sentences`` in the ORIGINAL text."""
        return evidence_for(sentences, self.norm, self.doc_id, self.original)

    @overload
    def money(self, value: Money) -> Money: ...
    @overload
    def money(self, value: None) -> None: ...

    def money(self, value: Money | None) -> Money | None:
        """``value`` with its span and text in the ORIGINAL text (the rules read normalised text)."""
        return None if value is None else money_in_original(value, self.original, self.norm.to_original)

    @overload
    def time(self, value: TimeSpan) -> TimeSpan: ...
    @overload
    def time(self, value: None) -> None: ...

    def time(self, value: TimeSpan | None) -> TimeSpan | None:
        """``value`` with its span and text in the ORIGINAL text."""
        return None if value is None else time_in_original(value, self.original, self.norm.to_original)


class Rule(Protocol):
    """A record rule: reads a document sentence by sentence, then builds its records."""

    #: the :class:`~korpol.Document` field the rule fills ("arms_deals", "leaders" ...)
    field: ClassVar[str]

    def read(self, sent: Sentence, reading: Reading) -> None:
        """Find candidates in ``sent`` (a sentence that holds at least one mention)."""

    def records(self, reading: Reading) -> tuple[Any, ...]:
        """The records of the document: what was found, merged, with evidence."""
