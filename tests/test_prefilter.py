"""The literal pre-filter: it may only ever skip searches that would find nothing."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from korpol import _records
from korpol._records.cues import DEFAULT_CUES, CuePattern
from korpol._regex import may_match, required_literals, trie_pattern


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        pytest.param(r"\b(?:buys?|bought)\b", ("buy", "bought"), id="optional-suffix-drops-the-char"),
        pytest.param(
            r"\b(?:purchas(?:e|ed|ing))\b", ("purchase", "purchasing"), id="group-after-literal"
        ),
        pytest.param(r"(?<!arms )sales", ("sales",), id="look-behind-skipped"),
        pytest.param(r"(?:x+y|zz)", ("x", "zz"), id="repeat-at-least-once"),
        pytest.param(r"(?:a|b*c)", ("a", "c"), id="optional-start-then-literal"),
        pytest.param(r"\d+ tanks", (" tanks",), id="a-later-run-when-the-start-is-a-class"),
        pytest.param(r"(?:cooperation|defen[cs]e) agreements?", (" agreement",), id="the-longer-run-wins"),
        pytest.param(r"\d+(?:,\d{3})*", None, id="no-literal-at-all"),
        pytest.param(r"(?:x|\d)", None, id="one-alternative-unknown"),
        pytest.param(r"(?i:deal)", None, id="inline-flags-unknown"),
    ],
)
def test_required_literals(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert required_literals(re.compile(pattern)) == expected


def test_ignorecase_patterns_are_never_filtered() -> None:
    pattern = re.compile(r"deal", re.IGNORECASE)
    assert required_literals(pattern) is None
    assert may_match(pattern, "DEAL") is True


def test_the_rule_tables_are_mostly_filterable() -> None:
    """The filter is worth having: most cue tables get literals (a regression would silently slow parsing)."""
    tables = list(DEFAULT_CUES.compiled.values())
    assert sum(required_literals(p) is not None for p in tables) >= len(tables) - 2
    assert required_literals(DEFAULT_CUES.compiled["buy"]) is not None


def _rule_patterns() -> list[re.Pattern[str]]:
    """Every pattern the record rules search with: module regexes and cue patterns, compiled."""
    out = []
    for info in pkgutil.iter_modules(_records.__path__):
        module = importlib.import_module(f"korpol._records.{info.name}")
        for value in vars(module).values():
            if isinstance(value, re.Pattern):
                out.append(value)
            elif isinstance(value, CuePattern):
                out.append(DEFAULT_CUES.pattern(value))
    return out


_PATTERNS = [
    *DEFAULT_CUES.compiled.values(),
    *(p for _, p in DEFAULT_CUES.compiled_aid_kinds),
    *(p for _, p in DEFAULT_CUES.compiled_agreement_kinds),
    *_rule_patterns(),
]
_WORDS = sorted({w for p in _PATTERNS for w in (required_literals(p) or ())} | {"the", "tanks", "$3bn", "."})


@settings(max_examples=300, deadline=None)
@given(
    pattern=st.sampled_from(_PATTERNS),
    words=st.lists(st.sampled_from(_WORDS) | st.text(alphabet="abcdeinorst '-", max_size=6), max_size=12),
    glue=st.sampled_from([" ", "", ", "]),
)
def test_a_filtered_out_text_never_matches(pattern: re.Pattern[str], words: list[str], glue: str) -> None:
    text = glue.join(words)
    if not may_match(pattern, text):
        assert pattern.search(text) is None


# ---------------------------------------------------------------- the trie builder

_TRIE_WORDS = st.lists(st.text(alphabet="ab .", min_size=1, max_size=5), max_size=8)


@settings(max_examples=200, deadline=None)
@given(words=_TRIE_WORDS, text=st.text(alphabet="ab .\n", max_size=12))
def test_trie_pattern_matches_the_longest_word_at_a_position(words: list[str], text: str) -> None:
    m = re.match(trie_pattern(words), text)
    longest = max((w for w in words if text.startswith(w)), key=len, default=None)
    assert (m.group() if m else None) == longest


#: words as a gazetteer keys them: one space between their parts
_SPACED_WORDS = st.lists(
    st.lists(st.text(alphabet="ab.", min_size=1, max_size=3), min_size=1, max_size=3).map(" ".join), max_size=8
)


@settings(max_examples=200, deadline=None)
@given(words=_SPACED_WORDS, text=st.text(alphabet="ab .\n\t", max_size=12))
def test_loose_trie_pattern_lets_a_space_match_any_whitespace_run(words: list[str], text: str) -> None:
    # the same word as the plain trie finds in the text with each whitespace run written as one space
    m = re.match(trie_pattern(words, loose_space=True), text)
    plain = re.match(trie_pattern(words), re.sub(r"\s+", " ", text))
    assert (re.sub(r"\s+", " ", m.group()) if m else None) == (plain.group() if plain else None)


def test_trie_pattern_of_no_words_matches_nothing() -> None:
    assert re.search(trie_pattern([]), "any text") is None
    assert re.search(trie_pattern([], loose_space=True), "") is None
