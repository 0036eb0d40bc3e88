"""Many parsed articles as one knowledge base: the corpus, its merged records and its queries.

Why this module exists: one article is one account.  An analyst follows a
relationship over hundreds of articles, each repeating some facts, adding a
few and getting some wrong.  :class:`Corpus` holds the parsed
:class:`~korpol.Document` objects and *merges* the accounts: the same arms
deal, aid package or agreement reported by several articles becomes one
merged record that keeps every report (its document, evidence, date and the
values it stated).  Conflicting figures stay separate :class:`~korpol.Claim` objects
with their sources; nothing is ever averaged.

How two reports are judged to be the same event is written out in
:mod:`~korpol._corpus.matching`; how the merged record is built from them, in
:mod:`~korpol._corpus.merging`.  Merges are computed once per corpus, on the
first query that needs them.

Queries accept ISO codes, names, aliases or :class:`~korpol.Country` objects
and return :class:`Results`, a typed sequence with :meth:`Results.total` and
:meth:`Results.to_dataframe`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, overload

from korpol._corpus.documents import DocumentSet
from korpol._corpus.matching import code_of, resolved
from korpol._corpus.merging import merge_leaders, merged_records, report_order
from korpol._corpus.query import (
    check_period,
    check_system,
    date_bound,
    date_order,
    in_period,
    record_period,
    resolve_parties,
    sides_match,
    system_matches,
    wanted_values,
)
from korpol._corpus.results import Results
from korpol._corpus.sources import seeds_root
from korpol._corpus.sums import linked_aggregates
from korpol._errors import ValidationError, check_opt_str
from korpol._io.columns import (
    AGGREGATES,
    AGREEMENTS,
    AID,
    DEALS,
    DEPLOYMENTS,
    DOCUMENTS,
    LEADERS,
    MEETINGS,
    REPORTS,
    report_lines,
)
from korpol._io.csv import write_csv
from korpol._io.frames import frames
from korpol._io.jsonl import write_jsonl
from korpol._io.sqlite import write_sqlite
from korpol._model import (
    AGGREGATE_OF,
    AGREEMENT_KINDS,
    AID_KINDS,
    DEAL_STATUSES,
    Aggregate,
    Agreement,
    AidPackage,
    ArmsDeal,
    Document,
    Leader,
    Money,
    Party,
)
from korpol._model.merged import LinkedAggregate, MergedArmsDeal, Report, in_usd, parties_of, record_year
from korpol._model.show import table_html

__all__ = [
    "Corpus",
    "load_jsonl",
    "load_seeds",
    "save_jsonl",
]


class Corpus(DocumentSet):
    """Parsed articles as one knowledge base: merged records, queries and exports.

    Build one from documents, texts, a directory or an export; it never
    changes after construction (merges are computed once, on first query).

    >>> from korpol import ArmsDeal, Country, Document, Money, TimeSpan
    >>> kr, pl = Country(code="KR", name="South Korea"), Country(code="PL", name="Poland")
    >>> def article(i, figure):
    ...     deal = ArmsDeal(supplier=kr, recipient=pl, status="signed", systems=["K2"], quantity=180,
    ...                     value=Money(amount=figure, currency="USD"), date=TimeSpan.year(2025))
    ...     return Document(id=f"a{i}", text="...", arms_deals=[deal])
    >>> kb = Corpus([article(1, 6_500_000_000), article(2, 6_520_000_000), article(3, 8_000_000_000)])
    >>> deal, = kb.arms_deals(supplier="KR", recipient="Poland")
    >>> len(deal.reports), [len(c.sources) for c in deal.claims if c.field == "value"], str(deal.value)
    (3, [2, 1], 'USD 6,520,000,000')
    """

    __slots__ = ()

    # -------------------------------------------------------- exports

    def save_jsonl(self, path: str | os.PathLike[str]) -> Path:
        """Write one JSON document per line (atomic; exact round trip).

        >>> import pathlib, tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = Corpus.from_texts(["Poland ordered tanks."]).save_jsonl(pathlib.Path(tmp) / "kb.jsonl")
        ...     lines = path.read_text(encoding="utf-8").splitlines()
        >>> path.name, len(lines)
        ('kb.jsonl', 1)
        """
        return write_jsonl(self._documents, path)

    def to_sqlite(self, path: str | os.PathLike[str]) -> Path:
        """Write an SQLite database (schema in docs/exports.md; atomic; exact round trip).

        >>> import pathlib, sqlite3, tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = Corpus.from_texts(["Poland ordered tanks."]).to_sqlite(pathlib.Path(tmp) / "kb.db")
        ...     with sqlite3.connect(path) as db:
        ...         count = db.execute("SELECT count(*) FROM documents").fetchone()[0]
        ...     db.close()
        >>> count
        1
        """
        merged = [*self.arms_deals(), *self.aid_packages(), *self.agreements()]
        return write_sqlite(self._documents, path, merged=merged)

    def to_csv(self, directory: str | os.PathLike[str]) -> list[Path]:
        """Write one CSV file per record type into ``directory`` (columns in docs/exports.md).

        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     names = sorted(p.name for p in Corpus.from_texts(["Poland ordered tanks."]).to_csv(tmp))
        >>> names  # doctest: +NORMALIZE_WHITESPACE
        ['aggregates.csv', 'agreements.csv', 'aid_packages.csv', 'arms_deals.csv',
         'documents.csv', 'leaders.csv', 'reports.csv']
        """
        return write_csv(
            self._documents,
            directory,
            deals=self.arms_deals(),
            aid=self.aid_packages(),
            agreements=self.agreements(),
            leaders=self.leaders(),
            aggregates=self.aggregates(),
        )

    def to_dataframes(self) -> dict[str, Any]:
        """Every table of the corpus as a :class:`pandas.DataFrame` (needs the ``pandas`` extra).

        The keys are ``documents``, ``arms_deals``, ``aid_packages``, ``agreements``
        (merged across articles, one row per event), ``leaders``, ``deployments``,
        ``meetings``, ``reports`` (each article's evidence for each merged record) and
        ``aggregates`` (the recap totals, with the merged records each adds up);
        the columns are those of the CSV export (``docs/exports.md``).  Each column
        has one dtype whatever the corpus: dates ``datetime64``, amounts and USD
        values ``Float64``, counts ``Int64``, flags ``boolean``, text ``string``
        (missing values are ``<NA>``/``NaT``), lists Python lists.

        >>> tables = Corpus.from_texts(["Poland ordered 180 K2 tanks from South Korea for $6.5 billion."],
        ...                            published="2025-08-01").to_dataframes()  # doctest: +SKIP
        >>> tables["arms_deals"][["supplier", "value_usd", "systems"]]  # doctest: +SKIP
          supplier     value_usd systems
        0       KR  6500000000.0    [K2]
        >>> deals, documents = tables["arms_deals"], tables["documents"]  # doctest: +SKIP
        >>> str(deals["value_usd"].dtype), str(documents["published"].dtype)  # doctest: +SKIP
        ('Float64', 'datetime64[s]')
        """
        merged = [*self.arms_deals(), *self.aid_packages(), *self.agreements()]
        return frames(
            {
                "documents": (DOCUMENTS, self._documents),
                "arms_deals": (DEALS, self.arms_deals()),
                "aid_packages": (AID, self.aid_packages()),
                "agreements": (AGREEMENTS, self.agreements()),
                "leaders": (LEADERS, self.leaders()),
                "deployments": (DEPLOYMENTS, self._raw("deployments")),
                "meetings": (MEETINGS, self._raw("meetings")),
                "reports": (REPORTS, list(report_lines(merged))),
                "aggregates": (AGGREGATES, self.aggregates()),
            }
        )

    def _repr_html_(self) -> str:
        """The corpus as a notebook shows it: what it holds, then its first documents."""
        dates = sorted(doc.published for doc in self._documents if doc.published is not None)
        rows = [
            ("documents", f"{len(self):,}"),
            ("published", f"{dates[0]} – {dates[-1]}" if dates else "(no dates)"),
            *((name.replace("_", " ") + " (merged)", f"{len(self._merged(name)):,}")
              for name in ("arms_deals", "aid_packages", "agreements")),
            ("leaders", f"{len(self.leaders()):,}"),
            ("documents with errors", f"{sum(1 for d in self._documents if d.errors):,}"),
        ]
        first = [
            (doc.id, doc.published, (doc.title or "")[:80], len(doc.records))
            for doc in self._documents[:10]
        ]
        more = f"<div>… and {len(self) - 10:,} more documents</div>" if len(self) > 10 else ""
        return (
            f'<div class="korpol korpol-corpus">{table_html(("", ""), rows, caption="Corpus")}'
            f'{table_html(("id", "published", "title", "records"), first)}{more}</div>'
        )

    def __repr__(self) -> str:
        fields = ("arms_deals", "aid_packages", "agreements")
        counts = ", ".join(f"{len(self._merged(name))} {name}" for name in fields)
        return f"<Corpus: {len(self)} documents, {counts}>"

    # -------------------------------------------------------- merging

    def _reports(self, field: str) -> list[Report]:
        reports = []
        for doc in self._documents:
            for record in getattr(doc, field):
                reports.append(Report(doc_id=doc.id, published=doc.published, title=doc.title, record=record))
        order = {id(r): report_order(r, i) for i, r in enumerate(reports)}
        return sorted(reports, key=lambda r: order[id(r)])

    def _merged(self, field: str) -> list[Any]:
        if field not in self._cache:
            self._cache[field] = merged_records(field, self._reports(field))
        result: list[Any] = self._cache[field]
        return result

    def _raw(self, field: str) -> list[Any]:
        return [record for doc in self._documents for record in getattr(doc, field)]

    # -------------------------------------------------------- queries

    @overload
    def arms_deals(
        self,
        *,
        supplier: Party | str | None = ...,
        recipient: Party | str | None = ...,
        party: Party | str | None = ...,
        system: str | None = ...,
        status: str | Iterable[str] | None = ...,
        since: dt.date | int | str | None = ...,
        until: dt.date | int | str | None = ...,
        min_value_usd: Decimal | int | str | None = ...,
        merged: Literal[True] = ...,
    ) -> Results[MergedArmsDeal]: ...

    @overload
    def arms_deals(
        self,
        *,
        supplier: Party | str | None = ...,
        recipient: Party | str | None = ...,
        party: Party | str | None = ...,
        system: str | None = ...,
        status: str | Iterable[str] | None = ...,
        since: dt.date | int | str | None = ...,
        until: dt.date | int | str | None = ...,
        min_value_usd: Decimal | int | str | None = ...,
        merged: Literal[False],
    ) -> Results[ArmsDeal]: ...

    def arms_deals(
        self,
        *,
        supplier: Party | str | None = None,
        recipient: Party | str | None = None,
        party: Party | str | None = None,
        system: str | None = None,
        status: str | Iterable[str] | None = None,
        since: dt.date | int | str | None = None,
        until: dt.date | int | str | None = None,
        min_value_usd: Decimal | int | str | None = None,
        merged: bool = True,
    ) -> Results[MergedArmsDeal] | Results[ArmsDeal]:
        """Arms deals, merged across articles (``merged=False``: every article's own records).

        ``supplier``, ``recipient`` and ``party`` (either side) take an ISO
        code, a name, an alias or a Country; ``system`` a designation, alias
        or category noun (``"K9"`` also finds K9A1); ``status`` one status or
        several; ``since``/``until`` a date, a year or an ISO string (the
        deal's date, else when it was first reported, must overlap);
        ``min_value_usd`` keeps deals whose value is at least that many US
        dollars at the year's rate.  Results are in date order.

        >>> from korpol import ArmsDeal, Document, Money, TimeSpan
        >>> def deal(year, usd):
        ...     return ArmsDeal(supplier="KR", recipient="PL", status="signed", systems=["K9"],
        ...                     value=Money(amount=usd, currency="USD"), date=TimeSpan.year(year))
        >>> kb = Corpus([Document(id="a", arms_deals=[deal(2022, 2_400_000_000)]),
        ...              Document(id="b", arms_deals=[deal(2023, 260_000_000)])])
        >>> [str(d.date) for d in kb.arms_deals(supplier="South Korea", system="K9")]
        ['2022', '2023']
        >>> [str(d.date) for d in kb.arms_deals(since=2022, min_value_usd=1_000_000_000)]
        ['2022']
        """
        suppliers = resolve_parties(supplier, "supplier")
        recipients = resolve_parties(recipient, "recipient")
        parties = resolve_parties(party, "party")
        statuses = wanted_values(status, DEAL_STATUSES, "status")
        system = check_system(system)
        start, end = date_bound(since, "since", upper=False), date_bound(until, "until", upper=True)
        check_period(start, end)
        floor = None if min_value_usd is None else Money(amount=min_value_usd, currency="USD").amount
        found = []
        for deal in self._merged("arms_deals") if merged else self._raw("arms_deals"):
            codes = (code_of(deal.supplier), code_of(deal.recipient))
            if not sides_match(codes, suppliers, recipients, parties):
                continue
            if statuses is not None and deal.status not in statuses:
                continue
            if system is not None and not system_matches(system, deal.systems):
                continue
            if not in_period(deal, start, end):
                continue
            if floor is not None:
                usd = None if deal.value is None else in_usd(deal.value, record_year(deal))
                if usd is None or usd.amount < floor:
                    continue
            found.append(deal)
        return Results(sorted(found, key=date_order), of=ArmsDeal)

    def aid_packages(
        self,
        *,
        donor: Party | str | None = None,
        recipient: Party | str | None = None,
        party: Party | str | None = None,
        kind: str | Iterable[str] | None = None,
        since: dt.date | int | str | None = None,
        until: dt.date | int | str | None = None,
        merged: bool = True,
    ) -> Results[Any]:
        """Aid packages, merged across articles, filtered like :meth:`arms_deals`.

        >>> from korpol import AidPackage, Document, Money
        >>> aid = AidPackage(donor="KR", recipient="UA", kind="humanitarian",
        ...                  value=Money(amount=100_000_000, currency="USD"))
        >>> kb = Corpus([Document(id="a", aid_packages=[aid]), Document(id="b", aid_packages=[aid])])
        >>> found = kb.aid_packages(recipient="Ukraine", kind="humanitarian")
        >>> len(found), len(found[0].reports), len(kb.aid_packages(merged=False))
        (1, 2, 2)
        """
        donors = resolve_parties(donor, "donor")
        recipients = resolve_parties(recipient, "recipient")
        parties = resolve_parties(party, "party")
        kinds = wanted_values(kind, AID_KINDS, "kind")
        start, end = date_bound(since, "since", upper=False), date_bound(until, "until", upper=True)
        check_period(start, end)
        found = []
        for package in self._merged("aid_packages") if merged else self._raw("aid_packages"):
            codes = (code_of(package.donor), code_of(package.recipient))
            if not sides_match(codes, donors, recipients, parties):
                continue
            if kinds is not None and package.kind not in kinds:
                continue
            if not in_period(package, start, end):
                continue
            found.append(package)
        return Results(sorted(found, key=date_order), of=AidPackage)

    def agreements(
        self,
        *,
        party: Party | str | Iterable[Party | str] | None = None,
        kind: str | Iterable[str] | None = None,
        active_on: dt.date | int | str | None = None,
        since: dt.date | int | str | None = None,
        until: dt.date | int | str | None = None,
        merged: bool = True,
    ) -> Results[Any]:
        """Agreements, merged across articles.

        ``party`` is one party or several (all must be parties to it);
        ``active_on`` keeps agreements made on or before that day (their date,
        else their first report) whose stated end (``until``) is not before it.

        >>> from korpol import Agreement, Document, TimeSpan
        >>> plan = Agreement(parties=("KR", "PL"), kind="action_plan", date=TimeSpan.year(2025),
        ...                  until=TimeSpan.year(2028))
        >>> kb = Corpus([Document(id="a", agreements=[plan])])
        >>> len(kb.agreements(party=["KR", "Poland"], active_on="2026-01-01"))
        1
        >>> len(kb.agreements(active_on=2030))  # ended in 2028
        0
        """
        parties = resolve_parties(party, "party")
        kinds = wanted_values(kind, AGREEMENT_KINDS, "kind")
        day = date_bound(active_on, "active_on", upper=False)
        start, end = date_bound(since, "since", upper=False), date_bound(until, "until", upper=True)
        check_period(start, end)
        found = []
        for agreement in self._merged("agreements") if merged else self._raw("agreements"):
            if parties is not None and not parties <= {p.code for p in agreement.parties}:
                continue
            if kinds is not None and agreement.kind not in kinds:
                continue
            if not in_period(agreement, start, end):
                continue
            if day is not None:
                when = record_period(agreement)
                if when is None or when[0] > day:
                    continue
                stop = resolved(agreement.until)
                if stop is not None and stop.end is not None and stop.end < day:
                    continue
            found.append(agreement)
        return Results(sorted(found, key=date_order), of=Agreement)

    def leaders(
        self,
        *,
        country: Party | str | None = None,
        role: str | None = None,
        on: dt.date | str | None = None,
    ) -> Results[Leader]:
        """Office holders named in the corpus, one per person and office, with all their evidence.

        ``country`` takes a country or an organisation; ``role`` is compared
        case-insensitively ("President" finds "president"); ``on`` keeps
        holders whose known term covers that day.

        >>> from korpol import Document, Leader
        >>> duda = Leader(name="Andrzej Duda", role="president", country="PL",
        ...               term_start="2015-08-06", term_end="2025-08-06")
        >>> kb = Corpus([Document(id="a", leaders=[duda])])
        >>> [leader.name for leader in kb.leaders(country="Poland", role="President", on="2024-01-01")]
        ['Andrzej Duda']
        """
        countries = resolve_parties(country, "country")
        role = check_opt_str("role", role)
        day = date_bound(on, "on", upper=False)
        pairs = [(leader, doc) for doc in self._documents for leader in doc.leaders]
        found = []
        for leader in merge_leaders(pairs):
            if countries is not None and code_of(leader.country) not in countries:
                continue
            if role is not None and leader.role != role.strip().lower():
                continue
            if day is not None and not leader.held_on(day):
                continue
            found.append(leader)
        return Results(found, of=Leader)

    def aggregates(
        self,
        *,
        of: str | None = None,
        supplier: Party | str | None = None,
        recipient: Party | str | None = None,
        party: Party | str | None = None,
        since: dt.date | int | str | None = None,
        until: dt.date | int | str | None = None,
    ) -> Results[LinkedAggregate]:
        """The recap totals the articles state, each with the merged records it adds up.

        A recap ("two contracts worth a combined $9.87 billion", "$4 billion in military aid
        since 2022") is never a deal or a package and never added by :meth:`Results.total`;
        here it is kept with its article (``doc_id``) and, when exactly one set of the
        corpus's merged records adds up to it, their ids (``sums``).  ``of`` is
        ``"arms_deals"`` or ``"aid_packages"``; ``supplier`` (the seller or donor),
        ``recipient`` and ``party`` are filtered like :meth:`arms_deals`; ``since``/``until``
        keep the sums stated in articles published in that period.

        >>> kb = Corpus.from_texts([
        ...     "Poland ordered 180 K2 tanks from South Korea for $3.37 billion in August 2022.",
        ...     {"text": "Poland signed a contract for 180 more K2 tanks from South Korea worth $6.5 "
        ...              "billion.", "published": "2025-08-01"},
        ...     {"text": "Poland ordered 48 FA-50 jets from South Korea for $3 billion. Since 2022 Poland "
        ...              "has signed two contracts for K2 tanks with South Korea worth a combined $9.87 "
        ...              "billion.",
        ...      "published": "2025-12-19"}], published="2022-08-27")
        >>> recap, = kb.aggregates(supplier="KR")
        >>> str(recap.value), recap.doc_id, [str(d.value) for d in kb.arms_deals() if d.id in recap.sums]
        ('USD 9,870,000,000', 'text-3', ['USD 3,370,000,000', 'USD 6,500,000,000'])
        """
        if of is not None and of not in AGGREGATE_OF:
            raise ValidationError("of", of, f"must be one of {', '.join(AGGREGATE_OF)}")
        suppliers = resolve_parties(supplier, "supplier")
        recipients = resolve_parties(recipient, "recipient")
        parties = resolve_parties(party, "party")
        start, end = date_bound(since, "since", upper=False), date_bound(until, "until", upper=True)
        if "aggregates" not in self._cache:
            self._cache["aggregates"] = linked_aggregates(
                self._documents, self._merged("arms_deals"), self._merged("aid_packages")
            )
        found = []
        for total in self._cache["aggregates"]:
            codes = (code_of(total.supplier), code_of(total.recipient))
            if of is not None and total.of != of:
                continue
            if not sides_match(codes, suppliers, recipients, parties):
                continue
            if (start is not None or end is not None) and total.published is None:
                continue
            if start is not None and total.published < start:
                continue
            if end is not None and total.published > end:
                continue
            found.append(total)
        return Results(found, of=Aggregate)

    def timeline(self, *, party: Party | str | None = None) -> Results[Any]:
        """Every dated record (merged deals, aid, agreements; deployments, meetings) in date order.

        A record without a resolved date is placed at its first report's
        publication date; ``party`` keeps records it takes part in.

        >>> from korpol import Deployment, Document, TimeSpan
        >>> sent = Deployment(sender="KP", destination="RU", size=3000, date=TimeSpan.year(2024))
        >>> kb = Corpus([Document(id="a", deployments=[sent])])
        >>> [type(r).__name__ for r in kb.timeline(party="RU")], len(kb.timeline(party="PL"))
        (['Deployment'], 0)
        """
        parties = resolve_parties(party, "party")
        items: list[Any] = [
            *self._merged("arms_deals"),
            *self._merged("aid_packages"),
            *self._merged("agreements"),
            *self._raw("deployments"),
            *self._raw("meetings"),
        ]
        found = [item for item in items if parties is None or parties & {p.code for p in parties_of(item)}]
        return Results(sorted(found, key=date_order))

    def reports(self) -> Results[Report]:
        """Every article's account of every deal, package and agreement (before merging).

        >>> from korpol import AidPackage, Document
        >>> aid = AidPackage(donor="KR", recipient="UA", kind="humanitarian")
        >>> kb = Corpus([Document(id="a", aid_packages=[aid]), Document(id="b", aid_packages=[aid])])
        >>> [r.doc_id for r in kb.reports()]
        ['a', 'b']
        """
        fields = ("arms_deals", "aid_packages", "agreements")
        return Results(r for field in fields for r in self._reports(field))


def load_seeds() -> Corpus:
    """The bundled seed articles, parsed with their manifest's dates and titles.

    >>> kb = load_seeds()
    >>> [doc.id for doc in kb]
    ['000_d5eb982e1b5ba0f4', '001_b0705b4e734219a1', '002_3f06c40906e4dae8']
    >>> str(kb["002_3f06c40906e4dae8"].published)
    '2024-10-24'
    """
    return Corpus.from_dir(seeds_root())


def save_jsonl(documents: Corpus | Iterable[Document], path: str | os.PathLike[str]) -> Path:
    """Write one ``Document.to_dict()`` per line (UTF-8, atomic) and return the path.

    >>> import tempfile, pathlib
    >>> from korpol import Document
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "docs.jsonl"
    >>> _ = save_jsonl([Document(id="a", text="Seoul")], out)
    >>> load_jsonl(out)["a"].text
    'Seoul'
    """
    corpus = documents if isinstance(documents, Corpus) else Corpus(documents)
    return corpus.save_jsonl(path)


def load_jsonl(path: str | os.PathLike[str]) -> Corpus:
    """Read a file written by :func:`save_jsonl` into a :class:`~korpol.Corpus`.

    A line that is not a valid document raises :class:`~korpol.ValidationError`
    naming the line number.

    >>> import tempfile, pathlib
    >>> from korpol import Document
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "kb.jsonl"
    >>> path = save_jsonl([Document(id="a", text="Seoul"), Document(id="b")], out)
    >>> [doc.id for doc in load_jsonl(path)]
    ['a', 'b']
    """
    return Corpus.load_jsonl(path)
