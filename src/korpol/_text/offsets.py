"""Offset maps: every span of the normalised text maps back to the exact span of the input.

Why this module exists: the scanners read repaired, normalised text, but every value korpol
returns must quote the caller's *original* characters.  :class:`NormalizedText` pairs the two
texts with the map between them.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence

import attrs

__all__ = ["NormalizedText", "OffsetMap", "apply", "build_map"]


@attrs.frozen
class OffsetMap:
    """Pieces where lengths changed: piece ``i`` turned ``src[o_pos:o_pos+o_len]`` into
    ``dst[n_pos:n_pos+n_len]``; between pieces the two texts are identical (shifted).

    Inside a piece whose original length is a multiple k of its new length (an EUC-KR
    run: two characters per decoded one) each new character maps to its own k original
    characters; inside any other piece every position maps to the whole original piece.
    """

    n_pos: array[int]
    n_len: array[int]
    o_pos: array[int]
    o_len: array[int]

    def _ratio(self, i: int) -> int:
        """k when piece ``i`` turned every k original characters into one (exact inside), else 0."""
        n, o = self.n_len[i], self.o_len[i]
        return o // n if n and o % n == 0 else 0

    def start(self, p: int) -> int:
        i = bisect_right(self.n_pos, p) - 1
        if i < 0:
            return p
        n0 = self.n_pos[i]
        n1 = n0 + self.n_len[i]
        if p < n1:
            r = self._ratio(i)
            return self.o_pos[i] + (p - n0) * r if r else self.o_pos[i]
        return p - n1 + self.o_pos[i] + self.o_len[i]

    def end(self, q: int) -> int:
        """Map an exclusive end ``q`` (> 0): the original end of the character ``q - 1``."""
        p = q - 1
        i = bisect_right(self.n_pos, p) - 1
        if i < 0:
            return q
        n0 = self.n_pos[i]
        n1 = n0 + self.n_len[i]
        if p < n1:
            r = self._ratio(i)
            return self.o_pos[i] + (p - n0 + 1) * r if r else self.o_pos[i] + self.o_len[i]
        return p - n1 + self.o_pos[i] + self.o_len[i] + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        s = self.start(start)
        return (s, s) if end <= start else (s, max(s, self.end(end)))


def build_map(pieces: Sequence[tuple[int, int, str]]) -> OffsetMap:
    """Offset map for replacing, in order, ``src[a:b]`` by ``rep`` for each ``(a, b, rep)``."""
    n_pos: array[int] = array("i")
    n_len: array[int] = array("i")
    o_pos: array[int] = array("i")
    o_len: array[int] = array("i")
    shift = 0
    for a, b, rep in pieces:
        n_pos.append(a + shift)
        n_len.append(len(rep))
        o_pos.append(a)
        o_len.append(b - a)
        shift += len(rep) - (b - a)
    return OffsetMap(n_pos, n_len, o_pos, o_len)


def apply(src: str, pieces: Sequence[tuple[int, int, str]]) -> str:
    out: list[str] = []
    last = 0
    for a, b, rep in pieces:
        out.append(src[last:a])
        out.append(rep)
        last = b
    out.append(src[last:])
    return "".join(out)


@attrs.frozen
class NormalizedText:
    """Normalised text plus the map from its offsets back to the original.

    ``repairs`` names the repairs applied (``"euc-kr-as-latin-1"``,
    ``"utf-8-as-cp1252"``), ``changed`` says whether ``text != original``.

    >>> from korpol._text import normalize
    >>> norm = normalize("Korea¡¯s “K2” tanks")
    >>> norm.text
    'Korea\\'s "K2" tanks'
    >>> norm.repairs
    ('euc-kr-as-latin-1',)
    >>> s, e = norm.to_original(0, 7)
    >>> norm.original[s:e]
    'Korea¡¯s'
    >>> norm.to_original(-5, 999)
    (0, 19)
    """

    original: str
    text: str
    repairs: tuple[str, ...] = ()
    _maps: tuple[OffsetMap, ...] = attrs.field(default=(), repr=False, eq=False, alias="maps")

    @property
    def changed(self) -> bool:
        """Whether normalisation changed anything."""
        return self.text != self.original

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the span ``text[start:end]`` to the span of ``original`` it came from.

        Out-of-range values are clamped; the result always satisfies
        ``0 <= s <= e <= len(original)``.  A character that replaced several
        original characters maps to all of them.
        """
        n = len(self.text)
        start = min(max(start, 0), n)
        end = min(max(end, start), n)
        for m in reversed(self._maps):
            start, end = m.span(start, end)
        limit = len(self.original)
        start = min(max(start, 0), limit)
        return start, min(max(end, start), limit)
