"""What the whole document tells the rules of one sentence: its main parties, where its aid goes.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from korpol._mentions.scan import M
from korpol._model import (
    Country,
    Party,
    TimeSpan,
)
from korpol._records.cues import CuePattern, Cues

__all__ = ["TO_BEFORE", "Context", "document_context", "report_year"]


@attrs.frozen
class Context:
    published: dt.date | None
    principal: tuple[Party, ...]  # the article's main pair, most mentioned first
    counts: Counter[str]
    parties: dict[str, Party]
    cues: Cues
    aid_recipient: Party | None  # the country aid in this article most often goes "to"/"for"

    def partner(self, party: Party | None, exclude: Iterable[str] = ()) -> Party | None:
        """The principal party that is not ``party`` (nor in ``exclude``)."""
        skip = set(exclude)
        if party is not None:
            skip.add(party.code)
        for p in self.principal:
            if p.code not in skip:
                return p
        return None


TO_BEFORE = re.compile(r"\b(?:to|for)\s+(?:the\s+)?$")
#: "has Korea given Ukraine", "gave Kyiv": a giving verb right before its receiver
_GIVEN_BEFORE = CuePattern(r"\b(?:⟨give_to⟩)\s+(?:the\s+)?$")


def document_context(mentions: Sequence[M], published: dt.date | None, cues: Cues, text: str) -> Context:
    counts: Counter[str] = Counter()
    parties: dict[str, Party] = {}
    aid_to: Counter[str] = Counter()
    aid = cues.compiled["aid"]
    given = cues.pattern(_GIVEN_BEFORE)
    for m in mentions:
        if m.kind == "place" and isinstance(m.party, Country):
            counts[m.party.code] += 1
            parties[m.party.code] = m.party
            before = text[max(0, m.start - 12) : m.start].lower()
            if (TO_BEFORE.search(before) and aid.search(text[max(0, m.start - 120) : m.start].lower())) or (
                given.search(before)
            ):
                aid_to[m.party.code] += 1
    principal = tuple(parties[c] for c, _ in counts.most_common(2))
    aid_recipient = parties[aid_to.most_common(1)[0][0]] if aid_to else None
    return Context(published, principal, counts, parties, cues, aid_recipient)


@functools.lru_cache(maxsize=64)  # one per publication date; a TimeSpan is frozen, so records can share it
def report_year(published: dt.date) -> TimeSpan:
    """The year an article reports in, for a record the text gives no date for (``text`` stays empty)."""
    return TimeSpan(dt.date(published.year, 1, 1), dt.date(published.year, 12, 31), "year", "")
