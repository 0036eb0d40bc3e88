"""Personal names as news writes them: where a name starts and ends, and how it is spelled.

Why this module exists: the people finder reads the name next to a title ("Defence Minister
Władysław Kosiniak-Kamysz", "Artur Kuptel, head of ...") without a list of every person.
A name is a run of capitalised tokens, with particles ("von der Leyen"), initials
("Lloyd J. Austin"), a family name in capitals first ("KISHIDA Fumio"); it stops at a
stop-word, an acronym, a place or a company.  The tables of this module are that
vocabulary; :func:`name_variants` lists how news may spell a known name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import attrs

from korpol._mentions.gazetteer import form_variants, party_for
from korpol._model import Party

__all__ = [
    "FAMILY_FIRST",
    "HONORIFICS",
    "KOREAN_FAMILY_NAMES",
    "NAME_PARTICLES",
    "NAME_STOPWORDS",
    "TOKEN",
    "Name",
    "clean_token",
    "display_name",
    "is_name_token",
    "name_after",
    "name_before",
    "name_variants",
    "party_of_name",
    "skip_ws",
    "skip_ws_back",
    "surname_of",
]


def _words(block: str) -> list[str]:
    """The whitespace-separated words of a table written as a text block."""
    return block.split()


# Common Korean family names: a family-first name with one of these and a
# hyphenated or two-syllable given name ("Ahn Gyu-back") is Korean.
KOREAN_FAMILY_NAMES: frozenset[str] = frozenset(
    _words(
        """Kim Lee Park Choi Jung Chung Kang Cho Yoon Yun Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo
    Hong Jeon Ko Moon Yang Son Bae Baek Heo Nam Noh Roh Ha Kwak Sung Cha Joo Woo Koo Min Ryu Na Jin Eom
    Chae Won Chun Bang Gong Hyun Ham Byun Yeom Rhee Pyo Suh Choo Hyun Jo Yu Im Uhm"""
    )
)
#: (not "ć", Croatian and Serbian too: "Gašić"; nor "ó", Spanish and Hungarian too: "López")
_POLISH_LETTERS = frozenset("łŁąęśźżńŚŻŹŃ")
_POLISH_ENDINGS = ("ski", "cki", "dzki", "czak", "wicz", "czyk", "ska", "cka", "szczak")


# Titles and ranks that may stand between a role and a name; skipped.
HONORIFICS: frozenset[str] = frozenset(
    {
        "Mr.",
        "Ms.",
        "Mrs.",
        "Dr.",
        "Prof.",
        "H.E.",
        "Gen.",
        "Maj.",
        "Lt.",
        "Col.",
        "Adm.",
        "Brig.",
        "Gen",
        "Mr",
        "Ms",
        "Mrs",
        "Dr",
        "Sen.",
        "Rep.",
        "Amb.",
        "Sheikh",
        "Sheikha",
        "H.H.",
    }
)

# Capitalised words that end a name (they begin the next clause or are titles).
NAME_STOPWORDS: frozenset[str] = frozenset(
    _words(
        """The A An In On At And But Or Of For With By To From As After Before During Since Until
    He She It They We His Her Its Their This That These Those Who Which When While Where
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December
    Minister Ministers President Presidents Prime Secretary General Defence Defense Foreign Deputy Vice
    Chief Head Director Chancellor Leader Ambassador Counterpart Said Says Told Also Both Meanwhile
    However Today Yesterday Tomorrow Ministry Office Government Agency Administration Army Navy
    Air Force Forces Council Commission Parliament Assembly Summit Group Corp Co Inc Ltd"""
    )
)

NAME_PARTICLES: frozenset[str] = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "bin", "al", "el", "dos"}
)


# Party codes whose names are written family name first ("Yoon Suk Yeol" -> "Yoon").
FAMILY_FIRST: frozenset[str] = frozenset({"KR", "KP", "CN", "TW", "VN", "HK", "MO"})


def name_variants(name: str, party_code: str) -> list[str]:
    """How news may write ``name``: no diacritics, Korean hyphenation, family name in capitals first."""
    out = form_variants(name)
    parts = name.split()
    if party_code in ("KR", "KP") and len(parts) >= 2:
        family, given = parts[0], parts[1:]
        syllables = [s for g in given for s in g.split("-")]
        if len(syllables) == 2:
            a, b = syllables
            for g in (f"{a} {b}", f"{a}-{b.lower()}", f"{a}-{b}", f"{a}{b.lower()}", f"{a} {b.lower()}"):
                out.append(f"{family} {g[:1].upper()}{g[1:]}")
    if len(parts) == 2 and party_code not in FAMILY_FIRST:
        out.append(f"{parts[1].upper()} {parts[0]}")  # "KISHIDA Fumio"
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------- name tokens

# (a dot before a capitalised word ends the token: "Kosiniak-Kamysz.Gen" is a name glued to the
# next sentence, not one word; "J.R." and "Jr." keep their dots)
TOKEN = re.compile(r"[^\W\d_](?:[\w'’-]|\.(?![A-Z][a-z]))*\.?")
_WS = frozenset(" \t\n\r\u00a0")


@attrs.frozen
class Name:
    start: int
    end: int
    tokens: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


_POSSESSIVE_LAST = frozenset({"s", "'", "’"})


def clean_token(tok: str) -> tuple[str, bool]:
    """The token without a trailing possessive or full stop; True if it ended the name."""
    last = tok[-1:]
    if last in _POSSESSIVE_LAST:  # cheap test first: most tokens end with none of these
        for p in ("'s", "’s", "'", "’"):
            if tok.endswith(p) and len(tok) > len(p):
                return tok[: -len(p)], True
    elif last == "." and len(tok) > 2:
        return tok[:-1], True
    return tok, False


def is_name_token(tok: str) -> bool:
    return bool(tok) and tok not in NAME_STOPWORDS and tok[0].isupper()


def name_after(text: str, pos: int, blocked: Mapping[int, int]) -> Name | None:
    """The personal name starting at ``pos`` (after whitespace and honorifics), or None."""
    n = len(text)
    tokens: list[str] = []
    start = -1
    end = pos
    while len(tokens) < 5:
        p = end
        gap = 0
        while p < n and text[p] in _WS:
            p += 1
            gap += 1
        if tokens and (gap == 0 or gap > 2):
            break
        if p in blocked and (tokens or start < 0) and not (tokens and _is_initial(tokens[-1])):
            break  # a place or company starts here (but "Lloyd J. Austin" goes on after an initial)
        m = TOKEN.match(text, p)
        if m is None:
            break
        raw = m.group()
        if not tokens and raw in HONORIFICS:
            end = m.end()
            continue
        tok, stop = clean_token(raw)
        if tok in HONORIFICS or tok + "." in HONORIFICS:
            if tokens:
                break
            end = m.end()
            continue
        if tok.lower() in NAME_PARTICLES and tok.islower() and tokens:
            # "von der Leyen": particles may chain; the name goes on only if a capital follows them
            nxt = TOKEN.match(text, m.end() + 1)
            while nxt is not None and nxt.group().lower() in NAME_PARTICLES and nxt.group().islower():
                nxt = TOKEN.match(text, nxt.end() + 1)
            if nxt is None or not nxt.group()[0].isupper():
                break
            tokens.append(tok)
            end = p + len(tok)
            continue
        particle_prefix = tok[:3] in ("el-", "al-") and tok[3:4].isupper()
        if not (is_name_token(tok) or particle_prefix):
            break
        if (
            tok.isupper()
            and len(tok) > 1
            and not _is_initial(tok)
            and not _ROMAN.fullmatch(tok)
            and not (not tokens and _caps_family_first(text, m.end()))
            and not (len(tokens) == 1 and _caps_family_last(tok, text, m.end()))
        ):
            break  # an acronym ("NATO"), except a family name in capitals ("KISHIDA Fumio", "Guido CROSETTO")
        if start < 0:
            start = p
        tokens.append(tok)
        end = p + len(tok)
        if stop:
            break
    if not tokens:
        return None
    while tokens and tokens[-1].islower():
        tokens.pop()
    return Name(start, end, tuple(tokens)) if tokens else None


_ROMAN = re.compile(r"(?:II|III|IV|Jr\.?|Sr\.?)")


def _is_initial(tok: str) -> bool:
    return len(tok) == 2 and tok[0].isupper() and tok[1] == "."


def _caps_family_first(text: str, pos: int) -> bool:
    m = TOKEN.match(text, pos + 1) if pos < len(text) and text[pos] == " " else None
    return m is not None and m.group()[0].isupper() and not m.group().isupper()


def _caps_family_last(tok: str, text: str, pos: int) -> bool:
    """A family name in capitals after a given name, ending the name: "Emmanuel MACRON said",
    "Guido CROSETTO, Minister of Defence" (not an acronym run: "NATO DSCA")."""
    if len(tok) < 3 or not tok.replace("-", "").isalpha():
        return False
    nxt = TOKEN.match(text, pos + 1) if pos < len(text) and text[pos] == " " else None
    return nxt is None or not nxt.group()[:1].isupper()


def name_before(text: str, end: int, in_blocked: Callable[[int], bool]) -> Name | None:
    """The personal name ending at ``end`` (the appositive "Artur Kuptel, head of ...")."""
    window_start = max(0, end - 80)
    toks = list(TOKEN.finditer(text, window_start, end))
    run: list[re.Match[str]] = []
    expect = end
    for m in reversed(toks):
        between = text[m.end() : expect]
        if m.end() != expect and (not between or any(c not in _WS for c in between) or len(between) > 2):
            break
        if m.end() == expect and run:
            break
        tok = m.group()
        if tok in HONORIFICS:
            break
        if tok.lower() in NAME_PARTICLES and tok.islower() and run:
            run.append(m)
            expect = m.start()
            continue
        if not (is_name_token(tok) or tok[:3] in ("el-", "al-")) or tok.endswith("."):
            break
        if in_blocked(m.start()):
            break
        run.append(m)
        expect = m.start()
        if len(run) >= 5:
            break
    if not run:
        return None
    run.reverse()
    while run and run[0].group().islower():
        run.pop(0)
    if not run:
        return None
    return Name(run[0].start(), run[-1].end(), tuple(m.group() for m in run))


def display_name(tokens: Sequence[str]) -> str:
    """Given name first: "KISHIDA Fumio" -> "Fumio Kishida"."""
    if len(tokens) == 2 and tokens[0].isupper() and len(tokens[0]) > 1 and not tokens[1].isupper():
        return f"{tokens[1]} {tokens[0].capitalize()}"
    if (
        len(tokens) == 2
        and tokens[1].isupper()
        and len(tokens[1]) > 2
        and not tokens[0].isupper()
        and not _ROMAN.fullmatch(tokens[1])
    ):
        # "Guido CROSETTO" -> "Guido Crosetto"
        return f"{tokens[0]} {'-'.join(part.capitalize() for part in tokens[1].split('-'))}"
    return " ".join(tokens)


def surname_of(name: str, party_code: str | None) -> str:
    parts = name.split()
    if not parts:
        return ""
    if party_code in FAMILY_FIRST or (
        len(parts) >= 2 and "-" in parts[-1] and parts[-1].split("-")[1][:1].islower()
    ):
        return parts[0]
    return parts[-1]


def party_of_name(tokens: Sequence[str]) -> Party | None:
    """A country guessed from the shape of a name: Korean family-first names, Polish spellings.

    Used only when the text gives no party and the reference data does not
    know the person; it never overrides what the text says.
    """
    if len(tokens) >= 2 and tokens[0] in KOREAN_FAMILY_NAMES:
        given = tokens[1:]
        if (len(given) == 1 and "-" in given[0]) or (len(given) == 2 and all(len(g) <= 5 for g in given)):
            return party_for("KR")
    last = tokens[-1] if tokens else ""
    if any(ch in _POLISH_LETTERS for t in tokens for ch in t) or (
        len(tokens) >= 2 and last.endswith(_POLISH_ENDINGS)
    ):
        return party_for("PL")
    return None


def skip_ws(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos] in _WS:
        pos += 1
    return pos


def skip_ws_back(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in _WS:
        pos -= 1
    return pos
