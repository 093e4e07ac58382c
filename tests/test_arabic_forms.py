"""Lossless Arabic steps: normalize_nfc, fold_presentation_forms, remove_tatweel.

Unit cases for every policy in the docstrings, properties that say the steps
are lossless (no letter appears or disappears), and a check that the
generated Unicode tables are up to date.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nazif.arabic import _generated_tables as gen
from nazif.arabic import fold_presentation_forms, normalize_nfc, remove_tatweel
from nazif.arabic.tables import (
    KEPT_LIGATURES,
    NAMELESS_LIGATURES,
    PRESENTATION_FOLD,
    SPACING_MARK_FORMS,
)
from strategies import PRESENTATION_FORMS, arabic_text, scraped_text

ROOT = Path(__file__).resolve().parent.parent
TATWEEL = "\u0640"


def letters(text: str) -> list:
    """The letters of ``text`` (category L*, tatweel excepted), in order."""
    return [c for c in text if unicodedata.category(c).startswith("L") and c != TATWEEL]


def cps(text: str) -> str:
    return " ".join(f"U+{ord(c):04X}" for c in text)


# --- normalize_nfc -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("\u0627\u0654", "\u0623"),  # alef + hamza above -> alef with hamza above
        ("\u0627\u0655", "\u0625"),
        ("\u0627\u0653", "\u0622"),
        ("\u0648\u0654", "\u0624"),
        ("\u064a\u0654", "\u0626"),
        ("\u0628\u0651\u064e", "\u0628\u064e\u0651"),  # shadda+fatha put in canonical order
        ("e\u0301", "\u00e9"),
        ("\ud800\u0627\u0654", "\ud800\u0623"),  # lone surrogate passes through
    ],
)
def test_nfc_composes(text, expected):
    assert cps(normalize_nfc(text)) == cps(expected)


@pytest.mark.parametrize("text", ["ﷺ", "ﻻ", "ﬁ", "２", "½", "x²", "\ufeff"])
def test_nfc_leaves_compatibility_characters(text):
    assert normalize_nfc(text) == text


def test_nfc_returns_input_object_when_already_normalized():
    text = "العربية plain text"
    assert normalize_nfc(text) is text


@given(scraped_text())
def test_nfc_is_canonically_equivalent(text):
    out = normalize_nfc(text)
    assert unicodedata.normalize("NFD", out) == unicodedata.normalize("NFD", text)
    assert unicodedata.is_normalized("NFC", out)


# --- fold_presentation_forms ------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ﺍﻟﻌﺮﺑﻴﺔ", "العربية"),
        ("ﻷ", "لأ"),  # the hamza stays
        ("ﻹ", "لإ"),
        ("ﻵ", "لآ"),
        ("ﻻ", "لا"),
        ("ﷲ", "الله"),  # a word ligature: a letter fold
        ("ﻋﻠﻰ", "على"),
        ("ﺁﻣﻨﺔ", "آمنة"),
        ("ﭖ ﮎ ﯼ", "پ ک ی"),  # Persian forms fold to Persian letters, not Arabic ones
        ("ﲐ", "ىٰ"),  # ALEF MAKSURA WITH SUPERSCRIPT ALEF ISOLATED FORM
    ],
)
def test_fold_letters(text, expected):
    assert cps(fold_presentation_forms(text)) == cps(expected)


@pytest.mark.parametrize(
    "lig", ["\ufdfa", "\ufdfb", "\ufdfc", "\ufdfd", "\ufdf0", "\ufdf1", "\ufdfe", "\ufd40"]
)
def test_phrase_ligatures_and_symbols_survive_by_default(lig):
    assert fold_presentation_forms(f"محمد {lig} قال") == f"محمد {lig} قال"


@pytest.mark.parametrize(
    "lig, expected",
    [
        ("\ufdfa", "صلى الله عليه وسلم"),
        ("\ufdfb", "جل جلاله"),
        ("\ufdfc", "ریال"),  # the rial sign is spelt with Farsi yeh in Unicode
        ("\ufdfd", "بسم الله الرحمن الرحيم"),  # no decomposition: from the name
        ("\ufdff", "عز وجل"),
    ],
)
def test_keep_ligatures_false_expands(lig, expected):
    assert fold_presentation_forms(lig, keep_ligatures=False) == expected


@pytest.mark.parametrize(
    "text",
    [
        "\ufeffنص",  # BOM: not a presentation form (remove_invisibles handles it)
        "\ufd3e\u0646\ufd3f",  # ornate parentheses
        "\ufbb2\ufbc1",  # Arabic symbols (dots, small tah)
        "ﬁ ２ ½ x² \u2126",  # other compatibility characters: no NFKC here
        "\ufe73",  # ARABIC TAIL FRAGMENT has no decomposition
    ],
)
def test_fold_leaves_non_presentation_forms(text):
    assert fold_presentation_forms(text) == text


def test_isolated_harakat_after_a_letter_become_marks():
    assert cps(fold_presentation_forms("ﺏﹶ")) == cps("بَ")
    assert cps(fold_presentation_forms("بﹰﹼ")) == cps("بًّ")
    assert cps(fold_presentation_forms("بﱠ")) == cps("بَّ")  # U+FC60 shadda with fatha


def test_standalone_isolated_harakat_are_kept():
    # a lone vowel sign shown on its own (grammar books): nothing to sit on
    assert fold_presentation_forms("الفتحة ( ﹶ ) والضمة ﹸ") == "الفتحة ( ﹶ ) والضمة ﹸ"
    assert fold_presentation_forms("ﹰﹰ") == "ﹰﹰ"


def test_medial_mark_forms_become_tatweel_with_mark():
    assert cps(fold_presentation_forms("ﺑﹷ")) == cps("بـَ")


def test_fold_result_is_nfc():
    out = fold_presentation_forms("بّﹰ")  # shadda then a folded fathatan
    assert unicodedata.is_normalized("NFC", out)
    assert cps(out) == cps("ب\u064b\u0651")


def test_fold_leaves_urls_alone():
    text = "ﻻ https://example.com/ﻻ ﻻ"
    assert fold_presentation_forms(text) == "لا https://example.com/ﻻ لا"


@pytest.mark.parametrize("cp", sorted(gen.PRESENTATION_FOLD))
def test_every_single_fold_matches_nfkc(cp):
    """Per code point the fold is NFKC-equivalent, and only one level deep.

    It stops at the letter the form shows: U+FBDD folds to U WITH HAMZA
    ABOVE U+0677, which NFKC would split further into two letters.
    """
    ch = chr(cp)
    out = fold_presentation_forms(ch)
    if ch in KEPT_LIGATURES:
        assert out == ch
        return
    assert unicodedata.normalize("NFKC", out) == unicodedata.normalize("NFKC", ch)
    mapping = "".join(chr(int(h, 16)) for h in unicodedata.decomposition(ch).split()[1:])
    assert out == unicodedata.normalize("NFC", mapping)
    assert not any("\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff" for c in out)


def test_tables_cover_the_presentation_blocks():
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)):
        ch = chr(cp)
        if unicodedata.decomposition(ch).startswith("<"):
            assert ch in PRESENTATION_FOLD or ch in SPACING_MARK_FORMS, hex(cp)
    assert set(NAMELESS_LIGATURES).isdisjoint(PRESENTATION_FOLD)


def _visible(text: str) -> str:
    """Compatibility-decomposed, without spaces, marks in canonical order."""
    return unicodedata.normalize("NFKD", "".join(c for c in unicodedata.normalize("NFKD", text) if c != " "))


@given(st.lists(st.sampled_from(PRESENTATION_FORMS + list("بت ،.ـَُِّ")), max_size=30).map("".join))
def test_fold_changes_only_encoding(text):
    out = fold_presentation_forms(text)
    # the same letters and marks, compatibility-decomposed, spaces of the
    # isolated harakat aside
    assert _visible(out) == _visible(text)


@given(arabic_text())
def test_fold_keeps_every_letter(text):
    out = fold_presentation_forms(text)
    assert letters(unicodedata.normalize("NFKD", out)) == letters(unicodedata.normalize("NFKD", text))
    for ch in out:
        assert ch not in PRESENTATION_FOLD or ch in KEPT_LIGATURES


@given(arabic_text())
def test_fold_expanding_ligatures_leaves_no_presentation_form(text):
    out = fold_presentation_forms(text, keep_ligatures=False)
    assert not any(ch in PRESENTATION_FOLD or ch in NAMELESS_LIGATURES for ch in out)
    assert fold_presentation_forms(out, keep_ligatures=False) == out


# --- remove_tatweel -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("العـــربيـة", "العربية"),
        ("جميـــــل", "جميل"),
        ("فـي", "في"),
        ("عـربي", "عربي"),  # before a right-joining letter
        ("قـِبـَل", "قِبَل"),  # marks after the tatweel go to the letter before
        ("سنّـه", "سنّه"),
        ("تتولـّي", "تتولّي"),
        ("مـ\u06e5ـن", "م\u06e5ن"),  # Quranic small waw is transparent
    ],
)
def test_tatweel_removed_between_joining_letters(text, expected):
    assert remove_tatweel(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "قال لـ«الشرق الأوسط»",  # prefix joiner before a quote
        'وقال لـ"الوطن"',
        "الدول الـ28 الأعضاء",  # before a digit
        "عام 1436هـ، وفي",  # the Hijri abbreviation
        "ريال 1436هـ",
        "بـ(29.7 %)",
        "لـCNN",  # before Latin
        "بين 70 ـــ 90 في المائة",  # a dash between spaces
        "ـ حفظه الله ـ",
        "(المتقدم/ــه)",  # after a slash
        "دـب",  # after a letter that does not join forward
        "بـء",  # before a non-joining letter
        "ـــ",
        "بـَ",  # tatweel carrying a mark at the end of the text
    ],
)
def test_tatweel_kept_where_it_shapes_the_text(text):
    assert remove_tatweel(text) == text


def test_tatweel_everywhere():
    assert remove_tatweel("قال لـ«الشرق» 1436هـ ـــ جميـــل", everywhere=True) == "قال ل«الشرق» 1436ه  جميل"


def test_tatweel_in_urls_is_kept():
    text = "جمـيل https://x.org/جمـيل"
    assert remove_tatweel(text) == "جميل https://x.org/جمـيل"
    assert remove_tatweel(text, everywhere=True) == "جميل https://x.org/جمـيل"


def test_tatweel_removal_keeps_marks_in_canonical_order():
    out = remove_tatweel("بـّـَب")  # shadda, tatweel, fatha
    assert unicodedata.is_normalized("NFC", out)
    assert cps(out) == cps("ب\u064e\u0651ب")
    assert cps(remove_tatweel("يـٔب")) == cps("ئب")  # yeh + hamza above compose


@given(arabic_text())
def test_tatweel_removal_only_removes_tatweel(text):
    for opts in ({}, {"everywhere": True}):
        out = remove_tatweel(text, **opts)
        assert unicodedata.normalize("NFC", out.replace(TATWEEL, "")) == unicodedata.normalize(
            "NFC", text.replace(TATWEEL, "")
        )
    assert TATWEEL not in remove_tatweel(text, everywhere=True)


# --- all lossless steps ---------------------------------------------------------

LOSSLESS = [normalize_nfc, fold_presentation_forms, remove_tatweel]


@pytest.mark.parametrize("func", LOSSLESS, ids=lambda f: f.__name__)
@given(text=arabic_text())
def test_lossless_steps_never_delete_a_letter(func, text):
    before = letters(unicodedata.normalize("NFKD", text))
    after = letters(unicodedata.normalize("NFKD", func(text)))
    assert after == before


@pytest.mark.slow
@pytest.mark.parametrize("func", LOSSLESS, ids=lambda f: f.__name__)
def test_lossless_steps_on_pathological_lines(func):
    n = 1_000_000
    for text in (
        "ب" + TATWEEL * n + " ",
        ("بـَ" * n),
        "ب" + "\u064e" * n + TATWEEL,
        "ﹰ" * n,
        "ﺏ" * n,
        "\u0627\u0654" * n,
        "a" * (5 * n),
    ):
        out = func(text)
        assert func(out) == out


# --- generated tables -----------------------------------------------------------


def test_generated_tables_are_up_to_date():
    if unicodedata.unidata_version != gen.UNICODE_VERSION:
        pytest.skip(
            f"tables generated with Unicode {gen.UNICODE_VERSION}, this Python has {unicodedata.unidata_version}"
        )
    script = ROOT / "tools" / "gen_arabic_tables.py"
    if not script.exists():
        pytest.skip("tools/gen_arabic_tables.py not present (installed from a distribution)")
    spec = importlib.util.spec_from_file_location("gen_arabic_tables", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "src" / "nazif" / "arabic" / "_generated_tables.py").read_text(encoding="utf-8")
    assert module.render() == committed, "run: python tools/gen_arabic_tables.py"


def test_tatweel_seating_a_dagger_alef_stays():
    # the superscript alef is a vowel written on the tatweel: removing the seat moves it
    word = "الرَّحْمَـٰنِ"
    assert remove_tatweel(word) == word
    assert remove_tatweel("الرحمـٰن") == "الرحمـٰن"
    # a stretching tatweel next to it still goes; one under an ordinary haraka too
    assert remove_tatweel("الرحـمـٰن") == "الرحمـٰن"
    assert remove_tatweel("قـِبـَل") == "قِبَل"
