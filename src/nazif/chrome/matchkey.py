"""The orthography-insensitive match key of a line.

Two lines that a reader would call "the same UI string" get the same key:
case, Arabic hamza and alef forms, teh marbuta / heh, alef maksura / yeh,
Persian yeh and kaf, diacritics (Arabic harakat and Latin accents), tatweel,
bidi and zero-width marks, presentation forms, punctuation, icons and arrows,
digits and spacing are all folded away.  What is left is the lower-case
letters of the words, separated by single spaces.

>>> match_key("  إقرأ أيضاً: ")
'اقرا ايضا'
>>> match_key("اقرا ايضا") == match_key("\\u0627\\u0642\\u0640\\u0631\\u0623 \\u0623\\u064a\\u0636\\u0627\\u064b")
True
>>> match_key("» Share on  FACEBOOK ›")
'share on facebook'
>>> match_key("Comments (14)")
'comments'
>>> match_key("2026-01-07 | 10:45")
''

The fold is computed per code point from :mod:`unicodedata` (compatibility
decomposition for presentation forms, canonical decomposition to strip
accents, general category to drop marks and turn everything that is not a
letter into a separator) and cached, so it covers all of Unicode without a
hand-written table.
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold_char", "key_words", "match_key"]

# Arabic letters folded onto one representative (written with \N names).
_ARABIC_FOLDS: dict[str, str] = {
    "\N{ARABIC LETTER ALEF WITH HAMZA ABOVE}": "\N{ARABIC LETTER ALEF}",
    "\N{ARABIC LETTER ALEF WITH HAMZA BELOW}": "\N{ARABIC LETTER ALEF}",
    "\N{ARABIC LETTER ALEF WITH MADDA ABOVE}": "\N{ARABIC LETTER ALEF}",
    "\N{ARABIC LETTER ALEF WASLA}": "\N{ARABIC LETTER ALEF}",
    "\N{ARABIC LETTER WAW WITH HAMZA ABOVE}": "\N{ARABIC LETTER WAW}",
    "\N{ARABIC LETTER YEH WITH HAMZA ABOVE}": "\N{ARABIC LETTER YEH}",
    "\N{ARABIC LETTER ALEF MAKSURA}": "\N{ARABIC LETTER YEH}",
    "\N{ARABIC LETTER FARSI YEH}": "\N{ARABIC LETTER YEH}",
    "\N{ARABIC LETTER YEH BARREE}": "\N{ARABIC LETTER YEH}",
    "\N{ARABIC LETTER TEH MARBUTA}": "\N{ARABIC LETTER HEH}",
    "\N{ARABIC LETTER TEH MARBUTA GOAL}": "\N{ARABIC LETTER HEH}",
    "\N{ARABIC LETTER HEH GOAL}": "\N{ARABIC LETTER HEH}",
    "\N{ARABIC LETTER HEH DOACHASHMEE}": "\N{ARABIC LETTER HEH}",
    "\N{ARABIC LETTER AE}": "\N{ARABIC LETTER HEH}",
    "\N{ARABIC LETTER KEHEH}": "\N{ARABIC LETTER KAF}",
    "\N{ARABIC LETTER HAMZA}": "",
    "\N{ARABIC TATWEEL}": "",
}


def fold_char(ch: str) -> str:
    """The folded form of one code point: ``""`` (ignored), ``" "`` (a
    separator) or lower-case letters.

    >>> fold_char("\\u0623"), fold_char("\\ufe8d"), fold_char("É"), fold_char("»"), fold_char("\\u064b")
    ('ا', 'ا', 'e', ' ', '')
    """
    if ch in _ARABIC_FOLDS:
        return _ARABIC_FOLDS[ch]
    cat = unicodedata.category(ch)
    if cat in ("Mn", "Me", "Cf"):
        return ""  # combining marks, harakat, bidi / zero-width controls
    if cat == "Mc":
        return ""
    if cat[0] != "L":
        return " "  # punctuation, symbols, digits, spaces, controls, surrogates
    if cat == "Lm":
        # modifier letters: apostrophe-like marks (U+02BC ʼ, U+02BB ʻ) are
        # punctuation to a reader; Arabic small waw/yeh are marks
        return "" if "\u0600" <= ch <= "\u06ff" else " "
    # Presentation forms and other compatibility characters.
    compat = unicodedata.normalize("NFKC", ch)
    if compat != ch:
        return "".join(fold_char(c) for c in compat)
    decomposed = unicodedata.normalize("NFD", ch)
    if decomposed != ch:
        return "".join(fold_char(c) for c in decomposed)
    low = ch.casefold()
    if low != ch:
        return "".join(fold_char(c) if c != ch else c for c in low)
    return ch


class _FoldTable(dict):
    """A ``str.translate`` table that folds each code point on first use."""

    def __missing__(self, cp: int) -> str:
        value = fold_char(chr(cp))
        self[cp] = value
        return value


_TABLE = _FoldTable()
# ASCII text: letters lowered, everything else a separator (what fold_char
# gives for code points below 128, as one table for str.translate's fast path)
_ASCII_TABLE = {cp: (chr(cp).lower() if chr(cp).isalpha() else " ") for cp in range(128)}


def match_key(text: str) -> str:
    """The match key of ``text``: folded letters of its words, single-spaced."""
    if text.isascii():
        return " ".join(text.translate(_ASCII_TABLE).split())
    return " ".join(text.translate(_TABLE).split())


def key_words(text: str) -> list:
    """The words of the match key of ``text``.

    >>> key_words("Read more: Germany")
    ['read', 'more', 'germany']
    """
    return match_key(text).split()
