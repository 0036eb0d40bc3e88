"""Evaluating korpol on folders of annotated articles: the totals and how they read.

Why this module exists: korpol is meant to be trusted on news it has never seen, so a
user must be able to measure it on *their* articles.  :func:`evaluate` parses every
annotated article, scores it (:mod:`~korpol._evaluate.score`) and adds the results up
into an :class:`EvaluationReport`: precision / recall / F1 per record type, the accuracy
of the fields of matched records, and per article what was missed, what was spurious and
which fields were wrong — as a table or as JSON.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from korpol import _pipeline
from korpol._errors import InputTypeError, ValidationError
from korpol._evaluate.gold import RECORD_TYPES, read_annotation
from korpol._evaluate.score import FIELDS, ArticleResult, FieldScore, TypeScore, score_document
from korpol._model import Document

__all__ = [
    "EvaluationReport",
    "ParseFunction",
    "annotated_pairs",
    "evaluate",
]


ParseFunction = Callable[..., Document]


@attrs.frozen
class EvaluationReport:
    """Scores over every article evaluated (micro-averaged), and per article.

    ``scores`` has one :class:`TypeScore` per record type, in
    :data:`RECORD_TYPES` order; :attr:`overall` adds them up.  ``fields`` has
    one :class:`FieldScore` per scored field.

    >>> report = EvaluationReport.from_articles([])
    >>> report.overall.f1, [s.record_type for s in report.scores]
    (1.0, ['arms_deals', 'aid_packages', 'agreements', 'leaders'])
    """

    articles: tuple[ArticleResult, ...]
    scores: tuple[TypeScore, ...]
    fields: tuple[FieldScore, ...]

    @classmethod
    def from_articles(cls, articles: Iterable[ArticleResult]) -> EvaluationReport:
        """Add up per-article results."""
        articles = tuple(articles)
        totals: dict[str, TypeScore] = {t: TypeScore(t) for t in RECORD_TYPES}
        fields: dict[tuple[str, str], FieldScore] = {
            (t, f): FieldScore(t, f) for t in RECORD_TYPES for f in FIELDS[t]
        }
        for a in articles:
            for s in a.scores:
                totals[s.record_type] += s
            for fs in a.fields:
                fields[fs.record_type, fs.field] += fs
        return cls(articles, tuple(totals.values()), tuple(f for f in fields.values() if f.total))

    @property
    def overall(self) -> TypeScore:
        """All four record types together (micro-average)."""
        total = TypeScore("overall")
        for s in self.scores:
            total = TypeScore("overall", total.tp + s.tp, total.fp + s.fp, total.fn + s.fn)
        return total

    @property
    def direction(self) -> tuple[int, int, int]:
        """(checked, reversed, wrong party): emitted deals and aid packages with a gold counterpart.

        Direction errors matter most: a reversed deal is a wrong record and a miss at once.
        """
        errors = [d for a in self.articles for d in a.direction_errors]
        reversed_ = sum(1 for d in errors if d.kind == "reversed")
        checked = sum(a.direction_right for a in self.articles) + len(errors)
        return checked, reversed_, len(errors) - reversed_

    @property
    def parse_failures(self) -> int:
        """How many articles raised when parsed."""
        return sum(1 for a in self.articles if a.parse_error)

    def score(self, record_type: str) -> TypeScore:
        """The totals of one record type (``"overall"`` for all)."""
        if record_type == "overall":
            return self.overall
        for s in self.scores:
            if s.record_type == record_type:
                return s
        raise ValidationError("record_type", record_type, f"must be one of {', '.join(RECORD_TYPES)}")

    def field(self, record_type: str, field: str) -> FieldScore:
        """The accuracy of one field (total 0 when no matched record had it)."""
        for f in self.fields:
            if (f.record_type, f.field) == (record_type, field):
                return f
        return FieldScore(record_type, field)

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        """The report as JSON; ``errors=True`` adds every article's errors."""
        out: dict[str, Any] = {
            "articles": len(self.articles),
            "types": {s.record_type: s.to_dict() for s in self.scores},
            "overall": self.overall.to_dict(),
            "fields": {f"{f.record_type}.{f.field}": {"correct": f.correct, "total": f.total,
                                                       "accuracy": f.accuracy} for f in self.fields},
            "parse_failures": self.parse_failures,
            "direction": dict(zip(("checked", "reversed", "wrong_party"), self.direction, strict=True)),
            "overall_f1": self.overall.f1,
        }
        if errors:
            out["errors"] = [a.to_dict() for a in self.articles]
        return out

    def format(self, *, errors: bool = False) -> str:
        """The report as a table; ``errors=True`` first lists every article's errors.

        The last line is always ``overall F1 <x>``.
        """
        lines = [line for a in self.articles for line in a.error_lines()] if errors else []
        lines.append(f"articles: {len(self.articles)}")
        lines.append(f"{'type':<14}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>7}{'F1':>7}")
        for s in (*self.scores, self.overall):
            lines.append(f"{s.record_type:<14}{s.tp:>5}{s.fp:>5}{s.fn:>5}"
                         f"{s.precision:>7.2f}{s.recall:>7.2f}{s.f1:>7.2f}")
        for f in self.fields:
            lines.append(f"field {f.record_type}.{f.field}: {f.correct}/{f.total} correct "
                         f"({f.accuracy:.0%})")
        checked, reversed_, wrong = self.direction
        if checked:
            share = (reversed_ + wrong) / checked
            lines.append(
                f"direction: {reversed_ + wrong} of {checked} deals and aid packages with a gold counterpart "
                f"have the wrong pair ({share:.1%}: {reversed_} reversed, {wrong} wrong party)"
            )
        if self.parse_failures:
            lines.append(f"parse failures: {self.parse_failures}")
        lines.append(f"overall F1 {self.overall.f1:.3f}")
        return "\n".join(lines)


def _as_dirs(corpus_dirs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    if isinstance(corpus_dirs, str | os.PathLike):
        return [Path(corpus_dirs)]
    if isinstance(corpus_dirs, bytes) or not isinstance(corpus_dirs, Iterable):
        raise InputTypeError("corpus_dirs", corpus_dirs, "a directory path or an iterable of them")
    dirs = []
    for d in corpus_dirs:
        if not isinstance(d, str | os.PathLike):
            raise InputTypeError("corpus_dirs", d, "a directory path (str or os.PathLike)")
        dirs.append(Path(d))
    return dirs


def annotated_pairs(directory: Path) -> Iterator[tuple[Path, Path]]:
    """``(<id>.txt, <id>.json)`` pairs of a directory, by file name; unpaired files are skipped."""
    if not directory.exists():
        raise FileNotFoundError(f"no such directory: {directory}")
    if not directory.is_dir():
        raise NotADirectoryError(f"not a directory: {directory}")
    for gold in sorted(directory.glob("*.json")):
        text = gold.with_suffix(".txt")
        if text.is_file():
            yield text, gold


def evaluate(
    corpus_dirs: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    parse: ParseFunction | None = None,
) -> EvaluationReport:
    """Parse every annotated article of ``corpus_dirs`` and score it against its gold records.

    Each directory holds pairs ``<id>.txt`` (the article, UTF-8) and
    ``<id>.json`` (the gold annotation); files without a partner are skipped.
    ``parse`` is called as ``parse(text, published=date, id=id)`` and must
    return a :class:`Document`; it defaults to :func:`korpol.parse`.  A text
    that is not UTF-8 is passed as ``bytes``.  An exception from ``parse``
    counts as an article with no records and is reported in
    :attr:`ArticleResult.parse_error`.

    A missing directory raises :class:`FileNotFoundError`; an annotation that
    does not follow the schema raises :class:`AnnotationError` naming the file
    and field, before any article is parsed.

    >>> import json, pathlib, tempfile
    >>> from korpol import Document
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a1.txt").write_text("Poland signed for 180 K2 tanks from Korea.", encoding="utf-8")
    >>> deal = {"supplier": "KR", "recipient": "PL", "status": "signed"}
    >>> gold = {"published": "2022-08-27", "arms_deals": [deal]}
    >>> _ = (folder / "a1.json").write_text(json.dumps(gold), encoding="utf-8")
    >>> def finds_nothing(text, *, published, id):  # a stand-in for korpol.parse
    ...     return Document(id=id, text=text, published=published)
    >>> report = evaluate(folder, parse=finds_nothing)
    >>> score = report.score("arms_deals")
    >>> len(report.articles), score.tp, score.fn, score.recall
    (1, 0, 1, 0.0)

    .. versionadded:: 0.1.0
    """
    if parse is None:
        parse = _pipeline.parse
    work = [(text, read_annotation(gold)) for d in _as_dirs(corpus_dirs) for text, gold in annotated_pairs(d)]
    results = []
    for text_path, annotation in work:
        raw = text_path.read_bytes()
        text: str | bytes
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw
        document: Document | None = None
        error: str | None = None
        try:
            document = parse(text, published=annotation.published, id=annotation.id)
            if not isinstance(document, Document):
                raise InputTypeError("parse() result", document, "a korpol Document")
        except Exception as exc:  # a crash counts as no records, and is reported
            document, error = None, f"{type(exc).__name__}: {exc}"
        results.append(score_document(annotation, document, parse_error=error))
    return EvaluationReport.from_articles(results)


