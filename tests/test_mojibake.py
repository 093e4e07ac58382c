"""repair_mojibake: every kind repaired, correct text untouched, both ftfy paths."""

from __future__ import annotations

import inspect
import sys

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import nazif.mojibake as mojibake
from nazif import Pipeline
from nazif.diff import apply_changes
from nazif.mojibake import KINDS, ftfy_available, repair_mojibake, trace_repair_mojibake
from nazif.steps import get_info
from test_mojibake_data import (
    ARABIC_SENTENCES,
    CP1256_PATHS,
    ENGLISH_SENTENCES,
    MIXED_LINES,
    NEGATIVES,
    PATHS,
    RULES,
    cp1256_as_cp1252,
    cp1256_as_latin1,
    double_utf8_as_cp1252,
    utf8_as_cp1252,
    utf8_as_cp1252_replace,
    utf8_as_cp1256,
    utf8_as_latin1,
)


@pytest.fixture(params=["ftfy", "builtin"])
def use_ftfy(request, monkeypatch):
    """Run a test with ftfy's fixer and with the built-in repair (ftfy
    made unimportable)."""
    if request.param == "ftfy":
        if not ftfy_available():
            pytest.skip("ftfy not installed")
        yield True
        return
    monkeypatch.setitem(sys.modules, "ftfy", None)  # import ftfy -> ImportError
    mojibake._ftfy.cache_clear()
    mojibake._ftfy_config.cache_clear()
    yield True  # asks for ftfy, must fall back
    mojibake._ftfy.cache_clear()
    mojibake._ftfy_config.cache_clear()


def _defined(path, s):
    try:
        return PATHS[path](s)
    except UnicodeError:
        return None


# --- registration -------------------------------------------------------------


def test_registered_lossless_with_tracer():
    info = get_info("repair_mojibake")
    assert info.lossless is True
    # the registry holds the tracer behind its TypeError-at-entry wrapper
    assert inspect.unwrap(info.tracer) is trace_repair_mojibake
    assert set(KINDS) >= {"utf8-as-cp1252", "utf8-as-cp1256", "cp1256-as-latin1"}


def test_fallback_when_ftfy_cannot_be_imported(monkeypatch):
    monkeypatch.setitem(sys.modules, "ftfy", None)
    mojibake._ftfy.cache_clear()
    try:
        assert ftfy_available() is False
        assert repair_mojibake(utf8_as_cp1252("العربية")) == "العربية"
        _, changes = trace_repair_mojibake(utf8_as_cp1252("“café”"))
        assert changes and all("[ftfy]" not in c.entry for c in changes)
    finally:
        mojibake._ftfy.cache_clear()


@pytest.mark.skipif(not ftfy_available(), reason="ftfy not installed")
def test_ftfy_path_says_so_in_the_entry():
    _, changes = trace_repair_mojibake(utf8_as_cp1252("العربية لغة"))
    assert [c.entry for c in changes] == ["windows-1252\u2192utf-8 [ftfy]"]
    _, changes = trace_repair_mojibake(utf8_as_cp1252("العربية لغة"), use_ftfy=False)
    assert [c.entry for c in changes] == ["windows-1252\u2192utf-8"]


# --- golden cases ---------------------------------------------------------------


@pytest.mark.parametrize(
    "broken, fixed",
    [
        ("Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©", "العربية"),
        ("ط§ظ„ط¹ط±ط¨ظٹط©", "العربية"),
        ("ÇáÚÑÈíÉ ÇáÝÕÍì", "العربية الفصحى"),
        ("â€œHelloâ€\x9d â€“ itâ€™s â€” fineâ€¦", "“Hello” – it’s — fine…"),
        ("cafÃ© and naÃ¯ve", "café and naïve"),
        ("cafأ©", "café"),
        ("Â£5m", "£5m"),
        ("ï»¿Title", "\ufeffTitle"),
        ("ðŸ˜€ ok", "😀 ok"),
        ("Ã˜Â§Ã™â€ž", "ال"),
        ("Ø·Â§Ø¸â€ž", "ال"),
        (" 15:33 Øª Ù… ", " 15:33 ت م "),
        ("\x93Hi\x94 \x96 ok", "“Hi” – ok"),
    ],
)
def test_golden(broken, fixed, use_ftfy):
    assert repair_mojibake(broken, use_ftfy=use_ftfy) == fixed


@pytest.mark.parametrize("path", sorted(PATHS))
@pytest.mark.parametrize("sentence", ARABIC_SENTENCES + MIXED_LINES)
def test_every_path_on_arabic(path, sentence, use_ftfy):
    broken = _defined(path, sentence)
    if broken is None:
        pytest.skip("not encodable on this path")
    assert broken != sentence
    out, changes = trace_repair_mojibake(broken, use_ftfy=use_ftfy)
    assert out == sentence
    assert apply_changes(broken, changes) == out
    assert {c.rule for c in changes} <= {RULES[path], "cp1252-as-latin1"}


@pytest.mark.parametrize("path", sorted(set(PATHS) - CP1256_PATHS))
@pytest.mark.parametrize("sentence", ENGLISH_SENTENCES)
def test_every_utf8_path_on_english(path, sentence, use_ftfy):
    broken = PATHS[path](sentence)
    assert repair_mojibake(broken, use_ftfy=use_ftfy) == sentence


def test_lossy_bytes_become_one_replacement_character(use_ftfy):
    # strict windows-1252 with errors="replace" loses 0x81: the feh of في
    broken = utf8_as_cp1252_replace("قال في البيان “نعم”")
    assert "\ufffd" in broken
    assert repair_mojibake(broken, use_ftfy=use_ftfy) == "قال \ufffdي البيان “نعم\ufffd"


def test_one_bad_line_does_not_condemn_the_page(use_ftfy):
    good = "Le café est fermé.\nالنفط، «الضغط» والحظ.\nØrsted’s naïve plan"
    bad = utf8_as_cp1256("وصل الوفد إلى القاهرة")
    text = f"{good}\n{bad}\n{good}"
    out, changes = trace_repair_mojibake(text, use_ftfy=use_ftfy)
    assert out == f"{good}\nوصل الوفد إلى القاهرة\n{good}"
    assert [c.line for c in changes] == [3]
    assert [c.rule for c in changes] == ["utf8-as-cp1256"]


def test_partial_line_bad_run_inside_good_text(use_ftfy):
    for wrong in (utf8_as_cp1252, utf8_as_cp1256, double_utf8_as_cp1252):
        line = f"قال الوزير: {wrong('الأسواق مستقرة')} — café ok"
        assert repair_mojibake(line, use_ftfy=use_ftfy) == "قال الوزير: الأسواق مستقرة — café ok"
    line = f"BBC: {cp1256_as_latin1('الأسواق العربية مستقرة')} (Reuters)"
    assert repair_mojibake(line, use_ftfy=use_ftfy) == "BBC: الأسواق العربية مستقرة (Reuters)"


def test_mixed_kinds_on_one_line(use_ftfy):
    line = f"{utf8_as_cp1252('الأول')} | {utf8_as_cp1256('الثاني')} | {cp1256_as_latin1('الثالث والرابع')}"
    out, changes = trace_repair_mojibake(line, use_ftfy=use_ftfy)
    assert out == "الأول | الثاني | الثالث والرابع"
    assert [c.rule for c in changes] == ["utf8-as-cp1252", "utf8-as-cp1256", "cp1256-as-latin1"]
    assert apply_changes(line, changes) == out


def test_tracer_reports_line_kind_and_codec_path():
    text = "ok\n" + utf8_as_latin1("نص") + "\n" + cp1256_as_cp1252("النص العربي") + "\n\nok"
    out, changes = trace_repair_mojibake(text, use_ftfy=False)
    assert out == "ok\nنص\nالنص العربي\n\nok"
    assert [(c.line, c.rule, c.entry) for c in changes] == [
        (1, "utf8-as-cp1252", "latin-1\u2192utf-8"),
        (2, "cp1256-as-latin1", "latin-1\u2192windows-1256"),
    ]
    for c in changes:
        assert text[c.start : c.end] == c.before


def test_double_encoding_rule_names():
    _, changes = trace_repair_mojibake(double_utf8_as_cp1252("العربية"), use_ftfy=False)
    assert [c.rule for c in changes] == ["double-utf8-as-cp1252"]
    assert changes[0].entry == "windows-1252\u2192utf-8 then windows-1252\u2192utf-8"
    _, changes = trace_repair_mojibake(utf8_as_cp1252(utf8_as_cp1252(double_utf8_as_cp1252("نعم"))))
    assert [c.rule for c in changes] == ["4x-utf8-as-cp1252"]


def test_explain_through_pipeline():
    exp = Pipeline(["repair_mojibake"]).explain("x " + utf8_as_cp1256("مرحبا"))
    assert exp.output == "x مرحبا"
    (report,) = exp.steps
    assert report.changes[0].rule == "utf8-as-cp1256"
    assert "utf8-as-cp1256" in str(exp)


# --- nothing else is touched ------------------------------------------------------


@pytest.mark.parametrize("text", NEGATIVES)
def test_negative_set_unchanged(text, use_ftfy):
    out, changes = trace_repair_mojibake(text, use_ftfy=use_ftfy)
    assert out == text
    assert changes == []


def test_clean_text_is_returned_as_is():
    s = "plain ASCII text"
    assert repair_mojibake(s) is s
    s = "العربية، «النص» café"
    assert repair_mojibake(s) is s


def test_shared_example_article(shared, use_ftfy):
    text = shared("examples", "news-article-en.txt").read_text(encoding="utf-8")
    assert repair_mojibake(text, use_ftfy=use_ftfy) == text
    for wrong in (utf8_as_cp1252, utf8_as_latin1, utf8_as_cp1256, double_utf8_as_cp1252):
        assert repair_mojibake(wrong(text), use_ftfy=use_ftfy) == text


# --- properties -----------------------------------------------------------------------

_BASIC = [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
_HARAKAT = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b"]


def _arabic_word(min_size: int = 2):
    letters = st.lists(st.sampled_from(_BASIC), min_size=min_size, max_size=8)
    return st.one_of(letters.map("".join), letters.map(lambda ls: ls[0] + "\u064e" + "".join(ls[1:])))


_SEP = st.sampled_from([" ", " ", " ", "، ", ". ", "؟ ", " «", "» ", " – ", " 2015 ", "\u00a0", ": "])


@st.composite
def arabic_sentences(draw, min_words: int = 1, max_words: int = 10):
    words = draw(st.lists(_arabic_word(), min_size=min_words, max_size=max_words))
    seps = draw(st.lists(_SEP, min_size=len(words), max_size=len(words)))
    return "".join(w + s for w, s in zip(words, seps)).strip()


# Real words, so that windows-1256 read as latin-1 (detected by letter
# statistics, not by a round trip) has the statistics of real Arabic.
_VOCABULARY = (
    "في من على إلى أن التي الذي قال وزير الحكومة المدينة الأسواق النفط الأمن الرئيس مجلس "
    "العام اليوم أمس الشركة البنك الدولة العربية السعودية مصر الخليج المنتخب المباراة الفريق "
    "الوطني المؤتمر الاقتصادي الأسبوع المقبل مصادر مطلعة وأضاف وأكد بعد قبل خلال عن مع بين "
    "حتى كما ذلك هذا هذه الناس الطلاب الجامعة الصحة التعليم المشروع الجديد الكبير"
).split()


@st.composite
def arabic_vocabulary_sentences(draw):
    words = draw(st.lists(st.sampled_from(_VOCABULARY), min_size=2, max_size=12))
    seps = draw(
        st.lists(
            st.sampled_from([" ", " ", " ", "، ", ". ", "؟ ", " ـ "]),
            min_size=len(words),
            max_size=len(words),
        )
    )
    return "".join(w + s for w, s in zip(words, seps)).strip()


_ENGLISH = "the minister said it was a record year for the club and its coach".split()
_ACCENTED = ["café", "naïve", "Zürich", "São", "Ørsted", "Málaga", "señor", "Gdańsk", "Ærø", "déjà", "façade"]
_PUNCT = ["“", "”", "‘", "’", "–", "—", "…", "•", "€", "£"]


@st.composite
def english_sentences(draw):
    words = draw(st.lists(st.sampled_from(_ENGLISH + _ACCENTED), min_size=1, max_size=12))
    marks = draw(st.lists(st.sampled_from(_PUNCT + [" "] * 6), min_size=len(words), max_size=len(words)))
    text = " ".join(w + m for w, m in zip(words, marks))
    # one typographic character at least: a lone "Ã«" or "Ã\xa0" is not
    # evidence on its own (it is also Portuguese before a quote)
    return draw(st.sampled_from(_PUNCT[:7])) + text


def test_hamzas_alone_through_windows_1256_are_left():
    # found by test_property_utf8_kinds_on_arabic: "ءء" as UTF-8 read through
    # windows-1256 is "ط،ط،", a letter and an Arabic comma, twice: text as
    # plausible as the mojibake, and nothing else on the line to tell them apart
    assert repair_mojibake("\u0637\u060c\u0637\u060c") == "\u0637\u060c\u0637\u060c"
    # one more letter is evidence enough
    assert (
        repair_mojibake(utf8_as_cp1256("\u0621\u0621 \u0628\u0627\u0628"))
        == "\u0621\u0621 \u0628\u0627\u0628"
    )


@settings(max_examples=200)
@given(
    arabic_sentences(),
    st.sampled_from(
        [
            "utf8-as-cp1252",
            "utf8-as-latin1",
            "utf8-as-cp1256",
            "double-utf8-as-cp1252",
            "utf8-as-cp1256-then-cp1252",
            "utf8-as-cp1252-then-cp1256",
        ]
    ),
)
def test_property_utf8_kinds_on_arabic(text, path):
    # a text of standalone hamzas only is left alone read through windows-1256
    # (see test_hamzas_alone_through_windows_1256_are_left): some other letter
    assume(any("\u0622" <= c <= "\u064a" for c in text))
    broken = PATHS[path](text)
    assert repair_mojibake(broken) == text
    assert repair_mojibake(broken, use_ftfy=False) == text


@settings(max_examples=200)
@given(arabic_vocabulary_sentences(), st.sampled_from(sorted(CP1256_PATHS)))
def test_property_cp1256_as_latin1(text, path):
    # the documented evidence: four letters, one word of three different ones,
    # and at least half of the letters among the eighteen commonest of Arabic
    # running text (short lines of rarer letters, "إلى إلى", are left alone)
    from nazif.mojibake._cp1256 import _COMMON

    letters = [c for c in text if c.isalpha()]
    assume(len(letters) >= 4 and any(len({c for c in w if c.isalpha()}) >= 3 for w in text.split()))
    assume(sum(c in _COMMON for c in letters) * 2 >= len(letters))
    broken = PATHS[path](text)
    out = repair_mojibake(broken, use_ftfy=False)
    assert out == text
    assert repair_mojibake(broken) == text


@settings(max_examples=200)
@given(
    english_sentences(),
    st.sampled_from(["utf8-as-cp1252", "utf8-as-latin1", "utf8-as-cp1256", "double-utf8-as-cp1252"]),
)
def test_property_utf8_kinds_on_english(text, path):
    broken = PATHS[path](text)
    assert repair_mojibake(broken) == text
    assert repair_mojibake(broken, use_ftfy=False) == text


@settings(max_examples=200)
@given(
    st.lists(
        st.one_of(arabic_sentences(), english_sentences(), st.sampled_from(NEGATIVES)), min_size=1, max_size=6
    ),
    st.lists(st.sampled_from(sorted(PATHS) + ["none"] * 4), min_size=6, max_size=6),
)
def test_property_documents_line_by_line(lines, paths):
    """Each line broken its own way (or not): each comes back on its own."""
    broken = []
    for line, path in zip(lines, paths):
        b = _defined(path, line) if path != "none" else line
        broken.append(line if b is None else b)
    out = repair_mojibake("\n".join(broken)).split("\n")
    for original, b, o in zip(lines, broken, out):
        if b == original:
            assert o == original  # a good line is never changed
        else:
            assert repair_mojibake(o) == o


@given(st.lists(st.sampled_from(NEGATIVES[:-2]), min_size=1, max_size=5).map("\n".join))
def test_property_negative_documents_unchanged(text):
    assert repair_mojibake(text) == text


# --- totality and linear time --------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Ã©" * 1_000_000,
        "ط§" * 1_000_000,
        "ÇáÚÑÈíÉ " * 250_000,
        "Ã" * 2_000_000,
        "â€" * 1_000_000,
        ("Ø" + "x" * 50) * 40_000,
        "\x93" * 2_000_000,
        "Øª Ù… " * 300_000,
    ],
    ids=["k1", "k2", "k3", "leads", "truncated", "sparse", "c1", "letters"],
)
def test_long_lines_finish(text):
    out = repair_mojibake(text, use_ftfy=False)
    assert isinstance(out, str)
    assert repair_mojibake(out, use_ftfy=False) == out


# --- presets -----------------------------------------------------------------------------


def test_corpus_preset_repairs_first_and_stays_idempotent():
    corpus = Pipeline.from_preset("corpus")
    names = corpus.names
    assert "repair_mojibake" in names and "remove_markup" in names
    first_other = min(i for i, n in enumerate(names) if n not in ("repair_mojibake", "remove_markup"))
    assert names.index("repair_mojibake") < first_other
    for text in [
        utf8_as_cp1252("“العربية” في النص"),
        utf8_as_cp1256("العربية، في «النص»\u00a0والحظ"),
        cp1256_as_latin1("العربية في النص الكامل"),
        "<p>" + utf8_as_cp1256("مرحبا بكم في الموقع") + "</p>",
    ]:
        out = corpus(text)
        assert corpus(out) == out


def test_markup_before_mojibake_handles_escaped_mojibake():
    """HTML-escaped mojibake (``&Atilde;&copy;``) needs the markup step
    first; in that order the pair is idempotent."""
    pair = Pipeline(["remove_markup", "repair_mojibake"])
    for text in ["caf&Atilde;&copy; &amp; more", "&#216;&#167;&#217;&#8222;&#216;&#185;"]:
        out = pair(text)
        assert pair(out) == out
    assert pair("caf&Atilde;&copy;") == "café"


# --- genuine Arabic glued to Latin; what hides mojibake (issue 10, item 5) -------------------

from strategies import HIDING_NOT_IMAGES, PRESENTATION_FORMS, hidden_markup_text  # noqa: E402


@pytest.mark.parametrize(
    "text",
    [
        "أکaa",  # أ ک are the images of C3 98 (Ø), but two letters of a word glued to Latin
        "آ¨ test",  # آ ¨ are the images of C2 A8, a spacing diaeresis standing alone
        "آ´ x",
        "آ¸",
        "ملک aa",
        "أکa a",
    ],
)
def test_genuine_arabic_glued_to_latin_is_left_alone(text, use_ftfy):
    out, changes = trace_repair_mojibake(text, use_ftfy=use_ftfy)
    assert out == text and changes == []


@pytest.mark.parametrize(
    "broken, fixed",
    [
        ("cafأ©", "café"),
        ("xأکrsted", "xØrsted"),  # a Latin letter before: inside a Latin word
        ("آ£5m", "£5m"),
        ("آ°C", "°C"),
        ("أ©tat", "état"),
    ],
)
def test_lone_cp1256_sequences_still_repaired(broken, fixed, use_ftfy):
    assert repair_mojibake(broken, use_ftfy=use_ftfy) == fixed


@pytest.mark.parametrize(
    "broken, fixed",
    [
        ("caf\u00c3\u200b\u00a9 au lait", "café au lait"),
        ("Ø§\u2060Ù„Ø¹Ø±Ø¨ÙŠØ©", "العربية"),
        ("ط§\ufeffظ„ط¹ط±ط¨ظٹط©", "العربية"),
        ("\ufec1\u00a7\ufec5\u201e x", "ال x"),  # presentation forms of ط ظ
        # invisibles outside every repair stay (remove_invisibles' business)
        ("x\u200b Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©\u200b\n\u200bok", "x\u200b العربية\u200b\n\u200bok"),
        # images stay images: ``Ã\xad`` is í
        ("MarÃ\u00ada", "María"),
    ],
)
def test_hiding_characters_are_seen_through(broken, fixed, use_ftfy):
    out, changes = trace_repair_mojibake(broken, use_ftfy=use_ftfy)
    assert out == fixed == repair_mojibake(broken, use_ftfy=use_ftfy)
    assert apply_changes(broken, changes) == out
    assert repair_mojibake(out, use_ftfy=use_ftfy) == out


def test_see_through_tracer_spans_and_lines():
    text = "ok\nx caf\u00c3\u200b\u00a9"
    out, changes = trace_repair_mojibake(text, use_ftfy=False)
    assert out == "ok\nx café"
    assert [(c.start, c.end, c.before, c.after, c.line) for c in changes] == [
        (8, 11, "\u00c3\u200b\u00a9", "é", 1)
    ]


def test_clean_text_with_hiding_characters_is_returned_as_is():
    for s in ["العربية\u200b café", "\ufefbمرحبا\u200b", "x\x00y é"]:
        assert repair_mojibake(s) is s


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        hidden_markup_text(),
        st.lists(
            st.sampled_from(
                [
                    *HIDING_NOT_IMAGES,
                    *PRESENTATION_FORMS[:20],
                    "Ã",
                    "©",
                    "Ø",
                    "§",
                    "Ù",
                    "„",
                    "ط",
                    "ظ",
                    " ",
                    "a",
                ]
            ),
            max_size=30,
        ).map("".join),
    ),
    st.booleans(),
)
def test_property_see_through_idempotent_and_traced(text, use_ftfy_flag):
    out, changes = trace_repair_mojibake(text, use_ftfy=use_ftfy_flag)
    assert out == repair_mojibake(text, use_ftfy=use_ftfy_flag)
    assert repair_mojibake(out, use_ftfy=use_ftfy_flag) == out
    for c in changes:
        assert text[c.start : c.end] == c.before
    assert apply_changes(text, changes) == out


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Ã\u200b©" * 500_000,
        "\ufec1§" * 500_000,
        "\u200b" * 2_000_000 + "Ã©",
        ("ط§\u2060" * 50 + " ") * 20_000,
    ],
    ids=["k1", "forms", "zwsp", "k2"],
)
def test_long_hidden_lines_finish(text):
    out = repair_mojibake(text, use_ftfy=False)
    assert repair_mojibake(out, use_ftfy=False) == out
