"""Saved web pages: the article's main text, its title, date and URL, and a way back to the page.

Why this module exists: analysts save news pages as HTML.  Parsed as text, a page gives
evidence that starts at ``<!DOCTYPE html>`` and records from the "Related stories" sidebar.
:func:`read_html` keeps only the article: its main text (menus, sidebars, related links,
footers, scripts and styles left out), the page's title, publication date and canonical URL,
and for every character of that text the span of the page it came from
(:meth:`HtmlArticle.page_span`), so that evidence found in the text can be shown in the page.

Two extractors do the same job:

* ``"trafilatura"`` — the `trafilatura <https://trafilatura.readthedocs.io>`_ library (the
  ``html`` extra, ``pip install 'korpol[html]'``), well kept and tuned on thousands of news
  sites; it gives text without offsets, so each paragraph it returns is found again in the
  page's visible text (furniture left out, as below) to map it back, and a paragraph not
  found there is left out;
* ``"korpol"`` — a plain reader on the standard library's :mod:`html.parser`: the text of
  ``<article>`` (else ``<main>``, else the page), leaving out ``nav``, ``aside``, ``footer``,
  forms, figures and elements whose class or id says they are related links, sharing, comments
  or advertising, and paragraphs that are mostly links.

``"auto"`` (the default) uses trafilatura when it is installed.  The metadata is always read
by korpol itself from the page's ``<head>`` (Open Graph, JSON-LD, ``<link rel=canonical>``,
``<time>``), so it does not depend on the extractor; a date is taken as the page states it,
in the zone it states (never guessed from text or the clock).

>>> page = '''<html><head><title>K2 deal | News</title>
... <meta property="article:published_time" content="2025-08-01T09:30:00+09:00"></head>
... <body><nav>Home | World</nav><article><h1>Poland signs K2 deal</h1>
... <p>Poland signed a contract to buy 180 K2 tanks &amp; more.</p></article>
... <aside>Related: Romania buys K9</aside></body></html>'''
>>> art = read_html(page, extractor="korpol")
>>> print(art.text)
Poland signs K2 deal
<BLANKLINE>
Poland signed a contract to buy 180 K2 tanks & more.
>>> art.title, art.published
('K2 deal | News', datetime.date(2025, 8, 1))
>>> start = art.text.index("& more")
>>> begin, end = art.page_span(start, start + len("& more"))
>>> page[begin:end]
'&amp; more'
"""

from __future__ import annotations

import datetime as dt
import html
import importlib
import json
import re
from array import array
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from typing import Any, Literal

import attrs
from dateutil.parser import isoparse

from korpol._errors import InputTypeError, MissingDependencyError, ValidationError
from korpol._text.decode import decode

__all__ = ["EXTRACTORS", "HtmlArticle", "looks_like_html", "read_html"]

Extractor = Literal["auto", "trafilatura", "korpol"]

#: The ``extractor`` values of :func:`read_html`.
EXTRACTORS: tuple[str, ...] = ("auto", "trafilatura", "korpol")

#: Elements whose content is never article text.
_SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "head", "nav", "aside", "footer", "form",
        "button", "select", "option", "iframe", "object", "embed", "canvas", "figure", "figcaption",
        "dialog", "menu"
    }
)

#: Elements that start and end a block of text (a paragraph of the output).
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
        "section", "article", "main", "header", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "pre",
        "address", "caption", "br", "hr", "center", "details", "summary"
    }
)

_VOID_TAGS = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr"
    }
)

#: Class or id words that mark page furniture, not the article.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:related|recommend(?:ed|ations)?|sidebar|share|sharing|social|promo|newsletter|"
    r"subscri(?:be|ption)|comments?|footer|nav|navbar|navigation|menu|breadcrumbs?|advert(?:isement)?|"
    r"ads?|ad-slot|cookies?|popular|trending|most-read|more-stories|outbrain|taboola|paywall|"
    r"read-more|also-read|tags|topics|byline)(?:$|[\s_-])",
    re.IGNORECASE,
)

_ROLE_FURNITURE = frozenset({"navigation", "complementary", "contentinfo", "banner", "search", "menu"})

#: ``<meta>`` names and properties that state when an article was published, best first.
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
)

_TITLE_META = ("og:title", "twitter:title")

_URL_META = ("og:url",)

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)

_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")

_ISO_START = re.compile(r"\d{4}-\d{2}-\d{2}")

_SPACE = re.compile(r"\s+")


@attrs.frozen(eq=False)
class HtmlArticle:
    """The article of a web page: main text, metadata, and the map back to the page.

    ``text`` is the main text, paragraphs separated by a blank line; ``title``,
    ``published`` (the date the page states, in its own zone) and ``url`` (its
    canonical URL) are ``None`` when the page does not state them;
    ``extractor`` says which extractor read the text; ``encoding`` how bytes
    were decoded (``None`` for a ``str``); ``page`` is the page as text.

    >>> art = read_html('<title>Talks</title><main><p>Seoul &amp; Warsaw met.</p></main>', extractor="korpol")
    >>> art.text, art.title, art.page_span(0, 5)
    ('Seoul & Warsaw met.', 'Talks', (29, 34))
    """

    text: str
    title: str | None
    published: dt.date | None
    url: str | None
    extractor: str
    encoding: str | None
    page: str = attrs.field(repr=False)
    _starts: array[int] = attrs.field(repr=False, alias="starts")
    _ends: array[int] = attrs.field(repr=False, alias="ends")

    def page_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of :attr:`page` that ``text[start:end]`` was read from.

        ``page[span[0]:span[1]]`` is the HTML source of those characters (entities
        such as ``&amp;`` and the tags between them included).

        >>> art = read_html("<p>Seoul <b>and</b> Warsaw</p>", extractor="korpol")
        >>> span = art.page_span(0, len(art.text))
        >>> art.page[span[0]:span[1]]
        'Seoul <b>and</b> Warsaw'
        """
        if not 0 <= start < end <= len(self.text):
            reason = f"not inside the article text (length {len(self.text)})"
            raise ValidationError("span", (start, end), reason)
        return self._starts[start], self._ends[end - 1]

    def __len__(self) -> int:
        return len(self.text)


# ---------------------------------------------------------------- the page as events


@attrs.define
class _Block:
    """One paragraph of the page: its characters and where each came from."""

    chars: list[str] = attrs.field(factory=list)
    starts: list[int] = attrs.field(factory=list)
    ends: list[int] = attrs.field(factory=list)
    link_chars: int = 0
    region: tuple[str, int] | None = None  # ("articlebody" | "article" | "main", element number)
    heading: bool = False


@attrs.define
class _Open:
    tag: str
    skip: bool
    region: tuple[str, int] | None
    link: bool


class _PageReader(HTMLParser):
    """One pass over the page: blocks of visible text with offsets, and the metadata."""

    def __init__(self, page: str, *, by_class: bool = True) -> None:
        super().__init__(convert_charrefs=False)
        self.page = page
        self.by_class = by_class
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", page)]
        self.stack: list[_Open] = []
        self.blocks: list[_Block] = []
        self.block = _Block()
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.in_title = False
        self.h1: str | None = None
        self.h1_parts: list[str] | None = None
        self.canonical: str | None = None
        self.times: list[str] = []
        self.item_date: str | None = None
        self.item_headline: list[str] | None = None
        self.headline: str | None = None
        self.json_ld: list[str] = []
        self.in_json_ld = False
        self.regions = 0

    # -- positions

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    # -- state of the innermost open element

    @property
    def _skip(self) -> bool:
        return bool(self.stack) and self.stack[-1].skip

    @property
    def _region(self) -> tuple[str, int] | None:
        return self.stack[-1].region if self.stack else None

    @property
    def _link(self) -> bool:
        return bool(self.stack) and self.stack[-1].link

    def _end_block(self) -> None:
        if self.block.chars:
            self.blocks.append(self.block)
        self.block = _Block()

    # -- events

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs_ = {name.lower(): (value or "") for name, value in attributes}
        self._metadata(tag, attrs_)
        if tag in _BLOCK_TAGS:
            self._end_block()
        if tag in _VOID_TAGS:
            return
        if tag == "p" and self.stack and self.stack[-1].tag == "p":  # <p> closes an open <p>
            self.stack.pop()
        named = attrs_.get("class", "") + " " + attrs_.get("id", "")
        furniture = (
            tag in _SKIP_TAGS
            or "hidden" in attrs_
            or attrs_.get("aria-hidden") == "true"
            or attrs_.get("role", "").lower() in _ROLE_FURNITURE
            or (self.by_class and bool(_FURNITURE.search(named)))
        )
        region = self._region
        if "articlebody" in attrs_.get("itemprop", "").lower():
            self.regions += 1
            region = ("articlebody", self.regions)
        elif tag == "article" and (region is None or region[0] == "main"):
            self.regions += 1
            region = ("article", self.regions)
        elif tag == "main" and region is None:
            self.regions += 1
            region = ("main", self.regions)
        # a page header or footer inside the article (its byline box) is still the article's
        skip = self._skip or (furniture and not (tag in ("header", "footer") and region is not None))
        if tag == "header" and region is None:
            skip = True
        self.stack.append(_Open(tag, skip, region, self._link or tag == "a"))
        if tag == "title" and not self.title_parts:
            self.in_title = True
        if tag == "h1" and self.h1 is None and not skip:
            self.h1_parts = []
        if tag == "script" and "ld+json" in attrs_.get("type", "").lower():
            self.in_json_ld = True
        if "headline" in attrs_.get("itemprop", "").lower().split() and self.headline is None:
            self.item_headline = []

    def handle_startendtag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attributes)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self._end_block()
        if tag == "title":
            self.in_title = False
        if tag == "h1" and self.h1_parts is not None:
            self.h1 = _clean(" ".join(self.h1_parts)) or None
            self.h1_parts = None
        if tag == "script":
            self.in_json_ld = False
        if self.item_headline is not None and self.stack and self.stack[-1].tag == tag:
            self.headline = _clean(" ".join(self.item_headline)) or None
            self.item_headline = None
        for i in range(len(self.stack) - 1, -1, -1):  # close it, and what was left open inside it
            if self.stack[i].tag == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        self._text(data, self._offset(), None)

    def handle_entityref(self, name: str) -> None:
        self._entity()

    def handle_charref(self, name: str) -> None:
        self._entity()

    def _entity(self) -> None:
        start = self._offset()
        m = _ENTITY.match(self.page, start)
        end = m.end() if m else start + 1
        self._text(html.unescape(self.page[start:end]), start, end)

    def _text(self, data: str, start: int, end: int | None) -> None:
        """Characters of the page: ``data`` read at ``start`` (an entity spans ``start..end``)."""
        if self.in_title:
            self.title_parts.append(data)
        if self.in_json_ld:
            self.json_ld.append(data)
        if self.h1_parts is not None:
            self.h1_parts.append(data)
        if self.item_headline is not None:
            self.item_headline.append(data)
        if self._skip or (self.stack and self.stack[-1].tag in ("script", "style")):
            return
        block = self.block
        if block.region is None:
            block.region = self._region
        block.heading = block.heading or any(o.tag in ("h1", "h2", "h3") for o in self.stack[-3:])
        link = self._link
        for i, char in enumerate(data):
            at, stop = (start + i, start + i + 1) if end is None else (start, end)
            if char.isspace() or char == "\xa0":
                if block.chars and block.chars[-1] != " ":
                    block.chars.append(" ")
                    block.starts.append(at)
                    block.ends.append(stop)
                continue
            block.chars.append(char)
            block.starts.append(at)
            block.ends.append(stop)
            if link:
                block.link_chars += 1

    def _metadata(self, tag: str, attrs_: Mapping[str, str]) -> None:
        if tag == "meta":
            key = (attrs_.get("property") or attrs_.get("name") or attrs_.get("itemprop") or "").lower()
            content = attrs_.get("content", "").strip()
            if key and content and key not in self.meta:
                self.meta[key] = content
        elif tag == "link" and "canonical" in attrs_.get("rel", "").lower().split():
            self.canonical = self.canonical or attrs_.get("href", "").strip() or None
        elif tag == "time" and attrs_.get("datetime"):
            if "datepublished" in attrs_.get("itemprop", "").lower():
                self.item_date = self.item_date or attrs_["datetime"]
            self.times.append(attrs_["datetime"])


def _clean(text: str) -> str:
    return _SPACE.sub(" ", html.unescape(text)).strip()


# ---------------------------------------------------------------- metadata


def _json_ld_objects(texts: list[str]) -> Iterator[Mapping[str, Any]]:
    """The objects of the page's JSON-LD scripts (``@graph`` members too), bounded in depth."""
    for text in texts:
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        todo: list[tuple[Any, int]] = [(data, 0)]
        while todo:
            node, depth = todo.pop(0)
            if depth > 4:
                continue
            if isinstance(node, list):
                todo.extend((item, depth + 1) for item in node[:100])
            elif isinstance(node, Mapping):
                yield node
                if "@graph" in node:
                    todo.append((node["@graph"], depth + 1))


def _day(value: Any) -> dt.date | None:
    """The calendar date an ISO 8601 date or timestamp states, in its own zone; else None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not _ISO_START.match(text):
        return None
    try:
        return isoparse(text).date()
    except (ValueError, OverflowError):
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            return None


def _metadata(reader: _PageReader) -> tuple[str | None, dt.date | None, str | None]:
    """(title, published, url) as the page states them, best source first."""
    ld = [
        obj for obj in _json_ld_objects(reader.json_ld)
        if any(key in obj for key in ("headline", "datePublished"))
    ]
    meta = reader.meta
    titles = [
        *(meta.get(key) for key in _TITLE_META),
        *(obj.get("headline") for obj in ld),
        reader.headline,
        _clean("".join(reader.title_parts)) or None,
        reader.h1,
    ]
    title = next((_clean(t) for t in titles if isinstance(t, str) and _clean(t)), None)
    dates = [
        *(meta.get(key) for key in _DATE_META),
        *(obj.get("datePublished") for obj in ld),
        reader.item_date,
        *reader.times[:1],
    ]
    published = next((d for d in map(_day, dates) if d is not None), None)
    urls = [reader.canonical, *(meta.get(key) for key in _URL_META), *(obj.get("url") for obj in ld)]
    absolute = [u.strip() for u in urls if isinstance(u, str) and u.strip().startswith(("http://", "https://"))]
    url = absolute[0] if absolute else None
    return title, published, url


# ---------------------------------------------------------------- the main text


def _main_blocks(blocks: list[_Block]) -> list[_Block]:
    """The article's paragraphs: its region's (articleBody, else the longest article, else main)."""
    shown = [b for b in blocks if "".join(b.chars).strip()]
    for kind in ("articlebody", "article", "main"):
        sizes: dict[int, int] = {}
        for b in shown:
            if b.region is not None and b.region[0] == kind:
                sizes[b.region[1]] = sizes.get(b.region[1], 0) + len(b.chars)
        if sizes:
            best = max(sizes, key=lambda n: sizes[n])
            shown = [b for b in shown if b.region == (kind, best)]
            break
    # a paragraph that is mostly links is a list of other stories, not the article
    return [b for b in shown if b.heading or b.link_chars * 5 < len(b.chars) * 4]


def _join(blocks: list[_Block]) -> tuple[str, array[int], array[int]]:
    """The paragraphs as one text, a blank line between two, with each character's page span."""
    chars: list[str] = []
    starts, ends = array("q"), array("q")
    for block in blocks:
        lo, hi = 0, len(block.chars)
        while lo < hi and block.chars[lo] == " ":
            lo += 1
        while hi > lo and block.chars[hi - 1] == " ":
            hi -= 1
        if lo == hi:
            continue
        if chars:
            chars.append("\n\n")
            starts.extend((ends[-1], ends[-1]))
            ends.extend((block.starts[lo], block.starts[lo]))
        chars.extend(block.chars[lo:hi])
        starts.extend(block.starts[lo:hi])
        ends.extend(block.ends[lo:hi])
    return "".join(chars), starts, ends


def _trafilatura_text(page: str) -> str | None:
    """The main text trafilatura finds, one paragraph a line (None: nothing found)."""
    try:
        trafilatura = importlib.import_module("trafilatura")
    except ImportError:
        raise MissingDependencyError("trafilatura", "html") from None
    result = trafilatura.bare_extraction(
        page, with_metadata=False, include_comments=False, include_tables=False, include_images=False
    )
    text = getattr(result, "text", None) if result is not None else None
    if isinstance(result, Mapping):  # trafilatura < 1.9 returns a dict
        text = result.get("text")
    return text if isinstance(text, str) and text.strip() else None


def _aligned(lines: list[str], blocks: list[_Block]) -> tuple[str, array[int], array[int]]:
    """Paragraphs from trafilatura, each found again in the page's visible text to map it back.

    The visible text leaves out what korpol knows is page furniture (menus, sidebars, related
    links); a paragraph trafilatura kept that is not found there (a "Most read" link it took
    for the article) is left out, so every character of the result traces back to the page.
    """
    stream, starts, ends = _join(blocks)
    flat = stream.replace("\n\n", "  ")
    chars: list[str] = []
    out_starts, out_ends = array("q"), array("q")
    cursor = 0
    for raw in lines:
        line = _SPACE.sub(" ", raw).strip()
        if not line:
            continue
        at = flat.find(line, cursor)
        if at < 0:
            at = flat.find(line)
        if at < 0:
            continue
        if chars:
            chars.append("\n\n")
            out_starts.extend((out_ends[-1], out_ends[-1]))
            out_ends.extend((starts[at], starts[at]))
        chars.append(line)
        out_starts.extend(starts[at : at + len(line)])
        out_ends.extend(ends[at : at + len(line)])
        cursor = at + len(line)
    return "".join(chars), out_starts, out_ends


def _page_text(page: str | bytes) -> tuple[str, str | None]:
    if isinstance(page, str):
        return page, None
    declared = _CHARSET.search(page[:4096])
    if declared:
        codec = declared.group(1).decode("ascii").lower()
        try:
            return page.decode(codec), codec
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: let korpol find the encoding
    return decode(page)


def looks_like_html(text: str | bytes) -> bool:
    """Whether a text is an HTML page (starts with a doctype, ``<html`` or ``<head``, after blanks).

    >>> looks_like_html("  <!DOCTYPE html><html>..."), looks_like_html("Poland signed <b>a deal</b>.")
    (True, False)
    """
    head = text[:512].lstrip()
    sample = head.decode("ascii", "replace") if isinstance(head, bytes) else head
    sample = sample.lstrip("\ufeff").lstrip().lower()
    return sample.startswith(("<!doctype html", "<html", "<head"))


def read_html(page: str | bytes, *, extractor: Extractor = "auto") -> HtmlArticle:
    """The article of an HTML page: main text, title, date, canonical URL and the map back.

    ``page`` is the page's HTML (``bytes`` are decoded as its ``<meta charset>``
    says, else as :func:`korpol.decode` finds).  ``extractor`` is ``"auto"``
    (trafilatura when installed, else korpol's own reader), ``"trafilatura"``
    (the ``html`` extra; :class:`~korpol.MissingDependencyError` without it) or
    ``"korpol"``.  Evidence found in :attr:`HtmlArticle.text` is shown in the
    page with :meth:`HtmlArticle.page_span`.

    .. versionadded:: 0.2.0

    >>> art = read_html(b'<html><head><meta charset="utf-8"><link rel="canonical" href="https://n.test/a">'
    ...                 b'</head><body><main><p>Seoul \\xe2\\x80\\x94 Warsaw</p></main></body></html>',
    ...                 extractor="korpol")
    >>> art.text, art.url, art.encoding
    ('Seoul — Warsaw', 'https://n.test/a', 'utf-8')
    >>> read_html(42)
    Traceback (most recent call last):
    ...
    korpol._errors.InputTypeError: page: expected str or bytes (an HTML page), got int (42)
    """
    if not isinstance(page, str | bytes):
        raise InputTypeError("page", page, "str or bytes (an HTML page)")
    if extractor not in EXTRACTORS:
        raise ValidationError("extractor", extractor, f"one of {', '.join(EXTRACTORS)}")
    source, encoding = _page_text(page)
    reader = _read(source, by_class=True)
    blocks = _main_blocks(reader.blocks)
    if not blocks:  # a page whose class names all sound like furniture: read it by its elements only
        reader = _read(source, by_class=False)
        blocks = _main_blocks(reader.blocks)
    title, published, url = _metadata(reader)
    used = "korpol"
    if extractor == "trafilatura" or (extractor == "auto" and _has_trafilatura()):
        found = _trafilatura_text(source)
        if found is not None:
            visible = [b for b in reader.blocks if "".join(b.chars).strip()]
            text, starts, ends = _aligned(found.split("\n"), visible)
            used = "trafilatura" if text else "korpol"  # nothing of it traced back: korpol's reading
    if used == "korpol":
        text, starts, ends = _join(blocks)
    return HtmlArticle(
        text=text,
        title=title,
        published=published,
        url=url,
        extractor=used,
        encoding=encoding,
        page=source,
        starts=starts,
        ends=ends,
    )


def _read(source: str, *, by_class: bool) -> _PageReader:
    reader = _PageReader(source, by_class=by_class)
    try:
        reader.feed(source)
        reader.close()
    except (AssertionError, ValueError):  # html.parser gives up on a few malformed declarations
        pass
    reader._end_block()
    return reader


def _has_trafilatura() -> bool:
    try:
        importlib.import_module("trafilatura")
    except ImportError:
        return False
    return True
