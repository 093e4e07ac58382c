"""Spacing around punctuation and brackets; optional Arabic/Latin punctuation by script.

>>> normalize_punctuation("Really ? Yes , ( see note ) .")
'Really? Yes, (see note).'
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .protected import protected_spans
from .steps import step
from .tables.invisibles import ARABIC_LETTERS
from .tables.punctuation import (
    ARABIC_TO_LATIN,
    CLOSING_BRACKETS,
    EMOTICON_EYES,
    LATIN_TO_ARABIC,
    NO_SPACE_BEFORE,
    OPENING_BRACKETS,
)
from .tables.quotes import QUOTE_CHARS, SINGLE_QUOTES
from .tables.spaces import SPACE_SEPARATORS, TAB

__all__ = ["normalize_punctuation"]


def _cls(chars) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


_HS = frozenset(SPACE_SEPARATORS) | {TAB}
_HS_CLS = _cls(_HS)
# A mark "ends" a phrase when a space, the end, a closing bracket or quote,
# or another such mark (not a full stop: " ..." keeps its space) follows it.
# After : ; and the Arabic semicolon a bracket or quote is not enough (":)",
# ";(" and ":'(" are emoticons).
_FOLLOW = frozenset(NO_SPACE_BEFORE - {"."}) | CLOSING_BRACKETS | QUOTE_CHARS
_FOLLOW_EYES = frozenset(NO_SPACE_BEFORE - {"."})

# Candidates: a mark or closing bracket right after a space, an opening
# bracket right before one.  The pattern starts with a plain character class,
# so ``re`` skips to candidates in C; spaces are then walked in Python, each
# run once (linear time).
_CANDIDATE_RE = re.compile(
    f"{_cls(NO_SPACE_BEFORE | CLOSING_BRACKETS | OPENING_BRACKETS)}"
    f"(?:(?<={_HS_CLS}{_cls(NO_SPACE_BEFORE | CLOSING_BRACKETS)})"
    f"|(?<={_cls(OPENING_BRACKETS)})(?={_HS_CLS}))"
)


_EYES = EMOTICON_EYES | {"="}
# ' or any single quote mark: normalize_quotes may rewrite the nose of :'(
_NOSES = frozenset({"-"} | set(SINGLE_QUOTES))


def _emoticon_before(text: str, i: int) -> bool:
    """Do the characters before ``text[i]`` make it the mouth of :( ;( :'( :-( =( ?"""
    prev = text[i - 1] if i else ""
    if prev in _EYES:
        return True
    return prev in _NOSES and i >= 2 and text[i - 2] in _EYES


def _remove_spaces(text: str) -> str:
    # URLs and e-mail addresses (nazif.protected) never contain a space, so
    # deleting spaces cannot change them; the tests check it on every input.
    n = len(text)
    out: list[str] = []
    pos = 0  # text[:pos] is settled
    for m in _CANDIDATE_RE.finditer(text):
        c = m.group()
        i = m.start()
        if c in OPENING_BRACKETS:
            if _emoticon_before(text, i):
                continue  # ":( " is a face, not a bracket
            out.append(text[pos : i + 1])
            j = i + 1
            while j < n and text[j] in _HS:
                j += 1
            pos = j
            continue
        if c not in CLOSING_BRACKETS:
            nxt = text[i + 1] if i + 1 < n else ""
            follow = _FOLLOW_EYES if c in EMOTICON_EYES else _FOLLOW
            if nxt and not nxt.isspace() and nxt not in follow:
                continue
        k = i
        while k > pos and text[k - 1] in _HS:
            k -= 1
        if k > 0 and text[k - 1].isdigit() and c not in CLOSING_BRACKETS:
            j = i + 1
            while j < n and text[j] in _HS:
                j += 1
            if j > i + 1 and j < n and text[j].isdigit():
                continue  # "2 : 1", "16 : 9", "٩ : ٣٠": a score or a ratio, spaced on both sides
        out.append(text[pos:k])
        pos = i
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


_SWAPPABLE_RE = re.compile(_cls(set(LATIN_TO_ARABIC) | set(ARABIC_TO_LATIN)))
# A Latin mark can only become Arabic in a text with Arabic letters, and the
# reverse: in a one-script text only the foreign marks are candidates.
_LATIN_MARKS_RE = re.compile(_cls(LATIN_TO_ARABIC))
_ARABIC_MARKS_RE = re.compile(_cls(ARABIC_TO_LATIN))
# (supersets of the letters _letter_script calls "ar" and "la")
_HAS_ARABIC_RE = re.compile("[\u0600-\u08ff\ufb50-\ufeff\U00010ec0-\U00010eff\U0001ee00-\U0001eeff]")
_HAS_LATIN_RE = re.compile("[A-Za-z\u00aa-\u024f\u1e00-\u1eff\uff21-\uff5a]")
_SCRIPT_WINDOW = 32
_EMOTICON_MOUTHS = frozenset(")(][")


# A letter that is not a quote mark (MODIFIER LETTER APOSTROPHE is a letter
# but also a quote that normalize_quotes rewrites).
_LETTER_RE = re.compile("[^\\W\\d_" + "".join(re.escape(c) for c in sorted(QUOTE_CHARS)) + "]")


def _letter_script(c: str) -> str:
    """'ar', 'la' or 'other' for a letter."""
    if c in ARABIC_LETTERS or "\u0600" <= c <= "\u08ff" or "\ufb50" <= c <= "\ufeff":
        return "ar"
    if c <= "\u024f" or "\u1e00" <= c <= "\u1eff" or "\uff21" <= c <= "\uff5a":
        return "la"
    return "other"


def _nearest_script(window: str) -> str | None:
    """Script of the first letter of ``window`` before any line break."""
    cut = window.find("\n")
    if cut != -1:
        window = window[:cut]
    m = _LETTER_RE.search(window)
    return _letter_script(m.group()) if m else None


def _swap_scripts(text: str) -> str:
    if text.isascii():
        return text  # no Arabic letter, no Arabic mark: nothing to swap
    has_arabic = _HAS_ARABIC_RE.search(text) is not None
    has_latin = _HAS_LATIN_RE.search(text) is not None
    if has_arabic and has_latin:
        candidates = _SWAPPABLE_RE
    elif has_arabic:
        candidates = _LATIN_MARKS_RE
    elif has_latin:
        candidates = _ARABIC_MARKS_RE
    else:
        return text
    if not candidates.search(text):
        return text
    spans = protected_spans(text)
    starts = [s for s, _ in spans]
    n = len(text)
    out: list[str] = []
    pos = 0
    for m in candidates.finditer(text):
        i = m.start()
        k = bisect_right(starts, i) - 1
        if k >= 0 and i < spans[k][1]:
            continue  # inside a URL or an e-mail address
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < n else ""
        if prev.isdecimal() and nxt.isdecimal():
            continue  # 1,000  ٣،٥
        c = m.group()
        if c in ";\N{ARABIC SEMICOLON}" and nxt in _EMOTICON_MOUTHS:
            continue  # ;)
        if prev.isalpha() and prev not in QUOTE_CHARS:
            # fast path: a mark right after a letter of its own script stays
            if _letter_script(prev) == ("ar" if c in ARABIC_TO_LATIN else "la"):
                continue
        before = _nearest_script(text[max(0, i - _SCRIPT_WINDOW) : i][::-1])
        after = _nearest_script(text[i + 1 : i + 1 + _SCRIPT_WINDOW])
        if c in "?\N{ARABIC QUESTION MARK}" and before is not None:
            scripts = {before}  # a question mark ends the sentence before it
        else:
            scripts = {s for s in (before, after) if s is not None}
        if scripts == {"ar"}:
            new = LATIN_TO_ARABIC.get(c, c)
        elif scripts == {"la"}:
            new = ARABIC_TO_LATIN.get(c, c)
        else:
            continue
        if new != c:
            out.append(text[pos:i])
            out.append(new)
            pos = i + 1
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


@step(lossless=True)
def normalize_punctuation(text: str, *, script_punctuation: bool = False) -> str:
    """Remove spaces before punctuation and closing brackets and after opening brackets.

    A space (any Unicode space separator or tab, not a line break) is removed

    - before , . ; : ! ? and the Arabic ، ؛ ؟ when the mark ends a phrase:
      a space, line end, closing bracket or quote, or another of these marks
      follows it (so "a , b" → "a, b" but ".5", ",000" and ".com" keep their
      space; after : and ; a bracket or quote does not count, for emoticons);
    - before a closing bracket ) ] } and after an opening bracket ( [ {.

    With ``script_punctuation=True`` the comma, semicolon and question mark
    also follow the script of the neighbouring letters (the nearest letter on
    each side, up to 32 characters on the same line): Arabic ، ؛ ؟ become
    , ; ? when the letters around are Latin, and the Latin ones become Arabic
    when they are Arabic.  A comma or semicolon with Latin on one side and
    Arabic on the other is left alone, so a Latin phrase inside Arabic text
    keeps its punctuation; a question mark follows the sentence it ends (the
    letter before it, or after it when there is none before).

    Left alone on purpose: numbers (3.5, 1,000, 12:30, ٣٫٥, ١٬٠٠٠ and a
    mark between two digits), URLs and e-mail addresses (never changed), the
    space before an ellipsis ("wait ..."), emoticons (":)", ";(", ":'("), line
    breaks, spaces inside « » (French spacing), and missing spaces: no space
    is ever added, so "a,b" stays.  A space before ":" is removed in Arabic
    text as in English ("قال : نعم" → "قال: نعم"); French spacing before
    ; : ! ? is removed too.

    >>> normalize_punctuation("\\u0647\\u0644 \\u062a\\u0623\\u062a\\u064a \\u061f ( 3.5 % ) :)")
    'هل تأتي؟ (3.5 %) :)'
    >>> text = "\\u0642\\u0627\\u0644, \\u0644\\u0645\\u0627\\u0630\\u0627? Why\\u061f"
    >>> normalize_punctuation(text, script_punctuation=True)
    'قال، لماذا؟ Why?'
    """
    out = _remove_spaces(text)
    if script_punctuation:
        out = _swap_scripts(out)
    return out
