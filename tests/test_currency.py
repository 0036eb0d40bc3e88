"""Currency data: every symbol/name maps to a valid ISO code; rates are sane and sourced."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from korpol._errors import UnknownEntityError
from korpol._model.rates import rate_years, usd_rate
from korpol._refdata.currencies import currency_lexicon
from korpol._regex import trie_pattern
from korpol._tables import currency_codes, read_table

REQUIRED = ("KRW", "PLN", "EUR", "JPY", "GBP", "NOK", "SEK", "AUD", "CAD", "CHF", "CNY", "UAH", "RUB",
            "INR", "TRY", "CZK", "HUF", "RON", "DKK")

# Rough bands (USD per unit) that any annual average of 2010-2025 falls in: a typo guard.
BANDS = {
    "EUR": (Decimal("1.0"), Decimal("1.45")), "GBP": (Decimal("1.2"), Decimal("1.7")),
    "KRW": (Decimal("0.0006"), Decimal("0.001")), "JPY": (Decimal("0.006"), Decimal("0.0130")),
    "PLN": (Decimal("0.2"), Decimal("0.35")), "CHF": (Decimal("0.9"), Decimal("1.25")),
}


@pytest.mark.parametrize("code", REQUIRED)
def test_required_currencies_have_every_year(code: str) -> None:
    assert rate_years(code) == tuple(range(2010, 2026))


@pytest.mark.parametrize("code", sorted(BANDS))
def test_rates_fall_in_plausible_bands(code: str) -> None:
    low, high = BANDS[code]
    for year in rate_years(code):
        assert low <= usd_rate(code, year) <= high, (code, year)


def test_known_annual_averages() -> None:
    assert round(usd_rate("EUR", 2022), 3) == Decimal("1.053")
    assert round(1 / usd_rate("KRW", 2022)) == 1292
    assert round(1 / usd_rate("JPY", 2023), 1) == Decimal("140.5")


def test_year_outside_the_table_uses_the_nearest_year() -> None:
    assert usd_rate("PLN", 1999) == usd_rate("PLN", 2010)
    assert usd_rate("PLN", 2040) == usd_rate("PLN") == usd_rate("PLN", 2025)


def test_usd_is_one_and_codes_are_case_insensitive() -> None:
    assert usd_rate("USD", 2015) == 1
    assert usd_rate("eur", 2020) == usd_rate("EUR", 2020)


def test_unknown_currency_raises_lookup_error() -> None:
    with pytest.raises(UnknownEntityError) as info:
        usd_rate("XYZ")
    assert isinstance(info.value, LookupError)
    assert info.value.value == "XYZ"


def test_every_form_maps_to_a_valid_code() -> None:
    forms = currency_lexicon().forms
    assert forms["$"] == ("USD", "symbol")
    assert forms["zlotys"] == ("PLN", "name")
    assert forms["Australian dollars"] == ("AUD", "name")
    assert forms["¥"][0] == "JPY"
    assert forms["yuan"][0] == "CNY"
    assert all(code in currency_codes() for code, _ in forms.values())


def test_rates_file_is_headed_by_its_source() -> None:
    from importlib import resources

    head = resources.files("korpol").joinpath("data/usd_rates.tsv").read_text(encoding="utf-8")[:600]
    assert "Source:" in head
    assert "approximate" in head
    assert all(row["currency"] in currency_codes() for row in read_table("usd_rates.tsv"))


@pytest.mark.parametrize("words", [{"won", "wons", "yen"}, {"$", "US$", "USD"}, {"a"}, {"ab", "abc", "b"}])
def test_trie_pattern_matches_exactly_its_words(words: set[str]) -> None:
    pattern = re.compile(trie_pattern(words) + r"\Z")
    for w in words:
        assert pattern.match(w)
    assert not pattern.match("zzz")
