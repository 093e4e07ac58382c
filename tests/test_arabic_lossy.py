"""Lossy Arabic folds: diacritics, alef, hamza, teh marbuta, alef maksura,
Persian letters, elongation.  Each policy stated in a docstring is pinned here."""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nazif import Pipeline
from nazif.arabic import (
    normalize_alef,
    normalize_alef_maksura,
    normalize_hamza,
    normalize_persian_letters,
    normalize_teh_marbuta,
    reduce_elongation,
    remove_diacritics,
)
from nazif.arabic.diacritics import marks_of_class
from nazif.arabic.tables import (
    ALEF_FOLD,
    DEFAULT_DIACRITIC_CLASSES,
    DIACRITIC_CLASSES,
    HAMZA_CARRIER_FOLD,
    MARK_CLASSES,
    PERSIAN_FOLD,
)
from strategies import arabic_text, scraped_text

HAMZA_MARKS = "\u0654\u0655\u065f"
TATWEEL = "\u0640"


def cps(text: str) -> str:
    return " ".join(f"U+{ord(c):04X}" for c in text)


def letters(text: str) -> list:
    return [c for c in text if unicodedata.category(c).startswith("L") and c != TATWEEL]


def hamza_count(text: str) -> int:
    """Hamzas written in ``text``: the letter ء and hamza marks, composed or not."""
    nfd = unicodedata.normalize("NFD", text)
    return sum(nfd.count(c) for c in HAMZA_MARKS) + nfd.count("\u0621")


# --- remove_diacritics -----------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("مُحَمَّدٌ", "محمد"),
        ("العَرَبِيَّةُ", "العربية"),
        ("كِتَابًا", "كتابا"),
        ("هٰذا", "هذا"),  # dagger alef
        ("إِنَّهُۥ", "إنه"),  # Quranic small waw
        ("ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ ۛ فِيهِ ۛ", "ذلك ٱلكتب لا ريب  فيه "),
        ("قُرُوٓءٍ", "قروء"),  # madda on waw (Quranic) goes
        ("جَآءَ", "جآء"),  # alef + madda is the letter آ: stays
        ("\u0627\u0653", "\u0622"),  # decomposed آ is composed, not stripped
        ("\u0627\u064e\u0654", "\u0623"),  # hamza brought next to its alef: composed
        ("سُؤَالٌ", "سؤال"),
        ("مَسْؤُولِيَّةٌ", "مسؤولية"),
    ],
)
def test_remove_diacritics(text, expected):
    assert cps(remove_diacritics(text)) == cps(expected)


@pytest.mark.parametrize("name", DIACRITIC_CLASSES)
def test_each_class_removes_exactly_its_marks(name):
    marks = marks_of_class(name)
    assert marks
    for mark in marks:
        base = "ب" + mark + "ت"
        assert remove_diacritics(base, classes=(name,)) == "بت", f"U+{ord(mark):04X}"
        others = tuple(c for c in DIACRITIC_CLASSES if c != name)
        assert remove_diacritics(base, classes=others) == base, f"U+{ord(mark):04X}"


def test_class_tables():
    assert marks_of_class("harakat")[:3] == "\u064e\u064f\u0650"
    assert marks_of_class("tanween")[:3] == "\u064b\u064c\u064d"
    assert marks_of_class("shadda") == "\u0651"
    assert marks_of_class("sukun")[0] == "\u0652"
    assert "\u0670" in marks_of_class("dagger_alef")
    assert marks_of_class("madda") == "\u0653"
    quranic = marks_of_class("quranic")
    for cp in list(range(0x0610, 0x061B)) + list(range(0x06D6, 0x06DD)) + [0x06E5, 0x06E6, 0x06ED]:
        assert chr(cp) in quranic, hex(cp)
    for c in HAMZA_MARKS:
        assert MARK_CLASSES[c] == "hamza"
    assert "other" not in DEFAULT_DIACRITIC_CLASSES


def test_non_mark_quranic_symbols_are_kept():
    text = "\u06dd\u0661 ۞ ۩"
    assert remove_diacritics(text) == text


def test_classes_option_forms():
    assert remove_diacritics("مُحَمَّد", classes="shadda") == "مُحَمَد"
    assert remove_diacritics("مُحَمَّد", classes=["harakat"]) == "محمّد"  # a list, as from JSON


@pytest.mark.parametrize("bad", ["hamza", "vowels", ("harakat", "nope")])
def test_unknown_or_forbidden_class_raises(bad):
    with pytest.raises(ValueError):
        remove_diacritics("بَ", classes=bad)


def test_diacritics_in_urls_are_kept():
    text = "بَ https://x.org/بَ"
    assert remove_diacritics(text) == "ب https://x.org/بَ"


@given(arabic_text())
def test_hamza_is_never_lost(text):
    for classes in (DEFAULT_DIACRITIC_CLASSES, DIACRITIC_CLASSES):
        assert hamza_count(remove_diacritics(text, classes=classes)) == hamza_count(text)


@given(arabic_text())
def test_remove_diacritics_only_removes_marks(text):
    out = remove_diacritics(text)
    # the spacing Quranic small waw/yeh (category Lm) are the only "letters" removed
    assert letters(unicodedata.normalize("NFD", out)) == [
        c for c in letters(unicodedata.normalize("NFD", text)) if c not in "\u06e5\u06e6"
    ]
    removable = set("".join(marks_of_class(c) for c in DEFAULT_DIACRITIC_CLASSES)) - {"\u0653"}
    assert not removable & set(out)


def test_remove_diacritics_on_pathological_lines():
    for text in ("\u064e" * 5_000_000, "بَ" * 1_000_000, "ا" + "\u064e" * 1_000_000 + "\u0653", "إٓ" * 500_000):
        out = remove_diacritics(text)
        assert remove_diacritics(out) == out


# --- letter folds ------------------------------------------------------------


@pytest.mark.parametrize(
    "func, text, expected",
    [
        (normalize_alef, "إسلام أحمد آخر ٱلكتاب", "اسلام احمد اخر الكتاب"),
        (normalize_alef, "ٲ ٳ ٵ", "ا ا ا"),
        (normalize_alef, "\u0627\u0654\u064e", "\u0627\u064e"),  # decomposed أَ
        (normalize_alef, "على هٰذا", "على هٰذا"),  # alef maksura and dagger alef: other steps
        (normalize_hamza, "مسؤول رئيس سماء", "مسوول رييس سماء"),
        (normalize_hamza, "شاطئ ٶ ٸ", "شاطي و ي"),
        (normalize_hamza, "أإآ ء", "أإآ ء"),  # alef hamzas and lone hamza: not this step
        (normalize_hamza, "\u0649\u0654", "\u064a"),  # alef maksura + hamza above
        (normalize_teh_marbuta, "المدرسة الجديدة", "المدرسه الجديده"),
        (normalize_teh_marbuta, "ۃ", "ۃ"),
        (normalize_alef_maksura, "مستشفى على", "مستشفي علي"),
        (normalize_alef_maksura, "ی", "ی"),  # Farsi yeh: normalize_persian_letters
        (normalize_alef_maksura, "\u0649\u0654", "\u0626"),  # composed after the fold
    ],
)
def test_letter_folds(func, text, expected):
    assert cps(func(text)) == cps(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("کتاب", "كتاب"),
        ("ایران", "ايران"),  # medial Farsi yeh -> yeh
        ("علی", "على"),  # final Farsi yeh -> alef maksura
        ("یکی", "يكى"),
        ("ی", "ى"),
        ("علی،", "على،"),
        ("علیّ", "علىّ"),  # marks do not make it medial
        ("می\u200cخواهم", "مى\u200cخواهم"),  # ZWNJ ends the visual word
        ("ہ ھ ە", "ه ه ه"),
        ("خانۀ", "خانه\u0654"),  # the ezafe sign stays, as a mark
        ("ۃ ے ۓ", "ة ي ئ"),
        ("پ چ ژ گ ٹ ڈ ڑ ں", "پ چ ژ گ ٹ ڈ ڑ ں"),  # distinct letters: kept
        ("Persian ۱۲۳", "Persian ۱۲۳"),
    ],
)
def test_persian_letters(text, expected):
    assert cps(normalize_persian_letters(text)) == cps(expected)


def test_folds_leave_urls_and_emails_alone():
    text = "أحمد https://x.org/أحمد-ة-ى-ؤ-ی ahmad@x.org"
    assert normalize_alef(text).startswith("احمد https://x.org/أحمد")
    for func in (normalize_hamza, normalize_teh_marbuta, normalize_alef_maksura, normalize_persian_letters):
        assert "https://x.org/أحمد-ة-ى-ؤ-ی " in func(text)


FOLDS = {
    normalize_alef: set(ALEF_FOLD) | {"ا"},
    normalize_hamza: set(HAMZA_CARRIER_FOLD) | {"و", "ي", "ى"},
    normalize_teh_marbuta: {"ة", "ه"},
    normalize_alef_maksura: {"ى", "ي"},
    normalize_persian_letters: set(PERSIAN_FOLD) | set(PERSIAN_FOLD.values()) | {"ی", "ي", "ى", "ه", "ئ"},
}


@pytest.mark.parametrize("func", FOLDS, ids=lambda f: f.__name__)
@given(text=arabic_text())
def test_folds_change_only_their_letters(func, text):
    """Outside the fold's letters (and the hamza/madda marks it may absorb),
    the text is unchanged, in order; no letter appears or disappears."""
    out = func(text)
    touched = FOLDS[func] | set("\u0653\u0654\u0655")

    def rest(s):
        return [c for c in unicodedata.normalize("NFKD", s) if c not in touched]

    assert rest(out) == rest(text)
    assert len(letters(unicodedata.normalize("NFC", out))) == len(letters(unicodedata.normalize("NFC", text)))


@pytest.mark.parametrize("func", FOLDS, ids=lambda f: f.__name__)
def test_folds_on_pathological_lines(func):
    for text in (
        "أ" * 2_000_000,
        "ا" + "\u064e" * 1_000_000 + "\u0654",
        "ی" * 1_000_000 + " ",
        "a@b" * 300_000,
    ):
        out = func(text)
        assert func(out) == out


# --- reduce_elongation ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("جمييييييل", "جمييل"),
        ("هههههه", "هه"),
        ("همممم", "همم"),
        ("جدااا", "جداا"),  # alef cannot triple: 3 is already elongation
        ("ياااه", "يااه"),
        ("وووري", "وووري"),  # و + ووري: a real triple
        ("وشتتت", "وشتتت"),  # شتت + ت
        ("تتتابع", "تتتابع"),
        ("بسببب", "بسببب"),  # a typo, but a run of 3: kept
        ("goooal www III", "goooal www III"),  # Latin untouched
        ("١٠٠٠ ٣٣٣٣", "١٠٠٠ ٣٣٣٣"),  # digits untouched
        ("ممم؟؟؟!!!", "ممم؟؟؟!!!"),
    ],
)
def test_reduce_elongation(text, expected):
    assert reduce_elongation(text) == expected


def test_reduce_elongation_max_repeat():
    assert reduce_elongation("جمييييييل", max_repeat=1) == "جميل"
    assert reduce_elongation("جدااا", max_repeat=1) == "جدا"
    assert reduce_elongation("جمييييييل", max_repeat=3) == "جميييل"
    assert reduce_elongation("تتتابع", max_repeat=1) == "تتتابع"
    with pytest.raises(ValueError):
        reduce_elongation("x", max_repeat=0)


@pytest.mark.slow
def test_reduce_elongation_on_pathological_lines():
    for text in ("ه" * 5_000_000, "هه " * 1_000_000, "ااا" * 1_000_000, "www." + "ه" * 1_000_000):
        out = reduce_elongation(text)
        assert reduce_elongation(out) == out


def test_reduce_elongation_spares_urls():
    assert reduce_elongation("https://x.org/هههههه هههههه") == "https://x.org/هههههه هه"


@given(arabic_text(), st.integers(min_value=1, max_value=4))
def test_reduce_elongation_only_shortens_runs(text, max_repeat):
    out = reduce_elongation(text, max_repeat=max_repeat)

    def squeeze(s):
        return re.sub(r"(.)\1+", r"\1", s)

    assert squeeze(out) == squeeze(text)
    assert len(out) <= len(text)


def _corpus_words(shared, lang):
    path = shared("corpus", f"{lang}.jsonl.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield from json.loads(line)["text"].split()


# Every word the shared corpus has with a letter run of 3 or more, and what
# reduce_elongation makes of it: checked by hand.
CORPUS_TRIPLES = {
    "بسببب": "بسببب",  # typo for بسبب; a run of 3 is kept
    "وشتتت": "وشتتت",  # real word: و + شتت + ت
    "لللحجز": "لللحجز",  # typo for للحجز; kept
    "تظنننّي": "تظنننّي",  # kept (run of 3)
    "وووري": "وووري",  # real word: و + ووري
    "(همممم)!!": "(همم)!!",  # elongation
    "هههههه": "هه",  # laughter
}


def test_reduce_elongation_on_the_corpus(shared):
    run = re.compile(r"([\u0621-\u063a\u0641-\u064a\u0671-\u06d3])\1\1")
    seen = {}
    for lang in ("ar", "mixed"):
        for word in _corpus_words(shared, lang):
            if run.search(word):
                seen[word] = reduce_elongation(word)
    assert seen == CORPUS_TRIPLES


# --- the folds together ------------------------------------------------------------

# The Arabic steps of the search preset, in the preset's order: Persian
# letters before the folds of the letters it produces (ئ ة ى), and every
# tatweel removed (a kept tatweel after ة would become removable once ة is
# folded to the joining ه).
SEARCH_ORDER = [s for s in Pipeline.from_preset("search") if s.func.__module__.startswith("nazif.arabic")]


@given(st.one_of(arabic_text(), scraped_text()))
def test_arabic_search_order_is_idempotent(text):
    p = Pipeline(SEARCH_ORDER)
    out = p(text)
    assert p(out) == out


def test_arabic_search_order_example():
    p = Pipeline(SEARCH_ORDER)
    assert p("ﺍﻟﻤﺪﺭﺳﺔ إِلَى مسؤولی ٢٠٢٤ جمييييل لـ«الشرق»") == "المدرسه الي مسوولي 2024 جمييل ل«الشرق»"


def test_letter_counts_on_search_order():
    text = "قالَ الرَّئِيسُ: إنَّ المَدرَسَةَ عَلَى حَقٍّ"
    out = Pipeline(SEARCH_ORDER)(text)
    assert out == "قال الرييس: ان المدرسه علي حق"
    assert Counter(letters(out))["ا"] == 4
