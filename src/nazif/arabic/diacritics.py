"""Remove Arabic diacritics (tashkeel) by class; hamza is never removed."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .._nfc import nfc
from ..protected import map_unprotected
from ..steps import step
from .tables import DEFAULT_DIACRITIC_CLASSES, DIACRITIC_CLASSES, HAMZA_MARKS, MADDA, MARK_CLASSES, char_class

__all__ = ["marks_of_class", "remove_diacritics"]

_ALEF_MADDA = "\N{ARABIC LETTER ALEF WITH MADDA ABOVE}"
# Marks that compose with a letter under NFC (أ إ آ ؤ ئ ۀ ۂ ۓ).
_COMPOSING = tuple(sorted(HAMZA_MARKS | {MADDA}))


def _has_composing(piece: str) -> bool:
    return any(mark in piece for mark in _COMPOSING)


def marks_of_class(name: str) -> str:
    """The characters of diacritic class ``name``, as one string (sorted).

    >>> [f"U+{ord(c):04X}" for c in marks_of_class("shadda")]
    ['U+0651']
    """
    if name not in DIACRITIC_CLASSES:
        raise ValueError(f"unknown diacritic class {name!r}; classes: {', '.join(DIACRITIC_CLASSES)}")
    return "".join(sorted(c for c, k in MARK_CLASSES.items() if k == name))


def _key(classes: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(classes, str):
        classes = (classes,)
    key = tuple(sorted(set(classes)))
    for name in key:
        if name == "hamza":
            raise ValueError("hamza marks are never removed (see normalize_alef / normalize_hamza)")
        if name not in DIACRITIC_CLASSES:
            raise ValueError(f"unknown diacritic class {name!r}; classes: {', '.join(DIACRITIC_CLASSES)}")
    return key


@cache
def _pattern(key: tuple[str, ...]) -> re.Pattern[str]:
    marks = "".join(marks_of_class(name) for name in key)
    return re.compile("[" + char_class(marks) + "]+") if marks else re.compile(r"(?!)")


@step(lossless=False)
def remove_diacritics(
    text: str,
    *,
    classes: str | Iterable[str] = DEFAULT_DIACRITIC_CLASSES,
) -> str:
    """Remove Arabic diacritics of the chosen classes (lossy).

    Classes (tables derived from the Unicode character names, see
    ``docs/arabic.md`` for every code point):

    - ``harakat``: fatha, damma, kasra and their variants (curly, inverted …);
    - ``tanween``: fathatan, dammatan, kasratan (and open/curly forms);
    - ``shadda``; ``sukun`` (and sukun below);
    - ``dagger_alef``: superscript alef U+0670 (``هٰذا``), subscript alef;
    - ``madda``: MADDAH ABOVE U+0653 where it is *not* part of an alef:
      ALEF + MADDA is first composed to the letter ``آ``, which stays; the
      madda of Quranic spelling on waw or yeh (``قُرُوٓءٍ``) goes;
    - ``quranic``: Quranic annotation signs U+0610-U+061A, U+06D6-U+06ED
      (including the small waw/yeh U+06E5/U+06E6), U+0898-U+089F,
      U+08CA-U+08E1, U+08F3;
    - ``other`` (not removed by default): vowel and tone signs of other
      languages written in Arabic script (U+0658-U+065C, U+08EA-U+08FF …).

    Left alone on purpose: the hamza marks U+0654, U+0655, U+065F are never
    removed (and there is no class to remove them).  They are part of
    letters (``أ`` is ALEF + HAMZA ABOVE): the result is composed by NFC
    where it holds one, so ``ا`` + fatha + hamza above becomes ``أ``.
    Also left alone: Quranic symbols that are not marks (end of ayah U+06DD,
    rub el hizb ۞, sajdah ۩), marks of other scripts, URLs and e-mail
    addresses.

    >>> remove_diacritics("مُحَمَّدٌ رَسُولُ اللّٰهِ")
    'محمد رسول الله'
    >>> remove_diacritics("قُرُوٓءٍ جَآءَ")
    'قروء جآء'
    >>> remove_diacritics("مُحَمَّدٌ", classes=("harakat", "tanween"))
    'محمّد'
    >>> remove_diacritics("\\u0627\\u064e\\u0654") == "\\u0623"
    True
    """
    key = _key(classes)
    pattern = _pattern(key)
    if text.isascii() or not pattern.search(text):
        return text
    madda = "madda" in key
    others = _pattern(tuple(k for k in key if k != "madda")) if madda else pattern

    def strip(piece: str) -> str:
        if madda and (MADDA in piece or _ALEF_MADDA in piece):
            # Compose ALEF + MADDA into آ before, and again after, removing
            # the other marks; only the maddas left on other letters go.
            piece = others.sub("", nfc(piece))
            piece = nfc(piece).replace(MADDA, "")
        else:
            piece = pattern.sub("", piece)
        if _has_composing(piece):
            piece = nfc(piece)
        return piece

    return map_unprotected(text, strip)
