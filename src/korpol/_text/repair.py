"""Mojibake repair: text that was decoded with the wrong codec, re-decoded where that is plausible.

Why this module exists: a Korean site's EUC-KR page read as Latin-1 turns ``Korea’s`` into
``Korea¡¯s`` and Hangul into ``ÇÏ³ª``; a UTF-8 page read as CP1252 turns it into ``Koreaâ€™s``.
:func:`repair` re-decodes such runs, each run only where the reading is plausible, and
:func:`find_repairs` returns the pieces so that :mod:`korpol._text.normalize` can keep an offset
map across them.
"""

from __future__ import annotations

import re
from functools import cache

import attrs

from korpol._errors import InputTypeError
from korpol._text.offsets import apply

__all__ = ["EK_SYMBOLS", "find_repairs", "repair"]


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
EK_SYMBOLS = frozenset(
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
    return re.compile(f"[{re.escape(''.join(sorted(EK_SYMBOLS)))}]")


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
    if ch in EK_SYMBOLS:
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


def find_repairs(text: str) -> tuple[list[tuple[int, int, str]], tuple[str, ...]]:
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
    >>> repair(b"Korea")
    Traceback (most recent call last):
    ...
    korpol._errors.InputTypeError: text: expected str (decode bytes first), got bytes (b'Korea')
    """
    if not isinstance(text, str):
        raise InputTypeError("text", text, "str (decode bytes first)")
    if text.isascii():
        return text
    out = text
    for _ in range(2):  # a second pass undoes double encoding ("Ã¢â‚¬â„¢")
        pieces, _used = find_repairs(out)
        if not pieces:
            break
        out = apply(out, pieces)
    return out
