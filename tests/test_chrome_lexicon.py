"""Lexicons: the built-in data, files, custom entries and patterns, merging."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import nazif.chrome as chrome
from nazif.chrome import Entry, Lexicon
from nazif.chrome.lexicon import CATEGORIES, DATA_DIR, KINDS

FIXTURES = Path(__file__).parent / "fixtures"
BODY = "The finance ministry published its spending review on Wednesday after months of delay."


def test_builtin_lexicon_loads_all_data_files():
    lex = Lexicon.builtin()
    assert lex is Lexicon.builtin()  # loaded once
    files = sorted(p.name for p in DATA_DIR.glob("*.tsv"))
    assert files, "the package ships its lexicon data"
    sources = {e.source.partition("|")[0] for e in lex}
    assert {f"builtin:{f}" for f in files} <= sources
    for e in lex:
        assert e.kind in KINDS
        assert e.category in CATEGORIES, e
        assert e.kind == "pattern" or e.key
    cats = lex.categories()
    for needed in ("language-switch", "related", "read-also", "share", "back-to-top", "footer"):
        assert cats.get(needed, 0) > 0
    for phrase in ("In English", "مقالات ذات صلة", "زر الذهاب إلى الأعلى", "اقرأ أيضا"):
        assert lex.match_line(phrase) is not None, phrase


def test_seed_file_round_trip(tmp_path):
    seed = Lexicon.from_file(FIXTURES / "chrome_seed.tsv")
    assert len(seed) == 6
    assert seed.match_line("  SHARE THIS STORY ").category == "share"
    assert seed.match_line("اقرأ أيضاً: عنوان").kind == "prefix"
    assert seed.match_line("© Site 2024. All rights reserved").kind == "suffix"
    path = tmp_path / "site.tsv"
    seed.save(path, header="saved by a test")
    again = Lexicon.from_file(path)
    assert again == seed
    assert [e.phrase for e in again] == [e.phrase for e in seed]
    assert path.read_text(encoding="utf-8").startswith("# saved by a test")


def test_with_entries_in_a_few_lines():
    lex = Lexicon.builtin().with_entries(["Follow us on Mastodon", "Sponsored by Acme"], category="share")
    text = f"{BODY}\nFollow us on Mastodon\nSponsored by Acme"
    removed = chrome.find(text, lexicon=lex)
    assert [(r.text, r.entry) for r in removed] == [
        ("Follow us on Mastodon", "Follow us on Mastodon"),
        ("Sponsored by Acme", "Sponsored by Acme"),
    ]
    assert chrome.remove(text, lexicon=lex) == BODY
    # the built-in lexicon itself is unchanged
    assert Lexicon.builtin().match_line("Sponsored by Acme") is None


def test_with_prefix_entries():
    lex = Lexicon.empty().with_entries(["Watch:"], kind="prefix", category="other")
    text = f"{BODY}\nWatch: the minister arrives in Cairo"
    assert chrome.remove(text, lexicon=lex) == BODY


def test_with_patterns_on_the_raw_line():
    lex = Lexicon.builtin().with_patterns([r"^Photo: .*", r"^\([\w ]+ / \w+\)$"])
    text = f"{BODY}\nPhoto: AFP\n(Reed Saxon / AP)"
    removed = chrome.find(text, lexicon=lex)
    assert [r.rule for r in removed] == ["user-pattern", "user-pattern"]
    assert removed[0].entry == "^Photo: .*"


def test_invalid_pattern_raises_when_added_not_when_cleaning():
    with pytest.raises(ValueError):
        Lexicon.empty().with_patterns(["(unclosed"])


def test_unknown_kind_raises():
    with pytest.raises(ValueError):
        Entry("word", "share", "x")
    with pytest.raises(ValueError):
        Lexicon.from_string("anywhere\tshare\tShare this")


def test_merge_and_or():
    a = Lexicon.from_entries(["Share this"], category="share")
    b = Lexicon.from_entries(["Back to top"], category="back-to-top")
    merged = a | b
    assert len(merged) == 2 and merged == a.merge(b)
    assert "Back to top" in merged and "Share this" in merged
    assert "The minister said" not in merged
    # duplicates (same key) are kept once, the first wins
    dup = a | Lexicon.from_entries(["SHARE THIS!"], category="other")
    assert len(dup) == 1 and next(iter(dup)).category == "share"


def test_explain_and_entries():
    lex = Lexicon.from_entries(["Read also"], kind="prefix", category="read-also")
    assert "prefix entry 'Read also'" in lex.explain("Read also: the budget")
    assert lex.explain("Budget approved") == "key 'budget approved': no entry"
    assert lex.entries(category="read-also")[0].phrase == "Read also"
    assert lex.entries(category="share") == []


def test_lexicon_path_argument(tmp_path):
    path = tmp_path / "mysite.tsv"
    path.write_text("line\tsite\tThe Coastal Courier app\n", encoding="utf-8")
    text = f"{BODY}\nThe Coastal Courier app"
    assert chrome.remove(text, lexicon=str(path)) == BODY


def test_empty_lexicon_still_applies_layout_rules():
    text = f"{BODY}\n© 2024 Courier Ltd\n12"
    assert chrome.remove(text, lexicon=Lexicon.empty()) == BODY


# --- the pattern screen finds exactly the lines match_pattern finds ------------

SCREEN_PATTERNS = [
    r"^Photo: ",
    r"(?i)^\s*[0-9]+\s+comments?\s*$",
    r"(?x) ^ Video \s* : # a verbose pattern that ends in a comment",
    r"(\w+) and \1",  # a back-reference: the patterns are then searched one by one
    r"\AAdvertisement$",
    r"sponsored",  # not anchored: searched anywhere in the line
    r"(?i)read more$",
]


@pytest.mark.parametrize(
    "patterns", [SCREEN_PATTERNS, SCREEN_PATTERNS[:3] + SCREEN_PATTERNS[4:]], ids=["backref", "joined"]
)
def test_pattern_lines_agree_with_match_pattern(patterns):
    lex = Lexicon.empty().with_patterns(patterns)
    lines = [
        "Photo: Reuters",
        "photo: reuters",
        "  12 Comments ",
        "Video:",
        "Video : clip",
        "this and this",
        "this and that",
        "Advertisement",
        "An Advertisement",
        "This post is sponsored by us",
        "READ MORE",
        "\u200fPhoto: with a bidi mark first",
        "",
        "lone \ud800 surrogate",
    ]
    expected = [i for i, line in enumerate(lines) if line and lex.match_pattern(line) is not None]
    assert lex.pattern_lines(lines) == expected
    assert expected  # the case can fail: some lines match


@given(st.lists(st.text(alphabet="PhotoVideAdvertismn :0123456789\u200f\n", max_size=30), max_size=8))
def test_pattern_lines_agree_with_match_pattern_on_any_text(lines):
    lex = Lexicon.empty().with_patterns(SCREEN_PATTERNS[:3] + SCREEN_PATTERNS[4:])
    assert lex.pattern_lines(lines) == [
        i for i, line in enumerate(lines) if line and lex.match_pattern(line) is not None
    ]


def test_pattern_lines_without_bidi_controls_agree():
    lex = Lexicon.empty().with_patterns(["^Photo: "])
    lines = ["Photo: a", "\u200fPhoto: b", "x"]
    assert lex.pattern_lines(lines) == [0, 1]
    assert lex.pattern_lines(lines[:1] + lines[2:], bidi=False) == [0]
    # the flag comes from the text: a bidi mark anywhere turns the per-line removal on
    text = "\n".join(lines)
    assert [r.line for r in chrome.find(text, lexicon=lex)] == [0, 1]
