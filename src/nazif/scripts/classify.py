"""Script profiles of texts and per-line script classification.

A character *counts* for a script when its context-free label is that script
(:func:`nazif.scripts.char_script`): letters, and also Arabic punctuation,
tatweel, harakat and Arabic-Indic digits, which belong to the Arabic script
by Script_Extensions.  Neutral characters (spaces, ASCII digits, common
punctuation, emoji) and combining marks of no particular script never count.

>>> script_profile("Breaking: عاجل").counts
{'latin': 8, 'arabic': 4}
>>> dominant_script("Breaking: عاجل")
'latin'
>>> [line.script for line in classify_lines("عاجل\\nBreaking news\\nعاجل Breaking\\n2024")]
['arabic', 'latin', 'mixed', 'neutral']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .tables import CLASSES, char_label, needs_astral

__all__ = [
    "LINE_CLASSES",
    "LineScript",
    "ScriptProfile",
    "classify_line",
    "classify_lines",
    "dominant_script",
    "foreign_lines",
    "quick_counts",
    "script_profile",
]

#: The classes a line can get from :func:`classify_lines`.
LINE_CLASSES: tuple[str, ...] = ("arabic", "latin", "mixed", "neutral", "other")

# Fixed order that breaks ties between scripts with equal counts.
_PRIORITY = {"arabic": 0, "latin": 1}


def _order(item: tuple[str, int]) -> tuple[int, int, str]:
    script, count = item
    return (-count, _PRIORITY.get(script, 2), script)


@dataclass(frozen=True)
class _Patterns:
    arabic: re.Pattern[str]
    latin: re.Pattern[str]
    other: re.Pattern[str]


@cache
def _patterns(astral: bool) -> _Patterns:
    i = 1 if astral else 0
    return _Patterns(
        re.compile(f"[{CLASSES['arabic'][i]}]+"),
        re.compile(f"[{CLASSES['latin'][i]}]+"),
        re.compile(f"[{CLASSES['other'][i]}]+"),
    )


# ASCII bytes that are not letters (deleted to count ASCII letters).
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())


def _counts(text: str, pats: _Patterns) -> dict[str, int]:
    if text.isascii():  # O(1) in CPython; all of the English half of a corpus
        n = len(text.encode("ascii").translate(None, _ASCII_NON_LETTERS))
        return {"latin": n} if n else {}
    counts: dict[str, int] = {}
    if pats.arabic.search(text):
        counts["arabic"] = sum(map(len, pats.arabic.findall(text)))
    if pats.latin.search(text):
        counts["latin"] = sum(map(len, pats.latin.findall(text)))
    if pats.other.search(text):
        for run in pats.other.findall(text):
            for ch in run:
                label = char_label(ch)
                if label != "neutral" and label != "inherited":
                    counts[label] = counts.get(label, 0) + 1
    return counts


def _dominant(counts: dict[str, int]) -> str:
    if not counts:
        return "neutral"
    return min(counts.items(), key=_order)[0]


class _ScriptCounts:
    """What a ``counts`` mapping (characters per script) says."""

    counts: dict[str, int]

    @property
    def dominant(self) -> str:
        """The script with the most characters, or ``"neutral"``."""
        return _dominant(self.counts)

    @property
    def scripts(self) -> list[str]:
        """The scripts present, most frequent first."""
        return [s for s, _ in sorted(self.counts.items(), key=_order)]


@dataclass(frozen=True)
class ScriptProfile(_ScriptCounts):
    """How many characters of each script a text holds.

    ``counts`` maps script names to character counts (neutral characters are
    not counted); ``dominant`` is the script with the most characters
    (``"neutral"`` when there are none; ties go to Arabic, then Latin, then
    alphabetical order).
    """

    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Characters that belong to some script."""
        return sum(self.counts.values())

    @property
    def shares(self) -> dict[str, float]:
        """Each script's share of :attr:`total` (empty when there are none)."""
        total = self.total
        return {script: n / total for script, n in self.counts.items()} if total else {}

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "counts": dict(sorted(self.counts.items(), key=_order)),
            "shares": {s: round(v, 4) for s, v in sorted(self.shares.items(), key=lambda kv: -kv[1])},
            "dominant": self.dominant,
        }


def script_profile(text: str) -> ScriptProfile:
    """The script profile of ``text``: characters per script, shares, dominant.

    >>> p = script_profile("Share شارك")
    >>> p.counts, p.dominant
    ({'latin': 5, 'arabic': 4}, 'latin')
    >>> script_profile("2024 !").dominant
    'neutral'
    """
    counts = _counts(text, _patterns(needs_astral(text)))
    return ScriptProfile(dict(sorted(counts.items(), key=_order)))


def _capped(pattern: re.Pattern[str], text: str, cap: int) -> int:
    n = 0
    for m in pattern.finditer(text):
        n += m.end() - m.start()
        if n >= cap:
            break
    return n


def quick_counts(text: str, cap: int = 120) -> dict[str, int]:
    """Script counts good enough to name the dominant script, cheaply.

    Like :attr:`ScriptProfile.counts`, except that counting stops at ``cap``
    for the Arabic and Latin groups when at most one of them reaches it: a
    count equal to ``cap`` means "at least ``cap``".  The dominant script is
    the same as :func:`script_profile`'s, and a count below ``cap`` is exact.
    """
    pats = _patterns(needs_astral(text))
    if text.isascii() or len(text) <= cap or pats.other.search(text):
        return _counts(text, pats)
    counts: dict[str, int] = {}
    for script, pattern in (("arabic", pats.arabic), ("latin", pats.latin)):
        n = _capped(pattern, text, cap)
        if n:
            counts[script] = n
    if sum(1 for n in counts.values() if n >= cap) > 1:
        return _counts(text, pats)
    return counts


def dominant_script(text: str) -> str:
    """The script with the most characters in ``text`` (``"neutral"`` if none).

    >>> dominant_script("عاجل: Breaking")
    'latin'
    """
    return script_profile(text).dominant


@dataclass(frozen=True)
class LineScript(_ScriptCounts):
    """The script class of one line (``text.split("\\n")[index]``).

    ``start``/``end`` are the line's offsets in the text (without its
    ``"\\n"``); ``script`` is one of ``arabic``, ``latin``, ``mixed``,
    ``neutral``, ``other``; ``counts`` holds the characters per script and
    ``dominant`` the script with the most of them.
    """

    index: int
    start: int
    end: int
    script: str
    text: str
    counts: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {
            "line": self.index,
            "start": self.start,
            "end": self.end,
            "script": self.script,
            "dominant": self.dominant,
            "counts": dict(sorted(self.counts.items(), key=_order)),
            "text": self.text,
        }


def _group(script: str) -> str:
    return script if script in ("arabic", "latin") else "other"


def _words(line: str, script: str, pats: _Patterns) -> int:
    """How many words of ``script`` the line holds (runs of its characters)."""
    if script == "arabic":
        return len(pats.arabic.findall(line))
    if script == "latin":
        return len(pats.latin.findall(line))
    n = 0
    for run in pats.other.findall(line):
        labels = [char_label(ch) for ch in run]
        n += sum(
            1 for i, label in enumerate(labels) if label == script and (i == 0 or labels[i - 1] != script)
        )
    return n


def _line_class(
    line: str, counts: dict[str, int], pats: _Patterns, min_share: float, ignore_foreign_words: int
) -> str:
    if not counts:
        return "neutral"
    groups: dict[str, int] = {}
    for script, n in counts.items():
        g = _group(script)
        groups[g] = groups.get(g, 0) + n
    if len(groups) > 1 and (min_share > 0 or ignore_foreign_words > 0):
        total = sum(groups.values())
        major = min(groups.items(), key=_order)[0]
        kept = {major}
        for g, n in groups.items():
            if g == major:
                continue
            if n / total < min_share:
                continue
            if ignore_foreign_words > 0:
                words = sum(_words(line, s, pats) for s in counts if _group(s) == g)
                if words <= ignore_foreign_words:
                    continue
            kept.add(g)
        groups = {g: groups[g] for g in kept}
    if len(groups) > 1:
        return "mixed"
    return next(iter(groups))


def classify_line(line: str, *, min_share: float = 0.0, ignore_foreign_words: int = 0) -> str:
    """The script class of a single line: ``arabic``, ``latin``, ``mixed``,
    ``neutral`` or ``other`` (see :func:`classify_lines`).

    >>> classify_line("قالت منظمة الصحة العالمية (WHO)")
    'mixed'
    >>> classify_line("قالت منظمة الصحة العالمية (WHO)", ignore_foreign_words=2)
    'arabic'
    """
    pats = _patterns(needs_astral(line))
    return _line_class(line, _counts(line, pats), pats, min_share, ignore_foreign_words)


def classify_lines(text: str, *, min_share: float = 0.0, ignore_foreign_words: int = 0) -> list[LineScript]:
    """Classify every line of ``text.split("\\n")`` by script.

    A line is ``neutral`` when no character in it belongs to a script,
    ``arabic`` or ``latin`` when all of them are in that script, ``other``
    when all are in scripts other than these two (Cyrillic, Han …), and
    ``mixed`` otherwise.  By default a single foreign letter makes a line
    mixed; to tolerate embedded foreign words, a minority script group is
    ignored when its share of the line's script characters is below
    ``min_share`` or when it has at most ``ignore_foreign_words`` words.

    >>> [l.script for l in classify_lines("Share شارك\\nقال (WHO)")]
    ['mixed', 'mixed']
    >>> [l.script for l in classify_lines("Share شارك\\nقال (WHO)", ignore_foreign_words=1)]
    ['latin', 'arabic']
    """
    pats = _patterns(needs_astral(text))
    out: list[LineScript] = []
    pos = 0
    for index, line in enumerate(text.split("\n")):
        counts = _counts(line, pats)
        cls = _line_class(line, counts, pats, min_share, ignore_foreign_words)
        end = pos + len(line)
        out.append(LineScript(index, pos, end, cls, line, counts))
        pos = end + 1
    return out


def foreign_lines(
    text: str, *, dominant: str | None = None, max_letters: int | None = None
) -> list[LineScript]:
    """The lines that hold script characters but none of the dominant script.

    ``dominant`` defaults to :func:`dominant_script` of the whole text.
    With ``max_letters``, only foreign lines with at most that many script
    characters are returned (short chrome such as a language switcher, not a
    quoted paragraph).

    >>> [l.text for l in foreign_lines("خبر عاجل اليوم\\nEnglish\\nخبر آخر")]
    ['English']
    """
    if dominant is None:
        dominant = dominant_script(text)
    if dominant == "neutral":
        return []
    out = []
    for line in classify_lines(text):
        if not line.counts or dominant in line.counts:
            continue
        if max_letters is not None and sum(line.counts.values()) > max_letters:
            continue
        out.append(line)
    return out
