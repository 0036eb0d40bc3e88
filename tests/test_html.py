"""Saved web pages: the article's text without boilerplate, the page's metadata, offsets back to the page.

The pages under tests/pages are written for these tests, in the shape real news pages have
(a site header and menu, cookie banner, share tools, figures, ads, a "Related stories" aside,
a newsletter box, a footer, scripts, JSON-LD).  Every page is read by both extractors where
trafilatura is installed (the ``html`` extra), and by korpol's own reader always.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import re
import warnings
from pathlib import Path

import pytest

from korpol import Corpus, InputTypeError, KorpolWarning, MissingDependencyError, ValidationError
from korpol._text.html import read_html

PAGES = Path(__file__).parent / "pages"
HAS_TRAFILATURA = importlib.util.find_spec("trafilatura") is not None
EXTRACTORS = [
    "korpol",
    pytest.param(
        "trafilatura", marks=pytest.mark.skipif(not HAS_TRAFILATURA, reason="the html extra is not installed")
    ),
]

#: What is on the pages but not in their articles.
FURNITURE = ("Related stories", "Romania", "Norway", "Leopard", "Qatar", "cookies", "Advertisement",
             "Share on X", "Sign up", "Russia orders", "Buy 500", "Photo: Wire", "<", "DOCTYPE", "Business")


def _page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def _visible(source: str) -> str:
    """The text a browser shows for a piece of HTML source: tags dropped, entities read, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", source)).split())


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_the_article_text_leaves_the_page_furniture_out(extractor: str) -> None:
    art = read_html(_page("wire_k2.html"), extractor=extractor)  # type: ignore[arg-type]
    assert art.extractor == extractor
    assert art.text.startswith("Poland signs second K2 tank deal with South Korea\n\nWARSAW, Aug 1 (Wire) – Poland")
    assert "South Korea’s Hyundai Rotem" in art.text  # &#8217; read
    assert "Władysław Kosiniak-Kamysz" in art.text  # &#322; read
    assert art.text.endswith("told reporters.")
    for word in FURNITURE:
        assert word not in art.text, word


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_the_page_metadata_is_read_whatever_the_extractor(extractor: str) -> None:
    art = read_html(_page("wire_k2.html"), extractor=extractor)  # type: ignore[arg-type]
    assert (art.title, art.published, art.url, art.encoding) == (
        "Poland signs second K2 tank deal with South Korea",
        dt.date(2025, 8, 1),  # 23:40 in New York: the date where it was published, not UTC's
        "https://wire.example.com/world/poland-k2-deal-2025-08-01/",
        "utf-8",
    )


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_every_character_traces_back_to_the_page(extractor: str) -> None:
    art = read_html(_page("wire_k2.html"), extractor=extractor)  # type: ignore[arg-type]
    for paragraph in re.finditer(r"[^\n]+", art.text):
        start, end = art.page_span(paragraph.start(), paragraph.end())
        assert _visible(art.page[start:end]) == paragraph.group(), paragraph.group()
    i = art.text.index("South Korea’s")
    start, end = art.page_span(i, i + len("South Korea’s"))
    assert art.page[start:end] == "South Korea&#8217;s"


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_records_come_from_the_article_and_evidence_traces_to_the_page(extractor: str) -> None:
    kb = Corpus.from_html([PAGES / "wire_k2.html"], extractor=extractor)  # type: ignore[arg-type]
    doc = kb["wire_k2"]
    assert (doc.title, doc.published, doc.source, doc.encoding) == (
        "Poland signs second K2 tank deal with South Korea",
        dt.date(2025, 8, 1),
        "https://wire.example.com/world/poland-k2-deal-2025-08-01/",
        "utf-8",
    )
    assert [(d.supplier.code, d.recipient.code, d.quantity) for d in doc.arms_deals] == [("KR", "PL", 180)]
    assert not doc.text.startswith("<")  # evidence used to start at <!DOCTYPE html>
    art = read_html(_page("wire_k2.html"), extractor=extractor)  # type: ignore[arg-type]
    assert art.text == doc.text
    for ev in doc.arms_deals[0].evidence:
        assert doc.text[ev.start : ev.end] == ev.text
        start, end = art.page_span(ev.start, ev.end)
        assert _visible(art.page[start:end]) == " ".join(ev.text.split())


def test_the_sidebar_of_a_page_without_article_is_left_out() -> None:
    art = read_html(_page("blog_no_article.html"), extractor="korpol")
    assert art.text == (
        "Seoul pledges aid to Kyiv\n\nSouth Korea pledged $100 million in humanitarian aid to Ukraine last year, "
        "the foreign ministry in Seoul said on Thursday."
    )
    assert (art.title, art.published, art.url) == ("Seoul pledges aid to Kyiv", dt.date(2024, 10, 24), None)


@pytest.mark.skipif(not HAS_TRAFILATURA, reason="the html extra is not installed")
def test_a_paragraph_trafilatura_keeps_from_a_sidebar_is_dropped() -> None:
    # trafilatura takes the "Most read" link for the article; korpol knows it is a sidebar
    art = read_html(_page("blog_no_article.html"), extractor="trafilatura")
    assert "Japan" not in art.text
    assert "South Korea pledged $100 million" in art.text
    kb = Corpus.from_html([PAGES / "blog_no_article.html"], extractor="trafilatura")
    assert [(p.donor.code, p.recipient.code) for p in kb[0].aid_packages] == [("KR", "UA")]


def test_a_page_in_its_declared_legacy_encoding() -> None:
    art = read_html(_page("korean_cp949.html"), extractor="korpol")
    assert (art.title, art.encoding) == ("국방예산", "euc-kr")
    assert art.text == "Poland ordered 96 K9 howitzers from South Korea in 2023.\n\n포란드"


def test_a_page_whose_every_class_sounds_like_furniture_still_gives_its_text() -> None:
    page = '<body class="nav-layout"><div class="sidebar-main"><p>Poland ordered 96 Apache helicopters.</p></div></body>'
    assert read_html(page, extractor="korpol").text == "Poland ordered 96 Apache helicopters."


def test_read_html_argument_errors() -> None:
    with pytest.raises(InputTypeError, match="page: expected str or bytes"):
        read_html(None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="extractor: 'lxml' is not valid"):
        read_html("<p>x</p>", extractor="lxml")  # type: ignore[arg-type]
    art = read_html("<p>Seoul</p>", extractor="korpol")
    with pytest.raises(ValidationError, match="not inside the article text"):
        art.page_span(0, 99)


def test_trafilatura_when_missing_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import korpol._text.html as module

    def missing(name: str) -> object:
        raise ImportError(name)

    monkeypatch.setattr(module.importlib, "import_module", missing)
    with pytest.raises(MissingDependencyError, match=r"pip install 'korpol\[html\]'"):
        read_html("<p>x</p>", extractor="trafilatura")
    assert read_html("<article><p>Seoul</p></article>").extractor == "korpol"  # auto falls back


@pytest.mark.parametrize(
    "page",
    ["", "<", "<html><body><p>unclosed <b>tags <i>everywhere", "<!DOCTYPE html><html></html>",
     "<p>&unknown; &#99999999; &#x110000; &amp</p>", "<![CDATA[x]]><p>a</p>", "<script>never closed"],
    ids=["empty", "lone-bracket", "unclosed", "no-body", "bad-entities", "cdata", "open-script"],
)
def test_malformed_pages_never_raise(page: str) -> None:
    art = read_html(page, extractor="korpol")
    for i in range(len(art.text)):
        art.page_span(i, i + 1)


# ---------------------------------------------------------------- folders


def test_from_dir_reads_pages_and_text_and_recurses_when_asked(tmp_path: Path) -> None:
    (tmp_path / "2025").mkdir()
    (tmp_path / "2025" / "wire_k2.html").write_bytes(_page("wire_k2.html"))
    (tmp_path / "top.txt").write_text("Poland ordered 96 Apache helicopters.", encoding="utf-8")
    (tmp_path / "2025" / "wire_k2.json").write_text('{"title": "Our title"}', encoding="utf-8")
    assert [d.id for d in Corpus.from_dir(tmp_path)] == ["top"]  # this folder only, by default
    kb = Corpus.from_dir(tmp_path, pattern=["**/*.html", "**/*.txt"])
    assert [(d.id, d.title, d.published) for d in kb] == [
        ("2025/wire_k2", "Our title", dt.date(2025, 8, 1)),  # the sidecar wins over the page's title
        ("top", None, None),
    ]
    assert kb["2025/wire_k2"].arms_deals[0].quantity == 180


def test_a_page_saved_as_txt_is_read_as_a_page(tmp_path: Path) -> None:
    (tmp_path / "saved.txt").write_bytes(_page("wire_k2.html"))
    doc = Corpus.from_dir(tmp_path)[0]
    assert doc.text.startswith("Poland signs second K2 tank deal")


def test_a_binary_file_is_named_in_a_warning(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n")
    (tmp_path / "ok.txt").write_text("Seoul and Warsaw talked.", encoding="utf-8")
    with pytest.warns(KorpolWarning, match=r"report\.txt: looks like a PDF, not text"):
        kb = Corpus.from_dir(tmp_path)
    assert [d.id for d in kb] == ["ok", "report"]


def test_utf16_text_is_not_called_binary(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Seoul and Warsaw talked.".encode("utf-16-le"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert Corpus.from_dir(tmp_path)[0].text == "Seoul and Warsaw talked."


def test_files_skipped_by_extension_are_named(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Seoul.", encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "c.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    (tmp_path / "README.md").write_text("about this folder", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    with pytest.warns(KorpolWarning) as caught:
        Corpus.from_dir(tmp_path)
    assert [str(w.message).split(": ", 1)[1] for w in caught] == [
        "skipped 2 file(s) that match no pattern (*.txt, *.html, *.htm): b.pdf, c.docx"
    ]


@pytest.mark.parametrize(
    ("sidecar", "meant"),
    [('{"date": "2024-10-24"}', "published"), ('{"headline": "K2"}', "title"), ('{"link": "https://x"}', "url")],
    ids=["date", "headline", "link"],
)
def test_a_misnamed_sidecar_key_is_named(tmp_path: Path, sidecar: str, meant: str) -> None:
    (tmp_path / "a.txt").write_text("Seoul.", encoding="utf-8")
    (tmp_path / "a.json").write_text(sidecar, encoding="utf-8")
    with pytest.warns(KorpolWarning, match=rf"a\.json: key '\w+' is not read; .*\(did you mean '{meant}'\?\)"):
        doc = Corpus.from_dir(tmp_path)[0]
    assert doc.published is None


def test_gold_annotations_in_a_sidecar_are_not_warned_about(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Seoul.", encoding="utf-8")
    (tmp_path / "a.json").write_text('{"published": "2024-10-24", "arms_deals": [], "notes": "x"}', encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert Corpus.from_dir(tmp_path)[0].published == dt.date(2024, 10, 24)


@pytest.mark.parametrize("pattern", ["", [], [3]], ids=["empty", "empty-list", "not-a-string"])
def test_a_bad_pattern_is_named(tmp_path: Path, pattern: object) -> None:
    with pytest.raises(InputTypeError, match="pattern: expected a glob"):
        Corpus.from_dir(tmp_path, pattern=pattern)  # type: ignore[arg-type]
