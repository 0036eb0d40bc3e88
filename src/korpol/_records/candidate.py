"""A deal or aid package under construction: what the rules fill in before a record is built.
"""

from __future__ import annotations

import attrs

from korpol._model import (
    Money,
    Party,
    TimeSpan,
)
from korpol._records.sentence import Sentence

__all__ = ["Candidate"]


@attrs.define
class Candidate:
    """A record under construction."""

    kind: str  # deal | aid
    sentence: Sentence
    lo: int
    hi: int
    value: Money | None = None
    alt_values: list[Money] = attrs.Factory(list)
    date: TimeSpan | None = None
    systems: list[str] = attrs.Factory(list)
    families: set[str] = attrs.Factory(set)
    categories: set[str] = attrs.Factory(set)
    quantity: int | None = None
    status: str = "signed"
    aid_kind: str = "mixed"
    first: Party | None = None  # supplier / donor
    second: Party | None = None  # recipient
    contractors: list[str] = attrs.Factory(list)
    definite: bool = False
    sentences: list[Sentence] = attrs.Factory(list)
    unoriented: bool = False  # no word orients it, nor any clear deal of the article: left out
    sure: int = 0  # how many of first/second came from explicit cues (not fallbacks)
    aggregate: bool = False  # a sum of several deals or packages ("contracts worth $16.5 billion since 2022")
    count: int | None = None  # how many it sums, where stated ("six contracts")
    grounded: bool = False  # the supplier is named by the sentence's words (a verb, a maker), not the article
    detail: bool = False  # "Under the contract, 116 K2GF tanks ...": a detail of a deal already reported
    origins: list[Party] = attrs.Factory(list)  # makers' states of systems inherited from context
    antecedent: Party | None = None  # the first actor of the sentence before, for "It"/"Its"/"They"
    prior: tuple[Party, ...] = ()  # the states the sentence before names (its actors)
    nearby: frozenset[str] = frozenset()  # states named in this sentence and the two before
    guessed: str = ""  # "supplier"/"recipient": that side is the article's other main party, not named
