"""NFC in linear time: the one place the library composes text to NFC.

CPython's ``unicodedata.normalize`` puts combining marks in canonical order
by insertion, which takes time quadratic in the length of a run of marks of
different combining classes: a letter followed by 64,000 alternating
FATHA + SHADDA takes seconds, a quarter million marks over a minute.
Real text has a handful of marks per letter, so :func:`nfc` hands it to
``unicodedata`` unchanged; only a run of more than :data:`MAX_RUN` non-starters
(characters of non-zero canonical combining class, and the three whose
canonical decomposition begins with one) is first put in canonical order
here, by a stable sort on the combining class (each character times its
count when every class present has one character, as in a run of repeated
harakat; ``sorted`` otherwise), after which ``unicodedata`` has nothing
left to reorder.

The result is always exactly ``unicodedata.normalize("NFC", text)``: nothing
is inserted (the Stream-Safe Text Format of UAX #15 would add U+034F
COMBINING GRAPHEME JOINER after every 30 marks, which other steps remove
again, so it would not be idempotent) and nothing is dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from functools import cache

from ._charclass import code_point_class

__all__ = ["MAX_RUN", "nfc"]

# A run of at most this many non-starters is left to unicodedata (its
# insertion sort is then at most MAX_RUN**2 steps per run).  30 is the run
# length the Stream-Safe Text Format of UAX #15 allows.
MAX_RUN = 30

# Characters of combining class 0 whose canonical decomposition begins with a
# non-starter (Unicode's "non-starter decompositions", UAX #15 and
# DerivedNormalizationProps.txt; U+0344 is one too but has class 230).  They
# decompose into marks, so a run of marks can run through them.
NONSTARTER_DECOMPOSITIONS = "\u0f73\u0f75\u0f81"

# Planes scanned for non-starters: every character of non-zero combining
# class is in the BMP or the SMP (Unicode 16: the highest is U+1E94A).
_SCAN_END = 0x20000

# Distinct characters of a run found by count/search passes before set() is used.
_FEW = 16


@cache
def _long_run() -> re.Pattern[str]:
    """A run of more than MAX_RUN non-starters (and supplementary candidates).

    Built from this Python's unicodedata (so that it agrees with the
    ``unicodedata`` that composes) at the first text that is not already
    NFC: a scan of two planes, about 10 ms.  Its BMP part is exact; every
    code point from the first to the last supplementary non-starter is a
    candidate (one range keeps the character class a table lookup and one
    comparison, where the about 200 exact supplementary ranges would be
    tried one by one for every character), and :func:`_order` leaves the
    starters among them where they are.  The pattern starts with a single
    character class, which ``re`` scans for fast.
    """
    combining = unicodedata.combining
    cps = [cp for cp in range(0x0300, _SCAN_END) if combining(chr(cp))]
    cps += [ord(c) for c in NONSTARTER_DECOMPOSITIONS]
    bmp = sorted(cp for cp in cps if cp < 0x10000)
    astral = [cp for cp in cps if cp >= 0x10000]
    supplementary = f"\\U{min(astral):08x}-\\U{max(astral):08x}" if astral else ""
    one = "[" + code_point_class(bmp) + supplementary + "]"
    return re.compile(one + one + f"{{{MAX_RUN},}}")


@cache
def _nfd(ch: str) -> str:
    return unicodedata.normalize("NFD", ch)


def _distinct(s: str) -> Collection[str]:
    """The distinct characters of ``s``.

    Up to :data:`_FEW` of them by ``str.count`` and ``re.search`` passes,
    which allocate nothing (``set(s)`` builds a string object per character
    outside Latin-1).
    """
    if not s:
        return []
    found = [s[0]]
    seen = s.count(s[0])
    while seen < len(s):
        if len(found) == _FEW:
            return set(s)
        other = re.search("[^" + re.escape("".join(found)) + "]", s)
        if other is None:  # not reached: the counts add up to len(s) first
            break
        found.append(other.group())
        seen += s.count(found[-1])
    return found


def _sort(marks: str, chars: Iterable[str]) -> str:
    """``marks`` (non-starters only, the characters ``chars``) in canonical
    order: a stable sort by class.

    When each class present has a single character (the usual run: a few
    harakat repeated), the sorted run is each character times its count.
    """
    classes = {ch: unicodedata.combining(ch) for ch in chars}
    if len(set(classes.values())) == len(classes):
        return "".join(ch * marks.count(ch) for ch in sorted(classes, key=classes.__getitem__))
    return "".join(sorted(marks, key=classes.__getitem__))


def _order(m: re.Match[str]) -> str:
    """The run decomposed and put in canonical order.

    A run may hold starters (supplementary candidates that are not marks,
    such as mathematical letters): they stay where they are, and each
    stretch of marks between them is sorted on its own.
    """
    run = m.group()
    chars = _distinct(run)
    combining = unicodedata.combining
    if all(_nfd(ch) == ch for ch in chars):
        marks = [ch for ch in chars if combining(ch)]
        if len(marks) == len(chars):
            return _sort(run, chars)
        if not marks:
            return run
        stretches = re.compile("[" + re.escape("".join(marks)) + "]{2,}")
        return stretches.sub(lambda s: _sort(s.group(), _distinct(s.group())), run)
    decomposed = "".join(map(_nfd, run))
    chars = _distinct(decomposed)
    if all(map(combining, chars)):
        return _sort(decomposed, chars)
    # rare: a run with starters and characters that decompose
    out: list[str] = []
    stretch: list[str] = []
    for ch in run:
        d = _nfd(ch)
        if combining(d[0]):
            stretch.append(d)
        else:
            if stretch:
                out.append(_sorted_stretch(stretch))
                stretch.clear()
            out.append(ch)
    if stretch:
        out.append(_sorted_stretch(stretch))
    return "".join(out)


def _sorted_stretch(stretch: list[str]) -> str:
    marks = "".join(stretch)
    return _sort(marks, _distinct(marks))


def nfc(text: str) -> str:
    """``unicodedata.normalize("NFC", text)``, in time linear in long mark runs.

    Text already in NFC is returned as is (the C quick check of
    ``unicodedata.is_normalized``); a run of more than ``MAX_RUN``
    non-starters is put in canonical order before composing.

    >>> nfc("\\u0628\\u0651\\u064e") == "\\u0628\\u064e\\u0651"  # SHADDA + FATHA: FATHA first
    True
    >>> nfc("\\u0628" + "\\u0651\\u064e" * 1000) == "\\u0628" + "\\u064e" * 1000 + "\\u0651" * 1000
    True
    >>> nfc("e\\u0301") == "\\u00e9"
    True
    """
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    if "\n" in text:
        # "\n" is a starter that composes with nothing, so NFC works line by
        # line: only the lines that are not NFC are composed (most text has a
        # stray mark or two in one line, and composing is the slow part).
        is_normalized = unicodedata.is_normalized
        return "\n".join(
            [
                line if line.isascii() or is_normalized("NFC", line) else _compose(line)
                for line in text.split("\n")
            ]
        )
    return _compose(text)


def _compose(text: str) -> str:
    """``unicodedata.normalize("NFC", text)``, long mark runs ordered first."""
    pattern = _long_run()
    if pattern.search(text) is not None:
        text = pattern.sub(_order, text)
    return unicodedata.normalize("NFC", text)
