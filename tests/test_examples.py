"""Golden tests on whole articles: the bundled example and, when present, the shared real one."""

from __future__ import annotations

from pathlib import Path

import pytest

import nazif

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

INVISIBLE_OR_ODD = ["\r", "\u00a0", "\u200b", "\u200f", "\ufeff", "\u201c", "\u201d", "\u2019"]


def read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


@pytest.fixture
def bundled() -> str:
    return read(EXAMPLES / "news-article-ar.txt")


def paragraphs(text: str) -> list[str]:
    return [line for line in text.split("\n") if len(line) > 80]


def test_bundled_display_is_lossless_typography_only(bundled):
    out = nazif.clean(bundled, preset="display")
    for ch in INVISIBLE_OR_ODD:
        assert ch not in out, repr(ch)
    # every chrome line is still there: display removes nothing
    for line in ("English", "شارك", "مقالات ذات صلة", "زر الذهاب إلى الأعلى"):
        assert line in out.split("\n")
    # numbers and the URL are untouched
    assert "١٫٢" in out and "150,000" in out
    assert "https://council.example.org/transport-plan,2024" in out
    # kashida stretching goes; a tatweel that joins a prefix to a quote or number stays
    assert "حي النخيل" in out
    assert 'لـ"المدينة اليوم"' in out and "بـ 60,000" in out
    assert nazif.clean(out, preset="display") == out


def test_bundled_corpus_removes_chrome_and_keeps_every_paragraph(bundled):
    out = nazif.clean(bundled, preset="corpus")
    lines = out.split("\n")
    for chrome in (
        "English",
        "شارك",
        "فيسبوك",
        "تويتر",
        "واتساب",
        "مقالات ذات صلة",
        "Share this article",
        "زر الذهاب إلى الأعلى",
    ):
        assert chrome not in lines, chrome
    assert not any(line.startswith("جميع الحقوق محفوظة") for line in lines)
    assert not any(line.startswith("اقرأ أيضا") for line in lines)
    display_paragraphs = paragraphs(nazif.clean(bundled, preset="display"))
    assert len(display_paragraphs) == 7
    assert paragraphs(out) == display_paragraphs
    assert "مجلس المدينة يقرّ خطة لتوسيع شبكة النقل العام" in lines
    assert nazif.clean(out, preset="corpus") == out


def test_bundled_corpus_explain_names_what_was_removed(bundled):
    exp = nazif.explain(bundled, preset="corpus")
    chrome = [r for r in exp.steps if r.step == "remove_chrome"]
    assert chrome, "remove_chrome reported nothing"
    removed = {c.before.strip("\r\n") for c in chrome[0].changes}
    assert "زر الذهاب إلى الأعلى" in removed
    assert all(c.rule and c.entry for c in chrome[0].changes)
    assert exp.replay() == exp.output


def test_shared_example_corpus(shared):
    text = read(shared("examples", "news-article-en.txt"))
    out = nazif.clean(text, preset="corpus")
    lines = [line for line in out.split("\n") if line]
    assert "In English" not in lines
    assert "مقالات ذات صلة" not in lines
    assert "زر الذهاب إلى الأعلى" not in lines
    assert lines[0].startswith("Anadolu Agency:")
    body = [line for line in lines if len(line) > 60]
    assert len(body) == 16  # the headline and every paragraph
    assert len(lines) == 16
    for ch in ("\u00a0", "\u201c", "\u201d", "\u2019"):
        assert ch not in out
    assert '"Hamas"' in out and "Hezbollah's" in out
    assert not any(line != line.strip() for line in out.split("\n"))


def test_shared_example_display_keeps_all_lines(shared):
    text = read(shared("examples", "news-article-en.txt"))
    out = nazif.clean(text, preset="display")
    nonblank_in = [line for line in text.split("\n") if line.strip()]
    nonblank_out = [line for line in out.split("\n") if line.strip()]
    assert len(nonblank_out) == len(nonblank_in)
