"""Properties of chrome removal: whole lines only, in order, idempotent,
reported exactly, and clean text left alone."""

from __future__ import annotations

import inspect
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nazif
import nazif.chrome as chrome
from nazif.diff import apply_changes
from nazif.steps import get_info
from strategies import lines_text, scraped_text

MODES = ["article", "page"]

# Words that build chrome-looking lines, mixed with prose, for the generator.
CHROME_LINES = [
    "Share",
    "Facebook",
    "Twitter",
    "WhatsApp",
    "Related articles",
    "Most read",
    "Read more",
    "مقالات ذات صلة",
    "اقرأ أيضا: عنوان خبر آخر",
    "شارك",
    "طباعة",
    "زر الذهاب إلى الأعلى",
    "In English",
    "عربي",
    "Advertisement",
    "© 2024 Site. All rights reserved.",
    "2024-01-07",
    "Nov 18, 2019 10:43 AM",
    "By REUTERS",
    "12",
    "|",
    "Topics",
    "Home",
    "News",
    "Sport",
    "Subscribe to our newsletter",
    "Back to top",
    "Comments (3)",
    "Tags: Gaza, Egypt",
]
PROSE_LINES = [
    "The council voted on Tuesday to rebuild the old sea wall after two winters of floods.",
    "Share prices fell 3% on Monday after the company cut its forecast.",
    "شارك الوزير في الاجتماع الذي عقد أمس لمناقشة خطة العام المقبل.",
    "وقال المتحدث إن الوزارة ستعلن النتائج خلال الأسبوع المقبل بعد مراجعة الطلبات.",
    "Harbour town votes to rebuild its old sea wall",
    "أعلنت الحكومة عن خطة جديدة لدعم المزارعين في المناطق الريفية",
    "",
    "   ",
]


def page_like() -> st.SearchStrategy[str]:
    line = st.one_of(st.sampled_from(CHROME_LINES), st.sampled_from(PROSE_LINES))
    return st.lists(line, max_size=25).map("\n".join)


TEXTS = st.one_of(scraped_text(), lines_text(), page_like())


def check_lines_removed(text: str, mode: str) -> None:
    # every removal, the blank lines that go with the chrome included (find() lists only chrome)
    removals = chrome._find_all(text, mode, None, None)
    assert chrome.find(text, mode=mode) == [r for r in removals if r.rule != "blank-line"]
    out = chrome.remove(text, mode=mode)
    lines = text.split("\n")
    gone = [r.line for r in removals]
    assert gone == sorted(set(gone)), "removals are ordered, one per line"
    kept = [ln for i, ln in enumerate(lines) if i not in set(gone)]
    if kept:
        assert out.split("\n") == kept
    else:
        assert out == ""
    for r in removals:
        assert r.text == lines[r.line]
        assert lines[r.line] in text[r.start : r.end]
        assert text[r.start : r.end].count("\n") <= 1
        assert r.rule and r.entry and r.category


@pytest.mark.parametrize("mode", MODES)
@given(text=TEXTS)
def test_output_is_input_minus_removed_lines(mode, text):
    check_lines_removed(text, mode)


@pytest.mark.parametrize("mode", MODES)
@given(text=TEXTS)
def test_idempotent(mode, text):
    once = chrome.remove(text, mode=mode)
    assert chrome.remove(once, mode=mode) == once
    assert chrome.find(once, mode=mode) == []


@pytest.mark.parametrize("mode", MODES)
@given(text=TEXTS)
def test_tracer_reproduces_output(mode, text):
    out, changes = chrome.trace_chrome(text, mode=mode)
    assert out == chrome.remove(text, mode=mode)
    for c in changes:
        assert text[c.start : c.end] == c.before
        assert c.after == "" and c.rule and c.entry and c.line is not None
    assert apply_changes(text, changes) == out


def test_registered_step_and_tracer():
    info = get_info("remove_chrome")
    assert info.func is chrome.remove_chrome is chrome.remove
    # the registry holds the tracer behind its TypeError-at-entry wrapper
    assert inspect.unwrap(info.tracer) is chrome.trace_chrome
    assert not info.lossless


def test_pipeline_explain_reports_rule_entry_and_line():
    text = "In English\nThe minister said on Monday that the talks would resume next week.\nمقالات ذات صلة"
    exp = nazif.Pipeline(["remove_chrome"]).explain(text)
    [report] = exp.steps
    assert [(c.line, c.rule, c.entry) for c in report.changes] == [
        (0, "lexicon-line", "In English"),
        (2, "lexicon-line", "مقالات ذات صلة"),
    ]
    assert exp.replay() == exp.output == "The minister said on Monday that the talks would resume next week."


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "\r\n\r\n",
        "\ud800",
        "a\udfffb\n\ud800",
        "\x00\x1b[31m\x85",
        "👨\u200d👩\u200d👧 ok",
        "Share\r\nShare\r\n",
    ],
)
@pytest.mark.parametrize("mode", MODES)
def test_hard_cases(text, mode):
    out = chrome.remove(text, mode=mode)
    assert chrome.remove(out, mode=mode) == out
    check_lines_removed(text, mode)


def test_blank_lines_left_by_removed_chrome_are_tidied():
    text = "In English\n\nHeadline of the story here\n\nFirst paragraph of the story, which is long enough.\n\nAdvertisement\n\nLast paragraph of the story, also long enough to count.\n\nمقالات ذات صلة"
    out = chrome.remove(text)
    assert out == (
        "Headline of the story here\n\nFirst paragraph of the story, which is long enough.\n\n"
        "Last paragraph of the story, also long enough to count."
    )
    # the blank lines go with the chrome; find() lists only the chrome, the trace both
    assert all(r.rule != "blank-line" for r in chrome.find(text))
    rules = [c.rule for c in chrome.trace_chrome(text)[1]]
    assert rules.count("blank-line") == 3


def test_bad_mode_and_lexicon_raise():
    with pytest.raises(ValueError):
        chrome.find("x", mode="full")
    with pytest.raises(TypeError):
        chrome.find("x", lexicon=42)


CLEAN_PARAGRAPHS = [
    "The central bank left interest rates unchanged on Thursday, saying inflation was easing faster than expected.",
    "Analysts had expected the decision, although two members of the committee voted for a cut.",
    "أبقى البنك المركزي أسعار الفائدة دون تغيير يوم الخميس، مشيرا إلى أن التضخم يتراجع أسرع من المتوقع.",
    "وكان المحللون يتوقعون القرار، رغم أن عضوين في اللجنة صوتا لصالح خفض الفائدة.",
    "Share prices rose after the announcement, and the currency strengthened against the dollar.",
    "شارك رئيس الوزراء في المؤتمر الصحفي الذي عقد بعد الاجتماع، وأكد التزام الحكومة بالإصلاحات.",
]


@given(st.lists(st.sampled_from(CLEAN_PARAGRAPHS), min_size=1, max_size=12), st.sampled_from(["\n", "\n\n"]))
def test_clean_article_text_is_returned_unchanged(paragraphs, sep):
    text = sep.join(paragraphs)
    for mode in MODES:
        assert chrome.remove(text, mode=mode) == text


@pytest.mark.slow
def test_pathological_long_line_finishes():
    # linear time: a multi-megabyte line (and many short lines) must just run
    big = "Share " * 400_000
    assert chrome.remove(big) == big
    many = "\n".join(["Home", "News"] * 10_000)  # linearity itself: tests/test_chrome_scaling.py
    chrome.remove(many, mode="page")
    chrome.remove("اقرأ أيضا: " + "ا" * 2_000_000)


def test_random_documents_do_not_raise():
    rnd = random.Random(7)
    pool = CHROME_LINES + PROSE_LINES + CLEAN_PARAGRAPHS
    for _ in range(200):
        text = "\n".join(rnd.choice(pool) for _ in range(rnd.randint(0, 40)))
        for mode in MODES:
            check_lines_removed(text, mode)
