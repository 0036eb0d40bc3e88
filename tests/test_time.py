"""Time extraction: news-shaped sentences grouped by phenomenon, resolved against a published date."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from korpol._mentions.time import find_times
from korpol._model import TimeSpan

# A Wednesday.
PUBLISHED = dt.date(2024, 10, 30)


class Example(NamedTuple):
    text: str
    expected: tuple[str, ...]  # str(TimeSpan) of each expression, in order
    id: str
    published: dt.date | None = PUBLISHED


def E(text: str, *expected: str, id: str, published: dt.date | None = PUBLISHED) -> Example:  # noqa: N802
    return Example(text, expected, id, published)


ABSOLUTE = [
    E("The contract was signed on Oct. 24, 2024 in Seoul.", "2024-10-24", id="mdy-abbrev"),
    E("The talks opened on 24 October 2024.", "2024-10-24", id="dmy"),
    E("Deliveries begin on 2 July 2025.", "2025-07-02", id="dmy-future"),
    E("The framework deal dates from July 2023.", "since 2023-07", id="month-year"),
    E("The war began in 2022.", "2022", id="year"),
    E("Production peaks in mid-2026.", "2026-04-01..2026-09-30", id="mid-year"),
    E("Orders rose in the first half of 2025.", "2025-01-01..2025-06-30", id="first-half"),
    E("The plan covers 2025-2028.", "2025-2028", id="year-range-hyphen"),
    E("a budget for 2025 to 2028", "2025-2028", id="year-range-to"),
    E("deliveries between 2026 and 2030", "2026-2030", id="year-range-between"),
    E("the arms boom of the 2020s", "2020-01-01..2029-12-31", id="decade"),
    E("Revenue jumped in Q3 2024.", "2024-07-01..2024-09-30", id="q3"),
    E("It will ship in the fourth quarter of 2025.", "2025-10-01..2025-12-31", id="fourth-quarter-of"),
    E("The budget for 2025/26 was approved.", "2025-2026", id="fiscal-slash"),
    E("The exercise ran from January to March 2024.", "2024-01-01..2024-03-31", id="month-range"),
    E("talks on May 5-6, 2024", "2024-05-05..2024-05-06", id="day-range"),
    E("by the end of 2025", "by 2025", id="end-of-year"),
    E("in late 2023", "2023-07-01..2023-12-31", id="late-year"),
    E("in early 2025", "2025-01-01..2025-06-30", id="early-year"),
    E("The ISO date 2024-03-05 appears in a filing.", "2024-03-05", id="iso"),
    E("in H1 2025", "2025-01-01..2025-06-30", id="h1"),
    E("the 1990s", "1990-01-01..1999-12-31", id="nineties"),
    E("The second contract was signed on December 1, 2022.", "2022-12-01", id="mdy-full-month"),
    E("Seoul and Warsaw signed the deal on 27 July 2022 in Warsaw.", "2022-07-27", id="dmy-then-place"),
    E("The contract, dated 1 December 2022, covers 212 howitzers.", "2022-12-01", id="dmy-in-commas"),
    E("Deliveries will run from 2025 through 2030.", "2025-2030", id="year-range-through"),
    E("Deliveries are scheduled for 2025-26.", "2025-2026", id="year-range-short-end"),
    E("The order was placed in August 2023 and deliveries start in 2025.", "2023-08", "2025", id="two-dates"),
    E("They signed the framework on 26.08.2022.", "2022-08-26", id="dotted-dmy"),
    E("Version 1.2.2024 was released.", id="dotted-version-is-not-a-date"),
    E("In the first quarter of 2025, exports rose.", "2025-01-01..2025-03-31", id="sentence-initial-quarter"),
]

RELATIVE = [
    E("The ministers met on Wednesday.", "2024-10-30", id="weekday-past-same-day"),
    E("The ministers met on Monday.", "2024-10-28", id="weekday-past"),
    E("The president will visit Warsaw on Friday.", "2024-11-01", id="weekday-future"),
    E("Seoul confirmed the deal on Friday (October 25).", "2024-10-25", id="weekday-with-date"),
    E("The contract was signed on the 26th (local time).", "2024-10-26", id="ordinal-day"),
    E("Officials said yesterday the talks failed.", "2024-10-29", id="yesterday"),
    E("The minister arrives today.", "2024-10-30", id="today"),
    E("Exports doubled last year.", "2023", id="last-year"),
    E("Spending rose this year.", "2024", id="this-year"),
    E("The order was placed last month.", "2024-09", id="last-month"),
    E("Earlier this month, Warsaw ordered more.", "2024-10", id="earlier-this-month"),
    E("Deliveries start next year.", "2025", id="next-year"),
    E("The deal should close by year's end.", "by 2024", id="by-years-end"),
    E("It will be signed by the end of the year.", "by 2024", id="by-end-of-the-year"),
    E(
        "Talks will conclude by the middle of next year.",
        "by 2025-04-01..2025-09-30",
        id="by-middle-next-year",
    ),
    E("The first contract was signed two years ago.", "2022", id="two-years-ago"),
    E("Yoon will visit Poland in July.", "2025-07", id="in-july-future"),
    E("The agreement was signed in July.", "2024-07", id="in-july-past"),
    # the noun "plan" looks nowhere; "will be signed" looks forward
    E("Both ministers signed an action plan in Warsaw in March.", "2024-03", id="an-action-plan-signed"),
    E("The contract will be signed in March.", "2025-03", id="will-be-signed"),
    E("The summit took place in December.", "2023-12", id="in-december-past"),
    E("The plant opens next month.", "2024-11", id="next-month"),
    E("Shipments began last week.", "2024-10-21..2024-10-27", id="last-week"),
    E("The navy will receive the ship next Tuesday.", "2024-11-05", id="next-weekday"),
    E("Sales fell in the third quarter.", "2024-07-01..2024-09-30", id="third-quarter-no-year"),
    E("Exports hit a record on October 24.", "2024-10-24", id="month-day-no-year"),
    E("The cabinet met three days ago.", "2024-10-27", id="days-ago"),
    E("The talks resume on January 15.", "2025-01-15", id="month-day-future-by-nearest"),
    E("The tanks arrived on Thursday, Oct. 24.", "2024-10-24", id="weekday-comma-date"),
    E("The plan was announced on Sept. 5.", "2024-09-05", id="sept-abbrev"),
    E("On Dec. 1, Poland signed.", "2023-12-01", id="past-tense-month-day-last-year"),
    E("The contract was signed last Friday.", "2024-10-25", id="last-weekday"),
    E("Later this year the navy will choose.", "2024", id="later-this-year"),
    # years read aloud (radio and TV transcripts)
    E("The first contract, signed in twenty twenty-two, covered 180 tanks.", "2022", id="spoken-year"),
    E("In April twenty-twenty-three, Poland signed a deal.", "2023-04", id="spoken-month-year"),
    E("The order was placed in two thousand and nine.", "2009", id="spoken-two-thousand"),
    E("The programme dates from twenty-ten.", "since 2010", id="spoken-twenty-ten"),
    E("There were twenty twenty-two fans at the gate.", id="spoken-number-is-no-year"),
    # a year told by the one before it
    E("Estonia bought 12 K9s in June 2018 and six more the following year.", "2018-06", "2019",
      id="the-following-year"),
    E("India ordered 100 guns in 2017. The contract was signed in May that year.", "2017", "2017-05",
      id="month-that-year"),
    E("It agreed to buy tanks this year, after a deal the year before.", "2024", "2023", id="the-year-before"),
    E("Poland will sign the contract the following year.", id="the-following-year-with-none-told"),
    E("This month the ministry said.", "2024-10", id="this-month"),
    E("The minister will travel to Seoul next week.", "2024-11-04..2024-11-10", id="next-week"),
]

ANCHORS = [
    E("The two have been strategic partners since 2013.", "since 2013", id="since"),
    E("The action plan charts their relations through 2028.", "until 2028", id="through"),
    E("The loan runs until 2030.", "until 2030", id="until"),
    E("prices are fixed till 2027", "until 2027", id="till"),
    E("Poland wants 300 tanks by 2030.", "by 2030", id="by"),
    E("The first batch arrives before 2027.", "before 2027", id="before"),
    E("Local production starts after 2030.", "after 2030", id="after"),
    E("Since last year, exports have surged.", "since 2023", id="since-relative"),
]

UNRESOLVED = [
    E(
        "The deal was signed last year.",
        "'last year' (unresolved)",
        id="no-published-last-year",
        published=None,
    ),
    E("They met on Wednesday.", "'Wednesday' (unresolved)", id="no-published-weekday", published=None),
    E("Exports rose in 2022.", "2022", id="no-published-absolute-still-resolves", published=None),
]

NOT_DATES = [
    E("Poland will pay $22 billion.", id="money"),
    E("The K2 tank and the K9 howitzer", id="designations"),
    E("180 tanks and 2,000 troops", id="counts"),
    E("Growth slowed to 3.5%.", id="percent"),
    E("Hanwha is the No. 1 supplier.", id="rank"),
    E("The base operates 24/7.", id="twenty-four-seven"),
    E("a range of 2500 km and a 1850 mm barrel", id="out-of-range-and-measures"),
    E("You may go now.", id="may-verb"),
    E("She met Jan Kowalski.", id="jan-name"),
    E("It costs 2,030 dollars.", id="comma-number"),
]

TABLE = ABSOLUTE + RELATIVE + ANCHORS + UNRESOLVED + NOT_DATES
XFAIL = [
    E("The deal was sealed on the 3rd of March.", "2024-03-03", id="ordinal-of-month"),
    E("It happened in the spring of 2023.", "2023-03-01..2023-05-31", id="season"),
    E("Deliveries run over the next five years.", "2025-2029", id="next-n-years"),
    E("The talks took place in late September.", "2024-09-21..2024-09-30", id="late-month"),
    E("Poland wants the tanks within two years.", "by 2026", id="within-n-years"),
]


def _found(ex: Example) -> tuple[str, ...]:
    return tuple(str(t) for t in find_times(ex.text, published=ex.published))


@pytest.mark.parametrize("ex", TABLE, ids=[e.id for e in TABLE])
def test_table(ex: Example) -> None:
    assert _found(ex) == ex.expected


@pytest.mark.parametrize(
    "ex", [pytest.param(e, marks=pytest.mark.xfail(strict=True)) for e in XFAIL], ids=[e.id for e in XFAIL]
)
def test_known_gaps(ex: Example) -> None:
    assert _found(ex) == ex.expected


def test_year_is_the_whole_year_not_a_day() -> None:
    (t,) = find_times("in 2022")
    assert (t.start, t.end, t.precision) == (dt.date(2022, 1, 1), dt.date(2022, 12, 31), "year")


def test_unresolved_keeps_text_and_span() -> None:
    text = "Exports doubled last year."
    (t,) = find_times(text)
    assert not t.resolved
    assert t.precision is None
    assert t.text == "last year"
    assert t.span == (16, 25)


def test_relation_word_is_outside_the_span() -> None:
    (t,) = find_times("partners since 2013")
    assert t.text == "2013"
    assert t.relation == "since"


def test_timespan_round_trips_json() -> None:
    for t in find_times("signed on Friday (August 26) for 2025-2028", published=dt.date(2022, 8, 28)):
        assert TimeSpan.from_dict(t.to_dict()) == t


# ---------------------------------------------------------------- properties


@settings(max_examples=60)
@given(st.text(), st.none() | st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_never_raises_and_spans_quote_the_input(text: str, published: dt.date | None) -> None:
    for t in find_times(text, published=published):
        assert t.span is not None
        assert text[t.span[0] : t.span[1]] == t.text
        if t.start is not None and t.end is not None:
            assert t.start <= t.end


_WORDS = st.sampled_from(
    [
        "on",
        "Friday",
        "in",
        "July",
        "2024",
        "last",
        "year",
        "next",
        "month",
        "since",
        "by",
        "mid-2026",
        "the",
        "first",
        "half",
        "of",
        "Q3",
        "will",
        "signed",
        "ago",
        "two",
        "years",
        "(August",
        "26)",
        "between",
        "and",
        "2030",
        "to",
        "yesterday",
        "the 26th",
        "October",
        "24,",
        "2025-2028",
        "end",
    ]
)


@settings(max_examples=80)
@given(st.lists(_WORDS, max_size=14), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 1, 1)))
def test_date_like_word_salad_is_well_formed(words: list[str], published: dt.date) -> None:
    text = " ".join(words)
    for t in find_times(text, published=published):
        assert t.span is not None
        assert text[t.span[0] : t.span[1]] == t.text
        if t.start is not None and t.end is not None:
            assert t.start <= t.end


@settings(max_examples=40)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_formatted_date_is_found_again(day: dt.date) -> None:
    text = f"The deal was signed on {day.strftime('%B')} {day.day}, {day.year} in Warsaw."
    (t,) = find_times(text)
    assert (t.start, t.end, t.precision) == (day, day, "day")


def test_finders_take_published_as_parse_does() -> None:
    """An ISO string is a date for find_times and find_people too; anything else is a clear error."""
    import korpol

    text = "Defence Minister Mariusz Blaszczak signed on Wednesday."
    assert [str(t) for t in korpol.find_times(text, published="2022-08-26")] == ["2022-08-24"]
    assert [p.name for p in korpol.find_people(text, published="2022-08-26")] == ["Mariusz Blaszczak"]
    with pytest.raises(korpol.ValidationError, match="not an ISO date"):
        korpol.find_times(text, published="26/08/2022")
    with pytest.raises(korpol.ValidationError, match="not an ISO date"):
        korpol.find_people(text, published="last week")
