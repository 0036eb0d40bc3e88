"""Normalisation with an exact offset map back to the input.

Pipeline of :func:`normalize` (each step is skipped when it has nothing to do):

1. :func:`~korpol._text.repair.repair` — re-decode runs of mojibake;
2. removals and merges that change lengths — soft hyphen, zero-width space,
   word joiner, BOM are dropped; ``\\r\\n`` and a lone ``\\r`` become ``\\n``;
3. one-to-one character substitutions that keep every offset — curly quotes to
   ``'``/``"``, en/em dashes and minus signs to ``-``, exotic spaces to ``" "``,
   full-width ASCII to ASCII;
4. NFC composition, cluster by cluster (only when the text is not already NFC).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from korpol._errors import InputTypeError
from korpol._text.offsets import NormalizedText, OffsetMap, apply, build_map
from korpol._text.repair import find_repairs

__all__ = ["non_ascii", "normalize"]


# Step 3: one character for one character, so no offset changes.
_SAME_LENGTH = {
    **dict.fromkeys(map(ord, "‘’‚‛′´"), "'"),  # (not "`": ASCII text is never touched)
    **dict.fromkeys(map(ord, "“”„‟″«»"), '"'),
    **dict.fromkeys(map(ord, "‐‑‒–—―−﹘﹣－"), "-"),
    **dict.fromkeys(map(ord, "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                             "\u2007\u2008\u2009\u200a\u202f\u205f\u3000"), " "),
    **{cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F) if cp != 0xFF0D},
}


# Closed under itself: should a substitute ever be substituted in turn, the table maps straight to
# the last one, so no replacement makes a character another would replace and the order of the
# replacements (step 3) cannot change the result.
_SAME_LENGTH = {cp: _SAME_LENGTH.get(ord(rep), rep) for cp, rep in _SAME_LENGTH.items()}


_SAME_LENGTH_CHARS = "".join(map(chr, _SAME_LENGTH))


_ASCII_BYTES = bytes(range(128))


def non_ascii(text: str) -> str:
    """The non-ASCII characters of ``text``, in order (lone surrogates dropped).

    Gathered in C (the UTF-8 bytes without the ASCII ones), for scans that look only
    for such characters: a few times faster than a regex over the whole text.

    >>> non_ascii("Kraków's K2 for €6bn")
    'ó€'
    """
    return text.encode("utf-8", "ignore").translate(None, _ASCII_BYTES).decode("utf-8")


@cache
def _same_length_re() -> re.Pattern[str]:
    return re.compile(f"[{re.escape(_SAME_LENGTH_CHARS)}]")


@cache
def _length_change_re() -> re.Pattern[str]:
    return re.compile("\r\n?|[\u00ad\u200b\u2060\ufeff]")


# Unicode's stream-safe format allows 30 combining marks after a starter; no language writes more.
# A longer cluster is left as it is: CPython puts the marks in canonical order by insertion sort,
# quadratic in the cluster (100,000 marks of two classes took minutes).
_MAX_CLUSTER = 32


def _nfc_pieces(text: str) -> list[tuple[int, int, str]]:
    """NFC per cluster (a starter and the combining marks or jamo after it)."""
    pieces: list[tuple[int, int, str]] = []
    n = len(text)
    i = 0
    while i < n:
        j = i + 1
        while j < n and (unicodedata.combining(text[j]) or "\u1160" <= text[j] <= "\u11ff"):
            j += 1
        if j - i > _MAX_CLUSTER:
            i = j
            continue
        cluster = text[i:j]
        fixed = unicodedata.normalize("NFC", cluster)
        if fixed != cluster:
            pieces.append((i, j, fixed))
        i = j
    return pieces


def normalize(text: str) -> NormalizedText:
    """Repair and normalise ``text`` for scanning, keeping an exact offset map.

    >>> normalize("He said: “Poland’s K2 deal — worth $6.5\\u00a0billion.”").text
    'He said: "Poland\\'s K2 deal - worth $6.5 billion."'
    >>> norm = normalize("ÇÑ±¹ and Poland")
    >>> norm.text, norm.to_original(0, 2)
    ('한국 and Poland', (0, 4))
    >>> normalize("plain ASCII").changed
    False
    """
    if not isinstance(text, str):
        raise InputTypeError("text", text, "str")
    if text.isascii() and "\r" not in text:
        return NormalizedText(text, text)
    maps: list[OffsetMap] = []
    repairs: tuple[str, ...] = ()
    current = text
    # 1 + 2: repairs and length changes, merged into one map in original coordinates.
    pieces, repairs = ([], ()) if text.isascii() else find_repairs(text)
    cuts = []
    if any(c in text for c in "\r\u00ad\u200b\u2060\ufeff"):
        cuts = [(m.start(), m.end(), "" if m.group()[0] != "\r" else "\n")
                for m in _length_change_re().finditer(text)]
    if cuts:
        if pieces:
            covered = {i for a, b, _ in pieces for i in range(a, b)}
            cuts = [c for c in cuts if c[0] not in covered]
            pieces = sorted(pieces + cuts)
        else:
            pieces = cuts
    if pieces:
        current = apply(text, pieces)
        maps.append(build_map(pieces))
    # A second repair pass for double-encoded text (rare: only when the first pass repaired).
    if repairs:
        again, more = find_repairs(current)
        if again:
            maps.append(build_map(again))
            current = apply(current, again)
            repairs = tuple(sorted(set(repairs) | set(more)))
    # 3: same-length substitutions.
    if not current.isascii():
        # only non-ASCII characters are substituted: gathered in C, they give the same list of hits
        # in a few times less time than the whole text
        for ch in sorted(set(_same_length_re().findall(non_ascii(current)))):
            current = current.replace(ch, _SAME_LENGTH[ord(ch)])
    # 4: NFC.
    if not current.isascii() and not unicodedata.is_normalized("NFC", current):
        nfc = _nfc_pieces(current)
        if nfc:
            maps.append(build_map(nfc))
            current = apply(current, nfc)
    return NormalizedText(text, current, repairs, maps=tuple(maps))
