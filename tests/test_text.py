"""The text layer: decoding, mojibake repair, normalisation and its offset map."""

from __future__ import annotations

import codecs
import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from korpol._errors import InputTypeError
from korpol._text import NormalizedText, decode, normalize, repair


def euc_as_latin1(s: str) -> str:
    """What a page in EUC-KR looks like after a Latin-1 reader."""
    return s.encode("euc_kr").decode("latin-1")


def cp949_as_latin1(s: str) -> str:
    return s.encode("cp949").decode("latin-1")


def utf8_as_cp1252(s: str) -> str:
    """What a UTF-8 page looks like after a Windows-1252 reader (undefined bytes kept as C1)."""
    out = []
    for b in s.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def utf8_as_latin1(s: str) -> str:
    return s.encode("utf-8").decode("latin-1")


@attrs.frozen
class Example:
    id: str
    text: str
    expected: str


def ex(id: str, text: str, expected: str, *marks: pytest.MarkDecorator) -> object:
    return pytest.param(Example(id, text, expected), id=id, marks=marks)


GAP = pytest.mark.xfail(strict=True, reason="known gap")

REPAIRS = [
    # --- EUC-KR / CP949 bytes read as Latin-1: punctuation inside English text
    ex("euc-apostrophe", euc_as_latin1("Korea’s"), "Korea’s"),
    ex("euc-double-quotes", euc_as_latin1("a “united response” now"), "a “united response” now"),
    ex("euc-single-quotes", euc_as_latin1("its ‘deep-strike’ role"), "its ‘deep-strike’ role"),
    ex("euc-copyright-circle", euc_as_latin1("ⓒ Office of the President"), "ⓒ Office of the President"),
    ex("euc-l-stroke", euc_as_latin1("Władysław Kosiniak-Kamysz"), "Władysław Kosiniak-Kamysz"),
    ex("euc-capital-l-stroke", euc_as_latin1("Łukasz"), "Łukasz"),
    ex("euc-middle-dot", euc_as_latin1("Korea·Poland talks"), "Korea·Poland talks"),
    ex("euc-ellipsis", euc_as_latin1("and then… nothing"), "and then… nothing"),
    ex("euc-brackets", euc_as_latin1("「K2」 and 《K9》"), "「K2」 and 《K9》"),
    ex("euc-reference-mark", euc_as_latin1("※ Note"), "※ Note"),
    ex(
        "euc-many-apostrophes",
        euc_as_latin1("Seoul’s and Warsaw’s and NATO’s"),
        "Seoul’s and Warsaw’s and NATO’s",
    ),
    ex("euc-apostrophe-at-end", euc_as_latin1("the allies’"), "the allies’"),
    # --- EUC-KR Hangul
    ex("euc-hangul-word", euc_as_latin1("한국 방산"), "한국 방산"),
    ex("euc-hangul-in-parens", euc_as_latin1("K239 Chunmoo (천무) launcher"), "K239 Chunmoo (천무) launcher"),
    ex("euc-hangul-sentence", euc_as_latin1("무단 전재 및 재배포 금지"), "무단 전재 및 재배포 금지"),
    ex("euc-hangul-after-latin", euc_as_latin1("NATO와 한국"), "NATO와 한국"),
    ex("euc-one-syllable-with-evidence", euc_as_latin1("대통령 및 장관"), "대통령 및 장관"),
    ex(
        "euc-whole-page",
        euc_as_latin1("폴란드 국방부는 “K2 전차”를 샀다.\n한국’s deal"),
        "폴란드 국방부는 “K2 전차”를 샀다.\n한국’s deal",
    ),
    ex(
        "euc-mixed-with-clean-utf8",
        "Poland’s " + euc_as_latin1("한국 방산") + " — ok",
        "Poland’s 한국 방산 — ok",
    ),
    ex("euc-hanja-in-korean-run", euc_as_latin1("韓國 대한민국"), "韓國 대한민국"),
    ex(
        "euc-quotes-and-bar-in-a-sentence",
        euc_as_latin1("Poland’s “K2” deal ― signed"),
        "Poland’s “K2” deal ― signed",
    ),
    ex("euc-single-quoted-system", euc_as_latin1("the ministry’s ‘K9’ order"), "the ministry’s ‘K9’ order"),
    ex("euc-copyright-after-agency", euc_as_latin1("Yonhap ⓒ 2024"), "Yonhap ⓒ 2024"),
    ex("euc-lenticular-brackets", euc_as_latin1("【Seoul】 talks"), "【Seoul】 talks"),
    ex("euc-hangul-with-quoted-system", euc_as_latin1("국방부 장관은 “K2 전차”"), "국방부 장관은 “K2 전차”"),
    ex("euc-degree-plus-minus", euc_as_latin1("°C and ±"), "°C and ±"),
    ex("euc-unit-symbol-km", euc_as_latin1("a 30㎞ range"), "a 30㎞ range", GAP),
    ex("cp949-extension-syllable-high-trail", cp949_as_latin1("똠방각하 문서"), "똠방각하 문서", GAP),
    ex("euc-lone-syllable-without-evidence", euc_as_latin1("의"), "의", GAP),
    # --- UTF-8 read as CP1252 / Latin-1
    ex("utf8-apostrophe", utf8_as_cp1252("Korea’s"), "Korea’s"),
    ex("utf8-quotes", utf8_as_cp1252("a “united” front"), "a “united” front"),
    ex("utf8-em-dash", utf8_as_cp1252("Seoul — Warsaw"), "Seoul — Warsaw"),
    ex("utf8-e-acute", utf8_as_cp1252("café au lait"), "café au lait"),
    ex("utf8-polish", utf8_as_cp1252("Błaszczak in Łódź and Kraków"), "Błaszczak in Łódź and Kraków"),
    ex("utf8-polish-ogonek", utf8_as_cp1252("Bumar-Łabędy"), "Bumar-Łabędy"),
    ex("utf8-german", utf8_as_cp1252("Größe Übung"), "Größe Übung"),
    ex("utf8-hangul", utf8_as_cp1252("하나 둘"), "하나 둘"),
    ex("utf8-hangul-latin1-reader", utf8_as_latin1("한국과 폴란드"), "한국과 폴란드"),
    ex("utf8-euro", utf8_as_cp1252("€290 million"), "€290 million"),
    ex("utf8-pound", utf8_as_latin1("£5 bn"), "£5 bn"),
    ex("utf8-nbsp", utf8_as_latin1("US$\u00a04 billion"), "US$\u00a04 billion"),
    ex("utf8-cyrillic", utf8_as_cp1252("Київ"), "Київ"),
    ex("utf8-japanese", utf8_as_cp1252("日本 東京"), "日本 東京"),
    ex("utf8-double-encoded", utf8_as_cp1252(utf8_as_cp1252("Korea’s")), "Korea’s"),
    ex("utf8-right-quote-lost-byte", "“hello" + utf8_as_cp1252("”")[:2] + " he said", "“hello” he said"),
    ex("utf8-mixed-with-clean", "Poland’s " + utf8_as_cp1252("Kraków") + " “K2”", "Poland’s Kraków “K2”"),
    ex(
        "utf8-polish-name-and-quotes",
        utf8_as_cp1252("Władysław Kosiniak-Kamysz said “yes”"),
        "Władysław Kosiniak-Kamysz said “yes”",
    ),
    ex("utf8-won-sign", utf8_as_cp1252("Seoul’s ₩1.5 trillion"), "Seoul’s ₩1.5 trillion"),
    ex("utf8-en-dash-range", utf8_as_cp1252("2026–2028"), "2026–2028"),
    ex("utf8-bullet", utf8_as_cp1252("• 180 K2 tanks"), "• 180 K2 tanks"),
    ex("utf8-polish-places", utf8_as_cp1252("Gdańsk, Łódź, Świdnik"), "Gdańsk, Łódź, Świdnik"),
    ex("utf8-polish-latin1-reader", utf8_as_latin1("Władysław"), "Władysław"),
    ex("utf8-circled-c", utf8_as_cp1252("ⓒ Yonhap"), "ⓒ Yonhap"),
    # --- clean text that must stay as it is
    ex("clean-ascii", "Poland signed a $6.5 billion deal.", "Poland signed a $6.5 billion deal."),
    ex("clean-spanish", "¡Hola! ¿Qué tal? Señor Muñoz", "¡Hola! ¿Qué tal? Señor Muñoz"),
    ex("clean-spanish-caps", "¡Él llegó! ¡Ésta es la señal!", "¡Él llegó! ¡Ésta es la señal!"),
    ex("clean-double-bang", "¡¡Vamos!!", "¡¡Vamos!!"),
    ex("clean-i-diaeresis", "Ï and ï", "Ï and ï"),
    ex("clean-copyright", "© 2024 Reuters, ©Yonhap", "© 2024 Reuters, ©Yonhap"),
    ex("clean-copyright-french", "©Éditions Gallimard", "©Éditions Gallimard"),
    ex("clean-french-word", "DÉJÀÇA et FRANÀÇAIS", "DÉJÀÇA et FRANÀÇAIS"),
    ex("clean-french-alone", "voilà ÀÇ là", "voilà ÀÇ là"),
    ex("clean-portuguese", "INFORMAÇÃO e AÇÕES", "INFORMAÇÃO e AÇÕES"),
    ex("clean-german", "Größe, Übermaß, Straße", "Größe, Übermaß, Straße"),
    ex(
        "clean-polish",
        "Władysław Kosiniak-Kamysz, Łódź, Bumar-Łabędy",
        "Władysław Kosiniak-Kamysz, Łódź, Bumar-Łabędy",
    ),
    ex("clean-hangul", "케이디펜스 포커스", "케이디펜스 포커스"),
    ex("clean-curly", "He said: “Korea’s K2 — yes…”", "He said: “Korea’s K2 — yes…”"),
    ex("clean-guillemets", "«Élysée» and «ÉTÉ»", "«Élysée» and «ÉTÉ»"),
    ex("clean-degrees", "30°C ±2°", "30°C ±2°"),
    ex("clean-accent-before-quote", "café’s menu", "café’s menu"),
    ex("clean-accent-before-dash", "René—Paris", "René—Paris"),
    ex("clean-fractions", "½ or ¼ or ¾", "½ or ¼ or ¾"),
    ex("clean-icelandic", "Þór and Ðað", "Þór and Ðað"),
    ex("clean-spanish-sentence", "Señora Pérez visitó Varsovia.", "Señora Pérez visitó Varsovia."),
    ex("clean-nordic", "Ørsted and Ålesund", "Ørsted and Ålesund"),
    ex("clean-diaeresis", "naïve résumé coöperate", "naïve résumé coöperate"),
    ex("clean-portuguese-dash", "São Paulo — Brasília", "São Paulo — Brasília"),
    ex("clean-c-cedilla-start", "Ça va? Très bien.", "Ça va? Très bien."),
    ex("clean-polish-z-dot", "Żołnierze Wojska Polskiego", "Żołnierze Wojska Polskiego"),
    ex("clean-currency-signs", "£1bn and ¥500bn", "£1bn and ¥500bn"),
    ex("clean-spanish-marks", "¿Por qué? ¡Porque sí!", "¿Por qué? ¡Porque sí!"),
    ex("clean-empty", "", ""),
    ex("clean-nul", "a\x00b", "a\x00b"),
]


@pytest.mark.parametrize("example", REPAIRS)
def test_repair(example: Example) -> None:
    assert repair(example.text) == example.expected


@pytest.mark.parametrize("example", [pytest.param(p.values[0], id=p.id) for p in REPAIRS])
def test_normalize_maps_back_to_the_original(example: Example) -> None:
    norm = normalize(example.text)
    s, e = norm.to_original(0, len(norm.text))
    assert (s, e) == (0, len(example.text)) or not norm.text.strip()


# --------------------------------------------------------------- normalisation

NORMALIZE = [
    ex("curly-apostrophe", "Korea’s", "Korea's"),
    ex("low-quote", "„Tak”", '"Tak"'),
    ex("curly-double", "“K2”", '"K2"'),
    ex("em-dash", "Seoul — Warsaw", "Seoul - Warsaw"),
    ex("en-dash-range", "2026–2028", "2026-2028"),
    ex("minus-sign", "−5%", "-5%"),
    ex("nbsp", "US$\u00a04\u00a0billion", "US$ 4 billion"),
    ex("narrow-nbsp", "4\u202f000", "4 000"),
    ex("thin-space", "5\u2009km", "5 km"),
    ex("ideographic-space", "한국\u3000폴란드", "한국 폴란드"),
    ex("soft-hyphen", "howit\u00adzers", "howitzers"),
    ex("zero-width-space", "K2\u200bPL", "K2PL"),
    ex("bom-inside", "\ufeffPoland", "Poland"),
    ex("crlf", "one\r\ntwo\rthree", "one\ntwo\nthree"),
    ex("nfc", "Cafe\u0301 Kosciuszko\u0301", "Café Kosciuszkó"),
    ex("nfc-hangul-jamo", "\u1112\u1161\u11ab", "한"),
    # more marks than the stream-safe 30 after one letter: left as is (NFC of it was quadratic)
    ex("nfc-skips-zalgo-cluster", "e" + "\u0301\u0316" * 20 + " e\u0301", "e" + "\u0301\u0316" * 20 + " é"),
    ex("fullwidth", "ＵＳ＄４", "US$4"),
    ex("mojibake-then-normalise", euc_as_latin1("Korea’s “K2”"), 'Korea\'s "K2"'),
    ex("utf8-mojibake-then-normalise", utf8_as_cp1252("Seoul — Warsaw’s"), "Seoul - Warsaw's"),
    ex("ascii-unchanged", "plain text, 100%.", "plain text, 100%."),
    ex("backtick-kept-in-any-text", "Poland`s K2 \u2014 Korea`s", "Poland`s K2 - Korea`s"),
    ex("fullwidth-grave-is-a-backtick", "Korea\uff40s and Poland`s \u2014", "Korea`s and Poland`s -"),
]


@pytest.mark.parametrize("example", NORMALIZE)
def test_normalize(example: Example) -> None:
    assert normalize(example.text).text == example.expected


@attrs.frozen
class SpanExample:
    text: str
    needle: str  # a substring of the normalised text
    original: str  # what it must quote from the input


SPANS = [
    pytest.param(SpanExample(euc_as_latin1("Korea’s K2"), "'", "¡¯"), id="euc-quote-two-chars"),
    pytest.param(SpanExample(euc_as_latin1("Korea’s K2"), "Korea's", "Korea¡¯s"), id="euc-word"),
    pytest.param(SpanExample(euc_as_latin1("Korea’s K2"), "K2", "K2"), id="after-repair"),
    pytest.param(SpanExample(euc_as_latin1("(천무) rockets"), "무", "¹«"), id="euc-one-syllable"),
    pytest.param(SpanExample(euc_as_latin1("(천무) rockets"), "rockets", "rockets"), id="after-hangul"),
    pytest.param(SpanExample(utf8_as_cp1252("Korea’s K2"), "'", "â€™"), id="utf8-quote-three-chars"),
    pytest.param(SpanExample("howit\u00adzers K9", "howitzers", "howit\u00adzers"), id="soft-hyphen-inside"),
    pytest.param(SpanExample("howit\u00adzers K9", "K9", "K9"), id="after-removal"),
    pytest.param(SpanExample("a\r\nb K9", "K9", "K9"), id="after-crlf"),
    pytest.param(SpanExample("a\r\nb", "\n", "\r\n"), id="crlf-itself"),
    pytest.param(SpanExample("Cafe\u0301 K9", "é", "e\u0301"), id="nfc-cluster"),
    pytest.param(SpanExample("Cafe\u0301 K9", "K9", "K9"), id="after-nfc"),
    pytest.param(SpanExample("“K2” deal", '"K2"', "“K2”"), id="same-length-quotes"),
]


@pytest.mark.parametrize("example", SPANS)
def test_to_original_quotes_the_input(example: SpanExample) -> None:
    norm = normalize(example.text)
    start = norm.text.index(example.needle)
    s, e = norm.to_original(start, start + len(example.needle))
    assert example.text[s:e] == example.original


def test_repairs_and_identity() -> None:
    assert normalize(euc_as_latin1("Korea’s")).repairs == ("euc-kr-as-latin-1",)
    assert normalize(utf8_as_cp1252("Korea’s")).repairs == ("utf-8-as-cp1252",)
    plain = normalize("Plain text.")
    assert plain.repairs == ()
    assert not plain.changed
    assert plain.to_original(2, 5) == (2, 5)


def test_type_errors() -> None:
    with pytest.raises(InputTypeError):
        normalize(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InputTypeError):
        decode("text")  # type: ignore[arg-type]


# --------------------------------------------------------------------- decode

DECODE = [
    pytest.param("Korea’s 한국".encode(), ("Korea’s 한국", "utf-8"), id="utf-8"),
    pytest.param(codecs.BOM_UTF8 + b"hi", ("hi", "utf-8-sig"), id="utf-8-bom"),
    pytest.param("hi 한국".encode("utf-16"), ("hi 한국", "utf-16"), id="utf-16-bom"),
    pytest.param("hi 한국".encode("utf-32"), ("hi 한국", "utf-32"), id="utf-32-bom"),
    pytest.param(
        "Poland and Korea".encode("utf-16-le"), ("Poland and Korea", "utf-16-le"), id="utf-16le-nobom"
    ),
    pytest.param(
        "Poland and Korea".encode("utf-16-be"), ("Poland and Korea", "utf-16-be"), id="utf-16be-nobom"
    ),
    pytest.param("한국 방산 수출 K2".encode("euc_kr"), ("한국 방산 수출 K2", "cp949"), id="euc-kr"),
    pytest.param("“K2” 똠방".encode("cp949"), ("“K2” 똠방", "cp949"), id="cp949-extension"),
    pytest.param("Größe € 5".encode("cp1252"), ("Größe € 5", "cp1252"), id="cp1252"),
    pytest.param("Größe".encode("latin-1") + b"\x81", ("Größe\x81", "latin-1"), id="latin-1-last-resort"),
    pytest.param(
        "Korea’s ".encode() + "한국".encode("euc_kr"), ("Korea’s 한국", "utf-8+cp949"), id="mix-euc"
    ),
    pytest.param(
        "Korea’s ".encode() + "café".encode("cp1252"), ("Korea’s café", "utf-8+cp1252"), id="mix-1252"
    ),
    pytest.param(b"", ("", "utf-8"), id="empty"),
    pytest.param(bytearray(b"ok"), ("ok", "utf-8"), id="bytearray"),
    pytest.param("Korea’s".encode("cp1252"), ("Korea’s", "cp1252"), id="cp1252-apostrophe-not-hangul"),
    pytest.param(
        "The ministry’s “K9” deal — signed".encode("cp1252"),
        ("The ministry’s “K9” deal — signed", "cp1252"),
        id="cp1252-sentence",
    ),
    pytest.param("국방부 장관".encode("cp949"), ("국방부 장관", "cp949"), id="cp949-words"),
    pytest.param("ⓒ 연합뉴스".encode("cp949"), ("ⓒ 연합뉴스", "cp949"), id="cp949-copyright-line"),
    pytest.param(
        "Łódź".encode("iso-8859-2"),
        ("Łódź", "iso-8859-2"),
        id="latin-2-polish",
        marks=pytest.mark.xfail(strict=True, reason="Central European code pages are not detected"),
    ),
]


@pytest.mark.parametrize(("data", "expected"), DECODE)
def test_decode(data: bytes, expected: tuple[str, str]) -> None:
    assert decode(data) == expected


# ----------------------------------------------------------------- properties


def _euc_hangul() -> list[str]:
    out = []
    for cp in range(0xAC00, 0xD7A4):
        if len(chr(cp).encode("euc_kr")) == 2:  # not the 8-byte jamo make-up sequence
            out.append(chr(cp))
    return out


EUC_HANGUL = _euc_hangul()  # the 2,350 syllables of KS X 1001

ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=60)
LATINISH = st.characters(min_codepoint=0x20, max_codepoint=0x24F)


@settings(max_examples=200)
@given(ANY_TEXT)
def test_never_raises_and_stays_in_bounds(text: str) -> None:
    repair(text)
    norm = normalize(text)
    assert isinstance(norm, NormalizedText)
    n = len(norm.text)
    previous = (0, 0)
    for start in range(n + 1):
        s, e = norm.to_original(start, n)
        assert 0 <= s <= e <= len(text)
        assert s >= previous[0]  # monotone in the start
        previous = (s, e)


@given(ANY_TEXT, st.integers(-5, 70), st.integers(-5, 70))
def test_to_original_in_bounds_for_any_input(text: str, a: int, b: int) -> None:
    s, e = normalize(text).to_original(a, b)
    assert 0 <= s <= e <= len(text)


@given(st.text(alphabet=st.sampled_from([*EUC_HANGUL[:200], *"’“”ⓒ·… abcK2.,łŁ"]), min_size=1, max_size=40))
def test_spans_are_monotone(text: str) -> None:
    norm = normalize(euc_as_latin1(text))
    n = len(norm.text)
    ends = [norm.to_original(0, q)[1] for q in range(n + 1)]
    assert ends == sorted(ends)


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=80))
def test_ascii_is_never_touched(text: str) -> None:
    assert repair(text) == text
    assert normalize(text).text == text


@given(st.text(alphabet=st.sampled_from("abcdeéèàçñüößøåÉÀÇÑÜÖ ,.'-"), max_size=40))
def test_clean_latin_words_are_never_touched(text: str) -> None:
    # Up to two accented letters in a row: real words; four in a row are genuinely ambiguous.
    if not re.search("[^\\x00-\\x7f]{3}", text):
        assert repair(text) == text


HANGUL_SENTENCE = st.lists(
    st.text(alphabet=st.sampled_from(EUC_HANGUL), min_size=2, max_size=6), min_size=1, max_size=5
).map(" ".join)


@given(HANGUL_SENTENCE, st.sampled_from(["Korea’s", "K2 “tanks”", "", "NATO ", "ⓒ Yonhap "]))
def test_euc_kr_read_as_latin1_is_restored_exactly(sentence: str, extra: str) -> None:
    original = extra + sentence + "."
    assert repair(euc_as_latin1(original)) == original
    assert repair(cp949_as_latin1(original)) == original


@given(
    st.text(
        alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xD7A3).filter(
            lambda c: not (0xD800 <= ord(c) <= 0xDFFF) and c.isprintable()
        ),
        min_size=1,
        max_size=30,
    )
)
def test_decode_round_trips_utf8(text: str) -> None:
    assert decode(text.encode("utf-8"))[0] == text.lstrip("\ufeff") or decode(text.encode())[1] == "utf-8"


@given(st.binary(max_size=80))
def test_decode_never_raises(data: bytes) -> None:
    text, name = decode(data)
    assert isinstance(text, str)
    assert name
