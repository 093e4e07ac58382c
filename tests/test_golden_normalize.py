"""Golden cases: real-looking scraped news lines through the lossless layout steps.

Each input is a pitfall seen on Arabic and English news sites; each expected
output was checked by hand.  The pipeline is the part of the ``display``
preset made of the steps in nazif.invisibles, nazif.whitespace,
nazif.punctuation and nazif.quotes, in preset order.  (The Arabic character
steps of the preset are no-ops on these lines: no presentation forms, no
tatweel, already NFC.)
"""

from __future__ import annotations

import re
import unicodedata
from functools import partial
from pathlib import Path

import pytest

from nazif import Pipeline
from nazif.invisibles import remove_invisibles
from nazif.punctuation import normalize_punctuation
from nazif.quotes import normalize_quotes
from nazif.whitespace import normalize_whitespace

LAYOUT = Pipeline([remove_invisibles, normalize_whitespace, normalize_punctuation, normalize_quotes])

GOLDEN_FILE = Path(__file__).parent / "fixtures" / "golden_normalize.tsv"
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_SIMPLE = {"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}


def unescape(cell: str) -> str:
    """The text of a TSV cell: ``\\uXXXX``, ``\\UXXXXXXXX``, ``\\t``, ``\\n``, ``\\r``, ``\\\\``."""

    def one(m: re.Match[str]) -> str:
        code = m.group(1) or m.group(2)
        if code:
            return chr(int(code, 16))
        if m.group(3) not in _SIMPLE:
            raise ValueError(f"unknown escape {m.group()!r} in {cell!r}")
        return _SIMPLE[m.group(3)]

    return _ESCAPE.sub(one, cell)


def load_cases() -> list[tuple[str, str, str, str, str]]:
    rows = []
    lines = GOLDEN_FILE.read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if line and not line.startswith("#")]
    assert body[0].split("\t") == ["pipeline", "input", "expected", "status", "reason"]
    for number, line in enumerate(body[1:], 2):
        cells = line.split("\t")
        assert len(cells) == 5, f"golden_normalize.tsv row {number}: {len(cells)} columns"
        pipeline, text, expected, status, reason = cells
        assert status in ("pass", "xfail"), status
        assert reason.strip(), f"row {number}: no reason"
        rows.append((pipeline, unescape(text), unescape(expected), status, reason))
    return rows


CASES = load_cases()


def _pipeline(name: str) -> Pipeline:
    if name == "display-layout":
        return LAYOUT
    assert name.startswith("quotes="), name
    style = name.removeprefix("quotes=")
    return Pipeline(
        [
            remove_invisibles,
            normalize_whitespace,
            normalize_punctuation,
            partial(normalize_quotes, style=style),
        ]
    )


@pytest.mark.parametrize(
    "pipeline, text, expected",
    [
        pytest.param(
            p,
            t,
            e,
            id=r[:40],
            marks=[pytest.mark.xfail(reason=r, strict=True)] if s == "xfail" else [],
        )
        for p, t, e, s, r in CASES
    ],
)
def test_golden(pipeline, text, expected):
    p = _pipeline(pipeline)
    out = p(text)
    assert out == expected
    assert p(out) == out


def test_enough_golden_lines():
    assert sum(p == "display-layout" for p, *_ in CASES) >= 25


def test_escapes_only_for_invisible_characters():
    """Visible characters are written literally, so an Arabic reader can check the file."""
    raw = GOLDEN_FILE.read_text(encoding="utf-8")
    for m in re.finditer(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})", raw):
        ch = chr(int(m.group(1) or m.group(2), 16))
        assert unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp") or ch == "\u00ad", m.group()


def test_unescape():
    assert unescape("a\\u00A0b\\tc\\\\n\\U0001F600") == "a\u00a0b\tc\\n\U0001f600"
    with pytest.raises(ValueError):
        unescape("\\q")


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

    for pipeline, text, expected, status, _ in CASES:
        if pipeline == "display-layout" and status == "pass":
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
