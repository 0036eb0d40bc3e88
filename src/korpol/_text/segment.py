"""Sentences, headlines, captions, bylines and datelines, with offsets.

Why this module exists: the record rules read one sentence at a time, and a news
page is more than sentences.  A headline has no final period, a photo caption
ends in a credit ("ⓒ Office of the President", "(Photo: Yonhap)"), a byline
("Written by ...") and a dateline ("SEOUL, July 4 (Yonhap) --") name places and
people that are not actors of the story.  :func:`segment` labels each piece so
the rules can weigh it, and cuts sentences without breaking on "U.S.", "Gen.",
"$13.7 billion" or "J. Smith".

Every :class:`Segment` indexes the text it was given (``text[s.start:s.end] ==
s.text``); segments are in order, never overlap and never cross a blank line.
The text is usually ``normalize(raw).text`` (straight quotes, ASCII dashes),
but curly quotes and long dashes are understood too.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

import attrs

__all__ = ["KINDS", "LINK_MARKS", "Segment", "is_link", "segment"]

SegmentKind = Literal["sentence", "headline", "caption", "byline", "dateline", "header"]

#: Every kind a :class:`Segment` can have.
KINDS: tuple[str, ...] = ("sentence", "headline", "caption", "byline", "dateline", "header")


@attrs.frozen
class Segment:
    """One span of a text: a sentence, a headline, a caption, a byline, a dateline or a header.

    ``header`` covers page furniture: a month/year line, a section label in
    capitals ("IN BRIEF"), a line of ``|``-separated fields, a copyright notice.
    ``start``/``end`` index the segmented text.

    >>> text = "WARSAW, July 27 - Poland signed. Mr. Kim left."
    >>> [(s.kind, s.text) for s in segment(text)]
    [('dateline', 'WARSAW, July 27 -'), ('sentence', 'Poland signed.'), ('sentence', 'Mr. Kim left.')]
    >>> first = segment(text)[1]
    >>> text[first.start : first.end]
    'Poland signed.'
    """

    start: int
    end: int
    text: str
    kind: SegmentKind = "sentence"


# --- vocabularies (tables, so that they can be read and extended) -------------------

#: Words ending in a period after which a sentence never ends: titles, months, and
#: abbreviations always followed by more of the same sentence.
NO_BREAK_AFTER = frozenset(
    [
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "Prof.",
        "Gen.",
        "Lt.",
        "Col.",
        "Maj.",
        "Capt.",
        "Cmdr.",
        "Adm.",
        "Sgt.",
        "Cpl.",
        "Pvt.",
        "Brig.",
        "Gov.",
        "Sen.",
        "Rep.",
        "Rev.",
        "Hon.",
        "Amb.",
        "Pres.",
        "Supt.",
        "Insp.",
        "Det.",
        "Fr.",
        "Sr.",
        "Jr.",
        "St.",
        "Mt.",
        "Ft.",
        "No.",
        "Nos.",
        "Nr.",
        "Vol.",
        "Art.",
        "Sec.",
        "Ch.",
        "Fig.",
        "p.",
        "pp.",
        "para.",
        "vs.",
        "v.",
        "e.g.",
        "i.e.",
        "cf.",
        "approx.",
        "ca.",
        "est.",
        "incl.",
        "excl.",
        "Jan.",
        "Feb.",
        "Mar.",
        "Apr.",
        "Jun.",
        "Jul.",
        "Aug.",
        "Sep.",
        "Sept.",
        "Oct.",
        "Nov.",
        "Dec.",
        "Mon.",
        "Tue.",
        "Tues.",
        "Wed.",
        "Thu.",
        "Thur.",
        "Thurs.",
        "Fri.",
        "Sat.",
        "Sun.",
        "Gov't.",
        "Dept.",
        "Univ.",
        "Assn.",
        "Bros.",
        "Mil.",
        "Ave.",
        "Blvd.",
        "Rd.",
        "Op.",
    ]
)

#: Abbreviations that may also end a sentence ("... sold to the U.S. The deal ...").
#: After them a sentence ends only when the next word is a usual sentence opener.
MAYBE_BREAK_AFTER = frozenset(
    [
        "Inc.",
        "Ltd.",
        "Co.",
        "Corp.",
        "Plc.",
        "plc.",
        "LLC.",
        "Bhd.",
        "AG.",
        "etc.",
        "a.m.",
        "p.m.",
        "U.S.",
        "U.K.",
        "U.N.",
        "E.U.",
        "S.K.",
        "N.K.",
        "D.C.",
        "B.C.",
        "A.D.",
    ]
)

#: Words that usually open a sentence; after "U.S." or "Inc." they signal a break.
SENTENCE_OPENERS = frozenset(
    [
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "With",
        "As",
        "After",
        "Before",
        "But",
        "And",
        "Or",
        "So",
        "Yet",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Its",
        "His",
        "Her",
        "Their",
        "Our",
        "My",
        "Your",
        "While",
        "When",
        "Since",
        "Although",
        "Though",
        "However",
        "Meanwhile",
        "Still",
        "Also",
        "Under",
        "Over",
        "During",
        "According",
        "Some",
        "Many",
        "Most",
        "One",
        "Two",
        "Three",
        "Both",
        "Each",
        "Other",
        "Such",
        "If",
        "Last",
        "Next",
        "Earlier",
        "Later",
        "Officials",
    ]
)

#: Verbs that follow a quotation when the quote ended in a period but the sentence
#: goes on ("... restored." Yoon said.).
SPEECH_VERBS = (
    "said",
    "says",
    "added",
    "told",
    "asked",
    "noted",
    "stressed",
    "wrote",
    "explained",
    "continued",
    "stated",
    "declared",
    "announced",
    "emphasized",
    "emphasised",
)

#: Line openings that make the line a byline.
BYLINE_OPENERS = (
    "By ",
    "BY ",
    "Written by ",
    "Reported by ",
    "Story by ",
    "Words by ",
    "Text by ",
    "Interview by ",
    "Written and photographed by ",
    "Compiled by ",
)

#: Photo and wire credits that make a line a caption when they close it (or open it).
CREDIT_AGENCIES = (
    "Yonhap",
    "Reuters",
    "AP",
    "AFP",
    "EPA",
    "UPI",
    "Newsis",
    "News1",
    "Xinhua",
    "PAP",
    "Getty Images",
    "Kyodo",
    "dpa",
    "Bloomberg",
    "Korea Times",
    "Korea Herald",
    "JoongAng",
    "Hankyoreh",
    "Chosun Ilbo",
    "KCNA",
    "Ukrinform",
    "Anadolu",
)

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
_DASHES = "—–-"
_WORD_REACH = 64  # longer than any abbreviation in NO_BREAK_AFTER or MAYBE_BREAK_AFTER


# --- patterns (compiled lazily, once) ----------------------------------------------


@cache
def _line_re() -> re.Pattern[str]:
    return re.compile(r"[^\n]+")


@cache
def _end_re() -> re.Pattern[str]:
    # A run of terminal marks (group 1), any closing quotes/brackets (group 2), then
    # whitespace.  The look-behind starts a match only at the first mark of a run:
    # without it a long run of dots with no space after it is retried from every dot
    # (quadratic time).  It comes after the first mark, not before, so that the
    # engine can skip ahead to the marks (4x faster than a leading look-behind).
    # A sentence glued to the next by a scraper (".Indonesia bought ...") ends too: then no
    # whitespace follows, only a capital and a lower-case letter (checked in _is_break).
    return re.compile(r"([.!?…](?<![.!?…]{2})[.!?…]*)([\"'”’»)\]]*)(?:\s+|(?=[A-Z][a-z]))")


@cache
def _space_re() -> re.Pattern[str]:
    return re.compile(r"\s")


@cache
def _dateline_re() -> re.Pattern[str]:
    caps = r"[A-Z][A-Z.'\-]+(?:[ /][A-Z][A-Z.'\-]*)*"
    part = r"[A-Z0-9][\w.'\-]*(?: [A-Z0-9][\w.'\-]*)*"
    return re.compile(rf"{caps}(?:, {part}){{0,4}}(?: \([^()\n]{{1,40}}\))?(?: ?(?:—|–|--) ?| - )")


@cache
def _caption_end_re() -> re.Pattern[str]:
    agencies = "|".join(re.escape(a) for a in sorted(CREDIT_AGENCIES, key=len, reverse=True))
    return re.compile(
        r"(?:"
        r"[ⓒ©] ?[^\s.][^\n]{0,60}"  # "ⓒ Office of the President"
        r"|\((?:Photo|Photos|Image|Picture|Graphic)s?(?: by| courtesy of)?[:\s][^()\n]{1,80}\)"
        rf"|\((?:{agencies})(?:[ /][^()\n]{{0,40}})?\)"
        r"|(?:Photo|Photos|Image|Picture)(?: by| courtesy of|:)\s?[^\n.]{1,60}"
        rf"|[/|] ?(?:{agencies})"
        r")[ \t\r]*$"
    )


@cache
def _caption_start_re() -> re.Pattern[str]:
    return re.compile(
        r"(?:\[(?:Photo|Photos|Image|Graphic|Video)\]|(?:Photo|PHOTO|Photos|Image)(?: [A-Z][\w\-]*)?: "
        r"|\((?:Photo|Image)\b|(?:A )?(?:Photo|Photos|Image)s? (?:[Cc]ourtesy of|by) |Courtesy of )"
    )


@cache
def _header_re() -> re.Pattern[str]:
    months = "|".join(MONTHS)
    return re.compile(rf"(?:(?:{months}) \d{{4}}\b|(?:Copyright|COPYRIGHT)\b|[ⓒ©] ?\d{{4}}\b)")


@cache
def _bullet_re() -> re.Pattern[str]:
    return re.compile(r"(?:[-*•▪◦·‣–—]|\d{1,2}[.)]|[a-z][.)]|\(\d{1,2}\)) ")


@cache
def _label_re() -> re.Pattern[str]:
    """A bullet's short label: "- F-35A (United States)", "• K9 (South Korea)"."""
    return re.compile(rf"{_bullet_re().pattern}[^.()\n]{{1,30}} \([^.()\n]{{2,30}}\)")


@cache
def _speech_re() -> re.Pattern[str]:
    verbs = "|".join(SPEECH_VERBS)
    return re.compile(rf"(?:[A-Z][\w.'\-]*\s+){{1,4}}(?:{verbs})\b|(?:{verbs})\s")


# --- classification of whole lines ------------------------------------------------


def _ends_sentence(line: str) -> bool:
    """Whether the line ends like a sentence: a terminal mark, maybe inside quotes."""
    stripped = line.rstrip(_CLOSERS)
    return stripped.endswith((".", "!", "?", "…", ":", ";"))


def _is_header(line: str) -> bool:
    if len(line) <= 120 and (_header_re().match(line) or " | " in line or line[:1] in LINK_MARKS):
        return True
    # the cheap length test first: most lines are long running text
    if len(line) <= 60 and len(line.split()) <= 6 and not _ends_sentence(line):
        letters = [c for c in line if c.isalpha()]
        return bool(letters) and sum(c.isupper() for c in letters) == len(letters) and len(letters) > 1
    return False


def _has_credit_end(line: str) -> bool:
    tail = line[-100:]
    if not (tail.endswith(")") or _credit_hint_re().search(tail)):
        return False
    return _caption_end_re().search(tail) is not None


_CREDIT_HINTS = ("ⓒ", "©", "Photo", "Image", "Picture", "/", "|")


@cache
def _credit_hint_re() -> re.Pattern[str]:
    """Any of ``_CREDIT_HINTS``, in one search instead of one ``in`` test each."""
    return re.compile("|".join(map(re.escape, _CREDIT_HINTS)))


#: What opens a line of a "READ MORE" or "Related" list of links to other stories ("› Hungary's veto
#: leaves billions frozen"): page furniture, whatever states it names
LINK_MARKS = "›»▸▶→"


def is_link(text: str, seg: Segment) -> bool:
    """Whether ``seg`` is a line of a list of links to other stories (page furniture)."""
    return seg.kind == "header" and text[seg.start : seg.start + 1] in LINK_MARKS


#: A line without a final period longer than this is running text, not a headline.
_HEADLINE_MAX_WORDS = 22


def _line_kind(line: str) -> SegmentKind | None:
    """The kind of a whole line, or None when the line is running text to split."""
    if len(line) > 400 or _bullet_re().match(line):
        return None
    if len(line) <= 100 and line.startswith(BYLINE_OPENERS) and len(line.split()) <= 12:
        rest = line.split(" by ", 1)[-1] if " by " in line else line[3:]
        if rest[:1].isupper():
            return "byline"
    if _is_header(line):
        return "header"
    if _caption_start_re().match(line) or _has_credit_end(line):
        return "caption"
    if not _ends_sentence(line) and len(line) <= 200 and len(line.split()) <= _HEADLINE_MAX_WORDS:
        return "headline"
    return None


# --- sentence splitting inside running text --------------------------------------


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    a, b, _ = _stripped(text, a, b)
    return a, b


def _stripped(text: str, a: int, b: int) -> tuple[int, int, str]:
    """``text[a:b]`` without surrounding whitespace, and where that starts and ends."""
    head = text[a:b].lstrip()
    a = b - len(head)
    piece = head.rstrip()
    return a, a + len(piece), piece


def _is_break(text: str, m: re.Match[str], start: int, end: int) -> bool:
    """Whether the terminal mark matched by ``m`` ends a sentence."""
    nxt = m.end()
    if nxt >= end:
        return False
    if m.end() == m.end(2) and not _glued_end(text, m.start(), start):
        return False
    following = text[nxt]
    if following in _OPENERS:
        following = text[nxt + 1] if nxt + 1 < end else ""
    if not following or following.islower() or following in ",;:%":
        return False
    marks, closers = m.group(1, 2)
    closed = bool(closers)
    # the word carrying the mark: back to the previous space, at most _WORD_REACH characters
    # (every word tested below is short; reading back to the start of a paragraph whose
    # sentences are split by tabs or line separators, never a space, was quadratic)
    lo = max(start, m.start() - _WORD_REACH)
    word_start = text.rfind(" ", lo, m.start()) + 1
    word = text[max(word_start, lo) : m.start() + 1].lstrip(_OPENERS)
    if marks == "." and not closed:
        if word in NO_BREAK_AFTER:
            return False
        # list numbers at the start of a line ("1. ") and initials ("J. Smith", "Kim J. Lee")
        if m.start() - start <= 2 and word[:-1].isdigit():
            return False
        if len(word) == 2 and word[0].isupper():
            return False
        if word in MAYBE_BREAK_AFTER or (len(word) >= 4 and word.count(".") >= 2 and word[-3] == "."):
            # the next word (text[nxt] is not a space), found without splitting the rest of
            # the paragraph, which made a paragraph of "U.S. U.S. ..." quadratic
            space = _space_re().search(text, nxt, end)
            nxt_word = text[nxt : space.start() if space else end].strip(_OPENERS).rstrip(",.;:")
            return nxt_word in SENTENCE_OPENERS
    label = marks == "." and text[m.start() - 1 : m.start()] == ")"
    if label and _label_re().fullmatch(text, start, m.start()):
        # "- F-35A (United States). Contract for 32 aircraft ...": a bullet's label heads its sentence
        return False
    if closed and any(c in closers for c in "\"”'’"):
        # '... restored." Yoon said.' - the quotation ends, the sentence does not
        return not _speech_re().match(text, nxt, end)
    return True


def _glued_end(text: str, mark: int, start: int) -> bool:
    """Whether a mark with no space after it ends a glued sentence ("...in 2022.Indonesia bought").

    The word before it ends in a lower-case letter, a digit or a closing bracket or percent
    sign, so that "U.S.Army", "e.g.The" and "3.5" do not break.
    """
    before = text[mark - 1] if mark > start else ""
    return before.islower() or before.isdigit() or before in ")%"


def _split(text: str, start: int, end: int, out: list[Segment]) -> None:
    """Append the sentences of ``text[start:end]`` to ``out``."""
    sent_start = start
    for m in _end_re().finditer(text, start, end):
        if _is_break(text, m, start, end):
            a, b, piece = _stripped(text, sent_start, m.end())
            if a < b:
                out.append(Segment(a, b, piece, "sentence"))
            sent_start = m.end()
    a, b, piece = _stripped(text, sent_start, end)
    if a < b:
        out.append(Segment(a, b, piece, "sentence"))


def _paragraph(text: str, start: int, end: int, out: list[Segment]) -> None:
    """Running text: an optional dateline, then sentences."""
    if text[start].isupper() and text[start + 1 : start + 2].isupper():
        m = _dateline_re().match(text, start, end)
        if m is not None and m.end() < end:
            a, b = _trim(text, start, m.end())
            out.append(Segment(a, b, text[a:b], "dateline"))
            start, _ = _trim(text, m.end(), end)
    _split(text, start, end, out)


def _joins(prev: str, nxt: str) -> bool:
    """Whether a single line break inside a paragraph is a soft wrap of one sentence."""
    if len(prev) < 40 or _ends_sentence(prev) or _bullet_re().match(nxt):
        return False
    return nxt[:1].islower() or prev.endswith((",", "-", "(")) or prev.rsplit(None, 1)[-1] in _WRAP_WORDS


#: Words that cannot end a sentence or a headline: a line ending in one was wrapped.
_WRAP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "and",
        "or",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "that",
        "which",
        "who",
    ]
)


def segment(text: str) -> list[Segment]:
    """Cut ``text`` into labelled segments with offsets into ``text``.

    >>> [(s.kind, s.text) for s in segment(
    ...     "Poland buys K2 tanks\\n\\n"
    ...     "WARSAW, July 27 - Poland signed a $13.7 billion deal with the U.S. Army. "
    ...     "Gen. J. Smith said it was 3.5% of GDP.\\n"
    ...     "Written by Kim Ji-ae")]
    [('headline', 'Poland buys K2 tanks'), ('dateline', 'WARSAW, July 27 -'), \
('sentence', 'Poland signed a $13.7 billion deal with the U.S. Army.'), \
('sentence', 'Gen. J. Smith said it was 3.5% of GDP.'), ('byline', 'Written by Kim Ji-ae')]
    >>> segment("")
    []
    """
    out: list[Segment] = []
    unit_start = unit_end = -1
    unit_line = ""
    for m in _line_re().finditer(text):
        a, b, line = _stripped(text, m.start(), m.end())
        if a == b:  # a blank line ends the unit
            if unit_start >= 0:
                _emit(text, unit_start, unit_end, unit_line, out)
            unit_start = -1
            continue
        if unit_start >= 0 and m.start() == _next_line_start(text, unit_end) and _joins(unit_line, line):
            unit_end = b
            unit_line = line
            continue
        if unit_start >= 0:
            _emit(text, unit_start, unit_end, unit_line, out)
        unit_start, unit_end, unit_line = a, b, line
    if unit_start >= 0:
        _emit(text, unit_start, unit_end, unit_line, out)
    return out


def _next_line_start(text: str, end: int) -> int:
    """Start of the line after the one holding ``end`` (just past its newline)."""
    nl = text.find("\n", end)
    return nl + 1 if nl >= 0 else len(text)


def _emit(text: str, start: int, end: int, last_line: str, out: list[Segment]) -> None:
    unit = text[start:end]
    kind = _line_kind(unit) if "\n" not in unit else None
    if kind is not None:
        out.append(Segment(start, end, unit, kind))
    else:
        _paragraph(text, start, end, out)
