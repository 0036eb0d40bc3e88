"""Quantity extraction: counts of things in news-shaped sentences, grouped by phenomenon."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from korpol._errors import ValidationError
from korpol._mentions.quantity import Quantity, find_quantities


class Example(NamedTuple):
    text: str
    expected: tuple[str, ...]  # "VALUE UNIT[ ~][ bound]" per count, in order
    id: str


def describe(q: Quantity) -> str:
    out = f"{q.value} {q.unit}".rstrip()
    if q.approximate:
        out += " ~"
    if q.bound:
        out += f" {q.bound}"
    return out


def E(text: str, *expected: str, id: str) -> Example:  # noqa: N802 - reads as a table row
    return Example(text, expected, id)


PLAIN = [
    E("North Korea sent 3,000 troops to Russia.", "3000 troop", id="troops"),
    E("Ukraine asked for 12 howitzers.", "12 howitzer", id="howitzers"),
    E("The navy commissioned two submarines.", "2 submarine", id="word-number"),
    # (a number read aloud before "of the" was no count: the deal had no quantity)
    E("The sale covers thirty-two of the F-35 jets.", "32 jet", id="spoken-partitive"),
    E("Norway sold Romania thirty-two of its F-16 jets.", "32 jet", id="spoken-partitive-its"),
    E("Warsaw ordered two batteries.", "2 battery", id="batteries-plural-y"),
    E("Seoul will send 100 ambulances.", "100 ambulance", id="ambulances"),
    E("It delivered 40 helicopters.", "40 helicopter", id="helicopters"),
    E("the 14 aircraft in service", "14 aircraft", id="irregular-aircraft"),
    E("about 200 personnel were deployed", "200 personnel ~", id="personnel"),
    E("The strike killed 12 civilians.", "12 civilian", id="civilians"),
    E("They fired 300 missiles.", "300 missile", id="missiles"),
    E("Japan sent 100 trucks and 30 generators.", "100 truck", "30 generator", id="two-counts"),
    E("Some 1.2 million soldiers serve.", "1200000 soldier ~", id="million-scale"),
    E("The factory makes 20,000 shells a month.", "20000 shell", id="shells"),
    E("NATO has 32 member states.", "32 member state", id="compound-noun"),
    E("Ten frigates were built.", "10 frigate", id="capitalised-word-number"),
    E("a dozen drones", "12 drone", id="a-dozen"),
    E("two dozen rifles", "24 rifle", id="two-dozen"),
    E("a pair of radars", "2 radar", id="a-pair-of"),
    E("Poland ordered 48 of the jets in 2022.", "48 jet", id="a-part-of-the-weapons-named-before"),
    E("Six offshore patrol vessels followed in 2022.", "6 vessel", id="vessels"),
    E("Germany will buy 100 heavy armoured carriers.", "100 carrier", id="carriers"),
]

DESIGNATIONS = [
    E("Poland ordered 180 K2 tanks.", "180 tank", id="k2"),
    E("It bought 48 FA-50 fighter jets.", "48 fighter jet", id="fa-50-fighter-jets"),
    E("212 K9 self-propelled howitzers", "212 howitzer", id="k9-self-propelled"),
    E("366 M1A2 Abrams tanks", "366 tank", id="two-designations"),
    E("288 Chunmoo rocket launchers", "288 rocket launcher", id="named-system"),
    E("96 Apache attack helicopters", "96 helicopter", id="apache"),
    E("32 F-35A fighter jets", "32 fighter jet", id="f-35a"),
    E("1,000 K2PL main battle tanks", "1000 tank", id="main-battle"),
    E("two Patriot batteries", "2 battery", id="patriot"),
    E("18 KF-21 fighters", "18 fighter", id="kf-21"),
    E("six Type 212 submarines", "6 submarine", id="type-number-is-a-designation"),
    E("14 Leopard 2A4 tanks", "14 tank", id="leopard-2a4"),
    E("250 Abrams tanks", "250 tank", id="abrams"),
    E("twelve K239 launchers", "12 launcher", id="k239"),
    E("30 KTSSM missiles", "30 missile", id="acronym"),
]

MODIFIERS = [
    E("Seoul will supply 60 more tanks.", "60 tank", id="more-before-noun"),
    E("an order for 24 additional howitzers", "24 howitzer", id="additional"),
    E("116 used Abrams tanks", "116 tank", id="used"),
    E("The army fields 800 armored vehicles.", "800 armored vehicle", id="compound-armored-vehicle"),
    E("It sent 50 long-range missiles.", "50 missile", id="hyphenated-modifier"),
    E("18 new K9 howitzers", "18 howitzer", id="new-designation"),
    E("Poland will buy six more.", "6", id="bare-more"),
    E("72 launchers now and six more later", "72 launcher", "6", id="bare-more-after-count"),
    E("Warsaw agreed to buy 32 Lockheed Martin F-35 fighters.", "32 fighter", id="maker-name-between"),
    E("It ordered 66 F-16V Block 70 fighter jets in 2019.", "66 fighter jet", id="variant-and-block"),
    E("Japan will supply four air surveillance radars.", "4 radar", id="surveillance-modifier"),
    # the nearest number qualifies when an earlier one does not ("dollars for" is no modifier)
    E("a deal worth 414 million dollars for twenty launchers", "20 launcher", id="count-after-an-amount"),
]

HEDGES = [
    E("fewer than 200 tanks", "200 tank under", id="fewer-than"),
    E("more than 10,000 North Korean troops", "10000 troop over", id="more-than"),
    E("up to 96 helicopters", "96 helicopter up_to", id="up-to"),
    E("some 1,000 soldiers", "1000 soldier ~", id="some"),
    E("nearly 500 drones", "500 drone ~ under", id="nearly"),
    E("at least 20 ships", "20 ship over", id="at-least"),
    E("as many as 300 rockets", "300 rocket up_to", id="as-many-as"),
    E("around 40 aircraft", "40 aircraft ~", id="around"),
    E("about a dozen howitzers", "12 howitzer ~", id="about-a-dozen"),
]

NOT_QUANTITIES = [
    E("In 2028 tanks will roll off the line.", id="year-before-noun"),
    E("The deal is worth $22 billion.", id="money"),
    E("It spends 3% of GDP on defence.", id="percent"),
    E("the K9 howitzer and the FA-50", id="bare-designations"),
    E("Hanwha is the No. 1 tank maker.", id="rank"),
    E("They met in 2023.", id="year"),
    E("The 2,000-page report", id="no-unit-noun"),
    E("The troops returned home.", id="noun-without-number"),
    E("a €180 tanks fund", id="currency-before-number"),
    E("the 1950s tanks", id="decade"),
    E("One of the tanks broke down.", id="one-of-the-is-no-count"),
    E("It was one of the largest deals.", id="one-of-the-largest"),
]

IN_SENTENCES = [
    E("Seoul will deliver 18 K2 tanks by December.", "18 tank", id="count-then-date"),
    E("The first 24 K9 howitzers arrived in Gdynia.", "24 howitzer", id="the-first-n"),
    E("Poland has ordered a total of 1,000 tanks.", "1000 tank", id="a-total-of"),
    E(
        "Romania plans to buy 54 K9 howitzers and 36 K10 vehicles.",
        "54 howitzer",
        "36 vehicle",
        id="two-designated-counts",
    ),
    E("Norway will buy four KF-21 jets.", "4 jet", id="word-number-designation"),
    E("The army received three Chunmoo batteries.", "3 battery", id="named-batteries"),
    E("Seoul sent 40,000 rounds of ammunition.", "40000 round", id="rounds-of"),
    E("Ukraine received 500,000 artillery shells.", "500000 artillery shell", id="artillery-shells"),
    E("Russia fired 100 drones overnight.", "100 drone", id="drones"),
    E(
        "The navy will get three frigates and two submarines.",
        "3 frigate",
        "2 submarine",
        id="two-word-counts",
    ),
    E("The brigade fields fifty tanks.", "50 tank", id="fifty"),
    E("one hundred howitzers", "100 howitzer", id="one-hundred"),
    E("It ordered 32 Apache helicopters for $10 billion.", "32 helicopter", id="count-beside-money"),
    E("a fleet of 30 ships", "30 ship", id="fleet-of"),
]

MORE_HEDGES = [
    E("about 1,500 troops", "1500 troop ~", id="about-thousands"),
    E("at most 10 ships", "10 ship up_to", id="at-most"),
    E("no fewer than 50 jets", "50 jet over", id="no-fewer-than"),
    E("not less than 100 shells", "100 shell over", id="not-less-than"),
    E("Some 12,000 North Korean soldiers were deployed.", "12000 soldier ~", id="some-with-demonym"),
]

MORE_NOT_QUANTITIES = [
    E("The package includes 155mm shells.", id="calibre"),
    E("He served 20 years in the army.", id="years"),
    E("The K2 weighs 55 tonnes.", id="weight"),
    E("a range of 80 km", id="distance"),
    E("The 16th Mechanised Division got the tanks.", id="ordinal-unit"),
    E("The 2022 deal covered tanks.", id="year-adjective"),
    E("Article 5 troops", id="article-number"),
]

TABLE = (
    PLAIN
    + DESIGNATIONS
    + MODIFIERS
    + HEDGES
    + NOT_QUANTITIES
    + IN_SENTENCES
    + MORE_HEDGES
    + MORE_NOT_QUANTITIES
)
XFAIL = [
    E("between 40 and 50 tanks", "40 tank", id="between-range"),
    E("Seoul ordered 30 more KF-21s.", "30 KF-21", id="plural-designation-as-unit"),
    E("two or three submarines", "2 submarine ~", id="or-range"),
    E("dozens of drones", "12 drone ~ over", id="vague-dozens"),
    E("hundreds of tanks", "100 tank ~ over", id="vague-hundreds"),
    E("Poland received the first 10 of the 180 tanks.", "10 tank", "180 tank", id="partitive"),
    E("The force numbers 11,000-12,000 troops.", "11000 troop", id="range"),
]


@pytest.mark.parametrize("ex", TABLE, ids=[e.id for e in TABLE])
def test_table(ex: Example) -> None:
    assert tuple(describe(q) for q in find_quantities(ex.text)) == ex.expected


@pytest.mark.parametrize(
    "ex", [pytest.param(e, marks=pytest.mark.xfail(strict=True)) for e in XFAIL], ids=[e.id for e in XFAIL]
)
def test_known_gaps(ex: Example) -> None:
    assert tuple(describe(q) for q in find_quantities(ex.text)) == ex.expected


def test_a_unit_inside_a_non_ascii_word_is_no_unit_and_does_not_hang() -> None:
    # "démine": "mine" follows a letter beyond ASCII; the finder once searched from the same place forever
    found = find_quantities("Les démineurs démine 3 tanks; \u0662\u0660tanks; 5 mines.")
    assert [(q.value, q.unit) for q in found] == [(3, "tank"), (5, "mine")]


def test_text_and_span_quote_the_input() -> None:
    text = "Poland ordered 180 K2 tanks."
    (q,) = find_quantities(text)
    assert q.text == "180 K2 tanks"
    assert q.span == (15, 27)


def test_quantity_validates() -> None:
    with pytest.raises(ValidationError):
        Quantity(value=-1, unit="tank")
    with pytest.raises(ValidationError):
        Quantity(value=1, unit="tank", bound="about")  # type: ignore[arg-type]


@settings(max_examples=60)
@given(st.text())
def test_never_raises_and_spans_quote_the_input(text: str) -> None:
    for q in find_quantities(text):
        assert q.span is not None
        assert text[q.span[0] : q.span[1]] == q.text
        assert q.value >= 0


@settings(max_examples=60)
@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["tanks", "troops", "K9 howitzers"]))
def test_formatted_count_is_found_again(value: int, noun: str) -> None:
    (q,) = find_quantities(f"The ministry said {value:,} {noun} were ready.")
    assert q.value == value


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        pytest.param("the US itself sent thirty-one of its own Abrams to Ukraine", [31], id="spoken-after-a-verb"),
        pytest.param("Poland bought one hundred and sixteen used M1A1s", [116], id="spoken-before-a-system"),
        pytest.param("It bought one hundred and fifty million rounds", [], id="a-spoken-amount-is-no-count"),
        pytest.param("Estonia ordered another twenty-four K9s", [24], id="hyphenated"),
    ],
)
def test_a_count_read_aloud_is_read_whole_or_not_at_all(text: str, counts: list[int]) -> None:
    from korpol._mentions.scan import scan_all

    found = [m.value.value for m in scan_all(text, None) if m.kind == "qty"]
    assert found == counts
