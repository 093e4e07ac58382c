"""normalize_quotes: unit cases per style, properties, pathological input."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nazif
from nazif.protected import protected_spans
from nazif.quotes import normalize_quotes
from nazif.tables.quotes import DOUBLE_QUOTES, PRIMES, QUOTE_CHARS, SINGLE_QUOTES, STYLES
from strategies import QUOTES, lines_text, scraped_text

STYLE_MARKS = {
    "ascii": set("\"'"),
    "typographic": set("\u201c\u201d\u2018\u2019"),
    "guillemets": set("\u201c\u201d\u2018\u2019\u00ab\u00bb"),
}


def test_tables():
    assert not (set(DOUBLE_QUOTES) & set(SINGLE_QUOTES))
    assert PRIMES <= QUOTE_CHARS
    for c in QUOTE_CHARS:
        assert unicodedata.category(c) in ("Po", "Pi", "Pf", "Ps", "Pe", "Sk", "Lm", "So"), hex(ord(c))
    # every character Unicode names a quotation mark is covered, except
    # decorative dingbat ornaments and the invisible emoji tag character
    named = {c for c in range(0x110000) if "QUOTATION MARK" in unicodedata.name(chr(c), "")}
    left_alone = {0x275F, 0x2760, 0x276E, 0x276F, 0x1F676, 0x1F677, 0x1F678, 0xE0022}
    assert named - {ord(c) for c in QUOTE_CHARS} <= left_alone


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", ""),
        ('plain "ascii" stays', 'plain "ascii" stays'),
        ("\u201cHello\u201d", '"Hello"'),
        ("\u201eHallo\u201c", '"Hallo"'),
        ("\u00abnews\u00bb", '"news"'),
        ("\u00bbreversed\u00ab", '"reversed"'),
        ("\u2018single\u2019", "'single'"),
        ("it\u2019s don\u2019t rock\u2019n\u2019roll", "it's don't rock'n'roll"),
        ("\u2039a\u203a \u201ab\u2018 \u201bc\u2019", "'a' 'b' 'c'"),
        ("\uff02full\uff02 \uff07width\uff07", "\"full\" 'width'"),
        ("\u301dCJK\u301e \u301dCJK\u301f", '"CJK" "CJK"'),
        ("\u2036rev\u2033 \u2035rev\u2032", "\"rev\" 'rev'"),
        ("\u275dornament\u275e \u275bsmall\u275c", "\"ornament\" 'small'"),
        ("``TeX''", '"TeX"'),
        ("''BBC style''", '"BBC style"'),
        ("\u2018\u2018doubled\u2019\u2019", '"doubled"'),
        ("don`t", "don't"),
        ("`quoted'", "'quoted'"),
        # primes after digits are measurements, not quotes
        ("5\u2032 10\u2033", "5\u2032 10\u2033"),
        ("45\u00b0 30\u2032 15\u2033", "45\u00b0 30\u2032 15\u2033"),
        ("\u0663\u2032", "\u0663\u2032"),
        ("\u2032not a prime\u2032", "'not a prime'"),
        (
            "\u201c\u063a\u0627\u0644\u0627\u0643\u0633\u064a \u0646\u0648\u062a 5\u2033\u060c",
            '"\u063a\u0627\u0644\u0627\u0643\u0633\u064a \u0646\u0648\u062a 5\u2033\u060c',
        ),
        ("\u0642\u0627\u0644: \u00ab\u0646\u0639\u0645\u00bb", '\u0642\u0627\u0644: "\u0646\u0639\u0645"'),
        ("\ud800\u201c", '\ud800"'),
    ],
)
def test_ascii(text, expected):
    assert normalize_quotes(text) == expected
    assert normalize_quotes(text, style="ascii") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"Hello," she said.', "\u201cHello,\u201d she said."),
        ("'quoted' and don't", "\u2018quoted\u2019 and don\u2019t"),
        ("He said \"'Hi'\" loudly", "He said \u201c\u2018Hi\u2019\u201d loudly"),
        ('("aside")', "(\u201caside\u201d)"),
        ('said:"Hello"', "said:\u201cHello\u201d"),
        ('\u2014"Yes"\u2014', "\u2014\u201cYes\u201d\u2014"),
        ("the '90s", "the \u201990s"),
        ("James' book", "James\u2019 book"),
        ('"Hamas"\'s', "\u201cHamas\u201d\u2019s"),
        ("\u201dwrong way\u201d", "\u201cwrong way\u201d"),
        ("\u00abnews\u00bb", "\u201cnews\u201d"),
        ("``TeX''", "\u201cTeX\u201d"),
        ("''BBC''", "\u201cBBC\u201d"),
        ("5\u2032 10\u2033", "5\u2032 10\u2033"),
        ('"a" " b', "\u201ca\u201d \u201c b"),
        ('"\n"', "\u201c\n\u201d"),
    ],
)
def test_typographic(text, expected):
    assert normalize_quotes(text, style="typographic") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('\u0642\u0627\u0644 "\u0646\u0639\u0645"', "\u0642\u0627\u0644 \u00ab\u0646\u0639\u0645\u00bb"),
        (
            "\u0642\u0627\u0644 \u201d\u0646\u0639\u0645\u201c",
            "\u0642\u0627\u0644 \u00ab\u0646\u0639\u0645\u00bb",
        ),
        ("\u00ab\u0646\u0639\u0645\u00bb", "\u00ab\u0646\u0639\u0645\u00bb"),
        ('He said "yes"', "He said \u201cyes\u201d"),
        ("\u00abBonjour\u00bb", "\u201cBonjour\u201d"),
        (
            '\u0642\u0627\u0644 "2024"',
            "\u0642\u0627\u0644 \u00ab2024\u00bb",
        ),  # no letter inside: outside decides
        (
            "\u0645\u0627 '\u0647\u0630\u0627'",
            "\u0645\u0627 \u2018\u0647\u0630\u0627\u2019",
        ),  # single stays typographic
        ('"Microsoft" \u0642\u0627\u0644\u062a', "\u201cMicrosoft\u201d \u0642\u0627\u0644\u062a"),
    ],
)
def test_guillemets(text, expected):
    assert normalize_quotes(text, style="guillemets") == expected


def test_unknown_style():
    with pytest.raises(ValueError):
        normalize_quotes("x", style="fancy")


@pytest.mark.parametrize("style", STYLES)
def test_clean_text_is_returned_as_same_object(style):
    text = "no quotes at all, \u0639\u0631\u0628\u064a"
    assert normalize_quotes(text, style=style) is text
    done = normalize_quotes('"a" it\'s', style=style)
    assert normalize_quotes(done, style=style) is done
    if style == "ascii":
        text = '"it\'s" fine'
        assert normalize_quotes(text) is text


def _strip_quotes(text):
    return "".join(c for c in text if c not in QUOTE_CHARS)


def _has_single_pair(text):
    """Two single marks side by side that the step reads as one double mark
    (a prime right after a digit is not a mark)."""
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if a in SINGLE_QUOTES and b in SINGLE_QUOTES:
            if not (a in PRIMES and i > 0 and text[i - 1].isdigit()):
                return True
    return False


quote_heavy = st.lists(
    st.one_of(
        st.sampled_from(QUOTES + ["``", "''", "5\u2032", "\u0663\u2033", " ", "\n", "("]),
        st.sampled_from(["word", "\u0643\u0644\u0645\u0629", "it", "s", ",", ".", "-", "90"]),
    ),
    max_size=30,
).map("".join)


@pytest.mark.parametrize("style", STYLES)
@given(text=st.one_of(scraped_text(), lines_text(), quote_heavy))
def test_property_only_quotes_change(style, text):
    out = normalize_quotes(text, style=style)
    assert normalize_quotes(out, style=style) == out, "not idempotent"
    assert _strip_quotes(out) == _strip_quotes(text)
    if not _has_single_pair(text):
        assert len(out) == len(text)
        for a, b in zip(text, out):
            if a not in QUOTE_CHARS:
                assert a == b
    # every quote left is of the style, a prime after a digit, or part of a
    # URL or e-mail address (which the step leaves alone)
    protected = protected_spans(out)
    for i, c in enumerate(out):
        if c in QUOTE_CHARS and c not in STYLE_MARKS[style]:
            if any(a <= i < b for a, b in protected):
                continue
            assert c in PRIMES and i > 0 and out[i - 1].isdigit(), (c, out)
    assert not _has_single_pair(out)


@given(text=quote_heavy)
def test_property_styles_agree_on_positions(text):
    # the styles differ only in which mark they write, not where
    a = normalize_quotes(text, style="ascii")
    t = normalize_quotes(text, style="typographic")
    g = normalize_quotes(text, style="guillemets")
    assert len(a) == len(t) == len(g)
    fold = {"\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"', "\u2018": "'", "\u2019": "'"}
    assert "".join(fold.get(c, c) for c in t) == a
    assert "".join(fold.get(c, c) for c in g) == a


def _pathological(style, size):
    assert len(normalize_quotes("\u201c\u201d" * (size // 2), style=style)) == size
    assert len(normalize_quotes("'" * size, style=style)) == size // 2
    assert len(normalize_quotes("\"'" * (size // 2), style=style)) == size
    assert normalize_quotes("5\u2032" * (size // 2), style=style) == "5\u2032" * (size // 2)
    assert normalize_quotes("\u0642" + ' "' * (size // 2), style=style).count("\u0642") == 1


@pytest.mark.slow
def test_pathological_inputs_run():
    _pathological("ascii", 2_000_000)
    # the directional styles decide each mark in Python: a smaller size here,
    # the full size in the slow test below
    _pathological("typographic", 200_000)
    _pathological("guillemets", 200_000)


@pytest.mark.slow
@pytest.mark.parametrize("style", ["typographic", "guillemets"])
def test_pathological_inputs_run_full_size(style):
    _pathological(style, 2_000_000)


@pytest.mark.parametrize(
    "text, style, expected",
    [
        ("وقال بـ«نعم» ثم", "guillemets", "وقال بـ«نعم» ثم"),
        ('وقال بـ"نعم" ثم', "guillemets", "وقال بـ«نعم» ثم"),
        ('لـ"المدينة اليوم" إن', "guillemets", "لـ«المدينة اليوم» إن"),
        ("و“الشرق”", "typographic", "و“الشرق”"),
        ('ب"الأمس" قال', "typographic", "ب“الأمس” قال"),
        ("ولـ'الوطن' أيضا", "typographic", "ولـ‘الوطن’ أيضا"),
    ],
)
def test_quote_after_joined_arabic_prefix_opens(text, style, expected):
    out = normalize_quotes(text, style=style)
    assert out == expected
    assert normalize_quotes(out, style=style) == out


@pytest.mark.parametrize("style", ["ascii", "typographic", "guillemets"])
def test_apostrophe_inside_a_url_is_kept(style):
    text = "اقرأ https://example.com/news/it\u2019s-a-story هنا"
    assert normalize_quotes(text, style=style) == text


def test_quotes_around_a_url_are_still_normalized():
    assert normalize_quotes("see \u201chttps://x.org/a\u201d now") == 'see "https://x.org/a" now'


def test_modifier_letter_apostrophe_is_a_letter_and_stays():
    # U+02BC (category Lm) is the hamza/ʿayn of transliteration, not a quote
    for style in ("ascii", "typographic", "guillemets"):
        assert (
            normalize_quotes("the Qur\u02bcan and Hawai\u02bbi", style=style)
            == "the Qur\u02bcan and Hawai\u02bbi"
        )
    assert nazif.clean("the Qur\u02bcan", preset="display") == "the Qur\u02bcan"
