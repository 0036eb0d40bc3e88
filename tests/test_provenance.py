"""Every span a user can see indexes the original input: records' values, dates and evidence.

The rules read normalised text (mojibake repaired, CRLF and tabs folded, curly quotes made
straight, soft hyphens dropped); a value's ``span`` must still quote the caller's text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import korpol
from korpol import Document, Money, TimeSpan

SENTENCES = [
    "Poland signed a $6.5 billion deal with South Korea last year for 180 K2 tanks.",
    "Korea’s DAPA said the contract, worth 4.5 trillion won ($3.37 billion), was signed on August 26.",
    "Japan will provide $30 million in humanitarian aid to Ukraine next year.",
    "The two countries signed a memorandum of understanding on Tuesday, valid until 2030.",
    "Norway has decided to buy 54 Leopard 2A8 tanks from Germany for NOK 19.5 billion in 2023.",
    "The U.S. State Department approved the possible sale of three NASAMS to Taiwan for $1.16 billion.",
]
#: what normalisation changes the length of, or rewrites: put anywhere between words
NOISE = ["\r\n", "\t", "\u00ad", "\u200b", "“", "”", "’", " \u00a0 ", "¡¯", "â€™", "\ufeff"]


def spans(doc: Document) -> Iterator[tuple[str, tuple[int, int], str]]:
    """(where, span, text) of every value with a span in every record of ``doc``."""

    def values(where: str, value: Any) -> Iterator[tuple[str, tuple[int, int], str]]:
        if isinstance(value, Money):
            if value.span is not None:
                yield where, value.span, value.text
            for i, e in enumerate(value.equivalents):
                yield from values(f"{where}.equivalents[{i}]", e)
        elif isinstance(value, TimeSpan) and value.span is not None:
            yield where, value.span, value.text

    for record in doc.records:
        name = type(record).__name__
        for field in ("value", "date", "until"):
            yield from values(f"{name}.{field}", getattr(record, field, None))
        for i, money in enumerate(getattr(record, "alt_values", ())):
            yield from values(f"{name}.alt_values[{i}]", money)
        for ev in record.evidence:
            yield f"{name}.evidence", (ev.start, ev.end), ev.text


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4),
    st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(NOISE)), max_size=12),
)
def test_every_span_in_every_record_quotes_the_original(sentences: list[str], noise: list[tuple[int, str]]) -> None:
    words = " ".join(sentences).split(" ")
    for at, piece in noise:
        i = at % (len(words) + 1)
        words.insert(i, piece)
    text = " ".join(words)
    doc = korpol.parse(text, published="2025-08-02")
    assert doc.errors == ()
    for where, (a, b), quoted in spans(doc):
        assert 0 <= a <= b <= len(text), where
        assert text[a:b] == quoted, (where, text[a:b], quoted)


def test_a_value_after_mojibake_and_crlf_quotes_the_input() -> None:
    text = "SEOUL\r\nKorea¡¯s deal, worth $6.5 billion, was signed last year\r\n with Poland for 180 K2 tanks."
    (deal,) = korpol.parse(text, published="2025-08-02").arms_deals
    assert deal.value is not None
    assert deal.value.span is not None
    assert text[slice(*deal.value.span)] == "$6.5 billion" == deal.value.text
