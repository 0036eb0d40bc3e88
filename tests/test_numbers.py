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
    read_spoken,
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
        [
            "a", "an", *_ONE_TO_TWELVE,
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "a hundred",
        ],
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
    assert find_money("a dozen billion dollars") == []


def test_count_value_reads_words_and_digits() -> None:
    assert [count_value(w) for w in ("a dozen", "thirty", "12", "1,200")] == [12, 30, 12, 1200]


# --- numbers read aloud (radio and TV transcripts): the whole number, or none


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a deal worth around six-point-five billion US dollars", ("6500000000", "USD"), id="hyphenated-point"),
        pytest.param("worth three point three seven billion dollars", ("3370000000", "USD"), id="two-decimals"),
        pytest.param("two point six billion U-S dollars", ("2600000000", "USD"), id="u-s-dollars"),
        pytest.param("about three-and-a-half billion dollars", ("3500000000", "USD"), id="and-a-half"),
        pytest.param("one hundred and twenty million euros", ("120000000", "EUR"), id="hundred-and"),
        pytest.param("forty-four point two billion dollars", ("44200000000", "USD"), id="tens-point"),
    ],
)
def test_money_read_aloud_is_read_whole(text: str, expected: tuple[str, str]) -> None:
    assert [(str(m.amount), m.currency) for m in find_money(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("worth five six billion dollars", id="two-units"),
        pytest.param("worth eighty five hundred billion dollars", id="tens-then-hundred"),
        pytest.param("worth twenty point billion dollars", id="point-without-digits"),
    ],
)
def test_a_number_read_aloud_that_is_not_well_formed_is_no_amount(text: str) -> None:
    """Never its last word alone: "six-point-five billion" once read as 5 billion."""
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("one hundred and eighty K2 tanks", (180, "tank"), id="hundred-and-designation"),
        pytest.param("forty-eight FA-50 jets", (48, "jet"), id="hyphenated-tens"),
        pytest.param("one thousand K2 tanks", (1000, "tank"), id="thousand"),
        pytest.param("twenty-two thousand troops", (22000, "troop"), id="tens-thousand"),
    ],
)
def test_counts_read_aloud_are_read_whole(text: str, expected: tuple[int, str]) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == [expected]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["twenty", "two"], Decimal(22)),
        (["a", "hundred", "and", "fifty"], Decimal(150)),
        (["two", "thousand", "and", "twenty", "four"], Decimal(2024)),
        (["point", "five"], Decimal("0.5")),
        (["five", "six"], None),
        (["twelve", "three"], None),
        (["hundred"], None),
        (["one", "and"], None),
    ],
)
def test_read_spoken(words: list[str], value: Decimal | None) -> None:
    assert read_spoken(words) == value
