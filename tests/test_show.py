"""How records look: a short repr and str, and notebook HTML with the evidence span marked."""

from __future__ import annotations

import html.parser
import shutil
import subprocess
from pathlib import Path

import pytest

from korpol import Corpus, Document, Evidence, Leader, parse

TEXT = ("WARSAW (Reuters) - Poland signed a contract on Friday to buy 180 K2 tanks from South Korea's "
        "Hyundai Rotem for about $6.5 billion, the defence ministry said. <script>alert(1)</script> & more.")


@pytest.fixture(scope="module")
def doc() -> Document:
    return parse(TEXT, published="2025-08-01", id="k2 <one>")


def test_repr_and_str_of_a_record_are_one_short_line(doc: Document) -> None:
    deal = doc.arms_deals[0]
    assert repr(deal) == "<ArmsDeal KR → PL, signed: 180 K2, ~USD 6.5 billion, 2025-08-01; 1 evidence>"
    assert str(deal) == "ArmsDeal KR → PL, signed: 180 K2, ~USD 6.5 billion, 2025-08-01"
    assert len(repr(deal)) < 120  # it used to be several kilobytes


def test_repr_of_merged_records_and_documents(doc: Document) -> None:
    kb = Corpus([doc, parse(TEXT, published="2025-08-02", id="again")])
    merged = kb.arms_deals()[0]
    assert repr(merged) == "<MergedArmsDeal deal-1 KR → PL, signed: 180 K2, ~USD 6.5 billion, 2025-08-01; 2 reports>"
    assert repr(doc) == "<Document 'k2 <one>' · 2025-08-01 · 191 characters · 1 arms_deals>"


class _Collector(html.parser.HTMLParser):
    """The marks of a piece of HTML: (label, marked text), and every script element."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, str]] = []
        self.scripts = 0
        self._label: str | None = None
        self._text: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts += 1
        if tag == "mark":
            self._label = dict(attrs)["data-label"]
            self._text = []
        elif tag == "span" and self._label is not None:
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._depth:
            self._depth -= 1
        if tag == "mark" and self._label is not None:
            self.marks.append((self._label, "".join(self._text)))
            self._label = None

    def handle_data(self, data: str) -> None:
        if self._label is not None and not self._depth:
            self._text.append(data)


def test_record_html_marks_the_evidence_span_in_its_sentence(doc: Document) -> None:
    deal = doc.arms_deals[0]
    page = deal._repr_html_()
    found = _Collector()
    found.feed(page)
    assert found.marks == [("ARMS DEAL", deal.evidence[0].text)]
    assert "<td" in page
    assert "180" in page
    assert found.scripts == 0


def test_document_html_marks_every_record_and_escapes_the_text(doc: Document) -> None:
    page = doc._repr_html_()
    found = _Collector()
    found.feed(page)
    assert ("ARMS DEAL", doc.arms_deals[0].evidence[0].text) in found.marks
    assert found.scripts == 0  # the article's "<script>" is text, escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more." in page
    assert "k2 &lt;one&gt;" in page


def test_results_and_corpus_html_are_compact_tables(doc: Document) -> None:
    kb = Corpus([doc])
    results = kb.arms_deals()._repr_html_()
    assert results.count("<tr>") == 2  # the header and one deal
    assert "Supplier → recipient" in results
    corpus = kb._repr_html_()
    assert "arms deals (merged)" in corpus
    assert "2025-08-01 – 2025-08-01" in corpus
    assert Corpus()._repr_html_().count("<table") == 2


def test_a_leader_without_evidence_still_shows() -> None:
    leader = Leader(name="Andrzej Duda", role="president", country="PL", term_start="2015-08-06")
    assert "Andrzej Duda" in leader._repr_html_()
    assert repr(leader) == "<Leader Andrzej Duda, president of PL; 0 evidence>"


def test_an_evidence_sentence_that_lacks_the_quote_shows_both() -> None:
    text = "Poland ordered tanks."
    ev = Evidence(doc_id="a", start=0, end=6, text="Poland", sentence="(repaired) Poland ordered tanks.")
    from korpol import ArmsDeal

    deal = ArmsDeal(supplier="KR", recipient="PL", status="signed", evidence=[ev])
    found = _Collector()
    found.feed(Document(id="a", text=text, arms_deals=[deal]).arms_deals[0]._repr_html_())
    assert found.marks == [("ARMS DEAL", "Poland")]


CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


@pytest.mark.skipif(CHROMIUM is None, reason="needs a headless Chromium (Debian: apt-get install chromium)")
def test_the_notebook_html_renders_in_a_browser(doc: Document, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    kb = Corpus([doc])
    page.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
        + kb._repr_html_() + kb.arms_deals()._repr_html_() + doc.arms_deals[0]._repr_html_() + doc._repr_html_()
        + "</body></html>",
        encoding="utf-8",
    )
    assert CHROMIUM is not None
    run = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=60, check=True,
    )
    found = _Collector()
    found.feed(run.stdout)
    assert ("ARMS DEAL", doc.arms_deals[0].evidence[0].text) in found.marks
    assert found.scripts == 0
