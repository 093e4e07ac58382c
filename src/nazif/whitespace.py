"""Whitespace normalization: one kind of space, one kind of line break.

>>> normalize_whitespace("  Hello\\u00a0\\u2003world \\r\\n\\r\\n\\r\\nBye\\t ")
'Hello world\\n\\nBye'
"""

from __future__ import annotations

import re
from functools import lru_cache

from .steps import step
from .tables.spaces import LINE_BREAK_CHARS, SPACE_SEPARATORS, TAB

__all__ = ["normalize_whitespace"]

_OTHER_SPACES = "".join(c for c in SPACE_SEPARATORS if c != " ")
_OTHER_BREAKS = "".join(c for c in LINE_BREAK_CHARS if c != "\n")


def _cls(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


def _run(chars: str) -> str:
    # "[x][x]*" rather than "[x]+": a pattern that starts with a plain class
    # lets ``re`` skip to candidates in C, twice as fast on clean text.
    return _cls(chars) + _cls(chars) + "*"


# Each pattern starts with a character class; the rest of the work is
# ``str.replace``, which never backtracks.
_BREAK_RE = re.compile(_cls(_OTHER_BREAKS) + r"(?:(?<=\r)\n)?")
_SPACE_RE = re.compile(_run(_OTHER_SPACES + TAB))
_SPACE_KEEP_TABS_RE = re.compile(_run(_OTHER_SPACES))
_MULTI_SPACE_RE = re.compile("  +")  # a two-character literal prefix: fast
_DIRTY_RE = re.compile(_cls(_OTHER_SPACES + _OTHER_BREAKS + TAB))
_DIRTY_KEEP_TABS_RE = re.compile(_cls(_OTHER_SPACES + _OTHER_BREAKS))
# The ASCII members of those classes: pure-ASCII text (most English news) is
# checked with a few substring tests, twice as fast as the class search.
_ASCII_DIRTY = tuple(c for c in _OTHER_SPACES + _OTHER_BREAKS + TAB if c.isascii())
_ASCII_DIRTY_KEEP_TABS = tuple(c for c in _OTHER_SPACES + _OTHER_BREAKS if c.isascii())


def _dirty(text: str, keep_tabs: bool) -> bool:
    """Does ``text`` hold any space or line break other than " " and "\n"?"""
    if text.isascii():
        return any(c in text for c in (_ASCII_DIRTY_KEEP_TABS if keep_tabs else _ASCII_DIRTY))
    return (_DIRTY_KEEP_TABS_RE if keep_tabs else _DIRTY_RE).search(text) is not None


@lru_cache(maxsize=32)
def _blank_run(max_blank_lines: int) -> tuple[str, re.Pattern[str], str]:
    limit = "\n" * (max_blank_lines + 2)
    return limit, re.compile(limit + "+"), "\n" * (max_blank_lines + 1)


@step(lossless=True)
def normalize_whitespace(text: str, *, max_blank_lines: int = 1, keep_tabs: bool = False) -> str:
    """One space between words, one "\\n" per line break, bounded blank lines.

    - every Unicode space separator (category Zs: no-break, narrow no-break,
      en/em/thin/hair, figure, ideographic, Ogham … spaces) and the tab become
      a plain space, and runs of them collapse to one;
    - CR LF, CR, VT, FF, NEL (U+0085), LINE SEPARATOR and PARAGRAPH SEPARATOR
      become "\\n";
    - each line is stripped of leading and trailing spaces; runs of blank lines
      collapse to at most ``max_blank_lines`` (0 joins paragraphs into
      consecutive lines); the text is trimmed of leading and trailing blank
      lines.  Lines themselves are kept: no line is ever joined to another.

    With ``keep_tabs=True`` tabs are content (tab-separated columns): they are
    kept where they are, never merged or trimmed, and spaces touching a tab
    are dropped.

    Left alone on purpose: every non-whitespace character, in order, including
    zero-width characters (see :func:`nazif.invisibles.remove_invisibles`) and
    the C0 separators U+001C..U+001E (controls, removed by the same step).
    Already-normal text is returned as the same object.

    >>> marhaba = "\\u0645\\u0631\\u062d\\u0628\\u0627"
    >>> normalize_whitespace("\\u00a0Hello \\u202f world\\r\\n\\r\\n\\r\\n" + marhaba + "\\u2003 ")
    'Hello world\\n\\nمرحبا'
    >>> normalize_whitespace("a\\n\\n\\nb", max_blank_lines=0)
    'a\\nb'
    >>> normalize_whitespace("name \\t age\\t\\tcity", keep_tabs=True)
    'name\\tage\\t\\tcity'
    """
    if not isinstance(max_blank_lines, int) or max_blank_lines < 0:
        raise ValueError(f"max_blank_lines must be an int >= 0, not {max_blank_lines!r}")
    # Every stage returns its input object when it has nothing to do, so
    # already-normal text comes back as the same object, at scanning speed.
    if _dirty(text, keep_tabs):
        # 1. every line break becomes "\n" (CR LF once)
        text = _BREAK_RE.sub("\n", text)
        # 2. every space separator (and the tab) becomes " "
        text = (_SPACE_KEEP_TABS_RE if keep_tabs else _SPACE_RE).sub(" ", text)
    return _tidy_spaces(text, max_blank_lines=max_blank_lines, keep_tabs=keep_tabs)


def _tidy_spaces(text: str, *, max_blank_lines: int = 1, keep_tabs: bool = False) -> str:
    """:func:`normalize_whitespace` of a text whose only spaces and line breaks
    are already " ", "\\n" (and, with ``keep_tabs``, the tab).

    Runs of spaces collapse, lines are stripped, blank lines bounded; on any
    other text it leaves the other spaces and breaks alone (not a step:
    :mod:`nazif.fused` calls it where a scan has shown there are none).

    >>> _tidy_spaces("  a  b \\n\\n\\n c ")
    'a b\\n\\nc'
    """
    limit, blank_re, blank_repl = _blank_run(max_blank_lines)
    # 3. runs of spaces become one
    if "  " in text:
        text = _MULTI_SPACE_RE.sub(" ", text)
    # 4. no space at either end of a line (nor beside a kept tab)
    if keep_tabs and (" \t" in text or "\t " in text):
        text = text.replace(" \t", "\t").replace("\t ", "\t")
    if " \n" in text or "\n " in text:
        text = "\n".join([line.strip(" ") for line in text.split("\n")])
    # 5. at most max_blank_lines blank lines in a row, none at either end
    if limit in text:
        text = blank_re.sub(blank_repl, text)
    return text.strip(" \n")
