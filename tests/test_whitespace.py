"""normalize_whitespace: unit cases, the Zs table, properties, pathological input."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nazif.tables.spaces import LINE_BREAK_CHARS, LINE_BREAKS, SPACE_SEPARATORS, TAB
from nazif.whitespace import normalize_whitespace
from strategies import lines_text, scraped_text

WHITESPACE = frozenset(SPACE_SEPARATORS) | frozenset(LINE_BREAK_CHARS) | {TAB}
_BREAK = re.compile("\r\n|[" + "".join(LINE_BREAK_CHARS) + "]")


def test_space_table_is_exactly_category_zs():
    zs = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs"}
    assert set(SPACE_SEPARATORS) == zs
    assert len(SPACE_SEPARATORS) == len(set(SPACE_SEPARATORS))


def test_line_break_table():
    assert "\r\n" in LINE_BREAKS
    for c in LINE_BREAK_CHARS:
        # every one is a line boundary for Python too
        assert len(("a" + c + "b").splitlines()) == 2


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", ""),
        ("a", "a"),
        ("  a  ", "a"),
        ("a  b", "a b"),
        ("a\u00a0b", "a b"),
        ("a\u202f\u2009\u200a b", "a b"),
        ("a\u3000b\u1680c\u205fd\u2007e", "a b c d e"),
        ("a\tb", "a b"),
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\r\rb", "a\n\nb"),
        ("a\n\rb", "a\n\nb"),
        ("a\u2028b\u2029c\x85d\x0be\x0cf", "a\nb\nc\nd\ne\nf"),
        ("a \n b", "a\nb"),
        ("a\n\n\n\nb", "a\n\nb"),
        ("a\n \n\t\n\u00a0\nb", "a\n\nb"),
        ("\n\n a \n\n", "a"),
        ("\r\n\r\n", ""),
        ("   ", ""),
        ("par one\r\n\r\npar two\r\n", "par one\n\npar two"),
        (
            "\u0645\u0631\u062d\u0628\u0627\u00a0\u00a0\u0628\u0643\u0645",
            "\u0645\u0631\u062d\u0628\u0627 \u0628\u0643\u0645",
        ),
        # zero-width characters are not this step's business
        ("a\u200b b", "a\u200b b"),
        ("a \u200b b", "a \u200b b"),
    ],
)
def test_cases(text, expected):
    assert normalize_whitespace(text) == expected


def test_max_blank_lines():
    text = "a\n\n\n\nb\n\nc\nd"
    assert normalize_whitespace(text, max_blank_lines=0) == "a\nb\nc\nd"
    assert normalize_whitespace(text, max_blank_lines=1) == "a\n\nb\n\nc\nd"
    assert normalize_whitespace(text, max_blank_lines=2) == "a\n\n\nb\n\nc\nd"
    assert normalize_whitespace(text, max_blank_lines=5) == text


def test_max_blank_lines_must_be_non_negative():
    with pytest.raises(ValueError):
        normalize_whitespace("a", max_blank_lines=-1)


def test_keep_tabs():
    assert normalize_whitespace("a \t b", keep_tabs=True) == "a\tb"
    assert normalize_whitespace("a\t\tb", keep_tabs=True) == "a\t\tb"
    assert normalize_whitespace("\tlead\ttrail\t", keep_tabs=True) == "\tlead\ttrail\t"
    assert normalize_whitespace("x\t \n \ty", keep_tabs=True) == "x\t\n\ty"
    assert normalize_whitespace("a\u00a0\tb", keep_tabs=True) == "a\tb"
    # a line holding only tabs is a row of empty cells, not a blank line
    assert normalize_whitespace("a\n\t\n\n\nb", keep_tabs=True) == "a\n\t\n\nb"
    # the mixed corpus format: English TAB Arabic TAB attribution
    row = "Hi. \t\u0645\u0631\u062d\u0628\u0627.\u00a0\tCC-BY 2.0\r\n"
    assert normalize_whitespace(row, keep_tabs=True) == "Hi.\t\u0645\u0631\u062d\u0628\u0627.\tCC-BY 2.0"
    assert normalize_whitespace(row) == "Hi. \u0645\u0631\u062d\u0628\u0627. CC-BY 2.0"


def test_clean_text_is_returned_as_same_object():
    text = "Already clean.\n\nTwo paragraphs, \u0639\u0631\u0628\u064a too."
    assert normalize_whitespace(text) is text
    tsv = "a\tb\n\tc"
    assert normalize_whitespace(tsv, keep_tabs=True) is tsv


def test_lone_surrogates_do_not_raise():
    assert normalize_whitespace(" \ud800 \udfff\u00a0") == "\ud800 \udfff"


def _non_ws(text, keep_tabs=False):
    ws = WHITESPACE - {TAB} if keep_tabs else WHITESPACE
    return [c for c in text if c not in ws]


def _breaks(text):
    return len(_BREAK.findall(text))


@given(text=scraped_text())
def test_property_keeps_every_other_character_in_order(text):
    out = normalize_whitespace(text)
    assert _non_ws(out) == _non_ws(text)
    assert normalize_whitespace(out) == out


@given(text=lines_text(), k=st.integers(min_value=0, max_value=3), keep_tabs=st.booleans())
def test_property_lines_and_normal_form(text, k, keep_tabs):
    out = normalize_whitespace(text, max_blank_lines=k, keep_tabs=keep_tabs)
    assert _non_ws(out, keep_tabs) == _non_ws(text, keep_tabs)
    assert out.count("\n") <= _breaks(text)
    assert normalize_whitespace(out, max_blank_lines=k, keep_tabs=keep_tabs) == out
    # the normal form itself
    assert not (set(out) & (WHITESPACE - {" ", "\n", TAB}))
    assert "  " not in out and " \n" not in out and "\n " not in out
    assert "\n" * (k + 2) not in out
    assert out == out.strip(" \n")
    if not keep_tabs:
        assert TAB not in out
    else:
        assert " \t" not in out and "\t " not in out


@given(text=scraped_text())
def test_property_same_words(text):
    # splitting on whitespace sees the same tokens before and after
    out = normalize_whitespace(text)
    split = re.compile("[" + re.escape("".join(WHITESPACE)) + "]+")
    assert [t for t in split.split(out) if t] == [t for t in split.split(text) if t]


@pytest.mark.slow
def test_pathological_inputs_run():
    big = 2_000_000
    assert normalize_whitespace(" " * big) == ""
    assert normalize_whitespace("\u00a0 " * (big // 2)) == ""
    assert normalize_whitespace("\r\n" * big) == ""
    assert normalize_whitespace("a" + "\n \n" * (big // 3) + "b") == "a\n\nb"
    assert normalize_whitespace(("x \t" * (big // 3)), keep_tabs=True).count("\t") == big // 3
    assert normalize_whitespace("a\u2003" * (big // 2)).count(" ") == big // 2 - 1
