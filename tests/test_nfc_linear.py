"""NFC is linear in a run of combining marks, and still exactly NFC (issue 10, item 1).

CPython's ``unicodedata.normalize`` reorders marks by insertion: a letter
followed by n alternating SHADDA + FATHA took time in n squared (4 s at 64k
marks).  ``nazif._nfc.nfc`` sorts a long run first; these tests check that
the result is still exactly ``unicodedata.normalize("NFC", ...)``, that the
steps and presets stay idempotent on such text, and scaling as a ratio
t(4n)/t(n) (best of three, sizes where one run takes tens of milliseconds).
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nazif
from nazif import _nfc
from nazif._nfc import MAX_RUN, NONSTARTER_DECOMPOSITIONS, nfc
from nazif.arabic import normalize_nfc, remove_diacritics
from timing import best_time

#: scale and engine tests: run by .ci/run as their own step (`-m slow`)
pytestmark = pytest.mark.slow

#: t(4n) / t(n): about 4 for linear, and the sort adds a log factor (4.4 to 5.0
#: measured on a loaded machine); 16 for quadratic
BOUND = 6.0

FATHA, SHADDA, KASRA, HAMZA_ABOVE = "\u064e", "\u0651", "\u0650", "\u0654"
BEH, ALEF = "\u0628", "\u0627"


def fathas(n: int) -> str:
    # one class only: nothing to reorder (CPython was linear here already)
    return BEH + FATHA * n


def shadda_fatha(n: int) -> str:
    # SHADDA (class 33) before FATHA (class 30): under insertion every FATHA
    # moves left past all the SHADDAs before it
    return BEH + (SHADDA + FATHA) * (n // 2)


def shaddas_then_fathas(n: int) -> str:
    return BEH + SHADDA * (n // 2) + FATHA * (n // 2)


def _ratio(func: Callable[[str], object], make: Callable[[int], str], n: int) -> float:
    """t(4n)/t(n) in CPU time, best of three each; measured again (up to three
    times) while above BOUND, as a busy machine can slow one size (quadratic
    time gives 16 every time)."""
    small, large = make(n), make(4 * n)
    func(small)  # warm up (the run pattern is built on first use)
    ratio = float("inf")
    for _ in range(3):
        ratio = min(ratio, best_time(lambda: func(large)) / best_time(lambda: func(small)))
        if ratio <= BOUND:
            break
    return ratio


def _preset(name: str) -> Callable[[str], str]:
    return lambda text: nazif.clean(text, preset=name)


# n and 4n marks, at sizes where one run takes tens of milliseconds: a
# million and four million for the step, a quarter and one million for the presets
NORMALIZE_NFC = [
    pytest.param(normalize_nfc, make, 1_000_000, id=f"normalize_nfc-{make.__name__}")
    for make in (shadda_fatha, shaddas_then_fathas)
]
PRESETS = [
    pytest.param(_preset(name), make, 250_000, id=f"{name}-{make.__name__}")
    for name in ("display", "search", "corpus")
    for make in (shadda_fatha, shaddas_then_fathas, fathas)
]


@pytest.mark.parametrize(("func", "make", "n"), NORMALIZE_NFC + PRESETS)
def test_scaling_on_a_mark_run(func: Callable[[str], object], make: Callable[[int], str], n: int) -> None:
    ratio = _ratio(func, make, n)
    assert ratio <= BOUND, f"t(4n)/t(n) = {ratio:.1f} at n = {n}"


def test_long_run_is_exactly_nfc() -> None:
    text = ALEF + (SHADDA + FATHA + HAMZA_ABOVE + KASRA) * 1000 + " " + "e" + "\u0301\u0323" * 40
    out = nfc(text)
    assert out == unicodedata.normalize("NFC", text)
    assert out[0] == "\u0623"  # ALEF + HAMZA ABOVE composed across the sorted run
    assert out.count(FATHA) == 1000 and out.count(SHADDA) == 1000


@pytest.mark.parametrize("make", [shadda_fatha, shaddas_then_fathas, fathas])
@pytest.mark.parametrize("preset", ["display", "search", "corpus"])
def test_presets_idempotent_on_mark_runs(preset: str, make: Callable[[int], str]) -> None:
    text = "كتب " + make(5000) + " الطالب\n" + ALEF + (FATHA + SHADDA + HAMZA_ABOVE) * 300
    once = nazif.clean(text, preset=preset)
    assert nazif.clean(once, preset=preset) == once


def test_steps_idempotent_on_mark_runs() -> None:
    text = shadda_fatha(10_000)
    for step in (normalize_nfc, remove_diacritics):
        once = step(text)
        assert step(once) == once
    assert normalize_nfc(text) == BEH + FATHA * 5000 + SHADDA * 5000  # nothing added, nothing lost


# --- exactly unicodedata's NFC, on runs on both sides of MAX_RUN ------------

MARKS = [
    FATHA,
    SHADDA,
    KASRA,
    HAMZA_ABOVE,
    "\u0655",  # HAMZA BELOW (composes with alef)
    "\u0653",  # MADDAH ABOVE (composes with alef)
    "\u0670",  # SUPERSCRIPT ALEF (class 35)
    "\u06e1",  # Quranic small high dotless head of khah (class 230)
    "\u0301",  # COMBINING ACUTE (composes with e)
    "\u0323",  # COMBINING DOT BELOW (class 220)
    "\u0344",  # COMBINING GREEK DIALYTIKA TONOS: decomposes to two marks
    "\u0f71",  # TIBETAN VOWEL SIGN AA (class 129)
    "\u0f72",  # TIBETAN VOWEL SIGN I (class 130)
    *NONSTARTER_DECOMPOSITIONS,  # class 0, decompose to marks
    "\u05b0",  # HEBREW POINT SHEVA (class 10)
    "\U0001d165",  # MUSICAL SYMBOL COMBINING STEM (class 216)
    "\U0001e944",  # ADLAM ALIF LENGTHENER (class 230)
    "\U000110ba",  # KAITHI SIGN NUKTA (class 7)
]
BASES = [
    BEH,
    ALEF,
    "e",
    "\u1ec7",  # LATIN SMALL LETTER E WITH CIRCUMFLEX AND DOT BELOW: decomposes to e + 2 marks
    "\u1100",  # HANGUL CHOSEONG KIYEOK (composes with a following vowel)
    "\u1161",
    "\U0001d400",  # MATHEMATICAL BOLD CAPITAL A: a starter inside the supplementary candidate range
    "\U0001d15e",  # MUSICAL SYMBOL HALF NOTE: decomposes to a starter + a class-216 mark
    " ",
    "\ud800",  # a lone surrogate
]


def _run(n_max: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(MARKS), max_size=n_max).map("".join)


texts = st.lists(st.tuples(st.sampled_from(BASES), _run(3 * MAX_RUN)), max_size=6).map(
    lambda parts: "".join(b + r for b, r in parts)
)
# long runs with starters inside (supplementary candidates of the run
# pattern that are not marks), with and without characters that decompose
runs_with_candidates = st.lists(st.sampled_from(MARKS + ["\U0001d400", "\U0001d15e"]), max_size=200).map(
    "".join
)
PLAIN_MARKS = [m for m in MARKS if unicodedata.normalize("NFD", m) == m and unicodedata.combining(m)]
runs_with_plain_candidates = st.lists(st.sampled_from(PLAIN_MARKS + ["\U0001d400"]), max_size=200).map(
    lambda chars: "e\u0301" + "".join(chars)
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(texts, runs_with_candidates, runs_with_plain_candidates, _run(200)))
def test_nfc_equals_unicodedata(text: str) -> None:
    assert nfc(text) == unicodedata.normalize("NFC", text)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_normalize_nfc_idempotent_on_long_runs(text: str) -> None:
    once = normalize_nfc(text)
    assert normalize_nfc(once) == once


@pytest.mark.parametrize(
    "text",
    [
        "e\u0301" + "\U0001d400" * 100,  # candidates only, no mark
        "e\u0301" + ("\U0001d400" + SHADDA + FATHA) * 40,  # stretches between starters
        "e\u0301" + ("\U0001d400" + SHADDA + FATHA + "\u0344") * 40,  # and a mark that decomposes
        "\u0f40" + "\u0f73\u0f71" * 40,  # class-0 characters that decompose to marks
        "a"
        + "".join(chr(c) for c in range(0x0300, 0x0370) if unicodedata.combining(chr(c)))
        * 2,  # > _FEW distinct
    ],
)
def test_each_path_of_the_run_sort_is_exactly_nfc(text: str) -> None:
    assert nfc(text) == unicodedata.normalize("NFC", text)


def test_normal_text_is_returned_as_is() -> None:
    text = "قال الوزير إنّ المحادثات — café"
    assert nfc(text) is text
    assert nfc("abc") == "abc"


# --- the tables the run pattern is built from ------------------------------


def test_nonstarter_decompositions_are_the_only_ones() -> None:
    """Every character of class 0 whose canonical decomposition begins with
    a non-starter is in NONSTARTER_DECOMPOSITIONS (this Python's unicodedata)."""
    found = []
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if unicodedata.combining(ch):
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        if decomposed != ch and unicodedata.combining(decomposed[0]):
            found.append(ch)
    assert "".join(found) == NONSTARTER_DECOMPOSITIONS


def test_scan_covers_every_nonstarter() -> None:
    """Every non-starter is below the end of the scanned planes."""
    last = max(cp for cp in range(sys.maxunicode + 1) if unicodedata.combining(chr(cp)))
    assert last < _nfc._SCAN_END


def test_a_non_starter_decomposes_into_non_starters() -> None:
    # _order sorts the decomposition of a run character as one stretch of marks
    for cp in range(0x0300, _nfc._SCAN_END):
        ch = chr(cp)
        if unicodedata.combining(ch) or ch in NONSTARTER_DECOMPOSITIONS:
            assert all(unicodedata.combining(c) for c in unicodedata.normalize("NFD", ch)), hex(cp)
