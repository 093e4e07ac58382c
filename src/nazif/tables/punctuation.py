"""Punctuation marks, for :func:`nazif.punctuation.normalize_punctuation`."""

from __future__ import annotations

#: Marks that take no space before them (when a space, a line end, a closing
#: bracket or quote, or another such mark follows them).
NO_SPACE_BEFORE: frozenset[str] = frozenset(
    "\N{COMMA}\N{FULL STOP}\N{SEMICOLON}\N{COLON}\N{EXCLAMATION MARK}\N{QUESTION MARK}"
    "\N{ARABIC COMMA}\N{ARABIC SEMICOLON}\N{ARABIC QUESTION MARK}"
)

#: Marks that start emoticons when a bracket follows (``:)``, ``;(``):
#: a space before them is kept in that case.  The Arabic semicolon is here
#: too so that both semicolons follow the same spacing rule (the
#: ``script_punctuation`` option swaps one for the other).
EMOTICON_EYES: frozenset[str] = frozenset("\N{COLON}\N{SEMICOLON}\N{ARABIC SEMICOLON}")

OPENING_BRACKETS: frozenset[str] = frozenset(
    "\N{LEFT PARENTHESIS}\N{LEFT SQUARE BRACKET}\N{LEFT CURLY BRACKET}"
)
CLOSING_BRACKETS: frozenset[str] = frozenset(
    "\N{RIGHT PARENTHESIS}\N{RIGHT SQUARE BRACKET}\N{RIGHT CURLY BRACKET}"
)

#: ``script_punctuation=True``: the Arabic form of each Latin mark.
LATIN_TO_ARABIC: dict[str, str] = {
    "\N{COMMA}": "\N{ARABIC COMMA}",
    "\N{SEMICOLON}": "\N{ARABIC SEMICOLON}",
    "\N{QUESTION MARK}": "\N{ARABIC QUESTION MARK}",
}
ARABIC_TO_LATIN: dict[str, str] = {a: b for b, a in LATIN_TO_ARABIC.items()}
