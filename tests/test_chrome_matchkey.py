"""The match key: orthographic variants of one UI string get one key."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nazif.chrome.matchkey import fold_char, match_key
from strategies import HARAKAT, INVISIBLES, TATWEEL, arabic_text, scraped_text


@pytest.mark.parametrize(
    "a, b",
    [
        ("إقرأ أيضاً:", "اقرا ايضا"),
        ("اقـــرأ أيضا »", "اقرأ أيضًا"),
        ("مقالات ذات صلة", "مقالات ذات صله"),
        ("زر الذهاب إلى الأعلى", "زر الذهاب الى الاعلى"),
        ("Share on FACEBOOK", "  share   on facebook ›"),
        ("Comments (14)", "comments"),
        ("Read more »", "» READ MORE"),
        ("Français", "francais"),
        ("\u200fشارك\u200f", "شارك"),
        ("\ufeb7\ufe8e\ufead\ufedb", "شارك"),  # presentation forms
        ("مؤسسة", "موسسه"),
        ("على", "علي"),
        ("◀ التالي ▸", "التالي"),
        ("• Home | News •", "home news"),
    ],
)
def test_variants_share_a_key(a, b):
    assert match_key(a) == match_key(b)


def test_digits_and_symbols_fold_to_nothing():
    assert match_key("2026-01-07 | 10:45") == ""
    assert match_key("١٢٣ ٤٥٦") == ""
    assert match_key("→ ← » « ▸ •") == ""


def test_different_words_stay_different():
    assert match_key("Share") != match_key("Shares")
    assert match_key("شارك") != match_key("مشاركة")


@given(scraped_text())
def test_key_is_total_and_canonical(text):
    key = match_key(text)
    assert isinstance(key, str)
    assert match_key(key) == key  # idempotent
    assert key == key.strip() and "  " not in key
    assert not any(c.isdigit() for c in key)


@given(
    arabic_text(), st.lists(st.sampled_from(HARAKAT + [TATWEEL] + INVISIBLES[:18]), max_size=6), st.randoms()
)
def test_marks_tatweel_and_invisibles_are_ignored(text, marks, rnd):
    chars = list(text)
    for m in marks:
        chars.insert(rnd.randint(0, len(chars)), m)
    noisy = "".join(chars)
    # control characters are separators, not ignorables: only insert format/marks
    if any(unicodedata.category(m) == "Cc" for m in marks):
        return
    assert match_key(noisy) == match_key(text)


@given(
    st.text(
        alphabet=st.characters(min_codepoint=0x41, max_codepoint=0x24F).filter(
            lambda c: c.upper().lower() == c.lower()  # not dotless i and friends
        ),
        max_size=30,
    )
)
def test_case_is_ignored(text):
    assert match_key(text.upper()) == match_key(text.lower()) == match_key(text)


@given(st.text(max_size=40))
def test_fold_char_outputs_are_lowercase_letters_or_space(text):
    for ch in text:
        out = fold_char(ch)
        assert out in ("", " ") or all(c.isalpha() for c in out)
