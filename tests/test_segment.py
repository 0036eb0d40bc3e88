"""Segmentation: sentences, headlines, captions, bylines, datelines, headers."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from korpol._text import normalize
from korpol._text.segment import KINDS, Segment, segment


@attrs.frozen
class Example:
    text: str
    expected: tuple[tuple[str, str], ...]  # (kind, text) in order


def ex(id: str, text: str, *expected: tuple[str, str], gap: bool = False) -> object:
    marks = [pytest.mark.xfail(strict=True, reason="known gap")] if gap else []
    return pytest.param(Example(text, tuple(expected)), id=id, marks=marks)


def sent(text: str) -> tuple[str, str]:
    return ("sentence", text)


SENTENCES = [
    # --- scraped text: a sentence glued to the next without a space
    ex(
        "glued-after-a-word",
        "The Turkish orders sit beside a French one.Indonesia bought 42 Rafale fighters in 2022.Analysts doubt it.",
        sent("The Turkish orders sit beside a French one."),
        sent("Indonesia bought 42 Rafale fighters in 2022."),
        sent("Analysts doubt it."),
    ),
    ex("glued-after-a-percent", "Spending rose 5%.The rest followed.", sent("Spending rose 5%."), sent("The rest followed.")),
    ex("not-glued-in-an-acronym", "The U.S.Army ordered more.", sent("The U.S.Army ordered more.")),
    ex("not-glued-in-a-number", "It costs 3.5 billion.", sent("It costs 3.5 billion.")),
    ex("not-glued-before-lower-case", "See korea.net for more.", sent("See korea.net for more.")),
    # --- plain boundaries
    ex("two-sentences", "Poland signed. Korea agreed.", sent("Poland signed."), sent("Korea agreed.")),
    ex("question", "Will it pay? Nobody knows.", sent("Will it pay?"), sent("Nobody knows.")),
    ex("exclamation", "It worked! The army cheered.", sent("It worked!"), sent("The army cheered.")),
    ex(
        "no-final-period-long",
        "Poland signed a deal with Korea on Friday and the army will get the tanks soon and "
        "the navy will get submarines later if the money is found",
        sent(
            "Poland signed a deal with Korea on Friday and the army will get the tanks soon and "
            "the navy will get submarines later if the money is found"
        ),
    ),
    ex(
        "year-ends-sentence",
        "It was signed in 2022. Deliveries began.",
        sent("It was signed in 2022."),
        sent("Deliveries began."),
    ),
    ex(
        "digit-starts-next",
        "Deliveries began in March. 180 tanks arrived.",
        sent("Deliveries began in March."),
        sent("180 tanks arrived."),
    ),
    ex("extra-spaces", "One deal.   Another deal.", sent("One deal."), sent("Another deal.")),
    # sentences split by tabs, never a space: the look-back for the word before "." once read to the
    # start of the paragraph for each mark (quadratic)
    ex(
        "tab-separated",
        "One deal.\tAnother deal.\tThe end.",
        sent("One deal."),
        sent("Another deal."),
        sent("The end."),
    ),
    ex(
        "ellipsis-then-capital",
        "They waited... Then came the order.",
        sent("They waited..."),
        sent("Then came the order."),
    ),
    # --- abbreviations that never end a sentence
    ex("mr", "Mr. Kim met Mrs. Lee.", sent("Mr. Kim met Mrs. Lee.")),
    ex(
        "gen-lt-col",
        "Gen. Park, Lt. Col. Nowak and Maj. Gen. Kuptel spoke.",
        sent("Gen. Park, Lt. Col. Nowak and Maj. Gen. Kuptel spoke."),
    ),
    ex("dr", "Dr. Smith agreed.", sent("Dr. Smith agreed.")),
    ex(
        "month-abbrev",
        "It was signed on Jan. 5 and Feb. 6 in Seoul.",
        sent("It was signed on Jan. 5 and Feb. 6 in Seoul."),
    ),
    ex(
        "sept-capital-after",
        "Talks resume in Sept. Officials expect progress.",
        sent("Talks resume in Sept. Officials expect progress."),
    ),
    ex("number-no", "It is No. 1 in Europe.", sent("It is No. 1 in Europe.")),
    ex(
        "eg-ie",
        "Some systems, e.g. the K9, and others, i.e. the K2, were named.",
        sent("Some systems, e.g. the K9, and others, i.e. the K2, were named."),
    ),
    ex("vs", "It was Poland vs. Germany in the tender.", sent("It was Poland vs. Germany in the tender.")),
    ex("approx", "It costs approx. 3 billion won.", sent("It costs approx. 3 billion won.")),
    ex("st", "They met at St. Mary's Church.", sent("They met at St. Mary's Church.")),
    # --- acronyms that may or may not end a sentence
    ex("us-mid", "The U.S. Army bought it.", sent("The U.S. Army bought it.")),
    ex("un-mid", "The U.N. Security Council met.", sent("The U.N. Security Council met.")),
    ex(
        "us-end",
        "It was sold to the U.S. The deal closed.",
        sent("It was sold to the U.S."),
        sent("The deal closed."),
    ),
    ex("inc-mid", "Hanwha Co. Ltd. signed it.", sent("Hanwha Co. Ltd. signed it.")),
    ex(
        "inc-end",
        "The buyer was Acme Inc. It paid cash.",
        sent("The buyer was Acme Inc."),
        sent("It paid cash."),
    ),
    ex(
        "us-made",
        "It uses U.S.-made engines. Poland agreed.",
        sent("It uses U.S.-made engines."),
        sent("Poland agreed."),
    ),
    ex(
        "us-end-name-next",
        "It was sold to the U.S. Poland bought more.",
        sent("It was sold to the U.S."),
        sent("Poland bought more."),
        gap=True,
    ),
    # --- numbers
    ex(
        "decimal-billion",
        "It is worth $13.7 billion. Seoul agreed.",
        sent("It is worth $13.7 billion."),
        sent("Seoul agreed."),
    ),
    ex(
        "percent",
        "Growth was 3.5% last year. It slowed.",
        sent("Growth was 3.5% last year."),
        sent("It slowed."),
    ),
    ex("version-number", "The K9A1 v. 2.0 is new.", sent("The K9A1 v. 2.0 is new.")),
    # --- initials
    ex("initial", "J. Smith wrote it.", sent("J. Smith wrote it.")),
    ex("middle-initial", "George W. Bush visited.", sent("George W. Bush visited.")),
    ex("two-initials", "The report by J. R. Kim appeared.", sent("The report by J. R. Kim appeared.")),
    # --- quotes
    ex(
        "curly-quote-end",
        "“We will buy more,” he said. “It is urgent.” Then he left.",
        sent("“We will buy more,” he said."),
        sent("“It is urgent.”"),
        sent("Then he left."),
    ),
    ex(
        "straight-quote-end",
        'He said "yes." The talks ended.',
        sent('He said "yes."'),
        sent("The talks ended."),
    ),
    ex(
        "quote-then-speaker",
        '"We will stand with you." Yoon said.',
        sent('"We will stand with you." Yoon said.'),
    ),
    ex(
        "quote-then-name-said",
        "“It is over.” Defence Minister Kim said on Monday.",
        sent("“It is over.” Defence Minister Kim said on Monday."),
    ),
    ex(
        "question-in-quote-lowercase",
        '"Why now?" he asked. Nobody answered.',
        sent('"Why now?" he asked.'),
        sent("Nobody answered."),
    ),
    ex(
        "single-quotes",
        "He called it 'historic.' The deal was signed.",
        sent("He called it 'historic.'"),
        sent("The deal was signed."),
    ),
    ex(
        "paren-end",
        "It was signed (in Warsaw.) Then talks ended.",
        sent("It was signed (in Warsaw.)"),
        sent("Then talks ended."),
    ),
    ex(
        "next-opens-quote",
        'Talks ended. "We are done," he said.',
        sent("Talks ended."),
        sent('"We are done," he said.'),
    ),
    # --- bullets and numbered points
    ex(
        "numbered",
        "1. Poland buys tanks.\n2. Korea builds them.",
        sent("1. Poland buys tanks."),
        sent("2. Korea builds them."),
    ),
    ex(
        "dash-bullets",
        "- 180 K2 tanks\n- 212 K9 howitzers",
        sent("- 180 K2 tanks"),
        sent("- 212 K9 howitzers"),
    ),
    ex("dot-bullets", "• First item.\n• Second item.", sent("• First item."), sent("• Second item.")),
    ex("paren-numbered", "1) Tanks\n2) Guns", sent("1) Tanks"), sent("2) Guns")),
]

LINES = [
    # --- headlines and headers
    ex(
        "headline",
        "Poland signs deal for Korean tanks\n\nThe deal was signed.",
        ("headline", "Poland signs deal for Korean tanks"),
        sent("The deal was signed."),
    ),
    ex(
        "headline-with-ellipsis",
        "Poland signs US$6.5 bn deal ... largest export\nIt was signed.",
        ("headline", "Poland signs US$6.5 bn deal ... largest export"),
        sent("It was signed."),
    ),
    ex(
        "headline-bracket-tag",
        "[EXPORT] Chunmoo closes the year\n\nText.",
        ("headline", "[EXPORT] Chunmoo closes the year"),
        sent("Text."),
    ),
    ex(
        "subhead",
        "Some text here.\n\nKorea, Poland Redouble Efforts\n\nMore text.",
        sent("Some text here."),
        ("headline", "Korea, Poland Redouble Efforts"),
        sent("More text."),
    ),
    ex(
        "month-year",
        "August 2023\nKOREA\n\nText.",
        ("header", "August 2023"),
        ("header", "KOREA"),
        sent("Text."),
    ),
    ex(
        "all-caps-label",
        "IN BRIEF\n\nSeoul buys drones\n\nText.",
        ("header", "IN BRIEF"),
        ("headline", "Seoul buys drones"),
        sent("Text."),
    ),
    ex(
        "press-release-label",
        "FOR IMMEDIATE RELEASE\n\nText.",
        ("header", "FOR IMMEDIATE RELEASE"),
        sent("Text."),
    ),
    ex(
        "pipe-line",
        "January 2026 | DEFENSE WEEKLY | Export Desk\n\nText.",
        ("header", "January 2026 | DEFENSE WEEKLY | Export Desk"),
        sent("Text."),
    ),
    ex(
        "copyright-line",
        "Text.\n\nⓒ 2026 Defense Weekly. All rights reserved",
        sent("Text."),
        ("header", "ⓒ 2026 Defense Weekly. All rights reserved"),
    ),
    ex("copyright-word", "Copyright 2025 Example News", ("header", "Copyright 2025 Example News")),
    # --- captions
    ex(
        "caption-circle-c",
        "Yoon meets Stoltenberg in Vilnius. ⓒ Office of the President\nText.",
        ("caption", "Yoon meets Stoltenberg in Vilnius. ⓒ Office of the President"),
        sent("Text."),
    ),
    ex(
        "caption-photo-colon",
        "A K9 howitzer fires during a drill. (Photo: Hanwha Aerospace)\n\nText.",
        ("caption", "A K9 howitzer fires during a drill. (Photo: Hanwha Aerospace)"),
        sent("Text."),
    ),
    ex(
        "caption-agency",
        "Soldiers load a launcher in Gyeryong. (Yonhap)\n\nText.",
        ("caption", "Soldiers load a launcher in Gyeryong. (Yonhap)"),
        sent("Text."),
    ),
    ex(
        "caption-photo-tag",
        "[Photo] Two ministers shake hands in Warsaw.\n\nText.",
        ("caption", "[Photo] Two ministers shake hands in Warsaw."),
        sent("Text."),
    ),
    ex(
        "caption-courtesy",
        "A Photo Courtesy of the Defense Ministry\n\nText.",
        ("caption", "A Photo Courtesy of the Defense Ministry"),
        sent("Text."),
    ),
    ex(
        "caption-photo-by",
        "K2 tanks on parade. Photo by Jan Kowalski\n\nText.",
        ("caption", "K2 tanks on parade. Photo by Jan Kowalski"),
        sent("Text."),
    ),
    ex(
        "caption-slash-agency",
        "The new plant in Gliwice / Reuters\n\nText.",
        ("caption", "The new plant in Gliwice / Reuters"),
        sent("Text."),
    ),
    ex(
        "caption-ap-photo",
        "A tank in Poznan. (AP Photo/Czarek Sokolowski)\n\nText.",
        ("caption", "A tank in Poznan. (AP Photo/Czarek Sokolowski)"),
        sent("Text."),
    ),
    # --- bylines
    ex("byline-written", "Written by Kim Ji-ae\n\nText.", ("byline", "Written by Kim Ji-ae"), sent("Text.")),
    ex("byline-by", "By Jan Nowak\n\nText.", ("byline", "By Jan Nowak"), sent("Text.")),
    ex(
        "byline-agency",
        "By Anna Kowalska, Reuters\n\nText.",
        ("byline", "By Anna Kowalska, Reuters"),
        sent("Text."),
    ),
    ex(
        "not-byline",
        "By the end of the year the tanks will arrive in Poland and go to the 16th division.",
        sent("By the end of the year the tanks will arrive in Poland and go to the 16th division."),
    ),
    # --- datelines
    ex(
        "dateline-city-country",
        "WARSAW, Poland — South Korea and Poland signed a plan.",
        ("dateline", "WARSAW, Poland —"),
        sent("South Korea and Poland signed a plan."),
    ),
    ex(
        "dateline-upi",
        "SEOUL, July 4 (UPI) -- The ministry said it would buy drones.",
        ("dateline", "SEOUL, July 4 (UPI) --"),
        sent("The ministry said it would buy drones."),
    ),
    ex(
        "dateline-reuters",
        "KYIV/WARSAW, July 15 (Reuters) - Poland will send aid. It said so.",
        ("dateline", "KYIV/WARSAW, July 15 (Reuters) -"),
        sent("Poland will send aid."),
        sent("It said so."),
    ),
    ex(
        "dateline-full-date",
        "CHANGWON, South Korea, December 4, 2023 - Hanwha announced a contract.",
        ("dateline", "CHANGWON, South Korea, December 4, 2023 -"),
        sent("Hanwha announced a contract."),
    ),
    ex(
        "dateline-yonhap",
        "SEOUL (Yonhap) -- Korea will send aid.",
        ("dateline", "SEOUL (Yonhap) --"),
        sent("Korea will send aid."),
    ),
    ex(
        "dateline-normalised",
        normalize("WARSAW, July 27 — Poland signed.").text,
        ("dateline", "WARSAW, July 27 -"),
        sent("Poland signed."),
    ),
    ex(
        "no-dateline-acronym",
        "NATO allies adopted a communique. It was long.",
        sent("NATO allies adopted a communique."),
        sent("It was long."),
    ),
    ex(
        "no-dateline-hyphen-word",
        "K2 tanks - the main order - arrived. Poland paid.",
        sent("K2 tanks - the main order - arrived."),
        sent("Poland paid."),
    ),
    # --- layout
    ex("crlf", "First one.\r\nSecond one.\r\n", sent("First one."), sent("Second one.")),
    ex(
        "soft-wrap",
        "Poland signed a contract with Hyundai Rotem on Friday for\nanother 180 tanks. It is big.",
        sent("Poland signed a contract with Hyundai Rotem on Friday for\nanother 180 tanks."),
        sent("It is big."),
    ),
    ex(
        "soft-wrap-capital",
        "The deal covers howitzers built by Hanwha Aerospace and\nHyundai Rotem. It is big.",
        sent("The deal covers howitzers built by Hanwha Aerospace and\nHyundai Rotem."),
        sent("It is big."),
    ),
    ex(
        "headline-then-line",
        "Hanwha signs second K9 contract with Poland\n152 more howitzers in a new deal",
        ("headline", "Hanwha signs second K9 contract with Poland"),
        ("headline", "152 more howitzers in a new deal"),
    ),
    ex(
        "blank-line-stops-sentence",
        "The deal covers tanks built for\n\nPoland by Korea.",
        ("headline", "The deal covers tanks built for"),
        sent("Poland by Korea."),
    ),
    ex(
        "hangul-sentences",
        "한국은 폴란드와 계약했다. Then it ended.",
        sent("한국은 폴란드와 계약했다."),
        sent("Then it ended."),
    ),
    ex(
        "a-bullets-label-heads-its-sentence",  # ("- F-16 (Norway)." alone lost the seller to the next sentence)
        "- F-16 (Norway). Contract for 32 used jets signed in 2022.\n- Hawk (the UK). Next. Then.",
        sent("- F-16 (Norway). Contract for 32 used jets signed in 2022."),
        sent("- Hawk (the UK). Next."),
        sent("Then."),
    ),
    ex(
        "a-bracket-inside-running-text-still-ends-it",
        "Hanwha signed with Norway (the NDMA). Then it ended.",
        sent("Hanwha signed with Norway (the NDMA)."),
        sent("Then it ended."),
    ),
    ex("empty", ""),
    ex("only-spaces", "  \n\n \t\n"),
]


@pytest.mark.parametrize("example", SENTENCES + LINES)
def test_segment(example: Example) -> None:
    got = tuple((s.kind, s.text) for s in segment(example.text))
    assert got == example.expected


def test_offsets_index_the_text() -> None:
    text = "Headline here\n\nWARSAW, Poland - It was signed. Mr. Kim left.\nWritten by Jan Nowak"
    segs = segment(text)
    assert [s.kind for s in segs] == ["headline", "dateline", "sentence", "sentence", "byline"]
    for s in segs:
        assert text[s.start : s.end] == s.text


def test_segment_is_frozen_and_kinds_are_known() -> None:
    seg = segment("One. Two.")[0]
    assert seg == Segment(0, 4, "One.", "sentence")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        seg.start = 3  # type: ignore[misc]
    assert seg.kind in KINDS


# ----------------------------------------------------------------- properties

NEWSY = st.lists(
    st.sampled_from(
        [*"abc XYZ.!?\"'“”’()-—\n\r\t0123456789,;:ⓒ©|[]/", "Mr.", "U.S.", " By ", "WARSAW, ", " -- "]
    ),
    max_size=80,
).map("".join)


@given(st.one_of(NEWSY, st.text(max_size=120)))
def test_segments_are_ordered_disjoint_and_exact(text: str) -> None:
    segs = segment(text)
    last = 0
    for s in segs:
        assert last <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        assert s.kind in KINDS
        last = s.end


@given(
    st.lists(
        st.sampled_from(["Poland signed.", "Mr. Kim left.", "It cost $1.5 billion.", "Why?"]),
        min_size=1,
        max_size=6,
    )
)
def test_blank_lines_are_never_crossed(sentences: list[str]) -> None:
    text = "\n\n".join(sentences)
    segs = segment(text)
    assert all("\n\n" not in s.text for s in segs)
    assert [s.text for s in segs] == sentences
