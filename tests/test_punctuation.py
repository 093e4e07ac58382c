"""normalize_punctuation: unit cases, properties, pathological input."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nazif.protected import protected_spans
from nazif.punctuation import normalize_punctuation
from nazif.tables.punctuation import ARABIC_TO_LATIN, LATIN_TO_ARABIC
from nazif.tables.spaces import SPACE_SEPARATORS, TAB
from nazif.whitespace import normalize_whitespace
from strategies import EMAILS, NUMBERS, URLS, arabic_text, lines_text, scraped_text

HS = frozenset(SPACE_SEPARATORS) | {TAB}
FOLD = {**ARABIC_TO_LATIN}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", ""),
        ("Really ? Yes !", "Really? Yes!"),
        ("one , two ; three : four .", "one, two; three: four."),
        ("end .", "end."),
        ("a ,\nb", "a,\nb"),
        ('quoted ," he', 'quoted," he'),
        ("\u00abnews .\u00bb", "\u00abnews.\u00bb"),
        ("what ?!", "what?!"),
        ("( inside )", "(inside)"),
        ("[ a ] { b }", "[a] {b}"),
        ("( 354863 ) \u0634\u062e\u0635\u0627 .", "(354863) \u0634\u062e\u0635\u0627."),
        ("a\u00a0?", "a?"),
        ("a \u202f\t ;", "a;"),
        # Arabic marks, and the space before ":" in Arabic
        ("\u0647\u0644 \u062a\u0623\u062a\u064a\u00a0\u061f", "\u0647\u0644 \u062a\u0623\u062a\u064a\u061f"),
        (
            "\u0642\u0627\u0644 : \u0646\u0639\u0645 \u060c \u062b\u0645 \u061b",
            "\u0642\u0627\u0644: \u0646\u0639\u0645\u060c \u062b\u0645\u061b",
        ),
        # left alone
        ("costs .5 and 1 ,000", "costs .5 and 1 ,000"),
        (
            "3.5 1,000 12:30 \u0663\u066b\u0665 \u0661\u066c\u0660\u0660\u0660",
            "3.5 1,000 12:30 \u0663\u066b\u0665 \u0661\u066c\u0660\u0660\u0660",
        ),
        ("wait ...", "wait ..."),
        ("wait \u2026", "wait \u2026"),
        ("visit example .com", "visit example .com"),
        ("nice :) and ;) and :( sad", "nice :) and ;) and :( sad"),
        ("cry :'( now", "cry :'( now"),
        ("a,b", "a,b"),
        ("see https://x.org/a,b?q=1 .", "see https://x.org/a,b?q=1."),
        ("mail me@x.org .", "mail me@x.org."),
        ("\u00ab \u0646\u0635 \u00bb", "\u00ab \u0646\u0635 \u00bb"),
        ("line\n. next", "line\n. next"),
        ("\ud800 ,", "\ud800,"),
    ],
)
def test_cases(text, expected):
    assert normalize_punctuation(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "\u0642\u0627\u0644, \u0644\u0645\u0627\u0630\u0627?",
            "\u0642\u0627\u0644\u060c \u0644\u0645\u0627\u0630\u0627\u061f",
        ),
        (
            "\u0623\u0648\u0644\u0627; \u062b\u0627\u0646\u064a\u0627",
            "\u0623\u0648\u0644\u0627\u061b \u062b\u0627\u0646\u064a\u0627",
        ),
        ("Hello\u060c world\u061f", "Hello, world?"),
        ("first\u061b second", "first; second"),
        # mixed neighbours: a Latin phrase in Arabic text keeps its comma
        ("Microsoft, \u0648\u0642\u0627\u0644", "Microsoft, \u0648\u0642\u0627\u0644"),
        ("Hello\u060c \u0645\u0631\u062d\u0628\u0627", "Hello\u060c \u0645\u0631\u062d\u0628\u0627"),
        # a question mark follows the sentence it ends
        ("\u0644\u0645\u0627\u0630\u0627? Why\u061f", "\u0644\u0645\u0627\u0630\u0627\u061f Why?"),
        ("Why?\t\u0644\u0645\u0627\u0630\u0627?", "Why?\t\u0644\u0645\u0627\u0630\u0627\u061f"),
        # numbers, URLs, e-mail, emoticons
        (
            "\u062f\u0641\u0639 1,000 \u0631\u064a\u0627\u0644",
            "\u062f\u0641\u0639 1,000 \u0631\u064a\u0627\u0644",
        ),
        ("\u0663\u060c\u0665 value", "\u0663\u060c\u0665 value"),
        (
            "\u0627\u0646\u0638\u0631 https://x.org/a,b?q=1 \u0647\u0646\u0627",
            "\u0627\u0646\u0638\u0631 https://x.org/a,b?q=1 \u0647\u0646\u0627",
        ),
        ("\u062c\u0645\u064a\u0644 ;)", "\u062c\u0645\u064a\u0644 ;)"),
        (
            "\u0627\u0643\u062a\u0628 a.b@x.org, \u0634\u0643\u0631\u0627",
            "\u0627\u0643\u062a\u0628 a.b@x.org, \u0634\u0643\u0631\u0627",
        ),
        # no letters: nothing to decide
        ("1, 2; 3?", "1, 2; 3?"),
    ],
)
def test_script_punctuation(text, expected):
    assert normalize_punctuation(text, script_punctuation=True) == expected


@pytest.mark.parametrize(
    "text", ["\u0620 ;\u2018", "\u0620 \u061b\u2018", "x ;)", "\u0643 \u061b(", "a ;' b"]
)
def test_both_semicolons_follow_one_spacing_rule(text):
    # script_punctuation swaps ; and \u061b, so they must space alike
    for script in (False, True):
        out = normalize_punctuation(text, script_punctuation=script)
        assert normalize_punctuation(out, script_punctuation=script) == out
    assert normalize_punctuation(text.replace(";", "\u061b")) == normalize_punctuation(text).replace(
        ";", "\u061b"
    )


def test_clean_text_is_returned_as_same_object():
    text = "Clean text, (really). \u0639\u0631\u0628\u064a\u060c \u0646\u0639\u0645\u061f"
    assert normalize_punctuation(text) is text
    assert normalize_punctuation(text, script_punctuation=True) is text


def _only_deletes_spaces(text, out, fold=None):
    j = 0
    for c in text:
        if j < len(out) and (out[j] == c or (fold and fold.get(out[j], out[j]) == fold.get(c, c))):
            j += 1
        else:
            assert c in HS, (repr(c), text, out)
    assert j == len(out)


def _protected_kept(text, out):
    pos = 0
    for start, end in protected_spans(text):
        found = out.find(text[start:end], pos)
        assert found >= 0, (text[start:end], out)
        pos = found + end - start


_NUMBER = re.compile(r"\d+(?:[.,:\u066b\u066c\u060c]\d+)+")

heavy = st.lists(
    st.sampled_from(
        [
            " ",
            "  ",
            "\u00a0",
            "\t",
            "\n",
            ",",
            ".",
            ";",
            ":",
            "!",
            "?",
            "\u060c",
            "\u061b",
            "\u061f",
            "(",
            ")",
            "[",
            "]",
            "'",
            '"',
            "\u00bb",
            "...",
            ":)",
            ";(",
            "word",
            "\u0643\u0644\u0645\u0629",
            "5",
            "\u0663",
        ]
        + URLS
        + EMAILS
        + NUMBERS
    ),
    max_size=40,
).map("".join)


@pytest.mark.parametrize("script", [False, True])
@given(text=st.one_of(scraped_text(), lines_text(), arabic_text(), heavy))
def test_property_deletes_only_spaces_and_keeps_protected(script, text):
    out = normalize_punctuation(text, script_punctuation=script)
    assert normalize_punctuation(out, script_punctuation=script) == out, "not idempotent"
    _only_deletes_spaces(text, out, FOLD if script else None)
    if not script:
        assert [c for c in out if c not in HS] == [c for c in text if c not in HS]
    _protected_kept(text, out)
    for number in _NUMBER.findall(text):
        assert number in out


@given(text=st.one_of(scraped_text(), lines_text(), heavy))
def test_property_does_not_fight_whitespace(text):
    # after normalize_whitespace, punctuation keeps the whitespace normal form
    ws = normalize_whitespace(text)
    for script in (False, True):
        out = normalize_punctuation(ws, script_punctuation=script)
        assert normalize_whitespace(out) == out
        assert normalize_punctuation(normalize_whitespace(out), script_punctuation=script) == out


def test_script_marks_table():
    assert set(LATIN_TO_ARABIC) == set(",;?")
    assert {v: k for k, v in LATIN_TO_ARABIC.items()} == ARABIC_TO_LATIN


def _pathological_script(size, script):
    assert len(normalize_punctuation("\u0643," * (size // 2), script_punctuation=script)) == size
    assert len(normalize_punctuation("a \u060c " * (size // 4), script_punctuation=script)) == 3 * (size // 4)
    assert len(normalize_punctuation("," * size, script_punctuation=script)) == size
    text = "\u0643" + "," * size + "a"
    out = normalize_punctuation(text, script_punctuation=script)
    assert len(out) == len(text) and out[40:-40] == text[40:-40]


@pytest.mark.slow
def test_pathological_inputs_run():
    big = 2_000_000
    assert normalize_punctuation(" " * big + ".") == "."
    assert normalize_punctuation(" " * big + "x") == " " * big + "x"
    assert normalize_punctuation("(" + " " * big) == "("
    assert normalize_punctuation(" ," * (big // 2)) == "," * (big // 2)
    assert normalize_punctuation("( " * (big // 2)) == "(" * (big // 2)
    _pathological_script(big, False)
    # script_punctuation decides each mark in Python: a smaller size here,
    # the full size in the slow test below
    _pathological_script(200_000, True)


@pytest.mark.slow
def test_pathological_script_punctuation_full_size():
    _pathological_script(2_000_000, True)


@pytest.mark.parametrize(
    "text", ["النتيجة 2 : 1 لصالح الهلال", "ratio 16 : 9", "الساعة ٩ : ٣٠", "1 . 5 million"]
)
def test_spaced_mark_between_numbers_is_kept(text):
    assert normalize_punctuation(text) == text


def test_mark_after_a_number_still_loses_its_space():
    assert normalize_punctuation("يوم 5 ، وقال") == "يوم 5، وقال"
    assert normalize_punctuation("in 2024 , he said") == "in 2024, he said"
