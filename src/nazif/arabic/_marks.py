"""The class of an Arabic combining mark, from its Unicode name.

One rule for two users: ``tools/gen_arabic_tables.py`` applies it to write
``MARK_CLASSES`` of :mod:`._generated_tables` (Unicode 15.1 as committed),
and :func:`newer_marks` applies it at import to the marks that a newer
Unicode in the running Python adds to the Arabic blocks, so that
``remove_diacritics`` knows them too (Python 3.14 has Unicode 16.0, which
adds U+0897 ARABIC PEPET and U+10EFC ARABIC COMBINING ALEF OVERLAY).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import Protocol

__all__ = ["ARABIC_BLOCKS", "QURANIC_RANGES", "arabic_marks", "mark_class", "newer_marks"]

# The Arabic blocks whose combining marks get a class: Arabic, Arabic
# Supplement, Arabic Extended-B, Arabic Extended-A and Arabic Extended-C
# (Blocks.txt).  The presentation-form blocks hold no combining marks.
ARABIC_BLOCKS: tuple[tuple[int, int], ...] = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x089F),
    (0x08A0, 0x08FF),
    (0x10EC0, 0x10EFF),
)

# Marks of Quranic annotation (stop signs, small high letters, small low
# words): the ranges named in the Unicode chapter on Arabic (section 9.2)
# and the Arabic Extended-C small low words U+10EFD-U+10EFF (Unicode 15.0).
QURANIC_RANGES: tuple[tuple[int, int], ...] = (
    (0x0610, 0x061A),
    (0x06D6, 0x06ED),
    (0x0898, 0x089F),
    (0x08CA, 0x08E1),
    (0x08F3, 0x08F3),
    (0x10EFD, 0x10EFF),
)


class UnicodeDatabase(Protocol):
    """What :func:`newer_marks` reads of :mod:`unicodedata` (a stub in tests)."""

    unidata_version: str

    def category(self, ch: str, /) -> str: ...

    def name(self, ch: str, default: str, /) -> str: ...


def _in(cp: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(lo <= cp <= hi for lo, hi in ranges)


def mark_class(cp: int, name: str) -> str:
    """The ``remove_diacritics`` class of the Arabic mark ``cp`` named ``name``.

    >>> mark_class(0x064E, "ARABIC FATHA")
    'harakat'
    >>> mark_class(0x0654, "ARABIC HAMZA ABOVE")
    'hamza'
    """
    if cp == 0x0653:
        return "madda"
    if "HAMZA" in name:
        return "hamza"
    if "SHADDA" in name:
        return "shadda"
    if "SUKUN" in name:
        return "sukun"
    if any(k in name for k in ("FATHATAN", "DAMMATAN", "KASRATAN")):
        return "tanween"
    if "SUPERSCRIPT ALEF" in name or "SUBSCRIPT ALEF" in name:
        return "dagger_alef"
    if _in(cp, QURANIC_RANGES):
        return "quranic"
    if any(k in name for k in ("FATHA", "DAMMA", "KASRA")):
        return "harakat"
    return "other"


def _block_code_points() -> Iterator[int]:
    for lo, hi in ARABIC_BLOCKS:
        yield from range(lo, hi + 1)


def arabic_marks(ucd: UnicodeDatabase = unicodedata) -> dict[int, str]:
    """Every combining mark (category Mn) of the Arabic blocks -> its class."""
    return {
        cp: mark_class(cp, ucd.name(chr(cp), ""))
        for cp in _block_code_points()
        if ucd.category(chr(cp)) == "Mn"
    }


def _version(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def newer_marks(known: Mapping[int, str], version: str, ucd: UnicodeDatabase = unicodedata) -> dict[int, str]:
    """The Arabic marks of ``ucd`` that ``known`` (generated from Unicode
    ``version``) lacks, with their class; empty unless ``ucd`` is newer.

    A Python whose Unicode is older than the tables' simply does not know
    some of their marks: the tables still list them, by code point.

    >>> newer_marks({}, "99.0")
    {}
    """
    if _version(ucd.unidata_version) <= _version(version):
        return {}
    return {cp: cls for cp, cls in arabic_marks(ucd).items() if cp not in known}
