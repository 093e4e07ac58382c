"""Arabic marks newer than the tables are handled (issue 10, item 9).

The committed tables are generated from Unicode 15.1 and now include Arabic
Extended-C (U+10EC0-U+10EFF), whose marks U+10EFD-U+10EFF remove_diacritics
once ignored.  A Python with a newer Unicode gets its new Arabic marks
classed at import by the generator's own rule (nazif.arabic._marks).
"""

from __future__ import annotations

import unicodedata

import pytest

from nazif.arabic import _generated_tables as gen
from nazif.arabic import remove_diacritics
from nazif.arabic._marks import ARABIC_BLOCKS, arabic_marks, mark_class, newer_marks
from nazif.arabic.diacritics import marks_of_class
from nazif.arabic.tables import ARABIC_MARKS, MARK_CLASSES, NEWER_MARKS

BEH = "\u0628"


@pytest.mark.parametrize("mark", ["\U00010efd", "\U00010efe", "\U00010eff"])
def test_extended_c_small_low_words_are_quranic_and_removed(mark: str) -> None:
    # on every Python: the tables list them by code point, whatever unicodedata knows
    assert MARK_CLASSES[mark] == "quranic"
    assert mark in ARABIC_MARKS
    assert remove_diacritics(BEH + mark + "\u064e") == BEH
    assert remove_diacritics(BEH + mark, classes="harakat") == BEH + mark


def test_every_arabic_mark_of_this_python_has_a_class() -> None:
    # on a Python newer than the tables this is what NEWER_MARKS provides
    for lo, hi in ARABIC_BLOCKS:
        for cp in range(lo, hi + 1):
            if unicodedata.category(chr(cp)) == "Mn":
                assert chr(cp) in MARK_CLASSES, f"U+{cp:04X} {unicodedata.name(chr(cp))}"


def test_newer_marks_is_empty_up_to_the_tables_version() -> None:
    if tuple(map(int, unicodedata.unidata_version.split("."))) <= tuple(
        map(int, gen.UNICODE_VERSION.split("."))
    ):
        assert NEWER_MARKS == {}
    assert newer_marks(gen.MARK_CLASSES, gen.UNICODE_VERSION, _Stub("15.1.0", {})) == {}
    assert newer_marks(gen.MARK_CLASSES, gen.UNICODE_VERSION, _Stub("14.0.0", {0x10EFC: "X"})) == {}


class _Stub:
    """A unicodedata of a future version: the listed code points are Mn marks."""

    def __init__(self, version: str, marks: dict[int, str]) -> None:
        self.unidata_version = version
        self.marks = marks

    def category(self, ch: str, /) -> str:
        if ord(ch) in self.marks:
            return "Mn"
        return unicodedata.category(ch)

    def name(self, ch: str, default: str = "", /) -> str:
        return self.marks.get(ord(ch)) or unicodedata.name(ch, default)


def test_marks_of_a_newer_unicode_are_classed_by_the_same_rule() -> None:
    future = _Stub(
        "16.0.0",
        {
            0x0897: "ARABIC PEPET",
            0x10EFC: "ARABIC COMBINING ALEF OVERLAY",
            0x10EC5: "ARABIC DOUBLE FATHA BELOW",  # invented: a name the rule reads as harakat
        },
    )
    new = newer_marks(gen.MARK_CLASSES, gen.UNICODE_VERSION, future)
    assert new == {0x0897: "other", 0x10EFC: "other", 0x10EC5: "harakat"}


def test_the_rule_reproduces_the_committed_table() -> None:
    # the generator and the import-time supplement share mark_class
    for cp, cls in gen.MARK_CLASSES.items():
        name = unicodedata.name(chr(cp), "")
        if name:  # a Python older than the tables does not know every mark
            assert mark_class(cp, name) == cls, f"U+{cp:04X} {name}"
    if unicodedata.unidata_version == gen.UNICODE_VERSION:
        assert arabic_marks() == gen.MARK_CLASSES


def test_quranic_class_lists_the_extended_c_marks() -> None:
    assert marks_of_class("quranic").endswith("\U00010efd\U00010efe\U00010eff")
