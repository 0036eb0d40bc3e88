"""Regex plumbing every scanner shares: prefix-trie patterns and literal pre-filters.

Many names in one alternation are slow; :func:`trie_pattern` builds them as a prefix trie
so the engine walks one branch per character (see PERFORMANCE.md).

Literal pre-filters are the cheap test that tells a regex search it cannot match: the
record rules ask dozens of cue-word questions of every sentence ("is there a purchase
verb?", "a denial?"), and most of the answers are no.  A regex search still walks the whole sentence to say
no; ``"purchas" in sentence`` says it many times faster.  For a pattern
whose every match must begin (after zero-width assertions) with one of a
few literal strings, :func:`required_literals` returns those strings, and
a text holding none of them needs no search at all.  The result is exact:
the filter only ever skips searches that would have found nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

__all__ = ["first_chars", "lead_words", "may_match", "may_match_any", "required_literals", "trie_pattern"]

try:  # Python >= 3.11
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse

_K = TypeVar("_K")

#: opcodes that match no character: skipped before the first literal
_ZERO_WIDTH = frozenset(("AT", "ASSERT", "ASSERT_NOT"))
#: more literals than this cost more to test than the search they would save
_MAX_LITERALS = 64


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` contains; None when that is unknown.

    Each alternative contributes its most telling literal: the text it starts
    with, or a longer run of plain characters it cannot match without.

    >>> required_literals(re.compile(r"\\b(?:buys?|purchas(?:e|ed)|(?<!arms )sales)\\b"))
    ('buy', 'purchase', 'sales')
    >>> required_literals(re.compile(r"\\b(?:defen[cs]e|security) agreements?"))
    (' agreement',)
    >>> required_literals(re.compile(r"\\d+ (?:tanks|jets)"))
    ('tanks', 'jets')
    >>> required_literals(re.compile(r"\\d+(?:,\\d+)?")) is None
    True
    """
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    try:
        found = _needs(list(_sre_parse.parse(pattern.pattern, pattern.flags).data))
    except Exception:  # a parse tree of a shape this reader does not know: no filter
        return None
    if not found or "" in found:
        return None
    unique = list(dict.fromkeys(found))
    # "memorandums" holds "memorandum": testing the shorter one is enough
    return tuple(w for w in unique if not any(o != w and o in w for o in unique))


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when ``pattern`` cannot match anywhere in ``text``.

    >>> may_match(re.compile(r"\\b(?:signed|inked)\\b"), "the deal was sealed")
    False
    """
    need = _known(pattern)
    return need is None or any(map(text.__contains__, need))


#: id(pattern) -> (pattern, its literals); id(tuple of patterns) -> (the tuple, their literals).
#: Keyed by identity because hashing a compiled pattern hashes its whole program every time;
#: holding the key object keeps its id from being reused.  Bounded: every Cues() compiles its own.
_KNOWN: dict[int, tuple[Any, tuple[str, ...] | None]] = {}
_UNIONS: dict[int, tuple[Any, tuple[str, ...] | None]] = {}


def _by_identity(
    cache: dict[int, tuple[Any, tuple[str, ...] | None]],
    key: _K,
    compute: Callable[[_K], tuple[str, ...] | None],
    bound: int,
) -> tuple[str, ...] | None:
    """``compute(key)``, worked out once per object ``key`` (see ``_KNOWN``)."""
    try:
        return cache[id(key)][1]
    except KeyError:
        if len(cache) >= bound:
            cache.clear()
        value = compute(key)
        cache[id(key)] = (key, value)
        return value


def _known(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    return _by_identity(_KNOWN, pattern, required_literals, 4096)


def _union(patterns: tuple[re.Pattern[str], ...]) -> tuple[str, ...] | None:
    return _by_identity(_UNIONS, patterns, _union_now, 256)


def _union_now(patterns: tuple[re.Pattern[str], ...]) -> tuple[str, ...] | None:
    found: list[str] = []
    for pattern in patterns:
        need = _known(pattern)
        if need is None:
            return None
        found.extend(need)
    return tuple(dict.fromkeys(found))


def may_match_any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    """False only when none of ``patterns`` can match anywhere in ``text`` (one test for a whole table).

    >>> may_match_any((re.compile("treaty"), re.compile("accord")), "the two sides met")
    False
    """
    need = _union(patterns)
    return need is None or any(map(text.__contains__, need))


def _items(sub: Any) -> list[Any]:
    return list(sub.data if hasattr(sub, "data") else sub)


def _needs(items: list[Any]) -> list[str] | None:
    """Literals one of which every match of a sequence of parse items contains, or None.

    The options are the sequence's starts and each of its unconditional parts
    (a run of plain characters, a group, a branch, a repeat of at least one);
    the one whose shortest literal is longest wins: it is the rarest to find.
    """
    options: list[list[str]] = []
    start = _prefixes(items)
    if start:
        options.append(start)
    run: list[str] = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(av))
            continue
        if run:
            options.append(["".join(run)])
            run = []
        part: list[str] | None = None
        if name == "SUBPATTERN" and not av[1] and not av[2]:
            part = _needs(_items(av[3]))
        elif name == "BRANCH":
            alts = [_needs(_items(alt)) for alt in av[1]]
            part = None if any(not a for a in alts) else [w for a in alts if a for w in a]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            part = _needs(_items(av[2]))
        if part and len(part) <= _MAX_LITERALS:
            options.append(part)
    if run:
        options.append(["".join(run)])
    options = [o for o in options if o and "" not in o]
    if not options:
        return None
    return max(options, key=lambda o: (min(map(len, o)), -len(o)))


def _prefixes(items: list[Any]) -> list[str] | None:
    """The literal starts of a sequence of parse items, or None."""
    i = 0
    while i < len(items) and str(items[i][0]) in _ZERO_WIDTH:
        i += 1
    if i == len(items):
        return None
    op, av = items[i]
    name = str(op)
    if name == "LITERAL":
        chars = []
        while i < len(items) and str(items[i][0]) == "LITERAL":
            chars.append(chr(items[i][1]))
            i += 1
        head = "".join(chars)
        # the parser factors common starts out ("buys?|bought" is "b" + a branch): put them back
        rest = _prefixes(items[i : i + 1]) if i < len(items) else None
        if rest and len(rest) <= _MAX_LITERALS:
            return [head + r for r in rest]
        return [head]
    if name == "SUBPATTERN":
        _group, add_flags, del_flags, sub = av
        if add_flags or del_flags:
            return None
        return _prefixes(list(sub.data if hasattr(sub, "data") else sub))
    if name == "BRANCH":
        out: list[str] = []
        for alt in av[1]:
            found = _prefixes(list(alt.data if hasattr(alt, "data") else alt))
            if not found:
                return None
            out.extend(found)
        return out
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _high, sub = av
        if low < 1:
            return None
        return _prefixes(list(sub.data if hasattr(sub, "data") else sub))
    return None


# ---------------------------------------------------------------- where a match can start
#
# A scanner that tries a pattern at many positions can skip the positions where no match can
# start.  These read, from the pattern's own parse tree, the characters (:func:`first_chars`) and
# the letter-initial first words (:func:`lead_words`) a match can begin with.  Both are exact or
# say they cannot tell (None): a caller that skips on their answer skips only what would not match.


def first_chars(pattern: str) -> tuple[frozenset[str], bool] | None:
    r"""(the characters a match of ``pattern`` can start with, whether a digit can start it).

    None when that is unknown (an operator it does not read, a case-insensitive group) or when the
    pattern can match the empty string: the caller then tries every position.

    >>> chars, digit = first_chars(r"(?P<q>Q[1-4]|[Tt]he quarter)")
    >>> sorted(chars), digit
    (['Q', 'T', 't'], False)
    >>> first_chars(r"(?:19|20)\d\d") == (frozenset({'1', '2'}), False)
    True
    >>> first_chars(r"x?") is None
    True
    """
    try:
        first = _first_chars(list(_sre_parse.parse(pattern).data))
    except Exception:  # a parse tree of another shape
        return None
    return None if first is None or first[2] else (first[0], first[1])


def lead_words(pattern: str) -> frozenset[str] | None:
    r"""Every word a match of ``pattern`` that starts with a letter can start with; None if unknown.

    A word here is a run of letters and digits; the words the pattern can begin with are read from
    its parse tree (literals, classes, branches, optional parts), words starting with a digit are
    left out.

    >>> sorted(lead_words(r"(?:[Ll]ast|next) (?:year|month)|\d+ days? ago"))
    ['Last', 'last', 'next']
    """
    try:
        states = _first_words(list(_sre_parse.parse(pattern).data), frozenset({("", False)}))
    except Exception:  # a parse tree of another shape
        return None
    return None if states is None else frozenset(w for w, _ended in states if w)


def _first_chars(items: list[tuple[Any, Any]]) -> tuple[frozenset[str], bool, bool] | None:
    """(characters, may be a Unicode digit, may match empty) a parsed sequence can start with.

    None when it cannot tell (an operator it does not know): the caller then assumes any character.
    """
    chars: set[str] = set()
    digit = False
    for op, av in items:
        name = str(op)
        first: tuple[frozenset[str], bool, bool] | None
        if name == "LITERAL":
            first = frozenset(chr(av)), False, False
        elif name == "IN":
            first = _charset(av)
        elif name == "SUBPATTERN":
            _group, add_flags, _del_flags, sub = av
            first = None if add_flags & re.IGNORECASE else _first_chars(list(sub))
        elif name == "BRANCH":
            first = frozenset(), False, False
            for branch in av[1]:
                one = _first_chars(list(branch))
                if one is None:
                    return None
                first = first[0] | one[0], first[1] or one[1], first[2] or one[2]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _high, sub = av
            one = _first_chars(list(sub))
            first = None if one is None else (one[0], one[1], one[2] or low == 0)
        elif name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue  # zero width: the next item starts the match
        else:
            return None
        if first is None:
            return None
        chars |= first[0]
        digit = digit or first[1]
        if not first[2]:
            return frozenset(chars), digit, False
    return frozenset(chars), digit, True


def _charset(items: list[tuple[Any, Any]]) -> tuple[frozenset[str], bool, bool] | None:
    chars: set[str] = set()
    digit = False
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(av))
        elif name == "RANGE" and av[1] - av[0] < 256:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        elif name == "CATEGORY" and str(av) == "CATEGORY_DIGIT":
            digit = True
        else:
            return None
    return frozenset(chars), digit, False


_State = frozenset[tuple[str, bool]]  # (the first word so far, whether it has ended)
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _first_words(items: list[tuple[Any, Any]], states: _State) -> _State | None:
    """The first words after reading ``items`` from ``states``; words starting with a digit dropped.

    None when it cannot tell (an operator it does not know inside a word): the caller then tries
    every word.
    """
    for op, av in items:
        if all(ended for _word, ended in states):
            return states
        name = str(op)
        if name in ("ASSERT", "ASSERT_NOT", "AT"):
            continue  # zero width
        if name == "SUBPATTERN":
            _group, add_flags, _del_flags, sub = av
            if add_flags & re.IGNORECASE:
                return None
            found = _first_words(list(sub), states)
        elif name == "BRANCH":
            union: set[tuple[str, bool]] = set()
            for branch in av[1]:
                one = _first_words(list(branch), states)
                if one is None:
                    return None
                union |= one
            found = frozenset(union)
        elif name in _REPEATS and av[:2] in ((0, 1), (1, 1)):
            once = _first_words(list(av[2]), states)
            if once is None:
                return None
            found = once | states if av[0] == 0 else once
        else:
            found = _step(name, av, states)
        if found is None:
            return None
        # a word starting with a digit is not a letter-initial first word
        states = frozenset((w, ended) for w, ended in found if not w[:1].isdigit())
    return states


def _step(name: str, av: Any, states: _State) -> _State | None:
    """``states`` after one more character: a literal, a class, or a repeat of digits."""
    if name == "LITERAL":
        chars, digit = frozenset(chr(av)), False
    elif name == "IN" and (one := _charset(av)) is not None:
        chars, digit = one[0], one[1]
    elif name in _REPEATS and (one := _first_chars(list(av[2]))) is not None and not one[0] and not one[2]:
        chars, digit = frozenset(), one[1]  # digits repeated: \d{1,2}
    else:
        return None
    out: set[tuple[str, bool]] = set()
    for w, ended in states:
        if ended:
            out.add((w, True))
            continue
        if digit and w:
            return None  # a digit inside a word: the words cannot be listed
        # (a digit as the first character makes a digit-initial word: dropped)
        for ch in chars:
            out.add((w + ch, False) if ch.isalnum() else (w, True))
    return frozenset(out)


def trie_pattern(words: Iterable[str], *, loose_space: bool = False) -> str:
    """A regex source matching any of ``words``, the longest word first where several match.

    Built as a prefix trie so the regex engine walks one branch per character
    instead of trying every word (see PERFORMANCE.md).  With ``loose_space`` a
    space in a word matches any run of whitespace (a gazetteer name broken
    across lines).  No words give a pattern that never matches.

    >>> trie_pattern({"won", "wons", "yen"})
    '(?:wons?|yen)'
    >>> print(trie_pattern(["South Korea"], loose_space=True))
    (?:South\\s+Korea)
    >>> re.search(trie_pattern([]), "anything") is None
    True
    """
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    space = r"\s+" if loose_space else re.escape(" ")

    def build(node: dict[str, Any]) -> str:
        end = "" in node
        alts = [
            (space if ch == " " else re.escape(ch)) + build(child) for ch, child in sorted(node.items()) if ch
        ]
        if not alts:
            return ""
        if len(alts) == 1 and not end:
            return alts[0]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            # a single character needs no group before "?"
            return body + "?" if len(body) == 1 or (len(alts) > 1) else "(?:" + body + ")?"
        return body

    if not trie:
        return _NEVER
    body = build(trie)
    # the root is either one literal run (to be grouped) or already one group of alternatives
    return body if body.startswith("(?:") else "(?:" + body + ")"


#: a pattern that matches nothing (an empty alternation would match everywhere)
_NEVER = r"(?!x)x"
