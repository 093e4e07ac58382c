"""Invisible characters, for :func:`nazif.invisibles.remove_invisibles`.

Also the script data the contextual rules need: which characters are
Arabic-script letters (a ZERO WIDTH NON-JOINER between two of them is
spelling) and which are pictographs (a ZERO WIDTH JOINER between two of them
builds one emoji).  :mod:`nazif.quotes` and :mod:`nazif.punctuation` reuse
the Arabic letter set for their script decisions.
"""

from __future__ import annotations

import unicodedata

#: Always removed: format characters that have no visible effect in plain
#: text once it has left its web page, with a short reason each.
INVISIBLE_FORMAT: dict[str, str] = {
    "\N{ZERO WIDTH SPACE}": "line-break hint",
    "\N{WORD JOINER}": "no-break hint",
    "\N{ZERO WIDTH NO-BREAK SPACE}": "byte order mark / no-break hint",
    "\N{SOFT HYPHEN}": "hyphenation hint (splits words when copied)",
    "\N{LEFT-TO-RIGHT MARK}": "bidi mark",
    "\N{RIGHT-TO-LEFT MARK}": "bidi mark",
    "\N{ARABIC LETTER MARK}": "bidi mark",
    "\N{LEFT-TO-RIGHT EMBEDDING}": "bidi embedding",
    "\N{RIGHT-TO-LEFT EMBEDDING}": "bidi embedding",
    "\N{POP DIRECTIONAL FORMATTING}": "bidi embedding",
    "\N{LEFT-TO-RIGHT OVERRIDE}": "bidi override",
    "\N{RIGHT-TO-LEFT OVERRIDE}": "bidi override",
    "\N{LEFT-TO-RIGHT ISOLATE}": "bidi isolate",
    "\N{RIGHT-TO-LEFT ISOLATE}": "bidi isolate",
    "\N{FIRST STRONG ISOLATE}": "bidi isolate",
    "\N{POP DIRECTIONAL ISOLATE}": "bidi isolate",
    "\N{MONGOLIAN VOWEL SEPARATOR}": "former space, now a format character",
    "\N{FUNCTION APPLICATION}": "invisible math operator",
    "\N{INVISIBLE TIMES}": "invisible math operator",
    "\N{INVISIBLE SEPARATOR}": "invisible math operator",
    "\N{INVISIBLE PLUS}": "invisible math operator",
    "\N{INHIBIT SYMMETRIC SWAPPING}": "deprecated format character",
    "\N{ACTIVATE SYMMETRIC SWAPPING}": "deprecated format character",
    "\N{INHIBIT ARABIC FORM SHAPING}": "deprecated format character",
    "\N{ACTIVATE ARABIC FORM SHAPING}": "deprecated format character",
    "\N{NATIONAL DIGIT SHAPES}": "deprecated format character",
    "\N{NOMINAL DIGIT SHAPES}": "deprecated format character",
    "\N{INTERLINEAR ANNOTATION ANCHOR}": "annotation marker",
    "\N{INTERLINEAR ANNOTATION SEPARATOR}": "annotation marker",
    "\N{INTERLINEAR ANNOTATION TERMINATOR}": "annotation marker",
    "\N{LANGUAGE TAG}": "deprecated language tag",
}

#: Line-ending controls that are *kept*: :func:`nazif.whitespace.normalize_whitespace`
#: turns them into "\n" (or a space, for the tab).
KEPT_CONTROLS: frozenset[str] = frozenset(
    "\N{CHARACTER TABULATION}\N{LINE FEED}\N{LINE TABULATION}\N{FORM FEED}\N{CARRIAGE RETURN}\N{NEXT LINE}"
)

#: Always removed: C0 controls, DELETE and C1 controls, except ``KEPT_CONTROLS``.
CONTROLS: tuple[str, ...] = tuple(
    c for c in map(chr, [*range(0x20), 0x7F, *range(0x80, 0xA0)]) if c not in KEPT_CONTROLS
)

ZWNJ = "\N{ZERO WIDTH NON-JOINER}"
ZWJ = "\N{ZERO WIDTH JOINER}"

#: Kept, not invisible junk: emoji presentation selector (and the other
#: variation selectors), emoji tag characters, the combining grapheme joiner,
#: Arabic number signs (U+0600..U+0605, U+06DD: visible), Hangul fillers.
VARIATION_SELECTOR_16 = "\N{VARIATION SELECTOR-16}"
TAGS = (0xE0020, 0xE007F)  # TAG SPACE .. CANCEL TAG (emoji flag sequences)

#: Code point ranges treated as pictographs around a ZERO WIDTH JOINER.  A
#: superset of Unicode's Extended_Pictographic property (a test checks it)
#: made of whole symbol blocks, minus the quotation-mark ornaments
#: U+275B..U+275E (which :func:`nazif.quotes.normalize_quotes` rewrites).
PICTOGRAPH_RANGES: tuple[tuple[int, int], ...] = (
    (0x00A9, 0x00A9),  # COPYRIGHT SIGN
    (0x00AE, 0x00AE),  # REGISTERED SIGN
    (0x203C, 0x203C),  # DOUBLE EXCLAMATION MARK
    (0x2049, 0x2049),  # EXCLAMATION QUESTION MARK
    (0x2122, 0x2122),  # TRADE MARK SIGN
    (0x2139, 0x2139),  # INFORMATION SOURCE
    (0x2190, 0x21FF),  # Arrows
    (0x2300, 0x23FF),  # Miscellaneous Technical
    (0x24C2, 0x24C2),  # CIRCLED LATIN CAPITAL LETTER M
    (0x25A0, 0x275A),  # Geometric Shapes .. Dingbats (before the quote ornaments)
    (0x275F, 0x27BF),  # rest of Dingbats
    (0x2900, 0x297F),  # Supplemental Arrows-B
    (0x2B00, 0x2BFF),  # Miscellaneous Symbols and Arrows
    (0x3030, 0x3030),  # WAVY DASH
    (0x303D, 0x303D),  # PART ALTERNATION MARK
    (0x3297, 0x3297),  # CIRCLED IDEOGRAPH CONGRATULATION
    (0x3299, 0x3299),  # CIRCLED IDEOGRAPH SECRET
    (0x1F000, 0x1FAFF),  # Mahjong .. Symbols and Pictographs Extended-A (skin tones too)
    (0x1FC00, 0x1FFFD),  # reserved for future pictographs
)

#: What may stand just before a ZERO WIDTH JOINER inside an emoji sequence,
#: besides a pictograph: VARIATION SELECTOR-16 and emoji tag characters.
#: (The skin-tone modifiers U+1F3FB..U+1F3FF are inside the pictograph ranges.)
EMOJI_JOINER_PREFIX_RANGES: tuple[tuple[int, int], ...] = (
    (ord(VARIATION_SELECTOR_16), ord(VARIATION_SELECTOR_16)),
    TAGS,
)

# Blocks searched for Arabic-script letters and marks, and whether the block
# holds presentation forms.
_ARABIC_BLOCKS: tuple[tuple[int, int, bool], ...] = (
    (0x0600, 0x06FF, False),  # Arabic
    (0x0750, 0x077F, False),  # Arabic Supplement
    (0x0870, 0x089F, False),  # Arabic Extended-B
    (0x08A0, 0x08FF, False),  # Arabic Extended-A
    (0xFB50, 0xFDFF, True),  # Arabic Presentation Forms-A
    (0xFE70, 0xFEFF, True),  # Arabic Presentation Forms-B
    (0x10EC0, 0x10EFF, False),  # Arabic Extended-C
    (0x1EE00, 0x1EEFF, False),  # Arabic Mathematical Alphabetic Symbols
)


def _build_arabic() -> tuple[frozenset[str], frozenset[str]]:
    category = unicodedata.category
    letters: list[str] = []
    marks: list[str] = []
    presentation: list[str] = []
    for lo, hi, is_presentation in _ARABIC_BLOCKS:
        for cp in range(lo, hi + 1):
            c = chr(cp)
            cat = category(c)
            if cat == "Lo":
                (presentation if is_presentation else letters).append(c)
            elif cat in ("Mn", "Mc"):
                marks.append(c)
    base = frozenset(letters)
    # A presentation form counts as a letter only when its compatibility
    # form starts and ends with a letter: FATHATAN ISOLATED FORM (space +
    # mark) and the like do not, so a joiner beside one is not spelling, and
    # folding presentation forms later cannot change the joiner's context.
    for c in presentation:
        folded = unicodedata.normalize("NFKC", c)
        if folded and folded[0] in base and folded[-1] in base:
            letters.append(c)
    return frozenset(letters), frozenset(marks)


#: Arabic-script letters (general category Lo in the Arabic blocks; tatweel,
#: an Lm, is not one), presentation forms included when they fold to letters.
#: Marks: the Arabic-block combining marks (harakat, shadda, Quranic marks).
ARABIC_LETTERS, ARABIC_MARKS = _build_arabic()


def code_point_ranges(chars) -> list[tuple[int, int]]:
    """Sorted code points of ``chars`` merged into ``(first, last)`` ranges."""
    out: list[tuple[int, int]] = []
    for cp in sorted(ord(c) for c in chars):
        if out and out[-1][1] == cp - 1:
            out[-1] = (out[-1][0], cp)
        else:
            out.append((cp, cp))
    return out


#: The bidi marks LRM, RLM and ALM.  Between two Arabic-script letters one
#: (or a run of them) is not deleted but becomes a ZERO WIDTH NON-JOINER or
#: a space, see :func:`nazif.invisibles.remove_invisibles`.
BIDI_MARKS: frozenset[str] = frozenset("\N{LEFT-TO-RIGHT MARK}\N{RIGHT-TO-LEFT MARK}\N{ARABIC LETTER MARK}")

#: Letters of Persian and Urdu that standard Arabic does not use (source:
#: the Unicode names and the Persian/Urdu alphabets): PEH, TCHEH, JEH, GAF,
#: KEHEH, FARSI YEH, HEH WITH YEH ABOVE, TTEH, DDAL, RREH, NOON GHUNNA, HEH
#: DOACHASHMEE, HEH GOAL, YEH BARREE.  One of them near a bidi mark between
#: two letters says the mark stands for the Persian/Urdu half-space (ZWNJ).
_PERSIAN_URDU_BASE = "\u067e\u0686\u0698\u06af\u06a9\u06cc\u06c0\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2"


def _with_presentation_forms(base: str) -> frozenset[str]:
    out = set(base)
    for lo, hi, is_presentation in _ARABIC_BLOCKS:
        if is_presentation:
            for cp in range(lo, hi + 1):
                folded = unicodedata.normalize("NFKC", chr(cp))
                if len(folded) == 1 and folded in base:
                    out.add(chr(cp))
    return frozenset(out)


#: :data:`_PERSIAN_URDU_BASE` and their presentation forms (FB56 PEH
#: ISOLATED FORM …).
PERSIAN_URDU_LETTERS: frozenset[str] = _with_presentation_forms(_PERSIAN_URDU_BASE)

#: How far (in characters, on each side of the run of marks) the context for
#: the Persian/Urdu decision reaches: a few words.
PERSIAN_CONTEXT_CHARS = 32
