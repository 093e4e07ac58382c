"""Split text into script runs: Arabic, Latin, other scripts, and neutral.

Every character has a context-free label (:func:`char_script`) derived from
the Unicode Script_Extensions property; :func:`segments` groups characters
into runs and attaches neutral characters (spaces, digits, punctuation,
symbols, emoji) by these rules:

1. Combining marks (Inherited) take the script of the character before them;
   a mark shared by several scripts joins the run before it when that run's
   script is one of the mark's scripts.
2. Neutral characters between two runs of the same script join that run:
   ``"Hello, world"`` is one Latin segment, ``"مرحبا 2024 بكم"`` one Arabic.
3. Neutral characters at the start or the end of the text join the first or
   the last run: ``"(WHO)"`` alone is one Latin segment.
4. Between runs of different scripts, brackets and quotes attach to what
   they enclose: closing ones right after a run join it, opening ones right
   before a run join it, and when a run took an opening bracket, the neutral
   text up to the matching closing bracket joins it too (so ``(COVID-19)``
   stays whole inside Arabic text).  Everything else at a boundary stays a
   ``neutral`` segment of its own.
5. A boundary that spans lines is cut at the line breaks: what is on a
   run's line joins that run; the line breaks between (with blank lines and
   ``\r``) stay neutral.

Segments partition the text exactly: their texts concatenate to the input
and their offsets are contiguous.

>>> [(s.script, s.text) for s in segments("Français English عربي")]
[('latin', 'Français English'), ('neutral', ' '), ('arabic', 'عربي')]
>>> [(s.script, s.text) for s in segments("قالت منظمة الصحة العالمية (WHO) إن")]
[('arabic', 'قالت منظمة الصحة العالمية'), ('neutral', ' '), ('latin', '(WHO)'), ('neutral', ' '), ('arabic', 'إن')]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from .tables import CLASSES, char_label, needs_astral, shared_mark_scripts

__all__ = ["Segment", "char_script", "script_runs", "segments"]


@dataclass(frozen=True)
class Segment:
    """A run of text in one script: ``text == source[start:end]``.

    ``script`` is ``"arabic"``, ``"latin"``, ``"neutral"`` or another
    script's lowercase Unicode name (``"cyrillic"``, ``"han"`` …).
    """

    start: int
    end: int
    script: str
    text: str

    def __len__(self) -> int:
        return self.end - self.start

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary."""
        return {"start": self.start, "end": self.end, "script": self.script, "text": self.text}


def char_script(ch: str) -> str:
    """The context-free script label of one character.

    ``arabic`` when Arabic is among its Script_Extensions (so ``،`` ``؟``
    ``ـ`` and the harakat), ``latin`` for Latin letters, marks and numbers,
    ``inherited`` for combining marks that take their base's script,
    ``neutral`` for Common characters, spaces and shared punctuation, else
    the lowercase Unicode name of its script.

    >>> [char_script(c) for c in "\\u060c\\u0640\\u064e a\\u0301 \\u00b7 \\u0416"]
    ['arabic', 'arabic', 'arabic', 'neutral', 'latin', 'inherited', 'neutral', 'neutral', 'neutral', 'cyrillic']
    """
    if len(ch) != 1:
        raise ValueError("char_script() expects a single character")
    return char_label(ch)


# ---------------------------------------------------------------------------
# The run-finding pattern (plain ``re``; compiled on first use)


def _run(strong: str, others: str, tail: str) -> str:
    # one character of the script, then (greedily) everything up to its last
    # character before a character of another script, then trailing marks
    return f"[{strong}](?:[^{others}]*[{strong}])?[{tail}]*"


@cache
def _master(astral: bool = False) -> re.Pattern[str]:
    """The run-finding pattern; ``astral`` selects the classes that include
    characters beyond U+FFFF (slower; only for text that needs them)."""
    c = {name: bodies[1 if astral else 0] for name, bodies in CLASSES.items()}
    arabic = _run(c["arabic"], c["latin"] + c["other"], c["inherited"])
    latin = _run(c["latin"], c["arabic"] + c["other"], c["inherited"])
    # marks shared with Arabic or Latin may continue a run of another script
    other = _run(c["other"], c["arabic_latin_unshared"], c["inherited"] + c["shared_marks"])
    return re.compile(f"({arabic})|({latin})|({other})")


_GROUP_SCRIPT = {1: "arabic", 2: "latin"}

Piece = list[Any]  # [script, start, end]


def _split_other(text: str, start: int, end: int) -> list[Piece]:
    """Label a run of non-Arabic, non-Latin scripts character by character."""
    out: list[Piece] = []
    current = "neutral"
    for i in range(start, end):
        ch = text[i]
        label = char_label(ch)
        if label == "inherited":
            label = current
        elif current != "neutral" and current in shared_mark_scripts(ch):
            label = current
        if out and out[-1][0] == label:
            out[-1][2] = i + 1
        else:
            out.append([label, i, i + 1])
        current = label
    return out


def script_runs(text: str) -> list[tuple[str, int, int]]:
    """Raw script runs before the boundary rules: ``(script, start, end)``.

    Runs of one script already include the neutral characters between their
    words (rule 2); neutral gaps between different scripts and at the edges
    are separate ``neutral`` runs.  :func:`segments` is built on this.
    """
    return [(p[0], p[1], p[2]) for p in _runs(text)]


def _runs(text: str) -> list[Piece]:
    pieces: list[Piece] = []
    pos = 0
    for m in _master(needs_astral(text)).finditer(text):
        s, e = m.span()
        if s > pos:
            pieces.append(["neutral", pos, s])
        group = m.lastindex or 0
        if group in _GROUP_SCRIPT:
            pieces.append([_GROUP_SCRIPT[group], s, e])
        else:
            pieces.extend(_split_other(text, s, e))
        pos = e
    if pos < len(text):
        pieces.append(["neutral", pos, len(text)])
    return _merge_same(pieces)


def _merge_same(pieces: list[Piece]) -> list[Piece]:
    """Merge adjacent runs of one label and neutral gaps between runs of one script."""
    out: list[Piece] = []
    for piece in pieces:
        if out and out[-1][0] == piece[0]:
            out[-1][2] = piece[2]
        elif piece[0] != "neutral" and len(out) >= 2 and out[-1][0] == "neutral" and out[-2][0] == piece[0]:
            out.pop()
            out[-1][2] = piece[2]
        else:
            out.append(piece)
    return out


# ---------------------------------------------------------------------------
# Brackets and quotes at script boundaries

_BRACKET_PAIRS = {
    "(": ")",
    "[": "]",
    "{": "}",
    "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}": "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}",
    "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}": "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}",
    "\N{LEFT CORNER BRACKET}": "\N{RIGHT CORNER BRACKET}",
    "\N{LEFT WHITE CORNER BRACKET}": "\N{RIGHT WHITE CORNER BRACKET}",
    "\N{LEFT DOUBLE ANGLE BRACKET}": "\N{RIGHT DOUBLE ANGLE BRACKET}",
    "\N{LEFT ANGLE BRACKET}": "\N{RIGHT ANGLE BRACKET}",
    "\N{LEFT BLACK LENTICULAR BRACKET}": "\N{RIGHT BLACK LENTICULAR BRACKET}",
    "\N{LEFT TORTOISE SHELL BRACKET}": "\N{RIGHT TORTOISE SHELL BRACKET}",
    "\N{FULLWIDTH LEFT PARENTHESIS}": "\N{FULLWIDTH RIGHT PARENTHESIS}",
    "\N{FULLWIDTH LEFT SQUARE BRACKET}": "\N{FULLWIDTH RIGHT SQUARE BRACKET}",
    "\N{FULLWIDTH LEFT CURLY BRACKET}": "\N{FULLWIDTH RIGHT CURLY BRACKET}",
}
_ASCII_QUOTES = "\"'`"
_OTHER_QUOTES = (
    "\N{FULLWIDTH QUOTATION MARK}\N{FULLWIDTH APOSTROPHE}"
    "\N{REVERSED DOUBLE PRIME QUOTATION MARK}\N{DOUBLE PRIME QUOTATION MARK}"
    "\N{LOW DOUBLE PRIME QUOTATION MARK}"
)


@lru_cache(maxsize=512)
def _kind(ch: str) -> int:
    """1 = opening bracket, 2 = closing bracket, 3 = quotation mark, 0 = other."""
    if ch in _ASCII_QUOTES or ch in _OTHER_QUOTES:
        return 3
    cat = unicodedata.category(ch)
    if cat in ("Pi", "Pf"):
        return 3
    if cat == "Ps":
        return 1
    if cat == "Pe":
        return 2
    return 0


def _is_opener(ch: str) -> bool:
    return _kind(ch) in (1, 3)


def _is_closer(ch: str) -> bool:
    return _kind(ch) in (2, 3)


def _matches(opener: str, closer: str) -> bool:
    ko, kc = _kind(opener), _kind(closer)
    if ko == 3 and kc == 3:
        return True
    if ko == 1 and kc == 2:
        pair = _BRACKET_PAIRS.get(opener)
        return pair == closer if pair is not None else True
    return False


def _attach(text: str, pieces: list[Piece]) -> list[tuple[str, int, int]]:
    """Apply the edge and boundary rules to merged runs."""
    strong = [p for p in pieces if p[0] != "neutral"]
    n = len(text)
    if not strong:
        return [("neutral", 0, n)] if n else []
    k_last = len(strong) - 1
    starts = [p[1] for p in strong]
    ends = [p[2] for p in strong]
    # The leading edge joins the first run; the opening brackets or quotes
    # nearest before that run are what it encloses.
    opener: str | None = None
    j = starts[0] - 1
    while j >= 0 and text[j] != "\n" and _kind(text[j]) != 2:
        if _is_opener(text[j]):
            while j >= 0 and _is_opener(text[j]):
                opener = text[j]
                j -= 1
            break
        j -= 1
    new_starts = [0] * len(strong)
    new_ends = list(ends)
    new_ends[k_last] = n
    openers: list[str | None] = [opener] + [None] * k_last
    for k in range(1, len(strong)):
        gs, ge = ends[k - 1], starts[k]
        first_nl = text.find("\n", gs, ge)
        if first_nl >= 0:
            # a boundary across lines: each run keeps what is on its own line
            left_end = first_nl
            while left_end > gs and text[left_end - 1] == "\r":
                left_end -= 1
            new_ends[k - 1] = left_end
            new_starts[k] = text.rfind("\n", gs, ge) + 1
            openers[k] = None
            continue
        # the run on the left takes the closers right after it ...
        left_end = gs
        while left_end < ge and _is_closer(text[left_end]):
            left_end += 1
        # ... and, if it took an opener, everything up to the matching closer
        prev_opener = openers[k - 1]
        if prev_opener is not None:
            j = left_end
            while j < ge and text[j] != "\n":
                if _is_closer(text[j]) and _matches(prev_opener, text[j]):
                    left_end = j + 1
                    break
                j += 1
        # the run on the right takes the openers right before it ...
        right_start = ge
        while right_start > left_end and _is_opener(text[right_start - 1]):
            right_start -= 1
        # ... and, if a closer follows it, everything from the matching opener
        after = ends[k]
        limit = starts[k + 1] if k < k_last else n
        if after < limit and _is_closer(text[after]):
            closer = text[after]
            j = right_start - 1
            while j >= left_end and text[j] != "\n":
                if _is_opener(text[j]) and _matches(text[j], closer):
                    right_start = j
                    break
                j -= 1
        new_ends[k - 1] = left_end
        new_starts[k] = right_start
        openers[k] = text[right_start] if right_start < ge and _is_opener(text[right_start]) else None
    out: list[tuple[str, int, int]] = []
    for k, piece in enumerate(strong):
        if k and new_starts[k] > new_ends[k - 1]:
            out.append(("neutral", new_ends[k - 1], new_starts[k]))
        out.append((piece[0], new_starts[k], new_ends[k]))
    return out


def segments(text: str) -> list[Segment]:
    """Split ``text`` into script segments that partition it exactly.

    Each :class:`Segment` has ``start``, ``end``, ``script`` and ``text``;
    the neutral-attachment rules are in this module's docstring (and in
    ``docs/scripts.md``).  Linear time; deterministic.

    >>> [(s.script, s.text) for s in segments("Hello, world! مرحبا بالعالم")]
    [('latin', 'Hello, world'), ('neutral', '! '), ('arabic', 'مرحبا بالعالم')]
    >>> segments("")
    []
    """
    return [Segment(s, e, script, text[s:e]) for script, s, e in _attach(text, _runs(text))]
