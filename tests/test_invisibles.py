"""remove_invisibles: unit cases, tables, properties, pathological input."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nazif.diff import apply_changes
from nazif.invisibles import remove_invisibles, trace_remove_invisibles
from nazif.tables.invisibles import (
    ARABIC_LETTERS,
    ARABIC_MARKS,
    BIDI_MARKS,
    CONTROLS,
    INVISIBLE_FORMAT,
    KEPT_CONTROLS,
    PICTOGRAPH_RANGES,
    ZWJ,
    ZWNJ,
)
from nazif.tables.quotes import QUOTE_CHARS
from strategies import EMOJI, INVISIBLES, PERSIAN_LETTERS, arabic_text, scraped_text

REMOVABLE = frozenset(INVISIBLE_FORMAT) | frozenset(CONTROLS) | {ZWJ, ZWNJ}

MI_KHAHAM = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # Persian "I want"
FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
RAINBOW_FLAG = "\U0001f3f3\ufe0f\u200d\U0001f308"
HEALTH_WORKER = "\U0001f9d1\U0001f3fd\u200d\u2695\ufe0f"


def test_tables():
    for c in INVISIBLE_FORMAT:
        assert unicodedata.category(c) == "Cf", hex(ord(c))
    for c in CONTROLS:
        assert unicodedata.category(c) == "Cc"
    assert not (set(CONTROLS) & KEPT_CONTROLS)
    assert len(CONTROLS) + len(KEPT_CONTROLS) == 65  # all of C0, DEL and C1
    assert "\ufe0f" not in REMOVABLE and "\u034f" not in REMOVABLE
    assert "\u0640" not in ARABIC_LETTERS  # tatweel is not a letter here
    assert "\ufe70" not in ARABIC_LETTERS  # fathatan isolated form: space + mark
    assert "\ufefb" in ARABIC_LETTERS and "\u06cc" in ARABIC_LETTERS
    assert "\u064e" in ARABIC_MARKS and "\u0651" in ARABIC_MARKS


def _in_pictographs(c):
    return any(lo <= ord(c) <= hi for lo, hi in PICTOGRAPH_RANGES)


def test_pictograph_ranges_cover_extended_pictographic():
    regex = pytest.importorskip("regex")
    ext = regex.compile(r"\p{Extended_Pictographic}")
    missing = [hex(c) for c in range(0x110000) if ext.match(chr(c)) and not _in_pictographs(chr(c))]
    assert missing == []


def test_quote_ornaments_are_not_pictographs():
    # otherwise normalize_quotes could change a joiner's context
    assert not any(_in_pictographs(c) for c in QUOTE_CHARS)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", ""),
        ("plain", "plain"),
        ("zero\u200bwidth", "zerowidth"),
        ("\ufeffBOM at start", "BOM at start"),
        ("word\u2060joiner", "wordjoiner"),
        ("inter\u00adna\u00adtional", "international"),
        ("\u200f\u0645\u0631\u062d\u0628\u0627\u200e", "\u0645\u0631\u062d\u0628\u0627"),
        ("\u061c\u0661\u0662\u061c", "\u0661\u0662"),
        ("\u202b\u0639\u0631\u0628\u064a\u202c", "\u0639\u0631\u0628\u064a"),
        ("\u2067\u0639\u0631\u0628\u064a\u2069 \u2066x\u2069", "\u0639\u0631\u0628\u064a x"),
        ("\u202dLRO\u202e", "LRO"),
        ("a\u180eb\u2062c\ufff9d\ufffbe", "abcde"),
        ("nul\x00 bell\x07 esc\x1b del\x7f c1\x80\x9f", "nul bell esc del c1"),
        ("\x1b[31mred\x1b[0m", "red"),
        ("\x1b[1;32;40mgreen", "green"),
        # line-ending controls and the tab are whitespace's business
        ("a\tb\nc\rd\x0be\x0cf\x85g", "a\tb\nc\rd\x0be\x0cf\x85g"),
        # visible or meaningful format characters stay
        ("\u0600\u0661\u0662 \u06dd\u0661", "\u0600\u0661\u0662 \u06dd\u0661"),
        ("\u2764\ufe0f", "\u2764\ufe0f"),
        ("\ud800 lone\u200b", "\ud800 lone"),
    ],
)
def test_cases(text, expected):
    assert remove_invisibles(text) == expected


def test_zwnj_in_persian_is_kept():
    assert remove_invisibles(MI_KHAHAM) == MI_KHAHAM
    assert (
        remove_invisibles("\u0646\u0627\u0645\u0647\u200c\u0647\u0627")
        == "\u0646\u0627\u0645\u0647\u200c\u0647\u0627"
    )
    # after harakat on the first letter too
    assert remove_invisibles("\u0645\u0650\u06cc\u200c\u062e") == "\u0645\u0650\u06cc\u200c\u062e"
    assert remove_invisibles("\u0645\u06cc\u064e\u0651\u200c\u062e") == "\u0645\u06cc\u064e\u0651\u200c\u062e"


def test_zwnj_elsewhere_is_removed():
    assert remove_invisibles("a\u200cb") == "ab"
    assert remove_invisibles("\u0645\u06cc\u200c x") == "\u0645\u06cc x"
    assert remove_invisibles(" \u200c\u062e") == " \u062e"
    assert remove_invisibles("\u0640\u200c\u062e") == "\u0640\u062e"  # after tatweel
    assert remove_invisibles(" \u064e\u200c\u062e") == " \u064e\u062e"  # orphan mark
    assert remove_invisibles("\u0645\u06cc\u200c\u064e") == "\u0645\u06cc\u064e"


def test_doubled_zwnj_between_letters_becomes_one():
    assert remove_invisibles("\u0645\u200c\u200c\u062e") == "\u0645\u200c\u062e"
    assert remove_invisibles("\u0645\u200c\u200d\u200b\u200c\u062e") == "\u0645\u200c\u062e"


def test_keep_zwnj_false():
    assert remove_invisibles(MI_KHAHAM, keep_zwnj=False) == MI_KHAHAM.replace(ZWNJ, "")


def test_zwnj_between_arabic_around_removed_invisible():
    # the zero-width space goes first, then the joiner is judged in context
    assert remove_invisibles("\u0645\u06cc\u200b\u200c\u062e") == MI_KHAHAM[:3] + "\u062e"


@pytest.mark.parametrize("emoji", [FAMILY, RAINBOW_FLAG, HEALTH_WORKER, "\u2764\ufe0f\u200d\U0001f525"])
def test_zwj_in_emoji_is_kept(emoji):
    assert remove_invisibles(emoji) == emoji
    assert remove_invisibles("x " + emoji + " y") == "x " + emoji + " y"


def test_zwj_elsewhere_is_removed():
    assert remove_invisibles("a\u200db") == "ab"
    assert remove_invisibles("\u0644\u200d") == "\u0644"
    assert remove_invisibles("\U0001f468\u200d") == "\U0001f468"
    assert remove_invisibles("\u200d\U0001f469") == "\U0001f469"
    assert remove_invisibles("\U0001f468\u200d\u200d\U0001f469") == "\U0001f468\U0001f469"
    assert remove_invisibles("\u201d\u200d\U0001f469") == "\u201d\U0001f469"


def test_clean_text_is_returned_as_same_object():
    for text in ["plain text", MI_KHAHAM, FAMILY + " ok", "\u0639\u0631\u0628\u064a\n\ttab"]:
        assert remove_invisibles(text) is text


# A terminal escape sequence goes whole (its visible payload too).
CSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")


def _check_only_deletes_class(text, out):
    """The output is the input less invisibles, except that a run of them
    holding a bidi mark may have become one space or ZWNJ."""
    text = CSI.sub("", text)
    j = 0
    replaced = False  # the current run of invisibles has become one character
    for c in text:
        if j < len(out) and out[j] == c:
            j += 1
            replaced = c in REMOVABLE and replaced
        elif c in BIDI_MARKS and not replaced and j < len(out) and out[j] in (" ", ZWNJ):
            j += 1  # a bidi mark between two letters: a word boundary or a half-space
            replaced = True
        else:
            assert c in REMOVABLE, (repr(c), text)
    assert j == len(out), "output is not a subsequence of the input"


@given(text=scraped_text())
def test_property_only_deletes_invisibles(text):
    out = remove_invisibles(text)
    _check_only_deletes_class(text, out)
    assert remove_invisibles(out) == out
    kept = CSI.sub("", text)
    visible = REMOVABLE | {" "}  # (a bidi mark between letters may become a space)
    assert [c for c in kept if c not in visible] == [c for c in out if c not in visible]
    # what is left of the class is only context-kept joiners
    assert not (set(out) & (REMOVABLE - {ZWJ, ZWNJ}))


@given(
    words=st.lists(
        st.tuples(
            st.sampled_from(PERSIAN_LETTERS + ["\u0645", "\u0628", "\u064e", " ", "a", "\u0640"]),
            st.sampled_from(INVISIBLES + EMOJI + ["\u200c", "\u200d", ""]),
        ),
        max_size=20,
    ),
    keep=st.booleans(),
)
def test_property_joiners(words, keep):
    text = "".join(a + b for a, b in words)
    out = remove_invisibles(text, keep_zwnj=keep)
    assert remove_invisibles(out, keep_zwnj=keep) == out
    for i, c in enumerate(out):
        if c == ZWNJ:
            assert keep
            assert i + 1 < len(out) and out[i + 1] in ARABIC_LETTERS
            k = i - 1
            while k >= 0 and out[k] in ARABIC_MARKS:
                k -= 1
            assert k >= 0 and out[k] in ARABIC_LETTERS
        if c == ZWJ:
            assert i + 1 < len(out) and _in_pictographs(out[i + 1])


@given(text=arabic_text())
def test_property_arabic_text_keeps_letters(text):
    out = remove_invisibles(text)
    assert out == text  # no invisibles in the generator's Arabic text


@pytest.mark.slow
def test_pathological_inputs_run():
    big = 2_000_000
    assert remove_invisibles("\u200b" * big) == ""
    assert remove_invisibles("\u200c" * big) == ""
    assert remove_invisibles("\u200d" * big) == ""
    assert remove_invisibles("\u0645\u200c" * (big // 2)) == ("\u0645\u200c" * (big // 2))[:-1]
    assert (
        remove_invisibles("\u0645" + "\u064e" * big + "\u200c\u062e")
        == "\u0645" + "\u064e" * big + "\u200c\u062e"
    )
    assert remove_invisibles(("\u064e" * 1000 + "\u200c\u062e") * 1000).count("\u200c") == 999
    assert remove_invisibles("\x1b[" + "0" * big) == "[" + "0" * big
    assert remove_invisibles("\U0001f468\u200d" * (big // 2)).count("\u200d") == big // 2 - 1


@given(
    text=st.one_of(
        scraped_text(),
        st.lists(st.sampled_from(INVISIBLES + EMOJI + ["\u0645", "\u06cc", "a", "\x1b[1m"]), max_size=30).map(
            "".join
        ),
    ),
    keep=st.booleans(),
)
def test_property_tracer_replays(text, keep):
    out, changes = trace_remove_invisibles(text, keep_zwnj=keep)
    assert out == remove_invisibles(text, keep_zwnj=keep)
    assert apply_changes(text, changes) == out
    last_end = -1
    for c in changes:
        assert text[c.start : c.end] == c.before and c.rule and c.entry
        assert c.after == "" or (c.rule.startswith("bidi mark between letters") and c.after in (" ", ZWNJ))
        assert c.start >= last_end
        last_end = c.end


def test_tracer_names_what_it_removed():
    out, changes = trace_remove_invisibles("a\u200f\u200fb\u00adc\x1b[31md")
    assert out == "abcd"
    assert [(c.start, c.end, c.rule) for c in changes] == [
        (1, 3, "bidi mark"),
        (4, 5, "hyphenation hint (splits words when copied)"),
        (6, 11, "terminal escape sequence"),
    ]
    assert changes[0].entry == "U+200F RIGHT-TO-LEFT MARK"
    assert trace_remove_invisibles("clean") == ("clean", [])


# --- a bidi mark between two letters separates two words (issue 10, item 11) ---

KATABA_RLM = "\u0643\u062a\u0628\u200f\u0627\u0644\u0637\u0627\u0644\u0628"  # wrote RLM the-student


@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u061c", "\u200f\u200e", "\u200f\u200b\u2060"])
def test_bidi_mark_between_arabic_letters_is_a_word_boundary(mark):
    text = KATABA_RLM.replace("\u200f", mark)
    assert remove_invisibles(text) == "\u0643\u062a\u0628 \u0627\u0644\u0637\u0627\u0644\u0628"
    assert remove_invisibles(text, keep_zwnj=False) == remove_invisibles(text)
    # harakat after the first letter
    voweled = "\u0643\u062a\u0628\u064e" + mark + "\u0627\u0644"
    assert remove_invisibles(voweled) == "\u0643\u062a\u0628\u064e \u0627\u0644"


def test_bidi_mark_in_persian_context_is_a_half_space():
    # e-books misuse RLM as the Persian half-space
    assert remove_invisibles("\u0645\u06cc\u200f\u062e\u0648\u0627\u0647\u0645") == MI_KHAHAM
    # neither word has a Persian letter, a nearby one does: khaneh-ha ketab
    text = "\u062e\u0627\u0646\u0647\u200f\u0647\u0627 \u06a9\u062a\u0627\u0628"
    assert remove_invisibles(text) == text.replace("\u200f", ZWNJ)
    assert remove_invisibles(text, keep_zwnj=False) == text.replace("\u200f", "")
    # Urdu (yeh barree) and a presentation form of peh count too
    assert remove_invisibles("\u0628\u200f\u062a\u06d2") == "\u0628\u200c\u062a\u06d2"
    assert remove_invisibles("\ufb56\u0628\u200f\u062a") == "\ufb56\u0628\u200c\u062a"
    # a ZWNJ in the run says half-space whatever the context
    assert remove_invisibles("\u0628\u200f\u200c\u062a") == "\u0628\u200c\u062a"


def test_persian_context_reaches_32_characters():
    far = "\u06a9 " + "\u0628" * 32 + "\u200f\u062a"
    near = "\u06a9 " + "\u0628" * 30 + "\u200f\u062a"
    assert remove_invisibles(far).endswith("\u0628 \u062a")
    assert remove_invisibles(near).endswith("\u0628\u200c\u062a")


def test_bidi_mark_elsewhere_is_still_deleted():
    assert remove_invisibles("a\u200fb") == "ab"
    assert remove_invisibles("\u0643\u062a\u0628\u200f") == "\u0643\u062a\u0628"
    assert remove_invisibles("\u200f\u0643\u062a\u0628") == "\u0643\u062a\u0628"
    assert remove_invisibles("\u0628\u200f \u062a") == "\u0628 \u062a"
    assert remove_invisibles("\u0628\u200f\u0661") == "\u0628\u0661"  # before a digit
    assert remove_invisibles("\u0628\u200fa") == "\u0628a"  # before Latin
    assert remove_invisibles("\u0640\u200f\u062a") == "\u0640\u062a"  # after tatweel
    assert remove_invisibles("\u0628\u200f\n\u062a") == "\u0628\n\u062a"


def test_isolate_pairs_are_removed_as_pairs():
    # RTL tools wrap an opposite-direction run, outside its spaces
    assert (
        remove_invisibles("\u0643\u062a\u0628 \u2066ABC\u2069 \u0627\u0644")
        == "\u0643\u062a\u0628 ABC \u0627\u0644"
    )
    nested = "\u2067\u0643\u062a\u0628 \u2066ABC \u2068x\u2069\u2069\u2069"
    assert remove_invisibles(nested) == "\u0643\u062a\u0628 ABC x"
    # an unpaired one goes too, and an isolate is never a word boundary
    assert remove_invisibles("\u2069\u0628\u2067\u062a") == "\u0628\u062a"
    # a bidi mark inside a pair still separates the words around it
    assert remove_invisibles("\u0628\u2067\u200f\u062a\u2069") == "\u0628 \u062a"


def test_bidi_conversion_tracer():
    out, changes = trace_remove_invisibles("x\x1b[0m " + KATABA_RLM + "\u200b")
    assert out == "x \u0643\u062a\u0628 \u0627\u0644\u0637\u0627\u0644\u0628"
    assert [(c.before, c.after, c.rule) for c in changes] == [
        ("\x1b[0m", "", "terminal escape sequence"),
        ("\u200f", " ", "bidi mark between letters: word boundary"),
        ("\u200b", "", "line-break hint"),
    ]
    out, changes = trace_remove_invisibles("\u0645\u06cc\u200f\u200e\x1b[1m\u200b\u062e")
    assert out == "\u0645\u06cc\u200c\u062e"
    assert [(c.start, c.end, c.after, c.rule) for c in changes] == [
        (2, 9, "\u200c", "bidi mark between letters: half-space")
    ]
    assert apply_changes("\u0645\u06cc\u200f\u200e\x1b[1m\u200b\u062e", changes) == out


BIDI_PIECES = st.sampled_from(
    ["\u0628", "\u062a", "\u06a9", "\u064e", " ", "a", "1", "\u0640", "\x1b[1m", "\n", *INVISIBLES]
)


@given(text=st.lists(BIDI_PIECES, max_size=40).map("".join), keep=st.booleans())
def test_property_bidi_marks_between_letters(text, keep):
    out = remove_invisibles(text, keep_zwnj=keep)
    assert remove_invisibles(out, keep_zwnj=keep) == out
    assert not (set(out) & BIDI_MARKS)
    traced, changes = trace_remove_invisibles(text, keep_zwnj=keep)
    assert traced == out and apply_changes(text, changes) == out
    # the letters of the output are the letters of the input, in order
    assert [c for c in out if c in ARABIC_LETTERS] == [c for c in text if c in ARABIC_LETTERS]
    # every replaced run stood between two letters
    for c in changes:
        if c.after or c.rule.startswith("bidi mark between letters"):
            assert set(c.before) & BIDI_MARKS
            assert text[c.end] in ARABIC_LETTERS


def test_bidi_marks_scale_linearly():
    import time

    def t(n):
        text = ("\u0628\u200f" * n) + ("\u200f" * n) + ("\u064e\u200f" * n)
        best = 1e9
        for _ in range(3):
            t0 = time.perf_counter()
            remove_invisibles(text)
            best = min(best, time.perf_counter() - t0)
        return best

    assert t(40_000) / t(10_000) <= 8
