"""Removal of invisible characters: zero-width, bidi controls, soft hyphens, controls.

>>> remove_invisibles("in\\u00adter\\u200bna\\u200ftion\\u202cal")
'international'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .steps import Change, attach_tracer, step
from .tables.invisibles import (
    ARABIC_LETTERS,
    ARABIC_MARKS,
    CONTROLS,
    EMOJI_JOINER_PREFIX_RANGES,
    INVISIBLE_FORMAT,
    PICTOGRAPH_RANGES,
    ZWJ,
    ZWNJ,
    code_point_ranges,
)

__all__ = ["remove_invisibles", "trace_remove_invisibles"]


def _cls(ranges: Iterable[tuple[int, int]]) -> str:
    out = []
    for lo, hi in ranges:
        out.append(re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}")
    return "[" + "".join(out) + "]"


_ALWAYS = code_point_ranges([*INVISIBLE_FORMAT, *CONTROLS])
_ALWAYS_ZWNJ = code_point_ranges([*INVISIBLE_FORMAT, *CONTROLS, ZWNJ])
# "[x][x]*" rather than "[x]+": a pattern that starts with a plain class lets
# ``re`` skip to candidates in C, twice as fast on clean text.
_ALWAYS_RE = re.compile(_cls(_ALWAYS) + _cls(_ALWAYS) + "*")
_ALWAYS_ZWNJ_RE = re.compile(_cls(_ALWAYS_ZWNJ) + _cls(_ALWAYS_ZWNJ) + "*")

# A terminal escape sequence (ESC [ parameters intermediates final), such as
# the colour code ESC[31m, goes as a whole, not only its ESC.
_CSI_RE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")

_LETTER = _cls(code_point_ranges(ARABIC_LETTERS))
_PICTO = _cls(PICTOGRAPH_RANGES)
_PICTO_OR_PREFIX = _cls(sorted([*PICTOGRAPH_RANGES, *EMOJI_JOINER_PREFIX_RANGES]))

# Joiners out of context, deleted outright: a ZWNJ not followed by an Arabic
# letter, a ZWJ not between two emoji parts.  Each branch starts with its
# joiner, so ``re`` skips to joiners in C.
_JOINER_RE = re.compile(f"{ZWNJ}(?!{_LETTER})|{ZWJ}(?:(?<!{_PICTO_OR_PREFIX}{ZWJ})|(?!{_PICTO}))")
# Then a ZWNJ before a letter but not right after one: kept only when the
# characters before it are a letter and its harakat (the callback looks).
_ZWNJ_AFTER_NON_LETTER_RE = re.compile(f"{ZWNJ}(?<!{_LETTER}{ZWNJ})")


def _zwnj_after_marks(m: re.Match[str]) -> str:
    s = m.string
    i = m.start()
    k = i - 1
    while k >= 0 and s[k] in ARABIC_MARKS:
        k -= 1
    if k < i - 1 and k >= 0 and s[k] in ARABIC_LETTERS:
        return ZWNJ
    return ""


@step(lossless=True)
def remove_invisibles(text: str, *, keep_zwnj: bool = True) -> str:
    """Delete invisible characters: zero-width spaces, bidi controls, soft hyphens, controls.

    Removed (deleted, never turned into a space, so no word is split):
    ZERO WIDTH SPACE, WORD JOINER, BOM / ZERO WIDTH NO-BREAK SPACE, SOFT
    HYPHEN, the bidi marks LRM, RLM and ALM (U+061C), bidi embeddings,
    overrides and isolates (U+202A..U+202E, U+2066..U+2069), MONGOLIAN VOWEL
    SEPARATOR, the invisible math operators U+2061..U+2064, the deprecated
    format characters U+206A..U+206F, the interlinear annotation characters
    U+FFF9..U+FFFB, LANGUAGE TAG, and every C0/C1 control character except
    the tab and the line-ending controls (LF, CR, VT, FF, NEL), which
    :func:`nazif.whitespace.normalize_whitespace` handles.  A terminal escape
    sequence such as ``ESC[31m`` (colour codes in logs and feeds) is removed
    whole.

    Kept where they are spelling or emoji structure:

    - ZERO WIDTH JOINER inside an emoji sequence (a pictograph, skin-tone
      modifier, VARIATION SELECTOR-16 or tag before it and a pictograph after
      it: man ZWJ woman ZWJ girl is one family emoji), removed elsewhere;
    - ZERO WIDTH NON-JOINER between two Arabic-script letters (harakat
      allowed after the first; a doubled one becomes one): it is spelling
      in Persian and Urdu ("mi ZWNJ khaham", I want); removed elsewhere, and
      everywhere with ``keep_zwnj=False``.

    Left alone on purpose: variation selectors (U+FE0F emoji presentation),
    emoji tag characters, the combining grapheme joiner, Arabic number signs
    (U+0600..U+0605, U+06DD, visible), spaces and line breaks, and lone
    surrogates.  Note that C1 controls U+0080..U+009F in text decoded as
    Latin-1 are often cp1252 punctuation (U+0093 for a curly quote): run
    :func:`nazif.mojibake.repair_mojibake` first, as the ``corpus`` preset does.

    >>> remove_invisibles("\\u200fمرحبا\\u200f \\ufeffworld\\u200b!")
    'مرحبا world!'
    >>> persian = "\\u0645\\u06cc\\u200c\\u062e\\u0648\\u0627\\u0647\\u0645"
    >>> remove_invisibles(persian) == persian
    True
    >>> couple = "\\U0001f468\\u200d\\U0001f469"
    >>> remove_invisibles(couple + " a\\u200db") == couple + " ab"
    True
    """
    if "\x1b" in text:
        text = _CSI_RE.sub("", text)
    out = (_ALWAYS_RE if keep_zwnj else _ALWAYS_ZWNJ_RE).sub("", text)
    if ZWJ in out or (keep_zwnj and ZWNJ in out):
        out = _JOINER_RE.sub("", out)
        if keep_zwnj and ZWNJ in out:
            out = _ZWNJ_AFTER_NON_LETTER_RE.sub(_zwnj_after_marks, out)
    return out


_CANDIDATE_RE = re.compile(_cls(sorted([*code_point_ranges([*INVISIBLE_FORMAT, *CONTROLS, ZWNJ, ZWJ])])))


def _char_name(c: str) -> str:
    name = unicodedata.name(c, "")
    return f"U+{ord(c):04X} {name}".rstrip()


def _reason(c: str) -> str:
    if c in INVISIBLE_FORMAT:
        return INVISIBLE_FORMAT[c]
    if c in (ZWJ, ZWNJ):
        return "joiner out of context"
    return "control character"


def trace_remove_invisibles(text: str, *, keep_zwnj: bool = True) -> tuple[str, list[Change]]:
    """:func:`remove_invisibles` with the removed runs, each named.

    Every change deletes a run of adjacent invisible characters; ``rule`` is
    the reason ("bidi mark", "control character", "terminal escape
    sequence" …) and ``entry`` the code points.

    >>> out, changes = trace_remove_invisibles("a\u200fb")
    >>> [(c.start, c.end, c.rule, c.entry) for c in changes]
    [(1, 2, 'bidi mark', 'U+200F RIGHT-TO-LEFT MARK')]
    """
    out = remove_invisibles(text, keep_zwnj=keep_zwnj)
    if out is text:
        return out, []
    # The output is the input with some characters deleted: walk both.
    removed: list[tuple[int, int, str]] = []
    csi: dict[int, int] = {}
    if "\x1b" in text:
        csi = {m.start(): m.end() for m in _CSI_RE.finditer(text)}
    # (an escape sequence sorts before the ESC character it starts with)
    events = [(i, 0) for i in csi] + [(m.start(), 1) for m in _CANDIDATE_RE.finditer(text)]
    events.sort()
    shift = 0  # characters deleted so far
    skip_to = -1
    for i, kind in events:
        if i < skip_to:
            continue  # inside a removed escape sequence
        if kind == 0:
            end = csi[i]
            removed.append((i, end, "terminal escape sequence"))
            shift += end - i
            skip_to = end
            continue
        c = text[i]
        if i - shift < len(out) and out[i - shift] == c:
            continue  # kept (a joiner in context)
        removed.append((i, i + 1, _reason(c)))
        shift += 1
    changes: list[Change] = []
    for start, end, rule in removed:
        if changes and changes[-1].end == start and changes[-1].rule == rule:
            last = changes.pop()
            start = last.start
        before = text[start:end]
        if rule == "terminal escape sequence":
            entry = repr(before)
        else:
            entry = ", ".join(dict.fromkeys(_char_name(c) for c in before))
        changes.append(Change(start, end, before, "", rule=rule, entry=entry))
    return out, changes


attach_tracer(remove_invisibles, trace_remove_invisibles)
