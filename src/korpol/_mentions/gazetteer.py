"""The gazetteer: many names found in one pass, the longest name first, word boundaries kept.

Why this module exists: places, companies, weapon systems, titles of office and office
holders are each a few hundred to a few thousand surface forms from the reference data,
looked for in every document.  One alternation of them all would be slow; this module
compiles them (lazily, once) into prefix-trie patterns with no ``re.IGNORECASE``, checks word
boundaries in Python on the few candidates, and lets the longest form win ("South Korea"
over "Korea", "North Korean" over "Korean").  Whitespace inside a form matches any run of
whitespace, so a name broken across lines is still found.

It also holds what every entity finder shares with it: the spelling variants a form is
listed under (no diacritics, either apostrophe), the word after a hit, the party of a code,
and the mapping of a mention back to the caller's text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, Generic, TypeVar

from korpol import _refdata
from korpol._model import Country, Organization, Party
from korpol._regex import trie_pattern
from korpol._text import NormalizedText

__all__ = [
    "Gazetteer",
    "Span",
    "apostrophe_variants",
    "ascii_fold",
    "form_variants",
    "is_word",
    "mapped_back",
    "next_word",
    "party_for",
    "space_key",
]

T = TypeVar("T")
Span = tuple[int, int]


def space_key(s: str) -> str:
    """``s`` with every run of whitespace as one space (the dictionary key)."""
    if s.isprintable() and "  " not in s:
        return s
    return " ".join(s.split())


def is_word(c: str) -> bool:
    """True for a character a word is made of (a letter, a digit, ``_``)."""
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


class Gazetteer(Generic[T]):
    """Surface form -> payloads, matched with a trie regex, longest form first.

    ``glue`` (optional) is a pattern that may extend a form with no word
    boundary ("K9" + "PL", "K2" + "s"); the hit then records the glued end.
    """

    def __init__(self, entries: Iterable[tuple[str, T]], glue: re.Pattern[str] | None = None) -> None:
        table: dict[str, list[T]] = {}
        for form, value in entries:
            key = space_key(form.strip())
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
            key = space_key(text[start:end])
            values = table.get(key)
            if values is not None:
                if end >= n or not (is_word(text[end - 1]) and is_word(text[end])):
                    return (start, end, key, values, 0)
                if self.glue is not None:
                    g = self.glue.match(text, end)
                    if g is not None and (g.end() >= n or not is_word(text[g.end()])):
                        return (start, end, key, values, g.end())
            end -= 1
            while end > start and space_key(text[start:end]) not in table:
                end -= 1
        return None


# ---------------------------------------------------------------- spelling variants


_FOLD_EXTRA = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"})


def ascii_fold(s: str) -> str:
    """``s`` without diacritics ("Błaszczak" -> "Blaszczak")."""
    decomposed = unicodedata.normalize("NFKD", s.translate(_FOLD_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def apostrophe_variants(form: str) -> list[str]:
    """The form with straight and with curly apostrophes ("Xi'an", "Xi’an")."""
    if "'" in form:
        return [form, form.replace("'", "’")]
    if "’" in form:
        return [form, form.replace("’", "'")]
    return [form]


def form_variants(form: str) -> list[str]:
    """The form, its diacritic-free spelling and its curly/straight apostrophe spellings."""
    out: list[str] = []
    for f in (form, ascii_fold(form)):
        for v in apostrophe_variants(f):
            if v not in out:
                out.append(v)
    return out


# ---------------------------------------------------------------- the word after a hit


_NEXT_WORD = re.compile(r"\s*([^\W\d_][\w'’.-]*)")


def next_word(text: str, pos: int) -> str:
    """The word starting at ``pos`` after optional whitespace, or ``""`` (a digit starts none)."""
    m = _NEXT_WORD.match(text, pos)
    return m.group(1) if m else ""


# ---------------------------------------------------------------- parties


def party_for(code: str) -> Party | None:
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


# ---------------------------------------------------------------- back to the caller's text


def mapped_back(original: str, norm: NormalizedText, span: Span) -> dict[str, Any]:
    """The ``span`` and ``text`` fields of a mention of ``norm.text``, moved to ``original``."""
    start, end = norm.to_original(*span)
    return {"span": (start, end), "text": original[start:end]}
