"""Places/actors, people, weapon systems and companies named in a text.

Why this module exists: every record korpol builds needs to know *who* (a
country, an organisation, an office holder) and *what* (a weapon system, a
company) a sentence talks about.  The names come from the reference data
(:mod:`korpol._refdata`); this module finds them in text, fast, and resolves
the forms news writing uses instead of names: "Seoul's defence ministry",
"the North", "the Polish president", "Mr. Yoon".

Two layers, following the project convention:

* ``scan_places``, ``scan_people``, ``scan_systems``, ``scan_companies`` work on
  already-normalised text (``korpol._text.normalize(...).text``) and return
  mentions whose ``span`` indexes *that* text.  The record stage calls these.
* ``find_places``, ``find_people``, ``find_systems``, ``find_companies``
  normalise the caller's text, scan it, and map spans back so that
  ``text[span[0]:span[1]] == mention.text`` for the caller's own string.

Matching is a gazetteer: every surface form is compiled (lazily, once) into a
prefix-trie regex with no ``re.IGNORECASE``; word boundaries are checked in
Python on the few candidates, and the longest form wins ("South Korea" over
"Korea", "North Korean" over "Korean").  Whitespace inside a form matches any
run of whitespace, so a name broken across lines is still found.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Generic, TypeVar

import attrs

from korpol import _refdata
from korpol._model import Country, Organization, Party
from korpol._refdata import Office
from korpol._regex import trie_pattern
from korpol._tables import Lazy
from korpol._text import NormalizedText, normalize

__all__ = [
    "CompanyMention",
    "PersonMention",
    "PlaceMention",
    "SystemMention",
    "find_companies",
    "find_people",
    "find_places",
    "find_systems",
    "scan_companies",
    "scan_people",
    "scan_places",
    "scan_systems",
]

T = TypeVar("T")
Span = tuple[int, int]



# ====================================================================== mentions


@attrs.frozen
class PlaceMention:
    """A country or organisation named in the text.

    ``form`` says how it was named: ``name``, ``alias``, ``code`` ("ROK"),
    ``demonym`` ("Polish"), ``capital`` ("Seoul"), ``metonym`` ("the Kremlin")
    or ``context`` ("the North", resolved only in a Korean context).
    ``ambiguous`` marks forms that are often something else ("Georgia",
    "Jordan", "Washington"); ``possessive`` marks "Poland's".

    >>> m, = find_places("Seoul's defence ministry said")
    >>> m.code, m.party.name, m.text, m.span, m.form, m.possessive
    ('KR', 'South Korea', 'Seoul', (0, 5), 'capital', True)
    """

    party: Party
    text: str
    span: Span
    form: str
    ambiguous: bool = False
    possessive: bool = False

    @property
    def code(self) -> str:
        """The party's code (``"KR"``, ``"NATO"``)."""
        return self.party.code


@attrs.frozen
class PersonMention:
    """A holder of a state, government or organisation office named in the text.

    ``name`` is the fullest form the text gives, in its own spelling
    (given name first for "KISHIDA Fumio"); ``role`` is lower-case with US
    spelling ("defense minister") or ``None`` when unknown; ``party`` is the
    country or organisation served; ``office`` is the reference-data office
    when one matches.  ``how`` says how the person was found: ``name`` (a
    known name alone), ``title`` (title + name), ``role`` (role only, resolved
    by office and the ``published`` date) or ``surname`` (a back-reference such
    as "Mr. Yoon" to a fuller mention).  ``qualifier`` keeps "then", "former",
    "acting" ... from the title.

    >>> p, = find_people("Polish President Andrzej Duda met Yoon.")
    >>> p.name, p.role, p.party.code, p.span, p.how, p.office.term_start
    ('Andrzej Duda', 'president', 'PL', (17, 29), 'title', datetime.date(2015, 8, 6))
    """

    name: str
    role: str | None
    party: Party | None
    span: Span
    text: str
    office: Office | None = None
    how: str = "title"
    qualifier: str | None = None


@attrs.frozen
class SystemMention:
    """A weapon system named in the text.

    ``designation`` is canonical ("K2", "K9A1", "FA-50PL") or, for a
    ``generic`` mention, the category noun ("tanks", "howitzers"); ``family``
    is the base design ("K9" for "K9PL").

    >>> m, = find_systems("Poland ordered the K9PL.")
    >>> m.designation, m.family, m.category, m.maker, m.country, m.generic
    ('K9PL', 'K9', 'howitzer', 'Hanwha Aerospace', 'KR', False)
    """

    designation: str
    family: str | None
    category: str | None
    text: str
    span: Span
    generic: bool = False
    maker: str | None = None
    country: str | None = None


@attrs.frozen
class CompanyMention:
    """A defence company named in the text; ``party`` is its home country.

    ``name`` is the canonical company; ``text`` quotes the form used (a short
    name, a former name, a subsidiary).

    >>> m, = find_companies("Hanwha Defense will deliver the howitzers.")
    >>> m.name, m.text, m.party.code, m.span
    ('Hanwha Aerospace', 'Hanwha Defense', 'KR', (0, 14))
    """

    name: str
    party: Country | None
    text: str
    span: Span


# ====================================================================== gazetteer


def _space_key(s: str) -> str:
    """``s`` with every run of whitespace as one space (the dictionary key)."""
    if s.isprintable() and "  " not in s:
        return s
    return " ".join(s.split())


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


def _starts_lower(form: str) -> bool:
    """True for a form whose first character is a lower-case letter or digit."""
    return form[0].islower() and form[0].isalnum()


def _trie(forms: Iterable[str]) -> re.Pattern[str]:
    """The forms as one prefix-trie pattern, longest first; a space matches any whitespace run."""
    return re.compile(trie_pattern(forms, loose_space=True))


def _word_start_hit(pattern: re.Pattern[str], text: str, pos: int) -> tuple[int, int] | None:
    """The first match of ``pattern`` at or after ``pos`` that starts a word (not inside one)."""
    while True:
        m = pattern.search(text, pos)
        if m is None:
            return None
        start = m.start()
        if start and text[start - 1].isalnum() and text[start].isalnum():
            pos = start + 1  # inside a word
            continue
        return start, m.end()


class _Gazetteer(Generic[T]):
    """Surface form -> payloads, matched with a trie regex, longest form first.

    ``glue`` (optional) is a pattern that may extend a form with no word
    boundary ("K9" + "PL", "K2" + "s"); the hit then records the glued end.
    """

    def __init__(self, entries: Iterable[tuple[str, T]], glue: re.Pattern[str] | None = None) -> None:
        table: dict[str, list[T]] = {}
        for form, value in entries:
            key = _space_key(form.strip())
            if not key:
                continue
            bucket = table.setdefault(key, [])
            if value not in bucket:
                bucket.append(value)
        self.table: dict[str, tuple[T, ...]] = {k: tuple(v) for k, v in table.items()}
        self.lengths = sorted({len(k) for k in self.table}, reverse=True)
        self.glue = glue
        self.pattern = _trie(self.table)
        # The scan splits the forms by their first character (see scan_raw): forms that start
        # with a lower-case letter are looked for only after a non-word character, the rest
        # (capitals, digits) wherever that character occurs.  Together the two tries are the
        # trie above: at any position at most one of them can match, and it matches as the
        # whole trie does.
        # (A handful of lower-case forms, all with one or two first letters, are cheaper to find
        # as they are, wherever their letters occur, like the capitals: "plain".  They get a
        # search of their own rather than joining the capitals' trie, because a few forms often
        # share a long literal prefix ("thyssenkrupp"), which the engine finds without trying
        # the trie at every "t".)
        lower = [k for k in self.table if _starts_lower(k)]
        self._lower_plain = len({k[0] for k in lower}) <= 2
        upper = [k for k in self.table if not _starts_lower(k)]
        self._upper = _trie(upper) if upper else None
        self._lower_at = _trie(lower) if lower and not self._lower_plain else None
        self._lower: re.Pattern[str] | None = None
        if lower and self._lower_plain:
            self._lower = _trie(lower)
        elif lower:
            # one character that is not an ASCII letter or digit, then a lower-case form: literal
            # ranges, so the regex engine scans for it without a Unicode look-up per character
            self._lower = re.compile("[^0-9A-Za-z]" + trie_pattern(lower, loose_space=True))

    def scan_raw(self, text: str) -> list[tuple[int, int, str, tuple[T, ...], int]]:
        """Hits as plain tuples ``(start, end, key, values, glued_end or 0)``: the hot path.

        A form starts a hit only at a word start (a letter or digit after a letter or digit is
        not one); the leftmost candidate wins, with its longest form, and the scan goes on after
        it.  Candidates come from two searches, merged by position: forms that start with a
        capital or a digit (rare characters: the regex engine skips to them), and forms that
        start with a lower-case letter, looked for only right after a non-word character.
        """
        upper = self._upper
        lower = self._lower
        table = self.table
        n = len(text)
        out: list[tuple[int, int, str, tuple[T, ...], int]] = []
        u_start = u_end = l_start = l_end = -1  # the next candidate of each search (-1: look again)
        u_done = upper is None
        l_done = lower is None
        plain = self._lower_plain
        if not l_done and self._lower_at is not None and n:
            m = self._lower_at.match(text)
            if m is not None:
                l_start, l_end = 0, m.end()
        q = 0  # hits may start at q or later
        while True:
            if not u_done and u_start < q:
                assert upper is not None
                found = _word_start_hit(upper, text, q)
                if found is None:
                    u_done = True
                else:
                    u_start, u_end = found
            if not l_done and l_start < q and plain:
                assert lower is not None
                found = _word_start_hit(lower, text, q)
                if found is None:
                    l_done = True
                else:
                    l_start, l_end = found
            elif not l_done and l_start < q:
                assert lower is not None
                pos = q - 1 if q else 0
                while True:
                    m = lower.search(text, pos)
                    if m is None:
                        l_done = True
                        break
                    before = m.start()
                    if text[before].isalnum():  # a letter or digit beyond ASCII
                        pos = before + 1
                        continue
                    l_start, l_end = before + 1, m.end()
                    break
            if not u_done and (l_done or u_start < l_start):
                start, end = u_start, u_end
            elif not l_done:
                start, end = l_start, l_end
            else:
                return out
            key = text[start:end]
            values = table.get(key)
            if values is not None and (end >= n or not (text[end].isalnum() and text[end - 1].isalnum())):
                out.append((start, end, key, values, 0))  # the common case: one dict look-up
                q = end
                continue
            hit = self._accept(text, start, end, n, table)
            if hit is None:
                q = start + 1
                continue
            out.append(hit)
            q = hit[4] if hit[4] > end else end

    def _scan_raw_reference(self, text: str) -> list[tuple[int, int, str, tuple[T, ...], int]]:
        """The same hits found with the whole trie (simpler and slower): the tests compare the two."""
        finditer = self.pattern.finditer
        table = self.table
        n = len(text)
        out: list[tuple[int, int, str, tuple[T, ...], int]] = []
        pos = 0
        while pos <= n:
            restart = -1
            # finditer is the fast path; a rejected candidate restarts the scan one
            # character later so that a form inside it is not missed.
            for m in finditer(text, pos):
                start, end = m.span()
                if start and text[start - 1].isalnum() and text[start].isalnum():
                    restart = start + 1
                    break
                key = m.group()
                values = table.get(key)
                if values is not None and (end >= n or not (text[end].isalnum() and text[end - 1].isalnum())):
                    out.append((start, end, key, values, 0))  # the common case: one dict look-up
                    continue
                hit = self._accept(text, start, end, n, table)
                if hit is None:
                    restart = start + 1
                    break
                out.append(hit)
                if hit[4] > end:
                    restart = hit[4]
                    break
            if restart < 0:
                return out
            pos = restart
        return out

    def _accept(
        self, text: str, start: int, end: int, n: int, table: Mapping[str, tuple[T, ...]]
    ) -> tuple[int, int, str, tuple[T, ...], int] | None:
        # Try the longest match first, then shorter forms that end at a word boundary.
        while end > start:
            key = _space_key(text[start:end])
            values = table.get(key)
            if values is not None:
                if end >= n or not (_is_word(text[end - 1]) and _is_word(text[end])):
                    return (start, end, key, values, 0)
                if self.glue is not None:
                    g = self.glue.match(text, end)
                    if g is not None and (g.end() >= n or not _is_word(text[g.end()])):
                        return (start, end, key, values, g.end())
            end -= 1
            while end > start and _space_key(text[start:end]) not in table:
                end -= 1
        return None


# ---------------------------------------------------------------- spelling variants


_FOLD_EXTRA = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"})


def _ascii_fold(s: str) -> str:
    """``s`` without diacritics ("Błaszczak" -> "Blaszczak")."""
    decomposed = unicodedata.normalize("NFKD", s.translate(_FOLD_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _apostrophe_variants(form: str) -> list[str]:
    if "'" in form:
        return [form, form.replace("'", "’")]
    if "’" in form:
        return [form, form.replace("’", "'")]
    return [form]


def _form_variants(form: str) -> list[str]:
    """The form, its diacritic-free spelling and its curly/straight apostrophe spellings."""
    out: list[str] = []
    for f in (form, _ascii_fold(form)):
        for v in _apostrophe_variants(f):
            if v not in out:
                out.append(v)
    return out


# ====================================================================== parties


def _party_for(code: str) -> Party | None:
    """The country or organisation with this code, or None (memoised: the scans ask often)."""
    try:
        return _PARTY_FOR[code]
    except KeyError:
        pass
    try:
        party = _refdata.lookup_party(code)
    except LookupError:
        party = None
    found = party if isinstance(party, Country | Organization) else None
    _PARTY_FOR[code] = found  # the reference data never changes: a plain dict is a safe cache
    return found


_PARTY_FOR: dict[str, Party | None] = {}


# ====================================================================== places


@attrs.frozen
class _PlaceEntry:
    party: Party | None  # None: a blocker ("Korean Peninsula" is nobody)
    form: str
    ambiguous: bool


# Phrases that contain a place form but name no actor.  Longest match wins, so
# listing them here stops "Korea" matching inside "Korean Peninsula".
_PLACE_BLOCKERS: tuple[str, ...] = (
    "Korean Peninsula",
    "Korean peninsula",
    "Korean War",
    "Korean won",
    "South Korean won",
    "Polish zloty",
    "Polish zlotys",
    "Japanese yen",
    "South China Sea",
    "East China Sea",
    "North Atlantic",
    "Middle East",
    "the Koreas",
)

# "the North"/"the South" name a Korea only where the document is about Korea.
_CONTEXT_FORMS: Mapping[str, str] = {"North": "KP", "South": "KR"}
_CONTEXT_TEXTS = frozenset({"the North", "the South", "North", "South"})
_KOREAN_CONTEXT = frozenset({"KR", "KP"})


def _build_places() -> _Gazetteer[_PlaceEntry]:
    entries: list[tuple[str, _PlaceEntry]] = []
    parties: dict[str, Party | None] = {}
    for pf in _refdata.place_forms():
        text = pf.text
        codes = pf.codes
        if not codes or text in _CONTEXT_TEXTS:
            continue
        code = codes[0]
        if code not in parties:
            parties[code] = _party_for(code)
        party = parties[code]
        if party is None:
            continue
        if text.startswith("the ") and len(text) > 4:
            text = text[4:]  # "the Kremlin": match "Kremlin", the article is optional
        entry = _PlaceEntry(party, pf.form, pf.ambiguous)
        variants = [text] if pf.form == "code" else _form_variants(text)
        if not pf.case_sensitive and len(text) >= 4 and text.upper() != text:
            variants.append(text.upper())  # headlines in capitals: "SOUTH KOREA, POLAND SIGN ..."
        for v in variants:
            entries.append((v, entry))
    blocker = _PlaceEntry(None, "blocker", False)
    for word in _CONTEXT_FORMS:  # resolved only in a Korean context, by scan_places
        entries.append((word, _PlaceEntry(None, word, False)))
    for text in (*_refdata.non_place_forms(), *_PLACE_BLOCKERS):
        text = text[4:] if text.startswith("the ") else text
        entries.extend((v, blocker) for v in _apostrophe_variants(text))
    # Company names hold place words ("Korea Aerospace Industries", "Polish Armaments
    # Group"): they are companies, found by scan_companies, not places.
    for company in _companies_gazetteer().table:
        entries.append((company, blocker))
    return _Gazetteer(entries)


_PLACES: Lazy[_Gazetteer[_PlaceEntry]] = Lazy(_build_places)

# The record stage scans places and companies of a text, and scan_people needs them again for the
# same text: the last result is kept (keyed by the text object itself) so the scan runs once.
_LAST_PLACES: tuple[str, tuple[PlaceMention, ...]] | None = None
_LAST_COMPANIES: tuple[str, tuple[CompanyMention, ...]] | None = None

_POSSESSIVES = ("'s", "’s", "'", "’")


def _possessive_end(text: str, end: int) -> int:
    """The end of a possessive ending at ``end`` ("Poland's"), or ``end``."""
    if not text.startswith(("'", "’"), end):
        return end  # the common case: every possessive starts with an apostrophe
    for p in _POSSESSIVES:
        if text.startswith(p, end):
            after = end + len(p)
            if after >= len(text) or not _is_word(text[after]):
                return after
    return end


def scan_places(text: str, *, context: Iterable[str] = ()) -> list[PlaceMention]:
    """Countries and organisations named in normalised ``text``, in order.

    ``context`` is the set of party codes already seen in the document (the
    record stage passes the codes of earlier sentences); it only decides the
    context-dependent forms: "the North"/"the South" resolve to North/South
    Korea when the document (``context`` or ``text`` itself) mentions a Korea.
    ``span`` indexes ``text``; a possessive "'s" is not part of the span.

    >>> [(m.text, m.code, m.form) for m in scan_places("Seoul and Warsaw signed a deal.")]
    [('Seoul', 'KR', 'capital'), ('Warsaw', 'PL', 'capital')]
    """
    global _LAST_PLACES
    if context == ():
        last = _LAST_PLACES
        if last is not None and last[0] is text:
            return list(last[1])
        out = _scan_places(text, ())
        _LAST_PLACES = (text, tuple(out))
        return out
    return _scan_places(text, context)


def _scan_places(text: str, context: Iterable[str]) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    compass: list[tuple[int, int, str]] = []
    n = len(text)
    for start, end, _key, values, _glued in _PLACES.get().scan_raw(text):
        entry = values[0]
        party = entry.party
        if party is None:
            if entry.form in _CONTEXT_FORMS:
                compass.append((start, end, entry.form))
            continue
        if entry.form == "code" and not _code_ok(text, start, end):
            continue
        possessive = (
            end < n
            and text[end] in "'’"
            and (
                end + 1 >= n
                or not text[end + 1].isalnum()
                or (text[end + 1] == "s" and (end + 2 >= n or not text[end + 2].isalnum()))
            )
        )
        out.append(
            PlaceMention(party, text[start:end], (start, end), entry.form, entry.ambiguous, possessive)
        )
    if compass:
        seen = set(context) | {m.party.code for m in out}
        if seen & _KOREAN_CONTEXT:
            out.extend(_context_places(text, compass))
            out.sort(key=lambda m: m.span)
    return out


def _code_ok(text: str, start: int, end: int) -> bool:
    """An ISO-like code is a party, except as a currency prefix ("US$", "USD")."""
    return text[end : end + 1] not in ("$", "D") and not text.startswith("-dollar", end)


def _context_places(text: str, candidates: Iterable[tuple[int, int, str]]) -> list[PlaceMention]:
    """ "the North"/"the South" as Koreas: after "the", not before another name ("the South China Sea")."""
    out: list[PlaceMention] = []
    for start, end, word in candidates:
        if not (text.endswith("the ", 0, start) or text.endswith("The ", 0, start)):
            continue
        after = _possessive_end(text, end)
        nxt = _next_word(text, after)
        if nxt and nxt[0].isupper():
            continue
        party = _party_for(_CONTEXT_FORMS[word])
        if party is not None:
            out.append(PlaceMention(party, word, (start, end), "context", False, after != end))
    return out


_NEXT_WORD = re.compile(r"\s*([^\W\d_][\w'’.-]*)")


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text, pos)
    return m.group(1) if m else ""


def find_places(text: str, *, context: Iterable[str] = ()) -> list[PlaceMention]:
    """Countries and organisations named in ``text``; spans index ``text`` itself.

    >>> [(m.text, m.code) for m in find_places("North Korea fired a missile, Seoul said.")]
    [('North Korea', 'KP'), ('Seoul', 'KR')]
    >>> [(m.text, m.code, m.possessive) for m in find_places("Poland’s army")]
    [('Poland', 'PL', True)]
    """
    norm = normalize(text)
    return [attrs.evolve(m, **_mapped(text, norm, m.span)) for m in scan_places(norm.text, context=context)]


def _mapped(original: str, norm: NormalizedText, span: Span) -> dict[str, Any]:
    start, end = norm.to_original(*span)
    return {"span": (start, end), "text": original[start:end]}


# ====================================================================== companies


@attrs.frozen
class _CompanyEntry:
    name: str
    country: str | None


def _build_companies() -> _Gazetteer[_CompanyEntry]:
    entries: list[tuple[str, _CompanyEntry]] = []
    for c in _refdata.companies():
        entry = _CompanyEntry(c.name, c.country_code)
        for form in (c.name, *c.aliases):
            variants = _form_variants(form)
            for v in variants[:]:
                if len(v) >= 4 and v.upper() != v and v.upper() not in variants:
                    variants.append(v.upper())  # headlines in capitals: "HANWHA AEROSPACE WINS ..."
            for v in variants:
                entries.append((v, entry))
    return _Gazetteer(entries)


# A group's name followed by one of these words names another business of the group
# or an unrelated body ("Hanwha Life", "Hanwha Solutions", "Korea Aerospace Research
# Institute"), not the defence maker the gazetteer means.
_COMPANY_NOT_BEFORE: frozenset[str] = frozenset(
    {
        "Bank",
        "Capital",
        "Card",
        "Chemical",
        "Construction",
        "Energy",
        "Foundation",
        "Hotels",
        "Institute",
        "Insurance",
        "Investment",
        "Life",
        "Motor",
        "Motors",
        "Research",
        "Resorts",
        "Securities",
        "Solutions",
        "Steel",
        "University",
    }
)
_COMPANY_NEXT_WORD = re.compile(r"[ \t]+([A-Z][a-z]+)")


_COMPANIES: Lazy[_Gazetteer[_CompanyEntry]] = Lazy(_build_companies)


def _companies_gazetteer() -> _Gazetteer[_CompanyEntry]:
    return _COMPANIES.get()


def scan_companies(text: str) -> list[CompanyMention]:
    """Defence companies named in normalised ``text`` (spans index ``text``).

    >>> [(m.name, m.party.code) for m in scan_companies("Hyundai Rotem will build the tanks.")]
    [('Hyundai Rotem', 'KR')]
    """
    global _LAST_COMPANIES
    last = _LAST_COMPANIES
    if last is not None and last[0] is text:
        return list(last[1])
    out = _scan_companies(text)
    _LAST_COMPANIES = (text, tuple(out))
    return out


def _scan_companies(text: str) -> list[CompanyMention]:
    out: list[CompanyMention] = []
    for start, end, _key, values, _glued in _COMPANIES.get().scan_raw(text):
        after = _COMPANY_NEXT_WORD.match(text, end)
        if after is not None and after.group(1) in _COMPANY_NOT_BEFORE:
            continue
        entry = values[0]
        party = _party_for(entry.country) if entry.country else None
        out.append(
            CompanyMention(
                name=entry.name,
                party=party if isinstance(party, Country) else None,
                text=text[start:end],
                span=(start, end),
            )
        )
    return out


def find_companies(text: str) -> list[CompanyMention]:
    """Defence companies named in ``text``; spans index ``text`` itself.

    >>> [m.text for m in find_companies("Hanwha Aerospace and Poland's PGZ signed an agreement.")]
    ['Hanwha Aerospace', 'PGZ']
    """
    norm = normalize(text)
    return [attrs.evolve(m, **_mapped(text, norm, m.span)) for m in scan_companies(norm.text)]


# ====================================================================== weapon systems


@attrs.frozen
class _SystemEntry:
    designation: str
    family: str | None
    category: str | None
    generic: bool
    maker: str | None = None
    country: str | None = None
    needs_cue: bool = False  # an alias that is also a word or a name ("Thunder", "Patriot")


# What may be glued to a designation: a variant suffix ("K9" + "A1", "K2" + "PL",
# "FA-50" + "PL") or a plural "s" ("K9s").
_SYSTEM_GLUE = re.compile(r"(?:[A-Z]{1,3}[0-9]?|[0-9]?[A-Z]{1,2})?s?")
_PLURAL_GLUE = ("s",)

# A category noun followed by one of these is a modifier, not the system itself
# ("tank maker", "think tank" is handled by the word before).
_GENERIC_NOT_BEFORE: frozenset[str] = frozenset(
    {
        "maker",
        "makers",
        "manufacturer",
        "manufacturers",
        "producer",
        "engine",
        "engines",
        "factory",
        "plant",
        "crew",
        "crews",
        "division",
        "battalion",
        "brigade",
        "regiment",
        "unit",
        "units",
    }
)
_GENERIC_NOT_AFTER: frozenset[str] = frozenset({"think", "Think", "anti", "Anti"})


def _designation_variants(designation: str) -> list[str]:
    """Spelling variants of a designation: "K2" ~ "K-2", "FA-50" ~ "FA50"."""
    out = [designation]
    m = re.fullmatch(r"([A-Z]{1,4})-?([0-9].*)", designation)
    if m:
        for v in (f"{m.group(1)}-{m.group(2)}", f"{m.group(1)}{m.group(2)}"):
            if v not in out:
                out.append(v)
    return out


def _build_systems() -> _Gazetteer[_SystemEntry]:
    entries: list[tuple[str, _SystemEntry]] = []
    for ws in _refdata.weapon_systems():
        designation = ws.designation
        entry = _SystemEntry(
            designation=designation,
            family=ws.family or designation,
            category=ws.category or None,
            generic=False,
            maker=ws.maker or None,
            country=ws.country_code or None,
        )
        cued = attrs.evolve(entry, needs_cue=True)
        risky = set(ws.context_aliases)
        for form in (designation, *ws.aliases):
            for v in _designation_variants(form):
                for vv in _form_variants(v):
                    entries.append((vv, cued if form in risky else entry))
    for cat in _refdata.system_categories():
        entry = _SystemEntry(designation=cat.name, family=None, category=cat.category, generic=True)
        for form in (cat.name, *cat.forms):
            for v in (form, form[:1].upper() + form[1:]):
                entries.append((v, entry))
    return _Gazetteer(entries, glue=_SYSTEM_GLUE)


_SYSTEMS: Lazy[_Gazetteer[_SystemEntry]] = Lazy(_build_systems)


def scan_systems(text: str) -> list[SystemMention]:
    """Weapon systems named in normalised ``text`` (spans index ``text``).

    A designation with a variant suffix the data does not list ("K9PL") is
    reported with that designation and its family; a category noun ("tanks",
    "self-propelled howitzers") is reported with ``generic=True``.

    >>> [(m.designation, m.family, m.generic) for m in scan_systems("180 K2s and 48 K9PL howitzers")]
    [('K2', 'K2', False), ('K9PL', 'K9', False), ('howitzers', None, True)]
    """
    out: list[SystemMention] = []
    for start, end, _key, values, glued in _SYSTEMS.get().scan_raw(text):
        entry = values[0]
        designation = entry.designation
        if glued:
            suffix = text[end:glued]
            if entry.generic:
                continue  # "tanksX": not the noun
            for p in _PLURAL_GLUE:
                if suffix.endswith(p):
                    suffix = suffix[: -len(p)]
                    break
            if suffix:
                if text[start:end].casefold() == entry.designation.casefold():
                    designation = entry.designation + suffix  # "K9" + "PL": a variant of this designation
                # else an alias took the suffix ("UH-60" + "M" for the Black Hawk): the canonical name stays
                end = end + len(suffix)
            elif text[end:glued] in _PLURAL_GLUE:
                pass  # "K9s": the plural of K9, span without the "s"
        if entry.needs_cue and not _system_cue(text, start, end, entry):
            continue
        if entry.generic:
            before = text[max(0, start - 6) : start].rstrip(" -")
            if before.split()[-1:] and before.split()[-1] in _GENERIC_NOT_AFTER:
                continue
            if _next_word(text, end).lower() in _GENERIC_NOT_BEFORE:
                continue
        out.append(
            SystemMention(
                designation=designation,
                family=entry.family,
                category=entry.category,
                text=text[start:end],
                span=(start, end),
                generic=entry.generic,
                maker=entry.maker,
                country=entry.country,
            )
        )
    return out


def _build_cue_words() -> frozenset[str]:
    words: set[str] = set()
    for cat in _refdata.system_categories():
        for form in (cat.name, *cat.forms):
            words.add(form.split()[-1].lower())
    return frozenset(words)


_CUE_WORDS: Lazy[frozenset[str]] = Lazy(_build_cue_words)


def _system_cue(text: str, start: int, end: int, entry: _SystemEntry) -> bool:
    """Whether an alias that is also an ordinary word sits next to a cue: a number,
    its category noun, its maker or an upper-case designation ("K9 Thunder")."""
    window = text[max(0, start - 40) : end + 40]
    if any(ch.isdigit() for ch in window):
        return True
    if any(w.strip(".,;:()") in _CUE_WORDS.get() for w in window.lower().split()):
        return True
    return bool(entry.maker and entry.maker.split()[0] in window)


def find_systems(text: str) -> list[SystemMention]:
    """Weapon systems named in ``text``; spans index ``text`` itself.

    >>> [(m.text, m.designation) for m in find_systems("The K-2 Black Panther and the Homar-K")]
    [('K-2 Black Panther', 'K2'), ('Homar-K', 'Homar-K')]
    """
    norm = normalize(text)
    return [attrs.evolve(m, **_mapped(text, norm, m.span)) for m in scan_systems(norm.text)]


# ====================================================================== people


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
_POLISH_LETTERS = frozenset("łŁąęśźżćńóŚŻŹĆŃ")
_POLISH_ENDINGS = ("ski", "cki", "dzki", "czak", "wicz", "czyk", "ska", "cka", "szczak")

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

# Words right before a name that say the person holds no office.
NOT_OFFICE_BEFORE: tuple[str, ...] = (
    "first lady ",
    "First Lady ",
    "wife ",
    "husband ",
    "spouse ",
    "reporter ",
    "Reporter ",
    "correspondent ",
    "Correspondent ",
    "columnist ",
    "Written by ",
    "written by ",
    "By ",
    "Photo by ",
    "CEO ",
    "chief executive ",
    "Chief Executive ",
    "chairman ",
    "Chairman ",
    "Vice Chairman ",
)

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

# Party codes whose names are written family name first ("Yoon Suk Yeol" -> "Yoon").
FAMILY_FIRST: frozenset[str] = frozenset({"KR", "KP", "CN", "TW", "VN", "HK", "MO"})


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


def _build_roles() -> _Gazetteer[_RoleEntry]:
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
    return _Gazetteer(entries)


_ROLES: Lazy[_Gazetteer[_RoleEntry]] = Lazy(_build_roles)


def _build_agency_acronyms() -> Mapping[str, str]:
    """Agency acronym -> the agency's name, as a role ends with it ("DAPA" -> "the defense ...")."""
    return {a.acronym: a.name for a in _refdata.agencies() if a.acronym}


_AGENCY_ACRONYMS: Lazy[Mapping[str, str]] = Lazy(_build_agency_acronyms)


@attrs.frozen
class _PersonEntry:
    offices: tuple[Office, ...]  # every term of this person, oldest first


def _name_variants(name: str, party_code: str) -> list[str]:
    """How news may write ``name``: no diacritics, Korean hyphenation, family name in capitals first."""
    out = _form_variants(name)
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


def _build_people() -> _Gazetteer[_PersonEntry]:
    by_person: dict[str, list[Office]] = {}
    for office in _refdata.offices():
        by_person.setdefault(office.name, []).append(office)
    entries: list[tuple[str, _PersonEntry]] = []
    for terms in by_person.values():
        terms.sort(key=lambda o: o.term_start or dt.date.min)
        entry = _PersonEntry(tuple(terms))
        first = terms[0]
        for form in (first.name, *{a for t in terms for a in t.aliases}):
            for v in _name_variants(form, first.party_code):
                entries.append((v, entry))
    return _Gazetteer(entries)


_PEOPLE: Lazy[_Gazetteer[_PersonEntry]] = Lazy(_build_people)


def _surname_index() -> Mapping[str, tuple[Office, ...]]:
    return _SURNAMES.get()


def _build_surnames() -> Mapping[str, tuple[Office, ...]]:
    index: dict[str, list[Office]] = {}
    for office in _refdata.offices():
        for s in {office.surname, _ascii_fold(office.surname)}:
            if s:
                index.setdefault(s, []).append(office)
    return {k: tuple(v) for k, v in index.items()}


_SURNAMES: Lazy[Mapping[str, tuple[Office, ...]]] = Lazy(_build_surnames)


def _pick_office(terms: Sequence[Office], role: str | None, party: str | None, on: dt.date | None) -> Office:
    """The term (of ``terms``, never empty) that fits the stated role, party and date best.

    The latest term when nothing says.
    """
    cands = list(terms)
    if party:
        cands = [o for o in cands if o.party_code == party] or cands
    if role:
        fitting = [o for o in cands if role in (o.role, o.function)]
        cands = fitting or cands
    if on is not None:
        held = [o for o in cands if o.held_on(on)]
        if held:
            cands = held
        else:
            before = [o for o in cands if o.term_start is None or o.term_start <= on]
            cands = before or cands
    return cands[-1]


# ---------------------------------------------------------------- name tokens

_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*")
_WS = frozenset(" \t\n\r\u00a0")


@attrs.frozen
class _Name:
    start: int
    end: int
    tokens: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


_POSSESSIVE_LAST = frozenset({"s", "'", "’"})


def _clean_token(tok: str) -> tuple[str, bool]:
    """The token without a trailing possessive or full stop; True if it ended the name."""
    last = tok[-1:]
    if last in _POSSESSIVE_LAST:  # cheap test first: most tokens end with none of these
        for p in ("'s", "’s", "'", "’"):
            if tok.endswith(p) and len(tok) > len(p):
                return tok[: -len(p)], True
    elif last == "." and len(tok) > 2:
        return tok[:-1], True
    return tok, False


def _is_name_token(tok: str) -> bool:
    return bool(tok) and tok not in NAME_STOPWORDS and tok[0].isupper()


def _name_after(text: str, pos: int, blocked: Mapping[int, int]) -> _Name | None:
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
        m = _TOKEN.match(text, p)
        if m is None:
            break
        raw = m.group()
        if not tokens and raw in HONORIFICS:
            end = m.end()
            continue
        tok, stop = _clean_token(raw)
        if tok in HONORIFICS or tok + "." in HONORIFICS:
            if tokens:
                break
            end = m.end()
            continue
        if tok.lower() in NAME_PARTICLES and tok.islower() and tokens:
            # "von der Leyen": particles may chain; the name goes on only if a capital follows them
            nxt = _TOKEN.match(text, m.end() + 1)
            while nxt is not None and nxt.group().lower() in NAME_PARTICLES and nxt.group().islower():
                nxt = _TOKEN.match(text, nxt.end() + 1)
            if nxt is None or not nxt.group()[0].isupper():
                break
            tokens.append(tok)
            end = p + len(tok)
            continue
        particle_prefix = tok[:3] in ("el-", "al-") and tok[3:4].isupper()
        if not (_is_name_token(tok) or particle_prefix):
            break
        if (
            tok.isupper()
            and len(tok) > 1
            and not _is_initial(tok)
            and not _ROMAN.fullmatch(tok)
            and not (not tokens and _caps_family_first(text, m.end()))
        ):
            break  # an acronym ("NATO"), except a family name in capitals ("KISHIDA Fumio")
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
    return _Name(start, end, tuple(tokens)) if tokens else None


_ROMAN = re.compile(r"(?:II|III|IV|Jr\.?|Sr\.?)")


def _is_initial(tok: str) -> bool:
    return len(tok) == 2 and tok[0].isupper() and tok[1] == "."


def _caps_family_first(text: str, pos: int) -> bool:
    m = _TOKEN.match(text, pos + 1) if pos < len(text) and text[pos] == " " else None
    return m is not None and m.group()[0].isupper() and not m.group().isupper()


def _name_before(text: str, end: int, in_blocked: Callable[[int], bool]) -> _Name | None:
    """The personal name ending at ``end`` (the appositive "Artur Kuptel, head of ...")."""
    window_start = max(0, end - 80)
    toks = list(_TOKEN.finditer(text, window_start, end))
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
        if not (_is_name_token(tok) or tok[:3] in ("el-", "al-")) or tok.endswith("."):
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
    return _Name(run[0].start(), run[-1].end(), tuple(m.group() for m in run))


def _display_name(tokens: Sequence[str]) -> str:
    """Given name first: "KISHIDA Fumio" -> "Fumio Kishida"."""
    if len(tokens) == 2 and tokens[0].isupper() and len(tokens[0]) > 1 and not tokens[1].isupper():
        return f"{tokens[1]} {tokens[0].capitalize()}"
    return " ".join(tokens)


def _surname_of(name: str, party_code: str | None) -> str:
    parts = name.split()
    if not parts:
        return ""
    if party_code in FAMILY_FIRST or (
        len(parts) >= 2 and "-" in parts[-1] and parts[-1].split("-")[1][:1].islower()
    ):
        return parts[0]
    return parts[-1]


# ---------------------------------------------------------------- titles in text


@attrs.frozen
class _Title:
    start: int  # start of the whole title phrase (qualifier, party, article)
    role_start: int
    end: int  # end of the title, including its object ("head of Poland's Armament Agency")
    role: str | None
    party: Party | None
    qualifier: str | None
    company: bool  # a company's title: the person holds no state office


@attrs.frozen
class _Context:
    """Per-text lookups shared by the people strategies."""

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


def _make_context(text: str, places: Sequence[PlaceMention], companies: Sequence[CompanyMention]) -> _Context:
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
            place_at_end[_possessive_end(text, end)] = p
    company_at_end: dict[int, CompanyMention] = {}
    for c in companies:
        end = c.span[1]
        spans.append(c.span)
        company_at_end[end] = c
        if text.startswith(apostrophes, end):
            company_at_end[_possessive_end(text, end)] = c
    spans.sort()
    reach: list[int] = []
    furthest = -1
    for _s, e in spans:
        if e > furthest:
            furthest = e
        reach.append(furthest)
    return _Context(
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


def _skip_ws(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos] in _WS:
        pos += 1
    return pos


def _skip_ws_back(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in _WS:
        pos -= 1
    return pos


_OBJECT_CONNECTORS = frozenset({"of", "and", "for", "the", "on"})


def _role_object(ctx: _Context, pos: int) -> tuple[str, int, Party | None, bool] | None:
    """The organisation or portfolio after "minister of"/"head of": (phrase, end, party, company)."""
    text = ctx.text
    p = _skip_ws(text, pos)
    party: Party | None = None
    words: list[str] = []
    if text.startswith("the ", p):
        words.append("the")
        p = _skip_ws(text, p + 4)
    if p in ctx.company_at_start:
        c = ctx.company_at_start[p]
        return c.name, c.span[1], None, True
    place = ctx.place_at_start.get(p)
    if place is not None:
        pend = _possessive_end(text, place.span[1])
        if pend != place.span[1]:  # "Poland's Armament Agency"
            party = place.party
            p = _skip_ws(text, pend)
            if words and words[-1] == "the":
                words.pop()
    end = pos
    while True:
        m = _TOKEN.match(text, p)
        if m is None:
            break
        tok, stop = _clean_token(m.group())
        if not words and tok in _AGENCY_ACRONYMS.get():
            return _AGENCY_ACRONYMS.get()[tok], m.start() + len(tok), party, False
        if tok[:1].isupper() and not (tok.isupper() and len(tok) > 1 and words):
            if tok in NAME_STOPWORDS and tok not in {
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
            }:
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
            return "", _possessive_end(text, end), party, False
        return None
    if words == ["the"]:
        return None
    phrase = " ".join(w.lower() for w in words).replace("defence", "defense")
    return phrase, end, party, False


def _title_prefix(ctx: _Context, start: int) -> tuple[int, Party | None, str | None, bool]:
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
                if text.endswith(q, 0, pos) and (pos - len(q) == 0 or not _is_word(text[pos - len(q) - 1])):
                    qualifier = qualifier or name
                    pos -= len(q)
                    matched = True
                    break
        if matched:
            continue
        p = _skip_ws_back(text, pos)
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


def _titles(ctx: _Context) -> list[_Title]:
    text = ctx.text
    raw: list[_Title] = []
    for hit_start, end, _key, values, _glued in _ROLES.get().scan_raw(text):
        role = values[0].role
        party: Party | None = None
        company = False
        if role in ("minister of", "head of"):
            obj = _role_object(ctx, end)
            if obj is None:
                continue
            phrase, end, party, company = obj
            if role == "minister of":
                canon = _refdata.portfolios().get(phrase)
                role = f"{canon} minister" if canon else f"minister of {phrase}".rstrip()
            else:
                role = "head of " + (phrase if phrase.startswith("the ") else f"the {phrase}")
        else:
            # "Prime Minister of Japan", "president of Hyundai Rotem", "Ambassador to Korea"
            after = _skip_ws(text, end)
            for prep in ("of ", "to "):
                if text.startswith(prep, after):
                    p2 = _skip_ws(text, after + len(prep))
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
        start, pre_party, qualifier, pre_company = _title_prefix(ctx, hit_start)
        raw.append(_Title(start, hit_start, end, role, pre_party or party, qualifier, company or pre_company))
    # "Deputy Prime Minister and Defense Minister X": one title, the specific office.
    merged: list[_Title] = []
    for t in raw:
        if merged:
            prev = merged[-1]
            between = text[prev.end : t.role_start]
            if between.strip() in ("and", "&", "cum", "as well as") or (
                between.strip() == "" and prev.end <= t.start
            ):
                role = t.role if t.role not in (None, "deputy prime minister") else prev.role
                merged[-1] = _Title(
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


def _known(name_text: str) -> _PersonEntry | None:
    table = _PEOPLE.get().table
    hit = table.get(_space_key(name_text))
    return hit[0] if hit else None


# ---------------------------------------------------------------- scan_people


class _Taken:
    """Spans already given to a person; "does this span overlap one?" without a scan of them all."""

    _BUCKET = 64  # characters per bucket; a span is filed under every bucket it touches

    def __init__(self) -> None:
        self._buckets: dict[int, list[Span]] = {}

    def add(self, span: Span) -> None:
        b = self._BUCKET
        for k in range(span[0] // b, max(span[0], span[1] - 1) // b + 1):
            self._buckets.setdefault(k, []).append(span)

    def overlaps(self, span: Span) -> bool:
        start, end = span
        b = self._BUCKET
        for k in range(start // b, max(start, end - 1) // b + 1):
            for s, e in self._buckets.get(k, ()):
                if s < end and start < e:
                    return True
        return False


@attrs.frozen
class _Found:
    mention: PersonMention
    excluded: bool = False  # a company executive, a spouse: blocks back-references, not returned


def scan_people(
    text: str,
    *,
    published: dt.date | None = None,
    places: Sequence[PlaceMention] | None = None,
    companies: Sequence[CompanyMention] | None = None,
) -> list[PersonMention]:
    """Office holders named in normalised ``text``, in order (spans index ``text``).

    ``published`` resolves role-only mentions ("the Polish president") and
    chooses among a person's terms; ``places``/``companies`` may be passed
    when the caller already scanned them (the record stage does), to save the
    work.  Company executives, spouses and journalists are not returned.

    Strategies, in order:

    1. a title next to a name: "Defence Minister X", "X, head of Poland's
       Armament Agency", "his Polish counterpart, X";
    2. a known name alone (reference data, any spelling variant);
    3. a title with no name, resolved by office + ``published`` date;
    4. a surname back-reference ("Yoon said", "Mr. Yoon") to a fuller mention.

    >>> [(p.name, p.role, p.party.code) for p in scan_people("Polish President Andrzej Duda met Yoon.")]
    [('Andrzej Duda', 'president', 'PL')]
    """
    if places is None:
        places = scan_places(text)
    if companies is None:
        companies = scan_companies(text)
    ctx = _make_context(text, places, companies)
    found: list[_Found] = []
    taken = _Taken()
    overlaps = taken.overlaps

    # 1. titles with names
    orphans: list[_Title] = []
    for title in _titles(ctx):
        name = _name_after(text, title.end, ctx.blocked) if title.end < len(text) else None
        if (
            name is not None
            and _skip_ws(text, title.end) != name.start
            and not _honorific_gap(text, title.end, name.start)
        ):
            name = None
        if name is None:
            before = _skip_ws_back(text, title.start)
            if before > 0 and text[before - 1] == ",":
                name = _name_before(text, _skip_ws_back(text, before - 1), ctx.in_blocked)
        if name is None:
            after = _skip_ws(text, title.end)
            if after < len(text) and text[after] == ",":
                name = _name_after(text, after + 1, ctx.blocked)
        if name is None or overlaps((name.start, name.end)):
            orphans.append(title)
            continue
        if ctx.in_blocked(name.start):
            orphans.append(title)
            continue
        role = title.role
        if role is None:  # "counterpart": the role of the last person named
            role = next((f.mention.role for f in reversed(found) if f.mention.role and not f.excluded), None)
        party = title.party
        if party is None:
            party = _party_after_name(ctx, name.end)
        if party is None and role is not None:
            party = _party_of_role(role)
        mention = _person(text, name, role, party, published, "title", title.qualifier)
        taken.add((name.start, name.end))
        found.append(_Found(mention, excluded=title.company))

    # 2. known names alone
    for start, end, _key, values, _glued in _PEOPLE.get().scan_raw(text):
        span = (start, end)
        if overlaps(span):
            continue
        excluded = any(text.endswith(w, 0, start) for w in NOT_OFFICE_BEFORE)
        name = _Name(start, end, tuple(text[start:end].split()))
        entry = values[0]
        office = _pick_office(entry.offices, None, None, published)
        mention = PersonMention(
            name=_display_name(name.tokens),
            role=office.role,
            party=_party_for(office.party_code),
            span=span,
            text=text[start:end],
            office=office,
            how="name",
        )
        taken.add(span)
        found.append(_Found(mention, excluded=excluded))

    # 3. titles with no name, resolved by office and date
    if published is not None:
        for title in orphans:
            if title.role is None or title.party is None or title.company or title.qualifier == "former":
                continue
            if overlaps((title.role_start, title.end)):
                continue
            holders = _holders(title.role, title.party.code, published)
            if len(holders) != 1:
                continue
            office = holders[0]
            span = (_phrase_start(text, title), title.end)
            found.append(
                _Found(
                    PersonMention(
                        name=office.name,
                        role=title.role,
                        party=title.party,
                        span=span,
                        text=text[span[0] : span[1]],
                        office=office,
                        how="role",
                        qualifier=title.qualifier,
                    )
                )
            )
            taken.add(span)

    found.sort(key=lambda f: f.mention.span)
    found = _resolve_surnames(found, published)
    found = _text_names(found)
    # 4. surname back-references
    found = _back_references(text, found, overlaps)
    return [f.mention for f in found if not f.excluded]


def _honorific_gap(text: str, pos: int, name_start: int) -> bool:
    """True when only whitespace and honorifics ("Mr.", "Maj. Gen.") separate a title from a name."""
    words = text[pos:name_start].split()
    return all(w in HONORIFICS for w in words)


def _phrase_start(text: str, title: _Title) -> int:
    """Start of a role-only mention: the title with its party, without an article."""
    start = title.start
    for article in ("the ", "The ", "his ", "His ", "her ", "Her ", "its ", "their ", "whose "):
        if text.startswith(article, start):
            return start + len(article)
    return start


def _party_after_name(ctx: _Context, end: int) -> Party | None:
    """The party in "Prime Minister Denys Shmyhal of Ukraine"."""
    text = ctx.text
    p = _skip_ws(text, end)
    if text.startswith("of ", p):
        p2 = _skip_ws(text, p + 3)
        if text.startswith("the ", p2):
            p2 += 4
        place = ctx.place_at_start.get(p2)
        if place is not None:
            return place.party
    return None


@functools.lru_cache(maxsize=256)
def _party_of_role(role: str) -> Party | None:
    """The country of an agency named in the role ("head of the armament agency" -> PL)."""
    for agency in _refdata.agencies():
        if role.endswith(agency.name):
            return _party_for(agency.country_code)
    return None


def _party_of_name(tokens: Sequence[str]) -> Party | None:
    """A country guessed from the shape of a name: Korean family-first names, Polish spellings.

    Used only when the text gives no party and the reference data does not
    know the person; it never overrides what the text says.
    """
    if len(tokens) >= 2 and tokens[0] in KOREAN_FAMILY_NAMES:
        given = tokens[1:]
        if (len(given) == 1 and "-" in given[0]) or (len(given) == 2 and all(len(g) <= 5 for g in given)):
            return _party_for("KR")
    last = tokens[-1] if tokens else ""
    if any(ch in _POLISH_LETTERS for t in tokens for ch in t) or (
        len(tokens) >= 2 and last.endswith(_POLISH_ENDINGS)
    ):
        return _party_for("PL")
    return None


@functools.lru_cache(maxsize=1024)
def _holders(role: str, party_code: str, on: dt.date) -> tuple[Office, ...]:
    """Who held ``role`` for ``party_code`` on ``on`` (memoised: one query scans every office)."""
    try:
        return tuple(_refdata.office_holders(role, party_code, on=on))
    except LookupError:
        return ()


def _person(
    text: str,
    name: _Name,
    role: str | None,
    party: Party | None,
    published: dt.date | None,
    how: str,
    qualifier: str | None,
) -> PersonMention:
    surface = text[name.start : name.end]
    display = _display_name(name.tokens)
    entry = _known(surface) or _known(display) or _known(" ".join(name.tokens))
    office = None
    if entry is not None:
        office = _pick_office(entry.offices, role, party.code if party else None, published)
    if office is not None:
        role = role or office.role
        party = party or _party_for(office.party_code)
    if party is None:
        party = _party_of_name(name.tokens)
    return PersonMention(
        name=display,
        role=role,
        party=party,
        span=(name.start, name.end),
        text=surface,
        office=office,
        how=how,
        qualifier=qualifier,
    )


def _resolve_surnames(found: list[_Found], published: dt.date | None) -> list[_Found]:
    """Complete one-word names ("President Yoon") from a fuller mention or the reference data."""
    # word -> the fuller mentions (in text order) whose surname or one of whose words it is
    fuller: dict[str, list[_Found]] = {}
    for g in found:
        words = g.mention.name.split()
        if len(words) > 1:
            keys = set(words)
            keys.add(_surname_of(g.mention.name, g.mention.party.code if g.mention.party else None))
            for key in keys:
                fuller.setdefault(key, []).append(g)
    starts: dict[str, list[int]] = {k: [g.mention.span[0] for g in v] for k, v in fuller.items()}
    out: list[_Found] = []
    for f in found:
        m = f.mention
        if len(m.name.split()) != 1:
            out.append(f)
            continue
        word = m.name
        cands = fuller.get(word)
        if cands:
            # the last fuller mention before this one, else the first after it
            i = bisect.bisect_left(starts[word], m.span[0])
            src = cands[i - 1] if i else cands[0]
            if src.excluded:
                out.append(attrs.evolve(f, excluded=True))
                continue
            sm = src.mention
            out.append(
                _Found(
                    attrs.evolve(
                        m,
                        name=sm.name,
                        role=m.role or sm.role,
                        party=m.party or sm.party,
                        office=sm.office,
                        how="surname",
                    ),
                    f.excluded,
                )
            )
            continue
        offices = [
            o
            for o in _surname_index().get(word, ())
            if (m.role is None or m.role in (o.role, o.function))
            and (m.party is None or o.party_code == m.party.code)
        ]
        if published is not None:
            offices = [o for o in offices if o.held_on(published)] or offices
        names = {o.name for o in offices}
        if len(names) == 1:
            office = _pick_office(offices, m.role, m.party.code if m.party else None, published)
            out.append(
                _Found(
                    attrs.evolve(
                        m,
                        name=office.name,
                        role=m.role or office.role,
                        party=m.party or _party_for(office.party_code),
                        office=office,
                        how="surname",
                    ),
                    f.excluded,
                )
            )
            continue
        out.append(f)
    return out


def _text_names(found: list[_Found]) -> list[_Found]:
    """Name people resolved from the data ("the Polish president") as the text names them elsewhere."""
    written: dict[str, str] = {}
    for f in found:
        m = f.mention
        if (
            m.office is not None
            and m.how in ("title", "name")
            and len(m.name) > len(written.get(m.office.name, ""))
        ):
            written[m.office.name] = m.name
    if not written:
        return found
    out = []
    for f in found:
        m = f.mention
        if m.office is not None and m.how in ("role", "surname") and m.office.name in written:
            f = attrs.evolve(f, mention=attrs.evolve(m, name=written[m.office.name]))
        out.append(f)
    return out


def _literal_hits(text: str, words: Sequence[str]) -> list[tuple[int, int, str]]:
    """What ``re.finditer`` of the alternation ``words[0]|words[1]|...`` (plain strings) returns.

    Leftmost first, the earlier word winning at one position, non-overlapping.  Found with
    ``str.find`` instead of a regex compiled for each document's own surnames.
    """
    hits: list[tuple[int, int, str]] = []
    for rank, word in enumerate(words):
        i = text.find(word)
        while i >= 0:
            hits.append((i, rank, word))
            i = text.find(word, i + 1)
    hits.sort()
    out: list[tuple[int, int, str]] = []
    done = 0
    for start, _rank, word in hits:
        if start >= done:
            done = start + len(word)
            out.append((start, done, word))
    return out


def _back_references(text: str, found: list[_Found], overlaps: Callable[[Span], bool]) -> list[_Found]:
    full = [f for f in found if len(f.mention.name.split()) > 1]
    if not full:
        return found
    by_surname: dict[str, list[_Found]] = {}
    for f in full:
        fm = f.mention
        s = _surname_of(fm.name, fm.party.code if fm.party else None)
        if len(s) > 1:
            by_surname.setdefault(s, []).append(f)
            if fm.text.split() and fm.text.split()[0].isupper():  # "KISHIDA Fumio": also "KISHIDA"
                by_surname.setdefault(fm.text.split()[0], []).append(f)
    if not by_surname:
        return found
    surname_starts = {k: [f.mention.span[0] for f in v] for k, v in by_surname.items()}
    extra: list[_Found] = []
    for start, end, word in _literal_hits(text, sorted(by_surname, key=len, reverse=True)):
        if (start > 0 and _is_word(text[start - 1])) or (end < len(text) and _is_word(text[end])):
            continue
        if overlaps((start, end)):
            continue
        nxt = _next_word(text, end) if end < len(text) and text[end] == " " else ""
        if nxt and _is_name_token(_clean_token(nxt)[0]) and not nxt.isupper():
            continue  # "Kim Keon-hee" is not "Kim Jong Un"
        cands = by_surname[word]
        i = bisect.bisect_left(surname_starts[word], start)
        src = cands[i - 1] if i else cands[0]
        sm = src.mention
        moved = PersonMention(  # attrs.evolve(sm, span=..., text=..., how=...), without its overhead
            name=sm.name,
            role=sm.role,
            party=sm.party,
            span=(start, end),
            text=word,
            office=sm.office,
            how="surname",
            qualifier=sm.qualifier,
        )
        extra.append(_Found(moved, src.excluded))
    if not extra:
        return found
    return sorted(found + extra, key=lambda f: f.mention.span)


def find_people(text: str, *, published: dt.date | None = None) -> list[PersonMention]:
    """Office holders named in ``text``; spans index ``text`` itself.

    >>> text = "On June 13, Mr. KISHIDA Fumio, Prime Minister of Japan, spoke."
    >>> [(p.name, p.role) for p in find_people(text)]
    [('Fumio Kishida', 'prime minister')]
    >>> [p.name for p in find_people("Hyundai Rotem President Lee Yong-bae signed it.")]
    []
    """
    norm = normalize(text)
    return [
        attrs.evolve(m, **_mapped(text, norm, m.span)) for m in scan_people(norm.text, published=published)
    ]
