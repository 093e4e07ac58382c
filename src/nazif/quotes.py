"""Quotation marks and apostrophes in one consistent style.

>>> normalize_quotes("\\u201cIt\\u2019s \\u00abfine\\u00bb,\\u201d she said.")
'"It\\'s "fine"," she said.'
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable

from .protected import protected_spans
from .steps import step
from .tables.invisibles import ARABIC_LETTERS
from .tables.quotes import (
    ASCII_MARKS,
    CLOSE,
    DOUBLE_QUOTES,
    GUILLEMETS,
    NEUTRAL,
    OPEN,
    PRIMES,
    QUOTE_CHARS,
    SINGLE_QUOTES,
    STYLES,
    TYPOGRAPHIC_MARKS,
)

__all__ = ["normalize_quotes"]

_DQ, _SQ = ASCII_MARKS[0], ASCII_MARKS[2]


def _cls(chars) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


_D_PRIME = "".join(c for c in PRIMES if c in DOUBLE_QUOTES)
_S_PRIME = "".join(c for c in PRIMES if c in SINGLE_QUOTES)
_DQS = set(DOUBLE_QUOTES)
_SQS = set(SINGLE_QUOTES)


def _token_pattern(first: set, pair_only: set) -> re.Pattern[str]:
    """A quote token: a single mark, a double mark, or two single marks side
    by side ('' `` ‘‘), read as one double mark.  A prime right after a digit
    is not a quote (5′, 10″, 45° 30′).  ``first`` are the characters a token
    may start with; a character of ``pair_only`` is a token only as the first
    half of a pair.  The pattern starts with a plain character class, which
    lets ``re`` skip to candidates in C."""
    singles = first & _SQS
    branches = [
        # a single mark (not a prime after a digit), maybe the first of a pair
        f"(?<={_cls(singles - pair_only)})(?<!\\d{re.escape(_S_PRIME)}){_cls(_SQS)}?",
        # a double mark (not a prime after a digit)
        f"(?<={_cls(first & _DQS)})(?<!\\d{re.escape(_D_PRIME)})",
    ]
    if pair_only:
        branches.insert(0, f"(?<={_cls(pair_only)}){_cls(_SQS)}")
    return re.compile(f"{_cls(first)}(?:{'|'.join(branches)})")


# Every quote token, for the typographic styles.
_TOKEN_RE = _token_pattern(_DQS | _SQS, set())
# The ascii style needs to see only what is not ASCII already: " never, and
# ' only as the first half of a pair ('' becomes ").
_ASCII_RE = _token_pattern((_DQS | _SQS) - {_DQ}, {_SQ})


def _ascii_repl(m: re.Match[str]) -> str:
    tok = m.group()
    return _DQ if len(tok) == 2 or tok in DOUBLE_QUOTES else _SQ


def _protected(text: str) -> Callable[[int], bool] | None:
    """A test "is offset i inside a URL or e-mail address?", or None when
    the text has none (the common case, found by a cheap scan)."""
    if "://" not in text and "www." not in text and "WWW." not in text and "@" not in text:
        return None
    spans = protected_spans(text)
    if not spans:
        return None
    starts = [a for a, _ in spans]

    def inside(i: int) -> bool:
        k = bisect_right(starts, i) - 1
        return k >= 0 and i < spans[k][1]

    return inside


# Context that opens a quote before it / closes it after it.
_DASHES = "-\N{EN DASH}\N{EM DASH}"
_OPENERS = frozenset("([{<" + _DASHES)
_CLOSERS = frozenset(
    ")]}>.,;:!?\N{HORIZONTAL ELLIPSIS}\N{ARABIC COMMA}\N{ARABIC SEMICOLON}\N{ARABIC QUESTION MARK}" + _DASHES
)
_CLOSING_BRACKETS = frozenset(")]}>")
_SCRIPT_WINDOW = 24


def _wordish(c: str) -> bool:
    return c.isalnum() or unicodedata.category(c)[0] == "M"


# A letter that is not a quote mark (MODIFIER LETTER APOSTROPHE is a letter).
_LETTER_RE = re.compile("[^\\W\\d_" + "".join(re.escape(c) for c in sorted(QUOTE_CHARS)) + "]")


def _is_arabic(c: str) -> bool:
    return "\u0600" <= c <= "\u08ff" or "\ufb50" <= c <= "\ufeff" or c in ARABIC_LETTERS


def _nearest_letter(window: str) -> str:
    cut = window.find("\n")
    if cut != -1:
        window = window[:cut]
    m = _LETTER_RE.search(window)
    return m.group() if m else ""


def _arabic_run(text: str, start: int, end: int, direction: str) -> bool:
    """Is the nearest letter (inside the quote first, then outside) Arabic?"""
    after = text[end : end + _SCRIPT_WINDOW]
    before = text[max(0, start - _SCRIPT_WINDOW) : start][::-1]
    inside, outside = (after, before) if direction == OPEN else (before, after)
    letter = _nearest_letter(inside) or _nearest_letter(outside)
    return bool(letter) and _is_arabic(letter)


_TATWEEL = "\N{ARABIC TATWEEL}"
# One-letter Arabic proclitics written joined to the word they prefix, and so
# to a quotation that follows: و“…” ب«…» ل"…" (and with a tatweel: لـ«…»).
_PROCLITICS = frozenset(
    "\N{ARABIC LETTER WAW}\N{ARABIC LETTER BEH}\N{ARABIC LETTER LAM}"
    "\N{ARABIC LETTER KAF}\N{ARABIC LETTER FEH}"
)


def _after_proclitic(text: str, s: int) -> bool:
    """Does the mark at ``s`` follow a joined Arabic prefix (so it opens)?"""
    i = s - 1
    if text[i] == _TATWEEL:
        while i > 0 and text[i - 1] == _TATWEEL:
            i -= 1
        return i > 0 and _is_arabic(text[i - 1])
    if text[i] not in _PROCLITICS:
        return False
    return i == 0 or text[i - 1].isspace() or text[i - 1] in _OPENERS


def _directional(text: str, marks, arabic_guillemets: bool) -> str:
    d_open, d_close, s_open, s_close = marks
    out: list[str] = []
    pos = 0
    n = len(text)
    last = {"d": CLOSE, "s": CLOSE}
    prev_end = -1
    prev_dir: str | None = None
    inside = _protected(text) if _TOKEN_RE.search(text) else None
    for m in _TOKEN_RE.finditer(text):
        s, e = m.span()
        if inside is not None and inside(s):
            continue  # a URL or an e-mail address keeps its characters
        tok = m.group()
        if len(tok) == 2:
            kind = "d"
            a, b = SINGLE_QUOTES[tok[0]], SINGLE_QUOTES[tok[1]]
            glyph = a if a == b else NEUTRAL
        elif tok in DOUBLE_QUOTES:
            kind, glyph = "d", DOUBLE_QUOTES[tok]
        else:
            kind, glyph = "s", SINGLE_QUOTES[tok]
        prev = text[s - 1] if s else None
        nxt = text[e] if e < n else None
        prev_is_quote = s == prev_end

        if prev is None:
            left = True
        elif prev_is_quote:
            left = prev_dir == OPEN
        else:
            left = prev.isspace() or prev in _OPENERS or _after_proclitic(text, s)
        if nxt is None:
            right = True
        elif nxt in QUOTE_CHARS:
            right = False
        else:
            right = nxt.isspace() or nxt in _CLOSERS

        direction = ""
        if left and not right:
            direction = OPEN
            # the apostrophe of a decade: '90s
            if kind == "s" and text[e : e + 2].isdigit() and text[e + 2 : e + 3] == "s":
                direction = CLOSE
        elif right and not left:
            direction = CLOSE
        elif not left and not right:
            # not left, not right: prev and nxt are characters, not None
            if not prev_is_quote and _wordish(prev):  # type: ignore[arg-type]  # word"  don't  5'10
                direction = CLOSE
            elif nxt not in QUOTE_CHARS and _wordish(nxt):  # type: ignore[arg-type]
                if kind == "s" and (prev_is_quote or prev in _CLOSING_BRACKETS):
                    direction = CLOSE  # "Hamas"'s
                else:
                    direction = OPEN  # said:"Hello
        if not direction:
            direction = glyph if glyph != NEUTRAL else (CLOSE if last[kind] == OPEN else OPEN)
        last[kind] = direction
        prev_end, prev_dir = e, direction

        if kind == "s":
            new = s_open if direction == OPEN else s_close
        elif arabic_guillemets and _arabic_run(text, s, e, direction):
            new = GUILLEMETS[0] if direction == OPEN else GUILLEMETS[1]
        else:
            new = d_open if direction == OPEN else d_close
        if new != tok:
            out.append(text[pos:s])
            out.append(new)
            pos = e
    if pos == 0:
        return text
    out.append(text[pos:])
    return "".join(out)


@step(lossless=True)
def normalize_quotes(text: str, *, style: str = "ascii") -> str:
    """Rewrite every quotation mark and apostrophe in one style.

    Recognised: " ＂ “ ” „ ‟ ⹂ « » 〝 〞 〟 ‶ ❝ ❞, ' ＇ ‘ ’ ‚ ‛ ‹ › ‵ ❛ ❜,
    the grave accent (as in don`t and TeX-style quotes), and the primes ′ ″
    when they do not follow a digit.  Two single marks side by side (two
    apostrophes, two grave accents, ‘‘) are read as one double mark, so
    TeX-style quotes and doubled apostrophes become ordinary double quotes.

    Styles:

    - ``"ascii"`` (default): " and '.
    - ``"typographic"``: “ ” ‘ ’, the apostrophe as ’.  Each mark is opening
      after the start of the text, a space, an opening bracket, a dash, an
      opening quote or a joined Arabic prefix (و“…”, بـ«…»), and closing before the end, a space, a closing bracket,
      punctuation or a dash; between a word and a word it is closing (an
      apostrophe for single marks); after a word it is closing, before a word
      opening.  Only when the context cannot tell is the mark's own shape
      trusted (“ opens, ” closes), and for " and ' the mark alternates.
    - ``"guillemets"``: like ``"typographic"``, except that double quotes
      whose nearest letter (inside the quotation first, up to 24 characters
      on the same line) is Arabic-script become « and » (opening «, closing »
      in logical order): the right choice for Arabic, where “ ” are not
      mirrored.  Single quotes stay ‘ ’.

    Left alone on purpose: U+02BC MODIFIER LETTER APOSTROPHE (a letter:
    ``Qurʼan``), primes after a digit (5′ 10″, 45° 30′), every
    other character (only quote characters are rewritten, in place; a pair of
    single marks merging into one double mark is the only change of length),
    and the direction of « » as opening/closing in French or German spacing
    conventions (the style decides, not the language).

    >>> print(normalize_quotes("\u201eHallo\u201c, it\u2019s 5\u2032 10\u2033 ``tall''"))
    "Hallo", it's 5′ 10″ "tall"
    >>> print(normalize_quotes('"Don\\'t," he said \\'quietly\\'', style="typographic"))
    “Don’t,” he said ‘quietly’
    >>> print(normalize_quotes('قال "نعم" and "yes"', style="guillemets"))
    قال «نعم» and “yes”
    """
    if style == "ascii":
        if _ASCII_RE.search(text) is None:
            return text
        inside = _protected(text)
        if inside is None:
            return _ASCII_RE.sub(_ascii_repl, text)
        return _ASCII_RE.sub(lambda m: m.group() if inside(m.start()) else _ascii_repl(m), text)
    if style == "typographic":
        return _directional(text, TYPOGRAPHIC_MARKS, False)
    if style == "guillemets":
        return _directional(text, TYPOGRAPHIC_MARKS, True)
    raise ValueError(f"unknown quote style {style!r}; styles: {', '.join(STYLES)}")
