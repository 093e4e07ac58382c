"""Differential tests against pyarabic (``pyarabic.araby``), used as an oracle.

pyarabic is GPL-3.0: it is imported here, in the tests, and never by nazif.

Where the two libraries mean the same operation, the outputs must agree on
generated Arabic text (compared after NFC: nazif composes a hamza mark onto
its letter where pyarabic leaves the two code points apart).  Every place
where nazif differs on purpose is pinned by its own test below, with the
reason.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nazif.arabic import (
    fold_presentation_forms,
    normalize_alef,
    normalize_hamza,
    normalize_teh_marbuta,
    remove_diacritics,
    remove_tatweel,
)
from strategies import arabic_text

araby = pytest.importorskip("pyarabic.araby")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def without(chars: str):
    """``arabic_text()`` with the given characters taken out."""
    table = {ord(c): None for c in chars}
    return arabic_text().map(lambda t: t.translate(table))


# --- where the operations agree ---------------------------------------------------


@given(arabic_text())
def test_strip_tashkeel_agrees(text):
    ours = remove_diacritics(text, classes=("harakat", "tanween", "shadda", "sukun"))
    assert nfc(ours) == nfc(araby.strip_tashkeel(text))


@given(arabic_text())
def test_strip_harakat_agrees(text):
    # pyarabic's HARAKAT: short vowels, tanween and sukun, not shadda
    ours = remove_diacritics(text, classes=("harakat", "tanween", "sukun"))
    assert nfc(ours) == nfc(araby.strip_harakat(text))


@given(arabic_text())
def test_strip_shadda_agrees(text):
    assert nfc(remove_diacritics(text, classes="shadda")) == nfc(araby.strip_shadda(text))


@given(arabic_text())
def test_strip_tatweel_agrees_with_everywhere(text):
    assert nfc(remove_tatweel(text, everywhere=True)) == nfc(araby.strip_tatweel(text))


@given(arabic_text())
def test_normalize_teh_agrees(text):
    assert nfc(normalize_teh_marbuta(text)) == nfc(araby.normalize_teh(text))


# pyarabic folds ى and the dagger alef into ا too, and knows no combining
# hamza marks: outside those, both fold the same alefs.
@given(without("\u0649\u0670\u0653\u0654\u0655"))
def test_normalize_alef_agrees(text):
    assert nfc(normalize_alef(text)) == nfc(araby.normalize_alef(text))


# pyarabic's "tasheel" hamza method folds the alef hamzas and the waw/yeh
# seats at once: nazif's normalize_alef then normalize_hamza.
@given(without("\u0653\u0654\u0655"))
def test_normalize_hamza_tasheel_agrees(text):
    ours = normalize_hamza(normalize_alef(text))
    assert nfc(ours) == nfc(araby.normalize_hamza(text, method="tasheel"))


@given(
    st.lists(st.sampled_from(["\ufefb", "\u0628", "\u0627", " ", "\u0644", "\u0645"]), max_size=30).map(
        "".join
    )
)
def test_plain_lam_alef_ligature_agrees(text):
    assert fold_presentation_forms(text) == araby.normalize_ligature(text)


# --- intended divergences, one by one ----------------------------------------------


def test_divergence_lam_alef_ligatures_keep_their_hamza():
    # pyarabic turns every lam-alef ligature into plain لا, dropping the hamza
    # or madda the ligature shows; nazif folds each to its Unicode
    # decomposition, which keeps it: ﻷ is lam + alef with hamza above.
    assert araby.normalize_ligature("ﻷ ﻹ ﻵ") == "لا لا لا"
    assert fold_presentation_forms("ﻷ ﻹ ﻵ") == "لأ لإ لآ"


def test_divergence_final_lam_alef_forms_are_folded():
    # pyarabic handles the isolated lam-alef forms only; the final forms
    # (after a joining letter, e.g. in ﺑﻼ) stay presentation forms there.
    assert araby.normalize_ligature("ﻼ ﻸ") == "ﻼ ﻸ"
    assert fold_presentation_forms("ﻼ ﻸ") == "لا لأ"


def test_divergence_alef_maksura_is_not_an_alef():
    # pyarabic's normalize_alef also turns ى into ا ("على" -> "علا"), which
    # merges على with علا; nazif keeps ى for normalize_alef_maksura (ى -> ي).
    assert araby.normalize_alef("على") == "علا"
    assert normalize_alef("على") == "على"


def test_divergence_dagger_alef_is_a_diacritic():
    # pyarabic's normalize_alef makes the superscript alef a full alef
    # ("هٰذا" -> "هاذا", not a spelling anyone searches for); for nazif it is
    # a diacritic, removed by remove_diacritics (class dagger_alef).
    assert araby.normalize_alef("هٰذا") == "هاذا"
    assert normalize_alef("هٰذا") == "هٰذا"
    assert remove_diacritics("هٰذا") == "هذا"


def test_divergence_dagger_alef_and_quranic_marks_in_default_removal():
    # pyarabic's strip_tashkeel removes the eight classic marks only; nazif's
    # default removal also takes the dagger alef, the madda on non-alef
    # letters and Quranic annotation marks (all opt-out via ``classes``).
    text = "هٰذا قُرُوٓءٍ إِنَّهُۥ"
    assert araby.strip_tashkeel(text) == "هٰذا قروٓء إنهۥ"
    assert remove_diacritics(text) == "هذا قروء إنه"


def test_divergence_uniform_hamza_method():
    # pyarabic's default normalize_hamza writes every hamza as ء, even on
    # alef ("أحمد" -> "ءحمد"); nazif folds hamza seats to the bare letter
    # (a search key that matches the common hamza-less spelling) and leaves
    # hamza on alef to normalize_alef.
    assert araby.normalize_hamza("سؤال رئيس أحمد") == "سءال رءيس ءحمد"
    assert normalize_hamza("سؤال رئيس أحمد") == "سوال رييس أحمد"


def test_divergence_tasheel_turns_a_hamza_mark_into_a_letter():
    # pyarabic's tasheel method replaces a combining HAMZA ABOVE by an alef
    # letter (yeh + hamza above -> "يا"), adding a letter; nazif folds the
    # decomposed spelling like the composed ئ.
    assert araby.normalize_hamza("\u064a\u0654", method="tasheel") == "يا"
    assert normalize_hamza("\u064a\u0654") == "ي"


def test_divergence_hamza_marks_are_never_stripped():
    # pyarabic's strip_diacritics removes HAMZA ABOVE/BELOW and MADDA, so a
    # decomposed أ or آ loses its hamza; nazif never removes a hamza and
    # composes ALEF + MADDA into آ.
    assert araby.strip_diacritics("\u0627\u0654 \u0627\u0653") == "ا ا"
    assert remove_diacritics("\u0627\u0654 \u0627\u0653") == "أ آ"


def test_divergence_hamza_is_composed_after_removal():
    # pyarabic leaves ALEF + FATHA + HAMZA ABOVE as ALEF + HAMZA ABOVE (two
    # code points); nazif composes the result: the same text, in NFC.
    theirs = araby.strip_tashkeel("\u0627\u064e\u0654")
    ours = remove_diacritics("\u0627\u064e\u0654")
    assert theirs == "\u0627\u0654" and ours == "\u0623" and nfc(theirs) == ours


def test_divergence_tatweel_kept_where_it_shapes_the_text():
    # pyarabic's strip_tatweel removes every tatweel; nazif's default keeps
    # the ones that are typographic devices (the Hijri abbreviation هـ, the
    # prefix joiner before a quote or a number), which change what is shown.
    text = "عام 1436هـ قال لـ«الشرق» الـ28 جميـــل"
    assert araby.strip_tatweel(text) == "عام 1436ه قال ل«الشرق» ال28 جميل"
    assert remove_tatweel(text) == "عام 1436هـ قال لـ«الشرق» الـ28 جميل"
    assert remove_tatweel(text, everywhere=True) == araby.strip_tatweel(text)


def test_divergence_alef_wasla_in_tasheel():
    # pyarabic's tasheel method leaves alef wasla ٱ; nazif's normalize_alef
    # folds it with the other alef forms (Quranic ٱلكتاب = الكتاب).
    assert araby.normalize_hamza("ٱلكتاب", method="tasheel") == "ٱلكتاب"
    assert normalize_alef("ٱلكتاب") == "الكتاب"
