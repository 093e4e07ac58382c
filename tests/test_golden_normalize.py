"""Golden cases: real-looking scraped news lines through the lossless layout steps.

Each input is a pitfall seen on Arabic and English news sites; each expected
output was checked by hand.  The pipeline is the part of the ``display``
preset made of the steps in nazif.invisibles, nazif.whitespace,
nazif.punctuation and nazif.quotes, in preset order.  (The Arabic character
steps of the preset are no-ops on these lines: no presentation forms, no
tatweel, already NFC.)
"""

from __future__ import annotations

from functools import partial

import pytest

from nazif import Pipeline
from nazif.invisibles import remove_invisibles
from nazif.punctuation import normalize_punctuation
from nazif.quotes import normalize_quotes
from nazif.whitespace import normalize_whitespace

LAYOUT = Pipeline([remove_invisibles, normalize_whitespace, normalize_punctuation, normalize_quotes])

GOLDEN = [
    # NBSP before the Arabic question mark
    (
        "\u0647\u0644 \u0633\u062a\u062d\u0636\u0631 \u0627\u0644\u0627\u062c\u062a\u0645\u0627\u0639\u00a0\u061f",
        "\u0647\u0644 \u0633\u062a\u062d\u0636\u0631 \u0627\u0644\u0627\u062c\u062a\u0645\u0627\u0639\u061f",
    ),
    # «…» quotes with a spaced full stop; the spaces inside « » are kept
    (
        "\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631 \u00ab\u0646\u062d\u0646 \u0645\u0633\u062a\u0639\u062f\u0648\u0646\u00bb \u0644\u0644\u062d\u0648\u0627\u0631 .",
        '\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064a\u0631 "\u0646\u062d\u0646 \u0645\u0633\u062a\u0639\u062f\u0648\u0646" \u0644\u0644\u062d\u0648\u0627\u0631.',
    ),
    # reversed guillemets, as some Arabic sites type them
    (
        "\u0642\u0627\u0644 \u00bb\u0646\u0639\u0645\u00ab \u0644\u0644\u062c\u0645\u064a\u0639",
        '\u0642\u0627\u0644 "\u0646\u0639\u0645" \u0644\u0644\u062c\u0645\u064a\u0639',
    ),
    # ZWNJ is spelling in Persian: kept
    (
        "\u0645\u0646 \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u06a9\u062a\u0627\u0628\u200c\u0647\u0627 \u0631\u0627 \u0628\u062e\u0648\u0627\u0646\u0645.",
        "\u0645\u0646 \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u06a9\u062a\u0627\u0628\u200c\u0647\u0627 \u0631\u0627 \u0628\u062e\u0648\u0627\u0646\u0645.",
    ),
    # ZWNJ inside an English word: junk
    ("Break\u200cing news", "Breaking news"),
    # ZWNJ between Arabic and Latin: junk
    ("\u0643\u062a\u0627\u0628\u200cbook", "\u0643\u062a\u0627\u0628book"),
    # emoji ZWJ family kept; the space before "!" goes
    (
        "\u0639\u0627\u0626\u0644\u0629 \u0633\u0639\u064a\u062f\u0629 \U0001f468\u200d\U0001f469\u200d\U0001f467 !",
        "\u0639\u0627\u0626\u0644\u0629 \u0633\u0639\u064a\u062f\u0629 \U0001f468\u200d\U0001f469\u200d\U0001f467!",
    ),
    # flag emoji untouched
    (
        "\U0001f1f8\U0001f1e6 \u0627\u0644\u0633\u0639\u0648\u062f\u064a\u0629",
        "\U0001f1f8\U0001f1e6 \u0627\u0644\u0633\u0639\u0648\u062f\u064a\u0629",
    ),
    # URL with commas and a query; the spaced full stop after it
    (
        "\u0627\u0644\u062a\u0641\u0627\u0635\u064a\u0644 \u0639\u0644\u0649 https://example.com/news?id=1,2,3 .",
        "\u0627\u0644\u062a\u0641\u0627\u0635\u064a\u0644 \u0639\u0644\u0649 https://example.com/news?id=1,2,3.",
    ),
    # e-mail address then a spaced full stop
    ("Contact editor@news.example.com .", "Contact editor@news.example.com."),
    # numbers in both digit systems with brackets and a spaced comma
    (
        "Prices rose 1,000 points ( \u0663\u066b\u0665 % ) , analysts said .",
        "Prices rose 1,000 points (\u0663\u066b\u0665 %), analysts said.",
    ),
    (
        "\u0628\u0644\u063a \u0627\u0644\u0639\u062f\u062f \u0661\u066c\u0660\u0660\u0660 \u0634\u062e\u0635 \u0648\u0627\u0644\u0646\u0633\u0628\u0629 \u0663\u066b\u0665\u066a",
        "\u0628\u0644\u063a \u0627\u0644\u0639\u062f\u062f \u0661\u066c\u0660\u0660\u0660 \u0634\u062e\u0635 \u0648\u0627\u0644\u0646\u0633\u0628\u0629 \u0663\u066b\u0665\u066a",
    ),
    # CRLF paragraphs with an extra blank line and a trailing break
    ("First paragraph.\r\n\r\n\r\nSecond paragraph.\r\n", "First paragraph.\n\nSecond paragraph."),
    # BOM, CRLF, double space
    ("\ufeffTitle\r\nBody text  here\r\n", "Title\nBody text here"),
    # soft hyphens splitting words
    ("The govern\u00adment an\u00adnounced new mea\u00adsures", "The government announced new measures"),
    # bidi marks around Arabic-Indic numbers
    (
        "\u200f\u0661\u0662\u200f \u0645\u0644\u064a\u0648\u0646 \u0631\u064a\u0627\u0644",
        "\u0661\u0662 \u0645\u0644\u064a\u0648\u0646 \u0631\u064a\u0627\u0644",
    ),
    # an embedded hashtag wrapped in RLE ... PDF with an RLM
    (
        "\u0646\u062c\u0644 \u0645\u062d\u0645\u062f \u202b#\u200f\u0645\u0631\u0633\u064a\u202c \u0628\u0639\u062f",
        "\u0646\u062c\u0644 \u0645\u062d\u0645\u062f #\u0645\u0631\u0633\u064a \u0628\u0639\u062f",
    ),
    # LRM around a Latin name in Arabic
    ("\u200eCOVID-19\u200e \u0641\u064a\u0631\u0648\u0633", "COVID-19 \u0641\u064a\u0631\u0648\u0633"),
    # curly quotes and a NBSP before the full stop
    (
        "\u201cWe will not back down,\u201d the minister said\u00a0.",
        '"We will not back down," the minister said.',
    ),
    # apostrophes
    ("The country\u2019s economy didn\u2019t grow", "The country's economy didn't grow"),
    # doubled apostrophes used as double quotes (BBC archive)
    ("''I thought I had a chance,'' he said.", '"I thought I had a chance," he said.'),
    # spaced Arabic colon, typographic quotes, spaced full stop
    (
        "\u0648\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b : \u201c\u0644\u0627 \u062a\u0639\u0644\u064a\u0642\u201d .",
        '\u0648\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b: "\u0644\u0627 \u062a\u0639\u0644\u064a\u0642".',
    ),
    # double prime after a digit is a prime, not a quote
    (
        "\u201c\u063a\u0627\u0644\u0627\u0643\u0633\u064a \u0646\u0648\u062a 5\u2033\u060c \u0644\u0645 \u062a\u0643\u0646",
        '"\u063a\u0627\u0644\u0627\u0643\u0633\u064a \u0646\u0648\u062a 5\u2033\u060c \u0644\u0645 \u062a\u0643\u0646',
    ),
    (
        "The wall is 5\u2032 10\u2033 tall, at 45\u00b0 30\u2032 N.",
        "The wall is 5\u2032 10\u2033 tall, at 45\u00b0 30\u2032 N.",
    ),
    # bilingual corpus row: English TAB Arabic TAB attribution
    (
        "Hello.\t\u0645\u0631\u062d\u0628\u0627.\tCC-BY 2.0 (France)",
        "Hello. \u0645\u0631\u062d\u0628\u0627. CC-BY 2.0 (France)",
    ),
    # emoticons and ellipses are not punctuation to respace
    ("Great game :) see you ;) and then ... nothing", "Great game :) see you ;) and then ... nothing"),
    # zero-width space before a colon, then a bare www address
    ("Read more\u200b : www.example.org/path", "Read more: www.example.org/path"),
    # a SUB control used as a bullet
    (
        "\u0627\u0644\u0648\u0637\u0646.\n\x1a \u0643\u0627\u062a\u0628 \u0648\u0628\u0627\u062d\u062b",
        "\u0627\u0644\u0648\u0637\u0646.\n\u0643\u0627\u062a\u0628 \u0648\u0628\u0627\u062d\u062b",
    ),
    # spaced brackets around a number, spaced full stop
    (
        "\u0628\u0644\u063a ( 354863 ) \u0634\u062e\u0635\u0627 .",
        "\u0628\u0644\u063a (354863) \u0634\u062e\u0635\u0627.",
    ),
    # Latin word in brackets inside Arabic
    (
        "\u0634\u0631\u0643\u0629 ( Microsoft ) \u0627\u0644\u0623\u0645\u0631\u064a\u0643\u064a\u0629",
        "\u0634\u0631\u0643\u0629 (Microsoft) \u0627\u0644\u0623\u0645\u0631\u064a\u0643\u064a\u0629",
    ),
    # Unicode line breaks
    ("Line one\u2028Line two\x85Line three", "Line one\nLine two\nLine three"),
    # thin, narrow no-break and ideographic spaces
    ("Total:\u2009500\u202fmillion\u3000dollars", "Total: 500 million dollars"),
    # doubled spaces around an Arabic comma
    (
        "\u0648\u0623\u0636\u0627\u0641  \u060c  \u0623\u0646  \u0627\u0644\u062d\u0643\u0648\u0645\u0629",
        "\u0648\u0623\u0636\u0627\u0641\u060c \u0623\u0646 \u0627\u0644\u062d\u0643\u0648\u0645\u0629",
    ),
    # em-dashes around a quotation
    ("\u2014\u201cNo,\u201d he said\u2014", '\u2014"No," he said\u2014'),
    # indentation and trailing spaces of scraped paragraphs
    (
        "   \u0627\u0644\u0641\u0642\u0631\u0629 \u0627\u0644\u0623\u0648\u0644\u0649 .   \n \n \n   \u0627\u0644\u062b\u0627\u0646\u064a\u0629   ",
        "\u0627\u0644\u0641\u0642\u0631\u0629 \u0627\u0644\u0623\u0648\u0644\u0649.\n\n\u0627\u0644\u062b\u0627\u0646\u064a\u0629",
    ),
]

STYLED = [
    (
        "guillemets",
        "\u0648\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b : \u201c\u0644\u0627 \u062a\u0639\u0644\u064a\u0642\u201d .",
        "\u0648\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b: \u00ab\u0644\u0627 \u062a\u0639\u0644\u064a\u0642\u00bb.",
    ),
    (
        "guillemets",
        '\u0642\u0627\u0644 "\u0646\u0639\u0645" \u0648\u0642\u0627\u0644 "yes"',
        "\u0642\u0627\u0644 \u00ab\u0646\u0639\u0645\u00bb \u0648\u0642\u0627\u0644 \u201cyes\u201d",
    ),
    (
        "typographic",
        "''I thought I had a chance,'' he said.",
        "\u201cI thought I had a chance,\u201d he said.",
    ),
    (
        "typographic",
        "The country's 'best' year , the '90s",
        "The country\u2019s \u2018best\u2019 year, the \u201990s",
    ),
    ("typographic", 'He said ( "no" ) .', "He said (\u201cno\u201d)."),
]


@pytest.mark.parametrize("text, expected", GOLDEN)
def test_golden(text, expected):
    out = LAYOUT(text)
    assert out == expected
    assert LAYOUT(out) == out


def test_enough_golden_lines():
    assert len(GOLDEN) >= 25


@pytest.mark.parametrize("style, text, expected", STYLED)
def test_golden_styles(style, text, expected):
    p = Pipeline(
        [
            remove_invisibles,
            normalize_whitespace,
            normalize_punctuation,
            partial(normalize_quotes, style=style),
        ]
    )
    out = p(text)
    assert out == expected
    assert p(out) == out


@pytest.mark.parametrize("style", ["ascii", "typographic", "guillemets"])
def test_emoticon_nose_survives_quote_styles(style):
    # ":'(" keeps its space after the quote step rewrites its nose
    p = Pipeline([normalize_punctuation, partial(normalize_quotes, style=style)])
    for text in [":'( sad", "x :\u2019( y", "a ( b"]:
        out = p(text)
        assert p(out) == out


def test_display_preset_agrees_when_available():
    """With every step module present, the real display preset gives the
    same output on these lines (its Arabic character steps are no-ops here)."""
    from nazif import clean

    for text, expected in GOLDEN:
        assert clean(text, preset="display") == expected


@pytest.mark.parametrize(
    "mark",
    [
        "\u2018",
        "\u2019",
        "\u02bc",
        "`",
        "\u275d",
        "\u275b",
        "\u2e42",
    ],
)
@pytest.mark.parametrize("style", ["ascii", "typographic", "guillemets"])
def test_quote_rewrite_does_not_move_url_ends(mark, style):
    # a URL must end at every mark normalize_quotes may rewrite, or the steps
    # before it would see other protected spans on a second run
    p = Pipeline(
        [partial(normalize_punctuation, script_punctuation=True), partial(normalize_quotes, style=style)]
    )
    text = "https://x.org/p" + mark + "\u0642\u0627\u0644,\u062b\u0645"
    out = p(text)
    assert p(out) == out
