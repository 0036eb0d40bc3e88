"""Titles of office in a text: "Defence Minister", "then-Polish President", "head of Poland's
Armament Agency", with the party and qualifier around them.

Why this module exists: most office holders are named next to their title, and the title
says the role and often the party.  The titles come from the reference data
(:func:`korpol._refdata.finder_titles`, and the ministerial portfolios, each formed as
"X minister" / "minister of X"); this module finds them, reads the party or company before
them ("Hyundai Rotem President" is no state office) and the object after a head word
("minister of national defense", "head of the DAPA"), and joins "Deputy Prime Minister and
Defense Minister" into one title.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

import attrs

from korpol import _refdata
from korpol._mentions.companies import CompanyMention
from korpol._mentions.gazetteer import Gazetteer, Span, is_word
from korpol._mentions.names import NAME_STOPWORDS, TOKEN, clean_token, skip_ws, skip_ws_back
from korpol._mentions.places import PlaceMention, possessive_end
from korpol._model import Party
from korpol._tables import Lazy

__all__ = [
    "COMPANY_WORDS",
    "QUALIFIERS",
    "ROLE_GAZETTEER",
    "KnownSpans",
    "Title",
    "known_spans",
    "scan_titles",
]


# Words before a title that make it part of the title: "then-Foreign Minister".
QUALIFIERS: tuple[tuple[str, str], ...] = (
    ("then-", "then"),
    ("then ", "then"),
    ("former ", "former"),
    ("Former ", "former"),
    ("ex-", "former"),
    ("acting ", "acting"),
    ("Acting ", "acting"),
    ("outgoing ", "outgoing"),
    ("incoming ", "incoming"),
    ("new ", "new"),
    ("current ", "current"),
)

# The last two characters of each qualifier: a title with none of them before it has no qualifier.
_QUALIFIER_ENDS = frozenset(q[-2:] for q, _name in QUALIFIERS)


# Capitalised words that, right before a title, make it a company title ("Hyundai Rotem President").
COMPANY_WORDS: frozenset[str] = frozenset(
    {
        "Group",
        "Corp",
        "Corp.",
        "Corporation",
        "Co",
        "Co.",
        "Inc",
        "Inc.",
        "Ltd",
        "Ltd.",
        "Industries",
        "Aerospace",
        "Systems",
        "Motors",
        "Electronics",
        "Heavy",
        "Company",
        "Holdings",
        "Bank",
        "Rotem",
        "Hanwha",
        "Hyundai",
        "Samsung",
        "LIG",
        "KAI",
        "Nex1",
        "Ocean",
        "Defense",
        "Defence",
    }
)


def _case_variants(phrase: str) -> list[str]:
    words = phrase.split(" ")
    small = {"of", "the", "for", "and"}
    title = " ".join(
        w if (w in small and i) or w.isupper() else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )
    title = "-".join(p[:1].upper() + p[1:] if p and not p.isupper() else p for p in title.split("-"))
    sentence = phrase[:1].upper() + phrase[1:]
    out: list[str] = []
    for v in (phrase, title, sentence):
        for vv in (v, v.replace("defense", "defence").replace("Defense", "Defence")):
            if vv not in out:
                out.append(vv)
    return out


@attrs.frozen
class _RoleEntry:
    role: str | None


def _build_roles() -> Gazetteer[_RoleEntry]:
    """The title gazetteer, from the reference data: the titles of roles.tsv, and the
    titles formed from each ministerial portfolio of portfolios.tsv.

    Every phrase is matched lower-case, Title Case and Sentence case, "defense" also as
    "defence"; the longest phrase wins.  A role of ``None`` ("counterpart") takes the
    role of the person mentioned before it; "minister of" and "head of" are head words
    whose portfolio or organisation :func:`_role_object` reads from the text.
    """
    entries: list[tuple[str, _RoleEntry]] = []
    phrases: list[tuple[str, str | None]] = list(_refdata.finder_titles())
    role: str | None
    for portfolio, canon in _refdata.portfolios().items():
        if "," in portfolio or portfolio.startswith("the "):
            continue  # read after "minister of" only ("Minister of Trade, Industry and Energy")
        role = f"{canon} minister"
        phrases += [
            (f"{portfolio} minister", role),
            (f"minister of {portfolio}", role),
            (f"minister for {portfolio}", role),
        ]
        for deputy in ("deputy", "vice", "first vice", "first deputy"):
            drole = f"{deputy.split()[-1]} {canon} minister"
            phrases += [
                (f"{deputy} {portfolio} minister", drole),
                (f"{deputy} minister of {portfolio}", drole),
            ]
    for phrase, role in phrases:
        for v in _case_variants(phrase):
            entries.append((v, _RoleEntry(role)))
    return Gazetteer(entries)


ROLE_GAZETTEER: Lazy[Gazetteer[_RoleEntry]] = Lazy(_build_roles)


def _build_agency_acronyms() -> Mapping[str, str]:
    """Agency acronym -> the agency's name, as a role ends with it ("DAPA" -> "the defense ...")."""
    return {a.acronym: a.name for a in _refdata.agencies() if a.acronym}


_AGENCY_ACRONYMS: Lazy[Mapping[str, str]] = Lazy(_build_agency_acronyms)


# ---------------------------------------------------------------- titles in text


@attrs.frozen
class Title:
    """A title of office found in the text, with what stands around it."""

    start: int  # start of the whole title phrase (qualifier, party, article)
    role_start: int
    end: int  # end of the title, including its object ("head of Poland's Armament Agency")
    role: str | None
    party: Party | None
    qualifier: str | None
    company: bool  # a company's title: the person holds no state office


@attrs.frozen
class KnownSpans:
    """The places and companies of one text, by where they start and end.

    Titles and names are read around them: "Poland's Armament Agency" is a party before a
    title, and a name never runs into a place or a company.
    """

    text: str
    places: Sequence[PlaceMention]
    place_at_end: Mapping[int, PlaceMention]  # end (also after a possessive) -> place
    place_at_start: Mapping[int, PlaceMention]
    company_at_end: Mapping[int, CompanyMention]
    company_at_start: Mapping[int, CompanyMention]
    blocked: Mapping[int, int]  # start -> end of places and companies
    blocked_spans: Sequence[Span]
    blocked_starts: Sequence[int]  # the starts of ``blocked_spans``
    blocked_reach: Sequence[int]  # the furthest end among ``blocked_spans[: i + 1]``

    def in_blocked(self, pos: int) -> bool:
        """True when ``pos`` lies inside a place or a company."""
        i = bisect.bisect_right(self.blocked_starts, pos) - 1
        return i >= 0 and self.blocked_reach[i] > pos


def known_spans(text: str, places: Sequence[PlaceMention], companies: Sequence[CompanyMention]) -> KnownSpans:
    """The :class:`KnownSpans` of ``text``, whose places and companies the caller scanned."""
    apostrophes = ("'", "’")  # a possessive starts with one: only then look for its end
    place_at_end: dict[int, PlaceMention] = {}
    place_at_start: dict[int, PlaceMention] = {}
    spans: list[Span] = []
    for p in places:
        span = p.span
        spans.append(span)
        place_at_start[span[0]] = p
        end = span[1]
        place_at_end[end] = p
        if text.startswith(apostrophes, end):
            place_at_end[possessive_end(text, end)] = p
    company_at_end: dict[int, CompanyMention] = {}
    for c in companies:
        end = c.span[1]
        spans.append(c.span)
        company_at_end[end] = c
        if text.startswith(apostrophes, end):
            company_at_end[possessive_end(text, end)] = c
    spans.sort()
    reach: list[int] = []
    furthest = -1
    for _s, e in spans:
        if e > furthest:
            furthest = e
        reach.append(furthest)
    return KnownSpans(
        text=text,
        places=places,
        place_at_end=place_at_end,
        place_at_start=place_at_start,
        company_at_end=company_at_end,
        company_at_start={c.span[0]: c for c in companies},
        blocked=dict(spans),
        blocked_spans=spans,
        blocked_starts=[s for s, _e in spans],
        blocked_reach=reach,
    )




_OBJECT_CONNECTORS = frozenset({"of", "and", "for", "the", "on"})


#: stop-words of a name that may stand in the name of an organisation ("Ministry of Foreign Affairs")
_ORGAN_WORDS = frozenset(
    {
        "Defence",
        "Defense",
        "Foreign",
        "General",
        "Ministry",
        "Office",
        "Agency",
        "Administration",
        "Council",
        "Commission",
        "Army",
        "Air",
        "Force",
        "Forces",
    }
)


def _role_object(ctx: KnownSpans, pos: int) -> tuple[str, int, Party | None, bool] | None:
    """The organisation or portfolio after "minister of"/"head of": (phrase, end, party, company)."""
    text = ctx.text
    p = skip_ws(text, pos)
    party: Party | None = None
    words: list[str] = []
    if text.startswith("the ", p):
        words.append("the")
        p = skip_ws(text, p + 4)
    if p in ctx.company_at_start:
        c = ctx.company_at_start[p]
        return c.name, c.span[1], None, True
    place = ctx.place_at_start.get(p)
    if place is not None:
        pend = possessive_end(text, place.span[1])
        if pend != place.span[1]:  # "Poland's Armament Agency"
            party = place.party
            p = skip_ws(text, pend)
            if words and words[-1] == "the":
                words.pop()
    end = pos
    while True:
        m = TOKEN.match(text, p)
        if m is None:
            break
        tok, stop = clean_token(m.group())
        if not words and tok in _AGENCY_ACRONYMS.get():
            return _AGENCY_ACRONYMS.get()[tok], m.start() + len(tok), party, False
        if tok[:1].isupper() and not (tok.isupper() and len(tok) > 1 and words):
            if tok in NAME_STOPWORDS and tok not in _ORGAN_WORDS:
                break
            words.append(tok)
            end = m.start() + len(tok)
        elif tok in _OBJECT_CONNECTORS and words:
            words.append(tok)
        else:
            break
        if stop:
            break
        q = m.start() + len(tok)
        if q >= len(text) or text[q] != " ":
            break
        p = q + 1
    while words and words[-1] in _OBJECT_CONNECTORS:
        words.pop()
    if not words or all(w in _OBJECT_CONNECTORS for w in words):
        if party is not None:
            return "", possessive_end(text, end), party, False
        return None
    if words == ["the"]:
        return None
    phrase = " ".join(w.lower() for w in words).replace("defence", "defense")
    return phrase, end, party, False


def _title_prefix(ctx: KnownSpans, start: int) -> tuple[int, Party | None, str | None, bool]:
    """Look left of a title: (phrase start, party, qualifier, company) for "then-Polish", "Hyundai Rotem"."""
    text = ctx.text
    party: Party | None = None
    qualifier: str | None = None
    company = False
    pos = start
    for _ in range(4):
        matched = False
        if text[pos - 2 : pos] in _QUALIFIER_ENDS:  # cheap test first: most titles have none
            for q, name in QUALIFIERS:
                if text.endswith(q, 0, pos) and (pos - len(q) == 0 or not is_word(text[pos - len(q) - 1])):
                    qualifier = qualifier or name
                    pos -= len(q)
                    matched = True
                    break
        if matched:
            continue
        p = skip_ws_back(text, pos)
        if p == pos and pos != start and pos > 0 and text[pos - 1] != "-":
            break
        if party is None and not company and p in ctx.place_at_end:
            place = ctx.place_at_end[p]
            party = place.party
            pos = place.span[0]
            continue
        if party is None and not company and p in ctx.company_at_end:
            company = True
            pos = ctx.company_at_end[p].span[0]
            continue
        word_start = p
        while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] in "_.&"):
            word_start -= 1
        word = text[word_start:p]
        if word in ("the", "The", "his", "His", "her", "Her", "its", "their", "whose") and word_start < p:
            pos = word_start
            break
        if word in COMPANY_WORDS and party is None:
            company = True
            pos = word_start
            continue
        break
    return pos, party, qualifier, company


#: head words whose object the text completes: "minister of national defense", "head of the DAPA"
_HEAD_WORDS = ("minister of", "head of")


def scan_titles(ctx: KnownSpans) -> list[Title]:
    """Every title of office in ``ctx.text``, in order, with what stands around it.

    Each title found by the role gazetteer is completed by what follows it (the object of a
    head word, or "of Japan" / "of Hyundai Rotem" / "to Korea") and what precedes it (a
    qualifier, a party, a company, an article); then titles that name one office are joined.
    """
    raw: list[Title] = []
    for hit_start, end, _key, values, _glued in ROLE_GAZETTEER.get().scan_raw(ctx.text):
        role = values[0].role
        if role in _HEAD_WORDS:
            completed = _completed_head_word(ctx, role, end)
            if completed is None:
                continue
            role, end, party, company = completed
        else:
            end, party, company = _title_object(ctx, end)
        start, pre_party, qualifier, pre_company = _title_prefix(ctx, hit_start)
        raw.append(Title(start, hit_start, end, role, pre_party or party, qualifier, company or pre_company))
    return _joined_titles(ctx.text, raw)


def _completed_head_word(
    ctx: KnownSpans, head: str, end: int
) -> tuple[str, int, Party | None, bool] | None:
    """ "minister of national defense" -> "defense minister"; "head of Poland's Armament Agency" ->
    "head of the armament agency": (role, end, party, company), or None when no object follows."""
    obj = _role_object(ctx, end)
    if obj is None:
        return None
    phrase, end, party, company = obj
    if head == "minister of":
        canon = _refdata.portfolios().get(phrase)
        role = f"{canon} minister" if canon else f"minister of {phrase}".rstrip()
    else:
        role = "head of " + (phrase if phrase.startswith("the ") else f"the {phrase}")
    return role, end, party, company


def _title_object(ctx: KnownSpans, end: int) -> tuple[int, Party | None, bool]:
    """ "Prime Minister of Japan", "president of Hyundai Rotem", "Ambassador to Korea": the place or
    company after a title is part of it: (end, party, company).  Only "of" names the party."""
    text = ctx.text
    party: Party | None = None
    company = False
    after = skip_ws(text, end)
    for prep in ("of ", "to "):
        if text.startswith(prep, after):
            p2 = skip_ws(text, after + len(prep))
            if text.startswith("the ", p2):
                p2 += 4
            if p2 in ctx.place_at_start:
                place = ctx.place_at_start[p2]
                if prep == "of ":
                    party = place.party
                end = place.span[1]
            elif prep == "of " and p2 in ctx.company_at_start:
                company = True
                end = ctx.company_at_start[p2].span[1]
    return end, party, company


def _joined_titles(text: str, titles: list[Title]) -> list[Title]:
    """ "Deputy Prime Minister and Defense Minister X": one title, the specific office.

    Two titles joined by "and", "&", "cum", "as well as" or only whitespace become one; its
    role is the second's, unless that is "deputy prime minister" or none.
    """
    merged: list[Title] = []
    for t in titles:
        if merged:
            prev = merged[-1]
            between = text[prev.end : t.role_start]
            if between.strip() in ("and", "&", "cum", "as well as") or (
                between.strip() == "" and prev.end <= t.start
            ):
                role = t.role if t.role not in (None, "deputy prime minister") else prev.role
                merged[-1] = Title(
                    prev.start,
                    prev.role_start,
                    t.end,
                    role,
                    t.party or prev.party,
                    prev.qualifier or t.qualifier,
                    prev.company or t.company,
                )
                continue
        merged.append(t)
    return merged
