"""Space separators and line breaks, for :func:`nazif.whitespace.normalize_whitespace`.

``SPACE_SEPARATORS`` is exactly the Unicode general category ``Zs`` (stable
since Unicode 6.3, when U+180E MONGOLIAN VOWEL SEPARATOR left it); a test
pins it against :mod:`unicodedata`.
"""

from __future__ import annotations

#: Every character of general category Zs (space separator), U+0020 included.
SPACE_SEPARATORS: tuple[str, ...] = (
    "\N{SPACE}",
    "\N{NO-BREAK SPACE}",
    "\N{OGHAM SPACE MARK}",
    "\N{EN QUAD}",
    "\N{EM QUAD}",
    "\N{EN SPACE}",
    "\N{EM SPACE}",
    "\N{THREE-PER-EM SPACE}",
    "\N{FOUR-PER-EM SPACE}",
    "\N{SIX-PER-EM SPACE}",
    "\N{FIGURE SPACE}",
    "\N{PUNCTUATION SPACE}",
    "\N{THIN SPACE}",
    "\N{HAIR SPACE}",
    "\N{NARROW NO-BREAK SPACE}",
    "\N{MEDIUM MATHEMATICAL SPACE}",
    "\N{IDEOGRAPHIC SPACE}",
)

#: The tab, turned into a space unless ``keep_tabs=True``.
TAB = "\N{CHARACTER TABULATION}"

#: Characters (and the pair CR LF) that end a line.  Each becomes one "\n".
#: These are the line boundaries of Unicode's UAX #14 mandatory breaks that
#: are not also C0 separators (U+001C..U+001E are removed as controls by
#: :func:`nazif.invisibles.remove_invisibles` instead).
LINE_BREAKS: tuple[str, ...] = (
    "\N{CARRIAGE RETURN}\N{LINE FEED}",
    "\N{LINE FEED}",
    "\N{CARRIAGE RETURN}",
    "\N{LINE TABULATION}",
    "\N{FORM FEED}",
    "\N{NEXT LINE}",
    "\N{LINE SEPARATOR}",
    "\N{PARAGRAPH SEPARATOR}",
)

#: The single characters of ``LINE_BREAKS``.
LINE_BREAK_CHARS: tuple[str, ...] = tuple(b for b in LINE_BREAKS if len(b) == 1)
