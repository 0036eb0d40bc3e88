"""Decoding bytes of unknown encoding: news pages reach korpol as bytes in any common codec.

:func:`decode` tries the encodings in :data:`DECODE_ORDER` and says which one it used.
"""

from __future__ import annotations

import functools
import re
from functools import cache

from korpol._errors import InputTypeError
from korpol._text.repair import EK_SYMBOLS

__all__ = ["DECODE_ORDER", "decode", "without_surrogates"]


#: Order in which :func:`decode` tries encodings (documented in its docstring).
DECODE_ORDER = ("bom", "utf-16-nul-pattern", "utf-8", "utf-8+legacy", "cp949", "cp1252", "latin-1")


_SURROGATES = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with every surrogate code point replaced by U+FFFD (one for one).

    A Python ``str`` may hold lone surrogates (``"\\ud800"``, or a pair split into two
    code points) that no UTF-8 file, JSON reader or SQLite database can keep: they are not
    text.  :func:`korpol.parse` and korpol's readers replace them here, so that every export
    of a document round-trips; the length is unchanged, so every offset still holds.

    >>> without_surrogates("Seoul \\ud83d and Warsaw") == "Seoul \\ufffd and Warsaw"
    True
    >>> without_surrogates("Seoul 🇰🇷") == "Seoul 🇰🇷"
    True
    """
    if text.isascii() or _SURROGATES.search(text) is None:
        return text
    return _SURROGATES.sub("\ufffd", text)


@cache
def _high_bytes_re() -> re.Pattern[bytes]:
    return re.compile(rb"[\x80-\xff]+")


def _looks_korean(text: str) -> bool:
    """Most non-ASCII characters are Hangul (or the punctuation Korean pages use)."""
    other = [c for c in text if c > "\x7f"]
    if not other:
        return False
    good = sum(1 for c in other if "\uac00" <= c <= "\ud7a3" or c in EK_SYMBOLS)
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
