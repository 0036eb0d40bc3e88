"""The number-word table and the subset each reader takes of it (korpol._mentions.numbers)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

import pytest

from korpol._mentions.money import find_money
from korpol._mentions.numbers import (
    COUNT_WORDS,
    MONEY_WORDS,
    NUMBER_WORDS,
    QUANTITY_WORDS,
    TIME_WORDS,
    count_value,
)
from korpol._mentions.quantity import find_quantities
from korpol._mentions.time import find_times

D = dt.date(2024, 10, 24)


def test_every_word_is_lower_case_and_counts_at_least_one() -> None:
    for word, value in NUMBER_WORDS.items():
        assert word == word.lower().strip(), word
        assert value >= 1, word


# What each reader read when the tables were merged: widening a subset changes what that
# reader finds, so it is a change to make on purpose (and to this table).
_ONE_TO_TWELVE = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
READS: dict[str, tuple[Mapping[str, int], list[str]]] = {
    "money": (
        MONEY_WORDS,
        ["a", "an", *_ONE_TO_TWELVE, "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "a hundred"],
    ),
    "quantity": (
        QUANTITY_WORDS,
        [
            *_ONE_TO_TWELVE,
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
            "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
            "a hundred", "one hundred", "a dozen", "two dozen", "three dozen", "a pair of", "a couple of",
            "a thousand", "dozen", "a hundred and fifty",
        ],
    ),
    "time": (TIME_WORDS, ["a", "an", *_ONE_TO_TWELVE]),
    "count": (COUNT_WORDS, [*_ONE_TO_TWELVE, "a dozen", "fifteen", "twenty", "thirty"]),
}


@pytest.mark.parametrize("reader", sorted(READS))
def test_each_reader_reads_its_words_with_the_table_values(reader: str) -> None:
    subset, words = READS[reader]
    assert list(subset) == words
    assert all(subset[w] == NUMBER_WORDS[w] for w in words)


@pytest.mark.parametrize("word", list(MONEY_WORDS))
def test_money_reads_each_of_its_words_before_a_scale(word: str) -> None:
    (m,) = find_money(f"{word} billion dollars")
    assert m.amount == Decimal(MONEY_WORDS[word]) * 10**9


def test_money_reads_a_fraction_before_a_scale() -> None:
    assert [m.amount for m in find_money("half a billion dollars")] == [Decimal("500000000")]


@pytest.mark.parametrize("word", list(QUANTITY_WORDS))
def test_quantity_reads_each_of_its_words_before_a_unit(word: str) -> None:
    for form in (word, word[:1].upper() + word[1:]):
        assert [(q.value, q.unit) for q in find_quantities(f"Poland ordered {form} tanks.")] == [
            (QUANTITY_WORDS[word], "tank")
        ]


@pytest.mark.parametrize("word", list(TIME_WORDS))
def test_time_reads_each_of_its_words_before_ago(word: str) -> None:
    (t,) = find_times(f"The deal was signed {word} years ago.", published=D)
    assert t.start is not None
    assert t.start.year == D.year - TIME_WORDS[word]


def test_a_word_outside_a_readers_subset_is_not_read() -> None:
    assert find_quantities("a tanks") == []  # "a" counts before a scale or a time unit only
    assert find_times("thirteen years ago", published=D) == []
    assert find_money("thirteen billion dollars") == []


def test_count_value_reads_words_and_digits() -> None:
    assert [count_value(w) for w in ("a dozen", "thirty", "12", "1,200")] == [12, 30, 12, 1200]
