"""The ``display`` preset as one pass: the same output as its steps, fewer scans.

The ``display`` preset runs seven steps, and on real text most of them find
nothing to do: on the shared news corpus invisibles and presentation forms
are absent from 98% of the documents, yet each step scans the
whole text to find that out.  :func:`display` gives byte for byte what the
steps give one after the other (:class:`nazif.Pipeline` uses it for a plain
call of exactly the preset's steps with their default options; ``explain``
and every other pipeline still run step by step), and it skips a step only
where that step is provably the identity:

- one scan for every character that three of the steps look for: the
  invisibles and controls of :func:`~nazif.invisibles.remove_invisibles`,
  the presentation-form blocks of
  :func:`~nazif.arabic.fold_presentation_forms`, and the spaces and line
  breaks other than " " and "\\n" that
  :func:`~nazif.whitespace.normalize_whitespace` rewrites.  A text with none
  of them (nine documents in ten) is left alone by the first two, and of
  the third needs only the collapsing and stripping of spaces and blank
  lines; :func:`~nazif.arabic.normalize_nfc` and
  :func:`~nazif.arabic.remove_tatweel` have their own fast tests, and when
  either changes something the steps after it run in full;
- in pure-ASCII text :func:`~nazif.quotes.normalize_quotes` has a candidate
  only at a grave accent or an apostrophe before a single mark (substring
  tests instead of a scan for every apostrophe).

Every other case calls the step itself, so the fast paths are the only code
of their own here.

>>> display("\\u201cHi\\u201d ,  there\\u200b ")
'"Hi", there'
>>> text = "plain text"
>>> display(text) is text
True
"""

from __future__ import annotations

import re

from ._charclass import code_point_class
from .arabic.forms import fold_presentation_forms, normalize_nfc, remove_tatweel
from .invisibles import remove_invisibles
from .punctuation import normalize_punctuation
from .quotes import normalize_quotes
from .tables.invisibles import CONTROLS, INVISIBLE_FORMAT, ZWJ, ZWNJ
from .tables.quotes import DOUBLE_QUOTES, SINGLE_QUOTES
from .tables.spaces import LINE_BREAK_CHARS, SPACE_SEPARATORS, TAB
from .whitespace import _tidy_spaces, normalize_whitespace

__all__ = ["DISPLAY_STEPS", "display"]

# The step list this pass stands for (the ``display`` preset, default options).
DISPLAY_STEPS: tuple[str, ...] = (
    "remove_invisibles",
    "normalize_nfc",
    "fold_presentation_forms",
    "remove_tatweel",
    "normalize_whitespace",
    "normalize_punctuation",
    "normalize_quotes",
)

# One scan for what three steps look for: every character remove_invisibles
# acts on (an escape sequence starts with ESC, a control), the two
# presentation-form blocks fold_presentation_forms looks at, and every space
# and line break normalize_whitespace rewrites (not " " and "\n").  A text
# with none of them is left alone by the first two and needs only the
# collapsing and stripping of the third.  (The tatweel is not here: it is
# common in Arabic, and remove_tatweel's own test is a fast substring test.)
_SCAN_RE = re.compile(
    "["
    + code_point_class(
        sorted(
            {
                ord(c)
                for c in [*INVISIBLE_FORMAT, *CONTROLS, ZWNJ, ZWJ, TAB, *SPACE_SEPARATORS, *LINE_BREAK_CHARS]
            }
            - {ord(" "), ord("\n")}
        )
    )
    + "\ufb50-\ufdff\ufe70-\ufefe]"
)

# In ASCII text normalize_quotes (ascii style) rewrites only an ASCII quote
# mark other than " and ' (the grave accent), or ' as the first half of a
# pair of single marks.
_ASCII_APOSTROPHE = "'"
_ASCII_QUOTE_NEEDLES: tuple[str, ...] = tuple(
    sorted(
        {c for c in [*DOUBLE_QUOTES, *SINGLE_QUOTES] if c.isascii() and c not in "\"'"}
        | {_ASCII_APOSTROPHE + c for c in SINGLE_QUOTES if c.isascii()}
    )
)


def display(text: str) -> str:
    """The ``display`` preset's steps, in order, with their default options.

    Byte-identical to running ``remove_invisibles``, ``normalize_nfc``,
    ``fold_presentation_forms``, ``remove_tatweel``, ``normalize_whitespace``,
    ``normalize_punctuation`` and ``normalize_quotes`` one after the other;
    it only skips the ones that would return their input unchanged.  Left
    alone: whatever those steps leave alone (text that needs nothing comes
    back as the same object).

    >>> display("\\u0627\\u0644\\u0639\\u0640\\u0640\\u0631\\u0628\\u064a\\u0629 \\u061f")
    'العربية؟'
    >>> display("say `hi'  (now )")
    "say 'hi' (now)"
    """
    if not isinstance(text, str):
        raise TypeError(f"nazif.fused.display expects str, got {type(text).__name__}")
    if _SCAN_RE.search(text) is not None:
        text = normalize_whitespace(
            remove_tatweel(fold_presentation_forms(normalize_nfc(remove_invisibles(text))))
        )
    else:
        composed = normalize_nfc(text)
        if composed is not text:
            # NFC may have written a character the other steps act on
            text = normalize_whitespace(remove_tatweel(fold_presentation_forms(composed)))
        else:
            stripped = remove_tatweel(text)
            # (a tatweel removed may bring marks together, composed again:
            # then the whole whitespace step, to be safe)
            text = _tidy_spaces(text) if stripped == text else normalize_whitespace(stripped)
    text = normalize_punctuation(text)
    if not text.isascii():
        return normalize_quotes(text)
    for needle in _ASCII_QUOTE_NEEDLES:
        if needle in text:
            return normalize_quotes(text)
    return text
