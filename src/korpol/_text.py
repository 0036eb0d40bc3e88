"""Reading text: decode bytes, repair mojibake, normalise with an exact offset map.

Why this module exists: news pages reach korpol as bytes of unknown encoding, or as
text that was already decoded with the wrong codec (a Korean site's EUC-KR page read
as Latin-1 turns ``Korea’s`` into ``Korea¡¯s`` and Hangul into ``ÇÏ³ª``; a UTF-8 page
read as CP1252 turns it into ``Koreaâ€™s``).  The scanners downstream match plain
ASCII quotes and dashes, so the text is repaired and normalised first, but every
extracted value must still quote the caller's *original* characters: the
:class:`NormalizedText` returned by :func:`normalize` maps any span of the
normalised text back to the exact span of the input it came from.

Pipeline of :func:`normalize` (each step is skipped when it has nothing to do):

1. :func:`repair` — re-decode runs of mojibake, each run only where the reading
   is plausible (see :func:`repair` for the rules);
2. removals and merges that change lengths — soft hyphen, zero-width space,
   word joiner, BOM are dropped; ``\\r\\n`` and a lone ``\\r`` become ``\\n``;
3. one-to-one character substitutions that keep every offset — curly quotes to
   ``'``/``"``, en/em dashes and minus signs to ``-``, exotic spaces to ``" "``,
   full-width ASCII to ASCII;
4. NFC composition, cluster by cluster (only when the text is not already NFC).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache

import attrs

from korpol._errors import InputTypeError

__all__ = ["NormalizedText", "decode", "non_ascii", "normalize", "repair"]


# ---------------------------------------------------------------------------
# Offset maps
# ---------------------------------------------------------------------------


@attrs.frozen
class _OffsetMap:
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


def _build_map(pieces: Sequence[tuple[int, int, str]]) -> _OffsetMap:
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
    return _OffsetMap(n_pos, n_len, o_pos, o_len)


def _apply(src: str, pieces: Sequence[tuple[int, int, str]]) -> str:
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
    _maps: tuple[_OffsetMap, ...] = attrs.field(default=(), repr=False, eq=False, alias="maps")

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


# ---------------------------------------------------------------------------
# Mojibake repair
# ---------------------------------------------------------------------------

# CP1252 prints bytes 0x80-0x9F as these characters; Latin-1 as C1 controls.  Either
# way each character stands for exactly one byte, so a run of them can be turned
# back into the bytes it was decoded from.
_CP1252_EXTRA = {
    bytes([b]).decode("cp1252"): chr(b)
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_TO_LATIN1 = str.maketrans(_CP1252_EXTRA)

# Characters that NFKC would fold but that are common in news text and must survive
# repair: characters produced by a repair that are to be dropped right away.
_DROP = frozenset("\u00ad\u200b\u2060\ufeff")

# Decoded characters accepted from an EUC-KR pair outside the Hangul block: the
# punctuation, symbols and Latin letters of KS X 1001 rows 1-3 and 8-9 that news
# pages use.  Anything else (box drawing, kana, Cyrillic, Hanja, ...) is "other",
# accepted only where the page is already known to be EUC-KR mojibake.
_EK_SYMBOLS = frozenset(
    "’‘“”·…〈〉《》「」『』【】※★☆○●◎◇◆□■△▲▽▼→←↑↓°℃±×÷㈜№™€®～∼―"
    "łŁøØæÆßœŒðđþÞħı①②③④⑤⑥⑦⑧⑨⑩ⓒ"
)


_SPANISH_AFTER_BANG = frozenset(bytes([b]) for b in "ÁÉÍÓÚÑÜáéíóúñü¿".encode("latin-1"))


@cache
def _run_re() -> re.Pattern[str]:
    extra = "".join(sorted(_CP1252_EXTRA))
    return re.compile(f"[\\x80-\\xff{re.escape(extra)}]{{2,}}")


@cache
def _signature_re() -> re.Pattern[str]:
    """Every mojibake run holds a Latin-1 letter/symbol followed by another byte character."""
    extra = "".join(sorted(_CP1252_EXTRA))
    return re.compile(f"[\\xa1-\\xfe][\\x80-\\xff{re.escape(extra)}]")


# Latin-1 bytes that cannot start a signature (everything outside \xa1-\xfe).
_NOT_SIGNATURE_START = bytes(range(0xA1)) + b"\xff"


def _may_hold_signature(text: str) -> bool:
    """Whether ``text`` holds a character in ``\\xa1-\\xfe``, where every signature starts.

    Clean UTF-8 news has curly quotes and dashes but rarely such characters; this
    test runs in C at memcpy speed (dropping everything else), 3x faster than the
    signature regex looking at each character.
    """
    return bool(text.encode("latin-1", "ignore").translate(None, _NOT_SIGNATURE_START))


@cache
def _utf8_seq_re() -> re.Pattern[bytes]:
    return re.compile(
        rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
        rb"|\xe2\x80(?![\x80-\xbf])"  # "â€" whose last byte was lost (CP1252 cannot show 0x9D)
    )


@cache
def _euc_full_re() -> re.Pattern[bytes]:
    return re.compile(rb"[\xa1-\xfe]+")


@cache
def _hangul_re() -> re.Pattern[str]:
    return re.compile("[\uac00-\ud7a3]+")


@cache
def _hangul2_re() -> re.Pattern[str]:
    return re.compile("[\uac00-\ud7a3]{2}")


@cache
def _latin_word_syllable_re() -> re.Pattern[str]:
    return re.compile("[A-Za-z][\xb0-\xc8][\xa1-\xfe][A-Za-z]")


@cache
def _ek_symbols_re() -> re.Pattern[str]:
    return re.compile(f"[{re.escape(''.join(sorted(_EK_SYMBOLS)))}]")


@cache
def _latin1_high_re() -> re.Pattern[str]:
    return re.compile("[\x80-\xff]+")


@cache
def _nonascii_re() -> re.Pattern[str]:
    return re.compile("[^\x00-\x7f]+")


@cache
def _euc_pair_re() -> re.Pattern[bytes]:
    return re.compile(rb"[\xa1-\xfe]{2}")


def _utf8_ok(ch: str, nbytes: int) -> int:
    """0 = implausible, 1 = plausible only with other evidence, 2 = convincing."""
    cp = ord(ch)
    if nbytes == 2:
        if 0xA0 <= cp <= 0x17F or 0x370 <= cp <= 0x3FF or 0x400 <= cp <= 0x4FF:
            return 2
        return 1 if 0x180 <= cp <= 0x24F else 0
    if (
        0x2000 <= cp <= 0x2BFF  # punctuation, currency, letterlike, arrows, symbols
        or 0xAC00 <= cp <= 0xD7A3  # Hangul syllables
        or 0x3000 <= cp <= 0x30FF  # CJK punctuation, kana
        or 0x3130 <= cp <= 0x318F
        or 0x1E00 <= cp <= 0x1EFF  # Latin extended additional (Vietnamese)
    ):
        return 2
    if 0x4E00 <= cp <= 0x9FFF or 0xFF01 <= cp <= 0xFF5E or 0x1F300 <= cp <= 0x1FAFF:
        return 1
    return 0


@attrs.frozen
class _Reading:
    pieces: tuple[tuple[int, int, str], ...]  # offsets relative to the run
    covered: int
    strong: bool
    letters: bool  # holds Hangul/Hanja/other letters (for the flank rule)


_NO_READING = _Reading((), 0, False, False)


def _read_utf8(raw: bytes) -> _Reading:
    pieces: list[tuple[int, int, str]] = []
    covered = long_chars = 0
    strong = False
    for m in _utf8_seq_re().finditer(raw):
        seq = m.group()
        if seq == b"\xe2\x80":
            pieces.append((m.start(), m.end(), "\u201d"))
            covered += 2
            strong = True
            continue
        try:
            ch = seq.decode("utf-8")
        except UnicodeDecodeError:
            continue
        grade = _utf8_ok(ch, len(seq))
        if not grade:
            continue
        strong = strong or grade == 2
        pieces.append((m.start(), m.end(), ch))
        covered += len(seq)
        long_chars += len(seq) >= 3
    # Two CJK characters re-decoded from a run with nothing left over are no accident.
    strong = strong or (long_chars >= 2 and covered == len(raw))
    return _Reading(tuple(pieces), covered, strong, False) if pieces else _NO_READING


def _euc_grade(pair: bytes, ch: str) -> str:
    """``H`` Hangul, ``S`` a symbol convincing on its own, ``W`` anything else decodable."""
    if "\uac00" <= ch <= "\ud7a3":
        return "H"
    if ch in _EK_SYMBOLS:
        # "¡" and "©" are real Latin-1 characters; before a Spanish capital ("¡Él") or any
        # capital ("©Éditions") they are more likely text than EUC-KR punctuation.
        if pair[:1] == b"\xa1" and pair[1:] in _SPANISH_AFTER_BANG:
            return "W"
        if pair[:1] == b"\xa9" and 0xC0 <= pair[1] <= 0xDE:
            return "W"
        return "S"
    return "W"


def _euc_reading(pieces: tuple[tuple[int, int, str], ...], grades: str) -> _Reading:
    hangul = grades.count("H")
    weak = grades.count("W")
    symbols = len(grades) - hangul - weak
    strong = hangul >= 2 or (symbols > 0 and hangul == 0 and weak == 0)
    covered = sum(b - a for a, b, _ in pieces)
    return _Reading(pieces, covered, strong, hangul + weak > 0)


def _read_euc(raw: bytes) -> _Reading:
    # Fast path: the whole run is EUC-KR (whole-page mojibake): one decode, one piece.
    if len(raw) % 2 == 0 and _euc_full_re().fullmatch(raw):
        try:
            chars = raw.decode("cp949")
        except UnicodeDecodeError:
            pass
        else:
            if 2 * len(chars) == len(raw):
                others = _hangul_re().sub("", chars)
                grades = "H" * (len(chars) - len(others)) + "".join(
                    _euc_grade(c.encode("cp949"), c) for c in others
                )
                return _euc_reading(((0, len(raw), chars),), grades)
    pieces: list[tuple[int, int, str]] = []
    grades_list: list[str] = []
    for m in _euc_pair_re().finditer(raw):
        pair = m.group()
        try:
            ch = pair.decode("cp949")
        except UnicodeDecodeError:
            continue
        grades_list.append(_euc_grade(pair, ch))
        pieces.append((m.start(), m.end(), ch))
    if not pieces:
        return _NO_READING
    return _euc_reading(tuple(pieces), "".join(grades_list))


def _whole_page_euc(text: str) -> list[tuple[int, int, str]] | None:
    """Pieces for a page that is EUC-KR mojibake from end to end, or None.

    One encode/decode of the page instead of a decision per run; taken only when every
    non-ASCII character belongs to a pair and nearly all pairs are Hangul or the usual
    symbols (a Latin-1 page that happens to decode, "Größe" -> Hanja, does not qualify).
    """
    try:
        decoded = text.encode("latin-1").decode("cp949")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    others = _hangul_re().sub("", decoded)
    hangul = len(decoded) - len(others)
    symbols = len(_ek_symbols_re().findall(others))
    odd = len(others) - len(others.encode("ascii", "ignore")) - symbols
    if hangul + symbols < 2 or odd * 10 > hangul + symbols:
        return None
    # convincing somewhere (two syllables in a row), and no lone syllable inside a Latin word
    if not _hangul2_re().search(decoded) or _latin_word_syllable_re().search(text):
        return None
    src = list(_latin1_high_re().finditer(text))
    dst = list(_nonascii_re().finditer(decoded))
    if len(src) != len(dst):
        return None
    pieces: list[tuple[int, int, str]] = []
    for a, b in zip(src, dst, strict=True):
        if a.end() - a.start() != 2 * (b.end() - b.start()):
            return None
        pieces.append((a.start(), a.end(), b.group()))
    return pieces


def _find_repairs(text: str) -> tuple[list[tuple[int, int, str]], tuple[str, ...]]:
    """The mojibake repairs for ``text`` as sorted ``(start, end, replacement)``."""
    runs = []
    euc_evidence = utf8_evidence = 0
    hit = _signature_re().search(text) if _may_hold_signature(text) else None
    if hit is None:  # the fast path: clean text costs one scan
        return [], ()
    whole = _whole_page_euc(text)
    if whole is not None:
        return whole, ("euc-kr-as-latin-1",)
    pos = hit.start()
    while pos > 0 and ("\x80" <= text[pos - 1] <= "\xff" or text[pos - 1] in _CP1252_EXTRA):
        pos -= 1
    for m in _run_re().finditer(text, pos):
        run = m.group()
        try:
            raw = run.encode("latin-1")
        except UnicodeEncodeError:
            raw = run.translate(_TO_LATIN1).encode("latin-1")
        u = _read_utf8(raw)
        e = _read_euc(raw)
        if e.strong and not (u.strong and u.covered >= e.covered):
            euc_evidence += 1
        if u.strong and not (e.strong and e.covered >= u.covered):
            utf8_evidence += 1
        runs.append((m.start(), m.end(), u, e))
    pieces: list[tuple[int, int, str]] = []
    used: set[str] = set()
    for start, end, u, e in runs:
        take_u = u.covered > 0 and (u.strong or utf8_evidence > 0)
        take_e = e.covered > 0 and (e.strong or euc_evidence > 0)
        if take_e and not e.strong and e.letters:
            # A lone syllable between two letters is an accented word ("FRANÀÇAIS"), not Korean.
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            take_e = not (before.isalpha() and after.isalpha())
        if take_u and take_e:
            if u.covered != e.covered:
                take_u = u.covered > e.covered
            elif u.strong != e.strong:
                take_u = u.strong
            else:
                take_u = utf8_evidence >= euc_evidence
            take_e = not take_u
        reading = u if take_u else e if take_e else None
        if reading is None:
            continue
        used.add("utf-8-as-cp1252" if take_u else "euc-kr-as-latin-1")
        for a, b, ch in reading.pieces:
            pieces.append((start + a, start + b, "" if ch in _DROP else ch))
    return pieces, tuple(sorted(used))


def repair(text: str) -> str:
    """Repair mojibake in ``text``; clean text comes back unchanged.

    Two kinds of damage are undone, run by run, only where the re-decoded text
    is more plausible than the damaged one:

    * UTF-8 bytes shown as CP1252/Latin-1: ``Koreaâ€™s`` -> ``Korea’s``,
      ``Ã©`` -> ``é``, ``í•˜ë‚˜`` -> ``하나``;
    * EUC-KR/CP949 bytes shown as Latin-1/CP1252: ``Korea¡¯s`` -> ``Korea’s``,
      ``¡°``/``¡±`` -> ``“``/``”``, ``¨Ï`` -> ``ⓒ``, ``©©`` -> ``ł``, ``ÇÏ³ª`` -> ``하나``.

    A run is re-decoded when the result is convincing on its own (two or more
    Hangul syllables, or the usual punctuation such as ``¡¯``), or when it is
    merely possible (one syllable, Hanja, ``Ã`` + symbol) and the same page holds
    convincing damage of the same kind.  A single character is never touched,
    so legitimate ``¡Hola!``, ``Ï``, ``©``, ``Größe`` and ``Kraków`` stay as they are.

    >>> repair("Koreaâ€™s exports")
    'Korea’s exports'
    >>> repair("Korea¡¯s ¡°united response¡±")
    'Korea’s “united response”'
    >>> repair("W©©adys©©aw")
    'Władysław'
    >>> repair("¡Hola! Größe, Kraków, ÀÇ") == "¡Hola! Größe, Kraków, ÀÇ"
    True
    """
    if text.isascii():
        return text
    out = text
    for _ in range(2):  # a second pass undoes double encoding ("Ã¢â‚¬â„¢")
        pieces, _used = _find_repairs(out)
        if not pieces:
            break
        out = _apply(out, pieces)
    return out


# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------

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

# Normalising a tab to a space keeps offsets and helps scanners; \n is kept.


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
    maps: list[_OffsetMap] = []
    repairs: tuple[str, ...] = ()
    current = text
    # 1 + 2: repairs and length changes, merged into one map in original coordinates.
    pieces, repairs = ([], ()) if text.isascii() else _find_repairs(text)
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
        current = _apply(text, pieces)
        maps.append(_build_map(pieces))
    # A second repair pass for double-encoded text (rare: only when the first pass repaired).
    if repairs:
        again, more = _find_repairs(current)
        if again:
            maps.append(_build_map(again))
            current = _apply(current, again)
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
            maps.append(_build_map(nfc))
            current = _apply(current, nfc)
    return NormalizedText(text, current, repairs, maps=tuple(maps))


# ---------------------------------------------------------------------------
# Decoding bytes
# ---------------------------------------------------------------------------

#: Order in which :func:`decode` tries encodings (documented in its docstring).
DECODE_ORDER = ("bom", "utf-16-nul-pattern", "utf-8", "utf-8+legacy", "cp949", "cp1252", "latin-1")


@cache
def _high_bytes_re() -> re.Pattern[bytes]:
    return re.compile(rb"[\x80-\xff]+")


def _looks_korean(text: str) -> bool:
    """Most non-ASCII characters are Hangul (or the punctuation Korean pages use)."""
    other = [c for c in text if c > "\x7f"]
    if not other:
        return False
    good = sum(1 for c in other if "\uac00" <= c <= "\ud7a3" or c in _EK_SYMBOLS)
    # CP949's extension syllables (outside KS X 1001) are rare in real Korean text, but
    # they are what a CP1252 byte before an ASCII letter turns into ("Korea\x92s" ->
    # "Korea뭩"): when they are most of the Hangul, the bytes are not Korean.
    extension = sum(1 for c in other if "\uac00" <= c <= "\ud7a3" and not _in_ks_x_1001(c))
    if extension * 2 > good:
        return False
    return (good * 2 >= len(other) and good >= 2) or good == len(other)


@functools.lru_cache(maxsize=4096)
def _in_ks_x_1001(c: str) -> bool:
    """``c`` is one of the 2,350 Hangul syllables EUC-KR can encode."""
    try:
        return len(c.encode("euc_kr")) == 2
    except UnicodeEncodeError:
        return False


def _decode_legacy(chunk: bytes) -> tuple[str, str]:
    try:
        text = chunk.decode("cp949")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_korean(text):
            return text, "cp949"
    try:
        return chunk.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return chunk.decode("latin-1"), "latin-1"


def decode(data: bytes | bytearray | memoryview) -> tuple[str, str]:
    """Decode ``data`` and say which encoding was used; never raises on content.

    The order tried:

    1. a byte-order mark: UTF-32, UTF-8 (``utf-8-sig``), UTF-16;
    2. UTF-16 without a BOM, when NUL bytes fill every other position;
    3. strict UTF-8;
    4. a mix — UTF-8 wherever it is well-formed, the other stretches read as
       CP949 if they look Korean, else CP1252, else Latin-1 (``"utf-8+cp949"``,
       ``"utf-8+cp1252"``, ``"utf-8+latin-1"``);
    5. CP949 (a superset of EUC-KR) when the result is mostly Hangul;
    6. CP1252; 7. Latin-1, which accepts any byte, so decoding always succeeds.

    The text is returned as decoded: mojibake inside it is left to :func:`normalize`.

    >>> decode("Korea’s".encode("utf-8"))
    ('Korea’s', 'utf-8')
    >>> decode("한국 K2".encode("euc_kr"))
    ('한국 K2', 'cp949')
    >>> decode("Größe".encode("cp1252"))
    ('Größe', 'cp1252')
    >>> decode(b"\\xef\\xbb\\xbfhi")
    ('hi', 'utf-8-sig')
    >>> decode("K2 ’s".encode("utf-8") + b" caf\\xe9")
    ('K2 ’s café', 'utf-8+cp1252')
    >>> decode("Hi")
    Traceback (most recent call last):
    ...
    korpol._errors.InputTypeError: data: expected bytes, got str ('Hi')
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputTypeError("data", data, "bytes")
    data = bytes(data)
    # 1. byte-order marks (UTF-32 first: its LE mark starts with UTF-16's)
    for bom, name in (
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    # 2. UTF-16 without a BOM: ASCII-range text leaves a NUL in every other byte
    if len(data) >= 4 and len(data) % 2 == 0:
        even, odd = data[0::2].count(0), data[1::2].count(0)
        half = len(data) // 2
        if odd * 10 >= half * 7 and even * 10 < half:
            return data.decode("utf-16-le", errors="replace"), "utf-16-le"
        if even * 10 >= half * 7 and odd * 10 < half:
            return data.decode("utf-16-be", errors="replace"), "utf-16-be"
    # 3. UTF-8
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # 4. a mix: each run of non-ASCII bytes is UTF-8 if it can be, else one legacy
    # encoding chosen for all the other runs of the page together
    runs = list(_high_bytes_re().finditer(data))
    bad: list[re.Match[bytes]] = []
    utf8_runs = 0
    for m in runs:
        try:
            m.group().decode("utf-8")
        except UnicodeDecodeError:
            bad.append(m)
        else:
            utf8_runs += 1
    if utf8_runs:
        _, legacy = _decode_legacy(b" ".join(m.group() for m in bad))
        used = {legacy}
        parts: list[str] = []
        last = 0
        for m in runs:
            parts.append(data[last : m.start()].decode("ascii"))
            chunk = m.group()
            try:
                parts.append(chunk.decode("utf-8"))
            except UnicodeDecodeError:
                try:
                    parts.append(chunk.decode(legacy))
                except UnicodeDecodeError:
                    parts.append(chunk.decode("latin-1"))
                    used.add("latin-1")
            last = m.end()
        parts.append(data[last:].decode("ascii"))
        return "".join(parts), "utf-8+" + "+".join(sorted(used))
    # 5-7. one legacy encoding for the whole text
    return _decode_legacy(data)
