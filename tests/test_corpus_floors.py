"""No annotated set in this repository may lose ground: F1 floors and direction ceilings.

Each set under ``tests/`` (written blind, from publicly reported facts; see each README) is
scored with :func:`korpol.evaluate`, as ``korpol evaluate`` does.  A floor is the set's F1 per
record type when it was last raised, less 0.01; a ceiling is the number of deals and aid
packages with a gold counterpart whose pair was reversed or wrong.  A change that fixes one
sentence at the cost of another set fails here; a change that improves a set should raise its
floor in the same commit.
"""

from __future__ import annotations

import pathlib

import pytest

import korpol

HERE = pathlib.Path(__file__).parent

#: set -> (arms deals, aid packages, agreements, leaders, overall) F1 floors, direction errors ceiling
FLOORS: dict[str, tuple[tuple[float, float, float, float, float], int]] = {
    "corpus": ((0.96, 0.95, 0.87, 0.95, 0.94), 0),
    "corpus_b": ((0.96, 0.93, 0.95, 0.96, 0.96), 0),
    "corpus_c": ((0.85, 0.74, 0.77, 0.97, 0.89), 0),
    "corpus_d": ((0.81, 0.86, 0.73, 0.95, 0.87), 0),
    "corpus_e": ((0.84, 0.87, 0.82, 0.92, 0.87), 2),
    "corpus_f": ((0.83, 0.75, 0.77, 0.94, 0.86), 2),
    "corpus_g": ((0.80, 0.80, 0.81, 0.96, 0.87), 1),
    "corpus_h": ((0.79, 0.59, 0.84, 0.92, 0.83), 1),
    "corpus_i": ((0.87, 0.74, 0.86, 0.95, 0.89), 2),
    "corpus_j": ((0.81, 0.69, 0.79, 0.95, 0.86), 2),
    "corpus_l": ((0.82, 0.77, 0.84, 0.95, 0.87), 2),
    "corpus_k": ((0.73, 0.67, 0.78, 0.97, 0.83), 8),
    "corpus_n": ((0.84, 0.85, 0.85, 0.94, 0.89), 3),
    "corpus_m": ((0.79, 0.63, 0.78, 0.95, 0.83), 8),
    "corpus_o": ((0.77, 0.91, 0.67, 0.93, 0.84), 5),
    "corpus_p": ((0.82, 0.71, 0.82, 0.94, 0.85), 4),
    "corpus_q": ((0.78, 0.86, 0.79, 0.94, 0.85), 2),
    "corpus_r": ((0.80, 0.51, 0.75, 0.96, 0.82), 11),
    "corpus_s": ((0.86, 0.79, 0.90, 0.93, 0.89), 1),
    "corpus_t": ((0.79, 0.46, 0.71, 0.94, 0.81), 4),
    "corpus_u": ((0.85, 0.76, 0.81, 0.96, 0.88), 2),
    "corpus_v": ((0.70, 0.55, 0.58, 0.95, 0.78), 7),
    "corpus_w": ((0.76, 0.64, 0.71, 0.91, 0.81), 4),
    "corpus_x": ((0.80, 0.45, 0.56, 0.95, 0.82), 5),
    "programme_kr_pl": ((0.93, 0.00, 0.65, 0.96, 0.92), 0),
}
TYPES = ("arms_deals", "aid_packages", "agreements", "leaders")


def test_every_annotated_set_has_a_floor() -> None:
    sets = {p.parent.name for p in HERE.glob("*/*.json") if p.with_suffix(".txt").exists()}
    assert sets == set(FLOORS)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_annotated_set_keeps_its_floor(name: str) -> None:
    report = korpol.evaluate(HERE / name)
    (*type_floors, overall_floor), ceiling = FLOORS[name]
    got = {t: round(report.score(t).f1, 3) for t in TYPES}
    assert all(got[t] >= floor for t, floor in zip(TYPES, type_floors, strict=True)), (got, type_floors)
    assert report.overall.f1 >= overall_floor, report.overall.f1
    _checked, reversed_, wrong = report.direction
    assert reversed_ + wrong <= ceiling, report.direction
