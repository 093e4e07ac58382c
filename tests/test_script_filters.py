"""The line filters keep_scripts, keep_languages and drop_foreign_lines:
golden cases, the step contract (total, deterministic, idempotent, tracer
replays), line removal semantics and explain."""

from __future__ import annotations

import inspect

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nazif import Pipeline
from nazif.diff import apply_changes
from nazif.scripts import (
    classify_lines,
    dominant_script,
    drop_foreign_lines,
    keep_languages,
    keep_scripts,
    trace_drop_foreign_lines,
    trace_keep_languages,
    trace_keep_scripts,
)
from nazif.steps import get_info
from strategies import lines_text, scraped_text

STEPS = {
    "keep_scripts": (keep_scripts, trace_keep_scripts),
    "keep_languages": (keep_languages, trace_keep_languages),
    "drop_foreign_lines": (drop_foreign_lines, trace_drop_foreign_lines),
}
OPTIONS = {
    "keep_scripts": [
        {},
        {"scripts": ("arabic",)},
        {"scripts": ["latin"], "strict": True},
        {"scripts": ("other",)},
    ],
    "keep_languages": [{}, {"languages": ("ar",)}, {"languages": ("en",), "keep_undetermined": False}],
    "drop_foreign_lines": [{}, {"max_letters": 12}],
}
CASES = [(name, opts) for name, options in OPTIONS.items() for opts in options]

HARD_CASES = [
    "",
    "\n",
    "\n\n\n",
    "\r\n\r\n",
    "\ud800",
    "a\udfffb",
    "\ufeffIn English\r\n\r\n\u201cHamas\u201d\u00a0movement\u200b  \r\n",
    "\ufefb\ufdfa \u0640\u0640\u0640 \u0663\u066b\u0665",
    "Русский\nEnglish\nعربي\n",
    "English\nРусский\nРусский\nعربي",
    "عربي\nEnglish",
    "English\n\nعربي\n\n",
]


# ---------------------------------------------------------------------------
# registration


@pytest.mark.parametrize("name", sorted(STEPS))
def test_registered_lossy_with_tracer_and_doctest(name):
    info = get_info(name)
    func, tracer = STEPS[name]
    assert info.func is func
    assert info.lossless is False
    # the registry holds the tracer behind its TypeError-at-entry wrapper
    assert inspect.unwrap(info.tracer) is tracer
    assert func.__doc__ and ">>>" in func.__doc__
    assert "on purpose" in func.__doc__


# ---------------------------------------------------------------------------
# golden cases

PAGE = "\n".join(
    [
        "الرئيسية",
        "خبر عاجل: قالت منظمة الصحة العالمية (WHO) إن عدد الإصابات ارتفع",
        "English",
        "Français",
        "",
        "Русский",
        "2024-05-01",
        "شارك",
    ]
)


def test_keep_scripts_golden():
    assert keep_scripts(PAGE, scripts=("arabic",)) == "\n".join(
        [
            "الرئيسية",
            "خبر عاجل: قالت منظمة الصحة العالمية (WHO) إن عدد الإصابات ارتفع",
            "",
            "2024-05-01",
            "شارك",
        ]
    )
    assert keep_scripts(PAGE) == PAGE.replace("Русский\n", "")
    assert keep_scripts(PAGE, scripts=("arabic",), strict=True).count("WHO") == 0
    assert keep_scripts(PAGE, scripts=["cyrillic"]) == "\n".join(["", "Русский", "2024-05-01"])
    assert keep_scripts(PAGE, scripts="other") == keep_scripts(PAGE, scripts=["cyrillic"])


def test_drop_foreign_lines_golden():
    assert dominant_script(PAGE) == "arabic"
    assert drop_foreign_lines(PAGE) == "\n".join(
        [
            "الرئيسية",
            "خبر عاجل: قالت منظمة الصحة العالمية (WHO) إن عدد الإصابات ارتفع",
            "",
            "2024-05-01",
            "شارك",
        ]
    )
    english_page = "Breaking news from the region\nعربي\nThe minister said\nالمزيد من الأخبار هنا"
    assert drop_foreign_lines(english_page) == "Breaking news from the region\nThe minister said"
    assert drop_foreign_lines(english_page, max_letters=5) == (
        "Breaking news from the region\nThe minister said\nالمزيد من الأخبار هنا"
    )
    assert drop_foreign_lines("only neutral 2024\n---") == "only neutral 2024\n---"


def test_keep_languages_golden():
    text = "\n".join(
        [
            "Le ministre a déclaré mardi que les négociations reprendraient la semaine prochaine.",
            "The minister said on Tuesday that the talks would resume next week.",
            "قال الوزير يوم الثلاثاء إن المفاوضات ستستأنف الأسبوع المقبل",
            "Français",
            "2024",
        ]
    )
    assert keep_languages(text).split("\n") == text.split("\n")[1:]
    assert keep_languages(text, languages=("ar",)).split("\n") == text.split("\n")[2:]
    assert keep_languages(text, languages=("en",), keep_undetermined=False).split("\n") == [
        text.split("\n")[1],
        "2024",
    ]


def test_tracer_reports_rule_entry_and_line():
    new, changes = trace_drop_foreign_lines(PAGE)
    assert [(c.rule, c.entry, c.line) for c in changes] == [
        ("foreign-script", "latin", 2),
        ("foreign-script", "latin", 3),
        ("foreign-script", "cyrillic", 5),
    ]
    assert apply_changes(PAGE, changes) == new
    _, changes = trace_keep_scripts(PAGE, scripts=("arabic",))
    assert {(c.rule, c.entry) for c in changes} == {("script", "latin"), ("script", "cyrillic")}
    _, changes = trace_keep_languages("Das ist ein deutscher Satz über die Regierung und die Wirtschaft.\nok")
    assert [(c.rule, c.entry, c.line) for c in changes] == [("language", "de", 0)]


def test_explain_through_pipeline():
    p = Pipeline([("keep_scripts", {"scripts": ["arabic"]})])
    exp = p.explain(PAGE)
    assert exp.output == p(PAGE)
    (report,) = exp.steps
    assert report.step == "keep_scripts"
    assert all(c.rule == "script" for c in report.changes)
    assert "script: latin" in str(exp)
    assert Pipeline.from_spec(p.to_spec())(PAGE) == p(PAGE)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ж\nabc", "abc"),  # the first line
        ("abc\nЖ", "abc"),  # the last line
        ("Ж\nЖ", ""),  # all lines
        ("abc\nЖ\nЖ", "abc"),  # a run at the end
        ("Ж\nЖ\nabc\nЖ\nabc\nЖ", "abc\nabc"),
        ("abc\nЖ\n", "abc\n"),  # the empty last line is neutral and stays
    ],
)
def test_line_removal_positions(text, expected):
    new, changes = trace_keep_scripts(text, scripts=("latin",))
    assert new == expected
    assert apply_changes(text, changes) == expected
    for c in changes:
        assert text[c.start : c.end] == c.before


# ---------------------------------------------------------------------------
# the step contract, for every option set


@pytest.mark.parametrize("name, opts", CASES)
@pytest.mark.parametrize("text", HARD_CASES)
def test_hard_cases(name, opts, text):
    func, tracer = STEPS[name]
    out = func(text, **opts)
    assert isinstance(out, str)
    assert func(out, **opts) == out
    new, changes = tracer(text, **opts)
    assert new == out and apply_changes(text, changes) == out


def _check_contract(name, opts, text):
    func, tracer = STEPS[name]
    out = func(text, **opts)
    assert func(text, **opts) == out, "not deterministic"
    assert func(out, **opts) == out, "not idempotent"
    new, changes = tracer(text, **opts)
    assert new == out
    for c in changes:
        assert text[c.start : c.end] == c.before and c.after == ""
    assert apply_changes(text, changes) == out
    # output lines = input lines minus the dropped ones, in order
    dropped = {c.line for c in changes}
    lines = text.split("\n")
    assert out == "\n".join(line for i, line in enumerate(lines) if i not in dropped)
    # lines without script characters are always kept
    for line in classify_lines(text):
        if line.script == "neutral":
            assert line.index not in dropped


@pytest.mark.parametrize("name, opts", CASES)
@given(text=scraped_text())
def test_contract_scraped(name, opts, text):
    _check_contract(name, opts, text)


CYRILLIC_OR_GREEK = st.sampled_from(["Русский", "новости", "Ελληνικά", "日本語", "中文"])


@st.composite
def multiscript_lines(draw):
    """Lines in Arabic, Latin, Cyrillic …, so that foreign lines exist and the
    dominant script is sometimes a close call."""
    base = draw(lines_text(max_lines=8)).split("\n")
    extra = draw(st.lists(CYRILLIC_OR_GREEK, max_size=4))
    for word in extra:
        base.insert(draw(st.integers(0, len(base))), word)
    return "\n".join(base)


@pytest.mark.parametrize("name, opts", CASES)
@given(text=multiscript_lines())
def test_contract_multiscript(name, opts, text):
    _check_contract(name, opts, text)


@given(text=multiscript_lines())
def test_drop_foreign_lines_keeps_the_dominant_script(text):
    out = drop_foreign_lines(text)
    dominant = dominant_script(text)
    assert dominant_script(out) == dominant or dominant == "neutral" or out == ""
    for line in classify_lines(out):
        assert not line.counts or dominant in line.counts


# ---------------------------------------------------------------------------
# linear time


@pytest.mark.parametrize("name", sorted(STEPS))
def test_long_line_and_many_lines(name):
    func, _ = STEPS[name]
    one_line = "قالت منظمة الصحة العالمية (WHO) إن " * 60_000
    assert func(one_line) == one_line
    many = "\n".join(["خبر عاجل اليوم", "English", "Русский", "", "2024"] * 20_000)
    out = func(many)
    assert len(out) <= len(many)


HEADLINES = [
    "Dollar gains on Greenspan speech",  # "on" is French too: the model is asked
    "Peugeot deal boosts Mitsubishi",  # medium length, not English enough for words alone
    "CC-BY 2.0 (France) Attribution: by example.org",  # English by its words: no model
    "Le dollar gagne sur le discours du président",
    "Der Dollar steigt nach der Rede",
]


class _CountingDetector:
    def __init__(self, inner):
        self.inner, self.calls = inner, []

    def detect(self, text):
        self.calls.append(text)
        return self.inner.detect(text)


def test_keep_languages_asks_the_model_only_where_its_answer_matters():
    # a line kept whatever the model says ("en" or "und", both kept) is not sent to it
    from nazif.scripts import detect_language, get_detector, set_detector

    counting = _CountingDetector(get_detector())
    text = "\n".join(HEADLINES)
    try:
        set_detector(counting)
        kept = keep_languages(text)
        asked = len(counting.calls)
        counting.calls.clear()
        reference = [line for line in HEADLINES if detect_language(line).lang in ("ar", "en", "und")]
    finally:
        set_detector(None)
    assert kept.split("\n") == reference
    assert asked == 3  # the lines with another language's function words
    assert len(counting.calls) == 4  # line by line, every line but the one decided by words


@given(
    lines=st.lists(
        st.one_of(
            st.sampled_from(HEADLINES + ["Share", "قال الوزير إن المحادثات ستستأنف", "2024", ""]),
            # the hard cases: diacritics, bidi marks, NBSP, CR, lone surrogates
            scraped_text(max_tokens=12).map(lambda t: t.replace("\n", " ")),
        ),
        max_size=8,
    )
)
def test_keep_languages_equals_the_line_by_line_decision(lines):
    # the reference asks detect_language about every line with script
    # characters; keep_languages skips the model where its answer cannot matter
    from nazif.diff import apply_changes
    from nazif.scripts import classify_lines, detect_language

    text = "\n".join(lines)
    for languages, undetermined in ((("ar", "en"), True), (("en",), True), (("en",), False), (("de",), True)):
        wanted = set(languages)
        dropped = [
            line.index
            for line in classify_lines(text)
            if line.counts
            and not ((lang := detect_language(line.text).lang) in wanted or (lang == "und" and undetermined))
        ]
        new, changes = trace_keep_languages(text, languages=languages, keep_undetermined=undetermined)
        assert sorted(c.line for c in changes) == dropped
        assert (
            apply_changes(text, changes)
            == new
            == keep_languages(text, languages=languages, keep_undetermined=undetermined)
        )
