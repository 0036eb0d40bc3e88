"""Evidence: every record quotes the ORIGINAL text it came from; mentions map back to it too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

import attrs

from korpol._mentions.scan import M
from korpol._model import (
    MENTION_KINDS,
    Evidence,
    Mention,
    MentionKind,
    Organization,
)
from korpol._records.sentence import Sentence
from korpol._text import NormalizedText, repair

__all__ = ["document_mentions", "evidence_for", "readable_sentence"]


def readable_sentence(sent: Sentence, norm: NormalizedText, original: str) -> tuple[int, int, str]:
    """The sentence's span in the original text and its repaired form, computed once per sentence."""
    cached: tuple[int, int, str] | None = sent.memo.get("readable")
    if cached is None:
        a, b = norm.to_original(sent.start, sent.end)
        cached = sent.memo["readable"] = (a, b, repair(original[a:b]))
    return cached


def evidence_for(
    sentences: Iterable[Sentence], norm: NormalizedText, doc_id: str | None, original: str
) -> tuple[Evidence, ...]:
    out = []
    for s in sentences:
        a, b, readable = readable_sentence(s, norm, original)
        out.append(Evidence(doc_id=doc_id, start=a, end=b, text=original[a:b], sentence=readable))
    return tuple(out)


_MENTION_KIND = {
    "place": None,
    "person": "person",
    "money": "money",
    "time": "time",
    "qty": "quantity",
    "system": "system",
    "company": "company",
}


_MENTION_FIELDS = ("kind", "start", "end", "text", "key")


_MENTION_KINDS_VALID = frozenset(MENTION_KINDS)


#: the shortcut is taken only while the model's Mention has exactly these fields
_FAST_MENTION = tuple(f.name for f in attrs.fields(Mention)) == _MENTION_FIELDS


def _new_mention(kind: str, start: int, end: int, text: str, key: str) -> Mention:
    """``Mention(kind, start, end, text, key)`` without re-running the checks on values built valid here.

    A document holds dozens of mentions and the validators cost more than the
    rest of their construction; any value the checks could reject (and any
    change to the model's fields) goes through the real constructor.
    """
    if (
        _FAST_MENTION
        and type(start) is int
        and type(end) is int
        and 0 <= start <= end
        and type(text) is str
        and type(key) is str
        and kind in _MENTION_KINDS_VALID
    ):
        m = object.__new__(Mention)
        setter = object.__setattr__
        setter(m, "kind", kind)
        setter(m, "start", start)
        setter(m, "end", end)
        setter(m, "text", text)
        setter(m, "key", key)
        return m
    return Mention(kind=cast(MentionKind, kind), start=start, end=end, text=text, key=key)


def document_mentions(mentions: Sequence[M], norm: NormalizedText, original: str) -> tuple[Mention, ...]:
    out = []
    same = norm.text == original  # clean text: offsets need no mapping
    for m in mentions:
        kind = _MENTION_KIND[m.kind]
        if kind is None:
            kind = "organization" if isinstance(m.party, Organization) else "country"
        a, b = (m.start, m.end) if same else norm.to_original(m.start, m.end)
        key = ""
        if m.party is not None and m.kind in ("place",):
            key = m.party.code
        elif m.kind == "person":
            key = m.value.name
        elif m.kind == "money":
            key = f"{m.value.currency} {format(m.value.amount, 'f')}"
        elif m.kind == "time":
            key = str(m.value)
        elif m.kind == "system":
            key = m.value.designation
        elif m.kind == "company":
            key = m.value.name
        elif m.kind == "qty":
            key = f"{m.value.value} {m.value.unit}"
        out.append(_new_mention(kind, a, b, original[a:b], key))
    return tuple(out)
