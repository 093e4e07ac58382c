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
    PERSIAN_CONTEXT_CHARS,
    PERSIAN_URDU_LETTERS,
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


# A maximal run of characters this step deletes (joiners included): where
# it holds a bidi mark and stands between two letters it becomes one
# character instead (see the docstring).
_RUN_CHARS = _cls(code_point_ranges([*INVISIBLE_FORMAT, *CONTROLS, ZWNJ, ZWJ]))
_RUN_RE = re.compile(_RUN_CHARS + _RUN_CHARS + "*")
_PERSIAN_RE = re.compile(_cls(code_point_ranges(PERSIAN_URDU_LETTERS)))
_LRM, _RLM, _ALM = "\N{LEFT-TO-RIGHT MARK}", "\N{RIGHT-TO-LEFT MARK}", "\N{ARABIC LETTER MARK}"


def _has_bidi_mark(text: str) -> bool:
    return _RLM in text or _LRM in text or _ALM in text


def _bidi_replacement(m: re.Match[str], keep_zwnj: bool) -> str | None:
    """What a run of invisibles holding a bidi mark between two letters
    becomes (ZWNJ, "" or a space), or ``None`` if it is not such a run."""
    run = m.group()
    if not (_RLM in run or _LRM in run or _ALM in run):
        return None
    s = m.string
    i, j = m.start(), m.end()
    if j >= len(s) or s[j] not in ARABIC_LETTERS:
        return None
    k = i - 1
    while k >= 0 and s[k] in ARABIC_MARKS:
        k -= 1
    if k < 0 or s[k] not in ARABIC_LETTERS:
        return None
    if (
        ZWNJ in run
        or _PERSIAN_RE.search(s, max(0, k + 1 - PERSIAN_CONTEXT_CHARS), k + 1) is not None
        or _PERSIAN_RE.search(s, j, j + PERSIAN_CONTEXT_CHARS) is not None
    ):
        return ZWNJ if keep_zwnj else ""
    return " "


def _convert_bidi(text: str, keep_zwnj: bool, record: list[tuple[int, int, str]] | None = None) -> str:
    def sub(m: re.Match[str]) -> str:
        new = _bidi_replacement(m, keep_zwnj)
        if new is None:
            return m.group()
        if record is not None:
            record.append((m.start(), m.end(), new))
        return new

    return _RUN_RE.sub(sub, text)


@step(lossless=True)
def remove_invisibles(text: str, *, keep_zwnj: bool = True) -> str:
    """Delete invisible characters: zero-width spaces, bidi controls, soft hyphens, controls.

    Removed (deleted, never turned into a space, so no word is split):
    ZERO WIDTH SPACE, WORD JOINER, BOM / ZERO WIDTH NO-BREAK SPACE, SOFT
    HYPHEN, the bidi marks LRM, RLM and ALM (U+061C) except between two
    Arabic-script letters (below), bidi embeddings, overrides and isolates
    (U+202A..U+202E, U+2066..U+2069: an isolate initiator and its PDI go as
    a pair, around the run they wrap, and an unpaired one goes too; none of
    them becomes a space, since tools wrap a run in them, outside its
    spaces), MONGOLIAN VOWEL
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

    A bidi mark (LRM, RLM or ALM, or a run of invisibles holding one)
    between two Arabic-script letters (harakat allowed after the first)
    separates two words, so it is not deleted (``"كتب" RLM "الطالب"`` would
    become one word).  It becomes a ZERO WIDTH NON-JOINER, the Persian and
    Urdu half-space that Persian e-books misspell as RLM, when the run holds
    a ZWNJ or when one of the letters that Persian and Urdu use and Arabic
    does not (``پ چ ژ گ ک ی ۀ ٹ ڈ ڑ ں ھ ہ ے``, table
    ``PERSIAN_URDU_LETTERS``) is among the 32 characters
    (``PERSIAN_CONTEXT_CHARS``) before the first letter or after the second
    (with ``keep_zwnj=False`` it is then deleted, like a ZWNJ); otherwise
    it becomes a space.  Elsewhere (beside a digit, Latin, a space) a bidi
    mark is deleted.

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
    >>> remove_invisibles("\\u0643\\u062a\\u0628\\u200f\\u0627\\u0644") == "\\u0643\\u062a\\u0628 \\u0627\\u0644"
    True
    >>> remove_invisibles("\\u0645\\u06cc\\u200f\\u062e\\u0648\\u0627\\u0647\\u0645") == persian
    True
    """
    if "\x1b" in text:
        text = _CSI_RE.sub("", text)
    if _has_bidi_mark(text):
        text = _convert_bidi(text, keep_zwnj)
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
    sequence" …) and ``entry`` the code points.  A bidi mark between two
    letters is replaced instead: rule "bidi mark between letters: word
    boundary" (the run becomes a space) or "bidi mark between letters:
    half-space" (it becomes a ZWNJ, or nothing with ``keep_zwnj=False``).

    >>> out, changes = trace_remove_invisibles("a\u200fb")
    >>> [(c.start, c.end, c.rule, c.entry) for c in changes]
    [(1, 2, 'bidi mark', 'U+200F RIGHT-TO-LEFT MARK')]
    """
    out = remove_invisibles(text, keep_zwnj=keep_zwnj)
    if out is text:
        return out, []
    # The output is the input with some characters deleted and some runs
    # (bidi marks between letters) replaced by one character: walk both.
    removed: list[tuple[int, int, str, str | None]] = []  # (start, end, rule, replacement)
    csi: dict[int, int] = {}
    stripped = text
    if "\x1b" in text:
        csi = {m.start(): m.end() for m in _CSI_RE.finditer(text)}
        stripped = _CSI_RE.sub("", text)
    runs: dict[int, tuple[int, str]] = {}  # start -> (end, replacement), in text's offsets
    if _has_bidi_mark(stripped):
        found: list[tuple[int, int, str]] = []
        _convert_bidi(stripped, keep_zwnj, found)
        if found:
            # offsets in ``stripped`` back to ``text``: add the escape
            # sequences removed before each point
            starts = sorted(csi)
            cut = 0  # characters of escape sequences before starts[n]
            n = 0

            def to_text(p: int) -> int:
                nonlocal n, cut
                while n < len(starts) and starts[n] - cut <= p:
                    cut += csi[starts[n]] - starts[n]
                    n += 1
                return p + cut

            for s1, e1, repl in found:
                s0 = to_text(s1)
                runs[s0] = (to_text(e1 - 1) + 1, repl)
    # (a replaced run sorts first, an escape sequence before the ESC it starts with)
    events = (
        [(i, -1) for i in runs]
        + [(i, 0) for i in csi]
        + [(m.start(), 1) for m in _CANDIDATE_RE.finditer(text)]
    )
    events.sort()
    shift = 0  # characters deleted so far
    skip_to = -1
    for i, kind in events:
        if i < skip_to:
            continue  # inside a removed escape sequence or a replaced run
        if kind == -1:
            end, repl = runs[i]
            rule = "bidi mark between letters: " + ("word boundary" if repl == " " else "half-space")
            removed.append((i, end, rule, repl))
            shift += end - i - len(repl)
            skip_to = end
            continue
        if kind == 0:
            end = csi[i]
            removed.append((i, end, "terminal escape sequence", None))
            shift += end - i
            skip_to = end
            continue
        c = text[i]
        if i - shift < len(out) and out[i - shift] == c:
            continue  # kept (a joiner in context)
        removed.append((i, i + 1, _reason(c), None))
        shift += 1
    # adjacent deletions for the same reason make one change
    merged: list[tuple[int, int, str, str | None]] = []
    for start, end, rule, after in removed:
        if after is None and merged and merged[-1][1] == start and merged[-1][2] == rule:
            start = merged.pop()[0]
        merged.append((start, end, rule, after))
    changes: list[Change] = []
    for start, end, rule, after in merged:
        before = text[start:end]
        if rule == "terminal escape sequence":
            entry = repr(before)
        else:
            entry = ", ".join(dict.fromkeys(_char_name(c) for c in before if c in _IN_RUN))
        changes.append(Change(start, end, before, after or "", rule=rule, entry=entry))
    return out, changes


_IN_RUN = frozenset([*INVISIBLE_FORMAT, *CONTROLS, ZWNJ, ZWJ])


attach_tracer(remove_invisibles, trace_remove_invisibles)
