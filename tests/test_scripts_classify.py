"""Script profiles, per-line classification and foreign lines."""

from __future__ import annotations

import json

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from nazif.scripts import (
    LINE_CLASSES,
    classify_line,
    classify_lines,
    dominant_script,
    foreign_lines,
    script_profile,
    segments,
)
from strategies import lines_text, scraped_text


@pytest.mark.parametrize(
    "line, expected",
    [
        ("", "neutral"),
        ("   \t", "neutral"),
        ("2024/05/01 — 12:30 | 50%", "neutral"),
        ("😀 👍🏽", "neutral"),
        ("خبر عاجل", "arabic"),
        ("١٢٣", "arabic"),  # Arabic-Indic digits belong to the Arabic script
        ("،", "arabic"),
        ("ـــ", "arabic"),
        ("Breaking news", "latin"),
        ("Ørsted café naïve", "latin"),
        ("Share شارك", "mixed"),
        ("Français English عربي", "mixed"),
        ("Русский", "other"),
        ("日本語 ひらがな", "other"),
        ("Русский English", "mixed"),
        ("Русский عربي", "mixed"),
        ("خبر \u00b7 أخبار", "arabic"),  # MIDDLE DOT is neutral
        ("خبر\u202fعاجل", "arabic"),  # NNBSP is a space
        ("\u061cخبر", "arabic"),  # ARABIC LETTER MARK is a bidi control
        ("\u200fEnglish\u200e", "latin"),
    ],
)
def test_classify_line_golden(line, expected):
    assert classify_line(line) == expected
    assert classify_lines(line)[0].script == expected


def test_classify_lines_one_per_line_with_offsets():
    text = "عاجل\r\nBreaking news\n\nعاجل Breaking\n2024"
    lines = classify_lines(text)
    assert len(lines) == len(text.split("\n"))
    assert [ln.script for ln in lines] == ["arabic", "latin", "neutral", "mixed", "neutral"]
    for i, line in enumerate(lines):
        assert line.index == i
        assert text[line.start : line.end] == line.text == text.split("\n")[i]
    assert lines[3].counts == {"arabic": 4, "latin": 8}
    assert lines[3].dominant == "latin"
    assert lines[3].scripts == ["latin", "arabic"]
    d = lines[3].as_dict()
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert d["line"] == 3 and d["script"] == "mixed" and d["dominant"] == "latin"


def test_mixed_threshold_ignore_foreign_words():
    quote = "قالت منظمة الصحة العالمية (WHO) إن عدد الإصابات ارتفع"
    assert classify_line(quote) == "mixed"
    assert classify_line(quote, ignore_foreign_words=1) == "arabic"
    two = "قالت صحيفة New York Times إن الرئيس"
    assert classify_line(two, ignore_foreign_words=1) == "mixed"
    assert classify_line(two, ignore_foreign_words=3) == "arabic"
    # a real bilingual line stays mixed
    bilingual = "Tom is a teacher.\tتوم معلم."
    assert classify_line(bilingual, ignore_foreign_words=1) == "mixed"


def test_mixed_threshold_min_share():
    line = "The minister met the ambassador of قطر on Monday"
    assert classify_line(line) == "mixed"
    assert classify_line(line, min_share=0.1) == "latin"
    assert classify_line(line, min_share=0.01) == "mixed"
    assert classify_line("Share شارك", min_share=0.5) == "latin"


def test_profile_and_dominant():
    p = script_profile("Breaking: عاجل عاجل")
    assert p.counts == {"arabic": 8, "latin": 8}
    assert p.dominant == "arabic"  # ties go to Arabic, then Latin
    assert p.total == 16
    assert p.shares == {"arabic": 0.5, "latin": 0.5}
    assert script_profile("").dominant == "neutral"
    assert script_profile("123").shares == {}
    assert dominant_script("Привет мир, hi") == "cyrillic"
    assert script_profile("Привет Γεια").counts == {"cyrillic": 6, "greek": 4}
    assert json.loads(json.dumps(p.as_dict()))["dominant"] == "arabic"


def test_foreign_lines():
    text = "خبر عاجل اليوم\nEnglish\nعربي English\nالخبر\nРусский\n\n2024"
    assert [ln.text for ln in foreign_lines(text)] == ["English", "Русский"]
    assert [ln.text for ln in foreign_lines(text, dominant="latin")] == ["خبر عاجل اليوم", "الخبر", "Русский"]
    long_text = (
        "خبر عاجل اليوم في المدينة المنورة عن الطقس والأمطار الغزيرة\nA quoted English paragraph\nEnglish"
    )
    assert [ln.text for ln in foreign_lines(long_text, max_letters=10)] == ["English"]
    assert foreign_lines("") == []
    assert foreign_lines("123\n456") == []


# ---------------------------------------------------------------------------
# properties


@given(scraped_text())
def test_one_line_script_per_line(text):
    lines = classify_lines(text)
    assert len(lines) == len(text.split("\n"))
    for line in lines:
        assert line.script in LINE_CLASSES
        assert text[line.start : line.end] == line.text


@given(lines_text())
def test_line_class_agrees_with_segments(text):
    """A line's class is what its segments say."""
    for line in classify_lines(text):
        scripts = {s.script for s in segments(line.text)} - {"neutral"}
        groups = {s if s in ("arabic", "latin") else "other" for s in scripts}
        if not groups:
            assert line.script == "neutral"
        elif len(groups) == 1:
            assert line.script == next(iter(groups))
        else:
            assert line.script == "mixed"


@given(lines_text(), st.integers(0, 5), st.floats(0, 1))
def test_thresholds_only_simplify_mixed_lines(text, words, share):
    plain = classify_lines(text)
    relaxed = classify_lines(text, ignore_foreign_words=words, min_share=share)
    for a, b in zip(plain, relaxed):
        if a.script != "mixed":
            assert b.script == a.script
        else:
            assert b.script in ("mixed", "arabic", "latin", "other")
            if b.script != "mixed":
                groups = {s if s in ("arabic", "latin") else "other" for s in a.counts}
                assert b.script in groups


INVISIBLES = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u061c",
    "\u2066",
    "\u2069",
    "\u202a",
    "\u202c",
    "\ufeff",
]
SPACES = [" ", "\u00a0", "\u202f", "\u2009", "\u3000", "\t"]


@given(lines_text(), st.data())
def test_invariant_under_invisibles_and_spaces(text, data):
    """Invisible controls and space variants never change a line's class
    (what lossless whitespace/invisible normalization does cannot matter)."""
    out = []
    for ch in text:
        out.append(ch)
        if data.draw(st.integers(0, 6)) == 0:
            out.append(data.draw(st.sampled_from(INVISIBLES + SPACES)))
    noisy = "".join(out)
    assert [ln.script for ln in classify_lines(noisy)] == [ln.script for ln in classify_lines(text)]


_LOSSLESS = {
    "normalize_nfc": "nazif.arabic",
    "fold_presentation_forms": "nazif.arabic",
    "remove_tatweel": "nazif.arabic",
    "remove_invisibles": "nazif.invisibles",
    "normalize_quotes": "nazif.quotes",
}


def _lossless_step(name):
    import importlib

    try:
        return getattr(importlib.import_module(_LOSSLESS[name]), name)
    except (ImportError, AttributeError):
        return None


@pytest.mark.parametrize("name", sorted(_LOSSLESS))
@given(text=lines_text())
def test_invariant_under_lossless_steps(name, text):
    """Lossless steps that keep lines keep each line's class, except that a
    line whose only Arabic character is tatweel loses it to remove_tatweel."""
    func = _lossless_step(name)
    if func is None:
        pytest.skip(f"step {name} not available")
    out = func(text)
    before = classify_lines(text)
    after = classify_lines(out)
    assume(len(before) == len(after))
    for a, b in zip(before, after):
        if name == "remove_tatweel" and set(a.text) & {"\u0640"} and b.script != a.script:
            assert "arabic" in a.counts and "arabic" not in b.counts
            continue
        assert a.script == b.script, (name, a.text, b.text)


# ---------------------------------------------------------------------------
# agreement with the evaluation set's own line labels


DATASET_CLASS = {"arabic": "arabic", "latin": "latin", "mixed": "mixed", "neutral": "none", "other": "none"}


def test_agreement_with_dev_set(shared):
    path = shared("eval", "dev.jsonl")
    total = agree = agree_axis = 0
    for record in path.read_text(encoding="utf-8").splitlines():
        for line in json.loads(record)["lines"]:
            got = classify_lines(line["text"])[0]
            total += 1
            agree += DATASET_CLASS[got.script] == line["script"]
            # the dataset looks at Arabic and Latin only: other scripts are "none"
            axis = {s for s in got.counts if s in ("arabic", "latin")}
            label = "mixed" if len(axis) == 2 else (next(iter(axis)) if axis else "none")
            agree_axis += label == line["script"]
    assert total > 3000
    assert agree_axis == total
    assert agree / total > 0.99


def _fold_presentation(text):
    import unicodedata

    return "".join(unicodedata.normalize("NFKC", ch) if "\ufb50" <= ch <= "\ufeff" else ch for ch in text)


@given(lines_text())
def test_invariant_under_unicode_normalization(text):
    """NFC and the folding of presentation forms (what the lossless Arabic
    steps do) keep every line's class.  Checked with ``unicodedata`` so it
    does not depend on the steps being installed."""
    import unicodedata

    before = [ln.script for ln in classify_lines(text)]
    assert [ln.script for ln in classify_lines(unicodedata.normalize("NFC", text))] == before
    assert [ln.script for ln in classify_lines(_fold_presentation(text))] == before
    # removing tatweel changes nothing unless tatweel was a line's only Arabic
    for line, after in zip(text.split("\n"), classify_lines(text.replace("\u0640", ""))):
        if "arabic" in after.counts or "\u0640" not in line:
            assert after.script == classify_line(line)
