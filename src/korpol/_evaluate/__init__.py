"""Scoring korpol against articles an analyst has annotated by hand.

Why this package exists: korpol is meant to be trusted on news it has never seen, so a
user must be able to measure it on *their* articles (``docs/evaluating.md``).

* :mod:`~korpol._evaluate.gold` — reading and checking the gold annotations;
* :mod:`~korpol._evaluate.score` — matching predictions with gold records, counting;
* :mod:`~korpol._evaluate.report` — :func:`evaluate` over folders, the totals as a table or JSON;
* :mod:`~korpol._evaluate.command` — ``korpol evaluate DIR...``.
"""

from korpol._evaluate.command import main
from korpol._evaluate.gold import (
    RECORD_TYPES,
    Annotation,
    AnnotationError,
    GoldAgreement,
    GoldAidPackage,
    GoldArmsDeal,
    GoldLeader,
    read_annotation,
)
from korpol._evaluate.report import EvaluationReport, evaluate
from korpol._evaluate.score import (
    FIELDS,
    ArticleResult,
    FieldError,
    FieldScore,
    Match,
    TypeScore,
    score_document,
)

__all__ = [
    "FIELDS",
    "RECORD_TYPES",
    "Annotation",
    "AnnotationError",
    "ArticleResult",
    "EvaluationReport",
    "FieldError",
    "FieldScore",
    "GoldAgreement",
    "GoldAidPackage",
    "GoldArmsDeal",
    "GoldLeader",
    "Match",
    "TypeScore",
    "evaluate",
    "main",
    "read_annotation",
    "score_document",
]
