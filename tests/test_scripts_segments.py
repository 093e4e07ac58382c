"""Script segmentation: golden cases, the partition property, agreement of
every character's label with the Unicode database's Script_Extensions, and
linear time on pathological input."""

from __future__ import annotations

import itertools
import json
import re

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from nazif.scripts import Segment, char_script, script_runs, segments, tables
from nazif.scripts import segment as segment_module
from nazif.scripts._generate import regex_unicode_version
from strategies import lines_text, scraped_text

# ---------------------------------------------------------------------------
# golden cases


def pairs(text):
    return [(s.script, s.text) for s in segments(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", []),
        ("   ", [("neutral", "   ")]),
        ("2024 — 50%", [("neutral", "2024 — 50%")]),
        ("Hello", [("latin", "Hello")]),
        ("  Hello, world. ", [("latin", "  Hello, world. ")]),
        ("مرحبا 2024 بكم", [("arabic", "مرحبا 2024 بكم")]),
        (
            "Français English عربي",
            [("latin", "Français English"), ("neutral", " "), ("arabic", "عربي")],
        ),
        (
            "قالت منظمة الصحة العالمية (WHO) إن",
            [
                ("arabic", "قالت منظمة الصحة العالمية"),
                ("neutral", " "),
                ("latin", "(WHO)"),
                ("neutral", " "),
                ("arabic", "إن"),
            ],
        ),
        # the bracket takes what it encloses, digits and hyphen included
        (
            "أصيب بفيروس (COVID-19) أمس",
            [
                ("arabic", "أصيب بفيروس"),
                ("neutral", " "),
                ("latin", "(COVID-19)"),
                ("neutral", " "),
                ("arabic", "أمس"),
            ],
        ),
        (
            "عربي (2024 WHO) عربي",
            [
                ("arabic", "عربي"),
                ("neutral", " "),
                ("latin", "(2024 WHO)"),
                ("neutral", " "),
                ("arabic", "عربي"),
            ],
        ),
        (
            'قال "Hello world" ثم',
            [
                ("arabic", "قال"),
                ("neutral", " "),
                ("latin", '"Hello world"'),
                ("neutral", " "),
                ("arabic", "ثم"),
            ],
        ),
        (
            "صحيفة «الصباح» Assabah",
            [("arabic", "صحيفة «الصباح»"), ("neutral", " "), ("latin", "Assabah")],
        ),
        ("الصباح | Assabah", [("arabic", "الصباح"), ("neutral", " | "), ("latin", "Assabah")]),
        # sentence punctuation at a boundary stays neutral
        ("Hello, world! مرحبا", [("latin", "Hello, world"), ("neutral", "! "), ("arabic", "مرحبا")]),
        # Arabic punctuation, tatweel and harakat are Arabic
        ("، ؛ ؟", [("arabic", "، ؛ ؟")]),
        ("ـــ", [("arabic", "ـــ")]),
        ("\u064e", [("arabic", "\u064e")]),
        ("مُحَمَّد", [("arabic", "مُحَمَّد")]),
        # presentation forms are Arabic
        ("\ufefb\ufdfa", [("arabic", "\ufefb\ufdfa")]),
        # other scripts by name; neutral between two of them stays neutral
        ("Привет, мир", [("cyrillic", "Привет, мир")]),
        ("Русский Ελληνικά", [("cyrillic", "Русский"), ("neutral", " "), ("greek", "Ελληνικά")]),
        ("中文 text", [("han", "中文"), ("neutral", " "), ("latin", "text")]),
        # a combining mark takes its base's script ...
        ("e\u0301t\u00e9", [("latin", "e\u0301t\u00e9")]),
        ("\u03c9\u0301\u03c3", [("greek", "\u03c9\u0301\u03c3")]),
        ("\u0438\u0306", [("cyrillic", "\u0438\u0306")]),
        # ... but a Latin-only mark after an Arabic letter stays Latin
        (
            "\u0628\u0301",
            [("arabic", "\u0628\u0301")],
        ),  # Unicode 15.1: U+0301 is Inherited, stays with its base
        # ZWNJ (Inherited) inside a Persian word
        ("می\u200cخواهم", [("arabic", "می\u200cخواهم")]),
        # emoji and ZWJ sequences are neutral
        ("👨\u200d👩\u200d👧 ok", [("latin", "👨\u200d👩\u200d👧 ok")]),
        ("عربي 😀 English", [("arabic", "عربي"), ("neutral", " 😀 "), ("latin", "English")]),
        # lone surrogates are neutral
        ("a\ud800b", [("latin", "a\ud800b")]),
        # scripts beyond the BMP
        ("\U00020000 \U00020001", [("han", "\U00020000 \U00020001")]),
        ("\U0001ee00 abc", [("arabic", "\U0001ee00"), ("neutral", " "), ("latin", "abc")]),
    ],
)
def test_golden(text, expected):
    assert pairs(text) == expected


def test_segment_fields_and_as_dict():
    segs = segments("Share شارك")
    assert segs[0] == Segment(0, 5, "latin", "Share")
    assert segs[-1].as_dict() == {"start": 6, "end": 10, "script": "arabic", "text": "شارك"}
    assert json.loads(json.dumps([s.as_dict() for s in segs]))[1]["script"] == "neutral"
    assert len(segs[0]) == 5


def test_multiline_boundaries():
    text = "English line.\nسطر عربي\n\nAnother English line"
    got = pairs(text)
    assert got == [
        ("latin", "English line."),
        ("neutral", "\n"),
        ("arabic", "سطر عربي"),
        ("neutral", "\n\n"),
        ("latin", "Another English line"),
    ]


def test_bracket_search_does_not_cross_lines():
    got = pairs("عربي (WHO\nمزيد) عربي")
    assert ("latin", "(WHO") in got


def test_char_script_examples():
    assert char_script("\u060c") == "arabic"  # ARABIC COMMA: Arabic among several scripts
    assert char_script("\u0640") == "arabic"  # TATWEEL
    assert char_script("\u0660") == "arabic"  # ARABIC-INDIC DIGIT ZERO
    assert char_script("\u06f4") == "arabic"  # EXTENDED ARABIC-INDIC DIGIT FOUR
    assert char_script("\u0751") == "arabic"  # Arabic Supplement
    assert char_script("\u08a0") == "arabic"  # Arabic Extended-A
    assert char_script("\ufb56") == "arabic"  # presentation form
    assert char_script("\u061c") == "neutral"  # ARABIC LETTER MARK: a bidi control
    assert char_script("\u202f") == "neutral"  # NNBSP: a space, though scx lists Latin
    assert char_script("\u00b7") == "neutral"  # MIDDLE DOT: shared punctuation
    assert char_script("\u02bc") == "neutral"  # MODIFIER LETTER APOSTROPHE: shared letter
    assert char_script("\u02b0") == "latin"  # MODIFIER LETTER SMALL H: Latin only
    assert char_script("\u0301") == "inherited"  # Unicode 15.1 (the tables' version): no Script_Extensions
    assert char_script("\u200c") == "inherited"
    assert char_script("A") == "latin"
    assert char_script("\u1e25") == "latin"  # Latin Extended Additional (romanized Arabic)
    assert char_script("7") == "neutral"
    assert char_script("\ud800") == "neutral"
    with pytest.raises(ValueError):
        char_script("ab")


# ---------------------------------------------------------------------------
# properties


def check_partition(text):
    segs = segments(text)
    assert "".join(s.text for s in segs) == text
    pos = 0
    for s in segs:
        assert s.start == pos and s.end > s.start
        assert text[s.start : s.end] == s.text
        pos = s.end
    assert pos == len(text)
    for a, b in itertools.pairwise(segs):
        assert a.script != b.script, "adjacent segments of one script must be merged"
        if a.script != "neutral" and b.script != "neutral":
            pass  # two scripts may touch directly ("abcمرحبا")
    return segs


def check_labels(segs):
    """Every character of a segment belongs to its script, or is neutral,
    or is a mark that takes its base's script."""
    for s in segs:
        for ch in s.text:
            label = char_script(ch)
            if s.script == "neutral":
                assert label in ("neutral", "inherited"), (s, ch)
            else:
                assert label in (s.script, "neutral", "inherited") or s.script in tables.shared_mark_scripts(
                    ch
                ), (
                    s,
                    ch,
                )


@given(scraped_text())
def test_partition_scraped(text):
    check_labels(check_partition(text))


@given(lines_text())
def test_partition_lines(text):
    check_labels(check_partition(text))


@given(st.text())
def test_partition_any_text(text):
    check_labels(check_partition(text))


MIXED_ALPHABET = st.sampled_from(
    list("abc ()\"'«»“”[]-.,!?\n\t0123456789")
    + ["ب", "ت", "\u064e", "\u0640", "،", "Ж", "Ω", "中", "\u0301", "\u200c", "😀", "\U00020000", "\ud800"]
)


@given(st.lists(MIXED_ALPHABET, max_size=60).map("".join))
def test_partition_dense_boundaries(text):
    segs = check_partition(text)
    check_labels(segs)
    assert segments(text) == segs  # deterministic


@given(st.lists(MIXED_ALPHABET, max_size=60).map("".join))
def test_strong_characters_keep_their_script(text):
    """A character with a script label (not a mark) is never in a segment of
    another script: neutral attachment only moves neutral characters."""
    for s in segments(text):
        for ch in s.text:
            label = char_script(ch)
            if label not in ("neutral", "inherited") and not tables.shared_mark_scripts(ch):
                assert label == s.script


@given(scraped_text())
def test_astral_pattern_agrees_with_bmp_pattern(text):
    """The fast BMP-only classes give the same runs as the full ones when no
    character beyond U+FFFF has a script."""
    if tables.needs_astral(text):
        return
    fast = [m.span() for m in segment_module._master(False).finditer(text)]
    full = [m.span() for m in segment_module._master(True).finditer(text)]
    assert fast == full


def test_script_runs_cover_text():
    text = "abc مرحبا Ж"
    runs = script_runs(text)
    assert runs[0] == ("latin", 0, 3)
    assert "".join(text[s:e] for _, s, e in runs) == text


# ---------------------------------------------------------------------------
# agreement with the Unicode database (through ``regex``)

try:
    from regex import _regex_core

    _SCX_VALUES = _regex_core.PROPERTIES["SCRIPTEXTENSIONS"][1]
except Exception:  # pragma: no cover - private API of regex
    _SCX_VALUES = None

SAME_VERSION = regex_unicode_version() == tables.UNICODE_VERSION


def _script_names():
    """One name per script, with the set of all its aliases."""
    by_id = {}
    for alias, value in _SCX_VALUES.items():
        by_id.setdefault(value, set()).add(alias)
    return {max(aliases, key=len): aliases for aliases in by_id.values()}


def same_label(got, want):
    norm = got.replace("_", "").upper()
    if want in ("arabic", "latin", "neutral", "inherited"):
        return got == want
    return norm in ALIASES[want]


@pytest.fixture(scope="module")
def scx_patterns():
    if _SCX_VALUES is None:
        pytest.skip("regex does not expose its property tables")
    ALIASES.update(_script_names())
    return {name: regex.compile(rf"\p{{scx={name}}}") for name in ALIASES}


ALIASES = {}


_SPACE_OR_BIDI = regex.compile(r"[\p{White_Space}\p{Bidi_Control}]")
_MARK = regex.compile(r"\p{M}")


def expected_label(ch, scx_patterns):
    """The documented rule, computed from the Unicode database independently
    of the generated table."""
    scripts = {name for name, pat in scx_patterns.items() if pat.match(ch)}
    if _SPACE_OR_BIDI.match(ch):
        return "neutral"
    if "ARABIC" in scripts:
        return "arabic"
    if "LATIN" in scripts:
        return "latin" if scripts == {"LATIN"} or _MARK.match(ch) else "neutral"
    if scripts == {"INHERITED"}:
        return "inherited"
    if not scripts or scripts <= {"COMMON", "UNKNOWN"}:
        return "neutral"
    if len(scripts) == 1:
        return next(iter(scripts))
    return "inherited" if _MARK.match(ch) else "neutral"


@pytest.mark.skipif(not SAME_VERSION, reason="installed regex has another Unicode version than the table")
@given(st.characters())
def test_label_agrees_with_script_extensions(scx_patterns, ch):
    expected = expected_label(ch, scx_patterns)
    got = char_script(ch)
    assert same_label(got, expected), (hex(ord(ch)), got, expected)


@pytest.mark.skipif(not SAME_VERSION, reason="installed regex has another Unicode version than the table")
@pytest.mark.parametrize(
    "cp",
    [
        0x060C,
        0x061B,
        0x061F,
        0x0640,
        0x064B,
        0x0651,
        0x0670,
        0x0660,
        0x06D4,
        0x0750,
        0x08A0,
        0x08FF,
        0xFB50,
        0xFDF2,
        0xFE70,
        0xFEFC,
        0x10EC2,
        0x1EE00,
        0x00B7,
        0x202F,
        0x061C,
        0x0300,
        0x0301,
        0x0363,
        0x0951,
        0x3001,
        0x30FC,
        0x0964,
        0x1CD0,
        0x200C,
        0x200D,
        0xFE0F,
        0x1F600,
        0xE0001,
    ],
)
def test_label_agrees_on_shared_characters(scx_patterns, cp):
    ch = chr(cp)
    got = char_script(ch)
    expected = expected_label(ch, scx_patterns)
    assert same_label(got, expected), (hex(cp), got, expected)


@pytest.mark.skipif(not SAME_VERSION, reason="installed regex has another Unicode version than the table")
def test_label_agrees_for_every_code_point(scx_patterns):
    """All 1.1 million code points, by runs (a few seconds)."""
    everything = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    # which scripts each position belongs to, by runs of each script
    member = {}
    for name in scx_patterns:
        for m in regex.finditer(rf"\p{{scx={name}}}+", everything):
            for i in range(m.start(), m.end()):
                member.setdefault(i, []).append(name)
    space_or_bidi = {m.start() for m in _SPACE_OR_BIDI.finditer(everything)}
    marks = {m.start() for m in regex.finditer(r"\p{M}", everything)}
    bad = []
    for i, ch in enumerate(everything):
        scripts = set(member.get(i, ()))
        if i in space_or_bidi:
            want = "neutral"
        elif "ARABIC" in scripts:
            want = "arabic"
        elif "LATIN" in scripts:
            want = "latin" if scripts == {"LATIN"} or i in marks else "neutral"
        elif scripts == {"INHERITED"}:
            want = "inherited"
        elif not scripts or scripts <= {"COMMON", "UNKNOWN"}:
            want = "neutral"
        elif len(scripts) == 1:
            want = next(iter(scripts))
        else:
            want = "inherited" if i in marks else "neutral"
        got = char_script(ch)
        if not same_label(got, want):
            bad.append((hex(ord(ch)), got, want))
    assert not bad, bad[:20]


def test_table_names_are_lowercase_unicode_names():
    for name in tables.SCRIPT_NAMES:
        assert name == name.lower() and " " not in name
    assert {"arabic", "latin", "cyrillic", "greek", "han", "hebrew", "old_italic", "nko", "lao"} <= set(
        tables.SCRIPT_NAMES
    )


def test_hot_path_uses_plain_re():
    pattern = segment_module._master(False)
    assert isinstance(pattern, re.Pattern)


# ---------------------------------------------------------------------------
# linear time: these would hang the suite if anything were quadratic

BIG = 2_000_000


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "a" + " " * BIG + "ب",
        "a" + " " * BIG,
        "(" * BIG + "a",
        "a" + ")" * BIG + "ب",
        "ب (" + "a" + "-" * BIG + ") ب",
        "a" + "\u0301" * BIG + " ب",
        "Ω" + "\u0301" * BIG + " ب",
        "word " * (BIG // 5) + "مرحبا",
        "x" * BIG,
        "ب" * BIG,
        "\U00020000 " * (BIG // 4),
    ],
    ids=lambda t: f"{t[:3]!r}..{len(t)}",
)
def test_pathological_long_lines_finish(text):
    segs = segments(text)
    assert sum(len(s) for s in segs) == len(text)


@pytest.mark.slow
def test_five_megabyte_mixed_line():
    unit = "قالت منظمة الصحة العالمية (WHO) إن Share 2024 — "
    text = unit * (5_000_000 // len(unit.encode("utf-8")))
    assert "\n" not in text and len(text.encode("utf-8")) > 4_900_000
    segs = segments(text)
    assert "".join(s.text for s in segs) == text
    assert {s.script for s in segs} == {"arabic", "latin", "neutral"}


def test_many_boundaries():
    text = "aب" * 200_000
    segs = segments(text)
    assert len(segs) == 400_000
    assert segs[0].script == "latin" and segs[1].script == "arabic"


@pytest.mark.skipif(not SAME_VERSION, reason="installed regex has another Unicode version than the table")
def test_generated_table_is_up_to_date():
    from pathlib import Path

    from nazif.scripts import _generate

    ranges, shared = _generate.build()
    expected = _generate.render(ranges, shared, _generate.regex_unicode_version())
    assert Path(_generate.__file__).with_name("_scx_table.py").read_text(encoding="utf-8") == expected
